"""催办 and 督办: notify (each unit told where it already is) and notice (a 督办单 for a unit's red items)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..errors import PlancliError
from .commands import command
from .edge import EXIT_CHECK, warn
from .options import ContactsOpt, Listing, Selection, choice, format_name, format_option, with_selection

Channel = choice("Channel", ("wecom", "dingtalk", "email", "webhook"))
NoticeFormat = choice("NoticeFormat", ("html", "docx"))


class NotifyError(PlancliError):
    """A notify or notice run that cannot start as asked (contacts missing or wrong, dates)."""


def _lang(sel: Selection, reg) -> str:
    """Messages and notices leave the office: in the registry's language (``lang:``) unless
    --lang/PLANCLI_LANG say otherwise; a registry without ``lang:`` follows the locale."""
    from ..output.language import pick_lang

    return pick_lang(sel.lang, registry=reg.lang)


def _since(text: str, as_of: date) -> date:
    """--since: a date, or a span back from --as-of (7d: the week before)."""
    from ..text.dates import DateInputError, parse_span, to_date

    try:
        since = as_of - parse_span(text)
    except DateInputError:
        since = to_date(text, "--since")
    if since >= as_of:
        raise NotifyError("notify.since_after", since=since, as_of=as_of)
    return since


def _contacts(given: Path | None, ws):
    from ..registry.contacts import ContactsError, contacts_path, load_contacts

    path = given or contacts_path(ws.registry.path)
    if not path.exists():
        raise NotifyError("contacts.missing", file=str(path))
    contacts, problems = load_contacts(path, ws.units)
    errors = [p for p in problems if p.level == "error"]
    warn([p for p in problems if p.level != "error"])
    if errors:
        raise ContactsError("contacts.has_errors", file=str(path), n=len(errors), first=str(errors[0]))
    return contacts


@command()
@with_selection
def notify(
    contacts: ContactsOpt = None,
    since: Annotated[str, typer.Option(
        "--since", help="Mark items newly red/yellow/blue since DATE or SPAN before --as-of (the last cycle).")] = "7d",
    new_only: Annotated[bool, typer.Option(
        "--new-only", help="Tell a unit only what is new since --since (and what review returned).")] = False,
    channel: Annotated[list[Channel] | None, typer.Option(
        "--channel", help="Only these channels: wecom, dingtalk, email, webhook (repeatable).")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Print exactly the requests and emails that would be sent (secrets masked); send nothing.")
    ] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Send even what the sent-log shows was delivered today.")] = False,
    state: Annotated[Path | None, typer.Option(
        "--state", envvar="PLANCLI_NOTIFY_STATE",
        help="Sent-log file [default: $XDG_STATE_HOME/plancli/notify-log.jsonl, per user, outside git].",
        show_default=False)] = None,
    log: Annotated[bool, typer.Option("--log", help="List what was sent, when and to whom; send nothing.")] = False,
    attach: Annotated[Path | None, typer.Option(
        "--attach", help="Email: attach each unit's workbook DIR/<unit>.xlsx (export --per-unit -o DIR).",
        show_default=False)] = None,
    rate: Annotated[int, typer.Option("--rate", min=1, max=600, help="Messages per minute to one robot.")] = 20,
    retries: Annotated[int, typer.Option("--retries", min=0, max=10, help="Tries again after a transient failure.")
    ] = 3,
    timeout: Annotated[float, typer.Option("--timeout", min=1, max=300, help="Seconds to wait for an answer.")] = 10.0,
    fmt: format_option(Listing) = None,
    *, sel: Selection,
) -> None:
    """Send each unit one 催办: its red, yellow and blue items, what is new, reports due, by 企业微信,
    钉钉, email or webhook as contacts.yaml routes it.

    Exit 1 if any message failed (the others are still sent). A unit already told today is not told
    again (the sent-log; --force). Setup and crontab: docs/notify.md.

    Example: plancli notify --dry-run --unit 省大数据局
    Example (cron, Mondays 9:00): plancli notify --lang zh
    """
    from ..delivery.sentlog import SentLog, default_state_path

    ws = sel.workspace()
    lang = _lang(sel, ws.registry)
    sent_log = SentLog(state or default_state_path())
    if log:
        _show_log(sent_log, ws, sel, lang, format_name(fmt))
        return
    from ..delivery.sending import Run, deliver
    from ..output.reminders import Context, outgoing
    from ..query.reminders import reminders

    f = sel.filters(ws)
    book = _contacts(contacts, ws)
    from ..query.review import returned_rows

    rems = reminders(ws.registry, ws.units, ws.records, f, since=_since(since, f.as_of), new_only=new_only,
                     returned_items=returned_rows(ws.registry, ws.units, ws.records, f))  # 退办 (docs/review.md)
    from ..words import say

    if not rems:
        print(say("notify.nothing", lang, as_of=f.as_of.isoformat()), file=sys.stderr)
        return
    ctx = Context(lang, dict(ws.registry.office), book.links.get("workbook"), book.links.get("report"), attach)
    wanted = {c.value for c in channel} if channel else None
    messages, unrouted = [], []
    for rem in rems:
        routes = [r for r in book.routes(rem.unit) if wanted is None or r.channel in wanted]
        if not routes:
            unrouted.append((rem.unit, len(rem.items)))
        messages += [outgoing(rem, r, ctx) for r in routes]
    run = Run(ws.registry.path, sent_log, dry=dry_run, force=force, retries=retries, per_minute=rate,
              timeout=timeout, as_of=f.as_of.isoformat(), lang=lang)
    outcomes = deliver(messages, unrouted, run)
    if dry_run:
        n = 0
        for o in outcomes:
            if o.preview:
                n += 1
                print(say("notify.dry.request", lang, n=n, unit=o.unit, channel=say(f"notify.channel.{o.channel}", lang),
                          to=o.to))
                print(o.preview + "\n")
    _summary(outcomes, lang, format_name(fmt), sys.stderr if dry_run else sys.stdout)
    counts = {k: sum(o.result == k for o in outcomes) for k in ("sent", "would_send", "failed", "already", "no_route")}
    key = "notify.summary.dry" if dry_run else "notify.summary"
    print(say(key, lang, sent=counts["sent"] + counts["would_send"], failed=counts["failed"],
              already=counts["already"], unrouted=counts["no_route"]), file=sys.stderr)
    if counts["failed"]:
        raise typer.Exit(EXIT_CHECK)


def _when(at: str | None) -> str:
    """An ISO time as people read it: 2026-12-06 09:00 (JSON keeps the ISO form with its offset)."""
    return (at or "")[:16].replace("T", " ")


SUMMARY_KEYS = ("unit", "channel", "to", "items", "shown", "result", "error", "at")


def _summary(outcomes, lang: str, fmt: str, out) -> None:
    """One row per message (and per unit without a route): who, where, what became of it."""
    from ..output.render import Column, is_machine, render
    from ..words import said, say

    if is_machine(fmt):
        render([{"unit": o.unit, "channel": o.channel, "to": o.to, "items": o.told, "shown": o.shown,
                 "result": o.result, "error": o.error.text("en") if o.error else None, "at": o.at}
                for o in outcomes], [], fmt, out, fields=SUMMARY_KEYS)
        return
    rows = []
    for o in outcomes:
        if o.result == "failed":
            why = said(o.error, lang)
            if o.attempts > 1:
                why = say("notify.tries", lang, why=why, n=o.attempts)
            result = say("notify.result.failed", lang, why=why)
        elif o.result == "already":
            result = say("notify.result.already", lang, at=_when(o.at))
        elif o.result == "no_route":
            result = say("notify.result.no_route", lang)
        else:
            result = say(f"notify.result.{o.result}", lang, shown=o.shown, n=o.told)
        rows.append({"unit": o.unit, "channel": say(f"notify.channel.{o.channel}", lang) if o.channel else "—",
                     "to": o.to or "—", "items": o.told, "result": result})
    cols = [Column(k, say(f"notify.col.{k}", lang), None, {"to": "ellipsis", "result": "fold"}.get(k))
            for k in ("unit", "channel", "to", "items", "result")]
    render(rows, cols, fmt, out)


LOG_COLUMNS = ("at", "unit", "channel", "to", "items", "result")


def _show_log(sent_log, ws, sel: Selection, lang: str, fmt: str) -> None:
    """notify --log: what this registry's runs sent, oldest first (--unit narrows it)."""
    from ..output.render import Column, is_machine, render
    from ..words import say

    registry = str(ws.registry.path.resolve())
    units = set(sel.filters(ws).units) if sel.unit else None
    bad: list[int] = []
    entries = [e for e in sent_log.entries(bad) if e.get("registry") == registry
               and (units is None or e.get("unit") in units)]
    warn([say("notify.state_bad", "en", path=sent_log.path, line=n) for n in bad])
    if is_machine(fmt):
        from ..delivery.sentlog import KEYS

        render(entries, [], fmt, fields=KEYS)
        return
    if not entries:
        print(say("notify.log_empty", lang, path=sent_log.path), file=sys.stderr)
        return
    rows = [{"at": _when(e.get("at")), "unit": e.get("unit"), "to": e.get("to"), "items": e.get("items"),
             "channel": say(f"notify.channel.{e.get('channel')}", lang) if e.get("channel") else "",
             "result": say("notify.result.ok", lang) if e.get("ok") else
             say("notify.result.failed", lang, why=e.get("error") or "")} for e in entries]
    render(rows, [Column(k, say(f"notify.col.{k}", lang), None, "ellipsis" if k in ("to", "result") else None)
                  for k in LOG_COLUMNS], fmt)


