"""Amazon Connect patches: instance timestamps in the form the API sends them, and IAM
enforcement's denials in Connect's own (REST-JSON) error form.

moto writes an instance's CreatedTime as an ISO 8601 string; Connect's REST-JSON protocol
sends timestamps as epoch seconds (a number), and the SDKs refuse anything else ("Expected
real number"), so ListInstances and DescribeInstance could not be read at all.
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
    # Under IAM enforcement moto denies in XML, which a REST-JSON SDK cannot read ("Unexpected
    # token '<'"): AWS answers 403 AccessDeniedException in JSON, as for connect-campaigns.
    ConnectResponse._authenticate_and_authorize_normal_action = emu_campaigns.authorize_with_json_errors
    Instance.to_dict = lambda self: _epoch_created(self, _original_to_dict(self))
    Instance.to_summary_dict = lambda self: _epoch_created(self, _original_to_summary_dict(self))
