import { CreateServiceLinkedRoleCommand } from "@aws-sdk/client-iam";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { expectOk, LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

/** A role that exists already (created in the console, or by onboarding) is imported, not re-created. */
describeWithTools("lifecycle: adopt a role created out of band", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("imports the role with an import block: apply succeeds without 'has been taken', and the next plan is clean", async () => {
    const account = await emulatedAccount(emulator(), "333333333333", "us-west-2");
    const { Role: existing } = await account.iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: "connect-campaigns.amazonaws.com", Description: "made in the console" }),
    );
    const instance = await account.createInstance();
    const ws = new LifecycleWorkspace(emulator(), "adopt");
    ws.synth({
      targets: [{ account: "333333333333", region: "us-west-2", role: { mode: "adopt", arn: existing!.Arn }, instances: [{ id: instance }] }],
    });
    const stack = "campaigns-333333333333-us-west-2";
    await ws.init(stack);

    const apply = await ws.apply(stack);
    expectOk(apply, "apply");
    expect(apply.stdout).toMatch(/1 imported, 4 added, 0 changed, 0 destroyed/); // onboarding, its KMS key pin, cleanup, account guard
    expect(apply.stdout + apply.stderr).not.toContain("has been taken");
    expect((await ws.outputs(stack)).role_arn).toBe(existing!.Arn);

    const plan = await ws.planExitCode(stack);
    expect(plan.stdout).toContain("No changes.");
    expect(plan.code).toBe(0);
  });
});
