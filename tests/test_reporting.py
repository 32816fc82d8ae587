"""报送 and ranking (issue 24): a unit's report is its own act, ranks share ties, names are whole ranks.

On the tiny registry: 省科技厅 leads test-001…004 (test-003 each year), 省工业和信息化厅 test-005; with a
30-day reporting cycle an item nobody reported on for 30 days lights yellow — unless its lead unit
sent back the workbook holding it, whatever it left blank.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from plancli.ledger.notes import note_parts
from plancli.ledger.record import Record
from plancli.ledger.storage import append_record, load_ledger
from plancli.query.bulletin import named

openpyxl = pytest.importorskip("openpyxl")
CYCLE = "lights: {report_every_days: 30}\n"


@pytest.fixture
def cycle(tiny, write_registry):
    write_registry(tiny.read_text(encoding="utf-8") + CYCLE)
    return tiny


def _export(cli, reg, ledger, out, as_of="2024-10-20"):
    r = cli("export", "--format", "xlsx", "--per-unit", "-o", str(out), "--registry", str(reg), "--progress",
            str(ledger), "--as-of", as_of, "--lang", "zh")
    assert r.code == 0, r.err


def _import(cli, reg, ledger, *args, today="2024-10-25"):
    new = () if ledger.exists() else ("--new",)
    return cli("import", *args, *new, "--registry", str(reg), "--progress", str(ledger), "--lang", "en",
               env={"PLANCLI_TODAY": today})


def _lights(cli, reg, ledger, as_of):
    r = cli("due", "--registry", str(reg), "--progress", str(ledger), "--as-of", as_of, "--format", "json")
    return {x["item"]: (x["light"], str(x["light_reason"])) for x in json.loads(r.out)}


def test_a_workbook_sent_back_blank_reports_every_row_of_it(cli, cycle, tmp_path):
    ledger, out = tmp_path / "progress.yaml", tmp_path / "out"
    _export(cli, cycle, ledger, out)
    before = _lights(cli, cycle, ledger, "2024-10-25")
    assert before["test-001"][0] == "yellow" and "never reported" in before["test-001"][1]
    r = _import(cli, cycle, ledger, str(out / "省科技厅.xlsx"))
    assert r.code == 0 and r.err == ("省科技厅 sent back 省科技厅.xlsx (0 rows filled): reported on 2024-10-25\n"
                                     "recorded 0 of 0 filled rows\n")
    [sub] = load_ledger(ledger)
    assert (sub.item, sub.status, sub.on, sub.workbook, sub.rows_filled, sub.unit) == (
        "省科技厅", "submitted", date(2024, 10, 25), "省科技厅.xlsx", 0, "省科技厅")
    after = _lights(cli, cycle, ledger, "2024-10-25")
    assert after["test-001"][0] == "green" and after["test-005"] == before["test-005"]  # 工信厅 sent nothing
    # 31 days after the 报送 the cycle has run out again
    assert "no report for 31 days (cycle 30 days)" in _lights(cli, cycle, ledger, "2024-11-25")["test-001"][1]
    # a 报送 records nothing about the items: no status, no warning, no row in the digest's records
    listed = cli("list", "--registry", str(cycle), "--progress", str(ledger), "--format", "json")
    assert listed.err == "" and all(x["record_status"] is None for x in json.loads(listed.out))


@pytest.mark.parametrize(("how", "unit"), [
    ("marker", "省科技厅"),             # what export --per-unit writes (the defined name plancli.unit)
    ("file name", "省工业和信息化厅"),  # a workbook of the unit's own: a unit named in its file's name
    ("nothing", None),                  # no marker, no unit in the name: the rows count, no 报送
])
def test_whose_workbook_it_is(cli, tiny, tmp_path, how, unit):
    out, ledger = tmp_path / "out", tmp_path / "progress.yaml"
    _export(cli, tiny, ledger, out)
    wb = openpyxl.load_workbook(out / "省科技厅.xlsx")
    if how != "marker":
        for name in list(wb.defined_names):
            if name == "plancli.unit":
                del wb.defined_names[name]
    path = tmp_path / {"marker": "x.xlsx", "file name": "省工业和信息化厅-10月.xlsx", "nothing": "x.xlsx"}[how]
    wb.save(path)
    r = _import(cli, tiny, ledger, str(path), "--accept-other-units")
    assert r.code == 0, r.err
    sent = [x for x in load_ledger(ledger) if x.status == "submitted"]
    assert [x.item for x in sent] == ([unit] if unit else [])


def test_import_unit_names_the_unit_and_one_day_is_one_submission(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    book = tmp_path / "月报.csv"
    book.write_text("编号,进展情况,数据截至日期\ntest-005,正在推进,2024-10-10\n", encoding="utf-8")
    r = _import(cli, tiny, ledger, str(book), "--unit", "工信厅")
    assert "省工业和信息化厅 sent back 月报.csv (1 rows filled): reported on 2024-10-25" in r.err
    assert [x.unit for x in load_ledger(ledger)] == ["省工业和信息化厅", "省工业和信息化厅"]
    book.write_text("编号,进展情况,数据截至日期\ntest-005,正在推进（补充）,2024-10-11\n", encoding="utf-8")
    again = _import(cli, tiny, ledger, str(book), "--unit", "工信厅", "--on", "2024-10-25")
    assert "this 报送 is already recorded" in again.err  # the same unit on the same day: one 报送
    assert sum(x.status == "submitted" for x in load_ledger(ledger)) == 1


@pytest.mark.parametrize(("note", "parts"), [
    ("平台测试中；存在问题：经费未到位", ("平台测试中", "经费未到位", None)),
    ("存在问题：经费未到位", (None, "经费未到位", None)),
    ("进展顺利；存在问题：名额有限；下一步措施：加强辅导", ("进展顺利", "名额有限", "加强辅导")),
    ("手工录入的备注", ("手工录入的备注", None, None)),
    (None, (None, None, None)),
])
def test_the_texts_of_a_note(note, parts):
    got = note_parts(Record("x", "in_progress", note=note))
    assert (got["progress"], got["problems"], got["next_steps"]) == parts


def _unit(name, rank, *, reported=True, red=0, yellow=0, on_time=True):
    return {"unit": name, "rank": rank, "submitted_on": "2024-11-25" if reported else None, "red": red,
            "yellow": yellow, "on_time": on_time}


@pytest.mark.parametrize(("ranked", "best", "worst"), [
    # nine units, each rank its own: three named at each end
    ([_unit(f"u{i}", i, red=i // 5) for i in range(1, 10)], ["u1", "u2", "u3"], ["u7", "u8", "u9"]),
    # a tie across the third place: only the whole ranks before it
    ([_unit("a", 1), _unit("b", 2), _unit("c", 3), _unit("d", 3)] + [_unit(f"z{i}", 5, red=1) for i in range(5)],
     ["a", "b"], []),
    # everyone tied (nothing recorded yet): no one is named
    ([_unit(f"u{i}", 1, reported=False, on_time=False) for i in range(26)], [], []),
    # a unit that did not report is never named first, and stops the naming there; six units: two a side
    ([_unit("silent", 1, reported=False, on_time=None), _unit("b", 2), _unit("c", 3)] +
     [_unit(f"x{i}", 4 + i, yellow=1) for i in range(3)], [], ["x1", "x2"]),
    # last only with something to put right
    ([_unit(f"u{i}", i) for i in range(1, 7)], ["u1", "u2"], []),
    # three units: one at each end
    ([_unit("a", 1), _unit("b", 2), _unit("c", 3, red=2)], ["a"], ["c"]),
    # two units: none
    ([_unit("a", 1), _unit("b", 2, red=1)], [], []),
])
def test_units_are_named_by_whole_ranks_only(ranked, best, worst):
    assert named(ranked) == {"best": best, "worst": worst}


def test_scoped_counts_are_the_asked_units_only(cli, tiny, tmp_path):
    ledger = tmp_path / "progress.yaml"
    append_record(ledger, Record("test-003@2024", "in_progress", 8.0, on=date(2024, 10, 1)))
    args = ("--registry", str(tiny), "--progress", str(ledger), "--as-of", "2024-12-05", "--format", "json")
    # 省大数据局 supports test-003 and test-004 and leads nothing: as a lead unit it has no row
    assert json.loads(cli("stats", "--by", "unit", "--unit", "大数据局", *args).out) == []
    sup = json.loads(cli("stats", "--by", "unit", "--unit", "大数据局", "--role", "support", *args).out)
    assert [(s["name"], s["total"]) for s in sup] == [("省大数据局", 3)]  # test-003 twice, test-004
    b = json.loads(cli("bulletin", "--unit", "科技厅", *args).out)
    assert [r["unit"] for r in b["rows"]] == ["省科技厅"] and b["totals"]["items"] == 5 and b["units_asked"] == ["省科技厅"]
    s = json.loads(cli("bulletin", "--unit", "大数据局", "--role", "support", "--lang", "zh", *args).out)
    assert (s["role"], [r["unit"] for r in s["rows"]], s["totals"]["items"]) == ("support", ["省大数据局"], 3)
    md = cli("bulletin", "--unit", "大数据局", "--role", "support", "--lang", "zh", *args[:-2], "--format", "md").out
    assert "## 一、各配合单位推进情况排名" in md and "| 名次 | 配合单位 |" in md
