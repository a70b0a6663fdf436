"""connect-campaigns (API v1, 2021-01-30) patches for moto 5.2.1.

What moto lacks or gets wrong, and AWS's documented behaviour these patches give instead:
- GetInstanceOnboardingJobStatus, DeleteInstanceOnboardingJob, DeleteConnectInstanceConfig,
  GetCampaignStateBatch and the UpdateCampaign* operations are missing.
- Unknown campaign ids crash some operations (HTML 500) instead of ResourceNotFoundException.
- Campaign state changes are unchecked; AWS answers InvalidCampaignStateException.
- Onboarding succeeds at once, creates no service-linked role, links a made-up role ARN,
  and GetConnectInstanceConfig invents a config for any instance id.
- Campaign ARNs use the wrong service name and always the default account.
- Under IAM enforcement, denials come back as XML that the SDKs cannot name.
"""

import base64
import itertools
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse, urlunparse

from moto.connect.models import connect_backends
from moto.connectcampaigns import urls
from moto.connectcampaigns.exceptions import ResourceNotFoundException, ValidationException
from moto.connectcampaigns.models import ConnectCampaignServiceBackend as Backend
from moto.connectcampaigns.models import ConnectInstanceConfig
from moto.connectcampaigns.responses import ConnectCampaignServiceResponse as Response
from moto.core.exceptions import JsonRESTError
from moto.kms.models import KmsBackend, kms_backends
from moto.utilities.utils import get_partition
from werkzeug.exceptions import HTTPException

import emu_iam

FAILURE_CODES = {
    "EVENT_BRIDGE_ACCESS_DENIED",
    "EVENT_BRIDGE_MANAGED_RULE_LIMIT_EXCEEDED",
    "IAM_ACCESS_DENIED",
    "KMS_ACCESS_DENIED",
    "KMS_KEY_NOT_FOUND",
    "INTERNAL_FAILURE",
}
MAX_CAMPAIGNS_PER_INSTANCE = 500  # AWS quota: campaigns per instance
MAX_LIST_RESULTS = 50

# operation: (states it may be called in, resulting state)
TRANSITIONS = {
    "start": ({"Initialized"}, "Running"),
    "pause": ({"Running"}, "Paused"),
    "resume": ({"Paused"}, "Running"),
    "stop": ({"Running", "Paused"}, "Stopped"),
}


class InvalidStateException(JsonRESTError):
    code = 409

    def __init__(self, message: str) -> None:
        super().__init__("InvalidStateException", message)


class InvalidCampaignStateException(JsonRESTError):
    code = 409

    def __init__(self, state: str, message: str) -> None:
        super().__init__("InvalidCampaignStateException", message)
        # AWS's shape carries the campaign's current state next to the message.
        self.description = json.dumps({"message": message, "state": state})


class ServiceQuotaExceededException(JsonRESTError):
    code = 402

    def __init__(self, message: str) -> None:
        super().__init__("ServiceQuotaExceededException", message)


class OnboardingControls:
    """Test controls (set through the control API): job duration and injected failures."""

    def __init__(self, polls: int = 1) -> None:
        self.polls = polls
        # ListCampaigns of both APIs ignores instanceIdFilter (the control API's fault mode).
        self.ignore_instance_filter = False
        self.failures: dict[str, list[Any]] = {}  # instance id -> [failure code, times left]

    def fail_next(self, instance_id: str, code: str, times: int) -> None:
        if code not in FAILURE_CODES:
            raise ValueError(f"failureCode must be one of {sorted(FAILURE_CODES)}")
        self.failures[instance_id] = [code, times]

    def take_failure(self, instance_id: str) -> str | None:
        entry = self.failures.get(instance_id)
        if not entry:
            return None
        entry[1] -= 1
        if entry[1] <= 0:
            del self.failures[instance_id]
        return entry[0]


controls = OnboardingControls()


