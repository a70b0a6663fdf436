// The same kind of stack from plain JavaScript (CommonJS, no build step), plus the app's own
// stacks built from a rollout config through the package's subpath entries.
const { App, TerraformOutput, TerraformStack } = require("cdktf");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { CampaignsInstance, CampaignsServiceLinkedRole } = require("connect-campaigns-iac");
const { loadRolloutConfig } = require("connect-campaigns-iac/config");
const { buildApp } = require("connect-campaigns-iac/app");

const app = new App({ outdir: "cdktf.out-js" });
const stack = new TerraformStack(app, "call-center");
new AwsProvider(stack, "aws", { region: "eu-west-2" });
const role = new CampaignsServiceLinkedRole(stack, "role", { customSuffix: "calls" });
// The provider names no account: the instance takes it as a prop.
new CampaignsInstance(stack, "instance", { role, instanceId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", account: "210987654321", backup: { dir: "backups" } });
new TerraformOutput(stack, "role_name", { value: role.roleName });

// Only observing the role another stack owns: nothing managed, the plan checks it exists.
const observer = new TerraformStack(app, "call-center-observer");
new AwsProvider(observer, "aws", { region: "eu-west-2" });
const observed = CampaignsServiceLinkedRole.fromLookup(observer, "role");
new TerraformOutput(observer, "role_arn", { value: observed.roleArn });
pinAwsProvider(app);
app.synth();

// The rollout app, from the config the package embeds as its example.
const rollout = loadRolloutConfig(require.resolve("connect-campaigns-iac/package.json").replace("package.json", "examples/rollout.json"));
const rolloutApp = buildApp(rollout, {}, "cdktf.out-rollout");
pinAwsProvider(rolloutApp);
rolloutApp.synth();

/**
 * Where only one AWS provider version is at hand (a mirror), pin the stacks to it: CDK Terrain's
 * binding asks for the 6.x it was generated from; the mirror here holds 5.100.0, which the
 * resources these constructs use validate against (test/package/cdktn-consumer.test.ts).
 */
function pinAwsProvider(anApp) {
  const version = process.env.AWS_PROVIDER_VERSION;
  if (!version) return;
  for (const stack of anApp.node.children.filter(TerraformStack.isStack)) stack.addOverride("terraform.required_providers.aws.version", version);
}
