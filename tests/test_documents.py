"""Several documents in one registry, and a registry of one's own anywhere (registry index, --doc,
docs, unit fallback, unknown units, period check, missing source, per-document cache, ledger)."""

from __future__ import annotations

import json
import shutil

import pytest

from plancli.registry.loading import load_registry
from plancli.yamlio.reader import DataFileError

from .conftest import ROOT, TINY_REGISTRY, TINY_SOURCE

SECOND_SOURCE = "第二测试方案\n\n到2025年，建成示范工厂 8 家。（牵头单位：省新设局）\n"
SECOND = """\
meta:
  document: {code: two, number: 测试发〔2025〕1号, title: 第二测试方案, date: "2025-01-10"}
  period: {start: "2025-01-01", end: "2026-12-31"}
  source: {file: second.txt}
  plans:
    - {code: sec, name: 第二测试方案, short: 第二, group: 其他, first_line: 1, last_line: 3, coordinator: [省新设局]}
entries:
  - id: sec-001
    kind: target
    plan: sec
    section: 主要任务
    metric: 示范工厂
    value_text: 8 家
    value: 8
    unit: 家
    comparator: "="
    deadline_text: 到2025年
    lead: [省新设局]
    quote: 到2025年，建成示范工厂 8 家
    line: 3
"""


@pytest.fixture
def two(tiny):
    """tiny (code 'targets') + a second document whose unit is in no unit table; returns the index."""
    d = tiny.parent
    (d / "second.txt").write_text(SECOND_SOURCE, encoding="utf-8")
    (d / "second.yaml").write_text(SECOND, encoding="utf-8")
    idx = d / "registry.yaml"
    idx.write_text("documents:\n  - targets.yaml\n  - second.yaml\n", encoding="utf-8")
    return idx


def test_index_loads_every_document_with_its_own_period(two):
    reg = load_registry(two)
    assert [d.code for d in reg.documents] == ["targets", "two"]
    assert reg.document_of(reg.find("sec-001")).number == "测试发〔2025〕1号"
    assert reg.find("sec-001").deadline.isoformat() == "2025-12-31"
    assert reg.documents[1].period.end.isoformat() == "2026-12-31"


def test_rows_carry_the_document_and_doc_filters(cli, two):
    rows = json.loads(cli("list", "--registry", str(two), "--format", "json").out)
    assert {r["doc"] for r in rows} == {"targets", "测试发〔2025〕1号"}
    only = json.loads(cli("list", "--registry", str(two), "--doc", "测试发", "--format", "json").out)
    assert [r["id"] for r in only] == ["sec-001"]
    r = cli("list", "--registry", str(two), "--doc", "nope")
    assert r.code == 2 and r.err.startswith("plancli: error: unknown document 'nope'; documents are: ")


def test_docs_lists_each_document(cli, two):
    r = cli("docs", "--registry", str(two), "--format", "json", "--as-of", "2026-01-05")
    docs = {d["code"]: d for d in json.loads(r.out)}
    assert (docs["two"]["entries"], docs["two"]["overdue"], docs["two"]["doc"]) == (1, 1, "测试发〔2025〕1号")
    assert docs["targets"]["entries"] == 5 and docs["targets"]["complete"] is True


def test_id_collision_names_both_places(two, cli):
    d = two.parent
    (d / "second.yaml").write_text(SECOND.replace("id: sec-001", "id: test-001"), encoding="utf-8")
    with pytest.raises(DataFileError) as ei:
        load_registry(two)
    msg = str(ei.value)
    assert "duplicate id 'test-001'" in msg and f"{d / 'targets.yaml'}:" in msg and f"{d / 'second.yaml'}:" in msg
    r = cli("validate", str(two))
    assert r.code == 1 and "duplicate id 'test-001'" in r.out


def test_unknown_unit_is_usable_counted_and_a_warning(cli, two):
    due = json.loads(cli("due", "--registry", str(two), "--unit", "省新设局", "--format", "json",
                         "--as-of", "2025-06-01").out)
    assert [r["id"] for r in due] == ["sec-001"]
    by_unit = json.loads(cli("stats", "--by", "unit", "--registry", str(two), "--format", "json").out)
    assert {"name": "省新设局"}.items() <= next(r for r in by_unit if r["name"] == "省新设局").items()
    units = json.loads(cli("units", "--registry", str(two), "--format", "json").out)
    assert any(u["name"] == "省新设局" and u["lead"] == 1 for u in units)
    r = cli("validate", str(two))
    assert r.code == 0, r.out
    assert "warning: sec-001: unit '省新设局' is not in the unit table" in r.out
    assert r.err.endswith("0 problems, 1 warning\n")


