/** Reads and checks a hook's input (CAMPAIGNS_HOOK_INPUT), naming the first bad field. */
import {
  HOOK_INPUT_ENV,
  HookExit,
  type CleanupHookInput,
  type HookInput,
  type HookInputBase,
  type HookKind,
  type OnboardingHookInput,
} from "../hook-contract";
import { HookFailure } from "./errors";
import { ACCOUNT_ID } from "../aws-values";

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string" && v !== "";
const isStringOrNull: Check = (v) => v === null || isString(v);
type Fields<T> = Readonly<Record<Exclude<keyof T, keyof HookInputBase>, [Check, string]>>;

const BASE: Readonly<Record<Exclude<keyof HookInputBase, "kind">, [Check, string]>> = {
  stack: [isString, "a non-empty string"],
  account: [(v) => typeof v === "string" && ACCOUNT_ID.test(v), "a 12-digit account id"],
  region: [(v) => typeof v === "string" && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v), "an AWS region name"],
  instance_id: [isString, "a non-empty string"],
  deploy_role_arn: [isStringOrNull, "an ARN or null"],
};

/** The fields each kind of hook input holds beside the common ones. */
const BY_KIND: { readonly [K in HookKind]: Fields<Extract<HookInput, { kind: K }>> } = {
  "campaigns-onboarding": {
    kms_key_arn: [isStringOrNull, "an ARN or null"],
    onboarding_timeout_seconds: [(v) => typeof v === "number" && v > 0, "a positive number"],
  } satisfies Fields<OnboardingHookInput>,
  "campaigns-cleanup": {
    allow_campaign_deletion: [(v) => typeof v === "boolean", "true or false"],
    backup_dir: [isString, "a non-empty string"],
    backup_s3_bucket: [isStringOrNull, "a bucket name or null"],
  } satisfies Fields<CleanupHookInput>,
};
const KINDS = Object.keys(BY_KIND) as HookKind[];

/**
 * Parses a hook input of either kind; with `expected`, refuses any other kind (an `onboard`
 * command handed a cleanup resource's input is a wiring mistake, not something to guess around).
 */
export function parseHookInput<K extends HookKind = HookKind>(json: string | undefined, expected?: K): Extract<HookInput, { kind: K }> {
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
  const allowed: readonly HookKind[] = expected === undefined ? KINDS : [expected];
  const kind = record.kind as HookKind;
  if (!allowed.includes(kind)) throw fail(`kind must be ${allowed.join(" or ")}, got ${JSON.stringify(record.kind) ?? "nothing"}`);
  for (const [key, [check, what]] of Object.entries({ ...BASE, ...BY_KIND[kind] })) {
    if (!check(record[key])) throw fail(`${key} must be ${what}, got ${JSON.stringify(record[key]) ?? "nothing"}`);
  }
  return record as unknown as Extract<HookInput, { kind: K }>;
}
