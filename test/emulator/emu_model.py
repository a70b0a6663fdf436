"""Requests read and checked against AWS's own service model (botocore's copy of it).

A restJson1 operation takes its members from the URI labels, the query string and the JSON
body; AWS validates all of them against the operation's input shape before the operation runs:
required members, lengths, ranges, patterns, enums, unions (exactly one member set), list sizes.
This module does the same from the model, so the emulator's checks are AWS's constraints and
not a hand-written copy. Timestamps (iso8601 in this protocol) are normalised to
`YYYY-MM-DDTHH:MM:SS[.fff]Z`, the form AWS answers with.

The constraint text follows the wording AWS's Smithy-based services use; the exact
message of connect-campaigns v2 is not documented.
"""

import datetime
import re
from functools import cache
from typing import Any
from urllib.parse import unquote

import botocore.session
from botocore.model import OperationModel, ServiceModel, Shape


@cache
def service_model(name: str) -> ServiceModel:
    return botocore.session.get_session().get_service_model(name)


class ModelViolation(Exception):
    """The request breaks the model; `str()` is the message AWS's ValidationException carries."""


def request_params(
    operation: OperationModel,
    uri_labels: dict[str, str],
    query: dict[str, list[str]],
    body: dict[str, Any],
) -> dict[str, Any]:
    """The operation's input members, gathered from where the protocol puts each one."""
    params: dict[str, Any] = {}
    shape = operation.input_shape
    if shape is None:
        return params
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        wire_name = member.serialization.get("name", name)
        if location == "uri" and wire_name in uri_labels:
            params[name] = unquote(uri_labels[wire_name])
        elif location == "querystring" and wire_name in query:
            values = query[wire_name]
            params[name] = values if member.type_name == "list" else values[0]
        elif location is None and name in body:
            params[name] = body[name]
    return params


def validated(operation: OperationModel, params: dict[str, Any]) -> dict[str, Any]:
    """`params` with timestamps normalised; raises ModelViolation listing every violation."""
    errors: list[str] = []
    result = _check(operation.input_shape, params, "", errors) if operation.input_shape else {}
    if errors:
        count = f"{len(errors)} validation error{'s' if len(errors) > 1 else ''} detected"
        raise ModelViolation(f"{count}. " + "; ".join(errors))
    return result


def _fail(errors: list[str], path: str, constraint: str) -> None:
    errors.append(f"Value at '{path or '/'}' failed to satisfy constraint: Member must {constraint}")


def _check(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    kind = shape.type_name
    checker = _CHECKERS.get(kind)
    return checker(shape, value, path, errors) if checker else value


def _structure(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, dict):
        _fail(errors, path, "be a structure")
        return value
    for name in shape.required_members:
        if value.get(name) is None:
            _fail(errors, f"{path}/{name}", "not be null")
    present = [name for name in shape.members if value.get(name) is not None]
    if shape.metadata.get("union") and len(present) != 1:
        _fail(errors, path, f"have exactly one member set, one of {sorted(shape.members)}")
    # Members the model does not know are ignored, as AWS's JSON deserialisers do.
    return {name: _check(shape.members[name], value[name], f"{path}/{name}", errors) for name in present}


def _list(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, list):
        _fail(errors, path, "be a list")
        return value
    _length(shape, len(value), path, errors, "have at least {} items", "have at most {} items")
    return [_check(shape.member, item, f"{path}/{i}", errors) for i, item in enumerate(value)]


def _map(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, dict):
        _fail(errors, path, "be a map")
        return value
    _length(shape, len(value), path, errors, "have at least {} entries", "have at most {} entries")
    result = {}
    for key, item in value.items():
        _check(shape.key, key, f"{path}/{key}", errors)
        result[key] = _check(shape.value, item, f"{path}/{key}", errors)
    return result


def _string(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, str):
        _fail(errors, path, "be a string")
        return value
    if shape.enum and value not in shape.enum:
        _fail(errors, path, f"satisfy enum value set: [{', '.join(shape.enum)}]")
    _length(shape, len(value), path, errors,
            "have length greater than or equal to {}", "have length less than or equal to {}")
    pattern = shape.metadata.get("pattern")
    # Smithy patterns are not implicitly anchored: a search, not a full match. A pattern that
    # opens with a lookahead, such as TagKey's `(?!aws:)...`, only means something at the start.
    matches = re.match if pattern and pattern.startswith("(?") else re.search
    if pattern and not matches(pattern, value):
        _fail(errors, path, f"satisfy regular expression pattern: {pattern}")
    return value


def _number(integral: bool) -> Any:
    def check(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
        allowed = (int,) if integral else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed):
            _fail(errors, path, "be an integer" if integral else "be a number")
            return value
        _length(shape, value, path, errors,
                "be greater than or equal to {}", "be less than or equal to {}")
        return value

    return check


def _boolean(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    if not isinstance(value, bool):
        _fail(errors, path, "be a boolean")
    return value


def _timestamp(shape: Shape, value: Any, path: str, errors: list[str]) -> Any:
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            moment = datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
        else:
            moment = datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            if moment.tzinfo is None:
                raise ValueError("no time zone")
    except (TypeError, ValueError, OverflowError):
        _fail(errors, path, "be a date-time in ISO 8601 format with a time zone")
        return value
    return format_timestamp(moment)


def format_timestamp(moment: datetime.datetime) -> str:
    moment = moment.astimezone(datetime.timezone.utc)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond // 1000:03d}"
    return text + "Z"


def _length(shape: Shape, size: float, path: str, errors: list[str],
            at_least: str, at_most: str) -> None:
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if low is not None and size < low:
        _fail(errors, path, at_least.format(low))
    if high is not None and size > high:
        _fail(errors, path, at_most.format(high))


_CHECKERS = {
    "structure": _structure,
    "list": _list,
    "map": _map,
    "string": _string,
    "integer": _number(True),
    "long": _number(True),
    "double": _number(False),
    "float": _number(False),
    "boolean": _boolean,
    "timestamp": _timestamp,
}
