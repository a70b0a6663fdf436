import * as fs from "node:fs";
import { App } from "cdktf";
import { selectTargets } from "../rollout";
import type { ResolvedRollout, StackSelection } from "../rollout";
import { CampaignsTargetStack } from "./campaigns-target-stack";

/** An App with one {@link CampaignsTargetStack} per selected target. */
export function buildApp(rollout: ResolvedRollout, selection: StackSelection = {}, outdir?: string): App {
  // Select first: App() creates the output directory, and a bad selection must write nothing.
  const targets = selectTargets(rollout, selection);
  // cdktf's App creates only the last directory of outdir: `--output out/stacks-a` in a checkout
  // without out/ would end in ENOENT and a stack trace.
  if (outdir !== undefined) fs.mkdirSync(outdir, { recursive: true });
  const app = new App(outdir === undefined ? {} : { outdir });
  for (const target of targets) new CampaignsTargetStack(app, target);
  return app;
}
