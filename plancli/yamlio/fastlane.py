"""The fast lane of the strict YAML reader: files in the plain block layout the registry is written in.

A registry of 100 000 entries is two million lines of ``key: value`` in block mappings and
sequences, with JSON-like double-quoted strings and one-line flow lists (``lead: ["省科技厅"]``).
libyaml's event stream costs ~0.7 µs per event in Python objects alone (3 s at 100k entries); this
reader takes one regular-expression match per *line* instead and builds the same objects — and the
items of a top-level block sequence of flat mappings (a registry's entries), whatever tool wrote
them, are read in bulk, a few C-speed string operations per item (``_flat_items``, below) — for a
caller that asks (``rows``), straight into rows of indices into tables of distinct values (``Rows``),
with no mapping built per item.

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
anchors, aliases, tags, block scalars (``|``, ``>``), multi-line plain or quoted scalars (except
plain and single-quoted ones wrapped in a flat item), flow collections over several lines, complex
keys, duplicate keys, merge keys, anything not parsing.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from bisect import bisect_left
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Any

__all__ = ["OUTSIDE", "load_block", "load_by_blocks", "Rows", "Whole"]

OUTSIDE = object()  # "not in the subset": read the file with the full reader

# Any character libyaml might refuse or treat specially: line breaks other than \n (\r, \x85 and
# the Unicode separators \u2028 \u2029, which libyaml counts as new lines), BOM, tab, controls.
_UNSAFE_CHAR = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                          "\U00010000-\U0010ffff]")
# The same test, faster, with the UTF-8 bytes a text was decoded from at hand (the regular
# expression over a 50 MB text of Chinese took ~0.15 s): an ASCII control is a byte of its own (one
# ``translate``); U+0080-U+009F is \xc2 and a byte of 80-9f; the five others are looked for in the
# text, one character each (a search for their three bytes is slow where \xe2 and \xef abound).
_SAFE_BYTES = bytes([0x0A, *range(0x20, 0x7F), *range(0x80, 0x100)])
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
_UNSAFE_BMP = "\u2028\u2029\ufeff\ufffe\uffff"
_MARKERS = ("---", "...", "%")  # document markers and directives, at the start of a line



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


def clean_text(text: str, raw: bytes) -> bool:
    """True when ``text``, decoded from the UTF-8 ``raw``, holds no character ``_UNSAFE_CHAR`` finds."""
    if raw.translate(None, _SAFE_BYTES):
        return False  # an ASCII control, \r or a tab
    if b"\xc2" in raw and _C1_BYTES.search(raw):
        return False
    return not any(c in text for c in _UNSAFE_BMP)


def load_block(text: str, resolve, special, line_dict: type, full=None, raw: bytes | None = None,
               rows: dict | None = None) -> Any:
    """The document in ``text`` as plain objects, or ``OUTSIDE`` if it is not in the subset.

    ``resolve(text)`` gives a plain scalar's value (``special`` if it is not plain data). With
    ``full(block_text, first_line)``, a file the fast lane cannot read whole is read block by block
    (see ``load_by_blocks``); ``OUTSIDE`` then means the whole file must go to the full reader.
    ``raw``: the bytes ``text`` was decoded from, if at hand (a faster look for unsafe characters).
    ``rows``: top-level key → keys; such a key's block sequence of flat mappings, read in bulk,
    comes back as ``Rows`` of those keys' values (no mapping per item) instead of a list.
    """
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return OUTSIDE
        text = text.replace("\r\n", "\n")  # Windows line ends: same lines, same values
    # The lines at column 0 (a marker or directive is one of them): one scan of the text
    starts = [m.start() + 1 for m in _TOP.finditer(text)]
    if _TOP.match("\n" + text[:2]):
        starts.insert(0, 0)
    if any(text.startswith(_MARKERS, at) for at in starts):
        return OUTSIDE  # document markers and directives: the full reader's business
    bad = None if raw is not None and clean_text(text, raw) else _UNSAFE_CHAR.search(text)
    if full is not None:
        # Block by block first: a registry's entries are read in bulk there (``_flat_items``).
        try:
            unsafe = [m.start() for m in _UNSAFE_CHAR.finditer(text, bad.start())] if bad is not None else []
            return load_by_blocks(text, resolve, special, line_dict, full, unsafe, starts, rows)
        except Whole:
            pass  # not a mapping of blocks, or a block the full reader refused: the whole file decides
    if bad is None:
        try:
            return _read(text, resolve, special, line_dict)
        except (_Out, IndexError):
            pass
    return OUTSIDE


# Plain text with a character beyond ASCII in it, and no ':' or '#': always a string (no implicit
# type of the strict loader — null, bools, numbers — has one), so it needs no resolving. What a YAML
# tool writes for Chinese text (`metric: 全社会研发经费投入年均增长率`, `- 省科技厅`).
_TEXT = rf"(?=[^\n#:]*[\u0080-\U0010ffff])(?:{_FIRST})(?:[^:#\n]*[^\s:#])?"
# the same, with none of \x01-\x03 (the marks ``_flat_items`` puts for line breaks) anywhere
_TEXT_NO_MARK = r"(?=[^\n#:]*[\u0080-\U0010ffff])(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`\x01-\x03]|-(?=[0-9.]))(?:[^:#\n\x01-\x03]*[^\s:#\x01-\x03])?"
# The common lines, matched first: `key: "text"`, `key: 'text'`, `key: 12`, `key: 中文`, `key: ["a", "b"]`,
# `key:`, a list item that is a string, comments. Anything else (group x) is matched again with
# the full line grammar above.
_KEY = r"[A-Za-z_][A-Za-z0-9_]{0,999}"  # libyaml: a key is at most 1024 characters
_QLIST = r'\[(?:"[^"\\\n]*"(?:,[ ]*"[^"\\\n]*")*)?\]'
_PFAST = r"(?:[A-Za-z0-9_.+]|-(?=[0-9.]))[A-Za-z0-9_.+-]*"
# One more line of the same mapping in its simplest form — `key: value`, one space, no comment, no
# trailing space — a line the rest of _FAST reads as group k with q, p, l or t. A run of them after a
# `key: value` line (group r) is read in bulk by ``_run``: a registry entry is one `- id: "x"` line and
# a run of 17 more.
_SIMPLE = rf"""{_KEY}:[ ](?:"[^"\\\n]*"|{_PFAST}|{_QLIST}|'[^'\n]*'|{_TEXT})(?=\n|\Z)"""
# (Tried and measured, not kept: a run taking the compact unit lists PyYAML writes (`lead:` and its
# `- text` lines) — one match per entry instead of three — made the block layout's read 0.2 s slower
# at 100k entries and PyYAML's no faster; wrapped values (plain or quoted text over deeper lines)
# read in runs — every line paid for the extra alternatives what the 3 200 wrapped entries of a
# PyYAML dump saved; and reading block by block before the whole file: 0.3 s slower on a file all
# in the lane — until the entries were read in bulk there, see ``_flat_items``.)
# The items of a block sequence of text under a `key:` (no dash on its line), at the key's
# indentation or deeper, each `- "text"`, `- 'text'` or `- 中文` alone on its line (group e's values),
# and no item of another kind after them: the unit lists as PyYAML writes them (`lead:` / `- 省科技厅`).
_ITEM1 = rf"""-[ ]+(?:"[^"\\\n]*"|'[^'\n]*'|{_TEXT})(?=\n|\Z)"""
_ITEMS_OF = rf"\n(?P=i)(?P<bi>[ ]*){_ITEM1}(?:\n(?P=i)(?P=bi){_ITEM1})*(?!\n(?P=i)(?P=bi)-)"
_FAST = re.compile(
    rf"""^(?P<i>[ ]*)
    (?:
        (?P<d>-(?P<ds>[ ]+))?(?P<k>{_KEY}):
        (?:(?:[ ]+(?:"(?P<q>[^"\\\n]*)"|(?P<p>{_PFAST})|(?P<l>{_QLIST})|(?P<t>'[^'\n]*'|{_TEXT}))
               (?:[ ]+\#.*)?[ ]*
            |  (?(d)(?!))[ ]*(?P<b>{_ITEMS_OF})  # `key:` and the items of a block sequence of text
            )(?P<r>(?:\n(?P=i)(?(ds)[ ](?P=ds)){_SIMPLE})*)  # the mapping's next lines, at its indentation
        |(?:[ ]+\#.*)?[ ]*)$
    |   (?P<e>-[ ]+)(?P<et>"[^"\\\n]*"|'[^'\n]*'|{_TEXT})(?:[ ]+\#.*)?[ ]*$
    |   (?P<c>(?:\#.*)?)$
    |   (?P<x>.*)$
    )""", re.M | re.X)
