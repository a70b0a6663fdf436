// Issue 17, with real Terraform: an instance offboarded out of band leaves `terraform plan` at "no
// changes" (terraform_data is never refreshed); drift sees it, names the fix, and the fix works.
import { ConnectCampaignsV2Client, DeleteConnectInstanceConfigCommand } from "@aws-sdk/client-connectcampaignsv2";
import { assumeAccount } from "../emulator/aws-fixtures";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { applyOneTarget, expectOk, type AppliedTarget } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";
import { driftEnv, runCli } from "./support";
import type { DriftReport } from "../../modules/drift";

describeWithTools("drift after a real apply: out-of-band offboarding, found and fixed", terraformAndEmulator, () => {
  const running = useEmulator({ onboardingPolls: 0 });
  let emulator: Emulator;
  let applied: AppliedTarget;
  const drift = async () => {
    const run = await runCli(["drift", "--config", applied.ws.configFile, "--json"], driftEnv(emulator), applied.ws.dir);
    return { code: run.code, report: JSON.parse(run.stdout) as DriftReport, stderr: run.stderr };
  };

  beforeAll(async () => {
    emulator = running();
    applied = await applyOneTarget(emulator, { account: "430000000001", region: "us-east-1", prefix: "drift-lifecycle" });
  }, 180_000);

  it("exit 0 after apply; exit 2 with the instance and the -replace= fix after v2 DeleteConnectInstanceConfig; exit 0 once the fix is applied", async () => {
    const { ws, stack, instance, account } = applied;
    expect(await drift()).toMatchObject({ code: 0, report: { targets: 1, inSync: 1, findings: [], errors: [] } });

    const v2 = new ConnectCampaignsV2Client({ endpoint: emulator.endpoint, region: account.region, credentials: await assumeAccount(emulator, account.account) });
    await v2.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instance, campaignDeletionPolicy: "RETAIN_ALL" }));
    // What the plan sees: nothing (the onboarding's terraform_data is never refreshed).
    expect((await ws.planExitCode(stack)).code).toBe(0);

    const found = await drift();
    expect(found.code).toBe(2);
    expect(found.report.findings).toEqual([expect.objectContaining({ stack, kind: "not-onboarded", instance })]);
    const fix = found.report.findings[0].fix!;
    const replace = /^terraform -chdir=cdktf\.out\/stacks\/(\S+) apply (-replace=\S+)/.exec(fix);
    expect(replace?.[1]).toBe(stack);
    // The fix as written: its -replace= address is the stack's own onboarding resource.
    expect(await ws.stateList(stack)).toContain(replace![2].slice("-replace=".length));
    expectOk(await ws.tf(stack, ["apply", "-auto-approve", "-input=false", replace![2]]), "apply the fix");

    expect(await drift()).toMatchObject({ code: 0, report: { inSync: 1, findings: [] } });
  }, 240_000);
});
