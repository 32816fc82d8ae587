"""The parsed-registry cache's stat shortcut: an unchanged file is not even read; a changed one always is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import plancli.registry.loading as registry
from plancli.registry.loading import load_registry
from plancli.yamlio import cache


@pytest.fixture
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c" / "plancli"


def age(p: Path, seconds: float = 60) -> None:
    """Set the file's mtime into the past, as for a file last edited a minute ago."""
    t = time.time() - seconds
    os.utime(p, (t, t))


def full_reads(monkeypatch) -> list[Path]:
    reads: list[Path] = []
    real = registry.read_bytes

    def spy(p, limit=-1):
        if limit < 0:
            reads.append(p)
        return real(p, limit)

    monkeypatch.setattr(registry, "read_bytes", spy)
    return reads


def test_an_unchanged_file_is_not_read_again(tiny, cached, monkeypatch):
    age(tiny)
    first = load_registry(tiny)
    assert len(list(cached.glob("stat-*"))) == 1
    reads = full_reads(monkeypatch)
    again = load_registry(tiny)
    assert reads == []
    assert [e.id for e in again.entries] == [e.id for e in first.entries]
    assert again.path == tiny


def test_a_same_size_edit_with_the_old_mtime_is_still_seen(tiny, cached):
    age(tiny)
    load_registry(tiny)
    st = os.stat(tiny)
    text = tiny.read_text(encoding="utf-8")
    edited = text.replace("metric: 单位能耗", "metric: 单位电耗")
    assert len(edited.encode()) == len(text.encode()) and edited != text
    tiny.write_text(edited, encoding="utf-8")
    os.utime(tiny, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime as before; ctime is not
    assert load_registry(tiny).by_id()["test-005"].metric == "单位电耗"


def test_a_file_modified_just_now_gets_no_pointer(tiny, cached, monkeypatch):
    tiny.write_text(tiny.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    load_registry(tiny)
    assert list(cached.glob("document-*.cache")) and not list(cached.glob("stat-*"))
    reads = full_reads(monkeypatch)
    load_registry(tiny)
    assert reads == [tiny]  # hashed by content, as before the shortcut


@pytest.mark.parametrize("content", ["../../etc/passwd\n", "\xff\xfe", "document-nothere.cache\n", ""])
def test_a_damaged_pointer_is_ignored(tiny, cached, content):
    age(tiny)
    load_registry(tiny)
    [ptr] = cached.glob("stat-*")
    ptr.write_bytes(content.encode("latin-1"))
    assert cache.get_by_stat(cache.stat_key(tiny)) is None
    assert len(load_registry(tiny).entries) == 5


def test_no_pointer_without_a_cache(tiny, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCLI_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("PLANCLI_NO_CACHE", "1")
    age(tiny)
    assert cache.stat_key(tiny) is None
    load_registry(tiny)
    assert not (tmp_path / "c").exists()


def test_the_shipped_index_is_not_parsed_again(cached, monkeypatch):
    """The shipped registry is an index of documents; an unchanged index comes from the cache, so a
    warm run never imports PyYAML."""
    from plancli.yamlio import reader as yamlfile

    first = load_registry()
    assert first.path.name == "registry.yaml" and len(first.documents) >= 1

    def boom(*a, **k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlfile, "load_yaml", boom)
    monkeypatch.setattr(registry, "load_yaml", boom)
    again = load_registry()
    assert [e.id for e in again.entries] == [e.id for e in first.entries]


def test_a_pointer_is_followed_only_for_its_own_key(tiny, cached, write_registry):
    """Pointer names are a crc32 of the key: a clash must never serve another file's entry."""
    age(tiny)
    load_registry(tiny)
    [ptr] = cached.glob("stat-*")
    key = cache.stat_key(tiny, registry.CACHE_SALT)
    assert cache.followed(key) is not None
    entry = ptr.read_text(encoding="utf-8").splitlines()[-1]
    ptr.write_text(key.replace("targets.yaml", "other.yaml") + "\n" + entry + "\n", encoding="utf-8")
    assert cache.followed(key) is None  # same pointer file, someone else's key


def test_an_unchanged_small_yaml_file_is_found_by_its_stat_and_an_edit_is_seen(tmp_path, cached, monkeypatch):
    """The registry index and unit tables (load_yaml_cached) skip the read and hash when unchanged."""
    from plancli.yamlio import reader

    p = tmp_path / "units.yaml"
    p.write_text("units:\n  - name: 省科技厅\n", encoding="utf-8")
    age(p)
    assert cache.load_yaml_cached(p) == {"units": [{"name": "省科技厅"}]}
    reads: list = []
    real = reader.read_text
    monkeypatch.setattr(reader, "read_text", lambda path, *a: reads.append(path) or real(path, *a))
    assert cache.load_yaml_cached(p) == {"units": [{"name": "省科技厅"}]} and reads == []
    p.write_text("units:\n  - name: 省大数据局\n", encoding="utf-8")
    assert cache.load_yaml_cached(p) == {"units": [{"name": "省大数据局"}]} and reads == [p]
