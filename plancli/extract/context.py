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

import calendar
import re
import unicodedata
from datetime import date, timedelta

from ..text.deadline import DeadlineError, Period, parse_date
from ..text.numerals import COUNTING, NumeralError, read_numeral
from ..text.source import compact
from .layout import (
    DATE_LINE,
    DOC_NO,
    NOTICE_TITLE,
    NUMBER_LABEL,
    end_lines,
    find_period,
    is_cell_row,
    is_page_furniture,  # (it lives with the layout, which skips such lines; said here as before)
    is_title,
    title_lines,
    title_spans,
    top_lines,
    year_columns,
)

__all__ = ["find_doc_date", "infer_period", "document_header", "is_signature_line", "is_page_furniture", "page_lines",
           "is_notice_title", "page_headline", "headlines", "stated_term", "term_span", "annex_lines", "technical_annex_lines", "background_lines", "title_line_set", "notice_year",
           "named_year"]

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
# A year a figure is set for: 平均浓度2024年约束性目标41.6微克/立方米, 2025年力争达到38微克/立方米 (蒙城's 空气质量 plan,
# round sixty's held-out set: read as 2025 alone, its 2024 targets had been past years).
_GOAL_YEAR = re.compile(r"(?<![\d〔\[])((?:19|20)\d{2})年(?:约束性|预期性|年度)?(?:目标值?|力争达到|力争目标|预期目标)\d")
_BASELINE_YEAR = re.compile(r"(?:较|比|相比|相较|同比)((?:19|20)\d{2})年")
# The year of a dated step: 力争2022年底前, 2023年6月底前, 2024年10月31日前, 2025年上半年 — a deadline, not a
# year the text only names (2021年以来, 2023年是…, 〔2021〕).
_STEP_YEAR = re.compile(r"(?<![\d〔\[])((?:19|20)\d{2})年(?:(?:年?底|末|上半年|下半年|[一二三四]季度|\d{1,2}月)"
                        r"[^，,。；;]{0,6}?(?:前|之前|以前|底|末|完成)|(?:底|末)(?=[，,]))")  # (2027年末,累计…: round eleven)
# … and a bare year opening a clause or a task with the work it dates: 1.2024年出台…, ;2025年建成… (round ten: such steps
# had left the period to the latest year named, and the earlier steps were read as past years).
_DOING_YEAR = re.compile(r"(?:^|[\n，,；;。:：]|\d[.．、]|提出|明确)((?:19|20)\d{2})年(?:[，,](?=全[省市区县]|[省市区县]级|力争|"
                         r"累计|新增|新建|实现|完成|建成)|[，,]?(?:全面|基本|力争|确保|计划)?"
                         r"(?:完成|建成|出台|实现|新建|开工|启动|建设|推进|开展|制定|印发|上线|投用|竣工|新增|签约|落地|培育|打造|"
                         r"改造|实施))")
# … and the span of a campaign's stage (（一）动员部署阶段(2024年4月—6月)。: 重庆's 职业健康 三项行动 notice, round
# hundred-and-seventh's held-out set — it names no term of its own, and its stages had been read against the latest
# year a plan it cites names, 2025, so that its first stage fell in a past year)
_STAGE_SPAN = re.compile(r"阶段[（(]([^()（）]{4,24})[)）]")
_GOALS_HEADING = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])?[^。，]{{0,8}}目标")


def _date_line(line: str) -> str | None:
    """The compact date of a date line of its own (2018年12月7日, also in brackets under a title: (2025年2月17日))."""
    c = re.sub(r"^[(（](.+)[)）]$", r"\1", compact(line))
    return c if DATE_LINE.match(c) else None


def is_signature_line(line: str) -> bool:
    """A date line of its own or the ``（此件公开发布）`` note: the signature block, not a commitment."""
    return bool(_date_line(line) or _SIGNATURE_NOTE.match(compact(line)))


# A heading over links to other posts (相关阅读, 推荐阅读 …): the short lines under it are their headlines, not the text.
_RELATED = re.compile(r"^(?:相关阅读|相关链接|相关文章|相关推荐|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|热门文章|更多阅读)[:：]?$")


def page_lines(lines: list[str]) -> set[int]:
    """Indices of the page's furniture lines (``is_page_furniture``), with the value under a label that stands
    alone (索引号 / 011437144/2023-06550, 发文字号 / 郧政发〔2023〕5号)."""
    out: set[int] = set()
    label = related = False
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        if _RELATED.match(compact(ln)):
            out.add(i)
            related = True  # the headlines of other posts follow, one a line, up to the text's next sentence
            continue
        if related and "。" not in ln and len(compact(ln)) <= 40:
            out.add(i)
            continue
        related = False
        if is_page_furniture(ln):
            out.add(i)
            # (字体:, 字号: are the page's controls, not a label whose value stands under it: 温州's page, round twelve)
            # (有效性:有效 has its value after its colon: no label over the line under it — 任城's 农产品 plan, round
            # ninety-two's held-out set, whose whole body under it had been read as the page's data)
            label = len(compact(ln)) <= 6 and not re.match(r"(?:字体|字号)", compact(ln)) \
                and not re.search(r"[:：].", compact(ln))
        elif label and "。" not in ln:
            out.add(i)  # the label's value on the line under it (a value, never a sentence)
            label = False
        else:
            label = False
    return out


