"""What people read, in their language: column headings, statuses, the “nothing matches” note.

Machine formats (JSON, CSV) never pass through here: their keys and status codes are the contract.
In English the human formats keep the keys and codes as headings and cells (``due_soon``), so plain
text stays easy to grep and split on whitespace; in Chinese they read 牵头单位, 已逾期 and so on.
"""

from __future__ import annotations

import sys

from ..output.render import Column
from ..vocabulary import LIGHTS, STATUSES
from ..words import keeps_codes, said, say, word

# column key → i18n key of its heading
HEADINGS = {
    "item": "col.item", "id": "col.item", "plan": "col.plan", "kind": "col.kind", "metric": "col.metric",
    "target": "col.target", "deadline_shown": "col.deadline", "days_left": "col.days",
    "status": "col.status", "lead_shown": "col.lead", "name": "col.name", "entries": "col.entries",
    "total": "col.total", "code": "col.code", "short": "col.short", "group": "col.group", "lines": "col.lines",
    "complete": "col.complete", "archived": "col.archived", "targets": "col.targets", "milestones": "col.milestones",
    "no_date_stated": "col.undated_text", "aliases": "col.aliases", "field": "col.field", "value": "col.value",
    "doc": "col.doc", "date": "col.date", "title": "col.title", "light": "col.light",
    "light_reason": "col.light_reason", "co_lead": "col.co_lead", "lights": "col.lights",
    # import's rows (the JSON keys stay as they are)
    "where": "col.where", "action": "col.action", "actual_text": "col.actual", "on": "col.effective",
    "evidence": "col.record_evidence", "note": "col.record_note",
    # the review's counts (review: required) and its list of claims
    "pending": "review.pending", "returned": "review.returned", "lead_units": "col.lead",
    "figure": "review.col.figure", "claimed_on": "review.col.claimed", "waiting_days": "review.col.waiting",
    "entered_by": "review.col.by",
}
STATUS_COLUMNS = (*STATUSES, *LIGHTS)


def columns_in(columns: list[Column], lang: str, *, unit_table: bool = False) -> list[Column]:
    """``columns`` with headings in ``lang`` (English: the keys, unchanged)."""
    if keeps_codes(lang):
        return columns
    out = []
    for c in columns:
        if unit_table and c.key in ("name", "lead", "support"):
            key = {"name": "col.unit_name", "lead": "col.lead_count", "support": "col.support_count"}[c.key]
        elif c.key in STATUS_COLUMNS:
            out.append(c._replace(header=word(c.key, lang)))
            continue
        else:
            key = HEADINGS.get(c.key)
        out.append(c._replace(header=say(key, lang)) if key else c)
    return out


def cells_in(rows: list[dict], lang: str) -> list[dict]:
    """Status and kind cells in ``lang``; the code is kept in ``_status`` (the table colours by it)."""
    if keeps_codes(lang):
        return rows
    for r in rows:
        r["_status"] = r.get("status")
        if r.get("status"):
            r["status"] = word(r["status"], lang)
        if r.get("light"):
            r["_light"] = r["light"]
            r["light"] = word(r["light"], lang)
            r["light_reason"] = said(r.get("light_reason"), lang)
        if r.get("kind") in ("target", "milestone"):
            r["kind"] = say(f"kind.{r['kind']}", lang)
    return rows


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def say_empty(lang: str) -> None:
    """On a terminal, say that nothing matched (on stderr: stdout stays empty for scripts)."""
    if _is_terminal(sys.stderr):
        print(say("msg.empty", lang), file=sys.stderr)
