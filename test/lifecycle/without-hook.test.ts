import { GetRoleCommand } from "@aws-sdk/client-iam";
import { useEmulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { applyOneTarget, expectOk } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

/**
 * The control case, the reason the destroy hook exists: the same stack with Terraform unaware of
 * the hooks (as a bare aws_iam_service_linked_role would be) cannot destroy the role while
 * campaigns use it — IAM's deletion task ends FAILED.
 */
describeWithTools("lifecycle: without the destroy hook, the role cannot be destroyed", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("fails with IAM's FAILED deletion task and leaves the role", async () => {
    const { account, instance, ws, stack } = await applyOneTarget(
      emulator(),
      { account: "555555555555", region: "us-east-1", prefix: "without-hook" },
      { allowCampaignDeletion: true },
    );
    await account.createCampaigns(instance, 2);
    const roleName = (await ws.outputs(stack)).role_name as string;

    // Forget the hooks: Terraform now holds only the role, as a stack without them would.
    const hooks = (await ws.stateList(stack)).filter((address) => address.startsWith("terraform_data."));
    expect(hooks).toHaveLength(3); // onboarding, its KMS key pin, cleanup
    expectOk(await ws.tf(stack, ["state", "rm", ...hooks]), "state rm");

    const destroy = await ws.destroy(stack);
    expect(destroy.code).not.toBe(0);
    expect(destroy.stderr).toMatch(/unexpected state 'FAILED', wanted target 'SUCCEEDED'/);
    const { Role: role } = await account.iam.send(new GetRoleCommand({ RoleName: roleName }));
    expect(role).toBeDefined();
  });
});
