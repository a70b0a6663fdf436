// The emulator's request log and the faults that act on one named request: a filter the endpoint
// ignores, an operation that fails after N requests, a DescribeCampaign that answers otherwise.
import { ConnectCampaignsClient, DescribeCampaignCommand, ListCampaignsCommand } from '@aws-sdk/client-connectcampaigns';
import { ConnectCampaignsV2Client, ListCampaignsCommand as ListV2Command } from '@aws-sdk/client-connectcampaignsv2';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describeWithEmulator, REGION, useEmulator } from './emulator';
import { createConnectInstance } from './aws-fixtures';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

describeWithEmulator('emulator request controls', () => {
  const emulator = useEmulator();
  const config = () => ({ endpoint: emulator().endpoint, region: REGION, credentials, maxAttempts: 1 });
  afterEach(() => emulator().reset());

  async function twoInstancesWithACampaignEach(client: ConnectCampaignsClient): Promise<[string, string, string, string]> {
    const { CreateCampaignCommand } = await import('@aws-sdk/client-connectcampaigns');
    const result: string[] = [];
    for (const n of [1, 2]) {
      const instance = (await createConnectInstance(emulator())).Id;
      const { id } = await client.send(new CreateCampaignCommand({
        name: `c${n}`, connectInstanceId: instance,
        dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 1 } },
        outboundCallConfig: { connectContactFlowId: 'flow' },
      }));
      result.push(instance, id!);
    }
    return result as [string, string, string, string];
  }

  test('ignoreInstanceIdFilter: v1 and v2 ListCampaigns answer every campaign of the account', async () => {
    const v1 = new ConnectCampaignsClient(config());
    const [a, , b] = await twoInstancesWithACampaignEach(v1);
    const filtered = (instance: string) => ({ filters: { instanceIdFilter: { value: instance, operator: 'Eq' as const } } });
    expect((await v1.send(new ListCampaignsCommand(filtered(a)))).campaignSummaryList?.map((c) => c.name)).toEqual(['c1']);
    await emulator().configure({ ignoreInstanceIdFilter: true });
    expect((await v1.send(new ListCampaignsCommand(filtered(a)))).campaignSummaryList?.map((c) => c.connectInstanceId)).toEqual([a, b]);
    const v2 = new ConnectCampaignsV2Client(config());
    expect((await v2.send(new ListV2Command(filtered(a)))).campaignSummaryList).toEqual([]);
  });

  test('describe override: DescribeCampaign answers with the patched members, null removes one', async () => {
    const v1 = new ConnectCampaignsClient(config());
    const [, first, other] = await twoInstancesWithACampaignEach(v1);
    await emulator().overrideDescribe(first, { connectInstanceId: other, dialerConfig: null });
    const { campaign } = await v1.send(new DescribeCampaignCommand({ id: first }));
    expect(campaign).toMatchObject({ id: first, connectInstanceId: other });
    expect(campaign).not.toHaveProperty('dialerConfig');
  });

  test('request fault: S3 PutObject fails after the first upload, in S3 error form; the log names every request', async () => {
    const s3 = new S3Client({ ...config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'request-fault-bucket' }));
    await emulator().resetStats();
    await emulator().failRequests({ operation: 's3:PutObject', after: 1, times: 1, status: 403, errorType: 'AccessDenied' });
    await s3.send(new PutObjectCommand({ Bucket: 'request-fault-bucket', Key: 'one', Body: '1' }));
    await expect(s3.send(new PutObjectCommand({ Bucket: 'request-fault-bucket', Key: 'two', Body: '2' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    await s3.send(new PutObjectCommand({ Bucket: 'request-fault-bucket', Key: 'three', Body: '3' }));
    await new STSClient(config()).send(new GetCallerIdentityCommand({}));
    await new ConnectCampaignsV2Client(config()).send(new ListV2Command({}));
    expect((await emulator().requestLog()).map((r) => `${r.service}:${r.operation}`)).toEqual([
      's3:PutObject', 's3:PutObject', 's3:PutObject', 'sts:GetCallerIdentity', 'connect-campaigns:v2:ListCampaigns',
    ]);
    expect((await emulator().requestLog())[0]).toEqual({ service: 's3', operation: 'PutObject', account: '123456789012', region: REGION });
  });

  test('bad fault requests are refused naming the field', async () => {
    await expect(emulator().failRequests({ operation: 'PutObject' })).rejects.toThrow(/operation must be .*<service>:<operation>/);
    await expect(emulator().overrideDescribe('x', null as never)).rejects.toThrow(/need campaignId/);
  });
});
