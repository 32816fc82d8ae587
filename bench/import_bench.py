"""Benchmark `plancli import` as an office meets it: a unit's filled 台账, a large one, hostile ones.

Run with ``make bench`` (after bench.py) or ``.venv/bin/python bench/import_bench.py [--repeat N]``.
Each figure is one whole child process (``plancli import … --dry-run``: start-up, reading, checks),
median wall time and the child's own peak RSS (``os.wait4``), over ``--repeat`` runs. The files are
made in a temporary directory:

* ``unit``: 省科技厅's workbook exported from the shipped registry (61 rows), every row filled;
* ``large``: a hand-made .xlsx of 5,000 filled rows (what an office's merged sheet of all units is);
* ``ods``: the same rows as .ods, with a million repeated empty rows after them (LibreOffice's way);
* ``bomb``: a 0.3 MB .xlsx whose sheet unpacks to 200 MB of empty rows (refused at 100 MB);
* ``dimension``: a sheet declaring ``A1:XFD1048576`` with a value in its last cell (refused).

The hostile files are refused (exit 2) in bounded time and memory; the figures say how bounded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANCLI = [str(Path(sys.executable).with_name("plancli"))] if Path(sys.executable).with_name("plancli").exists() \
    else [sys.executable, "-m", "plancli"]
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def run(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    t = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t, ru.ru_maxrss / 1024, p.returncode


def with_sheet(path: Path, xml: bytes) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "台账"
    wb.save(path)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, xml if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item.filename))
    tmp.replace(path)


def make(tmp: Path) -> dict[str, Path]:
    import openpyxl

    files = {}
    subprocess.run([*PLANCLI, "export", "--format", "xlsx", "--per-unit", "--unit", "省科技厅", "-o", str(tmp / "out"),
                    "--as-of", "2024-10-20", "--lang", "zh"], check=True, capture_output=True)
    wb = openpyxl.load_workbook(tmp / "out" / "省科技厅.xlsx")
    ws = wb.active
    heads = {c.value: c.column for c in ws[3]}
    for r in range(4, ws.max_row + 1):
        ws.cell(r, heads["完成情况"]).value = "进行中"
        ws.cell(r, heads["数据截至日期"]).value = "2024年10月15日"
        ws.cell(r, heads["进展情况"]).value = "按计划推进，已完成阶段性任务"
    files["unit"] = tmp / "省科技厅.xlsx"
    wb.save(files["unit"])
    ids = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    big = openpyxl.Workbook()
    sh = big.active
    sh.title = "台账"
    sh.append(["编号", "完成情况", "数据截至日期", "进展情况"])
    # every unit's rows pasted into one sheet, each item many times (the same report: "repeated")
    rows = [[ids[i % len(ids)], "进行中", "2024-10-15", "按计划推进"] for i in range(5000)]
    for row in rows:
        sh.append(row)
    files["large"] = tmp / "省科技厅-汇总.xlsx"
    big.save(files["large"])
    cells = "".join("<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p>'
                                                   "</table:table-cell>" for v in row) + "</table:table-row>"
                    for row in [["编号", "完成情况", "数据截至日期", "进展情况"], *rows])
    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="台账">{cells}<table:table-row table:number-rows-repeated="1048000">'
               '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    files["ods"] = tmp / "省科技厅.ods"
    with zipfile.ZipFile(files["ods"], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    files["bomb"] = tmp / "bomb.xlsx"
    with_sheet(files["bomb"], b"<worksheet " + NS + b"><sheetData>" + b"<row/>" * 35_000_000 + b"</sheetData></worksheet>")
    files["dimension"] = tmp / "dimension.xlsx"
    with_sheet(files["dimension"], b"<worksheet " + NS + b'><dimension ref="A1:XFD1048576"/><sheetData><row r="1">'
               b'<c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr">'
               b"<is><t>x</t></is></c></row></sheetData></worksheet>")
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--make", help=argparse.SUPPRESS)  # the files are made in a child: see below
    args = ap.parse_args()
    if args.make:
        make(Path(args.make))
        return 0
    with tempfile.TemporaryDirectory(prefix="plancli-import-bench-") as d:
        tmp = Path(d)
        # Made by a child process: Linux carries a parent's peak RSS into the rusage of the children it
        # starts later, so a parent that held the bomb's bytes would report them for every import.
        subprocess.run([sys.executable, __file__, "--make", str(tmp)], check=True)
        files = {"unit": tmp / "省科技厅.xlsx", "large": tmp / "省科技厅-汇总.xlsx", "ods": tmp / "省科技厅.ods",
                 "bomb": tmp / "bomb.xlsx", "dimension": tmp / "dimension.xlsx"}
        print(f"{'file':<10} {'size':>9} {'exit':>4} {'median s':>9} {'min s':>7} {'peak MiB':>9}")
        for name, path in files.items():
            samples = [run([*PLANCLI, "import", str(path), "--dry-run", "--accept-other-units",
                            "--progress", str(tmp / "p.yaml"), "--format", "json"], tmp) for _ in range(args.repeat)]
            times = [s[0] for s in samples]
            print(f"{name:<10} {path.stat().st_size / 1024:>7.0f}KB {samples[0][2]:>4} {statistics.median(times):>9.3f} "
                  f"{min(times):>7.3f} {max(s[1] for s in samples):>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
