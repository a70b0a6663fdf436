/**
 * `npm run demo`: the main job of connect-campaigns-iac on the embedded example config, against a
 * local AWS emulator (moto) — no AWS account needed. Starts the emulator, synthesizes
 * examples/rollout.json, applies every stack, creates campaigns, reviews the destroy plan, allows
 * deletion, destroys with backups, and stops everything it started.
 *
 * Needs: terraform >= 1.5 with the AWS provider reachable (registry or mirror), python3 with
 * moto[server] 5.x. Work files go to a temporary directory, printed at the end.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConnectCampaignsClient, CreateCampaignCommand } from "@aws-sdk/client-connectcampaigns";
import { loadRolloutConfig, ResolvedTarget } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { renderMarkdown, reviewPlans } from "../../modules/review";
import { terraformOutput } from "../../modules/terraform-cli";
import { startEmulator, type Emulator } from "../../test/emulator/emulator";
import { terraformAndEmulator } from "../../test/support/all-tools";
import { assumeAccount } from "../../test/emulator/aws-fixtures";

const EXAMPLE = path.join(__dirname, "..", "rollout.json");
const CAMPAIGNS_PER_INSTANCE = 3;

const started = Date.now();
let stepStarted = started;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function step(title: string): void {
  stepStarted = Date.now();
  console.log(`\n▶ ${title}`);
}
function done(detail: string): void {
  console.log(`  ✓ ${detail} (${seconds(Date.now() - stepStarted)})`);
}

function checkTools(): void {
  const tools = terraformAndEmulator();
  if (!tools.ok) {
    console.error(`The demo needs terraform and the AWS emulator: ${tools.reason}`);
    process.exit(1);
  }
}

/** The example config with deletion allowed: what a user changes before destroying for good. */
function withDeletionAllowed(config: string, dir: string): string {
  const document = JSON.parse(fs.readFileSync(config, "utf8")) as { defaults?: Record<string, unknown>; $schema?: string };
  delete document.$schema;
  const file = path.join(dir, "rollout.allow-deletion.json");
  fs.writeFileSync(file, JSON.stringify({ ...document, defaults: { ...document.defaults, allowCampaignDeletion: true } }, null, 2));
  return file;
}

async function seedExample(emulator: Emulator, targets: readonly ResolvedTarget[]): Promise<void> {
  const instances = targets.flatMap((t) => t.instances.map((i) => ({ account: t.account, region: t.region, id: i.id })));
  const kmsKeys = targets.flatMap((t) =>
    t.instances.flatMap((i) => (i.kmsKeyArn ? [{ account: t.account, region: t.region, id: i.kmsKeyArn.split("/").pop()! }] : [])),
  );
  await emulator.seed({ connectInstances: instances, kmsKeys });
}

async function createCampaigns(emulator: Emulator, target: ResolvedTarget): Promise<number> {
  const credentials = await assumeAccount(emulator, target.account);
  const client = new ConnectCampaignsClient({ endpoint: emulator.endpoint, region: target.region, credentials });
  for (const instance of target.instances) {
    for (let n = 1; n <= CAMPAIGNS_PER_INSTANCE; n++) {
      await client.send(
        new CreateCampaignCommand({
          name: `demo-${target.region}-${n}`,
          connectInstanceId: instance.id,
          dialerConfig: { progressiveDialerConfig: { bandwidthAllocation: 1 } },
          outboundCallConfig: { connectContactFlowId: "flow-1", connectQueueId: "queue-1" },
        }),
      );
    }
  }
  return target.instances.length * CAMPAIGNS_PER_INSTANCE;
}

async function main(): Promise<void> {
  checkTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "campaigns-demo-"));
  // cdktf's default local state (terraform.<stack>.tfstate) and the backups land in the work dir.
  process.chdir(work);

  step("Starting the AWS emulator (moto, with the campaigns patches)");
  const emulator = await startEmulator();
  const env = { ...emulator.env };
  // The live review and the SDK calls of this process talk to the emulator too.
  Object.assign(process.env, env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  try {
    let rollout = loadRolloutConfig(EXAMPLE, work);
    await seedExample(emulator, rollout.targets);
    done(`listening on ${emulator.endpoint}; seeded the example's Connect instances and KMS key`);

    const synth = (file: string) => {
      rollout = loadRolloutConfig(file, work);
      buildApp(rollout, {}, path.join(work, "cdktf.out")).synth();
    };
    const stackDir = (t: ResolvedTarget) => path.join(work, "cdktf.out", "stacks", t.stackId);
    const eachStack = (args: string[]) => Promise.all(rollout.targets.map((t) => terraformOutput(stackDir(t), args, env)));

    step("Synthesizing examples/rollout.json");
    synth(EXAMPLE);
    done(rollout.targets.map((t) => t.stackId).join(", "));

    step("terraform init + apply, every stack in parallel (role, onboarding, read-back)");
    await eachStack(["init", "-input=false"]);
    const applies = await eachStack(["apply", "-auto-approve", "-input=false"]);
    for (const [i, t] of rollout.targets.entries()) console.log(`  ${t.stackId}: ${/Apply complete!.*/.exec(applies[i])?.[0]}`);
    done("applied");

    step(`Creating ${CAMPAIGNS_PER_INSTANCE} campaigns per instance (as contact-center admins would)`);
    const counts = await Promise.all(rollout.targets.map((t) => createCampaigns(emulator, t)));
    done(`${counts.reduce((a, b) => a + b, 0)} campaigns`);

    step("Reviewing the destroy plan as a pull request would show it, with the campaigns that exist now (--live)");
    await eachStack(["plan", "-destroy", "-input=false", "-out=tfplan"]);
    console.log(indent(renderMarkdown(await reviewPlans(rollout.targets.map(stackDir), { live: true }))));
    done("reviewed");

    step('Allowing deletion ("allowCampaignDeletion": true), re-synthesizing and applying (updates the hooks\' input in place)');
    synth(withDeletionAllowed(EXAMPLE, work));
    await eachStack(["apply", "-auto-approve", "-input=false"]);
    done("applied");

    step("terraform destroy: the hook backs every campaign up, deletes them, offboards; then the role goes");
    await eachStack(["destroy", "-auto-approve", "-input=false"]);
    const backups = (fs.readdirSync(path.join(work, "campaign-backups"), { recursive: true }) as string[]).filter((f) => f.endsWith(".json"));
    done(`destroyed; ${backups.length} backups under ${path.join(work, "campaign-backups")}`);
    console.log(`\nDone in ${seconds(Date.now() - started)}. Work files: ${work}`);
    console.log("Against a real account, `npx connect-campaigns-iac restore <backup dir>` recreates the campaigns from these backups.");
  } finally {
    await emulator.stop();
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

main().catch((error: unknown) => {
  console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
