"""The ledger's warnings, summed up: a kind of problem found a few times is printed as it is; found
more often, it is one line with its count and first places; ``validate`` lists every one."""

from __future__ import annotations

import json

import pytest

from plancli.ledger.record import Record, record_line
from plancli.ledger.storage import HEADER


def _ledger(tmp_path, unknown: int, bare: int):
    lines = [record_line(Record(f"zz-{k:03d}", "in_progress", on=None, recorded_at="2024-06-01T09:00:00+08:00",
                                rid=f"u{k}")) for k in range(unknown)]
    lines += [record_line(Record("test-003", "in_progress", recorded_at="2024-06-02T09:00:00+08:00", rid=f"b{k}"))
              for k in range(bare)]
    p = tmp_path / "progress.yaml"
    p.write_text(HEADER + "".join(lines), encoding="utf-8")
    return p


def test_a_few_warnings_of_a_kind_are_printed_each(cli, tiny, tmp_path):
    p = _ledger(tmp_path, unknown=2, bare=3)
    r = cli("due", "--registry", str(tiny), "--progress", str(p), "--format", "json")
    assert r.code == 0
    assert r.err.splitlines() == [
        f"plancli: warning: {p}:5: record for unknown item 'zz-000' is ignored",
        f"plancli: warning: {p}:6: record for unknown item 'zz-001' is ignored",
        *(f"plancli: warning: {p}:{n}: record 'test-003' is ignored: test-003 recurs (每年); record one occurrence: "
          "test-003@2024, test-003@2025" for n in (7, 8, 9)),
    ]


@pytest.mark.parametrize(("lang", "want"), [
    ("en", ["plancli: warning: 40 × record for an unknown item is ignored ({p}:5, :6, :7 …); plancli validate "
            "lists them all",
            "plancli: warning: 1000 × record without its occurrence, or of one the entry does not have, is ignored ({p}:45, :46, "
            ":47 …); plancli validate lists them all"]),
    ("zh", ["plancli: warning: 事项不在登记册中的记录，已忽略：共 40 条（{p}:5、:6、:7 等）；plancli validate 可列出全部",
            "plancli: warning: 未注明期次或期次不属于该事项的记录，已忽略：共 1000 条（{p}:45、:46、:47 等）；"
            "plancli validate 可列出全部"]),
])
def test_many_warnings_of_a_kind_are_one_line_each_kind(cli, tiny, tmp_path, lang, want):
    p = _ledger(tmp_path, unknown=40, bare=1000)
    r = cli("due", "--registry", str(tiny), "--progress", str(p), "--format", "json", "--lang", lang)
    assert r.code == 0 and json.loads(r.out) is not None
    assert r.err.splitlines() == [w.format(p=p) for w in want]


def test_validate_lists_them_all(cli, tiny, tmp_path):
    p = _ledger(tmp_path, unknown=40, bare=10)
    r = cli("validate", "--registry", str(tiny), "--progress", str(p), "--format", "json", "--no-source")
    problems = [x for x in json.loads(r.out) if x["file"] == str(p)]
    assert len(problems) == 50 and r.err == ""
    assert sorted(x["line"] for x in problems) == list(range(5, 55))
