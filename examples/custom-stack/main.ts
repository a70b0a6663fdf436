/**
 * Using the constructs in a stack of your own, without the rollout config: the campaigns role
 * (adopting the one onboarding created earlier) and one instance onboarded — its cleanup hook and
 * the destroy order (cleanup, offboarding, role) come with it.
 *
 *   cd examples/custom-stack && npx cdktf synth     (or: node --import tsx main.ts)
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
// In a project of your own: from "connect-campaigns-iac" (the package root; see the README).
import { CampaignsInstance, CampaignsServiceLinkedRole } from "../../modules";

const ACCOUNT = "123456789012";
const REGION = "us-west-2";
const INSTANCE_ID = "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";

export class ContactCenterStack extends TerraformStack {
  constructor(app: App, id: string) {
    super(app, id);
    // The instance's hooks act where and as this provider does: its Region, its one allowed
    // account, and the role it assumes (none here: the caller's identity, for both).
    new AwsProvider(this, "aws", { region: REGION, allowedAccountIds: [ACCOUNT] });

    const role = CampaignsServiceLinkedRole.adopt(this, "campaigns-role", {
      roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns`,
      tags: { team: "contact-center" },
    });

    new CampaignsInstance(this, "contact-center-instance", {
      role,
      instanceId: INSTANCE_ID,
      // Relative to the stack directory (cdktf.out/stacks/<id>), where the hook runs: this
      // example's campaign-backups/, and no absolute path of the checkout in the stack.
      backup: { dir: "../../../campaign-backups" },
    });

    new TerraformOutput(this, "role_arn", { value: role.roleArn });
  }
}

if (require.main === module) {
  const app = new App();
  new ContactCenterStack(app, "contact-center");
  app.synth();
}
