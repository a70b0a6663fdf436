import { lineAndColumn } from "./config-text";
import { jsonPath, type ConfigProblem } from "./problems";
import { quote } from "./quote";

/**
 * Keys of a JSON text that `JSON.parse` would lose without a word: a key given twice in one
 * object (the last one silently wins: `"allowCampaignDeletion": false … true` reads true), and
 * `__proto__` (a JavaScript object cannot hold it as data: the config's own types drop it). Each
 * is refused with its JSON path and line/column.
 *
 * A scan of the token stream of text that `JSON.parse` has already accepted (so it is well-formed):
 * no second parser, no dependency.
 */
export function keyProblems(text: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  type Frame = { readonly path: readonly PropertyKey[] } & ({ readonly kind: "object"; readonly keys: Set<string>; key?: string; expectKey: boolean } | { readonly kind: "array"; index: number });
  const stack: Frame[] = [];
  const valuePath = (): PropertyKey[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.kind === "object" ? [...top.path, top.key ?? ""] : [...top.path, top.index];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "{" || c === "[") {
      const path = valuePath();
      stack.push(c === "{" ? { kind: "object", path, keys: new Set(), expectKey: true } : { kind: "array", path, index: 0 });
      i++;
    } else if (c === "}" || c === "]") {
      stack.pop();
      i++;
    } else if (c === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "object") top.expectKey = true;
      else if (top?.kind === "array") top.index++;
      i++;
    } else if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
      i++;
      const top = stack[stack.length - 1];
      if (top?.kind === "object" && top.expectKey) {
        const key = JSON.parse(text.slice(start, i)) as string;
        const where = lineAndColumn(text.slice(0, start));
        const path = jsonPath([...top.path, key]);
        if (key === "__proto__") problems.push({ path, message: `key "__proto__" is not accepted (at ${where}): JavaScript objects cannot hold it as data, so it would be dropped; use another key` });
        else if (top.keys.has(key)) problems.push({ path, message: `duplicate key ${quote(key)} (again at ${where}): JSON parsers keep only one of them; write each key once` });
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
    } else i++;
  }
  return problems;
}
