import { z } from "zod";
import { ONBOARDING_TIMEOUT_BOUNDS } from "../hooks/contract";
import { customSuffixProblem, parseCampaignsRoleArn } from "../role/names";
import { CAMPAIGNS_REGIONS } from "./campaigns-regions";
import { STEP_PARTS, STEP_SEPARATOR } from "./steps";
import { nearest } from "./suggest";
import {
  ACCOUNT_ID,
  ACCOUNT_ID_EXPECTED,
  INSTANCE_ID,
  INSTANCE_ID_EXPECTED,
  KMS_KEY_ARN,
  PARTITIONS,
  quote,
  KMS_KEY_ARN_EXPECTED,
  REGION_CODE,
  REGION_EXPECTED,
  TAG_KEY_PATTERN,
  TAG_VALUE_PATTERN,
  tagKeyProblem,
  tagValueProblem,
} from "../aws-values";

/**
 * The rollout config file, as a zod schema: the single source of its validation, its TypeScript
 * types and the JSON Schema published in `examples/rollout.schema.json`.
 *
 * Every message here says what was expected; the loader prefixes the file and JSON path.
 */

const PARTITION = `(${PARTITIONS.join("|")})`;
/** Placeholders that templates may use, filled per target. */
export const TEMPLATE_PLACEHOLDERS = ["{account}", "{region}"] as const;

/** ", got "…"" for a string a pattern refused: what was there, quoted so nothing hides in it. */
const got = (input: unknown) => (typeof input === "string" ? `, got ${quote(input)}` : "");

const account = z
  .string()
  .regex(ACCOUNT_ID, {
    // The digit count says at once which one is missing (or extra).
    error: ({ input }) => `${ACCOUNT_ID_EXPECTED}${got(input)}${typeof input === "string" && /^\d+$/.test(input) ? ` (${input.length} digit${input.length === 1 ? "" : "s"})` : ""}`,
  })
  .describe("AWS account id, 12 digits.");

const region = z
  .string()
  .regex(REGION_CODE, {
    // A typo of a served Region (a dash left out: "ap-southeast2") gets the same suggestion as
    // a well-formed Region the table lacks.
    error: ({ input }) => {
      const near = typeof input === "string" ? nearest(input, Object.keys(CAMPAIGNS_REGIONS), 2) : undefined;
      return `${REGION_EXPECTED}${got(input)}${near ? ` — did you mean "${near}"?` : ""}`;
    },
  })
  .describe("AWS Region code. Must be a Region where outbound campaigns is available unless allowUnlistedRegion is set.");

const instanceId = z
  .string()
  .regex(INSTANCE_ID, { error: INSTANCE_ID_EXPECTED })
  .describe("Amazon Connect instance id (UUID).");

const kmsKeyArn = z
  .string()
  .regex(KMS_KEY_ARN, { error: KMS_KEY_ARN_EXPECTED })
  .describe("KMS key that encrypts the instance's campaigns data. Keys are regional: it must be in the target's Region.");

