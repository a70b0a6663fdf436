import * as fs from "node:fs";
import { riskGateTripped, type PlanDocument } from "../../modules/review";
import { fixture, resourceChange, reviewDoc } from "./support/plans";

/**
 * What the review cannot read is rated as the worst it could be, and says so: real plans
 * (test/review/fixtures, `terraform show -json` against the emulator) with the one thing changed
 * that Terraform produces elsewhere — an errored plan, a hook input another configuration marks
 * sensitive, a resource type no rule knows.
 */

type Doc = PlanDocument & { resource_changes: Record<string, unknown>[] };
const realPlan = (name: string): Doc => JSON.parse(fs.readFileSync(fixture(name), "utf8")) as Doc;
const isCleanup = (r: Record<string, unknown>) => JSON.stringify((r.change as { before?: unknown }).before ?? "").includes("campaigns-cleanup");

describe("the gate rates what it cannot read as the worst it could be", () => {
  it('a plan marked "errored" is high and fails --fail-on high, with the reason', () => {
    const stack = reviewDoc({ ...realPlan("create"), errored: true });
    expect(stack.risk).toBe("high");
    expect(stack.findings).toEqual([{ rule: "plan-errored", risk: "high", reason: expect.stringContaining("Terraform reported errors while planning") }]);
    expect(riskGateTripped({ version: 1, risk: stack.risk, stacks: [stack] }, "high")).toBe(true);
  });

  it("a destroy hook whose whole input is sensitive is high and says it could not read it", () => {
    const plan = realPlan("destroy-refused");
    for (const r of plan.resource_changes) if (r.type === "terraform_data") (r.change as unknown as Record<string, unknown>).before_sensitive = { input: true };
    const stack = reviewDoc(plan);
    const hooks = stack.changes.filter((c) => c.type === "terraform_data" && c.findings.some((f) => f.rule === "unreadable-hook-input"));
    expect(hooks.length).toBeGreaterThanOrEqual(2); // the cleanup hook and the onboarding (and the KMS key pin)
    for (const hook of hooks) expect(hook).toMatchObject({ risk: "high", findings: [expect.objectContaining({ reason: expect.stringMatching(/^could not read this terraform_data's input/) })] });
  });

  it("a destroy hook whose allow_campaign_deletion alone is sensitive is rated as allowed (high), not as stopping at the guard", () => {
    const plan = realPlan("destroy-refused");
    const cleanup = plan.resource_changes.find(isCleanup)!;
    (cleanup.change as Record<string, unknown>).before_sensitive = { input: { allow_campaign_deletion: true } };
    const change = reviewDoc(plan).changes.find((c) => c.address === cleanup.address)!;
    expect(change.risk).toBe("high");
    expect(change.findings.map((f) => f.rule)).toEqual(["campaigns-deleted-by-hook"]);
    expect(change.findings[0].reason).toMatch(/^could not read allow_campaign_deletion \(hidden in the plan\), so it is rated as allowed/);
  });

  it("a deleted resource of a type no rule knows is high; created or updated it stays low", () => {
    const plan = realPlan("no-op");
    plan.resource_changes.push(
      resourceChange("aws_s3_bucket.backups", { actions: ["delete"], before: { bucket: "backups" }, after: null }),
      resourceChange("aws_sns_topic.alerts", { actions: ["create"], before: null, after: { name: "alerts" } }),
    );
    const stack = reviewDoc(plan);
    const bucket = stack.changes.find((c) => c.address === "aws_s3_bucket.backups")!;
    expect(bucket).toMatchObject({ risk: "high", findings: [{ rule: "unknown-type-removed", risk: "high", reason: expect.stringContaining("the review could not read what its deletion breaks") }] });
    expect(stack.changes.find((c) => c.address === "aws_sns_topic.alerts")!.risk).toBe("low");
  });
});
