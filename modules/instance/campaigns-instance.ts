import { Construct } from "constructs";
import { ITerraformDependable, TerraformProvider, TerraformStack, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ICampaignsServiceLinkedRole } from "../role";
import { checkOnboardingSettings, InstanceOnboarding } from "../hooks/onboarding";
import { checkBackupPlaces, CampaignCleanupHook } from "../hooks/cleanup";
import { CampaignsHookAsset } from "../hooks/asset";
import type { CampaignsHookBaseProps } from "../hooks/construct";
import { TerraformData, logicalIdAt } from "../terraform-builtins";
import { accountIdProblem, instanceIdProblem } from "../aws-values";
import { checkProp, requireProp, ValidationError } from "../validation";

/** Where the cleanup hook backs campaigns up before it deletes them. */
export interface CampaignBackupProps {
  /**
   * Local backup root: absolute, or relative to the directory the hook runs in (the stack
   * directory, `cdktf.out/stacks/<stack id>`). `$CAMPAIGN_BACKUP_DIR` overrides it at run time.
   * No default: the backup may be the only copy of a deleted campaign, so you say where it goes.
   */
  readonly dir: string;
  /**
   * Also copy every backup to this S3 bucket (pipelines whose disks vanish).
   * @default - no S3 copy
   */
  readonly s3Bucket?: string;
}

/** Properties of {@link CampaignsInstance}. */
export interface CampaignsInstanceProps {
  /**
   * The campaigns role of the account (`new CampaignsServiceLinkedRole`, `.adopt`, `.fromRoleArn`
   * or `.fromLookup`): onboarding runs after it exists; at destroy, the cleanup and the
   * offboarding run before it goes.
   */
  readonly role: ICampaignsServiceLinkedRole;
  /** The Amazon Connect instance id (a lowercase UUID). Part of the resources' addresses. */
  readonly instanceId: string;
  /**
   * KMS key (in the stack's Region) that encrypts the instance's campaigns data. Fixed once
   * onboarded: a change is refused at plan (see `KMS_KEY_CHANGE_ADVICE`).
   * @default - encryption disabled (`encryptionConfig.enabled = false`)
   */
  readonly kmsKeyArn?: string;
  /**
   * Whether `terraform destroy` may delete the instance's campaigns (each backed up first).
   * Read from state at destroy: apply once after changing it.
   * @default false - destroy stops and lists the campaigns (exit 3)
   */
  readonly allowCampaignDeletion?: boolean;
  /** Where the cleanup hook backs campaigns up. */
  readonly backup: CampaignBackupProps;
  /**
   * How long onboarding may take before apply fails, in seconds (10-3600).
   * @default 600
   */
  readonly onboardingTimeoutSeconds?: number;
  /**
   * The account the instance is in; the hooks refuse to act in another.
   * @default - the stack's AwsProvider's `allowedAccountIds`, when it names exactly one (else required)
   */
  readonly account?: string;
  /**
   * The role the hooks assume. The hooks act as the provider does, so that they never run in
   * another account than the resources around them.
   * @default - the role of the stack's AwsProvider `assumeRole`; the caller's identity when the
   *   provider assumes none (as the provider then does)
   */
  readonly deployRoleArn?: string;
  /**
   * The hook asset that runs the commands.
   * @default - the stack's {@link CampaignsHookAsset}
   */
  readonly hook?: CampaignsHookAsset;
  /**
   * The construct ids, under the same scope, of the `InstanceOnboarding` and `CampaignCleanupHook`
   * a stack of your own onboarded this instance with before this construct: Terraform `moved`
   * blocks carry their state to this construct's addresses (no hook runs, nothing is replaced).
   * Keep it until every state of the stack has been applied once.
   * @default - none: a new instance, or one that `CampaignsTargetStack` made (same addresses already)
   */
  readonly movedFrom?: { readonly onboarding: string; readonly cleanup: string };
}

/**
 * Construct ids of the resources' addresses, keyed by the instance id: those `CampaignsTargetStack`
 * gave the two constructs this one replaced, so stacks applied before keep their addresses.
 */
const onboardingId = (instanceId: string) => `onboarding-${instanceId}`;
const cleanupId = (instanceId: string) => `campaign-cleanup-${instanceId}`;
const ONBOARDING_RESOURCE = "onboarding";
const KMS_KEY_PIN_RESOURCE = "kms-key-pin";
const CLEANUP_RESOURCE = "cleanup";

/** The instances of each scope, by id: two constructs for one instance would share addresses. */
const instancesByScope = new WeakMap<Construct, Map<string, string>>();

