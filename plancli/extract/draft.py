"""The draft registry: entries and exclusions as the registry writes them, and the files (``plancli extract``).

Every token the coverage scan sees (``text.tokens``) that no draft entry accounts for becomes an
exclusion with a reason (a name in quotation marks, a document title, a past year, a rule parameter, a
descriptive count…), so the draft passes ``plancli validate`` and ``plancli coverage`` as it stands and
the reviewer sees every number that was not made an entry.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..text.deadline import Context, DeadlineError, Period, parse_date
from ..text.numerals import NUMERAL, measure_words
from ..text.quantities import QuantityError, not_target_reason, parse_value
from ..text.source import compact
from ..text.tokens import covered_spans, tokens
from ..words import say
from .clauses import (
    Draft,
    drafts_of_plan,
    forecasts,
    is_formula_factor,
    is_product_standard,
    names_a_field,
    names_a_list,
    not_a_goal,
    reports_progress,
    reports_results,
    sentence_start,
)
from .context import (
    annex_lines,
    background_lines,
    document_header,
    find_doc_date,
    headlines,
    infer_period,
    is_notice_title,
    is_page_furniture,
    page_lines,
    technical_annex_lines,
    term_span,
    title_line_set,
)
from .layout import ITEM_NUMBER, TASK, TITLE_END, Doc, ExtractError, Plan, is_title, layout, unspaced

__all__ = ["extract", "to_yaml", "to_json", "units_yaml", "parse_period", "read_source", "write_draft"]

# --------------------------------------------------------------------------- exclusions


_COMPLETION = re.compile(r"全覆盖|清零|全部|所有|翻[一两]?番|倍增|应(.)尽\1")


def _inside_pair(c: str, ls: int, pos: int, op: str, cl: str) -> bool:
    return c.count(op, ls, pos) > c.count(cl, ls, pos)


def _reason(doc: Doc, text: str, pos: int, tok: str, period: Period, heads: frozenset[int] = frozenset(),
            page: frozenset[int] = frozenset(), annexes: frozenset[int] = frozenset(),
            titled: frozenset[int] = frozenset(), technical: frozenset[int] = frozenset(),
            background: frozenset[int] = frozenset()) -> tuple[str, dict]:
    """Why a token is not an entry, as far as the text shows: a code of words/extract.py and its fields;
    the guesses' words end in "(check)"."""
    li = doc.line_of(pos)
    ls, le = doc.src.line_span(li)
    after = text[pos + len(tok):pos + len(tok) + 6]
    task = TASK.match(text[ls:le])
    line = doc.lines[li - 1]
    if li - 1 in page or is_page_furniture(line):
        return "extract.reason.page", {}
    if is_notice_title(line) or li - 1 in titled:
        return "extract.reason.title", {}
    if li - 1 in annexes:
        return "extract.reason.annex", {}
    if li - 1 in background:
        return "extract.reason.background", {}
    if li - 1 in technical:
        return "extract.reason.technical", {}
    if li - 1 in heads:
        return "extract.reason.headline", {}
    if re.fullmatch(r"(?:19|20)\d{2}", tok) and after.startswith("年"):
        if re.search(r"(?:已经|已于|已在|已)$", text[max(ls, pos - 3):pos]):
            return "extract.reason.past_event", {}
        if after.startswith("年是") or re.search(r"(?:将|把|对)$", text[max(ls, pos - 1):pos]) \
                or names_a_list(text, pos + len(tok) + 1) and not _inside_pair(text, ls, pos, "《", "》") \
                or names_a_field(text, pos, pos + len(tok) + 1, ls, le):
            return "extract.reason.year_named", {}
    if re.fullmatch(r"\d{1,3}[|｜.．、。]?", text[ls:le]) or task and pos < ls + task.end():
        return "extract.reason.row_number", {}  # 1 | or 1 on a line of its own: a table's 序号 cell, a list number
    if _CALENDAR_DATE.match(text, pos):
        return "extract.reason.date", {}
    if tok[0].isdigit():
        said = not_target_reason(text[ls:max(le, pos + len(tok))], pos - ls, pos - ls + len(tok))
        if said:
            return "extract.reason.said", {"why": said}
    if tok[0].isdigit():
        e = pos + len(tok)
        while e < le and (text[e].isdigit() or text[e] == "."):
            e += 1
        if any(is_product_standard(text, pos, e + n) for n in range(1, 4)):
            return "extract.reason.product_standard", {}
        if is_formula_factor(text, pos, ls):
            return "extract.reason.formula", {}
    if reports_results(text, sentence_start(text, pos, ls + task.end() if task else ls), period.start.year):
        return "extract.reason.report", {}
    if reports_progress(text, sentence_start(text, pos, ls + task.end() if task else ls), le):
        return "extract.reason.done", {}
    said = not_a_goal(text, pos, ls + task.end() if task else ls, le)
    if said:
        return said, {}
    if _inside_pair(text, ls, pos, "《", "》") or re.search(TITLE_END + r"[(（][^)）]{0,12}$", text[ls:pos]) \
            or re.fullmatch(r"(?:19|20)\d{2}", tok) and (is_title(doc.lines[doc.line_of(pos) - 1])
                                                         or after.startswith("年版")):
        return "extract.reason.title", {}
    if _inside_pair(text, ls, pos, "“", "”") or _inside_pair(text, ls, pos, "\"", "\""):
        return "extract.reason.quoted", {}
    if _COMPLETION.fullmatch(tok):
        return "extract.reason.completion", {}
    before = text[max(ls, pos - 6):pos]
    if tok[0] in NUMERAL and after.startswith("级") and re.search(r"[省市县区乡镇村]、?$", before):
        return "extract.reason.levels", {}
    if tok[0] in NUMERAL and not re.match(r"(?:[A-Za-z]+|万|亿)*级", after):
        if re.match(r"[大级类期次]", after) or re.search(r"三年|五年", tok + after[:2]):
            return "extract.reason.cn_set", {}
        return "extract.reason.cn_count", {}
    if re.fullmatch(r"(?:19|20)\d{2}", tok) and after.startswith(("年", "-", "—")):
        span = term_span(text[ls:le])
        if span and span[0] <= pos - ls < span[1]:
            return "extract.reason.term", {}
        if int(tok) < period.start.year:
            return "extract.reason.past_year", {}
        if period.start.year == period.end.year == int(tok):
            return "extract.reason.list_year", {}  # clauses._restates_period: it dates no step of its own
        return "extract.reason.year", {}
    if re.match(r"(?:[A-Za-z]+|万|亿)*级", after):
        return "extract.reason.size_class", {}
    if text[max(ls, pos - 1):pos] == "等":
        return "extract.reason.listed_count", {}
    if re.match(r"[A-Za-z]", after) or re.search(r"[A-Za-z]$", text[max(ls, pos - 1):pos]) \
            or re.match(r"号(?!前|之前|以前)", after) or re.search(r"附件$", before):  # 10号线, 附件1
        return "extract.reason.designation", {}
    if re.search(r"(?:满|积|分值为|缩短至|延长至)$", before):
        return "extract.reason.rule_term", {}
    if re.search(r"按照?|由|留给|保留|收储|奖励", text[max(ls, pos - 12):pos] + after[:3]):
        return "extract.reason.rule", {}
    if re.match(r"(?:个|家|项|条|市|县|区)", after):
        return "extract.reason.descriptive", {}
    if tok.isdigit() and re.match(r"月\d{1,2}日(?!前|之前|以前)", after):
        return "extract.reason.date", {}  # 1月19日,重庆市…会议开幕: the day of an event (a dateline)
    if forecasts(text, pos, ls):
        return "extract.reason.forecast", {}
    if tok.isdigit() and re.search(r"每(?:个)?月$", text[max(ls, pos - 3):pos]) and re.match(r"[日号]", after):
        return "extract.reason.monthly", {}  # 每月25日前…报送: a monthly step the registry cannot recur (鄂温克旗)
    if tok in ("月底", "年底") or (tok.isdigit() and re.match(r"月(?:底|末|\d|前)|[日号]前", after)) \
            or tok.isdigit() and text[pos - 1:pos] in "(（" and re.match(r"月(?:份)?(?:完成|建成|竣工|完工|投用|上线|取得)", after):
        return "extract.reason.yearless", {}
    if re.fullmatch(r"每年|年均|两年|三年|每季度|年底|月底", tok):
        return "extract.reason.time_word", {}
    return "extract.reason.other", {}


