/**
 * `drift` (modules/drift) and `plan-review --all`: the live check of what a plan cannot see,
 * with the deploy role. Its other reads are the stacks' and hooks' own, already granted:
 * iam:ListRoles (ListCampaignsRoles), connect-campaigns:GetConnectInstanceConfig
 * (OnboardInstances), ListCampaigns and GetCampaignStateBatch (ListInstanceCampaigns);
 * sts:GetCallerIdentity needs no permission. What only it adds: the Region's Connect instances,
 * to find the ones the config does not name (the account scan, hook-runtime/account-usage.ts).
 */
import type { StatementSpec } from "../document";

export function driftStatements(): StatementSpec[] {
  return [
    {
      // Service Authorization Reference, Amazon Connect: ListInstances has no resource type.
      statement: { Sid: "ListConnectInstances", Effect: "Allow", Action: ["connect:ListInstances"], Resource: "*" },
      step: "plan",
      source: "modules/hook-runtime/account-usage.ts listInstances (drift's unmanaged instances, the account scan); Service Authorization Reference, Amazon Connect: ListInstances (no resource type)",
      // The lifecycle's removal cases run Terraform, which never lists instances: the proof is
      // test/drift/least-privilege.test.ts, drift under the generated policy with IAM enforced.
      proof: { notEnforced: "no Terraform step lists instances; test/drift/least-privilege.test.ts runs drift under the generated policy instead" },
    },
  ];
}
