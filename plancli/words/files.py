"""Files: what people read about the data files themselves — YAML that cannot be read, a ledger
line that says something impossible, a ledger that cannot be written — and the summary of the
ledger's warnings.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``. The English wording is
the wording these messages always had (scripts and tests read it); a field that is another
library's own text (PyYAML's ``problem``, the system's ``reason``) is passed on as it was written.
"""

WORDS: dict[str, tuple[str, str]] = {
    # reading a file (yamlio.reader)
    "files.not_found": ("文件不存在", "file not found"),
    "files.is_directory": ("这是一个目录，不是 YAML 文件", "is a directory, not a YAML file"),
    "files.permission_denied": ("没有读取权限", "permission denied"),
    "files.not_utf8": ("不是 UTF-8 编码（字节 0x{byte:02x}），请另存为 UTF-8",
                       "not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8"),
    # YAML the strict reader refuses (yamlio.reader, yamlio.events)
    "files.yaml.invalid": ("YAML 格式错误：{problem}", "invalid YAML: {problem}"),
    "files.yaml.tag": ("YAML 格式错误：不支持的 YAML 标签（{problem}），只允许普通数据",
                       "invalid YAML: unsupported YAML tag ({problem}); only plain data is allowed"),
    "files.yaml.merge_key": ("不允许使用 YAML 合并键（<<）", "YAML merge keys (<<) are not allowed"),
    "files.yaml.alias": ("不允许使用 YAML 锚点和别名（&id001、*id001），请逐项写出各值"
                         "（yaml.dump 时请使用 ignore_aliases 返回 True 的 Dumper）",
                         "YAML anchors/aliases (&id001, *id001) are not allowed; write each value out "
                         "(yaml.dump: use a Dumper whose ignore_aliases returns True)"),
    "files.yaml.key_not_plain": ("映射的键必须是普通值", "a mapping key must be a plain value"),
    "files.yaml.duplicate_key": ("键 {key!r} 重复（首次出现在第 {first} 行）",
                                 "duplicate key {key!r} (first at line {first})"),
    "files.yaml.too_deep": ("YAML 嵌套层数过多", "YAML nested too deeply"),
    "files.yaml.conflict": ("存在未解决的合并冲突：git 在此处留下了标记 {marker}；请解决冲突并删除标记行",
                            "unresolved merge conflict: git left the marker {marker} here; "
                            "resolve it and delete the marker lines"),
    # one ledger record as read (ledger.record)
    "files.record.not_mapping": ("每条记录必须是一个映射", "each record must be a mapping"),
    "files.record.no_id": ("记录缺少“id”", "record without an 'id'"),
    "files.record.bad_status": ("记录 {item}：状态应为 {statuses} 之一，而不是 {status!r}",
                                "record {item}: status must be one of {statuses}, not {status!r}"),
    "files.record.not_bool": ("记录 {item}：{field} 应为 true 或 false，而不是 {value!r}",
                              "record {item}: {field} must be true or false, not {value!r}"),
    "files.record.bad_date": ("记录 {item}：{field}：{problem}", "record {item}: {field}: {problem}"),
    "files.record.not_number": ("记录 {item}：{field} 应为数字，而不是 {value!r}",
                                "record {item}: {field} must be a number, not {value!r}"),
    "files.record.not_text": ("记录 {item}：{field} 应为文本，而不是{kind}",
                              "record {item}: {field} must be text, not a {kind}"),
    "files.type.dict": ("映射", "dict"),
    "files.type.list": ("列表", "list"),
    "files.record.extend_to": ("记录 {item}：{status} 记录必须有 extend_to: 日期，且只有这类记录可以有",
                               "record {item}: an {status} record needs extend_to: DATE, and only it has one"),
    "files.record.reviews": ("记录 {item}：复核决定（{status}）必须有 reviews: 记录编号，即它所决定的报结记录",
                             "record {item}: a review decision ({status}) needs reviews: RID, the claim it decides"),
    "files.record.evidence_size": ("记录 {item}：evidence_size 应为以字节计的整数，而不是 {value!r}",
                                   "record {item}: evidence_size must be a whole number of bytes, not {value!r}"),
    "files.record.recorded_at": ("记录 {item}：recorded_at {value!r} 不以日期开头；请为该记录填写 on: 日期",
                                 "record {item}: recorded_at {value!r} does not start with a date; "
                                 "give the record an on: date"),
    # the ledger file (ledger.storage)
    "files.ledger.conflict": ("存在未解决的合并冲突：git 在此处留下了标记 {marker}；请保留双方的记录行，"
                              "删除标记行（见 docs/team.md）",
                              "unresolved merge conflict: git left the marker {marker} here; keep the record "
                              "lines of both sides and delete the marker lines (see docs/team.md)"),
    "files.ledger.not_records": ("台账必须是一个含有“records:”列表的映射",
                                 "a ledger must be a mapping with a 'records:' list"),
    "files.ledger.read_only": ("台账为只读，未作任何记录（如需记录，请先恢复写权限：chmod u+w）",
                               "ledger is read-only; nothing was recorded (to record, make it writable again: chmod u+w)"),
    "files.ledger.rid_taken": ("记录编号 {rid} 已在台账中，未作任何记录",
                               "record id {rid} is already in the ledger; nothing was recorded"),
    "files.ledger.not_whole": ("内部错误：写入后的台账无法完整读回，未作任何记录",
                               "internal: the ledger would not read back whole; nothing was recorded"),
    "files.ledger.locked": ("台账正被另一进程锁定（已等待 {timeout:g} 秒）",
                            "ledger is locked by another process (waited {timeout:g}s)"),
    "files.ledger.cannot_write": ("无法写入台账：{reason}", "cannot write ledger: {reason}"),
    "files.ledger.changed": ("台账在读取期间被改动，请重新运行该命令",
                             "the ledger changed while it was being read; run the command again"),
    # the ledger's warnings summed up, one line per kind (cli.application.warn; validate lists them all)
    "files.warnings.summary": ("{problem}：共 {count} 条（{places}{more}）；plancli validate 可列出全部",
                               "{count} × {problem} ({places}{more}); plancli validate lists them all"),
    "files.warnings.more": (" 等", " …"),
    "files.summary.ledger.rid_twice": ("记录编号重复出现", "record id appears twice"),
    "files.summary.ledger.retracts_unknown": ("撤回记录所指的记录不存在", "retraction names a record the ledger does not have"),
    "files.summary.ledger.retracts_other": ("撤回记录所指的是其他事项的记录", "retraction names a record of another item"),
    "files.summary.ledger.retracts_retraction": ("撤回记录所指的本身也是撤回记录", "retraction names a retraction"),
    "files.summary.ledger.unknown_item": ("事项不在登记册中的记录，已忽略", "record for an unknown item is ignored"),
    "files.summary.ledger.ignored": ("未注明期次或期次不属于该事项的记录，已忽略",
                                     "record without its occurrence, or of one the entry does not have, is ignored"),
    "files.summary.ledger.forced_without_note": ("标注 forced: true 但未写明理由的记录",
                                                 "forced: true without a note saying why"),
    "files.summary.ledger.nothing_withdrawn": ("没有可撤回的较早记录的撤回记录",
                                               "retraction with no earlier record to withdraw"),
    "files.summary.ledger.contradicts": ("状态与实际值不符的记录，按实际值计",
                                         "status its actual value contradicts, counted as the value says"),
}
