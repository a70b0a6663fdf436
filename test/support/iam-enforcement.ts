import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { deployRoleTrustPolicy, type PolicyDocument } from "../../modules/policy";
import type { Emulator } from "../emulator/emulator";

/**
 * moto's IAM enforcement, switched with its own control (`POST /moto-api/reset-auth`, what
 * moto's `set_initial_no_auth_action_count` uses in server mode): the body is
 * INITIAL_NO_AUTH_ACTION_COUNT, the number of requests let through before every request is
 * checked. "inf" turns checks off for fixtures; "0" turns them on for Terraform and the hooks.
 * Counting the fixtures' requests instead would break whenever a fixture changed.
 */
export async function enforceIam(emulator: Emulator, on: boolean): Promise<void> {
  const response = await fetch(`${emulator.endpoint}/moto-api/reset-auth`, { method: "POST", body: on ? "0" : "inf" });
  if (!response.ok) throw new Error(`moto reset-auth: ${response.status} ${await response.text()}`);
}

export const DEPLOY_ROLE = "terraform-deploy";
const POLICY_NAME = "connect-campaigns-deploy";

/** The pipeline's own principal: an IAM user whose only right is to assume the deploy role. */
export interface PipelineUser {
  readonly arn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The environment Terraform and the hooks run with: these keys and nothing else. */
  readonly env: Record<string, string>;
}

/**
 * Creates, in the account `iam` acts in, the pipeline user and the deploy role (the generated
 * trust policy for that user, the given policy inline). The user sits in the role's account:
 * moto checks a role's trust policy only for principals of the same account.
 */
export async function createPipeline(iam: IAMClient, account: string, policy: PolicyDocument): Promise<PipelineUser> {
  const { User: user } = await iam.send(new CreateUserCommand({ UserName: "pipeline" }));
  const roleArn = `arn:aws:iam::${account}:role/${DEPLOY_ROLE}`;
  await iam.send(
    new PutUserPolicyCommand({
      UserName: "pipeline",
      PolicyName: "assume-deploy-role",
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: roleArn }] }),
    }),
  );
  const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: "pipeline" }));
  await iam.send(
    new CreateRoleCommand({ RoleName: DEPLOY_ROLE, AssumeRolePolicyDocument: JSON.stringify(deployRoleTrustPolicy(user!.Arn!)) }),
  );
  await setDeployPolicy(iam, policy);
  return {
    arn: user!.Arn!,
    accessKeyId: key!.AccessKeyId!,
    secretAccessKey: key!.SecretAccessKey!,
    env: { AWS_ACCESS_KEY_ID: key!.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key!.SecretAccessKey! },
  };
}

/** Replaces the deploy role's policy (inline: moto applies a changed inline policy at once). */
export async function setDeployPolicy(iam: IAMClient, policy: PolicyDocument): Promise<void> {
  await iam.send(new PutRolePolicyCommand({ RoleName: DEPLOY_ROLE, PolicyName: POLICY_NAME, PolicyDocument: JSON.stringify(policy) }));
}
