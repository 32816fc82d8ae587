"""Packaging: the wheel carries the registry, unit table and source, and never a progress ledger."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_has_the_data_and_no_ledger_or_lock(tmp_path: Path):
    # Build from a copy in which a ledger and its lock sit beside the registry, as they do in a
    # checkout where someone has run `plancli record` (issue 8: package-data '*.yaml' packed it).
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "plancli", src / "plancli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", src / "data", ignore=shutil.ignore_patterns("__pycache__", "progress.yaml*"))
    (src / "data" / "progress.yaml").write_text("records:\n  - id: kjyf-002\n    status: met\n", encoding="utf-8")
    (src / "data" / "progress.yaml.lock").write_text("", encoding="utf-8")
    (src / "data" / "old-ledger.yaml").write_text("records: []\n", encoding="utf-8")
    (src / "data" / "documents" / "progress.yaml").write_text("records: []\n", encoding="utf-8")
    out = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(out), str(src)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    [wheel] = out.glob("plancli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(n.removeprefix("plancli/data/") for n in names if n.startswith("plancli/data/"))
    assert data == _shipped_data_files()
    assert not [n for n in names if n.endswith((".lock", "progress.yaml"))]


def _shipped_data_files() -> list[str]:
    """What the wheel must carry, read from the registry index: each document, its unit table and its
    source (with the provenance notes beside the sources), the shipped unit table, the index."""
    data = ROOT / "data"
    want = {"__init__.py", "registry.yaml", "units.yaml"}
    index = yaml.safe_load((data / "registry.yaml").read_text(encoding="utf-8"))
    for doc in index["documents"] + (index.get("archived") or []):
        want.add(doc)
        meta = yaml.safe_load((data / doc).read_text(encoding="utf-8"))["meta"]
        folder = (data / doc).parent
        want.add((folder / meta["source"]["file"]).resolve().relative_to(data.resolve()).as_posix())
        units = folder / (meta.get("units_file") or "units.yaml")
        if units.exists():
            want.add(units.relative_to(data).as_posix())
    want |= {p.relative_to(data).as_posix() for p in (data / "source").glob("*.md")}
    return sorted(want)