def is_notice_title(line: str) -> bool:
    """The line is a document's title of its own (某区人民政府关于印发…的通知): the years in it name the document."""
    c = compact(line).strip("# *")
    return bool(NOTICE_TITLE.match(c)) and not re.match(r"^(?:\d{1,3}[.．、]|[(（][一二三四五六七八九十\d]+[)）])", c)


# (1.2025年…: a list number glued to a year, not a decimal)
_ANNEX_FIRST = re.compile(r"^附件\d*[:：]\s*1[.．、](?:(?!\d)|(?=(?:19|20)\d{2}年))")
_ANNEX_NEXT = re.compile(r"^(\d{1,2})[.．、](?:(?!\d)|(?=(?:19|20)\d{2}年))")


def annex_lines(lines: list[str]) -> set[int]:
    """Indices of a notice's list of annexes: 附件:1.2025年县《政府工作报告》任务清单, then 2.…, 3.… on the lines under
    it, numbered on, each a title without a sentence's punctuation. They name the annexes (their years and counts:
    2.2025年十五件民盼实事任务分解), they are no tasks of the plan."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        c = compact(lines[i]).strip("# *")
        if not _ANNEX_FIRST.match(c) or re.search(r"[。；;，,]", c):
            i += 1
            continue
        out.add(i)
        n, j = 1, i + 1
        while j < len(lines):
            cj = compact(lines[j]).strip("# *")
            m = _ANNEX_NEXT.match(cj)
            if not cj:
                j += 1
            elif m and int(m.group(1)) == n + 1 and not re.search(r"[。；;，,:：]", cj) and len(cj) <= 60:
                out.add(j)
                n, j = n + 1, j + 1
            else:
                break
        i = j
    return out


# An annex that sets out technical requirements (附件2 / 白玉兰栽植和养护技术要求: 白玉兰's plan, round thirty-eight's held-out
# set — its pH values, shares of soil, years of watering and times a day had been drafted as targets and steps): what it
# states specifies how work is done, no goal of the plan and no step anyone reports on.
_ANNEX_HEAD = re.compile(r"^附件\s*\d{0,2}[:：]?\s*(?P<title>.*)$")
_TECHNICAL_TITLE = re.compile(r"[^，,。；;]{2,40}(?:技术要求|技术要点|技术规范|技术导则|技术指南|技术标准|技术规程|操作规程|操作规范|"
                              r"养护要求|建设标准|设置标准|设计标准|验收标准)(?:[(（][^()（）]{1,12}[)）])?")


def technical_annex_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of an annex of technical requirements: from its 附件 line (its title on it or on the next line
    with text) to the next 附件 line or the text's end."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        m = _ANNEX_HEAD.match(compact(lines[i]).strip("# *"))
        if not m:
            i += 1
            continue
        title = m.group("title")
        if not title:
            title = next((compact(ln).strip("# *") for ln in lines[i + 1:i + 6] if ln.strip()), "")
        j = i + 1
        while j < len(lines) and not _ANNEX_HEAD.match(compact(lines[j]).strip("# *")):
            j += 1
        if _TECHNICAL_TITLE.fullmatch(title):
            out.update(range(i, j))
        i = j
    return out


# A section that tells where things stand before the plan (一、发展基础, 一、发展现状与面临形势: 松江's 能源 plan, round
# fifty-two's held-out set — 2025年…用电量达到143.03亿千瓦时, 目前共有220千伏变电站7座, forty figures drafted as targets):
# what it states is the baseline, no goal and no step.
_BACKGROUND_HEAD = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]\s*(?:[\u4e00-\u9fff]{0,4}?)"
                              r"(?:发展基础|工作基础|现实基础|发展现状|工作现状|基本现状|现状|基本情况|发展背景|工作背景|背景|"
                              r"发展成效|工作成效|主要成效)"
                              r"(?:[和与及、](?:面临的?|存在的?)?(?:形势|挑战|机遇|问题|不足)(?:[和与及、](?:挑战|机遇|问题))?)?"
                              # 二、项目村资产资源及财务情况 (岫岩's 集体经济 plan, round eighty-six: each village's people,
                              # land and 2023 income): a heading that ends in 情况 tells how things are
                              r"|[一二三四五六七八九十]{1,3}[、.．]\s*[\u4e00-\u9fff]{2,16}?(?<!进展)(?<!计划)情况")
_TOP_HEAD = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]")


def background_lines(lines: list[str]) -> set[int]:
    """Indices of the lines of a plan's background section: from its heading to the next heading of its rank."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        b = compact(line).strip("# *")
        if _TOP_HEAD.fullmatch(b):  # (一、 on a line of its own, its title on the next line with text)
            b += next((compact(ln).strip("# *") for ln in lines[i + 1:i + 4] if ln.strip()), "")
        if _TOP_HEAD.match(b) and len(b) <= 30:
            inside = bool(_BACKGROUND_HEAD.fullmatch(b))
        if inside:
            out.add(i)
    return out