_STOPS = "，,。；;：:、()（）“”《》"


# A calendar date of the day (a date line, a post's time): dates nothing unless 前/底 follow it.
_CALENDAR_DATE = re.compile(r"(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日(?:\d{1,2}:\d{2}(?::\d{2})?)?"
                            r"|/\d{1,2}/\d{1,2}(?:\d{1,2}:\d{2}(?::\d{2})?)?"
                            r"|-\d{1,2}-\d{1,2}(?:\d{1,2}:\d{2}(?::\d{2})?)?)(?!前|底|末|以前|之前|起)")


# An index number of the page's index block: 011437144/2023-06550, WA1304001-2024-002.
_INDEX_NO = re.compile(r"[A-Z]+\d+(?:[/\-][A-Z]*\d+)+|\d{5,}(?:[/\-][A-Z]*\d+)+")
# A day without its year that dates an event (1月19日,…会议开幕), not a deadline (no 前 after it).
_DAY = re.compile(r"\d{1,2}月\d{1,2}[日号](?!前|之前|以前|起)")


def _excerpt(doc: Doc, pos: int, tok: str) -> tuple[int, int]:
    """Compact span around a token: a short verbatim text that starts on the token's line.

    A token inside a short quotation, title or parenthesis takes the whole of it (“2115”,
    《…（2023-2027年）》, 实施方案（2024-2025年）); otherwise up to four characters of words either side,
    never into a number, punctuation or the task number."""
    c = doc.c
    ls, le = doc.src.line_span(doc.line_of(pos))
    end = pos + len(tok)
    m = _CALENDAR_DATE.match(c, pos, max(le, end)) or _DAY.match(c, pos, max(le, end)) \
        or _INDEX_NO.match(c, pos, max(le, end))
    if m:
        return m.span()  # 2024年6月27日, 2024/10/10 9:01:14, 1月19日, 011437144/2023-06550: one excerpt
    for op, cl, most in (("“", "”", 16), ("《", "》", 60), ("(", ")", 20), ("（", "）", 20)):
        a, b = c.rfind(op, ls, pos), c.find(cl, end, max(le, end))
        if a != -1 and b != -1 and c.find(cl, a, pos) == -1 and b - a <= most:
            if op in "(（":  # keep the words the parenthesis belongs to
                while a > ls and c[a - 1] not in _STOPS and not c[a - 1].isdigit():
                    a -= 1
                    if b - a > 24:
                        break
            return a, b + 1
    m = TASK.match(c[ls:le])
    lo = ls + m.end() if m else ls
    a = pos
    while a > lo and pos - a < 4 and c[a - 1] not in _STOPS and not c[a - 1].isdigit():
        a -= 1
    b = end
    while b < max(le, end) and b - end < 4 and c[b] not in _STOPS and not c[b].isdigit():
        b += 1
    return a, b


# --------------------------------------------------------------------------- the draft


@dataclass
class _E:
    """Duck-typed entry for coverage.find_gaps."""

    quote: str
    line: int
    value_text: str | None
    deadline_text: str | None


