import * as fs from "node:fs";
import * as path from "node:path";
import { execFile, execFileSync } from "node:child_process";
import { type Emulator, useEmulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { cli } from "../support/cli";
import { scratchDir } from "../support/terraform";
import { describeWithTools } from "../support/tiers";
import { scaleRollout, scaleStackId, withRetaggedTarget, writeConfig } from "./support/scale-rollout";

const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

export interface PlanReviewRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `connect-campaigns-iac plan-review <args>` in `cwd`, as a pipeline runs it; resolves whatever the exit code. */
export function planReview(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<PlanReviewRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, "plan-review", ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const stackDirOf = (dir: string, id: string) => path.join(dir, "cdktf.out", "stacks", id);
const withPlan = (dir: string) =>
  fs.readdirSync(path.join(dir, "cdktf.out", "stacks")).filter((id) => fs.existsSync(path.join(stackDirOf(dir, id), "tfplan")));

/**
 * `plan-review` with real synths, real `terraform plan` and the emulator: only the stacks a
 * change touches are planned, removed ones are reported high, `--all` plans everything.
 */
describeWithTools("plan-review: plan only what a change touches (real Terraform, emulator)", terraformAndEmulator, () => {
  const running = useEmulator();
  let emulator: Emulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = running();
    env = { ...process.env, ...emulator.env };
  });

  it("plans exactly the one stack whose tags a 100-target PR changes, and review.md names it", async () => {
    const dir = scratchDir("plan-review-one");
    const base = scaleRollout(100, dir);
    writeConfig(path.join(dir, "base.json"), base);
    writeConfig(path.join(dir, "rollout.json"), withRetaggedTarget(base, 42));

    const run = await planReview(dir, ["--config", "rollout.json", "--base-config", "base.json", "--json"], env);
    expect(run.stderr).toContain(`planned 1/1: ${scaleStackId(42)}`);
    expect(run.code).toBe(0);
    expect(withPlan(dir)).toEqual([scaleStackId(42)]);
    // The 99 others have the same target in both configs: not even synthesized.
    expect(fs.readdirSync(path.join(dir, "cdktf.out", "stacks"))).toEqual([scaleStackId(42)]);
    expect(run.stderr).toContain("99 stack(s) with the same target in both configs; synthesizing 1 of the config and 1 of its base");
    const report = JSON.parse(run.stdout);
    expect(report.stacks.map((s: { stack: string; status: string; change: string }) => [s.stack, s.status, s.change])).toEqual([[scaleStackId(42), "planned", "changed"]]);
    expect(report.unchanged).toHaveLength(99);
    expect(report.removed).toEqual([]);
    // Never applied: the role, the onboarding, its KMS key pin, the cleanup hook and the account guard are created; nothing else.
    expect(report.stacks[0].counts).toMatchObject({ create: 5, delete: 0, replace: 0 });
    const review = fs.readFileSync(path.join(dir, "cdktf.out", "review.md"), "utf8");
    expect(review).toContain("Compared with `base.json`: 1 planned (1 changed), 99 unchanged, not planned, 0 removed.");
    expect(review).toContain(`### \`${scaleStackId(42)}\``);
    // An unchanged stack gets no section of its own, only its name in the folded list.
    expect(review).not.toContain(`### \`${scaleStackId(41)}\``);
    expect(review).toContain(`<details><summary>99 unchanged stacks, not planned</summary>\n\n- \`${scaleStackId(0)}\``);
    expect(review).toContain(`- \`${scaleStackId(41)}\`\n- \`${scaleStackId(43)}\``);
  }, 600_000);

  it("a target moved to another wave (nothing its stack holds) is synthesized from both configs, compares unchanged, and is not planned", async () => {
    // The base is synthesized in a scratch folder: its relative paths (backups, here) must come
    // out the same as the PR's, or every stack compared would count as changed.
    const dir = scratchDir("plan-review-wave-move");
    const inWaves = (waves: readonly string[]) => {
      const config = scaleRollout(3, dir);
      return { ...config, waves: [...config.waves, { name: "later", maxConcurrency: 1, failureTolerance: 0 }], targets: config.targets.map((t, i) => ({ ...t, wave: waves[i] })) };
    };
    writeConfig(path.join(dir, "base.json"), inWaves(["all", "all", "later"]));
    writeConfig(path.join(dir, "rollout.json"), inWaves(["all", "later", "later"]));

    const run = await planReview(dir, ["--config", "rollout.json", "--base-config", "base.json", "--json"], env);
    expect(run.stderr).toContain("2 stack(s) with the same target in both configs; synthesizing 1 of the config and 1 of its base");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.stacks).toEqual([]);
    expect(report.unchanged).toHaveLength(3);
    expect(withPlan(dir)).toEqual([]);
  }, 300_000);

  it("lists a target the PR removes as removed, high risk, with the safe path; --fail-on high exits 2", async () => {
    const dir = scratchDir("plan-review-removed");
    const base = scaleRollout(5, dir);
    writeConfig(path.join(dir, "base.json"), base);
    writeConfig(path.join(dir, "rollout.json"), { ...base, targets: base.targets.filter((_, i) => i !== 3) });

    const run = await planReview(dir, ["--config", "rollout.json", "--base-config", "base.json", "--json", "--fail-on", "high"], env);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.risk).toBe("high");
    expect(report.stacks).toEqual([]);
    expect(report.unchanged).toHaveLength(4);
    expect(report.removed).toEqual([
      { stack: scaleStackId(3), account: "200000000003", region: "us-east-1", status: "removed", risk: "high", reason: expect.stringContaining('"retired": true') },
    ]);
    const review = fs.readFileSync(path.join(dir, "cdktf.out", "review.md"), "utf8");
    expect(review).toContain(`| \`${scaleStackId(3)}\` (removed) | 200000000003 | us-east-1 | — | — | — | — | — | 🔴 high |`);
    expect(review).toContain("0 planned, 4 unchanged, not planned, 1 removed");
  }, 300_000);

  it("--base-ref reads the base from git: the config file as it is at that ref", async () => {
    const dir = scratchDir("plan-review-base-ref");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], { cwd: dir, stdio: "pipe" });
    const base = scaleRollout(3, dir);
    writeConfig(path.join(dir, "rollout.json"), base);
    git("init", "-q");
    git("add", "rollout.json");
    git("commit", "-qm", "base");
    writeConfig(path.join(dir, "rollout.json"), { ...base, targets: base.targets.slice(0, 2) });

    const run = await planReview(dir, ["--config", "rollout.json", "--base-ref", "HEAD", "--json"], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ base: "HEAD:rollout.json", risk: "high", unchanged: [scaleStackId(0), scaleStackId(1)] });
    expect(report.removed.map((r: { stack: string }) => r.stack)).toEqual([scaleStackId(2)]);

    const unknown = await planReview(dir, ["--config", "rollout.json", "--base-ref", "no-such-ref"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^plan-review: cannot read rollout\.json at --base-ref no-such-ref: /);
  }, 300_000);

  it("--base-ref with a config the ref does not have yet (new in the PR): every stack is new, and the review says why", async () => {
    const dir = scratchDir("plan-review-base-ref-new");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], { cwd: dir, stdio: "pipe" });
    fs.writeFileSync(path.join(dir, "README"), "before the config\n");
    git("init", "-q");
    git("add", "README");
    git("commit", "-qm", "before the config");
    writeConfig(path.join(dir, "rollout.json"), scaleRollout(1, dir));

    const run = await planReview(dir, ["--config", "rollout.json", "--base-ref", "HEAD", "--json"], env);
    expect(run.stderr).toContain("plan-review: HEAD:rollout.json does not exist: the config is new, every stack of it is new");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ base: "HEAD:rollout.json", baseMissing: true, unchanged: [], removed: [] });
    expect(report.stacks.map((s: { stack: string; change: string }) => [s.stack, s.change])).toEqual([[scaleStackId(0), "new"]]);
    expect(fs.readFileSync(path.join(dir, "cdktf.out", "review.md"), "utf8")).toContain("which does not exist (the config is new): every stack is new: 1 planned (1 new)");
  }, 300_000);

  it("--all plans every stack, two at a time, with progress and each stack's output in its own folder", async () => {
    // Three targets prove "every stack" as well as a hundred would, at a thirtieth of the CI time.
    const dir = scratchDir("plan-review-all");
    const config = scaleRollout(3, dir);
    writeConfig(path.join(dir, "base.json"), config);
    writeConfig(path.join(dir, "rollout.json"), config);

    const run = await planReview(dir, ["--config", "rollout.json", "--base-config", "base.json", "--all", "--parallelism", "2"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Wrote the review of 3 stack(s) to cdktf.out/review.md\n");
    expect(withPlan(dir).sort()).toEqual([0, 1, 2].map(scaleStackId));
    for (const n of [1, 2, 3]) expect(run.stderr).toMatch(new RegExp(`planned ${n}/3: campaigns-2000000000\\d\\d-us-east-1`));
    expect(fs.readFileSync(path.join(stackDirOf(dir, scaleStackId(0)), "plan.log"), "utf8")).toContain("$ terraform plan");
    // The provider comes from the filesystem mirror as a symlink: .terraform holds no copy of it.
    expect(directorySize(path.join(stackDirOf(dir, scaleStackId(0)), ".terraform"))).toBeLessThan(1024 * 1024);
    const review = fs.readFileSync(path.join(dir, "cdktf.out", "review.md"), "utf8");
    expect(review).toContain("3 planned (3 unchanged), 0 unchanged, not planned, 0 removed");
    // Issue 17: --all also checks live what no plan sees: none of these roles or onboardings exists.
    expect(run.stderr).toContain("drift check: 0 in sync, 6 finding(s), 0 not checked");
    expect(review).toContain("### Drift check (what the plans cannot see): 0 of 3 stacks in sync");
    expect(review).toContain(`| 🔴 high | \`${scaleStackId(0)}\` | role-missing |`);
    expect(review).toMatch(new RegExp(`\\| 🔴 high \\| \`${scaleStackId(2)}\` \\| not-onboarded \\| .* -replace=terraform_data\\.onboarding-`));

    // Stale plans, on real plans: the review passes the fresh ones, and refuses, naming the
    // stack, once something that does not clean (an older synth, a test's own) rewrites a cdk.tf.json.
    const stackDirs = [0, 1, 2].map((i) => stackDirOf(dir, scaleStackId(i)));
    expect((await cli("review", "--fail-on", "high", ...stackDirs)).code).toBe(0);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(stackDirs[1], "cdk.tf.json"), later, later);
    const stale = await cli("review", "--fail-on", "high", ...stackDirs);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`stale plan of stack ${scaleStackId(1)}: plan.json`);
  }, 300_000);

  it("reports a stack that fails to plan with its stack, plans the others, and exits 1", async () => {
    const dir = scratchDir("plan-review-failure");
    const config = scaleRollout(2, dir);
    // Observing a role that does not exist fails at plan time: the data source finds nothing.
    const broken = { ...config, targets: config.targets.map((t, i) => (i === 1 ? { ...t, role: { mode: "observe", arn: "arn:aws:iam::200000000001:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_missing" } } : t)) };
    writeConfig(path.join(dir, "rollout.json"), broken);

    const run = await planReview(dir, ["--config", "rollout.json", "--json"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`FAILED`);
    expect(run.stderr).toContain(`plan-review: 1 stack(s) failed to plan: ${scaleStackId(1)}`);
    const report = JSON.parse(run.stdout);
    expect(report.stacks.map((s: { stack: string }) => s.stack)).toEqual([scaleStackId(0)]);
    expect(report.failed).toEqual([expect.objectContaining({ stack: scaleStackId(1), status: "failed", risk: "high", error: expect.stringContaining("terraform plan") })]);
    // Terraform's first diagnostic, not the tail of its output.
    expect(report.failed[0].error).toMatch(/failed: Error: /);

    const text = await planReview(dir, ["--config", "rollout.json"], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("Wrote the review of 1 stack(s), and of 1 that failed to plan, to cdktf.out/review.md\n");
  }, 300_000);

  it("says in one line that AWS credentials are missing before planning anything, exit 1", async () => {
    const dir = scratchDir("plan-review-no-credentials");
    writeConfig(path.join(dir, "rollout.json"), scaleRollout(1, dir));
    const bare = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("AWS_")));
    const run = await planReview(dir, ["--config", "rollout.json"], { ...bare, HOME: dir, AWS_EC2_METADATA_DISABLED: "true" });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines[lines.length - 1]).toMatch(/^plan-review: no AWS credentials for terraform plan \(.+\); set AWS_PROFILE or AWS_ACCESS_KEY_ID/);
    expect(withPlan(dir)).toEqual([]);
  }, 120_000);
});

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    // lstat: a symlink counts as the link, not what it points at (as du does).
    total += entry.isDirectory() ? directorySize(file) : fs.lstatSync(file).size;
  }
  return total;
}
