import { renderMarkdown, reviewPlans, type ReviewReport, type StackReview } from "../../modules/review";
import { fixture } from "./support/plans";

/**
 * The review of real plans: `terraform show -json` output of real Terraform against the emulator,
 * committed under fixtures/ (regenerate with `node --import tsx test/review/fixtures/generate.ts`; `fixtures-fresh.test.ts` fails when they no longer match what today's stacks synthesize).
 */
async function review(name: string): Promise<StackReview> {
  const report: ReviewReport = await reviewPlans([fixture(name)]);
  return report.stacks[0];
}

const byType = (stack: StackReview, type: string) => stack.changes.filter((c) => c.type === type);
const rulesOf = (stack: StackReview) => stack.changes.flatMap((c) => c.findings.map((f) => `${c.type}:${f.rule}:${f.risk}`)).sort();

describe("review of real plans", () => {
  it("create: everything new is low risk; the stack is named from the hook inputs", async () => {
    const stack = await review("create");
    expect(stack).toMatchObject({ stack: "campaigns-123456789012-us-east-1", account: "123456789012", region: "us-east-1", risk: "low", formatVersion: "1.2" });
    // The role, both hooks, the onboarding's KMS key pin and the account guard.
    expect(stack.counts).toMatchObject({ create: 5, update: 0, replace: 0, delete: 0, "no-op": 0, read: 2 });
    expect(stack.changes.every((c) => c.risk === "low")).toBe(true);
  });

  it("no-op after apply: nothing to review (the provider's null → {} drift of tags is not reported)", async () => {
    const stack = await review("no-op");
    expect(stack).toMatchObject({ risk: "none", changes: [], drift: [], outputs: [] });
    expect(stack.counts["no-op"]).toBe(5);
  });

  it("destroy with deletion not allowed: role and onboarding high, the hook that will stop the destroy medium", async () => {
    const stack = await review("destroy-refused");
    expect(stack.risk).toBe("high");
    expect(rulesOf(stack)).toEqual([
      "aws_iam_service_linked_role:campaigns-role-removed:high",
      "terraform_data:change:low", // the account guard: it only checks (and refuses), deletes nothing
      "terraform_data:change:low", // the KMS key pin: a record, gone with the onboarding
      "terraform_data:destroy-stops-at-guard:medium",
      "terraform_data:instance-offboarded:high",
    ]);
    const hook = stack.changes.find((c) => c.findings[0].rule === "destroy-stops-at-guard")!;
    expect(hook.findings[0].reason).toMatch(/instance [0-9a-f-]{36}; campaign deletion is not allowed: the destroy stops there/);
  });

  it("destroy with deletion allowed: the hook's campaigns will be backed up and deleted (high)", async () => {
    const stack = await review("destroy-allowed");
    const [hook] = stack.changes.filter((c) => c.findings[0].rule === "campaigns-deleted-by-hook");
    expect(hook).toMatchObject({ kind: "delete", risk: "high" });
    expect(hook.findings[0].reason).toMatch(/^destroy hook backs up, then deletes every campaign of instance [0-9a-f-]{36}$/);
    expect(stack.changes.map((c) => c.risk)).toEqual(["high", "high", "high", "low", "low"]); // the account guard and the KMS key pin last
  });

  it("replace by a new customSuffix: the role is deleted first (high), naming the attribute that forces it", async () => {
    const stack = await review("replace-role");
    const [role] = byType(stack, "aws_iam_service_linked_role");
    expect(role).toMatchObject({ kind: "replace", actions: ["delete", "create"], risk: "high" });
    expect(role.findings[0].reason).toContain("(custom_suffix changed): it is deleted first");
    expect(stack.counts.replace).toBe(1);
  });

  it("role description and tags changed: medium, with old and new values", async () => {
    const stack = await review("role-description");
    const [role] = byType(stack, "aws_iam_service_linked_role");
    expect(role).toMatchObject({ kind: "update", risk: "medium" });
    expect(role.findings[0].reason).toBe("changes the campaigns role's description and tags");
    expect(role.attributes).toContainEqual({ name: "description", before: '""', after: '"Outbound campaigns"' });
    // The outputs read the role back through data sources read again at apply: "(known after
    // apply)", not known to change. Not listed as changes; named as re-read in the JSON.
    expect(stack.outputs).toEqual([]);
    expect(stack.rereadOutputs).toEqual(["campaigns_role_arns", "role_arn", "role_unique_id"]);
    expect(renderMarkdown({ version: 1, risk: stack.risk, stacks: [stack] })).not.toContain("**Outputs:**");
  });

  it("adopt: importing the existing role is medium and names it", async () => {
    const stack = await review("adopt");
    const [role] = byType(stack, "aws_iam_service_linked_role");
    expect(role).toMatchObject({ kind: "no-op", risk: "medium", importing: expect.stringMatching(/:role\/aws-service-role\/connect-campaigns\.amazonaws\.com\/AWSServiceRoleForConnectCampaigns_adopted$/) });
    expect(role.findings[0].rule).toBe("role-adopted");
    expect(stack.risk).toBe("medium");
  });

  it("many stacks at once: the report's risk is the highest of them", async () => {
    const report = await reviewPlans(["create", "no-op", "adopt", "destroy-allowed"].map(fixture));
    expect(report.stacks.map((s) => s.risk)).toEqual(["low", "none", "medium", "high"]);
    expect(report.risk).toBe("high");
  });
});
