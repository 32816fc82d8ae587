"""Reading the files units send back, within limits: .xlsx/.xlsm, .xls, .ods, and CSV/TSV text.

A workbook comes from outside (a unit, its spreadsheet program, anyone who forwards it), so it is read
as data that may be damaged or hostile, never trusted to be what its name says:

* **What it is** is read from its first bytes, not its name: a zip is .xlsx or .ods (by its parts), an
  OLE2 file is .xls (or an encrypted workbook, said so), text is CSV/TSV; an HTML table saved as .xls
  (what many systems export), a .docx or .et is refused with "请另存为 .xlsx" in the reader's words.
* **Bounded**: the file, the XML it unpacks to, the rows, the columns and each cell have limits
  (``LIMITS``, documented in docs/roundtrip.md); a sheet is streamed (expat, one element at a time),
  only non-empty cells are kept, and a sheet's declared dimension is never trusted. A zip bomb stops
  at the unpacked-size limit; a sheet XML with a DOCTYPE (entity expansion) or malformed XML is
  refused, naming the file and the part.
* **As a unit sees it**: a date cell is a date, a number shown as a percentage is ``96%``, a formula
  gives the value it was saved with; a formula saved **without** one (some tools write them so) is
  kept as a ``Cell`` with ``missing=True`` so that it is refused by name, never read as empty. Merged
  ranges are kept (``Sheet.merges``), and so are the workbook's defined names (the marker
  ``export --per-unit`` writes: which sheet is the 台账, whose, as of when).

Every problem is a ``WorkbookError`` with an ``import.file.*`` code: the file's, not a row's.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .record import LedgerError

__all__ = ["LIMITS", "Cell", "Sheet", "Book", "WorkbookError", "read_book", "cell_name", "column_letter"]

MB = 1024 * 1024
# The documented limits (docs/roundtrip.md, "Limits"): a unit's 台账 is a few hundred rows of a few
# dozen columns, tens of kilobytes; these are two orders of magnitude above and far below what hurts.
LIMITS = {
    "file_mb": 50,          # the file as sent (an .xlsx with pasted photos stays well under)
    "unpacked_mb": 100,     # the XML parts of an .xlsx/.ods read, as unpacked
    "parts": 5000,          # the parts of a zip (a workbook has tens)
    "rows": 10_000,         # the last row holding a value, per sheet
    "columns": 200,         # the last column holding a value
    "cell_chars": 32_767,   # Excel's own limit on a cell
    "sheets": 255,
}
_CHUNK = 1 << 16


class WorkbookError(LedgerError):
    """A file that cannot be read as a 台账: the whole file is refused, not a row."""


@dataclass
class Cell:
    value: object = None      # str, int, float, bool, date, datetime
    missing: bool = False     # a formula saved without its value


@dataclass
class Sheet:
    name: str | None                       # None for CSV
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, column), 1-based, non-empty only
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row1, col1, row2, col2)

    @property
    def last_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    def row(self, r: int) -> dict[int, Cell]:
        return {c: v for (rr, c), v in self.cells.items() if rr == r}

    def by_row(self) -> dict[int, dict[int, Cell]]:
        out: dict[int, dict[int, Cell]] = {}
        for (r, c), v in sorted(self.cells.items()):
            out.setdefault(r, {})[c] = v
        return out


@dataclass
class Book:
    kind: str                                  # xlsx, xls, ods, csv
    sheets: list[Sheet]
    names: dict[str, object] = field(default_factory=dict)  # defined name → text, or (sheet, row) of a range


def column_letter(col: int) -> str:
    s = ""
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def cell_name(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


def _ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})", ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


# --------------------------------------------------------------------------- what a file is


def read_book(path: Path) -> Book:
    """The sheets of ``path`` as a unit's program saved them; ``WorkbookError`` when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > LIMITS["file_mb"] * MB:
            raise WorkbookError("import.file.too_big", mb=LIMITS["file_mb"])
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError as exc:
        raise WorkbookError("import.unreadable", error=exc.strerror or str(exc)) from None
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_book(path, suffix)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_book(path, suffix)
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".et", ".numbers", ".docx", ".doc", ".pdf", ".wps") \
            or b"\x00" in head and not _utf16(head):
        if re.search(rb"<(?:html|table|!doctype html)", head[:2048], re.I):
            raise WorkbookError("import.file.html", ext=suffix or "?")
        raise WorkbookError("import.file.not_a_sheet", ext=suffix or "?")
    return _text_book(path)


