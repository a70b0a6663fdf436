import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { REGION, type Emulator } from './emulator';

/** Where a hand-made request goes and as whom. moto picks the account from the access key. */
export interface RequestScope {
  readonly region?: string;
  /** An access key from {@link assumeAccount}; default: moto's default account (123456789012). */
  readonly accessKeyId?: string;
}

/**
 * A JSON request to a service whose SDK the project does not depend on (Connect, KMS).
 * moto checks no signature unless IAM enforcement is on, so a well-formed header suffices.
 */
export async function awsJson<T>(emulator: Emulator, service: string, target: string, body: unknown, path = '/', scope: RequestScope = {}): Promise<T> {
  const region = scope.region ?? REGION;
  const response = await fetch(`${emulator.endpoint}${path}`, {
    method: target ? 'POST' : 'PUT',
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId ?? 'testing'}/20240101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      'content-type': target ? 'application/x-amz-json-1.1' : 'application/json',
      ...(target ? { 'x-amz-target': target } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${service} ${target || path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createConnectInstance(emulator: Emulator, scope: RequestScope = {}): Promise<{ Id: string; Arn: string }> {
  return awsJson(emulator, 'connect', '', {
    IdentityManagementType: 'CONNECT_MANAGED',
    InstanceAlias: `test-${Math.random().toString(36).slice(2, 10)}`,
    InboundCallsEnabled: true,
    OutboundCallsEnabled: true,
  }, '/instance', scope);
}

export async function createKmsKeyArn(emulator: Emulator, scope: RequestScope = {}): Promise<string> {
  const result = await awsJson<{ KeyMetadata: { Arn: string } }>(emulator, 'kms', 'TrentService.CreateKey', {}, '/', scope);
  return result.KeyMetadata.Arn;
}

/**
 * SDK client settings for the emulator's default account that let injected faults reach the
 * test (one attempt, no retries).
 */
export function singleAttemptClientConfig(emulator: Emulator) {
  return {
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  };
}

/** Static credentials, as the SDK clients take them. */
export interface AccountCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * Credentials for another account of the emulator: moto's AssumeRole hands out keys that act in
 * the account of the role ARN, as the deploy role does in the stacks.
 */
export async function assumeAccount(emulator: Emulator, account: string): Promise<AccountCredentials> {
  const sts = new STSClient({ endpoint: emulator.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const { Credentials: c } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/terraform-deploy`, RoleSessionName: 'tests' }));
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole into ${account} returned no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

/** An IAM user holding only `statements` (inline), and its access key: a caller under IAM enforcement. */
export async function userWithPolicy(iam: IAMClient, userName: string, statements: readonly object[]): Promise<AccountCredentials> {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new PutUserPolicyCommand({
    UserName: userName,
    PolicyName: `${userName}-policy`,
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  }));
  const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: key!.AccessKeyId!, secretAccessKey: key!.SecretAccessKey! };
}
