"""Measure ``plancli extract`` against the shipped, hand-checked registry.

Runs ``extract`` on each shipped source text (never reading a registry while drafting) and compares the
draft with that document's hand-checked registry file:

* data/source/000_eaa1b40229515837.txt against data/targets.yaml (鲁政发〔2024〕5号: the document the
  rules were developed on);
* data/source/001_gz_633_rencai.txt against data/documents/gz633.yaml (Guangzhou “633” 实施意见, 2012:
  a second document, never tuned on). Its title states no period, so — as a user would with
  ``--period`` — the period is passed in (2012:2016, the “5年内” of the text).

recall
    share of the registry's entries (targets and dated milestones) that the draft has. A target is
    found when a draft target stands at the same line with the same value_text; a milestone when a
    draft milestone stands at the same line with the same deadline_text (both compared without
    whitespace). Matching is one-to-one: two registry entries need two draft entries.
agreement
    over the matched pairs, the share of fields that agree: value (and value_max), unit, comparator,
    deadline and lead (for milestones: deadline and lead).

Whole real documents (bench/documents/, listed in its SOURCES.md) are compared with their hand annotation
``NAME.expected.yaml`` (written before extract was tuned on them), run as a user would: no ``--period``,
no ``--doc-date``. For each: recall, precision (share of draft entries that the annotation has),
value/unit/comparator agreement of the matched targets and deadline agreement of all matched entries,
and the period when it differs from the annotation's;
a document whose annotation has no entries (a text of rules) scores precision only. ``extract`` failing
on one is reported as such, never a traceback; when it refuses for want of a period, the document is
drafted again with the annotation's period, as the refusal asks a user to (``--period``), and reported
apart. Lead agreement is judged where the annotation names the lead (the text names the units): the draft's
lead must be the same units, not inferred. Each document's draft is held to the line contract: an entry's
``line`` holds its value (a target's value_text, else its deadline_text) and its ``quote`` is text of that
line. Documents whose annotation says ``held_out: true`` are reported apart, each set by its ``held_out_round``
(the round that collected it and measures it once, at its end), and their misses are never shown; the city,
county, district and department plans (issue 28) are totalled apart too.

The single sentences (bench/sentences/sentences.txt, one target sentence a line from other documents,
annotated in sentences.expected.yaml): the share of annotated targets drafted on their own line with their
value_text, their value/unit/comparator, the numbers no entry or exclusion of their line accounts for, and
the entries off their line.

Run: ``.venv/bin/python bench/extract_eval.py`` (``--misses`` lists what was not found,
``--disagree`` lists the fields that differ, ``--skip-held-out`` leaves the held-out documents unmeasured
while rules are written, ``--skip-round LABEL`` one held-out set).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plancli.extract import extract, parse_period  # noqa: E402
from plancli.registry.loading import load_registry  # noqa: E402
from plancli.text.source import compact  # noqa: E402

DATA = ROOT / "data"
DOCS = [  # (name, source, registry file, period as --period gives it or None to read it from the title)
    ("鲁政发〔2024〕5号", DATA / "source" / "000_eaa1b40229515837.txt", DATA / "targets.yaml", None),
    ("gz633", DATA / "source" / "001_gz_633_rencai.txt", DATA / "documents" / "gz633.yaml", "2012:2016"),
]


def _key(kind: str, line: int, value_text, deadline_text) -> tuple:
    # (a milestone's phrase with or without the words of intent before it — 力争2025年, 2025年 — is the same phrase: the
    # registry keeps 力争, as the shipped one writes 力争到2025年, where an annotator may not)
    said = compact(str(value_text if kind == "target" else deadline_text))
    if kind == "target":
        # (a figure with or without the words of its comparator around it — 9座左右 / 9座, 约48公里 / 48公里, 40%以上 /
        # 40% — is the same figure: the comparator is scored apart, as the value is; so is a table cell's sign, ≥98% / 98%)
        return (kind, line, re.sub(r"^(?:约|近|至少|不少于|不低于|超过|[>≥<≤＞≧＜≦])|(?:左右|及以上|以上|以下|以内)$", "", said))
    return (kind, line, re.sub(r"^(?:力争|争取|确保|计划|预计)", "", said))


def _unit_key(unit) -> str:
    """A unit as the bench compares it: compact, its bracketed alternative dropped (条(个) -> 条, 台（套） -> 台)."""
    return re.sub(r"\([^()]*\)$", "", compact(str(unit)))


def _same(a, b) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def evaluate(source: Path, registry: Path, period: str | None = None, show_misses: bool = False,
             show_disagree: bool = False) -> dict:
    draft = extract(source.read_text(encoding="utf-8"), source_name=source.name,
                    period=parse_period(period) if period else None)
    reg = load_registry(registry)
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for d in draft["entries"]:
        pool[_key(d["kind"], d["line"], d["value_text"], d["deadline_text"])].append(d)

    found = 0
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses, disagree = [], []
    by_kind = defaultdict(lambda: [0, 0])
    for e in reg.entries:
        by_kind[e.kind][1] += 1
        cands = pool.get(_key(e.kind, e.line, e.value_text, e.deadline_text))
        if not cands:
            misses.append(e)
            continue
        d = cands.pop(0)
        found += 1
        by_kind[e.kind][0] += 1
        checks = {"deadline": (e.deadline.isoformat() if e.deadline else None, d["deadline"]),
                  "lead": (list(e.lead), d["lead"])}
        if e.kind == "target":
            checks |= {"value": ((e.value, e.value_max), (d["value"], d.get("value_max"))),
                       "unit": (e.unit, d["unit"]), "comparator": (e.comparator, d["comparator"])}
        for name, (want, got) in checks.items():
            ok = (all(_same(a, b) if a is not None and b is not None else a is b
                      for a, b in zip(want, got, strict=True)) if name == "value" else want == got)
            fields[name][0] += ok
            fields[name][1] += 1
            if not ok:
                disagree.append((e.id, name, want, got, e.quote[:50]))
    agree = sum(v[0] for v in fields.values())
    total = sum(v[1] for v in fields.values())
    out = {
        "registry_entries": len(reg.entries), "draft_entries": len(draft["entries"]),
        "draft_exclusions": len(draft["exclusions"]), "found": found,
        "recall": found / len(reg.entries),
        "recall_targets": by_kind["target"][0] / max(1, by_kind["target"][1]),
        "recall_milestones": by_kind["milestone"][0] / max(1, by_kind["milestone"][1]),
        "agreement": agree / total if total else 0.0,
        "fields": {k: f"{v[0]}/{v[1]}" for k, v in fields.items()},
    }
    if show_misses:
        for e in misses:
            print(f"MISS {e.id} line {e.line} {e.kind} {e.value_text!r} {e.deadline_text!r}: {e.quote[:60]}")
    if show_disagree:
        for row in disagree:
            print("DIFF", *row)
    return out


BENCH_DOCS = ROOT / "bench" / "documents"
SENTENCES = ROOT / "bench" / "sentences"


def line_contract(text: str, entries: list[dict]) -> list[str]:
    """Entries breaking the draft's line contract: ``line`` holds the entry's value (a target's
    value_text, else its deadline_text) and ``quote`` is verbatim text of that line."""
    lines = text.split("\n")
    bad = []
    for d in entries:
        ln = d["line"]
        src = compact(lines[ln - 1]) if 1 <= ln <= len(lines) else ""
        held = d["value_text"] if d["kind"] == "target" else d["deadline_text"]
        if held and compact(str(held)) not in src:
            bad.append(f"{d['id']} line {ln}: {held!r} is not on its line")
        elif compact(d["quote"]) not in src:
            bad.append(f"{d['id']} line {ln}: quote is not text of its line")
    return bad


def annotated(want: dict) -> list[tuple[str, dict]]:
    """An annotation's entries as (kind, entry): its targets, then its milestones."""
    return [("target", t) for t in want.get("targets") or []] + [("milestone", m) for m in want.get("milestones") or []]


