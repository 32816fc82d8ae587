"""The two ways an entry becomes a row agree: ``_entry_row`` (inline, for entries in which nothing is
wrong) and ``parse_entry`` + ``entry_to_row`` (every check, every problem with its line).

Real entries of the shipped registry, each field changed to values of every kind a YAML file can
hold; whenever the inline pass gives a row, it is the row parse_entry gives, repr for repr (1 is not
1.0 is not True), and parse_entry found nothing wrong; whenever it gives up, parse_entry decides.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.registry import loading
from plancli.registry.model import entry_to_row
from plancli.text.deadline import Period
from plancli.yamlio.reader import LineDict, load_yaml

from .conftest import SHIPPED

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
