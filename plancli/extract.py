"""Draft a registry from a plan's source text, so that a person's review is the only step left.

``extract(text, source_name=..., doc_date=..., period=...)`` reads the text of an action plan and returns
a plain structure with the three keys of a registry (``meta``, ``entries``, ``exclusions``, see
docs/registry-format.md); ``to_yaml`` writes it in the registry's own format, ``to_json`` as JSON. Every
entry carries ``draft: true`` until a reviewer has checked it. The draft never reads an existing
registry: it is built from the text alone, by these general rules.

Structure
    Plan titles are short lines ending in 行动计划/行动方案/实施方案/工作方案 (with or without a period
    such as ``（2024—2025年）``); a title followed directly by another title is a group (“十大创新”).
    Section headings ``一、…`` map to the registry's sections: 目标/指导思想/总体要求 → 总体目标;
    保障/措施/组织实施/工作要求 → 推进措施; anything else (主要任务, 重点任务, 重点工作…) → 主要任务.
    Tasks are the numbered paragraphs ``1.`` / ``（1）`` of a section, else its groups ``（一）``.

Units
    A task's parenthetical ``（牵头单位：…；配合单位：…）`` (or 牵头部门/责任单位), which may follow it after a
    page break, gives lead and support. The plan coordinator is read from its 推进措施: “X牵头负责/统筹推进/
    牵头实施…”, else the first parenthetical there, else the units that lead every task. Entries
    without a parenthetical (总体目标 and tasks without one) take the coordinator with
    ``units_inferred: true``.

Entries
    Every quantity (a number with a measure word: ``3.5 万家``, ``10%``, ``3—5 家``, ``1300 亿千瓦时``) is a
    target; its deadline is the nearest time phrase before it in the same sentence (``2024 年``,
    ``力争到2025年``, ``2024年6月底前``, ``每年``, ``年均``, ``两年``…; ``2024年、2025年分别…A、B`` pairs in
    order), else the end of the plan period with ``deadline_inferred: true``. A dated clause with no
    quantity is a milestone (for a dated phrase, also each following clause up to the next time
    phrase or the end of the sentence). ``A、B各N`` is one target per subject.

Exclusions
    Every token the coverage scan sees (``coverage.tokens``) that no draft entry accounts for becomes an
    exclusion with a reason (a name in quotation marks, a document title, a past year, a rule
    parameter, a threshold, a descriptive count…), so the draft passes ``plancli validate`` and
    ``plancli coverage`` as it stands and the reviewer sees every number that was not made an entry.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .coverage import covered_spans, tokens
from .deadline import Context, DeadlineError, Period, parse_date, parse_deadline
from .errors import PlancliError
from .sourcetext import SourceText, compact
from .values import QuantityError, parse_value

__all__ = ["ExtractError", "extract", "to_yaml", "to_json", "units_yaml", "find_doc_date", "find_period",
           "parse_period", "read_source", "write_draft"]


class ExtractError(PlancliError):
    """A source text that cannot be drafted (no plan period, no plan)."""


# --------------------------------------------------------------------------- patterns (on compact text)

_CN = "一二三四五六七八九十"
_TITLE = re.compile(
    r"^[“\"]?(?P<name>[^，,。；;：:“”\"《》]{0,40}?[”\"]?[^，,。；;：:《》]{0,40}?"
    r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划))[”\"]?"
    r"(?:[(（](?P<y1>\d{4})年?[—–\-~～至](?P<y2>\d{4})年?[)）])?$")
_TITLE_END = r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划)"
_SECTION = re.compile(rf"^([{_CN}]+)、(.{{1,20}})$")
_GROUP = re.compile(rf"^[(（]([{_CN}]+)[)）]")
_TASK = re.compile(r"^(\d{1,3})[.．、]|^[(（](\d{1,3})[)）]")  # as coverage's task numbering
_PAREN = re.compile(r"[(（]\s*((?:牵头单位|牵头部门|责任单位|责任部门|牵头)[:：][^()（）]*?)[)）]")
_PERIOD_IN_TEXT = re.compile(r"[(（](\d{4})年?[—–\-~～至](\d{4})年?[)）]")
_DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[]\d{4}[〕\]]\d+号")

_YEAR = r"(?:19|20)\d{2}"
_PRE = r"(?:力争|争取|确保|计划|预计)?(?:到|至|截至|截止到|截止至|截止|于|在)?"
_TIME = re.compile(
    rf"(?<![\d.]){_PRE}{_YEAR}年?[—–\-~～至]{_YEAR}年(?:间|期间)?"
    rf"|(?<![\d.]){_PRE}{_YEAR}年(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?(?:底|末|份)?|年底|年末|底|末|上半年|下半年"
    rf"|第?[一二三四1-4]季度|全年)?(?:之前|以前|前)?"
    r"|每年(?:年底|年末)?(?:之前|以前|前)?|年均|每季度|每个季度"
    r"|(?:力争|争取)?(?:用)?(?<![\d.])(?:[2-9]|两|二|三|四|五)年(?:时间|内|以内)?"
)
_NAME_AFTER_SPAN = re.compile(r"^(?:行动|计划|规划|攻坚|提升|专项|工程|行动计划)")  # 三年行动: a name
_BASELINE_BEFORE = re.compile(r"(?:比|较|与|同|相比|对比|相较)$")

_UNITS = sorted({
    "%", "个百分点", "百分点", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "公里", "千米", "米", "公顷",
    "亩", "斤", "吨", "千克", "公斤", "元", "美元", "家", "个", "项", "人", "人次", "件", "名", "所", "座",
    "条", "套", "户", "册", "部", "场", "种", "类", "台", "辆", "批", "支", "处", "次", "张", "款", "位",
    "艘", "架", "间", "床", "例", "篇", "本", "份", "只", "头", "株", "棵", "标箱", "分钟", "小时", "毫秒",
    "天", "倍", "GWh", "MWh", "kWh", "GW", "MW", "kW", "EFLOPS", "PFLOPS", "TB", "PB", "Gbps",
}, key=len, reverse=True)
_QTY = re.compile(
    r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?(?:[—–\-~～至到]\d+(?:\.\d+)?)?)(万亿|千亿|百亿|亿|千万|百万|万)?("
    + "|".join(re.escape(u) for u in _UNITS) + r")(?![A-Za-z])")

# Comparator words (the shipped registry's conventions, docs/registry-format.md).
# TODO(values.parse_target): replace _comparator with values.parse_target once it is on main.
_AFTER_CMP = [(re.compile(r"^(?:及)?以上"), ">="), (re.compile(r"^(?:左右|上下)"), "~"),
              (re.compile(r"^(?:以内|以下)"), "<="), (re.compile(r"^(?:多|余)"), ">")]
_BEFORE_CMP = [(re.compile(r"(?:不少于|不低于|至少|不小于)$"), ">="),
               (re.compile(r"(?:不超过|不高于|控制在|降至|降到|压减到|压减至)$"), "<="),
               (re.compile(r"(?:低于|小于)$"), "<"),
               (re.compile(r"(?:突破|超过|高于|超|过|破|逾)$"), ">"),
               (re.compile(r"(?:约|近|大约)$"), "~")]
_CN_QTY = re.compile(r"倍增|翻[一两]?番|(?<=[破过超逾])[十百千万亿]+")
_RULE_BEFORE = re.compile(r"按照|按各|保留|留存|收储|奖励")
_RULE_AFTER = re.compile(r"^(?:以上|以下)?(?:由|留给|留存|奖励)")
_SENT_END = "。!?！？"
_CLAUSE_END = ",;，；:："


# --------------------------------------------------------------------------- the text and its raw form


class _Doc:
    """The source as compact text (as ``SourceText``) plus the way back to the verbatim characters."""

    def __init__(self, text: str, name: str):
        self.src = SourceText(Path(name), text)
        self.lines = self.src.lines
        self.c = self.src.compact
        self._map: list[tuple[int, int]] = []  # compact position -> (line index, raw index)
        for li, line in enumerate(self.lines):
            got: list[tuple[int, int]] = []
            pieces = []
            for ri, ch in enumerate(line):
                n = compact(ch)
                pieces.append(n)
                got.extend((li, ri) for _ in n)
            if "".join(pieces) != compact(line):  # NFKC across characters: map the line coarsely
                got = [(li, -1)] * len(compact(line))
            self._map.extend(got)

    def line_of(self, pos: int) -> int:
        return self.src.line_of(pos)

    def raw(self, a: int, b: int) -> str:
        """Verbatim source text of compact span [a, b) (line breaks of a page break dropped)."""
        if b <= a:
            return ""
        (l1, i1), (l2, i2) = self._map[a], self._map[b - 1]
        if i1 < 0 or i2 < 0:
            return self.c[a:b]
        if l1 == l2:
            out = self.lines[l1][i1:i2 + 1]
        else:
            mid = [ln.strip() for ln in self.lines[l1 + 1:l2] if ln.strip()]
            out = self.lines[l1][i1:].rstrip() + "".join(mid) + self.lines[l2][:i2 + 1].lstrip()
        out = out.replace("*", "")
        return out if compact(out) == self.c[a:b] else self.c[a:b]


# --------------------------------------------------------------------------- structure


@dataclass
class _Block:
    """One task (or paragraph) of a plan: where it is, what it is, who does it."""

    section: str
    task: int | None
    start: int  # compact position where its text starts (after the task number)
    end: int
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    parens: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Plan:
    name: str
    title_line: int
    group: str
    first_line: int = 0
    last_line: int = 0
    sections: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[_Block] = field(default_factory=list)
    coordinator: tuple[str, ...] = ()
    coordinator_quote: str | None = None
    coordinator_line: int | None = None
    coordinator_how: str = ""


def _body(line: str) -> str:
    return compact(re.sub(r"^\s*#+\s*", "", line))


def _section_name(heading: str) -> str:
    """Registry section for a heading ``一、…``: 目标 → 总体目标, 保障/措施 → 推进措施, else 主要任务."""
    if re.search(r"目标|指导思想|总体要求|基本原则", heading):
        return "总体目标"
    if re.search(r"保障|措施|组织实施|工作要求|组织领导", heading):
        return "推进措施"
    return "主要任务"


def _is_title(body: str) -> re.Match | None:
    if len(body) > 48 or any(ch in body for ch in "。，,;；"):
        return None
    return _TITLE.match(body)


def _split_units(names: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in re.split(r"[、,，]", names):
        part = part.strip().rstrip("等").strip()
        if not part:
            continue
        if part in ("单位", "部门") and out:  # 省有关部门、单位 is one name
            out[-1] = f"{out[-1]}、{part}"
            continue
        out.append(part)
    return tuple(dict.fromkeys(out))


def _read_paren(inner: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    inner = inner.replace("：", ":")
    for part in re.split(r"[;；,，]?(?=(?:牵头|配合|协助|责任)(?:单位|部门)?:)", inner):
        label, sep, names = part.partition(":")
        if not sep:
            continue
        if "配合" in label or "协助" in label:
            support += _split_units(names)
        elif "牵头" in label or "责任" in label:
            lead += _split_units(names)
    return lead, support


_UNIT_SUFFIX = r"(?:厅|委|局|办|部|室|院|会|公司|分行|小组|中心|机关|办公室|政府)"
_COORD = re.compile(
    rf"(?:^|(?<=[。，,;；:：)）]))([^。，,;；:：()（）、]{{2,24}}?{_UNIT_SUFFIX})"
    r"(?:牵头负责|统筹推进|牵头实施|牵头抓总|牵头组织|负责统筹|牵头推进|牵头落实|负责)")


def _structure(doc: _Doc) -> list[_Plan]:
    kinds: list[tuple[int, str, str]] = []  # (line index, kind, body)
    for li, line in enumerate(doc.lines):
        b = _body(line)
        if not b:
            continue
        m = _is_title(b)
        if _SECTION.match(b.rstrip("。")):
            kinds.append((li, "section", b))
        elif m:
            kinds.append((li, "title", m.group("name").strip("“”\"")))
        elif _GROUP.match(b):
            kinds.append((li, "group", b))
        elif _TASK.match(b):
            kinds.append((li, "task", b))
        else:
            kinds.append((li, "text", b))

    plans: list[_Plan] = []
    group = ""
    for k, (li, kind, b) in enumerate(kinds):
        if kind != "title":
            continue
        # A title whose next structural line is a section heading opens a plan; one followed by
        # another title (or nothing) names a group of plans.
        nxt = next((kk for _, kk, _ in kinds[k + 1:] if kk in ("title", "section")), None)
        name = re.sub(_TITLE_END + "$", "", b).strip("“”\"") if nxt != "section" else b
        if nxt != "section":
            group = name
            if plans and not plans[-1].last_line:
                plans[-1].last_line = li  # 0-based index of the group title = last line (1-based) before it
            continue
        if plans and not plans[-1].last_line:
            plans[-1].last_line = li
        plans.append(_Plan(name=b, title_line=li + 1, group=group, first_line=li + 1))
    if not plans:
        # No titled plan: the whole text is one plan, named by its first line.
        first = next((li for li, _k, _b in kinds), 0)
        plans.append(_Plan(name=_body(doc.lines[first])[:40] or "plan", title_line=first + 1, group="",
                           first_line=first + 1))
    if not plans[-1].last_line:
        last = len(doc.lines)
        while last > plans[-1].first_line and not doc.lines[last - 1].strip():
            last -= 1
        plans[-1].last_line = last
    for p in plans:
        while p.last_line > p.first_line and not doc.lines[p.last_line - 1].strip():
            p.last_line -= 1
        _blocks(doc, p, [x for x in kinds if p.first_line <= x[0] + 1 <= p.last_line])
        _coordinator(doc, p)
    return plans


def _blocks(doc: _Doc, plan: _Plan, kinds: list[tuple[int, str, str]]) -> None:
    # Which sections number their tasks 1. 2. …: there the task is the Arabic number.
    numbered: set[int] = set()
    sec_no = -1
    for _li, kind, _b in kinds:
        if kind == "section":
            sec_no += 1
        elif kind == "task":
            numbered.add(sec_no)
    section, sec_no, group_no = "总体目标", -1, None
    cur: _Block | None = None
    for li, kind, b in kinds:
        start, end = doc.src.line_span(li + 1)
        if kind == "title":
            continue
        if kind == "section":
            m = _SECTION.match(b.rstrip("。"))
            section = _section_name(m.group(2))
            sec_no += 1
            group_no = None
            plan.sections.append((li + 1, section))
            cur = None
            continue
        if kind in ("group", "task") or cur is None:
            task: int | None = None
            skip = 0
            if kind == "group":
                m = _GROUP.match(b)
                group_no = _cn_int(m.group(1))
                skip = m.end()
                task = None if sec_no in numbered else group_no
            elif kind == "task":
                m = _TASK.match(b)
                task = int(m.group(1) or m.group(2))
                skip = m.end()
            if section == "总体目标":
                task = None
            # the task number itself is not text of the task
            cur = _Block(section, task, start + skip, end)
            plan.blocks.append(cur)
        else:
            cur.end = end
    for blk in plan.blocks:
        text = doc.c[blk.start:blk.end]
        for m in _PAREN.finditer(text):
            lead, support = _read_paren(m.group(1))
            blk.parens.append((blk.start + m.start(), blk.start + m.end()))
            if lead and not blk.lead:
                blk.lead, blk.support = lead, support


def _cn_int(s: str) -> int:
    d = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (d.get(a, 1) if a else 1) * 10 + (d.get(b, 0) if b else 0)
    return d.get(s, 0)


def _coordinator(doc: _Doc, plan: _Plan) -> None:
    measures = [b for b in plan.blocks if b.section == "推进措施"]
    for b in measures:
        m = _COORD.search(doc.c, b.start, b.end)
        if m:
            names = _split_units(re.sub(r"^.*?(?=省|市|中共|国网|国家|人民银行)", "", m.group(1)) or m.group(1))
            plan.coordinator = names
            plan.coordinator_quote = doc.raw(m.start(), m.end())
            plan.coordinator_line = doc.line_of(m.start())
            plan.coordinator_how = "named as coordinating the plan in its 推进措施"
            return
    for b in measures:
        if b.lead:
            a, e = b.parens[0]
            plan.coordinator = b.lead
            plan.coordinator_quote = doc.raw(a, e)
            plan.coordinator_line = doc.line_of(a)
            plan.coordinator_how = "lead of the first 推进措施"
            return
    leads = [b.lead for b in plan.blocks if b.lead]
    if leads:
        common = [u for u in leads[0] if all(u in lead for lead in leads)]
        plan.coordinator = tuple(common) or leads[0]
        plan.coordinator_how = ("units that lead every task (the plan has no 推进措施 naming one)" if common
                                else "lead of the first task (no unit leads every task)")
        return
    plan.coordinator = ("待定",)
    plan.coordinator_how = "no unit named in the plan: 待定 (to be decided) is a placeholder"


# --------------------------------------------------------------------------- entries


@dataclass
class _Time:
    start: int
    end: int
    text: str  # compact
    deadline: object  # deadline.Deadline


@dataclass
class _Draft:
    plan: _Plan
    block: _Block
    kind: str
    metric: str
    qstart: int
    qend: int
    value: tuple[int, int] | None = None  # compact span of value_text
    comparator: str | None = None
    time: _Time | None = None
    sort: int = 0


def _spans(text: str, open_: str, close: str, base: int) -> list[tuple[int, int]]:
    out, depth, st = [], 0, 0
    for i, ch in enumerate(text):
        if ch == open_:
            if depth == 0:
                st = i
            depth += 1
        elif ch == close and depth:
            depth -= 1
            if depth == 0:
                out.append((base + st, base + i + 1))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _sentences(c: str, a: int, b: int) -> list[tuple[int, int]]:
    out, st = [], a
    for i in range(a, b):
        if c[i] in _SENT_END:
            out.append((st, i))
            st = i + 1
    if st < b:
        out.append((st, b))
    return [(x, y) for x, y in out if y > x]


def _clause_start(c: str, pos: int, lo: int) -> int:
    while pos > lo and c[pos - 1] not in _CLAUSE_END:
        pos -= 1
    return pos


def _clause_end(c: str, pos: int, hi: int) -> int:
    while pos < hi and c[pos] not in _CLAUSE_END:
        pos += 1
    return pos


_METRIC_DROP = re.compile(
    r"^(?:力争|争取|确保|推动|全力|加快|持续|进一步|其中|同时|并|且|和|及|实现|完成)+|"
    r"(?:达到|达|突破|超过|不少于|不低于|至少|稳定在|保持在|控制在|提高|增长|分别|为|以上|左右|以内|以下|力争)+$")


def _metric(c: str, a: int, b: int, cut: list[tuple[int, int]]) -> str:
    """A short name: the clause without its time phrase, quantity and comparator words."""
    keep = [ch for i, ch in enumerate(c[a:b], a) if not any(x <= i < y for x, y in cut)]
    t = "".join(keep).strip("，,、;；:：")
    for _ in range(3):
        t = _METRIC_DROP.sub("", t).strip("，,、;；:：")
    t = re.sub(r"(?:达到|突破|超过|不少于|不低于|稳定在|保持在|控制在|力争)", "", t)
    return (t[:40] + "…") if len(t) > 41 else (t or c[a:b][:40])


def _entries_of_plan(doc: _Doc, plan: _Plan, ctx: Context, period: Period) -> list[_Draft]:
    c = doc.c
    out: list[_Draft] = []
    for blk in plan.blocks:
        # Text of the task without its unit parenthetical(s): blank them out, keeping positions.
        chars = list(c[blk.start:blk.end])
        for a, e in blk.parens:
            for i in range(a, e):
                chars[i - blk.start] = "\x00"
        masked = "".join(chars)
        text = c[:blk.start] + masked + c[blk.end:]  # positions as in c
        # Short quoted strings are names (“2115”, “2+N”); a long quotation is text of the plan.
        quoted = [(a, e) for a, e in _spans(masked, "“", "”", blk.start) + _spans(masked, '"', '"', blk.start)
                  if e - a <= 16 and not re.search(r"[,，;；]", c[a:e])] + _spans(masked, "《", "》", blk.start)
        for s0, s1 in _sentences(text, blk.start, blk.end):
            out.extend(_entries_of_sentence(doc, text, plan, blk, s0, s1, quoted, ctx, period))
    return out


def _times(text: str, s0: int, s1: int, quoted, ctx: Context, period: Period) -> list[_Time]:
    out: list[_Time] = []
    for m in _TIME.finditer(text, s0, s1):
        a, e = m.span()
        t = m.group()
        if _inside(a, quoted):
            continue  # a year in a title or a name
        if re.search(r"[年]$", t) and _NAME_AFTER_SPAN.match(text[e:e + 4]) and not re.search(r"\d{4}", t):
            continue  # 三年行动: the name of an action
        if _BASELINE_BEFORE.search(text[max(s0, a - 2):a]) or text[e:e + 1] == "的" and re.search(r"\d{4}年$", t):
            continue  # 比2020年: a baseline
        try:
            d = parse_deadline(t, ctx)
        except DeadlineError:
            continue
        if d.kind == "by" and d.date < period.start:
            continue  # a past year: a baseline, not a deadline
        out.append(_Time(a, e, t, d))
    return out


def _entries_of_sentence(doc, text, plan, blk, s0, s1, quoted, ctx, period) -> list[_Draft]:
    times = _times(text, s0, s1, quoted, ctx, period)
    qtys = []  # (start, end, clause start, clause end)
    for m in _QTY.finditer(text, s0, s1):
        a, e = m.span()
        if _inside(a, quoted) or any(t.start <= a < t.end for t in times):
            continue
        cs = _clause_start(text, a, s0)
        ce = _clause_end(text, e, s1)
        # A rule parameter (按…的10%, 50%由省级统筹) or a threshold that defines what is counted
        # (投资500万元以上技术改造项目1.2万个) is not a target: left to the exclusions.
        if _RULE_BEFORE.search(text[cs:a]) or _RULE_AFTER.match(text[e:e + 4]):
            continue
        nxt = _QTY.search(text, e, ce)
        if nxt and not re.search(r"[、和及与]", text[e:nxt.start()]) \
                and re.match(r"^(?:以上|以下)?[\u4e00-\u9fff]", text[e:e + 3]):
            continue
        qtys.append((a, e, cs, ce))
    for m in _CN_QTY.finditer(text, s0, s1):  # 倍增, 翻番, 过千亿, 双破千
        a, e = m.span()
        if not _inside(a, quoted):
            qtys.append((a, e, _clause_start(text, a, s0), _clause_end(text, e, s1)))
    qtys.sort()

    # 2024年、2025年分别…A、B: pair a run of time phrases with the quantities after it, in order.
    paired: dict[int, _Time] = {}
    i = 0
    while i < len(times):
        j = i
        while j + 1 < len(times) and re.fullmatch(r"[、和及与]", text[times[j].end:times[j + 1].start]):
            j += 1
        if j > i:
            after = [q for q in qtys if q[0] > times[j].end]
            for k, t in enumerate(times[i:j + 1]):
                if k < len(after):
                    paired[after[k][0]] = t
        i = j + 1

    # Lists A、B和C share the comparator words around them: 分别突破A、B; A和B左右.
    n = len(qtys)
    adj = [i + 1 < n and re.fullmatch(r"[、和及与]", text[qtys[i][1]:qtys[i + 1][0]]) is not None
           for i in range(n)]
    after_c = [_after_cmp(text, q[1]) for q in qtys]
    before_c = [_before_cmp(text, q[0], q[2]) for q in qtys]
    for i in range(n - 2, -1, -1):
        if adj[i] and after_c[i] is None:
            after_c[i] = after_c[i + 1]
    for i in range(1, n):
        if adj[i - 1] and before_c[i] is None:
            before_c[i] = before_c[i - 1]
    # 分别: subjects before it name the items of the list in order.
    listed: dict[int, str] = {}
    i = 0
    while i < n:
        j = i
        while adj[j]:
            j += 1
        m = re.search(r"分别(?:为|是|达到|达|突破|超过|稳定在|保持在|控制在|不低于|不少于)?$",
                      text[qtys[i][2]:qtys[i][0]])
        if m and j > i:
            head = _strip_times(text, qtys[i][2], qtys[i][2] + m.start(), times)
            subj = [x for x in re.split(r"[、和及与]", head) if x]
            if len(subj) == j - i + 1:
                for k in range(i, j + 1):
                    listed[qtys[k][0]] = subj[k - i]
        i = j + 1

    drafts: list[_Draft] = []
    prev_metrics: list[str] = []
    for k, (a, e, cs, ce) in enumerate(qtys):
        t = paired.get(a) or next((t for t in reversed(times) if t.end <= a), None)
        qs = min(cs, t.start) if t else cs
        if re.search(r"\d[—–\-~～至到]\d", text[a:e]):
            cmp = "range"
        elif not text[a].isdigit():
            cmp = "=" if re.match(r"倍增|翻", text[a:e]) else ">"
        else:
            cmp = after_c[k] or before_c[k] or "="
        cut = [(a, e)] + [(x.start, x.end) for x in times if cs <= x.start < ce]
        metrics = _each_subjects(text, cs, a, times)
        if not metrics and a in listed:
            metrics = [listed[a]]
        if not metrics:
            # The list item holding the quantity (教育专家10名、名校长100名), else the clause.
            ps = max(cs, max((i + 1 for i in range(cs, a) if text[i] in "、和及"), default=cs))
            pe = min([i for i in range(e, ce) if text[i] in "、和及"] + [ce])
            piece = _METRIC_DROP.sub("", _strip_times(text, ps, a, times) + text[e:pe])
            piece = re.sub(r"^(?:以上|以下|左右|以内)", "", piece)
            head = _METRIC_DROP.sub("", _strip_times(text, cs, a, times))
            if not re.search(r"[\u4e00-\u9fffA-Za-z]", head) and prev_metrics:
                metrics = prev_metrics  # 2025年达到65%以上: the subject of the clause before
            elif len(re.findall(r"[\u4e00-\u9fff]", piece)) >= 3 and (ps > cs or pe < ce):
                metrics = [_metric(text, ps, pe, cut)]
            else:
                metrics = [_metric(text, cs, ce, cut)]
        prev_metrics = metrics
        for metric in metrics:
            drafts.append(_Draft(plan, blk, "target", metric, qs, ce, (a, e), cmp, t, a))

    # Milestones: dated clauses that hold no quantity.
    has_qty = [(q[2], q[3]) for q in qtys]
    for k, t in enumerate(times):
        scope_end = times[k + 1].start if k + 1 < len(times) else s1
        if t.deadline.kind != "by":
            scope_end = _clause_end(text, t.end, s1)  # 每年/两年 govern their own clause only
        pos = t.start
        first = True
        while pos < scope_end:
            cs = t.start if first else pos
            ce = _clause_end(text, t.end if first else pos, s1)
            body_start = t.end if first else pos
            body = text[body_start:ce].strip("\x00")
            busy = any(x <= body_start < y or body_start <= x < ce for x, y in has_qty)
            if not busy and len(re.findall(r"[\u4e00-\u9fff]", body)) >= 4 and "\x00" not in text[cs:ce]:
                drafts.append(_Draft(plan, blk, "milestone", _metric(text, body_start, ce, []),
                                     t.start, ce, None, None, t, body_start))
            if not first and cs == ce:
                break
            first = False
            pos = ce + 1
    return drafts


def _each_subjects(text: str, cs: int, a: int, times: list[_Time]) -> list[str]:
    """``省工程研究中心、省企业技术中心各100家``, ``A和B均达到60%``, ``A和B双破千``: one metric per subject."""
    m = re.search(r"(?:各|均|双)(?:为|是|达到|达|约|近|保持在|稳定在|不低于|不少于|超过|突破|破|过)?$",
                  text[cs:a])
    if not m:
        return []
    head = _strip_times(text, cs, cs + m.start(), times)
    parts = [_METRIC_DROP.sub("", p) or p for p in re.split(r"[、和及与]", head) if p]
    return parts if len(parts) > 1 else []


def _strip_times(text: str, a: int, b: int, times: list[_Time]) -> str:
    return "".join(ch for i, ch in enumerate(text[a:b], a) if not any(t.start <= i < t.end for t in times))


def _after_cmp(text: str, end: int) -> str | None:
    for rx, cmp in _AFTER_CMP:
        if rx.match(text[end:end + 3]):
            return cmp
    return None


def _before_cmp(text: str, start: int, clause_start: int) -> str | None:
    before = text[max(clause_start, start - 4):start]
    for rx, cmp in _BEFORE_CMP:
        if rx.search(before):
            return cmp
    return None


# --------------------------------------------------------------------------- exclusions


def _reason(doc: _Doc, text: str, pos: int, tok: str, period: Period) -> str:
    ls, le = doc.src.line_span(doc.line_of(pos))
    before, after = text[max(ls, pos - 12):pos], text[pos + len(tok):min(le, pos + len(tok) + 12)]
    if before.count("《") > before.count("》"):
        return "in a document title (《…》), not a deadline or target"
    if before.count("“") > before.count("”") or (before.endswith('"')):
        return "a name or code in quotation marks, not a quantity"
    if re.fullmatch(r"(?:19|20)\d{2}", tok) and after.startswith(("年", "-", "—")):
        y = int(tok)
        if y < period.start.year:
            return "a past year (baseline or background), not a deadline"
        return "a year that dates no drafted entry (check)"
    if re.match(r"[A-Za-z]", after):
        return "part of a name or technical designation (e.g. 5G), not a quantity"
    if re.search(r"按照?|由|留给|保留|收储|奖励", before + after[:3]):
        return "a rule parameter, not a goal"
    if re.match(r"(?:个|家|项|条|市|县|区)", after):
        return "a descriptive count or threshold, no target set on it (check)"
    if re.fullmatch(r"每年|年均|两年|三年|每季度|年底|月底", tok):
        return "a time word that governs no drafted entry (check)"
    return "a number that is not a target of the plan (check)"


def _excerpt(doc: _Doc, pos: int, tok: str) -> tuple[int, int]:
    """Compact span around a token, within its line and clause: a short verbatim text to exclude.

    A token inside a short quotation or a title takes the whole of it (“2115”, 《…（2023-2027年）》)."""
    ls, le = doc.src.line_span(doc.line_of(pos))
    for op, cl, most in (("“", "”", 16), ("《", "》", 60)):
        a, b = doc.c.rfind(op, ls, pos), doc.c.find(cl, pos, le)
        if a != -1 and b != -1 and doc.c.find(cl, a, pos) == -1 and b - a <= most:
            return a, b + 1
    stops = "，,。；;：:、()（）"
    a = pos
    while a > ls and pos - a < 4 and doc.c[a - 1] not in stops:
        a -= 1
    b = pos + len(tok)
    while b < le and b - (pos + len(tok)) < 4 and doc.c[b] not in stops:
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


@dataclass
class _X:
    line: int
    text: str


def find_doc_date(text: str) -> date | None:
    """The document's date: a line of its own such as ``2024年4月22日`` near the top (first 60 lines)."""
    lines = text.split("\n")
    for line in lines[:60]:
        m = _DATE_LINE.match(compact(line))
        if m:
            try:
                return parse_date(compact(line))
            except DeadlineError:
                continue
    return None


