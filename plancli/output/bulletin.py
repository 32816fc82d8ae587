"""The 通报 (``plancli bulletin``) as people read it: Markdown, an HTML page in the report's style,
JSON (the unit rows with their ``rank``) and an Excel workbook.

The numbers come from ``query.bulletin``; this module only words and lays them out. In Chinese it
reads like a 通报 of a 督查 office: a title naming the period, an opening paragraph with the totals,
numbered sections (the ranking, the items newly red, the rank rule, what is asked of the units).
"""

from __future__ import annotations

import html
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence

from ..query.lights import reason_in
from ..registry.model import target_text
from ..vocabulary import LIGHTS
from .i18n import label
from .render import Column, md_escape, render

__all__ = ["BULLETIN_FORMATS", "bulletin_text", "bulletin_xlsx", "unit_columns"]

BULLETIN_FORMATS = ("md", "html", "json", "xlsx")

# zh, en
_T: dict[str, tuple[str, str]] = {
    "title": ("关于{period}目标任务推进情况的通报", "Bulletin on the progress of targets and tasks: {period}"),
    "scope": ("范围：{scope}；统计截至 {at}", "Scope: {scope}; as of {at}"),
    "intro": ("截至{at_zh}，纳入统计的目标任务共 {items} 项（{scope}），涉及牵头单位 {units} 个。其中已办结 {closed} 项（已完成 {completed} 项，"
              "未达标 {missed} 项），逾期未办结 {overdue} 项，逾期办结 {late} 项；亮红灯 {red} 项、黄灯 {yellow} 项、蓝灯 {blue} 项、"
              "绿灯 {green} 项。{period}各单位共报送进展记录 {records} 条。现将有关情况通报如下。",
              "As of {at}, {items} targets and tasks are counted ({scope}), led by {units} units. Closed: {closed} "
              "({completed} completed, {missed} missed); open and overdue: {overdue}; closed late: {late}. Lights: "
              "red {red}, yellow {yellow}, blue {blue}, green {green}. Records entered in {period}: {records}."),
    "best": ("排名靠前的单位：{names}。", "Ranked first: {names}."),
    "worst": ("排名靠后的单位：{names}。", "Ranked last: {names}."),
    "s1": ("一、各牵头单位推进情况排名", "1. Lead units, ranked"),
    "s2": ("二、本期新亮红灯事项（{n} 项）", "2. Items newly red in the period ({n})"),
    "s2.none": ("本期无新亮红灯事项。", "No item turned red in the period."),
    "s3": ("三、排名规则", "3. How units are ranked"),
    "rule": ("按以下顺序比较，名次 1 为最好：（1）红灯及未按周期报送事项占比低者在前；（2）其余黄灯事项占比低者在前；（3）已完成（含已达标）事项占比高者在前；"
             "（4）本期报送进展记录多者在前。四项均相同的单位名次并列。每个事项计入其每个牵头单位。",
             "Compared in this order, 1 = best: (1) a lower share of items red or not reported within the "
             "cycle; (2) a lower share of other yellow items; (3) a higher share of items completed (done or met); (4) more records entered in the "
             "period. Units equal on all four share a rank. An item counts for each of its lead units."),
    "s4": ("四、工作要求", "4. What is asked"),
    "ask": ("请亮红灯、黄灯的牵头单位认真分析原因，明确整改措施和完成时限，加快推进；逾期未办结事项要尽快办结销号；"
            "{cycle}下期通报将跟踪整改情况。",
            "Units with red or yellow items: find the cause, set out the remedy and its date, and speed up; "
            "close overdue items as soon as they are done. {cycle}The next bulletin follows up."),
    "ask.cycle": ("未按周期报送进展的单位要按要求及时报送。", "Units that did not report within the cycle: report now. "),
    "no_cycle": ("（未设报送周期，不评价是否按时报送。）", "(No reporting cycle is set: reporting on time is not judged.)"),
    "scope.label": ("范围", "Scope"),
    "yes": ("是", "yes"), "no": ("否", "no"), "na": ("—", "—"),
    # unit columns
    "rank": ("名次", "Rank"), "unit": ("牵头单位", "Lead unit"), "items": ("事项", "Items"),
    "closed": ("已办结", "Closed"), "completed": ("已完成", "Completed"), "missed": ("未达标", "Missed"),
    "overdue": ("逾期未办结", "Overdue"), "late": ("逾期办结", "Closed late"), "red": ("红灯", "Red"),
    "yellow": ("黄灯", "Yellow"), "blue": ("蓝灯", "Blue"), "green": ("绿灯", "Green"),
    "records": ("本期报送", "Records"), "reported": ("报送事项", "Items reported"),
    "stale": ("未按期报送", "Not reported in cycle"), "on_time": ("按时报送", "On time"),
    "completed_share": ("完成率", "Completed share"), "red_share": ("红灯占比", "Red share"),
    "red_or_stale_share": ("红灯及未报送占比", "Red or unreported share"),
    # newly red columns
    "item": ("编号", "ID"), "metric": ("指标", "Metric"), "target": ("目标", "Target"),
    "deadline": ("期限", "Deadline"), "lead": ("牵头单位", "Lead unit"), "reason": ("亮灯原因", "Why"),
}
SHOWN = ("rank", "unit", "items", "closed", "completed", "missed", "overdue", "late", "red", "yellow",
         "completed_share", "records", "on_time")
