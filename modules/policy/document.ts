/** IAM policy documents as this module builds and prints them. */

export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** One IAM policy statement, in the key order AWS prints. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** The step of the pipeline that first needs a statement. */
export type PipelineStep = "plan" | "apply" | "destroy" | "restore" | "state";

/**
 * Whether the lifecycle tests can prove a statement needed against the emulator, or why not.
 * `emulator`: removing it makes `step` fail with AccessDenied under moto's IAM enforcement.
 */
export type Proof = "emulator" | { readonly notEnforced: string };

/** A statement with what the README and the tests need to know about it. */
export interface StatementSpec {
  readonly statement: PolicyStatement;
  readonly step: PipelineStep;
  /** Which code calls the actions, and the AWS documentation the actions and resources come from. */
  readonly source: string;
  readonly proof: Proof;
}

export function policyDocument(specs: readonly StatementSpec[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: specs.map((s) => s.statement) };
}

/** One resource stays a string (as AWS prints it); several stay a sorted, de-duplicated list. */
export function resources(arns: Iterable<string>): string | readonly string[] {
  const unique = [...new Set(arns)].sort();
  return unique.length === 1 ? unique[0] : unique;
}