/** The stack's default AWS provider (no alias), when it has one. */
function defaultAwsProvider(scope: Construct): AwsProvider | undefined {
  const stack = TerraformStack.of(scope);
  const providers = stack.node.findAll().filter((c): c is TerraformProvider => c instanceof TerraformProvider && c.terraformResourceType === "aws");
  return providers.find((p): p is AwsProvider => p instanceof AwsProvider && p.alias === undefined);
}

/**
 * One Amazon Connect instance onboarded to outbound campaigns, in the order the product rests on:
 * onboarding after the role; at destroy, the campaigns backed up and deleted (cleanup hook), then
 * the instance offboarded, then the role deleted. The caller wires nothing:
 *
 * ```ts
 * const role = new CampaignsServiceLinkedRole(stack, "campaigns-role");
 * new CampaignsInstance(stack, "contact-center", { role, instanceId, backup: { dir: "../../../campaign-backups" } });
 * ```
 *
 * The stack, Region, account and deploy role come from the stack and its `AwsProvider`: the hooks
 * act where and as the provider does. Every prop is checked at synth by the config's rules.
 *
 * It owns its Terraform addresses: they follow the scope and the instance id (not this
 * construct's id), and are those of the constructs it replaced, so a stack applied before it keeps
 * its state. Remove an instance with {@link CampaignsInstance.retire}, never by deleting the
 * construct (Terraform would skip its hooks).
 */
export class CampaignsInstance extends Construct {
  /**
   * Retires, at the next apply, the instance a `CampaignsInstance` in `scope` onboarded: `removed`
   * blocks (Terraform >= 1.9) that back up and delete its campaigns (as `allowCampaignDeletion` in
   * state permits), then offboard it, each with the input in state. Use it instead of deleting the
   * construct.
   */
  public static retire(scope: Construct, instanceId: string, props: CampaignsHookBaseProps = {}): void {
    checkProp(scope, "instanceId", instanceId, instanceIdProblem);
    // The cleanup first: state records that it depends on the onboarding, so Terraform destroys it first anyway.
    CampaignCleanupHook.retire(scope, cleanupId(instanceId), props);
    InstanceOnboarding.retire(scope, onboardingId(instanceId), props);
  }

  /**
   * The state address of the onboarding resource of a `CampaignsInstance` for `instanceId` in
   * `scope` (what `terraform apply -replace=` takes to onboard the instance again).
   */
  public static onboardingAddressAt(scope: Construct, instanceId: string): string {
    return `terraform_data.${logicalIdAt(scope, [onboardingId(instanceId), ONBOARDING_RESOURCE])}`;
  }

  /** The Connect instance id. */
  public readonly instanceId: string;
  /** The role the instance is onboarded with. */
  public readonly role: ICampaignsServiceLinkedRole;
  /** The onboarding (its `resource` onboards at create and offboards at destroy; `kmsKeyPin` holds the key). */
  public readonly onboarding: InstanceOnboarding;
  /** The cleanup hook, destroyed (and so run) before the onboarding and the role. */
  public readonly cleanup: CampaignCleanupHook;

  constructor(scope: Construct, id: string, props: CampaignsInstanceProps) {
    super(scope, id);
    requireProp(this, "role", props.role, "(the campaigns role: onboarding runs after it, and the cleanup before it goes)");
    requireProp(this, "instanceId", props.instanceId, "(the Amazon Connect instance id)");
    requireProp(this, "backup", props.backup, "(where the cleanup hook backs campaigns up before deleting them: { dir })");
    checkProp(this, "instanceId", props.instanceId, instanceIdProblem);
    this.claimInstance(scope, props.instanceId);
    this.instanceId = props.instanceId;
    this.role = props.role;

    const target = { stack: TerraformStack.of(this).node.id, ...this.targetFromProvider(props), instanceId: props.instanceId };
    // Checked here first, so that a message names this construct and its own props.
    checkOnboardingSettings(this, { ...target, kmsKeyArn: props.kmsKeyArn, onboardingTimeoutSeconds: props.onboardingTimeoutSeconds }, "");
    checkBackupPlaces(this, props.backup.dir, props.backup.s3Bucket, { dir: "backup.dir", s3Bucket: "backup.s3Bucket" });
    this.onboarding = new InstanceOnboarding(this, "onboarding", {
      settings: { ...target, kmsKeyArn: props.kmsKeyArn, onboardingTimeoutSeconds: props.onboardingTimeoutSeconds },
      role: props.role,
      hook: props.hook,
    });
    this.cleanup = new CampaignCleanupHook(this, "cleanup", {
      settings: { ...target, allowCampaignDeletion: props.allowCampaignDeletion, backupDir: props.backup.dir, backupS3Bucket: props.backup.s3Bucket },
      // Destroyed first: campaigns go while the instance is onboarded and the role exists.
      dependsOn: [this.onboarding.resource, props.role.dependable],
      hook: props.hook,
    });
    this.ownAddresses(scope, props.movedFrom);
  }