def score(exp: list[tuple[str, dict]], entries: list[dict], show: bool = False) -> dict:
    """``entries`` (a draft's, or a second annotation's) against the annotated ``exp``: matched one to one by
    kind, line and value_text (a milestone by its deadline_text), then the fields of each matched pair."""
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for d in entries:
        pool[_key(d["kind"], d["line"], d.get("value_text"), d.get("deadline_text"))].append(d)
    found, vuc, dl, lead = 0, [0, 0], [0, 0], [0, 0]
    by_kind = {"target": [0, 0], "milestone": [0, 0]}
    for kind, e in exp:
        by_kind[kind][1] += 1
        cands = pool.get(_key(kind, e["line"], e.get("value_text"), e.get("deadline_text")))
        if not cands and kind == "milestone" and e.get("deadline_text"):
            # a year-less phrase (9月底前) the draft dates in the document's year: its deadline_text is null by the
            # registry's rule (the note names the phrase) where an annotator wrote the phrase — the same step if its
            # quote holds the phrase, or its note names it as where the date is from (a task's 完成时限, (8月底完成，…))
            said = compact(str(e["deadline_text"]))
            cands = [d for d in pool.get(_key(kind, e["line"], None, None), [])
                     if said in compact(d.get("quote", "")) or f"“{said}”" in compact(d.get("note", ""))]
            if cands:
                pool[_key(kind, e["line"], None, None)].remove(cands[0])
        if not cands and kind == "milestone":
            # a table row's step keyed at its 完成时限 cell's line (君山's 任务清单, one cell a paragraph: a reader keys
            # the row where its date stands, the draft at its task cell, naming the time cell's line in its note as
            # where its date is from): the same row's step. Only a time cell after the step's line (a heading's date
            # above its items is no row's).
            at = f"(line {e['line']}), the date of the heading above or of the row's 完成时限 cell"
            for k, ds in pool.items():
                hit = next((d for d in ds if k[0] == "milestone" and d["line"] < e["line"]
                            and at in (d.get("note") or "")), None)
                if hit is not None:
                    ds.remove(hit)
                    cands = [hit]
                    break
        if not cands:
            if show:
                print(f"  MISS {kind} line {e['line']} {e.get('value_text') or e.get('deadline_text')!r}")
            continue
        d = cands.pop(0)
        found += 1
        by_kind[kind][0] += 1
        if kind == "target":
            # (none of a thing is none whatever it is counted in: 事故“零发生” is 0, in 起 or no unit)
            # (a unit compared as the registry writes it: 台（套） is 台(套), its brackets half-width; a measure with its
            # alternative in brackets, 条(个), is the measure it opens with, as annotators write it either way)
            ok = (_same(e.get("value"), d["value"])
                  and (_unit_key(e.get("unit")) == _unit_key(d["unit"]) or _same(e.get("value"), 0))
                  and e.get("comparator") == d["comparator"])
            vuc[0] += ok
            vuc[1] += 1
            if show and not ok:
                print(f"  VUC line {e['line']} {e['value_text']!r}: want {e.get('value')} {e.get('unit')} "
                      f"{e.get('comparator')}, got {d['value']} {d['unit']} {d['comparator']}")
        ok = str(e.get("deadline")) == str(d["deadline"])
        dl[0] += ok
        dl[1] += 1
        if show and not ok:
            print(f"  DEADLINE line {e['line']} {e.get('value_text') or e.get('deadline_text')!r}: "
                  f"want {e.get('deadline')}, got {d['deadline']}")
        if e.get("lead"):  # lead is judged where the text names the units
            # (a unit's name compared as the registry writes it: 区建管委（区水务局） is 区建管委(区水务局), its brackets half-width)
            ok = sorted(compact(u) for u in e["lead"]) == sorted(compact(u) for u in d.get("lead") or []) \
                and not d.get("units_inferred")
            lead[0] += ok
            lead[1] += 1
            if show and not ok:
                print(f"  LEAD line {e['line']}: want {e['lead']}, got {d.get('lead')}")
    extra = [d for ds in pool.values() for d in ds]
    if show:
        for d in extra:
            print(f"  EXTRA {d['kind']} line {d['line']} {d.get('value_text') or d.get('deadline_text')!r}: {d.get('quote', '')[:50]}")
    n_draft = len(entries)
    return {"expected": len(exp), "draft": n_draft, "found": found,
            "recall": found / len(exp) if exp else None,
            "precision": found / n_draft if n_draft else 1.0,
            "vuc": vuc, "deadline": dl, "lead": lead, "by_kind": by_kind,
            "draft_by_kind": {k: sum(1 for d in entries if d["kind"] == k) for k in ("target", "milestone")}}


