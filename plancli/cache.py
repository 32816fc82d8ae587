"""The parsed-registry cache: a registry that has not changed is never parsed twice.

Parsing YAML is by far the slowest step of a run (a 100k-entry registry takes tens of seconds);
the parsed form is pickled to ``$XDG_CACHE_HOME/plancli`` (or ``PLANCLI_CACHE_DIR``), keyed by the
file's content — never its mtime, so an edited file is never served stale — and by the plancli and
Python versions, whose objects the pickle holds. ``PLANCLI_NO_CACHE=1`` turns it off. Writes are
atomic; a damaged or unreadable cache entry is rebuilt, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .fsutil import atomic_path
from .model import ENTRY_FIELDS

__all__ = ["cache_file", "get", "put", "load_yaml_cached"]

_FORMAT = 4


def cache_file(raw: bytes, kind: str = "registry") -> Path | None:
    """Where the parsed form of a file with these bytes is kept, or None if caching is off."""
    if os.environ.get("PLANCLI_NO_CACHE"):
        return None
    base = os.environ.get("PLANCLI_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except (RuntimeError, KeyError):  # no home directory (container with an arbitrary uid)
        return None
    # The entry fields are in the key too: a cache written before a field was added is never read.
    tag = f"{__version__}|{sys.version_info[:2]}|{_FORMAT}|{','.join(ENTRY_FIELDS)}|".encode()
    return root / "plancli" / f"{kind}-{hashlib.sha256(tag + raw).hexdigest()[:32]}.pickle"


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

    Equal values (unit lists, plan codes, sections, units, repeated quotes) inside ``data["rows"]``
    are shared first, so pickle writes each once and loading builds each once. Keyed by type too:
    1 == True == 1.0 would otherwise stand in for one another.
    """
    if cache is None:
        return
    if "rows" in data:
        shared: dict = {}
        data = {**data, "rows": [tuple(shared.setdefault((type(v), v), v) for v in r) for r in data["rows"]]}
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_path(cache, private=True) as tmp, open(tmp, "wb") as fh:
            pickle.dump({"format": _FORMAT, **data}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass  # a read-only home or a full disk only costs speed


def load_yaml_cached(path: str | Path) -> Any:
    """``yamlfile.load_yaml`` for small read-mostly files (the unit table), cached the same way."""
    from .yamlfile import load_yaml, read_text

    raw, text = read_text(path)
    cache = cache_file(raw, "yaml")
    hit = get(cache)
    if hit is not None:
        return hit["doc"]
    doc = load_yaml(path, text)
    put(cache, {"doc": doc})
    return doc

