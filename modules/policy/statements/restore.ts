/** `restore` (modules/hooks/runtime/restore.ts): recreating deleted campaigns from their backups. */
import { resources, type StatementSpec } from "../document";
import { arn, type PolicyScope } from "../scope";

export function restoreStatements(scope: PolicyScope): StatementSpec[] {
  return [
    {
      // CreateCampaign is authorized on the campaign it creates (Service Authorization Reference:
      // resource type campaign, required), so the target's campaign ARNs, not "*". v1 and v2
      // CreateCampaign are one action (both sign as connect-campaigns).
      // ListCampaigns (already in ListInstanceCampaigns) skips names that exist.
      statement: {
        Sid: "RestoreCampaigns",
        Effect: "Allow",
        Action: ["connect-campaigns:CreateCampaign"],
        Resource: resources(scope.targets.map((t) => arn.campaigns(scope.partition, t))),
      },
      step: "restore",
      source: "modules/hooks/runtime/restore.ts restoreBackups (v1 or v2 createCampaign, by the backup's api, with its tags)",
      proof: { notEnforced: "restore is not part of apply, plan or destroy; test/hooks/runtime/restore.test.ts runs it without IAM enforcement" },
    },
    {
      // A create that carries tags also needs TagResource on the new campaign (Service
      // Authorization Reference, API operations table: CreateCampaign -> CreateCampaign, TagResource).
      statement: {
        Sid: "TagRestoredCampaigns",
        Effect: "Allow",
        Action: ["connect-campaigns:TagResource"],
        Resource: resources(scope.targets.map((t) => arn.campaigns(scope.partition, t))),
      },
      step: "restore",
      source: "Service Authorization Reference, Amazon Connect Outbound Campaigns: TagResource on resource type campaign",
      proof: { notEnforced: "restore is not part of apply, plan or destroy" },
    },
  ];
}
