import { IConstruct } from "constructs";
import { Token } from "cdktf";
import { quote } from "../aws-values";

/**
 * A construct's props are wrong: the message names the construct's path and the prop, as
 * aws-cdk-lib's `ValidationError` does — `<construct path>: props.<prop>: <what was expected>`.
 * Thrown at synth (when the construct is built), so a library user learns it before any apply.
 * Every construct of the package throws this one class for bad props.
 */
export class ValidationError extends Error {
  public override readonly name = "ValidationError";

  /**
   * @param scope the construct whose props are wrong
   * @param prop the prop, dotted below `props` (`backup.dir`, `tags.team`)
   * @param problem what was expected, and what was got
   */
  constructor(
    scope: IConstruct,
    public readonly prop: string,
    public readonly problem: string,
  ) {
    super(`${scope.node.path}: props.${prop}: ${problem}`);
    this.constructPath = scope.node.path;
  }

  /** The path of the construct whose props are wrong. */
  public readonly constructPath: string;
}

/** A rule of a value: what is wrong with it ("expected …"), or undefined when it is fine. */
export type ValueRule = (value: string) => string | undefined;

/**
 * Checks a string prop with a rule shared with the config (modules/aws-values); throws a
 * {@link ValidationError} naming the prop. An unset prop and a token (known only at apply) pass:
 * Terraform checks those. The message ends with what was got, unless the rule says it already.
 */
export function checkProp(scope: IConstruct, prop: string, value: unknown, rule: ValueRule): void {
  if (value === undefined || (typeof value === "string" && Token.isUnresolved(value))) return;
  if (typeof value !== "string") throw new ValidationError(scope, prop, `expected a string, got ${typeof value}`);
  const problem = rule(value);
  if (problem) throw new ValidationError(scope, prop, problem.includes(", got ") ? problem : `${problem}, got ${quote(value)}`);
}

/** Refuses props a construct does not take (JavaScript callers get no type check). */
export function refuseProps(scope: IConstruct, props: object, keys: readonly string[], why: string): void {
  for (const key of keys) if ((props as Record<string, unknown>)[key] !== undefined) throw new ValidationError(scope, key, why);
}

/**
 * Throws unless a required prop is set (JavaScript callers get no type check).
 * @param why completes "is required …": `to adopt a role: the ARN of the existing role`
 */
export function requireProp(scope: IConstruct, prop: string, value: unknown, why: string): void {
  if (value === undefined || value === null) throw new ValidationError(scope, prop, `is required ${why}`);
}
