"""WSGI layer in front of moto: faults, AWS request quotas, stats, and the control API.

Only connect-campaigns requests (recognised by the SigV4 service name) are counted,
throttled or failed. Control endpoints live under /_emulator/, a prefix no AWS API uses,
in the spirit of moto's own /moto-api/.
"""

import json
import os
import random
import re
import threading
import time
from typing import Any, Callable, Iterable

from moto import settings as moto_settings
from moto.core.authorization import ActionAuthenticatorMixin
from moto.iam.models import get_account_id_from
from moto.moto_api._internal import moto_api_backend

import emu_campaigns
import emu_campaigns_v2
from emu_requests import (LOG_LIMIT, DescribeOverrides, RequestFaults, RequestNamer, error_response,
                          wrong_bucket_owner)

SERVICE = "connect-campaigns"  # the SigV4 name of API v1 and v2 alike
V2_PREFIX = "v2:"
CONTROL_PREFIX = "/_emulator/"

# AWS quotas per account and region: (requests per second, burst). Source: Amazon Connect
# Administrator Guide, "Amazon Connect service quotas" > "Outbound campaigns quotas"
# (docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html), as recorded
# in the project's facts notes. That table names operations, not API versions, and Service
# Quotas has one rate quota per operation of the `connect-campaigns` service: the v2 operations
# (stats name `v2:<Operation>`) draw from the same bucket as their v1 namesakes; operations the
# table does not name (GetCampaignStateBatch, tags, onboarding) fall under "every other one".
CAMPAIGN_CHANGE = (1.0, 2)
QUOTAS = {
    **{op: CAMPAIGN_CHANGE for op in (
        "CreateCampaign", "DeleteCampaign", "StartCampaign",
        "StopCampaign", "PauseCampaign", "ResumeCampaign",
    )},
    "ListCampaigns": (5.0, 10),
    "GetCampaignState": (5.0, 10),
    "DescribeCampaign": (25.0, 35),
}
OTHER_QUOTA = (2.0, 5)


def quota_name(operation: str) -> str:
    """The quota an operation counts against: v1's and v2's of one name share it."""
    return operation.removeprefix(V2_PREFIX)


DEFAULT_CONFIG = {
    "throttleFraction": 0.0,
    "errorFraction": 0.0,
    "latencyMs": 0,
    "seed": None,
    "rates": False,
    # Multiplies every quota's rate and burst, as AWS does for an account whose quotas were
    # raised; with the hook's CAMPAIGNS_HOOK_QUOTA_MULTIPLIER it runs quota-bound work faster.
    "rateScale": 1,
    "onboardingPolls": 1,
    # API v2 also answers for v1 campaigns (AWS documents neither way; see emu_campaigns_v2).
    "v1CampaignsInV2": False,
    # Regions where connect-campaigns and connect requests are denied, as an Organizations
    # service control policy that denies a Region (aws:RequestedRegion) denies them: 403
    # AccessDeniedException "... with an explicit deny in a service control policy".
    "deniedRegions": [],
    # ListCampaigns (v1 and v2) answers every campaign of the account and Region, whatever its
    # instanceIdFilter says: an endpoint a client must not trust with its filter.
    "ignoreInstanceIdFilter": False,
}

# The services a Region-deny applies to: the campaigns API (v1 and v2) and Amazon Connect.
DENIABLE_SERVICES = (SERVICE, "connect")


def validated(update: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """`base` with `update` applied; ValueError names the first bad field."""
    unknown = set(update) - set(DEFAULT_CONFIG)
    if unknown:
        raise ValueError(f"unknown config fields: {sorted(unknown)}")
    config = {**base, **update}
    for key in ("throttleFraction", "errorFraction"):
        if not isinstance(config[key], (int, float)) or not 0 <= config[key] <= 1:
            raise ValueError(f"{key} must be a number from 0 to 1")
    if config["throttleFraction"] + config["errorFraction"] > 1:
        raise ValueError("throttleFraction + errorFraction must not exceed 1")
    for key in ("latencyMs", "onboardingPolls"):
        if not isinstance(config[key], int) or isinstance(config[key], bool) or config[key] < 0:
            raise ValueError(f"{key} must be a non-negative integer")
    if config["seed"] is not None and not isinstance(config["seed"], int):
        raise ValueError("seed must be an integer or null")
    for key in ("rates", "v1CampaignsInV2", "ignoreInstanceIdFilter"):
        if not isinstance(config[key], bool):
            raise ValueError(f"{key} must be true or false")
    regions = config["deniedRegions"]
    if not isinstance(regions, list) or not all(isinstance(r, str) and r for r in regions):
        raise ValueError("deniedRegions must be a list of Region names")
    if isinstance(config["rateScale"], bool) or not isinstance(config["rateScale"], (int, float)) or config["rateScale"] <= 0:
        raise ValueError("rateScale must be a positive number")
    return config


class TokenBucket:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.updated = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def _credential_scope(environ: dict[str, Any]) -> list[str]:
    """[access key, date, region, service, 'aws4_request'] of a SigV4 request, else []."""
    match = re.search(r"Credential=([^,\s]+)", environ.get("HTTP_AUTHORIZATION", ""))
    return match.group(1).split("/") if match else []


def _account(environ: dict[str, Any], access_key: str) -> str:
    # The same precedence moto applies when it picks the account of a request.
    return (
        os.environ.get("MOTO_ACCOUNT_ID")
        or environ.get("HTTP_X_MOTO_ACCOUNT_ID")
        or get_account_id_from(access_key)
    )


def _caller(environ: dict[str, Any], access_key: str) -> str:
    return f"arn:aws:sts::{_account(environ, access_key)}:assumed-role/caller"


def _json(start_response: Callable[..., Any], status: str, body: Any,
          headers: Iterable[tuple[str, str]] = ()) -> list[bytes]:
    data = json.dumps(body).encode()
    start_response(status, [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(data))),
        *headers,
    ])
    return [data]