const roleArnTemplate = z
  .string()
  .regex(new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|\\{account\\}):role/[\\w+=,.@/{}-]+$`), {
    error: "expected an IAM role ARN like arn:aws:iam::{account}:role/terraform-deploy ({account} is filled per target)",
  });

// IAM's tag rules, checked one tag at a time so each message names the tag (its JSON path) and
// the rule; the patterns are for editors, from the JSON Schema.
const tags = z
  .record(z.string().meta({ pattern: TAG_KEY_PATTERN }), z.string().meta({ pattern: TAG_VALUE_PATTERN }))
  .superRefine((record, ctx) => {
    for (const [key, value] of Object.entries(record)) {
      const problem = tagKeyProblem(key) ?? tagValueProblem(value);
      if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
    }
  });

/** IAM's tag rules, said once for both places that take tags. */
const TAG_RULES = "IAM's tag rules: keys of 1-128 and values of 0-256 letters, digits, spaces and _ . : / = + - @; no key starting with aws:.";
const defaultTags = tags.describe(`Tags for every resource of the stack (the provider's default_tags). Target tags are merged over the defaults' tags. ${TAG_RULES}`);
const roleTags = tags.describe(`Tags of the campaigns role only (the stack's tags, the provider's default_tags, are added to them). ${TAG_RULES}`);

const customSuffix = z
  .string()
  .superRefine((value, ctx) => {
    const problem = customSuffixProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("Suffix of the role name: AWSServiceRoleForConnectCampaigns_<suffix>. Changing it replaces the role.");

const campaignsRoleArn = z
  .string()
  .superRefine((value, ctx) => {
    const parts = parseCampaignsRoleArn(value);
    if (typeof parts === "string") ctx.addIssue({ code: "custom", message: parts });
  })
  .describe("ARN of an existing outbound campaigns service-linked role.");

const role = z
  .discriminatedUnion(
    "mode",
    [
      z.strictObject({
        mode: z.literal("create"),
        customSuffix: customSuffix.optional(),
        description: z.string().max(1000).optional(),
        tags: roleTags.optional(),
      }),
      z.strictObject({
        mode: z.literal("adopt"),
        arn: campaignsRoleArn,
        description: z.string().max(1000).optional(),
        tags: roleTags.optional(),
      }),
      z.strictObject({ mode: z.literal("observe"), arn: campaignsRoleArn.optional() }),
    ],
    { error: 'expected "mode" to be "create", "adopt" or "observe"' },
  )
  .describe("How the stack relates to the role: create it, adopt (import) an existing one, or only observe it.");

const bucketTemplate = z
  .string()
  .regex(/^([a-z0-9.-]|\{account\}|\{region\}){3,63}$/, {
    error: "expected an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens; {account} and {region} allowed)",
  });

const backend = z
  .discriminatedUnion(
    "type",
    [
      z.strictObject({
        type: z.literal("local"),
        path: z.string().min(1).optional().describe("State file path template. Default: cdktf's terraform.<stack>.tfstate."),
      }),
      z.strictObject({
        type: z.literal("s3"),
        bucket: bucketTemplate.describe("Bucket template: one central bucket, or one per account with {account}."),
        key: z
          .string()
          .min(1)
          .optional()
          .describe("State object key template. Default: connect-campaigns/{account}/{region}/terraform.tfstate."),
        region: region.optional().describe("Region of the state bucket. Default: the target's Region."),
        encrypt: z.boolean().optional().describe("Server-side encryption of the state object. Default: true."),
        useLockfile: z.boolean().optional().describe("S3-native state locking (Terraform >= 1.10). Default: true."),
        roleArn: roleArnTemplate.optional().describe("Role to assume for state access. Default: the caller's identity."),
      }),
    ],
    { error: 'expected "type" to be "local" or "s3"' },
  )
  .describe("Where Terraform keeps each target's state.");

const campaignBackup = z
  .strictObject({
    dir: z
      .string()
      .min(1)
      .optional()
      .describe("Local backup root (a relative path is resolved against the directory synth runs in). Default: campaign-backups. CAMPAIGN_BACKUP_DIR overrides it at run time."),
    s3Bucket: bucketTemplate.optional().describe("Also copy every backup to this bucket (pipelines whose disks vanish)."),
  })
  .describe("Where the destroy hook backs campaigns up before deleting them.");

/** Settings a target may set, and `defaults` may set for every target. */
const targetSettings = {
  deployRoleArn: roleArnTemplate
    .optional()
    .describe("Role the provider and hooks assume in the target account; {account} is filled per target. Default: the caller's identity."),
  tags: defaultTags.optional(),
  allowCampaignDeletion: z
    .boolean()
    .optional()
    .describe("Whether destroy may delete the instance's campaigns (after backing them up). Default: false: destroy stops and lists them."),
  backend: backend.optional(),
  campaignBackup: campaignBackup.optional(),
  role: role.optional(),
  onboardingTimeoutSeconds: z
    .number()
    .int({ error: "expected a whole number of seconds" })
    .min(ONBOARDING_TIMEOUT_BOUNDS.min, { error: `expected at least ${ONBOARDING_TIMEOUT_BOUNDS.min} seconds` })
    .max(ONBOARDING_TIMEOUT_BOUNDS.max, { error: `expected at most ${ONBOARDING_TIMEOUT_BOUNDS.max} seconds` })
    .optional()
    .describe("How long onboarding may take before apply fails. Default: 600."),
  allowUnlistedRegion: z
    .boolean()
    .optional()
    .describe("Accept a Region missing from the project's table of outbound campaigns Regions. Default: false."),
  wave: z.string().min(1).optional().describe("Name of the wave this target deploys in. Default: the only wave."),
};

const retired = z
  .boolean()
  .optional()
  .describe(
    "Remove it at the next apply, hooks included: campaigns backed up and deleted (allowCampaignDeletion permitting), instance offboarded. Keep it in the config until that apply has run; dropping it instead skips the hooks. Needs Terraform >= 1.9. Default: false.",
  );

const instance = z.strictObject({
  id: instanceId,
  kmsKeyArn: kmsKeyArn.optional(),
  retired,
});

const target = z.strictObject({
  account,
  region,
  instances: z.array(instance).optional().describe("Connect instances to onboard to outbound campaigns. Default: none."),
  retired: retired.describe(
    "Remove the whole target at the next apply: every instance retired (campaigns backed up and deleted, offboarded), then the role deleted. Keep it in the config until that apply has run. Needs Terraform >= 1.9. Default: false.",
  ),
  ...targetSettings,
});

const WAVE_NAME = "[A-Za-z0-9_.-]{1,64}";
const waveName = z.string().regex(new RegExp(`^${WAVE_NAME}$`), { error: "expected a wave name of 1-64 letters, digits, '.', '_' or '-'" });
/** What `matrix --wave` and `gate --wave` take: a wave, or one step of a wave split in two (see `rolloutSteps`). */
const stepName = z.string().regex(new RegExp(`^${WAVE_NAME}(${STEP_SEPARATOR}(${STEP_PARTS.join("|")}))?$`), {
  error: `expected a wave name of 1-64 letters, digits, '.', '_' or '-', or a step of one (<wave>${STEP_SEPARATOR}${STEP_PARTS.join(` or <wave>${STEP_SEPARATOR}`)})`,
});

const wave = z.strictObject({
  name: waveName,
  maxConcurrency: z
    .number()
    .int({ error: "expected a whole number" })
    .min(1, { error: "expected at least 1 (targets deployed at once)" })
    .optional()
    .describe("Targets deployed at once in this wave. Default: 1."),
  failureTolerance: z
    .number()
    .int({ error: "expected a whole number" })
    .min(0, { error: "expected 0 or more (failed targets tolerated before the rollout stops)" })
    .optional()
    .describe("Failed targets tolerated before the rollout stops. Default: 0."),
});

export const rolloutConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    defaults: z.strictObject(targetSettings).optional(),
    waves: z.array(wave).min(1, { error: "expected at least one wave (or omit waves)" }).optional(),
    targets: z.array(target).min(1, { error: "expected at least one target" }),
  })
  .describe("connect-campaigns-iac rollout config: one stack per (account, region) target.");

/** The config's own value rules, for command-line options that take the same values (`--account`, `--wave`, …). */
export const VALUE_SCHEMAS = { account, instanceId, waveName, stepName, roleArnTemplate } as const;

export type RolloutConfig = z.infer<typeof rolloutConfigSchema>;
export type TargetConfig = z.infer<typeof target>;
export type TargetSettings = NonNullable<RolloutConfig["defaults"]>;
export type RoleConfig = z.infer<typeof role>;
export type BackendConfig = z.infer<typeof backend>;
export type WaveConfig = z.infer<typeof wave>;
export type InstanceConfig = z.infer<typeof instance>;
