import type { ReviewReport } from "./report";
import { riskRank, type Risk } from "./risk";

/**
 * The levels `--fail-on` accepts: low would fail every change, so it is not offered. The CLI's
 * option declares them as its choices (commander refuses anything else: exit 64, usage).
 */
export type RiskGateLevel = Extract<Risk, "high" | "medium">;

/** True when the report holds a change at or above the gate's level. */
export const riskGateTripped = (report: ReviewReport, level: RiskGateLevel): boolean => riskRank(report.risk) >= riskRank(level);
