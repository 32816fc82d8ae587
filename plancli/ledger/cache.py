"""The ledger's cache: a ledger file is read once per change.

A ledger of years of reports is 100k–300k lines (40–80 MB); reading every record on every run cost
seconds and hundreds of MB. What a run needs is the timeline's index (``ledger.timeline``) and, for
the few records a question is about, where they stand in the file. So after a read the cache keeps,
in ``$XDG_CACHE_HOME/plancli`` (``yamlio.cache``: data only, our own files only), one entry per
ledger file: the file's identity (device, inode, size, mtime), a digest of its bytes, the facts of
each record and the index, and each record's place (``storage.Lines``). Then:

- an unchanged file (same identity, not modified within ``RACY_SECONDS`` of being cached) is not
  read at all: a question reads back from the file only the records of its answer;
- a file that grew — ``record``/``import`` rewrite it with the old bytes first, git appends the
  other side's lines — is read, its first bytes checked against the digest, and only the new tail
  is parsed (and validated: a bad line there is refused with its line, as a full read refuses it);
- anything else (edited, rewritten, merged in the middle, migrated) is read in full.

Whatever it holds, every answer is the same as a full read (tests/test_ledger_cache.py: random
appends, retractions, edits and real git merges, cached against uncached). The entry is keyed by the
file's path and salted with the source of the modules whose rules shaped it, so a plancli whose
timeline rules changed never reads an index the old rules built. Ledgers that are not one record per
line (the legacy form, hand-written YAML) are read in full every time, as before; their next write
migrates them. ``remembered`` keeps what is derived from a ledger and a registry (the ledger's
warnings) under both of their digests.
"""

from __future__ import annotations

import json
import os
import time
from array import array
from collections.abc import Callable
from pathlib import Path

from ..vocabulary import LEDGER_STATUSES
from ..yamlio import cache as store
from ..yamlio.reader import read_bytes
from .record import Record
from .storage import Ledger, Lines, NotLineByLine, identity_of, parse_ledger, scan
from .timeline import Facts, Timeline

__all__ = ["read_ledger", "remembered", "RACY_SECONDS"]

RACY_SECONDS = store.RACY_SECONDS
_LINES = ("off", "size", "line")
_STRINGS = Facts.TEXTS
_salt: list[str] = []


def _sources(names) -> str:
    """A checksum of plancli's own source files ``names`` (paths under the package): a cache of what
    they compute is never read by a plancli whose code for it changed, released or not."""
    import zlib

    package = Path(__file__).parent.parent
    crc = 0
    for name in names:
        try:
            crc = zlib.crc32((package / name).read_bytes(), crc)
        except OSError:
            crc = zlib.crc32(name.encode(), crc)
    return f"{crc:08x}"


def _salted() -> str:
    """The shape of what is cached: Record's fields, the ledger statuses, and the source of the
    modules that read records and derive the index (an edited rule is a new cache)."""
    if not _salt:
        code = _sources(f"ledger/{name}.py" for name in ("record", "storage", "timeline", "cache", "attainment"))
        _salt.append(f"{','.join(Record.__dataclass_fields__)}|{','.join(LEDGER_STATUSES)}|{code}")
    return _salt[0]


def _entry_path(p: Path) -> Path | None:
    """The one entry of the ledger at ``p``, named by its path (crc32: hashlib costs 2 ms to import
    on the warm path; the entry holds the whole path and is only used for exactly that path)."""
    root = store.cache_root(create=True)
    if root is None:
        return None  # caching off, or no directory of ours to keep it in
    import zlib

    where = os.path.abspath(p)
    return root / f"ledger-{zlib.crc32(where.encode()):08x}-{len(where)}.cache"


def _digest():
    import hashlib  # only a run that reads the file pays for it

    return hashlib.sha256()


# --------------------------------------------------------------------------- reading

def read_ledger(p: Path) -> Ledger:
    """The ledger at ``p`` (which exists), through its cache entry."""
    where = _entry_path(p)
    entry = _load_entry(where, p) if where is not None else None
    try:
        st = os.stat(p)
    except OSError:
        st = None
    if entry is not None and st is not None and entry["identity"] == list(identity_of(st)) and not entry["racy"]:
        return _ledger_of(p, entry)
    try:
        with open(p, "rb") as fh:
            identity = identity_of(os.fstat(fh.fileno()))
            raw = fh.read()
    except OSError:
        raw = read_bytes(p)  # the one wording of a file that cannot be read
        identity = None
    ledger = _extended(p, raw, identity, entry) if entry is not None else None
    if ledger is None:
        h = _digest()
        h.update(raw)
        ledger = parse_ledger(p, raw, identity)
        ledger.key = h.hexdigest() if ledger.current else None
    if where is not None and ledger.current and identity is not None:
        _write_entry(where, p, ledger, raw.count(b"\n"), identity)
    return ledger


