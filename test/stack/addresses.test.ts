import * as path from "node:path";
import { capture, CAPTURED_CONFIGS, CUSTOM_STACK, Captured } from "./fixtures/capture-addresses";
import before from "./fixtures/addresses-before.json";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this checkout's modules, as the fixture loaded main's
const now: Captured = capture((modulePath) => require(path.resolve(ROOT, modulePath)), ROOT);
const fixture = before as Captured;

type Blocks = Record<string, Record<string, unknown>>;

/** Every resource and data source of a stack, by address, with its whole block (inputs, depends_on, lifecycle, provisioners). */
function byAddress(stack: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [type, blocks] of Object.entries((stack.resource ?? {}) as Blocks)) for (const [name, block] of Object.entries(blocks)) out[`${type}.${name}`] = block;
  for (const [type, blocks] of Object.entries((stack.data ?? {}) as Blocks)) for (const [name, block] of Object.entries(blocks)) out[`data.${type}.${name}`] = block;
  return out;
}

describe("Terraform addresses of the stacks synthesized before CampaignsInstance (fixture of main at eb41417)", () => {
  const cases = CAPTURED_CONFIGS.flatMap((config) => Object.keys(fixture[config]).map((stack) => [config, stack] as const));

  it("covers created, adopted, observed roles, a KMS key, a retired instance and a retired target", () => {
    expect(cases.length).toBe(8);
    const removed = cases.flatMap(([config, stack]) => (fixture[config][stack].removed as unknown[] | undefined) ?? []);
    expect(removed.length).toBe(5);
  });

  it.each(cases)("%s %s: every resource keeps its address and its block", (config, stack) => {
    const was = byAddress(fixture[config][stack]);
    const is = byAddress(now[config][stack]);
    // New resources may join (an account-wide guard); none of today's may move or change.
    expect(Object.fromEntries(Object.keys(was).map((address) => [address, is[address]]))).toEqual(was);
  });

  it.each(cases)("%s %s: the same import and removed blocks, and outputs", (config, stack) => {
    // A retired role owner also retires its account guard (new since the fixture, listed in
    // retired_resources too): every earlier block and output stays as it was.
    const isGuard = (address: string) => address.startsWith("terraform_data.account-guard_");
    expect(now[config][stack].import).toEqual(fixture[config][stack].import);
    const outputs = structuredClone(now[config][stack].output) as Record<string, { value: unknown }> | undefined;
    const retired = outputs?.retired_resources;
    if (retired && Array.isArray(retired.value)) retired.value = retired.value.filter((a: string) => !isGuard(a));
    expect(outputs).toEqual(fixture[config][stack].output);
    const removed = (now[config][stack].removed as { from: string }[] | undefined) ?? [];
    const added = removed.filter((block) => isGuard(block.from));
    expect(removed.filter((block) => !added.includes(block))).toEqual(fixture[config][stack].removed ?? []);
    expect(added.length).toBeLessThanOrEqual(1);
  });

  it("the custom-stack example moved to CampaignsInstance: only its hooks' addresses change, to those of the instance id", () => {
    const was = Object.keys(byAddress(fixture[CUSTOM_STACK]["contact-center"]));
    const is = Object.keys(byAddress(now[CUSTOM_STACK]["contact-center"]));
    expect(is.filter((a) => !a.startsWith("terraform_data."))).toEqual(was.filter((a) => !a.startsWith("terraform_data.")));
    expect(is.filter((a) => a.startsWith("terraform_data.")).map((a) => a.replace(/_[0-9A-F]{8}$/, ""))).toEqual([
      "terraform_data.campaign-cleanup-3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a_cleanup",
      "terraform_data.onboarding-3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a_kms-key-pin",
      "terraform_data.onboarding-3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a_onboarding",
    ]);
  });
});
