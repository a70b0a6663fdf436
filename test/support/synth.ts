import { Testing } from "cdktf";
import { TerraformStack } from "cdktf";

/** The synthesized JSON of a stack, parsed. */
export function synthJson(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

export interface SynthesizedStack {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
  import?: { to: string; id: string }[];
}

/** The only resource (or data source) of a type; fails the test when there is not exactly one. */
export function only<T extends object = Record<string, unknown>>(blocks: Record<string, Record<string, unknown>> | undefined, type: string): T & { __name: string } {
  const entries = Object.entries(blocks ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  return { ...(entries[0][1] as T), __name: entries[0][0] };
}
