import type { z } from "zod";

/** The parts of zod's definitions this walk reads (zod 4 keeps them under `_zod.def`). */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly values?: readonly unknown[];
  readonly in?: Schema;
}
type Schema = { readonly _zod: { readonly def: Def } };

/**
 * The keys `schema` allows for the object at `path` — the candidates for "did you mean" when a
 * config has a key the schema does not know. Where the path leads into a union of objects (role
 * modes, backend types), the option whose literal fields (`"mode": "adopt"`) match `input`, the
 * object as written, gives the keys.
 */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let candidates: Schema[] = [schema as unknown as Schema];
  for (const segment of path) candidates = candidates.flatMap(unwrap).flatMap((s) => child(s, segment));
  const objects = candidates.flatMap(unwrap).filter((s) => s._zod.def.type === "object");
  const matching = objects.filter((s) => literalsMatch(s, input));
  return [...new Set((matching.length > 0 ? matching : objects).flatMap((s) => Object.keys(s._zod.def.shape ?? {})))];
}

/** A schema without its optional/default/pipe wrappers, unions spread into their options. */
function unwrap(schema: Schema): Schema[] {
  const def = schema._zod.def;
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function child(schema: Schema, segment: PropertyKey): Schema[] {
  const def = schema._zod.def;
  if (def.type === "array" && def.element) return [def.element];
  if (def.type === "record" && def.valueType) return [def.valueType];
  const field = def.type === "object" ? def.shape?.[String(segment)] : undefined;
  return field ? [field] : [];
}

function literalsMatch(schema: Schema, input: unknown): boolean {
  const record = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  return Object.entries(schema._zod.def.shape ?? {}).every(([key, field]) => {
    const def = field._zod.def;
    return def.type !== "literal" || (def.values ?? []).includes(record[key]);
  });
}
