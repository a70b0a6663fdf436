/** The exit codes of the CLI, the synth and the hooks. Part of the hook contract: no imports (both walls import it). */

/**
 * The one table of exit codes, for the CLI (`connect-campaigns-iac`), the synth (`main`) and the
 * hook runtime alike: each code means one thing wherever it comes from, so pipelines can branch
 * on it, and a hook failure the CLI reports by hand keeps its code.
 */
export const ExitCode = {
  ok: 0,
  /** The work failed (an AWS call, onboarding FAILED or timed out), or the input (config, plan, backup) was unreadable or invalid. */
  failed: 1,
  /** A gate closed: `review --fail-on` (a change at or above the risk) or `gate` (a wave's failures exceed its tolerance). */
  gated: 2,
  /** The campaigns guard refused: campaigns exist and deletion is not allowed. Nothing was deleted. */
  refused: 3,
  /**
   * The command line itself was wrong: an unknown command or option, a missing or extra argument, an
   * option value outside its domain, options that need or exclude each other; for a hook, a missing
   * or malformed `CAMPAIGNS_HOOK_INPUT`.
   */
  usage: 64,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The codes the hook runtime exits with: the same table (the same object), without `gated`. */
export const HookExit: Omit<typeof ExitCode, "gated"> = ExitCode;
