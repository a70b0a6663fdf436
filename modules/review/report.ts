import type { ChangeKind } from "./change-kind";
import type { Risk, RiskOrNone } from "./risk";
import type { AttributeChange } from "./values";

/**
 * The review as data: what `review --json` prints. A stable shape: fields are only ever added;
 * `version` changes if one is removed or changes meaning.
 */
export interface ReviewReport {
  readonly version: 1;
  /** The highest risk of any stack; "none" when nothing changes. */
  readonly risk: RiskOrNone;
  readonly stacks: readonly StackReview[];
}

export interface StackReview {
  /** The file or directory given on the command line. */
  readonly source: string;
  /** `campaigns-<account>-<region>`, or the source's name when the plan does not tell. */
  readonly stack: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly terraformVersion: string | null;
  readonly formatVersion: string;
  /** How many resources each kind of change touches (data source reads under "read"). */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly risk: RiskOrNone;
  /** Every change but plain no-ops, highest risk first. */
  readonly changes: readonly ReviewedChange[];
  /** Objects changed outside Terraform, as seen while planning. */
  readonly drift: readonly DriftEntry[];
  readonly outputs: readonly OutputEntry[];
  /** Things that make the plan itself suspect (it errored, say). */
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
  /** The campaigns that exist now; absent when they could not be listed. */
  readonly campaigns?: readonly LiveCampaign[];
  /** Why they could not be listed. */
  readonly error?: string;
}
