"""Checks of registry entries against the source text: the proof behind ``plancli validate``.

Each entry must be traceable: its quote occurs in the source starting at its line (whitespace
ignored, since the PDF text breaks lines and inserts spaces), its value_text and deadline_text occur
inside the quote, value_text reads as the stored value and unit, and the ids follow the plan's code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path

from ..registry.model import Entry, Exclusion, Plan, Problem, Registry
from ..text.quantities import QuantityError, parse_value
from ..text.source import SourceText, compact

__all__ = ["check_against_source", "check_units", "validate", "one_edit"]

_ID = re.compile(r"^([a-z]+)-(\d{3})$")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def check_against_source(path: str, entries: Iterable[Entry], exclusions: Iterable[Exclusion],
                         plans: dict[str, Plan], source: SourceText) -> list[Problem]:
    out: list[Problem] = []

    def bad(line: int | None, code: str, **fields) -> None:
        out.append(Problem.at(path, line, code, **fields))

    for e in entries:
        m = _ID.match(e.id)
        if not m or (plans and m.group(1) != e.plan):
            bad(e.yaml_line, "validate.id_form", id=e.id, plan=e.plan)
        span = source.find_at_line(e.quote, e.line)
        if span is None:
            at = source.nearest_line(e.quote)
            if at:
                bad(e.yaml_line, "validate.quote_elsewhere", id=e.id, at=e.line, starts=at)
            else:
                bad(e.yaml_line, "validate.quote_missing", id=e.id, at=e.line)
        else:
            plan = plans.get(e.plan)
            if plan and not plan.first_line <= e.line <= plan.last_line:
                bad(e.yaml_line, "validate.line_outside_plan", id=e.id, at=e.line, plan=e.plan,
                    first=plan.first_line, last=plan.last_line)
        cq = compact(e.quote)
        for key in ("value_text", "deadline_text"):
            v = getattr(e, key)
            if v and compact(v) not in cq:
                bad(e.yaml_line, "validate.not_in_quote", id=e.id, key=key, text=v)
        if e.kind == "target":
            if not e.value_text:
                bad(e.yaml_line, "validate.target_needs_value_text", id=e.id)
            else:
                try:
                    q = parse_value(e.value_text)
                except QuantityError as exc:
                    bad(e.yaml_line, "validate.value_text_unreadable", id=e.id, error=exc)
                else:
                    if not _close(q.value, e.value) or not _close(q.value_max, e.value_max):
                        want = f"{q.value:g}" + (f"…{q.value_max:g}" if q.value_max is not None else "")
                        bad(e.yaml_line, "validate.value_mismatch", id=e.id, value=e.value, value_max=e.value_max,
                            value_text=e.value_text, reads=want)
                    # A bare number (双破千) states no unit; the entry may name the implied one.
                    if q.unit and (e.unit or "") != q.unit:
                        bad(e.yaml_line, "validate.unit_mismatch", id=e.id, unit=e.unit, value_text=e.value_text,
                            reads=q.unit)
                    if (e.comparator == "range") != (q.value_max is not None):
                        bad(e.yaml_line, "validate.range_comparator", id=e.id)
            if e.comparator is None:
                bad(e.yaml_line, "validate.target_needs_comparator", id=e.id)
        elif e.kind == "milestone" and e.value_text:
            bad(e.yaml_line, "validate.milestone_value_text", id=e.id)
        # A milestone is dated by its own phrase (deadline_text), or by a date the text states elsewhere
        # that the entry gives (a heading's date over a list, 10月底前 read in the document's year: deadline
        # with deadline_inferred false, a note saying where it is from); never by the period's end alone.
        if e.kind == "milestone" and e.deadline_text is None and e.deadline_inferred:
            bad(e.yaml_line, "validate.milestone_needs_deadline_text", id=e.id)
        if not e.lead:
            bad(e.yaml_line, "validate.no_lead", id=e.id)
        if e.units_inferred and plans.get(e.plan) and tuple(e.lead) != plans[e.plan].coordinator:
            bad(e.yaml_line, "validate.inferred_lead", id=e.id)
    for x in exclusions:
        if source.find_at_line(x.text, x.line) is None:
            at = source.nearest_line(x.text)
            if at:
                bad(x.yaml_line, "validate.exclusion_elsewhere", text=x.text, at=x.line, starts=at)
            else:
                bad(x.yaml_line, "validate.exclusion_missing", text=x.text, at=x.line)
        if not x.reason.strip():
            bad(x.yaml_line, "validate.exclusion_no_reason")
    for plan in plans.values():
        if plan.coordinator_quote and plan.coordinator_line and \
                source.find_at_line(plan.coordinator_quote, plan.coordinator_line) is None:
            bad(None, "validate.coordinator_quote", plan=plan.code, at=plan.coordinator_line)
    return out


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or replaced character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def check_units(path: str, entries: Iterable[Entry], table) -> list[Problem]:
    """A lead/support name the unit table does not know: a *problem* when it is one character off a
    known name or alias (省大数剧局: a typo that would split one unit's items in two), else a warning
    with the closest known name (a lone registry's own units stay usable by their exact name)."""
    out = []
    near_of: dict[str, str | None] = {}
    known = [(n, u.name) for u in table.units for n in (u.name, *u.aliases)]
    for e in entries:
        for name in (*e.lead, *e.support):
            if table.known(name):
                continue
            if name not in near_of:
                near_of[name] = next((canon for n, canon in known if one_edit(name, n)), None)
            typo = near_of[name]
            if typo:
                out.append(Problem.at(path, e.yaml_line, "validate.unit_typo", id=e.id, name=name, typo=typo))
                continue
            near = table.suggest(name)
            if near:
                out.append(Problem.at(path, e.yaml_line, "validate.unit_unknown_near", "warning", id=e.id, name=name,
                                      near=near))
            else:
                out.append(Problem.at(path, e.yaml_line, "validate.unit_unknown", "warning", id=e.id, name=name))
    return out


def check_period(path: str, entries: Iterable[Entry], period) -> list[Problem]:
    """A deadline outside the document's plan period is a mistake unless the entry says it is meant."""
    out = []
    for e in entries:
        if e.outside_period:
            continue
        for d in e.occurrences():
            if not period.start <= d <= period.end:
                out.append(Problem.at(path, e.yaml_line, "validate.outside_period", id=e.id, date=d,
                                      start=period.start, end=period.end))
                break
    return out


def validate(path: str | Path | None = None, progress: str | Path | None = None, *,
             check_source: bool = True, contacts: str | Path | None = None) -> tuple[Registry, list[Problem]]:
    """Every problem of a registry and its ledger, as ``validate`` prints them: per document the
    schema, ids, units, deadlines and period, quotes and values against its own source (and its
    sha256); across documents id and plan-code collisions; unknown ledger items; the routes of
    ``contacts.yaml`` (``contacts``, else the one beside the registry when there is one), a secret
    written in it first of all.
    ``check_source=False`` skips the source checks on purpose (a registry without its text)."""
    from ..ledger.record import LedgerError
    from ..ledger.recording import check_ledger
    from ..ledger.storage import default_path, load_ledger, needs_migration
    from ..registry.loading import load_registry, sha256_of
    from ..registry.units import load_units
    from ..repository import registry_path
    from ..workspace import unit_files
    from ..yamlio.reader import DataFileError

    problems: list[Problem] = []
    reg = load_registry(registry_path(path), problems)
    try:
        table = load_units(*unit_files(reg))
    except DataFileError as exc:
        problems.append(Problem.of(exc))
        table = None
    for doc in reg.documents:
        where = str(doc.path)
        entries = [e for e in reg.entries if e.plan in doc.plan_codes]
        plans = {c: reg.plans[c] for c in doc.plan_codes if c in reg.plans}
        if doc.missing_units_file is not None:
            problems.append(Problem.at(where, None, "validate.units_file_missing", "warning",
                                       file=doc.missing_units_file))
        if table is not None:
            problems += check_units(where, entries, table)
        problems += check_period(where, entries, doc.period)
        if not check_source or "source.file" in doc.refused:  # a source outside the repository: reported, not read
            continue
        src_path = doc.source_path
        if src_path is None or not src_path.exists():
            # Reported once, not once per quote: without its text nothing else can be checked.
            problems.append(Problem.at(where, None, "validate.source_missing", file=src_path))
            continue
        want = (doc.meta.get("source") or {}).get("sha256")
        if want and sha256_of(src_path) != str(want):
            problems.append(Problem.at(where, None, "validate.source_sha256", file=src_path))
        problems += check_against_source(where, entries, doc.exclusions, plans, SourceText.read(src_path))
    ledger = Path(progress) if progress is not None else (reg.ledger_path or default_path(reg.path))
    try:
        records = load_ledger(ledger)
        problems += check_ledger(ledger, records, reg)
        if needs_migration(ledger):
            problems.append(Problem.at(str(ledger), 1, "validate.ledger_old_format", "warning"))
    except LedgerError as exc:
        problems.append(Problem.of(exc, str(ledger)))
    from ..registry.contacts import contacts_path, load_contacts

    book = Path(contacts) if contacts is not None else contacts_path(reg.path)
    if contacts is not None or book.is_file():
        try:
            problems += load_contacts(book, table)[1]
        except DataFileError as exc:
            problems.append(Problem.of(exc, str(book)))
    return reg, problems
