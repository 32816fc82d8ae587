"""Unit names: canonical, aliases, short forms, ambiguity and suggestions."""

import pytest

from plancli.registry.loading import load_registry
from plancli.registry.units import UnitError, load_units

from .conftest import ROOT, SHIPPED


@pytest.fixture(scope="module")
def table():
    return load_units(ROOT / "data" / "units.yaml")


@pytest.mark.parametrize(("typed", "canonical"), [
    ("省大数据局", "省大数据局"),
    ("大数据局", "省大数据局"),
    ("山东省大数据局", "省大数据局"),
    ("省工信厅", "省工业和信息化厅"),
    ("工信厅", "省工业和信息化厅"),
    ("省工业和信息化厅", "省工业和信息化厅"),
    ("发改委", "省发展改革委"),
    ("省发展和改革委员会", "省发展改革委"),
    ("人民银行山东省分行", "人民银行山东省分行"),
    ("中国人民银行山东省分行", "人民银行山东省分行"),
    ("人社厅", "省人力资源社会保障厅"),
    (" 省 科技厅 ", "省科技厅"),
])
def test_resolve(table, typed, canonical):
    assert table.resolve(typed) == canonical


def test_ambiguous_short_form_names_the_candidates(table):
    with pytest.raises(UnitError, match="ambiguous") as ei:
        table.resolve("海关")
    assert "青岛海关" in str(ei.value) and "济南海关" in str(ei.value)


def test_unknown_unit_suggests_close_names(table):
    with pytest.raises(UnitError, match="unknown unit") as ei:
        table.resolve("省大数局")
    assert "省大数据局" in str(ei.value)


def test_every_unit_named_in_the_shipped_registry_is_known(table):
    reg = load_registry(SHIPPED)
    names = {n for e in reg.entries for n in (*e.lead, *e.support)}
    assert names and all(table.known(n) for n in names)
    assert {n for p in reg.plans.values() for n in p.coordinator} <= {u.name for u in table.units}


def test_aliases_are_not_shared_between_units(table):
    seen = {}
    for u in table.units:
        for n in (u.name, *u.aliases):
            assert n not in seen, f"{n} is listed under {seen[n]} and {u.name}"
            seen[n] = u.name


# How a name was found: exact, alias or 省-prefixed forms are sure; a part of one name is a guess the
# command line reports (各市 is part of 各市党委人才工作领导小组 only, but a reader may mean the 16 cities).
@pytest.mark.parametrize(("typed", "canonical", "guessed"), [
    ("省大数据局", "省大数据局", False),
    ("大数据局", "省大数据局", False),
    ("发改委", "省发展改革委", False),
    ("工信", "省工业和信息化厅", True),
    ("各市", "各市党委人才工作领导小组", True),
])
def test_match_says_whether_it_guessed(table, typed, canonical, guessed):
    assert table.match(typed) == (canonical, guessed)


def test_ambiguous_fragment_lists_every_candidate_up_to_ten(table):
    with pytest.raises(UnitError) as ei:
        table.resolve("厅")
    msg = str(ei.value)
    assert msg.startswith("unit '厅' is ambiguous; give one of: ") and msg.endswith(" units)")
    assert msg.count("、") == 9
