import { GetRoleCommand } from "@aws-sdk/client-iam";
import { ConnectCampaignsV2Client, CreateCampaignCommand } from "@aws-sdk/client-connectcampaignsv2";
import { useEmulator, type Emulator } from "../emulator/emulator";
import { assumeAccount } from "../emulator/aws-fixtures";
import { v2CampaignInput, V2_CHANNEL_SUBTYPES } from "../emulator/campaigns-v2-fixtures";
import { terraformAndEmulator } from "../support/all-tools";
import { applyOneTarget, expectOk } from "../support/lifecycle";
import type { EmulatedAccount } from "../support/account";
import { describeWithTools } from "../support/tiers";

/** Campaigns made through outbound campaigns API v2 (`connectcampaignsv2`), one per channel subtype. */
async function createV2Campaigns(emulator: Emulator, account: EmulatedAccount, instanceId: string): Promise<void> {
  const credentials = await assumeAccount(emulator, account.account);
  const v2 = new ConnectCampaignsV2Client({ endpoint: emulator.endpoint, region: account.region, credentials });
  for (const subtype of V2_CHANNEL_SUBTYPES) await v2.send(new CreateCampaignCommand(v2CampaignInput(subtype, instanceId, `v2-${subtype}`)));
}

/**
 * The control case, the reason the destroy hook exists: the same stack with Terraform unaware of
 * the hooks (as a bare aws_iam_service_linked_role would be) cannot destroy the role while
 * campaigns use it — IAM's deletion task ends FAILED — whichever API made the campaigns.
 */
describeWithTools("lifecycle: without the destroy hook, the role cannot be destroyed", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it.each([
    ["API v1", "555555555555"],
    ["API v2", "555555555556"],
  ])("fails with IAM's FAILED deletion task and leaves the role (campaigns made through %s)", async (api, accountId) => {
    const { account, instance, ws, stack } = await applyOneTarget(
      emulator(),
      { account: accountId, region: "us-east-1", prefix: `without-hook-${accountId}` },
      { allowCampaignDeletion: true },
    );
    if (api === "API v1") await account.createCampaigns(instance, 2);
    else await createV2Campaigns(emulator(), account, instance);
    const roleName = (await ws.outputs(stack)).role_name as string;

    // Forget the hooks: Terraform now holds only the role, as a stack without them would.
    const hooks = (await ws.stateList(stack)).filter((address) => address.startsWith("terraform_data."));
    expect(hooks).toHaveLength(4); // onboarding, its KMS key pin, cleanup, account guard
    expectOk(await ws.tf(stack, ["state", "rm", ...hooks]), "state rm");

    const destroy = await ws.destroy(stack);
    expect(destroy.code).not.toBe(0);
    expect(destroy.stderr).toMatch(/unexpected state 'FAILED', wanted target 'SUCCEEDED'/);
    const { Role: role } = await account.iam.send(new GetRoleCommand({ RoleName: roleName }));
    expect(role).toBeDefined();
  });
});
