"""Every AWS request the emulator receives, named, and the faults that act on one named request.

- `RequestNamer`: the service (SigV4 name) and operation of any request the project's clients
  send, from botocore's own models: REST protocols by method, path and query (S3's `x-id` query
  parameter when the SDK sends one), query protocols (STS, IAM) by their `Action`, JSON protocols
  (KMS) by `X-Amz-Target`. Operations of connect-campaigns v2 are named `v2:<Operation>`, as in
  the stats.
- The request log: one entry per request, in order, so that a test can compare what a program
  really sent with what its policy is evaluated against.
- Request faults: the requests of one operation after the first `after` ones are answered with
  an AWS error (`times` of them), in the service's own error format (XML for S3 and the query
  protocols, JSON otherwise). A failed S3 upload midway, an access denied on the Nth delete.
- Describe overrides: DescribeCampaign (v1 or v2) of one campaign id answers with members
  changed, as an endpoint that answers for another campaign (or a broken one) would.
"""

import io
import json
import os
import re
from typing import Any, Callable
from urllib.parse import parse_qs

import botocore.session
from moto.core.responses import BaseResponse

V2_PREFIX = "v2:"
# SigV4 signing name -> botocore models (and the prefix of their operation names).
MODELS = {
    "connect-campaigns": (("connectcampaigns", ""), ("connectcampaignsv2", V2_PREFIX)),
    "s3": (("s3", ""),),
    "sts": (("sts", ""),),
    "iam": (("iam", ""),),
    "kms": (("kms", ""),),
    "connect": (("connect", ""),),
}
LOG_LIMIT = 100_000


class RequestNamer:
    """(service, operation) of a request; the routes of each service load on first use."""

    def __init__(self) -> None:
        self._routes: dict[str, list[tuple[str, re.Pattern[str], tuple[str, ...], str]]] = {}
        self._protocols: dict[str, str] = {}

    def _load(self, service: str) -> None:
        routes = []
        for model_name, prefix in MODELS[service]:
            model = botocore.session.get_session().get_service_model(model_name)
            self._protocols[service] = model.protocol
            for name in model.operation_names:
                http = model.operation_model(name).http
                uri, _, query = http.get("requestUri", "/").partition("?")
                keys = tuple(k.split("=")[0] for k in query.split("&") if k)
                routes.append((http["method"], re.compile(BaseResponse.uri_to_regexp(uri)), keys, prefix + name))
        # Most specific first: required query keys, then the longest pattern.
        routes.sort(key=lambda r: (len(r[2]), len(r[1].pattern)), reverse=True)
        self._routes[service] = routes

    def protocol(self, service: str) -> str:
        if service not in MODELS:
            return "rest-json"
        if service not in self._routes:
            self._load(service)
        return self._protocols[service]

    def operation(self, service: str, environ: dict[str, Any]) -> str:
        if service not in MODELS:
            return "Unknown"
        protocol = self.protocol(service)
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if protocol == "query":
            body = read_body(environ)
            form = parse_qs(body.decode("utf-8", "replace")) if body else {}
            return (form.get("Action") or query.get("Action") or ["Unknown"])[0]
        if protocol == "json":
            return environ.get("HTTP_X_AMZ_TARGET", "Unknown").rpartition(".")[2]
        if "x-id" in query:
            return query["x-id"][0]
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        for route_method, pattern, keys, name in self._routes[service]:
            if route_method == method and pattern.match(path) and all(k in query for k in keys):
                return name
        return "Unknown"


