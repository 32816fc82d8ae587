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

Run: ``.venv/bin/python bench/extract_eval.py`` (``--misses`` lists what was not found,
``--disagree`` lists the fields that differ).
"""

from __future__ import annotations

import argparse
import math
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
    return (kind, line, compact(str(value_text if kind == "target" else deadline_text)))


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--disagree", action="store_true")
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


if __name__ == "__main__":
    main()