def evaluate_whole(source: Path, expected: Path, show: bool = False, period: str | None = None) -> dict:
    """A whole document against its hand annotation (see the module docstring); ``period`` is passed
    as ``--period`` would pass it (the second reading of a document extract refused for want of one)."""
    import yaml

    from plancli.errors import PlancliError

    want = yaml.safe_load(expected.read_text(encoding="utf-8"))
    exp = annotated(want)
    text = source.read_text(encoding="utf-8")
    try:
        draft = extract(text, source_name=source.name, period=parse_period(period) if period else None)
    except PlancliError as exc:
        return {"error": str(exc), "expected": len(exp), "held_out": bool(want.get("held_out")),
                "by_kind": {k: [0, sum(1 for kk, _ in exp if kk == k)] for k in ("target", "milestone")},
                "period_want": want.get("period")}
    except Exception as exc:  # noqa: BLE001 -- a crash is a measurement too: the user gets nothing (exit 3)
        return {"error": f"{type(exc).__name__}: {exc}", "crashed": True, "expected": len(exp),
                "held_out": bool(want.get("held_out")),
                "by_kind": {k: [0, sum(1 for kk, _ in exp if kk == k)] for k in ("target", "milestone")}}
    r = score(exp, draft["entries"], show)
    r.update({"held_out": bool(want.get("held_out")), "contract": line_contract(text, draft["entries"]),
              "period": draft["meta"]["period"], "period_want": want.get("period")})
    return r