def find_period(text: str) -> Period | None:
    """The plan period from the first title that states one: ``…行动计划（2024—2025年）``."""
    for line in text.split("\n")[:400]:
        b = _body(line)
        m = _is_title(b)
        if m and m.group("y1"):
            return Period(date(int(m.group("y1")), 1, 1), date(int(m.group("y2")), 12, 31))
    for line in text.split("\n")[:30]:
        m = _PERIOD_IN_TEXT.search(compact(line))
        if m:
            return Period(date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31))
    return None


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
            period: Period | None = None) -> dict:
    """Draft registry (``meta``, ``entries``, ``exclusions``) for the plan text ``text``.

    ``source_name`` is the source file as the registry should name it (relative to where the draft
    will be saved). ``doc_date`` and ``period`` default to what the text states (see ``find_doc_date``,
    ``find_period``); without a period ExtractError asks for one.
    """
    if not text.strip():
        raise ExtractError("the source text is empty", source_name)
    doc_date = doc_date or find_doc_date(text)
    period = period or find_period(text)
    if period is None:
        raise ExtractError("no plan period in the text (no title like …行动计划（2024—2025年）); "
                           "give it with --period START:END", source_name)
    ctx = Context(doc_date=doc_date, period=period)
    doc = _Doc(text, source_name)
    plans = _structure(doc)

    entries: list[dict] = []
    plan_rows: list[dict] = []
    for pi, plan in enumerate(plans):
        code = _code(pi)
        drafts = sorted(_entries_of_plan(doc, plan, ctx, period), key=lambda d: (d.qstart, d.sort))
        for n, d in enumerate(drafts, 1):
            entries.append(_entry_dict(doc, code, n, d, period))
        short = re.sub(r"(?:创新)?(?:产业)?" + _TITLE_END + "$", "", plan.name)
        short = re.sub(r"^关于", "", short).removesuffix("的") or plan.name
        row = {"code": code, "name": plan.name, "short": short, "group": plan.group,
               "first_line": plan.first_line, "last_line": plan.last_line,
               "complete": True, "coordinator": list(plan.coordinator)}
        if plan.coordinator_quote:
            row["coordinator_quote"] = plan.coordinator_quote
            row["coordinator_line"] = plan.coordinator_line
        row["coordinator_how"] = plan.coordinator_how
        plan_rows.append(row)

    exclusions = _exclusions(doc, plans, entries, period)
    units = sorted({u for e in entries for u in (*e["lead"], *e["support"])}
                   | {u for p in plan_rows for u in p["coordinator"]})
    meta = {
        "draft": True,
        "document": _document(text, doc_date),
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "source": {"file": source_name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   "lines": len(doc.lines)},
        "units_found": units,
        "plans": plan_rows,
    }
    return {"meta": meta, "entries": entries, "exclusions": exclusions}


