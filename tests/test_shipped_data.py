"""The registry is the product: it must validate, cover the source, and match hand-checked facts.

Each expected row below was read off the source text by hand (line numbers are the source's).
"""

import hashlib
import re
from datetime import date

import pytest

from plancli.registry.loading import load_registry
from plancli.text.source import SourceText, compact

from .conftest import ROOT, SHIPPED, SOURCE

REG = load_registry(SHIPPED)
BY_ID = REG.by_id()


def test_source_is_the_shared_document_byte_for_byte():
    shared = ROOT.parent / "shared" / "source" / SOURCE.name
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert REG.meta["source"]["sha256"] == digest
    if shared.exists():  # beside the clone on developer machines and in CI
        assert shared.read_bytes() == SOURCE.read_bytes()


def test_validate_is_clean_on_the_shipped_registry(cli):
    r = cli("validate")
    assert (r.code, r.out) == (0, "")
    assert r.err.endswith(" 0 problems\n")


def test_coverage_is_clean_on_the_shipped_registry(cli):
    r = cli("coverage")
    assert (r.code, r.out) == (0, "")


# id, source line, value_text, value, unit, comparator, deadline, recurring, lead
HAND_CHECKED = [
    ("kjyf-001", 26, "10%", 10, "%", "~", date(2025, 12, 31), "yearly", ["省科技厅"]),
    ("kjyf-002", 26, "3.5 万家", 35000, "家", ">", date(2024, 12, 31), None, ["省科技厅"]),
    ("kjyf-014", 46, "3—5 家", 3, "家", "range", date(2025, 12, 31), None,
     ["省科技厅", "省发展改革委", "省工业和信息化厅"]),
    ("rcyy-001", 80, "2300人", 2300, "人", "~", date(2025, 12, 31), None, ["省委人才工作领导小组办公室"]),
    ("rcyy-006", 92, "1 万人", 10000, "人", ">", date(2025, 12, 31), None,
     ["省委组织部", "省教育厅", "省工业和信息化厅", "省人力资源社会保障厅"]),
    ("yshj-009", 132, "100个", 100, "个", "=", date(2024, 10, 31), None, ["省政府办公厅", "省大数据局"]),
    ("yshj-014", 136, None, None, None, None, date(2024, 6, 30), None, ["省政府办公厅"]),
    ("szbg-014", 292, "5 万个", 50000, "个", "=", date(2024, 12, 31), None, ["省大数据局"]),
    ("szbg-040", 352, "35%", 35, "%", "=", date(2025, 12, 31), None, ["省大数据局"]),
    ("cyst-014", 390, "140GWh", 140, "GWh", "~", date(2024, 12, 31), None, ["省发展改革委", "省工业和信息化厅"]),
    ("cyst-027", 398, "500 家", 500, "家", "~", date(2025, 12, 31), None, ["省科技厅", "省工业和信息化厅"]),
    ("ysbz-001", 478, None, None, None, None, date(2025, 12, 31), "yearly", ["省自然资源厅"]),
    ("msgs-040", 608, "5.3 万户", 53000, "户", "=", date(2024, 12, 31), None, ["省住房城乡建设厅"]),
    ("fxfk-001", 646, None, None, None, None, date(2025, 12, 31), "quarterly", ["省发展改革委"]),
    ("fxfk-027", 686, "100%", 100, "%", "=", date(2024, 12, 31), None, ["省应急厅"]),
    ("whxc-001", 724, "7400 亿元", 7.4e11, "元", ">=", date(2024, 12, 31), None, ["省委宣传部"]),
    ("tjls-001", 802, None, None, None, None, date(2025, 12, 31), "yearly", ["省委办公厅"]),
    ("xdxx-001", 852, "10%", 10, "%", ">=", date(2025, 12, 31), "yearly", ["省工业和信息化厅"]),
    ("gdzb-001", 932, "2.8万亿元", 2.8e12, "元", "~", date(2024, 12, 31), None, ["省工业和信息化厅"]),
    ("xny-001", 1016, "1 亿千瓦", 1e8, "千瓦", ">=", date(2024, 12, 31), None, ["省发展改革委", "省能源局"]),
    ("xny-006", 1022, "570万千瓦", 5.7e6, "千瓦", "=", date(2025, 12, 31), None,
     ["省发展改革委", "省工业和信息化厅", "省生态环境厅", "省能源局", "省海洋局", "国网山东省电力公司"]),
]


@pytest.mark.parametrize("row", HAND_CHECKED, ids=[r[0] for r in HAND_CHECKED])
def test_hand_checked_entries(row):
    eid, line, value_text, value, unit, comparator, deadline, recurring, lead = row
    e = BY_ID[eid]
    assert (e.line, e.value_text, e.unit, e.comparator, e.deadline, e.recurring, list(e.lead)) == (
        line, value_text, unit, comparator, deadline, recurring, lead)
    assert e.value == (pytest.approx(value) if value is not None else None)


def test_every_plan_in_the_source_is_in_the_registry_and_covered_to_its_end():
    src = SourceText.read(SOURCE)
    titles = [i for i, ln in enumerate(src.lines, 1)
              if re.search(r"(创新|产业)行动计划\s*[（(]\s*2024", ln) and not ln.startswith("《")]
    firsts = sorted(p.first_line for p in REG.plans.values())
    assert titles == firsts
    plans = sorted(REG.plans.values(), key=lambda p: p.first_line)
    for a, b in zip(plans, plans[1:], strict=False):
        assert a.last_line < b.first_line <= a.last_line + 3  # contiguous, only blank lines/headings between
    assert plans[-1].last_line == len(src.lines)


def test_completeness_is_stated():
    incomplete = [p.short for p in REG.plans.values() if not p.complete]
    assert incomplete == ["新能源"]
    groups = {p.group for p in REG.plans.values()}
    assert groups == {"十大创新", "十强产业"}
    assert sum(p.group == "十大创新" for p in REG.plans.values()) == 10
    missing = REG.meta["missing_plans"]
    assert {m["group"] for m in missing} == {"十强产业", "十大扩需求"}


def test_inferred_attributions_use_the_plan_coordinator():
    for e in REG.entries:
        if e.units_inferred:
            assert list(e.lead) == list(REG.plans[e.plan].coordinator), e.id
        if e.deadline_inferred:
            assert e.deadline_text is None and e.deadline == REG.period.end, e.id


def test_one_entry_per_metric_value_and_time():
    seen = {}
    for e in REG.entries:
        key = (e.plan, compact(e.metric), e.value, e.deadline, e.kind)
        assert key not in seen, f"{e.id} duplicates {seen[key]}"
        seen[key] = e.id


def test_plan_counts_in_the_registry_page_match_the_registry(cli):
    readme = (ROOT / "docs" / "registry.md").read_text(encoding="utf-8")
    for p in REG.plans.values():
        es = [e for e in REG.entries if e.plan == p.code]
        n_t = sum(e.kind == "target" for e in es)
        row = rf"\|\s*{p.code}\s*\|[^\n]*\|\s*{len(es)}\s*\|\s*{n_t}\s*\|\s*{len(es) - n_t}\s*\|"
        assert re.search(row, readme), f"docs/registry.md plan table row for {p.code} is missing or stale"