def _utf16(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _ole_book(path: Path, suffix: str) -> Book:
    """An OLE2 compound file: an .xls, or an .xlsx/.docx protected with a password (Office encrypts
    into OLE2), or a Word file."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise WorkbookError("import.file.encrypted")
    if "WordDocument".encode("utf-16-le") in data:
        raise WorkbookError("import.file.not_a_sheet", ext=suffix or ".doc")
    return _xls_book(data)


# --------------------------------------------------------------------------- zip: .xlsx and .ods


class _Budget:
    """What the XML parts of one file may unpack to, in all."""

    def __init__(self) -> None:
        self.left = LIMITS["unpacked_mb"] * MB

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise WorkbookError("import.file.unpacks_too_big", mb=LIMITS["unpacked_mb"])


def _count_parts(path: Path) -> None:
    """Refuse a zip with more parts than any workbook has, from its end record, before the zip
    module reads a directory of them all."""
    with open(path, "rb") as f:
        f.seek(0, 2)
        end = f.tell()
        f.seek(max(0, end - 65_557))
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise WorkbookError("import.file.damaged", why="zip")
    (n,) = struct.unpack("<H", tail[at + 10:at + 12])
    if n == 0xFFFF or n > LIMITS["parts"] or b"PK\x06\x07" in tail[max(0, at - 20):at]:
        raise WorkbookError("import.file.too_many_parts", n=LIMITS["parts"])


def _zip_book(path: Path, suffix: str) -> Book:
    _count_parts(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookError("import.file.damaged", why=str(exc)) from None
    with zf:
        names = set(zf.namelist())
        budget = _Budget()
        try:
            if "mimetype" in names and "content.xml" in names:
                mime = zf.read("mimetype")[:200].decode("ascii", "replace").strip()
                if mime != "application/vnd.oasis.opendocument.spreadsheet":
                    raise WorkbookError("import.file.not_a_sheet", ext=suffix or ".odt")
                return _ods_book(zf, budget)
            if any(n.startswith("xl/") for n in names):
                return _xlsx_book(zf, names, budget)
        except WorkbookError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError,
                KeyError) as exc:
            # zlib errors, an encrypted part, a compression method zipfile lacks, a part the
            # directory lists but the file lacks: damaged, as far as a unit can tell
            raise WorkbookError("import.file.damaged", why=str(exc) or type(exc).__name__) from None
        except Exception as exc:  # zlib.error and kin: the part does not unpack
            raise WorkbookError("import.file.damaged", why=str(exc) or type(exc).__name__) from None
    raise WorkbookError("import.file.not_a_sheet", ext=suffix or ".zip")


def _parse(zf: zipfile.ZipFile, part: str, budget: _Budget, start, end=None, text=None) -> None:
    """Stream one XML part through expat: ``start(name, attrs)``, ``end(name)``, ``text(data)`` with
    namespace prefixes dropped. A DOCTYPE or an entity declaration is refused (a workbook has none:
    that is how entity-expansion bombs and external entities arrive); so is malformed XML."""
    from xml.parsers import expat

    info = zf.getinfo(part)
    budget.take(0)
    if info.file_size > budget.left:
        raise WorkbookError("import.file.unpacks_too_big", mb=LIMITS["unpacked_mb"])
    p = expat.ParserCreate(namespace_separator=" ")

    def doctype(*_):
        raise WorkbookError("import.file.doctype", part=part)

    p.StartDoctypeDeclHandler = doctype
    p.EntityDeclHandler = doctype
    p.ExternalEntityRefHandler = doctype
    p.StartElementHandler = lambda name, attrs: start(name.rpartition(" ")[2],
                                                      {k.rpartition(" ")[2]: v for k, v in attrs.items()})
    if end is not None:
        p.EndElementHandler = lambda name: end(name.rpartition(" ")[2])
    if text is not None:
        p.CharacterDataHandler = text
        p.buffer_text = True
    try:
        with zf.open(part) as f:
            while chunk := f.read(_CHUNK):
                budget.take(len(chunk))
                p.Parse(chunk, False)
            p.Parse(b"", True)
    except expat.ExpatError as exc:
        raise WorkbookError("import.file.bad_xml", part=part, row=exc.lineno, col=exc.offset) from None


def _check_length(value: str, where: str) -> str:
    if len(value) > LIMITS["cell_chars"]:
        raise WorkbookError("import.file.cell_too_long", cell=where, n=LIMITS["cell_chars"])
    return value


def _check_place(sheet: Sheet, row: int, col: int) -> None:
    if row > LIMITS["rows"]:
        raise WorkbookError("import.file.too_many_rows", sheet=sheet.name, n=LIMITS["rows"])
    if col > LIMITS["columns"]:
        raise WorkbookError("import.file.too_many_columns", sheet=sheet.name, n=LIMITS["columns"])


# Built-in number formats that are dates: 14-22 everywhere, 27-36 and 50-58 in Chinese, Japanese and
# Korean Excel (年月日 formats written with no numFmt of their own), 45-47 times.
_DATE_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))
_PERCENT_IDS = {9, 10}


def _format_kind(fmt_id: int, code: str | None) -> str | None:
    """'date', 'percent' or None for a cell style's number format."""
    if code is None:
        return "date" if fmt_id in _DATE_IDS else "percent" if fmt_id in _PERCENT_IDS else None
    from openpyxl.styles.numbers import is_date_format

    bare = re.sub(r'"[^"]*"|\\.', "", code)
    if "%" in bare:
        return "percent"
    return "date" if is_date_format(code) else None


def _xlsx_book(zf: zipfile.ZipFile, names: set[str], budget: _Budget) -> Book:
    def part_of(target: str, base: str) -> str:
        t = target.lstrip("/") if target.startswith("/") else f"{base}{target}"
        parts: list[str] = []
        for seg in t.split("/"):
            if seg == "..":
                if parts:
                    parts.pop()
            elif seg and seg != ".":
                parts.append(seg)
        return "/".join(parts)

    wb_part = "xl/workbook.xml"
    if "_rels/.rels" in names:
        rels: dict[str, str] = {}

        def root_rel(name, a):
            if name == "Relationship" and a.get("Type", "").endswith("/officeDocument"):
                rels["main"] = a.get("Target", "")

        _parse(zf, "_rels/.rels", budget, root_rel)
        if rels.get("main"):
            wb_part = part_of(rels["main"], "")
    base = wb_part.rpartition("/")[0] + "/"
    sheets: list[tuple[str, str]] = []  # (name, relationship id)
    defined: dict[str, object] = {}
    state = {"date1904": False, "dn": None, "buf": []}

    def wb_start(name, a):
        if name == "workbookPr":
            state["date1904"] = a.get("date1904", "0") in ("1", "true")
        elif name == "sheet":
            if len(sheets) >= LIMITS["sheets"]:
                raise WorkbookError("import.file.too_many_sheets", n=LIMITS["sheets"])
            sheets.append((a.get("name", ""), a.get("id", "")))
        elif name == "definedName":
            state["dn"], state["buf"] = a.get("name", ""), []

    def wb_end(name):
        if name == "definedName" and state["dn"]:
            defined[state["dn"]] = "".join(state["buf"])[:1000]
            state["dn"] = None

    def wb_text(data):
        if state["dn"] is not None:
            state["buf"].append(data)

    if wb_part not in names:
        raise WorkbookError("import.file.damaged", why=wb_part)
    _parse(zf, wb_part, budget, wb_start, wb_end, wb_text)
    rels_part = f"{base}_rels/{wb_part.rpartition('/')[2]}.rels"
    targets: dict[str, tuple[str, str]] = {}
    if rels_part in names:
        _parse(zf, rels_part, budget, lambda n, a: targets.__setitem__(a.get("Id", ""), (
            part_of(a.get("Target", ""), base), a.get("Type", ""))) if n == "Relationship" else None)
    strings = _shared_strings(zf, base, targets, names, budget)
    styles = _styles(zf, base, targets, names, budget)
    epoch = datetime(1904, 1, 1) if state["date1904"] else None
    out = []
    for name, rid in sheets:
        target, kind = targets.get(rid, ("", ""))
        if not kind.endswith("/worksheet") or target not in names:
            out.append(Sheet(name))  # a chart sheet, a dialog sheet: no cells
            continue
        out.append(_xlsx_sheet(zf, target, name, strings, styles, epoch, budget))
    return Book("xlsx", out, {k: _xlsx_name(v) for k, v in defined.items()})


def _xlsx_name(text: str) -> object:
    """A defined name's text: "省科技厅" (a constant) → the text; '台账'!$A$3:$S$3 → (sheet, row)."""
    t = text.strip()
    if t.startswith('"') and t.endswith('"') and len(t) >= 2:
        return t[1:-1].replace('""', '"')
    m = re.fullmatch(r"(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Za-z]{1,3}\$?(\d+)(?::.*)?", t)
    if m:
        return ((m.group(1) or "").replace("''", "'") or m.group(2), int(m.group(3)))
    return t


def _shared_strings(zf, base, targets, names, budget) -> list[str]:
    part = next((t for t, k in targets.values() if k.endswith("/sharedStrings")), f"{base}sharedStrings.xml")
    if part not in names:
        return []
    out: list[str] = []
    st = {"in_t": False, "phonetic": 0, "buf": []}

    def start(name, a):
        if name == "si":
            st["buf"] = []
        elif name == "rPh":
            st["phonetic"] += 1  # the reading of a Japanese/Chinese name: not part of the text
        elif name == "t":
            st["in_t"] = True

    def end(name):
        if name == "t":
            st["in_t"] = False
        elif name == "rPh":
            st["phonetic"] -= 1
        elif name == "si":
            text = "".join(st["buf"])
            out.append(text if len(text) <= LIMITS["cell_chars"] else _TooLong(text[:10]))

    def text(data):
        if st["in_t"] and not st["phonetic"]:
            st["buf"].append(data)

    _parse(zf, part, budget, start, end, text)
    return out


class _TooLong(str):
    """A shared string longer than a cell may be: refused where a cell uses it."""


def _styles(zf, base, targets, names, budget) -> list[str | None]:
    part = next((t for t, k in targets.values() if k.endswith("/styles")), f"{base}styles.xml")
    if part not in names:
        return []
    codes: dict[int, str] = {}
    xfs: list[int] = []
    st = {"in_xfs": False}

    def start(name, a):
        if name == "numFmt":
            with contextlib.suppress(ValueError):
                codes[int(a.get("numFmtId", "-1"))] = a.get("formatCode", "")
        elif name == "cellXfs":
            st["in_xfs"] = True
        elif name == "xf" and st["in_xfs"]:
            try:
                xfs.append(int(a.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)

    def end(name):
        if name == "cellXfs":
            st["in_xfs"] = False

    _parse(zf, part, budget, start, end)
    return [_format_kind(i, codes.get(i)) for i in xfs]


def _xlsx_sheet(zf, part, name, strings, styles, epoch, budget) -> Sheet:
    sheet = Sheet(name)
    st = {"row": 0, "col": 0, "ref": None, "t": "n", "s": 0, "v": None, "f": False, "in": None, "buf": []}

    def start(tag, a):
        if tag == "row":
            r = a.get("r")
            st["row"] = int(r) if r and r.isdigit() else st["row"] + 1
            st["col"] = 0
        elif tag == "c":
            r = a.get("r")
            try:
                st["row"], st["col"] = _ref(r) if r else (st["row"], st["col"] + 1)
            except ValueError:
                raise WorkbookError("import.file.bad_xml", part=part, row=0, col=0) from None
            st.update(t=a.get("t", "n"), v=None, f=False, buf=[])
            try:
                st["s"] = int(a.get("s", "0"))
            except ValueError:
                st["s"] = 0
        elif tag in ("v", "t"):
            st["in"], st["buf"] = tag, []
        elif tag == "f":
            st["f"] = True
        elif tag == "mergeCell":
            try:
                a1, _, b1 = a.get("ref", "").partition(":")
                (r1, c1), (r2, c2) = _ref(a1), _ref(b1 or a1)
            except ValueError:
                return
            if (r1, c1) != (r2, c2):
                sheet.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))

    def end(tag):
        if tag == "v":
            st["v"] = "".join(st["buf"])
            st["in"] = None
        elif tag == "t" and st["in"] == "t":
            st["v"] = (st["v"] or "") + "".join(st["buf"])
            st["in"] = None
        elif tag == "c":
            _xlsx_cell(sheet, st, strings, styles, epoch, part)

    def text(data):
        if st["in"] is not None:
            st["buf"].append(data)
            if len(st["buf"]) > 64 and sum(map(len, st["buf"])) > LIMITS["cell_chars"]:
                raise WorkbookError("import.file.cell_too_long", cell=f"{name}!{cell_name(st['row'], st['col'])}",
                                    n=LIMITS["cell_chars"])

    _parse(zf, part, budget, start, end, text)
    return sheet


