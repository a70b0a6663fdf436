// v2 (connectcampaignsv2) campaigns for the hook tests: one per channel subtype, or many, some
// started or paused, created through the real v2 SDK against the emulator.
import {
  type Campaign,
  ConnectCampaignsV2Client,
  CreateCampaignCommand,
  DescribeCampaignCommand,
  ListCampaignsCommand,
  PauseCampaignCommand,
  StartCampaignCommand,
} from "@aws-sdk/client-connectcampaignsv2";
import { REGION, type Emulator } from "../../emulator/emulator";
import { V2_CHANNEL_SUBTYPES, v2CampaignInput, type V2ChannelSubtype } from "../../emulator/campaigns-v2-fixtures";
import { createCampaignsWith, type StartedCampaigns } from "./fixtures";

export { V2_CHANNEL_SUBTYPES };

export function campaignsV2Client(emulator: Emulator): ConnectCampaignsV2Client {
  return new ConnectCampaignsV2Client({
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
}

/**
 * Creates `count` v2 campaigns named `v2-<nnn>`, cycling through the four channel subtypes; the
 * first `running` are started, the next `paused` started and paused.
 */
export function createV2Campaigns(client: ConnectCampaignsV2Client, instanceId: string, count: number, started: StartedCampaigns = {}): Promise<string[]> {
  return createCampaignsWith(
    {
      create: async (i) => {
        const subtype: V2ChannelSubtype = V2_CHANNEL_SUBTYPES[i % V2_CHANNEL_SUBTYPES.length];
        return (await client.send(new CreateCampaignCommand(v2CampaignInput(subtype, instanceId, `v2-${String(i).padStart(3, "0")}`)))).id;
      },
      start: (id) => client.send(new StartCampaignCommand({ id })),
      pause: (id) => client.send(new PauseCampaignCommand({ id })),
    },
    count,
    started,
  );
}

export async function describeV2(client: ConnectCampaignsV2Client, id: string): Promise<Campaign> {
  const { campaign } = await client.send(new DescribeCampaignCommand({ id }));
  if (!campaign) throw new Error(`no v2 campaign ${id}`);
  return campaign;
}

/** Every v2 campaign of the instance, all pages: [name, id] sorted by name. */
export async function listV2(client: ConnectCampaignsV2Client, instanceId: string): Promise<{ name: string; id: string }[]> {
  const found: { name: string; id: string }[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instanceId, operator: "Eq" } }, maxResults: 50, nextToken }),
    );
    found.push(...(page.campaignSummaryList ?? []).map((c) => ({ name: c.name ?? "", id: c.id ?? "" })));
    nextToken = page.nextToken;
  } while (nextToken);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
