import { IConstruct } from "constructs";
import { Token } from "cdktf";
import { tagsProblem } from "../aws-values";
import { checkProp, ValidationError } from "../validation";
import { literal, literalValues } from "../terraform-builtins";
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

/**
 * The role's own settings as Terraform must read them: literally (`${` and `%{` escaped, see
 * `literal`), so that a description or tag is data, never a template Terraform evaluates.
 */
export function roleSettings(props: { readonly customSuffix?: string; readonly description?: string; readonly tags?: Readonly<Record<string, string>> }) {
  return {
    customSuffix: props.customSuffix === undefined ? undefined : literal(props.customSuffix),
    description: props.description === undefined ? undefined : literal(props.description),
    tags: literalValues(props.tags),
  };
}