_ITEM = re.compile(r'"([^"\n]*)"')
_NONE = object()  # "this line has no value"
_MAX_DEPTH = 100  # deeper block nesting goes to the full reader (PyYAML refuses past ~200)


class _Memo(dict):
    """Raw value text → its value, for the runs of `key: value` lines (group r of _FAST): a registry
    repeats its plain values, units and phrases thousands of times, so most are looked up, in C,
    by ``map``. Bounded: cleared when it grows past ``_MEMO_MAX`` (ids and quotes do not repeat)."""

    def __init__(self, resolve, special, share):
        super().__init__()
        self.resolve, self.special, self.share = resolve, special, share
        self.keys = _Keys(resolve)

    def __missing__(self, raw: str) -> Any:
        c = raw[0]
        if c == "[":
            return [self.share(v, v) for v in _ITEM.findall(raw)]  # a new list each time: never kept
        if c == '"' or c == "'":
            v = raw[1:-1]
            v = self.share(v, v)
        elif raw.isascii():  # a plain scalar of group p (group t's always holds a character beyond ASCII)
            v = self.resolve(raw)
            if v is self.special:
                raise _Out
        else:
            v = self.share(raw, raw)
        if len(self) >= _MEMO_MAX:
            self.clear()
        self[raw] = v
        return v

    def run(self, r: str, col: int, t_map: dict, t_kl: dict, lineno: int) -> int:
        """Read the run ``r`` (lines ``\\n<col spaces>key: value``) into the mapping ``t_map`` and its
        key lines ``t_kl``, as the line-by-line loop would; the number of the run's last line."""
        sep = _SEPS[col] if col < len(_SEPS) else "\n" + " " * col
        n = r.count("\n")
        if r.count(": ") == n:  # no value holds ': ': one split gives every key and value
            parts = r.replace(": ", sep).split(sep)
            names, raws = parts[1::2], parts[2::2]
        else:
            names, raws = zip(*map(_KEY_VALUE, r[len(sep):].split(sep)), strict=True)
        keys = list(map(self.keys.__getitem__, names))  # one string per key name, as the loop shares them
        if self.keys.odd and not self.keys.odd.isdisjoint(names):
            raise _Out  # null:, true: … — keys no registry writes: left to the line-by-line reading
        had = len(t_map)
        t_map.update(zip(keys, map(self.__getitem__, raws), strict=True))
        if len(t_map) != had + n:
            raise _Out  # a key twice: the full reader says so
        t_kl.update(zip(keys, range(lineno + 1, lineno + 1 + n), strict=True))
        return lineno + n


