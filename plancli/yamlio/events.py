"""The strict YAML reader, fast: plain Python objects built straight from libyaml's event stream.

``registry.load_yaml`` used to let PyYAML *compose* a node graph of the whole file (two mark objects
and a node per scalar) and then *construct* Python objects from it: 35 s and 2 GB for a registry of
100 000 entries, most of it in the node graph and in the garbage collector walking it. This module
reads the same events from the same C parser (so every syntax error is the one PyYAML reports, at
the same line) and builds the result directly: ``LineDict`` mappings that know their own line and
their keys' lines, lists, and scalars resolved exactly as the strict loader resolves them (YAML 1.2
booleans only, dates kept as strings), each distinct plain scalar resolved once and each repeated
string stored once. The garbage collector is paused while loading: nothing built here can form a
cycle, so its passes over millions of young objects are pure cost.

Strictness is the strict loader's, problem for problem and message for message: duplicate keys
(``duplicate key 'x' (first at line N)`` at the second key), anchors and aliases (refused at the
first alias, at the anchored node's line, before anything is expanded), merge keys (``<<``),
unsupported tags, non-scalar keys. As in PyYAML, a file is parsed to its end before a construction
problem is reported, so a syntax error anywhere wins over, say, an earlier duplicate key.

One thing is handed to the old PyYAML loader (``legacy``), which then answers exactly as before:
an explicit tag that PyYAML knows (``!!str 5``, ``!!set``, ``!``: rare, and PyYAML's own
constructors define what they mean). Nesting deeper than ``MAX_DEPTH`` is refused at the line of
the collection that goes too deep, by both readers (``reader.load_yaml_pyyaml`` checks it first, so
its recursive constructor never meets it).
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable
from typing import Any

__all__ = ["MAX_DEPTH", "gc_paused", "load_events", "yaml_error_message", "too_deep"]

MAX_DEPTH = 100  # deeper is refused at its line (docs/security.md); PyYAML's own constructor would recurse

_MERGE = "tag:yaml.org,2002:merge"
_SPECIAL = object()  # a plain scalar the strict loader would not construct as plain data ("<<", "=")


@contextlib.contextmanager
def gc_paused():
    """No garbage collection inside: for building millions of objects that form no cycles.

    CPython runs a collection every 700 new container objects and, as they survive, walks them all
    again in the older generations: ~0.3 s of a 100k-entry registry's parse, for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Legacy(Exception):
    """Raised inside the driver when the old loader has to decide (see the module docstring)."""