@dataclass
class OnboardingJob:
    connect_instance_id: str
    encryption_config: dict[str, Any]
    outcome: str | None  # failure code decided at start, None for success
    polls_left: int
    status: str = "IN_PROGRESS"

    def to_dict(self) -> dict[str, Any]:
        result = {"connectInstanceId": self.connect_instance_id, "status": self.status}
        if self.status == "FAILED":
            result["failureCode"] = self.outcome
        return result


# --- backend -----------------------------------------------------------------


def require_instance(self: Backend, instance_id: str) -> None:
    if instance_id not in connect_backends[self.account_id][self.region_name].instances:
        raise ResourceNotFoundException(f"Amazon Connect instance {instance_id} not found.")


def _campaign(self: Backend, campaign_id: str) -> Any:
    if campaign_id not in self.campaigns:
        raise ResourceNotFoundException(f"Campaign {campaign_id} not found.")
    return self.campaigns[campaign_id]


def v2_campaigns(self: Backend) -> dict[str, Any]:
    """Campaigns made through API v2 (emu_campaigns_v2), by id. They live on the same backend
    as v1's, which holds the instance configs both APIs share; moto's reset forgets them."""
    return self.__dict__.setdefault("emulator_v2_campaigns", {})


def all_campaigns(self: Backend) -> list[Any]:
    """Campaigns of both APIs; each has `id`, `arn`, `connect_instance_id`, `state`."""
    return [*self.campaigns.values(), *v2_campaigns(self).values()]


def check_campaign_quota(self: Backend, connect_instance_id: str) -> None:
    """AWS's campaigns-per-instance quota, counting the campaigns of both APIs."""
    on_instance = [c for c in all_campaigns(self) if c.connect_instance_id == connect_instance_id]
    if len(on_instance) >= MAX_CAMPAIGNS_PER_INSTANCE:
        raise ServiceQuotaExceededException(
            f"Instance {connect_instance_id} already has {MAX_CAMPAIGNS_PER_INSTANCE} campaigns."
        )


def campaign_arn(self: Backend, campaign_id: str) -> str:
    partition = get_partition(self.region_name)
    return f"arn:{partition}:connect-campaigns:{self.region_name}:{self.account_id}:campaign/{campaign_id}"


_sequence = itertools.count()


def next_sequence() -> int:
    """Creation order (of v1 and v2 campaigns alike), the stable sort key of ListCampaigns."""
    return next(_sequence)


_original_create_campaign = Backend.create_campaign


def create_campaign(
    self: Backend,
    name: str,
    connect_instance_id: str,
    dialer_config: dict[str, Any],
    outbound_call_config: dict[str, Any],
    tags: dict[str, str] | None,
) -> tuple[str, str, dict[str, str]]:
    if not name or len(name) > 127:
        raise ValidationException("name must be 1 to 127 characters long.")
    if not dialer_config or not (outbound_call_config or {}).get("connectContactFlowId"):
        raise ValidationException(
            "dialerConfig and outboundCallConfig.connectContactFlowId are required."
        )
    require_instance(self, connect_instance_id)
    check_campaign_quota(self, connect_instance_id)
    campaign_id, _, tags = _original_create_campaign(
        self, name, connect_instance_id, dialer_config, outbound_call_config, tags
    )
    campaign = self.campaigns[campaign_id]
    campaign.arn = campaign_arn(self, campaign_id)
    campaign.sequence = next_sequence()
    # moto keeps creation tags off its tagger, so ListTagsForResource would not see them.
    self.tagger.tag_resource(campaign.arn, [{"Key": k, "Value": v} for k, v in tags.items()])
    return campaign_id, campaign.arn, tags


def delete_campaign(self: Backend, id: str) -> None:
    del self.campaigns[_campaign(self, id).id]


def next_state(operation: str, campaign_id: str, state: str) -> str:
    """The state `operation` moves a campaign to; InvalidCampaignStateException if it cannot."""
    allowed_from, target = TRANSITIONS[operation]
    if state not in allowed_from:
        raise InvalidCampaignStateException(
            state, f"Cannot {operation} campaign {campaign_id} in state {state}."
        )
    return target


