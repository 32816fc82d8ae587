"""Loading the registry: the shipped one, and the strictness that hand-edited YAML needs."""

import pytest

from plancli.registry.loading import load_registry
from plancli.yamlio.reader import DataFileError

from .conftest import SHIPPED, TINY_REGISTRY


def test_shipped_registry_loads_with_its_header():
    reg = load_registry(SHIPPED)
    assert reg.meta["document"]["number"] == "鲁政发〔2024〕5号"
    assert (str(reg.period.start), str(reg.period.end)) == ("2024-01-01", "2025-12-31")
    assert len(reg.plans) == 13
    assert [p.code for p in reg.plans.values() if not p.complete] == ["xny"]
    assert reg.source_path.exists()


def test_tiny_registry_fields(tiny):
    reg = load_registry(tiny)
    e = reg.by_id()["test-003"]
    assert (e.value, e.unit, e.comparator, e.recurring) == (20, "项", "~", "yearly")
    assert [str(d) for d in e.occurrences(reg.period)] == ["2024-12-31", "2025-12-31"]
    assert e.group == "十大创新" and e.support == ("省大数据局",)
    e5 = reg.by_id()["test-005"]
    assert e5.deadline_inferred and str(e5.deadline) == "2025-12-31"


def _bad(write_registry, old, new):
    assert old in TINY_REGISTRY
    return write_registry(TINY_REGISTRY.replace(old, new, 1))


def _line_of(text: str) -> int:
    """1-based line of the first occurrence of ``text`` in the tiny registry."""
    return TINY_REGISTRY[: TINY_REGISTRY.index(text)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "offset", "message"), [
    ("    value: 35000\n", "    value: 35000\n    value: 36000\n", 1, "duplicate key 'value'"),
    ("    value: 35000\n", "    value: abc\n", 0, "must be a number"),
    ('    deadline: "2024-12-31"\n', "    deadline: 2024-13-40\n", 0, "impossible date"),
    ("    task: 1\n", "    task: one\n", 0, "must be an integer"),
    ("    kind: milestone\n", "    kind: wish\n", 0, "kind must be one of"),
    ("    deadline_text: 2024 年\n", "    deadline_text: 明年\n", 0, "has no year"),
    ("    lead: [省工业和信息化厅]\n", "    lead: 5\n", 0, "list of unit names"),
])
def test_bad_field_is_reported_with_its_line(write_registry, old, new, offset, message):
    line = _line_of(old) + offset
    p = _bad(write_registry, old, new)
    with pytest.raises(DataFileError) as ei:
        load_registry(p)
    assert ei.value.line == line
    assert message in str(ei.value) and str(ei.value).startswith(f"{p}:{line}: ")


def test_duplicate_id_points_at_the_second_entry(write_registry):
    p = _bad(write_registry, "  - id: test-002\n", "  - id: test-001\n")
    with pytest.raises(DataFileError, match="duplicate id 'test-001'") as ei:
        load_registry(p)
    assert ei.value.line == _line_of("  - id: test-002\n")


def test_deadline_must_agree_with_its_phrase(write_registry):
    p = _bad(write_registry, '    deadline: "2024-10-31"\n', '    deadline: "2024-11-30"\n')
    with pytest.raises(DataFileError, match="does not match deadline_text"):
        load_registry(p)


def test_collecting_mode_reports_every_problem(write_registry):
    text = TINY_REGISTRY.replace("    value: 35000\n", "    value: abc\n").replace(
        "    value: 20\n", "    value: twenty\n")
    problems = []
    reg = load_registry(write_registry(text), problems)
    assert len(problems) == 2 and len(reg.entries) == 3


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty registry"),
    ("- a\n- b\n", "must be a mapping"),
    ("entries: {a: 1}\n", "entries must be a list"),
    ("a: &x [1]\nb: *x\n", "anchors/aliases"),
    ("a: !!python/object/apply:os.system ['true']\n", "unsupported YAML tag"),
    ("a: [1, 2\n", "invalid YAML"),
])
def test_malformed_files(write_registry, text, message):
    with pytest.raises(DataFileError, match=message):
        load_registry(write_registry(text))


