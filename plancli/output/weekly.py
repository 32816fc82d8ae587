"""The weekly digest for people: ``query.digest.digest`` written as Markdown, a self-contained HTML
page, plain text, a terminal table or JSON, its headings and statuses in Chinese or English (the
words catalogue). Status codes and JSON keys never change.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TextIO

from ..query.counts import REVIEW_COUNTS
from ..query.digest import COUNT_KEYS
from ..text.actuals import written_like
from ..vocabulary import LIGHTS
from ..words import said, say, word
from .render import Column, md_escape, render
from .report import deadline_cell, said_text

__all__ = ["weekly_report"]



# --------------------------------------------------------------------------- rendering

def _pct(x: float | None) -> str:
    return "" if x is None else f"{x:.0%}"


def _yes_no(v: bool | None, lang: str) -> str:
    return "" if v is None else say("digest.yes" if v else "digest.no", lang)


def _latest(r: dict, lang: str) -> str:
    """The latest record of an item in one cell: 进行中 · 32000 家 (91%) · 2024-10-21."""
    if not r.get("record_status"):
        return "—"
    parts = [word(r["record_status"], lang)]
    if r.get("actual") is not None:
        parts.append(written_like(r["actual"], r.get("value_text"), r.get("unit"))
                     + (f" ({_pct(r['attainment'])})" if r.get("attainment") is not None else ""))
    if r.get("recorded_on"):
        parts.append(r["recorded_on"])
    return " · ".join(parts)


def _shown(r: dict, lang: str) -> dict:
    """Display cells of an occurrence row."""
    return {"item": r["item"], "plan": r["plan"], "metric": r["metric"], "target": r["target"],
            "deadline": deadline_cell(r, lang), "days_left": r.get("days_left"), "days_overdue": r.get("days_overdue"),
            "status": word(r["status"], lang), "lead": "、".join(r["lead"]),
            "latest": _latest(r, lang), "_status": r["status"],
            "light": word(r["light"], lang), "_light": r["light"]}


def _shown_entered(d: dict, lang: str) -> dict:
    row = _shown_record(d, lang)
    w = d.get("withdrew")
    if w:
        change = say("digest.withdrew", lang, item=w["item"], status=word(w["status"], lang),
                                                      effective=w["effective"] or "—", note=d["note"] or "")
    else:
        change = " · ".join(x for x in (say("digest.backdated", lang) if d["backdated"] else "",
                                        d["note"] or "") if x)
    return row | {"entered": d["entered"], "change": change}


def _shown_record(d: dict, lang: str) -> dict:
    return {"item": d["item"], "metric": d["metric"], "status": word(d["status"], lang),
            "target": d["target"],
            # as the target is written (a bare 1.02 typed against 1 亿千瓦 reads 1.02亿千瓦), one token
            "actual": "" if d["actual"] is None else written_like(d["actual"], d["value_text"], d["unit"]).replace(" ", ""),
            "attainment": _pct(d["attainment"]), "met": _yes_no(d["met"], lang), "effective": d["effective"],
            "evidence": "; ".join(x for x in (d["source"], d.get("evidence_name") or d.get("evidence"),
                                              d.get("extend_to") and f"→ {d['extend_to']}",
                                              d.get("reviews") and d.get("note")) if x),  # a 退办's reason
            "_status": d["status"]}


# On a terminal these take the slack and are cut with …; the other columns are tokens that never wrap.
FLEX = frozenset({"metric", "lead", "latest", "evidence", "label", "change", "light_reason", "said", "review_reason"})


def _cols(lang: str, *spec) -> list[Column]:
    """Columns with headings in ``lang``."""
    return [Column(k, say(f"col.{k}", lang), w, "ellipsis" if k in FLEX else None) for k, w in spec]


def _sections(s: dict, lang: str) -> list[tuple[str, list[dict], list[Column]]]:
    """(heading, display rows, columns) of every table of the digest, in reading order."""
    by_plan = s["by"] == "plan"
    occ = _cols(lang, ("item", None), ("plan", None), ("metric", 30), ("target", 16), ("deadline", None),
                ("days_left", None), ("status", None), ("light", None), ("lead", 30))
    over = _cols(lang, ("item", None), ("lead" if by_plan else "plan", 24 if by_plan else None),
                 ("metric", 30), ("target", 16), ("deadline", None), ("days_overdue", None), ("light", None),
                 ("latest", 30))
    recs = _cols(lang, ("item", None), ("metric", 30), ("status", None), ("target", 16), ("actual", 16),
                 ("attainment", None), ("met", None), ("effective", None), ("evidence", 24))
    ents = _cols(lang, ("item", None), ("metric", 24), ("status", None), ("actual", 16), ("effective", None),
                 ("entered", None), ("change", 36))
    name_key = "plan" if by_plan else "lead"
    counts = [Column("label", say(f"col.{name_key}", lang), None, "ellipsis")] + [  # a status heads its count
        Column(k, word(k, lang) if k != "total" else say("col.total", lang)) for k in COUNT_KEYS]
    if "returned" in s:  # review: the claims awaiting a decision and those sent back, per unit
        counts += [Column(k, say(f"review.{k}", lang)) for k in REVIEW_COUNTS]
    total_row = {"label": say("digest.total", lang)} | s["totals"]
    out = [(say(f"digest.counts_by_{s['by']}", lang), s["counts"] + [total_row], counts)]
    if "returned" in s:  # 退办: what each unit must put right, the office's reason in full
        back = _cols(lang, ("item", None), ("lead", 24), ("metric", 30), ("deadline", None), ("status", None),
                     ("review_reason", 40))
        out.append((say("digest.returned", lang, n=len(s["returned"])),
                    [_shown(r, lang) | {"review_reason": r.get("review_note") or ""} for r in s["returned"]], back))
    for g in s["overdue"]:
        head = say(f"digest.overdue_{s['by']}", lang, name=g["label"], n=len(g["items"]))
        out.append((head, [_shown(r, lang) for r in g["items"]], over))
    w0, w1 = s["week"]
    wk = (date.fromisoformat(s["as_of"]) - timedelta(days=7)).isoformat()
    last = (date.fromisoformat(s["as_of"]) - timedelta(days=1)).isoformat()
    red = _cols(lang, ("item", None), ("metric", 30), ("deadline", None), ("light_reason", 24), ("lead", 16),
                ("said", 40))
    out += [
        (say("digest.newly", lang, start=wk, end=last), [_shown(r, lang) for r in s["newly_overdue"]], occ),
        (say("digest.newly_red", lang, start=wk, end=s["as_of"]),
         [_shown(r, lang) | {"light_reason": said(r["light_reason"], lang),
                             "said": said_text(r, lang) or say("bulletin.nothing_said", lang)}
          for r in s.get("newly_red", ())], red),
        (say("digest.due_next", lang, days=s["days"]), [_shown(r, lang) for r in s["due_next"]], occ),
        (say("digest.records", lang, start=w0, end=w1),
         [_shown_record(d, lang) for d in s["recorded_last_week"]], recs),
        (say("digest.entered", lang, start=w0, end=w1),
         [_shown_entered(d, lang) for d in s["entered_last_week"]], ents),
    ]
    return out


def _summary(s: dict, lang: str) -> str:
    t = s["totals"]
    return say("digest.summary", lang,
        overdue=t["overdue"], due=len(s["due_next"]), days=s["days"], newly=len(s["newly_overdue"]),
        records=len(s["recorded_last_week"]), entered=len(s["entered_last_week"]), met=t["met"], done=t["done"], missed=t["missed"], total=t["total"]
    ) + say("digest.lights", lang, **{k: t[k] for k in LIGHTS}) + (
        say("digest.review", lang, pending=t["pending"], returned=t["returned"]) if "returned" in s else "")


def weekly_report(s: dict, fmt: str, out: TextIO, *, lang: str = "en", scope: str = "") -> None:
    """Write the digest ``s`` (``query.digest.digest``) in ``fmt`` (md, html, plain, json; ``table``:
    plain text whose tables fit the terminal) to ``out``; ``scope`` names what it covers."""
    if fmt == "json":
        out.write(json.dumps(s, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    # the scope reads as on the dashboard: 省大数据局 · 营商环境, 全部单位 · 全部计划
    title = say("digest.title", lang, scope=scope, as_of=s["as_of"])
    summary, parts = _summary(s, lang), _sections(s, lang)
    none = say("report.none", lang)
    starred = any(r.get("deadline", "").endswith("*") for _, rows, _ in parts for r in rows
                  if isinstance(r.get("deadline"), str))
    note = say("report.inferred_note", lang) if starred else ""
    if fmt == "html":
        from .weekly_html import page

        out.write(page(title, summary, parts, lang, note=note, none=none))
        return
    if fmt == "md":
        out.write(f"# {md_escape(title)}\n\n{md_escape(summary)}\n\n")
        for head, rows, cols in parts:
            out.write(f"## {md_escape(head)}\n\n")
            if rows:  # Markdown viewers wrap long cells: show metrics whole
                render(rows, [c._replace(max_width=None) for c in cols], "md", out)
            else:
                out.write(f"({none})\n")
            out.write("\n")
        if note:
            out.write(md_escape(note) + "\n")
        return
    out.write(f"{title}\n{summary}\n\n")
    for head, rows, cols in parts:
        out.write(f"{head}\n")
        if rows:
            render(rows, cols, "table" if fmt == "table" else "plain", out)
        else:
            out.write(f"({none})\n")
        out.write("\n")
    if note:
        out.write(note + "\n")
