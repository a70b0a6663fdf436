/**
 * The part of a failed Terraform command's stderr a one-line report should carry: its first
 * diagnostic (`Error: <summary>` and the lines of its paragraph, at most three), since the last
 * lines are often the tail of a long SDK error ("…, NoSuchBucket:") that hides what went wrong.
 * Without an `Error:` line, the last three lines; without output, the exit code.
 */
export function terraformErrorSummary(stderr: string, code: number): string {
  // Without -no-color's effect (a user's own run) diagnostics sit in a box: "│ Error: …".
  const lines = stderr.split("\n").map((line) => line.replace(/^[│╷╵]\s?/, "").trimEnd());
  const first = lines.findIndex((line) => line.startsWith("Error: "));
  if (first >= 0) {
    const paragraph: string[] = [];
    for (const line of lines.slice(first)) {
      if (line.trim() === "" && paragraph.length > 1) break;
      if (line.trim() !== "") paragraph.push(line.trim());
      if (paragraph.length === 3) break;
    }
    return paragraph.join(" ");
  }
  return lines.filter((line) => line.trim() !== "").slice(-3).join(" ") || `exit code ${code}`;
}
