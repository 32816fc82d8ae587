"""The layers of docs/architecture.md, checked on the real import graph of plancli/.

The table in docs/architecture.md is the one statement of the layers: its row order is the layer order
and its last column the packages each one imports. The graph is read with ``ast`` from every file
(imports inside functions included), so a lazy upward import fails as surely as a top-level one.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from .conftest import ROOT

PKG = ROOT / "plancli"
DOC = ROOT / "docs" / "architecture.md"
ROOT_NAMES = {"__init__", "__main__", "__version__", "data"}  # the package root and the shipped data
TERMINAL = {"rich", "tabulate"}
CLI_ONLY = {"typer", "click"}
STATUS_WORDS = {"overdue", "due_soon", "upcoming", "in_progress", "met", "done", "missed"}


def layer_table(doc: Path = DOC) -> list[tuple[str, set[str]]]:
    """(package, the packages it imports) for each row of the layer table, in layer order."""
    rows = []
    for line in doc.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*(\d+)\s*\|\s*`([a-z_]+)/?`\s*\|[^|]*\|\s*([^|]*)\|\s*$", line)
        if m:
            deps = {d.strip() for d in m.group(3).split(",") if d.strip() not in ("", "—")}
            rows.append((m.group(2), deps))
    return rows


def package_of(path: Path, root: Path) -> str:
    """The top-level package (or module) of plancli that a file belongs to."""
    return path.relative_to(root).parts[0].removesuffix(".py")


def imports_of(path: Path, root: Path = PKG) -> tuple[set[str], set[str], list[str]]:
    """(plancli packages imported, third-party roots imported, private names imported) of one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg_parts = list(path.relative_to(root).parent.parts)
    ours: set[str] = set()
    theirs: set[str] = set()
    private: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == "plancli":
                    ours.add(parts[1] if len(parts) > 1 else "__init__")
                else:
                    theirs.add(parts[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[: len(pkg_parts) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
                if target:
                    ours.add(target[0])
                else:  # from . import x (at the package root)
                    ours |= {a.name for a in node.names}
            elif node.module:
                parts = node.module.split(".")
                if parts[0] == "plancli":
                    ours.add(parts[1] if len(parts) > 1 else "__init__")
                else:
                    theirs.add(parts[0])
            private += [f"{node.module}.{a.name}" for a in node.names
                        if a.name.startswith("_") and not a.name.startswith("__")]
    return ours, theirs, private


def import_graph(root: Path = PKG) -> dict[str, set[str]]:
    """package → the other plancli packages its files import."""
    graph: dict[str, set[str]] = {}
    for p in sorted(root.rglob("*.py")):
        pkg = package_of(p, root)
        ours, _, _ = imports_of(p, root)
        graph.setdefault(pkg, set()).update(ours - {pkg})
    return graph


def violations(graph: dict[str, set[str]], table: list[tuple[str, set[str]]]) -> list[str]:
    """Every import that goes up a layer or that the table does not list, and every listed import the
    code no longer makes."""
    order = {name: i for i, (name, _) in enumerate(table)}
    listed = dict(table)
    out = []
    for pkg, deps in sorted(graph.items()):
        if pkg in ROOT_NAMES:
            continue
        if pkg not in order:
            out.append(f"{pkg}: not in the layer table of docs/architecture.md")
            continue
        real = deps - ROOT_NAMES
        for d in sorted(real):
            if d not in order:
                out.append(f"{pkg} imports {d}, which is in no layer")
            elif order[d] >= order[pkg]:
                out.append(f"{pkg} (layer {order[pkg] + 1}) imports {d} (layer {order[d] + 1}): an upward import")
        if real != listed[pkg]:
            out.append(f"{pkg}: the table says it imports {sorted(listed[pkg])}, the code imports {sorted(real)}")
    for name in order:
        if name not in graph:
            out.append(f"{name}: in the layer table but not in plancli/")
    return out


FILES = sorted(PKG.rglob("*.py"))


def _name(p: Path) -> str:
    return p.relative_to(PKG).as_posix()


def test_the_code_keeps_to_the_layer_table():
    assert violations(import_graph(), layer_table()) == []


def test_the_table_is_in_layer_order_and_imports_only_what_is_above():
    table = layer_table()
    assert len(table) >= 10
    seen: set[str] = set()
    for name, deps in table:
        assert deps <= seen, f"{name} lists {sorted(deps - seen)}, which are not above it"
        seen.add(name)


def test_the_checker_sees_an_upward_import(tmp_path):
    """Plant an upward import (a reader importing the query layer, lazily) in a copy of the tree."""
    fake = tmp_path / "plancli"
    for p in FILES:
        dst = fake / p.relative_to(PKG)
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    deadline = fake / "text" / "deadline.py"
    deadline.write_text(deadline.read_text(encoding="utf-8") + "\n\ndef _x():\n    from ..query import rows  # noqa\n",
                        encoding="utf-8")
    found = violations(import_graph(fake), layer_table())
    assert any("text (layer 5) imports query (layer 10): an upward import" in v for v in found), found


def test_the_checker_sees_a_table_that_lies(tmp_path):
    doc = tmp_path / "architecture.md"
    doc.write_text(DOC.read_text(encoding="utf-8").replace(
        "| words, vocabulary, text, registry, ledger |", "| words, vocabulary, yamlio, text, registry, ledger |"), encoding="utf-8")
    found = violations(import_graph(), layer_table(doc))
    assert any(v.startswith("query: the table says") for v in found), found


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_terminal_libraries_stay_at_the_edge(path):
    pkg = package_of(path, PKG)
    _, theirs, _ = imports_of(path)
    if pkg != "cli":
        assert not theirs & CLI_ONLY, f"{_name(path)} imports {theirs & CLI_ONLY}"
    if pkg not in ("cli", "output"):
        assert not theirs & TERMINAL, f"{_name(path)} imports {theirs & TERMINAL}"


@pytest.mark.parametrize("path", FILES, ids=_name)
def test_no_private_name_crosses_a_module(path):
    _, _, private = imports_of(path)
    assert private == [], f"{_name(path)} imports private names {private}"


@pytest.mark.parametrize("path", [p for p in FILES if p.name != "vocabulary.py"], ids=_name)
def test_statuses_are_listed_only_in_the_vocabulary(path):
    """A tuple/list/set naming three or more statuses (or a dict keyed by three) spells the vocabulary
    again; use plancli.vocabulary's orders and sets instead. (Two can be row keys that happen to be
    status names, such as a bulletin's ``missed`` and ``overdue`` columns.)"""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            named = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in STATUS_WORDS]
            assert len(named) < 3, f"{_name(path)}:{node.lineno} lists statuses {named}"
        elif isinstance(node, ast.Dict):
            named = [k.value for k in node.keys if isinstance(k, ast.Constant) and k.value in STATUS_WORDS]
            assert len(named) < 3, f"{_name(path)}:{node.lineno} keys a dict by statuses {named}"


def test_every_domain_error_derives_from_the_one_base():
    from plancli.errors import PlancliError

    found = []
    for p in FILES:
        if p.name == "__main__.py":
            continue
        rel = p.relative_to(PKG).with_suffix("")
        name = ".".join(("plancli", *rel.parts)).removesuffix(".__init__")
        mod = importlib.import_module(name)
        for obj in vars(mod).values():
            if isinstance(obj, type) and obj.__name__.endswith("Error") and obj.__module__ == mod.__name__:
                found.append(obj)
                assert issubclass(obj, PlancliError), obj
    assert len(found) >= 10  # RegistryError, DeadlineError and its kinds, QuantityError, UnitError, …


def test_top_level_stays_small():
    """Layers live in subpackages; the top level holds only what every layer shares."""
    modules = [p.name for p in PKG.glob("*.py")]
    assert len(modules) <= 12, modules


# The row engine and the counts live in query/; output/ renders what the CLI hands it (hledger's
# reports are pure functions over the journal; a renderer never runs one).
ROW_ENGINE = {"occurrence_rows", "entry_rows", "overdue_rows", "export_rows", "select_entries", "tally",
              "report_counts", "digest", "bulletin", "report", "entry_detail"}


@pytest.mark.parametrize("path", sorted((PKG / "output").rglob("*.py")), ids=_name)
def test_output_never_runs_a_query(path):
    called = {n.func.id if isinstance(n.func, ast.Name) else n.func.attr
              for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)
              and isinstance(n.func, ast.Name | ast.Attribute)}
    imported = {a.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(n, ast.ImportFrom) and "query" in (n.module or "").split(".") for a in n.names}
    assert not (called & imported & ROW_ENGINE), f"{path.name} runs {sorted(called & imported & ROW_ENGINE)}"


def test_the_output_check_sees_a_renderer_that_queries(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from ..query.rows import occurrence_rows\n\ndef page(reg, f):\n    return occurrence_rows(reg, f)\n",
                   encoding="utf-8")
    with pytest.raises(AssertionError, match="runs \\['occurrence_rows'\\]"):
        test_output_never_runs_a_query(bad)


CJK = re.compile(r"[\u4e00-\u9fff]")
WORDS_DIR = PKG / "words"


def _language_leaks(path: Path) -> list[str]:
    """(Chinese, English) pairs of strings and `lang == "zh"` branches: words that belong in the catalogue."""
    found = []
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Tuple) and len(n.elts) == 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in n.elts):
            zh, en = (e.value for e in n.elts)
            if CJK.search(zh) and re.search(r"[A-Za-z]{2,}", en) and not CJK.search(en):
                found.append(f"{path.name}:{n.lineno}: the pair {zh!r}, {en!r}")
        if (isinstance(n, ast.Compare) and isinstance(n.left, ast.Name) and "lang" in n.left.id
                and any(isinstance(c, ast.Constant) and c.value in ("zh", "en") for c in n.comparators)):
            found.append(f"{path.name}:{n.lineno}: a branch on the language")
    return found


