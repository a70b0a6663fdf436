"""IAM patches: the connect-campaigns service-linked role as AWS names, guards and deletes it.

moto names the role `AWSServiceRoleForconnect-campaigns`, deletes service-linked roles
even while the service still uses them, and answers every deletion-status query with
SUCCEEDED. These patches replace that for connect-campaigns only; other services keep
moto's behaviour (plus a recorded deletion task, so the status query stays answerable).
"""

import json
import uuid
from typing import Any

from moto.connectcampaigns.models import connectcampaigns_backends
from moto.iam import access_control, models as iam_models
from moto.core.responses import ActionResult
from moto.iam.responses import IamResponse
from moto.iam.exceptions import InvalidInput, NotFoundException
from moto.utilities.utils import get_partition

SERVICE = "connect-campaigns.amazonaws.com"
ROLE_PATH = f"/aws-service-role/{SERVICE}/"
ROLE_NAME = "AWSServiceRoleForConnectCampaigns"
POLICY_NAME = "AmazonConnectCampaignsServiceLinkedRolePolicy"

IAMBackend = iam_models.IAMBackend
_original_create = IAMBackend.create_service_linked_role
_original_delete = IAMBackend.delete_service_linked_role


def is_campaigns_role(role: Any) -> bool:
    return role.path == ROLE_PATH


def _managed_policy(backend: IAMBackend) -> Any:
    """The AWS managed policy of the role, registered on demand.

    moto only loads AWS managed policies with MOTO_IAM_LOAD_MANAGED_POLICIES=true, and
    parsing all ~1500 of them costs half a second per account; pick out just this one.
    """
    arn = f"arn:{backend.partition}:iam::aws:policy/aws-service-role/{POLICY_NAME}"
    if arn not in backend.managed_policies:
        from moto.iam.aws_managed_policies import aws_managed_policies_data as data

        start = data.index("{", data.index(f'"{POLICY_NAME}"'))
        policy_data, _ = json.JSONDecoder().raw_decode(data, start)
        policy = iam_models.AWSManagedPolicy.from_data(
            POLICY_NAME, backend.account_id, backend.region_name, policy_data
        )
        backend.managed_policies[policy.arn] = policy
    return backend.managed_policies[arn]


def create_campaigns_role(backend: IAMBackend, description: str, suffix: str) -> Any:
    name = f"{ROLE_NAME}_{suffix}" if suffix else ROLE_NAME
    if any(role.name == name for role in backend.get_roles()):
        # AWS's wording (the base name even when a suffix was given is not verified).
        raise InvalidInput(
            f"Service role name {name} has been taken in this account, please try a different suffix."
        )
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": SERVICE},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    role = backend.create_role(
        name,
        json.dumps(trust),
        ROLE_PATH,
        permissions_boundary=None,
        description=description,
        tags=[],
        max_session_duration="3600",
        linked_service=SERVICE,
    )
    _managed_policy(backend).attach_to(role)
    return role


def ensure_campaigns_role(account_id: str, region: str) -> Any:
    """The role onboarding links an instance to: an existing one, else a new one."""
    backend = iam_models.iam_backends[account_id][get_partition(region)]
    existing = sorted(
        (r for r in backend.get_roles() if is_campaigns_role(r)), key=lambda r: r.name
    )
    return existing[0] if existing else create_campaigns_role(backend, "", "")


def _role_usage(backend: IAMBackend, role: Any) -> list[dict[str, Any]]:
    """Per region, the campaigns on instances linked to the role: what keeps it in use."""
    from emu_campaigns import all_campaigns  # here: emu_campaigns imports this module

    usage = []
    account = connectcampaigns_backends[backend.account_id]
    for region, campaigns_backend in account.items():
        linked = {
            instance_id
            for instance_id, config in campaigns_backend.instance_configs.items()
            if config.service_linked_role_arn == role.arn
        }
        # Campaigns made through either API use the role (emu_campaigns_v2 for v2).
        arns = [c.arn for c in all_campaigns(campaigns_backend) if c.connect_instance_id in linked]
        if arns:
            usage.append({"Region": region, "Resources": arns})
    return usage


def _deletion_tasks(backend: IAMBackend) -> dict[str, dict[str, Any]]:
    # Kept on the backend instance so that moto's reset forgets them with everything else.
    return backend.__dict__.setdefault("emulator_deletion_tasks", {})


def create_service_linked_role(
    self: IAMBackend, service_name: str, description: str, suffix: str
) -> Any:
    if service_name == SERVICE:
        return create_campaigns_role(self, description, suffix)
    return _original_create(self, service_name, description, suffix)


def delete_service_linked_role(self: IAMBackend, role_name: str) -> str:
    role = self.get_role(role_name)  # NoSuchEntity for unknown names
    task_id = f"task{role.path}{role.name}/{uuid.uuid4()}"
    usage = _role_usage(self, role) if is_campaigns_role(role) else []
    if usage:
        # AWS accepts the request and fails the asynchronous deletion task instead.
        _deletion_tasks(self)[task_id] = {
            "Status": "FAILED",
            "Reason": {
                "Reason": "Cannot delete the service-linked role: the service is still using it.",
                "RoleUsageList": usage,
            },
        }
        return task_id
    # AWS removes the role's policies along with the role; moto's delete_role refuses.
    for policy in list(role.managed_policies.values()):
        policy.detach_from(role)
    role.policies.clear()
    _original_delete(self, role_name)
    _deletion_tasks(self)[task_id] = {"Status": "SUCCEEDED"}
    return task_id


def get_deletion_status(backend: IAMBackend, task_id: str) -> dict[str, Any]:
    task = _deletion_tasks(backend).get(task_id)
    if task is None:
        raise NotFoundException(f"Deletion task {task_id} not found.")
    return task


def response_get_service_linked_role_deletion_status(self: IamResponse) -> ActionResult:
    task_id = self._get_param("DeletionTaskId")
    return ActionResult(get_deletion_status(self.backend, task_id))


_original_aws_request = access_control.IAMRequestBase._create_aws_request


def _create_aws_request(self: access_control.IAMRequestBase) -> Any:
    """The request moto re-signs to check a signature under IAM enforcement.

    moto signs the parsed form when the body is empty, which is right for form posts
    (Flask consumed the body) but, for a bodyless REST call (GET /campaigns/{id}), it
    signs the request headers as a body and every such call fails SignatureDoesNotMatch.
    """
    request = _original_aws_request(self)
    if "x-www-form-urlencoded" not in self._headers.get("Content-Type", ""):
        request.data = self._body or b""
    return request


def apply() -> None:
    access_control.IAMRequestBase._create_aws_request = _create_aws_request
    IAMBackend.create_service_linked_role = create_service_linked_role
    IAMBackend.delete_service_linked_role = delete_service_linked_role
    IamResponse.get_service_linked_role_deletion_status = (
        response_get_service_linked_role_deletion_status
    )
