"""The context a reader finds around a plan's text: its date, its period, its title and number.

Date
    A line of its own such as ``2018年12月7日`` near the top (the date line under a notice) or near the
    end (the signature, often followed by ``（此件公开发布）``).
Period
    In this order, the first that the text gives: a period in a title (``…行动计划（2024—2025年）``); a
    term the text states (``执行期限为2019年1月1日至2023年12月31日``, ``政策期限为2016年至2018年``); the horizon of its goals (the latest
    ``到2022年`` of a 目标 section or paragraph, else of the whole text), from the document's year; the
    document's year to the last year a time phrase names. Each but the first is *inferred*, and the draft
    says from what, so that a reviewer can override it with ``--period``.
Title and number
    The first short lines up to a blank line, the addressee (…：) or a paragraph; a document number
    (``国办发〔2018〕123号``) or a date line ends the title and is kept apart.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..text.deadline import DeadlineError, Period, parse_date
from ..text.numerals import COUNTING
from ..text.source import compact
from .layout import DATE_LINE, DOC_NO, find_period, is_title, title_lines

__all__ = ["find_doc_date", "infer_period", "document_header", "is_signature_line", "stated_term", "term_span"]

_SIGNATURE_NOTE = re.compile(r"^[(（]此件[^)）]{0,12}[)）]$")  # （此件公开发布）, （此件主动公开）
# The term a text states for itself: 执行期限为2019年1月1日至2023年12月31日, 政策期限为2016年至2018年,
# 有效期为2021年1月至2025年12月 (a year or a month alone runs from its first day to its last).
_TERM_DATE = r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?"
_TERM = re.compile(
    rf"(?:政策期限|执行期限|实施期限|有效期限|有效期|试行期|实施期)(?:为|是|自)?(?P<a>{_TERM_DATE})(?:起)?"
    rf"(?:至|到|—|-)(?P<b>{_TERM_DATE})")
_BY_YEAR = re.compile(r"(?:到|至|截至|力争到|力争至|争取到)((?:19|20)\d{2})年")
_ANY_YEAR = re.compile(r"(?<![\d〔\[])((?:19|20)\d{2})年(?![度级])")
_TITLE_WORD = r"(?:通知|意见|方案|计划|决定|规划|办法|规定|要点|函)"
_HEADING = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}\d]+[)）]|\d{{1,3}}[.．、])")
# With no date of issue, a plan starts by its earliest dated step: a year opening a line (2025年全省启动…,
# 到2027年底，…), and after its baseline (较2023年增长30%: the plan runs from 2024).
_OPENING_YEAR = re.compile(r"^(?:[^，,。]{0,10}目标[是为:：，,]?)?(?:力争|争取)?(?:到|至)?((?:19|20)\d{2})年(?!以来|来|以前|前后|版)")
_BASELINE_YEAR = re.compile(r"(?:较|比|相比|相较|同比)((?:19|20)\d{2})年")
_GOALS_HEADING = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])?[^。，]{{0,8}}目标")


def is_signature_line(line: str) -> bool:
    """A date line of its own or the ``（此件公开发布）`` note: the signature block, not a commitment."""
    c = compact(line)
    return bool(DATE_LINE.match(c) or _SIGNATURE_NOTE.match(c))


def find_doc_date(text: str) -> date | None:
    """The document's date: a date line of its own in the first 60 lines (under the notice's title) or,
    failing that, in the last 30 (the signature); a date inside a sentence is not the document's."""
    lines = text.split("\n")
    for line in lines[:60] + lines[-30:]:
        c = compact(line)
        if DATE_LINE.match(c):
            try:
                return parse_date(c)
            except DeadlineError:
                continue
    return None


def infer_period(text: str, doc_date: date | None) -> tuple[Period, str | None] | None:
    """The plan period and how it was found (None when a title states it); None when nothing dates it."""
    stated = find_period(text)
    if stated:
        return stated, None
    c = compact(text)
    term = stated_term(c)
    if term:
        return term
    year0 = doc_date.year if doc_date else None
    lines = [compact(ln) for ln in text.split("\n")]
    goals: list[int] = []
    in_goals = False
    for ln in lines:
        if _GOALS_HEADING.match(ln) and len(ln) <= 40:
            in_goals = True
        elif re.match(rf"^[{COUNTING}]+、", ln):
            in_goals = False
        if in_goals or re.match(r"^(?:[^，。]{0,10}目标[是为:：，]?)?(?:力争|争取)?(?:到|至)(?:19|20)\d{2}年", ln):
            goals += [int(y) for y in _BY_YEAR.findall(ln)]
    by_years = [int(y) for y in _BY_YEAR.findall(c)]
    steps = [int(m.group(1)) for ln in lines for m in [_OPENING_YEAR.match(ln)] if m]
    steps += [int(y) + 1 for y in _BASELINE_YEAR.findall(c)]
    for years, how in ((goals, "the horizon of its goals"), (by_years, "the latest 到YYYY年 of the text")):
        years = [y for y in years if year0 is None or y >= year0]
        if years:
            end = max(years)
            start = year0 if year0 is not None else min([y for y in steps if y <= end] + years)
            how = f"{how} (到{end}年)" + (", from the document's year" if year0 is not None else "")
            if year0 is None and start < min(years):
                how += f", from its earliest dated step or the year after its baseline ({start}年)"
            return Period(date(start, 1, 1), date(end, 12, 31)), how
    if year0 is not None:
        later = [int(y) for y in _ANY_YEAR.findall(c) if int(y) >= year0 and not _is_doc_no_year(c, y)]
        end = max(later, default=year0)
        return Period(date(year0, 1, 1), date(end, 12, 31)), "the document's year to the last year the text dates"
    return None


