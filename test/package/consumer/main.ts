// A stack of one's own with the installed package, in TypeScript: what the README's "Using the
// constructs" section shows. test/package/consumer.test.ts compiles it against the packed tarball.
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CampaignsInstance, CampaignsServiceLinkedRole } from "connect-campaigns-iac";
import type { CampaignsInstanceProps, ICampaignsServiceLinkedRole } from "connect-campaigns-iac";
import { CAMPAIGNS_SERVICE_PRINCIPAL } from "connect-campaigns-iac/role-names";

const account = "123456789012";
const region = "us-west-2";

const app = new App({ outdir: "cdktf.out" });
const stack = new TerraformStack(app, "contact-center");
new AwsProvider(stack, "aws", { region, allowedAccountIds: [account] });

// Creates the role: `new` always means "this stack declares and owns it".
const role = new CampaignsServiceLinkedRole(stack, "campaigns-role", { description: `for ${CAMPAIGNS_SERVICE_PRINCIPAL}` });

// One instance: onboarding, KMS key pin and cleanup hook, in the destroy order cleanup ->
// offboarding -> role. Region, account and deploy role are the provider's.
const instance: CampaignsInstanceProps = {
  role,
  instanceId: "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a",
  backup: { dir: "campaign-backups" },
  allowCampaignDeletion: false,
};
new CampaignsInstance(stack, "contact-center-instance", instance);

new TerraformOutput(stack, "role_arn", { value: role.roleArn });

// Another account, where the role exists already: adopt it (an import block; the stack owns it
// from then on). `CampaignsServiceLinkedRole.fromRoleArn(scope, id, arn)` and `fromLookup(scope, id)`
// only observe one instead. Each returns an ICampaignsServiceLinkedRole with the same attributes.
const other = new TerraformStack(app, "contact-center-adopted");
new AwsProvider(other, "aws", { region, allowedAccountIds: ["210987654321"] });
const adopted: ICampaignsServiceLinkedRole = CampaignsServiceLinkedRole.adopt(other, "campaigns-role", {
  roleArn: "arn:aws:iam::210987654321:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns",
});
new TerraformOutput(other, "role_arn", { value: adopted.roleArn });

app.synth();
