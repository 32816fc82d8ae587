"""One ``notify`` run: every unit's messages sent once, each channel on its own.

For each message (``output.reminders.Outgoing``): skip it if the sent-log has it delivered today to
the same place (unless ``force``); prepare it (its URL or SMTP settings read from the environment,
钉钉's signature); in a dry run describe it instead of sending; else wait for the robot's rate
limit, send with retries, and append the outcome to the sent-log at once. A failure is recorded and
the run goes on: one channel down never keeps a unit's other channels, or other units, untold.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..output.reminders import Outgoing
from .http import TIMEOUT, post, prepare
from .mail import build_message, send_message, smtp_config
from .pacing import PER_MINUTE, DeliveryError, RateLimit, retry
from .sentlog import SentLog, now_local

__all__ = ["Outcome", "Run", "deliver"]


@dataclass
class Outcome:
    """What became of one message (or of a unit with no route)."""

    unit: str
    channel: str | None
    to: str | None
    told: int
    shown: int
    result: str  # sent | would_send | failed | already | no_route
    error: DeliveryError | None = None
    at: str | None = None  # when it was sent (already: the earlier time)
    preview: str = ""  # dry run: the request as it would go out, secrets masked
    attempts: int = 0


@dataclass
class Run:
    """How a run sends: where its log is, and its pace."""

    registry: Path
    log: SentLog | None
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    dry: bool = False
    force: bool = False
    retries: int = 3
    per_minute: int = PER_MINUTE
    timeout: float = TIMEOUT
    as_of: str | None = None  # the date the messages speak of (logged)
    lang: str = "en"  # of what a dry run says about a channel it cannot use
    clock_ms: Callable[[], int] = lambda: int(time.time() * 1000)


def _digest(out: Outgoing) -> str:
    raw = json.dumps(out.body, ensure_ascii=False, sort_keys=True) if out.body is not None else out.text + out.html
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _preview_http(req) -> str:
    head = [f"POST {req.shown}", *(f"{k}: {v}" for k, v in req.headers.items()), ""]
    return "\n".join(head) + "\n" + json.dumps(json.loads(req.body), ensure_ascii=False, indent=2)


def _preview_mail(out: Outgoing, msg, server: str, sender: str | None = None) -> str:
    lines = [server]
    lines += [f"{k}: {sender if k == 'From' and sender else v}" for k, v in msg.items()
              if k not in ("MIME-Version", "Content-Type", "Message-ID", "Date")]
    lines += ["", out.text.rstrip("\n"), "", f"[text/html: {len(out.html.encode('utf-8'))} bytes]"]
    if out.attachment is not None:
        lines.append(f"[{out.attachment.name}: {out.attachment.stat().st_size} bytes]")
    return "\n".join(lines)


def _mail_preview(out: Outgoing, env: Mapping[str, str], lang: str) -> str:
    try:
        cfg = smtp_config(env)
        return _preview_mail(out, build_message(out, cfg.sender), cfg.shown())
    except DeliveryError as exc:
        return _preview_mail(out, build_message(out, "plancli@localhost"), f"SMTP ({exc.text(lang)})",
                             sender="(PLANCLI_SMTP_FROM)")


def deliver(messages: Iterable[Outgoing], unrouted: Iterable[tuple[str, int]], run: Run) -> list[Outcome]:
    """Send ``messages`` (in order); ``unrouted`` are (unit, items) with no route, reported as such."""
    limit = RateLimit(run.per_minute)
    registry = str(run.registry.resolve())
    outcomes = [Outcome(u, None, None, n, 0, "no_route") for u, n in unrouted]
    smtp = None
    for out in messages:
        route = out.route
        o = Outcome(out.unit, route.channel, route.target, out.told, out.shown, "sent")
        today = now_local()
        if run.log is not None and not run.force:
            before = run.log.sent_today(registry, out.unit, route.channel, route.target, today.date().isoformat())
            if before is not None:
                o.result, o.at = "already", before.get("at")
                outcomes.append(o)
                continue
        try:
            if route.channel == "email":
                if run.dry:
                    o.result, o.preview = "would_send", _mail_preview(out, run.env, run.lang)
                    outcomes.append(o)
                    continue
                if smtp is None:
                    smtp = smtp_config(run.env, run.timeout)
                msg = build_message(out, smtp.sender)
                cfg = smtp
                _, o.attempts = retry(lambda m=msg, c=cfg, r=route: send_message(c, m, [*r.to, *r.cc]), run.retries,
                                      lambda c=cfg: limit.wait(f"smtp:{c.host}"))
            else:
                req = prepare(out, run.env, run.clock_ms(), dry=run.dry)
                if run.dry:
                    o.result, o.preview = "would_send", _preview_http(req)
                    outcomes.append(o)
                    continue
                _, o.attempts = retry(lambda q=req: post(q, run.timeout), run.retries,
                                      lambda q=req: limit.wait(q.key))
        except DeliveryError as exc:
            o.result, o.error = "failed", exc
            o.attempts = getattr(exc, "attempts", 0)
        o.at = now_local().isoformat(timespec="seconds")
        outcomes.append(o)
        if run.log is not None:
            run.log.append({
                "at": o.at, "day": today.date().isoformat(), "registry": registry, "unit": out.unit,
                "channel": route.channel, "to": route.target, "items": out.told, "shown": out.shown,
                "ok": o.result == "sent", "error": o.error.text("en") if o.error else None, "digest": _digest(out),
                "as_of": run.as_of})
    return outcomes
