import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadRolloutConfig } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import type { SynthesizedStack } from "../support/synth";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "multi-account", "rollout.json");

/** Every stack of the multi-account example, synthesized by the app as `npm run synth` does. */
function synthesizeExample(): Map<string, SynthesizedStack> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "multi-account-"));
  buildApp(loadRolloutConfig(EXAMPLE), {}, outdir).synth();
  const stacksDir = path.join(outdir, "stacks");
  return new Map(fs.readdirSync(stacksDir).map((id) => [id, JSON.parse(fs.readFileSync(path.join(stacksDir, id, "cdk.tf.json"), "utf8")) as SynthesizedStack]));
}

/** The account and Region a stack id names. */
function targetOf(stackId: string): { account: string; region: string } {
  const [, account, region] = /^campaigns-(\d{12})-(.+)$/.exec(stackId)!;
  return { account, region };
}

describe("the multi-account example, end to end in the synthesized JSON", () => {
  const stacks = synthesizeExample();
  const stack = (id: string) => stacks.get(id)!;

  it("has one stack per target", () => {
    expect([...stacks.keys()].sort()).toEqual(
      [
        "111111111111-us-east-1",
        "111111111111-us-west-2",
        "222222222222-eu-west-2",
        "333333333333-us-east-1",
        "444444444444-ca-central-1",
        "555555555555-ap-southeast-2",
        "666666666666-eu-central-1",
      ].map((t) => `campaigns-${t}`),
    );
  });

  it("keeps each target's state in its account's bucket, under its own key, encrypted, locked, through the state role", () => {
    for (const [id, json] of stacks) {
      const { account, region } = targetOf(id);
      expect((json.terraform?.backend as Record<string, unknown>).s3).toEqual({
        bucket: `acme-terraform-state-${account}`,
        key: `connect-campaigns/${account}/${region}/terraform.tfstate`,
        region: "us-east-1",
        encrypt: true,
        use_lockfile: true,
        assume_role: { role_arn: `arn:aws:iam::${account}:role/terraform-state`, session_name: "connect-campaigns-iac" },
      });
    }
  });

  it("deploys each target through its own account's deploy role, pinned to that account and Region", () => {
    for (const [id, json] of stacks) {
      const { account, region } = targetOf(id);
      expect(json.provider?.aws).toEqual([
        expect.objectContaining({
          region,
          allowed_account_ids: [account],
          assume_role: [{ role_arn: `arn:aws:iam::${account}:role/terraform-deploy`, session_name: "connect-campaigns-iac" }],
        }),
      ]);
    }
  });

  it("tags every AWS resource through the only provider's default tags, target tags merged over the defaults'", () => {
    const base = { team: "contact-center", "managed-by": "connect-campaigns-iac", "cost-center": "cc-4711" };
    for (const [id, json] of stacks) {
      const expected = id === "campaigns-222222222222-eu-west-2" ? { ...base, "data-residency": "uk" } : base;
      expect(json.provider?.aws).toHaveLength(1);
      expect(json.provider?.aws[0].default_tags).toEqual([{ tags: expected }]);
    }
  });

  it("creates the role in one Region of an account and observes it in the other", () => {
    expect(stack("campaigns-111111111111-us-east-1").resource?.aws_iam_service_linked_role).toBeDefined();
    expect(stack("campaigns-111111111111-us-west-2").resource?.aws_iam_service_linked_role).toBeUndefined();
  });

  it("hands the hooks the per-account backup bucket", () => {
    const hooks = Object.values(stack("campaigns-333333333333-us-east-1").resource?.terraform_data ?? {}).filter((r) => ["campaigns-onboarding", "campaigns-cleanup"].includes((r.input as { kind?: string }).kind ?? ""));
    // Only the cleanup hook stores backup settings; the onboarding hook stores its own.
    expect(hooks.map((h) => (h.input as { backup_s3_bucket?: string }).backup_s3_bucket)).toEqual(["acme-campaign-backups-333333333333", undefined]);
  });
});