def _num(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


_CODES = "abcdefghijklmnopqrstuvwxyz"


def _code(i: int) -> str:
    s, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        s = _CODES[r] + s
    return "p" + s


def extract(text: str, *, source_name: str, doc_date: date | None = None,
            period: Period | None = None, lang: str = "en") -> dict:
    """Draft registry (``meta``, ``entries``, ``exclusions``) for the plan text ``text``.

    ``source_name`` is the source file as the registry should name it (relative to where the draft
    will be saved). ``doc_date`` and ``period`` default to what the text states (see ``find_doc_date``,
    ``find_period``); without a period ExtractError asks for one. The draft's reasons and notes are
    written in ``lang`` (words/extract.py).
    """
    if not text.strip():
        raise ExtractError("extract.empty", source_name)
    read = unspaced(text)  # (2024 年, 到 2027 年: a PDF copy's spaces inside numbers; the header stays verbatim)
    doc_date = doc_date or find_doc_date(read)
    inferred_from = None
    if period is None:
        found = infer_period(read, doc_date)
        if found is None:
            raise ExtractError("extract.no_period", source_name)
        period, inferred_from = found
    ctx = Context(doc_date=doc_date, period=period)
    doc = Doc(text, source_name)
    plans = layout(doc)

    entries: list[dict] = []
    plan_rows: list[dict] = []
    for pi, plan in enumerate(plans):
        code = _code(pi)
        drafts = _without_routines(sorted((d for d in drafts_of_plan(doc, plan, ctx, period) if not _number_alone(doc, d)),
                                          key=lambda d: (d.qstart, d.sort)))
        for n, d in enumerate(drafts, 1):
            entries.append(_entry_dict(doc, code, n, d, period, lang, inferred_from))
        short = re.sub(r"(?:创新)?(?:产业)?" + TITLE_END + "$", "", plan.name)
        short = re.sub(r"^关于", "", short).removesuffix("的") or plan.name
        row = {"code": code, "name": plan.name, "short": short, "group": plan.group,
               "first_line": plan.first_line, "last_line": plan.last_line,
               "complete": not _cut_off(plans, pi), "coordinator": list(plan.coordinator)}
        if plan.coordinator_quote:
            row["coordinator_quote"] = plan.coordinator_quote
            row["coordinator_line"] = plan.coordinator_line
        row["coordinator_how"] = plan.coordinator_how
        plan_rows.append(row)

    entries, copies = _drop_row_copies(entries, plans)
    entries, from_rows = _units_from_rows(entries, plans)
    copies |= from_rows
    entries, restated = _drop_restated(entries, doc.lines)
    restated |= copies
    technical = frozenset(technical_annex_lines(doc.lines)) | frozenset(background_lines(doc.lines))
    if any(e["line"] - 1 in technical for e in entries):
        # (an annex of technical requirements states specifications, no goals, a background section where things stand:
        # their figures are exclusions saying so)
        entries = _renumbered([e for e in entries if e["line"] - 1 not in technical])
    exclusions = _exclusions(doc, plans, entries, period, lang, restated)
    units = sorted({u for e in entries for u in (*e["lead"], *e["support"])}
                   | {u for p in plan_rows for u in p["coordinator"]})
    meta = {
        "draft": True,
        "document": document_header(text, doc_date),
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()}
        | ({"inferred_from": inferred_from} if inferred_from else {}),
        "source": {"file": source_name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   "lines": len(doc.lines)},
        "units_found": units,
        "plans": plan_rows,
    }
    return {"meta": meta, "entries": entries, "exclusions": exclusions}


def _cut_off(plans: list[Plan], i: int) -> bool:
    """The text's last plan lacks the 推进措施 every other plan has: the text is probably cut off."""
    def has_measures(p: Plan) -> bool:
        return any(sec == "推进措施" for _, sec in p.sections)

    others = [p for p in plans if p is not plans[i]]
    return i == len(plans) - 1 and bool(others) and all(map(has_measures, others)) and not has_measures(plans[i])


def _implied_unit(metric: str) -> str | None:
    """The unit a bare magnitude (双破千, 过千亿) implies, from what its metric counts."""
    if re.search(r"收入比|倍差|比值|容载比|性别比|比例", metric):
        return None  # 城乡居民收入比 2.8, 收入倍差 1.6: a ratio, no money
    if re.search(r"规模|收入|营收|产值|总额|金额|投资|贷款|交易额|增加值", metric):
        return "元"
    if re.search(r"企业|机构|中心|园区|医院|学校", metric):
        return "家"
    if re.search(r"人才|人数|人员|人口", metric):
        return "人"
    return None


_LABEL_ROW = re.compile(r"[\u4e00-\u9fff、，,（）()]{2,16}(?:[ \u3000\t]+[\u4e00-\u9fff、，,（）()]{2,16}){3,}")
_PAIRED = re.compile(r"(?:[、和及与][\x00\s]*\d+(?:\.\d+)?(?:万|亿)?(?=[个\d.、和及与万亿]))*[、和及与][\x00\s]*\d+(?:\.\d+)?(?:万|亿)?")
_MEASURES = measure_words("count", "unit", "span")


def _shared_measure(c: str, end: int, unit: str) -> str:
    """The measure a figure shares with the last of the figures paired after it (分别压缩至2个、3个环节; 分别为1.5个、7个
    工作日: 自贡's 水气电 plan, round seventy-one's held-out set — the first read 个, a count of nothing): where that one's
    measure opens with this one's and says more (个环节, 个工作日), it is this one's too."""
    m = _PAIRED.match(c, end)
    if not m:
        return unit
    last = next((w for w in _MEASURES if c.startswith(w, m.end())), None)
    return last if last and last != unit and last.startswith(unit) else unit


