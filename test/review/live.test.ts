import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SAVED_PLAN_FILE } from "../../modules/review";
import { REGION, useEmulator, type Emulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { scratchDir } from "../support/terraform";
import { describeWithTools } from "../support/tiers";
import { cli } from "../support/cli";
import { ACCOUNT, PlanScenario, STACK_ID } from "./support/plan-scenario";

const run = promisify(execFile);
const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

/**
 * The review over a plan Terraform has just saved (`tfplan` in the stack directory, rendered by
 * `terraform show -json`), with `--live` listing what the destroy hook would find; and
 * `npm run plan`, which saves the plans and writes the review itself.
 */
describeWithTools("review of fresh plans (real Terraform, emulator)", terraformAndEmulator, () => {
  // --live reads the standard AWS environment, as in a pipeline.
  const running = useEmulator({ defaultChain: true });
  let emulator: Emulator;

  beforeAll(() => {
    emulator = running();
  });

  it("reads tfplan from the stack directory, gates on high, and lists the campaigns the hook would delete", async () => {
    const scenario = new PlanScenario(emulator, "review-live");
    await scenario.synth({ allowCampaignDeletion: true });
    await scenario.apply();
    await scenario.account!.createCampaigns(scenario.instanceId!, 2, "spring-sale");
    await scenario.plan(["-destroy"]);
    expect(fs.existsSync(path.join(scenario.stackDir, SAVED_PLAN_FILE))).toBe(true);

    const run = await cli("review", "--json", "--live", "--fail-on", "high", scenario.stackDir);
    expect(run.code).toBe(2);
    const [stack] = JSON.parse(run.stdout).stacks;
    expect(stack).toMatchObject({ stack: STACK_ID, risk: "high", counts: { delete: 5 } }); // role, onboarding, its KMS key pin, cleanup, account guard
    expect(stack.live).toEqual([
      {
        address: expect.stringMatching(/^terraform_data\.campaign-cleanup-/),
        instance: scenario.instanceId,
        allowCampaignDeletion: true,
        campaigns: [
          { id: expect.any(String), name: "spring-sale-1", state: expect.any(String) },
          { id: expect.any(String), name: "spring-sale-2", state: expect.any(String) },
        ],
      },
    ]);

    const markdown = await cli("review", "--live", scenario.stackDir);
    expect(markdown.stdout).toContain(`**Now on instance \`${scenario.instanceId}\`**`);
    expect(markdown.stdout).toContain("- `spring-sale-1`");
  });

  it("npm run plan (plan-review) synthesizes ROLLOUT_CONFIG, plans each stack and writes cdktf.out/review.md", async () => {
    const account = await emulatedAccount(emulator, ACCOUNT, REGION);
    const dir = scratchDir("plan-review");
    const config = path.join(dir, "rollout.json");
    const backend = { type: "local", path: path.join(dir, "state", "{account}-{region}.tfstate") };
    fs.writeFileSync(config, JSON.stringify({ defaults: { backend }, targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: await account.createInstance() }] }] }));

    const { stdout } = await run(process.execPath, [BIN, "plan-review"], { cwd: dir, env: { ...process.env, ...emulator.env, ROLLOUT_CONFIG: config } });
    expect(stdout).toBe("Wrote the review of 1 stack(s) to cdktf.out/review.md\n");
    const stackDir = path.join(dir, "cdktf.out", "stacks", STACK_ID);
    expect(fs.readdirSync(stackDir)).toEqual(expect.arrayContaining(["plan.json", "tfplan"]));
    const review = fs.readFileSync(path.join(dir, "cdktf.out", "review.md"), "utf8");
    expect(review).toContain(`| \`${STACK_ID}\` | ${ACCOUNT} | ${REGION} | 5 | 0 | 0 | 0 | 0 | 🟢 low |`); // role, onboarding, key pin, cleanup, account guard
  });
});
