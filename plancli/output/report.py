"""The dashboard: one self-contained HTML page a manager reads at a glance, plus Markdown and JSON.

Input is rows in the README's output contract, as ``query.occurrence_rows`` returns them. Every
piece is a function that takes rows and returns an HTML fragment (``summary_html``, the four
``*_chart`` functions, ``items_html``), so other pages (the weekly list) can reuse them; ``page``
wraps fragments into a document.

The page works offline on a government intranet: no script, no web font, no CDN, no link to
anything; charts (plancli.output.charts) are inline SVG drawn by pygal with their labels kept as
``<text>``, so Chinese labels are set in the reader's own fonts (nothing is embedded or outlined).
Ids, dates and numbers never wrap; the source quote is one click away; it prints on A4.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from ..query.report import Report, time_bins
from ..text.actuals import written_like
from ..vocabulary import LIGHTS, STATUS_ORDER
from ..vocabulary import OPEN as OPEN_STATUSES
from ..words import html_lang, said, say, word
from .charts import (
    COLORS,
    FONTS,
    attainment_chart,
    by_month_chart,
    empty_note,
    lights_by_lead_chart,
    open_by_lead_chart,
    status_by_plan_chart,
)
from .render import html_text

__all__ = ["COLORS", "DOC_TABLES_CSS", "REVIEW_COLORS", "review_badge", "review_table", "SHORT", "NOTE_PARTS", "short",
           "said_html", "said_text", "summary_html", "items_table", "items_html", "light_badge", "deadline_cell", "page",
           "dashboard_html", "dashboard_md", "dashboard_json", "dashboard_data", "local_timestamp", "render_report",
           "REPORT_FORMATS"]

_e = html_text


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


# --------------------------------------------------------------------------- tables


def summary_html(agg: Mapping, lang: str) -> str:
    """One card per status with its count (statuses with none are left out), plus total and open."""
    t = agg["totals"]
    open_n = sum(t[s] for s in OPEN_STATUSES)
    cards = [f'<div class="card"><b>{sum(t.values())}</b><span>{_e(say("report.total", lang))}</span></div>',
             f'<div class="card"><b>{open_n}</b><span>{_e(say("report.open", lang))}</span></div>']
    for s in STATUS_ORDER:
        if t[s]:
            cards.append(f'<div class="card st-{s}" style="border-color:{COLORS[s]}"><b>{t[s]}</b>'
                         f"<span>{_e(word(s, lang))}</span></div>")
    lit = agg.get("lights") or {}
    lights = [f'<div class="card lt-{lt}" style="border-color:{COLORS[lt]}"><b>{lit.get(lt, 0)}</b>'
              f"<span>{_e(word(lt, lang))}</span></div>" for lt in LIGHTS if lit]
    review = agg.get("review")
    if review:  # the office's own queue and what it sent back (docs/review.md)
        lights += [f'<div class="card rv-{k}" style="border-color:{REVIEW_COLORS[k]}"><b>{review[k]}</b>'
                   f"<span>{_e(say(f'review.{k}', lang))}</span></div>" for k in REVIEW_COLORS]
    return f'<div class="cards">{"".join(cards)}</div>' + (f'<div class="cards">{"".join(lights)}</div>' if lights else "")


# The review's badges and cards: pending is the office's to decide (violet), returned the unit's to redo (brown).
REVIEW_COLORS = {"pending": "#7b4fbf", "returned": "#9c5a1a"}


def review_badge(r: Mapping, lang: str) -> str:
    """A row's review state under its status: 待审核, or 已退办 with the reason on hover."""
    state = r.get("review")
    if state not in REVIEW_COLORS:
        return ""
    return (f'<span class="lights" title="{_e(r.get("review_note") or "")}"><span class="badge" '
            f'style="background:{REVIEW_COLORS[state]}">{_e(say(f"review.{state}", lang))}</span></span>')


