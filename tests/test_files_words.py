"""The words of the data files (``plancli.words.files``): every message of the YAML reader, a ledger
record and the ledger's storage is a catalogue code, said in Chinese or English at the edge."""

from __future__ import annotations

import ast
import builtins
import re
import string
import subprocess
import sys

import pytest

from plancli.vocabulary import DECISIONS, LEDGER_STATUSES
from plancli.words import catalogue, say
from plancli.words.files import WORDS

from .conftest import ROOT

OWNED = sorted([*(ROOT / "plancli" / "yamlio").glob("*.py"),
                *(ROOT / "plancli" / "ledger" / n for n in ("record.py", "storage.py", "timeline.py", "index.py"))])


TYPED = [s for s in LEDGER_STATUSES if s not in DECISIONS]  # what a ledger line may say (review writes the rest)


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("code", sorted(WORDS))
def test_each_entry_has_both_languages_with_the_same_fields(code):
    zh, en = WORDS[code]
    assert zh and en and zh != en or code.startswith("files.type.")
    assert _fields(zh) == _fields(en), code
    # Chinese as an office writes it: full-width punctuation around the words
    assert not re.search(r"[;(]|, ", zh), zh
    assert catalogue()[code] == (zh, en)  # listed in the one catalogue


@pytest.mark.parametrize("path", [p for p in OWNED if p.exists()], ids=lambda p: p.name)
def test_errors_in_these_modules_carry_codes_not_prose(path):
    """Every error raised (or built) here names a catalogue code: no literal message, no f-string."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if not (name.endswith("Error") or name in ("error", "where", "_Bad")) or hasattr(builtins, name) \
                or ast.unparse(node.func).startswith("yaml."):
            continue  # PyYAML's own errors carry its words (passed on as a field); builtins are bugs
        first = node.args[0]
        assert not isinstance(first, ast.JoinedStr), f"{path.name}:{node.lineno}: an f-string message"
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            assert first.value in catalogue(), f"{path.name}:{node.lineno}: {first.value!r} is not a code"


def _plancli(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "plancli", *args], capture_output=True, text=True, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "PLANCLI_NO_CACHE": "1", "HOME": str(tmp_path)})


@pytest.mark.parametrize(("text", "zh", "en"), [
    ('records:\n  - {"rid": "a1", "id": "kjyf-002", "status": "fine"}\n',
     f"p.yaml:2: 记录 kjyf-002：状态应为 {'、'.join(TYPED)} 之一，而不是 'fine'",
     f"p.yaml:2: record kjyf-002: status must be one of {', '.join(TYPED)}, not 'fine'"),
    ('records:\n  - {"rid": "a1", "id": "kjyf-002", "status": "met", "note": {"a": 1}}\n',
     "p.yaml:2: 记录 kjyf-002：note 应为文本，而不是映射", "p.yaml:2: record kjyf-002: note must be text, not a dict"),
    ('records:\n  - {"rid": "a1", "id": "kjyf-002", "status": "met", "on": "2024-02-30"}\n',
     "p.yaml:2: 记录 kjyf-002：on：", "p.yaml:2: record kjyf-002: on: "),
    ('records:\n<<<<<<< HEAD\n',
     "p.yaml:2: 存在未解决的合并冲突：git 在此处留下了标记 <<<<<<<；请保留双方的记录行，删除标记行（见 docs/team.md）",
     "p.yaml:2: unresolved merge conflict: git left the marker <<<<<<< here; keep the record lines of both sides "
     "and delete the marker lines (see docs/team.md)"),
    ("records: []\nrecords: []\n", "p.yaml:2: 键 'records' 重复（首次出现在第 1 行）",
     "p.yaml:2: duplicate key 'records' (first at line 1)"),
    ("records: [1\n", "p.yaml:2: YAML 格式错误：", "p.yaml:2: invalid YAML: "),
    ("x: &a 1\ny: *a\n", "p.yaml:1: 不允许使用 YAML 锚点和别名", "p.yaml:1: YAML anchors/aliases (&id001, *id001) are not allowed"),
    ("records: 5\n", "p.yaml:1: 台账必须是一个含有“records:”列表的映射", "p.yaml:1: a ledger must be a mapping with a 'records:' list"),
])
def test_a_bad_ledger_is_refused_in_the_readers_language(tmp_path, text, zh, en):
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    for lang, want in (("zh", zh), ("en", en)):
        r = _plancli(tmp_path, "due", "--progress", "p.yaml", "--lang", lang)
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith(f"plancli: error: {want}"), r.stderr


def test_a_file_that_is_not_utf8_is_named_with_its_byte(tmp_path):
    (tmp_path / "p.yaml").write_bytes(b"records:\n  - {\"id\": \"\xb0\"}\n")
    r = _plancli(tmp_path, "due", "--progress", "p.yaml", "--lang", "zh")
    assert "p.yaml:2: 不是 UTF-8 编码（字节 0xb0），请另存为 UTF-8" in r.stderr
    assert say("files.not_utf8", "en", byte=0xB0) == "not UTF-8 (byte 0xb0); save the file as UTF-8"