def _xlsx_cell(sheet: Sheet, st: dict, strings, styles, epoch, part) -> None:
    raw, t, row, col = st["v"], st["t"], st["row"], st["col"]
    where = f"{sheet.name}!{cell_name(row, col)}"
    if raw is None or (raw == "" and t not in ("inlineStr", "str")):
        if st["f"]:
            _check_place(sheet, row, col)
            sheet.cells[(row, col)] = Cell(None, missing=True)
        return
    value: object
    try:
        if t == "s":
            value = strings[int(raw)]
            if isinstance(value, _TooLong):
                raise WorkbookError("import.file.cell_too_long", cell=where, n=LIMITS["cell_chars"])
        elif t in ("inlineStr", "str"):
            value = raw
        elif t == "b":
            value = raw.strip() in ("1", "true")
        elif t == "e":
            value = raw  # #DIV/0!, #N/A: shown as the unit sees it
        elif t == "d":
            value = datetime.fromisoformat(raw.strip().rstrip("Z"))
        else:
            num = float(raw)
            value = int(num) if num.is_integer() and abs(num) < 2 ** 53 else num
            kind = styles[st["s"]] if 0 <= st["s"] < len(styles) else None
            if kind == "date" and 0 <= num < 2_958_466:
                from openpyxl.utils.datetime import from_excel

                value = from_excel(num, epoch) if epoch else from_excel(num)
            elif kind == "percent":
                value = f"{num * 100:.10g}%"
    except (ValueError, IndexError, OverflowError):
        raise WorkbookError("import.file.bad_cell", cell=where) from None
    if isinstance(value, str):
        _check_length(value, where)
        if not value.strip():
            return
    _check_place(sheet, row, col)
    sheet.cells[(row, col)] = Cell(value)