def _document(text: str, doc_date: date | None) -> dict:
    lines = [ln.strip() for ln in text.split("\n")[:40]]
    title_parts: list[str] = []
    for ln in lines:
        if ln:
            title_parts.append(ln.strip("# *"))
        elif title_parts:
            break
    out: dict = {}
    m = next((m for m in (_DOC_NO.fullmatch(compact(ln)) for ln in lines) if m), None)
    if m:
        out["number"] = m.group()
    if doc_date:
        out["date"] = doc_date.isoformat()
    if title_parts:
        out["title"] = "".join(title_parts)
    return out


def _implied_unit(metric: str) -> str | None:
    """The unit a bare magnitude (双破千, 过千亿) implies, from what its metric counts."""
    if re.search(r"规模|收入|营收|产值|总额|金额|投资|贷款|交易额|增加值", metric):
        return "元"
    if re.search(r"企业|机构|中心|园区|医院|学校", metric):
        return "家"
    if re.search(r"人才|人数|人员|人口", metric):
        return "人"
    return None


def _entry_dict(doc: _Doc, code: str, n: int, d: _Draft, period: Period) -> dict:
    quote = doc.raw(d.qstart, d.qend)
    line = doc.line_of(d.qstart)
    e: dict = {"id": f"{code}-{n:03d}", "kind": d.kind, "plan": code, "section": d.block.section,
               "task": d.block.task, "metric": d.metric}
    if d.value:
        vt = doc.raw(*d.value)
        try:
            q = parse_value(vt)
        except QuantityError:
            q = None
        e["value_text"] = vt
        e["value"] = _num(q.value) if q else None
        if q and q.value_max is not None:
            e["value_max"] = _num(q.value_max)
        e["unit"] = (q.unit or _implied_unit(d.metric)) if q else None
        e["comparator"] = d.comparator
    else:
        e.update({"value_text": None, "value": None, "unit": None, "comparator": None})
    if d.time:
        e["deadline_text"] = doc.raw(d.time.start, d.time.end)
        e["deadline"] = d.time.deadline.date.isoformat()
        e["deadline_inferred"] = False
        if d.time.deadline.kind in ("yearly", "quarterly"):
            e["recurring"] = d.time.deadline.kind
    else:
        e["deadline_text"] = None
        e["deadline"] = period.end.isoformat()
        e["deadline_inferred"] = True
    inferred = not d.block.lead or d.block.section == "总体目标"
    e["lead"] = list(d.plan.coordinator if inferred else d.block.lead)
    e["support"] = [] if inferred else list(d.block.support)
    e["units_inferred"] = inferred
    e["quote"] = quote
    e["line"] = line
    e["draft"] = True
    return e


