// The emulator's outbound campaigns API v2 (connectcampaignsv2), through the real AWS SDK over HTTP.
import {
  ConnectCampaignsClient,
  CreateCampaignCommand as CreateV1Campaign,
  DeleteCampaignCommand as DeleteV1Campaign,
  GetCampaignStateCommand as GetV1CampaignState,
  StartCampaignCommand as StartV1Campaign,
  GetConnectInstanceConfigCommand as GetV1InstanceConfig,
  ListCampaignsCommand as ListV1Campaigns,
  StartInstanceOnboardingJobCommand as StartV1Onboarding,
} from '@aws-sdk/client-connectcampaigns';
import {
  ConnectCampaignsV2Client,
  CreateCampaignCommand,
  DeleteCampaignCommand,
  DeleteConnectInstanceConfigCommand,
  DeleteInstanceOnboardingJobCommand,
  DescribeCampaignCommand,
  GetCampaignStateBatchCommand,
  GetCampaignStateCommand,
  GetConnectInstanceConfigCommand,
  GetInstanceOnboardingJobStatusCommand,
  ListCampaignsCommand,
  ListTagsForResourceCommand,
  PauseCampaignCommand,
  ResumeCampaignCommand,
  StartCampaignCommand,
  StartInstanceOnboardingJobCommand,
  StopCampaignCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateCampaignNameCommand,
  paginateListCampaigns,
  type CreateCampaignCommandInput,
} from '@aws-sdk/client-connectcampaignsv2';
import {
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { createConnectInstance, singleAttemptClientConfig, userWithPolicy } from './aws-fixtures';
import { V2_CHANNEL_SUBTYPES, v2CampaignInput } from './campaigns-v2-fixtures';
import { describeWithEmulator, REGION, useEmulator, type Emulator } from './emulator';
import { elapsedMs, outcomesUnder } from './fault-probes';
import { errorOf } from './sdk-errors';

const ROLE_NAME = 'AWSServiceRoleForConnectCampaigns';
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

function clients(emulator: Emulator) {
  const config = singleAttemptClientConfig(emulator);
  return { v2: new ConnectCampaignsV2Client(config), v1: new ConnectCampaignsClient(config), iam: new IAMClient(config) };
}

/** The smallest valid v2 campaign: telephony, progressive. */
function minimalInput(connectInstanceId: string, name: string): CreateCampaignCommandInput {
  return {
    name,
    connectInstanceId,
    channelSubtypeConfig: {
      telephony: { outboundMode: { progressive: { bandwidthAllocation: 1 } }, defaultOutboundConfig: { connectContactFlowId: 'flow-1' } },
    },
  };
}

describeWithEmulator('emulator: outbound campaigns API v2', () => {
  const running = useEmulator({ onboardingPolls: 0 });
  let emulator: Emulator;
  let v2: ConnectCampaignsV2Client;
  let v1: ConnectCampaignsClient;
  let iam: IAMClient;
  let instanceId: string;

  beforeAll(() => {
    emulator = running();
    ({ v2, v1, iam } = clients(emulator));
  });
  beforeEach(async () => {
    await emulator.reset();
    await emulator.configure({ onboardingPolls: 0 });
    instanceId = (await createConnectInstance(emulator)).Id;
  });

  const create = (input: CreateCampaignCommandInput) => v2.send(new CreateCampaignCommand(input));
  /** A v1 campaign on the instance, made through API v1. */
  const createV1 = (name: string, dialer: 'progressive' | 'predictive' = 'progressive') => v1.send(new CreateV1Campaign({
    name,
    connectInstanceId: instanceId,
    dialerConfig: dialer === 'progressive'
      ? { progressiveDialerConfig: { bandwidthAllocation: 1 } }
      : { predictiveDialerConfig: { bandwidthAllocation: 1 } },
    outboundCallConfig: { connectContactFlowId: 'flow-1', connectQueueId: 'queue-1' },
  }));
  const onboard = () => v2.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: instanceId, encryptionConfig: { enabled: false } }));

  describe('campaigns', () => {
    test.each(V2_CHANNEL_SUBTYPES)('a %s campaign describes back every member it was created with', async (subtype) => {
      const input = v2CampaignInput(subtype, instanceId, `c-${subtype}`);
      const created = await create(input);
      expect(created.arn).toBe(`arn:aws:connect-campaigns:${REGION}:123456789012:campaign/${created.id}`);
      expect(created.tags).toEqual(input.tags);

      const { campaign } = await v2.send(new DescribeCampaignCommand({ id: created.id }));
      expect(campaign).toEqual({ ...input, id: created.id, arn: created.arn });
      const { tags } = await v2.send(new ListTagsForResourceCommand({ arn: created.arn }));
      expect(tags).toEqual(input.tags);
    });

    test('ListCampaigns summarises each campaign with its channel subtypes', async () => {
      const created = [];
      for (const subtype of V2_CHANNEL_SUBTYPES) created.push(await create(v2CampaignInput(subtype, instanceId, `s-${subtype}`)));
      const { campaignSummaryList, nextToken } = await v2.send(new ListCampaignsCommand({}));
      expect(nextToken).toBeUndefined();
      expect(campaignSummaryList!.map((c) => [c.id, c.channelSubtypes])).toEqual(
        created.map((c, i) => [c.id, [['TELEPHONY'], ['SMS'], ['EMAIL'], ['WHATSAPP']][i]]),
      );
      expect(campaignSummaryList![0]).toEqual({
        id: created[0].id,
        arn: created[0].arn,
        name: 's-telephony',
        connectInstanceId: instanceId,
        channelSubtypes: ['TELEPHONY'],
        type: 'MANAGED',
        schedule: { startTime: new Date('2030-01-01T00:00:00Z'), endTime: new Date('2030-02-01T00:00:00Z'), refreshFrequency: 'P1D' },
        entryLimitsConfig: { maxEntryCount: 3, minEntryInterval: 'P1D' },
        connectCampaignFlowArn: `arn:aws:connect:${REGION}:123456789012:instance/${instanceId}/contact-flow/campaign-flow`,
      });
    });

    test('ListCampaigns filters by instance and pages 120 campaigns by 50; the paginator sees them all', async () => {
      const other = (await createConnectInstance(emulator)).Id;
      const created = new Set<string>();
      for (let i = 0; i < 120; i++) created.add((await create(minimalInput(instanceId, `c${i}`))).id!);
      await create(minimalInput(other, 'elsewhere'));

      const filters = { instanceIdFilter: { value: instanceId, operator: 'Eq' as const } };
      const pages: number[] = [];
      const listed: string[] = [];
      for await (const page of paginateListCampaigns({ client: v2 }, { filters, maxResults: 50 })) {
        pages.push(page.campaignSummaryList!.length);
        listed.push(...page.campaignSummaryList!.map((c) => c.id!));
      }
      expect(pages).toEqual([50, 50, 20]);
      expect(listed).toHaveLength(120);
      expect(new Set(listed)).toEqual(created);

      // Without maxResults AWS pages by the model's maximum, 50; without a filter, every instance.
      const first = await v2.send(new ListCampaignsCommand({}));
      expect(first.campaignSummaryList).toHaveLength(50);
      // A token stays valid when campaigns it has passed are deleted.
      await v2.send(new DeleteCampaignCommand({ id: first.campaignSummaryList![0].id }));
      const second = await v2.send(new ListCampaignsCommand({ nextToken: first.nextToken }));
      expect(second.campaignSummaryList![0].name).toBe('c50');
    });

    test('Initialized -> Running <-> Paused -> Stopped; other moves are InvalidCampaignStateException (409) with the state', async () => {
      const { id } = await create(minimalInput(instanceId, 'states'));
      const state = async () => (await v2.send(new GetCampaignStateCommand({ id }))).state;
      expect(await state()).toBe('Initialized');
      const early = await errorOf(v2.send(new StopCampaignCommand({ id })));
      expect([early.name, early.$metadata.httpStatusCode]).toEqual(['InvalidCampaignStateException', 409]);
      expect((early as unknown as { state: string }).state).toBe('Initialized');
      await v2.send(new StartCampaignCommand({ id }));
      expect(await state()).toBe('Running');
      await v2.send(new PauseCampaignCommand({ id }));
      expect(await state()).toBe('Paused');
      await v2.send(new ResumeCampaignCommand({ id }));
      expect(await state()).toBe('Running');
      await v2.send(new StopCampaignCommand({ id }));
      expect(await state()).toBe('Stopped');
      const late = await errorOf(v2.send(new ResumeCampaignCommand({ id })));
      expect((late as unknown as { state: string }).state).toBe('Stopped');
    });

    test('GetCampaignStateBatch answers found ids and reports unknown ones; 1 to 25 ids', async () => {
      const a = await create(minimalInput(instanceId, 'a'));
      const b = await create(minimalInput(instanceId, 'b'));
      await v2.send(new StartCampaignCommand({ id: b.id }));
      const batch = await v2.send(new GetCampaignStateBatchCommand({ campaignIds: [a.id!, b.id!, UNKNOWN_ID] }));
      expect(batch.successfulRequests).toEqual([{ campaignId: a.id, state: 'Initialized' }, { campaignId: b.id, state: 'Running' }]);
      expect(batch.failedRequests).toEqual([{ campaignId: UNKNOWN_ID, failureCode: 'ResourceNotFound' }]);
      for (const campaignIds of [[], Array.from({ length: 26 }, (_, i) => `id-${i}`)]) {
        expect((await errorOf(v2.send(new GetCampaignStateBatchCommand({ campaignIds })))).name).toBe('ValidationException');
      }
    });

    test('DeleteCampaign removes the campaign and its tags', async () => {
      const { id, arn } = await create(v2CampaignInput('sms', instanceId, 'doomed'));
      await v2.send(new DeleteCampaignCommand({ id }));
      expect((await errorOf(v2.send(new DescribeCampaignCommand({ id })))).name).toBe('ResourceNotFoundException');
      expect((await errorOf(v2.send(new ListTagsForResourceCommand({ arn })))).name).toBe('ResourceNotFoundException');
      expect((await v2.send(new ListCampaignsCommand({}))).campaignSummaryList).toEqual([]);
    });

    test('TagResource adds and replaces tags, UntagResource removes them', async () => {
      const { arn } = await create({ ...minimalInput(instanceId, 'tagged'), tags: { a: '1' } });
      await v2.send(new TagResourceCommand({ arn, tags: { a: '2', b: '3' } }));
      await v2.send(new UntagResourceCommand({ arn, tagKeys: ['b'] }));
      expect((await v2.send(new ListTagsForResourceCommand({ arn }))).tags).toEqual({ a: '2' });
      const reserved = await errorOf(v2.send(new TagResourceCommand({ arn, tags: { 'aws:x': 'y' } })));
      expect(reserved.name).toBe('ValidationException');
    });
  });

  describe('errors, as AWS shapes them', () => {
    test('unknown campaign ids and ARNs are ResourceNotFoundException (404) with x-amzn-ErrorType', async () => {
      const id = UNKNOWN_ID;
      const arn = `arn:aws:connect-campaigns:${REGION}:123456789012:campaign/${id}`;
      const commands = [
        new DescribeCampaignCommand({ id }), new DeleteCampaignCommand({ id }), new StartCampaignCommand({ id }),
        new StopCampaignCommand({ id }), new PauseCampaignCommand({ id }), new ResumeCampaignCommand({ id }),
        new GetCampaignStateCommand({ id }), new ListTagsForResourceCommand({ arn }),
        new TagResourceCommand({ arn, tags: { a: 'b' } }), new UntagResourceCommand({ arn, tagKeys: ['a'] }),
      ];
      for (const command of commands) {
        const error = await errorOf(v2.send(command as never));
        expect([command.constructor.name, error.name, error.$metadata.httpStatusCode]).toEqual([command.constructor.name, 'ResourceNotFoundException', 404]);
      }
      const raw = await fetch(`${emulator.endpoint}/v2/campaigns/${id}`, {
        headers: { authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/${REGION}/connect-campaigns/aws4_request, SignedHeaders=host, Signature=0` },
      });
      expect(raw.status).toBe(404);
      expect(raw.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(await raw.json()).toEqual({ __type: 'ResourceNotFoundException', message: `Campaign ${id} not found.` });
    });

    test('500 campaigns per instance, made through either API: the next is ServiceQuotaExceededException (402)', async () => {
      const make = (i: number) => (i % 2
        ? create(minimalInput(instanceId, `q${i}`))
        : createV1(`q${i}`));
      for (let i = 0; i < 500; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => make(i + j)));
      const error = await errorOf(create(minimalInput(instanceId, 'one-too-many')));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ServiceQuotaExceededException', 402]);
      const other = (await createConnectInstance(emulator)).Id;
      await expect(create(minimalInput(other, 'elsewhere'))).resolves.toBeDefined();
    });

    test('v2 operations the emulator does not serve answer UnknownOperationException (404, JSON), not HTML', async () => {
      const { id } = await create(minimalInput(instanceId, 'named'));
      const error = await errorOf(v2.send(new UpdateCampaignNameCommand({ id, name: 'renamed' })));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['UnknownOperationException', 404]);
      expect(error.message).toContain('UpdateCampaignName');
    });

    test('CreateCampaign on an unknown instance is ResourceNotFoundException', async () => {
      const error = await errorOf(create(minimalInput('no-such-instance', 'orphan')));
      expect(error.name).toBe('ResourceNotFoundException');
    });

    test.each([
      ['a name over 127 characters', (i: string) => ({ ...minimalInput(i, 'x'.repeat(128)) }), "'/name'"],
      ['no name', (i: string) => ({ ...minimalInput(i, 'x'), name: undefined }), "'/name'"],
      ['two outbound modes in one union', (i: string) => ({
        ...minimalInput(i, 'x'),
        channelSubtypeConfig: { telephony: { outboundMode: { progressive: { bandwidthAllocation: 1 }, agentless: {} }, defaultOutboundConfig: { connectContactFlowId: 'f' } } },
      }), "'/channelSubtypeConfig/telephony/outboundMode'"],
      ['a bandwidth above 1', (i: string) => ({
        ...minimalInput(i, 'x'),
        channelSubtypeConfig: { telephony: { outboundMode: { progressive: { bandwidthAllocation: 1.5 } }, defaultOutboundConfig: { connectContactFlowId: 'f' } } },
      }), "'/channelSubtypeConfig/telephony/outboundMode/progressive/bandwidthAllocation'"],
      ['an SMS config without its template', (i: string) => ({
        ...minimalInput(i, 'x'),
        channelSubtypeConfig: { sms: { outboundMode: { agentless: {} }, defaultOutboundConfig: { connectSourcePhoneNumberArn: 'arn:aws:connect:us-east-1:123456789012:phone-number/p' } } },
      }), "'/channelSubtypeConfig/sms/defaultOutboundConfig/wisdomTemplateArn'"],
      ['a source with both a segment and an event trigger', (i: string) => ({
        ...minimalInput(i, 'x'),
        source: { customerProfilesSegmentArn: 'arn:aws:profile:us-east-1:123456789012:domains/d/segment-definitions/s', eventTrigger: {} },
      }), "'/source'"],
      ['an unknown communication limit unit', (i: string) => ({
        ...minimalInput(i, 'x'),
        communicationLimitsOverride: { allChannelSubtypes: { communicationLimitsList: [{ maxCountPerRecipient: 1, frequency: 1, unit: 'WEEK' }] } },
      }), "'/communicationLimitsOverride/allChannelSubtypes/communicationLimitsList/0/unit'"],
      ['a malformed flow ARN', (i: string) => ({ ...minimalInput(i, 'x'), connectCampaignFlowArn: 'not-an-arn-but-long-enough' }), "'/connectCampaignFlowArn'"],
    ])('CreateCampaign with %s is ValidationException (400) naming the member', async (_, input, path) => {
      const error = await errorOf(create(input(instanceId) as CreateCampaignCommandInput));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
      expect(error.message).toContain(path);
    });

    test('ListCampaigns: maxResults 1-50, Eq filters only, opaque tokens', async () => {
      for (const maxResults of [0, 51]) {
        const error = await errorOf(v2.send(new ListCampaignsCommand({ maxResults })));
        expect([error.name, error.message]).toEqual(['ValidationException', expect.stringContaining("'/maxResults'")]);
      }
      const operator = await errorOf(v2.send(new ListCampaignsCommand({ filters: { instanceIdFilter: { value: instanceId, operator: 'Ne' as never } } })));
      expect(operator.name).toBe('ValidationException');
      expect((await errorOf(v2.send(new ListCampaignsCommand({ nextToken: 'garbage' })))).name).toBe('ValidationException');
    });
  });

  describe('instances: onboarding and offboarding shared with API v1', () => {
    test('onboarding through v2 links the role; v1 sees the same config, and the reverse', async () => {
      const start = await onboard();
      expect(start.connectInstanceOnboardingJobStatus).toEqual({ connectInstanceId: instanceId, status: 'SUCCEEDED' });
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }));
      const viaV2 = await v2.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId }));
      const viaV1 = await v1.send(new GetV1InstanceConfig({ connectInstanceId: instanceId }));
      expect(viaV2.connectInstanceConfig).toEqual({ connectInstanceId: instanceId, serviceLinkedRoleArn: Role!.Arn, encryptionConfig: { enabled: false } });
      expect(viaV1.connectInstanceConfig).toEqual(viaV2.connectInstanceConfig);

      const other = (await createConnectInstance(emulator)).Id;
      await v1.send(new StartV1Onboarding({ connectInstanceId: other, encryptionConfig: { enabled: false } }));
      const status = await v2.send(new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: other }));
      expect(status.connectInstanceOnboardingJobStatus!.status).toBe('SUCCEEDED');
    });

    test('a FAILED job stays until DeleteInstanceOnboardingJob; unknown instances are ResourceNotFoundException', async () => {
      await emulator.failOnboarding(instanceId, 'KMS_ACCESS_DENIED');
      expect((await onboard()).connectInstanceOnboardingJobStatus).toMatchObject({ status: 'FAILED', failureCode: 'KMS_ACCESS_DENIED' });
      expect((await errorOf(v2.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId })))).name).toBe('ResourceNotFoundException');
      await v2.send(new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instanceId }));
      expect((await errorOf(v2.send(new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instanceId })))).name).toBe('ResourceNotFoundException');
      expect((await onboard()).connectInstanceOnboardingJobStatus!.status).toBe('SUCCEEDED');

      const unknown = 'no-such-instance';
      for (const command of [
        new GetConnectInstanceConfigCommand({ connectInstanceId: unknown }),
        new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: unknown }),
        new DeleteInstanceOnboardingJobCommand({ connectInstanceId: unknown }),
        new DeleteConnectInstanceConfigCommand({ connectInstanceId: unknown }),
        new StartInstanceOnboardingJobCommand({ connectInstanceId: unknown, encryptionConfig: { enabled: false } }),
      ]) {
        expect((await errorOf(v2.send(command as never))).name).toBe('ResourceNotFoundException');
      }
    });

    test('deleting a running onboarding job is InvalidStateException (409)', async () => {
      await emulator.configure({ onboardingPolls: 2 });
      expect((await onboard()).connectInstanceOnboardingJobStatus!.status).toBe('IN_PROGRESS');
      const error = await errorOf(v2.send(new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instanceId })));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidStateException', 409]);
    });

    test('DeleteConnectInstanceConfig RETAIN_ALL keeps the campaigns; DELETE_ALL deletes those of both APIs on the instance', async () => {
      const other = (await createConnectInstance(emulator)).Id;
      await onboard();
      await v2.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: other, encryptionConfig: { enabled: false } }));
      const kept = await create(minimalInput(instanceId, 'kept'));
      const elsewhere = await create(minimalInput(other, 'elsewhere'));

      await v2.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instanceId, campaignDeletionPolicy: 'RETAIN_ALL' }));
      expect((await errorOf(v2.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instanceId })))).name).toBe('ResourceNotFoundException');
      await expect(v2.send(new DescribeCampaignCommand({ id: kept.id }))).resolves.toBeDefined();

      await onboard();
      const v1Campaign = await createV1('v1');
      const tagged = await create({ ...minimalInput(instanceId, 'tagged'), tags: { a: 'b' } });
      await v2.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instanceId, campaignDeletionPolicy: 'DELETE_ALL' }));
      const left = (await v2.send(new ListCampaignsCommand({}))).campaignSummaryList!.map((c) => c.id);
      expect(left).toEqual([elsewhere.id]);
      expect((await v1.send(new ListV1Campaigns({}))).campaignSummaryList!.map((c) => c.id)).not.toContain(v1Campaign.id);
      expect((await errorOf(v2.send(new ListTagsForResourceCommand({ arn: tagged.arn })))).name).toBe('ResourceNotFoundException');

      const badPolicy = await errorOf(v2.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: other, campaignDeletionPolicy: 'KEEP' as never })));
      expect(badPolicy.name).toBe('ValidationException');
    });

    test('v1CampaignsInV2: API v2 also answers for v1 campaigns, as telephony campaigns with the same ARN', async () => {
      await emulator.configure({ v1CampaignsInV2: true });
      const viaV1 = await v1.send(new CreateV1Campaign({
        name: 'v1', connectInstanceId: instanceId,
        dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 0.7, dialingCapacity: 0.5 } },
        outboundCallConfig: {
          connectContactFlowId: 'flow-1', connectQueueId: 'queue-1', connectSourcePhoneNumber: '+15550100',
          answerMachineDetectionConfig: { enableAnswerMachineDetection: true },
        },
        tags: { team: 'outbound' },
      }));
      const viaV2 = await create(minimalInput(instanceId, 'v2'));

      const listed = (await v2.send(new ListCampaignsCommand({}))).campaignSummaryList!;
      expect(listed.map((c) => [c.arn, c.channelSubtypes])).toEqual([[viaV1.arn, ['TELEPHONY']], [viaV2.arn, ['TELEPHONY']]]);
      const { campaign } = await v2.send(new DescribeCampaignCommand({ id: viaV1.id }));
      expect(campaign).toEqual({
        id: viaV1.id, arn: viaV1.arn, name: 'v1', connectInstanceId: instanceId, tags: { team: 'outbound' },
        channelSubtypeConfig: {
          telephony: {
            capacity: 0.5,
            connectQueueId: 'queue-1',
            outboundMode: { predictive: { bandwidthAllocation: 0.7 } },
            defaultOutboundConfig: {
              connectContactFlowId: 'flow-1', connectSourcePhoneNumber: '+15550100',
              answerMachineDetectionConfig: { enableAnswerMachineDetection: true },
            },
          },
        },
      });
      // One campaign, one state, whichever API moves it.
      await v1.send(new StartV1Campaign({ id: viaV1.id }));
      expect((await v2.send(new GetCampaignStateBatchCommand({ campaignIds: [viaV1.id!] }))).successfulRequests).toEqual([{ campaignId: viaV1.id, state: 'Running' }]);
      await v2.send(new StopCampaignCommand({ id: viaV1.id }));
      expect((await v1.send(new GetV1CampaignState({ id: viaV1.id }))).state).toBe('Stopped');
      await v2.send(new DeleteCampaignCommand({ id: viaV1.id }));
      expect((await v2.send(new ListCampaignsCommand({}))).campaignSummaryList!.map((c) => c.id)).toEqual([viaV2.id]);
      // The switch is one-way: v1 does not list the v2 campaign.
      expect((await v1.send(new ListV1Campaigns({}))).campaignSummaryList).toEqual([]);
    });

    test('each API lists only the campaigns made through it', async () => {
      const viaV2 = await create(minimalInput(instanceId, 'v2'));
      const viaV1 = await createV1('v1', 'predictive');
      expect((await v2.send(new ListCampaignsCommand({}))).campaignSummaryList!.map((c) => c.id)).toEqual([viaV2.id]);
      expect((await v1.send(new ListV1Campaigns({}))).campaignSummaryList!.map((c) => c.id)).toEqual([viaV1.id]);
      expect((await errorOf(v2.send(new DescribeCampaignCommand({ id: viaV1.id })))).name).toBe('ResourceNotFoundException');
    });
  });

  describe('the service-linked role', () => {
    test('deletion FAILS while a v2 campaign uses it (RoleUsageList names it); SUCCEEDS once it is gone', async () => {
      await onboard();
      const campaign = await create(v2CampaignInput('email', instanceId, 'keeps-the-role'));
      const { DeletionTaskId: failing } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE_NAME }));
      const failed = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: failing }));
      expect(failed.Status).toBe('FAILED');
      expect(failed.Reason!.RoleUsageList).toEqual([{ Region: REGION, Resources: [campaign.arn] }]);
      await expect(iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }))).resolves.toBeDefined();

      await v2.send(new DeleteCampaignCommand({ id: campaign.id }));
      const { DeletionTaskId: succeeding } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE_NAME }));
      expect((await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: succeeding }))).Status).toBe('SUCCEEDED');
    });
  });

  describe('faults and quotas, as for v1', () => {
    test('injected 429 and 500 reach the SDK as ThrottlingException and InternalServerException; stats name v2 operations', async () => {
      await emulator.configure({ throttleFraction: 1 });
      const throttled = await errorOf(v2.send(new ListCampaignsCommand({})));
      expect([throttled.name, throttled.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 429]);
      await emulator.configure({ throttleFraction: 0, errorFraction: 1 });
      const failed = await errorOf(v2.send(new DescribeCampaignCommand({ id: UNKNOWN_ID })));
      expect([failed.name, failed.$metadata.httpStatusCode]).toEqual(['InternalServerException', 500]);
      await emulator.configure({ errorFraction: 0 });
      await v2.send(new ListCampaignsCommand({}));
      await v1.send(new ListV1Campaigns({}));
      expect(await emulator.stats()).toEqual({
        requests: { 'v2:ListCampaigns': 2, 'v2:DescribeCampaign': 1, ListCampaigns: 1 },
        throttled: 1,
        internalErrors: 1,
      });
    });

    test('a seeded 20% throttle is repeatable on v2 calls', async () => {
      const run = () => outcomesUnder(emulator, { throttleFraction: 0.2, seed: 7 }, 30, () => v2.send(new ListCampaignsCommand({})));
      const first = await run();
      expect(first).toMatch(/T/);
      expect(first).toMatch(/\./);
      expect(first).not.toMatch(/E/);
      expect(await run()).toBe(first);
    });

    test('latency is added to v2 requests', async () => {
      await emulator.configure({ latencyMs: 300 });
      expect(await elapsedMs(() => v2.send(new ListCampaignsCommand({})))).toBeGreaterThanOrEqual(300);
    });

    test('rates: v2 DeleteCampaign is 1 rps, burst 2, in the bucket v1 DeleteCampaign draws from', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await create(minimalInput(instanceId, `burst${i}`))).id!);
      const v1Campaign = await createV1('v1');
      await emulator.configure({ rates: true });
      await emulator.resetStats();
      const results = await Promise.all(ids.slice(0, 4).map((id) =>
        v2.send(new DeleteCampaignCommand({ id })).then(() => 'ok', (e) => e.name)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(2);
      expect(results.filter((r) => r === 'ThrottlingException')).toHaveLength(2);
      const shared = await errorOf(v1.send(new DeleteV1Campaign({ id: v1Campaign.id })));
      expect(shared.name).toBe('ThrottlingException');
      expect((await emulator.stats()).throttled).toBe(3);

      await new Promise((resolve) => setTimeout(resolve, 1100)); // one token refills per second
      await expect(v2.send(new DeleteCampaignCommand({ id: ids[4] }))).resolves.toBeDefined();
      // DescribeCampaign's own quota (25 rps, burst 35) is untouched by the deletes.
      const describes = await Promise.all(Array.from({ length: 35 }, () =>
        v2.send(new DescribeCampaignCommand({ id: ids[4] })).then(() => 'ok', (e) => e.name)));
      expect(describes.filter((r) => r === 'ThrottlingException')).toHaveLength(0);
    });
  });
});

describeWithEmulator('emulator: outbound campaigns API v2 under IAM enforcement', () => {
  const running = useEmulator({ onboardingPolls: 0 });

  test('v2 calls are authorised as connect-campaigns:<Operation> on the campaign ARN; denials are JSON AccessDeniedException', async () => {
    const emulator = running();
    // As INITIAL_NO_AUTH_ACTION_COUNT=5 at start: five requests pass unchecked (the set-up), then
    // every request is checked. The suite's reset puts enforcement back off.
    const auth = await fetch(`${emulator.endpoint}/moto-api/reset-auth`, { method: 'POST', body: '5' });
    expect(auth.ok).toBe(true);
    const { iam, v2: admin } = clients(emulator);
    const instanceId = (await createConnectInstance(emulator)).Id;
    const { id, arn } = await admin.send(new CreateCampaignCommand(minimalInput(instanceId, 'scoped')));
    const credentials = await userWithPolicy(iam, 'reader', [
      { Effect: 'Allow', Action: 'connect-campaigns:ListCampaigns', Resource: '*' },
      { Effect: 'Allow', Action: ['connect-campaigns:DescribeCampaign', 'connect-campaigns:ListTagsForResource', 'connect-campaigns:UntagResource'], Resource: arn },
    ]);
    const reader = new ConnectCampaignsV2Client({ endpoint: emulator.endpoint, region: REGION, maxAttempts: 1, credentials });
    await expect(reader.send(new ListCampaignsCommand({}))).resolves.toBeDefined();
    await expect(reader.send(new DescribeCampaignCommand({ id }))).resolves.toBeDefined();
    // Tag calls carry the ARN, percent-encoded, in the path (and UntagResource keys in the query).
    await expect(reader.send(new ListTagsForResourceCommand({ arn }))).resolves.toBeDefined();
    await expect(reader.send(new UntagResourceCommand({ arn, tagKeys: ['none', 'of:these'] }))).resolves.toBeDefined();
    const untagged = await errorOf(reader.send(new TagResourceCommand({ arn, tags: { a: 'b' } })));
    expect(untagged.name).toBe('AccessDeniedException');
    const denied = await errorOf(reader.send(new DeleteCampaignCommand({ id })));
    expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403]);
    expect(denied.message).toContain('connect-campaigns:DeleteCampaign');
    const otherCampaign = await errorOf(reader.send(new DescribeCampaignCommand({ id: UNKNOWN_ID })));
    expect(otherCampaign.name).toBe('AccessDeniedException');
  });
});
