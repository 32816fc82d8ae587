"""The independent scan for numbers and date words the registry does not account for."""

from plancli.coverage import find_gaps, tokens
from plancli.registry import load_registry
from plancli.sourcetext import SourceText


def _src(tmp_path, text):
    p = tmp_path / "s.txt"
    p.write_text(text, encoding="utf-8")
    return SourceText.read(p)


def test_tokens_skip_headings_and_task_numbers(tmp_path):
    src = _src(tmp_path, "## 一、总体目标\n测试行动计划（2024—2025年）\n12.推进。每年完成 3 项，2024年底前。\n（三）每季度调度。\n")
    assert [t for _, _, t in tokens(src, 1, 4)] == ["每年", "3", "2024", "年底", "每季度"]


def test_gap_until_value_text_or_exclusion_accounts_for_it(tiny):
    reg = load_registry(tiny)
    src = SourceText.read(reg.source_path)
    assert find_gaps(src, reg.entries, reg.exclusions, [(1, 13)]) == []
    gaps = find_gaps(src, reg.entries, [], [(1, 13)])
    assert [(g.line, g.token) for g in gaps] == [(5, "16")]
    # Dropping test-005 leaves its 0.5 uncovered: a long quote alone does not account for a number.
    rest = [e for e in reg.entries if e.id != "test-005"]
    assert [(g.line, g.token) for g in find_gaps(src, rest, reg.exclusions, [(1, 13)])] == [(11, "0.5")]


def test_a_quote_covers_only_its_own_value(tiny):
    reg = load_registry(tiny)
    src = SourceText.read(reg.source_path)
    e1 = reg.by_id()["test-001"]  # quote 高新技术企业 2024 年突破 3.5 万家 — the 3.8 beside it is not covered
    gaps = {(g.line, g.token) for g in find_gaps(src, [e1], reg.exclusions, [(5, 5)])}
    assert (5, "3.8") in gaps and (5, "3.5") not in gaps
