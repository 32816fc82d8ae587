"""The fast path (docs/cli.md): a listing with ordinary options runs without typer and answers exactly
as the typer application does; anything the fast parser is not sure of goes to typer unchanged.

Every argv of the table runs through both paths in-process (``run(args, fast=True)`` and
``fast=False``) and must give the same stdout, stderr and exit code, byte for byte; the parser's choice
of path is part of each case. The keywords the fast path passes a command are compared with those
typer passes it, and subprocesses check that the fast path imports no typer, click or rich.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest

from plancli.cli.commands import COMMANDS, load_commands
from plancli.cli.edge import run
from plancli.cli.fastpath import COMPLETE_VAR, parse
from plancli.ledger.record import Record, record_line
from plancli.ledger.storage import HEADER

from .conftest import ROOT

FAST, TYPER = "fast", "typer"

# (argv, environment changes (None unsets), the path the parser must choose). {tiny}: a five-entry
# registry; {ledger}: a ledger of it with records, an unknown item and bare recurring ids (warnings);
# {missing}: no such file; {bad}: a registry that does not parse. Without --registry: the shipped one.
CASES = [
    # the listings, every format, the shipped registry
    (["due"], {}, FAST),
    (["due", "--unit", "省大数据局", "--format", "json"], {}, FAST),
    (["due", "-u", "省大数据局", "-f", "csv"], {}, FAST),
    (["due", "--unit=省大数据局", "--format=md"], {}, FAST),
    (["due", "--unit", "省大数据局", "--format", "table"], {}, FAST),
    (["due", "--unit", "省大数据局", "--format", "plain", "--lang", "zh"], {}, FAST),
    (["due", "--unit", "省大数据局", "--format", "table", "--lang", "zh"], {}, FAST),
    (["due", "--unit", "大数据"], {}, FAST),  # a part of one unit's name: said on stderr which unit
    (["due", "--unit", "省科技厅", "--unit", "省大数据局", "--role", "lead", "--format", "json"], {}, FAST),
    (["due", "--unit", "省科技厅", "--role", "support", "--within", "30d", "--format", "csv"], {}, FAST),
    (["due", "--within", "2m", "--format", "json"], {}, FAST),
    (["due", "--status", "overdue", "--status", "due_soon", "--format", "plain"], {}, FAST),
    (["due", "-s", "upcoming", "-l", "green", "--format", "json"], {}, FAST),
    (["due", "--light", "red", "--light", "yellow", "--format", "csv"], {}, FAST),
    (["due", "--kind", "milestone", "--plan", "kjyf", "--format", "json"], {}, FAST),
    (["due", "-p", "数字变革", "--all-docs", "--format", "md"], {}, FAST),
    (["due", "--doc", "鲁政发〔2024〕5号", "--format", "json"], {}, FAST),
    (["due", "-d", "no-such-doc"], {}, FAST),
    (["due", "--before", "2024-12-31", "--after", "2024-06-01", "--format", "json"], {}, FAST),
    (["due", "--as-of", "2025-06-30", "--soon", "30d", "--format", "plain"], {}, FAST),
    (["due", "--as-of", "today", "--format", "json"], {}, FAST),
    (["overdue", "--format", "json"], {}, FAST),
    (["overdue", "--fail", "--format", "plain"], {}, FAST),
    (["overdue", "--fail", "--unit", "省大数据局", "--format", "csv", "--lang", "zh"], {}, FAST),
    (["overdue", "--plan", "fxfk", "--format", "table"], {}, FAST),
    (["list", "--plan", "kjyf", "--kind", "target", "--format", "csv"], {}, FAST),
    (["list", "--format", "md", "--lang", "zh"], {}, FAST),
    (["list", "--unit", "省大数据局", "--format", "table", "--lang", "en"], {}, FAST),
    (["stats"], {}, FAST),
    (["stats", "--by", "unit", "--format", "json"], {}, FAST),
    (["stats", "--by", "plan", "--format", "table", "--lang", "zh"], {}, FAST),
    (["stats", "--unit", "省大数据局", "--format", "csv"], {}, FAST),
    (["show", "szbg-001"], {}, FAST),
    (["show", "szbg-001", "--format", "json"], {}, FAST),
    (["show", "kjyf-001@2024", "--lang", "zh", "--format", "table"], {}, FAST),
    (["show", "--format", "md", "kjyf-002"], {}, FAST),
    (["show", "nope-999"], {}, FAST),
    (["plans", "--format", "json"], {}, FAST),
    (["plans", "--lang", "zh", "--soon", "30d"], {}, FAST),
    (["units", "--all", "--format", "csv"], {}, FAST),
    (["units", "--lang", "zh", "--format", "table"], {}, FAST),
    (["docs", "--format", "json", "--as-of", "2025-01-01"], {}, FAST),
    (["docs", "--lang", "zh"], {}, FAST),
    # input the core refuses: one line on stderr, exit 2
    (["due", "--unit", "不存在的单位"], {}, FAST),
    (["due", "--unit", "不存在的单位", "--lang", "zh"], {}, FAST),
    (["due", "--before", "2024-13-01"], {}, FAST),
    (["due", "--after", "明天"], {}, FAST),
    (["due", "--within", "3x"], {}, FAST),
    (["due", "--within", "99999999y"], {}, FAST),
    (["due", "--soon", "0"], {}, FAST),
    (["due", "--as-of", "2024-02-30", "--format", "json"], {}, FAST),
    (["due", "--lang", "xx"], {}, FAST),
    (["due", "--plan", "no-such-plan", "--lang", "zh"], {}, FAST),
    # registries and ledgers: given, missing, malformed, with warnings
    (["due", "--registry", "{tiny}", "--progress", "{ledger}", "--format", "json"], {}, FAST),
    (["due", "--registry", "{tiny}", "--progress", "{ledger}", "--format", "table", "--lang", "zh"], {}, FAST),
    (["overdue", "--registry", "{tiny}", "--progress", "{ledger}", "--fail"], {}, FAST),
    (["list", "--registry", "{tiny}", "--progress", "{ledger}", "--format", "csv"], {}, FAST),
    (["stats", "--registry", "{tiny}", "--progress", "{ledger}", "--by", "unit", "--format", "json"], {}, FAST),
    (["show", "test-001", "--registry", "{tiny}", "--progress", "{ledger}"], {}, FAST),
    (["show", "test-003@2024", "--registry", "{tiny}", "--progress", "{ledger}", "--format", "json"], {}, FAST),
    (["plans", "--registry", "{tiny}", "--progress", "{ledger}", "--format", "json"], {}, FAST),
    (["docs", "--registry", "{tiny}", "--progress", "{ledger}"], {}, FAST),
    (["units", "--registry", "{tiny}", "--all"], {}, FAST),
    (["due", "--registry", "{missing}"], {}, FAST),
    (["due", "--registry", "{missing}", "--lang", "zh"], {}, FAST),
    (["show", "test-001", "--registry", "{bad}"], {}, FAST),
    (["due", "--registry", "{bad}", "--format", "json"], {}, FAST),
    (["due", "--registry", "{tiny}", "--progress", "{missing}"], {}, FAST),
    (["due", "--registry", "{tiny}", "--progress", "{bad}"], {}, FAST),
    (["due", "--registry", "{dir}"], {}, FAST),
    # the environment plancli reads
    (["due", "--format", "json"], {"PLANCLI_REGISTRY": "{tiny}", "PLANCLI_PROGRESS": "{ledger}"}, FAST),
    (["due", "--format", "json", "--registry", "{tiny}"], {"PLANCLI_REGISTRY": "{missing}"}, FAST),
    (["stats", "--format", "json"], {"PLANCLI_REGISTRY": "{missing}"}, FAST),
    (["due", "--format", "json"], {"PLANCLI_REGISTRY": ""}, FAST),  # empty: unset, as click reads it
    (["due", "--format", "json"], {"PLANCLI_TODAY": "2025-03-15"}, FAST),
    (["due", "--format", "json", "--as-of", "2024-06-01"], {"PLANCLI_TODAY": "2025-03-15"}, FAST),
    (["due", "--format", "json"], {"PLANCLI_TODAY": "not a date"}, FAST),
    (["due", "--format", "json"], {"PLANCLI_TODAY": "-1"}, TYPER),  # like an option: typer reads it
    (["due", "--unit", "省大数据局"], {"PLANCLI_LANG": "zh"}, FAST),
    (["due", "--unit", "省大数据局"], {"PLANCLI_LANG": None, "LC_ALL": None, "LC_MESSAGES": None,
                                       "LANG": "zh_CN.UTF-8"}, FAST),
    (["due", "--unit", "不存在的单位"], {"PLANCLI_LANG": "zh"}, FAST),
    (["due", "--format", "table"], {"NO_COLOR": None, "COLUMNS": "200"}, FAST),
    (["list", "--format", "table", "--lang", "zh"], {"COLUMNS": "80"}, FAST),
    # what the fast parser is not sure of: typer reads it, with its own help and usage errors
    (["due", "--help"], {}, TYPER),
    (["due", "-h"], {}, TYPER),
    (["due", "--unit", "省大数据局", "--help"], {}, TYPER),
    (["due", "--format", "JSON"], {}, TYPER),
    (["due", "--format", "yaml"], {}, TYPER),
    (["due", "--status", "bogus"], {}, TYPER),
    (["due", "--role", "LEAD"], {}, TYPER),
    (["due", "--unit"], {}, TYPER),
    (["due", "--unit", ""], {}, TYPER),
    (["due", "--unit="], {}, TYPER),
    (["due", "--unit", "-x"], {}, TYPER),
    (["due", "-u省大数据局"], {}, TYPER),
    (["due", "--", "--unit", "x"], {}, TYPER),
    (["due", "--bogus"], {}, TYPER),
    (["due", "--version"], {}, TYPER),
    (["due", "--format", "json", "--format", "csv"], {}, TYPER),
    (["units", "--all", "--all"], {}, TYPER),
    (["due", "--all-docs=yes"], {}, TYPER),
    (["due", "stray"], {}, TYPER),
    (["due", "-"], {}, TYPER),
    (["show"], {}, TYPER),
    (["show", "szbg-001", "szbg-002"], {}, TYPER),
    (["show", ""], {}, TYPER),
    (["--version"], {}, TYPER),
    (["--help"], {}, TYPER),
    ([], {}, TYPER),
    (["no-such-command"], {}, TYPER),
    (["validate", "--format", "json"], {}, TYPER),  # not a listing: always typer
    (["parse-deadline", "2024年10月底前", "--format", "plain"], {}, TYPER),
]


# A value of each text and path option of the fast commands, for the cases made from the table below.
VALUES = {"unit": "省大数据局", "plan": "kjyf", "doc": "鲁政发〔2024〕5号", "before": "2025-06-30", "after": "2024-11-01",
          "within": "2m", "as_of": "2025-01-15", "soon": "30d", "lang": "zh", "registry": "{tiny}",
          "progress": "{ledger}"}


def _option_cases() -> list[tuple[list[str], dict, str]]:
    """One case per option name of every fast command in the generated table, and per value of a
    choice: every option the fast path reads is run through both paths (a new option needs a value in
    VALUES, or a choice, and is then tried here without another line)."""
    from plancli.cli import selection
    from plancli.cli.fastpath_table import COMMANDS as TABLE

    out = []
    for name, (_, arguments, options) in TABLE.items():
        for param, names, kind, _, _, _ in options:
            if kind == "flag":
                values: list = [None]
            elif kind in ("text", "path"):
                values = [VALUES[param]]
            else:
                values = [m.value for m in getattr(selection, kind)]
            for i, opt in enumerate(names):
                for v in values if i == 0 else values[:1]:
                    argv = [name, opt] if v is None else [name, opt, v]
                    if arguments:  # show's ID, in the registry the case reads
                        argv.insert(1, "test-001" if param == "registry" else "kjyf-001")
                    if param not in ("unit", "registry") and any(o[0] == "unit" for o in options):
                        argv += ["--unit", "省科技厅"]  # a short answer: the case is about the option
                    out.append((argv, {}, FAST))
    return out


OPTION_CASES = _option_cases()


@pytest.fixture
def world(tiny: Path, tmp_path: Path) -> dict[str, str]:
    """The files the cases name: a ledger with records and problems, a missing and a malformed file."""
    lines = [record_line(r) for r in (
        Record("test-004", "done", on=None, recorded_at="2024-10-08T09:00:00+08:00", rid="a1"),
        Record("test-001", "in_progress", actual=30000, actual_text="3 万家", recorded_at="2024-09-30T09:00:00+08:00",
               rid="a2"),
        Record("test-003@2024", "met", actual=21, actual_text="21 项", recorded_at="2024-10-01T09:00:00+08:00", rid="a3"),
        Record("zz-001", "done", recorded_at="2024-06-01T09:00:00+08:00", rid="a4"),  # no such item
        *(Record("test-003", "in_progress", recorded_at="2024-06-02T09:00:00+08:00", rid=f"b{k}") for k in range(5)),
    )]
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(HEADER + "".join(lines), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - id: x\n    id: y\n  - [unclosed\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {"tiny": str(tiny), "ledger": str(ledger), "missing": str(tmp_path / "missing.yaml"), "bad": str(bad),
            "dir": str(tmp_path / "folder")}


@pytest.fixture
def env(monkeypatch):
    """The suite's usual environment (as the ``cli`` fixture), with a case's changes on top."""
    for k in ("PLANCLI_REGISTRY", "PLANCLI_PROGRESS", COMPLETE_VAR):
        monkeypatch.delenv(k, raising=False)
    base = {"PLANCLI_TODAY": "2024-10-20", "NO_COLOR": "1", "PLANCLI_LANG": "en"}

    def _set(changes: dict, world: dict) -> None:
        for k, v in {**base, **changes}.items():
            if v is None:
                monkeypatch.delenv(k, raising=False)
            else:
                monkeypatch.setenv(k, v.format(**world))

    return _set


def _run(args: list[str], fast: bool, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(list(args), fast=fast)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("argv", "changes", "route"), CASES + OPTION_CASES,
                         ids=[" ".join(c[0]) or "(none)" for c in CASES + OPTION_CASES])
def test_both_paths_answer_byte_for_byte_alike(argv, changes, route, world, env, capsys):
    env(changes, world)
    args = [a.format(**world) for a in argv]
    assert (parse(args) is not None) == (route == FAST)
    fast = _run(args, True, capsys)
    typer = _run(args, False, capsys)
    assert fast == typer
    if route == FAST:  # a listing's answer (maybe nothing), or the core's one-line refusal
        assert fast[0] in (0, 1, 2)
        if (argv, changes, route) in CASES:  # the hand-written cases each say something
            assert fast[1] or fast[2]
        if fast[0] == 2:
            assert fast[1] == "" and len(fast[2].splitlines()) == 1 and fast[2].startswith("plancli: error: ")


def _typer_keywords(args: list[str], monkeypatch) -> dict:
    """The keywords typer calls the command of ``args`` with."""
    from plancli.cli.application import invoke

    load_commands([args[0]])
    real, settings = COMMANDS[args[0]]
    seen: dict = {}

    @functools.wraps(real)  # the same signature typer builds from (and a listing's Selection mark)
    def spy(**kw):
        seen.update(kw)
        return 0

    monkeypatch.setitem(COMMANDS, args[0], (spy, settings))
    assert invoke(args) == 0
    return seen


@pytest.mark.parametrize(("argv", "changes"), [(a, c) for a, c, route in CASES + OPTION_CASES if route == FAST],
                         ids=[" ".join(a) for a, _, route in CASES + OPTION_CASES if route == FAST])
def test_the_fast_path_passes_the_keywords_typer_passes(argv, changes, world, env, monkeypatch):
    env(changes, world)
    args = [a.format(**world) for a in argv]
    call = parse(args)
    fast = call.args[2]
    typer = _typer_keywords(args, monkeypatch)
    assert fast == typer
    assert {k: type(v) for k, v in fast.items()} == {k: type(v) for k, v in typer.items()}
    for k, v in fast.items():  # list items too: Status members, not their texts
        if isinstance(v, list):
            assert [type(x) for x in v] == [type(x) for x in typer[k]]


def test_shell_completion_goes_to_typer(monkeypatch):
    assert parse(["due", "--unit", "x"]) is not None
    monkeypatch.setenv(COMPLETE_VAR, "complete_bash")
    assert parse(["due", "--unit", "x"]) is None


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_registry_is_typer_s_usage_error(tmp_path, monkeypatch, capsys):
    p = tmp_path / "targets.yaml"
    p.write_text("entries: []\n", encoding="utf-8")
    p.chmod(0)
    assert parse(["due", "--registry", str(p)]) is None
    code, _, err = _run(["due", "--registry", str(p)], True, capsys)
    assert code == 2 and "is not readable" in err


def test_the_table_is_generated_from_the_typer_commands():
    """fastpath_table.py is what fastpath_gen writes from the typer commands as they are now: an option
    added, renamed or changed in a listing without `make fastpath-table` fails here."""
    from plancli.cli import fastpath_gen

    assert fastpath_gen.TABLE.read_text(encoding="utf-8") == fastpath_gen.render(), \
        "plancli/cli/fastpath_table.py is stale: run `make fastpath-table`"


def test_the_generator_refuses_what_the_fast_path_cannot_read(monkeypatch):
    """A parameter of a shape the fast parser does not read (here a count) stops the generation."""
    import typer

    from plancli.cli import fastpath_gen

    load_commands(["units"])
    real, settings = COMMANDS["units"]

    def units(verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0) -> None:
        """List units."""

    monkeypatch.setitem(COMMANDS, "units", (units, settings))
    with pytest.raises(fastpath_gen.NotFast, match="units verbose"):
        fastpath_gen.describe("units")


_PROBE = """
import atexit, json, sys
out = sys.argv[1]
def report():
    with open(out, "w") as f:
        json.dump(sorted(m for m in sys.modules if m.split(".")[0] in ("typer", "click", "rich")), f)
