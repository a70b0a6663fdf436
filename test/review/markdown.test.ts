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
      "| `campaigns-123456789012-us-east-1` | 123456789012 | us-east-1 | 0 | 0 | 0 | 5 | 0 | 🔴 high |",
      "| `campaigns-123456789012-us-east-1` | 123456789012 | us-east-1 | 0 | 0 | 0 | 0 | 5 | — |",
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

  it("names the unchanged stacks in a folded list, not only their count", () => {
    const markdown = renderMarkdown({ version: 1, risk: "none", stacks: [], base: "base.json", unchanged: ["campaigns-111111111111-us-east-1", "campaigns-222222222222-eu-west-2"], removed: [], failed: [] });
    expect(markdown).toContain("Compared with `base.json`: 0 planned, 2 unchanged, not planned, 0 removed.");
    expect(markdown).toContain(
      ["<details><summary>2 unchanged stacks, not planned</summary>", "", "- `campaigns-111111111111-us-east-1`", "- `campaigns-222222222222-eu-west-2`", "", "</details>"].join("\n"),
    );
  });

  it("says every stack is new when the base ref does not have the config yet", () => {
    const stack = { ...reviewDoc(planDoc([resourceChange("acme_thing.x", { actions: ["create"], before: null, after: {} })])), status: "planned" as const, change: "new" as const };
    const markdown = renderMarkdown({ version: 1, risk: stack.risk, stacks: [stack], base: "origin/main:rollout.json", baseMissing: true, unchanged: [], removed: [], failed: [] });
    expect(markdown).toContain("Compared with `origin/main:rollout.json`, which does not exist (the config is new): every stack is new: 1 planned (1 new), 0 unchanged, not planned, 0 removed.");
    expect(markdown).not.toContain("<details>");
  });
});