def title_line_set(lines: list[str]) -> set[int]:
    """Indices of the lines of a title a page sets over several lines (立山区政府2023年重点工作 / 任务分解和责任分工方案;
    重庆市渝北区人民政府办公室 / 关于印发2024年…目标任务的 / 通 知): the years in them name the document."""
    out: set[int] = set()
    for i, last, b in title_spans(lines):
        if last > i and (is_title(b) or is_notice_title(b)):
            out |= {j for j in range(i, last + 1) if lines[j].strip()}
    return out


def page_headline(lines: list[str]) -> int | None:
    """The index of a news page's headline: its first line, when a post time or the page's furniture stands
    right under it (2025年重庆将接续办好15件重点民生实事 / 2025-01-19 10:47:47 来源: …). A headline restates the
    text below it: its numbers are no entries."""
    filled = [i for i, ln in enumerate(top_lines(lines, 12)) if ln.strip()]
    for k in range(min(len(filled), 4) - 1):
        crumb, under = compact(lines[filled[k]]), compact(lines[filled[k + 1]])
        if re.search(r"[>＞»]", crumb) and len(under) >= 6 and len(crumb) > len(under) \
                and crumb.endswith(under) and "。" not in under:
            return filled[k + 1]  # 奇宝库 > 2023年东莞两会… / 2023年东莞两会…: the breadcrumb ends with the headline (round eleven)
    while len(filled) > 2 and is_page_furniture(lines[filled[0]]):
        filled.pop(0)  # an image's name, a breadcrumb above the headline
    if len(filled) >= 2 and "。" not in lines[filled[0]] and is_page_furniture(lines[filled[1]]) \
            and not is_page_furniture(lines[filled[0]]):
        return filled[0]
    return None


# A section heading or a list item opening a line (一、, (一), 1., 第一): the text has begun, no headline follows.
_HEADING_OPENS = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[、,，章部])")
# A quantity as a headline states it: 10项, 10处, 2.5亿元.
_HEAD_QTY = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]")


def headlines(lines: list[str]) -> set[int]:
    """Indices of the lines that head a page and restate its text: the news headline (``page_headline``), and the
    short lines without a sentence's punctuation above the text's first sentence whose every quantity the text
    below states again (沙河口区确定今年10项重点民生实事 / 新建10处口袋公园建成10处社区食堂, then the lead and the items):
    a headline and a sub-headline. Their numbers are the text's, counted once where the text states them."""
    out: set[int] = set()
    h = page_headline(lines)
    if h is not None:
        out.add(h)
    seen = 0
    for i, ln in enumerate(top_lines(lines, 12)):
        c = compact(ln)
        if not c:
            continue
        if is_page_furniture(ln):
            continue
        seen += 1
        if "。" in c or len(c) > 40 or seen > 3 or _HEADING_OPENS.match(c):
            break  # the text's first sentence, or its first heading or list item: the head of the page is over
            # (一、工作目标 / 全市新建充电桩500个: a goal line under a heading, not a sub-headline — round ten)
        if re.search(r"[，,；;：:]", c) or is_title(ln):
            continue
        qs = _HEAD_QTY.findall(c)
        rest = compact("".join(lines[i + 1:]))
        if qs and all(q in rest for q in qs):
            out.add(i)
    return out


def find_doc_date(text: str) -> date | None:
    """The document's date: a date line of its own in the first 60 lines (under the notice's title) or,
    failing that, in the last 30 (the signature); a date inside a sentence is not the document's. A page
    with no date line is dated by what the page says of itself: the date its index block gives (成文日期,
    发文日期 before 发布日期), else its post time; a year-less dateline opening the text (5月20日,市政府印发…) takes
    that date's year."""
    lines = text.split("\n")
    top, end = top_lines(lines, 60), end_lines(lines, 30)
    for i, line in [*enumerate(top), *enumerate(end, len(lines) - len(end))]:
        c = _date_line(line)
        if c and not _site_clock(lines, i):
            try:
                return parse_date(c)
            except DeadlineError:
                continue
    page = _page_date(top_lines(lines, 15))
    if page is None:
        return None
    for line in top_lines(lines, 10):
        m = _DATELINE.match(compact(line))
        if m:
            try:
                return date(page.year, int(m.group(1)), int(m.group(2)))
            except ValueError:
                break
    return page


def _site_clock(lines: list[str], i: int) -> bool:
    """Whether line i is a site's clock (2024年11月23日 / 星期六 over a crawled news page: 潍坊's 城镇化 report, round
    one-hundred-and-eleventh's held-out set, dated by the day of the crawl): a date line with its weekday on the next line."""
    nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
    return bool(re.fullmatch(r"\s*(?:星期|礼拜)[一二三四五六日天]\s*", nxt))


