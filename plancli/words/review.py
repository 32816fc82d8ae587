"""审核 and 考核: the words of the review loop (报结 → 审核 → 销号 / 退办) and of ``score``.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``. Chinese reads as a 督查
office writes it: 报结, 待审核, 销号, 退办, 考核得分.
"""

WORDS: dict[str, tuple[str, str]] = {
    # the two decisions as ledger statuses (show's history, the digest's records)
    "status.accepted": ("销号", "accepted"),
    "status.returned": ("退办", "returned"),
    # where a claim stands (JSON ``review``)
    "review.pending": ("待审核", "pending review"),
    "review.accepted": ("已销号", "accepted"),
    "review.returned": ("已退办", "returned"),
    # the reasons of a light that the review adds
    "reason.review_pending": ("已报结待审核，已等待 {days} 天", "claimed done, awaiting review ({days} days)"),
    "reason.review_returned": ("已退办：{note}", "returned by review: {note}"),
    "reason.met_unclaimed": ("已达目标值，待报结", "figure meets the target, not yet claimed done"),
    # refusals of review accept / return
    "review.off": ("本登记册未要求审核：在 {registry} 中写明 review: required 后，完成或达标的记录才作为报结待审核",
                   "this registry does not ask for review: set review: required in {registry} to make a done/met "
                   "record a claim the office accepts or returns"),
    "review.off_note": ("提示：本登记册未要求审核（{registry} 未写 review: required），完成或达标即办结，没有待审核的报结",
                        "note: this registry does not ask for review ({registry} has no review: required): done/met "
                        "closes an item at once, so no claim awaits review"),
    "review.return_needs_reason": ("退办须用 --reason 写明理由，以便责任单位整改",
                                   "return needs --reason: the unit must know what to put right"),
    "review.no_claim": ("{item} 没有待审核的报结（尚无完成或达标的记录）", "{item} has no claim awaiting review "
                        "(no done or met record)"),
    "review.decided": ("{item} 的报结已于 {on} 由 {by} {decision}；如需改变决定，请先用 plancli record {item} --retract "
                       "--note “原因” 撤回该决定",
                       "the claim of {item} was decided on {on} by {by} ({decision}); to change the decision, "
                       "withdraw it first: plancli record {item} --retract --note \"why\""),
    "review.before_claim": ("--on {on} 早于报结日期 {claimed}：审核不能早于报结", "--on {on} is before the claim ({claimed}): "
                            "a claim is decided after it is made"),
    # confirmations
    "review.msg.claim": ("{on} 报结“{status}”{figure}", "claimed {status} on {on}{figure}"),
    "review.msg.figure": ("，实际值 {figure}", ", actual {figure}"),
    "review.msg.accepted": ("已销号 {item}（{claim}）：{on}，{by}{note}", "accepted {item} ({claim}): {on}, by {by}{note}"),
    "review.msg.returned": ("已退办 {item}（{claim}）：{on}，{by}{note}", "returned {item} ({claim}): {on}, by {by}{note}"),
    "review.msg.note": ("；{note}", "; {note}"),
    "review.imported_claims": ("其中 {n} 行报结完成或达标，待审核销号（plancli review）", "{n} of them claim done or met and "
                      "await review (plancli review)"),
    "msg.claim_pending": ("；报结待审核（plancli review accept|return {item}）",
                          "; a claim awaiting review (plancli review accept|return {item})"),
    # the list of pending claims
    "review.col.figure": ("报结情况", "Claimed"),
    "review.col.claimed": ("报结日期", "Claimed on"),
    "review.col.waiting": ("已等待天数", "Waiting (days)"),
    "review.col.by": ("录入人", "Entered by"),
    "col.review": ("审核", "Review"),
    "handout.col.review": ("审核情况", "Review"),
    "handout.how.review": ("“审核情况”为“待审核”的事项已报结，待审核销号，无新情况可不填；为“已退办”的，请按审核意见整改后重新填报完成情况和佐证材料。",
                           " Items marked 'pending review' have been claimed and await the office's decision: leave "
                           "them blank unless something changed. Items marked 'returned' were sent back: put right "
                           "what the reason says and report their status and evidence again."),
    "col.review_note": ("审核意见", "Review note"),
    "col.review_reason": ("退办理由", "Reason returned"),
    "bulletin.review_intro": ("本期实行审核销号：已报结待审核事项 {pending} 项，审核退办待整改事项 {returned} 项。",
                              "Claims are reviewed: {pending} await the office's decision, {returned} were returned "
                              "to be put right."),
    "report.review": ("审核情况（各牵头单位待审核、已退办事项）", "Review: claims pending and returned, per lead unit"),
    "bulletin.pending": ("待审核", "Pending review"),
    "bulletin.returned": ("已退办", "Returned"),
    "digest.review": ("待审核 {pending} 项，已退办待整改 {returned} 项。", " Claims awaiting review: {pending}; returned "
                      "to be put right: {returned}."),
    "digest.returned": ("审核退办、待整改的事项（{n} 项）", "Returned by review, to be put right ({n})"),
    # show: the review line of an occurrence, the marks of a claim and of who entered a record
    "show.review.pending": ("{item}：待审核（{on} 报结{by}，已等待 {days} 天）",
                            "{item}: pending review (claimed {on}{by}, waiting {days} days)"),
    "show.review.accepted": ("{item}：已销号（{on}{by}{note}）", "{item}: accepted ({on}{by}{note})"),
    "show.review.returned": ("{item}：已退办（{on}{by}）：{note}", "{item}: returned ({on}{by}): {note}"),
    "show.review.by": ("，{by}", ", by {by}"),
    "show.review.note": ("；{note}", "; {note}"),
    "show.rec.claim": ("（报结）", " (claim)"),
    "show.rec.decided_by": (" 审核人：{by}", " by {by}"),
    "show.rec.reason": (" 理由：{note}", " reason: {note}"),
    # the ledger's decisions that decide nothing (validate)
    "ledger.reviews_unknown": ("{item} 的审核决定指向记录 {rid}，台账中没有该记录",
                               "review decision on {item} names record {rid}, which the ledger does not have"),
    "ledger.reviews_other": ("{item} 的审核决定指向记录 {rid}，那是 {other} 的记录",
                             "review decision on {item} names record {rid}, a record of {other}"),
    "ledger.reviews_not_claim": ("{item} 的审核决定指向记录 {rid}，该记录不是报结（完成或达标）",
                                 "review decision on {item} names record {rid}, which is no claim (done or met)"),
    "ledger.reviews_twice": ("{item} 的报结 {rid} 有两个不同的审核决定（{first}、{second}），以日期较晚者为准；请撤回其一",
                             "the claim {rid} of {item} has two different decisions ({first}, {second}); the later "
                             "counts: retract one"),
    # the registry index's review: and scoring: keys
    "registry.review": ("review 须为 {choices} 之一，而非 {given!r}", "review must be one of {choices}, not {given!r}"),
    "registry.scoring_shape": ("scoring 须为映射（base、closed_on_time、missed 等，见 docs/review.md）",
                               "scoring must be a mapping (base, closed_on_time, missed, …: docs/review.md)"),
    "registry.scoring_unknown": ("scoring：没有键 {key!r}；可用的有：{known}", "scoring: unknown key {key!r}; known: {known}"),
    "registry.scoring_near": ("scoring：没有键 {key!r}；是否应为 {near}？", "scoring: unknown key {key!r}; did you mean {near}?"),
    "registry.scoring_number": ("scoring.{key} 须为分值（数字），而非 {given!r}", "scoring.{key} must be a number of points, "
                                "not {given!r}"),
    "registry.scoring_weight": ("scoring.{key} 是权重，不得为负数（{given!r}）", "scoring.{key} is a weight and must not be "
                                "negative, not {given!r}"),
}

