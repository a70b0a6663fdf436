#!/usr/bin/env node
// In a checkout (the TypeScript sources are here) the CLI runs them through tsx's require hook:
// no build step while developing. An installed package ships no sources, only the compiled
// build (lib/), which runs with plain node: tsx is a dev dependency.
const fs = require("node:fs");
const path = require("node:path");

const sources = path.join(__dirname, "..", "modules", "cli", "main.ts");
if (fs.existsSync(sources)) {
  require("tsx/cjs");
  require(sources);
} else {
  require("../lib/modules/cli/main.js");
}
