"""What plancli says when it refuses hostile or broken input (docs/security.md): a path a registry
names outside the repository, text with control characters, files nested or sized past reason, a
ledger made read-only.

Each entry: code → (zh, en). A refusal never says whether a file it will not touch exists.
"""

WORDS: dict[str, tuple[str, str]] = {
    # a path a registry or document names (ledger:, documents:, source.file, units_file)
    "security.outside": ("{key} 指向登记库之外（{given}）；plancli 只读写登记库 {root} 之内的文件，请改为库内的文件",
                         "{key} {given!r} lies outside the repository {root}; plancli reads and writes only files "
                         "inside it: name a file in the repository"),
    "security.outside_folder": ("{key} 指向本文件所在目录 {root} 之外（{given}）；不在登记库（plancli init）或 git 库中的"
                                "文件只能引用其所在目录之内的文件",
                                "{key} {given!r} lies outside the folder {root}: a document outside a registry "
                                "repository (plancli init) or git work tree names files in its own folder only"),
    "security.absolute": ("{key} 是绝对路径（{given}）；请写相对于本文件所在目录的路径，登记库的每个副本才都能用",
                          "{key} {given!r} is an absolute path; write it relative to this file's folder (so it "
                          "names the same file in every clone of the repository)"),
    "security.not_a_path": ("{key} 不是可用的文件名（{given}）", "{key} {given!r} is not a usable file name"),
    # text typed into record or a 台账 cell
    "security.control_char": ("{option} 含控制字符 {char}（第 {pos} 个字符）；请删去后重试",
                              "{option} holds the control character {char} (character {pos}); remove it and "
                              "try again"),
    "import.security.control_char": ("{column}含控制字符 {char}（第 {pos} 个字符）；请删去后重新填报",
                                     "{column} holds the control character {char} (character {pos}); remove it"),
    "security.not_utf8": ("{option} 含非 UTF-8 字节（第 {pos} 个字符）；请以 UTF-8 输入",
                          "{option} holds a byte that is not UTF-8 (character {pos}); type it as UTF-8"),
    "import.security.not_utf8": ("{column}含非 UTF-8 字节（第 {pos} 个字符）", "{column} holds a byte that is not UTF-8 "
                                 "(character {pos})"),
    "security.column.file_name": ("文件名", "The file name"),
    # files read past reason
    "security.json_too_deep": ("记录嵌套过深，无法读取（台账每行应为一条扁平记录）",
                               "record nested too deeply to read (each ledger line is one flat record)"),
    "security.yaml_too_deep": ("YAML 嵌套超过 {limit} 层，不予读取", "YAML nested deeper than {limit} levels is not read"),
    "security.not_finite": ("记录 {item}：{key} 须为有限数值，而非 {given}",
                            "record {item}: {key} must be a finite number, not {given}"),
    "security.ledger_key": ("台账只能有 records: 一个键，而非 {key!r}（拼写有误的键下的记录会被忽略）",
                            "a ledger has one key, records:, not {key!r} (records under a misspelt key would be "
                            "ignored)"),
    "security.store_outside": ("佐证库 {store} 指向台账所在目录之外（符号链接？），未复制任何文件，未记录任何内容",
                               "the evidence store {store} leads outside the ledger's folder (a symlink?); nothing "
                               "was copied or recorded"),
    "security.lock_symlink": ("台账的锁文件 {lock} 是符号链接，未记录任何内容；请删除该链接",
                              "the ledger's lock file {lock} is a symlink; nothing was recorded: delete it"),
    # what validate checks beyond the schema
    "registry.at.document": ("文件信息 ", "document "),
    "security.recorded_at": ("记录 {item}：recorded_at {given!r} 不是时间（应为 2024-10-31T09:30:00+08:00 形式）",
                             "record {item}: recorded_at {given!r} is not a time (write it as "
                             "2024-10-31T09:30:00+08:00)"),
}
