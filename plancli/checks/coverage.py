"""Find numbers, quantity words and date words of the source that the registry does not account for.

The scan is independent of the registry: it reads the tokens of the source (``text.tokens``, the one
definition of “a number in the source”: digits, date words, Chinese-numeral quantities, quantity
words such as 全覆盖 or 翻番). A token is accounted for when it lies inside

* the ``value_text`` or ``deadline_text`` of an entry, located inside that entry's quote, or
* the ``text`` of an exclusion (every occurrence of it that starts on the exclusion's line).

Anything else is a number a reader could find in the source and not in the registry.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.source import SourceText
from ..text.tokens import covered_spans, tokens

__all__ = ["Gap", "find_gaps", "registry_gaps"]


@dataclass(frozen=True)
class Gap:
    line: int
    token: str
    context: str  # the clause around the token, compact

    def as_dict(self) -> dict:
        return {"line": self.line, "token": self.token, "context": self.context}


def _clause(text: str, pos: int, lo: int, hi: int) -> str:
    stops = "，。；：,;！？"
    a = pos
    while a > lo and text[a - 1] not in stops and pos - a < 40:
        a -= 1
    b = pos
    while b < hi and text[b] not in stops and b - pos < 40:
        b += 1
    return text[a:b]


def find_gaps(source: SourceText, entries: Iterable, exclusions: Iterable,
              ranges: Iterable[tuple[int, int]]) -> list[Gap]:
    """Tokens on the given line ranges that no entry and no exclusion accounts for."""
    merged: list[list[int]] = []
    for a, b in sorted(covered_spans(source, entries, exclusions)):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]

    gaps: list[Gap] = []
    text = source.compact
    for first, last in ranges:
        for pos, ln, tok in tokens(source, first, last):
            end = pos + len(tok)
            i = bisect_right(starts, pos) - 1
            if i >= 0 and merged[i][1] >= end:
                continue
            gaps.append(Gap(ln, tok, _clause(text, pos, *source.line_span(ln))))
    return gaps


def registry_gaps(reg) -> tuple[list[tuple[str, Gap]], int]:
    """Gaps of each document against its own source as (source file name, gap), and how many
    source lines the plans span."""
    from ..yamlio.reader import DataFileError

    out: list[tuple[str, Gap]] = []
    lines = 0
    for doc in reg.documents:
        if doc.source_path is None or not doc.source_path.exists():
            raise DataFileError("coverage.source_missing", doc.path, file=doc.source_path)
        src = SourceText.read(doc.source_path)
        plans = [reg.plans[c] for c in doc.plan_codes if c in reg.plans]
        ranges = [(p.first_line, p.last_line) for p in plans]
        lines += sum(max(0, b - a + 1) for a, b in ranges)
        entries = [e for e in reg.entries if e.plan in doc.plan_codes]
        out += [(doc.source_path.name, g) for g in find_gaps(src, entries, doc.exclusions, ranges)]
    return out, lines
