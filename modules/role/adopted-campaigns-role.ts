import { Construct } from "constructs";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { addImportBlock } from "../terraform-builtins";
import { CampaignsRoleBase } from "./campaigns-role-base";
import { CAMPAIGNS_SERVICE_PRINCIPAL } from "./service";

/** Properties of `CampaignsServiceLinkedRole.adopt`. */
export interface AdoptCampaignsRoleProps {
  /** ARN of the existing role, which the stack imports (Terraform `import` block) and owns from then on. */
  readonly roleArn: string;
  /**
   * Suffix of the role name. Read from `roleArn`; setting a different one is an error (it would
   * replace the role).
   * @default - the suffix in `roleArn`
   */
  readonly customSuffix?: string;
  /**
   * Description of the role.
   * @default - the existing description is kept (`ignore_changes`)
   */
  readonly description?: string;
  /**
   * Tags of the role, merged with the provider's default tags.
   * @default - none besides the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/** An existing campaigns role, imported: see `CampaignsServiceLinkedRole.adopt`. */
export class AdoptedCampaignsRole extends CampaignsRoleBase {
  constructor(scope: Construct, id: string, props: AdoptCampaignsRoleProps) {
    super(scope, id, (self) => {
      if (props.roleArn === undefined) self.fail("roleArn", "is required to adopt a role: the ARN of the existing role to import");
      self.checkSuffix(props.customSuffix);
      const existing = self.parseArn(props.roleArn);
      if (existing && props.customSuffix !== undefined && props.customSuffix !== existing.customSuffix) {
        self.fail("customSuffix", `"${props.customSuffix}" differs from the adopted role's suffix "${existing.customSuffix ?? ""}" (a different suffix would replace the role)`);
      }
      const role = new IamServiceLinkedRole(self, "role", {
        awsServiceName: CAMPAIGNS_SERVICE_PRINCIPAL,
        ...self.roleSettings({ customSuffix: props.customSuffix ?? existing?.customSuffix, description: props.description, tags: props.tags }),
        // The role keeps the description it has unless one is set: otherwise the first plan
        // after the import would clear it.
        lifecycle: props.description === undefined ? { ignoreChanges: ["description"] } : undefined,
      });
      addImportBlock(role, props.roleArn);
      return { role, knownName: existing?.name };
    });
  }
}
