"""The 通报 (``plancli bulletin``) as people read it: Markdown, an HTML page in the report's style,
JSON (the unit rows with their ``rank``) and an Excel workbook.

The numbers come from ``query.bulletin``; this module only words and lays them out. In Chinese it
reads like a 通报 of a 督查 office: a title naming the period, an opening paragraph with the totals,
numbered sections (the ranking, the items newly red, the rank rule, what is asked of the units).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from ..registry.model import target_text
from ..vocabulary import LIGHTS
from ..words import chinese_count, long_date, ordinal, said, say
from .render import Column, html_text, md_escape, render
from .report import NOTE_PARTS as PARTS
from .report import SHORT, said_html, said_text

__all__ = ["period_name", "BULLETIN_FORMATS", "bulletin_text", "bulletin_table", "bulletin_xlsx", "unit_columns"]

BULLETIN_FORMATS = ("table", "md", "html", "json", "xlsx")

SHOWN = ("rank", "unit", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow",
         "completed_share", "submitted_on", "on_time")
NEWLY = ("item", "metric", "target", "deadline", "lead", "reason")
# A unit's red and yellow items: what, the light and why, and the unit's own words (one cell for people,
# three columns in the workbook).
FLAGGED = ("item", "metric", "target", "deadline", "light", "reason", "said")


def _t(key: str, lang: str, /, **fields) -> str:
    return say(f"bulletin.{key}", lang, **fields)


def period_name(b: Mapping, lang: str) -> str:
    """The period as a 通报 names it: 2025年11月, 2025年第四季度, 2025年10月1日至11月15日 (English: its label)."""
    p = b["period"]
    start, end, label = date.fromisoformat(p["start"]), date.fromisoformat(p["end"]), p["label"]
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return say("period.month", lang, y=start.year, m=start.month, label=label)
    if m := re.fullmatch(r"(\d{4})Q([1-4])", label):
        return say("period.quarter", lang, y=m.group(1), q=chinese_count(int(m.group(2))), label=label)
    return say("period.range", lang, y1=start.year, m1=start.month, d1=start.day, y2=end.year, m2=end.month,
               d2=end.day, start=p["start"], end=p["end"])


def shown(b: Mapping) -> tuple[str, ...]:
    """The unit columns people see: with a reporting cycle, the items not reported in it too (they
    weigh in the rank)."""
    keys = SHOWN
    if b["cycle"]:
        i = keys.index("yellow") + 1
        keys = (*keys[:i], "stale", *keys[i:])
    if b.get("review"):  # 待审核 and 已退办 per unit, after the closings they hold up (docs/review.md)
        i = keys.index("late") + 1
        keys = (*keys[:i], "pending", "returned", *keys[i:])
    return keys


def _head(key: str, lang: str, b: Mapping | None = None) -> str:
    """A column's heading; the unit column says which role is counted (牵头单位 / 配合单位)."""
    if key == "unit" and b is not None and b.get("role") == "support":
        return _t("unit.support", lang)
    return _t(key, lang)


def unit_columns(lang: str, keys: Sequence[str] = SHOWN, b: Mapping | None = None) -> list[Column]:
    return [Column(k, _head(k, lang, b), None, "ellipsis" if k == "unit" else None) for k in keys]


def _unit_cells(rows: Sequence[Mapping], lang: str) -> list[dict]:
    out = []
    for r in rows:
        c = dict(r)
        c["completed_share"] = f"{r['completed_share']:.0%}"
        c["red_share"] = f"{r['red_share']:.0%}"
        c["on_time"] = _t("na", lang) if r["on_time"] is None else _t("yes" if r["on_time"] else "no", lang)
        c["submitted_on"] = _reported_cell(r, lang)
        out.append(c)
    return out


def _reported_cell(r: Mapping, lang: str) -> str:
    """本期报送: the date of the unit's report in the period; else, when a report within the reporting
    cycle still counts it on time, that earlier date said as such (最近 2024-10-31) — a bare 未报送
    beside 按时报送 是 reads as a contradiction; else 未报送."""
    if r["submitted_on"]:
        return r["submitted_on"]
    if r["on_time"] and r.get("last_report"):
        return _t("last_reported", lang, on=r["last_report"])
    return _t("not_reported", lang)


def _said_cell(r: Mapping, lang: str, n: int | None = None) -> str:
    return said_text(r, lang, n) or _t("nothing_said", lang)


