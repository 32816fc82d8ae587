"""A unit's 催办 in words, and the exact payload each channel takes (``plancli notify``).

One message per unit (``query.reminders.Reminder``): a title with the counts, a few lines that sum
up (lights, what is new since the last cycle, reports missing or due), the items — light, id,
metric, target, deadline and why — most urgent first, then where the unit finds its workbook and
the report, what is asked, and who asks. The items are cut to each channel's size limit and the rest
counted (``其余 5 项未列出``), so a message is never refused for its length:

- 企业微信 group robot: ``{"msgtype": "markdown", "markdown": {"content": …}}``; the robot refuses a
  content over 4096 bytes (errcode 40058). Mentions are ``<@userid>`` in the content.
- 钉钉 custom robot: ``{"msgtype": "markdown", "markdown": {"title", "text"}, "at": {…}}``; the
  robot refuses a body over 20000 bytes and long markdown renders badly on a phone, so the text is
  kept within 6000 bytes. A mention is ``@mobile`` in the text and in ``at.atMobiles`` (or a user
  id in ``atUserIds``; ``all`` sets ``isAtAll``).
- email: a subject, a plain-text part and an HTML part in the report's style (the report's CSS and
  badges), up to ``EMAIL_ITEMS`` items.
- webhook: JSON ``unit``, ``as_of``, ``items`` (exactly the rows of ``due --format json``) and, for
  a bridge that wants them, ``since``, ``lang``, ``title``, ``text``, ``counts``, ``new``,
  ``returned``, ``report``.

Nothing here sends anything or reads the environment: ``plancli.delivery`` does.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..query.reminders import TOLD, Reminder
from ..query.rows import CONTRACT
from ..registry.contacts import Route
from ..registry.model import target_text
from ..words import joined, said, say, word
from .render import html_text, render
from .report import deadline_cell, light_badge, page

__all__ = ["LIMITS", "EMAIL_ITEMS", "Context", "Outgoing", "outgoing", "wecom_payload", "dingtalk_payload",
           "webhook_payload", "email_parts", "plain_text", "fit", "title"]

# The size limit of each channel, in UTF-8 bytes of the text it carries (see the module docstring).
LIMITS = {"wecom": 4096, "dingtalk": 6000}
EMAIL_ITEMS = 200
_WECOM_COLOR = {"red": "warning", "yellow": "comment", "blue": "info"}  # the robot's three named colours
_DING_COLOR = {"red": "#d62d20", "yellow": "#b7791f", "blue": "#2e6fd6"}  # yellow darkened: read on white

_e = html_text


@dataclass(frozen=True)
class Context:
    """What every message of a run shares: the language, the office that sends it, the links."""

    lang: str
    office: dict = field(default_factory=dict)  # the registry's ``office:`` (name, contact, phone)
    workbook: str | None = None  # contacts.yaml ``links.workbook`` ({unit} filled in later)
    report: str | None = None
    attach: Path | None = None  # a directory of per-unit workbooks (export --per-unit) to attach to email


@dataclass(frozen=True)
class Outgoing:
    """One message, ready for a channel: its JSON body (robots, webhook) or its email parts."""

    unit: str
    route: Route
    told: int  # items the unit is told about
    shown: int  # items listed in this message (the rest are counted)
    body: dict | None = None
    subject: str = ""
    text: str = ""
    html: str = ""
    attachment: Path | None = None


# --------------------------------------------------------------------------- the words


def _counts(rem: Reminder, lang: str) -> str:
    c = rem.counts
    parts = [say(f"notify.count.{lt}", lang, n=c[str(lt)]) for lt in TOLD if c.get(str(lt))]
    if c.get("returned"):
        parts.append(say("notify.count.returned", lang, n=c["returned"]))
    return joined(parts, lang)


def title(rem: Reminder, lang: str) -> str:
    counts = _counts(rem, lang)
    return say("notify.title", lang, unit=rem.unit, counts=counts) if counts else say("notify.title.none", lang,
                                                                                          unit=rem.unit)


def _summary(rem: Reminder, lang: str) -> list[str]:
    """The lines under the heading: one per light told, what is new, returned, reports."""
    c = rem.counts
    out = []
    for lt in TOLD:
        if c.get(str(lt)):
            out.append(say(f"notify.line.{lt}", lang, n=c[str(lt)], days=rem.near_days))
    if c.get("new"):
        out.append(say("notify.line.new", lang, n=c["new"], since=rem.since.isoformat()))
    if c.get("returned"):
        out.append(say("notify.line.returned", lang, n=c["returned"]))
    report = []
    if rem.report_missing:
        report.append(say("notify.line.report_missing", lang, n=len(rem.report_missing)))
    if rem.report_due:
        report.append(say("notify.line.report_due", lang, date=rem.report_due.isoformat()))
    if report:
        out.append(joined(report, lang, "punct.semicolon"))
    return out


def _item(r: dict, lang: str, new: bool) -> str:
    target = target_text(r.get("comparator"), r.get("value_text"))
    reason = said(r.get("light_reason"), lang)
    if r.get("review_note"):
        reason = say("notify.returned_because", lang, reason=r["review_note"])
    text = say("notify.item", lang, id=r["item"], metric=r.get("metric") or "",
               target=f" {target}" if target != "—" else "", deadline=deadline_cell(r, lang), reason=reason)
    return text + (say("notify.new", lang) if new else "")


def _light_tag(r: dict, lang: str) -> str:
    """``【红灯】`` / ``[red] ``: the word as well as the colour (a colour alone is not read by all)."""
    w = say("notify.tag.returned", lang) if r.get("review_note") else word(r.get("light"), lang)
    return say("punct.tag", lang, x=w)


def _closing(rem: Reminder, ctx: Context, attached: bool = False) -> list[str]:
    """Where the workbook and report are, what is asked, who asks."""
    lang = ctx.lang
    out = []
    if attached:
        out.append(say("notify.attached", lang))
    elif ctx.workbook:
        out.append(say("notify.workbook", lang, where=ctx.workbook.replace("{unit}", rem.unit)))
    else:
        out.append(say("notify.workbook_file", lang, file=f"{rem.unit}.xlsx"))
    if ctx.report:
        out.append(say("notify.report", lang, where=ctx.report.replace("{unit}", rem.unit)))
    out.append(say("notify.ask", lang))
    sign = _signature(ctx)
    if sign:
        out.append(sign)
    return out


def _signature(ctx: Context) -> str:
    o = ctx.office or {}
    if not o.get("name"):
        return ""
    who = " ".join(x for x in (o.get("contact"), o.get("phone")) if x)
    text = say("notify.from", ctx.lang, office=o["name"])
    if who:
        text += ("（" if ctx.lang == "zh" else " (") + say("notify.contact", ctx.lang, contact=who) + \
                ("）" if ctx.lang == "zh" else ")")
    return text


def fit(head: Sequence[str], items: Sequence[str], tail: Sequence[str], limit: int, more, sep: str = "\n"
        ) -> tuple[str, int]:
    """``head``, as many ``items`` as fit, a ``more(n)`` line for the rest, and ``tail``, joined by
    ``sep`` within ``limit`` UTF-8 bytes: (text, items shown). Whole items only; a head and tail that
    alone overflow are cut at a character."""
    size = lambda parts: len(sep.join(parts).encode("utf-8"))  # noqa: E731
    fixed = list(head)
    n = len(items)
    if size([*fixed, *items, *tail]) <= limit:
        return sep.join([*fixed, *items, *tail]), n
    used = size([*fixed, more(n), *tail]) + len(sep.encode())
    k = 0
    while k < n:
        step = len(items[k].encode("utf-8")) + len(sep.encode())
        more_grows = len(more(n - k - 1).encode("utf-8")) - len(more(n - k).encode("utf-8"))
        if used + step + max(more_grows, 0) > limit:
            break
        used += step + max(more_grows, 0)
        k += 1
    text = sep.join([*fixed, *items[:k], more(n - k), *tail])
    raw = text.encode("utf-8")
    if len(raw) > limit:
        text = raw[:limit].decode("utf-8", "ignore")
    return text, k


def _md_safe(s: str) -> str:
    """Text from the registry inside robot markdown: a ``<`` (a ``<5%`` target) must not open a tag."""
    return s.replace("<", "＜").replace("`", "'")


def plain_text(rem: Reminder, ctx: Context, limit: int | None = None, attached: bool = False) -> tuple[str, int]:
    """The message as plain text (email, webhook ``text``): (text, items shown)."""
    lang = ctx.lang
    head = [title(rem, lang), "", say("notify.head", lang, as_of=rem.as_of.isoformat()),
            *(f"  {s}" for s in _summary(rem, lang)), ""]
    items = [f"{i}. {_light_tag(r, lang)}{_item(r, lang, r['item'] in rem.new)}"
             for i, r in enumerate(rem.items, 1)]
    items = items[:limit] if limit else items
    rest = len(rem.items) - len(items)
    tail = ([say("notify.more", lang, n=rest)] if rest else []) + [""] + _closing(rem, ctx, attached)
    return "\n".join(head + items + tail) + "\n", len(items)


# --------------------------------------------------------------------------- the channels


def _robot_parts(rem: Reminder, ctx: Context, colors: dict, line: str) -> tuple[list, list, list]:
    """(heading and summary, item lines, closing) of a robot's markdown; ``line`` formats an item
    from ``color``, ``tag`` (【红灯】) and ``text``. A returned item is painted as red."""
    lang = ctx.lang
    head = [f"### {_md_safe(title(rem, lang))}", say("notify.head", lang, as_of=rem.as_of.isoformat()),
            *(f"> {s}" for s in _summary(rem, lang))]
    items = [line.format(color=colors["red" if r.get("review_note") else str(r.get("light"))],
                         tag=_light_tag(r, lang).strip(), text=_md_safe(_item(r, lang, r["item"] in rem.new)))
             for r in rem.items]
    return head, items, [_md_safe(s) for s in _closing(rem, ctx)]


def wecom_payload(rem: Reminder, route: Route, ctx: Context) -> tuple[dict, int]:
    """企业微信 group robot markdown: (body, items shown)."""
    head, items, closing = _robot_parts(rem, ctx, _WECOM_COLOR, '<font color="{color}">{tag}</font>{text}')
    tail = ["", *closing] + ([" ".join(f"<@{m}>" for m in route.mention)] if route.mention else [])
    text, shown = fit([*head, ""], items, tail, LIMITS["wecom"], lambda n: say("notify.more", ctx.lang, n=n))
    return {"msgtype": "markdown", "markdown": {"content": text}}, shown


def _ding_at(route: Route) -> tuple[dict, list[str]]:
    mobiles = [m for m in route.mention if m.lstrip("+").isdigit()]
    everyone = any(m.lower() in ("all", "@all") for m in route.mention)
    users = [m for m in route.mention if m not in mobiles and m.lower() not in ("all", "@all")]
    at = {"atMobiles": mobiles, "atUserIds": users, "isAtAll": everyone}
    shown = [f"@{m}" for m in mobiles + users] + (["@all"] if everyone else [])
    return at, shown


def dingtalk_payload(rem: Reminder, route: Route, ctx: Context) -> tuple[dict, int]:
    """钉钉 custom robot markdown with ``at``: (body, items shown). Paragraphs are blank-line
    separated: 钉钉 joins single newlines."""
    head, items, closing = _robot_parts(rem, ctx, _DING_COLOR, '- <font color="{color}">{tag}</font> {text}')
    at, names = _ding_at(route)
    tail = closing + ([" ".join(names)] if names else [])
    text, shown = fit(head, items, tail, LIMITS["dingtalk"], lambda n: say("notify.more", ctx.lang, n=n), sep="\n\n")
    return {"msgtype": "markdown", "markdown": {"title": title(rem, ctx.lang), "text": text}, "at": at}, shown


def contract_rows(rows: Sequence[dict]) -> list[dict]:
    """Rows exactly as ``due --format json`` writes them (the same writer, read back)."""
    buf = io.StringIO()
    render(list(rows), [], "json", buf, fields=CONTRACT)
    return json.loads(buf.getvalue())


def webhook_payload(rem: Reminder, route: Route, ctx: Context) -> tuple[dict, int]:
    """The generic webhook's JSON (docs/notify.md): every item, nothing cut."""
    text, _ = plain_text(rem, ctx)
    returned = contract_rows(rem.returned)
    for out, r in zip(returned, rem.returned, strict=True):
        out["review_note"] = r.get("review_note")
    body = {
        "unit": rem.unit, "as_of": rem.as_of.isoformat(), "items": contract_rows(rem.rows),
        "since": rem.since.isoformat(), "lang": ctx.lang, "title": title(rem, ctx.lang), "text": text,
        "counts": dict(rem.counts), "new": sorted(rem.new), "returned": returned,
        "report": {"missing": list(rem.report_missing),
                   "due": rem.report_due.isoformat() if rem.report_due else None},
    }
    return body, len(rem.items)


