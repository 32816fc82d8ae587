"""The dashboard: one self-contained HTML page a manager reads at a glance, plus Markdown and JSON.

Input is rows in the README's output contract, as ``query.occurrence_rows`` returns them. Every
piece is a function that takes rows and returns an HTML fragment (``summary_html``, the four
``*_chart`` functions, ``items_html``), so other pages (the weekly list) can reuse them; ``page``
wraps fragments into a document.

The page works offline on a government intranet: no script, no web font, no CDN, no link to
anything; charts are inline SVG drawn by pygal with their labels kept as ``<text>``, so Chinese
labels are set in the reader's own fonts (nothing is embedded or outlined). It prints on A4.

Charts: status per plan (stacked bars), open items per lead unit, deadlines per month (stacked by
status), attainment of recorded targets (actual ÷ target, green when met).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from .i18n import OPEN_STATUSES, STATUS_ORDER, html_lang, label, status_label

__all__ = ["COLORS", "aggregate", "summary_html", "status_by_plan_chart", "open_by_lead_chart",
           "by_month_chart", "attainment_chart", "items_html", "page", "dashboard_html",
           "dashboard_md", "dashboard_json", "dashboard_data", "local_timestamp", "build_report",
           "REPORT_FORMATS"]

# One colour per status, the same in charts, legends, badges and the xlsx export.
COLORS = {
    "overdue": "#c0392b", "due_soon": "#e67e22", "in_progress": "#8e44ad", "upcoming": "#2e86c1",
    "undated": "#95a5a6", "missed": "#7b241c", "met": "#1e8449", "done": "#58b87a",
}
FONTS = ("system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Source Han Sans SC', "
         "'Microsoft YaHei', 'PingFang SC', sans-serif")
CHART_W = 460  # viewBox width: about the width a chart gets on screen, so 13px labels stay ~13px
LEAD_TOP = 12  # units shown by name in the lead-unit chart; the rest are summed in one bar
ATTAIN_TOP = 30  # recorded targets shown in the attainment chart (worst first)

_e = html.escape


def local_timestamp(now: datetime | None = None) -> str:
    """``2026-11-28 21:30 (UTC+08:00)``: the machine's local time, with its offset spelled out.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes the time, so a page rendered
    twice from the same data is byte-identical (the test's screenshot in docs/ does not churn).
    """
    import os

    if now is None and os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        now = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]))
    t = (now or datetime.now()).astimezone()
    off = t.strftime("%z")
    return f"{t:%Y-%m-%d %H:%M} (UTC{off[:3]}:{off[3:]})"


# --------------------------------------------------------------------------- numbers


def _canon_leads(r: Mapping, canon: Callable[[str], str] | None) -> list[str]:
    names = r.get("lead") or []
    return list(dict.fromkeys(canon(n) if canon else n for n in names))


def aggregate(rows: Sequence[Mapping], canon: Callable[[str], str] | None = None,
              plan_order: Sequence[str] | None = None) -> dict:
    """Counts behind the charts, keyed by contract status codes.

    ``by_plan``: plan → status → n; ``by_lead``: canonical lead unit → open status → n (an item
    with two lead units counts for each); ``by_month``: ``YYYY-MM`` (every month from the first to
    the last deadline, empty ones included) → status → n, undated items under ``None``;
    ``attainment``: the rows with a recorded actual value, lowest attainment first.
    """
    totals = Counter(r["status"] for r in rows)
    by_plan: dict[str, Counter] = {p: Counter() for p in (plan_order or [])}
    by_lead: dict[str, Counter] = {}
    months: dict[str | None, Counter] = {}
    for r in rows:
        by_plan.setdefault(r["plan"], Counter())[r["status"]] += 1
        if r["status"] in OPEN_STATUSES:
            for u in _canon_leads(r, canon):
                by_lead.setdefault(u, Counter())[r["status"]] += 1
        d = r.get("deadline")
        months.setdefault(d[:7] if d else None, Counter())[r["status"]] += 1
    by_plan = {p: c for p, c in by_plan.items() if c}
    dated = sorted(m for m in months if m)
    by_month: dict[str | None, Counter] = {}
    if dated:
        y, m = map(int, dated[0].split("-"))
        while f"{y:04d}-{m:02d}" <= dated[-1]:
            key = f"{y:04d}-{m:02d}"
            by_month[key] = months.get(key, Counter())
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if None in months:
        by_month[None] = months[None]
    lead_sorted = dict(sorted(by_lead.items(), key=lambda kv: (-sum(kv[1].values()), -kv[1]["overdue"], kv[0])))
    attain = sorted((r for r in rows if r.get("attainment") is not None),
                    key=lambda r: (r["attainment"], r["item"]))
    return {"totals": totals, "by_plan": by_plan, "by_lead": lead_sorted, "by_month": by_month,
            "attainment": attain}


# --------------------------------------------------------------------------- charts


def _style(n_colors: Sequence[str]):
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
    items = "".join(f'<li><span class="sw" style="background:{COLORS[s]}"></span>{_e(status_label(s, lang))}</li>'
                    for s in statuses)
    return f'<ul class="legend">{items}</ul>'


def _figure(key: str, lang: str, body: str, legend: str = "") -> str:
    """A chart with its caption; pygal's random ``chart-<uuid>`` id becomes one named after the chart,
    so the same data gives the same page byte for byte."""
    name = key.rsplit(".", 1)[-1]
    caption = label(key, lang)
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
    import pygal

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


def status_by_plan_chart(rows: Sequence[Mapping], lang: str, plan_labels: Mapping[str, str] | None = None,
                         agg: dict | None = None) -> str:
    """Stacked horizontal bars: one bar per plan, one segment per status."""
    agg = agg or aggregate(rows)
    plans = list(agg["by_plan"])
    if not plans:
        return _figure("report.chart.status_by_plan", lang, _empty(lang))
    names = [(plan_labels or {}).get(p, p) for p in plans]
    counts = [agg["by_plan"][p] for p in plans]
    svg = _stacked("HorizontalStackedBar", names, counts, STATUS_ORDER, 30 + 24 * len(plans), True)
    present = [s for s in STATUS_ORDER if any(c.get(s) for c in counts)]
    return _figure("report.chart.status_by_plan", lang, svg, _legend(present, lang))


def open_by_lead_chart(rows: Sequence[Mapping], lang: str, canon: Callable[[str], str] | None = None,
                       agg: dict | None = None, top: int = LEAD_TOP) -> str:
    """Stacked horizontal bars: open items per lead unit (most first; the rest summed in one bar)."""
    agg = agg or aggregate(rows, canon)
    units = list(agg["by_lead"])
    if not units:
        return _figure("report.chart.open_by_lead", lang, _empty(lang))
    shown, rest = units[:top], units[top:]
    names = list(shown)
    counts = [agg["by_lead"][u] for u in shown]
    if rest:
        total = Counter()
        for u in rest:
            total.update(agg["by_lead"][u])
        names.append(label("report.more_units", lang).format(n=len(rest)))
        counts.append(total)
    svg = _stacked("HorizontalStackedBar", names, counts, OPEN_STATUSES, 30 + 24 * len(names), True)
    present = [s for s in OPEN_STATUSES if any(c.get(s) for c in counts)]
    return _figure("report.chart.open_by_lead", lang, svg, _legend(present, lang))


def by_month_chart(rows: Sequence[Mapping], lang: str, agg: dict | None = None) -> str:
    """Stacked columns: deadlines per month, by status (every month in the range, empty ones too)."""
    agg = agg or aggregate(rows)
    months = list(agg["by_month"])
    if not months:
        return _figure("report.chart.by_month", lang, _empty(lang))
    names = [m if m else label("report.month_undated", lang) for m in months]
    counts = [agg["by_month"][m] for m in months]
    # every month labelled (year ends matter): slanted once there are too many to stand upright
    slant = {"x_label_rotation": -45, "margin_left": 24} if len(months) > 6 else {}
    svg = _stacked("StackedBar", names, counts, STATUS_ORDER, 280, False, **slant)
    present = [s for s in STATUS_ORDER if any(c.get(s) for c in counts)]
    return _figure("report.chart.by_month", lang, svg, _legend(present, lang))


def attainment_chart(rows: Sequence[Mapping], lang: str, agg: dict | None = None, top: int = ATTAIN_TOP) -> str:
    """Horizontal bars of actual ÷ target in percent for recorded targets, green when met, red when not."""
    import pygal

    agg = agg or aggregate(rows)
    recs = agg["attainment"][:top]
    if not recs:
        return _figure("report.chart.attainment", lang, f'<p class="empty">{_e(label("report.no_attainment", lang))}</p>')
    names = [r["item"] for r in recs][::-1]
    values = []
    for r in recs[::-1]:
        pct = round(r["attainment"] * 100, 1)
        values.append({"value": pct, "color": COLORS["met"] if r.get("met") else COLORS["missed"],
                       "label": r.get("metric") or ""})
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
    chart.add(label("col.attainment", lang), values)
    legend = _legend(["met", "missed"], lang)
    return _figure("report.chart.attainment", lang, _svg(chart), legend)


def _empty(lang: str) -> str:
    return f'<p class="empty">({_e(label("report.none", lang))})</p>'


# --------------------------------------------------------------------------- tables


def summary_html(rows: Sequence[Mapping], lang: str, agg: dict | None = None) -> str:
    """One card per status with its count (statuses with none are left out), plus total and open."""
    agg = agg or aggregate(rows)
    t = agg["totals"]
    open_n = sum(t[s] for s in OPEN_STATUSES)
    cards = [f'<div class="card"><b>{len(rows)}</b><span>{_e(label("report.total", lang))}</span></div>',
             f'<div class="card"><b>{open_n}</b><span>{_e(label("report.open", lang))}</span></div>']
    for s in STATUS_ORDER:
        if t[s]:
            cards.append(f'<div class="card st-{s}" style="border-color:{COLORS[s]}"><b>{t[s]}</b>'
                         f"<span>{_e(status_label(s, lang))}</span></div>")
    return f'<div class="cards">{"".join(cards)}</div>'


def _target(r: Mapping) -> str:
    from .query import target_text

    return target_text(r.get("comparator"), r.get("value_text"))


def _deadline(r: Mapping) -> str:
    d = r.get("deadline") or "—"
    return d + ("*" if r.get("deadline") and r.get("deadline_inferred") else "")


def _actual(r: Mapping) -> str:
    if r.get("actual") is None:
        return ""
    a = f"{r['actual']:g} {r.get('unit') or ''}".strip()
    if r.get("attainment") is not None:
        a += f" ({r['attainment'] * 100:.0f}%)"
    return a


def items_table(rows: Sequence[Mapping], lang: str, *, plan_labels: Mapping[str, str] | None = None,
                show_actual: bool | None = None) -> str:
    """A table of items: id, plan, metric (source quote one click away), target, deadline, days,
    status, lead, and the recorded actual value when any row has one. Ids, dates and numbers never wrap."""
    if show_actual is None:
        show_actual = any(r.get("actual") is not None for r in rows)
    cols = ["item", "plan", "metric", "target", "deadline", "days_left", "status", "lead"]
    if show_actual:
        cols.append("actual")
    head = "".join(f'<th class="c-{c}">{_e(label("col." + c, lang))}</th>' for c in cols)
    out = [f'<table class="items"><thead><tr>{head}</tr></thead><tbody>']
    src = label("report.source_line", lang)
    for r in rows:
        s = r.get("status") or ""
        where = src.format(line=r.get("line"))
        quote = r.get("quote") or ""
        plan = (plan_labels or {}).get(r.get("plan"), r.get("plan") or "")
        dl_title = r.get("deadline_text") or label("report.inferred_note", lang)
        days = "" if r.get("days_left") is None else str(r["days_left"])
        cells = {
            "item": f'<td class="nw c-item" title="{_e(where)}: {_e(quote)}">{_e(r.get("item") or "")}</td>',
            "plan": f'<td class="c-plan" title="{_e(r.get("plan_name") or "")}">{_e(plan)}</td>',
            "metric": (f'<td class="c-metric"><span title="{_e(quote)}">{_e(r.get("metric") or "")}</span>'
                       f'<details class="src"><summary>{_e(where)}</summary><q>{_e(quote)}</q></details></td>'),
            "target": f'<td class="nw c-target">{_e(_target(r))}</td>',
            "deadline": f'<td class="nw c-deadline" title="{_e(dl_title)}">{_e(_deadline(r))}</td>',
            "days_left": f'<td class="nw num c-days_left">{_e(days)}</td>',
            "status": (f'<td class="nw c-status"><span class="badge" style="background:{COLORS.get(s, "#777")}">'
                       f"{_e(status_label(s, lang))}</span></td>"),
            "lead": f'<td class="c-lead">{_e("、".join(r.get("lead") or []))}</td>',
            "actual": f'<td class="nw num c-actual">{_e(_actual(r))}</td>',
        }
        out.append(f'<tr class="st-{_e(s)}">' + "".join(cells[c] for c in cols) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def items_html(rows: Sequence[Mapping], lang: str, *, plan_labels: Mapping[str, str] | None = None) -> str:
    """The item tables, one section per status, most urgent first; closed statuses start folded."""
    show_actual = any(r.get("actual") is not None for r in rows)
    parts = []
    for s in STATUS_ORDER:
        group = [r for r in rows if r.get("status") == s]
        if not group:
            continue
        table = items_table(group, lang, plan_labels=plan_labels, show_actual=show_actual)
        head = f"{_e(status_label(s, lang))} ({len(group)})"
        is_open = " open" if s in OPEN_STATUSES else ""
        parts.append(f'<details class="group st-{s}"{is_open}><summary><h3>{head}</h3></summary>'
                     f'<div class="scroll">{table}</div></details>')
    if any(r.get("deadline_inferred") for r in rows):
        parts.append(f'<p class="note">{_e(label("report.inferred_note", lang))}</p>')
    return "".join(parts) or _empty(lang)


# --------------------------------------------------------------------------- the page

CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:FONTS;color:#222;margin:0 auto;padding:16px 20px;max-width:1400px;line-height:1.45;
 font-size:14px;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid #ddd;padding-bottom:2px}
h3{font-size:15px;margin:0;display:inline}
.meta{color:#555;margin:0 0 12px}
.meta span{white-space:nowrap;margin-right:1.2em}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.card{border:1px solid #ccc;border-left-width:6px;border-radius:4px;padding:6px 12px;min-width:96px}
.card b{display:block;font-size:22px;white-space:nowrap;font-variant-numeric:tabular-nums}
.card span{color:#444;white-space:nowrap}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:12px 24px}
figure.chart{margin:0;min-width:0;break-inside:avoid}
figure.chart figcaption{font-weight:600;margin:4px 0}
figure.chart svg{width:100%;height:auto;display:block}
ul.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:2px 14px;font-size:13px}
ul.legend li{white-space:nowrap}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.scroll{max-width:100%;overflow-x:auto}
table.items{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:13px}
table.items th,table.items td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
table.items th{background:#f4f4f4;white-space:nowrap;position:sticky;top:0}
.nw{white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.c-metric{min-width:9em;overflow-wrap:anywhere}
td.c-lead{min-width:5em}
td.c-plan{min-width:3em}
@media (max-width:900px){body{padding:12px 10px}table.items th,table.items td{padding:3px 4px}}
details.src{font-size:12px;color:#555}
details.src summary{cursor:pointer;white-space:nowrap}
details.src q{display:block;margin:2px 0 4px;padding-left:6px;border-left:3px solid #ccc}
details.group{margin:4px 0}
details.group>summary{cursor:pointer;padding:4px 0}
.badge{color:#fff;border-radius:3px;padding:1px 6px;white-space:nowrap;font-size:12px}
.note,.empty{color:#555;font-size:13px}
footer{color:#666;font-size:12px;margin-top:24px;border-top:1px solid #ddd;padding-top:6px}
@page{size:A4;margin:12mm}
@media print{
 body{padding:0;max-width:none;font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .charts{grid-template-columns:1fr 1fr}
 table.items{font-size:8.5pt}
 table.items th{position:static}
 thead{display:table-header-group}
 tr{break-inside:avoid}
 details.src summary{display:none}
 details.group>summary{list-style:none}
 h2{break-after:avoid}
 .scroll{overflow:visible}
}
""".replace("FONTS", FONTS)


def page(title: str, fragments: Iterable[str], lang: str, meta: Sequence[tuple[str, str]] = (),
         footer: str = "") -> str:
    """A whole HTML document around ``fragments`` (already-escaped HTML); ``meta`` is (label, value) pairs."""
    meta_html = "".join(f"<span>{_e(k)}: {_e(v)}</span>" for k, v in meta)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html_lang(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>\n"
            f"<header><h1>{_e(title)}</h1><p class=\"meta\">{meta_html}</p></header>\n"
            + "\n".join(fragments)
            + (f"\n<footer>{_e(footer)}</footer>" if footer else "")
            + "\n</body></html>\n")


def dashboard_html(rows: Sequence[Mapping], *, lang: str, as_of: str, scope: str,
                   canon: Callable[[str], str] | None = None, plan_labels: Mapping[str, str] | None = None,
                   plan_order: Sequence[str] | None = None, now: datetime | None = None,
                   footer: str = "") -> str:
    """The whole dashboard page: summary cards, four charts, item tables."""
    agg = aggregate(rows, canon, plan_order)
    title = f"{label('report.title', lang)} — {scope}"
    meta = [(label("report.as_of", lang), as_of), (label("report.generated", lang), local_timestamp(now))]
    charts = "".join([
        status_by_plan_chart(rows, lang, plan_labels, agg), open_by_lead_chart(rows, lang, canon, agg),
        by_month_chart(rows, lang, agg), attainment_chart(rows, lang, agg)])
    body = [f"<section><h2>{_e(label('report.summary', lang))}</h2>{summary_html(rows, lang, agg)}"
            f'<div class="charts">{charts}</div></section>',
            f"<section><h2>{_e(label('report.items', lang))}</h2>{items_html(rows, lang, plan_labels=plan_labels)}"
            "</section>"]
    return page(title, body, lang, meta, footer)


# --------------------------------------------------------------------------- md and json


def _count_table(agg_part: Mapping, statuses: Sequence[str], first: str, names: Mapping | None = None) -> list[dict]:
    out = []
    for k, c in agg_part.items():
        row = {first: (names or {}).get(k, k) if k is not None else None}
        row.update({s: c.get(s, 0) for s in statuses})
        row["total"] = sum(c.values())
        out.append(row)
    return out


def dashboard_data(rows: Sequence[Mapping], *, lang: str, as_of: str, scope: str,
                   canon: Callable[[str], str] | None = None, plan_order: Sequence[str] | None = None,
                   now: datetime | None = None, fields: Sequence[str] | None = None) -> dict:
    """The numbers of the dashboard under fixed keys (status codes, never translated)."""
    agg = aggregate(rows, canon, plan_order)
    keep = list(fields) if fields else None
    return {
        "as_of": as_of, "generated": local_timestamp(now), "scope": scope, "lang": lang,
        "totals": {s: agg["totals"].get(s, 0) for s in STATUS_ORDER},
        "by_plan": _count_table(agg["by_plan"], STATUS_ORDER, "plan"),
        "by_lead": _count_table(agg["by_lead"], OPEN_STATUSES, "unit"),
        "by_month": _count_table(agg["by_month"], STATUS_ORDER, "month"),
        "attainment": [{k: r.get(k) for k in ("item", "metric", "actual", "unit", "value", "comparator",
                                              "attainment", "met")} for r in agg["attainment"]],
        "items": [{k: r.get(k) for k in keep} if keep else dict(r) for r in rows],
    }


def dashboard_json(rows: Sequence[Mapping], **kw) -> str:
    import json

    return json.dumps(dashboard_data(rows, **kw), ensure_ascii=False, indent=1) + "\n"


def dashboard_md(rows: Sequence[Mapping], *, lang: str, as_of: str, scope: str,
                 canon: Callable[[str], str] | None = None, plan_labels: Mapping[str, str] | None = None,
                 plan_order: Sequence[str] | None = None, now: datetime | None = None) -> str:
    """The dashboard as Markdown: the same counts as tables (no charts), then the item tables."""
    import io

    from .render import Column, md_escape, render

    agg = aggregate(rows, canon, plan_order)
    buf = io.StringIO()
    buf.write(f"# {md_escape(label('report.title', lang))} — {md_escape(scope)}\n\n")
    buf.write(f"{label('report.as_of', lang)}: {as_of} · {label('report.generated', lang)}: "
              f"{local_timestamp(now)}\n\n")

    def st_cols(first_key: str, first_head: str, statuses) -> list[Column]:
        return ([Column(first_key, first_head)] + [Column(s, status_label(s, lang)) for s in statuses]
                + [Column("total", label("report.total", lang))])

    totals = agg["totals"]
    buf.write(f"## {label('report.summary', lang)}\n\n")
    render([{"status": status_label(s, lang), "n": totals[s]} for s in STATUS_ORDER if totals[s]],
           [Column("status", label("col.status", lang)), Column("n", label("col.count", lang))], "md", buf)
    for key, part, statuses, first in (
            ("report.chart.status_by_plan", _count_table(agg["by_plan"], STATUS_ORDER, "k", plan_labels),
             STATUS_ORDER, label("col.plan", lang)),
            ("report.chart.open_by_lead", _count_table(agg["by_lead"], OPEN_STATUSES, "k"), OPEN_STATUSES,
             label("col.lead", lang)),
            ("report.chart.by_month", _count_table(agg["by_month"], STATUS_ORDER, "k"), STATUS_ORDER,
             label("col.deadline", lang))):
        part = [r for r in part if r["total"]]  # months without deadlines: only the chart shows the gap
        used = [s for s in statuses if any(r[s] for r in part)]
        for r in part:
            if r["k"] is None:
                r["k"] = label("report.month_undated", lang)
        buf.write(f"\n## {label(key, lang)}\n\n")
        render(part, st_cols("k", first, used), "md", buf)
    buf.write(f"\n## {label('report.chart.attainment', lang)}\n\n")
    if agg["attainment"]:
        att = [{"item": r["item"], "metric": r.get("metric"), "target": _target(r), "actual": _actual(r),
                "status": status_label(r.get("status"), lang)} for r in agg["attainment"]]
        render(att, [Column("item", label("col.item", lang)), Column("metric", label("col.metric", lang)),
                     Column("target", label("col.target", lang)), Column("actual", label("col.actual", lang)),
                     Column("status", label("col.status", lang))], "md", buf)
    else:
        buf.write(label("report.no_attainment", lang) + "\n")
    buf.write(f"\n## {label('report.items', lang)}\n")
    cols = [Column("item", label("col.item", lang)), Column("plan", label("col.plan", lang)),
            Column("metric", label("col.metric", lang)), Column("target", label("col.target", lang)),
            Column("deadline", label("col.deadline", lang)), Column("days_left", label("col.days_left", lang)),
            Column("lead", label("col.lead", lang))]
    for s in STATUS_ORDER:
        group = [r for r in rows if r.get("status") == s]
        if not group:
            continue
        buf.write(f"\n### {status_label(s, lang)} ({len(group)})\n\n")
        shown = [{**r, "plan": (plan_labels or {}).get(r.get("plan"), r.get("plan")), "target": _target(r),
                  "deadline": _deadline(r)} for r in group]
        render(shown, cols, "md", buf)
    if any(r.get("deadline_inferred") for r in rows):
        buf.write("\n" + label("report.inferred_note", lang) + "\n")
    return buf.getvalue()


# --------------------------------------------------------------------------- from the registry

REPORT_FORMATS = ("html", "md", "json")


def build_report(reg, table, records, f, fmt: str, lang: str, *, fields: Sequence[str] | None = None,
                 now: datetime | None = None) -> str:
    """The report of every occurrence that passes the filters ``f``, as ``html``, ``md`` or ``json``."""
    from .i18n import scope_text
    from .query import occurrence_rows

    rows = occurrence_rows(reg, f, table, records)
    plan_labels = {p.code: p.short for p in reg.plans.values()}
    scope = scope_text(list(f.units), [plan_labels.get(c, c) for c in f.plans], lang)
    common = dict(lang=lang, as_of=f.as_of.isoformat(), scope=scope, now=now,
                  canon=table.canonical if table else None, plan_order=list(reg.plans))
    if fmt == "html":
        return dashboard_html(rows, plan_labels=plan_labels, footer=f"plancli · {reg.path.name}", **common)
    if fmt == "md":
        return dashboard_md(rows, plan_labels=plan_labels, **common)
    if fmt == "json":
        return dashboard_json(rows, fields=fields, **common)
    raise ValueError(f"unknown report format {fmt!r}")
