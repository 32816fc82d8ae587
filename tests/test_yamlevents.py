"""The event-stream YAML reader against PyYAML's own strict loader: same objects, same lines, same errors.

``yamlfile.load_yaml`` (now plancli.yamlio.events) and ``yamlfile.load_yaml_pyyaml`` (the composer and
constructor it replaces, kept as the reference) are run on the same text; results must agree in
every value, every type (1 is not 1.0 is not True), every mapping's line and key lines and key
order, and errors in message and line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plancli.ledger.record import Record
from plancli.ledger.storage import append_record
from plancli.yamlio import events as yamlevents
from plancli.yamlio import fastlane as yamlblock
from plancli.yamlio.reader import DataFileError, LineDict, load_yaml, load_yaml_pyyaml

from .conftest import ROOT, SHIPPED, TINY_REGISTRY


def shape(x):
    """A comparable picture of a loaded document: types, values, lines and key order included."""
    if isinstance(x, dict):
        assert isinstance(x, LineDict)
        return ("map", x.line, [(shape(k), x.key_lines[k], shape(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("seq", [shape(v) for v in x])
    return (type(x).__name__, x)


def outcome(load, path: Path, text: str):
    try:
        return ("ok", shape(load(path, text)))
    except DataFileError as exc:
        return ("error", type(exc).__name__, str(exc), exc.line)
    except ValueError as exc:  # PyYAML's int("") for 0b_: both loaders alike
        return ("crash", type(exc).__name__, str(exc))


def both(tmp_path: Path, text: str):
    p = tmp_path / "f.yaml"
    new, old = outcome(load_yaml, p, text), outcome(load_yaml_pyyaml, p, text)
    assert new == old
    return new


SHIPPED_YAML = sorted((ROOT / "data").rglob("*.yaml"))  # registry index, documents, unit tables


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=[p.name for p in SHIPPED_YAML])
def test_shipped_files_load_identically(path):
    text = path.read_text(encoding="utf-8")
    new = outcome(load_yaml, path, text)
    assert new[0] == "ok"
    assert new == outcome(load_yaml_pyyaml, path, text)


def test_a_ledger_written_by_plancli_loads_identically(tmp_path):
    p = tmp_path / "progress.yaml"
    append_record(p, Record("kjyf-001", "met", 12.0, "12%", date(2024, 12, 31), "省科技厅通报", "on: 时间"))
    append_record(p, Record("kjyf-002@2024", "in_progress", None, None, None, None, "no\n第二行 'x' \"y\""))
    append_record(p, Record("kjyf-003", "done", 1e20, "1e20 元", date(2025, 1, 1)))
    text = p.read_text(encoding="utf-8")
    new = both(tmp_path, text)
    assert new[0] == "ok"
    records = new[1][2][0][2][1]
    # one record per line, keys rid, id, status, …
    assert [r[2][2][2] for r in records] == [("str", "met"), ("str", "in_progress"), ("str", "done")]


# Each case: YAML text, and the expected outcome of both loaders: ("ok", value) with plain Python
# values (lines checked separately by `both`), or ("error", message start, line).
CASES = {
    "empty": ("", ("ok", None)),
    "blank lines": ("\n\n", ("ok", None)),
    "only a comment": ("# nothing here\n", ("ok", None)),
    "bom": ("\ufeffa: 1\n", ("ok", {"a": 1})),
    "yaml 1.1 booleans stay text": ("on: yes\nno: off\ny: n\n", ("ok", {"on": "yes", "no": "off", "y": "n"})),
    "yaml 1.2 booleans": ("a: true\nb: False\nc: TRUE\n", ("ok", {"a": True, "b": False, "c": True})),
    "timestamps stay text": ("d: 2024-01-31\nt: 2001-12-14t21:59:43.10-05:00\nbad: 2024-13-40\n",
                             ("ok", {"d": "2024-01-31", "t": "2001-12-14t21:59:43.10-05:00",
                                     "bad": "2024-13-40"})),
    "numbers": ("a: 1\nb: 1.0\nc: -0.5\nd: 1_000\ne: 0x1F\nf: 012\ng: .inf\nh: 1e5\ni: 1:30\n",
                ("ok", {"a": 1, "b": 1.0, "c": -0.5, "d": 1000, "e": 31, "f": 10, "g": float("inf"),
                        "h": "1e5", "i": 90})),
    "nulls": ("a:\nb: ~\nc: null\nd: 'null'\n", ("ok", {"a": None, "b": None, "c": None, "d": "null"})),
    "nested flow mappings": ("a: {b: {c: [1, {d: e}]}, f: []}\n", ("ok", {"a": {"b": {"c": [1, {"d": "e"}]},
                                                                              "f": []}})),
    "multi-line strings": ("a: |\n  one\n  two\nb: >\n  three\n  four\nc: five\n  six\nd: \"seven\n  eight\"\n",
                           ("ok", {"a": "one\ntwo\n", "b": "three four\n", "c": "five six", "d": "seven eight"})),
    "quoted keys and escapes": ('"a b": "x\\ty\\u4e2d"\n\'c\': \'it\'\'s\'\n', ("ok", {"a b": "x\ty中", "c": "it's"})),
    "numeric and null keys": ("1: a\n1.5: b\nnull: c\n", ("ok", {1: "a", 1.5: "b", None: "c"})),
    "explicit document": ("---\na: 1\n...\n", ("ok", {"a": 1})),
    "known tag (handed to PyYAML)": ("a: !!str 5\nb: !!float 1\nc: ! 7\n", ("ok", {"a": "5", "b": 1.0, "c": 7})),
    "sequence root": ("- 1\n- [a, b]\n- {c: d}\n", ("ok", [1, ["a", "b"], {"c": "d"}])),
    "crlf": ("a: 1\r\nb:\r\n  - x\r\n", ("ok", {"a": 1, "b": ["x"]})),
    "unicode line separator in a string": ('a: "x\u2028y"\nb: [\"\u2029\"]\nc: 1\n',
                                           ("ok", {"a": "x\u2028y", "b": ["\u2029"], "c": 1})),
    "unicode line separator in plain text": ("a: x\u2028y\nb: 1\n", ("error", "invalid YAML: could not find "
                                                                       "expected ':'", 3)),
    "duplicate key": ("a: 1\nb: 2\na: 3\n", ("error", "duplicate key 'a' (first at line 1)", 3)),
    "duplicate key in a flow mapping": ("x:\n  - {a: 1, a: 2}\n", ("error", "duplicate key 'a' (first at line 2)", 2)),
    "duplicate key 1 and true": ("{1: a, true: b}\n", ("error", "duplicate key True (first at line 1)", 1)),
    "duplicate key after nesting": ("a:\n  b: 1\n  c: [1]\nd: 1\na: 2\n",
                                    ("error", "duplicate key 'a' (first at line 1)", 5)),
    "anchor and alias": ("a: &x [1]\nb:\n  c: *x\n", ("error", "YAML anchors/aliases", 1)),
    "recursive alias": ("a: &x [1, *x]\n", ("error", "YAML anchors/aliases", 1)),
    "unused anchor": ("a: &x 1\n", ("ok", {"a": 1})),
    "undefined alias": ("a: 1\nb: *nope\n", ("error", "invalid YAML: found undefined alias", 2)),
    "duplicate anchor": ("a: &x 1\nb: &x 2\n", ("error", "invalid YAML: second occurrence", 2)),
    "merge key": ("base: {a: 1}\nm:\n  <<: {b: 2}\n", ("error", "YAML merge keys (<<) are not allowed", 3)),
    "merge value": ("a: <<\n", ("error", "invalid YAML: unsupported YAML tag (could not determine a "
                                         "constructor for the tag 'tag:yaml.org,2002:merge')", 1)),
    "python tag": ("a: 1\nb: !!python/object/apply:os.system ['true']\n",
                   ("error", "invalid YAML: unsupported YAML tag", 2)),
    "local tag on a mapping": ("a:\n  b: !thing {c: 1}\n", ("error", "invalid YAML: unsupported YAML tag", 2)),
    "sequence as key": ("? [1]\n: 2\n", ("error", "a mapping key must be a plain value", 1)),
    "mapping as key": ("x: 1\n? {a: 1}\n: 2\n", ("error", "a mapping key must be a plain value", 2)),
    "unclosed flow sequence": ("a: [1, 2\nb: 3\n", ("error", "invalid YAML: did not find expected ',' or ']'", 2)),
    "tab indentation": ("a: 1\n\tb: 2\n", ("error", "invalid YAML: found a tab character", 2)),
    "two documents": ("a: 1\n---\nb: 2\n", ("error", "invalid YAML: but found another document", 2)),
    "control character": ("a: \x01\n", ("error", "invalid YAML: unacceptable character #x0001", None)),
    "syntax error after a duplicate key wins": ("a: 1\na: 2\nb: [\n", ("error", "invalid YAML: ", 4)),
    "second document after a duplicate key wins": ("a: 1\na: 2\n---\n", ("error", "invalid YAML: but found", 3)),
    "a key of 1030 characters": ("k" * 1030 + ": 1\n", ("error", "invalid YAML: mapping values are not allowed", 1)),
    "a key of 1020 characters": ("k" * 1020 + ": 1\n", ("ok", {"k" * 1020: 1})),
    "a flow key of 1030 characters": ("a: {" + "k" * 1030 + ": 1}\n", ("error", "invalid YAML: did not find", 1)),
    "first of two problems": ("a: &x 1\nb: *x\nb: 2\n", ("error", "YAML anchors/aliases", 1)),
    "bad octal-looking int": ("a: 0b_\n", None),  # PyYAML's int("") ValueError, in both loaders alike
}


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


@pytest.mark.parametrize("name", list(CASES))
def test_tricky_files(name, tmp_path):
    text, want = CASES[name]
    p = tmp_path / "f.yaml"
    if want is None:
        with pytest.raises(ValueError):
            load_yaml(p, text)
        with pytest.raises(ValueError):
            load_yaml_pyyaml(p, text)
        return
    got = both(tmp_path, text)
    if want[0] == "ok":
        assert got[0] == "ok", got
        assert plain(load_yaml(p, text)) == want[1]
        v = load_yaml(p, text)
        if isinstance(v, dict):  # 1 == 1.0 == True: the types must agree too
            assert {k: type(x) for k, x in v.items() if not isinstance(x, dict | list)} == \
                   {k: type(x) for k, x in want[1].items() if not isinstance(x, dict | list)}
    else:
        _, message, line = want
        assert got[0] == "error", got
        assert got[2].startswith(f"{p}:{line}: {message}" if line else f"{p}: {message}"), got
        assert got[3] == line


def test_lines_of_mappings_and_keys(tmp_path):
    text = "# head\nmeta:\n  period: {start: \"2024-01-01\",\n           end: x}\nentries:\n  - id: a\n\n    kind: t\n"
    doc = load_yaml(tmp_path / "f.yaml", text)
    assert (doc.line, doc.key_lines) == (2, {"meta": 2, "entries": 5})
    assert (doc["meta"].line, doc["meta"].key_lines) == (3, {"period": 3})
    assert (doc["meta"]["period"].line, doc["meta"]["period"].key_lines) == (3, {"start": 3, "end": 4})
    assert (doc["entries"][0].line, doc["entries"][0].key_lines) == (6, {"id": 6, "kind": 8})
    both(tmp_path, text)


def test_repeated_strings_are_one_object(tmp_path):
    doc = load_yaml(tmp_path / "f.yaml", 'a: ["省科技厅", 省科技厅]\nb: ["省科技厅"]\n')
    assert doc["a"][0] == doc["a"][1] == doc["b"][0]
    assert doc["a"][0] is doc["b"][0]


@pytest.mark.parametrize("depth", [yamlevents.MAX_DEPTH - 50, yamlevents.MAX_DEPTH + 5, 1000])
@pytest.mark.parametrize("style", ["flow", "block mappings", "block sequences"])
def test_deep_nesting_is_read_or_refused_as_pyyaml_does(depth, style, tmp_path):
    """Past MAX_DEPTH PyYAML decides: its recursive constructor says "nested too deeply"."""
    if style == "flow":
        text = "a: " + "[" * depth + "1" + "]" * depth + "\n"
    elif style == "block mappings":
        text = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "x: 1\n"
    else:
        text = "".join(" " * i + "- a: 1\n" + " " * i + "  b:\n" for i in range(0, 2 * depth, 2)) + "\n"
    got = both(tmp_path, text)  # the same result or the same refusal as PyYAML's loader
    if style == "flow":
        assert got[0] == ("ok" if depth < yamlevents.MAX_DEPTH else "error")


def test_billion_laughs_stops_at_the_first_alias(tmp_path):
    text = "a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    assert both(tmp_path, text)[3] == 1


def test_tiny_registry_loads_identically(tmp_path):
    assert both(tmp_path, TINY_REGISTRY)[0] == "ok"


def test_gc_is_restored(tmp_path):
    import gc

    assert gc.isenabled()
    with pytest.raises(DataFileError):
        load_yaml(tmp_path / "f.yaml", "a: 1\na: 2\n")
    load_yaml(tmp_path / "f.yaml", "a: 1\n")
    assert gc.isenabled()


# --------------------------------------------------------------------------- the block fast lane

def in_block_lane(text: str) -> bool:
    from plancli.yamlio.reader import _loader

    resolve = yamlevents._plain_resolver(_loader()[1])
    return yamlblock.load_block(text, resolve, yamlevents._SPECIAL, LineDict) is not yamlblock.OUTSIDE


@pytest.mark.parametrize("text", [
    SHIPPED.read_text(encoding="utf-8"),
    (ROOT / "data" / "units.yaml").read_text(encoding="utf-8"),
    "a:\n- x\n- y: 1\n  z: [\"q\"]\nb: 2\n",                      # a sequence at its key's indentation
    "- a: 1\n  b:\n    - c\n-   d: e\n    f: g\n",                # sequences of mappings, wide dashes
    "a: 1  # note\n   # stray comment\nb:   # nothing\nc: \"x # y\"\n",
    "k: v w\nl: [\"a\", \"b\"]\nm: {n: 1, o: [p, \"q r\"]}\n\"s t\": -1\n",
    "a: \"say \\\"hi\\\"\\n\"\nb: 'it''s'\n",
    "a: 1\r\nb: 2\r\n",
    "- a: 1\n  b: \"x: y\"\n  c: 中文\n  d: [\"p\", \"q\"]\n  e: 'z'\n  f: null\n- a: 2\n  b: \"x\"\n",
    "a:\n- x\n- 'y'\n- \"z\"\nb: 1\nc:\n  - 省科技厅\n  - 省财政厅\nd: 2\ne: 3\n",
    "- a:\n  - x\n  b: 1\n  c:\n  - y\n  - z\n  d: 2\n",
    # compact unit lists inside a run (PyYAML's layout: one match per entry), the key lines after them
    "- a: 1\n  b:\n  - x\n  - 'y'\n  c: 2\n  d:\n  - 省科技厅\n  e: \"q\"\n- a: 2\n  b:\n  - \"z\"\n",
    "- a: '~'\n  b:\n  - \"x: y\"\n  - 'p: q'\n  c: 中文\n",
    "x:\n  a: 1\n  b:\n  - 省科技厅\n  - 省财政厅\n  c:\n  - 'z'",
    "- a: 1\n  b:\n  - x\n  - y: 1\n  c: 2\n", "- a: 1\n  b:\n  - x\n  -   y\n  c: 2\n",
], ids=["targets", "units", "compact", "seq-of-maps", "comments", "flow", "escapes", "crlf", "runs", "text-lists",
        "lists-in-items", "lists-in-runs", "colon-items", "lists-at-end", "list-then-map", "wide-item"])
def test_plain_block_files_take_the_fast_lane_and_agree(text, tmp_path):
    assert in_block_lane(text)
    assert both(tmp_path, text)[0] == "ok"


@pytest.mark.parametrize("text", [
    "a: &x 1\n", "a: *x\n", "a: !!str 1\n", "a: |\n  x\n", "a: b\n  c\n", "a: [1,\n  2]\n", "a: 1\na: 2\n",
    "<<: {a: 1}\n", "a:\tb\n", "---\na: 1\n", "? a\n: b\n", "a: b: c\n", "- - a\n", "-\n  a: 1\n", "x\n",
    "a: \"\\x41\"\n", "a: \"b\nc\"\n", "a: \"x\u2028y\"\n", "a: [x\u2029]\n", "a: x\x85y\n", "a: \ufeff\n",
    "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "k" * 1001 + ": 1\n", "a: {" + "k" * 1001 + ": 1}\n",
    "a: 1\nb: 2\nc: 3\nb: 4\n", "- a: 1\n  b: 2\n  a: 3\n", "a:\n- x\n- y\na: 1\n",  # a key twice, in a run
    "- a: 1\n  b:\n  - x\n  c: 2\n  b:\n  - y\n",  # … a list's key twice in a run
    "- a: 1\n  b:\n  - x\n    - y\n  c: 2\n",  # an item's text going on over two lines (x - y)
])
def test_anything_unusual_is_left_to_the_full_reader(text):
    assert not in_block_lane(text)


POOL = [
    "a: 1", "b: x y", "c:", "- d", "- e: [1, \"x\"]", "f: {g: 1, h: [i]}", "# c", "", "k: 'it''s'",
    'l: "q\\"z"', "m: -1", "n: -", "o: a # c", "p: a#b", "- - q", "-", "r: |", "text", "? s", ": t",
    "u: &a 1", "v: *a", "w: !!str 1", "<<: {x: 1}", "a: 2", "null: 1", "true: 2", "1: 3", '"k k": v',
    "x: [a, b", "y: {}", "z: []", "d: 2024-01-01", "t: 1:30", "on: no", "i: .inf", "h: 0x1F", "n: 1_000",
    'e: ""', "s: ''", 'q:  "a"  # c', "- {a: 1}", "- [1, 2]", "-   a: 1", "x: a, b", "x: [a, [b, {c: d}]]",
    "x: {a: 1, a: 2}", "x: 'a: b'", 'x: "a # b"', "x: a: b", "x: [\"a\",\"b\"]", "x: [ \"a\" ]", "x: [a,]",
    "- \"s\"", "x: \"省科技厅\"", "省科技厅: 1", "x: +1", "x: .5", "x: 1.", "x: ~", "x: a  b", "x: [~, null]",
    "x:  # c", "#c", "  # c", "x: \"a\"b", "x: \"\\t\"", "x: 'a'#", "-1: x", "x: - 1", "x: -.5",
    'x: "a\u2028b"', "x: a\u2029b", "x: a\x85b", "x: \ufeffa", "x: a\rb", "---", "...", "%TAG ! x",
]


# Lines each inside the fast lane: documents of these test its sense of structure (indentation,
# pending keys, compact sequences, sequences of mappings).
IN_LANE = ["a: 1", "b: x y", "c:", "- d", "- e: [1, \"x\"]", "f: {g: 1, h: [i]}", "# c", "", "k: 'it''s'",
           "m: -1", "o: a # c", "null: 1", "1: 3", '"k k": v', "z: []", "d: 2024-01-01", "on: no",
           "- {a: 1}", "- [1, 2]", "-   a: 1", "x:  # c", "- \"s\"", "省科技厅: 1", "c:", "- c:", "-  - a",
           # the lines a run reads in bulk (a `key: value` line and those after it, a `key:` and its text items)
           'b: "x: y"', "e: 中文", "f: ['x']", 'g: ["p", "q"]', "h: 'z'", "- 中文", "- 'y'", "true: 1", "a: 2"]


@st.composite
def block_documents(draw):
    pool = draw(st.sampled_from([POOL, IN_LANE]))
    lines = draw(st.lists(st.tuples(st.sampled_from([0, 0, 2, 2, 4, 6]), st.sampled_from(pool)),
                          min_size=1, max_size=12))
    end = draw(st.sampled_from(["\n", "", "\n\n"]))
    return "\n".join(" " * i + t for i, t in lines) + end


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(block_documents())
@example("a:\n  - b\n  c: 1\n")
@example("- a: 1\n  - b\n")
@example("x: ~\n- {a: 1}\n")  # (a null value is no `key:` awaiting its block: found by hypothesis, round twenty-nine)
def test_both_readers_agree_on_random_block_documents(tmp_path, text):
    both(tmp_path, text)


SHIPPED_HEAD = SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True)[:240]  # meta, plans, entries
NOISE = list(":{}[]-&*!|>'\"#%@,? \n0123456789abc测年月底前万") + ["  ", "\u2028"]


@st.composite
def mutated_shipped(draw):
    """The head of the shipped registry with lines deleted, doubled or moved and characters changed."""
    lines = list(SHIPPED_HEAD)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["del-line", "dup-line", "move-line", "set-char", "add-char"]))
        if op == "del-line":
            del lines[i]
        elif op == "dup-line":
            lines.insert(i, lines[i])
        elif op == "move-line":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
        else:
            t = lines[i]
            j = draw(st.integers(0, max(len(t) - 1, 0)))
            lines[i] = t[:j] + draw(st.sampled_from(NOISE)) + t[j + (op == "set-char"):]
    return "".join(lines)


def test_the_shipped_head_is_in_the_lane():
    assert in_block_lane("".join(SHIPPED_HEAD))


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=[p.name for p in SHIPPED_YAML])
def test_every_shipped_file_takes_the_fast_lane(path):
    assert in_block_lane(path.read_text(encoding="utf-8"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(mutated_shipped())
def test_both_readers_agree_on_mutated_registries(tmp_path, text):
    """Near-real files on both sides of the fast lane's border agree with PyYAML's loader."""
    both(tmp_path, text)
