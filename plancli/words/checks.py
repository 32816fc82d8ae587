"""Messages of the data's own checks (``plancli.checks``: ``validate``, ``coverage``) and of drafting a
registry (``plancli.extract``).

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``; a field that is another
error (``{error}``) is said in the same language. The English is what ``validate --format json``
writes as ``problem`` (scripts and tests read it): change it only on purpose.
"""

WORDS: dict[str, tuple[str, str]] = {
    # a problem of validate as printed: file:line: [warning: ]problem
    "problem.warning": ("警告：", "warning: "),
    # validate: an entry against its source text (checks.validate.check_against_source)
    "validate.id_form": ("{id}：编号须为“<计划代码>-NNN”（计划 {plan}）", "{id}: id must be '<plan code>-NNN' (plan {plan!r})"),
    "validate.quote_elsewhere": ("{id}：原文第 {at} 行找不到引文（引文从第 {starts} 行开始）",
                                 "{id}: quote not found at source line {at} (it starts at line {starts})"),
    "validate.quote_missing": ("{id}：原文第 {at} 行找不到引文（原文中没有这段话）",
                               "{id}: quote not found at source line {at} (it does not occur in the source)"),
    "validate.line_outside_plan": ("{id}：第 {at} 行不在计划 {plan} 的范围内（第 {first}-{last} 行）",
                                   "{id}: line {at} is outside plan {plan} (lines {first}-{last})"),
    "validate.not_in_quote": ("{id}：{key}“{text}”不在引文中", "{id}: {key} {text!r} does not occur in the quote"),
    "validate.target_needs_value_text": ("{id}：量化目标须有 value_text", "{id}: a target needs value_text"),
    "validate.value_text_unreadable": ("{id}：value_text：{error}", "{id}: value_text: {error}"),
    "validate.value_mismatch": ("{id}：value {value} / value_max {value_max} 与 value_text“{value_text}”不符（应为 {reads}）",
                                "{id}: value {value} / value_max {value_max} do not match value_text {value_text!r} "
                                "(reads as {reads})"),
    "validate.unit_mismatch": ("{id}：unit“{unit}”与 value_text“{value_text}”不符（应为“{reads}”）",
                               "{id}: unit {unit!r} does not match value_text {value_text!r} (reads as {reads!r})"),
    "validate.range_comparator": ("{id}：comparator 为 range 时须是区间值，区间值也只能用 range",
                                  "{id}: comparator 'range' goes with a range value and only then"),
    "validate.target_needs_comparator": ("{id}：量化目标须有 comparator", "{id}: a target needs a comparator"),
    "validate.milestone_value_text": ("{id}：节点任务没有 value_text（应改为量化目标）",
                                      "{id}: a milestone has no value_text (make it a target)"),
    "validate.milestone_needs_deadline_text": ("{id}：节点任务须有注明期限的 deadline_text，或文中写明的 deadline",
                                               "{id}: a milestone needs the deadline_text that dates it, or the "
                                               "deadline the text states"),
    "validate.no_lead": ("{id}：没有牵头单位", "{id}: no lead unit"),
    "validate.inferred_lead": ("{id}：推定的牵头单位须是计划的统筹单位", "{id}: inferred lead units must be the plan coordinator"),
    "validate.exclusion_elsewhere": ("原文第 {at} 行找不到排除文本“{text}”（该文本从第 {starts} 行开始）",
                                     "exclusion text {text!r} not found at source line {at} (it starts at line {starts})"),
    "validate.exclusion_missing": ("原文第 {at} 行找不到排除文本“{text}”（原文中没有这段话）",
                                   "exclusion text {text!r} not found at source line {at} (it does not occur in the source)"),
    "validate.exclusion_no_reason": ("排除项没有说明理由", "exclusion without a reason"),
    "validate.coordinator_quote": ("计划 {plan}：第 {at} 行找不到 coordinator_quote",
                                   "plan {plan}: coordinator_quote not found at line {at}"),
    # validate: units and the plan period
    "validate.unit_typo": ("{id}：单位“{name}”不在单位表中；是否应为{typo}？（与已知单位只差一个字）",
                           "{id}: unit {name!r} is not in the unit table; did you mean {typo}? (one character off a known unit)"),
    "validate.unit_unknown_near": ("{id}：单位“{name}”不在单位表中；是否应为{near}？",
                                   "{id}: unit {name!r} is not in the unit table; did you mean {near}?"),
    "validate.unit_unknown": ("{id}：单位“{name}”不在单位表中；请将其加入 units.yaml",
                              "{id}: unit {name!r} is not in the unit table; add it to a units.yaml"),
    "validate.outside_period": ("{id}：期限 {date} 超出文件的计划期 {start}…{end}（如属有意，请设 outside_period: true）",
                                "{id}: deadline {date} is outside the document's period {start}…{end} "
                                "(set outside_period: true if intended)"),
    # validate: the files of a document and the ledger
    "validate.units_file_missing": ("找不到单位文件：{file}（改用随附的单位表）",
                                    "units file not found: {file} (using the shipped unit table)"),
    "validate.source_missing": ("找不到原文文件：{file}（可用 --no-source 跳过对原文的检查）",
                                "source file not found: {file} (use --no-source to skip the source checks)"),
    "validate.source_sha256": ("原文文件 {file} 与其 sha256 不符", "source file {file} does not match its sha256"),
    "validate.ledger_old_format": ("台账为旧格式（记录没有 rid）：下一次 `plancli record` 会将其改写为每行一条记录；"
                                   "请在建分支前提交该改动，以便记录能够合并（docs/team.md）",
                                   "ledger in the old format (records without rid): the next `plancli record` rewrites "
                                   "it one record per line; commit that before branching so that records merge "
                                   "(docs/team.md)"),
    # validate: the closing line (stderr)
    "validate.summary": ("{path}：{entries} 条事项，{exclusions} 条排除{docs}，{problems}{warnings}{strict}",
                         "{path}: {entries} entries, {exclusions} exclusions{docs}, {problems}{warnings}{strict}"),
    "validate.in_documents": ("，分属 {n} 个文件", " in {n} documents"),
    "validate.problems": ("{n} 个问题", "{n} problems"),
    "validate.problem_one": ("1 个问题", "1 problem"),
    "validate.warnings": ("，{n} 个警告", ", {n} warnings"),
    "validate.warning_one": ("，1 个警告", ", 1 warning"),
    "validate.strict_fails": ("（--strict：警告也算未通过）", " (--strict: warnings fail)"),
    # coverage
    "coverage.source_missing": ("找不到原文文件：{file}", "source file not found: {file}"),
    "coverage.gap": ("{source}:{line}：“{token}”不在登记表中：…{context}…",
                     "{source}:{line}: {token!r} not in the registry: …{context}…"),
    "coverage.summary": ("coverage：{plans} 个计划的 {lines} 行原文中有 {gaps} 处数字未登记",
                         "coverage: {gaps} unaccounted number(s) in {lines} source lines of {plans} plans"),
    # extract: drafting a registry from a source text
    "extract.empty": ("原文为空", "the source text is empty"),
    "extract.no_period": ("原文中没有计划期（没有“…行动计划（2024—2025年）”这样的标题，没有“到YYYY年”，没有成文日期，"
                          "也没有写明年份的时间节点）；请用 --period START:END 给出",
                          "no plan period in the text (no title like …行动计划（2024—2025年）, no 到YYYY年, no date line, "
                          "no dated step with its year); give it with --period START:END"),
    "extract.not_found": ("找不到原文文件", "source file not found"),
    "extract.is_directory": ("这是目录，不是文本文件", "is a directory, not a text file"),
    "extract.permission": ("没有读取权限", "permission denied"),
    "extract.not_utf8": ("不是 UTF-8 编码（字节 0x{byte:02x}）；请将文本转为 UTF-8",
                         "not UTF-8 (byte 0x{byte:02x}); convert the text to UTF-8"),
    "extract.period_form": ("--period“{text}”：应为 START:END，如 2024-01-01:2025-12-31 或 2024:2025",
                            "--period {text!r}: expected START:END, e.g. 2024-01-01:2025-12-31 or 2024:2025"),
    "extract.period_unreadable": ("--period“{text}”：{error}", "--period {text!r}: {error}"),
    "extract.exists": ("文件已存在；请先删除，或另选 --output", "exists already; remove it or choose another --output"),
    "extract.no_directory": ("找不到目录", "directory not found"),
    "extract.summary": ("{entries} 条待审事项，{exclusions} 条排除，{plans} 个计划",
                        "{entries} draft entries, {exclusions} exclusions, {plans} plans"),
    "extract.wrote": ("已写入 {draft}（{summary}）和 {units}", "wrote {draft} ({summary}) and {units}"),
    "extract.printed": ("{source}：{summary}", "{source}: {summary}"),
}
