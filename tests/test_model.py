"""The registry model: what it answers from its compact rows without building entries."""

from __future__ import annotations

from plancli.registry.loading import load_registry

from .conftest import SHIPPED


def test_unit_names_from_rows_are_those_of_the_entries_in_order(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    load_registry(SHIPPED)  # fills the cache
    reg = load_registry(SHIPPED)  # from the cache: rows only
    names = reg.unit_names()
    assert reg.from_cache  # answered without building a single entry
    want = list(dict.fromkeys(n for e in reg.entries for n in (*e.lead, *e.support)))
    assert names == want
    assert "省大数据局" in names and len(names) == len(set(names))


def test_cached_columns_select_and_name_as_the_rows_do(tmp_path, monkeypatch):
    """A document read back from the cache keeps its rows as columns (yamlio.cache.Columns) and
    answers select and unit_names from them; the same rows as a plain list answer the same, for
    every plan, kind, unit and role filter."""
    import itertools

    from plancli.query.filters import Filters, unit_predicate
    from plancli.registry.model import Registry
    from plancli.workspace import open_workspace
    from plancli.yamlio.cache import Columns

    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    load_registry(SHIPPED)
    ws = open_workspace(SHIPPED)
    cached = ws.registry
    assert isinstance(cached.rows, Columns)
    plain = Registry.of(cached.path, cached.documents, cached.plans, rows=list(cached.rows))
    assert cached.unit_names() == plain.unit_names()
    plans = sorted(cached.plans)
    units = ["省大数据局", "省科技厅", "省发展改革委", "没有这个单位"]
    picked = set()
    for plan_set, kinds, unit, role in itertools.product(
            (None, {plans[0]}, set(plans[1:4])), (None, {"target"}, {"milestone"}), [None, *units],
            ("any", "lead", "support")):
        test = unit_predicate(Filters(units=[unit] if unit else [], role=role), ws.units)
        got = [e.id for e in cached.select(plan_set, kinds, test)]
        picked.add(len(got))
        assert got == [e.id for e in plain.select(plan_set, kinds, test)]
        # and what a predicate of the pair alone (no UnitTest) picks, row by row
        assert got == [e.id for e in cached.select(plan_set, kinds, (lambda a, b, t=test: t(a, b)) if test else None)]
    assert [e.id for e in cached.select()] == [e.id for e in plain.entries]
    assert len(picked) > 10  # the filters pick many different sets, empty ones among them
    assert 0 in picked
    assert cached.get(cached.rows[5][0]).id == cached.rows[5][0]


def test_a_first_run_answers_from_the_columns_it_cached(tmp_path, monkeypatch):
    """The run that parses a document and writes its cache keeps the packed rows (Columns), as every
    later run reads them; the rows are those of a reading without a cache, in order."""
    from plancli.yamlio.cache import Columns

    monkeypatch.setenv("PLANCLI_NO_CACHE", "1")
    plain = load_registry(SHIPPED)
    assert isinstance(plain.rows, list)
    monkeypatch.delenv("PLANCLI_NO_CACHE")
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    first, again = load_registry(SHIPPED), load_registry(SHIPPED)
    assert isinstance(first.rows, Columns) and isinstance(again.rows, Columns)
    assert first.rows == plain.rows == again.rows
    assert [e.id for e in first.select(kinds={"target"})] == [e.id for e in plain.select(kinds={"target"})]
    assert first.unit_names() == plain.unit_names() == again.unit_names()
