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

__all__ = ["ExtractError", "Doc", "Block", "Plan", "layout", "find_period", "is_title", "subject_units", "sentence_subject", "clause_units", "DOC_NO", "DATE_LINE",
           "TITLE_END", "TASK", "GROUP", "top_lines", "end_lines",
           "is_page_furniture"]


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
                   r"若干措施|工作安排|安排|责任分工|任务分工|工作分工|分工|实事项目|"
                   # the year's list as its progress is reported: 2023年区政府重点民生实事项目推进情况(1-11月)
                   r"推进情况|进展情况|完成情况|落实情况|"
                   # the year's list as a form to fill in: 2021年新昌县政府十方面民生实事进展情况登记表 (round twenty-two)
                   r"登记表|情况表|一览表|"
                   # the tasks of a year's work report: 2023年度政府工作报告重点任务 (新昌, round thirty's held-out set)
                   r"工作报告重点任务)"  # (2025年金乡县政府重要工作事项责任分工)
                   # a notice of how the year's list went: 2021年度市政府重点工作落实情况的通报 (六安, round thirty-two's
                   # held-out set: the post time, 2022-01-30, had set the period)
                   r"(?:(?<=情况)的通报)?")
_YEAR_TITLE = re.compile(
    rf"^(?P<name>[^，,。；;：:]{{0,30}}?(?P<year>(?:19|20)\d{{2}})年[^，,。；;：:]{{0,40}}?{_YEAR_TITLE_END})"
    # (a note in brackets after it: (1-11月), (一季度政府工作报告重点任务执行落实情况) — 开化县's title, round fifteen)
    r"(?:[(（](?:[\d\-—–~～至一二三四五六七八九十]{1,8}月(?:份)?|[^()（）。，,；;：:]{2,30})[)）])?$"
    # an edition under the title: 关于推动经济高质量发展若干政策举措 / (2025年版)
    rf"|^(?P<name2>[^，,。；;：:]{{4,60}}?(?:{_YEAR_TITLE_END}|{TITLE_END}))[(（](?P<year2>(?:19|20)\d{{2}})年版[)）]$")
_SECTION = re.compile(rf"^([{COUNTING}]+)、(.{{1,20}})$")
# An item's number as a list writes it: 四、, （二）, 3. / 3、 (a line of its own, or opening a sentence)
ITEM_NUMBER = r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、]"
GROUP = re.compile(rf"^[(（]([{COUNTING}]+)[)）]")
# (a decimal with its measure word alone is no number and its figure: 4.334公里, 430.549公里 — a cell of 黄浦's inventory
# set a line of its own, round thirty-seven's held-out set, had been read as task 4 of 334公里; 2.50个小区新增… — words
# after it — and 1.2024年3月底前 stay tasks)
_DECIMAL_MEASURE = (r"\d+(?:万|亿)?(?:%|％|‰|公里|千米|平方米|平米|立方米|千瓦|公顷|小时|吨|亩|米|元|"
                    r"[个座支处家所条项件台套辆人户次名份株头只])")
TASK = re.compile(rf"^(\d{{1,3}})(?:[.．](?!{_DECIMAL_MEASURE}(?:$|[\s|｜]))|[、。])|^[(（](\d{{1,3}})[)）]")  # as the tokens' task numbering (1。 too)
_OPEN, _CLOSE = r"[(（〔\[【]", r"[)）〕\]】]"  # (【牵头单位:…】 as some pages bracket it — round ten)
_NOT_BRACKET = r"(?:[^()（）〔〕\[\]【】]|[(（〔][^()（）〔〕]*[)）〕])"  # one level of （州） or 〔市〕 inside is fine
# The labels that name who does a task: who leads (牵头单位, 主办), who joins (配合单位, 协办, 实施部门 after a
# 牵头 label), and labels that name no unit of the task (数据提供单位: who supplies the figure).
# A department's own plan names its offices the same ways (牵头处室, 责任科室, 配合处室).
_LEAD_LABEL = r"牵头考核单位|主要责任单位|主要责任部门|牵头责任单位|牵头责任部门|牵头单位|牵头部门|牵头处室|牵头科室|主责单位|主责处室|主办单位|主办|牵头"
_SHARED_LABEL = (r"责任处室及单位|责任单位及处室|责任单位|责任部门|责任主体|责任处室|责任科室|实施部门|实施单位|实施主体|承办单位|承办部门|具体负责单位|负责单位|负责部门|"
                 r"落实单位|推进单位|推进部门|项目单位|建设单位|业主单位")  # lead alone, support after a 牵头 label (承办单位, 实施主体, 落实单位: round fifteen;
# 推进单位: 静安's 城市更新 task list, round thirty-six; 项目单位 / 建设单位, the unit a project table names as building it:
# 松江's 能源 projects, round fifty-two's held-out set)
_SUPPORT_LABEL = (r"协同配合单位|协同责任单位|配合责任单位|配合单位|配合部门|配合处室|配合科室|协办单位|协办|参与单位|参与部门|协助单位|"
                  r"协同单位|支撑单位|支持单位|配合|参与")  # (牵头:A;配合:B — the bare role words as labels, round ten; 支撑单位:
# 松江's 城市更新 plan, round thirty-five)
_OTHER_LABEL = r"数据提供单位|统计单位|督办单位|督导单位|督查单位|牵头领导|责任领导|分管领导|责任人|联系人"
# When the task is due, beside its units: (牵头单位:X;完成时限:2024年10月底前), 时间节点:… on a line of its own (round ten)
_TIME_LABEL = r"完成时限|完成时间|完成期限|办结时限|时限要求|时间节点|时间要求|时间安排|截止时间|完成时点|时限"
# (市级配合单位:…, 市级督导单位:… — a label naming the level of the units it names, 临沧's 殡葬 plan, round seventy-two's
# held-out set, whose label lines had been drafted as steps: the label it opens with is the role)
_LEVEL = r"(?:(?:省|市|州|盟|县|区|旗|乡|镇)级)"
_LABEL = rf"(?:{_LEVEL}?(?:{_OTHER_LABEL}|{_TIME_LABEL}|{_LEAD_LABEL}|{_SHARED_LABEL}|{_SUPPORT_LABEL}))"
# A date a unit parenthetical or label line gives for the task: after a time label, or a piece that is a date
# ((牵头单位:X,2024年10月底前完成)).
_DUE_IN = re.compile(rf"(?:(?:{_TIME_LABEL})[:：]|[【\[〔](?:{_TIME_LABEL})[】\]〕]|(?<=[;；,，])\s*时间[:：])"
                     r"\s*([^;；,，)）〕\]】【\[〔]+)"  # (…;时间:2024年12月: 时间 alone, after the units — round fifteen)
                     r"|(?<=[;；,，])\s*((?:19|20)\d{2}年[^;；,，)）〕\]】]{0,12}?(?:前|底|末|内|月|完成))")
# （牵头单位：…；配合单位：…）, 〔责任单位：…按职责分工负责。…〕, (牵头部门:A;实施部门:B、C)
_PAREN = re.compile(rf"{_OPEN}\s*({_LABEL}[:：]{_NOT_BRACKET}*?){_CLOSE}")
# （5月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）: the task's timing, then its units (包头's 数字政府 task list,
# round fifty-one's held-out set — every task had been led by a unit read out of another's text): the units are read and
# blanked from the label on; the timing stays text, a dated step of the task.
_PAREN_TIMED = re.compile(rf"{_OPEN}[^()（）〔〕\[\]【】:：，,；;]{{2,30}}?[，,；;]\s*(?P<said>{_LABEL}[:：]{_NOT_BRACKET}*?){_CLOSE}")
# 责任单位：市发展改革委 / 牵头单位：A on a line of its own under the task
# A label and its names: 牵头单位:X, and a label a page sets in brackets with its names after it (【牵头单位】X, [责任单位]X,
# round fifteen — read as 牵头单位:X).
_SAID = rf"(?:[【\[〔](?:{_LABEL})[】\]〕]|(?:{_LABEL})[:：]|(?:{_LEAD_LABEL}|{_SHARED_LABEL})为)"  # (责任单位为X too)
_LABEL_LINE = re.compile(rf"^({_SAID}.+)$")
# …新建充电桩500个。责任单位:市发改委;完成时限:2024年6月底前 — the labels after the task's last sentence (any number of
# them), on its line; a bracketed label after any word
_LABEL_TAIL = re.compile(rf"(?:(?<=[。；;])|(?=[【\[〔]))[\x00\s]*(({_SAID})([^。；;:：【\[〔]+?)"
                         rf"(?:[；;,，\x00\s]*{_SAID}[^。；;:：【\[〔]+?)*)[。；;]?[\x00\s]*$")
_LABEL_ALONE = re.compile(rf"^[\x00\s]*(?:{_LABEL})[:：]?[\x00\s]*$")
_LABEL_PIECE = re.compile(r"牵头|责任|配合|协办|主办|实施|主要责任|协同|参与|完成|办结")  # (a label's first half, 牵头 / 单位:…)
_PERIOD_IN_TEXT = re.compile(r"[(（](\d{4})年?[—–\-~～至](\d{4})年?[)）]")
DATE_LINE = re.compile(rf"^(?:\d{{4}}|[{DIGITS}]{{4}})年[\d{DIGITS}十]{{1,3}}月[\d{DIGITS}十]{{1,3}}日$")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[]\d{4}[〕\]]\d+号")

def top_lines(lines: list[str], n: int) -> list[str]:
    """The first ``n`` lines of a text counted as lines with text: a page that sets a blank line (or several) between
    its lines has the same head as one that does not (a headline, a title, a date line looked for "near the top")."""
    k = seen = 0
    while k < len(lines) and seen < n:
        seen += bool(lines[k].strip())
        k += 1
    return lines[:k]


def end_lines(lines: list[str], n: int) -> list[str]:
    """The last ``n`` lines with text of a text, and the blank lines among them (``top_lines``' other end)."""
    k, seen = len(lines), 0
    while k > 0 and seen < n:
        k -= 1
        seen += bool(lines[k].strip())
    return lines[k:]


# --------------------------------------------------------------------------- the text and its raw form


# A space inside a number or a date, as a copy out of a PDF or a word processor writes it (2024 年, 15 亿元, 到 2027 年,
# 完成 90%): one space (or a no-break space) between a digit and a Chinese character or %, either way round. The rules that
# read lines (a title, a topic year, a heading's year, a label) read the unspaced form; the compact text the numbers are
# read from is the same either way, and quotes stay verbatim (``Doc.raw``). A short number opening its line and a space
# after it (1 地区生产总值… — a row of a table whose cells are set apart by spaces, 谯城) keeps its space: it is a row's
# or an item's number, never glued to the task.
# Two numbers a space sets apart stay apart, and so does a date or a time of day written with - / : (2025-01-19 10:47:47
# 来源: a post time and its label, 重庆).
_INNER_SPACE = re.compile(r"(?<=[0-9%])[ \u00a0](?=[%\u3400-\u9fff])|(?<=[\u3400-\u9fff])[ \u00a0](?=[0-9])")
_ROW_NUMBER = re.compile(r"^\s*\d{1,3}$")
_CLOCK = re.compile(r"[:：/\-]\d*$")


def _inner_space(m: re.Match) -> str:
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    return m.group(0) if _ROW_NUMBER.match(line) or _CLOCK.search(line.rsplit(" ", 1)[-1]) else ""


def unspaced(text: str) -> str:
    """``text`` with the spaces inside its numbers and dates taken out (2024 年 → 2024年, 15 亿元 → 15亿元): what the
    rules read. Only spaces go, so the compact text, the lines and what a quote is verbatim of stay as they were."""
    return _INNER_SPACE.sub(_inner_space, text) if _INNER_SPACE.search(text) else text


class Doc:
    """The source as compact text (as ``SourceText``) plus the way back to the verbatim characters. The rules read
    ``lines``, the text ``unspaced``; ``raw`` gives back the verbatim characters of the text as written."""

    def __init__(self, text: str, name: str):
        read = unspaced(text)
        self.src = SourceText(Path(name), read)
        self.lines = self.src.lines
        self._verbatim = text.split("\n") if read is not text else self.lines
        self.c = self.src.compact
        self._map: list[tuple[int, int]] = []  # compact position -> (line index, raw index)
        self.margin: int | None = None  # the indent of every line with text (clauses._margin), once asked
        each: dict[str, str] = {}  # the compact form of each character, once
        for li, line in enumerate(self._verbatim):
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
        lines = self._verbatim
        if l1 == l2:
            out = lines[l1][i1:i2 + 1]
        else:
            mid = [ln.strip() for ln in lines[l1 + 1:l2] if ln.strip()]
            out = lines[l1][i1:].rstrip() + "".join(mid) + lines[l2][:i2 + 1].lstrip()
        out = out.replace("*", "")
        return out if compact(out) == self.c[a:b] else self.c[a:b]


# What a web page sets around a document: its index block (索引号, 发文日期, 文号 …, a label and its value on a line
# or on lines of their own), its post time and source, view counts, breadcrumbs, related links. None of it is
# text of the plan: its numbers and dates are the page's.
_FURNITURE = re.compile(
    # (an index block's label stands before its value: a colon, a bar, a space or the line's end after it — the same
    # words inside a task, 丰富公开方式,发布政策解读100篇 or 提升监管有效性 in a table's row, are the plan's: round ten)
    r"(?:(?:索\s*引\s*号|发布日期|发布时间|更新时间|发文日期|成文日期|生成日期|产生日期|印发日期"
    r"|浏览次数|阅读次数|点击量|点击数|浏览量|发文字号|发文文号|发布机构|发文单位|发文机关|"
    r"发布机关|主题分类|组配分类|信息分类|体裁分类|文件类型|公开方式|公开类型|公开属性|公开范围|公开期限|有\s*效\s*性|效力状态)"
    r"(?=\s|[:：|｜\]】]|$)|(?:^|\s|信息)来源[:：]|字体[:：【]|字号[:：]|文\s*号[:：|]|"
    r"相关新闻|当前位置|所在(?:的)?位置[:：]|^您的位置|^你的位置|[^>\s]{1,12}\s>\s[^>\s]{1,12}\s>\s|^首页|^>(?!\s*\d+(?:\.\d+)?\s*(?:%|‰|$))|分享到|扫一扫|打印本页|关闭窗口|责任编辑|>>|设为首页|加入收藏|站内搜索|^头条新闻|^最新动态"
    r"|文章字数[:：]|^当前版[:：]|上一版|下一版|^通版阅读|^展开通版|^收缩通版"  # an e-paper's page lines
    r"|^在线读报|^电子报|^数字报|^往期回顾|^版面导航|^本版标题"  # its navigation, the day's headlines beside it (round nineteen)
    # links to the site's other posts and its footer (round twelve, looked for on small news pages): 上一篇:全市新增就业
    # 1.2万人 is another page's headline; 版权所有, ICP备…, 网站标识码, 联系电话 are the site's
    r"|^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)[:：]|版权所有|ICP备|网站标识码|公安备案|^联系电话[:：]"
    # a news site's contact lines (广告热线: (0871)65364045  新闻热线: …, 违法和不良信息举报电话: …, 举报邮箱:): the site's,
    # their digits no quantity (云南, round twenty-one: a page laid out double-spaced ran 新闻热线's number into 24小时)
    r"|(?:广告|新闻|举报|投稿|值班|报料)(?:热线|电话|邮箱)\s*[:：]"
    # a site's credits (主办单位:某市人民政府办公室 承办单位:某市大数据中心) and its counters (访问量:1234): the site's, never a
    # task's units (round fifteen: the footer's 主办单位 had led the last task)
    # an index block laid out one pair a line (| 名 称: | 某局2025年二季度重点工作落实情况 |, round seventeen): the title
    # the site files the page under, never a step (its year and quarter had been drafted as a milestone)
    r"|^[|｜]?\s*名\s*称\s*[:：]\s*[|｜]"
    r"|^主办(?:单位)?[:：][^。]{2,40}?(?:承办|协办|技术支持|运维|维护)(?:单位)?[:：]|^技术支持[:：]"
    r"|(?:访问量|访问次数|阅读量|阅读数)[:：]"
    # the site's list of a post's attachments and related files under the text (相关附件: / 相关文档:, 海口, round twenty-one's
    # held-out set: the text's last sentence had run on over them, its quote past its line)
    r"|^(?:相关附件|相关文档|相关文件|附件下载)[:：]?$"
    r"|\.(?:jpe?g|png|gif|bmp|webp)$)")  # (an image's file name the page shows above its headline)
# A post's time: 2025-01-19 10:47:47, 2024/10/10 9:01:14, 2023年02月13日 10:53:20 (with a source or count after it).
# (http://www.ceiea.com2020年04月02日 14:40教育装备网: the site's address before it — 遂宁's 健身 report, round
# hundred-and-thirty-ninth's held-out set, whose post time had been joined to its first paragraph and drafted as a step)
_POST_TIME = re.compile(r"^(?:发布时间[:：]?\s*|时间[:：]\s*|(?:https?://)?[A-Za-z0-9.-]+\.(?:com|cn|net|org)(?:\.cn)?/?\s*)?(?:19|20)\d{2}(?:\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
                        r"|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*\d{1,2}\s*:\s*\d{2}|\s*来源[:：])")
# (2023- 02- 09 10:47: spaces too; 2024年03月15日来源:沈河区人民政府办公室 — a post's date with its source, round twenty)
_TICKER_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)")


def is_page_furniture(line: str) -> bool:
    """A line of the page around the document (index block, post time, source, counts, breadcrumbs, links)."""
    raw = line.strip()
    if raw and len(_TICKER_DATE.findall(raw)) >= 2 and "。" not in raw:
        return True  # a ticker of dated headlines (· 城中区举办…竞赛 2024-05-17 · …): the site's, not the text's
    if not raw or "。" in raw or len(raw) > 160:
        return False
    return bool(_FURNITURE.search(raw) or _POST_TIME.match(raw) or MENU_LINE.match(raw))



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
    breaks: set[int] = field(default_factory=set)  # where a table row's cells (and the steps they number) end
    row_step: bool = False  # the step a table row's 完成时限 cell dates is drafted (one a row: clauses.py)
    midline: bool = False  # a cell of a row after its task's (一季度目标): what stands before it on its line is no number
    # a cell of a target table's year column (15、37 under 2023年目标): its figures are targets of the row's indicators, in
    # the measures the row names (个, 亿元), due when its column says (``due``); ``metric`` the row's label
    figure: tuple[str, ...] | None = None
    metric: str = ""
    # a row of a time and a unit only (2021.8 | 城投集团 under the row of its task): that unit's share of the task above, a
    # step due when its cell says; ``metric`` the task's text
    share: bool = False
    # the lead is the subject of the task's first sentence, no label: a later sentence with a unit of its own as its
    # subject is that unit's (市住建局要…。市轨道交通公司要…: round twenty-nine)
    subject: bool = False
    # the lead is read from running text (由X牵头, X牵头…, 各区要…), no label or parenthetical: a sentence's actor, which the
    # row of an annex task table restating the task overrides (_annex_units)
    running: bool = False
    # a row of a quota table (单位 | 任务数(人), a figure shared out among units): its unit's own share, never a unit the
    # plan's other tasks fall back on (_coordinator)
    quota: bool = False


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
    baselines: list[tuple[int, int]] = field(default_factory=list)  # compact spans of a target table's baseline cells
    # each row of an annex task table that restates a body task: (the row's lines, the task's lines), first and last
    restating: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # the lines of the task table rows that name their units (a lead cell): a figure a body paragraph states again there
    # takes the row's units (draft._units_from_rows)
    unit_rows: set[int] = field(default_factory=set)


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
    span = re.search(r"(?<!\d)((?:19|20)\d{2})年?[—–\-~～至]((?:19|20)\d{2})年(秋冬季)?", m.group(0))
    if span and int(span.group(1)) < int(span.group(2)):
        # 侯马市2025—2026年秋冬季大气污染综合治理攻坚行动方案 (round eighty-four: read as 2026 alone, its 2025 goals past): the
        # years it spans; an autumn-and-winter campaign's from October to the March after
        a, z = int(span.group(1)), int(span.group(2))
        if span.group(3) and z == a + 1:
            return Period(date(a, 10, 1), date(z, 3, 31))
        return Period(date(a, 1, 1), date(z, 12, 31))
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年(?!\d|度|版|以来|以前)", m.group(0))}
    if len(years) == 1:
        (y,) = years
        return Period(date(y, 1, 1), date(y, 12, 31))
    if not years and g.get("year") and re.match(rf"(?:【[^【】]{{1,12}}】)?{g['year']}年度", m.group(0)):
        # 2023年度政府工作报告重点任务: a year list's title opening with its 年度 (新昌, round thirty's held-out set: the post
        # time, 2024-01-03, had set the period)
        y = int(g["year"])
        return Period(date(y, 1, 1), date(y, 12, 31))
    if not years and (t := re.search(r"十([一二三四五六七八九])五(?!年)", m.group(0))):
        # 西安市“十四五”就业促进实施方案 (round sixty-one's held-out set: the date line, 2022-07-18, had set the period): the
        # five-year term the title names (the n-th ends in 1970 + 5 (n - 3), as text.deadline reads 十四五)
        end = 1970 + 5 * (10 + "一二三四五六七八九".index(t.group(1)) + 1 - 3)
        return Period(date(end - 4, 1, 1), date(end, 12, 31))
    return None


# A document's title standing on its line: 某某关于印发…的通知, 《…》的通知, …的实施意见.
NOTICE_TITLE = re.compile(r"^(?=.*(?:关于|《|〈|印发|转发))[^。，,；;！!？?]{4,120}?(?:的通知|的决定|的批复|的公告|的通告|的意见|实施意见|"
                          r"的函|的报告)$")
_YEARS = r"[(（](?:(?:19|20)\d{2}年?[—–\-~～至](?:19|20)\d{2}年|(?:19|20)\d{2}年版)[)）]"


# A site's menu or accessibility label standing alone above the text (导航菜单, 无障碍浏览): the page's, no title's.
MENU_LINE = re.compile(r"^(?:导航菜单|网站导航|栏目导航|网站地图|无障碍浏览|长者模式|返回顶部|English)$")


def _title_piece(b: str) -> bool:
    """A short line that may be one piece of a title a page sets over several lines: no punctuation of a
    sentence, no heading, number, date or document number, no menu label."""
    return (1 <= len(b) <= 30 and not re.search(r"[。，,;；:：()（）\[\]〔〕|]", b) and not MENU_LINE.match(b)
            and not (_SECTION.match(b) or GROUP.match(b) or TASK.match(b) or DATE_LINE.match(b) or DOC_NO.search(b)
                     or re.match(r"^附件\d*$", b)))


# The kind of a document with no name of its own: a line holding only it ends the title above it.
_TITLE_TAIL = re.compile(r"(?:目标)?(?:任务)?(?:责任)?(?:分解|分工|落实)*(?:实施|工作|行动)?(?:方案|计划|清单|分解表|一览表|要点)")


