import { CreateRoleCommand, CreateServiceLinkedRoleCommand } from "@aws-sdk/client-iam";
import { stackIdFor } from "../../modules/rollout";
import { CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "../../modules/role";
import { exactlyOneRolePostconditions, roleExistsPostcondition, roleTrustPostconditions } from "../../modules/role/trust-conditions";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { LifecycleWorkspace } from "../support/lifecycle";
import { describeWithTools } from "../support/tiers";

/**
 * The role's postconditions (modules/role/trust-conditions.ts) under real `terraform plan`
 * against the emulator: the synthesized stack of a config whose role is only observed (or
 * adopted), in an account whose role is missing, wrong, or right. Each failing plan must fail
 * with the condition's own message, rendered by Terraform, and nothing else.
 */

const REGION = "us-east-1";

/** A diagnostic of `terraform plan -json` (one JSON object per line). */
interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail: string;
  readonly address?: string;
}

/** The message template of a condition, with the `self` values Terraform would interpolate. */
function rendered(template: string, self: { arn?: string; arns?: readonly string[] }): string {
  return template
    .replace(/\$\{self\.arn\}/g, self.arn ?? "")
    .replace(/\$\{jsonencode\(self\.arns\)\}/g, JSON.stringify(self.arns ?? []));
}

