import { CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "./service";

/**
 * Terraform postconditions, as HCL expressions over `self` of a `data.aws_iam_role`. They run at
 * plan (or apply, when the role is still to be created) and fail it with a message that says what
 * is wrong and what to do.
 */

/** True when a policy statement allows the campaigns service principal (string or list form). */
const TRUSTS_CAMPAIGNS =
  "anytrue([for s in flatten([jsondecode(self.assume_role_policy).Statement]) : " +
  `s.Effect == "Allow" && contains(flatten([try(s.Principal.Service, [])]), "${CAMPAIGNS_SERVICE_PRINCIPAL}")])`;

export const roleTrustPostconditions = [
  {
    condition: `\${self.path == "${CAMPAIGNS_ROLE_PATH}"}`,
    errorMessage:
      `Role \${self.arn} is not an outbound campaigns service-linked role: its path is \${self.path}, ` +
      `expected ${CAMPAIGNS_ROLE_PATH}. Point the role config at a role under that path.`,
  },
  {
    condition: `\${${TRUSTS_CAMPAIGNS}}`,
    errorMessage:
      `Role \${self.arn} does not trust ${CAMPAIGNS_SERVICE_PRINCIPAL}: outbound campaigns cannot use it. ` +
      `A service-linked role's trust policy cannot be edited; delete the role and let this stack create it.`,
  },
];

/** Observe mode with an ARN: that role must be among the campaigns roles the account holds. */
export function roleExistsPostcondition(roleArn: string) {
  return {
    condition: `\${contains(self.arns, "${roleArn}")}`,
    errorMessage:
      `Role ${roleArn} does not exist in this account (campaigns roles found: \${jsonencode(self.arns)}). ` +
      `Check role.arn, or use role mode "create".`,
  };
}

/** Observe mode without an ARN: exactly one campaigns role must exist to be read back. */
export const exactlyOneRolePostconditions = [
  {
    condition: "${length(self.arns) > 0}",
    errorMessage:
      `No outbound campaigns service-linked role exists under ${CAMPAIGNS_ROLE_PATH} in this account. ` +
      `Onboard an instance first, or use role mode "create".`,
  },
  {
    condition: "${length(self.arns) < 2}",
    errorMessage:
      "Several outbound campaigns service-linked roles exist (${jsonencode(self.arns)}); " +
      "set role.arn to the one this stack should read back.",
  },
];