def title_spans(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first index, last index, body) of each line that may be a title; a title a page breaks over several short
    lines (某市2024年 / 工业节能工作方案; 盐城市深化…数字化转型 / 网络化联接三年行动计划(2025-2027年); 重庆市渝北区人民政府办公室 /
    关于印发2024年重点民生实事工作目标任务的 / 通 知) is joined on its first line: short lines with no punctuation,
    heading or number, each right above the next (a blank line between is fine), up to the line with which they end
    as a title or a notice's title does. The years or edition under a title ((2024—2026年), （2025年版）) join it."""
    out: list[tuple[int, int, str]] = []
    bodies = [_body(ln) for ln in lines]

    def nxt(i: int) -> int | None:
        # the next line with text, a run of blank lines between counted as one (a page that sets every line apart
        # sets a title's two lines two blank lines apart where another sets them one: the same title)
        j = i + 1
        while j < len(bodies) and not bodies[j]:
            j += 1
        return j if j < len(bodies) else None

    i = 0
    while i < len(bodies):
        b = bodies[i]
        if not b:
            i += 1
            continue
        last, joined = i, b
        if 4 <= len(b) <= 30 and _title_piece(b) and not _is_title(b):
            j, k, acc = i, 0, b
            while k < 4:  # a title over as many as five lines
                n = nxt(j)
                if n is None or TASK.match(bodies[n]):
                    break  # (进度安排 / 1.2020年9月底前制定工作方案: a numbered item under a heading is no more of a title)
                acc, j, k = acc + bodies[n], n, k + 1
                if _is_title(acc) or NOTICE_TITLE.match(acc):
                    last, joined = j, acc
                    break
                if not _title_piece(bodies[n]):
                    break
        n = nxt(last)
        if n is not None and _is_title(joined) and _TITLE_TAIL.fullmatch(bodies[n]) and _is_title(joined + bodies[n]):
            # 2022年市《政府工作报告》目标任务 / 责任分解方案: the kind of document alone on the next line ends the title
            last, joined = n, joined + bodies[n]
            n = nxt(last)
        if n is not None and (_is_title(joined) or re.search(rf"{_YEAR_TITLE_END}$", joined)) \
                and re.fullmatch(_YEARS, bodies[n]) and _is_title(joined + bodies[n]):
            last, joined = n, joined + bodies[n]  # …若干政策举措 / (2025年版); …行动计划 / （2024—2026年）
        out.append((i, last, joined))
        i = last + 1
    return out


def title_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(index, body) of each line that may be a title, a title set over several lines joined on its first line
    (``title_spans``)."""
    return [(i, b) for i, _last, b in title_spans(lines)]


# The convention a list of units states once (石碶街道(列第一位者为牵头或汇总单位,下同); 责任分解中,列第一位的责任单位为
# 牵头单位或汇总单位): the first unit named leads, the others support.
_FIRST_LEADS = re.compile(r"(?:列|排)(?:在)?(?:第一位|第一|首位)(?:者|的)?(?:责任单位|单位|部门)?(?:为|是)(?:工作)?(?:牵头|主办)")
_FIRST_LEADS_NOTE = re.compile(r"[(（][^()（）]*(?:第一位|首位)[^()（）]*[)）]$")


# （市交通运输局、南山区政府，市规划和自然资源局、龙华区政府。列逗号之前的为牵头单位，其他有关单位按职责分工配合，下同） — a
# plan's own rule for its units brackets (深圳's 低空基础设施 plan, round one-hundred-and-eighth's held-out set): the units
# before the bracket's comma lead, the rest support, in every bracket of the plan.
_COMMA_LEADS = re.compile(r"(?:列|排)(?:在)?(?:逗号|，号)(?:之)?前(?:面)?(?:的)?(?:单位|部门)?(?:为|是)(?:牵头|主办)")


def _at_comma(names: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The units of a bracket read by a comma rule: those before its first comma lead, the rest support (no comma: all
    lead)."""
    parts = re.split(r"[，,]", names, maxsplit=1)
    return _split_units(parts[0]), _split_units(parts[1]) if len(parts) == 2 else ()


def _all_units(names: tuple[str, ...]) -> bool:
    """Whether every name is a unit's (a name _ONE_UNIT reads, or the places below a city)."""
    return all(_one_unit(n) or re.fullmatch(_COLLECTIVE, n) for n in names)


def _comma_leads(doc: Doc, blk: Block) -> None:
    """The lead of a task under a comma rule (``_COMMA_LEADS``): the units before the comma of its units bracket."""
    units = set(blk.lead) | set(blk.support)
    for a, e in blk.parens:
        inner = re.split(r"[。;；]", doc.c[a:e].strip("()（）"))[0]
        first, others = _at_comma(inner)
        if first and others and set(first) <= units and set(others) <= units:
            blk.lead = _verbatim(doc, first, a, e)
            blk.support = tuple(dict.fromkeys(_verbatim(doc, others, a, e)))
            return


def _split_units(names: str) -> tuple[str, ...]:
    # (a Markdown cell's units one a line, 区生态环境局<br>各街镇: 丰台's 美丽丰台 list, round fifty-four's held-out set)
    names = re.sub(r"<br\s*/?>", "、", names)
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
    for part in (p for x in parts for p in _glued_units(x)):
        # (a label and its value set as cells, 牵头单位: | 市城市管理综合执法局 | — 广州: a bar is no part of a name)
        part = _FIRST_LEADS_NOTE.sub("", part.strip().strip("|｜").strip()).strip()
        # (an opening bracket whose units run on past it — [市水务局牵头,…配合: 佳木斯, round thirty-five — is no part of
        # the name)
        part = re.sub(r"^[\[【〔](?![^\[\]【】〔〕]*[\]】〕])", "", part)
        part = re.sub(r"等(?:相关|有关)(?:部门|单位)$", "", part).rstrip("等").strip()
        if not part:
            continue
        if part in ("单位", "部门") and out:  # 省有关部门、单位 is one name
            out[-1] = f"{out[-1]}、{part}"
            continue
        if part in ("市", "区", "县") and out and re.fullmatch(r"各(?:[市区县]、)*[市区县]", out[-1]):
            out[-1] = f"{out[-1]}、{part}"  # 各县、区 is one collective (宿州, round ninety-three's held-out set)
            continue
        out.append(part)
    return tuple(dict.fromkeys(out))


# One unit's name that opens with its level (市发改委, 县卫生健康局, 区委宣传部): two or more of them written one after
# the other are several units whose separator the page set as a space or a slash (市发改委 市财政局 → compact
# 市发改委市财政局; 市发改委/市财政局). A level and a suffix with fewer than two characters between (市委, 区分局) are parts
# of one name (市委市政府督查室, 市生态环境局区分局 stay whole).
_LEVELLED_UNIT = r"[省市区县镇乡州旗][\u4e00-\u9fff]{2,16}?(?:厅|委|局|办|部|院|公司|中心|政府|街道|办事处|管委会|集团)"
_GLUED = re.compile(rf"(?:{_LEVELLED_UNIT}){{2,}}")


def _glued_units(part: str) -> list[str]:
    """A part of a unit list split where a page separated names by a slash or by a space (lost in compact text), or
    joined two by 及/和/与 (市级各有关部门及各县市区政府: each side a unit's name whole, so 市住房和城乡建设局 stays one)."""
    pieces = [x for x in re.split(r"[/／]", part)] if re.search(r"[^/／\s][/／]+[^/／\s]", part) else [part]
    out = []
    for x in pieces:
        if _GLUED.fullmatch(x.strip()):
            out += re.findall(_LEVELLED_UNIT, x.strip())
            continue
        m = re.fullmatch(rf"(.{{2,24}}?(?:{_UNIT_SUFFIX}|部门|单位)|{_COLLECTIVE})(?:及|和|与|以及)((?:各|有关|相关|市|区|县|省|镇|乡).{{1,24}}?"
                         rf"(?:{_UNIT_SUFFIX}|单位|部门|街道|乡镇|镇))", x.strip())
        out += [m.group(1), m.group(2)] if m else [x]
    return out


def spaced_names(raw: str) -> str:
    """Raw text in compact form, a space (any run of whitespace) between two names of units read as 、 (发改局 财政局 →
    发改局、财政局): the separator compact text would lose. A space inside one name (letter-spaced 县 医 保 局) or before a
    label (市发改委 配合单位:…) is dropped as compact drops it."""
    tokens = raw.split()
    if len(tokens) < 2:
        return compact(raw)
    out = compact(tokens[0])
    for tok in tokens[1:]:
        c = compact(tok)
        left = re.split(r"[:：;；,，、(（)）]", out)[-1]
        right = re.split(r"[:：;；,，、(（)）。]", c)[0]
        if _CELL_UNIT.search(left) and len(left) >= 2 and _CELL_UNIT.search(right) and len(right) >= 2 \
                and not re.search(_LABEL + "$", right):
            out += "、"
        out += c
    return out


# A unit marked as the lead among those named with it: 市发改委(牵头)、市财政局, or ▲发改局,各部门 (浙江's lists set ▲
# before the 牵头单位: 诸暨's 责任清单, round thirteen; ★区发改委、统计局: a list that says 标★的为牵头单位, round twenty's 吴江).
_MARKED_LEAD = re.compile(r"^[▲△★]\s*|[(（](?:牵头|牵头单位|总牵头)[)）]$")


def marked_leads(lead: tuple[str, ...], support: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where some of the units named as leading are marked (▲X, X(牵头)), those lead and the others support."""
    marked = [u for u in lead if _MARKED_LEAD.search(u)]
    if not marked:
        return lead, support
    led = tuple(dict.fromkeys(_MARKED_LEAD.sub("", u) for u in marked))
    return led, tuple(u for u in dict.fromkeys(tuple(u for u in lead if u not in marked) + support) if u not in led)


def _read_paren(inner: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lead and support of a labelled statement: 牵头单位：A；配合单位：B (any of ：: ；; ，, between)."""
    inner = re.sub(rf"[【\[〔]({_LABEL})[】\]〕]|({_LABEL})为(?=[^:：]{{2}})", lambda q: (q.group(1) or q.group(2)) + ":",
                   inner.replace("：", ":"))  # 【牵头单位】X, 牵头单位为X: 牵头单位:X
    marks = list(re.finditer(rf"({_LABEL}):", inner))
    has_lead = any(re.fullmatch(_LEAD_LABEL, m.group(1)) for m in marks)
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    for k, m in enumerate(marks):
        names = inner[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(inner)]
        names = re.split(r"(?:按职责分工|分别)?负责|。", names)[0].strip(" ;；,，")
        label = re.sub(rf"^{_LEVEL}", "", m.group(1))
        if re.fullmatch(_OTHER_LABEL, label) or re.fullmatch(_TIME_LABEL, label):
            continue  # a person, who supplies a figure, when the task is due: no unit
        names = re.split(r"[;；,，]\s*(?:19|20)\d{2}年", names)[0]  # (牵头单位:X,2024年10月底前完成): the date is no unit
        names = re.split(r"[;；]\s*[\u4e00-\u9fff]{1,6}:", names)[0]  # (…;备注:…): a label it does not know ends the names
        # (…;以下均需各区、县〔市〕政府…落实,不再列出): a note on the tasks after it ends the names (绍兴's 清洁城市 plan, round
        # one-hundred-and-first's held-out set, whose bracket had been read as no units at all)
        names = re.split(r"[;；]\s*(?:以下|下同|其中|均需|均由|不再|注[:：])", names)[0]
        # (牵头单位:A;共同责任单位:B): a label whose last words are one it knows (责任单位) — the semicolon and the words
        # before that label are no unit (海州, round fifteen's held-out set)
        names = re.sub(r"[;；]\s*[\u4e00-\u9fff]{1,6}$", "", names) if k + 1 < len(marks) else names
        units = _split_units(names)
        marked = [u for u in units if _MARKED_LEAD.search(u)]
        if marked and not re.fullmatch(_SUPPORT_LABEL, label):
            # 责任单位:市发改委(牵头)、市财政局 — the unit marked (牵头) leads, the others named with it support (round ten)
            lead += tuple(_MARKED_LEAD.sub("", u) for u in marked)
            support += tuple(u for u in units if u not in marked)
        elif re.fullmatch(_LEAD_LABEL, label) or (re.fullmatch(_SHARED_LABEL, label) and not has_lead and not lead):
            lead += units
        else:
            support += units
    return tuple(dict.fromkeys(lead)), tuple(u for u in dict.fromkeys(support) if u not in lead)


_UNIT_SUFFIX = r"(?:厅|委|局|办|部|室|院|会|公司|集团|分行|小组|中心|机关|办公室|政府)"
# 各区, 各区政府, 各县（市、区）人民政府, 各乡镇（街道）: the units below a city are real units of a task (the bracket
# 〔〕 too, as a notice that writes its document numbers 〔2023〕 writes it: 各县〔市、区〕政府).
# (各镇（街道）, 各乡（镇、街道）, 各街道（镇）: a county's towns and street offices, the bracket naming the other kind;
# 各街镇（管委会）, a Shanghai district's towns and streets with its zones' committees — 嘉定, round forty's held-out set;
# 各镇乡, a county's towns and townships — 大英, round forty-seven's)
# (各县（市、区）, 各区(市)县, 各县(市)区, 各区(市), 各县（市）, 各市（区）, 各县、区: the places below the city, the kinds it
# has in brackets or after a 、 — 青岛's 各区(市), round eighty-six's held-out set; 宿州's 各县、区, round ninety-three's;
# 昆明's 各县(市)区, round hundred-and-sixteenth's)
# (区直各有关部门, 市直有关单位: the departments of the government that issues the plan, all of them — 平潭's 危化品 plan,
# round hundred-and-forty-ninth's held-out set)
_COLLECTIVE = (r"(?:省|市|区|县)直各?(?:有关|相关)?(?:部门|单位)|"
               r"各(?:(?:区县|县区|县市区|区|县|市)(?:[（(〔](?:市|区|县)(?:、(?:市|区|县))*[）)〕][县区]?|(?:、(?:市|区|县))+)?|"
               r"(?:乡镇|街镇|镇街|镇乡|镇|乡|街道)(?:[（(](?:乡镇|镇|乡|街道)(?:、(?:乡镇|镇|乡|街道))*[）)])?"
               # 各村居, 各村（社区）, 各行政村: a town's villages and communities in a town's plan (民化镇, 龙河镇, 成武's
               # 各镇街: round sixty-five's held-out set)
               r"|(?:村居|村社|行政村|村|社区)(?:[（(](?:社区|居|村)[）)])?"
               # 各处室（中心）, 各科室: a bureau's own offices in its plan (平潭's 片区 plans, rounds hundred-and-forty-sixth
               # to hundred-and-forty-ninth's held-out sets: 各处室、各有关单位结合工作实际…)
               r"|(?:处室|科室|股室)(?:[（(](?:中心|站|所)[）)])?)"
               r"(?:人民政府|政府|党委和政府|党委|办事处)?"
               # 各县（市、区）政府（管委会）: the zones' committees beside the governments (许昌, round thirty-one)
               r"(?:[（(〔](?:管委会|管理委员会)[）)〕])?")
# (市农业农村局等相关部门: the unit named, the others it stands for unnamed — 许昌, round thirty-one)
# (区建管委（区水务局）: a unit with the other name it goes by in brackets — 黄浦's 排水 plan, round thirty-seven's held-out set)
# (市委组织部<人才办>: a unit with the office it also is in angle brackets — 苏州's 碳达峰 plan, round fifty-two's held-out set)
_ONE_UNIT = (rf"(?:{_COLLECTIVE}|(?:[^()（）〔〕\[\]、,，:：。;；由<>]|(?<=自)由){{2,24}}?{_UNIT_SUFFIX}"
             rf"(?:[(（][^()（）〔〕\[\]、,，:：。;；]{{1,10}}?{_UNIT_SUFFIX}[)）]|<[^<>、,，。;；]{{1,10}}>)?)"
             rf"(?:等(?:相关|有关)(?:部门|单位))?")
_UNIT_LIST = rf"(?:{_ONE_UNIT}[、,，和])*{_ONE_UNIT}"
# Units named in running text, a street office among them (丹凤街道, 漾月街道): an assignment's units (由X牵头,Y配合)
_ANY_UNIT = rf"(?:{_ONE_UNIT}|[^()（）、,，:：。;；由]{{2,12}}?(?:街道|乡|镇|党校|学校|站|所|队))"
_UNIT_LIST_ANY = rf"(?:{_ANY_UNIT}[、和])*{_ANY_UNIT}"
# (（A、B…等部门按职责分工负责）: 苏州's 碳达峰 plan, round fifty-two's held-out set — the units named, the rest unnamed)
# (…，2018年3月底前完成 / …，持续推进 after the roles: when the task is due, no unit — 平潭's 危化品 plan, round
# hundred-and-forty-ninth's held-out set, whose brackets had named no unit at all)
_ROLE_WHEN = r"(?P<when>(?:[，,；;]\s*(?:(?:19|20)\d{2}年[^()（）〔〕，,；;]{0,20}|持续推进|长期坚持|长期推进|持续开展|长期开展)){0,3})"
_PAREN_BARE = re.compile(rf"{_OPEN}((?:{_ONE_UNIT}[、,，])*{_ONE_UNIT})(?:等(?:相关|有关)?(?:部门|单位)?)?"
                         rf"(?:按职责分工|分别)?负责{_ROLE_WHEN}{_CLOSE}")
# （甲部、乙部牵头，丙部参与）, （甲部牵头负责）, （某部指导）: roles named after the units, without a label.
# The roles a text gives the units named after the lead: they support it (…，B、C按职责分工负责; （A主办，B协办）).
_SUPPORT_ROLE = (r"(?:按职责分工负责|按职责分工落实|按职责负责|按职能分工负责|按职能职责负责|按职能负责|分工负责|组织落实|具体落实|"
                 r"配合落实|负责落实|"
                 r"组织实施|参与|配合|协助|协同|协办)(?:负责)?")
_PAREN_ROLE = re.compile(
    rf"{_OPEN}(?P<lead>{_UNIT_LIST})等?(?:牵头负责|牵头|主办|指导|负责指导)"
    # (the role word says who supports, whatever their names end in: 相关街道板块协办, 鼓楼)
    # (the role then 、 before the next units: （A、B牵头负责、各区政府组织落实）, 上海's 燃气 plan — the role word ends the list)
    # (…牵头,区水利局、国网君山区供电公司,各镇、街道、场等按职能分工负责: groups of supporting units set apart by commas — 君山,
    # round one-hundred-and-first's held-out set)
    rf"(?:[，,；;、](?P<support>(?:{_ONE_UNIT}|[^()（）、,，:：。;；]{{2,16}}?)(?:[、,，](?:{_ONE_UNIT}|[^()（）、,，:：。;；]{{2,16}}?))*)"
    rf"等?{_SUPPORT_ROLE})?{_ROLE_WHEN}{_CLOSE}")
# …。市发改委牵头，市财政局、市住建局按职责分工负责。 — in running text, the units after the lead's clause support it.
_SUPPORT_AFTER = re.compile(rf"[，,]\s*(?P<support>{_UNIT_LIST})等?{_SUPPORT_ROLE}")
# 各区要…, 各县（市、区）人民政府负责…: a task that opens with the units below the city names them.
_COLLECTIVE_LEAD = re.compile(rf"^(?:由)?({_COLLECTIVE}(?:、(?:{_COLLECTIVE}|各(?:有关|相关)(?:单位|部门)))*)(?=要|应|须|负责|牵头|抓好|加快|做好|组织|统筹|结合)")
# A sentence whose subject is a unit: 市发展改革委要…, 由市教育局负责…, 区政府办公室将对…每季度通报…: the unit leads
# what the sentence commits to.
_SUBJECT = re.compile(rf"^(?:由|请)?({_ONE_UNIT}(?:[、和]{_ONE_UNIT})*)(?=要|将|应|须|需|负责|牵头|会同|联合|统筹|组织|抓好|加快|"
                      r"做好|结合|定期|每季度|每月|每年|于\d)")


# A heading that names who leads every task under it (issue 28, round four): 一、县示范区管委会牵头工作(8项),
# （一）由市发展改革委牵头的工作, 二、区教育局负责事项. A heading that names a person (一、某某区长牵头重点工作: the leader
# in charge) names no unit: its tasks' own units stand.
_HEADING_LEAD = re.compile(rf"^(?:由)?(?P<lead>{_UNIT_LIST})(?:牵头|负责|承办|主办)(?:的)?(?:重点|主要|具体|年度)?"
                           r"(?:工作|事项|任务|项目)(?:清单)?(?:[(（][^()（）]{0,10}[)）])?[。:：]?$")


# A heading that is one office's name, its other names in brackets (（一）综合办公室(党群工作部、监察室、督查室、财务室), （二）招商
# 合作局(行政审批局、政务服务中心): 双牌's 工业集中区 offices and their year's tasks, round forty-seven's held-out set) — the office
# leads the tasks under it, its name as written (the brackets part of it, as 区建管委（区水务局）).
_HEADING_OFFICE = re.compile(r"^(?P<lead>[\u4e00-\u9fff]{2,14}?(?:办公室|管理局|局|委员会|办|部|室|中心|大队|科|股)"
                             r"(?:[(（][\u4e00-\u9fff、，,]{2,40}[)）])?)[。:：]?$")


# An office's name and a colon before its duties on a heading's line ((一)农业农村处:2020年底前,完成…): see heading_lead
_DUTIES_OF = re.compile(r"^(?P<lead>[\u4e00-\u9fff、]{2,30}?(?:处|科|股|局|委|办|室|中心|站|所|队))[:：](?=.)")


def heading_lead(body: str) -> tuple[str, ...]:
    """The units a heading's text (after its number) names as the lead of the tasks under it, else ()."""
    m = _HEADING_LEAD.match(body)
    if m:
        return _split_units(m.group("lead"))
    m = _HEADING_OFFICE.match(body)
    if m:
        return (m.group("lead"),)
    # an office's name and a colon before its duties on the heading's line ((一)农业农村处:2020年底前,完成…;协同区农业农村局…:
    # 金井's 近岸海域 plan, round hundred-and-forty-ninth's held-out set — each office's part of the 职能分工): it leads them
    m = _DUTIES_OF.match(body)
    if m and (names := _split_units(m.group("lead"))) and all(_one_unit(n) for n in names):
        return names
    return ()



def subject_units(text: str) -> tuple[str, ...]:
    """The units a (compact) sentence names as its subject (市发展改革委要…, 由市教育局负责…), else ()."""
    m = _SUBJECT.match(text.lstrip("\x00 "))
    return _split_units(m.group(1)) if m else ()


# Running text (a news report of a plan, 工作要点, a speech turned into a plan: round twenty-nine, 呼和浩特, 西宁): the
# subject may stand after the sentence's adverbials — a time (今年, 2021年, 3月16日), a frame (根据…要求, 按照…, 为…), or the
# news's own frame (记者从X了解到, 据X介绍: X is the source of the news, not who does the work) — and be followed directly
# by a time and a verb (市机场建管公司12月中旬全面开工…). A unit inside 在…指导下 / 经…批准, or the object of a verb
# (支持市住建局…), opens no clause after such adverbials, so it is never read as the subject.
# A step's date, due by then: 9月30日前, 2024年8月底前, 7月21日前 (as _ADVERBIAL and _ASKED read it before or after the unit).
_DUE_BY = r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末|[上中下]旬)?(?:前|之前|以前)"
_YEAR_END = r"(?:19|20)\d{2}年(?:底|末)"  # (2023年底: a year's end, as a step's date says it)
_BRACKET_DATE = r"(?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月(?:\d{1,2}[日号])?)"
_ADVERBIAL = (# (a news report's dateline, its paper and reporters: 本报讯(记者隆卫报道), 泉州网4月20日讯(记者谢曦) — 滨州's 团市委
              # report, round hundred-and-twenty-seventh's held-out set; the reporters are the source, never the subject)
              r"(?:[^，,。；;:：()（）]{0,16}?讯[ 　]*[(（][^()（）]{1,40}[)）][ 　]*)?"
              r"(?:(?:今年|明年|年内|本年度|(?:19|20)\d{2}年度?|\d{1,2}月\d{1,2}日|下一步|接下来|近期|同时|此外|另外)[，,]?"
              # (a step's own date before its subject: 9月30日前，区建设管理委…完成… — 崇明, round thirty-six's held-out set)
              rf"|{_DUE_BY}[，,]?"
              # (a month the step falls in: 2025年12月，上海城投集团完成… — 黄浦, round thirty-seven's held-out set)
              r"|(?:19|20)\d{2}年\d{1,2}月(?:底|末)?[，,]"
              # (a stage's months, the step due by the last: 4月-5月底,各县(区)、市直园区开展全面排查 — 遂宁's 空壳社 report)
              r"|(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号]|[上中下]旬)?[-—–~～至到]\d{1,2}月(?:\d{1,2}[日号]|底|末|[上中下]旬)?"
              r"(?:前)?[，,]"
              # (a year's end the step is due by: 2023年底前各县（市）要建成…)
              rf"|{_YEAR_END}前?[，,]?"
              # (a stage's dates in brackets, glued to its heading and its subject: 摸底调研(5月28日—6月10日)各镇(街道)要…
              # — 晋城市城区, round eighty-four's held-out set; the clause may start inside the brackets)
              rf"|[^。；;()（）]{{0,24}}?[(（]?{_BRACKET_DATE}(?:[—–\-~～至到]{_BRACKET_DATE})?[)）][，,]?"
              r"|(?:根据|按照|依据|围绕|对照|为了?)[^，,。；;]{1,30}[，,]"
              r"|记者(?:近日)?(?:从|在)[^，,。；;]{1,40}(?:了解到|获悉|获知|得知)[，,]"
              r"|据[^，,。；;]{1,30}(?:介绍|了解|透露)[，,]"
              # (《工作方案》要求,2020年9月30日前,各县(市)区要…: what a report says the plan asks, then whom — 昆明's 绿盾
              # report, round hundred-and-sixteenth's held-out set)
              r"|(?:《[^《》]{1,40}》|会议|方案|通知)(?:明确|还|同时|进一步)?(?:要求|提出|强调)[，,:：])*")
