"""Caches can't run code, and only our own cache is read (issue 26, item 3).

A cache directory may be shared or planted: set by environment, world-writable, unpacked from an
archive. Whatever lies there, loading it can only give back data, an entry that is not ours is
ignored and rebuilt, and the answers stay those of the files themselves.
"""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from plancli.registry.loading import load_registry
from plancli.yamlio import cache

needs_owners = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="a system with file owners")


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    cache._checked.clear()
    yield tmp_path / "c" / "plancli"
    cache._checked.clear()


def _entries(root: Path) -> list[Path]:
    return sorted(root.glob("document-*.cache"))


class _Boom:
    """A pickle that runs code while it loads: it writes a marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "ran"))


def test_a_pickle_planted_as_an_entry_is_never_executed(tiny, root, tmp_path):
    fresh = load_registry(tiny)
    marker = tmp_path / "pwned"
    for entry in _entries(root) + sorted(root.glob("yaml-*.cache")):
        entry.write_bytes(pickle.dumps(_Boom(marker)))
    again = load_registry(tiny)
    assert not marker.exists()
    assert [e.id for e in again.entries] == [e.id for e in fresh.entries]
    assert all(e.read_bytes().startswith(b"plancli-cache\n") for e in _entries(root))  # rebuilt


@pytest.mark.parametrize("forged", [
    ["C", "Popen", [["L", "sh", "-c", "touch pwned"]]],  # a class the cache does not know
    ["C", "Document", []],  # a known class with the wrong fields
    ["X", "anything"],  # an unknown tag
    {"__class__": "os.system"},  # a bare mapping
])
def test_an_entry_naming_what_it_may_not_build_is_a_miss(tiny, root, forged):
    load_registry(tiny)
    [entry] = _entries(root)
    header, blobs = cache.read_entry(entry)
    header = {k: v for k, v in header.items() if k not in ("tag", "sizes")}
    header["data"]["doc"] = forged
    assert cache.write_entry(entry, header, [bytes(b) for b in blobs])
    assert cache.get(entry, {"Document": object}) is None
    assert len(load_registry(tiny).entries) == 5


@needs_owners
def test_an_entry_owned_by_another_user_is_ignored_and_rebuilt(tiny, root, monkeypatch):
    """Forged data in the right format, by someone else: it could not run code, but it must not
    change an answer either. (Another owner is simulated by changing who we are.)"""
    load_registry(tiny)
    [entry] = _entries(root)
    header, blobs = cache.read_entry(entry)
    rows = cache.unpack_rows(header["tables"]["rows"], blobs)
    forged = [tuple("篡改" if v == "单位能耗" else v for v in r) for r in rows]
    assert forged != rows
    meta, new_blobs = cache.pack_rows(forged)
    header = {k: v for k, v in header.items() if k not in ("tag", "sizes")} | {"tables": {"rows": meta}}
    cache.write_entry(entry, header, new_blobs)
    me = os.geteuid()
    if me == 0:
        os.chown(entry, 12345, 12345)  # as root: really someone else's
    else:
        monkeypatch.setattr(os, "geteuid", lambda: me + 1)  # our files now look like someone else's
    assert cache.read_entry(entry) is None
    assert load_registry(tiny).by_id()["test-005"].metric == "单位能耗"


@needs_owners
def test_an_entry_writable_by_others_is_ignored(tiny, root):
    load_registry(tiny)
    [entry] = _entries(root)
    os.chmod(entry, 0o666)
    assert cache.read_entry(entry) is None
    assert len(load_registry(tiny).entries) == 5
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600  # rebuilt, private


@needs_owners
def test_a_symlinked_entry_is_not_followed(tiny, root, tmp_path):
    load_registry(tiny)
    [entry] = _entries(root)
    elsewhere = tmp_path / "elsewhere.cache"
    elsewhere.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert cache.read_entry(entry) is None


@needs_owners
def test_a_world_writable_directory_of_ours_is_made_private(tiny, root):
    load_registry(tiny)
    os.chmod(root, 0o777)
    cache._checked.clear()
    assert len(load_registry(tiny).entries) == 5
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


@needs_owners
def test_a_directory_of_another_user_is_neither_read_nor_written(tiny, root, monkeypatch):
    load_registry(tiny)
    before = {p: p.read_bytes() for p in root.iterdir()}
    me = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: me + 1)
    cache._checked.clear()
    assert cache.cache_root(create=True) is None
    tiny.write_text(tiny.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert len(load_registry(tiny).entries) == 5
    assert {p: p.read_bytes() for p in root.iterdir()} == before  # nothing of ours written there


def test_a_damaged_entry_is_a_miss(tiny, root):
    load_registry(tiny)
    [entry] = _entries(root)
    good = entry.read_bytes()
    for bad in (good[:-1], good + b"x", good.replace(b'"tag":"', b'"tag":"0.0.0|'), b"plancli-cache\n9\n{}"):
        entry.write_bytes(bad)
        assert cache.read_entry(entry) is None
    assert len(load_registry(tiny).entries) == 5


@pytest.mark.parametrize("value", [
    None, True, 1, 1.0, -0.5, "文本", [1, "a", [None]], (1, (2.0, "x")), {"a": 1, 2: [3]},
])
def test_plain_data_comes_back_with_its_types(value):
    back = cache.unpack_tree(json.loads(json.dumps(cache.pack_tree(value))))
    assert back == value and type(back) is type(value)


def test_rows_keep_1_true_and_1_0_apart_and_share_equal_tuples():
    rows = [(1, ("a",), None), (True, ("a",), 2.5), (1.0, ("b",), None)]
    meta, blobs = cache.pack_rows(rows)
    back = cache.unpack_rows(json.loads(json.dumps(meta)), [memoryview(b) for b in blobs])
    assert back == rows and [type(r[0]) for r in back] == [int, bool, float]
    assert back[0][1] is back[1][1]


def _roundtrip(rows):
    meta, blobs = cache.pack_rows(rows)
    return cache.unpack_rows(json.loads(json.dumps(meta)), [memoryview(b) for b in blobs]), meta, blobs


@pytest.mark.parametrize("distinct", [1, 2, 256, 257, 65536, 65537])
def test_columns_read_as_the_list_of_rows_at_every_index_width(distinct):
    """One column per index width (a byte, two, four), the boundaries on both sides: every way of
    reading the rows back gives the rows."""
    import random

    rnd = random.Random(distinct)
    n = max(distinct, 300)
    rows = [(f"id-{i}", i % distinct, rnd.choice([None, ("省科技厅",), ("省科技厅", "省大数据局")]), "同一值")
            for i in range(n)]
    back, meta, _ = _roundtrip(rows)
    widths = [c[3] for c in meta["columns"]]
    assert widths[1] == ("B" if distinct <= 256 else "H" if distinct <= 65536 else "I")
    assert back == rows and list(back) == rows and len(back) == n
    picks = sorted(rnd.sample(range(n), 50)) + [0, n - 1]
    assert [back[i] for i in picks] == [rows[i] for i in picks] == back.take(picks)
    assert back[-1] == rows[-1] and back[3:9] == rows[3:9]
    with pytest.raises(IndexError):
        back[n]  # noqa: B018 - the read is the test
    for j in range(4):
        assert back.column(j) == [r[j] for r in rows]
        want = rows[7][j]
        assert list(back.mask(j, lambda v, want=want: v == want)) == [r[j] == want for r in rows]
        first = {}
        for i, r in enumerate(rows):
            first.setdefault(r[j], i)
        assert sorted(back.firsts(j).items()) == sorted((i, v) for v, i in first.items())


@pytest.mark.parametrize("width", ["B", "H", "I"])
def test_an_index_out_of_its_table_is_a_miss_not_a_later_error(width):
    distinct = {"B": 3, "H": 300, "I": 70000}[width]
    rows = [(i % distinct,) for i in range(max(distinct, 10))]
    _, meta, blobs = _roundtrip(rows)
    assert meta["columns"][0][3] == width
    from array import array

    idx = array(width)
    idx.frombytes(blobs[1])
    idx[5] = distinct  # one past the table
    with pytest.raises(ValueError):
        cache.unpack_rows(meta, [memoryview(blobs[0]), memoryview(idx.tobytes())])
    for bad in ([*meta["columns"][0][:3], "q"], meta["columns"][0][:3]):  # a width plancli never writes; none
        with pytest.raises((ValueError, TypeError)):
            cache.unpack_rows({**meta, "columns": [bad]}, [memoryview(b) for b in blobs])


def test_the_cli_never_unpickles_what_it_finds(tiny, tmp_path):
    """End to end: a cache directory full of pickles (every entry name a run would look for) is only
    ever data to plancli."""
    env = {"PATH": os.environ["PATH"], "PLANCLI_CACHE_DIR": str(tmp_path / "c"), "HOME": str(tmp_path)}
    args = [sys.executable, "-m", "plancli", "due", "--format", "json", "--registry", str(tiny)]
    first = subprocess.run(args, capture_output=True, text=True, env=env)
    marker = tmp_path / "pwned"
    for p in (tmp_path / "c" / "plancli").iterdir():
        if p.suffix == ".cache":
            p.write_bytes(pickle.dumps(_Boom(marker)))
    again = subprocess.run(args, capture_output=True, text=True, env=env)
    assert not marker.exists()
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
