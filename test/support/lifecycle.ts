import * as fs from "node:fs";
import * as path from "node:path";
import { QUOTA_MULTIPLIER_ENV } from "../../modules/hooks/runtime";
import { loadRolloutConfig, ResolvedRollout, stackIdFor } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import type { Emulator } from "../emulator/emulator";
import { emulatedAccount, EmulatedAccount } from "./account";
import { scratchDir, terraform, TerraformResult } from "./terraform";

/**
 * A rollout synthesized into a scratch directory and driven with real Terraform against the
 * emulator, as a pipeline would: `terraform init`, `apply`, `plan`, `destroy` per stack.
 */
export class LifecycleWorkspace {
  public readonly dir: string;
  public readonly configFile: string;
  public readonly backupDir: string;
  public rollout!: ResolvedRollout;

  /** @param dir an existing directory to work in (e.g. a copy of another workspace) @default a fresh scratch directory */
  constructor(
    private readonly emulator: Emulator,
    prefix = "lifecycle",
    dir?: string,
  ) {
    this.dir = dir ?? scratchDir(prefix);
    this.configFile = path.join(this.dir, "rollout.json");
    this.backupDir = path.join(this.dir, "campaign-backups");
  }

  /**
   * Writes the config and synthesizes every stack. Backups and (unless the config names a backend)
   * local state files live under this workspace, never in the repository. Unless the config says
   * otherwise, stacks act in their accounts through the deploy role arn:aws:iam::{account}:role/terraform-deploy.
   */
  public synth(config: { defaults?: Record<string, unknown> } & Record<string, unknown>): ResolvedRollout {
    const defaults = {
      backend: { type: "local", path: path.join(this.dir, "state", "{account}-{region}.tfstate") },
      // moto's AssumeRole acts in the role's account, as a real deploy role does.
      deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy",
      ...config.defaults,
    };
    fs.writeFileSync(this.configFile, JSON.stringify({ ...config, defaults }, null, 2));
    this.rollout = loadRolloutConfig(this.configFile, this.dir);
    buildApp(this.rollout, {}, path.join(this.dir, "cdktf.out")).synth();
    return this.rollout;
  }

  public stackDir(stackId: string): string {
    return path.join(this.dir, "cdktf.out", "stacks", stackId);
  }

  /**
   * The environment Terraform and the hooks run with: the emulator's endpoint and fake credentials
   * only, and the hooks' pacing at 5x AWS's quotas (the emulator does not enforce them here;
   * bench/ measures the real pacing).
   */
  public get env(): Record<string, string> {
    return { ...this.emulator.env, [QUOTA_MULTIPLIER_ENV]: "5" };
  }

  public async tf(stackId: string, args: string[], env: Record<string, string> = {}): Promise<TerraformResult> {
    return terraform(this.stackDir(stackId), args, { ...this.env, ...env });
  }

  public async init(stackId: string): Promise<void> {
    expectOk(await this.tf(stackId, ["init", "-input=false"]), `init ${stackId}`);
  }

  public async apply(stackId: string): Promise<TerraformResult> {
    return this.tf(stackId, ["apply", "-auto-approve", "-input=false"]);
  }

  public async destroy(stackId: string): Promise<TerraformResult> {
    return this.tf(stackId, ["destroy", "-auto-approve", "-input=false"]);
  }

  /** `terraform plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error. */
  public async planExitCode(stackId: string): Promise<TerraformResult> {
    return this.tf(stackId, ["plan", "-detailed-exitcode", "-input=false"]);
  }

  /** Saves a plan and returns `terraform show -json` of it, parsed. */
  public async planJson(stackId: string, extraArgs: string[] = []): Promise<unknown> {
    expectOk(await this.tf(stackId, ["plan", "-input=false", "-out=tfplan", ...extraArgs]), `plan ${stackId}`);
    const shown = await this.tf(stackId, ["show", "-json", "tfplan"]);
    expectOk(shown, `show ${stackId}`);
    return JSON.parse(shown.stdout);
  }

  /** Terraform outputs of a stack, as plain values. */
  public async outputs(stackId: string): Promise<Record<string, unknown>> {
    const result = await this.tf(stackId, ["output", "-json"]);
    expectOk(result, `output ${stackId}`);
    const outputs = JSON.parse(result.stdout) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.value]));
  }

  /** Resource addresses in the stack's state (empty when the state is empty or absent). */
  public async stateList(stackId: string): Promise<string[]> {
    const result = await this.tf(stackId, ["state", "list"]);
    return result.stdout.split("\n").filter(Boolean);
  }
}

/** Fails with Terraform's own output when a command did not succeed. */
export function expectOk(result: TerraformResult, what: string): void {
  if (result.code !== 0) throw new Error(`terraform ${what} exited ${result.code}:\n${result.stderr || result.stdout}`);
}

/** One target applied: its account's clients, its instance, the workspace and the stack id. */
export interface AppliedTarget {
  readonly account: EmulatedAccount;
  readonly instance: string;
  readonly ws: LifecycleWorkspace;
  readonly stack: string;
}

/**
 * The common start of a lifecycle scenario: a Connect instance in `account`/`region`, a config of
 * that one target (plus `target` settings), synthesized, initialized and applied.
 */
export async function applyOneTarget(
  emulator: Emulator,
  where: { account: string; region: string; prefix: string },
  target: Record<string, unknown> = {},
): Promise<AppliedTarget> {
  const account = await emulatedAccount(emulator, where.account, where.region);
  const instance = await account.createInstance();
  const ws = new LifecycleWorkspace(emulator, where.prefix);
  ws.synth({ targets: [{ account: where.account, region: where.region, instances: [{ id: instance }], ...target }] });
  const stack = stackIdFor(where.account, where.region);
  await ws.init(stack);
  expectOk(await ws.apply(stack), `apply ${stack}`);
  return { account, instance, ws, stack };
}
