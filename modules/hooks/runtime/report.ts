/**
 * What the hook prints. Human lines go to stdout, where Terraform shows them; a progress bar
 * goes to stderr only when stderr is a terminal (Terraform's logs must not fill with carriage
 * returns); the last stdout line is one JSON summary a program can parse.
 *
 * That JSON line is kept under Terraform: a pipeline can find the cleanup's counts in the apply
 * log (`"event":"cleanup-summary"`), and the tests read it from the bundle's stdout. The CLI turns
 * it off (`jsonSummary: false`): its human output is sentences only, and its `--json` output is
 * one document that already holds the summary.
 */

export interface TextSink {
  write(text: string): unknown;
}

export interface OutputStreams {
  readonly stdout: TextSink;
  readonly stderr: TextSink & { readonly isTTY?: boolean };
  /** Whether the final JSON summary line is printed. @default true */
  readonly jsonSummary?: boolean;
}

export const processStreams = (): OutputStreams => ({ stdout: process.stdout, stderr: process.stderr });

const BAR_WIDTH = 30;
const CLEAR_LINE = "\r\x1b[K";

export class Reporter {
  private barShown = false;

  constructor(
    private readonly streams: OutputStreams,
    /** Put in front of every human line: the stack and instance. */
    private readonly prefix: string,
  ) {}

  line(text: string): void {
    this.clearBar();
    this.streams.stdout.write(`${this.prefix}: ${text}\n`);
  }

  warn(text: string): void {
    this.clearBar();
    this.streams.stderr.write(`${this.prefix}: ${text}\n`);
  }

  progress(done: number, total: number, label: string): void {
    if (!this.streams.stderr.isTTY || total === 0) return;
    const filled = Math.round((done / total) * BAR_WIDTH);
    const bar = `${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}`;
    this.streams.stderr.write(`${CLEAR_LINE}[${bar}] ${done}/${total} ${label}`);
    this.barShown = true;
  }

  /** The final machine-readable line: call once, last. */
  summary(event: object): void {
    if (this.streams.jsonSummary === false) return;
    this.clearBar();
    this.streams.stdout.write(`${JSON.stringify(event)}\n`);
  }

  private clearBar(): void {
    if (!this.barShown) return;
    this.streams.stderr.write(CLEAR_LINE);
    this.barShown = false;
  }
}
