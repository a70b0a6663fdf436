// The Terraform built-ins cdktf 0.21 lacks or checks too dearly, rendered as the stacks need them:
// terraform_data, import and removed blocks (as overrides), and one required_version that the removed blocks raise to 1.9.
import { Construct } from "constructs";
import { Testing, TerraformStack } from "cdktf";
import {
  addImportBlock,
  addRemovedBlock,
  addressAt,
  MINIMUM_TERRAFORM_VERSION,
  removedAddresses,
  REMOVED_PROVISIONER_TERRAFORM_VERSION,
  requireTerraformVersion,
  TerraformData,
} from "../../modules/terraform-builtins";

type Synthesized = {
  terraform?: { required_version?: string };
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  import?: { to: string; id: string }[];
  removed?: Record<string, unknown>[];
};

function stackWith(build: (stack: TerraformStack) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  build(stack);
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

describe("terraform built-ins", () => {
  it("terraform_data renders its input and triggers_replace", () => {
    const synthesized = stackWith((stack) => {
      new TerraformData(stack, "hook", { input: { kind: "campaigns-cleanup" }, triggersReplace: { id: "x" } });
    });
    expect(Object.values(synthesized.resource!.terraform_data)).toEqual([expect.objectContaining({ input: { kind: "campaigns-cleanup" }, triggers_replace: { id: "x" } })]);
  });

  it("required_version is the minimum for import blocks unless a removed block raises it to 1.9", () => {
    expect(stackWith((stack) => requireTerraformVersion(stack)).terraform?.required_version).toBe(`>= ${MINIMUM_TERRAFORM_VERSION}`);
    const raised = stackWith((stack) => {
      requireTerraformVersion(stack);
      addRemovedBlock(stack, { from: "terraform_data.gone" });
    });
    expect(raised.terraform?.required_version).toBe(`>= ${REMOVED_PROVISIONER_TERRAFORM_VERSION}`);
  });

  it("an import block names the resource's final address (read at synth, after overrideLogicalId)", () => {
    const synthesized = stackWith((stack) => {
      const data = new TerraformData(stack, "role");
      addImportBlock(data, "AWSServiceRoleForConnectCampaigns");
      data.overrideLogicalId("campaigns_role");
    });
    expect(synthesized.import).toEqual([{ to: "terraform_data.campaigns_role", id: "AWSServiceRoleForConnectCampaigns" }]);
  });

  it("a removed block destroys the address an earlier config created, running its destroy-time local-exec", () => {
    let address = "";
    let stackRef: TerraformStack | undefined;
    const synthesized = stackWith((stack) => {
      stackRef = stack;
      address = addressAt(stack, "terraform_data", ["instance", "onboarding"]);
      addRemovedBlock(stack, { from: address, destroyProvisioners: [{ command: "node hook.cjs offboard", environment: { HOOK_INPUT: "${jsonencode(self.input)}" } }] });
    });
    const created = stackWith((stack) => {
      new TerraformData(new Construct(stack, "instance"), "onboarding");
    });
    expect(Object.keys(created.resource!.terraform_data).map((id) => `terraform_data.${id}`)).toEqual([address]);
    expect(synthesized.removed).toEqual([
      {
        from: address,
        lifecycle: { destroy: true },
        provisioner: [{ "local-exec": { when: "destroy", command: "node hook.cjs offboard", environment: { HOOK_INPUT: "${jsonencode(self.input)}" } } }],
      },
    ]);
    expect(removedAddresses(stackRef!)).toEqual([address]);
  });
});
