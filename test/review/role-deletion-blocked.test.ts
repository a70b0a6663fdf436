// role-deletion-blocked (review --live): a role deletion the account guard would refuse is high,
// "blocked by …" naming what; without --live (nothing asked) or with nothing blocking, it stays
// what campaigns-role-removed says.
import { reviewStack, type PlanDocument } from "../../modules/review";

const ROLE = "aws_iam_service_linked_role.role_3D9F059D";
const plan: PlanDocument = {
  format_version: "1.2",
  resource_changes: [
    {
      address: ROLE,
      mode: "managed",
      type: "aws_iam_service_linked_role",
      name: "role_3D9F059D",
      change: { actions: ["delete"], before: { aws_service_name: "connect-campaigns.amazonaws.com" }, after: null },
    },
  ],
};
const BLOCKER = "eu-west-2, instance 3f0c…: 3 campaign(s), onboarded — held by stack campaigns-111111111111-eu-west-2: destroy it first";

const roleChange = (roleBlockedBy?: string[]) =>
  reviewStack({ source: "plan.json", dirName: "campaigns-111111111111-us-east-1", plan, roleBlockedBy }).changes.find((c) => c.address === ROLE)!;

describe("role-deletion-blocked", () => {
  it("with --live and a blocker: high, first, blocked by the Region, instance and stack", () => {
    const change = roleChange([BLOCKER]);
    expect(change.risk).toBe("high");
    expect(change.findings.map((f) => f.rule)).toEqual(["role-deletion-blocked", "campaigns-role-removed"]);
    expect(change.findings[0].reason).toBe(`blocked by ${BLOCKER}: the account guard will refuse this destroy before anything is deleted`);
  });

  it("not asked, or nothing blocks: only campaigns-role-removed", () => {
    expect(roleChange().findings.map((f) => f.rule)).toEqual(["campaigns-role-removed"]);
    expect(roleChange([]).findings.map((f) => f.rule)).toEqual(["campaigns-role-removed"]);
  });
});
