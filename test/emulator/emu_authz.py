"""Authorization resources as AWS evaluates them, under IAM enforcement.

moto authorizes most requests against the resource "*", so a statement scoped to ARNs (as a
least-privilege policy is) never matches and every scoped call is denied. These patches give
moto the ARN AWS authorizes against (Service Authorization Reference), for the calls the
project makes:
- connect-campaigns calls on one campaign ([/v2]/campaigns/{id}[/...]): the campaign ARN;
- connect-campaigns tag calls ([/v2]/tags/{arn}): the ARN they name (a campaign's);
- iam:CreateServiceLinkedRole: the ARN of the role it would create;
- iam:GetServiceLinkedRoleDeletionStatus: the role named in the deletion task id.
Every other call keeps moto's resource. Conditions in identity policies are still not
evaluated by moto (an Allow's condition is ignored): see README.md.
"""

import re
from typing import Any
from urllib.parse import unquote, urlparse

from moto.connectcampaigns.responses import ConnectCampaignServiceResponse
from moto.iam.responses import IamResponse
from moto.utilities.utils import get_partition

import emu_campaigns_v2
import emu_iam

CAMPAIGN_PATH = re.compile(r"^(?:/v2)?/campaigns/([^/]+)(?:/[A-Za-z-]+)?$")  # v1 and v2
TAGS_PATH = re.compile(r"^(?:/v2)?/tags/(arn:.+)$")  # the ARN in the path is the resource
# task/aws-service-role/<service>/<role name>/<uuid>
DELETION_TASK = re.compile(r"^task(/aws-service-role/[^/]+/)([^/]+)/[^/]+$")

_original_iam_resource = IamResponse._determine_resource


def _campaigns_resource(self: ConnectCampaignServiceResponse) -> str:
    path = unquote(urlparse(self.uri).path)
    tagged = TAGS_PATH.match(path)
    if tagged:
        return tagged.group(1)
    match = CAMPAIGN_PATH.match(path)
    if not match:
        return "*"
    partition = get_partition(self.region)
    return f"arn:{partition}:connect-campaigns:{self.region}:{self.current_account}:campaign/{match.group(1)}"


def _param(self: IamResponse, name: str) -> str:
    values: Any = self.data.get(name) or [""]
    return values[0]


def _iam_resource(self: IamResponse) -> str:
    action = self._get_action()
    role_arn = f"arn:{self.partition}:iam::{self.current_account}:role"
    if action == "CreateServiceLinkedRole" and _param(self, "AWSServiceName") == emu_iam.SERVICE:
        suffix = _param(self, "CustomSuffix")
        name = f"{emu_iam.ROLE_NAME}_{suffix}" if suffix else emu_iam.ROLE_NAME
        return f"{role_arn}{emu_iam.ROLE_PATH}{name}"
    if action == "GetServiceLinkedRoleDeletionStatus":
        match = DELETION_TASK.match(_param(self, "DeletionTaskId"))
        if match:
            return f"{role_arn}{match.group(1)}{match.group(2)}"
    return _original_iam_resource(self)


def apply() -> None:
    ConnectCampaignServiceResponse._determine_resource = _campaigns_resource
    emu_campaigns_v2.CampaignsV2Response._determine_resource = _campaigns_resource
    IamResponse._determine_resource = _iam_resource
