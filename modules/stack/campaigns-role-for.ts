import { Construct } from "constructs";
import { CampaignsServiceLinkedRole, ICampaignsServiceLinkedRole } from "../role";
import type { RoleConfig } from "../rollout";

/**
 * The role construct a target's `role` config asks for. The config keeps its `mode` switch (the
 * format does not change); in code each mode is its own call.
 */
export function campaignsRoleFor(scope: Construct, id: string, config: RoleConfig): ICampaignsServiceLinkedRole {
  switch (config.mode) {
    case "create":
      return new CampaignsServiceLinkedRole(scope, id, { customSuffix: config.customSuffix, description: config.description, tags: config.tags });
    case "adopt":
      return CampaignsServiceLinkedRole.adopt(scope, id, { roleArn: config.arn, description: config.description, tags: config.tags });
    case "observe":
      return config.arn === undefined ? CampaignsServiceLinkedRole.fromLookup(scope, id) : CampaignsServiceLinkedRole.fromRoleArn(scope, id, config.arn);
  }
}
