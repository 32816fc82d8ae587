"""The sent-log: what ``notify`` sent, when and to whom — per user, outside git.

One JSON object per line (``notify --log`` lists them; the keys are a contract, docs/notify.md):
``at`` (local time with offset), ``day``, ``registry`` (the registry file, absolute), ``unit``,
``channel``, ``to`` (``$ENV_NAME`` of a robot or the email addresses — never a URL), ``as_of``,
``items``, ``shown``, ``ok``, ``error`` (the failure in English, null when sent), ``digest`` (of
the payload, to tell two messages apart without keeping them).

Where: ``--state FILE`` (or ``PLANCLI_NOTIFY_STATE``), else ``$XDG_STATE_HOME/plancli/notify-log.jsonl``
(``~/.local/state/plancli``), beside the cache's ``~/.cache/plancli``: a registry repository is shared
in git, and who was reminded when is the sender's own record. A line is appended (and synced) as soon
as a message is delivered, under a lock, so a run cut short never sends the same message twice, and
two runs at once do not interleave.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

__all__ = ["SentLog", "default_state_path", "STATE_FILE"]

STATE_FILE = "notify-log.jsonl"
KEYS = ("at", "day", "registry", "unit", "channel", "to", "as_of", "items", "shown", "ok", "error", "digest")


def default_state_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME")
    return (Path(base) if base else Path.home() / ".local" / "state") / "plancli" / STATE_FILE


@dataclass
class SentLog:
    path: Path

    def entries(self, problems: list | None = None) -> Iterator[dict]:
        """Every readable entry, oldest first; a damaged line is skipped (and noted in ``problems``)."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                e = json.loads(line)
            except ValueError:
                e = None
            if isinstance(e, dict):
                yield e
            elif problems is not None:
                problems.append(n)

    def sent_today(self, registry: str, unit: str, channel: str, to: str, day: str) -> dict | None:
        """The entry of a message delivered to ``to`` for ``unit`` on ``day``, if any."""
        found = None
        for e in self.entries():
            if (e.get("ok") and e.get("day") == day and e.get("registry") == registry and e.get("unit") == unit
                    and e.get("channel") == channel and e.get("to") == to):
                found = e
        return found

    def append(self, entry: dict) -> None:
        """Add one entry: appended whole, synced, under a lock (another run may be writing)."""
        from filelock import FileLock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({k: entry.get(k) for k in KEYS}, ensure_ascii=False) + "\n"
        with FileLock(str(self.path) + ".lock", timeout=30):
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)


def now_local() -> datetime:
    return datetime.now().astimezone()
