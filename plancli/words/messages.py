"""Messages: confirmations, refusals, errors and the problems ``validate`` finds.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``.
"""

WORDS: dict[str, tuple[str, str]] = {
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
