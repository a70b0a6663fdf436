import { Construct } from "constructs";
import { TerraformResource, TerraformResourceConfig } from "cdktf";
import { literalValues } from "./literal";

/** Configuration of a {@link TerraformData} resource. */
export interface TerraformDataConfig extends Omit<TerraformResourceConfig, "terraformResourceType" | "terraformGeneratorMetadata"> {
  /**
   * Stored in state and readable by destroy-time provisioners as `self.input`. Data: its strings
   * reach Terraform literally (`${` and `%{` escaped, see `literal`); cdktf tokens in it stay references.
   * @default - none
   */
  readonly input?: Record<string, unknown>;
  /** A change of this value replaces the resource. Data, like `input`. @default - none */
  readonly triggersReplace?: Record<string, unknown>;
}

/**
 * Terraform's built-in `terraform_data` resource.
 *
 * cdktf ships `DataResource` for this, but every instance registers a validation that runs
 * `terraform version` in a child process at synth (measured: 2000 small stacks took 103 s instead
 * of 3 s). This binding renders the same JSON without that per-resource check; the stacks state
 * the Terraform version they need once, as `required_version` (see `requireTerraformVersion`).
 */
export class TerraformData extends TerraformResource {
  public static readonly tfResourceType = "terraform_data";

  private readonly inputValue?: Record<string, unknown>;
  private readonly triggersReplaceValue?: Record<string, unknown>;

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, {
      terraformResourceType: TerraformData.tfResourceType,
      terraformGeneratorMetadata: { providerName: "terraform" },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      count: config.count,
      forEach: config.forEach,
    });
    this.inputValue = literalValues(config.input);
    this.triggersReplaceValue = literalValues(config.triggersReplace);
  }

  /** The resource id (a UUID Terraform generates). */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: this.inputValue, triggers_replace: this.triggersReplaceValue };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return {
      input: { value: this.inputValue, isBlock: false, type: "simple", storageClassType: "map" },
      triggers_replace: { value: this.triggersReplaceValue, isBlock: false, type: "simple", storageClassType: "map" },
    };
  }
}
