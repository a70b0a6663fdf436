import * as fs from "node:fs";
import * as path from "node:path";
import { stackIdFor } from "../../modules/rollout";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";
import { PROVIDER_REQUESTS, type Where } from "../policy/requests";

const ACCOUNT = "555555555555";
const REGION = "us-east-1";

/**
 * The AWS operations hashicorp/aws makes for the stack, read from its own debug log (each SDK
 * call logs `rpc.service=<Service> ... rpc.method=<Operation>`): the evaluator's list of provider
 * requests (test/policy/requests.ts) must be exactly these, so the policy is evaluated against
 * what the provider really calls, not against what its documentation suggests.
 */
describeWithTools("lifecycle: the AWS requests the provider makes", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("apply, plan, an update of description and tags, destroy: the provider's calls are the evaluator's provider requests", async () => {
    const account = await emulatedAccount(emulator(), ACCOUNT, REGION);
    const instance = await account.createInstance();
    const ws = new LifecycleWorkspace(emulator(), "provider-requests");
    const stack = stackIdFor(ACCOUNT, REGION);
    const synth = (description: string, tags: Record<string, string>) =>
      ws.synth({
        defaults: { allowCampaignDeletion: true },
        targets: [{ account: ACCOUNT, region: REGION, role: { mode: "create", customSuffix: "ops", description, tags }, instances: [{ id: instance }] }],
      });
    synth("first", { team: "a", gone: "soon" });
    await ws.init(stack);

    const calls: Record<string, string[]> = {};
    const step = async (name: string, args: string[]) => {
      const log = path.join(ws.dir, `${name}.tf-debug.log`);
      expectOk(await ws.tf(stack, [...args, "-input=false"], { TF_LOG: "DEBUG", TF_LOG_PATH: log }), name);
      const operations = new Set<string>();
      // One log entry spans several lines (request bodies): split at each entry's timestamp.
      for (const entry of fs.readFileSync(log, "utf8").split(/\n(?=\d{4}-\d\d-\d\dT)/)) {
        const service = /rpc\.service=(\w+)/.exec(entry)?.[1];
        const method = /rpc\.method=(\w+)/.exec(entry)?.[1];
        if (service && method) operations.add(`${service.toLowerCase()}:${method}`);
      }
      calls[name] = [...operations].sort();
    };
    await step("apply", ["apply", "-auto-approve"]);
    await step("plan", ["plan"]);
    synth("second", { team: "b" });
    await step("update", ["apply", "-auto-approve"]);
    await step("destroy", ["destroy", "-auto-approve"]);

    // The description is edited with UpdateRole (not UpdateRoleDescription), a removed tag with UntagRole.
    expect(calls.update).toEqual(expect.arrayContaining(["iam:TagRole", "iam:UntagRole", "iam:UpdateRole"]));
    expect(calls.plan).toEqual(["iam:GetRole", "iam:ListRoles", "sts:AssumeRole", "sts:GetCallerIdentity"]);

    const where: Where = { partition: "aws", account: ACCOUNT, region: REGION, instanceId: instance, campaignId: "c", roleName: "AWSServiceRoleForConnectCampaigns_ops" };
    const modelled = new Set(PROVIDER_REQUESTS.map((spec) => spec.request(where).action));
    const observed = new Set(Object.values(calls).flat());
    // sts:AssumeRole is the pipeline principal's, granted by the deploy role's trust policy
    // (evaluated under "policy --trust"), not by the deploy role's own policy.
    observed.delete("sts:AssumeRole");
    expect([...observed].sort()).toEqual([...modelled].sort());
  });
});
