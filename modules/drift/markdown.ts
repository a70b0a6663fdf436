/**
 * The drift check for people: a table per wave (the config's target groups), the findings and
 * the targets that could not be checked first, the targets in sync counted ("498 in sync").
 */
import { code, driftTable } from "../review";
import type { DriftReport } from "./findings";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * @param checked every target the check covered, with its wave, in the config's order: the
 *   tables follow the waves' order, and the targets without a finding are counted per wave.
 */
export function renderDriftMarkdown(report: DriftReport, checked: readonly { readonly stack: string; readonly wave: string }[]): string {
  const flagged = new Set([...report.findings.map((f) => f.stack), ...report.errors.map((e) => e.stack)]);
  const withFindings = new Set(report.findings.map((f) => f.stack)).size;
  const lines = [
    "## Drift check (what a plan cannot see)",
    "",
    `${plural(report.targets, "target")}: **${report.inSync} in sync**, ${withFindings} with findings (${plural(report.findings.length, "finding")}), ${report.errors.length} not checked.`,
  ];
  const waves = new Map<string, string[]>();
  for (const { stack, wave } of checked) waves.set(wave, [...(waves.get(wave) ?? []), stack]);
  for (const [wave, ids] of waves) {
    const stacks = new Set(ids);
    const findings = report.findings.filter((f) => stacks.has(f.stack));
    const errors = report.errors.filter((e) => stacks.has(e.stack));
    const inSync = ids.filter((id) => !flagged.has(id)).length;
    const counts = [`${inSync} in sync`, ...(findings.length ? [plural(findings.length, "finding")] : []), ...(errors.length ? [`${errors.length} not checked`] : [])];
    lines.push("", `### Wave ${code(wave)}: ${counts.join(", ")}`, "");
    if (findings.length > 0 || errors.length > 0) lines.push(...driftTable(findings, errors), "");
    lines.push(`${inSync} in sync.`);
  }
  return `${lines.join("\n")}\n`;
}
