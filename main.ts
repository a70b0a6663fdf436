/**
 * The CDKTF app: one stack per (account, Region) target of a rollout config.
 *
 *   ROLLOUT_CONFIG=<file> npm run synth     synthesizes that config
 *   npm run synth                            synthesizes the embedded examples/rollout.json
 *   CAMPAIGNS_STACKS=<id,id> / CAMPAIGNS_WAVE=<name>   only those stacks / that wave
 *
 * An invalid config prints one line per problem and exits 1 before anything is written.
 */
import * as path from "node:path";
import { isInputError, loadRolloutConfig } from "./modules/rollout";
import { buildApp } from "./modules/stack";

export const EMBEDDED_CONFIG = path.join(__dirname, "examples", "rollout.json");

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(",").map((s) => s.trim()).filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function main(): void {
  const file = process.env.ROLLOUT_CONFIG || EMBEDDED_CONFIG;
  try {
    const rollout = loadRolloutConfig(file);
    buildApp(rollout, { stacks: list(process.env.CAMPAIGNS_STACKS), wave: process.env.CAMPAIGNS_WAVE || undefined }).synth();
  } catch (error) {
    if (!isInputError(error)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

main();
