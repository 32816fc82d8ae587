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

__all__ = ["ExtractError", "Doc", "Block", "Plan", "layout", "find_period", "is_title", "subject_units", "DOC_NO", "DATE_LINE",
           "TITLE_END", "TASK", "GROUP"]


class ExtractError(PlancliError):
    """A source text that cannot be drafted (empty, no plan period, unreadable)."""


# --------------------------------------------------------------------------- patterns (on compact text)

_TITLE = re.compile(
    r"^(?P<name>[“\"]?[^，,。；;：:“”\"]{0,40}?[”\"]?[^，,。；;：:]{0,40}?"
    r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划))[”\"]?"
    r"(?:[(（](?P<y1>\d{4})年?[—–\-~～至](?P<y2>\d{4})年?[)）])?$")
TITLE_END = r"(?:行动计划|行动方案|实施方案|工作方案|实施意见|意见|规划|方案|计划)"
# A list an office issues for a year names the year in its title (成都市2021年民生实事工作目标,
# 2025年开发区重点工作及责任清单, 2024年…重点工作目标任务分解表): with a year, these end a title too.
_YEAR_TITLE_END = (r"(?:工作要点|要点|工作目标|目标任务|责任清单|任务清单|工作清单|清单|分解表|分工表|责任分解|任务分解|台账|政策举措|举措|"
                   r"若干措施|工作安排|责任分工|任务分工|工作分工|分工)")  # (2025年金乡县政府重要工作事项责任分工)
_YEAR_TITLE = re.compile(
    rf"^(?P<name>[^，,。；;：:]{{0,30}}?(?P<year>(?:19|20)\d{{2}})年[^，,。；;：:]{{0,40}}?{_YEAR_TITLE_END})$"
    # an edition under the title: 关于推动经济高质量发展若干政策举措 / (2025年版)
    rf"|^(?P<name2>[^，,。；;：:]{{4,60}}?(?:{_YEAR_TITLE_END}|{TITLE_END}))[(（](?P<year2>(?:19|20)\d{{2}})年版[)）]$")
_SECTION = re.compile(rf"^([{COUNTING}]+)、(.{{1,20}})$")
GROUP = re.compile(rf"^[(（]([{COUNTING}]+)[)）]")
TASK = re.compile(r"^(\d{1,3})[.．、。]|^[(（](\d{1,3})[)）]")  # as the tokens' task numbering (1。 too)
_OPEN, _CLOSE = r"[(（〔\[]", r"[)）〕\]]"
_NOT_BRACKET = r"(?:[^()（）〔〕\[\]]|[(（][^()（）]*[)）])"  # one level of （州） inside is fine
# The labels that name who does a task: who leads (牵头单位, 主办), who joins (配合单位, 协办, 实施部门 after a
# 牵头 label), and labels that name no unit of the task (数据提供单位: who supplies the figure).
# A department's own plan names its offices the same ways (牵头处室, 责任科室, 配合处室).
_LEAD_LABEL = r"牵头责任单位|牵头责任部门|牵头单位|牵头部门|牵头处室|牵头科室|主责单位|主责处室|主办单位|主办|牵头"
_SHARED_LABEL = r"责任单位|责任部门|责任主体|责任处室|责任科室|实施部门|实施单位"  # lead alone, support after a 牵头 label
_SUPPORT_LABEL = r"配合单位|配合部门|配合处室|配合科室|协办单位|协办|参与单位|参与部门|协助单位|协同单位"
_OTHER_LABEL = r"数据提供单位|统计单位|督办单位|牵头领导|责任领导|分管领导|责任人|联系人"
_LABEL = rf"(?:{_OTHER_LABEL}|{_LEAD_LABEL}|{_SHARED_LABEL}|{_SUPPORT_LABEL})"
# （牵头单位：…；配合单位：…）, 〔责任单位：…按职责分工负责。…〕, (牵头部门:A;实施部门:B、C)
_PAREN = re.compile(rf"{_OPEN}\s*({_LABEL}[:：]{_NOT_BRACKET}*?){_CLOSE}")
# 责任单位：市发展改革委 / 牵头单位：A on a line of its own under the task
_LABEL_LINE = re.compile(rf"^({_LABEL}[:：].+)$")
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
    heads: int | None = None  # start of the group block heading this task (its units lead it too)
    heading_units: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # named by the section heading
    due: tuple[int, int] | None = None  # compact span of a table row's 完成时限 cell


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
    """A plan (or group) title: a short line ending in 行动计划/…/方案 (or, with a year in it, in 工作目标,
    责任清单, 分解表 …), not a numbered heading."""
    if len(body) > 48 or any(ch in body for ch in "。，,;；") or GROUP.match(body) or TASK.match(body):
        return None
    return _TITLE.match(body) or _YEAR_TITLE.match(body)


