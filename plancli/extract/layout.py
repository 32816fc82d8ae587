"""The layout of a plan's text: plans, sections, tasks and who leads them (for ``plancli extract``).

Structure
    Plan titles are short lines ending in 行动计划/行动方案/实施方案/工作方案/实施意见/规划 (with or
    without a period such as ``（2024—2025年）``), followed by section headings; a title followed
    directly by another title names a group (“十大创新”). Without any title the whole text is one plan.
    Section headings ``一、…`` map to the registry's sections: 目标/指导思想/总体要求 → 总体目标;
    保障/措施/组织实施/工作要求 → 推进措施; anything else (主要任务, 重点任务, 重点工作…) → 主要任务.
    Tasks are the numbered paragraphs ``1.`` / ``（1）`` of a section, else its groups ``（一）``; a
    paragraph broken by a page break (blank line, then a line that is no heading) continues its task.

Units
    A task's parenthetical ``（牵头单位：…；配合单位：…）`` (or 牵头部门/责任单位), which may follow it after a
    page break, gives lead and support (split at 、 and ，; a trailing 等 dropped; 省有关部门、单位 kept as
    one name); also ``〔责任单位：…按职责分工负责。〕`` and an unlabelled ``（X、Y等按职责分工负责）``; without
    any, “（X、Y牵头，Z参与）” / “（X指导）” (roles after the names, no label), else “由X、Y牵头” in the task's
    text names the lead. The plan coordinator is read from its 推进措施: “X牵头负责/统筹推进/牵头实施/负责…”, else the
    first parenthetical there, else the units that lead every task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import PlancliError
from ..text.deadline import Period
from ..text.numerals import COUNTING, DIGITS, NumeralError, read_numeral
from ..text.source import SourceText, compact

__all__ = ["ExtractError", "Doc", "Block", "Plan", "layout", "find_period", "DOC_NO", "DATE_LINE",
           "TITLE_END", "TASK", "GROUP"]


class ExtractError(PlancliError):
    """A source text that cannot be drafted (empty, no plan period, unreadable)."""


# --------------------------------------------------------------------------- patterns (on compact text)

_TITLE = re.compile(
    r"^(?P<name>[“\"]?[^，,。；;：:“”\"《》]{0,40}?[”\"]?[^，,。；;：:《》]{0,40}?"
    r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划))[”\"]?"
    r"(?:[(（](?P<y1>\d{4})年?[—–\-~～至](?P<y2>\d{4})年?[)）])?$")
TITLE_END = r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划)"
_SECTION = re.compile(rf"^([{COUNTING}]+)、(.{{1,20}})$")
GROUP = re.compile(rf"^[(（]([{COUNTING}]+)[)）]")
TASK = re.compile(r"^(\d{1,3})[.．、]|^[(（](\d{1,3})[)）]")  # as coverage's task numbering
_OPEN, _CLOSE = r"[(（〔\[]", r"[)）〕\]]"
_NOT_BRACKET = r"(?:[^()（）〔〕\[\]]|[(（][^()（）]*[)）])"  # one level of （州） inside is fine
# （牵头单位：…；配合单位：…）, 〔责任单位：…按职责分工负责。…〕
_PAREN = re.compile(rf"{_OPEN}\s*((?:牵头单位|牵头部门|牵头责任单位|责任单位|责任部门|牵头)[:：]{_NOT_BRACKET}*?){_CLOSE}")
_PERIOD_IN_TEXT = re.compile(r"[(（](\d{4})年?[—–\-~～至](\d{4})年?[)）]")
DATE_LINE = re.compile(rf"^(?:\d{{4}}|[{DIGITS}]{{4}})年[\d{DIGITS}十]{{1,3}}月[\d{DIGITS}十]{{1,3}}日$")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[]\d{4}[〕\]]\d+号")

# --------------------------------------------------------------------------- the text and its raw form


class Doc:
    """The source as compact text (as ``SourceText``) plus the way back to the verbatim characters."""

    def __init__(self, text: str, name: str):
        self.src = SourceText(Path(name), text)
        self.lines = self.src.lines
        self.c = self.src.compact
        self._map: list[tuple[int, int]] = []  # compact position -> (line index, raw index)
        each: dict[str, str] = {}  # the compact form of each character, once
        for li, line in enumerate(self.lines):
            got: list[tuple[int, int]] = []
            pieces = []
            for ri, ch in enumerate(line):
                n = each.get(ch)
                if n is None:
                    n = each[ch] = compact(ch)
                pieces.append(n)
                got.extend([(li, ri)] * len(n))
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
class Block:
    """One task (or paragraph) of a plan: where it is, what it is, who does it."""

    section: str
    task: int | None
    start: int  # compact position where its text starts (after the task number)
    end: int
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    parens: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Plan:
    name: str
    title_line: int
    group: str
    first_line: int = 0
    last_line: int = 0
    sections: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
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
    """A plan (or group) title: a short line ending in 行动计划/…/方案, not a numbered heading."""
    if len(body) > 48 or any(ch in body for ch in "。，,;；") or GROUP.match(body) or TASK.match(body):
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
    for part in re.split(r"[;；,，]?(?=(?:牵头|配合|协助|协同|参与|责任)(?:责任)?(?:单位|部门)?:)", inner):
        label, sep, names = part.partition(":")
        if not sep:
            continue
        names = re.split(r"(?:按职责分工|分别)?负责|。", names)[0]
        if re.search(r"配合|协助|协同|参与", label):
            support += _split_units(names)
        elif "牵头" in label or "责任" in label:
            lead += _split_units(names)
    return lead, support


_UNIT_SUFFIX = r"(?:厅|委|局|办|部|室|院|会|公司|分行|小组|中心|机关|办公室|政府)"
_PAREN_BARE = re.compile(
    rf"{_OPEN}((?:[^()（）〔〕\[\]、,，:：。;；]{{2,24}}?{_UNIT_SUFFIX}[、,，])*"
    rf"[^()（）〔〕\[\]、,，:：。;；]{{2,24}}?{_UNIT_SUFFIX})等?(?:按职责分工|分别)?负责{_CLOSE}")
# （甲部、乙部牵头，丙部参与）, （甲部牵头负责）, （某部指导）: roles named after the units, without a label.
_UNIT_LIST = rf"(?:[^()（）〔〕\[\]、,，:：。;；]{{2,24}}?{_UNIT_SUFFIX}[、,，和])*[^()（）〔〕\[\]、,，:：。;；]{{2,24}}?{_UNIT_SUFFIX}"
_PAREN_ROLE = re.compile(
    rf"{_OPEN}(?P<lead>{_UNIT_LIST})等?(?:牵头负责|牵头|指导|负责指导)"
    rf"(?:[，,；;](?P<support>{_UNIT_LIST})等?(?:参与|配合|协助|协同)(?:负责)?)?{_CLOSE}")
_INLINE_LEAD = re.compile(
    rf"(?:由|(?<=[。，,;；:：]))((?:[^。，,;；:：()（）、]{{2,24}}?{_UNIT_SUFFIX}、)*[^。，,;；:：()（）、]{{2,24}}?{_UNIT_SUFFIX})"
    r"牵头(?!单位|部门)")
_COORD = re.compile(
    rf"(?:^|(?<=[。，,;；:：)）]))([^。，,;；:：()（）、]{{2,24}}?{_UNIT_SUFFIX})"
    r"(?:牵头负责|统筹推进|牵头实施|牵头抓总|牵头组织|负责统筹|牵头推进|牵头落实|负责)")


def _head_title(doc: Doc) -> tuple[dict[int, str], set[int]]:
    """A title a web page sets over several centred lines (国务院办公厅关于推进 / 政务新媒体健康有序发展的意见)
    above its number or addressee: its first line's index → the whole title, and the other lines' indices.
    Short lines without sentence punctuation, right at the top; a print copy's title is one line."""
    idx = [li for li, line in enumerate(doc.lines[:12]) if _body(line)]
    parts: list[int] = []
    for li in idx:
        b = _body(doc.lines[li])
        if (len(b) > 30 or re.search(r"[。，,；;：:]", b) or DOC_NO.search(b) or DATE_LINE.match(b)
                or _SECTION.match(b) or GROUP.match(b) or TASK.match(b)):
            break
        parts.append(li)
    rest = idx[len(parts)] if len(parts) < len(idx) else None
    ends = rest is not None and (DOC_NO.fullmatch(_body(doc.lines[rest])) or _body(doc.lines[rest]).endswith(("：", ":")))
    if len(parts) < 2 or not ends:
        return {}, set()
    return {parts[0]: "".join(_body(doc.lines[li]) for li in parts)}, set(parts[1:])


