"""connect-campaigns API v2 (`connectcampaignsv2`, 2024-04-23), which moto 5.2.1 lacks.

Requests are read and validated from AWS's own service model (emu_model), so paths, members,
constraints and error codes are the model's. Both API versions are one service to AWS (same
SigV4 name and endpoint, `connect-campaigns`; paths under `/v2/...` for v2), so v2 shares the
v1 backend's instance configs, onboarding jobs, tags and campaign ARN form: an instance
onboarded through one API is onboarded for the other, and both count towards the same
campaigns-per-instance quota and the same service-linked role.

Which campaigns each API shows (AWS documents no cross-visibility): by default a campaign
answers to the API that made it; v1 ListCampaigns does not list v2 campaigns and v2 does not
list v1's. The test control `v1CampaignsInV2` (config) makes API v2 also answer for v1
campaigns, shown as the telephony campaigns they are (dialer -> outbound mode, call config ->
default outbound config), so that a client's de-duplication by ARN can be exercised too.
DeleteConnectInstanceConfig with campaignDeletionPolicy=DELETE_ALL deletes every campaign of
the instance, made through either API (the broader reading, so a guard is tested against it).
"""

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from moto.connectcampaigns import urls
from moto.connectcampaigns.exceptions import ResourceNotFoundException, ValidationException
from moto.connectcampaigns.models import ConnectCampaignServiceBackend as Backend
from moto.connectcampaigns.models import connectcampaigns_backends
from moto.core.responses import BaseResponse
from moto.core.utils import camelcase_to_underscores

import emu_campaigns
from emu_model import ModelViolation, request_params, service_model, validated

SERVICE_MODEL = "connectcampaignsv2"
MAX_LIST_RESULTS = 50  # the model's MaxResults range is 1..50; AWS pages by 50 when absent
SUBTYPES = {"telephony": "TELEPHONY", "sms": "SMS", "email": "EMAIL", "whatsApp": "WHATSAPP"}
# Members of a Campaign kept as the caller sent them (after validation) and described back.
CONFIG_MEMBERS = (
    "channelSubtypeConfig", "type", "source", "connectCampaignFlowArn", "schedule",
    "entryLimitsConfig", "communicationTimeConfig", "communicationLimitsOverride",
)
# Extra members of a CampaignSummary besides id, arn, name, connectInstanceId, channelSubtypes.
SUMMARY_MEMBERS = ("type", "schedule", "entryLimitsConfig", "connectCampaignFlowArn")


@dataclass
class CampaignV2:
    id: str
    arn: str
    name: str
    connect_instance_id: str
    config: dict[str, Any]
    sequence: int
    state: str = "Initialized"

    def channel_subtypes(self) -> list[str]:
        configured = self.config.get("channelSubtypeConfig") or {}
        return [wire for member, wire in SUBTYPES.items() if member in configured]

    def identity(self) -> dict[str, Any]:
        return {"id": self.id, "arn": self.arn, "name": self.name,
                "connectInstanceId": self.connect_instance_id}

    def summary(self) -> dict[str, Any]:
        extra = {k: self.config[k] for k in SUMMARY_MEMBERS if k in self.config}
        return {**self.identity(), "channelSubtypes": self.channel_subtypes(), **extra}


class V1AsV2:
    """A v1 campaign as API v2 shows it (under `v1CampaignsInV2`): a telephony campaign."""

    DIALERS = {"progressiveDialerConfig": "progressive", "predictiveDialerConfig": "predictive",
               "agentlessDialerConfig": "agentless"}

    def __init__(self, campaign: Any) -> None:
        self.v1 = campaign
        self.id, self.arn, self.name = campaign.id, campaign.arn, campaign.name
        self.connect_instance_id, self.sequence = campaign.connect_instance_id, campaign.sequence

    @property
    def state(self) -> str:
        return self.v1.state

    @state.setter
    def state(self, value: str) -> None:
        self.v1.state = value

    @property
    def config(self) -> dict[str, Any]:
        dialer, settings = next(iter(self.v1.dialer_config.items()))
        mode = {k: v for k, v in settings.items() if k == "bandwidthAllocation"}
        call = self.v1.outbound_call_config
        telephony: dict[str, Any] = {
            "outboundMode": {self.DIALERS[dialer]: mode},
            "defaultOutboundConfig": {
                k: call[k] for k in ("connectContactFlowId", "connectSourcePhoneNumber",
                                     "answerMachineDetectionConfig") if k in call
            },
        }
        if "dialingCapacity" in settings:
            telephony["capacity"] = settings["dialingCapacity"]
        if "connectQueueId" in call:
            telephony["connectQueueId"] = call["connectQueueId"]
        return {"channelSubtypeConfig": {"telephony": telephony}}

    channel_subtypes = CampaignV2.channel_subtypes
    identity = CampaignV2.identity
    summary = CampaignV2.summary


visibility = {"v1CampaignsInV2": False}  # set through the control API (emu_control)


# --- backend (functions of the shared v1 backend) ------------------------------------


