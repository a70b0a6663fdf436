// hooks-skipped-by-removal: a hook or the role dropped from the config (no `removed` block) is
// destroyed without its destroy-time hook running: high risk, and no other rule claims it runs.
import { reviewStack, type PlanDocument } from "../../../modules/review";
import { describeRiskRule } from "../support/rule-plans";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CLEANUP = `terraform_data.campaign-cleanup-${INSTANCE}_cleanup_281BB56A`;
const ONBOARDING = `terraform_data.onboarding-${INSTANCE}_onboarding_8F0BC621`;
const ROLE = "aws_iam_service_linked_role.role_3D9F059D";

const hook = (address: string, kind: string, reason?: string) => ({
  address,
  mode: "managed" as const,
  type: "terraform_data",
  name: address.split(".")[1],
  ...(reason ? { action_reason: reason } : {}),
  change: { actions: ["delete" as const], before: { input: { kind, instance_id: INSTANCE, allow_campaign_deletion: true } }, after: null },
});
const role = (reason?: string) => ({
  address: ROLE,
  mode: "managed" as const,
  type: "aws_iam_service_linked_role",
  name: "role_3D9F059D",
  ...(reason ? { action_reason: reason } : {}),
  change: { actions: ["delete" as const], before: { aws_service_name: "connect-campaigns.amazonaws.com" }, after: null },
});

function review(reason: string | undefined, retired: string[] = []) {
  const plan: PlanDocument = {
    format_version: "1.2",
    resource_changes: [hook(CLEANUP, "campaigns-cleanup", reason), hook(ONBOARDING, "campaigns-onboarding", reason), role(reason)],
    ...(retired.length > 0 ? { output_changes: { retired_resources: { actions: ["create"], after: retired } } } : {}),
  };
  const reviewed = reviewStack({ source: "plan.json", dirName: "campaigns-111111111111-us-east-1", plan });
  return Object.fromEntries(reviewed.changes.map((c) => [c.address, c.findings.map((f) => f.rule)]));
}

describeRiskRule("hooks-skipped-by-removal", () => {
  const REMOVED = "delete_because_no_resource_config";

  it("a hook or the role dropped from the config: high, and no rule claims the hook runs", () => {
    expect(review(REMOVED)).toEqual({
      [CLEANUP]: ["hooks-skipped-by-removal"],
      [ONBOARDING]: ["hooks-skipped-by-removal"],
      [ROLE]: ["hooks-skipped-by-removal", "campaigns-role-removed"],
    });
  });

  it("says the hooks will not run and to mark it retired", () => {
    const plan: PlanDocument = { format_version: "1.2", resource_changes: [hook(CLEANUP, "campaigns-cleanup", REMOVED)] };
    const [change] = reviewStack({ source: "plan.json", dirName: "x", plan }).changes;
    expect(change.risk).toBe("high");
    expect(change.findings[0].reason).toBe(
      `removed from the configuration: its cleanup hook will NOT run — the campaigns of instance ${INSTANCE} are neither backed up nor deleted; put it back in the config with "retired": true on the instance (or the target), apply, then drop it`,
    );
  });

  it("retired (listed in retired_resources) or a destroy plan: the hook rules rate what will run", () => {
    const asRetired = review(REMOVED, [CLEANUP, ONBOARDING, ROLE]);
    const asDestroy = review(undefined);
    for (const rules of [asRetired, asDestroy]) {
      expect(rules).toEqual({ [CLEANUP]: ["campaigns-deleted-by-hook"], [ONBOARDING]: ["instance-offboarded"], [ROLE]: ["campaigns-role-removed"] });
    }
  });
});
