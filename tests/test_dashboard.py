"""`plancli report`: the offline HTML dashboard (checked in headless Chromium), Markdown and JSON.

The browser test renders the dashboard of the shipped registry with a few real progress records,
measures the layout at 1200 and 800 px through a script that writes its findings into the DOM
(``--dump-dom``), and saves the screenshot as docs/dashboard.png. Without Chromium it skips; in CI
(CI=true) a missing Chromium is a failure, since .ci/run installs it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from plancli.output.report import dashboard_html, items_html, local_timestamp
from plancli.query.filters import Filters
from plancli.query.report import report
from plancli.workspace import open_workspace

from .conftest import ROOT, SHIPPED
from .test_charts import AS_OF, make_ledger


@pytest.fixture
def ledger(cli, tmp_path) -> Path:
    return make_ledger(cli, tmp_path / "progress.yaml")


@pytest.fixture(scope="module")
def shipped():
    ws = open_workspace(SHIPPED)
    return ws.registry, ws.units


# --------------------------------------------------------------------------- the page, without a browser


def test_page_is_self_contained_and_marks_what_it_should(cli, ledger, tmp_path):
    out = tmp_path / "report.html"
    r = cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--lang", "zh", "-o", str(out))
    assert (r.code, r.out) == (0, "")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@page{size:A4" in page and "@media print" in page
    # offline: nothing to fetch, nothing to run
    for bad in ("<script", "<link", "@import", "url(", "src=", "href="):
        assert bad not in page, bad
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}  # the SVG namespace
    # charts are SVG with their labels as text (the reader's fonts set the Chinese)
    assert page.count("<svg ") == 5  # status per plan, open per unit, lights per unit, periods, attainment
    svg_text = re.findall(r"<text[^>]*>([^<]+)</text>", page)
    assert {"数字变革", "科技研发", "省大数据局", "kjyf-002"} <= set(svg_text)
    # every occurrence is in the tables, the quote one click away, inferred deadlines keep their '*'
    rows = json.loads(cli("due", "--as-of", AS_OF, "--status", "overdue", "--format", "json").out)
    assert rows
    for row in rows[:20]:
        assert f'>{html.escape(row["item"])}</td>' in page
    # yshj-009's line; with the archived Guangzhou document too, the line names its document
    all_docs = cli("report", "--as-of", AS_OF, "--all-docs", "--lang", "zh").out
    assert ('<details class="src"><summary><span class="nw">鲁政发〔2024〕5号</span> '
            '<span class="nw">原文第 132 行</span></summary><q>') in all_docs
    one_doc = cli("report", "--as-of", AS_OF, "--doc", "鲁政发〔2024〕5号", "--lang", "zh").out
    assert '<details class="src"><summary><span class="nw">原文第 132 行</span></summary><q>' in one_doc
    assert re.search(r'c-deadline"[^>]*>2025-12-31\*</td>', page)
    assert "已达标" in page and "未达标" in page and "已逾期" in page
    assert "截至: 2025-03-01" in page and re.search(r"生成时间: \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)", page)


def test_language_follows_lang_env_and_locale(cli, tmp_path):
    def title(*args, env=None):
        r = cli("report", "--as-of", AS_OF, "--plan", "kjyf", *args, env=env)
        assert r.code == 0, r.err
        return re.search(r'<html lang="([^"]+)">.*?<h1>([^<]+)</h1>', r.out, re.S).groups()

    assert title("--lang", "en") == ("en", "Targets and deadlines report — all units · 科技研发")
    assert title(env={"PLANCLI_LANG": "zh"}) == ("zh-CN", "目标任务进展报告 — 全部单位 · 科技研发")
    assert title("--doc", "鲁政发", "--lang", "zh")[1] == "目标任务进展报告 — 全部单位 · 鲁政发〔2024〕5号、科技研发"
    assert title(env={"PLANCLI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"})[0] == "zh-CN"
    # the shipped registry says `lang: zh`: what leaves the office is Chinese under a C locale (cron)
    assert title(env={"PLANCLI_LANG": "", "LC_ALL": "C", "LANG": "zh_CN.UTF-8"})[0] == "zh-CN"
    assert title("--lang", "en", env={"PLANCLI_LANG": "", "LC_ALL": "C"})[0] == "en"
    bad = cli("report", "--lang", "fr")
    assert bad.code == 2 and bad.err.strip() == "plancli: error: --lang: unknown language 'fr'; choose one of zh, en"
    bad = cli("report", "--format", "pdf")
    assert bad.code == 2 and "'pdf' is not one of 'html', 'md', 'json'" in bad.err


def test_a_registry_without_a_language_follows_the_locale(cli, tiny):
    def lang_of(**env):
        r = cli("report", "--registry", str(tiny), env={"PLANCLI_LANG": "", "LC_MESSAGES": "", **env})
        assert r.code == 0, r.err
        return re.search(r'<html lang="([^"]+)">', r.out).group(1)

    assert lang_of(LC_ALL="C", LANG="zh_CN.UTF-8") == "en"
    assert lang_of(LC_ALL="", LANG="zh_CN.UTF-8") == "zh-CN"
    # the refusal is said in the reader's language too (the locale, when --lang itself is wrong)
    assert cli("report", "--lang", "fr").err.strip() == "plancli: error: --lang：不支持的语言 'fr'，请选择 zh、en"


def test_filters_apply_and_keys_stay_codes(cli, ledger):
    r = cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--unit", "大数据局", "--kind", "target",
            "--format", "json", "--lang", "zh")
    assert r.code == 0, r.err
    d = json.loads(r.out)
    assert d["scope"] == "省大数据局 · 全部计划" and d["as_of"] == AS_OF
    assert set(d["totals"]) == {"overdue", "due_soon", "in_progress", "upcoming", "missed", "met", "done"}
    assert d["items"] and all(i["kind"] == "target" for i in d["items"])
    assert all("省大数据局" in "、".join(i["lead"] + i["support"]) for i in d["items"])
    assert [a["item"] for a in d["attainment"]] == ["szbg-014"]  # the one recorded target of 大数据局
    assert d["attainment"][0]["attainment"] == pytest.approx(0.84)
    assert sum(d["totals"].values()) == len(d["items"])
    assert list(d["items"][0]) == list(json.loads(cli("due", "--format", "json").out)[0])  # the contract
    md = cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--plan", "szbg", "--format", "md",
             "--lang", "zh").out
    assert md.startswith("# 目标任务进展报告 — 全部单位 · 数字变革\n")
    assert "| 编号 | 计划 | 指标 | 目标 | 期限 | 剩余天数 | 亮灯 | 牵头单位 |" in md
    assert "### 未达标 (1)" in md and "| szbg-014 | 数字变革 |" in md
    assert "| 2024-11 |" not in md  # empty months only in the chart


def test_output_file_is_written_atomically(cli, tmp_path):
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    r = cli("report", "--as-of", AS_OF, "--plan", "xny", "-o", str(target))
    assert r.code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.html")] == []
    r = cli("report", "-o", str(tmp_path / "no" / "dir" / "r.html"))
    assert r.code == 2 and "No such file or directory" in r.err

def test_fragments_take_rows(shipped):
    """The tables take rows and the page a computed report, so other pages can reuse them."""
    reg, table = shipped
    rep = report(reg, table, [], Filters(as_of=date.fromisoformat(AS_OF), plans=["xny"]))
    items = items_html(rep.rows, "en")
    assert items.count('<td class="nw c-item"') == len(rep.rows) == 12
    page = dashboard_html(rep, lang="en", scope="x", now=datetime(2026, 1, 2, 3, 4, tzinfo=UTC))
    assert "Generated: 2026-01-02 " in page


def test_local_timestamp_spells_out_the_offset():
    from datetime import timedelta, timezone

    t = datetime(2026, 11, 28, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    stamp = local_timestamp(t)
    local = t.astimezone()
    assert stamp.startswith(f"{local:%Y-%m-%d %H:%M} (UTC")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)", stamp)


def test_same_data_same_page(cli, ledger, monkeypatch):
    """With SOURCE_DATE_EPOCH set, two renders are byte-identical (no random chart ids, no clock)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772524800")
    args = ("report", "--as-of", AS_OF, "--progress", str(ledger), "--lang", "zh")
    first, second = cli(*args).out, cli(*args).out
    assert first == second and 'id="chart-status_by_plan"' in first
    assert '<svg role="img" aria-label="各计划事项状态"' in first


