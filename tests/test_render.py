"""render(rows, columns, fmt): one output path for every command."""

import csv
import io
import json

import pytest

from plancli.render import Column, cell, md_escape, render

ROWS = [{"id": "a-001", "metric": "高新技术企业数量", "n": 35000.0, "lead": ["省科技厅", "省大数据局"]},
        {"id": "b-002", "metric": "=SUM(A1)", "n": -3.0, "lead": []}]
COLS = [Column("id", "id"), Column("metric", "metric"), Column("n", "n"), Column("lead", "lead")]


def _out(fmt, rows=ROWS, **kw):
    buf = io.StringIO()
    render(rows, COLS, fmt, buf, **kw)
    return buf.getvalue()


def test_plain_aligns_by_display_width():
    lines = _out("plain").splitlines()
    # CJK characters take two columns: the 'n' column starts at the same display offset on every line.
    from wcwidth import wcswidth

    starts = [wcswidth(line[: line.index(x)]) for line, x in zip(lines[2:], ["35000", "-3"], strict=True)]
    assert starts[0] == starts[1] == wcswidth(lines[0][: lines[0].index(" n ") + 1])


def test_json_is_an_array_with_integers_kept_integral():
    data = json.loads(_out("json"))
    assert data[0] == {"id": "a-001", "metric": "高新技术企业数量", "n": 35000, "lead": ["省科技厅", "省大数据局"]}
    assert _out("json", rows=[]) == "[]\n"


def test_csv_has_bom_and_neutralises_formulas_but_not_numbers():
    text = _out("csv")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["id", "metric", "n", "lead"]
    assert rows[1] == ["a-001", "高新技术企业数量", "35000", "省科技厅、省大数据局"]
    assert rows[2] == ["b-002", "'=SUM(A1)", "-3", ""]


def test_md_escapes_html_and_pipes():
    assert md_escape("<script>a|b</script>\nx & y") == "&lt;script>a\\|b&lt;/script><br>x &amp; y"
    out = _out("md", rows=[{"id": "x", "metric": "<b>|", "n": 1.5, "lead": []}])
    assert out.splitlines()[2] == "| x | &lt;b>\\| | 1.5 |  |"


@pytest.mark.parametrize(("value", "text"), [(None, ""), (True, "yes"), (2.0, "2"), (0.125, "0.125"),
                                             (["a", "b"], "a、b"), (2.2e12, "2.2e+12")])
def test_cell(value, text):
    assert cell(value) == text


def test_table_without_colour_codes_when_not_a_terminal(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    out = _out("table")
    assert "高新技术企业数量" in out and "\x1b[" not in out


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        _out("xml")
