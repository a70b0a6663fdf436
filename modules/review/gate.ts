import { PlanInputError } from "./read-plan";
import type { ReviewReport } from "./report";
import { riskRank, type Risk } from "./risk";

/** The levels `--fail-on` accepts: low would fail every change, so it is not offered. */
export type GateLevel = Extract<Risk, "high" | "medium">;

export function parseGateLevel(value: string): GateLevel {
  if (value === "high" || value === "medium") return value;
  throw new PlanInputError("--fail-on", `expected "high" or "medium", got "${value}"`);
}

/** True when the report holds a change at or above the gate's level. */
export const gateTripped = (report: ReviewReport, level: GateLevel): boolean => riskRank(report.risk) >= riskRank(level);
