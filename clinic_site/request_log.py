"""One JSON line per request, with a request id; nothing personal (README "Logs").

Each line carries the request id (also sent as ``X-Request-ID``), method, path without the
query string, status and duration in milliseconds. Never the query string (search words), the
client address, the user agent, cookies or any form field. Every other log line written while
a request is handled carries the same ``request_id``, so one request can be followed.
This module imports nothing from Django at import time: gunicorn's own log uses the formatter.
"""

from __future__ import annotations

import json
import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID_HEADER = "X-Request-ID"
# An id set by our own proxy is kept if it looks like one; anything else is replaced.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_FIELDS = ("method", "path", "status", "duration_ms")
_current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

logger = logging.getLogger("clinic_site.requests")


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object on one line, with only the fields listed above."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or _current_request_id.get()
        if request_id:
            entry["request_id"] = request_id
        for name in _FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = _exception(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _exception(exc_info) -> dict[str, Any]:
    """The exception's class and stack, without its message: messages can quote personal data
    (an SMTP refusal names the address, a database error the value it refused)."""
    kind, _value, trace = exc_info
    frames = traceback.extract_tb(trace)
    return {
        "type": f"{kind.__module__}.{kind.__qualname__}",
        "stack": [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in frames],
    }


def _request_id(incoming: str) -> str:
    return incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex


class RequestLogMiddleware:
    """Give each request an id, answer it in ``X-Request-ID`` and log the request when done.

    The line is written only when ``REQUEST_LOG_ENABLED`` (production); the id is always set.
    """

    def __init__(self, get_response: Callable) -> None:
        from django.conf import settings

        self.get_response = get_response
        self.enabled = getattr(settings, "REQUEST_LOG_ENABLED", False)

    def __call__(self, request):
        request_id = _request_id(request.headers.get(REQUEST_ID_HEADER, ""))
        request.request_id = request_id
        token = _current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            if self.enabled:
                logger.info(
                    "request",
                    extra={
                        "request_id": request_id,
                        "method": request.method,
                        "path": request.path[:500],
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            _current_request_id.reset(token)
