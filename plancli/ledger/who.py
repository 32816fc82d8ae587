"""Who enters a record: the name a team already knows a person by.

In a registry repository shared in git, that is the repository's ``user.name`` (what its commits
carry); elsewhere, or where git has no name, the login name of the operating system. It is an audit
note, like ``recorded_at``: it never decides anything, and a record without it (written before it
was kept, or by hand) is as good as any.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["entering_person"]


def entering_person(where: Path) -> str | None:
    """The name of whoever writes to the ledger at ``where`` (a file or directory): git's ``user.name``
    as the repository around it sees it (its own config, else the user's), else the OS user. Asked
    on every write (a few milliseconds), never cached: the name may be set between two writes."""
    folder = where if where.is_dir() else where.parent
    while not folder.exists() and folder != folder.parent:  # a ledger about to be made in a new directory
        folder = folder.parent
    try:
        out = subprocess.run(["git", "-C", str(folder), "config", "user.name"], capture_output=True, text=True,
                             timeout=5, check=False)
        name = out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):  # no git on this machine: the OS user
        name = ""
    if name:
        return name
    import getpass

    try:
        return getpass.getuser() or None
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return None
