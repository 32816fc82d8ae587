"""The parsed-registry cache: a registry that has not changed is never parsed twice.

Parsing YAML is by far the slowest step of a run (a 100k-entry registry takes tens of seconds);
the parsed form is pickled to ``$XDG_CACHE_HOME/plancli`` (or ``PLANCLI_CACHE_DIR``), keyed by the
file's content — never its mtime alone, so an edited file is never served stale — and by the plancli
and Python versions, whose objects the pickle holds. A pointer keyed by the file's full stat lets an
unchanged file skip even the read and hash (see ``stat_key``). ``PLANCLI_NO_CACHE=1`` turns it off. Writes are
atomic; a damaged or unreadable cache entry is rebuilt, never an error.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from .. import __version__
from .atomic import atomic_path

__all__ = ["cache_file", "get", "put", "load_yaml_cached", "stat_key", "get_by_stat", "remember_stat"]

_FORMAT = 4


def _root() -> Path | None:
    if os.environ.get("PLANCLI_NO_CACHE"):
        return None
    base = os.environ.get("PLANCLI_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "plancli"
    except (RuntimeError, KeyError):  # no home directory (container with an arbitrary uid)
        return None


def _tag() -> bytes:
    return f"{__version__}|{sys.version_info[:2]}|{_FORMAT}|".encode()


def cache_file(raw: bytes, kind: str = "registry", salt: str = "") -> Path | None:
    """Where the parsed form of a file with these bytes is kept, or None if caching is off.

    ``salt`` is whatever else the parsed objects' shape depends on: the registry passes the names of an
    entry's fields, so a cache written before a field was added is never read."""
    root = _root()
    if root is None:
        return None
    import hashlib  # not on the warm path, which finds its entry by the file's stat

    return root / f"{kind}-{hashlib.sha256(_tag() + salt.encode() + b'|' + raw).hexdigest()[:32]}.pickle"


# --------------------------------------------------------------------------- the stat shortcut
# Reading and hashing a 56 MB registry costs ~0.1 s of every run. A small pointer file, named by
# the file's path, device, inode, size, mtime and ctime, names the content-keyed cache entry those
# bytes had; an unchanged stat skips the read. Any write changes ctime (which no tool can set), so
# an edit is never missed — except within a coarse timestamp's tick, hence (as git does for its
# index) no pointer is written for a file modified in the last RACY_SECONDS.

RACY_SECONDS = 2.0


def stat_key(p: Path, salt: str = "") -> str | None:
    """The file's identity and stat as a string, or None (caching off, or no such file); ``salt`` as
    for ``cache_file``."""
    if _root() is None:
        return None
    try:
        st = os.stat(p)
    except OSError:
        return None
    return f"{salt}|{os.path.abspath(p)}|{st.st_dev}|{st.st_ino}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}"


def _pointer(key: str) -> Path | None:
    # crc32, not sha256: hashlib costs 2 ms to import on the warm path. A clash is harmless because
    # the pointer holds its whole key and is only followed when the key matches (get_by_stat).
    root = _root()
    if root is None:
        return None
    import zlib

    data = _tag() + key.encode()
    return root / f"stat-{zlib.crc32(data):08x}-{len(data)}"


def get_by_stat(key: str | None) -> dict | None:
    """The cached data of the file whose stat was ``key``, when a pointer says which entry it is."""
    ptr = _pointer(key) if key else None
    if ptr is None:
        return None
    try:
        stored_key, _, name = ptr.read_text(encoding="utf-8").rstrip("\n").rpartition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if stored_key != key:
        return None  # another file's pointer (a crc32 clash) or an old one
    if "/" in name or os.sep in name or not name.endswith(".pickle"):
        return None  # not one of ours
    return get(ptr.parent / name)


def remember_stat(key: str | None, p: Path, where: Path | None, salt: str = "") -> None:
    """Point ``key`` at the cache entry ``where``, if the file still has that stat and is not racy."""
    if key is None or where is None or not where.exists() or stat_key(p, salt) != key:
        return
    try:
        if time.time() - os.stat(p).st_mtime < RACY_SECONDS:
            return
        ptr = _pointer(key)
        if ptr is None:
            return
        with atomic_path(ptr, private=True) as tmp:
            Path(tmp).write_text(key + "\n" + where.name + "\n", encoding="utf-8")
    except OSError:
        pass  # costs speed only


def get(cache: Path | None) -> dict | None:
    """The cached data, or None on a miss (missing, damaged or from another format)."""
    if cache is None:
        return None
    try:
        with open(cache, "rb") as fh:
            d = pickle.load(fh)  # noqa: S301 - our own file in the user's private cache dir
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache entry is rebuilt, never an error
        return None
    if not isinstance(d, dict) or d.get("format") != _FORMAT:
        return None
    return d


def put(cache: Path | None, data: dict) -> None:
    """Write atomically (temp file + rename) so concurrent runs never read half a pickle.

    Equal values in the rows (plan codes, sections, units, unit lists, repeated quotes) are already
    one object each when they arrive — the YAML reader shares repeated strings and the registry
    parser unit lists — so pickle writes each once and loading builds each once. (Sharing them here
    again cost 0.3 s of a 100k-entry first run and saved 3% of the file.)
    """
    if cache is None:
        return
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_path(cache, private=True) as tmp, open(tmp, "wb") as fh:
            pickle.dump({"format": _FORMAT, **data}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass  # a read-only home or a full disk only costs speed


def load_yaml_cached(path: str | Path) -> Any:
    """``reader.load_yaml`` for small read-mostly files (the registry index, unit tables), cached the
    same way as documents: an unchanged file is found by its stat, without reading or hashing it."""
    from .reader import load_yaml, read_text

    key = stat_key(Path(path), "yaml")
    hit = get_by_stat(key)
    if hit is not None:
        return hit["doc"]
    raw, text = read_text(path)
    cache = cache_file(raw, "yaml")
    hit = get(cache)
    if hit is None:
        hit = {"doc": load_yaml(path, text)}
        put(cache, hit)
    remember_stat(key, Path(path), cache, "yaml")
    return hit["doc"]
