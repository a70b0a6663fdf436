/**
 * The parts of Terraform's JSON plan (`terraform show -json <planfile>`, format_version 0.1 to
 * 1.x) that the review reads. `prior_state` is left out on purpose: the review prints nothing
 * from it.
 */

/** A sensitivity or unknown-ness mask: true for the whole value, or the value's shape with booleans inside. */
export type ValueMask = boolean | readonly ValueMask[] | { readonly [key: string]: ValueMask };

export type PlanAction = "no-op" | "create" | "read" | "update" | "delete" | "forget";

export interface PlanChange {
  readonly actions: readonly PlanAction[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: ValueMask;
  readonly before_sensitive?: ValueMask;
  readonly after_sensitive?: ValueMask;
  readonly replace_paths?: readonly (readonly (string | number)[])[];
  /** Terraform >= 1.5: the resource is being imported (`{ id }`, or `{ identity }` from 1.12). */
  readonly importing?: { readonly id?: string; readonly identity?: unknown };
}

export interface PlanResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name?: string;
  readonly action_reason?: string;
  readonly change: PlanChange;
}

export interface PlanProviderConfig {
  readonly name?: string;
  readonly expressions?: Record<string, { readonly constant_value?: unknown }>;
}

export interface PlanDocument {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly planned_values?: object;
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly resource_drift?: readonly PlanResourceChange[];
  readonly output_changes?: Readonly<Record<string, PlanChange>>;
  readonly configuration?: {
    readonly provider_config?: Readonly<Record<string, PlanProviderConfig>>;
    /** What each root output's expression reads (`data.aws_iam_role.x.arn`, `data.aws_iam_role.x`). */
    readonly root_module?: { readonly outputs?: Readonly<Record<string, { readonly expression?: { readonly references?: readonly string[] } }>> };
  };
  /** Terraform >= 1.6: planning failed part-way; the plan cannot be applied. */
  readonly errored?: boolean;
}
