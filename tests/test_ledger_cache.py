"""The ledger's cache never changes an answer (issue 27: the ledger is read once per change).

Whatever the cache holds — an unchanged file not read at all, a file that grew parsed from where it
grew, anything else read whole — every question gets the answer a full read gives. Checked on random
histories of a ledger file (plancli's own appends, lines appended by hand as a union merge appends
them, retractions, edits in the middle, deleted lines, same-size edits with the old mtime restored,
a legacy block ledger migrated) and on real ``git merge``s of two clones' ledgers: after every step
the cached ledger, a full read with the cache off, and the rules as first written
(tests/ledger_reference.py) over the records the old reader returns must agree, and so must the
ledger's warnings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.ledger import cache as ledger_cache
from plancli.ledger import timeline
from plancli.ledger.notes import latest_notes
from plancli.ledger.record import LedgerError, Record, record_line
from plancli.ledger.recording import ledger_warnings
from plancli.ledger.storage import HEADER, append_records, load_ledger
from plancli.ledger.submissions import submitted
from plancli.registry.loading import load_registry
from plancli.workspace import Workspace
from plancli.yamlio import cache as yaml_cache
from plancli.yamlio.reader import read_text

from . import ledger_reference as ref
from .conftest import TINY_REGISTRY

GIT = shutil.which("git")
ITEMS = ["test-001", "test-004", "test-005", "test-003@2024", "test-003@2025", "test-003", "zz-404"]
STATUSES = ["in_progress", "met", "done", "missed", "retracted", "extended", "submitted", "accepted", "returned"]
D0 = date(2024, 5, 1)


def _old_reader(p: Path) -> list[Record]:
    """The records as the reader before the cache returned them (its text parse, kept in storage)."""
    from plancli.ledger import storage

    return storage._parse_text(p, read_text(p)[1])[0] if p.exists() else []  # noqa: SLF001


def _record(rng: random.Random, k: int, rids: list[str], dups: bool = True) -> Record:
    item = rng.choice(ITEMS)
    status = rng.choice(STATUSES)
    on = D0 + timedelta(days=rng.randrange(60)) if rng.random() < 0.9 else None
    hour = rng.randrange(24)
    zone = rng.choice(["+08:00", "+00:00", ""])
    recorded_at = f"{(D0 + timedelta(days=rng.randrange(60))).isoformat()}T{hour:02d}:00:00{zone}"
    retracts = None
    if status == "retracted" and rids and rng.random() < 0.8:
        retracts = rng.choice(rids)
    rid = f"k{k:04d}-{rng.getrandbits(16):04x}" if rng.random() < 0.97 or not rids or not dups else rng.choice(rids)
    reviews = None
    if status in ("accepted", "returned"):  # a review's decision names the claim it decides
        if rids:
            reviews = rng.choice(rids)
        else:
            status = "in_progress"
    if status == "submitted":  # 报送: the record's id is the unit
        item = rng.choice(["省科技厅", "省大数据局"])
    return Record(item, status, actual=round(rng.uniform(0, 5), 2) if rng.random() < 0.6 else None, on=on,
                  recorded_at=recorded_at, rid=rid, retracts=retracts, reviews=reviews,
                  note=rng.choice([None, "说明", "", "进展；存在问题：缺人；下一步措施：招人"]),
                  problems=rng.choice([None, None, "资金不足"]), unit=rng.choice([None, "省科技厅"]),
                  extend_to=D0 + timedelta(days=300) if status == "extended" else None,
                  forced=rng.random() < 0.1)


def _plain(records) -> list[dict]:
    return [r.as_dict() for r in records]


DATES = [None, D0 + timedelta(days=10), D0 + timedelta(days=30), date(2030, 1, 1)]


def _answers(records) -> dict:
    """Every question of the timeline, as plain values."""
    out: dict = {"records": _plain(records)}
    out["withdrawn"] = {i: r.as_dict() for i, r in timeline.withdrawn(records).items()}
    for as_of in DATES:
        out[f"latest {as_of}"] = {k: v.as_dict() for k, v in timeline.latest_records(records, as_of).items()}
        out[f"ext {as_of}"] = {k: v.as_dict() for k, v in timeline.extensions(records, as_of).items()}
    for item in ITEMS:
        r = timeline.next_withdrawn(records, item)
        out[f"next {item}"] = r.as_dict() if r else None
    for start, end in ((D0, D0 + timedelta(days=15)), (date.min, date.max)):
        out[f"between {start}"] = _plain(timeline.records_between(records, start, end))
        out[f"entered {start}"] = [(a.as_dict(), b.as_dict() if b else None)
                                   for a, b in timeline.records_entered(records, start, end)]
    for entry in ("test-001", "test-003", "zz-404"):
        out[f"history {entry}"] = timeline.history(records, entry, D0 + timedelta(days=30))
    out["submitted"] = submitted(records)
    for as_of in DATES[1:]:
        out[f"notes {as_of}"] = {k: v.as_dict() for k, v in sorted(latest_notes(records, as_of).items())}
    return out


def _reference(records: list[Record]) -> dict:
    out: dict = {"records": _plain(records)}
    out["withdrawn"] = {i: r.as_dict() for i, r in ref.withdrawn(records).items()}
    for as_of in DATES:
        out[f"latest {as_of}"] = {k: v.as_dict() for k, v in ref.latest_records(records, as_of).items()}
        out[f"ext {as_of}"] = {k: v.as_dict() for k, v in ref.extensions(records, as_of).items()}
    for item in ITEMS:
        r = ref.next_withdrawn(records, item)
        out[f"next {item}"] = r.as_dict() if r else None
    for start, end in ((D0, D0 + timedelta(days=15)), (date.min, date.max)):
        out[f"between {start}"] = _plain(ref.records_between(records, start, end))
        out[f"entered {start}"] = [(a.as_dict(), b.as_dict() if b else None)
                                   for a, b in ref.records_entered(records, start, end)]
    for entry in ("test-001", "test-003", "zz-404"):
        out[f"history {entry}"] = ref.history(records, entry, D0 + timedelta(days=30))
    out["submitted"] = ref.submitted(records)
    for as_of in DATES[1:]:
        out[f"notes {as_of}"] = {k: v.as_dict() for k, v in sorted(ref.latest_notes(records, as_of).items())}
    return out


def check_same(p: Path, reg, monkeypatch) -> bool:
    """The cached read, a full read with the cache off and the reference agree on ``p`` — on its
    answers, or on the error that refuses it (False then)."""
    try:
        _old_reader(p)
    except LedgerError as exc:
        for env in ({}, {"PLANCLI_NO_CACHE": "1"}):
            with monkeypatch.context() as m:
                for key, v in env.items():
                    m.setenv(key, v)
                with pytest.raises(LedgerError) as got:
                    load_ledger(p)
                assert (got.value.line, got.value.message) == (exc.line, exc.message)
        return False
    cached = load_ledger(p)
    with monkeypatch.context() as m:
        m.setenv("PLANCLI_NO_CACHE", "1")
        full = load_ledger(p)
    old = _old_reader(p)
    want = _reference(old)
    assert _answers(cached) == want
    assert _answers(full) == want
    assert cached.current == full.current
    ws = Workspace(reg, p)
    got = [(x.line, x.message) for x in ws.ledger_warnings()]  # through the warnings cache
    want_warnings = [(x.line, x.message) for x in ref.ledger_warnings(reg, p, old)]  # the scan of every record
    assert got == want_warnings
    assert [(x.line, x.message) for x in ledger_warnings(reg, p, old)] == want_warnings  # a plain list too
    assert got == [(x.line, x.message) for x in Workspace(reg, p).ledger_warnings()]  # and again, remembered
    return True


@pytest.fixture
def setting(tmp_path_factory, monkeypatch):
    d = tmp_path_factory.mktemp("ledger")
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(d / "cache"))
    yaml_cache._checked.clear()
    reg_path = d / "targets.yaml"
    reg_path.write_text(TINY_REGISTRY, encoding="utf-8")
    return d, load_registry(reg_path)


_RUN = iter(range(10**9))
OPS = st.lists(st.sampled_from(["append", "append_many", "union", "edit", "delete", "same_size", "age",
                                "racy_off", "garbage_tail", "legacy"]), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(ops=OPS, seed=st.integers(0, 2**32))
def test_any_history_of_the_file_reads_as_a_full_read(setting, monkeypatch, ops, seed):
    d, reg = setting
    rng = random.Random(seed)
    p = d / f"progress-{next(_RUN)}.yaml"
    k = 0

    def rids() -> list[str]:
        return [r.rid for r in _old_reader(p) if r.rid]

    monkeypatch.setattr(ledger_cache, "RACY_SECONDS", ledger_cache.RACY_SECONDS)
    for op in ops:
        if op in ("append", "append_many"):  # plancli's own write, under the lock
            new = [_record(rng, k + i, rids()) for i in range(1 if op == "append" else rng.randint(2, 20))]
            k += len(new)
            with contextlib.suppress(LedgerError):  # a record id already taken: refused whole, nothing written
                append_records(p, new)
        elif op == "union" and p.exists():  # lines appended by hand or by a union merge
            lines = "".join(record_line(_record(rng, k + i, rids())) for i in range(rng.randint(1, 5)))
            k += 5
            with open(p, "a", encoding="utf-8") as fh:
                fh.write(lines)
        elif op in ("edit", "delete", "same_size") and p.exists():
            lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
            at = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("- {")]
            if not at:
                continue
            i = rng.choice(at)
            if op == "delete":
                del lines[i]
            elif op == "edit":
                lines[i] = lines[i].replace("in_progress", "done").replace('"missed"', '"met"')
            else:  # same size, old mtime restored: only ctime tells
                st_ = p.stat()
                lines[i] = lines[i].replace("2024-05", "2024-06", 1)
                p.write_text("".join(lines), encoding="utf-8")
                os.utime(p, ns=(st_.st_atime_ns, st_.st_mtime_ns))
                continue
            p.write_text("".join(lines), encoding="utf-8")
        elif op == "age" and p.exists():
            t = p.stat().st_mtime - 3600
            os.utime(p, (t, t))
        elif op == "racy_off":  # the file counts as settled: an unchanged identity is trusted without a read
            monkeypatch.setattr(ledger_cache, "RACY_SECONDS", 0.0)
        elif op == "garbage_tail" and p.exists():  # a bad line appended: refused with its line, cached or not
            with open(p, "a", encoding="utf-8") as fh:
                fh.write('  - {"rid": "bad", "id": "test-001", "status": "maybe"}\n')
            for env in ({}, {"PLANCLI_NO_CACHE": "1"}):
                with monkeypatch.context() as m:
                    for key, v in env.items():
                        m.setenv(key, v)
                    with pytest.raises(LedgerError, match="status must be one of") as exc:
                        load_ledger(p)
                    assert exc.value.line == len(p.read_text(encoding="utf-8").splitlines())
            text = p.read_text(encoding="utf-8")
            p.write_text(text[: text.rindex('  - {"rid": "bad"')], encoding="utf-8")
        elif op == "legacy":  # an old block ledger: read as text, migrated by the next write
            p.write_text("records:\n  - id: test-001\n    status: in_progress\n    on: 2024-05-02\n"
                         "  - id: test-001\n    status: retracted\n    on: 2024-05-03\n", encoding="utf-8")
        if p.exists() and not check_same(p, reg, monkeypatch):
            p.unlink()  # an edit made it unreadable (refused alike by every reader): start again


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": "/usr/bin:/bin"}
    r = subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.skipif(GIT is None, reason="needs git")
@pytest.mark.parametrize("seed", range(6))
def test_a_git_merge_of_two_clones_reads_as_a_full_read(tmp_path, monkeypatch, seed):
    """Two clones append (retractions of shared records among them), each reads its ledger (so the
    cache holds it), then each merges the other: the merged file, read through the cache that knew
    the pre-merge file, answers as a full read."""
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "cache"))
    yaml_cache._checked.clear()
    rng = random.Random(seed)
    (tmp_path / "targets.yaml").write_text(TINY_REGISTRY, encoding="utf-8")
    reg = load_registry(tmp_path / "targets.yaml")
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    (origin / ".gitattributes").write_text("progress.yaml merge=union\n", encoding="utf-8")
    base = [_record(rng, i, []) for i in range(rng.randint(0, 30))]
    (origin / "progress.yaml").write_text(HEADER + "".join(record_line(r) for r in base), encoding="utf-8")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "base")
    clones = {}
    for name in ("alice", "bob"):
        _git(tmp_path, "clone", "-q", str(origin), name)
        clones[name] = tmp_path / name / "progress.yaml"
        check_same(clones[name], reg, monkeypatch)
    k = 1000
    for name, p in clones.items():
        shared = [r.rid for r in _old_reader(p)]
        for _ in range(rng.randint(1, 4)):
            new = [_record(rng, k + i, shared, dups=False) for i in range(rng.randint(1, 10))]
            k += 100
            append_records(p, new)
            check_same(p, reg, monkeypatch)  # the cache now holds this clone's file
        _git(p.parent, "commit", "-qam", name)
    for me, other in (("alice", "bob"), ("bob", "alice")):
        _git(clones[me].parent, "pull", "-q", "--no-rebase", "--no-edit", str(clones[other].parent), "main")
        assert "<<<<<<<" not in clones[me].read_text(encoding="utf-8")
        check_same(clones[me], reg, monkeypatch)
        append_records(clones[me], [_record(rng, k, [])])  # and the next write builds on the merge
        k += 1
        check_same(clones[me], reg, monkeypatch)


def test_an_unchanged_file_is_not_read_and_a_grown_one_only_from_where_it_grew(tiny, monkeypatch, tmp_path):
    """Not a timing test: which bytes are parsed. An unchanged ledger is not opened for its records;
    after an append only the new lines are parsed."""
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(ledger_cache, "RACY_SECONDS", 0.0)
    yaml_cache._checked.clear()
    p = tmp_path / "progress.yaml"
    rng = random.Random(7)
    append_records(p, [_record(rng, i, []) for i in range(50)])
    load_ledger(p)  # cached
    from plancli.ledger import storage

    parsed: list[int] = []
    real = storage.record_from
    monkeypatch.setattr(storage, "record_from", lambda d, path, line, *a, **k: parsed.append(line) or real(
        d, path, line, *a, **k))
    ledger = load_ledger(p)
    assert parsed == [] and len(ledger) == 50
    assert ledger[7].yaml_line == 12 and parsed == [12]  # one record read back, when asked for
    parsed.clear()
    with open(p, "a", encoding="utf-8") as fh:
        fh.write(record_line(_record(rng, 99, [])))
    assert len(load_ledger(p)) == 51
    assert parsed == [len(p.read_text(encoding="utf-8").splitlines())]  # the new line only


def test_a_ledger_replaced_while_read_is_refused_not_misread(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "progress.yaml"
    rng = random.Random(3)
    append_records(p, [_record(rng, i, []) for i in range(5)])
    load_ledger(p)  # read whole (its records kept for that run) and cached
    ledger = load_ledger(p)  # from the cache: records read back from the file when asked for
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("2024", "2023"), encoding="utf-8")  # rewritten between two reads
    with pytest.raises(LedgerError, match="changed while it was being read"):
        ledger[3]  # noqa: B018


def test_the_cache_entry_is_data_a_planted_one_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "cache"))
    yaml_cache._checked.clear()
    p = tmp_path / "progress.yaml"
    append_records(p, [_record(random.Random(1), i, []) for i in range(5)])
    want = _plain(load_ledger(p))
    [entry] = (tmp_path / "cache" / "plancli").glob("ledger-*.cache")
    header, blobs = yaml_cache.read_entry(entry)
    assert header["ledger"] == str(p.resolve()) and json.loads(bytes(blobs[header["at"]["rids"]]))
    entry.write_bytes(b"\x80\x04cos\nsystem\n(S'touch pwned'\ntR.")  # a pickle
    assert _plain(load_ledger(p)) == want and not (tmp_path / "pwned").exists()


def test_the_warnings_read_from_the_facts_are_the_scan_of_every_record(setting):
    """ledger_warnings judges records from their timeline's facts and builds only those it names; on
    random ledgers (duplicate rids, retractions of unknown, other and retracted records, decisions
    on claims and non-claims, forced records without a note, contradicted values) its warnings are the
    reference scan's, line for line, and every kind of warning occurs."""
    d, reg = setting
    kinds: set[str] = set()
    for seed in range(40):
        rng = random.Random(seed)
        rids: list[str] = []
        records = []
        for k in range(80):
            r = _record(rng, k, rids)
            r = dataclasses.replace(r, yaml_line=k + 2)
            if r.retracts and rng.random() < 0.2:
                r = dataclasses.replace(r, retracts="gone-rid")  # names a record no clone has
            if r.reviews and rng.random() < 0.2:
                r = dataclasses.replace(r, reviews="gone-rid")
            records.append(r)
            rids.append(r.rid)
        want = ref.ledger_warnings(reg, d / "p.yaml", records)
        got = ledger_warnings(reg, d / "p.yaml", records)
        assert [(x.line, x.code, x.message) for x in got] == [(x.line, x.code, x.message) for x in want]
        kinds |= {x.code for x in want}
    assert kinds >= {"ledger.rid_twice", "ledger.unknown_item", "ledger.retracts_unknown", "ledger.retracts_other",
                     "ledger.retracts_retraction", "ledger.nothing_withdrawn", "ledger.ignored", "ledger.reviews_unknown",
                     "ledger.forced_without_note", "ledger.contradicts", "ledger.reviews_other",
                     "ledger.reviews_not_claim", "ledger.reviews_twice"}, kinds


