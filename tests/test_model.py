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
