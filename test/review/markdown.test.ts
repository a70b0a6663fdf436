import { renderMarkdown, reviewPlans, RISK_RULES } from "../../modules/review";
import { cell, code } from "../../modules/review/markdown";
import { fixture, planDoc, resourceChange, reviewDoc } from "./support/plans";

describe("Markdown report", () => {
  it("is the PR comment for a destroy across two stacks (whole document)", async () => {
    const report = await reviewPlans([fixture("destroy-allowed"), fixture("no-op")]);
    // Scratch paths in the fixtures vary per generation; the document shows none of them.
    const markdown = renderMarkdown(report);
    expect(markdown).toMatchSnapshot();
    expect(markdown.split("\n").filter((l) => l.startsWith("| `campaigns-"))).toEqual([
      "| `campaigns-123456789012-us-east-1` | 123456789012 | us-east-1 | 0 | 0 | 0 | 4 | 0 | 🔴 high |",
      "| `campaigns-123456789012-us-east-1` | 123456789012 | us-east-1 | 0 | 0 | 0 | 0 | 4 | — |",
    ]);
    expect(markdown).toContain("Risk: **high** irreversible");
    expect(markdown).toMatch(/\| 🔴 high \| delete \| `terraform_data\.campaign-cleanup-[^`]+` \| destroy hook backs up, then deletes every campaign of instance [0-9a-f-]{36} \|/);
  });

  it("escapes pipes in cells and survives backticks in code spans", () => {
    expect(cell("a|b\nc")).toBe("a\\|b c");
    expect(code("x`y")).toBe("`` x`y ``");
    const stack = reviewDoc(planDoc([resourceChange('acme_thing.x["a|b"]', { actions: ["update"], before: { note: "p|q" }, after: { note: "r|s" } })]));
    const row = renderMarkdown({ version: 1, risk: stack.risk, stacks: [stack] })
      .split("\n")
      .find((l) => l.includes("acme_thing"))!;
    expect(row).toBe('| 🟢 low | update | `acme_thing.x["a\\|b"]` | updates note (note: `"p\\|q"` → `"r\\|s"`) |');
  });

  it("lists the rules highest risk first, so a change's first finding carries its risk", () => {
    const ranks = RISK_RULES.map((r) => ["high", "medium", "low"].indexOf(r.risk));
    expect(ranks).toEqual([...ranks].sort());
  });
});
