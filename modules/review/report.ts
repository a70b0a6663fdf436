import type { ChangeKind } from "./change-kind";
import type { Risk, RiskOrNone } from "./risk";
import type { AttributeChange } from "./values";
import type { ReviewDriftCheck } from "./drift-check";

/**
 * The review as data: what `review --json` prints. A stable shape: fields are only ever added;
 * `version` changes if one is removed or changes meaning.
 */
export interface ReviewReport {
  readonly version: 1;
  /** The highest risk of any stack; "none" when nothing changes. */
  readonly risk: RiskOrNone;
  readonly stacks: readonly StackReview[];
  /**
   * Only from `plan-review`, which compares the PR's synth with the base's: the config the PR
   * starts from (file, or `<ref>:<file>`), null when there was none to compare with (every stack
   * planned).
   */
  readonly base?: string | null;
  /**
   * Only from `plan-review --base-ref`, and only when true: the config file does not exist at
   * that ref (the pull request adds it), so every stack is new.
   */
  readonly baseMissing?: true;
  /** Only from `plan-review`: stacks whose cdk.tf.json is the same as the base's, not planned. */
  readonly unchanged?: readonly string[];
  /** Only from `plan-review`: stacks the base had and the PR's config no longer names. High risk. */
  readonly removed?: readonly RemovedStack[];
  /** Only from `plan-review`: stacks whose plan failed. High risk: nothing says what they would do. */
  readonly failed?: readonly FailedStack[];
  /** Only from `plan-review --all`: the live check of what the plans cannot see (modules/drift). */
  readonly driftCheck?: ReviewDriftCheck;
}

/** What `plan-review` did with a stack. */
export type StackStatus = "planned" | "unchanged" | "removed" | "failed";

export interface RemovedStack {
  readonly stack: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly status: "removed";
  readonly risk: "high";
  /** What happens, and the safe removal path. */
  readonly reason: string;
}

export interface FailedStack {
  readonly stack: string;
  readonly status: "failed";
  readonly risk: "high";
  /** The stack's folder, whose plan.log holds Terraform's whole output. */
  readonly dir: string;
  readonly error: string;
}

export interface StackReview {
  /** The file or directory given on the command line. */
  readonly source: string;
  /** Only from `plan-review`: "planned" (new or changed against the base, or `--all`). */
  readonly status?: Extract<StackStatus, "planned">;
  /** Only from `plan-review` with a base: whether the base had the stack. */
  readonly change?: "new" | "changed" | "unchanged";
  /** `campaigns-<account>-<region>`, or the source's name when the plan does not tell. */
  readonly stack: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly terraformVersion: string | null;
  readonly formatVersion: string;
  /** How many resources each kind of change touches (data source reads under "read"). */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly risk: RiskOrNone;
  /** What the plan as a whole carries (it errored, say), counted in `risk` like a change. */
  readonly findings: readonly Finding[];
  /** Every change but plain no-ops, highest risk first. */
  readonly changes: readonly ReviewedChange[];
  /** Objects changed outside Terraform, as seen while planning. */
  readonly drift: readonly DriftEntry[];
  readonly outputs: readonly OutputEntry[];
  /**
   * Outputs that are only re-read: their value comes from data sources Terraform reads again
   * during apply, so the plan shows "(known after apply)" without anything known to change (a
   * tag update, say). Not changes: not in `outputs`, not in the Markdown.
   */
  readonly rereadOutputs: readonly string[];
  /** Things that make the plan itself suspect but carry no risk (an errored plan is a finding instead). */
  readonly warnings: readonly string[];
  /** With `--live`: the campaigns each destroy hook would find now. */
  readonly live?: readonly LiveCleanup[];
}

export interface ReviewedChange {
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  readonly kind: ChangeKind;
  /** Terraform's own actions, e.g. ["delete", "create"]. */
  readonly actions: readonly string[];
  readonly risk: Risk;
  /** Why: one finding per rule that fired, or one low-risk description. */
  readonly findings: readonly Finding[];
  /** For updates: the attributes that change, with values rendered safely. */
  readonly attributes: readonly AttributeChange[];
  /** The id being imported, when the change imports an existing object. */
  readonly importing?: string;
  /** The address the resource had before a `moved` block. */
  readonly movedFrom?: string;
}

export interface Finding {
  /** The rule id, or "change" for the description of a change no rule matched. */
  readonly rule: string;
  readonly risk: Risk;
  readonly reason: string;
}

export interface DriftEntry {
  readonly address: string;
  readonly kind: ChangeKind;
  /** Names only: drift is context for the reviewer, not the change under review. */
  readonly attributes: readonly string[];
}

export interface OutputEntry {
  readonly name: string;
  readonly kind: ChangeKind;
  readonly before: string;
  readonly after: string;
}

export interface LiveCampaign {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

export interface LiveCleanup {
  readonly address: string;
  readonly instance: string;
  readonly allowCampaignDeletion: boolean;
  /** True for a hook the plan does not destroy but arms (allow_campaign_deletion becomes true): its next destroy deletes these. */
  readonly armed?: true;
  /** The campaigns that exist now; absent when they could not be listed. */
  readonly campaigns?: readonly LiveCampaign[];
  /** Why they could not be listed. */
  readonly error?: string;
}
