import { Construct } from "constructs";
import { DataResource, Fn, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { exactlyOneRolePostconditions, roleTrustPostconditions } from "../modules/role/trust-conditions";
import { CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "../modules/role/service";
import { stackIdFor } from "../modules/rollout/resolved";
import { HOOK_ASSET_PATH } from "../modules/hooks/contract";
import type { BenchConfig, BenchTarget } from "./scale-config";

/** Where the hook would be; the floor writes no file there (it only renders the JSON). */
const HOOK = `node "\${path.module}/${HOOK_ASSET_PATH}"`;

/**
 * The floor of the bench: the same Terraform resources as a CampaignsTargetStack (provider with
 * deploy role and default tags, S3 backend with lockfile, the role or only its reads, the
 * read-back postconditions, two terraform_data hooks and a KMS key pin per instance, four
 * outputs), written with stock cdktf constructs the obvious way — `DataResource`, no config
 * validation, no hook file written. Run under `App({ skipValidation: true })`.
 */
export class FloorStack extends TerraformStack {
  constructor(scope: Construct, target: BenchTarget, defaults: BenchConfig["defaults"]) {
    super(scope, stackIdFor(target.account, target.region));
    const { account, region } = target;
    this.addOverride("terraform.required_version", ">= 1.5.0");
    new S3Backend(this, { bucket: defaults.backend.bucket, key: `connect-campaigns/${account}/${region}/terraform.tfstate`, region: defaults.backend.region, encrypt: true });
    this.addOverride("terraform.backend.s3.use_lockfile", true);
    const deployRoleArn = defaults.deployRoleArn.replace("{account}", account);
    new AwsProvider(this, "aws", {
      region,
      allowedAccountIds: [account],
      assumeRole: [{ roleArn: deployRoleArn, sessionName: "connect-campaigns-iac" }],
      defaultTags: [{ tags: { ...defaults.tags } }],
    });
    const role = target.role.mode === "create" ? new IamServiceLinkedRole(this, "role", { awsServiceName: CAMPAIGNS_SERVICE_PRINCIPAL }) : undefined;
    const accountRoles = new DataAwsIamRoles(this, "account-roles", {
      pathPrefix: CAMPAIGNS_ROLE_PATH,
      dependsOn: role ? [role] : undefined,
      lifecycle: role ? undefined : { postcondition: exactlyOneRolePostconditions },
    });
    const readBack = new DataAwsIamRole(this, "read-back", {
      name: role?.name ?? Fn.one(accountRoles.names),
      dependsOn: [accountRoles, ...(role ? [role] : [])],
      lifecycle: { postcondition: roleTrustPostconditions },
    });
    const environment = { CAMPAIGNS_HOOK_INPUT: "${jsonencode(self.input)}" };
    for (const instance of target.instances) {
      // The same keys as the project's hook inputs (see OnboardingHookInput, CleanupHookInput).
      const common = { stack: this.node.id, account, region, instance_id: instance.id, deploy_role_arn: deployRoleArn };
      const pin = new DataResource(this, `kms-key-pin-${instance.id}`, { input: { kms_key_arn: "none" }, lifecycle: { ignoreChanges: ["input"] } });
      const onboarding = new DataResource(this, `onboarding-${instance.id}`, {
        input: { ...common, kind: "campaigns-onboarding", kms_key_arn: null, onboarding_timeout_seconds: 600 },
        dependsOn: role ? [role] : undefined,
        lifecycle: { precondition: [{ condition: `\${${pin.fqn}.input.kms_key_arn == "none"}`, errorMessage: "the KMS key changed" }] },
        provisioners: [
          { type: "local-exec", command: `${HOOK} onboard`, environment },
          { type: "local-exec", when: "destroy", command: `${HOOK} offboard`, environment },
        ],
      });
      new DataResource(this, `cleanup-${instance.id}`, {
        input: { ...common, kind: "campaigns-cleanup", allow_campaign_deletion: false, backup_dir: "../../../campaign-backups", backup_s3_bucket: null },
        dependsOn: [onboarding, ...(role ? [role] : [])],
        provisioners: [{ type: "local-exec", when: "destroy", command: `${HOOK} cleanup`, environment }],
      });
    }
    new TerraformOutput(this, "role_arn", { value: readBack.arn });
    new TerraformOutput(this, "role_name", { value: readBack.name });
    new TerraformOutput(this, "role_unique_id", { value: readBack.uniqueId });
    new TerraformOutput(this, "campaigns_role_arns", { value: accountRoles.arns });
  }
}