  /** What an account-level construct waits for (at destroy, runs before): this instance's cleanup hook. */
  public get cleanupHook(): ITerraformDependable {
    return this.cleanup.resource;
  }

  /** The `terraform_data` that onboards (and offboards) the instance. */
  public get onboardingResource(): TerraformData {
    return this.onboarding.resource;
  }

  /** The region, account and deploy role of the hooks: the provider's, as documented on the props. */
  private targetFromProvider(props: CampaignsInstanceProps): { region: string; account: string; deployRoleArn?: string } {
    const provider = defaultAwsProvider(this);
    if (!provider) throw new ValidationError(this, "role", "expected the stack to hold an AwsProvider (no alias): the instance's Region, account and deploy role are the provider's");
    const region = provider.region;
    if (region === undefined) throw new ValidationError(this, "role", "expected the stack's AwsProvider to set `region`: the hooks act in the provider's Region");
    const allowed = provider.allowedAccountIds;
    const fromProvider = allowed !== undefined && !Token.isUnresolved(allowed) && allowed.length === 1 ? allowed[0] : undefined;
    const account = props.account ?? fromProvider;
    if (account === undefined) {
      throw new ValidationError(this, "account", "is required when the stack's AwsProvider does not name exactly one account in `allowedAccountIds` (the hooks refuse to act in another account)");
    }
    checkProp(this, "account", account, accountIdProblem);
    if (props.account !== undefined && fromProvider !== undefined && !Token.isUnresolved(fromProvider) && props.account !== fromProvider) {
      throw new ValidationError(this, "account", `expected the provider's account ${fromProvider} (allowedAccountIds), got "${props.account}"`);
    }
    return { region, account, deployRoleArn: props.deployRoleArn ?? this.providerRole(provider) };
  }

  private providerRole(provider: AwsProvider): string | undefined {
    const assumed = provider.assumeRole;
    if (assumed !== undefined && (Token.isUnresolved(assumed) || !Array.isArray(assumed))) {
      throw new ValidationError(this, "deployRoleArn", "is required when the provider's assumeRole is a token: the hooks cannot read the role it assumes");
    }
    if (provider.assumeRoleWithWebIdentity !== undefined) {
      throw new ValidationError(this, "deployRoleArn", "is required when the provider uses assumeRoleWithWebIdentity: the hooks use the environment's credentials and would act as another identity");
    }
    return assumed?.[0]?.roleArn;
  }

  private claimInstance(scope: Construct, instanceId: string): void {
    const claimed = instancesByScope.get(scope) ?? new Map<string, string>();
    instancesByScope.set(scope, claimed);
    const other = claimed.get(instanceId);
    if (other !== undefined) throw new ValidationError(this, "instanceId", `instance ${instanceId} already has a CampaignsInstance in this scope (${other}): both would share its Terraform addresses`);
    claimed.set(instanceId, this.node.path);
  }

  /** The addresses of the layout this construct replaced (scope/onboarding-<id>/…, scope/campaign-cleanup-<id>/cleanup). */
  private ownAddresses(scope: Construct, movedFrom: CampaignsInstanceProps["movedFrom"]): void {
    const resources: [TerraformData, string, string | undefined][] = [
      [this.onboarding.resource, onboardingId(this.instanceId), movedFrom?.onboarding],
      [this.onboarding.kmsKeyPin, onboardingId(this.instanceId), movedFrom?.onboarding],
      [this.cleanup.resource, cleanupId(this.instanceId), movedFrom?.cleanup],
    ];
    const ids = [ONBOARDING_RESOURCE, KMS_KEY_PIN_RESOURCE, CLEANUP_RESOURCE];
    resources.forEach(([resource, owner, earlier], i) => {
      resource.overrideLogicalId(logicalIdAt(scope, [owner, ids[i]]));
      if (earlier === undefined) return;
      if (earlier === owner) throw new ValidationError(this, "movedFrom", `"${earlier}" is already this instance's address: omit movedFrom`);
      // After the override: cdktf reads the move's target address when it is declared.
      resource.moveFromId(`${resource.terraformResourceType}.${logicalIdAt(scope, [earlier, ids[i]])}`);
    });
  }
}
