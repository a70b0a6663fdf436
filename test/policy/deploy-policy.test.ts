import * as fs from "node:fs";
import * as path from "node:path";
import {
  anyTarget,
  deployRolePolicy,
  deployRoleStatements,
  fitPolicy,
  MANAGED_POLICY_MAX_CHARS,
  policySize,
  scopeOf,
  statePolicy,
  withoutStatement,
  type PolicyDocument,
  type PolicyStatement,
} from "../../modules/policy";
import { parseRolloutConfig } from "../../modules/rollout";

const INSTANCE = "12345678-aaaa-bbbb-cccc-1234567890ab";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-aaaa-bbbb-cccc-000000000001";

function rollout(config: object) {
  return parseRolloutConfig(JSON.stringify(config), "rollout.json", "/tmp");
}

const twoTargets = rollout({
  defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy", campaignBackup: { s3Bucket: "backups-{account}" } },
  targets: [
    { account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE, kmsKeyArn: KEY }] },
    { account: "222222222222", region: "eu-west-2", instances: [{ id: "12345678-aaaa-bbbb-cccc-1234567890ac" }] },
  ],
});

function statement(document: PolicyDocument, sid: string): PolicyStatement {
  const found = document.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe("the deploy role policy without a config (any account and Region)", () => {
  const policy = deployRolePolicy(anyTarget());

  it("is the whole contract: every statement, in order", () => {
    expect(policy).toMatchSnapshot();
  });

  it("allows CreateServiceLinkedRole only for connect-campaigns.amazonaws.com and only its roles", () => {
    const creators = policy.Statement.filter((s) => s.Action.includes("iam:CreateServiceLinkedRole"));
    expect(creators).toEqual([
      {
        Sid: "CreateCampaignsRole",
        Effect: "Allow",
        Action: ["iam:CreateServiceLinkedRole"],
        Resource: "arn:aws:iam::*:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns*",
        Condition: { StringEquals: { "iam:AWSServiceName": "connect-campaigns.amazonaws.com" } },
      },
    ]);
  });

  it("deletes, and polls the deletion of, only the campaigns roles", () => {
    expect(statement(policy, "DeleteCampaignsRole")).toEqual({
      Sid: "DeleteCampaignsRole",
      Effect: "Allow",
      Action: ["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
      Resource: "arn:aws:iam::*:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns*",
    });
  });

  it("grants no wildcard action, no iam:PassRole, no sts:AssumeRole and nothing outside the services the stacks use", () => {
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions.filter((a) => a.includes("*"))).toEqual([]);
    expect(actions).not.toContain("iam:PassRole");
    expect(actions).not.toContain("sts:AssumeRole");
    expect(new Set(actions.map((a) => a.split(":")[0]))).toEqual(new Set(["iam", "connect-campaigns", "connect", "events", "kms"]));
  });

  it("puts a resource on every statement and '*' only where the action takes no resource type", () => {
    const unscopedActions = policy.Statement.filter((s) => s.Resource === "*").flatMap((s) => s.Action).sort();
    expect(unscopedActions).toEqual([
      "connect-campaigns:DeleteConnectInstanceConfig",
      "connect-campaigns:DeleteInstanceOnboardingJob",
      "connect-campaigns:GetCampaignStateBatch",
      "connect-campaigns:GetConnectInstanceConfig",
      "connect-campaigns:GetInstanceOnboardingJobStatus",
      "connect-campaigns:ListCampaigns",
      "connect-campaigns:StartInstanceOnboardingJob",
      "connect:ListInstances",
      "iam:ListRoles",
    ]);
  });

  it("scopes the campaign actions to campaign ARNs", () => {
    expect(statement(policy, "CleanUpCampaigns").Resource).toBe("arn:aws:connect-campaigns:*:*:campaign/*");
  });

  it("covers every connect-campaigns call of the hook runtime, and no other", () => {
    // v1 and v2 calls alike: both APIs sign as connect-campaigns, so their operations are one set of actions.
    const runtime = ["campaigns-api.ts", "campaigns-v2-api.ts", "campaign-calls.ts"].map((f) => fs.readFileSync(path.join("modules/hooks/runtime", f), "utf8")).join("\n");
    const called = new Set([...runtime.matchAll(/this\.(?:call|orGone)\("(\w+)"/g)].map((m) => `connect-campaigns:${m[1]}`));
    const granted = new Set(deployRolePolicy(anyTarget(), { restore: true }).Statement.flatMap((s) => s.Action).filter((a) => a.startsWith("connect-campaigns:")));
    granted.delete("connect-campaigns:TagResource"); // CreateCampaign with tags: not a call of its own
    expect([...granted].sort()).toEqual([...called].sort());
  });

  it("has unique Sids, each with a step, a source and a proof (or the reason there is none)", () => {
    const specs = deployRoleStatements(anyTarget(), { restore: true });
    expect(new Set(specs.map((s) => s.statement.Sid)).size).toBe(specs.length);
    for (const spec of specs) {
      expect(spec.source.length).toBeGreaterThan(10);
      expect(spec.proof === "emulator" || spec.proof.notEnforced.length > 10).toBe(true);
    }
  });

  it("leaves restore out unless asked", () => {
    expect(policy.Statement.flatMap((s) => s.Action)).not.toContain("connect-campaigns:CreateCampaign");
    const restore = deployRolePolicy(anyTarget(), { restore: true });
    // CreateCampaign is authorized on the campaign it creates: campaign ARNs, not "*".
    expect(statement(restore, "RestoreCampaigns")).toMatchObject({
      Action: ["connect-campaigns:CreateCampaign"],
      Resource: "arn:aws:connect-campaigns:*:*:campaign/*",
    });
    expect(statement(restore, "TagRestoredCampaigns").Resource).toBe("arn:aws:connect-campaigns:*:*:campaign/*");
  });
});

describe("the deploy role policy narrowed by --config", () => {
  const policy = deployRolePolicy(scopeOf(twoTargets));

  it("names the config's accounts and Regions", () => {
    expect(statement(policy, "CreateCampaignsRole").Resource).toEqual([
      "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns*",
      "arn:aws:iam::222222222222:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns*",
    ]);
    expect(statement(policy, "CleanUpCampaigns").Resource).toEqual([
      "arn:aws:connect-campaigns:eu-west-2:222222222222:campaign/*",
      "arn:aws:connect-campaigns:us-east-1:111111111111:campaign/*",
    ]);
    expect(statement(policy, "OnboardingManagedRules").Resource).toEqual([
      "arn:aws:events:eu-west-2:222222222222:rule/*",
      "arn:aws:events:us-east-1:111111111111:rule/*",
    ]);
  });

  it("grants the configured KMS keys only, grants to AWS services only, and DescribeKey outside the grant condition", () => {
    expect(statement(policy, "OnboardWithKmsKey")).toEqual({
      Sid: "OnboardWithKmsKey",
      Effect: "Allow",
      Action: ["kms:CreateGrant"],
      Resource: KEY,
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    });
    // kms:GrantIsForAWSResource is set on grant operations only: under it DescribeKey would never be allowed.
    expect(statement(policy, "DescribeOnboardingKmsKey")).toEqual({
      Sid: "DescribeOnboardingKmsKey",
      Effect: "Allow",
      Action: ["kms:DescribeKey"],
      Resource: KEY,
    });
  });

  it("lets each account write backups only under its own prefix of its bucket", () => {
    expect(statement(policy, "BackUpCampaignsToS3")).toEqual({
      Sid: "BackUpCampaignsToS3",
      Effect: "Allow",
      Action: ["s3:PutObject"],
      Resource: ["arn:aws:s3:::backups-111111111111/111111111111/us-east-1/*", "arn:aws:s3:::backups-222222222222/222222222222/eu-west-2/*"],
      // The bucket must be a target's own (the hook sends ExpectedBucketOwner = the target's account).
      Condition: { StringEquals: { "s3:ResourceAccount": ["111111111111", "222222222222"] } },
    });
  });

  it("with --account, names that account only", () => {
    const one = deployRolePolicy(scopeOf(twoTargets, "222222222222"));
    expect(JSON.stringify(one)).not.toContain("111111111111");
    expect(one.Statement.map((s) => s.Sid)).not.toContain("OnboardWithKmsKey");
    expect(one.Statement.map((s) => s.Sid)).not.toContain("DescribeOnboardingKmsKey");
  });

  it("refuses an account the config does not have", () => {
    expect(() => scopeOf(twoTargets, "333333333333")).toThrow("no target in account 333333333333");
  });

  it("has no KMS or backup statement when the config has no key or bucket", () => {
    const plain = deployRolePolicy(scopeOf(rollout({ targets: [{ account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE }] }] })));
    expect(plain.Statement.map((s) => s.Sid)).toEqual([
      "ListCampaignsRoles",
      "ReadCampaignsRole",
      "CreateCampaignsRole",
      "UpdateCampaignsRoleSettings",
      "DeleteCampaignsRole",
      "OnboardInstances",
      "OnboardingManagedRules",
      "ListInstanceCampaigns",
      "CleanUpCampaigns",
      "OffboardInstances",
      "ScanAccountForRoleUse",
    ]);
  });

  it("uses the partition of the Regions (GovCloud)", () => {
    const gov = deployRolePolicy(scopeOf(rollout({ targets: [{ account: "111111111111", region: "us-gov-west-1", allowUnlistedRegion: true }] })));
    expect(statement(gov, "CleanUpCampaigns").Resource).toBe("arn:aws-us-gov:connect-campaigns:us-gov-west-1:111111111111:campaign/*");
  });
});

