#!/usr/bin/env node
/**
 * `npm run build:cdktn`: the CDK Terrain flavour of the package, `connect-campaigns-iac-cdktn`,
 * from the same build. After `npm run build`, it copies lib/, the hook bundle, the bin and the
 * embedded example into build/cdktn/ and rewrites every module specifier naming cdktf to its
 * CDK Terrain twin: `cdktf` -> `cdktn`, `cdktf/lib/...` -> `cdktn/lib/...`,
 * `@cdktf/provider-aws/lib/...` -> `@cdktn/provider-aws/lib/...` (in the .js and the .d.ts).
 * Nothing else changes: CDK Terrain keeps cdktf's construct model, class names and files. The
 * hook bundle is the same file (the hook runtime never loads cdktf).
 *
 * Plain JavaScript (no tsx): it runs where the package is packed. Then `npm pack build/cdktn`.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "build", "cdktn");

/** What the cdktn flavour is built and tested against (test/package/cdktn-consumer.test.ts). */
const CDKTN_PEERS = { cdktn: "0.24.0", constructs: ">=10.6.0 <10.8.0", "@cdktn/provider-aws": "25.7.0" };

/** A module specifier of cdktf or its AWS provider binding, quoted as in `require("…")` or `from "…"`. */
const CDKTF_SPECIFIER = /(["'])(cdktf|@cdktf\/provider-aws)((?:\/[^"']*)?)\1/g;
const TWIN = { cdktf: "cdktn", "@cdktf/provider-aws": "@cdktn/provider-aws" };

function rewrite(text) {
  return text.replace(CDKTF_SPECIFIER, (_, quote, name, rest) => `${quote}${TWIN[name]}${rest}${quote}`);
}

function copyTree(from, to, transform) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target, transform);
    else if (transform && /\.(js|d\.ts)$/.test(entry.name)) fs.writeFileSync(target, transform(fs.readFileSync(source, "utf8")));
    else fs.copyFileSync(source, target);
  }
}

function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  for (const needed of ["lib/modules/index.js", "dist/campaigns-hook.cjs"]) {
    if (!fs.existsSync(path.join(ROOT, needed))) throw new Error(`${needed} is missing: run \`npm run build\` first`);
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  copyTree(path.join(ROOT, "lib"), path.join(OUT, "lib"), rewrite);
  copyTree(path.join(ROOT, "bin"), path.join(OUT, "bin"));
  fs.mkdirSync(path.join(OUT, "dist"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "dist", "campaigns-hook.cjs"), path.join(OUT, "dist", "campaigns-hook.cjs"));
  fs.mkdirSync(path.join(OUT, "examples"), { recursive: true });
  for (const file of ["rollout.json", "rollout.schema.json"]) fs.copyFileSync(path.join(ROOT, "examples", file), path.join(OUT, "examples", file));
  fs.copyFileSync(path.join(ROOT, "README.md"), path.join(OUT, "README.md"));

  const left = [];
  (function scan(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) scan(file);
      else if (/(["'])cdktf(\/[^"']*)?\1|["']@cdktf\//.test(fs.readFileSync(file, "utf8"))) left.push(path.relative(OUT, file));
    }
  })(path.join(OUT, "lib"));
  if (left.length > 0) throw new Error(`cdktf still named in: ${left.join(", ")}`);

  const { devDependencies: _dev, scripts: _scripts, peerDependencies: _peers, ...rest } = manifest;
  const cdktn = {
    ...rest,
    name: `${manifest.name}-cdktn`,
    description: `${manifest.description} Built for CDK Terrain (cdktn ${CDKTN_PEERS.cdktn}).`,
    engines: { node: ">=22.11" },
    peerDependencies: CDKTN_PEERS,
  };
  fs.writeFileSync(path.join(OUT, "package.json"), `${JSON.stringify(cdktn, null, 2)}\n`);
  process.stdout.write(`Built the CDK Terrain package in ${path.relative(ROOT, OUT)} (${cdktn.name}@${cdktn.version})\n`);
}

main();