def term_span(c: str) -> tuple[int, int] | None:
    """Where in a (compacted) text the term it states for itself stands, else None."""
    m = _TERM.search(c)
    return m.span() if m else None


def stated_term(c: str) -> tuple[Period, str] | None:
    """The term a (compacted) text states for itself and the words that state it, else None."""
    m = _TERM.search(c)
    if not m:
        return None
    try:
        return Period(_term_day(m.group("a"), last=False), _term_day(m.group("b"), last=True)), \
            f"the term the text states ({m.group()})"
    except (DeadlineError, ValueError):
        return None


def _term_day(s: str, last: bool) -> date:
    """2019年1月1日 as written; 2016年 → its first or last day; 2021年1月 → its first or last day."""
    if s.endswith("日"):
        return parse_date(s)
    y, _, rest = s.partition("年")
    if not rest:
        return date(int(y), 12, 31) if last else date(int(y), 1, 1)
    mo = int(rest.rstrip("月"))
    if not last:
        return date(int(y), mo, 1)
    return date(int(y) + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)


def _is_doc_no_year(c: str, year: str) -> bool:
    return f"〔{year}〕" in c and f"{year}年" not in c


def document_header(text: str, doc_date: date | None) -> dict:
    """Title, number and date of the document, as the registry's ``meta.document`` holds them."""
    lines = [ln.strip() for ln in text.split("\n")[:40]]
    title_parts: list[str] = []
    number = None
    for ln in lines:
        c = compact(ln.strip("# *"))
        no = DOC_NO.fullmatch(c) or DOC_NO.search(c) if c and len(c) <= 60 else None
        if no and (no.end() == len(c) or no.start() == 0):
            cut = no.start()
            # the last title word before the number
            glued = ([None] + list(re.finditer(rf"{_TITLE_WORD}(?=[\u4e00-\u9fff]{{1,8}}[〔\[])", c[:no.end()])))[-1]
            if glued and glued.end() > cut:
                cut = glued.end()  # …的通知国办发〔2019〕5号: the number starts after the title's last word
            number = number or c[cut:no.end()]
            rest = (c[:cut] + c[no.end():]).strip()
            if rest and not title_parts:
                title_parts.append(rest)  # a title and its number glued on one line
            if title_parts:
                break
            continue
        # The title is the first short lines up to a blank line; a paragraph (long, or a sentence), the
        # addressee (…：) or a date line ends it too, since web copies have no blank line after it.
        if "此件公开发布" in c:
            continue  # (此件公开发布), the signature block's mark, a web copy may set above the title
        if not ln or len(ln) > 60 or ln.endswith(("。", "：", ":")) or DATE_LINE.match(c):
            if title_parts:
                break
            continue
        if (_HEADING.match(c) or c.endswith(("|", "｜"))) and title_parts:
            break  # 一、主要目标 or a table's first cell (序号 |) under the title is no more of the title
        title_parts.append(ln.strip("# *"))
    if number is None:
        m = next((m for m in (DOC_NO.fullmatch(compact(ln)) for ln in lines) if m), None)
        number = m.group() if m else None
    out: dict = {}
    if number:
        out["number"] = number
    if doc_date:
        out["date"] = doc_date.isoformat()
    title = "".join(title_parts)
    if not _DOC_TITLE.search(compact(title)):
        # a web page's headline, an 附件1, a heading: the plan's own title further down, or the one a
        # sentence names in 《》, is the document's
        title = _plan_title(text) or title
    if title:
        out["title"] = title
    return out


_DOC_TITLE = re.compile(rf"(?:{_TITLE_WORD}|工作目标|目标任务|责任清单|任务清单|分解表|举措|若干措施)"
                        r"(?:[(（][^()（）]{2,14}[)）])?$")


def _plan_title(text: str) -> str | None:
    """The first line of the opening that is a plan's title (a title over two lines read as one), else the
    first 《…》 that names one."""
    lines = text.split("\n")[:40]
    for _i, b in title_lines(lines):
        if is_title(b) and not b.startswith(("(", "（")):
            return b
    for m in re.finditer(r"《([^《》]{4,60})》", compact("\n".join(lines))):
        if is_title(m.group(1)):
            return m.group(1)
    return None
