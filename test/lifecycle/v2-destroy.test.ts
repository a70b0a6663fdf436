import * as fs from "node:fs";
import * as path from "node:path";
import { ListCampaignsCommand } from "@aws-sdk/client-connectcampaigns";
import { ConnectCampaignsV2Client, CreateCampaignCommand, ListCampaignsCommand as ListV2Campaigns, StartCampaignCommand } from "@aws-sdk/client-connectcampaignsv2";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { assumeAccount } from "../emulator/aws-fixtures";
import { V2_CHANNEL_SUBTYPES, v2CampaignInput } from "../emulator/campaigns-v2-fixtures";
import { useEmulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { applyOneTarget, expectOk } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

const ACCOUNT = "232323232323";
const REGION = "us-west-2";

/**
 * An instance whose campaigns were made with both APIs (v1 and today's v2), destroyed
 * with real Terraform: the destroy hook backs up and deletes all of them, the instance is
 * offboarded and the service-linked role goes. Before the hook knew v2, its v2 campaigns kept the
 * role in use and the destroy failed on IAM's deletion task.
 */
describeWithTools("lifecycle: destroying a stack whose instance has v1 and v2 campaigns", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("backs up and deletes every campaign of both APIs, then the role goes", async () => {
    const { account, instance, ws, stack } = await applyOneTarget(
      emulator(),
      { account: ACCOUNT, region: REGION, prefix: "v2-destroy" },
      { allowCampaignDeletion: true },
    );
    const v1Ids = await account.createCampaigns(instance, 3, "v1");
    const v2 = new ConnectCampaignsV2Client({ endpoint: emulator().endpoint, region: REGION, credentials: await assumeAccount(emulator(), ACCOUNT) });
    const v2Ids: string[] = [];
    for (const subtype of V2_CHANNEL_SUBTYPES) {
      const { id } = await v2.send(new CreateCampaignCommand(v2CampaignInput(subtype, instance, `v2-${subtype}`)));
      v2Ids.push(id!);
    }
    await v2.send(new StartCampaignCommand({ id: v2Ids[0] }));
    const roleName = (await ws.outputs(stack)).role_name as string;

    const destroy = await ws.destroy(stack);
    expectOk(destroy, "destroy");

    const backups = path.join(ws.backupDir, ACCOUNT, REGION, instance);
    expect(fs.readdirSync(backups).sort()).toEqual([...v1Ids, ...v2Ids].map((id) => `${id}.json`).sort());
    for (const id of v2Ids) {
      expect(JSON.parse(fs.readFileSync(path.join(backups, `${id}.json`), "utf8"))).toMatchObject({ api: "connectcampaignsv2", campaign: { id } });
    }
    const filters = { instanceIdFilter: { value: instance, operator: "Eq" as const } };
    expect((await account.campaigns.send(new ListCampaignsCommand({ filters }))).campaignSummaryList).toEqual([]);
    expect((await v2.send(new ListV2Campaigns({ filters }))).campaignSummaryList).toEqual([]);
    await expect(account.iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
    expect(await ws.stateList(stack)).toEqual([]);
  });
});