def _number_alone(doc: Doc, d: Draft) -> bool:
    """Whether a target's figure is a number alone on its line read on into the next line's words (11 / 百万人口白内障复明手术率:
    深圳's 残疾预防 indicators, one cell a line — the row's number had read as 11 million): a row's or item's number, no
    figure (a record's wrap breaks a filled line, never a line holding the number only)."""
    if not d.value:
        return False
    line = doc.line_of(d.value[0])
    a, e = doc.src.line_span(line)
    return doc.line_of(d.value[1] - 1) != line and bool(re.fullmatch(r"[\x00\s]*\d{1,3}[\x00\s]*", doc.c[a:e]))


def _on_a_line_apart(doc: Doc, first: int, held: int) -> bool:
    """Whether a figure on line ``held`` stands on a line of its own below its sentence's first line ``first``, no print
    copy's wrap of it: the first line is a number alone (四、 / its words on the next: one heading as the reader joins
    it), a row of labels set apart by spaces (重点工作项目 项目内容及目标要求 … 监督方式 over the first row: 淄川's 民生实事
    report, round seventy-eight's held-out set), or a line between ends in a colon (到2021年底: / the goals one a line:
    衡阳's 戴帽工程 plan, round seventy-five's) or is a capture's page-break line (…改造提升病房276间， / * * * / 其中…: 盐都's
    PDF capture, round fifty-six's)."""
    if held <= first:
        return False
    top = doc.lines[first - 1].strip()
    return bool(re.fullmatch(ITEM_NUMBER, top) or _LABEL_ROW.fullmatch(top)) \
        or any(doc.lines[k - 1].rstrip().endswith((":", "：")) for k in range(first, held)) \
        or any(doc.lines[k - 1].strip() and not compact(doc.lines[k - 1]) for k in range(first + 1, held))


def _entry_dict(doc: Doc, code: str, n: int, d: Draft, period: Period, lang: str = "en",
                inferred_from: str | None = None) -> dict:
    qstart = d.qstart
    if d.value and _on_a_line_apart(doc, doc.line_of(qstart), doc.line_of(d.value[0])):
        # the entry is on the line holding its value and its quote is text of that line (the line contract); its date
        # stays the sentence's or the heading's
        qstart = next(p for p in range(qstart, d.value[0] + 1) if doc.line_of(p) == doc.line_of(d.value[0]))
    line = doc.line_of(qstart)
    qend = d.qend
    if not d.value and doc.lines[line - 1].rstrip().endswith((":", "：")):
        # a step on a line ending in a colon (…项目工作完成情况公示如下:) ends with its line: the lines under it are lines of
        # their own, no print copy's wrap (武冈's 筛查 notice, round seventy-seven's held-out set: its quote had run on)
        qend = min(qend, doc.src.line_span(line)[1])
    nxt = next((k for k in range(line + 1, len(doc.lines) + 1) if doc.lines[k - 1].strip()), None)
    na, ne = doc.src.line_span(nxt) if nxt else (0, 0)
    if nxt and na < qend and qend >= ne and len(doc.c[na:ne].strip("\x00 ")) <= 12 \
            and not re.search(r"[，,。；;：:]", doc.c[na:ne]):
        # a quote is text of its line (the line contract): a step a table's task cell holds ends with its line, not in
        # the short cell under it (积极督促…优化节能运行管理 / 年内完成: 静安's 2025 安排, round forty-one's held-out set).
        # A print copy's wrap runs on into a full line and past it, and its quote with it (鲁政发's).
        qend = min(qend, doc.src.line_span(line)[1])
    wrapped = None
    if d.value and doc.line_of(d.value[0]) == line and doc.line_of(d.value[1] - 1) != line:
        # a figure a record breaks across two lines (选育或引进2-3 / 个适宜机械化生产的品种: 上海's 农机化 实施意见, round
        # forty-four's held-out set): the entry is on the line holding the number, its value_text and quote that line's
        # text (the line contract); the measure word on the next line still gives the unit
        wrapped = doc.src.line_span(line)[1]
        qend = min(qend, wrapped)
    quote = doc.raw(qstart, qend)
    note = None
    e: dict = {"id": f"{code}-{n:03d}", "kind": d.kind, "plan": code, "section": d.block.section,
               # (a masked span, \x00, never stands in a name; a bare figure of a target cell is named by its row's label)
               "task": d.block.task, "metric": d.metric.strip("\x00") if d.metric.strip("\x00 ") or not d.block.metric
               else d.block.metric}
    if d.value:
        vt = doc.raw(*d.value)
        q = None
        # (37 in a row of 投资额(亿元): 37亿元; 突破万亿元, 破万人: a bare 万 or 亿 after a comparator counts one of it)
        for written in (vt, "一" + vt) if vt[:1] in "万亿" else (vt,):
            if d.unit_text and re.search(r"\d", d.unit_text):
                break  # a rate cell (1/10万): 7 glued to it would read as 71 per 10万 — the cell is read below
            try:
                q = parse_value(written + (d.unit_text or ""))
                break
            except QuantityError:
                pass
        unit_cell = None
        if q is None and d.unit_text and re.search(r"\d", d.unit_text):
            # a 单位 cell naming a rate per so many (1/10万: 孕产妇死亡率 <7, 龙湾's indicators, round twenty-four's tables):
            # the figure's value, the cell its measure as written (7 + 1/10万 reads as no quantity)
            try:
                q, unit_cell = parse_value(vt), d.unit_text
            except QuantityError:
                q = None
        e["value_text"] = doc.raw(d.value[0], wrapped) if wrapped is not None else vt
        e["value"] = _num(q.value) if q else None
        if q and q.value_max is not None:
            e["value_max"] = _num(q.value_max)
        # (a target table's figure in a row that names no measure — 城乡居民收入倍差 1.58 — is a ratio: no unit implied)
        e["unit"] = unit_cell or ((q.unit or (None if d.unit_text is not None else _implied_unit(d.metric))) if q else None)
        if e["unit"] and not wrapped:
            e["unit"] = _shared_measure(doc.c, d.value[1], e["unit"])
        e["comparator"] = d.comparator
    else:
        e.update({"value_text": None, "value": None, "unit": None, "comparator": None})
    if d.time and (d.governed or qstart != d.qstart and d.time.end <= qstart):
        # The phrase is in an earlier sentence, or on a line above the one the entry moved to (到2021年底: over its goals):
        # the quote cannot hold it, the note says where it is.
        e["deadline_text"] = None
        e["deadline"] = d.time.deadline.date.isoformat()
        e["deadline_inferred"] = False
        note = say("extract.note.heading" if d.time.heading else "extract.note.governed", lang,
                   phrase=doc.raw(d.time.start, d.time.end), line=doc.line_of(d.time.start))
    elif d.time and d.time.yearless:
        # The registry reads deadline_text without the document's date: keep the date, say where it is from.
        e["deadline_text"] = None
        e["deadline"] = d.time.deadline.date.isoformat()
        e["deadline_inferred"] = False
        note = say("extract.note.glued_year", lang, phrase=doc.raw(d.time.start, d.time.end),
                   read=d.time.read_as) if d.time.read_as else \
            say("extract.note.yearless", lang, phrase=doc.raw(d.time.start, d.time.end),
                year=d.time.deadline.date.year)
    elif d.time:
        e["deadline_text"] = doc.raw(d.time.start, d.time.end)
        e["deadline"] = d.time.deadline.date.isoformat()
        e["deadline_inferred"] = False
        if d.time.deadline.kind in ("yearly", "quarterly"):
            e["recurring"] = d.time.deadline.kind
        if d.time.deadline.date > period.end:
            e["outside_period"] = True  # 到2035年 in a 2024—2025 plan: the text says so; the reviewer confirms
    else:
        e["deadline_text"] = None
        e["deadline"] = period.end.isoformat()
        e["deadline_inferred"] = True
        if inferred_from:
            # the period is a guess too: the entry says so where the reviewer reads it, not only in the header
            # (round eleven: one misread period had dated every entry of a page)
            note = say("extract.note.period_end", lang, end=period.end.isoformat(), how=inferred_from)
    lead, support = d.units or (d.block.lead, d.block.support)
    inferred = not lead
    e["lead"] = list(d.plan.coordinator if inferred else lead)
    e["support"] = [] if inferred else list(support)
    e["units_inferred"] = inferred
    e["quote"] = quote
    e["line"] = line
    if note:
        e["note"] = note
    e["draft"] = True
    return e


