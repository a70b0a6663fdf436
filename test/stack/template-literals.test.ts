import * as fs from "node:fs";
import * as path from "node:path";
import { Fn, TerraformStack, Testing, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { loadRolloutConfig, stackIdFor } from "../../modules/rollout";
import { buildApp } from "../../modules/stack";
import { CampaignsServiceLinkedRole } from "../../modules/role";
import { literal } from "../../modules/terraform-builtins";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { LifecycleWorkspace } from "../support/lifecycle";
import { only, synthJson } from "../support/synth";
import { scratchDir } from "../support/terraform";
import { describeWithTools } from "../support/tiers";

/**
 * Config strings and construct props are data: Terraform evaluates `${…}` and runs `%{…}` in every
 * string of a JSON configuration, so each must reach `cdk.tf.json` escaped (`$${`, `%%{`) and come
 * back out of Terraform exactly as written. The plan tier proves the round trip with real Terraform.
 */

/** Template sequences that would read a file of the runner, and run a directive, if evaluated. */
const READS_A_FILE = '${file("/etc/hostname")}';
const DIRECTIVE = "%{ if true }x%{ endif }";
const DESCRIPTION = `owner ${READS_A_FILE} ${DIRECTIVE} $\${path.cwd} 100%`;
const BACKUP_DIR = `backups/${READS_A_FILE}/${DIRECTIVE}`;
const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/** A template sequence Terraform would evaluate: `${` or `%{` not preceded by its escape. */
const UNESCAPED = /(?<![$%])[$%]\{(?!TfToken)/;

describe("literal", () => {
  it.each([
    ["plain text", "plain text"],
    ["${x}", "$${x}"],
    ["%{ if a }b%{ endif }", "%%{ if a }b%%{ endif }"],
    ["$${already}", "$$${already}"],
    ["$ { not a template } 100%", "$ { not a template } 100%"],
  ])("%s -> %s", (raw, escaped) => {
    expect(literal(raw)).toBe(escaped);
  });

  it("leaves cdktf tokens as references and escapes the text around them", () => {
    const token = Token.asString({ resolve: () => "x" });
    expect(literal(`a \${b} ${token} %{c}`)).toBe(`a $\${b} ${token} %%{c}`);
  });
});

describe("synthesized strings are escaped once, in cdk.tf.json", () => {
  it("a config's role description and backup dir, from the config file to cdk.tf.json", () => {
    const root = scratchDir("template-literals");
    const config = {
      defaults: { backend: { type: "local" }, campaignBackup: { dir: BACKUP_DIR } },
      targets: [{ account: "111111111111", region: "us-east-1", role: { mode: "create", description: DESCRIPTION }, instances: [{ id: INSTANCE }] }],
    };
    fs.writeFileSync(path.join(root, "rollout.json"), JSON.stringify(config));
    buildApp(loadRolloutConfig(path.join(root, "rollout.json"), root), {}, path.join(root, "cdktf.out")).synth();
    const text = fs.readFileSync(path.join(root, "cdktf.out", "stacks", stackIdFor("111111111111", "us-east-1"), "cdk.tf.json"), "utf8");
    const json = JSON.parse(text) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const role = only(json.resource.aws_iam_service_linked_role, "aws_iam_service_linked_role");
    expect(role.description).toBe(literal(DESCRIPTION));
    const cleanup = Object.values(json.resource.terraform_data).find((r) => (r.input as { kind: string }).kind === "campaigns-cleanup")!;
    expect((cleanup.input as { backup_dir: string }).backup_dir).toContain(literal(BACKUP_DIR));
    // Whatever else the stack writes, none of the config's strings is left as a template.
    for (const value of [role.description, (cleanup.input as { backup_dir: string }).backup_dir]) expect(value).not.toMatch(UNESCAPED);
  });

  it("construct props: description, tag keys and values; tokens stay references", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "props");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new CampaignsServiceLinkedRole(stack, "role", {
      description: `${DESCRIPTION} in ${Fn.upper("x")}`,
      tags: { [`k${READS_A_FILE}`]: DIRECTIVE },
    });
    const role = only(synthJson(stack).resource?.aws_iam_service_linked_role, "aws_iam_service_linked_role");
    expect(role.description).toBe(`${literal(DESCRIPTION)} in \${upper("x")}`);
    expect(role.tags).toEqual({ [`k${literal(READS_A_FILE)}`]: literal(DIRECTIVE) });
  });
});

describeWithTools("config strings round-trip through terraform plan unchanged", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("a role description and campaignBackup.dir holding ${…} and %{…} plan as written (the JSON plan's values)", async () => {
    const region = "us-east-1";
    const account = await emulatedAccount(emulator(), "444444444490", region);
    const instance = await account.createInstance();
    const ws = new LifecycleWorkspace(emulator(), "template-literals-plan");
    ws.synth({
      defaults: { campaignBackup: { dir: BACKUP_DIR } },
      targets: [{ account: account.account, region, role: { mode: "create", description: DESCRIPTION }, instances: [{ id: instance }] }],
    });
    const stack = stackIdFor(account.account, region);
    await ws.init(stack);
    const plan = (await ws.planJson(stack)) as { planned_values: { root_module: { resources: { type: string; values: Record<string, unknown> }[] } } };
    const resources = plan.planned_values.root_module.resources;
    const role = resources.find((r) => r.type === "aws_iam_service_linked_role")!;
    expect(role.values.description).toBe(DESCRIPTION);
    const cleanup = resources.find((r) => r.type === "terraform_data" && (r.values.input as { kind?: string } | null)?.kind === "campaigns-cleanup")!;
    const backupDir = (cleanup.values.input as { backup_dir: string }).backup_dir;
    expect(backupDir.endsWith(BACKUP_DIR)).toBe(true);
    expect(path.resolve(ws.stackDir(stack), backupDir)).toBe(path.join(ws.dir, BACKUP_DIR));
    // Nothing of the runner's hostname file reached the plan.
    const hostname = fs.readFileSync("/etc/hostname", "utf8").trim();
    if (hostname.length > 3) expect(JSON.stringify(plan.planned_values)).not.toContain(hostname);
  });
});