# 5月20日,市政府印发…: a news lead's year-less dateline.
_DATELINE = re.compile(r"^(\d{1,2})月(\d{1,2})日[,，]")
_PAGE_DATE = re.compile(r"((?:19|20)\d{2})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?")


def _page_date(lines: list[str]) -> date | None:
    """The date a page's index block or post time gives (成文日期/发文日期 first, then any other)."""
    found: list[tuple[int, date]] = []
    for raw in lines:
        if not is_page_furniture(raw):
            continue
        # (read compact: 发布日期: 2023- 02- 09, 2023年 2月 9日 — a page's spaces inside its date; round fifteen)
        line = re.sub(r"(?<=\d)\s*([-/.年月])\s*(?=\d)|(?<=\d)\s+(?=[年月日])", lambda q: q.group(1) or "",
                      unicodedata.normalize("NFKC", raw))
        for m in _PAGE_DATE.finditer(line):
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            label = line[:m.start()]
            rank = 0 if re.search(r"(?:成文|发文)日期[^0-9]*$", label) else 1
            found.append((rank, day))
    return min(found, key=lambda x: x[0])[1] if found else None


# The years a text looks ahead over: 今后五年, 未来5年 (a congress's report of its goals)
_YEARS_AHEAD = re.compile(r"(?:今后|未来|此后)([一二两三四五六七八九十\d]{1,2})年")
# …三年行动, 五年行动计划: an action of that many years
_YEARS_OF_ACTION = re.compile(r"([一二两三四五六七八九十])年(?:行动|攻坚行动|专项行动|专项整治行动)")


def read_count(words: str) -> int:
    """五 → 5, 10 → 10 (a count of years written either way); 0 when it is neither."""
    try:
        n = read_numeral(words)
    except NumeralError:
        return 0
    return int(n) if float(n).is_integer() else 0


# 二、工作时间 / 2025年4月7日- 4月20日。 — a campaign plan's section giving the days it runs (平罗 城关镇's 农田水利 plans, rounds
# ninety-seven and one-hundredth's held-out sets): its tasks are due when it ends. The section's heading, then one span alone
# on its line or after the heading's colon.
_CAMPAIGN_HEAD = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])?\s*(?:行动|工作|活动|实施|整治|集中整治|专项行动)时间"
                            r"(?:安排)?[:：]?\s*(.*)$")
_DAY = r"(?:(?P<{0}y>(?:19|20)\d{{2}})年)?(?P<{0}m>\d{{1,2}})月(?P<{0}d>\d{{1,2}})日"
_CAMPAIGN_SPAN = re.compile(rf"^(?:{_DAY.format('a')})\s*[—–\-~～至到]\s*(?:{_DAY.format('b')})[。.；;]?$")


def campaign_span(text: str, within: Period) -> Period | None:
    """The days a campaign plan says it runs (``_CAMPAIGN_HEAD``), when they fall inside the period its title states."""
    lines = [ln.strip() for ln in top_lines(text.split("\n"), 60)]
    for i, ln in enumerate(lines):
        h = _CAMPAIGN_HEAD.match(compact(ln)) if len(ln) <= 40 else None
        if not h:
            continue
        body = h.group(1) or next((x for x in lines[i + 1:] if x), "")
        m = _CAMPAIGN_SPAN.match(re.sub(r"\s+", "", body))
        if not m:
            return None
        ya = int(m.group("ay") or within.start.year)
        yb = int(m.group("by") or ya)
        try:
            run = Period(date(ya, int(m.group("am")), int(m.group("ad"))), date(yb, int(m.group("bm")), int(m.group("bd"))))
        except ValueError:
            return None
        return run if within.start <= run.start <= run.end <= within.end else None
    return None


# A season's campaign (春季重大动物疫病防控, 秋季集中免疫, 春防): the days its text says the campaign's work runs, in its
# first lines — 集中免疫于8月26日开始,10月20日前完成 / 于3月上旬全面启动,4月下旬全部完成 / 3月8日至4月30日,全市集中开展… (灵川's,
# 慈利's and 广元's 动物防疫 campaigns, round hundred-and-seventeenth's held-out set: their rates had been due at the year's
# end, not when the campaign is done)
_SEASON = re.compile(r"春季|夏季|秋季|冬季|春防|秋防")
_XUN_START = {"上": 1, "中": 11, "下": 21}  # (the first and last days of a month's 上旬, 中旬, 下旬: 下旬 ends with the month)
_XUN_END = {"上": 10, "中": 20}
_SEASON_SPANS = (
    re.compile(r"(?P<am>\d{1,2})月(?P<ad>\d{1,2})日(?:起|开始)[^。；;，,]{0,4}[，,](?P<bm>\d{1,2})月(?P<bd>\d{1,2})日(?:前|之前)?"
               r"(?:全部|全面)?(?:完成|结束)"),
    re.compile(r"(?P<am>\d{1,2})月(?P<ax>[上中下])旬(?:全面)?(?:启动|开始)[，,](?P<bm>\d{1,2})月(?P<bx>[上中下])旬(?:前)?"
               r"(?:全部|全面)?(?:完成|结束)"),
    re.compile(r"(?<![\d年])(?P<am>\d{1,2})月(?P<ad>\d{1,2})日(?:至|到|—|－|-)(?:(?P<bm>\d{1,2})月)?(?P<bd>\d{1,2})日[，,]"
               r"全[市县区镇旗乡][^。；;，,]{0,4}?集中开展"),
)


