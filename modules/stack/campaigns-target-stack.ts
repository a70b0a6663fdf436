import { Construct } from "constructs";
import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ICampaignsServiceLinkedRole } from "../role";
import { InstanceOnboarding } from "../onboarding";
import { CampaignCleanupHook } from "../destroy-hook";
import { requireTerraformVersion } from "../terraform-builtins";
import { PROVIDER_SESSION_NAME } from "../hook-contract";
import { campaignsRoleFor } from "./campaigns-role-for";
import { hookSettingsFor, ResolvedBackend, ResolvedTarget } from "../rollout";


/**
 * One (account, Region) target: the campaigns role, each Connect instance onboarded, and a
 * destroy hook per instance that cleans up its campaigns before the role goes.
 */
export class CampaignsTargetStack extends TerraformStack {
  public readonly role: ICampaignsServiceLinkedRole;

  constructor(scope: Construct, public readonly target: ResolvedTarget) {
    super(scope, target.stackId);
    requireTerraformVersion(this);
    this.configureBackend(target.backend);
    new AwsProvider(this, "aws", {
      region: target.region,
      allowedAccountIds: [target.account],
      assumeRole: target.deployRoleArn ? [{ roleArn: target.deployRoleArn, sessionName: PROVIDER_SESSION_NAME }] : undefined,
      defaultTags: Object.keys(target.tags).length > 0 ? [{ tags: { ...target.tags } }] : undefined,
    });

    this.role = campaignsRoleFor(this, "role", target.role);

    for (const { instance, settings } of hookSettingsFor(target)) {
      const onboarding = new InstanceOnboarding(this, `onboarding-${instance.id}`, { settings, role: this.role.dependable });
      new CampaignCleanupHook(this, `campaign-cleanup-${instance.id}`, {
        settings,
        dependsOn: [onboarding.resource, this.role.dependable],
      });
    }

    new TerraformOutput(this, "role_arn", { value: this.role.roleArn, description: "ARN of the campaigns service-linked role, as IAM reports it." });
    new TerraformOutput(this, "role_name", { value: this.role.roleName, description: "Name of the campaigns service-linked role." });
    new TerraformOutput(this, "role_unique_id", { value: this.role.roleUniqueId, description: "Unique id of the campaigns service-linked role." });
    new TerraformOutput(this, "campaigns_role_arns", {
      value: this.role.campaignsRoleArns,
      description: "Every outbound campaigns service-linked role in the account.",
    });
  }

  private configureBackend(backend: ResolvedBackend): void {
    if (backend.type === "local") {
      // Without a path, cdktf's default local state (terraform.<stack>.tfstate) applies.
      if (backend.path !== undefined) new LocalBackend(this, { path: backend.path });
      return;
    }
    new S3Backend(this, {
      bucket: backend.bucket,
      key: backend.key,
      region: backend.region,
      encrypt: backend.encrypt,
      assumeRole: backend.roleArn ? { roleArn: backend.roleArn, sessionName: PROVIDER_SESSION_NAME } : undefined,
    });
    // cdktf 0.21's S3BackendConfig has no use_lockfile (S3-native locking, Terraform >= 1.10).
    if (backend.useLockfile) this.addOverride("terraform.backend.s3.use_lockfile", true);
  }
}
