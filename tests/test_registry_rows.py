"""The two ways an entry becomes a row agree: ``_entry_row`` (inline, for entries in which nothing is
wrong) and ``parse_entry`` + ``entry_to_row`` (every check, every problem with its line).

Real entries of the shipped registry, each field changed to values of every kind a YAML file can
hold; whenever the inline pass gives a row, it is the row parse_entry gives, repr for repr (1 is not
1.0 is not True), and parse_entry found nothing wrong; whenever it gives up, parse_entry decides.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.registry import loading
from plancli.registry.loading import RegistryError
from plancli.registry.model import entry_to_row
from plancli.text.deadline import Period
from plancli.yamlio import cache
from plancli.yamlio.reader import LineDict, load_yaml

from .conftest import SHIPPED
from .test_yamlevents import plain as _plain

_DOC = load_yaml(SHIPPED)
_PLANS: dict = {}
for _pd in _DOC["meta"]["plans"]:
    _plan = loading.parse_plan(_pd, loading._Collector(SHIPPED, []))
    _PLANS[_plan.code] = _plan
_PERIOD = loading._period(_DOC["meta"], loading._Collector(SHIPPED, []))
ENTRIES = list(_DOC["entries"])

# Values of every kind, and the texts this registry's fields hold (kinds, sections, phrases, units).
VALUES = [None, True, False, 0, 1, 2.5, -1, "", " ", "target", "milestone", "总体目标", "主要任务", "推进措施", "kjyf",
          "nope", ">=", "~", "range", "yearly", "quarterly", "2024-06-30", "2024-13-40", "2025-12-31", "2024-01-01",
          "每年", "每季度", "2024年6月底前", "力争到 2025 年", "两年", "常态化", "省科技厅", [], ["省科技厅"],
          ["省科技厅", "省财政厅"], [" 省科技厅 "], [""], [1], [["x"]], ["省科技厅", None], {"a": 1}]
FIELDS = sorted({k for e in ENTRIES for k in e} | {"start", "baseline", "value_max", "outside_period", "draft"})


def slow(d: LineDict) -> tuple[tuple | None, list]:
    problems: list = []
    e = loading.parse_entry(d, _PLANS, _PERIOD, loading._Collector(SHIPPED, problems))
    if e is None:
        return None, problems
    e.occurrences(_PERIOD)
    return entry_to_row(e), problems


@st.composite
def changed_entries(draw):
    src = draw(st.sampled_from(ENTRIES))
    d = LineDict.at(src.line, dict(src))
    d.key_lines = dict(src.key_lines)
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(FIELDS))
        if draw(st.booleans()) and key in d:
            del d[key]
        else:
            v = draw(st.sampled_from(VALUES))
            d[key] = list(v) if isinstance(v, list) else v
            d.key_lines[key] = src.line + 1
    return d


def test_every_shipped_entry_takes_the_inline_pass_and_agrees():
    # unit lists are known to the inline pass once parse_entry has checked them: read each once first
    for d in ENTRIES:
        slow(d)
    for d in ENTRIES:
        row = loading._entry_row(d, _PLANS, _PERIOD)
        assert row is not None, d["id"]
        assert repr(row) == repr(slow(d)[0])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changed_entries())
def test_the_inline_pass_gives_parse_entrys_row_or_gives_up(d):
    want, problems = slow(d)
    got = loading._entry_row(d, _PLANS, _PERIOD)
    if got is not None:
        assert not problems
        assert repr(got) == repr(want)


def test_a_period_of_its_own_reads_recurring_entries_in_it():
    period = Period(_PERIOD.start, _PERIOD.end.replace(year=_PERIOD.end.year + 1))
    for d in ENTRIES:
        if d.get("recurring"):
            d2 = LineDict.at(d.line, dict(d))
            d2.key_lines = dict(d.key_lines)
            row = loading._entry_row(d2, _PLANS, period)
            e = loading.parse_entry(d2, _PLANS, period, loading._Collector(SHIPPED, []))
            if row is not None:
                e.occurrences(period)
                assert repr(row) == repr(entry_to_row(e))


# --------------------------------------------------------------------------- entries read as rows
# A document's entries read as ``fastlane.Rows`` are checked column by column (``loading._entries_of``).
# Whole documents of changed entries — valid, wrong in any field, an id twice — written as PyYAML
# writes them and in plancli's own block layout: the rows, the first error (raising) and every
# problem (validate) are those of the entry-by-entry reading, and the rows packed for the cache are
# the same bytes.


_META = _plain(_DOC["meta"])


@st.composite
def document_texts(draw):
    entries = [_plain(d) for d in draw(st.lists(changed_entries(), min_size=1, max_size=10))]
    doc = {"meta": _META, "entries": entries}
    if draw(st.booleans()):
        return yaml.safe_dump(doc, allow_unicode=True, width=draw(st.sampled_from([40, 80])))
    # the block layout plancli and people write: the entries under their key, flow lists of units
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=None, indent=2, width=4000)


def _outcome(p, rows_too: bool, problems: list | None, packed: bool = False):
    try:
        doc = load_yaml(p, rows=loading._AS_ROWS) if rows_too else load_yaml(p)
        _, _, rows = loading._parse_document(p, doc, problems, packed)
    except RegistryError as exc:
        return ("error", exc.code, exc.line, repr(sorted(exc.fields.items(), key=str)))
    return ("ok", rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(text=document_texts())
def test_entries_read_as_rows_are_checked_as_entry_by_entry(tmp_path, text):
    p = tmp_path / "d.yaml"
    p.write_text(text, encoding="utf-8")
    want = _outcome(p, False, None)
    for packed in (False, True):
        got = _outcome(p, True, None, packed)
        if want[0] == "error" or got[0] == "error":
            assert got == want
            continue
        assert repr(list(got[1])) == repr(want[1])
        if packed and isinstance(got[1], cache.Columns):  # what the cache writes, byte for byte
            assert cache._pack_columns(got[1]) == cache.pack_rows(want[1])
    found, found_rows = [], []
    assert repr(_outcome(p, True, found_rows)) == repr(_outcome(p, False, found))
    assert [(x.line, x.code, str(x)) for x in found_rows] == [(x.line, x.code, str(x)) for x in found]


def test_the_shipped_registry_read_as_rows_is_its_columns_at_once(monkeypatch):
    """Every shipped entry passes by column: no entry is read a second time as a mapping."""
    seen = []
    monkeypatch.setattr(loading, "_entry_row", lambda d, *a: seen.append(d) or None)
    _, _, rows = loading._parse_document(SHIPPED, load_yaml(SHIPPED, rows=loading._AS_ROWS), None, True)
    assert isinstance(rows, cache.Columns) and len(rows) == len(ENTRIES) and not seen


@pytest.mark.parametrize("field", FIELDS)
def test_every_kind_of_value_of_a_field_is_checked_by_column_as_entry_by_entry(tmp_path, field):
    """One document per field: an entry for each value of ``VALUES`` in it (the others as shipped, ids
    told apart), and the entry without it; in both layouts."""
    entries = []
    for n, v in enumerate([*VALUES, "(missing)"]):
        d = _plain(ENTRIES[n % len(ENTRIES)])
        d["id"] = f"{d['id']}-{n}"
        if v == "(missing)":
            d.pop(field, None)
        else:
            d[field] = v
        entries.append(d)
    for style in ({}, {"sort_keys": False, "default_flow_style": None, "width": 4000}):
        p = tmp_path / "d.yaml"
        p.write_text(yaml.safe_dump({"meta": _META, "entries": entries}, allow_unicode=True, **style), encoding="utf-8")
        found, found_rows = [], []
        assert repr(_outcome(p, True, found_rows)) == repr(_outcome(p, False, found))
        assert [(x.line, x.code, str(x)) for x in found_rows] == [(x.line, x.code, str(x)) for x in found]
        assert _outcome(p, True, None, True)[:3] == _outcome(p, False, None)[:3]
