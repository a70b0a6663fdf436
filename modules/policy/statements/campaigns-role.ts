/**
 * The campaigns service-linked role as the AWS provider manages and reads it
 * (`aws_iam_service_linked_role`, `data.aws_iam_role`, `data.aws_iam_roles`; hashicorp/aws 5.100.0).
 */
import { CAMPAIGNS_ROLE_NAME_PREFIX, CAMPAIGNS_SERVICE_PRINCIPAL } from "../../role/names";
import { resources, type StatementSpec } from "../document";
import { arn, type PolicyScope } from "../scope";

/**
 * IAM user guide, "Service-linked role permissions": CreateServiceLinkedRole limited to the
 * service with the iam:AWSServiceName condition; Delete/GetServiceLinkedRoleDeletionStatus on
 * the role's ARN under its service path.
 */
const IAM_GUIDE = "IAM User Guide, Using service-linked roles > Service-linked role permissions";

function accounts(scope: PolicyScope): string[] {
  return [...new Set(scope.targets.map((t) => t.account))];
}

/** Every campaigns role (any name) of the scope's accounts. */
const anyCampaignsRole = (scope: PolicyScope) => resources(accounts(scope).map((a) => arn.campaignsRoles(scope.partition, a)));
/** The roles this project creates: AWSServiceRoleForConnectCampaigns[_<suffix>]. */
const ownCampaignsRole = (scope: PolicyScope) =>
  resources(accounts(scope).map((a) => arn.campaignsRoles(scope.partition, a, CAMPAIGNS_ROLE_NAME_PREFIX)));

export function campaignsRoleStatements(scope: PolicyScope): StatementSpec[] {
  return [
    {
      // data.aws_iam_roles (path_prefix lookup of every campaigns role). ListRoles takes no
      // resource-level permission, so "*" is the narrowest it can be.
      statement: { Sid: "ListCampaignsRoles", Effect: "Allow", Action: ["iam:ListRoles"], Resource: "*" },
      step: "plan",
      source: "modules/role/campaigns-service-linked-role.ts accountRoles (data.aws_iam_roles); Service Authorization Reference, IAM: ListRoles has no resource type",
      proof: "emulator",
    },
    {
      // data.aws_iam_role read-back, and the provider's refresh of aws_iam_service_linked_role
      // (its Read is GetRole; tags come back in GetRole's answer, so no ListRoleTags).
      statement: { Sid: "ReadCampaignsRole", Effect: "Allow", Action: ["iam:GetRole"], Resource: anyCampaignsRole(scope) },
      step: "plan",
      source: "modules/role/campaigns-service-linked-role.ts readBack (data.aws_iam_role) and role refresh",
      proof: "emulator",
    },
    {
      // aws_iam_service_linked_role create; also what StartInstanceOnboardingJob needs when the
      // instance's role does not exist yet (failure code IAM_ACCESS_DENIED).
      statement: {
        Sid: "CreateCampaignsRole",
        Effect: "Allow",
        Action: ["iam:CreateServiceLinkedRole"],
        Resource: ownCampaignsRole(scope),
        Condition: { StringEquals: { "iam:AWSServiceName": CAMPAIGNS_SERVICE_PRINCIPAL } },
      },
      step: "apply",
      source: `aws_iam_service_linked_role create; onboarding hint IAM_ACCESS_DENIED (modules/hooks/runtime/onboarding.ts); ${IAM_GUIDE}`,
      proof: "emulator",
    },
    {
      // Tags (the config's and the provider's default tags) are set after the create, and
      // description/tag edits are the only updates a service-linked role allows. The provider
      // edits the description with iam:UpdateRole, not UpdateRoleDescription (seen in its debug
      // log: test/lifecycle/provider-requests.test.ts); the description is the only part of a
      // service-linked role IAM lets anyone edit (IAM User Guide, Editing a service-linked role).
      statement: {
        Sid: "UpdateCampaignsRoleSettings",
        Effect: "Allow",
        Action: ["iam:TagRole", "iam:UntagRole", "iam:UpdateRole"],
        Resource: ownCampaignsRole(scope),
      },
      step: "apply",
      source: "aws_iam_service_linked_role create (TagRole) and update (TagRole, UntagRole, UpdateRole for the description)",
      proof: "emulator",
    },
    {
      // aws_iam_service_linked_role delete: submit the deletion task, then poll it until it
      // SUCCEEDED (or FAILED while campaigns still use the role).
      statement: {
        Sid: "DeleteCampaignsRole",
        Effect: "Allow",
        Action: ["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
        Resource: ownCampaignsRole(scope),
      },
      step: "destroy",
      source: `aws_iam_service_linked_role delete; ${IAM_GUIDE}`,
      proof: "emulator",
    },
  ];
}
