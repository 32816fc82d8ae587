"""Words of a draft registry (``plancli extract``): why a number is no entry, where an entry's deadline
comes from, and the draft's header.

Each entry: code → (zh, en). The draft is written in English unless the command is asked for another
language (``--lang``); its reasons stay short, as docs/registry-format.md asks. A reason ending in
“(check)”/“（请核对）” is the extractor's guess. Fields in braces are filled by ``words.say``.
"""

WORDS: dict[str, tuple[str, str]] = {
    # why a number is not an entry (extract.draft._reason)
    "extract.reason.said": ("{why}，不是目标", "{why}, not a target"),
    "extract.reason.product_standard": ("产品标准（厚度低于0.01毫米的地膜）：规定能生产、使用什么，不是目标",
                                        "a product standard (厚度低于0.01毫米的地膜): a rule on what may be made or used, "
                                        "not a target"),
    "extract.reason.row_copy": ("任务分工表重述第{line}行任务所列内容，不另立条目",
                                "the task table restates line {line}'s task: no entry of its own"),
    "extract.reason.formula": ("指标计算公式中的系数（…率=A/B×100%），不是目标",
                               "a formula's factor (…率=A/B×100%): how a rate is counted, not a target"),
    "extract.reason.title": ("文件标题中的数字（《…》、…实施方案（2024-2025年）），不是期限或目标",
                             "in a document title (《…》, …实施方案（2024-2025年）), not a deadline or target"),
    "extract.reason.quoted": ("引号中的名称或口号，不是数量", "a name or slogan in quotation marks, not a quantity"),
    "extract.reason.completion": ("完成用语（全覆盖、清零、全部…），所在句子没有草拟事项（请核对）",
                                  "a completion word (全覆盖, 清零, 全部…) of a clause that no draft entry measures (check)"),
    "extract.reason.levels": ("行政层级（市、区两级，省市县三级），不是数量",
                              "administrative levels (市、区两级, 省市县三级), not a quantity"),
    "extract.reason.cn_set": ("汉字数字表示的集合、层级或行动名称（三大领域、省市县三级），不是目标",
                              "a count in Chinese numerals naming a set, level or action (三大领域, 省市县三级), not a target"),
    "extract.reason.cn_count": ("汉字数字表示的数量，没有设定目标（请核对）",
                                "a count in Chinese numerals that sets no target (check)"),
    "extract.reason.term": ("文件所述期限（政策期限为2016年至2018年）：是计划期，不是期限",
                            "the term the text states (政策期限为2016年至2018年): the period, not a deadline"),
    "extract.reason.past_year": ("过去的年份（基数或背景），不是期限", "a past year (baseline or background), not a deadline"),
    "extract.reason.list_year": ("一年期清单自己的年份（即计划期），本身不是某一步的期限",
                                 "the year a one-year list is for (its period), no step's deadline of its own"),
    "extract.reason.year": ("未用作任何草拟事项期限的年份（请核对）", "a year that dates no drafted entry (check)"),
    "extract.reason.size_class": ("规格或级别（18MW级、千亿级），不是要达到的数量",
                                  "a size class or level (18MW级, 千亿级), not a quantity to reach"),
    "extract.reason.listed_count": ("前面所列事项的个数（A、B等3个），不是目标",
                                    "a count of the items listed before it (A、B等3个), not a target"),
    "extract.reason.designation": ("名称或技术代号的一部分（5G、IPv6），不是数量",
                                   "part of a name or technical designation (5G, IPv6), not a quantity"),
    "extract.reason.rule_term": ("规则中的年限、门槛或分值（工作满5年、每满1年积2分、最高分值为20分），不是目标",
                                 "a duration, threshold or score of a rule (工作满5年, 每满1年积2分, 最高分值为20分), "
                                 "not a target"),
    "extract.reason.rule": ("规则参数，不是目标", "a rule parameter, not a goal"),
    "extract.reason.running_total": ("累计数（新增…，总计达…），含前几步之数，不是本步目标",
                                     "a running total (新增…, 总计达…) that adds the earlier steps' figures, not this "
                                     "step's target"),
    "extract.reason.background": ("发展基础或现状部分所述的现有情况（目前共有变电站7座、2025年用电量达到…），是基数，不是目标",
                                   "where things stand, in the plan's background section (目前共有…7座, 2025年…达到…): a "
                                   "baseline, not a target"),
    "extract.reason.technical": ("技术要求附件中的规格或做法（栽植、养护、建设标准），不是目标",
                                 "a specification in an annex of technical requirements (planting, upkeep, building "
                                 "standards), not a goal"),
    "extract.reason.rule_bound": ("规则的上下限或比例（补助最高不超过30%、净高不低于2.2米、按10%-30%给予补助），不是目标",
                                  "a bound or share of a rule (最高不超过30%, 净高不低于2.2米, 按10%-30%给予补助), "
                                  "not a target"),
    "extract.reason.ordinal": ("序数（第2次会议、十九届第1次常务会议），说的是哪一次，不是数量",
                               "an ordinal (第2次会议, 十九届第1次常务会议): which meeting, not a count"),
    "extract.reason.budget": ("项目或清单的总投资（总投资额约470万元、总投资7.58亿元的县医院迁建项目），说的是项目规模，不是目标",
                              "a project's or a list's total cost (总投资额约470万元, 总投资7.58亿元的县医院迁建项目): its size, "
                              "not a target"),
    "extract.reason.funds": ("任务投入的资金（投资5000万元，提升改造公路40公里），说的是花多少钱，不是目标",
                             "the money a task is done with (投资5000万元，提升改造公路40公里): what it spends, not a target"),
    "extract.reason.descriptor": ("描述性数字（24小时服务、建市100周年），不是目标",
                                  "a descriptor (24小时服务, 100周年), not a target"),
    "extract.reason.span": ("相对时长（用3个月左右时间、2年内），不是目标",
                            "a relative span (用3个月左右时间, 2年内), not a target"),
    "extract.reason.frequency": ("例行工作的频次（每年开展2次），不是目标",
                                 "how often routine work is done (每年开展2次), not a target"),
    "extract.reason.list_size": ("所列或分解出的事项个数（细化为448项具体工作、15件民生实事“具体包括：”），不是目标",
                                 "the number of items the text lists or is broken into (细化为448项具体工作, 15件… 具体包括:), "
                                 "not a target"),
    "extract.reason.issuers": ("发文单位的个数（商务部等9部门、省卫生健康委等14部门印发），说的是谁发的文件，不是目标",
                               "the number of bodies that issued a document (商务部等9部门), who issued it, not a target"),
    "extract.reason.own_parts": ("文件自身组成部分的个数（明确133项具体任务、涉及34个牵头单位、办好10件民生实事“1.…”），不是目标",
                                 "a count of the document's own parts (its tasks, items or responsible units: 明确133项具体任务, "
                                 "涉及34个牵头单位), not a target"),
    "extract.reason.focus": ("工作重点所在的范围（以黄河、西辽河等21条河流为重点），说的是在哪些对象上做，不是目标",
                             "the scope the work focuses on (以黄河、西辽河等21条河流为重点): which things, not a target"),
    "extract.reason.estimate": ("对整份清单资金的估算及其增幅（预计投入资金2.5亿元、较2024年增长120%），不是某项任务的目标",
                                 "an estimate of what the whole list costs and its growth (预计投入资金2.5亿元, 较2024年增长"
                                 "120%), not a task's target"),
    "extract.reason.participants": ("与会或参与者的人数（69名基层议事代表和12名区人大代表），不是目标",
                                    "who took part (69名基层议事代表和12名区人大代表), not a target"),
    "extract.reason.acts": ("会议审议、批准的文件个数（决定批准这6个报告），不是目标",
                            "the number of documents a meeting approved (决定批准这6个报告), not a target"),
    "extract.reason.candidates": ("征集或候选事项的个数（收集民生实事候选项目超230项），不是选定要办的目标",
                                  "the number of candidates or proposals gathered (候选项目超230项), not a target chosen"),
    "extract.reason.monthly": ("每月的例行步骤（每月25日前报送）：台账只记每年、每季度重复的事项，未草拟，请人工登记",
                               "a monthly step (每月25日前报送): the registry recurs yearly and quarterly only, so it is not"
                               " drafted; register it by hand"),
    "extract.reason.forecast": ("对在办工作何时完成的预计（26项已完成，6项正在收尾，预计年底前全部完成），不是计划的节点",
                                "a forecast of when work under way ends (预计年底前全部完成), not a step of the plan"),
    "extract.reason.progress": ("已完成或在办事项的个数（26项已完成、6项正在抓紧收尾），是进展，不是目标",
                                "how many items are done or under way (26项已完成), progress, not a target"),
    "extract.reason.voltage": ("电压等级（10千伏线路），说的是哪一类线路，不是目标",
                               "a voltage class (10千伏线路): which lines are meant, not a target"),
    "extract.reason.where": ("施工地点的数量（在39个村改造升级线路），描述项目，不是目标",
                             "where the work is done (在39个村改造升级线路), not a target"),
    "extract.reason.site": ("项目占地（占地132亩、占地面积约5390平方米），描述项目，不是目标",
                            "the land a project takes (占地132亩), a description, not a target"),
    "extract.reason.beneficiaries": ("受益对象的数量（惠及17个乡镇、受益群众5万人、有效改善9万人口的饮水安全），不是目标",
                                     "who benefits (惠及17个乡镇, 受益群众5万人, 有效改善9万人口的…), not a target"),
    "extract.reason.scope": ("工作面向的对象数量（面向全市627所学校、75万名学生开展普法教育），说明范围，不是目标",
                             "whom the work is addressed to (面向全市627所学校、75万名学生开展…), its scope, not a target"),
    "extract.reason.sum_of_parts": ("其后“其中”逐项分解、各分项合计等于它的总量（建筑面积601.16平方米，其中：修缮…、改建…；"
                                    "安排58亿元，其中道路10亿元…），各分项才是目标",
                                    "a whole (a size or money) broken down after 其中 into parts that add up to it "
                                    "(the parts are the targets, their sum restates them)"),
    "extract.reason.spelled_out": ("“即：”之后对前一总数的展开（打造22个数字乡镇试点，即：偏关县8个乡镇全覆盖、其余13个县各1个），"
                                   "说明总数落在哪里，目标是前面的总数",
                                   "spells out the whole before 即: (22个数字乡镇试点,即:偏关县8个…、其余13个县各1个): where "
                                   "the whole falls, the whole is the target"),
    "extract.reason.share_as_count": ("括注在比例后的人数或个数（接种人数达到常住人口的40%(9986人)），是同一目标换算成的数量，不另立目标",
                                      "a count in brackets after a share (40%(9986人)): the same target as a head count, no "
                                      "entry of its own"),
    "extract.reason.share_of": ("括注在数值后的占比（完成筛查人数1480人(20%)），说明该数占总量的比例，不另立目标",
                                "a share in brackets after a figure (1480人(20%)): what part of a whole the figure is, no"
                                " target of its own"),
    "extract.reason.saying": ("以说法表述的比例（每4元就有1元用在教育），不是台账可记的数值",
                              "a share told as a saying (每4元就有1元用在教育), no value a registry holds"),
    "extract.reason.previewed": ("导语预告的指标，第{line}行另有完整表述，不另立条目",
                                 "a lead previewing the target stated on line {line}, no entry of its own"),
    "extract.reason.heading_copy": ("事项标题中的指标，其下第{line}行正文再次表述，不另立条目",
                                    "an item's heading stating the target its text states on line {line}, no entry of its own"),
    "extract.reason.restated": ("重述第{line}行已列的同一指标同一数值，不另立条目",
                                "restates the target on line {line} (the same metric and value), no entry of its own"),
    "extract.reason.report": ("句首为“截至目前”“去年以来”或计划期之前年份的已完成情况（截至目前，已完成投资12亿元），不是目标",
                              "a result reported (the sentence opens with 截至目前, 去年以来 or a year before the plan's), "
                              "not a target"),
    "extract.reason.done": ("句中写明已完成的进展（1-11月…同比增长6.3%、增加了护理型床位50张、已完成…），不是目标",
                            "progress the sentence says is done (1-11月…同比增长6.3%, 增加了护理型床位50张, 已完成…), "
                            "not a target"),
    "extract.reason.base": ("目标所依据的基础（在去年建成300个的基础上），不是目标",
                            "what the target builds on (在去年建成300个的基础上), not a target"),
    "extract.reason.annex": ("附件目录中的附件标题，不是事项", "the title of an annex in the list of annexes, not an entry"),
    "extract.reason.rate_scope": ("比率所统计对象的个数（纳入国家考核的3个断面水质优良率达到100%），说的是哪些对象，目标是比率",
                                  "the count of things a rate is measured over (纳入国家考核的3个断面水质优良率达到100%): which "
                                  "things, the rate is the target"),
    "extract.reason.threshold": ("界定计数范围的门槛（220千伏及以下输变电工程、投资500万元以上项目），不是目标",
                                 "a threshold that says which things count (220千伏及以下 works, projects of 500万元 or "
                                 "more), not a target"),
    "extract.reason.page": ("网页自身的信息（索引号、发布时间、来源、浏览次数），不是计划内容",
                            "the page's own data (index number, post time, source, views), not the plan's"),
    "extract.reason.headline": ("网页标题，复述下面的正文，不另作事项", "the page's headline, restating the text below it"),
    "extract.reason.year_named": ("所述事物的年份（2023年是…之年、将2022年…目标细化为…），不是期限",
                                  "the year of what the sentence describes (2023年是…之年, 将2022年…目标细化为…), "
                                  "not a deadline"),
    "extract.reason.past_event": ("已发生事项的日期（已经2023年10月13日…研究通过），不是期限",
                                  "the date of something already done (已经2023年10月13日…研究通过), not a deadline"),
    "extract.reason.baseline_cell": ("指标表的现值（基期）栏，是基数，不是目标",
                                     "a target table's baseline (现值, 基期) column: where the indicator stands, no target"),
    "extract.reason.row_number": ("表格或列表的序号", "the number of a table row or list item"),
    "extract.reason.date": ("日期（成文日期、发布时间），不是期限", "a date (of issue, of a post), not a deadline"),
    "extract.reason.descriptive": ("描述性数字或门槛，没有设定目标（请核对）",
                                   "a descriptive count or threshold, no target set on it (check)"),
    "extract.reason.yearless": ("没有年份的时间表述（10月底前、年底前）：按文件年份读出的日期是其所辖事项的期限，"
                                "或须人工登记的节点（请核对）",
                                "a year-less time phrase (10月底前, 年底前): its date, read in the document's year, is the "
                                "deadline of the entry it governs, or a milestone to register by hand (check)"),
    "extract.reason.time_word": ("未用作任何草拟事项期限的时间用语（请核对）",
                                 "a time word that governs no drafted entry (check)"),
    "extract.reason.other": ("不是本计划目标的数字（请核对）", "a number that is not a target of the plan (check)"),
    # where a drafted entry's deadline comes from (extract.draft._entry_dict)
    "extract.note.governed": ("期限取自“{phrase}”（第 {line} 行），即统领本段或本列表的时间表述",
                              "deadline from “{phrase}” (line {line}), the time phrase heading this paragraph or list"),
    "extract.note.heading": ("期限取自“{phrase}”（第 {line} 行），即上方标题或本行“完成时限”栏所写日期",
                             "deadline from “{phrase}” (line {line}), the date of the heading above or of the row's "
                             "完成时限 cell"),
    "extract.note.yearless": ("期限取自“{phrase}”，按文件年份（{year}）读出",
                              "deadline from “{phrase}”, read in the document's year ({year})"),
    "extract.note.glued_year": ("期限取自“{phrase}”，读作“{read}”（原文“年”字缺失）",
                                "deadline from “{phrase}”, read as “{read}” (the page lost the 年)"),
    "extract.note.period_end": ("原文未给出期限：取计划期末 {end}，而计划期系推断所得（{how}），请核对",
                                "no deadline in the text: the period's end {end}, and the period is INFERRED ({how}): "
                                "check it"),
    # the draft's header (extract.draft.to_yaml), comment lines of the YAML
    "extract.header": ("# 草拟登记表：由 `plancli extract` 根据 {src} 生成。每个事项都标有 `draft: true`：\n"
                       "# 请逐条对照原文审核（指标、数值、比较符、期限、单位），删除不是目标的事项，再去掉 `draft: true`。\n"
                       "# 标“（请核对）”的排除理由是程序的推测。\n"
                       "# 计划代码（pa、pb…）是占位符：首次使用前请改名（连同编号前缀）。\n",
                       "# DRAFT registry written by `plancli extract` from {src}. Every entry is marked `draft: true`:\n"
                       "# review each one against the source (metric, value, comparator, deadline, units), delete what is\n"
                       "# not a target, then remove `draft: true`. Exclusions marked \"(check)\" are the extractor's guesses.\n"
                       "# Plan codes (pa, pb, …) are placeholders: rename them (and the id prefixes) before first use.\n"),
    "extract.header.inferred": ("# 计划期 {start}:{end} 系推断所得（依据：{how}），标题中没有写明。请核对；可用 --period START:END 指定。\n",
                                "# Period {start}:{end} is INFERRED from {how}: no title states one. Check it; "
                                "--period START:END overrides it.\n"),
}