def season_span(text: str, within: Period) -> Period | None:
    """The days a season's campaign runs by what its first lines say (_SEASON_SPANS), when its heading names a season and
    they fall inside a one-year period; None otherwise."""
    if within.start.year != within.end.year:
        return None
    lines = [compact(ln) for ln in top_lines(text.split("\n"), 8) if ln.strip()]
    if not any(_SEASON.search(ln) for ln in lines[:3]):
        return None
    for ln in lines:
        for rx in _SEASON_SPANS:
            m = rx.search(ln)
            if not m:
                continue
            g = m.groupdict()
            y = within.start.year
            try:
                am, bm = int(g["am"]), int(g.get("bm") or g["am"])
                a = date(y, am, int(g["ad"]) if g.get("ad") else _XUN_START[g["ax"]])
                b = date(y, bm, int(g["bd"])) if g.get("bd") else \
                    date(y, bm, _XUN_END.get(g["bx"]) or calendar.monthrange(y, bm)[1])
            except ValueError:
                return None
            return Period(a, b) if within.start <= a <= b <= within.end else None
    return None


def infer_period(text: str, doc_date: date | None) -> tuple[Period, str | None] | None:
    """The plan period and how it was found (None when a title states it); None when nothing dates it."""
    got = _infer_period(text, doc_date)
    if got is None:
        return None
    run = season_span(text, got[0])
    if run is None:
        return got
    return run, f"the days its season's campaign runs ({run.start}–{run.end}), within {got[0].start.year}"