def _split(g: Mapping) -> tuple[list[Mapping], list[Mapping]]:
    """A unit's red and yellow items: those with a reason of their own (a table, with the unit's words),
    and those yellow only for want of a report (one line of ids: the reason is the same for all)."""
    return [r for r in g["items"] if not r["unreported"]], [r for r in g["items"] if r["unreported"]]


def _unreported(items: Sequence[Mapping], lang: str, wrap=lambda i: i) -> str:
    """One line: how many items are yellow only for want of a report, and their ids (in id order)."""
    return _t("unreported", lang, n=len(items), ids=[wrap(r["item"]) for r in sorted(items, key=lambda r: r["item"])])


def _light_cell(r: Mapping, lang: str) -> str:
    from ..words import word

    return word(r["light"], lang) + (_t("newly_mark", lang) if r.get("newly_red") else "")


def _flagged_cells(items: Sequence[Mapping], lang: str, n: int | None = None) -> list[dict]:
    return [{"item": r["item"], "metric": r["metric"], "target": target_text(r.get("comparator"), r.get("value_text")),
             "deadline": r.get("deadline") or "", "light": _light_cell(r, lang), "_light": r["light"],
             "reason": said(r.get("light_reason"), lang), "said": _said_cell(r, lang, n),
             **{k: r.get(k) for k in PARTS}, "noted_on": r.get("noted_on")} for r in items]


def _unit_head(g: Mapping, i: int, lang: str) -> str:
    return _t("unit_head", lang, no=ordinal(i, lang), unit=g["unit"], red=g["red"], yellow=g["yellow"])


def _newly_cells(rows: Sequence[Mapping], lang: str) -> list[dict]:
    return [{"item": r["item"], "metric": r["metric"], "target": target_text(r.get("comparator"), r.get("value_text")),
             "deadline": r.get("deadline") or "", "lead": "、".join(r.get("lead") or []),
             "reason": said(r.get("light_reason"), lang)} for r in rows]


def _paragraphs(b: Mapping, lang: str, scope: str) -> tuple[str, list[str]]:
    """The title and the opening paragraphs: the totals; who reported and who did not; the units named
    first and last (``query.bulletin.named``: whole ranks only, never out of a tie)."""
    period = period_name(b, lang)
    t = b["totals"]
    title = _t("title", lang, period=period)
    intro = _t("intro", lang, at=long_date(date.fromisoformat(b["as_of"]), lang), scope=scope, period=period,
               **{k: t[k] for k in ("items", "units", "closed", "completed", "missed", "overdue", "late", "records",
                                    *LIGHTS)})
    paras = [intro]
    if b.get("review"):  # what the office itself still owes, and what it sent back (docs/review.md)
        paras.append(say("bulletin.review_intro", lang, pending=t["pending"], returned=t["returned"]))
    owing = [r for r in b["rows"] if r["on_time"] is not None]
    if owing:
        # on time: a report in the period, or with a reporting cycle within its days — so that the units
        # named below as not on time and these add up to the units owing a report
        text = _t("reporting", lang, period=period, n=sum(r["on_time"] is True for r in owing), of=len(owing))
        if len(b["not_on_time"]) == len(owing):  # nobody reported: one sentence, not a roll of every unit
            text = _t("reporting.none", lang, period=period, of=len(owing))
        elif b["not_on_time"]:
            text = say("punct.sentences", lang, a=text,
                       b=_t("not_on_time", lang, names=list(b["not_on_time"]), n=len(b["not_on_time"])))
        paras.append(text)
    named = [_t(k, lang, names=list(b["named"][k])) for k in ("best", "worst") if b["named"][k]]
    if named:
        paras.append(say("punct.sentences", lang, a=named[0], b=named[1]) if len(named) == 2 else named[0])
    return title, paras


def _asks(b: Mapping, lang: str) -> str:
    return _t("ask", lang, cycle=_t("ask.cycle", lang) if b["not_on_time"] else "")


def _s2(b: Mapping, lang: str) -> str:
    items = [r for g in b["flagged"] for r in g["items"]]
    ids = {r["item"] for r in items}  # a co-led item is listed under each of its units, counted once
    red = len({r["item"] for r in items if r["light"] == "red"})
    return _t("s2", lang, red=red, yellow=len(ids) - red, newly=len(b["newly_red"]))