def is_title(line: str) -> bool:
    """The line is a plan's title (某市2024年工业节能工作方案, also after 附件:), or the years or edition under one
    standing alone ((2022-2025年), （2025年版）)."""
    b = re.sub(r"^附件\d*[:：]", "", _body(line))
    return bool(_is_title(b) or re.fullmatch(r"[(（](?:(?:19|20)\d{2}年?[—–\-~～至](?:19|20)\d{2}年|(?:19|20)\d{2}年版)[)）]", b))


def title_period(m: re.Match) -> Period | None:
    """The period a title states: its years (…行动计划（2024—2025年）), else the one year it names
    (某市2024年工业节能工作方案, 成都市2021年民生实事工作目标)."""
    g = m.groupdict()
    if g.get("y1"):
        return Period(date(int(g["y1"]), 1, 1), date(int(g["y2"]), 12, 31))
    if g.get("year2"):
        y = int(g["year2"])
        return Period(date(y, 1, 1), date(y, 12, 31))
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年(?!\d|度|版|以来|以前)", m.group(0))}
    if len(years) == 1:
        (y,) = years
        return Period(date(y, 1, 1), date(y, 12, 31))
    return None


def title_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(index, body) of each line that may be a title, a title a page breaks over two short lines (某市2024年 /
    工业节能工作方案; 盐城市深化…数字化转型 / 网络化联接三年行动计划(2025-2027年)) joined on its first line: a short
    line with no punctuation, heading or number, right above a line that ends as a title does."""
    out: list[tuple[int, str]] = []
    bodies = [_body(ln) for ln in lines]
    skip = -1
    for i, b in enumerate(bodies):
        if i == skip or not b:
            continue
        nxt = next((j for j in range(i + 1, min(i + 3, len(bodies))) if bodies[j]), None)
        if (nxt is not None and 4 <= len(b) <= 30 and not _is_title(b) and not re.search(r"[。，,;；:：()（）\[\]〔〕|]", b)
                and not (_SECTION.match(b) or GROUP.match(b) or TASK.match(b) or DATE_LINE.match(b) or DOC_NO.search(b)
                         or re.match(r"^附件\d*$", b))):
            joined = b + bodies[nxt]
            if _is_title(joined):
                out.append((i, joined))
                skip = nxt
                continue
        if nxt is not None and (_is_title(b) or re.search(rf"{_YEAR_TITLE_END}$", b)) and re.fullmatch(r"[(（](?:(?:19|20)\d{2}年?[—–\-~～至](?:19|20)\d{2}年|(?:19|20)\d{2}年版)[)）]",
                                                            bodies[nxt]) and _is_title(b + bodies[nxt]):
            out.append((i, b + bodies[nxt]))  # …若干政策举措 / (2025年版); …行动计划 / （2024—2026年）
            skip = nxt
            continue
        out.append((i, b))
    return out


def _split_units(names: str) -> tuple[str, ...]:
    out: list[str] = []
    depth, part, parts = 0, "", []
    for ch in names:  # 、 inside brackets separates nothing: 各县（市、区）人民政府 is one unit
        depth += ch in "(（[〔"
        depth -= ch in ")）]〕" and depth > 0
        if ch in "、,，" and depth == 0:
            parts.append(part)
            part = ""
        else:
            part += ch
    parts.append(part)
    for part in parts:
        part = part.strip().rstrip("等").strip()
        if not part:
            continue
        if part in ("单位", "部门") and out:  # 省有关部门、单位 is one name
            out[-1] = f"{out[-1]}、{part}"
            continue
        out.append(part)
    return tuple(dict.fromkeys(out))


def _read_paren(inner: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lead and support of a labelled statement: 牵头单位：A；配合单位：B (any of ：: ；; ，, between)."""
    inner = inner.replace("：", ":")
    marks = list(re.finditer(rf"({_LABEL}):", inner))
    has_lead = any(re.fullmatch(_LEAD_LABEL, m.group(1)) for m in marks)
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    for k, m in enumerate(marks):
        names = inner[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(inner)]
        names = re.split(r"(?:按职责分工|分别)?负责|。", names)[0].strip(" ;；,，")
        label = m.group(1)
        if re.fullmatch(_OTHER_LABEL, label):
            continue
        if re.fullmatch(_LEAD_LABEL, label) or (re.fullmatch(_SHARED_LABEL, label) and not has_lead and not lead):
            lead += _split_units(names)
        else:
            support += _split_units(names)
    return tuple(dict.fromkeys(lead)), tuple(u for u in dict.fromkeys(support) if u not in lead)