def _transition(operation: str) -> Any:
    def change_state(self: Backend, id: str) -> None:
        campaign = _campaign(self, id)
        campaign.state = next_state(operation, id, campaign.state)

    return change_state


def get_campaign_state_batch(self: Backend, campaign_ids: list[str]) -> dict[str, Any]:
    if not 1 <= len(campaign_ids) <= 25:
        raise ValidationException("campaignIds must hold 1 to 25 ids.")
    found = [i for i in campaign_ids if i in self.campaigns]
    return {
        "successfulRequests": [
            {"campaignId": i, "state": self.campaigns[i].state} for i in found
        ],
        "failedRequests": [
            {"campaignId": i, "failureCode": "ResourceNotFound"}
            for i in campaign_ids
            if i not in self.campaigns
        ],
    }


def update_campaign(self: Backend, id: str, changes: dict[str, Any]) -> None:
    campaign = _campaign(self, id)
    if "name" in changes:
        campaign.name = changes["name"]
    if "dialerConfig" in changes:
        campaign.dialer_config = changes["dialerConfig"]
    outbound = {
        k: changes[k]
        for k in ("connectContactFlowId", "connectSourcePhoneNumber", "answerMachineDetectionConfig")
        if k in changes
    }
    campaign.outbound_call_config = {**campaign.outbound_call_config, **outbound}