# Words a restatement adds before the metric it repeats (力争全年全社会消费品零售总额增长6%以上 restating 全社会消费品零售总额
# 增长6%以上 of the goals paragraph): the year's own words, no other metric.
# What a metric's name may carry that the same metric stated elsewhere does not: the year's words (全年, 今年), the
# subject (我区将, 即墨区将, 全市), the ellipsis of a lead that previews a list (……).
_RESTATE_LEAD = re.compile(r"^(?:(?:全年|今年|年内|当年|本年度|年度)+|(?:我|全)[省市区县镇](?:将|要)?(?:全年|今年)?"
                           r"|[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|镇|街道)(?:将|要))|[.…]+$")


def _previews(line: str, value_text: str) -> bool:
    """Whether the value stands in a list the line cuts short with …… before its sentence ends (a lead previewing
    items stated below: …新建79处社区(村)养老服务站……)."""
    c = compact(line)
    at = c.find(compact(value_text))
    return at >= 0 and re.match(r"[^。；;!?！？]*?(?:…|\.\.\.)", c[at:]) is not None


# An item's heading: 一、…, (一)…, 1.… standing on a line of its own (no sentence's end).
_ITEM_HEADING = re.compile(rf"^(?:{ITEM_NUMBER})[^。；;]*$")


def _item_heading(lines: list[str], ln: int) -> int | None:
    """The line under item heading ``ln`` (一、…; or 一、 alone, its words on the next line, as the reader joins them), or
    None when line ``ln`` heads no item."""
    def next_text(j: int) -> int | None:
        return next((k for k in range(j + 1, len(lines) + 1) if lines[k - 1].strip()), None)
    line = lines[ln - 1].strip()
    if re.fullmatch(ITEM_NUMBER, line):
        ln = next_text(ln) or ln  # (the number alone: its words are the next line's)
        line = lines[ln - 1].strip()
    else:
        above = next((lines[j - 1].strip() for j in range(ln - 1, 0, -1) if lines[j - 1].strip()), "")
        if re.fullmatch(ITEM_NUMBER, above):
            line = above + line
    return next_text(ln) if _ITEM_HEADING.match(line) else None


def _renumbered(kept: list[dict]) -> list[dict]:
    """The entries with their ids numbered again within each plan (pa-001, pa-002, …), consecutive once some are dropped."""
    count: dict[str, int] = {}
    for e in kept:
        count[e["plan"]] = count.get(e["plan"], 0) + 1
        e["id"] = f"{e['plan']}-{count[e['plan']]:03d}"
    return kept


