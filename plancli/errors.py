"""The one base of plancli's domain errors.

Every error the core raises on bad input derives from ``PlancliError`` and carries, where there is
one, the file and line it is about. The CLI edge catches ``PlancliError`` once and prints ``str()``
of it as one line on stderr (exit 2); nothing else needs to know the subclasses.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PlancliError"]


class PlancliError(Exception):
    """Bad input the user can fix; ``str()`` is ``file:line: problem`` (or just the problem)."""

    def __init__(self, message: str = "", path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message
