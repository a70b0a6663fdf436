import * as os from "node:os";
import * as path from "node:path";
import { Construct } from "constructs";
import { App, LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CampaignsServiceLinkedRole, ICampaignsServiceLinkedRole } from "../role";
import { CampaignsInstance } from "../instance";
import { CampaignsAccountGuard } from "../hooks/account-guard";
import type { CampaignCleanupHook } from "../hooks/cleanup";
import { addRemovedBlock, literalValues, removedAddresses, requireTerraformVersion } from "../terraform-builtins";
import { PROVIDER_SESSION_NAME, RETIRED_RESOURCES_OUTPUT } from "../hooks/contract";
import { campaignsRoleFor } from "./campaigns-role-for";
import { accountGuardTargetsOf, hookSettingsFor, ResolvedBackend, ResolvedTarget, stackRelativeConfigPath } from "../rollout";

/** Construct ids: part of every resource address in state, never to be changed. */
const ROLE_ID = "role";
/** The instance constructs' ids (their resources' addresses are the instance's own: see CampaignsInstance). */
const instanceConstructId = (instanceId: string) => `instance-${instanceId}`;
const ACCOUNT_GUARD_ID = "account-guard";

/**
 * The state address of an instance's onboarding resource in its target's stack (what
 * `terraform apply -replace=` takes to onboard it again). A scratch stack gives the very address:
 * cdktf's logical ids depend on the construct path below the stack alone, not on the stack.
 */
export function onboardingAddress(instanceId: string): string {
  // The scratch App's outdir exists already: App() creates its outdir, and must not make cdktf.out.
  const scratch = new TerraformStack(new App({ outdir: os.tmpdir(), skipValidation: true }), "onboarding-address");
  return CampaignsInstance.onboardingAddressAt(scratch, instanceId);
}

/**
 * One (account, Region) target: the campaigns role, each Connect instance onboarded, and a
 * destroy hook per instance that cleans up its campaigns before the role goes.
 *
 * Hermetic: the stack holds no path of the checkout. Relative config paths (backups, local
 * state) are written relative to the stack directory, `<outdir>/stacks/<stack id>`, where
 * Terraform and the hooks run; two clones at different paths synthesize the same bytes.
 *
 * Retired instances (and a retired target) are removed with their hooks: `removed` blocks whose
 * destroy-time provisioners back up and delete the campaigns, then offboard.
 */
export class CampaignsTargetStack extends TerraformStack {
  /** The campaigns role; undefined for a retired target (whose apply deletes it). */
  public readonly role?: ICampaignsServiceLinkedRole;
  /** Where Terraform runs this stack: relative paths in the stack are relative to it. */
  public readonly stackDir: string;

  constructor(scope: Construct, public readonly target: ResolvedTarget) {
    super(scope, target.stackId);
    this.stackDir = path.resolve(App.of(this).outdir, "stacks", target.stackId);
    requireTerraformVersion(this);
    this.configureBackend(target.backend);
    new AwsProvider(this, "aws", {
      region: target.region,
      allowedAccountIds: [target.account],
      assumeRole: target.deployRoleArn ? [{ roleArn: target.deployRoleArn, sessionName: PROVIDER_SESSION_NAME }] : undefined,
      // Tags are data: literal, never a template (see `literal`). The backend's settings need no
      // escaping: Terraform reads a backend block literally.
      defaultTags: Object.keys(target.tags).length > 0 ? [{ tags: literalValues({ ...target.tags }) }] : undefined,
    });

    if (target.retired) {
      this.retireTarget();
      this.outputRetired();
      return;
    }
    const campaignsRole = campaignsRoleFor(this, ROLE_ID, target.role);
    this.role = campaignsRole;

    // The Region, account and deploy role come from the provider above (the target's).
    const instances: CampaignsInstance[] = [];
    for (const { instance, settings } of hookSettingsFor(target, this.stackDir)) {
      if (instance.retired) CampaignsInstance.retire(this, instance.id);
      else {
        instances.push(new CampaignsInstance(this, instanceConstructId(instance.id), {
          role: campaignsRole,
          instanceId: instance.id,
          kmsKeyArn: settings.kmsKeyArn,
          allowCampaignDeletion: settings.allowCampaignDeletion,
          backup: { dir: settings.backupDir, s3Bucket: settings.backupS3Bucket },
          onboardingTimeoutSeconds: settings.onboardingTimeoutSeconds,
        }));
      }
    }
    // A stack that deletes the role checks the whole account first (destroyed before its hooks).
    if (target.role.mode !== "observe") this.accountGuard(campaignsRole, instances.map((i) => i.cleanup));

    new TerraformOutput(this, "role_arn", { value: campaignsRole.roleArn, description: "ARN of the campaigns service-linked role, as IAM reports it." });
    new TerraformOutput(this, "role_name", { value: campaignsRole.roleName, description: "Name of the campaigns service-linked role." });
    new TerraformOutput(this, "role_unique_id", { value: campaignsRole.roleUniqueId, description: "Unique id of the campaigns service-linked role." });
    new TerraformOutput(this, "campaigns_role_arns", {
      value: campaignsRole.campaignsRoleArns,
      description: "Every outbound campaigns service-linked role in the account.",
    });
    this.outputRetired();
  }

  private accountGuard(role: ICampaignsServiceLinkedRole, cleanupHooks: readonly CampaignCleanupHook[]): void {
    const { target } = this;
    new CampaignsAccountGuard(this, ACCOUNT_GUARD_ID, {
      stack: target.stackId,
      account: target.account,
      region: target.region,
      deployRoleArn: target.deployRoleArn,
      roleArn: role.roleArn,
      role: role.dependable,
      cleanupHooks,
      allowCampaignDeletion: target.allowCampaignDeletion,
      accountTargets: accountGuardTargetsOf(target),
    });
  }

  /** Lists what the `removed` blocks destroy with their hooks, for the plan review (none: no output). */
  private outputRetired(): void {
    const addresses = removedAddresses(this);
    if (addresses.length === 0) return;
    new TerraformOutput(this, RETIRED_RESOURCES_OUTPUT, {
      value: [...addresses],
      description: "Resources this apply removes through removed blocks, their destroy hooks included (retired instances and targets).",
    });
  }

  /** Every instance retired, then the role (created or adopted) deleted; nothing is read back. */
  private retireTarget(): void {
    // The guard's removed block first: state records that it depends on every cleanup hook, so
    // Terraform runs it before them, with the input stored at the last apply.
    if (this.target.role.mode !== "observe") CampaignsAccountGuard.retire(this, ACCOUNT_GUARD_ID);
    for (const instance of this.target.instances) CampaignsInstance.retire(this, instance.id);
    if (this.target.role.mode !== "observe") {
      addRemovedBlock(this, { from: CampaignsServiceLinkedRole.resourceAddressAt(this, ROLE_ID) });
    }
  }

  private configureBackend(backend: ResolvedBackend): void {
    if (backend.type === "local") {
      // cdktf's default would be an absolute terraform.<stack>.tfstate in the cwd: name the same
      // file relative to the stack directory instead. Never inside cdktf.out (synth cleans it).
      const written = backend.path ?? `terraform.${this.target.stackId}.tfstate`;
      new LocalBackend(this, { path: stackRelativeConfigPath(this.target, written, this.stackDir) });
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
