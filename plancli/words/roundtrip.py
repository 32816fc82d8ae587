"""The 台账 round trip (issue 25): what ``import`` says of the files, sheets, columns and rows units
send back, the evidence store (佐证), and the fill-in columns of 延期 and 下一步措施.

Each entry: code → (zh, en). The Chinese speaks in the workbook's own words (its headings, 完成情况
rather than --status); a row's refusal of ``record`` is said by its ``import.`` entry of the same name.
"""

WORDS: dict[str, tuple[str, str]] = {
    # the fill-in columns this issue adds to the 台账 (fill.status … are in reports.py)
    "fill.next_steps": ("下一步措施", "Next steps"),
    "fill.extend_to": ("申请延期至", "Extend to"),
    "fill.extend_reason": ("延期理由", "Reason for extension"),
    "msg.evidence_file": ("；佐证材料：{name}（已存入 {path}，请随台账一并提交 git）",
                          "; evidence: {name} (kept as {path}; commit it with the ledger)"),
    "show.rec.problems": (" 存在问题：{text}", " problems: {text}"),
    "show.rec.next_steps": (" 下一步措施：{text}", " next steps: {text}"),
    "show.rec.stored": ("{name}（{path}）", "{name} ({path})"),
    "import.to": ("延至 {d}", "to {d}"),
    # the whole import refused
    "import.refused_files": ("{files} 个文件有误，未导入任何数据", "{files} file(s) cannot be read as a 台账; nothing was imported"),
    "import.refused_both": ("{files} 个文件有误，{n} 行无法记录，未导入任何数据",
                            "{files} file(s) cannot be read as a 台账 and {n} rows cannot be recorded; nothing was "
                            "imported"),
    # what import did that its reader should know (stderr, one line each)
    "import.sheets_ignored": ("未读取工作表 {sheets}（不是导出的台账表）", "sheets not read: {sheets} (not the 台账 export wrote)"),
    "import.unit_unknown": ("不知道本文件是哪个单位报送的（既无导出标记，文件名也不含单位名称），未核对各行是否属于该单位；"
                            "文件名请用单位名称（如 省科技厅.xlsx）",
                            "which unit sent this file is not known (no export marker, no unit in the file name), so "
                            "rows were not checked against the unit; name the file after the unit (省科技厅.xlsx)"),
    "import.merged_spread": ("合并单元格 {range} 的内容计入其跨越的每一行", "merged cell {range}: its value is read on every row it spans"),
    # columns of a sheet
    "import.unknown_column": ("第 {column} 列“{heading}”不是台账的列，但有内容；请改用台账的列名（{known}），或删除该列",
                              "column {column} {heading!r} is not a column of the 台账 and holds values; use a heading "
                              "of the 台账 ({known_en}) or delete the column"),
    "import.unnamed_column": ("第 {column} 列没有列名，但有内容；请填写列名或删除该列",
                              "column {column} has no heading but holds values; give it a heading or delete it"),
    "import.column_twice": ("第 {column} 列“{heading}”与“{first}”是同一列，两列都有内容；请合并为一列",
                            "column {column} {heading!r} is the same field as {first!r} and both hold values; keep one"),
    # rows
    "import.merged": ("{heading}是合并单元格 {range}，跨越多行；一个{heading}只能属于一个事项，请取消合并后逐行填写",
                      "{heading} is the merged cell {range} over several rows: it belongs to one item; unmerge it and fill "
                      "in each row"),
    "import.formula_no_value": ("单元格 {cells} 是公式但没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入",
                                "cell {cells} holds a formula saved without its value; open and save the file in Excel or "
                                "WPS first, then import it"),
    "import.other_unit": ("{item} 不是{unit}牵头或配合的事项（牵头单位：{lead}）；如确由本单位报送，导入时加 --accept-other-units",
                          "{item} is not an item {unit} leads or supports (lead: {lead}); if it is theirs to report, "
                          "import with --accept-other-units"),
    "import.twice": ("{item} 在本次导入中已于 {first} 填报，两处内容不同；同一事项只能填报一次，请删去其中一处",
                     "{item} is also reported at {first} in this import, differently; report an item once"),
    "import.extend_incomplete": ("申请延期须同时填写“申请延期至”和“延期理由”：缺“{missing}”",
                                 "an extension needs both 'Extend to' and 'Reason for extension': {missing_en} is empty"),
    "import.bad_extend_to": ("申请延期至：{error}", "extend to: {error}"),
    "import.status_extension": ("完成情况“{given}”不是完成状态；申请延期请填写“申请延期至”和“延期理由”两列",
                                "status {given!r} is not a status; to ask for an extension fill in 'Extend to' and "
                                "'Reason for extension'"),
    "import.status_sentence": ("完成情况“{given}”不是 {labels} 之一；进展说明请填在“进展情况”列",
                               "status {given!r} is not one of {labels} ({codes}); write progress into 'Progress notes'"),
    "record.contradicts_early": ("--status {status} 与 --actual {actual} 不符：{shown} 为目标 {target} 的 {pct}，{verdict}；"
                                 "期限 {due} 未到，请记为 --status {suggest}，或加 --force --note “原因” 保留“{status}”",
                                 "--status {status} contradicts --actual {actual}: {shown} is {pct} of the target "
                                 "{target}, so it is {verdict}; the deadline {due} has not passed: record --status "
                                 "{suggest}, or keep {status} with --force --note \"why\""),
    "import.record.contradicts_early": ("完成情况“{status}”与实际值 {actual} 不符：{shown} 为目标 {target} 的 {pct}，{verdict}；"
                                        "期限 {due} 未到，完成情况请填“{suggest}”",
                                        "status {status} contradicts actual {actual}: {shown} is {pct} of the target "
                                        "{target}, so it is {verdict}; the deadline {due} has not passed: report status "
                                        "{suggest}"),
    "import.record.extend_needs_note": ("申请延期须填写“延期理由”", "an extension needs a reason (Reason for extension)"),
    "import.record.extend_not_later": ("申请延期至 {to} 不晚于现行期限 {was}", "extend to {to} is not later than the deadline in force {was}"),
    "import.record.extend_too_late": ("延期申请日期 {on} 不早于期限 {was}：延期须在期限届满前申请；逾期事项请与办公室联系",
                                      "the extension is asked on {on}, on or after the deadline {was}: 延期 is asked before "
                                      "the deadline passes; speak to the office about an overdue item"),
    "import.record.recurs": ("{id} 为周期性事项（{deadline_text}），编号请写明哪一期：{items}",
                             "{id} recurs ({deadline_text}); give the occurrence in the id: {items}"),
    # the evidence store (ledger.evidence)
    "evidence.bad_limit": ("{var} 须为正数（兆字节），而非 {given!r}", "{var} must be a positive number of megabytes, not {given!r}"),
    "evidence.too_large": ("佐证文件 {file} 超过 {mb} MB 上限；大文件请用 Git LFS 保存（见 docs/roundtrip.md），或调高 "
                           "PLANCLI_EVIDENCE_MAX_MB",
                           "evidence file {file} is larger than the limit of {mb} MB; keep large files in Git LFS "
                           "(docs/roundtrip.md) or raise PLANCLI_EVIDENCE_MAX_MB"),
    "evidence.unreadable": ("无法读取佐证文件 {file}：{error}", "cannot read evidence file {file}: {error}"),
    "evidence.no_file": ("--evidence {file}：文件不存在（文件会复制进佐证库；不指向文件的文字按原样保存）",
                         "--evidence {file}: no such file (a file is copied into the evidence store; text that names "
                         "no file is kept as given)"),
    "evidence.outside": ("佐证材料“{file}”不在工作簿所在文件夹内；只能引用随工作簿一同报送的文件（同一文件夹或其子文件夹）",
                         "evidence {file!r} is not in the workbook's folder; a workbook can only name files sent with it "
                         "(its folder or below)"),
    "evidence.not_sent": ("佐证材料“{file}”未随工作簿报送：请把该文件放在工作簿所在文件夹，或改填文字说明",
                          "evidence file {file!r} was not sent with the workbook: put it in the workbook's folder, or "
                          "describe the evidence in words"),
    "evidence.changed": ("佐证文件 {file} 在导入过程中被改动；请重新导入", "evidence file {file} changed while it was imported; import again"),
    "ledger.evidence_outside": ("记录 {item}：佐证文件的路径是绝对路径或在台账目录之外，其他副本无法核对；请用 record --evidence "
                                "重新登记（文件会复制进佐证库）",
                                "record {item}: the evidence file's path is absolute or outside the ledger's directory, so "
                                "no other clone can check it; record it again with --evidence (the file is copied into "
                                "the evidence store)"),
    # a file that cannot be read as a 台账 (ledger.workbooks): the file's problem, not a row's
    "import.file.too_big": ("文件超过 {mb} MB，不是一份台账；请删去图片等内容后另存为 .xlsx",
                            "the file is larger than {mb} MB, too large for a 台账; remove pictures and save it as .xlsx"),
    "import.file.html": ("这是网页表格（HTML）改名为 {ext}，不是工作簿；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                         "this is a web page (HTML table) named {ext}, not a workbook; open it in Excel or WPS and save "
                         "it as .xlsx"),
    "import.file.not_a_sheet": ("无法作为台账读取（{ext} 不是可读取的表格格式）；请另存为 .xlsx",
                                "cannot be read as a 台账 ({ext} is not a spreadsheet plancli reads); save it as .xlsx"),
    "import.file.encrypted": ("工作簿设有打开密码（已加密）；请取消密码后另存为 .xlsx",
                              "the workbook is protected with a password (encrypted); remove the password and save it as "
                              ".xlsx"),
    "import.file.unpacks_too_big": ("工作簿解压后超过 {mb} MB（可能是压缩炸弹或已损坏）；请另存为 .xlsx",
                                    "the workbook unpacks to more than {mb} MB (a zip bomb, or damaged); save it as .xlsx"),
    "import.file.too_many_parts": ("工作簿内部文件超过 {n} 个，不是正常的台账；请另存为 .xlsx",
                                   "the workbook has more than {n} parts, not a 台账; save it as .xlsx"),
    "import.file.damaged": ("文件已损坏，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                            "the file is damaged and cannot be read ({why}); open it in Excel or WPS and save it as .xlsx"),
    "import.file.doctype": ("{part} 含 DOCTYPE 声明，不是 Excel/WPS 保存的工作簿，未读取；请另存为 .xlsx",
                            "{part} has a DOCTYPE declaration, which no spreadsheet program writes; not read; save the "
                            "file as .xlsx"),
    "import.file.bad_xml": ("{part} 第 {row} 行第 {col} 列格式错误，文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                            "{part} is malformed at line {row}, column {col} (the file may be damaged); open it in Excel "
                            "or WPS and save it as .xlsx"),
    "import.file.cell_too_long": ("单元格 {cell} 超过 {n} 个字符；请精简内容", "cell {cell} is longer than {n} characters; shorten it"),
    "import.file.too_many_rows": ("工作表“{sheet}”在第 {n} 行之后还有内容，超出台账的行数上限；请删去多余内容",
                                  "sheet {sheet!r} holds values beyond row {n}, the limit of a 台账; delete what is below"),
    "import.file.too_many_columns": ("工作表“{sheet}”在第 {n} 列之后还有内容，超出台账的列数上限；请删去多余的列",
                                     "sheet {sheet!r} holds values beyond column {n}, the limit of a 台账; delete those "
                                     "columns"),
    "import.file.too_many_sheets": ("工作簿有超过 {n} 个工作表；请只保留台账表", "the workbook has more than {n} sheets; keep the 台账"),
    "import.file.bad_cell": ("单元格 {cell} 的内容无法识别；请在 Excel 或 WPS 中打开后另存为 .xlsx",
                             "cell {cell} cannot be read; open the file in Excel or WPS and save it as .xlsx"),
    "import.file.no_reader": ("缺少读取 {ext} 的组件；请另存为 .xlsx", "no reader for {ext} is installed; save the file as .xlsx"),
    "import.file.encoding": ("文本文件既不是 UTF-8/UTF-16 也不是 GB18030 编码；请另存为 .xlsx",
                             "the text file is neither UTF-8/UTF-16 nor GB18030; save it as .xlsx"),
    "import.file.csv": ("CSV 第 {row} 行无法读取（引号不配对，或单元格超过 {n} 个字符）；请另存为 .xlsx",
                        "CSV line {row} cannot be read (an unclosed quote, or a cell longer than {n} characters); save "
                        "the file as .xlsx"),
}
