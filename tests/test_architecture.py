"""The import rules of docs/architecture.md, checked on the real modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "plancli"
READERS = {"errors", "yamlfile", "yamlevents", "yamlblock", "cache", "model", "registry", "deadline",
           "values", "actuals", "units", "sourcetext", "fsutil"}
UPPER = {"query", "names", "counts", "checks", "coverage", "ledger", "recording", "workspace", "report", "export", "render",
         "cli"}


def _modules() -> dict[str, Path]:
    out = {}
    for p in PKG.rglob("*.py"):
        rel = p.relative_to(PKG).with_suffix("")
        out[".".join(rel.parts).removesuffix(".__init__") or "__init__"] = p
    return out


def imports_of(path: Path, root: Path = PKG) -> set[str]:
    """Top-level names a module imports: third-party roots and plancli module names (relative or not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pkg_parts = path.relative_to(root).parent.parts
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
            names |= {a.name.split(".")[1] for a in node.names if a.name.startswith("plancli.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(pkg_parts[: len(pkg_parts) - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                if target:
                    names.add(target[0])
                else:  # from . import x
                    names |= {a.name for a in node.names}
            elif node.module:
                parts = node.module.split(".")
                names.add(parts[1] if parts[0] == "plancli" and len(parts) > 1 else parts[0])
    return names


MODULES = _modules()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_terminal_libraries_stay_at_the_edge(name):
    used = imports_of(MODULES[name])
    if not name.startswith("cli"):
        assert "typer" not in used, f"{name} imports typer"
    if not (name.startswith("cli") or name == "render"):
        assert not used & {"rich", "tabulate"}, f"{name} imports {used & {'rich', 'tabulate'}}"


@pytest.mark.parametrize("name", sorted(READERS))
def test_readers_never_import_the_layers_above(name):
    assert name in MODULES, f"docs/architecture.md names a module that does not exist: {name}"
    assert not imports_of(MODULES[name]) & UPPER, f"{name} imports {imports_of(MODULES[name]) & UPPER}"


def test_the_rule_checker_sees_a_violation(tmp_path):
    """The checker itself must catch a core module importing typer, directly or lazily."""
    fake = PKG / "deadline.py"
    text = fake.read_text(encoding="utf-8") + "\n\ndef _x():\n    import typer  # noqa\n"
    bad = tmp_path / "plancli" / "deadline.py"
    bad.parent.mkdir()
    bad.write_text(text, encoding="utf-8")
    assert "typer" in imports_of(bad, tmp_path / "plancli")
    rel = tmp_path / "plancli" / "cli" / "x.py"
    rel.parent.mkdir()
    rel.write_text("from ..query import Filters\nfrom . import app\n", encoding="utf-8")
    assert {"query", "cli"} <= imports_of(rel, tmp_path / "plancli")


def test_every_domain_error_derives_from_the_one_base():
    import importlib

    from plancli.errors import PlancliError

    found = []
    for name in MODULES:
        if name == "__main__":
            continue
        mod = importlib.import_module(f"plancli.{name}" if name != "__init__" else "plancli")
        for obj in vars(mod).values():
            if isinstance(obj, type) and obj.__name__.endswith("Error") and obj.__module__ == mod.__name__:
                found.append(obj)
                assert issubclass(obj, PlancliError), obj
    assert len(found) >= 7  # RegistryError, DeadlineError, QuantityError, UnitError, QueryError, LedgerError, …


def test_no_module_is_too_long():
    for name, p in MODULES.items():
        n = len(p.read_text(encoding="utf-8").splitlines())
        assert n <= 460, f"{name} has {n} lines; split it by what it holds"