def _drop_row_copies(entries: list[dict], plans: list) -> tuple[list[dict], dict[tuple[int, str], tuple[int, str]]]:
    """The entries without those a row of an annex task table copies from the body task it restates (layout's
    ``Plan.restating``): a figure (or a dated step) the row's cells state again, as the task states it — the body's is
    the entry, the row's an exclusion naming the task's line (广州's 任务分工表 restating 每万常住人口家庭医生数…不低于4人).
    A figure the task does not state stays the row's own entry."""
    def key(e: dict) -> str:
        return compact(str(e["value_text"] if e["kind"] == "target" else e["deadline_text"]))

    copies: dict[tuple[int, str], tuple[int, str]] = {}
    dropped: set[int] = set()
    for p in plans:
        for (r0, r1), (b0, b1) in getattr(p, "restating", ()):
            body = {(e["kind"], key(e)): e["line"] for e in entries if b0 <= e["line"] <= b1}
            for e in entries:
                if r0 <= e["line"] <= r1 and (e["kind"], key(e)) in body and key(e) != "None":
                    dropped.add(id(e))
                    copies[(e["line"], key(e))] = (body[(e["kind"], key(e))], "extract.reason.row_copy")
    if not dropped:
        return entries, copies
    return _renumbered([e for e in entries if id(e) not in dropped]), copies


def _units_from_rows(entries: list[dict], plans: list) -> tuple[list[dict], dict[tuple[int, str], tuple[int, str]]]:
    """A body's figure that names no unit, stated again in a row of a task table after it that names its units (静安's
    城市更新 plan, round thirty-six's held-out set: 到2025年,…完成既有多层住宅加装电梯700台 in the body, the annex row 完成既有
    多层住宅加装电梯700台 | 区“两旧”专班、区房管局… — the body's entries had led none of 15): the body's entry takes the
    row's units, the row's copy is an exclusion naming the body's line. Matched by the same figure (value and unit) and
    words the two share; a figure two rows state, or that names units in the body already, is left as it was."""
    rows = {ln for p in plans for ln in p.unit_rows}
    if not rows:
        return entries, {}

    def words(e: dict) -> set[str]:
        return _pairs(e.get("metric") or "")

    copies: dict[tuple[int, str], tuple[int, str]] = {}
    dropped: set[int] = set()
    for e in entries:
        if e["kind"] != "target" or not e["units_inferred"] or e["line"] in rows or not e.get("value_text"):
            continue
        same = [c for c in entries if c["kind"] == "target" and c["line"] in rows and c["line"] > e["line"]
                and not c["units_inferred"] and id(c) not in dropped
                and compact(str(c["value_text"])) == compact(str(e["value_text"]))
                and (c["value"], c["unit"]) == (e["value"], e["unit"]) and len(words(c) & words(e)) >= 2]
        if len(same) != 1:
            continue
        c = same[0]
        e["lead"], e["support"], e["units_inferred"] = list(c["lead"]), list(c["support"]), False
        dropped.add(id(c))
        copies[(c["line"], compact(str(c["value_text"])))] = (e["line"], "extract.reason.row_copy")
    if not dropped:
        return entries, copies
    return _renumbered([e for e in entries if id(e) not in dropped]), copies


def _drop_restated(entries: list[dict], lines: list[str] | None = None) \
        -> tuple[list[dict], dict[tuple[int, str], tuple[int, str]]]:
    """The entries without the targets that restate an earlier one, and where each restatement is.

    A plan states its main targets in its goals paragraph and often again where it sets the work for them (round
    eleven, 金华开发区: line 10's 全社会消费品零售总额增长6%以上, again on line 66 under 对内要打造消费场景). A ledger
    holding both asks the unit for the same figure twice and double-counts it: the second mention of the same metric,
    value, unit, comparator and deadline on another line is no entry, but an exclusion naming the first. A different
    value (a later year's, a part's) or another metric (A区 beside B区, named) keeps its entry, and so does a line that
    lists several targets: that is a goals list of its own (a summary quoting another year's or body's goals, as the
    single sentences of bench/sentences quote several reports' 5.5%, 90%、75%), not work toward one. Ids are numbered again
    within each plan so that they stay consecutive."""
    per_line: dict[int, int] = {}
    for e in entries:
        if e["kind"] == "target":
            per_line[e["line"]] = per_line.get(e["line"], 0) + 1

    def key_of(e: dict) -> tuple:
        name = _RESTATE_LEAD.sub("", e.get("metric") or "")
        return e["plan"], name, e.get("value_text"), e.get("unit"), e.get("comparator"), e.get("deadline")

    def named(e: dict) -> bool:
        return e["kind"] == "target" and bool(e.get("value_text")) and \
            len(re.findall(r"[\u4e00-\u9fff]", _RESTATE_LEAD.sub("", e.get("metric") or ""))) >= 4

    # A lead that previews the list, cut short with …… (即墨, 朝阳, round thirteen: 整治提升17处老旧住宅小区、新建79处…
    # 养老服务站……, each stated again below in its own item): the item is the entry, the preview an exclusion naming it.
    last: dict[tuple, int] = {}
    for e in entries:
        if named(e):
            last[key_of(e)] = max(last.get(key_of(e), 0), e["line"])
    def ahead(e: dict) -> bool:
        return named(e) and bool(lines) and last[key_of(e)] > e["line"] and _previews(lines[e["line"] - 1], e["value_text"])

    # Only the text's lead does: the lines with targets before any line that is no preview (a goals list quoted in the
    # body and cut with …… — bench/sentences' 粮食产量保持在1.3万亿斤以上…… — is a list of its own).
    leads: set[int] = set()
    for ln in sorted({e["line"] for e in entries if e["kind"] == "target"}):
        if not any(ahead(e) for e in entries if e["line"] == ln):
            break
        leads.add(ln)
    previewed: set[int] = set()
    restated: dict[tuple[int, str], tuple[int, str]] = {}
    for e in entries:
        if e["line"] in leads and ahead(e):
            previewed.add(id(e))
            restated[(e["line"], compact(e["value_text"]))] = (last[key_of(e)], "extract.reason.previewed")
        elif e["kind"] == "milestone" and e["line"] in leads and lines:
            # … and a step the lead names that an item below states again (2024年,即墨区将加快推进龙泉新高中建设,…新建79处…
            # ……, then the item 加快推进龙泉新高中建设,…: round thirteen's leftover, round fifteen): the item's, as its targets are
            name = compact(_RESTATE_LEAD.sub("", e.get("metric") or ""))
            again = next((j for j in range(e["line"] + 1, len(lines) + 1)
                          if len(name) >= 6 and name in compact(lines[j - 1])), None)
            if again is not None:
                previewed.add(id(e))
                if e.get("deadline_text"):
                    restated[(e["line"], compact(e["deadline_text"]))] = (again, "extract.reason.previewed")
    # An item's heading that states its target, the paragraph under it stating it again (一、减免…700名幼儿保教费(责任单位:
    # 县教育局) over 减免…700名…保教费。计划安排资金…: 井研, round twenty-four): the paragraph's is the entry, where the work is
    # told; the heading's an exclusion naming it. Only the first line of text under the heading, and the same figure.
    for e in entries:
        under = _item_heading(lines, e["line"]) if e["kind"] == "target" and lines else None
        if under is None:
            continue
        same = next((x for x in entries if x["line"] == under and x["kind"] == "target"
                     and compact(str(x["value_text"])) == compact(str(e["value_text"]))
                     and (x["value"], x["unit"]) == (e["value"], e["unit"])), None)
        if same is not None:
            previewed.add(id(e))
            restated[(e["line"], compact(e["value_text"]))] = (under, "extract.reason.heading_copy")
    seen: dict[tuple, int] = {}
    kept: list[dict] = []
    for e in entries:
        if id(e) in previewed:
            continue
        key = key_of(e)
        if named(e):
            first = seen.get(key)
            if first is not None and first != e["line"] and per_line[e["line"]] == 1:
                restated[(e["line"], compact(e["value_text"]))] = (first, "extract.reason.restated")
                continue
            seen.setdefault(key, e["line"])
            if (goal := _goal_restated(e, kept)) is not None:
                restated[(e["line"], compact(e["value_text"]))] = (goal["line"], "extract.reason.restated")
                continue
        kept.append(e)
    return (_renumbered(kept) if len(kept) < len(entries) else kept), restated