# Vague subjects or the issuer itself (各地, 各部门, 全市, 我市, 我们, 有关部门): no one unit. (各区, 各县（市、区） are real
# units, read as _COLLECTIVE is.)
_VAGUE = r"(?:各地|各级|各部门|各单位|各有关|各相关|各责任|全市|全区|全县|全省|全州|全旗|我市|我区|我县|我省|我们|有关|相关)"
# the unit: a name _ONE_UNIT reads, or a city's departments or system named with their place (西宁市教育系统, 西宁全市教育部门)
# — and one function's departments at every level (各级卫生健康行政部门, 各级交通主管部门: 甘肃's 职业健康 三项行动 notice, round
# hundred-and-seventh's held-out set), not 各级各部门 or 各级有关部门, which name no function
_SUBJECT_UNIT = (rf"(?:(?:各级)?(?!各|有关|相关|其他|其它)(?!{_VAGUE})[\u4e00-\u9fff]{{2,8}}?(?:行政|主管)部门|各级(?!各|有关|相关|其他|其它)[\u4e00-\u9fff]{{2,8}}?部门"
                 rf"|(?!{_VAGUE})(?:{_ONE_UNIT}|[^()（）〔〕\[\]、,，:：。;；]{{0,12}}?[省市区县州旗][^()（）〔〕\[\]、,，:：。;；]{{0,8}}?"
                 r"(?:部门|系统)"
                 # (各县(区)、市直园区开展全面排查: a city's parks and zones as the subject of a step — 遂宁's 空壳社 report;
                 # only as a subject, before its verb: a bracketed 货运枢纽(物流园区) names a kind of hub, no unit)
                 r"|(?:市直|省直|县直|区直|各)(?:[\u4e00-\u9fff]{0,6}?)(?:园区|开发区|高新区|经开区)(?:管委会)?"
                 r"|[\u4e00-\u9fff]{0,10}?(?:高新区|经开区|开发区)(?:管委会)?))")
_DOES = (r"要|将|应|须|需|务必|必须|负责|牵头|会同|联合|统筹|组织|抓好|加快|做好|结合|计划|力争|确保|定期|每季度|每月|每年|于\d|年内|年底前|对照|"
         # (各区(市)重点落实…任务, 各县区至少建成…: 青岛, 宿迁 — round eighty-six's held-out set)
         r"(?:重点|全面|全力|积极|认真)?落实|至少|"
         # (各区县卫生健康行政部门全面开展…总结评估: the verb after its adverb — 重庆's 三项行动 notice, round hundred-and-seventh)
         r"(?:全面|全力|积极|认真|切实|扎实)(?:开展|实施|推进|完成)|"
         # (各县、区2023年底前遴选…: the step's date, then its verb — 宿州's 公共机构节能 tasks, round ninety-three's held-out set)
         rf"{_YEAR_END}前|{_DUE_BY}|"
         r"在?\d{1,2}月(?:[上中下]旬|底|末|初|\d{1,2}日)前?[\u4e00-\u9fff]"
         # (上海城投集团完成…, 上海城投集团在2026年建立…, 上海城投集团根据市改革方案要求，2025年6月底前完成…: the verb of
         # a step, a year, or the frame the unit acts within — 黄浦, round thirty-seven's held-out set)
         r"|完成|建成|开展|实施|制定|编制|在(?:19|20)\d{2}年|(?:根据|按照|依据)[^，,。；;]{1,30}[，,]"
         # (各区绿化管理部门对本区域…进行梳理, 各区对…进行总结分析: 白玉兰, round thirty-eight's held-out set)
         r"|对[^，,。；;]{1,40}?(?:进行|开展|实施|组织)")
# (各处室、各有关单位结合工作实际…: the units named, then the others with them — 苏平's 四大攻坚 stages, round
# hundred-and-forty-eighth's held-out set; 各有关单位 alone opening a sentence stays vague)
_WITH_OTHERS = r"(?:[、和]各(?:有关|相关)(?:单位|部门))?"
_SENTENCE_SUBJECT = re.compile(rf"^(?:由)?{_ADVERBIAL}(?:(?:由|请)?({_SUBJECT_UNIT}(?:[、和]{_SUBJECT_UNIT})*{_WITH_OTHERS})(?={_DOES})"
                               # 由上海城投集团开展…, 由区政府与上海城投集团签订…: 由 names the agent whatever the verb after it
                               rf"|由({_SUBJECT_UNIT}(?:[、和与]{_SUBJECT_UNIT})*)(?=[\u4e00-\u9fff]))")
_VAGUE_SUBJECT = re.compile(rf"^{_ADVERBIAL}请?{_VAGUE}[^，,。；;]{{0,12}}?(?=要|将|应|须|需|负责|计划|力争|确保)")


def sentence_subject(text: str) -> tuple[str, ...] | None:
    """Who a (compact) sentence of running text says does its work: the units of its subject (see _SENTENCE_SUBJECT);
    () where a vague subject (各地要…, 全市将…) opens it — it ends the list of the subject before; None where it names
    no subject (9月底完成…: the sentence continues the one before)."""
    t = text.lstrip("\x00 ")
    # (二、各镇街要…确保2024年9月底前全部竣工: an item's number opening the sentence is no part of its subject — 荣昌's
    # 危房改造 letter, round seventy-five's held-out set)
    t = re.sub(rf"^(?:{ITEM_NUMBER})(?!\d)[\x00 ]*", "", t)
    m = _SENTENCE_SUBJECT.match(t)
    if m:
        return _split_units(m.group(1) or m.group(2))
    return () if _VAGUE_SUBJECT.match(t) else None


# (a name holds no 由 but 自由's: 建立一支由政府牵头、企业支持…的专家队伍 — the words before 由 are no unit's name, 燃气, round
# thirty-nine's held-out set, whose every step had been led by 提升燃气专业指导检查水平建立一支由政府)
_NAME_CH = r"(?:[^。，,;；:：()（）、由]|(?<=自)由)"
_INLINE_LEAD = re.compile(
    rf"(?:由|(?<=[。，,;；:：]))((?:{_NAME_CH}{{2,24}}?{_UNIT_SUFFIX}、)*{_NAME_CH}{{2,24}}?{_UNIT_SUFFIX})"
    r"牵头(?!单位|部门)"
    # …,由市发改委负责。 — the unit a clause closing the task gives the work to (round fifteen)
    rf"|由((?:{_NAME_CH}{{2,24}}?{_UNIT_SUFFIX}、)*{_NAME_CH}{{2,24}}?{_UNIT_SUFFIX})"
    r"(?:具体)?负责(?:实施|落实|推进|组织实施)?(?=[。；;]|$)")
# 请服务办于7月21日前上报…: a request to named units with a date — they do the step (古美路街道's 独居老人 notice, round
# thirty-six's held-out set: the task's lead had been 待定). Vague addressees (请各单位于…) name no one.
_ASKED = re.compile(rf"(?:^|(?<=[。；;，,\x00\s]))请(?!{_VAGUE})({_ONE_UNIT}(?:[、和]{_ONE_UNIT})*)"
                    rf"(?=于?{_DUE_BY})")
# 由区建管委（区水务局）会同区财政局审核后上报…: the unit that does the work with the units it works with (黄浦's 排水 plan,
# round thirty-seven's held-out set — the task's lead had been 待定): the first leads, the others support.
_WITH = re.compile(rf"(?:^|(?<=[。；;，,\x00\s]))由({_UNIT_LIST})(?:会同|联合)({_UNIT_LIST})(?=[\u4e00-\u9fff])")
_COORD = re.compile(
    rf"(?:^|(?<=[。，,;；:：)）]))([^。，,;；:：()（）、]{{2,24}}?{_UNIT_SUFFIX})"
    # (成员包括各处室负责人: the members, the heads of the offices — 负责人 is a person, no role: 金井's 近岸海域 plan, round
    # hundred-and-forty-ninth's held-out set, whose every task had been led by 成员包括各处室)
    r"(?:牵头负责|统筹推进|牵头实施|牵头抓总|牵头组织|负责统筹|牵头推进|牵头落实|负责(?!人|同志))")


def _head_title(doc: Doc) -> tuple[dict[int, str], set[int]]:
    """A title a web page sets over several centred lines (国务院办公厅关于推进 / 政务新媒体健康有序发展的意见)
    above its number or addressee: its first line's index → the whole title, and the other lines' indices.
    Short lines without sentence punctuation, right at the top; a print copy's title is one line."""
    idx = [li for li, line in enumerate(top_lines(doc.lines, 12)) if _body(line)]
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


# A section heading that commits to a quantity: a verb of doing, then a number with its measure word.
_HEADING_COMMITS = re.compile(r"^(?:全年|年内|力争|确保)?(?:新建|新改扩建|改扩建|建成|新增|完成|改造|实施|培育|引进|打造|实现|开工|"
                              r"建设|提升|招引|创建|培训|安置|帮扶|发放)[^，,。；;]*?\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]")


def layout(doc: Doc) -> list[Plan]:
    kinds: list[tuple[int, str, str]] = []  # (line index, kind, body)
    joined, folded = _head_title(doc)
    spans = title_spans(doc.lines)
    two = {i: b for i, _last, b in spans}
    folded |= {j for i, last, _b in spans for j in range(i + 1, last + 1)}
    for li, line in enumerate(doc.lines):
        if li in folded:
            continue
        b = joined.get(li) or two.get(li) or _body(line)
        if not b or is_page_furniture(line) and li > 0:
            continue  # (the page's furniture — its footer's 主办单位 too — is no text of a task: round fifteen)
        if re.fullmatch(rf"[{COUNTING}]+、", b):
            # 一、 / 主要目标: a section's number on a line of its own, its words on the next (round fifteen) — one heading
            nxt = next((j for j in range(li + 1, len(doc.lines)) if _body(doc.lines[j])), None)
            if nxt is not None and _SECTION.match(b + _body(doc.lines[nxt])):
                b += _body(doc.lines[nxt])
                folded.add(nxt)
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
    # A title whose next structural line is a section heading opens a plan; one followed by another title (or nothing)
    # names a group of plans.
    opens: list[int] = []  # the indices (into kinds) of the titles that open a plan
    after: str | None = None  # the kind of the next structural line, walking back
    for k in range(len(kinds) - 1, -1, -1):
        if kinds[k][1] == "title" and after == "section":
            opens.append(k)
        if kinds[k][1] in ("title", "section"):
            after = kinds[k][1]
    opens = opens[::-1]
    for k, (li, kind, b) in enumerate(kinds):
        if kind != "title":
            continue
        name = _unquote(re.sub(TITLE_END + "$", "", b)) if k not in opens else b
        if k not in opens:
            group = name
            if plans and not plans[-1].last_line and opens and opens[-1] > k:
                # 0-based index of the group title = last line (1-based) before it — where a plan follows under it. A
                # title no plan follows (an annex's table, 2026年碳达峰…重点工作任务分工表 over its cells: 静安, round forty's
                # held-out set, whose whole annex had been dropped unread) leaves the plan before it running on.
                plans[-1].last_line = li
            continue
        if plans and not plans[-1].last_line:
            plans[-1].last_line = li
        plans.append(Plan(name=b, title_line=li + 1, group=group, first_line=li + 1))
    if not plans:
        # No titled plan: the whole text is one plan, named by its first line.
        # (a table's heading row or a row of cells names no plan: 序号 | 任务名称 | … |, a page that opens with its table)
        first = next((li for li, _k, b in kinds if not MENU_LINE.match(b) and not is_cell_row(b)
                      and re.search(r"[\u4e00-\u9fff\w]", b)), next((li for li, _k, _b in kinds), 0))
        name = (joined.get(first) or _body(doc.lines[first])).strip(" |｜")
        plans.append(Plan(name=name[:60] or "plan", title_line=first + 1, group="",
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
        if _FIRST_LEADS.search(doc.c):
            for blk in p.blocks:
                if len(blk.lead) > 1:
                    blk.lead, blk.support = blk.lead[:1], tuple(dict.fromkeys(blk.lead[1:] + blk.support))
        elif _COMMA_LEADS.search(doc.c):
            for blk in p.blocks:
                _comma_leads(doc, blk)
        _coordinator(doc, p)
    return plans


# A table flattened to text, one cell a line ending in " |" (序号 | 重点工作 | 责任单位 | 完成时限 | then the rows).
_CELL = re.compile(r"^(.*?)\s*[|｜]\s*$")
# The number column: 序号, or as a unit's own report table names it (任务项, 编号, 项次: 淮北, round nineteen's held-out set)
# the labels a table's number column goes by (序号, 编号, 任务项, 项次): one list for the heading readers and the title's end
NUMBER_LABEL = r"(?:序号|编号|任务项|项次)"
_COL_NUMBER = re.compile(rf"^{NUMBER_LABEL}$")
_COL_CONTENT = re.compile(r"任务|工作|内容|事项|项目|目标|措施")
_COL_BUILDS = re.compile(r"^(?:主要)?建设(?:内容|规模)(?:及规模)?$|^建设内容及规模$")
# A heading names its columns with labels a reader knows, qualified or not: 主要责任单位 and 牵头责任单位 lead,
# 责任单位（部门） is the one unit column, 协同配合单位 and 责任主体与协同单位 support.
_COL_LEAD = re.compile(rf"^(?:{_LEAD_LABEL})$|^(?:主要|主|首要)?(?:牵头|主办|主责|主要)(?:责任)?(?:单位|部门|处室|科室)")
_COL_SHARED = re.compile(rf"(?:{_SHARED_LABEL})")
_COL_SUPPORT = re.compile(rf"(?:{_SUPPORT_LABEL})|(?:协同|配合|协作|协办|参与)(?:责任)?(?:单位|部门)")
_COL_TIME = re.compile(r"时限|时间|节点|进度")
# a column naming the group of the rows under it (任务类型: 静安's task list, round thirty-six)
_COL_GROUP = re.compile(r"(?:任务|项目|工作)?(?:大类|类别|分类|类型|领域|方面)|指标类别|指标类型")
_COL_END = re.compile(r"竣工|完工|完成|办结|截止|结束")
_COL_START = re.compile(r"开工|启动|开始|起始")
_COL_PERSON = re.compile(r"领导|责任人|联系人")
# A column that says how the work is watched or whom to call (监督方式: 谯城's 区民政局办公室0558-5130002, round forty-four's
# held-out set), or a remark: no task text
_COL_ASIDE = re.compile(r"(?:监督|督查|督办|考核|评价)方式|联系方式|联系电话|^备注$|^说明$")
# A column that reports progress (1-10月推进情况, 完成情况, 进展情况, 当前进度 — 苍南's 80%(…滞后), round twenty-four): a
# status, never the task nor its time (进度安排, 时间进度 are when the work is due)
_COL_PROGRESS = re.compile(r"推进情况|进展|完成情况|进度情况|落实情况|是否|(?:当前|目前|实际|形象|完成|项目|建设)进度")


def _joined_head(head: list[str]) -> list[str]:
    """A heading's labels with each label a page broke in two (责任 / 单位, 配合 / 单位, 完成 / 时限) joined again: two
    pieces next to each other that name a unit or time column together and neither alone."""
    def names(h: str) -> bool:
        return bool(_COL_LEAD.search(h) or _COL_SHARED.search(h) or _COL_SUPPORT.search(h) or _COL_TIME.search(h))
    out: list[str] = []
    for h in head:
        if out and not names(out[-1]) and not names(h) and names(out[-1] + h) and not _COL_NUMBER.match(out[-1]):
            out[-1] += h
        else:
            out.append(h)
    return out


def _by_years_only(col: dict[str, int | None], head: list[str]) -> bool:
    """A table read for its year columns alone: it names no unit, time or dated column (序号 | 指标名称 | 单位 | 2025年)."""
    return col["lead"] is None and col["time"] is None and not dated_columns(head) and bool(year_columns(head))


def _no_units_read(col: dict[str, int | None], head: list[str]) -> bool:
    """A table read for its progress column alone: no unit, time or dated column (序号 | 督查内容 | 牵头责任 | 单位 | 协同责任单位 |
    落实情况, 六安's report on its 2021 tasks, round thirty-two's held-out set — its 牵头责任单位 broken in two, every row
    had been read as no table)."""
    return col["lead"] is None and col["time"] is None and not dated_columns(head)


def _rejoined(head: list[str], col: dict[str, int | None] | None) -> tuple[list[str], dict[str, int | None] | None]:
    """A heading with the labels a page broke in two joined (_joined_head) and its columns, where that reads a table the
    heading as it stands does not, or reads a unit or time column it has none of (江山's 2023年度 / 计划 … 责任 / 单位: a
    year column alone reads as a target table since 龙湾's, round twenty-four's tables — its 责任单位 must stay read)."""
    joined = _joined_head(head)
    if joined == head:
        return head, col
    two = _columns(joined)
    if col is None or two is not None and not _by_years_only(two, joined):
        return joined, two
    return head, col


def _tails_joined(head: list[str]) -> list[str]:
    """A heading's labels with the pieces a page set one a paragraph joined where they can only be the end of the label
    before: 开工 / 时间, 竣工 / 时间 (a bare 时间 after a label that names no column) and 总投资 / (万元) (a unit in brackets):
    九江's heading, round twenty, whose 时间 had been read as the time column."""
    out: list[str] = []
    for h in head:
        if out and not _COL_NUMBER.match(out[-1]) and (
                re.fullmatch(r"时间|时限|节点", h) and not _COL_TIME.search(out[-1])
                or re.fullmatch(r"[(（][^()（）]{1,6}[)）]", h)):
            out[-1] += h
        else:
            out.append(h)
    return out


def _head_cell(text: str) -> bool:
    """A cell of a table's heading row: a short label (序号, 主要责任单位, 分管 领导); digits only where the label is
    one a reader knows for what it is (1-10月推进情况, 2024年完成时限): a heading is recognised by its labels."""
    t = compact(text).replace(" ", "").strip("|｜")
    # a label qualified in brackets after it (重点工作任务(民生实事项目), 进展情况(一季度): 西湖区, round seventeen) is as
    # short as the label
    label = re.sub(r"[(（][^()（）\d]{1,10}[)）]$", "", t)
    if not t or len(label) > (20 if _COL_PROGRESS.search(t) else 12) or re.search(r"[。，,；;:：]", t) \
            or _row_number(t) is not None:
        return False  # (nothing between bars, or a row's number 一, 二: no label; 进展情况、存在问题及下一步打算 is one)
    # a column of one year's plan (2023年度 / 计划, 2024年计划): a year a reader knows for a label; and a label the
    # year or months it covers qualify (2022年度任务目标, 1-9月份工作取得成效: round fifteen)
    bare = _LABEL_DATE.sub("", t)
    return not re.search(r"\d", t) or bool(_COL_PROGRESS.search(t) or _COL_TIME.search(t)
                                            or re.fullmatch(r"(?:19|20)\d{2}年度?(?:计划|目标|任务)?", t)
                                            or bare and not re.search(r"\d", bare) and len(bare) >= 2)


# The year or the months a heading's label covers, before it: 2022年度, 2024年, 1-9月份, 1—10月, 4月.
_LABEL_DATE = re.compile(r"^(?:(?:19|20)\d{2}年度?|\d{1,2}(?:[-—–~～至]\d{1,2})?月份?)")


@dataclass
class _Cell:
    line: int  # 1-based
    a: int  # compact [a, e) of the cell's text
    e: int
    text: str  # compact
    names: str = ""  # the text as a list of units' names (spaces between names read as 、: spaced_names), when it differs

    @property
    def units(self) -> str:
        return self.names or self.text


@dataclass
class _Row:
    number: int  # line (1-based) of the row's 序号 cell, 0 when the table has none
    content: list[_Cell]  # the task's cells (工作任务, 目标任务, 具体措施 …), each read as a paragraph of its own
    lead: tuple[str, ...]
    support: tuple[str, ...]
    time: _Cell | None  # the 完成时限 cell
    lines: tuple[int, int]  # all the row's lines
    table: tuple[int, int] = (0, 0)  # the lines of its whole table, heading and row marks ("||") included
    merged: bool = False  # its unit cell is merged with the row above's (the row is a cell short): that row's units
    dated: list[tuple[_Cell, str]] = field(default_factory=list)  # cells of a column named by a time, and its label
    ends_short: bool = False  # the row ends before its unit column (merged, or the last row cut off)
    # the cells of a target table's year columns (指标 | 现值 | 2023年目标 | 2025年目标 | 责任单位): each a figure (15、37) due
    # at that year's end, with its label and the units its row names ((个)、(亿元), or a 单位 cell)
    figures: list[tuple[_Cell, str, tuple[str, ...]]] = field(default_factory=list)
    baselines: list[_Cell] = field(default_factory=list)  # the cells of its 现值 / 基期 column: a baseline, no target
    share_of: str = ""  # a row of a time and a unit only: the task (of the row above) it is that unit's share of
    # the task cell of a row whose target column states what it is to reach (税后利润(20分) | 35万元): the targets' label,
    # no step of its own (its text masked as a parenthetical is)
    labels: list[_Cell] = field(default_factory=list)
    # a row a cell short whose one unit cell stands under a 牵头单位 column followed by a 责任单位 one: which of the two it
    # is, the row above tells (_table_rows)
    lone_units: bool = False
    quota: bool = False  # a quota table's row (_quota_row): its unit's share of the plan's figure
    year: _Cell | None = None  # a table of targets by year (_year_rows): the year cell of the row's group, when it is due


def _table_rows(doc: Doc) -> list[_Row]:
    """The rows of each flattened table of the text, each row's cells mapped to the columns its heading names:
    a row a line with its cells between "|" (or tabs, or spaces), one cell a line ending in " |", or one cell a
    paragraph without marks."""
    marked = [(li + 1, m.group(1).strip()) for li, ln in enumerate(doc.lines) if (m := _CELL.match(ln.strip()))]
    quota, used = _quota_cell_rows(doc, marked)
    rows = _line_rows(doc) + quota + _cell_rows(doc, [c for c in marked if c[0] not in used], marked=True) + _cell_rows(doc, [
        (li + 1, ln.strip()) for li, ln in enumerate(doc.lines) if ln.strip() and not _CELL.match(ln.strip())
        and not _SPLIT_BAR.search(ln)], marked=False)
    # A unit cell merged over rows (泰顺's 牵头单位 written once for rows 1-3, round fourteen) is on the first of
    # them only: the rows below it, a cell short, are led by the same units.
    for k, (prev, row) in enumerate(zip([None, *rows], rows, strict=False)):
        cut = row.ends_short and not any(r.table == row.table for r in rows[k + 1:])  # the table's last row, cut off
        if row.lone_units and prev is not None and prev.table == row.table and prev.lead and prev.support \
                and row.lead[0] in prev.support and 2 * len(set(row.lead) & set(prev.support)) >= len(row.lead) \
                and not set(row.lead) & set(prev.lead):
            # a row a cell short whose one unit cell opens with a unit of the 责任单位 above, names half of its units
            # there at least, and none of its 牵头单位 (绥宁's target list with 县卫健局 written once over rows 3-5, its
            # 责任单位 cells each their own: 县疾控中心、县人民医院,各乡镇人民政府 — round twenty-three's tables): the cell is the
            # row's 责任单位, its 牵头单位 merged with the row above's. A cell opening with another unit stays the row's
            # lead, as written (谯城's 区人社局、区农业农村局 under a row supported by 区农业农村局)
            row.lead, row.support = prev.lead, row.lead
        if row.merged and prev is not None and prev.table == row.table and not cut:
            row.lead, row.support = prev.lead, prev.support
            if row.time is None and prev.time is not None and len(prev.time.text) <= 12:
                # the time cell merged over the rows too (西湖区's 10月底前 written once for rows 2-5, round seventeen):
                # a short date, never a column of steps
                row.time = prev.time
    return rows


# A column named by when its cells are due (一季度目标, 第二季度, 4月, 上半年计划, 2024年6月底前): each cell holds the steps or
# targets of that time (柯桥's 一季度目标, round fifteen). A span of months (1-9月份…) is a report's, and a progress column.
_DATE_LABEL = re.compile(r"(?:(?:19|20)\d{2}年)?(?:第?[一二三四1-4]季度(?:末|底)?|[上下]半年|\d{1,2}月(?:份|底|末)?|年底|年末)"
                         r"(?:前)?(?:工作)?(?:目标|计划|任务|安排|进度|节点)?(?:任务|安排)?(?:分解)?")  # (一季度任务分解: 淮北)


def _dated_label(h: str) -> bool:
    return bool(_DATE_LABEL.fullmatch(h))


# A target table's year columns (2023年目标, 2025年目标值, 2027年预期目标, 目标值(2025年), 2025年): each cell the target of
# its row's indicator for that year, due at the year's end (嘉善's 指标 | 嘉善现值 | 2023年目标 | 2025年目标 | 2027年目标, round
# twenty-one's held-out set; the form of a 行动方案's 主要指标 annex). Its baseline column (现值, 基期值, 2022年基数, 现状) is none.
_YEAR_COL = re.compile(r"(?P<y>(?:19|20)\d{2})年?(?:度|底|末)?(?P<goal>目标值?|预期目标值?|预期值|预期|计划值?|规划值|目标任务)?"
                       r"|(?:目标值?|预期目标值?|预期值)[(（](?P<y2>(?:19|20)\d{2})年?[)）]")
_BASE_COL = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?)(?:现值|现状值?|基期值?|基准值?|基数|基础值|基期年)"
                       r"|(?:19|20)\d{2}年?度?[(（]?(?:现状|现值|基数|基期|基准|完成值|实际值|完成数)(?:值|年)?[)）]?")
