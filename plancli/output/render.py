"""Every output of plancli goes through ``render(rows, columns, fmt)``.

Formats: ``table`` (rich, for a terminal), ``plain`` (tabulate, aligned by display width so CJK
text lines up; the default when stdout is not a terminal), ``json``, ``csv`` (UTF-8 with BOM so
Excel opens Chinese text correctly; cells that start with = + - @ are prefixed with ' so Excel does
not run them as formulas), ``md`` (a Markdown table) and, for reports, ``html``.

JSON and CSV carry every field of the rows (the documented contract); table, plain and md show the
chosen columns. rich and tabulate are imported only when their format is used.
"""

from __future__ import annotations

import io
import itertools
import json
import operator
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple, TextIO

from ..vocabulary import Status
from ..words import visible

__all__ = ["Column", "WRITERS", "render", "is_machine", "default_format", "cell", "md_escape", "csv_cell",
           "html_text"]


class Column(NamedTuple):
    """One column of a human table. ``max_width`` clips the cell in plain text and Markdown.

    ``overflow`` says how the terminal table (``table``) treats the column: ``None`` (the default) —
    one token that never wraps (ids, dates, days, statuses, targets); ``"ellipsis"`` — takes the slack
    and is cut with … when the terminal is narrow (metrics, units); ``"fold"`` — takes the slack and
    wraps (a source quote in ``show``). ``min_width`` keeps a flexible column that wide (the metric:
    eight Chinese characters and …) while the other flexible columns give way first.
    """

    key: str
    header: str
    max_width: int | None = None
    overflow: str | None = None
    min_width: int | None = None  # a flexible column kept at least this wide while others give way
    # (A named tuple, not a dataclass: half a millisecond less of every run's start-up.)


# A terminal row's colour by its status: red needs action, yellow soon, green closed.
ROW_STYLE = {Status.OVERDUE: "red", Status.MISSED: "red", Status.DUE_SOON: "yellow", Status.MET: "green",
             Status.DONE: "green"}

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


_NUMBER = re.compile(r"[+-]?(\d[\d,]*)?(\.\d+)?([eE][+-]?\d+)?%?")


def csv_cell(s: str) -> str:
    """A text cell a spreadsheet will not run as a formula, changed only when it would be.

    OWASP: a leading = + - @ (or a tab/CR before one) makes Excel or WPS evaluate the cell. Quoting every
    such cell also hit values scripts read (the comparator ``=``, a value ``-5``), so only cells a
    spreadsheet would run get the quote: not a lone sign or comparator, not a number (-5, +3.5%).
    """
    if not s or s[0] not in "=+-@\t\r":
        return s
    body = s.strip()
    if body in ("", "=", "+", "-", "@") or (body[0] not in "=@" and _NUMBER.fullmatch(body)):
        return s
    return "'" + s




def html_text(s, quote: bool = True) -> str:
    """Text for an HTML (or SVG) page: escaped, and with control characters written out (``\\x1b``)
    rather than left raw in a file someone may print on a terminal."""
    import html

    return html.escape(visible(str(s), "\n\t"), quote)


def md_escape(s: str) -> str:
    """Neutralise HTML and table syntax (``>`` is left alone: harmless, and common in targets) and
    write control characters out, as every text people read has them."""
    return visible(s, "\n").replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>")


