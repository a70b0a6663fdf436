/**
 * The destroy-time hooks: cleanup (modules/hooks/runtime/cleanup.ts, backup.ts) deletes the
 * instance's campaigns, each backed up first; offboarding (offboarding.ts) removes the
 * instance's campaigns configuration so that the role can be deleted after it.
 *
 * API v2 (`connectcampaignsv2`) signs as the same service (`connect-campaigns`, its model's
 * signingName), so its calls need the same actions as their v1 namesakes, on the same campaign
 * ARNs (`arn:<partition>:connect-campaigns:<region>:<account>:campaign/<id>` for both): the hook
 * makes v2 ListCampaigns, GetCampaignStateBatch, DescribeCampaign, StopCampaign, DeleteCampaign
 * and DeleteConnectInstanceConfig, each covered below.
 */
import { resources, type StatementSpec } from "../document";
import { arn, type PolicyScope } from "../scope";

const CAMPAIGNS_REFERENCE = "Service Authorization Reference, Amazon Connect Outbound Campaigns: resource type campaign";

export function cleanupStatements(scope: PolicyScope): StatementSpec[] {
  const p = scope.partition;
  const specs: StatementSpec[] = [
    {
      // Listing filters by instance in the request body; neither action takes a resource type.
      statement: {
        Sid: "ListInstanceCampaigns",
        Effect: "Allow",
        Action: ["connect-campaigns:GetCampaignStateBatch", "connect-campaigns:ListCampaigns"],
        Resource: "*",
      },
      step: "destroy",
      source:
        "modules/hooks/runtime/campaign-calls.ts listCampaigns, campaignStates, through v1 and v2 (cleanup, its dry run, the offboarding guard, restore)",
      proof: "emulator",
    },
    {
      // DescribeCampaign is the backup; Running or Paused campaigns are stopped, then deleted.
      statement: {
        Sid: "CleanUpCampaigns",
        Effect: "Allow",
        Action: ["connect-campaigns:DeleteCampaign", "connect-campaigns:DescribeCampaign", "connect-campaigns:StopCampaign"],
        Resource: resources(scope.targets.map((t) => arn.campaigns(p, t))),
      },
      step: "destroy",
      source: `modules/hooks/runtime/cleanup.ts cleanUpChunk, deleteCampaign, through the campaign's API (v1 or v2); ${CAMPAIGNS_REFERENCE}`,
      proof: "emulator",
    },
    {
      statement: {
        Sid: "OffboardInstances",
        Effect: "Allow",
        Action: ["connect-campaigns:DeleteConnectInstanceConfig", "connect-campaigns:DeleteInstanceOnboardingJob"],
        Resource: "*",
      },
      step: "destroy",
      source:
        "modules/hooks/runtime/offboarding.ts (v2 DeleteConnectInstanceConfig, campaignDeletionPolicy RETAIN_ALL); onboarding.ts deletes a FAILED job before retrying",
      proof: "emulator",
    },
  ];
  const backups = scope.targets.flatMap((t) =>
    t.backupS3Bucket ? [arn.s3Object(p, t.backupS3Bucket, `${t.account}/${t.region}/*`)] : [],
  );
  if (backups.length > 0) {
    const owners = [...new Set(scope.targets.filter((t) => t.backupS3Bucket).map((t) => t.account))];
    specs.push({
      // One object per campaign, key <account>/<region>/<instance>/<campaign id>.json: the
      // prefix keeps one account's role from overwriting another's backups in a shared bucket.
      // The hook sends ExpectedBucketOwner = the target's account; the condition says the same
      // in the policy: a bucket of that name in any other account (a typo, a name re-taken
      // after deletion) receives no backup.
      statement: {
        Sid: "BackUpCampaignsToS3",
        Effect: "Allow",
        Action: ["s3:PutObject"],
        Resource: resources(backups),
        Condition: { StringEquals: { "s3:ResourceAccount": owners.length === 1 ? owners[0] : owners } },
      },
      step: "destroy",
      source: "modules/hooks/runtime/backup.ts backUpCampaign (backupKey, ExpectedBucketOwner)",
      proof: { notEnforced: "the lifecycle tests keep backups on local disk; the emulator's S3 is not exercised" },
    });
  }
  return specs;
}