_UNIT_COL = re.compile(r"(?:计量)?单位")
# A figure cell: numbers (with %, a measure word or a comparator), several for a row naming several indicators (15、37)
_FIGURE = r"[≥≤><＞＜]?\s*\d+(?:\.\d+)?\s*(?:[%％‰]|[\u4e00-\u9fff]{1,3})?(?:以上|以下|左右|以内)?"
_FIGURE_CELL = re.compile(rf"{_FIGURE}(?:\s*[、,，;；/／]\s*{_FIGURE})*")
_NO_FIGURE = ("—", "——", "-", "－", "/", "／", "无", "—/—", "/")


def year_columns(head: list[str]) -> dict[int, str]:
    """The year columns of a target table's heading (column -> the year's label), none where no column is one. Bare
    years (指标 | 2020年 | 2025年) are a 规划's table: its first year is the baseline's when no column is named so. One
    bare year alone (类别 | 序号 | 指标名称 | 单位 | 2025年: 龙湾's 十四五 indicators, round twenty-four's tables) is the year
    its figures are set for: a table states a baseline beside its targets, never alone."""
    got = {x: h for x, h in enumerate(head) if _YEAR_COL.fullmatch(h)}
    if len(got) >= 2 and not any(m.group("goal") or m.group("y2") for h in got.values() for m in [_YEAR_COL.fullmatch(h)]) \
            and not any(_BASE_COL.fullmatch(h) for h in head):
        got.pop(min(got))
    return got


def _row_units(label: str) -> tuple[str, ...]:
    """The measure each indicator of a row's label names in brackets (滚动推进重大项目(个)、完成投资额(亿元) -> 个, 亿元)."""
    from ..text.quantities import QuantityError, parse_value  # (text is above extract: no cycle)
    out = []
    for u in re.findall(r"[(（]([^()（）]{1,6})[)）](?=\s*(?:[、,，;；]|$))", label):  # (at an indicator's end: (社区) names
        try:
            # which villages count, (个) the measure)
            if parse_value("1" + u).unit:
                out.append(u)
        except QuantityError:
            continue
    return tuple(out)


def _figures(cells: list[_Cell], cols: list[int], head: list[str]) -> tuple[list[_Cell], list, list[_Cell]]:
    """A target table's row (its cells under the heading's columns ``cols``) split: the cells that stay the task's text,
    its figures under year columns (cell, label, units of the row), its baseline cells. A cell of words under a year
    column (2024年目标任务: 完成…) stays text; "—" sets nothing."""
    years = year_columns(head)
    if not years:
        return cells, [], []
    units: tuple[str, ...] = ()
    keep: list[_Cell] = []
    figs: list = []
    base: list[_Cell] = []
    for c, x in zip(cells, cols, strict=False):
        if _UNIT_COL.fullmatch(head[x]) and len(c.text) <= 8:
            units = (c.text,)
        elif _ATTR_COL.fullmatch(head[x]) and len(c.text) <= 8:
            continue
        elif x in years and (c.text in _NO_FIGURE or _FIGURE_CELL.fullmatch(c.text)):
            if c.text not in _NO_FIGURE:
                figs.append(c)
        elif (_BASE_COL.fullmatch(head[x]) or (x not in years and _YEAR_COL.fullmatch(head[x]))) \
                and (c.text in _NO_FIGURE or _FIGURE_CELL.fullmatch(c.text)):
            base.append(c)
        else:
            keep.append(c)
    if not figs:
        return cells, [], []
    label = " ".join(c.text for c in keep)
    units = units or _row_units(label)
    return keep, [(c, years[cols[cells.index(c)]], units) for c in figs], base


def _names_indicators(head: list[str], col: dict[str, int | None]) -> bool:
    """The heading's task column is named an indicator's (指标, 指标名称, 主要指标): a target table's, read by its year
    columns though it numbers no row."""
    return col["content"] is not None and bool(re.fullmatch(r"(?:主要)?指标(?:名称|内容)?", head[col["content"]]))


# A target table's attribute column (属性: 约束性 / 预期性): how binding the indicator is, no text of it and no figure
_ATTR_COL = re.compile(r"(?:指标)?(?:属性|性质)")


def _form_pairs(head: list[str]) -> bool:
    """A form's labels each followed by its value (项目负责人及电话 / 彭兵 / 主管部门 / 岳阳县农业农村局 / 实施单位 / 农田建设服务中心:
    岳阳县's 绩效目标申报表, a development document's table-form fault): a unit column's label with a unit's own name under
    it — a name no heading uses as a label — is a pair, not a table's heading (its indicators had been led by 三级指标,
    ≥20座). A heading's unit labels stand side by side (牵头单位 / 配合单位): each a label."""
    return any((_COL_LEAD.search(h) or _COL_SHARED.search(h) or h in ("主管部门", "主管单位"))
               and _one_unit(v) and not _is_label(v)
               for h, v in zip(head, head[1:], strict=False))


def _is_label(cell: str) -> bool:
    """A heading's label for a unit column (牵头单位, 配合部门, 责任单位（部门）), not a unit's name."""
    return bool(_COL_LEAD.search(cell) or _COL_SHARED.search(cell) or _COL_SUPPORT.search(cell)
                or _COL_PERSON.search(cell) or re.search(rf"(?:{_OTHER_LABEL})", cell)
                or re.fullmatch(r"[\u4e00-\u9fff]{0,4}(?:单位|部门|处室|科室|主体)(?:[(（][^()（）]{1,6}[)）])?", cell))


def _columns(head: list[str]) -> dict[str, int | None] | None:
    """Which column of a table's heading holds the number, content, lead, support and time (None: no table
    of tasks: no content column, or neither a unit nor a time column)."""
    k = len(head)
    if _form_pairs(head):
        return None
    person = {x for x, h in enumerate(head) if _COL_PERSON.search(h)}  # 牵头领导, 责任人: a person, no unit
    progress = {x for x, h in enumerate(head) if _COL_PROGRESS.search(h)}
    dated = {x for x, h in enumerate(head) if x not in progress and _dated_label(h)}  # 一季度目标: steps due then
    units = [x for x in range(k) if x not in person and x not in progress and x not in dated]
    col = {"number": next((x for x, h in enumerate(head) if _COL_NUMBER.match(h)), None)}
    col["lead"] = next((x for x in units if _COL_LEAD.search(head[x]) and not _COL_SUPPORT.search(head[x])), None)
    has_lead = col["lead"] is not None
    if col["lead"] is None:
        col["lead"] = next((x for x in units if _COL_SHARED.search(head[x]) and not _COL_SUPPORT.search(head[x])),
                           None)
    col["support"] = next((x for x in units if x != col["lead"] and (_COL_SUPPORT.search(head[x])
                           or (has_lead and _COL_SHARED.search(head[x])))), None)
    if col["support"] is None and col["lead"] is not None and not has_lead:
        # a second unit column after the 责任单位 one, named otherwise (责任单位 | … | 实施部门: 谯城's 民政局 task split,
        # round forty-four's held-out set — 低保中心, the office doing the work, had been read as a task): it supports
        col["support"] = next((x for x in units if x > col["lead"] and _COL_SHARED.search(head[x])
                               and _COL_SHARED.search(head[x]).group() != _COL_SHARED.search(head[col["lead"]]).group()),
                              None)
    # (开工时间 | 竣工时间: the work is due when it is to be completed, not when it starts — 九江's 民生实事, round twenty)
    times = [x for x in units if _COL_TIME.search(head[x])]
    col["time"] = next((x for x in times if _COL_END.search(head[x])),
                       next((x for x in times if not _COL_START.search(head[x])), times[0] if times else None))
    skip = {v for v in col.values() if v is not None} | person | progress | dated
    # (a target table's year and baseline columns name no task: 2023年目标 is no content column where 任务名称 or 指标 is)
    figs = set(year_columns(head)) | {x for x, h in enumerate(head) if _BASE_COL.fullmatch(h) or _UNIT_COL.fullmatch(h)}
    col["content"] = next((x for x, h in enumerate(head) if x not in skip | figs and (_COL_CONTENT.search(h) or "指标" in h)),
                          next((x for x, h in enumerate(head) if x not in skip and _COL_CONTENT.search(h)),
                               next((x for x in range(k) if x not in skip | figs), None)))
    # (序号 | 任务内容 | 进展情况: a report's table names its task and progress columns only — the progress cells are the
    # report's, the task cells the plan's; 浙江省卫健委's 民生实事 进展情况, round nineteen's held-out set)
    # (序号 | 指标名称 | 单位 | 2025年: a target table naming no unit — its year column dates its figures: 龙湾's 十四五
    # indicators, round twenty-four's tables)
    # (指  标 | 2020年 | 2025年 | 属性: with no 序号, a heading whose task column is named an indicator's — 维智's 十四五 教育
    # indicators, round twenty-five's tables)
    if col["content"] is None or (col["lead"] is None and col["time"] is None and not dated
                                  and not (progress and col["number"] is not None)
                                  and not ((col["number"] is not None or _names_indicators(head, col))
                                           and year_columns(head))):
        # (a table naming neither units nor a time column is read where a column is named by when its cells are
        # due: 序号 | 项目名称 | 建设内容 | 截至6月底进展 | 7月工作计划, a progress table's month plan, round eighteen)
        return None
    return col


# A table's unit cell: names of units (区教体局; 市政局、相关街道; 各乡镇(街道)), or a mark for none ("/"). A county bureau's
# sections are its 股 (农田建设管理股、农业股: 怀远's 牵头责任单位 cells, round twenty-four's tables — read as no unit, the row
# had taken the units of the row above); a task ending in 入股, 控股 names none
_CELL_UNIT = re.compile(r"(?:厅|委|局|办|部|部门|室|(?<![入控参持配折])股|院|会|公司|分行|小组|中心|机关|办公室|政府|街道|镇|乡|集团|大队|支队|中队|海关|"
                        r"银行|所|站|馆|团|社|联|协|园区|开发区|管委会|指挥部|专班|单位|处|各[^、,，]{1,8})$")
_NO_UNIT = ("/", "／", "无", "—", "-", "——")
_CELL_TIME = re.compile(r"(?:\d{4}年|\d{1,2}月|年底|年末|全年|年内|长期|持续|常态|每[年季月]|季度|上半年|下半年"
                        r"|(?:19|20)\d{2}[./\-]\d{1,2})")  # (2024.06, 2024/6/30, 2024-06: a form's dates)


def _names(raw: str) -> str:
    """A raw cell's names of units where spaces separate them (市发改委 市财政局), else "" (the compact text will do). A
    unit's name then, after a space, a person's (市民政局 伍泽国 under 牵头单位及主要负责人: 肇庆's 民生实事, round
    twenty-five's tables) names the unit and its head: the unit alone (the lead had read 市民政局伍泽国)."""
    tokens = raw.split()
    if len(tokens) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", tokens[-1]) and not _CELL_UNIT.search(tokens[-1]) \
            and _unit_cell(unit := spaced_names(" ".join(tokens[:-1]))) and unit not in _NO_UNIT:
        return unit
    got = spaced_names(raw)
    return got if got != compact(raw) else ""


def _unit_cell(text: str) -> bool:
    t = text.rstrip("。;；")
    if t in _NO_UNIT:
        return True
    if not t or re.search(r"[。;；:：!！?？\d]", t) or len(t) > 200:
        return False
    parts = _split_units(t)
    return bool(parts) and all(len(p) <= 20 and _CELL_UNIT.search(re.sub(r"[(（][^()（）]*[)）]$", "", p)) for p in parts)


def _one_unit(text: str) -> bool:
    """One unit's name alone (区税务局), no list of them."""
    return _unit_cell(text) and not re.search(r"[、,，/／]", text) and text not in _NO_UNIT


def _named_after_leaders(text: str) -> bool:
    """A cell after a row's leaders' names that names its units though no unit's ending says so (未来科技城(海创园), 临平新城:
    a zone by its name): a short name, no sentence, figure or person."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff()（）、]{2,25}", text)) and not _leader(text)


def _leader(text: str) -> bool:
    """A leader's name as a 牵头领导 cell holds it (祝振伟, 沈昱): two or three characters, no unit — a zone's name of four
    (临平新城) is the units after it."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text.replace(" ", ""))) and not _unit_cell(text)


