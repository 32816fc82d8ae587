"""The robots and the generic webhook: one JSON POST each, with urllib.

企业微信 group robot: POST the body to the robot's URL (its ``?key=`` is the secret). 钉钉 custom
robot with 加签: ``timestamp`` (ms) and ``sign`` = URL-encoded base64 of HMAC-SHA256(secret,
"{timestamp}\\n{secret}") added as query parameters. Both answer 200 with ``{"errcode": 0, …}``; any
other ``errcode`` is a failure (a robot says "too long", "bad sign", "busy" that way), and so is an
answer that is not JSON. The generic webhook succeeds on any 2xx (an ``errcode`` ≠ 0 fails it too).

A URL is secret (it carries the robot's key): it is read from the environment when the request is
prepared, and every place that shows a request shows ``masked(url)``; errors name the host.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

from .. import __version__
from ..output.reminders import Outgoing
from .pacing import DeliveryError

__all__ = ["Request", "prepare", "post", "sign", "masked", "TIMEOUT", "BUSY_CODES"]

TIMEOUT = 10.0
# A robot's codes for "busy / too fast, try later": 企业微信 -1 (system busy), 45009 (over the API
# limit); 钉钉 130101 (sending too fast), -1.
BUSY_CODES = {-1, 45009, 130101}
_TOKENLIKE = re.compile(r"^[A-Za-z0-9_\-=.]{16,}$")


@dataclass(frozen=True)
class Request:
    channel: str
    url: str  # secret: never shown
    shown: str  # what may be shown: ``$ENV → masked URL``
    headers: dict
    body: bytes
    key: str  # the robot, for its rate limit (a digest of its address: not the address)


def sign(secret: str, timestamp: str) -> str:
    """钉钉's signature: URL-encoded base64 of HMAC-SHA256 keyed by the secret over
    ``"{timestamp}\\n{secret}"``."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest).decode("ascii"))


def masked(url: str) -> str:
    """The URL as it may be shown: user and password, every query value but ``timestamp``, and
    every token-like path segment replaced by ``***`` (``…/webhook/send?key=***``)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "***"
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    if parts.username or parts.password:
        host = "***@" + host
    path = "/".join("***" if _TOKENLIKE.match(seg) else seg for seg in parts.path.split("/"))
    query = "&".join(f"{k}={v if k == 'timestamp' else '***'}"
                     for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    return urllib.parse.urlunsplit((parts.scheme, host, path, query, ""))


def _env(env: Mapping[str, str], name: str | None, dry: bool) -> str | None:
    value = (env.get(name) or "").strip() if name else ""
    if not value and not dry:
        raise DeliveryError("notify.env_missing", name=name)
    return value or None


def prepare(out: Outgoing, env: Mapping[str, str], now_ms: int, *, dry: bool = False) -> Request:
    """The request of a robot or webhook message: its URL read from the environment (and signed, for
    钉钉), its JSON body. ``dry``: a variable not set is shown as such instead of failing."""
    route = out.route
    url = _env(env, route.url_env, dry)
    if url is not None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or any(c in url for c in " \t\r\n"):
            raise DeliveryError("notify.env_not_url", name=route.url_env)
    if route.channel == "dingtalk" and route.secret_env:
        secret = _env(env, route.secret_env, dry)
        if url is not None and secret is not None:
            ts = str(now_ms)
            url += ("&" if urllib.parse.urlsplit(url).query else "?") + f"timestamp={ts}&sign={sign(secret, ts)}"
    body = json.dumps(out.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": f"plancli/{__version__}"}
    shown = f"${route.url_env} → " + (masked(url) if url else "(not set)")
    if url is None and route.channel == "dingtalk" and route.secret_env:
        shown += f" (signed with ${route.secret_env})"
    base = url.split("?", 1)[0] + "?" + urllib.parse.urlsplit(url).query.split("&timestamp=", 1)[0] if url else ""
    return Request(route.channel, url or "", shown, headers, body, hashlib.sha256(base.encode()).hexdigest()[:16])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A POST that is redirected would arrive as a GET without its body: a redirect is an error."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


_OPENER = urllib.request.build_opener(_NoRedirect())


def _why(exc: BaseException) -> str:
    """What went wrong, without any part of the URL (http.client quotes the URL in some errors)."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(reason, ssl.SSLError):
        return f"TLS: {reason.reason or 'error'}"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    if isinstance(reason, socket.gaierror):
        return "name not resolved"
    return type(reason).__name__


def _retry_after(headers) -> float | None:
    v = (headers or {}).get("Retry-After") if headers is not None else None
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def post(req: Request, timeout: float = TIMEOUT) -> dict | None:
    """POST ``req``; the robot's JSON answer (None from a webhook that answers no JSON). Raises
    ``DeliveryError`` (``transient`` for no answer, 429, 5xx and a robot's busy codes)."""
    host = urllib.parse.urlsplit(req.url).hostname or "?"
    r = urllib.request.Request(req.url, data=req.body, headers=req.headers, method="POST")
    try:
        with _OPENER.open(r, timeout=timeout) as resp:
            status, raw = resp.status, resp.read(1 << 16)
    except urllib.error.HTTPError as exc:
        status = exc.code
        transient = status == 429 or status >= 500
        wait = _retry_after(exc.headers) if transient else None
        exc.close()
        raise DeliveryError("notify.http_status", status=status, transient=transient, retry_after=wait) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:  # no answer: refused, reset, timed out, TLS
        raise DeliveryError("notify.unreachable", host=host, why=_why(exc), transient=True) from None
    except Exception as exc:  # noqa: BLE001 - http.client's own errors may quote the URL: name the kind only
        raise DeliveryError("notify.unreachable", host=host, why=type(exc).__name__, transient=True) from None
    try:
        answer = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, ValueError):
        answer = None
    if req.channel in ("wecom", "dingtalk") and not isinstance(answer, dict):
        raise DeliveryError("notify.not_json", status=status)
    if isinstance(answer, dict) and "errcode" in answer:
        code = answer.get("errcode")
        if code not in (0, "0"):
            busy = code in BUSY_CODES
            msg = str(answer.get("errmsg") or "")[:160]
            raise DeliveryError("notify.errcode", errcode=code, errmsg=msg, transient=busy,
                                retry_after=60.0 if busy and code != -1 else None)
    return answer if isinstance(answer, dict) else None
