/** What each hook's `input` holds, and how settings become it. Part of the hook contract: no imports (both walls import it). */

/** Environment variable through which `local-exec` hands the hook its input, as JSON. */
export const HOOK_INPUT_ENV = "CAMPAIGNS_HOOK_INPUT";

/** Environment variable that overrides `backup_dir` at run time (pipelines with their own disk). */
export const BACKUP_DIR_ENV = "CAMPAIGN_BACKUP_DIR";

/**
 * What a `terraform_data` resource of this project is for. Stored in its `input`, so that a
 * plan (and the plan review) can tell an onboarding from a cleanup hook without guessing from
 * addresses.
 */
export type HookKind = InstanceHookKind | "campaigns-account-guard";
/** The kinds of hook that act on one Connect instance. */
export type InstanceHookKind = "campaigns-onboarding" | "campaigns-cleanup";

/** The commands of the hook runtime (`node campaigns-hook.cjs <command>`). */
export type HookCommand = "onboard" | "offboard" | "cleanup" | "account-guard";

/**
 * What every hook's `input` holds. Keys are snake_case because destroy-time provisioners read
 * them as `self.input.<key>` and cdktf does not rename the keys of `input`. Everything here lands
 * in Terraform state and in plans: never put a secret here.
 *
 * Each hook stores only what it needs, so that a change of one hook's setting updates that hook's
 * resource alone (a new `allow_campaign_deletion` does not touch the onboarding).
 */
export interface HookInputBase {
  readonly kind: InstanceHookKind;
  /** The stack id, `campaigns-<account>-<region>`: names the backups and log lines. */
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  /** The Connect instance id (UUID). */
  readonly instance_id: string;
  /** Role the hook assumes (the provider's deploy role), or null to use the caller's identity. */
  readonly deploy_role_arn: string | null;
}

/** The input of the onboarding resource: onboarding at create, offboarding at destroy. */
export interface OnboardingHookInput extends HookInputBase {
  readonly kind: "campaigns-onboarding";
  /**
   * The KMS key for `encryptionConfig`, or null for `enabled: false`. Fixed for the life of the
   * onboarding: AWS has no call that changes it (see `KMS_KEY_CHANGE_ADVICE`).
   */
  readonly kms_key_arn: string | null;
  /** How long to poll the onboarding job before giving up. */
  readonly onboarding_timeout_seconds: number;
}

/** The input of the cleanup resource (destroy only). */
export interface CleanupHookInput extends HookInputBase {
  readonly kind: "campaigns-cleanup";
  /** Whether the destroy hook may delete the instance's campaigns. */
  readonly allow_campaign_deletion: boolean;
  /**
   * Local backup root, used when `CAMPAIGN_BACKUP_DIR` is not set. A relative path is resolved
   * against the directory the hook runs in (the stack directory, for `local-exec`).
   */
  readonly backup_dir: string;
  /** An S3 bucket that also receives every backup, or null. */
  readonly backup_s3_bucket: string | null;
}

/** Another target of the same account in the config: who holds what the guard finds in its Region. */
export interface AccountGuardTarget {
  readonly region: string;
  /** Its stack id, `campaigns-<account>-<region>`. */
  readonly stack: string;
  /** The config retires it: its next apply cleans it up. */
  readonly retired: boolean;
}

/**
 * The input of the account guard (destroy only, in stacks that delete the role): it runs before
 * every cleanup hook and the role, scans every Region of the account, and refuses when anything
 * this destroy does not clean up itself still uses the role.
 */
export interface AccountGuardHookInput {
  readonly kind: "campaigns-account-guard";
  readonly stack: string;
  readonly account: string;
  /** The stack's own Region. */
  readonly region: string;
  readonly deploy_role_arn: string | null;
  /** The role this destroy deletes, as state holds its ARN. */
  readonly role_arn: string;
  /** Every Region scanned: the Region table, plus the Regions the config names for the account. */
  readonly regions: readonly string[];
  /** The instances this destroy cleans up and offboards (the stack's own). */
  readonly instance_ids: readonly string[];
  /** Whether this destroy may delete the campaigns of those instances. */
  readonly allow_campaign_deletion: boolean;
  /** The account's other targets in the config, to name the stack that holds a finding. */
  readonly account_targets: readonly AccountGuardTarget[];
}

/** What the account guard is built from: the stack, the role it deletes, what it cleans up itself. */
export interface AccountGuardSettings {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  /** @default - the caller's identity */
  readonly deployRoleArn?: string;
  /** The role the destroy deletes; "" when unknown (a dry run by hand: any campaigns role counts). */
  readonly roleArn: string;
  /** Regions to scan besides `region` and the `accountTargets`' (the Region table, usually). */
  readonly regions: readonly string[];
  readonly instanceIds: readonly string[];
  /** @default false */
  readonly allowCampaignDeletion?: boolean;
  /** @default - none */
  readonly accountTargets?: readonly AccountGuardTarget[];
}

