"""How far two careful annotators agree on the same documents: the ceiling issue 28's bar is measured under.

Every figure ``bench/extract_eval.py`` gives for a whole document is extract's draft against one annotator's
hand annotation (``bench/documents/NAME.expected.yaml``). Where the written conventions leave a call open
(is a goals paragraph's figureless clause a milestone? is the count of villages a project reaches a target?),
a second reader may decide it otherwise, and no extractor can score above what two readers agree on.

``bench/agreement/NAME.second.yaml`` is a second annotation of ``bench/documents/NAME.txt``, written blind
(its annotator never saw the first, nor any extract output, for that text; see bench/agreement/README.md).
It is scored exactly as a draft is (``extract_eval.score``: the same one-to-one matching by kind, line and
value_text or deadline_text, the same field comparisons), the first annotation the reference:

recall      share of the first annotation's entries the second has
precision   share of the second annotation's entries the first has
value, deadline, lead
            agreement on the matched pairs; lead where the first names the units

Run: ``.venv/bin/python bench/annotator_agreement.py`` (``--show`` lists every disagreement).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_eval import BENCH_DOCS, _ratio, _report_total, annotated, score  # noqa: E402

AGREEMENT = Path(__file__).resolve().parent / "agreement"


def compare(first: dict, second: dict, show: bool = False) -> dict:
    """The second annotation scored against the first, as a draft would be."""
    entries = [dict(e, kind=kind) for kind, e in annotated(second)]
    r = score(annotated(first), entries, show)
    r["period"] = (first.get("period") or {}, second.get("period") or {})
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list every entry the two annotations disagree on")
    a = ap.parse_args()
    results = []
    for second in sorted(AGREEMENT.glob("*.second.yaml")):
        name = second.name.removesuffix(".second.yaml")
        first = BENCH_DOCS / f"{name}.expected.yaml"
        if not first.exists():
            print(f"{name}: no first annotation at {first}")
            continue
        if a.show:
            print(f"{name}:")
        r = compare(yaml.safe_load(first.read_text(encoding="utf-8")),
                    yaml.safe_load(second.read_text(encoding="utf-8")), a.show)
        results.append(r)
        p1, p2 = r["period"]
        period = "" if (p1.get("start"), p1.get("end")) == (p2.get("start"), p2.get("end")) else \
            f"  period {p1.get('start')}:{p1.get('end')} against {p2.get('start')}:{p2.get('end')}"
        rec = _ratio([r["found"], r["expected"]])
        print(f"{name}: first {r['expected']}, second {r['draft']}  recall {rec}  "
              f"precision {_ratio([r['found'], r['draft']])}  value/unit/comparator {_ratio(r['vuc'])}  "
              f"deadline {_ratio(r['deadline'])}  lead {_ratio(r['lead'])}{period}")
    if results:
        _report_total("ALL (the second annotation scored as a draft against the first)", results)


if __name__ == "__main__":
    main()