def _aws_error(start_response: Callable[..., Any], status: str, error_type: str,
               message: str) -> list[bytes]:
    # restJson1 errors as AWS sends them: the type in a header, the message in the body.
    return _json(start_response, status, {"message": message},
                 [("x-amzn-ErrorType", error_type), ("x-amzn-RequestId", os.urandom(16).hex())])


class EmulatorMiddleware:
    def __init__(self, app: Callable[..., Any], initial_config: dict[str, Any]) -> None:
        self.app = app
        self.initial_config = validated(initial_config, DEFAULT_CONFIG)
        self.namer = RequestNamer()
        self.lock = threading.Lock()
        # What INITIAL_NO_AUTH_ACTION_COUNT was at start (inf unless set): a reset puts back
        # whatever a test switched with moto's /moto-api/reset-auth.
        self.initial_no_auth_count = moto_settings.INITIAL_NO_AUTH_ACTION_COUNT
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.config = self.initial_config
            self.rng = random.Random(self.config["seed"])
            self.buckets: dict[tuple[str, str, str], TokenBucket] = {}
            self.stats = self._empty_stats()
            self.log: list[dict[str, str]] = []
            self.faults = RequestFaults()
            self.overrides = DescribeOverrides()
            emu_campaigns.controls.failures.clear()
            moto_settings.INITIAL_NO_AUTH_ACTION_COUNT = self.initial_no_auth_count
            ActionAuthenticatorMixin.request_count = 0
            self._apply_config()

    def _apply_config(self) -> None:
        emu_campaigns.controls.polls = self.config["onboardingPolls"]
        emu_campaigns.controls.ignore_instance_filter = self.config["ignoreInstanceIdFilter"]
        emu_campaigns_v2.visibility["v1CampaignsInV2"] = self.config["v1CampaignsInV2"]

    def configure(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.config = validated(update, self.config)
            if "seed" in update:  # restart the sequence, even with the same seed
                self.rng = random.Random(self.config["seed"])
            if "rates" in update or "rateScale" in update:  # buckets start full, at the new scale
                self.buckets = {}
            self._apply_config()
            return self.config

    @staticmethod
    def _empty_stats() -> dict[str, Any]:
        return {"requests": {}, "throttled": 0, "internalErrors": 0}

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith(CONTROL_PREFIX):
            return self.control(environ, start_response, path[len(CONTROL_PREFIX):])
        scope = _credential_scope(environ)
        if len(scope) != 5:
            return self.app(environ, start_response)
        service = scope[3]
        operation = self.namer.operation(service, environ)
        if service in DENIABLE_SERVICES and scope[2] in self.config["deniedRegions"]:
            return _aws_error(start_response, "403 Forbidden", "AccessDeniedException",
                              f"User: {_caller(environ, scope[0])} is not authorized to perform: "
                              f"{service}:{operation.split(':')[-1]} with an explicit deny "
                              "in a service control policy")
        with self.lock:
            if len(self.log) < LOG_LIMIT:
                self.log.append({"service": service, "operation": operation,
                                 "account": _account(environ, scope[0]), "region": scope[2]})
            fault = self.faults.take(f"{service}:{operation}")
        if fault is None and service == "s3":
            fault = wrong_bucket_owner(environ)
        if fault:
            return error_response(start_response, service, self.namer.protocol(service), fault)
        if service == SERVICE:
            rejection = self.admit(environ, scope, operation)
            if rejection:
                return _aws_error(start_response, *rejection)
            return self.overrides.wrap(operation, environ, self.app, start_response)
        return self.app(environ, start_response)

    def admit(self, environ: dict[str, Any], scope: list[str], operation: str) -> tuple[str, str, str] | None:
        """Counts the request; returns (status, error type, message) to reject it with."""
        with self.lock:
            config = self.config
            requests = self.stats["requests"]
            requests[operation] = requests.get(operation, 0) + 1
            rejection = None
            if config["rates"] and not self._bucket(environ, scope, operation).take():
                rejection = ("429 Too Many Requests", "ThrottlingException", "Rate exceeded")
            else:
                draw = self.rng.random()
                if draw < config["throttleFraction"]:
                    rejection = ("429 Too Many Requests", "ThrottlingException", "Rate exceeded")
                elif draw < config["throttleFraction"] + config["errorFraction"]:
                    rejection = ("500 Internal Server Error", "InternalServerException",
                                 "Internal server error (injected by the emulator)")
            if rejection and rejection[1] == "ThrottlingException":
                self.stats["throttled"] += 1
            elif rejection:
                self.stats["internalErrors"] += 1
        if config["latencyMs"]:
            time.sleep(config["latencyMs"] / 1000)
        return rejection

    def _bucket(self, environ: dict[str, Any], scope: list[str], operation: str) -> TokenBucket:
        key = (_account(environ, scope[0]), scope[2], quota_name(operation))
        if key not in self.buckets:
            rate, burst = QUOTAS.get(key[2], OTHER_QUOTA)
            scale = self.config["rateScale"]
            self.buckets[key] = TokenBucket(rate * scale, max(1, int(burst * scale)))
        return self.buckets[key]

    def control(self, environ: dict[str, Any], start_response: Callable[..., Any],
                route: str) -> list[bytes]:
        method = environ["REQUEST_METHOD"]
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            result = self._control(method, route, body)
        except (ValueError, TypeError) as error:
            return _json(start_response, "400 Bad Request", {"error": str(error)})
        if result is None:
            return _json(start_response, "404 Not Found",
                         {"error": f"no control endpoint {method} {CONTROL_PREFIX}{route}"})
        return _json(start_response, "200 OK", result)

    def _control(self, method: str, route: str, body: dict[str, Any]) -> dict[str, Any] | None:
        if route == "config" and method == "GET":
            return self.config
        if route == "config" and method == "POST":
            return self.configure(body)
        if route == "onboarding-failure" and method == "POST":
            instance_id = body.get("connectInstanceId")
            times = body.get("times", 1)
            if not isinstance(instance_id, str) or not isinstance(times, int) or times < 1:
                raise ValueError("need connectInstanceId (string) and times (integer >= 1)")
            emu_campaigns.controls.fail_next(instance_id, body.get("failureCode"), times)
            return {"connectInstanceId": instance_id, "failureCode": body["failureCode"],
                    "times": times}
        if route == "request-fault" and method == "POST":
            with self.lock:
                return self.faults.add(body)
        if route == "describe-override" and method == "POST":
            with self.lock:
                return self.overrides.add(body)
        if route == "request-log" and method == "GET":
            with self.lock:
                return {"requests": list(self.log)}
        if route == "seed" and method == "POST":
            return seed(body)
        if route == "stats" and method == "GET":
            with self.lock:
                return json.loads(json.dumps(self.stats))
        if route == "stats/reset" and method == "POST":
            with self.lock:
                self.stats = self._empty_stats()
                self.log = []
            return {"status": "ok"}
        if route == "info" and method == "GET":
            # Lets a test process check that a port it remembers is still its own emulator.
            return {"pid": os.getpid()}
        if route == "reset" and method == "POST":
            moto_api_backend.reset()  # what POST /moto-api/reset does
            self.reset()
            return {"status": "ok"}
        return None


def seed(body: dict[str, Any]) -> dict[str, Any]:
    """Creates Connect instances and KMS keys with ids chosen by the caller, so that a config
    written in advance (examples/rollout.json) names resources that exist. moto's own
    CreateInstance / CreateKey pick random ids; this is a test control like /moto-api/."""
    from moto.connect.models import connect_backends
    from moto.kms.models import kms_backends

    created: dict[str, list[str]] = {"connectInstances": [], "kmsKeys": []}
    for item in body.get("connectInstances", []):
        backend = connect_backends[item["account"]][item["region"]]
        made = backend.create_instance("CONNECT_MANAGED", True, True, instance_alias=f"seed-{item['id'][:8]}")
        instance = backend.instances.pop(made["Id"])
        instance.id = item["id"]
        instance.arn = f"arn:aws:connect:{item['region']}:{item['account']}:instance/{item['id']}"
        backend.instances[instance.id] = instance
        created["connectInstances"].append(instance.arn)
    for item in body.get("kmsKeys", []):
        backend = kms_backends[item["account"]][item["region"]]
        key = backend.create_key(None, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "seeded", None)
        del backend.keys[key.id]
        key.id = item["id"]
        key.arn = f"arn:aws:kms:{item['region']}:{item['account']}:key/{item['id']}"
        backend.keys[key.id] = key
        created["kmsKeys"].append(key.arn)
    return created
