import * as fs from "node:fs";
import * as path from "node:path";
import { ListRolesCommand } from "@aws-sdk/client-iam";
import { ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { ConnectCampaignsV2Client, CreateCampaignCommand as CreateV2Campaign, ListCampaignsCommand as ListV2Campaigns } from "@aws-sdk/client-connectcampaignsv2";
import { anyTarget, deployRolePolicy, deployRoleStatements, scopeOf, withoutStatement, type StatementSpec } from "../../modules/policy";
import type { ResolvedRollout } from "../../modules/rollout";
import { assumeAccount } from "../emulator/aws-fixtures";
import { v2CampaignInput } from "../emulator/campaigns-v2-fixtures";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { createPipeline, enforceIam, setDeployPolicy, type PipelineUser } from "../support/iam-enforcement";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import type { TerraformResult } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

const REGION = "us-east-1";
const BASELINE = "300000000000";
const ROLE_PATH = "/aws-service-role/connect-campaigns.amazonaws.com/";
/** moto's assumed-role session tokens all start with this (moto/sts/utils.py SESSION_TOKEN_PREFIX). */
const MOTO_SESSION_TOKEN_PREFIX = "FQoGZXIvYXdzEBYaD";

/** The statements removal can prove needed here; the others say why not (modules/policy/README.md). */
const PROVABLE = deployRoleStatements(anyTarget()).filter((s) => s.proof === "emulator");
/** One account per removal case, so no case inherits another's leftovers. */
const caseAccount = (spec: StatementSpec) => `3000000001${String(PROVABLE.indexOf(spec)).padStart(2, "0")}`;

interface Target {
  readonly fixtures: EmulatedAccount;
  readonly instanceId: string;
  pipeline?: PipelineUser;
}

const stackOf = (account: string) => `campaigns-${account}-${REGION}`;
const outputOf = (r: TerraformResult) => `${r.stdout}\n${r.stderr}`;

/**
 * The stacks applied, re-planned and destroyed as a principal holding only the generated policy
 * (moto's IAM enforcement on): the pipeline user may only assume the deploy role, and the role
 * holds the `policy --config` document. Then, for every statement the emulator can enforce, the
 * step that needs it, run with that statement removed, fails with AccessDenied.
 */
describeWithTools("lifecycle: least privilege, proven under IAM enforcement", terraformAndEmulator, () => {
  const running = useEmulator();
  let emulator: Emulator;
  let ws: LifecycleWorkspace;
  let rollout: ResolvedRollout;
  const targets = new Map<string, Target>();
  /** Everything a lifecycle run leaves behind that a secret must never reach. */
  const transcripts: string[] = [];

  const fullPolicy = (account: string) => deployRolePolicy(scopeOf(rollout, account));
  const target = (account: string) => targets.get(account)!;

  /** Runs terraform as the pipeline user, with IAM enforced only while it runs. */
  async function asPipeline(account: string, args: string[]): Promise<TerraformResult> {
    await enforceIam(emulator, true);
    try {
      return await ws.tf(stackOf(account), [...args, "-input=false"], target(account).pipeline!.env);
    } finally {
      await enforceIam(emulator, false);
    }
  }
  const apply = (account: string) => asPipeline(account, ["apply", "-auto-approve"]);
  const destroy = (account: string) => asPipeline(account, ["destroy", "-auto-approve"]);

  beforeAll(async () => {
    emulator = running();
    await enforceIam(emulator, false);
    for (const account of [BASELINE, ...PROVABLE.map(caseAccount)]) {
      const fixtures = await emulatedAccount(emulator, account, REGION);
      targets.set(account, { fixtures, instanceId: await fixtures.createInstance() });
    }
    ws = new LifecycleWorkspace(emulator, "least-privilege");
    rollout = ws.synth({
      // Tags make the provider tag the role after creating it (iam:TagRole).
      defaults: { tags: { team: "contact-center" }, allowCampaignDeletion: true },
      targets: [...targets].map(([account, t]) => ({ account, region: REGION, instances: [{ id: t.instanceId }] })),
    });
    for (const account of targets.keys()) await ws.init(stackOf(account));
  });

  it("applies, re-plans and destroys (hooks and campaigns included) holding only the generated policy", async () => {
    const t = target(BASELINE);
    t.pipeline = await createPipeline(t.fixtures.iam, BASELINE, fullPolicy(BASELINE));

    const applied = await apply(BASELINE);
    transcripts.push(outputOf(applied));
    expectOk(applied, "apply as the pipeline");
    expect(applied.stdout).toContain('"event":"onboard-summary"');

    const plan = await asPipeline(BASELINE, ["plan", "-detailed-exitcode"]);
    transcripts.push(outputOf(plan));
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);

    await t.fixtures.createCampaigns(t.instanceId, 3);
    // v2 campaigns too: the hook's v2 calls (list, describe, state, delete, offboarding) must be
    // allowed by the same actions, as both APIs sign as connect-campaigns.
    const v2 = new ConnectCampaignsV2Client({ endpoint: emulator.endpoint, region: REGION, credentials: await assumeAccount(emulator, BASELINE) });
    for (const subtype of ["telephony", "email"] as const) await v2.send(new CreateV2Campaign(v2CampaignInput(subtype, t.instanceId, `v2-${subtype}`)));
    const destroyed = await destroy(BASELINE);
    transcripts.push(outputOf(destroyed));
    expectOk(destroyed, "destroy as the pipeline");
    expect(destroyed.stdout).toMatch(/"event":"cleanup-summary".*"found":5.*"backedUp":5.*"deleted":5/);
    const filters = { instanceIdFilter: { value: t.instanceId, operator: "Eq" as const } };
    const left = await t.fixtures.campaigns.send(new ListCampaignsCommand({ filters }));
    expect(left.campaignSummaryList).toEqual([]);
    expect((await v2.send(new ListV2Campaigns({ filters }))).campaignSummaryList).toEqual([]);
    expect((await t.fixtures.iam.send(new ListRolesCommand({ PathPrefix: ROLE_PATH }))).Roles).toEqual([]);
  });

  it("leaves no credential in cdktf.out, state, Terraform's output, hook output or backups", () => {
    const { accessKeyId, secretAccessKey } = target(BASELINE).pipeline!;
    const files = [path.join(ws.dir, "cdktf.out"), path.join(ws.dir, "state"), ws.backupDir].flatMap(filesUnder);
    expect(files.some((f) => f.endsWith(".tfstate"))).toBe(true);
    expect(files.some((f) => f.includes("campaign-backups"))).toBe(true);
    // The hook bundle and the provider binaries are code shipped as is, not written by a run.
    const written = files.filter((f) => !f.endsWith(".cjs") && !f.includes(`${path.sep}.terraform${path.sep}providers${path.sep}`));
    const texts = [...transcripts, ...written.map((f) => fs.readFileSync(f, "utf8"))];
    expect(transcripts).toHaveLength(3);
    for (const secret of [secretAccessKey, accessKeyId, MOTO_SESSION_TOKEN_PREFIX]) {
      expect(texts.filter((text) => text.includes(secret))).toEqual([]);
    }
  });

  // Statements first needed at plan are read by data sources that wait for the role, so a fresh apply is where they fail.
  it.each(PROVABLE.map((spec) => [spec.statement.Sid, spec.step === "destroy" ? "destroy" : "apply", spec] as const))(
    "without %s, %s fails with AccessDenied",
    async (sid, _step, spec) => {
      const account = caseAccount(spec);
      const t = target(account);
      const denied = withoutStatement(fullPolicy(account), sid);
      let result: TerraformResult;
      if (spec.step === "destroy") {
        t.pipeline = await createPipeline(t.fixtures.iam, account, fullPolicy(account));
        expectOk(await apply(account), `apply ${account}`);
        await setDeployPolicy(t.fixtures.iam, denied);
        await t.fixtures.createCampaigns(t.instanceId, 2);
        result = await destroy(account);
      } else {
        t.pipeline = await createPipeline(t.fixtures.iam, account, denied);
        result = await apply(account);
      }
      expect(result.code).not.toBe(0);
      const output = outputOf(result);
      expect(spec.statement.Action.filter((action) => wasDenied(output, action))).not.toEqual([]);
    },
  );
});

/**
 * Whether `action` was denied: the hooks print moto's message ("... is not authorized to perform:
 * <action>"); Terraform's SDK cannot parse moto's IAM denial body (it reports "UnknownError"), so
 * for the provider the sign is a 403 on the operation of that name.
 */
function wasDenied(output: string, action: string): boolean {
  const operation = action.split(":")[1];
  return output.includes(`not authorized to perform: ${action}`) || output.includes(`${operation}, https response error StatusCode: 403`);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}
