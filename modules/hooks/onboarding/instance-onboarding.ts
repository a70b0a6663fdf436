import { Construct } from "constructs";
import { Lazy, Token } from "cdktf";
import { KMS_KEY_CHANGE_ADVICE, onboardingTimeoutProblem, OnboardingSettings, toOnboardingInput } from "../contract";
import { CampaignsHook, CampaignsHookBaseProps, CampaignsHookKind, checkHookTarget } from "../construct";
import { kmsKeyArnProblem, kmsKeyRegionProblem } from "../../aws-values";
import { checkProp, ValidationError } from "../../validation";
import type { ICampaignsServiceLinkedRole } from "../../role";
import { literal, TerraformData } from "../../terraform-builtins";

/** Properties of {@link InstanceOnboarding}. */
export interface InstanceOnboardingProps extends CampaignsHookBaseProps {
  /**
   * Account, Region, instance, deploy role, KMS key and timeout of the onboarding: what lands in
   * the resource's `input` (the cleanup's settings belong to {@link CampaignCleanupHook}).
   * Checked at synth by the config's rules.
   */
  readonly settings: OnboardingSettings;
  /**
   * The campaigns role onboarding waits for. Destroy runs in reverse, so the instance is
   * offboarded before the role is deleted.
   */
  readonly role: ICampaignsServiceLinkedRole;
}

const ONBOARDING: CampaignsHookKind = { resourceId: "onboarding", createCommand: "onboard", destroyCommand: "offboard" };

/** What the pin stores when the instance is onboarded without a KMS key. */
const NO_KEY = "none";

/**
 * Checks onboarding settings by the config's rules (the KMS key in the instance's Region, the
 * timeout's bounds); `prefix` is where they sit in the props (`settings.` here, none for
 * `CampaignsInstance`, whose props carry the same names).
 */
export function checkOnboardingSettings(scope: Construct, settings: OnboardingSettings, prefix = "settings."): void {
  checkHookTarget(scope, settings, prefix);
  checkProp(scope, `${prefix}kmsKeyArn`, settings.kmsKeyArn, kmsKeyArnProblem);
  if (settings.kmsKeyArn !== undefined && !Token.isUnresolved(settings.kmsKeyArn) && !Token.isUnresolved(settings.region)) {
    checkProp(scope, `${prefix}kmsKeyArn`, settings.kmsKeyArn, (arn) => kmsKeyRegionProblem(arn, settings.region, "the instance's Region"));
  }
  const timeout = settings.onboardingTimeoutSeconds;
  if (timeout !== undefined && !Token.isUnresolved(timeout)) {
    const problem = typeof timeout === "number" ? onboardingTimeoutProblem(timeout) : `expected a number of seconds, got ${typeof timeout}`;
    if (problem) throw new ValidationError(scope, `${prefix}onboardingTimeoutSeconds`, problem);
  }
}

/**
 * Onboards one Amazon Connect instance to outbound campaigns (no Terraform provider does).
 *
 * A `terraform_data` whose create-time `local-exec` starts the onboarding job and waits for it
 * (StartInstanceOnboardingJob, GetInstanceOnboardingJobStatus), and whose destroy-time
 * `local-exec` offboards the instance (DeleteConnectInstanceConfig).
 *
 * The KMS key is fixed once onboarded (AWS has no call that changes it): a `kms-key-pin`
 * `terraform_data` keeps the key the instance was onboarded with (`ignore_changes`), and a
 * precondition fails the plan when the configured key differs, saying how to change it.
 */
export class InstanceOnboarding extends CampaignsHook {
  /**
   * Offboards, at the next apply, the instance an `InstanceOnboarding` at `scope`/`id` onboarded
   * (a `removed` block with the `offboard` hook; Terraform >= 1.9). Use it instead of deleting the
   * construct: a resource that simply leaves the configuration is destroyed without its hook.
   */
  public static retire(scope: Construct, id: string, props: CampaignsHookBaseProps = {}): void {
    CampaignsHook.retireAt(scope, id, ONBOARDING, props);
  }

  /**
   * The state address of the onboarding resource an `InstanceOnboarding` at `scope`/`id` creates:
   * `terraform apply -replace=<it>` offboards and onboards the instance again.
   */
  public static resourceAddress(scope: Construct, id: string): string {
    return CampaignsHook.addressOf(scope, id, ONBOARDING);
  }

  /** Holds the KMS key the instance was onboarded with (or "none"), never updated. */
  public readonly kmsKeyPin: TerraformData;

  constructor(scope: Construct, id: string, props: InstanceOnboardingProps) {
    const configured = props.settings.kmsKeyArn ?? NO_KEY;
    super(scope, id, { ...ONBOARDING, input: toOnboardingInput(props.settings), dependsOn: [props.role.dependable] }, props);
    checkOnboardingSettings(this, props.settings);
    this.kmsKeyPin = new TerraformData(this, "kms-key-pin", {
      input: { kms_key_arn: configured },
      lifecycle: { ignoreChanges: ["input"] },
    });
    // Lazy: the pin's address is read at synth, after an owner (CampaignsInstance) has set its logical id.
    const pin = Lazy.stringValue({ produce: () => `${this.kmsKeyPin.terraformResourceType}.${this.kmsKeyPin.friendlyUniqueId}` });
    const pinned = `${pin}.input.kms_key_arn`;
    this.resource.addOverride("lifecycle.precondition", [
      {
        // The configured key is data inside an HCL string (itself a template): escaped like the pin's input.
        condition: `\${${pinned} == ${JSON.stringify(literal(configured))}}`,
        // A JSON string in Terraform is a template: the message names the pinned key.
        // The pin is written before the onboarding runs: when the onboarding never succeeded (a
        // wrong key is the usual reason; the resource is then tainted), re-pinning is the fix.
        error_message:
          `instance ${literal(props.settings.instanceId)} was onboarded with KMS key \${${pinned}}; the configuration now asks for ${literal(configured)}. ${KMS_KEY_CHANGE_ADVICE} ` +
          `If the onboarding never succeeded (its resource is tainted), re-pin the key instead: terraform apply -replace=${pin}`,
      },
    ]);
  }
}
