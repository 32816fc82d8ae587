"""A registry repository a team shares: `plancli init`, records that merge in git, the strict gate."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from plancli.checks.validate import one_edit
from plancli.ledger.record import LedgerError, Record
from plancli.ledger.storage import append_record, append_records, load_ledger
from plancli.ledger.timeline import latest_records, records_entered, withdrawn
from plancli.repository import find_repository

from .conftest import TINY_REGISTRY

GIT = shutil.which("git")


def _line(**d) -> str:
    return "  - " + json.dumps(d, ensure_ascii=False) + "\n"


HEAD = "records:\n"
A = _line(rid="r1", id="test-001", status="in_progress", actual=32000.0, on="2024-10-01",
          recorded_at="2024-10-02T09:00:00+08:00")
B = _line(rid="r2", id="test-001", status="met", actual=36000.0, on="2024-10-10",
          recorded_at="2024-10-11T09:00:00+08:00")
C = _line(rid="r3", id="test-001", status="retracted", retracts="r2", on="2024-10-12", note="数字有误",
          recorded_at="2024-10-12T09:00:00+08:00")


# --------------------------------------------------------------------------- order never matters

def test_three_records_in_every_order_give_one_answer(tmp_path):
    p = tmp_path / "progress.yaml"
    answers = set()
    for order in ([A, B, C], [C, B, A], [B, C, A], [A, C, B], [C, A, B], [B, A, C]):
        p.write_text(HEAD + "".join(order), encoding="utf-8")
        latest = latest_records(load_ledger(p))["test-001"]
        answers.add((latest.rid, latest.status))
    assert answers == {("r1", "in_progress")}  # r2 withdrawn by name, wherever the lines are


def test_same_day_records_are_ordered_by_recorded_time_then_rid(tmp_path):
    p = tmp_path / "progress.yaml"
    x = _line(rid="b", id="test-001", status="in_progress", on="2024-10-01", recorded_at="2024-10-01T10:00:00+08:00")
    y = _line(rid="a", id="test-001", status="met", actual=36000.0, on="2024-10-01",
              recorded_at="2024-10-01T03:00:00+00:00")  # 11:00 in +08:00: later than x
    z = _line(rid="c", id="test-001", status="missed", on="2024-10-01", recorded_at="2024-10-01T03:00:00+00:00")
    for order in ([x, y, z], [z, y, x], [y, z, x]):
        p.write_text(HEAD + "".join(order), encoding="utf-8")
        assert latest_records(load_ledger(p))["test-001"].rid == "c"  # same time as a: the larger rid


def test_a_retraction_names_its_record_and_is_written_with_it(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    base = ("--registry", str(tiny), "--progress", str(p))
    assert cli("record", "--new", "test-001", "--status", "met", "--actual", "3.6万家", "--on", "2024-10-01", *base).code == 0
    assert cli("record", "test-001", "--retract", "--note", "数字有误", "--on", "2024-10-02", *base).code == 0
    met, gone = load_ledger(p)
    assert gone.retracts == met.rid and met.rid and gone.rid != met.rid
    assert withdrawn([met, gone]) == {0: gone}
    lines = p.read_text(encoding="utf-8").splitlines()
    assert [ln[:9] for ln in lines[-2:]] == ['  - {"rid', '  - {"rid']  # one line per record


def test_every_field_of_a_record_survives_the_round_trip(tmp_path):
    p = tmp_path / "progress.yaml"
    full = Record("test-001", "extended", actual=-1.5, actual_text="-1.5%", on=date(2024, 2, 29),
                  source="通报 \"x\"\n第二行", note="why: a, b", recorded_at="2024-03-01T08:00:00+08:00",
                  forced=True, rid="r-1", retracts="r-0", evidence="佐证/通报.pdf", evidence_sha256="ab" * 32,
                  evidence_size=1024, extend_to=date(2024, 6, 30), actual_below=-1.4, evidence_name="通报.pdf",
                  problems="经费", next_steps="加快", entered_by="张三", unit="省科技厅", workbook="省科技厅.xlsx",
                  rows_filled=3, workbook_sha256="cd" * 32,  # issue 25's fields and issue 24's too
                  reviews="r-0")  # and issue 29's
    assert {f.name for f in fields(Record)} - {"yaml_line"} == {
        f.name for f in fields(Record) if getattr(full, f.name) != f.default} - {"yaml_line"}
    append_record(p, full)
    [back] = load_ledger(p)
    assert back == Record(**{**{f.name: getattr(full, f.name) for f in fields(Record)}, "yaml_line": back.yaml_line})


def test_append_records_writes_all_or_none(tmp_path):
    p = tmp_path / "progress.yaml"
    [first] = append_records(p, [Record("test-001", "done", rid="same")])
    before = p.read_bytes()
    with pytest.raises(LedgerError, match="record id same is already in the ledger; nothing was recorded"):
        append_records(p, [Record("test-002", "done"), Record("test-003", "done", rid="same")])
    assert p.read_bytes() == before
    two = append_records(p, [Record("test-002", "done"), Record("test-003", "done")])
    assert [r.item for r in load_ledger(p)] == ["test-001", "test-002", "test-003"]
    assert two[0].rid < two[1].rid  # written in order: the time part of the id grows


# --------------------------------------------------------------------------- legacy ledgers

LEGACY = """\
# our ledger
records:
  - id: test-001
    status: in_progress
    recorded_at: '2024-10-01T09:00:00+08:00'
  - id: test-001
    status: met
    actual: 36000
    recorded_at: '2024-10-02T09:00:00+08:00'
  - id: test-001
    status: retracted
    note: 数字有误
    recorded_at: '2024-10-02T10:00:00+08:00'
