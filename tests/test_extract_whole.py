"""plancli.extract on whole real documents: never crash, find the context a reader finds.

Texts are written here from phrases of real documents (each row names its source) or are the whole
documents of bench/documents (see its SOURCES.md).
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.errors import PlancliError
from plancli.extract import extract, parse_period

from .conftest import ROOT

BENCH = ROOT / "bench" / "documents"
XMT = "国办发〔2018〕123号 政务新媒体意见 (bench/documents/gov2018_123_xinmeiti.txt)"
WH = "国办发〔2018〕124号 两个规定的通知 (bench/documents/gov2018_124_wenhua.txt)"


# --------------------------------------------------------------------------- never crash

# The crash of issue 20: a 推进措施 paragraph names its lead units in running text (由甲部、乙部牵头) and
# its parenthetical (…牵头负责) has no label, so the coordinator had a lead but no span to quote.
CRASH = ("测试工作方案\n\n一、主要任务\n\n1.加强协调。2024年底前出台配套政策。\n\n二、保障措施\n\n"
         "（一）加强组织领导。建立由工业和信息化部、财政部牵头的部际协调机制，及时研究解决重大问题。"
         "（工业和信息化部、财政部牵头负责）\n")


def test_lead_in_running_text_of_the_measures_does_not_crash():
    d = extract(CRASH, source_name="x.txt", period=parse_period("2024:2025"))
    assert d["meta"]["plans"][0]["coordinator"] == ["工业和信息化部", "财政部"]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(BENCH.glob("*.txt"))] + \
        [(ROOT / "data" / "source" / "001_gz_633_rencai.txt").read_text(encoding="utf-8")[:6000], CRASH]


_FRAGMENTS = ["一、主要任务\n", "二、保障措施\n", "（一）加强组织领导。", "1.", "（1）", "由甲部、乙部牵头的",
              "（甲部牵头负责）", "（牵头单位：甲部；配合单位：乙部）", "（甲部指导）", "2024年底前", "到2025年，",
              "达到90%", "一半以上", "5个工作日以内", "每5年修订1次", "具有3年以上工作经历", "\n", "\n\n", "（", "）",
              "：", "。", "2018年12月7日\n（此件公开发布）\n", "国办发〔2019〕5号", "“", "”", "《", "》"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30), st.integers(0, 10**6), st.text(max_size=40))
def test_extract_never_raises_anything_but_a_plancli_error(frags, seed, noise):
    """Generated texts, and real texts cut and spliced at random places: a draft or a PlancliError."""
    real = _texts()
    base = real[seed % len(real)]
    a = seed % max(1, len(base))
    b = a + (seed // 7) % 3000
    text = base[:a] + "".join(frags) + noise + base[b:]
    for period in (None, parse_period("2024:2025")):
        with contextlib.suppress(PlancliError):
            extract(text, source_name="x.txt", period=period)