class _Keys(dict):
    """Key text → its value (the strict loader's resolver), shared by every mapping of the file;
    ``odd`` holds the texts that are not a string key as written (``null:``, ``true:``)."""

    def __init__(self, resolve):
        super().__init__()
        self.resolve = resolve
        self.odd: set[str] = set()

    def __missing__(self, k: str) -> Any:
        v = self[k] = self.resolve(k)
        if v.__class__ is not str or v != k:
            self.odd.add(k)
        return v


def _item_text(line: str) -> str:
    """The text of one `- item` line of group b."""
    v = line.lstrip(" ")[1:].lstrip(" ")
    return v[1:-1] if v[0] == '"' or v[0] == "'" else v


_MEMO_MAX = 20000
_SEPS = ["\n" + " " * i for i in range(17)]
_KEY_VALUE = operator.methodcaller("split", ": ", 1)


class _Stop(Exception):
    """Raised by ``_read`` reading sequence items: the items read whole before the one it cannot
    read, and where that one starts."""

    def __init__(self, done: list, at: int):
        super().__init__(at)
        self.done, self.at = done, at


def _read(text: str, resolve, special, line_dict: type, pos: int = 0, endpos: int | None = None,  # noqa: C901
          first_line: int = 1, shared: dict | None = None, by_item: bool = False, memo: _Memo | None = None) -> Any:
    """The document in ``text[pos:endpos]`` (its first line numbered ``first_line``); ``_Out`` at the
    first thing outside the subset. With ``by_item``, the text is the items of a block sequence: at
    such a thing ``_Stop`` says which items were read and where the one that was not begins.
    One loop, kept flat for speed."""
    share = (shared if shared is not None else {}).setdefault
    items = _ITEM.findall
    if memo is None:
        memo = _Memo(resolve, special, share)
    run = memo.run
    full = _LINE.match
    # Open collections, innermost last: [indent, container, key_lines (None for a list), pending key,
    # its line, compact (a sequence at its parent key's indentation)]
    stack: list[list] = []
    root: Any = OUTSIDE
    lineno = first_line - 1
    item_at, n_at = -1, 0  # (items) where the current item of the root sequence began, and its index
    nokey = none = _NONE
    top: list | None = None
    # The common case, kept cheap: the next `key: value` of the current mapping. fast_ind is that
    # mapping's indentation while it waits for no pending key's block (else -1).
    fast_ind, t_map, t_kl = -1, None, None
    keys = memo.keys
    try:
        for m in _FAST.finditer(text, pos, len(text) if endpos is None else endpos):
            lineno += 1
            ind, dash, _, key, q, p, lst, t, bl, _, r, e, et, c, x = m.groups()
            if q is not None:
                value = share(q, q)
            elif p is not None:
                value = resolve(p)
                if value is special:
                    raise _Out
            elif lst is not None:
                value = [share(v, v) for v in items(lst)]
            elif t is not None:  # 'text' or 中文 text
                value = t[1:-1] if t[0] == "'" else t
                value = share(value, value)
            elif bl is not None:  # `key:` and its items, text each
                if len(stack) >= _MAX_DEPTH:
                    raise _Out  # the list would stand one deeper: PyYAML's limits decide
                value = [share(v, v) for v in map(_item_text, bl[1:].split("\n"))]
            elif c is not None:
                continue  # blank or comment
            elif e is not None:  # `- text`: a list item that is a string
                dash = e
                value = et[1:-1] if et[0] in "'\"" else et
                value = share(value, value)
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
            if x is None and key is not None:
                k = keys[key]
            col = len(ind)
            # A key line of the mapping the last key line filled, at its indentation (most lines of a
            # registry), goes straight to the tail below; any other line finds its place first.
            if col != fast_ind or dash is not None or key is None:
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
                    if by_item and len(stack) == 1:
                        item_at, n_at = m.start(), len(root)
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
                t_map, t_kl = top[1], top[2]
            # A key line of the mapping `top`.
            if k is special or k in t_map:
                raise _Out
            if value is none:
                top[3], top[4] = k, lineno
                fast_ind = -1
            else:
                t_map[k] = value
                t_kl[k] = lineno
                fast_ind = top[0]
                if bl is not None:
                    lineno += len(value)
                if r:
                    lineno = run(r, fast_ind, t_map, t_kl, lineno)
    except (_Out, IndexError):
        if by_item and item_at >= 0:
            raise _Stop(root[:n_at], item_at) from None
        raise
    if top is not None and top[3] is not nokey:
        top[1][top[3]] = None
        top[2][top[3]] = top[4]
    return None if root is OUTSIDE else root


