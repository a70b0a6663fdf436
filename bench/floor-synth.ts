/**
 * The bench's floor, as a program: `node --import tsx bench/floor-synth.ts <config.json> <outdir> [--validate]`.
 * Reads the generated config with JSON.parse (no validation) and synthesizes a FloorStack per target.
 * With `--validate`: the same stacks as a plain cdktf app writes them, cdktf's validation on
 * (`DataResource`'s per-resource `terraform version` check included).
 */
import * as fs from "node:fs";
import { App } from "cdktf";
import { FloorStack } from "./floor-stack";
import type { BenchConfig } from "./scale-config";

const [configFile, outdir, validate] = process.argv.slice(2);
const config = JSON.parse(fs.readFileSync(configFile, "utf8")) as BenchConfig;
const app = new App({ outdir, skipValidation: validate !== "--validate" });
for (const target of config.targets) new FloorStack(app, target, config.defaults);
app.synth();
