import * as path from "node:path";
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { HOOK_INPUT_ENV, HookCommand } from "../hook-contract";
import { ensureHookBundle } from "./bundle";
import { LinkedFileAsset } from "./linked-file-asset";

/**
 * The asset folder's name in place of a content hash. The path must stay the same across hook
 * releases: destroy runs the command of the *current* configuration against resources applied
 * with an older one, and a path that changed with every build would be missing then.
 */
const STABLE_ASSET_HASH = "v1";

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
  /** The stack's hook asset, created on first use. */
  public static of(scope: Construct): CampaignsHookAsset {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild("campaigns-hook") as CampaignsHookAsset | undefined) ?? new CampaignsHookAsset(stack, "campaigns-hook");
  }

  // Not a TerraformAsset (which copies the file into every stack): a copy in the first stack
  // and hard links in the others, at the path TerraformAsset used (see LinkedFileAsset).
  private readonly asset: LinkedFileAsset;

  constructor(scope: Construct, id: string, props: CampaignsHookAssetProps = {}) {
    super(scope, id);
    this.asset = new LinkedFileAsset(this, "bundle", {
      sourcePath: path.resolve(props.bundlePath ?? ensureHookBundle()),
      assetHash: STABLE_ASSET_HASH,
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
