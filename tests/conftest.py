"""Shared fixtures: tiny registries written to tmp_path, and a runner for the CLI's error edge."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

# The suite leaves the user's home alone: before any test module is imported (some read the shipped
# registry at collection time, which writes the parse cache), HOME, the XDG directories and the
# cache point into one scratch directory. Tests that need their own set them with monkeypatch.
_SCRATCH = Path(tempfile.mkdtemp(prefix="plancli-tests-"))
for _var, _sub in (("HOME", "home"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                   ("XDG_CONFIG_HOME", "config"), ("PLANCLI_CACHE_DIR", "cache/plancli")):
    os.environ[_var] = str(_SCRATCH / _sub)
    (_SCRATCH / _sub).mkdir(parents=True, exist_ok=True)

import pytest  # noqa: E402

from plancli.cli import run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data" / "targets.yaml"
SOURCE = ROOT / "data" / "source" / "000_eaa1b40229515837.txt"

# A three-paragraph source in the shape of the real one (page-break spaces included).
TINY_SOURCE = textwrap.dedent("""\
    测试行动计划（2024—2025年）

    ## 一、总体目标

    高新技术企业 2024 年突破 3.5 万家、2025 年突破 3.8 万家。面向16市开展试点。

    ## 二、主要任务

    1.强化攻关。每年组织实施 20 项左右前沿技术攻关项目。2024年10月底前，完成平台迭代更新。（牵头单位：省科技厅；配合单位：省大数据局）

    2.降低能耗。单位能耗降至 0.5 吨标准煤以内。（牵头单位：省工业和信息化厅）
    """)

TINY_UNITS = textwrap.dedent("""\
    units:
      - name: 省科技厅
        aliases: [省科学技术厅]
      - name: 省大数据局
      - name: 省工业和信息化厅
        aliases: [省工信厅]
    """)

TINY_REGISTRY = textwrap.dedent("""\
    meta:
      period: {start: "2024-01-01", end: "2025-12-31"}
      source: {file: source.txt}
      plans:
        - {code: test, name: 测试行动计划, short: 测试, group: 十大创新, first_line: 1, last_line: 13,
           complete: true, coordinator: [省科技厅]}
    entries:
      - id: test-001
        kind: target
        plan: test
        section: 总体目标
        task: null
        metric: 高新技术企业数量
        value_text: 3.5 万家
        value: 35000
        unit: 家
        comparator: ">"
        deadline_text: 2024 年
        deadline: "2024-12-31"
        lead: [省科技厅]
        units_inferred: true
        quote: 高新技术企业 2024 年突破 3.5 万家
        line: 5
      - id: test-002
        kind: target
        plan: test
        section: 总体目标
        metric: 高新技术企业数量
        value_text: 3.8 万家
        value: 38000
        unit: 家
        comparator: ">"
        deadline_text: 2025 年
        deadline: "2025-12-31"
        lead: [省科技厅]
        units_inferred: true
        quote: 高新技术企业 2024 年突破 3.5 万家、2025 年突破 3.8 万家
        line: 5
      - id: test-003
        kind: target
        plan: test
        section: 主要任务
        task: 1
        metric: 前沿技术攻关项目
        value_text: 20 项
        value: 20
        unit: 项
        comparator: "~"
        deadline_text: 每年
        deadline: "2025-12-31"
        recurring: yearly
        lead: [省科技厅]
        support: [省大数据局]
        quote: 每年组织实施 20 项左右前沿技术攻关项目
        line: 9
      - id: test-004
        kind: milestone
        plan: test
        section: 主要任务
        task: 1
        metric: 平台迭代更新
        deadline_text: 2024年10月底前
        deadline: "2024-10-31"
        lead: [省科技厅]
        support: [省大数据局]
        quote: 2024年10月底前，完成平台迭代更新
        line: 9
      - id: test-005
        kind: target
        plan: test
        section: 主要任务
        task: 2
        metric: 单位能耗
        value_text: 0.5 吨标准煤
        value: 0.5
        unit: 吨标准煤
        comparator: "<="
        lead: [省工业和信息化厅]
        quote: 单位能耗降至 0.5 吨标准煤以内
        line: 11
    exclusions:
      - {line: 5, text: 面向16市, reason: descriptive count}
    """)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True, scope="session")
def _scratch_home():
    """The suite's own HOME and XDG directories (set at import, above), removed at the end."""
    yield
    shutil.rmtree(_SCRATCH, ignore_errors=True)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A valid five-entry registry with its source and units; returns the registry path."""
    (tmp_path / "source.txt").write_text(TINY_SOURCE, encoding="utf-8")
    (tmp_path / "units.yaml").write_text(TINY_UNITS, encoding="utf-8")
    reg = tmp_path / "targets.yaml"
    reg.write_text(TINY_REGISTRY, encoding="utf-8")
    return reg


@pytest.fixture
def write_registry(tiny: Path):
    """Write a variant of the tiny registry: ``write_registry(text)`` → its path."""

    def _write(text: str, name: str = "targets.yaml", encoding: str = "utf-8") -> Path:
        p = tiny.parent / name
        p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return p

    return _write


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run plancli in-process through its error edge: ``cli("due", "--unit", "x")`` → Result."""
    monkeypatch.setenv("PLANCLI_TODAY", "2024-10-20")
    monkeypatch.delenv("PLANCLI_REGISTRY", raising=False)
    monkeypatch.delenv("PLANCLI_PROGRESS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PLANCLI_LANG", "en")  # exact-output tests must not follow the tester's locale

    def _cli(*args: str, env: dict | None = None) -> Result:
        for k, v in (env or {}).items():
            monkeypatch.setenv(k, v)
        capsys.readouterr()
        code = run(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _cli
