// unknown-type-removed: destroying or replacing a resource of a type no rule reads is high (what
// its loss breaks cannot be read); creating or updating one stays low.
import { realPlan, resourceChange, reviewDoc } from "../support/plans";
import { describeRiskRule, reasonOf } from "../support/rule-plans";

describeRiskRule("unknown-type-removed", () => {
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

  it("a replaced one is high too, saying it replaces it", () => {
    const change = resourceChange("aws_s3_bucket.backups", { actions: ["delete", "create"], before: { bucket: "backups" }, after: { bucket: "backups-2" } });
    expect(reasonOf("unknown-type-removed", change)).toMatch(/^replaces a aws_s3_bucket, a type no review rule knows/);
  });
});