def yaml_error_message(yaml, exc: Exception) -> tuple[str, int | None, dict]:
    """The catalogue code, line and fields the strict loader gives for a PyYAML error (one wording
    for both readers). PyYAML's own description of the problem is passed on as it wrote it."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = (exc.problem or str(exc)).split("\n")[0]
        if "could not determine a constructor" in what or "tag" in (exc.problem or ""):
            return "files.yaml.tag", line, {"problem": what}
        return "files.yaml.invalid", line, {"problem": what}
    return "files.yaml.invalid", None, {"problem": str(exc).splitlines()[0]}


@functools.cache
def _plain_resolver(loader_cls) -> Callable[[str], Any]:
    """``text -> value`` for plain scalars, by the strict loader's own resolver and constructors.

    Memoised per text: a registry repeats the same few hundred plain scalars (null, true, numbers,
    field names) millions of times. Returns ``_SPECIAL`` for a text that is not plain data.
    """
    import yaml

    ld = loader_cls("")
    memo: dict[str, Any] = {}
    node_cls, implicit = yaml.ScalarNode, (True, False)
    # The characters an implicit type (null, bool, int, float, merge …) can start with: any other
    # plain scalar is a string, with no need to ask the resolver (or to keep it: 100k ids).
    typed = frozenset(ld.yaml_implicit_resolvers)

    def resolve(text: str) -> Any:
        if text and text[0] not in typed:
            return text  # (asked first: a new id is not a KeyError caught)
        try:
            return memo[text]
        except KeyError:
            pass
        tag = ld.resolve(node_cls, text, implicit)
        if tag not in ld.yaml_constructors:
            v = _SPECIAL
        else:
            try:
                v = ld.construct_document(node_cls(tag, text))
            except Exception:  # noqa: BLE001 - e.g. int("0b_"): the driver reports it in order
                v = _SPECIAL
        memo[text] = v
        return v

    resolve.tag = lambda text: ld.resolve(node_cls, text, implicit)  # type: ignore[attr-defined]
    resolve.typed = typed  # type: ignore[attr-defined]  # (a text starting otherwise is itself)

    def construct(text: str, mark) -> Exception:
        """The exception the strict loader raises for constructing this plain scalar."""
        try:
            ld.construct_document(node_cls(ld.resolve(node_cls, text, implicit), text, mark, mark))
        except Exception as exc:  # noqa: BLE001 - returned to be raised in document order
            return exc
        return AssertionError(f"{text!r} constructed on retry")  # pragma: no cover

    resolve.problem = construct  # type: ignore[attr-defined]
    return resolve


def load_events(text: str, loader_cls, line_dict: type, error: Callable[..., Exception], raw: bytes | None = None,
                rows: dict | None = None) -> Any:
    """Parse ``text`` into plain objects with ``line_dict`` mappings; raise ``error(code, line, **fields)``
    (a code of the words catalogue and its fields).

    ``loader_cls`` is the strict PyYAML loader class whose resolver and constructors define what
    plain scalars mean. Raises ``Legacy`` when the old loader has to answer instead. ``raw``: the
    bytes ``text`` was decoded from, if at hand; ``rows``: see ``fastlane.load_block``.
    """
    import yaml

    from .fastlane import OUTSIDE, Whole, load_block

    def block(chunk: str, first_line: int):
        """One block the fast lane cannot read, by the full reader; any problem: the whole file."""
        anchored: list = []
        try:
            doc = _drive(yaml, chunk, loader_cls, line_dict, error, anchored)
        except Exception:  # noqa: BLE001 - whatever it is, the whole file's reading decides
            raise Whole from None
        if anchored:
            raise Whole  # an anchor is the file's business (a second one of the same name, an alias elsewhere)
        return _shifted(doc, first_line - 1)

    resolve = _plain_resolver(loader_cls)
    with gc_paused():
        try:
            doc = load_block(text, resolve, _SPECIAL, line_dict, block, raw, rows)  # block by block, else whole
            if doc is not OUTSIDE:
                return doc
            return _drive(yaml, text, loader_cls, line_dict, error)
        except yaml.YAMLError as exc:
            code, line, fields = yaml_error_message(yaml, exc)
            raise error(code, line, **fields) from None


def _shifted(v: Any, by: int) -> Any:
    """A block read on its own, its mappings' lines moved to where the block stands in the file."""
    if by and isinstance(v, list):
        for x in v:
            _shifted(x, by)
    elif by and isinstance(v, dict):
        v.line += by
        v.key_lines = {k: n + by for k, n in v.key_lines.items()}
        for x in v.values():
            _shifted(x, by)
    return v