def _rules(b: Mapping, lang: str) -> list[str]:
    """Section 三, one paragraph each: the rank rule, how units are named, how co-led items and
    reports count, and the reporting cycle."""
    cycle = _t("rule.cycle", lang, days=b["cycle_days"]) if b["cycle"] else _t("no_cycle", lang)
    return [_t("rule", lang), _t("rule.naming", lang).strip(), (_t("rule.reporting", lang) + cycle).strip()]


def bulletin_text(b: Mapping, fmt: str, lang: str, scope: str) -> str:
    """The bulletin ``b`` (``query.bulletin.bulletin``) as ``md``, ``html`` or ``json``."""
    if fmt == "json":
        data = dict(b)
        data["newly_red"] = [{k: r.get(k) for k in ("item", "id", "metric", "deadline", "lead", "status", "light",
                                                     "light_reason", "days_left")} for r in b["newly_red"]]
        return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"
    title, paras = _paragraphs(b, lang, scope)
    units = _unit_cells(b["rows"], lang)
    if fmt == "md":
        buf = io.StringIO()
        buf.write(f"# {md_escape(title)}\n\n")
        buf.write(md_escape(_t("scope", lang, scope=scope, at=b["as_of"])) + "\n\n")
        for p in paras:
            buf.write(md_escape(p) + "\n\n")
        buf.write(f"## {md_escape(_s1(b, lang))}\n\n")
        render(units, unit_columns(lang, shown(b), b), "md", buf)
        buf.write(f"\n## {md_escape(_s2(b, lang))}\n\n")
        if not b["flagged"]:
            buf.write(md_escape(_t("s2.none", lang)) + "\n")
        for i, g in enumerate(b["flagged"], 1):  # Markdown is a document: the units' words in full
            buf.write(f"### {md_escape(_unit_head(g, i, lang))}\n\n")
            explained, unreported = _split(g)
            if explained:
                render(_flagged_cells(explained, lang), _flagged_columns(lang), "md", buf)
            if unreported:
                buf.write(("\n" if explained else "") + md_escape(_unreported(unreported, lang)) + "\n")
            buf.write("\n" if i < len(b["flagged"]) else "")
        buf.write(f"\n## {md_escape(_t('s3', lang))}\n\n" + "\n\n".join(md_escape(p) for p in _rules(b, lang)) + "\n")
        buf.write(f"\n## {md_escape(_t('s4', lang))}\n\n{md_escape(_asks(b, lang))}\n")
        return buf.getvalue()
    if fmt == "html":
        return _html(b, lang, scope, title, paras, units)
    raise ValueError(f"unknown bulletin format {fmt!r}")


def _s1(b: Mapping, lang: str) -> str:
    return _t("s1.support" if b.get("role") == "support" else "s1", lang)


def _flagged_columns(lang: str, flex: bool = False) -> list[Column]:
    """On a terminal (``flex``) the reason and the unit's words wrap in their cells (they are what the
    table is for), the metric is cut with …, and target and deadline give way (the reason says how
    late or behind); elsewhere every column, every cell whole."""
    def overflow(k: str) -> str | None:
        return ("fold" if k in ("reason", "said") else "ellipsis" if k == "metric" else None) if flex else None

    keys = [k for k in FLAGGED if k not in ("target", "deadline")] if flex else FLAGGED  # the reason says it
    return [Column(k, _t(k, lang), None, overflow(k)) for k in keys]


def bulletin_table(b: Mapping, lang: str, scope: str, out) -> None:
    """The bulletin on a terminal: title and paragraphs as text, the ranking and each unit's red and
    yellow items as tables fitted to the terminal's width (Markdown's header row would wrap into noise);
    the units' words cut with … (the whole text: ``--format md``, ``html``, ``xlsx`` or ``json``)."""
    title, paras = _paragraphs(b, lang, scope)
    units = _unit_cells(b["rows"], lang)
    out.write(f"{title}\n{_t('scope', lang, scope=scope, at=b['as_of'])}\n\n")
    for p in paras:
        out.write(p + "\n\n")
    out.write(_s1(b, lang) + "\n")
    render(units, unit_columns(lang, shown(b), b), "table", out)
    out.write("\n" + _s2(b, lang) + "\n")
    if not b["flagged"]:
        out.write(_t("s2.none", lang) + "\n")
    for i, g in enumerate(b["flagged"], 1):
        out.write(_unit_head(g, i, lang) + "\n")
        explained, unreported = _split(g)
        if explained:
            render(_flagged_cells(explained, lang, SHORT), _flagged_columns(lang, flex=True), "table", out)
        if unreported:
            out.write(_unreported(unreported, lang) + "\n")
    out.write("\n" + _t("s3", lang) + "\n" + "\n".join(_rules(b, lang)) + "\n")
    out.write("\n" + _t("s4", lang) + "\n" + _asks(b, lang) + "\n")


