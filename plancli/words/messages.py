"""Messages: confirmations, refusals, errors and the problems ``validate`` finds.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``.
"""

WORDS: dict[str, tuple[str, str]] = {
    # record: one report checked against the registry (ledger.recording); import says the same of a
    # workbook row with the import.* entry of the same name when there is one (the workbook's words)
    "record.recurs": ("{id} 为周期性事项（{deadline_text}），请记录其中一期：{items}",
                      "{id} recurs ({deadline_text}); record one occurrence: {items}"),
    "record.before_document": ("{item} 的期限 {due} 早于文件印发日期 {issued}，不是一期事项；请使用 {items} 之一",
                               "{item} fell due {due}, before the document's own date {issued}: it is not an "
                               "occurrence; use one of {items}"),
    "record.no_occurrence": ("{id} 没有“{occurrence}”这一期；请使用 {items} 之一",
                             "{id} has no occurrence {occurrence!r}; use one of {items}"),
    "record.future": ("--on {on} 晚于今天（{today}）；请记录已经发生的进展",
                      "--on {on} is in the future (today is {today}); record what has happened"),
    "record.bad_status": ("--status 须为 {choices} 之一，而非 {given!r}", "--status must be one of {choices}, not {given!r}"),
    "record.force_needs_note": ("--force 须同时用 --note 说明为何状态与数值不符仍予保留",
                                "--force needs --note saying why the status stands against the value"),
    "record.evidence_required": ("{doc} 要求“{status}”须附佐证材料：请用 --evidence 给出文字、文件或链接",
                                 "{doc} requires evidence (佐证材料) for {status}: give --evidence TEXT|PATH|URL"),
    "record.actual_on_milestone": ("{id} 是节点任务；--actual 只用于量化目标", "{id} is a milestone; --actual needs a quantified target"),
    "record.actual_unreadable": ("--actual：{error}", "--actual: {error}"),
    "record.implausible": ("--actual {actual} 是目标 {target} 的 {times} 倍，不合常理（单位或倍数有误？）；"
                           "如确无误，请加 --force --note “原因”",
                           "--actual {actual} is {times} times the target {target}: implausible (a wrong unit or "
                           "multiplier?); if it is right, add --force --note \"why\""),
    "record.contradicts": ("--status {status} 与 --actual {actual} 不符：{shown} 为目标 {target} 的 {pct}，{verdict}；"
                           "请记为 --status {suggest}，或加 --force --note “原因” 保留“{status}”",
                           "--status {status} contradicts --actual {actual}: {shown} is {pct} of the target {target}, "
                           "so it is {verdict}; record --status {suggest}, or keep {status} with --force --note \"why\""),
    "verdict.met": ("已达标", "met"),
    "verdict.not_met": ("未达标", "not met"),
    "record.extend_needs_note": ("--extend-to 须同时用 --note 说明延期理由", "--extend-to needs --note giving the reason for the extension"),
    "record.extend_not_later": ("--extend-to {to} 不晚于现行期限 {was}", "--extend-to {to} is not later than the deadline in force {was}"),
    "record.extend_too_late": ("延期申请日期 {on} 不早于期限 {was}：延期须在期限届满前申请（确需登记请加 --force）",
                               "the extension is asked on {on}, on or after the deadline {was}: 延期 is asked before "
                               "the deadline passes (give --force to record it anyway)"),
    "record.retract_needs_note": ("--retract 须同时用 --note 说明撤回理由", "--retract needs --note giving the reason"),
    "record.nothing_to_retract": ("{item} 没有可撤回的记录", "{item} has no record to retract"),
    # import: a filled 台账 read back (ledger.importing); import.record.* say record's refusals in the
    # words of a workbook row (its headings and status words, never command-line options)
    "import.refused": ("{n} 行无法记录，未导入任何数据", "{n} rows cannot be recorded; nothing was imported"),
    "import.no_file": ("文件不存在", "no such file"),
    "import.unreadable": ("无法读取：{error}", "{error}"),
    "import.not_a_workbook": ("无法作为工作簿（.xlsx）读取：{error}", "cannot read as a workbook (.xlsx): {error}"),
    "import.no_table": ("没有一个工作表同时含编号列和填报列（{zh}）",
                        "no sheet has an id column (编号/ID) and fill-in columns ({both})"),
    "import.no_id": ("该行已填写，但编号为空", "the row is filled in but its id (编号) is empty"),
    "import.no_date": ("数据截至日期为空；请填写，或导入时用 --on 日期 指定",
                       "the date the figure is as of (数据截至日期) is empty; fill it in or import with --on DATE"),
    "import.bad_date": ("数据截至日期：{error}", "as of: {error}"),
    "import.bad_status": ("完成情况“{given}”不是 {labels} 之一", "status {given!r} is not one of {labels} ({codes})"),
    "import.record.contradicts": ("完成情况“{status}”与实际值 {actual} 不符：{shown} 为目标 {target} 的 {pct}，{verdict}；"
                                  "完成情况请填“{suggest}”",
                                  "status {status} contradicts actual {actual}: {shown} is {pct} of the target {target}, "
                                  "so it is {verdict}; report status {suggest}"),
    "import.record.future": ("数据截至日期 {on} 晚于今天（{today}）；请填写已经发生的进展",
                             "as of {on} is in the future (today is {today}); record what has happened"),
    "import.record.evidence_required": ("{doc} 要求“{status}”须附佐证材料：请填写佐证材料",
                                        "{doc} requires evidence (佐证材料) for {status}: fill in 佐证材料"),
    "import.record.actual_on_milestone": ("{id} 是节点任务，实际值只用于量化目标；请清空实际值",
                                          "{id} is a milestone; actual needs a quantified target"),
    "import.record.actual_unreadable": ("实际值：{error}", "actual: {error}"),
    "import.record.implausible": ("实际值 {actual} 是目标 {target} 的 {times} 倍，不合常理（单位或倍数有误？）；请核对",
                                  "actual {actual} is {times} times the target {target}: implausible (a wrong unit or "
                                  "multiplier?); check the figure"),
    # choosing a language (output.language)
    "registry.lang": ("lang 须为 {choices} 之一，而非 {given!r}", "lang must be one of {choices}, not {given!r}"),
    "lang.unknown_in": ("{where}：不支持的语言 {given!r}，请选择 {choices}", "{where}: unknown language {given!r}; choose one of {choices}"),
    'msg.recorded': ('已记录 {item}：{status}', 'recorded {item}: {status}'),
    'msg.on': ('，日期 {on}', ' on {on}'),
    'msg.actual': ('（实际值 {actual}，为目标 {target} 的 {pct}）', ' (actual {actual}, {pct} of {target})'),
    'msg.actual_only': ('（实际值 {actual}）', ' (actual {actual})'),
    'msg.forced': ('；状态与数值不符，按说明保留：{note}', '; status kept against the value (forced): {note}'),
    'msg.counts_as': ('；按数值计为{status}', '; counts as {status}'),
    'msg.evidence': ('；佐证材料：{evidence}', '; evidence: {evidence}'),
    'msg.extended': ('已延期 {item}：期限 {was} 延至 {to}，日期 {on}（{note}）', 'extended {item}: deadline {was} moved to {to} on {on} ({note})'),
    'msg.retracted': ('已撤回 {item} 的记录：{status}，日期 {on}（{note}）', 'retracted {item}: {status} on {on} ({note})'),
    'msg.empty': ('没有符合条件的事项。', 'Nothing matches.'),
    'msg.unit_chosen': ('--unit “{text}”按“{unit}”处理（名称的一部分）', "--unit '{text}' read as {unit} (part of its name)"),
}