def evaluate_sentences(show: bool = False) -> dict:
    """The single sentences (bench/sentences/): every annotated target drafted on its own line with its
    value_text, every draft entry on the line holding its value, every number an entry or an exclusion
    of its own line. The file has no title or date of its own: it is drafted with a period spanning its
    sentences' years, as a user would pass ``--period``."""
    import yaml

    from plancli.text.source import SourceText
    from plancli.text.tokens import tokens

    source = SENTENCES / "sentences.txt"
    text = source.read_text(encoding="utf-8")
    want = yaml.safe_load((SENTENCES / "sentences.expected.yaml").read_text(encoding="utf-8"))["lines"]
    draft = extract(text, source_name=source.name, period=parse_period("2015:2030"))
    by_line: dict[int, list[dict]] = defaultdict(list)
    for d in draft["entries"]:
        by_line[d["line"]].append(d)
    drafted, total, vuc = 0, 0, [0, 0]
    for row in want:
        pool = [d for d in by_line.get(row["line"], []) if d["kind"] == "target"]
        for t in row["targets"]:
            total += 1
            hit = next((d for d in pool if compact(str(d["value_text"])) == compact(t["value_text"])), None)
            if hit is None:
                if show:
                    print(f"  MISS line {row['line']} {t['value_text']!r}")
                continue
            pool.remove(hit)
            drafted += 1
            ok = _same(t["value"], hit["value"]) and t["unit"] == hit["unit"] and t["comparator"] == hit["comparator"]
            vuc[0] += ok
            vuc[1] += 1
            if show and not ok:
                print(f"  VUC line {row['line']} {t['value_text']!r}: want {t['value']} {t['unit']} {t['comparator']}, "
                      f"got {hit['value']} {hit['unit']} {hit['comparator']}")
    # Every number on its own line: a token is accounted for by an entry or an exclusion of its line.
    src = SourceText(source, text)
    held: dict[int, list[str]] = defaultdict(list)
    for d in draft["entries"]:
        held[d["line"]] += [compact(str(x)) for x in (d["value_text"], d["deadline_text"]) if x]
    for x in draft["exclusions"]:
        held[x["line"]].append(compact(x["text"]))
    toks = list(tokens(src, 1, len(src.lines)))
    unaccounted = [(ln, tok) for _, ln, tok in toks if not any(tok in h for h in held.get(ln, ()))]
    if show:
        for ln, tok in unaccounted:
            print(f"  UNACCOUNTED line {ln} {tok!r}")
    return {"lines": len(want), "documents": len({r["source"] for r in want}), "targets": total,
            "drafted": drafted, "vuc": vuc, "tokens": len(toks), "unaccounted": len(unaccounted),
            "contract": line_contract(text, draft["entries"]), "entries": len(draft["entries"])}


