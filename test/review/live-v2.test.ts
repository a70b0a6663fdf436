// The review's `--live` list covers v2 campaigns: a plan that destroys a cleanup hook lists the
// v1 and v2 campaigns its instance has now, through the hook runtime's dry run, over real HTTP.
import { liveCleanups } from "../../modules/review/live";
import type { PlanDocument } from "../../modules/review/plan-json";
import { describeWithEmulator, type Emulator, useEmulator } from "../emulator/emulator";
import { campaignsClient, createCampaigns, createInstance, hookInput } from "../hooks/runtime/fixtures";
import { campaignsV2Client, createV2Campaigns } from "../hooks/runtime/v2-fixtures";

describeWithEmulator("review --live with v2 campaigns", () => {
  // The code under test builds its clients from the default chain, as the CLI does.
  const running = useEmulator({ defaultChain: true });
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = running();
  });

  it("lists v1 and v2 campaigns of the instance the destroy hook will clean up", async () => {
    const instanceId = await createInstance(emulator);
    await createCampaigns(campaignsClient(emulator), instanceId, 1);
    await createV2Campaigns(campaignsV2Client(emulator), instanceId, 2, { running: 1 });
    const input = hookInput(instanceId);
    const plan = {
      resource_changes: [
        { address: "terraform_data.campaign-cleanup-x", type: "terraform_data", mode: "managed", name: "campaign-cleanup-x", change: { actions: ["delete"], before: { input }, after: null } },
      ],
    } as unknown as PlanDocument;
    const [live] = await liveCleanups(plan, process.cwd());
    expect(live.error).toBeUndefined();
    expect([...(live.campaigns ?? [])].map((c) => [c.name, c.state]).sort()).toEqual([
      ["campaign-000", "Initialized"],
      ["v2-000", "Running, v2 TELEPHONY"],
      ["v2-001", "Initialized, v2 SMS"],
    ]);
  });
});