/** The `input` the account guard stores (and the `account-guard` hook reads); Regions sorted, once each. */
export function toAccountGuardInput(settings: AccountGuardSettings): AccountGuardHookInput {
  const targets = settings.accountTargets ?? [];
  return {
    kind: "campaigns-account-guard",
    stack: settings.stack,
    account: settings.account,
    region: settings.region,
    deploy_role_arn: settings.deployRoleArn ?? null,
    role_arn: settings.roleArn,
    regions: [...new Set([settings.region, ...settings.regions, ...targets.map((t) => t.region)])].sort(),
    instance_ids: [...settings.instanceIds],
    allow_campaign_deletion: settings.allowCampaignDeletion ?? false,
    account_targets: targets.map(({ region, stack, retired }) => ({ region, stack, retired })),
  };
}

/** The input of any hook, told apart by `kind`. */
export type HookInput = OnboardingHookInput | CleanupHookInput | AccountGuardHookInput;

/** What a hook command needs: `onboard` and `offboard` run on the onboarding input, `cleanup` on the cleanup input. */
export const HOOK_COMMAND_KIND: Readonly<Record<HookCommand, HookKind>> = {
  onboard: "campaigns-onboarding",
  offboard: "campaigns-onboarding",
  cleanup: "campaigns-cleanup",
  "account-guard": "campaigns-account-guard",
};

/**
 * Why a KMS key change is refused at plan time, and how to make it: neither connect-campaigns v1
 * nor v2 has a call that changes an onboarded instance's encryption config.
 */
export const KMS_KEY_CHANGE_ADVICE =
  "AWS has no API that changes the KMS key of an instance onboarded to outbound campaigns. To change it: set \"retired\": true on the instance and apply (its campaigns are backed up and deleted, the instance is offboarded), then put the instance back with the new kmsKeyArn (and without \"retired\") and apply again.";

/** Where a hook acts: what every hook's input carries. */
export interface HookTarget {
  /** The stack id: names the backups and log lines. */
  readonly stack: string;
  /** The account the hook must act in (its account guard refuses another). */
  readonly account: string;
  readonly region: string;
  /** The Connect instance id (UUID). */
  readonly instanceId: string;
  /** @default - the caller's identity */
  readonly deployRoleArn?: string;
}

/** The settings of an instance's onboarding (and offboarding). */
export interface OnboardingSettings extends HookTarget {
  /** @default - encryption disabled */
  readonly kmsKeyArn?: string;
  /** @default 600 */
  readonly onboardingTimeoutSeconds?: number;
}

/** The settings of an instance's cleanup hook. */
export interface CleanupSettings extends HookTarget {
  /** @default false */
  readonly allowCampaignDeletion?: boolean;
  /** Absolute, or relative to the directory the hook runs in (the stack directory). */
  readonly backupDir: string;
  /** @default - no S3 copy */
  readonly backupS3Bucket?: string;
}

/** The settings of both hooks of one instance, as the config names them. */
export type HookSettings = OnboardingSettings & CleanupSettings;

/** The bounds of the onboarding timeout, for the config schema and the construct props alike. */
export const ONBOARDING_TIMEOUT_BOUNDS = { min: 10, max: 3600 } as const;

/** What is wrong with an onboarding timeout (seconds), or undefined. */
export function onboardingTimeoutProblem(seconds: number): string | undefined {
  if (!Number.isInteger(seconds)) return `expected a whole number of seconds, got ${seconds}`;
  if (seconds < ONBOARDING_TIMEOUT_BOUNDS.min) return `expected at least ${ONBOARDING_TIMEOUT_BOUNDS.min} seconds, got ${seconds}`;
  if (seconds > ONBOARDING_TIMEOUT_BOUNDS.max) return `expected at most ${ONBOARDING_TIMEOUT_BOUNDS.max} seconds, got ${seconds}`;
  return undefined;
}

export const DEFAULT_ONBOARDING_TIMEOUT_SECONDS = 600;

function inputBase<K extends InstanceHookKind>(kind: K, settings: HookTarget): HookInputBase & { readonly kind: K } {
  return {
    kind,
    stack: settings.stack,
    account: settings.account,
    region: settings.region,
    instance_id: settings.instanceId,
    deploy_role_arn: settings.deployRoleArn ?? null,
  };
}

/** The `input` the onboarding resource stores (and the onboard/offboard hooks read). */
export function toOnboardingInput(settings: OnboardingSettings): OnboardingHookInput {
  return {
    ...inputBase("campaigns-onboarding", settings),
    kms_key_arn: settings.kmsKeyArn ?? null,
    onboarding_timeout_seconds: settings.onboardingTimeoutSeconds ?? DEFAULT_ONBOARDING_TIMEOUT_SECONDS,
  };
}

/** The `input` the cleanup resource stores (and the cleanup hook reads). */
export function toCleanupInput(settings: CleanupSettings): CleanupHookInput {
  return {
    ...inputBase("campaigns-cleanup", settings),
    allow_campaign_deletion: settings.allowCampaignDeletion ?? false,
    backup_dir: settings.backupDir,
    backup_s3_bucket: settings.backupS3Bucket ?? null,
  };
}

/** The one mapping from settings to the `input` a hook resource of `kind` stores. */
export function toHookInput(kind: InstanceHookKind, settings: HookSettings): OnboardingHookInput | CleanupHookInput {
  return kind === "campaigns-onboarding" ? toOnboardingInput(settings) : toCleanupInput(settings);
}
