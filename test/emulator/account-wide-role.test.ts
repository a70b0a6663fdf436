// Issue 16, point 4: the campaigns service-linked role is global to the account, and IAM's
// deletion task fails while campaigns of ANY Region use it, on any instance linked to it (one
// the config names or one onboarded from the console). Real SDK over HTTP against the emulator.
import { ConnectCampaignsClient, CreateCampaignCommand, DeleteCampaignCommand, GetConnectInstanceConfigCommand, StartInstanceOnboardingJobCommand } from '@aws-sdk/client-connectcampaigns';
import { ConnectCampaignsV2Client, CreateCampaignCommand as CreateV2CampaignCommand, DeleteCampaignCommand as DeleteV2CampaignCommand } from '@aws-sdk/client-connectcampaignsv2';
import { DeleteServiceLinkedRoleCommand, GetRoleCommand, GetServiceLinkedRoleDeletionStatusCommand, IAMClient } from '@aws-sdk/client-iam';
import { createConnectInstance } from './aws-fixtures';
import { v2CampaignInput } from './campaigns-v2-fixtures';
import { describeWithEmulator, useEmulator } from './emulator';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const ROLE = 'AWSServiceRoleForConnectCampaigns';

describeWithEmulator('IAM: the campaigns role is in use while campaigns of any Region use it', () => {
  const emulator = useEmulator({ onboardingPolls: 0 });
  const config = (region: string) => ({ endpoint: emulator().endpoint, region, credentials, maxAttempts: 1 });

  async function onboarded(region: string): Promise<{ id: string; roleArn: string }> {
    const { Id } = await createConnectInstance(emulator(), { region });
    const v1 = new ConnectCampaignsClient(config(region));
    await v1.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: Id, encryptionConfig: { enabled: false } }));
    const { connectInstanceConfig } = await v1.send(new GetConnectInstanceConfigCommand({ connectInstanceId: Id }));
    return { id: Id, roleArn: connectInstanceConfig!.serviceLinkedRoleArn! };
  }

  async function deleteRole() {
    const iam = new IAMClient(config('us-east-1'));
    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE }));
    return iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
  }

  test('us-east-1 empty, eu-west-2 holding v2 campaigns, an instance outside any config in us-east-1 holding a v1 one: FAILED naming both Regions; SUCCEEDED once all are gone', async () => {
    const owner = await onboarded('us-east-1');
    const observer = await onboarded('eu-west-2');
    const unmanaged = await onboarded('us-east-1');
    // One role for the account: every Region's onboarding linked the same one.
    expect(new Set([owner.roleArn, observer.roleArn, unmanaged.roleArn]).size).toBe(1);
    const v2 = new ConnectCampaignsV2Client(config('eu-west-2'));
    const westIds: string[] = [];
    const westArns: string[] = [];
    for (const name of ['w1', 'w2']) {
      const created = await v2.send(new CreateV2CampaignCommand(v2CampaignInput('sms', observer.id, name)));
      westIds.push(created.id!);
      westArns.push(created.arn!);
    }
    const v1 = new ConnectCampaignsClient(config('us-east-1'));
    const east = await v1.send(new CreateCampaignCommand({
      name: 'console-made', connectInstanceId: unmanaged.id,
      dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 0.5 } },
      outboundCallConfig: { connectContactFlowId: 'flow', connectQueueId: 'queue', connectSourcePhoneNumber: '+15550100' },
    }));

    const failed = await deleteRole();

    expect(failed.Status).toBe('FAILED');
    const usage = Object.fromEntries((failed.Reason!.RoleUsageList ?? []).map((u) => [u.Region, [...(u.Resources ?? [])].sort()]));
    expect(usage).toEqual({ 'eu-west-2': [...westArns].sort(), 'us-east-1': [east.arn] });
    const iam = new IAMClient(config('eu-west-2'));
    await expect(iam.send(new GetRoleCommand({ RoleName: ROLE }))).resolves.toBeDefined();

    // The other Region alone still keeps it: deleting us-east-1's campaign is not enough.
    await v1.send(new DeleteCampaignCommand({ id: east.id! }));
    const stillFailed = await deleteRole();
    expect(stillFailed.Status).toBe('FAILED');
    expect(stillFailed.Reason!.RoleUsageList!.map((u) => u.Region)).toEqual(['eu-west-2']);

    for (const id of westIds) await v2.send(new DeleteV2CampaignCommand({ id }));
    expect((await deleteRole()).Status).toBe('SUCCEEDED');
    await expect(iam.send(new GetRoleCommand({ RoleName: ROLE }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});