def _exclusions(doc: _Doc, plans: list[_Plan], entries: list[dict], period: Period) -> list[dict]:
    """An exclusion for every token of the coverage scan that no draft entry accounts for."""
    ents = [_E(e["quote"], e["line"], e["value_text"], e["deadline_text"]) for e in entries]
    covered = sorted(covered_spans(doc.src, ents, []))
    out: list[dict] = []
    done: list[tuple[int, int]] = []
    for p in plans:
        for pos, ln, tok in tokens(doc.src, p.first_line, p.last_line):
            end = pos + len(tok)
            if any(a <= pos and end <= b for a, b in covered) or any(a <= pos and end <= b for a, b in done):
                continue
            a, b = _excerpt(doc, pos, tok)
            txt = doc.raw(a, b)
            done.extend(doc.src.find_all_at_line(txt, ln))
            out.append({"line": ln, "text": txt, "reason": _reason(doc, doc.c, pos, tok, period)})
    return out


# --------------------------------------------------------------------------- writing


_HEADER = """\
# DRAFT registry written by `plancli extract` from {src}. Every entry is marked `draft: true`:
# review each one against the source (metric, value, comparator, deadline, units), delete what is
# not a target, then remove `draft: true`. Exclusions marked "(check)" are the extractor's guesses.
# Plan codes (pa, pb, …) are placeholders: rename them (and the id prefixes) before first use.
"""


