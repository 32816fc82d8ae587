"""The fast lane block by block (issue 27): a file the fast lane cannot read whole — a YAML tool's
layout with wrapped strings, a block scalar in one entry — is read one block at a time (each
top-level key's value, each item of a block sequence), the full reader taking only the blocks the
fast lane cannot. Results, lines and errors stay exactly PyYAML's strict loader's."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.yamlio import events

from .conftest import SHIPPED
from .test_yamlevents import both

SHIPPED_DOC = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def full_reads(monkeypatch) -> list[str]:
    """The texts the full reader is given, from now on."""
    seen: list[str] = []
    real = events._drive

    def spy(yaml_mod, text, *a, **k):
        seen.append(text)
        return real(yaml_mod, text, *a, **k)

    monkeypatch.setattr(events, "_drive", spy)
    return seen


def test_a_pyyaml_dump_with_wrapped_strings_is_read_block_by_block(tmp_path, monkeypatch):
    text = yaml.safe_dump(SHIPPED_DOC, allow_unicode=True, width=60)
    wrapped = text.count("\n    ")  # continuation lines of wrapped strings
    assert wrapped > 20  # precondition: the layout the fast lane cannot read whole
    seen = full_reads(monkeypatch)
    assert both(tmp_path, text)[0] == "ok"
    assert seen and all(len(t) < 5000 for t in seen)  # only blocks, never the whole file
    assert sum(t.lstrip().startswith("- ") for t in seen) < len(SHIPPED_DOC["entries"]) / 2


@pytest.mark.parametrize("text", [
    # an anchor name twice in two blocks, an alias of another block's anchor
    "a: &x 1\nb: &x 2\n", "a: &x [1]\nb: *x\n", "a:\n- !!str 1\n- &y 2\nb:\n- &y 3\n",
    # a key twice in two blocks; a quoted or flow value that goes on at column 0
    "a: 1\nb: 2\na: 3\n", "a: \"x\ny\"\nb: 1\n", "a: 'x\nb: y'\n", "a: [1,\n2]\nb: 1\n",
    # one item the fast lane cannot read among many it can, at indentation 0 and 2, comments between
    "e:\n- a: 1\n- a: |\n    x\n  b: 2\n# c\n\n- a: 3\nf: 1\n",
    "e:\n  - a: 1\n  # c\n  - a: \"x\n    y\"\n  - a: 3\n  - a: 'it''s'\n",
    "e:\n- a: 1\n- a: 2\n\tb: 3\n- a: 4\n", "e:\n- a: \"x\u2028y\"\n- a: 2\n", "e:\n- a: x\x85y\n- b: 1\n",
    # an error in a late item is named at its line; bad indentation between items
    "e:\n- a: 1\n- a: 2\n- a: [3\n- a: 4\n", "e:\n- a: 1\n - b: 2\n- a: 3\n", "e:\n- a: 1\nb\n",
    # a top-level sequence, a bare scalar, a document marker: the whole file
    "- a\n- b: 'x\n  y'\n", "x\n", "a: 1\n---\nb: 2\n", "e:\n- a: 1\n  c: {d: 'x\n    y'}\n- a: 2\n",
    # a block that is not what it seems
    "a: 1\nb\nc: 2\n", "e:\n-\n  a: 1\n- b: 'x\n    y'\n", "e:\n- - 1\n  - 'a\n    b'\n- - 2\n",
    # compact unit lists in a run: a list's key twice, an item going on over two lines, a list last
    "e:\n- a: 1\n  b:\n  - x\n  c: 2\n  b:\n  - y\n- a: 2\n", "e:\n- a: 1\n  b:\n  - x\n    - y\n  c: 2\n- a: 2\n",
    "e:\n- a: 1\n  b:\n  - x\n  - 'y'\n- a: 2\n  b:\n  - \"z: w\"\nf: 1\n",
])
def test_blocks_agree_with_the_full_reader(tmp_path, text):
    both(tmp_path, text)


STYLES = st.fixed_dictionaries({
    "width": st.sampled_from([20, 40, 80, 10_000]), "indent": st.sampled_from([2, 4]),
    "allow_unicode": st.booleans(), "default_flow_style": st.sampled_from([False, None]),
    "sort_keys": st.booleans(),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(style=STYLES, start=st.integers(0, 300), n=st.integers(1, 25),
       odd=st.sampled_from(["", "note: |\n  two\n  lines\n", "note: >\n  folded\n  text\n", "x: !!str 1\n",
                            "quote: \"a\\tb\"\n", "k: 'a: b'\n"]))
def test_any_dump_of_registry_entries_reads_as_pyyaml_does(tmp_path, style, start, n, odd):
    doc = {"meta": {"period": SHIPPED_DOC["meta"]["period"]}, "entries": SHIPPED_DOC["entries"][start:start + n]}
    text = yaml.safe_dump(doc, **style)
    if odd:  # an entry of its own with something the fast lane leaves to the full reader
        pad = " " * style["indent"] if "\n  - " in text or not text.startswith("entries:\n-") else ""
        text = text.replace("entries:\n", "entries:\n" + pad + "- " + odd.replace("\n", "\n  " + pad).rstrip() + "\n", 1)
    both(tmp_path, text)


@pytest.mark.parametrize("style", [{"width": 60}, {"width": 80, "indent": 4}, {"width": 10_000, "sort_keys": False},
                                   {"width": 40, "default_flow_style": None}])
def test_the_registry_as_pyyaml_dumps_it_loads_as_the_block_layout_does(tmp_path, style, monkeypatch):
    """The whole shipped registry, dumped by PyYAML (wrapped strings, compact unit lists, keys sorted
    or not), loads into the same entries, plans and meta as the block layout; only the lines differ."""
    from plancli.registry import loading
    from plancli.registry.model import ENTRY_FIELDS

    monkeypatch.setenv("PLANCLI_NO_CACHE", "1")
    (tmp_path / "targets.yaml").write_text(yaml.safe_dump(SHIPPED_DOC, allow_unicode=True, **style), encoding="utf-8")
    keep = [i for i, k in enumerate(ENTRY_FIELDS) if k != "yaml_line"]
    (doc_a, plans_a, rows_a, _), (doc_b, plans_b, rows_b, _) = (
        loading.load_document(p) for p in (SHIPPED, tmp_path / "targets.yaml"))
    assert len(rows_a) == len(rows_b) > 300
    assert [repr([r[i] for i in keep]) for r in rows_a] == [repr([r[i] for i in keep]) for r in rows_b]
    assert plans_a == plans_b and doc_a.meta == doc_b.meta and doc_a.exclusions[0].text == doc_b.exclusions[0].text
