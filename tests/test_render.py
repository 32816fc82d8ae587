"""render(rows, columns, fmt): one output path for every command."""

import csv
import io
import json

import pytest

from plancli.output.render import Column, cell, md_escape, render

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


# --------------------------------------------------------------------------- terminal tables at fixed widths

def _shipped_rows(*, unit: str | None = None) -> list[dict]:
    from datetime import date

    from plancli.output.listing import decorate
    from plancli.query.filters import make_filters
    from plancli.query.rows import occurrence_rows
    from plancli.workspace import open_workspace

    ws = open_workspace(None, "/nonexistent/progress.yaml")
    f = make_filters(ws.registry, ws.units, units=[unit] if unit else (), as_of="2026-11-28")
    assert f.as_of == date(2026, 11, 28)
    return decorate(occurrence_rows(ws.registry, f, ws.units, []), f, ws.units)


def _table_at(width: int, rows, columns, monkeypatch) -> list[str]:
    """The rich table as a terminal of ``width`` columns shows it (COLUMNS: the output is a StringIO)."""
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    buf = io.StringIO()
    render(rows, columns, "table", buf)
    return buf.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 100, 200])
def test_listing_table_never_breaks_a_token(width, monkeypatch):
    from rich.cells import cell_len

    from plancli.cli.listings import OCC_COLUMNS

    rows = _shipped_rows()
    lines = _table_at(width, rows, OCC_COLUMNS, monkeypatch)
    assert all(cell_len(ln) <= width for ln in lines)
    assert len(lines) == 2 + len(rows)  # heading, rule, one line per row: nothing wrapped
    heads = lines[0].split()
    assert heads[:7] + heads[8:] == ["id", "plan", "metric", "target", "deadline", "days", "status", "lead"]
    assert "light".startswith(heads[7].rstrip("…"))  # a heading may be cut to its cells (red), never a cell
    for ln, r in zip(lines[2:], rows, strict=True):
        # id, deadline (with its *), days, status and target stand whole in their row
        for token in (r["item"], r["deadline_shown"], str(r["days_left"]), r["status"], r["target"], r["light"]):
            assert token in ln, (token, ln)
    if width == 200:  # wide enough for every metric of a unit's list whole
        mine = _shipped_rows(unit="大数据局")
        lines = _table_at(width, mine, OCC_COLUMNS, monkeypatch)
        assert all(r["metric"] in ln for ln, r in zip(lines[2:], mine, strict=True))


def test_the_unit_asked_for_comes_first_in_the_lead_cell(monkeypatch):
    from plancli.cli.listings import OCC_COLUMNS

    rows = _shipped_rows(unit="大数据局")
    shared = [r for r in rows if len(r["lead"]) > 1]
    assert shared and all(r["lead"][0] != "省大数据局" for r in shared[:1])  # the source names it second
    assert all(r["lead_shown"].startswith("省大数据局") for r in rows)
    lines = _table_at(80, rows, OCC_COLUMNS, monkeypatch)
    assert all(ln.split()[-1].startswith("省大数") for ln in lines[2:])  # the lead cell is the last


@pytest.mark.parametrize("width", [80, 120])
def test_stats_headings_never_break(width, monkeypatch):
    from plancli.cli.listings import STAT_COLUMNS
    from plancli.query.counts import stats
    from plancli.query.filters import make_filters
    from plancli.workspace import open_workspace

    ws = open_workspace(None, "/nonexistent/progress.yaml")
    rows = stats(ws.registry, ws.units, [], make_filters(ws.registry, ws.units, as_of="2026-11-28"), "unit")
    lines = _table_at(width, rows, STAT_COLUMNS, monkeypatch)
    rule = next(i for i, ln in enumerate(lines) if ln.startswith("─"))
    words = " ".join(lines[:rule]).split()
    # each heading word whole (due soon / in progress may stand on two lines, at their space); at 80
    # columns, with the light counts, a heading may be cut with … to the width of its cells
    whole = ["name", "entries", "total", "overdue", "due", "soon", "upcoming", "in", "progress", "met", "done",
             "missed", "no", "date", "stated", "lights"]
    if width >= 120:
        assert sorted(words) == sorted(whole)
    else:
        assert all(w in whole or (w.endswith("…") and any(h.startswith(w[:-1]) for h in whole)) for w in words)
    assert len(lines) == rule + 1 + len(rows)


def test_fit_widths_prefers_wide_gaps_then_narrow_then_wrapped_headings():
    from plancli.output.render import fit_widths

    heads, body = ["id", "metric", "due soon"], [["szbg-014", "新增数据中心在用标准机架数", "3"]]
    flex = [False, True, False]
    assert fit_widths(heads, body, flex, 200) == ([8, 26, 8], 2)  # everything whole
    assert fit_widths(heads, body, flex, 30) == ([8, 10, 8], 2)  # metric gives way
    assert fit_widths(heads, body, flex, 26) == ([8, 8, 8], 1)  # down to 8 cells, then one-space gaps
    assert fit_widths(heads, body, flex, 22) == ([8, 8, 4], 1)  # and the heading wraps at its space
    assert fit_widths(heads, body, flex, 10)[0][0] == 8  # an id is never cut


