"""Find numbers and date words of the source that the registry does not account for.

The scan is independent of the registry: it tokenises the source itself. A token is every run of
digits (ASCII or full-width, with decimals) and each of the words 每年, 年均, 两年, 三年, 每季度, 年底,
月底, outside headings and task numbering. A token is accounted for when it lies inside

* the ``value_text`` or ``deadline_text`` of an entry, located inside that entry's quote, or
* the ``text`` of an exclusion (every occurrence of it that starts on the exclusion's line).

Anything else is a number a reader could find in the source and not in the registry.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .sourcetext import SourceText, compact

__all__ = ["Gap", "TOKEN", "tokens", "find_gaps", "registry_gaps"]

TOKEN = re.compile(r"\d+(?:\.\d+)?|每年|年均|两年|三年|每季度|年底|月底")
_HEADING = re.compile(r"^\s*#|^\s*\**\s*[“\"]?[^，。；]{0,30}行动计划\s*[（(][^）)]*[）)]\s*\**\s*$")
_TASK_NO = re.compile(r"^\s*(?:#+\s*)?(?:\d+\s*[.．、]|[（(]\s*[一二三四五六七八九十]+\s*[）)])")


@dataclass(frozen=True)
class Gap:
    line: int
    token: str
    context: str  # the clause around the token, compact

    def as_dict(self) -> dict:
        return {"line": self.line, "token": self.token, "context": self.context}


def tokens(source: SourceText, first_line: int, last_line: int) -> Iterable[tuple[int, int, str]]:
    """(compact position, line, token) for every token on lines first_line..last_line."""
    for ln in range(first_line, min(last_line, len(source.lines)) + 1):
        raw = source.lines[ln - 1]
        if not raw.strip() or _HEADING.search(raw):
            continue
        c = compact(raw)
        skip = 0
        m = _TASK_NO.match(compact(raw))
        if m:
            skip = m.end()
        base = source.line_span(ln)[0]
        for t in TOKEN.finditer(c):
            if t.start() < skip:
                continue
            yield base + t.start(), ln, t.group()


def _clause(text: str, pos: int, lo: int, hi: int) -> str:
    stops = "，。；：,;！？"
    a = pos
    while a > lo and text[a - 1] not in stops and pos - a < 40:
        a -= 1
    b = pos
    while b < hi and text[b] not in stops and b - pos < 40:
        b += 1
    return text[a:b]


def covered_spans(source: SourceText, entries: Iterable, exclusions: Iterable) -> list[tuple[int, int]]:
    """Compact spans that the registry accounts for (see module docstring)."""
    spans: list[tuple[int, int]] = []
    text = source.compact
    for e in entries:
        q = source.find_at_line(e.quote, e.line) if e.quote and e.line else None
        if q is None:
            continue
        qs, qe = q
        for needle in (e.value_text, e.deadline_text):
            if not needle:
                continue
            n = compact(str(needle))
            i = text.find(n, qs)
            while i != -1 and i + len(n) <= qe:
                spans.append((i, i + len(n)))
                i = text.find(n, i + 1)
    for x in exclusions:
        spans.extend(source.find_all_at_line(x.text, x.line))
    return spans


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


def registry_gaps(reg) -> tuple[list[Gap], int]:
    """Gaps of a registry against its own source, and how many source lines its plans span."""
    from .yamlfile import RegistryError

    if reg.source_path is None or not reg.source_path.exists():
        raise RegistryError(f"source file not found: {reg.source_path}", reg.path)
    src = SourceText.read(reg.source_path)
    ranges = [(p.first_line, p.last_line) for p in reg.plans.values()]
    lines = sum(max(0, b - a + 1) for a, b in ranges)
    return find_gaps(src, reg.entries, reg.exclusions, ranges), lines