def _visible(self: Backend) -> dict[str, Any]:
    """The campaigns API v2 answers for, by id."""
    campaigns: dict[str, Any] = dict(emu_campaigns.v2_campaigns(self))
    if visibility["v1CampaignsInV2"]:
        campaigns.update((c.id, V1AsV2(c)) for c in self.campaigns.values())
    return campaigns


def _campaign(self: Backend, campaign_id: str) -> Any:
    campaign = _visible(self).get(campaign_id)
    if campaign is None:
        raise ResourceNotFoundException(f"Campaign {campaign_id} not found.")
    return campaign


def _campaign_by_arn(self: Backend, arn: str) -> Any:
    for campaign in _visible(self).values():
        if campaign.arn == arn:
            return campaign
    raise ResourceNotFoundException(f"Resource {arn} not found.")


def create_campaign(self: Backend, params: dict[str, Any]) -> dict[str, Any]:
    instance_id = params["connectInstanceId"]
    emu_campaigns.require_instance(self, instance_id)
    emu_campaigns.check_campaign_quota(self, instance_id)
    campaign_id = str(uuid.uuid4())
    campaign = CampaignV2(
        id=campaign_id,
        arn=emu_campaigns.campaign_arn(self, campaign_id),
        name=params["name"],
        connect_instance_id=instance_id,
        config={k: params[k] for k in CONFIG_MEMBERS if k in params},
        sequence=emu_campaigns.next_sequence(),
    )
    emu_campaigns.v2_campaigns(self)[campaign_id] = campaign
    tags = params.get("tags") or {}
    if tags:
        self.tagger.tag_resource(campaign.arn, [{"Key": k, "Value": v} for k, v in tags.items()])
    return {"id": campaign.id, "arn": campaign.arn, "tags": tags}


def describe_campaign(self: Backend, campaign_id: str) -> dict[str, Any]:
    campaign = _campaign(self, campaign_id)
    return {**campaign.identity(), **campaign.config,
            "tags": self.tagger.get_tag_dict_for_resource(campaign.arn)}


def delete_campaign(self: Backend, campaign_id: str) -> None:
    campaign = _campaign(self, campaign_id)
    if isinstance(campaign, V1AsV2):
        self.delete_campaign(campaign.id)
    else:
        del emu_campaigns.v2_campaigns(self)[campaign.id]
    self.tagger.delete_all_tags_for_resource(campaign.arn)


def change_state(self: Backend, operation: str, campaign_id: str) -> None:
    campaign = _campaign(self, campaign_id)
    campaign.state = emu_campaigns.next_state(operation, campaign_id, campaign.state)


def get_campaign_state_batch(self: Backend, campaign_ids: list[str]) -> dict[str, Any]:
    campaigns = _visible(self)
    return {
        "successfulRequests": [
            {"campaignId": i, "state": campaigns[i].state} for i in campaign_ids if i in campaigns
        ],
        "failedRequests": [
            {"campaignId": i, "failureCode": "ResourceNotFound"}
            for i in campaign_ids if i not in campaigns
        ],
    }


def list_campaigns(self: Backend, params: dict[str, Any]) -> dict[str, Any]:
    limit = params.get("maxResults", MAX_LIST_RESULTS)
    instance_filter = (params.get("filters") or {}).get("instanceIdFilter")
    token = params.get("nextToken")
    after = emu_campaigns.decode_token(token) if token else -1
    if emu_campaigns.controls.ignore_instance_filter:
        instance_filter = None
    matching = sorted(
        (
            c for c in _visible(self).values()
            if c.sequence > after
            and (not instance_filter or c.connect_instance_id == instance_filter["value"])
        ),
        key=lambda c: c.sequence,
    )
    page = matching[:limit]
    result: dict[str, Any] = {"campaignSummaryList": [c.summary() for c in page]}
    if len(matching) > limit:
        result["nextToken"] = emu_campaigns.encode_token(page[-1].sequence)
    return result


def delete_connect_instance_config(self: Backend, instance_id: str, policy: str | None) -> None:
    # The checks (instance, onboarded, no job running) and the offboarding are v1's.
    self.delete_connect_instance_config(instance_id)
    if policy != "DELETE_ALL":  # RETAIN_ALL, or no policy: the campaigns stay
        return
    for campaign in list(self.campaigns.values()):
        if campaign.connect_instance_id == instance_id:
            self.delete_campaign(campaign.id)
            self.tagger.delete_all_tags_for_resource(campaign.arn)
    for campaign in list(emu_campaigns.v2_campaigns(self).values()):
        if campaign.connect_instance_id == instance_id:
            delete_campaign(self, campaign.id)


# --- responses ------------------------------------------------------------------------