_UNIT_SUFFIX = r"(?:厅|委|局|办|部|室|院|会|公司|分行|小组|中心|机关|办公室|政府)"
# 各区, 各区政府, 各县（市、区）人民政府, 各乡镇（街道）: the units below a city are real units of a task.
_COLLECTIVE = (r"各(?:区|县|市|区县|县区|县市区|县（市、区）|县\(市、区\)|区（市）县|区\(市\)县|乡镇|镇|街道|乡镇（街道）|"
               r"乡镇\(街道\))(?:人民政府|政府|党委和政府|党委)?")
_ONE_UNIT = rf"(?:{_COLLECTIVE}|[^()（）〔〕\[\]、,，:：。;；]{{2,24}}?{_UNIT_SUFFIX})"
_UNIT_LIST = rf"(?:{_ONE_UNIT}[、,，和])*{_ONE_UNIT}"
_PAREN_BARE = re.compile(rf"{_OPEN}((?:{_ONE_UNIT}[、,，])*{_ONE_UNIT})等?(?:按职责分工|分别)?负责{_CLOSE}")
# （甲部、乙部牵头，丙部参与）, （甲部牵头负责）, （某部指导）: roles named after the units, without a label.
_PAREN_ROLE = re.compile(
    rf"{_OPEN}(?P<lead>{_UNIT_LIST})等?(?:牵头负责|牵头|指导|负责指导)"
    rf"(?:[，,；;](?P<support>{_UNIT_LIST})等?(?:按职责分工负责|按职责分工落实|分工负责|组织落实|具体落实|配合落实|负责落实|"
    rf"组织实施|参与|配合|协助|协同)(?:负责)?)?{_CLOSE}")
# 各区要…, 各县（市、区）人民政府负责…: a task that opens with the units below the city names them.
_COLLECTIVE_LEAD = re.compile(rf"^(?:由)?({_COLLECTIVE}(?:、{_COLLECTIVE})*)(?=要|应|须|负责|牵头|抓好|加快|做好|组织|统筹|结合)")
# A sentence whose subject is a unit: 市发展改革委要…, 由市教育局负责…, 区政府办公室将对…每季度通报…: the unit leads
# what the sentence commits to.
_SUBJECT = re.compile(rf"^(?:由)?({_ONE_UNIT}(?:[、和]{_ONE_UNIT})*)(?=要|将|应|须|需|负责|牵头|会同|联合|统筹|组织|抓好|加快|"
                      r"做好|结合|定期|每季度|每月|每年|于\d)")


