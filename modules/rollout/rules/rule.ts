import type { ConfigProblem } from "../problems";
import type { ResolvedTarget } from "../resolved";
import type { RolloutConfig } from "../schema";

/** What a config rule sees: the parsed file and each target with its defaults applied. */
export interface RuleContext {
  readonly config: RolloutConfig;
  readonly targets: readonly ResolvedTarget[];
}

/**
 * A check across fields or targets that the schema cannot express. One rule a file (like
 * cdk-nag's rules); `rules/index.ts` lists them.
 */
export interface ConfigRule {
  readonly id: string;
  check(context: RuleContext): ConfigProblem[];
}