class CampaignsV2Response(BaseResponse):
    """restJson1 handler of the v2 operations; one method per operation, named as moto does."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE_MODEL)

    @property
    def backend(self) -> Backend:
        return connectcampaigns_backends[self.current_account][self.region]

    def call_action(self) -> Any:
        # Operations of the model this emulator does not serve answer as AWS answers an
        # operation it does not know, in JSON, instead of moto's HTML 500.
        action = self._get_action()
        if action and not hasattr(self, camelcase_to_underscores(action)):
            message = f"The emulator does not implement connectcampaignsv2 {action} (test/emulator/README.md)."
            headers = {"x-amzn-ErrorType": "UnknownOperationException", "Content-Type": "application/json"}
            return 404, headers, json.dumps({"message": message})
        return super().call_action()

    def _params(self) -> dict[str, Any]:
        """The request's members, validated by the model; every operation starts here."""
        self.response_headers["Content-Type"] = "application/json"
        operation = service_model(SERVICE_MODEL).operation_model(self._get_action())
        try:
            body = json.loads(self.body) if self.body else {}
        except ValueError:
            raise ValidationException("The request body is not valid JSON.")
        if not isinstance(body, dict):
            raise ValidationException("The request body must be a JSON object.")
        labels = self.uri_match.groupdict() if self.uri_match else {}
        query = parse_qs(self.parsed_url.query, keep_blank_values=True)
        try:
            return validated(operation, request_params(operation, labels, query, body))
        except ModelViolation as violation:
            raise ValidationException(str(violation))

    def create_campaign(self) -> str:
        return json.dumps(create_campaign(self.backend, self._params()))

    def describe_campaign(self) -> str:
        return json.dumps({"campaign": describe_campaign(self.backend, self._params()["id"])})

    def delete_campaign(self) -> str:
        delete_campaign(self.backend, self._params()["id"])
        return "{}"

    def _change_state(self, operation: str) -> str:
        change_state(self.backend, operation, self._params()["id"])
        return "{}"

    def start_campaign(self) -> str:
        return self._change_state("start")

    def stop_campaign(self) -> str:
        return self._change_state("stop")

    def pause_campaign(self) -> str:
        return self._change_state("pause")

    def resume_campaign(self) -> str:
        return self._change_state("resume")

    def get_campaign_state(self) -> str:
        return json.dumps({"state": _campaign(self.backend, self._params()["id"]).state})

    def get_campaign_state_batch(self) -> str:
        ids = self._params()["campaignIds"]
        return json.dumps(get_campaign_state_batch(self.backend, ids))

    def list_campaigns(self) -> str:
        return json.dumps(list_campaigns(self.backend, self._params()))

    def list_tags_for_resource(self) -> str:
        campaign = _campaign_by_arn(self.backend, self._params()["arn"])
        return json.dumps({"tags": self.backend.tagger.get_tag_dict_for_resource(campaign.arn)})

    def tag_resource(self) -> str:
        params = self._params()
        campaign = _campaign_by_arn(self.backend, params["arn"])
        tags = [{"Key": k, "Value": v} for k, v in params["tags"].items()]
        self.backend.tagger.tag_resource(campaign.arn, tags)
        return "{}"

    def untag_resource(self) -> str:
        params = self._params()
        campaign = _campaign_by_arn(self.backend, params["arn"])
        self.backend.tagger.untag_resource_using_names(campaign.arn, params["tagKeys"])
        return "{}"

    # Instance configs and onboarding jobs are shared with v1 (emu_campaigns), same shapes.
    def get_connect_instance_config(self) -> str:
        instance_id = self._params()["connectInstanceId"]
        return json.dumps({"connectInstanceConfig": self.backend.get_connect_instance_config(instance_id)})

    def start_instance_onboarding_job(self) -> str:
        params = self._params()
        status = self.backend.start_instance_onboarding_job(
            params["connectInstanceId"], params["encryptionConfig"]
        )
        return json.dumps({"connectInstanceOnboardingJobStatus": status})

    def get_instance_onboarding_job_status(self) -> str:
        instance_id = self._params()["connectInstanceId"]
        status = self.backend.get_instance_onboarding_job_status(instance_id)
        return json.dumps({"connectInstanceOnboardingJobStatus": status})

    def delete_instance_onboarding_job(self) -> str:
        self.backend.delete_instance_onboarding_job(self._params()["connectInstanceId"])
        return "{}"

    def delete_connect_instance_config(self) -> str:
        params = self._params()
        delete_connect_instance_config(
            self.backend, params["connectInstanceId"], params.get("campaignDeletionPolicy")
        )
        return "{}"


def model_routes() -> list[str]:
    """moto's url_paths entries for every v2 operation's URI in the model. Flask matches them
    against the decoded path, so an ARN label (which holds "/") takes the rest of the path."""
    model = service_model(SERVICE_MODEL)
    routes = set()
    for name in model.operation_names:
        regexp = BaseResponse.uri_to_regexp(model.operation_model(name).http["requestUri"])
        regexp = re.sub(r"\(\?P<(?!arn>)(\w+)>\.\+\)", r"(?P<\1>[^/]+)", regexp)
        routes.add("{0}" + regexp.removeprefix("^"))
    return sorted(routes)


def apply() -> None:
    # Denials as JSON and the campaign ARN as the authorised resource, as for v1.
    CampaignsV2Response._authenticate_and_authorize_normal_action = (
        emu_campaigns.authorize_with_json_errors
    )
    for route in model_routes():
        urls.url_paths[route] = CampaignsV2Response.dispatch
