import { Testing } from "cdktf";
import { parseRolloutConfig } from "../../modules/rollout";
import { CampaignsTargetStack } from "../../modules/stack";
import { synthJson } from "../support/synth";

const KEPT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const GONE = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";

function synth(target: Record<string, unknown>) {
  const config = { targets: [{ account: "111111111111", region: "us-east-1", ...target }] };
  const json = synthJson(new CampaignsTargetStack(Testing.app(), parseRolloutConfig(JSON.stringify(config), "rollout.json", "/base").targets[0]));
  return json as typeof json & { removed?: { from: string; lifecycle: unknown; provisioner?: Record<string, { command: string; when: string }>[] }[] };
}

/** The addresses of the hook resources (those whose input names a kind), by kind. */
function hookAddresses(json: ReturnType<typeof synth>): Record<string, string[]> {
  const byKind: Record<string, string[]> = {};
  for (const [name, r] of Object.entries(json.resource?.terraform_data ?? {})) {
    const kind = (r.input as { kind?: string }).kind;
    if (kind) (byKind[kind] ??= []).push(`terraform_data.${name}`);
  }
  return byKind;
}

describe("retired instances and targets", () => {
  const live = synth({ instances: [{ id: KEPT }, { id: GONE }] });
  const retired = synth({ instances: [{ id: KEPT }, { id: GONE, retired: true }] });

  it("remove a retired instance's hooks at the very addresses they had, each running its destroy hook", () => {
    const gone = Object.values(hookAddresses(live)).flat().filter((a) => a.includes(GONE));
    expect(retired.removed?.map((r) => r.from).sort()).toEqual(gone.sort());
    expect(retired.removed?.map((r) => [r.lifecycle, r.provisioner?.map((p) => [p["local-exec"].when, p["local-exec"].command.split(" ").pop()])])).toEqual([
      [{ destroy: true }, [["destroy", "cleanup"]]],
      [{ destroy: true }, [["destroy", "offboard"]]],
    ]);
    expect(Object.values(hookAddresses(retired)).flat().some((a) => a.includes(GONE))).toBe(false);
    expect(retired.output?.retired_resources.value).toEqual(retired.removed?.map((r) => r.from));
  });

  it("need Terraform 1.9 only where there is something retired", () => {
    expect(retired.terraform?.required_version).toBe(">= 1.9.0");
    expect(live.terraform?.required_version).toBe(">= 1.5.0");
    expect(live.removed).toBeUndefined();
    expect(live.output?.retired_resources).toBeUndefined();
  });

  it("a retired target removes every instance's hooks and then the role it created, and reads nothing back", () => {
    const target = synth({ instances: [{ id: KEPT }, { id: GONE }], retired: true });
    const role = Object.keys(live.resource?.aws_iam_service_linked_role ?? {}).map((name) => `aws_iam_service_linked_role.${name}`);
    expect(target.removed?.map((r) => r.from).sort()).toEqual([...Object.values(hookAddresses(live)).flat(), ...role].sort());
    expect(target.resource).toBeUndefined();
    expect(target.data).toBeUndefined();
    expect(Object.keys(target.output ?? {})).toEqual(["retired_resources"]);
  });

  it("a retired target that only observed the role leaves it alone", () => {
    const target = synth({ instances: [{ id: KEPT }], retired: true, role: { mode: "observe" } });
    expect(target.removed?.some((r) => r.from.startsWith("aws_iam_service_linked_role."))).toBe(false);
  });
});
