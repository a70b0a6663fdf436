import type { ChangeKind } from "../change-kind";
import type { PlanDocument, PlanResourceChange } from "../plan-json";
import type { Risk } from "../risk";

/** A resource change as the rules see it. Rules read values only through `knownAt` (../values). */
export interface RuleSubject {
  readonly resource: PlanResourceChange;
  readonly kind: ChangeKind;
  /**
   * Addresses the stack removes through `removed` blocks, their destroy hooks included (the
   * stack's `retired_resources` output). @default - none
   */
  readonly retired?: ReadonlySet<string>;
}

/**
 * One risk a change can carry (one rule a file, like cdk-nag's rules; `rules/index.ts` lists
 * them). `check` returns the short reason shown beside the change, or undefined when the rule
 * does not apply.
 */
export interface RiskRule {
  readonly id: string;
  readonly risk: Risk;
  /** One line for the docs: when the rule fires. */
  readonly description: string;
  check(subject: RuleSubject): string | undefined;
}

/**
 * A risk of the plan as a whole (one rule a file too; `rules/index.ts` lists them): the stack's
 * findings beside its changes, counted by `--fail-on` like any other.
 */
export interface PlanRule {
  readonly id: string;
  readonly risk: Risk;
  /** One line for the docs: when the rule fires. */
  readonly description: string;
  check(plan: PlanDocument): string | undefined;
}
