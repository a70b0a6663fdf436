import { Construct } from "constructs";
import { AdoptCampaignsRoleProps, CampaignsServiceLinkedRole, CampaignsServiceLinkedRoleProps, ICampaignsServiceLinkedRole } from "../../modules/role";

/** One of the ways to get the campaigns role into a stack, for tables of cases. */
export type MakeRole = (scope: Construct, id: string) => ICampaignsServiceLinkedRole;

export const create =
  (props: CampaignsServiceLinkedRoleProps = {}): MakeRole =>
  (scope, id) =>
    new CampaignsServiceLinkedRole(scope, id, props);
export const adopt =
  (props: AdoptCampaignsRoleProps): MakeRole =>
  (scope, id) =>
    CampaignsServiceLinkedRole.adopt(scope, id, props);
export const fromRoleArn =
  (roleArn: string): MakeRole =>
  (scope, id) =>
    CampaignsServiceLinkedRole.fromRoleArn(scope, id, roleArn);
export const fromLookup: MakeRole = (scope, id) => CampaignsServiceLinkedRole.fromLookup(scope, id);
