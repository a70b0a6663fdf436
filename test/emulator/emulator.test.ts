// The emulator itself, exercised with the real AWS SDK over HTTP.
import {
  ConnectCampaignsClient,
  CreateCampaignCommand,
  DeleteCampaignCommand,
  DeleteConnectInstanceConfigCommand,
  DeleteInstanceOnboardingJobCommand,
  DescribeCampaignCommand,
  GetCampaignStateCommand,
  GetConnectInstanceConfigCommand,
  GetInstanceOnboardingJobStatusCommand,
  ListCampaignsCommand,
  PauseCampaignCommand,
  ResumeCampaignCommand,
  StartCampaignCommand,
  StartInstanceOnboardingJobCommand,
  StopCampaignCommand,
  type EncryptionConfig,
} from '@aws-sdk/client-connectcampaigns';
import {
  CreateServiceLinkedRoleCommand,
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { describeWithEmulator, REGION, sharedEmulator, startEmulator, useEmulator, type Emulator } from './emulator';
import { assumeAccount, createConnectInstance, createKmsKeyArn, singleAttemptClientConfig, userWithPolicy } from './aws-fixtures';
import { elapsedMs, outcomesUnder } from './fault-probes';
import { errorOf } from './sdk-errors';

const SERVICE = 'connect-campaigns.amazonaws.com';
const ROLE_PATH = `/aws-service-role/${SERVICE}/`;
const NO_ENCRYPTION: EncryptionConfig = { enabled: false };

function clients(emulator: Emulator) {
  const config = singleAttemptClientConfig(emulator);
  return { campaigns: new ConnectCampaignsClient(config), iam: new IAMClient(config) };
}

function createCampaign(campaigns: ConnectCampaignsClient, connectInstanceId: string, name: string) {
  return campaigns.send(new CreateCampaignCommand({
    name,
    connectInstanceId,
    dialerConfig: { progressiveDialerConfig: { bandwidthAllocation: 1 } },
    outboundCallConfig: { connectContactFlowId: 'flow-1', connectQueueId: 'queue-1' },
  }));
}

/** Polls onboarding until it leaves IN_PROGRESS; returns every status seen. */
async function pollOnboarding(campaigns: ConnectCampaignsClient, connectInstanceId: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { connectInstanceOnboardingJobStatus: job } = await campaigns.send(
      new GetInstanceOnboardingJobStatusCommand({ connectInstanceId }),
    );
    seen.push(job!.failureCode ? `${job!.status}:${job!.failureCode}` : job!.status!);
    if (job!.status !== 'IN_PROGRESS') return seen;
  }
  return seen;
}

async function onboard(campaigns: ConnectCampaignsClient, connectInstanceId: string, encryptionConfig = NO_ENCRYPTION) {
  await campaigns.send(new StartInstanceOnboardingJobCommand({ connectInstanceId, encryptionConfig }));
  return pollOnboarding(campaigns, connectInstanceId);
}