def _ratio(pair) -> str:
    return f"{pair[0] / pair[1]:.2f} ({pair[0]}/{pair[1]})" if pair[1] else "n/a"


def _report_whole(name: str, r: dict) -> None:
    tag = " [held out]" if r["held_out"] else ""
    if "error" in r:
        print(f"{name}{tag}: extract {'CRASHED' if r.get('crashed') else 'refused'}: {r['error']}")
        return
    rec = f"{r['recall']:.2f} ({r['found']}/{r['expected']})" if r["recall"] is not None else "n/a (no entries)"
    got = f"{r['period']['start']}:{r['period']['end']}"
    pw = r["period_want"] or {}
    want = f"{pw.get('start')}:{pw.get('end')}"
    print(f"{name}{tag}: expected {r['expected']}, draft entries {r['draft']}, period {got}"
          + ("" if not pw or want == got else f" (annotation {want})"))
    kinds = ", ".join(f"{k}s {_ratio(v)}" for k, v in r["by_kind"].items() if v[1])
    print(f"  recall {rec}{' [' + kinds + ']' if kinds else ''}  precision {r['precision']:.2f} ({r['found']}/{r['draft']})  "
          f"value/unit/comparator {_ratio(r['vuc'])}  deadline {_ratio(r['deadline'])}  lead {_ratio(r['lead'])}")
    if r["contract"]:
        print(f"  line contract broken by {len(r['contract'])} entries: " + "; ".join(r["contract"][:3]))


# The plans issue 28 is about: a city's, county's or district's plans and a department's (bench/documents/
# names them city…, county…, district…, prov…, dept…, and a town's or a development zone's town…, zone…).
_LOCAL = ("city", "county", "district", "prov", "dept", "town", "zone")


def _held_out(expected: Path) -> str | None:
    """The held-out set an annotation belongs to (its ``held_out_round``, else "earlier rounds"), or None for a
    development document."""
    import yaml

    want = yaml.safe_load(expected.read_text(encoding="utf-8"))
    if not want.get("held_out"):
        return None
    return str(want.get("held_out_round") or "earlier rounds")


def _report_total(label: str, results: list[dict]) -> None:
    t = _sum(results)
    rec = t["found"] / t["expected"] if t["expected"] else 0.0
    prec = t["found"] / t["draft"] if t["draft"] else 1.0
    print(f"  {label}: recall {rec:.3f} ({t['found']}/{t['expected']})  precision {prec:.3f} ({t['found']}/{t['draft']})  "
          f"value/unit/comparator {_ratio(t['vuc'])}  deadline {_ratio(t['deadline'])}  lead {_ratio(t['lead'])}")
    # targets and milestones apart: two careful readers agree on targets (0.99) far more than on which figureless
    # clauses are steps (bench/annotator_agreement.py)
    kinds = []
    for k in ("target", "milestone"):
        found = sum(r["by_kind"][k][0] for r in results if "error" not in r)
        want = sum(r["by_kind"][k][1] for r in results)
        drafted = sum(r["draft_by_kind"][k] for r in results if "error" not in r)
        if want or drafted:
            kinds.append(f"{k}s recall {_ratio([found, want])} precision {_ratio([found, drafted])}")
    if kinds:
        print("    " + "; ".join(kinds))


