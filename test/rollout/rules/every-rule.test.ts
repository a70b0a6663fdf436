// Every config rule and every review rule has its own test file, named by the rule's id, next to
// this one (config) or in test/review/rules (review): where a rule is tested is found by its id.
import * as fs from "node:fs";
import * as path from "node:path";
import { RISK_RULES } from "../../../modules/review";
import { CONFIG_RULES } from "../../../modules/rollout/rules";

const testFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => f.replace(/\.test\.ts$/, ""));

describe("one test file per rule, named by the rule id", () => {
  it.each([
    ["config", CONFIG_RULES, __dirname],
    ["review", RISK_RULES, path.join(__dirname, "..", "..", "review", "rules")],
  ] as const)("every %s rule has <id>.test.ts", (_, rules, dir) => {
    const files = testFiles(dir);
    expect(rules.map((r) => r.id).filter((id) => !files.includes(id))).toEqual([]);
  });
});