atexit.register(report)
sys.argv = ["plancli", *sys.argv[2:]]
from plancli.cli import main
main()
"""


def _probe(tmp_path: Path, *args: str, env: dict | None = None) -> tuple[subprocess.CompletedProcess, list[str]]:
    mods = tmp_path / "modules.json"
    e = {**os.environ, "PLANCLI_TODAY": "2024-10-20", "PLANCLI_LANG": "en", **(env or {})}
    e.pop(COMPLETE_VAR, None)
    r = subprocess.run([sys.executable, "-c", _PROBE, str(mods), *args], capture_output=True, text=True,
                       encoding="utf-8", check=False, env=e, cwd=str(tmp_path))
    return r, json.loads(mods.read_text(encoding="utf-8"))


@pytest.mark.parametrize("args", [
    ("due", "--unit", "省大数据局", "--format", "json"),
    ("due", "-u", "省大数据局", "--within", "2m"),
    ("overdue", "--format", "csv", "--lang", "zh"),
    ("list", "--plan", "kjyf", "--format", "plain"),
    ("stats", "--by", "unit", "--format", "json"),
    ("show", "szbg-001", "--format", "json"),
    ("plans", "--format", "md"),
    ("units", "--all", "--format", "csv"),
    ("docs", "--format", "json"),
])
def test_the_fast_path_imports_no_typer_click_or_rich(tmp_path, args):
    r, mods = _probe(tmp_path, *args)
    assert r.returncode == 0 and r.stdout and r.stderr == ""
    assert mods == []


def test_a_refusal_on_the_fast_path_is_one_line_without_typer(tmp_path):
    r, mods = _probe(tmp_path, "due", "--unit", "不存在的单位", "--lang", "zh")
    assert (r.returncode, r.stdout, mods) == (2, "", [])
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("plancli: error: ") and "不存在的单位" in r.stderr


def test_the_probe_sees_typer_when_typer_runs(tmp_path):
    """The check above can fail: help comes from typer, which the probe sees imported."""
    r, mods = _probe(tmp_path, "due", "--help")
    assert r.returncode == 0 and "Usage: plancli due" in r.stdout
    assert "typer" in mods


_TTY = """
import os, pty, subprocess, sys
leader, follower = pty.openpty()
env = {**os.environ, "COLUMNS": "120", "LINES": "50", "TERM": "xterm-256color"}
env.pop("NO_COLOR", None)
code = ("import sys; from plancli.cli import main; main(sys.argv[2:], fast=sys.argv[1] == 'fast')")
p = subprocess.Popen([sys.executable, "-c", code, sys.argv[1], *sys.argv[2:]], stdout=follower, stderr=follower, env=env)
os.close(follower)
out = b""
while True:
    try:
        chunk = os.read(leader, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
sys.stdout.buffer.write(out + b"\\nrc=%d" % p.wait())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
@pytest.mark.parametrize("args", [("due", "--unit", "省大数据局"), ("overdue", "--lang", "zh"), ("stats",),
                                  ("due", "--unit", "不存在的单位")])
def test_on_a_terminal_both_paths_draw_the_same(tmp_path, args):
    """A terminal gets a table (colours, the terminal's width, the footnotes, ``nothing matched``):
    the same bytes from both paths."""
    def drawn(path: str) -> bytes:
        e = {**os.environ, "PLANCLI_TODAY": "2024-10-20", "PLANCLI_LANG": "en"}
        return subprocess.run([sys.executable, "-c", _TTY, path, *args], capture_output=True, check=True, env=e,
                              cwd=str(tmp_path), timeout=120).stdout

    fast = drawn("fast")
    assert fast == drawn("typer")
    assert b"\x1b[" in fast or b"rc=2" in fast  # a coloured table, or the refusal


def test_the_fast_commands_are_those_of_modules_without_typer():
    """Every command the table names lives in a module the generator lists as typer-free, and its
    module imports nothing of typer's (the subprocess checks above run each command)."""
    from plancli.cli.commands import COMMAND_MODULES
    from plancli.cli.fastpath_gen import FAST_MODULES
    from plancli.cli.fastpath_table import COMMANDS as TABLE

    assert set(TABLE) == {name for name, mod in COMMAND_MODULES.items() if mod in FAST_MODULES}
    for mod in FAST_MODULES:
        src = (ROOT / "plancli" / "cli" / f"{mod}.py").read_text(encoding="utf-8")
        top = src.split("\nif TYPE_CHECKING:", 1)[0]
        assert "import typer" not in top and "from .application" not in top and "from .options" not in top