def read_body(environ: dict[str, Any]) -> bytes:
    """The request body, put back so that moto reads it as sent."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


class RequestFaults:
    """Faults by operation, `"<service>:<operation>"` (`connect-campaigns:v2:DeleteCampaign`)."""

    def __init__(self) -> None:
        self.faults: dict[str, dict[str, Any]] = {}

    def add(self, body: dict[str, Any]) -> dict[str, Any]:
        operation, after, times = body.get("operation"), body.get("after", 0), body.get("times")
        status, code = body.get("status", 500), body.get("errorType", "InternalError")
        if not isinstance(operation, str) or ":" not in operation:
            raise ValueError('operation must be "<service>:<operation>", e.g. "s3:PutObject"')
        if not isinstance(after, int) or after < 0:
            raise ValueError("after must be a non-negative integer")
        if times is not None and (not isinstance(times, int) or times < 1):
            raise ValueError("times must be an integer >= 1, or absent for every later request")
        if not isinstance(status, int) or not 400 <= status <= 599 or not isinstance(code, str):
            raise ValueError("status must be an HTTP error status and errorType a string")
        fault = {"operation": operation, "after": after, "times": times, "status": status,
                 "errorType": code, "message": str(body.get("message", "injected by the emulator"))}
        self.faults[operation] = {**fault, "seen": 0, "failed": 0}
        return fault

    def take(self, operation: str) -> dict[str, Any] | None:
        fault = self.faults.get(operation)
        if fault is None:
            return None
        fault["seen"] += 1
        if fault["seen"] <= fault["after"] or (fault["times"] is not None and fault["failed"] >= fault["times"]):
            return None
        fault["failed"] += 1
        return fault


STATUS_TEXT = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
               429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


def error_response(start_response: Callable[..., Any], service: str, protocol: str,
                   fault: dict[str, Any]) -> list[bytes]:
    """The fault's error in the service's own format."""
    status = f"{fault['status']} {STATUS_TEXT.get(fault['status'], 'Error')}"
    request_id = os.urandom(16).hex()
    error = (f"<Code>{fault['errorType']}</Code><Message>{fault['message']}</Message>")
    if protocol == "query":
        data = f"<ErrorResponse><Error><Type>Sender</Type>{error}</Error><RequestId>{request_id}</RequestId></ErrorResponse>".encode()
        headers = [("Content-Type", "text/xml")]
    elif service == "s3":
        data = f'<?xml version="1.0" encoding="UTF-8"?><Error>{error}<RequestId>{request_id}</RequestId></Error>'.encode()
        headers = [("Content-Type", "application/xml")]
    else:
        data = json.dumps({"message": fault["message"]}).encode()
        headers = [("Content-Type", "application/json"), ("x-amzn-ErrorType", fault["errorType"])]
    start_response(status, [*headers, ("Content-Length", str(len(data))), ("x-amzn-RequestId", request_id)])
    return [data]


def wrong_bucket_owner(environ: dict[str, Any]) -> dict[str, Any] | None:
    """S3's ExpectedBucketOwner, which moto ignores: a request naming an owner the bucket does not
    have fails 403 AccessDenied (S3 User Guide, "Verifying bucket ownership with bucket owner
    condition"). Path-style requests only, as the SDK sends them to a loopback endpoint."""
    from moto.s3.models import s3_backends  # loaded with the server

    expected = environ.get("HTTP_X_AMZ_EXPECTED_BUCKET_OWNER")
    bucket = environ.get("PATH_INFO", "").lstrip("/").partition("/")[0]
    owner = s3_backends.bucket_accounts.get(bucket)
    if expected is None or owner is None or owner[1] == expected:
        return None
    return {"status": 403, "errorType": "AccessDenied", "message": "Access Denied"}


class DescribeOverrides:
    """DescribeCampaign of a campaign id answers with these members changed (null removes one)."""

    def __init__(self) -> None:
        self.patches: dict[str, dict[str, Any]] = {}

    def add(self, body: dict[str, Any]) -> dict[str, Any]:
        campaign_id, patch = body.get("campaignId"), body.get("patch")
        if not isinstance(campaign_id, str) or not isinstance(patch, dict):
            raise ValueError("need campaignId (string) and patch (object)")
        self.patches[campaign_id] = patch
        return {"campaignId": campaign_id, "patch": patch}

    def wrap(self, operation: str, environ: dict[str, Any], app: Callable[..., Any],
             start_response: Callable[..., Any]) -> Any:
        """The app's answer, patched when this is the DescribeCampaign of an overridden id."""
        campaign_id = environ.get("PATH_INFO", "").rstrip("/").rpartition("/")[2]
        patch = self.patches.get(campaign_id) if operation.endswith("DescribeCampaign") else None
        if patch is None:
            return app(environ, start_response)
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured.update(status=status, headers=headers)
            return lambda _data: None

        body = b"".join(app(environ, capture))
        if captured["status"].startswith("200"):
            answer = json.loads(body)
            campaign = {**answer["campaign"], **patch}
            answer["campaign"] = {k: v for k, v in campaign.items() if v is not None}
            body = json.dumps(answer).encode()
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        start_response(captured["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]