def test_table_off_a_terminal_uses_columns_or_a_wide_default(monkeypatch):
    from plancli.output.render import WIDE_DEFAULT, table_width

    monkeypatch.delenv("COLUMNS", raising=False)
    assert table_width(io.StringIO()) == WIDE_DEFAULT == 200
    monkeypatch.setenv("COLUMNS", "132")
    assert table_width(io.StringIO()) == 132
    monkeypatch.setenv("COLUMNS", "wide")
    assert table_width(io.StringIO()) == 200


def _json_one_call_per_row(rows, fields=None) -> str:
    """The JSON writer as it was before it encoded rows in batches (one encoder call per row): the
    reference the batched writer must match byte for byte."""
    enc = json.JSONEncoder(ensure_ascii=False, default=str).encode

    def fix(v):
        return int(v) if v.__class__ is float and v.is_integer() and abs(v) < 2**53 else v

    lines = [enc({k: fix(r.get(k)) for k in (fields or r.keys())}) for r in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if rows else "[]\n"


class _Said:
    """A value JSON cannot write (as a light's reasons): written as its text."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


# Texts that look like the seam between two encoded rows, or like JSON's own syntax.
_TRICKY = ["}, {", '"}, {"', "a}, {b", "{", "}", "", "line\nbreak", '"', "\\", "}, {\"id\": 1}", "省大数据局"]


@pytest.mark.parametrize("seed", range(12))
def test_batched_json_is_byte_for_byte_one_encoding_per_row(seed):
    import random

    rnd = random.Random(seed)
    values = [None, True, False, 0, 7, -3, 2.5, 35000.0, -0.0, 1e300, 2.0**60, float("inf"), *_TRICKY,
              ["省科技厅", "}, {"], [1.0, 2.5], _Said("no record yet"), _Said("}, {")]
    keys = ["id", "metric", "value", "lead", "light_reason", "quote"]
    n = rnd.choice([1, 2, 3, 1999, 2000, 2001, 4500])
    shared = _Said("shared reasons")  # one object in many rows, as the row engine shares them
    rows = [{k: rnd.choice([*values, shared]) for k in rnd.sample(keys, rnd.randint(0, len(keys)))} for _ in range(n)]
    for fields in (None, keys, keys[::-1] + ["absent"]):
        fixed = [dict(r) for r in rows]
        got = io.StringIO()
        render(fixed, [], "json", got, fields=fields)
        assert got.getvalue() == _json_one_call_per_row(fixed, fields)
        json.loads(got.getvalue())  # and it is JSON


class _Lit(str, __import__("enum").Enum):  # a light as rows hold it: a text enum
    RED = "red"
    GREEN = "}, {"


# Columns as rows hold them: one kind each (and nulls), which the writer encodes once per distinct
# value, and mixed ones, which it encodes once per object. Each must come out as the encoder writes it.
_COLUMN_KINDS = {
    "texts": [*_TRICKY, "100%", "%s", "%%(x)s"],
    "ints": [0, 7, -3, 2**60, 10**30],
    "floats": [2.5, 35000.0, -0.0, 0.0, 1e300, 2.0**60, 2.0**53, float("inf"), float("-inf"), float("nan"), 1e-7],
    "bools": [True, False],
    "unit lists": [["省科技厅", "}, {"], [], ["省大数据局"], ["省大数据局"]],
    "number lists": [[1.0, 2.5], [3]],
    "said": [_Said("no record yet"), _Said("}, {"), _Said('"')],
    "enum": [_Lit.RED, _Lit.GREEN],
    "mixed": [1, 1.0, True, "1", [1], (1, 2), {"a": 1.0}, _Said("1")],
    "none": [],
}


@pytest.mark.parametrize("seed", range(10))
def test_json_written_column_by_column_is_the_encoders_byte_for_byte(seed):
    import random

    rnd = random.Random(seed)
    kinds = list(_COLUMN_KINDS)
    keys = [f"{k} {i}" for i, k in enumerate(kinds)] + ["100%s"]
    kind_of = dict(zip(keys, kinds + ["texts"], strict=True))
    shared = _Said("shared")
    n = rnd.choice([1, 2, 50, 2000, 2001])
    rows = []
    for _ in range(n):
        r = {}
        for k in keys:
            pool = _COLUMN_KINDS[kind_of[k]] + [None] * rnd.randint(0, 2) + ([shared] if kind_of[k] == "said" else [])
            if pool and rnd.random() < 0.9:
                v = rnd.choice(pool)
                r[k] = list(v) if isinstance(v, list) and rnd.random() < 0.5 else v  # equal lists, apart
        rows.append(r)
    for fields in (keys, keys[::-1] + ["absent"], keys[:1], ["texts 0", "texts 0"]):
        got = io.StringIO()
        render(rows, [], "json", got, fields=fields)
        assert got.getvalue() == _json_one_call_per_row(rows, fields)