def _unquote(name: str) -> str:
    """A name in quotes (“…行动方案”) without them; a quote inside the name (“无废城市”建设试点工作方案) stays."""
    if len(name) > 1 and name[0] in "“\"" and name[-1] in "”\"" and not re.search(r"[“”\"]", name[1:-1]):
        return name[1:-1]
    if name[:1] in "“\"" and not re.search(r"[“”\"]", name[1:]):
        return name[1:]  # its closing quote stood after the name's last word
    return name


def layout(doc: Doc) -> list[Plan]:
    kinds: list[tuple[int, str, str]] = []  # (line index, kind, body)
    joined, folded = _head_title(doc)
    for li, line in enumerate(doc.lines):
        b = joined.get(li) or _body(line)
        if not b or li in folded:
            continue
        m = _is_title(b)
        if _SECTION.match(b.rstrip("。")):
            kinds.append((li, "section", b))
        elif m:
            kinds.append((li, "title", _unquote(m.group("name"))))
        elif GROUP.match(b):
            kinds.append((li, "group", b))
        elif TASK.match(b):
            kinds.append((li, "task", b))
        else:
            kinds.append((li, "text", b))

    plans: list[Plan] = []
    group = ""
    for k, (li, kind, b) in enumerate(kinds):
        if kind != "title":
            continue
        # A title whose next structural line is a section heading opens a plan; one followed by
        # another title (or nothing) names a group of plans.
        nxt = next((kk for _, kk, _ in kinds[k + 1:] if kk in ("title", "section")), None)
        name = _unquote(re.sub(TITLE_END + "$", "", b)) if nxt != "section" else b
        if nxt != "section":
            group = name
            if plans and not plans[-1].last_line:
                plans[-1].last_line = li  # 0-based index of the group title = last line (1-based) before it
            continue
        if plans and not plans[-1].last_line:
            plans[-1].last_line = li
        plans.append(Plan(name=b, title_line=li + 1, group=group, first_line=li + 1))
    if not plans:
        # No titled plan: the whole text is one plan, named by its first line.
        first = next((li for li, _k, _b in kinds), 0)
        plans.append(Plan(name=(joined.get(first) or _body(doc.lines[first]))[:60] or "plan", title_line=first + 1, group="",
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


def _blocks(doc: Doc, plan: Plan, kinds: list[tuple[int, str, str]]) -> None:
    # Which sections number their tasks 1. 2. …: there the task is the Arabic number.
    numbered: set[int] = set()
    sec_no = -1
    for _li, kind, _b in kinds:
        if kind == "section":
            sec_no += 1
        elif kind == "task":
            numbered.add(sec_no)
    section, sec_no, group_no = "总体目标", -1, None
    cur: Block | None = None
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
                m = GROUP.match(b)
                group_no = _group_no(m.group(1))
                skip = m.end()
                task = None if sec_no in numbered else group_no
            elif kind == "task":
                m = TASK.match(b)
                task = int(m.group(1) or m.group(2))
                skip = m.end()
            if section == "总体目标":
                task = None
            # the task number itself is not text of the task
            cur = Block(section, task, start + skip, end)
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
        if not blk.lead:
            # （省发展改革委、省工业和信息化厅等按职责分工负责）: units with no label, then 负责.
            for m in _PAREN_BARE.finditer(text):
                blk.parens.append((blk.start + m.start(), blk.start + m.end()))
                blk.lead = blk.lead or _split_units(m.group(1))
        if not blk.lead:
            for m in _PAREN_ROLE.finditer(text):
                blk.parens.append((blk.start + m.start(), blk.start + m.end()))
                if not blk.lead:
                    blk.lead = _split_units(m.group("lead"))
                    blk.support = _split_units(m.group("support") or "")
        if not blk.lead and blk.section != "总体目标":
            # No parenthetical: “由省发展改革委、省能源局牵头” in the text names the lead.
            m = _INLINE_LEAD.search(text)
            if m:
                blk.lead = _split_units(m.group(1))


def _group_no(s: str) -> int:
    """The number of a group heading （十二）; 0 for one that is no number (（十十）)."""
    try:
        return int(read_numeral(s))
    except NumeralError:
        return 0


def _coordinator(doc: Doc, plan: Plan) -> None:
    measures = [b for b in plan.blocks if b.section == "推进措施"]
    for b in measures:
        m = _COORD.search(doc.c, b.start, b.end)
        if m:
            names = _split_units(re.sub(r"^.*?(?=省|市|中共|国网|国家|人民银行)", "", m.group(1)) or m.group(1))
            names = tuple(n.removeprefix("由") for n in names)  # 由甲部牵头负责: 由 is not part of the name
            plan.coordinator = names
            plan.coordinator_quote = doc.raw(m.start(), m.end())
            plan.coordinator_line = doc.line_of(m.start())
            plan.coordinator_how = "named as coordinating the plan in its 推进措施"
            return
    for b in measures:
        if b.lead:
            # The lead may come from a parenthetical or from running text (建立由甲部、乙部牵头的…机制):
            # only the first has a span to quote.
            plan.coordinator = b.lead
            if b.parens:
                a, e = b.parens[0]
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


