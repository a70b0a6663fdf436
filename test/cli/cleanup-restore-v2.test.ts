import * as fs from "node:fs";
import * as path from "node:path";
import { ConnectCampaignsV2Client, CreateCampaignCommand } from "@aws-sdk/client-connectcampaignsv2";
import { assumeAccount } from "../emulator/aws-fixtures";
import { v2CampaignInput } from "../emulator/campaigns-v2-fixtures";
import { describeWithEmulator, type Emulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { cli } from "../support/cli";
import { useProcessEnv } from "../support/process-env";
import { scratchDir } from "../support/terraform";

const ACCOUNT = "686868686868";
const REGION = "us-west-2";
const STACK = `campaigns-${ACCOUNT}-${REGION}`;
const ROLE_TEMPLATE = "arn:aws:iam::{account}:role/terraform-deploy";

/** `cleanup --dry-run` and `restore --dry-run` by hand list v1 and v2 campaigns, each with its API. */
describeWithEmulator("cleanup and restore commands with v2 campaigns", () => {
  const running = useEmulator();
  let emulator: Emulator;
  // The commands run in this process and read the AWS environment, as on a developer's machine.
  const processEnv = useProcessEnv();
  let config: string;
  let backups: string;

  beforeAll(async () => {
    emulator = running();
    const account = await emulatedAccount(emulator, ACCOUNT, REGION);
    const instance = await account.createInstance();
    await account.createCampaigns(instance, 1, "voice");
    const v2 = new ConnectCampaignsV2Client({ endpoint: emulator.endpoint, region: REGION, credentials: await assumeAccount(emulator, ACCOUNT) });
    await v2.send(new CreateCampaignCommand(v2CampaignInput("whatsApp", instance, "chat")));
    const dir = scratchDir("cli-v2");
    backups = path.join(dir, "backups");
    config = path.join(dir, "rollout.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        defaults: { deployRoleArn: ROLE_TEMPLATE, campaignBackup: { dir: backups } },
        targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: instance }] }],
      }),
    );
    processEnv.set({ ...emulator.env, CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "20" });
  });

  it("cleanup --dry-run lists both APIs' campaigns; the cleanup backs up and deletes both; restore --dry-run lists both", async () => {
    const dry = await cli("cleanup", "--config", config, "--stack", STACK, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout).instances[0].campaigns as { name: string; api: string; channelSubtypes?: string[] }[];
    expect(planned.map((c) => [c.name, c.api, c.channelSubtypes]).sort()).toEqual([
      ["chat", "v2", ["WHATSAPP"]],
      ["voice-1", "v1", undefined],
    ]);

    const human = await cli("cleanup", "--config", config, "--stack", STACK, "--dry-run");
    expect(human.stdout).toMatch(/would back up "chat" \(.*, v2 WHATSAPP, Initialized\)/);
    expect(human.stdout).not.toMatch(/^\{/m);

    expect((await cli("cleanup", "--config", config, "--stack", STACK, "--allow-deletion")).code).toBe(0);
    const restore = await cli("restore", backups, "--role-template", ROLE_TEMPLATE, "--dry-run", "--json");
    expect(restore.code).toBe(0);
    const listed = JSON.parse(restore.stdout).campaigns as { name: string; api: string; outcome: string }[];
    expect(listed.map((c) => [c.name, c.api, c.outcome]).sort()).toEqual([
      ["chat", "v2", "would-create"],
      ["voice-1", "v1", "would-create"],
    ]);
  });
});