def _person_cell(text: str) -> bool:
    """A leader's name (徐某某; 张某、李某), not a unit."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:[、,，][\u4e00-\u9fff]{2,4})*", text)) and not _unit_cell(text)


def _map_row(cells: list[_Cell], head: list[str], col: dict[str, int | None], number: int) -> _Row | None:
    """A row's cells (its number cell taken off) to the heading's columns. Cells a page merged over several rows
    (a 事项分类 written once) are missing from the later rows, and a unit column may hold several cells (协同单位
    one a paragraph): the lead is the unit cell standing where the heading puts it, or as far before it as the
    merged cells missing say; the content is what stands before it (a leader's name under 责任领导 apart); after
    it, the support's unit cells, then the 完成时限 cell; other columns (推进情况, 备注) are no task text."""
    cells = [c for c in cells if c.text.strip("|｜ ")]
    if not cells:
        return None
    # a unit cell naming roles (经济发展处配合区经发局…落实, 政法综治处牵头，): a unit cell of those names, the roles read below
    roles: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for k, c in enumerate(cells):
        if not _unit_cell(c.units) and (r := role_cell(c.text)) is not None and not _CELL_TIME.search(c.text):
            cells[k] = _Cell(c.line, c.a, c.e, c.text, "、".join(r[0] + r[1]))
            roles[k] = r
    lines = (min([c.line for c in cells] + ([number] if number else [])), max(c.line for c in cells))
    if _by_years_only(col, head):
        return _map_figures(cells, head, col, number, lines)
    if col["lead"] is None and col["time"] is None:
        return _map_dated(cells, head, col, number, lines)
    if col["lead"] is None:  # a table with a time column only: by position
        off = 1 if col["number"] is not None else 0
        got = {name: (cells[x - off] if x is not None and 0 <= x - off < len(cells) else None) for name, x in col.items()}
        content = [got["content"]] if got["content"] else []
        # (a column naming the task's targets after its task's — 工作任务 | 目标及质量要求, 杨凌's target assessment, round
        # twenty-three's tables: its cell holds the targets, 收入200万元; 税后利润35万元, the task's text too)
        content += [cells[x - off] for x in _target_columns(head, col) if 0 <= x - off < len(cells)]
        time = got["time"]
        if time is not None and _steps_cell(time.text):
            content, time = content + [time], None  # a 进度安排 cell of dated steps: the task's text, no due date
        return _Row(number, content, (), (), time, lines, labels=_labels(content)) if content else None
    if col["content"] is not None and col["content"] > col["lead"]:
        return _map_lead_first(cells, head, col, number, lines)
    before = [x for x in range(col["lead"]) if x != col["number"]]
    persons = [x for x in before if _COL_PERSON.search(head[x])]
    limit = len(before)  # the lead's index among the cells when none is missing
    at = next((i for i in range(min(limit, len(cells) - 1), 0, -1)
               if _unit_cell(cells[i].units) and not _unit_cell(cells[i - 1].units)), None)
    if at is None:
        at = min(limit, len(cells))
    if persons and at < len(cells) and _leader(cells[at].text):
        # more leaders named than the 牵头领导 column has cells (祝振伟 / 陈夏林 under it, 余杭, round thirty-three's held-out
        # set): the units are the first cell after the names
        nxt = next((i for i in range(at + 1, len(cells)) if not _leader(cells[i].text)), None)
        if nxt is not None and (_unit_cell(cells[nxt].units) or _named_after_leaders(cells[nxt].text)) \
                and cells[nxt].text not in _NO_UNIT:
            at = nxt
    if at < len(cells) and len(cells) > limit + 1 and not _unit_cell(cells[at].units):
        # a row split at spaces whose cells hold spaces of their own (平顶山's 加强水资源保 护, round thirty-five's held-out
        # set): more cells than the heading names before its units, and the cell where the units would stand is text —
        # the units are the first unit cell after it (the measures' text had been read as the row's lead)
        fwd = next((i for i in range(at + 1, len(cells)) if _unit_cell(cells[i].units) and cells[i].text not in _NO_UNIT),
                   None)
        if fwd is not None:
            at = fwd
    # a 责任单位 column right before the 牵头单位 one (莲都's 事项 | 责任单位 | 牵头单位, round thirty-two's held-out set): the first
    # unit cell is the 责任单位's, its units other than the lead's support; the lead is the cell after it
    before_lead = None
    if col["support"] is not None and col["support"] == col["lead"] - 1 and at + 1 < len(cells) \
            and _unit_cell(cells[at].units) and _unit_cell(cells[at + 1].units) and cells[at + 1].text not in _NO_UNIT \
            and not _CELL_TIME.search(cells[at + 1].text):
        before_lead = cells[at]
        at += 1
    content = [c for c in cells[:at] if not (persons and _person_cell(c.text)) and c is not before_lead]
    early = None  # the cell under a time column standing before the units (计划完成时间 | 牵头单位)
    if col["time"] is not None and col["time"] < col["lead"] and col["time"] in before:
        k = at - (limit - before.index(col["time"]))
        # (新昌's 项目名称 | 工作任务 | 计划完成时间 | 牵头单位, round twenty-two: the time cell had been read as the task's
        # text, every row due at the period's end); a cell of dated steps stays the task's text, as after the units
        if 0 <= k < at and cells[k] in content and _CELL_TIME.search(cells[k].text) and len(cells[k].text) <= 12 \
                and not _unit_cell(cells[k].units) and not _steps_cell(cells[k].text):
            early = cells[k]
            content = [c for c in content if c is not early]
    # a progress column before the units (序号 | 项目内容 | 当前进度 | 牵头单位: 苍南's 80%(…滞后), round twenty-four) is a
    # status, counted from the units as the time cell is: the cells a merged row lacks are the first ones
    reports = [k for x in before if _COL_PROGRESS.search(head[x]) if 0 <= (k := at - (limit - before.index(x))) < at]
    content = [c for c in content if not any(c is cells[k] for k in reports)]
    figures: list = []
    baselines: list[_Cell] = []
    if before_lead is None and at == limit and len(content) == at:
        content, figures, baselines = _figures(content, before, head)
    # A row a cell short whose cell where the units stand names none (已完成。 完成筛查人数3495人, the 落实情况 cell):
    # the page merged the unit cell over this row and the one above (see _table_rows), never a lead read off a report.
    width = sum(1 for x in range(len(head)) if x != col["number"])  # the cells a whole row has
    short = len(cells) < width
    merged = short and (at >= len(cells) or cells[at].text not in _NO_UNIT and not _unit_cell(cells[at].units))
    # (a row that ends before its unit column: the cell merged with the row above's too — unless the row is the text's
    # last, cut where the page was: _table_rows tells)
    lead = _split_units(cells[at].units.rstrip("。")) if at < len(cells) and cells[at].text not in _NO_UNIT \
        and not merged else ()
    support: tuple[str, ...] = ()
    if before_lead is not None and cells[at].text not in _NO_UNIT:
        support = tuple(u for u in _split_units(before_lead.units.rstrip("。")) if u not in lead)
    j = at + 1
    if lead and before_lead is None and (col["support"] is None or col["support"] < col["lead"]):
        # the unit cell's names one a paragraph (市住建局 / 柴桑区政府 / 濂溪区政府 under 责任单位, 九江, round twenty): as many
        # more unit cells as the row has cells over the heading's width are the same cell's
        # unit cells standing where the column after the units' names no unit (开工时间, 备注): the same cell's
        nxt = head[col["lead"] + 1] if col["lead"] + 1 < len(head) else ""
        while nxt and not (_COL_SHARED.search(nxt) or _COL_SUPPORT.search(nxt) or _COL_LEAD.search(nxt)) \
                and j < len(cells) and _unit_cell(cells[j].units) and cells[j].text not in _NO_UNIT \
                and not _CELL_TIME.search(cells[j].text):
            lead += _split_units(cells[j].units.rstrip("。"))
            j += 1
    if col["support"] is not None and col["support"] > col["lead"]:
        while j < len(cells) and _unit_cell(cells[j].units) and not _CELL_TIME.search(cells[j].text):
            if cells[j].text not in _NO_UNIT:
                support += _split_units(cells[j].units.rstrip("。"))
            j += 1
    dated = [(cells[at + x - col["lead"]], head[x]) for x in range(col["lead"] + 1, len(head)) if _dated_label(head[x])
             and at < len(cells) and 0 <= at + x - col["lead"] < len(cells)
             and not _unit_cell(cells[at + x - col["lead"]].units)]
    time = early
    if col["time"] is not None and early is None:
        # (a row whose unit cells the page merged with the row above's has its time cell where the units would stand:
        # 新增…床位100张 / 10月底前 / 目前已完成选址… under 牵头单位 / 负责科室 / 负责人 / 计划完成时间, 西湖区, round seventeen)
        time = next((c for c in cells[at if merged else j:] if _CELL_TIME.search(c.text)), None)
        # (where the columns between the units and the time are the heading's, the time cell is the one under the time
        # column: 开工时间 | 竣工时间 — the work is due when it is completed, 九江, round twenty)
        x = j + col["time"] - col["lead"] - 1 - (col["support"] is not None and col["lead"] < col["support"] < col["time"])
        if not merged and col["time"] > col["lead"] and 0 <= x < len(cells) and _CELL_TIME.search(cells[x].text) \
                and (len(cells) == width or all(_CELL_TIME.search(cells[y].text) for y in range(j, x))):
            # (a full row's cells stand under their columns whatever lies between: 项目单位 | 主要建设内容 | 建设地点 | …
            # | 开工时间 | 计划竣工时间 — 松江's 能源 projects, round fifty-two's held-out set, had been due when they began)
            time = cells[x]
        if time is not None and _steps_cell(time.text):
            content, time = content + [time], None  # a 进度安排 cell of dated steps: the task's text, no due date
        elif time is not None and len(time.text) > 30:
            time = None
    if lead and j == at + 1 and time is None and content:
        content += _merged_items(cells[j:], head, col, content[-1].text)
    if lead and len(cells) == width:
        # a column after the units naming what the work builds (项目名称 | 项目单位 | 主要建设内容: 新增变电容量100MVA，新建
        # 线路长度11.64km — 松江's 能源 projects): its cell is the task's text too, its figures the row's targets
        off = 1 if col["number"] is not None else 0
        content += [cells[y - off] for y in range(col["lead"] + 1, len(head)) if y != col["number"]
                    and _COL_BUILDS.search(head[y]) and 0 <= y - off < len(cells) and cells[y - off] not in content]
    if not content:
        return None
    if lead and any(k in roles for k in range(at, j)):
        # (the unit cells name roles: the units they name after 配合 or before 牵头/负责/落实 lead, those before 配合 support)
        lead = ()
        for k in range(at, j):
            got, sup = roles.get(k, (_split_units(cells[k].units.rstrip("。")), ()))
            lead, support = lead + got, support + sup
        support = tuple(u for u in support if u not in lead)
    lead, support = marked_leads(lead, tuple(dict.fromkeys(support)))
    lone = short and bool(lead) and not support and col["support"] is not None and col["support"] > col["lead"]
    return _Row(number, content, lead, support, time, lines, merged=merged, dated=dated, ends_short=at >= len(cells),
                figures=figures, baselines=baselines, lone_units=lone)


_ITEM_NO = re.compile(r"^(\d{1,2})[.．、](?!\d)")


def _progress_after_units(head: list[str], col: dict[str, int | None]) -> int:
    """How many columns stand after the unit column when every one of them is a report's (1-6月完成情况, 进展情况):
    0 when none does, or one is not."""
    after = range((col["lead"] or 0) + 1, len(head))
    if col["lead"] is None or not after or col["support"] is not None and col["support"] > col["lead"] \
            or not all(_COL_PROGRESS.search(head[x]) for x in after):
        return 0
    return len(after)


def _merged_items(rest: list[_Cell], head: list[str], col: dict[str, int | None], last: str) -> list[_Cell]:
    """The task cells of the sub-rows after a whole row whose number, category and unit cells the page merged over them
    (西兴街道's 序号 | 项目类别 | 具体项目及内容 | 责任科室 | 1-6月完成情况, one cell a paragraph: row 1's item ``1.`` with its
    unit and progress cells, then ``2.`` … ``5.``, each followed by its own progress cell — round twenty-three's tables):
    each sub-row is a numbered item continuing the row's (1. then 2., 3. …) and at most as many cells as the heading has
    report columns after the units, which are no task text. Every cell after the whole row must fall into such a
    sub-row; else none is read (the row as it stood: its cells after the units are the report's)."""
    after = _progress_after_units(head, col)
    m = _ITEM_NO.match(last)
    if not after or not rest or m is None:
        return []
    want, items, k = int(m.group(1)) + 1, [], 0

    def report_cells(k: int) -> int:  # past the report cells of the sub-row before (a cell left empty is no cell)
        stop = k + after
        while k < min(stop, len(rest)) and not ((g := _ITEM_NO.match(rest[k].text)) and int(g.group(1)) == want):
            k += 1
        return k

    k = report_cells(0)
    while k < len(rest):
        got = _ITEM_NO.match(rest[k].text)
        if got is None or int(got.group(1)) != want:
            return []
        items.append(rest[k])
        want += 1
        k = report_cells(k + 1)
    return items


_COL_TARGET = re.compile(r"目标|指标")


def _target_columns(head: list[str], col: dict[str, int | None]) -> list[int]:
    """The columns after the task's that name its targets (目标及质量要求, 目标任务, 指标): its text too."""
    taken = {v for v in col.values() if v is not None}
    years = set(year_columns(head))
    return [x for x, h in enumerate(head) if x not in taken and x > (col["content"] or 0) and x not in years
            and _COL_TARGET.search(h) and not _COL_PROGRESS.search(h) and not _dated_label(h) and not _BASE_COL.fullmatch(h)]


def _sub_rows(cells: list[_Cell], head: list[str], col: dict[str, int | None]) -> list[list[_Cell]]:
    """A row whose task the page broke into sub-rows, each with its own unit cell, under one number (吴江's 主要预期目标:
    1 | 主要预期目标 | 1.地区生产总值增长5%以上。 | 钱宇 | ★区发改委、统计局, then 2.一般公共预算收入…。 | ★区财政局、税务局, 3.… |
    | ★区工信局、统计局 — the 序号 and 项目 cells merged over them, a leader's cell merged or left empty): the full row, then
    each sub-row, its task cells, a leader's name and its unit cells. Only where the unit columns close the heading (no
    progress or time column after them: those cells would read as a sub-row's task) and every cell after the full row
    falls into such sub-rows; else the row as it stands."""
    cells = [c for c in cells if c.text.strip("|｜ ")]  # (an empty cell, "||": nothing in it)
    width = len(head) - (col["number"] is not None)
    lead = col["lead"]
    timed = _timed_sub_rows(cells, head, col, width)
    if timed:
        return timed
    if lead is None or len(cells) <= width or col["content"] is None or col["content"] > lead \
            or any(x > lead and x != col["support"] for x in range(len(head))):
        return [cells]
    units = [_unit_cell(c.units) and c.text not in _NO_UNIT for c in cells]
    out: list[list[_Cell]] = []
    start = 0
    x = 0
    while x < len(cells):
        back = x - 1
        while back > start and _person_cell(cells[back].text):
            back -= 1  # (leaders' names, one a line: 王嵘 / 方勇)
        if units[x] and x > start and not units[back]:
            y = x + 1
            while y < len(cells) and units[y]:
                y += 1  # (the support's unit cells after the lead's)
            out.append(cells[start:y])
            start = x = y
            continue
        x += 1
    if start < len(cells) or len(out) < 2 or len(out[0]) < width - 1 \
            or any(len(part) > width or units[cells.index(part[0])] for part in out[1:]):
        return [cells]
    return out


# A unit cell naming roles (君山's 任务清单): 经济发展处配合区经发局、市场监督管理局、消防救援支队落实 (the units after 配合 lead, the
# one before supports), 政法综治处牵头， / 交通与建设处、经济发展处配合 (a cell each), 片区消防工作站负责, 政法综治处落实,
# 各包村处室按照职责分工落实.
_ROLE_SUPPORTS = re.compile(r"^(?P<support>.*?)配合(?P<lead>.+?)(?:(?:落实|负责|实施|推进|开展)[^、,，]{0,12})?$")
_ROLE_LEADS = re.compile(r"^(?P<lead>.+?)(?:牵头负责|牵头|负责|落实|按照?职责(?:分工)?(?:落实|负责))$")
_ROLE_JOINS = re.compile(r"^(?P<support>.+?)(?:配合|协助|参与|协同)(?:落实|负责)?$")


def role_cell(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The lead and support a unit cell names by roles (see above), or None where it names none that way (a plain
    list of units, a sentence)."""
    t = compact(text).rstrip("。，,；;")
    if not t or re.search(r"[。:：\d]", t):
        return None

    def names(part: str) -> tuple[str, ...] | None:
        got = _split_units(part)
        return got if got and _unit_cell(part) else None

    def one(part: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        if (m := _ROLE_SUPPORTS.fullmatch(part)) and (lead := names(m.group("lead"))) \
                and (not m.group("support") or (sup := names(m.group("support")))):
            # (the work each lead does after its role — 社会事业处配合区社会事业局负责养老院；经济发展处配合区经发局负责商场:
            # a clause each, the cell's units all of them; a 配合 cell whose supporter the page put in the cell before)
            return lead, sup if m.group("support") else ()
        if (m := _ROLE_LEADS.fullmatch(part)) and (lead := names(m.group("lead"))):
            return lead, ()
        if (m := _ROLE_JOINS.fullmatch(part)) and (sup := names(m.group("support"))):
            return (), sup
        return None

    got = [one(p) for p in re.split(r"[；;，,]", t)]  # (X牵头，Y配合 in one cell: a clause each)
    if any(g is None for g in got):
        return None
    return (tuple(dict.fromkeys(u for g in got for u in g[0])), tuple(dict.fromkeys(u for g in got for u in g[1])))


def _timed_sub_rows(cells: list[_Cell], head: list[str], col: dict[str, int | None], width: int) -> list[list[_Cell]]:
    """A row whose task the page broke into sub-rows each closing on its own time cell, under one number and task name
    (君山's 任务清单, 序号 | 工作任务 | 工作内容 | 责任单位及分工 | 完成时限 one cell a paragraph: 6 / 深化重点领域消防安全隐患治理 /
    组织对工业集中区… / 经济发展处配合区经发局… / 2022年4月20日前 / 组织对群租房… / 政法综治处落实 / 2022年4月20日前 / …): the full
    row up to its first time cell, then each sub-row, its task cells, its unit cells and its time cell — each its own
    step with its own units and date (the row had been one step led by the first sub-row's units). Only where the time
    column closes the heading right after the unit columns, and every cell falls into such sub-rows; else []."""
    lead, time = col["lead"], col["time"]
    if lead is None or time is None or time != len(head) - 1 or col["content"] is None or col["content"] > lead \
            or any(x not in (lead, time, col["support"]) and x > lead for x in range(len(head))) \
            or len(cells) <= width:
        return []

    def when(c: _Cell) -> bool:  # a time cell: a date and no more (2022年4月20日前, 4月底, 年底前)
        return len(c.text) <= 16 and bool(_CELL_TIME.search(c.text)) and not _unit_cell(c.units) \
            and not re.search(r"[。；;，,]", c.text.rstrip("。"))

    units = [(_unit_cell(c.units) or role_cell(c.text) is not None) and not when(c) for c in cells]
    out: list[list[_Cell]] = []
    start = 0
    for x, c in enumerate(cells):
        if when(c) and x > start and units[x - 1]:
            part = cells[start:x + 1]
            first = next((k for k, u in enumerate(units[start:x]) if u), None)
            if first is None or first == 0 or any(not u for u in units[start + first:x]):
                return []  # (a sub-row is its task cells, then its unit cells, then its time: nothing else)
            out.append(part)
            start = x + 1
    if start < len(cells) or len(out) < 2 or len(out[0]) < width:
        return []
    return out


def _map_rows(cells: list[_Cell], head: list[str], col: dict[str, int | None], number: int) -> list[_Row | None]:
    """A row's cells mapped to the heading's columns: one row, or its sub-rows (_sub_rows), each under its number."""
    return [_map_row(part, head, col, number) for part in _sub_rows(cells, head, col)]


def dated_columns(head: list[str]) -> list[int]:
    """The columns named by when their cells are due (一季度目标, 7月工作计划), a report's progress apart."""
    return [x for x, h in enumerate(head) if not _COL_PROGRESS.search(h) and _dated_label(h)]


# A figure alone in a cell (<109, 83, ≥72, 4.50, 95%): no measure's name (1/10万, 万元 are a 单位 cell's)
_BARE_FIGURE = re.compile(r"[≥≤><＞＜]?\s*\d+(?:\.\d+)?\s*[%％‰]?(?:以上|以下|左右|以内)?")


def _map_figures(cells: list[_Cell], head: list[str], col: dict[str, int | None], number: int,
                 lines: tuple[int, int]) -> _Row | None:
    """A row of a target table that names no unit or time column (序号 | 指标名称 | 单位 | 2025年, 龙湾's 十四五 indicators,
    round twenty-four's tables), its cells under the heading's columns in turn: the indicator's name, its measure, its
    figure for each year column (_figures). A row a cell short whose last cell is a bare figure under the 单位 column
    (15 | 出生人口性别比 | <109, a ratio with no measure, its 单位 cell left empty) has that figure under the year column:
    a measure is no figure."""
    names = [x for x in range(len(head)) if x != col["number"]]
    cols = names[:len(cells)]
    years = year_columns(head)
    if len(cells) < len(names) and cells and _UNIT_COL.fullmatch(head[cols[-1]]) and len(years) == 1 \
            and _BARE_FIGURE.fullmatch(cells[-1].text):
        cols[-1] = next(iter(years))
    content, figures, baselines = _figures(cells, cols, head)
    if not figures:
        return None
    return _Row(number, content, (), (), None, lines, figures=figures, baselines=baselines)


def _map_dated(cells: list[_Cell], head: list[str], col: dict[str, int | None], number: int,
               lines: tuple[int, int]) -> _Row | None:
    """A row of a table that names no unit or time column but a column by when its cells are due (7月工作计划,
    一季度目标), mapped by position from the right: a row a few cells short is missing its first cells (a 项目名称
    merged over the group's rows). The content is the cells of the columns named as a task's (项目, 内容, 任务…);
    a progress column (截至6月底进展, 完成情况), a span (起止年限) and a person are none; the dated cells are steps due
    when their column says."""
    names = [x for x in range(len(head)) if x != col["number"]]
    short = max(0, len(names) - len(cells))

    def cell(x: int) -> _Cell | None:
        i = names.index(x) - short
        return cells[i] if 0 <= i < len(cells) else None

    content = [c for x in names if not _COL_PROGRESS.search(head[x]) and not _dated_label(head[x])
               and not _COL_PERSON.search(head[x]) and _COL_CONTENT.search(head[x]) and (c := cell(x)) is not None]
    dated = [(c, head[x]) for x in names if not _COL_PROGRESS.search(head[x]) and _dated_label(head[x])
             and (c := cell(x)) is not None]
    if not content:
        return None
    return _Row(number, content, (), (), None, lines, dated=dated)


def _steps_cell(text: str) -> bool:
    """A cell of a time column (进度安排, 时间节点) that sets out dated steps rather than one date: ①2月上旬前,完成设计招标。②3月底前,
    完成…。 (开化县's 进度安排, round fifteen): two sentences or more, or numbered items. Its steps are the task's, each dated;
    a date with the work it closes (2024年6月底前完成主体,9月底前投用) stays the task's due date, its latest."""
    if re.match(r"(?:(?:19|20)\d{2}年)?(?:第?[一二三四]季度|[上下]半年|\d{1,2}月份?)[:：]", text):
        return True  # 第四季度:开展项目落实相关工作。 — a time label heading the step it dates (淮北's 进度安排, round nineteen)
    return bool(re.search(r"[。；;]", text.rstrip("。；;"))) and bool(_CELL_TIME.search(text)) \
        or len(re.findall(r"(?:^|(?<=[。；;]))(?:\d{1,2}[.．、]|[(（]\d{1,2}[)）])", text)) >= 2


def _map_lead_first(cells: list[_Cell], head: list[str], col: dict[str, int | None], number: int,
                    lines: tuple[int, int]) -> _Row | None:
    """A row of a table whose unit column stands before the task's (序号 | 牵头单位 | 项目名称 | 业主单位 | 进展情况: a
    list ordered by who leads, round fifteen), mapped by position: the lead's cell where the heading puts it — or, in
    a row a cell short whose cell there names no unit, merged with the row above's (_table_rows gives it that row's
    units) and every later cell a place earlier —; the content the cells of the columns after it that name no unit,
    time, person or progress; the support and time cells where their columns stand."""
    def pos(x: int) -> int:
        return x - (1 if col["number"] is not None and col["number"] < x else 0)

    width = sum(1 for x in range(len(head)) if x != col["number"])
    k = pos(col["lead"])
    here = cells[k] if k < len(cells) else None
    merged = len(cells) < width and (here is None or not _unit_cell(here.units))
    shift = 1 if merged else 0

    def cell(x: int | None) -> _Cell | None:
        i = pos(x) - shift if x is not None else -1
        return cells[i] if 0 <= i < len(cells) else None

    other = {col["number"], col["lead"], col["support"], col["time"]}
    content = [c for x in range(col["lead"] + 1, len(head)) if x not in other and not _COL_PERSON.search(head[x])
               and not _COL_PROGRESS.search(head[x]) and not _COL_ASIDE.search(head[x]) and (c := cell(x)) is not None]
    if not content:
        return None
    lead = () if merged or here is None or here.text in _NO_UNIT else _split_units(here.units.rstrip("。"))
    sup = cell(col["support"])
    support = _split_units(sup.units.rstrip("。")) if sup is not None and sup.text not in _NO_UNIT \
        and _unit_cell(sup.units) else ()
    time = cell(col["time"])
    time = time if time is not None and _CELL_TIME.search(time.text) and len(time.text) <= 30 else None
    lead, support = marked_leads(lead, support)
    return _Row(number, content, lead, support, time, lines, merged=merged)


_CELL_ITEM = re.compile(r"(?:^|(?<=[。；;]))(?:(\d{1,2})[.．、](?=\D|\d{1,2}月)|[(（](\d{1,2})[)）])")  # (1., (1), ①)


def _cell_items(doc: Doc, cell: _Cell, breaks: set[int]) -> list[tuple[int, int]]:
    """The numbers of the steps a cell lists (1.4月底前…。 2.8月底前…。 3.…): counted 1, 2, 3 in turn at the cell's
    start or after a sentence, each is no text of its step (2.8 is no decimal) and ends the step before it."""
    out = []
    want = 1
    text = doc.c[cell.a:cell.e]
    for m in _CELL_ITEM.finditer(text):
        if int(m.group(1) or m.group(2)) != want:
            continue
        want += 1
        a = cell.a + m.start()
        out.append((a, cell.a + m.end()))
        if a > cell.a:
            breaks.add(a)
    return out if want > 2 else []


_ROW_NO = re.compile(r"\d{1,3}")
_CN_ROW_NO = re.compile(r"[一二三四五六七八九十]{1,3}")


def _row_number(t: str) -> int | None:
    """A 序号 cell's number: 1, 12, or in words 一, 十二 (a list numbered as its page numbers its parts, round fifteen)."""
    if _ROW_NO.fullmatch(t):
        return int(t)
    m = TASK.fullmatch(t)  # (1) | 地区生产总值增长6%以上。 | 市发展改革委 |: numbered as a task is (芜湖, round twenty-nine)
    if m:
        return int(m.group(1) or m.group(2))
    if _CN_ROW_NO.fullmatch(t):
        try:
            return int(read_numeral(t))
        except NumeralError:
            return None
    return None
_GROUP_ROW = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])")
_SPLIT_BAR = re.compile(r"\S\s*[|｜]\s*\S")  # a row a line: cells between bars
# A rule between a table's rows: |---|:---:| under a Markdown heading, +-----+-----+ of a text table.
_RULE_ROW = re.compile(r"[|｜+\s]*[:：]?[-—=─━]{3,}[:：]?(?:[|｜+\s]+[:：]?[-—=─━]{3,}[:：]?)*[|｜+\s]*")


def is_cell_row(line: str) -> bool:
    """A line of a table's cells (three separators or more: 序号 | 任务名称 | 责任单位 |): no title, no plan's name."""
    return len(re.findall(r"[|｜\t]", line)) >= 3


def _split_line(doc: Doc, li: int, sep: str) -> list[_Cell]:
    """The cells of line ``li`` (1-based) split at ``sep`` (bars, tabs or spaces), as compact spans."""
    line = doc.lines[li - 1]
    a0, _e0 = doc.src.line_span(li)
    out = []
    pat = {"bar": r"[|｜]", "tab": r"\t+", "space": r"\s+"}[sep]
    pos = 0
    for m in [*re.finditer(pat, line), None]:
        end = m.start() if m else len(line)
        piece = line[pos:end]
        if piece.strip():
            a = a0 + len(compact(line[:pos]))
            e = a0 + len(compact(line[:end]))
            out.append(_Cell(li, a, e, compact(piece), _names(piece) if sep != "space" else ""))
        pos = m.end() if m else len(line)
    return out


def _line_rows(doc: Doc) -> list[_Row]:
    """A table flattened a row a line (序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |, then
    1 | … | … | 教育局 | … |): a heading line whose cells (between bars, tabs or spaces) open with 序号 and name a
    unit or time column; each row a line opening with its number, a line that carries on a row (more of its cells)
    added to it, a group row (一、…) belonging to none."""
    rows: list[_Row] = []
    li = 1
    n = len(doc.lines)
    while li <= n:
        line = doc.lines[li - 1].strip()
        sep = "bar" if re.search(r"[|｜]", line) else "tab" if "\t" in line else "space"
        head = [c.text for c in _split_line(doc, li, sep)] if re.match(NUMBER_LABEL + r"\s", line) or line.startswith("序号") \
            or sep != "space" else []
        # (a markdown copy breaks a heading cell with <br>: 计划竣工<br>时间 is 计划竣工时间 — 松江's 能源 project table,
        # round fifty-two's held-out set)
        head = [re.sub(r"<br\s*/?>", "", h) for h in head if h.strip("|｜ ")]
        labels = len(head) >= 3 and all(_head_cell(h) for h in head)
        # a category column before the number (类别 | 序号 | 指标名称 | 单位 | 2025年: 龙湾's 十四五 indicators, round
        # twenty-four's tables): its cell opens each group's first row (健康水平 指标 | 1 | …), merged over the rest — the
        # group's name, no cell of a row
        grouped = next((k for k in range(1, 3) if labels and k < len(head) and _COL_NUMBER.match(head[k])
                        and all(_COL_GROUP.fullmatch(h) for h in head[:k])), 0)
        head = head[grouped:]
        quota = (_year_rows(doc, li, sep, head) or _quota_rows(doc, li, sep, head)) if len(head) >= 2 else []
        if quota:
            rows += quota
            _span(rows, li, quota[-1].lines[1])
            li = quota[-1].lines[1] + 1
            continue
        col = _columns(head) if labels else None
        if (col is None or _by_years_only(col, head) or _no_units_read(col, head)) and labels:
            # labels broken over cells (建设起 | 止年限 | 责任 | 单位, a heading set over two rows): joined, as one cell a
            # paragraph has them joined (round fifteen)
            head, col = _rejoined(head, col)
        top = li  # the heading's first line
        nxt = li + 1
        while nxt <= n and nxt - li <= 2 and not doc.lines[nxt - 1].strip():
            nxt += 1  # (a page that sets a blank line after every line)
        if labels and nxt <= n:
            # a heading set over two rows whose second names the parts of its last label (… | 2025年进展情况 / 截至6月底进展
            # | 7月工作计划): the parts stand for it (round eighteen)
            sub = [c.text for c in _split_line(doc, nxt, sep) if c.text.strip("|｜ ")]
            if len(sub) >= 2 and all(_head_cell(h) and re.search(r"[\u4e00-\u9fff]", h) for h in sub) \
                    and _row_number(sub[0]) is None and not _RULE_ROW.fullmatch(doc.lines[nxt - 1].strip()) \
                    and not _COL_NUMBER.match(sub[0]) and (two := _columns(head[:-1] + sub)) is not None:
                head, col, top = head[:-1] + sub, two, li
                li = nxt
        if col is not None and not _COL_NUMBER.match(head[0]):
            # no 序号 column (工作任务 | 牵头单位 | 完成时限 |, cells between bars or tabs): the rows are the lines under it
            # with as many cells, each read as the heading names them (round ten: such a table had not been read at
            # all — lead 待定, its 完成时限 cells no deadline)
            plain = _plain_rows(doc, li, sep, head, col) if col["number"] is None else []
            if plain:
                rows += plain
                _span(rows, li, plain[-1].lines[1])
                li = plain[-1].lines[1] + 1
                continue
            col = None
        if col is None:
            li += 1
            continue
        cur: list[_Cell] = []
        extra: list[_Cell] = []  # more of the row's task, on a row line of its own (below)
        number, last = 0, 0
        width = len(head) - (col["number"] is not None)
        sub_row = False  # cur is a sub-row (below)

        r = li + 1
        # A page that sets a blank line under the heading sets one between its rows (and a wrapped cell's lines):
        # there a blank line is the page's spacing, not the table's end.
        spaced = r <= n and not doc.lines[r - 1].strip()
        sq = _squeezed(doc)
        while r <= n:
            body = doc.lines[r - 1].strip()
            if _RULE_ROW.fullmatch(body):
                r += 1  # |---|---| under a Markdown table's heading, +----+ between a text table's rows: no row
                continue
            cells = _split_line(doc, r, sep) if body else []
            if grouped and len(cells) > grouped and _row_number(cells[0].text) is None \
                    and _row_number(cells[grouped].text) is not None:
                cells = cells[grouped:]  # (健康水平 指标 | 1 | 人均期望寿命 | …: the group's name, then the row)
            if not cells:
                # a line of separators and nothing between them (| | | |, a row the page left empty) is no row and
                # ends nothing, as a rule row; a blank line ends the table unless the page spaces its rows
                if body or sep == "bar" or spaced:
                    r += 1
                    continue
                break
            first = cells[0].text
            no = _row_number(first)
            # (a numbered item with its own report cells: a sub-row under the row whose number, category and units the
            # page merged over it — 2. 提升… | 已完成。, 西兴街道, round twenty-three's tables)
            # (alone on its line where its report cell is not: the row's last item, cut with the page — its number the
            # next of the row's items)
            item = _ITEM_NO.match(first)
            seen = [int(m.group(1)) for c in cur + extra if (m := _ITEM_NO.match(c.text))]
            item_row = item is not None and len(cells) <= 1 + _progress_after_units(head, col) and (
                len(cells) > 1 or bool(seen) and int(item.group(1)) == seen[-1] + 1 and _progress_after_units(head, col) > 0)
            # (a higher number on a line with the row's cells up to its units opens a row too: 17, 19 of a longer list)
            if no is not None and (not last or no in (last + 1, 1) or no > last and len(cells) > (col["lead"] or width)):
                _close_row(rows, cur, extra, head, col, number)
                cur, number, last, sub_row = cells[1:], r, no, False
            elif _GROUP_ROW.match(compact(body)) and len(cells) <= 2 \
                    or sep == "bar" and len(cells) == 1 and len(head) >= 4 and not _unit_cell(first) \
                    and (re.fullmatch(r"[\u4e00-\u9fff“”、]{2,12}", first) or _GROUP_ROW.match(first)):
                # (| 一、共筑美丽蓝天 |, | （一）空气质量目标 |: numbered group rows — 丰台's 美丽丰台 list, round fifty-four)
                # (| **电力方面** |: a Markdown table's group row, one short name in one cell — 松江's 能源 project table,
                # round fifty-two's held-out set, whose first group row had ended the table before its rows)
                _close_row(rows, cur, extra, head, col, number)
                cur = []
            elif cur and sep != "bar" and _one_unit(compact(body)) and 0 < sq[r] - sq[cur[-1].line] <= (2 if spaced else 1) \
                    and _unit_cell(cur[-1].text) and cur[-1].text not in _NO_UNIT:
                # a cell's units the page set one a line (区财政局 / 区税务局 under 主要责任单位): one cell (on a spaced
                # page, the next line after the blank one)
                cur[-1] = _Cell(r, cur[-1].a, doc.src.line_span(r)[1], cur[-1].text + "、" + compact(body),
                                cur[-1].units + "、" + compact(body) if cur[-1].names else "")
            elif cur and len(cells) >= 2 and (len(cur) >= width - 1 or sub_row) and not _unit_cell(first) \
                    and col["lead"] is not None and (col["content"] or 0) < col["lead"] \
                    and any(_unit_cell(c.units) and c.text not in _NO_UNIT for c in cells[1:]):
                # a sub-row with its own units under a whole row (2.一般公共预算收入…。 | ★区财政局、税务局 |: the row's
                # 序号 and 项目 merged over its sub-rows, 吴江, round twenty): a row of its own under the same number
                _close_row(rows, cur, extra, head, col, number)
                cur, sub_row = cells, True
                r += 1
                continue
            elif cur and (sep == "bar" or item_row) and len(cur) >= width - 1 and not _unit_cell(first):
                # a row line without a number under a whole row (新增学位810个 | |||||: 柯桥's task cell in two rows, the
                # others merged over both, round fifteen): more of the row's task, not more of its cells — and a numbered
                # item with its own report cells (2. 提升… | 已完成。 |, 西兴街道, round twenty-three's tables): its task only
                if item_row:
                    cells = cells[:1]
                extra.extend(c for c in cells if not _unit_cell(c.units) and not _CELL_TIME.fullmatch(c.text))
            elif cur and (sep == "bar" or (len(compact(body)) <= 60 and "。" not in body[:-1])):
                cur.extend(cells if sep == "bar" else [_Cell(r, *doc.src.line_span(r), compact(body), _names(body))])
            else:
                break
            r += 1
        _close_row(rows, cur, extra, head, col, number)
        _span(rows, top, r - 1)
        li = r
    return [x for x in rows if x is not None]


# A quota table (分解表): a plan's figure shared out among units, a row each — 乡镇 | 新种任务(亩) | 备注, then 长安镇 | 2150 |
# (融安's 金桔 分解表, round twenty-one's held-out set). Its heading's first column (after a 序号) names the kind of unit its
# rows are (乡镇, 县(市、区), 单位), and a column names its figures' measure in brackets (新种任务(亩), 投资(万元)).
_QUOTA_HEAD = re.compile(r"(?:各)?(?:乡镇|镇街|镇|乡|街道|县[(（]市、?区[)）]|县市区|县区|区县|市县|县市|市州|市|县|区|地区|"
                         r"(?:责任)?单位|部门|区域|园区|村|社区|村[(（]社区[)）]|(?:乡镇|镇)[(（]街道[)）])(?:名称)?")
# a row's unit where the heading names places: a county, district, township, village by its name (长安镇, 甲县, 城关街道)
_QUOTA_PLACE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:县|区|市|旗|州|盟|镇|乡|街道|村|社区|场|园)")
# the row of the table's total: the plan's own figure, led by no unit the row names
_TOTAL_WORD = r"合\s*计|总\s*计|小\s*计"
_QUOTA_TOTAL = re.compile(rf"(?:全[县市区镇乡旗])?(?:{_TOTAL_WORD}|共\s*计)|全[县市区镇乡旗]")


