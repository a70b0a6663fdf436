"""Amazon Connect patches: instance timestamps in the form the API sends them, and IAM denials
as JSON.

moto writes an instance's CreatedTime as an ISO 8601 string; Connect's REST-JSON protocol
sends timestamps as epoch seconds (a number), and the SDKs refuse anything else ("Expected
real number"), so ListInstances and DescribeInstance could not be read at all. Under IAM
enforcement moto answers a denied Connect call in XML, which a REST-JSON client cannot read;
AWS answers JSON `AccessDeniedException` (as emu_campaigns does for connect-campaigns).
"""

from typing import Any

from moto.connect.models import Instance
from moto.connect.responses import ConnectResponse

import emu_campaigns

_original_to_dict = Instance.to_dict
_original_to_summary_dict = Instance.to_summary_dict


def _epoch_created(self: Instance, result: dict[str, Any]) -> dict[str, Any]:
    result["CreatedTime"] = self.created_time.timestamp()
    return result


def apply() -> None:
    ConnectResponse._authenticate_and_authorize_normal_action = emu_campaigns.authorize_with_json_errors
    Instance.to_dict = lambda self: _epoch_created(self, _original_to_dict(self))
    Instance.to_summary_dict = lambda self: _epoch_created(self, _original_to_summary_dict(self))
