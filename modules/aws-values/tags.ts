import { quote } from "./quote";

/**
 * IAM's tag rules (IAM API reference, `Tag`; the same in botocore's IAM model, `tagKeyType` and
 * `tagValueType`): a key of 1-128 characters, a value of 0-256, both only Unicode letters,
 * separators (spaces), numbers and `_ . : / = + - @`; keys starting with `aws:` (any case) are
 * reserved for AWS. Lengths count Unicode characters (code points), not UTF-16 units.
 */
export const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
const RESERVED_PREFIX = /^aws:/i;

/** The same rules as JSON Schema patterns, for editors (ECMAScript regexes with the `u` flag). */
export const TAG_KEY_PATTERN = `^(?![aA][wW][sS]:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,${TAG_KEY_MAX}}$`;
export const TAG_VALUE_PATTERN = `^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,${TAG_VALUE_MAX}}$`;

const ALLOWED = "letters, digits, spaces and _ . : / = + - @";

/** What is wrong with a tag key under IAM's rules, phrased as "expected …"; undefined when it is fine. */
export function tagKeyProblem(key: string): string | undefined {
  const length = [...key].length;
  if (length === 0) return "expected a tag key of 1-128 characters, got an empty key";
  if (length > TAG_KEY_MAX) return `expected a tag key of at most ${TAG_KEY_MAX} characters, got ${length}`;
  if (RESERVED_PREFIX.test(key)) return `expected a tag key not starting with "aws:" (reserved for AWS), got ${quote(key)}`;
  return characterProblem("tag key", key);
}

/** What is wrong with a tag value under IAM's rules; undefined when it is fine. */
export function tagValueProblem(value: string): string | undefined {
  const length = [...value].length;
  if (length > TAG_VALUE_MAX) return `expected a tag value of at most ${TAG_VALUE_MAX} characters, got ${length}`;
  return characterProblem("tag value", value);
}

function characterProblem(what: string, text: string): string | undefined {
  if (TAG_CHARACTERS.test(text)) return undefined;
  const bad = [...text].find((c) => !TAG_CHARACTERS.test(c))!;
  return `expected only ${ALLOWED} in a ${what} (IAM's tag rules), got ${quote(bad)} in ${quote(text)}`;
}

/** The first problem of a set of tags, with the key it is about; undefined when every tag is fine. */
export function tagsProblem(tags: Readonly<Record<string, string>>): { readonly key: string; readonly problem: string } | undefined {
  for (const [key, value] of Object.entries(tags)) {
    const problem = tagKeyProblem(key) ?? tagValueProblem(value);
    if (problem) return { key, problem };
  }
  return undefined;
}