# The months or quarter a step names of itself (发放4-6月份临时救助金), apart from what it does.
_PERIOD_WORDS = re.compile(r"\d{1,2}(?:[-—–~～至]\d{1,2})?月份?|第?[一二三四1-4]季度|[上下]半年")


def _without_routines(drafts: list) -> list:
    """The drafts without a step the plan sets again for every period (①1-3月份,及时完成…审核确认;②4-6月份,及时完成…审核确认;
    ③…;④…: 谯城's 民政局 task split, round forty-four's held-out set): the same words, three times or more in one task,
    each due at another time — a routine kept up all year, no step done once. (A step due once, or twice — 中期 and 年终 —
    stays; so do tasks of a list that each close on the same words, （5月底取得阶段性成效并持续推进，…）, （6月底取得…）:
    包头's 数字政府 tasks, round fifty-one's held-out set — each task's own checkpoint.)"""
    def key(d) -> tuple[int, str]:
        return id(d.block), _PERIOD_WORDS.sub("", compact(d.metric or ""))
    steps: dict[tuple[int, str], set] = {}
    for d in drafts:
        if d.kind == "milestone" and d.time is not None and len(key(d)[1]) >= 6:
            steps.setdefault(key(d), set()).add(d.time.deadline.date)
    routine = {k for k, dates in steps.items() if len(dates) >= 3}
    if not routine:
        return drafts
    return [d for d in drafts if not (d.kind == "milestone" and d.time is not None and key(d) in routine)]


def _pairs(text: str) -> set[str]:
    """The pairs of Chinese characters next to each other in text: the words two names of one metric share."""
    m = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {m[i:i + 2] for i in range(len(m) - 1)}


def _bigrams(metric: str | None) -> set[str]:
    return _pairs(_RESTATE_LEAD.sub("", metric or ""))


def _goal_restated(e: dict, earlier: list[dict]) -> dict | None:
    """The goal a task's figure states again, or None: a plan's goals section states its figures, and a task under
    it sets the work for one in other words (上海's 农机化 实施意见, round forty-four's held-out set: 到2025年，主要粮食作物
    耕种收综合机械化率达到98%以上 among the goals, 推进主要粮食作物耕种收综合机械化率达到98%以上 in a task that states other
    figures too; 打造蔬菜生产核心示范园8-10个, again as 打造园艺场规模面积200亩以上的蔬菜生产核心示范园8-10个). The same
    figure (value, unit, comparator and date) and most of the goal's words: the goal is the entry, the task's copy an
    exclusion naming it. The goal must be the only one of the goals that it fits this well. A task that names its own
    units keeps its entry: it says who delivers the figure (鲁政发's 打造30个具有全国影响力的省级先进制造业集群, led by
    省工业和信息化厅, beside the goals' 先进制造业集群…30个 — both in the shipped registry)."""
    if e["kind"] != "target" or e.get("section") == "总体目标" or not e.get("value_text") or not e.get("units_inferred"):
        return None
    mine = _bigrams(e.get("metric"))
    fits = []
    for g in earlier:
        if g["kind"] != "target" or g.get("section") != "总体目标" or g["plan"] != e["plan"] \
                or compact(str(g.get("value_text"))) != compact(str(e["value_text"])) \
                or (g.get("value"), g.get("unit"), g.get("comparator"), g.get("deadline")) \
                != (e.get("value"), e.get("unit"), e.get("comparator"), e.get("deadline")):
            continue
        theirs = _bigrams(g.get("metric"))
        shared = len(mine & theirs)
        if theirs and shared >= 3 and shared >= 0.6 * min(len(mine), len(theirs)):
            fits.append((shared, g))
    fits.sort(key=lambda f: -f[0])
    if fits and (len(fits) == 1 or fits[0][0] > fits[1][0]):
        return fits[0][1]
    return None


