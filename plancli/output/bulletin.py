"""The 通报 (``plancli bulletin``) as people read it: Markdown, an HTML page in the report's style,
JSON (the unit rows with their ``rank``) and an Excel workbook.

The numbers come from ``query.bulletin``; this module only words and lays them out. In Chinese it
reads like a 通报 of a 督查 office: a title naming the period, an opening paragraph with the totals,
numbered sections (the ranking, the items newly red, the rank rule, what is asked of the units).
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence

from ..registry.model import target_text
from ..vocabulary import LIGHTS
from ..words import said, say
from .render import Column, html_text, md_escape, render

__all__ = ["BULLETIN_FORMATS", "bulletin_text", "bulletin_table", "bulletin_xlsx", "unit_columns"]

BULLETIN_FORMATS = ("table", "md", "html", "json", "xlsx")

SHOWN = ("rank", "unit", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow",
         "completed_share", "records", "on_time")
NEWLY = ("item", "metric", "target", "deadline", "lead", "reason")


def _t(key: str, lang: str) -> str:
    return say(f"bulletin.{key}", lang)


def _zh_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _period_name(b: Mapping, lang: str) -> str:
    from ..query.bulletin import BulletinPeriod
    from ..text.dates import to_date

    p = b["period"]
    per = BulletinPeriod(to_date(p["start"], "start"), to_date(p["end"], "end"), p["label"])
    return per.zh() if lang == "zh" else p["label"].replace("..", " – ")


def shown(b: Mapping) -> tuple[str, ...]:
    """The unit columns people see: with a reporting cycle, the items not reported in it too (they
    weigh in the rank)."""
    if not b["cycle"]:
        return SHOWN
    i = SHOWN.index("yellow") + 1
    return (*SHOWN[:i], "stale", *SHOWN[i:])


def unit_columns(lang: str, keys: Sequence[str] = SHOWN) -> list[Column]:
    return [Column(k, _t(k, lang), None, "ellipsis" if k == "unit" else None) for k in keys]


def _unit_cells(rows: Sequence[Mapping], lang: str) -> list[dict]:
    out = []
    for r in rows:
        c = dict(r)
        c["completed_share"] = f"{r['completed_share']:.0%}"
        c["red_share"] = f"{r['red_share']:.0%}"
        c["on_time"] = _t("na", lang) if r["on_time"] is None else _t("yes" if r["on_time"] else "no", lang)
        out.append(c)
    return out


def _newly_cells(rows: Sequence[Mapping], lang: str) -> list[dict]:
    return [{"item": r["item"], "metric": r["metric"], "target": target_text(r.get("comparator"), r.get("value_text")),
             "deadline": r.get("deadline") or "", "lead": "、".join(r.get("lead") or []),
             "reason": said(r.get("light_reason"), lang)} for r in rows]


def _paragraphs(b: Mapping, lang: str, scope: str) -> tuple[str, list[str]]:
    """The title and the opening paragraphs."""
    period = _period_name(b, lang)
    t = b["totals"]
    title = _t("title", lang).format(period=period)
    intro = _t("intro", lang).format(at=b["as_of"], at_zh=_zh_date(b["as_of"]), scope=scope, period=period,
                                     **{k: t[k] for k in ("items", "units", "closed", "completed", "missed",
                                                          "overdue", "late", "records", *LIGHTS)})
    paras = [intro]
    rows = b["rows"]
    if len(rows) >= 6:  # a head and a tail worth naming
        sep = "、" if lang == "zh" else ", "
        paras.append(_t("best", lang).format(names=sep.join(r["unit"] for r in rows[:3]))
                     + ("" if lang == "zh" else " ")
                     + _t("worst", lang).format(names=sep.join(r["unit"] for r in rows[-3:])))
    return title, paras


def _asks(b: Mapping, lang: str) -> str:
    return _t("ask", lang).format(cycle=_t("ask.cycle", lang) if b["cycle"] else "")


def bulletin_text(b: Mapping, fmt: str, lang: str, scope: str) -> str:
    """The bulletin ``b`` (``query.bulletin.bulletin``) as ``md``, ``html`` or ``json``."""
    if fmt == "json":
        data = dict(b)
        data["newly_red"] = [{k: r.get(k) for k in ("item", "id", "metric", "deadline", "lead", "status", "light",
                                                     "light_reason", "days_left")} for r in b["newly_red"]]
        return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"
    title, paras = _paragraphs(b, lang, scope)
    units, newly = _unit_cells(b["rows"], lang), _newly_cells(b["newly_red"], lang)
    s2 = _t("s2", lang).format(n=len(newly))
    rule = _t("rule", lang) + ("" if b["cycle"] else _t("no_cycle", lang))
    if fmt == "md":
        buf = io.StringIO()
        buf.write(f"# {md_escape(title)}\n\n")
        buf.write(md_escape(_t("scope", lang).format(scope=scope, at=b["as_of"])) + "\n\n")
        for p in paras:
            buf.write(md_escape(p) + "\n\n")
        buf.write(f"## {md_escape(_t('s1', lang))}\n\n")
        render(units, unit_columns(lang, shown(b)), "md", buf)
        buf.write(f"\n## {md_escape(s2)}\n\n")
        if newly:
            render(newly, [Column(k, _t(k, lang)) for k in NEWLY], "md", buf)
        else:
            buf.write(md_escape(_t("s2.none", lang)) + "\n")
        buf.write(f"\n## {md_escape(_t('s3', lang))}\n\n{md_escape(rule)}\n")
        buf.write(f"\n## {md_escape(_t('s4', lang))}\n\n{md_escape(_asks(b, lang))}\n")
        return buf.getvalue()
    if fmt == "html":
        return _html(b, lang, scope, title, paras, units, newly, s2, rule)
    raise ValueError(f"unknown bulletin format {fmt!r}")


def bulletin_table(b: Mapping, lang: str, scope: str, out) -> None:
    """The bulletin on a terminal: title and paragraphs as text, the ranking and the newly red items as
    tables fitted to the terminal's width (Markdown's header row would wrap into noise)."""
    title, paras = _paragraphs(b, lang, scope)
    units, newly = _unit_cells(b["rows"], lang), _newly_cells(b["newly_red"], lang)
    out.write(f"{title}\n{_t('scope', lang).format(scope=scope, at=b['as_of'])}\n\n")
    for p in paras:
        out.write(p + "\n\n")
    out.write(_t("s1", lang) + "\n")
    render(units, unit_columns(lang, shown(b)), "table", out)
    out.write("\n" + _t("s2", lang).format(n=len(newly)) + "\n")
    if newly:
        render(newly, [Column(k, _t(k, lang), None, "ellipsis" if k in ("metric", "lead", "reason") else None)
                       for k in NEWLY], "table", out)
    else:
        out.write(_t("s2.none", lang) + "\n")
    out.write("\n" + _t("s3", lang) + "\n" + _t("rule", lang) + ("" if b["cycle"] else _t("no_cycle", lang)) + "\n")
    out.write("\n" + _t("s4", lang) + "\n" + _asks(b, lang) + "\n")


_CSS = """
.bulletin p.lead{text-indent:2em;max-width:60em}
.wrap{overflow-x:auto}
.wrap table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
.wrap td,.wrap th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
.wrap th{background:#f3f3f3;white-space:nowrap}
td.nw{white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.grow{min-width:9em}
td.c-red b,td.c-yellow b{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;padding:0 4px}
td.c-red b{background:#d62d20;color:#fff}td.c-yellow b{background:#f2b705;color:#111}
tr.top td.c-rank{font-weight:700;color:#1b6e20}tr.bottom td.c-rank{font-weight:700;color:#b00020}
.bulletin .charts{display:block;max-width:640px}
@media print{.wrap{overflow:visible}.wrap table{font-size:8.5pt}}
"""
_NUMERIC = {"rank", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow", "blue",
            "green", "records", "reported", "stale", "completed_share", "red_share"}


def _table(rows: Sequence[Mapping], keys: Sequence[str], lang: str, *, ranked: bool = False) -> str:
    e = html_text
    head = "".join(f"<th>{e(_t(k, lang))}</th>" for k in keys)
    body = []
    n = len(rows)
    for i, r in enumerate(rows):
        cls = ""
        if ranked and n >= 6:
            cls = ' class="top"' if i < 3 else ' class="bottom"' if i >= n - 3 else ""
        tds = []
        for k in keys:
            v = r.get(k)
            text = e("" if v is None else str(v))
            kind = "num nw" if k in _NUMERIC else "grow" if k in ("unit", "metric", "lead", "reason") else "nw"
            if k in ("red", "yellow") and v:
                text = f"<b>{text}</b>"
            tds.append(f'<td class="{kind} c-{k}">{text}</td>')
        body.append(f"<tr{cls}>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def _html(b, lang, scope, title, paras, units, newly, s2, rule) -> str:
    from .charts import lights_by_lead_chart
    from .report import local_timestamp, page

    e = html_text
    agg = {"lights_by_lead": {r["unit"]: Counter({lt: r[lt] for lt in LIGHTS}) for r in
                              sorted(b["rows"], key=lambda r: (-r["red"], -r["yellow"], -r["items"], r["unit"]))}}
    chart = lights_by_lead_chart(agg, lang) if b["rows"] else ""
    body = ['<div class="bulletin">'] + [f'<p class="lead">{e(p)}</p>' for p in paras]
    body += [f"<h2>{e(_t('s1', lang))}</h2>", _table(units, shown(b), lang, ranked=True)]
    if chart:
        body.append(f'<div class="charts">{chart}</div>')
    body.append(f"<h2>{e(s2)}</h2>")
    body.append(_table(newly, NEWLY, lang) if newly else f"<p>{e(_t('s2.none', lang))}</p>")
    body += [f"<h2>{e(_t('s3', lang))}</h2>", f'<p class="note">{e(rule)}</p>',
             f"<h2>{e(_t('s4', lang))}</h2>", f'<p class="lead">{e(_asks(b, lang))}</p>', "</div>"]
    meta = [(say("report.as_of", lang), b["as_of"]), (say("report.generated", lang), local_timestamp())]
    return page(title, body, lang, [(_t("scope.label", lang), scope), *meta], "plancli bulletin", css=_CSS)


def bulletin_xlsx(b: Mapping, lang: str, scope: str) -> bytes:
    """Two sheets: the ranking (numbers as numbers, shares as percentages) and the items newly red."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .xlsx import FILLS, data_row

    title, _ = _paragraphs(b, lang, scope)
    wb = Workbook()
    ws = wb.active
    ws.title = _t("s1", lang)[:31].replace("、", " ").strip()[:31] or "rank"
    keys = shown(b)
    ws.append(data_row(ws, [_t(k, lang) for k in keys]))
    for r in b["rows"]:
        row = []
        for k in keys:
            v = r[k]
            if k == "on_time":
                v = None if v is None else _t("yes" if v else "no", lang)
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
    ws2 = wb.create_sheet(_t("s2", lang).format(n=len(b["newly_red"]))[:31].replace("、", " ").strip())
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