describeWithTools("role postconditions under real terraform plan (observe and adopt)", terraformAndEmulator, () => {
  const emulator = useEmulator();
  // Each case acts in an account of its own, so that one case's roles never satisfy another's.
  let nextAccount = 444444444401;

  /** A fresh account with one Connect instance, and the workspace of a one-target config with `role`. */
  async function setUp(prefix: string): Promise<{ account: EmulatedAccount; plan: (role: Record<string, unknown>) => Promise<PlanOutcome> }> {
    const account = await emulatedAccount(emulator(), String(nextAccount++), REGION);
    const instance = await account.createInstance();
    const plan = async (role: Record<string, unknown>): Promise<PlanOutcome> => {
      const ws = new LifecycleWorkspace(emulator(), prefix);
      ws.synth({ targets: [{ account: account.account, region: REGION, role, instances: [{ id: instance }] }] });
      const stack = stackIdFor(account.account, REGION);
      await ws.init(stack);
      const result = await ws.tf(stack, ["plan", "-input=false", "-json", "-detailed-exitcode"]);
      const diagnostics = result.stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { type: string; diagnostic?: Diagnostic })
        .flatMap((message) => (message.type === "diagnostic" && message.diagnostic ? [message.diagnostic] : []));
      return { code: result.code, errors: diagnostics.filter((d) => d.severity === "error"), output: result.stdout + result.stderr };
    };
    return { account, plan };
  }

  interface PlanOutcome {
    readonly code: number;
    readonly errors: readonly Diagnostic[];
    readonly output: string;
  }

  /** The plan failed with exactly one error: the postcondition's, with this message. */
  function expectPostconditionFailure(outcome: PlanOutcome, message: string, address: RegExp): void {
    expect(outcome.code).toBe(1);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0].summary).toBe("Resource postcondition failed");
    expect(outcome.errors[0].detail).toBe(message);
    expect(outcome.errors[0].address ?? outcome.output).toMatch(address);
  }

  it("observe, no campaigns role in the account: the plan fails with 'No outbound campaigns service-linked role exists'", async () => {
    const { plan } = await setUp("observe-missing");
    const outcome = await plan({ mode: "observe" });
    expectPostconditionFailure(outcome, exactlyOneRolePostconditions[0].errorMessage, /data\.aws_iam_roles\./);
  });

  it("observe with role.arn, that role missing: the plan fails with 'does not exist in this account'", async () => {
    const { account, plan } = await setUp("observe-arn-missing");
    const arn = `arn:aws:iam::${account.account}:role${CAMPAIGNS_ROLE_PATH}AWSServiceRoleForConnectCampaigns_gone`;
    const outcome = await plan({ mode: "observe", arn });
    expectPostconditionFailure(outcome, rendered(roleExistsPostcondition(arn).errorMessage, { arns: [] }), /data\.aws_iam_roles\./);
  });

  it("observe, a role at the campaigns path that trusts another principal: the plan fails with 'does not trust'", async () => {
    const { account, plan } = await setUp("observe-wrong-trust");
    // IAM's CreateRole (not CreateServiceLinkedRole) at the service's path: AWS reserves that path
    // for service-linked roles, moto does not, which lets the test build the role the
    // postcondition guards against (a trust policy nobody can edit on a real service-linked role).
    const { Role: impostor } = await account.iam.send(
      new CreateRoleCommand({
        RoleName: "AWSServiceRoleForConnectCampaigns",
        Path: CAMPAIGNS_ROLE_PATH,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      }),
    );
    const trustCondition = roleTrustPostconditions[1];
    const outcome = await plan({ mode: "observe" });
    expectPostconditionFailure(outcome, rendered(trustCondition.errorMessage, { arn: impostor!.Arn }), /data\.aws_iam_role\./);
    expect(trustCondition.errorMessage).toContain(`does not trust ${CAMPAIGNS_SERVICE_PRINCIPAL}`);
  });

  it("observe, with and without role.arn, the role created by CreateServiceLinkedRole: the plan passes and reads it back", async () => {
    const { account, plan } = await setUp("observe-right");
    const { Role: role } = await account.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: CAMPAIGNS_SERVICE_PRINCIPAL }));
    for (const roleConfig of [{ mode: "observe" }, { mode: "observe", arn: role!.Arn }]) {
      const outcome = await plan(roleConfig);
      expect(outcome.errors).toEqual([]);
      // 2: the plan has changes (the instance's onboarding), and no error.
      expect(outcome.code).toBe(2);
      // The read-back found the role by the name IAM gave it.
      expect(outcome.output).toMatch(new RegExp(`data\\.aws_iam_role\\.[\\w-]+: Refresh complete after \\d+s \\[id=${role!.RoleName}\\]`));
    }

    // A second role with another suffix: observing without an ARN is then ambiguous, and an ARN
    // of a role that is not there still fails although other campaigns roles exist.
    const { Role: second } = await account.iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: CAMPAIGNS_SERVICE_PRINCIPAL, CustomSuffix: "second" }),
    );
    const arns = [role!.Arn!, second!.Arn!].sort();
    expectPostconditionFailure(await plan({ mode: "observe" }), rendered(exactlyOneRolePostconditions[1].errorMessage, { arns }), /data\.aws_iam_roles\./);
    const wrongArn = role!.Arn!.replace(/AWSServiceRoleForConnectCampaigns$/, "AWSServiceRoleForConnectCampaigns_other");
    expectPostconditionFailure(
      await plan({ mode: "observe", arn: wrongArn }),
      rendered(roleExistsPostcondition(wrongArn).errorMessage, { arns }),
      /data\.aws_iam_roles\./,
    );
  });

  it("adopt with the ARN of a role that does not exist: the plan fails naming the role, before anything is created", async () => {
    const { account, plan } = await setUp("adopt-wrong-arn");
    const arn = `arn:aws:iam::${account.account}:role${CAMPAIGNS_ROLE_PATH}AWSServiceRoleForConnectCampaigns_typo`;
    const outcome = await plan({ mode: "adopt", arn });
    expect(outcome.code).toBe(1);
    expect(outcome.errors).toHaveLength(1);
    // The import block's own failure (Terraform and the provider word it; no postcondition runs).
    expect(`${outcome.errors[0].summary} ${outcome.errors[0].detail}`).toMatch(/Cannot import non-existent remote object/);
    expect(outcome.output).toContain("AWSServiceRoleForConnectCampaigns_typo");
  });
});