# A heading that names who leads every task under it (issue 28, round four): 一、县示范区管委会牵头工作(8项),
# （一）由市发展改革委牵头的工作, 二、区教育局负责事项. A heading that names a person (一、某某区长牵头重点工作: the leader
# in charge) names no unit: its tasks' own units stand.
_HEADING_LEAD = re.compile(rf"^(?:由)?(?P<lead>{_UNIT_LIST})(?:牵头|负责|承办|主办)(?:的)?(?:重点|主要|具体|年度)?"
                           r"(?:工作|事项|任务|项目)(?:清单)?(?:[(（][^()（）]{0,10}[)）])?[。:：]?$")


def heading_lead(body: str) -> tuple[str, ...]:
    """The units a heading's text (after its number) names as the lead of the tasks under it, else ()."""
    m = _HEADING_LEAD.match(body)
    return _split_units(m.group("lead")) if m else ()


def subject_units(text: str) -> tuple[str, ...]:
    """The units a (compact) sentence names as its subject (市发展改革委要…, 由市教育局负责…), else ()."""
    m = _SUBJECT.match(text.lstrip("\x00 "))
    return _split_units(m.group(1)) if m else ()
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
    two = dict(title_lines(doc.lines))
    folded |= {j for i, b in two.items() for j in range(i + 1, i + 3) if b != _body(doc.lines[i]) and j not in two}
    for li, line in enumerate(doc.lines):
        if li in folded:
            continue
        b = joined.get(li) or two.get(li) or _body(line)
        if not b:
            continue
        m = _is_title(b)
        if _SECTION.match(b.rstrip("。")):
            kinds.append((li, "section", b))
        elif m:
            kinds.append((li, "title", _unquote(m.group("name") or m.group("name2"))))
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
    if plans and not plans[0].group and plans[0].first_line > 1:
        # What stands before the first plan (a notice, a page's lead quoting the document's goals) is read with
        # it: its numbers are entries or exclusions like any other.
        plans[0].first_line = 1
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


# A table flattened to text, one cell a line ending in " |" (序号 | 重点工作 | 责任单位 | 完成时限 | then the rows).
_CELL = re.compile(r"^(.*?)\s*[|｜]\s*$")
_COL_NUMBER = re.compile(r"^序号$")
_COL_CONTENT = re.compile(r"任务|工作|内容|事项|项目|目标|措施")
_COL_LEAD = re.compile(rf"^(?:{_LEAD_LABEL})$")
_COL_SHARED = re.compile(rf"^(?:{_SHARED_LABEL})$")
_COL_SUPPORT = re.compile(rf"^(?:{_SUPPORT_LABEL})$")
_COL_TIME = re.compile(r"时限|时间|节点|进度")
_COL_PERSON = re.compile(r"领导|责任人|联系人")


@dataclass
class _Row:
    number: int  # line (1-based) of the row's 序号 cell, 0 when the table has none
    content: tuple[int, int]  # lines (1-based, inclusive) of the content cell
    lead: tuple[str, ...]
    support: tuple[str, ...]
    time: int | None  # line of the 完成时限 cell
    lines: tuple[int, int]  # all the row's lines


def _table_rows(doc: Doc) -> list[_Row]:
    """The rows of each flattened table of the text, with the unit and time columns read by their heading:
    one cell a line ending in " |", or one cell a paragraph without marks (see ``_unmarked_rows``)."""
    cells = [(li + 1, m.group(1).strip()) for li, ln in enumerate(doc.lines) if (m := _CELL.match(ln.strip()))]
    return _marked_rows(cells) + _unmarked_rows(doc)