# --------------------------------------------------------------------------- block by block
# A file the fast lane cannot read whole — a YAML tool's layout wraps a long string, quotes one with
# escapes, writes a block scalar — is read one block at a time: each top-level key's value, and of
# a block sequence (the registry's entries) each item. The fast lane reads what it can; a block it
# cannot is given to the full reader (``full``) alone. Any block the full reader refuses, a key that
# comes twice, or a file that is not a mapping of blocks: the whole file goes to the full reader,
# which decides (its errors, at its lines). A construct that spans two blocks (a quoted string
# going on at column 0) leaves the first block unterminated, so the full reader refuses it there.

# a line at column 0 that starts a top-level key (found after its newline: a literal the engine
# searches at memory speed, where a multi-line ^ is tried at every character)
_TOP = re.compile(r"\n(?:[^ \n#\-]|-[^ \n])")
_COMMENTS = re.compile(r"(?:[ ]*(?:\#[^\n]*)?\n)*[ ]*(?:\#[^\n]*)?\Z")
_EMPTY_VALUE = re.compile(r":[ ]*(?:[ ]\#[^\n]*)?$")  # a `key:` line with nothing after its colon (a comment at most)
_ITEMS = re.compile(r"[^\n]*\n(?:[ ]*(?:\#[^\n]*)?\n)*([ ]*)-(?:[ ]|\n|\Z)")  # `key:` line, then a `-`


class Whole(Exception):
    """Read the whole file with the full reader (raised by ``load_by_blocks``)."""