_CSS = """
.bulletin p.lead{text-indent:2em;max-width:60em}
.bulletin h3{display:block;font-size:15px;margin:14px 0 4px}
.bulletin td.c-said{min-width:16em;max-width:34em;font-size:inherit}td.c-reason{min-width:8em}
td.c-red b,td.c-yellow b{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;padding:0 4px}
td.c-red b{background:#d62d20;color:#fff}td.c-yellow b{background:#f2b705;color:#111}
td.lt-red{color:#b00020;font-weight:600}td.lt-yellow{color:#8a5a00;font-weight:600}
tr.top td.c-rank{font-weight:700;color:#1b6e20}tr.bottom td.c-rank{font-weight:700;color:#b00020}
.bulletin .charts{display:block;max-width:640px}
.bulletin p.unreported{color:#5a4500;margin:.2em 0 1em}
"""
_NUMERIC = {"rank", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow", "blue",
            "green", "records", "reported", "stale", "completed_share", "red_share", "pending", "returned"}


def _table(rows: Sequence[Mapping], keys: Sequence[str], lang: str, *, b: Mapping | None = None) -> str:
    """The ranking: the units ``named`` first and last marked (top, bottom) — never by position alone."""
    e = html_text
    head = "".join(f"<th>{e(_head(k, lang, b))}</th>" for k in keys)
    body = []
    for r in rows:
        cls = {"best": ' class="top"', "worst": ' class="bottom"'}.get(r.get("named") or "", "")
        tds = []
        for k in keys:
            v = r.get(k)
            text = e("" if v is None else str(v))
            kind = "num nw" if k in _NUMERIC else "grow" if k == "unit" else "nw"
            if k in ("red", "yellow") and v:
                text = f"<b>{text}</b>"
            tds.append(f'<td class="{kind} c-{k}">{text}</td>')
        body.append(f"<tr{cls}>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def _flagged_html(items: Sequence[Mapping], lang: str) -> str:
    e = html_text
    keys = FLAGGED
    head = "".join(f"<th>{e(_t(k, lang))}</th>" for k in keys)
    body = []
    for r, c in zip(items, _flagged_cells(items, lang), strict=True):
        tds = []
        for k in keys:
            if k == "said":
                tds.append(f'<td class="c-said">{said_html(r, lang)}</td>')
                continue
            kind = {"metric": "grow", "reason": "", "light": f"nw lt-{r['light']}"}.get(k, "nw")
            tds.append(f'<td class="{kind} c-{k}">{e(str(c[k] or ""))}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def _html(b, lang, scope, title, paras, units) -> str:
    from .charts import lights_by_lead_chart
    from .report import DOC_TABLES_CSS, local_timestamp, page

    e = html_text
    agg = {"lights_by_lead": {r["unit"]: Counter({lt: r[lt] for lt in LIGHTS}) for r in
                              sorted(b["rows"], key=lambda r: (-r["red"], -r["yellow"], -r["items"], r["unit"]))}}
    chart = lights_by_lead_chart(agg, lang) if b["rows"] else ""
    body = ['<div class="bulletin">'] + [f'<p class="lead">{e(p)}</p>' for p in paras]
    body += [f"<h2>{e(_s1(b, lang))}</h2>", _table(units, shown(b), lang, b=b)]
    if chart:
        body.append(f'<div class="charts">{chart}</div>')
    body.append(f"<h2>{e(_s2(b, lang))}</h2>")
    if not b["flagged"]:
        body.append(f"<p>{e(_t('s2.none', lang))}</p>")
    for i, g in enumerate(b["flagged"], 1):
        explained, unreported = _split(g)
        body.append(f"<h3>{e(_unit_head(g, i, lang))}</h3>")
        if explained:
            body.append(_flagged_html(explained, lang))
        if unreported:
            # each id whole on a line; marked with private-use characters, which survive escaping (a
            # control character would be written out as text, like any in a unit's words)
            ids = _unreported(unreported, lang, lambda i: f"\ue000{i}\ue001")
            body.append('<p class="unreported">' + e(ids).replace("\ue000", '<span class="nw">')
                        .replace("\ue001", "</span>") + "</p>")
    body += [f"<h2>{e(_t('s3', lang))}</h2>", *(f'<p class="note">{e(p)}</p>' for p in _rules(b, lang)),
             f"<h2>{e(_t('s4', lang))}</h2>", f'<p class="lead">{e(_asks(b, lang))}</p>', "</div>"]
    meta = [(say("report.as_of", lang), b["as_of"]), (say("report.generated", lang), local_timestamp())]
    return page(title, body, lang, [(_t("scope.label", lang), scope), *meta], "plancli bulletin",
                css=DOC_TABLES_CSS + _CSS)


def _sheet_title(text: str) -> str:
    """A sheet name Excel takes: 31 characters, none of []:*?/\\ (、 reads as a space)."""
    import re

    return re.sub(r"[\[\]:*?/\\]", " ", text.replace("、", " ")).strip()[:31] or "sheet"


def bulletin_xlsx(b: Mapping, lang: str, scope: str) -> bytes:
    """Three sheets: the ranking (numbers as numbers, shares as percentages), every red and yellow item
    per unit with its reason and the unit's words in full (one column each), and the items newly red."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .xlsx import FILLS, data_row

    title, _ = _paragraphs(b, lang, scope)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(_s1(b, lang))
    keys = shown(b)
    ws.append(data_row(ws, [_head(k, lang, b) for k in keys]))
    for r in b["rows"]:
        row = []
        for k in keys:
            v = r[k]
            if k == "on_time":
                v = None if v is None else _t("yes" if v else "no", lang)
            elif k == "submitted_on":
                v = _reported_cell(r, lang)
            row.append(v)
        ws.append(data_row(ws, row))
    for i, k in enumerate(keys, start=1):
        if k in ("completed_share", "red_share"):
            for c in ws[get_column_letter(i)][1:]:
                c.number_format = "0%"
        if k in ("red", "yellow"):
            fill = PatternFill("solid", start_color=FILLS[k], end_color=FILLS[k])
            for c in ws[get_column_letter(i)][1:]:
                if c.value:
                    c.fill = fill
    _finish(ws, Font, Alignment)
    ws3 = wb.create_sheet(_sheet_title(_s2(b, lang)))
    cols = ["unit", "item", "metric", "target", "deadline", "light", "reason", *PARTS, "noted_on"]
    ws3.append(data_row(ws3, [_head(k, lang, b) if k == "unit" else _t("noted_col" if k == "noted_on" else k, lang) for k in cols]))
    wrap = Alignment(wrap_text=True, vertical="top")
    for g in b["flagged"]:
        for c in _flagged_cells(g["items"], lang):
            ws3.append(data_row(ws3, [g["unit"] if k == "unit" else c.get(k) for k in cols]))
            fill = PatternFill("solid", start_color=FILLS[c["_light"]], end_color=FILLS[c["_light"]])
            ws3.cell(ws3.max_row, cols.index("light") + 1).fill = fill
    _finish(ws3, Font, Alignment)
    for k in PARTS:  # the units' words in full, wrapped in a column of readable width
        col = get_column_letter(cols.index(k) + 1)
        ws3.column_dimensions[col].width = 40
        for cell in ws3[col][1:]:
            cell.alignment = wrap
    ws2 = wb.create_sheet(_sheet_title(_t("newly_sheet", lang, n=len(b["newly_red"]))))
    ws2.append(data_row(ws2, [_t(k, lang) for k in NEWLY]))
    for c in _newly_cells(b["newly_red"], lang):
        ws2.append(data_row(ws2, [c[k] for k in NEWLY]))
    _finish(ws2, Font, Alignment)
    wb.properties.title = title
    wb.properties.creator = "plancli"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _finish(ws, Font, Alignment) -> None:  # noqa: N803 - openpyxl's classes, imported lazily by the caller
    from openpyxl.utils import get_column_letter
    from wcwidth import wcswidth

    def width(t: str) -> int:
        return max(wcswidth(t), len(t))

    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center")
    for i in range(1, ws.max_column + 1):
        col = get_column_letter(i)
        ws.column_dimensions[col].width = min(max(width(str(c.value or "")) for c in ws[col]) + 3, 60)
    ws.freeze_panes = "B2"
    if ws.max_row > 1:
        ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
