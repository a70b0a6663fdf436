/**
 * The contract between the synthesized stacks (cdktf constructs) and the hook runtime
 * (the bundled AWS SDK program that Terraform runs with `local-exec`).
 *
 * It lives in its own folder with no imports so that both sides of the wall can share it:
 * constructs never import the AWS SDK, and the hook runtime never imports cdktf.
 */

/** Environment variable through which `local-exec` hands the hook its input, as JSON. */
export const HOOK_INPUT_ENV = "CAMPAIGNS_HOOK_INPUT";

/** The bundled hook's file name. */
export const HOOK_ASSET_FILE = "campaigns-hook.cjs";

/**
 * Where every stack carries the bundled hook, relative to the stack directory: a fixed path, with
 * no construct id or cdktf logical-id hash in it. A destroy runs the command of the *current*
 * configuration against resources applied with an older one, so the path must survive renamed
 * constructs and new hook releases alike.
 */
export const HOOK_ASSET_DIR = "assets/campaigns-hook/v1";
export const HOOK_ASSET_PATH = `${HOOK_ASSET_DIR}/${HOOK_ASSET_FILE}`;

/**
 * What a `terraform_data` resource of this project is for. Stored in its `input`, so that a
 * plan (and the plan review) can tell an onboarding from a cleanup hook without guessing from
 * addresses.
 */
export type HookKind = "campaigns-onboarding" | "campaigns-cleanup";

/** The commands of the hook runtime (`node campaigns-hook.cjs <command>`). */
export type HookCommand = "onboard" | "offboard" | "cleanup";

/**
 * The `input` of the `terraform_data` resources. Keys are snake_case because destroy-time
 * provisioners read them as `self.input.<key>` and cdktf does not rename the keys of `input`.
 * Everything here lands in Terraform state and in plans: never put a secret here.
 */
export interface HookInput {
  readonly kind: HookKind;
  /** The stack id, `campaigns-<account>-<region>`: names the backups and log lines. */
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  /** The Connect instance id (UUID). */
  readonly instance_id: string;
  /** Role the hook assumes (the provider's deploy role), or null to use the caller's identity. */
  readonly deploy_role_arn: string | null;
  /** Onboarding: the KMS key for `encryptionConfig`, or null for `enabled: false`. */
  readonly kms_key_arn: string | null;
  /** Onboarding: how long to poll the onboarding job before giving up. */
  readonly onboarding_timeout_seconds: number;
  /** Cleanup: whether the destroy hook may delete the instance's campaigns. */
  readonly allow_campaign_deletion: boolean;
  /** Cleanup: local backup root, used when `CAMPAIGN_BACKUP_DIR` is not set. */
  readonly backup_dir: string;
  /** Cleanup: an S3 bucket that also receives every backup, or null. */
  readonly backup_s3_bucket: string | null;
}

/**
 * STS session names this project's identities use when they assume the deploy role, so that
 * CloudTrail shows who acted and the deploy role's trust policy can admit exactly these.
 */
/** The Terraform AWS provider's (and the S3 backend's) session. */
export const PROVIDER_SESSION_NAME = "connect-campaigns-iac";
/** The hooks' sessions: `campaigns-hook-<stack or task>`. */
export const HOOK_SESSION_PREFIX = "campaigns-hook-";

/** Environment variable that overrides `backup_dir` at run time (pipelines with their own disk). */
export const BACKUP_DIR_ENV = "CAMPAIGN_BACKUP_DIR";

/**
 * The one table of exit codes, for the CLI (`connect-campaigns-iac`), the synth (`main`) and the
 * hook runtime alike: each code means one thing wherever it comes from, so pipelines can branch
 * on it, and a hook failure the CLI reports by hand keeps its code.
 */
export const ExitCode = {
  ok: 0,
  /** The work failed (an AWS call, onboarding FAILED or timed out), or the input (config, plan, backup) was unreadable or invalid. */
  failed: 1,
  /** A gate closed: `review --fail-on` (a change at or above the risk) or `gate` (a wave's failures exceed its tolerance). */
  gated: 2,
  /** The campaigns guard refused: campaigns exist and deletion is not allowed. Nothing was deleted. */
  refused: 3,
  /**
   * The command line itself was wrong: an unknown command or option, a missing or extra argument, an
   * option value outside its domain, options that need or exclude each other; for a hook, a missing
   * or malformed `CAMPAIGNS_HOOK_INPUT`.
   */
  usage: 64,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The codes the hook runtime exits with: the same table (the same object), without `gated`. */
export const HookExit: Omit<typeof ExitCode, "gated"> = ExitCode;

/** The settings a hook needs, as the constructs and the config name them. */
export interface HookSettings {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
  /** @default - the caller's identity */
  readonly deployRoleArn?: string;
  /** @default - encryption disabled */
  readonly kmsKeyArn?: string;
  /** @default 600 */
  readonly onboardingTimeoutSeconds?: number;
  /** @default false */
  readonly allowCampaignDeletion?: boolean;
  readonly backupDir: string;
  /** @default - no S3 copy */
  readonly backupS3Bucket?: string;
}

export const DEFAULT_ONBOARDING_TIMEOUT_SECONDS = 600;

/** The one mapping from settings to the `input` a `terraform_data` stores (and a hook reads). */
export function toHookInput(kind: HookKind, settings: HookSettings): HookInput {
  return {
    kind,
    stack: settings.stack,
    account: settings.account,
    region: settings.region,
    instance_id: settings.instanceId,
    deploy_role_arn: settings.deployRoleArn ?? null,
    kms_key_arn: settings.kmsKeyArn ?? null,
    onboarding_timeout_seconds: settings.onboardingTimeoutSeconds ?? DEFAULT_ONBOARDING_TIMEOUT_SECONDS,
    allow_campaign_deletion: settings.allowCampaignDeletion ?? false,
    backup_dir: settings.backupDir,
    backup_s3_bucket: settings.backupS3Bucket ?? null,
  };
}
