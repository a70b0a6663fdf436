/**
 * Using the constructs in a stack of your own, without the rollout config: the campaigns role
 * (adopting the one onboarding created earlier), one instance onboarded, and the destroy hook.
 *
 *   cd examples/custom-stack && npx cdktf synth     (or: node --import tsx main.ts)
 */
import * as path from "node:path";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
// In a project of your own: from "connect-campaigns-iac" (the package root; see the README).
import { CampaignCleanupHook, CampaignsServiceLinkedRole, InstanceOnboarding } from "../../modules";

const ACCOUNT = "123456789012";
const REGION = "us-west-2";
const INSTANCE_ID = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";

export class ContactCenterStack extends TerraformStack {
  constructor(app: App, id: string) {
    super(app, id);
    new AwsProvider(this, "aws", { region: REGION, allowedAccountIds: [ACCOUNT] });

    const role = CampaignsServiceLinkedRole.adopt(this, "campaigns-role", {
      roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns`,
      tags: { team: "contact-center" },
    });

    const settings = {
      stack: id,
      account: ACCOUNT,
      region: REGION,
      instanceId: INSTANCE_ID,
      backupDir: path.resolve(__dirname, "campaign-backups"),
      allowCampaignDeletion: false,
    };
    const onboarding = new InstanceOnboarding(this, "onboarding", { settings, role: role.dependable });
    new CampaignCleanupHook(this, "campaign-cleanup", { settings, dependsOn: [onboarding.resource, role.dependable] });

    new TerraformOutput(this, "role_arn", { value: role.roleArn });
  }
}

if (require.main === module) {
  const app = new App();
  new ContactCenterStack(app, "contact-center");
  app.synth();
}
