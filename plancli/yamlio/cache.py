"""The parse caches: a file that has not changed is never parsed twice, and loading a cache can only
ever give back data.

Parsing YAML is by far the slowest step of a run (a 100k-entry registry takes seconds); the parsed
form is kept in ``$XDG_CACHE_HOME/plancli`` (or ``PLANCLI_CACHE_DIR``), keyed by the file's content —
never its mtime alone, so an edited file is never served stale — and by the plancli and Python
versions. A pointer keyed by the file's full stat lets an unchanged file skip even the read and hash
(see ``stat_key``). ``PLANCLI_NO_CACHE=1`` turns it off. Writes are atomic; a damaged, foreign or
unreadable entry is ignored and rebuilt, never an error.

What a cache may do (issue 26: caches can't run code). A cache directory may be shared or planted —
by another user, a world-writable ``PLANCLI_CACHE_DIR``, a hostile archive unpacked in $HOME — so:

- **The format holds data only.** An entry is a small JSON header (plain values; dates, paths and a
  fixed list of plancli's own data classes written as tagged lists) followed by raw arrays of
  integers and JSON tables of values (``pack_rows``). Reading it runs ``json.loads`` and
  ``array.frombytes``: nothing in a file can name a class to build or code to run, unlike pickle
  (which this replaced: any pickle can call any function while it loads).
- **Only our own files are read.** The directory must be ours and not writable by group or others
  (one that is ours is made private again; one that is not turns the cache off for the run); each
  file is opened without following a symlink and must be a regular file we own, not writable by
  others, checked on the open file itself. A planted entry could not run code, but it could still
  make plancli answer wrongly; now it is never read.

Measured on a 100k-entry registry (56 MB YAML): the columnar entry loaded in the time pickle took
(~0.13 s, docs/performance.md), the JSON of the whole row list took 0.45–0.6 s; kept as ``Columns``
(rows built only when a query picks them) it loads in ~0.06 s.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from enum import Enum
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import PlancliError
from .atomic import atomic_path

__all__ = ["cache_file", "get", "put", "load_yaml_cached", "load_yaml_keyed", "followed", "stat_key", "get_by_stat", "remember_stat",
           "cache_root", "read_entry", "write_entry", "pack_tree", "unpack_tree", "pack_rows", "unpack_rows",
           "Columns", "columns", "compact", "distinct",
           "entry_name"]

_FORMAT = 7  # 7: rows' indices in the narrowest array type, read as Columns
_MAGIC = b"plancli-cache\n"
_SUFFIX = ".cache"


def _tag() -> str:
    return f"{__version__}|{sys.version_info[:2]}|{_FORMAT}|{sys.byteorder}"


# --------------------------------------------------------------------------- where, and whose

_checked: dict[str, bool] = {}


def _owned_private(st: os.stat_result) -> bool:
    """Ours and not writable by anyone else (where the system has owners)."""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _root() -> Path | None:
    if os.environ.get("PLANCLI_NO_CACHE"):
        return None
    base = os.environ.get("PLANCLI_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "plancli"
    except (RuntimeError, KeyError):  # no home directory (container with an arbitrary uid)
        return None


def cache_root(create: bool = False) -> Path | None:
    """The cache directory when it may be used: ours, private, a directory (``create``: made if missing).

    A directory that is ours but open to others is made private again (its files are each checked
    anyway); one owned by someone else, or not a directory, turns the cache off for the run."""
    root = _root()
    if root is None:
        return None
    key = str(root)
    if _checked.get(key):
        return root
    try:
        st = os.lstat(root)
    except FileNotFoundError:
        if not create:
            return None
        try:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            st = os.lstat(root)
        except OSError:
            return None
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode):
        return None
    if not _owned_private(st):
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            return None  # someone else's: never read it, never write our data into it
        try:
            os.chmod(root, 0o700)
        except OSError:
            return None
    _checked[key] = True
    return root


def _read_own(path: Path) -> bytes | None:
    """The bytes of a cache file that is ours (see the module docstring), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _owned_private(st):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- one entry: header + blobs