def _columns(head: list[str]) -> dict[str, int | None] | None:
    """Which column of a table's heading holds the number, content, lead, support and time (None: no table
    of tasks: no content column, or neither a unit nor a time column)."""
    k = len(head)
    has_lead = any(_COL_LEAD.match(h) for h in head)
    col = {"number": next((x for x, h in enumerate(head) if _COL_NUMBER.match(h)), None)}
    col["lead"] = next((x for x, h in enumerate(head) if _COL_LEAD.match(h)), None)
    if col["lead"] is None:
        col["lead"] = next((x for x, h in enumerate(head) if _COL_SHARED.match(h)), None)
    col["support"] = next((x for x, h in enumerate(head) if _COL_SUPPORT.match(h)
                           or (has_lead and _COL_SHARED.match(h))), None)
    col["time"] = next((x for x, h in enumerate(head) if _COL_TIME.search(h)), None)
    skip = {v for v in col.values() if v is not None} | {x for x, h in enumerate(head) if _COL_PERSON.search(h)}
    col["content"] = next((x for x, h in enumerate(head) if x not in skip and _COL_CONTENT.search(h)),
                          next((x for x in range(k) if x not in skip), None))
    if col["content"] is None or (col["lead"] is None and col["time"] is None):
        return None
    return col


def _row(row: list[tuple[int, str]], col: dict[str, int | None], k: int, end: int) -> _Row:
    """A table row from its cells (line, text) as the heading's columns name them; a row the page cuts short
    has the cells it has. ``end`` is the last line of the row's content when it has no next cell."""
    got = {name: (row[x] if x is not None and x < len(row) else None) for name, x in col.items()}
    units = {name: (_split_units(got[name][1]) if got[name] and got[name][1] else ()) for name in ("lead", "support")}
    content = got["content"]
    nxt = row[col["content"] + 1][0] - 1 if col["content"] + 1 < len(row) else end
    return _Row(got["number"][0] if got["number"] else 0, (content[0], max(content[0], nxt)),
                units["lead"], units["support"], got["time"][0] if got["time"] else None,
                (row[0][0], row[-1][0]))


_GROUP_ROW = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])")


def _unmarked_rows(doc: Doc) -> list[_Row]:
    """A table a page flattens one cell a paragraph, with no cell marks (序号 / 目标任务 / 牵头单位 / 责任单位, then
    1 / ★地区生产总值增长15%。/ 区发改局 …): its heading opens with 序号 and names a unit or time column; each row
    opens with its number, a group row (一、… (牵头领导:…)) between rows belongs to none, and the table ends at the
    first line after a row that is neither a number nor a group row."""
    filled = [(li + 1, compact(ln)) for li, ln in enumerate(doc.lines) if ln.strip() and not _CELL.match(ln.strip())]
    rows: list[_Row] = []
    i = 0
    while i < len(filled):
        if not _COL_NUMBER.match(filled[i][1]):
            i += 1
            continue
        j = i
        while j < len(filled) and len(filled[j][1]) <= 10 and not re.search(r"[\d。，,；;:：]", filled[j][1]):
            j += 1
        head = [c for _, c in filled[i:j]]
        col = _columns(head) if len(head) >= 3 else None
        if col is None or col["number"] != 0:
            i += 1
            continue
        k = len(head)
        r = j
        while r < len(filled):
            if _GROUP_ROW.match(filled[r][1]):
                r += 1  # a group row spanning the table
                continue
            if not re.fullmatch(r"\d{1,3}", filled[r][1]):
                break
            e = r + 1
            while e < len(filled) and e - r < k and not re.fullmatch(r"\d{1,3}", filled[e][1]) \
                    and not _GROUP_ROW.match(filled[e][1]):
                e += 1
            cells = [(ln, c) for ln, c in filled[r:e]]
            if len(cells) > col["content"]:
                rows.append(_row(cells, col, k, filled[e - 1][0]))
            r = e
        i = max(r, j)
    return rows