NEWLY = ("item", "metric", "target", "deadline", "lead", "reason")


def _t(key: str, lang: str) -> str:
    return _T[key][0 if lang == "zh" else 1]


def _zh_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _period_name(b: Mapping, lang: str) -> str:
    from ..query.bulletin import BulletinPeriod
    from ..query.rows import to_date

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
             "reason": reason_in(r.get("light_reason"), lang)} for r in rows]


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
    e = html.escape
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

    e = html.escape
    agg = {"lights_by_lead": {r["unit"]: Counter({lt: r[lt] for lt in LIGHTS}) for r in
                              sorted(b["rows"], key=lambda r: (-r["red"], -r["yellow"], -r["items"], r["unit"]))}}
    chart = lights_by_lead_chart([], lang, agg=agg) if b["rows"] else ""
    body = ['<div class="bulletin">'] + [f'<p class="lead">{e(p)}</p>' for p in paras]
    body += [f"<h2>{e(_t('s1', lang))}</h2>", _table(units, shown(b), lang, ranked=True)]
    if chart:
        body.append(f'<div class="charts">{chart}</div>')
    body.append(f"<h2>{e(s2)}</h2>")
    body.append(_table(newly, NEWLY, lang) if newly else f"<p>{e(_t('s2.none', lang))}</p>")
    body += [f"<h2>{e(_t('s3', lang))}</h2>", f'<p class="note">{e(rule)}</p>',
             f"<h2>{e(_t('s4', lang))}</h2>", f'<p class="lead">{e(_asks(b, lang))}</p>', "</div>"]
    meta = [(label("report.as_of", lang), b["as_of"]), (label("report.generated", lang), local_timestamp())]
    return page(title, body, lang, [(_t("scope.label", lang), scope), *meta], "plancli bulletin", css=_CSS)


def bulletin_xlsx(b: Mapping, lang: str, scope: str) -> bytes:
    """Two sheets: the ranking (numbers as numbers, shares as percentages) and the items newly red."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .xlsx import FILLS

    title, _ = _paragraphs(b, lang, scope)
    wb = Workbook()
    ws = wb.active
    ws.title = _t("s1", lang)[:31].replace("、", " ").strip()[:31] or "rank"
    keys = shown(b)
    ws.append([_t(k, lang) for k in keys])
    for r in b["rows"]:
        row = []
        for k in keys:
            v = r[k]
            if k == "on_time":
                v = None if v is None else _t("yes" if v else "no", lang)
            row.append(v)
        ws.append(row)
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
    ws2.append([_t(k, lang) for k in NEWLY])
    for c in _newly_cells(b["newly_red"], lang):
        ws2.append([c[k] for k in NEWLY])
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
