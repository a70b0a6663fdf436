import * as fs from "node:fs";
import * as path from "node:path";
import { REGION, type Emulator } from "../../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../../support/account";
import { expectOk, LifecycleWorkspace } from "../../support/lifecycle";

/** moto's default account: requests signed with any key land there. */
export const ACCOUNT = "123456789012";
export const STACK_ID = `campaigns-${ACCOUNT}-${REGION}`;

/** The parts of a one-target rollout config that the review scenarios vary. */
export interface ScenarioConfig {
  readonly role?: Record<string, unknown>;
  readonly allowCampaignDeletion?: boolean;
}

/**
 * One stack (account 123456789012, us-east-1, one Connect instance) driven with real Terraform
 * against the emulator, to produce real `terraform show -json` plans for the review.
 */
export class PlanScenario {
  public readonly workspace: LifecycleWorkspace;
  public account?: EmulatedAccount;
  public instanceId?: string;

  constructor(
    private readonly emulator: Emulator,
    prefix = "review",
  ) {
    this.workspace = new LifecycleWorkspace(emulator, prefix);
  }

  public get stackDir(): string {
    return this.workspace.stackDir(STACK_ID);
  }

  /** Synthesizes the stack (creating its Connect instance the first time) and runs `init` when needed. */
  public async synth(config: ScenarioConfig = {}): Promise<void> {
    this.account ??= await emulatedAccount(this.emulator, ACCOUNT, REGION);
    this.instanceId ??= await this.account.createInstance();
    this.workspace.synth({
      defaults: { allowCampaignDeletion: config.allowCampaignDeletion ?? false },
      targets: [{ account: ACCOUNT, region: REGION, role: config.role ?? { mode: "create" }, instances: [{ id: this.instanceId }] }],
    });
    if (!fs.existsSync(path.join(this.stackDir, ".terraform"))) await this.workspace.init(STACK_ID);
  }

  public async apply(): Promise<void> {
    expectOk(await this.workspace.apply(STACK_ID), `apply ${STACK_ID}`);
  }

  /** Saves `tfplan` in the stack directory and returns `terraform show -json` of it. */
  public async plan(extraArgs: string[] = []): Promise<unknown> {
    return this.workspace.planJson(STACK_ID, extraArgs);
  }
}
