"""Every output of plancli goes through ``render(rows, columns, fmt)``.

Formats: ``table`` (rich, for a terminal), ``plain`` (tabulate, aligned by display width so CJK
text lines up; the default when stdout is not a terminal), ``json``, ``csv`` (UTF-8 with BOM so
Excel opens Chinese text correctly; cells that start with = + - @ are prefixed with ' so Excel does
not run them as formulas), ``md`` (a Markdown table) and, for reports, ``html``.

JSON and CSV carry every field of the rows (the documented contract); table, plain and md show the
chosen columns. rich and tabulate are imported only when their format is used.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Column", "WRITERS", "render", "is_machine", "default_format", "cell", "md_escape"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    max_width: int | None = None


def default_format(stream: TextIO | None = None) -> str:
    s = stream or sys.stdout
    try:
        return "table" if s.isatty() else "plain"
    except (AttributeError, ValueError):
        return "plain"


def cell(v) -> str:
    """Text of one value for human formats: lists joined with 、, None as empty, floats trimmed."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:g}" if abs(v) < 1e15 else f"{v:.6g}"
    if isinstance(v, list | tuple):
        return "、".join(cell(x) for x in v)
    return str(v)


def _clip(s: str, width: int | None) -> str:
    if not width:
        return s
    from wcwidth import wcswidth

    if (wcswidth(s) if wcswidth(s) >= 0 else len(s)) <= width:
        return s
    out, w = "", 0
    for ch in s:
        cw = max(wcswidth(ch), 0)
        if w + cw > width - 1:
            break
        out, w = out + ch, w + cw
    return out + "…"


def _csv_safe(s: str) -> str:
    # OWASP: a leading = + - @ (or tab/CR) makes Excel evaluate the cell as a formula.
    if s and s[0] in "=+-@\t\r":
        return "'" + s
    return s


def md_escape(s: str) -> str:
    """Neutralise HTML and table syntax; ``>`` is left alone (harmless, and common in targets)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>")


def _jsonable(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _write_json(rows, columns, out, title, fields) -> None:
    # One object per line: json's C encoder only runs without indent, and a line per row is
    # still readable and grep-able. The document is a plain JSON array either way.
    if not rows:
        out.write("[]\n")
        return
    enc = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[\n")
    last = len(rows) - 1
    for i, r in enumerate(rows):
        obj = {k: _jsonable(r.get(k)) for k in (fields or r.keys())}
        out.write(enc(obj) + (",\n" if i < last else "\n"))
    out.write("]\n")


def _write_csv(rows, columns, out, title, fields) -> None:
    keys = list(fields or (rows[0].keys() if rows else [c.key for c in columns]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(keys)
    for r in rows:
        w.writerow([_csv_safe(cell(v)) if isinstance(v, str | list) else cell(v)
                    for v in (r.get(k) for k in keys)])
    out.write("\ufeff" + buf.getvalue())


def _body(rows, columns) -> list[list[str]]:
    return [[_clip(cell(r.get(c.key)), c.max_width) for c in columns] for r in rows]


def _write_md(rows, columns, out, title, fields) -> None:
    if title:
        out.write(f"### {md_escape(title)}\n\n")
    if not rows:
        out.write("(none)\n")
        return
    out.write("| " + " | ".join(md_escape(c.header) for c in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for b in _body(rows, columns):
        out.write("| " + " | ".join(md_escape(x) for x in b) + " |\n")


def _write_plain(rows, columns, out, title, fields) -> None:
    if title:
        out.write(title + "\n")
    if not rows:
        return
    import tabulate as tb

    tb.WIDE_CHARS_MODE = True  # measure CJK as two columns (needs wcwidth)
    tb.PRESERVE_WHITESPACE = False
    out.write(tb.tabulate(_body(rows, columns), headers=[c.header for c in columns], tablefmt="simple",
                          disable_numparse=True) + "\n")


def _write_table(rows, columns, out, title, fields) -> None:
    if not rows:
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, no_color="NO_COLOR" in os.environ or None, soft_wrap=False, highlight=False)
    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c.header, overflow="fold", max_width=c.max_width)
    for r, b in zip(rows, _body(rows, columns), strict=True):
        style = {"overdue": "red", "missed": "red", "due_soon": "yellow",
                 "met": "green", "done": "green"}.get(r.get("status") or "")
        t.add_row(*b, style=style)
    console.print(t)


# format → writer. Machine formats carry every field of the rows (the documented contract) and
# never change with the language or the terminal; the others show the chosen columns.
WRITERS: dict[str, Callable] = {"table": _write_table, "plain": _write_plain, "json": _write_json,
                                "csv": _write_csv, "md": _write_md}
MACHINE = frozenset({"json", "csv"})


def is_machine(fmt: str) -> bool:
    """True for the formats scripts parse (JSON, CSV): they get raw contract fields, no decoration."""
    return fmt in MACHINE


def render(rows: Sequence[dict], columns: Sequence[Column], fmt: str, out: TextIO | None = None,
           *, title: str | None = None, fields: Sequence[str] | None = None) -> None:
    """Write ``rows`` to ``out`` (stdout) in ``fmt``. ``fields`` fixes the JSON/CSV key order."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}")
    writer(rows, columns, out or sys.stdout, title, fields)
