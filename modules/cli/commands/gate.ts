import * as fs from "node:fs";
import * as path from "node:path";
import { findStep, gateWave, loadRolloutConfig } from "../../rollout";
import type { StackResult } from "../../rollout";
import { CliError, ExitCode } from "../exit-codes";
import { printJson } from "../output";

const OUTCOMES: readonly string[] = ["success", "failure", "cancelled", "skipped"];

/** Every `*.json` result under `dir` (download-artifact may nest them a folder deep). */
export function readResults(dir: string): StackResult[] {
  // No folder is bad input (exit 1), not a verdict (2): most often a typo in --results, and a
  // gate must not read "stop the rollout" into it. A wave none of whose jobs uploaded a result
  // (download-artifact then creates no folder) is an empty folder: every stack without a result.
  if (!fs.existsSync(dir)) {
    throw new CliError(`${dir}: expected a folder of result files (--results), got no such folder; if no job of the wave uploaded a result, pass an empty folder (every stack then counts as without a result)`);
  }
  if (!fs.statSync(dir).isDirectory()) throw new CliError(`${dir}: expected a folder of result files (--results), got a file`);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".json")).sort();
  return files.map((file) => {
    const where = path.join(dir, file);
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(where, "utf8"));
    } catch (error) {
      throw new CliError(`${where}: expected a JSON result {"stack": ..., "outcome": ...}: ${(error as Error).message}`);
    }
    const result = value as Partial<StackResult> | null;
    if (typeof result?.stack !== "string" || typeof result.outcome !== "string" || !OUTCOMES.includes(result.outcome)) {
      throw new CliError(`${where}: expected {"stack": "<stack id>", "outcome": "${OUTCOMES.join('" | "')}"}`);
    }
    return { stack: result.stack, outcome: result.outcome };
  });
}

/**
 * `gate --config <file> --wave <name> --results <dir> [--json]`: exits 0 when the wave's failed
 * (or unreported) stacks are within its failure tolerance, 2 (gated) when they exceed it; 1 for
 * bad input (no such folder, an unreadable result, a wave the config lacks).
 */
export function gateCommand(options: { config: string; wave: string; results: string; json?: boolean }): void {
  const rollout = loadRolloutConfig(options.config);
  findStep(rollout, options.wave); // a wrong --wave is the first thing to report, before any result file
  const verdict = gateWave(rollout, options.wave, readResults(options.results));
  const failures = verdict.failed.length + verdict.missing.length;
  if (options.json) {
    printJson(verdict);
  } else {
    const lines = [
      `wave ${verdict.wave}: ${verdict.succeeded.length} succeeded, ${verdict.failed.length} failed, ${verdict.missing.length} without a result; tolerance ${verdict.failureTolerance}`,
      ...verdict.failed.map((id) => `  failed:    ${id}`),
      ...verdict.missing.map((id) => `  no result: ${id} (counted as failed)`),
      ...verdict.foreign.map((id) => `  ignored:   ${id} (not in wave ${verdict.wave})`),
      ...verdict.repeated.map((r) => `  repeated:  ${r.stack} (${r.outcomes.length} results: ${r.outcomes.join(", ")}; ${r.outcomes.every((o) => o === "success") ? "succeeded" : "any that is not success counts: failed"})`),
      verdict.pass ? `PASS: ${failures} <= ${verdict.failureTolerance}, the next wave may start` : `STOP: ${failures} > ${verdict.failureTolerance}, the rollout stops here`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (!verdict.pass) process.exitCode = ExitCode.gated;
}