# --------------------------------------------------------------------------- .ods


def _ods_book(zf: zipfile.ZipFile, budget: _Budget) -> Book:
    sheets: list[Sheet] = []
    names: dict[str, object] = {}
    st: dict = {"sheet": None, "row": 0, "col": 0, "rrep": 1, "cell": None, "p": 0, "annot": 0, "buf": [],
                "row_cells": []}

    def start(tag, a):
        if tag == "table":
            if len(sheets) >= LIMITS["sheets"]:
                raise WorkbookError("import.file.too_many_sheets", n=LIMITS["sheets"])
            st["sheet"] = Sheet(a.get("name", ""))
            sheets.append(st["sheet"])
            st["row"] = 0
        elif tag == "table-row" and st["sheet"] is not None:
            st["rrep"] = _count(a.get("number-rows-repeated"))
            st["col"], st["row_cells"] = 0, []
        elif tag in ("table-cell", "covered-table-cell") and st["sheet"] is not None:
            st["cell"] = {"a": a, "covered": tag == "covered-table-cell", "paras": [], "crep": _count(
                a.get("number-columns-repeated"))}
        elif tag == "annotation":
            st["annot"] += 1
        elif tag == "p" and st["cell"] is not None and not st["annot"]:
            st["p"] += 1
            st["buf"] = []
        elif st["p"] and not st["annot"]:
            if tag == "s":
                st["buf"].append(" " * min(_count(a.get("c")), 1000))
            elif tag == "tab":
                st["buf"].append("\t")
            elif tag == "line-break":
                st["buf"].append("\n")
        elif tag == "named-range":
            m = re.fullmatch(r"\$?'?((?:[^'.]|'')+?)'?\.\$?[A-Za-z]{1,3}\$?(\d+).*", a.get("cell-range-address", ""))
            if m:
                names[a.get("name", "")] = (m.group(1).replace("''", "'"), int(m.group(2)))
        elif tag == "named-expression":
            expr = re.sub(r"^of:=?", "", a.get("expression", "")).strip()
            names[a.get("name", "")] = _xlsx_name(expr)

    def end(tag):
        if tag == "p" and st["p"] and not st["annot"]:
            st["p"] -= 1
            st["cell"]["paras"].append("".join(st["buf"]))
            if sum(map(len, st["cell"]["paras"])) > LIMITS["cell_chars"]:
                raise WorkbookError("import.file.cell_too_long", n=LIMITS["cell_chars"],
                                    cell=f"{st['sheet'].name}!{cell_name(st['row'] + 1, st['col'] + 1)}")
        elif tag == "annotation":
            st["annot"] -= 1
        elif tag in ("table-cell", "covered-table-cell") and st["cell"] is not None:
            _ods_cell(st)
            st["cell"] = None
        elif tag == "table-row" and st["sheet"] is not None:
            sheet, first, n = st["sheet"], st["row"] + 1, st["rrep"]
            if st["row_cells"]:
                if first + n - 1 > LIMITS["rows"]:
                    raise WorkbookError("import.file.too_many_rows", sheet=sheet.name, n=LIMITS["rows"])
                for r in range(first, first + n):
                    for c, cell, span in st["row_cells"]:
                        sheet.cells[(r, c)] = cell
                        if span is not None and r == first:
                            sheet.merges.append((r, c, r + span[0] - 1, c + span[1] - 1))
            st["row"] += n
        elif tag == "table":
            st["sheet"] = None

    def text(data):
        if st["p"] and not st["annot"]:
            st["buf"].append(data)

    _parse(zf, "content.xml", budget, start, end, text)
    return Book("ods", sheets, names)