def review_table(agg: Mapping, lang: str) -> str:
    """Pending and returned claims per lead unit, most returned first (nothing without review)."""
    per = agg.get("review_by_lead")
    if not per:
        return ""
    head = (f"<th>{_e(say('col.lead', lang))}</th>"
            + "".join(f"<th>{_e(say(f'review.{k}', lang))}</th>" for k in REVIEW_COLORS))
    body = "".join(f'<tr><td class="c-lead">{_e(u)}</td>'
                   + "".join(f'<td class="nw num">{c[k]}</td>' for k in REVIEW_COLORS) + "</tr>"
                   for u, c in per.items())
    return (f"<h3 class=\"review\">{_e(say('report.review', lang))}</h3><div class=\"scroll\"><table class=\"items\" "
            f'style="width:auto"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def _target(r: Mapping) -> str:
    from ..registry.model import target_text

    return target_text(r.get("comparator"), r.get("value_text"))


def deadline_cell(r: Mapping, lang: str = "en") -> str:
    """The deadline in force, * when the source states none; an extended one (延期) says the original:
    2026-06-30 (was 2025-12-31)."""
    d = r.get("deadline") or "—"
    d += "*" if r.get("deadline") and r.get("deadline_inferred") else ""
    if r.get("deadline_original"):
        d += say("report.extended_from", lang, d=r["deadline_original"])
    return d


def _actual(r: Mapping) -> str:
    if r.get("actual") is None:
        return ""
    a = written_like(r["actual"], r.get("value_text"), r.get("unit"))  # 1.02 亿千瓦, as the target is written
    if r.get("attainment") is not None:
        a += f" ({r['attainment'] * 100:.0f}%)"
    return a


def items_table(rows: Sequence[Mapping], lang: str, *, plan_labels: Mapping[str, str] | None = None,
                show_actual: bool | None = None, show_doc: bool | None = None) -> str:
    """A table of items: id, plan, metric (source quote one click away), target, deadline, days,
    status, lead, and the recorded actual value when any row has one. Ids, dates and numbers never wrap.
    With rows of several documents the source line names its document."""
    if show_actual is None:
        show_actual = any(r.get("actual") is not None for r in rows)
    if show_doc is None:
        show_doc = len({r.get("doc") for r in rows}) > 1
    cols = ["item", "plan", "metric", "target", "deadline", "days_left", "status", "lead"]
    if show_actual:
        cols.append("actual")
    if any(r.get("evidence") for r in rows):
        cols.append("evidence")
    if any(r.get(k) for r in rows for k in NOTE_PARTS):  # red and yellow items: why, in the unit's words
        cols.append("said")
    head = "".join(f'<th class="c-{c}">{_e(say("col." + c, lang))}</th>' for c in cols)
    out = [f'<table class="items"><thead><tr>{head}</tr></thead><tbody>']
    src = say("report.source_line", lang)
    for r in rows:
        s = r.get("status") or ""
        line_text = src.format(line=r.get("line"))
        doc = r.get("doc") if show_doc else None
        where = f"{doc} {line_text}" if doc else line_text
        # each part stays whole (a document number, "原文第 132 行"); between them the line may break
        summary = (f'<span class="nw">{_e(doc)}</span> ' if doc else "") + f'<span class="nw">{_e(line_text)}</span>'
        quote = r.get("quote") or ""
        plan = (plan_labels or {}).get(r.get("plan"), r.get("plan") or "")
        dl_title = r.get("deadline_text") or say("report.inferred_note", lang)
        days = "" if r.get("days_left") is None else str(r["days_left"])
        cells = {
            "item": f'<td class="nw c-item" title="{_e(where)}: {_e(quote)}">{_e(r.get("item") or "")}</td>',
            "plan": f'<td class="c-plan" title="{_e(r.get("plan_name") or "")}">{_e(plan)}</td>',
            "metric": (f'<td class="c-metric"><span title="{_e(quote)}">{_e(r.get("metric") or "")}</span>'
                       f'<details class="src"><summary>{summary}</summary><q>{_e(quote)}</q></details></td>'),
            "target": f'<td class="nw c-target">{_e(_target(r))}</td>',
            "deadline": f'<td class="nw c-deadline" title="{_e(dl_title)}">{_e(deadline_cell(r, lang))}</td>',
            "days_left": f'<td class="nw num c-days_left">{_e(days)}</td>',
            # the light under the status, in the same cell (each badge whole): the table stays as narrow as it was
            "status": (f'<td class="c-status"><span class="badge" style="background:{COLORS.get(s, "#777")}">'
                       f"{_e(word(s, lang))}</span>{light_badge(r, lang)}{review_badge(r, lang)}</td>"),
            "lead": f'<td class="c-lead">{_e("、".join(r.get("lead") or []))}</td>',
            "actual": f'<td class="nw num c-actual">{_e(_actual(r))}</td>',
            "evidence": f'<td class="c-evidence" title="{_e(r.get("note") or "")}">{_e(r.get("evidence_name") or r.get("evidence") or "")}</td>',
            "said": f'<td class="c-said">{said_html(r, lang, none_said=False)}</td>',
        }
        out.append(f'<tr class="st-{_e(s)}">' + "".join(cells[c] for c in cols) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


SHORT = 60  # characters of a unit's text shown before “…”; the whole text is one click away


def short(text: str | None, n: int = SHORT) -> str:
    """``text`` on one line, cut to ``n`` characters with “…”."""
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[:n - 1].rstrip("，、；。 ") + "…"


NOTE_PARTS = ("progress", "problems", "next_steps")


def said_html(r: Mapping, lang: str, *, none_said: bool = True) -> str:
    """What a unit wrote on an item (进展情况, 存在问题, 下一步措施), one line each, cut to ``SHORT``
    characters with the whole text one click away (``<details>``; printed whole: a closed <details>
    cannot be opened by a print style, so the whole text is there too, shown only in print), and its date."""
    colon = say("punct.colon", lang)
    lines = []
    for k in NOTE_PARTS:
        full = " ".join((r.get(k) or "").split())
        if not full:
            continue
        label = f"<b>{_e(say('bulletin.' + k, lang))}{colon}</b>"
        if len(full) <= SHORT:
            lines.append(f'<div class="part">{label}{_e(full)}</div>')
        else:  # a div, not a p: a <details> inside a <p> would close it
            lines.append(f'<div class="part">{label}<details><summary>{_e(short(full))}<span class="more">'
                         f"{_e(say('bulletin.more', lang))}</span></summary>{_e(full)}</details>"
                         f'<span class="full">{_e(full)}</span></div>')  # a page prints whole
    if not lines:
        return f'<span class="none">{_e(say("bulletin.nothing_said", lang))}</span>' if none_said else ""
    return "".join(lines) + f'<div class="note">{_e(say("bulletin.noted_on", lang, d=r["noted_on"]))}</div>'


def said_text(r: Mapping, lang: str, n: int | None = None) -> str:
    """The same on one line (Markdown, a terminal, a workbook): 进展情况：…；存在问题：…（2024-11-20 填报）."""
    parts = [(say("bulletin." + k, lang), short(r[k], n) if n else r[k]) for k in NOTE_PARTS if r.get(k)]
    if not parts:
        return ""
    colon = say("punct.colon", lang)
    text = say("punct.semicolon", lang).join(f"{h}{colon}{t}" for h, t in parts)
    return say("punct.sentences", lang, a=text, b=say("bulletin.noted_on", lang, d=r["noted_on"]))


def light_badge(r: Mapping, lang: str) -> str:
    """A row's light as a coloured badge on a line of its own (the word in it: colour is not the only
    cue), its reason on hover, and how late it was closed."""

    lt = r.get("light") or ""
    if not lt:
        return ""
    late = ""
    if r.get("late"):
        late = f'<span class="late">{_e(say("report.late", lang, days=r.get("days_late")))}</span>'
    return (f'<span class="lights" title="{_e(said(r.get("light_reason"), lang))}">'
            f'<span class="badge lt" style="background:{COLORS.get(lt, "#777")}">{_e(word(lt, lang))}</span>'
            f"{late}</span>")


def items_html(rows: Sequence[Mapping], lang: str, *, plan_labels: Mapping[str, str] | None = None) -> str:
    """The item tables, one section per status, most urgent first; closed statuses start folded."""
    show_actual = any(r.get("actual") is not None for r in rows)
    show_doc = len({r.get("doc") for r in rows}) > 1
    parts = []
    for s in STATUS_ORDER:
        group = [r for r in rows if r.get("status") == s]
        if not group:
            continue
        table = items_table(group, lang, plan_labels=plan_labels, show_actual=show_actual, show_doc=show_doc)
        head = f"{_e(word(s, lang))} ({len(group)})"
        is_open = " open" if s in OPEN_STATUSES else ""
        parts.append(f'<details class="group st-{s}"{is_open}><summary><h3>{head}</h3></summary>'
                     f'<div class="scroll">{table}</div></details>')
    if any(r.get("deadline_inferred") for r in rows):
        parts.append(f'<p class="note">{_e(say("report.inferred_note", lang))}</p>')
    return "".join(parts) or empty_note(lang)


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
@media (min-width:1000px){td.c-plan{white-space:nowrap}}
@media (max-width:900px){body{padding:12px 10px}table.items th,table.items td{padding:3px 4px}}
details.src{font-size:12px;color:#555}
details.src summary{cursor:pointer}
details.src q{display:block;margin:2px 0 4px;padding-left:6px;border-left:3px solid #ccc}
td.c-said{min-width:14em;max-width:30em;font-size:12px}td.c-said .part{margin:0 0 2px}td.c-said b{color:#444}
td.c-said details{display:inline}td.c-said summary{cursor:pointer;list-style:none;display:inline}
td.c-said summary::-webkit-details-marker{display:none}td.c-said .more{color:#1f5fbf}
td.c-said details[open] summary{display:none}td.c-said .none{color:#b00020}td.c-said .full{display:none}
details.group{margin:4px 0}
details.group>summary{cursor:pointer;padding:4px 0}
.badge{color:#fff;border-radius:3px;padding:1px 6px;white-space:nowrap;font-size:12px}
.badge.lt{color:#111;font-weight:600}.badge.lt[style*="#d62d20"],.badge.lt[style*="#2e6fd6"],.badge.lt[style*="#2e9e4f"]{color:#fff}
.lights{display:block;margin-top:2px}.late{display:block;color:#8a5a00;font-size:12px}
.note,.empty{color:#555;font-size:13px}
h3.review{display:block;margin:16px 0 2px}
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
 td.c-said details{display:none}td.c-said .full{display:inline}
 details.group>summary{list-style:none}
 h2{break-after:avoid}
 .scroll{overflow:visible}
}
""".replace("FONTS", FONTS)


# The tables of a document page (the bulletin, the scores): bordered, headings kept on one line, numbers
# right-aligned, wide tables scroll on a screen and shrink in print.
DOC_TABLES_CSS = """
.wrap{overflow-x:auto}
.wrap table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
.wrap td,.wrap th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
.wrap th{background:#f3f3f3;white-space:nowrap}
td.nw{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.grow{min-width:9em}
@media print{.wrap{overflow:visible}.wrap table{font-size:8.5pt}}
"""


def page(title: str, fragments: Iterable[str], lang: str, meta: Sequence[tuple[str, str]] = (),
         footer: str = "", css: str = "") -> str:
    """A whole HTML document around ``fragments`` (already-escaped HTML); ``meta`` is (label, value)
    pairs; ``css`` adds rules of the calling page (the weekly digest's tables) after the shared ones."""
    meta_html = "".join(f"<span>{_e(k)}: {_e(v)}</span>" for k, v in meta)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html_lang(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}{css}</style></head><body>\n"
            f"<header><h1>{_e(title)}</h1><p class=\"meta\">{meta_html}</p></header>\n"
            + "\n".join(fragments)
            + (f"\n<footer>{_e(footer)}</footer>" if footer else "")
            + "\n</body></html>\n")


def dashboard_html(rep: Report, *, lang: str, scope: str, now: datetime | None = None, footer: str = "") -> str:
    """The whole dashboard page: summary cards, five charts, item tables."""
    agg = rep.counts
    title = f"{say('report.title', lang)} — {scope}"
    meta = [(say("report.as_of", lang), rep.filters.as_of.isoformat()),
            (say("report.generated", lang), local_timestamp(now))]
    charts = "".join([
        status_by_plan_chart(agg, lang, rep.plan_labels), open_by_lead_chart(agg, lang),
        lights_by_lead_chart(agg, lang), by_month_chart(agg, lang), attainment_chart(agg, lang)])
    body = [f"<section><h2>{_e(say('report.summary', lang))}</h2>{summary_html(agg, lang)}"
            f'<div class="charts">{charts}</div>{review_table(agg, lang)}</section>',
            f"<section><h2>{_e(say('report.items', lang))}</h2>"
            f"{items_html(rep.rows, lang, plan_labels=rep.plan_labels)}</section>"]
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


def dashboard_data(rep: Report, *, lang: str, scope: str, now: datetime | None = None,
                   fields: Sequence[str] | None = None) -> dict:
    """The numbers of the dashboard under fixed keys (status codes, never translated)."""
    agg = rep.counts
    keep = list(fields) if fields else None
    return {
        "as_of": rep.filters.as_of.isoformat(), "generated": local_timestamp(now), "scope": scope, "lang": lang,
        "totals": {s: agg["totals"].get(s, 0) for s in STATUS_ORDER},
        "lights": {lt: agg["lights"].get(lt, 0) for lt in LIGHTS},
        "lights_by_lead": _count_table(agg["lights_by_lead"], LIGHTS, "unit"),
        "by_plan": _count_table(agg["by_plan"], STATUS_ORDER, "plan"),
        "by_lead": _count_table(agg["by_lead"], OPEN_STATUSES, "unit"),
        "by_month": _count_table(agg["by_month"], STATUS_ORDER, "month"),
        "attainment": [{k: r.get(k) for k in ("item", "metric", "actual", "unit", "value", "comparator",
                                              "attainment", "met")} for r in agg["attainment"]],
        **({"review": dict(agg["review"]),
            "review_by_lead": [{"unit": u, **c} for u, c in agg["review_by_lead"].items()]} if "review" in agg else {}),
        "items": [{k: r.get(k) for k in keep} if keep else dict(r) for r in rep.rows],
    }


def dashboard_json(rep: Report, **kw) -> str:
    import json

    return json.dumps(dashboard_data(rep, **kw), ensure_ascii=False, indent=1, default=str) + "\n"


def dashboard_md(rep: Report, *, lang: str, scope: str, now: datetime | None = None) -> str:
    """The dashboard as Markdown: the same counts as tables (no charts), then the item tables."""
    import io

    from .render import Column, md_escape, render

    agg, rows, plan_labels, as_of = rep.counts, rep.rows, rep.plan_labels, rep.filters.as_of.isoformat()
    buf = io.StringIO()
    buf.write(f"# {md_escape(say('report.title', lang))} — {md_escape(scope)}\n\n")
    buf.write(f"{say('report.as_of', lang)}: {as_of} · {say('report.generated', lang)}: "
              f"{local_timestamp(now)}\n\n")

    def st_cols(first_key: str, first_head: str, statuses) -> list[Column]:
        return ([Column(first_key, first_head)] + [Column(s, word(s, lang)) for s in statuses]
                + [Column("total", say("report.total", lang))])

    totals = agg["totals"]
    unit, bins = time_bins(agg["by_month"])  # the chart's periods: months, quarters or years
    buf.write(f"## {say('report.summary', lang)}\n\n")
    render([{"status": word(s, lang), "n": totals[s]} for s in STATUS_ORDER if totals[s]],
           [Column("status", say("col.status", lang)), Column("n", say("col.count", lang))], "md", buf)
    for key, part, statuses, first in (
            ("report.chart.status_by_plan", _count_table(agg["by_plan"], STATUS_ORDER, "k", plan_labels),
             STATUS_ORDER, say("col.plan", lang)),
            ("report.chart.open_by_lead", _count_table(agg["by_lead"], OPEN_STATUSES, "k"), OPEN_STATUSES,
             say("col.lead", lang)),
            ("report.chart.lights_by_lead", _count_table(agg["lights_by_lead"], LIGHTS, "k"), LIGHTS,
             say("col.lead", lang)),
            (f"report.chart.by_{unit}", _count_table(bins, STATUS_ORDER, "k"), STATUS_ORDER,
             say("col.deadline", lang))):
        part = [r for r in part if r["total"]]  # periods without deadlines: only the chart shows the gap
        used = [s for s in statuses if any(r[s] for r in part)]
        for r in part:
            if r["k"] is None:
                r["k"] = say("report.month_undated", lang)
        buf.write(f"\n## {say(key, lang)}\n\n")
        render(part, st_cols("k", first, used), "md", buf)
    if agg.get("review_by_lead"):
        buf.write(f"\n## {say('report.review', lang)}\n\n")
        render([{"unit": u, **c} for u, c in agg["review_by_lead"].items()],
               [Column("unit", say("col.lead", lang))] + [Column(k, say(f"review.{k}", lang)) for k in REVIEW_COLORS],
               "md", buf)
    buf.write(f"\n## {say('report.chart.attainment', lang)}\n\n")
    if agg["attainment"]:
        att = [{"item": r["item"], "metric": r.get("metric"), "target": _target(r), "actual": _actual(r),
                "status": word(r.get("status"), lang)} for r in agg["attainment"]]
        render(att, [Column("item", say("col.item", lang)), Column("metric", say("col.metric", lang)),
                     Column("target", say("col.target", lang)), Column("actual", say("col.actual", lang)),
                     Column("status", say("col.status", lang))], "md", buf)
    else:
        buf.write(say("report.no_attainment", lang) + "\n")
    buf.write(f"\n## {say('report.items', lang)}\n")
    if not rows:
        buf.write(f"\n({say('report.none', lang)})\n")
    cols = [Column("item", say("col.item", lang)), Column("plan", say("col.plan", lang)),
            Column("metric", say("col.metric", lang)), Column("target", say("col.target", lang)),
            Column("deadline", say("col.deadline", lang)), Column("days_left", say("col.days_left", lang)),
            Column("light", say("col.light", lang)), Column("lead", say("col.lead", lang))]
    if any(r.get(k) for r in rows for k in NOTE_PARTS):  # red and yellow items: the unit's words, in full
        cols.append(Column("said", say("col.said", lang)))
    for s in STATUS_ORDER:
        group = [r for r in rows if r.get("status") == s]
        if not group:
            continue
        buf.write(f"\n### {word(s, lang)} ({len(group)})\n\n")
        shown = [{**r, "plan": (plan_labels or {}).get(r.get("plan"), r.get("plan")), "target": _target(r),
                  "deadline": deadline_cell(r, lang), "light": word(r.get("light"), lang),
                  "said": said_text(r, lang)} for r in group]
        render(shown, cols, "md", buf)
    if any(r.get("deadline_inferred") for r in rows):
        buf.write("\n" + say("report.inferred_note", lang) + "\n")
    return buf.getvalue()


# --------------------------------------------------------------------------- from the registry

REPORT_FORMATS = ("html", "md", "json")


def render_report(rep: Report, fmt: str, lang: str, *, scope: str, footer: str = "",
                  fields: Sequence[str] | None = None, now: datetime | None = None) -> str:
    """The report ``rep`` (``query.report.report``) as ``html``, ``md`` or ``json``."""
    if fmt == "html":
        return dashboard_html(rep, lang=lang, scope=scope, now=now, footer=footer)
    if fmt == "md":
        return dashboard_md(rep, lang=lang, scope=scope, now=now)
    if fmt == "json":
        return dashboard_json(rep, lang=lang, scope=scope, now=now, fields=fields)
    raise ValueError(f"unknown report format {fmt!r}")
