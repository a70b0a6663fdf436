/**
 * One hook command from argv and env to an exit code: what `main.ts` runs, and what a CLI can
 * call to behave exactly like Terraform's local-exec. Never throws; every failure is one line.
 */
import { HOOK_COMMAND_KIND, HookExit, type HookCommand, type HookInput } from "../contract";
import { runAccountGuard } from "./account-role-guard";
import { runCleanup } from "./cleanup";
import { describeError, HookFailure, type HookExitCode } from "./errors";
import { parseHookInput } from "./input";
import { runOffboarding } from "./offboarding";
import { runOnboarding } from "./onboarding";
import { processStreams } from "./report";
import type { RunOptions } from "./run-context";

type Runner = (input: HookInput, options: RunOptions) => Promise<{ exitCode: HookExitCode }>;

// Each runner takes its own kind of input; parseHookInput checks the kind (HOOK_COMMAND_KIND) first.
const COMMANDS: Readonly<Record<HookCommand, Runner>> = {
  onboard: runOnboarding as Runner,
  offboard: runOffboarding as Runner,
  cleanup: runCleanup as Runner,
  "account-guard": runAccountGuard as Runner,
};

const isCommand = (value: string | undefined): value is HookCommand => value !== undefined && value in COMMANDS;

export async function runHook(
  command: string | undefined,
  inputJson: string | undefined,
  options: RunOptions = {},
): Promise<HookExitCode> {
  const stderr = (options.output ?? processStreams()).stderr;
  let stack = "";
  try {
    if (!isCommand(command)) {
      throw new HookFailure(
        `usage: campaigns-hook <${Object.keys(COMMANDS).join("|")}>, got ${command ?? "nothing"}`,
        HookExit.usage,
      );
    }
    const input = parseHookInput(inputJson, HOOK_COMMAND_KIND[command]);
    stack = `${input.stack}: `;
    return (await COMMANDS[command](input, options)).exitCode;
  } catch (error) {
    const failure = error instanceof HookFailure ? error : undefined;
    // An unexpected error still gets one line: its name and message, never a stack or a config dump.
    stderr.write(`campaigns-hook: error: ${failure ? failure.message : `${stack}unexpected ${describeError(error)}`}\n`);
    return failure?.exitCode ?? HookExit.failed;
  }
}
