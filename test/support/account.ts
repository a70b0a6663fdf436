import { IAMClient } from "@aws-sdk/client-iam";
import { ConnectCampaignsClient, CreateCampaignCommand } from "@aws-sdk/client-connectcampaigns";
import type { Emulator } from "../emulator/emulator";
import { assumeAccount, createConnectInstance, createKmsKeyArn, RequestScope } from "../emulator/aws-fixtures";

/** SDK clients and fixtures acting in one account and Region of the emulator. */
export interface EmulatedAccount {
  readonly account: string;
  readonly region: string;
  readonly iam: IAMClient;
  readonly campaigns: ConnectCampaignsClient;
  readonly scope: RequestScope;
  createInstance(): Promise<string>;
  createKmsKey(): Promise<string>;
  /** Creates `count` campaigns on an instance (named `<prefix>-<n>`); returns their ids. */
  createCampaigns(instanceId: string, count: number, prefix?: string): Promise<string[]>;
}

export async function emulatedAccount(emulator: Emulator, account: string, region: string): Promise<EmulatedAccount> {
  const credentials = await assumeAccount(emulator, account);
  const config = { endpoint: emulator.endpoint, region, credentials };
  const campaigns = new ConnectCampaignsClient(config);
  const scope = { region, accessKeyId: credentials.accessKeyId };
  return {
    account,
    region,
    iam: new IAMClient(config),
    campaigns,
    scope,
    createInstance: async () => (await createConnectInstance(emulator, scope)).Id,
    createKmsKey: () => createKmsKeyArn(emulator, scope),
    createCampaigns: async (instanceId, count, prefix = "campaign") => {
      const ids: string[] = [];
      for (let n = 1; n <= count; n++) {
        const { id } = await campaigns.send(
          new CreateCampaignCommand({
            name: `${prefix}-${n}`,
            connectInstanceId: instanceId,
            dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 0.5 } },
            outboundCallConfig: { connectContactFlowId: `flow-${n}`, connectQueueId: "queue-1", connectSourcePhoneNumber: "+15550100" },
            tags: { n: String(n) },
          }),
        );
        ids.push(id!);
      }
      return ids;
    },
  };
}
