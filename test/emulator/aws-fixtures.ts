import { REGION, type Emulator } from './emulator';

/** Requests to services whose SDK the project does not depend on (Connect, KMS). */
// The tests only need the SDKs of connect-campaigns and IAM; Connect and KMS take a
// hand-made request (moto checks no signature unless IAM enforcement is on).
export async function awsJson<T>(emulator: Emulator, service: string, target: string, body: unknown, path = '/', region = REGION): Promise<T> {
  const response = await fetch(`${emulator.endpoint}${path}`, {
    method: target ? 'POST' : 'PUT',
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      'content-type': target ? 'application/x-amz-json-1.1' : 'application/json',
      ...(target ? { 'x-amz-target': target } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${service} ${target || path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createConnectInstance(emulator: Emulator, region = REGION): Promise<{ Id: string; Arn: string }> {
  return awsJson(emulator, 'connect', '', {
    IdentityManagementType: 'CONNECT_MANAGED',
    InstanceAlias: `test-${Math.random().toString(36).slice(2, 10)}`,
    InboundCallsEnabled: true,
    OutboundCallsEnabled: true,
  }, '/instance', region);
}

export async function createKmsKeyArn(emulator: Emulator, region = REGION): Promise<string> {
  const result = await awsJson<{ KeyMetadata: { Arn: string } }>(emulator, 'kms', 'TrentService.CreateKey', {}, '/', region);
  return result.KeyMetadata.Arn;
}