_TOTAL_COLUMN = re.compile(rf"(?:{_TOTAL_WORD})(?:[(（][^()（）]{{1,6}}[)）])?")


def _quota_groups(head: list[str]) -> tuple[int, list[tuple[int, dict[int, tuple[str, str]]]]]:
    """A quota table's heading read as its groups of columns, each the column naming its rows' units and the columns
    naming a measure (``{column: (label, measure)}``) — one group, or one for each repeat of a heading a page sets
    side by side to save paper (单位 | 任务数(人) | 单位 | 任务数(人): 三封寺's 献血 quotas, round seventy-six's held-out
    set, two units a row), with how many columns the row's number takes (1 under a 序号, else 0). No groups where the
    first column (after a 序号) names no kind of unit or no column a measure."""
    off = 1 if _COL_NUMBER.match(head[0]) else 0
    if len(head) < off + 2 or not _QUOTA_HEAD.fullmatch(head[off]):
        return off, []
    starts = [x for x in range(off, len(head)) if _QUOTA_HEAD.fullmatch(head[x])]
    width = starts[1] - starts[0] if len(starts) > 1 else 0
    # a repeat is the same labels again, its own 序号 too where the first has one (序号 | 单位 | 任务 | 序号 | 单位 | 任务);
    # any other heading is one group (乡镇 | 任务(亩) | 责任单位)
    numbered = bool(off) and all(_COL_NUMBER.match(head[s - 1]) for s in starts)
    base = [s - numbered for s in starts]
    repeated = width >= 2 and len(head) - (0 if numbered else off) == width * len(starts) \
        and all(head[b:b + width] == head[base[0]:base[0] + width] for b in base)
    bounds = [(s, min(s + width, len(head))) for s in starts] if repeated else [(off, len(head))]
    out = []
    for lo, hi in bounds:
        measured = {x: (label, units[0]) for x in range(lo + 1, hi)
                    if len(units := _row_units(label := head[x])) == 1 and not year_columns([label])}
        if not measured:
            return off, []
        out.append((lo, measured))
    return off, out


def _quota_name(name: str, figures: bool) -> bool:
    """A quota row's unit cell: a unit, a place, or — on a row that gives a figure — any short name (财政所, 华一村)."""
    return bool(_one_unit(name) or _QUOTA_PLACE.fullmatch(name)
                or figures and len(name) <= 16 and not re.search(r"[\d。，,；;:：]", name))


def _quota_row(cells: list[_Cell], groups: list[tuple[int, dict[int, tuple[str, str]]]], off: int,
               lines: tuple[int, int]) -> list[_Row] | None:
    """The rows one line (or run of cells) of a quota table gives, a row for each group of columns whose unit cell
    it fills; None where its first cell is neither a unit nor a total (the table has ended)."""
    out: list[_Row] = []
    for k, (lo, measured) in enumerate(groups):
        at = lo - off
        if at >= len(cells):
            break
        span = range(at, (groups[k + 1][0] - off) if k + 1 < len(groups) else len(cells))
        name = cells[at].text
        figures = [(cells[x], measured[x + off][0], (measured[x + off][1],)) for x in span
                   if x + off in measured and x < len(cells) and _FIGURE_CELL.fullmatch(cells[x].text)]
        total = bool(_QUOTA_TOTAL.fullmatch(name))
        if not total and not _quota_name(name, bool(figures)):
            if k == 0:
                return None
            continue
        # the other cells (a 备注: 其中县农业投资有限公司新种任务1500亩) stay the row's text, led by its unit too
        content = [cells[at]] + [cells[x] for x in span if x != at and x + off not in measured and x < len(cells)
                                 and _row_number(cells[x].text) is None]
        out.append(_Row(0, content, () if total else _split_units(name), (), None, lines, figures=figures, quota=True))
    return out


def _quota_rows(doc: Doc, li: int, sep: str, head: list[str]) -> list[_Row]:
    """The rows of a quota table whose heading is line ``li`` (cells ``head``): each row's figure under a column naming
    a measure is a target of the unit its first cell names (the total row's names none), due when the plan ends.
    Nothing where the heading's first column names no kind of unit (指标 | 数量(个): indicators, not units) or no
    column names a measure (单位 | 任务 | 备注), or where a row's first cell is neither a unit nor a total."""
    off, groups = _quota_groups(head)
    if not groups:
        return []
    # a total column (合计): each row's total is the unit's figure, its parts (春种 | 夏种 under 分阶段任务(亩), a heading
    # over two rows) no figures of their own — the total is the row's last figure (满城's 结构调整 table, round
    # eighty-eight's held-out set, its empty part cells collapsed: 2 | 神星镇 | 2478.4 | 2478.4 |)
    total = next((x for x, h in enumerate(head) if len(groups) == 1 and x > off and _TOTAL_COLUMN.fullmatch(h)), None)
    out: list[_Row] = []
    r = li + 1
    spaced = r <= len(doc.lines) and not doc.lines[r - 1].strip()  # (a page setting a blank line after every line)
    if total is not None:
        nxt = r
        while spaced and nxt < len(doc.lines) and not doc.lines[nxt - 1].strip():
            nxt += 1  # (the blank lines a spaced page sets between its rows)
        sub = [c.text for c in _split_line(doc, nxt, sep) if c.text.strip("|｜ ")] if nxt <= len(doc.lines) else []
        if 2 <= len(sub) < len(head) and all(_head_cell(h) and not re.search(r"\d", h) for h in sub):
            r = nxt + 1  # the heading's second row, naming the parts (春种 | 夏种)
    while r <= len(doc.lines):
        body = doc.lines[r - 1].strip()
        if _RULE_ROW.fullmatch(body) or (not body and spaced):
            r += 1
            continue
        cells = _split_line(doc, r, sep) if body else []
        cells = [c for c in cells if c.text.strip("|｜ ")]
        if off and cells and _row_number(cells[0].text) is not None:
            cells = cells[1:]
        if len(cells) < 2:
            break
        got = _quota_row(cells, groups, off, (r, r))
        if got is None:
            break
        if total is not None and got:
            last = next((c for c in reversed(cells[1:]) if _FIGURE_CELL.fullmatch(c.text)), None)
            measure = _row_units(head[total]) or next(iter(groups[0][1].values()))[1:]
            got[0].figures = [(last, head[total], (measure[0],))] if last is not None else []
            got[0].content = got[0].content[:1]
        out.extend(got)
        r += 1
    return out if any(row.figures for row in out) else []


# A table of targets set out by year (年度 | 资源类型 | 接入容量 | 申报可调能力 | 实际可调能力, then 2025 | 充换电站 | 130 | 55 |
# 30 and the year's other rows a cell short, its year cell merged over them; 单位：万千瓦 in the caption above: 上海's 虚拟电厂
# targets, round fifty-six's held-out set — the table had given nothing, 42 targets). Its first column (after a 序号) names
# the year; each figure is a target of its row's name and its column's, due at the end of its row's year, in the measure
# its column names in brackets or, failing that, the one the caption gives.
_YEAR_HEAD = re.compile(r"(?:实施|计划|目标)?(?:年度|年份|年)")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}年?度?")
# the caption's measure: 单位：万千瓦, （单位：亿元）, 计量单位:个 (on the table's title line or a line of its own above it)
_CAPTION_UNIT = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s|｜,，;；。、)）<*]{1,8})")


def _caption_unit(doc: Doc, li: int) -> str:
    """The measure a table's caption gives its bare figures (单位：万千瓦), on the three lines with text above its heading
    (line ``li``) — "" where none does, or where what it names is no measure."""
    from ..text.quantities import QuantityError, parse_value  # (text is above extract: no cycle)
    above = [k for k in range(li - 1, 0, -1) if doc.lines[k - 1].strip()][:3]  # (blank lines a spaced page sets: none)
    for k in above:
        m = _CAPTION_UNIT.search(compact(doc.lines[k - 1]))
        if m:
            try:
                return m.group(1) if parse_value("1" + m.group(1)).unit else ""
            except QuantityError:
                return ""
    return ""


def _year_rows(doc: Doc, li: int, sep: str, head: list[str]) -> list[_Row]:
    """The rows of a table of targets by year whose heading is line ``li`` (cells ``head``): each row's figures, due at
    the end of the year its first cell names or, a cell short, the year of the rows above (the cell merged over them);
    a row's other cells name what it counts. Nothing where the first column names no year, a figure column has no
    measure, or no row gives a figure; the table ends at a line that is no row of it."""
    off = 1 if _COL_NUMBER.match(head[0]) else 0
    if len(head) < off + 2 or not _YEAR_HEAD.fullmatch(head[off]):
        return []
    caption = _caption_unit(doc, li)
    measures = {x: (units[0] if len(units := _row_units(head[x])) == 1 else caption) for x in range(off + 1, len(head))}
    out: list[_Row] = []
    year: _Cell | None = None
    r = li + 1
    spaced = r <= len(doc.lines) and not doc.lines[r - 1].strip()  # (a page setting a blank line after every line)
    while r <= len(doc.lines):
        body = doc.lines[r - 1].strip()
        if _RULE_ROW.fullmatch(body) or (not body and spaced):
            r += 1
            continue
        cells = [c for c in _split_line(doc, r, sep) if c.text.strip("|｜ ")] if body else []
        if off and cells and _row_number(cells[0].text) is not None:
            cells = cells[1:]
        if cells and _YEAR_CELL.fullmatch(cells[0].text):
            year, cells = cells[0], cells[1:]
        if year is None or not cells or len(cells) > len(head) - off - 1:
            break
        cols = range(len(head) - len(cells), len(head))  # (a row a cell short: its cells stand under the last columns)
        figures = [(c, head[x], (measures[x],)) for c, x in zip(cells, cols, strict=True)
                   if measures[x] and _FIGURE_CELL.fullmatch(c.text)]
        if not figures:
            break
        content = [c for c in cells if all(c is not f[0] for f in figures)] or [year]
        out.append(_Row(0, content, (), (), None, (r, r), figures=figures, year=year))
        r += 1
    return out


def _quota_cell_rows(doc: Doc, cells: list[tuple[int, str]]) -> tuple[list[_Row], set[int]]:
    """The quota tables of a page that flattens a table one cell a line ending in " |" (单 位 | / 任务数(人) | / 单 位 | /
    任务数(人) |, then 墨山铺村 | / 3 | …: 三封寺's 献血 quotas, round seventy-six's held-out set): the heading's labels
    right under each other, then its rows the heading's width, cell by cell (an empty cell keeps its place) — and the
    lines read, which no other reading of cells takes again."""
    rows: list[_Row] = []
    used: set[int] = set()
    sq = _squeezed(doc)
    i = 0
    while i < len(cells):
        t0 = compact(cells[i][1]).replace(" ", "")
        if not (_QUOTA_HEAD.fullmatch(t0) or _COL_NUMBER.match(t0)):
            i += 1
            continue
        # the heading: labels on the lines right under each other, up to the first row's unit (a place, a unit's name)
        j = i + 1
        while j < len(cells) and sq[cells[j][0]] - sq[cells[j - 1][0]] <= 2 and _head_cell(t := compact(cells[j][1])) \
                and (_QUOTA_HEAD.fullmatch(t.replace(" ", "")) or not (_one_unit(t) or _QUOTA_PLACE.fullmatch(t))):
            j += 1
        head = [compact(c).replace(" ", "") for _, c in cells[i:j]]
        off, groups = _quota_groups(head) if len(head) >= 2 else (0, [])
        if not groups:
            i += 1
            continue
        got: list[_Row] = []
        r = j
        while r < len(cells) and sq[cells[r][0]] - sq[cells[r - 1][0]] <= 2:
            k = len(head)
            if off and _row_number(compact(cells[r][1])) is None:
                k -= 1  # (a row without its number: the total's 合计 over the 序号 and unit cells)
            run = cells[r:r + k]
            stop = next((x for x, (a, b) in enumerate(zip(run, run[1:], strict=False), start=1)
                         if sq[b[0]] - sq[a[0]] > 2), len(run))
            run = run[:stop]  # (the table's last row, cut off or a unit short: the cells it has)
            if len(run) < 2:
                break
            row = [_Cell(ln, doc.src.line_span(ln)[0], doc.src.line_span(ln)[0] + len(compact(t)), compact(t), _names(t))
                   for ln, t in run]
            if k == len(head) and off:
                row = row[1:]
            one = _quota_row(row, groups, off, (run[0][0], run[-1][0]))
            if one is None:
                break
            got.extend(one)
            r += len(run)
            if len(run) < k:
                break
        if any(x.figures for x in got):
            rows.extend(got)
            _span(rows, cells[i][0], cells[r - 1][0])
            used.update(ln for ln, _t in cells[i:r])
            i = r
        else:
            i += 1
    return rows, used


def _close_row(rows: list[_Row | None], cur: list[_Cell], extra: list[_Cell], head: list[str],
               col: dict[str, int | None], number: int) -> None:
    """The row of cells ``cur`` mapped and added to ``rows``, with the task's text on row lines of its own (``extra``)."""
    got = _map_rows(cur, head, col, number) if cur else [None]
    row = got[-1]
    if row is not None and extra:
        row.content += extra
        row.lines = (row.lines[0], max(row.lines[1], extra[-1].line))
    rows.extend(got)
    extra.clear()


def _plain_rows(doc: Doc, li: int, sep: str, head: list[str], col: dict[str, int | None]) -> list[_Row]:
    """The rows under a heading line without a 序号 column: each line after it with as many cells (blank lines
    between bar-marked rows skipped), up to the first line that is not one."""
    out: list[_Row] = []
    r = li + 1
    while r <= len(doc.lines):
        body = doc.lines[r - 1].strip()
        if not body and sep == "bar" or body and _RULE_ROW.fullmatch(body):
            r += 1
            continue
        cells = [c for c in _split_line(doc, r, sep) if c.text.strip("|｜ ")] if body else []
        if len(cells) == 1 and _GROUP_ROW.match(cells[0].text) and _by_years_only(col, head) \
                and not _FIGURE_CELL.search(cells[0].text):
            r += 1  # (一、发展水平 between a target table's rows, 维智's indicators between bars: a group row, no row's end)
            continue
        if out and len(cells) == 2 and sep != "space" and _CELL_TIME.search(cells[0].text) and len(cells[0].text) <= 12 \
                and col["lead"] == len(head) - 1 and cells[1].text not in _NO_UNIT \
                and (_unit_cell(cells[1].units) or re.fullmatch(r"[\u4e00-\u9fff]{2,10}", cells[1].text)):
            # a row of a time and a unit only under a row (2021.8 | 城投集团 | || under 对人民中路…改造 | 11月 | 建设局, 新昌,
            # round twenty-two): the task above split over two rows for two units, the merged task cell on the first —
            # this unit's share of it, due when its own time says: a step of its own, on its line. The name under the last
            # column, the units', is a unit by where it stands (经开区, a zone's committee named by its zone)
            out.append(_Row(0, [cells[0]], _split_units(cells[1].units.rstrip("。")), (), cells[0], (r, r),
                            share_of=out[-1].share_of or "".join(c.text for c in out[-1].content[-1:])))
            r += 1
            continue
        if out and len(cells) == 2 and sep != "space" and _unit_cell(cells[1].units) and not _unit_cell(cells[0].units) \
                and (row := _map_row(cells, head, col, 0)) is not None:
            # a row of a task and a unit only under a row (计划10月底完成新增墓地建设 | 公共服务集团 | ||, its time merged or in
            # its words, 新昌, round twenty-two): a row of its own
            out.append(row)
            r += 1
            continue
        if out and (row := _under_merged_time(cells, head, col, out[-1], (r, r))) is not None:
            out.append(row)
            r += 1
            continue
        # a row has the heading's cells, or fewer where cells were merged over rows (a 类别 written once, 莱阳's
        # progress table) or left empty (a bar with nothing after it): three at least, never more than one over
        if not 3 <= len(cells) <= len(head) + 1 or len(cells) != len(head) and sep == "space" \
                or all(_head_cell(c.text) for c in cells):
            break
        row = _map_row(cells, head, col, 0)
        if row is None:
            break
        out.append(row)
        r += 1
    return out


