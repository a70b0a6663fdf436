import * as fs from "node:fs";
import * as path from "node:path";
import { parseRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { scratchDir } from "../support/terraform";
import { FIXTURES } from "./support/plans";
import { ACCOUNT, STACK_ID } from "./support/plan-scenario";

/**
 * The real plans under fixtures/ must be plans today's stacks can produce: each fixture's
 * `configuration` section (what Terraform read from cdk.tf.json) is compared with a fresh synth of
 * the same target — the resources and data sources, and each hook's input keys. When a stack
 * gains a resource or a hook input, this fails until the fixtures are regenerated:
 * `node --import tsx test/review/fixtures/generate.ts` (real Terraform against the emulator).
 */

interface ConfigResource {
  readonly address: string;
  readonly expressions?: { readonly input?: { readonly constant_value?: Record<string, unknown> } };
}
interface Fixture {
  readonly configuration: { readonly root_module: { readonly resources: readonly ConfigResource[] } };
}

const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as Fixture;

/** The instance id the fixture's stack was synthesized with (from its hook addresses). */
const instanceOf = (fixture: Fixture) => /onboarding-([0-9a-f-]{36})_/.exec(fixture.configuration.root_module.resources.map((r) => r.address).join(" "))?.[1];

/** Resource addresses with the instance id made generic, and each terraform_data's input keys. */
function shape(resources: readonly { address: string; inputKeys?: readonly string[] }[], instance: string): string[] {
  return resources.map((r) => `${r.address.split(instance).join("<instance>")}${r.inputKeys ? ` {${[...r.inputKeys].sort().join(",")}}` : ""}`).sort();
}

/** The same shape from a fresh synth of the fixture's target. */
function freshShape(instance: string, role: Record<string, unknown>): string[] {
  const dir = scratchDir("fixtures-fresh");
  const rollout = parseRolloutConfig(JSON.stringify({ targets: [{ account: ACCOUNT, region: "us-east-1", role, instances: [{ id: instance }] }] }), path.join(dir, "rollout.json"), dir);
  buildApp(rollout, {}, path.join(dir, "cdktf.out")).synth();
  const json = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "stacks", STACK_ID, "cdk.tf.json"), "utf8")) as Record<string, Record<string, Record<string, { input?: Record<string, unknown> }>> | undefined>;
  const entries = (blocks: Record<string, Record<string, { input?: Record<string, unknown> }>> | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => ({ address: `${prefix}${type}.${name}`, inputKeys: body.input ? Object.keys(body.input) : undefined })));
  return shape([...entries(json.resource, ""), ...entries(json.data, "data.")], instance);
}

describe("the review's real plan fixtures are those of today's stacks", () => {
  it.each(names)("%s: its configuration is today's synth (resources, data sources, hook inputs)", (name) => {
    const fixture = read(name);
    const instance = instanceOf(fixture);
    expect(instance).toBeDefined();
    const recorded = shape(
      fixture.configuration.root_module.resources.map((r) => ({ address: r.address, inputKeys: r.address.startsWith("terraform_data.") ? Object.keys(r.expressions?.input?.constant_value ?? {}) : undefined })),
      instance!,
    );
    expect(recorded).toEqual(freshShape(instance!, { mode: "create", customSuffix: "blue" }));
  });
});
