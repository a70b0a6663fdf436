/**
 * Failures the hook reports as one line, naming the stack, instance, operation and AWS error.
 * The message is built from the error's name and message only: never the request, the SDK
 * config or the environment, which may hold credentials.
 */
import { HookExit } from "../contract";

export type HookExitCode = (typeof HookExit)[keyof typeof HookExit];

/** An expected failure: `message` is the whole story, printed without a stack trace. */
export class HookFailure extends Error {
  constructor(message: string, readonly exitCode: HookExitCode = HookExit.failed) {
    super(message);
    this.name = "HookFailure";
  }
}

/** Where a call was made: printed in front of every failure. */
export interface Scope {
  readonly stack: string;
  readonly instance?: string;
}

export function describeScope(scope: Scope): string {
  return scope.instance ? `stack ${scope.stack}, instance ${scope.instance}` : `stack ${scope.stack}`;
}

interface AwsErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/** The AWS error code (the SDK's exception name), or "Error" for anything else. */
export function errorCode(error: unknown): string {
  const name = (error as AwsErrorShape | null)?.name;
  return typeof name === "string" ? name : "Error";
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === "ResourceNotFoundException";
}

/** The campaign is in a state that does not allow the operation (stop a stopped campaign...). */
export function isWrongState(error: unknown): boolean {
  const code = errorCode(error);
  return code === "InvalidCampaignStateException" || code === "ConflictException";
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { $metadata } = error as AwsErrorShape;
  const http = $metadata?.httpStatusCode ? `HTTP ${$metadata.httpStatusCode}` : "";
  const attempts = ($metadata?.attempts ?? 0) > 1 ? `${$metadata?.attempts} attempts` : "";
  const detail = [http, attempts].filter(Boolean).join(", ");
  return `${errorCode(error)}: ${error.message}${detail ? ` (${detail})` : ""}`;
}

/** Runs one AWS call; a failure becomes a {@link HookFailure} naming where and what. */
export async function awsCall<T>(scope: Scope, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AwsCallFailure(scope, operation, error);
  }
}

/** A failed AWS call; keeps the original error so callers can still test its code. */
export class AwsCallFailure extends HookFailure {
  constructor(scope: Scope, readonly operation: string, readonly awsError: unknown) {
    super(`${describeScope(scope)}: ${operation} failed: ${describeError(awsError)}`);
  }
}

/** The AWS error behind a failure, for code tests (`isNotFound(causeOf(e))`). */
export function causeOf(error: unknown): unknown {
  return error instanceof AwsCallFailure ? error.awsError : error;
}
