#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook: no separate build step for the sources.
require("tsx/cjs");
require("../modules/cli/main.ts");
