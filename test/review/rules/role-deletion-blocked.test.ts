// role-deletion-blocked (review --live): a role deletion the account guard would refuse is high,
// "blocked by …" naming what; without --live (nothing asked) or with nothing blocking, it stays
// what campaigns-role-removed says.
import { reviewStack, type PlanDocument } from "../../../modules/review";
import { describeRiskRule, ROLE, roleChange } from "../support/rule-plans";

const plan = { format_version: "1.2", resource_changes: [roleChange(["delete"], {}, null)] } as unknown as PlanDocument;
const BLOCKER = "eu-west-2, instance 3f0c…: 3 campaign(s), onboarded — held by stack campaigns-111111111111-eu-west-2: destroy it first";

/** The role's reviewed deletion, with what `--live` found blocking it (undefined: not asked). */
const reviewedRole = (roleBlockedBy?: string[]) =>
  reviewStack({ source: "plan.json", dirName: "campaigns-111111111111-us-east-1", plan, roleBlockedBy }).changes.find((c) => c.address === ROLE)!;

describeRiskRule("role-deletion-blocked", () => {
  it("with --live and a blocker: high, first, blocked by the Region, instance and stack", () => {
    const change = reviewedRole([BLOCKER]);
    expect(change.risk).toBe("high");
    expect(change.findings.map((f) => f.rule)).toEqual(["role-deletion-blocked", "campaigns-role-removed"]);
    expect(change.findings[0].reason).toBe(`blocked by ${BLOCKER}: the account guard will refuse this destroy before anything is deleted`);
  });

  it("not asked, or nothing blocks: only campaigns-role-removed", () => {
    expect(reviewedRole().findings.map((f) => f.rule)).toEqual(["campaigns-role-removed"]);
    expect(reviewedRole([]).findings.map((f) => f.rule)).toEqual(["campaigns-role-removed"]);
  });
});
