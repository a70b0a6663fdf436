/**
 * The bundle entry: `node campaigns-hook.cjs <onboard|offboard|cleanup>` with the input in
 * CAMPAIGNS_HOOK_INPUT. Sets the exit code (see HookExit) and lets Node exit on its own, so
 * stdout is flushed before the process ends.
 */
import { HOOK_INPUT_ENV } from "../contract";
import { runHook } from "./run";

// The SDK warns on every run that its releases after January 2027 need Node 22. This bundle pins
// its SDK at build time, so the warning says nothing about it and only clutters Terraform's log.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

void runHook(process.argv[2], process.env[HOOK_INPUT_ENV]).then((code) => {
  process.exitCode = code;
});
