"""The digest page in a real browser: headless Chromium lays it out and a probe script reports every
no-wrap cell that takes more than one line, and whether the page scrolls sideways.

Skips (with the reason) where no Chromium is installed; `.ci/run` on the report branch installs it.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plancli.output.weekly_html import page

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no chromium on PATH (apt-get install chromium)")

PROBE = """<script>
window.addEventListener("load", () => {
  const bad = [];
  const cells = document.querySelectorAll("td.nw, th.nw");
  for (const td of cells) {
    const r = document.createRange(); r.selectNodeContents(td);
    const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
    if (tops.size > 1) bad.push(td.textContent);
  }
  document.body.setAttribute("data-result", JSON.stringify({bad: bad, cells: cells.length,
    overflow: document.documentElement.scrollWidth > window.innerWidth}));
});
</script>"""


def _layout(page_html: str, tmp_path: Path, width: int) -> dict:
    f = tmp_path / f"probe{width}.html"
    f.write_text(page_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    r = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900",
                        "--virtual-time-budget=3000", "--dump-dom", f.as_uri()],
                       capture_output=True, text=True, timeout=120, check=False)
    m = re.search(r'data-result="([^"]*)"', r.stdout)
    assert m, r.stderr[-2000:]
    return json.loads(html.unescape(m.group(1)))


@needs_browser
@pytest.mark.parametrize("width", [1200, 420])
def test_digest_page_keeps_ids_dates_and_numbers_on_one_line(cli, tmp_path, width):
    # the shipped registry today, in Chinese: 47 open items of 省大数据局, long metrics, inferred deadlines
    out = cli("weekly", "--unit", "大数据局", "--as-of", "2026-11-28", "--progress", str(tmp_path / "none.yaml"),
              "--format", "html", "--lang", "zh").out
    got = _layout(out, tmp_path, width)
    assert got["cells"] > 300 and got["bad"] == []
    assert got["overflow"] is False  # wide tables scroll inside their box, not the page


@needs_browser
def test_the_probe_sees_a_broken_cell(tmp_path):
    from plancli.output.render import Column

    rows = [{"item": "szbg-014", "deadline": "2024-12-31*"}]
    cols = [Column("item", "编号"), Column("deadline", "期限")]
    broken = page("t", "s", [("h", rows, cols)], "zh", note="", none="无").replace(
        "td.nw,th.nw{white-space:nowrap}", "td.nw{width:1px;word-break:break-all}").replace(
        "\n.nw{white-space:nowrap}", "\n")  # the report's shared rule, which the page builds on
    assert _layout(broken, tmp_path, 420)["bad"]