def _count(v: str | None) -> int:
    try:
        return max(1, int(v or 1))
    except ValueError:
        return 1


def _ods_cell(st: dict) -> None:
    cell, sheet = st["cell"], st["sheet"]
    a, n = cell["a"], cell["crep"]
    first = st["col"] + 1
    st["col"] += n
    if cell["covered"]:
        return
    vtype = a.get("value-type")
    text = "\n".join(cell["paras"])
    value: object = None
    try:
        if vtype in ("float", "currency"):
            num = float(a.get("value", text))
            value = int(num) if num.is_integer() and abs(num) < 2 ** 53 else num
        elif vtype == "percentage":
            value = f"{float(a.get('value', '0')) * 100:.10g}%"
        elif vtype == "date":
            raw = a.get("date-value", "")
            value = datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
        elif vtype == "boolean":
            value = a.get("boolean-value", "false") == "true"
        else:
            value = text if text.strip() else None
    except ValueError:
        value = text or None
    span = (_count(a.get("number-rows-spanned")), _count(a.get("number-columns-spanned")))
    span = span if span != (1, 1) else None
    if value is None and a.get("formula") and vtype is None:
        got = Cell(None, missing=True)
    elif value is None:
        if span is not None:  # an empty merged range still covers its cells
            st["row_cells"].append((first, Cell(None), span))
        return
    else:
        got = Cell(value)
    if first + n - 1 > LIMITS["columns"]:
        raise WorkbookError("import.file.too_many_columns", sheet=sheet.name, n=LIMITS["columns"])
    for c in range(first, first + n):
        st["row_cells"].append((c, got, span if c == first else None))


