"""The strict YAML reader behind the registry, the ledger and the unit table.

These are hand-edited files, so the reader is strict where PyYAML is lenient: duplicate keys
(PyYAML silently keeps the last), anchors/aliases (the “billion laughs” blow-up), merge keys,
``!!python/...`` tags and implicit timestamps are refused, each with ``file:line``. Booleans are
YAML 1.2's true/false only: in YAML 1.1 the ledger key ``on:`` and a value ``no`` would silently
become booleans. Dates stay strings, so their readers can report ``2024-13-40`` with its line.

Mappings come back as ``LineDict``: a dict that knows its own line and the line of each key.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from ..errors import PlancliError

__all__ = ["DataFileError", "LineDict", "load_yaml", "read_text", "read_bytes", "decode"]


class DataFileError(PlancliError):
    """A data file (registry, document, unit table, ledger) that cannot be read as written."""


class LineDict(dict):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    key_lines: dict

    @classmethod
    def at(cls, line: int, items: dict | None = None) -> LineDict:
        d = cls(items or {})
        d.line, d.key_lines = line, {}
        return d


def _construct_mapping(loader, node):
    m = LineDict.at(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise DataFileError("files.yaml.merge_key", line=key_node.start_mark.line + 1)
        key = loader.construct_object(key_node, deep=True)
        kl = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise DataFileError("files.yaml.key_not_plain", line=kl) from None
        if key in m:
            raise DataFileError("files.yaml.duplicate_key", line=kl, key=key, first=m.key_lines[key])
        m.key_lines[key] = kl
        m[key] = loader.construct_object(value_node, deep=True)
    return m


@functools.cache
def _loader():
    """The strict loader, built on first use: a cached registry never needs PyYAML imported."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where available

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def construct_object(self, node, deep=False):
            if node in self.constructed_objects or node in self.recursive_objects:
                raise DataFileError("files.yaml.alias", line=node.start_mark.line + 1)
            return super().construct_object(node, deep=deep)

    StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    bool_tag = "tag:yaml.org,2002:bool"
    StrictLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", bool_tag)]
        for k, v in base.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                       list("tTfF"))
    return yaml, StrictLoader


def read_bytes(p: Path, limit: int = -1) -> bytes:
    """The file's bytes (the first ``limit`` of them if given); a missing file is a DataFileError."""
    try:
        if limit < 0:
            return p.read_bytes()
        with open(p, "rb") as fh:
            return fh.read(limit)
    except FileNotFoundError:
        raise DataFileError("files.not_found", p) from None
    except IsADirectoryError:
        raise DataFileError("files.is_directory", p) from None
    except PermissionError:
        raise DataFileError("files.permission_denied", p) from None


def decode(p: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")  # a BOM from Windows editors is harmless
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError("files.not_utf8", p, line, byte=raw[exc.start]) from None


def read_text(path: str | Path) -> tuple[bytes, str]:
    """Raw bytes and UTF-8 text of a file; a BOM is accepted, anything not UTF-8 is refused."""
    p = Path(path)
    raw = read_bytes(p)
    return raw, decode(p, raw)


def load_yaml(path: str | Path, text: str | None = None, raw: bytes | None = None, rows: dict | None = None) -> Any:
    """Parse one YAML file strictly; every failure is a DataFileError naming file and line.

    Read by plancli.yamlio.events (same results and errors, built without PyYAML's node graph: ~10×
    faster on a large registry); ``load_yaml_pyyaml`` answers only where that module hands over.
    ``raw``: the bytes ``text`` was decoded from, when the caller has them (looked through faster).
    ``rows``: top-level key → keys: that key's block sequence of flat mappings may come back as
    ``fastlane.Rows`` (each item's values of those keys, no mapping per item) instead of a list.
    """
    from .events import Legacy, load_events

    p = Path(path)
    if text is None:
        raw, text = read_text(p)
    try:
        return load_events(text, _loader()[1], LineDict, lambda code, line, **kw: DataFileError(code, p, line, **kw),
                           raw, rows)
    except Legacy:
        return load_yaml_pyyaml(p, text)
    except DataFileError:
        marker = conflict_marker(text)  # a half-merged file: name the merge, not the YAML it broke
        if marker is not None:
            raise DataFileError("files.yaml.conflict", p, marker[0], marker=marker[1]) from None
        raise


_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.M)


def conflict_marker(text: str) -> tuple[int, str] | None:
    """(line, marker) of the first unresolved git merge-conflict marker in ``text``, if any."""
    if not any(m in text for m in ("<<<<<<<", "=======", ">>>>>>>", "|||||||")):
        return None  # str.find runs at memory speed; the multi-line pattern does not (a 50 MB ledger)
    m = _MARKER.search(text)
    if m is None:
        return None
    return text.count("\n", 0, m.start()) + 1, m.group(1)


def load_yaml_pyyaml(path: str | Path, text: str | None = None) -> Any:
    """``load_yaml`` by PyYAML's own composer and constructor: the reference behaviour (slow)."""
    p = Path(path)
    if text is None:
        text = read_text(p)[1]
    yaml, loader = _loader()
    from .events import MAX_DEPTH, too_deep

    deep = too_deep(yaml, text, loader)
    if deep is not None:  # refused as the fast reader refuses it, before the constructor recurses
        raise DataFileError("security.yaml_too_deep", p, deep, limit=MAX_DEPTH)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - strict safe loader
    except DataFileError as exc:
        exc.path = str(p)
        raise
    except yaml.YAMLError as exc:
        from .events import yaml_error_message  # one wording for both readers

        code, line, fields = yaml_error_message(yaml, exc)
        raise DataFileError(code, p, line, **fields) from None
    except RecursionError:
        raise DataFileError("files.yaml.too_deep", p) from None
