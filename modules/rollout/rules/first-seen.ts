import type { ConfigProblem } from "../problems";

/**
 * The "first seen" check of the rules that want something once (a target, an instance, a wave
 * name, a state object, a role owner): the first item with a key is the reference, and every later
 * one is reported against it. `key` returns undefined for items the rule does not look at;
 * `report` may return undefined to stay silent about a repeat (another rule's finding).
 */
export function repeatsOfFirst<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
  report: (repeat: { item: T; index: number }, first: { item: T; index: number }, key: string) => ConfigProblem | undefined,
): ConfigProblem[] {
  const first = new Map<string, number>();
  return items.flatMap((item, index) => {
    const k = key(item);
    if (k === undefined) return [];
    const earlier = first.get(k);
    if (earlier === undefined) {
      first.set(k, index);
      return [];
    }
    const problem = report({ item, index }, { item: items[earlier], index: earlier }, k);
    return problem ? [problem] : [];
  });
}
