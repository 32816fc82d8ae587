"""The fast lane of the strict YAML reader: files in the plain block layout the registry is written in.

A registry of 100 000 entries is two million lines of ``key: value`` in block mappings and
sequences, with JSON-like double-quoted strings and one-line flow lists (``lead: ["省科技厅"]``).
libyaml's event stream costs ~0.7 µs per event in Python objects alone (3 s at 100k entries); this
reader takes one regular-expression match per *line* instead and builds the same objects.

It reads only a conservative subset of YAML, and says so (returns ``OUTSIDE``) at the first thing
outside it, leaving the file to the full reader (``yamlevents``) — which also reports every error.
So anything unusual costs speed, never correctness. Inside the subset:

- block mappings and sequences, indented with spaces; ``key:`` opens a nested block (a sequence may
  stand at the key's own indentation); ``- key: value`` opens a mapping in a sequence item;
- keys: plain words (``deadline_text``, ``省科技厅``) or double-quoted;
- values: double-quoted strings (escapes ``\\" \\\\ \\n \\t`` only), single-quoted strings, plain
  scalars on one line without ``:`` or ``#`` (resolved by the strict loader's own resolver: ``null``,
  ``true``, ``12``, ``0.5``, ``2024-01-31`` kept as text), one-line flow lists and mappings of those;
- comments and blank lines anywhere.

Outside (handed over): tabs, control characters, ``\\r`` alone, document markers and directives,
anchors, aliases, tags, block scalars (``|``, ``>``), multi-line plain or quoted scalars, flow
collections over several lines, complex keys, duplicate keys, merge keys, anything not parsing.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["OUTSIDE", "load_block"]

OUTSIDE = object()  # "not in the subset": read the file with the full reader

# Any character libyaml might refuse or treat specially: line breaks other than \n (\r, \x85 and
# the Unicode separators \u2028 \u2029, which libyaml counts as new lines), BOM, tab, controls.
_UNSAFE_CHAR = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                          "\U00010000-\U0010ffff]")
_MARKERS = ("---", "...", "%")  # document markers and directives, at the start of a line


def _unsafe(text: str) -> bool:
    return _UNSAFE_CHAR.search(text) is not None or text.startswith(_MARKERS) \
        or any("\n" + m in text for m in _MARKERS)  # str.find: 10× faster than a multi-line regex

_FIRST = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-(?=[0-9.])"  # how a plain scalar may start
_PLAIN = rf"(?:{_FIRST})(?:[^:#\n]*[^\s:#])?"  # block context: no ':' or '#' at all, no trailing space
_DQ = r'"(?:[^"\\\n]|\\["\\nt])*"'
_SQ = r"'(?:[^'\n]|'')*'"
_LINE = re.compile(
    rf"""^(?P<i>[ ]*)
    (?:
        (?P<d>-[ ]+)?
        (?:(?P<k>{_DQ}|(?:{_FIRST})(?:[^:#\[\]{{}},\n]*[^\s:#\[\]{{}},])?):(?=[ ]|$)[ ]*)?
        (?:(?P<q>{_DQ})|(?P<s>{_SQ})|(?P<f>[\[{{].*)|(?P<p>{_PLAIN}))?
        [ ]*(?:(?<=[ \n])\#.*|\A\#.*)?$  # a comment follows a space or starts the line
    |   (?P<bad>.+)$
    )""", re.M | re.X)

_FPLAIN = rf"(?:{_FIRST})(?:[^:#,\[\]{{}}\n]*[^\s:#,\[\]{{}}])?"  # flow context: no , [ ] { } either
_FTOKEN = re.compile(rf"[ ]*(?:([\[\]{{}},])|(:)(?=[ ])|({_DQ})|({_SQ})|({_FPLAIN}))")
_FEND = re.compile(r"[ ]*(?:(?<=[ ])#.*)?$")
_ESC = re.compile(r"\\(.)")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def _dq(token: str) -> str:
    body = token[1:-1]
    return _ESC.sub(lambda m: _ESCAPES[m.group(1)], body) if "\\" in body else body


class _Out(Exception):
    pass


def load_block(text: str, resolve, special, line_dict: type) -> Any:
    """The document in ``text`` as plain objects, or ``OUTSIDE`` if it is not in the subset.

    ``resolve(text)`` gives a plain scalar's value (``special`` if it is not plain data).
    """
    if _unsafe(text):
        if "\r" not in text or text.count("\r") != text.count("\r\n"):
            return OUTSIDE
        text = text.replace("\r\n", "\n")  # Windows line ends: same lines, same values
        if _unsafe(text):
            return OUTSIDE
    try:
        return _read(text, resolve, special, line_dict)
    except (_Out, IndexError):
        return OUTSIDE


# The common lines, matched first: `key: "text"`, `key: 12`, `key: ["a", "b"]`, `key:`, comments.
# Anything else (group x) is matched again with the full line grammar above.
_FAST = re.compile(
    r"""^(?P<i>[ ]*)
    (?:
        (?P<d>-[ ]+)?(?P<k>[A-Za-z_][A-Za-z0-9_]{0,999}):  # libyaml: a key is at most 1024 characters
        (?:[ ]+(?:"(?P<q>[^"\\\n]*)"|(?P<p>(?:[A-Za-z0-9_.+]|-(?=[0-9.]))[A-Za-z0-9_.+-]*)
                |(?P<l>\[(?:"[^"\\\n]*"(?:,[ ]*"[^"\\\n]*")*)?\])))?
        (?:[ ]+\#.*)?[ ]*$
    |   (?P<c>(?:\#.*)?)$
    |   (?P<x>.*)$
    )""", re.M | re.X)
_ITEM = re.compile(r'"([^"\n]*)"')
_NONE = object()  # "this line has no value"
_MAX_DEPTH = 100  # deeper block nesting goes to the full reader (PyYAML refuses past ~200)


def _read(text: str, resolve, special, line_dict: type) -> Any:  # noqa: C901 - one loop, kept flat for speed
    shared: dict[str, str] = {}
    share = shared.setdefault
    items = _ITEM.findall
    full = _LINE.match
    # Open collections, innermost last: [indent, container, key_lines (None for a list), pending key,
    # its line, compact (a sequence at its parent key's indentation)]
    stack: list[list] = []
    root: Any = OUTSIDE
    lineno = 0
    nokey = none = _NONE
    top: list | None = None
    # The common case, kept cheap: the next `key: value` of the current mapping. fast_ind is that
    # mapping's indentation while it waits for no pending key's block (else -1).
    fast_ind, t_map, t_kl = -1, None, None
    keys: dict[str, Any] = {}
    for m in _FAST.finditer(text):
        lineno += 1
        ind, dash, key, q, p, lst, c, x = m.groups()
        if q is not None:
            value = share(q, q)
        elif p is not None:
            value = resolve(p)
            if value is special:
                raise _Out
        elif lst is not None:
            value = [share(v, v) for v in items(lst)]
        elif c is not None:
            continue  # blank or comment
        elif x is not None:
            ind, dash, key, q, s, f, p, bad = full(text, m.start(), m.end()).groups()
            if bad is not None:
                raise _Out
            if q is None and s is None and f is None and p is None:
                if dash is None and key is None:
                    continue  # blank or comment
                value = none
            else:
                value = _value(q, s, f, p, lineno, resolve, special, share, line_dict)
            if key is not None:
                if len(key) > 1000:
                    raise _Out
                k = _dq(key) if key[0] == '"' else resolve(key)
        else:
            value = none
        if x is None:
            try:
                k = keys[key]
            except KeyError:
                k = keys[key] = resolve(key)
        col = len(ind)
        if col == fast_ind and dash is None and key is not None:
            if k is special or k in t_map:
                raise _Out
            if value is none:
                top[3], top[4] = k, lineno
                fast_ind = -1
            else:
                t_map[k] = value
                t_kl[k] = lineno
            continue
        if top is not None and top[3] is not nokey and (col > top[0] or (col == top[0] and dash)):
            # The block under a pending `key:` starts here.
            child = [col, [], None, nokey, 0, col == top[0]] if dash else \
                [col, line_dict(), {}, nokey, 0, False]
            if not dash:
                if key is None:
                    raise _Out  # a scalar on the line after its key, or a multi-line plain scalar
                child[1].line, child[1].key_lines = lineno, child[2]
            top[1][top[3]] = child[1]
            top[2][top[3]] = top[4]
            top[3] = nokey
            stack.append(child)
            top = child
        else:
            if top is not None and top[3] is not nokey:  # `key:` with nothing under it
                top[1][top[3]] = None
                top[2][top[3]] = top[4]
                top[3] = nokey
            while top is not None and (top[0] > col or (top[5] and top[0] == col and not dash)):
                stack.pop()
                top = stack[-1] if stack else None
            if top is None:
                if root is not OUTSIDE:
                    raise _Out  # content after the root collection closed
                top = [col, [], None, nokey, 0, False] if dash else [col, line_dict(), {}, nokey, 0, False]
                if not dash:
                    if key is None:
                        raise _Out  # a bare scalar document
                    top[1].line, top[1].key_lines = lineno, top[2]
                root = top[1]
                stack.append(top)
            elif top[0] != col or (dash is None) != (top[2] is not None):
                raise _Out  # bad indentation, or a dash where a key belongs (or the reverse)
        if len(stack) > _MAX_DEPTH:
            raise _Out  # deep nesting: PyYAML's limits decide
        if dash:
            if key is not None:  # `- key: value` starts a mapping in the item
                d = line_dict()
                d.line, d.key_lines = lineno, {}
                top[1].append(d)
                top = [col + len(dash), d, d.key_lines, nokey, 0, False]
                stack.append(top)
            elif value is none:
                raise _Out  # `-` alone: the item's content follows on the next lines
            else:
                top[1].append(value)
                fast_ind = -1
                continue
        elif key is None:
            raise _Out  # a bare scalar where a key belongs
        # A key line of the mapping `top`.
        if k is special or k in top[1]:
            raise _Out
        t_map, t_kl = top[1], top[2]
        if value is none:
            top[3], top[4] = k, lineno
            fast_ind = -1
        else:
            t_map[k] = value
            t_kl[k] = lineno
            fast_ind = top[0]
    if top is not None and top[3] is not nokey:
        top[1][top[3]] = None
        top[2][top[3]] = top[4]
    return None if root is OUTSIDE else root


def _value(q, s, f, p, lineno, resolve, special, share, line_dict):
    if q is not None:
        v = _dq(q)
        return share(v, v)
    if p is not None:
        v = resolve(p)
        if v is special:
            raise _Out
        return v
    if s is not None:
        v = s[1:-1].replace("''", "'")
        return share(v, v)
    return _flow(f, lineno, resolve, special, share, line_dict)


def _flow(text: str, lineno: int, resolve, special, share, line_dict) -> Any:
    """One flow collection that opens and closes on this line (then only a comment may follow)."""
    toks = []
    pos, n = 0, len(text)
    depth = 0
    while True:
        m = _FTOKEN.match(text, pos)
        if m is None:
            raise _Out
        toks.append(m.groups())
        pos = m.end()
        ind = m.group(1)
        if ind in ("[", "{"):
            depth += 1
        elif ind in ("]", "}"):
            depth -= 1
            if depth == 0:
                break
        if pos >= n:
            raise _Out  # the collection goes on past this line
    if not _FEND.match(text, pos):
        raise _Out
    value, i = _fnode(toks, 0, lineno, resolve, special, share, line_dict)
    return value


def _fnode(toks, i, lineno, resolve, special, share, line_dict, depth=0):
    if depth > 50:
        raise _Out  # deep nesting: PyYAML's limits decide
    ind, colon, dq, sq, plain = toks[i]
    if dq is not None:
        v = _dq(dq)
        return share(v, v), i + 1
    if sq is not None:
        v = sq[1:-1].replace("''", "'")
        return share(v, v), i + 1
    if plain is not None:
        v = resolve(plain)
        if v is special:
            raise _Out
        return v, i + 1
    if ind == "[":
        out: list = []
        i += 1
        if toks[i][0] == "]":
            return out, i + 1
        while True:
            v, i = _fnode(toks, i, lineno, resolve, special, share, line_dict, depth + 1)
            out.append(v)
            t = toks[i][0]
            if t == "]":
                return out, i + 1
            if t != ",":
                raise _Out
            i += 1
    if ind == "{":
        d = line_dict()
        d.line, d.key_lines = lineno, {}
        i += 1
        if toks[i][0] == "}":
            return d, i + 1
        while True:
            kt = toks[i]
            if kt[2] is None and kt[4] is None:
                raise _Out  # only plain or double-quoted keys
            k = _dq(kt[2]) if kt[2] is not None else resolve(kt[4])
            if k is special or k in d or toks[i + 1][1] is None or len(kt[2] or kt[4]) > 1000:
                raise _Out
            v, i = _fnode(toks, i + 2, lineno, resolve, special, share, line_dict, depth + 1)
            d[k] = v
            d.key_lines[k] = lineno
            t = toks[i][0]
            if t == "}":
                return d, i + 1
            if t != ",":
                raise _Out
            i += 1
    raise _Out  # a stray ',', ':', ']' or '}'
