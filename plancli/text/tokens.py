"""The numbers of a source text: the one definition of “a number in the source”.

``coverage`` (which numbers no registry entry accounts for) and ``extract`` (which numbers a draft
makes entries or exclusions) read the same tokens, here. The scan tokenises the source itself,
outside headings and task numbering (``12.``, ``（三）``). A token is

* a run of digits (ASCII or full-width, with decimals): ``2024``, ``3.5``, ``90``;
* a date word: ``每年``, ``年均``, ``每季度``, ``年底``, ``月底``;
* a **Chinese-numeral quantity**: a run of numerals (``numerals.NUMERAL``: 一二两三四五六七八九十百千万亿,
  〇/零 only inside the run) followed — optionally after 余/多 — by a measure word of any kind
  (``numerals.MEASURE_WORDS``: 两个, 三年, 十大, 十强, 五个, 百家, 万人, 千亿级, 百万千瓦, 三成, 六项,
  十余家). Like a digit token, the token is the numeral (两, 十, 千亿); the measure word is what makes it
  a quantity. Not a quantity, so not a token: a lone 一, which in plan prose is the article or part
  of a word (一批, 一个, 一流, 一体化, 统一, 进一步, 一站式, 一网通办, 一件事一次办); a run after 第 (第一,
  第二批: ordinals), a magnitude after 每 (每万人口, 每千人口: a denominator; 每两年 is a recurrence and a
  token) or after a digit (3.5万家: a multiplier); a numeral before any other word (四链, 两高, 新一代,
  十四五, 一期工程, 零部件);
* a **magnitude after a comparator verb**: 十百千万亿 right after 破, 超, 过 or 逾 (双破千, 过千亿);
* a **quantity word**: 全覆盖, 清零, 翻番 / 翻一番 / 翻两番, 倍增, 全部, 所有 (not 所有制/所有权/所有者) and
  the all-eligible formula 应X尽X (应改尽改, 应纳尽纳) — a goal of 100 %, zero or a doubling in words.

Traditional characters read as their simplified forms (萬人 is a token, 萬 as written). The scan runs
over the whole whitespace-free text, so a token broken by a page break (管网清 / 零) is one token, on
the line where it starts. ``covered_spans`` gives the parts of the text a registry (or a draft)
accounts for: the ``value_text`` or ``deadline_text`` of an entry, located inside that entry's quote,
and the ``text`` of an exclusion (every occurrence of it that starts on the exclusion's line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .numerals import COUNTING, MAGNITUDES, NUMERAL, NUMERAL_HEAD, measure_words
from .source import SourceText, compact

__all__ = ["TOKEN", "tokens", "covered_spans"]

# 期 is no measure word on purpose: 一期/二期工程 are project phases (names), not counts.
# (方 neither: 三方, 两方面 are parties and aspects; a volume in 方 is written in digits, 80万方)
_MEASURE = "|".join(map(re.escape, (w for w in measure_words() if w != "方")))
_CN_QUANTITY = (
    rf"(?<![\d.第{NUMERAL}])"       # not a multiplier after digits (3.5万家), not an ordinal (第二批)
    rf"(?!(?<=每)[{MAGNITUDES}])"    # not a rate's denominator (每万人口, 每千人口); 每两年 is a recurrence
    rf"(?!一(?:{_MEASURE}))"         # a lone 一 is the article: 一批, 一个, 一次
    rf"[{NUMERAL_HEAD}][{NUMERAL}]*(?=[余多]?(?:{_MEASURE}))"
)
_CN_MAGNITUDE = rf"(?<=[破超过逾])[{MAGNITUDES}]+"   # 双破千: “both pass a thousand”
# 所有 but not 所有制/所有权/所有者 (ownership).
_QUALITATIVE = r"全覆盖|清零|翻[一两]?番|倍增|全部|所有(?![制权者])|应(?P<x>[\u4e00-\u9fff])尽(?P=x)"
TOKEN = re.compile(
    rf"\d+(?:\.\d+)?|每年|年均|每季度|年底|月底|{_CN_QUANTITY}|{_CN_MAGNITUDE}|{_QUALITATIVE}"
)
_HEADING = re.compile(r"^\s*#|^\s*\**\s*[“\"]?[^，。；]{0,30}行动计划\s*[（(][^）)]*[）)]\s*\**\s*$")
_TASK_NO = re.compile(rf"^\s*(?:#+\s*)?(?:\d+\s*[.．、]|[（(]\s*[{COUNTING}]+\s*[）)])")


def tokens(source: SourceText, first_line: int, last_line: int) -> Iterable[tuple[int, int, str]]:
    """(compact position, line, token as written) for every token that starts on lines
    first_line..last_line.

    The scan runs over the whole compact text, so a token broken by a page break (管网清 / 零) is one
    token, on the line where it starts, and 3.5 / 万家 across a break is still a multiplier, not 万.
    """
    raw_text = source.compact
    text = source.compact_simplified  # one character for one: positions are the source's
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
            yield t.start(), ln, raw_text[t.start():t.end()]


def covered_spans(source: SourceText, entries: Iterable, exclusions: Iterable) -> list[tuple[int, int]]:
    """Compact spans that the registry accounts for: each entry's ``value_text`` and ``deadline_text``
    inside its ``quote`` (at its ``line``), each exclusion's ``text`` on its ``line``."""
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