def write_entry(path: Path | None, header: dict, blobs: list[bytes] | tuple = ()) -> bool:
    """Write an entry atomically (temp file + rename, mode 0600): a JSON header, then the blobs.
    False when it could not be written (a read-only home or a full disk only costs speed)."""
    if path is None or cache_root(create=True) is None:
        return False
    head = json.dumps({"tag": _tag(), "sizes": [len(b) for b in blobs], **header}, ensure_ascii=False,
                      separators=(",", ":")).encode()
    try:
        with atomic_path(path, private=True) as tmp, open(tmp, "wb") as fh:
            fh.write(_MAGIC + b"%d\n" % len(head) + head)
            for b in blobs:
                fh.write(b)
    except OSError:
        return False
    return True


def read_entry(path: Path | None) -> tuple[dict, list[memoryview]] | None:
    """(header, blobs) of an entry that is ours, whole and of this version; None otherwise."""
    if path is None or cache_root() is None:
        return None
    raw = _read_own(path)
    if raw is None or not raw.startswith(_MAGIC):
        return None
    try:
        nl = raw.index(b"\n", len(_MAGIC))
        start = nl + 1 + int(raw[len(_MAGIC):nl])
        header = json.loads(raw[nl + 1:start])
        if not isinstance(header, dict) or header.get("tag") != _tag():
            return None
        sizes = header["sizes"]
        view, blobs, at = memoryview(raw), [], start
        for n in sizes:
            blobs.append(view[at:at + n])
            at += n
        if at != len(raw):
            return None  # cut short or grown: not what was written
    except (ValueError, KeyError, TypeError, RecursionError):  # a header nested past reason: planted
        return None
    return header, blobs


# --------------------------------------------------------------------------- plain data as JSON

def pack_tree(v: Any) -> Any:
    """A value as JSON: plain values as they are; lists, tuples, dicts (``LineDict`` with its lines),
    dates, paths, dataclass instances, members of an enum or of a subclass of str (a status, a term
    of the catalogue) and plancli's errors (their code, fields and place) as tagged lists. Anything
    else is refused (TypeError)."""
    if v is None or v.__class__ in (str, int, float, bool):
        return v
    if isinstance(v, Enum):
        return ["V", type(v).__name__, pack_tree(v.value)]
    if isinstance(v, str):
        return ["V", type(v).__name__, str.__str__(v)]
    if isinstance(v, PlancliError):
        return ["X", type(v).__name__, v.code, pack_tree(v.fields), v.path, v.line]
    if v.__class__ is list:
        return ["L", *map(pack_tree, v)]
    if v.__class__ is tuple:
        return ["T", *map(pack_tree, v)]
    if isinstance(v, dict):
        items = [pack_tree(x) for kv in v.items() for x in kv]
        if v.__class__ is dict:
            return ["D", items]
        key_lines = getattr(v, "key_lines", None) or {}
        return ["Y", getattr(v, "line", 0), items, [key_lines.get(k) for k in v]]
    if v.__class__ is date:
        return ["d", v.toordinal()]
    if isinstance(v, Path):
        return ["p", str(v)]
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return ["C", type(v).__name__, [pack_tree(getattr(v, f.name)) for f in dataclasses.fields(v)]]
    raise TypeError(f"not plain data: {type(v).__name__}")


