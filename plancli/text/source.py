"""The source document as a whitespace-free string that still knows its line numbers.

The PDF text breaks paragraphs at page ends and sprinkles spaces between Chinese and digits
(“2024 年”), so quotes are compared with all whitespace removed. ``SourceText`` keeps a map from
each position of that compact string back to its 1-based line, which lets ``validate`` check that a
quote starts at its stated line and ``coverage`` report the line of a missed number.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cached_property
from pathlib import Path

from .numerals import simplified

__all__ = ["SourceText", "compact", "squeeze", "lazy_re"]

_WS = re.compile(r"\s+")


class lazy_re:  # noqa: N801 - stands where a compiled pattern would
    """A pattern compiled on first use: a run that never reads a deadline phrase (a cached query)
    does not pay for compiling the reader's patterns at import."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0):
        self._args, self._rx = (pattern, flags), None

    def __getattr__(self, name: str):
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(*self._args)
        return getattr(rx, name)


# Circled numbers number steps (①2月上旬前完成设计招标。②3月底前…): NFKC folds ① to a bare 1, which glues it to the digits
# after it (12月上旬前, 23月底前 — a wrong date, or none). They are read as the bracketed numbers they are, as NFKC
# already reads ⑴ (issue 28, round fifteen: 开化县's 进度安排 cells).
_CIRCLED = {**{0x2460 + i: f"({i + 1})" for i in range(20)}, **{0x3251 + i: f"({i + 21})" for i in range(15)},
            **{0x32B1 + i: f"({i + 36})" for i in range(15)}}
_ANY_CIRCLED = re.compile("[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]")


def squeeze(text: str) -> str:
    """NFKC (full-width digits and punctuation → ASCII) with all whitespace removed.

    The one normalisation behind quotes, deadline phrases, quantities and unit names alike.
    """
    if _ANY_CIRCLED.search(text):  # (rare: translate only then — squeeze runs on every line of every text)
        text = text.translate(_CIRCLED)
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def compact(text: str) -> str:
    """``squeeze`` without markdown emphasis: the form used for every comparison with the source."""
    return squeeze(text).replace("*", "")


class SourceText:
    """A source document: its path and text. A plain class, not a dataclass: this module is imported
    by every run (``compact``, ``lazy_re``), and a dataclass's methods are compiled each time."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def __repr__(self) -> str:
        return f"SourceText(path={self.path!r}, text=<{len(self.text)} characters>)"

    @classmethod
    def read(cls, path: str | Path) -> SourceText:
        p = Path(path)
        return cls(p, p.read_text(encoding="utf-8"))

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def _index(self) -> tuple[str, list[int]]:
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for line in self.lines:
            c = compact(line)
            starts.append(pos)
            parts.append(c)
            pos += len(c)
        return "".join(parts), starts

    @property
    def compact(self) -> str:
        return self._index[0]

    @cached_property
    def compact_simplified(self) -> str:
        """``compact`` with traditional characters in their simplified forms, position for position:
        what the number scan (``text.tokens``) reads. Made once per text (a scan runs per plan)."""
        return simplified(self.compact)

    def line_span(self, line: int) -> tuple[int, int]:
        """Compact [start, end) of a 1-based line."""
        starts = self._index[1]
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.compact)
        return start, end

    def line_of(self, pos: int) -> int:
        """1-based line holding compact position ``pos`` (blank lines hold none)."""
        starts = self._index[1]
        # Blank lines share their start with the next line; bisect_right picks the later one,
        # which is the line that really holds ``pos``.
        return bisect_right(starts, pos)

    def find_at_line(self, needle: str, line: int) -> tuple[int, int] | None:
        """Span of ``needle`` (compared compactly) starting on ``line``, or None."""
        n = compact(needle)
        if not n or not 1 <= line <= len(self.lines):
            return None
        start, end = self.line_span(line)
        i = self.compact.find(n, start)
        if i != -1 and i < end:
            return i, i + len(n)
        return None

    def find_all_at_line(self, needle: str, line: int) -> list[tuple[int, int]]:
        n = compact(needle)
        out: list[tuple[int, int]] = []
        if not n or not 1 <= line <= len(self.lines):
            return out
        start, end = self.line_span(line)
        i = self.compact.find(n, start)
        while i != -1 and i < end:
            out.append((i, i + len(n)))
            i = self.compact.find(n, i + 1)
        return out

    def nearest_line(self, needle: str) -> int | None:
        """Line where ``needle`` does start, for a helpful 'quote is at line N' message."""
        n = compact(needle)
        i = self.compact.find(n) if n else -1
        return self.line_of(i) if i != -1 else None