def _sum(results: list[dict]) -> dict:
    tot = {"expected": 0, "found": 0, "draft": 0, "vuc": [0, 0], "deadline": [0, 0], "lead": [0, 0]}
    for r in results:
        tot["expected"] += r["expected"]
        if "error" in r:
            continue
        tot["found"] += r["found"]
        tot["draft"] += r["draft"]
        for k in ("vuc", "deadline", "lead"):
            tot[k][0] += r[k][0]
            tot[k][1] += r[k][1]
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--disagree", action="store_true")
    ap.add_argument("--skip-held-out", action="store_true",
                    help="leave the held-out documents unmeasured (while rules are being written)")
    ap.add_argument("--skip-round", metavar="LABEL", action="append", default=[],
                    help="leave one held-out set unmeasured (its held_out_round, e.g. 'issue 28 round 2')")
    a = ap.parse_args()
    for name, source, registry, period in DOCS:
        if not registry.exists():
            continue
        r = evaluate(source, registry, period, a.misses, a.disagree)
        print(f"{name}: registry entries {r['registry_entries']}, draft entries {r['draft_entries']}, "
              f"draft exclusions {r['draft_exclusions']}")
        print(f"  recall    {r['recall']:.3f}  ({r['found']}/{r['registry_entries']}; targets "
              f"{r['recall_targets']:.3f}, milestones {r['recall_milestones']:.3f})")
        print(f"  agreement {r['agreement']:.3f}  " + ", ".join(f"{k} {v}" for k, v in r["fields"].items()))
    # Development documents (None) and each held-out set apart: a set is named by its annotations'
    # held_out_round (the round that collected it and measures it once at its end), else "earlier rounds".
    groups: dict[str | None, list[tuple[str, dict]]] = defaultdict(list)
    retried: dict[str | None, list[tuple[str, dict]]] = defaultdict(list)
    for expected in sorted(BENCH_DOCS.glob("*.expected.yaml")):
        source = expected.with_name(expected.name.replace(".expected.yaml", ".txt"))
        # A held-out document's misses are not shown: rules are not to be written from them.
        label = _held_out(expected)
        held = label is not None
        if held and (a.skip_held_out or label in a.skip_round):
            continue
        r = evaluate_whole(source, expected, (a.misses or a.disagree) and not held)
        groups[label].append((source.stem, r))
        pw = r.get("period_want") or {}
        if "error" in r and pw:
            # As the refusal asks: the user gives the period (the annotation's) and drafts again.
            given = f"{str(pw['start'])[:4]}:{str(pw['end'])[:4]}"
            again = evaluate_whole(source, expected, (a.misses or a.disagree) and not held, given)
            again["given"] = given
            retried[label].append((source.stem, again))
    for label in sorted(groups, key=lambda x: (x is not None, x != "earlier rounds", x or "")):
        print(f"-- held-out documents, {label} (never looked at while rules were written)" if label else
              "-- bench documents")
        for name, r in groups[label]:
            _report_whole(name, r)
        _report_total("ALL", [r for _, r in groups[label]])
        _report_total("city, county and department plans", [r for n, r in groups[label] if n.startswith(_LOCAL)])
        if retried[label]:
            print("  refused for want of a period, drafted again with --period (the annotation's), as the refusal asks:")
            for name, r in retried[label]:
                _report_whole(f"  {name} --period {r['given']}", r)
            again = dict(retried[label])
            both = [(n, again.get(n, r)) for n, r in groups[label]]
            _report_total("ALL with --period where asked", [r for _, r in both])
            _report_total("city, county and department plans with --period where asked",
                          [r for n, r in both if n.startswith(_LOCAL)])
    if (SENTENCES / "sentences.txt").exists():
        s = evaluate_sentences(a.misses or a.disagree)
        print(f"-- single target sentences, one a line ({s['lines']} lines from {s['documents']} pages)")
        print(f"  drafted on their own line {_ratio([s['drafted'], s['targets']])}  "
              f"value/unit/comparator {_ratio(s['vuc'])}  numbers unaccounted {s['unaccounted']} of {s['tokens']}  "
              f"entries off their line {len(s['contract'])} of {s['entries']}")


if __name__ == "__main__":
    main()