def unpack_tree(x: Any, classes: dict[str, type] | None = None, line_dict: type | None = None) -> Any:
    """The value ``pack_tree`` wrote. Only the dataclasses named in ``classes`` are built, each from
    its own fields and nothing else; an unknown tag is refused (ValueError)."""
    if x.__class__ is not list:
        if isinstance(x, dict):
            raise ValueError("untagged mapping")
        return x
    tag = x[0]
    if tag == "L" or tag == "T":  # plain items (most are) are taken as they are, without a call each
        items = [v if v.__class__ is not list and v.__class__ is not dict else unpack_tree(v, classes, line_dict)
                 for v in x[1:]]
        return items if tag == "L" else tuple(items)
    if tag == "D" or tag == "Y":
        flat = [v if v.__class__ is not list and v.__class__ is not dict else unpack_tree(v, classes, line_dict)
                for v in x[1 if tag == "D" else 2]]
        d = dict(zip(flat[::2], flat[1::2], strict=True))
        if tag == "D":
            return d
        if line_dict is None:
            raise ValueError("a LineDict without its class")
        out = line_dict(d)
        out.line, out.key_lines = x[1], dict(zip(d, x[3], strict=True))
        return out
    if tag == "d":
        return date.fromordinal(x[1])
    if tag == "p":
        return Path(x[1])
    if tag == "V" or tag == "X":
        cls = (classes or {}).get(x[1])
        if cls is None:
            raise ValueError(f"not a class of this cache: {x[1]!r}")
        if tag == "V":
            return cls(unpack_tree(x[2], classes, line_dict))
        if not (isinstance(cls, type) and issubclass(cls, PlancliError)):
            raise ValueError(f"not an error: {x[1]!r}")
        err = cls.__new__(cls)
        Exception.__init__(err, x[2])
        err.code, err.fields, err.path, err.line = x[2], unpack_tree(x[3], classes, line_dict), x[4], x[5]
        return err
    if tag == "C":
        cls = (classes or {}).get(x[1])
        names = _field_names(cls) if cls is not None else ()
        if cls is None or len(names) != len(x[2]):
            raise ValueError(f"not a class of this cache: {x[1]!r}")
        obj = object.__new__(cls)
        for name, v in zip(names, x[2], strict=True):
            object.__setattr__(obj, name, unpack_tree(v, classes, line_dict))
        return obj
    raise ValueError(f"unknown tag {tag!r}")


_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, asked once per class (every cached plan and document asks)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def pack_rows(rows: list[tuple]) -> tuple[dict, list[bytes]]:
    """Equal-length rows of plain values, by column: each column's distinct values once (a JSON
    table), then each row's index into it (an array of the narrowest unsigned type that holds it).
    Equal values come back as one object, as the registry shares its unit lists; 1, 1.0 and True
    stay apart."""
    meta, blobs, _ = _pack_rows(rows)
    return meta, blobs


def _pack_rows(rows: list[tuple]) -> tuple[dict, list[bytes], Columns]:
    """``pack_rows``, and the rows as the ``Columns`` a reading of what it wrote gives back."""
    if not rows:
        return {"n": 0, "columns": []}, [], Columns(0, [], [])
    tables, indices = [], []
    for col in zip(*rows, strict=True):
        values, at = distinct(col)
        tables.append(values)
        indices.append(at)
    cols = columns(len(rows), tables, indices)
    return (*_pack_columns(cols), cols)


def distinct(col: Sequence) -> tuple[list, list[int]]:
    """A column's distinct values in order of first appearance (``Columns.firsts`` counts on it),
    and each row's index into them. Equal values share a slot, except that 1, 1.0 and True do not
    (nor do tuples of them): a column of more than one kind is told apart by class."""
    # (dict.fromkeys and a map of the places measured no faster: tuples hash twice.)
    table: dict = {}
    if _one_kind(col):  # the common case: a value is its own key
        at = [table.setdefault(v, len(table)) for v in col]
        return list(table), at
    # 1, 1.0 and True are equal in Python and must not share a slot: (class, value) keys
    at = [table.setdefault((v.__class__, tuple(map(type, v)), v) if v.__class__ is tuple
                           else (v.__class__, v), len(table)) for v in col]
    return [k[-1] for k in table], at


def columns(n: int, tables: list[list], indices: list[Sequence[int]], apart: Iterable[int] = ()) -> Columns:
    """``Columns`` of ``n`` rows from each column's values (in order of first appearance) and every
    row's index into them, stored in the narrowest array type; ``apart``: the columns whose tables
    are known to hold no two values ``distinct`` would put together (``compact`` leaves them)."""
    cols = Columns(n, tables, [None if len(t) == 1 else array(_code(len(t)), ix) for t, ix in
                               zip(tables, indices, strict=True)])
    cols.apart = frozenset(apart)
    return cols


def compact(cols: Columns) -> Columns:
    """``cols`` as ``pack_rows`` keeps them: in each table, values equal as ``distinct`` tells them
    apart once, the rows' indices moved to match. Every value of a table must be some row's, and
    the tables list them in the order of the first row that has each (then so does the result)."""
    tables, indices = [], []
    for j, (table, idx) in enumerate(zip(cols.tables, cols.indices, strict=True)):
        if j in cols.apart or len(set(table)) == len(table):  # no two alike (as ``distinct`` tells them apart)
            tables.append(table)
            indices.append(idx)
            continue
        values, remap = distinct(table)
        tables.append(values)
        indices.append(None if len(values) == 1 else array(_code(len(values)), map(remap.__getitem__, idx)))
    return Columns(len(cols), tables, indices)


