/**
 * The bench's floor, as a program: `node --import tsx bench/floor-synth.ts <config.json> <outdir>`.
 * Reads the generated config with JSON.parse (no validation) and synthesizes a FloorStack per target.
 */
import * as fs from "node:fs";
import { App } from "cdktf";
import { FloorStack } from "./floor-stack";
import type { BenchConfig } from "./scale-config";

const [configFile, outdir] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configFile, "utf8")) as BenchConfig;
const app = new App({ outdir, skipValidation: true });
for (const target of config.targets) new FloorStack(app, target, config.defaults);
app.synth();