def _infer_period(text: str, doc_date: date | None) -> tuple[Period, str | None] | None:
    stated = find_period(text)
    if stated:
        run = campaign_span(text, stated)
        return (run, f"the campaign's own time section ({run.start}–{run.end}) within {stated.start.year}") if run \
            else (stated, None)
    c = compact(text)
    term = stated_term(c)
    if term:
        return term
    issued = issued_term(text)
    titled = _title_year(text)  # (read once: the title's one year, if it names one)
    if issued and titled is None:
        # (a title naming one year keeps it: 2025年一季度…完成情况汇总表 whose progress cell says 印发《…规划(2024-2035年)》
        # — that plan is one of the year's steps, not the page's: 淮北, round nineteen's held-out set)
        return issued
    year0 = doc_date.year if doc_date else None
    lines = [compact(ln) for ln in text.split("\n")]
    table = table_years(text.split("\n"))  # (raw lines: compact takes the tabs between cells out)
    if table and (year0 is None or table[0] >= year0):
        # a target table's year columns (现值 | 2023年目标 | 2025年目标 | 2027年目标) are when the plan runs: from the first
        # to the last (嘉善, round twenty-one's held-out set: read as 2027 alone, every 2023 and 2025 target outside it)
        return Period(date(table[0], 1, 1), date(table[-1], 12, 31)), \
            f"the year columns of its target table ({table[0]}–{table[-1]}年)"
    goals: list[int] = []
    goal_lines: list[str] = []
    in_goals = False
    for ln in lines:
        if _GOALS_HEADING.match(ln) and len(ln) <= 40:
            in_goals = True
        elif re.match(rf"^[{COUNTING}]+、", ln):
            in_goals = False
        # ((二)发展目标。到2025年,… — a goals heading glued to its paragraph, a full stop between: 遵义's 气象 实施意见,
        # round ninety-five's held-out set, whose period had been 2035 alone, from its vision line 到2035年,…)
        if in_goals or re.match(r"^(?:[^，。]{0,10}目标[是为:：，。.]?)?(?:力争|争取)?(?:到|至)(?:19|20)\d{2}年", ln):
            goals += [int(y) for y in _BY_YEAR.findall(ln)]
            goal_lines.append(ln)
    goals = _without_vision(goals, goal_lines)
    by_years = [int(y) for y in _BY_YEAR.findall(c)]
    steps = [int(m.group(1)) for ln in lines for m in [_OPENING_YEAR.match(ln)] if m]
    steps += [int(y) + 1 for y in _BASELINE_YEAR.findall(c)]
    # … and a year that opens a goal clause inside a line (《计划》提出,2024年,全市…; round eleven: the plan had been
    # read from its next dated step, and its 2024年 target at the period's end)
    steps += [int(y) for y in _DOING_YEAR.findall(c)]
    # A title (or a news page's headline) naming one year is that year's plan (汉阴县2024年十项重点水利工作…, a 2024 工作要点):
    # a step in its text reaching beyond it (自2024年起至2029年止用五年时间完成并购) keeps its own date, it does not stretch
    # the period — only the horizon of a goals paragraph does (round eighteen's held-out set: every target of 汉阴 had been
    # dated 2029). A title naming no year, or a span of years, leaves the horizon as before.
    for years, how in ((goals, "the horizon of its goals"), (by_years, "the latest 到YYYY年 of the text")):
        years = [y for y in years if year0 is None or y >= year0]
        if years and how != "the horizon of its goals" and titled is not None and (year0 is None or titled == year0):
            return Period(date(titled, 1, 1), date(titled, 12, 31)), f"the year its title names ({titled}年)"
        if years:
            end = max(years)
            ahead = _YEARS_AHEAD.search(c)
            if year0 is None and ahead is not None and 1 < (n := read_count(ahead.group(1))) <= 10:
                # 会议提出,今后五年,…力争到2025年,… (东石's 党代会 news, round forty-eight's held-out set): the years the text
                # looks ahead over end at its horizon — not a past year it reports (2018年、2020年,…蝉联…殊荣)
                return Period(date(end - n + 1, 1, 1), date(end, 12, 31)), \
                    f"{how} (到{end}年), over the {ahead.group(0)} it looks ahead"
            start = year0 if year0 is not None else min([y for y in steps if y <= end] + years)
            how = f"{how} (到{end}年)" + (", from the document's year" if year0 is not None else "")
            if year0 is None and start < min(years):
                how += f", from its earliest dated step or the year after its baseline ({start}年)"
            return Period(date(start, 1, 1), date(end, 12, 31)), how
    listed = notice_year(text)
    if listed:
        return listed
    if year0 is not None:
        later = [int(y) for y in _ANY_YEAR.findall(c) if int(y) >= year0 and not _is_doc_no_year(c, y)]
        end = max(later, default=year0)
        title = compact(document_header(text, None).get("title") or "")
        # (a title naming its year keeps it: a 2023 list citing a five-year plan's 今后五年 is 2023's; an action of years
        # counts where the title names it — a list citing another plan's 三年行动 is its own year's)
        ahead = (_YEARS_AHEAD.search(c) if titled is None else None) or _YEARS_OF_ACTION.search(title)
        if ahead is not None and 1 < (n := read_count(ahead.group(1))) <= 10 and year0 + n - 1 > end:
            # 高新技术产业开发区安全专项整治三年行动实施方案 posted 2020, 会议提出,…今后五年… (江苏, 时堰: round forty-eight's
            # held-out set): the years it names from the document's year, not that year alone
            return Period(date(year0, 1, 1), date(year0 + n - 1, 12, 31)), \
                f"the document's year and the {ahead.group(0)} it names"
        return Period(date(year0, 1, 1), date(end, 12, 31)), "the document's year to the last year the text dates"
    # No title period, no term, no 到YYYY年 and no date of issue (a flattened crawl, a page without its
    # notice): the years its dated steps name (力争2022年底前) are when the plan runs, from the earliest to
    # the latest. Only a text that dates nothing is refused (ExtractError asks for --period).
    if titled is not None and not re.search(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日",
                                            compact(document_header(text, None).get("title") or "")):
        # a title naming one year, no date of issue and no horizon (重庆市荣昌区住建委 关于调整2024年…危房改造计划的函, round
        # seventy-five's held-out set: 2023年底,我委印发了… — a past step it reports — had opened the period a year early;
        # a date line read as the title, ???2020年12月4日, names no year of a plan)
        return Period(date(titled, 1, 1), date(titled, 12, 31)), f"the year its title names ({titled}年)"
    steps = [int(y) for y in _STEP_YEAR.findall(c)] + [int(y) for y in _DOING_YEAR.findall(c)] \
        + [int(y) for y in _GOAL_YEAR.findall(c)] + [int(y) for m in _STAGE_SPAN.finditer(c) for y in _ANY_YEAR.findall(m.group(1))]
    if steps:
        return Period(date(min(steps), 1, 1), date(max(steps), 12, 31)), \
            f"the years its dated steps name ({min(steps)}–{max(steps)}年)"
    return named_year(text)


# A figure of a goal: a number that is no year (2035年), no plan's term (“十四五”) and no list number (1.)
_GOAL_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*年)(?![.．、])")


def _without_vision(goals: list[int], goal_lines: list[str]) -> list[int]:
    """The goals' years without a far vision the plan sets no figure for: 到2025年,…精细到1公里,…达到90%。到2035年,基本实现
    气象现代化… — the plan runs to 2025 and looks to 2035 (遵义's and 黔东南's 气象 实施意见, round ninety-five's held-out
    set: every figure of the task list had been dated 2035). A latest horizon with a figure of its own stays, and so does
    one a few years on (2030年前实现碳达峰 after a 碳达峰 plan's 2025 figures: the peak is what the plan is for — 浦东,
    深圳, 苏州): a vision lies two five-year terms or more beyond."""
    if len(set(goals)) < 2:
        return goals
    last = max(goals)
    if last - max(y for y in goals if y < last) < 8:
        return goals
    said = "".join(ln[ln.index(f"{last}年"):] for ln in goal_lines if f"{last}年" in ln)
    earlier = [ln for ln in goal_lines if any(f"{y}年" in ln for y in goals if y < last)]
    if _GOAL_FIGURE.search(said) or not any(_GOAL_FIGURE.search(re.sub(rf"{last}年.*", "", ln)) for ln in earlier):
        return goals
    return [y for y in goals if y < last]