def _drive(yaml, text, loader_cls, line_dict, error, anchored: list | None = None):
    from yaml._yaml import CParser

    ev_mod = yaml.events
    Scalar, MapStart, MapEnd = ev_mod.ScalarEvent, ev_mod.MappingStartEvent, ev_mod.MappingEndEvent
    SeqStart, SeqEnd, Alias = ev_mod.SequenceStartEvent, ev_mod.SequenceEndEvent, ev_mod.AliasEvent
    DocStart = ev_mod.DocumentStartEvent
    resolve = _plain_resolver(loader_cls)
    known_tags = {t for t in loader_cls.yaml_constructors if t is not None}
    shared: dict[str, str] = {}
    share = shared.setdefault
    nokey = _SPECIAL  # "the next node in this mapping is a key"

    anchors: dict[str, int] = {}  # anchor -> line of the anchored node
    problem: Exception | None = None  # the first construction problem, raised once parsing is done
    documents = 0
    root: Any = None
    # One frame per open collection: [container, key_lines or None (a list), pending key, its line, line]
    stack: list[list] = []
    frame: list | None = None

    parser = CParser(text)
    get = parser.get_event
    try:
        while True:
            ev = get()
            cls = ev.__class__
            if cls is Scalar:
                if ev.anchor is not None or ev.tag is not None:
                    bad = _node_props(ev, anchors, known_tags, error)
                    if bad is not None and problem is None:
                        problem = bad
                line = ev.start_mark.line + 1
                if ev.implicit[0]:
                    value = resolve(ev.value)
                    if value is _SPECIAL:
                        if problem is None:
                            if frame is not None and frame[1] is not None and frame[2] is nokey \
                                    and resolve.tag(ev.value) == _MERGE:
                                problem = error("files.yaml.merge_key", line)
                            else:
                                problem = resolve.problem(ev.value, ev.start_mark)
                        value = ev.value
                else:
                    value = share(ev.value, ev.value)
            elif cls is MapStart or cls is SeqStart:
                if ev.anchor is not None or ev.tag is not None:
                    bad = _node_props(ev, anchors, known_tags, error)
                    if bad is not None and problem is None:
                        problem = bad
                line = ev.start_mark.line + 1
                if cls is MapStart:
                    d = line_dict()
                    d.line = line
                    d.key_lines = {}
                    frame = [d, d.key_lines, nokey, 0, line]
                else:
                    frame = [[], None, nokey, 0, line]
                stack.append(frame)
                if len(stack) > MAX_DEPTH:  # no plancli file nests past a handful: refused where it goes too deep
                    raise error("security.yaml_too_deep", line, limit=MAX_DEPTH)
                continue
            elif cls is MapEnd or cls is SeqEnd:
                done = stack.pop()
                value, line = done[0], done[4]
                frame = stack[-1] if stack else None
            elif cls is Alias:
                line = ev.start_mark.line + 1
                if ev.anchor not in anchors:
                    raise yaml.composer.ComposerError(None, None, "found undefined alias", ev.start_mark)
                if problem is None:
                    problem = error("files.yaml.alias", anchors[ev.anchor])
                value = None
            elif cls is DocStart:
                documents += 1
                if documents > 1:
                    raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                                      "but found another document", ev.start_mark)
                anchors = {}
                continue
            elif cls is ev_mod.StreamEndEvent:
                break
            else:  # stream start, document end
                continue

            # Attach the finished node to its parent.
            if frame is None:
                root = value
            elif frame[1] is None:
                frame[0].append(value)
            elif frame[2] is nokey:
                if problem is None:
                    if isinstance(value, list | dict):
                        problem = error("files.yaml.key_not_plain", line)
                    elif value in frame[0]:
                        problem = error("files.yaml.duplicate_key", line, key=value, first=frame[1][value])
                if isinstance(value, list | dict):
                    value = id(value)  # keep going to the end of the file, on a hashable stand-in
                frame[2], frame[3] = value, line
            else:
                frame[0][frame[2]] = value
                frame[1][frame[2]] = frame[3]
                frame[2] = nokey
    finally:
        parser.dispose()
    if problem is not None:
        raise problem
    if anchored is not None and anchors:
        anchored.append(True)
    return root


def too_deep(yaml, text: str, loader_cls) -> int | None:
    """The line of the first collection of ``text`` nested deeper than ``MAX_DEPTH``, if any (by
    PyYAML's event stream, which does not recurse); None also when ``text`` is not YAML at all."""
    depth = 0
    try:
        for ev in yaml.parse(text, Loader=loader_cls):
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return ev.start_mark.line + 1
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _node_props(ev, anchors: dict, known_tags: set, error) -> Exception | None:
    """Check a node's anchor and tag; the construction problem they make, if any."""
    import yaml

    if ev.anchor is not None:
        if ev.anchor in anchors:
            raise yaml.composer.ComposerError("found duplicate anchor; first occurrence", None,
                                              "second occurrence", ev.start_mark)
        anchors[ev.anchor] = ev.start_mark.line + 1
    tag = ev.tag
    if tag is None:
        return None
    if tag == "!" or tag in known_tags:
        raise Legacy(f"explicit tag {tag}")
    return yaml.constructor.ConstructorError(None, None, f"could not determine a constructor for the tag {tag!r}",
                                             ev.start_mark)