def load_by_blocks(text: str, resolve, special, line_dict: type, full, unsafe: list[int], starts: list[int],
                   rows: dict | None = None) -> Any:
    """The document in ``text`` (no document markers, ``\\n`` line ends) read block by block (see
    above): ``full(block_text, first_line)`` reads one block the fast lane cannot, its lines counted
    from ``first_line``; ``unsafe``: the offsets of characters the fast lane never reads; ``starts``:
    the offsets of the lines at column 0 that are not blank, comments or sequence items; ``rows``:
    as for ``load_block``. Raises ``Whole`` when the file must be read whole."""
    if unsafe and any(c in text for c in "\x85\u2028\u2029"):  # (each of them is unsafe)
        raise Whole  # libyaml counts them as line breaks: lines here would not be its lines
    if not starts or not _COMMENTS.match(text, 0, starts[0]):
        raise Whole  # not a mapping of top-level keys
    lines = _Lines(text)
    shared: dict[str, str] = {}
    memo = _Memo(resolve, special, shared.setdefault)
    parts = _Parts(resolve, special)
    root = line_dict()
    root.key_lines = {}
    bounds = [*starts, len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        block = _block(text, a, b, lines, unsafe, shared, memo, parts, resolve, special, line_dict, full, rows)
        if not isinstance(block, dict) or len(block) != 1 or next(iter(block)) in root:
            raise Whole  # not one key, or a key that came before
        (key, value), = block.items()
        root[key] = value
        root.key_lines[key] = block.key_lines[key]
    root.line = root.key_lines[next(iter(root))]
    return root


class _Lines:
    """Line numbers of offsets, asked for in increasing order (counted once over the text)."""

    def __init__(self, text: str):
        self.text, self.at, self.line = text, 0, 1

    def __call__(self, offset: int) -> int:
        if offset < self.at:
            self.at, self.line = 0, 1
        self.line += self.text.count("\n", self.at, offset)
        self.at = offset
        return self.line


def _clean(unsafe: list[int], a: int, b: int) -> bool:
    i = bisect_left(unsafe, a)
    return i == len(unsafe) or unsafe[i] >= b


def _block(text, a, b, lines, unsafe, shared, memo, parts, resolve, special, line_dict, full, rows=None):
    """One top-level key and its value, ``text[a:b]`` (a ``Rows`` for a key of ``rows``)."""
    line = lines(a)
    seq = _ITEMS.match(text, a, b)
    if seq is None or not _clean(unsafe, a, seq.start(1)):
        if _clean(unsafe, a, b):
            try:
                got = _read(text, resolve, special, line_dict, a, b, line, shared, memo=memo)
                if got is not None:
                    return got
            except (_Out, IndexError):
                pass
        return full(text[a:b], line)
    # `key:` and a block sequence: the key by the fast lane, the items one run at a time
    nl = text.index("\n", a)
    try:
        head = _read(text, resolve, special, line_dict, a, nl + 1, line, shared, memo=memo)
    except (_Out, IndexError):
        return full(text[a:b], line)
    if not isinstance(head, dict) or len(head) != 1 or next(iter(head.values())) is not None \
            or not _EMPTY_VALUE.search(text, a, nl):
        # (`x: ~` or `x: null` holds a value, None, and no sequence may follow it: the full reader refuses the file
        # as PyYAML does — a hypothesis run found `x: ~` then `- {a: 1}` read as a list under x)
        return full(text[a:b], line)
    if _clean(unsafe, seq.start(1), b):
        key = next(iter(head))
        pick = rows.get(key) if rows else None
        col = len(seq.group(1))
        bulk = _RowParts(resolve, special, pick) if pick else parts
        got = _flat_items(text, seq.start(1), b, col, lines(seq.start(1)), bulk, line_dict, pick)
        if got is not None:
            values, spans = got[:2]

            def one(at: int, end: int, line: int) -> Any:
                return _one_item(text, at, end, line, resolve, special, line_dict, full, shared, memo)

            odd = {i: one(at, end, line) for i, at, end, line in spans}
            if pick is None:
                for i, v in odd.items():
                    values[i] = v
                head[key] = values
            else:
                def again(at: int, end: int, line: int) -> Any:  # an item read in bulk, read again whole
                    got = _flat_items(text, at, end, col, line, parts, line_dict)
                    if got is None or got[1]:
                        return one(at, end, line)  # (never: it was read in bulk once)
                    return got[0][0]

                head[key] = Rows(pick, [bulk.tables[k] for k in pick], values, got[2], got[3], b, odd, again)
            return head
    dash = "\n" + seq.group(1) + "-"  # an item starts after a newline with this

    def item_end(at: int) -> int:
        """Where the item that starts (or holds the offset) ``at`` ends: the next item, or ``b``."""
        while True:
            at = text.find(dash, at, b)
            if at < 0:
                return b
            if at + len(dash) == b or text[at + len(dash)] in " \n":
                return at + 1
            at += 1

    def item_start(at: int) -> int:
        """Where the item holding the offset ``at`` starts."""
        while True:
            k = text.rfind(dash, seq.start(1) - 1, at)
            if k < 0:
                return seq.start(1)
            if text[k + len(dash)] in " \n":
                return k + 1
            at = k

    values: list = []
    pos = seq.start(1)
    while pos < b:
        stop = b
        i = bisect_left(unsafe, pos)
        if i < len(unsafe) and unsafe[i] < b:  # read up to the item holding an unsafe character
            stop = item_start(unsafe[i])
        if stop > pos:
            try:
                got = _read(text, resolve, special, line_dict, pos, stop, lines(pos), shared, by_item=True,
                            memo=memo)
                if not isinstance(got, list):
                    raise Whole
                values += got
                pos = stop
                continue
            except _Stop as s:
                values += s.done
                pos = s.at
            except (_Out, IndexError):
                pass  # at the first line: the item at pos
        end = item_end(pos + 1)
        got = full(text[pos:end], lines(pos))
        if not isinstance(got, list) or len(got) != 1:
            raise Whole
        values.append(got[0])
        pos = end
    key = next(iter(head))
    head[key] = values
    return head


def _one_item(text, a, b, line, resolve, special, line_dict, full, shared, memo):
    """The item ``text[a:b]`` of a block sequence, by the line reader, else by the full reader."""
    try:
        got = _read(text, resolve, special, line_dict, a, b, line, shared, by_item=True, memo=memo)
    except (_Stop, _Out, IndexError):
        got = full(text[a:b], line)
    if not isinstance(got, list) or len(got) != 1:
        raise Whole
    return got[0]


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


# --------------------------------------------------------------------------- flat items, in bulk
# The entries of a registry are a block sequence of flat mappings: each key's value a scalar or a
# list of scalars. Whatever tool wrote them, one item is a few dozen lines in one of a handful of
# forms, so it is read here in bulk, without a regular expression per line: the sequence split at
# its dashes, each item split at its keys' indentation (a block list's items first joined to their
# key's line, as ``\x01`` at the key's column or ``\x02`` two deeper), and each part looked up in a
# memo of part texts (a registry's parts repeat: `kind: target`, `lead:\x01省科技厅`, `line: 26`);
# a new part is read once, by the line grammar above. An item with a part the memo cannot read on
# its own is split again with its deeper lines joined to their key's part (``\x03``): a string
# wrapped as PyYAML wraps one past 80 columns, plain or single-quoted, is folded as YAML folds it
# (``_folded``). Anything else — a comment, a nested block, a double-quoted string over lines, a
# key twice — is handed back item by item: the line reader reads that item, else the full reader.
# The characters ``\x01``-``\x03`` never occur in a text the lane reads (``_UNSAFE_CHAR``).
# A mapping read here works out its key lines when first asked (only an error asks): it keeps its
# keys and how many lines each took, one tuple shared by every mapping of the same shape.

_CONT_PLAIN = re.compile(r"[^:#\n]*")  # a continuation line of a plain scalar, conservatively
_HEAD = re.compile(rf"(?P<k>{_DQ}|(?:{_FIRST})(?:[^:#\[\]{{}},\n]*[^\s:#\[\]{{}},])?):(?:[ ]+(?P<v>.*))?\Z")
_SQ_END = re.compile(r"'((?:[^']|'')*)'[ ]*(?:(?<=[ ])#[^\n]*)?\Z", re.S)


class _Seq(tuple):
    """A list's items as the memo keeps them: made a new list for each mapping that holds it."""


class _Parts(dict):
    """Part text → (key, value, lines, is a list), or None when the part is not in the subset (the
    item is then handed back). A part is one key's lines, its block list's items joined to it
    (``\x01`` at the key's column, ``\x02`` two deeper) and, on a second look, its deeper lines
    (``\x03`` for the line break and the key's indentation: a wrapped string)."""

    def __init__(self, resolve, special):
        super().__init__()
        self.resolve, self.special = resolve, special
        self.keys: dict[str, Any] = {}

    def __missing__(self, part: str):
        v = self._cell(part)
        if len(self) >= _PARTS_MAX:
            self.clear()
        self[part] = v
        return v

    def _cell(self, part: str):
        m = _QUICK.match(part)
        if m is not None:  # the common `key: value` (a new id, a new quote), without the line grammar
            k, q, p, t = m.groups()
            key = self.keys.get(k)
            if key is None:
                key = self.keys[k] = self.key(k)
            if p is not None:
                v = self.resolve(p)
                return None if v is self.special else (key, v, 1, False)
            return key, q if q is not None else t[1:-1] if t[0] == "'" else t, 1, False
        try:
            return self._read(part)
        except (_Out, IndexError):
            return None

    def key(self, key: str) -> Any:
        if len(key) > 1000:
            raise _Out  # libyaml refuses a simple key past 1024 characters
        k = _dq(key) if key[0] == '"' else self.resolve(key)
        if k is self.special:
            raise _Out
        return k

    def _read(self, part: str):
        if not part or part[0] == " ":
            return None
        if "\x03" in part or "\n" in part:
            return self._wrapped(part)
        one, two = "\x01" in part, "\x02" in part
        if one or two:
            if one and two:
                return None  # items at two indentations: the deeper ones would be text of the first
            head, *items = part.split("\x01" if one else "\x02")
            m = _LINE.match(head)
            if m is None or m.group("i") or m.group("d") or m.group("bad") is not None or m.group("k") is None \
                    or any(m.group(g) is not None for g in "qsfp"):
                return None  # only `key:` with nothing after it (a comment at most) owns block items
            return self.key(m.group("k")), _Seq(map(self._item, items)), 1 + len(items), True
        m = _LINE.match(part)
        if m is None or m.group("i") or m.group("d") or m.group("bad") is not None or m.group("k") is None:
            return None
        key = self.key(m.group("k"))
        q, s, f, p = m.group("q", "s", "f", "p")
        if f is not None:
            if f[0] != "[":
                return None  # a flow mapping: its own lines, not a value to share
            v = _flow(f, 0, self.resolve, self.special, _keep, _FlowMap)
            if any(isinstance(x, (list, dict)) for x in v):
                return None
            return key, _Seq(v), 1, True
        if q is None and s is None and p is None:
            return key, None, 1, False
        return key, _value(q, s, f, p, 0, self.resolve, self.special, _keep, dict), 1, False

    def _wrapped(self, part: str):
        """A key whose value goes on over deeper lines (a string wrapped as PyYAML wraps one past
        80 columns), or followed by blank lines."""
        if "\x01" in part or "\x02" in part:
            return None  # a list's item over two lines, or blank lines among the items: not the subset
        if _RAW_LINE.search(part):
            return None  # a line not deeper than the keys: a comment, or not this mapping's
        head, *more = part.replace("\x03", "\n").split("\n")
        n = 1 + len(more)
        while more and more[-1].strip(" ") == "":
            more.pop()  # blank lines after a value are no part of it
        if not more:
            got = self._cell(head)
            return None if got is None else (got[0], got[1], n, got[3])
        m = _HEAD.match(head)
        if m is None or m.group("v") is None:
            return None  # `key:` and deeper lines: a nested block, the line reader's
        v = _folded(m.group("v"), more, self.resolve, self.special)
        return None if v is _NONE else (self.key(m.group("k")), v, n, False)

    def _item(self, text: str) -> Any:
        if _TEXT_ITEM.match(text):
            return text  # plain text with a character beyond ASCII (a unit's name): itself, as ``_TEXT`` says
        m = _LINE.match("- " + text)
        if m is None or m.group("bad") is not None or m.group("k") is not None or m.group("f") is not None:
            raise _Out  # a mapping or a flow collection in the list, or not a line of the subset
        q, s, p = m.group("q", "s", "p")
        if q is None and s is None and p is None:
            raise _Out  # `-` alone: the item's content is on the next lines
        return _value(q, s, None, p, 0, self.resolve, self.special, _keep, dict)


def _keep(v, _):
    return v


class _FlowMap(dict):
    """A flow mapping in a flow list: refused (its lines are its own)."""


class _RowParts(_Parts):
    """``_Parts`` for the items of a sequence read as rows (``Rows``): a part gives its key and, of
    one of the picked keys, its value's index in that key's table of distinct values (``tables``,
    in the order the values are first met; None for another key). Most parts it meets for the
    first time are a new id or quote: that case is kept short."""

    def __init__(self, resolve, special, pick: tuple):
        super().__init__(resolve, special)
        self.tables: dict[Any, list] = {k: [] for k in pick}
        # key → {a text, or any other value's ``_exact`` → its index} (a text equals texts only)
        self.index: dict[Any, dict] = {k: {} for k in pick}
        # the first characters of a plain scalar that may not be a text (the resolver's own; all if unknown)
        self.typed = getattr(resolve, "typed", _ANY)

    def slot(self, key: Any, value: Any) -> int | None:
        index = self.index.get(key)
        if index is None:
            return None  # not a picked key
        x = value if value.__class__ is str else _exact(value)
        at = index.get(x)
        if at is None:
            table = self.tables[key]
            at = index[x] = len(table)
            table.append(value)
        return at

    def __missing__(self, part: str):
        m = _QUICK.match(part)
        if m is None:
            v = self._cell(part)
            if v is not None:
                v = v[0], self.slot(v[0], v[1])
        else:  # `key: value` (``_Parts._cell``'s first case), read inline
            k, q, p, t = m.groups()
            key = self.keys.get(k)
            if key is None:
                key = self.keys[k] = self.key(k)
            if q is not None:
                value = q
            elif t is not None:
                value = t[1:-1] if t[0] == "'" else t
            else:  # a plain scalar: a text unless it starts as a number, null or a flag may (a new id)
                value = p if p[0] not in self.typed else self.resolve(p)
            v = None if value is self.special else (key, self.slot(key, value))
        if len(self) >= _PARTS_MAX:
            self.clear()
        self[part] = v
        return v


class _Any:
    def __contains__(self, c: str) -> bool:
        return True


_ANY = _Any()


def _exact(v: Any) -> Any:
    """What a value is told apart by in a table of distinct values: its class and value — 1, 1.0 and
    True are equal in Python but not the same value, nor are 0.0 and -0.0 — and a list's items so."""
    c = v.__class__
    if c is float:
        return c, v, math.copysign(1.0, v)  # (a NaN is itself only: the same object, from the same text)
    if c is _Seq:
        return c, tuple(map(_exact, v))
    return c, v


_PARTS_MAX = 50000
# In a part, a line break that ``\x03`` did not replace starts a line no deeper than the keys: blank
# lines only (else it is a comment, or text at the wrong indentation).
_RAW_LINE = re.compile(r"\n(?![ ]*(?:[\n\x03]|\Z))")
# (no \x01-\x03 anywhere: each of them stands for a line break; a lookahead for them cost a scan)
_TEXT_ITEM = re.compile(rf"(?:{_TEXT_NO_MARK})\Z")
_QUICK = re.compile(rf"""({_KEY}):[ ](?:"([^"\\\n\x01-\x03]*)"|({_PFAST})|('[^'\n\x01-\x03]*'|{_TEXT_NO_MARK}))\Z""")


def _flat_items(text: str, a: int, b: int, col: int, line: int, parts: _Parts, line_dict: type,
                pick: tuple | None = None):
    """The items of the block sequence ``text[a:b]`` (its dashes at column ``col``, ``a`` at the
    start of its first item's line, numbered ``line``): a list of one value per item, ``None`` for
    an item it could not read, and of those items (index, start, end, first line). ``None`` instead
    when the sequence is not split cleanly at its dashes. With ``pick`` (keys), an item is the row
    of those keys' values (see ``Rows``) instead of a mapping, and the items' starts and first lines
    follow."""
    dash, inner = "\n" + " " * col + "- ", "\n" + " " * (col + 2)
    compact, indented, deeper = inner + "- ", inner + "  - ", inner + " "
    # (in this order: an indented list's lines are also deeper ones)
    marks = ((compact, "\x01"), (indented, "\x02"), (deeper, "\x03 "))
    get = parts.__getitem__
    lazy = _lazy_lines(line_dict)
    shapes: dict = {}
    values: list = []
    refused: list = []
    starts: list[int] = []
    firsts: list[int] = []
    at = a
    while at < b:
        # a batch of items at a time: the text copied once, a few hundred kilobytes at a time
        cut = text.find(dash, min(at + _BATCH, b), b)
        cut = b if cut < 0 else cut
        chunk = text[at - 1:cut - 1 if cut == b and text[cut - 1] == "\n" else cut]
        pieces = chunk.split(dash)  # the items as written: their lengths and lines, counted at C speed
        if pieces[0] or len(pieces) != chunk.count(dash[:-1]) + 1:
            return None  # `-` alone on its line, or text at the dashes' column: the item reader's
        del pieces[0]
        lines_at = list(accumulate(map(operator.add, map(str.count, pieces, repeat("\n")), repeat(1)),
                                   initial=line))  # each item's first line
        at_of = list(accumulate(map(operator.add, map(len, pieces), repeat(len(dash))), initial=at))  # its start
        joined = False
        for was, mark in marks:
            if was in chunk:
                chunk = chunk.replace(was, mark)
                joined = True
        if joined:  # the items again, their block lists and deeper lines joined to their keys' lines
            pieces = chunk.split(dash)
            del pieces[0]
            if len(pieces) != len(at_of) - 1:
                return None  # (never: no mark stands for a dash)
        for k, piece in enumerate(pieces):
            d = None
            if piece[:1] not in (" ", ""):  # (else `-` and more than one space: its keys at another column)
                try:
                    keys, vals, *more = zip(*map(get, piece.split(inner)), strict=False)
                except TypeError:  # a part it cannot read
                    keys = None
                if keys is None:
                    pass
                elif pick is not None:  # the row of the picked keys' values' indices: no mapping built
                    row = shapes.get(keys)
                    if row is None:
                        row = shapes[keys] = _picker(keys, pick, parts)
                    d = row[0](vals + row[1]) if row else None  # (False: a key twice, the full reader says so)
                else:
                    d = lazy(zip(keys, vals, strict=False))
                    if len(d) != len(keys):
                        d = None  # a key twice: the full reader says so
                    else:
                        d.line = lines_at[k]
                        nls, lists = more
                        d.shape = shapes.setdefault((keys, nls), (keys, nls))
                        if True in lists:
                            for k2 in compress(keys, lists):
                                d[k2] = list(d[k2])
            if d is None:  # its line end too: a block scalar's last break
                refused.append((len(values), at_of[k], min(at_of[k + 1], len(text)), lines_at[k]))
            values.append(d)
        if pick is not None:
            starts += at_of[:-1]
            firsts += lines_at[:-1]
        line, at = lines_at[-1], at_of[-1]
    return (values, refused) if pick is None else (values, refused, starts, firsts)


_BATCH = 1 << 18


def _picker(keys: tuple, pick: tuple, parts: _RowParts):
    """For items of these ``keys`` (in their order): a function of the item's values followed by the
    padding that gives the row of ``pick``'s, and the padding (the index of None for each picked key
    the item does not have: met, when not before, with the first item of the shape, after that
    item's own values); False when a key comes twice."""
    if len(set(keys)) != len(keys):
        return False
    at = {k: i for i, k in enumerate(keys)}
    missing = [k for k in pick if k not in at]
    at.update((k, len(keys) + j) for j, k in enumerate(missing))
    get = itemgetter(*(at[k] for k in pick))
    return (get if len(pick) > 1 else lambda v: (get(v),)), tuple(parts.slot(k, None) for k in missing)


class Rows:
    """The items of a block sequence of flat mappings, read in bulk as rows (``load_block``'s
    ``rows``), column by column: ``tables[j]`` lists the distinct values of ``keys[j]`` in the order
    they are first met (None for an item without the key; a list as a tuple — no other value is
    one; 1, 1.0 and True apart, as 0.0 and -0.0), and ``rows[i]`` holds, for item ``i``, the index
    of each key's value in its table — or is ``None`` where the item was read another way (a
    comment in it, a nested block, a key twice …). ``item(i)`` is item ``i`` as a reading without
    ``rows`` gives it (a mapping with its key lines, read again from the text when asked),
    ``lines[i]`` its first line. A registry's 100k entries become rows of small integers without a
    mapping built per entry. When no row is ``None``, every value of a table is some row's, and
    the tables list them in the order of the first row that has each."""

    __slots__ = ("keys", "tables", "rows", "lines", "_starts", "_end", "_odd", "_again")

    def __init__(self, keys: tuple, tables: list[list], rows: list, starts: list[int], lines: list[int], end: int,
                 odd: dict, again):
        self.keys, self.tables, self.rows, self.lines = keys, tables, rows, lines
        self._starts, self._end, self._odd, self._again = starts, end, odd, again

    def __len__(self) -> int:
        return len(self.rows)

    def item(self, i: int) -> Any:
        if i in self._odd:
            return self._odd[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else self._end
        return self._again(self._starts[i], end, self.lines[i])

    def __iter__(self):
        return map(self.item, range(len(self.rows)))


@functools.cache
def _lazy_lines(line_dict: type) -> type:
    """``line_dict`` whose key lines are worked out when first asked for (an error names a line):
    a mapping read in bulk keeps only its keys and how many lines each takes, shared by every
    mapping of the same shape, instead of a dict of lines of its own (50 MB at 100k entries)."""

    class Lines(line_dict):  # type: ignore[misc, valid-type]
        shape: tuple

        @property
        def key_lines(self) -> dict:
            kl = self.__dict__.get("_key_lines")
            if kl is None:
                keys, nls = self.shape
                kl = self.__dict__["_key_lines"] = dict(zip(keys, accumulate(nls, initial=self.line), strict=False))
            return kl

        @key_lines.setter
        def key_lines(self, value: dict) -> None:
            self.__dict__["_key_lines"] = value

        def __reduce__(self):  # copied or pickled: a plain ``line_dict`` (this class is made at run time)
            return _plain_mapping, (line_dict, dict(self), self.line, self.key_lines)

    Lines.__name__ = Lines.__qualname__ = line_dict.__name__
    return Lines


def _plain_mapping(line_dict: type, items: dict, line: int, key_lines: dict):
    d = line_dict(items)
    d.line, d.key_lines = line, key_lines
    return d


def _folded(v: str, more: list[str], resolve, special) -> Any:
    """A plain or single-quoted scalar whose first line's text is ``v`` and whose next lines (each
    indented deeper than its key) are ``more``, folded as YAML folds them: a line break between two
    lines of text is a space, each blank line between them a line break, the spaces around a break
    dropped. ``_NONE`` for anything else."""
    if v[0] == "'":
        m = _SQ_END.match("\n".join([v, *more]))
        if m is None:
            return _NONE  # not closed on its last line, or something after it
        lines = m.group(1).split("\n")
        segs = [lines[0].rstrip(" "), *(x.strip(" ") for x in lines[1:-1]), lines[-1].lstrip(" ")]
        return _fold(segs).replace("''", "'")
    m = _LINE.match(v)
    if m is None or m.group("p") is None or m.group("p") != v.rstrip(" ") or m.group("k") or m.group("d"):
        return _NONE  # the first line not plain text alone (no ':' or '#' in it)
    segs = [v.rstrip(" "), *(x.strip(" ") for x in more)]
    if not all(map(_CONT_PLAIN.fullmatch, segs)):
        return _NONE
    while segs[-1] == "":
        segs.pop()
    value = resolve(_fold(segs))
    return _NONE if value is special else value


def _fold(segs: list[str]) -> str:
    out = [segs[0]]
    blank = 0
    for x in segs[1:-1]:
        if x == "":
            blank += 1
        else:
            out.append("\n" * blank if blank else " ")
            out.append(x)
            blank = 0
    if len(segs) > 1:
        out.append("\n" * blank if blank else " ")
        out.append(segs[-1])
    return "".join(out)
