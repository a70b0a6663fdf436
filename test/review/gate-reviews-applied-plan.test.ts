import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PLAN_JSON_FILE, SAVED_PLAN_FILE } from "../../modules/review";
import { useEmulator, type Emulator } from "../emulator/emulator";
import { terraformAndEmulator } from "../support/all-tools";
import { describeWithTools } from "../support/tiers";
import { PlanScenario, STACK_ID } from "./support/plan-scenario";

const execFileAsync = promisify(execFile);
const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

/**
 * The gate over real plans, through the real `bin/` in a child process as a user runs it in a
 * checkout (the sources under tsx): arming campaign deletion is at least medium, `--live` counts
 * the campaigns it arms (no ERR_UNSUPPORTED_DIR_IMPORT), and `review <stack dir>` reviews the
 * plan that would be applied — a `tfplan` newer than `plan.json`.
 */
/** `connect-campaigns-iac <args>` in a child process, with the emulator's AWS environment. */
async function runBin(emulator: Emulator, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { env: { ...process.env, ...emulator.env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describeWithTools("the gate rates arming campaign deletion (real Terraform, emulator, the real bin)", terraformAndEmulator, () => {
  const emulator = useEmulator();
  const bin = (...args: string[]) => runBin(emulator(), ...args);

  it("allowCampaignDeletion false -> true is medium (--fail-on medium trips), and --live says how many campaigns it arms", async () => {
    const scenario = new PlanScenario(emulator(), "review-armed");
    await scenario.synth({ allowCampaignDeletion: false });
    await scenario.apply();
    await scenario.account!.createCampaigns(scenario.instanceId!, 3, "armed");
    await scenario.synth({ allowCampaignDeletion: true });
    const plan = await scenario.plan();
    fs.writeFileSync(path.join(scenario.stackDir, PLAN_JSON_FILE), JSON.stringify(plan));

    const gated = await bin("review", "--fail-on", "medium", scenario.stackDir);
    expect(gated.code).toBe(2);
    expect(gated.stdout).toContain(`arms campaign deletion for instance ${scenario.instanceId}`);
    expect((await bin("review", "--fail-on", "high", scenario.stackDir)).code).toBe(0);

    const live = await bin("review", "--json", "--live", scenario.stackDir);
    expect(live.stderr).not.toContain("ERR_UNSUPPORTED_DIR_IMPORT");
    expect(live.code).toBe(0);
    const [stack] = JSON.parse(live.stdout).stacks;
    expect(stack.risk).toBe("medium");
    const armed = stack.changes.find((c: { findings: { rule: string }[] }) => c.findings.some((f) => f.rule === "campaign-deletion-armed"));
    expect(armed.findings[0].reason).toMatch(/arms campaign deletion for instance .*; 3 campaigns now$/);
    expect(stack.live).toEqual([
      expect.objectContaining({ instance: scenario.instanceId, allowCampaignDeletion: true, armed: true, campaigns: expect.arrayContaining([expect.objectContaining({ name: "armed-1" })]) }),
    ]);
  });

});

// Its own emulator: the account's campaigns role and stack are this scenario's alone.
describeWithTools("the gate reviews the plan that would be applied (real Terraform, emulator, the real bin)", terraformAndEmulator, () => {
  const emulator = useEmulator();
  const bin = (...args: string[]) => runBin(emulator(), ...args);

  it("a tfplan newer than plan.json is the plan reviewed: plan.json's tag update passes, the destroy in tfplan trips --fail-on high", async () => {
    const scenario = new PlanScenario(emulator(), "review-newer-tfplan");
    await scenario.synth({ role: { mode: "create" } });
    await scenario.apply();
    await scenario.synth({ role: { mode: "create", tags: { team: "cc" } } });
    fs.writeFileSync(path.join(scenario.stackDir, PLAN_JSON_FILE), JSON.stringify(await scenario.plan()));
    expect((await bin("review", "--fail-on", "high", scenario.stackDir)).code).toBe(0);

    // Then, in the same folder, a destroy plan is saved: it is what `terraform apply tfplan` would do.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await scenario.plan(["-destroy"]);
    const planJson = fs.statSync(path.join(scenario.stackDir, PLAN_JSON_FILE));
    expect(fs.statSync(path.join(scenario.stackDir, SAVED_PLAN_FILE)).mtimeMs).toBeGreaterThan(planJson.mtimeMs);
    const run = await bin("review", "--json", "--fail-on", "high", scenario.stackDir);
    expect(run.code).toBe(2);
    const [stack] = JSON.parse(run.stdout).stacks;
    expect(stack).toMatchObject({ stack: STACK_ID, risk: "high" });
    expect(stack.changes.map((c: { rule: string; findings: { rule: string }[] }) => c.findings[0].rule)).toEqual(expect.arrayContaining(["campaigns-role-removed", "instance-offboarded"]));

    // When tfplan cannot be rendered, the review refuses, naming the stack, instead of falling back to plan.json.
    fs.rmSync(path.join(scenario.stackDir, ".terraform"), { recursive: true, force: true });
    const refused = await bin("review", "--fail-on", "high", scenario.stackDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`stack ${STACK_ID}: tfplan is newer than plan.json`);
  });
});
