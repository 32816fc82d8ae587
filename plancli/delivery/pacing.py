"""Rate limits and retries: sent at the pace the robots accept, tried again when a failure may pass.

企业微信 and 钉钉 group robots each take about 20 messages a minute (钉钉 throttles a robot that sends
more for ten minutes), and several units may share one robot (an office-wide group). ``RateLimit``
keeps a sliding window per robot; ``retry`` runs a send again after 1, 2, 4 … seconds while its
failure is transient (``DeliveryError.transient``), or after the server's ``Retry-After``.

The clock and the sleep are attributes of this module (``monotonic``, ``sleep``) so a test replaces
them instead of waiting.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from ..errors import PlancliError

__all__ = ["DeliveryError", "RateLimit", "retry", "monotonic", "sleep", "PER_MINUTE", "BACKOFF"]

PER_MINUTE = 20
BACKOFF = 1.0  # seconds before the first retry; doubled each time
MAX_WAIT = 60.0  # a Retry-After longer than this is cut (a cron run must end)

monotonic = time.monotonic
sleep = time.sleep

T = TypeVar("T")


class DeliveryError(PlancliError):
    """A message that did not reach its channel; ``transient`` when trying again may help.

    Its fields never hold a URL, a key or a password: the environment variable, the host, the
    status and the robot's own error code say enough."""

    def __init__(self, code: str, *, transient: bool = False, retry_after: float | None = None, **fields):
        super().__init__(code, **fields)
        self.transient = transient
        self.retry_after = retry_after


class RateLimit:
    """At most ``per_minute`` sends per key (a robot) in any 60 seconds."""

    def __init__(self, per_minute: int = PER_MINUTE):
        self.per_minute = per_minute
        self.sent: dict[str, deque[float]] = {}

    def wait(self, key: str) -> float:
        """Block until ``key`` may send again, then count the send; returns the seconds waited."""
        q = self.sent.setdefault(key, deque())
        waited = 0.0
        if self.per_minute > 0:
            now = monotonic()
            while q and now - q[0] >= 60.0:
                q.popleft()
            if len(q) >= self.per_minute:
                pause = 60.0 - (now - q[0])
                if pause > 0:
                    sleep(pause)
                    waited = pause
                q.popleft()
        q.append(monotonic())
        return waited


def retry(send: Callable[[], T], retries: int, before: Callable[[], object] | None = None) -> tuple[T, int]:
    """``send()`` until it succeeds or fails for good: (its result, attempts made). A transient
    ``DeliveryError`` is tried again up to ``retries`` times, waiting 1, 2, 4 … s (or Retry-After);
    the last error is raised with the number of attempts in ``attempts``. ``before`` runs before
    every attempt (the rate limit counts retries too)."""
    attempt = 0
    while True:
        attempt += 1
        if before is not None:
            before()
        try:
            return send(), attempt
        except DeliveryError as exc:
            exc.attempts = attempt
            if not exc.transient or attempt > retries:
                raise
            wait = exc.retry_after if exc.retry_after is not None else BACKOFF * 2 ** (attempt - 1)
            sleep(min(max(wait, 0.0), MAX_WAIT))