describeWithEmulator('AWS emulator (moto + patches)', () => {
  const running = useEmulator({ reset: 'test' });
  let emulator: Emulator;
  let campaigns: ConnectCampaignsClient;
  let iam: IAMClient;

  beforeAll(() => {
    emulator = running();
    ({ campaigns, iam } = clients(emulator));
  });

  describe('IAM service-linked role for connect-campaigns', () => {
    test('is named, placed and trusted as AWS does, with its managed policy', async () => {
      const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }));
      expect(Role).toMatchObject({ RoleName: 'AWSServiceRoleForConnectCampaigns', Path: ROLE_PATH });
      expect(Role!.Arn).toBe(`arn:aws:iam::123456789012:role${ROLE_PATH}AWSServiceRoleForConnectCampaigns`);
      const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
      expect(trust.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: SERVICE }, Action: 'sts:AssumeRole' },
      ]);
      const { AttachedPolicies } = await iam.send(
        new ListAttachedRolePoliciesCommand({ RoleName: Role!.RoleName }),
      );
      expect(AttachedPolicies).toEqual([{
        PolicyName: 'AmazonConnectCampaignsServiceLinkedRolePolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AmazonConnectCampaignsServiceLinkedRolePolicy',
      }]);
    });

    test('takes a custom suffix and refuses a name already taken', async () => {
      const { Role } = await iam.send(
        new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE, CustomSuffix: 'blue' }),
      );
      expect(Role!.RoleName).toBe('AWSServiceRoleForConnectCampaigns_blue');
      await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }));
      const error = await errorOf(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(
        'Service role name AWSServiceRoleForConnectCampaigns has been taken in this account, please try a different suffix.',
      );
    });

    test('deleting an unknown role is NoSuchEntity', async () => {
      const error = await errorOf(iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForConnectCampaigns' })));
      expect(error.name).toBe('NoSuchEntityException');
    });

    test('deletion task FAILS while campaigns use the role, SUCCEEDS once they are gone', async () => {
      const instance = await createConnectInstance(emulator);
      await onboard(campaigns, instance.Id);
      const created = await Promise.all(['a', 'b'].map((n) => createCampaign(campaigns, instance.Id, n)));
      const RoleName = 'AWSServiceRoleForConnectCampaigns';

      const { DeletionTaskId: failing } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName }));
      const failed = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: failing }));
      expect(failed.Status).toBe('FAILED');
      expect(failed.Reason!.Reason).toEqual(expect.any(String));
      expect(failed.Reason!.RoleUsageList).toEqual([
        { Region: REGION, Resources: expect.arrayContaining(created.map((c) => c.arn)) },
      ]);
      expect(failed.Reason!.RoleUsageList![0].Resources).toHaveLength(2);
      await expect(iam.send(new GetRoleCommand({ RoleName }))).resolves.toBeDefined();

      for (const campaign of created) await campaigns.send(new DeleteCampaignCommand({ id: campaign.id }));
      const { DeletionTaskId: succeeding } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName }));
      const succeeded = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: succeeding }));
      expect(succeeded.Status).toBe('SUCCEEDED');
      expect(succeeded.Reason).toBeUndefined();
      expect((await errorOf(iam.send(new GetRoleCommand({ RoleName })))).name).toBe('NoSuchEntityException');
    });
  });

  describe('connect-campaigns onboarding', () => {
    test('creates and links the service-linked role after IN_PROGRESS polls', async () => {
      const instance = await createConnectInstance(emulator);
      const start = await campaigns.send(new StartInstanceOnboardingJobCommand({
        connectInstanceId: instance.Id, encryptionConfig: NO_ENCRYPTION,
      }));
      expect(start.connectInstanceOnboardingJobStatus).toEqual({ connectInstanceId: instance.Id, status: 'IN_PROGRESS' });
      expect(await pollOnboarding(campaigns, instance.Id)).toEqual(['IN_PROGRESS', 'SUCCEEDED']);

      const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForConnectCampaigns' }));
      const { connectInstanceConfig } = await campaigns.send(
        new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
      );
      expect(connectInstanceConfig).toEqual({
        connectInstanceId: instance.Id,
        serviceLinkedRoleArn: Role!.Arn,
        encryptionConfig: NO_ENCRYPTION,
      });
      const again = await campaigns.send(new StartInstanceOnboardingJobCommand({
        connectInstanceId: instance.Id, encryptionConfig: NO_ENCRYPTION,
      }));
      expect(again.connectInstanceOnboardingJobStatus!.status).toBe('SUCCEEDED');
    });

    test('links an existing campaigns role instead of creating one', async () => {
      const { Role } = await iam.send(
        new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE, CustomSuffix: 'existing' }),
      );
      const instance = await createConnectInstance(emulator);
      await emulator.configure({ onboardingPolls: 0 });
      const start = await campaigns.send(new StartInstanceOnboardingJobCommand({
        connectInstanceId: instance.Id, encryptionConfig: NO_ENCRYPTION,
      }));
      expect(start.connectInstanceOnboardingJobStatus!.status).toBe('SUCCEEDED');
      const { connectInstanceConfig } = await campaigns.send(
        new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
      );
      expect(connectInstanceConfig!.serviceLinkedRoleArn).toBe(Role!.Arn);
    });

    test('validates the encryption config', async () => {
      const instance = await createConnectInstance(emulator);
      for (const encryptionConfig of [{ enabled: true }, { enabled: true, encryptionType: 'KMS' }] as EncryptionConfig[]) {
        const error = await errorOf(campaigns.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: instance.Id, encryptionConfig })));
        expect(error.name).toBe('ValidationException');
      }
    });

    test('with an existing KMS key succeeds and reports the key', async () => {
      const instance = await createConnectInstance(emulator);
      const keyArn = await createKmsKeyArn(emulator);
      const encryptionConfig: EncryptionConfig = { enabled: true, encryptionType: 'KMS', keyArn };
      expect(await onboard(campaigns, instance.Id, encryptionConfig)).toEqual(['IN_PROGRESS', 'SUCCEEDED']);
      const { connectInstanceConfig } = await campaigns.send(
        new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
      );
      expect(connectInstanceConfig!.encryptionConfig).toEqual(encryptionConfig);
    });

    test('a FAILED job is sticky until deleted; then a retry can succeed', async () => {
      const instance = await createConnectInstance(emulator);
      const missingKey: EncryptionConfig = {
        enabled: true, encryptionType: 'KMS', keyArn: `arn:aws:kms:${REGION}:123456789012:key/00000000-0000-0000-0000-000000000000`,
      };
      expect(await onboard(campaigns, instance.Id, missingKey)).toEqual(['IN_PROGRESS', 'FAILED:KMS_KEY_NOT_FOUND']);

      const restart = await campaigns.send(new StartInstanceOnboardingJobCommand({
        connectInstanceId: instance.Id, encryptionConfig: NO_ENCRYPTION,
      }));
      expect(restart.connectInstanceOnboardingJobStatus).toMatchObject({ status: 'FAILED', failureCode: 'KMS_KEY_NOT_FOUND' });
      expect(await pollOnboarding(campaigns, instance.Id)).toEqual(['FAILED:KMS_KEY_NOT_FOUND']);
      const notLinked = await errorOf(campaigns.send(new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id })));
      expect(notLinked.name).toBe('ResourceNotFoundException');

      await campaigns.send(new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instance.Id }));
      const gone = await errorOf(campaigns.send(new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instance.Id })));
      expect(gone.name).toBe('ResourceNotFoundException');
      expect(await onboard(campaigns, instance.Id)).toEqual(['IN_PROGRESS', 'SUCCEEDED']);
    });

    test('injected failures fail the next N jobs with the given code', async () => {
      const instance = await createConnectInstance(emulator);
      await emulator.failOnboarding(instance.Id, 'IAM_ACCESS_DENIED', 2);
      for (let attempt = 0; attempt < 2; attempt++) {
        expect(await onboard(campaigns, instance.Id)).toEqual(['IN_PROGRESS', 'FAILED:IAM_ACCESS_DENIED']);
        await campaigns.send(new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instance.Id }));
      }
      expect(await onboard(campaigns, instance.Id)).toEqual(['IN_PROGRESS', 'SUCCEEDED']);
    });

    test('DeleteConnectInstanceConfig offboards the instance', async () => {
      const instance = await createConnectInstance(emulator);
      await onboard(campaigns, instance.Id);
      await campaigns.send(new DeleteConnectInstanceConfigCommand({ connectInstanceId: instance.Id }));
      for (const command of [
        new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
        new DeleteConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
        new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instance.Id }),
      ]) {
        expect((await errorOf(campaigns.send(command as never))).name).toBe('ResourceNotFoundException');
      }
    });

    test('unknown instances and missing jobs are ResourceNotFoundException', async () => {
      const instance = await createConnectInstance(emulator);
      const commands = [
        new GetInstanceOnboardingJobStatusCommand({ connectInstanceId: instance.Id }),
        new DeleteInstanceOnboardingJobCommand({ connectInstanceId: instance.Id }),
        new GetConnectInstanceConfigCommand({ connectInstanceId: instance.Id }),
        new StartInstanceOnboardingJobCommand({ connectInstanceId: 'no-such-instance', encryptionConfig: NO_ENCRYPTION }),
      ];
      for (const command of commands) {
        const error = await errorOf(campaigns.send(command as never));
        expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 404]);
      }
    });
  });

  describe('connect-campaigns campaigns', () => {
    test('unknown campaign ids are ResourceNotFoundException (404), not HTML 500', async () => {
      const id = '00000000-0000-0000-0000-000000000000';
      const commands = [
        new DeleteCampaignCommand({ id }), new DescribeCampaignCommand({ id }), new StopCampaignCommand({ id }),
        new StartCampaignCommand({ id }), new PauseCampaignCommand({ id }), new ResumeCampaignCommand({ id }),
        new GetCampaignStateCommand({ id }),
      ];
      for (const command of commands) {
        const error = await errorOf(campaigns.send(command as never));
        expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 404]);
      }
    });

    test('campaign states follow AWS: Initialized -> Running <-> Paused -> Stopped', async () => {
      const instance = await createConnectInstance(emulator);
      const { id } = await createCampaign(campaigns, instance.Id, 'states');
      const state = async () => (await campaigns.send(new GetCampaignStateCommand({ id }))).state;
      expect(await state()).toBe('Initialized');
      expect((await errorOf(campaigns.send(new StopCampaignCommand({ id })))).name).toBe('InvalidCampaignStateException');
      await campaigns.send(new StartCampaignCommand({ id }));
      expect(await state()).toBe('Running');
      await campaigns.send(new PauseCampaignCommand({ id }));
      expect(await state()).toBe('Paused');
      await campaigns.send(new ResumeCampaignCommand({ id }));
      await campaigns.send(new PauseCampaignCommand({ id }));
      await campaigns.send(new StopCampaignCommand({ id }));
      expect(await state()).toBe('Stopped');
      const error = await errorOf(campaigns.send(new StartCampaignCommand({ id })));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidCampaignStateException', 409]);
      expect((error as unknown as { state: string }).state).toBe('Stopped');
    });

    test('CreateCampaign on an unknown instance is ResourceNotFoundException', async () => {
      const error = await errorOf(createCampaign(campaigns, 'no-such-instance', 'orphan'));
      expect(error.name).toBe('ResourceNotFoundException');
    });

    test('ListCampaigns filters by instance and pages 120 campaigns by 50', async () => {
      const [mine, other] = [await createConnectInstance(emulator), await createConnectInstance(emulator)];
      const created = new Set<string>();
      for (let i = 0; i < 120; i++) created.add((await createCampaign(campaigns, mine.Id, `c${i}`)).id!);
      await createCampaign(campaigns, other.Id, 'elsewhere');

      const pages: number[] = [];
      const listed: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await campaigns.send(new ListCampaignsCommand({
          maxResults: 50, nextToken, filters: { instanceIdFilter: { value: mine.Id, operator: 'Eq' } },
        }));
        pages.push(page.campaignSummaryList!.length);
        listed.push(...page.campaignSummaryList!.map((c) => c.id!));
        nextToken = page.nextToken;
      } while (nextToken);
      expect(pages).toEqual([50, 50, 20]);
      expect(new Set(listed)).toEqual(created);

      for (const maxResults of [0, 51]) {
        const error = await errorOf(campaigns.send(new ListCampaignsCommand({ maxResults })));
        expect(error.name).toBe('ValidationException');
      }
      const badToken = await errorOf(campaigns.send(new ListCampaignsCommand({ nextToken: 'garbage' })));
      expect(badToken.name).toBe('ValidationException');
    });
  });

  describe('faults and quotas', () => {
    test('injected 429 and 500 reach the SDK as ThrottlingException and InternalServerException', async () => {
      await emulator.configure({ throttleFraction: 1 });
      const throttled = await errorOf(campaigns.send(new ListCampaignsCommand({})));
      expect([throttled.name, throttled.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 429]);

      await emulator.configure({ throttleFraction: 0, errorFraction: 1 });
      const failed = await errorOf(campaigns.send(new ListCampaignsCommand({})));
      expect([failed.name, failed.$metadata.httpStatusCode]).toEqual(['InternalServerException', 500]);

      expect(await emulator.stats()).toEqual({ requests: { ListCampaigns: 2 }, throttled: 1, internalErrors: 1 });
      await emulator.resetStats();
      expect(await emulator.stats()).toEqual({ requests: {}, throttled: 0, internalErrors: 0 });
      // IAM is not subject to the connect-campaigns faults.
      await expect(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }))).resolves.toBeDefined();
    });

    test('a seed makes the fault sequence repeatable', async () => {
      const run = () => outcomesUnder(emulator, { throttleFraction: 0.3, errorFraction: 0.3, seed: 42 }, 20,
        () => campaigns.send(new ListCampaignsCommand({})));
      const first = await run();
      expect(first).toMatch(/T/);
      expect(first).toMatch(/E/);
      expect(first).toMatch(/\./);
      expect(await run()).toBe(first);
    });

    test('latency is added to connect-campaigns requests', async () => {
      await emulator.configure({ latencyMs: 300 });
      expect(await elapsedMs(() => campaigns.send(new ListCampaignsCommand({})))).toBeGreaterThanOrEqual(300);
    });

    test('rates mode throttles a burst of DeleteCampaign beyond 1 rps, burst 2', async () => {
      const instance = await createConnectInstance(emulator);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await createCampaign(campaigns, instance.Id, `burst${i}`)).id!);
      await emulator.configure({ rates: true });

      const results = await Promise.all(ids.slice(0, 5).map((id) =>
        campaigns.send(new DeleteCampaignCommand({ id })).then(() => 'ok', (e) => e.name)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(2);
      expect(results.filter((r) => r === 'ThrottlingException')).toHaveLength(3);
      expect((await emulator.stats()).throttled).toBe(3);

      await new Promise((resolve) => setTimeout(resolve, 1100)); // one token refills per second
      await expect(campaigns.send(new DeleteCampaignCommand({ id: ids[5] }))).resolves.toBeDefined();
    });

    test('rateScale raises every quota: a burst of DeleteCampaign is 2 x scale', async () => {
      const instance = await createConnectInstance(emulator);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await createCampaign(campaigns, instance.Id, `scaled${i}`)).id!);
      await emulator.configure({ rates: true, rateScale: 3 });
      await emulator.resetStats();
      const results = await Promise.all(ids.map((id) => campaigns.send(new DeleteCampaignCommand({ id })).then(() => 'ok', (e) => e.name)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(6);
      expect(results.filter((r) => r === 'ThrottlingException')).toHaveLength(2);
      await emulator.configure({ rates: false, rateScale: 1 });
      await expect(emulator.configure({ rateScale: 0 })).rejects.toThrow(/400/);
    });
  });

  describe('control API', () => {
    test('rejects bad config and unknown routes; moto\'s own reset still works', async () => {
      await expect(emulator.configure({ throttleFraction: 2 })).rejects.toThrow(/400/);
      await expect(emulator.failOnboarding('x', 'NOPE' as never)).rejects.toThrow(/failureCode/);
      expect((await fetch(`${emulator.endpoint}/_emulator/nope`)).status).toBe(404);

      await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }));
      expect((await fetch(`${emulator.endpoint}/moto-api/reset`, { method: 'POST' })).ok).toBe(true);
      const error = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForConnectCampaigns' })));
      expect(error.name).toBe('NoSuchEntityException');
    });

    test('reset restores the start configuration', async () => {
      const started = await emulator.configure({ latencyMs: 5, rates: true, rateScale: 2, onboardingPolls: 3, deniedRegions: ['eu-west-2'] });
      expect(started).toMatchObject({ latencyMs: 5, rates: true, rateScale: 2, onboardingPolls: 3, deniedRegions: ['eu-west-2'] });
      await emulator.reset();
      const config = await (await fetch(`${emulator.endpoint}/_emulator/config`)).json();
      expect(config).toEqual({
        throttleFraction: 0, errorFraction: 0, latencyMs: 0, seed: null, rates: false, rateScale: 1, onboardingPolls: 1,
        v1CampaignsInV2: false, deniedRegions: [], ignoreInstanceIdFilter: false,
      });
    });

    test('reset also switches IAM enforcement back to its start value and forgets AWS state', async () => {
      await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }));
      const on = await fetch(`${emulator.endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });
      expect(on.ok).toBe(true);
      const anonymous = new ConnectCampaignsClient({ endpoint: emulator.endpoint, region: REGION, maxAttempts: 1, credentials: { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' } });
      expect((await errorOf(anonymous.send(new ListCampaignsCommand({})))).$metadata.httpStatusCode).toBe(403);

      await emulator.reset();

      await expect(anonymous.send(new ListCampaignsCommand({}))).resolves.toBeDefined();
      expect((await errorOf(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForConnectCampaigns' })))).name).toBe('NoSuchEntityException');
    });
  });
});

// Emulators of their own: what these tests prove is how the process starts (moto reads
// MOTO_ACCOUNT_ID and INITIAL_NO_AUTH_ACTION_COUNT from its environment once, at start).
describeWithEmulator('AWS emulator start options', () => {
  test('faults and env given at start apply from the first request', async () => {
    const emulator = await startEmulator({ faults: { throttleFraction: 1 }, onboardingPolls: 0, env: { MOTO_ACCOUNT_ID: '111122223333' } });
    try {
      const { campaigns, iam } = clients(emulator);
      const error = await errorOf(campaigns.send(new ListCampaignsCommand({})));
      expect(error.name).toBe('ThrottlingException');
      const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SERVICE }));
      expect(Role!.Arn).toContain(':111122223333:');
      expect(emulator.env).toMatchObject({ AWS_ENDPOINT_URL: emulator.endpoint, AWS_REGION: REGION });
    } finally {
      await emulator.stop();
    }
  });

  test('IAM enforcement (INITIAL_NO_AUTH_ACTION_COUNT) covers connect-campaigns, errors as AWS names them', async () => {
    const emulator = await startEmulator({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '3' } });
    try {
      const { iam } = clients(emulator);
      const credentials = await userWithPolicy(iam, 'lister', [
        { Effect: 'Allow', Action: 'connect-campaigns:ListCampaigns', Resource: '*' },
      ]);
      const campaigns = new ConnectCampaignsClient({ endpoint: emulator.endpoint, region: REGION, maxAttempts: 1, credentials });
      await expect(campaigns.send(new ListCampaignsCommand({}))).resolves.toBeDefined();
      // A bodyless GET: moto alone fails these with SignatureDoesNotMatch under enforcement.
      const denied = await errorOf(campaigns.send(new DescribeCampaignCommand({ id: 'any' })));
      expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403]);
      expect(denied.message).toContain('connect-campaigns:DescribeCampaign');
    } finally {
      await emulator.stop();
    }
  });
});

describeWithEmulator('one emulator per jest worker', () => {
  const first = useEmulator();
  let port: number;
  beforeAll(() => {
    port = first().port;
  });

  test('the suite\'s emulator is this worker\'s shared one, answering as the process it started', async () => {
    const shared = await sharedEmulator();
    expect(shared.port).toBe(port);
    const info = (await (await fetch(`${shared.endpoint}/_emulator/info`)).json()) as { pid: number };
    expect(info.pid).toEqual(expect.any(Number));
  });

  describe('a later suite of the same worker', () => {
    const later = useEmulator({ onboardingPolls: 4, faults: { latencyMs: 1 } });

    test('gets the same process, reset, with its own start config', async () => {
      expect(later().port).toBe(port);
      const config = await (await fetch(`${later().endpoint}/_emulator/config`)).json();
      expect(config).toMatchObject({ onboardingPolls: 4, latencyMs: 1, throttleFraction: 0 });
      expect((await later().stats()).requests).toEqual({});
    });
  });
});

describeWithEmulator('emulator seeding', () => {
  const running = useEmulator();

  test('creates instances and KMS keys with the ids a config names, in their accounts', async () => {
    const emulator = running();
    const instanceId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const keyId = '5f1e2d3c-4b5a-4697-8877-665544332211';
    await emulator.seed({
      connectInstances: [{ account: '111111111111', region: 'us-east-1', id: instanceId }],
      kmsKeys: [{ account: '111111111111', region: 'us-east-1', id: keyId }],
    });
    const credentials = await assumeAccount(emulator, '111111111111');
    const campaigns = new ConnectCampaignsClient({ endpoint: emulator.endpoint, region: REGION, credentials });
    const { connectInstanceOnboardingJobStatus: job } = await campaigns.send(new StartInstanceOnboardingJobCommand({
      connectInstanceId: instanceId,
      encryptionConfig: { enabled: true, encryptionType: 'KMS', keyArn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}` },
    }));
    expect(job?.status).toBe('IN_PROGRESS');
    expect(job?.failureCode).toBeUndefined();
    // The default account does not see them.
    await expect(clients(emulator).campaigns.send(new StartInstanceOnboardingJobCommand({ connectInstanceId: instanceId, encryptionConfig: NO_ENCRYPTION })))
      .rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