def _code(size: int) -> str:
    return "B" if size <= 0x100 else "H" if size <= 0x10000 else "I"


def _pack_columns(cols: Columns) -> tuple[dict, list[bytes]]:
    """``pack_rows`` of the rows ``cols`` stands for: its tables as JSON, its indices as bytes."""
    n = len(cols)
    meta: dict = {"n": n, "columns": []}
    blobs: list[bytes] = []
    if not n:
        return {"n": 0, "columns": []}, []
    for values, idx in zip(cols.tables, cols.indices, strict=True):
        kinds = {type(v) for v in values}
        if kinds <= _PLAIN:
            packed, plain = values, True  # most columns: JSON as they are, nothing to unpack
        elif kinds <= {tuple, type(None)} and {type(x) for v in values if v for x in v} <= _PLAIN:
            packed, plain = values, "tuples"  # unit lists, occurrence dates: tuples of plain values
        else:
            packed = [pack_tree(v) for v in values]
            plain = not any(v.__class__ is list for v in packed)
        code = _code(len(values))
        meta["columns"].append([len(blobs), len(blobs) + 1, plain, code])
        blobs += [json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode(),
                  bytes(n) if idx is None else idx.tobytes()]
    return meta, blobs


_PLAIN = {str, int, float, bool, type(None)}
_BYTES = bytes(range(256))


def _one_kind(col: Sequence) -> bool:
    """True when no two values of the column can be equal without being the same value: one class
    of values besides None (for tuples, one class of their items)."""
    kinds = set(map(type, col)) - {type(None)}
    if len(kinds) > 1:
        return False
    if kinds == {tuple}:
        return len({type(x) for t in set(col) if t is not None for x in t}) <= 1
    return True