# --------------------------------------------------------------------------- .xls


def _xls_book(data: bytes) -> Book:
    """An .xls (BIFF8, Excel 97-2003) through xlrd: values with their formats (dates, percentages),
    merged ranges and defined names. xlrd keeps a formula's saved value (BIFF always has one)."""
    try:
        import xlrd
    except ImportError:  # pragma: no cover - a dependency of plancli
        raise WorkbookError("import.file.no_reader", ext=".xls") from None
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct.error … for what it cannot read
        text = str(exc)
        if "encrypted" in text.lower():
            raise WorkbookError("import.file.encrypted") from None
        raise WorkbookError("import.file.damaged", why=text or type(exc).__name__) from None
    try:
        if book.nsheets > LIMITS["sheets"]:
            raise WorkbookError("import.file.too_many_sheets", n=LIMITS["sheets"])
        sheets = [_xls_sheet(book, i) for i in range(book.nsheets)]
        names: dict[str, object] = {}
        for n in book.name_obj_list:
            res = getattr(n, "result", None)
            if res is None:
                continue
            if getattr(res, "kind", None) == xlrd.oSTRG:
                names[n.name] = str(res.value)
            elif getattr(res, "kind", None) == xlrd.oREF and res.value:
                c = res.value[0].coords
                if 0 <= c[0] < book.nsheets:
                    names[n.name] = (book.sheet_names()[c[0]], c[2] + 1)
        return Book("xls", sheets, names)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError("import.file.damaged", why=str(exc) or type(exc).__name__) from None
    finally:
        book.release_resources()