describe("the state policy (S3 backend)", () => {
  it("lists the bucket and reads/writes the state key and its lock file only", () => {
    const config = rollout({
      defaults: { backend: { type: "s3", bucket: "tf-state-central", region: "us-east-1" } },
      targets: [{ account: "111111111111", region: "us-east-1" }],
    });
    expect(statePolicy(scopeOf(config)).Statement).toEqual([
      { Sid: "ListStateBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: "arn:aws:s3:::tf-state-central" },
      {
        Sid: "ReadWriteState",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject"],
        Resource: "arn:aws:s3:::tf-state-central/connect-campaigns/111111111111/us-east-1/terraform.tfstate",
      },
      {
        Sid: "LockState",
        Effect: "Allow",
        Action: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
        Resource: "arn:aws:s3:::tf-state-central/connect-campaigns/111111111111/us-east-1/terraform.tfstate.tflock",
      },
    ]);
  });

  it("has no lock statement without use_lockfile, and nothing for local state", () => {
    const unlocked = rollout({ targets: [{ account: "111111111111", region: "us-east-1", backend: { type: "s3", bucket: "b-{account}", useLockfile: false } }] });
    expect(statePolicy(scopeOf(unlocked)).Statement.map((s) => s.Sid)).toEqual(["ListStateBucket", "ReadWriteState"]);
    expect(statePolicy(scopeOf(rollout({ targets: [{ account: "111111111111", region: "us-east-1" }] }))).Statement).toEqual([]);
  });
});

describe("IAM's policy size limit at scale", () => {
  const manyInstances = (accounts: number, instancesEach: number) =>
    rollout({
      targets: Array.from({ length: accounts }, (_, a) => ({
        account: String(100000000000 + a),
        region: "us-east-1",
        instances: Array.from({ length: instancesEach }, (_, i) => ({
          id: `12345678-aaaa-bbbb-cccc-${String(a * 1000 + i).padStart(12, "0")}`,
          kmsKeyArn: `arn:aws:kms:us-east-1:${100000000000 + a}:key/${String(a * 1000 + i).padStart(8, "0")}-aaaa-bbbb-cccc-000000000000`,
        })),
      })),
    });

  it("keeps one account with 100 keyed instances within 6,144 characters by widening the keys to the account's", () => {
    const fitted = fitPolicy(deployRolePolicy(scopeOf(manyInstances(1, 100))));
    expect(fitted.widened).toEqual(["KMS keys to every key of their account and Region"]);
    expect(fitted.size).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    expect(statement(fitted.document, "OnboardWithKmsKey").Resource).toBe("arn:aws:kms:us-east-1:100000000000:key/*");
    expect(statement(fitted.document, "DescribeOnboardingKmsKey").Resource).toBe("arn:aws:kms:us-east-1:100000000000:key/*");
  });

  it("leaves a policy that fits alone", () => {
    const policy = deployRolePolicy(scopeOf(twoTargets));
    expect(fitPolicy(policy)).toEqual({ document: policy, size: policySize(policy), widened: [] });
  });

  it("asks for one policy per account when hundreds of accounts cannot fit in one", () => {
    expect(() => fitPolicy(deployRolePolicy(scopeOf(manyInstances(300, 1))))).toThrow(/print one policy per account with --account/);
  });
});

describe("withoutStatement", () => {
  it("drops exactly one statement, and refuses an unknown Sid", () => {
    const policy = deployRolePolicy(anyTarget());
    expect(withoutStatement(policy, "DeleteCampaignsRole").Statement.map((s) => s.Sid)).toEqual(
      policy.Statement.map((s) => s.Sid).filter((sid) => sid !== "DeleteCampaignsRole"),
    );
    expect(() => withoutStatement(policy, "Nope")).toThrow("no statement Nope");
  });
});
