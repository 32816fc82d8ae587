"""checks.validate: registry, source and ledger problems in one call, without the CLI."""

from __future__ import annotations

from plancli.checks.validate import validate
from plancli.ledger.record import Record
from plancli.ledger.storage import append_record

from .conftest import SHIPPED


def test_shipped_registry_is_clean():
    reg, problems = validate(SHIPPED, SHIPPED.parent / "no-such-ledger.yaml")
    assert problems == [] and len(reg.entries) > 300


def test_problems_of_registry_units_and_ledger_together(tiny, write_registry):
    text = tiny.read_text(encoding="utf-8")
    p = write_registry(text.replace("lead: [省工业和信息化厅]", "lead: [省不存在厅]")
                           .replace("quote: 单位能耗降至 0.5 吨标准煤以内", "quote: 单位能耗降至 0.4 吨标准煤以内"))
    ledger = tiny.parent / "p.yaml"
    append_record(ledger, Record("test-999", "done"))
    _, problems = validate(p, ledger)
    msgs = [pr.message for pr in problems]
    (warn,) = [pr for pr in problems if pr.level == "warning"]
    assert "unit '省不存在厅' is not in the unit table" in warn.message
    assert any(m.startswith("test-005: quote not found at source line 11") for m in msgs)
    assert any("record for unknown item 'test-999'" in m for m in msgs)
    assert all(pr.path in (str(p), str(ledger)) and pr.line for pr in problems)
