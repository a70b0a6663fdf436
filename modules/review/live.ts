import { removesObject } from "./change-kind";
import type { PlanDocument } from "./plan-json";
import type { LiveCleanup } from "./report";
import { hookAt, hookOf, removedWithoutHooks } from "./rules/subjects";
import { campaignDeletionArmed } from "./rules/campaign-deletion-armed";
import { changeKind } from "./change-kind";
import { knownAt } from "./values";
import { retiredAddresses } from "./review-stack";

/**
 * The state as the review prints it: v1 campaigns as always, v2 ones (v1 and v2 campaigns both
 * answer here) with their API and channels, e.g. `Running, v2 SMS`.
 */
function liveState(c: { readonly state: string; readonly api: string; readonly channelSubtypes?: readonly string[] }): string {
  if (c.api !== "v2") return c.state;
  return `${c.state}, v2${c.channelSubtypes?.length ? ` ${c.channelSubtypes.join("+")}` : ""}`;
}

/**
 * The one lazy edge to the hook runtime (and so the AWS SDK): loaded only for `--live`. A lazy
 * require, not import(): the checkout's CLI runs the sources under tsx's CommonJS hook, which a
 * dynamic import() bypasses — Node's ESM loader then refuses the directory import
 * (ERR_UNSUPPORTED_DIR_IMPORT). The compiled package turns import() into this require anyway.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hookRuntime = () => require("../hooks/runtime") as typeof import("../hooks/runtime");

/** Swallows the hook runtime's own lines: the review prints its findings itself. */
const SILENT = { write: () => true };

/**
 * For each destroy hook the plan will run (and each hook it arms: allow_campaign_deletion becomes
 * true), the campaigns (v1 and v2) its instance has now — through the same
 * code as `cleanup --dry-run` (the hook runtime's `planCleanup`), with the standard AWS
 * credentials and endpoint. The hook runtime (and so the AWS SDK) loads only here.
 *
 * @param stackDir the stack's directory: the stored `backup_dir` is relative to it (where
 *   `local-exec` runs), not to the directory the review runs in.
 */
export async function liveCleanups(plan: PlanDocument, stackDir: string): Promise<LiveCleanup[]> {
  const hooks = (plan.resource_changes ?? []).flatMap((resource) => {
    const kind = changeKind(resource.change.actions);
    const hook = hookOf({ resource, kind }, "campaigns-cleanup");
    if (hook && removesObject(kind)) return [{ address: resource.address, hook, input: knownAt(resource.change, "before", ["input"]) }];
    // A hook this plan arms: its next destroy runs with the new settings, on the campaigns there now.
    if (campaignDeletionArmed.check({ resource, kind })) {
      const armed = hookAt({ resource, kind }, "campaigns-cleanup", "after")!;
      return [{ address: resource.address, hook: armed, input: knownAt(resource.change, "after", ["input"]), armed: true as const }];
    }
    return [];
  });
  if (hooks.length === 0) return [];
  const { parseHookInput, planCleanup } = hookRuntime();
  const results: LiveCleanup[] = [];
  for (const { address, hook, input, ...armed } of hooks) {
    const entry = { address, instance: hook.instance, allowCampaignDeletion: hook.allowCampaignDeletion === true, ...armed };
    try {
      // The stored input is what the hook will run with; a hidden (sensitive) input cannot be used.
      if (input === undefined) throw new Error("the hook's input is hidden in the plan");
      const hookInput = parseHookInput(JSON.stringify(input), "campaigns-cleanup");
      const { campaigns } = await planCleanup(hookInput, { output: { stdout: SILENT, stderr: SILENT }, cwd: stackDir });
      results.push({ ...entry, campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, state: liveState(c) })) });
    } catch (error) {
      results.push({ ...entry, error: (error as Error).message.split("\n")[0] });
    }
  }
  return results;
}

/**
 * What the stack's account guard would refuse the role's deletion for, asked now through the
 * hook runtime's own guard (`runAccountGuard`, silent) with the input the plan says it will run
 * with: one line per blocker, a line saying why it could not tell, or none. Undefined when the
 * plan destroys no account guard.
 */
export async function liveAccountGuard(plan: PlanDocument): Promise<string[] | undefined> {
  const retired = retiredAddresses(plan);
  const guard = (plan.resource_changes ?? []).find((resource) => {
    const kind = changeKind(resource.change.actions);
    const input = knownAt(resource.change, "before", ["input"]) as { kind?: unknown } | undefined;
    return resource.type === "terraform_data" && removesObject(kind) && input?.kind === "campaigns-account-guard" && !removedWithoutHooks({ resource, kind, retired });
  });
  if (!guard) return undefined;
  const { parseHookInput, runAccountGuard, describeBlocker } = hookRuntime();
  try {
    const input = parseHookInput(JSON.stringify(knownAt(guard.change, "before", ["input"])), "campaigns-account-guard");
    const { summary } = await runAccountGuard(input, { output: { stdout: SILENT, stderr: SILENT, jsonSummary: false } });
    return summary.blockers.map((b) => describeBlocker(b, input.stack));
  } catch (error) {
    return [`the account guard could not check the account: ${(error as Error).message.split("\n")[0]}`];
  }
}