@command()
@with_selection
def notice(
    by: Annotated[str, typer.Option(
        "--by", help="The 整改 date asked for: a DATE, or a SPAN after --as-of.")] = "10d",
    number: Annotated[str | None, typer.Option("--number", help="The notice's number (督办〔2025〕12号).")] = None,
    fmt: Annotated[NoticeFormat | None, typer.Option(
        "--format", "-f", case_sensitive=False, help="html or docx [default: by the -o suffix, else html].",
        show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write; a directory for several units [default: stdout (html)].",
        show_default=False)] = None,
    *, sel: Selection,
) -> None:
    """Write a 督办单 for a unit's red items: the items, why, deadlines, the 整改 date asked for, and the
    office's signature block (the registry's office:).

    Without --unit (or with several), one file per unit with red items goes into the directory -o.

    Example: plancli notice --unit 省大数据局 --by 2025-12-10 -o 督办单-省大数据局.docx
    """
    from ..output.export import write_output
    from ..output.notice import Notice, notice_docx, notice_html
    from ..query.reminders import red_items
    from ..text.dates import DateInputError, parse_span, to_date
    from ..words import say

    ws = sel.workspace()
    lang = _lang(sel, ws.registry)
    f = sel.filters(ws)
    try:
        due_by = f.as_of + parse_span(by)
    except DateInputError:
        due_by = to_date(by, "--by")
    if due_by < f.as_of:
        raise NotifyError("notice.by_before", by=due_by, as_of=f.as_of)
    kind = fmt.value if fmt else ("docx" if output is not None and output.suffix.lower() == ".docx" else "html")
    reds = red_items(ws.registry, ws.units, ws.records, f)
    one = len(f.units) == 1 and (output is None or not output.is_dir())
    if not one and (output is None or str(output) == "-" or (output.exists() and not output.is_dir())):
        raise NotifyError("notice.many_units")
    if kind == "docx" and (output is None or str(output) == "-"):
        raise NotifyError("notice.format", fmt=kind)
    units = f.units if one else list(reds)
    for unit in units:
        rows = reds.get(unit, [])
        if not rows:
            print(say("notice.none", lang, as_of=f.as_of.isoformat(), unit=unit), file=sys.stderr)
            continue
        n = Notice(unit, f.as_of, due_by, rows, dict(ws.registry.office), number)
        data = notice_docx(n, lang) if kind == "docx" else notice_html(n, lang).encode("utf-8")
        if one:
            path = output
        else:
            output.mkdir(parents=True, exist_ok=True)
            path = output / f"{say('notice.file', lang)}-{unit}-{f.as_of}.{kind}"
        write_output(data, path)
        if path is not None and str(path) != "-":
            print(say("notice.written", lang, path=path, unit=unit, n=len(rows)), file=sys.stderr)
