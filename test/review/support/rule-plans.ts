import { reviewStack, RISK_RULES, type PlanDocument } from "../../../modules/review";

export const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const CLEANUP = `terraform_data.campaign-cleanup-${INSTANCE}_cleanup_281BB56A`;
export const ONBOARDING = `terraform_data.onboarding-${INSTANCE}_onboarding_8F0BC621`;
export const ROLE = "aws_iam_service_linked_role.role_3D9F059D";

type Actions = ("create" | "delete" | "update" | "no-op")[];
type Change = Record<string, unknown>;

/** A hook `terraform_data` of `kind` changed by `actions` (before and after hold the same input). */
export function hookChange(address: string, kind: string, actions: Actions, input: Record<string, unknown> = {}): Change {
  const stored = { input: { kind, instance_id: INSTANCE, ...input } };
  return {
    address,
    mode: "managed",
    type: "terraform_data",
    name: address.split(".")[1],
    change: { actions, before: actions.includes("create") && actions.length === 1 ? null : stored, after: actions.includes("delete") && actions.length === 1 ? null : stored },
  };
}

/** The campaigns role changed by `actions`, from `before` to `after` (merged over its service name). */
export function roleChange(actions: Actions, before: Record<string, unknown> | null, after: Record<string, unknown> | null, extra: Change = {}): Change {
  const named = (values: Record<string, unknown> | null) => (values === null ? null : { aws_service_name: "connect-campaigns.amazonaws.com", ...values });
  return { address: ROLE, mode: "managed", type: "aws_iam_service_linked_role", name: "role_3D9F059D", change: { actions, before: named(before), after: named(after), ...extra } };
}

/** The rule ids that fire on each change of a plan of these resource changes, by address. */
export function firedRules(...changes: Change[]): Record<string, string[]> {
  const plan = { format_version: "1.2", resource_changes: changes } as unknown as PlanDocument;
  const reviewed = reviewStack({ source: "plan.json", dirName: "campaigns-111111111111-us-east-1", plan });
  return Object.fromEntries(reviewed.changes.map((c) => [c.address, c.findings.map((f) => f.rule)]));
}

/** The reason a rule gives for the one change of a plan. */
export function reasonOf(id: string, change: Change): string | undefined {
  const plan = { format_version: "1.2", resource_changes: [change] } as unknown as PlanDocument;
  const [reviewed] = reviewStack({ source: "plan.json", dirName: "x", plan }).changes;
  return reviewed.findings.find((f) => f.rule === id)?.reason;
}

/**
 * describe() for the tests of one review rule (`modules/review/rules/<id>.ts`), named by its id;
 * the first test fails when no rule of RISK_RULES has that id.
 */
export function describeRiskRule(id: string, body: () => void): void {
  describe(`review rule ${id}`, () => {
    it("is one of the rules every planned change is rated by", () => {
      expect(RISK_RULES.map((rule) => rule.id)).toContain(id);
    });
    body();
  });
}