def _under_merged_time(cells: list[_Cell], head: list[str], col: dict[str, int | None], above: _Row,
                       lines: tuple[int, int]) -> _Row | None:
    """A row under a time cell the page merged over the rows of its block (杨凌's target assessment, 时限 | 类别 | 工作任务 |
    目标及质量要求 | 备注: 第 一 季 度 written once on the block's first row, then 税后利润(20分) | 35万元 | |||, a row whose
    time and 类别 cells are merged with the rows above and whose 备注 is empty — round twenty-three's tables): its cells
    stand under the task's columns counted from the right (the target column's last), the time is the row above's. Only
    where the table's first column is its time, it names no unit column, and the row's first cell is no time of its own."""
    if col["lead"] is not None or col["time"] != 0 or col["content"] is None or above.time is None:
        return None
    task = sorted({col["content"], *_target_columns(head, col)})
    cols = [x for x in range(1, task[-1] + 1) if x != col["number"]]
    if not 1 <= len(cells) < len(cols) + 1 or _CELL_TIME.search(cells[0].text) and len(cells[0].text) <= 12:
        return None
    if len(cells) > len(cols):
        return None
    at = dict(zip(cols[len(cols) - len(cells):], cells, strict=True))
    content = [at[x] for x in task if x in at]
    return _Row(0, content, (), (), above.time, lines, merged=True, labels=_labels(content)) if content else None


def _labels(content: list[_Cell]) -> list[_Cell]:
    """Of a row's task cell and its target cell (工作任务 | 目标及质量要求), the task cell when it only names what the
    target cell sets (税后利润(20分) over 35万元; 招商引资(10分) over 合同引资2.8亿元(4分);…): no figure of its own outside
    brackets (a score, (20分), is one), and a target cell that holds something. 新建充电桩500个 over a target cell stays a
    task: its figure is a target."""
    if len(content) != 2 or content[1].text in _NO_FIGURE:
        return []
    own = re.sub(r"[(（][^()（）]*[)）]", "", content[0].text)
    return [] if re.search(r"\d", own) else [content[0]]


def _span(rows: list[_Row | None], first: int, last: int) -> None:
    """Mark the rows of one table (those not yet marked) with its lines: no line of it is a paragraph of its own."""
    for x in rows:
        if x is not None and x.table == (0, 0):
            x.table = (first, max(last, x.lines[1]))


def _squeezed(doc: Doc, bars: bool = False) -> list[int]:
    """Each line's number (1-based, index 0 unused) counted with every run of blank lines as one line (with ``bars``,
    a line of bars alone is blank too: the mark a page sets after each cell of a table one cell a paragraph, 吴江)."""
    out, n, blank = [0], 0, False
    for ln in doc.lines:
        empty = not ln.strip() or bars and not ln.strip(" |｜\t")
        if not (empty and blank):
            n += 1
        blank = empty
        out.append(n)
    return out


_WHEN_CELL = re.compile(r"全年|年内|第?[一二三四1-4]季度|[上下]半年|\d{1,2}月(?:份|底|末)?(?:前)?|年底前?")


def _category_cell(t: str) -> bool:
    """A task table's category cell (旧区改造, 行动二：重塑美丽新居行动（…）): short, no sentence, no number, no unit."""
    return _row_number(t) is None and len(t) <= 40 and "。" not in t and not _unit_cell(t)


def _cell_rows(doc: Doc, cells: list[tuple[int, str]], marked: bool) -> list[_Row]:
    """A table a page flattens one cell a line ending in " |" (``marked``), or one cell a paragraph without marks
    (序号 / 目标任务 / 牵头单位 / 责任单位, then 1 / ★地区生产总值增长15%。/ 区发改局 …): its heading, three or more
    short cells without digits right under each other, opens with 序号 (or, marked, names a unit or time column);
    each row opens with its number (1, 2, 3 … in turn), a group row (一、… (牵头领导:…)) between rows belongs to
    none; the table ends where the cells stop."""
    rows: list[_Row] = []
    # Lines are counted with a run of blank lines as one: a page that puts two blank lines between cells (or
    # between paragraphs) lays out the same table as one that puts one.
    sq = _squeezed(doc, bars=not marked)
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and _head_cell(cells[j][1]) and (j == i or sq[cells[j][0]] - sq[cells[j - 1][0]] <= 2) \
                and not (j > i and _GROUP_ROW.match(compact(cells[j][1]))) \
                and not (j > i and _COL_TIME.search(compact(cells[i][1])) and _WHEN_CELL.fullmatch(compact(cells[j][1]))):
            # (一、优结构 under the labels: a group row; 全年 under 时限 | … : the first row's time cell — 杨凌, round
            # twenty-three's tables)
            j += 1
        head = _tails_joined([compact(c).replace(" ", "") for _, c in cells[i:j]])
        col = _columns(head) if len(head) >= 3 else None
        categories = False  # the heading's first column names the rows' category (任务类型), its cells between the rows
        if (col is None or _by_years_only(col, head) or _no_units_read(col, head)) and len(head) >= 3:
            # a heading whose labels the page broke over two paragraphs (责任 / 单位, 江山's table, round fourteen)
            head, col = _rejoined(head, col)
        if col is not None and not marked and col["number"] is None and _COL_PROGRESS.search(head[0]):
            i += 1  # (2021年第四季度重点工作落实情况 above the labels: the report's title, no column — the heading is below)
            continue
        if col is not None and not marked and col["number"] in (1, 2) \
                and all(_COL_GROUP.fullmatch(h) for h in head[:col["number"]]):
            # a category column before the 序号 (任务类型 / 序号 / 工作任务 / 推进单位: 静安's 城市更新 task list, round thirty-six's
            # held-out set): its cells (旧区改造) stand between the rows, each over the rows under it — no cell of a row
            rest = _columns(head[col["number"]:])
            if rest is not None and rest["lead"] is not None:  # (a target table's categories stay read as before)
                head, col, categories = head[col["number"]:], rest, True
        if col is None or (not marked and col["number"] not in (0, None)):
            i = max(i + 1, j if col is None and marked and len(head) >= 3 else i + 1)
            continue
        if not marked and col["number"] == 0 and j < len(cells) and _row_number(compact(cells[j][1])) is None \
                and not _GROUP_ROW.match(compact(cells[j][1])) and len(head) >= 4:
            # a 序号 column the rows lost (余杭's 序号 / 重点工作任务 / 牵头领导 / 牵头单位, then a task, its leaders, its unit —
            # round thirty-three's held-out set): the heading without it, each row read by its cells
            rest = _columns(head[1:])
            if rest is not None and rest["lead"] is not None and rest["content"] == 0:
                head, col = head[1:], rest
        cur: list[_Cell] = []
        number, last = 0, 0
        ruled = False  # the row before ended in a bare bar (the marked page's row separator)
        after_category = False  # the cell before was a category cell (categories)
        r = j
        if col["number"] is None and col["lead"] is not None and col["content"] == 0 \
                and all(x in (col["lead"], col["support"]) or _COL_PERSON.search(head[x]) for x in range(1, len(head))):
            # 主要工作任务 / 牵头单位 / 责任单位, the unit columns last (沈河, round twenty): a row is its task and the unit
            # cells after it, however many paragraphs the 责任单位 cell takes (区工信局 / 各街道办事处); a group row
            # (一、…) between rows belongs to none. A 牵头领导 column among them names people: their cells are the row's.
            persons = any(_COL_PERSON.search(h) for h in head)
            cur = []
            r = j
            while r < len(cells) and sq[cells[r][0]] - sq[cells[r - 1][0]] <= 4:
                ln, text = cells[r]
                t = compact(text)
                a0 = doc.src.line_span(ln)[0]
                cell = _Cell(ln, a0, a0 + len(t), t, _names(text))
                if _unit_cell(cell.units):
                    if not cur:
                        break
                    cur.append(cell)
                elif cur and persons and _person_cell(t) and not any(_unit_cell(c.units) for c in cur):
                    cur.append(cell)  # (a leader's name under 牵头领导, before the row's units: the row's, no task)
                elif cur and persons and _leader(cur[-1].text) and _named_after_leaders(t):
                    cur.append(cell)  # (the cell after the leaders' names: the row's units, 未来科技城(海创园), 临平新城)
                else:
                    if cur:
                        rows.append(_map_row(cur, head, col, 0))
                    cur = [] if _GROUP_ROW.match(t) else [cell]
                r += 1
            if cur:
                rows.append(_map_row(cur, head, col, 0))
            _span(rows, cells[i][0], cells[max(r, j) - 1][0])
            i = max(r, j, i + 1)
            continue
        if col["number"] is None and _by_years_only(col, head) and not marked:
            got, r = _indicator_rows(doc, cells, r, head, col, sq)
            rows.extend(got)
            _span(rows, cells[i][0], cells[max(r, j) - 1][0])
            i = max(r, j, i + 1)
            continue
        if col["number"] is None:  # no 序号 column: the rows are the heading's width, cell by cell
            k = len(head)
            while r + k <= len(cells) and sq[cells[r + k - 1][0]] - sq[cells[r][0]] <= 2 * k:
                got = [_Cell(ln, doc.src.line_span(ln)[0], doc.src.line_span(ln)[0] + len(compact(t)), compact(t), _names(t))
                       for ln, t in cells[r:r + k]]
                full = [c for c in got if c.text.strip("|｜ ")]
                # (a row whose time cell is merged with the rows above: its cells first, the page's empty marks after
                # them — 杨凌's 税后利润(20分) | / 35万元 | / | / | / |, round twenty-three's tables)
                above = next((x for x in reversed(rows) if x is not None), None)
                under = _under_merged_time(full, head, col, above, (got[0].line, got[-1].line)) \
                    if marked and full and above is not None else None
                rows.append(under or _map_row(got, head, col, 0))
                r += k
            _span(rows, cells[i][0], cells[max(r, j) - 1][0])
            i = max(r, j, i + 1)
            continue
        width = len(head) - (col["number"] is not None)
        while r < len(cells) and sq[cells[r][0]] - sq[cells[r - 1][0]] <= (2 if marked else 4):
            ln, text = cells[r]
            a, e = doc.src.line_span(ln)
            t = compact(text)
            if not t.strip("|｜"):
                ruled = marked
                r += 1  # an empty cell ("||", " |"): nothing in it, wherever it stands (a _map_row drops it anyway)
                continue
            no = _row_number(t)
            was_category, after_category = after_category, False
            # rows numbered as a longer list numbers them (17, 19: a unit's report on the tasks it leads of the city's
            # list, round seventeen): after the marked page's bare "|" between rows, a higher number opens a row
            # (or, unmarked, after a row with all its cells: 17 / task / unit / progress, then 19)
            gap, ruled = no is not None and no > last and (ruled or len(cur) >= width), False
            if no is not None and (not last or no in (last + 1, 1) or gap):
                if cur or number:
                    rows.extend(_map_rows(cur, head, col, number))
                cur, number, last = [], ln, no
            elif categories and (cur or not number) and (_category_cell(t) or was_category and no is None) and (
                    r + 1 < len(cells) and _row_number(compact(cells[r + 1][1])) is not None
                    or r + 2 < len(cells) and len(compact(cells[r + 1][1])) <= 40
                    and _row_number(compact(cells[r + 1][1])) is None and _row_number(compact(cells[r + 2][1])) is not None):
                # a category cell (旧区改造; 行动三：智创和谐新境行动 over 公共服务设施提升改造, 行动五：… over 产业园区 — a
                # subcategory may read as a unit's name) right before the row it opens: no cell of a row
                if cur:
                    rows.extend(_map_rows(cur, head, col, number))
                cur, number = [], 0
                after_category = True
                r += 1
                continue
            elif _GROUP_ROW.match(t) and (cur or number or not last) and (number == 0 or len(cur) >= width - 1):
                # (a group row stands between rows; (一)打通断头路 right after a row's unit cell is the row's item)
                if cur:
                    rows.extend(_map_rows(cur, head, col, number))
                cur, number = [], 0
            elif number or (col["number"] is None and not last):
                cur.append(_Cell(ln, a, a + len(t), t, _names(text)))
            else:
                break
            r += 1
        if cur:
            rows.extend(_map_rows(cur, head, col, number))
        _span(rows, cells[i][0], cells[r - 1][0])
        i = max(r, j, i + 1)
    return [x for x in rows if x is not None]


def _indicator_rows(doc: Doc, cells: list[tuple[int, str]], r: int, head: list[str], col: dict[str, int | None],
                    sq: list[int]) -> tuple[list[_Row], int]:
    """The rows of a target table one cell a paragraph that numbers no row (指  标 | 2020年 | 2025年 | 属性: 维智's 十四五
    教育 indicators, round twenty-five's tables), from cell ``r`` on; with the index of the cell after the table. A row is
    its label cells (1.学前教育毛入园率(%); a sub-indicator's 其中:… after it), its figures (a figure or a mark for none,
    under the figure columns), then the cells of the columns after them (属性); a group row (一、发展水平) stands between
    rows. A row naming sub-indicators holds its figures column by column, as a page sets a merged cell's lines one
    under the other: n figures to a column, the last n labels each an indicator (其中:小学 / 初中 under 标准班额比例)."""
    figs = [x for x in range(len(head)) if x not in (col["content"], col["number"])
            and (x in year_columns(head) or _BASE_COL.fullmatch(head[x]) or _YEAR_COL.fullmatch(head[x]))]
    if not figs:
        return [], r
    tail = len(head) - 1 - max(figs)  # the columns after the figures' (属性)

    def figure(t: str) -> bool:
        return t in _NO_FIGURE or bool(_FIGURE_CELL.fullmatch(t))

    def cell(k: int) -> _Cell:
        ln, text = cells[k]
        a0 = doc.src.line_span(ln)[0]
        t = compact(text)
        return _Cell(ln, a0, a0 + len(t), t, _names(text))

    rows: list[_Row] = []
    while r < len(cells) and sq[cells[r][0]] - sq[cells[r - 1][0]] <= 4:
        t = compact(cells[r][1])
        if _GROUP_ROW.match(t) and not figure(t):
            r += 1
            continue
        k = r
        while k < len(cells) and not figure(compact(cells[k][1])) and not _GROUP_ROW.match(compact(cells[k][1])) \
                and k - r < 4 and sq[cells[k][0]] - sq[cells[k - 1][0]] <= 4:
            k += 1
        labels = list(range(r, k))
        f = k
        while f < len(cells) and figure(compact(cells[f][1])) and sq[cells[f][0]] - sq[cells[f - 1][0]] <= 4:
            f += 1
        n, rest = divmod(f - k, len(figs))
        if not labels or not n or rest or n > len(labels):
            break  # (no label, no figure, or figures the columns do not share out: no row of this table)
        end = f
        while end < min(len(cells), f + tail) and not figure(compact(cells[end][1])) \
                and not _GROUP_ROW.match(compact(cells[end][1])) and len(compact(cells[end][1])) <= 8:
            end += 1
        lines = (cells[r][0], cells[end - 1][0])
        shared = labels[:len(labels) - n]
        for s, lab in enumerate(labels[len(labels) - n:]):
            mine = [cell(x) for x in ([*shared, lab] if s == 0 else [lab])]
            got = [cell(k + c * n + s) for c in range(len(figs))]
            content, figures, baselines = _figures(mine + got, [col["content"]] * len(mine) + figs, head)
            if figures:
                rows.append(_Row(0, content, (), (), None, lines, figures=figures, baselines=baselines))
        r = end
    return rows, r


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
    in_table = {ln for r in rows for ln in range(min(r.lines[0], r.table[0] or r.lines[0]), max(r.lines[1], r.table[1]) + 1)}
    # (a line of bars alone — the "|" a page sets after a table's last cell — is no text; and a paragraph after a table
    # is no continuation of the one before it: 吴江's notice had run on over its whole table, every row drafted twice)
    kinds = [x for x in kinds if x[0] + 1 not in in_table and not re.fullmatch(r"[|｜\s]+", x[2])]
    # (counted over the lines left: a table's own cells may be lines of the text too — 谯城's task split, round forty-four's
    # held-out set, whose caption's block had run on over the whole table to the cut row after it)
    after_table = {x[0] for k, x in enumerate(kinds) if k and any(
        ln in in_table for ln in range(kinds[k - 1][0] + 2, x[0] + 1))}
    section, sec_no, group_no = "总体目标", -1, None
    sec_units: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    group_blk: Block | None = None
    groups: set[int] = set()  # the group headings' blocks
    cur: Block | None = None
    item_head: Block | None = None
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
            if _HEADING_COMMITS.match(m.group(2)):
                # 一、新建充电桩500个 — a heading that states a target is one too (a 民生实事 list numbers its items 一、二、;
                # round ten: the quantity had been an exclusion to check)
                plan.blocks.append(Block(section, None, start + m.start(2), end, heading_units=sec_units))
            continue
        # A paragraph that ends in its units (…。（省工业和信息化厅牵头）) closes its task: the next paragraph of
        # the section is a task of its own, not more of this one.
        closed = cur is not None and kind == "text" and _ends_in_units(doc.c[cur.start:cur.end]) or li in after_table
        if cur is not None and not closed and any(is_page_furniture(doc.lines[j])
                                                  for j in range(doc.line_of(max(cur.start, cur.end - 1)), li)):
            # the page's footer stands between (主办单位:某县人民政府办公室 版权所有:…, then 建议使用1440*768分辨率…): the line
            # after it is no more of the task above, and the footer's 主办单位 never its unit (彰武's 政务公开 plan, round
            # seventy-three's held-out set, where the last task's text had run over the footer)
            closed = True
        if cur is not None and kind == "text" and not closed and _ITEM_LINE.match(b):
            # 二、 打通金河西路断头路 …。 责任单位: X 完成时限: 2025年8月 — a list's item on one line, numbered as a section but
            # too long to be a heading (德阳's monthly 民生实事 list, round twenty-six): an item of its own, never more
            # of the paragraph above (its units and time had dated the page's notice and the next item)
            closed = True
        elif closed and kind == "text" and item_head is cur:
            # 一、减免…700名幼儿保教费(责任单位:县教育局) on its line, the item's text on the next: the heading's units are
            # the item's, its text no task of its own (井研's list had read each item under the next item's heading)
            closed = False
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
            # an item's heading (一、…(责任单位:X), no full stop before its units) heads the text under it
            spans = units_of(b)[2] if kind == "text" and _ITEM_LINE.match(b) else []
            item_head = cur if spans and "。" not in b[:min(a for a, _e in spans)] else None
        else:
            cur.end = end
            item_head = None
    for blk in plan.blocks:
        _units_of_block(doc, blk)
        if not blk.lead and id(blk) in groups:
            # （一）由市发展改革委牵头的工作: the group heading leads the tasks under it
            _ls, le = doc.src.line_span(doc.line_of(blk.start))
            blk.lead = _verbatim(doc, heading_lead(doc.c[blk.start:le]), blk.start, le)
    for r in rows:
        a, e = r.content[0].a, r.content[-1].e
        row_lo, row_hi = doc.src.line_span(r.lines[0])[0], doc.src.line_span(r.lines[1])[1]
        if r.lead:
            plan.unit_rows.update(range(r.lines[0], r.lines[1] + 1))
        blk = Block("主要任务", None, a, e, lead=_verbatim(doc, r.lead, row_lo, row_hi),
                    support=_verbatim(doc, r.support, row_lo, row_hi), quota=r.quota)
        # each cell is a paragraph of its own; what stands between two cells (a bar, a leader's name) is no text
        blk.breaks = {c.e for c in r.content}
        dated = sorted((c.a, c.e) for c, _label in r.dated)
        for x, y in zip(r.content, r.content[1:], strict=False):
            lo = x.e  # (a cell under 一季度目标 between them is read as its own block: no gap of this one)
            for a2, e2 in [d for d in dated if x.e <= d[0] and d[1] <= y.a] + [(y.a, y.a)]:
                if a2 > lo:
                    blk.parens.append((lo, a2))
                lo = max(lo, e2)
        for c in r.content:
            blk.parens.extend(_cell_items(doc, c, blk.breaks))
        blk.parens.extend((c.a, c.e) for c in r.labels)
        if r.labels:  # (the name of what a bare figure in the target cell measures: 税后利润 over 35万元)
            blk.metric = "".join(re.sub(r"[(（][^()（）]*[)）]", "", c.text) for c in r.labels)
        if r.time:
            blk.due = (r.time.a, r.time.e)
        if r.share_of:
            blk.share, blk.metric = True, r.share_of
        plan.blocks.append(blk)
        head_lo = doc.src.line_span(r.table[0] or r.lines[0])[0]
        for c, label, units in r.figures:
            at = doc.c.find(label, head_lo, row_lo)
            if at == -1:
                continue
            # (a quota table's column names what its figures count, no year: 新种任务(亩) — the row's unit and the column
            # name the target, due when the plan ends; a table by year dates it by its row's year cell)
            dated = bool(year_columns([label]))
            metric = " ".join(x.text for x in r.content[:None if dated else 1])
            due = (r.year.a, r.year.e) if r.year is not None else (at, at + len(label)) if dated else None
            sub = Block("总体目标", None, c.a, c.e, lead=blk.lead, support=blk.support,
                        due=due, midline=True, figure=units,
                        metric=metric if dated else metric + re.sub(r"[(（][^()（）]*[)）]$", "", label), quota=r.quota)
            plan.blocks.append(sub)
        plan.baselines.extend((c.a, c.e) for c in r.baselines)
        for c, label in r.dated:
            # a cell under 一季度目标: its steps, due when its column says (the label's span in the heading dates them)
            at = doc.c.find(label, head_lo, row_lo)
            if at == -1:
                continue
            sub = Block("主要任务", None, c.a, c.e, lead=blk.lead, support=blk.support, due=(at, at + len(label)),
                        midline=True)
            sub.breaks = {c.e}
            sub.parens.extend(_cell_items(doc, c, sub.breaks))
            plan.blocks.append(sub)
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
    _annex_units(doc, plan, rows)


def _task_words(text: str) -> str:
    """A task's name as a table cell and a body heading both write it: no stops, commas, spaces or list marks."""
    return re.sub(r"[\x00\s。．.;；:：,，、!！?？]", "", text)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _restates(cell: str, head: str) -> bool:
    """Whether a table's task cell restates a body task's heading: the same words, or most of them (a cell that drops or
    adds a word: 加强组织领导 for 加强组织领导工作) — four in five of the pairs of characters of each in the other."""
    if cell == head:
        return True
    a, b = _bigrams(cell), _bigrams(head)
    return len(a) >= 3 and len(b) >= 3 and 5 * len(a & b) >= 4 * max(len(a), len(b))


def _annex_units(doc: Doc, plan: Plan, rows: list[_Row]) -> None:
    """A body task that names no unit takes the units of the row of a task table after it (附件 任务分工表: 序号 / 工作事项 /
    主要内容 / 牵头单位 / 配合单位) whose task cell restates its heading (1.有序扩大家庭医生来源。… in the body, the row
    有序扩大家庭医生来源。 | … | 各区政府 | 市卫生健康委 in the annex: 广州's 家庭医生 plan, round twenty-nine's held-out set —
    every entry of the body had taken a hospital named in a sentence, or 待定). The row is matched by its words, never
    its number alone: a table numbers on through the body's groups (its row 13 is the body's (三)1.). A body that names
    its units keeps them; a heading two rows restate with different units, or none does, is left as it was."""
    named: list[tuple[_Row, str]] = []
    for r in rows:
        words = _task_words(r.content[0].text) if r.content and r.lead else ""
        if 4 <= len(words) <= 30:  # (a heading's length: a cell of steps restates no task's name)
            named.append((r, words))
    if not named:
        return
    for blk in plan.blocks:
        if blk.section == "总体目标" or blk.figure is not None or blk.task is None:
            continue
        line = doc.line_of(blk.start)
        head = doc.c[blk.start:min(blk.end, doc.src.line_span(line)[1])]
        head = re.split(r"[。;；!！?？]", head, maxsplit=1)[0]
        words = _task_words(head)
        if not 4 <= len(words) <= 30:
            continue
        hits = [r for r, w in named if r.lines[0] > line and _restates(w, words)]
        if not hits or len({(r.lead, r.support) for r in hits}) > 1:
            continue  # (no row restates it, or rows with different units do: the text does not say which)
        r = hits[0]
        plan.restating.append((r.lines, (line, doc.line_of(max(blk.start, blk.end - 1)))))
        if blk.lead and not blk.running:
            continue  # (the body names the task's units: they stay)
        lo, hi = doc.src.line_span(r.lines[0])[0], doc.src.line_span(r.lines[1])[1]
        blk.lead, blk.support = _verbatim(doc, r.lead, lo, hi), _verbatim(doc, r.support, lo, hi)
        blk.subject = blk.running = False  # (the row's units are the task's: no sentence's actor leads it any more)


