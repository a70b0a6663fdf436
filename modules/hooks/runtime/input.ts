/** Reads and checks a hook's input (CAMPAIGNS_HOOK_INPUT), naming the first bad field. */
import {
  HOOK_INPUT_ENV,
  HookExit,
  type AccountGuardHookInput,
  type CleanupHookInput,
  type HookInput,
  type HookInputBase,
  type HookKind,
  type OnboardingHookInput,
} from "../contract";
import { HookFailure } from "./errors";
import { ACCOUNT_ID } from "../../aws-values";

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string" && v !== "";
const isStringOrNull: Check = (v) => v === null || isString(v);
/** The fields every kind holds; `instance_id` is the instance hooks' own. */
type Common = Exclude<keyof HookInputBase, "kind" | "instance_id">;
type Fields<T> = Readonly<Record<Exclude<keyof T, Common | "kind">, [Check, string]>>;

const isRegion: Check = (v) => typeof v === "string" && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v);
const isArrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const isAccountTarget: Check = (v) => {
  const t = v as Record<string, unknown> | null;
  return typeof t === "object" && t !== null && isRegion(t.region) && isString(t.stack) && typeof t.retired === "boolean";
};

const BASE: Readonly<Record<Common, [Check, string]>> = {
  stack: [isString, "a non-empty string"],
  account: [(v) => typeof v === "string" && ACCOUNT_ID.test(v), "a 12-digit account id"],
  region: [isRegion, "an AWS region name"],
  deploy_role_arn: [isStringOrNull, "an ARN or null"],
};
const INSTANCE: [Check, string] = [isString, "a non-empty string"];

/** The fields each kind of hook input holds beside the common ones. */
const BY_KIND: { readonly [K in HookKind]: Fields<Extract<HookInput, { kind: K }>> } = {
  "campaigns-onboarding": {
    instance_id: INSTANCE,
    kms_key_arn: [isStringOrNull, "an ARN or null"],
    onboarding_timeout_seconds: [(v) => typeof v === "number" && v > 0, "a positive number"],
  } satisfies Fields<OnboardingHookInput>,
  "campaigns-cleanup": {
    instance_id: INSTANCE,
    allow_campaign_deletion: [(v) => typeof v === "boolean", "true or false"],
    backup_dir: [isString, "a non-empty string"],
    backup_s3_bucket: [isStringOrNull, "a bucket name or null"],
  } satisfies Fields<CleanupHookInput>,
  "campaigns-account-guard": {
    role_arn: [isString, "the ARN of the role the destroy deletes"],
    regions: [(v) => isArrayOf(isRegion)(v) && (v as unknown[]).length > 0, "a non-empty array of AWS region names"],
    instance_ids: [isArrayOf(isString), "an array of instance ids"],
    allow_campaign_deletion: [(v) => typeof v === "boolean", "true or false"],
    account_targets: [isArrayOf(isAccountTarget), "an array of { region, stack, retired }"],
  } satisfies Fields<AccountGuardHookInput>,
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
