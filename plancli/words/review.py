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
    "msg.claim_pending": ("；报结待审核（plancli review accept|return {item}）",
                          "; a claim awaiting review (plancli review accept|return {item})"),
    # the list of pending claims
    "review.col.figure": ("报结情况", "Claimed"),
    "review.col.claimed": ("报结日期", "Claimed on"),
    "review.col.waiting": ("已等待天数", "Waiting (days)"),
    "review.col.by": ("录入人", "Entered by"),
    "col.review": ("审核", "Review"),
    "col.review_note": ("审核意见", "Review note"),
    # show: the review line of an occurrence, the marks of a claim and of who entered a record
    "show.review.pending": ("{item}：待审核（{on} 报结{by}，已等待 {days} 天）",
                            "{item}: pending review (claimed {on}{by}, waiting {days} days)"),
    "show.review.accepted": ("{item}：已销号（{on}{by}{note}）", "{item}: accepted ({on}{by}{note})"),
    "show.review.returned": ("{item}：已退办（{on}{by}）：{note}", "{item}: returned ({on}{by}): {note}"),
    "show.review.by": ("，{by}", ", by {by}"),
    "show.review.note": ("；{note}", "; {note}"),
    "show.rec.claim": ("（报结）", " (claim)"),
    "show.rec.by": (" 录入人：{by}", " entered by {by}"),
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
