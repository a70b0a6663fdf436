import { IConstruct } from "constructs";
import { Token } from "cdktf";
import { tagsProblem } from "../aws-values";
import { checkProp, ValidationError } from "../validation";
import { CampaignsRoleArnParts, customSuffixProblem, parseCampaignsRoleArn } from "./role-name";

/**
 * The checks of the role constructs' props, by the rules the config schema uses (the suffix, the
 * ARN, IAM's tag rules, the description's length), each failing with a `ValidationError` that
 * names the construct and the prop. Module-private: the role classes expose none of it.
 */

/** IAM's limit on a role description (the config schema's too). */
export const MAX_DESCRIPTION_LENGTH = 1000;

export function checkSuffix(scope: IConstruct, customSuffix: string | undefined): void {
  checkProp(scope, "customSuffix", customSuffix, customSuffixProblem);
}

/** The parts of a role ARN prop; undefined for a token (known only at apply). */
export function parseRoleArnProp(scope: IConstruct, prop: string, roleArn: string): CampaignsRoleArnParts | undefined {
  if (Token.isUnresolved(roleArn)) return undefined;
  const parts = parseCampaignsRoleArn(roleArn);
  if (typeof parts === "string") throw new ValidationError(scope, prop, parts);
  return parts;
}

/** The description and tags every role that the stack manages takes. */
export function checkRoleSettings(scope: IConstruct, props: { readonly description?: string; readonly tags?: Readonly<Record<string, string>> }): void {
  checkProp(scope, "description", props.description, (d) => (d.length > MAX_DESCRIPTION_LENGTH ? `expected at most ${MAX_DESCRIPTION_LENGTH} characters, got ${d.length}` : undefined));
  if (props.tags === undefined || Token.isUnresolved(props.tags)) return;
  const resolved = Object.fromEntries(Object.entries(props.tags).filter(([key, value]) => !Token.isUnresolved(key) && !Token.isUnresolved(value)));
  const problem = tagsProblem(resolved);
  if (problem) throw new ValidationError(scope, `tags[${JSON.stringify(problem.key)}]`, problem.problem);
}