def _marked_rows(cells: list[tuple[int, str]]) -> list[_Row]:
    """The rows of tables flattened one cell a line ending in " |"."""
    rows: list[_Row] = []
    i = 0
    while i < len(cells):
        # a header: three or more short cells without digits, one right under the other
        j = i
        while j < len(cells) and len(compact(cells[j][1])) <= 10 and not re.search(r"\d", cells[j][1]) \
                and (j == i or cells[j][0] - cells[j - 1][0] <= 2):
            j += 1
        head = [compact(c).replace(" ", "") for _, c in cells[i:j]]
        if len(head) < 3:
            i += 1
            continue
        k = len(head)
        col = _columns(head)
        if col is None:
            i = j
            continue
        r = j
        while r + k <= len(cells) and (col["number"] is None or re.fullmatch(r"\d{1,3}", cells[r + col["number"]][1])):
            row = cells[r:r + k]
            rows.append(_row(row, col, k, row[col["content"]][0]))
            r += k
        i = max(r, j)
    return rows


def _blocks(doc: Doc, plan: Plan, kinds: list[tuple[int, str, str]]) -> None:
    # Which sections number their tasks 1. 2. …: there the task is the Arabic number.
    numbered: set[int] = set()
    sec_no = -1
    for _li, kind, _b in kinds:
        if kind == "section":
            sec_no += 1
        elif kind == "task":
            numbered.add(sec_no)
    rows = [r for r in _table_rows(doc) if plan.first_line <= r.lines[0] and r.lines[1] <= plan.last_line]
    in_table = {ln for r in rows for ln in range(r.lines[0], r.lines[1] + 1)}
    kinds = [x for x in kinds if x[0] + 1 not in in_table]
    section, sec_no, group_no = "总体目标", -1, None
    sec_units: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    group_blk: Block | None = None
    groups: set[int] = set()  # the group headings' blocks
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
            lead, support, _spans = units_of(b)
            if not lead:
                lead = heading_lead(m.group(2).rstrip("。"))  # 一、县示范区管委会牵头工作(8项)
            sec_units = (lead, support)
            group_blk = None
            plan.sections.append((li + 1, section))
            cur = None
            continue
        # A paragraph that ends in its units (…。（省工业和信息化厅牵头）) closes its task: the next paragraph of
        # the section is a task of its own, not more of this one.
        closed = cur is not None and kind == "text" and _ends_in_units(doc.c[cur.start:cur.end])
        if kind in ("group", "task") or cur is None or closed:
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
            cur = Block(section, task, start + skip, end, heading_units=sec_units)
            if kind == "group":
                group_blk = cur
                groups.add(id(cur))
            elif group_blk is not None:
                cur.heads = group_blk.start
            plan.blocks.append(cur)
        else:
            cur.end = end
    for blk in plan.blocks:
        _units_of_block(doc, blk)
        if not blk.lead and id(blk) in groups:
            # （一）由市发展改革委牵头的工作: the group heading leads the tasks under it
            _ls, le = doc.src.line_span(doc.line_of(blk.start))
            blk.lead = _verbatim(doc, heading_lead(doc.c[blk.start:le]), blk.start, le)
    for r in rows:
        a, _e = doc.src.line_span(r.content[0])
        _a, e = doc.src.line_span(r.content[1])
        blk = Block("主要任务", None, a, e, lead=_verbatim(doc, r.lead, doc.src.line_span(r.lines[0])[0], e + 200),
                    support=_verbatim(doc, r.support, a, e + 200))
        if r.time:
            blk.due = doc.src.line_span(r.time)
        plan.blocks.append(blk)
    plan.blocks.sort(key=lambda b: b.start)
    # A heading that names its units (一、强化科技创新(区科技局牵头); （一）…（X牵头）) leads the tasks under it
    # that name none.
    for blk in plan.blocks:
        if not blk.lead and blk.heads:
            src = next((b for b in plan.blocks if b.start == blk.heads), None)
            if src is not None and src.lead:
                blk.lead, blk.support = src.lead, src.support
        if not blk.lead and blk.heading_units[0]:
            blk.lead, blk.support = blk.heading_units