def test_validates_ledger_checks_read_from_the_facts_are_the_scan_of_every_record(tmp_path, monkeypatch):
    """check_ledger (validate's view) builds only the records it must look at — closing records of a
    document that requires evidence, records with an evidence file, times that are not times — and
    says what the scan of every record says, line for line, on random ledgers."""
    from plancli.ledger.recording import check_ledger

    from .conftest import TINY_REGISTRY

    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "cache"))
    reg_path = tmp_path / "targets.yaml"
    reg_path.write_text(TINY_REGISTRY.replace("meta:\n", "meta:\n  require_evidence: [met, done]\n", 1),
                        encoding="utf-8")
    reg = load_registry(reg_path)
    (tmp_path / "evidence").mkdir()
    kept = tmp_path / "evidence" / "kept.txt"
    kept.write_text("验收报告", encoding="utf-8")
    from plancli.ledger.evidence import digest

    sha, size = digest(kept)
    kinds: set[str] = set()
    for seed in range(30):
        rng = random.Random(seed)
        rids: list[str] = []
        records = []
        for k in range(60):
            r = dataclasses.replace(_record(rng, k, rids), yaml_line=k + 2)
            roll = rng.random()
            if roll < 0.15:
                r = dataclasses.replace(r, evidence="evidence/kept.txt", evidence_sha256=sha, evidence_size=size)
            elif roll < 0.2:
                r = dataclasses.replace(r, evidence="evidence/gone.txt", evidence_sha256="0" * 64, evidence_size=3)
            elif roll < 0.25:
                r = dataclasses.replace(r, evidence="/etc/passwd", evidence_sha256="1" * 64, evidence_size=3)
            elif roll < 0.3:
                r = dataclasses.replace(r, evidence="会议纪要")
            if rng.random() < 0.05:
                r = dataclasses.replace(r, recorded_at=rng.choice(["昨天", "2024-13-01", ""]))
            again = [x for x in records if x.status == "retracted" and x.retracts]
            if again and rng.random() < 0.1:  # the same correction made on a second clone, merged
                r = dataclasses.replace(rng.choice(again), rid=f"again-{k}", yaml_line=k + 2)
            records.append(r)
            rids.append(r.rid)
        p = tmp_path / "progress.yaml"
        want = ref.check_ledger(p, records, reg)
        got = check_ledger(p, records, reg)
        assert [(x.line, x.code, x.level, x.message) for x in got] == [(x.line, x.code, x.level, x.message) for x in want]
        kinds |= {x.code for x in want}
    assert kinds >= {"ledger.unproven", "security.recorded_at", "ledger.evidence_missing", "ledger.evidence_outside",
                     "ledger.retracted_twice", "ledger.contradicts"}, kinds
