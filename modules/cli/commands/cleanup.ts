import { toAccountGuardInput, toCleanupInput } from "../../hooks/contract";
import { accountGuardSettingsFor, hookSettingsFor, loadRolloutConfig, selectTargets } from "../../rollout";
import { CliError, ExitCode } from "../exit-codes";
import { withHookRuntime } from "../lazy";
import { printJson, hookOutputFor } from "../output";

export interface CleanupOptions {
  readonly config: string;
  readonly stack: string;
  readonly instance?: string;
  readonly dryRun?: boolean;
  readonly allowDeletion?: boolean;
  readonly json?: boolean;
}

/**
 * `cleanup --config <file> --stack <stack> [--dry-run]`: runs the destroy hook's code by hand,
 * with the inputs the stack stores (rebuilt from the same config), for every instance of the
 * target (or one). `--dry-run` lists what would be backed up and deleted and changes nothing.
 */
export async function cleanupCommand(options: CleanupOptions): Promise<void> {
  const rollout = loadRolloutConfig(options.config);
  const [target] = selectTargets(rollout, { stacks: [options.stack] });
  const instances = hookSettingsFor(target).filter(({ instance }) => options.instance === undefined || instance.id === options.instance);
  if (instances.length === 0) {
    throw new CliError(
      options.instance === undefined
        ? `${options.config}: stack ${options.stack} has no instances: nothing to clean up`
        : `${options.config}: stack ${options.stack} has no instance ${options.instance}`,
    );
  }
  await withHookRuntime(async (runtime) => {
    const output = hookOutputFor(options.json);
    const results: object[] = [];
    let accountGuard: object | undefined;
    const report = () =>
      options.json && printJson({ stack: options.stack, dryRun: options.dryRun === true, instances: results, ...(accountGuard ? { accountGuard } : {}) });
    let exitCode: number = ExitCode.ok;
    for (const { settings } of instances) {
      const input = toCleanupInput({
        ...settings,
        // A person at the keyboard may allow what the config does not (after a dry run).
        allowCampaignDeletion: settings.allowCampaignDeletion || options.allowDeletion === true,
      });
      try {
        const result = options.dryRun ? await runtime.planCleanup(input, { output }) : await runtime.runCleanup(input, { output });
        results.push({ summary: result.summary, campaigns: result.campaigns });
        exitCode = Math.max(exitCode, result.exitCode);
      } catch (error) {
        // The JSON says what was done before the failure (earlier instances, and this one's
        // deletions when the cleanup got that far), then the failure goes out as usual. A failure
        // before anything was done prints no JSON: only the error, as for any refusal.
        if (!(error instanceof runtime.HookFailure)) throw error;
        const partial = error instanceof runtime.CleanupFailure;
        if (results.length === 0 && !partial) throw error;
        const done = partial ? { summary: error.result.summary, campaigns: error.result.campaigns } : {};
        results.push({ instance: input.instance_id, ...done, error: error.message, exitCode: error.exitCode });
        report();
        throw error;
      }
    }
    // What the destroy's account guard would find (a target that deletes the role): every Region of
    // the account. The role's ARN is in state, not in the config: any campaigns role counts here.
    // A finding is reported (stderr, `accountGuard` in --json), not an exit code: the dry run
    // itself succeeded, as it does when the cleanup would refuse.
    if (options.dryRun && target.role.mode !== "observe") {
      accountGuard = (await runtime.runAccountGuard(toAccountGuardInput(accountGuardSettingsFor(target, "")), { output })).summary;
    }
    report();
    process.exitCode = exitCode;
  });
}