def _ends_in_units(text: str) -> bool:
    lead, _support, spans = units_of(text)
    return bool(lead) and any(e >= len(text.rstrip("。;；")) for _a, e in spans)


def units_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[int, int]]]:
    """Lead and support a (compact) text names in a parenthetical, and the parentheticals' spans: labelled
    （牵头单位：…；配合单位：…）, bare （X、Y按职责分工负责）, or roles after the names （X牵头负责，Y组织落实）."""
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    spans: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text):
        got, sup = _read_paren(m.group(1))
        spans.append(m.span())
        if got and not lead:
            lead, support = got, sup
    if not lead:
        for m in _PAREN_BARE.finditer(text):
            spans.append(m.span())
            lead = lead or _split_units(m.group(1))
    if not lead:
        for m in _PAREN_ROLE.finditer(text):
            spans.append(m.span())
            if not lead:
                lead = _split_units(m.group("lead"))
                support = _split_units(m.group("support") or "")
    return lead, support, spans


def _verbatim(doc: Doc, names: tuple[str, ...], lo: int, hi: int) -> tuple[str, ...]:
    """Unit names as the source writes them (各县（市、区）人民政府), not in their compact form."""
    out = []
    for n in names:
        i = doc.c.find(n, lo, hi)
        out.append(doc.raw(i, i + len(n)).strip() if i != -1 else n)
    return tuple(out)


def _units_of_block(doc: Doc, blk: Block) -> None:
    _read_units_of_block(doc, blk)
    blk.lead = _verbatim(doc, blk.lead, blk.start, blk.end)
    blk.support = _verbatim(doc, blk.support, blk.start, blk.end)


def _read_units_of_block(doc: Doc, blk: Block) -> None:
    text = doc.c[blk.start:blk.end]
    blk.lead, blk.support, spans = units_of(text)
    blk.parens.extend((blk.start + a, blk.start + e) for a, e in spans)
    # 责任单位：X (or 牵头单位：A / 配合单位：B) on lines of their own under the task
    for li in range(doc.line_of(blk.start), doc.line_of(max(blk.start, blk.end - 1)) + 1):
        a, e = doc.src.line_span(li)
        a = max(a, blk.start)
        m = _LABEL_LINE.match(doc.c[a:e])
        if m and a > blk.start:
            lead, support = _read_paren(m.group(1))
            blk.parens.append((a, e))
            if lead and not blk.lead:
                blk.lead = lead
            elif lead and not re.match(rf"(?:{_LEAD_LABEL})[:：]", m.group(1)):
                support = lead + support  # 牵头单位:A, then 责任单位:B on the next line: B supports
            blk.support = tuple(u for u in dict.fromkeys(blk.support + support) if u not in blk.lead)
    if not blk.lead and blk.section != "总体目标":
        # No parenthetical: “由省发展改革委、省能源局牵头” in the text names the lead, or the task opens with
        # the units below the city (各区要…).
        m = _INLINE_LEAD.search(text) or _COLLECTIVE_LEAD.match(text)
        if m:
            blk.lead = _split_units(m.group(1))
        else:
            blk.lead = subject_units(text)  # 市发展改革委要…: the task's first sentence names its unit


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
    """The plan period from the first title that states one: ``…行动计划（2024—2025年）``, or the one year of
    a title (``某市2024年工业节能工作方案``), a title over two lines read as one."""
    for _i, b in title_lines(text.split("\n")[:400]):
        m = _is_title(b)
        p = title_period(m) if m else None
        if p:
            return p
    for line in text.split("\n")[:30]:
        c = compact(line)
        for m in _PERIOD_IN_TEXT.finditer(c):
            if c.count("《", 0, m.start()) > c.count("》", 0, m.start()):
                continue  # 《上海市海绵城市专项规划(2016-2035)》: another document's years
            return Period(date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31))
    return None


