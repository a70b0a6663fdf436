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

/**
 * Where the hook runtime's human lines go: with `--json`, stdout carries only the one JSON
 * document, so the lines (and their JSON summary lines) go to stderr for people.
 */
export function stderrOnlyFor(json: boolean | undefined): { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } | undefined {
  return json ? { stdout: process.stderr, stderr: process.stderr } : undefined;
}
