import type { PlanChange, ValueMask } from "./plan-json";

/**
 * Reading values of a plan without ever revealing what Terraform marks sensitive. Every value the
 * review prints or reasons on passes through here.
 */

export const SENSITIVE = "(sensitive)";
export const UNKNOWN = "(known after apply)";
export const ABSENT = "(none)";
const MAX_RENDERED = 80;

type Path = readonly (string | number)[];

/** The mask below `path`; `true` anywhere above it covers it whole. */
function maskAt(mask: ValueMask | undefined, path: Path): ValueMask | undefined {
  let current: ValueMask | undefined = mask;
  for (const key of path) {
    if (current === true || current === undefined || current === false) return current;
    current = (current as Record<string | number, ValueMask>)[key];
  }
  return current;
}

/** True when the mask marks the value, or any part of it. */
function anyMarked(mask: ValueMask | undefined): boolean {
  if (mask === true) return true;
  if (mask === undefined || mask === false) return false;
  return Object.values(mask).some(anyMarked);
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export type Side = "before" | "after";

/** How one side of a change shows a value: its value, or why it cannot be shown. */
export type Shown = { readonly state: "known"; readonly value: unknown } | { readonly state: "sensitive" | "unknown" };

/** A value of one side of a change, masked: sensitive (any part of it) and unknown values never come out. */
export function shownAt(change: PlanChange, side: Side, path: Path): Shown {
  const sensitive = side === "before" ? change.before_sensitive : change.after_sensitive;
  if (anyMarked(maskAt(sensitive, path))) return { state: "sensitive" };
  if (side === "after" && anyMarked(maskAt(change.after_unknown, path))) return { state: "unknown" };
  return { state: "known", value: valueAt(change[side], path) };
}

/** A value a rule may reason on: undefined when it is sensitive, unknown or absent. */
export function knownAt(change: PlanChange, side: Side, path: Path): unknown {
  const shown = shownAt(change, side, path);
  return shown.state === "known" ? shown.value : undefined;
}

/** One line for people: compact JSON, cut at {@link MAX_RENDERED} characters. */
export function renderShown(shown: Shown): string {
  if (shown.state !== "known") return shown.state === "sensitive" ? SENSITIVE : UNKNOWN;
  if (shown.value === undefined) return ABSENT;
  const text = JSON.stringify(shown.value);
  return text.length > MAX_RENDERED ? `${text.slice(0, MAX_RENDERED - 1)}…` : text;
}

/** Empty collections and null mean "not set" to the provider: `tags = null` → `{}` is no change. */
function normalized(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === "object" && Object.keys(value).length === 0) return null;
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));

/** A top-level attribute that differs between the two sides, rendered safely. */
export interface AttributeChange {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

/**
 * The top-level attributes an update changes (or drift changed). Sensitive values are compared
 * but shown as {@link SENSITIVE}; attributes whose value is unknown count as changed.
 */
export function changedAttributes(change: PlanChange): AttributeChange[] {
  const record = (value: unknown) => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const before = record(change.before);
  const after = record(change.after);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    const afterShown = shownAt(change, "after", [name]);
    if (afterShown.state !== "unknown" && same(before[name], after[name])) return [];
    return [{ name, before: renderShown(shownAt(change, "before", [name])), after: renderShown(afterShown) }];
  });
}