def to_yaml(draft: dict) -> str:
    """The draft in the registry's YAML format (no anchors, quoted where YAML would retype)."""
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
    return _HEADER.format(src=draft["meta"]["source"]["file"]) + body


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
        raise ExtractError("source file not found", p) from None
    except IsADirectoryError:
        raise ExtractError("is a directory, not a text file", p) from None
    except PermissionError:
        raise ExtractError("permission denied", p) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ExtractError(f"not UTF-8 (byte 0x{raw[exc.start]:02x}); convert the text to UTF-8", p, line) from None


def parse_period(text: str) -> Period:
    """``START:END`` as dates (``2024-01-01:2025-12-31``) or years (``2024:2025``)."""
    start, sep, end = str(text).partition(":")
    if not sep or not start.strip() or not end.strip():
        raise ExtractError(f"--period {text!r}: expected START:END, e.g. 2024-01-01:2025-12-31 or 2024:2025")
    try:
        a = date(int(start), 1, 1) if start.strip().isdigit() else parse_date(start.strip())
        b = date(int(end), 12, 31) if end.strip().isdigit() else parse_date(end.strip())
        return Period(a, b)
    except (DeadlineError, ValueError) as exc:
        raise ExtractError(f"--period {text!r}: {exc}") from None


def write_draft(draft: dict, out: Path, fmt: str = "yaml") -> list[Path]:
    """Write the draft to ``out`` and its unit table beside it (``<stem>.units.yaml``, named in
    ``meta.units_file``), so that ``plancli validate OUT`` runs as it stands. Existing files are never
    overwritten: a reviewed draft is someone's work."""
    from .fsutil import atomic_write_bytes

    units = out.with_name(f"{out.stem}.units.yaml")
    for p in (out, units):
        if p.exists():
            raise ExtractError("exists already; remove it or choose another --output", p)
    if not out.parent.is_dir():
        raise ExtractError("directory not found", out.parent)
    draft["meta"]["units_file"] = units.name
    text = to_json(draft) if fmt == "json" else to_yaml(draft)
    atomic_write_bytes(units, units_yaml(draft).encode("utf-8"))
    atomic_write_bytes(out, text.encode("utf-8"))
    return [out, units]
