"""Charts for the report and the bulletin: inline SVG drawn by pygal from counts computed in ``query``.

Each chart function takes the counts of ``query.report.report_counts`` and returns one ``<figure>``
fragment: the SVG (labels kept as ``<text>``, so Chinese is set in the reader's own fonts; no
script, no XML declaration, no comments), a caption and an HTML legend. pygal is imported inside
the functions: only the commands that draw charts pay for it.

Charts: status per plan (stacked bars), open items per lead unit, deadlines per month (stacked by
status), attainment of recorded targets (actual ÷ target, green when met).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..query.report import time_bins
from ..vocabulary import LIGHTS, STATUS_ORDER, Light, Status
from ..vocabulary import OPEN as OPEN_STATUSES
from ..words import say, word
from .render import html_text

__all__ = ["COLORS", "FONTS", "status_by_plan_chart", "open_by_lead_chart", "by_month_chart",
           "attainment_chart", "lights_by_lead_chart", "empty_note"]

# One colour per status, the same in charts, legends, badges and the xlsx export.
COLORS = {
    Status.OVERDUE: "#c0392b", Status.DUE_SOON: "#e67e22", Status.IN_PROGRESS: "#8e44ad",
    Status.UPCOMING: "#2e86c1", Status.MISSED: "#7b241c", Status.MET: "#1e8449", Status.DONE: "#58b87a",
    # the lights (亮灯), as 督查 offices paint them
    Light.RED: "#d62d20", Light.YELLOW: "#f2b705", Light.BLUE: "#2e6fd6", Light.GREEN: "#2e9e4f",
}
FONTS = ("system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Source Han Sans SC', "
         "'Microsoft YaHei', 'PingFang SC', sans-serif")
CHART_W = 460  # viewBox width: about the width a chart gets on screen, so 13px labels stay ~13px
LEAD_TOP = 12  # units shown by name in the lead-unit chart; the rest are summed in one bar
ATTAIN_TOP = 30  # recorded targets shown in the attainment chart (worst first)


_e = html_text


# --------------------------------------------------------------------------- charts


def _pygal():
    """pygal, minus the ``sys.meta_path`` hook it installs for its map plugins (pygal.maps.*, unused
    here): that hook has no ``find_spec``, so on Python 3.11 every later import in the process
    would raise an ImportWarning."""
    import pygal
    from pygal.etree import etree

    sys.meta_path[:] = [f for f in sys.meta_path
                        if not (type(f).__name__ == "PluginImportFixer" and type(f).__module__ == "pygal")]
    # pygal writes with lxml when it happens to be installed (python-docx brings it) and then declares
    # xmlns:xlink and orders attributes its own way: the page must not change with what else is
    # installed, so it always writes with the standard library's ElementTree.
    etree.to_etree()
    return pygal


def _style(n_colors: Sequence[str]):
    _pygal()
    from pygal.style import Style

    return Style(
        colors=tuple(n_colors), font_family=FONTS, background="transparent", plot_background="transparent",
        foreground="#333", foreground_strong="#222", foreground_subtle="#ddd", opacity=".95",
        opacity_hover="1", transition="0ms", label_font_size=13, major_label_font_size=13,
        value_font_size=12, value_label_font_size=12, legend_font_size=13, title_font_size=15,
        tooltip_font_size=13)


def _width_units(s: str) -> int:
    from wcwidth import wcswidth

    w = wcswidth(s)
    return w if w >= 0 else len(s)


def _label_margin(labels: Iterable[str], fs: int = 13) -> int:
    """Extra left margin: pygal sizes labels at 0.6 em per character, a Chinese one needs ~1 em."""
    labels = list(labels)
    if not labels:
        return 0
    need = max(_width_units(s) for s in labels) * 0.55 * fs
    given = max(len(s) for s in labels) * 0.6 * fs
    return int(max(0.0, need - given)) + 4


def _svg(chart) -> str:
    """The chart as an inline ``<svg>`` element: no XML declaration, no comments, no script."""
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _legend(statuses: Sequence[str], lang: str) -> str:
    items = "".join(f'<li><span class="sw" style="background:{COLORS[s]}"></span>{_e(word(s, lang))}</li>'
                    for s in statuses)
    return f'<ul class="legend">{items}</ul>'


def _figure(key: str, lang: str, body: str, legend: str = "") -> str:
    """A chart with its caption; pygal's random ``chart-<uuid>`` id becomes one named after the chart,
    so the same data gives the same page byte for byte."""
    name = key.rsplit(".", 1)[-1]
    caption = say(key, lang)
    body = re.sub(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", f"chart-{name}", body)
    body = body.replace('<svg role="img" ', f'<svg role="img" aria-label="{_e(caption)}" ', 1)
    return (f'<figure class="chart" id="{_e(name)}"><figcaption>{_e(caption)}'
            f"</figcaption>{body}{legend}</figure>")


def _config(**kw) -> dict:
    base = dict(js=[], explicit_size=False, disable_xml_declaration=True, show_legend=False,
                print_values=False, truncate_label=-1, truncate_legend=-1, spacing=6,
                margin=6, show_y_guides=True, show_x_guides=False, no_prefix=False)
    base.update(kw)
    return base


def _ticks(top: float, most: int = 6) -> list[int]:
    """At most ``most`` round axis ticks, 0 to just past ``top``, in steps of 1, 2 or 5 × 10ⁿ.

    pygal's own choice crowds the value axis of a narrow chart (``100110120130140``).
    """
    top = max(top, 1)
    for exp in range(12):
        for m in (1, 2, 5):
            step = m * 10 ** exp
            n = -(-int(top) // step)  # ceil
            if n + 1 <= most:
                return [i * step for i in range(n + 1)]
    return [0, int(top)]


def _stacked(cls_name: str, labels: list[str], counts: list[Mapping], statuses: Sequence[str],
             height: int, horizontal: bool, **kw) -> str:
    pygal = _pygal()
    present = [s for s in statuses if any(c.get(s) for c in counts)]
    cls = getattr(pygal, cls_name)
    extra = {"margin_left": _label_margin(labels) + 6} if horizontal else {}
    top = max((sum(c.get(s) or 0 for s in present) for c in counts), default=1)
    chart = cls(style=_style([COLORS[s] for s in present]), width=CHART_W, height=height,
                **_config(**extra, y_labels=_ticks(top), **kw))
    if horizontal:  # pygal draws the first label at the bottom: reverse so the list reads top-down
        labels, counts = labels[::-1], counts[::-1]
    chart.x_labels = labels
    for s in present:
        chart.add(s, [c.get(s) or None for c in counts])
    return _svg(chart)


def status_by_plan_chart(agg: Mapping, lang: str, plan_labels: Mapping[str, str] | None = None) -> str:
    """Stacked horizontal bars: one bar per plan, one segment per status (``agg``: ``query.report.report_counts``)."""
    plans = list(agg["by_plan"])
    if not plans:
        return _figure("report.chart.status_by_plan", lang, empty_note(lang))
    names = [(plan_labels or {}).get(p, p) for p in plans]
    counts = [agg["by_plan"][p] for p in plans]
    svg = _stacked("HorizontalStackedBar", names, counts, STATUS_ORDER, 30 + 24 * len(plans), True)
    present = [s for s in STATUS_ORDER if any(c.get(s) for c in counts)]
    return _figure("report.chart.status_by_plan", lang, svg, _legend(present, lang))


def open_by_lead_chart(agg: Mapping, lang: str, top: int = LEAD_TOP) -> str:
    """Stacked horizontal bars: open items per lead unit (most first; the rest summed in one bar)."""
    return _per_lead_chart(agg, "by_lead", OPEN_STATUSES, "report.chart.open_by_lead", lang, top)


def lights_by_lead_chart(agg: Mapping, lang: str, top: int = LEAD_TOP) -> str:
    """Stacked horizontal bars: every item's light per lead unit, most red (then yellow) first; the
    units past ``top`` are summed in one bar."""
    return _per_lead_chart(agg, "lights_by_lead", LIGHTS, "report.chart.lights_by_lead", lang, top)


def _per_lead_chart(agg: Mapping, key: str, order: Sequence[str], title: str, lang: str, top: int) -> str:
    """One bar per lead unit of ``agg[key]`` (most first), stacked in ``order``; the units past ``top``
    summed in one bar."""
    units = list(agg[key])
    if not units:
        return _figure(title, lang, empty_note(lang))
    shown, rest = units[:top], units[top:]
    names, counts = list(shown), [agg[key][u] for u in shown]
    if rest:
        total = Counter()
        for u in rest:
            total.update(agg[key][u])
        names.append(say("report.more_units", lang, n=len(rest)))
        counts.append(total)
    svg = _stacked("HorizontalStackedBar", names, counts, order, 30 + 24 * len(names), True)
    present = [k for k in order if any(c.get(k) for c in counts)]
    return _figure(title, lang, svg, _legend(present, lang))


def by_month_chart(agg: Mapping, lang: str) -> str:
    """Stacked columns: deadlines per month (per quarter or year over long spans), by status; every
    period in the range is shown, empty ones too."""
    unit, bins = time_bins(agg["by_month"])
    key = f"report.chart.by_{unit}"
    periods = list(bins)
    if not periods:
        return _figure(key, lang, empty_note(lang))
    names = [p if p else say("report.month_undated", lang) for p in periods]
    counts = [bins[p] for p in periods]
    # every period labelled (year ends matter): slanted once there are too many to stand upright
    slant = {"x_label_rotation": -45, "margin_bottom": 18} if len(periods) > 6 else {}
    svg = _stacked("StackedBar", names, counts, STATUS_ORDER, 280, False, **slant)
    present = [s for s in STATUS_ORDER if any(c.get(s) for c in counts)]
    return _figure(key, lang, svg, _legend(present, lang))


def attainment_chart(agg: Mapping, lang: str, top: int = ATTAIN_TOP) -> str:
    """Horizontal bars of actual ÷ target in percent for recorded targets, in the colour of the row's
    status: green when met, red when missed, and the in-progress colour for a figure still open (60 %
    two months before the deadline is work under way, not a miss)."""
    pygal = _pygal()
    recs = agg["attainment"][:top]
    if not recs:
        return _figure("report.chart.attainment", lang, f'<p class="empty">{_e(say("report.no_attainment", lang))}</p>')
    names = [r["item"] for r in recs][::-1]
    values = []
    for r in recs[::-1]:
        pct = round(r["attainment"] * 100, 1)
        values.append({"value": pct, "color": COLORS[_attainment_status(r)], "label": r.get("metric") or ""})
    top_val = max(110.0, max(v["value"] for v in values) * 1.05)
    ticks = [t for t in range(0, int(top_val) + 1, 25 if top_val <= 200 else 50)]
    style = _style([COLORS["met"]])
    style.value_colors = ("#fff",)  # the percentage inside a dark bar
    chart = pygal.HorizontalBar(
        style=style, width=CHART_W, height=40 + 24 * len(values),
        **_config(margin_left=_label_margin(names) + 6, print_values=True,
                  value_formatter=lambda v: f"{v:g}%", range=(0, top_val), y_labels=ticks,
                  y_labels_major=[100], show_x_guides=False))
    chart.x_labels = names
    chart.add(say("col.attainment", lang), values)
    shown = {_attainment_status(r) for r in recs}
    legend = _legend([s for s in (Status.MET, Status.IN_PROGRESS, Status.OVERDUE, Status.MISSED) if s in shown], lang)
    return _figure("report.chart.attainment", lang, _svg(chart), legend)


def _attainment_status(r: Mapping) -> Status:
    """The colour a recorded figure takes: its row's status when met, missed or overdue (the deadline
    passed short of the target), else in progress (a figure reported while the work goes on)."""
    status = r.get("status")
    if status == Status.DONE:
        return Status.MET if r.get("met") else Status.MISSED
    if status in (Status.MET, Status.MISSED, Status.OVERDUE):
        return Status(status)
    return Status.IN_PROGRESS


def empty_note(lang: str) -> str:
    return f'<p class="empty">({_e(say("report.none", lang))})</p>'