def _exclusions(doc: Doc, plans: list[Plan], entries: list[dict], period: Period, lang: str = "en",
                restated: dict[tuple[int, str], tuple[int, str]] | None = None) -> list[dict]:
    """An exclusion for every token of the coverage scan that no draft entry accounts for (a restated target's
    names the line it restates)."""
    ents = [_E(e["quote"], e["line"], e["value_text"], e["deadline_text"]) for e in entries]
    covered = _Spans(covered_spans(doc.src, ents, []))
    done: dict[int, list[tuple[int, int]]] = {}  # line -> spans its exclusions cover
    heads = frozenset(headlines(doc.lines))
    page = frozenset(page_lines(doc.lines))
    annexes = frozenset(annex_lines(doc.lines))
    titled = frozenset(title_line_set(doc.lines))
    technical = frozenset(technical_annex_lines(doc.lines))
    background = frozenset(background_lines(doc.lines))
    out: list[dict] = []
    for p in plans:
        for pos, ln, tok in tokens(doc.src, p.first_line, p.last_line):
            end = pos + len(tok)
            if covered.holds(pos, end) or any(a <= pos and end <= b for a, b in done.get(ln, ())):
                continue
            a, b = _excerpt(doc, pos, tok)
            txt = doc.raw(a, b)
            done.setdefault(ln, []).extend(doc.src.find_all_at_line(txt, ln))
            first = next((v for (rl, vt), v in (restated or {}).items() if rl == ln and vt in compact(txt)), None)
            if first is not None:
                code, fields = first[1], {"line": first[0]}
            elif any(a <= pos and end <= b for a, b in p.baselines):
                code, fields = "extract.reason.baseline_cell", {}  # a target table's 现值 column
            else:
                code, fields = _reason(doc, doc.c, pos, tok, period, heads, page, annexes, titled, technical, background)
            out.append({"line": ln, "text": txt, "reason": say(code, lang, **fields)})
    return out


class _Spans:
    """Merged compact spans, asked whether they hold [a, b) (in log time: a draft may be long)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def holds(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.ends[i] >= b


# --------------------------------------------------------------------------- writing


def to_yaml(draft: dict, lang: str = "en") -> str:
    """The draft in the registry's YAML format (no anchors, quoted where YAML would retype), its header in
    ``lang``."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):  # the registry loader refuses anchors/aliases
            return True

    def seq(dumper, data):  # lists of names on one line, as in data/targets.yaml
        flat = all(not isinstance(x, dict | list) for x in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)

    Dumper.add_representer(list, seq)
    body = yaml.dump(draft, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)
    head = say("extract.header", lang, src=draft["meta"]["source"]["file"])
    per = draft["meta"]["period"]
    if per.get("inferred_from"):
        head += say("extract.header.inferred", lang, start=per["start"], end=per["end"], how=per["inferred_from"])
    return head + body


def to_json(draft: dict) -> str:
    return json.dumps(draft, ensure_ascii=False, indent=2) + "\n"


def units_yaml(draft: dict) -> str:
    """A unit table with every unit the draft names (no aliases yet: the reviewer adds them)."""
    lines = ["# Units named by the draft registry (plancli extract). Add aliases as people write them.",
             "units:"]
    lines += [f"  - name: {json.dumps(u, ensure_ascii=False)}" for u in draft["meta"]["units_found"]]
    return "\n".join(lines) + "\n"


def read_source(path: str | Path) -> str:
    """The text of a source file (UTF-8, a BOM allowed); a missing or unreadable file is an ExtractError."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ExtractError("extract.not_found", p) from None
    except IsADirectoryError:
        raise ExtractError("extract.is_directory", p) from None
    except PermissionError:
        raise ExtractError("extract.permission", p) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ExtractError("extract.not_utf8", p, line, byte=raw[exc.start]) from None


def parse_period(text: str) -> Period:
    """``START:END`` as dates (``2024-01-01:2025-12-31``) or years (``2024:2025``)."""
    start, sep, end = str(text).partition(":")
    if not sep or not start.strip() or not end.strip():
        raise ExtractError("extract.period_form", text=str(text))
    try:
        a = date(int(start), 1, 1) if start.strip().isdigit() else parse_date(start.strip())
        b = date(int(end), 12, 31) if end.strip().isdigit() else parse_date(end.strip())
        return Period(a, b)
    except (DeadlineError, ValueError) as exc:  # a ValueError is Python's own words (year 0 is out of range)
        raise ExtractError("extract.period_unreadable", text=str(text),
                           error=exc if isinstance(exc, DeadlineError) else str(exc)) from None


def write_draft(draft: dict, out: Path, fmt: str = "yaml", lang: str = "en") -> list[Path]:
    """Write the draft to ``out`` and its unit table beside it (``<stem>.units.yaml``, named in
    ``meta.units_file``), so that ``plancli validate OUT`` runs as it stands. Existing files are never
    overwritten: a reviewed draft is someone's work."""
    from ..yamlio.atomic import atomic_write_bytes

    units = out.with_name(f"{out.stem}.units.yaml")
    for p in (out, units):
        if p.exists():
            raise ExtractError("extract.exists", p)
    if not out.parent.is_dir():
        raise ExtractError("extract.no_directory", out.parent)
    draft["meta"]["units_file"] = units.name
    text = to_json(draft) if fmt == "json" else to_yaml(draft, lang)
    atomic_write_bytes(units, units_yaml(draft).encode("utf-8"))
    atomic_write_bytes(out, text.encode("utf-8"))
    return [out, units]
