"""Benchmark plancli as a user meets it: whole processes, start-up included ("Fast at any size").

Run it with ``make bench`` (``.venv/bin/python bench/bench.py``). Options: ``--repeat N``, ``--sizes
1000,10000,100000`` (synthetic registries), ``--pyyaml-size N`` (the PyYAML-dumped registry, default the
largest size, 0 for none), ``--ledger-sizes 0,20000,200000`` (synthetic ledgers), ``--baseline REV|DIR``
(another plancli measured side by side), ``--quick`` (3 repeats, sizes 1k and 10k, ledgers 0 and 20k),
``--budget SECONDS`` (default 900: the sized cases stop repeating when the next round would overrun
it), ``--timeout SECONDS`` (per process, default 180).

What is measured
    Every figure is the wall time of one whole child process (fork/exec, interpreter start-up,
    imports, work, exit), reported as median and min/max over repeated runs, next to the bare
    interpreter's start-up (``python -c pass``) measured in the same run, and the ratio of the
    medians, and next to ``python -c "import typer"`` (the floor of any typer CLI: a command that
    costs no more than that imports nothing it does not use). plancli is started through the console
    script next to ``sys.executable`` (``.venv/bin/plancli``) when it exists, else as ``python -m
    plancli``. The small commands run on the shipped registry, interleaved round-robin after one
    discarded warm-up run each, so drift of the machine spreads evenly over them.

    Registries: synthetic registries of 1k/10k/100k entries are generated into a temporary directory
    (beside a copy of units.yaml and the source text): real entries of data/targets.yaml copied
    cyclically with unique ids ``<plan>-NNNNNN``, deadline phrases drawn from the real ones plus
    month-end phrases ("2025年3月底前"), with deadline / recurring / deadline_inferred computed by
    plancli.text.deadline so the registry loads, and lead/support units drawn from data/units.yaml; the
    largest is also written as PyYAML dumps it (``yaml.dump``: keys sorted, sequences at their key's
    column, long strings wrapped, Chinese as is). On each the query ``due --unit 省大数据局 --format
    json`` is timed as a "first run" right after the file was rewritten (a trailing comment changes
    its bytes and stat, so any cache keyed on them is cold; its mtime is set a minute back, as for a
    file edited before the run, so the stat pointer is written) and a "repeat" on the unchanged file.

    Ledgers: ledgers of 0/20k/200k records for the shipped registry (``make_ledger``: every item
    reported in turn, figures growing to met/done, retractions, extensions, records of a recurring
    id without its occurrence and of unknown items, notes and evidence) and four commands on each —
    ``due --unit``, ``stats``, ``bulletin`` (the last full month) and ``validate --strict`` — cold
    (the ledger rewritten at its head, so nothing cached about it holds), warm (unchanged) and grown
    (one record appended, as ``record`` and a git merge append).

    Side by side: with ``--baseline``, every step is also run by another plancli — a directory
    holding its ``plancli/`` package, or a git revision of this repository unpacked with ``git
    archive`` — started as ``python -P -m plancli`` with that tree first on ``PYTHONPATH``, interleaved
    with this one's runs (before/after figures from one run, on one machine state). Its cache files
    are its own (another format version), in the same temporary cache directory.

Peak memory
    The parent waits for each child with ``os.wait4``, which returns that child's own rusage: its
    user + system time is the "cpu s" column (steadier than wall time on a busy machine), its
    ``ru_maxrss`` is the child's peak resident set size (KiB on Linux, bytes on macOS; shown in MiB).
    Children are started by a small helper process (``--spawner``), started first and never grown:
    Linux carries a parent's peak RSS into a forked and exec'd child's ``ru_maxrss``, so children of
    this script (which holds a 56 MB registry text) would otherwise all report its peak. Where ``os.wait4`` is missing
    (Windows) memory is shown as "-".

Environment
    The environment is passed through unchanged (so ``PLANCLI_NO_CACHE=1 make bench`` measures
    without the parse caches), except: ``PLANCLI_TODAY`` defaults to 2024-10-20 (mid-plan, so the
    overdue and due lists are non-trivial and stable) unless already set; the cache location
    (``PLANCLI_CACHE_DIR`` and ``XDG_CACHE_HOME``) points into the temporary directory, so every bench
    run starts with an empty cache and never leaves its large synthetic cache files in the user's;
    and ``PYTHONDONTWRITEBYTECODE`` is removed, so the warm-up run writes the .pyc files an installed
    plancli has (with it set, every run compiled every module changed since the last .pyc). The
    small commands are measured warm (their warm-up run fills the cache). PLANCLI_* variables in
    effect and the machine's load average are printed at the top.

Summary
    The last lines repeat the headline figures: ``import typer``, the shipped-registry ``due --unit
    省大数据局 --format json`` and its ratio to ``import typer`` (the hot path), the first run (cold) and
    repeat (warm) at each registry size with peak MiB, and a table of every registry and ledger case
    side by side (cold, warm, grown; the baseline's cold and warm).

A step that fails (non-zero exit, timeout, generation error) prints its error and the run carries on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
UNIT = "省大数据局"
DEFAULT_TODAY = "2024-10-20"


# --------------------------------------------------------------------------- running one process


@dataclass
class Sample:
    wall: float
    maxrss_mib: float | None
    rc: int
    stdout: bytes
    stderr: bytes
    cpu: float | None = None  # user + system CPU seconds of the child (None where os.wait4 is missing)


@dataclass
class Step:
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    size: int | None = None
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    note: str = ""
    env: dict = field(default_factory=dict)  # set for this step's processes (the baseline's PYTHONPATH)

    @property
    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    def median(self) -> float | None:
        return statistics.median(self.walls) if self.samples else None

    def cpu_median(self) -> float | None:
        cpus = [s.cpu for s in self.samples if s.cpu is not None]
        return statistics.median(cpus) if cpus else None


def _rss_mib(ru) -> float:
    # ru_maxrss is KiB on Linux and the BSDs, bytes on macOS.
    return ru.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru.ru_maxrss / 1024


def _run_direct(argv: list[str], env: dict, timeout: float, out, err) -> tuple[float, float | None, float | None, int]:
    """Run one process here: (wall, peak MiB, cpu s, exit code)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=ROOT)
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    try:
        if hasattr(os, "wait4"):
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
            return wall, _rss_mib(ru), ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status)
        p.wait()  # pragma: no cover - Windows
        return time.perf_counter() - t0, None, None, p.returncode
    finally:
        timer.cancel()


