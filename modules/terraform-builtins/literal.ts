/**
 * Terraform reads every string of a JSON configuration as a template: `${…}` is evaluated and
 * `%{…}` directives run, in values and in object keys alike (measured with Terraform 1.11: a
 * `terraform_data` input `"${file(\"/etc/hostname\")}"` plans as the file's content, and a key
 * `"k${upper(\"x\")}"` as `kX`). cdktf writes a plain string from a prop as it is, so a string
 * from the config or a construct prop (a role description, a backup directory) could read any
 * file or environment variable of the runner into plans, state and review comments.
 *
 * This is the one place that makes such strings data: every construct of this project hands its
 * raw prop values through {@link literal} / {@link literalValues} before cdktf sees them. Escaping
 * (rather than refusing) keeps every value the user wrote: `$${` and `%%{` are Terraform's own
 * escapes, and Terraform turns them back into `${` and `%{` — the value stored in state, seen by the
 * hooks and by IAM is exactly the prop's.
 *
 * cdktf tokens (`Token.asString(…)`, resource attributes, `Fn.*`) are encoded in strings as
 * `${TfToken[…]}` markers and render as real references: those fragments are left alone, only
 * the literal text around them is escaped. Escape raw values once, before they are handed to cdktf:
 * escaping a synthesized `cdk.tf.json` would break cdktf's own references.
 *
 * Not every string is a template: a backend block's settings are read literally (measured: a local
 * backend `path` of `st$${x}` stays `st$${x}`), so backend settings are never escaped.
 */

/** cdktf's string token marker (`BEGIN_STRING_TOKEN_MARKER … END_TOKEN_MARKER` in cdktf's encoding). */
const STRING_TOKEN = /\$\{TfToken\[[^\]]+\]\}/g;

/** Escapes Terraform's template sequences in literal text. */
const escapeTemplate = (text: string): string => text.replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);

/** `value`, with `${` and `%{` escaped outside cdktf tokens: Terraform reads it back as written. */
export function literal(value: string): string {
  let out = "";
  let last = 0;
  for (const match of value.matchAll(STRING_TOKEN)) {
    out += escapeTemplate(value.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeTemplate(value.slice(last));
}

/**
 * `value` with {@link literal} applied to every string in it, object keys included: arrays and
 * plain objects are copied, numbers, booleans and null kept, anything else (a cdktf resolvable,
 * whose strings are references) left as it is.
 */
export function literalValues<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return literal(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [literal(key), escapeDeep(inner)]));
  }
  return value;
}
