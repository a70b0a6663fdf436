import type { PlanAction } from "./plan-json";

/** What a change does, in the review's words. `replace` covers both orders of delete and create. */
export type ChangeKind = "create" | "update" | "replace" | "delete" | "no-op" | "read" | "forget";

export const CHANGE_KINDS: readonly ChangeKind[] = ["create", "update", "replace", "delete", "no-op", "read", "forget"];

export function changeKind(actions: readonly PlanAction[]): ChangeKind {
  const has = (action: PlanAction) => actions.includes(action);
  if (has("create") && (has("delete") || has("forget"))) return "replace";
  if (has("delete")) return "delete";
  if (has("create")) return "create";
  if (has("update")) return "update";
  if (has("read")) return "read";
  if (has("forget")) return "forget";
  return "no-op";
}

/** Kinds after which the old object is gone: its destroy-time provisioners run. */
export const removesObject = (kind: ChangeKind): boolean => kind === "delete" || kind === "replace";