def test_a_registry_alone_in_a_directory_works(cli, tmp_path):
    """No units.yaml beside it: the shipped unit table is the fallback."""
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    r = cli("due", "--registry", str(tmp_path / "targets.yaml"), "--unit", "大数据局", "--format", "json")
    assert r.code == 0 and json.loads(r.out)
    v = cli("validate", str(tmp_path / "targets.yaml"))
    assert v.code == 1
    errors = [x for x in v.out.splitlines() if ": warning: " not in x]
    assert len(errors) == 1 and "source file not found" in errors[0]  # once, not once per quote
    assert f"warning: units file not found: {tmp_path / 'units.yaml'} (using the shipped unit table)" in v.out
    ok = cli("validate", "--no-source", str(tmp_path / "targets.yaml"))
    assert ok.code == 0 and "source" not in ok.out


def test_deadline_outside_the_period_is_a_problem_unless_intended(cli, two):
    d = two.parent
    (d / "second.yaml").write_text(SECOND.replace("到2025年", "到2027年"), encoding="utf-8")
    (d / "second.txt").write_text(SECOND_SOURCE.replace("到2025年", "到2027年"), encoding="utf-8")
    r = cli("validate", str(two))
    assert r.code == 1 and "sec-001: deadline 2027-12-31 is outside the document's period" in r.out
    (d / "second.yaml").write_text(SECOND.replace("到2025年", "到2027年") + "    outside_period: true\n",
                                   encoding="utf-8")
    assert cli("validate", str(two)).code == 0


def test_each_document_is_cached_on_its_own(two, tmp_path, monkeypatch):
    import plancli.registry.loading as r

    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    load_registry(two)
    parsed = []
    real = r._parse_document
    monkeypatch.setattr(r, "_parse_document", lambda p, *a: parsed.append(p.name) or real(p, *a))
    load_registry(two)
    assert parsed == []  # nothing changed: both documents from the cache
    (two.parent / "second.yaml").write_text(SECOND.replace("示范工厂\n", "示范工厂（新）\n"), encoding="utf-8")
    assert load_registry(two).find("sec-001").metric == "示范工厂（新）"
    assert parsed == ["second.yaml"]  # only the edited document was read again


def test_the_ledger_follows_the_registry_and_show_names_it(cli, two):
    d = two.parent
    two.write_text("documents:\n  - targets.yaml\n  - second.yaml\nledger: shared-progress.yaml\n", encoding="utf-8")
    r = cli("record", "--new", "sec-001", "--status", "in_progress", "--on", "2024-10-01", "--registry", str(two))
    assert r.code == 0 and (d / "shared-progress.yaml").exists()
    out = cli("show", "sec-001", "--registry", str(two), "--format", "plain").out
    assert f"ledger     {d / 'shared-progress.yaml'} (1 record of this entry)" in out
    # The other registry (the tiny document alone) has its own ledger beside it and says so.
    out2 = cli("show", "test-001", "--registry", str(d / "targets.yaml"), "--format", "plain").out
    assert f"ledger     {d / 'progress.yaml'} (0 records of this entry)" in out2


def test_plan_codes_must_be_unique_across_documents(two):
    (two.parent / "second.yaml").write_text(SECOND.replace("code: sec", "code: test").replace("plan: sec", "plan: test")
                                            .replace("id: sec-001", "id: test-009"), encoding="utf-8")
    with pytest.raises(DataFileError, match="plan code 'test' is used by two documents"):
        load_registry(two)


def test_shipped_registry_holds_both_documents(cli):
    r = cli("docs", "--format", "json")
    docs = json.loads(r.out)
    assert [d["code"] for d in docs] == ["lzf2024-5", "gz633"]
    assert all(d["entries"] >= 30 for d in docs)


def test_index_errors_are_one_line(cli, tmp_path):
    idx = tmp_path / "registry.yaml"
    idx.write_text("documents:\n  - missing.yaml\n", encoding="utf-8")
    r = cli("due", "--registry", str(idx))
    assert r.code == 2 and r.err == f"plancli: error: {idx}:2: document file not found: {tmp_path / 'missing.yaml'}\n"
    idx.write_text("documents: nope\n", encoding="utf-8")
    r = cli("due", "--registry", str(idx))
    assert r.code == 2 and "a registry index must have 'documents:'" in r.err


assert TINY_SOURCE and TINY_REGISTRY  # the fixture documents these tests build on


def test_a_short_unit_shared_by_two_documents_is_read_within_doc(cli):
    """组织部 is 省委组织部 in 鲁政发〔2024〕5号 and 市委组织部 in the Guangzhou text: ambiguous across the
    registry, settled by --doc (and said on stderr, as every guessed unit is)."""
    r = cli("due", "--unit", "组织部", "--format", "json")
    assert r.code == 2 and "ambiguous; give one of: 市委组织部、省委组织部" in r.err
    for doc, unit in (("gz633", "市委组织部"), ("鲁政发", "省委组织部")):
        r = cli("due", "--unit", "组织部", "--doc", doc, "--format", "json")
        assert r.code == 0 and r.err == f"--unit '组织部' read as {unit} (part of its name)\n"
        rows = json.loads(r.out)
        assert rows and all(unit in r["lead"] + r["support"] for r in rows)
