/**
 * Every AWS request the stacks and hooks make, as AWS authorizes it (action, resource ARN,
 * condition keys), and its near misses: the same request changed in one thing the policy is
 * meant to narrow. test/policy/evaluated-policy.test.ts evaluates them against the generated
 * policies. To cover a new call, add one entry to the list of its caller; to cover a new
 * narrowing, add a near miss of the matching kind.
 */
import { CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "../../modules/role";
import type { AwsRequest } from "./evaluator";

/** One target as a config names it, with the ids a request carries. */
export interface Where {
  readonly partition: string;
  readonly account: string;
  readonly region: string;
  readonly instanceId: string;
  readonly campaignId: string;
  /** The campaigns role's name (`AWSServiceRoleForConnectCampaigns[_<suffix>]`). */
  readonly roleName: string;
  readonly kmsKeyArn?: string;
  readonly backupBucket?: string;
  readonly stateBucket?: string;
  readonly stateKey?: string;
}

/**
 * What a near miss changes, which decides whether a policy is expected to deny it:
 * - `service`, `condition`: always (every policy, scoped or not, names the service and its conditions);
 * - `account`, `region`, `key`, `bucket`: only a policy narrowed to a config (`--config`).
 */
export type NearMissKind = "service" | "condition" | "account" | "region" | "key" | "bucket";

export interface NearMiss {
  readonly kind: NearMissKind;
  readonly why: string;
  readonly request: AwsRequest;
}

export interface RequestSpec {
  /** Who makes the request (Terraform resource or data source, hook function, backend). */
  readonly caller: string;
  readonly request: (w: Where) => AwsRequest;
  /** A request made only when the config sets this (a KMS key, a backup bucket, an S3 backend). */
  readonly needs?: "kmsKeyArn" | "backupBucket" | "stateBucket";
  readonly nearMisses?: (w: Where) => readonly NearMiss[];
}

/** An account and a Region no config in these tests names. */
export const OTHER_ACCOUNT = "333333333333";
export const OTHER_REGION = "ap-southeast-2";

/** Another service's service-linked role: Amazon Connect's own (connect.amazonaws.com). */
const OTHER_SERVICE = "connect.amazonaws.com";
const otherServiceRole = (w: Where) => `arn:${w.partition}:iam::${w.account}:role/aws-service-role/${OTHER_SERVICE}/AWSServiceRoleForAmazonConnect_x`;

const roleArn = (w: Where, account = w.account) => `arn:${w.partition}:iam::${account}:role${CAMPAIGNS_ROLE_PATH}${w.roleName}`;
const campaignArn = (w: Where, region = w.region, account = w.account) =>
  `arn:${w.partition}:connect-campaigns:${region}:${account}:campaign/${w.campaignId}`;
/** The onboarding job's EventBridge managed rule; AWS does not document its name, the statement allows any. */
const ruleArn = (w: Where, region = w.region, account = w.account) => `arn:${w.partition}:events:${region}:${account}:rule/connect-campaigns-managed-rule`;

const on = (w: Where, action: string, resource: string, context?: AwsRequest["context"]): AwsRequest => ({
  action,
  resource,
  resourceAccount: w.account,
  context,
});
const inAccount = (request: AwsRequest, account: string): AwsRequest => ({ ...request, resourceAccount: account });

/** The campaigns role in another account; for IAM (a global service) the Region does not apply. */
const roleNearMisses = (action: string, context?: AwsRequest["context"]) => (w: Where): NearMiss[] => [
  { kind: "service", why: "another service's service-linked role", request: on(w, action, otherServiceRole(w), context) },
  { kind: "account", why: "the campaigns role of another account", request: inAccount(on(w, action, roleArn(w, OTHER_ACCOUNT), context), OTHER_ACCOUNT) },
];

/** A Regional ARN in another Region, and in another account. */
const regionalNearMisses = (action: string, arnOf: (w: Where, region?: string, account?: string) => string, context?: AwsRequest["context"]) =>
  (w: Where): NearMiss[] => [
    { kind: "region", why: "another Region of the same account", request: on(w, action, arnOf(w, OTHER_REGION), context) },
    { kind: "account", why: "another account", request: inAccount(on(w, action, arnOf(w, w.region, OTHER_ACCOUNT), context), OTHER_ACCOUNT) },
  ];

/**
 * What a call the onboarding job makes with the caller's permissions carries (a forward access
 * session). The kms:ViaService value is assumed from KMS's `<service>.<region>.amazonaws.com`
 * form; no statement conditions on it, so the decisions do not depend on the assumption.
 */
const viaCampaigns = (w: Where) => ({ "kms:ViaService": `connect-campaigns.${w.region}.amazonaws.com`, "aws:ViaAWSService": "true" });

const TAGS = { "aws:RequestTag/team": "campaigns", "aws:TagKeys": ["team"] };

/**
 * The AWS provider (hashicorp/aws 5.100.0) as the stacks use it, acting as the deploy role.
 * sts:GetCallerIdentity (every run) needs no permission; it is listed so the evaluator says so.
 */
export const PROVIDER_REQUESTS: readonly RequestSpec[] = [
  { caller: "provider configuration (account check, every run)", request: (w) => on(w, "sts:GetCallerIdentity", "*") },
  { caller: "data.aws_iam_roles (path_prefix lookup)", request: (w) => on(w, "iam:ListRoles", "*") },
  {
    caller: "data.aws_iam_role read-back; refresh and import of aws_iam_service_linked_role",
    request: (w) => on(w, "iam:GetRole", roleArn(w)),
    nearMisses: roleNearMisses("iam:GetRole"),
  },
  {
    caller: "aws_iam_service_linked_role create",
    request: (w) => on(w, "iam:CreateServiceLinkedRole", roleArn(w), { "iam:AWSServiceName": CAMPAIGNS_SERVICE_PRINCIPAL }),
    nearMisses: (w) => [
      {
        kind: "service",
        why: "another service's role, named with its own service",
        request: on(w, "iam:CreateServiceLinkedRole", otherServiceRole(w), { "iam:AWSServiceName": OTHER_SERVICE }),
      },
      {
        kind: "condition",
        why: "the campaigns role's ARN but another service in iam:AWSServiceName",
        request: on(w, "iam:CreateServiceLinkedRole", roleArn(w), { "iam:AWSServiceName": OTHER_SERVICE }),
      },
      ...roleNearMisses("iam:CreateServiceLinkedRole", { "iam:AWSServiceName": CAMPAIGNS_SERVICE_PRINCIPAL })(w).filter((m) => m.kind === "account"),
    ],
  },
  { caller: "aws_iam_service_linked_role tags (after create, on update)", request: (w) => on(w, "iam:TagRole", roleArn(w), TAGS), nearMisses: roleNearMisses("iam:TagRole", TAGS) },
  {
    caller: "aws_iam_service_linked_role tag removal",
    request: (w) => on(w, "iam:UntagRole", roleArn(w), { "aws:TagKeys": ["team"] }),
    nearMisses: roleNearMisses("iam:UntagRole", { "aws:TagKeys": ["team"] }),
  },
  {
    caller: "aws_iam_service_linked_role description update (UpdateRole)",
    request: (w) => on(w, "iam:UpdateRole", roleArn(w)),
    nearMisses: roleNearMisses("iam:UpdateRole"),
  },
  {
    caller: "aws_iam_service_linked_role delete",
    request: (w) => on(w, "iam:DeleteServiceLinkedRole", roleArn(w)),
    nearMisses: roleNearMisses("iam:DeleteServiceLinkedRole"),
  },
  {
    caller: "aws_iam_service_linked_role delete (polls the deletion task)",
    request: (w) => on(w, "iam:GetServiceLinkedRoleDeletionStatus", roleArn(w)),
    nearMisses: roleNearMisses("iam:GetServiceLinkedRoleDeletionStatus"),
  },
];

/**
 * `drift` and `plan-review --all` (modules/drift, with the account scan of
 * modules/hooks/runtime/account-usage.ts), acting as the deploy role: read calls only.
 */
export const DRIFT_REQUESTS: readonly RequestSpec[] = [
  { caller: "drift: account check before reading", request: (w) => on(w, "sts:GetCallerIdentity", "*") },
  { caller: "drift role-check.ts listCampaignsRoles (ListRoles by path)", request: (w) => on(w, "iam:ListRoles", "*") },
  { caller: "drift account scan: the Region's Connect instances (connect:ListInstances)", request: (w) => on(w, "connect:ListInstances", "*") },
  { caller: "drift account scan: each instance's config (GetConnectInstanceConfig)", request: (w) => on(w, "connect-campaigns:GetConnectInstanceConfig", "*") },
  { caller: "drift account scan: the Region's campaigns, both APIs (ListCampaigns without a filter)", request: (w) => on(w, "connect-campaigns:ListCampaigns", "*") },
  { caller: "drift usage.ts: running campaigns (GetCampaignStateBatch)", request: (w) => on(w, "connect-campaigns:GetCampaignStateBatch", campaignArn(w)) },
];

/**
 * The hooks (modules/hooks/runtime), acting as the deploy role, and what the onboarding job does
 * as the caller. The connect-campaigns instance actions take no resource type (checked by the
 * test), so they cannot be narrowed to an instance and have no near miss.
 */
export const HOOK_REQUESTS: readonly RequestSpec[] = [
  { caller: "hooks: account check before acting", request: (w) => on(w, "sts:GetCallerIdentity", "*") },
  { caller: "onboarding.ts onboardOnce (StartInstanceOnboardingJob)", request: (w) => on(w, "connect-campaigns:StartInstanceOnboardingJob", "*") },
  { caller: "onboarding.ts poll (GetInstanceOnboardingJobStatus)", request: (w) => on(w, "connect-campaigns:GetInstanceOnboardingJobStatus", "*") },
  { caller: "onboarding.ts checkedRoleArn (GetConnectInstanceConfig)", request: (w) => on(w, "connect-campaigns:GetConnectInstanceConfig", "*") },
  { caller: "onboarding.ts retry of a FAILED job (DeleteInstanceOnboardingJob)", request: (w) => on(w, "connect-campaigns:DeleteInstanceOnboardingJob", "*") },
  ...["events:PutRule", "events:PutTargets", "events:RemoveTargets", "events:DeleteRule"].map(
    (action): RequestSpec => ({
      caller: `onboarding job, as the caller: EventBridge managed rule (${action})`,
      request: (w) => on(w, action, ruleArn(w)),
      nearMisses: regionalNearMisses(action, ruleArn),
    }),
  ),
  {
    caller: "onboarding job with a customer managed key, as the caller: kms:DescribeKey",
    needs: "kmsKeyArn",
    request: (w) => on(w, "kms:DescribeKey", w.kmsKeyArn!, viaCampaigns(w)),
    nearMisses: (w) => keyNearMisses(w, "kms:DescribeKey", viaCampaigns(w)),
  },
  {
    caller: "onboarding job with a customer managed key, as the caller: kms:CreateGrant for the service",
    needs: "kmsKeyArn",
    request: (w) => on(w, "kms:CreateGrant", w.kmsKeyArn!, { ...viaCampaigns(w), "kms:GrantIsForAWSResource": "true" }),
    nearMisses: (w) => [
      {
        kind: "condition",
        why: "a grant the caller makes for itself (not for an AWS service)",
        request: on(w, "kms:CreateGrant", w.kmsKeyArn!, { "kms:GrantIsForAWSResource": "false" }),
      },
      ...keyNearMisses(w, "kms:CreateGrant", { ...viaCampaigns(w), "kms:GrantIsForAWSResource": "true" }),
    ],
  },
  { caller: "campaigns-api.ts listCampaigns (cleanup, offboarding guard, restore)", request: (w) => on(w, "connect-campaigns:ListCampaigns", "*") },
  {
    caller: "campaigns-api.ts campaignStates (GetCampaignStateBatch)",
    request: (w) => on(w, "connect-campaigns:GetCampaignStateBatch", campaignArn(w)),
  },
  ...["connect-campaigns:DescribeCampaign", "connect-campaigns:StopCampaign", "connect-campaigns:DeleteCampaign"].map(
    (action): RequestSpec => ({
      caller: `cleanup.ts (backup, stop, delete): ${action}`,
      request: (w) => on(w, action, campaignArn(w)),
      nearMisses: regionalNearMisses(action, campaignArn),
    }),
  ),
  { caller: "account-usage.ts listInstances (the account guard, every Region)", request: (w) => on(w, "connect:ListInstances", "*") },
  { caller: "account-usage.ts scanRegionUsage (GetConnectInstanceConfig of every instance)", request: (w) => on(w, "connect-campaigns:GetConnectInstanceConfig", "*") },
  { caller: "offboarding.ts (DeleteConnectInstanceConfig)", request: (w) => on(w, "connect-campaigns:DeleteConnectInstanceConfig", "*") },
  {
    caller: "backup.ts backUpCampaign (S3 copy)",
    needs: "backupBucket",
    // S3 sets s3:ResourceAccount to the bucket owner's account.
    request: (w) => on(w, "s3:PutObject", backupObject(w, w.backupBucket!, w.account), { "s3:ResourceAccount": w.account }),
    nearMisses: (w) => [
      {
        kind: "account",
        why: "another account's prefix in the same bucket",
        request: on(w, "s3:PutObject", backupObject(w, w.backupBucket!, OTHER_ACCOUNT), { "s3:ResourceAccount": w.account }),
      },
      {
        kind: "account",
        why: "the same bucket name and key in a bucket another account owns",
        request: inAccount(on(w, "s3:PutObject", backupObject(w, w.backupBucket!, w.account), { "s3:ResourceAccount": OTHER_ACCOUNT }), OTHER_ACCOUNT),
      },
      { kind: "bucket", why: "another bucket", request: on(w, "s3:PutObject", backupObject(w, "someone-elses-bucket", w.account), { "s3:ResourceAccount": w.account }) },
    ],
  },
];

const backupObject = (w: Where, bucket: string, account: string) =>
  `arn:${w.partition}:s3:::${bucket}/${account}/${w.region}/${w.instanceId}/${w.campaignId}.json`;

/** Another key of the same account and Region, and the same key id in another account. */
function keyNearMisses(w: Where, action: string, context: AwsRequest["context"]): NearMiss[] {
  const otherKey = w.kmsKeyArn!.replace(/key\/.+$/, "key/0a1b2c3d-0000-0000-0000-00000000dead");
  const otherAccount = w.kmsKeyArn!.replace(`:${w.account}:`, `:${OTHER_ACCOUNT}:`);
  return [
    { kind: "key", why: "another key of the same account and Region", request: on(w, action, otherKey, context) },
    { kind: "account", why: "a key of another account", request: inAccount(on(w, action, otherAccount, context), OTHER_ACCOUNT) },
  ];
}

/** `restore` (modules/hooks/runtime/restore.ts): `policy --restore`. */
export const RESTORE_REQUESTS: readonly RequestSpec[] = [
  { caller: "restore.ts: names that exist (ListCampaigns)", request: (w) => on(w, "connect-campaigns:ListCampaigns", "*") },
  {
    caller: "restore.ts: CreateCampaign with the backup's tags",
    request: (w) => on(w, "connect-campaigns:CreateCampaign", campaignArn(w), TAGS),
    nearMisses: regionalNearMisses("connect-campaigns:CreateCampaign", campaignArn, TAGS),
  },
  {
    caller: "restore.ts: CreateCampaign with tags also authorizes TagResource",
    request: (w) => on(w, "connect-campaigns:TagResource", campaignArn(w), TAGS),
    nearMisses: regionalNearMisses("connect-campaigns:TagResource", campaignArn, TAGS),
  },
];

/** Terraform's S3 backend with use_lockfile (Terraform docs, "Backend Type: s3"): `policy --state`. */
const STATE_CALLS: readonly { readonly action: string; readonly object: (w: Where) => string }[] = [
  { action: "s3:ListBucket", object: () => "" },
  { action: "s3:GetObject", object: (w) => `/${w.stateKey}` },
  { action: "s3:PutObject", object: (w) => `/${w.stateKey}` },
  { action: "s3:GetObject", object: (w) => `/${w.stateKey}.tflock` },
  { action: "s3:PutObject", object: (w) => `/${w.stateKey}.tflock` },
  { action: "s3:DeleteObject", object: (w) => `/${w.stateKey}.tflock` },
];

export const STATE_REQUESTS: readonly RequestSpec[] = STATE_CALLS.map(({ action, object }) => {
  const arnOf = (w: Where, bucket = w.stateBucket!, account = w.account) =>
    `arn:${w.partition}:s3:::${bucket}${object(w).replace(`/${w.account}/`, `/${account}/`)}`;
  return {
    caller: `S3 backend: ${action} ${action === "s3:ListBucket" ? "on the bucket" : "on the state or lock object"}`,
    needs: "stateBucket",
    request: (w) => on(w, action, arnOf(w)),
    nearMisses: (w) => [
      { kind: "bucket", why: "another bucket", request: on(w, action, arnOf(w, "someone-elses-state")) },
      ...(object(w).includes(`/${w.account}/`)
        ? [{ kind: "account" as const, why: "another account's state key", request: on(w, action, arnOf(w, w.stateBucket!, OTHER_ACCOUNT)) }]
        : []),
    ],
  };
});
