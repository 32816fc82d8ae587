"""The independent scan for numbers and date words the registry does not account for."""

import pytest

from plancli.checks.coverage import find_gaps
from plancli.registry.loading import Exclusion, load_registry
from plancli.text.source import SourceText
from plancli.text.tokens import tokens

from .conftest import SHIPPED, SOURCE


def _src(tmp_path, text):
    p = tmp_path / "s.txt"
    p.write_text(text, encoding="utf-8")
    return SourceText.read(p)


def test_tokens_skip_headings_and_task_numbers(tmp_path):
    src = _src(tmp_path, "## 一、总体目标\n测试行动计划（2024—2025年）\n12.推进。每年完成 3 项，2024年底前。\n（三）每季度调度。\n")
    assert [t for _, _, t in tokens(src, 1, 4)] == ["每年", "3", "2024", "年底", "每季度"]


def test_gap_until_value_text_or_exclusion_accounts_for_it(tiny):
    reg = load_registry(tiny)
    src = SourceText.read(reg.source_path)
    assert find_gaps(src, reg.entries, reg.exclusions, [(1, 13)]) == []
    gaps = find_gaps(src, reg.entries, [], [(1, 13)])
    assert [(g.line, g.token) for g in gaps] == [(5, "16")]
    # Dropping test-005 leaves its 0.5 uncovered: a long quote alone does not account for a number.
    rest = [e for e in reg.entries if e.id != "test-005"]
    assert [(g.line, g.token) for g in find_gaps(src, rest, reg.exclusions, [(1, 13)])] == [(11, "0.5")]


def test_a_quote_covers_only_its_own_value(tiny):
    reg = load_registry(tiny)
    src = SourceText.read(reg.source_path)
    e1 = reg.by_id()["test-001"]  # quote 高新技术企业 2024 年突破 3.5 万家 — the 3.8 beside it is not covered
    gaps = {(g.line, g.token) for g in find_gaps(src, [e1], reg.exclusions, [(5, 5)])}
    assert (5, "3.8") in gaps and (5, "3.5") not in gaps


# Chinese-numeral quantities and quantity words. Each phrase is quoted from a real document:
#   LU   = 鲁政发〔2024〕5号 (the shipped source; line number given)
#   ZJ   = 浙江省实施制造业产业基础再造和产业链提升工程行动方案（2020—2025年）, as reported by 中国粉体网
#   AH   = 安徽省制造业提质扩量增效行动计划, as stated at the 2022-07-20 “中国这十年·安徽” press conference
#   CIV  = 中华人民共和国民法典 第二百四十条
#   14FYP = 国民经济和社会发展第十四个五年规划和2035年远景目标纲要, 主要指标 (民生福祉)
TOKEN_TABLE = [
    # (phrase, tokens, source)
    ("打造济南、青岛两个低时延数据中心核心区", ["两"], "LU 352"),
    ("打造两大千亿级产业基地", ["两", "千亿"], "LU 960"),
    ("科技小巨人企业数量双破千", ["千"], "LU 52"),
    ("到2025年，集成电路产业规模过千亿", ["2025", "千亿"], "LU 316"),
    ("深入实施全省安全生产治本攻坚三年行动", ["三"], "LU 684"),
    ("积极参评第十七届精神文明建设“五个一工程”奖", ["五"], "LU 770"),
    ("组织省内媒体围绕“十大创新”“十强产业”“十大扩需求”行动计划", ["十", "十", "十"], "LU 838"),
    ("每万人口高价值发明专利拥有量突破10件", ["10"], "LU 80"),
    ("每千人口拥有3岁以下婴幼儿托位数", ["3"], "14FYP"),
    ("高新技术企业 2024 年突破 3.5 万家", ["2024", "3.5"], "LU 26"),
    ("深度融入全国统一大市场", [], "LU 164"),
    ("建成高效协同的党政机关一体化、数字化办公体系", [], "LU 308"),
    ("进一步拓展数据要素应用广度和深度", [], "LU 320"),
    ("建设一批高标准农田示范区", [], "LU 656"),
    ("为企业和群众提供“一件事一次办”“一类事一站办”服务", [], "LU 132"),
    ("推进线上办事“一网通办”", [], "LU 134"),
    ("实现解决一个问题向解决一类问题转变", [], "LU 814"),
    ("扎实推进海阳核电二期工程等项目建设，开工石岛湾扩建一期工程", [], "LU 1022"),
    ("推动链内关键零部件产品配套", [], "LU 940"),
    ("探索实施“四链”融合千企提升行动", [], "LU 88"),
    ("加快推进全国盐碱地综合利用试点建设", [], "LU 656"),
    ("逐步实现高频“一件事”服务场景全覆盖", ["全覆盖"], "LU 132"),
    ("城市建成区黑臭水体保持动态清零", ["清零"], "LU 612"),
    ("数字化领域高新技术企业数量实现倍增", ["倍增"], "LU 292"),
    ("实现政务服务事项全部在政务服务平台办理", ["全部"], "LU 134"),
    ("2025年6月底前所有园区达到较低安全风险等级", ["2025", "6", "月底", "所有"], "LU 686"),
    ("实现“应改尽改”", ["应改尽改"], "LU 686"),
    ("做到“按需汇聚、应汇尽汇”", ["应汇尽汇"], "LU 320"),
    ("打造4个世界级先进制造业集群、3个万亿级产业链、2个五千亿级产业链", ["4", "3", "万亿", "2", "五千亿"], "ZJ"),
    ("实现十大标志性产业链实验室等高能级创新载体全覆盖", ["十", "全覆盖"], "ZJ"),
    ("到2025年将成为万亿级产业", ["2025", "万亿"], "AH"),
    ("所有权人对自己的不动产或者动产，依法享有占有、使用、收益和处分的权利", [], "CIV"),
]


