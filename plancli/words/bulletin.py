"""Words of the 通报 you can publish (issue 24): reporting (报送), the bulletin's naming and its red and
yellow items with their reasons, the notes units write, and corrections by record id.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``.
"""

WORDS: dict[str, tuple[str, str]] = {
    # two sentences (or a text and its date) one after the other: no space between in Chinese
    "punct.sentences": ("{a}{b}", "{a} {b}"),
    # import: each workbook a unit sent back is its 报送 (ledger.submissions)
    "import.submitted": ("{unit} 报送台账 {file}（填写 {n} 行），记为 {on} 报送",
                         "{unit} sent back {file} ({n} rows filled): reported on {on}"),
    "import.submitted.dry": ("{unit} 报送台账 {file}（填写 {n} 行），将记为 {on} 报送",
                             "{unit} sent back {file} ({n} rows filled): would be recorded as reported on {on}"),
    "import.submitted_already": ("{unit} 的这次报送已记录过（{file}，同一天或同一份台账），不再重复记录",
                                 "{unit}: this 报送 is already recorded ({file}: the same day or the same file)"),
    # the bulletin (output.bulletin): the ranking's reporting columns, the naming, each unit's red and
    # yellow items with what it wrote
    "bulletin.unit.support": ("配合单位", "Supporting unit"),
    "bulletin.s1.support": ("一、各配合单位推进情况排名", "1. Supporting units, ranked"),
    "bulletin.submitted_on": ("本期报送", "Reported"),
    "bulletin.last_report": ("最近报送", "Last report"),
    "bulletin.submissions": ("报送台账", "Workbooks sent"),
    "bulletin.not_reported": ("未报送", "none"),
    "bulletin.last_reported": ("最近 {on}", "last {on}"),
    "bulletin.reporting": ("{period}应报送进展的 {of} 个单位中，{n} 个单位按期报送。", "Of the {of} units owing a report for {period}, {n} reported on time."),
    "bulletin.reporting.none": ("{period}应报送进展的 {of} 个单位均未按期报送。", "None of the {of} units owing a report for {period} reported on time."),
    "bulletin.not_on_time": ("未按期报送的单位（{n} 个）：{names}。", "Not reported on time ({n}): {names}."),
    "bulletin.light": ("亮灯", "Light"),
    "col.said": ("单位说明", "What the unit says"),
    "digest.newly_red": ("本周新亮红灯事项（{start} 以来转为红灯）", "Newly red (red now, not on {start})"),
    "bulletin.said": ("单位说明", "What the unit says"),
    "bulletin.progress": ("进展情况", "Progress"),
    "bulletin.problems": ("存在问题", "Problems"),
    "bulletin.next_steps": ("下一步措施", "Next steps"),
    "bulletin.noted_on": ("（{d} 填报）", "(reported {d})"),
    "bulletin.noted_col": ("填报日期", "Reported on"),
    "bulletin.nothing_said": ("单位未说明情况", "no explanation given"),
    "bulletin.more": ("〔全文〕", " [more]"),
    "bulletin.newly_mark": ("（本期新亮）", " (new)"),
    "bulletin.unit_head": ("{no}{unit}：红灯 {red} 项、黄灯 {yellow} 项", "{no} {unit}: red {red}, yellow {yellow}"),
    "bulletin.unreported": ("未按周期报送进展的黄灯事项（{n} 项）：{ids}。", "Yellow for want of a report within the cycle ({n}): {ids}."),
    "bulletin.newly_sheet": ("本期新亮红灯事项（{n} 项）", "Newly red ({n})"),
    "bulletin.rule.naming": ("通报点名只按完整名次：并列的单位或全部点名、或都不点名；“排名靠前”只点本期有报送的单位，“排名靠后”只点有红灯、黄灯或未按期报送的单位，各不超过单位总数的三分之一且不超过 3 个。", " A bulletin names units by whole ranks only: units that share a rank are named together or not at all; 'ranked first' names only units that reported in the period, 'ranked last' only units with a red or yellow item or a report not made on time, each at most a third of the units and never more than three."),
    "bulletin.rule.reporting": ("多个牵头单位共同牵头的事项，计入每个牵头单位的事项数和亮灯数；报送计入报送的单位：单位报回台账即为该单位报送（留空的事项同样视为已报送），手工录入的进展记录计入该事项的每个牵头单位。", " An item led by several units counts in full for each of them (items and lights); a report counts for the unit that made it: a unit sending its workbook back has reported (the rows it left blank too), a record typed by hand counts for every lead unit of its item."),
    "bulletin.rule.cycle": ("报送周期为 {days} 天：截至统计日超过 {days} 天没有报送的单位为未按期报送。", " The reporting cycle is {days} days: a unit with no report in the {days} days before the bulletin's date has not reported on time."),
    # corrections by record id (record --retract --rid, show, import, validate)
    "record.rid_empty": ("--rid 为空；请给出记录编号（plancli show 编号 可查看）", "--rid is empty; give a record id (plancli show ID lists them)"),
    "record.rid_unknown": ("{item} 没有编号为 {rid} 的记录；其记录编号为：{rids}", "{item} has no record {rid}; its records are: {rids}"),
    "record.rid_other_item": ("记录 {rid} 是 {other} 的记录，不是 {item} 的", "record {rid} is a record of {other}, not of {item}"),
    "record.rid_ambiguous": ("--rid {rid} 对应多条记录：{rids}；请多写几位", "--rid {rid} names several records: {rids}; give more of it"),
    "record.rid_withdrawn": ("记录 {rid} 已于 {on} 撤回（{note}）", "record {rid} was already withdrawn on {on} ({note})"),
    "cli.rid_needs_retract": ("--rid 用于指定要撤回的记录，须与 --retract 同用", "--rid names the record to withdraw: give it with --retract"),
    "msg.retracted.actual": ("，实际值 {actual}", ", actual {actual}"),
    "msg.awaiting_close": ("；已达目标值，待销号（{deadline} 前的数值不作办结）",
                           "; the figure meets the target, awaiting 销号 (a figure before {deadline} closes nothing)"),
    "msg.retracted.to": ("，延至 {d}", " to {d}"),
    "msg.retracted.source": ("，来源：{source}", ", source: {source}"),
    "problem.note": ("提示：", "note: "),
    "ledger.retracted_twice": ("{item} 的记录 {rid} 被撤回两次（第 {first} 行已撤回），按一次计",
                               "record {rid} of {item} is withdrawn twice (already at line {first}): counted once"),
    "import.action.withdrawn": ("曾撤回，不再记录", "withdrawn earlier"),
    # show: each record of an item by its id, with who entered it
    "show.rec.rid": ("〔{rid}〕", " [{rid}]"),
    "show.rec.by": ("，录入人 {by}", ", by {by}"),
}
