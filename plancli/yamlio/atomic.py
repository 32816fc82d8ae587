"""Atomic file replacement, shared by the ledger, the exports and the cache.

Write to a temporary file in the target's directory, fsync it, give it the right mode, and rename
it over the target: readers see the old file or the new one, never half of one, and a crash or a
full disk leaves no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_write_bytes"]


def _mode_for(p: Path) -> int:
    """The old file's mode, or what the umask allows a new file (mkstemp would leave 0600)."""
    if p.exists():
        return p.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(p: Path, *, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``p``; on success it replaces ``p``, on failure it is removed.

    The caller writes (and fsyncs) the temporary file. ``private`` keeps mkstemp's 0600 mode.
    """
    import tempfile  # here, not at the top: a run that writes nothing need not import it (and random)

    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent))
    os.close(fd)
    try:
        yield Path(tmp)
        if not private:
            os.chmod(tmp, _mode_for(p))
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dfd = os.open(str(p.parent), os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def atomic_write_bytes(p: Path, data: bytes) -> None:
    """Write ``data`` to ``p`` atomically.

    A target that exists and is not a regular file (a device, a FIFO) is written directly: renaming
    over /dev/full would replace the device.
    """
    if p.exists() and not stat.S_ISREG(p.stat().st_mode):
        with open(p, "wb") as fh:
            fh.write(data)
            fh.flush()
        return
    with atomic_path(p) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
