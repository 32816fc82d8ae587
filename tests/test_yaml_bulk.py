"""The fast lane's bulk reading of a block sequence of flat mappings (issue 27, ``fastlane._flat_items``):
each item split at its keys' column, a block list joined to its key, a string wrapped over deeper lines
folded as YAML folds it, each part read once through a memo. What it reads must be what PyYAML's strict
loader reads — values, types, key order, the line of every mapping and key, and every error with its
line — on any layout a YAML tool writes, and on hostile scalars."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plancli.yamlio import fastlane
from plancli.yamlio.reader import load_yaml

from .test_yaml_blocks import SHIPPED_DOC, full_reads
from .test_yamlevents import both


@pytest.mark.parametrize("text", [
    # wrapped plain and single-quoted strings, blank lines in them (a line break of the value), '' inside
    "e:\n- a: one two\n    three\n  b: 1\n", "e:\n- a: 'it''s\n\n    ok'\n  b: x\n", "e:\n- a: x\n\n    y\n  b: 1\n",
    "e:\n- a: 'x \n     \n\n    y  '\n", "e:\n- a: 'x\n    '\n", "e:\n- a: 'x\n\n    '\n- a: y\n",
    "e:\n- a: x\n   y\n", "e:\n- a: x\n    - y\n  b: 1\n", "e:\n- a: x\n    ---\n", "e:\n- a: 12\n    34\n",
    "e:\n- a: true\n    false\n", "e:\n- a: x\n    y\n\n\n- b: 1\n", "e:\n- a: x\n \n  b: 1\n",
    # what ends or breaks a wrapped string: a comment, a colon, text after the closing quote, a quote going on
    # at the dashes' column, a double-quoted string over lines, a line left of the keys
    "e:\n- a: x\n  # c\n    y\n", "e:\n- a: x #c\n    y\n", "e:\n- a: x\n    y: z\n", "e:\n- a: x\n    #y\n",
    "e:\n- a: 'x'\n    y\n", "e:\n- a: 'x\n    y' # c\n", "e:\n- a: 'x\n    y'z\n", "e:\n- a: 'x\n- b: y'\n",
    "e:\n- a: \"x\n    y\"\n", "e:\n- a: \"x\\\n    \\ y\"\n", "e:\n- a: x\n y\n", "e:\n- a: 'x\ny'\n",
    # block lists at the keys' column and two deeper, their items going on, mixed, empty, wrapped
    "e:\n- a:\n  - x\n  - 'y'\n  b: 1\n", "e:\n- a:\n    - x\n    - y\n  b: 1\n", "e:\n- a:\n  - x\n    - y\n",
    "e:\n- a:\n    - x\n  - y\n", "e:\n- a:\n  - x\n    y\n", "e:\n- a:\n  - 'p\n    q'\n", "e:\n- a:\n  -\n  - x\n",
    "e:\n- a:\n  - x: 1\n", "e:\n- a:\n  - [x]\n", "e:\n- a:\n\n  - x\n", "e:\n- b: 1\n  a:\n  - x\n  # c\n  - y\n",
    # flow lists (never shared between items), a flow mapping, odd and duplicate keys, long keys
    "e:\n- a: [x, y]\n- a: [x, y]\n", "e:\n- a: []\n", "e:\n- a: {x: 1}\n", "e:\n- a: [x, [y]]\n",
    "e:\n- null: 1\n  true: 2\n  1: 3\n  '~': 4\n", "e:\n- a: 1\n  a: 2\n", "e:\n- a:\n  - x\n  a: 1\n",
    "e:\n- " + "k" * 1100 + ": 1\n",
    # items that are not flat mappings, or not where the bulk reader looks
    "e:\n-  a: 1\n   b: 2\n", "e:\n- a: |\n    x\n  b: 1\n", "e:\n- a: >-\n    x\n", "e:\n- - x\n  - y\n",
    "e:\n- x\n- y\n", "e:\n- a: 1\n- \n- a: 2\n", "e:\n-\n- a: 2\n", "e:\n- a: 1\n-x\n", "e:\n- a: &x 1\n- b: *x\n",
    "e:\n  - a: 1\n    b:\n    - x\n    - y\n  - a: 2\n", "e:\n- a: x\n  b: y\nf:\n- a: 1\n    b\n",
    "e:\n- a:\n  - x\n  - y\n- a: |\n    z\n- a:\n    - p\n- b: 'q\n\n    r'\n  c: 1\n- a: 1 # c\n  b: x\n",
    "e:\n- a:\n    - x\n    - y\n- a: 1\n  # c\n- a:\n  - p\n  b: !!str 1\n- c: 2\n", "e:\n- a: x\n  b:\n    c: 1\n", "e:\n- a:\n    c: 1\n", "e:\n- a: x\n  b: 'p''\n    q'\n",
    # characters YAML does not count as white space (U+3000), CJK, quotes, colons and # inside text
    "e:\n- a: \u3000x\n", "e:\n- a: x\u3000\n    y\u3000\n", "e:\n- a: 省科技厅：牵头\n    （2024年）#1\n",
    "e:\n- a: 'a: b # c\n    \"d\"'\n", "e:\n- a: x:y\n    z\n", "e:\n- a: -1\n    2\n",
])
def test_bulk_items_agree_with_the_full_reader(tmp_path, text):
    both(tmp_path, text)


# Text a registry may hold, and text meant to break a reader: YAML's indicators at the start, inside
# and at the end, quotes, colons and hashes, Chinese and full-width punctuation, leading and trailing
# spaces, line breaks (a single-quoted scalar's blank lines), words of YAML's implicit types.
HOSTILE = st.one_of(
    st.text(st.sampled_from(list("ab :#'\"-?[]{},&*!|>%@`~\n\\") + ["省", "科", "厅", "，", "：", "　", "（", "）"]),
            max_size=120),
    st.sampled_from(["null", "~", "true", "False", "12", "0.5", "1e3", "2024-06-30", "0o17", "0x1F", ".inf", "-", "",
                     " x", "x ", "- x", "? x", "a: b", "a #b", "#x", "'", "''", "x\n\ny", "\n", "x\n", " \n x"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=60),
)
VALUE = st.one_of(HOSTILE, st.none(), st.booleans(), st.integers(-10**6, 10**6),
                  st.floats(allow_nan=False, allow_infinity=False), st.lists(HOSTILE, max_size=4))
ENTRY = st.dictionaries(st.sampled_from(["id", "quote", "note", "lead", "support", "value", "line", "x y", "中文"]),
                        VALUE, min_size=1, max_size=6)
DUMP = st.fixed_dictionaries({
    "width": st.sampled_from([12, 20, 40, 80]), "indent": st.sampled_from([2, 4]),
    "allow_unicode": st.booleans(), "default_flow_style": st.sampled_from([False, None]),
    "sort_keys": st.booleans()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=8), style=DUMP, offset=st.booleans())
@example(entries=[{"note": "x  \n\n y ''\n"}], style={"width": 12, "indent": 2, "allow_unicode": True,
                                                      "default_flow_style": False, "sort_keys": True}, offset=False)
@example(entries=[{"id": None, "quote": [" \n x"]}], style={"width": 12, "indent": 4, "allow_unicode": False,
                                                            "default_flow_style": None, "sort_keys": False},
         offset=False)
def test_any_dump_of_hostile_entries_reads_as_pyyaml_does(tmp_path, entries, style, offset):
    text = yaml.safe_dump({"entries": entries, "meta": {"n": 1}}, **style)
    if offset:  # the sequence indented under its key, as other tools write it
        head, sep, rest = text.partition("\nmeta:")
        text = head.replace("\n", "\n  ").replace("\n  \n", "\n\n") + sep + rest
    got = both(tmp_path, text)
    # and it is what was dumped — where PyYAML reads its own dump back: its dumper breaks a
    # double-quoted string in a flow list wrongly at width 12 (`[" \n x"]` is read back as
    # `[" \n\\  x"]`, by PyYAML and libyaml alike), and there agreeing with PyYAML is all one can ask
    if got[0] == "ok" and _pyyaml_round_trips(entries, style):
        assert yaml.safe_load(text)["entries"] == entries


def _pyyaml_round_trips(entries, style) -> bool:
    return yaml.safe_load(yaml.safe_dump({"entries": entries}, **style))["entries"] == entries


def test_a_pyyaml_dump_is_read_without_the_full_reader(tmp_path, monkeypatch):
    """The shipped registry as PyYAML dumps it — wrapped strings, compact unit lists, keys sorted — is read
    in bulk: no entry goes to the full reader."""
    text = yaml.safe_dump(SHIPPED_DOC, allow_unicode=True)
    assert text.count("\n    ") > 20  # precondition: wrapped strings
    seen = full_reads(monkeypatch)
    p = tmp_path / "t.yaml"
    p.write_text(text, encoding="utf-8")
    assert load_yaml(p)["entries"] == SHIPPED_DOC["entries"]
    assert not [t for t in seen if t.lstrip().startswith("- ")]


def test_lists_are_never_shared_between_mappings(tmp_path):
    """The memo keeps one value per part text; a list is made anew for every mapping that holds it."""
    p = tmp_path / "t.yaml"
    p.write_text("e:\n- a: [x]\n  b:\n  - y\n- a: [x]\n  b:\n  - y\n", encoding="utf-8")
    one, two = load_yaml(p)["e"]
    assert one == two and one["a"] is not two["a"] and one["b"] is not two["b"]
    one["a"].append("z")
    assert two["a"] == ["x"]


def test_key_lines_are_worked_out_when_asked_and_can_be_set(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("e:\n- a: x\n    y\n  b:\n  - 1\n  - 2\n  c: 3\n", encoding="utf-8")
    d = load_yaml(p)["e"][0]
    assert d.line == 2 and d.key_lines == {"a": 2, "b": 4, "c": 7}
    d.key_lines = {"a": 9}
    assert d.key_lines == {"a": 9}


def test_a_mapping_read_in_bulk_copies_and_pickles_as_a_plain_line_dict(tmp_path):
    import copy
    import pickle

    from plancli.yamlio.reader import LineDict

    p = tmp_path / "t.yaml"
    p.write_text("e:\n- a: x\n  b:\n  - 1\n  c: 3\n", encoding="utf-8")
    d = load_yaml(p)["e"][0]
    for twin in (copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d))):  # noqa: S301 - our own bytes
        assert type(twin) is LineDict and twin == d and (twin.line, twin.key_lines) == (2, {"a": 2, "b": 3, "c": 5})


def test_the_memo_stays_bounded(monkeypatch, tmp_path):
    monkeypatch.setattr(fastlane, "_PARTS_MAX", 5)
    p = tmp_path / "t.yaml"
    p.write_text("e:\n" + "".join(f"- id: x{i}\n  kind: target\n  lead:\n  - 甲\n" for i in range(50)), encoding="utf-8")
    both(tmp_path, p.read_text(encoding="utf-8"))


def test_the_unsafe_character_check_on_bytes_is_the_one_on_text():
    """``clean_text`` (the look with the file's bytes at hand) finds what ``_UNSAFE_CHAR`` finds:
    every character of the BMP and a spread of the others, alone and among Chinese text."""
    import random

    rnd = random.Random(27)
    points = [*range(0xD800), *range(0xE000, 0x10000), *rnd.sample(range(0x10000, 0x110000), 2000)]
    for c in points:
        for s in (chr(c), f"lead: 省科技厅{chr(c)}·°\n", f"{chr(c)}\xc2"):
            assert fastlane.clean_text(s, s.encode()) == (fastlane._UNSAFE_CHAR.search(s) is None), hex(c)


@pytest.mark.parametrize("char", ["\t", "\r", "\x85", "\u2028", "\ufeff", "\x7f", "\x00", "\x9f", "·"])
def test_a_file_with_an_unsafe_character_reads_as_its_text_does(tmp_path, char):
    """The shipped registry with a character in a quote, read from its file (its bytes looked
    through), given as text, and by PyYAML: the same values and lines, or the same error."""
    from .conftest import SHIPPED
    from .test_yamlevents import outcome

    text = SHIPPED.read_text(encoding="utf-8")
    at = text.index("quote: ", len(text) // 2) + len("quote: ")
    p = tmp_path / "d.yaml"
    p.write_bytes((text[:at] + f"'a{char}b' # " + text[at:]).encode())
    from plancli.yamlio.reader import load_yaml_pyyaml

    got = outcome(lambda path, _: load_yaml(path), p, None)
    assert got == outcome(load_yaml, p, p.read_bytes().decode()) == outcome(load_yaml_pyyaml, p, None)


# --------------------------------------------------------------------------- read as rows
# ``load_yaml(..., rows={key: keys})``: the registry's entries read straight into rows of indices into
# tables of distinct values (``fastlane.Rows``), no mapping per item. Whatever the layout, each row
# must say what the mapping a plain reading gives says — value for value, type for type (1, 1.0 and
# True apart, 0.0 and -0.0 apart) — every item read again must be that mapping with its lines, and
# errors must be the plain reading's.

ROW_KEYS = ("id", "quote", "note", "lead", "support", "value", "line", "x y", "中文", "a", "b", "c", "never")


def rows_agree(tmp_path, text: str, keys: tuple = ROW_KEYS, key: str = "e"):
    """Read ``text`` plainly and as rows of ``keys`` under ``key``: the same document, the same error."""
    from .test_yamlevents import outcome, shape

    p = tmp_path / "rows.yaml"
    p.write_text(text, encoding="utf-8")
    plain = outcome(load_yaml, p, text)
    if plain[0] != "ok":  # the same error, at the same line
        assert outcome(lambda path, t: load_yaml(path, t, rows={key: keys}), p, text) == plain
        return plain, None
    doc = load_yaml(p, text, rows={key: keys})
    items = doc.get(key) if isinstance(doc, dict) else None
    if isinstance(items, fastlane.Rows):
        want = load_yaml(p, text)[key]
        assert len(items) == len(want) == len(items.lines)
        for i, item in enumerate(want):
            assert shape(items.item(i)) == shape(item)
            assert not isinstance(item, dict) or items.lines[i] == item.line
            row = items.rows[i]
            if row is not None:
                for j, k in enumerate(keys):
                    got, exp = items.tables[j][row[j]], item.get(k)
                    if isinstance(exp, list):
                        assert isinstance(got, tuple) and shape(list(got)) == shape(exp), (k, got, exp)
                    else:
                        assert type(got) is type(exp) and repr(got) == repr(exp), (k, got, exp)
        if None not in items.rows:  # every value some row's, in the order of the first row that has it
            for j in range(len(keys)):
                firsts = list(dict.fromkeys(r[j] for r in items.rows))
                assert sorted(firsts) == list(range(len(items.tables[j])))
                assert firsts == sorted(firsts), keys[j]
        doc[key] = [items.item(i) for i in range(len(items))]
    assert ("ok", shape(doc)) == plain
    return plain, items


@pytest.mark.parametrize("text", [
    # the layouts of the table above, as rows
    "e:\n- a: one two\n    three\n  b: 1\n", "e:\n- a: 'it''s\n\n    ok'\n  b: x\n", "e:\n- a:\n  - x\n  - 'y'\n  b: 1\n",
    "e:\n- a:\n    - x\n    - y\n  b: 1\n", "e:\n- a: [x, y]\n- a: [x, y]\n", "e:\n- a: []\n", "e:\n- a: {x: 1}\n",
    "e:\n- null: 1\n  true: 2\n  1: 3\n  '~': 4\n", "e:\n- a: 1\n  a: 2\n", "e:\n-  a: 1\n   b: 2\n",
    "e:\n- a: |\n    x\n  b: 1\n", "e:\n- x\n- y\n", "e:\n- a: 1\n- \n- a: 2\n", "e:\n- a: &x 1\n- b: *x\n",
    "e:\n  - a: 1\n    b:\n    - x\n    - y\n  - a: 2\n", "e:\n- a: x\n  # c\n    y\n", "e:\n- a: 'x\n- b: y'\n",
    "e:\n- a:\n  - x\n  - y\n- a: |\n    z\n- a:\n    - p\n- b: 'q\n\n    r'\n  c: 1\n- a: 1 # c\n  b: x\n",
    # what rows tell apart: 1, 1.0 and True; 0.0 and -0.0; a text and a number; null and a missing key
    "e:\n- a: 1\n- a: 1.0\n- a: true\n- a: '1'\n- a: 0.0\n- a: -0.0\n- a: 0\n- a: false\n- a: null\n- b: 1\n",
    "e:\n- a: [1]\n- a: [1.0]\n- a: [true]\n- a: ['1']\n- a: [0.0]\n- a: [-0.0]\n- a: .nan\n- a: .nan\n- a: .NaN\n",
    # a key that turns up late, missing before and after (its None met after values first met later);
    # a key missing from the first item, then a text, then null: None first, met last in the batch
    "e:\n- id: ''\n- id: null\n  quote: ''\n- id: ''\n  quote: null\n",
    "e:\n" + "".join(f"- id: x{i}\n" + ("  a: v\n" if i in (3, 7) else "") + ("  b: w{i % 3}\n" if i > 5 else "")
                     for i in range(12)),
    # text and other keys around the sequence, the sequence read as rows in both its places
    "m: 1\ne:\n- id: a\n  lead:\n  - 甲\n- id: b\nf:\n- id: c\n", "e: []\n", "e:\n", "e: [1, 2]\n",
])
def test_items_read_as_rows_say_what_the_plain_reading_says(tmp_path, text):
    rows_agree(tmp_path, text)


def test_a_batch_past_its_first_reads_as_rows_with_late_keys(tmp_path, monkeypatch):
    """Small batches: shapes first met in a later batch."""
    monkeypatch.setattr(fastlane, "_BATCH", 64)
    text = "e:\n" + "".join(f"- id: x{i}\n" + (f"  a: v{i % 4}\n" if i % 7 else "") + ("  b:\n  - 甲\n" if i % 5 else "")
                            for i in range(60))
    plain, items = rows_agree(tmp_path, text)
    assert isinstance(items, fastlane.Rows) and None not in items.rows


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=8), style=DUMP, offset=st.booleans(), batch=st.sampled_from([64, 1 << 18]))
@example(entries=[{"id": ""}, {"id": None, "quote": ""}, {"id": "", "quote": None}],
         style={"width": 80, "indent": 2, "allow_unicode": True, "default_flow_style": False, "sort_keys": True},
         offset=False, batch=1 << 18)
def test_any_dump_of_hostile_entries_reads_as_rows_as_plainly(tmp_path, entries, style, offset, batch):
    text = yaml.safe_dump({"e": entries, "meta": {"n": 1}}, **style)
    if offset:
        head, sep, rest = text.partition("\nmeta:")
        text = head.replace("\n", "\n  ").replace("\n  \n", "\n\n") + sep + rest
    old = fastlane._BATCH
    fastlane._BATCH = batch
    try:
        rows_agree(tmp_path, text)
    finally:
        fastlane._BATCH = old


def test_a_pyyaml_dump_of_the_registry_reads_as_rows_in_bulk(tmp_path):
    """The shipped registry as PyYAML dumps it: every entry a row, the tables in the order of first rows."""
    from plancli.registry.loading import _ROW_KEYS

    text = yaml.safe_dump(SHIPPED_DOC, allow_unicode=True)
    plain, items = rows_agree(tmp_path, text, _ROW_KEYS, "entries")
    assert plain[0] == "ok" and isinstance(items, fastlane.Rows) and None not in items.rows
