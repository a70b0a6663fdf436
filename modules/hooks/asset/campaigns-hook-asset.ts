import * as path from "node:path";
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { HOOK_ASSET_PATH, HOOK_INPUT_ENV, HookCommand } from "../contract";
import { ensureHookBundle } from "./bundle";
import { LinkedFileAsset } from "./linked-file-asset";

/** Each stack's hook asset: one per stack, as its file has one fixed path. */
const hookByStack = new WeakMap<TerraformStack, CampaignsHookAsset>();

/** Properties of {@link CampaignsHookAsset}. */
export interface CampaignsHookAssetProps {
  /**
   * The bundled hook file to ship.
   * @default - the project's bundle, rebuilt first when its sources are newer
   */
  readonly bundlePath?: string;
}

/**
 * The bundled hook runtime, carried by a stack as a cdktf asset, and the `local-exec` commands
 * that run it. One per stack: use {@link CampaignsHookAsset.of}.
 */
export class CampaignsHookAsset extends Construct {
  /** The stack's hook asset (whatever its id and place), created on first use. */
  public static of(scope: Construct): CampaignsHookAsset {
    const stack = TerraformStack.of(scope);
    return hookByStack.get(stack) ?? new CampaignsHookAsset(stack, "campaigns-hook");
  }

  // Not a TerraformAsset (which copies the file into every stack, under a path holding the
  // construct's logical-id hash): a copy in the first stack and hard links in the others, at the
  // fixed HOOK_ASSET_PATH (see LinkedFileAsset).
  private readonly asset: LinkedFileAsset;

  constructor(scope: Construct, id: string, props: CampaignsHookAssetProps = {}) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    // One per stack: a second would write the same fixed path.
    if (hookByStack.has(stack)) throw new Error(`${this.node.path}: a stack carries one CampaignsHookAsset; use CampaignsHookAsset.of(scope)`);
    hookByStack.set(stack, this);
    this.asset = new LinkedFileAsset(this, "bundle", {
      sourcePath: path.resolve(props.bundlePath ?? ensureHookBundle()),
      path: HOOK_ASSET_PATH,
    });
  }

  /** The shell command that runs `command`; relative to the stack directory Terraform runs in. */
  public command(command: HookCommand): string {
    return `node "\${path.module}/${this.asset.path}" ${command}`;
  }

  /**
   * The provisioner environment: the hook's input, from `self` (the only object a destroy-time
   * provisioner may reference). The AWS credentials and endpoint come from Terraform's own
   * environment, never from the configuration.
   */
  public get environment(): Record<string, string> {
    return { [HOOK_INPUT_ENV]: "${jsonencode(self.input)}" };
  }
}
