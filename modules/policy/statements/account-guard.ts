/**
 * The account guard (modules/hooks/runtime/account-role-guard.ts, account-usage.ts): before a
 * destroy deletes the campaigns role, it reads every Region of the account — campaigns of both
 * APIs without an instance filter, the Connect instances, each instance's campaigns config.
 *
 * ListCampaigns and GetConnectInstanceConfig are granted on "*" by the cleanup and onboarding
 * statements (neither takes a resource type), which covers every Region the guard scans. What the
 * guard adds is Amazon Connect's ListInstances: no resource type either (Service Authorization
 * Reference, Amazon Connect: ListInstances), so "*", in every Region.
 */
import type { StatementSpec } from "../document";
import type { PolicyScope } from "../scope";

export function accountGuardStatements(_scope: PolicyScope): StatementSpec[] {
  return [
    {
      statement: { Sid: "ScanAccountForRoleUse", Effect: "Allow", Action: ["connect:ListInstances"], Resource: "*" },
      step: "destroy",
      source: "modules/hooks/runtime/account-usage.ts listInstances (the account guard, every Region of the account)",
      proof: "emulator",
    },
  ];
}
