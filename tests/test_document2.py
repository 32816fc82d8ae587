"""The second shipped document: Guangzhou's 《关于推进人才集聚工程的实施意见》 (“633”人才工程, 2012).

data/documents/gz633.yaml must be a valid single-document registry of its own source text
(data/source/001_gz_633_rencai.txt): it validates, covers every number of the text, and its entries
carry the values, deadlines and units that were read off the source by hand (line numbers below
are the source's).
"""

import hashlib
import json
import re
import shutil
from datetime import date

import pytest

from plancli.registry.loading import load_registry
from plancli.registry.units import load_units
from plancli.text.source import SourceText

from .conftest import ROOT, SHIPPED

DOC = ROOT / "data" / "documents" / "gz633.yaml"
SRC = ROOT / "data" / "source" / "001_gz_633_rencai.txt"
UNITS = ROOT / "data" / "documents" / "gz633.units.yaml"

REG = load_registry(DOC)
BY_ID = REG.by_id()


def test_source_is_the_recorded_text_byte_for_byte():
    src = REG.meta["source"]
    assert (REG.source_path.resolve(), REG.documents[0].units_path.resolve()) == (SRC.resolve(), UNITS.resolve())
    assert src["sha256"] == hashlib.sha256(SRC.read_bytes()).hexdigest()
    assert src["lines"] == len(SRC.read_text(encoding="utf-8").splitlines()) == 61
    # The provenance note names the same digest.
    assert src["sha256"] in SRC.with_suffix(".md").read_text(encoding="utf-8")


def test_validate_is_clean(cli):
    r = cli("validate", str(DOC))
    assert (r.code, r.out) == (0, "")
    assert r.err.endswith(f": 70 entries, {len(REG.exclusions)} exclusions, 0 problems\n")


def test_coverage_is_clean(cli):
    r = cli("coverage", "--registry", str(DOC))
    assert (r.code, r.out) == (0, "")
    assert "0 unaccounted number(s) in 60 source lines of 1 plans" in r.err


def test_coverage_finds_a_number_once_its_exclusion_is_gone(cli, tmp_path):
    """The clean coverage above is not vacuous: drop the exclusion of 35岁以下 and 35 is reported."""
    (tmp_path / ".git").mkdir()  # a repository: the document may name its source in ../source (docs/security.md)
    (tmp_path / "documents").mkdir()
    (tmp_path / "source").mkdir()
    shutil.copy(SRC, tmp_path / "source" / SRC.name)
    shutil.copy(UNITS, tmp_path / "documents" / UNITS.name)
    text = DOC.read_text(encoding="utf-8")
    dropped = re.sub(r"  - \{line: 19, text: \"35岁以下\".*\n", "", text)
    assert dropped != text
    (tmp_path / "documents" / DOC.name).write_text(dropped, encoding="utf-8")
    r = cli("coverage", "--registry", str(tmp_path / "documents" / DOC.name))
    assert r.code == 1
    assert ":19: '35' not in the registry" in r.out


def test_structure_one_plan_over_the_whole_body():
    assert REG.period.start == date(2012, 1, 1) and REG.period.end == date(2016, 12, 31)
    (plan,) = REG.plans.values()
    assert (plan.code, plan.first_line, plan.last_line, plan.coordinator) == ("gzrc", 2, 61, ("市人才工作领导小组",))
    kinds = [e.kind for e in REG.entries]
    assert (kinds.count("target"), kinds.count("milestone")) == (68, 2)
    assert [e.id for e in REG.entries] == [f"gzrc-{i:03d}" for i in range(1, 71)]  # source order


def test_ids_and_plan_codes_do_not_collide_with_the_first_registry():
    first = load_registry(SHIPPED)
    assert not set(first.plans) & set(REG.plans)
    assert not set(first.by_id()) & set(BY_ID)


