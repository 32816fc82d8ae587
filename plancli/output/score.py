"""考核 (``plancli score``) as people read it: Markdown, a table on a terminal, an HTML page in the
report's style, JSON and an Excel workbook (totals, every event, the rules) a unit can check by hand.

The numbers come from ``query.score``; this module only words and lays them out.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import date

from ..words import joined, say
from .render import Column, cell, html_text, md_escape, render

__all__ = ["SCORE_FORMATS", "score_text", "score_table", "score_xlsx", "event_detail", "period_name"]

SCORE_FORMATS = ("table", "md", "html", "json", "xlsx")

TOTALS = ("rank", "unit", "score", "items", "reports", "returns", "extensions", "closed_on_time", "closed_late",
          "missed", "overdue_open", "pending_review", "report_late", "report_missing", "returned", "extended")
SHORT = ("rank", "unit", "score", "items", "reports", "returns", "extensions")  # a terminal's width
EVENTS = ("role", "kind", "item", "metric", "detail", "points", "weight", "value")
SHEET_EVENTS = ("unit", "role", "kind", "item", "metric", "deadline", "date", "days", "note", "points", "weight",
                "value", "detail")
_NUMERIC = {"rank", "score", "base", "items", "reports", "returns", "extensions", "closed_on_time", "closed_late",
            "missed", "overdue_open", "pending_review", "report_late", "report_missing", "returned", "extended",
            "days", "points", "weight", "value"}


def _t(key: str, lang: str, **fields) -> str:
    return say(f"score.{key}", lang, **fields)


def period_name(s: Mapping, lang: str) -> str:
    """The period as people name it: 2024年度, 2024年1月1日至2024年6月30日 (en: 2024, 2024-01-01 – 2024-06-30)."""
    p = s["period"]
    if p["label"].isdigit():
        return _t("period.year", lang, year=p["label"])
    start, end = date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
    return say("period.range", lang, y1=start.year, m1=start.month, d1=start.day, y2=end.year, m2=end.month,
               d2=end.day, start=start.isoformat(), end=end.isoformat())


def _num(v) -> str:
    """Points as a person writes them: 2, -1.5, 96.5 (no trailing .0)."""
    return cell(float(v)) if isinstance(v, int | float) and not isinstance(v, bool) else cell(v)


def event_detail(ev: Mapping, lang: str) -> str:
    """What an event is, in a line: when, against which deadline, why."""
    fields = {k: ("" if ev.get(k) is None else ev[k]) for k in ("date", "deadline", "days", "note")}
    if ev["kind"].startswith("report_") and ".." in fields["note"]:  # the reporting window
        start, end = fields["note"].split("..", 1)
        fields["note"] = say("score.window", lang, start=start, end=end)
    return say(f"score.detail.{ev['kind']}", lang, **fields)


def _event_cells(events: Sequence[Mapping], lang: str) -> list[dict]:
    return [dict(ev) | {"role": _t(f"role.{ev['role']}", lang), "kind": _t(f"col.{ev['kind']}", lang),
                        "detail": event_detail(ev, lang), "points": _num(ev["points"]), "weight": _num(ev["weight"]),
                        "value": _num(ev["value"])} for ev in events]


def _total_cells(rows: Sequence[Mapping]) -> list[dict]:
    return [{k: (_num(v) if k in _NUMERIC else v) for k, v in r.items()} for r in rows]


def _columns(keys: Sequence[str], lang: str) -> list[Column]:
    return [Column(k, _t(f"col.{k}", lang), None, "ellipsis" if k in ("unit", "metric", "detail") else None)
            for k in keys]


def _named(names: Sequence[str], lang: str) -> str:
    """Units sharing a score, all of them (a tie is named whole), or the first three and how many more."""
    if len(names) <= 5:
        return joined(names, lang)
    return _t("intro.many", lang, names=joined(names[:3], lang), n=len(names), more=len(names) - 3)


def _intro(s: Mapping, lang: str) -> list[str]:
    if not s["top"]:
        return [_t("none", lang)]
    top, low = s["top"], s["low"]
    paras = [_t("intro", lang, period=period_name(s, lang), units=s["units"], base=_num(s["rules"]["base"]),
                top=_num(top["score"]), top_units=_named(top["units"], lang), low=_num(low["score"]),
                low_units=_named(low["units"], lang))]
    if s["review"]:
        paras.append(_t("review_note", lang))
    return paras


def _rules(s: Mapping, lang: str) -> tuple[str, list[dict]]:
    note = (_t("rules_set", lang, keys=joined(s["rules_set"], lang)) if s["rules_set"]
            else _t("rules_default", lang))
    rows = [{"rule": _t(f"rule.{k}", lang), "key": k, "points": _num(v)} for k, v in s["rules"].items()]
    return note, rows


RULE_COLUMNS = ("rule", "key", "points")


def score_text(s: Mapping, fmt: str, lang: str, scope: str) -> str:
    """The scores ``s`` (``query.score.score``) as ``md``, ``html`` or ``json``."""
    if fmt == "json":
        return json.dumps(s, ensure_ascii=False, indent=1, default=str) + "\n"
    title = _t("title", lang, period=period_name(s, lang))
    if fmt == "html":
        return _html(s, lang, scope, title)
    if fmt != "md":
        raise ValueError(f"unknown score format {fmt!r}")
    buf = io.StringIO()
    buf.write(f"# {md_escape(title)}\n\n")
    buf.write(md_escape(_meta_line(s, lang, scope, period=True)) + "\n\n")
    for p in _intro(s, lang):
        buf.write(md_escape(p) + "\n\n")
    buf.write(f"## {md_escape(_t('s1', lang))}\n\n")
    render(_total_cells(s["rows"]), _columns(TOTALS, lang), "md", buf)
    note, rules = _rules(s, lang)
    buf.write(f"\n## {md_escape(_t('s2', lang))}\n\n{md_escape(note)}\n\n")
    render(rules, _columns(RULE_COLUMNS, lang), "md", buf)
    buf.write("\n" + md_escape(_t("rule_text", lang)) + "\n")
    buf.write(f"\n## {md_escape(_t('s3', lang))}\n")
    for r in s["rows"]:
        if not r["events"]:
            continue
        buf.write(f"\n### {md_escape(_t('unit_head', lang, unit=r['unit'], score=_num(r['score']), rank=r['rank'], n=len(r['events'])))}\n\n")
        render(_event_cells(r["events"], lang), _columns(EVENTS, lang), "md", buf)
    return buf.getvalue()


def _meta_line(s: Mapping, lang: str, scope: str, period: bool = False) -> str:
    """范围：… · 计分期间：… · 数据截至：… (the colon as the language writes it)."""
    colon = say("punct.colon", lang)
    parts = [(_t("scope.label", lang), scope)]
    if period:
        parts.append((_t("meta.period", lang), f"{s['period']['start']} – {s['period']['end']}"))
    parts.append((_t("meta.as_of", lang), s["as_of"]))
    return " · ".join(f"{k}{colon}{v}" for k, v in parts)


def score_table(s: Mapping, lang: str, scope: str, out) -> None:
    """The scores on a terminal: the title, the opening paragraph and the ranking fitted to its width
    (every point is in ``--format md``, ``html`` or ``xlsx``)."""
    out.write(_t("title", lang, period=period_name(s, lang)) + "\n")
    out.write(_meta_line(s, lang, scope) + "\n\n")
    for p in _intro(s, lang):
        out.write(p + "\n\n")
    render(_total_cells(s["rows"]), _columns(SHORT, lang), "table", out)


_CSS = """
.score p.lead{text-indent:2em;max-width:60em}
td.neg{color:#b00020}td.pos{color:#1b6e20}td.zero{color:#aaa}
td.c-score{font-weight:700}
details.unit{margin:6px 0}details.unit>summary{cursor:pointer;font-weight:600;padding:2px 0}
@media print{details.unit>summary{list-style:none}}
"""


def _table(rows: Sequence[Mapping], keys: Sequence[str], lang: str, raw: Sequence[Mapping] | None = None) -> str:
    """An HTML table; ``raw`` (the rows before their cells were written) colours negative and positive points."""
    e = html_text
    head = "".join(f"<th>{e(_t('col.' + k, lang))}</th>" for k in keys)
    body = []
    for i, r in enumerate(rows):
        tds = []
        for k in keys:
            v = r.get(k)
            kind = "num nw" if k in _NUMERIC else "grow" if k in ("unit", "metric", "detail", "rule") else "nw"
            x = raw[i].get(k) if raw is not None else None
            if k in _NUMERIC and k != "rank" and isinstance(x, int | float) and not isinstance(x, bool):
                kind += " zero" if not x else " neg" if x < 0 else " pos" if k == "value" else ""
            tds.append(f'<td class="{kind} c-{k}">{e(cell(v))}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f'<div class="wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + \
        "\n</tbody></table></div>"


def _html(s: Mapping, lang: str, scope: str, title: str) -> str:
    from .report import DOC_TABLES_CSS, local_timestamp, page

    e = html_text
    body = ['<div class="score">'] + [f'<p class="lead">{e(p)}</p>' for p in _intro(s, lang)]
    body += [f"<h2>{e(_t('s1', lang))}</h2>", _table(_total_cells(s["rows"]), TOTALS, lang, s["rows"])]
    note, rules = _rules(s, lang)
    body += [f"<h2>{e(_t('s2', lang))}</h2>", f'<p class="note">{e(note)}</p>', _table(rules, RULE_COLUMNS, lang),
             f'<p class="note">{e(_t("rule_text", lang))}</p>', f"<h2>{e(_t('s3', lang))}</h2>"]
    for r in s["rows"]:
        if not r["events"]:
            continue
        head = _t("unit_head", lang, unit=r["unit"], score=_num(r["score"]), rank=r["rank"], n=len(r["events"]))
        body.append(f'<details class="unit" open><summary>{e(head)}</summary>'
                    f'{_table(_event_cells(r["events"], lang), EVENTS, lang, r["events"])}</details>')
    body.append("</div>")
    meta = [(_t("scope.label", lang), scope),
            (_t("meta.period", lang), f"{s['period']['start']} – {s['period']['end']}"),
            (_t("meta.as_of", lang), s["as_of"]), (say("report.generated", lang), local_timestamp())]
    return page(title, body, lang, meta, "plancli score", css=DOC_TABLES_CSS + _CSS)


def score_xlsx(s: Mapping, lang: str, scope: str) -> bytes:
    """Three sheets: the totals (one row per unit), every event (one row per point given, numbers as
    numbers, filterable by unit: its 得分 column plus the base is the unit's score) and the rules."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from wcwidth import wcswidth

    from .xlsx import data_row

    def finish(ws) -> None:
        for c in ws[1]:
            c.font = Font(bold=True)
            c.alignment = Alignment(vertical="center")
        for i in range(1, ws.max_column + 1):
            col = get_column_letter(i)
            widest = max(max(wcswidth(str(c.value or "")), len(str(c.value or ""))) for c in ws[col])
            ws.column_dimensions[col].width = min(widest + 3, 60)
        ws.freeze_panes = "C2"
        if ws.max_row > 1:
            ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"

    wb = Workbook()
    ws = wb.active
    ws.title = _t("totals_sheet", lang)
    keys = ("rank", "unit", "score", "base", *TOTALS[3:])
    ws.append(data_row(ws, [_t(f"col.{k}", lang) for k in keys]))
    for r in s["rows"]:
        ws.append(data_row(ws, [r[k] for k in keys]))
    finish(ws)
    ev = wb.create_sheet(_t("events_sheet", lang))
    ev.append(data_row(ev, [_t(f"col.{k}", lang) for k in SHEET_EVENTS]))
    for x in s["events"]:
        cells = {**x, "role": _t(f"role.{x['role']}", lang), "kind": _t(f"col.{x['kind']}", lang),
                 "detail": event_detail(x, lang)}
        ev.append(data_row(ev, [cells.get(k) for k in SHEET_EVENTS]))
    finish(ev)
    rules = wb.create_sheet(_t("rules_sheet", lang))
    note, rows = _rules(s, lang)
    rules.append(data_row(rules, [_t(f"col.{k}", lang) for k in RULE_COLUMNS]))
    for r in rows:
        rules.append(data_row(rules, [r["rule"], r["key"], s["rules"][r["key"]]]))
    rules.append([])
    rules.append(data_row(rules, [note]))
    rules.append(data_row(rules, [_t("rule_text", lang)]))
    finish(rules)
    rules.column_dimensions["A"].width = 24
    wb.properties.title = _t("title", lang, period=period_name(s, lang))
    wb.properties.creator = "plancli"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