def _extended(p: Path, raw: bytes, identity: tuple | None, entry: dict) -> Ledger | None:
    """The cached ledger followed by the records of the bytes appended since, when the file still
    begins with exactly the bytes cached (ending with a whole line); else None."""
    size = entry["size"]
    if len(raw) < size or (size and raw[size - 1:size] != b"\n"):
        return None
    h = _digest()
    h.update(memoryview(raw)[:size])
    if h.hexdigest() != entry["sha"]:
        return None
    h.update(memoryview(raw)[size:])
    old = _ledger_of(p, entry)
    tail = Lines.empty()
    new: list[Record] = []
    if len(raw) > size:
        try:
            new = list(scan(p, raw, tail, size, entry["newlines"] + 1))
        except NotLineByLine:
            return None
        timeline = Timeline(old.timeline.facts.extended(new))  # new records may withdraw old ones …
    else:
        timeline = old.timeline
    lines = old.lines.extended(tail) if old.lines is not None else tail
    return Ledger(p, len(lines), records=[None] * len(old) + new, lines=lines, identity=identity,
                  timeline=timeline, key=h.hexdigest())


def _load_entry(where: Path, p: Path) -> dict | None:
    got = store.read_entry(where)
    if got is None:
        return None
    header, blobs = got
    if header.get("salt") != _salted() or header.get("ledger") != os.path.abspath(p):
        return None
    header["blobs"] = blobs
    return header


def _array(code: str, blob) -> array:
    a = array(code)
    a.frombytes(blob)
    return a


def _ledger_of(p: Path, entry: dict) -> Ledger:
    blobs, at = entry["blobs"], entry["at"]
    n = entry["n"]
    a = {name: _array(code, blobs[at[name]]) for name, code in entry["codes"].items()}
    if any(len(a[k]) != n for k in (*Facts.NUMBERS, *_LINES, "gone_by", "order")):
        raise ValueError("a damaged ledger cache entry")

    def strings(name):  # decoded when first read: most questions never need one
        return lambda: json.loads(bytes(blobs[at[name]]))

    facts = Facts(entry["items"], entry["statuses"], *(a[k] for k in Facts.NUMBERS),
                  *(strings(name) for name in _STRINGS))
    timeline = Timeline(facts, {name: a[name] for name in Timeline.ARRAYS})
    lines = Lines(a["off"], a["size"], a["line"])
    return Ledger(p, n, lines=lines, identity=tuple(entry["identity"]), timeline=timeline, key=entry["sha"])


def _write_entry(where: Path, p: Path, ledger: Ledger, newlines: int, identity: tuple) -> None:
    tl, lines = ledger.timeline, ledger.lines
    if lines is None:
        return
    f = tl.facts
    arrays = {**{k: getattr(f, k) for k in Facts.NUMBERS}, **tl.derived(),
              "off": lines.off, "size": lines.size, "line": lines.line}
    blobs, at = [], {}
    for name, a in arrays.items():
        at[name] = len(blobs)
        blobs.append(a.tobytes())
    try:
        for name in _STRINGS:
            at[name] = len(blobs)
            blobs.append(json.dumps(getattr(f, name), ensure_ascii=False, separators=(",", ":")).encode())
    except (TypeError, ValueError):
        return  # a value that is not plain data (a field added to DECIDED_BY): not cached, still answered
    racy = time.time() - max(identity[3], identity[4]) / 1e9 < RACY_SECONDS  # (as git does for its index)
    header = {"salt": _salted(), "ledger": os.path.abspath(p), "identity": list(identity), "racy": racy,
              "size": identity[2], "sha": ledger.key, "newlines": newlines, "n": len(ledger),
              "items": f.items, "statuses": f.statuses, "codes": {k: v.typecode for k, v in arrays.items()},
              "at": at}
    store.write_entry(where, header, blobs)


# --------------------------------------------------------------------------- derived from a ledger

def _said_classes(given: dict[str, type]) -> dict[str, type]:
    """The classes a remembered problem may hold in its fields: the given ones, the statuses and
    lights, the catalogue's terms, and plancli's errors (an error said inside another)."""
    from ..errors import PlancliError
    from ..vocabulary import Light, Status
    from ..words import Term

    out = {c.__name__: c for c in (Status, Light, Term)} | dict(given)
    todo = [PlancliError]
    while todo:
        cls = todo.pop()
        out.setdefault(cls.__name__, cls)
        todo += cls.__subclasses__()
    return out


def remembered(kind: str, parts: tuple[str | None, ...], compute: Callable[[], list],
               classes: dict[str, type], sources: tuple[str, ...] = ()) -> list:
    """``compute()``, kept under ``parts`` (e.g. the ledger's and the registry's digests and the
    ledger's path as shown) and the source files of the code that computes it (``sources``, paths
    under the package) when every part is known; a value that is not plain data is not kept."""
    root = store.cache_root(create=True)
    if root is None or any(x is None for x in parts):
        return compute()
    import zlib  # (not hashlib: 2 ms to import on every listing; the entry holds its whole key)

    key = "\x00".join((_salted(), _sources(sources), kind, *parts))  # type: ignore[arg-type]
    where = root / f"{kind}-{zlib.crc32(key.encode()):08x}-{len(key)}.cache"
    got = store.get(where, _said_classes(classes))
    if got is not None and got.get("key") == key and isinstance(got.get("value"), list):
        return got["value"]
    value = compute()
    store.put(where, {"key": key, "value": value})
    return value

