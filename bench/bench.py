"""Benchmark plancli as a user meets it: whole processes, start-up included ("Fast at any size").

Run it with ``make bench`` (``.venv/bin/python bench/bench.py``). Options: ``--repeat N``, ``--sizes
1000,10000,100000``, ``--quick`` (3 repeats, sizes 1k and 10k), ``--budget SECONDS`` (default 270: the
synthetic-size runs stop repeating when the next pair would overrun it), ``--timeout SECONDS`` (per
process, default 180).

What is measured
    Every figure is the wall time of one whole child process (fork/exec, interpreter start-up,
    imports, work, exit), reported as median and min/max over repeated runs, next to the bare
    interpreter's start-up (``python -c pass``) measured in the same run, and the ratio of the
    medians, and next to ``python -c "import typer"`` (the floor of any typer CLI: a command that
    costs no more than that imports nothing it does not use). plancli is started through the console script next to ``sys.executable``
    (``.venv/bin/plancli``) when it exists, else as ``python -m plancli``. The small commands run
    on the shipped registry, interleaved round-robin after one discarded warm-up run each, so drift
    of the machine spreads evenly over them.

    Then synthetic registries of 1k/10k/100k entries are generated into a temporary directory
    (beside a copy of units.yaml and the source text): real entries of data/targets.yaml copied
    cyclically with unique ids ``<plan>-NNNNNN``, deadline phrases drawn from the real ones plus
    month-end phrases ("2025年3月底前"), with deadline / recurring / deadline_inferred computed by
    plancli.text.deadline so the registry loads, and lead/support units drawn from data/units.yaml. On
    each the filtered query ``due --unit 省大数据局 --format json`` is timed twice per repetition:
    "first run" right after the registry file was rewritten (a trailing comment changes its bytes and
    mtime, so any cache keyed on them is cold) and "repeat" on the unchanged file straight after (a
    cache would be warm). Without a cache both rows are the same; once one exists it shows up here.

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
    without the parsed-registry cache), except: ``PLANCLI_TODAY`` defaults to 2024-10-20 (mid-plan,
    so the overdue and due lists are non-trivial and stable) unless already set, and the cache
    location (``PLANCLI_CACHE_DIR`` and ``XDG_CACHE_HOME``) points into the temporary directory, so
    every bench run starts with an empty cache and never leaves its large synthetic cache files in
    the user's. The small commands are measured warm (their warm-up run fills the cache). PLANCLI_*
    variables in effect are printed at the top.

Summary
    The last lines repeat the figures issue 13 is judged by: ``import typer``, the shipped-registry
    ``due --unit 省大数据局 --format json`` and its ratio to ``import typer`` (the hot path), and the
    first run (cold: the registry just changed) and repeat (warm: cached) at each synthetic size,
    with peak MiB.

A step that fails (non-zero exit, timeout, generation error) prints its error and the run carries on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
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
        s = run_once(step.argv, env, timeout)
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
            share = (k // len(items) + 1) / (n // len(items) + 2)
            status = "in_progress" if share < 0.9 else ("met" if e.kind == "target" else "done")
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


def summary(typer_step: Step, hot: Step, big: list[Step]) -> str:
    """The issue-13 figures in a few lines: typer floor, hot path and its ratio, cold/warm per size.

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
    for cold, warm in zip(big[::2], big[1::2], strict=True):
        tag = cold.label.split("@")[1].split(":")[0]
        lines.append(f"  @{tag:<5} first run (cold) {_both(cold)} {_peak(cold):>8}"
                     f"   repeat (warm) {_both(warm)} {_peak(warm):>8}")
    return "\n".join(lines)


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


def machine() -> list[str]:
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    try:
        from plancli import __version__ as v
    except Exception as exc:  # noqa: BLE001 - report and carry on
        v = f"not importable ({exc})"
    env = {k: v_ for k, v_ in os.environ.items() if k.startswith("PLANCLI_")}
    return [
        f"machine : {platform.platform()} ({platform.machine()}), {cpus} CPUs ({usable} usable)",
        f"python  : {platform.python_implementation()} {platform.python_version()} at {sys.executable}",
        f"plancli : {v}",
        f"env     : {' '.join(f'{k}={x}' for k, x in sorted(env.items())) or '(no PLANCLI_* set)'}"
        + (f"; PLANCLI_TODAY defaults to {DEFAULT_TODAY}" if "PLANCLI_TODAY" not in env else ""),
    ]