def test_source_date_epoch_fixes_the_timestamp(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert local_timestamp() == local_timestamp(datetime(2026, 1, 1, tzinfo=UTC))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert local_timestamp().startswith(f"{datetime.now().astimezone():%Y-%m-%d}")


# --------------------------------------------------------------------------- in a real browser

MEASURE = """<script>
(function () {
  var root = document.documentElement;
  function lines(el) {  // distinct line boxes of the text inside el
    var tops = {}, walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n;
    while ((n = walker.nextNode())) {
      var r = document.createRange(); r.selectNodeContents(n);
      Array.prototype.forEach.call(r.getClientRects(), function (b) { if (b.width > 0) tops[Math.round(b.top)] = 1; });
    }
    return Object.keys(tops).length;
  }
  // long metrics wrap as the reader first sees the page; then every quote is opened for the rest
  var metricLines = Array.prototype.map.call(document.querySelectorAll('td.c-metric > span'), lines);
  document.querySelectorAll('details').forEach(function (x) { x.open = true; });
  var multi = [], wide = [], scrollers = [];
  document.querySelectorAll('td.nw').forEach(function (td) {
    if (td.textContent && lines(td) > 1) multi.push(td.className + ': ' + td.textContent);
  });
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.getBoundingClientRect().right > root.clientWidth + 0.5) wide.push(el.tagName + '.' + el.className);
  });
  document.querySelectorAll('.scroll').forEach(function (el) {
    if (el.scrollWidth > el.clientWidth) scrollers.push(el.scrollWidth - el.clientWidth);
  });
  var out = {innerWidth: innerWidth, clientWidth: root.clientWidth, scrollWidth: root.scrollWidth,
    multi: multi.slice(0, 20), wide: wide.slice(0, 20), scrollers: scrollers,
    ids: Array.prototype.map.call(document.querySelectorAll('td.c-item'), function (t) { return t.textContent; }),
    maxMetricLines: Math.max.apply(null, metricLines),
    svgText: Array.prototype.map.call(document.querySelectorAll('svg text'), function (t) { return t.textContent; }),
    captions: Array.prototype.map.call(document.querySelectorAll('figcaption'), function (t) { return t.textContent; })};
  var pre = document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no chromium: .ci/run installs Debian's chromium and fonts-noto-cjk")
        pytest.skip("no chromium on this machine (apt-get install chromium fonts-noto-cjk)")
    profile = tmp_path / "profile"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-extensions", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def _period_caption(cli, ledger, lang: str) -> str:
    """The deadline chart's caption the rule gives for the default registry's span of deadlines:
    months up to 24 months, quarters up to 72, else years."""
    r = cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--format", "json")
    dated = sorted(i["deadline"] for i in json.loads(r.out)["items"] if i["deadline"])
    (y1, m1), (y2, m2) = (map(int, dated[0][:7].split("-"))), (map(int, dated[-1][:7].split("-")))
    n = (y2 - y1) * 12 + m2 - m1 + 1
    unit = "month" if n <= 24 else "quarter" if n <= 72 else "year"
    return {("zh", "month"): "各月到期事项", ("zh", "quarter"): "各季度到期事项", ("zh", "year"): "各年到期事项",
            ("en", "month"): "Deadlines per month", ("en", "quarter"): "Deadlines per quarter",
            ("en", "year"): "Deadlines per year"}[lang, unit]


def _check_layout(tmp_path: Path, measured: Path, n_items: int, captions: list[str]) -> None:
    """Load the page with the measuring script at 1200 and 800 px and check what it found."""
    for width in (1200, 800):
        res = _browser(tmp_path, f"--window-size={width},1000", "--dump-dom", measured.as_uri())
        m = re.search(r'<pre id="measure">(.*?)</pre>', res.stdout, re.S)
        assert m, f"no measurements at {width}px: {res.stderr[-500:]}"
        d = json.loads(html.unescape(m.group(1)))
        assert d["innerWidth"] == width
        assert d["scrollWidth"] <= d["clientWidth"], f"page scrolls sideways at {width}px"
        assert d["wide"] == [], f"elements past the right edge at {width}px: {d['wide']}"
        assert d["scrollers"] == [], f"a table scrolls sideways at {width}px: {d['scrollers']}"
        assert d["multi"] == [], f"ids/dates/numbers wrapped at {width}px: {d['multi']}"
        assert len(d["ids"]) == n_items and "kjyf-001@2024" in d["ids"]
        assert d["maxMetricLines"] >= 2  # long metrics do wrap instead of widening the table
        assert d["captions"] == captions
        assert {"数字变革", "省大数据局", "szbg-014"} <= set(d["svgText"])
        assert "2024" in d["svgText"] or "2024-12" in d["svgText"] or "2024Q4" in d["svgText"]


@pytest.mark.slow
def test_dashboard_in_english_fits_too(cli, ledger, tmp_path):
    """English headings are wider than Chinese ones: the same layout checks, no screenshot."""
    page = tmp_path / "en.html"
    assert cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--lang", "en", "-o", str(page)).code == 0
    text = page.read_text(encoding="utf-8")
    measured = tmp_path / "measured-en.html"
    measured.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    _check_layout(tmp_path, measured, text.count('<td class="nw c-item"'),
                  ["Status per plan", "Open items per lead unit", "Lights per lead unit", _period_caption(cli, ledger, "en"),
                   "Attainment of recorded targets"])


@pytest.mark.slow
def test_dashboard_in_chromium(cli, ledger, tmp_path):
    page = tmp_path / "dashboard.html"
    r = cli("report", "--as-of", AS_OF, "--progress", str(ledger), "--lang", "zh", "-o", str(page),
            env={"SOURCE_DATE_EPOCH": "1772524800"})  # the same picture every run
    assert r.code == 0, r.err
    text = page.read_text(encoding="utf-8")
    n_items = text.count('<td class="nw c-item"')
    measured = tmp_path / "measured.html"
    measured.write_text(text.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    _check_layout(tmp_path, measured, n_items,
                  ["各计划事项状态", "各牵头单位未办结事项", "各牵头单位亮灯情况", _period_caption(cli, ledger, "zh"),
                   "已记录目标完成率"])
    shot = tmp_path / "dashboard.png"
    res = _browser(tmp_path, "--window-size=1200,1700", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), res.stderr[-500:]
    assert _png_size(shot) == (1200, 1700)
    assert shot.stat().st_size > 100_000  # a blank page compresses to a few KB
    shutil.copyfile(shot, ROOT / "docs" / "dashboard.png")
    # printing: the page's @page rule gives A4 sheets (595 × 842 pt), whatever the default paper
    pdf = tmp_path / "dashboard.pdf"
    res = _browser(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists(), res.stderr[-500:]
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) > 5  # the item tables run over several pages
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_nothing_selected_is_a_report_too(cli, tiny, tmp_path, fmt):
    """No missed target yet: an empty report, not an error (exit 0, as for listings)."""
    r = cli("report", "--registry", str(tiny), "--progress", str(tmp_path / "p.yaml"), "--status", "missed",
            "--format", fmt, "--lang", "en")
    assert (r.code, r.err) == (0, "")
    if fmt == "json":
        d = json.loads(r.out)
        assert d["items"] == [] and set(d["totals"].values()) == {0} and d["by_month"] == []
    elif fmt == "html":
        assert r.out.count("(none)") == 5 and "No target has a recorded actual value yet." in r.out
        assert "<svg" not in r.out and "<table" not in r.out
    else:
        assert r.out.count("(none)") == 6  # summary, four count tables, items