# id, source line, value_text, value, value_max, unit, comparator, deadline, deadline_inferred,
# recurring, lead, support
HAND_CHECKED = [
    ("gzrc-002", 4, "320万名", 3_200_000, None, "名", "~", date(2016, 12, 31), False, None,
     ["市人才工作领导小组"], []),
    ("gzrc-003", 4, "40%", 40, None, "%", "=", date(2016, 12, 31), False, None, ["市人才工作领导小组"], []),
    ("gzrc-004", 7, "1万名", 10_000, None, "名", "~", date(2016, 12, 31), False, None,
     ["市发展改革委"], ["市委组织部", "市人力资源和社会保障局", "各区、县级市"]),
    ("gzrc-019", 12, "15万名", 150_000, None, "名", "=", date(2016, 12, 31), False, None,
     ["市人力资源和社会保障局"], ["各区、县级市"]),
    ("gzrc-025", 16, "50个", 50, None, "个", "=", date(2016, 12, 31), True, None, ["市委组织部"], ["各有关单位"]),
    ("gzrc-030", 19, "100名", 100, None, "名", ">=", date(2016, 12, 31), False, "yearly",
     ["市科技和信息化局"], ["各区、县级市"]),
    ("gzrc-043", 26, "40000名", 40_000, None, "名", "=", date(2016, 12, 31), False, None,
     ["市农业局"], ["市科协", "各有关区、县级市"]),
    ("gzrc-049", 29, "1到2个", 1, 2, "个", "range", date(2016, 12, 31), False, None,
     ["市文化广电新闻出版局"], ["各有关单位", "各区、县级市"]),
    ("gzrc-058", 34, "3000名", 3000, None, "名", "=", date(2016, 12, 31), False, "yearly",
     ["市民政局"], ["市人力资源和社会保障局", "各区、县级市"]),
    ("gzrc-062", 39, "200名", 200, None, "名", ">=", date(2016, 12, 31), False, None, ["市人力资源和社会保障局"], []),
    ("gzrc-068", 52, "10000套", 10_000, None, "套", "=", date(2016, 12, 31), False, None,
     ["市住房保障办"], ["市规划局", "市国土房管局", "各区、县级市"]),
    ("gzrc-069", 59, None, None, None, None, None, date(2012, 10, 31), False, None,
     ["市委组织部"], ["各项目牵头单位", "各区、县级市"]),
    ("gzrc-070", 59, None, None, None, None, None, date(2012, 12, 31), False, None,
     ["市委组织部"], ["各项目牵头单位", "各区、县级市"]),
]


@pytest.mark.parametrize("row", HAND_CHECKED, ids=[r[0] for r in HAND_CHECKED])
def test_hand_checked_entries(row):
    eid, line, value_text, value, value_max, unit, comparator, deadline, inferred, recurring, lead, support = row
    e = BY_ID[eid]
    assert (e.line, e.value_text, e.value, e.value_max, e.unit, e.comparator) == (
        line, value_text, value, value_max, unit, comparator)
    assert (e.deadline, e.deadline_inferred, e.recurring) == (deadline, inferred, recurring)
    assert (list(e.lead), list(e.support)) == (lead, support)


def test_named_units_are_the_ones_in_the_items_parenthesis():
    """Every entry whose units are not inferred names the 牵头单位 of the parenthesis on its line."""
    src = SourceText.read(SRC)
    for e in REG.entries:
        if e.units_inferred:
            assert e.section == "总体目标" and e.lead == ("市人才工作领导小组",)
            continue
        paren = re.search(r"（牵头单位：([^）]*)）", src.lines[e.line - 1])
        assert paren, e.id
        lead, _, support = paren.group(1).partition("，配合单位：")
        assert "、".join(e.lead) == lead, e.id
        assert all(u in support for u in e.support), e.id


def test_every_unit_resolves_and_the_guangzhou_aliases_work():
    table = load_units(ROOT / "data" / "units.yaml", UNITS)  # the shipped table, extended by the document's
    named = {u for e in REG.entries for u in (*e.lead, *e.support)}
    assert len(named) == 36 and all(table.known(u) for u in named)
    assert table.resolve("广州市委组织部") == "市委组织部"
    assert table.resolve("共青团广州市委") == "团市委"


def test_due_for_a_unit_it_names(cli):
    r = cli("due", "--registry", str(DOC), "--unit", "广州市委组织部", "--role", "lead", "--format", "json",
            env={"PLANCLI_TODAY": "2012-10-20"})
    assert r.code == 0
    rows = json.loads(r.out)
    assert rows[0]["id"] == "gzrc-069" and rows[0]["days_left"] == 11 and rows[0]["status"] == "due_soon"
    assert all("市委组织部" in row["lead"] for row in rows)
    assert {"gzrc-005", "gzrc-024", "gzrc-064", "gzrc-070"} <= {row["id"] for row in rows}
