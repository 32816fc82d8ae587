"""The indexed timeline answers every question as the plain scan of every record did
(tests/ledger_reference.py, the rules as first written), on random ledgers: retractions by rid and
legacy ones by position, extensions, duplicate rids, records without ``on``, time zones."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.ledger import timeline
from plancli.ledger.record import Record
from plancli.ledger.recording import item_deadline
from plancli.query.rows import closed_since
from plancli.registry.loading import load_registry

from . import ledger_reference as ref
from .conftest import TINY_REGISTRY

ITEMS = ["test-001", "test-004", "test-005", "test-003", "test-003@2024", "test-003@2025", "zz-404"]
STATUSES = ["in_progress", "met", "done", "missed", "retracted", "extended"]
D0 = date(2024, 5, 1)


@st.composite
def ledgers(draw, max_size=40) -> list[Record]:
    n = draw(st.integers(0, max_size))
    out: list[Record] = []
    for k in range(n):
        item = draw(st.sampled_from(ITEMS))
        status = draw(st.sampled_from(STATUSES))
        on = draw(st.one_of(st.none(), st.integers(0, 60).map(lambda d: D0 + timedelta(days=d))))
        zone = draw(st.sampled_from(["+08:00", "+00:00", "-05:00", "", "Z?"]))
        day = D0 + timedelta(days=draw(st.integers(0, 60)))
        hour = draw(st.integers(0, 23))
        recorded_at = (None if on is not None and draw(st.booleans()) else
                       "不是时间" if zone == "Z?" else f"{day.isoformat()}T{hour:02d}:00:00{zone}")
        if on is None and recorded_at == "不是时间":
            recorded_at = f"{day.isoformat()}T{hour:02d}:00:00"
        rid = draw(st.one_of(st.just(f"r{k:03d}"), st.sampled_from(["dup1", "dup2"]), st.none()))
        retracts = None
        if status == "retracted":
            earlier = [r.rid for r in out if r.rid]
            retracts = draw(st.one_of(st.none(), st.just("nope"), st.sampled_from(earlier) if earlier else st.none()))
        extend_to = D0 + timedelta(days=200) if status == "extended" else None
        actual = draw(st.one_of(st.none(), st.floats(0, 10, allow_nan=False)))
        out.append(Record(item, status, actual=actual, on=on, recorded_at=recorded_at, rid=rid,
                          retracts=retracts, extend_to=extend_to, yaml_line=k + 5, forced=draw(st.booleans())))
    return out


DATES = [None, D0 - timedelta(days=1), D0, D0 + timedelta(days=20), D0 + timedelta(days=45), date(2030, 1, 1)]


def same(a, b) -> bool:
    """The same records, one for one (identity: the index hands back the caller's own objects)."""
    if isinstance(a, dict) or hasattr(a, "keys"):
        return dict(a).keys() == dict(b).keys() and all(a[k] is b[k] for k in a)
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_the_index_answers_as_the_scan_did(records):
    assert same(timeline.withdrawn(records), ref.withdrawn(records))
    for as_of in DATES:
        assert same(timeline.latest_records(records, as_of), ref.latest_records(records, as_of))
        assert same(timeline.extensions(records, as_of), ref.extensions(records, as_of))
        assert list(timeline.latest_records(records, as_of)) == list(ref.latest_records(records, as_of))
    for item in ITEMS:
        assert timeline.next_withdrawn(records, item) is ref.next_withdrawn(records, item)
    for start, end in ((D0, D0 + timedelta(days=10)), (D0 + timedelta(days=30), D0 + timedelta(days=30)),
                       (date.min, date.max)):
        assert same(timeline.records_between(records, start, end), ref.records_between(records, start, end))
        got = timeline.records_entered(records, start, end)
        want = ref.records_entered(records, start, end)
        assert [(a is c, b is d) for (a, b), (c, d) in zip(got, want, strict=True)] == [(True, True)] * len(want)
    for entry in ("test-001", "test-003", "zz-404", "none"):
        for as_of in DATES:
            assert timeline.history(records, entry, as_of) == ref.history(records, entry, as_of)


_REG = []


def _registry(tmp_path_factory):
    if not _REG:
        p = tmp_path_factory.mktemp("reg") / "targets.yaml"
        p.write_text(TINY_REGISTRY, encoding="utf-8")
        _REG.append(load_registry(p))
    return _REG[0]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(ledgers())
def test_an_items_closing_date_is_the_scans(tmp_path_factory, records):
    reg = _registry(tmp_path_factory)
    for as_of in DATES[1:]:
        want = ref.closing_dates(reg, records, as_of)
        moved = timeline.extensions(records, as_of)
        for item in ITEMS:
            e = reg.get(item.split("@")[0])
            if e is not None:  # the deadline in force, as the row engine passes it
                deadline = moved[item].extend_to if item in moved else item_deadline(reg, e, item)
                assert closed_since(e, records, item, as_of, deadline) == want.get(item), (item, as_of)