@pytest.mark.parametrize(("phrase", "want", "source"), TOKEN_TABLE, ids=[t[0][:12] for t in TOKEN_TABLE])
def test_chinese_numeral_and_quantity_word_tokens(tmp_path, phrase, want, source):
    src = _src(tmp_path, phrase + "\n")
    assert [t for _, _, t in tokens(src, 1, 1)] == want, source


def test_the_table_phrases_from_the_shipped_source_are_verbatim():
    src = SourceText.read(SOURCE)
    for phrase, _, where in TOKEN_TABLE:
        if where.startswith("LU "):
            assert src.find_at_line(phrase, int(where[3:])) is not None, (phrase, where)


def test_a_token_broken_by_a_page_break_is_one_token_on_its_first_line(tmp_path):
    # LU 610/612: “…雨污合流管网清” ends a page, “零，…” starts the next.
    src = _src(tmp_path, "2024 年新增 25 个县（市、区）雨污合流管网清\n\n零，城市建成区黑臭水体保持动态清零\n")
    assert [(ln, t) for _, ln, t in tokens(src, 1, 3)] == [(1, "2024"), (1, "25"), (1, "清零"), (3, "清零")]
    # … and digits before a break still make the 万 after it a multiplier, not a token of its own.
    src = _src(tmp_path, "改造城镇老旧小区 56\n万户以上\n")
    assert [t for _, _, t in tokens(src, 1, 2)] == ["56"]


def test_an_uncovered_chinese_numeral_is_a_gap_until_an_exclusion_names_it(tmp_path):
    src = _src(tmp_path, "围绕产业项目、安全生产、社会民生三大领域，打造两大千亿级产业基地。\n")
    gaps = find_gaps(src, [], [], [(1, 1)])
    assert [g.token for g in gaps] == ["三", "两", "千亿"]
    ex = [Exclusion(1, "社会民生三大领域", "descriptive count")]
    assert [g.token for g in find_gaps(src, [], ex, [(1, 1)])] == ["两", "千亿"]


def test_shipped_source_new_token_classes():
    reg = load_registry(SHIPPED)
    src = SourceText.read(reg.source_path)
    found = [(ln, t) for p in reg.plans.values() for _, ln, t in tokens(src, p.first_line, p.last_line)]
    assert (960, "两") in found and (960, "千亿") in found       # 两大千亿级产业基地
    assert (52, "千") in found                                   # 双破千
    assert (686, "应改尽改") in found and (612, "清零") in found
    assert (610, "清零") in found                                # 管网清 / 零 across the page break
    assert "一" not in {t for _, t in found}                     # 一批 ×75, 一体化, 一网通办 … are not counts
    assert not any(t.startswith("零") for _, t in found)          # 零部件, 零容忍, 零材料
    # The shipped registry accounts for every one of them (by an entry's value or an exclusion's text).
    ranges = [(p.first_line, p.last_line) for p in reg.plans.values()]
    assert find_gaps(src, reg.entries, reg.exclusions, ranges) == []


def test_every_shipped_exclusion_accounts_for_some_token():
    """An exclusion whose text holds no token excuses nothing: it is stale or mis-placed."""
    reg = load_registry(SHIPPED)
    src = SourceText.read(reg.source_path)
    toks = [(pos, pos + len(t)) for p in reg.plans.values() for pos, _, t in tokens(src, p.first_line, p.last_line)]
    for x in reg.exclusions:
        spans = src.find_all_at_line(x.text, x.line)
        assert any(a <= s and e <= b for a, b in spans for s, e in toks), f"exclusion at line {x.line}: {x.text}"


def test_after_每_a_magnitude_is_a_denominator_but_a_count_is_a_recurrence(tmp_path):
    # Minimal texts written for this test: 每万/每千 name a rate's denominator; 每两年 says how often.
    src = _src(tmp_path, "每万人口拥有量；每两年评估一次；每三年开展一轮。\n")
    assert [t for _, _, t in tokens(src, 1, 1)] == ["两", "三"]