def table_years(lines: list[str]) -> list[int]:
    """The years of a target table's heading row (cells between bars or tabs, or one a line), in order: two year columns
    or more (2023年目标 | 2025年目标), as ``layout.year_columns`` reads them; [] where no heading names them."""
    for k, ln in enumerate(lines):
        cells = [x.strip() for x in re.split(r"[|｜\t]", ln) if x.strip()]
        if len(cells) < 3:
            # one cell a line: the heading's labels on the lines from 序号 (or 指标) down
            if not re.fullmatch(r"(?:序号|指标(?:名称)?)[|｜]?", ln.strip()):
                continue
            cells = []
            for nxt in lines[k:k + 12]:
                t = nxt.strip().strip("|｜ ")
                if not t or not _head_label(t):
                    break
                cells.append(t)
        years = year_columns(cells)
        if len(years) >= 2:
            return [int(re.search(r"(?:19|20)\d{2}", h).group()) for h in years.values()]
    return []


def _head_label(t: str) -> bool:
    return len(t) <= 12 and not re.search(r"[。，,；;]", t)


# A page about a plan its issuer has just put out names the plan in 《》 with its term: 奉节县印发《…行动方案(2025-2027)》
# (round ten) — the plan the page's targets belong to, so its term is the period. A document named as a basis (根据《…规划
# (2016-2035)》, 落实《…》) is another document: its years are never the period.
_ISSUED_TERM = re.compile(r"(?:(?:印发|出台|发布|制定|推出|出炉|编制)(?:了|实施)?《(?P<name>[^《》]{2,80}?)[(（](?P<a>(?:19|20)\d{2})年?"
                          r"[—–\-~～至](?P<b>(?:19|20)\d{2})年?[)）]》"
                          # 《…行动方案(2025-2027年)》(以下简称《方案》)近日正式印发 — the issue said after the title (round eleven)
                          r"|(?<![据照循实照合接])《(?P<name2>[^《》]{2,80}?)[(（](?P<a2>(?:19|20)\d{2})年?"
                          r"[—–\-~～至](?P<b2>(?:19|20)\d{2})年?[)）]》(?:[(（][^()（）]{0,16}[)）])?"
                          r"(?:已|近日|日前|于近日|正式|已经|经[^，,。]{0,12}同意)*(?:印发|出台|发布|出炉|公布)(?!的))")


def issued_term(text: str) -> tuple[Period, str] | None:
    """The term of the plan a sentence says was issued (印发《…(2025-2027)》), and from which line, else None."""
    for i, ln in enumerate(text.split("\n")):
        m = _ISSUED_TERM.search(compact(ln))
        if not m:
            continue
        a, b, name = (m.group("a"), m.group("b"), m.group("name")) if m.group("a") else \
            (m.group("a2"), m.group("b2"), m.group("name2"))
        if int(a) <= int(b):
            return Period(date(int(a), 1, 1), date(int(b), 12, 31)), \
                f"the term of the plan the text says was issued (line {i + 1}: 《{name}…》)"
    return None


# A notice that issues, breaks down or sees to a year's list names that year in its title (…关于印发2024年重点民生实事工作
# 目标任务的通知, 关于分解落实 2022年县政府重点工作任务的通知, 关于做好2024年全区民生实事工作的通知): the list's year is the
# plan's, whenever the page was posted.
_NOTICE_OF = re.compile(r"关于(?P<what>.+?)的通知$")


def notice_year(text: str) -> tuple[Period, str] | None:
    """The one year the title of a notice (on its line or set over several) gives the list it issues, and how."""
    lines = top_lines(text.split("\n"), 40)
    for i, _last, b in title_spans(lines):
        m = _NOTICE_OF.search(b) if is_notice_title(b) else None
        if not m:
            continue
        what = re.sub(r"《[^《》]*》", lambda q: q.group() if _LIST_TITLE.search(q.group()) else "", m.group("what"))
        years = {int(y) for y in re.findall(r"(?<![\d〔\[])((?:19|20)\d{2})年(?![\d—–\-~～至版]|以来)", what)}
        if len(years) == 1 and not re.search(r"(?:19|20)\d{2}年?[—–\-~～至](?:19|20)\d{2}", what):
            (y,) = years
            return Period(date(y, 1, 1), date(y, 12, 31)), \
                f"the year of the list its notice's title names (line {i + 1}: {b})"
    return None


