/** Writes a value for machines: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Renders rows as an aligned plain-text table (for terminals). */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The first items of a list, and how many more: a list of 2000 stacks stays one line. */
export function listPreview(items: readonly string[], shown = 2): string {
  const more = items.length - shown;
  return items.slice(0, shown).join(", ") + (more > 0 ? `, … (+${more} more)` : "");
}

/**
 * Where the hook runtime's lines go when the CLI runs it: with `--json`, stdout carries only the
 * one JSON document, so the human lines go to stderr. Never the hook's JSON summary line: human
 * output is sentences only, and `--json`'s document already holds the summary.
 */
export function hookOutputFor(json: boolean | undefined): { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; jsonSummary: false } {
  return { stdout: json ? process.stderr : process.stdout, stderr: process.stderr, jsonSummary: false };
}
