"""督办单: the notice an office sends a unit for its red items (``plancli notice``), as HTML or docx.

What a published 督办单 carries: a title and number; the unit it goes to (承办单位), the matter
(督办事项), the date, and the 整改 date asked for; a paragraph saying what is asked — find the cause,
set out the remedy, who and by when, report it in writing by the date; the items (id, task, target,
deadline, why red, supporting units); the office's signature block (the registry's ``office:``:
name, contact, phone — a blank line to fill in when the registry has none) with the date; and a
receipt for the unit to sign (签收).

HTML uses the report's page shell (``output.report.page``: its fonts, print rules and A4 page);
docx is written with python-docx in the fonts of a 公文 (仿宋 body, 黑体 headings, 小标宋 title), so it
opens in WPS and Word as the office's own document, ready to stamp.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..registry.model import target_text
from ..words import joined, long_date, said, say, visible
from .render import html_text
from .report import deadline_cell, page

__all__ = ["Notice", "notice_html", "notice_docx", "NOTICE_FORMATS"]

NOTICE_FORMATS = ("html", "docx")
_e = html_text


@dataclass(frozen=True)
class Notice:
    unit: str
    as_of: date
    by: date  # the 整改 date asked for
    rows: Sequence[dict]  # the unit's red items (contract rows)
    office: dict = field(default_factory=dict)  # the registry's office: name, contact, phone, address
    number: str | None = None  # the notice's number (督办〔2025〕12号), when the office gives one


def _office(n: Notice, lang: str) -> str:
    return n.office.get("name") or say("notice.office_default", lang)


def _basis(n: Notice, lang: str) -> str:
    """The documents the items come from (鲁政发〔2024〕5号), in order of first mention."""
    docs = dict.fromkeys(r.get("doc") for r in n.rows if r.get("doc"))
    return joined(docs, lang) or "—"


def _body(n: Notice, lang: str) -> str:
    return say("notice.body", lang, as_of=long_date(n.as_of, lang), n=len(n.rows), by=long_date(n.by, lang),
               office=_office(n, lang))


def _cells(r: dict, lang: str) -> dict:
    return {"item": r["item"], "task": r.get("metric") or "", "target": target_text(r.get("comparator"), r.get("value_text")),
            "deadline": deadline_cell(r, lang), "reason": said(r.get("light_reason"), lang),
            "support": joined(r.get("support") or [], lang)}


COLUMNS = ("no", "item", "task", "target", "deadline", "reason", "support")

NOTICE_CSS = """
body{max-width:900px;font-size:15px}
header h1{text-align:center;font-size:30px;letter-spacing:.5em;color:#b00;margin:8px 0 2px;
 font-family:'FZXiaoBiaoSong-B05S','方正小标宋简体','STZhongsong','SimSun',serif}
