import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CampaignCleanupHook, CampaignsServiceLinkedRole, InstanceOnboarding } from "../../../modules";
import { CampaignsHookAsset } from "../../../modules/hooks/asset";
import { HOOK_ASSET_PATH } from "../../../modules/hooks/contract";

const SETTINGS = {
  stack: "contact-center",
  account: "123456789012",
  region: "us-west-2",
  instanceId: "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a",
  backupDir: "campaign-backups",
};

interface Ids {
  readonly hook: string;
  readonly role: string;
  readonly onboarding: string;
  readonly cleanup: string;
}

interface Synthesized {
  /** Every local-exec command of the stack's terraform_data resources, sorted. */
  readonly commands: string[];
  readonly hookFile: string;
}

/** A stack of one's own, its constructs under the given ids. */
function synth(ids: Ids): Synthesized {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "fixed-path-")) });
  const stack = new TerraformStack(app, "contact-center");
  new AwsProvider(stack, "aws", { region: SETTINGS.region });
  // The hook asset under an id of the caller's: the onboarding and the cleanup find it.
  new CampaignsHookAsset(stack, ids.hook);
  const role = new CampaignsServiceLinkedRole(stack, ids.role, {});
  const onboarding = new InstanceOnboarding(stack, ids.onboarding, { settings: SETTINGS, role });
  new CampaignCleanupHook(stack, ids.cleanup, { settings: SETTINGS, dependsOn: [onboarding.resource, role.dependable] });
  app.synth();
  const dir = path.join(app.outdir, "stacks", "contact-center");
  const json = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as {
    resource: { terraform_data: Record<string, { provisioner?: { "local-exec": { command: string } }[] }> };
  };
  const commands = Object.values(json.resource.terraform_data).flatMap((data) => (data.provisioner ?? []).map((p) => p["local-exec"].command)); // the KMS key pin has none
  return { commands: commands.sort(), hookFile: path.join(dir, HOOK_ASSET_PATH) };
}

describe("the hook's path in a stack", () => {
  const before = synth({ hook: "campaigns-hook", role: "role", onboarding: "onboarding", cleanup: "cleanup" });
  const after = synth({ hook: "hook-renamed", role: "campaigns-role", onboarding: "onboard-main", cleanup: "cleanup-main" });

  it("is the fixed path, with no construct id or logical-id hash in it", () => {
    expect(HOOK_ASSET_PATH).toBe("assets/campaigns-hook/v1/campaigns-hook.cjs");
    expect(before.commands).toEqual([
      `node "\${path.module}/${HOOK_ASSET_PATH}" cleanup`,
      `node "\${path.module}/${HOOK_ASSET_PATH}" offboard`,
      `node "\${path.module}/${HOOK_ASSET_PATH}" onboard`,
    ]);
    expect(fs.existsSync(before.hookFile)).toBe(true);
  });

  it("survives renaming every construct: a destroy of the earlier stack runs the same commands", () => {
    expect(after.commands).toEqual(before.commands);
    expect(fs.existsSync(after.hookFile)).toBe(true);
  });
});