def test_bom_is_accepted_and_gbk_is_refused(write_registry):
    assert len(load_registry(write_registry("\ufeff" + TINY_REGISTRY)).entries) == 5
    with pytest.raises(DataFileError, match="not UTF-8") as ei:
        load_registry(write_registry(TINY_REGISTRY, encoding="gbk"))
    assert ei.value.line == _line_of("name: 测试行动计划")  # first non-ASCII byte


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="file not found"):
        load_registry(tmp_path / "nope.yaml")


def test_parsed_registry_cache(tiny, tmp_path, monkeypatch):
    import plancli.registry.loading as r

    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    first = load_registry(tiny)
    files = list((tmp_path / "c" / "plancli").glob("document-*.cache"))
    assert len(files) == 1

    def boom(*a, **k):
        raise AssertionError("parsed again despite an unchanged file")

    monkeypatch.setattr(r, "load_yaml", boom)
    again = load_registry(tiny)
    assert [e.id for e in again.entries] == [e.id for e in first.entries] and again.path == tiny
    # An edit changes the content key: the new text is parsed, never the stale cache served.
    monkeypatch.undo()
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    tiny.write_text(tiny.read_text(encoding="utf-8").replace("metric: 单位能耗", "metric: 单位能耗（新）"),
                    encoding="utf-8")
    assert load_registry(tiny).by_id()["test-005"].metric == "单位能耗（新）"
    assert len(list((tmp_path / "c" / "plancli").glob("document-*.cache"))) == 2


def test_cache_can_be_disabled_and_survives_damage(tiny, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("PLANCLI_NO_CACHE", "1")
    load_registry(tiny)
    assert not (tmp_path / "c").exists()
    monkeypatch.delenv("PLANCLI_NO_CACHE")
    load_registry(tiny)
    (f,) = (tmp_path / "c" / "plancli").glob("document-*.cache")
    f.write_bytes(b"garbage")
    assert len(load_registry(tiny).entries) == 5  # rebuilt, not an error


def test_cached_values_keep_their_types(tiny, tmp_path, monkeypatch):
    """1, True and 1.0 are equal in Python; the cache must not swap one for another."""
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    fresh = load_registry(tiny)
    cached = load_registry(tiny)
    assert cached.from_cache  # really served from the cache
    for a, b in zip(fresh.entries, cached.entries, strict=True):
        for k in ("task", "value", "units_inferred", "deadline_inferred", "line", "deadline"):
            assert (type(getattr(a, k)), getattr(a, k)) == (type(getattr(b, k)), getattr(b, k)), (a.id, k)


def test_a_repeated_bad_phrase_or_date_is_reported_at_each_line(write_registry):
    """Deadline phrases and dates are read once per distinct text; a bad one still fails at every line."""
    text = TINY_REGISTRY.replace("    deadline_text: 2024 年\n", "    deadline_text: 猴年马月\n", 1) \
        .replace("    deadline_text: 2025 年\n", "    deadline_text: 猴年马月\n", 1) \
        .replace('    deadline: "2024-10-31"\n', '    deadline: "2024-13-40"\n', 1) \
        .replace('    deadline: "2025-12-31"\n', '    deadline: "2024-13-40"\n', 1)
    assert text.count("猴年马月") == 2 and text.count("2024-13-40") == 2
    p = write_registry(text)
    problems: list = []
    load_registry(p, problems)
    lines = [i for i, ln in enumerate(text.splitlines(), 1) if "猴年马月" in ln or "2024-13-40" in ln]
    assert sorted(x.line for x in problems) == lines
    assert sum("cannot read deadline phrase" in x.message for x in problems) == 2
    assert sum("impossible date" in x.message for x in problems) == 2


def test_get_builds_only_the_entry_asked_for(tiny, tmp_path, monkeypatch):
    # ledger_warnings looks up each record's id; on a cached registry that must not build every entry
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    load_registry(tiny)
    cached = load_registry(tiny)
    assert cached.from_cache
    e = cached.get("test-004")
    assert (e.id, e.deadline.isoformat()) == ("test-004", "2024-10-31")
    assert cached.get("test-999") is None
    assert sum(x is not None for x in cached._built) == 1