def _xls_sheet(book, i: int) -> Sheet:
    import xlrd

    sh = book.sheet_by_index(i)
    sheet = Sheet(sh.name)
    for r in range(sh.nrows):
        for c in range(sh.row_len(r)):
            cell = sh.cell(r, c)
            t, v = cell.ctype, cell.value
            if t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or (t == xlrd.XL_CELL_TEXT and not str(v).strip()):
                continue
            if r + 1 > LIMITS["rows"]:
                raise WorkbookError("import.file.too_many_rows", sheet=sh.name, n=LIMITS["rows"])
            if c + 1 > LIMITS["columns"]:
                raise WorkbookError("import.file.too_many_columns", sheet=sh.name, n=LIMITS["columns"])
            if t == xlrd.XL_CELL_DATE:
                with contextlib.suppress(ValueError, OverflowError, xlrd.xldate.XLDateError):
                    v = xlrd.xldate.xldate_as_datetime(v, book.datemode)
            elif t == xlrd.XL_CELL_NUMBER:
                fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None \
                    and cell.xf_index < len(book.xf_list) else None
                if fmt is not None and "%" in re.sub(r'"[^"]*"|\\.', "", fmt.format_str or ""):
                    v = f"{v * 100:.10g}%"
                elif float(v).is_integer() and abs(v) < 2 ** 53:
                    v = int(v)
            elif t == xlrd.XL_CELL_BOOLEAN:
                v = bool(v)
            elif t == xlrd.XL_CELL_ERROR:
                v = xlrd.error_text_from_code.get(v, "#ERR")
            elif isinstance(v, str):
                _check_length(v, f"{sh.name}!{cell_name(r + 1, c + 1)}")
            sheet.cells[(r + 1, c + 1)] = Cell(v)
    for r1, r2, c1, c2 in sh.merged_cells:  # xlrd: rows r1..r2-1, columns c1..c2-1, 0-based
        if (r2 - r1, c2 - c1) != (1, 1):
            sheet.merges.append((r1 + 1, c1 + 1, r2, c2))
    book.unload_sheet(i)
    return sheet


# --------------------------------------------------------------------------- CSV and TSV text


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without its BOM), UTF-16 with a BOM (Excel's "Unicode text"), or GB18030 (what
    Excel and WPS save as CSV on a Chinese system)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict")
    if _utf16(raw):
        return raw.decode("utf-16")
    if len(raw) >= 4 and raw[1:4:2] == b"\x00\x00" and raw[0:4:2] != b"\x00\x00":
        return raw.decode("utf-16-le")  # UTF-16 without its BOM
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _text_book(path: Path) -> Book:
    raw = path.read_bytes()
    try:
        text = _decode(raw)
    except UnicodeDecodeError:
        raise WorkbookError("import.file.encoding") from None
    if "\x00" in text:
        raise WorkbookError("import.file.not_a_sheet", ext=path.suffix.lower() or "?")
    if re.match(r"\s*<(?:html|table|!doctype html|\?xml)", text[:2048], re.I):
        raise WorkbookError("import.file.html", ext=path.suffix.lower() or "?")
    delim = _delimiter(text)
    sheet = Sheet(None)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for r, row in enumerate(reader, start=1):
            for c, v in enumerate(row, start=1):
                if not v.strip():
                    continue
                if r > LIMITS["rows"]:
                    raise WorkbookError("import.file.too_many_rows", sheet=path.name, n=LIMITS["rows"])
                if c > LIMITS["columns"]:
                    raise WorkbookError("import.file.too_many_columns", sheet=path.name, n=LIMITS["columns"])
                sheet.cells[(r, c)] = Cell(_check_length(v, cell_name(r, c)))
    except csv.Error:  # a field past csv's own limit (131072 characters), or a broken quote
        raise WorkbookError("import.file.csv", n=LIMITS["cell_chars"], row=reader.line_num) from None
    return Book("csv", [sheet])


def _delimiter(text: str) -> str:
    """Comma, tab (Excel's "Unicode text") or semicolon: the one that splits the first lines most evenly."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    best, score = ",", 0
    for d in (",", "\t", ";"):
        try:
            rows = list(csv.reader(lines, delimiter=d))
        except csv.Error:
            continue
        s = sum(len(r) > 1 for r in rows) * 1000 + sum(len(r) for r in rows)
        if s > score:
            best, score = d, s
    return best
