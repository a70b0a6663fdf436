/**
 * What `drift` reports: one finding per thing the live account differs in from the config, each
 * with how to fix it. Pure data (no AWS SDK, no cdktf): the plan review imports these types.
 */

/**
 * The kinds of finding, in the order the issue (#17) names them:
 * - `role-missing`: the campaigns role the target creates, adopts or observes does not exist;
 * - `role-mismatch`: it exists but does not trust only `connect-campaigns.amazonaws.com` (or a
 *   lookup finds several);
 * - `not-onboarded`: a configured instance is not onboarded (offboarded out of band, say);
 * - `linked-to-other-role`: an instance is linked to a role that is none of the account's
 *   campaigns roles;
 * - `kms-key-mismatch`: an instance's encryption differs from its `kmsKeyArn` (or from none);
 * - `retire-pending`: a retired instance (or target) is still onboarded;
 * - `unmanaged-instance`: an instance of the Region the config does not name holds campaigns or
 *   is onboarded (what the account-wide guard of a role's deletion would refuse on).
 */
export const DRIFT_KINDS = [
  "role-missing",
  "role-mismatch",
  "not-onboarded",
  "linked-to-other-role",
  "kms-key-mismatch",
  "retire-pending",
  "unmanaged-instance",
] as const;

export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One difference between a target's config and its account, as `drift --json` prints it. */
export interface DriftFinding {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly kind: DriftKind;
  /** The Connect instance, for the instance kinds. */
  readonly instance?: string;
  readonly message: string;
  /** What to run or change to fix it. */
  readonly fix?: string;
}

/** A target that could not be checked (an AWS error, wrong credentials): never counted in sync. */
export interface DriftError {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  /** One line naming the stack, the call and the AWS error. */
  readonly message: string;
  /** The credentials act in another account than the target's: nothing was read. */
  readonly wrongAccount: boolean;
}

/**
 * The whole check, as `drift --json` prints it: `targets` checked, `inSync` without a finding or
 * an error, every finding, and the targets that could not be checked.
 */
export interface DriftReport {
  readonly targets: number;
  readonly inSync: number;
  readonly findings: readonly DriftFinding[];
  readonly errors: readonly DriftError[];
}
