import { CliError, ExitCodeValue } from "./exit-codes";

/**
 * Loads a module when a command runs (typed by the module's own exports), so that `--help` and
 * the light commands never load cdktf or the AWS SDK. A plain `require`: the CLI runs under tsx's
 * CommonJS hook, which dynamic `import()` would bypass.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const load = <T>(modulePath: string): T => require(modulePath) as T;

type HookRuntime = typeof import("../hooks/runtime");

/**
 * Runs hook-runtime code for a command. A HookFailure — already one clear line naming the stack,
 * instance and AWS error — becomes a CliError with the same exit code (the codes are shared).
 */
export async function withHookRuntime<T>(work: (runtime: HookRuntime) => Promise<T>): Promise<T> {
  // The SDK warns on Node 20 that its releases after January 2027 need Node 22; this bundle pins
  // its SDK version, so the warning only clutters the output people read.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const runtime = load<HookRuntime>("../hooks/runtime");
  try {
    return await work(runtime);
  } catch (error) {
    if (error instanceof runtime.HookFailure) throw new CliError(error.message, error.exitCode as ExitCodeValue);
    throw error;
  }
}
