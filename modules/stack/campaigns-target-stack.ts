import * as os from "node:os";
import * as path from "node:path";
import { Construct } from "constructs";
import { App, LocalBackend, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ICampaignsServiceLinkedRole } from "../role";
import { InstanceOnboarding } from "../onboarding";
import { CampaignCleanupHook } from "../destroy-hook";
import { CampaignsAccountGuard } from "../account-guard";
import { addRemovedBlock, addressAt, literalValues, removedAddresses, requireTerraformVersion } from "../terraform-builtins";
import { PROVIDER_SESSION_NAME, RETIRED_RESOURCES_OUTPUT } from "../hook-contract";
import { campaignsRoleFor } from "./campaigns-role-for";
import { hookSettingsFor, ResolvedBackend, ResolvedTarget, stackRelativeConfigPath } from "../rollout";

/** Construct ids: part of every resource address in state, never to be changed. */
const ROLE_ID = "role";
/** The id of the `aws_iam_service_linked_role` inside the created and adopted role constructs (modules/role). */
const ROLE_RESOURCE_ID = "role";
const onboardingId = (instanceId: string) => `onboarding-${instanceId}`;
const cleanupId = (instanceId: string) => `campaign-cleanup-${instanceId}`;
const ACCOUNT_GUARD_ID = "account-guard";

/**
 * The state address of an instance's onboarding resource in its target's stack (what
 * `terraform apply -replace=` takes to onboard it again), from the stack's own construct ids. A
 * scratch stack gives the very address: cdktf's logical ids depend on the construct path below
 * the stack alone, not on the stack.
 */
export function onboardingAddress(instanceId: string): string {
  // The scratch App's outdir exists already: App() creates its outdir, and must not make cdktf.out.
  const scratch = new TerraformStack(new App({ outdir: os.tmpdir(), skipValidation: true }), "onboarding-address");
  return InstanceOnboarding.resourceAddress(scratch, onboardingId(instanceId));
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

    const cleanupHooks: CampaignCleanupHook[] = [];
    for (const { instance, settings } of hookSettingsFor(target, this.stackDir)) {
      if (instance.retired) {
        this.retireInstance(instance.id);
        continue;
      }
      const onboarding = new InstanceOnboarding(this, onboardingId(instance.id), { settings, role: campaignsRole.dependable });
      cleanupHooks.push(new CampaignCleanupHook(this, cleanupId(instance.id), {
        settings,
        dependsOn: [onboarding.resource, campaignsRole.dependable],
      }));
    }
    // A stack that deletes the role checks the whole account first (destroyed before its hooks).
    if (target.role.mode !== "observe") this.accountGuard(campaignsRole, cleanupHooks);

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
      accountTargets: target.accountTargets.map((t) => ({ region: t.region, stack: t.stackId, retired: t.retired })),
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

  /**
   * Both hooks of an instance leave through `removed` blocks: Terraform destroys the cleanup hook
   * first (state records that it depends on the onboarding), so campaigns are backed up and
   * deleted before the instance is offboarded.
   */
  private retireInstance(instanceId: string): void {
    CampaignCleanupHook.retire(this, cleanupId(instanceId));
    InstanceOnboarding.retire(this, onboardingId(instanceId));
  }

  /** Every instance retired, then the role (created or adopted) deleted; nothing is read back. */
  private retireTarget(): void {
    // The guard's removed block first: state records that it depends on every cleanup hook, so
    // Terraform runs it before them, with the input stored at the last apply.
    if (this.target.role.mode !== "observe") CampaignsAccountGuard.retire(this, ACCOUNT_GUARD_ID);
    for (const instance of this.target.instances) this.retireInstance(instance.id);
    if (this.target.role.mode !== "observe") {
      addRemovedBlock(this, { from: addressAt(this, "aws_iam_service_linked_role", [ROLE_ID, ROLE_RESOURCE_ID]) });
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
