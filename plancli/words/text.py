"""Messages of the readers of text (``plancli.text``): numerals, deadline phrases, dates typed on the
command line, quantities and target phrases, figures typed into ``record``.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``; a field that is another
error (``{error}``, ``{why}``) is said in the same language.
"""

WORDS: dict[str, tuple[str, str]] = {
    # text.numerals
    "numeral.unreadable": ("无法识别数字“{text}”", "cannot read Chinese numeral {text!r}"),
    # text.deadline: the phrase and the context it is read in
    "deadline.period_backwards": ("计划期结束日（{end}）早于开始日（{start}）",
                                  "plan period ends ({end}) before it starts ({start})"),
    "deadline.empty": ("期限表述为空", "empty deadline phrase"),
    "deadline.implausible_year": ("年份“{text}”不合理", "implausible year {text!r}"),
    "deadline.impossible_month": ("{year}年没有{month}月", "impossible month {month} in {year}"),
    "deadline.impossible_day": ("日期 {year}-{month}-{day} 不存在", "impossible date {year}-{month}-{day}: {why}"),
    "deadline.impossible_date": ("日期“{text}”不存在", "impossible date {text!r}: {why}"),
    "deadline.impossible_in": ("“{text}”：{error}", "{error} in {text!r}"),
    "deadline.impossible_date_in": ("“{text}”中的日期不存在", "impossible date in {text!r}: {why}"),
    "deadline.not_a_date": ("“{text}”不是日期（应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD）",
                            "not a date: {text!r} (expected YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)"),
    "deadline.festival_year": ("“{text}”：不知道{year}年春节的日期（可读 2000–2040 年）",
                               "no Spring Festival date known for {year} in {text!r} (2000-2040 are read)"),
    "deadline.ambiguous": ("有两种读法：是到期末，还是在开始之前？", "ambiguous: the end of it, or before it starts?"),
    "deadline.no_year": ("“{text}”没有年份：请给出文件日期（--doc-date）或 --year",
                         "{text!r} has no year: give the document date (--doc-date) or --year"),
    "deadline.context_year": ("读取“{text}”的年份 {year} 不合理", "implausible context year {year} for {text!r}"),
    "deadline.needs_period": ("“{text}”{what}：请给出计划期（--start/--end）",
                              "{text!r} {what}: give the plan period (--start/--end)"),
    "deadline.recurs_yearly": ("在计划期内每年重复", "recurs every year of the plan period"),
    "deadline.recurs_quarterly": ("在计划期内每季度重复", "recurs every quarter of the plan period"),
    "deadline.recurs_half_yearly": ("在计划期内每半年重复", "recurs every half-year of the plan period"),
    "deadline.counts_from_start": ("从计划期开始计算", "counts from the start of the plan period"),
    "deadline.no_occurrence": ("“{text}”在计划期 {start}…{end} 内没有到期日",
                               "{text!r} has no occurrence inside the plan period {start}…{end}"),
    "deadline.unreadable": ("无法识别期限表述“{text}”", "cannot read deadline phrase {text!r}"),
    "deadline.unreadable_why": ("无法识别期限表述“{text}”：{why}", "cannot read deadline phrase {text!r}: {why}"),
    "deadline.why_schedule": ("只识别每年、每半年和每季度的周期", "only yearly, half-yearly and quarterly schedules are read"),
    "deadline.why_start": ("它表示起点，不是期限", "it marks a start, not a deadline"),
    "deadline.why_undated": ("它没有给出日期", "it names no date"),
    "deadline.why_span": ("年限不合理", "implausible span"),
    "deadline.why_backwards": ("起止顺序颠倒", "the range runs backwards"),
    # text.dates: dates and spans typed on the command line
    "dates.bad_span": ("无法识别时长“{text}”（例如 7d、2w、1m、1y，或 7天、2周）",
                       "cannot read span {text!r} (use e.g. 7d, 2w, 1m, 1y)"),
    "dates.span_too_long": ("时长“{text}”过长（最多 100 年）", "span {text!r} is too long (at most 100 years)"),
    "dates.bad_date": ("{what}：{error}", "{what}: {error}"),
    "dates.out_of_range": ("{what}：日期“{text}”超出可用范围（{first}—{last} 年）",
                           "{what}: the date {text} is out of range (years {first}-{last})"),
    "dates.not_a_day": ("无法识别日期“{text}”（示例：2024-10-31、2024年10月31日、2024年10月底）",
                        "cannot read the date {text!r} (write e.g. 2024-10-31, 2024年10月31日, 2024年10月底)"),
    # text.quantities: quantities and target phrases
    "quantity.empty": ("数值为空", "empty value"),
    "quantity.not_a_quantity": ("“{text}”不是数值", "not a quantity: {text!r}"),
    "quantity.stray_number": ("无法识别数值“{text}”：单位“{unit}”中夹有数字",
                              "cannot read quantity {text!r}: stray number in unit {unit!r}"),
    "quantity.out_of_range_in": ("“{text}”中的数字超出范围", "number out of range in {text!r}"),
    "quantity.out_of_range": ("数字超出范围：{number}", "number out of range: {number}"),
    "quantity.backwards": ("“{text}”的范围上下限颠倒", "range runs backwards in {text!r}"),
    "quantity.empty_target": ("目标表述为空", "empty target phrase"),
    "quantity.no_target": ("“{text}”中没有目标值", "no target value in {text!r}"),
    "quantity.span_outside": ("数字位置 {start}:{end} 超出文本", "number span {start}:{end} is outside the text"),
    # text.actuals: figures typed into record and read back from workbooks
    "actual.decimal_comma": ("无法识别“{text}”：“{number}”中的逗号不是千位分隔符（须每三位一组）；小数请用小数点：{fixed}",
                             "cannot read {text!r}: {number!r} has a comma that is not a thousands separator "
                             "(groups of three digits); write the decimal point: {fixed}"),
    "actual.two_signs": ("无法识别“{text}”：有两个正负号", "cannot read {text!r}: two signs"),
    "actual.ambiguous_share": ("“{text}”对应百分比目标，含义不明：如指比例 {text}，请写 {percent}%；如指 {text}%，请写 {text}%",
                               "{text!r} against a percentage target is ambiguous: write {percent}% for the "
                               "fraction {text}, or {text}% if you mean that"),
    "actual.more_than_nothing": ("无法识别“{text}”：余、多只能跟在大于 0 的数字后", "cannot read {text!r}: 余/多 follows a number above 0"),
    "actual.unit_mismatch": ("“{text}”的单位“{got}”与目标单位“{unit}”不符",
                             "unit {got!r} of {text!r} does not match the target's unit {unit!r}"),
}