def encode_token(sequence: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": sequence}).encode()).decode()


def decode_token(token: str) -> int:
    try:
        return int(json.loads(base64.urlsafe_b64decode(token.encode()))["after"])
    except (ValueError, KeyError, TypeError):
        raise ValidationException("Invalid nextToken.")


def list_campaigns(
    self: Backend, filters: dict[str, Any], max_results: int | None, next_token: str | None
) -> tuple[list[dict[str, str]], str | None]:
    limit = MAX_LIST_RESULTS if max_results is None else max_results
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIST_RESULTS:
        raise ValidationException(f"maxResults must be between 1 and {MAX_LIST_RESULTS}.")
    instance_filter = (filters or {}).get("instanceIdFilter")
    if instance_filter and instance_filter.get("operator") != "Eq":
        raise ValidationException("instanceIdFilter.operator must be Eq.")
    after = decode_token(next_token) if next_token else -1
    if controls.ignore_instance_filter:
        instance_filter = None
    matching = sorted(
        (
            c
            for c in self.campaigns.values()
            if c.sequence > after
            and (not instance_filter or c.connect_instance_id == instance_filter.get("value"))
        ),
        key=lambda c: c.sequence,
    )
    page = matching[:limit]
    summaries = [
        {"id": c.id, "arn": c.arn, "name": c.name, "connectInstanceId": c.connect_instance_id}
        for c in page
    ]
    token = encode_token(page[-1].sequence) if len(matching) > limit else None
    return summaries, token


def get_connect_instance_config(self: Backend, connect_instance_id: str) -> dict[str, Any]:
    require_instance(self, connect_instance_id)
    if connect_instance_id not in self.instance_configs:
        raise ResourceNotFoundException(
            f"Instance {connect_instance_id} is not onboarded to outbound campaigns."
        )
    return self.instance_configs[connect_instance_id].to_dict()


def _validate_encryption(config: dict[str, Any]) -> None:
    if not isinstance(config, dict) or not isinstance(config.get("enabled"), bool):
        raise ValidationException("encryptionConfig.enabled is required.")
    if "encryptionType" in config and config["encryptionType"] != "KMS":
        raise ValidationException("encryptionConfig.encryptionType must be KMS.")
    if config["enabled"] and (config.get("encryptionType") != "KMS" or not config.get("keyArn")):
        raise ValidationException(
            "encryptionType KMS and keyArn are required when encryption is enabled."
        )


def _kms_key_exists(self: Backend, key_arn: str) -> bool:
    key = kms_backends[self.account_id][self.region_name].keys.get(KmsBackend.get_key_id(key_arn))
    return key is not None and key_arn in (key.arn, key.id)


def _finish(self: Backend, job: OnboardingJob) -> None:
    if job.outcome:
        job.status = "FAILED"
        return
    role = emu_iam.ensure_campaigns_role(self.account_id, self.region_name)
    config = ConnectInstanceConfig(job.connect_instance_id, self.region_name)
    config.service_linked_role_arn = role.arn
    config.encryption_config = job.encryption_config
    self.instance_configs[job.connect_instance_id] = config
    job.status = "SUCCEEDED"


def start_instance_onboarding_job(
    self: Backend, connect_instance_id: str, encryption_config: dict[str, Any]
) -> dict[str, Any]:
    _validate_encryption(encryption_config)
    require_instance(self, connect_instance_id)
    job = self.onboarding_jobs.get(connect_instance_id)
    # A running or FAILED job is returned as is: AWS keeps a failed job until it is deleted.
    if job and job.status in ("IN_PROGRESS", "FAILED"):
        return job.to_dict()
    outcome = None
    if connect_instance_id not in self.instance_configs:
        outcome = controls.take_failure(connect_instance_id)
        key_arn = encryption_config.get("keyArn")
        if not outcome and encryption_config["enabled"] and not _kms_key_exists(self, key_arn):
            outcome = "KMS_KEY_NOT_FOUND"
    job = OnboardingJob(connect_instance_id, dict(encryption_config), outcome, controls.polls)
    self.onboarding_jobs[connect_instance_id] = job
    if connect_instance_id in self.instance_configs:
        job.status = "SUCCEEDED"  # already onboarded
    elif job.polls_left == 0:
        _finish(self, job)
    return job.to_dict()


def get_instance_onboarding_job_status(self: Backend, connect_instance_id: str) -> dict[str, Any]:
    require_instance(self, connect_instance_id)
    job = self.onboarding_jobs.get(connect_instance_id)
    if job is None:
        raise ResourceNotFoundException(f"No onboarding job for instance {connect_instance_id}.")
    if job.status == "IN_PROGRESS":
        if job.polls_left > 0:
            job.polls_left -= 1
        else:
            _finish(self, job)
    return job.to_dict()


def delete_instance_onboarding_job(self: Backend, connect_instance_id: str) -> None:
    require_instance(self, connect_instance_id)
    job = self.onboarding_jobs.get(connect_instance_id)
    if job is None:
        raise ResourceNotFoundException(f"No onboarding job for instance {connect_instance_id}.")
    if job.status == "IN_PROGRESS":
        raise InvalidStateException("The onboarding job is still in progress.")
    del self.onboarding_jobs[connect_instance_id]


def delete_connect_instance_config(self: Backend, connect_instance_id: str) -> None:
    require_instance(self, connect_instance_id)
    if connect_instance_id not in self.instance_configs:
        raise ResourceNotFoundException(
            f"Instance {connect_instance_id} is not onboarded to outbound campaigns."
        )
    job = self.onboarding_jobs.get(connect_instance_id)
    if job and job.status == "IN_PROGRESS":
        raise InvalidStateException("An onboarding job is in progress for this instance.")
    del self.instance_configs[connect_instance_id]
    self.onboarding_jobs.pop(connect_instance_id, None)


# --- responses (restJson1: path parameters in the URL, members in a JSON body) -------


def _path(self: Response, index: int) -> str:
    return unquote(self.path.split("/")[index])


def _body(self: Response) -> dict[str, Any]:
    return json.loads(self.body) if self.body else {}


def _instance_response(operation: str, key: str | None) -> Any:
    def respond(self: Response) -> str:
        result = getattr(self.connectcampaigns_backend, operation)(_path(self, 2))
        return json.dumps({key: result} if key else {})

    return respond


def response_list_campaigns(self: Response) -> str:
    params = _body(self)
    summaries, token = self.connectcampaigns_backend.list_campaigns(
        params.get("filters"), params.get("maxResults"), params.get("nextToken")
    )
    result: dict[str, Any] = {"campaignSummaryList": summaries}
    if token:
        result["nextToken"] = token
    return json.dumps(result)


def response_get_campaign_state_batch(self: Response) -> str:
    ids = _body(self).get("campaignIds") or []
    return json.dumps(self.connectcampaigns_backend.get_campaign_state_batch(ids))


def response_update_campaign(self: Response) -> str:
    self.connectcampaigns_backend.update_campaign(_path(self, 2), _body(self))
    return "{}"


# How AWS's JSON services name the failures moto's IAM enforcement raises in XML.
AUTH_ERRORS = {
    "AccessDenied": "AccessDeniedException",
    "SignatureDoesNotMatch": "InvalidSignatureException",
    "InvalidClientTokenId": "UnrecognizedClientException",
}
_original_authorize = Response._authenticate_and_authorize_normal_action


def authorize_with_json_errors(self: Response, resource: str = "*") -> None:
    # moto re-signs the request with its decoded URL, but SigV4 signs the path and query as
    # sent: an ARN label (/tags/arn%3Aaws%3A...%2F<id>) or an encoded query value (UntagResource's
    # tagKeys) would never check out. Sign the request line as it came.
    from flask import has_request_context, request  # loaded with the server, not before

    decoded_uri = self.uri
    raw = urlparse(request.environ.get("RAW_URI", "")) if has_request_context() else None
    if raw and raw.path:
        self.uri = urlunparse(urlparse(decoded_uri)._replace(path=raw.path, query=raw.query))
    try:
        _original_authorize(self, resource)
    except HTTPException as error:
        error_type = getattr(error, "error_type", None)
        if error_type is None:
            raise
        json_error = JsonRESTError(AUTH_ERRORS.get(error_type, error_type), error.message)
        json_error.code = error.code
        raise json_error
    finally:
        self.uri = decoded_uri


def apply() -> None:
    Response._authenticate_and_authorize_normal_action = authorize_with_json_errors
    Backend.create_campaign = create_campaign
    Backend.delete_campaign = delete_campaign
    Backend.list_campaigns = list_campaigns
    Backend.get_campaign_state_batch = get_campaign_state_batch
    Backend.update_campaign = update_campaign
    Backend.get_connect_instance_config = get_connect_instance_config
    Backend.start_instance_onboarding_job = start_instance_onboarding_job
    Backend.get_instance_onboarding_job_status = get_instance_onboarding_job_status
    Backend.delete_instance_onboarding_job = delete_instance_onboarding_job
    Backend.delete_connect_instance_config = delete_connect_instance_config
    for operation in TRANSITIONS:
        setattr(Backend, f"{operation}_campaign", _transition(operation))

    Response.list_campaigns = response_list_campaigns
    Response.get_campaign_state_batch = response_get_campaign_state_batch
    Response.get_instance_onboarding_job_status = _instance_response(
        "get_instance_onboarding_job_status", "connectInstanceOnboardingJobStatus"
    )
    for operation in ("delete_instance_onboarding_job", "delete_connect_instance_config"):
        setattr(Response, operation, _instance_response(operation, None))
    for operation in ("update_campaign_name", "update_campaign_dialer_config",
                      "update_campaign_outbound_call_config"):
        setattr(Response, operation, response_update_campaign)

    # Routes moto lacks; read when the server builds its Flask app on the first request.
    urls.url_paths["{0}/campaigns-state$"] = Response.dispatch
    for suffix in ("name", "dialer-config", "outbound-call-config"):
        urls.url_paths[f"{{0}}/campaigns/(?P<id>[^/]+)/{suffix}$"] = Response.dispatch
