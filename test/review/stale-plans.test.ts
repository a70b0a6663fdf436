import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { parseStackId } from "../../modules/rollout";
import { cli } from "../support/cli";
import { scratchDir, terraformCheck } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "rollout.json");
const FIRST = "campaigns-111111111111-us-east-1";
const SECOND = "campaigns-222222222222-eu-west-2";
/** A real `terraform show -json` plan that only creates: the review rates it low. */
const LOW_RISK_PLAN = path.join(__dirname, "fixtures", "create.json");

/** `npm run synth -- <args>` in `dir`, as a pipeline runs it. */
function synth(dir: string, ...args: string[]): void {
  execFileSync(process.execPath, ["--import", require.resolve("tsx"), path.join(ROOT, "main.ts"), "--config", EXAMPLE, ...args], { cwd: dir, stdio: "pipe" });
}

const stackDir = (dir: string, id: string) => path.join(dir, "cdktf.out", "stacks", id);

/**
 * The real low-risk plan as stack `id` would have it: the fixture's stack, account and Region
 * (in its hook inputs and provider block) are those of account 123456789012 in us-east-1.
 */
function planOf(id: string): string {
  const { account, region } = parseStackId(id)!;
  return fs.readFileSync(LOW_RISK_PLAN, "utf8").replace(/123456789012/g, account).replace(/us-east-1/g, region);
}

/** Puts stack `id`'s plan (or `planOfStack`'s) in its folder, as `terraform show -json tfplan > plan.json` would, after the synth. */
function plantPlan(dir: string, id: string, planOfStack = id): string {
  const file = path.join(stackDir(dir, id), "plan.json");
  fs.writeFileSync(file, planOf(planOfStack));
  return file;
}

/**
 * Stale output: a synth leaves its output directory holding exactly what it
 * was asked for, and the review refuses a plan that does not belong to its stack's current
 * cdk.tf.json, so `review --fail-on` never passes on the wrong plan. The synth runs main.ts as
 * `npm run synth` does (its cdktf validation needs terraform).
 */
describeWithTools("stale plans: synth cleans its output, the review refuses stale plans", terraformCheck, () => {
  it("a synth of a --stack selection removes the other stacks' folders, every old plan and the old review", () => {
    const dir = scratchDir("stale-selection");
    synth(dir);
    plantPlan(dir, FIRST);
    plantPlan(dir, SECOND);
    fs.writeFileSync(path.join(dir, "cdktf.out", "review.md"), "## an old review");
    synth(dir, "--stack", FIRST);
    expect(fs.readdirSync(path.join(dir, "cdktf.out", "stacks"))).toEqual([FIRST]);
    expect(fs.existsSync(path.join(dir, "cdktf.out", "review.md"))).toBe(false);
    expect(fs.existsSync(path.join(stackDir(dir, FIRST), "plan.json"))).toBe(false);
  }, 120_000);

  it("refuses, naming the stack, a plan older than its cdk.tf.json (a synth came after it): exit 1, even with --fail-on", async () => {
    const dir = scratchDir("stale-older");
    synth(dir);
    const plan = plantPlan(dir, FIRST);
    plantPlan(dir, SECOND);
    const fresh = await cli("review", "--fail-on", "high", stackDir(dir, FIRST), stackDir(dir, SECOND));
    expect(fresh.code).toBe(0);

    // Something that does not clean (an older synth, a test's own buildApp) rewrote cdk.tf.json after the plan.
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(plan, past, past);
    const stale = await cli("review", "--fail-on", "high", stackDir(dir, FIRST), stackDir(dir, SECOND));
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe("");
    expect(stale.stderr).toMatch(new RegExp(`^${escape(plan)}: stale plan of stack ${FIRST}: plan\\.json \\(.+\\) is older than its cdk\\.tf\\.json \\(.+\\); plan again`));
    // The plan file named directly is checked the same way.
    expect((await cli("review", plan)).code).toBe(1);
  }, 120_000);

  it("refuses the plan of a stack the last synth did not write (a folder kept for its state file)", async () => {
    const dir = scratchDir("stale-unnamed");
    synth(dir);
    // A backend path pointed into the stack folder: the synth keeps a folder holding state.
    fs.writeFileSync(path.join(stackDir(dir, SECOND), "terraform.tfstate"), "{}");
    synth(dir, "--stack", FIRST);
    expect(fs.existsSync(path.join(stackDir(dir, SECOND), "terraform.tfstate"))).toBe(true);
    plantPlan(dir, FIRST);
    const plan = plantPlan(dir, SECOND);

    const run = await cli("review", "--fail-on", "high", stackDir(dir, FIRST), stackDir(dir, SECOND));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${plan}: plan of stack ${SECOND}, which the last synth into ${path.join(dir, "cdktf.out")} did not write (its manifest.json does not name it): a leftover of another config or selection; synth and plan again\n`,
    );
  }, 120_000);
});

describeWithTools("stale plans: a plan copied into another stack's folder", terraformCheck, () => {
  it("is refused, naming both stacks, even when it is fresh and the manifest names the folder", async () => {
    const dir = scratchDir("stale-foreign");
    synth(dir);
    plantPlan(dir, FIRST);
    const copied = plantPlan(dir, SECOND, FIRST);
    const run = await cli("review", "--fail-on", "high", stackDir(dir, FIRST), stackDir(dir, SECOND));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^${escape(copied)}: the folder of stack ${SECOND} holds the plan of stack ${FIRST} \\(.*input\\.stack ${FIRST}.*\\): a plan copied`));
    // Each stack's own plan passes.
    plantPlan(dir, SECOND);
    expect((await cli("review", "--fail-on", "high", stackDir(dir, FIRST), stackDir(dir, SECOND))).code).toBe(0);
  }, 120_000);

  it("is refused when only the provider block gives it away (no hook input names a stack)", async () => {
    const dir = scratchDir("stale-foreign-provider");
    synth(dir);
    const plan = JSON.parse(planOf(FIRST)) as { resource_changes: { type: string }[] };
    plan.resource_changes = plan.resource_changes.filter((r) => r.type !== "terraform_data");
    const file = path.join(stackDir(dir, SECOND), "plan.json");
    fs.writeFileSync(file, JSON.stringify(plan));
    const run = await cli("review", stackDir(dir, SECOND));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the folder of stack ${SECOND} holds the plan of stack ${FIRST} (the AWS provider's region us-east-1; the AWS provider's allowed_account_ids 111111111111)`);
  }, 120_000);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