WORDS.update({
    # score: refusals of the period
    "score.one_period": ("--year 与 --since/--until 只能选用其一", "give --year or --since/--until, not both"),
    "score.bad_year": ("--year 须为年份，如 2024，而非 {given!r}", "--year must be a year such as 2024, not {given!r}"),
    "score.since_until": ("--since 与 --until 须同时给出", "--since and --until go together"),
    "score.until_before_since": ("--until {end} 早于 --since {start}", "--until {end} is before --since {start}"),
    "score.not_begun": ("计分期间 {period} 尚未开始（今天为 {as_of}）", "the period {period} has not begun (today is {as_of})"),
    "score.needs_file": ("xlsx 格式须用 -o 指定文件", "--format xlsx needs a file: -o FILE"),
    # score: the page
    "score.title": ("{period}目标任务考核得分", "Scores: {period}"),
    "score.period.year": ("{year}年度", "{year}"),
    "score.scope.label": ("范围", "Scope"),
    "score.meta.period": ("计分期间", "Period"),
    "score.meta.as_of": ("数据截至", "As of"),
    "score.intro": ("根据{period}目标任务台账记录，按计分规则对 {units} 个单位计分，基础分 {base} 分。"
                    "最高 {top} 分（{top_units}），最低 {low} 分（{low_units}）。每一项加减分均列于“三、计分明细”，可逐项核对。",
                    "From the ledger of {period}, {units} units are scored by the rules below, from a base of {base}. "
                    "Highest: {top} ({top_units}); lowest: {low} ({low_units}). Every point is listed under "
                    "“3. Every point”, to be checked one by one."),
    "score.intro.many": ("{names}等 {n} 个单位", "{names} and {more} more"),
    "score.review_note": ("本登记册实行审核销号：完成或达标的报结经审核销号后方计为办结，待审核的暂不计分。",
                          "This registry reviews claims: an item counts as closed once its claim is accepted; claims "
                          "awaiting review score nothing yet."),
    "score.s1": ("一、各单位得分及排名", "1. Scores and ranks"),
    "score.s2": ("二、计分规则", "2. The rules"),
    "score.s3": ("三、计分明细", "3. Every point"),
    "score.rules_default": ("以下为默认规则（登记册 registry.yaml 未设 scoring:）。", "These are the default rules "
                            "(the registry index sets no scoring:)."),
    "score.rules_set": ("以下规则中 {keys} 由登记册 registry.yaml 的 scoring: 设定，其余为默认值。",
                        "Of these rules, {keys} are set by scoring: in the registry index; the others are defaults."),
    "score.rule_text": ("事项得分：期限在计分期间内的事项，牵头单位按分值×牵头权重、配合单位按分值×配合权重计分；"
                        "办结以完成或达标记录为准（实行审核的以销号为准），办结日期不晚于期限为按时办结；"
                        "期末仍未办结且已过期限的计为逾期未办结；期末以后的办结不计入本期。"
                        "报送：按报送周期（lights.report_every_days）自文件印发之日起分段，每段须报回台账或有牵头事项的进展记录，"
                        "下一段才报送的计为迟报，至下一段结束仍未报送的计为漏报，只计牵头单位。"
                        "退办、延期：按其日期计入当期，计牵头单位。名次按得分由高到低，得分相同的名次并列。",
                        "Items: an item whose deadline falls in the period scores its points × the lead weight for each "
                        "lead unit and × the support weight for each supporting unit. It is closed by a done/met record "
                        "(with review, once accepted), on time when closed by its deadline; one past its deadline and "
                        "still open at the period's end is overdue; a closing after the period's end does not count in "
                        "it. Reports: with a reporting cycle (lights.report_every_days) the time from the document's "
                        "date is cut into windows of that many days; in each, a lead unit reports by sending its workbook "
                        "back or by a record of one of its items; a report that only comes in the next window is late, none by its end is not filed; "
                        "lead units only. Returns (退办) and extensions (延期) count in the period of their date, for "
                        "the lead units. Units rank by score, highest first; equal scores share a rank."),
    "score.none": ("本期没有计分事项。", "Nothing scored in this period."),
    "score.unit_head": ("{unit}：{score} 分（名次 {rank}，{n} 项计分）", "{unit}: {score} (rank {rank}, {n} events)"),
    "score.events_sheet": ("计分明细", "Events"),
    "score.totals_sheet": ("得分", "Scores"),
    "score.rules_sheet": ("计分规则", "Rules"),
    # score: columns of the totals and the events
    "score.col.rank": ("名次", "Rank"),
    "score.col.unit": ("单位", "Unit"),
    "score.col.score": ("得分", "Score"),
    "score.col.base": ("基础分", "Base"),
    "score.col.items": ("事项得分", "Items"),
    "score.col.reports": ("报送得分", "Reports"),
    "score.col.returns": ("退办得分", "Returns"),
    "score.col.extensions": ("延期得分", "Extensions"),
    "score.col.closed_on_time": ("按时办结", "On time"),
    "score.col.closed_late": ("逾期办结", "Late"),
    "score.col.missed": ("未达标", "Missed"),
    "score.col.overdue_open": ("逾期未办结", "Overdue"),
    "score.col.pending_review": ("待审核", "Pending"),
    "score.col.report_late": ("迟报", "Reports late"),
    "score.col.report_missing": ("漏报", "Reports missing"),
    "score.col.returned": ("退办", "Returned"),
    "score.col.extended": ("延期", "Extended"),
    "score.col.role": ("身份", "Role"),
    "score.col.kind": ("计分项", "For"),
    "score.col.item": ("编号", "ID"),
    "score.col.metric": ("事项", "Item"),
    "score.col.deadline": ("期限", "Deadline"),
    "score.col.date": ("日期", "Date"),
    "score.col.days": ("天数", "Days"),
    "score.col.note": ("备注", "Note"),
    "score.col.points": ("分值", "Points"),
    "score.col.weight": ("权重", "Weight"),
    "score.col.value": ("得分", "Score"),
    "score.col.detail": ("说明", "Detail"),
    "score.col.rule": ("计分项", "Rule"),
    "score.col.key": ("键", "Key"),
    "score.role.lead": ("牵头", "lead"),
    "score.role.support": ("配合", "support"),
    # score: the rules, as a person reads them
    "score.rule.base": ("基础分", "base"),
    "score.rule.closed_on_time": ("按时办结（每项）", "closed on time (per item)"),
    "score.rule.closed_late": ("逾期办结（每项）", "closed late (per item)"),
    "score.rule.missed": ("未达标（每项）", "missed (per item)"),
    "score.rule.overdue_open": ("逾期未办结（每项）", "overdue and open (per item)"),
    "score.rule.lead_weight": ("牵头单位权重", "lead unit's weight"),
    "score.rule.support_weight": ("配合单位权重", "supporting unit's weight"),
    "score.rule.report_late": ("迟报（每次）", "report late (each)"),
    "score.rule.report_missing": ("漏报（每次）", "report not filed (each)"),
    "score.rule.returned": ("退办（每次）", "returned (each)"),
    "score.rule.extended": ("延期（每次）", "extension (each)"),
    # score: what each event is, as its detail
    "score.detail.closed_on_time": ("{date} 办结，期限 {deadline}", "closed {date}, deadline {deadline}"),
    "score.detail.closed_late": ("{date} 办结，逾期 {days} 天（期限 {deadline}）",
                                 "closed {date}, {days} days late (deadline {deadline})"),
    "score.detail.missed": ("{date} 记为未达标（期限 {deadline}）", "missed, recorded {date} (deadline {deadline})"),
    "score.detail.overdue_open": ("期限 {deadline}，期末未办结", "deadline {deadline}, still open at the period's end"),
    "score.detail.pending_review": ("{date} 报结，待审核，暂不计分", "claimed {date}, awaiting review: not scored yet"),
    "score.detail.report_late": ("{note}应于 {deadline} 前报送，{date} 才报送（迟 {days} 天）",
                                 "{note}: due {deadline}, reported {date} ({days} days late)"),
    "score.window": ("{start} 至 {end} 报送期", "reporting window {start} – {end}"),
    "score.detail.report_missing": ("{note}应于 {deadline} 前报送，未报送", "{note}: due {deadline}, not reported"),
    "score.detail.returned": ("{date} 退办：{note}", "returned {date}: {note}"),
    "score.detail.extended": ("{date} 申请延期至 {deadline}：{note}", "extension asked {date}, to {deadline}: {note}"),
})
