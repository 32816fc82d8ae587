"""The whitespace-free view of the source and its map back to line numbers."""

from plancli.text.source import SourceText, compact

from .conftest import SOURCE


def test_compact_drops_whitespace_and_normalises_width():
    assert compact("2024 年 10 月底前") == "2024年10月底前"
    assert compact("２０２４年\u3000１０月") == "2024年10月"
    assert compact("**三、推进措施**") == "三、推进措施"


def test_find_at_line_across_a_page_break(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("标题\n\n每年组织实施 100 项左右重大\n\n科技攻关项目。\n", encoding="utf-8")
    src = SourceText.read(p)
    span = src.find_at_line("每年组织实施100项左右重大科技攻关项目", 3)
    assert span is not None
    assert src.line_of(span[0]) == 3 and src.line_of(span[1] - 1) == 5
    assert src.find_at_line("每年组织实施", 5) is None  # it starts on line 3, not 5
    assert src.nearest_line("科技攻关项目") == 5


def test_find_all_at_line_only_counts_starts_on_that_line(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("5G 与 5G\n5G\n", encoding="utf-8")
    src = SourceText.read(p)
    assert len(src.find_all_at_line("5G", 1)) == 2
    assert len(src.find_all_at_line("5G", 2)) == 1


def test_real_source_quote_from_the_document():
    src = SourceText.read(SOURCE)
    assert len(src.lines) == 1036  # 1,035 newline-terminated lines and the empty string after the last
    assert src.find_at_line("高新技术企业 2024 年突破 3.5 万家", 26) is not None
    span = src.find_at_line("每年组织实施 100 项左右重大科技攻关项目", 52)
    assert span is not None and src.line_of(span[1] - 1) == 54