def _jsonable(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _json_objects(rows, fields) -> list[dict]:
    """Each row as the object JSON writes: its ``fields`` in order (missing ones null), integral floats
    as ints. Values are fetched and zipped at C speed; only a row holding a float is looked at in
    Python (a call per cell cost 0.1 s at 10k rows)."""
    out = []
    pick = operator.itemgetter(*fields) if fields and len(fields) > 1 else None
    for r in rows:
        keys = fields or list(r)
        try:
            vals = pick(r) if pick is not None else list(map(r.get, keys))
        except KeyError:  # a row without one of the fields: null
            vals = list(map(r.get, keys))
        if float in map(type, vals):
            vals = [_jsonable(v) if v.__class__ is float else v for v in vals]
        out.append(dict(zip(keys, vals, strict=True)))
    return out


def _write_json(rows, columns, out, title, fields) -> None:
    # One object per line: json's C encoder only runs without indent, and a line per row is
    # still readable and grep-able. The document is a plain JSON array either way.
    if not rows:
        out.write("[]\n")
        return
    said: dict[int, str] = {}

    def text(v) -> str:  # a light's reasons: their English text (rows share them: each said once;
        # keyed by identity, which holds while ``rows``, which hold every such value, are alive)
        s = said.get(id(v))
        if s is None:
            s = said[id(v)] = str(v)
        return s

    enc = json.JSONEncoder(ensure_ascii=False, default=text).encode
    out.write("[\n")
    for at in range(0, len(rows), _BATCH):
        batch = rows[at:at + _BATCH]
        if fields and len(set(fields)) == len(fields):
            body = ",\n".join(_json_lines(batch, list(fields), enc, text))
        else:  # each row its own keys
            objs = _json_objects(batch, fields)
            # A batch of rows in one call of the encoder, then a line per row: rows are flat objects, so
            # "}, {" between two of them is where one ends — unless a value holds the same text, which
            # the count tells (more pieces than rows), and then each row is encoded on its own.
            parts = enc(objs)[1:-1].split("}, {")
            body = "},\n{".join(parts) if len(parts) == len(objs) else ",\n".join(map(enc, objs))
        out.write(body + (",\n" if at + _BATCH < len(rows) else "\n"))
    out.write("]\n")


def _json_lines(rows, fields: list[str], enc, default) -> list[str]:
    """Each row as its line of JSON, the ``fields`` in order (missing ones null), built column by column.

    A column's values repeat (a plan's name, a unit list, a status), so each distinct value is encoded
    once and the lines are put together by one format string per row: what the C encoder writes for
    the same objects, byte for byte, without a dict per row or every cell encoded again (0.18 s of a
    warm 10k-row ``due`` went to that)."""
    pick = operator.itemgetter(*fields) if len(fields) > 1 else (lambda r, k=fields[0]: (r[k],))
    try:
        vals = list(map(pick, rows))
    except KeyError:  # a row without one of the fields: null
        vals = [tuple(map(r.get, fields)) for r in rows]
    template = "{" + ", ".join(enc(k).replace("%", "%%") + ": %s" for k in fields) + "}"
    cols = [_json_column(col, enc, default) for col in zip(*vals, strict=True)]
    return list(map(template.__mod__, zip(*cols, strict=True)))


_NONE = type(None)
_SAID_ONCE = (str, int, bool, float)  # one plain kind: equal values are written alike
_JSON_KINDS = (str, int, float, list, tuple, dict)  # what the encoder writes without its default


def _json_column(col, enc, default) -> list[str]:
    """A column's cells as JSON texts: a distinct value encoded once where the column holds one plain
    kind (and null) — equal values of one kind are written alike, and within one kind no two values
    that differ in JSON compare equal (floats: 0.0 and -0.0 both write 0) — else once per object."""
    kinds = set(map(type, col))
    kinds.discard(_NONE)
    if not kinds:
        return ["null"] * len(col)
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    if kind is not None and not issubclass(kind, _JSON_KINDS):  # written as its text (the default)
        col = [v if v is None else default(v) for v in col]
        kind = str
    if kind in _SAID_ONCE:
        memo = dict.fromkeys(col)
        memo.pop(None, None)
        if kind is str:  # what the encoder calls for a text (ensure_ascii off), at C speed
            memo = dict(zip(memo, map(json.encoder.encode_basestring, memo), strict=True))
        elif kind is int:  # what the encoder writes for an int
            memo = dict(zip(memo, map(int.__repr__, memo), strict=True))
        else:
            for v in memo:
                memo[v] = enc(_jsonable(v) if kind is float else v)
        memo[None] = "null"
        return list(map(memo.__getitem__, col))
    if kind is list:  # unit lists: a tuple of texts is its key
        keys = [v if v is None else tuple(v) for v in col]
        memo = dict.fromkeys(keys)
        if set(map(type, itertools.chain.from_iterable(k for k in memo if k is not None))) <= {str}:
            for k in memo:
                memo[k] = "null" if k is None else enc(list(k))
            return list(map(memo.__getitem__, keys))
    # Anything else (a light, a light's reasons: objects rows share) once per object: the same
    # object is written the same way every time.
    memo = {i: enc(_jsonable(v) if v.__class__ is float else v) for i, v in zip(map(id, col), col, strict=True)}
    return list(map(memo.__getitem__, map(id, col)))


_BATCH = 2000  # rows encoded at once: the C encoder's speed without the whole document in memory


def _write_csv(rows, columns, out, title, fields) -> None:
    import csv  # here, not at the top: only this format uses it

    keys = list(fields or (rows[0].keys() if rows else [c.key for c in columns]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(keys)
    for r in rows:
        w.writerow([csv_cell(cell(v)) if isinstance(v, str | list) else cell(v)
                    for v in (r.get(k) for k in keys)])
    out.write("\ufeff" + buf.getvalue())


def _body(rows, columns, clip: bool = True) -> list[list[str]]:
    """The cells people read: control characters and escape sequences written out (``\\x1b``), never
    sent to the terminal; line breaks kept."""
    return [[_clip(visible(cell(r.get(c.key))), c.max_width if clip else None) for c in columns] for r in rows]


def _write_md(rows, columns, out, title, fields) -> None:
    if title:
        out.write(f"### {md_escape(visible(title, ''))}\n\n")
    if not rows:
        out.write("(none)\n")
        return
    out.write("| " + " | ".join(md_escape(c.header) for c in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for b in _body(rows, columns):
        out.write("| " + " | ".join(md_escape(x) for x in b) + " |\n")


def _write_plain(rows, columns, out, title, fields) -> None:
    if title:
        out.write(visible(title, "") + "\n")
    if not rows:
        return
    import tabulate as tb

    tb.WIDE_CHARS_MODE = True  # measure CJK as two columns (needs wcwidth)
    tb.PRESERVE_WHITESPACE = False
    out.write(tb.tabulate(_body(rows, columns), headers=[c.header for c in columns], tablefmt="simple",
                          disable_numparse=True) + "\n")


LIGHT_STYLE = {"red": "bold red", "yellow": "bold yellow", "blue": "bold blue", "green": "bold green"}
WIDE_DEFAULT = 200  # --format table off a terminal, without COLUMNS: wide enough for whole rows


def table_width(out: TextIO) -> int | None:
    """Width for a terminal table: None on a terminal (rich asks it, and follows COLUMNS), else
    ``COLUMNS`` or a wide default — a table piped to a file is not cut at 80 columns."""
    try:
        if out.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    cols = os.environ.get("COLUMNS", "")
    return int(cols) if cols.isdigit() and int(cols) > 0 else WIDE_DEFAULT


def unbreakable(heading: str) -> int:
    """The widest piece of a heading that must stay on one line: a word between spaces, or one
    character of Chinese (a Chinese heading may break between any two characters: 已逾 / 期)."""
    from rich.cells import cell_len

    widest = 0
    for w in heading.split():
        widest = max(widest, max((cell_len(ch) for ch in w), default=0) if _has_cjk(w) else cell_len(w))
    return widest


def _has_cjk(w: str) -> bool:
    """A Chinese character or CJK punctuation in ``w`` (compared by range: a regular expression of
    these ranges took 3 ms to compile on every run, for a few headings)."""
    return any("\u3000" <= ch <= "\u303f" or "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in w)


def fit_widths(heads: list[str], body: list[list[str]], flex: list[bool], width: int,
               mins: list[int | None] | None = None) -> tuple[list[int], int]:
    """Column widths and the gap between columns for a table ``width`` cells wide.

    Token columns (``flex`` False) keep their whole content; only their headings may wrap, and only
    at a space. Flexible columns give way first, down to 8 cells (or their longest heading word, or
    their ``mins``: the metric keeps eight Chinese characters while the others give way).
    Tried in order: two spaces between columns, then one; headings whole, then wrapped. The last
    resort cuts headings of token columns down to their cells (``milesto…``), then squeezes flexible
    columns below 8 cells: a token cell is never broken.
    """
    from rich.cells import cell_len

    n = len(heads)
    cells = [max((cell_len(r[i]) for r in body), default=0) for i in range(n)]
    word = [unbreakable(h) for h in heads]  # a token column's heading may wrap (Chinese: between characters)
    whole = [max((cell_len(w) for w in h.split()), default=0) for h in heads]  # a flexible one's is never cut
    natural = [max(c, cell_len(h)) for c, h in zip(cells, heads, strict=True)]
    need = [max(c, w) for c, w in zip(cells, word, strict=True)]  # token column, heading wrapped
    floor = [min(natural[i], max(8, whole[i], (mins or [None] * n)[i] or 0)) if flex[i] else natural[i]
             for i in range(n)]

    def shrink(ws: list[int], lows: list[int], excess: int, cols) -> int:
        while excess > 0:
            i = max(cols, key=lambda j: ws[j] - lows[j], default=None)
            if i is None or ws[i] <= lows[i]:
                break
            ws[i] -= 1
            excess -= 1
        return excess

    flex_cols = [i for i in range(n) if flex[i]]
    fixed_cols = [i for i in range(n) if not flex[i]]
    for gap, wrap in ((2, False), (1, False), (2, True), (1, True)):
        ws = list(natural)
        excess = sum(ws) + gap * (n - 1) - width
        if wrap:  # headings of numbers wrap (未写 / 明时间) as names are cut: whichever has more to spare
            lows = [need[i] if i in fixed_cols else floor[i] for i in range(n)]
            excess = shrink(ws, lows, excess, range(n))
        else:
            excess = shrink(ws, floor, excess, flex_cols)
        if excess <= 0:
            return ws, gap
    excess = shrink(ws, [max(c, 1) for c in cells], excess, fixed_cols)
    shrink(ws, [1] * n, excess, flex_cols)
    return ws, 1


def _write_table(rows, columns, out, title, fields) -> None:
    if not rows:
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=table_width(out), no_color="NO_COLOR" in os.environ or None,
                      soft_wrap=False, highlight=False)
    body = _body(rows, columns, clip=False)  # cells are cut to the width there is, not before
    heads = [c.header.replace("_", " ") for c in columns]  # due soon, in progress: may wrap at the space
    widths, gap = fit_widths(heads, body, [c.overflow is not None for c in columns], console.width,
                             [c.min_width for c in columns])
    # cut flexible cells here, by display width: rich would leave a gap before … after a CJK character
    cut_cols = [i for i, c in enumerate(columns) if c.overflow == "ellipsis"]
    for b in body:
        for i in cut_cols:
            b[i] = _clip(b[i], widths[i])
    from rich.text import Text

    # Text, never a str: rich reads a str as markup, and a note "[link=…]" would become a hyperlink
    t = Table(title=Text(visible(title, "")) if title else None, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, gap - 1, 0, 0),
              header_style="bold")
    for c, h, w in zip(columns, heads, widths, strict=True):
        # token columns are as wide as their widest cell, so only a heading can wrap (at a space);
        # a heading whose words do not fit is cut with … rather than broken
        cut = c.overflow == "ellipsis" or unbreakable(h) > w
        t.add_column(Text(h), width=w, no_wrap=cut and c.overflow != "fold",
                     overflow=c.overflow or ("ellipsis" if cut else "fold"))
    lit = [i for i, c in enumerate(columns) if c.key == "light"]
    for r, b in zip(rows, body, strict=True):
        style = ROW_STYLE.get(r.get("_status") or r.get("status") or "")
        cells: list = [Text(x) for x in b]
        for i in lit:  # the light in its own colour, bold (the word stays: colour is not the only cue)
            cells[i] = Text(b[i], style=LIGHT_STYLE.get(r.get("_light") or r.get("light") or "", ""))
        t.add_row(*cells, style=style)
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