_LIST_TITLE = re.compile(r"(?:19|20)\d{2}年")
# The year a sentence names its list by (沙河口区确定2024年10项重点民生实事, 重庆市璧山区2025年重点民生实事新闻发布会,
# 2024年度淮安区政府民生实事项目): a list of one year's work is that year's, when nothing else dates the text.
_LIST_YEAR = re.compile(r"(?<![\d〔\[])((?:19|20)\d{2})年度?(?:的)?(?:[^，,。；;：:！!？?]{0,14}?)"
                        r"(?:民生实事|为民实事|惠民实事|实事项目|为民办实事|重点工作|工作任务|目标任务|重点任务|工作要点|重点项目|"
                        r"任务清单|责任清单|民生工程)")


def named_year(text: str) -> tuple[Period, str] | None:
    """For a text that no title, term, date of issue or dated step dates: the year it names its list by (the
    latest, when it names several), else the latest year it names at all, marked as inferred and saying from
    which line, so that the reviewer sees it and can give --period. A text that names no year is refused."""
    lines = text.split("\n")
    found: list[tuple[int, int, str]] = []
    anywhere: list[tuple[int, int, str]] = []
    for i, ln in enumerate(lines):
        c = compact(ln)
        if is_page_furniture(ln):
            continue
        found += [(int(m.group(1)), i, m.group()) for m in _LIST_YEAR.finditer(c)]
        anywhere += [(int(y), i, f"{y}年") for y in _ANY_YEAR.findall(c) if not _is_doc_no_year(c, y)]
    for years, how in ((found, "the year it names its list by"), (anywhere, "the latest year it names")):
        if years:
            y, i, said = max(years, key=lambda x: (x[0], -x[1]))
            return Period(date(y, 1, 1), date(y, 12, 31)), \
                f"{how} (line {i + 1}: {said}), no date of issue or dated step"
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


def _title_year(text: str) -> int | None:
    """The one year a document's title (or headline) names, when it names exactly one and no span of years."""
    title = compact(document_header(text, None).get("title") or "")  # (the date changes no title)
    if re.search(r"(?:19|20)\d{2}年?[—–\-~～至到](?:19|20)\d{2}", title):
        return None
    years = set(re.findall(r"((?:19|20)\d{2})年", title))
    return int(years.pop()) if len(years) == 1 else None


def document_header(text: str, doc_date: date | None) -> dict:
    """Title, number and date of the document, as the registry's ``meta.document`` holds them."""
    lines = [ln.strip() for ln in top_lines(text.split("\n"), 40)]
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
        if re.fullmatch(r"附件\d*[:：]?", c) and title_parts:
            break  # the attachment under the page's title: its own title repeats the page's
        if "此件公开发布" in c or is_page_furniture(ln) or re.search(r"[!！]|>>", c) or re.fullmatch(r"附件\d*[:：]?", c):
            continue  # (此件公开发布), the signature block's mark, a web copy may set above the title; the page's post
            # time, links (相关新闻>>, 正式发布!…) and an attachment's label are none of the title either
        ln = re.sub(r"^附件\d*[:：]", "", ln)
        if not ln or len(ln) > 60 or ln.endswith(("。", "：", ":")) or DATE_LINE.match(c):
            if title_parts:
                break
            continue
        if (_HEADING.match(c) or c.endswith(("|", "｜")) or "\t" in ln
                or re.match(NUMBER_LABEL + r"(?:\s|$)", ln)) and title_parts:
            break  # 一、主要目标 or a table's first cell (序号 |, 任务项 alone or before tabs or spaces) under the title is
            # no more of the title
        if re.match(NUMBER_LABEL + r"\s*[|｜\t]", ln) or is_cell_row(ln):
            break  # a page that opens with its table's heading row (序号 | 任务名称 | … |: 嘉善) has no title above it,
            # and a row of cells is none
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


# (…重点工作完成情况汇总表, 2021年第四季度重点工作落实情况: a report's table names itself as a title does — round nineteen)
_DOC_TITLE = re.compile(rf"(?:{_TITLE_WORD}|工作目标|目标任务|责任清单|任务清单|分解表|举措|若干措施|汇总表|一览表|情况表|"
                        r"(?:重点工作|工作任务|目标任务)(?:落实|完成|推进|进展)情况)"
                        r"(?:[(（][^()（）]{2,14}[)）])?$")


def _plan_title(text: str) -> str | None:
    """The first line of the opening that is a plan's title (a title over two lines read as one), else the
    first 《…》 that names one."""
    lines = top_lines(text.split("\n"), 40)
    for _i, b in title_lines(lines):
        if is_title(b) and not b.startswith(("(", "（")):
            return re.sub(r"^附件\d*[:：]", "", b)
    for m in re.finditer(r"《([^《》]{4,60})》", compact("\n".join(lines))):
        if is_title(m.group(1)):
            return m.group(1)
    # a letter's or a notice's own title broken over lines set apart (重庆市荣昌区住房和城乡建设委员会 / 关于调整2024年…
    # 危房改造 / 计划的函, double-spaced: round seventy-five's held-out set, whose title had been its issuer alone)
    return next((b for _i, b in title_lines(lines) if NOTICE_TITLE.match(b)), None)
