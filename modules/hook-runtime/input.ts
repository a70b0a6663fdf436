/** Reads and checks the hook's input (CAMPAIGNS_HOOK_INPUT), naming the first bad field. */
import { HOOK_INPUT_ENV, HookExit, type HookInput, type HookKind } from "../hook-contract";
import { HookFailure } from "./errors";

const KINDS: readonly HookKind[] = ["campaigns-onboarding", "campaigns-cleanup"];

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string" && v !== "";
const isStringOrNull: Check = (v) => v === null || isString(v);

const FIELDS: Readonly<Record<keyof HookInput, [Check, string]>> = {
  kind: [(v) => KINDS.includes(v as HookKind), `one of ${KINDS.join(", ")}`],
  stack: [isString, "a non-empty string"],
  account: [(v) => typeof v === "string" && /^\d{12}$/.test(v), "a 12-digit account id"],
  region: [(v) => typeof v === "string" && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v), "an AWS region name"],
  instance_id: [isString, "a non-empty string"],
  deploy_role_arn: [isStringOrNull, "an ARN or null"],
  kms_key_arn: [isStringOrNull, "an ARN or null"],
  onboarding_timeout_seconds: [(v) => typeof v === "number" && v > 0, "a positive number"],
  allow_campaign_deletion: [(v) => typeof v === "boolean", "true or false"],
  backup_dir: [isString, "a non-empty string"],
  backup_s3_bucket: [isStringOrNull, "a bucket name or null"],
};

export function parseHookInput(json: string | undefined): HookInput {
  const fail = (why: string) => new HookFailure(`bad ${HOOK_INPUT_ENV}: ${why}`, HookExit.usage);
  if (!json) throw fail("not set");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw fail("not a JSON object");
  const record = value as Record<string, unknown>;
  for (const [key, [check, expected]] of Object.entries(FIELDS)) {
    if (!check(record[key])) throw fail(`${key} must be ${expected}, got ${JSON.stringify(record[key]) ?? "nothing"}`);
  }
  return record as unknown as HookInput;
}
