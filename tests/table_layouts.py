"""Flattened tables read back into rows and written out again the way another page flattens them (issue 28, round
fifteen): a row a line with its cells between bars, or tabs, or as a Markdown table; one cell a line ending in " |";
one cell a paragraph, with or without blank lines between; and, merged, with each unit cell that repeats the
row above's left out, as a page merging it over both rows writes it. A test helper: the re-layout test asks every development
document's table, written each of these ways, to draft the same entries.

The reader is deliberately simple and independent of ``plancli.extract.layout`` (it knows the three forms the
development documents use, nothing more): a table is its heading's labels and its rows (each row's cells, its number
first where the table numbers its rows; a group row, 一、…, as its text alone). A row a page wrote a cell short (a cell
merged with the row above's) stays a cell short in every form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Table", "find_tables", "relaid_tables", "FORMS"]

_GROUP = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_NUMBER = re.compile(r"\d{1,3}")


@dataclass
class Table:
    first: int  # index of its first line
    last: int  # index of its last line (inclusive)
    form: str
    head: list[str]
    rows: list[list[str] | str] = field(default_factory=list)  # a row's cells, or a group row's text


def _label(cell: str) -> bool:
    t = cell.replace(" ", "").replace("\u3000", "")
    # (a year a target table's column is named by, 2025年, 2023年目标: a label too)
    bare = re.sub(r"^(?:19|20)\d{2}年(?:度|底|末)?(?:目标值?|预期目标值?|预期值|预期|计划值?|规划值|目标任务)?$", "年", t)
    return bool(t) and len(t) <= 12 and not re.search(r"[。，,；;:：]", t) and not re.search(r"\d", bare.replace("序号", ""))


def _joined(head: list[str]) -> list[str]:
    """A heading's labels one a paragraph, with a label the page set over two paragraphs joined: 开工 / 时间, 总投资 /
    (万元) (九江) — the second piece only ends the label before it."""
    out: list[str] = []
    for h in head:
        if out and out[-1] != "序号" and (re.fullmatch(r"时间|时限", h) and not re.search(r"时间|时限", out[-1])
                                          or re.fullmatch(r"[(（][^()（）]{1,6}[)）]", h)):
            out[-1] += h
        else:
            out.append(h)
    return out


def _bar_cells(line: str) -> list[str]:
    pieces = re.split(r"[|｜]", line.strip())
    if pieces and pieces[-1].strip() == "":
        pieces = pieces[:-1]  # the bar closing the line
    if pieces and pieces[0].strip() == "" and line.strip()[:1] in "|｜":
        pieces = pieces[1:]  # the bar opening it (a Markdown row)
    return [p.strip() for p in pieces]


def _rows(cells: list[str], numbered: bool, width: int = 0) -> list[list[str] | str]:
    """Cells one after another (forms B and C) split into rows at their numbers, counted 1, 2, 3 … in turn."""
    rows: list[list[str] | str] = []
    last, ruled = 0, False
    for c in cells:
        # (after a bare "|" between rows, a higher number opens a row: a list numbered as a longer one, 17, 19 — 雨山区;
        # so it does after a row with all the heading's cells ``width``: 怀远's rows 6, 52, 53 of the county's list, round
        # twenty-four's tables)
        full = bool(width) and bool(rows) and isinstance(rows[-1], list) and len(rows[-1]) - 1 >= width
        if _NUMBER.fullmatch(c) and (not last or int(c) == last + 1 or (ruled or full) and int(c) > last):
            rows.append([c])
            last = int(c)
        elif _GROUP.match(c) and (not rows or isinstance(rows[-1], str) or len(rows[-1]) > 1):
            rows.append(c)
        elif rows and isinstance(rows[-1], list):
            rows[-1].append(c)
        elif not numbered:
            rows.append([c])
        ruled = c == ""
    return rows


_ITEM = re.compile(r"(\d{1,2})[.．、]\D")


def _sub_rows(rows: list[list[str] | str], width: int) -> list[list[str] | str]:
    """Rows wider than the heading whose cells number items in turn (1.…, 2.…, 3.…: 吴江's 主要预期目标, its task broken
    into sub-rows each with its own leader and units, the 序号 and 项目 cells merged over them) split into the row and its
    sub-rows (no number of their own); a bare 1 after them opens a row of its own (the next group's, its heading lost)."""
    out: list[list[str] | str] = []
    for r in rows:
        items = [n for n, c in enumerate(r) if isinstance(r, list) and (m := _ITEM.match(c))
                 and int(m.group(1)) == 1 + sum(1 for c2 in r[:n] if _ITEM.match(c2))]
        if isinstance(r, str) or len(r) <= width or len(items) < 2:
            out.append(r)
            continue
        cuts = items[1:] + [n for n in range(items[1], len(r)) if r[n] == "1"] + [len(r)]
        cuts = sorted(set(cuts))
        out.append(r[:cuts[0]])
        out.extend(r[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
    return out


def find_tables(text: str) -> list[Table]:
    """The tables of a text in the forms the development documents flatten them."""
    lines = text.split("\n")
    out: list[Table] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        cells = _bar_cells(s) if re.search(r"[|｜]", s) else []
        if len(cells) >= 3 and all(_label(c) for c in cells) and (cells[0] == "序号" or any(
                re.search(r"单位|时限|部门", c) for c in cells)) and not any("公开" in c for c in cells):
            # (公开范围 | 面向社会 | 公开时限 | …: a page's index block, no table of tasks)
            # form A: a row a line, cells between bars
            t = Table(i, i, "bars", cells)
            j = i + 1
            while j < len(lines):
                sj = lines[j].strip()
                if not sj:
                    j += 1
                    continue
                if not re.search(r"[|｜]", sj):
                    break
                row = _bar_cells(sj)
                t.rows.append(row[0] if len(row) == 1 and _GROUP.match(row[0]) else row)
                t.last = j
                j += 1
            out.append(t)
            i = j
            continue
        if s == "序号 |" or s == "序号|":
            # form B: one cell a line ending in " |"
            seq: list[str] = []
            j, last = i, i
            while j < len(lines):
                sj = lines[j].strip()
                if not sj:
                    j += 1
                    continue
                if not re.search(r"[|｜]$", sj) or len(_bar_cells(sj)) > 1:
                    break
                seq.append(_bar_cells(sj)[0] if _bar_cells(sj) else "")
                last = j
                j += 1
            k = next((n for n, c in enumerate(seq) if _NUMBER.fullmatch(c) or _GROUP.match(c)), None)
            if k is None:
                i = last + 1  # a heading with no row under it: no table
                continue
            # (the bare "|" between rows is no cell: neither a heading's nor a row's last — 雨山区's 17 and 19 rows)
            rows = [r if isinstance(r, str) else r[:len(r) - next((n for n, c in enumerate(reversed(r)) if c), 0)]
                    for r in _rows(seq[k:], True)]
            out.append(Table(i, last, "cell-lines", [c for c in seq[:k] if c], rows))
            i = last + 1
            continue
        if s.replace(" ", "").replace("\u3000", "") == "序号":
            # form C: one cell a paragraph, to the text's end or to the next table's heading (鄞州: a group row and
            # the heading 序号 / 目标任务 / … again over each leader's tasks — the group row stays the first table's)
            end = next((n for n in range(i + 1, len(lines))
                        if lines[n].replace(" ", "").replace("\u3000", "").strip() == "序号"), len(lines))
            # (a bar alone on the line after each cell — 吴江's page marks its cells so, "||" for the empty ones at a
            # row's end — is no cell)
            seq = [ln.strip() for ln in lines[i:end] if ln.strip() and not re.fullmatch(r"[|｜]+", ln.strip())]
            k = next((n for n, c in enumerate(seq) if _NUMBER.fullmatch(c) or _GROUP.match(c)), None)
            if k is None:
                # a heading with no row under it (池州's annex: the page's opening ends after the heading): no table
                i = end
                continue
            last = max(n for n in range(i, end) if lines[n].strip())
            head = _joined(seq[:k])
            width = len(head) - (head[0] == "序号")
            out.append(Table(i, last, "paragraphs", head, _sub_rows(_rows(seq[k:], True, width), len(head))))
            i = end
            continue
        i += 1
    return out


def _merged(t: Table) -> list[list[str] | str]:
    """The rows with each unit cell that repeats the row above's dropped, as a page that merges the cell over both
    writes them (泰顺's 牵头单位): only in rows with every cell, and only the first unit column."""
    numbered = bool(t.head) and t.head[0] == "序号"
    k = next((i for i, h in enumerate(t.head) if re.search(r"牵头|责任单位|责任部门", h)), None)
    if k is None:
        return t.rows
    out: list[list[str] | str] = []
    above = None
    for r in t.rows:
        if isinstance(r, str) or len(r) != len(t.head) or not numbered:
            out.append(r)
            above = None
            continue
        out.append(r[:k] + r[k + 1:] if above is not None and r[k] == above else r)
        above = r[k]
    return out


def _write(t: Table, form: str) -> list[str]:
    if form.endswith("-merged"):
        t = Table(t.first, t.last, t.form, t.head, _merged(t))
        form = form.removesuffix("-merged")
    rows = [t.head] + t.rows
    if form in ("bars", "tabs", "markdown", "spaces"):
        out = []
        for n, r in enumerate(rows):
            if isinstance(r, str):
                out.append(r)  # a group row: its text on a line of its own
            elif form == "tabs":
                out.append("\t".join(c or "\u3000" for c in r))
            elif form == "spaces":
                out.append("  ".join(c.replace(" ", "") for c in r if c))
            elif form == "markdown":
                out.append("| " + " | ".join(r) + " |")
                if n == 0:
                    out.append("|" + "---|" * len(r))
            else:
                out.append(" | ".join(r) + " |")
        return out
    cells = [c for r in rows for c in ([r] if isinstance(r, str) else r)]
    if form == "cell-lines":
        return [c + " |" for c in cells]
    cells = [c for c in cells if c]
    if form == "spaced-paragraphs":
        return "\n\n".join(cells).split("\n")
    return cells  # paragraphs


FORMS = ("bars", "tabs", "markdown", "spaces", "cell-lines", "paragraphs", "spaced-paragraphs", "bars-merged",
         "paragraphs-merged")


def relaid_tables(text: str, form: str) -> str | None:
    """The text with each of its tables written in ``form``; None when it has none, or none in another form."""
    lines = text.split("\n")
    tables = [t for t in find_tables(text) if t.form != form or form.endswith("-merged")]
    if not tables:
        return None
    for t in reversed(tables):
        lines[t.first:t.last + 1] = _write(t, form)
    return "\n".join(lines)