EMAIL_CSS = """
.lead{margin:8px 0 4px}
ul.sum{margin:4px 0 12px;padding-left:1.2em}
.new{color:#8a5a00;font-size:12px;white-space:nowrap}
.why{color:#444}
.closing p{margin:4px 0}
.sign{margin-top:12px;color:#333}
"""


def email_parts(rem: Reminder, ctx: Context, attached: bool = False) -> tuple[str, str, str, int]:
    """(subject, plain text, HTML, items shown) of the email to a unit, in the report's style: the
    report's page shell, CSS and light badges."""
    lang = ctx.lang
    text, shown = plain_text(rem, ctx, EMAIL_ITEMS, attached)
    rows = rem.items[:shown]
    cols = ("item", "metric", "target", "deadline", "light", "light_reason")
    heads = {"item": "col.item", "metric": "col.metric", "target": "col.target", "deadline": "col.deadline",
             "light": "col.light", "light_reason": "col.light_reason"}
    th = "".join(f'<th class="c-{c}">{_e(say(heads[c], lang))}</th>' for c in cols)
    body_rows = []
    for r in rows:
        new = f' <span class="new">{_e(say("notify.new", lang).strip())}</span>' if r["item"] in rem.new else ""
        why = said(r.get("light_reason"), lang)
        if r.get("review_note"):
            why = say("notify.returned_because", lang, reason=r["review_note"])
        body_rows.append(
            f'<tr><td class="nw c-item">{_e(r["item"])}</td><td class="c-metric">{_e(r.get("metric") or "")}</td>'
            f'<td class="nw c-target">{_e(target_text(r.get("comparator"), r.get("value_text")))}</td>'
            f'<td class="nw c-deadline">{_e(deadline_cell(r, lang))}</td>'
            f"<td>{light_badge(r, lang)}{new}</td><td class=\"why\">{_e(why)}</td></tr>")
    rest = len(rem.items) - len(rows)
    summary = "".join(f"<li>{_e(s)}</li>" for s in _summary(rem, lang))
    closing = _closing(rem, ctx, attached)
    sign = _signature(ctx)
    parts = [
        f'<p class="lead">{_e(say("notify.head", lang, as_of=rem.as_of.isoformat()))}</p><ul class="sum">{summary}</ul>',
        f'<h2>{_e(say("notify.html.items", lang))}</h2><div class="scroll"><table class="items"><thead><tr>{th}</tr>'
        f'</thead><tbody>{"".join(body_rows)}</tbody></table></div>',
        f'<p class="note">{_e(say("notify.more", lang, n=rest))}</p>' if rest else "",
        '<div class="closing">' + "".join(f"<p>{_e(s)}</p>" for s in closing if s != sign)
        + (f'<p class="sign">{_e(sign)}</p>' if sign else "") + "</div>",
    ]
    doc = page(title(rem, lang), [p for p in parts if p], lang, css=EMAIL_CSS)
    return title(rem, lang), text, doc, shown


def outgoing(rem: Reminder, route: Route, ctx: Context) -> Outgoing:
    """The message of ``rem`` for ``route``, in the form its channel takes."""
    told = len(rem.items)
    if route.channel == "wecom":
        body, shown = wecom_payload(rem, route, ctx)
        return Outgoing(rem.unit, route, told, shown, body=body)
    if route.channel == "dingtalk":
        body, shown = dingtalk_payload(rem, route, ctx)
        return Outgoing(rem.unit, route, told, shown, body=body)
    if route.channel == "webhook":
        body, shown = webhook_payload(rem, route, ctx)
        return Outgoing(rem.unit, route, told, shown, body=body)
    attachment = ctx.attach / f"{rem.unit}.xlsx" if ctx.attach is not None else None
    if attachment is not None and not attachment.is_file():  # no workbook for this unit: say where it is
        attachment = None
    subject, text, doc, shown = email_parts(rem, ctx, attached=attachment is not None)
    return Outgoing(rem.unit, route, told, shown, subject=subject, text=text, html=doc, attachment=attachment)
