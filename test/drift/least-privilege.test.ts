// Issue 17: the deploy role's generated policy covers every read `drift` makes — proven under
// moto's IAM enforcement (the pipeline user may only assume the deploy role, which holds only the
// printed policy). Its one read beyond the stacks' and hooks' (connect:ListInstances) is the
// account guard's statement, ScanAccountForRoleUse: without it drift cannot read the Region.
import { deployRolePolicy, scopeOf, withoutStatement } from "../../modules/policy";
import { loadRolloutConfig } from "../../modules/rollout";
import { describeWithEmulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { createPipeline, enforceIam, setDeployPolicy, type PipelineUser } from "../support/iam-enforcement";
import { scratchDir } from "../support/terraform";
import { createCampaignsRole, driftEnv, driftJson, onboard, writeConfig } from "./support";

const ACCOUNT = "420000000001";
const REGION = "us-east-1";

describeWithEmulator("drift under the generated deploy policy (IAM enforced)", () => {
  const emulator = useEmulator({ onboardingPolls: 0 });
  let pipeline: PipelineUser;
  let config: string;
  let unmanaged: string;
  let iam: Awaited<ReturnType<typeof emulatedAccount>>["iam"];

  beforeAll(async () => {
    const account = await emulatedAccount(emulator(), ACCOUNT, REGION);
    iam = account.iam;
    await createCampaignsRole(account);
    const instance = await account.createInstance();
    await onboard(account, instance);
    await account.createCampaigns(instance, 2);
    // Outside the config, holding a campaign: the scan (ListInstances, ListCampaigns without a filter) must see it.
    unmanaged = await account.createInstance();
    await account.createCampaigns(unmanaged, 1, "console");
    config = writeConfig(scratchDir("drift-least-privilege"), "rollout.json", [{ account: ACCOUNT, region: REGION, instances: [{ id: instance }] }]);
    pipeline = await createPipeline(iam, ACCOUNT, deployRolePolicy(scopeOf(loadRolloutConfig(config))));
    await enforceIam(emulator(), true);
  });

  /** drift as the pipeline user: its keys only, the deploy role assumed from the config. */
  const asPipeline = () => driftJson({ ...emulator(), env: { ...driftEnv(emulator()), ...pipeline.env } }, config);

  it("every read is allowed: the one finding is the unmanaged instance, no error", async () => {
    const { code, report } = await asPipeline();
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.kind, f.instance])).toEqual([["unmanaged-instance", unmanaged]]);
    expect(code).toBe(2);
  });

  it("without ScanAccountForRoleUse, the Region cannot be read: an error for the stack, not in sync", async () => {
    await enforceIam(emulator(), false);
    await setDeployPolicy(iam, withoutStatement(deployRolePolicy(scopeOf(loadRolloutConfig(config))), "ScanAccountForRoleUse"));
    await enforceIam(emulator(), true);
    const { code, report } = await asPipeline();
    expect(code).toBe(1);
    expect(report.inSync).toBe(0);
    expect(report.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/connect ListInstances failed: AccessDenied/) })]);
  });
});