_ITEM_LINE = re.compile(rf"^[{COUNTING}]{{1,3}}、")


def _ends_in_units(text: str) -> bool:
    lead, _support, spans = units_of(text)
    return bool(lead) and any(e >= len(text.rstrip("。;；")) for _a, e in spans)


def _roles_span(m: re.Match) -> tuple[int, int]:
    """A bracket's span as units: the whole bracket, or up to the timing after its roles (…按职责分工负责，2018年3月底前
    取得阶段性成果）) — that stays text, the task's dated step, as a timing before a label does (_PAREN_TIMED)."""
    return (m.start(), m.start("when")) if m.group("when") else m.span()


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
        for m in _PAREN_TIMED.finditer(text):
            got, sup = _read_paren(m.group("said"))
            if got:
                # (the timing stays text, the task's dated step: read as the whole task's time limit, as a 完成时限
                # label is, it dated every clause of 包头's long tasks — a step each, 122 more than its reader's one a task)
                spans.append((m.start("said"), m.end()))
                if not lead:
                    lead, support = got, sup
    if not lead:
        for m in _PAREN_BARE.finditer(text):
            spans.append(_roles_span(m))
            lead = lead or _split_units(m.group(1))
    if not lead:
        for m in _PAREN_ROLE.finditer(text):
            spans.append(_roles_span(m))
            if not lead:
                lead = _split_units(m.group("lead"))
                support = _split_units(m.group("support") or "")
    if not lead:
        # (市医疗保障局) closing a task, no label and no role (issue 28, round eight: 西安市's 为民实事实施方案): the
        # units in charge of it, each a unit's name; every one leads, as an unlabelled 责任单位 would.
        m = _PAREN_TAIL.search(text)
        if m and re.search(rf"{_UNIT_SUFFIX}$", text[:m.start()]):
            m = None  # 各县(市、区)政府(管委会): a unit's qualifier closing a list of units (许昌's 责任单位 line), no lead
        if m and all(_one_unit(_MARKED_LEAD.sub("", u)) or re.fullmatch(_COLLECTIVE, u) for u in _split_units(m.group(1))):
            spans.append(m.span())
            lead = _split_units(m.group(1))
    if not lead:
        m = _PAREN_NOTED.search(text)
        if m and _all_units(_split_units(m.group(1))):
            spans.append(m.span())
            lead = _split_units(m.group(1))
    if not lead:
        m = _MARKED_TAIL.search(text)
        if m and re.search(r"[▲★]|[(（](?:总)?牵头(?:单位)?[)）]", m.group(1)) and all(_one_unit(_MARKED_LEAD.sub("", u))
                                                         or re.fullmatch(_COLLECTIVE, u) for u in _split_units(m.group(1))):
            spans.append(m.span(1))
            lead = _split_units(m.group(1))
    return *marked_leads(lead, support), spans


# One unit's name with a mark that it leads (▲市发改委, 市发改委(牵头)), and a list of them.
_MARKED_UNIT = rf"[▲★]?{_ONE_UNIT}(?:[(（](?:牵头|牵头单位)[)）])?"
_MARKED_LIST = rf"(?:{_MARKED_UNIT}[、,，])*{_MARKED_UNIT}"
_PAREN_TAIL = re.compile(rf"{_OPEN}({_MARKED_LIST}){_CLOSE}[。;；\s\x00]*$")
# Units after the task's last sentence, one marked as leading (…。市住建局(牵头)、市城管局; …。▲市发改委、市财政局 — round
# fifteen: a page that writes the units as a list with the lead marked, no label and no brackets).
_MARKED_TAIL = re.compile(rf"(?<=[。；;])[\x00\s]*({_MARKED_LIST})[。；;]?[\x00\s]*$")


def clause_units(doc: Doc, blk: Block) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
    """Where a task names units after each of its clauses — 一是新建充电桩500个(牵头单位:市发改委);二是完成改造20个(牵头单位:
    市住建局) — each labelled parenthetical inside its text (compact start, lead, support, verbatim), when there are two
    or more naming different leads; else [] (the task's units are the block's)."""
    text = doc.c[blk.start:blk.end]
    out = []
    for m in _PAREN.finditer(text):
        lead, support = _read_paren(m.group(1))
        if lead and text[:m.start()].strip("\x00 \n"):
            a = blk.start + m.start()
            out.append((a, _verbatim(doc, lead, a, blk.end), _verbatim(doc, support, a, blk.end)))
    if len({lead for _a, lead, _s in out}) >= 2:
        return out
    # （市卫生健康委，各区政府）。…（市交通运输局、各区政府，市规划和自然资源局…）。 — a bracket of units alone closing each
    # sentence of the task (深圳's 低空 plan, round one-hundred-and-eighth's held-out set): each sentence its own units, read
    # by the plan's comma rule where it states one
    out = []
    comma = _COMMA_LEADS.search(doc.c) is not None
    for m in sorted([*_UNITS_ALONE.finditer(text), *_PAREN_NOTED.finditer(text)], key=lambda q: q.start()):
        if not text[:m.start()].strip("\x00 \n"):
            continue
        inner = next(g for g in m.groups() if g)  # (_UNITS_ALONE names its units in either of two groups)
        lead, support = _at_comma(inner) if comma else (_split_units(inner), ())
        if not _all_units(lead + support):
            continue
        a = blk.start + m.start()
        out.append((a, _verbatim(doc, lead, a, blk.end), _verbatim(doc, support, a, blk.end)))
    if len(out) >= 2 and len({lead for _a, lead, _s in out}) >= 2:
        return out
    # 由A牵头,B配合,在9月底前完成…;由C牵头,D配合,在12月底前完成… — each assignment its own units, named before its work
    # (师宗, round fifteen's held-out set): the units of a part run to its semicolon or full stop
    out = []
    a = 0
    for part in re.split(r"(?<=[;；。])", text):
        m = _ASSIGNED.search(part)
        if m:
            at, end = blk.start + a + m.start(), blk.start + a + len(part)
            lead, support = _split_units(m.group(1)), _split_units(m.group(2)) if m.group(2) else ()
            out.append((end, _verbatim(doc, lead, at, end), _verbatim(doc, support, at, end)))
        a += len(part)
    return out if len({lead for _a, lead, _s in out}) >= 2 else []


_UNITS_ALONE = re.compile(rf"(?:(?<=[。；;])[\x00\s]*{_OPEN}({_UNIT_LIST}){_CLOSE}|{_OPEN}({_UNIT_LIST}){_CLOSE}(?=[。；;\x00\s]|$))")
# （A、B，C、D。列逗号之前的为牵头单位，…，下同）: a units bracket carrying the plan's note on how to read it
_PAREN_NOTED = re.compile(rf"{_OPEN}({_UNIT_LIST})[。;；][^()（）]*?(?:牵头|下同)[^()（）]*{_CLOSE}")
_ASSIGNED = re.compile(rf"由({_UNIT_LIST_ANY})牵头(?:负责)?(?:[，,]({_UNIT_LIST_ANY})等?{_SUPPORT_ROLE})?")


def _verbatim(doc: Doc, names: tuple[str, ...], lo: int, hi: int) -> tuple[str, ...]:
    """Unit names as the source writes them (各县（市、区）人民政府), not in their compact form."""
    out = []
    for n in names:
        i = doc.c.find(n, lo, hi)
        out.append(re.sub(r"\s+", "", doc.raw(i, i + len(n))) if i != -1 else n)  # (县 医 保 局: one name)
    return tuple(out)


def _due_of_block(doc: Doc, blk: Block) -> None:
    """The date a unit parenthetical or label line of the task gives (完成时限:2024年10月底前): it dates the task's
    targets and steps, as a table row's 完成时限 cell does."""
    if blk.due is not None:
        return
    for a, e in blk.parens:
        m = _DUE_IN.search(doc.c, a, e)
        if m:
            g = 1 if m.group(1) else 2
            blk.due = (m.start(g), m.end(g))
            return


# A line that assigns the task's duties with roles after the names: 部门分工:X牵头,Y、Z配合 (a provincial breakdown's form).
_DUTY_LINE = re.compile(r"^[\x00\s]*(?:部门分工|任务分工|责任分工|职责分工|工作分工)[:：][\x00\s]*(.+)$")


def _units_of_block(doc: Doc, blk: Block) -> None:
    _read_units_of_block(doc, blk)
    _due_of_block(doc, blk)
    blk.lead = _verbatim(doc, blk.lead, blk.start, blk.end)
    blk.support = _verbatim(doc, blk.support, blk.start, blk.end)


def _read_units_of_block(doc: Doc, blk: Block) -> None:
    text = doc.c[blk.start:blk.end]
    blk.lead, blk.support, spans = units_of(text)
    blk.parens.extend((blk.start + a, blk.start + e) for a, e in spans)
    if spans:
        # (牵头单位:市发改委 市财政局): the names a space separates, which compact text runs together (round fifteen)
        spaced = "".join(spaced_names(doc.raw(blk.start + a, blk.start + e)) for a, e in spans)
        if spaced != "".join(text[a:e] for a, e in spans):
            lead, support, _spans = units_of(spaced)
            if lead:
                blk.lead, blk.support = lead, support
    # 责任单位：X (or 牵头单位：A / 配合单位：B) on lines of their own under the task
    last = doc.line_of(max(blk.start, blk.end - 1))
    joined: set[int] = set()
    for li in range(doc.line_of(blk.start), last + 1):
        a, e = doc.src.line_span(li)
        a = max(a, blk.start)
        if li in joined or any(pa < a and e <= pe for pa, pe in blk.parens):
            continue  # (配合单位:B) closing a parenthetical read above, on its own line: read once, with it
        if li < last and _LABEL_PIECE.fullmatch(doc.c[a:e].strip("\x00 ")) \
                and _LABEL_LINE.match(doc.c[a:e].strip("\x00 ") + doc.c[slice(*doc.src.line_span(li + 1))]):
            # 牵头 / 单位:市发改委 — a label a page broke over two lines (round fifteen), read as one
            e = doc.src.line_span(li + 1)[1]
            joined.add(li + 1)
        duty = _DUTY_LINE.match(doc.c[a:e]) if a > blk.start else None
        roles = _PAREN_ROLE.fullmatch("（" + duty.group(1).rstrip("\x00 。;；") + "）") if duty else None
        if roles:
            # 部门分工:省发展改革委牵头,各地、各部门配合。 on its line under the task (广东, round nineteen's held-out set):
            # the roles after the names, as in brackets
            blk.parens.append((a, e))
            if not blk.lead:
                blk.lead = _split_units(roles.group("lead"))
            sup = _split_units(roles.group("support")) if roles.group("support") else ()
            blk.support = tuple(u for u in dict.fromkeys(blk.support + sup) if u not in blk.lead)
            continue
        m = _LABEL_LINE.match(doc.c[a:e])
        said = _LABEL_LINE.match(spaced_names(doc.raw(a, e))).group(1) if m else None  # (责任单位:市发改委 市财政局)
        if not m:
            # …新建充电桩500个。责任单位:市发改委、市财政局 — the label after the task's last sentence, on its line (round ten)
            t = _LABEL_TAIL.search(doc.c, a, e)
            if t and any(pa <= t.start(1) < pe for pa, pe in blk.parens):
                t = None  # (…；责任单位：各镇（街道）) inside a parenthetical read above: read once, with it
            if t and (re.search(_TIME_LABEL, t.group(2)) or _unit_cell(spaced_names(doc.raw(*t.span(3))))):
                said, a = spaced_names(doc.raw(*t.span(1))), t.start(1)
        if not m and _LABEL_ALONE.match(doc.c[a:e]) and li < doc.line_of(max(blk.start, blk.end - 1)):
            # 责任单位 on a line, its units on the next (a table row flattened one cell a line, 同心县 round eight) — over
            # the blank lines of a page that sets every line apart
            nxt = next((x for x in range(li + 1, last + 1) if doc.c[slice(*doc.src.line_span(x))].strip("\x00 ")), li + 1)
            na, ne = doc.src.line_span(nxt)
            value = spaced_names(doc.raw(na, min(ne, blk.end))).strip("\x00 。;；")
            if value and _unit_cell(value):
                said = f"{doc.c[a:e].strip(chr(0) + ' :：')}:{value}"
                e = ne
        if said and a > blk.start:
            lead, support = _read_paren(said)
            blk.parens.append((a, e))
            if lead and not blk.lead:
                blk.lead = lead
            elif lead and not re.match(rf"(?:{_LEAD_LABEL})[:：]", said):
                support = lead + support  # 牵头单位:A, then 责任单位:B on the next line: B supports
            blk.support = tuple(u for u in dict.fromkeys(blk.support + support) if u not in blk.lead)
    if not blk.lead and blk.section != "总体目标":
        # No parenthetical: “由省发展改革委、省能源局牵头” in the text names the lead, or the task opens with
        # the units below the city (各区要…).
        a = _ASSIGNED.search(text)
        m = _INLINE_LEAD.search(text) or _COLLECTIVE_LEAD.match(text) or _ASKED.search(text)
        w = _WITH.search(text)
        if w and (not m or w.start() < m.start()) and not (a and a.start() <= w.start()):
            blk.lead = _split_units(w.group(1))
            blk.support = tuple(u for u in _split_units(w.group(2)) if u not in blk.lead)
        elif a and (not m or a.start() <= m.start()):
            # 由县发展和改革局牵头,县委党校、县自然资源局配合,在9月底前完成… (师宗): the lead and the units that support it
            blk.lead = _split_units(a.group(1))
            blk.support = _split_units(a.group(2)) if a.group(2) else ()
        elif m:
            blk.lead = _split_units(m.group(1) or m.group(2))
            s = _SUPPORT_AFTER.match(text, m.end()) if m.re is _INLINE_LEAD else None
            if s:
                blk.support = tuple(u for u in _split_units(s.group("support")) if u not in blk.lead)
        else:
            blk.lead = subject_units(text)  # 市发展改革委要…: the task's first sentence names its unit
            head = doc.src.line_span(doc.line_of(blk.start))[1] - blk.start  # where the block's first line ends
            at = text.find(blk.lead[0]) if blk.lead else -1
            if at >= 0 and at < head < at + len(blk.lead[0]) and not re.search(r"[。，,；;：:]", text[:head]):
                # （二）严肃开展考核 / 区规划资源局牵头开展…: the heading's words are no part of the name of the unit on the
                # line under it (嘉定, round forty's held-out set, whose every inferred lead read 严肃开展考核区规划资源局)
                blk.lead = subject_units(text[head:])
            blk.subject = bool(blk.lead)  # (a later sentence's own subject leads that sentence: clauses)
        blk.running = bool(blk.lead)


def _group_no(s: str) -> int:
    """The number of a group heading （十二）; 0 for one that is no number (（十十）)."""
    try:
        return int(read_numeral(s))
    except NumeralError:
        return 0


_HANDED_DOWN = re.compile(rf"(?:^|(?<=[。；;，,\x00\s]))请({_COLLECTIVE}(?:、{_COLLECTIVE})*)(?:按照|按|于|在|要|务必|认真|切实|结合|抓紧|"
                          r"加快|做好|对照|根据|围绕|严格)")


# A unit the plan names as the lead department of the whole work, in its 职责分工: 区住房保障房屋管理局是旧住房成套改造工作
# 牵头部门，负责… (崇明's and 青浦's housing plans, round forty-one's held-out set — 待定, or a committee's office, had
# coordinated them).
_LEAD_DEPARTMENT = re.compile(rf"(?:^|(?<=[。；;：:]))({_ONE_UNIT})是(?:本区|全区|全市|全县|本市|本县)?[^，,。；;]{{0,30}}?"
                              r"(?:的)?牵头(?:部门|单位)(?=[，,。；;])")


# 本市水资源基础调查工作由市规划资源局牵头，市水务局及其他相关部门配合: the plan's whole work given to one unit (上海's 水资源
# survey, round thirty-nine's held-out set): it coordinates the plan, as a named lead department does. (A task naming no unit
# still takes it marked units_inferred — the registry's convention for a coordinator; see docs/extract.md, thirty-third round.)
_WORK_LED = re.compile(rf"(?:^|(?<=[。；;：:]))(?:本市|全市|本区|全区|本县|全县|本镇|全镇)[^，,。；;]{{0,30}}?工作由"
                       rf"({_UNIT_LIST})(?:牵头负责|牵头)(?=[，,。；;]|$)")


# 部门(单位):示范区水务局    责任人:王西宁 — the header of a 目标责任书 (杨凌's 2019年度(分季)目标责任书, round ninety-seven's
# held-out set): the unit the letter charges with every task in it, its head named beside it. The unit is read only with
# its 责任人/负责人 beside it, on one of the document's first lines, above its first sentence (one further down is a task's).
_CHARGED_UNIT = re.compile(rf"^(?:责任)?(?:部门|单位)(?:[(（](?:单位|部门)[)）])?[:：]({_ONE_UNIT})"
                           r"(?=(?:主要)?(?:责任人|负责人)[:：])")


# 实施单位:戛洒镇人民政府 责任人:关文荣 / 七、建设单位:各镇(街道、景区)及相关区直部门。 / 整改实施主体:常德市西湖管理区住建局 — a
# project's form names, as a field of its own, the unit that carries the project out (新平's 村级集体经济 notice, 卧龙's 衔接资金
# plan, 西湖's 污水 rectification: development documents whose every entry had been led by 待定). Read where a document names
# one such unit only: its tasks that name none are that unit's. (A field may follow another's value with no mark between
# once the page's spaces are gone: 项目名称:…建设项目实施单位:X.)
_PROJECT_UNIT = re.compile(r"(?<![各的和、由及与其])(?:[一二三四五六七八九十\d]{1,3}[、.．])?(?:项目)?(?:整改)?(?:实施|建设|承建)"
                           r"(?:单位|主体)[:：](?P<u>[^:：。；;\s]{2,60}?)(?=[。；;]|$|(?:项目)?(?:责任人|负责人|联系人|联系电话|"
                           r"项目地点|建设地点|建设内容|建设规模|监管单位|资金来源|实施时间|建设期限)[:：])")


# 三、项目责任单位 / 周村区教育和体育局 — the same field as a section of a project's brief, its heading alone on its line and
# the unit alone on the next (周村's 全民健身设施提升工程项目简介, a development document whose every item had been led by
# 待定). Only a project's own field: a task's 责任单位 label alone on its line is the task's (_LABEL_ALONE).
_PROJECT_UNIT_HEADING = re.compile(r"^[\x00\s]*(?:[一二三四五六七八九十\d]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])?"
                                   r"项目(?:实施|建设|承建|责任)(?:单位|主体)[:：]?[\x00\s]*$")


def _project_unit(doc: Doc, plan: Plan) -> tuple[str, ...]:
    """The units a project's form names as carrying it out (_PROJECT_UNIT, _PROJECT_UNIT_HEADING), as the text writes
    them; none where the document names none, or several fields of them (a list of projects, each its own)."""
    found = []  # (the field's value, where it starts, where it ends)
    for li in range(plan.first_line, plan.last_line + 1):
        a, e = doc.src.line_span(li)
        found += [(m.group("u"), a + m.start("u"), a + m.end("u")) for m in _PROJECT_UNIT.finditer(doc.c[a:e])]
        if _PROJECT_UNIT_HEADING.match(doc.c[a:e]):
            nxt = next((n for n in range(li + 1, plan.last_line + 1) if doc.c[slice(*doc.src.line_span(n))].strip("\x00 ")),
                       None)
            if nxt is not None:
                na, ne = doc.src.line_span(nxt)
                value = doc.c[na:ne].strip("\x00 ")
                if _unit_cell(value) and value not in _NO_UNIT:
                    start = doc.c.find(value, na, ne)
                    found.append((value, start, start + len(value)))
    if len({u for u, _a, _e in found}) != 1:
        return ()
    value, a, e = found[0]
    names = _split_units(re.sub(r"及(?=相关|有关|各)", "、", value))  # (A及相关B: two units)
    if not names or not all(_unit_cell(n) for n in names):
        return ()
    return _verbatim(doc, names, a, e)


def _coordinator(doc: Doc, plan: Plan) -> None:
    named = [(li, m) for li in range(plan.first_line, plan.last_line + 1)
             for rx in (_LEAD_DEPARTMENT, _WORK_LED)
             for m in rx.finditer(doc.c[slice(*doc.src.line_span(li))])]
    head_end = next((li for li in range(plan.first_line, plan.last_line + 1)
                     if re.search(r"[。；;]", doc.c[slice(*doc.src.line_span(li))])), plan.last_line + 1)
    charged = next(((li, m) for li in range(plan.first_line, min(plan.first_line + 5, head_end))
                    if (m := _CHARGED_UNIT.match(doc.c[slice(*doc.src.line_span(li))]))), None)
    if charged:
        # the letter's unit is named for its tasks, not inferred: each task that names none is its
        li, m = charged
        at = doc.src.line_span(li)[0]
        names = _verbatim(doc, _split_units(m.group(1)), at + m.start(1), at + m.end(1))
        for b in plan.blocks:
            if not b.lead:
                b.lead = names
        named.append(charged)
    project = () if charged else _project_unit(doc, plan)
    for b in plan.blocks if project else ():
        # the project's 实施单位 is named for its work, not inferred: each task that names none is its
        if not b.lead:
            b.lead = project
    if named and len({m.group(1) for _li, m in named}) == 1:
        li, m = named[0]
        at = doc.src.line_span(li)[0]
        plan.coordinator = _split_units(m.group(1))
        plan.coordinator_quote = doc.raw(at + m.start(), at + m.end())
        plan.coordinator_line = li
        plan.coordinator_how = "named as the lead department of the work"
        return
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
    leads = [b.lead for b in plan.blocks if b.lead and not b.quota]
    if not leads and plan.blocks:
        # A notice handing indicators down (上海市民政局 关于下达…任务指标的通知, round fifteen's held-out set): no task
        # names a unit, and the text asks the units below it to deliver them — 请各区按照…要求…, 请各区于2月20日前上报… —
        # those units lead every task (a request to one office, 请市发展改革委…, is no such hand-down and is left alone).
        m = _HANDED_DOWN.search(doc.c, plan.blocks[0].start, plan.blocks[-1].end)
        if m:
            names = _split_units(m.group(1))
            for b in plan.blocks:
                b.lead = _verbatim(doc, names, m.start(1), m.end(1))
            leads = [b.lead for b in plan.blocks]
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
    for _i, b in title_lines(top_lines(text.split("\n"), 400)):
        m = _is_title(b)
        p = title_period(m) if m else None
        if p:
            return p
    for line in top_lines(text.split("\n"), 30):
        c = compact(line)
        for m in _PERIOD_IN_TEXT.finditer(c):
            if c.count("《", 0, m.start()) > c.count("》", 0, m.start()):
                continue  # 《上海市海绵城市专项规划(2016-2035)》: another document's years
            return Period(date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31))
    return None