class _Spawner:
    """A small helper process that starts every measured child.

    Linux carries a process's peak RSS across fork and exec (``ru_maxrss`` is the high-water mark of
    the thread group, and exec folds the old address space's into it), so a child started by this
    script after it generated a 100k-entry registry would report this script's peak, not its own.
    The helper is started first, while this script is small, and never grows.
    """

    def __init__(self) -> None:
        self.p = subprocess.Popen([sys.executable, __file__, "--spawner"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def run(self, argv: list[str], env: dict, timeout: float, out: str, err: str):
        assert self.p.stdin and self.p.stdout
        self.p.stdin.write(json.dumps({"argv": argv, "env": env, "timeout": timeout, "out": out,
                                       "err": err}) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            raise OSError("the spawner process died")
        r = json.loads(line)
        if "error" in r:
            raise OSError(r["error"])
        return r["wall"], r["rss"], r["cpu"], r["rc"]

    def close(self) -> None:
        if self.p.stdin:
            self.p.stdin.close()
        self.p.wait()


def _serve_spawner() -> int:
    for line in sys.stdin:
        req = json.loads(line)
        try:
            with open(req["out"], "wb") as out, open(req["err"], "wb") as err:
                wall, rss, cpu, rc = _run_direct(req["argv"], req["env"], req["timeout"], out, err)
            reply = {"wall": wall, "rss": rss, "cpu": cpu, "rc": rc}
        except OSError as exc:
            reply = {"error": str(exc)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    return 0


_SPAWNER: _Spawner | None = None


def run_once(argv: list[str], env: dict, timeout: float) -> Sample:
    """Run one whole process; wall time from spawn to reaped, peak RSS and CPU from its own rusage."""
    fd_out, out_path = tempfile.mkstemp(prefix="plancli-bench-out-")
    fd_err, err_path = tempfile.mkstemp(prefix="plancli-bench-err-")
    try:
        if _SPAWNER is not None:
            os.close(fd_out)
            os.close(fd_err)
            fd_out = fd_err = -1
            wall, rss, cpu, rc = _SPAWNER.run(argv, env, timeout, out_path, err_path)
        else:
            with os.fdopen(fd_out, "wb") as out, os.fdopen(fd_err, "wb") as err:
                fd_out = fd_err = -1
                wall, rss, cpu, rc = _run_direct(argv, env, timeout, out, err)
        stdout, stderr = Path(out_path).read_bytes(), Path(err_path).read_bytes()
    finally:
        for fd in (fd_out, fd_err):
            if fd >= 0:
                os.close(fd)
        for path in (out_path, err_path):
            with contextlib.suppress(OSError):
                os.unlink(path)
    if rc == -signal.SIGKILL and wall >= timeout:
        return Sample(wall, rss, rc, b"", f"timed out after {timeout:.0f} s".encode())
    return Sample(wall, rss, rc, stdout, stderr, cpu)


def _error_of(s: Sample) -> str:
    lines = [ln for ln in s.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return f"exit {s.rc}: " + (lines[-1].strip() if lines else "(no message)")


def measure(step: Step, env: dict, timeout: float) -> bool:
    """One timed run of a step; False (and step.error set) when it failed."""
    if step.error:
        return False
    try:
        s = run_once(step.argv, {**env, **step.env}, timeout)
    except OSError as exc:
        step.error = f"cannot start {step.argv[0]}: {exc}"
        return False
    if s.rc not in step.ok_codes:
        step.error = _error_of(s)
        return False
    step.samples.append(s)
    return True


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- synthetic registries


def _yaml_value(v) -> str:
    """A scalar or list as YAML flow text. JSON is valid YAML, except that PyYAML (YAML 1.1) reads
    ``1e+16`` as a string, so floats always carry a decimal point."""
    if isinstance(v, float):
        r = repr(v)
        if "e" in r or "E" in r:
            r = f"{v:.1f}" if v.is_integer() else f"{v:.17f}".rstrip("0")
        return r
    return json.dumps(v, ensure_ascii=False)


def _deadline_pool():
    """(deadline_text, deadline, recurring, inferred) tuples that plancli itself reads consistently."""
    import yaml

    from plancli.text.deadline import DEFAULT_PERIOD, DeadlineError, parse_deadline

    doc = yaml.safe_load((DATA / "targets.yaml").read_text(encoding="utf-8"))
    phrases = sorted({e.get("deadline_text") for e in doc["entries"] if e.get("deadline_text")})
    phrases += [f"{y}年{m}月底前" for y in (2024, 2025) for m in range(1, 13)]
    pool = []
    for text in phrases:
        try:
            d = parse_deadline(text, DEFAULT_PERIOD)
        except DeadlineError:
            continue
        rec = d.kind if d.kind in ("yearly", "quarterly") else None
        pool.append((text, d.date.isoformat(), rec, False))
    pool.append((None, DEFAULT_PERIOD.end.isoformat(), None, True))  # no time stated
    return doc, pool


def make_registry(n: int, outdir: Path) -> str:
    """Text of a registry with n entries derived from the real ones; units and source copied beside."""
    import yaml

    outdir.mkdir(parents=True, exist_ok=True)
    src_text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    doc, pool = _deadline_pool()
    real = doc["entries"]
    units = [u["name"] for u in yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))["units"]]
    shutil.copy2(DATA / "units.yaml", outdir / "units.yaml")
    src_rel = doc["meta"]["source"]["file"]
    (outdir / src_rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(DATA / src_rel, outdir / src_rel)

    lines = src_text.splitlines(keepends=True)
    i_entries = lines.index("entries:\n")
    i_excl = lines.index("exclusions:\n")
    out = lines[:i_entries]
    out.append(f"# synthetic: {n} entries generated by bench/bench.py from the {len(real)} real ones\n")
    out.append("entries:\n")
    rng = random.Random(n)
    for k in range(n):
        e = dict(real[k % len(real)])
        text, deadline, rec, inferred = rng.choice(pool)
        e.update(id=f"{e['plan']}-{k + 1:06d}", deadline_text=text, deadline=deadline,
                 deadline_inferred=inferred, recurring=rec)
        if rng.random() < 0.5:
            e["lead"] = [rng.choice(units)]
            e["units_inferred"] = False
        e["support"] = rng.sample(units, rng.randint(0, 2))
        first = True
        for key, v in e.items():
            if v is None and key in ("recurring", "note", "value_max"):
                continue
            out.append(("  - " if first else "    ") + f"{key}: {_yaml_value(v)}\n")
            first = False
    out.extend(lines[i_excl:])
    return "".join(out)


def make_ledger(n: int, registry: Path, start: str = "2024-04-22", end: str = "2024-10-19") -> str:
    """Text of a progress ledger of ``n`` records for the registry at ``registry``, as years of reports
    make one: every item of every entry reported in turn with dates spread from ``start`` to ``end``
    (in_progress figures that grow, then met/done), a retraction after about 1 record in 100 and an
    extension (延期) after about 1 in 200, a few records of a recurring entry by its bare id and of an
    unknown item (each a warning), notes and evidence text. One JSON line per record, written by
    plancli's own ``record_line``; the same ``n`` gives the same file."""
    from datetime import UTC, date, datetime, timedelta, timezone

    from plancli.ledger.record import Record, record_line
    from plancli.ledger.storage import HEADER
    from plancli.registry.loading import load_registry

    reg = load_registry(registry)
    entries = [e for e in reg.entries if reg.items(e)]
    items = [(e, item) for e in entries for item in reg.items(e)]
    rng = random.Random(n)
    # how far each item gets by the end: some meet their target, most are still in progress (so
    # `due` and the bulletin have open and overdue items to show, as an office's ledger does)
    reach = {item: rng.choice((0.5, 0.7, 0.85, 0.95, 1.1)) for _, item in items}
    d0, d1 = date.fromisoformat(start), date.fromisoformat(end)
    span = (d1 - d0).days
    zone = timezone(timedelta(hours=8))
    out = [HEADER]
    last: dict[str, str] = {}
    for k in range(n):
        e, item = items[k % len(items)]
        on = d0 + timedelta(days=span * k // max(n, 1))
        at = datetime.combine(on, datetime.min.time(), zone) + timedelta(hours=9, seconds=rng.randrange(30000))
        rid = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ") + f"-{rng.getrandbits(32):08x}"
        fields: dict = {"on": on, "recorded_at": at.isoformat(), "rid": rid}
        roll = rng.random()
        if roll < 0.01 and item in last:
            rec = Record(item, "retracted", retracts=last.pop(item), note="填报有误，撤回", **fields)
        elif roll < 0.015 and e.deadline is not None:
            rec = Record(item, "extended", extend_to=max(e.deadline, on) + timedelta(days=90),
                         note="因客观原因申请延期", **fields)
        elif roll < 0.02 and e.recurring:
            rec = Record(e.id, "in_progress", note="按年度填报，未注明年度", **fields)  # bare id: a warning
        elif roll < 0.022:
            rec = Record(f"zz-{k % 50:03d}", "in_progress", **fields)  # an item the registry lacks: a warning
        else:
            share = reach[item] * (k // len(items) + 1) / (n // len(items) + 1)
            status = "in_progress" if share < 1 else ("met" if e.kind == "target" else "done")
            actual = round(e.value * share * (1.1 if status == "met" else 1), 2) if e.kind == "target" and e.value else None
            rec = Record(item, status, actual=actual, actual_text=None if actual is None else f"{actual:g}",
                         source="月度调度", note=f"第{k // len(items) + 1}次调度：按计划推进",
                         evidence="调度会议纪要" if rng.random() < 0.3 else None, **fields)
            last[item] = rid
        out.append(record_line(rec))
    return "".join(out)


# --------------------------------------------------------------------------- report


def _fmt_s(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _table(rows: list[list[str]], header: list[str]) -> str:
    from unicodedata import east_asian_width

    def width(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    cols = list(zip(header, *rows, strict=True))
    ws = [max(width(c) for c in col) for col in cols]
    right = [False] + [True] * (len(header) - 2) + [False]

    def line(cells):
        return "  ".join((" " * (w - width(c)) + c) if r else (c + " " * (w - width(c)))
                         for c, w, r in zip(cells, ws, right, strict=True)).rstrip()

    sep = "  ".join("-" * w for w in ws)
    return "\n".join([line(header), sep] + [line(r) for r in rows])


def report(steps: list[Step], base: Step) -> str:
    bmed = base.median()
    rows = []
    for st in steps:
        med = st.median()
        ratio = f"{med / bmed:.1f}×" if med is not None and bmed else "-"
        rss = [s.maxrss_mib for s in st.samples if s.maxrss_mib is not None]
        note = st.note
        if st.error:
            note = f"FAILED ({st.error})" + (f"; {note}" if note else "")
        rows.append([
            st.label, str(len(st.samples)), _fmt_s(med),
            _fmt_s(min(st.walls)) if st.samples else "-", _fmt_s(max(st.walls)) if st.samples else "-",
            _fmt_s(st.cpu_median()), ratio if st is not base else "1.0×", f"{max(rss):.1f}" if rss else "-", note,
        ])
    return _table(rows, ["step", "n", "median s", "min s", "max s", "cpu s", "× python", "peak MiB", "notes"])


def _peak(st: Step) -> str:
    rss = [s.maxrss_mib for s in st.samples if s.maxrss_mib is not None]
    return f"{max(rss):.0f} MiB" if rss else "- MiB"


def _both(st: Step) -> str:
    return f"{_fmt_s(st.median()):>7} s wall {_fmt_s(st.cpu_median()):>7} s cpu"


def summary(typer_step: Step, hot: Step, big: list[Step], hot_b: Step | None = None) -> str:
    """The headline figures in a few lines: typer floor, hot path and its ratio, cold/warm per size.

    CPU time (user + system of the child) is shown beside wall time: on a busy machine it is the
    steadier figure of the two.
    """
    t, h = typer_step.median(), hot.median()
    tc, hc = typer_step.cpu_median(), hot.cpu_median()
    lines = ["summary (medians):",
             f"  import typer:      {_both(typer_step)}",
             f"  shipped registry, {hot.label}: {_both(hot)}"
             + (f"  = {h / t:.2f}× import typer (wall)" if t and h else "")
             + (f", {hc / tc:.2f}× (cpu)" if tc and hc else "")]
    if hot_b is not None and hot_b.median() and t:
        lines.append(f"  baseline, {hot_b.label}: {_both(hot_b)}  = {hot_b.median() / t:.2f}× import typer (wall)")
    for cold, warm in zip(big[::2], big[1::2], strict=True):
        tag = cold.label.split("@")[1].split(":")[0]
        lines.append(f"  @{tag:<9} first run (cold) {_both(cold)} {_peak(cold):>8}"
                     f"   repeat (warm) {_both(warm)} {_peak(warm):>8}")
    return "\n".join(lines)


def instruction_counts(steps: list[Step], env: dict, a) -> str:
    """Instructions each step executes, counted by valgrind's callgrind (hash seed fixed): on a shared
    machine whose load moves every wall and cpu time by ±10 %, this count moves by well under 0.1 %
    from run to run, so an A/B of start-up work reads the same whatever else runs."""
    if shutil.which("valgrind") is None:
        return "instructions: valgrind not found (apt-get install valgrind), not counted"
    got: dict[str, int] = {}
    for st in steps:
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *st.argv],
                              env={**env, **st.env, "PYTHONHASHSEED": "0"}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=a.timeout * 20)
        m = re.search(r"Collected : (\d+)", proc.stderr)
        if m is None or proc.returncode not in st.ok_codes:
            return f"instructions: {st.label}: not counted (exit {proc.returncode})"
        got[st.label] = int(m.group(1))
    floor = got[steps[0].label]
    lines = ["instructions (callgrind; load-independent):"]
    for st in steps:
        n = got[st.label]
        lines.append(f"  {st.label + ':':55} {n / 1e6:8.1f} M  = {n / floor:.2f}× import typer")
    if len(steps) > 2:
        a_n, b_n = got[steps[1].label], got[steps[2].label]
        lines.append(f"  this tree against the baseline: {100 * (a_n - b_n) / b_n:+.1f} %")
    return "\n".join(lines)


def _cell(st: Step | None) -> str:
    """median s (peak MiB) of a step, for the side-by-side tables."""
    if st is None:
        return ""
    if st.error:
        return "FAILED"
    if not st.samples:
        return "-"
    rss = [s.maxrss_mib for s in st.samples if s.maxrss_mib is not None]
    return f"{st.median():.2f} s ({max(rss):.0f} MiB)" if rss else f"{st.median():.2f} s"


def side_by_side(cases: list[dict], baseline: bool) -> str:
    """One row per case: this plancli's cold, warm (and grown) runs, and the baseline's beside them."""
    header = ["case", "cold", "warm", "grown"] + (["baseline cold", "baseline warm"] if baseline else [])
    rows = []
    for c in cases:
        row = [c["label"], _cell(c.get("cold")), _cell(c.get("warm")), _cell(c.get("grown"))]
        if baseline:
            row += [_cell(c.get("b_cold")), _cell(c.get("b_warm"))]
        rows.append(row)
    return _table(rows, header)


def _json_rows(s: Sample) -> str:
    try:
        return f"{len(json.loads(s.stdout))} rows"
    except (ValueError, TypeError):
        return "output is not a JSON list"


# --------------------------------------------------------------------------- main


def _plancli_argv() -> tuple[list[str], str]:
    exe = Path(sys.executable)
    for name in ("plancli", "plancli.exe"):
        script = exe.parent / name
        if script.exists() and os.access(script, os.X_OK):
            return [str(script)], str(script)
    return [sys.executable, "-m", "plancli"], f"{sys.executable} -m plancli"


def _baseline_tree(spec: str, tmp: Path) -> Path:
    """A directory holding the baseline's ``plancli`` package: ``spec`` itself, or the tree of the git
    revision ``spec`` of this repository (``git archive``)."""
    d = Path(spec)
    if (d / "plancli" / "__init__.py").exists():
        return d.resolve()
    out = tmp / "baseline"
    out.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", spec, "plancli"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
    return out


def machine() -> list[str]:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    try:
        from plancli import __version__ as v
    except Exception as exc:  # noqa: BLE001 - report and carry on
        v = f"not importable ({exc})"
    env = {k: v_ for k, v_ in os.environ.items() if k.startswith("PLANCLI_")}
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "-"
    return [
        f"machine : {platform.platform()} ({platform.machine()}), {cpus} CPUs ({usable} usable), load {load}",
        f"python  : {platform.python_implementation()} {platform.python_version()} at {sys.executable}",
        f"plancli : {v}",
        f"env     : {' '.join(f'{k}={x}' for k, x in sorted(env.items())) or '(no PLANCLI_* set)'}"
        + (f"; PLANCLI_TODAY defaults to {DEFAULT_TODAY}" if "PLANCLI_TODAY" not in env else ""),
    ]


def _pairs(steps: list[Step], reps: int, env: dict, a, deadline: float, before=None) -> None:
    """``reps`` timed runs of each step, interleaved (``before(step)`` runs ahead of each one)."""
    reported: set[str] = set()
    for i in range(reps):
        t0 = time.monotonic()
        for st in steps:
            if before is not None:
                before(st)
            if not measure(st, env, a.timeout) and st.label not in reported:
                reported.add(st.label)
                say(f"  ! {st.label}: {st.error}")
        if i + 1 < reps and time.monotonic() + (time.monotonic() - t0) > deadline:
            say(f"  budget reached: {i + 1} of {reps} runs")
            break


def registry_cases(n: int, tmp: Path, plancli: list[str], baseline: list[str] | None, b_env: dict, env: dict,
                   a, reps: int, deadline: float, pyyaml: bool = False) -> list[Step]:
    """due --unit on a synthetic registry of ``n`` entries: first run after the file changed (cold)
    and a repeat (warm); ``pyyaml``: the same registry as PyYAML dumps it (``yaml.safe_dump``: keys
    sorted, sequences at their key's column, long strings wrapped, Chinese written as is)."""
    tag = (f"{n // 1000}k" if n % 1000 == 0 else str(n)) + (" pyyaml" if pyyaml else "")
    d = tmp / f"reg{n}{'py' if pyyaml else ''}"
    try:
        t0 = time.perf_counter()
        text = make_registry(n, d)
        if pyyaml:
            import yaml

            text = yaml.dump(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), allow_unicode=True,
                             Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper))
        reg = d / "targets.yaml"
        reg.write_text(text, encoding="utf-8")
        gen = time.perf_counter() - t0
    except Exception as exc:  # noqa: BLE001 - print and carry on
        say(f"  ! cannot generate registry {tag}: {type(exc).__name__}: {exc}")
        return []
    mb = reg.stat().st_size / 1e6
    say(f"[registry {tag}] {mb:.1f} MB generated in {gen:.1f} s")
    args = ["due", "--unit", UNIT, "--format", "json", "--registry", str(reg)]
    steps = [Step(f"due json @{tag}: first run", plancli + args, size=n),
             Step(f"due json @{tag}: repeat", plancli + args, size=n)]
    if baseline is not None:
        steps += [Step(f"baseline due json @{tag}: first run", baseline + args, size=n, env=b_env),
                  Step(f"baseline due json @{tag}: repeat", baseline + args, size=n, env=b_env)]
    count = [0]

    def rewrite(st: Step) -> None:
        if st.label.endswith("first run"):  # new bytes and mtime: any cache keyed on them is cold
            count[0] += 1
            reg.write_text(text + f"# bench rewrite {count[0]}\n", encoding="utf-8")
            # dated a minute back, as an edit made before the run: a file modified within the last
            # RACY_SECONDS gets no stat pointer (yamlio.cache), so a cold run under 2 s would leave
            # the repeat reading and hashing the file — a warm figure of the bench, not of use
            when = time.time() - 60
            os.utime(reg, (when, when))

    _pairs(steps, reps, env, a, deadline, rewrite)
    for st in steps:
        if st.samples:
            st.note = f"{mb:.1f} MB yaml; {_json_rows(st.samples[-1])}"
    return steps


LEDGER_COMMANDS = {
    "due": ["due", "--unit", UNIT, "--format", "json"],
    "stats": ["stats", "--format", "json"],
    "bulletin": ["bulletin", "--format", "json"],
    "validate": ["validate", "--strict"],
}


def ledger_cases(n: int, tmp: Path, plancli: list[str], baseline: list[str] | None, b_env: dict, env: dict,
                 a, reps: int, deadline: float) -> tuple[list[Step], list[dict]]:
    """The shipped registry with a ledger of ``n`` records (``make_ledger``): each command cold (the
    ledger rewritten at its head, so nothing cached about it holds), warm (unchanged) and grown (one
    record appended, as ``record`` and a git merge do), side by side with the baseline."""
    tag = f"{n // 1000}k" if n % 1000 == 0 and n else str(n)
    d = tmp / f"ledger{n}"
    d.mkdir(parents=True, exist_ok=True)
    ledger = d / "progress.yaml"
    try:
        t0 = time.perf_counter()
        text = make_ledger(n, DATA / "registry.yaml")
        ledger.write_text(text, encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - print and carry on
        say(f"  ! cannot generate ledger {tag}: {type(exc).__name__}: {exc}")
        return [], []
    mb = ledger.stat().st_size / 1e6
    say(f"[ledger {tag}] {n} records, {mb:.1f} MB, generated in {time.perf_counter() - t0:.1f} s")
    head, body = text.split("\n", 1)
    extra = ('  - {"rid": "bench-%d", "id": "kjyf-002", "status": "in_progress", "on": "2024-10-19", '
             '"recorded_at": "2024-10-19T10:00:00+08:00"}\n')
    count = [0]
    steps: list[Step] = []
    cases: list[dict] = []
    for name, args in LEDGER_COMMANDS.items():
        argv = args + ["--progress", str(ledger)]
        ok = (0, 1) if name == "validate" else (0,)
        case = {"label": f"{tag} records: {name}",
                "cold": Step(f"{name} @ledger {tag}: cold", plancli + argv, ok_codes=ok, size=n),
                "warm": Step(f"{name} @ledger {tag}: warm", plancli + argv, ok_codes=ok, size=n),
                "grown": Step(f"{name} @ledger {tag}: grown", plancli + argv, ok_codes=ok, size=n)}
        if baseline is not None:
            case["b_cold"] = Step(f"baseline {name} @ledger {tag}: cold", baseline + argv, ok_codes=ok, size=n,
                                  env=b_env)
            case["b_warm"] = Step(f"baseline {name} @ledger {tag}: warm", baseline + argv, ok_codes=ok, size=n,
                                  env=b_env)
        cases.append(case)
        steps += [case[k] for k in ("cold", "warm", "grown", "b_cold", "b_warm") if k in case]

    def prepare(st: Step) -> None:
        if st.label.endswith(": cold"):  # the head changes: no cache of the old bytes holds
            count[0] += 1
            ledger.write_text(f"{head} (bench rewrite {count[0]})\n{body}", encoding="utf-8")
        elif st.label.endswith(": grown"):  # one record appended: only the new tail is read
            count[0] += 1
            with open(ledger, "a", encoding="utf-8") as fh:
                fh.write(extra % count[0])

    _pairs(steps, reps, env, a, deadline, prepare)
    for st in steps:
        if st.samples and "due" in st.label:
            st.note = _json_rows(st.samples[-1])
    return steps, cases


def main(argv: list[str] | None = None) -> int:  # noqa: C901 - one run, step by step
    global _SPAWNER
    if (argv if argv is not None else sys.argv[1:]) == ["--spawner"]:
        return _serve_spawner()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs per step [default 7; 5 at 10k, 3 above; 3 everywhere with --quick]")
    ap.add_argument("--sizes", default=None, help="synthetic registry sizes [default 1000,10000,100000]")
    ap.add_argument("--pyyaml-size", type=int, default=None,
                    help="size of the PyYAML-dumped registry [default: the largest of --sizes; 0: none]")
    ap.add_argument("--ledger-sizes", default=None,
                    help="ledger sizes, records [default 0,20000,200000; 0,20000 with --quick]")
    ap.add_argument("--baseline", default=None,
                    help="another plancli measured side by side: a directory holding plancli/, or a git "
                         "revision of this repository (e.g. main)")
    ap.add_argument("--quick", action="store_true", help="3 repeats, sizes 1000,10000, ledgers 0,20000")
    ap.add_argument("--budget", type=float, default=900.0,
                    help="seconds after which the sized cases stop repeating [default 900]")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per process [default 180]")
    ap.add_argument("--instructions", action="store_true",
                    help="also count the instructions of import typer and the hot path (and the baseline's) under "
                         "valgrind's callgrind: a figure the machine's load does not move")
    a = ap.parse_args(argv)
    if a.repeat is not None and a.repeat < 1:
        ap.error("--repeat must be at least 1")

    def ints(text: str | None, default: str, name: str) -> list[int]:
        try:
            out = [int(x.replace("_", "")) for x in (text or default).split(",") if x.strip()]
        except ValueError:
            ap.error(f"{name} must be comma-separated integers, not {text!r}")
        if any(n < 0 for n in out):
            ap.error(f"{name} must not be negative")
        return out

    sizes = [n for n in ints(a.sizes, "1000,10000" if a.quick else "1000,10000,100000", "--sizes") if n]
    ledger_sizes = ints(a.ledger_sizes, "0,20000" if a.quick else "0,20000,200000", "--ledger-sizes")
    pyyaml_size = a.pyyaml_size if a.pyyaml_size is not None else (max(sizes) if sizes else 0)
    small_reps = a.repeat or (3 if a.quick else 7)

    def size_reps(n: int) -> int:
        if a.repeat or a.quick:
            return small_reps
        return 7 if n <= 1_000 else 5 if n <= 20_000 else 3

    started = time.monotonic()
    deadline = started + a.budget
    if hasattr(os, "wait4"):  # peak RSS of a child is only its own when its parent stays small
        _SPAWNER = _Spawner()
    plancli, shown = _plancli_argv()
    print("plancli benchmark — whole-process wall time (median, min/max) and peak RSS")
    for ln in machine():
        print(ln)
    print(f"command : {shown}")

    tmp = Path(tempfile.mkdtemp(prefix="plancli-bench-"))
    env = dict(os.environ)
    env.setdefault("PLANCLI_TODAY", DEFAULT_TODAY)
    env["XDG_CACHE_HOME"] = env["PLANCLI_CACHE_DIR"] = str(tmp / "cache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed plancli has its .pyc files: the warm-up writes them
    baseline: list[str] | None = None
    b_env: dict = {}
    if a.baseline:
        try:
            tree = _baseline_tree(a.baseline, tmp)
        except (OSError, subprocess.CalledProcessError) as exc:
            ap.error(f"--baseline {a.baseline}: {exc}")
        # -P: the working directory (this checkout) must not come before the baseline on sys.path
        baseline = [sys.executable, "-P", "-m", "plancli"]
        b_env = {"PYTHONPATH": str(tree) + os.pathsep + env.get("PYTHONPATH", "")}
        print(f"baseline: {a.baseline} ({tree}), run as {sys.executable} -P -m plancli, side by side")
        # A/B means the same way in: this tree too runs as `python -P -m plancli` from its own folder, not
        # through the console script and pip's editable-install finder (~10 ms of lookups the baseline
        # does not pay, which made every A/B look slower than it is).
        plancli = [sys.executable, "-P", "-m", "plancli"]
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        print(f"this tree: {ROOT}, run the same way")
    print(flush=True)
    try:
        base = Step("python -c pass", [sys.executable, "-c", "pass"])
        typer_step = Step("python -c 'import typer'", [sys.executable, "-c", "import typer"])
        hot = Step(f"due --unit {UNIT} --format json", plancli + ["due", "--unit", UNIT, "--format", "json"])
        small = [
            base,
            typer_step,
            hot,
            Step(f"due --unit {UNIT} --format table", plancli + ["due", "--unit", UNIT, "--format", "table"]),
            Step("overdue --format plain", plancli + ["overdue", "--format", "plain"]),
            Step("--help", plancli + ["--help"]),
            Step("validate", plancli + ["validate"]),
        ]
        hot_b = None
        if baseline is not None:
            hot_b = Step(f"baseline due --unit {UNIT} --format json", baseline + ["due", "--unit", UNIT, "--format", "json"],
                         env=b_env)
            small += [hot_b, Step("baseline --help", baseline + ["--help"], env=b_env),
                      Step("baseline validate", baseline + ["validate"], env=b_env)]
        say(f"[{time.monotonic() - started:6.1f}s] small commands: 1 warm-up + {small_reps} timed run(s) each, interleaved")
        for st in small:  # warm-up: page cache, .pyc files; not recorded
            try:
                w = run_once(st.argv, {**env, **st.env}, a.timeout)
                if w.rc not in st.ok_codes:
                    st.error = _error_of(w)
                    say(f"  ! {st.label}: {st.error}")
            except OSError as exc:
                st.error = f"cannot start {st.argv[0]}: {exc}"
                say(f"  ! {st.label}: {st.error}")
        _pairs(small, small_reps, env, a, float("inf"))
        for st in small:
            if st.samples and "json" in st.label:
                st.note = _json_rows(st.samples[-1])
        counted = instruction_counts([typer_step, hot] + ([hot_b] if hot_b else []), env, a) if a.instructions else ""

        big: list[Step] = []
        reg_cases: list[dict] = []
        for n in sizes:
            say(f"[{time.monotonic() - started:6.1f}s] synthetic registry of {n} entries")
            steps = registry_cases(n, tmp, plancli, baseline, b_env, env, a, size_reps(n), deadline)
            big += steps[:2]
            reg_cases.append(_registry_case(steps, f"registry {n // 1000}k: due --unit"))
        if pyyaml_size:
            say(f"[{time.monotonic() - started:6.1f}s] synthetic registry of {pyyaml_size} entries, as PyYAML dumps it")
            steps = registry_cases(pyyaml_size, tmp, plancli, baseline, b_env, env, a, size_reps(pyyaml_size), deadline,
                                   pyyaml=True)
            big += steps[:2]
            reg_cases.append(_registry_case(steps, f"registry {pyyaml_size // 1000}k as PyYAML dumps it"))
        ledger_steps: list[Step] = []
        cases: list[dict] = []
        for n in ledger_sizes:
            say(f"[{time.monotonic() - started:6.1f}s] ledger of {n} records on the shipped registry")
            steps, got = ledger_cases(n, tmp, plancli, baseline, b_env, env, a, size_reps(n), deadline)
            ledger_steps += steps
            cases += got
        say(f"[{time.monotonic() - started:6.1f}s] done")
        all_big = [st for c in reg_cases for st in c["steps"]]
        print(report(small + all_big + ledger_steps, base))
        print()
        print("× python = median / median of `python -c pass`. first run / cold = right after the file was "
              "rewritten; repeat / warm = same file again; grown = one record appended.")
        print(f"PLANCLI_NO_CACHE={'set' if 'PLANCLI_NO_CACHE' in os.environ else 'not set'}.")
        print()
        print(summary(typer_step, hot, big, hot_b))
        if counted:
            print(counted)
        print()
        print("registries and ledgers side by side (median s, peak MiB):")
        print(side_by_side(reg_cases + cases, baseline is not None))
        failed = [st for st in small + all_big + ledger_steps if st.error]
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if _SPAWNER is not None:
            _SPAWNER.close()
            _SPAWNER = None


def _registry_case(steps: list[Step], label: str) -> dict:
    by = {("b_" if st.label.startswith("baseline") else "") + ("cold" if st.label.endswith("first run") else "warm"): st
          for st in steps}
    return {"label": label, "steps": steps, **by}


if __name__ == "__main__":
    sys.exit(main())