"""


def test_a_legacy_ledger_is_read_and_migrated_on_the_next_write_the_same_on_every_clone(tmp_path):
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    for p in (one, two):
        p.write_text(LEGACY, encoding="utf-8")
    old = load_ledger(one)
    assert latest_records(old)["test-001"].status == "in_progress"  # the retraction withdrew `met`
    assert [r.rid for r in old] == [r.rid for r in load_ledger(two)]  # ids computed, the same everywhere
    append_record(one, Record("test-004", "done", rid="x1", recorded_at="2024-10-03T00:00:00+00:00"))
    append_record(two, Record("test-004", "done", rid="x1", recorded_at="2024-10-03T00:00:00+00:00"))
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    text = one.read_text(encoding="utf-8")
    assert text.startswith("# our ledger\nrecords:\n") and text.count("\n  - {") == 4
    new = load_ledger(one)
    assert [r.rid for r in new[:3]] == [r.rid for r in old]
    assert new[2].retracts == new[1].rid  # the legacy retraction's target written out
    assert latest_records(new)["test-001"].status == "in_progress"


# --------------------------------------------------------------------------- what validate names

@pytest.mark.parametrize(("text", "line", "message"), [
    (HEAD + A + A, 3, "record id r1 appears twice (first at line 2); delete one of them"),
    (HEAD + A + _line(rid="r9", id="test-001", status="retracted", retracts="nope", note="x", on="2024-10-03"), 3,
     "retraction of test-001 names record nope, which the ledger does not have"),
    (HEAD + A + _line(rid="r9", id="test-004", status="retracted", retracts="r1", note="x", on="2024-10-03"), 3,
     "retraction of test-004 names record r1, a record of test-001"),
])
def test_validate_names_duplicate_ids_and_retractions_of_unknown_records(cli, tiny, tmp_path, text, line, message):
    p = tmp_path / "progress.yaml"
    p.write_text(text, encoding="utf-8")
    r = cli("validate", str(tiny), "--progress", str(p))
    assert r.code == 1
    assert f"{p}:{line}: {message}" in r.out.splitlines()


def test_merge_conflict_markers_are_named_by_validate_and_refused_by_every_command(cli, tiny, tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(HEAD + A + "<<<<<<< HEAD\n" + B + "=======\n" + C + ">>>>>>> theirs\n", encoding="utf-8")
    msg = (f"{p}:3: unresolved merge conflict: git left the marker <<<<<<< here; keep the record lines of "
           "both sides and delete the marker lines (see docs/team.md)")
    r = cli("validate", str(tiny), "--progress", str(p))
    assert r.code == 1 and msg in r.out.splitlines()
    for args in (("due",), ("weekly",), ("record", "test-004", "--status", "done")):
        r = cli(*args, "--registry", str(tiny), "--progress", str(p))
        assert (r.code, r.err) == (2, f"plancli: error: {msg}\n")


# --------------------------------------------------------------------------- init and discovery

def test_init_makes_a_repository_that_validates_strictly_and_is_found_from_below(cli, tiny, tmp_path, monkeypatch):
    root = tmp_path / "reg"
    r = cli("init", str(root), "--no-git")
    assert r.code == 0 and r.out.startswith(f"plancli: made a registry repository in {root} (")
    assert (root / ".gitattributes").read_text(encoding="utf-8").count("progress.yaml merge=union") == 1
    assert {"*.lock", ".*.tmp"} <= set((root / ".gitignore").read_text(encoding="utf-8").splitlines())
    assert "plancli validate --strict" in (root / ".ci" / "plancli-check").read_text(encoding="utf-8")
    assert "archived:\n  - documents/gz633.yaml" in (root / "registry.yaml").read_text(encoding="utf-8")
    (root / "documents" / "deeper").mkdir()
    monkeypatch.chdir(root / "documents" / "deeper")
    assert find_repository() == root / "registry.yaml"
    assert cli("validate", "--strict").code == 0
    r = cli("record", "kjyf-002", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-31")
    assert r.code == 0 and r.err.endswith(f"→ {root / 'progress.yaml'}\n")  # the repository's ledger
    assert "ledger     " + str(root / "progress.yaml") in cli("show", "kjyf-002", "--format", "plain").out
    # --registry / PLANCLI_REGISTRY still win over the repository around the current directory
    for r in (cli("list", "--registry", str(tiny), "--format", "json"),
              cli("list", "--format", "json", env={"PLANCLI_REGISTRY": str(tiny)})):
        assert {x["plan"] for x in json.loads(r.out)} == {"test"}


def test_init_refuses_a_directory_that_is_not_empty(cli, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine", encoding="utf-8")
    r = cli("init", str(tmp_path / "x"))
    assert (r.code, r.err) == (2, f"plancli: error: {tmp_path / 'x'} exists and is not an empty directory; "
                                  "choose a new one\n")


def test_init_empty_is_a_valid_skeleton_with_one_example_document(cli, tmp_path, monkeypatch):
    root = tmp_path / "skel"
    assert cli("init", str(root), "--empty", "--no-git").code == 0
    monkeypatch.chdir(root)
    assert cli("validate", "--strict").code == 0
    assert cli("coverage").code == 0
    docs = json.loads(cli("docs", "--format", "json").out)
    assert [(d["code"], d["entries"], d["archived"]) for d in docs] == [("example", 2, False)]


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": "/usr/bin:/bin"}
    r = subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_two_clones_merge_in_either_order_with_the_same_statuses(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_TODAY", "2026-12-03")
    origin = tmp_path / "origin"
    assert cli("init", str(origin), "--no-git").code == 0
    _git(tmp_path, "init", "-q", "-b", "main", str(origin))
    monkeypatch.chdir(origin)
    assert cli("record", "kjyf-002", "--status", "in_progress", "--actual", "3.2万家", "--on", "2024-06-30").code == 0
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "registry")
    for name in ("alice", "bob"):
        _git(tmp_path, "clone", "-q", str(origin), name)
    monkeypatch.chdir(tmp_path / "alice")
    assert cli("record", "kjyf-002", "--retract", "--note", "数字有误", "--on", "2024-07-01").code == 0
    assert cli("record", "kjyf-004", "--status", "met", "--actual", "5.2万家", "--on", "2024-12-31").code == 0
    monkeypatch.chdir(tmp_path / "bob")
    assert cli("record", "kjyf-002", "--status", "met", "--actual", "3.6万家", "--on", "2024-12-31").code == 0
    assert cli("record", "kjyf-006", "--status", "in_progress", "--on", "2024-10-01").code == 0
    for name in ("alice", "bob"):
        assert _git(tmp_path / name, "status", "--porcelain") == " M progress.yaml\n"  # no lock, no temp file
        _git(tmp_path / name, "commit", "-qam", name)
    statuses = []
    for first, second in (("alice", "bob"), ("bob", "alice")):
        merged = tmp_path / f"{first}+{second}"
        _git(tmp_path, "clone", "-q", str(tmp_path / first), merged.name)
        _git(merged, "pull", "-q", "--no-rebase", "--no-edit", str(tmp_path / second), "main")
        monkeypatch.chdir(merged)
        assert "<<<<<<<" not in (merged / "progress.yaml").read_text(encoding="utf-8")
        r = cli("validate", "--strict")
        assert r.code == 0, r.out
        rows = json.loads(cli("list", "--plan", "kjyf", "--format", "json").out)
        statuses.append({x["id"]: (x["status"], x["record_status"]) for x in rows if x["record_status"]})
        assert len(load_ledger(merged / "progress.yaml")) == 5
    assert statuses[0] == statuses[1] == {"kjyf-002": ("met", "met"), "kjyf-004": ("met", "met"),
                                          "kjyf-006": ("overdue", "in_progress")}


# --------------------------------------------------------------------------- units, archive, digest, values

@pytest.mark.parametrize(("a", "b", "near"), [
    ("省大数剧局", "省大数据局", True), ("省大数据", "省大数据局", True), ("省大数据局局", "省大数据局", True),
    ("省大数据局", "省大数据局", False), ("省数据局", "省大数据局", True), ("省统计局", "省大数据局", False),
])
def test_one_edit(a, b, near):
    assert one_edit(a, b) is near and one_edit(b, a) is near


def test_a_unit_one_character_off_is_a_problem_and_strict_fails_on_warnings(cli, tiny, write_registry):
    p = write_registry(TINY_REGISTRY.replace("lead: [省工业和信息化厅]", "lead: [省工业和信息化庁]"))
    r = cli("validate", str(p), "--no-source")
    assert r.code == 1 and "did you mean 省工业和信息化厅? (one character off a known unit)" in r.out
    q = write_registry(TINY_REGISTRY.replace("lead: [省工业和信息化厅]", "lead: [某某新单位]"), name="other.yaml")
    assert cli("validate", str(q), "--no-source").code == 0  # an unknown unit: a warning
    r = cli("validate", str(q), "--no-source", "--strict")
    assert r.code == 1 and "warning: test-005: unit '某某新单位' is not in the unit table" in r.out
    assert r.err.endswith(", 0 problems, 1 warning (--strict: warnings fail)\n")


def test_archived_documents_are_left_out_unless_named(cli):
    def items(*args):
        return {x["id"].split("-")[0] for x in json.loads(cli("list", "--format", "json", *args).out)}

    assert "gzrc" not in items()
    assert "gzrc" in items("--all-docs") and "kjyf" in items("--all-docs")
    assert items("--doc", "gz633") == {"gzrc"}
    docs = {d["code"]: d["archived"] for d in json.loads(cli("docs", "--format", "json").out)}
    assert docs == {"lzf2024-5": False, "gz633": True}
    stats = [s["name"] for s in json.loads(cli("stats", "--format", "json").out)]
    assert "gzrc" not in stats and "kjyf" in stats


def test_records_entered_in_a_week_include_backdated_ones_and_retractions(tmp_path):
    p = tmp_path / "progress.yaml"
    p.write_text(HEAD + A + B + C + _line(rid="r4", id="test-004", status="done", on="2024-01-15",
                                          recorded_at="2024-10-11T12:00:00+08:00"), encoding="utf-8")
    got = [(r.rid, gone.rid if gone else None) for r, gone in
           records_entered(load_ledger(p), date(2024, 10, 7), date(2024, 10, 13))]
    assert got == [("r2", None), ("r4", None), ("r3", "r2")]


@pytest.mark.parametrize(("actual", "stored", "shown"), [
    ("-1.5%", -1.5, "(actual -1.5%, -3% of 52%)"),
    ("负0.1%", -0.1, "(actual -0.1%, -0.2% of 52%)"),
])
def test_a_negative_actual_is_recorded_and_shown_with_its_sign(cli, tmp_path, actual, stored, shown):
    p = tmp_path / "progress.yaml"
    r = cli("record", "--new", "kjyf-006", "--status", "in_progress", "--actual", actual, "--on", "2024-10-01",
            "--progress", str(p))
    assert r.code == 0 and shown in r.err
    assert load_ledger(p)[0].actual == stored


def test_an_implausible_magnitude_needs_force_and_a_note(cli, tmp_path):
    p = tmp_path / "progress.yaml"
    r = cli("record", "--new", "kjyf-002", "--status", "in_progress", "--actual", "1e23家", "--progress", str(p))
    assert r.code == 2 and "is 2.86e+18 times the target >3.5 万家: implausible" in r.err
    r = cli("record", "--new", "kjyf-002", "--status", "in_progress", "--actual", "1e23家", "--force",
            "--note", "测试", "--progress", str(p))
    assert r.code == 0


def test_ids_and_occurrences_are_read_in_any_case(cli, tmp_path):
    p = tmp_path / "progress.yaml"
    r = cli("record", "--new", "KJYF-001@2024", "--status", "done", "--on", "2024-10-01", "--progress", str(p))
    assert r.code == 0, r.err
    assert load_ledger(p)[0].item == "kjyf-001@2024"
    r = cli("record", "FXFK-001@2024q3", "--status", "done", "--on", "2024-10-01", "--progress", str(p))
    assert r.code == 0, r.err
    assert load_ledger(p)[1].item == "fxfk-001@2024Q3"


def test_a_ledger_that_does_not_exist_needs_new(cli, tmp_path):
    p = tmp_path / "progres.yaml"
    r = cli("record", "kjyf-002", "--status", "in_progress", "--progress", str(p))
    assert (r.code, r.err) == (2, f"plancli: error: ledger {p} does not exist; give --new to start a new ledger "
                                  "there (or correct --progress / PLANCLI_PROGRESS)\n")
    assert not p.exists()


def test_the_order_of_lines_in_a_large_ledger_never_changes_a_status(tmp_path):
    rnd = random.Random(7)
    lines = []
    for i in range(60):
        item = f"test-00{rnd.randint(1, 5)}"
        lines.append(_line(rid=f"r{i:03d}", id=item, status=rnd.choice(["done", "in_progress", "missed"]),
                           on=f"2024-10-{rnd.randint(1, 9):02d}", recorded_at=f"2024-10-10T0{rnd.randint(0, 9)}:00:00+08:00"))
        if i % 7 == 6:
            lines.append(_line(rid=f"x{i:03d}", id=item, status="retracted", retracts=f"r{i:03d}", note="n",
                               on="2024-10-09", recorded_at="2024-10-10T10:00:00+08:00"))
    p = tmp_path / "progress.yaml"
    seen = set()
    for _ in range(5):
        rnd.shuffle(lines)
        p.write_text(HEAD + "".join(lines), encoding="utf-8")
        seen.add(tuple(sorted((k, v.rid) for k, v in latest_records(load_ledger(p)).items())))
    assert len(seen) == 1


def test_a_half_merged_registry_file_is_named_as_such(cli, tiny, write_registry):
    lines = TINY_REGISTRY.splitlines(keepends=True)
    p = write_registry("".join(lines[:5]) + "<<<<<<< HEAD\n" + "".join(lines[5:8]) + "=======\n"
                       + "".join(lines[5:8]) + ">>>>>>> theirs\n" + "".join(lines[8:]))
    msg = f"{p}:6: unresolved merge conflict: git left the marker <<<<<<< here; resolve it and delete the marker lines"
    for r in (cli("validate", str(p)), cli("due", "--registry", str(p))):
        assert (r.code, r.err) == (2, f"plancli: error: {msg}\n")


@pytest.mark.skipif(GIT is None, reason="needs git")
def test_two_clones_migrating_one_old_ledger_still_merge(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_TODAY", "2026-12-03")
    origin = tmp_path / "origin"
    assert cli("init", str(origin), "--no-git").code == 0
    (origin / "progress.yaml").write_text(
        "# old ledger\nrecords:\n"
        "  - id: kjyf-002\n    status: in_progress\n    on: '2024-06-30'\n    recorded_at: '2024-07-01T09:00:00+08:00'\n"
        "  - id: kjyf-002\n    status: retracted\n    note: wrong\n    recorded_at: '2024-07-02T09:00:00+08:00'\n"
        "  - id: kjyf-004\n    status: in_progress\n    on: '2024-06-30'\n    recorded_at: '2024-07-01T09:00:00+08:00'\n",
        encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main", str(origin))
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "old ledger")
    for name, args in (("a", ("kjyf-006", "--status", "in_progress", "--on", "2024-10-01")),
                       ("b", ("kjyf-004", "--retract", "--note", "x"))):
        _git(tmp_path, "clone", "-q", str(origin), name)
        monkeypatch.chdir(tmp_path / name)
        assert cli("record", *args).code == 0  # each clone migrates the old ledger, then appends
        _git(tmp_path / name, "commit", "-qam", name)
    _git(tmp_path / "a", "pull", "-q", "--no-rebase", "--no-edit", str(tmp_path / "b"), "main")
    monkeypatch.chdir(tmp_path / "a")
    assert cli("validate", "--strict").code == 0
    recs = load_ledger(tmp_path / "a" / "progress.yaml")
    assert [(r.item, r.status) for r in recs] == [
        ("kjyf-002", "in_progress"), ("kjyf-002", "retracted"), ("kjyf-004", "in_progress"),
        ("kjyf-006", "in_progress"), ("kjyf-004", "retracted")]
    assert latest_records(recs).keys() == {"kjyf-006"}


def test_a_repository_from_init_writes_its_workbooks_in_its_own_language_under_a_c_locale(cli, tmp_path):
    """cron and CI run under LANG=C: the per-unit 台账 of a repository made by `plancli init` (which
    declares `lang: zh`) still go out with Chinese headings and a Chinese status drop-down."""
    from openpyxl import load_workbook

    root = tmp_path / "repo"
    assert cli("init", str(root)).code == 0
    assert "\nlang: zh\n" in (root / "registry.yaml").read_text(encoding="utf-8")
    env = {"PLANCLI_LANG": "", "LC_ALL": "C", "LC_MESSAGES": "", "LANG": "C"}
    r = cli("export", "--registry", str(root / "registry.yaml"), "--format", "xlsx", "--per-unit",
            "--unit", "省大数据局", "-o", str(tmp_path / "out"), env=env)
    assert r.code == 0, r.err
    ws = load_workbook(tmp_path / "out" / "省大数据局.xlsx").active
    heads = [c.value for c in ws[3]]
    assert heads[:2] == ["编号", "计划"] and "完成情况" in heads and "Status reported" not in heads
    assert "已达标" in ws.data_validations.dataValidation[0].formula1
    # --lang still decides for one run
    r = cli("export", "--registry", str(root / "registry.yaml"), "--format", "xlsx", "--per-unit",
            "--unit", "省大数据局", "-o", str(tmp_path / "en"), "--lang", "en", env=env)
    assert r.code == 0 and load_workbook(tmp_path / "en" / "省大数据局.xlsx").active["A3"].value == "ID"
