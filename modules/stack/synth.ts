import { loadRolloutConfig } from "../rollout";
import type { StackSelection } from "../rollout";
import { buildApp } from "./build-app";
import type { CampaignsTargetStack } from "./campaigns-target-stack";
import { cleanOutdir } from "./clean-outdir";

export interface SynthRequest {
  /** The rollout config file. */
  readonly configFile: string;
  /** Which of its stacks. @default every stack */
  readonly selection?: StackSelection;
  /** Where to write the stacks. @default cdktf's (CDKTF_OUTDIR, else cdktf.out) */
  readonly outdir?: string;
}

export interface SynthResult {
  /** The output directory, as cdktf resolved it. */
  readonly outdir: string;
  /** The stacks written (`<outdir>/stacks/<id>`), in the config's order. */
  readonly stacks: readonly string[];
  /** Stack folders of earlier synths kept because they hold a state file or campaign backups (their plans were removed). */
  readonly kept: readonly string[];
}

/**
 * Synthesizes a rollout config: one stack per selected target. The config and the selection are
 * checked first (a {@link ConfigError} or SelectionError, nothing written); then the output
 * directory is made to hold exactly this synth ({@link cleanOutdir}) and the stacks are written.
 */
export function synthesize(request: SynthRequest): SynthResult {
  const rollout = loadRolloutConfig(request.configFile);
  const app = buildApp(rollout, request.selection, request.outdir);
  const stacks = app.node.children.map((stack) => (stack as CampaignsTargetStack).target.stackId);
  const { kept } = cleanOutdir(app.outdir, stacks);
  app.synth();
  return { outdir: app.outdir, stacks, kept };
}