@pytest.mark.parametrize("path", [p for p in FILES if WORDS_DIR not in p.parents
                                  and p.name not in ("language.py",)], ids=_name)
def test_words_live_in_the_catalogue(path):
    """A label pair or a `lang == "zh"` branch outside plancli/words is a word said in two places;
    output.language (which chooses the language) and words.keeps_codes (the one policy) are the exceptions."""
    assert _language_leaks(path) == []


def test_the_words_check_sees_a_pair_and_a_branch(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('HEAD = ("已逾期", "overdue")\n\ndef f(lang):\n    return "：" if lang == "zh" else ": "\n',
                   encoding="utf-8")
    assert len(_language_leaks(bad)) == 2


# plancli's own error classes (every one derives from PlancliError: checked above); builtins and other
# libraries' errors (smtplib's, PyYAML's) carry their own words.
OUR_ERRORS = {n.name for p in FILES for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
              if isinstance(n, ast.ClassDef) and n.name.endswith("Error")}


def _raised_codes(path: Path) -> list[tuple[int, str, str]]:
    """(line, error class, first argument) of every plancli error built with a written first argument:
    a string is a catalogue code; an f-string's fixed head must begin one."""
    found = []
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(n, ast.Call) and n.args):
            continue
        name = n.func.id if isinstance(n.func, ast.Name) else n.func.attr if isinstance(n.func, ast.Attribute) else ""
        if name not in OUR_ERRORS:
            continue
        first = n.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((n.lineno, name, first.value))
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            found.append((n.lineno, name, first.values[0].value + "…"))
    return found


@pytest.mark.parametrize("path", [p for p in FILES if WORDS_DIR not in p.parents], ids=_name)
def test_errors_carry_catalogue_codes(path):
    """The core raises a code and fields, never prose: every plancli error built with a written message
    names an entry of the catalogue (an f-string names the start of one), so the CLI edge can say it
    in the reader's language."""
    from plancli.words import catalogue

    codes = catalogue()
    bad = []
    for line, name, arg in _raised_codes(path):
        if arg.endswith("…"):
            head = arg[:-1]
            ok = "." in head and any(c.startswith(head) for c in codes)
        else:
            ok = arg in codes
        if not ok:
            bad.append(f"{path.name}:{line}: {name}({arg!r}) is not a code of the catalogue")
    assert bad == []


def test_the_code_check_sees_prose(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('def f(p):\n    raise LedgerError("the ledger is broken")\n\n'
                   'def g(w):\n    raise LedgerError(f"no such {w}")\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="is not a code"):
        test_errors_carry_catalogue_codes(bad)
    assert sum(len(_raised_codes(p)) for p in FILES) > 200  # the check reads the real raises, not none