header .meta{display:none}
.no{text-align:right;margin:0 0 10px;color:#333}
.rule{border:0;border-top:2px solid #b00;margin:4px 0 14px}
table.head{border-collapse:collapse;width:100%;margin-bottom:14px}
table.head th,table.head td{border:1px solid #555;padding:6px 10px;text-align:left;vertical-align:top}
table.head th{background:#f4f4f4;white-space:nowrap;width:7em}
p.body{text-indent:2em;line-height:1.9;margin:10px 0 14px}
table.items{font-size:13px}
table.items th,table.items td{border:1px solid #999}
td.c-no{text-align:center}
td.c-reason{min-width:8.5em}
.sign{margin:28px 0 0 auto;width:max-content;line-height:2}
.sign .seal{display:inline-block;min-width:10em}
.receipt{margin-top:34px;border-top:1px dashed #777;padding-top:10px;line-height:2}
.receipt span{display:inline-block;min-width:14em}
@media print{header h1{font-size:26pt}.receipt{break-inside:avoid}.sign{break-inside:avoid}}
"""


def notice_html(n: Notice, lang: str) -> str:
    """The 督办单 as one self-contained HTML page (prints on A4)."""
    heads = {c: say(f"notice.col.{c}", lang) for c in COLUMNS}
    th = "".join(f'<th class="c-{c}">{_e(heads[c])}</th>' for c in COLUMNS)
    body_rows = []
    for i, r in enumerate(n.rows, 1):
        c = _cells(r, lang)
        body_rows.append(
            f'<tr><td class="nw c-no">{i}</td><td class="nw c-item">{_e(c["item"])}</td>'
            f'<td class="c-metric">{_e(c["task"])}</td><td class="nw c-target">{_e(c["target"])}</td>'
            f'<td class="nw c-deadline">{_e(c["deadline"])}</td><td class="c-reason">{_e(c["reason"])}</td>'
            f'<td class="c-lead">{_e(c["support"])}</td></tr>')
    head = (
        '<table class="head">'
        f'<tr><th>{_e(say("notice.to", lang))}</th><td colspan="3">{_e(n.unit)}</td></tr>'
        f'<tr><th>{_e(say("notice.subject", lang))}</th><td colspan="3">'
        f'{_e(say("notice.subject_text", lang, unit=n.unit, n=len(n.rows)))}</td></tr>'
        f'<tr><th>{_e(say("notice.basis", lang))}</th><td colspan="3">{_e(_basis(n, lang))}</td></tr>'
        f'<tr><th>{_e(say("notice.date", lang))}</th><td class="nw">{_e(long_date(n.as_of, lang))}</td>'
        f'<th>{_e(say("notice.by", lang))}</th><td>{_e(say("notice.by_text", lang, date=long_date(n.by, lang)))}</td></tr>'
        "</table>")
    number = f'<p class="no">{_e(say("notice.number", lang, number=n.number))}</p>' if n.number else ""
    blank = say("notice.blank", lang)
    o = n.office
    sign = (
        '<div class="sign">'
        f'<div>{_e(say("notice.signer", lang))}：<span class="seal">{_e(o.get("name") or blank)}</span></div>'
        f'<div>{_e(say("notice.contact", lang))}：{_e(o.get("contact") or blank)}　'
        f'{_e(say("notice.phone", lang))}：{_e(o.get("phone") or blank)}</div>'
        f'<div>{_e(long_date(n.as_of, lang))}</div></div>')
    receipt = (
        f'<div class="receipt"><b>{_e(say("notice.receipt", lang))}</b><br>'
        f'<span>{_e(say("notice.receiver", lang))}：{_e(blank)}</span>'
        f'<span>{_e(say("notice.received_on", lang))}：{_e(blank)}</span></div>')
    fragments = [
        number + '<hr class="rule">' + head,
        f'<p class="body">{_e(_body(n, lang))}</p>',
        f'<div class="scroll"><table class="items"><thead><tr>{th}</tr></thead><tbody>{"".join(body_rows)}'
        "</tbody></table></div>",
        sign, receipt,
    ]
    return page(say("notice.title", lang), fragments, lang, css=NOTICE_CSS)


# --------------------------------------------------------------------------- docx

_TITLE_FONT, _BODY_FONT, _HEAD_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体"


def _font(run, name: str, size: float, bold: bool = False, color: tuple | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)
    rpr = run._element.get_or_add_rPr()  # noqa: SLF001 - python-docx's documented way to set an East Asian font
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(doc_or_cell, text: str, *, size: float = 16, font: str = _BODY_FONT, bold=False, align=None,
          indent: bool = False, color=None, space_after: float = 0):
    from docx.shared import Pt

    p = doc_or_cell.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.space_after = Pt(space_after)
    _font(p.add_run(visible(text, "\n\t")), font, size, bold, color)  # a docx refuses control characters
    return p


def _widths(table, cm: Sequence[float]) -> None:
    """Fixed column widths (Word and WPS otherwise share the width out evenly: 序号 as wide as 任务)."""
    from docx.shared import Cm

    table.autofit = False
    for col, w in zip(table.columns, cm, strict=True):  # the grid (LibreOffice, WPS) …
        col.width = Cm(w)
    for row in table.rows:  # … and each cell (Word)
        for cell, w in zip(row.cells, cm, strict=True):
            cell.width = Cm(w)


def _cell(cell, text: str, size: float = 12, bold: bool = False, font: str = _BODY_FONT) -> None:
    cell.text = ""
    _font(cell.paragraphs[0].add_run(visible(text, "\n\t")), font, size, bold)


def notice_docx(n: Notice, lang: str) -> bytes:
    """The 督办单 as a Word document (A4, 公文 margins and fonts)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    _para(doc, say("notice.title", lang), size=22, font=_TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER,
          color=(0xB0, 0, 0), space_after=6)
    if n.number:
        _para(doc, say("notice.number", lang, number=n.number), size=14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    head = doc.add_table(rows=4, cols=4)
    head.style = "Table Grid"
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = head.rows
    _cell(cells[0].cells[0], say("notice.to", lang), bold=True, font=_HEAD_FONT)
    merged = cells[0].cells[1].merge(cells[0].cells[3])
    _cell(merged, n.unit)
    _cell(cells[1].cells[0], say("notice.subject", lang), bold=True, font=_HEAD_FONT)
    _cell(cells[1].cells[1].merge(cells[1].cells[3]), say("notice.subject_text", lang, unit=n.unit, n=len(n.rows)))
    _cell(cells[2].cells[0], say("notice.basis", lang), bold=True, font=_HEAD_FONT)
    _cell(cells[2].cells[1].merge(cells[2].cells[3]), _basis(n, lang))
    _cell(cells[3].cells[0], say("notice.date", lang), bold=True, font=_HEAD_FONT)
    _cell(cells[3].cells[1], long_date(n.as_of, lang))
    _cell(cells[3].cells[2], say("notice.by", lang), bold=True, font=_HEAD_FONT)
    _cell(cells[3].cells[3], say("notice.by_text", lang, date=long_date(n.by, lang)))
    _widths(head, (2.6, 5.2, 2.6, 5.2))  # the text width of A4 with 公文 margins: 15.6 cm
    _para(doc, _body(n, lang), size=16, indent=True, space_after=6)
    items = doc.add_table(rows=1, cols=len(COLUMNS))
    items.style = "Table Grid"
    for c, cell in zip(COLUMNS, items.rows[0].cells, strict=True):
        _cell(cell, say(f"notice.col.{c}", lang), size=10.5, bold=True, font=_HEAD_FONT)
    for i, r in enumerate(n.rows, 1):
        c = _cells(r, lang)
        row = items.add_row().cells
        for cell, value in zip(row, (str(i), c["item"], c["task"], c["target"], c["deadline"], c["reason"],
                                     c["support"]), strict=True):
            _cell(cell, value, size=10.5)
    _widths(items, (0.9, 2.3, 4.0, 1.8, 2.4, 2.3, 1.9))
    blank = say("notice.blank", lang)
    o = n.office
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, "", size=16)
    _para(doc, f"{say('notice.signer', lang)}：{o.get('name') or blank}", align=right)
    _para(doc, f"{say('notice.contact', lang)}：{o.get('contact') or blank}　"
               f"{say('notice.phone', lang)}：{o.get('phone') or blank}", align=right)
    _para(doc, long_date(n.as_of, lang), align=right)
    _para(doc, "", size=16)
    _para(doc, say("notice.receipt", lang), font=_HEAD_FONT, size=14)
    _para(doc, f"{say('notice.receiver', lang)}：{blank}　　{say('notice.received_on', lang)}：{blank}", size=14)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
