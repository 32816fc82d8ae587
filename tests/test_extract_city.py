"""plancli extract on the plans offices get: city, county and department 实施方案 (issue 28).

Each row is a form the issue names or one of the bench openings shows (bench/documents/SOURCES.md), in a
small text written here; the held-out openings are never used. At the end: every entry of every document
we have lies on the line that holds its value (the line contract), and the single sentences laid out one a
line (bench/sentences/) are drafted on their own lines.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml

from plancli.extract import ExtractError, extract, find_doc_date, parse_period, to_yaml
from plancli.extract.context import is_page_furniture
from plancli.extract.layout import title_spans
from plancli.text.source import SourceText, compact
from plancli.words import say

from .conftest import ROOT
from .table_layouts import FORMS, find_tables, relaid_tables

BENCH = ROOT / "bench" / "documents"
CD21 = "bench city2021_chengdu_minsheng (成都市2021年民生实事工作目标)"
WC25 = "bench district2025_wucheng_zhengce (婺城区 若干政策举措(2025年版))"
SD22 = "bench prov2022_shandong_shuzhuan (山东省制造业数字化转型行动方案(2022-2025年))"
HS25 = "bench county2025_huoshan_table (霍山县 2025年开发区重点工作及责任清单)"
SC25 = "bench prov2025_sichuan_gengxin (四川省实施城市更新行动方案)"
YZ24 = "bench city2024_yangzhou_gengxin (扬州市…以旧换新实施方案)"
ISSUE = "issue 28 (a form a new user met)"
# the second round's development documents (the round-one held-out ones, seen at its end, and four new ones)
CD22 = "bench city2022_chengdu_fenjie (成都 2022年《政府工作报告》目标任务责任分解方案)"
CQ25 = "bench city2025_chongqing_minsheng (重庆 2025年15件重点民生实事, a news page)"
YC25 = "bench city2025_yancheng_zhigai (盐城 智改数转网联三年行动计划)"
YY23 = "bench district2023_yunyang_table (郧阳区 2023年区政府工作目标任务落实责任分解表)"
JX23 = "bench city2023_jiaxing_table (嘉兴 2023年政府工作报告重点工作责任分解)"
XX23 = "bench city2023_xinxiang_zhizao (新乡 建设制造强市三年行动计划)"
JD24 = "bench district2024_jiading_haimian (嘉定区 海绵城市建设实施方案)"
ROUND2 = "issue 28, second round (a form the brief names)"
# held out in round two, measured once at its end, development documents since
LS23 = "bench district2023_lishan_fenjie (立山区 2023年重点工作任务分解和责任分工方案)"
CDN23 = "bench district2023_caidian_fenjie (蔡甸区 2023年主要目标任务责任分解方案)"
JA25 = "bench district2025_jingan_zhongdian (静安区 2025年区政府重点工作安排)"
WH24 = "bench dept2024_wuhu_jiaoyu (芜湖市教育局2024年工作要点)"
WHS23 = "bench city2023_weihai_shuzi (数字威海建设2023年工作要点)"
ROUND3 = "issue 28, third round"
# held out in round three, measured once at its end, development documents since
QX25 = "bench county2025_qinxian_qingdan (沁县 2025年县政府工作报告任务清单)"
GJ23 = "bench city2023_gujiao_minsheng (古交 10件民生实事, a news page)"
TH24 = "bench district2024_tianhe_minsheng (天河区 2024年十大民生实事项目, a news page)"
JXX25 = "bench county2025_jinxiang_fengong (2025年金乡县政府重要工作事项责任分工)"
ROUND4 = "issue 28, fourth round"
# held out in round four, measured once at its end, development documents since
LA22 = "bench district2022_linan_shishi (临安区 民生实事, a table a row a line with | cells)"
JDG24 = "bench district2024_jindong_minsheng (金东区 2024年民生实事任务分解方案, one cell a paragraph)"
HSH24 = "bench district2024_haishu_fenjie (海曙区 2024年政府工作报告重点工作责任分解)"
ROUND5 = "issue 28, fifth round"


def _draft(text: str, **kw) -> dict:
    return extract(text, source_name="t.txt", **kw)


def _targets(d: dict) -> list[dict]:
    return [e for e in d["entries"] if e["kind"] == "target"]


def _city(tasks: str, title: str = "某市2024年工业节能工作方案") -> str:
    return f"{title}\n一、主要目标\n全面提升能效水平。\n二、重点任务\n{tasks}\n三、保障措施\n加强组织领导。\n"


def _kept_and_why(task: str, kept: list[str], reason: str | None, source: str, title: str) -> None:
    """The task (in a small plan of that title) drafts the targets ``kept``, and an exclusion gives ``reason``."""
    d = _draft(_city("1." + task, title=title))
    assert [t["value_text"] for t in _targets(d)] == kept, source
    if reason:
        assert say(f"extract.reason.{reason}", "en") in {x["reason"] for x in d["exclusions"]}, source


# --------------------------------------------------------------------------- units


# a task's text (one line, or lines) → the lead and support of its target (500个)
UNIT_FORMS = [
    ("1.新建充电桩500个。（市发展改革委牵头负责，各区政府组织落实）", ["市发展改革委"], ["各区政府"], ISSUE),
    ("1.新建充电桩500个。（牵头部门：市住房城乡建设局；实施部门：市城管委、市交通运输局）",
     ["市住房城乡建设局"], ["市城管委", "市交通运输局"], ISSUE),
    ("1.新建充电桩500个。(牵头部门:市住房城乡建设局;实施部门:市城管委、市交通运输局)",
     ["市住房城乡建设局"], ["市城管委", "市交通运输局"], ISSUE + ", ASCII punctuation"),
    ("1。打通中心城区“断头路”20条,新建充电桩500个。(牵头单位:市住建局、市交通运输局)",
     ["市住建局", "市交通运输局"], [], CD21 + " lines 9-11"),
    ("1.新建充电桩500个。(牵头单位:市发改委;责任单位:市经信局、市财政局;数据提供单位:市统计局)",
     ["市发改委"], ["市经信局", "市财政局"], "成都市2022年目标任务责任分解 form (a data supplier is neither)"),
    ("1.新建充电桩500个。\n责任单位：市发展改革委、市工业和信息化局", ["市发展改革委", "市工业和信息化局"], [],
     ISSUE + ": 责任单位 on its own line after the task"),
    ("1.新建充电桩500个。\n牵头单位：市发展改革委\n配合单位：各区人民政府", ["市发展改革委"], ["各区人民政府"],
     ISSUE + ": one label a line"),
    ("1.新建充电桩500个。（责任单位：各县（市、区）人民政府）", ["各县（市、区）人民政府"], [],
     ISSUE + ": 各县（市、区） is one unit"),
    ("1.新建充电桩500个。（各区政府负责）", ["各区政府"], [], ISSUE + ": 各区政府 as a real unit"),
    ("1.各区要新建充电桩500个。", ["各区"], [], ISSUE + ": a unit named in running text"),
    ("1.新建充电桩500个。（主办：市商务局；协办：市文化广电旅游局）", ["市商务局"], ["市文化广电旅游局"], ISSUE),
    ("1.新建充电桩500个。（省工业和信息化厅、省通信管理局牵头,省大数据局参与）",
     ["省工业和信息化厅", "省通信管理局"], ["省大数据局"], SD22 + " line 6"),
    # a department's own plan names its offices
    ("1.新建充电桩500个。(牵头处室:规划处;配合处室:财务处、建设处)", ["规划处"], ["财务处", "建设处"],
     ROUND2 + ": a department's offices"),
    ("1.新建充电桩500个。(责任科室:组干科、机关党委)", ["组干科", "机关党委"], [], ROUND2 + ": a department's offices"),
    # units in bare parentheses closing a task, no label and no role (西安市 2025年为民实事实施方案 line 15, round eight)
    ("1.阶段性减征职工基本医疗保险费。新建充电桩500个。(市医疗保障局)", ["市医疗保障局"], [],
     "bench city2025_xian_weimin line 15"),
    ("1.提高养老金待遇。新建充电桩500个。(市人社局、市财政局)", ["市人社局", "市财政局"], [],
     "bench city2025_xian_weimin line 14, two units"),
    # 由X会同Y…: the unit doing the work with the units it works with, in running text (黄浦's 排水 plan, line 46)
    ("1.新建充电桩500个，由市住建局会同市财政局、市发改委审核后上报。", ["市住建局"], ["市财政局", "市发改委"],
     "bench district2025_huangpu_paishui line 46 (由区建管委（区水务局）会同区财政局审核后上报)"),
]


@pytest.mark.parametrize("task, lead, support, source", UNIT_FORMS, ids=[f"{i}" for i in range(len(UNIT_FORMS))])
def test_units_of_a_task_in_the_forms_city_plans_use(task, lead, support, source):
    d = _draft(_city(task))
    (t,) = [e for e in _targets(d) if compact(e["value_text"]) == "500个"]
    assert (t["lead"], t["support"], t["units_inferred"]) == (lead, support, False), source


@pytest.mark.parametrize("task", ["1.新建充电桩500个。(三期)", "1.新建充电桩500个(含改造)。", "1.新建充电桩500个。(2024—2026年)"])
def test_a_closing_parenthesis_that_names_no_unit_names_no_lead(task):
    (t,) = _targets(_draft(_city(task)))
    assert t["units_inferred"], task


def test_a_heading_that_names_its_unit_leads_the_tasks_under_it():
    """一、强化科技创新(区科技局牵头): the section's targets take it ({WC25} line 13)."""
    text = ("关于推动经济高质量发展若干政策举措\n(2025年版)\n为推动经济持续向好，特制定以下政策举措。\n"
            "一、强化科技创新(区科技局牵头)\n加快培育发展新质生产力。2025年，力争全社会研发投入强度达到2.95%。\n"
            "二、扩大有效投资(区发改局牵头)\n全年新开工项目100个以上。\n")
    d = _draft(text)
    got = {compact(e["value_text"]): (e["lead"], e["units_inferred"]) for e in _targets(d)}
    assert got == {"2.95%": (["区科技局"], False), "100个": (["区发改局"], False)}, WC25


def test_a_flattened_table_gives_each_row_its_unit_and_time():
    """序号 | 重点工作 | 责任领导 | 责任单位 | 完成时限, one cell a line ({HS25})."""
    text = ("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
            "1 |\n全力推进开发区“空间再造”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。 |\n马振明 |\n改革办 |\n全年 |\n"
            "2 |\n新建标准厂房5万平方米。 |\n张云峰 |\n规划建设局 |\n2025年6月底前 |\n")
    d = _draft(text)
    assert d["meta"]["period"]["start"] == "2025-01-01" and d["meta"]["period"]["end"] == "2025-12-31"
    assert d["meta"]["document"]["title"] == "2025年开发区重点工作及责任清单"  # not glued to 序号 |
    got = {compact(e["value_text"]): (e["lead"], e["deadline"], e["line"]) for e in _targets(d)}
    assert got == {"10家": (["改革办"], "2025-12-31", 8), "400亩": (["改革办"], "2025-12-31", 8),
                   "5万平方米": (["规划建设局"], "2025-06-30", 13)}, HS25
    # a person's name (责任领导) is no unit, the row number no target
    assert "马振明" not in d["meta"]["units_found"]


def test_the_coordinator_stands_in_only_where_the_text_names_no_unit():
    d = _draft(_city("1.新建充电桩500个。\n2.改造老旧小区20个。（牵头单位：市住房城乡建设局）"))
    by = {compact(e["value_text"]): e for e in _targets(d)}
    assert by["20个"]["units_inferred"] is False and by["20个"]["lead"] == ["市住房城乡建设局"]
    assert by["500个"]["units_inferred"] is True


# --------------------------------------------------------------------------- dates


DATE_FORMS = [
    # a date glued to the list number
    ("1.2024年10月底前，新建充电桩500个。", "2024-10-31", ISSUE + ": 1.YYYY年M月底前"),
    ("（1）2024年6月底前，新建充电桩500个。", "2024-06-30", ISSUE),
    # a trailing date in the next sentence of the same task
    ("1.新建充电桩500个。2024年10月底前完成。", "2024-10-31", ISSUE + ": 新建充电桩500个。2024年10月底前完成。"),
    ("1.新建充电桩500个，2024年9月底前全部建成。", "2024-09-30", ISSUE),
]


@pytest.mark.parametrize("task, deadline, source", DATE_FORMS, ids=[f"{i}" for i in range(len(DATE_FORMS))])
def test_dates_in_the_forms_city_plans_use(task, deadline, source):
    d = _draft(_city(task))
    (t,) = _targets(d)
    assert (t["deadline"], t["deadline_inferred"]) == (deadline, False), source


def test_a_date_alone_on_a_heading_line_governs_the_steps_under_it():
    text = _city("（一）2024年6月底前\n1.完成全市充电设施摸底调查。\n2.新建充电桩500个。\n"
                 "（二）2024年12月底前\n3.新建换电站20座。")
    d = _draft(text)
    got = {(e["kind"], compact(e["value_text"] or "")): e["deadline"] for e in d["entries"]}
    assert got == {("milestone", ""): "2024-06-30", ("target", "500个"): "2024-06-30",
                   ("target", "20座"): "2024-12-31"}, ISSUE


@pytest.mark.parametrize("title, start, end", [
    ("某市2024年工业节能工作方案", "2024-01-01", "2024-12-31"),
    ("某市新能源汽车产业发展三年行动计划（2024-2026年）", "2024-01-01", "2026-12-31"),
    ("某市新能源汽车产业发展三年行动计划(2024－2026年)", "2024-01-01", "2026-12-31"),
    ("成都市2021年民生实事工作目标", "2021-01-01", "2021-12-31"),
    ("2025年开发区重点工作及责任清单", "2025-01-01", "2025-12-31"),
])
def test_the_period_from_a_year_in_the_title(title, start, end):
    d = _draft(_city("1.新建充电桩500个。", title=title))
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == (start, end)
    # the title line is never glued to the heading under it
    assert d["meta"]["document"]["title"] == title
    assert title.startswith(d["meta"]["plans"][0]["name"]) and "一、" not in d["meta"]["plans"][0]["name"]


def test_a_title_over_two_lines_is_not_glued_to_its_first_heading():
    text = "某市2024年\n工业节能工作方案\n一、主要目标\n到2024年，全市新建充电桩500个。\n"
    d = _draft(text)
    assert d["meta"]["plans"][0]["name"] == "某市2024年工业节能工作方案"
    assert d["meta"]["document"]["title"] == "某市2024年工业节能工作方案"
    assert d["meta"]["period"]["end"] == "2024-12-31"


@pytest.mark.parametrize("name, title", [
    ("city2021_chengdu_minsheng", "成都市2021年民生实事工作目标"),  # under 附件1
    ("city2024_jinan_ai", "济南市新一代人工智能高质量发展行动计划(2024-2026年)"),  # under a headline and a post time
    ("city2024_fuzhou_ai", "福州市促进人工智能产业创新发展行动方案(2024—2026年)"),  # named in 《》 by the notice
    ("prov2025_sichuan_gengxin", "四川省实施城市更新行动方案"),  # named in 《》 by the lead, not 一、总体工作要求
    ("prov2022_shandong_shuzhuan", "山东省制造业数字化转型行动方案"),  # not 今日 (此件公开发布)
    ("county2025_huoshan_table", "2025年开发区重点工作及责任清单"),  # not glued to the table's 序号 |
])
def test_the_document_title_is_the_plans_not_a_headline_or_heading(name, title):
    d = _draft((BENCH / f"{name}.txt").read_text(encoding="utf-8"))
    assert d["meta"]["document"]["title"] == title


# --------------------------------------------------------------------------- numbers that are not targets


NOT_TARGETS = [
    ("1.对新建项目给予补助，补助比例最高不超过30%。", "a maximum share of a rule"),
    ("1.新建公共充电站，站内净高不低于2.2米。", "a minimum height of a rule"),
    ("1.按项目投资额的10%-30%给予补助。", "a range of percentages of a rule"),
    ("1.政务服务大厅提供24小时自助服务。", "hours of service, a descriptor"),
    ("1.隆重纪念建市100周年。", "an anniversary"),
    ("1.用3个月左右时间，集中开展安全隐患排查整治。", "a relative span"),
    ("1.用3个月时间完成隐患整改。", "a span, glued to the list number"),
    ("1.到2024年全市220千伏及以下输变电工程完工。", "a threshold that says which works"),
    ("1.每年开展2次专项检查。", "a frequency of routine work"),
]


@pytest.mark.parametrize("task, why", NOT_TARGETS, ids=[w for _, w in NOT_TARGETS])
def test_numbers_that_are_not_targets_are_exclusions_with_a_reason(task, why):
    d = _draft(_city(task))
    assert _targets(d) == [], why
    assert [x for x in d["exclusions"] if x["line"] == 5 and not x["reason"].endswith("(check)")], why


@pytest.mark.parametrize("task, value_text, value, unit, comparator", [
    ("1.确保全年安全生产事故零发生。", "零", 0, None, "="),
    ("1.新能源公交车占比提高到一半以上。", "一半", 50, "%", ">="),
    ("1.绿色建筑占新建建筑比重提高两成。", "两成", 20, "%", "="),
    ("1.规上工业企业数量实现翻一番。", "翻一番", 2, "倍", "="),
])
def test_number_words_are_targets(task, value_text, value, unit, comparator):
    d = _draft(_city(task))
    (t,) = _targets(d)
    assert (t["value_text"], t["value"], t["unit"], t["comparator"]) == (value_text, value, unit, comparator)


@pytest.mark.parametrize("task, value_text, value, value_max, unit, comparator, source", [
    ("1.培育生态主导型企业3家至5家。", "3家至5家", 3, 5, "家", "range", "a range that says its unit twice"),
    ("1.并将创造 200,000 个新工作岗位。", "200,000 个", 200000, None, "个", "=", "thousands with commas"),
    ("1.报废汽车回收量较2023年增加约一倍。", "一倍", 1, None, "倍", "~", "一倍 after 约"),
    ("1.力争信息化和工业化融合发展指数达到125。", "125", 125, None, None, "=", SD22 + " line 5: an index"),
    ("1.新增公共充电设施260根以上。", "260根", 260, None, "根", ">=", WC25 + " line 2"),
    ("1.累计完成15台(套)左右老旧化工装置更新替代。", "15台(套)", 15, None, "台(套)", "~", YZ24 + " line 6"),
])
def test_quantities_in_the_forms_city_plans_write(task, value_text, value, value_max, unit, comparator, source):
    d = _draft(_city(task))
    (t,) = _targets(d)
    got = (t["value_text"], t["value"], t.get("value_max"), t["unit"], t["comparator"])
    assert got == (value_text, value, value_max, unit, comparator), source


def test_a_threshold_that_says_which_works_is_no_target():
    """220千伏及以下输变电工程实现投资40亿元以上: 220千伏 says which works are counted ({YZ24} line 7)."""
    d = _draft(_city("1.到2024年全市220千伏及以下输变电工程实现投资40亿元以上。"))
    assert [compact(t["value_text"]) for t in _targets(d)] == ["40亿元"]


@pytest.mark.parametrize("text, source", [
    ("关于推动经济高质量发展若干政策举措\n(2025年版)\n一、强化科技创新\n2025年，全社会研发投入强度达到2.95%。\n",
     WC25 + ": an edition is no time"),
    ("某市人工智能发展行动计划(2024-2026年)\n为加快人工智能产业发展，制定本行动计划。\n一、发展目标\n"
     "到2026年，全社会研发投入强度达到2.95%。\n", "the title's years are its period, no milestone"),
    ("某省数字化转型行动方案\n(2024-2026年) 为贯彻落实党中央部署，制定本行动方案。\n一、发展目标\n"
     "到2026年，全社会研发投入强度达到2.95%。\n", SD22 + ": the title's years on its next line, glued to the text"),
])
def test_the_years_of_a_title_date_no_entry(text, source):
    d = _draft(text)
    assert [(e["kind"], e["value_text"]) for e in d["entries"]] == [("target", "2.95%")], source


def test_a_date_that_says_which_things_is_no_deadline():
    """2027年底，…因地制宜逐步改造2001年至2005年底前建成的老旧小区 ({SC25} line 8): the second date says
    which 小区, the step is dated 2027年底."""
    text = "某省城市更新行动方案\n一、重点任务\n2027年底，因地制宜逐步改造2001年至2005年底前建成的老旧小区。\n"
    d = _draft(text, period=parse_period("2025:2030"))
    assert [(e["kind"], e["deadline_text"]) for e in d["entries"]] == [("milestone", "2027年底")], SC25


@pytest.mark.parametrize("text, start, source", [
    ("某市设备更新实施方案\n总体目标：力争到2027年，设备投资规模较2023年增长30%左右。\n", "2024-01-01",
     YZ24 + ": the year after the baseline"),
    ("某省城市更新行动方案\n一、总体工作要求\n2025年全省实施约3800个城市更新项目。\n到2030年，城市更新模式基本形成。\n",
     "2025-01-01", SC25 + ": the earliest dated step"),
])
def test_a_plan_with_no_date_of_issue_starts_at_its_earliest_step(text, start, source):
    d = _draft(text)
    assert d["meta"]["period"]["start"] == start, source


# --------------------------------------------------------------------------- the page around the plan (round two)


def test_a_title_quoting_the_report_it_breaks_down_is_the_plans_and_gives_the_period():
    """2022年《政府工作报告》 / 目标任务责任分解方案 ({CD22} lines 5-6): a year in a title is the period whatever the
    title quotes; the title's lines and the links above it draft nothing."""
    text = ("日前,某市人民政府网站公布了分解方案。\n相关新闻>>\n正式发布!2022年某市政府工作报告(全文请收藏)\n"
            "2022年《政府工作报告》\n目标任务责任分解方案\n一、全市经济社会发展主要预期目标\n"
            "1.地区生产总值增长7%左右。(牵头单位:市发改委;数据提供单位:市统计局)\n")
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2022-01-01", "2022-12-31"), CD22
    assert d["meta"]["document"]["title"] == "2022年《政府工作报告》目标任务责任分解方案"
    assert [(e["line"], e["value_text"], e["lead"]) for e in d["entries"]] == [(7, "7%", ["市发改委"])], CD22


def test_a_news_page_is_dated_by_its_post_time_and_its_headline_drafts_nothing():
    """A news page whose only date is its post time ({CQ25}): the post time dates it (今年 = 2025), the headline
    restates the list, the count of the list (接续办好3件…。具体包括:) is no target, each item one."""
    text = ("2025年某市将接续办好3件重点民生实事\n2025-01-19 10:47:47 来源: 某网\n"
            "某网讯 1月19日,某市第六届人民代表大会第三次会议开幕。\n"
            "今年,某市将聚焦“急难愁盼”,接续办好3件重点民生实事。具体包括:\n"
            "新开工改造城镇老旧小区3011万平方米。\n建设100个口袋公园。\n为200万中小学生开展心理健康测评。\n")
    d = _draft(text)
    assert d["meta"]["document"]["date"] == "2025-01-19"
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2025-01-01", "2025-12-31")
    assert d["meta"]["document"]["title"] == "2025年某市将接续办好3件重点民生实事"
    got = [(e["line"], e["value_text"], e["deadline"]) for e in d["entries"]]
    assert got == [(5, "3011万平方米", "2025-12-31"), (6, "100个", "2025-12-31"), (7, "200万", "2025-12-31")], CQ25
    why = {(x["line"], x["text"]): x["reason"] for x in d["exclusions"]}
    assert "headline" in why[(1, "接续办好3件重点民")] and "post" in why[(2, "2025-01-19 10:47:47")]
    assert "lists" in next(r for (ln, _t), r in why.items() if ln == 4)
    assert "date" in why[(3, "1月19日")]


@pytest.mark.parametrize("head, date_, source", [
    ("某市出台设备更新实施方案\n发布时间:2024-05-22 10:00 来源:某网\n5月20日,市政府印发《某市推动设备更新实施方案》。\n",
     "2024-05-20", ROUND2 + ": a year-less dateline takes the year of the page's own date"),
    ("首页\n> 政务公开 > 其他文件\n索引号: 002546445/2023-448528 公开方式: 主动公开\n成文日期: 2023-03-01\n"
     "某市人民政府办公室关于印发某市设备更新实施方案的通知\n发布日期:2023-03-03 09:37 信息来源:市政府办公室 浏览次数:\n",
     "2023-03-01", JX23 + " lines 1-8: the index block's 成文日期 before the post's date"),
])
def test_a_page_with_no_date_line_is_dated_by_what_it_says_of_itself(head, date_, source):
    text = head + "总体目标:力争到2027年,设备投资规模较2023年增长30%左右。\n"
    d = _draft(text)
    assert d["meta"]["document"]["date"] == date_, source
    assert [e["value_text"] for e in d["entries"]] == ["30%"], source


def test_another_documents_years_in_its_title_are_not_the_period():
    """《某市海绵城市专项规划(2016-2035)》 in the preamble ({JD24} line 11) is another document's: the period runs from
    the date line's year to the goals' horizon."""
    text = ("某区海绵城市建设实施方案\n2024年10月10日\n根据《某市海绵城市专项规划(2016-2035)》等部署要求,制定本方案。\n"
            "一、工作目标\n到2025年底,50平方公里以上建设用地面积达到海绵城市建设目标要求。\n")
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2024-01-01", "2025-12-31"), JD24
    assert [(e["value_text"], e["comparator"], e["deadline"]) for e in d["entries"]] == \
        [("50平方公里", ">=", "2025-12-31")], JD24


@pytest.mark.parametrize("sentence, why, source", [
    ("《某市三年行动计划(2023—2025年)》已经2023年10月13日市政府第20次常务会议研究通过,现印发给你们。", "already done",
     XX23 + " line 3: a past event's date"),
    ("2023年是全面贯彻落实党的二十大精神开局之年,是加快建设目标任务的关键之年。", "describes", JX23 + " line 14"),
    ("现将2023年区政府工作目标任务分解下达给你们,请认真组织落实。", "describes", YY23 + " line 23"),
    ("某市将2022年全市经济社会发展主要预期目标细化为448项具体工作。", "describes", CD22 + " line 1"),
])
def test_dates_that_are_no_deadline_draft_nothing(sentence, why, source):
    text = f"某市2023年重点工作安排方案\n{sentence}\n一、重点任务\n1.新建充电桩500个。\n"
    d = _draft(text, period=parse_period("2023:2025"))
    assert [e["value_text"] for e in d["entries"]] == ["500个"], source
    assert any(why in x["reason"] for x in d["exclusions"] if x["line"] == 2), source


def test_the_page_around_the_plan_drafts_nothing():
    """The file's index laid out a label and its value a line, the notice's title with a year in it and an
    attachment's title ({YY23} lines 1-33): no entry, each number said to be the page's or a title's."""
    text = ("某区人民政府关于分解落实2023年区政府工作目标任务的通知\n索引号\n011437144/2023-06550\n发文字号\n"
            "某政发〔2023〕5号\n发布日期\n2023年02月13日 10:53:20\n各乡镇人民政府,区政府各部门:\n"
            "附件:2023年区政府工作目标任务落实责任分解表\n一、重点任务\n1.新建充电桩500个。\n")
    d = _draft(text, period=parse_period("2023:2023"))
    assert [e["value_text"] for e in d["entries"]] == ["500个"], YY23
    why = {x["line"]: x["reason"] for x in d["exclusions"]}
    assert "page" in why[3] and "page" in why[7] and "title" in why[1] and "title" in why[9], why


@pytest.mark.parametrize("sentence, source", [
    ("2024年全市教育工作的总体要求是:坚持以习近平新时代中国特色社会主义思想为指导,深刻领悟“两个确立”的决定性意义。",
     WH24 + " line 21: the year's principles"),
    ("对标对表修订学习制度,制定并落实局党委理论学习中心组2024年度学习计划。", WH24 + " line 25: the year's plan"),
    ("从2023年第一季度开始,各责任单位要按季度报送进展情况。", CDN23 + " line 18: when the reports start"),
    ("认真贯彻国家、省、市关于2023年重点工作部署,现就全区2023年重点工作,制定分工方案如下。", LS23 + " line 21"),
    ("某网讯 1月19日,某市第六届人民代表大会第三次会议开幕,市长作政府工作报告。", CQ25 + " line 3: a dateline"),
])
def test_years_that_name_what_a_sentence_is_about_draft_nothing(sentence, source):
    text = f"某市2023年重点工作安排方案\n{sentence}\n一、重点任务\n1.新建充电桩500个。\n"
    d = _draft(text, period=parse_period("2023:2025"))
    assert [e["value_text"] for e in d["entries"]] == ["500个"], source


def test_a_year_arrangement_dated_in_brackets_under_its_notice():
    """静府发: the notice's title, its date in brackets on the next line, then 2025年区政府重点工作安排 ({JA25}): the
    bracketed date is the document's, the arrangement's year its period, and its title drafts nothing."""
    text = ("某区人民政府关于印发《2025年区政府重点工作安排》的通知\n(2025年2月17日)\n某府发〔2025〕3号\n"
            "2025年区政府重点工作安排\n一、扩大有效需求\n1.强化经济运行调度。全年实现地区生产总值增长5%左右。\n")
    d = _draft(text)
    assert d["meta"]["document"]["date"] == "2025-02-17", JA25
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2025-01-01", "2025-12-31"), JA25
    assert [(e["line"], e["value_text"]) for e in d["entries"]] == [(6, "5%")], JA25


def test_a_title_over_two_paragraphs_drafts_nothing():
    """立山区政府2023年重点工作 / (blank) / 任务分解和责任分工方案 ({LS23} lines 17-19)."""
    text = ("立山区政府2023年重点工作\n\n任务分解和责任分工方案\n\n一、主要预期目标\n\n1.地区生产总值增长6.2%左右。\n\n"
            "牵头单位:区发改局\n\n责任单位:立山经济开发区,全区经济运行各专班\n")
    d = _draft(text)
    assert [(e["line"], e["value_text"], e["lead"], e["support"]) for e in d["entries"]] == \
        [(7, "6.2%", ["区发改局"], ["立山经济开发区", "全区经济运行各专班"])], LS23


@pytest.mark.parametrize("text, source", [
    # one cell a paragraph, no cell marks
    ("2023年政府工作报告重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n1\n\n地区生产总值增长6%左右。\n\n"
     "市发展改革委\n\n2\n\n新建充电桩500个。\n\n市住房城乡建设局\n", JX23),
    # a group row spanning the table between the heading and row 1
    ("2023年区政府工作目标任务落实责任分解表\n\n序号\n\n目  标  任  务\n\n牵头单位\n\n责任单位\n\n责任人\n\n"
     "一、主要经济社会发展指标等工作目标(牵头领导:张三、李四)\n\n1\n\n★地区生产总值增长6%左右。\n\n市发展改革委\n\n"
     "各乡镇\n\n王五\n\n2\n\n新建充电桩500个。\n\n市住房城乡建设局\n", YY23),
])
def test_a_table_flattened_one_cell_a_paragraph_without_marks(text, source):
    d = _draft(text)
    got = {e["value_text"]: (e["lead"], e["units_inferred"]) for e in d["entries"]}
    assert got == {"6%": (["市发展改革委"], False), "500个": (["市住房城乡建设局"], False)}, source


@pytest.mark.parametrize("task, kind, lead, source", [
    ("1.市发展改革委要加快推进,全年新建充电桩500个。", "target", ["市发展改革委"], ISSUE + ": 市发展改革委要…"),
    ("1.由市教育局负责新建学校10所。", "target", ["市教育局"], ISSUE + ": 由市教育局负责…"),
    ("1.加强督办。区政府办公室将对目标任务完成情况进行跟踪督办,从2023年3月份起,每季度通报目标任务推进落实情况。",
     "milestone", ["区政府办公室"], YY23 + " line 25: the subject of a later sentence of the task"),
    # a request to a named office with its date, after the task's other clauses (请服务办于7月21日前上报…)
    ("1.加强信息上报。为切实掌握本区工作推进情况，请服务办于7月21日前上报统计表至消委办。", "milestone", ["服务办"],
     "古美路街道 独居老人 notice (bench/documents/town2022_gumei_dujulaoren.txt line 35)"),
    ("1.加强信息上报。请区民政局、区卫生健康委于2023年9月底前报送工作总结。", "milestone", ["区民政局", "区卫生健康委"],
     "made up: 请 opening the task (the word is no part of the name)"),
    # 由X + any verb names the agent; a unit with its other name in brackets is one unit; a 集团 is a unit (黄浦's 排水
    # plan, bench/documents/district2025_huangpu_paishui.txt lines 33, 36, 38)
    ("1.区级方案编制。由区建管委（区水务局）编制实施方案，于2025年6月底前报送市水务局进行专家评审。", "milestone",
     ["区建管委(区水务局)"], "黄浦 排水 plan line 33"),
    ("1.分批移交。按照市推进专班确定的路径分批移交排水设施。2025年12月底前，由上海城投集团实施排水设施一体化养护管理。",
     "milestone", ["上海城投集团"], "黄浦 排水 plan line 38 (its unit as 集团)"),
    ("1.组建运维队伍。2025年12月，上海城投集团完成专业运维队伍和专业抢险队伍的组建工作。", "milestone", ["上海城投集团"],
     "黄浦 排水 plan line 42: the month, then the unit and its verb"),
    ("1.推进模型建设。上海城投集团根据市改革方案要求，2025年6月底前完成一体化运维管理方案编制。", "milestone",
     ["上海城投集团"], "黄浦 排水 plan line 43: the unit, the frame it acts within, the date"),
    ("1.梳理任务。2024年8月底前，各区绿化管理部门对本区域近几年的绿化建设任务进行梳理。", "milestone", ["各区绿化管理部门"],
     "bench city2024_shanghai_baiyulan line 34: the unit, then 对…进行"),
    ("1.完成验收。6月30日前各区应完成压缩站改造任务并完成区级验收。", "milestone", ["各区"],
     "bench city2024_shanghai_yasuozhan line 11: the date before the unit, no comma"),
])
def test_a_unit_that_is_a_sentences_subject_leads_it(task, kind, lead, source):
    d = _draft(_city(task, title="某市2023年工作方案"))
    (e,) = [e for e in d["entries"] if e["kind"] == kind]
    assert (e["lead"], e["units_inferred"]) == (lead, False), source


@pytest.mark.parametrize("task, lead, source", [
    # a stage heading's date span in brackets, the subject glued after it (晋城市城区's 清洁取暖 plan, round eighty-four's
    # held-out set)
    ("（一）摸底调研,落实政策(5月28日—6月10日)各镇(街道)要结合辖区热源情况,完成项目前期基础工作。", ["各镇(街道)"],
     "bench district2020_jinchengchengqu_qingjiequnuan line 5"),
    ("（二）组织实施（2023年6月—9月）各区县要制定本辖区改造计划,按期完成改造任务。", ["各区县"],
     "made up: a span of months with its year"),
    # 各区(市): a city's districts and county-level cities, the verb 落实 after a manner word (青岛's 保障房 notice, round
    # eighty-six's held-out set)
    ("1.调整任务目标。各区(市)重点落实4.5万套(间)保障性租赁住房建设筹集任务。", ["各区(市)"],
     "bench dept2022_qingdao_baozhangfang line 13"),
    ("1.新建场所。2023年底前各市（区）至少建成1个示范点。", ["各市(区)"],
     "made up: 各市（区）, then 至少 before the verb (as 宿迁's 人才公寓 report, bench city2025_suqian_rencaigongyu line 8)"),
    ("1.新建场所。2023年底前各县（市）要建成1个示范点。", ["各县(市)"], "made up: 各县（市）"),
    # 各县、区 with its date and then the verb (宿州's 公共机构节能 tasks, round ninety-three's held-out set)
    ("一、坚决制止餐饮浪费行为。根据评估细则,各县、区2023年底前遴选绿色食堂不少于1个。", ["各县、区"],
     "bench dept2023_suzhou_jieneng line 13"),
])
def test_a_collective_subject_after_a_date_or_in_a_citys_own_brackets_leads(task, lead, source):
    d = _draft(_city(task, title="某市2023年工作方案"))
    assert d["entries"], source
    assert {(tuple(e["lead"]), e["units_inferred"]) for e in d["entries"]} == {(tuple(lead), False)}, source


def test_a_bracketed_date_before_a_vague_or_no_subject_names_no_lead():
    """(5月28日—6月10日) before 各单位要… or before the verb names no one: the coordinator stands in, marked."""
    for task in ("（一）摸底调研(5月28日—6月10日)各单位要完成摸底。", "（一）摸底调研(5月28日—6月10日)完成项目前期基础工作。"):
        d = _draft(_city(task, title="某市2023年工作方案"))
        assert [e["units_inferred"] for e in d["entries"]] == [True], task


def test_a_collective_that_is_no_unit_leads_nothing():
    """各责任单位要… names no one unit: the coordinator stands in, marked."""
    d = _draft(_city("1.各责任单位要于2023年6月底前报送工作方案。", title="某市2023年工作方案"))
    (e,) = d["entries"]
    assert e["units_inferred"] is True


def test_a_request_to_a_vague_collective_names_no_lead():
    """请各单位于…前上报 asks everyone: no one unit leads, the coordinator stands in, marked."""
    d = _draft(_city("1.加强信息上报。为掌握情况，请各单位于2023年7月21日前上报统计表。", title="某市2023年工作方案"))
    (e,) = d["entries"]
    assert e["units_inferred"] is True


def test_a_yearless_step_is_a_milestone_dated_in_the_documents_year(tmp_path):
    """年底前基本实现…,建设…大厅 ({WHS23} line 26, dated 2023年8月19日): a dated step whose phrase has no year is
    a milestone of the document's year, one a clause, with a note saying so; its deadline_text stays null
    (the registry reads a phrase without the document's date) and the draft validates ({ROUND3})."""
    from plancli.checks.validate import validate
    from plancli.extract import to_yaml, units_yaml

    text = ("数字威海建设2023年工作要点\n\n威海市人民政府办公室\n\n2023年8月19日\n\n一、着力构建高效协同的数字政府\n\n"
            "1.深化政务服务“网上办”。全面提升线上线下融合服务能力,深化“一次办好”改革,年底前基本实现群众企业在线办事"
            "“进一个网、办全市事”,建设“24小时不打烊”网上办事大厅。(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位)\n")
    d = _draft(text)
    got = [(e["line"], e["kind"], e["deadline_text"], e["deadline"], e["deadline_inferred"], e["lead"])
           for e in d["entries"]]
    assert got == [(9, "milestone", None, "2023-12-31", False, ["市行政审批服务局"])] * 2, WHS23
    assert all(e["note"] == "deadline from “年底前”, read in the document's year (2023)" for e in d["entries"])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    d["meta"]["units_file"] = "t.units.yaml"
    (tmp_path / "t.yaml").write_text(to_yaml(d), encoding="utf-8")
    (tmp_path / "t.units.yaml").write_text(units_yaml(d), encoding="utf-8")
    assert [str(p) for p in validate(tmp_path / "t.yaml", tmp_path / "progress.yaml")[1]] == []


def test_a_milestone_dated_by_a_heading_validates_and_one_with_no_date_does_not(tmp_path):
    """(一)2024年6月底前 over its steps (issue 28: a date alone on a heading line): each step is a milestone the
    heading dates (deadline_text null, deadline given, a note): the draft validates. A milestone that gives
    neither a phrase nor a date is refused by name ({ROUND3})."""
    from plancli.checks.validate import validate
    from plancli.extract import to_yaml, units_yaml

    text = _city("(一)2024年6月底前\n1.完成平台建设。(牵头单位:市大数据局)\n2.上线移动端服务。(牵头单位:市大数据局)")
    d = _draft(text)
    assert [(e["kind"], e["deadline_text"], e["deadline"]) for e in d["entries"]] == \
        [("milestone", None, "2024-06-30")] * 2
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    d["meta"]["units_file"] = "t.units.yaml"
    (tmp_path / "t.units.yaml").write_text(units_yaml(d), encoding="utf-8")
    (tmp_path / "t.yaml").write_text(to_yaml(d), encoding="utf-8")
    assert validate(tmp_path / "t.yaml", tmp_path / "progress.yaml")[1] == []
    undated = to_yaml(d).replace("deadline: '2024-06-30'", "deadline: null").replace(
        "deadline_inferred: false", "deadline_inferred: true")
    (tmp_path / "t.yaml").write_text(undated, encoding="utf-8")
    problems = [str(p) for p in validate(tmp_path / "t.yaml", tmp_path / "progress.yaml")[1]]
    assert len(problems) == 2 and all("a milestone needs the deadline_text that dates it" in p for p in problems)


def test_a_text_without_title_period_or_date_runs_over_the_years_its_steps_name():
    """A copy that lost its notice and date line (a crawl, an annex alone), whose title states no period and
    which sets no 到YYYY年 goal: the years its dated steps name are its period, marked inferred ({ROUND3}; the
    steps of bench gov2018_128_wufei lines 22 and 46). A text that dates nothing is still refused."""
    text = ("“无废城市”建设试点工作方案\n\n（一）强化顶层设计引领。2019年6月底前，研究建立“无废城市”建设指标体系。\n\n"
            "（四）开展评估总结。2021年3月底前，试点城市政府对本地区试点总体情况进行评估。\n")
    d = _draft(text)
    assert d["meta"]["period"] == {"start": "2019-01-01", "end": "2021-12-31",
                                   "inferred_from": "the years its dated steps name (2019–2021年)"}
    assert [(e["deadline_text"], e["deadline"]) for e in d["entries"]] == \
        [("2019年6月底前", "2019-06-30"), ("2021年3月底前", "2021-03-31")]
    with pytest.raises(ExtractError, match="no dated step"):
        _draft("“无废城市”建设试点工作方案\n\n（一）强化顶层设计引领。研究建立“无废城市”建设指标体系。\n")


def test_goal_lines_under_a_goals_paragraph_are_dated_by_its_horizon():
    """(二)发展目标。到2025年,… then 产业能级更高。A,B。 ({XX23} lines 10-11): the horizon dates the goal line's
    milestones and targets (a note names it); the run-in heading 产业能级更高 is none."""
    text = ("某市建设制造强市三年行动计划(2023—2025年)\n一、总体要求\n(二)发展目标。到2025年,初步建成先进制造业强市。\n"
            "产业能级更高。先进制造业综合实力进入全省前列,规模以上工业企业力争突破2200家。\n二、重点任务\n"
            "(一)加快技术改造。推动企业设备更新。\n")
    d = _draft(text)
    got = [(e["line"], e["kind"], e["value_text"], e["deadline_text"], e["deadline"]) for e in d["entries"]]
    assert got == [(3, "milestone", None, "到2025年", "2025-12-31"), (4, "milestone", None, None, "2025-12-31"),
                   (4, "target", "2200家", None, "2025-12-31")], XX23
    assert all("line 3" in e["note"] for e in d["entries"] if e["line"] == 4)


def test_a_double_spaced_page_keeps_each_short_line_apart():
    """A page with a blank line after every paragraph (the openings of {JX23}, {YY23}): an unpunctuated short line
    ends its paragraph at the blank line, each target stays on its own line."""
    text = "某市2023年工作方案\n\n一、主要目标\n\n地区生产总值增长6%左右\n\n城镇新增就业5万人\n\n二、重点任务\n\n1.扩大有效投资。\n"
    d = _draft(text)
    assert [(e["line"], e["value_text"], e["quote"]) for e in d["entries"]] == \
        [(5, "6%", "地区生产总值增长6%左右"), (7, "5万人", "城镇新增就业5万人")]


@pytest.mark.parametrize("task, value_text, value, unit, comparator, source", [
    ("1.居民消费价格指数控制在103左右。", "103", 103, None, "~", CD22 + " line 20"),
    ("1.两化融合发展水平指数达72。", "72", 72, None, "=", YC25 + " line 10"),
    ("1.为200万中小学生开展心理健康测评。", "200万", 2000000, None, "=", CQ25 + " line 10"),
    ("1.工业劳动生产率超过50万元/人。", "50万元/人", 500000, "元/人", ">", "bench/sentences line 86"),
    ("1.工业机器人使用密度力争达360台/万人。", "360台/万人", 360, "台/万人", "=", "bench/sentences line 88"),
    ("1.力争实现全市重点产业集群总量超过五千亿规模。", "五千亿", 500000000000, "元", ">", "bench/sentences line 89"),
])
def test_quantities_of_round_two(task, value_text, value, unit, comparator, source):
    d = _draft(_city(task))
    (t,) = _targets(d)
    assert (t["value_text"], t["value"], t["unit"], t["comparator"]) == (value_text, value, unit, comparator), source


@pytest.mark.parametrize("task, source", [
    ("1.市政府将2015年政府工作任务分解为15项工作目标和37项工作任务。", "bench/sentences line 70"),
    ("1.2023年新增14项包括:建设30家智慧养老院。", "bench/sentences line 90"),
])
def test_the_number_of_items_a_text_lists_is_no_target(task, source):
    d = _draft(_city(task, title="某市2023年工作方案"))
    assert [t["value_text"] for t in _targets(d)] == (["30家"] if "30家" in task else []), source
    assert [e for e in d["entries"] if e["kind"] == "milestone"] == [], source


# --------------------------------------------------------------------------- round four: the document's own parts

QX_NOTICE = ("县示范区管委会,各乡、镇人民政府,县直各有关单位:\n"
             "经县政府同意,现将《2025年县<政府工作报告>任务分解》《2025年十五件民盼实事任务分解》印发给你们。\n"
             "一、责任到人,闭环管理。《2025年县<政府工作报告>任务分解》明确133项具体任务,涉及34个牵头单位;"
             "《2025年十五件民盼实事任务分解》细化15项具体任务,涉及10个责任单位。\n"
             "附件:1.2025年县《政府工作报告》任务清单\n2.2025年十五件民盼实事任务分解\n3.2025年县政府重点工作备忘录任务分解\n"
             "沁县人民政府办公室\n2025年5月18日\n(此件公开发布)\n附件1\n2025年县政府工作报告任务清单\n"
             "一、县示范区管委会牵头工作(8项)\n1.投资3000万元建设南美白对虾工厂化循环水养殖基地。\n2.打造食用菌酵素生产基地。\n"
             "3.建设3个劳动密集型产业园。推动潞讯精密电子30条生产线投产。\n")


def test_a_notice_counting_its_annexes_tasks_and_units_drafts_none_of_them():
    """{QX25} lines 1-17 (its second and third paragraphs left out): the notice counts the tasks and the units of the lists it issues (明确133项具体任务, 涉及34个
    牵头单位) and lists its annexes (2.2025年十五件民盼实事任务分解): a reader registers none of these, each is an
    exclusion with its reason; the tasks of the list are the entries ({ROUND4})."""
    d = _draft(QX_NOTICE)
    assert [(e["line"], e["value_text"]) for e in d["entries"]] == [(13, "3000万元"), (15, "3个"), (15, "30条")], QX25
    assert {e["lead"][0] for e in d["entries"]} == {"县示范区管委会"}, QX25
    why = [(x["line"], x["text"], x["reason"]) for x in d["exclusions"]]
    own, annex = "a count of the document's own parts", "the title of an annex in the list of annexes, not an entry"
    for line, text, reason in [(3, "明确133项", own), (3, "涉及34个", own), (3, "细化15项", own), (3, "涉及10个", own),
                               (4, "1.2025年", annex), (5, "2025年十五件", annex), (6, "2025年县政府", annex)]:
        assert any(ln == line and t.startswith(text) and r.startswith(reason) for ln, t, r in why), (line, text, why)


@pytest.mark.parametrize("task, kept, source", [
    ("1.今年古交市政府将全力办好10件民生实事。\n2.新建3座人行天桥。", ["10件", "3座"],
     "a count inside a numbered list, the list not after it: kept (" + GJ23 + " line 4 adapted)"),
    ("1.完成12项改革任务。", ["12项"], ROUND4 + ": a count of tasks a plan commits to stays a target"),
    ("1.培育10个示范单位。", ["10个"], ROUND4 + ": units that are the goal, not the ones responsible"),
    ("1.《分解表》共分10个方面、193项工作任务,涉及市委、市政府共47个牵头单位及相关部门。", [],
     "bench/sentences line 69 (沈阳 政策解读)"),
])
def test_counts_of_the_documents_parts_and_counts_that_are_goals(task, kept, source):
    d = _draft(_city(task, title="某市2023年工作方案"))
    assert [t["value_text"] for t in _targets(d)] == kept, source


def test_a_lead_counting_the_list_under_it_is_no_target():
    """今年古交市政府将全力办好10件民生实事。 then 1.…, 2.… ({GJ23} lines 4-8): the number restates the items
    listed after it; the items are the targets ({ROUND4})."""
    text = ("古交今年全力办好10件民生实事\n来源:山西晚报 • 2023-02-24 09:45:53\n"
            "山西晚报记者日前从古交市召开的“两会”上获悉,今年古交市政府将全力办好10件民生实事。\n"
            "1.实施太古高速古交出口提档升级工程,进一步提升城市门户形象。\n"
            "2.实施火山片区治理提升工程,新建火山公园,施划停车位1000个以上。\n")
    d = _draft(text)
    assert [(e["line"], e["value_text"]) for e in d["entries"]] == [(5, "1000个")], GJ23
    assert any(x["line"] == 3 and x["reason"].startswith("a count of the document's own parts") for x in d["exclusions"])


def test_a_year_naming_a_list_by_its_count_dates_nothing():
    """3月20日,天河区十届人大四次会议投票表决确定天河区2024年十大民生实事项目。 ({TH24} line 7): the year names the list
    the sentence is about, as 2024年度 or 2022年《政府工作报告》 do; no milestone ({ROUND4})."""
    text = ("天河区2024年民生实事\n2024-03-22 00:38:00\n"
            "3月20日,天河区十届人大四次会议投票表决确定天河区2024年十大民生实事项目。据了解,十大民生实事涉及教育、医疗等多个民生问题。\n"
            "  1.推进中小学校建设,增加基础教育学位供给\n"
            "  大力推动广州中学凤凰校区(二期)加扩建工程项目建设,开办2所公办中小学校,新增基础教育优质学位不少于3600个。\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["value_text"]) for e in d["entries"]] == \
        [(5, "target", "2所"), (5, "target", "3600个")], TH24
    assert any(x["line"] == 3 and "2024年" in x["text"] and x["reason"].startswith("the year of what")
               for x in d["exclusions"])


@pytest.mark.parametrize("heading, task, lead, source", [
    ("一、县示范区管委会牵头工作(8项)", "1.投资3000万元建设南美白对虾工厂化循环水养殖基地。", ["县示范区管委会"], QX25 + " lines 14-15"),
    ("（一）由市发展改革委牵头的工作", "1.新建充电桩500个。", ["市发展改革委"], ROUND4 + ": a group heading (the brief's form)"),
    ("二、区教育局负责事项", "1.新增学位2000个。", ["区教育局"], ROUND4 + ": X负责事项"),
    ("（三）张三副市长牵头重点工作", "1.新建公园3个。\n责任单位:市园林局", ["市园林局"],
     ROUND4 + ": a heading naming a person names no unit; the task's own 责任单位 leads"),
])
def test_a_heading_naming_the_lead_of_its_tasks_leads_them(heading, task, lead, source):
    d = _draft(f"某市2025年县政府工作报告任务清单\n{heading}\n{task}\n")
    (t,) = _targets(d)
    assert (t["lead"], t["units_inferred"]) == (lead, False), source


def test_a_year_title_ending_in_its_division_of_work_is_a_title():
    """2025年金乡县政府重要工作事项责任分工 ({JXX25} line 10): a year list's title ends in 责任分工 (任务分工, 分工) as in
    责任分解 or 责任清单: it is the title, not a dated milestone ({ROUND4})."""
    text = ("金乡县人民政府\n2025年2月28日\n2025年金乡县政府重要工作事项责任分工\n一、2025年主要预期目标\n"
            "1.地区生产总值增长6%。(牵头单位:县发展和改革局)\n")
    d = _draft(text)
    assert [(e["line"], e["value_text"], e["lead"]) for e in d["entries"]] == [(5, "6%", ["县发展和改革局"])], JXX25
    assert d["meta"]["period"]["start"] == "2025-01-01"


# --------------------------------------------------------------------------- every number on its own line


def test_one_indicator_a_line_each_on_its_own_line():
    """主要目标 written one indicator a line, each ending in 。 (the issue's example): each entry on its line,
    quoting that line; the dated first line still dates the others, which say so in a note."""
    lines = ["某市2024年经济社会发展工作方案", "一、主要目标", "到2024年，全市新建充电桩500个。", "全市生产总值增长6%左右。",
             "城镇新增就业5万人以上。", "二、重点任务", "1.扩大有效投资。"]
    d = _draft("\n".join(lines) + "\n")
    got = {compact(e["value_text"]): (e["line"], e["quote"], e["deadline"]) for e in _targets(d)}
    assert got == {"500个": (3, "到2024年，全市新建充电桩500个", "2024-12-31"),
                   "6%": (4, "全市生产总值增长6%左右", "2024-12-31"),
                   "5万人": (5, "城镇新增就业5万人以上", "2024-12-31")}
    by = {e["line"]: e for e in _targets(d)}
    assert by[4]["deadline_text"] is None and "line 3" in by[4]["note"]


def _contract_breaks(text: str, d: dict) -> list[str]:
    """Entries whose value is not on their line or whose quote runs past a line that ends a sentence or a clause
    that leads what follows (…具体包括:): a print copy's wrapped line may carry a quote on, no other line can. On a
    web copy (bench/documents, one line a paragraph) the quote is text of its line, as the bench checks."""
    src = SourceText(Path("t.txt"), text)
    bad = []
    for e in d["entries"]:
        held = e["value_text"] if e["kind"] == "target" else e["deadline_text"]
        span = src.find_at_line(e["quote"], e["line"])
        if span is None:
            bad.append(f"{e['id']}: quote not at line {e['line']}")
            continue
        last = src.line_of(span[1] - 1)
        for ln in range(e["line"], last):
            if compact(src.lines[ln - 1]).endswith(("。", "!", "?", "！", "？", ";", "；", ":", "：")):
                bad.append(f"{e['id']}: quote runs past the end of line {ln}")
                break
        if held and compact(str(held)) not in compact("".join(src.lines[e["line"] - 1:last])):
            bad.append(f"{e['id']}: {held!r} not on lines {e['line']}-{last}")
    return bad


def _documents() -> list[tuple[Path, object]]:
    out = [(ROOT / "data" / "source" / "000_eaa1b40229515837.txt", None),
           (ROOT / "data" / "source" / "001_gz_633_rencai.txt", parse_period("2012:2016")),
           (ROOT / "bench" / "sentences" / "sentences.txt", parse_period("2015:2030"))]
    # every bench text is drafted as a user runs extract: none is refused for want of a period since round seven
    # (沙河口区, 璧山区 and 渝北区 were: their periods are read from the year their list is named by, marked inferred) but
    # one whose text names no year at all (同心县's row, round eight), drafted as its refusal asks, with --period
    given = {"county2023_tongxin_fenjie.txt": parse_period("2023:2023"),
             "district2024_xihu_minsheng.txt": parse_period("2024:2024"),  # (西湖区: the year only in its address)
             # round twenty-three: 西兴街道's table names no year (its annotator read 2022 from 迎亚运), 杨凌's quarter targets
             # neither (the year from the page's address)
             "town2022_xixing_zhongdian.txt": parse_period("2022:2022"),
             "zone2021_yangling_mubiao.txt": parse_period("2021:2021"),
             # round twenty-four: 绍兴's 经信 page names no year (its annotator read it from the page's address)
             "dept2023_shaoxing_jingxin.txt": parse_period("2023:2023"),
             # round twenty-six: 湘阴's 攻坚 list names no year (its annotator read 2025 from “十四五” and a 2025 fair)
             "county2025_xiangyin_gongjian.txt": parse_period("2025:2025"),
             # round thirty: 无锡's 城管局 page names no year (its annotator read 2021 from its 2021年度 targets' page)
             "dept2021_wuxi_chengguan.txt": parse_period("2021:2021"),
             # round thirty-five: 广水's 林业 targets name no year (its annotator read 2022 from the page's address), 衡东's
             # 消防 news neither (明年底, read from the page's date, 2020)
             "city2022_guangshui_linye.txt": parse_period("2022:2022"),
             "county2020_hengdong_xiaofang.txt": parse_period("2020:2021"),
             "zone2025_tuying_fangxun.txt": parse_period("2025:2025"),
             # round one-hundred-and-one: 君山's 产业 plan stores no title, number or date (its annotator read 2025 from the
             # page's place among the bureau's posts)
             "district2025_junshan_chanye.txt": parse_period("2025:2025"),
             # round one-hundred-and-eight: 陇县's 百日冲刺 plan says only 今年 (its annotator read 2018 from the province's
             # notice that the county left the list that year)
             "county2018_longxian_baorichongci.txt": parse_period("2018:2018"),
             # round one-hundred-and-ninth: 芜湖's 眼健康 page names no year (its annotator read 2022-2024 from 连续3年 and
             # the city's 2022 special it stands in)
             "city2022_wuhu_yanjiankang.txt": parse_period("2022:2024"),
             "dept2020_yangling_tongzhan.txt": parse_period("2020:2020"),
             "district2020_yuzhong_wufei.txt": parse_period("2020:2020"),
             "city2024_changzhi_choucha.txt": parse_period("2024:2024"),
             # rounds sixty-one and sixty-six: 长白's 县域商业 opening and 郧阳's 经济普查 report name no year of their own
             "county2024_changbai_shangye.txt": parse_period("2024:2024"),
             "district2023_yunyang_jingpu.txt": parse_period("2023:2023"),
             # rounds seventy-seven and seventy-eight: 新北区's 5 月14日前 notice (its year from the page's address) and
             # 大足's 婚俗改革 report (its term from the ministry's approval) name no year of their own
             "district2022_xinbei_jiagu.txt": parse_period("2022:2022"),
             "district2021_dazu_hunsu.txt": parse_period("2021:2024"),
             # round eighty: 龙岩's 档案 news names its term only as “十四五” and 每年 (its annotator read 2021-2025)
             "dept2025_longyan_dangan.txt": parse_period("2021:2025"),
             # rounds eighty-four and eighty-five: 曲靖经开区's 夜间经济 opening (利用3年时间 from its 2021 issue) and 兰州's
             # 迎检 news (its annotator read 2020 from its 2019年度 review) name no year of their own
             "zone2021_qujingjingkai_yejian.txt": parse_period("2021:2024"),
             "city2020_lanzhou_qianxin.txt": parse_period("2020:2020"),
             # rounds hundred-and-seventeen and hundred-and-twenty-one: 新建镇's 全域整治 news (its annotator read 2025 from
             # the page's post) and 重庆's 劳务品牌 notice (its term from “十四五”) name no year of their own
             "town2025_yixingxinjian_quanyuzhengzhi.txt": parse_period("2025:2025"),
             "dept2021_chongqing_laowupinpai.txt": parse_period("2021:2025"),
             # rounds hundred-and-thirty-eighth and hundred-and-fortieth: 仙岩镇's 扫黑除恶 publicity opening and 鄂尔多斯's
             # 医保 抽查 table name no year of their own (their annotators read 2019 and 2023 from the pages' posts)
             "town2019_xianyan_saohei.txt": parse_period("2019:2019"),
             "dept2023_ordos_yibaochoucha.txt": parse_period("2023:2023")}
    for txt in sorted(BENCH.glob("*.txt")):
        out.append((txt, given.get(txt.name)))
    return out


def test_a_text_naming_no_year_is_refused_and_asks_for_the_period():
    """同心县's row of its 2023 breakdown (the year only in the page's address)."""
    with pytest.raises(ExtractError, match="--period"):
        _draft(_bench("county2023_tongxin_fenjie.txt"))


@pytest.mark.parametrize("path, period", _documents(), ids=[p.name for p, _ in _documents()])
def test_every_entry_of_every_document_is_on_the_line_holding_its_value(path, period):
    text = path.read_text(encoding="utf-8")
    want = path.with_name(path.name.replace(".txt", ".expected.yaml"))
    if want.exists() and "held_out: true" in want.read_text(encoding="utf-8"):
        pytest.skip("held out: measured by bench/extract_eval.py only")
    d = _draft(text, period=period) if period else _draft(text)
    assert _contract_breaks(text, d) == []
    if path.parent == BENCH:  # a web copy: each quote is text of the line holding its value (bench's line_contract)
        lines = text.split("\n")
        assert [e["id"] for e in d["entries"] if compact(e["quote"]) not in compact(lines[e["line"] - 1])] == []


def test_single_target_sentences_are_drafted_on_their_own_lines():
    """bench/sentences/: 84 sentences from 43 pages, one a line. Nine in ten of the targets a reviewer would
    register are drafted on their own line with their value, and every number is an entry or an exclusion of
    its own line."""
    src = ROOT / "bench" / "sentences"
    text = (src / "sentences.txt").read_text(encoding="utf-8")
    want = yaml.safe_load((src / "sentences.expected.yaml").read_text(encoding="utf-8"))["lines"]
    d = _draft(text, period=parse_period("2015:2030"))
    on_line: dict[int, list[str]] = {}
    for e in _targets(d):
        on_line.setdefault(e["line"], []).append(compact(e["value_text"]))
    drafted = total = 0
    for row in want:
        pool = list(on_line.get(row["line"], []))
        for t in row["targets"]:
            total += 1
            if compact(t["value_text"]) in pool:
                pool.remove(compact(t["value_text"]))
                drafted += 1
    assert total >= 150 and drafted / total >= 0.9, f"{drafted}/{total}"
    assert _contract_breaks(text, d) == []


# --------------------------------------------------------------------------- tables, however flattened (round five)


def _row_of(d: dict, line: int) -> list[dict]:
    return [e for e in d["entries"] if e["line"] == line]


def test_a_table_a_row_a_line_gives_each_row_its_units_and_reads_the_steps_numbered_in_a_cell():
    """LA22: 序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |, one row a line. The 责任单位 cell leads the row, the
    配合单位 cell supports it; the steps the plan cell numbers (1.4月底前…。 2.8月底前…。) are dated steps of their own
    (2.8 is no decimal); nothing of a row falls onto another row's line."""
    text = (BENCH / "district2022_linan_shishi.txt").read_text(encoding="utf-8")
    d = _draft(text)
    one, two = _row_of(d, 5), _row_of(d, 6)
    assert {e["value_text"] for e in one if e["kind"] == "target"} == {"7所", "6800个"}
    assert sorted(e["deadline"] for e in one if e["kind"] == "milestone") == \
        ["2022-04-30", "2022-04-30", "2022-04-30", "2022-08-31", "2022-11-30"]
    assert all(e["lead"] == ["教育局"] and not e["units_inferred"] for e in one)
    assert "发改局" in one[0]["support"] and "天目山镇" in one[0]["support"]
    assert all(e["lead"] == ["卫生健康局"] for e in two)
    steps = sorted((e["deadline"], e["value_text"]) for e in two if e["kind"] == "target" and e["deadline"] < "2022-12")
    assert steps == [("2022-03-31", "100个"), ("2022-03-31", "2家"), ("2022-06-30", "200个"), ("2022-06-30", "2家"),
                     ("2022-09-30", "500个"), ("2022-09-30", "7家")]
    assert _contract_breaks(text, d) == []


def test_a_table_one_cell_a_paragraph_with_merged_and_repeated_cells_is_read_row_by_row():
    """JDG24: 序号 / 事项分类 / 事项名称 / 项目内容 / 牵头单位 / 协同单位 one cell a paragraph; a 事项分类 merged over
    rows is written once, several 协同单位 stand one a paragraph, "/" is none. Each row's target is on the line of its
    cell, led by its 牵头单位; a 事项名称 that states a number is a target too."""
    text = (BENCH / "district2024_jindong_minsheng.txt").read_text(encoding="utf-8")
    d = _draft(text)
    got = {(e["line"], e["value_text"]): e for e in _targets(d)}
    assert got[(47, "5家")]["lead"] == ["区教体局"] and "东孝街道" in got[(47, "5家")]["support"]
    assert "区资规分局" in got[(47, "5家")]["support"]
    assert got[(75, "28所")]["lead"] == ["区教体局"] and got[(75, "28所")]["support"] == []
    assert got[(127, "50个")]["lead"] == ["区应急管理局"]
    assert got[(149, "100个")]["lead"] == ["团区委"] and "区妇联" in got[(149, "100个")]["support"]
    assert got[(175, "1家")]["lead"] == ["区卫健局"] and got[(177, "8个")]["lead"] == ["区卫健局"]
    assert _contract_breaks(text, d) == []


TAB_TABLE = """2024年城区民生实事任务分解表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t新建公办幼儿园3所。\t区教育局\t区住建局、区财政局\t2024年9月底前
2\t新增公共停车泊位800个。\t区住建局\t各街道\t全年
"""


def test_a_table_with_tab_separated_cells_reads_units_and_the_time_cell():
    """A row a line, its cells between tabs (a word-processor table pasted as text): each row's 牵头单位 leads, its
    完成时限 cell dates its target."""
    d = _draft(TAB_TABLE)
    t = {e["value_text"]: e for e in _targets(d)}
    assert t["3所"]["lead"] == ["区教育局"] and t["3所"]["support"] == ["区住建局", "区财政局"]
    assert t["3所"]["deadline"] == "2024-09-30" and t["3所"]["line"] == 3
    assert t["800个"]["lead"] == ["区住建局"] and t["800个"]["deadline"] == "2024-12-31"


def test_the_first_unit_leads_where_the_list_says_so():
    """HSH24: "责任单位:区房屋征收中心、区发改局、…、石碶街道(列第一位者为牵头或汇总单位,下同)": the convention sentence is no
    part of the last unit's name, and the first unit named leads this task and those after it; stated once in the
    notice (责任分解中,列第一位的责任单位为牵头单位或汇总单位) it does the same."""
    d = _draft((BENCH / "district2024_haishu_fenjie.txt").read_text(encoding="utf-8"))
    t = {e["value_text"]: e for e in _targets(d)}
    assert t["60万平方米"]["lead"] == ["区房屋征收中心"]
    assert t["60万平方米"]["support"] == ["区发改局", "海曙自然资源规划分局", "古林镇", "石碶街道"]
    text = ("2024年政府工作报告重点工作责任分解\n责任分解中,列第一位的责任单位为牵头单位或汇总单位。\n一、重点工作\n"
            "1.新建城市公园5个。\n责任单位:区住建局、区园林中心\n")
    e = _targets(_draft(text))[0]
    assert e["lead"] == ["区住建局"] and e["support"] == ["区园林中心"]


@pytest.mark.parametrize("text, source", [
    ("2024年城区民生实事项目\n一、主要任务\n1.20件重点民生实事是区政府向全区人民作出的庄严承诺,要用心办好每个项目。\n",
     "bench district2025_qianjiang_minsheng (黔江区): the list's items as a sentence's subject"),
])
def test_a_count_of_the_lists_items_as_what_they_are_is_no_target(text, source):
    d = _draft(text)
    assert not any(e["value_text"] == "20件" for e in _targets(d)), source


@pytest.mark.parametrize("text, source", [
    ("泾县人民政府关于分解落实政府工作报告目标任务的通知\n各乡镇人民政府:\n《政府工作报告》已经县十八届人民代表大会第二次会议"
     "审议通过,明确了2023年全县经济社会发展的主要目标和工作任务。\n", "bench county2023_jingxian_fenjie: the year of what a report sets"),
    ("2025年区政府实事项目和重点工程安排\n一、实事项目\n1.改建认知障碍照护床位220张\n",
     "bench district2025_chongming_shishi: a year list's title ending in 安排"),
    ("2024年金东区政府民生实事项目\n一、实事项目\n1.新建村卫生室80家。\n",
     "bench district2024_jindong_minsheng: a year list's title ending in 实事项目"),
])
def test_a_year_naming_what_a_text_is_about_is_no_deadline(text, source):
    d = _draft(text, period=parse_period("2023:2025"))
    assert not [e for e in d["entries"] if e["kind"] == "milestone"], source


def test_a_heading_row_is_read_by_its_labels_qualified_or_with_months_in_them():
    """QC25: 序号 重点工作任务 主要责任单位 协同配合单位 (cells between spaces): 主要责任单位 leads, 协同配合单位 supports, and
    units the page set one a line in the lead cell (区财政局 / 区税务局) both lead. CC23: 序号 | 主要任务 | 全年目标任务 |
    分管 领导 | 牵头 单位 | 责任主体与协同单位 | 1-10月推进情况 | … a heading with months in it: each row's target is led by
    its 牵头单位, the leader in charge is no unit, and the progress it reports (完成30%, 在46个小区) is no target."""
    d = _draft((BENCH / "district2025_qiaocheng_fenjie.txt").read_text(encoding="utf-8"))
    t = {e["value_text"]: e for e in _targets(d)}
    assert t["6.5%"]["lead"] == ["区发改委"] and "魏武国控集团" in t["6.5%"]["support"]
    assert t["5%"]["lead"] == ["区财政局", "区税务局"] and not t["5%"]["units_inferred"]
    assert t["8.2%"]["lead"] == ["区商务局"] and t["8.2%"]["support"] == ["区发改委", "区市场监管局"]
    text = (BENCH / "district2023_chongchuan_shishi.txt").read_text(encoding="utf-8")
    d = _draft(text)  # the title's year dates it: 2023年区政府重点民生实事项目推进情况(1-11月)
    assert d["meta"]["period"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert sorted((e["line"], e["value_text"]) for e in d["entries"]) == \
        [(14, "50条"), (23, "210个"), (33, "20个"), (33, "8个")]
    assert all(e["lead"] == ["城管局"] for e in d["entries"])
    assert "崇川经济开发区" in _targets(d)[-1]["support"] and "徐国江" not in str(d["entries"])


@pytest.mark.parametrize("head, lead, support", [
    ("序号\t工作任务\t牵头责任单位\t协同责任单位\t完成时限", "区教育局", ["区住建局"]),
    ("序号\t工作任务\t责任单位（部门）\t完成时限", "区教育局", []),
    ("序号\t工作任务\t牵头领导\t主要责任单位\t配合单位\t时间节点", "区教育局", ["区住建局"]),
])
def test_a_heading_names_its_unit_columns_in_the_words_offices_use(head, lead, support):
    """The labels of the round's tables (谯城区's 主要责任单位, 崇川区's 责任主体与协同单位) as other offices write them: a
    牵头 or 主要 qualifier leads, 协同/配合 supports, (部门) after 责任单位 changes nothing, 牵头领导 is a person."""
    cells = {"牵头领导": "张某某"}
    row = [{"序号": "1", "工作任务": "新建公办幼儿园3所。", "完成时限": "2024年9月底前", "时间节点": "2024年9月底前"}.get(
        h, cells.get(h, "区教育局" if h in ("牵头责任单位", "责任单位（部门）", "主要责任单位") else "区住建局"))
        for h in head.split("\t")]
    d = _draft("2024年城区民生实事任务分解表\n" + head + "\n" + "\t".join(row) + "\n")
    t = _targets(d)[0]
    assert (t["value_text"], t["lead"], t["support"], t["deadline"]) == ("3所", [lead], support, "2024-09-30")


def test_a_date_whose_year_the_page_glued_to_its_month_is_read_in_that_year():
    """HS25 line 22: the page lost the 年 after 2025 (并于20251月20日前…书面报区政府督查室; 完成情况20254月8日、7月8日、10月8日及
    12月8日前…报送): read as 2025年1月20日前 and 2025年4月8日 …, four report dates each a step of its own; the draft gives
    the date (the phrase as written is no deadline the registry reads) and a note saying how it was read."""
    d = _draft((BENCH / "district2025_hongshan_fenjie.txt").read_text(encoding="utf-8"))
    steps = [e for e in d["entries"] if e["kind"] == "milestone"]
    assert [(e["line"], e["deadline"], e["deadline_text"]) for e in steps] == [
        (22, "2025-01-20", None), (22, "2025-04-08", None), (22, "2025-07-08", None), (22, "2025-10-08", None),
        (22, "2025-12-08", None)]
    assert "2025年1月20日前" in steps[0]["note"]
    # a number that only looks glued is no date: 2025年 then 12月 keeps its 年, 120121月 is no year
    d = _draft("2025年重点工作安排\n一、重点工作\n1.新建公园20个,120121月完成验收。\n")
    assert not [e for e in d["entries"] if e["kind"] == "milestone" and e["deadline"] == "2012-01-31"]


# --------------------------------------------------------------------------- round seven (issue 28): a list's year, counts

# held out in round six, measured once at its end, development documents since
SHK24 = "bench district2024_shahekou_minsheng (沙河口区 今年10项重点民生实事, a news page)"
BS25 = "bench district2025_bishan_minsheng (璧山区 2025年重点民生实事, a news page)"
YB24 = "bench district2024_yubei_minsheng (渝北区 2024年重点民生实事工作目标任务, the notice)"
TS22 = "bench county2022_tongshan_fenjie (通山县 2022年县政府重点工作任务, posted in 2023)"
DY24 = "bench city2024_danyang_minsheng (丹阳 2024年政府民生实事项目40项, a news page)"


def _bench(name: str) -> str:
    return (BENCH / name).read_text(encoding="utf-8")


def test_the_year_of_the_list_a_notice_issues_is_its_period_whenever_the_page_was_posted():
    """TS22: 县人民政府关于分解落实 2022年县政府重点工作任务的通知, posted 2023年03月09日: the list is 2022's. YB24: the
    notice's title set over three lines (重庆市渝北区人民政府办公室 / 关于印发2024年重点民生实事工作目标任务的 / 通 知) is one
    title: its year dates the list and drafts nothing (its line 4 was drafted as a milestone)."""
    d = _draft(_bench("county2022_tongshan_fenjie.txt"))
    assert d["meta"]["period"]["start"] == "2022-01-01" and d["meta"]["period"]["end"] == "2022-12-31", TS22
    assert "line 1" in d["meta"]["period"]["inferred_from"], TS22
    d = _draft(_bench("district2024_yubei_minsheng.txt"))
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2024-01-01", "2024-12-31"), YB24
    assert not [e for e in d["entries"] if e["line"] in (3, 4, 5)], YB24
    assert [x["reason"] for x in d["exclusions"] if x["line"] == 4] == [say("extract.reason.title", "en")], YB24


def test_a_title_set_over_any_number_of_lines_is_one_title():
    lines = ["重庆市渝北区人民政府办公室", "关于印发2024年重点民生实事工作目标任务的", "通 知", "各镇人民政府,区级各部门:"]
    assert title_spans(lines)[0] == (0, 2, "重庆市渝北区人民政府办公室关于印发2024年重点民生实事工作目标任务的通知"), YB24
    # two lines as before (立山区政府2023年重点工作 / 任务分解和责任分工方案), and a heading is never glued to a title
    assert title_spans(["立山区政府2023年重点工作", "任务分解和责任分工方案", "一、主要目标"])[0][2] == \
        "立山区政府2023年重点工作任务分解和责任分工方案", LS23
    assert [b for _i, _j, b in title_spans(["某市2024年民生实事", "一、主要目标", "二、重点任务"])] == \
        ["某市2024年民生实事", "一、主要目标", "二、重点任务"]


def test_a_text_dated_only_by_the_year_it_names_its_list_by_takes_that_year_and_says_so():
    """SHK24 (no date, no title, no dated step; 沙河口区确定2024年10项重点民生实事 on line 3) and BS25 (2025年重点民生实事新闻发布会
    on line 1, beside 从2024年9月开始): the list's year is the period, marked inferred with the line it was read from, and
    the YAML says so in its header; a text that names no year at all is still refused."""
    d = _draft(_bench("district2024_shahekou_minsheng.txt"))
    p = d["meta"]["period"]
    assert (p["start"], p["end"]) == ("2024-01-01", "2024-12-31") and "line 3: 2024年10项重点民生实事" in p["inferred_from"]
    assert "# " in to_yaml(d).split("\n")[0] and "line 3" in to_yaml(d), SHK24
    d = _draft(_bench("district2025_bishan_minsheng.txt"))
    assert d["meta"]["period"]["start"] == "2025-01-01" and "line 1: 2025年重点民生实事" in d["meta"]["period"]["inferred_from"]
    # only a year that names no list: the latest the text names, said so
    d = _draft("某区民生实事\n自2023年以来,已建成口袋公园12个。\n1.新建口袋公园10个。\n")
    assert d["meta"]["period"]["start"] == "2023-01-01" and "latest year it names" in d["meta"]["period"]["inferred_from"]
    with pytest.raises(ExtractError, match="--period"):
        _draft("某区民生实事\n1.新建口袋公园10个。\n")


@pytest.mark.parametrize("text, kept, source", [
    ("1月11日,丹阳市第十八届人民代表大会第三次会议经投票表决,确定并公布丹阳市2024年政府民生实事项目40项。", [],
     DY24 + " line 7: a count after the noun it counts sizes the list"),
    ("一、明确目标任务。共两大类33项:一是市级重点民生实事项目分解至我区任务15项(暂定),包括城镇老旧小区改造和社区服务提升、"
     "实施城市绿荫工程等。二是区级民生实事项目18项(含区人大票决15项),包括老年人照顾服务行动、老旧城区更新改造工程等。", [],
     YB24 + " line 8: the list's count, its parts and a part of a part"),
    ("从2024年9月开始,璧山通过多渠道征集筛选,经区人民代表大会票决产生了10件重点民生实事,并写入了2025年政府工作报告。", [],
     BS25 + " line 1: how the list came to be"),
    ("2025年的10件重点民生实事共38家单位参与,预计投入资金2.5亿元,较2024年增长120%。", [],
     BS25 + " line 3: who takes part, the money estimated and its growth"),
    ("1.年度计划投资907.68亿元。", ["907.68亿元"], "bench/sentences line 16: money a plan commits to stays a target"),
    ("1.完成12项改革任务。", ["12项"], ROUND4 + ": a count before its noun, of tasks a plan commits to, stays a target"),
])
def test_counts_that_size_the_list_or_sum_up_its_money_are_no_targets(text, kept, source):
    d = _draft(_city(text, title="某市2025年工作方案"))
    assert [t["value_text"] for t in _targets(d)] == kept, source


def test_a_headline_and_a_sub_headline_restating_the_text_draft_nothing():
    """SHK24 lines 1-2 (沙河口区确定今年10项重点民生实事 / 新建10处口袋公园建成10处社区食堂; no post time under them) and DY24
    lines 1-2 (an image's file name above the headline 丹阳确定2024年政府民生实事项目40项): each number is the text's, drafted
    once where the text states it (items 2 and 6 of 沙河口区)."""
    d = _draft(_bench("district2024_shahekou_minsheng.txt"))
    assert not [e for e in d["entries"] if e["line"] in (1, 2)], SHK24
    assert [(e["line"], e["value_text"]) for e in _targets(d) if e["value_text"] == "10处"] == [(7, "10处"), (15, "10处")]
    assert {x["reason"] for x in d["exclusions"] if x["line"] in (1, 2)} == {say("extract.reason.headline", "en")}
    d = _draft(_bench("city2024_danyang_minsheng.txt"))
    assert not [e for e in d["entries"] if e["line"] in (1, 2)], DY24
    # a first line that states what the text does not repeat is no headline
    d = _draft("某区2024年民生实事\n新建口袋公园10个\n改造老旧小区5个。\n")
    assert [t["value_text"] for t in _targets(d)] == ["10个", "5个"]


def test_a_news_leads_dateline_a_routine_per_school_year_and_a_project_named_by_its_year_date_nothing():
    """BS25 line 1 (2025年3月4日,记者从…获悉: the day of the press conference), line 8 (每学年为6万余名中小学生开展1次…测评: the
    students reached are the target, 1次 how often; 6万余名 is read in 名, more than), line 6 (托管服务60期以上); DY24 line 9
    (…;2024年达标区建设项目。 names a project); SHK24 line 15 (建设1所100张以上床位的养老机构: 100张 says which 养老机构)."""
    d = _draft(_bench("district2025_bishan_minsheng.txt"))
    assert not [e for e in d["entries"] if e["line"] == 1], BS25
    t = {e["value_text"]: e for e in _targets(d)}
    assert (t["6万余名"]["value"], t["6万余名"]["unit"], t["6万余名"]["comparator"]) == (60000, "名", ">"), BS25
    assert "1次" not in t and (t["60期"]["value"], t["60期"]["comparator"]) == (60, ">="), BS25
    d = _draft(_bench("city2024_danyang_minsheng.txt"))
    assert not [e for e in d["entries"] if e["kind"] == "milestone"], DY24
    d = _draft(_bench("district2024_shahekou_minsheng.txt"))
    assert [e["value_text"] for e in _targets(d) if e["line"] == 15] == ["10处", "1所"], SHK24
    # a year then a verb of doing is a step: 2025年建成…工程 stays a milestone
    d = _draft(_city("1.2025年建成城市轨道交通一号线工程。", title="某市2024年工作方案"))
    assert [(e["kind"], e["deadline_text"]) for e in d["entries"]] == [("milestone", "2025年")]


# round seven's held-out openings, measured once (d45d567), development documents since (issue 28, round eight)
SX25 = "bench county2025_shexian_minsheng (涉县 2025年度十件民生实事, a news copy)"
HA24 = "bench district2024_huaian_minsheng (淮安区 2024年度民生实事项目)"
XA25 = "bench city2025_xian_weimin (西安市 2025年为民实事实施方案)"
CZ24 = "bench district2024_chengzhong_minsheng (城中区 20项民生实事项目出炉, a news page)"


@pytest.mark.parametrize("text, kept, reason, source", [
    ("在17个乡镇(街道办)硬化道路10万平方米并安装太阳能路灯1000盏,惠及17个乡镇(街道办),全力补齐农村基础设施短板。",
     ["10万平方米", "1000盏"], "beneficiaries", SX25 + " line 3: who benefits (惠及)"),
    ("维修更换农村37处的机泵、阀门,有效改善9万人口的饮水安全问题,进一步提高供水保证率。", ["37处"], "beneficiaries",
     SX25 + " line 5: the effect a task's clause states (有效改善…的)"),
    ("在39个村改造升级10千伏线路16.66公里、0.4千伏线路200公里,新增、改造配变56台;对城区主干线路两侧10千伏线路进行升级改造,"
     "改造规模10千伏线路8.46公里,受益群众5万人。", ["16.66公里", "200公里", "56台", "8.46公里"], "voltage",
     SX25 + " line 7: a voltage names a class of lines; 受益群众 who benefits"),
    ("铺设将军大道供热主管网,全长约4.3公里,有效提高城区4万户用热居民的供热安全。", ["4.3公里"], "beneficiaries",
     SX25 + " line 9: households whose supply the task makes safer"),
    ("东城花园二期安置小区,占地132亩,总面积19.17万平方米,总套数1201套安置房。", ["19.17万平方米", "1201套"], "site",
     HA24 + " line 10: the land a project takes (占地)"),
    ("实施…旧址周边环境提升工程,占地面积约5390平方米,地上建筑面积601.16平方米,其中:修缮1号、3-7号房、老宅267.88平方米;"
     "改建二层小楼104.37平方米;新建2号房、儿子房、售茶房、听评书以及游客服务中心228.91平方米。",
     ["267.88平方米", "104.37平方米", "228.91平方米"], "sum_of_parts",
     HA24 + " line 17: a size broken down after 其中 into the work on each part"),
    # counter-cases: a count a task commits to stays, and so does a total that is itself a goal or an assignment
    ("解决刘坪、中山等乡镇4万人的饮水不安全问题。", ["4万人"], None, ROUND4 + ": people a task serves (no 有效…的 effect)"),
    ("为420户分散供养特困人员实施居家适老化改造。", ["420户"], None, ROUND4 + ": households a task serves"),
    ("城市建设项目总投资不少于190亿元,其中政府投资不少于120亿元,房地产开发总投资70亿元以上。",
     ["120亿元", "70亿元"], "sum_of_parts",
     "bench/sentences line 93: round twelve's 其中 convention — the parts that add up to the whole are the goals"),
    ("教育局985套,其中:改建408套,新建577套。", ["408套", "577套"], "sum_of_parts",
     "bench/sentences line 96, cut after its parts: round twelve's 其中 convention"),
    ("教育局985套,其中:改建408套,新建577套,卫生局262套。", ["985套", "408套", "577套", "262套"], None,
     "bench/sentences line 96: the sentence's other units' counts make the parts no breakdown of 985套 alone"),
    ("工业增加值占地区生产总值比重达25%以上。", ["25%"], None, "bench/sentences line 85: 占地区…, no 占地"),
])
def test_numbers_that_describe_a_project_are_no_targets(text, kept, reason, source):
    _kept_and_why(text, kept, reason, source, title="某县2025年民生实事")


@pytest.mark.parametrize("text, source", [
    ("现将2025年十个方面30项为民实事实施方案印发给你们,请认真贯彻落实。", XA25 + " line 5"),
    ("城中区20项民生实事项目出炉", CZ24 + " line 6 (a headline)"),
    ("城中区2024年20个民生实事项目正式票选出炉。", CZ24 + " line 10"),
    ("去年,20项民生实事项目全部按期落地。", CZ24 + " line 12"),
    ("确定以下八类11个项目为2024年度淮安市淮安区政府民生实事项目:", HA24 + " line 4 (the items that follow)"),
])
def test_the_count_of_a_minsheng_list_is_no_target_whatever_verb_comes_with_it(text, source):
    d = _draft(_city(text + "\n1.新建口袋公园10个。", title="某区2024年民生实事"))
    assert [t["value_text"] for t in _targets(d)] == ["10个"], source
    # a count of projects a task delivers stays: 完成50个农村黑臭水体治理项目 (重庆 line 7)
    d = _draft(_city("1.完成50个农村黑臭水体治理项目。", title="某区2024年民生实事"))
    assert [t["value_text"] for t in _targets(d)] == ["50个"]


ZLS24 = "bench district2024_zhongliangshan_minsheng (中梁山街道 2024年十件民生实事项目, a news page)"


def test_a_list_named_by_its_year_and_the_dates_its_clauses_close_on():
    """ZLS24 line 13: 2024年 names the list (将实施十件民生实事项目) and dates none of its items; each clause is dated by
    the year-less date that closes it (在今年6月前完成, 将在今年10月底前完成外, 均计划在今年12月完成), read in the list's year
    since the page has no date of issue; the items under 具体包括: keep their own lines."""
    text = ("某街道2024年十件民生实事项目出炉\n\n"
            "2024年,某街道将实施十件民生实事项目。除农村黑臭水体整治项目在今年6月前完成,老旧房屋安全隐患整治项目将在"
            "今年10月底前完成外,其余项目均计划在今年12月完成。项目内容具体包括:\n\n"
            "社区党群服务中心建设项目:优化社区党群服务中心建设,提升服务质效。\n\n"
            "环卫设施维护项目:对辖区270余座无主化粪池进行清掏维护。\n")
    d = _draft(text)
    got = [(e["kind"], e["line"], e["deadline_text"], e["deadline"], e["quote"]) for e in d["entries"]]
    assert got == [
        ("milestone", 3, None, "2024-05-31", "除农村黑臭水体整治项目在今年6月前完成"),
        ("milestone", 3, None, "2024-10-31", "老旧房屋安全隐患整治项目将在今年10月底前完成外"),
        ("milestone", 3, None, "2024-12-31", "其余项目均计划在今年12月完成"),
        ("target", 7, None, "2024-12-31", "对辖区270余座无主化粪池进行清掏维护")], ZLS24
    assert _contract_breaks(text, d) == []
    # a date that opens its clause still dates the words after it; a year that dates a step still governs
    d = _draft("某区2024年民生实事\n\n6月底前完成农村黑臭水体整治。\n")
    assert [(e["kind"], e["deadline"], e["quote"]) for e in d["entries"]] == [
        ("milestone", "2024-06-30", "6月底前完成农村黑臭水体整治")]


@pytest.mark.parametrize("text, kept, reason", [
    ("3月12日,某街道第一届议事代表大会第一次会议举行,69名基层议事代表和12名区人大代表,围绕推动高质量发展深入协商议政。"
     "新建口袋公园10个。", ["10个"], "participants"),
    ("树木修枝排危项目:对协兴村等村(社区)约130棵存在安全隐患的树木进行修枝。老旧房屋安全隐患整治项目:对新政二社及协兴村"
     "4栋、9栋等开展老旧房屋安全隐患整治。", ["130棵"], "designation"),
    ("改造老旧住宅12栋。", ["12栋"], None),  # a count of buildings stays a target
    ("新增家庭医生签约服务人员200名。", ["200名"], None),
])
def test_who_sat_in_the_meeting_and_the_buildings_numbers_are_no_targets(text, kept, reason):
    """ZLS24 line 9 (the dateline lead's deputies) and line 23 (4栋、9栋: the buildings' numbers)."""
    d = _draft(_city("1." + text, title="某街道2024年民生实事"))
    assert [t["value_text"] for t in _targets(d)] == kept, ZLS24
    if reason:
        assert say(f"extract.reason.{reason}", "en") in {x["reason"] for x in d["exclusions"]}, ZLS24


def test_a_headline_below_the_sites_ticker_of_dated_headlines_restates_the_text():
    """CZ24 lines 1-7: the site's links, a ticker of dated headlines (· …竞赛 2024-05-17 · …), the search box and the
    breadcrumbs stand above the headline, and the post time under it: the headline is the page's, its numbers the
    text's."""
    d = _draft(_bench("district2024_chengzhong_minsheng.txt"))
    assert say("extract.reason.headline", "en") in {x["reason"] for x in d["exclusions"] if x["line"] == 6}, CZ24
    text = ("设为首页  |  加入收藏\n头条新闻: · 某区举办2024年版权知识竞赛    2024-05-17     · 某区召开会议    2024-05-16\n"
            "站内搜索:\n当前位置: 网站首页>>新闻动态>>正文\n\n某区新建口袋公园10个\n\n2024-03-01 09:28  点击:[] 来源:某区在线\n\n"
            "2024年,某区将新建口袋公园10个。\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(10, "10个")], CZ24


def test_what_a_dated_step_is_to_prevent_is_no_step_of_its_own():
    """BS25 line 8: 2025年常态化做好农村黑臭水体排查、治理、管护工作,防止治理后的水体返黑返臭 — one milestone, the 防止 clause
    its purpose; a clause of doing after it stays a step of its own. (In 璧山's own one-year list the year dates no step
    since round twenty-eight — the list's year, test_the_year_of_a_one_year_list_dates_no_step_of_its_own — so the
    form is tried in a two-year plan.)"""
    title = "某区民生实事工作方案(2025-2026年)"
    d = _draft(_city("1.2025年常态化做好农村黑臭水体排查、治理、管护工作,防止治理后的水体返黑返臭。", title=title))
    assert [e["quote"] for e in d["entries"]] == ["2025年常态化做好农村黑臭水体排查、治理、管护工作"], BS25
    d = _draft(_city("1.2025年常态化做好农村黑臭水体排查工作,完成治理后的水体复查评估。", title=title))
    assert len(d["entries"]) == 2


# round eight's held-out openings, measured once (1d9cd84), development documents since
RH25 = "bench county2025_renhua_minsheng (仁化县 2025年民生实事项目, a news page)"
LG22 = "bench district2022_longgang_minsheng (龙岗区 15项民生实事出炉, a news page)"
LH22 = "bench district2022_longhua_minsheng (龙华区 40件174项民生实事项目确定, a news page)"
BJ23 = "bench prov2023_beijing_minsheng (北京 2023年民生实事, a news report in an e-paper)"


@pytest.mark.parametrize("text, source", [
    ("2月21日下午,在某县第十六届人民代表大会第五次会议上,到会的174名人大代表对县人民政府提交的10个民生实事候选项目进行票决,"
     "8个项目被确定为2025年民生实事项目。", RH25 + " line 1: a dateline with the time of day; the list named after its count"),
    ("4月20日下午,历时两天的某区第七届人民代表大会第二次会议圆满完成各项议程,胜利闭幕。", LG22 + " line 12"),
    ("会议还从区政府拟定的8类共20项民生实事候选项目中,现场投票表决,确定15项作为2022年民生实事正式项目。", LG22 + " line 14"),
    ("区二届人大二次会议4月21日闭幕,大会审议批准某区2022年民生实事项目专项报告。据悉,大会票决确定的10类40件174项民生实事项目,"
     "关系群众生活方方面面。", LH22 + " line 11: the day of the event; every count of a chain"),
    ("新增中小学学位2万个,记者近日获悉,2023年某市民生实事项目正式确定,包含…等8个方面、33件实事项目。", BJ23 + " line 9"),
    ("截至目前,32项实事项目总体进展顺利。其中,26项已完成,6项正在抓紧收尾。", BJ23 + " line 10: progress of last year's list"),
])
def test_datelines_and_counts_of_the_list_as_news_pages_write_them(text, source):
    d = _draft(_city(text, title="某区2024年民生实事"))
    got = [(e["kind"], e["value_text"]) for e in d["entries"]]
    assert got in ([], [("target", "2万个")]), source


def test_a_step_dated_to_the_day_of_an_event_it_must_hold_stays_a_step():
    """A date then 前 is a deadline even before 召开 (6月30日前召开推进会)."""
    d = _draft(_city("1.6月30日前召开全区民生实事推进会。", title="某区2024年民生实事"))
    assert [(e["kind"], e["deadline"]) for e in d["entries"]] == [("milestone", "2024-06-30")]


def test_an_e_papers_page_lines_are_furniture_and_its_headline_the_pages():
    """BJ23 lines 1-8: the e-paper's page lines (当前版, 上一版, 文章字数) and the headline restating the lead's first item."""
    d = _draft(_bench("prov2023_beijing_minsheng.txt"))
    assert not [e for e in d["entries"] if e["line"] < 9], BJ23


def test_a_label_on_its_line_and_its_units_on_the_next_name_the_tasks_units():
    """同心县's row (round eight): 具体任务 / the task / 责任单位 / 卫健局、文旅局 / 配合单位 / 各乡镇 / 完成时限 / the dates."""
    d = _draft(_bench("county2023_tongxin_fenjie.txt"), period=parse_period("2023:2023"))
    got = [(e["deadline"], e["lead"], e["support"], e["units_inferred"]) for e in d["entries"]]
    assert got == [("2023-01-31", ["卫健局", "文旅局"], ["各乡镇"], False),
                   ("2023-12-31", ["卫健局", "文旅局"], ["各乡镇"], False)]
    # a label line whose next line is no unit's name reads nothing
    d = _draft(_city("1.新建充电桩500个。\n责任单位\n全年推进。", title="某区2024年工作方案"))
    assert _targets(d)[0]["units_inferred"]


# round nine: what round eight's held-out openings showed, as general rules (development documents)
SHK24 = "bench district2024_shahekou_minsheng (沙河口区 10项重点民生实事, a newspaper page)"


@pytest.mark.parametrize("text, kept, reason, source", [
    ("会议表决通过了关于某区人民政府工作报告的决议、关于某区人民法院工作报告的决议,决定批准这6个报告。新建口袋公园10个。",
     ["10个"], "acts", LG22 + " line 18: the reports a congress approved"),
    ("编制完成3个专题研究报告。", ["3个"], None, "a plan's own reports to write stay a target"),
    ("开展申报征集工作以来,累计收集民生实事候选项目超230项。新建口袋公园10个。", ["10个"], "candidates",
     LH22 + " line 15: the candidates gathered"),
    ("新开工重点项目230项。", ["230项"], None, "a count of projects to start stays a target"),
])
def test_the_reports_a_congress_approved_and_the_candidates_gathered_are_no_targets(text, kept, reason, source):
    _kept_and_why(text, kept, reason, source, title="某区2022年民生实事")


@pytest.mark.parametrize("text, got, source", [
    ("每个项目均列明了年度目标、主办单位、协办单位、总投资额、2022年投资额、资金来源、建设内容等信息。", [],
     LH22 + " line 15: a column's name, 2022年投资额"),
    ("推进场馆建设,2022年完成主体工程、配套道路等内容。", [("milestone", "2022-12-31")],
     "work the year dates, listed with 等内容, stays a step"),
    ("截至目前,32项实事项目总体进展顺利。其中,26项已完成,6项正在抓紧收尾,预计年底前全部完成。", [],
     BJ23 + " line 10: a forecast about last year's list"),
    ("预计2022年底前建成投用。", [("milestone", "2022-12-31")], "a step of the plan with 预计 and no progress reported"),
])
def test_a_column_named_by_a_year_and_a_forecast_of_work_under_way_date_nothing(text, got, source):
    d = _draft(_city("1." + text, title="某区2022年民生实事"))
    assert [(e["kind"], e["deadline"]) for e in d["entries"]] == got, source
    if not got:
        reasons = {x["reason"] for x in d["exclusions"]}
        assert reasons & {say("extract.reason.year_named", "en"), say("extract.reason.forecast", "en")}, source


@pytest.mark.parametrize("text, want", [
    ("建设1所100张以上床位的养老机构。", [("1所", "=")]),  # SHK24 line 15: the 以上 is the size's, a threshold
    ("新增公办学位、托位分别达到900个和300个以上。", [("900个", ">="), ("300个", ">=")]),  # a list shares its trailing word
])
def test_a_count_glued_to_the_size_after_it_does_not_take_the_sizes_comparator(text, want):
    d = _draft(_city("1." + text, title="某区2024年民生实事"))
    assert [(t["value_text"], t["comparator"]) for t in _targets(d)] == want, SHK24


def test_a_monthly_step_is_left_to_the_reviewer_and_says_why():
    """鄂温克旗's notice (round five): 从2022年3月起,务于每月25日前将…报旗政府督查室 — the registry recurs yearly and quarterly
    only, so the step is no entry; its exclusion says it is monthly and to be registered by hand. A quarterly one is drafted."""
    d = _draft(_city("1.从2024年3月起,各单位务于每月25日前将推进情况表报区政府督查室。", title="某区2024年重点任务分工"))
    assert d["entries"] == []
    assert say("extract.reason.monthly", "en") in {x["reason"] for x in d["exclusions"]}
    d = _draft(_city("1.各单位每季度将推进情况表报区政府督查室。", title="某区2024年重点任务分工"))
    assert [(e["kind"], e.get("recurring")) for e in d["entries"]] == [("milestone", "quarterly")]


# round nine's openings, measured once (42f279c), development documents since
WH23 = "bench city2023_wuhan_fenjie_p5 (武汉市 2023年市《政府工作报告》目标任务责任分解方案, page 5)"
WH22 = "bench city2022_wuhan_fenjie (武汉市 2022年市《政府工作报告》目标任务责任分解方案, the notice)"
CD21_ROW = "bench city2021_chengdu_minsheng line 27 (建成中和、大弯、禾丰、赵镇、竹篙等5座…)"


@pytest.mark.parametrize("text, kept, source", [
    ("完工友谊大道北段、和平大道南延线、白沙洲大道快速化改造、高新二路示范段等15条重点道路。", ["15条"],
     WH23 + " task 88: four roads named of fifteen"),
    ("改造范湖立交、常青立交等12个路网重要节点。", ["12个"], WH23 + " task 90"),
    ("建成中和、大弯、禾丰、赵镇、竹篙等5座生活垃圾压缩转运站。", [], CD21_ROW + ": as many as named, the count restates them"),
    ("会议表决通过区人民政府工作报告等6项决议。", [], LG22 + " line 14: what a meeting approved, no work to do"),
    ("包含优化基本公共服务、改善群众居住条件、提高生活便利性等8个方面。", [], BJ23 + " line 9: the list's parts"),
])
def test_a_count_after_deng_larger_than_the_names_listed_is_the_tasks_target(text, kept, source):
    d = _draft(_city("1." + text, title="某市2023年重点工作任务分解方案"))
    assert [t["value_text"] for t in _targets(d)] == kept, source


def test_a_title_whose_second_line_is_only_the_kind_of_document_is_one_title_and_the_notice_above_it_is_read():
    """WH22 lines 15-17: 2022年市《政府工作报告》目标任务 / (blank) / 责任分解方案 is one title (it was read as a group's
    title and a plan's, and the notice above it as no plan's); the notice's dated step and quarterly report are drafted."""
    d = _draft(_bench("city2022_wuhan_fenjie.txt"))
    assert [p["name"] for p in d["meta"]["plans"]] == ["2022年市《政府工作报告》目标任务责任分解方案"], WH22
    assert [(e["line"], e["deadline"], e.get("recurring")) for e in d["entries"]] == [
        (5, "2022-02-15", None), (9, "2022-12-31", "quarterly")], WH22
    # a second line naming a plan of its own (a place, a year) stays a title of its own
    d = _draft("2024年市《政府工作报告》目标任务\n\n某市工业节能工作方案\n一、主要目标\n新建充电桩500个。\n")
    assert [p["name"] for p in d["meta"]["plans"]] == ["某市工业节能工作方案"]


def test_a_sites_menu_label_above_the_title_is_the_pages_not_the_titles():
    """WH23 line 1: 导航菜单 above (湖北省)武汉市2023年…方案 — neither the document's title nor the plan's name; a short title
    piece above a title is still joined (某市2024年 / 工业节能工作方案)."""
    d = _draft(_bench("city2023_wuhan_fenjie_p5.txt"))
    assert d["meta"]["document"]["title"] == "(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案", WH23
    assert d["meta"]["plans"][0]["name"] == "(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案", WH23
    d = _draft("某市2024年\n工业节能工作方案\n一、主要目标\n新建充电桩500个。\n")
    assert d["meta"]["plans"][0]["name"] == "某市2024年工业节能工作方案"


# round ten: exclusion rules that swallowed real targets when the form varied a little (looked for on development
# documents and constructed counter-cases; where an exclusion is unsure the draft keeps the entry)
LZF = "data/source 鲁政发〔2024〕5号"


@pytest.mark.parametrize("text, kept, source", [
    # a count after 等 larger than the names: whatever verb or subject opens the clause, it is the task's target
    ("引进华为、中兴、小米等20家龙头企业。", ["20家"], "引进 (a verb no fixed list had) before four-of-twenty names"),
    ("全市建成A公园、B公园等15个口袋公园。", ["15个"], "a subject (全市) before the verb"),
    ("创建阳光、星光等30个示范社区。", ["30个"], "创建"),
    ("招引重大项目、产业链项目等50个。", ["50个"], "no noun after the count"),
    ("开工富强大街、高新八路、通顺大道南延线等12个重点项目。", ["12个"], WH23 + " task 89"),
    # … and still restated where as many are named, or where the clause only describes or approves a list
    ("建成中和、大弯、禾丰、赵镇、竹篙等5座生活垃圾压缩转运站。", [], CD21_ROW),
    ("聚焦新一代信息技术、高端装备等10个重点领域。", [], "聚焦: the scope of a plan, not work to do"),
    ("会议表决通过区人民政府工作报告等6项决议。", [], LG22 + " line 14"),
])
def test_a_count_after_deng_is_kept_unless_the_names_are_as_many_or_the_clause_only_describes(text, kept, source):
    d = _draft(_city("1." + text, title="某市2024年重点工作任务分解方案"))
    assert [t["value_text"] for t in _targets(d)] == kept, source


@pytest.mark.parametrize("text, kept, source", [
    # a share a rule allots stays a rule's parameter (the shipped document's own phrases)
    ("海上风电项目收益按各25%留给登陆点、并网点所在市。", [], LZF + " line 454"),
    ("能耗指标转出地保留50%、省级收储50%。", [], LZF + " line 466"),
    ("按照项目合规新增用地的10%奖励土地指标。", [], LZF + " line 484"),
    # a count or an amount with its measure word in a clause with 按照/收储/奖励 is work to do
    ("按照高标准要求建设示范村20个。", ["20个"], "按照 a standard, then the work"),
    ("按照一村一策原则完成改造项目150个。", ["150个"], "按照 a principle, then the work"),
    ("收储土地3000亩。", ["3000亩"], "land to take into the reserve, a land plan's target"),
    ("设立奖励基金5000万元。", ["5000万元"], "a fund to set up, named 奖励基金"),
])
def test_rule_words_make_a_share_a_rules_parameter_not_a_count_or_an_amount(text, kept, source):
    d = _draft(_city("1." + text))
    assert [t["value_text"] for t in _targets(d)] == kept, source


@pytest.mark.parametrize("text, kept, source", [
    ("新增政务服务事项100项。", ["100项"], "a count after its noun with a verb of doing: the work"),
    ("办结群众诉求事项5000件。", ["5000件"], "办结"),
    ("2024年确定民生实事项目40项。", [], DY24 + ": the list's size, no verb of doing"),
    ("分解至我区任务15项。", [], "a count after the noun of what is assigned"),
])
def test_a_count_after_its_noun_is_the_lists_size_only_where_no_verb_of_doing_governs_it(text, kept, source):
    d = _draft(_city("1." + text, title="某区2024年重点工作任务分解方案"))
    assert [t["value_text"] for t in _targets(d)] == kept, source


@pytest.mark.parametrize("row, kept", [
    ("1 | 丰富公开方式,发布政策解读100篇 | 市政府办公室 |", ["100篇"]),  # 公开方式: an index label's word in a task
    ("2 | 提升监管有效性,完成双随机抽查500家 | 市市场监管局 |", ["500家"]),  # 有效性
    ("3 | 优化主题分类,新增政务服务事项100项 | 市政务服务局 |", ["100项"]),
])
def test_an_index_labels_word_inside_a_task_is_the_plans_not_the_pages(row, kept):
    """An index block's label stands before its value (主题分类: 城乡建设 / 有效性 | 有效): the same words inside a
    task's row are the plan's (they had made the row page furniture and its target an exclusion)."""
    d = _draft(f"某市2024年政务公开工作要点\n一、重点任务\n序号 | 任务 | 责任单位 |\n{row}\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    for label in ("主题分类: 城乡建设", "有 效 性 有效", "公开方式 | 主动公开", "发布日期:2024-03-01", "索引号"):
        assert is_page_furniture(label), label
    assert not is_page_furniture(row)


def test_a_goal_line_under_a_heading_is_no_headline_even_where_a_task_repeats_it():
    """A line without punctuation near the top whose numbers the text repeats reads as a sub-headline only above the
    text's first heading or list item: 一、工作目标 / 全市新建充电桩500个 is a goal of the plan."""
    d = _draft("某市2024年充电设施建设工作方案\n一、工作目标\n全市新建充电桩500个\n二、重点任务\n"
               "1.各区新建充电桩500个。（牵头单位：市发展改革委）\n")
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(3, "500个"), (5, "500个")]


SX25 = "bench county2025_shexian_minsheng (涉县 十件民生实事)"


@pytest.mark.parametrize("text, kept, reason, source", [
    # a verb between two quantities: two results, the first no size of what the second counts
    ("新建标准化厂房20万平方米吸引入驻企业50家。", ["20万平方米", "50家"], None, "a building, then who moves in"),
    ("培育专精特新企业50家带动就业1万人。", ["50家", "1万人"], None, "企业, then the jobs they bring"),
    ("新增城镇就业5万人实现农村劳动力转移2万人。", ["5万人", "2万人"], None, "two employment targets"),
    # how many, then how long they are: two results (平罗 城关镇's 农田水利 plan, round ninety-seven's held-out set)
    ("全镇面上共清淤支斗渠98条长119.4公里,清淤农渠518条长322公里。", ["98条", "119.4公里", "518条", "322公里"], None,
     "bench town2021_pingluochengguan_nongtian line 14"),
    ("新建农村公路3条总长12公里。", ["3条", "12公里"], None, "made up: 总长"),
    # … a size before what it says which are counted stays a threshold
    ("投资500万元以上技术改造项目1.2万个。", ["1.2万个"], "threshold", "鲁政发's form: 以上 says which projects"),
    ("建设1000亩高标准农田示范区3个。", ["3个"], "threshold", "a size naming the kind of 示范区"),
    # where the work is done is no target of it
    ("在39个村改造升级10千伏线路16.66公里。", ["16.66公里"], "where", SX25 + " line 7"),
])
def test_two_quantities_with_a_verb_between_are_two_targets_and_a_size_before_its_noun_a_threshold(text, kept, reason,
                                                                                                   source):
    _kept_and_why(text, kept, reason, source, title="某县2025年重点工作任务分解方案")


# round ten's held-out openings, measured once (c978198), development documents since
FJ25 = "bench county2025_fengjie_zhaoshang (奉节县 行动方案(2025-2027), a news page)"
DX23 = "bench district2023_daxing_fengong (大兴区 2023年区政府工作报告重点工作分工方案)"


def test_a_page_about_a_plan_just_issued_runs_over_the_plans_term_and_its_year_of_issue_dates_nothing():
    """FJ25 lines 2-4: 2025年,奉节县印发《…行动方案(2025-2027)》 — the page's targets belong to that plan, so its term is the
    period (it had run over 2027 alone, the latest year named, and every 2025年 target was dated 2027-12-31); the year the
    plan was issued dates none of the clauses saying what it does. A basis named in 《》 is no period; 2024年出台《…》 with
    no comma and no issuer is a step of the plan."""
    d = _draft(_bench("county2025_fengjie_zhaoshang.txt"))
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2025-01-01", "2027-12-31"), FJ25
    assert "issued" in d["meta"]["period"]["inferred_from"], FJ25
    by = {(e["line"], e["value_text"]): e["deadline"] for e in d["entries"] if e["kind"] == "target"}
    assert by[(4, "2亿元")] == "2025-12-31" and by[(4, "6.6亿元")] == "2027-12-31", FJ25
    assert not [e for e in d["entries"] if e["line"] == 2], FJ25
    d = _draft("根据《某市海绵城市专项规划(2016-2035)》,2024年新建海绵城市10平方公里。\n")
    assert d["meta"]["period"]["start"] == "2024-01-01", "a basis's years are no period"
    d = _draft(_city("1.2024年出台《某市促进消费若干措施》。（牵头单位：市商务局）"))
    assert [(e["kind"], e["deadline"]) for e in d["entries"]] == [("milestone", "2024-12-31")]


@pytest.mark.parametrize("task", ["1.2024年底前出台促进消费若干措施。", "1.2024年出台促进消费若干措施。"])
def test_a_year_glued_to_the_first_tasks_number_dates_its_step(task):
    """A date glued to the list number (1.2024年…) was read on every task but the first under a heading: the first
    task's number stood before the plan's masked text and the year after "1." was taken for a decimal's digits."""
    d = _draft(f"某市促进消费工作方案\n一、重点任务\n{task}\n2.2025年建成充电站5座。\n")
    assert [(e["line"], e["kind"], e["deadline"]) for e in d["entries"]] == [
        (3, "milestone", "2024-12-31"), (4, "target", "2025-12-31")]


def test_a_main_responsible_unit_on_its_line_leads_and_the_plans_own_task_counts_are_no_targets():
    """DX23 lines 21-37: 将121项区政府重点工作进行分解, 围绕121项区政府重点工作, …分工方案(共计121项) count the plan's own tasks
    (three targets had been drafted); 主要责任单位:区发展改革委 on a line under the task leads it (it had fallen to 待定; the
    table reader knew the qualified label, the line reader did not). Counter-cases: a count of tasks the plan commits to
    stays a target."""
    d = _draft(_bench("district2023_daxing_fengong.txt"))
    assert [(t["line"], t["value_text"], t["lead"], t.get("units_inferred", False)) for t in _targets(d)] == [
        (33, "4.5%", ["区发展改革委"], False)], DX23
    for kept in ("完成12项改革任务。", "新增政务服务事项100项。", "全年办结区政府重点工作任务40项。"):
        assert [t["value_text"] for t in _targets(_draft(_city("1." + kept)))], kept
    d = _draft(_city("1.新建充电桩500个。\n牵头领导:常务副市长\n主要责任单位:市发展改革委\n协同配合单位:市住建局"))
    assert [(t["lead"], t["support"]) for t in _targets(d)] == [(["市发展改革委"], ["市住建局"])]


@pytest.mark.parametrize("task, lead, support", [
    ("1.新建充电桩500个。(责任单位:市发改委(牵头)、市财政局)", ["市发改委"], ["市财政局"]),  # the unit marked (牵头) leads
    ("1.新建充电桩500个。\n责任单位:市发改委(牵头)、市财政局", ["市发改委"], ["市财政局"]),
    ("1.新建充电桩500个。【牵头单位:市发改委;配合单位:市财政局】", ["市发改委"], ["市财政局"]),  # 【】 as the brackets
    ("1.新建充电桩500个。(牵头:市发改委;配合:市财政局)", ["市发改委"], ["市财政局"]),  # the bare role words as labels
    ("1.新建充电桩500个。责任单位:市发改委、市财政局", ["市发改委", "市财政局"], []),  # the label after the last sentence
    # counter-cases: a role word in running text is no label; a task with no unit falls to the coordinator, marked
    ("1.新建充电桩500个,配合市财政局做好资金保障。", ["待定"], []),
])
def test_unit_forms_that_vary_a_little_from_the_labelled_ones(task, lead, support):
    """Round ten, step one: unit forms a little different from those the development documents hold (looked for on
    small texts before the held-out set was collected); each had given 待定 or a lead glued to the next label."""
    t = _targets(_draft(_city(task)))[0]
    assert (t["lead"], t["support"]) == (lead, support), task
    assert t["quote"].endswith("500个"), "the label is no task text"


@pytest.mark.parametrize("step, want", [
    ("2024年11月中旬前完成改造。", ("2024年11月中旬前", "2024-11-20")),  # had been cut at 2024年11月: 11-30, later than stated
    ("10月中旬前完成改造。", (None, "2024-10-20")),  # year-less: read in the document's year, with a note
    ("三季度末前完成改造。", (None, "2024-09-30")),
    ("下半年完成改造。", (None, "2024-12-31")),
    ("年内完成改造。", (None, "2024-12-31")),
    ("2024年度完成改造。", ("2024年", "2024-12-31")),  # 年度 before a verb of doing dates the step
])
def test_dated_steps_written_with_ten_day_marks_halves_quarters_and_nianei(step, want):
    """Round ten, step one: date forms text/deadline.py reads but extract did not find (no step drafted, or cut short to
    a later date). Counter-cases: 2024年度学习计划 names a plan, 前三季度 is a cumulative span, 每季度 recurs."""
    d = _draft(_city("1." + step + "(牵头单位:市发改委)"), period=parse_period("2024:2024"))
    assert [(e["deadline_text"], e["deadline"]) for e in d["entries"] if e["kind"] == "milestone"] == [want], step
    d = _draft(_city("1.制定2024年度学习计划。\n2.前三季度完成投资50亿元。\n3.每季度开展检查。"), period=parse_period("2024:2024"))
    assert [(e["kind"], e.get("recurring")) for e in d["entries"]] == [("target", None), ("milestone", "quarterly")]


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_table_without_a_number_column_is_read_by_its_heading(sep):
    """Round ten, step one: 工作任务 | 牵头单位 | 完成时限 with no 序号 column (cells between bars or tabs) had not been read
    as a table: every row's lead fell to 待定 and its 完成时限 cell dated nothing. Each line under the heading with as many
    cells is a row; the first line that is not one ends the table (here a paragraph of the plan, still read)."""
    rows = ["工作任务", "牵头单位", "完成时限"], ["新建充电桩500个", "县发改局", "2024年10月底前"], \
        ["完成老旧小区改造20个", "县住建局", "2024年12月底前"]
    text = "某县2024年重点工作任务分解表\n" + "\n".join(sep.join(r) for r in rows) + "\n另外,新建公园5个。\n"
    d = _draft(text)
    got = [(e["line"], e["value_text"], e["deadline"], e["lead"], e.get("units_inferred", False)) for e in d["entries"]]
    assert got[:2] == [(3, "500个", "2024-10-31", ["县发改局"], False), (4, "20个", "2024-12-31", ["县住建局"], False)]
    assert [(x[0], x[1], x[4]) for x in got[2:]] == [(5, "5个", True)]  # no unit named: the fallback, marked


@pytest.mark.parametrize("body, want", [
    ("1.一是新建充电桩500个(牵头单位:市发改委);二是完成老旧小区改造20个(牵头单位:市住建局;配合单位:各区政府)。",
     [("500个", ["市发改委"], []), ("20个", ["市住建局"], ["各区政府"])]),
    ("1.加快充电设施建设。新建充电桩500个(牵头单位:市发改委),完成老旧小区改造20个(牵头单位:市住建局)。",
     [("500个", ["市发改委"], []), ("20个", ["市住建局"], [])]),
    # counter-case: one parenthetical closing the task names the units of all its clauses
    ("1.新建充电桩500个,完成老旧小区改造20个。(牵头单位:市发改委;配合单位:市住建局)",
     [("500个", ["市发改委"], ["市住建局"]), ("20个", ["市发改委"], ["市住建局"])]),
])
def test_a_task_naming_units_after_each_clause_gives_each_target_its_own(body, want):
    """Round ten, step one: a task with a labelled parenthetical after each clause (一是…(牵头单位:A);二是…(牵头单位:B)) gave
    every target the first one's units."""
    d = _draft(_city(body))
    assert [(t["value_text"], t["lead"], t["support"]) for t in _targets(d)] == want


@pytest.mark.parametrize("text, kept", [
    ("改造30个已建成老旧小区。", ["30个"]),  # 已建成 says which 小区 the work is on
    ("为30个已建成小区加装电梯。", ["30个"]),
    ("新增10个在建项目。", ["10个"]),
    ("完成50个正在建设项目的验收。", ["50个"]),
    # the count the clause's subject: how much of a list is done, no goal (北京市's e-paper, round eight)
    ("截至目前,32项实事项目总体进展顺利。其中,26项已完成,6项正在抓紧收尾。", []),
])
def test_progress_is_a_count_the_clause_opens_with_not_one_after_a_verb(text, kept):
    """Round ten, step one: 已建成/在建/正在 after any count made it progress, so a count of the things work is done on
    (改造30个已建成老旧小区) was an exclusion."""
    assert [t["value_text"] for t in _targets(_draft(_city("1." + text), period=parse_period("2024:2024")))] == kept


def test_a_section_heading_that_states_a_target_is_one():
    """Round ten, step one: 一、新建充电桩500个 (a 民生实事 list numbering its items 一、二、) had its quantity left as an
    exclusion to check; a heading naming a topic (一、重点任务) still drafts nothing."""
    d = _draft("某市2024年民生实事实施方案\n一、新建充电桩500个\n1.在各区布局。(牵头单位:市发改委)\n"
               "二、改造老旧小区20个(牵头单位:市住建局)\n三、保障措施\n加强组织领导。\n")
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(2, "500个"), (4, "20个")]
    assert _targets(d)[1]["lead"] == ["市住建局"]


@pytest.mark.parametrize("heading", ["2024年目标", "2024年重点任务", "2024年度工作目标", "2024年6月底前"])
def test_a_group_heading_with_a_year_and_the_word_for_its_goals_dates_the_items_under_it(heading):
    """Round ten, step one: （一）2024年目标 / 1.… / （二）2025年目标 / 1.… — only a heading that was a date alone dated the
    items under it; these gave every target the period's end (and （一）2024年重点任务 drafted itself as a step)."""
    d = _draft(f"某市充电设施建设行动方案(2024-2025年)\n一、重点任务\n(一){heading}\n1.新建充电桩500个。\n"
               "(二)2025年目标\n1.新建充电桩800个。\n二、保障措施\n加强组织领导。\n")
    first = "2024-06-30" if "月" in heading else "2024-12-31"
    assert [(e["line"], e["kind"], e["deadline"]) for e in d["entries"]] == [
        (4, "target", first), (6, "target", "2025-12-31")]


@pytest.mark.parametrize("text, want", [
    ("新建三所学校。", [("三所", 3, "所")]),
    ("新增两家上市企业。", [("两家", 2, "家")]),
    ("新建二十个口袋公园。", [("二十个", 20, "个")]),
    # counter-cases: names, kinds and a lone 一 are no counts
    ("推进五大行动。", []),
    ("聚焦五个方面。", []),
    ("建设一个平台。", []),
])
def test_a_count_in_words_after_a_verb_of_doing_is_a_target(text, want):
    """Round ten, step one: every count written in Chinese numerals was left as an exclusion to check, though the
    shipped registry registers such counts (gzrc-039 两名, gdzb-012 两); one right after a verb of doing is drafted."""
    d = _draft(_city("1." + text), period=parse_period("2024:2024"))
    assert [(t["value_text"], t["value"], t["unit"]) for t in _targets(d)] == want


@pytest.mark.parametrize("task, kind", [
    ("1.新建充电桩500个。(牵头单位:市发改委;完成时限:2024年10月底前)", "target"),
    ("1.新建充电桩500个。\n牵头单位:市发改委\n完成时限:2024年10月底前", "target"),
    ("1.新建充电桩500个。\n责任单位:市发改委\n时间节点:2024年10月底前", "target"),
    ("1.新建充电桩500个。(牵头单位:市发改委,2024年10月底前完成)", "target"),
    ("1.完成充电设施规划编制。(牵头单位:市发改委;完成时限:2024年10月底前)", "milestone"),
])
def test_a_time_limit_beside_the_units_dates_the_task(task, kind):
    """Round ten, step one: 完成时限/时间节点 in a unit parenthetical or on a label line was read as part of the lead
    ('市发改委;完成时限:2024年10月底前') or ignored: the target took the period's end, and a step dated only there was not
    drafted at all. It dates the task's entries as a table row's 完成时限 cell does, and is no unit."""
    d = _draft(_city(task), period=parse_period("2024:2024"))
    assert [(e["kind"], e["deadline"], e["lead"]) for e in d["entries"]] == [(kind, "2024-10-31", ["市发改委"])], task


# --------------------------------------------------------------------------- round eleven: period and deadline
@pytest.mark.parametrize("task, want", [
    # a month's step glued to its verb dates that step; the target after it takes the task's time limit
    ("1.推进老旧小区改造。2024年6月底前完成项目谋划,全年改造老旧小区30个。(牵头单位:县住建局;完成时限:2024年12月底前)",
     "2024-12-31"),
    ("1.加快项目建设。3月底前完成招标,新建标准厂房10万平方米。(牵头单位:县工信局;完成时限:2024年11月底前)", "2024-11-30"),
    # … and with no time limit, the period's end, not the step's month
    ("1.加快项目建设。3月底前完成招标,新建标准厂房10万平方米。(牵头单位:县工信局)", "2024-12-31"),
    # counter-cases: a date opening the sentence (a comma after it) dates all of it; a target's own date; a date whose
    # clause only completes what follows; a year (到YYYY年) glued to a verb still dates the clauses after it
    ("1.加快项目建设。2024年6月底前,完成招标,新建标准厂房10万平方米。(牵头单位:县工信局)", "2024-06-30"),
    ("1.加快项目建设。3月底前完成招标,9月底前新建标准厂房10万平方米。(牵头单位:县工信局)", "2024-09-30"),
    ("1.加快项目建设。9月底前全部建成,新建标准厂房10万平方米。(牵头单位:县工信局)", "2024-09-30"),
    ("1.加快项目建设。3月底前新建厂房5万平方米,新建标准厂房10万平方米。(牵头单位:县工信局)", "2024-03-31"),
])
def test_a_steps_date_governs_its_own_clause_not_a_later_target(task, want):
    """Round eleven, step one: a target sharing a sentence with an earlier step's date (3月底前完成招标,新建…) took that
    date, before the task's 完成时限 and the period's end (left alone in round ten)."""
    d = _draft(_city(task, title="某县2024年重点工作任务分解方案"))
    assert _targets(d)[-1]["deadline"] == want, task


@pytest.mark.parametrize("text, period, want", [
    # the plan named in 《》 with its term, the issue said after the title
    ("某县三年行动方案出台\n近日,《某县推动产业高质量发展行动方案(2025-2027年)》正式印发。\n"
     "方案提出,2025年,全县招引项目20个;2027年末,累计招引项目80个。\n2026年,新增规上工业企业15家。\n",
     ("2025-01-01", "2027-12-31"), ["2025-12-31", "2027-12-31", "2026-12-31"]),
    ("某县三年行动方案出台\n《某县推动产业高质量发展行动方案(2025—2027年)》(以下简称《方案》)日前印发。\n"
     "方案提出,2025年,全县招引项目20个。\n",
     ("2025-01-01", "2027-12-31"), ["2025-12-31"]),
    # a year opening a goal clause inside a line starts the plan (its 2024年 target had the period's end)
    ("某市出台三年行动计划\n日前,市政府办公室印发《某市推进新型工业化三年行动计划》。\n"
     "《计划》提出,2024年,全市规上工业增加值增长8%;到2026年,规上工业企业达到3000家。\n2025年底前,建成智能工厂20家。\n",
     ("2024-01-01", "2026-12-31"), ["2024-12-31", "2026-12-31", "2025-12-31"]),
    # years opening goal clauses, no other date: they are the plan's years
    ("某区关于加快发展低空经济的工作方案\n一、工作目标\n2024年,引进低空经济企业10家;2026年,累计引进50家。\n"
     "二、重点任务\n1.开展招商。2024年9月底前出台专项政策。(牵头单位:区发改局)\n",
     ("2024-01-01", "2026-12-31"), ["2024-12-31", "2026-12-31"]),
])
def test_an_inferred_period_takes_the_years_the_goals_open_with(text, period, want):
    """Round eleven, step one: round ten's failure again, in forms a little different — the plan's term in 《》 with
    its issue said after the title (…》正式印发), 2025年,全县… and 2027年末,… not read as dated steps. The period was the
    latest step year only, every earlier target read as a past year and dated at the period's end."""
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period
    assert [t["deadline"] for t in _targets(d)] == want


_QIXIANG = ("某市关于推进气象高质量发展的实施意见\n一、总体要求\n{goals}\n二、重点任务\n"
            "(一)建设监测体系。新建X波段天气雷达2部、自动气象站17个。\n")


@pytest.mark.parametrize("goals, period, radar", [
    # a far vision (到2035年) that sets no figure: the plan runs to the horizon whose figures it sets, and an undated task's
    # figure is due then (遵义's and 黔东南's 气象 实施意见, round ninety-five's held-out set: dated 2035)
    ("(二)发展目标。到2025年,气象预报能力精细到1公里,气象灾害监测率提升到90%。到2035年,基本实现气象现代化。",
     ("2025-01-01", "2025-12-31"), "2025-12-31"),
    ("(二)发展目标\n到2025年,气象灾害监测率提升到90%。\n到2035年,基本实现气象现代化,气象服务更加优质。",
     ("2025-01-01", "2025-12-31"), "2025-12-31"),
    # counter-cases: a far horizon with a figure of its own, or a near one without any, leaves the period to the far one
    ("(二)发展目标。到2025年,气象灾害监测率提升到90%。到2035年,气象灾害监测率达到98%。",
     ("2025-01-01", "2035-12-31"), "2035-12-31"),
    ("(二)发展目标。到2025年,气象业务能力显著提升。到2035年,基本实现气象现代化。",
     ("2025-01-01", "2035-12-31"), "2035-12-31"),
    # (a horizon five years on is the plan's own: 2030年前实现碳达峰 after its 2025 figures — 浦东's 碳达峰 plan, bench
    # district2022_pudong_tandafeng)
    ("(二)主要目标。到2025年,单位生产总值能耗下降14%。到2030年,实现碳达峰。",
     ("2025-01-01", "2030-12-31"), "2030-12-31"),
], ids=["glued-heading", "own-lines", "far-figure", "no-near-figure", "five-years-on"])
def test_a_far_vision_without_figures_does_not_stretch_the_period(goals, period, radar):
    d = _draft(_QIXIANG.format(goals=goals))
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period
    assert [t["deadline"] for t in _targets(d) if t["value_text"] == "2部"] == [radar]


@pytest.mark.parametrize("text", [
    # counter-cases: a basis named in 《》 (根据/落实《…》…印发) is another document; its term is no period
    "某区推进城市更新行动方案\n根据《某市城市更新三年行动计划(2024-2026年)》印发要求,制定本方案。\n一、工作目标\n"
    "到2025年,完成老旧小区改造50个。\n",
    "某区推进城市更新行动方案\n为落实《某市城市更新三年行动计划(2024-2026年)》,制定本方案。\n一、工作目标\n"
    "到2025年,完成老旧小区改造50个。\n",
])
def test_a_basis_in_quotes_is_no_issued_plan_whatever_follows_it(text):
    d = _draft(text)
    assert "the term of the plan" not in d["meta"]["period"].get("inferred_from", "")
    assert [t["deadline"] for t in _targets(d)] == ["2025-12-31"]


def test_an_entry_dated_by_an_inferred_periods_end_says_so():
    """Round eleven: the header said the period was inferred; an entry whose deadline is that period's end now says it
    where the reviewer reads the entry. An entry whose own text dates it, or a period the title states, says nothing."""
    d = _draft("某市推进制造业发展工作方案\n一、工作目标\n到2026年,规上工业企业达到3000家,工业投资增长10%。\n"
               "二、重点任务\n1.推进技改。新建数字化车间20个。(牵头单位:市工信局)\n")
    notes = {t["value_text"]: t.get("note") for t in _targets(d)}
    assert notes["3000家"] is None
    assert "INFERRED" in notes["20个"] and "2026-12-31" in notes["20个"]
    stated = _draft(_city("1.新建数字化车间20个。(牵头单位:市工信局)", title="某市推进制造业发展工作方案(2024-2026年)"))
    assert "note" not in _targets(stated)[0]


# round eleven's held-out set, development documents since its measurement (1336966)
@pytest.mark.parametrize("task, want", [
    ("1.固定资产投资、工业投资、服务业投资均增长12%左右。", ["12%", "12%", "12%"]),
    ("1.工业投资、服务业投资各增长10%。", ["10%", "10%"]),
    ("1.工业和服务业用电量均下降5%。", ["5%", "5%"]),
    # counter-cases: one subject, and a list with no 均/各 (one value, one entry: a reviewer splits it)
    ("1.固定资产投资增长12%左右。", ["12%"]),
    ("1.固定资产投资、工业投资增长12%左右。", ["12%"]),
])
def test_a_change_over_each_of_several_metrics_is_one_entry_each(task, want):
    """Round eleven (金华开发区, held out): 均增长12%左右 over three metrics drafted one entry — one metric per subject knew
    均达到/均为/各…, not a change (均增长, 各增长, 均下降)."""
    d = _draft(_city(task, title="某区2024年经济工作要点"))
    assert [t["value_text"] for t in _targets(d)] == want
    assert len({t["metric"] for t in _targets(d)}) == len(want)


@pytest.mark.parametrize("task, want", [
    ("1.新增就业9.3万人、创业9千人。", [("9.3万人", 93000), ("9千人", 9000)]),
    ("1.培育规上企业3千家。", [("3千家", 3000)]),
    # counter-cases: 千 that is part of a unit
    ("1.新增光伏装机100千瓦。", [("100千瓦", 100)]),
    ("1.新建绿道5千米。", [("5千米", 5)]),
])
def test_a_count_with_the_magnitude_qian_alone_is_a_quantity(task, want):
    """Round eleven (东莞, held out): 创业9千人 was not read as a quantity at all (a miss): 千 alone after the digits is a
    magnitude, as text.numerals reads it; 千瓦, 千米 stay units."""
    d = _draft(_city(task, title="某市2023年就业工作要点"))
    assert [(t["value_text"], t["value"]) for t in _targets(d)] == want


def test_a_headline_under_a_breadcrumb_that_ends_with_it_is_the_pages():
    """Round eleven (东莞, held out): 奇宝库 > 2023年东莞两会… / 2023年东莞两会… — the breadcrumb's last crumb is the headline
    under it, which was read as a line of the plan: its year drafted a milestone and named the plan's coordinator. A line
    under a breadcrumb that does not repeat it (a lead) is still the text's."""
    head = "奇宝库 > 2023年某市两会将这样影响您的生活\n\n2023年某市两会将这样影响您的生活\n\n"
    d = _draft(head + "今年政府工作报告提出了一系列新目标!\n\n-新增就业9万人\n")
    assert [(e["line"], e["kind"]) for e in d["entries"]] == [(7, "target")]
    lead = _draft("首页 > 新闻 > 2023年某市两会\n\n2023年,全市新建充电桩500个。\n")
    assert [(e["line"], e["value_text"]) for e in lead["entries"]] == [(3, "500个")]


# --------------------------------------------------------------------------- round twelve


@pytest.mark.parametrize("task, kept, whole", [
    # money and sizes alike: the parts after 其中 that add up to the whole are the entries, the whole is their sum
    ("安排58亿元财政资金保障政府投资项目建设,其中,道路建设10亿元,教育设施12亿元,安置房建设36亿元。",
     ["10亿元", "12亿元", "36亿元"], "58亿元"),
    ("地上建筑面积600平方米,其中:修缮200平方米;改建100平方米;新建300平方米。",
     ["200平方米", "100平方米", "300平方米"], "600平方米"),
    ("新建学校3所,其中小学2所、初中1所。", ["2所", "1所"], "3所"),
    # counter-cases: parts that do not add up are a subset — the whole and the part both stay
    ("新增城镇就业5万人,其中高校毕业生1万人。", ["5万人", "1万人"], None),
    ("安排财政资金58亿元,其中教育设施12亿元。", ["58亿元", "12亿元"], None),
    # a whole with no 其中 after it stays
    ("安排58亿元财政资金保障政府投资项目建设。", ["58亿元"], None),
])
def test_a_whole_broken_down_after_qizhong_gives_its_parts(task, kept, whole):
    """Round twelve settled 其中 once: 安排58亿元…,其中,…10亿元,… (滨江区, round eleven's held-out set) drafted the whole
    and every part; the size rule (地上建筑面积…,其中:…, round eight) kept the parts only. Sizes and money now follow the
    same convention — the parts are the deliverables a unit is asked about, the whole their sum (an exclusion)."""
    d = _draft(_city("1." + task, title="某区2024年扩大有效投资工作方案"))
    assert [t["value_text"] for t in _targets(d)] == kept
    summed = [x["text"] for x in d["exclusions"] if x["reason"] == say("extract.reason.sum_of_parts", "en")]
    assert [whole in t for t in summed] == ([True] if whole else [])


@pytest.mark.parametrize("task, kept, reason", [
    ("每个镇街至少1个500亩以上连片“工改工”片区。", ["1个"], "threshold"),
    ("每个县建成2所100张以上床位的养老机构。", ["2所"], "threshold"),
    # counter-cases: a count and a size with a comma or a verb between them are two targets
    ("每个镇街至少建成1个片区,面积500亩以上。", ["1个", "500亩"], None),
    ("建成片区1个,改造提升500亩以上。", ["1个", "500亩"], None),
])
def test_a_size_glued_after_a_count_says_how_large_each_is(task, kept, reason):
    """Round eleven (东莞, held out): 至少1个500亩以上连片…片区 drafted 500亩 as a target of its own."""
    _kept_and_why(task, kept, reason, "bench city2023_dongguan_lianghui line 71", "某市2023年产业用地工作方案")


@pytest.mark.parametrize("task, kept, reason", [
    ("全市财政支出每4元就有1元用在教育。", [], "saying"),
    ("全市每10个孩子中就有3个进入普惠性幼儿园。", [], "saying"),
    # counter-cases: a rate per head and a share stated as such stay targets
    ("每万人口拥有执业医师3.5名。", ["3.5名"], None),
    ("教育支出占财政支出比重达25%。", ["25%"], None),
])
def test_a_share_told_as_a_saying_is_no_target(task, kept, reason):
    """Round eleven (东莞, held out): 每4元就有1元用在教育 drafted 1元."""
    _kept_and_why(task, kept, reason, "bench city2023_dongguan_lianghui line 57", "某市2023年教育工作要点")


def test_a_target_restated_later_is_no_second_entry():
    """Round eleven (金华开发区, held out): line 10's goals paragraph states 全社会消费品零售总额增长6%以上 and a bullet under
    对内要打造消费场景 states it again (力争全年…): one entry, the second mention an exclusion naming the first line."""
    text = ("某区2024年目标任务\n一、主要目标\n"
            "2024年,地区生产总值增长6.2%以上;全社会消费品零售总额增长6%以上;进出口增长5%以上。\n"
            "二、重点任务\n对内要打造消费场景,力争全年全社会消费品零售总额增长6%以上;\n"
            "对外要稳住外贸基本盘,全年进出口增长8%以上;\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(3, "6.2%"), (3, "6%"), (3, "5%"), (6, "8%")]
    ids = [t["id"] for t in _targets(d)]
    assert ids == [f"{ids[0][:-3]}{i:03d}" for i in range(1, 5)]  # numbered again: no gap where the restatement was
    assert any(x["line"] == 5 and x["reason"] == say("extract.reason.restated", "en", line=3) for x in d["exclusions"])


NJ44 = "上海 农机化 实施意见 (bench/documents/dept2022_shanghai_nongjihua.txt lines 12, 15, 18, 30)"


@pytest.mark.parametrize("task, want", [
    # a task line stating other figures too still restates the goal's (the goals' line is the entry)
    ("全年全社会消费品零售总额增长6%以上,进出口增长5%以上;", [(3, "6%"), (3, "8-10个"), (5, "5%")]),
    # in other words: a verb before the metric, a qualifier inside it (打造园艺场…的蔬菜生产核心示范园8-10个)
    ("推进全社会消费品零售总额增长6%以上,打造园艺场规模面积200亩以上的蔬菜生产核心示范园8-10个。", [(3, "6%"), (3, "8-10个")]),
])
def test_a_task_restating_the_goals_figures_among_its_own_is_no_second_entry(task, want):
    """A goal's figure that a task states again in other words, beside figures of its own (上海's 农机化 实施意见, round
    forty-four's held-out set: 98%, 60%, 8-10个, 10个 and 85% drafted twice): the goals' line holds the entry."""
    text = ("某区2024年目标任务\n一、主要目标\n2024年,全社会消费品零售总额增长6%以上,打造蔬菜生产核心示范园8-10个。\n"
            f"二、重点任务\n{task}\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == want, NJ44
    assert any(x["line"] == 5 and x["reason"] == say("extract.reason.restated", "en", line=3) for x in d["exclusions"]), NJ44


@pytest.mark.parametrize("text, want", [
    # counter-cases: another value, another metric, another year, or a line listing several targets keeps its entry
    ("某区2024年目标任务\n一、主要目标\n2024年,全社会消费品零售总额增长6%以上。\n二、重点任务\n"
     "力争全年全社会消费品零售总额增长7%以上;\n", [(3, "6%"), (5, "7%")]),
    ("某区2024年目标任务\n一、主要目标\n2024年,全社会消费品零售总额增长6%以上。\n二、重点任务\n"
     "力争全年限额以上批发零售业销售额增长6%以上;\n", [(3, "6%"), (5, "6%")]),
    ("某区经济工作实施方案(2024-2025年)\n一、主要目标\n2024年,全社会消费品零售总额增长6%以上。\n二、重点任务\n"
     "2025年,全社会消费品零售总额增长6%以上;\n", [(3, "6%"), (5, "6%")]),
    ("某区2024年目标任务\n一、主要目标\n2024年,全社会消费品零售总额增长6%以上。\n"
     "全年全社会消费品零售总额增长6%以上,进出口增长5%以上;\n二、重点任务\n加强调度。\n", [(3, "6%"), (4, "6%"), (4, "5%")]),
    # a task that names its own units says who delivers the goal's figure: both stay (鲁政发 lines 382 and 414)
    ("某省制造业行动方案\n一、主要目标\n到2025年,先进制造业集群达到30个。\n二、重点任务\n"
     "打造30个具有全国影响力的省级先进制造业集群。(牵头单位:省工业和信息化厅)\n", [(3, "30个"), (5, "30个")]),
])
def test_a_second_mention_that_is_not_a_restatement_stays(text, want):
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == want


@pytest.mark.parametrize("line, milestones", [
    ("2023年,全镇主要预期目标是:地区生产总值增长10%;城乡居民人均可支配收入增长与经济增长同步。", 0),
    ("2023年,全镇主要预期目标是:地区生产总值增长10%,居民收入与经济增长基本同步。", 0),
    ("2023年,全镇主要预期目标是:地区生产总值增长10%,城乡居民收入保持同步增长。", 0),
    # counter-cases: doing two things at once is work, and a dated outcome without a quantity stays a milestone
    ("2023年底前,同步推进污水管网建设。", 1),
    ("2023年底前,建成全镇污水处理设施,与新区开发同步建设配套管网。", 2),
])
def test_a_figure_keeping_pace_with_another_is_no_milestone(line, milestones):
    """Round eleven (马良镇, held out): …城乡居民人均可支配收入增长与经济增长同步 closing a goals list drafted a milestone of
    the year — a relation between two figures, no deliverable anyone reports on."""
    d = _draft("某镇2023年经济工作要点\n" + line + "\n")
    assert sum(e["kind"] == "milestone" for e in d["entries"]) == milestones


@pytest.mark.parametrize("line, kept", [
    ("2023年,全区新增就业1.5万人,同比增长5%,完成年度目标的125%。", []),
    ("截至目前,已完成投资12亿元,占年度计划的85%。", []),
    ("去年以来,我区累计建成充电桩300个。", []),
    ("今年以来,全区新增市场主体1200户。", []),
    ("2023年1-11月,全区规上工业增加值增长8.5%。", []),
    # counter-cases: the plan's own years, a future 截至, a baseline and a clause that only mentions the past
    ("2024年,全区新增城镇就业1.6万人。", ["1.6万人"]),
    ("截至2024年底,全区累计建成充电桩800个。", ["800个"]),
    ("全区新增城镇就业较2023年增长5%。", ["5%"]),
    ("在去年建成300个的基础上,新建充电桩500个。", ["500个"]),
])
def test_a_sentence_reporting_results_drafts_nothing(line, kept):
    """Round twelve (looked for on small news and summary texts, where the held-out sets lost precision): a sentence
    opening with 截至目前, 去年以来, 今年以来 or a year before the plan's reports what was done — its numbers are results,
    each an exclusion saying so."""
    d = _draft("某区2024年重点民生实事工作方案\n一、工作目标\n" + line + "\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    if not kept:
        assert say("extract.reason.report", "en") in {x["reason"] for x in d["exclusions"]}


def test_links_to_other_posts_and_the_sites_footer_are_the_pages():
    """Round twelve: 上一篇:/下一篇: lines, the headlines under 相关阅读 and the site's footer (版权所有, ICP备, 联系电话) are
    other pages' or the site's — a news page's task lines above them still draft."""
    text = ("某市2024年民生实事项目出炉\n发布时间:2024-03-05 09:12 来源:某市融媒体中心\n"
            "2024年全市将实施以下民生实事。\n1.新建改建公办幼儿园12所。\n2.改造老旧小区80个。\n"
            "上一篇:某市召开2024年第1次常务会议\n下一篇:全市新增就业1.2万人 同比增长5%\n相关阅读\n"
            "全市2023年新增就业1.5万人\n版权所有:某市人民政府办公室 备案号:京ICP备12345678号-1\n联系电话:0571-12345678\n")
    d = _draft(text)
    assert [(e["line"], e["value_text"]) for e in d["entries"]] == [(4, "12所"), (5, "80个")]
    page = say("extract.reason.page", "en")
    assert {x["line"] for x in d["exclusions"] if x["reason"] == page} >= {6, 7, 9, 10, 11}


def test_an_indented_line_opens_a_paragraph_on_a_double_spaced_page():
    """Round twelve (温州's page, held out): paragraphs between blank lines, each opening with two spaces; one ends without
    final punctuation (…开展免费窝沟封闭) and is long, so it was run on into the next as a print copy's wrap — every target
    of the next paragraph drafted on the wrong line. An indent opens a paragraph; a wrap carries none."""
    lead = "  以明眸皓齿工程为例,2025年,温州市将新增自动化视力检测设备230台;新改造交互式多媒体1030套;为6.5万名适龄青少年儿童开展免费窝沟封闭"
    text = ("浙江温州公布2025年度十大民生实事项目\n\n来源:温州市委宣传部\n\n字体:\n\n" + lead + "\n\n"
            "  同时,儿童友好工程聚力建设儿童友好试点单元50个;新增公办普通高中新生学位2000个。\n\n"
            "  温州城市景观。温州市委宣传部供图\n\n  一张表决票,让民声变民生。\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == \
        [(7, "230台"), (7, "1030套"), (7, "6.5万名"), (9, "50个"), (9, "2000个")]
    # counter-case: a filled line whose next line carries no indent is still a print copy's wrap (the shipped copy's
    # layout): 到2024年 governs the target the wrap carries to the next line
    wrapped = ("某市充电基础设施建设三年行动方案(2024-2026年)\n\n一、主要目标\n\n"
               "到2024年,全市新建公共充电桩500个,新建公共停车场30个,改造提升城市道路照明设施路灯\n\n"
               "2000盏,全市新增就业5万人。\n\n二、保障措施\n\n加强组织领导。\n\n强化督查考核。\n\n加强宣传引导。\n")
    d = _draft(wrapped)
    assert {t["value_text"]: t["deadline"] for t in _targets(d)}["2000盏"] == "2024-12-31"


def test_an_indent_every_line_carries_is_the_pages_margin_not_a_paragraphs_opening():
    """Round fifteen (成都 2022 re-laid out indented): a page that sets its whole text in from the edge indents its print
    wraps too; the indent then says nothing, and a filled line's sentence carries on to the next line (到2024年 dates the
    target the wrap carries, quoted from it). Indented beyond that margin, a line opens a paragraph (温州's layout, round
    twelve) — also where the filled line is a first task's, whose number stands before the plan's text (it had been
    skipped): the target there is no longer in 到2024年's sentence and takes the period's end, on its own line."""
    lines = ["某市充电基础设施建设三年行动方案(2024-2026年)", "二、重点任务",
             "1.全市新建公共充电桩500个,新建公共停车场30个,改造提升城市道路照明设施路灯,到2024年新增",
             "2000盏,全市新增就业5万人。", "三、保障措施", "加强组织领导。", "强化督查考核。", "加强宣传引导。"]

    def lamps(indents) -> tuple:
        d = _draft("\n\n".join(ind + ln for ind, ln in zip(indents, lines, strict=True)) + "\n")
        return next((t["deadline"], t["line"]) for t in _targets(d) if t["value_text"] == "2000盏")

    for indent in ("", "\u3000\u3000", "    "):
        assert lamps([indent] * len(lines)) == ("2024-12-31", 5), repr(indent)
    assert lamps(["  ", "  ", "  ", "      ", "  ", "  ", "  ", "  "]) == ("2026-12-31", 7)


def test_a_title_and_a_headline_are_found_whatever_blank_lines_a_page_sets_between_lines():
    """Round fifteen (武汉 2022, 北京 2023, 监利 2022 re-laid out double-spaced): the head of a page — its title over two
    lines, its headline — was looked for within so many raw lines; two blank lines between a title's lines made them two
    titles (the notice above fell out of the plan, its steps undrafted), and a headline twelve raw lines down was read as
    text (its target drafted twice). Lines are counted as lines with text: a run of blank lines is one gap."""
    title = ("2022年市《政府工作报告》目标任务", "责任分解方案")
    step = "各责任单位要于2022年2月15日前,将制订的办理方案报送市人民政府督查室。"
    for gap in (1, 2, 3):
        sep = "\n" * gap
        text = sep.join(["各区人民政府,市人民政府各部门:", step, "武汉市人民政府办公厅", "2022年1月22日", *title,
                         "一、经济社会发展主要预期目标", "1.地区生产总值增长7%左右。"])
        d = _draft(text)
        assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == ["2022-02-15"], gap
        assert d["meta"]["plans"][0]["name"] == "".join(title), gap
    # counter-case: two short lines that do not end as a title together stay apart however close
    text = "某市2024年工业节能工作方案\n\n\n加强组织\n\n\n一、主要目标\n1.新建充电桩500个。\n"
    assert _draft(text)["meta"]["plans"][0]["name"] == "某市2024年工业节能工作方案"
    page = ["朔州晚报 >", "通版阅读请点击:", "展开通版", "收缩通版", "当前版:晚报版6版", "发布日期:2023年01月01日 上一版  下一版",
            "北京明年新增中小学学位2万个", "文章字数:211",
            "  新增中小学学位2万个、幼儿托位6000个……记者近日获悉,2023年北京市民生实事项目正式确定。"]
    for gap in (1, 2, 3):
        d = _draft(("\n" * gap).join(page))
        assert [t["value_text"] for t in _targets(d)] == ["2万个", "6000个"], gap


def test_a_forums_anti_copy_noise_does_not_join_its_line_to_the_next():
    """Round twelve (南郑区's forum page, held out): noise closing a line (…座椅670套。* `9 h3 s& ^7 X* b( ^) left it without
    final punctuation, so the next line was read as its wrap and its targets were drafted on the wrong line."""
    text = ("汉中市某区2024年10个民生实事项目具体如下\n一、教育基础设施提升项目\n"
            "维修改造职教中心学生宿舍楼、第一教学楼和镇中心幼儿园基础设施,总改造面积21000平方米;) L( f% s\" @ I# ]0 E+ g0 j\n"
            "为大河坎镇九年制学校、江南小学、大河坎镇中心小学购置午餐午休座椅670套。* `9 h3 s& ^7 X* b( ^\n"
            "全年改造中心城区破损路面8000平方米,更新路灯9000盏。\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == \
        [(3, "21000平方米"), (4, "670套"), (5, "8000平方米"), (5, "9000盏")]


@pytest.mark.parametrize("task, kept, reason", [
    ("新增改造城镇老旧小区不少于75个,惠及不少于10000个家庭。", ["75个"], "beneficiaries"),
    ("改造农村公路50公里,惠及群众逾3万人。", ["50公里"], "beneficiaries"),
    # counter-case: a floor on what the task itself does stays
    ("为不少于9000名初一女生提供HPV疫苗免费接种。", ["9000名"], None),
])
def test_who_benefits_after_a_floor_is_no_target(task, kept, reason):
    """Round twelve (顺德区, held out): 惠及不少于10000个家庭 — a floor between 惠及 and the count."""
    _kept_and_why(task, kept, reason, "bench district2024_shunde_minsheng line 11", "某区2024年民生实事实施方案")


@pytest.mark.parametrize("line, kept, milestones", [
    ("荆州区第七届人民代表大会第二次会议于2022年12月27日投票表决,确定区政府2023年民生实事项目为10项,分别是:", [], 0),
    ("会议于2024年1月5日召开,审议通过了2024年十大民生实事项目。", [], 0),
    # counter-cases: a day that dates work stays a step, a count of work not followed by its list stays a target
    ("2023年12月27日前完成全部民生实事项目验收。", [], 1),
    ("确定2023年改造老旧小区10个。", ["10个"], 0),
])
def test_a_meetings_day_and_a_lists_count_before_its_items_draft_nothing(line, kept, milestones):
    """Round twelve (荆州区's announcement, held out): 于2022年12月27日投票表决 drafted a milestone (the day a congress voted)
    and …项目为10项,分别是: a target (the count of the list named after it)."""
    d = _draft("某区2023年民生实事项目公告\n" + line + "\n一、新民社区建设项目;\n二、老旧小区改造项目。\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    assert sum(e["kind"] == "milestone" for e in d["entries"]) == milestones


@pytest.mark.parametrize("task, want", [
    ("1.到2027年,每万名就业人员中研发人员达到209人年以上。", [("209人年", "人年", ">=")]),
    ("1.到2027年,科技进步综合评价跃居全省前40位。", [("40位", "位", "<=")]),
    # counter-cases: a count of people and a count of places stay counts
    ("1.到2027年,引进研发人员209人。", [("209人", "人", "=")]),
    ("1.到2027年,新增市级科技特派员40位。", [("40位", "位", "=")]),
])
def test_researcher_years_and_ranks(task, want):
    """Round twelve (洞头区, held out): 209人年 was read as 209人; 跃居全省前40位 took =, not a rank's <=."""
    d = _draft(_city(task, title="某区科技创新实施方案(2023-2027年)"))
    assert [(t["value_text"], t["unit"], t["comparator"]) for t in _targets(d)] == want


# ---- round thirteen: the same document laid out as another page would lay it out ----

_DOCS = ROOT / "bench" / "documents"
# Documents a re-layout still changes (looked at, left for a later round). Round fifteen closed the six rounds
# thirteen and fourteen left: a title's two lines or a headline counted in lines with text (a blank run is one gap), a
# unit cell's second line on a spaced page, a uniform indent read as the page's margin.
# (南漳镇 2023's numbers apart, left open in round twenty-five — which figure a trailing date completes — closed in round
# twenty-nine: the figure was the project's total investment, no target, and the date now completes the step alone)
# 石家庄's news report (round thirty's held-out set) with its items' numbers on lines of their own loses three of its
# targets (100条 among them) — not yet looked at.
# 黄石港's 分解意见 (round thirty-one's set) with its items' numbers on lines of their own reads its units one item late —
# not yet looked at.
_RELAYOUT_OPEN: set[tuple[str, str]] = {("numbers-apart", "city2022_shijiazhuang_shishi"),
                                        # (崇川's 城管局 progress table, round one-hundred-and-one's set: its row numbers
                                        # 57. 58. set apart, the row's 牵头单位 cell is no longer read — not yet looked at)
                                        ("numbers-apart", "district2024_chongchuan_chengguan"),
                                        ("numbers-apart", "district2025_huangshigang_fenjie"),
                                        # (石家庄's 抽查 table, round fifty-seven's set: its numbers set apart, the table's
                                        # one-cell rows lose the 2023年9月30日前 steps — not yet looked at)
                                        ("numbers-apart", "dept2023_shijiazhuang_choucha"),
                                        # (庆元's 农业普查 notice, round sixty-six's set: its 2017年1月至5月 stage, its numbers
                                        # set apart, is read as no span — not yet looked at)
                                        # (spaced, it reads the same since the twelfth session: its post time is the page's)
                                        ("numbers-apart", "county2016_qingyuan_nongpu"),
                                        # (南昌县's 民生实事 list, round eighty-eight's set: a group's number set apart from its
                                        # run-in heading dates or drafts a figure otherwise — not yet looked at; 龙游's goals,
                                        # round eighty-one's, read the same since the eleventh session, as do 卧龙's and 周村's)
                                        ("numbers-apart", "county2024_nanchangxian_minsheng"),
                                        # (鄂尔多斯's 综保区 plan, round hundred-and-twenty-sixth's set: 一、 set apart from
                                        # 工作思路与目标, the goals sentences' class clauses (进入全国B类…) are read as wishes
                                        # after their figures — not yet looked at)
                                        ("numbers-apart", "city2025_ordos_zongbaoqu"),
                                        # (咸宁's 国资 news, round hundred-and-fourteenth's set: its headline has a comma and
                                        # no stop (“十四五”期间,市属国有企业资产力争破千亿); set a blank line apart it is read
                                        # as running on into the first sentence, which then drafts a step of its own)
                                        ("double-spaced", "dept2022_xianning_guozi"),
                                        ("triple-spaced", "dept2022_xianning_guozi"),
                                        ("indented-spaced", "dept2022_xianning_guozi")}


def _relaid(text: str, how: str) -> str:
    lines = text.split("\n")
    if how == "double-spaced":  # a blank line after every line (a page that sets paragraphs apart, twice over
        return "\n\n".join(lines)  # where it already did)
    if how == "triple-spaced":  # two blank lines after every line
        return "\n\n\n".join(lines)
    if how == "indented-spaced":  # an ASCII indent and a blank line after every line
        return "\n\n".join("    " + ln if ln.strip() else ln for ln in lines)
    if how == "half-width":  # every full-width character folded (，：（）→ ,:(), ２０２４ → 2024), as a copy pasted through NFKC
        # — but a circled number (①2月上旬前, 开化) kept: NFKC folds it to a bare 1 glued to the month (12月上旬前), a text
        # that says December, which no re-layout may do
        return "".join(ch if 0x2460 <= ord(ch) <= 0x24FF or 0x3251 <= ord(ch) <= 0x32BF
                       else unicodedata.normalize("NFKC", ch) for ch in text)
    if how == "spaced-numbers":  # a space between every number and the Chinese beside it (2024 年, 到 2027 年, 完成 90%):
        # a copy out of a PDF or a word processor (湛江, round eighteen); a row's number opening its line keeps its cell
        return re.sub(r"(?<=\d)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=\d)", " ", text)
    if how == "crlf":  # a Windows copy
        return "\r\n".join(lines)
    if how == "trailing-spaces":  # spaces left at each line's end
        return "\n".join(ln + "  " if ln.strip() else ln for ln in lines)
    if how == "numbers-apart":  # every heading's and task's number on a line of its own (一、 / 主要目标, 1. / 新建…)
        out = []
        for ln in lines:
            m = re.match(r"^(\s*)([一二三四五六七八九十]+、|\d{1,3}[.．、](?!\d)|[(（][一二三四五六七八九十]+[)）])(\S.*)$", ln)
            out += [m.group(1) + m.group(2), m.group(1) + m.group(3)] if m else [ln]
        return "\n".join(out)
    return "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in lines)  # indented


def _entry_keys(draft: dict) -> list[tuple]:
    return sorted(_entry_keys_unsorted(draft))


def _development(p: Path) -> bool:
    """A development document: a held-out text is not drafted before its one measurement."""
    want = p.with_name(p.stem + ".expected.yaml")
    return not (want.exists() and "held_out: true" in want.read_text(encoding="utf-8"))


@pytest.mark.parametrize("how", ["double-spaced", "triple-spaced", "indented", "indented-spaced", "crlf",
                                 "trailing-spaces", "numbers-apart", "half-width", "spaced-numbers"])
@pytest.mark.parametrize("name", sorted(p.stem for p in _DOCS.glob("*.txt") if _development(p)))
def test_a_relaid_document_drafts_the_same_entries_on_their_lines(name, how, request):
    """Every development document re-laid out (one or two blank lines after every line; every line indented, with or
    without blank lines; CRLF line ends; spaces at line ends; every heading's and task's number on a line of its own; every full-width
    character folded)
    drafts the same entries — values, units, comparators, deadlines, leads — and each target's line still holds its
    value."""
    text = (_DOCS / f"{name}.txt").read_text(encoding="utf-8")
    try:
        base = extract(text, source_name=f"{name}.txt")
    except ExtractError:
        pytest.skip("refused for want of a period, as laid out")
    # (a table without 序号 whose labels stand one a paragraph, 主要工作任务 / 牵头单位 / 责任单位 — 沈河 — is a table too)
    if how == "numbers-apart" and (find_tables(text) or re.search(r"(?m)^\s*(?:序号|(?:牵头|责任)单位\s*$)", text)):
        pytest.skip("a table's cells are no headings: its group rows stay as its rows are (the table tests re-lay tables)")
    if (how, name) in _RELAYOUT_OPEN:  # still checked: once one reads the same, strict xfail says to drop it here
        request.applymarker(pytest.mark.xfail(
            strict=True, reason="a re-layout still changes this document's draft (left open, docs/extract.md)"))
    relaid = _relaid(text, how)
    got = extract(relaid, source_name=f"{name}.txt")
    assert _entry_keys(got) == _entry_keys(base)
    lines = relaid.split("\n")
    for e in got["entries"]:
        if e["kind"] == "target":
            assert compact(str(e["value_text"])) in compact(lines[e["line"] - 1]), e


def _table_documents() -> list[str]:
    return sorted(p.stem for p in _DOCS.glob("*.txt") if _development(p) and find_tables(p.read_text(encoding="utf-8")))


# Tables a re-flattening still changes (left open, docs/extract.md): 海安 (round fifteen's held-out set, a development
# document since 78ebb79) flattened with two spaces between cells loses its support units — names a space separates
# inside a cell read as cells (the Limits say so).
# 鄞州 (round eighteen's held-out set) merged: a table with a 牵头单位 and a 配合单位 column whose row is a cell short
# (区财政局 written once over rows 1-5) reads the lone unit cell left as the row's lead — the same text a page writes
# for a row whose 配合单位 cell is empty (an empty cell leaves no paragraph), so which cell is missing is not in the text.
# 淮北 2021 (round nineteen's held-out set) flattened with spaces: a heading without 序号 (年度目标任务  责任部门  进度安排
# 完成情况) whose rows carry their number inside the task cell (75. 以…) — cells set apart by spaces are read only under 序号
# (the Limits say so); bars, tabs, Markdown, cell lines and paragraphs read it.
# 新昌 2021 (round twenty-two's held-out set), a table without 序号 whose rows differ in width (the 项目名称 cell merged
# over its tasks' rows, a task shared by two units split into a row of only its time and unit): between bars or tabs each
# line is a row; set apart by spaces (read only under 序号, as 淮北's) or one cell a line or paragraph, nothing says where
# a row ends but what each cell holds — the Limits say so (rows of the heading's width).
_TABLE_OPEN = {("spaces", "dept2023_haian_minzheng"), ("bars-merged", "district2024_yinzhou_fenjie"),
               ("paragraphs-merged", "district2024_yinzhou_fenjie"), ("spaces", "dept2021_huaibei_jiaotong")} | {
    (form, "county2021_xinchang_shishi") for form in ("spaces", "cell-lines", "paragraphs", "spaced-paragraphs",
                                                      "paragraphs-merged")} | {
    # round twenty-three's held-out set (development documents since a4c542f), round twenty-eight: 杨凌's target
    # assessment (时限 | 类别 | 工作任务 | 目标及质量要求 | 备注, the time and 类别 cells merged over each quarter's rows) set
    # apart by spaces has no 序号 to open its heading (read only under 序号, as 淮北's: the Limits); one cell a paragraph,
    # its merged rows are two or three cells and the empty 备注 leaves none, so nothing but what each cell holds says where
    # a row ends (as 新昌's) — between bars, tabs, in Markdown and one cell a line (its empty cells marked) it reads the
    # same. (西兴街道's table reads the same in every form since its numbered sub-rows under merged cells are read, 绥宁's
    # merged forms since a lone unit cell is matched to the 责任单位 above.)
    (form, "zone2021_yangling_mubiao") for form in ("spaces", "paragraphs", "spaced-paragraphs", "paragraphs-merged")}
# (round twenty-four's set, development documents since 1f2cdaf: 怀远's progress table reads the same in every form since
# the re-layout splits its rows 6, 52, 53 of the county's list as extract does — a higher number after a row with all its
# cells — and its 股 are units; it had re-laid the whole table on one line)
_TABLE_OPEN |= {
    # Target tables between bars, their heading naming years (2025年, 2023年目标), are re-laid since the twenty-eighth
    # round's 龙湾 rules (the re-layout had taken a year for no label, so 嘉善's and 龙湾's tables were never re-laid).
    # 龙湾 (类别 | 序号 | 指标名称 | 单位 | 2025年): set apart by spaces its heading opens with 类别, not 序号 (spaces are read
    # only under 序号, as 淮北's: the Limits); one cell a line, the group's name (健康水平 指标) stands between a row's last
    # cell and the next row's number and is read as the row's — the 类别 column before 序号 is read between bars, tabs
    # and in Markdown only (not yet done one cell a line; one cell a paragraph reads the same).
    ("spaces", "district2022_longwan_weijian"), ("cell-lines", "district2022_longwan_weijian")} | {
    # 嘉善's 指标 | 嘉善现值 | 2023年目标 | 2025年目标 | 2027年目标 | 责任单位 re-laid one cell a line or a paragraph: not yet
    # looked at (first re-laid in the twenty-eighth round; set apart by spaces it reads the same since round sixty-five's rules)
    (form, "county2023_jiashan_mubiao") for form in ("cell-lines", "paragraphs", "spaced-paragraphs", "paragraphs-merged")}
# (round twenty-five's tables, development documents since 5f31f0c) 肇庆's 大类 | 序号 | 工作任务 | … set apart by spaces: its
# heading opens with 大类, not 序号 (spaces are read only under 序号, as 淮北's and 龙湾's: the Limits); every other form
# reads the same since 大类 names the group column. 维智's table (指  标 | 2020年 | 2025年 | 属性) is not re-laid: the helper
# finds no heading without 序号 or a unit or time column.
_TABLE_OPEN |= {("spaces", "city2020_zhaoqing_minsheng")}
# (round twenty-eight's set, development documents since its measurement) 沅江's target table (序号 | 指标 | 单位 | 基期值 |
# 2025年 | 2027年 | 牵头单位, one cell a line) re-laid a row a line: a cell its two year columns share (每年提升2%左右或不低于
# 全省平均水平 under 2025年 and 2027年) and the rows after it read otherwise — not yet looked at (first re-laid in the
# twenty-ninth round).
_TABLE_OPEN |= {(form, "city2025_yuanjiang_shouming")
                for form in ("bars", "tabs", "markdown", "spaces", "bars-merged", "paragraphs-merged")}
# (round twenty-nine's set, development documents since its measurement) 芜湖's table numbers its rows (1), (2) under group
# rows (一、主要预期目标 | |||), read since the twenty-ninth round; as a Markdown table the first row after the rule loses
# its units — not yet looked at. 广州's 任务分工表 (its 牵头单位 and 配合单位 cells merged over several tasks) re-laid with
# merged cells leads by 医联体牵头医院, a hospital named in the task's text — not yet looked at.
_TABLE_OPEN |= {("bars-merged", "dept2023_guangzhou_jiayi"), ("paragraphs-merged", "dept2023_guangzhou_jiayi")}
# (芜湖 as a Markdown table reads the same since a Markdown table's one-cell group rows are read as group rows — the session
# of 2026-12-07, 松江's 能源 projects)
# (round thirty's set, development documents since its measurement) 繁昌's table (序号 | 重点工作 | 牵头区领导 | 牵头单位 |
# 责任单位 | 责任人 | 完成时限, its opening cut after row 1) re-laid one cell a line or merged: the notice's 共8项指标、138项重点工作
# is drafted on the title's line (the line contract broken in those forms only) — not yet looked at.
_TABLE_OPEN |= {("cell-lines", "district2023_fanchang_zhongdian"), ("paragraphs-merged", "district2023_fanchang_zhongdian")}
# Round thirty-six's set (development documents since fa6dd9d): 静安's task list, one cell a line, has a category column
# (任务类型) whose cells stand between the rows, not in them (行动二：…, 旧住房更新改造), and a 推进单位 cell merged down; re-laid
# a row a line, the category cells become rows of one cell among the numbered rows, which the row readers of those forms
# do not set apart — not yet looked at.
_TABLE_OPEN |= {(form, "district2023_jingan_gengxin") for form in ("bars", "tabs", "markdown", "spaces", "cell-lines",
                                                                     "bars-merged")}
# Round thirty-seven's set (development documents since 49b29c2): 黄浦's annex inventory (序号 | 设施类型 | 数量 | 现运维单位 |
# 现管理单位, one cell a line, 序号 and 设施类型 merged over sub-rows: 1 | 公共雨水… | 排水设施 430.549公里 … | 初期雨水调蓄池
# 1座) re-laid one cell a paragraph with blank lines between loses its sub-row 初期雨水调蓄池 | 1座 — not yet looked at (the
# inventory's figures are existing facilities, no targets, in every form).
_TABLE_OPEN |= {("spaced-paragraphs", "district2025_huangpu_paishui")}
# Round forty's set (development documents since a24725d): 嘉定's 2024 annex 任务量统计表 (序号 | 街镇 | 件数 | 面积 | 三年任务量 |
# 重点地块 | 2024年 | 2025年 | 2026年, one cell a line, its measure only in the heading's 单位：亩, and a heading cell the record
# breaks inside: "2024-2026" / "年任务量") re-laid a row a line reads its heading's 总面积1.06万亩 and the year cells as
# figures of their own where one cell a line drafts the body's — not yet looked at (the body's 1900/2200/1700亩 are the
# plan's targets in every form).
_TABLE_OPEN |= {(form, "district2024_jiading_weifayongdi") for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
# Rounds forty and forty-one (development documents since a24725d and 3072431): 静安's 2025 and 2026 安排 (序号 | 重点任务 |
# 具体工作 | 时间进度 | 责任部门, its group rows 一 / 推进碳达峰碳中和综合管理 standing between the numbered rows, one cell a line)
# and 嘉定's 重大工程 plan (its group cells 正式项目（67个）/ 一 / 市政设施类（5个） between the heading and the rows) — as 静安's
# 城市更新 list above: re-laid a row a line, the group cells join the heading row or the row before them (序号 | … | 责任部门 |
# 一 | 推进碳达峰碳中和综合管理 |), the heading is read with the wrong columns and the rows' units never reach the body's
# tasks they restate — not yet looked at (one cell a line, as the documents are, reads them).
# (Round forty-two's 嘉定 2025 重大工程 plan, a development document since 48d2bc1, likewise: 一 / 市政设施类（13个） join its heading.)
# 静安's 2025 垃圾分类 plan (round forty-two): its 任务内容 cell holds numbered items one a paragraph (1. … / 2. …) —
# re-laid a row a line, the items after the first stand as rows of one cell whose units the row above has; not yet
# looked at.
_TABLE_OPEN |= {(form, "dept2025_jingan_lajifenlei") for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
# Round forty-three's set (development documents since 07b9fe8): 虹口's 2018 任务清单 sets its 类别 column one character a line
# (分 / 类 / 投 / 放) beside rows whose 节点 and 指标数 cells go by year, and 静安's 2024 plan has three indicator annexes
# (year columns, 小计 rows, a national plan's figures quoted) besides its task list — re-laid, their rows read otherwise;
# not yet looked at.
_TABLE_OPEN |= {(form, "district2018_hongkou_quanchengfenlei") for form in ("bars", "tabs", "markdown", "spaces", "cell-lines",
                                                                          "bars-merged")}
_TABLE_OPEN |= {(form, "dept2024_jingan_quanchengfenlei") for form in ("bars", "tabs", "markdown", "spaces", "cell-lines",
                                                                     "spaced-paragraphs", "bars-merged", "paragraphs-merged")}
_TABLE_OPEN |= {(form, name) for name in ("dept2025_jingan_tanfeng", "dept2026_jingan_tanfeng", "district2026_jiading_zhongda",
                                          "district2025_jiading_zhongda")
                for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
_TABLE_OPEN |= {("cell-lines", "dept2025_jingan_tanfeng"), ("cell-lines", "district2026_jiading_zhongda")}
# Round forty-four's set (development documents since 66d3a01): 田家庵's 2025 清单 (序号 | 重点任务 | 任务及要求内容 | 责任科室 |
# 完成时限, one cell a paragraph without marks) opens its rows with 总体要求, a group cell standing where the 序号 is, so the
# paragraph reading finds no row and drafts nothing; re-laid a row a line, the row is read (its 11月30日前 step, as its
# annotator has it, though with no lead: 体改科, a 科, is not read as a unit) — not yet looked at.
_TABLE_OPEN |= {(form, "dept2025_tianjiaan_jiceng") for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
# Round fifty-three's set (development documents since f327b58): 大渡口's 无废城市 indicator table (序号 | 一级指标 | 二级指标 |
# 三级指标 | 2020年目标, one cell a line, its 一级 and 二级 cells merged down over the rows of their group, so rows run from
# five cells to three) is read in no form — one cell a line drafts one of its 21 figures, re-laid a row a line others — not
# yet looked at.
_TABLE_OPEN |= {(form, "district2020_dadukou_wufei") for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
# Rounds fifty-six and fifty-seven's sets (development documents since 45acf85), re-laid, draft otherwise — not yet looked
# at: 苏州's 设备更新 annex (序号 | 任务 | 目标 | 责任单位, its unit cells merged down over rows); 宜宾's and 偃师's
# inspection and fund tables (one cell a line, a time or unit cell on a line of its own, merged cells).
_TABLE_OPEN |= {(form, "city2024_suzhou_gengxin") for form in ("tabs", "spaces", "cell-lines", "paragraphs",
                                                                "spaced-paragraphs", "paragraphs-merged")}
_TABLE_OPEN |= {(form, "dept2023_yibin_choucha") for form in ("bars", "markdown", "cell-lines", "bars-merged")}
_TABLE_OPEN |= {(form, "district2022_yanshi_xianjie") for form in ("bars-merged", "paragraphs-merged")}
# (宁国's 赛事活动 calendar, round sixty-four's set: as laid out, one cell a line each ending in a bar, it drafts none of its
# eighteen monthly events; re-laid as a table it drafts them — the layout as stored is not yet read)
_TABLE_OPEN |= {(form, "city2021_ningguo_saishi") for form in ("bars", "tabs", "markdown", "spaces", "bars-merged")}
# (酉阳's 精神卫生 indicators, round seventy-seven's set: as laid out, one cell a line each ending in a bar under
# 序号 / 分类 / 指标名称 / 2022年 / 2025年 and cut inside its third row, it drafts none of its 2025 figures; re-laid as a
# table a row whose 分类 cell is merged drafts one — the layout as stored is not yet read, as 宁国's)
_TABLE_OPEN |= {(form, "county2024_youyang_jingshenweisheng") for form in ("bars", "tabs", "markdown", "spaces",
                                                                              "spaced-paragraphs", "bars-merged")}
# (rounds hundred-and-thirty-ninth to hundred-and-forty-sixth's sets, development documents since the twelfth session:
# 云浮's 办实事 table cut in its sixth row, 奉贤's 农村公路 duties annex one cell a line, 平潭's 自建房 duty table and its
# 一老一小 indicator tables — re-flattened, each drafts otherwise; not yet looked at, docs/extract.md "Forty-second round")
_TABLE_OPEN |= {(form, "dept2021_yunfu_banshishi") for form in ("cell-lines", "paragraphs", "spaced-paragraphs",
                                                                  "paragraphs-merged")}
_TABLE_OPEN |= {(form, "district2021_fengxian_nongcungonglu") for form in ("bars", "tabs", "markdown", "spaces", "cell-lines",
                                                                            "spaced-paragraphs", "bars-merged",
                                                                            "paragraphs-merged")}
_TABLE_OPEN |= {(form, "zone2022_pingtan_zijianfang") for form in ("tabs", "spaces", "paragraphs", "spaced-paragraphs",
                                                                     "paragraphs-merged")}
_TABLE_OPEN |= {(form, "zone2023_pingtan_yilaoyixiao") for form in ("tabs", "spaces")}
# (君山's 任务清单, the thirteenth session: one cell a paragraph, a row's sub-rows each closing on its own time cell are a step
# each; re-laid a row a line, the sub-rows split the same but the line drafts one step, its last sub-row's — not yet read)
_TABLE_OPEN |= {(form, "town2022_pingtanjunshan_xiaofangpaicha") for form in ("bars", "tabs", "markdown", "spaces",
                                                                               "bars-merged")}
# (平潭's 2018 政务公开 task table, round hundred-and-forty-ninth's set: many rows leave the 牵头单位 cell empty — re-laid one
# cell a paragraph or two spaces apart, the empty cell is no cell and the heading's unit label reads as a lead; not yet read)
_TABLE_OPEN |= {(form, "zone2018_pingtan_zhengwugongkai") for form in ("spaces", "cell-lines", "paragraphs", "spaced-paragraphs",
                                                                        "paragraphs-merged")}
# (rounds hundred-and-fifty-second to hundred-and-fifty-fifth's sets: 平潭's 2018 餐饮监管 annex table, its cells merged over rows
# and 区局 分局 written two paragraphs a cell, and its 2020 塑料污染 annex with its 责任单位 merged down — re-flattened, each
# drafts otherwise; not yet looked at)
_TABLE_OPEN |= {(form, "dept2018_pingtan_canyinjianguan") for form in ("spaces", "cell-lines", "paragraphs",
                                                                        "spaced-paragraphs", "paragraphs-merged")}
_TABLE_OPEN |= {(form, "dept2020_pingtan_suliao") for form in ("paragraphs", "spaced-paragraphs", "paragraphs-merged")}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", _table_documents())
def test_a_table_flattened_another_way_drafts_the_same_entries(name, form, request):
    """Round fifteen: every development document's table written as another page flattens it — a row a line with its
    cells between bars, tabs, two spaces or as a Markdown table (|---| under its heading); one cell a line ending in
    " |"; one cell a paragraph, with or without blank lines between — drafts the same entries with the same lead and
    support units, each target on a line that holds its value. Merged cells (a row a cell short) stay merged."""
    if (form, name) in _TABLE_OPEN:  # still checked: once it reads the same, strict xfail says to drop it here
        request.applymarker(pytest.mark.xfail(strict=True, reason="a re-flattening still changes this table's draft"))
    text = (_DOCS / f"{name}.txt").read_text(encoding="utf-8")
    relaid = relaid_tables(text, form)
    if relaid is None:
        pytest.skip("the document's table is already in this form")
    # (a page with no year on it, 西湖区: the period a reviewer passes, as annotated)
    ann = yaml.safe_load((_DOCS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    try:
        period = None
        base = extract(text, source_name=f"{name}.txt")
    except ExtractError:
        period = parse_period(f"{ann['period']['start']}:{ann['period']['end']}")
        base = extract(text, source_name=f"{name}.txt", period=period)
    got = extract(relaid, source_name=f"{name}.txt", period=period)

    def keys(d: dict) -> list[tuple]:
        return sorted((*k, tuple(e["support"])) for k, e in zip(_entry_keys_unsorted(d), d["entries"], strict=True))

    assert keys(got) == keys(base)
    lines = relaid.split("\n")
    for e in got["entries"]:
        if e["kind"] == "target":
            assert compact(str(e["value_text"])) in compact(lines[e["line"] - 1]), e


def _entry_keys_unsorted(draft: dict) -> list[tuple]:
    return [(e["kind"], compact(str(e["value_text"] if e["kind"] == "target" else e["deadline_text"])),
             # (a lead as its page writes it: a half-width copy writes 区建管委(区水务局) where the page has （）, the same unit)
             e["unit"] or "", e["comparator"] or "", e["deadline"] or "", tuple(compact(u) for u in e["lead"] or ()))
            for e in draft["entries"]]


def test_a_list_page_whose_lines_carry_no_final_punctuation_keeps_a_long_item_on_its_line():
    """Round thirteen (长宁's page, measured): every piece of work on its own line between blank lines, none with final
    punctuation; one item is longer than a filled line (…微旅行等特色活动) and the next was read as its print wrap — the
    next line's target drafted on the line before and five quotes spanning two lines. A page that sets its lines down
    without punctuation as its style has no wraps to find."""
    items = ["新增100张困难重残养护床位", "完成300户居家环境适老化改造", "新增5家老年人助餐点", "新增10家家门口养老服务站",
             "新增400个公共充电桩", "新建2家示范性社区康复中心", "新建改建10个市民益智健身苑点",
             "完成500户残疾人家庭无障碍设施改造",
             "推出不少于200场公益性文艺演出、400场阅读推广活动、1000场社区公益电影放映服务以及1000场艺术导赏等特色活动",
             "市、区两级配送文艺指导不少于1800课时", "开办26个小学生爱心暑托班", "交付既有多层住宅加装电梯200台以上"]
    text = "2024年某区政府为民办实事项目\n\n\n" + "\n\n".join(items) + "\n"
    d = _draft(text)
    lines = text.split("\n")
    got = [(t["line"], t["value_text"]) for t in _targets(d)]
    assert (lines.index(items[9]) + 1, "1800课时") in got
    for t in _targets(d):
        assert t["value_text"] in lines[t["line"] - 1] and t["quote"] in lines[t["line"] - 1]
    # counter-case: a print copy (its unpunctuated lines filled ones) still carries a sentence over its wrap
    wrapped = ("某市充电基础设施建设三年行动方案(2024-2026年)\n\n一、主要目标\n\n"
               "到2024年,全市新建公共充电桩500个,新建公共停车场30个,改造提升城市道路照明设施路灯\n\n"
               "2000盏,全市新增就业5万人。\n\n二、保障措施\n\n加强组织领导。\n\n强化督查考核。\n\n加强宣传引导。\n")
    assert {t["value_text"]: t["deadline"] for t in _targets(_draft(wrapped))}["2000盏"] == "2024-12-31"


@pytest.mark.parametrize("cell, lead, support", [
    ("▲发改局,各部门,各镇乡(街道)", ["发改局"], ["各部门", "各镇乡(街道)"]),  # 诸暨's 责任清单 (round thirteen)
    ("▲税务局,▲财政局,各镇乡(街道)", ["税务局", "财政局"], ["各镇乡(街道)"]),  # two marked: both lead
    ("发改局,各部门,各镇乡(街道)", ["发改局", "各部门", "各镇乡(街道)"], []),  # no mark: every unit named leads, as before
])
def test_a_unit_marked_with_a_triangle_leads_the_units_named_with_it(cell, lead, support):
    """浙江's lists set ▲ before the 牵头单位 in a shared 责任单位 cell; the draft had read '▲发改局' and every unit after
    it as the lead (诸暨, round thirteen, lead 0/6)."""
    text = ("2023年《政府工作报告》主要目标任务分解清单\n\n序号\n\n主要工作\n\n责任单位\n\n1\n\n生产总值增长7.5%左右\n\n"
            f"{cell}\n\n2\n\n研发投入强度2.85%以上\n\n▲科技局,各镇乡(街道)\n")
    t = _targets(_draft(text))
    assert (t[0]["lead"], t[0]["support"]) == (lead, support)
    assert (t[1]["lead"], t[1]["support"]) == (["科技局"], ["各镇乡(街道)"])


def test_a_triangle_marks_the_lead_in_a_tasks_parenthetical_too():
    d = _draft(_city("1.新建充电桩500个。(▲市发改委、市住建局负责)\n2.改造老旧小区30个。(市住建局、市财政局负责)"))
    t = _targets(d)
    assert (t[0]["lead"], t[0]["support"]) == (["市发改委"], ["市住建局"])
    assert t[1]["lead"] == ["市住建局", "市财政局"]


def test_a_span_glued_to_a_rate_names_the_rate_and_dates_nothing():
    """浙江's 工作要点 (round thirteen, measured): 总体癌症五年生存率达47% — 五年 was read as year five of the plan, and every
    target after it in the paragraph was dated 2027 in a plan of 2023."""
    text = ("2023年全省卫生健康工作要点\n一、主要目标指标\n"
            "居民健康素养水平达39%以上,总体癌症五年生存率达47%,培育健康浙江行动省级样板50个。\n")
    assert {t["value_text"]: t["deadline"] for t in _targets(_draft(text))} == \
        {"39%": "2023-12-31", "47%": "2023-12-31", "50个": "2023-12-31"}
    # counter-case: a span that is a time (五年内, 三年后) still dates what follows it
    later = _draft("某市五年行动方案(2023-2027年)\n一、主要目标\n五年内覆盖率达到90%,新建公园30个。\n")
    assert {t["value_text"]: t["deadline"] for t in _targets(later)}["90%"] == "2027-12-31"


@pytest.mark.parametrize("sentence, value, unit, comparator", [
    ("人均预期寿命达82.4岁。", "82.4岁", "岁", "="),  # 浙江's 工作要点 (round thirteen)
    ("城乡居民免费健康体检人数达1000万以上。", "1000万", "人", ">="),  # the count's metric says it counts people
])
def test_a_life_expectancy_and_a_count_of_people_with_no_measure_word_are_targets(sentence, value, unit, comparator):
    t = _targets(_draft(f"2023年全省卫生健康工作要点\n一、主要目标指标\n{sentence}\n"))
    assert [(x["value_text"], x["unit"], x["comparator"]) for x in t] == [(value, unit, comparator)]


@pytest.mark.parametrize("sentence", [
    "助餐补贴对象范围扩大至65周岁及以上老年人。",  # 即墨's list (round thirteen): 65周 had been drafted as 65 weeks
    "为35岁以下青年提供见习岗位补贴。",  # an age that says who is eligible
    "对80岁以上老年人发放高龄津贴。",
])
def test_an_age_that_says_who_is_eligible_is_no_target(sentence):
    assert _targets(_draft(f"2024年某区十件民生实事\n一、关心关怀特殊群体\n{sentence}\n")) == []


def test_weeks_are_still_a_span():
    d = _draft("2024年某区十件民生实事\n一、关心关怀特殊群体\n开办爱心暑托班3周,新建养老服务站79处。\n")
    assert "79处" in [t["value_text"] for t in _targets(d)]
    assert any("3周" in x["text"] for x in d["exclusions"]) or "3周" in [t["value_text"] for t in _targets(d)]


def test_a_lead_that_previews_the_list_with_an_ellipsis_leaves_the_entries_to_the_items():
    """即墨 and 朝阳 (round thirteen, measured): a news lead previews some items (…整治提升17处老旧住宅小区、新建79处…养老服务站……)
    then states each again in its own item. The item is the entry (its own line, its group); the preview is an exclusion
    naming it. Before, the item was dropped as restating the lead, or both were drafted."""
    text = ("2月6日,某区2024十件民生实事发布。2024年,某区将实施营流路南通等4条市政道路贯通工程,整治提升17处老旧住宅小区、"
            "新建79处社区(村)养老服务站,建成双桥东路等10条主次支路……\n"
            "一、完善交通路网体系\n实施营流路南通等4条市政道路贯通工程,改造11处公交车站,提高城市通行水平。\n"
            "二、改善居民生活环境\n整治提升17处老旧住宅小区,改善市民居住环境质量。\n"
            "三、关心关怀特殊群体\n新建79处社区(村)养老服务站,提高助餐服务水平。\n")
    d = _draft(text)
    got = sorted((t["line"], t["value_text"]) for t in _targets(d))
    assert got == [(1, "10条"), (3, "11处"), (3, "4条"), (5, "17处"), (7, "79处")]  # 10条: stated nowhere else, it stays
    said = {x["text"]: x["reason"] for x in d["exclusions"] if x["line"] == 1}
    assert any("17处" in k and "line 5" in v for k, v in said.items())
    # counter-case: a goals line stated in full (no ……) keeps its entries; a later line holding only one of them is the
    # restatement (round eleven's rule, unchanged)
    full = ("某区2024年重点工作目标\n一、主要目标\n全年新建养老服务站79处,改造老旧小区17处。\n二、重点任务\n"
            "(一)关心关怀特殊群体\n全年新建养老服务站79处。\n")
    assert sorted((t["line"], t["value_text"]) for t in _targets(_draft(full))) == [(3, "17处"), (3, "79处")]
    # counter-case: a goals list quoted in the body and cut with …… is a list of its own, not the text's lead (bench/sentences
    # line 11: …粮食产量保持在1.3万亿斤以上……, its 1.3万亿斤 quoted again by another report three lines on)
    body = ("某区2024年重点工作目标\n一、主要目标\n全年新建养老服务站79处。\n"
            "报告提出今年的主要预期目标是:城镇新增就业1200人左右;粮食产量保持在1.3万亿斤以上……\n"
            "另一份报告提出主要预期目标,包括粮食产量1.3万亿斤以上;城镇新增就业1200人左右等。\n")
    assert (4, "1.3万亿斤") in [(t["line"], t["value_text"]) for t in _targets(_draft(body))]


@pytest.mark.parametrize("sentence, milestones", [
    # 宝安 (round thirteen): the purpose and the field of the next clause drafted two milestones dated 2023
    ("2023年,宝安区为加强安居宜居保障,将建设筹集保障性住房2.4万套(间)以上;在完善社区养老服务方面,宝安区将新建长者服务站点6家以上。",
     []),
    # 洞头 (round twelve): where the figure before it stands
    ("到2023年底,研发经费支出占地区生产总值比重3.4%以上,达到全市前列。", []),
    # counter-cases: a step of work after the year, whom the work is for, a standing that is the goal itself
    ("2023年,宝安区将建成全民健身中心,新建长者服务站点6家以上。", ["宝安区将建成全民健身中心"]),
    ("到2023年底,为老年人提供上门助浴服务,新建长者服务站点6家以上。", ["为老年人提供上门助浴服务"]),
    ("到2023年底,全区科技创新能力达到全市前列。", ["全区科技创新能力全市前列"]),
])
def test_a_clause_saying_what_the_next_is_for_or_where_a_figure_stands_is_no_milestone(sentence, milestones):
    d = _draft(f"据悉,深圳市宝安区2023年度民生实事如下。\n{sentence}\n")
    assert [e["metric"] for e in d["entries"] if e["kind"] == "milestone"] == milestones


@pytest.mark.parametrize("sentence, kept", [
    # 长宁 and 宝安 (round thirteen): the issuer named between the count and the list it sizes
    ("237名人大代表进行无记名投票,票决出17项长宁区人民政府2024年为民办实事项目。", []),
    ("深圳市宝安区七届人大三次会议闭幕,票决产生了10项宝安区2023年度民生实事。", []),
    # counter-cases: a count of work a plan commits to, with a verb of doing, stays
    ("全力办好10件民生实事,新建养老服务站12个。", ["10件", "12个"]),
    ("新增政务服务事项100项。", ["100项"]),
])
def test_a_lists_count_is_no_target_when_its_issuer_stands_between(sentence, kept):
    d = _draft(f"某区2024年民生实事项目公布\n{sentence}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # 南郑 (round twelve): a count of the conditions just named, with no 等
    ("将65岁以上老年人和高血压、糖尿病、严重精神障碍、肺结核4种慢病纳入家庭医生签约服务,新建家庭医生工作室5个。", ["5个"]),
    # 温州 (round twelve): which batch the subject is in
    ("温州作为全国首批14个建设国家儿童友好城市,建设儿童友好试点单元50个。", ["50个"]),
    # counter-cases: more things than the names (some named of many) and a first batch the plan builds stay targets
    ("推广高血压、糖尿病5种慢病管理服务包。", ["5种"]),
    ("到2024年底,全市首批100个示范社区全面建成。", ["100个"]),
])
def test_a_count_of_the_names_before_it_and_a_batch_the_subject_is_in_are_no_targets(sentence, kept):
    d = _draft(f"某市2024年民生实事项目\n一、健康服务\n{sentence}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


_MERGED_HEAD = "2024年民生实事项目进展情况汇总表\n序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"


@pytest.mark.parametrize("rows, leads", [
    # 泰顺's progress table (round fourteen): the 牵头单位 cell is merged over rows 1-2, so row 2 is a cell short
    # and its 落实情况 stands where the units do; the draft had read "已完成。 完成筛查人数3495人" as row 2's lead
    ("1 | 接种流感疫苗24723人。 | 4月:制定方案。 | 县卫生健康局 | 已完成。 |\n"
     "2 | 开展筛查7400人。 | 4月:完成筛查人数1480人。 | 已完成。 完成筛查人数3495人,完成率47.23%。 | |\n",
     {"24723人": ["县卫生健康局"], "7400人": ["县卫生健康局"]}),
    # every row with its own unit cell: each keeps its own
    ("1 | 接种流感疫苗24723人。 | 4月:制定方案。 | 县卫生健康局 | 已完成。 |\n"
     "2 | 培训应急救护人员235人。 | 4月:明确对象。 | 县红十字会 | 已完成。 |\n",
     {"24723人": ["县卫生健康局"], "235人": ["县红十字会"]}),
    # a row with every cell whose unit cell names no unit (a mark for none): no lead carried from above
    ("1 | 接种流感疫苗24723人。 | 4月:制定方案。 | 县卫生健康局 | 已完成。 |\n"
     "2 | 培训应急救护人员235人。 | 4月:明确对象。 | / | 已完成。 |\n",
     {"24723人": ["县卫生健康局"]}),
])
def test_a_unit_cell_merged_over_rows_leads_the_rows_it_spans(rows, leads):
    d = _draft(_MERGED_HEAD + rows)
    got = {t["value_text"]: t["lead"] for t in _targets(d)}
    for value_text, lead in leads.items():
        assert got[value_text] == lead, (value_text, got)
    assert not any("已完成" in u for t in _targets(d) for u in t["lead"] + t.get("support", []))


def _split_head_table(unit_head: str) -> str:
    # 江山's 民生实事 table (round fourteen), one cell a paragraph: header labels broken over two paragraphs
    # (建设起 / 止年限, 责任 / 单位) and a column of the year's plan (2023年度 / 计划)
    return ("某市2023年民生实事项目实施计划表\n\n序号\n\n项目名称\n\n项目建设规模及内容\n\n建设起\n止年限\n\n总投资\n\n"
            f"2023年度\n\n计划\n\n资金\n\n来源\n\n{unit_head}\n\n"
            "1\n\n城市用气\n\n提升工程\n\n对28个小区进行改造,安装燃气安全装置13000套。\n\n2023.01-2023.12\n\n1200\n\n"
            "完工投用\n\n国企投资\n\n城投集团\n\n"
            "2\n\n山塘水库综合整治工程\n\n完成6座小型水库加固改造。\n\n2023.01-2023.12\n\n4600\n\n基本完工\n\n政府投资\n\n水利局\n")


@pytest.mark.parametrize("unit_head", ["责任\n\n单位", "责任单位"])
def test_a_heading_label_broken_over_two_paragraphs_still_names_its_column(unit_head):
    """The draft had found no unit column where the page broke 责任单位 in two: every row's lead 待定."""
    d = _draft(_split_head_table(unit_head))
    got = {t["value_text"]: t["lead"] for t in _targets(d)}
    assert got == {"28个": ["城投集团"], "13000套": ["城投集团"], "6座": ["水利局"]}, got


# ---- round fifteen: the forms rounds thirteen and fourteen left, and forms gathered from other issuers ----

# Sources of the phrases below (the search tool's pages corpus; each a page of an issuer no bench document is from, read
# for its forms only — no text was kept as a document):
KAIHUA23 = "开化县2023年度重点工作清单 (pages corpus, no address given): 进度安排 ①2月上旬前,完成设计招标。②3月底前,…"
KEQIAO23 = "柯桥区 2023年度省政府民生实事一季度进展 (kq.gov.cn/art/2023/11/16/art_1229760972_59195505.html)"
XINJIAN24 = "新建区 2024年度民生实事人大票决项目进度表 (pc28forum.com mirror of the district's page)"
LAIYANG22 = "莱阳市 2022年民生事项 1-9月份进展 (baoqoo.com/art/2022/10/8/art_48731_2934579)"
XUCHANG20 = "许昌市 许政〔2020〕20号 重点工作分解 (henan.kjzch.com/xuchang/2020-05-28/694791.html)"
XIANYANG22 = "咸阳市2022年深化放管服改革工作要点 (newton.com.tw, traditional characters, read simplified)"
LISHAN23 = "立山区 2023年重点工作任务分解 (lishan.gov.cn/html/ASLSQ/202303/0168765895614794.html)"
TOTOP20 = "某区 2020年民生实事 (totopco.com/art/2020/9/15/art_1229200393_57587027.html): 一季度…四季度 columns"


def _county(tasks: str, title: str = "某县2024年民生实事项目工作方案") -> str:
    return f"{title}\n一、主要目标\n全面提升服务水平。\n二、重点任务\n{tasks}\n三、保障措施\n加强组织领导。\n"


def _entries(d: dict) -> list[tuple]:
    return [(e["kind"], e["value_text"], e["deadline"]) for e in d["entries"]]


@pytest.mark.parametrize("task, want, source", [
    # a bare month heading the steps after its colon, as a 月度工作计划 cell sets them: the month's end
    ("1.4月:制定并下发工作方案。", [("milestone", None, "2024-04-30")], "bench county2024_taishun_jinzhan line 3"),
    ("1.4月:完成应急救护人员培训65人。", [("target", "65人", "2024-04-30")], "bench county2024_taishun_jinzhan line 6"),
    ("1.8月份：完成验收。", [("milestone", None, "2024-08-31")], ISSUE + ", 月份 and a full-width colon"),
    ("1.一季度:完成选址；二季度:开工建设；四季度:建成投用。",
     [("milestone", None, "2024-03-31"), ("milestone", None, "2024-06-30"), ("milestone", None, "2024-12-31")],
     TOTOP20 + ", as steps in one cell"),
    ("1.上半年：完成招标。下半年：建成充电桩500个。", [("milestone", None, "2024-06-30"), ("target", "500个", "2024-12-31")],
     ISSUE),
    ("1.2024年4月：完成招标。", [("milestone", None, "2024-04-30")], ISSUE + ", with its year"),
    # counter-cases: the months a report covers, and a month with no colon, head no step
    ("1.1-4月:完成投资2亿元。", [("target", "2亿元", "2024-12-31")], ISSUE + ": 1-4月 is a span, no step's date"),
    ("1.计划于4月召开会议。", [], ISSUE + ": a bare month in a sentence dates nothing"),
])
def test_a_bare_month_heading_its_steps_dates_them(task, want, source):
    """Round fourteen left 泰顺's 4月: at the head of a 月度工作计划 cell unread: two steps missed, two numbers dated at the
    year's end. A month (or a quarter, a half) with a colon heads the steps after it, dated at its end."""
    assert _entries(_draft(_county(task))) == want, source


@pytest.mark.parametrize("task, kept, share, source", [
    ("1.4月:完成筛查人数1480人(20%)。", ["1480人"], True, "bench county2024_taishun_jinzhan line 4"),
    ("1.完成投资5亿元（占年度计划的50%）。", ["5亿元"], True, ISSUE + ": the share said with 占…的"),
    # counter-cases: a share with words of its own in the brackets, or brackets after no figure
    ("1.新建充电桩500个(含快充桩20%)。", ["500个", "20%"], False, ISSUE + ": what the whole holds, a target"),
    ("1.优良天数比例达到90%(省定目标)。", ["90%"], False, ISSUE + ": a note in brackets after the target"),
])
def test_a_share_in_brackets_after_a_figure_is_no_target(task, kept, share, source):
    """Round fourteen: 泰顺's 1480人(20%) drafted the month's share of the year's 7400人 as a target of its own."""
    d = _draft(_county(task))
    assert [t["value_text"] for t in _targets(d)] == kept, source
    assert (say("extract.reason.share_of", "en") in {x["reason"] for x in d["exclusions"]}) == share


@pytest.mark.parametrize("raw, want", [
    ("①2月上旬前,完成设计招标。", "(1)2月上旬前,完成设计招标。"),
    ("②3月底前", "(2)3月底前"),
    ("⑳㉑㊿", "(20)(21)(50)"),
    ("⑴2月底前", "(1)2月底前"),  # NFKC's own reading of a bracketed number, unchanged
])
def test_a_circled_number_is_read_as_the_bracketed_number_it_is(raw, want):
    """开化县's 进度安排 numbers its steps ①②③ (KAIHUA23): NFKC folds ① to a bare 1 and glued it to the month after it
    (①2月上旬前 → 12月上旬前: December, a wrong date). A circled number is read as (1), as NFKC reads ⑴."""
    assert compact(raw) == want


def test_steps_numbered_with_circled_numbers_keep_their_months():
    d = _draft(_county("1.启动综合体建设。①2月上旬前,完成设计招标。②3月底前,完成图纸深化设计。"))
    assert _entries(d) == [("milestone", None, "2024-02-10"), ("milestone", None, "2024-03-31")], KAIHUA23


# a task (with its units, in the forms pages write them) → the lead and support of its target 500个
UNITS_FIFTEEN = [
    # names a space or a slash separates (compact text loses the space: 市发改委市财政局)
    ("1.新建充电桩500个（责任单位：市发改委 市财政局）", ["市发改委", "市财政局"], [], ISSUE + ": a space between names"),
    ("1.新建充电桩500个。（牵头单位：市发改委/市财政局；配合单位：市住建局 市交通局）", ["市发改委", "市财政局"],
     ["市住建局", "市交通局"], ISSUE + ": a slash and a space"),
    ("1.新建充电桩500个。\n责任单位：发改局 财政局", ["发改局", "财政局"], [], ISSUE + ": names with no level, a space"),
    ("1.新建充电桩500个。\n责任单位：市发改委／市财政局", ["市发改委", "市财政局"], [], ISSUE + ": a full-width slash"),
    # counter-cases: one name with a level inside it, or letter-spaced, stays one
    ("1.新建充电桩500个。（责任单位：市委市政府督查室）", ["市委市政府督查室"], [], ISSUE + ": one office of two bodies"),
    ("1.新建充电桩500个。（责任单位：市生态环境局区分局）", ["市生态环境局区分局"], [], ISSUE + ": a branch of a bureau"),
    ("1.新建充电桩500个。（责任单位：县 医 保 局）", ["县医保局"], [], ISSUE + ": a name letter-spaced"),
    ("1.新建充电桩500个。(牵头单位:市住房和城乡建设局;配合单位:市发展和改革委员会)", ["市住房和城乡建设局"],
     ["市发展和改革委员会"], ISSUE + ": 和 inside a name"),
    # 及 between two units
    ("1.新建充电桩500个。（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责）",
     ["市政府办公室", "市行政审批制度改革工作领导小组办公室"], ["市级各有关部门", "各县市区政府"], XIANYANG22),
    # labels in brackets, the names after them
    ("1.新建充电桩500个。【牵头单位】市发改委【配合单位】市财政局、市住建局", ["市发改委"], ["市财政局", "市住建局"],
     ISSUE + ": 【牵头单位】X"),
    ("1.新建充电桩500个。\n[责任单位]区住建局", ["区住建局"], [], ISSUE + ": [责任单位]X on its line"),
    ("1.新建充电桩500个。\n【责任单位】区住建局 区城管局", ["区住建局", "区城管局"], [], ISSUE + ": and a space"),
    # a unit's qualifier in brackets closing the list is no unit of its own
    ("1.新建充电桩500个。\n责任单位:市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)",
     ["市疫情防控指挥部办公室", "市卫生健康委", "各县(市、区)政府(管委会)"], [], XUCHANG20),
    ("1.新建充电桩500个。\n牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班", ["区发改局"],
     ["立山经济开发区", "全区经济运行各专班"], LISHAN23),
]


@pytest.mark.parametrize("task, lead, support, source", UNITS_FIFTEEN, ids=[str(i) for i in range(len(UNITS_FIFTEEN))])
def test_units_separated_and_labelled_as_other_pages_write_them(task, lead, support, source):
    """Round fifteen: names separated by a space (lost in compact text) or a slash were read as one unit; 【牵头单位】X (a
    label in brackets, its names after) and a unit's bracketed qualifier closing the list (…政府(管委会)) were not read."""
    d = _draft(_city(task))
    t = next(t for t in _targets(d) if t["value_text"] == "500个")
    assert (t["lead"], t["support"], t["units_inferred"]) == (lead, support, False), source


@pytest.mark.parametrize("tail, deadline", [
    ("责任单位：市发改委；完成时限：2024年6月底前", "2024-06-30"),
    ("责任单位：市发改委，完成时间：2024年10月", "2024-10-31"),
    ("【责任单位】市发改委【完成时限】2024年9月底前", "2024-09-30"),
    ("完成时限：2024年6月底前；责任单位：市发改委", "2024-06-30"),
])
def test_labels_after_the_tasks_last_sentence_give_its_units_and_its_time(tail, deadline):
    """Round fifteen: the labels after a task's 。 were read only when there was one (责任单位:X); a unit label and a time
    label together gave no lead (待定) and the period's end."""
    d = _draft(_city("1.新建充电桩500个。" + tail))
    t = _targets(d)[0]
    assert (t["lead"], t["deadline"]) == (["市发改委"], deadline)


# a 完成时限 cell as pages write it → the deadline of the row's target
TIME_CELLS = [("2024年6月", "2024-06-30"), ("2024.06", "2024-06-30"), ("2024年二季度", "2024-06-30"),
              ("6月底前", "2024-06-30"), ("上半年", "2024-06-30"), ("年底前", "2024-12-31"), ("2024年12月31日前", "2024-12-31"),
              ("2024/9/30", "2024-09-30"), ("2024年第三季度末", "2024-09-30"), ("三季度", "2024-09-30"),
              ("2024年10月中旬", "2024-10-20"), ("2024年", "2024-12-31"), ("10月份", "2024-10-31"),
              ("2024年3月至12月", "2024-12-31"), ("2023.01-2024.06", "2024-06-30"),
              ("2024年6月底前完成主体，9月底前投用", "2024-09-30"),
              # no date: the period's end, marked inferred
              ("持续推进", "2024-12-31"), ("长期坚持", "2024-12-31")]


@pytest.mark.parametrize("form", ["bars", "tabs", "paragraphs"])
def test_a_time_cell_in_the_forms_tables_write_dates_its_row(form):
    """Round fifteen: 2024.06 (a form's date), 2024年3月至12月 (a range: its end — it had been read as March), 10月份 (its
    month's end — it had been read as none) and a cell naming two dates (its latest: when the task is done)."""
    rows = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]]
    rows += [[str(i), f"新建充电桩{100 + i}个。", "市发改委", "市财政局", c] for i, (c, _d) in enumerate(TIME_CELLS, 1)]
    body = {"bars": lambda: "\n".join(" | ".join(r) + " |" for r in rows),
            "tabs": lambda: "\n".join("\t".join(r) for r in rows),
            "paragraphs": lambda: "\n".join(x for r in rows for x in r)}[form]()
    d = _draft("某市2024年重点工作任务分解表\n" + body + "\n")
    got = {t["value_text"]: (t["deadline"], t["lead"], t["support"], t["deadline_inferred"]) for t in _targets(d)}
    for i, (cell, deadline) in enumerate(TIME_CELLS, 1):
        assert got[f"{100 + i}个"] == (deadline, ["市发改委"], ["市财政局"], cell in ("持续推进", "长期坚持")), cell


@pytest.mark.parametrize("label", ["时间节点：2024.06", "完成时限:2024年二季度", "时限要求：6月底前"])
def test_a_time_label_beside_the_units_in_a_forms_date(label):
    d = _draft(_city(f"1.新建充电桩500个。（牵头单位：市发改委  {label}）"))
    assert (_targets(d)[0]["lead"], _targets(d)[0]["deadline"]) == (["市发改委"], "2024-06-30")


def _got(d: dict) -> dict:
    return {e["value_text"] or e["quote"]: (e["deadline"], e["lead"]) for e in d["entries"]}


def test_a_table_led_by_its_unit_column_with_rows_numbered_in_words():
    """XINJIAN24's layout: one cell a line ending in |, the unit column (牵头单位) before the task's (项目名称), rows numbered
    一, 二 as the page numbers its parts, an empty cell (||) under the heading, each row's item opening (一)…, an owner
    column naming two units with a space. Round fifteen: no row had been read (the task stood after the units; 一 was no
    row number; (一) right after a row's unit cell was read as a group row)."""
    text = ("2024年度区政府民生实事项目进度表\n序号 |\n牵头单位 |\n项目名称 |\n业主单位 |\n本月进展情况 |\n||\n"
            "一 |\n区住建局 |\n(一)打通断头路6条 |\n区城投 |\n已完工 |\n|\n"
            "二 |\n区城管局 |\n(一)改造老旧小区12个 |\n区城管局 区水投 |\n已完工 |\n")
    d = _draft(text)
    assert {t["value_text"]: t["lead"] for t in _targets(d)} == {"6条": ["区住建局"], "12个": ["区城管局"]}, XINJIAN24
    # counter-case: a unit column after the task's reads as before
    text = ("2024年度区政府民生实事项目进度表\n序号 |\n项目名称 |\n牵头单位 |\n本月进展情况 |\n"
            "1 |\n打通断头路6条 |\n区住建局 |\n已完工 |\n2 |\n改造老旧小区12个 |\n区城管局 |\n已完工 |\n")
    assert {t["value_text"]: t["lead"] for t in _targets(_draft(text))} == {"6条": ["区住建局"], "12个": ["区城管局"]}


def test_a_progress_table_without_a_number_column_whose_first_cells_are_merged():
    """LAIYANG22's layout: a row a line between bars, no 序号 (the item's number glued into its name: 14.改扩建…), a 类别
    cell merged over the rows (written once), labels that name the year or months they cover (2022年度任务目标, 1-9月份工作
    取得成效), a 监督电话 column and empty cells at a row's end. Round fifteen: the heading was not read (digits in its
    labels) and the rows a cell short were no rows: lead 待定, the 1-9月 reports drafted as targets, a quote run on from
    the heading line."""
    text = ("莱阳市2022年民生实事项目进展情况\n"
            "类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 1-9月份工作取得成效 | 监督电话 |\n"
            "四、教育文化 | 14.改扩建泉山学校 | 完成泉山学校2座教学楼建设。 | 教育体育局 | 刘某某 | 完成基础施工30%。 | 正在推进。 | 0535-1234567 |\n"
            "15.推进学校塑胶运动场地建设 | 完成13处农村学校塑胶运动场地建设。 | 教育体育局 | 刘某某 | 已完成13处。 | 已建成。 | 0535-1234567 | |\n"
            "16.推进义务教育课后服务 | 对全市34所义务教育学校实行课后服务全覆盖。 | 教育体育局 | 刘某某 | 学生32402人。 | 拨付700万元。 | 0535-1234567 |\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"], t["lead"]) for t in _targets(d)] == \
        [(3, "2座", ["教育体育局"]), (4, "13处", ["教育体育局"]), (5, "34所", ["教育体育局"])], LAIYANG22


def test_a_schedule_column_of_numbered_dated_steps_gives_each_step():
    """KAIHUA23's layout: a 进度安排 column whose cells number dated steps ①②③ (a time column by its label, steps by its
    cells), a title with a note in brackets. Round fifteen: the steps were read as the row's one due date and drafted
    nothing, and the title's 一季度 drafted a milestone."""
    text = ("开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)\n"
            "序号 | 工作事项 | 进度安排 | 进展情况 | 完成情况 |\n"
            "1 | 启动新安综合体建设。 | ①2月上旬前,完成设计招标。②3月底前,完成图纸深化设计。 | ①已完成。2月10日,完成设计招标。 | 达序推进 |\n"
            "2 | 新建充电桩500个。 | ①6月底前,建成200个。②12月底前,全部建成。 | ①已完成选址。 | 达序推进 |\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["value_text"], e["deadline"]) for e in d["entries"]] == [
        (3, "milestone", None, "2023-02-10"), (3, "milestone", None, "2023-03-31"),
        (4, "target", "500个", "2023-12-31"), (4, "target", "200个", "2023-06-30"), (4, "milestone", None, "2023-12-31")], \
        KAIHUA23


def test_a_column_named_by_a_quarter_dates_its_cells_and_a_row_line_without_a_number_is_more_of_the_task():
    """KEQIAO23's layout: 一季度目标 (a column named by when its cells are due), a long progress label (进展情况、存在问题及
    下一步打算), and the task cell of row 1 carried on a row line of its own (新增学位810个 | |||||: the other cells merged
    over both). Round fifteen: the heading was not read at all; then the 一季度 cells were no text and 810个 was lost."""
    text = ("2023年度省政府民生实事涉我区工作任务一季度进展情况\n"
            "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况、存在问题及下一步打算 | 目标完成情况 |\n"
            "1 | 新改扩建公办中小学校1所 | 教体局 | 室内安装、装修及场外施工 | 进展情况:室内装修完成80%。 | 顺利推进 |\n"
            "新增学位810个 | |||||\n"
            "2 | 新建城乡社区嵌入式托育点10个 | 卫健局 | 完成选址3个 | 进展情况:已完成选址2个。 | 顺利推进 |\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["value_text"], e["deadline"], e["lead"]) for e in d["entries"]] == [
        (3, "target", "1所", "2023-12-31", ["教体局"]), (3, "milestone", None, "2023-03-31", ["教体局"]),
        (4, "target", "810个", "2023-12-31", ["教体局"]),
        (5, "target", "10个", "2023-12-31", ["卫健局"]), (5, "target", "3个", "2023-03-31", ["卫健局"])], KEQIAO23


def test_a_step_a_previewing_lead_names_is_left_to_the_item_stating_it_again():
    """即墨's lead (round thirteen's leftover): 2024年,即墨区将加快推进龙泉新高中建设,…新建79处社区(村)养老服务站…… previews
    the items below, and its targets were left to them; its steps (加快推进龙泉新高中建设) were drafted twice over as
    milestones of the lead. A step the previewing lead names that an item states again is the item's, as its targets are."""
    text = ("某区2024十件民生实事发布\n"
            "2024年,某区将加快推进龙泉新高中建设,加快中医医院北部院区建设,新建79处社区(村)养老服务站……\n"
            "一、教育\n加快推进龙泉新高中建设,实施金茂小学等5处中小学建设工程。\n"
            "二、医疗\n加快中医医院北部院区建设,推动优质医疗资源扩容提质。\n"
            "三、养老\n新建79处社区(村)养老服务站。\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["value_text"]) for e in d["entries"]] == \
        [(4, "target", "5处"), (8, "target", "79处")]
    # counter-case: a step the lead names that no item states again stays the lead's (in a plan of more than one year:
    # in a one-year list the list's year dates no step but one of completing or starting, round twenty-eight)
    text = text.replace("加快推进龙泉新高中建设,实施", "实施").replace("某区2024十件民生实事发布", "某区民生实事三年行动(2024-2026年)")
    assert (2, "milestone", None) in [(e["line"], e["kind"], e["value_text"]) for e in _draft(text)["entries"]]


@pytest.mark.parametrize("sentence, milestones", [
    ("1月17日,人大代表票决出17项为民办实事项目。1月18日区第十七届人民代表大会第五次会议闭幕会上予以宣布。", []),
    ("1月18日市政府常务会议审议通过实施方案。", []),
    # counter-cases: a day with 前, or a day and the work it closes, stays a step
    ("6月30日前召开全区民生实事推进会。", ["2024-06-30"]),
    ("6月30日完成项目验收。", ["2024-06-30"]),
])
def test_the_day_a_meeting_acted_is_no_step(sentence, milestones):
    """长宁's 1月18日…闭幕会上予以宣布 (round thirteen's leftover) was drafted as a milestone: the day of an event is read
    as one where the event (会议, 大会, 闭幕…) follows in its clause, not only right after the day."""
    d = _draft(_city("1." + sentence, title="某区2024年为民办实事项目"))
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == milestones


@pytest.mark.parametrize("tasks, want", [
    # a label a page broke over two lines
    ("1.新建停车场30个。\n牵头\n单位:市发改委\n2.新建充电桩500个。\n牵头单位:\n市住建局",
     {"30个": (["市发改委"], []), "500个": (["市住建局"], [])}),
    ("1.新建停车场30个。\n责任\n单位：市发改委、市财政局", {"30个": (["市发改委", "市财政局"], [])}),
    # a parenthetical over two lines: its second line is no label line of its own (配合单位:市财政局) had been read twice)
    ("1.新建停车场30个。(牵头单位:市发改委;\n配合单位:市财政局)", {"30个": (["市发改委"], ["市财政局"])}),
    # units marked as leading, with no label: in brackets, after the last sentence, on a line of their own
    ("1.新建停车场30个。(市发改委(牵头)、市财政局)", {"30个": (["市发改委"], ["市财政局"])}),
    ("1.新建停车场30个。市住建局(牵头),市城管局", {"30个": (["市住建局"], ["市城管局"])}),
    ("1.新建停车场30个。▲市发改委、市财政局", {"30个": (["市发改委"], ["市财政局"])}),
    ("1.新建停车场30个。\n▲市住建局", {"30个": (["市住建局"], [])}),
])
def test_labels_and_marks_a_page_sets_over_lines_or_without_brackets(tasks, want):
    """Round fifteen: 牵头 / 单位:X (a label broken over two lines) gave no lead; a parenthetical's second line was read
    again as a label line (its support named twice, once with its closing bracket); units marked (牵头) or ▲ after the
    task with no label or brackets gave 待定."""
    d = _draft(_city(tasks))
    assert {t["value_text"]: (t["lead"], t["support"]) for t in _targets(d)} == want
    # counter-case: an unmarked list of units after the last sentence is no label: the coordinator stands in, marked
    d = _draft(_city("1.新建停车场30个。市住建局、市城管局"))
    assert _targets(d)[0]["units_inferred"] is True


@pytest.mark.parametrize("task, written", [
    ("1.2024年6\n月底前新建停车场30个。", "30个"),
    # (the value_text is the figure as its line writes it — the line contract; round forty-four's 选育或引进2-3 / 个)
    ("1.2024年6月底前新建停车场30\n个。", "30"),
])
def test_a_line_broken_inside_a_number_or_a_date_carries_on(task, written):
    """Round fifteen: a short line ending inside a date (2024年6 / 月底前) or a number (30 / 个) was read as a line of its
    own (a web page's item), so the date dated nothing and the number lost its measure word."""
    d = _draft(_city(task))
    assert [(t["value_text"], t["value"], t["unit"], t["deadline"]) for t in _targets(d)] == [(written, 30, "个", "2024-06-30")]


_HEADED = ("某市2024年工业节能工作方案\n一、主要目标\n到2024年,新建充电桩500个。\n二、重点任务\n(一)加快建设\n"
           "1.新建停车场30个。(牵头单位:市发改委)\n2.6月底前完成招标。(牵头单位:市住建局)\n三、保障措施\n加强组织领导。(市发改委牵头负责)\n")


@pytest.mark.parametrize("text", [
    _HEADED.replace("一、主要目标", "一、\n主要目标").replace("二、重点任务", "二、\n重点任务").replace("三、保障措施", "三、\n保障措施"),
    _HEADED.replace("(一)加快建设", "(一)\n加快建设"),
    _HEADED.replace("1.新建", "1.\n新建").replace("2.6月", "2.\n6月"),
    _HEADED.replace("一、主要目标", "一、 主 要 目 标").replace("二、重点任务", "二、 重 点 任 务"),
    _HEADED.replace("(", "（").replace(")", "）").replace(":", "：").replace(",", "，"),
], ids=["section-apart", "group-apart", "task-apart", "letter-spaced", "full-width"])
def test_a_heading_or_task_number_on_a_line_of_its_own_heads_the_next(text):
    """Round fifteen: 一、 / 主要目标 (a section's number on a line of its own) was no heading, every task drafted in 总体目标
    with no task number; 2. / 6月底前… read the number as the digits of 2.6月, and the step was lost."""
    def keys(d: dict) -> list[tuple]:
        return [(e["kind"], e["value_text"], e["deadline"], e["lead"], e["section"], e["task"]) for e in d["entries"]]
    assert keys(_draft(text)) == keys(_draft(_HEADED))


@pytest.mark.parametrize("line, day", [
    ("发布日期: 2023- 02- 09", "2023-02-09"),
    ("发布日期：2023年 2月 9日", "2023-02-09"),
    ("发布时间:2024-10-10 9:01:14", "2024-10-10"),
    ("发布时间：２０２４－１０－１０", "2024-10-10"),
    ("2023- 02- 09 10:47 来源:某区融媒体中心", "2023-02-09"),
])
def test_a_pages_date_with_spaces_or_full_width_digits_inside_it(line, day):
    """Round fifteen: a page's date with spaces inside it (2023- 02- 09, 2023年 2月 9日) was not read, and a text with no
    other date of issue ran over an inferred period; 9:01:14 after a date is its time of day."""
    from plancli.extract import find_doc_date
    assert str(find_doc_date(line + "\n某区2023年民生实事项目\n新建充电桩500个。\n")) == day


@pytest.mark.parametrize("task, lead, deadline", [
    ("1.新建充电桩500个。责任单位为市发改委。", ["市发改委"], "2024-12-31"),
    ("1.新建充电桩500个,由市发改委负责。", ["市发改委"], "2024-12-31"),
    ("1.新建充电桩500个。(承办单位:市发改委)", ["市发改委"], "2024-12-31"),
    ("1.新建充电桩500个。(实施主体:市发改委)", ["市发改委"], "2024-12-31"),
    ("1.新建充电桩500个。(责任单位:市发改委;时间:2024年6月)", ["市发改委"], "2024-06-30"),
    ("1.新建充电桩500个。\n责任单位：市发改委\n时间安排：2024年9月底前", ["市发改委"], "2024-09-30"),
    ("1.新建充电桩500个。(牵头单位:市发改委;备注:持续推进)", ["市发改委"], "2024-12-31"),
])
def test_unit_and_time_labels_in_the_words_other_offices_use(task, lead, deadline):
    """Round fifteen: 责任单位为X (为 for the colon), …,由X负责。, 承办单位/实施主体/落实单位, 时间: and 时间安排: beside the units gave
    待定 or ran into the lead (市发改委;时间:2024年12月); a label extract does not know (备注:) now ends the names before it."""
    t = _targets(_draft(_city(task)))[0]
    assert (t["lead"], t["support"], t["deadline"]) == (lead, [], deadline)


@pytest.mark.parametrize("label", ["承办单位", "实施主体", "落实单位", "负责单位", "具体负责单位"])
def test_a_unit_column_named_in_other_offices_words(label):
    text = (f"某市2024年重点工作任务分解表\n序号 | 工作任务 | {label} | 完成时限 |\n"
            "1 | 新建充电桩500个。 | 市发改委 | 2024年6月底前 |\n2 | 新建停车场30个。 | 市住建局 | 2024年9月底前 |\n")
    got = {t["value_text"]: (t["lead"], t["deadline"]) for t in _targets(_draft(text))}
    assert got == {"500个": (["市发改委"], "2024-06-30"), "30个": (["市住建局"], "2024-09-30")}


def test_a_sites_credits_and_counters_below_the_text_lead_no_task():
    """Round fifteen: a government site's footer (主办单位:某市人民政府办公室 承办单位:某市大数据中心) stood in the last task's
    block and its 主办单位 was read as that task's lead (and the plan's coordinator); 访问量:1234 was a number of the text.
    A line of the page's furniture is no text of a task."""
    text = ("某市2024年工业节能工作方案\n一、主要目标\n全面提升。\n二、重点任务\n1.新建充电桩500个。\n2.新建停车场30个。\n"
            "【打印本页】【关闭窗口】\n访问量：1234\n主办单位：某市人民政府办公室  承办单位：某市大数据中心\n"
            "网站标识码：3201000001  ICP备12345678号\n")
    d = _draft(text)
    assert [(t["value_text"], t["lead"], t["units_inferred"]) for t in _targets(d)] == \
        [("500个", ["待定"], True), ("30个", ["待定"], True)]
    assert say("extract.reason.page", "en") in {x["reason"] for x in d["exclusions"] if x["line"] == 8}
    # counter-case: 主办 as a task's own label still leads it
    d = _draft(_city("1.新建充电桩500个。（主办：市商务局；协办：市文化广电旅游局）"))
    assert (_targets(d)[0]["lead"], _targets(d)[0]["support"]) == (["市商务局"], ["市文化广电旅游局"])


# ---- round sixteen: round fifteen's held-out faults, each as a general rule with its counter-case ----

def _of_kind(d: dict, kind: str) -> list[dict]:
    return [e for e in d["entries"] if e["kind"] == kind]


@pytest.mark.parametrize("sentence, milestones", [
    # a year naming the work a sentence is about (师宗): no step
    ("6月14日下午,某县召开2022年批而未供土地处置工作推进会。", 0),
    ("某县2022年闲置土地处置工作关系到某县2023年用地要素保障。", 0),
    ("切实增强抓好2022年闲置土地处置工作的紧迫感。", 0),
    # counter-cases: a verb of doing after the year, or a comma, keeps the step
    ("2022年完成闲置土地处置工作。", 1),
    ("2022年,全面完成闲置土地处置工作。", 1),
])
def test_a_year_naming_the_work_dates_nothing(sentence, milestones):
    d = _draft(_city("1." + sentence, title="某县2022年土地处置工作方案"))
    assert len(_of_kind(d, "milestone")) == milestones


@pytest.mark.parametrize("layout", ["{a};{b}", "{a}；{b}", "{a}。\n2.{b}"])
def test_each_assignment_names_its_own_units_before_its_work(layout):
    """由X牵头,Y配合,在M月底前完成… — each assignment (to its semicolon) is led by its own X; the units' clauses are no
    milestones (师宗, round fifteen's held-out set)."""
    a = "由县发展和改革局牵头,县委党校、县自然资源局配合,在9月底前完成政务服务中心项目60.58亩供地工作"
    b = "由丹凤街道牵头,县自然资源局配合,在12月底前完成荣海新区50.06亩土地处置任务"
    d = _draft(_city("1." + layout.format(a=a, b=b) + "。", title="某县2022年土地处置工作方案"))
    got = [(t["value_text"], t["lead"], t["support"], t["deadline"], t["units_inferred"]) for t in _targets(d)]
    assert got == [("60.58亩", ["县发展和改革局"], ["县委党校", "县自然资源局"], "2022-09-30", False),
                   ("50.06亩", ["丹凤街道"], ["县自然资源局"], "2022-12-31", False)]
    assert _of_kind(d, "milestone") == []


def test_a_notice_handing_indicators_down_to_the_units_below_has_them_lead():
    """请各区按照…/请各区于…上报: the indicators of a 下达 notice that names no unit per task are 各区's (上海市民政局); a text
    that asks no collective keeps the placeholder, marked."""
    body = "纳入本市2025年民心工程的项目有:新建30家社区长者食堂、新建200个家门口养老服务站。\n"
    ask = "请各区按照保质保量完成年度任务的要求,统筹部署。请各区于2月20日前上报各项指标落实点位具体信息,并从3月起每月20日前上报推进情况。\n"
    title = "某市民政局关于下达2025年民心工程任务指标的通知\n"
    d = _draft(title + body + ask)
    assert [(e["lead"], e["units_inferred"]) for e in d["entries"]] == [(["各区"], False)] * 3
    assert [e["deadline"] for e in _of_kind(d, "milestone")] == ["2025-02-20"]  # the monthly clause is not 2月20日's
    d = _draft(title + body)
    assert [(e["lead"], e["units_inferred"]) for e in d["entries"]] == [(["待定"], True)] * 2


@pytest.mark.parametrize("paren, lead, support", [
    ("(牵头单位:区教育局、团区委;共同责任单位:区妇联)", ["区教育局", "团区委"], ["区妇联"]),
    ("（牵头单位：区教育局；共同责任单位：区妇联）", ["区教育局"], ["区妇联"]),
    ("(牵头单位:区教育局;配合单位:区妇联)", ["区教育局"], ["区妇联"]),
])
def test_a_label_ending_in_one_extract_knows_ends_the_names_before_it(paren, lead, support):
    t = _targets(_draft(_city(f"1.建设15间梦想小屋。{paren}")))[0]
    assert (t["lead"], t["support"]) == (lead, support)


GOALS_BULLETED = ("某市低空经济发展实施方案(2024-2026年)\n一、发展目标\n"
                  "到2026年,低空经济产业全面发展,部分项目居全国领先水平,产业规模稳步提升。\n"
                  "——产业链条建立健全。发挥制造业优势,培育一批高科技企业。力争聚集产业链相关企业100家。\n"
                  "——应用场景丰富多元。开通100条以上无人机航线,无人机商业飞行取得突破性进展。\n二、重点任务\n1.建设起降点。\n")


def test_goals_set_out_as_bullets_register_their_figures_only():
    """十堰/洞头: a 到YYYY年 overview spelled out by —— bullets — the figures are the goals, the words without one are none.
    Counter-case: a goals paragraph without bullets keeps a milestone a clause (济南, 盐城, the 国发 texts)."""
    d = _draft(GOALS_BULLETED)
    assert [t["value_text"] for t in _targets(d)] == ["100家", "100条"]
    assert _of_kind(d, "milestone") == []
    plain = GOALS_BULLETED.replace("——", "")
    assert len(_of_kind(_draft(plain.split("\n产业链条")[0] + "\n二、重点任务\n1.建设起降点。\n"), "milestone")) == 3


@pytest.mark.parametrize("task, kept", [
    ("从12个候选项目票选出10个项目。", []),  # the size of the list chosen
    ("新建10个项目。", ["10个"]),
    ("第一季度:区实验学校已基本完工,其余9所学校正加快推进建设。", []),  # a quarter's report
    ("第三季度:目前10所中小学校已建成并交付使用。", []),
    ("第一季度:新建学校9所。", ["9所"]),  # a quarter's step stays
])
def test_chosen_lists_and_quarter_reports_are_no_targets(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city("1." + task)))] == kept


def test_a_heading_counting_its_items_is_no_target():
    text = _city("(一)提升环境品质方面(3项)\n1.新建公园4座。\n2.改造道路5条。")
    assert [t["value_text"] for t in _targets(_draft(text))] == ["4座", "5条"]


# ---- round seventeen: round sixteen's held-out faults, each as a general rule with its counter-case ----

MARKED_HEAD = "|\n序号 |\n任务内容 |\n牵头单位 |\n完成情况 |\n"


def _marked_row(no: int, task: str, unit: str = "区卫健委", done: str = "已完成方案制定。") -> str:
    return f"|\n{no} |\n{task} |\n{unit} |\n{done} |\n"


@pytest.mark.parametrize("numbers", [(17, 19), (1, 2), (3, 8)])
def test_a_marked_table_numbered_as_a_longer_list_reads_each_row(numbers):
    """雨山区卫健委: a unit's report on the tasks it leads of a city's list keeps the list's numbers (17, 19); after the
    bare "|" that separates rows, a higher number opens a row (row 19's three counts had been lost)."""
    a, b = numbers
    text = ("某区卫健委2025年二季度重点工作落实情况\n" + MARKED_HEAD
            + _marked_row(a, "完善生育支持政策体系。", done="完成1144人汇总。")
            + _marked_row(b, "完成社区嵌入式养老服务机构3家,新增认知障碍照护专区床位82张。"))
    d = _draft(text)
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("3家", ["区卫健委"]), ("82张", ["区卫健委"])]


def test_a_lower_number_in_a_marked_table_opens_no_row():
    """Counter-case: a number lower than the row's own (a cell that is only a count) is the row's cell, no new row."""
    text = ("某区卫健委2025年二季度重点工作落实情况\n" + MARKED_HEAD
            + _marked_row(17, "新增认知障碍照护专区床位82张。") + "|\n3 |\n")
    assert [t["value_text"] for t in _targets(_draft(text))] == ["82张"]


@pytest.mark.parametrize("line, steps", [
    ("| 名 称: | 某区卫健委2025年二季度重点工作落实情况 |", [6]),  # the index block's title: the site's, no step
    ("|名称:|某区卫健委2025年二季度重点工作落实情况|", [6]),
    # counter-case: a task's own 名称: label is the plan's (its date a step)
    ("1.项目名称:2025年3月底前完成老旧小区改造。", [3, 6]),
])
def test_an_index_block_pair_a_line_names_no_step(line, steps):
    text = ("| 索 引 号: | K1/202507-00001 |\n| 发布机构: | 某区卫健委 |\n" + line + "\n"
            "某区2025年重点工作方案\n一、重点任务\n1.2025年6月底前完成方案制定。\n")
    assert [e["line"] for e in _of_kind(_draft(text), "milestone")] == steps


@pytest.mark.parametrize("goals, targets, milestones", [
    # a goals sentence that is mostly figures: its wishes are no steps (东阳, 龙游)
    ("到2025年,全市新增就业800人以上,开展技能培训1300人次以上,新增公益性岗位70个以上,就业权益得到更好保障,"
     "推动形成良好社会环境。", 3, 0),
    ("2025年全县经济社会发展的努力目标为:全县生产总值增长7%;固定资产投资增长10%以上;外贸出口额占全市份额保持稳定;"
     "一般公共预算收入增长7%以上;节能减排完成上级下达目标任务。", 3, 0),
    # counter-cases: two figures and a step (六盘水), more steps than figures (济南, 盐城) keep a milestone a clause
    ("2022年,全市新建5G基站2600个以上,新建创新平台15个以上,加快推动数字基础设施与传统基础设施融合发展。", 2, 1),
    ("到2025年,产业能级持续提升,创新能力显著增强,新增企业100家,开放合作不断深化。", 1, 3),
])
def test_a_goals_sentence_of_figures_drafts_its_figures_only(goals, targets, milestones):
    d = _draft(f"某市就业工作方案(2022—2025年)\n一、总体目标\n{goals}\n二、主要措施\n1.加强组织领导。\n")
    assert (len(_targets(d)), len(_of_kind(d, "milestone"))) == (targets, milestones)


@pytest.mark.parametrize("line, milestones", [
    ("■ 2025年经济社会发展的主要预期目标", 0),  # a heading naming the year's goals (湖北)
    ("2025年工作目标:", 0),
    ("2025年完成工作目标考核。", 1),  # counter-case: a verb of doing keeps the step
])
def test_a_heading_naming_the_years_goals_is_no_step(line, milestones):
    d = _draft(f"某省2025年政府工作报告摘要\n{line}\n●经济增长6%左右\n")
    assert len(_of_kind(d, "milestone")) == milestones
    assert [t["value_text"] for t in _targets(d)] == ["6%"]


@pytest.mark.parametrize("task, kept", [
    ("●预计全省地区生产总值增长6%左右。", []),  # an estimate of the year just ended (湖北's 成绩单)
    ("预计全年新增就业5万人。", []),
    ("研究提出发展目标,预计三年内全国新增装机容量超过1亿千瓦。", []),  # (nor a milestone: see below)
    ("全省地区生产总值增长6%左右。", ["6%"]),  # counter-case: no 预计
    ("以全市就业年龄段的7600多名持证残疾人为主要对象,新增残疾人就业800人以上。", ["800人"]),  # whom the plan serves
    ("为全市7600多名持证残疾人提供就业服务。", ["7600多名"]),  # counter-case: no 以…为对象
    ("11个产粮大县,每个县至少建设1处示范片。", ["1处"]),  # the units a per-unit target is set over (济宁)
    ("新建11个产粮大县示范片。", ["11个"]),  # counter-case: no 每个 after it
])
def test_forecasts_scopes_and_per_unit_counts_are_no_targets(task, kept):
    d = _draft(_city("1." + task))
    assert [t["value_text"] for t in _targets(d)] == kept
    if "预计" in task:
        assert _of_kind(d, "milestone") == []  # an estimate's time is no step either


XIHU_HEAD = "序号\n重点工作任务(民生实事项目)\n牵头单位\n负责科室\n负责人\n计划完成时间\n进展情况(一季度)\n"
XIHU_ROWS = ("1\n新增老年食堂(助餐点)15个\n区民政局\n养老服务科\n何某\n11月底前\n其中3个点位已完成建设。\n"
             "2\n新增认知障碍照护专区床位100张\n10月底前\n目前已完成20张专区床位建设。\n"
             "3\n建成启用区级老年活动中心\n目前正在进行主体建筑装修阶段。\n"
             "4\n新增养老机构护理型床位500张\n目前已完成500张护理型床位建设。\n")


def test_a_table_one_cell_a_paragraph_with_merged_unit_and_time_cells():
    """西湖区: a heading whose labels are qualified in brackets (重点工作任务(民生实事项目), 进展情况(一季度)), and rows whose
    unit, section, officer and time cells the page merged with the rows above: each row led by the 牵头单位 above it and
    due by the time cell above it; the progress column reports."""
    d = _draft(XIHU_HEAD + XIHU_ROWS, period=parse_period("2024:2024"))
    got = [(e["kind"], e["value_text"], e["deadline"], e["lead"]) for e in d["entries"]]
    assert got == [("target", "15个", "2024-11-30", ["区民政局"]), ("target", "100张", "2024-10-31", ["区民政局"]),
                   ("milestone", None, "2024-10-31", ["区民政局"]), ("target", "500张", "2024-10-31", ["区民政局"])]


def test_a_merged_row_with_its_own_time_cell_keeps_it():
    """Counter-case: a row a cell short that has a time cell of its own is due by it, not the row above's."""
    rows = XIHU_ROWS.replace("3\n建成启用区级老年活动中心\n", "3\n建成启用区级老年活动中心\n6月底前\n")
    d = _draft(XIHU_HEAD + rows, period=parse_period("2024:2024"))
    assert [e["deadline"] for e in d["entries"]] == ["2024-11-30", "2024-10-31", "2024-06-30", "2024-06-30"]


@pytest.mark.parametrize("heading, kept", [
    ("■ 2024年成绩单", ["6%"]),  # last year's results under it
    ("一、2024年工作回顾", ["6%"]),
    ("■ 2025年重点工作", ["557亿斤", "6%"]),  # counter-case: the plan's own year
])
def test_a_heading_reporting_the_past_year_holds_no_targets(heading, kept):
    text = (f"某省2025年政府工作报告摘要\n{heading}\n●粮食总产达到557亿斤\n"
            "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n")
    assert [t["value_text"] for t in _targets(_draft(text))] == kept


# --------------------------------------------------------------------------- round eighteen (twenty-first round's rules)
# Forms the issue and common practice name, written here before the rules were (no development document need have
# them); the expected draft is what a reviewer registers.
ROUND18 = "issue 28, eighteenth round (a form common practice names)"

UNITS_EIGHTEEN = [
    ("1.新建充电桩500个。（区发改局主办，区财政局、区住建局协办）", ["区发改局"], ["区财政局", "区住建局"]),
    ("1.新建充电桩500个。（主办单位：区发改局；协办单位：区财政局、区住建局）", ["区发改局"], ["区财政局", "区住建局"]),
    ("1.新建充电桩500个。\n责任单位：市发改委（牵头）、市财政局、市住建局", ["市发改委"], ["市财政局", "市住建局"]),
    ("1.新建充电桩500个。市发改委牵头，市财政局、市住建局按职责分工负责。", ["市发改委"], ["市财政局", "市住建局"]),
    ("1.新建充电桩500个。（市发改委牵头，市财政局、市住建局按职责分工负责）", ["市发改委"], ["市财政局", "市住建局"]),
    ("1.由市发改委牵头，市财政局、市住建局按职责分工负责，新建充电桩500个。", ["市发改委"], ["市财政局", "市住建局"]),
    # 责任领导 / 责任单位 / 责任人: a leader and a person are no units
    ("1.新建充电桩500个。\n责任领导：张三\n责任单位：市发改委\n责任人：李四", ["市发改委"], []),
    ("1.新建充电桩500个。（责任领导：张三；责任单位：市发改委；责任人：李四）", ["市发改委"], []),
    ("1.新建充电桩500个。（牵头单位：市发改委；责任单位：各县（市、区）人民政府）", ["市发改委"], ["各县（市、区）人民政府"]),
    # 各镇（街道）: one collective, the bracket naming the other kind (it had been read twice, once with a bracket too many)
    ("1.新建充电桩500个。（牵头单位：县发改局；责任单位：各镇（街道））", ["县发改局"], ["各镇（街道）"]),
    ("1.新建充电桩500个。（牵头单位：县发改局；配合单位：各乡（镇、街道））", ["县发改局"], ["各乡（镇、街道）"]),
    ("1.各镇（街道）要新建充电桩500个。", ["各镇（街道）"], []),
    ("1.各街道办事处要新建充电桩500个。", ["各街道办事处"], []),
]


@pytest.mark.parametrize("task, lead, support", UNITS_EIGHTEEN, ids=[str(i) for i in range(len(UNITS_EIGHTEEN))])
def test_units_in_the_forms_common_practice_writes(task, lead, support):
    [t] = _targets(_draft(_city(task)))
    assert (t["value_text"], t["lead"], t["support"], t["units_inferred"]) == ("500个", lead, support, False), ROUND18


@pytest.mark.parametrize("cell, deadline", [
    ("2024年3月前", "2024-02-29"),  # N月前: before the month starts (docs/registry-format.md)
    ("6月30日前", "2024-06-30"), ("年底前", "2024-12-31"), ("2024年6月—12月", "2024-12-31"),
    ("2024年6月-12月", "2024-12-31"), ("2024年第三季度", "2024-09-30"), ("2024年9月底", "2024-09-30"),
])
@pytest.mark.parametrize("form", ["bars", "tabs"])
def test_a_time_node_cell_as_offices_write_it_dates_its_row(cell, deadline, form):
    rows = (f"序号 | 工作任务 | 牵头单位 | 配合单位 | 时间节点 |\n1 | 新建充电桩500个 | 区发改局 | 区财政局 | {cell} |\n"
            f"2 | 完成老旧小区改造 | 区住建局 | 各镇（街道） | {cell} |\n")
    if form == "tabs":
        rows = rows.replace(" | ", "\t").replace(" |", "")
    d = _draft("某区2024年重点工作任务分解表\n" + rows)
    got = [(e["kind"], e["deadline"], e["lead"], e["support"]) for e in d["entries"]]
    assert got == [("target", deadline, ["区发改局"], ["区财政局"]),
                   ("milestone", deadline, ["区住建局"], ["各镇（街道）"])], ROUND18


@pytest.mark.parametrize("cell", ["长期坚持", "持续推进"])
def test_an_ongoing_time_cell_dates_nothing_and_says_so(cell):
    d = _draft("某区2024年重点工作任务分解表\n序号 | 工作任务 | 牵头单位 | 完成时限 |\n"
               f"1 | 新建充电桩500个 | 区发改局 | {cell} |\n")
    [t] = _targets(d)
    assert (t["deadline"], t["deadline_inferred"], t["lead"]) == ("2024-12-31", True, ["区发改局"]), ROUND18


MONTH_PLAN = ("某区2024年民生实事项目进展表\n序号 | 项目名称 | 建设内容 | 截至6月底进展 | 7月工作计划 |\n"
              "1 | 新建学校 | 新建中小学3所 | 已完成主体工程80% | 完成竣工验收 |\n"
              "2 | 养老服务 | 新增养老床位200张 | 已新增120张 | 新增床位30张 |\n")


@pytest.mark.parametrize("form", ["bars", "tabs", "two-row heading"])
def test_a_progress_tables_month_plan_column_gives_steps_due_at_the_months_end(form):
    """A table naming no unit or time column, but a progress column (its numbers reports: no targets) and a column
    named by a month (7月工作计划: its cells are the month's steps, due at its end)."""
    text = MONTH_PLAN
    if form == "tabs":
        text = text.replace(" | ", "\t").replace(" |", "")
    elif form == "two-row heading":  # the last label's parts on a row of their own (奉化's 2025年进展情况)
        text = text.replace("截至6月底进展 | 7月工作计划 |", "2024年进展情况 | ||\n截至6月底进展 | 7月工作计划 | |||")
    d = _draft(text)
    got = [(e["kind"], e["value_text"], e["deadline"], e["deadline_inferred"]) for e in d["entries"]]
    assert got == [("target", "3所", "2024-12-31", True), ("milestone", None, "2024-07-31", False),
                   ("target", "200张", "2024-12-31", True), ("target", "30张", "2024-07-31", False)], ROUND18
    assert {"80%", "120张"} <= {re.sub(r".*?(\d+[%张]).*", r"\1", x["text"]) for x in d["exclusions"]}


@pytest.mark.parametrize("label", ["进展情况", "下步计划", "下一步工作计划", "目前进展", "工作现状", "工作基础", "完成情况"])
def test_a_report_column_beside_the_units_holds_no_targets(label):
    d = _draft("某区2024年重点工作任务分解表\n序号 | 工作任务 | 牵头单位 | 完成时限 | " + label + " |\n"
               "1 | 新建充电桩500个 | 区发改局 | 2024年10月底前 | 已建成充电桩320个,完成投资1.2亿元 |\n"
               "2 | 完成老旧小区改造30个 | 区住建局 | 2024年12月底前 | 已开工18个 |\n")
    assert [(e["value_text"], e["deadline"], e["lead"]) for e in d["entries"]] == [
        ("500个", "2024-10-31", ["区发改局"]), ("30个", "2024-12-31", ["区住建局"])], ROUND18


def test_the_land_a_building_takes_is_no_target():
    _kept_and_why("新建学校1所,用地面积为7165.96平方米,建筑面积4286.2平方米。", ["1所", "4286.2平方米"], None, ROUND18,
                  "某市2024年教育工作方案")


# --------------------------------------------------------------------------- round eighteen's faults (twenty-second round's rules)

ROUND18F = "issue 28, round eighteen's held-out set (development documents since b698856): a form its faults show"

# A year, a count or a quarter that names a document, an order, a list's label or a report, or sizes the document's own
# parts or the scope of a list: no step and no target (the entries each text should draft, as a reviewer registers them)
NAMES_NOT_STEPS = [
    # a notice named in running text (湛江's news lead)
    ("某市2024年实施河湖长制工作要点\n4月7日,某市水务局发布关于某市2024年实施河湖长制工作要点的通知。\n1.新建城镇污水管网75公里。\n",
     [("target", "75公里", "2024-12-31")]),
    ("某市2024年实施河湖长制工作要点\n市政府办公室印发了某市2024年河湖长制工作要点的通知,请认真贯彻落实。\n"
     "1.新建城镇污水管网75公里。\n", [("target", "75公里", "2024-12-31")]),
    # the year's guidance (湛江's opening: …工作要以…为指导)
    ("某市2024年实施河湖长制工作要点\n2024年,全市河湖长制工作要以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神,"
     "全面落实河湖长制。\n1.新建城镇污水管网75公里。\n", [("target", "75公里", "2024-12-31")]),
    ("某县2024年水利工作要点\n2024年全县水利工作要以党的二十大精神为统领,紧扣防灾减灾、饮水安全,扎实推进水利高质量发展。\n"
     "1.完成水毁修复工程20处。\n", [("target", "20处", "2024-12-31")]),
    ("某县2024年水利工作要点\n会议明确,2024年全县水利工作要紧扣防灾减灾、饮水安全等工作为主线,以十项重点水利工作为抓手,"
     "推动水利建设提质升级。\n1.完成水毁修复工程20处。\n", [("target", "20处", "2024-12-31")]),
    # an order's number, a document in 《》, a label of the year's goals, the scope of a list (内蒙古)
    ("某省2025年河湖长制工作要点\n3月10日,总河湖长共同签发2025年第1号总河湖长令《某省2025年河长制湖长制工作要点》,提出26项重点任务,"
     "提出2025年工作目标:农业新增节水2.7亿立方米以上;以黄河、西辽河等21条河流为重点,从严落实主河槽区禁种管控要求;"
     "新建幸福河湖不少于20条(段)。\n",
     [("target", "2.7亿立方米", "2025-12-31"), ("target", "20条", "2025-12-31")]),
    # a notice's title in a page's index block (鼓楼)
    ("| 信息名称: | 区政府关于印发2026年区政府主要工作目标任务分解落实方案的通知 | ||\n2026年区政府主要工作目标任务分解落实方案\n"
     "1.新建充电桩500个。(区发改局)\n", [("target", "500个", "2026-12-31")]),
    # a report's title: the quarter it reports on (泗洲头)
    ("某镇2024年度重点工作计划二季度执行情况\n1.新建充电桩500个。(镇经发办)\n", [("target", "500个", "2024-12-31")]),
    ("某区2024年重点工作一季度推进情况\n1.新建充电桩500个。(区发改局)\n", [("target", "500个", "2024-12-31")]),
    # the count of a document's own articles (山亭)
    ("某区推动大规模设备更新工作方案\n为全面做好设备更新工作,某区发改局起草制定了《某区推动大规模设备更新工作方案》(以下简称《方案》),"
     "包括八个部分,共28条。\n到2027年,新建充电桩500个。\n", [("target", "500个", "2027-12-31")]),
]


@pytest.mark.parametrize("text, want", NAMES_NOT_STEPS, ids=[str(i) for i in range(len(NAMES_NOT_STEPS))])
def test_a_year_count_or_quarter_that_names_a_document_or_a_list_is_no_entry(text, want):
    d = _draft(text)
    assert [(e["kind"], e["value_text"], e["deadline"]) for e in d["entries"]] == want, ROUND18F


# Units as round eighteen's texts write them: a label and its value set as cells between bars (广州), a 主办/协办
# parenthetical whose supporting names end in no office suffix (鼓楼's 相关街道板块), half-width or full-width
UNITS_ROUND18F = [
    ("重点工作: | 1.新建充电桩500个。 |\n牵头单位: | 市城市管理综合执法局 |", ["市城市管理综合执法局"], []),
    ("重点工作：｜1.新建充电桩500个。｜\n牵头单位：｜市发改委｜\n配合单位：｜市财政局、市住建局｜", ["市发改委"], ["市财政局", "市住建局"]),
    ("1.新建充电桩500个。(区商务局主办,相关街道板块协办)", ["区商务局"], ["相关街道板块"]),
    ("1.新建充电桩500个。（区商务局主办，各街道板块、区住建局协办）", ["区商务局"], ["各街道板块", "区住建局"]),
]


@pytest.mark.parametrize("task, lead, support", UNITS_ROUND18F, ids=[str(i) for i in range(len(UNITS_ROUND18F))])
def test_units_as_round_eighteens_texts_write_them(task, lead, support):
    [t] = _targets(_draft("某市2023年重点工作\n" + task + "\n"))
    assert (t["lead"], t["support"], t["units_inferred"]) == (lead, support, False), ROUND18F


@pytest.mark.parametrize("title", ["某县2024年十项重点水利工作敲定", "某县2024年水利工作要点"])
def test_a_title_naming_one_year_keeps_it_as_the_period_and_a_longer_step_keeps_its_date(title):
    """汉阴 (round eighteen's held-out set): a step reaching beyond the title's year (自2024年起至2029年止…完成并购) had
    stretched the period to 2029, dating every target of the year's list 2029."""
    d = _draft(f"{title}\n一是完成全县户表改造1万户,各镇供水工程自2024年起至2029年止完成并购。\n二是完成水毁修复工程20处。\n")
    assert d["meta"]["period"]["end"] == "2024-12-31", ROUND18F
    got = [(e["kind"], e["value_text"], e["deadline_text"], e["deadline"]) for e in d["entries"]]
    assert got == [("target", "1万户", None, "2024-12-31"), ("milestone", None, "至2029年止", "2029-12-31"),
                   ("target", "20处", None, "2024-12-31")], ROUND18F


# --------------------------------------------------------------------------- round nineteen's faults (twenty-third round's rules)

ROUND19F = "issue 28, round nineteen's held-out set (development documents since d1d8968): a form its faults show"


def _kinds(d: dict) -> list[tuple]:
    return [(e["kind"], e["value_text"] if e["kind"] == "target" else e["deadline_text"], e["deadline"])
            for e in d["entries"]]


# Dates as a reviewer writes them in the registry: 确保 governs the clause, not the date; a weekday in brackets and
# 下班前 are part of a notice's deadline; a vision named with its year (2035年远景目标) dates nothing.
DATES_ROUND19F = [
    ("某州教育优质均衡发展实施方案\n2022年10月10日\n一、工作目标\n全面提升教育质量,确保2034年底全州4县市实现义务教育优质均衡发展目标。\n",
     [("milestone", "2034年底", "2034-12-31")]),
    ("某州教育优质均衡发展实施方案\n2022年10月10日\n二、推进措施\n1.加强统筹。确保到2032年底,甲县实现优质均衡发展目标。\n",
     [("milestone", "到2032年底", "2032-12-31")]),
    # counter-case: 力争 stays in the phrase, as the shipped registry writes it (力争到2025年)
    ("某州教育优质均衡发展实施方案\n2022年10月10日\n二、推进措施\n1.加强统筹。力争到2025年,甲县实现优质均衡发展目标。\n",
     [("milestone", "力争到2025年", "2025-12-31")]),
    # a vision named with its year: no step
    ("某州教育优质均衡发展实施方案\n2022年10月10日\n二、推进措施\n1.加强统筹。结合“十四五”规划和2035年远景目标,各县市要将教育作为"
     "重要举措,纳入统筹谋划。到2030年,甲县实现优质均衡发展目标。\n", [("milestone", "到2030年", "2030-12-31")]),
    # a weekday in brackets, and 下班前, belong to the deadline
    ("关于报送2025年企业名单的通知\n各县(市)、区科技管理部门:\n请于2025年2月17日(星期一)下班前报送成果科邮箱。\n某地区科技局\n2025年2月10日\n",
     [("milestone", "2025年2月17日(星期一)下班前", "2025-02-17")]),
    ("关于报送2025年企业名单的通知\n各县(市)、区科技管理部门:\n请于2025年3月3日（周一）前报送企业名单。\n某地区科技局\n2025年2月10日\n",
     [("milestone", "2025年3月3日（周一）前", "2025-03-03")]),
]


@pytest.mark.parametrize("text, want", DATES_ROUND19F, ids=[str(i) for i in range(len(DATES_ROUND19F))])
def test_dates_as_round_nineteens_texts_write_them(text, want):
    assert _kinds(_draft(text)) == want, ROUND19F


# Numbers that name, order or describe rather than set a goal: a meeting's ordinal, an access standard or a circle's
# size in minutes, a project's estimated cost, a list (a 培育库) named with its year, an e-paper's navigation
NAMES_ROUND19F = [
    ("某县2025年供水保障工作方案\n我县召开县委农办2025年第2次(扩大)会议。\n1.新建供水站12个。\n", [("target", "12个", "2025-12-31")]),
    ("某区2022年重点工作任务分解\n并报经区政府十九届第1次常务会议审议同意。\n1.新建供水站12个。\n", [("target", "12个", "2022-12-31")]),
    # counter-case: a count of sessions to hold stays a target
    ("某区2022年重点工作任务分解\n1.全年召开推进会4次。\n", [("target", "4次", "2022-12-31")]),
    ("某市2021年全民健身实施计划\n1.建设城市社区15分钟健身圈,新建健身步道20公里。\n", [("target", "20公里", "2021-12-31")]),
    ("某市2023年交通行动方案\n1.聚焦全市域,90%以上乡镇实现15分钟上高速,中心城区30分钟通勤圈基本形成。\n",
     [("target", "90%", "2023-12-31")]),
    # counter-case: a time limit a service keeps is a target
    ("某市2023年政务服务方案\n1.群众办事等候时间压缩至15分钟以内。\n", [("target", "15分钟", "2023-12-31")]),
    ("某乡2024年民生实事\n1.完成12个单村供水站改造提升,总投资额约470万元,计划于2024年8月完工。\n",
     [("target", "12个", "2024-08-31")]),
    # counter-case: an investment to reach stays a target
    ("某乡2024年民生实事\n1.完成重点项目投资,总投资不少于190亿元。\n", [("target", "190亿元", "2024-12-31")]),
    ("关于报送企业名单的通知\n各区科技管理部门:\n各区要成立2025年科技型中小企业培育库、2025年高新技术企业培育库,"
     "重点培育企业要明确2025年能否申报,并于2025年2月17日前报送培育库名单。\n附件1:2025年高新技术企业培育库模板\n某地区科技局\n2025年2月10日\n",
     [("milestone", "2025年2月17日前", "2025-02-17")]),
]


@pytest.mark.parametrize("text, want", NAMES_ROUND19F, ids=[str(i) for i in range(len(NAMES_ROUND19F))])
def test_numbers_that_name_order_or_describe_are_no_entries(text, want):
    assert _kinds(_draft(text)) == want, ROUND19F


def test_an_e_papers_navigation_is_page_furniture():
    assert is_page_furniture("在线读报封面 我县召开县委农办2025年第2次(扩大)会议 维护群众切身利益"), ROUND19F
    assert not is_page_furniture("我县召开县委农办2025年第2次(扩大)会议,部署供水保障工作。"), ROUND19F



@pytest.mark.parametrize("line", ["广告热线: (0871)65364045  新闻热线: (0871)65390101",
                                  "24小时网站违法和不良信息举报电话: 0871-65390101  举报邮箱: 2779967946@qq.com",
                                  "投稿邮箱：news@example.cn", "值班电话：0571-12345678"])
def test_a_news_sites_contact_lines_are_page_furniture(line):
    """云南 (round twenty-one): laid out double-spaced, the hotline's number ran into 24小时 and drafted a target."""
    assert is_page_furniture(line)


def test_a_hotline_a_plan_opens_is_no_furniture():
    assert not is_page_furniture("开通12345政务服务热线，2024年底前实现7×24小时人工服务。")
    assert not is_page_furniture("设立举报电话并向社会公布")

# A report on a list: what was done (完成情况:…) is no step and no target; the goal it restates (年度目标:…) is, dated by
# the completion its sentence names (计划于2024年8月完工)
def test_a_reports_completion_line_drafts_nothing_and_its_goal_keeps_its_date():
    d = _draft("某乡人民政府关于2024年民生实事项目进展情况的报告\n一、关于供水站提升项目进展情况\n(一)责任领导:张某\n"
               "(二)年度目标:完成12个单村供水站改造提升,计划于2024年8月完工。\n"
               "(三)完成情况:12个单村供水站提升项目于2024年1月份完成招投标、2024年6月份全面完工、2025年1月14日完成验收。\n")
    assert _kinds(d) == [("target", "12个", "2024-08-31")], ROUND19F
    assert d["meta"]["period"]["end"] == "2024-12-31", ROUND19F


# 部门分工：X牵头，各地、各部门配合。 on a line of its own under the task (广东's breakdown of its 政府工作报告)
@pytest.mark.parametrize("label", ["部门分工", "任务分工", "责任分工"])
def test_a_duty_line_names_the_lead_and_its_support(label):
    d = _draft("某省2021年政府工作报告重点任务分工方案\n一、2021年经济社会发展主要预期目标\n1.地区生产总值增长6%以上。\n"
               f"分管省领导:张某\n{label}:省发展改革委牵头,各地、各部门配合。\n2.地方一般公共预算收入增长5%左右。\n"
               f"分管省领导:李某\n{label}：省财政厅牵头，省税务局配合。\n")
    got = [(t["value_text"], t["lead"], t["support"], t["units_inferred"]) for t in _targets(d)]
    assert got == [("6%", ["省发展改革委"], ["各地", "各部门"], False), ("5%", ["省财政厅"], ["省税务局"], False)], ROUND19F


# A quarter's report table: its title (…完成情况汇总表) names a year, which is the period, whatever plan a progress cell
# says was issued; a number column named 任务项; a column named by the quarter's breakdown (一季度任务分解) holds the steps
def test_a_quarter_report_table_reads_its_steps_and_keeps_its_title_year():
    d = _draft("2025年一季度市交通运输局重点工作完成情况汇总表\n"
               "任务项 | 重点工作内容 | 牵头责任单位 | 一季度任务分解 | 一季度进展情况 | 完成状况 |\n"
               "1 | 加快濉唐路三期工程进度。 | 市交通运输局 | 路基清表75%,梁板预制5%。 | 路基清表基本完成,梁板预制完成10%。 | 已完成 |\n"
               "2 | 完成通用机场前期工作。 | 市交通运输局 | 完成项目立项。 | 已印发《某市起降点布局规划(2024-2035年)》。 |\n"
               "已完成 |\n")
    assert d["meta"]["period"]["start"] == "2025-01-01" and d["meta"]["period"]["end"] == "2025-12-31", ROUND19F
    got = [(e["kind"], e["value_text"], e["deadline"], e["lead"], e["units_inferred"]) for e in d["entries"]]
    assert got == [("target", "75%", "2025-03-31", ["市交通运输局"], False),
                   ("target", "5%", "2025-03-31", ["市交通运输局"], False),
                   ("milestone", None, "2025-03-31", ["市交通运输局"], False)], ROUND19F


# A report's table naming its task and progress columns only (序号 | 任务内容 | 进展情况, 浙江省卫健委): the progress cells
# draft nothing, the task cells are the plan's — whether the page sets it between bars or one cell a paragraph
@pytest.mark.parametrize("table", [
    "序号 | 任务内容 | 进展情况 |\n1 | 新增配置自动体外除颤仪1万台 | 已完成项目方案制定,配置300台。 |\n"
    "2 | 免费接种流感疫苗 | 已接种12万人。 |\n",
    "序号\n任务内容\n进展情况\n1\n新增配置自动体外除颤仪1万台\n已完成项目方案制定,配置300台。\n2\n免费接种流感疫苗\n已接种12万人。\n",
])
def test_a_progress_report_table_drafts_its_tasks_only(table):
    d = _draft("2024年省政府民生实事进展情况(一季度)\n" + table)
    assert [(e["kind"], e["value_text"]) for e in d["entries"]] == [("target", "1万台")], ROUND19F


# A table with no number column set one cell a paragraph (年度目标任务 / 责任部门 / 进度安排 / 完成情况, 淮北 2021): read row by
# row at its heading's width, as when its cells are marked " |"
def test_a_table_without_a_number_column_one_cell_a_paragraph_keeps_its_units():
    d = _draft("2021年第四季度重点工作落实情况\n年度目标任务\n责任部门\n进度安排\n完成情况\n"
               "75. 加快交通基础设施建设。\n市交通运输局\n第四季度:开展项目落实相关工作。\n已编制完成规划。\n")
    assert [(e["kind"], e["deadline"], e["lead"], e["units_inferred"]) for e in d["entries"]] == [
        ("milestone", "2021-12-31", ["市交通运输局"], False)], ROUND19F


# --------------------------------------------------------------------------- round twenty's faults (twenty-fourth round's rules)

ROUND20F = "issue 28, round twenty's held-out set (development documents since 56246ec): a form its faults show"


def _leads(d: dict) -> list[tuple]:
    return [(e["value_text"] if e["kind"] == "target" else e["deadline_text"], e["lead"], e["support"], e["units_inferred"])
            for e in d["entries"]]


# Units in bare parentheses after each indicator, a collective among them in the brackets a notice writes its numbers
# with (各县〔市、区〕政府): every name leads, as an unlabelled 责任单位 does
@pytest.mark.parametrize("collective", ["各县〔市、区〕政府", "各县（市、区）政府", "各县(市、区)人民政府", "各区〔市〕县政府"])
def test_bare_parentheses_with_a_collective_in_any_bracket_lead(collective):
    d = _draft("某市2023年政府工作报告重点工作任务分解\n一、2023年经济社会发展主要预期目标分解\n"
               f"1.地区生产总值增长7%以上。(市发展改革委,{collective})\n2.研发投入强度超过2.4%。(市科技局,{collective})\n")
    assert _leads(d) == [("7%", ["市发展改革委", collective], [], False), ("2.4%", ["市科技局", collective], [], False)], ROUND20F


# ★ before the first unit of a cell marks the lead (标★的为牵头单位), as ▲ does
@pytest.mark.parametrize("mark", ["★", "▲"])
def test_a_star_marks_the_lead_among_a_cells_units(mark):
    d = _draft("某区2024年重点工作目标任务分解落实方案\n序号 | 重点工作目标任务 | 牵头领导 | 责任单位 |\n"
               f"1 | 地区生产总值增长5%以上。 | 钱宇 | {mark}区发改委、统计局 |\n2 | 进出口总额增长3%。 | 方勇 | {mark}区商务局、吴江海关 |\n")
    assert _leads(d) == [("5%", ["区发改委"], ["统计局"], False), ("3%", ["区商务局"], ["吴江海关"], False)], ROUND20F


# A row whose task the page broke into sub-rows, each with its own leader and units (the 序号 and 项目 cells merged over
# them, a leader's cell merged or empty): each sub-row's task takes the units after it — one cell a paragraph, or a row
# a line. Counter-case: a sub-row with no unit cell (柯桥's task in two rows) is more of the row's task, led by its units.
_SUB_ROWS = [
    "序号\n项目\n重点工作目标任务\n牵头领导\n责任单位\n1\n主要预期目标\n1.地区生产总值增长5%以上。\n钱宇\n★区发改委、统计局\n"
    "2.一般公共预算收入增长6%以上。\n★区财政局、税务局\n3.规上工业总产值增长5%左右。\n王某\n李某\n★区工信局、统计局\n"
    "2\n科技创新\n4.新增高新技术企业100家。\n方勇\n★区科技局\n",
    "序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n1\n|\n主要预期目标\n|\n1.地区生产总值增长5%以上。\n|\n钱宇\n|\n"
    "★区发改委、统计局\n|\n2.一般公共预算收入增长6%以上。\n|\n★区财政局、税务局\n|\n|||\n3.规上工业总产值增长5%左右。\n|\n|\n"
    "★区工信局、统计局\n|\n||\n2\n|\n科技创新\n|\n4.新增高新技术企业100家。\n|\n方勇\n|\n★区科技局\n|\n",
    "序号 | 项目 | 重点工作目标任务 | 牵头领导 | 责任单位 |\n1 | 主要预期目标 | 1.地区生产总值增长5%以上。 | 钱宇 | ★区发改委、统计局 |\n"
    "2.一般公共预算收入增长6%以上。 | ★区财政局、税务局 |\n3.规上工业总产值增长5%左右。 | 王某 | ★区工信局、统计局 |\n"
    "2 | 科技创新 | 4.新增高新技术企业100家。 | 方勇 | ★区科技局 |\n",
]


@pytest.mark.parametrize("table", _SUB_ROWS, ids=["paragraphs", "cell-then-bar", "bars"])
def test_sub_rows_of_a_merged_row_take_their_own_units(table):
    d = _draft("某区2024年重点工作目标任务分解落实方案\n" + table)
    assert _leads(d) == [("5%", ["区发改委"], ["统计局"], False), ("6%", ["区财政局"], ["税务局"], False),
                         ("5%", ["区工信局"], ["统计局"], False), ("100家", ["区科技局"], [], False)], ROUND20F


def test_a_sub_row_without_units_is_more_of_the_rows_task():
    d = _draft("某区2024年民生实事\n序号 | 项目 | 工作任务 | 责任单位 |\n1 | 教育 | 新建学校2所。 | 区教育局 |\n新增学位810个。 | ||\n"
               "2 | 卫生 | 新建卫生院1所。 | 区卫健局 |\n")
    assert _leads(d) == [("2所", ["区教育局"], [], False), ("810个", ["区教育局"], [], False),
                         ("1所", ["区卫健局"], [], False)], ROUND20F


# A table's 责任单位 cell with its units one a paragraph (no 牵头 label: each leads), and a heading whose labels the page
# broke over paragraphs (开工 / 时间, 竣工 / 时间, 总投资 / (万元)): the work is due when its completion column says
def test_a_start_and_a_completion_column_date_the_row_by_its_completion():
    d = _draft("2025年民生实事项目进展情况表\n序号\n项目名称\n项目内容\n责任单位\n开工\n时间\n竣工\n时间\n总投资\n(万元)\n项目进展情况\n"
               "1\n完整社区建设\n建设面积约15万平方米。\n市住建局\n柴桑区政府\n濂溪区政府\n2025年3月\n2025年12月\n23000\n正在施工。\n"
               "2\n打通断头路\n道路全长190米。\n市城管局\n市城发集团\n2024年7月\n2025年11月\n7300\n已开工。\n")
    got = [(t["value_text"], t["deadline"], t["lead"]) for t in _targets(d)]
    assert got == [("15万平方米", "2025-12-31", ["市住建局", "柴桑区政府", "濂溪区政府"]),
                   ("190米", "2025-11-30", ["市城管局", "市城发集团"])], ROUND20F


# counter-case: a table with a 配合单位 column keeps its second unit cell as support
def test_a_support_column_keeps_the_second_unit_cell():
    d = _draft("2025年民生实事任务分解\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n新建学校3所。\n区教育局\n区财政局\n2025年9月\n")
    assert [(t["lead"], t["support"], t["deadline"]) for t in _targets(d)] == [
        (["区教育局"], ["区财政局"], "2025-09-30")], ROUND20F


# What describes a project's build: its route (东起…, 西至…, 与…相接, 上跨…), its scope (主要包括…工程等), its technique
# (采用…面层, 2-32米桥跨方案) and its widths (宽12米, 桥梁宽度为30米) — no steps, no targets; the length of the work stays
DESCRIBES_ROUND20F = [
    ("1.新建道路项目:东起天马小学,西至和平路,全长190米,宽12米,主要包括道路工程、排水工程、照明工程等。", [("target", "190米")]),
    ("1.站前路延伸段工程:道路西起学院路,与站前路相接,上跨快速路,东止于怡康路,道路全长286米,桥梁宽度为30米,采用沥青混凝土面层,"
     "采用2-32米桥跨方案。", [("target", "286米")]),
    # counter-cases: work that links two things up, and a width a plan commits to widen to, stay
    ("1.2025年底前推动园区开展试点,与重点河流治理有效衔接。", [("milestone", None), ("milestone", None)]),
    ("1.拓宽道路至30米。", [("target", "30米")]),
]


@pytest.mark.parametrize("task, want", DESCRIBES_ROUND20F, ids=[str(i) for i in range(len(DESCRIBES_ROUND20F))])
def test_what_describes_a_projects_build_is_no_entry(task, want):
    d = _draft("某市2025年民生实事项目\n" + task + "\n")
    assert [(e["kind"], e["value_text"]) for e in d["entries"]] == want, ROUND20F


# The count of a list's own projects or tasks, after 共计/共…大类/细分出: the list's size; a count a plan commits to stays
@pytest.mark.parametrize("text, kept", [
    ("本次工作计划涉及教育、医疗等8大类,共计37个项目。", []),
    ("《方案》共细分出171项目标任务,均明确牵头单位与责任单位。", []),
    ("2.新开工37个项目。\n3.完成171项目标任务。", ["37个", "171项"]),
])
def test_the_count_of_a_lists_own_projects_is_no_target(text, kept):
    d = _draft("某区2025年为民办实事工作计划\n1.新建学校3所。\n" + text + "\n")
    assert sorted(t["value_text"] for t in _targets(d)) == sorted(kept + ["3所"]), ROUND20F


# A table without 序号 whose unit columns close it (主要工作任务 / 牵头单位 / 责任单位, one cell a paragraph): a row is its task and
# the unit cells after it, however many paragraphs the 责任单位 cell takes; a group row between rows belongs to none
def test_a_table_without_a_number_column_takes_a_unit_cell_over_paragraphs():
    d = _draft("某区2024年政府工作报告主要工作任务分解表\n\n主要工作任务\n\n牵头单位\n\n责任单位\n\n一、优结构、谋发展\n\n"
               "1.壮大531个支撑企业。\n\n区发改局\n\n区工信局、区商务局\n\n2.大力发展战略性新兴产业。\n\n区发改局\n\n区工信局\n\n"
               "各街道办事处\n\n3.数字经济核心产业增加值占GDP比重达到10%。\n\n区科技局\n\n区工信局\n")
    assert [(t["value_text"], t["lead"], t["support"]) for t in _targets(d)] == [
        ("531个", ["区发改局"], ["区工信局", "区商务局"]), ("10%", ["区科技局"], ["区工信局"])], ROUND20F


# Page furniture and a report's date: a post's date with its source (2024年03月15日来源:…); the day a progress table counts
# to, in brackets after its title ((截至5月31日)); a project's name heading its description (1某某社区建设项目:…)
@pytest.mark.parametrize("text, want", [
    ("某区2024年重点工作任务分解表\n2024年03月15日来源:某区人民政府办公室\n1.新建学校3所。\n", [("target", "3所", "2024-12-31")]),
    ("2025年民生实事项目进展情况表(截至5月31日)\n1.新建学校3所。\n", [("target", "3所", "2025-12-31")]),
    # counter-case: a date a step is due by, after 截至, stays
    ("某区2025年重点工作任务\n1.截至2025年6月底前,新建学校3所。\n", [("target", "3所", "2025-06-30")]),
    ("2025年民生实事项目\n1.1某某社区完整社区建设项目:建设面积约15万平方米。\n", [("target", "15万平方米", "2025-12-31")]),
])
def test_a_posts_date_a_reports_day_and_a_projects_name_are_no_steps(text, want):
    assert _kinds(_draft(text)) == want, ROUND20F


# --------------------------------------------------------------------------- round twenty-one's faults (issue 28)
ROUND21F = "issue 28, twenty-fifth round: round twenty-one's held-out set's faults (嘉善, 融安, …)"


def _figs(d: dict) -> list[tuple]:
    return [(t["line"], t["value_text"], t["value"], t["unit"], t["comparator"], t["deadline"], t["lead"], t["support"])
            for t in _targets(d)]


# A target table with year columns (指标 | 现值 | 2023年目标 | 2025年目标 | 责任单位): each filled cell of a year column is a
# target of its row's indicator, in the measure the row names ((个), (亿元), (%) or a 单位 cell), due at that year's end;
# "—" sets none (a 责任单位 cell of several units: each leads, as the convention has it without a note saying the first
# leads); the baseline column (现值, 基期值) is an exclusion; the period runs from the first year column to the last
_YEARS_BAR = ("序号 | 指标名称 | 现值 | 2023年目标 | 2025年目标 | 责任单位 |\n"
              "1 | 新建项目(个)、完成投资(亿元) | — | 15、37 | 40、500 | 县发改局、县经信局 |\n"
              "2 | 城镇化率(%) | 74.5 | 75 | 77 | 县统计局 |\n")
_YEARS_WANT = [
    (2, "15", 15, "个", "=", "2023-12-31", ["县发改局", "县经信局"], []),
    (2, "37", 3.7e9, "元", "=", "2023-12-31", ["县发改局", "县经信局"], []),
    (2, "40", 40, "个", "=", "2025-12-31", ["县发改局", "县经信局"], []),
    (2, "500", 5e10, "元", "=", "2025-12-31", ["县发改局", "县经信局"], []),
    (3, "75", 75, "%", "=", "2023-12-31", ["县统计局"], []),
    (3, "77", 77, "%", "=", "2025-12-31", ["县统计局"], [])]


@pytest.mark.parametrize("text, want, period", [
    (_YEARS_BAR, _YEARS_WANT, ("2023-01-01", "2025-12-31")),
    # tabs between the cells
    (_YEARS_BAR.replace(" | ", "\t").replace(" |", ""), _YEARS_WANT, ("2023-01-01", "2025-12-31")),
    # a 单位 column instead of the row's brackets; 预期目标 labels; a comparator in the cell
    ("序号 | 指标 | 单位 | 基期值 | 2024年预期目标 | 2026年预期目标 | 牵头单位 |\n"
     "1 | 森林覆盖率 | % | 40 | ≥41 | 42左右 | 市林业局 |\n",
     [(1 + 1, "41", 41, "%", ">=", "2024-12-31", ["市林业局"], []),
      (2, "42", 42, "%", "~", "2026-12-31", ["市林业局"], [])], ("2024-01-01", "2026-12-31")),
    # counter-case: a year column of words (2024年目标任务: 完成…) stays the task's text, read as a sentence
    ("序号 | 重点任务 | 2024年目标任务 | 责任单位 |\n1 | 学校建设 | 新建学校3所。 | 区教育局 |\n",
     [(2, "3所", 3, "所", "=", "2024-12-31", ["区教育局"], [])], None),
])
def test_a_target_tables_year_columns_are_targets_due_at_each_years_end(text, want, period):
    d = _draft(text)
    assert _figs(d) == want, ROUND21F
    if period:
        assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period, ROUND21F


def test_a_target_tables_baseline_cell_is_an_exclusion_that_says_so():
    d = _draft(_YEARS_BAR)
    base = [x for x in d["exclusions"] if x["line"] == 3 and "74.5" in x["text"]]
    assert base and base[0]["reason"] == say("extract.reason.baseline_cell", "en"), ROUND21F


@pytest.mark.parametrize("head, years", [
    (["序号", "指标", "2020年", "2025年"], {3: "2025年"}),  # bare years: the first is the baseline's
    (["序号", "指标", "现状值", "2020年", "2025年"], {3: "2020年", 4: "2025年"}),  # a baseline named: every year a target
    (["序号", "指标", "2023年目标", "目标值(2025年)"], {2: "2023年目标", 3: "目标值(2025年)"}),
    (["序号", "工作任务", "责任单位", "完成时限"], {}),
])
def test_which_columns_of_a_heading_are_year_targets(head, years):
    from plancli.extract.layout import year_columns
    assert year_columns(head) == years, ROUND21F


# A site's list of a post's attachments under its text (相关附件: / 相关文档:) is page furniture: the last sentence does not run
# on over it (海口's quote had run past its line); counter-case: 附件 as a notice's annex list is read as before
@pytest.mark.parametrize("line", ["相关附件:", "相关文档:", "相关附件"])
def test_a_posts_attachment_list_is_page_furniture(line):
    assert is_page_furniture(line), ROUND21F
    d = _draft(f"某局2024年工作要点\n1.10月底前完成整改。\n\n\n{line}\n\n相关文档:\n")
    assert [(e["line"], e["quote"]) for e in d["entries"]] == [(2, "10月底前完成整改")], ROUND21F


# --------------------------------------------------------------------------- round twenty-two's faults (issue 28)
ROUND22F = "issue 28, twenty-sixth round: round twenty-two's held-out set's faults (新昌, 嘉兴, 连云港, …)"

# A table without 序号 whose time column stands before its unit column (项目名称 | 工作任务 | 计划完成时间 | 牵头单位), a
# project's name merged over the rows of its tasks, a task shared by two units split over two rows (the second a time and
# a unit only: that unit's step), a row of a task and a unit only (its time in its words)
_REGISTER = ("2021年某县民生实事进展情况登记表\n项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
             "1.道路提升项目 | 改造城区道路3条; | 11月 | 建设局 |\n2021.8 | 城投集团 | ||\n"
             "新建公园2处; | 2021.12 | 城投集团 | |\n计划10月底完成公园绿化 | 公共服务集团 | ||\n"
             "2.学校建设项目 | 新建学校2所,新增墓穴100穴。 | 10月底前 | 教体局 |\n")


def test_a_tables_time_column_before_its_units_dates_each_row_and_a_time_and_unit_row_is_a_step():
    d = _draft(_REGISTER)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2021-01-01", "2021-12-31"), ROUND22F
    got = [(e["kind"], e["line"], e["value_text"], e["deadline"], e["lead"], bool(e.get("units_inferred")))
           for e in d["entries"]]
    assert got == [("target", 3, "3条", "2021-11-30", ["建设局"], False),
                   ("milestone", 4, None, "2021-08-31", ["城投集团"], False),
                   ("target", 5, "2处", "2021-12-31", ["城投集团"], False),
                   ("milestone", 6, None, "2021-10-31", ["公共服务集团"], False),
                   ("target", 7, "2所", "2021-10-31", ["教体局"], False),
                   ("target", 7, "100穴", "2021-10-31", ["教体局"], False)], ROUND22F


def test_a_projects_name_cell_is_no_step_but_a_cell_doing_a_project_is():
    head = "2021年某县民生实事项目一览表\n项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
    d = _draft(head + "1.道路提升项目 | 改造城区道路3条; | 11月 | 建设局 |\n")
    assert [e["kind"] for e in d["entries"]] == ["target"], ROUND22F
    d = _draft(head + "1.启动城东道路工程 | 改造城区道路3条; | 11月 | 建设局 |\n")  # counter-case: a step doing it
    assert [e["kind"] for e in d["entries"]] == ["milestone", "target"], ROUND22F


@pytest.mark.parametrize("task, want", [
    ("投资5000万元,提升改造公路40公里;计划投资1067万元,完成22所学校空调安装。", ["40公里", "22所"]),
    # counter-cases: the investment as the goal, completed or the year's plan standing alone
    ("完成投资5000万元,新建学校3所。", ["5000万元", "3所"]),
    ("年度计划投资90亿元。", ["90亿元"]),
])
def test_the_money_a_task_is_done_with_is_no_target(task, want):
    d = _draft(f"2021年某县民生实事项目\n1.{task}\n")
    assert [t["value_text"] for t in _targets(d)] == want, ROUND22F
    if len(want) == 2 and want[0] == "40公里":
        assert {x["reason"] for x in d["exclusions"] if "投资" in x["text"]} == {say("extract.reason.funds", "en")}


def test_a_project_that_is_its_row_stays_a_step():
    # counter-case to the numbered name: under a 序号 column the project is the row, dated by its row (九江)
    d = _draft("2021年某县民生实事项目一览表\n序号 | 项目名称 | 工作任务 | 完成时间 | 牵头单位 |\n"
               "1 | 道路提升项目 | 改造城区道路3条; | 11月 | 建设局 |\n")
    assert [e["kind"] for e in d["entries"]] == ["milestone", "target"], ROUND22F


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_task_cells_first_clause_is_read_alike_between_bars_and_tabs(sep):
    # the bar between two task cells was masked into the first clause of the second, which then drafted no step (淮北
    # 2025's second step, 九江's project row); between tabs it did: both now read it alike. (Since the session of
    # 2026-12-07 a row's time cell dates one step a row — its project — and the figure: 完成道路设计招标 is no second step.)
    row = sep.join(["1", "道路项目", "完成道路设计招标,新建道路3条。", "11月", "建设局"])
    d = _draft(f"2021年某县重点项目一览表\n{sep.join(['序号', '项目名称', '工作任务', '完成时间', '牵头单位'])}\n{row}\n")
    assert [(e["kind"], e["quote"]) for e in d["entries"]] == [
        ("milestone", "道路项目"), ("target", "新建道路3条")], ROUND22F


def test_a_page_that_opens_with_its_tables_heading_row_has_no_title():
    """嘉善 (round twenty-one): a page whose first line is its table's heading row had that row as its document title and
    its plan's name (序号 | 任务名称 | 嘉善现值 | … |); a row of cells is neither."""
    text = ("序号 | 任务名称 | 现值 | 2023年目标 | 2025年目标 | 责任单位 |\n|\n一、发展目标 |\n"
            "1 | 新建学校(所) | 2 | 3 | 5 | 县教育局 |\n|\n")
    d = extract(text, source_name="x.txt")
    assert d["meta"]["document"].get("title") is None
    assert d["meta"]["plans"][0]["name"] == "一、发展目标"
    assert [(e["value_text"], e["deadline"]) for e in d["entries"]] == [("3", "2023-12-31"), ("5", "2025-12-31")]


# --------------------------------------------------------------------------- leftovers of rounds twenty-five and twenty-six
LEFT26 = "issue 28, twenty-seventh round: leftovers of rounds twenty-five and twenty-six (连云港, 思明)"

@pytest.mark.parametrize("text, want, reason", [
    # a list's own count: its kinds, then its count, after the noun (连云港); on its own line of a news page (思明)
    ("票决产生的市民生实事项目共十大项50件,涵盖教育、卫生健康等方面。\n1.新建学校3所。", ["3所"], "extract.reason.own_parts"),
    ("本次工作计划\n共计37个项目\n一起来看看\n1.新建学校3所。", ["3所"], "extract.reason.own_parts"),
    # the scope of a programme, counted after 面向 (连云港)
    ("1.面向全市627所学校、75万名学生开展网信普法教育。", [], "extract.reason.scope"),
    # counter-cases: the count done (a verb of doing before it), the work counted after 面向 and its verb (gz633)
    ("全年完成民生实事项目共50件。", ["50件"], None),
    ("1.面向全市中小学生开展网信普法教育1000场次。", ["1000场次"], None),
    ("1.面向全市高校择优设立50个特聘岗位。", ["50个"], None),
])
def test_a_lists_own_count_and_a_programmes_scope_are_no_targets(text, want, reason):
    d = _draft(f"2022年某市民生实事项目\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == want, LEFT26
    if reason:
        assert say(reason, "en") in {x["reason"] for x in d["exclusions"]}, LEFT26


# --------------------------------------------------------------------------- a one-year list's own year
ONE_YEAR = "issue 28, twenty-eighth round: the year of a one-year list dates no step (临澧, 嘉定, 澄城, 浙江's 民生实事)"


@pytest.mark.parametrize("text, kept", [
    # the list's year said again, opening a paragraph or after a lead clause: a frame, no step
    ("2021年某县将积极对接“十四五”规划,重点围绕农村公路养护体制改革试点,力争创建示范县。", []),
    ("会议明确,2021年某县将积极对接“十四五”规划。", []),
    ("为全省重点人群免费开展结直肠癌筛查,2021年重点筛查60岁以上人群。", []),
    # counter-cases: a date with a month or 年底前 is a step; so is a year in a text of more than one year (below)
    ("2021年6月底前完成农村公路养护体制改革。", ["2021年6月底前"]),
    ("2021年底前完成农村公路养护体制改革。", ["2021年底前"]),
    # … and so is the year followed by a verb of completing or starting, after its subject or not (大连, 宝安)
    ("2021年启动首批农村公路养护中心建设。", ["2021年"]),
    ("2021年,某县将建成农村公路养护中心。", ["2021年"]),
])
def test_the_year_of_a_one_year_list_dates_no_step_of_its_own(text, kept):
    d = _draft(f"某县2021年交通工作要点\n{text}\n")
    assert [e["deadline_text"] for e in d["entries"] if e["kind"] == "milestone"] == kept, ONE_YEAR
    if not kept:
        assert say("extract.reason.list_year", "en") in {x["reason"] for x in d["exclusions"] if x["line"] == 2}


def test_a_year_in_a_text_of_more_than_one_year_still_dates_its_step():
    d = _draft("某县交通三年行动计划(2021-2023年)\n2021年启动农村公路养护体制改革试点。\n")
    assert [e["deadline_text"] for e in d["entries"] if e["kind"] == "milestone"] == ["2021年"], ONE_YEAR


def test_a_one_year_lists_year_still_dates_its_targets():
    d = _draft("某县2021年交通工作要点\n2021年,全县新改建农村公路100公里。\n")
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [("100公里", "2021-12-31")], ONE_YEAR


ROUND23 = "issue 28, twenty-eighth round: round twenty-three's faults (泉州, 湖南, 滨州, 峨山)"


@pytest.mark.parametrize("text, value_text, value, unit", [
    # a magnitude in words after a comparator keeps its unit, as a figure in digits does (泉州, 湖南)
    ("累计新增投用产业空间超千万平方米。", "千万平方米", 10_000_000, "平方米"),
    ("旅游总收入突破万亿元大关。", "万亿元", 10 ** 12, "元"),  # a bare 万亿 after 突破 counts one of it
    ("年接待游客破万人次。", "万人次", 10_000, "人次"),
    ("营业收入突破千亿元。", "千亿元", 10 ** 11, "元"),
])
def test_a_magnitude_in_words_after_a_comparator_is_read_with_its_unit(text, value_text, value, unit):
    d = _draft(f"某市2024年工作要点\n{text}\n")
    assert [(t["value_text"], t["value"], t["unit"], t["comparator"]) for t in _targets(d)] == \
        [(value_text, value, unit, ">")], ROUND23


def test_a_slogans_stages_in_quotes_date_nothing():
    # “一年打基础、两年重攻坚、三年建长效”: the stages of a slogan; the dates that follow each are the steps (滨州, 峨山)
    d = _draft("某市城市品质提升三年行动实施方案(2020-2022年)\n按照“一年打基础、起势头,两年重攻坚、有看头,三年建长效、争一流”"
               "的工作要求,走出一条城市发展之路。到2021年底,有序推进重点项目建设。\n")
    assert [e["deadline_text"] for e in d["entries"]] == ["到2021年底"], ROUND23
    # counter-case: a span of years outside quotes still dates its step
    d = _draft("某市城市品质提升实施方案\n用两年时间完成老旧小区改造。\n", period=parse_period("2020:2022"))
    assert [e["deadline_text"] for e in d["entries"]] == ["用两年时间"], ROUND23


TABLES23 = "issue 28, twenty-eighth round: round twenty-three's tables (西兴街道, 杨凌, 绥宁)"

# 西兴街道's key-project table: row 1's items 2. and 3. each a sub-row of its task and its own progress cell, the 序号,
# 项目类别 and 责任科室 cells merged over them (one cell a paragraph, or a row a line between bars)
_XIXING_PARAGRAPHS = ("序号\n\n项目类别\n\n具体项目及内容\n\n责任科室\n\n1-6月完成情况\n\n1\n\n推进街区建设\n\n"
                      "1. 提升城市综合环境秩序,计划11月底前完成;\n\n公共管理办、各社区\n\n已完成。\n\n"
                      "2. 整治道路两侧店招店牌50家,计划7月底前完成;\n\n已完成。\n\n"
                      "3. 提升改造公厕3处,计划8月底前完成;\n\n公厕完成1座。\n")
_XIXING_BARS = ("序号 | 项目类别 | 具体项目及内容 | 责任科室 | 1-6月完成情况 |\n"
                "1 | 推进街区建设 | 1. 提升城市综合环境秩序,计划11月底前完成; | 公共管理办、各社区 | 已完成。 |\n"
                "2. 整治道路两侧店招店牌50家,计划7月底前完成; | 已完成。 |\n"
                "3. 提升改造公厕3处,计划8月底前完成; | 公厕完成1座。 |\n")


@pytest.mark.parametrize("text", [_XIXING_PARAGRAPHS, _XIXING_BARS, _XIXING_BARS.replace(" | ", "\t").replace(" |", "")],
                         ids=["paragraphs", "bars", "tabs"])
def test_numbered_items_under_a_rows_merged_cells_are_its_tasks_and_their_report_cells_none(text):
    d = _draft(text, period=parse_period("2022:2022"))
    assert [(e["kind"], e["value_text"], e["deadline"], e["lead"]) for e in d["entries"]] == [
        ("milestone", None, "2022-11-30", ["公共管理办", "各社区"]),
        ("target", "50家", "2022-07-31", ["公共管理办", "各社区"]),
        ("target", "3处", "2022-08-31", ["公共管理办", "各社区"])], TABLES23  # (公厕完成1座: the report's)


def test_cells_after_a_rows_units_that_are_no_numbered_sub_rows_stay_the_reports():
    # counter-case: the cells after the units are no items continuing the row's (a second progress paragraph): not tasks
    text = _XIXING_PARAGRAPHS.replace("2. 整治道路两侧店招店牌50家,计划7月底前完成;", "迎春区块完成店招店牌50家;")
    d = _draft(text, period=parse_period("2022:2022"))
    assert [e["value_text"] for e in d["entries"]] == [None], TABLES23


# 杨凌's target assessment: a time cell merged over its quarter's rows, a 工作任务 cell naming what its 目标及质量要求 cell sets
_YANGLING = ("时限 | 类别 | 工作任务 | 目标及质量要求 | 备注 |\n"
             "全年 | 核心指标 | 企业经营 | 完成收入800万元;建成火炬园三期工程;对外投资要确保资金安全。 | |\n"
             "第 一 季 度 | 企业经营 (55分) | 收入(20分) | 200万元 | |\n"
             "税后利润(20分) | 35万元 | |||\n"
             "第 二 季 度 | 企业经营 (55分) | 收入(20分) | 150万元 | |\n"
             "税后利润(20分) | 25万元 | |||\n")


@pytest.mark.parametrize("form", ["bars", "cell-lines"])
def test_a_time_cell_merged_over_its_blocks_rows_dates_them_and_the_task_cell_names_the_targets(form):
    # (one cell a line ending in " |", the merged rows' empty marks after their cells: 全年 | under 备注 | opens no heading)
    text = _YANGLING if form == "bars" else relaid_tables(_YANGLING, form)
    d = _draft(text, period=parse_period("2021:2021"))
    if form != "bars":
        assert [(e["kind"], e["value_text"], e["deadline"]) for e in d["entries"]] == [
            (e["kind"], e["value_text"], e["deadline"]) for e in _draft(_YANGLING, period=parse_period("2021:2021"))["entries"]]
        return
    assert [(e["line"], e["kind"], e["value_text"], e["deadline"]) for e in d["entries"]] == [
        (2, "target", "800万元", "2021-12-31"), (2, "milestone", None, "2021-12-31"),  # (确保资金安全: standing work)
        (3, "target", "200万元", "2021-03-31"), (4, "target", "35万元", "2021-03-31"),
        (5, "target", "150万元", "2021-06-30"), (6, "target", "25万元", "2021-06-30")], TABLES23
    assert [e["metric"] for e in d["entries"] if e["line"] in (4, 6)] == ["税后利润", "税后利润"], TABLES23


def test_a_task_cell_with_a_figure_of_its_own_stays_a_task_beside_its_target_cell():
    # counter-case: 新建充电桩500个 is a target, whatever the cell beside it says
    text = _YANGLING.replace("税后利润(20分) | 35万元", "新建充电桩500个(20分) | 完成验收")
    d = _draft(text, period=parse_period("2021:2021"))
    assert [(e["kind"], e["value_text"], e["deadline"]) for e in d["entries"] if e["line"] == 4] == [
        ("target", "500个", "2021-03-31"), ("milestone", None, "2021-03-31")], TABLES23


def test_a_whole_year_time_cell_dates_what_is_completed_not_standing_work():
    # 霍山's 全年 rows (坚持…, 全力推进…: no step) beside 杨凌's (建成…工程 by the year's end)
    text = ("2025年开发区重点工作及责任清单\n序号 | 重点工作 | 责任单位 | 完成时限 |\n"
            "1 | 坚持服务跟着项目走,全力推进项目落地见效。 | 招商工作部 | 全年 |\n"
            "2 | 建成污水处理厂提升项目。 | 规划建设局 | 全年 |\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["deadline"]) for e in d["entries"]] == [(4, "milestone", "2025-12-31")], TABLES23


# 绥宁's target list with its 牵头单位 cell written once over rows 2-3 (a row a cell short, its one unit cell the 责任单位)
_SUINING = ("某县健康提升行动计划主要目标责任清单\n"
            "序号 | 指标名称 | 单位 | 2022年 | 2025年 | 牵头单位 | 责任单位 |\n"
            "1 | 居民健康素养水平 | % | 21.6 | ≥31.5 | 县卫健局 | 县疾控中心,各乡镇人民政府 |\n"
            "2 | 总体癌症5年生存率 | % | 35 | ≥38 | 县疾控中心、县人民医院,各乡镇人民政府 |\n"
            "3 | 重大慢性病过早死亡率 | % | 0.17 | ≤12.7 | 县疾控中心,各乡镇人民政府 |\n")


def test_a_rows_one_unit_cell_that_continues_the_responsible_units_above_is_its_support_under_the_merged_lead():
    d = _draft(_SUINING, period=parse_period("2025:2027"))
    assert [(e["value_text"], e["lead"], e["support"]) for e in d["entries"]] == [
        ("31.5", ["县卫健局"], ["县疾控中心", "各乡镇人民政府"]),
        ("38", ["县卫健局"], ["县疾控中心", "县人民医院", "各乡镇人民政府"]),
        ("12.7", ["县卫健局"], ["县疾控中心", "各乡镇人民政府"])], TABLES23


def test_a_rows_one_unit_cell_naming_none_of_the_units_above_stays_its_lead():
    # counter-case: 县体育局 is none of row 1's units — the row's lead as written (its 责任单位 the one merged or left empty)
    d = _draft(_SUINING.replace("| 县疾控中心、县人民医院,各乡镇人民政府 |", "| 县体育局 |"), period=parse_period("2025:2027"))
    assert [(e["value_text"], e["lead"], e["support"]) for e in d["entries"]][1] == ("38", ["县体育局"], []), TABLES23


@pytest.mark.parametrize("text, kept, reason", [
    # the rate a rule pays, 按照…的标准 (枞阳, round twenty-one): no target
    ("按照1500元/人的标准发放求职创业补贴。", [], "extract.reason.rule_bound"),
    ("对公建公营敬老院按照平均每年每院5万元的标准给予补助。", [], "extract.reason.rule_bound"),
    # the most a rule allows (广州's 家庭医生 plan, bench/documents/dept2023_guangzhou_jiayi.txt line 22)
    ("经家庭医生评估可将处方用药量最长放宽至3个月。", [], "extract.reason.rule_bound"),
    # counter-cases: a standard with no rate in it, a 标准化 thing built
    ("按照国家标准新建标准化厂房10万平方米。", ["10万平方米"], None),
    # 户次 is a count of its own (枞阳's 不少于37户次)
    ("为困难职工提供生活救助不少于37户次。", ["37户次"], None),
])
def test_the_rate_a_rule_pays_is_no_target_and_households_are_counted_as_written(text, kept, reason):
    d = _draft(f"某县2024年民生实事\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, ROUND23
    if reason:
        assert say(reason, "en") in {x["reason"] for x in d["exclusions"]}


ROUND24 = "issue 28, twenty-eighth round: round twenty-four's faults (武汉, 沈阳, 朝阳, 井研, 南昌, 苍南)"


def test_a_department_names_its_offices_and_units_under_one_label():
    # 武汉市农业农村局 2022: (责任处室及单位:种植业管理处,发展规划处,…,农技中心) — the label had not been read, every lead 待定
    d = _draft("某市农业农村局2022年工作要点\n1.稳定粮食生产。确保粮食种植面积稳定在218万亩。(责任处室及单位:种植业管理处,农技中心)\n")
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("218万亩", ["种植业管理处", "农技中心"])], ROUND24


@pytest.mark.parametrize("text, kept", [
    # the span of years naming an action or its goals dates nothing (沈阳, 朝阳)
    ("实施旅游业三年“倍增”行动,推动产业升级。", []),
    ("今年是实现村庄环境基本干净整洁有序三年目标的收官之年。", []),
    # counter-case: a span that times the work still dates it
    ("用三年时间完成老旧小区改造。", ["用三年时间"]),
])
def test_a_span_of_years_naming_an_action_or_its_goals_dates_nothing(text, kept):
    d = _draft(f"某市旅游业发展工作方案\n{text}\n", period=parse_period("2023:2025"))
    assert [e["deadline_text"] for e in d["entries"] if e["kind"] == "milestone"] == kept, ROUND24


@pytest.mark.parametrize("text, kept, reason", [
    # a staffing rate a rule sets (朝阳): 按照每400人配备1名保洁员的标准
    ("抓好按照每400人配备1名保洁员的标准落实保洁队伍。", [], "extract.reason.rule_bound"),
    # the shares of the money a task is funded with, after 其中 (井研, 南昌)
    ("计划安排资金70万元,其中争取中央补助24万元,争取省级补助16万元,县级安排30万元。", [], "extract.reason.funds"),
    ("2021年筹集资金约600亿元,其中:财政性资金214亿元,建设性资金386亿元。", [], "extract.reason.funds"),
    # counter-case: the parts of a size built are the targets (their sum restates them)
    ("新建保障性住房1000套,其中公租房600套,共有产权房400套。", ["600套", "400套"], "extract.reason.sum_of_parts"),
])
def test_a_rules_staffing_rate_and_the_shares_of_funding_are_no_targets(text, kept, reason):
    d = _draft(f"某县2021年民生实事\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, ROUND24
    assert say(reason, "en") in {x["reason"] for x in d["exclusions"]}, ROUND24


def test_an_items_heading_stating_its_target_again_is_the_texts_copy():
    """井研 (round twenty-four): 一、减免…700名幼儿保教费(责任单位:县教育局) over the paragraph 减免…700名…保教费。 — one target,
    the paragraph's; the heading's copy an exclusion naming its line. A heading with a figure its text does not repeat keeps
    it (涉县's 一、新建充电桩500个)."""
    text = ("某县2021年民生实事实施方案\n一、减免700名幼儿保教费(责任单位:县教育局)\n"
            "减免700名家庭经济困难儿童学前教育保教费。\n二、新建充电桩500个(责任单位:县发改局)\n年底前全部建成投用。\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"], t["lead"]) for t in _targets(d)] == [
        (3, "700名", ["县教育局"]), (4, "500个", ["县发改局"])], ROUND24
    assert any(x["line"] == 2 and x["reason"] == say("extract.reason.heading_copy", "en", line=3) for x in d["exclusions"])


def test_a_progress_column_before_the_units_is_no_task_text():
    # 苍南's 进度表 (round twenty-four): 序号 / 项目内容 / 当前进度 / 牵头单位 — its 80%(…滞后) cells had been drafted as targets
    text = ("2022年度民生实事项目进度表\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n备注\n\n1\n\n新建公办园5所。\n\n"
            "80%(进度滞后)\n\n县教育局\n\n\n2\n\n新改建农村公路55公里。\n\n95%\n\n县交通局\n\n")
    d = _draft(text)
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("5所", ["县教育局"]), ("55公里", ["县交通局"])], ROUND24


ROUND24_TABLES = "issue 28, twenty-eighth round: round twenty-four's tables (怀远, 龙湾)"


@pytest.mark.parametrize("units, lead", [
    # 怀远's 牵头责任单位 cells name the bureau's 股 (农田建设管理股、农业股): a county bureau's sections are units — the row had
    # been read as merged with the row above (经管站)
    ("农田建设管理股、农业股", ["农田建设管理股", "农业股"]),
    # one a paragraph (农业股 / 乡村产业发展股): one cell, both lead
    ("农业股\n\n乡村产业发展股", ["农业股", "乡村产业发展股"]),
])
def test_a_bureaus_sections_named_gu_lead_their_row(units, lead):
    text = ("某县农业农村局2023年重点工作完成情况\n\n序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n是否达到序时进度\n\n"
            "6\n\n完成改革试验20万亩。\n\n经管站\n\n2023年底\n\n已完成31.7万亩。\n\n是\n\n"
            f"52\n\n建成高标准农田8.3万亩。\n\n{units}\n\n2023年底\n\n正在施工中。\n")
    d = _draft(text)
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("20万亩", ["经管站"]), ("8.3万亩", lead)], ROUND24_TABLES


def test_a_task_ending_in_a_share_is_no_unit():
    # counter-case to 怀远's 股: 引导农户以土地经营权入股 under 目标任务 stays the row's task, led by the unit cell after it
    text = ("某县农业农村局2023年重点工作\n\n序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n"
            "1\n\n引导农户以土地经营权入股\n\n经管站\n\n2023年6月底\n\n2\n\n建成高标准农田8.3万亩。\n\n农业股\n\n2023年10月底\n")
    d = _draft(text)
    assert [(e["line"], e["kind"], e["deadline"], e["lead"]) for e in d["entries"]] == [
        (13, "milestone", "2023-06-30", ["经管站"]), (21, "target", "2023-10-31", ["农业股"])], ROUND24_TABLES


@pytest.mark.parametrize("title, when, task, steps", [
    # 怀远's 2023 list, 2023年底 on every row: the year's standing work is no step (加强…, 持续开展…)
    ("某县农业农村局2023年重点工作", "2023年底", "加强农产品品牌建设,持续开展农资打假专项治理行动。", []),
    ("某县农业农村局2023年重点工作", "年底前", "持续开展农资打假专项治理行动。", []),
    # counter-cases: what is to be done by then stays a step (as under 全年); a month dates its steps; a year's end before
    # the plan's is a step of the plan
    ("某县农业农村局2023年重点工作", "2023年底", "完成农村土地承包经营权确权登记。", ["2023-12-31"]),
    ("某县农业农村局2023年重点工作", "10月底前", "持续开展农资打假专项治理行动。", ["2023-10-31"]),
    ("某县农业农村局重点工作三年行动计划(2023-2025年)", "2023年底", "持续开展农资打假专项治理行动。", ["2023-12-31"]),
])
def test_a_cell_naming_the_plans_year_end_dates_no_standing_work(title, when, task, steps):
    text = (f"{title}\n\n序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n1\n\n{task}\n\n农业执法大队\n\n{when}\n\n"
            "2\n\n创建优质专用粮食生产基地62万亩。\n\n农业股\n\n2023年底\n")
    d = _draft(text)
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps, ROUND24_TABLES
    assert [t["value_text"] for t in _targets(d)] == ["62万亩"], ROUND24_TABLES


_LONGWAN = ("某区卫生健康事业发展“十四五”规划\n到2025年,基本建成健康某区。\n表 1:“十四五”时期卫生健康事业发展主要指标\n"
            "{head}\n健康水平 指标 | 1 | 人均期望寿命 | 岁 | 83 |\n2 | 婴儿死亡率 | ‰ | <5 | |\n3 | 孕产妇死亡率 | 1/10万 | <7 | |\n"
            "4 | 健康浙江建设发展指数 | % | 达到市定水平 | |\n服务体系 指标 | 5 | 每千常住人口注册护士数 | 人 | 2.81 |\n"
            "6 | 每千常住人口医疗机构床位数 | 张 | |\n7 | 出生人口性别比 | <109 | ||\n")


def test_a_target_table_naming_no_unit_is_read_by_its_year_column():
    """龙湾's 十四五 indicators (round twenty-four's tables): 类别 | 序号 | 指标名称 | 单位 | 2025年, the 类别 cell opening each
    group's first row. Every figure under 2025年 is a target due at its end, in the row's 单位 (1/10万 as written); 达到市定水平
    and an empty cell are none; row 7, a ratio, has its figure a cell early (its 单位 cell left empty). None had been read."""
    d = _draft(_LONGWAN.format(head="类别 | 序号 | 指标名称 | 单位 | 2025年 |"), period=parse_period("2021:2025"))
    assert [(t["line"], t["value_text"], t["value"], t["unit"], t["comparator"], t["deadline"]) for t in _targets(d)] == [
        (5, "83", 83, "岁", "=", "2025-12-31"), (6, "5", 5, "‰", "<", "2025-12-31"),
        (7, "7", 7, "1/10万", "<", "2025-12-31"), (9, "2.81", 2.81, "人", "=", "2025-12-31"),
        (11, "109", 109, None, "<", "2025-12-31")], ROUND24_TABLES


def test_a_target_tables_first_bare_year_of_two_stays_its_baseline():
    # counter-case: 指标名称 | 单位 | 2020年 | 2025年 — the first of two bare years is the baseline's (its figures no targets)
    text = ("某区卫生健康事业发展“十四五”规划\n序号 | 指标名称 | 单位 | 2020年 | 2025年 |\n1 | 人均期望寿命 | 岁 | 81.5 | 83 |\n"
            "2 | 每千常住人口注册护士数 | 人 | 2.6 | 2.81 |\n")
    d = _draft(text, period=parse_period("2021:2025"))
    assert [(t["line"], t["value_text"], t["deadline"]) for t in _targets(d)] == [
        (3, "83", "2025-12-31"), (4, "2.81", "2025-12-31")], ROUND24_TABLES


TABLES25 = "issue 28, twenty-eighth round: round twenty-five's tables"

# 维智's “十四五”教育事业发展主要指标表 one cell a paragraph (county2021_weizhi_jiaoyu): 指  标 | 2020年 | 2025年 | 属性, no 序号,
# group rows (一、发展水平) each followed by a whitespace-only cell, rows numbered in their label (1.学前教育毛入园率(%)), a row
# with a sub-indicator (其中:…) holding its two values one under the other in each column
_WEIZHI = ("“十四五”教育事业发展主要指标表\n\n指  标\n\n2020年\n\n2025年\n\n属性\n\n一、发展水平\n\n     \n\n"
           "1.学前教育毛入园率(%)\n\n99%\n\n99%以上\n\n约束性\n\n2.高中阶段教育毛入学率(%)\n\n99.8%\n\n100%\n\n约束性\n\n"
           "3.劳动年龄人口平均受教育年限(年)\n\n11.4年\n\n12.3年以上\n\n约束性\n\n二、师资发展水平\n\n     \n\n"
           "1.幼儿教师专科及以上学历比例(%)\n\n其中:本科及以上学历比例(%)\n\n97.74%\n\n49.85%\n\n100%\n\n50%\n\n预期性\n\n"
           "2.义务教育标准班额比例(%)\n\n其中:小学\n\n初中\n\n34.52%\n\n77.34%\n\n80%以上\n\n85%以上\n\n预期性\n")


def test_an_indicator_table_with_no_number_column_is_read_by_its_year_columns():
    """维智 (round twenty-five's tables): a heading 指  标 | 2020年 | 2025年 | 属性 opens no 序号 column and ends in an
    attribute column (约束性/预期性). The first bare year is the baseline's, the 2025年 cells are the targets, a row with a
    sub-indicator holds its values column by column (main, 其中). Every cell had been drafted, the baselines too."""
    d = _draft(_WEIZHI, period=parse_period("2021:2025"))
    assert [(t["line"], t["value_text"], t["comparator"], t["deadline"]) for t in _targets(d)] == [
        (19, "99%", ">=", "2025-12-31"), (27, "100%", "=", "2025-12-31"), (35, "12.3年", ">=", "2025-12-31"),
        (51, "100%", "=", "2025-12-31"), (53, "50%", "=", "2025-12-31"),
        (67, "80%", ">=", "2025-12-31"), (69, "85%", ">=", "2025-12-31")], TABLES25


def test_a_table_of_two_bare_years_naming_no_indicator_is_no_target_table():
    # counter-case: a heading of two bare years with no 序号 whose first label names no indicator (项目 | 2020年 | 2025年 |
    # 备注) is not read as a target table: its cells stay paragraphs, each figure drafted as it was (the 2020 one too)
    text = ("某县教育事业发展规划\n\n项目\n\n2020年\n\n2025年\n\n备注\n\n学校数量\n\n30所\n\n35所\n\n新建\n")
    d = _draft(text, period=parse_period("2021:2025"))
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(13, "30所"), (15, "35所")], TABLES25


# 肇庆's 2020 民生实事 (city2020_zhaoqing_minsheng), a row a line with bars: 大类 before 序号, the group's name opening its
# first row; the lead unit and its head in one cell (市民政局 伍泽国); a 落实进展情况 column reporting the levels reached
_ZHAOQING = ("大类 | 序号 | 工作任务 | 分管 市领导 | 牵头单位及 主要负责人 | 落实进展情况 |\n"
             "一、继续提高底线民生保障水平 | 1 | 将农村低保人均最低补差水平提高到每人每月300元。 | 陈某某 | {units} | 已完成。 "
             "山区县补差水平提高到农村300元/人月,中心区提高到459元/人月。 |\n"
             "2 | 将全市集中供养孤儿养育标准提高到每人每月2200元。 | 陈某某 | 市民政局 伍某某 | 已完成。 端州区提高到2200元/人月。 |\n")


@pytest.mark.parametrize("units, lead, support", [
    ("市民政局 伍某某", ["市民政局"], []),
    # counter-case: two units a space apart stay two units (no person's name after them)
    ("市民政局 市财政局", ["市民政局", "市财政局"], []),
])
def test_a_category_column_and_a_unit_with_its_head_read_the_row(units, lead, support):
    """肇庆 (round twenty-five's tables): 大类 names the group column before 序号 (as 类别 does), and a unit cell under
    牵头单位及主要负责人 names the unit, then after a space its head: the unit leads. The table had not been read at all
    (every lead 待定, the progress column's levels drafted as targets)."""
    d = _draft(_ZHAOQING.format(units=units), period=parse_period("2020:2020"))
    assert [(t["line"], t["value_text"], t["lead"], t["support"]) for t in _targets(d)] == [
        (2, "300元", lead, support), (3, "2200元", ["市民政局"], [])], TABLES25


def test_a_persons_name_after_a_unit_outside_a_unit_column_stays_text():
    # counter-case: a task cell ending in a unit and a name a space apart is the task's text, the unit column leads
    text = ("某市2024年民生实事\n序号 | 工作任务 | 牵头单位 | 完成时限 |\n1 | 新建社区食堂10个,由市民政局 统筹 | 市商务局 | 2024年底 |\n")
    d = _draft(text)
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("10个", ["市商务局"])], TABLES25


@pytest.mark.parametrize("group", ["一、发展水平\n", ""])
def test_an_indicator_table_between_bars_reads_past_its_group_rows(group):
    # 维智's heading between bars: a group row (一、发展水平) on its own line under the heading had ended the table before
    # its first row (every cell, the 2020 ones too, drafted as prose)
    text = ("“十四五”教育事业发展主要指标表\n指标 | 2020年 | 2025年 | 属性 |\n" + group
            + "1.学前教育毛入园率(%) | 99% | 99%以上 | 约束性 |\n2.高中阶段教育毛入学率(%) | 99.8% | 100% | 约束性 |\n")
    d = _draft(text, period=parse_period("2021:2025"))
    first = 3 + bool(group)
    assert [(t["line"], t["value_text"], t["comparator"]) for t in _targets(d)] == [
        (first, "99%", ">="), (first + 1, "100%", "=")], TABLES25

PROSE25 = "issue 28, twenty-eighth round: round twenty-five's prose"
XP20 = "bench county2020_xiping_mubiao (西平 2020 target progress report: a target line, then its progress line)"


@pytest.mark.parametrize("progress", [
    # the year's months so far (1-11月…同比增长6.3%), and a report month (截止11月份): a cumulative figure reported
    "1-11月固定资产投资同比增长6.3%,全市第3位。",
    "截止11月份规上工业增加值当月增速6.8%,1-11月累计增速4.9%。",
    "1-12月份共发放补贴资金12.3万元。",
    # a verb and 了: done (增加了护理型床位50 张); 已 before the verb, not an attribute (已完成关闭退出任务)
    "我县对托养中心进行了改建,增加了护理型床位50张,护理型床位共159张,达到100%。",
    "为20所敬老院开辟了无障碍通道。",
    "9月28日某公司已完成关闭退出任务。",
])
def test_a_progress_line_under_a_target_reports_results(progress):
    d = _draft(f"某县2020年工作责任目标\n1.完成20所敬老院适老化改造。\n{progress}\n")
    assert [(e["kind"], e["line"]) for e in d["entries"]] == [("target", 2)], XP20
    assert say("extract.reason.done", "en") in {x["reason"] for x in d["exclusions"] if x["line"] == 3}, XP20


@pytest.mark.parametrize("text, kept", [
    # counter-cases: 为了 is a purpose, 已建成的 an attribute, 截至6月底 a mid-year target, 1-6月 not read as a span
    ("为了改善居住条件,新建保障性住房1000套。", ["1000套"]),
    ("对已建成的小区新增停车位500个。", ["500个"]),
    ("截至6月底,完成全年投资任务的50%。", ["50%"]),
    # a target with its progress after it in one sentence (池州's report): the progress clause alone is a result
    ("地区生产总值增长6.5%以上,1-10月份增长0.5%,固定资产投资增长8%以上。", ["6.5%", "8%"]),
])
def test_a_purpose_an_attribute_or_a_mid_year_date_is_no_progress(text, kept):
    d = _draft(f"某县2020年工作责任目标\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, PROSE25


CX21 = "bench city2021_chuxiong_minsheng (楚雄州2021年8项民生工程和10件惠民实事工作方案)"


@pytest.mark.parametrize("text, kept", [
    # the count of a list of 民生工程 in the plan's own name, and in the heading over its numbered items
    ("为办好民生实事,特制定8项民生工程和10件惠民实事工作方案。\n一、工作任务\n(一)实施8项民生工程\n1.城乡居民增收工程\n"
     "新增城镇就业1.39万人。", ["1.39万人"]),
    # counter-case: a count of works a plan commits to, with no list of them after it
    ("一、工作任务\n(一)重点任务\n全年建成3项水利工程。", ["3项"]),
])
def test_the_count_of_a_list_of_minsheng_gongcheng_names_the_list(text, kept):
    d = _draft(f"某州2021年民生工程工作方案\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, CX21


def test_a_one_year_lists_own_year_heading_its_items_dates_none_of_their_clauses():
    """南漳镇 2023 (round twenty-five) with its items' numbers on lines of their own: 2023年,我镇将… over the projects had
    dated every clause of each project (该项目位于…, 占地500余亩, 目前正在进行土地流转) as a step of 2023 — the list's own year
    dates no step of its own sentence (round twenty-eight), nor of the items it heads; their own dates still do."""
    text = ("某镇2023年工作计划\n一是推进产业强镇。2023年,我镇将谋划农业项目,具体如下:\n(一)\n"
            "中药材产业园项目:该项目位于某村,占地500余亩,目前正在进行土地流转,2023年5月竣工。\n")
    d = _draft(text)
    assert [(e["kind"], e["deadline"]) for e in d["entries"]] == [("milestone", "2023-05-31")], ONE_YEAR


@pytest.mark.parametrize("line", [
    "您当前所在的位置:首页 > 州政府 > 政府公报 > 2024年 > 2024年第1期 > 州委办、州政府办文件",
    "所在位置:首页 > 新闻中心 > 部门动态",
    "政府公报 > 2024年第1期 > 州政府文件",
])
def test_a_breadcrumb_however_it_is_worded_is_page_furniture(line):
    """湘西 (round twenty-six): 您当前所在的位置:首页 > … > 2024年第1期 > … had drafted 1期 as a target, its quote running over the
    notice's title below (the line contract broken); a breadcrumb is the page's, whatever it is called."""
    d = _draft(f"{line}\n某州2024年重点工作方案\n1.新建学校3所。\n")
    assert [(t["line"], t["value_text"]) for t in _targets(d)] == [(3, "3所")]


@pytest.mark.parametrize("text, kept, dated", [
    # the money a project is to be given, 拟投入 as 预计投入 (苏尼特左旗, round twenty-six); the work it pays for stays
    ("该旗拟投入81.6万元,新建公厕10座。", ["10座"], []),
    # a span of years naming a plan (兴宁, round twenty-six): 三年实施方案 dates nothing
    ("完成三年实施方案确定的目标任务。", [], []),
    # counter-case: a span that times the work
    ("用三年时间完成老旧小区改造。", [], ["用三年时间"]),
])
def test_money_a_project_is_to_be_given_and_a_plans_span_are_no_entries(text, kept, dated):
    d = _draft(f"某旗民生实事工作方案\n{text}\n", period=parse_period("2026:2028"))
    assert [t["value_text"] for t in _targets(d)] == kept
    assert [e["deadline_text"] for e in d["entries"] if e["kind"] == "milestone"] == dated


ITEMS26 = "issue 28, twenty-ninth round: a list's items one a line, numbered as sections"
DY25 = "bench city2025_deyang_minsheng (德阳市6月民生实事项目清单)"


def test_an_item_a_line_numbered_as_a_section_is_a_task_of_its_own():
    """德阳 (round twenty-six): 一、 名称 正文 责任单位: X 完成时限: YYYY年M月, each item on its line, too long to be a section
    heading. Each item is a task with its own units and time: the first item's labels had dated the notice above it and
    the second item (300余米 due in June under the wrong unit)."""
    text = ("根据规定,按月发布民生实事项目清单。现面向社会发布6月民生实事项目清单。\n"
            "一、 开展道路交通安全隐患治理 对市域内7条重点道路进行综合整治。 责任单位: 某经开区管委会 完成时限: 2025年6月\n"
            "二、 打通金河西路断头路 计划打通城区金河西路300余米断头路。 责任单位: 某市人民政府 完成时限: 2025年8月\n")
    d = _draft(text, period=parse_period("2025:2025"))
    got = [(t["line"], t["value_text"], t["deadline"], t["lead"]) for t in _targets(d)]
    assert got == [(2, "7条", "2025-06-30", ["某经开区管委会"]), (3, "300余米", "2025-08-31", ["某市人民政府"])], DY25
    assert not [e for e in d["entries"] if e["line"] == 1], DY25  # the notice is no task


def test_an_items_heading_with_its_units_heads_the_text_under_it():
    """井研 (county2021_jingyan_minsheng): 一、减免…700名幼儿保教费(责任单位:县教育局) on its line, the item's text on the
    next — the heading's units are the item's (before the rule above, each item's text had been read under the next
    item's heading, right only because every item named the same bureau)."""
    text = ("某县2021年民生实事实施方案\n县委、县政府决定2021年突出办好2件民生实事。\n"
            "一、减免700名幼儿保教费(责任单位:县教育局)\n减免700名幼儿学前教育保教费。\n"
            "二、新建公厕10座(责任单位:县城管局)\n新建城区公厕10座。\n")
    d = _draft(text)
    got = [(t["line"], t["value_text"], t["lead"]) for t in _targets(d)]
    assert (4, "700名", ["县教育局"]) in got and (6, "10座", ["县城管局"]) in got, ITEMS26
    assert all(t["lead"] == (["县教育局"] if t["line"] <= 4 else ["县城管局"]) for t in _targets(d))


@pytest.mark.parametrize("body, steps", [
    # why, how, what came before and what it brings: no steps of a task that commits to a figure by its 完成时限
    ("该路因历史遗留问题长期未贯通,致使周边拥堵频发。计划打通金河西路300余米断头路,完工后将有效缓解拥堵现状。", []),
    ("通过增设隔离护栏等措施,对7条重点道路进行综合整治,保障人民群众生命财产安全。", []),
    # counter-case: a clause that completes or opens something is a step of it too
    ("新建公厕10座,完成项目立项,正式开工建设。", ["完成项目立项", "正式开工建设"]),
])
def test_a_dated_task_with_a_figure_drafts_only_its_clauses_that_complete_or_open(body, steps):
    text = f"某市2025年民生实事项目清单\n一、 民生实事项目 {body} 责任单位: 某市住建局 完成时限: 2025年8月\n"
    d = _draft(text, period=parse_period("2025:2025"))
    assert _targets(d) and all(t["deadline"] == "2025-08-31" for t in _targets(d)), DY25
    got = [e["quote"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == len(steps) and all(any(s in q for q in got) for s in steps), (got, DY25)


@pytest.mark.parametrize("text, kept", [
    # a project's total investment, as the text describes it (甘谷, 南漳镇), and a list's (武进, 宁波)
    ("加快建设总投资7.58亿元的县医院迁建项目,新增床位500张。", ["500张"]),
    ("该项目总投资120万元,新建冷库3座。", ["3座"]),
    ("全区政府投资项目建设计划总投资290.88亿元,年度计划投资87.12亿元。", ["87.12亿元"]),
    ("实施重点项目,总投资规模约740亿元,完成年度投资155亿元。", ["155亿元"]),
    # counter-case: a total set as a floor is a goal
    ("全年城市建设项目总投资70亿元以上。", ["70亿元"]),
])
def test_a_projects_total_investment_describes_it(text, kept):
    d = _draft(f"某县2025年重点项目工作方案\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    if len(kept) == 1 and "以上" not in text:
        assert say("extract.reason.budget", "en") in {x["reason"] for x in d["exclusions"]}


@pytest.mark.parametrize("text, kept", [
    # the projects a project plan arranges or lists: its scope (松阳, 武进); the year's investment is the goal
    ("2025年共安排重点新续建项目57个,年度计划完成固定资产投资98.5亿元。", ["98.5亿元"]),
    ("全区列入政府投资项目建设计划项目65个,年度计划投资87.12亿元。", ["87.12亿元"]),
    # counter-cases: projects a task is to bring in, finish or add to a list stay targets
    ("每年招引亿元以上制造业项目100个。", ["100个"]),
    ("完成城郊结合部连片整治项目23个。", ["23个"]),
    ("新增列入省重大项目7个以上。", ["7个"]),
    ("新增列入省重大项目7个。", ["7个"]),
    ("力争纳入省级重点项目5个。", ["5个"]),
])
def test_the_projects_a_plan_arranges_are_its_scope(text, kept):
    d = _draft(f"某县2025年重点项目投资计划\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept

SUBJECTS26 = "issue 28, twenty-ninth round: a unit as the subject of its sentence"
HH21 = "bench city2021_huhehaote_fengong (呼和浩特 2021年重点任务分工及时限, a news page)"
XN23 = "bench dept2023_xining_jiaoyu (西宁市教育系统 2023年建设项目, a news page)"


def _news(paragraph: str, title: str = "某市公布今年重点任务分工及时限") -> dict:
    """A news page as 呼和浩特's: its headline, a dateline paragraph, then the paragraph of tasks."""
    return _draft(f"{title}\n\n3月16日,某市人民政府公布2021年重点量化目标任务。\n\n{paragraph}\n")


def _lead_of(d: dict, what: str) -> tuple[list[str], bool]:
    named = [e for e in d["entries"] if what in (e["value_text"], e["deadline_text"])]
    (e,) = named or [e for e in d["entries"] if what in e["quote"]]
    return e["lead"], e["units_inferred"]


@pytest.mark.parametrize("paragraph, what, lead, source", [
    # after the sentence's adverbials (根据…要求, 今年): the unit that opens the clause where the sentence starts acting
    ("根据目标任务要求,今年,市住建局要在8月底完成改造老旧小区333个。", "333个", ["市住建局"], HH21 + " line 7"),
    # the unit followed directly by a time and a verb
    ("市机场建管公司12月中旬全面开工新机场航站区项目。", "12月中旬", ["市机场建管公司"], HH21 + " line 7"),
    ("经济技术开发区管委会5月底建成投用王府井奥莱小镇。", "5月底", ["经济技术开发区管委会"], HH21 + " line 7"),
    # a department's system or its departments, named with their city
    ("今年,西宁市教育系统将重点实施75个新建、改扩建项目。", "75个", ["西宁市教育系统"], XN23 + " line 6"),
    ("西宁全市教育部门将按照工作要求推进,确保3月底开复工率达到60%。", "60%", ["西宁全市教育部门"], XN23 + " line 10"),
    # a news frame before the subject: the source of the news (记者从…了解到) is not who does the work
    ("2月28日,记者从西宁市教育局启动日现场了解到,今年,西宁市教育系统将实施75个项目。", "75个", ["西宁市教育系统"],
     XN23 + " line 6"),
])
def test_a_unit_that_opens_its_sentence_after_its_adverbials_leads_it(paragraph, what, lead, source):
    """A reader of running text (a news report of a plan, 工作要点, a speech turned into a plan) gives a figure or a step
    to the unit that is its sentence's subject: a unit name (…局/委/办/公司/政府/管委会/中心, a city's 部门 or 系统) that
    opens the sentence or the clause after its adverbials (a time: 今年, 2021年, 3月16日; a frame: 根据…要求, 按照…,
    记者从…了解到), followed by 要/将/负责/牵头/计划/力争/确保 or directly by a time (12月中旬, 5月底) and a verb."""
    assert _lead_of(_news(paragraph), what) == (lead, False), f"{SUBJECTS26}: {source}"


def test_a_subject_leads_the_sentences_after_it_until_another_unit_opens_one():
    """呼和浩特 line 7: 9月底完成…, 11月底… have no subject of their own and continue 市住建局's list; 市轨道交通公司要…
    and 市机场建管公司12月中旬… each open a sentence and lead it; a new paragraph starts afresh."""
    d = _news("根据目标任务要求,今年,市住建局要在8月底完成57个村燃煤散烧综合治理任务,改造老旧小区333个。"
              "9月底完成供热管网互联互通64公里,11月底新建改造道路63条。市轨道交通公司要加快地铁TOD开发,10月底完成年度任务。"
              "市机场建管公司12月中旬全面开工新机场项目。赛罕区政府11月底启动某旗舰店项目。\n\n"
              "其他重点任务还包括新建学校10所。")
    got = {k: _lead_of(d, k) for k in ("57个", "333个", "64公里", "63条", "10月底", "12月中旬", "11月底启动", "10所")}
    住建 = (["市住建局"], False)
    assert got["57个"] == got["333个"] == got["64公里"] == got["63条"] == 住建, SUBJECTS26
    assert got["10月底"] == (["市轨道交通公司"], False), SUBJECTS26
    assert got["12月中旬"] == (["市机场建管公司"], False), SUBJECTS26
    assert got["11月底启动"] == (["赛罕区政府"], False), SUBJECTS26
    assert got["10所"][1] is True, SUBJECTS26  # (the next paragraph: no subject carried over)


@pytest.mark.parametrize("paragraph, what, not_lead", [
    # vague or the issuer itself: no one unit
    ("今年,各地要新建学校10所。", "10所", None),
    ("今年,全市将新建学校10所。", "10所", None),
    ("我市将新建学校10所。", "10所", None),
    ("今年,各部门要新建学校10所。", "10所", None),
    ("今年,全市教育部门将新建学校10所。", "10所", None),
    # a unit that is the object of the sentence
    ("支持市住建局改造老旧小区333个。", "333个", "市住建局"),
    ("今年,向市财政局申请资金,新建学校10所。", "10所", "市财政局"),
    # a unit inside 在…指导下 / 经…批准
    ("在市住建局指导下,今年新建学校10所。", "10所", "市住建局"),
    ("经市政府批准,今年新建学校10所。", "10所", "市政府"),
    # the source of the news, not the subject of the task
    ("记者从市住建局了解到,今年将改造老旧小区333个。", "333个", "市住建局"),
    ("据市住建局介绍,今年将改造老旧小区333个。", "333个", "市住建局"),
    # a subject's list ends where a vague subject opens a sentence
    ("今年,市住建局要改造老旧小区333个。各地要新建学校10所。", "10所", "市住建局"),
])
def test_a_unit_that_is_no_subject_of_the_task_leads_nothing(paragraph, what, not_lead):
    lead, inferred = _lead_of(_news(paragraph), what)
    assert inferred is True or (not_lead and not_lead not in lead), f"{SUBJECTS26}: {lead}"


def test_a_lead_the_text_labels_wins_over_a_subject():
    d = _news("今年,市住建局要改造老旧小区333个(牵头单位:市城管局)。")
    assert _lead_of(d, "333个") == (["市城管局"], False), SUBJECTS26


def test_a_tasks_first_subject_does_not_lead_a_later_sentence_with_its_own():
    """A numbered task whose first sentence's subject leads it (市住建局要…) and whose later sentence opens with another
    unit (市轨道交通公司要…): each sentence is its own subject's; a sentence without one continues the first."""
    d = _draft(_city("1.市住建局要改造老旧小区333个。9月底完成供热管网互联互通64公里。市轨道交通公司要新建站点12座。",
                     title="某市2021年重点任务分工"))
    assert [(e["value_text"], e["lead"]) for e in _targets(d)] == [
        ("333个", ["市住建局"]), ("64公里", ["市住建局"]), ("12座", ["市轨道交通公司"])], SUBJECTS26


READ28 = "issue 28, twenty-ninth round: round twenty-eight's forms read"


def _read28(task: str) -> list[tuple]:
    """The targets a one-task plan drafts, as (value_text, value, unit, comparator)."""
    d = _draft(_city("1." + task, title="某县2024年民生实事实施方案"))
    return [(t["value_text"], t["value"], t["unit"], t["comparator"]) for t in _targets(d)]


@pytest.mark.parametrize("task, want", [
    # 保康 (county2026_baokang_minsheng): one thing built, its count in words after the verb that builds it …
    ("在保康高速路口停车场,新建一座高低压一体箱式变电站。", [("一座", 1, "座", "=")]),
    ("在清溪路处新建一座液化天然气气化站。", [("一座", 1, "座", "=")]),
    # … or after its noun, the clause opened by that verb (水厂一座: the work, not a size of a list)
    ("在马桥镇新建供水厂一座。", [("一座", 1, "座", "=")]),
    # 峨山 and 城阳: one school enlarged or started
    ("改扩建一所县城公办幼儿园,完成第二幼儿园建设。", [("一所", 1, "所", "=")]),
    ("增加普通高中学位供给,启动一所60班制高中建设。", [("一所", 1, "所", "=")]),
    # 南昌: a floor of one person (至少有一人就业)
    ("确保有就业能力的零就业家庭至少有一人就业。", [("一人", 1, "人", ">=")]),
])
def test_a_count_of_one_in_words_is_read_where_a_verb_builds_the_thing(task, want):
    """Round twenty-eight's counties and districts write one thing built in words: 新建一座…变电站, 改扩建一所…幼儿园,
    启动一所…高中建设, and after the noun, 新建…水厂一座 (the clause opened by the verb that builds it); 至少有一人 is a
    floor. A lone 一 had been no count at all (一个, 一批 say nothing of how many): it is read where a verb of building,
    starting or enlarging governs a measure word of a thing built (座 所 处; not 幢, 栋: a project's content), and after a floor word with 人 too."""
    assert _read28(task) == want, READ28


@pytest.mark.parametrize("task", [
    "打造一座宜居宜业的现代化滨江之城。",     # a city to become: an attribute, no thing built
    "建设一座城市的文化高地。",                # 一座城市: a name of the place
    "新建一批中小学校。",                      # 一批: no count
    "进一步完善公共服务体系,统一建设标准。",   # 进一步, 统一: no count
    "推进一村一品示范村建设。",                # a slogan
    "广场上矗立着纪念碑一座。",                # after its noun, no verb of doing: a description
    "建设一个智慧服务平台。",                  # 一个: too general to be a count of a thing built
    "主要建设内容为新建一幢食堂和一幢配套配电房。",  # 奉化: a building of a project's content, described
])
def test_a_one_in_words_that_counts_no_thing_built_stays_no_target(task):
    assert _read28(task) == [], READ28


@pytest.mark.parametrize("task, want", [
    # 如皋 (zone2024_rugao_guihua): a share of the city written as a fraction, in %
    ("规模工业应税销售占全市1/8。", [("1/8", 12.5, "%", "=")]),
    ("新增新开规模工业企业数占全市1/5。", [("1/5", 20, "%", "=")]),
    ("净增高企和科创项目占全市比重超1/4。", [("1/4", 25, "%", ">")]),
    ("培育国家专精特新企业占全市1/3。", [("1/3", 33.33, "%", "=")]),
    # 娄底 (dept2021_loudi_fuyou): a rate per 100 000 is a value per its base, the base its measure
    ("孕产妇死亡率下调到12/10万和6‰。", [("12/10万", 12, "/10万", "<="), ("6‰", 6, "‰", "<=")]),
    ("孕产妇死亡率控制在10/10万以内。", [("10/10万", 10, "/10万", "<=")]),
])
def test_a_fraction_of_a_whole_is_a_share_and_one_per_ten_thousand_a_rate(task, want):
    """如皋 writes its shares of the city as fractions (占全市1/8, 比重超1/4): a share, read in % (12.5, 25, 33.33 —
    two places, as 三分之一 is read). 娄底 writes a mortality per 100 000 as 12/10万: the value is 12, its measure
    /10万 as written (the registry's form for a rate per so many, as a 单位 cell of 1/10万 gives it); 下调到 is a
    ceiling as 降到 is. A fraction is a share only where the clause says of what (占, 比重, 比例): elsewhere 1/8 may
    be a date of a table or a size of a part (1/2英寸)."""
    assert _read28(task) == want, READ28


@pytest.mark.parametrize("task", [
    "于1/8召开推进会。",              # a date in a table's style
    "更换1/2英寸阀门。",              # a size in a name
])
def test_a_fraction_that_is_no_share_stays_no_target(task):
    assert _read28(task) == [], READ28


@pytest.mark.parametrize("task, want", [
    # 舒城 (zone2021_shucheng_jihua): a rank to reach, written in words: the fifth place or better
    ("力争国家级开发区培育期年终考评进入前五位。", [("前五位", 5, "位", "<=")]),
    # 黄石 (dept2024_huangshi_jiaoyu): places to climb
    ("高考成绩在全省再进三位。", [("三位", 3, "位", "=")]),
])
def test_a_rank_to_reach_in_words_is_read(task, want):
    """A rank a plan sets (进入前五位: the fifth place or better, <=; 再进三位: three places up) is a target in words,
    as 跃居全省前40位 in digits is. A rank reported (居全省第五位, 排名第三) and 三位一体 are none."""
    assert _read28(task) == want, READ28


@pytest.mark.parametrize("task", [
    "去年增速居全省第五位,位居前列。",
    "构建三位一体的服务体系。",
    "争创全省第一。",
])
def test_a_rank_reported_or_a_name_stays_no_target(task):
    assert _read28(task) == [], READ28


@pytest.mark.parametrize("task, want", [
    # 襄城 (dept2022_xiangcheng_nongye): tobacco is weighed in 担 (50 kg)
    ("确保烟叶种植面积达到12万亩、产量30万担以上。", [("12万亩", 120000, "亩", "="), ("30万担", 300000, "担", ">=")]),
    ("新打机井120眼。", [("120眼", 120, "眼", "=")]),
    ("放流鱼苗300万尾。", [("300万尾", 3000000, "尾", "=")]),
    ("新增家禽养殖50万羽。", [("50万羽", 500000, "羽", "=")]),
    ("购置农机具200台套。", [("200台套", 200, "台套", "=")]),
    ("完成通用航空飞行5000架次。", [("5000架次", 5000, "架次", "=")]),
    ("改造危桥涵洞12孔。", [("12孔", 12, "孔", "=")]),
])
def test_the_measure_words_of_farms_and_works_are_read(task, want):
    """担 (tobacco, grain), 眼 (wells), 尾 (fish), 羽 (poultry), 台套 (machines with their kit), 架次 (flights), 孔
    (spans of a bridge, culverts): a plan counts in them; the reader had none of them and dropped the figure."""
    assert _read28(task) == want, READ28


@pytest.mark.parametrize("text, kept", [
    # the count of the things a rate is measured over (江门, 鄂州, 十堰): which things, the rate the goal
    ("纳入国家考核的3个断面水质优良率达到100%。", ["100%"]),
    ("确保我市15个地表水国考、省考断面水质优良比例100%。", ["100%"]),
    ("全市5个集中式饮用水水源地水质达标率为100%。", ["100%"]),
    # counter-cases: a count a task builds, the rate in its own clause
    ("新建5个示范区,覆盖率达到80%。", ["5个", "80%"]),
    ("建成3个污水处理厂,污水处理率达到95%。", ["3个", "95%"]),
])
def test_the_count_a_rate_is_measured_over_is_no_target(text, kept):
    d = _draft(f"某市2024年生态环境工作要点\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    if "达到100%" in text:
        assert say("extract.reason.rate_scope", "en") in {x["reason"] for x in d["exclusions"]}


@pytest.mark.parametrize("text, kept", [
    # the money a work is planned to get (舒城, 西宁): its budget
    ("计划投入1000万元,完善园区绿化亮化工程。", []),
    ("计划投资17亿元,重点实施学校建设项目30个。", ["30个"]),
    # counter-cases: a year's planned investment is what the year must reach
    ("年度计划投资87.12亿元。", ["87.12亿元"]),
    ("全年计划投资50亿元以上。", ["50亿元"]),
])
def test_the_money_a_work_is_planned_to_get_is_its_budget(text, kept):
    d = _draft(f"某开发区2021年工作计划\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


@pytest.mark.parametrize("text, kept", [
    # money naming a class of firms or projects (如皋, 诸暨): which ones count, the count the target
    ("新增20亿元企业、10亿元企业分别不少于1家、2家。", ["1家", "2家"]),
    ("力争引进10亿元以上项目8个。", ["8个"]),
    # counter-case: money a task is to reach
    ("完成工业投资20亿元,新增规上企业10家。", ["20亿元", "10家"]),
])
def test_money_naming_a_class_of_firms_is_a_threshold(text, kept):
    d = _draft(f"某高新区2024年工作规划\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


def test_a_filled_line_before_a_heading_alone_ends_its_paragraph():
    """天津 (round twenty-nine's held-out set): a news page's paragraphs under headings of a word or two (交通, 商贸), its
    lines without a final stop. A line as long as a print copy's filled line had run on into the heading under it —
    the milestone's quote past its line (the line contract broken). A print wrap ends its paragraph with a stop, so a
    heading alone after a filled line ends that line's paragraph."""
    long = "年底前建成8条城市道路,优化公交线路40条,新增停车泊位5000个、公共充电桩2000个,地铁11号线一期东段建成通车"
    text = f"2023年,本市将重点抓好以下工作。\n\n交通\n\n{long}\n\n商贸\n\n年底前新建商业街区3个\n\n文旅\n\n年底前新建景区2个\n"
    d = _draft(text)
    lines = text.split("\n")
    for e in d["entries"]:
        assert compact(e["quote"]) in compact(lines[e["line"] - 1]), e["quote"]
    assert any(e["line"] == 9 and e["value_text"] == "3个" for e in _targets(d))


def test_a_tables_rows_numbered_in_brackets_are_rows():
    """芜湖 (round twenty-nine's held-out set): 序号 | 目标与任务 | 牵头责任单位 | 责任单位 |, its rows (1) | 地区生产总值增长6%以上。 |
    市发展改革委 | … under a group row — a row's number in brackets is its number, as 1 is (every lead had been 待定)."""
    text = ("某市2025年重点工作及责任分解\n序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n一、主要预期目标 | |||\n"
            "(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府 |\n(2) | 规上工业增加值增长9%以上。 | 市工业和信息化局 | 各县市区政府 |\n")
    d = _draft(text)
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == [("6%", ["市发展改革委"]), ("9%", ["市工业和信息化局"])]


ANNEX29 = "issue 28, twenty-ninth round: units from an annex task table"

# A plan's body of numbered tasks that names no unit, then its annex 任务分工表 one cell a line (序号 / 工作事项 / 主要内容 /
# 牵头单位 / 配合单位), each row restating a task of the body (广州's 家庭医生 plan, round twenty-nine's held-out set).
_ANNEX_BODY = ("某市关于推进家庭医生签约服务的实施方案\n一、主要目标\n到2025年,签约服务覆盖率达到75%以上。\n二、主要任务\n"
               "(一)扩大服务供给\n1.有序扩大家庭医生来源。{one}\n2.完善培养培训体系。培训基层医生不少于3500名。\n"
               "(二)优化服务方式\n1.推广弹性签约服务。签约对象不少于1000户。\n三、组织实施\n各区要加强组织领导。\n"
               "附件\n任务分工表\n序号\n工作事项\n主要内容\n牵头单位\n配合单位\n"
               "1\n有序扩大家庭医生来源。\n每万常住人口家庭医生数不低于4人。\n各区政府\n市卫生健康委\n"
               "2\n完善培养培训体系。\n培训基层医生不少于3500名。\n各区政府、市卫生健康委\n/\n"
               "3\n{third}\n积极拓展签约对象。\n市医保局\n市卫生健康委\n")


def _annex(one: str = "到2025年,每万常住人口家庭医生数不低于4人。", third: str = "推广弹性签约服务。") -> dict:
    return _draft(_ANNEX_BODY.format(one=one, third=third))


def test_a_body_task_takes_the_units_of_the_annex_row_restating_it():
    """ANNEX29. A reader of a plan whose body states its tasks without units and whose annex 任务分工表 names each task's
    牵头单位 and 配合单位 takes the row that restates a task — its task cell repeating the task's heading words — as that
    task's units: its targets and steps are led by the row's 牵头单位, supported by its 配合单位, whatever number the table
    gives the row (it numbers on through the groups: 3 is the body's (二)1.)."""
    d = _annex()
    got = {(t["line"], t["value_text"]): (t["lead"], t["support"], t["units_inferred"]) for t in _targets(d)}
    assert got[(6, "4人")] == (["各区政府"], ["市卫生健康委"], False)
    assert got[(7, "3500名")] == (["各区政府", "市卫生健康委"], [], False)
    assert got[(9, "1000户")] == (["市医保局"], ["市卫生健康委"], False)


def test_a_body_task_naming_its_units_keeps_them_over_the_annex_row():
    """ANNEX29, counter-case: where the body names the task's units itself ((市发展改革委牵头)), the body wins."""
    d = _annex(one="到2025年,每万常住人口家庭医生数不低于4人。(市发展改革委牵头)")
    got = {(t["line"], t["value_text"]): t["lead"] for t in _targets(d)}
    assert got[(6, "4人")] == ["市发展改革委"]


def test_a_body_task_no_annex_row_restates_keeps_its_fallback():
    """ANNEX29, counter-case: a task no row restates (the third row is another task's) takes no row's units: it stays
    with the plan's fallback, marked inferred."""
    d = _annex(third="强化健康管理。")
    t = next(t for t in _targets(d) if t["value_text"] == "1000户")
    assert t["units_inferred"] is True


def test_a_unit_leading_one_sentence_of_the_task_yields_to_the_annex_row():
    """ANNEX29. 广州's 6.优化转诊服务 names 医联体牵头医院牵头、成员单位共同参与,成立双向转诊管理中心 in its fourth sentence:
    the actor of that sentence, read from running text, not the task's 牵头单位 — the annex row restating the task names
    those (市卫生健康委、各区政府), and its targets are theirs. A labelled or bracketed unit stays the body's (above)."""
    d = _annex(one="到2025年,每万常住人口家庭医生数不低于4人。医联体牵头医院牵头,成立双向转诊管理中心。")
    t = next(t for t in _targets(d) if t["value_text"] == "4人")
    assert (t["lead"], t["units_inferred"]) == (["各区政府"], False)


@pytest.mark.parametrize("line, kept", [
    # an indicator table's formula (广州's 指标含义): X率=A/B×100% — its 100% is the formula's, the × often lost (*100%
    # with the * dropped, or nothing between B and 100%)
    ("重点人群签约服务覆盖率=该区签约家庭医生服务的重点人群数/辖区内重点人群数*100%。", []),
    ("签约居民续约率=签约居民续约数/去年同一时间点签约居民数×100%。", []),
    ("签约居民建档率=建档签约居民数/签约居民总数100%。", []),
    # counter-cases: a rate to reach 100% is a target, with or without a formula elsewhere on the line
    ("到2025年,重点人群签约服务覆盖率达到100%。", ["100%"]),
    ("到2025年,社区卫生服务中心中医馆覆盖率达到100%(覆盖率=设置中医馆的中心数/中心总数)。", ["100%"]),
])
def test_a_formula_lines_100_percent_is_no_target(line, kept):
    """ANNEX29. A formula line of an indicator table (X率=A/B×100%, the × lost in a page's copy) defines how the rate is
    counted: its 100% is the formula's factor, an exclusion saying so, never a target to reach."""
    d = _draft(f"某市2024—2025年家庭医生签约服务实施方案\n一、主要目标\n{line}\n")
    assert [t["value_text"] for t in _targets(d)] == kept
    if not kept:
        assert any(x["line"] == 3 and "100%" in x["text"] for x in d["exclusions"])


def test_the_annex_rows_copy_of_its_tasks_figures_is_no_second_entry():
    """ANNEX29. The row restating a task copies the task's figures into its 主要内容 cell (广州's row 1: 到2023年…不低于4人,
    到2025年不低于4.66人): the body's are the entries, the row's exclusions naming the task's line — the same figure
    twice asks the unit for it twice. A figure of the row the task does not state (100间) stays an entry of its own."""
    text = ("某市关于推进家庭医生签约服务的实施方案\n一、主要目标\n到2025年,签约服务覆盖率达到75%以上。\n二、主要任务\n"
            "1.有序扩大家庭医生来源。到2025年,每万常住人口家庭医生数不低于4人,每千常住人口基层卫生人员数不低于3.5人。\n"
            "三、组织实施\n各区要加强组织领导。\n附件\n任务分工表\n序号\n工作事项\n主要内容\n牵头单位\n配合单位\n"
            "1\n有序扩大家庭医生来源。\n每万常住人口家庭医生数不低于4人,每千常住人口基层卫生人员数不低于3.5人,建设工作室100间。\n"
            "各区政府\n市卫生健康委\n")
    d = _draft(text)
    assert [(t["line"], t["value_text"], t["lead"]) for t in _targets(d) if t["line"] > 3] == [
        (5, "4人", ["各区政府"]), (5, "3.5人", ["各区政府"]), (17, "100间", ["各区政府"])]
    copies = [x for x in d["exclusions"] if x["line"] == 17]
    assert len(copies) == 2 and all("line 5" in x["reason"] for x in copies)


@pytest.mark.parametrize("text, kept", [
    # how a list came to be (若羌): the suggestions collected, the count the congress chose
    ("县政府共收集各族群众提出的意见建议110条,经县人民代表大会票决产生10件,作为2026年十大民生实事项目。", []),
    # counter-cases: suggestions a task must handle, items a task must complete
    ("办理人大代表建议110件。", ["110件"]),
    ("完成民生实事10件。", ["10件"]),
])
def test_how_a_list_came_to_be_is_no_target(text, kept):
    d = _draft(f"某县2026年民生实事项目\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


def test_a_year_list_titled_with_its_nian_du_runs_over_that_year():
    """新昌 (round thirty's held-out set): 2023年度政府工作报告重点任务, posted 2024-01-03 — the title names the list's year
    (年度 after it), so the period is 2023, not the year of the post time (seven targets had been due 2024-12-31)."""
    text = "2023年度政府工作报告重点任务\n发布时间:2024-01-03 12:08\n1.实施教育强县战略。新建学校4所。\n"
    d = _draft(text)
    assert d["meta"]["period"]["start"] == "2023-01-01" and [t["deadline"] for t in _targets(d)] == ["2023-12-31"]


@pytest.mark.parametrize("text, kept", [
    ("4月是第35个爱国卫生月,新建公厕10座。", ["10座"]),  # 上海 (round thirty): which month, no count
    ("开展第3批示范创建,创建示范村5个。", ["5个"]),
    ("建成35个爱国卫生示范村。", ["35个"]),  # counter-case: a count
])
def test_an_ordinal_with_its_measure_word_is_no_count(text, kept):
    d = _draft(f"某市2023年爱国卫生工作要点\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


@pytest.mark.parametrize("paren, lead", [
    # 许昌 (round thirty-one's held-out set): the zones' committees beside the governments, and a unit standing for others
    ("(市发展和改革委员会、市农业农村局等相关部门,各县〔市、区〕政府〔管委会〕按职责分工负责)",
     ["市发展和改革委员会", "市农业农村局", "各县〔市、区〕政府〔管委会〕"]),
    ("(市工信局、市财政局等有关部门,各县区人民政府按职责分工负责)", ["市工信局", "市财政局", "各县区人民政府"]),
    # counter-case: the list without either
    ("(市发展和改革委员会、市商务局按职责分工负责)", ["市发展和改革委员会", "市商务局"]),
])
def test_units_with_zones_committees_and_others_unnamed_are_read(paren, lead):
    d = _draft(f"某市2026年重点工作任务分解\n1.粮食产量285万吨以上。{paren}\n")
    assert [t["lead"] for t in _targets(d)] == [lead]


@pytest.mark.parametrize("text, kept", [
    # 建湖 (round thirty-one's held-out set): the count of projects a list takes in sizes the list
    ("今年我县共10个项目被列入2026年政府民生实事项目,新建公园3个。", ["3个"]),
    # counter-case: projects a task is to get listed
    ("争取5个项目列入省级重点项目。", ["5个"]),
])
def test_the_projects_taken_into_a_minsheng_list_size_it(text, kept):
    d = _draft(f"某县2026年民生实事项目\n{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


# A quota table (分解表): a plan's figure shared out among units, a row each — 乡镇 | 新种任务(亩) | 备注, then 长安镇 | 2150 |
# (融安's 金桔 分解表, round twenty-one's held-out set). The reader takes each row's figure as that unit's target in the
# measure its column names, led by the unit the row names; the total row (全县合计) is the plan's own, led by none named.
QUOTA32 = "issue 28, thirty-second round: quota tables"
_QUOTA = ("某县2023年金桔生产任务分解表\n"
          "乡镇 | 新种任务(亩) | 备注 |\n"
          "全县合计 | 7000 | |\n"
          "长安镇 | 2150 | |\n"
          "板榄镇 | 600 | |\n"
          "雅瑶乡 | 500 |\n")


def test_a_quota_tables_rows_are_each_units_targets():
    """QUOTA32. Each row of a quota table is a target in its column's measure, led by the row's unit."""
    d = _draft(_QUOTA)
    got = [(t["value"], t["unit"], t["line"]) for t in _targets(d)]
    assert got == [(7000, "亩", 3), (2150, "亩", 4), (600, "亩", 5), (500, "亩", 6)]
    # the rows' units as written; the total's, named by no row, the plan's fallback marked inferred
    assert [(t["lead"], t["units_inferred"]) for t in _targets(d)[1:]] == [
        (["长安镇"], False), (["板榄镇"], False), (["雅瑶乡"], False)]
    assert _targets(d)[0]["units_inferred"] is True
    assert all(t["deadline"] == "2023-12-31" for t in _targets(d))
    assert "新种任务" in _targets(d)[1]["metric"] and "长安镇" in _targets(d)[1]["metric"]


@pytest.mark.parametrize("head, rows, want", [
    # two measured columns: each its own target
    ("县(市、区) | 改造户数(户) | 投资(万元) |", "甲县 | 120 | 300 |\n乙县 | 80 | 200 |",
     [(120, "户", ["甲县"]), (3000000, "元", ["甲县"]), (80, "户", ["乙县"]), (2000000, "元", ["乙县"])]),
    # a column naming no measure holds no target of the table's (a 备注 of words, a count with no measure)
    ("单位 | 任务 | 备注 |", "甲镇 | 120 | |\n乙镇 | 80 | |", []),
    # the first column names no unit (a 指标 table's rows are indicators, not units): no quota table
    ("指标 | 数量(个) |", "新建公园 | 12 |\n新增绿道 | 8 |", []),
], ids=["two-measures", "no-measure", "indicator-rows"])
def test_a_quota_table_is_read_by_its_heading(head, rows, want):
    """QUOTA32, counter-cases: only a heading naming units in its first column and a measure in another makes one."""
    d = _draft(f"某县2024年农村改厕任务分解表\n{head}\n{rows}\n")
    got = [(t["value"], t["unit"], t["lead"]) for t in _targets(d)]
    assert got == want


# A quota table whose heading a page repeats side by side to save paper (单位 | 任务数(人) | 单位 | 任务数(人): 三封寺's 献血
# quotas, round seventy-six's held-out set): each pair of cells on a row is a unit and its own figure — the second
# unit's figure had been led by the first — and, one cell a line ending in " |", its rows are read cell by cell, the
# last cut short as stored. No quota row's unit is the plan's fallback for a figure of its body (it had led the town's
# 38人). Counter-cases: a heading whose later unit column is no repeat (乡镇 | 任务(亩) | 责任单位) is one group.
_PAIRS_BODY = ("关于做好2021年度预约无偿献血工作的通知\n各村(居委会)、部门单位:\n"
               "今年县政府办对我镇2021年度下达献血人数为38人。\n三封寺镇2021年度无偿献血任务分配表\n")
_PAIRS_WANT = [(38, None), (3, ["墨山铺村"]), (1, ["财政所"]), (4, ["莲花堰村"]), (2, ["农业综合服务中心"]), (3, ["华一村"])]


@pytest.mark.parametrize("table", [
    "单 位 | 任务数(人) | 单 位 | 任务数(人)\n墨山铺村 | 3 | 财政所 | 1\n莲花堰村 | 4 | 农业综合服务中心 | 2\n华一村 | 3 |\n",
    "".join(c + " |\n" for c in ("单 位", "任务数(人)", "单 位", "任务数(人)", "墨山铺村", "3", "财政所", "1", "莲花堰村", "4",
                                  "农业综合服务中心", "2", "华一村", "3", "社会事业综合服务中心")),
    # with a 序号 for each pair
    "序号 | 单位 | 任务数(人) | 序号 | 单位 | 任务数(人)\n1 | 墨山铺村 | 3 | 2 | 财政所 | 1\n"
    "3 | 莲花堰村 | 4 | 4 | 农业综合服务中心 | 2\n5 | 华一村 | 3 |\n",
], ids=["bars", "cell-lines", "numbered-pairs"])
def test_a_quota_table_set_in_pairs_gives_each_unit_its_own_figure(table):
    d = _draft(_PAIRS_BODY + table)
    got = [(t["value"], None if t["units_inferred"] else t["lead"]) for t in _targets(d)]
    assert got == _PAIRS_WANT, d["entries"]
    assert _targets(d)[0]["lead"] == ["待定"]


def test_a_quota_table_with_a_later_unit_column_is_no_pair():
    d = _draft("某县2024年农村改厕任务分解表\n乡镇 | 改厕任务(户) | 责任单位 |\n甲镇 | 120 | 县农业农村局 |\n乙镇 | 80 | 县卫健局 |\n")
    assert [(t["value"], t["lead"]) for t in _targets(d)] == [(120, ["甲镇"]), (80, ["乙镇"])]


# A step dated by a span of days or months (3月20日-3月31日,本市开展…宣传行动; 2024年3月至6月,完成…): due when the span ends, as
# parse-deadline reads the span (上海's 爱国卫生月, round twenty-nine's leftover) — the draft had dated it by its first day.
@pytest.mark.parametrize("text, want", [
    ("三项行动包括:3月20日-3月31日,本市开展健康教育集中宣传行动;4月3日—4月15日,本市将开展城乡环境清洁行动。",
     ["2023-03-31", "2023-04-15"]),
    ("7月9日至17日,开展防汛应急演练。", ["2023-07-17"]),
    ("2023年3月至6月,完成全部老旧管网排查。", ["2023-06-30"]),
    ("5月-9月,开展夏季治安巡查整治行动。", ["2023-09-30"]),
], ids=["days-dash", "days-zhi", "months-with-year", "months-dash"])
def test_a_step_dated_by_a_span_is_due_when_it_ends(text, want):
    d = _draft(f"某市2023年爱国卫生月活动方案\n一、主要任务\n{text}\n二、工作要求\n加强组织领导。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == want


def test_the_months_a_report_covers_and_an_event_over_days_date_no_step():
    """Counter-cases: 1-10月份增长0.5% counts the months a report covers, and 3月5日至7日召开…会议 dates a meeting: no step."""
    d = _draft("某市2023年爱国卫生月活动方案\n一、主要任务\n1-10月份完成投资增长0.5%。3月5日至7日召开全市爱国卫生工作会议。\n"
               "二、工作要求\n加强组织领导。\n")
    assert [m for m in d["entries"] if m["kind"] == "milestone"] == []


# A table whose 责任单位 column stands before its 牵头单位 (分类 | 序号 | 事项 | 责任单位 | 牵头单位: 莲都's 2023年政府工作报告重点工作
# 责任分解, round thirty-two's held-out set): the 牵头单位 cell leads, the 责任单位 cell's other units support. The draft had
# read both cells as one list of leads (区发改局, 区发改局).
@pytest.mark.parametrize("layout", ["bars", "cells"])
def test_a_lead_column_after_the_responsible_units_column_leads(layout):
    rows = [("序号", "事项", "责任单位", "牵头单位"),
            ("1", "区本级固定资产投资增长25%。", "区发改局", "区发改局"),
            ("2", "区本级规上工业增加值增长10%。", "区经商局、莲都经开区管委会", "区经商局"),
            ("3", "新增市场主体5000户。", "区市场监管局、区经商局", "区市场监管局")]
    if layout == "bars":
        table = "\n".join(" | ".join(r) + " |" for r in rows)
    else:
        table = "\n\n".join(c for r in rows for c in r)
    d = _draft(f"某区2023年政府工作报告重点工作责任分解\n\n{table}\n")
    got = [(t["value_text"], t["lead"], t["support"]) for t in _targets(d)]
    assert got == [("25%", ["区发改局"], []), ("10%", ["区经商局"], ["莲都经开区管委会"]),
                   ("5000户", ["区市场监管局"], ["区经商局"])]


# 六安's notice of how its 2021 tasks went (round thirty-two's held-out set): a report table one cell a paragraph whose
# 牵头责任单位 label the page broke in two (牵头责任 / 单位) beside a 落实情况 column — the table had been read as none (every
# result a target, no lead); and its title, 2021年度…落实情况的通报, names the year its tasks are of (the post time had).
_LUAN = ("【重点工作落实】2021年度市政府重点工作落实情况的通报\n\n发布时间:2022-01-30 15:26\n\n"
         "序号\n\n督查内容\n\n牵头责任\n\n单位\n\n协同责任单位\n\n落实情况\n\n(全年)\n\n完成状态\n\n"
         "1\n\n地区生产总值增长8.5%以上。\n\n市发改委\n\n市政府各部门、各直属机构。\n\n"
         "全年地区生产总值增长11%,增幅高于全省平均水平2.7个百分点,居全省第2位\n\n已完成\n\n"
         "2\n\n规上工业增加值增长9.5%以上。\n\n市经信局\n\n市发改委、市农业农村局。\n\n"
         "全年规上工业增加值同比增长15.5%,高于全省平均6.6个百分点。\n\n已完成\n")


def test_a_report_table_with_its_lead_label_broken_in_two_is_read():
    d = _draft(_LUAN)
    got = [(t["value_text"], t["lead"], t["support"][:1], t["deadline"]) for t in _targets(d)]
    assert got == [("8.5%", ["市发改委"], ["市政府各部门"], "2021-12-31"),
                   ("9.5%", ["市经信局"], ["市发改委"], "2021-12-31")]
    assert d["meta"]["period"]["start"] == "2021-01-01"


# 余杭's 2018年《政府工作报告》工作任务分解表 (round thirty-three's held-out set), one cell a paragraph: its heading names a 序号
# column the rows lost (序号 / 重点工作任务 / 牵头领导 / 牵头单位, then each row its task, its leaders' names — one or two — and
# its unit): each row is its task, led by the unit after its leaders. The table had been read as none (every lead 待定).
def test_a_task_table_whose_rows_lost_their_numbers_is_read_by_its_cells():
    text = ("2018年《政府工作报告》工作任务分解表 \n\n序号 \n\n重 点 工 作 任 务 \n\n牵头领导 \n\n牵头单位 \n\n"
            "未来科技城要深化与浙江大学的合作,力争引进海外高层次人才300名。\n\n祝振伟 \n\n陈夏林 \n\n未来科技城(海创园) \n\n"
            "余杭经济技术开发区要力争规模工业增加值增长10%,实际利用外资3亿美元。\n\n沈  昱 \n\n祝振伟 \n\n"
            "余杭经济技术开发区(钱江经济开发区) \n\n"
            "临平新城要力争引进国家级领军人才2名。\n\n李敏华 \n\n临平新城 \n")
    d = _draft(text)
    got = [(t["value_text"], t["lead"], t["units_inferred"]) for t in _targets(d)]
    assert got == [("300名", ["未来科技城(海创园)"], False),
                   ("10%", ["余杭经济技术开发区(钱江经济开发区)"], False),
                   ("3亿美元", ["余杭经济技术开发区(钱江经济开发区)"], False),
                   ("2名", ["临平新城"], False)]


@pytest.mark.parametrize("text", [
    "2025年,全区经济社会发展的总体要求是:以习近平新时代中国特色社会主义思想为指导,对标2035年基本实现现代化战略目标,"
    "坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,扎实推进“十项重点任务”。",
    "全市上下要锚定2035年远景目标,坚持稳中求进,加快建设现代化产业体系。",
])
def test_the_goal_a_year_measures_itself_against_dates_no_step(text):
    """凤翔's 2025 要点 (round thirty-two's held-out set): 对标2035年…目标 names the long-term goal the principles measure the
    year's work against — every clause after it had been drafted a step due in 2035."""
    d = _draft(f"某区2025年政府工作要点\n一、总体要求\n{text}\n二、重点任务\n1.新建公园5个。\n")
    assert [e for e in d["entries"] if e["kind"] == "milestone"] == []
    assert [t["value_text"] for t in _targets(d)] == ["5个"]


def test_a_paragraph_a_past_year_opens_reports_results_until_it_turns_to_the_plans_year():
    """贵阳's news of its 2019 文旅 meeting (round thirty-two's held-out set): 2018年,…取得积极成效。 opens a paragraph whose
    next sentence holds the year's results (全市接待游客1.88亿人次、增长26.68%) — no targets; a sentence turning to the
    plan's year (今年,…) sets them again."""
    d = _draft("某市2019年文化和旅游工作要点\n新华网贵阳4月29日电(王雪松)4月28日上午,某市召开2019年全市文化和旅游工作会议。\n"
               "2018年,市文化和旅游局扎实推动改革发展取得积极成效。全市接待游客1.88亿人次、增长26.68%,新增限上住宿企业54家。"
               "今年,全市力争接待游客2.2亿人次。\n")
    assert [t["value_text"] for t in _targets(d)] == ["2.2亿人次"]
    assert [e for e in d["entries"] if e["kind"] == "milestone"] == []  # (the agency's dateline dates no step)


def test_a_campaigns_stages_by_their_months_are_steps_due_when_each_ends():
    """宜昌's 清四乱 news (round thirty-four's held-out set): 2018年底前进行排查,2019年1至5月进行集中整治,6至7月进行全面核查,8至12月进行
    “回头看” — each stage a step due at its last month's end; 1-10月份增长0.5% (a report's months) stays none."""
    d = _draft("某市2019年河湖清四乱专项行动方案\n行动将分四阶段依次进行,2019年1至5月进行集中整治,6至7月进行全面核查,"
               "8至12月进行“回头看”。1-10月份全市河湖水质优良率增长0.5%。\n")
    assert [(m["deadline"]) for m in d["entries"] if m["kind"] == "milestone"] == [
        "2019-05-31", "2019-07-31", "2019-12-31"]


@pytest.mark.parametrize("task, want", [
    # the people a work serves, counted right before 人口 whatever the verb (昆明's 惠民实事, round thirty-four's held-out set)
    ("二、 实施农村供水保障工程,提升3万农村人口供水保障水平。", [("3万", "人")]),
    # counter-case: the last of a chain of counts saying where the work is (西安's 为民办实事, a development document)
    ("彻底解决3个街道33个行政村13.3万常住人口饮水问题。", []),
], ids=["people-served", "where-the-work-is"])
def test_the_people_a_work_serves_counted_before_renkou(task, want):
    d = _draft(f"某市2023年惠民实事\n{task}\n")
    assert [(t["value_text"], t["unit"]) for t in _targets(d) if "万" in t["value_text"]] == want


@pytest.mark.parametrize("text, want", [
    # the cut's verb before what it cuts, 至 before the figure: at most that figure (成都高新, round thirty-five)
    ("缩减企业开办时间至4个工作日。", [("4个工作日", "<=")]),
    # a place, then 去年: the year before's results, no target; the plan's own figure after it stays one
    ("成都高新区去年实现地区生产总值1877.7亿元、增长9.6%。今年力争地区生产总值达到2000亿元。", [("2000亿元", "=")]),
    # a concentration written in words: 微克每立方米 is 微克/立方米 (潮州, round thirty-five)
    ("细颗粒物年均浓度控制在29微克每立方米以下。", [("29微克每立方米", "<=")]),
], ids=["cut-to", "place-then-last-year", "per-in-words"])
def test_round_thirty_fives_forms(text, want):
    d = _draft(f"某区2019年工作目标\n一、主要目标\n{text}\n")
    assert [(t["value_text"], t["comparator"]) for t in _targets(d)] == want


def test_a_stages_months_in_brackets_before_its_colon_date_its_steps():
    """松江's 清水行动 (round thirty-five's held-out set): （二）集中整治阶段（5-7月）：开展… — the stage's months date its step,
    one a stage whatever its clauses."""
    d = _draft("某区2026年清水行动方案\n四、时间安排\n（一）动员部署阶段（4月底前）：全面部署任务，开展宣传告知。\n"
               "（二）集中整治阶段（5-7月）：开展全覆盖巡查，从严查处突出问题。\n（三）巩固提升阶段（8-9月）：健全长效管理机制。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == [
        "2026-04-30", "2026-07-31", "2026-09-30"]


@pytest.mark.parametrize("label", ["支撑单位", "支持单位"])
def test_a_support_label_松江_writes_names_support(label):
    """松江's 城市更新 plan (round thirty-five's held-out set): （牵头单位：区绿化市容局，支撑单位：相关街镇）."""
    d = _draft(f"某区2025年城市更新实施计划\n一、主要任务\n7.推进5个“美丽街区”建设。（牵头单位：区绿化市容局，{label}：相关街镇）\n")
    assert [(t["lead"], t["support"]) for t in _targets(d)] == [(["区绿化市容局"], ["相关街镇"])]


def test_a_row_split_at_spaces_whose_cells_hold_spaces_keeps_its_units():
    """平顶山's 河长制 任务分解表 (round thirty-five's held-out set), cells between spaces, a category cell broken by a space
    (加强水资源保 护): the units are the first unit cell after the measures' text, not that text."""
    d = _draft("某市全面推行河长制主要任务分解表\n"
               "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
               "1 加强水资源保 护 严守水资源开发利用控制红线 实施总量和强度双控行动。到2020年,全市用水总量控制在11.88亿立方米以内。 "
               "市水利局 市发展改革委、工业和信息化委等 各县(市、区)人民政府\n")
    assert [(t["value_text"], t["lead"], t["comparator"]) for t in _targets(d)] == [
        ("11.88亿立方米", ["市水利局"], "<=")]


def test_an_opening_bracket_whose_units_run_on_is_no_part_of_a_name():
    """佳木斯's 水污染防治 plan (round thirty-five's held-out set): [市水务局牵头,市工信委、城乡建设局配合,… with no closing bracket
    on its line — the lead is 市水务局, not [市水务局."""
    d = _draft("某市2018年水污染防治工作方案\n一、主要任务\n1.控制用水总量。2018年,用水总量控制在47.38亿立方米。"
               "[市水务局牵头,市工信委、城乡建设局配合,各县(市)区政府负责落实。以下均需各县(市)区政府落实\n")
    assert [(t["lead"], t["support"]) for t in _targets(d)] == [(["市水务局"], ["市工信委", "城乡建设局"])]


@pytest.mark.parametrize("text, kept", [
    # the goal's year as an attribute of a standard or of the areas it sets (普陀's 海绵城市 plan, round thirty-five)
    ("1.强化规划管控。落实2030年海绵城市达标要求;控制性详细规划要衔接海绵城市建设的目标。", []),
    ("2.编制系统方案。编制2030年达标区域的海绵城市系统方案,合理确定目标指标。", []),
    # the things there are, put to use (济宁's 农业农村 work points, round thirty-five); a count to build after stays
    ("3.充分发挥14个国家级、42个省级、111个市级生猪产能调控基地带动作用。", []),
    ("4.发挥好3个示范区的引领作用,新建示范基地5个。", ["5个"]),
], ids=["standards-year", "areas-year", "put-to-use", "put-to-use-then-build"])
def test_what_exists_and_the_year_of_a_standard_are_no_entries(text, kept):
    d = _draft(f"某区2025年海绵城市建设实施方案\n二、主要任务\n{text}\n")
    assert [e["value_text"] or e["deadline_text"] for e in d["entries"]] == kept


def test_a_campaigns_own_span_and_a_baselines_years_date_no_step():
    """清流's 道路交通安全 攻坚 (round thirty-five's held-out set): 至2025年12月31日,在全县范围内开展攻坚行动 is the campaign's span
    (its period), no step; 与前三年(2022-2024年)平均数 names the baseline's years; the goal's own year dates its step."""
    d = _draft("某县2025年道路交通安全攻坚行动方案\n决定至2025年12月31日,在全县范围内开展道路交通安全攻坚行动。\n一、工作目标\n"
               "力争2025年全县道路交通事故死亡人数与前三年(2022-2024年)平均数同比下降。\n")
    assert [(m["deadline_text"], m["deadline"]) for m in d["entries"] if m["kind"] == "milestone"] == [
        ("力争2025年", "2025-12-31")]


@pytest.mark.parametrize("text, kept", [
    # 松江's 城市更新 plan (round thirty-five): the rate says which buildings count, the floor space is the target
    ("完成3万平方米节能率不低于15%的既有公共建筑节能改造。", ["3万平方米"]),
    ("推进节能率不低于15%的公共建筑改造。", []),
    # counter-case: the goal's own 的目标 — the rate is the target
    ("确保空气优良率达到90%的目标。", ["90%"]),
], ids=["floor-space-of-a-class", "class-alone", "the-goals-own"])
def test_a_rate_a_thing_must_reach_to_be_counted_is_a_class(text, kept):
    d = _draft(f"某区2025年城市更新实施计划\n一、主要任务\n1.{text}\n")
    assert [t["value_text"] for t in _targets(d)] == kept


def test_the_period_of_a_subsidys_rate_dates_no_step():
    """宣城's and 郎溪's 民生实事 (郎溪: round thirty-three): 按每年每院5万元的标准给予补助 — 每年 is the rate's period; 每年开展1次
    检查 stays a yearly step."""
    d = _draft("某县2024年民生实事\n一、主要任务\n1.对村级卫生室按每年每院5万元的标准给予补助。\n2.每年开展1次全面检查。\n")
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == ["每年"]
    assert [m["line"] for m in d["entries"] if m["kind"] == "milestone"] == [4]


# 静安's 城市更新 plan (round thirty-six's held-out set): a body that states the targets (到2025年,…完成既有多层住宅加装电梯700台)
# and an annex task list one cell a line under 任务类型 / 序号 / 工作任务 / 推进单位, its category cells between the rows (行动二：…,
# 旧住房更新改造), a 推进单位 cell merged down over the rows after it. The body's figure takes the units of the row stating it
# again; the row's copy is no entry of its own.
_JINGAN = ("某区城市更新行动方案（2023-2025年）\n（二）重塑美丽新居行动\n"
           "到2025年，全面完成零星旧里改造，完成既有多层住宅加装电梯700台，创建20个“美丽家园”特色小区。\n"
           "附件\n某区城市更新行动重点任务清单（2023-2025年）\n任务类型\n序号\n工作任务\n推进单位\n"
           "行动二：重塑美丽新居行动（人居环境品质提升行动）\n旧住房更新改造\n1\n加快推进各类旧住房更新改造。\n"
           "区房管局、各相关街镇\n2\n完成既有多层住宅加装电梯700台\n“美丽家园”建设\n3\n创建20个“美丽家园”特色小区\n"
           "区文明办\n")


def test_a_body_figure_takes_the_units_of_the_task_list_row_stating_it_again():
    d = _draft(_JINGAN)
    got = [(t["line"], t["value_text"], t["lead"], t["units_inferred"]) for t in _targets(d)]
    assert got == [(3, "700台", ["区房管局", "各相关街镇"], False), (3, "20个", ["区文明办"], False)]


def test_a_task_lists_category_cells_are_no_cells_of_its_rows():
    from plancli.extract.layout import Doc, _table_rows
    rows = _table_rows(Doc(_JINGAN, "t.txt"))
    assert [(r.content[0].text, r.lead) for r in rows] == [
        ("加快推进各类旧住房更新改造。", ("区房管局", "各相关街镇")),
        ("完成既有多层住宅加装电梯700台", ("区房管局", "各相关街镇")),  # (the 推进单位 cell merged down)
        ("创建20个“美丽家园”特色小区", ("区文明办",))]


@pytest.mark.parametrize("text, lead", [
    # a step's own date before its subject (崇明's 高层建筑消防 plan, round thirty-six's held-out set)
    ("1.9月30日前，区建设管理委、区住房保障房屋管理局对照标准完成高层建筑底数排查。", ["区建设管理委", "区住房保障房屋管理局"]),
    ("2.11月30日前，区建设管理委会同区公安分局完成外保温材料改造可行性分析。", ["区建设管理委"]),
], ids=["date-then-subject", "date-then-subject-together-with"])
def test_a_steps_date_before_its_subject_leaves_the_subject_leading(text, lead):
    d = _draft(f"某区2017年高层建筑消防安全综合治理工作方案\n六、工作步骤\n{text}\n")
    assert [m["lead"] for m in d["entries"] if m["kind"] == "milestone"][:1] == [lead]


def test_fire_hydrants_counted_in_ju_are_a_target():
    """静安's 消防救援 three-year plan (round thirty-six's held-out set): 补建市政消火栓169具 — 具 counts fittings."""
    d = _draft("某区消防救援事业发展三年行动计划（2019—2021年）\n二、主要任务\n3.加强消防水源建设。补建市政消火栓169具。\n")
    assert [(t["value_text"], t["value"], t["unit"]) for t in _targets(d)] == [("169具", 169, "具")]


@pytest.mark.parametrize("line, task", [
    ("4.334公里", False),  # 黄浦's inventory, a cell a line (bench/documents/district2025_huangpu_paishui.txt line 77)
    ("430.549公里", False),
    ("2.50个小区新增电动自行车充电设施;", True),  # 宝山's 实事 list: item 2, 50个 (district2022_baoshan_shishi line 43)
    ("1.2024年3月底前完成清单编制。", True),  # a date glued to its list number (issue 28)
    ("1.1 加强组织领导", True),
])
def test_a_decimal_alone_on_its_line_is_no_list_number(line, task):
    from plancli.extract.layout import TASK
    assert bool(TASK.match(line)) is task


def test_an_inventory_cell_a_line_keeps_its_decimal_figure():
    """A table set one cell a line: 4.334公里 on its own line is the figure 4.334, not item 4 of 334公里."""
    d = _draft("某区2025年排水设施移交工作方案\n一、移交范围\n序号\n设施类型\n数量\n1\n小市政排水设施\n4.334公里\n"
               "2\n下立交泵站\n2座\n")
    assert "334公里" not in [e["value_text"] for e in d["entries"]]
    assert not any(e.get("value_text") == "334公里" for e in d.get("exclusions", []))


HP25 = "黄浦区排水管理体制改革实施方案 (bench/documents/district2025_huangpu_paishui.txt lines 35-37)"


@pytest.mark.parametrize("item, want", [
    # a step's title with its span in brackets: the step, due when the span ends
    ("1.摸清底数（2025年1月—2025年6月）。编制移交清单，收集整理相关纸质和电子资料。", [("2025-06-30", "摸清底数")]),
    # the stage's own steps dated: they are the entries, the span restates when they fall
    ("3.签订协议（2025年10月—2025年12月）。细化移交协议，10月底完成意愿征询，12月底前签订排水设施管理移交协议。",
     [("2025-10-31", "意愿征询"), ("2025-12-31", "签订排水设施管理移交协议")]),
])
def test_a_steps_span_in_brackets_after_its_title_dates_it(item, want):
    d = _draft(_city(item, title="某区2025年排水管理体制改革实施方案"))
    assert [(e["deadline"], e["metric"]) for e in d["entries"] if e["kind"] == "milestone"] == want, HP25


@pytest.mark.parametrize("item, steps", [
    # what the year is (作为…过渡期), then a report of what was done: no step
    ("1.修订防汛应急预案。2025年作为排水管理体制改革过渡期，上海城投集团已编制完成专项应急预案，梳理明确了易积水路段。", []),
    # the year dating work, 作为 naming a role: a step
    ("1.修订防汛应急预案。2025年作为试点单位完成防汛应急预案修订。", ["2025-12-31"]),
])
def test_a_year_said_to_be_a_period_dates_no_step(item, steps):
    d = _draft(_city(item, title="某区排水管理体制改革实施方案（2025—2026年）"))
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps, HP25


SH38 = "上海 city-level plans of round thirty-eight's held-out set (bench/documents/city2024_shanghai_yasuozhan.txt, "


@pytest.mark.parametrize("item, steps, source", [
    # a plan or a form named by its year, no quotes: the year of the document
    ("1.燃气管道更新改造专项行动。由市住房城乡建设管理委牵头负责，编制2025年上海市燃气管道更新改造实施方案，推进全市燃气管道更新改造工作。",
     [], SH38 + "city2025_shanghai_laohuaguandao.txt line 34)"),
    ("1.报送材料。报送2024年生活垃圾收集站（压缩式）改造申报汇总表。", [], SH38 + "line 19)"),
    # an anniversary: what the year is
    ("1.加强宣传。坚持举办白玉兰文化节，结合2026年市花命名40周年，开展白玉兰文化的科普宣传。", [],
     SH38 + "city2024_shanghai_baiyulan.txt line 31)"),
    # the year dating work on a plan stays a step
    ("1.编制方案。2025年完成全市燃气管道更新改造实施方案编制。", ["2025-12-31"], "made up: a counter-case"),
])
def test_a_year_naming_a_document_or_an_anniversary_dates_no_step(item, steps, source):
    d = _draft(_city(item, title="上海市城市更新实施方案（2024—2026年）"))
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps, source


def test_a_signature_under_an_annex_list_is_no_wrap_of_its_last_item():
    """The annex list's last item (long, no final punctuation), then the issuer's name and the date line: the item's
    quote stays on its line (压缩站, round thirty-eight: it had run on into the signature, breaking the line contract)."""
    text = ("上海市绿化和市容管理局关于开展2024年生活垃圾收集站提升改造工作的通知\n一、工作任务\n"
            "1.2025年底前完成全市生活垃圾收集站提升改造工作。\n附件：\n"
            "2.2024年12月底前完成生活垃圾收集站（压缩式）提升改造项目验收和改造申报的汇总报送工作并上传市局平台系统\n"
            "上海市绿化和市容管理局\n2024年4月12日\n")
    d = _draft(text)
    lines = text.split("\n")
    for e in d["entries"]:
        assert compact(e["quote"]) in compact(lines[e["line"] - 1]), e


def test_an_annex_of_technical_requirements_drafts_no_entry():
    """附件2 / 白玉兰栽植和养护技术要求: its pH values and years of watering specify how work is done (白玉兰, round thirty-eight:
    they had been drafted as targets and steps) — exclusions saying so; the plan's own targets stay; an annex of another
    kind (a task list) is read."""
    text = ("上海市白玉兰推广应用三年行动计划（2024—2026年）\n一、主要任务\n1.2025年6月底前，新增白玉兰观赏点位30个。\n"
            "附件1\n白玉兰推广应用任务清单\n1.2026年新增特色道路10条。\n"
            "附件2\n白玉兰栽植和养护技术要求\n一、栽植要求\n土壤pH值控制在6.5-7.5，栽植后2年内每年追肥一次。\n")
    d = _draft(text)
    assert [(e["line"], e["value_text"]) for e in d["entries"] if e["kind"] == "target"] == [(3, "30个"), (6, "10条")]
    assert not [e for e in d["entries"] if e["line"] >= 7]
    lines = {x["line"] for x in d["exclusions"] if "技术要求" in x["reason"] or "technical" in x["reason"]}
    assert 10 in lines


@pytest.mark.parametrize("item, kept", [
    # the step's new figure is its target; the running total after it restates it with the earlier steps'
    ("1.2025年12月底前，新增白玉兰栽植及观赏点位30个，总计达60个；特色道路10条，总计达20条。", ["30个", "10条"]),
    # a cumulative figure alone is the target
    ("1.到2025年底，累计建成充电桩5000个。", ["5000个"]),
])
def test_a_running_total_after_a_steps_new_figure_is_no_target(item, kept):
    d = _draft(_city(item, title="上海市白玉兰推广应用三年行动计划（2024—2026年）"))
    assert [e["value_text"] for e in d["entries"] if e["kind"] == "target"] == kept, \
        "bench city2024_shanghai_baiyulan lines 38-39"
    assert not [e for e in d["entries"] if e["kind"] == "milestone" and "总计" in e["metric"]]


GD21 = "上海市人民政府办公厅 耕地保护 (bench/documents/city2021_shanghai_gengdi.txt line 9)"


def test_a_floor_and_a_five_year_term_read_as_the_text_says():
    """…202万亩耕地、150万亩永久基本农田保护底线 is at least that much; “十四五”期间…稳定在170万亩以上 is due when the term ends,
    not at the 至2035年 of the sentence before; “十四五”期间…的替代指标 (which indicators) dates nothing."""
    text = ("上海市人民政府办公厅关于加强耕地保护的实施意见\n一、总体要求\n"
            "坚决守住耕地红线，确保至2035年全市202万亩耕地、150万亩永久基本农田保护底线。确保本市粮食种植面积不减少，"
            "“十四五”期间粮食生产面积稳定在170万亩以上，年产量稳定在90万吨以上。\n"
            "二、保障措施\n1.统一收储指标。省级统一收储“十四五”期间全省小煤电机组关停腾退的替代指标。\n")
    d = _draft(text, period=parse_period("2021:2035"))
    got = [(e["value_text"], e["comparator"], e["deadline"]) for e in d["entries"] if e["kind"] == "target"]
    assert got == [("202万亩", ">=", "2035-12-31"), ("150万亩", ">=", "2035-12-31"),
                   ("170万亩", ">=", "2025-12-31"), ("90万吨", ">=", "2025-12-31")], GD21
    assert not [e for e in d["entries"] if e["kind"] == "milestone"], GD21


def test_the_words_before_a_by_are_no_units_name():
    """建立一支由政府牵头、企业支持…的专家队伍 opening a block: the words before 由 are no unit (燃气, round thirty-nine's
    held-out set — every step had been led by 提升燃气专业指导检查水平建立一支由政府); 自由贸易试验区管委会 keeps its 由."""
    text = ("上海市城镇燃气安全专项整治工作方案\n一、重点任务\n1.2024年底前，完成100万户居民用户燃气软管更换。（市住房城乡建设管理委牵头负责）\n"
            "二、保障措施\n（一）提升燃气专业指导检查水平\n建立一支由政府牵头、企业支持的专业化燃气专家队伍，不定期开展培训。\n")
    d = _draft(text)
    assert all("由" not in u for e in d["entries"] for u in e["lead"] + e["support"])
    assert all("由" not in u for p in d["meta"]["plans"] for u in p["coordinator"])
    d = _draft(_city("1.新建充电桩500个。（上海自由贸易试验区管委会牵头负责）"))
    assert [e["lead"] for e in _targets(d)] == [["上海自由贸易试验区管委会"]]


@pytest.mark.parametrize("goals, want", [
    # the paragraph's horizon dates an average over the years
    ("到2022年，农村公路治理体系基本形成，县道和乡村道年均养护工程比例分别不低于13%和8%。",
     [("13%", "2022-12-31"), ("8%", "2022-12-31")]),
    # no horizon: 年均 is the phrase, due at the period's end (the shipped registry's 年均增长 10%左右)
    ("全社会研发经费投入年均增长10%左右。", [("10%", "2035-12-31")]),
])
def test_an_average_over_the_years_takes_its_paragraphs_horizon(goals, want):
    text = f"上海市农村公路管理养护体制改革实施方案\n一、工作目标\n{goals}\n二、主要任务\n1.加强管理。\n"
    d = _draft(text, period=parse_period("2020:2035"))
    assert [(e["value_text"], e["deadline"]) for e in _targets(d)] == want, \
        "bench city2020_shanghai_nongcungonglu line 15; data/targets.yaml (年均)"


JA36 = "静安区 城市更新 plan (bench/documents/district2023_jingan_gengxin.txt lines 18, 27)"


@pytest.mark.parametrize("paragraph, steps", [
    # the horizon's own sentence keeps a step a clause (the shipped registry's 2024年，加快推进数字机关建设…); in the
    # sentences after it, work going on (打造, 推进, 推动) is no step, and what is done (完成…) is one
    ("到2025年，一是着力打造“一江一河”新亮点。重点推进东斯文里区域更新。二是完成北苏州路公共空间品质提升工程。"
     "推动走马塘片区城市更新建设。", ["一是着力打造“一江一河”新亮点", "完成北苏州路公共空间品质提升工程"]),
    # a goals paragraph's results keep a step each (the shipped registry's one a clause)
    ("到2025年，城市更新体制机制基本建立，一批重点片区更新全面完成。", ["城市更新体制机制基本建立", "一批重点片区更新"]),
    # in a task section, the sentences after the horizon's own state a result or are no step: a frame (对标…, 结合…需求),
    # work done with care (精心打造…), work going on (不断做宽…) drafted a step each under 到2025年 (line 39: thirteen); a
    # project's completion (…实现竣工) and a batch delivered (培育一批…) stay
    ("到2025年，南京西路功能区进一步巩固高端商业生态。对标世界顶级商圈，结合区域空间载体需求，精心打造静安寺下沉式广场项目，"
     "不断做宽、做厚南京西路商圈。市北初级中学新建工程实现竣工，培育一批特色商业街区。",
     ["南京西路功能区进一步巩固高端商业生态", "市北初级中学新建工程实现竣工", "培育一批特色商业街区"]),
])
def test_work_going_on_under_a_paragraphs_horizon_is_no_step(paragraph, steps):
    d = _draft(f"静安区城市更新行动方案（2023-2025年）\n一、重点任务\n{paragraph}\n二、保障措施\n加强组织领导。\n")
    got = [e["metric"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == len(steps), (got, JA36)
    assert all(s in m for s, m in zip(steps, got, strict=True)), (got, JA36)


NJ18 = "农机 goals (bench/documents/gov2018_42_nongji.txt, the 总体目标 paragraph)"


def test_a_goals_paragraphs_clauses_after_its_horizon_are_each_a_goal():
    """In the goals section every clause a horizon governs is one of the plan's goals, stated as a result or not
    (…进入全程全面高质高效发展时期): the task section's test for a result does not apply there."""
    d = _draft("某省推进农业机械化行动方案（2018-2020年）\n一、发展目标\n到2020年，农机作业条件加快改善。"
               "农业机械化进入全程全面高质高效发展时期，对标先进地区补齐短板。\n二、主要任务\n1.加强管理。\n")
    got = [e["metric"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == 3 and "进入全程全面高质高效发展时期" in got[1] and "补齐短板" in got[2], (got, NJ18)


JD40 = "嘉定区 违法用地 plan (bench/documents/district2026_jiading_weifayongdi.txt lines 29, 33-34)"


def test_a_districts_towns_lead_and_a_heading_is_no_part_of_a_units_name():
    """各街镇（管委会）, a Shanghai district's towns and streets, is a unit that leads its sentence; a heading line above
    a block (（二）严肃开展考核) is no part of the name of the unit opening the line under it — every inferred lead of 嘉定's
    plan (round forty's held-out set) had read 严肃开展考核区规划资源局."""
    text = ("2026年嘉定区违法用地综合整治实施方案\n一、目标任务\n2026年应完成剩余1620亩整治任务量。\n二、工作安排\n"
            "各街镇（管委会）于11月下旬开展预验收和总结。\n三、保障措施\n（一）严肃开展考核\n"
            "区规划资源局牵头开展中期通报和年终考核。\n")
    d = _draft(text)
    assert d["meta"]["plans"][0]["coordinator"] == ["区规划资源局"], JD40
    by_line = {e["line"]: e for e in d["entries"]}
    assert by_line[3]["lead"] == ["区规划资源局"] and by_line[3]["units_inferred"], JD40
    assert by_line[5]["lead"] == ["各街镇(管委会)"] and not by_line[5]["units_inferred"], JD40


SJ40 = "松江区 违法建筑 plan (bench/documents/dept2026_songjiang_weijian.txt line 12)"


def test_a_date_completing_the_tasks_named_work_dates_the_figures_before_it():
    """…加快对70个案件和165个违建案件整改进度，确保在2026年6月底前完成整改任务，…: the date closes the figures before it
    (完成整改任务 is the task's name for that work), and the clauses after it are no steps of their own (松江, round
    forty's held-out set: the figures were due at the year's end and four steps drafted from the date)."""
    d = _draft(_city("1.加快对市级高度关注的70个案件和全区165个违建案件整改进度，确保在2026年6月底前完成整改任务，"
                     "真正解决一批违建问题，进一步转变工作作风。", title="关于推进2026年度松江区违法建筑治理工作的实施方案"))
    assert [(e["value_text"], e["deadline"]) for e in _targets(d)] == [("70个", "2026-06-30"), ("165个", "2026-06-30")], SJ40
    assert not [e for e in d["entries"] if e["kind"] == "milestone"], SJ40


ZJ40 = "镇江 水利 goals (bench/documents/dept2023_zhenjiang_shuili.txt line 2)"


def test_a_clause_of_allegiance_is_no_step():
    """水利部门将深入贯彻党的二十大精神，全面贯彻…治水思路和…讲话指示批示精神: the frame a year's work is set in, no step
    (镇江, round forty's held-out set); 全面落实河长制 — work, a made-up counter-case — stays one."""
    d = _draft(_city("1.2023年，水利部门将深入贯彻党的二十大精神，全面贯彻“节水优先、空间均衡”治水思路和关于治水兴水重要讲话"
                     "指示批示精神，全面落实河长制。", title="镇江市水利现代化建设行动方案（2023-2025年）"))
    got = [e["metric"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == 1 and "河长制" in got[0], (got, ZJ40)


JT40 = "静安区 碳达峰 安排 (bench/documents/dept2026_jingan_tanfeng.txt lines 39-342)"


def test_an_annex_tables_title_leaves_the_plan_running_on():
    """附件 / 2026年…重点工作任务分工表 over a table one cell a line, with no section heading under it: the table is the
    plan's annex, read with it (its rows' units lead the body's tasks it restates; its own figures are targets) — 静安's
    whole annex had been dropped unread, none of its numbers drafted or excluded (round forty's held-out set)."""
    text = ("静安区2026年碳达峰碳中和及节能减排重点工作安排\n一、主要工作目标\n按照本市要求完成年度目标。\n二、重点工作\n"
            "（一）提升建筑绿色低碳水平\n完成公共建筑节能改造不少于50万平方米。\n"
            "附件\n2026年碳达峰碳中和及节能减排重点工作任务分工表\n序号\n具体工作\n时间进度\n责任部门\n"
            "1\n力争完成既有公共建筑节能改造不少于50万平方米\n年内完成\n建设管理委\n"
            "2\n完成北站医院等9个节能改造项目\n年内完成\n卫生健康委、机管局\n")
    d = _draft(text)
    got = [(e["line"], e["value_text"], e["lead"]) for e in _targets(d)]
    assert got == [(6, "50万平方米", ["建设管理委"]), (18, "9个", ["卫生健康委", "机管局"])], (got, JT40)
    assert d["meta"]["plans"][0]["last_line"] == 20, JT40


SZ39 = "上海 水资源 plan (bench/documents/city2024_shanghai_shuiziyuan.txt lines 103-116)"


@pytest.mark.parametrize("item, want", [
    # a schedule's item: the span (or the years) over the stage's work named as a noun after it
    ("2025年1-7月，主要水体的水下地形测量；", [("2025年1-7月", "2025-07-31")]),
    ("2026年1-6月，地下水资源年度评价（2025年度）。", [("2026年1-6月", "2026-06-30")]),
    ("2025年-2026年，海陆交互带水资源综合专题调查评价；", [("2025年-2026年", "2026-12-31")]),
    # a report's months over what was reached: no step (made-up counter-cases in the form of 池州's 1-10月份增长0.5%)
    ("2025年1-10月，全市规上工业增加值增长8%。", []),
    ("2025年1-10月，全市经济运行稳中向好。", []),
])
def test_a_schedules_item_under_a_span_is_a_step(item, want):
    text = f"上海市水资源调查评价工作方案（2024-2026年）\n一、时间安排\n（一）地表水调查\n{item}\n二、保障措施\n加强组织领导。\n"
    d = _draft(text)
    got = [(e["deadline_text"], e["deadline"]) for e in d["entries"] if e["kind"] == "milestone"]
    assert got == want, (got, SZ39)


JZ41 = "嘉定区 重大工程 plan (bench/documents/district2026_jiading_zhongda.txt lines 12, 53-55)"


@pytest.mark.parametrize("task, kept, source", [
    # a count opening its clause sizes the list named after it
    ("（1）2个计划新开工项目分别是：嘉定新城绿环三期和嘉唐公路。", [], JZ41),
    # doing something to a count keeps the target, whatever follows
    ("建设2个口袋公园，分别是：A公园和B公园。", ["2个"], "a counter-case to 嘉定's (made up)"),
    # a table's group heading counting its rows
    ("市政设施类（5个）", [], JZ41),
    ("新建充电站（5个）", ["5个"], "a counter-case to 嘉定's (made up)"),
    # the projects under way are a status the year's list reports; what starts and what is finished are its targets
    ("计划新开工项目27个、计划建成项目16个、在建项目24个。", ["27个", "16个"], JZ41),
    ("其中计划新开工2个、计划建成2个、在建1个。", ["2个", "2个"], JZ41),
    # the consent a project must win first is a rule's threshold
    ("取得总户数95%以上同意后方可实施。", [], "崇明 成套改造 plan (bench/documents/dept2023_chongming_chengtao.txt line 29)"),
    ("居民满意度达到95%以上。", ["95%"], "a share to reach (made up)"),
])
def test_counts_that_size_a_list_projects_under_way_and_thresholds_of_consent_are_no_targets(task, kept, source):
    d = _draft(_city(task, title="2026年嘉定区重大工程建设计划"))
    assert [e["value_text"] for e in _targets(d)] == kept, source


QP41 = "青浦区 老旧小区 plan (bench/documents/dept2024_qingpu_laojiu.txt line 27)"


def test_a_plans_named_lead_department_coordinates_it():
    """区住房保障和房屋管理局是老旧住宅小区综合改造的牵头部门，负责…: the unit the plan names as the lead department of the whole
    work coordinates it — the fallback of a task that names no unit (still marked units_inferred, as the registry marks its
    coordinator); a committee's office named in a later 推进措施 had stood in (青浦, round forty-one's held-out set). Two
    units named so for two works name no one lead."""
    base = ("青浦区老旧小区综合改造实施方案\n一、工作目标\n2025年计划改造60万平方米。\n二、职责分工\n{duty}\n"
            "三、保障措施\n（一）加强组织领导。区推进办牵头负责协调。\n")
    d = _draft(base.format(duty="区住房保障和房屋管理局是老旧住宅小区综合改造的牵头部门，负责做好综合改造年度计划制订。"))
    (plan,) = d["meta"]["plans"]
    assert plan["coordinator"] == ["区住房保障和房屋管理局"] and plan["coordinator_line"] == 5, QP41
    assert [(e["lead"], e["units_inferred"]) for e in _targets(d)] == [(["区住房保障和房屋管理局"], True)], QP41
    d = _draft(base.format(duty="区房管局是综合改造的牵头部门，负责计划。区建管委是燃气改造的牵头部门，负责施工。"))
    assert d["meta"]["plans"][0]["coordinator"] != ["区房管局"], QP41


HK43 = "虹口区 垃圾分类 plan (bench/documents/district2018_hongkou_quanchengfenlei.txt lines 195-235)"


@pytest.mark.parametrize("task, want", [
    # a rate per day, as 50万元/人 is per head: one figure with its rate unit
    ("1.2018年干垃圾末端处置量控制在634吨/日以内。", [("634吨/日", 634, "吨/日")]),
    ("1.新建湿垃圾处理设施，处理能力达到120吨/日。", [("120吨/日", 120, "吨/日")]),  # (made up, after 虹口's)
    # a date after a figure is no rate: 100吨, then 日 of a day
    ("1.完成改造100吨。", [("100吨", 100, "吨")]),  # (made up: a counter-case)
])
def test_a_rate_per_day_is_one_figure_with_its_unit(task, want):
    d = _draft(_city(task, title="虹口区生活垃圾全程分类体系建设三年行动计划（2018-2020年）"))
    assert [(e["value_text"], e["value"], e["unit"]) for e in _targets(d)] == want, HK43


QC44 = "谯城 民政局 task split (bench/documents/dept2025_qiaocheng_minzheng.txt lines 2-25)"


def _quarter_table(steps: str, aside: str = "区民政局办公室0558-5130002") -> str:
    return ("| 2025年度区民政局重点工作任务分解 |\n| 序号 |\n责任单位 |\n考核指标 |\n分月序时进度 |\n监督方式 |\n实施部门 |\n"
            "实施步骤 |\n完成时限 |\n| 1 |\n区民政局 |\n按照城乡低保工作有关政策要求,指导乡镇按月完成城乡低保对象的动态调整工作。 |\n"
            f"{steps} |\n{aside} |\n低保中心 |\n按季度序时推进 |\n2025年12月底 |\n| 2 |\n区民政局 |\n")


def test_a_quarterly_schedule_drafts_its_one_time_results_only():
    """A task split whose steps a row lists by quarter (①1-3月份,…;②4-6月份,…), the same work each quarter and a one-time
    review in two of them (谯城's 民政局 table, round forty-four's held-out set: 25 steps drafted for 2). The quarter
    dates its step (not a report's months); the work repeated every quarter is a routine, no step; the cells under
    监督方式 (an office's telephone) and 实施步骤 are no task text; 实施部门, a second unit column, supports; the caption's
    block ends where the table begins (it had run on over the table, every step drafted twice)."""
    steps = ("①1-3月份,督促各乡镇及时完成城乡低保的审核确认和动态管理工作;②4-6月份,督促各乡镇及时完成城乡低保的审核确认和动态管理"
             "工作,确保如期完成BC类家庭半年度复核工作;③7-9月份,督促各乡镇及时完成城乡低保的审核确认和动态管理工作;④10-12月份,"
             "督促各乡镇及时完成城乡低保的审核确认和动态管理工作,确保如期完成年度复核工作。")
    d = _draft(_quarter_table(steps))
    got = [(e["line"], e["deadline"], e["lead"], e["support"]) for e in d["entries"]]
    assert got == [(13, "2025-06-30", ["区民政局"], ["低保中心"]), (13, "2025-12-31", ["区民政局"], ["低保中心"])], (got, QC44)
    assert all("复核" in e["quote"] for e in d["entries"]), QC44


@pytest.mark.parametrize("steps, n", [
    # counter-cases: a step done in two periods only (中期, 年终) stays a step each; a schedule's steps that differ stay
    ("①1-6月份,完成半年度复核工作;②7-12月份,完成半年度复核工作。", 2),
    ("①1-3月份,完成对象摸底排查;②4-6月份,完成信息系统升级;③7-9月份,完成政策宣传培训。", 3),
])
def test_a_schedule_whose_steps_differ_keeps_them(steps, n):
    d = _draft(_quarter_table(steps, aside="电话督办"))
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == n, QC44


@pytest.mark.parametrize("task, steps", [
    ("1.2025年底前，指导乡镇按月完成城乡低保对象的动态调整工作。", 0),  # month by month: a routine (谯城, QC44)
    ("1.2025年底前，按季度序时推进临时救助审核确认。", 0),
    # counter-cases: setting up the routine is a step; a step done once stays one
    ("1.2025年底前，建立按月调度机制。", 1),
    ("1.2025年6月底前，完成城乡低保对象的动态调整工作。", 1),
])
def test_work_done_month_by_month_is_no_step(task, steps):
    d = _draft(_city(task, title="2025年度区民政局重点工作任务分解"))
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, QC44


def test_a_figure_a_record_breaks_across_two_lines_is_entered_on_the_line_of_its_number():
    """选育或引进2-3 / 个适宜机械化生产的品种 (上海's 农机化 实施意见, round forty-four's held-out set: the record breaks the
    sentence inside the figure): the entry is on the number's line, its value_text and quote that line's text, the
    measure word on the next line still its unit — the line contract had been broken."""
    d = _draft(_city("1.加快生产关键环节机械化技术创新与集成应用。选育或引进2-3\n个适宜机械化生产的品种。",
                     title="上海关于贯彻落实农业机械化发展规划的实施意见（2021-2025年）"))
    (t,) = _targets(d)
    assert (t["line"], t["value_text"], t["value"], t.get("value_max"), t["unit"]) == (5, "2-3", 2, 3, "个"), NJ44
    assert t["quote"].endswith("2-3") and "个" not in t["quote"], NJ44


YL44 = "上海 高端医疗器械 and 商业航天 plans (bench/documents/city2025_shanghai_yiliaoqixie.txt line 34, " \
       "city2023_shanghai_shangyehangtian.txt line 13)"


@pytest.mark.parametrize("task, kept, reason", [
    # a time counted from an event, a rule for each time it happens
    ("公立医疗机构应于目录更新后30天内，组织入院评估、审核。", [], "span"),
    ("各区要于本文印发后3个月内出台辖区实施方案。", [], "span"),
    # counter-case: a time limit the plan commits to stays (issue 20)
    ("力争6个月内完成清理。", ["6个月"], None),
    # a floor is no count of the names before it; the count alone is (高血压、…4种慢病)
    ("新增国家级、市级重点实验室、产业技术研究院、应用技术中心、数据共享中心等创新平台5个以上。", ["5个"], None),
    ("开展高血压、糖尿病、严重精神障碍、肺结核4种慢病管理。", [], "listed_count"),
])
def test_a_time_after_an_event_and_a_floor_after_names(task, kept, reason):
    _kept_and_why(task, kept, reason, YL44, "上海市促进高端医疗器械产业全链条发展行动方案（2025-2027年）")


WL45 = "工信部等七部门 未来产业 实施意见 (bench/documents/dept2024_gongxinbu_weilaichanye.txt line 14)"


def test_a_round_hundred_of_things_after_the_doing_is_a_count():
    """到2025年,…。建设一批未来产业孵化器和先导区,突破百项前沿关键核心技术,形成百项标志性产品,打造百家领军企业,…,初步形成…:
    百项 / 百家 after the doing are a hundred things each (round forty-five's held-out set: read as no figure, each clause
    a step); 突破 there is the doing, its count "=" (break through a hundred technologies); the batch delivered among the
    figures (建设一批…) is a step, no wish."""
    d = _draft("某部门关于推动未来产业创新发展的实施意见\n一、总体目标\n到2025年，未来产业技术创新全面发展。建设一批未来产业孵化器和"
               "先导区，突破百项前沿关键核心技术，形成百项标志性产品，打造百家领军企业，制定百项关键标准，初步形成发展模式。\n"
               "二、重点任务\n加强组织领导。\n")
    assert [(t["value_text"], t["value"], t["unit"], t["comparator"]) for t in _targets(d)] == [
        ("百项", 100, "项", "="), ("百项", 100, "项", "="), ("百家", 100, "家", "="), ("百项", 100, "项", "=")], WL45
    assert any("建设一批未来产业孵化器" in e["metric"] for e in d["entries"] if e["kind"] == "milestone"), WL45


@pytest.mark.parametrize("task, want", [
    # counter-cases: 突破 over a figure is more than it (the shipped registry's 突破3.5万家); 百家争鸣 counts nothing
    ("1.到2025年，高新技术企业突破3.5万家。", [("3.5万家", ">")]),
    ("1.到2025年，营造百花齐放、百家争鸣的创新氛围，新增企业10家。", [("10家", "=")]),
])
def test_breaking_through_a_figure_stays_more_than_it(task, want):
    d = _draft(_city(task, title="某市科技创新行动方案（2024-2025年）"))
    assert [(t["value_text"], t["comparator"]) for t in _targets(d)] == want, WL45


NJ45 = "上海 脑机接口 plan (bench/documents/city2025_shanghai_naojijiekou.txt line 11)"


@pytest.mark.parametrize("later, steps", [
    # the later horizon heads the sentences after it, as the first headed those after it
    ("系列脑机接口产品进入医疗器械注册审批阶段。", [("2027-12-31", "临床应用"), ("2027-12-31", "标准规范"),
                                              ("2030-12-31", "高质量控脑"), ("2030-12-31", "注册审批阶段")]),
    # counter-case: a sentence opening on another field of the goals is no more under it (鲁政发 line 292)
    ("数字经济领域，数字化转型取得明显成效。", [("2027-12-31", "临床应用"), ("2027-12-31", "标准规范"),
                                         ("2030-12-31", "高质量控脑")]),
])
def test_a_goals_paragraphs_later_horizon_heads_the_sentences_after_it(later, steps):
    d = _draft("上海市脑机接口未来产业培育行动方案（2025-2030年）\n一、发展目标\n立足优势，多路并行。2027年前，脑机接口产品率先实现"
               f"临床应用。形成脑机接口产品与检测评价标准规范。2030年前，实现高质量控脑。{later}\n二、重点任务\n加强组织领导。\n")
    got = [(e["deadline"], e["metric"]) for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == len(steps) and all(dl == w and s in m for (dl, m), (w, s) in zip(got, steps, strict=True)), (got, NJ45)


TK44 = "托克逊 农村公路 plan (bench/documents/dept2025_tuokexun_gonglu.txt lines 6, 8, 9)"


@pytest.mark.parametrize("task, kept, reason", [
    # the money a kind of fund gives the work: no goal (its reader: money allotted)
    ("农村公路建设项目共计18个52.35公里,车购税补助资金4032.44万元。", ["18个", "52.35公里"], "funds"),
    ("农村公路养护大修项目6个7.78公里,使用政府还贷二级公路取消收费后补助资金194.5万元。", ["6个", "7.78公里"], "funds"),
    # counter-cases: money a plan commits to win or invest stays a target
    ("争取上级补助资金5000万元以上。", ["5000万元"], None),
    ("完成公路建设投资2亿元。", ["2亿元"], None),
])
def test_the_money_a_fund_gives_is_no_target(task, kept, reason):
    _kept_and_why(task, kept, reason, TK44, "托克逊县2025年农村公路建设、养护计划")


YP44 = "杨浦 创新区 plan (bench/documents/district2025_yangpu_xinzhixiudai.txt lines 12, 14-17)"


def test_an_outlook_and_a_zones_area_are_no_entries():
    """展望2035年，全面建成…高地: an outlook beyond the plan's horizon, no step (its reader: excluded as an outlook); 总规划面积约
    60.61平方公里 and a zone's 面积约8.5平方公里: the size of the area the plan covers, no target (杨浦, round forty-four's
    held-out set: both had been entries). A project's area (…改造，面积约17.36万平方米: 九江's reader) stays a target."""
    d = _draft("杨“数”浦新质秀带创新区建设方案（2025-2030年）\n一、发展目标\n至2027年，独角兽企业达20家。展望2035年，全面建成新质生产力"
               "策源高地。\n二、空间布局\n创新区覆盖杨浦区全域，总规划面积约60.61平方公里。科技创新策源区以高校院所为主体，面积约8.5平方公里。\n"
               "三、重点任务\n1.对赣北商城完整社区进行精品提升改造，面积约17.36万平方米。\n")
    assert [t["value_text"] for t in _targets(d)] == ["20家", "17.36万平方米"], YP44
    assert not [e for e in d["entries"] if e["kind"] == "milestone"], YP44


R47 = "round forty-seven's held-out set (bench/documents/city2019_nantong_shuiwuran.txt line 2, city2024_huhehaote_lenglian.txt " \
      "line 2, dept2023_longquan_gengdi.txt line 15)"


def test_a_date_line_glued_to_the_text_and_a_dated_honour_date_no_step():
    """南通市人民政府办公室 2019年4月11日 (此件公开发布) 南通市人民政府办公室文件 …为贯彻落实…, a PDF's copy with the signature's
    date glued to the plan's text (five steps had been dated by it); 2022年10月,我市成功被国家发改委列入…名单,成为…节点 opening
    a plan (a dated honour reported, five steps)."""
    d = _draft("南通市2019年水污染防治工作计划\n南通市人民政府办公室 2019年4月11日 (此件公开发布) 南通市人民政府办公室文件 为贯彻落实"
               "国家部署，加快改善水环境质量，制定本计划。\n一、重点任务\n1.2019年底前，完成城市黑臭水体整治。\n")
    assert [(e["line"], e["deadline"]) for e in d["entries"]] == [(4, "2019-12-31")], R47
    d = _draft("呼和浩特市促进冷链物流高质量发展实施方案\n2022年10月,我市成功被国家发改委列入国家骨干冷链物流基地建设名单,成为国家骨干冷链"
               "网络重要节点。\n一、发展目标\n到2025年，建成冷库库容100万吨。\n")
    assert [(e["line"], e["value_text"]) for e in d["entries"]] == [(4, "100万吨")], R47


@pytest.mark.parametrize("task, steps", [
    # a whole its parts state after 其中 is no step; work going on or its purpose after a semicolon is none either
    ("1.2023年完成受污染耕地安全利用面积5807亩,其中:安全利用类任务5592亩、严格管控类任务215亩,确保安全利用率93%以上；深化受污染耕地"
     "安全利用试点示范,进一步巩固提升安全利用水平,促进乡村振兴。", []),
    # counter-cases: a clause after the semicolon that completes something stays a step (临安's 天目山镇中心幼儿园完成基础工程);
    # so does an item under a schedule's label (淮北's 第四季度:…；开展…建设)
    ("1.2023年4月底前，职教中心主体完工；天目山镇中心幼儿园完成基础工程。", ["职教中心主体完工", "天目山镇中心幼儿园完成基础工程"]),
    ("1.第四季度:力争年底前开工建设徐淮阜高速公路；开展G344东灵线二期路面工程建设。",
     ["开工建设徐淮阜高速公路", "开展G344东灵线二期路面工程建设"]),
])
def test_an_item_after_a_semicolon_is_a_step_where_it_completes_something(task, steps):
    d = _draft(_city(task, title="龙泉市2023年受污染耕地安全利用工作计划"))
    got = [e["metric"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == len(steps) and all(s in m or m in s for s, m in zip(steps, got, strict=True)), (got, R47)


SP47 = "双牌 工业集中区 offices (bench/documents/county2019_shuangpai_yuanqu.txt lines 6-11)"


def test_an_offices_heading_leads_its_tasks_and_a_list_run_in_one_paragraph_keeps_its_items_apart():
    """（二）招商合作局(行政审批局、政务服务中心) over the office's year's tasks: the office leads them, its name as written (双牌,
    round forty-seven's held-out set: 待定 on every task); 引进6家投资5000万元以上的…项目(含1家投资2亿元以上的…项目): the counts
    are the targets, the money says which projects; …年内新增入统企业5家以上;②积极主动服务企业…: 年内 dates no item after it
    (four steps had quoted from it)."""
    text = ("双牌工业集中区2019年部室工作任务\n(一)综合办公室(党群工作部、监察室、督查室、财务室)\n(1)年度主要任务与要求:\n"
            "①积极宣传推介园区,在省、市、县相关新闻媒体完成上稿8篇;②配合出台园区相关政策和制度。\n"
            "(二)招商合作局(行政审批局、政务服务中心)\n(1)年度主要任务与要求:\n"
            "①力争引进6家投资5000万元以上的工业产业项目(含1家投资2亿元以上的500强企业项目),年内新增入统企业5家以上;"
            "②积极主动服务企业,为企业全程代办相关证照手续;③积极宣传推介园区。\n")
    d = _draft(text)
    got = [(e["line"], e["value_text"], e["lead"]) for e in _targets(d)]
    assert got == [(4, "8篇", ["综合办公室(党群工作部、监察室、督查室、财务室)"]),
                   (7, "6家", ["招商合作局(行政审批局、政务服务中心)"]), (7, "1家", ["招商合作局(行政审批局、政务服务中心)"]),
                   (7, "5家", ["招商合作局(行政审批局、政务服务中心)"])], (got, SP47)
    assert not [e for e in d["entries"] if e["kind"] == "milestone" and "年内" in e["quote"]], SP47


@pytest.mark.parametrize("heading", ["(一)加强组织领导", "(二)保障措施", "(三)工作目标"])
def test_a_heading_that_names_no_office_leads_nothing(heading):
    d = _draft(f"某区2019年工作任务\n{heading}\n1.新建充电桩500个。\n")
    assert _targets(d)[0]["units_inferred"], SP47


DY47 = "大英 减贫 breakdown (bench/documents/county2019_daying_jianpin.txt line 4)"


def test_a_breakdown_by_place_gives_each_place_its_figure():
    """…分别是未脱贫人口:河边镇941人、回马镇252人、卓筒井镇242人;…各镇乡要在2019年1月25日前将…分解落实到村、户、人: each town leads
    its own figure and 各镇乡 (a county's towns and townships) the step they are told to take (大英, round forty-seven's held-out
    set: 待定 on all 19)."""
    d = _draft("大英县2019年度减贫计划\n一、目标任务\n全县剩余的4267名未脱贫人口要全部脱贫,分别是未脱贫人口:河边镇941人、回马镇252人、"
               "卓筒井镇242人。各镇乡要在2019年1月25日前将减贫目标任务分解落实到村、户、人。\n")
    got = [(e.get("value_text") or e["deadline"], e["lead"], e["units_inferred"]) for e in d["entries"]]
    assert got[1:] == [("941人", ["河边镇"], False), ("252人", ["回马镇"], False), ("242人", ["卓筒井镇"], False),
                       ("2019-01-25", ["各镇乡"], False)], (got, DY47)
    assert got[0][0] == "4267名" and got[0][2], (got, DY47)  # the county's whole names no unit of its own


PD48 = "round forty-eight's held-out set (bench/documents/town2021_dongshi_mubiao.txt, town2022_shiyan_mubiao.txt, " \
       "prov2020_jiangsu_gaoxinqu.txt)"


@pytest.mark.parametrize("text, period", [
    # the years a text looks ahead over end at its horizon, not at a past year it reports
    ("东石:持续加快建设\n过去五年,全镇经济社会各项事业取得新成效。2018年、2020年,东石镇连续两届蝉联“全国文明村镇”殊荣。\n"
     "会议提出,今后五年,东石镇经济社会发展的主要目标是:力争到2025年,全镇实现工农业总产值556.36亿元。\n", ("2021-01-01", "2025-12-31")),
    # from the page's date: the five years ahead, an action of three years the title names
    ("时堰镇抢抓机遇推动高质量发展\n来源:未知     点击数:1271     日期:2022-01-10 11:18:36\n1月6日,时堰镇举行第三届人民代表大会第一次会议。会议提出,今后五年,全镇地区生产总值年均增长7%。\n",
     ("2022-01-01", "2026-12-31")),
    ("高新技术产业开发区安全专项整治三年行动实施方案\n发布日期:2020-06-23 16:28\n一、整治目标\n重大事故隐患整改率达到100%。\n",
     ("2020-01-01", "2022-12-31")),
    # counter-case: a list citing another plan's 三年行动 is its own year's
    ("某县2022年农业农村重点工作\n发布日期:2022-03-01\n一、目标任务\n落实乡村振兴三年行动,粮食播种面积稳定在10万亩。\n",
     ("2022-01-01", "2022-12-31")),
])
def test_the_years_a_text_looks_ahead_over_are_its_period(text, period):
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period, PD48


# --------------------------------------------------------------------------- session of 2026-12-07 (fourth): dev faults
RQ23 = "上海 燃气 plan (bench/documents/city2023_shanghai_ranqi.txt lines 70, 72)"
YY21 = "益阳 交警 plan (bench/documents/dept2021_yiyang_jiaojing.txt line 8)"


@pytest.mark.parametrize("task, lead, support", [
    # the role, then 、 before the units that support: the role word ends the lead's list
    ("1.新建充电桩500个。（市发展改革委牵头负责、各区政府组织落实）", ["市发展改革委"], ["各区政府"]),
    ("1.新建充电桩500个。（市住房城乡建设管理委、市财政局牵头负责、各区政府组织落实）",
     ["市住房城乡建设管理委", "市财政局"], ["各区政府"]),
    # counter-case: the comma form as before
    ("1.新建充电桩500个。（市发展改革委牵头负责，各区政府组织落实）", ["市发展改革委"], ["各区政府"]),
])
def test_a_role_then_a_pause_mark_still_names_who_supports(task, lead, support):
    d = _draft(_city(task))
    assert [(e["kind"], e["lead"], e["support"]) for e in d["entries"]] == [("target", lead, support)], RQ23


@pytest.mark.parametrize("task, kept", [
    # a 零 the quotes stress: the whole of the quotation is the goal
    ("1.实现中心城区瓶装液化石油气用户“零新增”。", ["零"]),
    ("1.力争实现较大以上交通事故“零发生”。", ["零"]),
    # counter-cases: a 零 inside a longer quotation is part of a slogan or a name; 零 unquoted as before
    ("1.力争实现“一个零发生、两个下降、三个提升”的工作目标。", []),
    ("1.打造“零距离服务”品牌。", []),
    ("1.确保全年安全生产事故零发生。", ["零"]),
])
def test_a_quoted_zero_is_a_target_only_when_it_is_the_whole_quotation(task, kept):
    d = _draft(_city(task))
    assert [t["value_text"] for t in _targets(d)] == kept, (RQ23, YY21)


def test_a_campaigns_kinds_and_items_are_its_own_parts():
    d = _draft(_city("1.本次攻坚行动共含8个类别17个小项内容,包括深入开展交通安全隐患排查整治。\n2.新建充电桩500个。"))
    assert [t["value_text"] for t in _targets(d)] == ["500个"], YY21
    reasons = {x["text"]: x["reason"] for x in d["exclusions"] if x["line"] == 5}
    assert len(reasons) == 2 and set(reasons.values()) == {say("extract.reason.own_parts", "en")}, (reasons, YY21)


SZ24 = "上海 水资源 survey (bench/documents/city2024_shanghai_shuiziyuan.txt lines 30, 98-116)"


@pytest.mark.parametrize("duty, coordinator", [
    # the whole work given to one unit coordinates the plan, before a committee's office a later 推进措施 names
    ("本市水资源基础调查工作由市规划资源局牵头，市水务局及其他相关部门配合。", ["市规划资源局"]),
    ("全区调查工作由区规划资源局牵头负责。", ["区规划资源局"]),
    # counter-cases: one task's work given to a unit names no lead of the whole; two units named so name no one
    ("数据汇交工作由市测绘院负责。", ["区推进办"]),
    ("本市调查工作由市规划资源局牵头。本市汇交工作由市水务局牵头。", ["区推进办"]),
])
def test_the_whole_works_named_lead_coordinates_the_plan(duty, coordinator):
    d = _draft("某市水资源调查实施方案（2024-2025年）\n一、工作机制\n" + duty + "\n二、时间安排\n2025年4月底前，完成成果建库。\n"
               "三、保障措施\n（一）加强组织领导。区推进办牵头负责协调。\n")
    assert d["meta"]["plans"][0]["coordinator"] == coordinator, SZ24
    assert [(e["lead"], e["units_inferred"]) for e in d["entries"]] == [(coordinator, True)], SZ24


NT19 = "南通 水污染 plan (bench/documents/city2019_nantong_shuiwuran.txt line 4), 上海 白玉兰 plan (city2024_shanghai_baiyulan.txt)"


@pytest.mark.parametrize("task, kept, reason", [
    # monitoring sections counted alone are where a goal is measured; each place of a chain after 在 is where the work is
    ("1.全市5个国考断面、31个省考以上断面水质持续改善。", [], "focus"),
    ("1.推动36条一级支流51个考核断面水质持续改善。", [], "focus"),
    ("1.在3个市级核心区域、8个市级重点区域、13条市级重点道路开展景观提升。", [], "where"),
    # counter-cases: sections set up or their stations renewed are work done; a chain of things built is a chain of targets
    ("1.新建5个自动监测断面。", ["5个"], None),
    ("1.更新提升6个断面水站设备。", ["6个"], None),
    ("1.新建3个公园、8个口袋公园。", ["3个", "8个"], None),
])
def test_sections_a_goal_is_measured_at_and_places_work_is_done_are_no_targets(task, kept, reason):
    d = _draft(_city(task))
    assert [t["value_text"] for t in _targets(d)] == kept, NT19
    if reason:
        assert say(f"extract.reason.{reason}", "en") in {x["reason"] for x in d["exclusions"] if x["line"] == 5}, NT19


BT22 = "包头 数字政府 task list (bench/documents/city2022_baotou_shuzizhengfu.txt lines 31-122)"


def test_a_tasks_timing_then_its_units_in_one_bracket():
    """（5月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）: the timing is the task's dated step, the label its lead;
    many tasks closing on the same words are each their own step, no routine (包头, round fifty-one's held-out set: every
    task had been led by 配合市发改委, a unit read out of another task's text, and the steps dropped as a routine)."""
    d = _draft("包头市2022年数字政府建设工作方案\n"
               "1.各级政务服务事项全部开通全程网办。（5月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）\n"
               "2.强化审批智能化。（6月底取得阶段性成效并持续推进，牵头考核单位：市审批服务局）\n"
               "3.配合市发改委做好涉企信用数据整合工作。（0.25分）（7月底取得阶段性成效并持续推进，牵头考核单位：市市场监管局）\n"
               "4.升级就业培训管理信息平台。（11月取得明显成效，牵头考核单位：市人社局）\n")
    got = [(e["line"], e["deadline"], e["lead"]) for e in d["entries"]]
    assert got == [(2, "2022-05-31", ["市审批服务局"]), (3, "2022-06-30", ["市审批服务局"]),
                   (4, "2022-07-31", ["市市场监管局"]), (5, "2022-11-30", ["市人社局"])], (got, BT22)


@pytest.mark.parametrize("text, kept", [
    # counter-cases: a routine in one task stays dropped; a month without brackets in a report's months stays none
    ("1.①1-3月份，及时完成临时救助审核确认；②4-6月份，及时完成临时救助审核确认；③7-9月份，及时完成临时救助审核确认。", []),
    ("1.1-10月份完成投资20亿元。", []),
])
def test_a_routine_in_one_task_and_a_reports_months_are_no_steps(text, kept):
    d = _draft("某区民政局2024年工作任务分解\n" + text + "\n")
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == kept, BT22


CQ22 = "重庆 农村危房改造 notice (bench/documents/dept2022_chongqing_weifang.txt line 7), 奉节's (dept2025_fengjie_weifang.txt)"


@pytest.mark.parametrize("task, steps", [
    # a bracketed figure closing a step hides neither it nor the next date's step
    ("1.确保2022年12月底前全部开工(竣工率达到90%以上)、2023年6月底前全部竣工。",
     [("2022-12-31", "2022年12月底前全部开工"), ("2023-06-30", "2023年6月底前全部竣工")]),
    ("1.确保2022年12月底前全部开工、2023年6月底前全部竣工。",
     [("2022-12-31", "2022年12月底前全部开工"), ("2023-06-30", "2023年6月底前全部竣工")]),
    # counter-case: a run of dates over one step is one step's dates
    ("1.将完成情况于2022年4月8日、7月8日及12月8日前报送至区政府督查室。",
     [("2022-04-08", None), ("2022-07-08", None), ("2022-12-08", None)]),
])
def test_a_bracketed_figure_and_the_next_dates_step_are_their_own(task, steps):
    d = _draft(_city(task, title="重庆市农村危房改造工作方案（2022-2023年）"))
    got = [(e["deadline"], e["quote"] if steps[0][1] else None) for e in d["entries"] if e["kind"] == "milestone"]
    assert got == steps, (got, CQ22)


@pytest.mark.parametrize("task, kept, steps", [
    # which task of another list (第6项) is no count; a five-year term inside a document's title dates nothing
    ("1.第二轮自治区生态环境保护督察第6项整改任务已整改完成。", [], 0),
    ("1.按照《北辰区档案馆“十四五”期间档案接收工作安排》要求，做好档案接收。", [], 0),
    # counter-cases: a count of tasks done, the term dating a figure
    ("1.完成6项整改任务。", ["6项"], 0),
    ("1.“十四五”期间完成1000公里管道改造。", ["1000公里"], 0),
])
def test_an_ordinal_task_and_a_term_in_a_title_are_no_entries(task, kept, steps):
    d = _draft(_city(task, title="某市生态环境整改工作方案（2024-2025年）"))
    assert [t["value_text"] for t in _targets(d)] == kept
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps


@pytest.mark.parametrize("text, kept, steps", [
    # the weights of a score's formula and the halves a score is of are no targets and no steps
    ("半年考评分值=日常监测（60%）+实地调研（20%）+民意调查（10%）+第三方评估（10%）。\n年度考评分值=（上半年考评分值+下半年考评分值）÷2。",
     [], []),
    # counter-cases: a share in brackets after a figure (of a whole), a half-year's step
    ("1.完成筛查1480人（20%）。\n2.上半年完成平台招标。", ["1480人"], ["2022-06-30"]),
])
def test_a_scores_weights_and_halves_are_no_entries(text, kept, steps):
    d = _draft("包头市2022年数字政府建设工作方案\n" + text + "\n")
    assert [t["value_text"] for t in _targets(d)] == kept, BT22
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps, BT22


@pytest.mark.parametrize("task, value_text", [
    # classes run and weather operations have their own measure words (淄博's 妇女儿童实事, 曲阳's 人工影响天气 plan)
    ("1.开办寒暑假职工子女托管班50个班次。", "50个班次"),
    ("1.全年计划开展人工增雨作业13点次。", "13点次"),
    # counter-case: 个 before another noun stays 个
    ("1.建设3个班组活动室。", "3个"),
])
def test_classes_and_operations_are_counted_in_their_own_words(task, value_text):
    assert [t["value_text"] for t in _targets(_draft(_city(task)))] == [value_text]


SZ24T = "苏州 碳达峰 plan (bench/documents/city2024_suzhou_tandafeng.txt lines 20, 52, 66)"
SJ26 = "松江 能源 plan (bench/documents/district2026_songjiang_nengyuan.txt lines 4-13, 119-160)"


@pytest.mark.parametrize("goals, steps", [
    # a five-year term opening a goals paragraph heads its clauses, as 到2025年 does
    ("“十四五”期间，全市绿色低碳循环发展经济体系初步形成，产业结构、能源结构、运输结构明显优化，绿色产业比重显著提升。",
     ["体系初步形成", "结构明显优化", "比重显著提升"]),
    # counter-case: the term inside its clause dates that clause only
    ("全市在“十四五”期间基本建成绿色低碳循环发展经济体系，持续推进结构优化。", ["经济体系"]),
])
def test_a_five_year_term_opening_a_goals_paragraph_heads_its_clauses(goals, steps):
    d = _draft("苏州市碳达峰实施方案（2024-2030年）\n一、主要目标\n" + goals + "\n二、重点任务\n1.新建充电桩500个。\n")
    got = [e["quote"] for e in d["entries"] if e["kind"] == "milestone"]
    assert len(got) == len(steps) and all(s in q for s, q in zip(steps, got, strict=True)), (got, SZ24T)


@pytest.mark.parametrize("task, lead", [
    # units named, the rest unnamed (等部门), each assigned by its duties; a unit with its other office in angle brackets
    ("1.新建充电桩500个。（市委组织部<人才办>、市发改委、市工信局等部门按职责分工负责）", ["市委组织部<人才办>", "市发改委", "市工信局"]),
    ("1.新建充电桩500个。（市发改委、苏州供电公司、能源集团等部门按职责分工负责）", ["市发改委", "苏州供电公司", "能源集团"]),
    # counter-case: the form without 等部门 as before
    ("1.新建充电桩500个。（市发改委、市工信局按职责分工负责）", ["市发改委", "市工信局"]),
])
def test_units_named_then_the_others_unnamed_all_lead(task, lead):
    assert [t["lead"] for t in _targets(_draft(_city(task)))] == [lead], SZ24T


def test_a_markdown_project_table_with_group_rows_and_broken_heading_cells_is_read():
    """| **序号** | **项目名称** | **项目单位** | **主要建设内容** | … | **计划竣工**<br>**时间** |, a group row | **电力方面** |, then
    the projects: each row's unit leads, its figures under 主要建设内容 are targets and it is due when it is to be completed,
    not when it began (松江's 能源 projects, round fifty-two's held-out set: the group row had ended the table before its
    rows, every row 待定)."""
    text = ("松江区推进能源高质量发展行动方案（2026-2030年）\n一、重点项目\n"
            "| **序号** | **项目名称** | **项目单位** | **主要建设内容** | **建设地点** | **开工时间** | **计划竣工**<br>**时间** | **总投资**<br>**（万元）** |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "| **电力方面** |\n"
            "| 1 | 上海松江新宅110kV输变电工程 | 国网上海松江供电公司 | 新增变电容量100MVA，新建线路长度11.64km | 佘山镇 | 2024年5月 | 2027年3月 | 18812 |\n")
    d = _draft(text)
    got = sorted((e["kind"], e.get("value_text"), e["deadline"], tuple(e["lead"])) for e in d["entries"])
    assert ("target", "100MVA", "2027-03-31", ("国网上海松江供电公司",)) in got, (got, SJ26)
    assert ("target", "11.64km", "2027-03-31", ("国网上海松江供电公司",)) in got, (got, SJ26)
    assert all(dl == "2027-03-31" for _k, _v, dl, _l in got), (got, SJ26)


@pytest.mark.parametrize("heading, kept", [
    # a background section states where things stand: no targets
    ("一、发展基础", []),
    ("一、发展现状与面临形势", []),
    # counter-case: a goals section's figures are targets
    ("一、发展目标", ["7座"]),
])
def test_a_background_sections_figures_are_where_things_stand(heading, kept):
    d = _draft(f"松江区推进能源高质量发展行动方案（2026-2030年）\n{heading}\n目前松江共有220千伏变电站7座。\n"
               "二、重点任务\n1.新建充电桩500个。\n")
    assert [t["value_text"] for t in _targets(d)] == kept + ["500个"], SJ26
    if not kept:
        assert say("extract.reason.background", "en") in {x["reason"] for x in d["exclusions"]}, SJ26


CX20 = "长兴 出口专班 plan (bench/documents/dept2020_changxing_chukou.txt lines 9, 18)"


@pytest.mark.parametrize("text, steps", [
    # the day and quarter of a meeting the plan follows are no steps
    ("根据4月30日省政府二季度工作部署会和省、市、县“争先创优”行动安排,统筹推进全县疫情防控和经济社会发展。", []),
    # counter-cases: a date the plan's own step states, after 按照 or after the clause that names the meeting
    ("按照2020年6月底前完成的要求，全面完成改造。", ["2020-06-30"]),
    ("根据县委部署，2020年6月底前完成改造。", ["2020-06-30"]),
])
def test_the_day_of_a_meeting_the_plan_follows_is_no_step(text, steps):
    d = _draft("长兴县2020年出口专班工作方案\n" + text + "\n")
    assert sorted({e["deadline"] for e in d["entries"] if e["kind"] == "milestone"}) == steps, CX20


def test_firms_counted_by_their_visits_are_a_count():
    d = _draft(_city("1.力争全年参展企业500家次以上。"))
    assert [(t["value_text"], t["unit"], t["comparator"]) for t in _targets(d)] == [("500家次", "家次", ">=")], CX20


@pytest.mark.parametrize("task, comparator", [
    # the signs a form writes before a figure, full-width or ASCII (下马关's 绩效目标: …种植数量(≥**株)>=17600株)
    ("1.黄金蜜(葡萄)种植数量>=17600株。", ">="),
    ("1.补助成本<=28.4元。", "<="),
    ("1.种植作物成活率≥85%。", ">="),
    # counter-case: 达到 stays "="
    ("1.种植作物成活率达到85%。", "="),
])
def test_a_forms_comparison_signs_are_comparators(task, comparator):
    assert [t["comparator"] for t in _targets(_draft(_city(task)))] == [comparator]


@pytest.mark.parametrize("text, steps", [
    # a signature's date and the day the document was printed, on one line with the table after them, date no step
    ("平阳县农业农村局 平阳县财政局 2024年11月21日 平阳县农业农村局办公室 2024年11月21日印发\n1.新建仓储用房850平方米。", []),
    # counter-case: a dated step
    ("1.2024年11月21日前完成仓储用房建设。", ["2024-11-21"]),
])
def test_a_signature_and_its_print_date_on_one_line_date_no_step(text, steps):
    d = _draft("平阳县2024年度“筑巢引凤”项目建设计划\n" + text + "\n")
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps


def test_a_row_number_opening_the_next_line_ends_the_row_above():
    """…区农投公司。 2023年12月底 / 35 强化企业创新主体地位,…研发费用突破6亿元。: the row above ends on its time cell; the
    next row's number opens its line (谯城's 科技局 rows, round fifty-five's set: a quote had run into row 35)."""
    text = ("谯城区2023年政府工作报告重点任务分解\n34 谋划共建智慧农业研究院。区发改委、区农投公司。 2023年12月底\n"
            "35 强化企业创新主体地位,研发费用突破6亿元。区科技局 2023年12月底\n")
    d = _draft(text)
    lines = text.split("\n")
    assert all(compact(e["quote"]) in compact(lines[e["line"] - 1]) for e in d["entries"]), d["entries"]


FT26 = "丰台 美丽丰台 list (bench/documents/district2026_fengtai_meili.txt lines 19-67)"


def test_a_markdown_tables_numbered_group_rows_and_units_one_a_line():
    """| 一、共筑美丽蓝天 | and | （一）空气质量目标 | are group rows; 区生态环境局<br>各街镇 is two units (丰台's list, round fifty-four's
    held-out set: the first numbered group row had ended the table, every row 待定)."""
    text = ("美丽丰台建设2026年行动计划\n"
            "| 序号 | 重点任务 | 工作措施 | 完成时限 | 牵头部门 | 主责单位 | 协办单位 |  |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "| 一、共筑美丽蓝天 |\n| （一）空气质量目标 |\n"
            "| 1 | 空气质量目标 | 新建空气质量监测站5个。 | 2026年10月底前 | 区生态环境局<br>各街镇 | 区城市管理委 | 区水务局 |\n")
    (t,) = _targets(_draft(text))
    assert (t["value_text"], t["deadline"], t["lead"]) == ("5个", "2026-10-31", ["区生态环境局", "各街镇"]), (t, FT26)


@pytest.mark.parametrize("task, kept", [
    # points of a share in words after the change (唐山's 碳达峰 plan: 电炉钢占比较2022年提高三个百分点以上)
    ("1.到2025年，电炉钢占比较2022年提高三个百分点以上。", [("三个百分点", 3, ">=")]),
    # counter-cases: in digits as before; a count of points no change names is none
    ("1.到2025年，研发投入占比提高2个百分点。", [("2个百分点", 2, "=")]),
    ("1.到2025年，围绕三个百分点目标开展工作。", []),
])
def test_points_of_a_share_in_words_are_a_target(task, kept):
    d = _draft(_city(task, title="唐山市碳达峰实施方案（2024-2030年）"))
    assert [(t["value_text"], t["value"], t["comparator"]) for t in _targets(d)] == kept


@pytest.mark.parametrize("task, kept", [
    # a grid's capacity in 千伏安 is a target (广州's 车网互动 plan: 场站并网容量达到85万千伏安)
    ("1.力争2025年底前场站并网容量达到85万千伏安。", ["85万千伏安"]),
    # counter-case: the size of the thing counted (苏尼特左旗: 购置安装1台500千伏安箱式变压器) — the count is the target
    ("1.为幼儿园购置安装1台500千伏安箱式变压器。", ["1台"]),
])
def test_a_capacity_is_a_target_and_a_things_size_is_not(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="广州市车网互动工作方案（2025-2027年）")))] == kept


YD24 = "盐都 设备更新 plan (bench/documents/district2024_yandu_gengxin.txt lines 14-23)"


@pytest.mark.parametrize("task, kept", [
    # a whole broken down by year: the whole is the plan's own target by its horizon, each year's part one of its own
    ("1.到2027年推动25家企业实施污防设施提升改造，其中2024年5家、2025年5家、2026年5家、2027年10家。",
     [("25家", "2027-12-31"), ("5家", "2024-12-31"), ("5家", "2025-12-31"), ("5家", "2026-12-31"), ("10家", "2027-12-31")]),
    # counter-case: a whole broken down by kind is the sum of its parts (龙泉's 5807亩)
    ("1.2024年完成受污染耕地安全利用面积5807亩，其中：安全利用类任务5592亩、严格管控类任务215亩。",
     [("5592亩", "2024-12-31"), ("215亩", "2024-12-31")]),
])
def test_a_whole_broken_down_by_year_keeps_the_whole(task, kept):
    d = _draft(_city(task, title="盐都区设备更新行动方案（2024-2027年）"))
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == kept, YD24


@pytest.mark.parametrize("text, steps", [
    # a table row's 完成时限 cell dates the row's task: one step, however many clauses its cell holds
    ("| 序号 | 重点任务 | 工作措施 | 完成时限 | 牵头部门 |\n| --- | --- | --- | --- | --- |\n"
     "| 1 | 扬尘治理 | 全面落实施工工地扬尘管控，推进道路深度保洁，完成渣土车密闭改造。 | 2026年10月底前 | 区城市管理委 |\n", 1),
    # items a cell sets apart with semicolons are a step each (杨凌's scored items)
    ("| 序号 | 工作任务 | 完成时限 | 牵头部门 |\n| --- | --- | --- | --- |\n"
     "| 1 | 完成项目立项(5分);完成三期招标,正式开工建设(10分) | 2026年10月底前 | 区发展改革委 |\n", 2),
    # counter-case: a heading line's date dates each step under it (not a table row)
    ("（一）2026年6月底前\n1.完成施工工地扬尘管控改造。\n2.完成渣土车密闭改造。\n", 2),
])
def test_a_table_rows_time_cell_dates_one_step_a_row(text, steps):
    d = _draft("美丽丰台建设2026年行动计划\n" + text)
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, (d["entries"], FT26)


@pytest.mark.parametrize("task, kept", [
    # what a rule pays each one who qualifies (安徽's 工业互联网 plan, bench/documents/prov2021_anhui_gongyehulian.txt line 15;
    # 新庄镇's 业委会 plan; 静安's 垃圾分类 plan) is a rate, no goal
    ("1.对评估等级在4A级的企业，省级分别给予一次性奖补50万元、100万元。", []),
    ("1.给予每个五星业委会10000元、四星业委会5000元奖励。", []),
    ("1.每处理一吨给予221元的消纳补贴。", []),
    ("1.市级补贴控制单价提升至520元/平方米。", []),
    ("1.为充换电设施提供不超过设备成本50%的建设补贴。", []),
    # counter-cases: what is paid out in all names no one it is paid to each; a goal per head is no subsidy
    ("1.到2025年，发放各类补贴1.2亿元。", ["1.2亿元"]),
    ("1.到2025年，全市居民人均可支配收入达到5万元/人。", ["5万元/人"]),
])
def test_what_a_rule_pays_each_is_a_rate_not_a_target(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某市工业互联网发展行动计划（2024-2025年）")))] == kept


@pytest.mark.parametrize("task, kept", [
    # a ratio to reach (六盘水's, 册亨's and 长顺's 增收 plans; 合肥's and 武汉's 绿色货运 plans: round sixty-one's held-out set)
    ("1.到2024年，城乡居民收入比下降到2.8左右。", [("2.8", 2.8, None, "~")]),
    ("1.到2024年，城乡居民收入倍差缩小到1.6以内。", [("1.6", 1.6, None, "<=")]),
    ("1.到2024年，充电桩与配送货车的配置比例不低于1:4。", [("1:4", 0.25, ":1", ">=")]),
    # years of schooling are a value in years (西安's 就业 plan)
    ("1.到2024年，劳动年龄人口平均受教育年限达到13年。", [("13年", 13, "年", "=")]),
    # counter-cases: a rule's ratio (按1:1的比例配套) and a span of years (工作满5年) are no targets
    ("1.各区按照1:1的比例配套资金。", []),
    ("1.对工作满5年的教师给予表彰。", []),
])
def test_a_ratio_and_years_of_schooling_are_targets(task, kept):
    d = _draft(_city(task, title="某市促进居民增收三年行动方案（2022—2024年）"))
    assert [(t["value_text"], t["value"], t["unit"], t["comparator"]) for t in _targets(d)] == kept


def test_a_ratio_reads_as_so_many_to_one():
    from plancli.text.quantities import parse_value
    assert [(q.value, q.unit) for q in map(parse_value, ("1.9:1", "1:4", "4:1"))] == [(1.9, ":1"), (0.25, ":1"), (4.0, ":1")]


@pytest.mark.parametrize("text, kept, steps", [
    # a date in figures is no range (双辽's 县域商业 plan: 2025-05-09 then 根据… had read as 5 to 9 根)
    ("2025-05-09\n根据上级通知，制定本方案。\n1.到2025年，新建充电桩500个。", ["500个"], 0),
    # a news dateline is no step (财联社's 海绵城市 flash: 上海9月12日电)
    ("财联社上海9月12日电，市水务局印发方案。\n1.到2025年，新建充电桩500个。", ["500个"], 0),
    # the meeting of a session, and who issued a document, are no counts (东至's 零工市场 plan; 山东's 县域商业 plan)
    ("方案业经县政府第17届77次常务会议审议通过。\n1.到2025年，新建充电桩500个。", ["500个"], 0),
    ("为贯彻落实商务部等9部门印发的通知，制定本方案。\n1.到2025年，新建充电桩500个。", ["500个"], 0),
    # (彭水's 生猪 plan, round seventy-one's held-out set: 农业农村部等6部委《…意见》)
    ("落实农业农村部等6部委《关于促进生猪产业持续健康发展的意见》。\n1.到2025年，新建充电桩500个。", ["500个"], 0),
    # counter-cases: a day with 电 of the grid is a step; departments counted as the work's scope stay a target
    ("1.2025年9月30日电网改造全部完成。", [], 1),
    ("1.到2025年，推动全市12个部门数据共享。", ["12个"], 0),
    ("1.到2025年，拍摄宣传微电影2部。", ["2部"], 0),
])
def test_a_dates_figures_a_dateline_a_sessions_meeting_and_issuers_are_no_entries(text, kept, steps):
    d = _draft("某县2025年县域商业建设行动项目实施方案\n" + text)
    assert [t["value_text"] for t in _targets(d)] == kept
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("title, period", [
    # a title naming a five-year term and no year: the term is the period (西安's 就业 plan, round sixty-one's held-out set)
    ("西安市“十四五”就业促进实施方案", ("2021-01-01", "2025-12-31")),
    ("某区“十五五”能源发展规划", ("2026-01-01", "2030-12-31")),
    # counter-case: a year in the title wins over the term
    ("某市“十四五”就业促进2023年工作方案", ("2023-01-01", "2023-12-31")),
])
def test_a_titles_five_year_term_is_the_period(title, period):
    d = _draft(title + "\n一、目标\n1.城镇新增就业60万人以上。")
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period


def test_the_years_figures_are_set_for_span_the_period_of_an_undated_text():
    # 蒙城's 空气质量 plan (round sixty's held-out set): no title year, no date line; 2024年约束性目标… and 2025年力争达到…
    # are both the plan's years — read as 2025 alone, the 2024 targets had been past years
    text = ("蒙城县空气质量提升攻坚行动方案\n一、目标\n细颗粒物平均浓度2024年约束性目标41.6微克/立方米，"
            "2025年力争达到38微克/立方米。\n")
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2024-01-01", "2025-12-31")
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [("41.6微克/立方米", "2024-12-31"),
                                                                       ("38微克/立方米", "2025-12-31")]


@pytest.mark.parametrize("task, kept", [
    # a town's villages and communities lead what a town's plan asks of them (民化镇, 龙河镇: round sixty-five's held-out set)
    ("(一)落实任务面积。各村居务必提早宣传发动，完成油菜种植3000亩。", [("3000亩", ["各村居"])]),
    ("(二)打造示范片。各村(社区)要结合下达的目标任务，打造示范片2个。", [("2个", ["各村(社区)"])]),
    # a breakdown's places lead their own figures, after commas too (惠水's 大豆玉米 plan)
    ("(三)实施总面积3万亩，其中涟江街道3000亩，芦山镇1500亩。",
     [("3万亩", ["待定"]), ("3000亩", ["涟江街道"]), ("1500亩", ["芦山镇"])]),
    # counter-case: a kind of town names no place
    ("(四)到2022年，创建重点镇5个，建设特色小镇3个。", [("5个", ["待定"]), ("3个", ["待定"])]),
])
def test_villages_and_a_breakdowns_places_are_units(task, kept):
    d = _draft(_city(task, title="某镇2022年油菜生产工作方案"))
    assert [(t["value_text"], t["lead"]) for t in _targets(d)] == kept


@pytest.mark.parametrize("text, steps", [
    # a stage's span by its ten days dates it at the span's end (黔江's 大豆玉米 plan: 1月至3月中旬 is 3-20)
    ("1.1月至3月中旬:制定实施方案,进行任务分解。\n", [("2025-03-20")]),
    # a news dateline with 讯 and a print line's cc date are no steps (湘西's report; 秀英's print line)
    ("3月3日讯(龙蛟 刘旭)近日，州卫健委启动行动。\n", []),
    ("2025年5月23日 抄送:区委各部门、各人民团体\n", []),
])
def test_ten_days_a_dateline_and_a_print_lines_date(text, steps):
    d = _draft("某区2025年大豆玉米带状复合种植实施方案\n" + text)
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"][:1] == steps[:1]
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) >= len(steps)
    if not steps:
        assert not [e for e in d["entries"] if e["kind"] == "milestone"]


@pytest.mark.parametrize("task, value_text", [
    # a measure with its alternative in brackets and a set of kit (沧州's 河湖 report; 周村's 健身 works)
    ("1.到2025年底，全市幸福河湖数量达到40条(个)。", "40条(个)"),
    ("1.为各镇配置全民健身路径器材440件套。", "440件套"),
])
def test_measures_with_their_alternative_and_sets_of_kit(task, value_text):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某市幸福河湖建设实施方案（2023-2025年）")))] == [value_text]


@pytest.mark.parametrize("text, steps", [
    # a bare month opening a step's clause (湖北's 厕所革命 notice: …,10月份省级开展抽查和评估工作) dates it at the month's end
    ("要求9月底前完成县级自查,10月份省级开展抽查和评估工作。\n", ["2021-09-30", "2021-10-31"]),
    # counter-case: a month's figures are a report's (10月份完成投资同比增长8%)
    ("全省1-10月份完成投资5亿元,10月份完成投资同比增长8%。\n", []),
])
def test_a_bare_month_opening_a_steps_clause_dates_it(text, steps):
    d = _draft("某省2021年农村厕所革命工作方案\n" + text)
    assert [e["deadline"] for e in d["entries"] if e["kind"] == "milestone"] == steps


def test_the_rounds_held_before_are_no_count():
    # 与前4次经济普查相比 (郧阳's 经济普查 report, round sixty-six's held-out set); a count to reach stays a target
    d = _draft(_city("1.与前4次经济普查相比，本次普查将完成普查小区705个。", title="某区第五次全国经济普查实施方案（2023-2024年）"))
    assert [t["value_text"] for t in _targets(d)] == ["705个"]


@pytest.mark.parametrize("opening, steps", [
    # a report's words before the plan's horizon open its goals (雄安's 人居环境 report: 方案明确,到2025年,…)
    ("方案明确,到2025年,农村人居环境显著改善。农村卫生厕所基本普及,村容村貌显著改观。", 3),
    ("《实施方案》提出,到2025年,农村人居环境显著改善。农村卫生厕所基本普及,村容村貌显著改观。", 3),
    # counter-case: a horizon after other words dates its own sentence only
    ("会议强调要抓好落实,到2025年,农村人居环境显著改善。农村卫生厕所基本普及,村容村貌显著改观。", 1),
])
def test_a_reports_words_before_the_horizon_open_the_goals(opening, steps):
    d = _draft("某区农村人居环境整治提升五年行动实施方案（2021—2025年）\n" + opening + "\n")
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("task, kept", [
    # the funds a list of projects is given (双辽's 县域商业 plan: 中央财政扶持资金448万元; 长白: 项目资金共363万元)
    ("1.2025年县域商业建设行动项目中央财政扶持资金448万元。", []),
    ("1.本年度项目资金共363万元，市级下达专项资金总额317万元。", []),
    # counter-cases: funds a plan arranges or seeks are its commitment (安排省级财政资金1042.8亿元, the sentences file)
    ("1.安排省级财政资金1042.8亿元。", ["1042.8亿元"]),
    ("1.全年争取中央资金5000万元。", ["5000万元"]),
])
def test_the_funds_a_list_is_given_are_no_target(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某县2025年县域商业建设行动项目实施方案")))] == kept


@pytest.mark.parametrize("task, kept", [
    # the size that names which ones a task is about (苏州's and 唐山's 碳达峰 plans, 静安's 碳峰 plans)
    ("1.推进年综合能耗2000吨标准煤以上用能企业能源管理中心建设。", []),
    ("1.推动5万平方米以上商场复评或创建国家绿色商场。", []),
    # counter-cases: a count before its noun is the count (6000个以上技术改造项目), a size to reach stays a target
    ("1.每年组织实施6000个以上技术改造项目。", ["6000个"]),
    ("1.到2025年，完成公共建筑节能改造面积100万平方米以上。", ["100万平方米"]),
])
def test_a_size_naming_which_ones_is_no_target(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某市碳达峰实施方案（2024-2030年）")))] == kept


@pytest.mark.parametrize("text, steps, dated", [
    # a bare span naming a thing is no step (获嘉's 攻坚 plan: 通过三年治本攻坚,…); 三年内 and 用三年时间 stay spans
    ("通过三年治本攻坚，实现重大事故隐患动态清零。\n", 0, []),
    ("三年内，建成安全生产风险防控体系。\n", 1, []),
    # the plan's Nth year (嘉定's 违法用地 plan: “三年行动”第一年应完成1900亩；第二年应完成2200亩)
    ("“三年行动”第一年应完成1900亩整治任务量；第二年应完成2200亩整治任务量。\n", 0,
     [("1900亩", "2024-12-31"), ("2200亩", "2025-12-31")]),
    # and 未来五年 stays the span it names, as a span before a doing does (鲁政发: 两年新建3—5家省高新区)
    ("带动未来两年制造业投资100亿元以上。\n", 0, [("100亿元", "2025-12-31")]),
    ("两年新建3—5家省高新区。\n", 0, [("3—5家", "2025-12-31")]),
])
def test_a_span_naming_a_thing_and_the_plans_nth_year(text, steps, dated):
    d = _draft("某县安全生产治本攻坚三年行动实施方案（2024—2026年）\n" + text)
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == dated


@pytest.mark.parametrize("task, kept", [
    # a count word before a thing named in Latin letters counts it (广州's 车网互动 plan: 建成810个V2G桩)
    ("1.2025年底，在全市范围建成810个V2G桩，配置20台AED设备。", [("810个", 810, "个"), ("20台", 20, "台")]),
    # square metres and kit as a page writes them (美兰's 民生实事: 修缮约500m²; 盐都: 更新车船18辆（艘）)
    ("1.到2025年，修缮约500m²，改造3000㎡。", [("500m²", 500, "m²"), ("3000㎡", 3000, "m²")]),
    ("1.到2025年，更新车船18辆（艘），培训不少于76人(次)。", [("18辆（艘）", 18, "辆(艘)"), ("76人(次)", 76, "人(次)")]),
    # counter-cases: a technology's name and a size class are no counts
    ("1.到2025年，建设5G基站1000个，推广18MW级风机。", [("1000个", 1000, "个")]),
])
def test_things_named_in_latin_and_units_as_a_page_writes_them(task, kept):
    d = _draft(_city(task, title="广州市车网互动工作方案（2025-2027年）"))
    assert [(t["value_text"], t["value"], t["unit"]) for t in _targets(d)] == kept


@pytest.mark.parametrize("task, kept, reason", [
    # the count right after 依托 is what the task relies on (苏州's 碳达峰 plan: 依托全市5家化工园区; 丰台's list:
    # 依托58台水质自动监测站及手工断面数据)
    ("依托全市5家化工园区，培育发展原料依托型产业。", [], "descriptor"),
    ("依托58台水质自动监测站及手工断面数据，开展预警。", [], "descriptor"),
    # counter-cases: a doing between 依托 and the count keeps it; a count in the next clause is the task's own
    ("依托现有站点新建驿站50个。", ["50个"], None),
    ("依托产业园区，新建标准厂房10万平方米。", ["10万平方米"], None),
])
def test_a_count_right_after_yituo_is_the_means_not_a_goal(task, kept, reason):
    _kept_and_why(task, kept, reason, "苏州 碳达峰 / 丰台 美丽丰台", title="某市2024年工业节能工作方案")


def test_a_page_footer_between_the_last_task_and_a_stray_line_names_no_unit():
    """主办单位:… 版权所有:… under the last task, then a line the footer does not mark (建议使用…分辨率): the footer's 主办单位
    never coordinates the plan (彰武's 政务公开 plan, round seventy-three's held-out set: every task had been led by
    “彰武县人民政府办公室版权所有:阜新市人民政府办公室”)."""
    text = ("某县基层政务公开标准化规范化工作方案\n二、主要任务\n1.2020年11月底前完成基层政务公开事项目录编制。\n"
            "四、工作要求\n1. 加强组织领导\n"
            "主办单位:某县人民政府办公室 版权所有:某市人民政府办公室\n建议使用1440*768分辨率 IE9.0及以上版本浏览器\n")
    d = _draft(text)
    assert d["entries"], d
    assert all("版权所有" not in u and "人民政府办公室" not in u for e in d["entries"] for u in e["lead"]), d["entries"]
    # counter-case: with no footer between, the last task's own 主办 label still leads it
    d = _draft(text.replace("主办单位:某县人民政府办公室 版权所有:某市人民政府办公室\n", "").replace(
        "完成基层政务公开事项目录编制。", "完成基层政务公开事项目录编制。（主办单位：县政府办公室）"))
    assert [e["lead"] for e in d["entries"]] == [["县政府办公室"]], d["entries"]


def test_a_label_naming_the_level_of_its_units_is_read_as_its_role():
    """市级配合单位:… and 市级督导单位:… under a task (临沧's 殡葬 plan, round seventy-two's held-out set: each label line had
    been drafted as a step, its units as steps too): 配合 units support, a supervising unit is no unit of the task."""
    text = ("临沧市2020年殡葬改革工作推进方案\n二、重点任务\n1.完成全市农村公益性公墓建设工作。\n责任单位:各县(区)人民政府\n"
            "市级督导单位:市民政局\n市级配合单位:市发展改革委、市财政局\n完成时限:2020年12月底前。\n")
    (m,) = [e for e in _draft(text)["entries"]]
    assert (m["kind"], m["deadline"], m["lead"], m["support"]) == (
        "milestone", "2020-12-31", ["各县(区)人民政府"], ["市发展改革委", "市财政局"]), m


@pytest.mark.parametrize("text, kept", [
    # what there is now opens the sentence: the baseline the tasks start from (朝阳镇's 生猪 plan, round seventy-one)
    ("1.目前,我镇有大型养殖场3个,养殖专业户6个,散户1625户。全年出栏生猪5万头。", ["5万头"]),
    ("1.当前，全县已建成充电桩300个。到2025年，新建充电桩500个。", ["500个"]),
    # counter-cases: 目前 not opening the sentence, or opening a task to do, keeps the figure
    ("1.到2025年，新建充电桩500个，目前正在选址。", ["500个"]),
    ("1.目前，要抓紧新建充电桩500个。", ["500个"]),
])
def test_a_sentence_opening_with_what_there_is_now_is_the_baseline(text, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(text, title="某镇2021年生猪生产工作实施方案")))] == kept


def test_goals_one_a_line_under_a_date_ending_in_a_colon_are_each_on_their_own_line():
    """到2021年底: on its line, the goals one a line under it with no full stop (衡阳's 戴帽工程 plan, round seventy-five's
    held-out set): the first goal had stood on the heading's line, its quote over two lines (the line contract)."""
    text = ("衡阳“戴帽工程”专项行动实施方案\n二、目标任务\n到2021年底:\n市城区道路头盔佩戴率达到90%以上\n"
            "县市城镇道路头盔佩戴率达到85%以上\n")
    d = _draft(text)
    lines = text.split("\n")
    got = [(t["line"], t["value_text"], t["deadline"], t["deadline_text"]) for t in _targets(d)]
    assert got == [(4, "90%", "2021-12-31", None), (5, "85%", "2021-12-31", None)], got
    assert all(t["quote"] in lines[t["line"] - 1] for t in _targets(d))
    assert "到2021年底" in _targets(d)[0]["note"]
    # counter-case: the date on the goal's own line stays its phrase
    d = _draft("某市2021年工作方案\n二、目标任务\n到2021年底，市城区道路头盔佩戴率达到90%以上。\n")
    assert [(t["line"], t["deadline_text"]) for t in _targets(d)] == [(3, "到2021年底")]


def test_a_numbered_item_under_a_short_heading_is_no_more_of_a_title():
    """三、 / 进度安排 / 1.2020年9月底前制定工作方案 (彰武's 政务公开 plan re-laid with its numbers apart, round seventy-three's
    held-out set): the heading and the item had been joined as a two-line title ending in 方案, the step lost."""
    text = ("某县政务公开工作方案\n一、主要任务\n1.2020年11月底前编制完成目录。\n三、\n进度安排\n"
            "1.2020年9月底前制定工作方案\n2.2020年12月底前完成验收\n")
    d = _draft(text)
    assert sorted(e["deadline"] for e in d["entries"]) == ["2020-09-30", "2020-11-30", "2020-12-31"], d["entries"]


@pytest.mark.parametrize("task, kept, reason", [
    # how long a campaign runs (衡阳's and 双牌's 戴帽工程: 通过为期4个月的集中治理)
    ("通过为期4个月的集中治理，头盔佩戴率达到90%以上。", ["90%"], "span"),
    # what a rule advises, and a rule's interval (荣昌's 危房改造 letter; 两岔乡's 献血 plan)
    ("1人户建筑面积不宜小于40平方米、不宜大于60平方米，完成危房改造200户。", ["200户"], "rule_bound"),
    ("两次献血间隔不少于6个月，全年献血600人。", ["600人"], "rule_bound"),
    # counter-cases: a time limit the plan commits to, and a floor to reach, stay targets
    ("力争6个月内完成清理，改造面积不小于40平方米。", ["6个月", "40平方米"], None),
])
def test_a_campaigns_length_and_a_rules_advice_or_interval_are_no_targets(task, kept, reason):
    _kept_and_why(task, kept, reason, "衡阳 戴帽工程 / 荣昌 危房改造 / 两岔乡 献血", title="某县2024年工作方案")


@pytest.mark.parametrize("task, kept", [
    # doses of blood and fields worked more than once are measured as written (华新镇's 献血 notice; 重庆's 为农服务 plan)
    ("全年完成献血1700人份。", [("1700人份", 1700, "人份")]),
    ("到2024年，农业生产托管服务面积达到1000万亩次。", [("1000万亩次", 10000000, "亩次")]),
    # counter-case: 亩 then 次 of the next word is 亩
    ("到2024年，新增耕地1000亩，次年完成验收。", [("1000亩", 1000, "亩")]),
])
def test_doses_and_field_passes_are_measures(task, kept):
    d = _draft(_city("1." + task, title="某县2024年工作方案"))
    assert [(t["value_text"], t["value"], t["unit"]) for t in _targets(d)] == kept


@pytest.mark.parametrize("text, period", [
    # a letter whose title names its year, with no date of issue: the title's year, not a past step it reports (荣昌's
    # 危房改造 letter, round seventy-five: 2023年底,我委印发了… had opened the period in 2023)
    ("重庆市荣昌区住房和城乡建设委员会\n关于调整2024年农村低收入群体危房改造\n计划的函\n各镇人民政府:\n"
     "2023年底,我委印发了《关于提前下达的函》。\n二、各镇街要确保2024年9月底前全部竣工。\n", ("2024-01-01", "2024-12-31")),
    # counter-case: a date line read as the title names no plan's year — the dated steps give it
    ("???2020年12月4日\n一、工作目标\n(一)2021年6月底,实现乡镇农村公益性公墓100%全覆盖。\n", ("2021-01-01", "2021-12-31")),
])
def test_a_titles_one_year_is_the_period_of_an_undated_letter(text, period):
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period, d["meta"]["period"]


@pytest.mark.parametrize("task, steps", [
    # steps joined to the one a date closes share its date (荣昌's 危房改造 letter, round seventy-five)
    ("二、各镇街要加快推进,确保2024年9月底前全部竣工,同时完成信息录入,同步完成系统录入,并提交分户档案资料。",
     [("2024-09-30", ["各镇街"])] * 4),
    # counter-case: a clause of other work after it does not
    ("二、各镇街要加快推进,确保2024年9月底前全部竣工,加强质量安全巡查。", [("2024-09-30", ["各镇街"])]),
])
def test_steps_joined_to_a_dated_step_share_its_date_and_an_items_number_hides_no_subject(task, steps):
    d = _draft("某区住建委关于调整2024年危房改造计划的函\n一、加强宣传。\n" + task + "\n")
    assert [(e["deadline"], e["lead"]) for e in d["entries"] if e["kind"] == "milestone"] == steps, d["entries"]


@pytest.mark.parametrize("tail, steps", [
    # what the units are told to do after the dated goals is no goal the later horizon dates (黔东南's 不动产登记 plan,
    # round seventy-one: four steps had been drafted from 各县(市)要全面推行…)
    ("各县(市)要全面推行一次办、一窗办,积极推广不见面办。", 2),
    # counter-case: a result after the later horizon is dated by it (上海's 脑机接口 plan)
    ("查封、预告等登记业务全面实现即时办结。", 3),
])
def test_a_directive_to_the_units_after_dated_goals_is_no_goal_of_the_later_horizon(tail, steps):
    text = ("某州优化不动产登记流程工作实施方案\n一、工作目标\n"
            "2019年6月底前,凯里、黄平建成不动产登记综合窗口。2019年9月底前,黎平、雷山建成不动产登记综合窗口。" + tail + "\n")
    d = _draft(text)
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("tail, steps", [
    # where to send it is no step (常州's 标准 plan, round seventy: …报市市场监管局,电子邮箱:493318511@qq.com)
    ("请于2023年5月31日前报市市场监管局,电子邮箱:493318511@qq.com。", 1),
    ("请于2023年5月31日前报市市场监管局,联系电话:0519-12345678。", 1),
    # counter-case: a second step after the date is one
    ("请于2023年5月31日前报市市场监管局,完成标准立项。", 2),
])
def test_a_contact_after_a_dated_step_is_no_step(tail, steps):
    d = _draft("常州市2022年度农业地方标准制定计划\n一、工作要求\n" + tail + "\n")
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("task, kept, reason", [
    # after 即: the whole is spelled out (忻州's 数字乡村 notice, round seventy-two: ten extras)
    ("全市计划打造22个数字乡镇试点，即：偏关县8个乡镇全覆盖、其余13个县各1个数字乡镇。", ["22个"], "spelled_out"),
    # counter-cases: a figure of another measure after 即 is its own; with no whole before 即, the figures stay
    ("新建充电桩500个，即：每个乡镇新增充电功率200千瓦。", ["500个", "200千瓦"], None),
    ("即日起，新建充电桩500个。", ["500个"], None),
])
def test_figures_spelling_out_a_whole_after_ji_are_no_targets(task, kept, reason):
    _kept_and_why(task, kept, reason, "忻州 数字乡村", title="某市2023年数字乡村工作方案")


@pytest.mark.parametrize("task, kept", [
    # a figure shares the measure of the last of those paired after it (自贡's 水气电 plan, round seventy-one:
    # 分别压缩至2个、3个环节; 分别为1.5个、7个工作日 — the first had read 个); 个环节 is a measure of its own
    ("到2023年底，报装流程分别压缩至2个、3个环节，平均办理时间分别为1.5个、7个工作日。",
     [("2个", "个环节"), ("3个环节", "个环节"), ("1.5个", "个工作日"), ("7个工作日", "个工作日")]),
    ("到2025年，两项指标分别提高5个、3个百分点。", [("5个", "个百分点"), ("3个百分点", "个百分点")]),
    # counter-case: figures of different measures keep their own
    ("到2025年，新建学校2所、幼儿园3个。", [("2所", "所"), ("3个", "个")]),
])
def test_paired_figures_share_the_measure_of_the_last(task, kept):
    d = _draft(_city("1." + task, title="某市2023年用水用气用电改革方案"))
    assert [(t["value_text"], t["unit"]) for t in _targets(d)] == kept


@pytest.mark.parametrize("name", [
    # a step on a line ending in a colon ends with its line (武冈's 筛查 notice, round seventy-seven: …公示如下: had run on)
    "city2022_wugang_shaicha",
    # a heading row of labels set apart by spaces is a line of its own (淄川's 民生实事 report, round seventy-eight: its
    # first figure had stood on the heading's line)
    "dept2023_zichuan_wenhua",
])
def test_a_colon_line_and_a_label_row_keep_each_entry_on_its_own_line(name):
    text = (_DOCS / f"{name}.txt").read_text(encoding="utf-8")
    d = _draft(text)
    lines = text.split("\n")
    assert d["entries"], d
    for e in d["entries"]:
        assert compact(e["quote"]) in compact(lines[e["line"] - 1]), e
        if e["kind"] == "target":
            assert compact(e["value_text"]) in compact(lines[e["line"] - 1]), e


@pytest.mark.parametrize("task, got", [
    # a share stated as a head count in brackets is one target, and 完成 with the work its clause names dates it
    # (团洲's 接种 plan, round seventy-seven: 40%(9986人),力争在2021年6月底前完成接种)
    ("全乡接种人数需达到常住人口总数的40%(9986人),力争在2021年6月底前完成接种。", [("40%", "2021-06-30")]),
    # counter-cases: 完成 of other work is a step of its own; a count in brackets after a count stays
    ("全乡接种人数需达到常住人口总数的40%,力争在2021年6月底前完成验收。", [("40%", "2021-12-31")]),
    ("新建充电站5座(充电桩200个),2021年6月底前全部建成。", [("5座", "2021-06-30"), ("200个", "2021-06-30")]),
])
def test_a_share_as_a_head_count_and_completing_the_work_its_clause_names(task, got):
    d = _draft(_city("1." + task, title="某乡2021年新冠病毒疫苗接种工作方案"))
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == got, d["entries"]


@pytest.mark.parametrize("text, steps", [
    # a date inside its sentence dates its own part, up to the semicolon (石屏's 尾矿库 plan, round seventy-seven:
    # nine steps had been drafted from the goals after 到2022年底…控制在指标范围内;)
    ("深入开展专项整治,依法关闭不具备安全生产条件的尾矿库,到2022年底县内尾矿库数量控制在指标范围内;"
     "健全完善尾矿库安全监督管理体制,消除尾矿库重大隐患;建立监测预警机制。", 1),
    # counter-cases: a date set apart by a comma heads the goals after it as one opening its sentence does (泉州's 煤矿
    # plan, round seventy-seven; 静安's 分类 plan)
    ("依法关闭不具备安全生产条件的尾矿库,到2022年底,县内尾矿库数量控制在指标范围内;"
     "健全完善尾矿库安全监督管理体制,消除尾矿库重大隐患;建立监测预警机制。", 4),
    ("到2022年底,县内尾矿库数量控制在指标范围内;健全完善尾矿库安全监督管理体制,消除尾矿库重大隐患;建立监测预警机制。", 4),
])
def test_a_date_inside_its_sentence_reaches_up_to_the_semicolon(text, steps):
    d = _draft("石屏县尾矿库综合治理行动实施方案\n一、工作目标\n" + text + "\n")
    assert len([e for e in d["entries"] if e["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("goal, got", [
    # a run of years pairs with the figures of its own sentence part only: the next part's own year dates its figure
    # (科左中旗's 艾滋病 plan, round eighty-two: 2025年和2030年,…均…减少10%以上;2025年,…95%以上 had dated 95% by 2030)
    ("2025年和2030年,危险行为均较前5年减少10%以上;2025年,综合干预措施覆盖比例达95%以上。",
     [("10%", "2030-12-31"), ("95%", "2025-12-31")]),
    # counter-case: 分别 over as many figures pairs them in order
    ("2026年、2030年,全旗检测覆盖人数分别达到6万人、8万人。", [("6万人", "2026-12-31"), ("8万人", "2030-12-31")]),
])
def test_a_run_of_years_pairs_only_with_the_figures_of_its_own_part(goal, got):
    d = _draft(f"某旗遏制与防治艾滋病规划(2025—2030年)\n一、防治目标\n{goal}\n")
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == got, d["entries"]


@pytest.mark.parametrize("goal, steps", [
    # figures held on to a later horizon (到2030年持续保持) are no step of their own (科左中旗, round eighty-two)
    ("2025年,艾滋病母婴传播率在2%以下,到2030年持续保持。", []),
    ("2025年,知晓率达90%以上,到2030年持续巩固提升。", []),
    # counter-case: what is kept named
    ("2026年,创建全国文明城市,到2030年持续保持全国文明城市称号。", ["2026-12-31", "2030-12-31"]),
])
def test_holding_figures_to_a_later_horizon_is_no_step(goal, steps):
    d = _draft(f"某旗遏制与防治艾滋病规划(2025—2030年)\n一、防治目标\n{goal}\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == steps, d["entries"]


def test_a_distance_naming_a_zone_is_no_target():
    """介休's 清洁取暖 plan (round eighty-four): (三)建成区外3公里范围 names where the work is; its households are the target."""
    d = _draft("介休市2019年清洁取暖实施方案\n(三)建成区外3公里范围\n建成区外3公里范围未清洁取暖6799户,年内全部完成改造。\n"
               "(四)道路\n新建道路3公里。\n")
    assert [t["value_text"] for t in _targets(d)] == ["6799户", "3公里"]
    assert _targets(d)[1]["line"] == 5


@pytest.mark.parametrize("heading, drafted", [
    # a heading that ends in 情况 tells how things stand (岫岩's 集体经济 plan, round eighty-six: each village's people,
    # land and 2023 income under 二、项目村资产资源及财务情况 had drafted nineteen targets)
    ("二、项目村资产资源及财务情况", []),
    ("一、基本情况", []),
    # counter-cases: a heading of the work to do, or of its progress, is no background
    ("二、工作任务", ["1514人", "4732.78亩"]),
])
def test_a_section_telling_how_things_stand_drafts_no_target(heading, drafted):
    d = _draft(f"岫岩县2024年扶持发展新型农村集体经济项目实施方案\n{heading}\n红旗营子村总人口1514人。现有耕地4732.78亩。\n"
               "三、目标\n2024年扶持发展新型农村集体经济项目8个。\n")
    assert [t["value_text"] for t in _targets(d)] == drafted + ["8个"], d["entries"]


def test_an_autumn_and_winter_campaign_runs_from_october_to_march():
    """侯马's 2025—2026年秋冬季 air plan (round eighty-four): its title's years had been read as 2026 alone (its 2025 goals
    then past); the season runs from October to the March after, and a step of the season is due when it ends. The
    date inside the clause saying what the plan is for (为全面打好…攻坚战) is no step."""
    text = ("侯马市2025—2026年秋冬季大气污染综合治理攻坚行动方案\n"
            "为全面打好2025—2026年秋冬季大气污染综合治理攻坚战,推动全市环境空气质量持续改善,特制定本方案。\n"
            "二、攻坚目标\n1.完成临汾市下达我市的2025—2026年秋冬季空气质量改善目标任务;\n"
            "2.完成临汾市下达我市的2025年大气环境指标任务。\n")
    d = _draft(text)
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == ("2025-10-01", "2026-03-31")
    assert [(m["line"], m["deadline"]) for m in d["entries"] if m["kind"] == "milestone"] == [
        (4, "2026-03-31"), (5, "2025-12-31")]


@pytest.mark.parametrize("title, period", [
    # a title's span of years, not in brackets, is the plan's period (it had read the last year alone)
    ("某市2025—2026年大气污染综合治理攻坚行动方案", ("2025-01-01", "2026-12-31")),
    # counter-case: in brackets, as before
    ("某市大气污染综合治理攻坚行动方案(2024—2026年)", ("2024-01-01", "2026-12-31")),
])
def test_a_titles_span_of_years_is_the_period(title, period):
    d = _draft(f"{title}\n一、目标\n完成改造任务100户。\n")
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period


def test_a_page_label_with_its_value_after_its_colon_heads_no_line_under_it():
    """任城's 农产品 plan (round ninety-two): a policy site's header ends 有效性:有效, the whole body on the line under it —
    read as that label's value, the page's data, the body had drafted nothing."""
    d = _draft("某区人民政府关于印发《某区创建国家农产品质量安全区实施方案》的通知\n政策\n发布部门:某区人民政府\n"
               "发布时间:2021年08月28日\n有效性:有效\n为提升农产品质量安全水平,制定本方案。一、创建目标2022年8底前,"
               "农产品质量安全监测总体合格率达到98%以上。\n")
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [("98%", "2022-08-31")], d["entries"]


def test_a_signature_date_glued_to_the_plans_title_dates_nothing():
    """娄底's 无障碍 plan (round eighty-five), a page that glued the notice's signature, its date and the plan's title to
    the text: 娄底市人民政府办公室2021年12月13日娄底市无障碍环境建设实施方案(2021-2025年)为进一步… had dated four steps."""
    d = _draft("娄底市人民政府办公室关于印发《娄底市无障碍环境建设实施方案(2021-2025年)》的通知\n"
               "现印发给你们,请认真组织实施。娄底市人民政府办公室2021年12月13日娄底市无障碍环境建设实施方案(2021-2025年)"
               "为进一步保障残疾人平等参与社会生活的权利,制定本方案。到2025年,无障碍环境建设法规体系更加完善。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == ["2025-12-31"], d["entries"]


@pytest.mark.parametrize("lead_in, steps", [
    # clauses of purpose before the horizon of a goals paragraph (扬州's 数据要素 opinion, round eighty-nine): its later
    # sentences' goals are dated by it, as after one such clause (经过三年努力，到2025年，…)
    ("推进数据要素优质供给、高效流通、安全发展,实现数据要素市场化配置先行示范,", 3),
    ("经过三年努力,", 3),
    # counter-case: a clause with a figure before it is no lead-in: the horizon dates its own sentence only
    ("新建数据中心3个,", 1),
])
def test_a_goals_horizon_after_clauses_of_purpose_dates_the_paragraph(lead_in, steps):
    d = _draft("扬州市关于推动数据要素市场化配置改革的实施方案\n(二)主要目标\n" + lead_in +
               "到2026年,数据资源化改革探索取得新突破。数据基础制度基本建立;数据要素市场初步形成。\n二、重点任务\n加强组织领导。\n")
    assert len([m for m in d["entries"] if m["kind"] == "milestone"]) == steps, d["entries"]


@pytest.mark.parametrize("table, want", [
    # a total column: each row's total is its unit's figure, the parts none (满城's 结构调整 table, round eighty-eight: a
    # heading over two rows, the empty part cells collapsed by the page — it had drafted none of its eight totals)
    ("序号 | 乡镇 | 分阶段任务(亩) | 合计 | 备注 | |\n春种 | 夏种 | ||||\n1 | 满城镇 | 2242.6 | 18.1 | 2260.7 | |\n"
     "2 | 神星镇 | 2478.4 | 2478.4 | ||\n", [(2260.7, "亩", ["满城镇"]), (2478.4, "亩", ["神星镇"])]),
    # counter-case: without a total column each measured column is a figure, as before
    ("乡镇 | 春种任务(亩) | 夏种任务(亩) |\n满城镇 | 2242.6 | 18.1 |\n",
     [(2242.6, "亩", ["满城镇"]), (18.1, "亩", ["满城镇"])]),
])
def test_a_quota_tables_total_column_is_each_units_figure(table, want):
    d = _draft("保定市满城区2020年农业结构调整工作推进方案\n附件:2020年各乡镇农业结构调整分阶段汇总任务表\n" + table)
    assert [(t["value"], t["unit"], t["lead"]) for t in _targets(d)] == want, d["entries"]


def test_the_end_of_a_five_year_term_dates_the_goals_after_it():
    """东莞's 数字经济 news (round eighty-nine): 到“十四五”期末 had been left unread (期末 was no term's end), its figures
    dated by the news page's year."""
    d = _draft("东莞市数字经济发展政策措施\n一、目标\n到“十四五”期末,全市数字经济核心产业规模将突破1.3万亿元,"
               "数字经济核心产业增加值占GDP比重达23%。\n", period=parse_period("2022:2026"))
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [("1.3万亿元", "2025-12-31"), ("23%", "2025-12-31")]


def test_a_value_in_years_after_a_verb_of_reaching_is_no_span():
    """重庆's 个体工商户 plan (round eighty-one): 平均生存周期达到5年 is a firm's life in years, a target — read as a span of
    five years from 2024, it had dated the figures after it 2028 instead of the 到2029年 that heads them."""
    d = _draft("重庆市个体工商户分型分类精准培育实施方案\n一、工作目标\n到2029年,全市个体工商户活跃度达到70%,平均生存周期"
               "达到5年,累计新增“个转企”2万户。\n", period=parse_period("2024:2029"))
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [
        ("70%", "2029-12-31"), ("5年", "2029-12-31"), ("2万户", "2029-12-31")]
    # counter-case: a span of years after 用 stays a span
    d = _draft("某市个体工商户培育实施方案\n一、工作目标\n用5年时间,累计新增“个转企”2万户。\n", period=parse_period("2024:2029"))
    assert [(t["value_text"], t["deadline"]) for t in _targets(d)] == [("2万户", "2028-12-31")]


@pytest.mark.parametrize("opening, dated", [
    # a day set apart by a comma is a step's date where the step is scheduled or its work follows (梁平's 节水 plan,
    # round eighty-one: 计划于2024年5月31日,完成…,各项问题整改完毕,创建指标达标 had been read as a news lead's day)
    ("计划于2024年5月31日,完成重庆市节水型城市创建基础工作,各项问题整改完毕", ["2024-05-31", "2024-05-31"]),
    ("2024年5月31日,完成重庆市节水型城市创建基础工作", ["2024-05-31"]),
    # counter-case: a news lead's day stays none
    ("2024年3月4日,记者从区发展改革委获悉", []),
])
def test_a_day_set_apart_by_a_comma_dates_a_scheduled_step(opening, dated):
    d = _draft("梁平区创建重庆市节水型城市实施方案\n一、工作安排\n" + opening + ";2024年6月30日相关创建资料整理成册。\n")
    got = [m["deadline"] for m in d["entries"] if m["kind"] == "milestone" and m["deadline"] != "2024-06-30"]
    assert got == dated, d["entries"]


def test_a_day_said_to_be_an_anniversary_is_no_step():
    """赣县's 反诈 notice (round eighty-three): 今年12月1日,是《…法》正式实施两周年 says what the day is, no step (it had
    dated two); a day of the work stays one."""
    d = _draft("赣县区教育体育局关于开展2024年反电信网络诈骗集中宣传周活动的通知\n今年12月1日,是《中华人民共和国反电信网络诈骗法》"
               "正式实施两周年,同时,相关司法解释也正式施行。\n12月20日前,各校完成宣传活动总结上报。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == ["2024-12-20"], d["entries"]


@pytest.mark.parametrize("steps, dated", [
    # a bare month right before the work it dates, after another dated step of the list (沾益's 供水 project, round
    # eighty-one)
    ("项目将于今年3月完成前期工作、6月开工建设、10月完成所有项目实施内容。", ["2024-03-31", "2024-06-30", "2024-10-31"]),
    # counter-case: a report's months with a figure after them stay none
    ("1-6月,全区完成投资5亿元、6月份同比增长5%。", []),
])
def test_a_bare_month_in_a_list_of_dated_steps_dates_its_step(steps, dated):
    d = _draft("沾益区2024年农村供水工程维修养护和水质提升项目实施方案\n一、进度安排\n" + steps + "\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == dated, d["entries"]


def test_a_place_opening_its_item_of_a_breakdown_leads_all_its_figures():
    """靖远's 搬迁 plan (round eighty-seven): 具体安排如下:永新乡14户64人,其中…搬迁11户51人;兴隆乡9户37人 — each town leads
    every figure of its item, not only the one right after its name; a figure before any place leads none."""
    d = _draft("靖远县2024年度避险搬迁实施方案\n一、目标任务\n2024年全县计划搬迁33户,具体安排如下:永新乡14户64人,"
               "其中地质灾害威胁区搬迁11户51人;兴隆乡9户37人,全为地质灾害威胁区搬迁。\n")
    got = [(t["value_text"], t["lead"] if not t["units_inferred"] else None) for t in _targets(d)]
    assert got == [("33户", None), ("14户", ["永新乡"]), ("64人", ["永新乡"]), ("11户", ["永新乡"]), ("51人", ["永新乡"]),
                   ("9户", ["兴隆乡"]), ("37人", ["兴隆乡"])], d["entries"]


def test_each_figure_of_a_breakdown_set_apart_by_commas_takes_the_nearest_place():
    """清水's 搬迁 plan (round eighty-seven): 具体为:白驼镇135户623人,贾川乡53户232人 — 232人 is 贾川乡's, not the first
    town's; a table's labels run together (单位：亩 / 序号 / 街镇) name no place."""
    d = _draft("清水县2023年度避险搬迁实施方案\n一、目标任务\n全县2023年计划搬迁户256户1097人,涉及8乡镇,具体为:白驼镇135户623人,"
               "贾川乡53户232人。\n")
    got = [(t["value_text"], t["lead"]) for t in _targets(d) if not t["units_inferred"]]
    assert got == [("135户", ["白驼镇"]), ("623人", ["白驼镇"]), ("53户", ["贾川乡"]), ("232人", ["贾川乡"])], d["entries"]


# --------------------------------------------------------------------------- rounds 93-102's faults (thirty-eighth round's rules)

R100F = "issue 28, rounds ninety-three to one-hundred-and-second's held-out sets (development documents since): a form their faults show"


@pytest.mark.parametrize("task, lead, support", [
    # a note on the tasks after the units' bracket closes the names, and a 〔市〕 inside it is no end of it (绍兴's 清洁城市
    # plan: bench city2025_shaoxing_qingjie line 15)
    ("1.深入实施城市更新。新建改造老旧燃气管道6.99公里。(责任单位:市建设局、市水利局、市综合执法局;以下均需各区、县〔市〕政府"
     "和滨海新区管委会落实,不再列出)", ["市建设局", "市水利局", "市综合执法局"], []),
    # groups of supporting units set apart by commas, 按职能分工负责 (君山's 产业 plan: bench district2025_junshan_chanye line 6)
    ("1.提升农业生产能力。集中改造高标准农田4万亩。(区农业农村局牵头,区水利局、国网君山区供电公司,各镇、街道、场等按职能分工负责)",
     ["区农业农村局"], ["区水利局", "国网君山区供电公司", "各镇", "街道", "场"]),
    # counter-case: a bracket of its own after the units' one stays apart (…;备注:… a label it does not know)
    ("1.新建绿道10公里。(责任单位:市建设局;备注:以实际为准)", ["市建设局"], []),
], ids=["note-after-units", "comma-groups", "unknown-label"])
def test_a_units_bracket_with_a_note_or_comma_groups_names_its_units(task, lead, support):
    d = _draft(_city(task, title="某区2025年工作方案"))
    (t,) = _targets(d)
    assert (t["lead"], t["support"], t["units_inferred"]) == (lead, support, False), R100F


def test_a_years_label_dates_the_yearless_steps_after_it():
    """西安's 城乡融合 plan (bench city2019_xian_chengxiangronghe line 8): 2020年任务:一是4月底前…;二是10月底前… — read in 2020,
    not in the notice's year; a step before the label keeps the notice's year."""
    d = _draft("某市促进城乡融合发展三年(2019—2021年)行动方案\n一、重点任务\n1.完善村庄规划。9月底前完成村庄分类工作。"
               "2020年任务:一是4月底前完成村庄规划评估工作;二是10月底前完成规划修编。\n", doc_date=date(2019, 6, 1))
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == ["2019-09-30", "2020-04-30", "2020-10-31"]


@pytest.mark.parametrize("task, kept", [
    # a magnitude naming the class of what is counted after it (木李镇's 招商 tasks: bench town2024_muli_renwu line 25)
    ("1.招商引资。全年新签约过亿元项目4个以上。", ["4个"]),
    ("1.壮大产业。建成过千亿产业集群2个。", ["2个"]),
    # counter-cases: the magnitude is the figure itself
    ("1.壮大产业。全市规上工业产值过千亿。", ["千亿"]),
    ("1.壮大产业。电子信息产业营收突破千亿元。", ["千亿元"]),
    ("1.培育企业。到2025年,打造百家领军企业。", ["百家"]),  # (a count in words: 工信部's 未来产业 opinion, bench line 14)
    ("1.推进改造。超过一半的企业完成改造。", ["一半"]),  # (a share: the magnitude rule is for 十百千万亿 alone)
])
def test_a_magnitude_naming_a_class_is_no_target(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某镇2024年工作方案")))] == kept, R100F


@pytest.mark.parametrize("task, kept", [
    # the departments named by their count, their document right after it (丰城's 县域商业 draft: bench
    # county2022_fengcheng_shangye line 2)
    ("1.贯彻落实江西省商务厅17部门《关于加强全省县域商业体系建设促进农村消费的意见》,新建乡镇商贸中心10个。", ["10个"]),
    # where the work is done, the places qualified before 的 (丰城, line 5)
    ("1.“十四五”时期,在我市除街道办事处以外的27个乡镇,建设乡镇商贸中心27个。", ["27个"]),
    # counter-case: a count of departments to reach stays a target
    ("1.推动数据共享,接入平台的市直部门达到40个部门。", ["40个"]),
])
def test_issuers_counted_before_their_document_and_places_qualified_before_de_are_no_targets(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某市2022年工作方案")))] == kept, R100F


@pytest.mark.parametrize("task, kept", [
    # a gap said in words after 高 (西安's 乡村振兴 实施意见: bench city2021_xian_xiangcunzhenxing line 8)
    ("1.农村常住居民较城市居民人均可支配收入增速高一个百分点以上。", [("一个百分点", ">=")]),
    ("1.农民收入增速比城镇居民快两个百分点。", [("两个百分点", "=")]),
    # counter-case: 最高 names a cap's word, no gap (nothing read there before either)
    ("1.补贴比例最高一个百分点。", []),
])
def test_a_gap_in_points_said_in_words_is_a_target(task, kept):
    got = [(t["value_text"], t["comparator"]) for t in _targets(_draft(_city(task, title="某市2021年工作方案")))]
    assert got == kept, R100F


# --------------------------------------------------------------------------- ninth session (rounds 103 on)
S9 = "issue 28, ninth session: a form the development documents' faults show"


@pytest.mark.parametrize("text, dates", [
    # a quarter's label with its score in brackets before the colon (杨凌's 2019年度(分季)目标责任书: bench
    # dept2019_yangling_shuiwu lines 13-15): it heads the targets after it, as 第一季度: does
    ("第一季度(每项5分):完成甲工程招标工作;完成乙工程8座运动场地基础工程。", ["2019-03-31", "2019-03-31"]),
    ("第一季度:完成甲工程招标工作;完成乙工程8座运动场地基础工程。", ["2019-03-31", "2019-03-31"]),
    # counter-case: a bracket that no colon follows leaves the quarter its own step's, the figure the period's
    ("第一季度(3月)完成甲工程招标工作,新建运动场8座。", ["2019-03-31", "2019-12-31"]),
])
def test_a_quarters_label_with_a_score_before_its_colon_heads_its_targets(text, dates):
    d = _draft(f"某局2019年度目标责任书\n重点工作\n{text}\n")
    assert [e["deadline"] for e in d["entries"]] == dates, S9


@pytest.mark.parametrize("head, lead, below", [
    # the header of a 目标责任书, the unit beside its head (杨凌's: bench dept2019_yangling_shuiwu line 2): it leads every
    # task of the letter, named, not inferred
    ("部门(单位):示范区水务局                             责任人:王西宁", (["示范区水务局"], False), ["待定"]),
    # (责任单位: on a line after a task is that task's label, as before)
    ("责任单位：市水务局　　负责人：王某", (["市水务局"], False), ["市水务局"]),
    # counter-case: a unit with no head beside it is no letter's header
    ("部门:示范区水务局", (["待定"], True), ["待定"]),
])
def test_a_responsibility_letters_header_names_the_lead_of_its_tasks(head, lead, below):
    d = _draft(f"某局2019年度目标责任书\n{head}\n重点工作\n1.新建运动场8座。\n")
    (t,) = _targets(d)
    assert (t["lead"], t["units_inferred"]) == lead, S9
    # counter-case: the header below the first task is no letter's header
    d = _draft(f"某局2019年度目标责任书\n重点工作\n1.新建运动场8座。\n{head}\n")
    assert _targets(d)[0]["lead"] == below, S9


@pytest.mark.parametrize("task, kept", [
    # a count, then the bar a thing passes to be counted (广州's 直播电商 plan: bench dept2025_guangzhou_zhibo line 10;
    # 成都高新区's 更新 plan: bench district2024_chengdugaoxin_gengxin line 1)
    ("1.到2027年,力争孵化建成10个以上年销售规模超10亿元的直播电商产业园区。", ["10个"]),
    ("1.到2025年,培育1家营收规模达10亿元的再生资源回收龙头企业。", ["1家"]),
    ("1.到2027年,培育20家年销售额超过1亿元的企业。", ["20家"]),
    # counter-cases: the amount is the figure to reach, or the bar stands apart from the count
    ("1.到2027年,全市直播电商年销售额超过100亿元。", ["100亿元"]),
    ("1.到2027年,建成10个园区、销售额达到10亿元的目标。", ["10个", "10亿元"]),
    ("1.到2027年,建成10个园区,年销售额超过10亿元。", ["10个", "10亿元"]),
])
def test_a_bar_that_says_which_things_count_leaves_the_count_the_target(task, kept):
    assert [t["value_text"] for t in _targets(_draft(_city(task, title="某市2025年工作方案")))] == kept, S9


@pytest.mark.parametrize("goals, kept, steps", [
    # a set of standards named by its count, met in full (普洱's 校园安全 plan: bench city2022_puer_xiaoyuan line 16)
    ("到2022年底,全市中小学、幼儿园安全防范建设“三年行动计划”4个100%任务全面达标,50%的学校完成省市级“平安校园”创建。",
     ["50%"], ["到2022年底"]),
    ("到2023年底,全市中小学、幼儿园四个100%成果全面巩固。", [], ["到2023年底"]),
    # counter-cases: the rates named before the count keep their 100% (五华's: bench district2023_wuhua_xiaoyuan line 6);
    # a count and a share apart are two targets
    ("到2023年底,全区中小学、幼儿园的专职保安配备率、封闭化管理率、一键式报警和视频监控安装率等4个100%持续巩固。", ["100%"], []),
    ("到2024年底,新建学校4个,100%完成改造。", ["4个", "100%"], []),
])
def test_a_set_of_standards_named_by_its_count_is_no_target(goals, kept, steps):
    d = _draft(f"某市校园安全防范能力提升三年行动计划(2022—2024年)\n一、目标\n{goals}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, S9
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S9


def test_a_full_stop_written_as_an_ascii_point_leaves_the_next_date_whole():
    """普洱's plan (bench city2022_puer_xiaoyuan line 16): …同比下降10%.到2024年底,… — the date keeps its 到."""
    d = _draft("某市校园安全防范能力提升三年行动计划(2022—2024年)\n一、目标\n到2023年底,全市涉校涉生安全事故同比下降10%.到2024年底,"
               "全市校园安全防范能力显著增强。\n")
    assert [(e["kind"], e["deadline_text"]) for e in d["entries"]] == [("target", "到2023年底"), ("milestone", "到2024年底")], S9


@pytest.mark.parametrize("goal, steps", [
    # the plan's term restated over its own doing (江门's 新型农业经营主体 plan: bench city2024_jiangmen_jingyingzhuti line 12)
    ("从2024年开始,至2026年,全面实施江门市新型农业经营主体培育发展三年行动方案,构建以家庭经营为基础的现代农业经营体系。", []),
    # counter-cases: a result due when the span ends, and a system put in place by a year, are steps
    ("从2024年开始,至2026年,建成现代农业经营体系。", ["至2026年"]),
    ("到2026年,全面实施河长制。", ["到2026年"]),
])
def test_the_plans_own_term_over_its_own_doing_is_no_step(goal, steps):
    d = _draft(f"某市新型农业经营主体培育发展三年行动方案(2024-2026年)\n一、目标\n{goal}\n")
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S9


SZ_NOTE = "列逗号之前的为牵头单位，其他有关单位按职责分工配合，下同"


@pytest.mark.parametrize("tasks, units", [
    # the plan's own rule for its brackets, stated in the first (深圳's 低空 plan: bench city2025_shenzhen_dikongjichu line 11),
    # and a bracket of units alone closing each sentence (line 16): each sentence its own units
    (f"1.推进通用机场规划建设。2026年底前投入使用樟坑径直升机场。（市交通运输局、南山区政府，市规划和自然资源局、龙华区政府。{SZ_NOTE}）\n"
     "2.建设起降场。2026年底前建成医疗起降点339个。（市卫生健康委，各区政府）建成商业起降点413个。（市交通运输局、各区政府，市规划和自然资源局）",
     [(["市交通运输局", "南山区政府"], ["市规划和自然资源局", "龙华区政府"]), (["市卫生健康委"], ["各区政府"]),
      (["市交通运输局", "各区政府"], ["市规划和自然资源局"])]),
    # counter-case: with no such rule every unit of a bare bracket leads, as before
    ("1.建设起降场。2026年底前建成医疗起降点339个。（市卫生健康委，各区政府）",
     [(["市卫生健康委", "各区政府"], [])]),
])
def test_a_plans_comma_rule_and_a_units_bracket_a_sentence_name_each_entrys_units(tasks, units):
    d = _draft(f"某市低空基础设施高质量建设方案（2024—2026年）\n一、重点任务\n{tasks}\n")
    assert [(e["lead"], e["support"]) for e in d["entries"]] == units, S9


@pytest.mark.parametrize("head, day", [
    # a site's clock over a crawled news page (潍坊's 城镇化 report: bench city2018_weifang_chengzhenhua lines 2-3, the day
    # of the crawl with its weekday under it): the page's own post time dates it
    ("以传播城市化专业知识为己任\n2024年11月23日\n星期六\n设为首页 | 加入收藏\n某市新型城镇化三年行动\n时间:2018-05-29 10:11:29  来源:山东潍坊\n",
     date(2018, 5, 29)),
    # counter-case: a date line with no weekday under it is the document's
    ("某市新型城镇化三年行动\n2024年11月23日\n设为首页 | 加入收藏\n时间:2018-05-29 10:11:29  来源:山东潍坊\n", date(2024, 11, 23)),
])
def test_a_sites_clock_is_no_date_of_the_document(head, day):
    assert find_doc_date(head + "到2020年,全市常住人口城镇化率达到65%左右。\n") == day, S9


@pytest.mark.parametrize("goal, kept, steps", [
    # 澧县's 补短板 report (bench county2020_lixian_buduanban line 5): the size of a national list the county was put on, and
    # results stated as the idioms of raising a standard, one step each
    ("国家发改委将本县纳入全国120个新型城镇化补短板强弱项示范县范畴。力争到2022年,实现公共服务设施提标扩面、环境卫生设施提级扩能、"
     "市政设施提档升级、产业发展提质增效、城市化水平和质量稳步提升。", [], ["力争到2022年"] * 5),
    # counter-cases: a count to reach after 纳入 with a verb of its own stays, and a list of objects stays one step
    ("到2022年,新增纳入统计的规上企业120个。", ["120个"], []),
    ("到2022年,完成公共服务设施、环境卫生设施、市政设施改造。", [], ["到2022年"]),
])
def test_a_list_the_place_was_put_on_and_idioms_of_raising_a_standard(goal, kept, steps):
    d = _draft(f"某县新型城镇化补短板强弱项实施方案(2020-2022年)\n一、目标\n{goal}\n")
    assert [t["value_text"] for t in _targets(d)] == kept, S9
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S9


@pytest.mark.parametrize("section, period", [
    # a campaign plan's own time section (平罗 城关镇's 春季农田水利 plan: bench town2025_pingluochengguan_nongtian lines 10-11):
    # its figures are due when it ends
    ("二、工作时间\n2025年4月7日- 4月20日。", ("2025-04-07", "2025-04-20")),
    ("二、活动时间:2025年5月1日至10月31日", ("2025-05-01", "2025-10-31")),
    # counter-cases: stages in the section, or days outside the title's year, leave the title's year
    ("二、工作时间\n动员部署阶段(4月7日-4月10日);集中攻坚阶段(4月11日-4月20日)。", ("2025-01-01", "2025-12-31")),
    ("二、工作时间\n2024年4月7日-4月20日。", ("2025-01-01", "2025-12-31")),
])
def test_a_campaigns_time_section_is_its_period(section, period):
    d = _draft(f"城关镇2025年春季农田水利基本建设工作方案\n一、工作目标\n改善农业生产条件。\n{section}\n三、主要任务\n清淤支斗渠98条。\n")
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period, S9
    assert _targets(d)[0]["deadline"] == period[1], S9


@pytest.mark.parametrize("text, steps", [
    # when a rule starts to apply, and the newspaper issue a report was printed in (遵义's 体质 report: bench
    # city2024_zunyi_tizhi lines 5 and 9)
    ("2024年起,《国家中小学体质健康标准》测试结果将被纳入县级政府质量工作考核。", []),
    ("(2024年4月3日《中国体育报》06版)", []),
    # counter-case: a year that dates a step stays one
    ("2024年,全面建立市级统巡、县级统筹的测试工作体系。", ["2024年"]),
])
def test_a_year_a_rule_starts_and_a_newspapers_issue_are_no_steps(text, steps):
    d = _draft(f"某市中小学生体质强健计划实施方案(2024-2026年)\n一、目标\n{text}\n")
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S9


S10 = "issue 28, tenth session: a rule written from a development document's fault"


@pytest.mark.parametrize("caption, head, rows, want", [
    # a table of targets by year, its year cell merged over the year's rows and its measure in the caption (上海's
    # 虚拟电厂 targets: bench dept2025_shanghai_xunidianchang lines 42-61): each figure a target due at its row's year's end
    ("| 规划目标（2025-2027年）<br>单位：万千瓦 |", "| 年度 | 资源类型 | 接入容量 | 实际可调能力 |",
     ["| 2025 | 充换电站 | 130 | 30 |", "| 楼宇空调 | 120 | 40 |", "| 2026 | 充换电站 | 150 | 40 |"],
     [("130", 1300000, "2025-12-31"), ("30", 300000, "2025-12-31"), ("120", 1200000, "2025-12-31"),
      ("40", 400000, "2025-12-31"), ("150", 1500000, "2026-12-31"), ("40", 400000, "2026-12-31")]),
    # the measure in the column's brackets, a year with 年 in its cell
    ("", "| 序号 | 年份 | 新建充电桩(个) |", ["| 1 | 2025年 | 300 |", "| 2 | 2026年 | 500 |"],
     [("300", 300, "2025-12-31"), ("500", 500, "2026-12-31")]),
    # counter-cases: no measure anywhere (bare figures of no unit), and a first column naming no year
    ("", "| 年度 | 资源类型 | 接入容量 |", ["| 2025 | 充换电站 | 130 |"], []),
    ("单位：万千瓦", "| 资源类型 | 接入容量 | 实际可调能力 |", ["| 充换电站 | 130 | 30 |"], []),
])
def test_a_table_of_targets_by_year_dates_each_figure_by_its_rows_year(caption, head, rows, want):
    table = "\n".join(([caption] if caption else []) + [head, "| --- | --- | --- | --- |", *rows])
    d = _draft(f"某市虚拟电厂建设实施方案（2025-2027年）\n一、工作目标\n加快虚拟电厂建设。\n附件\n{table}\n")
    assert [(t["value_text"], t["value"], t["deadline"]) for t in _targets(d)] == want, S10


@pytest.mark.parametrize("stages, period", [
    # a notice that names no term of its own, only its stages' spans, and cites a national plan of 2024—2025 (重庆's
    # 职业健康 三项行动 notice: bench dept2024_chongqing_sanxiang lines 4-6): it runs from its first stage to its last
    ("(一)动员部署阶段(2024年4月—6月)。各区县要制定实施方案。\n(二)工作实施阶段(2024年7月—2025年9月)。各区县要开展工作。",
     ("2024-01-01", "2025-12-31")),
    # counter-case: stages without a year leave the period to the year the text names
    ("(一)动员部署阶段(4月—6月)。各区县要制定实施方案。\n(二)工作实施阶段(7月—9月)。各区县要开展工作。",
     ("2025-01-01", "2025-12-31")),
])
def test_a_campaigns_stage_spans_date_its_period(stages, period):
    d = _draft(f"为贯彻落实2025年全国职业健康工作会议精神,制定本方案。\n一、实施步骤\n{stages}\n")
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == period, S10


@pytest.mark.parametrize("stage, lead", [
    # a stage's title with its span, then the units its first sentence opens with (重庆's and 甘肃's 三项行动 notices: bench
    # dept2024_chongqing_sanxiang line 4, dept2024_gansu_sanxiang line 10): they do the stage's work
    ("(一)动员部署阶段(2024年4月—6月)。各区县卫生健康行政部门要结合本地实际制定具体的实施方案。", ["各区县卫生健康行政部门"]),
    ("(一)动员部署阶段(2024年7月底前)。各级卫生健康行政部门、疾控主管部门要结合本地实际制定具体的实施计划。",
     ["各级卫生健康行政部门", "疾控主管部门"]),
    ("(三)总结评估阶段(2025年10月—12月)。各区县卫生健康行政部门全面开展总结评估。", ["各区县卫生健康行政部门"]),
    # counter-cases: a vague subject (各级各部门, 有关主管部门) names no one
    ("(一)动员部署阶段(2024年4月—6月)。各级各部门要结合本地实际制定具体的实施方案。", ["待定"]),
    ("(一)动员部署阶段(2024年4月—6月)。有关主管部门要结合本地实际制定具体的实施方案。", ["待定"]),
])
def test_a_stages_first_sentence_names_who_does_it(stage, lead):
    d = _draft(f"某省职业健康三项行动实施方案(2024—2025年)\n一、实施步骤\n{stage}\n")
    assert [e["lead"] for e in d["entries"] if e["kind"] == "milestone"] == [lead], S10


@pytest.mark.parametrize("items, steps", [
    # goals a horizon's paragraph lists after its colon, numbered as groups are (巫溪's 船舶污染物 plan: bench
    # dept2020_wuxixian_chuanbowuranwu lines 15-19): the horizon dates each
    ("到2020年底,全县港口污染物处置工作达到以下总体目标:\n(一)港口污染物接收设施布局合理,船舶污水达标排放。\n(二)各部门之间建立联动工作机制。",
     ["2020-12-31"] * 3),
    # counter-cases: a group's heading (a few words, no stop) after the colon is a new group, and a paragraph without the
    # colon leads no list
    ("到2020年底,全县港口污染物处置工作达到以下总体目标:\n(一)主要任务\n各部门之间建立联动工作机制。", []),
    ("到2020年底,全县港口污染物处置工作取得明显成效。\n(一)港口污染物接收设施布局合理,船舶污水达标排放。", ["2020-12-31"]),
])
def test_numbered_goals_after_a_horizons_colon_are_dated_by_it(items, steps):
    d = _draft(f"某县港口船舶污染物处置工程建设方案(2018-2020年)\n一、建设目标\n{items}\n二、建设内容\n新建码头1个。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S10


@pytest.mark.parametrize("stage, due", [
    # days whose 月 the page lost (项山乡's 民兵整组 notice: bench town2020_xiangshan_minbing lines 14-15): read as 3月20日前,
    # and the span 3月21日至5月20日 due at its end
    ("(一)筹划部署阶段(320日前)拟制民兵整组工作方案。", ["2020-03-20"]),
    ("(二)组织实施阶段(321日至520日)。抓好组织整顿工作落实。", ["2020-05-20"]),
    ("各村要于1015日前完成民兵点验。", ["2020-10-15"]),
    # counter-cases: a count of days (180日内, a sum of days) is no date
    ("各村要在180日内完成民兵点验。", []),
    ("全年累计训练320日。", []),
])
def test_a_day_whose_month_the_page_lost_is_read_as_its_date(stage, due):
    d = _draft(f"某乡2020年度民兵组织整顿工作安排\n一、方法步骤\n{stage}\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == due, S10


@pytest.mark.parametrize("head, span", [
    # a season's campaign whose first lines say when its work runs (灵川's and 慈利's 动物防疫 campaigns: bench
    # county2023_lingchuan_qiufang line 2, county2024_cili_chunfang line 4): its rates are due when it is done
    ("某县召开2023年秋季重大动物疫病防控工作会议\n今年秋季重大动物疫病集中免疫于8月26日开始,10月20日前完成。", ("2023-08-26", "2023-10-20")),
    ("某县召开2023年春季重大动物疫病防控工作会议\n全县春季集中免疫工作于3月上旬全面启动,4月下旬全部完成。", ("2023-03-01", "2023-04-30")),
    ("某市2023年春季重大动物疫病防控工作全面启动\n3月8日至4月30日,全市集中开展动物疫病强制免疫工作。", ("2023-03-08", "2023-04-30")),
    # counter-cases: no season in the heading, or a span no campaign's
    ("某县召开2023年重大动物疫病防控工作会议\n集中免疫于8月26日开始,10月20日前完成。", ("2023-01-01", "2023-12-31")),
    ("某县召开2023年秋季重大动物疫病防控工作会议\n8月26日至10月20日,县长带队督查了各乡镇。", ("2023-01-01", "2023-12-31")),
])
def test_a_seasons_campaign_runs_the_days_its_text_gives(head, span):
    d = _draft(f"{head}\n应免畜禽免疫密度达到100%,免疫抗体合格率保持在70%以上。\n")
    assert (d["meta"]["period"]["start"], d["meta"]["period"]["end"]) == span, S10
    assert {t["deadline"] for t in _targets(d)} == {span[1]}, S10


@pytest.mark.parametrize("label, steps, values", [
    # a year's goals label over clauses without a figure (和林格尔's 地下水超采 plan: bench county2023_helingeer_dixiashui
    # line 18): each clause is a goal due that year
    ("2025年目标:地下水超采区达到采补平衡,超采区范围内水位符合水位控制目标。", ["2025年", "2025年"], []),
    # counter-case: a label over figures dates them; its clauses without one are no steps
    ("2025年目标:地下水开采量压减到1000万立方米,超采区范围内水位保持稳定。", [], ["1000万立方米"]),
])
def test_a_years_goals_label_over_no_figure_heads_its_clauses(label, steps, values):
    d = _draft(f"某县地下水超采区综合治理实施方案(2023-2025年)\n一、治理目标\n{label}\n")
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S10
    assert [t["value_text"] for t in _targets(d)] == values, S10


@pytest.mark.parametrize("goal, due", [
    # a measure's rate (30万标箱每年) closing a clause is no time over the clauses after it (秀山's 物流枢纽 report: bench
    # county2022_xiushan_luhaitongdao line 2): the horizon still dates them
    ("到2025年,铁路场站作业能力达到30万标箱每年,铁路货运量达到160万吨。", ["2025-12-31", "2025-12-31"]),
    # counter-case: 每年 opening a clause is a time of its own (every year: due when the plan ends)
    ("到2025年,铁路场站作业能力达到30万标箱。每年,铁路货运量达到160万吨。", ["2025-12-31", "2030-12-31"]),
])
def test_a_measures_rate_per_year_is_no_time(goal, due):
    d = _draft(f"某县物流枢纽建设规划(2025-2030年)\n一、目标\n{goal}\n")
    assert [t["deadline"] for t in _targets(d)] == due, S10


@pytest.mark.parametrize("stages, due", [
    # stages named with their time in a sentence of their own (宋庄镇's 民兵整组 plan, 晋中's 文明城市 plan: bench
    # town2020_songzhuang_minbing line 16, city2021_jinzhong_wenming line 5): each stage is one step, due when its time ends
    ("第一阶段是计划准备阶段,时间为4月18日以前。主要工作是:镇人武部搞好工作筹划。第二阶段为巩固提升阶段,时间从5月1日至6月30日。",
     ["2020-04-18", "2020-06-30"]),
    # counter-case: a stage named without a time is no step
    ("当前正处于集中整治阶段,时间紧、任务重。", []),
])
def test_a_stage_named_with_its_time_is_one_step(stages, due):
    d = _draft(f"某镇2020年度民兵组织整顿工作方案\n一、阶段划分\n{stages}\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == due, S10


@pytest.mark.parametrize("sentence, lead", [
    # what a report says the plan asks, then whom, 各县(市)区 with its kinds in ASCII brackets (昆明's 绿盾 report: bench
    # dept2020_kunming_lvdun line 7): they lead the step
    ("《工作方案》要求,2020年9月30日前,各县(市)区要组织开展自然保护地强化监督工作。", ["各县(市)区"]),
    ("会议要求,2020年9月30日前,市林草局要组织开展自然保护地强化监督工作。", ["市林草局"]),
    # counter-case: a vague subject after the frame names no one
    ("《工作方案》要求,2020年9月30日前,各地要组织开展自然保护地强化监督工作。", ["待定"]),
])
def test_a_reports_frame_before_the_subject_leaves_it_the_lead(sentence, lead):
    d = _draft(f"某市绿盾2020自然保护地强化监督工作方案\n一、工作安排\n{sentence}\n")
    assert [m["lead"] for m in d["entries"] if m["kind"] == "milestone"] == [lead], S10


S11 = "issue 28, eleventh session: a rule written from a development or held-out document's fault (docs/extract.md)"


@pytest.mark.parametrize("form, lead", [
    # a form's labels each with its value on the next line (岳阳县's 绩效目标申报表: bench dept2022_yueyangxian_nongtian
    # lines 8-13): no table's heading — its indicators are led by the 实施单位 it names, not by the cells below it
    ("项目负责人及电话\n彭兵\n主管部门\n某县农业农村局\n实施单位\n农田建设服务中心\n资金情况\n年度目标\n完成项目主体工程70%\n"
     "绩效指标\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n脱贫村村内道路硬化里程\n≥100公里\n",
     ["农田建设服务中心", "农田建设服务中心"]),
    # counter-case: a heading of labels one a line (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限) is still a table's
    ("序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n新建农田100亩\n县农业农村局\n县财政局\n2022年12月底前\n",
     ["县农业农村局"]),
])
def test_a_forms_label_value_pairs_are_no_tables_heading(form, lead):
    d = _draft(f"某县2022年高标准农田建设项目绩效目标申报表\n{form}")
    assert [t["lead"] for t in _targets(d)] == [[u] for u in lead], S11


@pytest.mark.parametrize("form, lead", [
    # a project's form naming the unit that carries it out as a field of its own (新平's 村级集体经济 notice, 卧龙's 衔接资金
    # plan: bench town2023_gasa_jitijingji line 1, dept2026_wolong_xianjie line 9): it leads the project's entries
    ("一、项目概况 项目名称:某镇选果包装厂建设项目 实施单位:戛洒镇人民政府 责任人:关文荣\n"
     "二、项目建设内容 新建生产车间建筑面积990平方米,2023年7月底前完工。\n", ["戛洒镇人民政府"]),
    ("一、名称:某区2026年度衔接资金项目计划\n二、主要内容:2026年度计划产业发展项目81个。\n"
     "三、建设单位:各镇(街道、景区)及相关区直部门。\n", ["各镇(街道、景区)", "相关区直部门"]),
    # counter-case: a list of projects each with its own 实施单位 names no one unit for the rest
    ("一、项目概况 实施单位:甲镇人民政府 责任人:张三\n二、项目概况 实施单位:乙镇人民政府 责任人:李四\n"
     "三、总体要求 新建生产车间建筑面积990平方米,2023年7月底前完工。\n", ["待定"]),
])
def test_a_projects_form_names_the_unit_that_carries_it_out(form, lead):
    d = _draft(f"某县2023年扶持村级集体经济项目公示\n{form}")
    assert {tuple(t["lead"]) for t in _targets(d)} == {tuple(lead)}, S11


@pytest.mark.parametrize("sentence, values", [
    # figures listed one after the other, only the last written with the measure they share (玉林's 大气 plan: bench
    # city2019_yulin_daqi line 7; 杨凌's 目标责任书: dept2020_yangling_tongzhan line 4): each is a target in that measure
    ("2019年,甲区、乙区、丙县PM10年均浓度分别为57、54、56微克/立方米。",
     [("57", 57, "微克/立方米"), ("54", 54, "微克/立方米"), ("56微克/立方米", 56, "微克/立方米")]),
    ("竞争性专项:上半年、三季度、四季度任务分别为80、60、60万元。",
     [("80", 800000, "元"), ("60", 600000, "元"), ("60万元", 600000, "元")]),
    # counter-case: numbers listed with no 分别 are names (the lines 3、5号线), no figures sharing a measure
    ("2019年,建成轨道交通3、5号线,新建充电桩100个。", [("100个", 100, "个")]),
])
def test_bare_figures_share_the_measure_their_lists_last_figure_writes(sentence, values):
    d = _draft(f"某市2019年目标任务实施计划\n一、目标\n{sentence}\n")
    assert [(t["value_text"], t["value"], t["unit"]) for t in _targets(d)] == values, S11


@pytest.mark.parametrize("title, text, steps", [
    # the document's number and its date run into the addressees (鹰潭's 献血 notice: bench city2025_yingtan_xianxue line 2):
    # the document's date, no deadline of the clauses after it
    ("某市2025年度献血方案", "某府办字〔2025〕30号2025年04月10日各区(市)人民政府,市政府各部门:\n一、任务\n2025年6月底前,完成献血屋建设。\n",
     ["2025年6月底前"]),
    # a meeting named with its year (阜山镇's 河湖长制 news: town2024_fushan_hehuzhang line 4) is no step due at that year's end
    ("某镇河湖长制三年行动方案(2024-2026年)", "2月20日,某镇召开2024年河湖长制工作专题部署会议,部署重点任务。\n"
     "2024年6月底前,完成河道清理。\n", ["2024年6月底前"]),
    # counter-case: a date after 前 that no document number precedes, and a year opening a goal, still date their steps
    ("某市2025年度献血方案", "2025年4月10日前完成献血屋选址,2025年6月底前完成献血屋建设。\n", ["2025年4月10日前", "2025年6月底前"]),
    ("某镇河湖长制三年行动方案(2024-2026年)", "一、目标\n2025年底前召开2025年河湖长制工作会议,完成河道清理。\n",
     ["2025年底前", "2025年底前"]),
])
def test_a_documents_date_after_its_number_and_a_meetings_year_date_no_step(title, text, steps):
    d = _draft(f"{title}\n{text}")
    assert [m["deadline_text"] for m in d["entries"] if m["kind"] == "milestone"] == steps, S11


@pytest.mark.parametrize("sentence, steps", [
    # a step due before a year's Spring Festival (登封's 欠薪治理 plan: bench city2021_dengfeng_qianxin line 19): due the
    # day before it, not at the year's end
    ("力争到2022年春节前实现欠薪存量清零。", [("力争到2022年春节前", "2022-01-31")]),
    # counter-case: the festival named as a season of work (春节期间) is no deadline of its own
    ("2022年春节期间开展欠薪专项检查。", [("2022年", "2022-12-31")]),
])
def test_a_step_due_before_the_spring_festival(sentence, steps):
    d = _draft(f"某市欠薪治理工作方案(2021-2022年)\n一、目标\n{sentence}\n")
    assert [(m["deadline_text"], m["deadline"]) for m in d["entries"] if m["kind"] == "milestone"] == steps, S11


@pytest.mark.parametrize("sentence, values", [
    # places moved up a ranking (鄂尔多斯's 综保区 plan: bench city2025_ordos_zongbaoqu line 8) are counted in 位次
    ("到2025年底,实现进出口额60亿元,在全国绩效评估中前进10个位次。", [("60亿元", "元"), ("10个位次", "个位次")]),
    # counter-case: 个 before another word still counts things
    ("到2025年底,培育外贸龙头企业10个,位次稳步提升。", [("10个", "个")]),
])
def test_places_moved_up_a_ranking_are_counted_in_places(sentence, values):
    d = _draft(f"某市综合保税区提质三年行动方案(2025—2027年)\n一、目标\n{sentence}\n")
    assert [(t["value_text"], t["unit"]) for t in _targets(d)] == values, S11


@pytest.mark.parametrize("sentence, steps", [
    # a goals sentence's results stated before its figures (温州's 成果转化 plan: bench city2025_wenzhou_chengguo line 12)
    # are its goals' headline, each a step; a result rounding off the figures after them is a wish, as before
    ("到2027年,全市科技成果转化主体动力持续增强,形成全要素融合的产业化生态,累计组织实施攻关项目30项以上,"
     "就地转化重大科技成果30项以上,技术交易额占GDP比重达7.6%,研发经费投入强度达3.2%以上,创新生态持续优化。", 2),
    # counter-case: the same figures with the results after them only
    ("到2027年,累计组织实施攻关项目30项以上,就地转化重大科技成果30项以上,技术交易额占GDP比重达7.6%,"
     "研发经费投入强度达3.2%以上,创新生态持续优化,产业化生态更加完善。", 0),
])
def test_results_stated_before_a_goals_figures_are_steps(sentence, steps):
    d = _draft(f"某市科技成果转化行动方案(2025—2027年)\n二、主要目标\n{sentence}\n")
    assert sum(m["kind"] == "milestone" for m in d["entries"]) == steps, S11
    assert len(_targets(d)) == 4, S11


@pytest.mark.parametrize("lead, due", [
    # a news lead's words for the plan it reports before the horizon (其中提出,到2027年,…: 宁波's AI plan, bench
    # city2025_ningbo_ai line 3): the horizon dates the goals of the sentences after it too
    ("其中提出,", "2027-12-31"),
    ("方案明确,", "2027-12-31"),
    # counter-case: a horizon inside a sentence that opens on other words governs its own sentence only
    ("全市在2026年已建成平台10个的基础上,", "2030-12-31"),
])
def test_a_news_leads_frame_before_the_horizon_leaves_it_governing(lead, due):
    d = _draft("宁波市人工智能创新发展行动方案(2025—2030年)\n一、目标\n"
               f"{lead}到2027年,全市人工智能核心产业规模达到1200亿元。培育垂直模型30个,典型应用案例80家(个)。\n")
    got = {t["value_text"]: t["deadline"] for t in _targets(d)}
    assert (got.get("30个"), got.get("80家(个)")) == (due, due), S11


@pytest.mark.parametrize("sentence, values", [
    # a satisfaction score in points (济南's and 常州's 气象 opinions: bench city2022_jinan_qixiang line 5,
    # city2021_changzhou_qixiang line 7), and computing power as a page writes it (长沙: city2025_changsha_ai line 15)
    ("到2025年,公众气象服务满意度达到95分以上,智能算力规模达到3EFlops。", [("95分", "分", ">="), ("3EFlops", "EFlops", "=")]),
    # counter-case: what a rule's item scores, and a class a score sets, are no targets
    ("到2025年,考核分值为5分,综合评估得分在60分及以上的小区予以表彰。", []),
])
def test_scores_in_points_and_computing_power_are_read(sentence, values):
    d = _draft(f"某市气象高质量发展实施方案(2023—2025年)\n一、目标\n{sentence}\n")
    assert [(t["value_text"], t["unit"], t["comparator"]) for t in _targets(d)] == values, S11


S12 = "issue 28, twelfth session: a rule written from a development or held-out document's fault (docs/extract.md)"


@pytest.mark.parametrize("dateline, lead", [
    # a news report's dateline before its subject (滨州's 团市委 report: bench city2025_binzhou_gongqingtuan line 6)
    ("本报讯(记者隆卫实习生刘柏赫报道)", ["团市委"]),
    ("泉州网4月20日讯(记者谢曦)", ["团市委"]),
    # counter-case: without its bracketed reporters the words before the subject are no dateline
    ("本报消息称", ["待定"]),
])
def test_a_news_dateline_leaves_the_subject_after_it_leading(dateline, lead):
    d = _draft(f"某市团市委2025年工作要点\n{dateline}4月2日,记者在发布会上获悉,2025年,团市委将扎实推进青年发展型城市建设,"
               "全年发展团员1.9万名。\n", period=parse_period("2025:2025"))
    assert [t["lead"] for t in _targets(d)] == [lead], S12


@pytest.mark.parametrize("sentence, leads", [
    # a village's quota in a breakdown (上丰乡's 献血 plan: bench town2025_shangfeng_xianxue line 13)
    ("下达献血任务数,总计84人,分别是:上丰村24人、霞江村12人、溪源社区10人。",
     [["待定"], ["上丰村"], ["霞江村"], ["溪源社区"]]),
    # counter-case: villages counted (美丽乡村58个, 电商专业村170个) are no village's own figure
    ("创建美丽乡村58个、绿美社区13个,新增电商专业村170个。", [["待定"], ["待定"], ["待定"]]),
])
def test_a_villages_share_in_a_breakdown_is_led_by_the_village(sentence, leads):
    d = _draft(f"某乡2025年无偿献血工作方案\n一、任务\n{sentence}\n", period=parse_period("2025:2025"))
    assert [t["lead"] for t in _targets(d)] == leads, S12


@pytest.mark.parametrize("heading, lead", [
    # a project brief's 项目责任单位 section, the unit alone on the next line (周村's 全民健身 brief: bench
    # dept2022_zhoucun_jianshen lines 10-11) leads every item that names no unit
    ("三、项目责任单位", ["周村区教育和体育局"]),
    ("(三)项目实施单位:", ["周村区教育和体育局"]),
    # counter-case: a heading that is no project's field (a section on the units' duties) names no lead
    ("三、各单位职责", ["待定"]),
])
def test_a_project_briefs_unit_section_leads_its_items(heading, lead):
    d = _draft("周村区全民健身设施提升工程项目简介\n一、项目名称\n周村区2022年全民健身设施提升工程。\n"
               f"{heading}\n周村区教育和体育局\n四、建设内容\n1. 为各镇、街道配置全民健身路径器材440件套。\n"
               "2. 新增配置智慧健身设施2处。\n", period=parse_period("2022:2022"))
    assert [t["lead"] for t in _targets(d)] == [lead, lead], S12


@pytest.mark.parametrize("sentence, lead", [
    # a stage's months before the subject, a city's parks among its units (遂宁's 空壳社 report: bench
    # city2019_suining_kongkeshe line 3)
    ("4月-5月底,各县(区)、市直园区开展全面排查,建立问题台账。", ["各县(区)", "市直园区"]),
    ("6月至9月底,合肥高新区要开展问题查处。", ["合肥高新区"]),
    # counter-case: a kind of park named in brackets after a hub is no unit of the step
    ("6月至9月底,建成不少于4个干支衔接型货运枢纽(物流园区)。", ["待定"]),
])
def test_a_stages_months_and_a_citys_parks_before_the_step(sentence, lead):
    d = _draft(f"某市农民合作社空壳社专项清理工作方案\n一、工作步骤\n{sentence}\n", period=parse_period("2019:2019"))
    assert {tuple(e["lead"]) for e in d["entries"]} == {tuple(lead)}, S12


def test_a_pages_index_rows_set_no_wrap_width():
    """温州's 强市 plan (bench city2022_wenzhou_qiangshi): four index rows of cells above the text had set it a print
    copy's wrap width, and its goals paragraph ending in 。 was joined to the goal line under it (quote across lines)."""
    text = _bench("city2022_wenzhou_qiangshi.txt")
    lines = text.split("\n")
    for t in (text, "\n".join(lines[4:])):  # (counter-case: the text without the rows reads the same)
        d = _draft(t)
        (e,) = [e for e in _targets(d) if e["value_text"] == "2万件"]
        assert e["quote"] == "发明专利年申请量突破2万件" and "2万件" in t.split("\n")[e["line"] - 1], S12


@pytest.mark.parametrize("line, dated", [
    # a post time after the site's address, its space gone (遂宁's 健身 report: bench city2020_suining_jianshen line 2)
    ("http://www.ceiea.com2020年04月02日 14:40教育装备网", False),
    ("2022年03月24日10:20云南省林业和草原局", False),
    # counter-case: a step's date with a time of day in the text is a step
    ("2020年4月2日前,各区完成健身路径器材更新。", True),
])
def test_a_post_time_after_a_sites_address_is_the_pages(line, dated):
    d = _draft(f"遂宁市实施“三个一”工程\n{line}\n为实现公共体育设施全覆盖,力争2020年底人均体育场地面积达到1.1平方米。\n",
               period=parse_period("2020:2020"))
    assert any(m["line"] == 2 for m in d["entries"] if m["kind"] == "milestone") is dated, S12


@pytest.mark.parametrize("cell, value", [
    # an indicator table one cell a line, its figure with a sign (深圳's 残疾预防 plan: bench city2022_shenzhen_canjiyufang
    # lines 14-61): the cell is the row's target, no breadcrumb of the page
    (">85%", ("85%", ">")),
    ("≥98%", ("98%", ">=")),
    # counter-case: an e-paper's date line opening with > is the page's
    (">2025年5月21星期三", None),
])
def test_a_table_cell_with_a_sign_is_a_target(cell, value):
    d = _draft(f"深圳市残疾预防行动方案(2022—2025年)\n二、主要指标\n领域\n指标\n2025年\n残疾预防知识普及行动\n1\n"
               f"重点人群残疾预防知识普及率\n{cell}\n", period=parse_period("2022:2025"))
    got = [(t["value_text"], t["comparator"]) for t in _targets(d) if t["line"] == 9]
    assert got == ([value] if value else []), S12


@pytest.mark.parametrize("lines, line, values", [
    # a row's number alone on its line before a label opening with 百万 (深圳: line 44, 11 / 百万人口白内障复明手术率) is
    # no figure of 11 million
    ("≥65%\n11\n百万人口白内障复明手术率\n", 4, []),
    # counter-case: a record's wrap breaks a figure after words on its line, and the measure on the next line is its
    ("选育或引进2-3\n个适宜机械化生产的品种。\n", 3, ["2-3"]),
])
def test_a_number_alone_on_its_line_reads_on_into_no_words(lines, line, values):
    d = _draft(f"深圳市残疾预防行动方案(2022—2025年)\n二、主要指标\n{lines}", period=parse_period("2022:2025"))
    assert [t["value_text"] for t in _targets(d) if t["line"] == line] == values, S12


@pytest.mark.parametrize("sentences, due", [
    # a breakdown after dated figures (平潭's 国企 plan: bench zone2021_pingtan_guoqi line 17) is due when they are
    ("力争2021年区属国企营业总收入同比增长10%。其中：（1）公益类企业营业总收入同比增长10%以上；（2）商业类企业同比增长8%以上。",
     ["2021-12-31"] * 3),
    # counter-case: after undated figures a breakdown is due at the plan's end, as they are
    ("加强管理,营业总收入增长10%以上。其中公益类企业增长8%以上。", ["2025-12-31"] * 2),
])
def test_a_breakdown_of_dated_figures_shares_their_date(sentences, due):
    d = _draft(f"某区国企提升发展行动方案（2021-2025年）\n二、主要任务\n{sentences}\n", period=parse_period("2021:2025"))
    assert [t["deadline"] for t in _targets(d)] == due, S12


@pytest.mark.parametrize("sentence, due", [
    # M月份前: before the month starts, as M月前 (平潭: line 50, 各区属国企要在8月份前进一步健全…)
    ("各区属国企要在8月份前进一步健全管理人员公开选聘办法。", "2021-07-31"),
    ("12月份前完成绩效考核指标体系建设。", "2021-11-30"),
    # counter-case: the month's end (8月底前) is the month's last day
    ("8月底前完成绩效考核指标体系建设。", "2021-08-31"),
])
def test_a_month_named_with_fen_before_it_is_due_before_the_month(sentence, due):
    d = _draft(f"某区国企提升发展年行动方案\n2021年3月29日\n二、主要任务\n{sentence}\n", period=parse_period("2021:2021"))
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == [due], S12


S13 = "issue 28, thirteenth session: a rule written from a development or held-out document's fault (docs/extract.md)"

# 君山's 任务清单 (bench town2022_pingtanjunshan_xiaofangpaicha), one cell a paragraph: row 6 holds sub-rows, each its
# task, its units and its own 完成时限 cell
_JUNSHAN_HEAD = "序号\n工作任务\n工作内容\n责任单位及分工\n完成时限\n"
_JUNSHAN_ROW6 = ("6\n深化重点领域消防安全隐患治理\n组织对工业集中区开展消防安全综合治理\n经济发展处配合区经发局、市场监督管理局、消防救援支队落实\n"
                 "2022年4月20日前\n组织对群租房开展消防安全综合治理\n政法综治处落实\n2022年4月15日前\n"
                 "组织对电动自行车开展消防安全综合治理。\n政法综治处牵头，\n交通与建设处、经济发展处配合\n2022年4月30日前\n")


def _junshan(rows: str) -> dict:
    return _draft(f"君山片区消防安全大排查大整治促稳定工作方案\n2022年4月1日\n附件1\n任务清单\n{_JUNSHAN_HEAD}{rows}",
                  period=parse_period("2022:2022"))


def test_a_row_broken_into_sub_rows_each_closing_on_its_time_cell_is_a_step_each():
    got = [(m["deadline"], m["lead"], m["support"]) for m in _junshan(_JUNSHAN_ROW6)["entries"] if m["kind"] == "milestone"]
    assert got == [("2022-04-20", ["区经发局", "市场监督管理局", "消防救援支队"], ["经济发展处"]),
                   ("2022-04-15", ["政法综治处"], []),
                   ("2022-04-30", ["政法综治处"], ["交通与建设处", "经济发展处"])], S13


def test_a_row_with_one_time_cell_stays_one_step():
    # counter-case: a row's task over two paragraphs, its units one a paragraph, one time cell — one step, all lead
    rows = ("1\n全面动员部署工作\n各部门各单位要全面发动，召开专题会议进行动员部署\n各处室（中心）\n东庠办事处\n各村居\n"
            "2022年4月8日前\n2\n开展督查\n督导检查。\n片区消防工作站负责\n2022年4月20日前\n")
    got = [(m["deadline"], m["lead"]) for m in _junshan(rows)["entries"] if m["kind"] == "milestone"]
    assert got == [("2022-04-08", ["各处室（中心）", "东庠办事处", "各村居"]), ("2022-04-20", ["片区消防工作站"])], S13


@pytest.mark.parametrize("cell, roles", [
    ("经济发展处配合区经发局、市场监督管理局、消防救援支队落实", (("区经发局", "市场监督管理局", "消防救援支队"), ("经济发展处",))),
    ("社会事业处配合区社会事业局负责养老院；经济发展处配合区经发局负责商场，配合区旅游文体局负责文化娱乐场所",
     (("区社会事业局", "区经发局", "区旅游文体局"), ("社会事业处", "经济发展处"))),
    ("政法综治处牵头，", (("政法综治处",), ())),
    ("交通与建设处、经济发展处配合", ((), ("交通与建设处", "经济发展处"))),
    ("各包村处室按照职责分工落实", (("各包村处室",), ())),
    # counter-cases: a plain list of units, a sentence, a role with no unit
    ("市发改委、市财政局", None),
    ("加强配合推进工作", None),
    ("全面负责", None),
    ("2022年4月20日前", None),
])
def test_a_unit_cell_naming_roles(cell, roles):
    from plancli.extract.layout import role_cell
    assert role_cell(cell) == roles, S13


def test_the_bench_matches_a_row_step_keyed_at_its_time_cell():
    # a reader who keys a table row's step at its 完成时限 cell's line reads the row the draft keys at its task cell,
    # naming that line in its note; a heading's date above its items (a line before the step's) is no row's
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_eval import score
    note = "deadline from “2022年4月20日前” (line {n}), the date of the heading above or of the row's 完成时限 cell"
    drafted = [{"kind": "milestone", "line": 47, "value_text": None, "deadline_text": None, "deadline": "2022-04-20",
                "lead": ["各村居"], "note": note.format(n=52), "quote": "开展排查"},
               {"kind": "milestone", "line": 60, "value_text": None, "deadline_text": None, "deadline": "2022-04-20",
                "lead": ["各村居"], "note": note.format(n=58), "quote": "开展督查"}]
    want = [("milestone", {"line": 52, "deadline_text": "2022年4月20日前", "deadline": "2022-04-20"}),
            ("milestone", {"line": 58, "deadline_text": "2022年4月20日前", "deadline": "2022-04-20"})]
    got = score(want, drafted)
    assert (got["found"], got["draft"]) == (1, 2), S13


@pytest.mark.parametrize("sentence, values", [
    # 方 is a cubic metre in a volume (平潭's 砂石 plan: bench zone2019_pingtan_shashi line 12)
    ("2019年下半年机制砂产能达80万方（本区生产60万方及区外调入20万方）。", ["80万方", "60万方", "20万方"]),
    ("2020年底前新增砂石储备5000方。", ["5000方"]),
    # counter-cases: parties and aspects (3方面, 5方协同, 第3方, 三方协议) and a 方案 are no volume
    ("2020年底前重点从3方面推进，建成5方协同机制，引入第3方评估，签订三方协议，出台100方案。", []),
])
def test_fang_after_a_figure_is_a_volume(sentence, values):
    d = _draft(f"平潭综合实验区建设工程砂石材料保障供应实施方案\n二、工作目标\n{sentence}\n", period=parse_period("2019:2021"))
    assert [t["value_text"] for t in _targets(d)] == values, S13


@pytest.mark.parametrize("bracket, lead, support", [
    # a task's roles bracket with its timing after them (平潭's 危化品 plan: bench zone2017_pingtan_weihua line 29)
    ("（区综合执法局（区安监局）牵头，区经济发展局、区公安局等按职责分工负责，2018年3月底前取得阶段性成果，2018年4月至2019年10月深化提升）",
     ["区综合执法局（区安监局）"], ["区经济发展局", "区公安局"]),
    # the government's own departments as one (区直各有关部门), with 持续推进 after the role
    ("（区直各有关部门按职责分工负责，持续推进）", ["区直各有关部门"], []),
    # counter-case: the roles alone, as before
    ("（区综合执法局牵头，区公安局按职责分工负责）", ["区综合执法局"], ["区公安局"]),
])
def test_a_roles_bracket_with_its_timing_after_the_roles(bracket, lead, support):
    d = _draft(f"某区危险化学品安全综合治理实施方案\n二、主要任务\n1.加强管控。2018年3月底前完成排查整治。{bracket}\n",
               period=parse_period("2017:2019"))
    got = [(m["lead"], m["support"]) for m in d["entries"] if m["kind"] == "milestone"]
    assert got and all(g == (lead, support) for g in got), S13


def test_a_roles_bracket_keeps_its_timing_as_the_task_date():
    # the timing after the roles stays the task's text: its date dates the step (the bracket had hidden it)
    d = _draft("某区危险化学品安全综合治理实施方案\n二、主要任务\n1.加强管控。全面开展排查整治。"
               "（区综合执法局牵头，区公安局等按职责分工负责，2018年3月底前取得阶段性成果）\n", period=parse_period("2017:2019"))
    assert [(m["deadline"], m["lead"]) for m in d["entries"] if m["kind"] == "milestone"] == [("2018-03-31", ["区综合执法局"])], S13


@pytest.mark.parametrize("sentence, values", [
    # the interval of a routine and a time counted from each event (平潭's 强制免疫 plan: bench
    # dept2023_pingtan_qiangzhimianyi lines 24, 52)
    ("2023年底前完成首免，间隔3～4周加强免疫，以后每间隔4～6个月免疫一次。", []),
    ("2023年底前开展抽检，免疫21天后采样检测。", []),
    # counter-cases: a time limit a service shortens to, and a span after 力争 stay what they were
    ("2023年底前审批时限压缩至5个工作日。", ["5个工作日"]),
])
def test_an_interval_or_a_time_after_each_event_is_no_target(sentence, values):
    d = _draft(f"平潭综合实验区2023年动物疫病强制免疫计划实施方案\n二、主要任务\n{sentence}\n", period=parse_period("2023:2023"))
    assert [t["value_text"] for t in _targets(d)] == values, S13


@pytest.mark.parametrize("heading, due", [
    # a stage's months in brackets after its name, closing its heading (平潭's 五清 plan: bench town2023_pingtansuping_wuqing
    # lines 18-19)
    ("1.动员部署(8月份)。", ["2023-08-31"]),
    ("2.组织实施（8-10月份）。", ["2023-10-31"]),
    ("（二）集中整治（9月）：", ["2023-09-30"]),
])
def test_a_stage_named_with_its_months_in_brackets_is_due_when_they_end(heading, due):
    d = _draft(f"苏平片区农村集体资产“五清”行动方案\n2023年8月4日\n四、工作安排\n{heading}各村要对清查结果进行公示。\n")
    assert [m["deadline"] for m in d["entries"] if m["kind"] == "milestone"] == due, S13


def test_a_reports_months_in_brackets_after_a_figure_date_nothing():
    # counter-case: the months a report's figure covers, in brackets after it, are no stage
    d = _draft("某县2023年经济运行情况\n2023年11月4日\n一、总体情况\n全县生产总值增长5%（1-10月）。\n")
    assert [m for m in d["entries"] if m["kind"] == "milestone"] == [], S13


_JINJING = ("金井片区近岸海域污染防治专项整改工作方案\n三、组织领导\n指导、协调、督促工作由片区生态环保创建工作领导小组负责，"
            "副局长林友庄担任组长，成员包括各处室负责人。\n四、职能分工\n（一）{first}：2020年底前，完成水域滩涂养殖清退面积83.45公顷。\n"
            "2021年底前形成入海排放口一张图。\n（二）交通与建设处：2020年底前完成沟渠清理。\n")


@pytest.mark.parametrize("first, leads", [
    # an office's name and a colon before its duties leads them, the lines under it too (金井's 近岸海域 plan: bench
    # town2020_pingtanjinjing_jinanhaiyu lines 20-26); 成员包括各处室负责人 names the members, no coordinator
    ("农业农村处", [["农业农村处"], ["农业农村处"], ["交通与建设处"]]),
    # counter-case: a label that is no unit leads nothing (the tasks keep the group's own, or none)
    ("加强组织领导", None),
])
def test_an_office_and_a_colon_before_its_duties_leads_them(first, leads):
    d = _draft(_JINJING.format(first=first), period=parse_period("2020:2022"))
    got = [e["lead"] for e in d["entries"]]
    if leads is None:
        assert "加强组织领导" not in str(got) and "成员包括各处室" not in str(got), S13
    else:
        assert got == leads, S13
    assert "成员包括各处室" not in str(d["meta"]["plans"][0].get("coordinator")), S13


@pytest.mark.parametrize("sentence, lead", [
    # a bureau's offices as a stage's subject, the others named with them (苏平's 四大攻坚 plan: bench
    # town2022_pingtansuping_sidagongjian line 64)
    ("各处室、各有关单位结合工作实际，制定具体措施。", ["各处室", "各有关单位"]),
    ("各科室要制定具体措施。", ["各科室"]),
    # counter-case: the others alone name no unit
    ("各有关单位要制定具体措施。", ["待定"]),
])
def test_a_bureaus_offices_lead_the_stage_they_open(sentence, lead):
    d = _draft(f"四大专项攻坚行动的总体方案\n五、方法步骤\n（一）部署启动阶段（3月底前）。{sentence}\n", period=parse_period("2022:2022"))
    assert [m["lead"] for m in d["entries"] if m["kind"] == "milestone"] == [lead], S13