def main(argv: list[str] | None = None) -> int:
    global _SPAWNER
    if (argv if argv is not None else sys.argv[1:]) == ["--spawner"]:
        return _serve_spawner()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs per step [default 7; 5 at 10k, 3 above; 3 everywhere with --quick]")
    ap.add_argument("--sizes", default=None, help="synthetic registry sizes [default 1000,10000,100000]")
    ap.add_argument("--quick", action="store_true", help="3 repeats, sizes 1000,10000")
    ap.add_argument("--budget", type=float, default=270.0,
                    help="seconds after which synthetic sizes stop repeating [default 270]")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per process [default 180]")
    a = ap.parse_args(argv)
    if a.repeat is not None and a.repeat < 1:
        ap.error("--repeat must be at least 1")
    try:
        sizes = [int(x.replace("_", "")) for x in (a.sizes or ("1000,10000" if a.quick else
                                                                "1000,10000,100000")).split(",") if x.strip()]
    except ValueError:
        ap.error(f"--sizes must be comma-separated integers, not {a.sizes!r}")
    if any(n < 1 for n in sizes):
        ap.error("--sizes must be positive")
    small_reps = a.repeat or (3 if a.quick else 7)

    def size_reps(n: int) -> int:
        if a.repeat or a.quick:
            return small_reps
        return 7 if n <= 1_000 else 5 if n <= 10_000 else 3

    started = time.monotonic()
    if hasattr(os, "wait4"):  # peak RSS of a child is only its own when its parent stays small
        _SPAWNER = _Spawner()
    plancli, shown = _plancli_argv()
    print("plancli benchmark — whole-process wall time (median, min/max) and peak RSS")
    for ln in machine():
        print(ln)
    print(f"command : {shown}")
    print(flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="plancli-bench-"))
    env = dict(os.environ)
    env.setdefault("PLANCLI_TODAY", DEFAULT_TODAY)
    env["XDG_CACHE_HOME"] = env["PLANCLI_CACHE_DIR"] = str(tmp / "cache")
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
        say(f"[{time.monotonic() - started:6.1f}s] small commands: 1 warm-up + {small_reps} timed run(s) each, interleaved")
        for st in small:  # warm-up: page cache, .pyc files; not recorded
            try:
                w = run_once(st.argv, env, a.timeout)
                if w.rc not in st.ok_codes:
                    st.error = _error_of(w)
                    say(f"  ! {st.label}: {st.error}")
            except OSError as exc:
                st.error = f"cannot start {st.argv[0]}: {exc}"
                say(f"  ! {st.label}: {st.error}")
        reported = {st.label for st in small if st.error}
        for _ in range(small_reps):
            for st in small:
                if not measure(st, env, a.timeout) and st.label not in reported:
                    reported.add(st.label)
                    say(f"  ! {st.label}: {st.error}")
        for st in small:
            if st.samples and "json" in st.label:
                st.note = _json_rows(st.samples[-1])

        big: list[Step] = []
        deadline = started + a.budget
        for n in sizes:
            tag = f"{n // 1000}k" if n % 1000 == 0 else str(n)
            cold = Step(f"due json @{tag}: first run", [], size=n)
            warm = Step(f"due json @{tag}: repeat", [], size=n)
            big += [cold, warm]
            say(f"[{time.monotonic() - started:6.1f}s] synthetic registry of {n} entries")
            d = tmp / f"reg{n}"
            try:
                t0 = time.perf_counter()
                text = make_registry(n, d)
                reg = d / "targets.yaml"
                reg.write_text(text, encoding="utf-8")
                gen = time.perf_counter() - t0
            except Exception as exc:  # noqa: BLE001 - print and carry on
                cold.error = warm.error = f"cannot generate: {type(exc).__name__}: {exc}"
                say(f"  ! {cold.error}")
                continue
            mb = reg.stat().st_size / 1e6
            say(f"  generated {mb:.1f} MB in {gen:.1f} s")
            cold.argv = warm.argv = plancli + ["due", "--unit", UNIT, "--format", "json", "--registry", str(reg)]
            want = size_reps(n)
            for i in range(want):
                t0 = time.monotonic()
                reg.write_text(text + f"# bench rewrite {i}\n", encoding="utf-8")  # new bytes, new mtime
                if not measure(cold, env, a.timeout):
                    say(f"  ! {cold.label}: {cold.error}")
                    warm.error = "skipped: first run failed"
                    break
                if not measure(warm, env, a.timeout):
                    say(f"  ! {warm.label}: {warm.error}")
                    break
                pair = time.monotonic() - t0
                if i + 1 < want and time.monotonic() + pair > deadline:
                    say(f"  budget of {a.budget:.0f} s reached: {i + 1} of {want} runs")
                    break
            for st in (cold, warm):
                if st.samples:
                    per = (st.median() - (base.median() or 0)) / n * 1000 * 1000
                    st.note = f"{mb:.1f} MB yaml; {_json_rows(st.samples[-1])}; {per:.1f} ms/1k entries"
        say(f"[{time.monotonic() - started:6.1f}s] done")
        print(report(small + big, base))
        print()
        print("× python = median / median of `python -c pass`; ms/1k entries = (median - python) per 1000 entries.")
        print(f"first run = right after the registry file was rewritten; repeat = same file again. "
              f"PLANCLI_NO_CACHE={'set' if 'PLANCLI_NO_CACHE' in os.environ else 'not set'}.")
        print()
        print(summary(typer_step, hot, big))
        failed = [st for st in small + big if st.error]
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if _SPAWNER is not None:
            _SPAWNER.close()
            _SPAWNER = None


if __name__ == "__main__":
    sys.exit(main())