class Columns(Sequence):
    """Rows kept as the cache stores them, column by column (each column's distinct values and every
    row's index into them): a row is built when it is asked for, and a query can test a column's
    distinct values once and pick its rows without building the others (``mask``). Building the
    100k rows of a registry took 0.15 s of every warm run; a query needs a tenth of them.

    Reads like the list of rows it stands for: ``len``, ``rows[i]``, iteration, ``==`` a list."""

    __slots__ = ("_n", "_tables", "_idx", "_cols", "apart")

    def __init__(self, n: int, tables: list[list], idx: list):
        self._n, self._tables, self._idx = n, tables, idx
        self._cols: list[list | None] = [None] * len(tables)
        self.apart: frozenset[int] = frozenset()  # columns known to hold each value once (``columns``)

    def __len__(self) -> int:
        return self._n

    @property
    def tables(self) -> list[list]:
        """Each column's distinct values."""
        return self._tables

    @property
    def indices(self) -> list:
        """Each column's array of every row's index into its table (None: one value for all)."""
        return self._idx

    def column(self, j: int) -> list:
        """Column ``j``: one value per row (built once)."""
        col = self._cols[j]
        if col is None:
            table, idx = self._tables[j], self._idx[j]
            col = self._cols[j] = [table[0]] * self._n if idx is None else list(map(table.__getitem__, idx))
        return col

    def values(self, j: int) -> list:
        """The distinct values of column ``j`` (in no promised order)."""
        return self._tables[j]

    def mask(self, j: int, test: Callable[[Any], bool]) -> Iterator[bool]:
        """``test`` of each row's value in column ``j``, asked once per distinct value."""
        table, idx = self._tables[j], self._idx[j]
        if idx is None:
            return repeat(bool(test(table[0])), self._n)
        flags = [bool(test(v)) for v in table]
        return map(flags.__getitem__, idx)

    def firsts(self, j: int) -> dict[int, Any]:
        """Row of first appearance → value, for each distinct value of column ``j``."""
        table, idx = self._tables[j], self._idx[j]
        if idx is None:
            return {0: table[0]} if self._n else {}
        # pack_rows lists a column's values in the order they first appear, so each one's first row
        # is found by a search from the last one's (C speed, the column read once in all). The
        # order is checked as it goes — every row between two firsts holds a value already seen —
        # and a table in any other order is answered the long way.
        out, at = {}, -1
        try:
            for k, v in enumerate(table):
                row = idx.index(k, at + 1)
                if row > at + 1 and max(idx[at + 1:row]) >= k:
                    raise ValueError("not in order of first appearance")
                out[row], at = v, row
        except ValueError:
            first = dict(zip(reversed(idx), reversed(range(self._n)), strict=True))  # the last write is the first row
            return {row: table[k] for k, row in first.items()}
        return out

    def take(self, rows: Iterable[int]) -> list[tuple]:
        """The rows at these indices, built column by column (``itemgetter`` of many indices picks
        them in one call: half the time of a ``map`` per column)."""
        rows = list(rows)
        if len(rows) < 2 or not self._tables:
            return [self[i] for i in rows]
        at = itemgetter(*rows)
        return list(zip(*([t[0]] * len(rows) if ix is None else itemgetter(*at(ix))(t)
                          for t, ix in zip(self._tables, self._idx, strict=True)), strict=True))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("row index out of range")
        return tuple([t[0] if ix is None else t[ix[i]] for t, ix in zip(self._tables, self._idx, strict=True)])

    def __iter__(self) -> Iterator[tuple]:
        if not self._tables:
            return iter([()] * self._n)
        return zip(*(repeat(t[0], self._n) if ix is None else map(t.__getitem__, ix)
                     for t, ix in zip(self._tables, self._idx, strict=True)), strict=True)

    def __eq__(self, other) -> bool:
        if isinstance(other, Columns | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a sequence compared by value, like a list


def unpack_rows(meta: dict, blobs: list, classes: dict[str, type] | None = None) -> Columns:
    """The rows ``pack_rows`` wrote, as ``Columns``. Every index is checked against its table here,
    so a damaged entry is a miss now and never an IndexError later."""
    n, tables, indices = meta["n"], [], []
    if not isinstance(n, int) or n < 0:
        raise ValueError("a row count that is not one")
    for vi, ii, plain, code in meta["columns"]:
        table = json.loads(bytes(blobs[vi]))
        if not isinstance(table, list) or not table and n:
            raise ValueError("a column without its table")
        if plain == "tuples":
            table = [tuple(v) if v is not None else None for v in table]
        elif not plain:
            table = [unpack_tree(v, classes) for v in table]
        if code not in ("B", "H", "I"):
            raise ValueError("an index of no known width")
        idx = array(code)  # unsigned: an index out of the table is caught below, never wraps
        idx.frombytes(blobs[ii])
        if len(idx) != n:
            raise ValueError("a column that does not fit its table")
        if code == "B":  # checked at C speed: the bytes left once every valid index is taken out
            if bytes(blobs[ii]).translate(None, _BYTES[:len(table)]):
                raise ValueError("an index out of its table")
        elif n and max(idx) >= len(table):
            raise ValueError("an index out of its table")
        tables.append(table)
        indices.append(None if len(table) == 1 else idx)  # a field no entry sets: one value for all
    return Columns(n, tables, indices)


# --------------------------------------------------------------------------- content-keyed entries

def cache_file(raw: bytes, kind: str = "registry", salt: str = "") -> Path | None:
    """Where the parsed form of a file with these bytes is kept, or None if caching is off.

    ``salt`` is whatever else the parsed objects' shape depends on: the registry passes the names of an
    entry's fields, so a cache written before a field was added is never read."""
    root = _root()
    if root is None:
        return None
    import hashlib  # not on the warm path, which finds its entry by the file's stat

    h = hashlib.sha256(_tag().encode() + salt.encode() + b"|")
    h.update(raw)  # (not concatenated: a 50 MB copy)
    return root / f"{kind}-{h.hexdigest()[:32]}{_SUFFIX}"


def entry_name(where: Path | None) -> str | None:
    """The content key an entry is named by (what a derived cache may be keyed on), or None."""
    return where.name.removesuffix(_SUFFIX) if where is not None else None


def get(cache: Path | None, classes: dict[str, type] | None = None, line_dict: type | None = None) -> dict | None:
    """The cached data (``put``'s ``data`` and ``tables``), or None on a miss (missing, damaged,
    foreign or from another format)."""
    got = read_entry(cache)
    if got is None:
        return None
    header, blobs = got
    try:
        out = {k: unpack_tree(v, classes, line_dict) for k, v in header["data"].items()}
        for k, meta in header["tables"].items():
            out[k] = unpack_rows(meta, blobs, classes)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError, RecursionError):
        return None
    return out


