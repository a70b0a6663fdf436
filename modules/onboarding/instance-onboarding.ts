import { Construct } from "constructs";
import { ITerraformDependable } from "cdktf";
import { HookSettings, toHookInput } from "../hook-contract";
import { CampaignsHookAsset } from "../hook-asset";
import { TerraformData } from "../terraform-builtins";

/** Properties of {@link InstanceOnboarding}. */
export interface InstanceOnboardingProps {
  /** Account, Region, instance, deploy role, KMS key and timeout of the onboarding. */
  readonly settings: HookSettings;
  /**
   * What onboarding waits for: the campaigns role (`CampaignsServiceLinkedRole.dependable`).
   * Destroy runs in reverse, so the instance is offboarded before the role is deleted.
   */
  readonly role: ITerraformDependable;
  /**
   * The hook asset that runs the onboarding.
   * @default - the stack's {@link CampaignsHookAsset}
   */
  readonly hook?: CampaignsHookAsset;
}

/**
 * Onboards one Amazon Connect instance to outbound campaigns (no Terraform provider does).
 *
 * A `terraform_data` whose create-time `local-exec` starts the onboarding job and waits for it
 * (StartInstanceOnboardingJob, GetInstanceOnboardingJobStatus), and whose destroy-time
 * `local-exec` offboards the instance (DeleteConnectInstanceConfig).
 */
export class InstanceOnboarding extends Construct {
  public readonly resource: TerraformData;

  constructor(scope: Construct, id: string, props: InstanceOnboardingProps) {
    super(scope, id);
    const hook = props.hook ?? CampaignsHookAsset.of(this);
    this.resource = new TerraformData(this, "onboarding", {
      input: { ...toHookInput("campaigns-onboarding", props.settings) },
      dependsOn: [props.role],
      provisioners: [
        { type: "local-exec", command: hook.command("onboard"), environment: hook.environment },
        { type: "local-exec", when: "destroy", command: hook.command("offboard"), environment: hook.environment },
      ],
    });
  }
}
