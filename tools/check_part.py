#!/usr/bin/env python3
"""Check one annotation part file (data/parts/<code>.yaml) against the source.

Usage: python3 tools/check_part.py data/parts/kjyf.yaml [more.yaml ...]
Prints one `file:line: problem` per problem, then the uncovered numbers of the part's plan lines.
Exit 0 when clean, 1 otherwise.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plancli.checks import check_against_source  # noqa: E402
from plancli.coverage import find_gaps  # noqa: E402
from plancli.deadline import DEFAULT_PERIOD  # noqa: E402
from plancli.registry import (  # noqa: E402
    Problem,
    RegistryError,
    _Collector,
    load_yaml,
    parse_entry,
    parse_exclusion,
    parse_plan,
)
from plancli.sourcetext import SourceText  # noqa: E402

SOURCE = Path(__file__).resolve().parents[1] / "data/source/000_eaa1b40229515837.txt"


def check(path: str) -> int:
    src = SourceText.read(SOURCE)
    try:
        doc = load_yaml(path)
    except RegistryError as exc:
        print(exc)
        return 1
    problems: list[Problem] = []
    rep = _Collector(Path(path), problems)
    plans = {}
    for pd in doc.get("plans") or []:
        p = parse_plan(pd, rep)
        if p:
            plans[p.code] = p
    entries = [e for e in (parse_entry(d, plans, DEFAULT_PERIOD, rep) for d in doc.get("entries") or []) if e]
    excl = [x for x in (parse_exclusion(d, rep) for d in doc.get("exclusions") or []) if x]
    ids = [e.id for e in entries]
    for i in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(Problem(path, None, f"duplicate id {i}"))
    problems += check_against_source(path, entries, excl, plans, src)
    for p in problems:
        print(p)
    gaps = find_gaps(src, entries, excl, [(p.first_line, p.last_line) for p in plans.values()])
    for g in gaps:
        print(f"{SOURCE.name}:{g.line}: uncovered {g.token!r} in …{g.context}…")
    n_t = sum(e.kind == "target" for e in entries)
    print(f"{path}: {len(entries)} entries ({n_t} targets, {len(entries)-n_t} milestones), "
          f"{len(excl)} exclusions, {len(problems)} problems, {len(gaps)} uncovered tokens")
    return 1 if problems or gaps else 0


if __name__ == "__main__":
    sys.exit(max(check(p) for p in sys.argv[1:]) if sys.argv[1:] else 2)