def put(cache: Path | None, data: dict, tables: dict[str, list[tuple] | Columns] | None = None
        ) -> dict[str, Columns] | None:
    """Write ``data`` (plain values, see ``pack_tree``) and ``tables`` (rows, see ``pack_rows``, or
    ``Columns`` already). The tables, packed, come back as the ``Columns`` a later run reads (a
    first run then answers from the same form as every run after it); None when nothing was packed
    (caching off, not plain data)."""
    if cache is None:
        return None
    try:
        head: dict = {"data": {k: pack_tree(v) for k, v in data.items()}, "tables": {}}
        blobs: list[bytes] = []
        made: dict[str, Columns] = {}
        for k, rows in (tables or {}).items():
            if isinstance(rows, Columns):  # by column already (the registry's entries, read as rows)
                meta, b = _pack_columns(rows)
                made[k] = rows
            else:
                meta, b, made[k] = _pack_rows(rows)
            meta["columns"] = [[i + len(blobs), j + len(blobs), *rest] for i, j, *rest in meta["columns"]]
            head["tables"][k] = meta
            blobs += b
    except TypeError:
        return None  # something that is not plain data: not cached, never pickled
    write_entry(cache, head, blobs)
    return made


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

    data = _tag().encode() + key.encode()
    return root / f"stat-{zlib.crc32(data):08x}-{len(data)}"


def followed(key: str | None) -> Path | None:
    """The entry the pointer of ``key`` names, if there is one of ours for exactly this key."""
    ptr = _pointer(key) if key else None
    if ptr is None:
        return None
    raw = _read_own(ptr)
    try:
        stored_key, _, name = raw.decode("utf-8").rstrip("\n").rpartition("\n") if raw else ("", "", "")
    except UnicodeDecodeError:
        return None
    if stored_key != key:
        return None  # another file's pointer (a crc32 clash) or an old one
    if "/" in name or os.sep in name or not name.endswith(_SUFFIX) or name.startswith("."):
        return None  # not one of ours
    return ptr.parent / name


def get_by_stat(key: str | None, classes: dict[str, type] | None = None,
                line_dict: type | None = None) -> dict | None:
    """The cached data of the file whose stat was ``key``, when a pointer says which entry it is."""
    where = followed(key)
    return get(where, classes, line_dict) if where is not None else None


def remember_stat(key: str | None, p: Path, where: Path | None, salt: str = "") -> None:
    """Point ``key`` at the cache entry ``where``, if the file still has that stat and is not racy."""
    if key is None or where is None or not where.exists() or stat_key(p, salt) != key:
        return
    try:
        if time.time() - os.stat(p).st_mtime < RACY_SECONDS:
            return
        ptr = _pointer(key)
        if ptr is None or cache_root(create=True) is None:
            return
        with atomic_path(ptr, private=True) as tmp:
            Path(tmp).write_text(key + "\n" + where.name + "\n", encoding="utf-8")
    except OSError:
        pass  # costs speed only


def load_yaml_cached(path: str | Path) -> Any:
    """``reader.load_yaml`` for small read-mostly files (the registry index, unit tables), cached the
    same way as documents: an unchanged file is found by its stat, without reading or hashing it."""
    return load_yaml_keyed(path)[0]


def load_yaml_keyed(path: str | Path) -> tuple[Any, str | None]:
    """``load_yaml_cached`` and the content key it was cached under (None: caching off)."""
    from .reader import LineDict, load_yaml, read_text

    key = stat_key(Path(path), "yaml")
    where = followed(key)
    hit = get(where, line_dict=LineDict) if where is not None else None
    if hit is not None:
        return hit["doc"], entry_name(where)
    raw, text = read_text(path)
    where = cache_file(raw, "yaml")
    hit = get(where, line_dict=LineDict)
    if hit is None:
        hit = {"doc": load_yaml(path, text)}
        put(where, hit)
    remember_stat(key, Path(path), where, "yaml")
    return hit["doc"], entry_name(where)
