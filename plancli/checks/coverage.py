"""Find numbers, quantity words and date words of the source that the registry does not account for.

The scan is independent of the registry: it tokenises the source itself, outside headings and task
numbering (``12.``, ``（三）``). A token is

* a run of digits (ASCII or full-width, with decimals): ``2024``, ``3.5``, ``90``;
* a date word: ``每年``, ``年均``, ``每季度``, ``年底``, ``月底``;
* a **Chinese-numeral quantity**: a run of 一二两三四五六七八九十百千万亿 (〇/零 only inside the run)
  followed — optionally after 余/多 — by a measure or time word of ``MEASURE_WORDS``: 两个, 三年, 十大,
  十强, 五个, 百家, 万人, 千亿级, 百万千瓦, 三成, 六项, 十余家. Like a digit token, the token is the numeral
  (两, 十, 千亿); the measure word is what makes it a quantity. Not a quantity, so not a token: a lone 一,
  which in plan prose is the article or part of a word (一批, 一个, 一流, 一体化, 统一, 进一步, 一站式,
  一网通办, 一件事一次办); a run after 第 (第一, 第二批: ordinals), a magnitude after 每 (每万人口, 每千人口:
  a denominator; 每两年 is a recurrence and a token) or after a digit (3.5万家: a multiplier); a numeral
  before any other word (四链, 两高, 新一代, 十四五, 一期工程, 零部件);
* a **magnitude after a comparator verb**: 十百千万亿 right after 破, 超, 过 or 逾 (双破千, 过千亿);
* a **quantity word**: 全覆盖, 清零, 翻番 / 翻一番 / 翻两番, 倍增, 全部, 所有 (not 所有制/所有权/所有者) and
  the all-eligible formula 应X尽X (应改尽改, 应纳尽纳) — a goal of 100 %, zero or a doubling in words.

The scan runs over the whole whitespace-free text, so a token broken by a page break (管网清 / 零) is
one token, on the line where it starts. A token is accounted for when it lies inside

* the ``value_text`` or ``deadline_text`` of an entry, located inside that entry's quote, or
* the ``text`` of an exclusion (every occurrence of it that starts on the exclusion's line).

Anything else is a number a reader could find in the source and not in the registry. ``TOKEN`` and
``tokens`` are the one definition of “a number in the source”; other readers (extractors) reuse them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.source import SourceText, compact

__all__ = ["Gap", "TOKEN", "MEASURE_WORDS", "tokens", "find_gaps", "registry_gaps"]

_NUMERAL_HEAD = "一二两三四五六七八九十百千万亿"   # 〇/零 only inside a number: 零部件, 零售 are words
_NUMERAL = "〇零" + _NUMERAL_HEAD
#: Measure and time words that make a Chinese numeral before them a quantity. Multi-character words
#: come first so that 百万千瓦 reads as 百万 + 千瓦. 期 is left out on purpose: 一期/二期工程 are
#: project phases (names), not counts.
MEASURE_WORDS = (
    "季度", "小时", "千瓦", "公里", "平方米", "个百分点", "部门",
    "个", "项", "家", "名", "人", "位", "所", "座", "条", "件", "台", "套", "辆", "户", "种", "类", "批",
    "支", "处", "场", "次", "轮", "届", "级", "倍", "成", "元", "吨", "亩", "斤", "部", "首", "张", "款",
    "年", "月", "日", "天", "周", "大", "强",
)
_MEASURE = "|".join(MEASURE_WORDS)
_CN_QUANTITY = (
    rf"(?<![\d.第{_NUMERAL}])"     # not a multiplier after digits (3.5万家), not an ordinal (第二批)
    r"(?!(?<=每)[十百千万亿])"      # not a rate's denominator (每万人口, 每千人口); 每两年 is a recurrence
    rf"(?!一(?:{_MEASURE}))"        # a lone 一 is the article: 一批, 一个, 一次
    rf"[{_NUMERAL_HEAD}][{_NUMERAL}]*(?=[余多]?(?:{_MEASURE}))"
)
_CN_MAGNITUDE = r"(?<=[破超过逾])[十百千万亿]+"   # 双破千: “both pass a thousand”
# 所有 but not 所有制/所有权/所有者 (ownership).
_QUALITATIVE = r"全覆盖|清零|翻[一两]?番|倍增|全部|所有(?![制权者])|应(?P<x>[\u4e00-\u9fff])尽(?P=x)"
TOKEN = re.compile(
    rf"\d+(?:\.\d+)?|每年|年均|每季度|年底|月底|{_CN_QUANTITY}|{_CN_MAGNITUDE}|{_QUALITATIVE}"
)
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
    """(compact position, line, token) for every token that starts on lines first_line..last_line.

    The scan runs over the whole compact text, so a token broken by a page break (管网清 / 零) is one
    token, on the line where it starts, and 3.5 / 万家 across a break is still a multiplier, not 万.
    """
    text = source.compact
    done = 0  # end of the last token yielded: its tail on the next line is not a token of its own
    for ln in range(first_line, min(last_line, len(source.lines)) + 1):
        raw = source.lines[ln - 1]
        if not raw.strip() or _HEADING.search(raw):
            continue
        base, end = source.line_span(ln)
        m = _TASK_NO.match(text[base:end])
        for t in TOKEN.finditer(text, base + m.end() if m else base):
            if t.start() >= end:
                break
            if t.start() < done:
                continue
            done = t.end()
            yield t.start(), ln, t.group()


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


def registry_gaps(reg) -> tuple[list[tuple[str, Gap]], int]:
    """Gaps of each document against its own source as (source file name, gap), and how many
    source lines the plans span."""
    from ..yamlio.reader import DataFileError

    out: list[tuple[str, Gap]] = []
    lines = 0
    for doc in reg.documents:
        if doc.source_path is None or not doc.source_path.exists():
            raise DataFileError(f"source file not found: {doc.source_path}", doc.path)
        src = SourceText.read(doc.source_path)
        plans = [reg.plans[c] for c in doc.plan_codes if c in reg.plans]
        ranges = [(p.first_line, p.last_line) for p in plans]
        lines += sum(max(0, b - a + 1) for a, b in ranges)
        entries = [e for e in reg.entries if e.plan in doc.plan_codes]
        out += [(doc.source_path.name, g) for g in find_gaps(src, entries, doc.exclusions, ranges)]
    return out, lines
