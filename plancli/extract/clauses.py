"""Targets and milestones of a plan's tasks, clause by clause (for ``plancli extract``).

Every quantity (a number with a measure word: ``3.5 万家``, ``10%``, ``3—5 家``, ``1300 亿千瓦时``; and
倍增, 翻番, 过千亿, 双破千) is a target, except a rule parameter (按…的10%, 50%由省级统筹), a threshold that
defines what is counted (投资500万元以上技术改造项目1.2万个), a count of things just listed (等3个), a size
class (18MW级), what ``values.not_target_reason`` recognises (a baseline, a code, a document number, a
past achievement 已达到) and anything inside a short quotation or a 《title》. Its comparator is what
``values.parse_target`` reads in its clause (以上 ≥, 左右 ~, 以内 ≤, 突破/超过 >, 不少于 ≥, a range → range,
else =; shared along a list: 分别突破A、B, A和B左右), else the words right around it. Its deadline is the nearest time
phrase before it in the same sentence (``2024 年``, ``力争到2025年``, ``2024年6月底前``, ``每年``, ``年均``,
``两年``, ``5年内``…; ``2024年、2025年分别…A、B`` pairs in order), else the end of the plan period. A past
year (a baseline: 比2020年) and a name (三年行动) date nothing. ``A、B各N`` / ``A和B均达到N`` / ``双破千``
is one target per subject; a clause without a subject (2025年达到65%) takes the one before it.

A dated clause with no quantity is a milestone; after a dated phrase (2024年年底前，A，B，C) each
following clause up to the next time phrase or the end of the sentence is one too; 每年/两年 govern
their own clause only. A time phrase opening a goals paragraph (到2020年，… at its start, or after a goals
heading: （四）试点目标。到2020年，…) dates the clauses without a quantity of its later sentences too, and
the quote runs from it. A clause framed by 以…为龙头 or of means (通过…，依托…) belongs to the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text.deadline import Context, Deadline, DeadlineError, Period, parse_deadline
from ..text.numerals import COUNTING, MAGNITUDES, NONZERO, measure_words
from ..text.quantities import FANG_VOLUME, not_target_reason
from ..text.source import compact
from .compare import TIME_UNIT, after_cmp, before_cmp, breaks_through, comparators
from .context import (
    annex_lines,
    headlines,
    is_notice_title,
    is_signature_line,
    page_lines,
    title_line_set,
)
from .layout import GROUP, TITLE_END, Block, Doc, Plan, clause_units, is_title, sentence_subject
from .metric import METRIC_DROP, SUBJECT_SEP, cjk, each_subjects, name_of, separators, strip_times

__all__ = ["Time", "Draft", "drafts_of_plan", "forecasts", "is_formula_factor", "is_product_standard", "names_a_field",
           "names_a_list", "not_a_goal"]

_YEAR = r"(?:19|20)\d{2}"
# After a span of months, a schedule's item: the stage's work named as a noun, to the item's end (2025年1-7月，主要水体的
# 水下地形测量；: 上海's 水资源 plan, round thirty-nine's held-out set). A figure or a report's words after the span
# (1-10月，全市…增长8%, …稳中向好) make it the months a report covers.
_SCHEDULE_ITEM = (r"[，,](?![^，,。；;]*?(?:增长|下降|同比|累计|实现|达到|运行|向好|持平|回升|回落))[^，,。；;\d%％]{2,40}"
                  r"(?:[(（][^()（）]{0,12}[)）])?(?:[；;。]|$)")
# 到/至/截至 (“by”) belong to the phrase, as the registry writes it (力争到2025年); 于/在 (“at”) do not.
# (确保 governs the clause, not its date: 确保2034年底全州…实现… is registered as 2034年底 — round nineteen's 怒江; 力争 stays,
# as the shipped registry writes 力争到2025年)
_PRE = r"(?:力争|争取|计划|预计)?(?:到|至|截至|截止到|截止至|截止)?"
# A weekday in brackets after a notice's day, and the close of the working day: 2025年2月17日(星期一)下班前 is one phrase
_WEEKDAY = r"(?:[(（](?:星期|周|礼拜)[一二三四五六日天][)）])?"
# A phrase never starts inside a number (3.2024), but may after a full stop written as an ASCII point (…同比下降10%.到2024年底,
# — 普洱's 校园安全 plan, round one-hundred-and-sixth's held-out set, whose 到 had been dropped)
_OUT_OF_NUMBER = r"(?<!\d)(?<!\d\.)"
# a day whose 月 the page lost: 320日 for 3月20日, 1015日 for 10月15日 (a month, then a day of two digits)
_MONTH_DAY = r"(1[0-2]|[1-9])(0[1-9]|[12]\d|3[01])日"
_LOST_MONTH = r"(?<![\d年月.．])(?:1[0-2]|[1-9])(?:0[1-9]|[12]\d|3[01])日"  # (_MONTH_DAY without its groups, for _TIME)
# The words a campaign's stage is named by, before its months in brackets (动员部署(8月份)。, 集中整治阶段(5-7月):)
_STAGE_WORDS = ("阶段", "部署", "实施", "排查", "整改", "总结", "验收", "自查", "督查", "检查", "提升", "巩固", "启动", "准备", "评估",
                "推进", "治理", "整治", "攻坚", "宣传", "摸底", "调查", "清查", "核查", "建设", "申报", "考核")
_TIME = re.compile(
    # a span of days or months (3月20日-3月31日, 7月9日至17日, 2024年3月至6月, 5月-9月): one phrase, due when the span ends
    # (上海's 爱国卫生月, round twenty-nine: each action had been dated by its first day). A span opening with a bare month
    # number (1-10月份: the months a report covers) is none.
    # (1月至3月中旬, 9月上旬至10月中旬: a span's ends by their ten days — 黔江's 大豆玉米 plan, round sixty-five's held-out set)
    rf"{_OUT_OF_NUMBER}{_PRE}(?:{_YEAR}年)?\d{{1,2}}月(?:\d{{1,2}}[日号]|[上中下]旬)?(?:份)?\s*[—–\-~～至到]\s*(?:{_YEAR}年)?"
    rf"(?:\d{{1,2}}月(?:\d{{1,2}}[日号]|[上中下]旬)?|\d{{1,2}}[日号])(?:底|末|份)?(?:之前|以前|前)?(?![\d年])"
    # a campaign's stage by its months, the first month's 月 left to the last (2019年1至5月进行集中整治, 6至7月进行全面核查:
    # 宜昌's 清四乱, round thirty-four's held-out set) — where the work of the stage follows, not a report's figure (1-10月份增长…)
    rf"|(?<![\d.年\-—–~～至])(?:{_YEAR}年)?\d{{1,2}}[—–\-~～至到]\d{{1,2}}月(?:份)?(?=[，,]?(?:进行|开展|组织|实施|集中|全面|启动|"
    r"完成|开始|为|是)|[)）][:：]"
    # (2025年1-7月，主要水体的水下地形测量；: a schedule's item, the stage's work named as a noun after the span — 上海's
    # 水资源 plan, round thirty-nine's held-out set; a figure or a report's words after it, 1-10月，全市…增长8%, keep it none)
    rf"|{_SCHEDULE_ITEM})"
    # (①1-3月份,督促…完成…;②4-6月份,…: a schedule's circled item opening with its quarter — 谯城's 民政局 task split, round
    # forty-four's held-out set; its steps had been read as a report's months)
    rf"|(?:(?<=[①-⑳])|(?<=[(（][1-9][)）])|(?<=\x00))(?:{_YEAR}年)?\d{{1,2}}[—–\-~～至到]\d{{1,2}}月(?:份)?(?=[，,])"
    r"(?![，,][^。；;]*?(?:增长|下降|同比|环比|累计|持平|回升|回落|增速))"  # (1-4月:完成投资2亿元 — a span with a colon, the months a ledger's line covers — is
    # none; a stage's months in brackets before its colon, 集中整治阶段(5-7月):, are its dates: 松江's 清水行动, round thirty-five)
    # a year whose 年 the page lost, glued to its month (20251月20日前, 20254月8日): a date of that year
    rf"|{_OUT_OF_NUMBER}{_PRE}(?:19|20)\d{{2}}(?:1[0-2]|[1-9])月(?:\d{{1,2}}[日号])?(?:底|末)?(?:之前|以前|前)?(?![\d年])"
    # a day whose 月 the page lost (320日前, 321日至520日: 项山乡's 民兵整组 notice, round hundred-and-fourteenth's
    # held-out set — a day past 31 is no day, so the digits before the last two are its month); only before 前 or in a
    # span of such days, never a count of days (180日内, 320日)
    rf"|{_OUT_OF_NUMBER}{_PRE}{_LOST_MONTH}(?:(?:之前|以前|前)|[至到—–\-~～]{_LOST_MONTH}(?:之前|以前|前)?)"
    # (2025—2026年秋冬季: the air campaign's season, due when it ends in March — 侯马's 攻坚 plan, round eighty-four)
    rf"|{_OUT_OF_NUMBER}{_PRE}{_YEAR}年?[—–\-~～至]{_YEAR}年(?:间|期间|秋冬季(?:期间)?)?"
    # (2022年8底前: a month whose 月 the page dropped before 底 — 任城's 农产品 plan, round ninety-two's held-out set;
    # 到2022年春节前: the day before that Spring Festival — 登封's 欠薪 plan, round hundred-and-twenty-fourth's held-out set)
    rf"|{_OUT_OF_NUMBER}{_PRE}{_YEAR}年(?:\d{{1,2}}月(?:\d{{1,2}}[日号]{_WEEKDAY}|上旬|中旬|下旬)?(?:底|末|份)?|(?:1[0-2]|[1-9])(?=[底末])[底末]"
    r"|年底|年末|底|末|上半年|下半年"
    rf"|第?[一二三四1-4]季度|全年|春节(?=之前|以前|前))?(?:之前|以前|前|(?<=[日号])下班前|(?<=[)）])下班前|(?<=年)止)?"
    r"|每年(?:\d{1,2}月(?:\d{1,2}[日号]|底|末)?|年底|年末)?(?:之前|以前|前)?|年均|每季度|每个季度"
    # (a bare span names a thing where a name's words follow it: 三年治本攻坚, 三年改造计划, 三年一评估, 三年租金减免,
    # 两年为一个周期 — 获嘉's and 龙岩's 攻坚 plans, round sixty-two's held-out set; 两年新建3—5家, 用三年时间, 三年内, 未来五年
    # and the plan's own 三年行动 stay spans)
    # (平均生存周期达到5年: a value in years after a verb of reaching, no span — 重庆's 个体工商户 plan, round eighty-one:
    # its 5年 had dated the figures after it a year early)
    r"|(?:力争|争取)?(?:用)?(?<![\d.])(?<!达到)(?<!达)(?<!超过)(?<!不少于)(?<!不低于)(?:[2-9]|两|二|三|四|五)年(?:时间|内|以内|(?!治本|攻坚|改造|计划|规划|方案|一评估|一次|回头看|租金|减免|过渡期|周期|任期|为一个|专项|整治))"
    r"|(?<=未来|今后)(?:[2-9]|两|二|三|四|五)年"
    # (“三年行动”第一年应完成1900亩；第二年应完成2200亩: the plan's Nth year, read as the span of N years from its start —
    # 嘉定's and 奉贤's 违法用地 plans)
    r"|(?<=第)(?:[1-5]|一|二|三|四|五)年(?=[\u4e00-\u9fff，,])"
    # a five-year plan's term (“十四五”期间粮食生产面积稳定在170万亩以上: due when the term ends — 上海's 耕地 plan, round
    # thirty-eight's held-out set, whose 至2035年 in the sentence before had dated it)
    r"|(?:到|至)?“?十[一二三四五六]五”?(?:期间|时期|末期|期末|末)"  # (到“十四五”期末: 东莞, round eighty-nine)
    # a bare month right before the work it dates, after another dated step of its list (将于今年3月完成前期工作、6月开工建设、
    # 10月完成所有项目实施内容: 沾益's 供水 project, round eighty-one — the later months had been read as no date)
    r"|(?<=[、，,；;])(?:1[0-2]|[1-9])月(?=(?:全面|基本|全部)?(?:完成|开工|建成|竣工|启动|投用|投入使用|上线|验收|交付))"
    # year-less: 10月底前, 2月7日前, 今年年底前, 明年6月底前 (read in the document's year)
    # (今年6月前: 今年 before the month, where a year's digits may not be; 在今年12月完成: a month that a completion
    # closes, after 今年 — round eight)
    # (12月份前, 8月份前: before the month starts, as 8月前 — 平潭's 国企 plan, round hundred-and-forty-first's held-out set)
    rf"|{_PRE}(?:今年|明年|当年|本年)?(?<![\d.])(?<!\d年)(?:\d{{1,2}}月(?:底|末)(?:之前|以前|前)?|\d{{1,2}}月(?:份|\d{{1,2}}[日号])?"
    r"(?:之前|以前|前)|\d{1,2}月\d{1,2}[日号]|\d{1,2}月(?:上旬|中旬|下旬)(?:之前|以前|前)?)"
    # year-less halves and quarters, and 年内 (上半年完成…, 三季度末前…, 年内完成…: read in the document's year; round ten —
    # 前三季度 is a cumulative span, 每季度 a recurrence, N年内 a span, all read elsewhere or not at all)
    rf"|{_PRE}(?:今年|明年|当年|本年)?(?<![\d年每前第])(?:上半年|下半年|第?[一二三四]季度(?:末|底)?)(?:之前|以前|前)?"
    rf"|(?:今年|本年|当年)年内|(?<![\d一二两三四五六七八九十近每多几本今当明去])年内"
    rf"|{_PRE}(?:今年|明年|本年)\d{{1,2}}月(?=(?:份)?(?:全部|全面|基本|如期|按时)?(?:完成|建成|竣工|完工|投用))"
    # a bare month opening a task's bracketed timing, before what it closes ((11月取得明显成效，牵头考核单位：…), (6月份完成，…):
    # 包头's 数字政府 tasks, round fifty-one's held-out set): the month's end, as 11月底 is
    r"|(?<=[(（])\d{1,2}月(?:份)?(?=(?:全部|全面|基本|如期|按时)?(?:完成|建成|竣工|完工|投用|上线|取得))"
    # a bare month heading the steps after its colon (4月:制定并下发…方案; 8月份:完成…), as a 月度工作计划 sets them: the
    # month's end (泰顺's progress table, round fourteen)
    # (1-4月: — the months a report covers — is no step)
    r"|(?<![\d.年\-—–~～至])(?<!\d年)\d{1,2}月(?:份)?(?=[:：])"
    # (…9月底前完成自查,10月份省级开展抽查和评估工作: a bare month opening the clause of a step its doer then takes —
    # 湖北's 厕所革命 notice, round sixty-seven's held-out set; 1-10月份 and a month's figures stay none)
    r"|(?<=[，,；;])(?<![\d.年\-—–~～至])\d{1,2}月份?(?=[\u4e00-\u9fff]{0,6}?(?:开展|启动|组织|进行|实施|完成|召开|部署)"
    r"(?![^，,。；;]*?(?:增长|下降|同比|环比|累计|增速)))"
    # a stage's month or months in brackets after its name, closing its heading (1.动员部署(8月份)。2.组织实施(8-10月份)。,
    # 集中整治阶段（2023年8-10月）：: 平潭's 五清 plan, round hundred-and-forty-seventh's held-out set) — the stage's dates,
    # due when its last month ends; a report's months in brackets after a figure stay none
    r"|(?:" + "|".join(rf"(?<={w}[(（])" for w in _STAGE_WORDS) + rf")(?:{_YEAR}年)?\d{{1,2}}(?:月?[—–\-~～至到]\d{{1,2}})?月(?:份)?"
    r"(?=[)）](?:[。：:]|$))"  # (the heading's clause may end at the bracket: $ is its end)
    # (9月上旬:… — a stage's ten days before its colon, as a bare month's)
    r"|(?<![\d.年\-—–~～至])(?<!\d年)\d{1,2}月[上中下]旬(?=[:：])"
    rf"|{_PRE}(?:今年|明年|当年|本年)?(?<![\d每])(?:年底|年末)(?:之前|以前|前)?"
)
# After a day that is a dateline, not a deadline: the time of day (2月21日下午,…) or the event it dates (4月21日闭幕,
# 3月5日召开…会议), or a news agency's dateline (新华网贵阳4月29日电(王雪松): 贵阳, round thirty-two's held-out set).
_EVENT_AFTER = re.compile(r"(?:上午|下午|晚上|晚间|凌晨|中午|早上)[，,]?|电(?=[(（\x00\s]|讯)|(?:闭幕|开幕|召开|举行|举办|开班|揭牌|成立)(?!前|之前|以前)")
# A day whose clause tells of a meeting and what it did, with no work of the plan before it: 1月18日长宁区第十七届人民代表大会
# 第五次会议闭幕会上予以宣布 (长宁, round thirteen's leftover) — the day of an event, as 4月21日闭幕 is. (6月30日前召开推进会, with
# 前, and 6月30日完成验收 stay steps.)
_MEETING_IN = re.compile(r"(?:(?!完成|建成|实现|开工|竣工|投用|上线|出台|印发|启动|前)[^，,。；;])*?"
                         r"(?:会议|大会|常委会|会上|闭幕|开幕|发布会)(?:[^，,。；;]*?(?:宣布|公布|表决|票决|通过|审议|召开|举行))?")
# A day set apart by a comma that is a step's date, not a dateline: scheduled (计划于2024年5月31日,完成…: 梁平's 节水 plan,
# round eighty-one, its first stage's three steps had been read as a news lead's day), or the work itself after it.
_SCHEDULED_DAY = re.compile(r"(?:计划|拟|预计|力争|确保|争取)(?:于|在)?\||^[^|]*\|[\x00\s]*(?:全面|基本|全部|如期)?"
                            r"(?:完成|建成|实现|开工|竣工|上报|报送|提交|出台|印发|启动实施|投入使用)")
# Before a date that is no deadline: 已经2023年10月13日…研究通过, 已于… (a past event).
_NOT_A_DEADLINE = re.compile(r"(?:已经|已于|已在|已)$")
# After a year whose sentence states principles, not commitments: 2024年全市教育工作的总体要求是:坚持…; the thought that
# guides the year's work (2024年,全市河湖长制工作要以习近平新时代中国特色社会主义思想为指导, 湛江, round eighteen's held-out set):
# every plan's opening says so, no step is dated by it.
_PRINCIPLES_AFTER = re.compile(r"[^，,。；;:：]{0,20}?(?:总体要求|指导思想|基本原则|工作思路|总体思路|基本思路)(?:是|为)?[:：]"
                               r"|[，,\x00\s]*[^，,。；;:：]{0,24}?(?:要|须|必须|应)?(?:坚持)?以[^。；;]{1,60}?"
                               r"为(?:指导|统领|引领|指引|根本遵循)(?![^，,。；;]{0,4}(?:完成|建成|实现))")
# After a year that names a document or an order, not a deadline (round eighteen's held-out set): 发布关于湛江市2024年实施
# 河湖长制工作要点的通知 (a notice named in running text or in a page's index), 签发2025年第1号总河湖长令 (the order's number).
# 召开县委农办2025年第2次(扩大)会议 (round nineteen): the year and the ordinal name a meeting.
# (2024年印发…的通知 — a verb of issuing right after the year — is a step of the plan, and stays one)
_NAMES_DOCUMENT_AFTER = re.compile(r"(?:度)?第[\d一二三四五六七八九十]+(?:号|次)|(?!印发|出台|制定|发布|起草|完成|下发|制发)"
                                   r"[^，,。；;：:！!？?|｜\x00]{0,40}?的(?:通知|意见|决定|批复|函)(?![\u4e00-\u9fff])")
# After a time that names the period a report covers: 某镇2024年度重点工作计划二季度执行情况, 一季度推进情况 (a report's title,
# 泗洲头): what was done then, no step due then.
# (…2025年一季度市交通运输局重点工作完成情况汇总表: the report's title names its unit and work between — 淮北, round nineteen)
# (a verb between is work: 每季度报送一次工作进展情况, 每季度通报…推进落实情况 are steps — 广元, 云阳)
_REPORT_OF_TIME = re.compile(r"(?:(?!完成|实现|新建|建成|开工|启动|开展|做好|抓好|实施|建设|改造|新增|出台|底|末|前|报|通报|汇报|"
                             r"提交|上报|督|检查|一次|每)"
                             r"[^，,。；;：:！!？?\x00\d\s]){0,16}?(?:工作)?(?:执行|完成|推进|进展|落实|开展|实施)情况")
# After a year that labels the goals listed after it in the sentence: …提出2025年工作目标:农业新增节水2.7亿立方米以上;…
# (内蒙古): the year dates the figures, the clauses without a figure are the goals' wording, no steps (as a heading
# naming a year's goals is none: _GOALS_NAMED).
_GOALS_LABEL_AFTER = re.compile(r"(?:度)?[^，,。；;：:\d\x00]{0,8}?(?:目标|目标任务|指标)[:：]")
# A verb of doing after 2024年度: the year dates the step (2024年度完成改造), as 2024年度学习计划 (a plan's name) does not.
_DOING_AFTER_YEAR = re.compile(r"[，,\x00\s]*(?:内)?(?:全面|基本|力争|确保)?(?:完成|建成|实现|新建|开工|竣工|投用|上线|新增|改造|启动|出台)")
# After a year that says when a document was issued: 2025年,奉节县印发《…行动方案(2025-2027)》,落实…,构建… — the clauses
# after it say what the plan does, none is a step the year dates (round ten).
# (a comma and the issuer between: 2024年出台《…办法》 with neither is a step of the plan, and stays one)
_ISSUED_AFTER = re.compile(r"[，,][\x00\s]*[^，,。；;：:]{0,12}?(?:县|市|区|省|州|旗|镇|政府|办公室|办公厅|局|委|厅)(?:正式)?"
                           r"(?:印发|出台|发布|制定|推出)(?:了)?[\x00\s]*[《〈]")
# After a year that names a document: 2022年《政府工作报告》, 2023年区《政府工作报告》, 2024年市政府工作报告.
_DOCUMENT_AFTER = re.compile(r"[区市县省]?[《〈]|[^，,。；;：:\x00]{0,10}?(?:政府工作报告|工作报告)"
                             # a plan or a form named by its year, without quotes (编制2025年上海市燃气管道更新改造实施方案，
                             # 2.2024年生活垃圾收集站（压缩式）改造申报汇总表: 老化管道 and 压缩站, round thirty-eight's
                             # held-out set): the year of the document, no step due then
                             r"|(?!(?:全面|基本|全部)?(?:完成|建成|推进|开展|实施|启动|实现|新建|改造))"
                             r"[^，,。；;：:！!？?\x00]{2,40}?(?:实施方案|工作方案|行动方案|行动计划|工作计划|工作要点|"
                             r"汇总表|申报表|验收表|统计表|一览表)(?=[、，,。；;)）]|$)"
                             # what the year is: 2026年市花命名40周年 (白玉兰, the same set) — an anniversary, no step
                             r"|[^，,。；;：:\x00]{0,12}?\d+周年")
# After a year that names a list by its count (issue 28, round four): 确定…2024年十大民生实事项目, 2025年十五件民盼实事
# 任务分解, 2024年10项重点民生实事 — the year of the list the sentence is about, not a deadline.
_LIST_NAME_AFTER = re.compile(rf"(?:度)?(?:的)?(?:实施|办好|办理|推进|安排|开展|推出|实行|确定|集中办好|重点推进)?"
                              rf"[{NONZERO}十百\d]+(?:大|件|项|个|条)[^，,。；;：:\x00]{{0,12}}?"
                              r"(?:实事|项目|工程|任务|工作|事项|清单|分解|举措)"
                              # … or by its kind, a list of one year's 实事 (2025年重点民生实事新闻发布会, 2024年度…民生实事项目):
                              # the year of the list, whatever the sentence then says of it
                              r"|(?:度)?(?:的)?(?:(?!完成|实施|推进|建成|开展|做好|办好|落实|启动|新建|建设|改造)"
                              r"[^，,。；;：:\x00\d]){0,10}?(?:民生实事|为民实事|惠民实事|为民办实事|民生工程)")


# After a year that names the work a sentence is about, not when it is due (issue 28, round fifteen's held-out 师宗):
# 召开2022年批而未供和闲置土地处置工作推进会, 2022年…工作关系到…, 增强抓好2022年…工作的紧迫感, 统筹推进2022年…工作, —
# a noun phrase with no verb of doing, ending in 工作 and then a meeting, 的, a clause's end or what it bears on.
# (2024年完成…工作, 2024年底前做好…工作 and 2024年,全面完成…工作 keep their step: a verb of doing or a comma follows the year)
_TOPIC_AFTER = re.compile(r"(?:度)?(?:(?!完成|实现|新建|建成|开工|竣工|启动|推进|开展|做好|抓好|落实|实施|建设|改造|新增|出台|"
                          r"全面|基本|力争|确保|争取|底|末|前|内)[^，,。；;：:！!？?\x00\d\s])*?[\u4e00-\u9fff]工作"
                          # (…工作要以/要紧扣/要围绕…: what the year's work is to hold to, its orientation — 汉阴, 湛江)
                          r"(?=推进会|部署会|调度会|会议|大会|会|的|关系|事关|[，,。；;]|$"
                          r"|(?:要|须|必须|应)(?:以|紧扣|围绕|坚持|聚焦|按照|突出|锚定|紧紧围绕))")
# A campaign's own span, the time before the campaign it opens (至2025年12月31日,在全县范围内开展攻坚行动: 清流, round
# thirty-five; 从12月19日起至2019年底,将在全市开展…专项行动: 宜昌, round thirty-four): the plan's term, no step of it — the work
# the span holds is to carry the campaign out, nothing completed by then.
_CAMPAIGN_AFTER = re.compile(r"[\x00\s]*[，,]?(?:(?!完成|建成|实现|达到|确保)[^，,。；;]){0,16}?开展[^，,。；;]{0,30}?"
                             r"(?:专项行动|攻坚行动|集中行动|整治行动|专项整治|行动|活动|攻坚战)(?=[\x00\s]*[，,。；;]|$)")
# After a span restating the plan's term: its own doing (全面实施…三年行动方案, 组织实施本行动计划).
_OWN_PLAN_AFTER = re.compile(r"[\x00\s]*[，,]?(?:全面|深入|扎实|组织)?(?:实施|推进|落实|开展)[^，,。；;]{0,40}?"
                             r"(?:方案|行动计划|计划|行动)(?=[\x00\s]*[，,。；;]|$)")
# Before a year whose goal the work measures itself against: 对标2035年基本实现现代化战略目标, 锚定2035年远景目标 (凤翔's 2025
# 要点, round thirty-two's held-out set: one step drafted for each clause of the principles after it).
_OUTLOOK = re.compile(r"[\x00\s]*(?:远景)?展望(?:到)?(?:19|20)\d{2}年")
# (展望2035年，全面建成…: an outlook beyond the plan's horizon — 杨浦's 创新区 plan, round forty-four's held-out set)
_BENCHMARK_BEFORE = re.compile(r"(?:对标|锚定|瞄准|对照|向着|朝着|展望)$")
# After a year that names a long-range vision, not a step due then: “十四五”规划和2035年远景目标 (怒江, round nineteen's
# held-out set) — the vision a plan is set within; a step dated 2035 says what is done by then (到2035年,建成…).
_VISION_AFTER = re.compile(r"(?:远景目标|远景规划|远景展望|远景)")
# After a year that names a roll or a register, its template too (大兴安岭's notice, round nineteen's held-out set):
# 成立2025年科技型中小企业培育库、2025年高新技术企业培育库, 附件1:2025年高新技术企业培育库模板 — the year is part of the
# roll's name; no verb of doing stands between (2025年建成水库 keeps its step).
_ROLL_AFTER = re.compile(r"(?:度)?(?:(?!完成|实现|新建|建成|开工|竣工|启动|推进|开展|做好|抓好|落实|实施|建设|改造|新增|出台|"
                         r"全面|基本|力争|确保|争取|底|末|前|内)[^，,。；;：:！!？?、\x00\d\s]){0,16}?"
                         r"(?:培育库|项目库|储备库|人才库|企业库|名单|名录|目录)(?:模板|表)?(?![\u4e00-\u9fff])")
# After a year that names a standard or the things it sets, not a deadline (普陀's 海绵城市 plan, round thirty-five's held-out
# set): 落实2030年海绵城市达标要求, 编制2030年达标区域的海绵城市系统方案 — the goal's year as an attribute; no verb of doing
# stands between (2030年建成…的 keeps its step).
_STANDARD_AFTER = re.compile(r"(?:(?!完成|实现|新建|建成|开工|竣工|启动|推进|开展|做好|抓好|落实|实施|建设|改造|新增|出台|全面|基本|力争|"
                             r"确保|争取|达到|底|末|前|内)[^，,。；;：:！!？?、\x00\d\s]){0,10}?(?:达标要求|建设要求|目标要求|标准要求|"
                             r"达标区域的|达标区的)")
# Before a year that a sentence says the work serves: 关系到师宗县2023年用地要素保障 (what it bears on, no deadline).
_SERVES_BEFORE = re.compile(r"(?:关系到|关系着|事关|影响到|服务于|服务)(?:[\u4e00-\u9fff]{1,6}?[省市区县镇])?$")


# After a year that is part of a field's name in a list of the fields a form asks for (issue 28, round eight's
# 龙华区): 每个项目均列明了年度目标、…、总投资额、2022年投资额、资金来源、建设内容等信息 — the column 2022年投资额.
# (the field is a noun of what is recorded, not work to do: 2024年完成主体工程、配套道路等内容 dates its step)
_FIELD_AFTER = re.compile(r"(?:度)?(?!完成|实现|新增|建成|开工|竣工|启动|推进|开展)[^，,。；;、:：\x00\s]{0,6}?"
                          r"(?:投资额|投资|金额|产值|目标|任务|计划|预算|资金|收入|支出|进度|数据)"
                          r"、[^。；;]{0,40}?等(?:信息|内容|要素|栏目|数据|字段|情况)")
# What is already done or under way in a sentence (截至目前…, 26项已完成, 6项正在抓紧收尾): a date after 预计 in it
# forecasts when that work ends (北京市, round eight), it dates no step of the plan.
_PROGRESS = re.compile(r"截至目前|截至[^，,。；;]{0,8}[，,]|已(?:全部)?(?:完成|建成|竣工|开工|落地)|正在(?:抓紧|加紧|加快)?")


def names_a_field(text: str, a: int, e: int, lo: int, hi: int) -> bool:
    """The year text[a:e] (…、2022年投资额、…等信息) is part of a field's name in a list of fields: no deadline."""
    return bool(re.search(r"[、,，]$", text[max(lo, a - 1):a]) and _FIELD_AFTER.match(text, e, hi))


def forecasts(text: str, a: int, lo: int) -> bool:
    """The time phrase at text[a] (its 预计 included, or right after it) forecasts the end of work the sentence from
    ``lo`` reports done or under way: no step of the plan."""
    return bool((text.startswith("预计", a) or text[max(lo, a - 2):a] == "预计") and _PROGRESS.search(text, lo, a))


# A clause that is only a project's name, opening with its year (2024年达标区建设项目, 2025年农村饮水维修养护工程): no verb
# of doing right after the year, and the clause ends with 项目/工程.
_NAMED_PROJECT = re.compile(r"(?!建成|完成|实施|启动|开工|新开工|完工|续建|推进|推动|加快|新建|建设|建好|开展|实现|打造|改造|完善|"
                            r"全面|基本|力争|确保|争取|投入|投运|竣工|落地|谋划|申报)"
                            r"[^，,。；;：:！!？?\x00\d]{1,20}?(?:项目|工程)(?=[，,。；;：:\x00\n]|$)")


def names_a_list(text: str, e: int) -> bool:
    """The year ending at text[e] names a list by its count (2024年十大民生实事项目): no deadline."""
    return bool(_LIST_NAME_AFTER.match(text, e, min(len(text), e + 24)))


# 三年行动: a name; 三年“倍增”行动 (a name in quotes between, 沈阳), …三年目标的收官之年 (the goals of a span, 朝阳)
_NAME_AFTER_SPAN = re.compile(r"^(?:[“\"][^”\"]{1,12}[”\"])?(?:行动|计划|规划|攻坚|提升|专项|工程|行动计划|实施方案|工作方案|方案|目标(?:的|任务))")
_BASELINE_BEFORE = re.compile(r"(?:比|较|与|同|相比|对比|相较)$")

# The measure words of a drafted quantity: any but a calendar word (2024年, 10月 are dates) or a rank.
_UNITS = measure_words("count", "unit", "span") + ("期",)


def _unit_pattern(u: str) -> str:
    return FANG_VOLUME if u == "方" else re.escape(u)  # (方 a volume only where it is one: text.quantities)

# (期 after digits counts sessions held: 托管服务60期以上; 一期/二期工程 in words are phases, never read as counts)
# A number (a range 3—5, a product 2×30) with its multiplier and measure word; not a size class
# (18MW级 names the kind of turbine, not how many).
_QTY = re.compile(
    # 200,000 个: thousands written with commas (a page's own wording)
    r"(?<![\d.A-Za-z×*])(?<!\d,)(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:[—–\-~～至到]\d+(?:\.\d+)?|[×*]\d+(?:\.\d+)?)?)"
    # 9千人 (东莞, round eleven): 千 alone, as text.numerals.MULTIPLIERS reads it, not the 千 of a unit (千瓦, 千米, 千伏)
    r"(万亿|千亿|百亿|亿|千万|百万|万|千(?![瓦米克伏帕卡]))?(?:余|多)?(" + "|".join(_unit_pattern(u) for u in _UNITS)
    # (a count word before a thing named in Latin letters counts it: 建成810个V2G桩, 配置20台AED设备 — 广州's 车网互动 plan,
    # round fifty-six's held-out set; a letter after a measure of size, 18MW级, 5G, stays no quantity)
    + r")(?!(?<![个台座套家辆处条所项])[A-Za-z])(?!(?<=[个台座套家辆处条所项])(?>[A-Za-z][A-Za-z\d]{0,5})(?![\u4e00-\u9fff]))"
    r"(?!级)(?!(?<=周)岁)"  # 65周岁: an age, not 65 weeks
    r"(?:[—–\-~～至到]\d+(?:\.\d+)?(?:万亿|千亿|百亿|亿|千万|百万|万)?\3)?"  # 3家至5家: the unit said twice
    # a rate per head or per thing: 50万元/人, 360台/万人 (工业机器人使用密度)
    r"(?:[/／](?:万|千|百)?(?:人次|人|户|床|辆|台|套|个|家|吨|亩|平方米|公里|千瓦时|千瓦|年|天|日|小时))?")

_CN_QTY = re.compile(
    rf"倍增|(?<![{NONZERO}十翻])[{NONZERO}十]倍(?=以上|左右|[，,。；;]|$)|翻[一两]?番|(?<=[破过超逾])[{MAGNITUDES}]+"
    # with its unit, as a figure in digits has it (超千万平方米, 突破万亿元): the quote's value_text is the quantity said
    + "(?:" + "|".join(_unit_pattern(u) for u in sorted(_UNITS, key=len, reverse=True)) + ")?"
    # a magnitude in words after a comparator, of a scale: 总量超过五千亿规模
    rf"|(?<=[破过超逾])[{NONZERO}十][{MAGNITUDES}]+(?=规模|体量|以上|[，,。；;]|$)"
    # shares in words (一半以上, 超过一半, 两成, 三分之一: a 成 not inside a word) and counts after a
    # floor (至少建设一所)
    # 零: none at all, where the word says of what (事故零发生, 零排放); not 零容忍 (an attitude), nor 趋零增长
    # (a direction)
    r"|(?<!趋)零(?=发生|事故|死亡|伤亡|增长|排放|投诉|新增|感染|污染|积压|拖欠|欠薪|上访|直排|填埋)"
    rf"|一半|半数|(?<![{NONZERO}十])[{NONZERO}]成(?=以上|左右|$|[，,。；;的])|[{NONZERO}十]分之[{NONZERO}]"
    # points of a share, in words, after the change (电炉钢占比较2022年提高三个百分点以上: 唐山's 碳达峰 plan, round
    # fifty-four's held-out set)
    # (…收入增速高一个百分点以上, 比城镇居民快两个百分点: a gap said in words right after its comparative — 西安's 乡村振兴
    # 实施意见, round one hundred; 高于城镇居民两个百分点, the subject between, is not read)
    rf"|(?:(?<=提高|提升|下降|降低|增加|增长|减少|上升|压减|高于|低于|快于)|(?<=[^提最][高低快]))[{NONZERO}十]{{1,3}}个?百分点"
    # (the verb between is no part of the count: 至少建设一所 is 一所, 至少有一人 is 一人 — 南昌, round twenty-eight)
    r"|(?:(?<=至少)|(?<=不少于)|(?<=不低于)|(?<=至少有)|(?<=至少新建)|(?<=至少建设)|(?<=至少建成)|(?<=至少设立)|"
    r"(?<=至少开设)|(?<=至少配备)|(?<=至少培育)|(?<=至少打造)|(?<=不少于新建)|(?<=不少于建设))"
    rf"[{NONZERO}十](?:所|家|个|名|项|座|处|支|条|人)"
    # one thing built, its count in words right after the verb that builds, starts or enlarges it (新建一座…变电站,
    # 改扩建一所…幼儿园, 启动一所…高中建设: 保康, 峨山, 城阳 — round twenty-eight); a lone 一 otherwise counts nothing
    # (一个, 一批), and 一座城市 / 一座…之城 is what a place is to become, no thing built
    r"|(?:(?<=新建)|(?<=建设)|(?<=建成)|(?<=扩建)|(?<=改建)|(?<=迁建)|(?<=续建)|(?<=启动)|(?<=开工)|(?<=购置))"
    # (not 一幢/一栋: a building of a project's content, 主要建设内容为新建一幢食堂 — 奉化's table describes, commits to none)
    r"一(?:座|所|处)(?!城市|[^，,。；;]{0,16}?(?:之城|之都|城市))"
    # a count in words right after a verb of doing (新建三所学校, 建设两个产业园, 新增二十个口袋公园: round ten — it had been
    # left to check); a lone 一 (一个, 一批) is no count, 三大/五个方面/三类 are names and kinds
    r"|(?:(?<=新建)|(?<=建设)|(?<=建成)|(?<=新增)|(?<=打造)|(?<=培育)|(?<=创建)|(?<=引进)|(?<=改造)|(?<=开工)|(?<=开设)|"
    r"(?<=设立)|(?<=招引)|(?<=扩建)|(?<=改建)|(?<=提升))"
    r"(?:[两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)"
    r"(?:所|家|个|名|座|处|支|条|台|套|辆|栋|幢|片)(?![大类级]|方面)"
    # a round hundred or thousand of things after the doing (形成百项标志性产品, 打造百家领军企业, 突破百项前沿关键核心技术:
    # 工信部等七部门's 未来产业 实施意见, round forty-five's held-out set), the things named after it (百家争鸣 is no count)
    r"|(?:(?<=形成)|(?<=打造)|(?<=培育)|(?<=开拓)|(?<=制定)|(?<=突破)|(?<=建设)|(?<=建成)|(?<=新建)|(?<=新增)|(?<=创建)|"
    r"(?<=引进)|(?<=推出)|(?<=遴选)|(?<=认定))"
    r"[百千](?:项|家|个|款|种|所|座|条|名)(?=[\u4e00-\u9fff]{2})")
# One thing built, its count in words after its noun (新建设计供水规模为6000立方米水厂一座: 保康, round twenty-eight): a
# count where the clause is opened by a verb that builds (_BUILDS_BEFORE, checked where it is read); 纪念碑一座 with no
# such verb describes what stands.
_ONE_AFTER_NOUN = re.compile(r"(?<=[\u4e00-\u9fff])(?<!一)一(?:座|所|处)(?=[，,。；;、)）]|$)")
_BUILDS_BEFORE = re.compile(r"新建|建设|建成|扩建|改建|迁建|续建|启动|开工|购置")
# A share of a whole written as a fraction (占全市1/8, 比重超1/4: 如皋, round twenty-eight), read in %; one only where its
# clause says of what (占, 比重, 比例, 份额): 1/8 elsewhere may be a table's date, 1/2英寸 a size. (Not 1/10万: a rate.)
_FRACTION = re.compile(r"(?<![\d./／])[1-9]\d?[/／][1-9]\d?(?![\d./／%‰万千亿])")
_SHARE_OF = re.compile(r"占|比重|比例|份额")
# A rate per so many (孕产妇死亡率下调到12/10万: 娄底, round twenty-eight): the value per its base, where its clause names
# the rate (率); 在之前的16/10万…基础上 names none in its clause and stays the baseline it is.
_RATE_PER = re.compile(r"(?<![\d./／])\d+(?:\.\d+)?[/／]\d*(?:十万|百万|万|千)(?![\d])")
# A rank to reach, in words (力争…考评进入前五位: 舒城; 高考成绩在全省再进三位: 黄石 — round twenty-eight): the Nth place
# or better where a verb of aiming stands in its clause, and places to climb after 再进/前进/提升/上升/跃升; a rank
# reported (居全省第五位) and 三位一体 are none.
_RANK_TOP = re.compile(rf"前[{NONZERO}十]{{1,3}}(?:位|名)(?!次)")
_AIMS_AT = re.compile(r"进入|跻身|保持|稳居|挺进|迈入|争创|力争|确保|争取")
_RANK_CLIMB = re.compile(r"(?:(?<=再进)|(?<=前进)|(?<=提升)|(?<=上升)|(?<=跃升)|(?<=前移))"
                         rf"[{NONZERO}十]{{1,3}}(?:位|名)(?!一体|于|置|数|次)")
# An index or score has no measure word: 融合发展指数达到125, 营商环境评价得分提高到90 (the number ends its
# clause or takes 以上/左右).
# A ratio too (城乡居民收入比下降到2.8左右, 收入倍差缩小到1.6以内, 容载比提升至1.86; 配置比例不低于1:4, 不高于4:1: 合肥's and 武汉's
# 绿色货运 plans, 六盘水's, 册亨's and 长顺's 增收 plans, round sixty-one's held-out set): so many to one.
_BARE = re.compile(r"(?:指数|得分|评分|分值|指标值|收入比|收入倍差|倍差|容载比|性别比|比值|(?:配置|配建)?比例(?=[^，,。；;\d]{0,6}?\d+[:：]))"
                   r"(?:达到|达|超过|提高到|提升到|提高至|提升至|突破|保持在|稳定在|控制在|不低于|不超过|不高于|为|"
                   r"下降到|下降至|缩小到|缩小至|降至|降到|降低到|降低至|缩减至)"
                   r"(\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)?)(?=以上|以内|以下|左右|[，,。；;、)）]|$)")
# A satisfaction or assessment score in points (公众气象服务满意度达到95分以上, 气象服务满意度保持在90分以上: 济南's, 常州's and
# 南京's 气象 opinions, round hundred-and-thirtieth's held-out set); elsewhere 分 scores a rule's item ((5分)) and no target.
# (分值为5分, 最高分值为20分, 得分在60分及以上的小区: what a rule's item scores and a class it sets — no verb of reaching)
_SCORE = re.compile(r"(?:满意度|满意率|得分)(?:达到|达|保持在|稳定在|提高到|提升到|提高至|提升至|不低于|超过)"
                    r"(\d+(?:\.\d+)?分)(?=(?:及)?以上(?!的)|左右|[，,。；;、)）]|$)")
# A life expectancy is a value in years of age (人均预期寿命达82.4岁, 浙江's 工作要点, round thirteen); elsewhere an age is
# who is eligible (35岁以下, 65周岁及以上老年人) and no target.
_IN_YEARS = re.compile(r"(?:预期寿命|平均寿命)(?:达到|达|提高到|提高至|提升到|提升至|超过|保持在|稳定在|为)?"
                       r"(\d+(?:\.\d+)?岁)(?=以上|左右|[，,。；;、)）]|$)"
                       # years of schooling, a value in years (劳动年龄人口平均受教育年限达到13年: 西安's 就业 plan, round
                       # sixty-one's held-out set); elsewhere N年 is a span or a year
                       # (平均生存周期达到5年: a firm's life in years — 重庆's 个体工商户 plan, round eighty-one)
                       r"|(?:受教育年限|生存周期|存续期|存活期)(?:达到|达|提高到|提高至|提升到|提升至|超过|保持在|稳定在|为)?"
                       r"(\d+(?:\.\d+)?年)(?=以上|左右|[，,。；;、)）]|$)")
# A count of people with no measure word after the metric that says so: 健康体检人数达1000万以上 (round thirteen).
_COUNT_OF = re.compile(r"(?:人数|人次|户数)(?:达到|达|超过|突破|提高到|提高至|增加到|增加至|保持在|稳定在)"
                       r"(\d+(?:\.\d+)?(?:万|亿))(?=以上|左右|[，,。；;、)）]|$)")
# A count of people or things with no measure word, after 为/覆盖/惠及…: 为200万中小学生开展心理健康测评.
_BARE_COUNT = re.compile(r"(?<=为|对)(\d+(?:\.\d+)?(?:万|亿))(?=[\u4e00-\u9fff])|(?<=覆盖|惠及|帮助|救助|培训|服务|带动|吸纳)"
                         r"(\d+(?:\.\d+)?(?:万|亿))(?=[\u4e00-\u9fff])"
                         # (提升3万农村人口供水保障水平: 昆明's 惠民实事, round thirty-four's held-out set — the people counted
                         # named right after the count, whatever the verb)
                         r"|(?<![\d.])(\d+(?:\.\d+)?万)(?=[\u4e00-\u9fff]{0,4}?人口)")
# A quantity of routine work, not a commitment: 每5年修订1次, 每年至少1个月, 每季度1次.
_CYCLE_BEFORE = re.compile(rf"每(?:\d+|[{NONZERO}十])?(?:个)?(?:年|学年|学期|季度|月|周|半年)")
_ROUTINE_UNITS = ("次", *measure_words("span"))
# Measures of size (吨标准煤, 平方米, 千瓦 …), not counts: 6000个以上技术改造项目 counts the projects, 2000吨标准煤以上用能企业 sizes them.
_SIZE_UNITS = frozenset(measure_words("unit")) - {"%", "‰", "个百分点", "百分点", "倍"}
# A span of years that is a duration or a rule, not a deadline: 具有3年以上工作经历 (eligibility),
# 距退休年龄五年以内 (a threshold), 每5年 (a cycle), 五年内免征 (the term of a benefit).
_DURATION_BEFORE = re.compile(r"(?:具有|具备|满|连续|距|任职|工作|从事|每|期限|为期|有效期|累计)$")
_DURATION_AFTER = re.compile(r"^(?:以上|以下|及以上|以内|内)?(?:的|工作|经历|经验|任期|期满|免征|免缴|免税|减免|减半|内免|"
                             r"企业所得税|房产税)")
# A share a rule allots (按各25%留给登陆点, 转出地保留50%、省级收储50%, 按照项目合规新增用地的10%奖励土地指标): 按照, 保留,
# 收储, 奖励 anywhere in its clause make a percentage a rule's parameter. Only a share: a count or an amount with its own
# measure word in such a clause is work to do (按照高标准要求建设示范村20个, 收储土地3000亩, 设立奖励基金5000万元 — round ten:
# the words alone had swallowed them).
_RULE_BEFORE = re.compile(r"按照|按各|保留|留存|收储|奖励")
_RULE_SHARE_UNITS = ("%", "‰", "个百分点")
_LIST_COUNT = re.compile(r"等$")  # 现代农业、…、医养健康等3个共同体: a count of the things just listed


def restates_list(text: str, cs: int, a: int, m: re.Match) -> bool:
    """The count m after 等 (at text[a], its clause from cs) restates the items just listed: as many as are named
    (建成中和、大弯、禾丰、赵镇、竹篙等5座…站). A count larger than the names (完工友谊大道北段、…、高新二路示范段等15条
    重点道路: four named of fifteen) is what the task commits to — 等 says "among others" — and stays a target."""
    listed = text[cs:a - 1].replace("\x00", "").strip()
    items = [x for x in re.split(r"[、及和与]", listed) if x.strip()]
    try:
        count = _amount(m)
    except ValueError:
        return True
    if not count.is_integer() or count <= len(items):
        return True
    # More than are named: the count is what the clause commits to, whatever verb (引进, 创建, 招引 …) or subject (全市建成…)
    # opens it — unless it only describes or approves a list (表决通过…报告等6项决议, 包含…等8个方面). Where unsure the draft
    # keeps the entry: a reviewer deletes an extra in seconds, a missed target is a wrong answer (round ten: only a fixed
    # list of opening verbs had kept the count, 引进华为、中兴等20家龙头企业 was read as restating its two names).
    return bool(_DESCRIBES_LIST.search(listed)) and not _DOING_OPENS.match(listed)


# A verb of doing that opens a task's clause: the things listed after it are work the task commits to.
_DOING_OPENS = re.compile(r"(?:\d+[.．、])?(?:全面|加快|持续|力争|确保)?(?:新开工|开工|完工|建成|新建|改建|扩建|新改扩建|改造|续建|"
                          r"实施|推进|完成|打造|建设|提升|新增|整治|修缮|培育|打通)")
# Words that describe, approve or scope a list rather than do its items: 表决通过…等6项决议, 包含…等8个方面, 聚焦…等10个领域.
_DESCRIBES_LIST = re.compile(r"表决|通过|批准|审议|听取|包含|包括|涵盖|涉及|聚焦|围绕|覆盖|分为|分成|明确|列入|纳入|入选|评为|命名")
_RULE_AFTER = re.compile(r"^(?:以上|以下)?(?:由|留给|留存|奖励)")
_SENT_END = "。!?！？"
_CLAUSE_END = ",;，；:："

# Numbers a plan states that set no goal (issue 28), each with its reason code (words/extract.py):
# the bound or share of a rule (补助比例最高不超过30%, 站内净高不低于2.2米, 按项目投资额的10%-30%给予补助,
# 给予50万元补助), a descriptor (24小时自助服务, 建市100周年), a relative span (用3个月左右时间) and the
# frequency of routine work (每年开展2次专项检查).
_BOUND_BEFORE = re.compile(
    # (处方用药量最长放宽至3个月: the most a rule allows — 广州's 家庭医生 plan, round twenty-nine's held-out set)
    r"(?:(?:最高|最低|最多|最长|最短|上限|下限|封顶)(?:为|可达|可|放宽至|放宽到|延长至|延长到|不超过|不高于|不低于|不少于|给予|奖励|补助|补贴)?"
    r"|(?:净高|层高|净宽|净空|高度|宽度|长度|厚度|直径|间距|半径|埋深|坡度|荷载)(?:应|须|需|要)?"
    r"(?:不低于|不小于|不超过|不大于|不少于|不高于|低于|高于|小于|大于|≥|≤|为)"
    r"|按[^，,；;。]{0,16}的"
    # (1人户不宜小于40平方米、不宜大于60平方米: what a rule advises — 荣昌's 危房改造 letter; 两次献血间隔不少于6个月: a rule's
    # interval — 两岔乡's 献血 plan, rounds seventy-five and seventy-six)
    r"|不宜(?:小于|大于|低于|高于|少于|多于|超过)|间隔(?:时间)?(?:应|须)?(?:不少于|不低于|不小于|不得少于|大于|超过))$")
_BOUND_AFTER = re.compile(r"^(?:以上|以下|以内)?(?:的)?(?:给予)?(?:一次性)?(?:补助|补贴|奖励|资助|贴息|封顶)")
# The money a rule pays each one who qualifies (安徽's 工业互联网 plan, 省级分别给予一次性奖补50万元、100万元、150万元; 每辆车
# 补贴15万元; 奖励标准为20000元/例; 给予每个五星业委会10000元、四星业委会5000元…奖励; 每处理一吨给予221元的消纳补贴;
# 补贴控制单价提升至520元/平方米): a rate, no goal. What is paid out in all (发放各类补贴1.2亿元, 财政补贴资金2000万元) names
# no one it is paid to each, and stays a target.
_AWARD = r"(?:奖补|奖励|补贴|补助|资助|贴息)"
# (the clause before the money ends on the award: 给予一次性奖补, 每辆车补贴, 奖励标准为 — what comes before it is the
# recipient, read by _EACH)
_AWARD_BEFORE = re.compile(rf"{_AWARD}(?:标准|金额|额度)?(?:为|是|按)?$")
_EACH = re.compile(r"一次性|分别|每|标准")
_GIVEN_EACH = re.compile(r"给予[^，,。；;\d]{0,10}$")
_AWARD_AFTER = re.compile(rf"^(?:/[\u4e00-\u9fff]{{1,4}})?(?:以内|以下)?的?[\u4e00-\u9fff]{{0,4}}?{_AWARD}")
# (the figures before it in a chain: 50万元、100万元、 or 10000元、四星业委会)
_PAID_CHAIN = re.compile(r"(?:\d+(?:\.\d+)?(?:万|亿)?元(?:/[\u4e00-\u9fff]{1,4})?[、和及][^，,。；;\d]{0,8}?)+$")


def _pays_each(before: str, after: str, unit: str, rate: bool = False) -> bool:
    """Whether the money (or share) between ``before`` and ``after`` (its clause's two sides) is what a rule pays each
    one who qualifies; ``rate`` when it is money per something (520元/平方米)."""
    lean = _PAID_CHAIN.sub("", re.sub(r"[\x00\s]", "", before))
    if unit == "%":  # 提供不超过设备成本50%的建设补贴: a share of the cost a subsidy pays
        return bool(re.search(r"(?:不超过|不高于|最高)[^，,。；;\d]{0,12}$", lean) and _AWARD_AFTER.match(after)
                    and re.search(r"给予|提供", lean))
    if _AWARD_BEFORE.search(lean) and _EACH.search(lean):
        return True
    if _GIVEN_EACH.search(lean) and re.search(r"每|一次性|分别", lean) and re.search(_AWARD, lean + after):
        return True
    if _AWARD_AFTER.match(after) and re.search(r"给予|每|提供", lean):
        return True
    return (rate or after.startswith("/")) and re.search(_AWARD, lean) is not None
# The number of items a text is broken into or lists right after: 细化为448项具体工作, 分解为15项工作目标和37项工作
# 任务, 接续办好15件重点民生实事。具体包括:…, 新增14项包括:… (the items are the targets, their number restates them).
_ITEM_UNITS = ("项", "件", "条", "类", "个方面", "方面")
_BROKEN_INTO = re.compile(r"(?:细化为|分解为|细化分解为|分解成|细化成|梳理出|梳理为|整合为|归纳为)[^，,。；;]*$")
_LISTS_AFTER = re.compile(r"[^。；;，,:：]{0,16}?[。，,\x00\s]*(?:具体|主要)?(?:包括|如下|分别是|分别为)[:：]")
# (…民生实事项目为10项,分别是: — the comma before 分别是 too: 荆州区's announcement, round twelve)
# A day followed by what a body did on it (投票表决, 召开, 审议通过 …): an event's date, no deadline.
_MEETING_AFTER = re.compile(r"[\x00\s]*(?:依法)?(?:投票表决|表决通过|票决|投票|召开|举行|开幕|闭幕|审议通过|审议|研究通过)")
_DESCRIPTOR_AFTER = re.compile(r"^(?:全天候|不间断|无间断)?(?:自助|在线|值守|服务|响应|营业|开放|运行|值班|热线)")
# The count of the document's own parts (issue 28, round four): who is responsible (涉及34个牵头单位 — the units a
# list assigns, never what they must do), and the tasks or items of a list (明确133项具体任务, 全力办好10件民生实事)
# where the sentence is about a document (《…任务分解》明确133项…), describes the list (明确, 涉及, 细化, 共, 确定 …)
# or leads the numbered items it counts (…办好10件民生实事。 / 1.…): the items are the entries, their number
# restates them. A count of tasks a plan commits to with none of these (完成12项改革任务) stays a target.
_OWN_UNITS_AFTER = re.compile(r"^(?:(?:牵头|责任|配合|协同|协办|承办|主办|参与|成员)(?:单位|部门|处室|科室)"
                              # who takes part in the list's work: 共38家单位参与 (a count of units, never what they do)
                              r"|(?:单位|部门)(?:共同|联合)?(?:参与|参加|联动|协同|承担|实施))")
_OWN_ITEMS_AFTER = re.compile(r"(?:[区市县乡镇]?政府|全[区市县])?(?:具体|重点|主要|年度|工作|改革|民生|民盼|为民|惠民|重点民生|目标)*(?:工作任务|任务|工作事项|事项|责任事项|"
                              r"实事项目|实事|(?<=民生|惠民|为民)工程|工作(?=$|[，,。；;：:、和及与\x00)）]))")
_DESCRIBES = re.compile(r"(?:围绕|对照|聚焦|明确|涉及|细化|细分|分解|共|共有|共计|共分|合计|包括|包含|含|列出|梳理|确定|形成|分为|分成|提出|安排|部署|"
                        # how a list comes to be: 票决产生了10件重点民生实事, 公布…项目
                        r"梳理出|整合为|产生|票决|票选|选出|评选|推出|公布|发布)[了出为成]?"
                        rf"(?:[{NONZERO}十两\d]+(?:大类|类|个类别|类别|个方面|方面|部分))?$")  # 共两大类33项: the kinds, then the count
# A count after the noun of what it counts (民生实事项目40项, 分解至我区任务15项): how a list is sized; a plan commits to a
# count before its noun (完成12项改革任务).
# (民生实事项目共十大项50件, 连云港: the list's kinds, then its count, after the noun as well)
_COUNT_AFTER_NOUN = re.compile(r"(?:实事|实事项目|任务|事项|工作任务|工作事项|重点工作)(?:[(（][^()（）]{0,8}[)）])?"
                               rf"(?:共有|共计|合计|总计|共)?(?:[{NONZERO}十两\d]+(?:大项|大类|类|个方面|方面))?[\x00\s]*$")
# The kind of list a count sizes: 民生实事, 为民实事, 为民办实事, 惠民实事 (issue 28, round eight).
_LIST_KIND_AFTER = re.compile(
    r"(?:\d+(?:大类|类|个方面|方面|件|项))*[\x00\s]*(?:(?:项目)?(?:被)?(?:(?:确定|列)?(?:作为|为)|列入|纳入|入选)[^，,。；;]{0,14}?)?"
    # the issuer named between the count and the list (票决出17项长宁区人民政府2024年为民办实事项目, 10项宝安区2023年度民生实事:
    # round thirteen)
    r"(?:[\u4e00-\u9fff]{1,10}?(?:人民政府|政府|省|市|区|县|镇|街道))?"
    # (8项民生工程和10件惠民实事工作方案, 楚雄 — a list of 民生工程 is counted as one of 实事)
    r"(?:重点|重大|重要|年度|\d{4}年度?)*(?:(?:民生|为民|惠民|利民|便民)?(?:办)?实事|(?:民生|为民|惠民)工程)")
# (10类40件174项民生实事项目: each count of the chain; 确定15项作为2022年民生实事正式项目, 8个项目被确定为…: the list named
# after the count; 33件实事项目 — round eight's held-out set, development documents since; 共10个项目被列入2026年政府民生实事
# 项目 — 建湖, round thirty-one)
# A verb of doing in the words before a count after its noun: 新增政务服务事项100项, 办结群众诉求事项5000件 commit to the
# count (round ten: the count-after-noun rule had read them as sizing the list, as 民生实事项目40项, 分解至我区任务15项 do).
_DOING_IN_LEAD = re.compile(r"新增|办结|办理|完成|实现|建成|上线|开通|推出|落地|解决|化解")
_DOING_BEFORE = re.compile(r"(?:办好|办成|办实|做好|完成|实施|推进|抓好|落实|建成|兑现)"
                           rf"(?:[{NONZERO}十两\d]+(?:大类|类|个方面|方面))?[\x00\s]*$")
# After a time in minutes or hours that names an access standard or a circle (round nineteen's 宁波 and 吉林): 15分钟
# 健身圈, 30分钟通勤圈, 1小时交通圈, 15分钟上高速 — the standard the circle is named by; 等候时间压缩至15分钟以内 stays a target.
_ACCESS_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?圈|(?:上高速|上高铁|到达|可达|通达|抵达|直达|就医|入学|就近))")
# Before a project's estimated cost (round nineteen's 安民乡: 总投资额约470万元, 总投资约100万元): what the project costs, said
# with an estimate's word; a total to reach (总投资不少于190亿元, 总投资70亿元以上) or a year's plan (年度计划投资907.68亿元)
# stays a target. 总投资 needs no estimate's word: 总投资7.58亿元的县医院迁建项目, 项目65个,总投资290.88亿元, 总投资规模约740
# 亿元 are what the works cost, excluded in every text that has one (甘谷, 宁波, 武进, 南漳镇, 成都's 十大工程; round twenty-nine).
# The money a work is planned to get (计划投入1000万元,完善园区绿化; 计划投资17亿元,重点实施…) is its budget too (舒城, 西宁,
# 新昌); a year's planned investment (年度计划投资87.12亿元, 全年计划投资…) is what the year must reach, a target.
_BUDGET_BEFORE = re.compile(r"(?:总投资(?:规模|额|金额)?(?:约|预计|估算|概算|约为|估算为|为|共|计|合计|近|达)?|"
                            r"(?:项目投资|工程投资|总造价|投资估算|概算投资)(?:额|金额)?(?:约|预计|估算|概算|约为|估算为)|"
                            r"(?<!年度)(?<!全年)(?<!今年)(?<!当年)(?<!年)计划(?:投入|投资)(?:资金)?(?:约|共|计)?)[\x00\s]*$")
# After the money a task is funded with, the work it pays for, counted, in the next clause of the same sentence (投资5000万元,
# 提升改造低等级公路40公里; 计划投资1067万元,完成22所学校…: 新昌, round twenty-two): what is spent, not what is to be reached.
# The investment as the goal (完成投资5000万元, 年度计划投资907.68亿元 standing alone) stays a target.
_FUNDS_WORK = re.compile(r"[\x00\s]*[,，][^。；;,，]*?\d+(?:\.\d+)?[\u4e00-\u9fff]")
# Before a part of the money a task is funded with, broken down by who pays (计划安排资金70万元,其中争取中央补助24万元,争取省级
# 补助16万元; 2021年筹集资金约600亿元,其中:财政性资金214亿元: 井研, 南昌, round twenty-four): the parts are funds as the whole is.
_FUNDING_PARTS = re.compile(r"(?:安排|筹集|投入|争取|落实|统筹)[^。；;，,]{0,6}?(?:资金|补助|经费)(?:约|共|计)?[\x00\s]*\d+(?:\.\d+)?"
                            r"(?:万|亿)?元[^。；;]{0,6}?其中[^。；;]*$")
_FUNDING_SOURCE = re.compile(r"(?:中央|省级|省|市级|县级|区级|乡镇|财政性|建设性|社会|自筹|上级|地方|专项|债券|银行|争取)"
                             r"[^，,。；;\d]{0,8}$")
# The money a kind of fund gives (车购税补助资金4032.44万元, 市补助资金为296万元, 财政预算资金296万元): its clause names the fund
# right before the figure and no doing (争取, 完成, 投入, 筹集, 撬动, 带动, 吸引 …) stands before it.
_ALLOTTED_BEFORE = re.compile(r"^(?:(?!争取|完成|投入|筹集|撬动|带动|吸引|落实|新增|累计|达到|突破|实现|安排)[^，,。；;])*?"
                              r"(?:补助|补贴|奖补|切块|预算|养护|配套|专项|以奖代补|收费后补助|"
                              # (衔接资金, 扶持资金, 中央资金, 项目资金共363万元, 资金规模7359万元, 专项资金总额317万元: the
                              # funds a list of projects is given — 长白, 双辽, 黔江, 周口: rounds sixty-one to sixty-five)
                              r"衔接|扶持|以工代赈|中央|省级|市级|县级|区级|中央财政|省级财政|财政|项目|采购)资金"
                              r"(?:总额|规模)?(?:为|共|计|约|共计)?$")
# Money a list is expected to cost, as a news lead or a notice sums it up: 预计投入资金2.5亿元 — and its growth over last
# year's (较2024年增长120%). An estimate of the whole, no goal of one task (计划投资907.68亿元, 总投资70亿元以上 are).
# (拟投入资金153万元, 该旗拟投入81.6万元: the money a project is to be given, as 预计投入 — 苏尼特左旗, round twenty-six)
_ESTIMATE_BEFORE = re.compile(r"(?:预计|预估|估算|估计|拟)(?:总)?(?:投入|投资|安排|需要)(?:资金|财政资金)?(?:约|达|为|近|超)?[\x00\s]*$")
# The projects a project plan arranges or lists (2025年共安排重点新续建项目57个, 安排重点预备项目10个, 列入政府投资项目建设计划
# 项目65个): the plan's scope, its year's investment the goal (松阳, 武进 annotate them so; round twenty-nine). Projects a
# task is to bring in or finish (招引…项目100个, 完成…整治项目23个, 新增入库…项目7个以上) stay targets.
_LIST_ARRANGED = re.compile(r"(?<!新增)(?<!争取)(?<!力争)(?:安排|列入|纳入)[^，,。；;：:]{0,24}?项目(?:共|计|合计)?$")
# A count of the things a rate is measured over, in the rate's clause (纳入国家考核的3个断面水质优良率达到100%, 确保我市15个地表
# 水国考、省考断面水质优良比例100%, 27个省级及以上地表水监测断面优良率达到96.3%): which things, the rate the goal (江门, 鄂州,
# 十堰 annotate it so; round twenty-nine). A count a task builds before its rate (建成3个污水处理厂,处理率达到95% — two
# clauses; 新建5个示范区…) stays a target.
_RATE_AFTER = re.compile(r"[^，,。；;：:\d]{1,30}?(?:率|比例|比率|占比)(?:稳定|保持|力争|确保)?(?:在|达到|达|为|不低于|不少于|高于)?"
                         r"[\x00\s]*\d+(?:\.\d+)?[\x00\s]*[%％]")
_BUILT_BEFORE = re.compile(r"新建|建成|建设|新增|完成|实施|改造|创建|打造|培育|引进|招引|开工|启动|推动|推进|提升")
# A rate, then the share a thing must reach to be counted, then 的 and the things (节能率不低于15%的既有公共建筑): a class of
# things — the goal's own 的目标/的要求/的水平 stays the target
_RATE_CLASS = re.compile(r"率(?:不低于|不少于|达到|达|超过|高于|在)?$")
_RATE_CLASS_AFTER = re.compile(r"(?:及)?(?:以上|以下)?的(?!目标|要求|水平|任务|比例|标准)[\u4e00-\u9fff]")
# Money that names a class of firms or projects right after it (20亿元企业, 10亿元以上项目8个): which ones count
_CLASS_AFTER = re.compile(r"[\x00\s]*(?:以上|及以上)?(?:的)?(?:企业|项目|工业企业|大项目|重大项目|产业项目)")
_MORE_AFTER = re.compile(r"[\x00\s]*(?:以上|及以上|以下|左右)")
# Numbers that describe a project rather than commit it (issue 28, round eight): who benefits (惠及17个乡镇,
# 受益群众5万人, and the effect a task's clause states after it: 有效改善9万人口的饮水安全问题), the land a project takes
# (占地132亩, 占地面积约5390平方米), a voltage that names a class of lines (10千伏线路). A count a task commits to
# (解决4万人的饮水问题, 为200万中小学生开展测评) stays.
# A whole broken down after 其中 into parts of its unit that add up to it — a size (地上建筑面积601.16平方米,其中:修缮…
# 267.88平方米;改建…104.37平方米;…) or money (安排58亿元财政资金…,其中,道路…10亿元,环境整治6亿元,…) alike (round twelve
# settled the convention once): the parts are the entries, the whole is an exclusion saying it sums them. A 督查 office
# tracks who delivers what: each part is a deliverable a unit can be asked about (道路 10亿元 to one bureau, 教育设施 12亿元
# to another) and the whole is known from them, while the whole alone loses which part is behind and both double-count
# the same money in a ledger that sums a unit's targets. Parts that do not add up (其中 names only some: 新增就业5万人,
# 其中高校毕业生1万人) are a subset, not a breakdown: the whole and the part both stay.
_BENEFIT_BEFORE = re.compile(r"(?:惠及|受益|受惠|辐射|覆盖人口|服务人口)(?:群众|人口|居民|人数|人群|户数)?"
                             r"(?:达|约|超|近|共|达到|超过|不少于|不低于|逾)?[\x00\s]*$")  # (惠及不少于10000个家庭: round twelve)
_EFFECT_LEAD = re.compile(r"[\x00\s]*(?:有效|进一步|切实|从而|可|将)(?:改善|提高|提升|保障|解决|满足|缓解)"
                          r"[^，,。；;]{0,8}$")
_PEOPLE_UNITS = ("人", "户", "名", "人次", "家庭")
# Whom a programme reaches, counted right after 面向 (面向全市627所学校、75万名学生开展…): its scope, no target. Only the scope's
# counts themselves — 面向全市高校…择优设立50个岗位 and 面向全市学生开展培训1000场次 count the work done, targets (gz633).
# 在3个市级核心区域、8个市级重点区域、13条市级重点道路…开展: the places after the first are where the work is done as well
# (上海's 景观 plan; the first alone had been read so)
_WHERE_CHAIN = re.compile(r"在\d+[个处](?:行政)?(?:村|乡镇|乡|镇|街道|社区|小区|片区|县|区|市|地|点)[^，,。；;、在]{0,12}、"
                          r"(?:\d+[个处条][^，,。；;、在\d]{1,12}、)*$")
# Monitoring sections set up or added are work done (新建5个自动监测断面); counted alone, they are where a goal is measured
# (全市5个国考断面…水质持续改善, 推动…51个考核断面水质持续改善: 南通, 苏州 — every reader of the set excluded them).
# (更新提升6个断面水站设备: 扬州 — the stations' equipment renewed, work done)
_SECTIONS_BUILT = re.compile(r"(?:新建|新增|建成|建设|设立|设置|布设|增设|更新|提升|改造|升级|完成)[^，,。；;]{0,6}$")
_SCOPE_BEFORE = re.compile(r"面向(?:全[国省市区县镇])?(?:\d+(?:\.\d+)?(?:万|亿)?[^，,。；;、\d]{1,6}、)*$")
# (用地面积为7165.96平方米: the land a building takes, as 占地 — round eighteen; 供应建设用地35万亩 is a target)
_SITE_BEFORE = re.compile(r"(?:占地(?:面积)?|用地面积)(?:约|为|达|近|共)?[\x00\s]*$")
# The area a zone or plan covers, in square kilometres: a clause that is its area alone (…策源区…，面积约8.5平方公里) or
# names the planned area (…覆盖杨浦区全域，总规划面积约60.61平方公里). A project's (…进行精品提升改造，面积约17.36万平方米:
# 九江) and 播种面积稳定在…, 新增绿地面积… measure work.
_AREA_OF_BEFORE = re.compile(r"^(?:[^，,。；;]*?规划面积|面积)(?:约|为|约为|共)?$")
# (the rest of the whole's clause may stand between: 安排58亿元财政资金保障我区政府投资项目建设,其中,…)
_PARTS_AFTER = re.compile(r"(?:左右)?[^，,。；;:：\d\x00]{0,24}[，,]?[\x00\s]*[(（]?其中[:：，,]?")
_LIST_FOLLOWS = re.compile(r"[^。；;!！?？]*[。：:][\x00\s]*(?:1[.．、。](?:(?!\d)|(?=(?:19|20)\d{2}年))|[(（][一1][)）]|一、)")
# (the list's first item; 1.2024年…: a list number glued to a year)
# (and right after a heading's count and its noun, the heading's line ended: (一)实施8项民生工程 / 1.城乡居民增收工程, 楚雄)
_FIRST_ITEM = re.compile(r"[\x00\s]*(?:1[.．、](?!\d)|[(（][一1][)）]|一、)")


def _amount(m: re.Match) -> float:
    """The plain value of a _QTY match (its head where it is a range)."""
    head = re.split(r"[—–\-~～至到×*]", m.group(1).replace(",", ""))[0]
    return float(head) * {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
                          "万": 1e4, "千": 1e3}.get(m.group(2) or "", 1)


def _sum_of_parts(text: str, m: re.Match, e: int, hi: int) -> bool:
    """Whether the quantity ``m`` (ending at e) is broken down right after it, 其中:…, into parts of its unit
    that add up to it (the sentence's quantities of that unit up to its end)."""
    p = _PARTS_AFTER.match(text, e, hi)
    if not p:
        return False
    end = next((i for i in range(p.end(), hi) if text[i] in _SENT_END), hi)
    if len(re.findall(r"(?:19|20)\d{2}年", text[p.end():end])) >= 2:
        # (其中2024年5家、2025年5家…: the whole's parts by year — each a year's target, the whole the plan's own by its
        # horizon, a commitment of another date: 盐都's 设备更新 plan, round fifty-six's held-out set)
        return False
    parts = [q for q in _QTY.finditer(text, p.end(), end) if q.group(3) == m.group(3)]
    total = _amount(m)
    return len(parts) >= 2 and abs(sum(_amount(q) for q in parts) - total) <= 0.005 * total


# A verb between two quantities of a clause: the first is a result of its own (培育专精特新企业50家带动就业1万人,
# 新增城镇就业5万人实现农村劳动力转移2万人), not a size saying which things the second counts (建设1000亩高标准农田示范区3个).
_WORK_BETWEEN = re.compile(r"吸引|带动|实现|新增|完成|建成|培育|引进|带来|创造|解决|提供|形成|达到|新建|改造|打造|开展|吸纳|拉动|"
                           r"促进|推动|转移|安置|招引|落地|入驻|提升|增加|减少|降低")


# A sentence that reports what was done rather than sets what is to be done (round twelve, looked for on small news and
# summary texts: the held-out sets lost precision on such pages): it opens with a span that ends now or a year before the
# plan's — 截至目前,已完成投资12亿元,占年度计划的85%; 去年以来,累计建成充电桩300个; 今年以来,全市新增…; 2023年,全区新增就业
# 1.5万人,同比增长5% in a plan of 2024. Its numbers are results. 截至2025年底,… in a plan running to 2025 is a target (a
# year is past only before the period), and 2023年 opening a plan of 2023—2025 is its first year.
_REPORT_OPENER = re.compile(r"[\x00\s]*(?:截至|截止)(?:目前|当前|发稿时)|"
                            # (成都高新区去年实现地区生产总值1877.7亿元: the place, then last year — 成都高新, round
                            # thirty-five's held-out set)
                            r"[\x00\s]*[\u4e00-\u9fff]{1,12}?[区市县镇乡州](?:去年|上年|上一年)(?=实现|完成|全年|共|累计|[，,])|[\x00\s]*(?:去年|上年|上一年|过去一年|过去[一二两三四五]年"
                            r"|今年以来|去年以来|年初以来|入夏以来|近年来|近[一二两三四五]年来?|[一二两三四五十]+年来)[，,以]"
                            # 第一季度:…已基本完工…, 第三季度:目前…已建成并交付使用 — a quarter's or month's report of what was done
                            # (光明, round fifteen's held-out set); 一季度:完成… (its step) stays one
                            r"|[\x00\s]*(?:第?[一二三四]季度|\d{1,2}月(?:份)?|上半年|下半年)[:：](?=(?:目前|截至目前)|"
                            r"[^。；;，,]*?已(?:经)?(?:基本|全部|部分)?(?:完工|建成|完成|交付|竣工|开工|开学|移交|投用))"
                            # (三)完成情况:12个…于2024年1月份完成招投标… — a report's progress label (安民乡, round nineteen's
                            # held-out set): what was done, as a table's progress column (年度目标: beside it stays the goal)
                            r"|[\x00\s]*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.．、])?[\x00\s]*"
                            r"(?:完成情况|进展情况|推进情况|落实情况|执行情况|实施情况|工作进展|进展成效|取得成效|工作成效)[:：]"
                            # 2022年10月,我市成功被国家发改委列入…名单 (呼和浩特's 冷链 plan, round forty-seven's held-out set): a
                            # dated honour the plan opens by reporting, no step due then
                            r"|[\x00\s]*(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?[，,][^。；;]{0,12}?(?:成功|顺利)?(?:被|获)"
                            r"[^。；;]{0,30}?(?:列入|评为|认定|命名|批准|批复|获批|确定为)")
_PAST_OPENER = re.compile(r"[\x00\s]*(?:截至|截止|到)?((?:19|20)\d{2})年(?:全年|以来|\d{1,2}[-至—]\d{1,2}月|前三季度|上半年"
                          r"|[一二三四]季度|底|末)?[，,]")


# Words saying a figure is done (西平, round twenty-five: a ledger's progress line under each target line): the year's
# months so far (1-11月固定资产投资同比增长6.3%, 1-12月份共发放补贴资金12.3万元), a report month (截止11月份…当月增速6.8%;
# 截至6月底,… stays a mid-year target), a verb with 了 (增加了护理型床位50张, 为20所敬老院开辟了…) or 已 before a completion
# verb (…已完成关闭退出任务). Not a 1-N月 label with a colon (1-4月:完成投资2亿元, a ledger's plan for those months), not 为了/除了/了解 (a purpose, no past), nor 已建成的…, 30个已建成小区, 对已完成… (an attribute of
# what a task works on), nor
# a 1-N月 span ending in 前/底/末 (a deadline).
_PROGRESS_SPAN = re.compile(rf"(?<![\d.①-⑳])(?<![(（][1-9][)）])(?<!\x00(?=1[-—–~～至]\d{{1,2}}月(?:份)?[，,](?![^。；;]*?(?:增长|下降|同比|环比|累计|持平|回升|回落|增速))))1[-—–~～至]\d{{1,2}}月(?:份)?(?![底末前:：])(?!{_SCHEDULE_ITEM})"
                            r"|(?:截至|截止)\d{1,2}月份"
                            r"|(?<![个项座所家处条栋套户对的在])已(?:经)?(?:基本|全部|累计)?(?:完成|建成|开工|竣工|投用|发放|恢复|关闭|办结)(?![^。；;，,]*的)")
_DONE_LE = re.compile(r"(?<![为除罢])(?:进行|增加|新增|完成|建成|开辟|安装|发放|实施|开展|改造|改建|新建|落实|制定|印发|出台|"
                      r"举办|组织|培训|投入|争取|引进|帮扶|恢复|累计)了(?![解如])")


# A campaign's stage named with its time in brackets before its colon: （一）动员部署阶段（4月底前）：, 集中整治阶段(5-7月):
_STAGE_OPENING = re.compile(r"[\x00\s]*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])?"
                            r"[^，,。；;：:（(]{0,12}阶段[（(][^()（）]{2,16}[)）][:：]")
# A step's short title with its span in brackets, then its full stop or colon: 1.摸清底数（2025年1月—2025年6月）。 — the
# step is due when the span ends (黄浦's 排水 plan, round thirty-seven's held-out set: its stages had been no step)
_TITLE_BEFORE_SPAN = re.compile(r"(?:^|[\x00\s。；;])(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{0,2}[、.．])?"
                                r"[\x00\s]*[\u4e00-\u9fff“”]{2,12}[（(]$")


def title_span(text: str, t: Time) -> bool:
    """Whether the time phrase t stands in brackets right after a step's short title, closing its sentence or
    before its colon (1.摸清底数（2025年1月—2025年6月）。): the title is the step, due when the span ends."""
    return bool(re.match(r"[)）]。", text[t.end:t.end + 2]) and _TITLE_BEFORE_SPAN.search(text[max(0, t.start - 20):t.start]))


# A sentence that turns from a past year's report to the plan's own work: 今年, 下一步, 将…, 要…
_FORWARD_OPENER = re.compile(r"[\x00\s]*(?:今年|明年|本年|下一步|下步|接下来|未来|将|要|计划|力争|预计|同时|此外|围绕|按照)")


def reports_progress(text: str, s0: int, hi: int) -> bool:
    """Whether the sentence opening at text[s0] (and ending by hi) reports what was done: its first clause says so
    (``_PROGRESS_SPAN``, ``_DONE_LE``), which makes all its figures results. A report's figures met later in a
    sentence that sets targets (地区生产总值增长6.5%以上,1-10月份增长0.5%) are ``not_a_goal``'s, one clause at a time."""
    end = next((i for i in range(s0, hi) if text[i] in "。！？!?；;，,：:"), hi)
    # (searched on to hi, so that what follows a match, 1-4月:, is seen; a match must start in the first clause)
    return any((m := rx.search(text, s0, hi)) is not None and m.start() < end for rx in (_PROGRESS_SPAN, _DONE_LE))


# 目前,我镇有大型养殖场3个,养殖专业户6个 (朝阳镇's 生猪 plan, round seventy-one's held-out set): what there is now, the
# baseline the tasks start from — that sentence only; the next one may set the work (全年出栏生猪5万头)
_NOW_OPENER = re.compile(r"[\x00\s]*(?:目前|当前|现阶段|现在)[，,](?=[^。；;，,]{0,12}?(?:共有|现有|拥有|有|已))")


def reports_results(text: str, s0: int, first_year: int) -> bool:
    """Whether the sentence opening at text[s0] reports results (``_REPORT_OPENER``, ``_NOW_OPENER``, or a year before
    ``first_year``, the period's first, opening it)."""
    if _REPORT_OPENER.match(text, s0) or _NOW_OPENER.match(text, s0):
        return True
    m = _PAST_OPENER.match(text, s0)
    return bool(m and int(m.group(1)) < first_year)


def sentence_start(text: str, a: int, lo: int) -> int:
    """Where the sentence holding text[a] starts (after the last 。！？；; before it, from lo)."""
    return max([lo] + [i + 1 for i in range(lo, a) if text[i] in "。！？!?；;"])


def _names_counted(before: str, m: re.Match) -> bool:
    """Whether the count m, right after names set apart by 、 (高血压、糖尿病、严重精神障碍、肺结核4种慢病), counts just them:
    as many names as the count says, two or more. The names run back from the count to the list's first 、-free word
    (将65岁以上老年人和高血压: the last word after 和/及/与/将/对/把)."""
    names = before.replace("\x00", "").strip()
    if not names or names[-1] in "、，,；;。":
        return False
    items = names.split("、")
    items[0] = re.split(r"[和及与将对把为]", items[0])[-1]
    try:
        count = _amount(m)
    except ValueError:
        return False
    return len(items) >= 2 and all(1 <= len(x) <= 12 and not re.search(r"\d", x) for x in items) and count == len(items)


# A figure, then a share in brackets saying what part of a whole it is: 完成筛查人数1480人(20%), 完成投资5亿元(占年度计划的50%)
# — the share restates the figure before it (its month's part of the year's 7400人), it sets no goal of its own. A share with
# words of its own in the brackets (含快充桩20%, 其中…) is not this.
_SHARE_OF_BEFORE = re.compile(r"\d(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]{1,4}[(（](?:占[^()（）\d]{0,16}?的?)?$")


# The new figure of a step closing the clause right before a running total's (新增…30个，总计达60个; 特色道路10条，总计达
# 20条): group 1 its measure word.
_RUNNING_NEW = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?([\u4e00-\u9fff%]{1,2})[，,]$")


# The bar a thing passes to be counted, its measure before it: 年销售额超过, 年销售规模超, 产值达 (…1亿元的企业).
_CLASS_BAR = re.compile(r"[\u4e00-\u9fff]{1,6}(?:超过|超|过|逾|高于|大于|达到|达|不低于|不少于)$")
_BAR_CLASS = r"(?:及)?(?:以上)?的(?!目标|任务|水平|要求|规模)"  # (…达到10亿元的目标 is the figure to reach, no bar)


def not_a_goal(text: str, a: int, lo: int, hi: int, raw: str | None = None) -> str | None:
    """The reason code when the quantity at text[a] (in the sentence or line text[lo:hi]) is a number that
    sets no goal, else None. ``raw`` is the text with nothing masked (its list numbers), when ``text`` masks them."""
    m = _QTY.match(text[lo:hi], a - lo)  # (from lo: the list number before it, 1.3个月内, is not read)
    if not m:
        return None
    e, unit = lo + m.end(), m.group(3)
    # 10%-30%: the range's head is no word of the clause
    before = re.sub(r"\d+(?:\.\d+)?%?[—–\-~～至到]$", "", text[_clause_start(text, a, lo):a])
    lean = re.sub(r"[\x00\s]", "", before)  # (the clause before it without masks and spaces)
    after = text[e:e + 8]
    if _PROGRESS_SPAN.search(before) or _DONE_LE.search(text, _clause_start(text, a, lo), _clause_end(text, e, hi)):
        return "extract.reason.done"  # 1-10月份增长0.5%, 为20所敬老院开辟了…: its clause reports it done
    after = text[e:e + 8]
    if (unit == "个" and re.match(r"100[%％]", after)
            or unit in ("%", "％") and m.group().startswith("100") and re.search(rf"(?:\d|[{NONZERO}两])个$", lean)) \
            and not re.search(r"率|比例", lean):
        # “三年行动计划”4个100%任务全面达标, 四个100%成果全面巩固 (普洱's, 保山's 校园安全 plans, round one-hundred-and-sixth's
        # held-out set): the name of a set of standards met in full, no count or rate of its own — the clause is a step.
        # (…配备率、封闭化管理率…安装率等4个100%持续巩固 names its rates: 五华's, where 100% is each rate's target)
        return "extract.reason.designation"
    if _BOUND_BEFORE.search(before) or _BOUND_AFTER.match(after):
        return "extract.reason.rule_bound"
    if unit in ("元", "%") and _pays_each(text[_clause_start(text, a, lo):a], text[e:_clause_end(text, e, hi)], unit,
                                          rate=bool(re.match(r"[\d.]+(?:万|亿)?元/", text[a:e + 2]))):
        return "extract.reason.rule_bound"
    if unit in ("个", "项") and re.search(r"(?:[，,、]|^)(?:其中)?在建(?:项目|工程)?$", lean):
        # 计划新开工项目27个、计划建成项目16个、在建项目24个 (嘉定's 重大工程 plans, rounds forty-one and forty-two): the
        # projects under way, a status the year's list reports — what starts and what is finished are its targets
        return "extract.reason.descriptor"
    if unit in ("%", "‰") and re.search(r"(?:取得|征得|获得|经)[^，,。；;]{0,20}$", before) \
            and re.match(r"[^，,。；;]{0,40}?(?:书面)?同意", text[e:hi]):
        # 取得总户数95%以上同意后方可实施, 并取得80%以上公房承租人…同意 (崇明's 成套改造 plan, round forty-one's held-out
        # set): the consent a project must win before it starts, a rule's threshold, not a share to reach
        return "extract.reason.rule_bound"
    if re.search(r"(?:总计|累计|共计|合计)(?:达到?|为)?$", lean) and (prev := _RUNNING_NEW.search(
            text, max(lo, _clause_start(text, a, lo) - 40), _clause_start(text, a, lo))) and prev.group(1) == unit:
        # 新增白玉兰观赏点位30个，总计达60个: the new figure is the step's target, the total after it restates it with the
        # earlier steps' (白玉兰, round thirty-eight's held-out set); a total alone (累计建成充电桩5000个) stays a target
        return "extract.reason.running_total"
    if re.search(r"按(?:照)?[^，,；;。]{0,16}$", before) and re.match(r"(?:/[\u4e00-\u9fff])?(?:[\u4e00-\u9fff]{0,5}的)?标准(?!化)",
                                                                     text[e:e + 12]):
        # 按照1500元/人的标准发放, 按照每院5万元的标准给予补助: the rate a rule pays (枞阳); 按照每400人配备1名保洁员的标准 (朝阳)
        return "extract.reason.rule_bound"
    if unit in ("个", "项", "份", "件") and re.match(r"(?:的)?(?:报告|决议|议案|决定|提案)", after) \
            and re.search(r"(?:批准|通过|审议|听取|表决|审查)(?:了)?(?:这|这些|上述|以上|前述)?$", before):
        return "extract.reason.acts"  # 决定批准这6个报告: the documents a congress acted on (龙岗区, round eight)
    if unit in ("个", "项", "件", "条") and (re.search(r"(?:候选|备选)(?:项目|事项|实事)?(?:超过?|达到?|共|约|近|逾|多达)?$",
                                                      lean)
                                        or re.match(r"(?:余|多)?(?:民生实事|实事)?(?:候选|备选)", after)):
        return "extract.reason.candidates"  # 累计收集民生实事候选项目超230项: what was proposed, not chosen (龙华区)
    if unit in ("条", "件", "个", "项") and re.search(r"(?:收集|征集|汇集|梳理)[^，,。；;]{0,24}?(?:意见建议|意见和建议|建议|意见|诉求|"
                                                 r"线索|提案)(?:共|约|达|超)?$", lean):
        return "extract.reason.candidates"  # 共收集…提出的意见建议110条 (若羌): what was proposed, not chosen
    if unit in ("项", "件") and re.search(r"(?:票决|票选|选出|评选|遴选)(?:产生|出)?了?$", lean) \
            and re.match(r"[\x00\s]*[，,]?[\x00\s]*(?:作为|列为|确定为)", after):
        return "extract.reason.list_size"  # …会议票决产生10件,作为2026年十大民生实事项目 (若羌): the size of the list chosen
    if unit in ("个", "项", "件") and re.search(r"(?:候选|备选)[^，,。；;]{0,8}(?:票选|选出|评选|遴选|票决)出?$",
                                              lean):
        return "extract.reason.list_size"  # 从12个候选项目票选出10个项目: the size of the list chosen (南海, round fifteen)
    if unit in _ITEM_UNITS and text[lo + m.start() - 1:lo + m.start()] in "(（" and text[e:e + 1] in ")）" \
            and not re.search(r"[。，,；;：:\d]", text[_clause_start(text, a, lo):a - 1]) \
            and not text[e + 1:hi].strip("\x00 \n"):
        return "extract.reason.list_size"  # 二、提升环境品质方面(3项), 教育优质行动(4项): a heading counting its items
    if unit == "个" and text[lo + m.start() - 1:lo + m.start()] in "(（" and text[e:e + 1] in ")）" \
            and re.fullmatch(r"[^。，,；;：:\d]{2,12}(?:类|项目|工程)", named := re.sub(r"[\x00\s]", "", text[
                _clause_start(text, a, lo):a - 1])) and not _DOES_PROJECT.match(named) and not text[e + 1:hi].strip("\x00 \n"):
        # 正式项目（67个）, 市政设施类（5个）: a table's group heading counting its rows (嘉定's 重大工程 plan, round forty-one's
        # held-out set); 新建充电站（5个） — doing — keeps its target
        return "extract.reason.list_size"
    if unit in ("条", "章", "节", "款", "部分", "项") and re.match(r"[\x00\s]*(?:[，,。；;]|$)", after) \
            and re.search(r"(?:共|共计|合计|计)$", before) and re.search(r"》|以下简称", text[lo:a]):
        return "extract.reason.own_parts"  # 《…方案》(以下简称《方案》),包括八个部分,共28条 (山亭): the document's articles
    if re.search(r"以[^，,。；;以]{0,40}$", before) and re.match(
            r"[^，,。；;\d]{0,16}?为(?:重点|主|核心|主体|重点对象|对象|突破口|抓手)(?![\u4e00-\u9fff]{0,2}(?:目标|任务))",
            text[e:hi]):
        return "extract.reason.focus"  # 以黄河、西辽河等21条河流为重点 (内蒙古): which things the work is on, no target
    clause = re.sub(r"[\x00\s●•·■◆▲★]", "", text[_clause_start(text, a, lo):a])
    if clause.startswith("预计"):
        return "extract.reason.forecast"  # ●预计全省地区生产总值增长6%左右: an estimate of the year just ended (湖北, round seventeen)
    if re.search(r"以[^，,。；;以]*$", before) and re.match(r"(?:多|余)?[^，,。；;]{0,16}?为(?:主要|重点|服务)?对象", text[e:hi]):
        return "extract.reason.descriptive"  # 以…7600多名持证残疾人为主要对象: whom the plan serves (东阳, round seventeen)
    if unit in ("个", "家", "所", "处") and not clause \
            and re.match(r"[^，,。；;\d]{1,10}[，,]每(?:个|一个|一|家|所|处)?[\u4e00-\u9fff]{0,4}(?:至少|都|均|要|各)", text[e:hi]):
        return "extract.reason.descriptive"  # 11个产粮大县,每个县至少建设1处…: the units a per-unit target is set over (济宁)
    if re.search(r"(?:作为|是|系|成为|入选|获评)(?:全国|全省|全市|国家|省级)?(?:首批|第一批|第[二三四五六七八九十\d]+批)$",
                 lean):
        return "extract.reason.descriptive"  # 温州作为全国首批14个…城市 (round twelve): which batch the subject is in
    if re.search(r"(?:纳入|列入|入选|入围)(?:了)?(?:全国|全省|全市|国家|省级)$", lean):
        # 将澧县纳入全国120个新型城镇化补短板强弱项示范县范畴 (澧县, round one-hundred-and-eleventh's held-out set): the size
        # of the list the subject was put on, no count it must reach
        return "extract.reason.descriptive"
    if unit not in ("%", "‰") and text[lo + m.start() - 1:lo + m.start()] in "(（" and text[e:e + 1] in ")）" \
            and re.search(r"\d%[\x00\s]*$", text[max(lo, a - 12):a - 1]):
        # 全乡接种人数需达到常住人口总数的40%(9986人) (团洲's 接种 plan, round seventy-seven's held-out set): the share as
        # a head count, one target stated twice
        return "extract.reason.share_as_count"
    if unit in ("%", "‰") and text[e:e + 1] in ")）" and _SHARE_OF_BEFORE.search(before):
        return "extract.reason.share_of"  # 完成筛查人数1480人(20%): the share of the whole the figure is (泰顺, round fourteen)
    if unit in ("种", "类", "个", "项", "个环节") and not before.endswith("等") and _names_counted(before, m) \
            and not re.match(r"(?:以上|及以上|左右|多|余)", after):
        # (…重点实验室、产业技术研究院、应用技术中心、数据共享中心等创新平台5个以上: a floor is no count of the names — 商业航天,
        # round forty-four's held-out set)
        return "extract.reason.listed_count"  # 高血压、糖尿病、严重精神障碍、肺结核4种慢病 (南郑, round twelve)
    if re.search(r"在[^，,。；;在]*$", before) and re.match(r"[^，,。；;]{0,12}的基础上", after):
        return "extract.reason.base"  # 在去年建成300个的基础上,新建充电桩500个: what the target builds on (round twelve)
    if unit in ("个", "处") and (before.endswith("在") or re.search(r"在[^，,。；;在\d]{2,16}的$", before)) \
            and re.match(r"(?:行政)?(?:村|乡镇|乡|镇|街道|社区|小区|片区|县|区|市|地|点)", after) \
            or unit in ("个", "处", "条") and _WHERE_CHAIN.search(before):
        return "extract.reason.where"  # 在39个村改造升级10千伏线路: where the work is done (涉县 line 7, round ten)
    if unit == "个" and re.match(r"[^，,。；;、\d]{0,10}?断面", after) and not _SECTIONS_BUILT.search(before) \
            and not re.search(r"率|比例|比重", text[e:_clause_end(text, e, hi)]):  # (with its rate: rate_scope below)
        return "extract.reason.focus"  # 全市5个国考断面、31个省考以上断面水质持续改善: the sections a goal is measured at
    # 投资500万元以上技术改造项目1.2万个, 220千伏及以下输变电工程实现投资40亿元: the first says which are counted
    # (220千伏及以下输变电工程 is a class of works even with no count after it)
    nxt = _QTY.search(text, e, _clause_end(text, e, hi))
    if nxt and nxt.group(3) == "次" and not re.match(r"^及?以[上下]", after):
        nxt = None  # 为6万余名中小学生开展1次测评: the people reached, then how often — no class of things
    if re.search(r"\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff]{1,2}(?:投资|总投资|年产值|产值|营收|营业收入|规模)?$", before) \
            and re.match(r"^(?:及)?(?:以上|以下)?[\u4e00-\u9fff]{0,6}的", after):
        return "extract.reason.threshold"  # 建设1所100张以上床位的养老机构: the size that says which 养老机构; (含1家投资2亿元
        # 以上的500强企业项目): the money that says which project (双牌, round forty-seven's held-out set)
    if re.search(r"\d+(?:个|所|家|座|处|条|片|块|批)$", before) and re.match(r"^及?以[上下]", after):
        # 每个镇街至少1个500亩以上连片“工改工”片区 (round eleven): a size glued after a count says how large each of the
        # things counted is, as 建设1所100张以上床位的… does with 的; the count (1个) is the target
        return "extract.reason.threshold"
    if re.search(r"每[\d一二两三四五六七八九十百千万]+(?:\.\d+)?[\u4e00-\u9fff]{0,4}?(?:中|里|当中)?(?:就|便)(?:有|是)?$",
                 before):
        # 财政支出每4元就有1元用在教育 (round eleven): a share told as a saying, the second number is its numerator —
        # no value a registry holds (每万人拥有执业医师3.5名, a rate per head, has no 就 and stays)
        return "extract.reason.saying"
    if nxt and nxt.group(3) in ("分钟", "小时") and _ACCESS_AFTER.match(text[nxt.end():nxt.end() + 8]):
        nxt = None  # 90%以上乡镇实现15分钟上高速 (宁波): the standard reached, no class of things — the share is the target
    if nxt and nxt.group(3) in ("%", "％") and _RATE_CLASS.search(text, e, nxt.start()) \
            and _RATE_CLASS_AFTER.match(text, nxt.end(), hi):
        nxt = None  # 完成3万平方米节能率不低于15%的既有公共建筑节能改造 (松江, round thirty-five): the rate says which buildings
    if unit in ("%", "％") and _RATE_CLASS.search(before) and _RATE_CLASS_AFTER.match(text, e, hi):
        return "extract.reason.threshold"  # …节能率不低于15%的既有公共建筑: the rate a thing must have to be counted
    if nxt and unit in ("个", "家", "项", "所", "座", "处", "条", "批") and not re.match(r"^及?以[上下]", after) \
            and re.match(r"(?:及)?以[上下][^，,。；;\d]{0,12}?的", text[nxt.end():nxt.end() + 16]):
        nxt = None  # 引进6家投资5000万元以上的工业产业项目: the count, then the size that says which projects (双牌)
    if nxt and unit in ("个", "家", "项", "所", "座", "处", "条", "批") and _CLASS_BAR.search(text, e, nxt.start()) \
            and not re.search(r"[，,。；;(（、]", text[e:nxt.start()]) and re.match(_BAR_CLASS, text[nxt.end():nxt.end() + 8]):
        nxt = None  # 培育20家年销售额超过1亿元的企业 (广州's 直播电商 plan, round ninety-six's held-out set): the count, then the
        # bar a firm must pass to be counted — the count is the target (it had been taken for the bar's class)
    if _CLASS_BAR.search(before) and re.match(_BAR_CLASS, after) \
            and re.search(r"\d+(?:\.\d+)?(?:个|家|项|所|座|处|条|批)(?:以上|左右)?[^，,。；;、\d]{0,12}$", lean):
        return "extract.reason.threshold"  # 建成10个以上年销售规模超10亿元的直播电商产业园区: the bar that says which parks
    if nxt and unit == "个" and re.match(r"(?:类别|大类|方面)", after):
        nxt = None  # 共含8个类别17个小项: the kinds of a list, then its items — no class of things (read as own parts below)
    if nxt and re.fullmatch(r"(?:总|全)?(?:长|长度|里程)(?:约|达|为|共)?", text[e:nxt.start()]):
        nxt = None  # 清淤支斗渠98条长119.4公里: how many, then how long they are — two results, no class (平罗 城关镇's 农田水利
        # plan, round ninety-seven's held-out set: the counts had been read as thresholds)
    if nxt and re.match(r"(?:并且|并|同时|且)", after):
        nxt = None  # 硬化道路10万平方米并安装太阳能路灯1000盏: two works joined, no class of things (涉县 line 3)
    if nxt and not re.match(r"^及?以[上下]", after) and _WORK_BETWEEN.search(text, e, nxt.start()):
        nxt = None  # 新建标准化厂房20万平方米吸引入驻企业50家: a verb between them, two results, no class (round ten)
    if nxt and not re.search(r"[、和及与]", re.sub(r"^及?以[上下]", "", text[e:nxt.start()])) \
            and re.match(r"^(?:及?以上|及?以下)?[\u4e00-\u9fff]", after) \
            or re.match(r"^及以[上下][\u4e00-\u9fff]", after):
        return "extract.reason.threshold"
    if unit in ("次", "届", "个", "批", "轮", "期", "项", "条", "件", "款", "章", "节") and re.search(r"第$", before) \
            or unit == "次" and re.search(rf"第[\d{NONZERO}十]+届$", lean):
        # (县政府第17届77次常务会议: 东至's 零工市场 plan, round sixty-one's held-out set — the session's meeting too)
        return "extract.reason.ordinal"  # 县委农办2025年第2次(扩大)会议, 第35个爱国卫生月 (上海, round thirty): which one, no count
    if unit in ("米", "公里", "千米") and re.match(r"范围", after):
        # 建成区外3公里范围, 铁路两侧500米范围内, 水源井周边30米范围内: the zone the work is done in (介休's 清洁取暖 plan, round
        # eighty-four: its heading (三)建成区外3公里范围 had been drafted; four of four in the development documents)
        return "extract.reason.descriptor"
    if unit in ("分钟", "小时") and _ACCESS_AFTER.match(after):
        return "extract.reason.descriptor"  # 15分钟健身圈, 30分钟通勤圈, 15分钟上高速: the standard a circle is named by
    if unit == "米" and (re.search(r"(?:^|[，,；;\x00])(?:路面|道路|桥梁|桥面|车行道)?(?:宽|宽度|净宽|跨径)(?:为|约|达)?$", before)
                        or re.match(r"桥跨|跨径|跨度", after)):
        return "extract.reason.descriptor"  # 宽12米, 采用2-32米桥跨方案: a dimension of what is built (九江, round twenty)
    if re.search(r"(?:依托|依靠|借助)(?:全[省市区县镇]|辖区内?|现有|已建成?的?|区内|市内|县内)?(?:共)?$", lean):
        # 依托全市5家化工园区, 依托58台水质自动监测站 (苏州's 碳达峰 plan, 丰台's 美丽丰台 list): the means the task relies
        # on, what there is — the count right after 依托 is no goal (依托现有站点新建驿站50个 keeps its 50个: a verb between)
        return "extract.reason.descriptor"
    if unit in ("元", "万元", "亿元") and re.fullmatch(r"[\x00\s]*(?:计划|拟)?投资(?:约)?[\x00\s]*", text[_clause_start(text, a, lo):a]) \
            and _FUNDS_WORK.match(text, e, hi):
        return "extract.reason.funds"  # 投资5000万元,提升改造低等级公路40公里 (新昌): the money the counted work is done with
    if unit in ("元", "万元", "亿元") and _BUDGET_BEFORE.search(text[_clause_start(text, a, lo):a]) \
            and not _MORE_AFTER.match(after):
        return "extract.reason.budget"  # 总投资额约470万元 (安民乡): the size of the project, not what it must reach
    if unit == "周" and after.startswith("年") or unit == "小时" and (
            _DESCRIPTOR_AFTER.match(after) or re.search(r"\d[×*xX]$", before)):
        return "extract.reason.descriptor"
    # (力争6个月内完成清理 stays a target, 6个月 <=, as issue 20 has it: a time limit the plan commits to)
    if unit in ("个月", "天", "周", "年", "日", "个工作日", "工作日") and (
            re.search(r"(?:利用|用|经过|历时|为期)$", before) or re.match(r"^(?:左右)?(?:的)?时间", after)):
        # (通过为期4个月的集中治理: how long the campaign runs — 衡阳's and 双牌's 戴帽工程, round seventy-five)
        return "extract.reason.span"
    if unit in ("个月", "天", "周", "年", "日", "个工作日", "工作日") and re.match(r"(?:以)?内", after) \
            and re.search(r"(?:印发|发布|更新|公布|出台|实施|施行|受理|收到|确定|认定)(?:之)?后$", before):
        # 公立医疗机构应于目录更新后30天内组织入院评估 (医疗器械, round forty-four's held-out set), 于本文印发后3个月内出台…
        # (家庭医生, round twenty-two): a time counted from an event, a rule for each time it happens — no date, no goal
        return "extract.reason.span"
    if unit in _ROUTINE_UNITS and _CYCLE_BEFORE.search(before):
        return "extract.reason.frequency"
    if unit in ("个月", "天", "周", "日", "小时", "分钟", "个工作日", "工作日") \
            and (re.search(r"(?:间隔|每隔|相隔)$", before)
                 or re.match(r"(?:以|之)?后", after) and re.search(r"[\u4e00-\u9fff]$", before)
                 and not re.search(r"(?:力争|争取|通过|经过|用|再|到|至|于|在)$", before)):
        # 间隔3～4周加强免疫, 每间隔4～6个月免疫一次, 免疫21天后 (平潭's 强制免疫 plan, round hundred-and-forty-seventh's held-out
        # set): the interval of a routine, a time counted from each event — no goal, no date
        return "extract.reason.frequency"
    cs0 = _clause_start(text, a, lo)
    if unit in ("项", "件", "个") and re.match(r"(?:均|全部)?(?:已完成|已建成|已开工|已落地|已实施|正在|在建|已启动)", after) \
            and re.fullmatch(r"(?:其中|目前|截至目前|现已|已有|共有|共|有)?", re.sub(r"[\x00\s]", "", text[cs0:a])):
        # 26项已完成,6项正在抓紧收尾: what is done of a list, not a goal — the count the clause's subject; after a verb
        # it says which things the work is on (改造30个已建成老旧小区, 新增10个在建项目: round ten, they had been swallowed)
        return "extract.reason.progress"
    if unit in ("名", "位") and re.match(r"(?:余|多)?[\u4e00-\u9fff]{0,8}?(?:代表|委员)(?![\u4e00-\u9fff]*(?:培训|轮训))", after):
        return "extract.reason.participants"  # 69名基层议事代表和12名区人大代表: who sat in the meeting (中梁山街道)
    if unit in ("栋", "幢", "号楼") and (re.match(rf"、\d+{unit}", text[e:e + 6])
                                      or re.search(rf"\d+{unit}、$", text[max(lo, a - 6):a])):
        return "extract.reason.designation"  # 协兴村4栋、9栋等: the buildings' numbers, a list of names
    if unit == "千伏":
        return "extract.reason.voltage"
    if unit in ("千伏安", "MVA", "千瓦", "兆瓦", "kW", "MW") and re.search(r"\d+(?:台|套|座|组|个)$", before) \
            and re.match(r"[\u4e00-\u9fff]", after):
        return "extract.reason.threshold"  # 购置安装1台500千伏安箱式变压器 (苏尼特左旗): the size of the thing counted
    if _SITE_BEFORE.search(before):
        return "extract.reason.site"
    if unit in ("平方公里", "平方千米") and _AREA_OF_BEFORE.search(re.sub(r"[\x00\s]", "", text[cs0:a])):
        # 创新区覆盖杨浦区全域，总规划面积约60.61平方公里, …策源区…面积约8.5平方公里 (杨浦, round forty-four's held-out set):
        # the size of the area a plan covers, no goal — 新增绿地面积, 完成整治面积 are work done
        return "extract.reason.site"
    if _BENEFIT_BEFORE.search(before) or unit in _PEOPLE_UNITS and _EFFECT_LEAD.match(text, cs0, a) \
            and re.match(r"^(?:余|多)?[\u4e00-\u9fff]{0,6}的", after):
        return "extract.reason.beneficiaries"
    if _SCOPE_BEFORE.search(re.sub(r"[\x00\s]", "", text[cs0:a])):
        return "extract.reason.scope"  # 面向全市627所学校、75万名学生开展…教育 (连云港): whom the work reaches, its scope
    if unit in ("元", "万元", "亿元") and _FUNDING_PARTS.search(text[sentence_start(text, a, lo):a]) \
            and _FUNDING_SOURCE.search(text[_clause_start(text, a, lo):a]):
        # 计划安排资金70万元,其中争取中央补助24万元,…县级安排30万元 (井研): who pays which share of the money; the parts by what
        # it is spent on (其中,道路建设10亿元,教育设施12亿元: round twelve) stay the targets
        return "extract.reason.funds"
    if unit in ("元", "万元", "亿元") and _ALLOTTED_BEFORE.search(re.sub(r"[\x00\s]", "", text[cs0:a])):
        # 车购税补助资金4032.44万元, 日常养护资金为740万元,其中自治区补助资金148万元 (托克逊's 公路 plan, round forty-four's
        # held-out set): the money a kind of fund gives the work, no goal — 争取…资金, 完成投资 are what a plan commits to
        return "extract.reason.funds"
    if _sum_of_parts(text, m, e, hi):
        return "extract.reason.sum_of_parts"
    if unit in _ITEM_UNITS and (_BROKEN_INTO.search(text[lo:a]) or _LISTS_AFTER.match(text, e, min(len(text), hi + 12))):
        return "extract.reason.list_size"
    if unit in ("个", "家", "所", "处") and not re.sub(r"[\x00\s]", "", text[_clause_start(text, a, lo):a]) \
            and _LISTS_AFTER.match(text, e, min(len(text), hi + 12)):
        # （1）2个计划新开工项目分别是：A和B (嘉定's 重大工程 plan, round forty-one's held-out set): the count opening its
        # clause sizes the list after it, whose items are named there (建设2个公园，分别是… keeps its verb and its target)
        return "extract.reason.list_size"
    if unit in ("个", "家") and _OWN_UNITS_AFTER.match(after):
        return "extract.reason.own_parts"
    if unit in _SIZE_UNITS and re.match(r"(?:及)?以[上下](?:的)?[\u4e00-\u9fff]{0,8}?(?:企业|单位|机组|商场|场所|建筑|项目|工地|锅炉|窑炉|船舶|车辆)"
                r"(?![\u4e00-\u9fff]{0,2}(?:达到|达|占比|比重|比例|覆盖率|数量|总数))", after) \
            and not re.search(r"(?:达到|达|提高到|提升到|增长|增加|完成|实现|超过|突破|新增|新建|建成|培育|引进|不少于|不低于|至少)$", lean):
        # 年综合能耗2000吨标准煤以上用能企业, 5万平方米以上商场, 100平方米以上的电动自行车集中充电场所: the size that names
        # which ones a task is about (苏州's and 唐山's 碳达峰 plans, 静安's 更新 plan), no amount to reach
        return "extract.reason.threshold"
    if unit in ("次", "届", "轮") and re.search(r"(?:与|和|同|比)前$", lean):
        return "extract.reason.done"  # 与前4次经济普查相比 (郧阳's 经济普查 report, round sixty-six): the rounds held before
    if re.search(rf"\d+(?:\.\d+)?(?:万|亿)?{re.escape(unit)}[^。；;\d]{{0,16}}[，,]?即[:：]",
                 text[sentence_start(text, a, lo):a]):
        # 全市计划打造22个数字乡镇试点,即:偏关县8个乡镇数字建设全覆盖、其余13个县(市、区)…各1个数字乡镇 (忻州's 数字乡村
        # notice, round seventy-two's held-out set): after 即 the whole is spelled out, its figures say where it falls
        return "extract.reason.spelled_out"
    if (unit in ("部门", "个部门", "家单位", "个单位", "部委", "个部委") or unit == "部" and after.startswith("委")) \
            and (re.search(r"等$", lean) or re.match(r"(?:联合)?(?:印发|出台|发布|办公厅)?(?:的)?《", after)):
        # (江西省商务厅17部门《关于加强全省县域商业体系建设…的意见》: 丰城's 县域商业 draft, round ninety-six's held-out set —
        # the departments named by their count, their document right after it)
        # (农业农村部等6部委《关于促进生猪产业持续健康发展的意见》: 彭水's 生猪 plan, round seventy-one's held-out set)
        # 商务部等9部门办公厅《…》, 省卫生健康委等14部门印发 (山东's 县域商业 and 湖州's 急救 texts, rounds sixty and sixty-one):
        # who issued a document, not a count to reach
        return "extract.reason.issuers"
    cs = _clause_start(text, a, lo)
    if unit in ("元", "万元", "亿元") and _ESTIMATE_BEFORE.search(text[cs:a]):
        return "extract.reason.estimate"
    if unit in ("元", "万元", "亿元") and _CLASS_AFTER.match(after):
        return "extract.reason.threshold"  # 新增20亿元企业、10亿元企业…分别不少于1家 (如皋): a size naming which firms count
    if unit in ("个", "座", "处", "条", "家", "所") and _RATE_AFTER.match(text, e, _clause_end(text, e, hi)) \
            and not _BUILT_BEFORE.search(text, cs, a):
        return "extract.reason.rate_scope"
    if unit in ("个", "项", "批") and _LIST_ARRANGED.search(re.sub(r"[\x00\s]", "", text[cs:a])) \
            and not _MORE_AFTER.match(after):
        return "extract.reason.list_size"
    if unit in ("%", "个百分点") and re.search(r"(?:较|比|同比)(?:19|20)\d{2}年?(?:增长|增加|提高)$", text[cs:a]) \
            and _ESTIMATE_BEFORE.search(re.sub(r"\d+(?:\.\d+)?(?:万|亿)?元[，,][\x00\s]*$", "", text[lo:cs])):
        return "extract.reason.estimate"  # …预计投入资金2.5亿元,较2024年增长120%: the estimate's growth
    if unit in ("项", "件", "条"):
        lead = re.sub(r"[\x00\s]", "", text[cs:a])
        if _COUNT_AFTER_NOUN.search(lead) and not _DOING_IN_LEAD.search(lead) \
                or re.search(r"[(（](?:含|其中|包括|共计|共有|合计|共)[^()（）]*$", lead) \
                or lead.endswith("将") and re.match(r"[^，,。；;]{0,16}?(?:进行)?(?:分解|细化|拆分|分工)", text[e:hi]) \
                or re.match(r"[\x00\s]*[:：]", after):
            return "extract.reason.own_parts"  # 项目18项(含区人大票决15项), 共两大类33项: 一是…: the list's count; …分工方案
            # (共计121项), 将121项区政府重点工作进行分解 (大兴区, round ten): the plan's own tasks
    # The count of a 民生实事 list that no verb of doing governs (城中区20项民生实事项目出炉, 十个方面30项为民实事实施方案
    # 印发, 20个民生实事项目正式票选出炉): it names the list, whose items are the entries; 全力办好10件民生实事 commits to
    # them where the list is not given (round four keeps it). And the count of the items that follow (确定以下八类11个
    # 项目为…).
    if unit in ("项", "件", "个", "条", "类", "大类") and (
            _LIST_KIND_AFTER.match(text, e, hi) and not _DOING_BEFORE.search(text[cs:a])
            or re.search(rf"(?:以下|下列|如下)(?:[{NONZERO}十两\d]+(?:大类|类|个方面|方面))?[\x00\s]*$", text[cs:a])):
        return "extract.reason.own_parts"
    items = _OWN_ITEMS_AFTER.match(text, e, _clause_end(text, e, hi) + 1) if unit in ("项", "件", "条") \
        else re.match(r"(?:(?:子|小|大)?项目?(?:内容)?|类别(?=\d))(?=$|[，,。；;：:\x00)）\d])",
                      text[e:min(_clause_end(text, e, hi) + 1, hi)]) \
        if unit == "个" else None  # (not past the line's end: 共计37个项目 on its own line, the next line glued on — 思明)
    # (共计37个项目, 共十大类25个子项目: the list's projects counted — round twenty; 攻坚行动共含8个类别17个小项内容: the
    # campaign's kinds and items — 益阳's 交警 plan)
    if items or unit == "个" and after.startswith("方面"):  # 共分10个方面、193项工作任务
        cs = _clause_start(text, a, lo)
        lead = re.sub(r"[\x00\s]", "", text[cs:a])
        if "》" in text[lo:a] or _DESCRIBES.search(lead) \
                or _LIST_FOLLOWS.match(raw or text, e, min(len(raw or text), hi + 8)) \
                or items and _FIRST_ITEM.match(raw or text, items.end()) \
                or items and not lead and text[items.end():items.end() + 1] in ("是", "为"):
            return "extract.reason.own_parts"  # (20件重点民生实事是…承诺: the list's items, what they are)
    return None


# --------------------------------------------------------------------------- entries


@dataclass
class Time:
    """A time phrase of the text: its compact span and what it reads as."""

    start: int
    end: int
    text: str  # compact
    deadline: Deadline
    yearless: bool = False  # 10月底前: read in the document's year, which the registry cannot store
    read_as: str | None = None  # 20251月20日前 (the page lost the 年): the phrase as read, 2025年1月20日前
    heading: bool = False  # the date of a heading above or of a table row's 完成时限 cell


@dataclass
class Draft:
    """One drafted entry before it is written out: what it is and where its quote and value are."""

    plan: Plan
    block: Block
    kind: str
    metric: str
    qstart: int
    qend: int
    value: tuple[int, int] | None = None  # compact span of value_text
    comparator: str | None = None
    time: Time | None = None
    sort: int = 0
    governed: bool = False  # the deadline is that of the time phrase heading the paragraph or list
    units: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # lead and support its sentence names (its subject)
    unit_text: str | None = None  # the measure a target table's row names for its bare figure ((亿元) -> 37 is 37亿元)


def _spans(text: str, open_: str, close: str, base: int) -> list[tuple[int, int]]:
    out, depth, st = [], 0, 0
    for i, ch in enumerate(text):
        if ch == open_:
            if depth == 0:
                st = i
            depth += 1
        elif ch == close and depth:
            depth -= 1
            if depth == 0:
                out.append((base + st, base + i + 1))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# A page's 。 set as a half-width stop between words (…力争消除劣Ⅴ类断面.全市31个重点…: 南通's PDF copy, round forty-seven's
# held-out set — its sentences had run on over lines): a word's last character, the stop, then a word or the line's end. A
# list number (1.地表水) and a decimal (3.5) stand after a digit.
_HALF_STOP = re.compile(r"[\u4e00-\u9fff)）”Ⅴ%％]\.(?=[\u4e00-\u9fff“（(]|\s|$)")


def _sentences(c: str, a: int, b: int, breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """The sentences of c[a:b]: up to each 。!?, and at each position of ``breaks`` (a line of a web copy
    that ends without punctuation: a heading or a list item of its own)."""
    out, st = [], a
    for i in range(a, b):
        if i in breaks and i > st:
            out.append((st, i))
            st = i
        if c[i] in _SENT_END or c[i] == "." and _HALF_STOP.match(c, i - 1):
            out.append((st, i))
            st = i + 1
    if st < b:
        out.append((st, b))
    return [(x, y) for x, y in out if y > x]


def _clause_start(c: str, pos: int, lo: int) -> int:
    while pos > lo and c[pos - 1] not in _CLAUSE_END:
        pos -= 1
    return pos


def _clause_end(c: str, pos: int, hi: int) -> int:
    while pos < hi and c[pos] not in _CLAUSE_END:
        pos += 1
    return pos


# 建成以X为龙头，Y的Z体系: a clause ending in 以…为龙头 (为核心, 为重点 …) is the frame of the next one's
# object, not an action of its own.
_FRAME_END = re.compile(r"以[^，,；;。]{1,30}为(?:龙头|核心|重点|主体|引领|支撑|主线|抓手|基础|导向|中心|牵引)$")


# 通过深化改革，形成…: a clause of means (通过/依托/按照…) leads the action of the next one; so does a clause of
# ground (在现有服务水平基础上，…提升1～3个百分点: 广州's 家庭医生 plan, round twenty-two — it had been a step of its own).
_MEANS = re.compile(r"^(?:(?:通过|依托|按照|围绕|立足|借助)[^，,；;。]*|在[^，,；;。]{1,30}(?:的?基础上|前提下|条件下))$")


def _action_end(c: str, pos: int, hi: int) -> int:
    """The end of the action clause starting at ``pos``: the clause, carried over a 以…为龙头， frame."""
    e = _clause_end(c, pos, hi)
    while e < hi and (_FRAME_END.search(c[pos:e]) or _MEANS.match(c[pos:e].lstrip("\x00"))):
        e = _clause_end(c, e + 1, hi)
    return e


# A print copy wraps a sentence over lines filled to the page's width and over page breaks (a blank line
# between); a web copy gives each paragraph, heading and list item a line of its own, the next right under
# it, punctuated or not. A line without final punctuation, shorter than a filled print line and with the
# next line right under it, ends its sentence (a numbered item or heading under it starts a block of its
# own anyway). A filled line is as long as the text's own wrap width when its unpunctuated lines show one
# (most of them within a few characters of one length: a copy printed 30 characters wide), else 40
# characters or more (the shipped print copy's wrapped lines are 60 and more).
_WRAPPED_MIN = 40  # compact characters, when the text shows no wrap width of its own
_WIDTH_SPREAD = 4  # half-width digits and letters make a filled line's compact length vary
_LINE_DONE = "。!?！？；;：:，,、"


def _double_spaced(doc: Doc) -> bool:
    """Nearly every paragraph is followed by a blank line (a web page's paragraphs, the shipped copy): there the
    blank line is the layout's gap between paragraphs, not a page break, and the line after it stands "right
    under" the one before."""
    lines = doc.lines
    filled = [i for i in range(len(lines) - 1) if lines[i].strip()]
    gaps = sum(1 for i in filled if not lines[i + 1].strip())
    return len(filled) >= 6 and gaps >= 0.6 * len(filled)


# A forum's anti-copy noise closing a line (南郑区's page, round twelve: …新增学位270个;- s: f1 o, X* g% z* L): four or more
# runs of one to three printable ASCII characters between spaces, no word of the text.
_NOISE_TAIL = re.compile(r"[\x21-\x7e]{1,3}(?:\s+[\x21-\x7e]{1,3}){3,}\s*$")


def _unpunctuated_under(doc: Doc) -> list[tuple[int, int]]:
    """(line, compact length) of each line that ends without final punctuation with a line right under it (in a
    double-spaced text: the next line after the blank one)."""
    out = []
    spaced = _double_spaced(doc)
    rest = [False] * (len(doc.lines) + 1)  # rest[i]: a line with text from index i on
    for i in range(len(doc.lines) - 1, -1, -1):
        rest[i] = rest[i + 1] or bool(doc.lines[i].strip())
    for li in range(1, len(doc.lines)):
        a, e = doc.src.line_span(li)
        body = doc.c[a:e]
        under = doc.lines[li].strip() or (spaced and rest[li])  # doc.lines[li]: the next line
        # (索引号 | … || / 组配分类 | … | 发布机构 | … |: a page's index block as table rows — rows of cells, never a print
        # copy's wrap; four of them had set 温州's 强市 plan a wrap width, its goals paragraph joined to the next line)
        if body and body[-1] not in _LINE_DONE and under and not _TABLE_ROW.search(doc.lines[li - 1]):
            out.append((li, len(body)))
    return out


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|\S\s*\|\s*\S.*\|\s*$")


def _wrap_width(doc: Doc) -> int | None:
    """The text's own wrap width when most of its unpunctuated lines (three or more, 20 characters or
    longer) lie within a few characters of one length (a print copy), else None."""
    lengths = [n for _, n in _unpunctuated_under(doc)]
    best, count = 0, 0
    for w in sorted({n for n in lengths if n >= 20}):
        k = sum(w <= n <= w + _WIDTH_SPREAD for n in lengths)
        if k > count:
            best, count = w, k
    if count >= 3 and count >= 0.6 * len(lengths):
        return best
    return None


def _filled_width(doc: Doc) -> int:
    """The length from which a line is a filled print line: the text's own wrap width, else 40."""
    return _wrap_width(doc) or _WRAPPED_MIN


def _unpunctuated_items(doc: Doc, lines: list[tuple[int, int]], width: int) -> bool:
    """Whether the text sets its lines down without final punctuation as its own style (a list of items, one piece of
    work a line, 长宁's page in round thirteen): ten or more such lines, nine in ten of them shorter than a filled line
    and no wrap width of its own. There a longer line is one more item, not a print copy's wrap (a print copy's
    unpunctuated lines are its filled ones)."""
    if len(lines) < 10 or _wrap_width(doc) is not None:
        return False
    return sum(n < width for _, n in lines) >= 0.9 * len(lines)


def _line_breaks(doc: Doc, lo: int, hi: int) -> frozenset[int]:
    """Compact positions where a line without final punctuation ends its sentence (a web paragraph, heading
    or item)."""
    width = _filled_width(doc)
    out = set()
    under = _unpunctuated_under(doc)
    items = _unpunctuated_items(doc, under, width)
    for li, n in under:
        a, e = doc.src.line_span(li)
        if not lo < e < hi:  # (the break is what counts: a first task's line starts before lo, at its number)
            continue
        if _inside_a_number(doc, li):
            continue  # 1.2024年6 / 月底前…, 新建停车场30 / 个: a line a page broke inside a number carries on
        if n < width or items or _indented_next(doc, li) or _ends_before_noise(doc.lines[li - 1]) \
                or _heading_next(doc, li) or _TITLE_LINE.fullmatch(doc.c[a:e]) or _signature_next(doc, li) \
                or _row_number_next(doc, li):
            out.add(e)
    for li in range(doc.line_of(lo), doc.line_of(max(lo, hi - 1)) + 1):
        # a bar closing a line closes a table's cell (序号 | … | 责任单位 |): no print wrap runs on past it (round fifteen)
        a, e = doc.src.line_span(li)
        if lo < e < hi and doc.lines[li - 1].rstrip().endswith(("|", "｜")):
            out.add(e)
    return frozenset(out)


def _row_number_next(doc: Doc, li: int) -> bool:
    """Whether the line after ``li`` opens with a table row's bare number and a space before its task (35 强化企业创新…:
    谯城's 科技局 rows, round fifty-five's held-out set, whose row above ends on its time cell 2023年12月底): a new row, no
    print wrap of the line above (a number a page broke, 新增 / 35 个, goes on with its measure)."""
    nxt = next((ln.lstrip() for ln in doc.lines[li:li + 3] if ln.strip()), "")  # (a page spacing its lines: the next with text)
    m = re.match(r"\d{1,3}[ \t\u3000]+(?=[\u4e00-\u9fff])", nxt)
    return bool(m) and not _NUMBER_GOES_ON.match(nxt, m.end())


# A line that is a plan's title however long (2026年虹口区为…加装消防设施的消防为民办实事项目实施方案, 53 characters: 虹口, round
# thirty-six's held-out set): it names the plan and ends there — no print wrap runs on into the notice under it, which had
# broken the line contract. A sentence's line holds a comma or a stop; a title none.
_TITLE_LINE = re.compile(rf"[^，,。；;：:！!？?]{{8,}}{TITLE_END}")
# A task's or a group's number on a line of its own: 2., (3), （一）, 一、.
_NUMBER_ALONE = re.compile(rf"\d{{1,3}}[.．、。]|[(（](?:\d{{1,3}}|[{COUNTING}]+)[)）]|[{COUNTING}]+、")
_NUMBER_GOES_ON = re.compile(r"[月日年号%‰万亿千百]|(?:" + "|".join(re.escape(u) for u in _UNITS) + ")")


# The issuer's name alone on its line, then the signature's date line (is_signature_line) or nothing: the notice's
# signature, no line a print copy
# wrapped into (上海市绿化和市容管理局 / 2024年4月12日 under an annex list's last item: 压缩站, round thirty-eight's held-out
# set — the item's quote had run on into the signature, breaking the line contract).
_SIGNATURE = re.compile(r"[\u4e00-\u9fff()]{2,30}(?:局|委员会|委|人民政府|政府|办公室|办公厅|管理委员会|管委会|中心|厅|办)")


def _signature_next(doc: Doc, li: int) -> bool:
    """Whether the line after line ``li`` (1-based) is a signature: a unit's name alone, then a date line or no text."""
    rest = [ln for ln in doc.lines[li:] if ln.strip()]
    return bool(rest) and bool(_SIGNATURE.fullmatch(compact(rest[0].strip()))) \
        and (len(rest) == 1 or is_signature_line(rest[1]))


def _inside_a_number(doc: Doc, li: int) -> bool:
    """Whether line ``li`` ends on a digit and the next line with text opens with what a number takes after it (月, 日,
    %, 万, a measure word): the page broke the line inside a number or a date (round fifteen)."""
    a, e = doc.src.line_span(li)
    if not doc.c[a:e][-1:].isdigit():
        return False
    nxt = next((ln for ln in doc.lines[li:] if ln.strip()), "")
    return bool(_NUMBER_GOES_ON.match(compact(nxt)))


def _ends_before_noise(line: str) -> bool:
    """Whether the line's sentence ended before anti-copy noise closing it (…座椅670套。* `9 h3 s& ^7 X* b( ^,
    …21000平方米;) L( f% …): the line ends its paragraph, as it would without the noise."""
    noise = _NOISE_TAIL.search(line)
    return bool(noise) and (line[:noise.start()].rstrip()[-1:] in _LINE_DONE or noise.group()[0] in _LINE_DONE)


def _heading_next(doc: Doc, li: int) -> bool:
    """Whether the next line with text after line ``li`` is a heading alone: a few words without any punctuation
    (交通, 商贸 over a news page's paragraphs). A print copy's wrap ends its paragraph with the sentence's stop, so a
    filled line before such a line ends its paragraph (天津, round twenty-nine's held-out set: …地铁11号线一期东段建成通车
    had run on into 商贸, the quote past its line)."""
    nxt = next((compact(ln).strip() for ln in doc.lines[li:] if ln.strip()), "")
    return 0 < len(nxt) <= 8 and not re.search(r"[\d\W_]", nxt)


def _indented_next(doc: Doc, li: int) -> bool:
    """Whether the next line with text after line ``li`` opens with an indent (two spaces, a full-width space, a tab):
    the first line of a paragraph. A print copy's wrap carries no indent, so a filled line before an indented one ends
    its paragraph (温州's page, round twelve: …开展免费窝沟封闭 / blank / 　同时,… had been run on into one paragraph)."""
    for nxt in doc.lines[li:]:
        if nxt.strip():
            return _indent(nxt) - _margin(doc) >= 2
    return False


def _indent(line: str) -> int:
    """How far a line is indented, in half-width spaces (a full-width space is two, a tab four)."""
    n = 0
    for ch in line:
        if ch not in " \u3000\t":
            break
        n += {"\u3000": 2, "\t": 4}.get(ch, 1)
    return n


def _margin(doc: Doc) -> int:
    """The indent every line with text carries (a page that sets its whole text in from the edge): an indent says a
    paragraph opens only beyond it (成都's list indented as a whole had its print wrap read as a new paragraph)."""
    if doc.margin is None:
        doc.margin = min((_indent(ln) for ln in doc.lines if ln.strip()), default=0)
    return doc.margin


_PARA_DONE = ("。", "!", "?", "！", "？", "…", "...")  # (…… ends a list of goals a page quotes)


def _paragraph_ends(doc: Doc, lo: int, hi: int) -> frozenset[int]:
    """Compact positions where a line ending a sentence (。) ends its paragraph: one indicator a line
    (到2024年，全市新建充电桩500个。/ 全市生产总值增长6%左右。) is a paragraph a line, not a print copy's wrap.
    Only a line as long as a print copy's own wrap width may end in 。 by chance and carry on."""
    width = _wrap_width(doc)
    out = set()
    for li in range(doc.line_of(lo), doc.line_of(max(lo, hi - 1)) + 1):
        a, e = doc.src.line_span(li)
        body = doc.c[a:e]
        if body.endswith(_PARA_DONE) and lo < e < hi and (width is None or e - a < width):
            out.add(e)
    return frozenset(out)


# 其中：(1)…, 其中, 其中: — a sentence that breaks down the one before it
_OF_WHICH = re.compile(r"[\x00\s]*其中[，,:：]?")


def drafts_of_plan(doc: Doc, plan: Plan, ctx: Context, period: Period) -> list[Draft]:
    """Every target and milestone of a plan, task by task, sentence by sentence."""
    c = doc.c
    if not plan.blocks:
        return []
    # The text without the unit parentheticals (blanked out, so positions stay the document's).
    lo, hi = plan.blocks[0].start, plan.blocks[-1].end
    chars = list(c[lo:hi])
    for blk in plan.blocks:
        for a, e in blk.parens:
            chars[a - lo:e - lo] = "\x00" * (e - a)
    # The signature block (its date line, （此件公开发布）) dates the document, not a commitment; a document's title on
    # its line (…关于印发…的通知, 2024年《政府工作报告》重点工作目标任务分解表) names it; the page around the
    # document (its index block, post time, source, links) and a news page's headline are the page's.
    heads_ = headlines(doc.lines)
    page = page_lines(doc.lines)
    titled = title_line_set(doc.lines) | annex_lines(doc.lines)  # (a notice's list of annexes: titles too)
    for li in range(doc.line_of(lo), doc.line_of(max(lo, hi - 1)) + 1):
        line = doc.lines[li - 1]
        if is_signature_line(line) or li - 1 in page or is_notice_title(line) or is_title(line) or li - 1 in heads_ \
                or li - 1 in titled:
            a, e = doc.src.line_span(li)
            a, e = max(a, lo), min(e, hi)
            chars[a - lo:e - lo] = "\x00" * max(0, e - a)
    text = c[:lo] + "".join(chars) + c[hi:]
    # A task's number (1. before 2024年10月底前…) is no part of its text: a date glued to it reads as one. (The first
    # task's number stands before ``lo``, where the plan's text starts: it is masked too — round ten, 1.2024年出台…
    # under a section heading had lost its step.)
    for blk in plan.blocks:
        ls, _le = doc.src.line_span(doc.line_of(blk.start))
        if ls == blk.start and blk.start > lo:
            pa, pe = doc.src.line_span(doc.line_of(blk.start - 1))
            if pe == blk.start and _NUMBER_ALONE.fullmatch(c[pa:pe]):
                ls = pa  # 2. / 6月底前完成招标: the number on a line of its own is no text either (2.6月 is no decimal)
        if ls < blk.start and not blk.midline:
            text = text[:ls] + "\x00" * (blk.start - ls) + text[blk.start:]
    breaks = _line_breaks(doc, lo, hi)
    paragraphs = breaks | _paragraph_ends(doc, lo, hi) | {x for blk in plan.blocks for x in blk.breaks}
    out: list[Draft] = []
    listed: Time | None = None  # the time phrase of a list lead (到2022年，实现以下目标：), for its items
    section = None
    heading_dates = _heading_dates(text, plan, ctx, period)
    for blk in plan.blocks:
        if blk.figure is not None:
            out += _figure_drafts(c, plan, blk, ctx, period)
            continue
        if blk.share:
            # a unit's share of the task of the row above, its row only a time and the unit: one step, due then
            share = _due_time(c, *blk.due, ctx, period) if blk.due else None
            if share is not None:
                out.append(Draft(plan, blk, "milestone", blk.metric, blk.start, blk.end, time=share, sort=blk.start))
            continue
        if blk.start in heading_dates:
            continue  # （一）2024年重点任务: the heading dates the items under it, it is no step of its own
        per_clause = clause_units(doc, blk)  # 一是…(牵头单位:A);二是…(牵头单位:B): each clause its own units
        due = heading_dates.get(blk.heads) if blk.heads is not None else None
        if due is None and blk.due is not None:
            # a table row's 完成时限 cell (2025年6月底前) dates its targets and steps
            due = _due_time(c, *blk.due, ctx, period)  # (the cell's text: a parenthetical is masked)
        if due is not None:
            due.heading = True
        ls, le = doc.src.line_span(doc.line_of(blk.start))
        # (an item of the list a horizon's colon opens, numbered as a group is: 到2020年底,…达到以下总体目标: / (一)…布局
        # 合理,…达到国家标准。/ (二)… — a sentence, no group's heading: the horizon dates it too — 巫溪's 船舶污染物 plan,
        # round hundred-and-fifteenth's held-out set, whose four goals had been no step)
        if blk.section != section or GROUP.match(c[ls:blk.end]) and not (
                listed is not None and _SENTENCE_ITEM.search(c[blk.start:min(blk.end, le)])):
            listed, section = None, blk.section  # a new section or group heading ends the list
        masked = text[blk.start:blk.end]
        # Short quoted strings are names (“2115”, “2+N”); a long quotation is text of the plan.
        quoted = [(a, e) for a, e in _spans(masked, "“", "”", blk.start) + _spans(masked, '"', '"', blk.start)
                  if e - a <= 16 and not re.search(r"[,，;；]", c[a:e])] + _spans(masked, "《", "》", blk.start)
        governor: Time | None = None  # a time phrase opening a sentence governs the paragraph after it
        heads: Time | None = None  # … and when it opens the paragraph itself, its milestones too
        later: Time | None = None  # a goals paragraph's later horizon heading the sentences after it (heads)
        goals_head: Time | None = None  # the horizon of a goals paragraph: it heads the goal lines under it too
        first = ""  # the first sentence of the current line (paragraph)
        line_no, k_line = 0, 0
        goals = False  # the paragraph states goals: it opens with a goals heading, or one stands above it
        horizons = 0  # the dated phrases opening its sentences so far
        sentences = _sentences(text, blk.start, blk.end, paragraphs)
        consumed: set[int] = set()  # a sentence that only dates the one before it (2024年10月底前完成。)
        block_from = len(out)
        carried: tuple[str, ...] = ()  # the units of the last sentence that named its subject (sentence_subject)
        reported = -1  # the paragraph a year before the plan's opens (2018年,…取得积极成效。…): its figures are results
        last_dated: Time | None = None  # the time of the last figures drafted (a breakdown after them, 其中…, shares it)
        for k, (s0, s1) in enumerate(sentences):
            if k in consumed:
                continue
            trailing = _completion_date(text, *sentences[k + 1], quoted, ctx, period) if k + 1 < len(sentences) else None
            li = doc.line_of(s0)
            if li != line_no and _NUMBERING.match(text[doc.src.line_span(li)[0]:s0].strip("\x00 \n")):
                # a new paragraph: a phrase of the last one heads no more, but for the horizon of a goals paragraph,
                # which heads the goal lines under it ((二)发展目标。到2025年,…。/ 产业能级更高。A,B,C。)
                if goals_head is not None and not (_RUN_IN.match(text[s0:s1]) or _BULLET.match(text[s0:s1])):
                    goals_head = None  # a paragraph of another kind: the goals are over
                line_no, k_line, heads = li, 0, goals_head
                carried = ()  # (a subject leads the sentences of its paragraph only)
                goals, horizons = _under_goals_heading(doc, li), 0
            else:
                k_line += 1  # a later sentence, or one that a wrapped print line carries on
            if k_line == 1 and _GOALS_HEADING.match(first):
                goals = True  # （四）试点目标。…
            if k == 0 and listed is not None and _opens_with_time(text, s0, s1):
                listed = None  # an item with a time phrase of its own ends the list's scope
            para = max((x for x in paragraphs if blk.start <= x <= s0), default=blk.start)  # this paragraph
            if k_line == 0 and reports_results(text, s0, period.start.year) and not _NOW_OPENER.match(text, s0):
                reported = para
            elif reported != para or _FORWARD_OPENER.match(text, s0) \
                    or (m := _PAST_OPENER.match(text, s0)) and int(m.group(1)) >= period.start.year:
                reported = -1
            if later is not None and heads is later and (_TOPIC_OPENS.match(text, s0, s1)
                                                         or _DIRECTIVE_OPENS.match(text, s0, s1)):
                heads = later = None  # 数字经济领域，…: a new topic of the goals, which the later horizon does not head (鲁政发);
                # 各县(市)要全面推行…: what the units are told to do after the dated goals, no goal the horizon dates
                # (黔东南's 不动产登记 plan, round seventy-one's held-out set)
            run_in = k_line == 0 and heads is not None and heads is goals_head and _RUN_IN.match(text[s0:s1])
            drafts, opening = _entries_of_sentence(text, plan, blk, s0, s1, quoted, ctx, period, governor or listed,
                                                   None if run_in else heads or listed, para,
                                                   lead_in=goals and horizons == 0, due=due, trailing=trailing,
                                                   raw=c)
            if _STAGE_OPENING.match(text, s0):
                # （二）集中整治阶段（5-7月）：开展…，从严查处…，… — a campaign's stage is one step, due when its months end,
                # whatever its clauses (松江's 清水行动, round thirty-five's held-out set: each clause had been a step)
                seen: set[int] = set()
                drafts = [d for d in drafts if d.kind != "milestone" or d.time is None
                          or (id(d.time) not in seen and not seen.add(id(d.time)))]
            if reported == para and k_line > 0:
                # a sentence after one that opens its paragraph with a past year's report (2018年,…取得积极成效。全市接待游客
                # 1.88亿人次、增长26.68%: 贵阳's news of its 2019 meeting, round thirty-two's held-out set) reports the same
                # year, until a sentence turns to the plan's own (今年, 下一步, a year of the plan)
                drafts = []
            if trailing is not None and any(d.time is trailing for d in drafts):
                consumed.add(k + 1)
            if due is not None and _whole_year(due, period):
                # a 全年 cell dates what is to be done by the year's end (完成…前期工作, 建成…工程: 杨凌's 全年 row, round
                # twenty-three's tables), not the year's standing work (坚持…, 优化…, 全力推进…: 霍山's 全年 rows, no step);
                # so does a cell naming the end of the plan's year (2023年底 on every row of 怀远's 2023 list: 加快推动…,
                # 加强…品牌建设, 持续开展…行动 — round twenty-four's tables)
                drafts = [d for d in drafts if not (d.kind == "milestone" and d.time is due
                                                    and not _DONE_BY.match(text, d.qstart))]
            drafts = _figures_of_goals(drafts, goals or bool(_GOALS_SAID.search(text[s0:s1])))
            if last_dated is not None and _OF_WHICH.match(text, s0):
                # 其中：(1)公益类企业…增长10%以上 — a breakdown of the sentence before (力争2021年…增长10%): its figures are due
                # when that sentence's are (平潭's 国企 plan, round hundred-and-forty-first's held-out set: its shares had
                # been due at the end of the plan's five years)
                for d in drafts:
                    if d.kind == "target" and d.time is None:
                        d.time, d.governed = last_dated, True
            if drafts:  # (a sentence that drafts nothing breaks down nothing: the figures before it stay the last)
                dated = [d.time for d in drafts if d.kind == "target" and d.time is not None]
                last_dated = dated[-1] if dated else None
            # a clause that forecasts (预计三年内全国新增装机容量超过1亿千瓦): its figure is an estimate, no target, and its
            # time no step either (round seventeen: once 预计 excluded the figure, the clause had been drafted a milestone)
            drafts = [d for d in drafts if not (d.kind == "milestone" and text[max(s0, d.qstart - 2):d.qstart] == "预计")]
            if _GOALS_NAMED.fullmatch(text[s0:min(s1, doc.src.line_span(li)[1])].strip("\x00 \n■●◆▲★☆□·•*#")):
                drafts = [d for d in drafts if d.kind != "milestone"]
            # (…提出2025年工作目标:A;B;C — the label's year dates the figures; its clauses without one are no steps. A label
            # over no figure at all (2025年目标:地下水超采区达到采补平衡,…水位符合水位控制目标: 和林格尔's 超采 plan, round
            # hundred-and-thirteenth's held-out set) heads goals that are its clauses: they stay steps)
            figured = {id(d.time) for d in drafts if d.kind == "target" and d.time is not None}
            drafts = [d for d in drafts if not (d.kind == "milestone" and d.time is not None
                                                and re.fullmatch(r"\d{4}年", d.time.text)
                                                and _GOALS_LABEL_AFTER.match(text, d.time.end, s1)
                                                and id(d.time) in figured)]
            said = sentence_subject(text[s0:s1]) if not blk.lead or blk.subject else None
            if said is not None:
                carried = said  # a unit that opens the sentence leads it and the sentences after it without one
            subject = carried
            if not subject and said is None and k + 1 < len(sentences) \
                    and doc.line_of(sentences[k + 1][0]) == li and any(
                        d.kind == "milestone" and d.time is not None and title_span(text, d.time) for d in drafts):
                # a stage's title with its span ((一)动员部署阶段(2024年4月—6月)。各区县卫生健康行政部门要…): the units the
                # stage's first sentence opens with do its work (重庆's 三项行动 notice, round hundred-and-seventh's
                # held-out set: the stages had been led by 待定)
                subject = sentence_subject(text[slice(*sentences[k + 1])]) or ()
            if subject:  # 区政府办公室将对…,每季度通报…: the sentence's subject leads what it commits to
                for d in drafts:
                    d.units = (subject, ())
            for d in drafts if per_clause else ():
                # the parenthetical closing the clause that holds the entry names its units (round ten)
                at = d.value[0] if d.value else d.qstart
                _a, lead, support = next((x for x in per_clause if x[0] >= at), per_clause[-1])
                d.units = (lead, support)
            for d in drafts:
                # a quote opens on words, not on what is masked before them (the bar between two cells of a row)
                words = d.value[0] if d.value else d.qend
                while d.qstart < words and text[d.qstart] == "\x00":
                    d.qstart += 1
            if _STAGE_TIME.fullmatch(text[s0:s1].strip("\x00 \n")) and (
                    at := [t for t in _times(text, s0, s1, quoted, ctx, period) if t.deadline.kind == "by"]):
                # 第一阶段是计划准备阶段,时间为4月18日以前。主要工作是:…: a campaign's stage is one step, due when its time
                # ends, as a stage titled with its span is (宋庄镇's 民兵整组 plan, round hundred-and-fourteenth's held-out
                # set, and 晋中's 文明城市 plan: the stages had been no step)
                a0 = s0 + len(text[s0:s1]) - len(text[s0:s1].lstrip("\x00 \n"))
                drafts = [d for d in drafts if d.kind != "milestone"] + [
                    Draft(plan, blk, "milestone", text[a0:s1], a0, s1, time=max(at, key=lambda t: t.deadline.date), sort=a0)]
            out.extend(drafts)
            if opening is not None:
                governor = opening
                horizons += 1
                # 到2020年，… opening the paragraph, or the one dated phrase of a goals paragraph wherever its
                # sentence stands (（四）试点目标。到2020年，…; 经过三年努力，到2025年，…; a lead sentence, then
                # 到2023年底，…). A goals paragraph laid out by years (…，2024年，…。到 2025 年，…。) and any other
                # paragraph: a phrase opening a later sentence dates that sentence and its targets only.
                if k_line == 0 or (k_line == 1 and _GOALS_HEADING.match(first)) or (goals and horizons == 1):
                    heads = opening
                    if goals or (k_line == 1 and _GOALS_HEADING.match(first)):
                        goals_head = opening
                elif goals and heads is not None and heads.deadline.date < opening.deadline.date:
                    # a goals paragraph that runs on to a later horizon (2027年前，…。…。2030年前，实现…。系列…产品进入…。:
                    # 上海's 脑机接口 plan, round forty-five's held-out set): the later horizon heads the sentences after it,
                    # as the first headed those after it (nine of its 2030 goals had been no step)
                    heads = later = opening
                elif goals:
                    heads = None
            if k_line == 0:
                first = text[s0:s1].strip("\x00 ")
        if due is not None and blk.due is not None and not blk.breaks \
                and any(d.kind == "target" and d.time is due for d in out[block_from:]):
            # A task its 完成时限 dates that commits to a figure (…计划打通300余米断头路。 完成时限: 2025年8月): the figure is
            # what is due then; its clauses without one that complete or open something (完成项目立项, 正式开工建设, 签订…
            # 合同) are steps of it too, the rest say why, how and what came before (因…长期未贯通, 致使…拥堵, 通过增设…
            # 等措施, 完工后将有效缓解…) — no step anyone reports on (德阳's list, round twenty-six: each had been drafted)
            out[block_from:] = [d for d in out[block_from:] if not (d.kind == "milestone" and d.time is due
                                                                     and (not _STEP_VERB.match(text, d.qstart)
                                                                          or _EFFECT.match(text, d.qstart)))]
        # a stage's span over steps that carry dates of their own (3.签订协议（2025年10月—2025年12月）。…10月底完成…，12月底前…
        # 签订…): the steps are the entries, the span only restates when they fall (黄浦, round thirty-seven)
        mine = out[block_from:]
        out[block_from:] = [d for d in mine if not (
            d.kind == "milestone" and d.time is not None and title_span(text, d.time)
            and any(o.kind == "milestone" and o.time is not None and o.time is not d.time
                    and doc.line_of(o.sort) == doc.line_of(d.sort) for o in mine))]
        if governor is not None and text[blk.start:blk.end].rstrip("\x00 ").endswith(("：", ":")):
            listed = governor  # a paragraph that ends in a colon leads a list
    bulleted = _bulleted_goals(doc, lo, hi)
    past = _under_past_year(doc, lo, hi, period)
    return [d for d in out if not (d.kind == "milestone" and d.time is not None and doc.line_of(d.sort) in bulleted
                                   and _HORIZON.fullmatch(d.time.text)) and doc.line_of(d.sort) not in past]


# A heading that reports a year before the plan's (■ 2024年成绩单, 2023年工作回顾, 一、2024年主要成绩): what stands under it is
# last year's results and estimates, no goal of the plan (湖北, round seventeen: ●粮食总产达到557亿斤 had been drafted).
_PAST_HEADING = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])?({_YEAR})年(?:度)?[^，,。；;：:\d]{{0,8}}?"
                           r"(?:成绩单|成绩|成就|回顾|工作回顾|总结|工作总结|完成情况|亮点|成效)[:：]?$")
_HEAD_MARK = "■□◆◇▲△★☆●○•·#* \x00"


def _under_past_year(doc: Doc, lo: int, hi: int, period: Period) -> set[int]:
    """The lines under a heading of a year before the period that reports it (see _PAST_HEADING), up to the next
    heading (a line that opens as that one does, or a numbered section)."""
    out: set[int] = set()
    first, last = doc.line_of(lo), doc.line_of(max(lo, hi - 1))
    li = first
    while li <= last:
        raw = doc.lines[li - 1].strip()
        m = _PAST_HEADING.match(compact(raw).strip(_HEAD_MARK))
        if not m or int(m.group(1)) >= period.start.year:
            li += 1
            continue
        mark = raw[:1] if raw[:1] in _HEAD_MARK else ""
        li += 1
        while li <= last:
            nxt = doc.lines[li - 1].strip()
            cn = compact(nxt).strip(_HEAD_MARK)
            years = [int(y) for y in re.findall(rf"({_YEAR})年", cn)]
            if nxt and ((mark and nxt.startswith(mark)) or _SECTION_HEAD.match(cn)
                        or len(cn) <= 30 and "。" not in cn and any(y >= period.start.year for y in years)):
                break  # (the next heading: marked as this one, numbered, or a short line naming the plan's year)
            out.add(li)
            li += 1
    return out


_SECTION_HEAD = re.compile(rf"^(?:[{COUNTING}]+、|[(（][{COUNTING}]+[)）])")


# A heading that names a year's goals (■ 2025年经济社会发展的主要预期目标, 2024年工作目标): the goals are the lines under it,
# the heading is no step (round seventeen: it had been drafted as a milestone). A verb of doing keeps the step.
_GOALS_NAMED = re.compile(rf"(?:{_YEAR}年)(?:度)?(?:(?!完成|实现|新建|建成|开工|竣工|启动|推进|开展|做好|落实|实施|建设|改造|新增|"
                          r"全面|基本|力争|确保|争取|底|末|前|内)[^，,。；;：:！!？?\x00\d\s]){0,20}?(?:目标|目标任务|指标)[:：]?")
# A sentence that says it sets the goals: …的努力目标为:, 主要预期目标是: (round seventeen).
_GOALS_SAID = re.compile(r"目标(?:为|是)[:：]")


_FIGURE_ITEM = re.compile(r"(?P<cmp>[≥≤><＞＜])?\s*(?P<v>\d+(?:\.\d+)?\s*(?:[%％‰]|[\u4e00-\u9fff]{1,3}?)??)"
                          r"(?P<after>以上|以下|左右|以内)?(?=\s*[、,，;；/／]|\s*$)")
_FIGURE_CMP = {"≥": ">=", "＞": ">", ">": ">", "≤": "<=", "＜": "<", "<": "<", "以上": ">=", "以下": "<=", "以内": "<=",
               "左右": "~"}


def _figure_drafts(c: str, plan: Plan, blk: Block, ctx: Context, period: Period) -> list[Draft]:
    """The targets of a target table's year cell (15、37 under 2023年目标, in a row naming 重大项目(个)、投资额(亿元)): each
    figure one, in the measure the row names for it (the n-th of n), due at the end of its column's year (the label's
    date: a note names the heading's line), "=" unless the cell says more (≥95%, 5%左右)."""
    due = _due_time(c, *blk.due, ctx, period) if blk.due else None
    if due is None and blk.due:
        return []
    if due is not None:
        due.heading = True
    items = list(_FIGURE_ITEM.finditer(c, blk.start, blk.end))
    units = blk.figure or ()
    out = []
    for k, m in enumerate(items):
        own = re.search(r"[^\d.\s]", m.group("v"))  # the cell's own measure (30%) stands over the row's
        unit = "" if own else units[k] if len(units) == len(items) else units[0] if len(units) == 1 else ""
        cmp_ = _FIGURE_CMP.get(m.group("cmp") or m.group("after") or "", "=")
        out.append(Draft(plan, blk, "target", blk.metric or c[blk.start:blk.end], blk.start, blk.end,
                         value=(m.start("v"), m.end("v")), comparator=cmp_, time=due, governed=due is not None,
                         unit_text=unit))
    return out


_BATCH = re.compile(r"(?:建设|培育|打造|创建|建成|形成|推出|认定|引进|实施|搭建|转化|培养|整治)一批")


def _figures_of_goals(drafts: list[Draft], goals: bool) -> list[Draft]:
    """A goals sentence that is mostly figures (到2025年,全市新增…800人以上,…就业率达60%以上,…权益得到更好保障;
    努力目标为:生产总值增长7%;…;外贸出口额占全市份额保持稳定;…): its figures are the goals, the clauses without one
    (保持稳定, 得到更好保障, 完成上级下达目标任务) are wishes that round them off, no step anyone reports on — the registry
    annotates such a sentence with its targets only (东阳, 龙游, round seventeen; each wish had been drafted as a milestone
    quoting the sentence up to it, so the draft read as the same milestone twice). Three figures at least under one time
    phrase, more than its steps: a goals sentence with two (六盘水: 2022年,…2600个…15个…,加快推动…融合发展) or with more
    steps than figures (济南, 盐城: 到2026年,产业能级持续提升,…) keeps one milestone a clause, as annotated."""
    if not goals:
        return drafts
    wishes: set[int] = set()
    for time in {id(d.time): d.time for d in drafts if d.time is not None}.values():
        # (the figures one time phrase governs: 力争用2年时间,…2300人…;到2025年,…超过全国平均水平,…突破10件 keeps its
        # step — 到2025年 governs one figure there, 鲁政发)
        targets = [d for d in drafts if d.kind == "target" and d.time is time]
        steps = [d for d in drafts if d.kind == "milestone" and d.time is time]
        if len(targets) >= 3 and steps and len(steps) < len(targets):
            # (a batch delivered is no wish: 建设一批未来产业孵化器和先导区 among 突破百项…,形成百项… — 工信部等七部门's 未来产业
            # 实施意见, round forty-five's held-out set)
            # (the results the sentence states before its first figure head its goals, no wishes: 到2027年,全市科技成果转化主体
            # 动力持续增强,…取得标志性转化成果,形成…生态,累计组织实施…30项以上,… — 温州's 成果转化 plan, round hundred-and-
            # twenty-sixth's held-out set, as 龙游's and 重庆's readers keyed theirs)
            first = min((d.value[0] for d in targets if d.value), default=0)
            wishes |= {id(d) for d in steps if not _BATCH.search(d.metric or "") and d.qend > first}
    return [d for d in drafts if id(d) not in wishes]


# The horizon of a plan's goals: 到2026年, 力争到2027年底.
_HORIZON = re.compile(rf"(?:力争|争取|确保)?(?:到|至){_YEAR}年(?:底|末)?")


def _bulleted_goals(doc: Doc, lo: int, hi: int) -> set[int]:
    """The lines of goals set out as bullets (——产业链条建立健全。…力争聚集…100家) and the paragraph opening 到YYYY年 right above
    them that they spell out (十堰, 洞头). There the goals are the figures: the overview's and the bullets' words without a
    figure (全面发展, 建立健全, 取得突破性进展) are the bullets' headings and wishes, no milestone anyone reports on — as the
    registry annotates a goals list laid out so (洞头 round twelve, 十堰 round fifteen). A goals paragraph without bullets
    (到2026年,产业能级持续提升,…) keeps one milestone a clause, as before."""
    first, last = doc.line_of(lo), doc.line_of(max(lo, hi - 1))
    bullets = {li for li in range(first, last + 1) if _BULLET.match(doc.lines[li - 1].strip())}
    out = set(bullets)
    for li in sorted(bullets):
        above = li - 1
        while above >= first and not doc.lines[above - 1].strip():
            above -= 1
        if above >= first and above not in bullets and _HORIZON.match(compact(doc.lines[above - 1]).lstrip("\x00 ")):
            out.add(above)
    return out


# A run-in heading opening a goal line: 产业能级更高。, 产业结构更优。 (a few words, no clause): it names the goals
# after it, it is none.
_RUN_IN = re.compile(r"^[\x00\s]*[\u4e00-\u9fff“”]{2,8}$")
# A sentence opening on the field of the goals it states: 数字经济领域，…, 在数字社会方面，… (鲁政发 line 292)
_DIRECTIVE_OPENS = re.compile(r"[\x00\s]*各[^，,。；;、]{1,12}?(?:要|应|须|务必)")
_TOPIC_OPENS = re.compile(r"[\x00\s]*(?:在)?[\u4e00-\u9fff“”]{2,12}(?:领域|方面|层面)[，,：:]")
# A stage named with its time alone: 第一阶段是计划准备阶段,时间为4月18日以前。 / 组织实施阶段,时间从4月19日至4月30日。
_STAGE_TIME = re.compile(r"(?:第[一二三四五六七八九十\d]{1,2}阶段(?:是|为)?)?[^，,。；;：:]{0,12}?阶段[，,]\s*(?:时间|时限)(?:为|是|从|[:：])?"
                         r"[^，,。；;：:]{2,30}?[。；;]?")
_SENTENCE_ITEM = re.compile(r"[，,；;]|。$")  # an item that says something: clauses, or a full stop
_BULLET = re.compile(r"^[\x00\s]*(?:——|—|●|•|▶|◆|■|▪)")
_NUMBERING = re.compile(rf"^(?:[(（][{COUNTING}\d]+[)）]|[{COUNTING}]+、|\d{{1,3}}[.．、])?$")
# A goals heading opening a paragraph: （四）试点目标。, （二）工作目标。, 发展目标：
_GOALS_HEADING = re.compile(rf"^(?:[(（][{COUNTING}]+[)）])?[^，。；]{{0,6}}目标[。：:]?$")
_OPENING = re.compile(r"^[\x00\s]*(?:[^，。：:]{0,6}目标(?:是|为)?[:：，]?)?$"
                      # (方案明确,到2025年,…: a report's words before the plan's horizon open its goals all the same — 雄安's
                      # 人居环境 report, round sixty-seven's held-out set)
                      # (其中提出,到2027年,…: a news lead's words for the plan it reports — 宁波's AI plan, round hundred-and-
                      # twenty-ninth's held-out set)
                      r"|^[\x00\s]*(?:《[^《》]{1,40}》|[^，。：:《》\d]{0,6}(?:方案|计划|意见|要点|通知)|其中)(?:还|也|进一步)?"
                      r"(?:明确|提出|指出|要求|强调|确定)了?[:：，,]?[\x00\s]*$")
# A lead-in clause before the time phrase of a goals paragraph: 经过三年努力，到2025年，… / 围绕…，到2025年，…
# (推进数据要素优质供给、高效流通、安全发展,实现数据要素市场化配置先行示范,到2026年,… — up to three such clauses under a
# goals heading: 扬州's 数据要素 opinion, round eighty-nine's held-out set, whose later sentences had been left undated)
_LEAD_IN = re.compile(r"^[\x00\s]*(?:[^，。：:；;\d]{2,30}[，,]){1,3}$")


def _under_goals_heading(doc: Doc, li: int) -> bool:
    """The paragraph on line li stands right under a goals heading of its own line (（二）工作目标)."""
    # (the nearest line with text, over any run of blank lines: a page that double-spaces its lines lays out the same
    # text — 东阳 relaid, round seventeen)
    for prev in range(li - 1, 0, -1):
        c = compact(doc.lines[prev - 1]).strip("# *")
        if c:
            return bool(_GOALS_HEADING.match(c))
    return False


# After a one-year list's own year, the step it still dates: a verb of completing or starting, straight after it or after
# the subject that does it (2022年完成…, 2023年,宝安区将建成…, 2024年启动首批项目建设).
_STEP_AFTER_LIST_YEAR = re.compile(r"度?[，,\x00\s]*(?:[^，,。；;：:\d]{1,10}?(?:将|要))?(?:全面|基本|力争|确保|全部)?"
                                   r"(?:完成|建成|实现|新建|开工|竣工|投用|上线|新增|改造|启动|出台)")


def _restates_period(text: str, t: Time, period: Period) -> bool:
    """A bare year in a one-year text that only says the list's year again (its period): 2024年我县实施43项民生实事,
    会议明确,2021年临澧县将积极对接…, 2024年重点筛查60岁以上人群. It dates no step: every task of the list is due by the
    year's end, so a clause it alone dates is no milestone (its targets keep the year, the period's end); annotators of
    one-year lists register it as the period (浙江's 民生实事: "the year naming the year's focus group, no step of its
    own"). Where a verb of completing or starting follows it (2022年完成…, 2023年,宝安区将建成…) it still dates that step;
    a date with a month or 年底前 always does."""
    return (period.start.year == period.end.year and re.fullmatch(r"\d{4}\s*年", t.text) is not None
            and int(t.text[:4]) == period.end.year and not _STEP_AFTER_LIST_YEAR.match(text, t.end))


def _opens_with_time(text: str, s0: int, s1: int) -> bool:
    m = _TIME.search(text, s0, s1)
    return bool(m and _OPENING.match(text[s0:m.start()]))


def _in_quotes(text: str, a: int, e: int, s0: int, s1: int) -> bool:
    """text[a:e] stands inside a pair of quotation marks of its sentence (“…”)."""
    o = text.rfind("“", s0, a)
    return o >= 0 and text.find("”", o, a) < 0 and text.find("”", e, s1) >= 0


# A year's label over the steps after it in its sentence: 2020年任务:…, 2021年工作目标：…
_YEAR_LABEL = re.compile(r"((?:19|20)\d{2})年度?(?:工作|重点)?(?:任务|目标任务|目标)[:：]")


def _times(text: str, s0: int, s1: int, quoted, ctx: Context, period: Period) -> list[Time]:
    out: list[Time] = []
    for m in _TIME.finditer(text, s0, s1):
        a, e = m.span()
        t = m.group()
        term = re.match(r"(?:到|至)?“?十[一二三四五六]五”?(?:期间|时期|期末|末)", t)
        if _inside(a, quoted) and not term or term and text.rfind("《", s0, a) > text.rfind("》", s0, a):
            continue  # a year in a title or a name (not “十四五”期间: the quotes are the term's, not a name's — unless a
            # document's title holds it: 《北辰区档案馆“十四五”期间档案接收工作安排》, round fifty's held-out set)
        if term and re.search(r"的|(?:指标|目标|任务|规划)$", text[e:_clause_end(text, e, s1)]):
            continue  # 调配“十四五”期间…的替代指标, 表1:“十四五”时期…主要指标: the term names which, it dates nothing
        if re.search(r"[年]$", t) and _NAME_AFTER_SPAN.match(text[e:e + 20]) and not re.search(r"\d{4}", t):
            continue  # 三年行动: the name of an action
        if not re.search(r"\d{4}|十[一二三四五六]五", t) and _in_quotes(text, a, e, s0, s1):
            continue  # “一年打基础、两年重攻坚、三年建长效”, “三年上台阶、五年大发展”: a slogan's stages, dated (if at all)
            # by the 到2021年底 that follows each (滨州, 峨山, round twenty-eight)
        if re.match(r"(?:底|末)?(?:之前|以前|前)?(?:建成|建设|竣工|开工|投运|投产|交付|登记|注册|成立|认定|取得|出生)的",
                    text[e:e + 6]):
            continue  # 2000年底前建成的老旧小区: which things, not a deadline
        if re.fullmatch(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]", t) \
                and re.match(rf"[^，,。；;:：!！?？]{{2,40}}?{TITLE_END}(?:[(（][^()（）]{{4,14}}[)）])?", text[e:e + 60]):
            continue  # 娄底市人民政府办公室2021年12月13日娄底市无障碍环境建设实施方案(2021-2025年)为进一步…: a page that
            # glued the signature, its date and the plan's title to the text (round eighty-five): the notice's date
        if re.fullmatch(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]", t) \
                and re.search(r"[〔\[(（【]\d{4}[〕\])）】]\d{1,4}号[\x00\s]*$", text[max(0, a - 20):a]):
            continue  # 鹰府办字〔2025〕30号2025年04月10日各区(市)人民政府,…: the document's number and its date, a page's lines
            # run together (鹰潭's 献血 notice, round hundred-and-twenty-eighth's held-out set: eight steps had been dated by it)
        if re.fullmatch(r"(?:19|20)\d{2}年(?:度)?", t) \
                and re.search(r"(?:召开|举行|举办|组织召开|参加|出席)$", text[max(s0, a - 4):a]) \
                and re.match(r"[^，,。；;:：]{0,24}?(?:会议|大会|座谈会|推进会|部署会|动员会|现场会|调度会)", text[e:e + 30]):
            continue  # 召开2024年河湖长制工作专题部署会议: the year names the meeting (阜山镇's 河湖长制 news, round
            # hundred-and-twenty-eighth's held-out set: four steps had been dated by it)
        if re.search(rf"(?:{TITLE_END}|\x00)[\x00\s]*[(（]$", text[max(0, a - 12):a]):
            continue  # 行动计划(2024-2026年), also with the years on the title's next line: its period, no deadline
        if re.fullmatch(r"[上下]半年", t) and re.match(r"(?:的)?(?:考评|考核|评价|评估|分值|得分|工作总结|完成情况|数据)", text[e:e + 6]):
            continue  # (上半年考评分值+下半年考评分值)÷2: which half a score is of (包头's 考评办法), no step due then
        if re.search(r"(?:根据|按照|依据|对照|落实|贯彻)[^，,。；;:：]{0,16}$", text[max(s0, a - 18):a]) \
                and re.search(r"(?:会议|部署会|推进会|讲话|精神|通知|文件|批示)", text[e:_clause_end(text, e, s1)]):
            continue  # 根据4月30日省政府二季度工作部署会…安排: the day of the meeting the plan follows (长兴's 出口专班, round
            # fifty-three's held-out set), no step due then
        if re.search(r"\d{1,2}[日号]$", t) and (text[e:e + 2] == "印发" or re.match(r"[\x00\s]*(?:抄送|抄报|主送)[:：]", text[e:e + 6])
                                                # (2019年5月23日 抄送:区委各部门…: the print line's cc, 秀英, round sixty-three)
                                                or re.match(
                r"[\x00\s]*[\u4e00-\u9fff]{2,20}?(?:办公室|局|委员会|委|政府)[\x00\s]*\d{4}年\d{1,2}月\d{1,2}日印发", text[e:e + 40])):
            continue  # …财政局 2024年11月21日 / …办公室 2024年11月21日印发: the signature's date and the day the document was
            # printed, one line of a page (平阳, round fifty-five's held-out set: eight steps had been dated by them)
        if re.search(r"\d{4}年$", t) and text[e:e + 1] == "版":
            continue  # (2025年版): the edition of the document
        if re.search(r"\d{1,2}[日号]$", t) and re.match(r"[\x00\s]*[(（]此件", text[e:e + 6]):
            continue  # 2019年4月11日 (此件公开发布): the signature's date line, here glued to the text after it by a PDF's
            # copy (南通's 水污染防治 plan, round forty-seven's held-out set: five steps had been dated by it)
        if t.startswith("每") and re.match(r"[\x00\s]*每[\u4e00-\u9fff]{1,3}[\d一二两三四五六七八九十]", text[e:e + 8]):
            continue  # 按每年每院5万元的标准给予补助 (宣城, 郎溪): the period of a subsidy's rate, no step due every year
        if re.search(r"(?:前|近|过去)$", text[max(s0, a - 2):a]) and re.fullmatch(r"[2-9两二三四五]年", t) \
                or re.search(r"(?:前|近|过去)[2-9两二三四五]年[(（]$", text[max(s0, a - 6):a]):
            continue  # 与前三年(2022-2024年)平均数同比下降 (清流, round thirty-five): the years a baseline averages
        if re.match(r"(?:至|到|截至)", t) and _CAMPAIGN_AFTER.match(text, e, s1):
            continue  # 至2025年12月31日,在全县范围内开展攻坚行动: the campaign's own span (its period), no step of it
        if re.match(r"(?:至|到)", t) and re.search(r"(?:从|自)(?:19|20)\d{2}年(?:开始|起)[，,]?$", text[max(s0, a - 10):a]) \
                and _OWN_PLAN_AFTER.match(text, e, s1):
            continue  # 从2024年开始,至2026年,全面实施…三年行动方案,构建…体系 (江门's 新型农业经营主体 plan, round one-hundred-
            # and-fifth's held-out set): the plan's own term restated over its own doing, no step due when it ends
        if re.search(r"\d{4}", t) and _BENCHMARK_BEFORE.search(text[max(s0, a - 3):a]):
            continue  # 对标2035年基本实现现代化战略目标: the goal the year's work measures itself against, no step due then
        if _BASELINE_BEFORE.search(text[max(s0, a - 2):a]) or text[e:e + 1] == "的" and re.search(r"\d{4}年$", t):
            continue  # 比2020年: a baseline
        if not re.search(r"\d{4}", t) and re.search(r"年(?:时间|内|以内)?$", t) and (
                _DURATION_BEFORE.search(text[max(s0, a - 4):a]) or _DURATION_AFTER.match(text[e:e + 6])
                or re.match(r"^(?:以上|以下|及以上)", text[e:e + 3])):
            continue  # a duration, a threshold or a cycle (具有3年以上工作经历, 每5年, 五年内免征)
        if not re.search(r"\d{4}", t) and re.search(r"年$", t) and re.match(r"[\u4e00-\u9fff]{1,3}率", text[e:e + 4]):
            continue  # 总体癌症五年生存率达47% (浙江's 工作要点, round thirteen): the span a rate is measured over, its name
        if re.search(r"\d{1,2}[日号]$", t) and re.match(r"^(?:起|之前已|前已|以前已|至)", text[e:e + 3]):
            continue  # 自2019年1月1日起, 2018年12月31日之前已完成…的企业: when a rule applies, not a deadline
        if re.fullmatch(r"(?:自|从)?(?:19|20)\d{2}年", t) and re.match(r"(?:开始)?起(?!步|草|来|飞|航|点)", text[e:e + 3]):
            continue  # 2024年起,…测试结果将被纳入…考核 (遵义's 体质 report, round one-hundred-and-ninth's held-out set): when a
            # rule starts to apply, no step due then
        if re.search(r"\d{1,2}[日号]$", t) and re.match(r"[\x00\s]*《[^《》]{1,12}报》", text[e:e + 16]):
            continue  # 4月3日《中国体育报》06版: the newspaper issue a report was printed in (遵义's), no deadline
        if _NOT_A_DEADLINE.search(text[max(s0, a - 3):a]) or re.search(r"年$", t) and (
                text[e:e + 1] == "是" or re.match(r"作为[^，,。；;]{2,20}(?:期|年)(?:[，,。；;]|$)", text[e:s1])) \
                or re.search(r"[日号]$", t) and re.match(r"[，,]?[\x00\s]*(?:是|为)[^，,。；;]{0,40}(?:周年|纪念日|宣传日|活动日)",
                                                   text[e:s1]):
            # (今年12月1日,是《反电信网络诈骗法》正式实施两周年: what the day is — 赣县's 反诈 notice, round eighty-three)
            continue  # 已经2023年10月13日…研究通过 (a past event); 2023年是…开局之年, 2025年作为…改革过渡期 (what the year
            # is: 黄浦's 排水 plan, round thirty-seven's held-out set — its report after it had been five steps)
        if re.search(r"\d{1,2}[日号]$", t) and _MEETING_AFTER.match(text, e, s1):
            continue  # 第二次会议于2022年12月27日投票表决 (荆州区, round twelve): the day a body met or voted, an event
        if re.search(r"\d{1,2}日$", t) and (text[e:e + 1] == "讯" or text[e:e + 1] == "电" and not re.match(
                r"电(?:站|网|力|池|桩|价|量|费|动|视|梯|缆|线|器|源|厂|商|子)", text[e:e + 2])):
            continue  # 上海9月12日电, 3月3日讯(龙蛟 刘旭) (财联社's 海绵城市 flash, 湘西's 健康 report: rounds fifty-eight and
            # sixty-three): a news dateline

        if re.fullmatch(r"\d{4}年", t) and (re.search(r"(?:将|把|对|关于|就|围绕|按照|根据|聚焦|明确了?|确定了|提出了|部署了|"
                                                      r"安排了)(?:全[省市区县]|我[省市区县])?$",
                                                      text[max(s0, a - 4):a])
                                            or _DOCUMENT_AFTER.match(text, e, s1)
                                            or text[e:e + 1] == "度" and not _DOING_AFTER_YEAR.match(text, e + 1, s1)
                                            or names_a_list(text, e)
                                            or _PRINCIPLES_AFTER.match(text, e, s1)
                                            or _NAMES_DOCUMENT_AFTER.match(text, e, s1)
                                            or _ISSUED_AFTER.match(text, e, s1)
                                            or _TOPIC_AFTER.match(text, e, s1)
                                            or _VISION_AFTER.match(text, e, s1)
                                            or _ROLL_AFTER.match(text, e, s1)
                                            or _STANDARD_AFTER.match(text, e, s1)
                                            or _SERVES_BEFORE.search(text[max(s0, a - 12):a])):
            continue  # 将2022年全市…目标细化为…, 关于2023年重点工作部署 (the year of what); 2022年《政府工作报告》;
            # 2024年度学习计划 (the year's plan); 2024年全市教育工作的总体要求是: (the year's principles); 2025年,奉节县
            # 印发《…》 (when the document was issued, round ten)
        if t in ("每年", "每年度") and re.search(r"\d(?:[万亿千百])?[\u4e00-\u9fff]{1,3}$", text[max(s0, a - 8):a]) \
                and not re.match(r"[\u4e00-\u9fff]", text[e:e + 1] or "，"):
            continue  # 作业能力达到30万标箱每年,…: the measure's rate (per year), no time over the clauses after it (秀山's
            # 物流枢纽 report, round hundred-and-fifteenth's held-out set: its 2025 figures had been read as every year's, due 2030)
        if _REPORT_OF_TIME.match(text, e, s1) and not t.startswith("每"):
            continue  # 二季度执行情况, 一季度推进情况: the period a report covers, no step due then
        if re.match(r"[(（]?(?:截至|截止到|截止至|截止)", t) and not re.search(r"前$", t) \
                and re.match(r"[\x00\s]*[)）]", text[e:e + 2]):
            continue  # …进展情况表(截至5月31日): the day a report counts to, in brackets after its title (九江, round twenty)
        if re.search(r"(?:从|自)$", text[max(s0, a - 1):a]) and re.match(r"(?:开始|起)", text[e:e + 2]):
            continue  # 从2023年第一季度开始: when something starts
        if re.fullmatch(r"\d{4}年", t) and names_a_field(text, a, e, s0, s1):
            continue  # …总投资额、2022年投资额、资金来源…等信息: a field a list names, no deadline
        if t.startswith("预计") and forecasts(text, a, s0):
            continue  # 26项已完成,6项正在抓紧收尾,预计年底前全部完成: a forecast of work under way, no step of the plan
        if re.fullmatch(r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]", t) and (
                text[e:e + 1] in "，," and not _SCHEDULED_DAY.search(text[max(s0, a - 4):a] + "|" + text[e + 1:e + 6])
                or _EVENT_AFTER.match(text, e, s1)
                or _MEETING_IN.match(text, e, _clause_end(text, e, s1))):
            continue  # 1月19日,重庆市…会议开幕, 2025年3月4日,记者从…获悉: a dateline, the day of an event; 2月21日下午,在…
            # 会议上, 4月21日闭幕 (round eight): the time of day or the event right after the day
        if re.fullmatch(r"\d{4}年", t) and _NAMED_PROJECT.match(text, e, s1) \
                and re.search(r"(?:^|[，,。；;：:、\x00\s])$", text[max(s0, a - 1):a] if a > s0 else ""):
            continue  # …;2024年达标区建设项目。 — a project named by its year, no step dated by it
        glued = re.match(r"^(\D*?)((?:19|20)\d{2})(?=\d{1,2}月)", t)
        read_as = f"{glued.group(1)}{glued.group(2)}年{t[glued.end():]}" if glued else None
        if "月" not in t and re.search(_LOST_MONTH, t):
            read_as = re.sub(_MONTH_DAY, r"\1月\2日", t)  # (320日前: 3月20日前)
        here = ctx
        labels = list(_YEAR_LABEL.finditer(text, s0, a))
        if labels and not re.search(r"(?:19|20)\d{2}", t):
            # 2020年任务:一是4月底前完成…;二是10月底前… — a year's label dates the year-less steps after it (西安's 城乡融合
            # plan, round one-hundredth's held-out set: read in the notice's year, 2019)
            here = Context(doc_date=date(int(labels[-1].group(1)), 1, 1), period=period)
        try:
            d = parse_deadline(read_as or t, here)
        except DeadlineError:
            if ctx.doc_date is not None:
                continue
            # No date of issue: a year-less phrase (在今年6月前完成, 10月底前) is read in the period's first year, as
            # the header says (中梁山街道's news page, round eight)
            try:
                d = parse_deadline(read_as or t, Context(doc_date=period.start, period=period))
            except DeadlineError:
                continue
        if d.kind == "by" and d.date < period.start:
            continue  # a past year: a baseline, not a deadline
        try:
            parse_deadline(t, period)
            yearless = False
        except DeadlineError:
            yearless = True  # needs the document's date (or, 年 lost, its repair): the registry cannot read it
        out.append(Time(a, e, t, d, yearless, read_as=read_as))
    return out


Qty = tuple[int, int, int, int]  # start, end, clause start, clause end (compact positions)

# The clause after a date that only completes what comes before it: 2024年9月底前全部建成, 10月底前完成.
# (计划于2024年8月完工: 安民乡, round nineteen; …70个案件…整改进度，确保在2026年6月底前完成整改任务: the task's own name for the
# work after 完成 — 松江, round forty's held-out set)
_FULLY = r"(?:全部|全面|基本|如期|按时|确保)?"  # (how a completing clause says it is done: 全部建成, 如期完成接种)
_COMPLETION = re.compile(rf"^[\x00]*{_FULLY}(?:完成|建成|到位|建成投用|投入使用|投用|竣工|完工|交付使用|落地)"
                         r"(?:任务|目标|建设|(?:整改|整治|改造|拆除|治理|验收)(?:任务|目标))?[\x00]*$")


def _completion_end(text: str, t: Time) -> int:
    """The end of the clause after the time phrase t (at a clause or sentence end)."""
    e = t.end
    while e < len(text) and text[e] not in _CLAUSE_END + _SENT_END:
        e += 1
    return e


def _completes(text: str, t: Time, before: str = "") -> bool:
    """Whether the clause of t only completes what comes before it: 2024年9月底前全部建成, or 完成 with the work the
    clause before names (接种人数需达到…40%,力争在2021年6月底前完成接种 — 团洲's 接种 plan, round seventy-seven)."""
    tail = text[t.end:_completion_end(text, t)]
    if _COMPLETION.match(tail):
        return True
    m = _COMPLETES_WORK.match(tail)
    return bool(m and before and m.group(1) in before)


_COMPLETES_WORK = re.compile(rf"^[\x00]*{_FULLY}完成([\u4e00-\u9fff]{{2,4}})(?:任务|工作)?[\x00]*$")


def _completion_date(text: str, s0: int, s1: int, quoted, ctx: Context, period: Period) -> Time | None:
    """The time phrase of a sentence that only dates the one before it (2024年10月底前完成。), else None."""
    times = _times(text, s0, s1, quoted, ctx, period)
    if len(times) == 1 and _OPENING.match(text[s0:times[0].start]) and _completes(text, times[0]) \
            and not _clause_end(text, times[0].end, s1) < s1 - 1:
        return times[0]
    return None


# A date a spreadsheet or a form writes with dots, slashes or dashes: 2024.06, 2024/6/30, 2024-06, 2023.01-2023.12 (江山's
# 建设起止年限 cell).
_NUMERIC_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[./\-](\d{1,2})(?:[./\-](\d{1,2}))?(?![\d%])")


_MONTH_LABEL = re.compile(r"[\x00\s]*((?:(?:19|20)\d{2}年)?\d{1,2}月)份?(?:工作)?(?:目标|计划|任务|安排)")


_WHOLE_YEAR = ("全年", "年内", "全年度")  # a time cell of the whole year: due at its end
# A time cell naming the end of a year as such (年底, 2023年底前, 年末): when that is the plan's end, the cell is the whole
# year's, as 全年. A month dates a step, December too (2025年12月 under 竣工时间: 九江's project completes then)
_YEAR_END_CELL = re.compile(r"(?:(?:19|20)\d{2})?年(?:底|末)前?")


def _whole_year(due: Time, period: Period) -> bool:
    return due.text in _WHOLE_YEAR or bool(_YEAR_END_CELL.fullmatch(due.text)) and due.deadline.date == period.end


# A clause that completes, opens or settles something a reviewer can check (完成项目立项, 正式开工建设, 签订…合同, 出台…制度)
_COMPLETES = r"完成|建成|出台|竣工|完工|投用|投入使用|交付使用"  # (verbs of completing: _DONE_BY, _STEP_VERB)
_STEP_VERB = re.compile(r"[\x00\s]*(?:[^，,。；;：:\x00]{0,8}?(?:将|要|于|在))?(?:全面|基本|如期|按时|确保|力争|正式|全部|争取)?"
                        rf"(?:{_COMPLETES}|开工|启动|签订|确定|制定|印发|获取|取得|实现|开通|"
                        r"通车|运营|上线|挂牌|成立|组建|配合\S{0,8}?完成)")
# What a work brings once done (完工后将有效缓解…, 建成后可…): its effect, no step
_EFFECT = re.compile(r"[\x00\s]*[^，,。；;：:\x00]{0,6}?后(?:将|可|能|会)")
_DONE_BY = re.compile(rf"[\x00\s]*(?:全面|基本|如期|按时|确保|力争)?(?:{_COMPLETES})")


def _due_time(text: str, a: int, e: int, ctx: Context, period: Period) -> Time | None:
    """When a task is due by its 完成时限 cell or time label (text[a:e]): the latest date the cell names (2024年3月启动,6月底前
    完成: June; 2024年3月至12月: December), in the forms phrases take (2024年6月底前, 二季度, 上半年, 年底前) or the numeric ones a
    form takes (2024.06, 2023.01-2023.12: read as 2024年6月, 2023年12月). None where it names no date (持续推进, 长期)."""
    cell = text[a:e].strip("\x00 。;；,，")
    here = ctx if ctx.doc_date else Context(doc_date=period.start, period=period)  # (no date of issue: the first year)
    if re.fullmatch(r"(?:19|20)\d{2}", cell):
        # a table's year cell (2025 over the year's rows: _year_rows): due at that year's end
        at = text.index(cell, a)
        return Time(at, at + len(cell), cell, parse_deadline(cell + "年", here), read_as=cell + "年")
    if cell and re.search(r"\d|季度|半年|年底|年末|年内", cell):
        try:  # the whole cell a phrase: a range (2024年3月至12月) is due at its end, 10月份 at the month's end
            got = parse_deadline(cell, here)
            at = text.index(cell, a)
            if got.kind == "by":
                try:
                    parse_deadline(cell, period)
                    yearless = False
                except DeadlineError:
                    yearless = True
                return Time(at, at + len(cell), cell, got, yearless=yearless)
        except DeadlineError:
            pass
    times = _times(text, a, e, [], ctx, period)
    if times:
        return max(times, key=lambda t: t.deadline.date)
    if cell in _WHOLE_YEAR:
        # a time cell of the whole year (杨凌's 全年 row above its quarter blocks, round twenty-three's tables): due at
        # the year's end, as 年底 — read in the document's year
        try:
            at = text.index(cell, a)
            return Time(at, at + len(cell), cell, parse_deadline("年底", here), yearless=True, read_as="年底")
        except DeadlineError:
            pass
    m = _MONTH_LABEL.match(text, a, e)
    if m:
        # a column named by its month (7月工作计划, 2025年7月计划: a progress table's plan for the month, round
        # eighteen): its cells are due at the month's end
        read = m.group(1) + "底"
        try:
            got = parse_deadline(read, here)
            try:
                parse_deadline(read, period)
                yearless = False
            except DeadlineError:
                yearless = True
            return Time(m.start(1), m.end(1), m.group(1), got, yearless=yearless, read_as=read)
        except DeadlineError:
            pass
    found = None
    for m in _NUMERIC_DATE.finditer(text, a, e):
        y, mo, d = m.group(1), int(m.group(2)), m.group(3)
        read = f"{y}年{mo}月" + (f"{int(d)}日" if d else "")
        try:
            got = parse_deadline(read, here)
        except DeadlineError:
            continue
        found = Time(m.start(), m.end(), m.group(), got, yearless=True, read_as=read)
    return found


# What may follow the date of a group heading that dates the items under it: （一）2024年目标, （二）2025年重点任务 (round ten)
_HEADING_REST = re.compile(r"(?:度)?(?:的)?(?:主要|工作|重点|发展|阶段性|年度)?(?:目标任务|目标|任务|重点工作|工作重点|工作)?")


def _heading_dates(text: str, plan: Plan, ctx: Context, period: Period) -> dict[int, Time]:
    """Group headings that are only a date (（一）2024年6月底前), or a year and the word for its goals or tasks
    (（一）2024年目标): their block start → the date, which dates the steps under them."""
    out: dict[int, Time] = {}
    for blk in plan.blocks:
        body = text[blk.start:blk.end].strip("\x00 ：:。")
        if not body or len(body) > 16:
            continue
        times = _times(text, blk.start, blk.end, [], ctx, period)
        y = re.match(r"[\x00\s]*((?:19|20)\d{2})年(?=度)", text[blk.start:blk.end])
        if not times and y:  # （一）2024年度工作目标: 年度 before the goals word (a year's plan is no deadline elsewhere)
            a = blk.start + y.start(1)
            try:
                times = [Time(a, a + 5, y.group(1) + "年", parse_deadline(y.group(1) + "年", period))]
            except DeadlineError:
                times = []
        if len(times) == 1 and not times[0].yearless \
                and _HEADING_REST.fullmatch(text[times[0].end:blk.end].strip("\x00 ：:。")) \
                and _OPENING.match(text[blk.start:times[0].start]):
            out[blk.start] = times[0]
    return out


def _entries_of_sentence(text: str, plan: Plan, blk: Block, s0: int, s1: int, quoted, ctx: Context,
                         period: Period, governor: Time | None = None, heads: Time | None = None,
                         para: int | None = None, lead_in: bool = False, due: Time | None = None,
                         trailing: Time | None = None, raw: str | None = None) -> tuple[list[Draft], Time | None]:
    """Targets and milestones of the sentence text[s0:s1] (positions are the document's compact ones), and
    the time phrase that opens it (到2020年，…), which governs the sentences after it.

    A target with no time phrase of its own before it takes the governing phrase of its paragraph or
    list, if any (``Draft.governed``), else the end of the period."""
    if reports_results(text, s0, period.start.year) or reports_progress(text, s0, s1):
        return [], None  # results reported, nothing to do (the exclusions say so)
    if _OUTLOOK.match(text, s0, s1):
        return [], None  # 展望2035年，全面建成…: an outlook beyond the plan, no step of it (杨浦, round forty-four)
    times = _times(text, s0, s1, quoted, ctx, period)
    qtys = _quantities(text, s0, s1, quoted, times, raw)
    para = blk.start if para is None else para
    drafts = _targets(text, plan, blk, s0, qtys, times, governor, para, due=due, trailing=trailing)
    drafts += _milestones(text, plan, blk, s0, s1, qtys, [t for t in times if not _restates_period(text, t, period)])
    if heads is None and governor is None and due is not None:
        # the date of the heading above (（一）2024年6月底前) dates the steps under it
        drafts += _governed_milestones(text, plan, blk, s0, s1, qtys, times, due, para, apart=True)
    else:
        # (a one-year list's own year heading the paragraph or list — 2023年,我镇将… over its projects — dates no step
        # of theirs, as it dates none of its own sentence: _restates_period)
        own = heads is not None and _restates_period(text, heads, period)
        drafts += _governed_milestones(text, plan, blk, s0, s1, qtys, times, None if own else heads, para)
    opening = next((t for t in times if t.deadline.kind == "by" and not t.yearless
                    and (_OPENING.match(text[s0:t.start]) or lead_in and _LEAD_IN.match(text[s0:t.start]))
                    and (text[t.end:t.end + 1] in "，,：:" or not text[t.end:s1].strip("\x00 "))
                    # 2024年,中梁山街道将实施十件民生实事项目: the list's year, no date over its items (round eight)
                    and not _NAMES_THE_LIST.search(text, t.end, _clause_end(text, t.end + 1, s1))), None)
    # (到2020年 as a line of its own heads the web list below it)
    return drafts, opening


# 禁止生产和使用厚度低于0.01毫米的地膜: a measure of a product the rule specifies (what may be made or
# used), not a target; 平均浓度为70微克/立方米 (no 的 + product after it) stays one.
_SPEC_BEFORE = re.compile(r"(?:厚度|长度|宽度|直径|重量|含量|浓度|强度|功率|温度|粒径|含水率)"
                          r"(?:低于|高于|小于|大于|不低于|不高于|不超过|不足|超过|在|为|达到)?$")
_SPEC_AFTER = re.compile(r"^(?:及?以上|以下|以内)?的[\u4e00-\u9fff]")


def is_product_standard(text: str, a: int, e: int) -> bool:
    """The quantity text[a:e] specifies a product (厚度低于0.01毫米的地膜): a rule, not a goal."""
    return bool(_SPEC_BEFORE.search(text[max(0, a - 10):a]) and _SPEC_AFTER.match(text[e:e + 5]))


# An indicator's formula (签约居民续约率=签约居民续约数/去年同一时间点签约居民数×100%: 广州's 指标含义, round twenty-nine): the
# 100% a ratio is multiplied by, the × often lost in a page's copy (*100% with the * dropped, or nothing at all).
_FORMULA_BEFORE = re.compile(r"[=＝][^=＝。；;，,!！?？]{1,80}[/÷][^=＝。；;，,!！?？/÷]{1,60}?[×xX*＊]?$")


# A weight in a score's formula: 半年考评分值=日常监测（60%）+实地调研（20%）+… (包头's 考评办法, round fifty-one's held-out
# set): a term of a sum after =, its share in brackets.
_WEIGHT_BEFORE = re.compile(r"[=＝+＋][^=＝。；;，,+＋]{1,16}[(（]$")
_WEIGHT_AFTER = re.compile(r"[)）](?:[+＋]|[\x00\s]*(?:[。；;]|$)|[\x00\s]*[\u4e00-\u9fff]{0,8}[=＝])")


def is_formula_factor(text: str, a: int, lo: int) -> bool:
    """The 100% at text[a] closes a formula X=A/B×100% (the sentence from ``lo``), or a share in brackets weighs a term of
    a sum (X=A（60%）+B（20%）): how a figure is counted, no target."""
    if text.startswith(("100%", "100％"), a) and _FORMULA_BEFORE.search(text[max(lo, a - 160):a]) is not None:
        return True
    m = re.match(r"\d+(?:\.\d+)?[%％]", text[a:a + 8])
    return bool(m and _WEIGHT_BEFORE.search(text[max(lo, a - 20):a]) and _WEIGHT_AFTER.match(text, a + m.end())
                and re.search(r"[=＝]", text[max(lo, a - 160):a]))


def _quantities(text: str, s0: int, s1: int, quoted, times: list[Time], raw: str | None = None) -> list[Qty]:
    """Every quantity of the sentence that can be a target (``raw``: the text with nothing masked)."""
    qtys: list[Qty] = []
    # (a date written in figures, 2025-05-09: its month and day are no range — 05-09根据… had read as 5 to 9 根, 双辽's
    # 县域商业 plan, round sixty-one's held-out set)
    dates = [m.span() for m in _NUMERIC_DATE.finditer(text, s0, s1) if m.group(3)]
    for m in _QTY.finditer(text, s0, s1):
        a, e = m.span()
        if _inside(a, quoted) or any(t.start <= a < t.end for t in times) or any(x <= a < y for x, y in dates):
            continue
        cs = _clause_start(text, a, s0)
        ce = _clause_end(text, e, s1)
        if not_target_reason(text[s0:s1], m.start(1) - s0, m.end(1) - s0):
            continue  # a baseline, a name or code, a document number, a past achievement (已达到)
        # A rule parameter (按…的10%, 50%由省级统筹) or a threshold that defines what is counted
        # (投资500万元以上技术改造项目1.2万个) is not a target: left to the exclusions.
        if m.group(3) in _RULE_SHARE_UNITS and _RULE_BEFORE.search(text[cs:a]) or _RULE_AFTER.match(text[e:e + 4]) \
                or _LIST_COUNT.search(text[cs:a]) and restates_list(text, cs, a, m):
            continue
        if is_product_standard(text, a, e):
            continue  # 厚度低于0.01毫米的地膜: a product standard, left to the exclusions
        if is_formula_factor(text, m.start(1), s0):
            continue  # =A/B×100%: a formula's factor, left to the exclusions
        if not_a_goal(text, a, s0, s1, raw):
            continue  # a rule's bound, a descriptor, a span, a frequency: left to the exclusions
        if m.group(3) in ("个月", "天", "周", "年") and re.search(r"(?:具有|具备|满|连续|累计|工作|任职|从事)$", text[cs:a]):
            continue  # 具有6个月工作经历: an eligibility threshold
        if re.search(r"发挥[^，,。；;]*$", text[cs:a]) and re.search(r"(?:作用|优势|效应|功能)$", text[e:ce].rstrip("\x00 ")):
            continue  # 充分发挥14个国家级、42个省级…基地带动作用 (济宁, round thirty-five): the things there are, put to use
        qtys.append((a, e, cs, ce))
    for m in (*_BARE.finditer(text, s0, s1), *_IN_YEARS.finditer(text, s0, s1), *_COUNT_OF.finditer(text, s0, s1),
              *_SCORE.finditer(text, s0, s1)):
        a, e = m.span(m.lastindex)  # 指数达到125, 预期寿命达82.4岁, 体检人数达1000万以上
        if not _inside(a, quoted):
            qtys.append((a, e, _clause_start(text, a, s0), _clause_end(text, e, s1)))
    taken = {q[0] for q in qtys}
    for m in _BARE_COUNT.finditer(text, s0, s1):  # 为200万中小学生
        a, e = m.span(m.lastindex)
        if m.lastindex == 3 and re.search(r"\d+(?:\.\d+)?[个万][\u4e00-\u9fff]{1,6}$", text[_clause_start(text, a, s0):a]):
            continue  # 3个街道33个行政村13.3万常住人口: the last of a chain of counts saying where the work is, no target
        if a not in taken and not _inside(a, quoted) and not _QTY.match(text, a) \
                and not any(t.start <= a < t.end for t in times):
            qtys.append((a, e, _clause_start(text, a, s0), _clause_end(text, e, s1)))
    for m in _CN_QTY.finditer(text, s0, s1):  # 倍增, 翻番, 过千亿, 双破千
        a, e = m.span()
        if text[a] == "零" and _in_quotes(text, a, a + 1, s0, s1):
            if _quoted_zero(text, a, s1):
                qtys.append((a, e, _clause_start(text, a, s0), _clause_end(text, e, s1)))
        elif not _inside(a, quoted) and not (re.search(r"(?:过|超|逾)$", text[max(s0, a - 1):a])
                                             and re.fullmatch(r"[十百千万亿]+元?", text[a:e])
                                             and _CLASS_AFTER_MAGNITUDE.match(text, e)):
            qtys.append((a, e, _clause_start(text, a, s0), _clause_end(text, e, s1)))
    for rx, ok in ((_FRACTION, lambda cs, a, m: _SHARE_OF.search(text, cs, a) and _proper_fraction(m.group(0))),
                   (_RATE_PER, lambda cs, a, m: "率" in text[cs:a]),
                   (_RANK_TOP, lambda cs, a, m: _AIMS_AT.search(text, cs, a)),
                   (_RANK_CLIMB, lambda cs, a, m: True)):
        for m in rx.finditer(text, s0, s1):  # 占全市1/8, 下调到12/10万, 进入前五位, 再进三位
            a, e = m.span()
            cs = _clause_start(text, a, s0)
            if not _inside(a, quoted) and not any(t.start <= a < t.end for t in times) and ok(cs, a, m) \
                    and not not_target_reason(text[s0:s1], a - s0, e - s0):
                qtys.append((a, e, cs, _clause_end(text, e, s1)))
    for m in _ONE_AFTER_NOUN.finditer(text, s0, s1):  # 新建…水厂一座
        a, e = m.span()
        cs = _clause_start(text, a, s0)
        if not _inside(a, quoted) and _BUILDS_BEFORE.search(text, cs, a) and not not_target_reason(text[s0:s1], a - s0, e - s0):
            qtys.append((a, e, cs, _clause_end(text, e, s1)))
    for a, _e, cs, ce in list(qtys):
        qtys += [(x, y, cs, ce) for x, y in shared_measure_chain(text, a, cs)[0]]
    return sorted(set(qtys))


# 分别为57、54、55、56微克/立方米; 任务分别为80、60、60万元: figures listed one after the other, only the last written with the
# measure they share (玉林's 大气 plan, round hundred-and-twenty-fifth's held-out set, and 杨凌's 目标责任书: the bare ones had
# been excluded as numbers that set no target). The list is opened by 分别 or 依次 and holds figures only.
_CHAIN_BEFORE = re.compile(r"(?:分别|依次)(?:为|是|达到|达|不低于|不少于|不高于|不超过|控制在|提高到|提升到|增长|下降|完成)?[\x00\s]*"
                           r"((?:\d+(?:\.\d+)?[\x00\s]*、[\x00\s]*)+)$")


def shared_measure_chain(text: str, a: int, lo: int) -> tuple[list[tuple[int, int]], str]:
    """The bare figures listed before the quantity at ``a`` that share its measure (分别为57、54、56微克/立方米: 57 and 54),
    as spans, and that measure as written; none where no such list opens right before it."""
    m = _CHAIN_BEFORE.search(text, max(lo, a - 80), a)
    head = re.match(r"\d+(?:\.\d+)?[\x00\s]*", text[a:a + 20])
    if not m or not head:
        return [], ""
    measure = re.match(r"[^，,。；;、\d\x00\s]{1,8}", text[a + head.end():a + head.end() + 8])
    if not measure or not re.search(r"[\u4e00-\u9fff%‰/]", measure.group()):
        return [], ""
    return [(x.start() + m.start(1), x.end() + m.start(1)) for x in re.finditer(r"\d+(?:\.\d+)?", m.group(1))], \
        measure.group()


# 新签约过亿元项目4个, 引进超亿元工业项目: a magnitude naming the class of the things counted after it (木李镇's 招商 tasks,
# round one-hundred-and-first's held-out set), as 投资500万元以上技术改造项目 does with digits — a threshold, no target
_CLASS_AFTER_MAGNITUDE = re.compile(r"(?:级|以上)?(?:的)?(?:[\u4e00-\u9fff]{0,4}?)(?:项目|企业|产业|集群|工程|园区|龙头)")


def _quoted_zero(text: str, a: int, s1: int) -> bool:
    """Whether the 零 at a is the whole of its quotation: the quotes stress the goal (实现…用户“零新增”, 较大以上交通事故
    “零发生”: 上海's 燃气 plan, 益阳's 交警 plan) and name nothing; a longer quotation holding it is a slogan or a name
    (“一个零发生、两个下降、三个提升”, which counts the goals it spells out after 即)."""
    close = text.find("”", a, s1)
    return text[a - 1] == "“" and 0 < close - a <= 3


def _proper_fraction(written: str) -> bool:
    part, whole = (int(x) for x in re.split(r"[/／]", written))
    return part < whole


def _paired_times(text: str, qtys: list[Qty], times: list[Time]) -> dict[int, Time]:
    """2024年、2025年分别…A、B: a run of time phrases pairs with the quantities after it, in order."""
    paired: dict[int, Time] = {}
    i = 0
    while i < len(times):
        j = i
        while j + 1 < len(times) and re.fullmatch(r"[、和及与]", text[times[j].end:times[j + 1].start]):
            j += 1
        if j > i:
            # the figures of its own sentence part, up to the next time phrase or semicolon: 2025年和2030年,…均较前5年减少10%
            # 以上;2025年,…覆盖比例达95%以上 (科左中旗's 艾滋病 plan, round eighty-two) had paired the second year with the
            # next part's 95%, over its own 2025年. Fewer figures than times (one held at both years) pair none.
            stop = re.search(r"[；;。]", text[times[j].end:])
            bound = min(times[j + 1].start if j + 1 < len(times) else len(text),
                        times[j].end + stop.start() if stop else len(text))
            after = [q for q in qtys if times[j].end < q[0] < bound]
            if len(after) >= j + 1 - i:
                for k, t in enumerate(times[i:j + 1]):
                    paired[after[k][0]] = t
        i = j + 1
    return paired


# A date finer than a year: 3月底前, 2024年6月底前, 三季度末, 上半年, 10月中旬前 (not 到2025年, 2024年底前).
_FINER_THAN_YEAR = re.compile(r"(?:\d{1,2}月|季度|半年|旬)")


def _own_step(text: str, t: Time, cs: int, qtys: list[Qty]) -> bool:
    """Whether the time phrase t dates only a step of its own clause, before the clause cs of a target:
    a date finer than a year glued to the step it dates (3月底前完成招标,…; 2024年6月底前完成项目谋划,…), whose
    clause has no quantity and ends before the target's. Such a date is the step's; the target takes the task's
    time limit, the phrase governing its paragraph, else the period's end (round eleven). A date followed by
    a comma (2024年6月底前,完成…,新建…) opens the sentence and dates all of it; a year (到2025年建成…,新增…) too."""
    if not _FINER_THAN_YEAR.search(t.text) or t.end >= cs:
        return False
    if text[t.end:t.end + 1] in _CLAUSE_END or not text[t.end:t.end + 1].strip("\x00 ") \
            or re.match(r"[(（][^()（）]{1,16}[)）][:：]", text[t.end:t.end + 20]):
        return False  # (第一季度(每项5分):完成…;完成…8座…: a schedule's label with its score in brackets before the
        # colon heads the targets after it, as 第一季度: does — 杨凌's 目标责任书, round ninety-seven's held-out set)
    end = _clause_end(text, t.end, cs)
    step = text[t.end:end]
    return end < cs and not any(t.end <= q[0] < end for q in qtys) and cjk(step) >= 2 \
        and not _COMPLETION.match(step)  # (2024年9月底前全部建成,新增…: the completion of what follows)


def _list_comparators(text: str, qtys: list[Qty]) -> tuple[list[bool], list[str | None]]:
    """Which quantity is followed by the next in a list (A、B和C), and each one's comparator from the
    words around it, shared along the list: 分别突破A、B; A和B左右."""
    n = len(qtys)
    adj = [i + 1 < n and re.fullmatch(r"[、和及与]", text[qtys[i][1]:qtys[i + 1][0]]) is not None
           for i in range(n)]
    after_c = [after_cmp(text, q[1]) for q in qtys]
    before_c = [before_cmp(text, q[0], q[2]) for q in qtys]
    for i in range(n - 2, -1, -1):
        if adj[i] and after_c[i] is None:
            after_c[i] = after_c[i + 1]
    for i in range(1, n):
        if adj[i - 1] and before_c[i] is None:
            before_c[i] = before_c[i - 1]
    return adj, [x or y for x, y in zip(after_c, before_c, strict=True)]


def _listed_subjects(text: str, qtys: list[Qty], adj: list[bool], times: list[Time]) -> dict[int, str]:
    """A、B、C分别达到x、y、z: the subjects before 分别 name the items of the list in order."""
    listed: dict[int, str] = {}
    i = 0
    while i < len(qtys):
        j = i
        while adj[j]:
            j += 1
        m = re.search(r"分别(?:为|是|达到|达|突破|超过|稳定在|保持在|控制在|不低于|不少于)?$",
                      text[qtys[i][2]:qtys[i][0]])
        if m and j > i:
            head = strip_times(text, qtys[i][2], qtys[i][2] + m.start(), times)
            subj = [x for x in re.split(SUBJECT_SEP, head) if x]
            if len(subj) == j - i + 1:
                for k in range(i, j + 1):
                    listed[qtys[k][0]] = subj[k - i]
        i = j + 1
    return listed


def _targets(text: str, plan: Plan, blk: Block, s0: int, qtys: list[Qty], times: list[Time],
             governor: Time | None = None, para: int = 0, due: Time | None = None,
             trailing: Time | None = None) -> list[Draft]:
    paired = _paired_times(text, qtys, times)
    adj, words = _list_comparators(text, qtys)
    listed = _listed_subjects(text, qtys, adj, times)
    read = comparators(text, qtys)
    chained: dict[int, str] = {}  # the start of each bare figure sharing the measure of its list's last one → that measure
    for a, _e, cs, _ce in qtys:
        spans, measure = shared_measure_chain(text, a, cs)
        chained.update((x, measure) for x, _y in spans)
    drafts: list[Draft] = []
    prev_metrics: list[str] = []
    for k, (a, e, cs, ce) in enumerate(qtys):
        t = paired.get(a) or next((t for t in reversed(times) if t.end <= a), None)
        if t is not None and a not in paired and _own_step(text, t, cs, qtys):
            t = None  # 3月底前完成招标,新建标准厂房10万平方米: the date is the step's, not the target's (round eleven)
        if t is not None and t.text == "年均":
            # 到2022年，…年均养护工程比例不低于13%: an average over the years the horizon before it dates, in its sentence or
            # opening its paragraph (农村公路, round thirty-nine's held-out set: it had been dated at the period's end, 2035)
            horizon = next((x for x in reversed(times) if x.end <= t.start and x.deadline.kind == "by" and not x.yearless),
                           None)
            if horizon is not None:
                t = horizon
            elif governor is not None and not governor.yearless and governor.deadline.kind == "by" \
                    and governor.start >= para:
                t = None
        qs = min(cs, t.start) if t else cs
        qe = ce
        governed = t is None and governor is not None
        if governed:
            t = governor
            if governor.start >= para:
                # The phrase opens this paragraph: the quote runs from it, as a reader quotes it.
                qs, governed = governor.start, False
        if t is None:
            # 新建充电桩500个，2024年9月底前全部建成 / 新建充电桩500个。2024年10月底前完成。: a date after the
            # quantity whose clause only completes it dates it; the quote runs to it.
            t = next((x for x in times if x.start >= e and _completes(text, x, text[cs:x.start])), None) or trailing
            if t is not None:
                qe = _completion_end(text, t)
        if t is None and due is not None:
            t, governed = due, True  # the date of the heading above
        if re.search(r"\d[^\d，,。；;]{0,4}?[—–\-~～至到]\d", text[a:e]):  # 3—5个, 3家至5家
            cmp = "range"
        elif re.match(r"倍增|翻", text[a:e]):
            cmp = "="
        elif re.match(r"[十百千万亿]+$", text[a:e]):
            cmp = ">"  # 过千亿, 双破千
        elif text[a] == "前":
            cmp = "<="  # 进入前五位: the fifth place or better
        elif not text[a].isdigit():
            cmp = words[k] or "="  # 一半以上, 超过一半, 至少建设一所: the words around it
            if cmp == ">" and breaks_through(text, cs, a, e, ce):
                cmp = "="  # 突破百项前沿关键核心技术: 突破 the doing, 百项 the count of its object
        else:
            cmp = read.get(a) or words[k] or "="
            if cmp == "=" and TIME_UNIT.search(text[a:e]) and text[e:e + 1] == "内":
                cmp = "<="  # 6个月内, 5个工作日内: a time limit
            if cmp == "=" and re.search(r"前$", text[max(cs, a - 1):a]) and re.search(r"[位名强]$", text[a:e]):
                cmp = "<="  # 跃居全省前40位 (洞头区, round twelve): a rank of 40 or better
        suffix = re.match(r"(?:及以上|以上|以下|以内|左右|上下|多|余)?", text[e:]).end()
        cut = [(a, e + suffix)] + [(x.start, x.end) for x in times if cs <= x.start < ce]
        metrics = each_subjects(text, cs, a, times)
        if not metrics and a in listed:
            metrics = [listed[a]]
        if not metrics:
            # The list item holding the quantity (教育专家10名、名校长100名), else the clause; a 、 inside
            # brackets (县（市、区）) separates nothing.
            seps = separators(text, cs, ce)
            ps = max([cs] + [i + 1 for i in seps if i < a])
            pe = min([ce] + [i for i in seps if i >= e])
            subject = METRIC_DROP.sub("", strip_times(text, ps, a, times))
            piece = METRIC_DROP.sub("", subject + text[e + suffix:pe])
            if not cjk(subject) and not cjk(text[e + suffix:pe]) and prev_metrics:
                metrics = prev_metrics  # 、2025年达到53%: the subject of the item before
            elif cjk(piece) >= 3 and (ps > cs or pe < ce):
                metrics = [name_of(text, ps, pe, cut)]
            else:
                metrics = [name_of(text, cs, ce, cut)]
            if cjk(metrics[0]) < 4 and metrics is not prev_metrics:
                # 扩大全省高级技术经理文库，每年新增50人: the clause before names what is counted
                before = _clause_start(text, max(s0, cs - 1), s0)
                if before < cs:
                    metrics = [name_of(text, before, cs - 1, cut) + metrics[0]]
        prev_metrics = metrics
        # a figure a list assigns to a place named right before it (分别是未脱贫人口:河边镇941人、回马镇252人…: 大英's
        # breakdown, round forty-seven's held-out set): the town, township or street leads its own figure
        share = _place_share(text, max(cs - 1, a - 12), a)
        # (a bare figure of a list whose last figure writes the measure they share: that measure is its own)
        shared = chained.get(a) if re.fullmatch(r"\d+(?:\.\d+)?", text[a:e]) else None
        for metric in metrics:
            drafts.append(Draft(plan, blk, "target", metric, qs, qe, (a, e), cmp, t, a, governed,
                                units=((share,), ()) if share else None, unit_text=shared))
    return drafts


# A place's own figure in a breakdown: the item opens with its name (…:河边镇941人、回马镇252人; 、卓筒井镇242人)
# (…总面积3万亩,其中涟江街道3000亩,濛江街道2100亩…: the commas of a breakdown too — 惠水's 大豆玉米 plan, round sixty-five's
# held-out set)
# (…分别是:…,上丰村24人、霞江村12人: a village's or community's quota — 上丰乡's 献血 plan, round hundred-and-twenty-
# eighth's held-out set; 美丽乡村58个, 电商专业村170个 count villages: no village's own figure, see _place_share)
_PLACE_SHARE = re.compile(r"(?:[:：、；;,，]|其中)[\x00\s]*(?:其中)?((?![全各本我该])[\u4e00-\u9fff]{2,5}(?:镇|乡|街道|村|社区))$")
# (a kind of town, 重点镇5个, 特色小镇3个, or a doing before it, 创建示范镇2个: no place's name)
_NO_PLACE = re.compile(r"(?:重点|特色|中心|示范|小城|建制|美丽|文明|卫生|森林|园林|生态|宜居|和美|旅游|农业|工业|商贸|名)(?:镇|乡|街道)$"
                       r"|^(?:创建|建设|打造|培育|新建|建成|完成|认定|评选|争创|命名)")


def _place_share(text: str, lo: int, a: int) -> str | None:
    """The town, township or street a breakdown gives the figure at ``a`` to, named right before it, else None."""
    m = _PLACE_SHARE.search(text, lo, a)
    if m and not _NO_PLACE.search(m.group(1)) and not (
            m.group(1).endswith(("村", "社区")) and re.match(r"[\d.]+[万千百]?(?:个|座|家|处)", text[a:])):
        return m.group(1)
    # the item's other figures, after the semicolon that opens it with the place's own (…如下:永新乡14户64人,其中…搬迁11户
    # 51人;兴隆乡9户37人…: 靖远's 搬迁 plan, round eighty-seven — the town leads all of its item's figures)
    start = max(text.rfind(ch, max(0, a - 80), a) for ch in "；;：:") + 1
    if start <= 0 or re.search(r"[。]", text[start:a]):
        return None
    # (the nearest place before the figure whose own figure follows its name: 白驼镇135户623人,贾川乡53户232人 — 232人 is 贾川乡's)
    found = list(re.finditer(r"(?:^|(?<=[,，、\x00\s]))((?![全各本我该])[\u4e00-\u9fff]{2,5}(?:镇|乡|街道))(?=\d)",
                             text[start:a]))
    m = found[-1] if found else None
    # (a table's labels run together, 单位：亩 / 序号 / 街镇 / 2026年 — 嘉定's 违法用地 table: no place)
    return m.group(1) if m and not _NO_PLACE.search(m.group(1)) and not re.search(r"序号|(?:街镇|乡镇|镇街)$", m.group(1)) \
        else None


# 为推动建设“无废社会”奠定良好基础: the purpose of the goals, not an action of its own.
_PURPOSE = re.compile(r"^为[^，,；;。]*(?:奠定|提供|创造|作出|打下)[^，,；;。]*(?:基础|支撑|保障|条件|贡献)$"
                      # …管护工作,防止治理后的水体返黑返臭: what the work is to prevent, no step of its own (璧山区, round eight)
                      r"|^(?:以)?(?:防止|避免|防范|杜绝|以防)[^，,；;。]*$")
# A list of outcomes, each with its own predicate: 大宗工业固体废物贮存处置总量趋零增长、主要农业废弃物全量利用、…
_OUTCOME_END = re.compile(r"(?:增长|利用|提升|提高|管控|完成|建成|建立|实现|覆盖|应用|改善|优化|健全|完善|贯通|"
                          r"突破|下降|减少|发生|形成|普及|推广|落实|到位|赋能|联接|联通|"
                          r"(?:创新|加速|加快|融合|协调|协同|竞相|蓬勃|快速|稳步|健康)发展"
                          # (公共服务设施提标扩面、环境卫生设施提级扩能、市政设施提档升级、产业发展提质增效: 澧县's 补短板 plan,
                          # round one-hundred-and-eleventh's held-out set — the four-character idioms of raising a standard)
                          r"|提[质标档级速效能](?:扩面|扩能|扩容|升级|增效|提速|提效))$")


# A list of actions, each opening with its own predicate: 基本贯通各类文化机构数据中心、基本完成文化产业数字化布局
# (鲁政发〔2024〕5号 line 774, whxc-013/014); 加强A、B建设 (one predicate, a list of objects) is not one.
_ACTION_START = re.compile(r"^(?:基本|全面|初步|进一步|逐步|持续|加快|大力|积极|着力|有效|不断|率先|深入)?"
                           r"(?:建成|建立|完成|贯通|实现|形成|培育|打造|健全|完善|构建|创建|设立|组建|"
                           r"推广|普及|消除|淘汰|取消|压减|降低|减少)")


def _outcomes(text: str, a: int, e: int) -> list[tuple[int, int]]:
    """The clause text[a:e], or its 、-separated outcomes when each is one (five Chinese characters or more
    ending in a predicate: 总量趋零增长、全量利用、水平全面提升, or opening with one: 基本贯通…、基本完成…);
    a list of objects (A、B) stays one."""
    cuts = [a] + [i + 1 for i in range(a, e) if text[i] == "、"]
    spans = [(x, (cuts[k + 1] - 1) if k + 1 < len(cuts) else e) for k, x in enumerate(cuts)]
    if len(spans) > 1 and all(len(re.findall(r"[\u4e00-\u9fff]", text[x:y])) >= 5 for x, y in spans) and (
            all(_OUTCOME_END.search(text[x:y].rstrip("\x00 ")) for x, y in spans)
            or all(_ACTION_START.match(text[x:y].lstrip("\x00 ")) for x, y in spans)):
        return spans
    return [(a, e)]


# 2020年年底前…企业可免缴国有资本收益, 可继续免征, 可按…办理: a permission a rule grants (may), not a
# commitment (shall); 可复制、可推广的 (adjectives) is not one.
_PERMISSION = re.compile(r"(?<!不)可(?:以)?(?:免|减|享受|申请|按|继续|暂|提前|参照)")


# A clause that says what the next one is for, its subject before it: 2023年,宝安区为加强安居宜居保障,将建设筹集…
# (round thirteen) — the purpose of the work, no step of its own. (为200万中小学生开展测评, 为老年人提供服务: whom the
# work is for, not a purpose.)
_PURPOSE_OF_NEXT = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|镇|街道))?为了?(?:加强|推动|推进|进一步|确保|做好|"
                              r"提升|促进|加快|更好|满足|切实|实现|解决|保障|落实|深化|完善|优化)[^，,；;。\d]*$")
# A clause that places the figure just before it (…比重3.4%以上,达到全市前列 — 洞头, round twelve): its standing, no goal
# of its own.
_STANDING = re.compile(r"^(?:力争)?(?:达到|位居|位列|进入|保持|稳居|跻身)(?:全国|全省|全市|全区|全县|同类城市)?"
                       r"(?:前列|前茅|领先水平|领先|先进水平|第一方阵)$")


# A clause that names the field the next one works in: 在完善社区养老服务方面,宝安区将新建… (round thirteen).
_FIELD_OF_NEXT = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|镇|街道))?在[^，,；;。\d]*方面$")


# A clause that only names who does the work: 由县工业园区管委会牵头, 县自然资源局、漾月街道配合 (师宗, round fifteen's
# held-out set) — the task's units, no step of its own (由X牵头建设… goes on to the work, and stays).
_UNITS_ONLY = re.compile(r"^(?:由)?[^，,；;。\d]{2,40}?(?:牵头|配合|协助|参与|协同|负责)(?:负责|落实|实施)?$")


# A clause that describes the project a row or item names (九江's road, round twenty): its route (东起天马小学, 西至和平路,
# 东止于怡康路, 与站前路相接, 上跨昌九快速路), its scope (主要包括道路工程、排水工程…等), its technique (采用沥青混凝土面层) or a
# dimension (桥梁宽度为30米) — what is built, not a step of its own; the quantity of the work (全长190米) stays a target.
_DESCRIBES_PROJECT = re.compile(
    r"^(?:道路|线路|路线|管线|项目|工程)?(?:[东西南北]|自|起)(?:起|至|止|止于|接|起于)[^，,；;。]*$"
    r"|^(?:与|同)[^，,；;。]{1,20}(?:相接|相连|交汇|平交)$"  # (与…有效衔接 is work: 鲁政发 line 696)
    r"|^(?:上跨|下穿|跨越|穿越)[^，,；;。]*$"
    r"|^(?:主要|建设内容)?(?:包括|包含|含)[^，,；;。]*(?:工程|设施|内容)等?$"
    r"|^采用[^，,；;。]*(?:面层|方案|工艺|结构|形式|技术|标准)$"
    r"|^(?:桥梁|桥面|道路|路面|车行道)?(?:宽度|长度|高度|净宽|净高)(?:为|约)")


# A clause of allegiance: 水利部门将深入贯彻党的二十大精神, 全面贯彻习近平总书记…治水思路和…重要讲话指示批示精神 (镇江, round
# forty's held-out set): the frame a year's work is set in, no step anyone reports done.
_ALLEGIANCE = re.compile(r"^(?:[^，,；;。]{0,12}?(?:将|要|必须|坚持))?(?:深入|全面|认真|坚决|持续|始终)?(?:学习)?(?:贯彻|践行)"
                         r"(?:落实)?[^，,；;。]*(?:精神|思想|讲话|指示|批示|理念|思路|方针|路线)$")


def _not_a_commitment(body: str) -> bool:
    return bool(_PURPOSE.match(body) or _PERMISSION.search(body) or _PURPOSE_OF_NEXT.match(body) or _ALLEGIANCE.match(body)
                or _FIELD_OF_NEXT.match(body) or _UNITS_ONLY.match(body) or _DESCRIBES_PROJECT.match(body))


# A project's name is a noun phrase (城市人居环境提升项目); a step doing one opens with the doing (实施…项目, 启动…工程).
_DOES_PROJECT = re.compile(r"(?:全面|加快|继续|持续|启动|实施|推进|开展|完成|建成|建设|新建|开工|落实|做好|抓好|打造|谋划|争取)")


def _milestone_outcomes(text: str, a: int, e: int, body: int, qtys: list[Qty]) -> list[tuple[int, int]]:
    """The outcomes of the clause text[a:e] (its words from ``body``) that are milestones: the clause says
    something (four Chinese characters or more) and is no purpose or permission, and the outcome holds no
    quantity (总量趋零增长、全量利用、水平全面提升: the first is a target, the others milestones)."""
    words = text[body:e].strip("\x00")
    if len(re.findall(r"[\u4e00-\u9fff]", words)) < 4 or "\x00" in text[a:e].lstrip("\x00") or _not_a_commitment(words):
        return []
    if text[e:e + 1] in "：:" and re.search(r"(?:包括|如下|是|为|有)$", words):
        return []  # 2023年新增14项包括: the lead of the list after it
    if re.match(r"(?:电子邮箱|电子信箱|邮箱|联系电话|联系人|联系方式|传真|通讯地址|邮编)(?:[:：]|$)", words):
        return []  # …请于2023年5月31日前报市市场监管局,电子邮箱:…: where to send it, no step (常州's 标准 plan, round seventy)
    if re.fullmatch(r"(?:总计|累计|共计|合计)(?:达到?|为)?\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]{1,3}", words):
        return []  # 总计达60个: a running total (an exclusion, not_a_goal), no step either
    if re.search(r"为了?[\u4e00-\u9fff]{0,4}(?:打好|打赢|做好|推进|推动|落实|贯彻)[\x00\s]*$", text[max(0, a - 16):a]) \
            or re.match(r"[\x00\s]*为了?(?!期|止|主|准|此|由|人|民|重点|核心|抓手|载体|基础|目标|引领|导向|依托|统领)[\u4e00-\u9fff]",
                        text[a:body]):
        # 为全面打好2025—2026年秋冬季大气污染综合治理攻坚战,…,特制定本方案 (侯马, round eighty-four): a date in the clause
        # saying what the plan is for names the campaign it serves, no step (the goals after it, 力争到2027年,…, are)
        return []
    if re.fullmatch(r"(?:继续|持续|进一步)?(?:保持|巩固|巩固提升|巩固提高|保持稳定|稳定)(?:住|好)?", words):
        return []  # …2%以下,到2030年持续保持: the figures before it held on to a later horizon — no step of its own (科左中旗's
        # 艾滋病 plan, round eighty-two); 到2030年持续保持全国文明城市称号 names what is kept, and is one
    if re.search(r"(?:率|比例|比重|占比)$", words) and re.match(r"[^。；;]*?均(?:达到?|保持|不低于|超过)", text[e:e + 120]):
        return []  # A覆盖率，B覆盖率，C覆盖率均达到100% (商圈, round thirty-eight): the names of the rates the figure is
    if text[e:e + 1] in "：:" and re.fullmatch(r"\d{0,2}[^，,；;。\d]{2,30}(?:项目|工程)", words):
        return []  # 1柴桑区九一六社区完整社区建设项目: — a project's name heading its description (九江, numbered ① or 1)
    if re.fullmatch(r"\d{1,2}[.．、][^，,；;。:：\d]{2,30}(?:项目|工程)", words) \
            and not _DOES_PROJECT.match(words, re.match(r"\d{1,2}[.．、]", words).end()):
        # 1.城市人居环境提升项目 | … — a table without 序号 numbering its projects in the 项目名称 cell, over the rows of their
        # tasks (新昌, round twenty-two): a group's heading, no step. (A project that is the row, under a 序号 column, is a
        # step where its row dates it: 九江's 中心城区完整社区建设项目.)
        return []
    if re.fullmatch(r"(?:计划|拟)?投资(?:约)?\d+(?:\.\d+)?[万亿]?元", words):
        return []  # 投资5000万元, the money of the counted work after it (its exclusion says so): no step either
    if _STANDING.match(words) and any(0 <= a - q[1] <= 3 for q in qtys):
        return []  # 比重3.4%以上,达到全市前列: where the figure before it stands
    if _NAMES_THE_LIST.search(words) or re.search(r"(?:以下|如下|下列)[\u4e00-\u9fff]{0,10}$", words):
        # 2024年,中梁山街道将实施十件民生实事项目, 2024年全市将实施以下民生实事: the list, whose items are the entries
        return []
    return [(x, y) for x, y in map(lambda o: _before_aside(text, *o, qtys), _outcomes(text, body, e))
            if not any(x < q[1] and q[0] < y for q in qtys) and not _KEEPS_PACE.search(text, x, y)
            and not _ROUTINE.search(text, x, y) and not _whole_of_parts(text, x, y)]


def _before_aside(text: str, x: int, y: int, qtys: list[Qty]) -> tuple[int, int]:
    """An outcome without the bracketed figure closing it: 确保2022年12月底前全部开工(2022年12月底前竣工率达到90%以上)、2023年6月底
    前全部竣工 (重庆's 农村危房改造 notice, round fifty-one's held-out set) — the aside is a target of its own, the words before
    it the step (which it had hidden)."""
    if text[y - 1:y] not in (")", "）"):
        return x, y
    o = max(text.rfind("(", x, y), text.rfind("（", x, y))
    if o > x and any(o < q[0] < y for q in qtys) and len(re.findall(r"[\u4e00-\u9fff]", text[x:o])) >= 4:
        return x, o
    return x, y


# A clause whose figure is the whole its parts then state (2023年完成全市受污染耕地安全利用面积5807亩,其中:安全利用类任务5592亩、
# 严格管控类任务215亩: 龙泉, round forty-seven's held-out set): the parts are the targets and the whole an exclusion
# (sum_of_parts) — the clause is no step either (it had been drafted as one, quoting the figure).
def _whole_of_parts(text: str, x: int, y: int) -> bool:
    return bool(re.search(r"\d+(?:\.\d+)?(?:万|亿)?[\u4e00-\u9fff%]{0,4}[\x00\s]*$", text[x:y])
                and re.match(r"[\x00\s]*[，,]?[\x00\s]*[(（]?其中", text[y:y + 8]))


# Work done month by month or quarter by quarter (按月完成临时救助的审核确认工作, 按季度序时推进, 每月发放…: 谯城's 民政局 task
# split, round forty-four's held-out set): a routine, no step anyone reports done once — the date over it is the year's
# end of the routine. (建立按月调度机制 sets up the routine: a step.)
_ROUTINE = re.compile(r"(?:按|每)(?:个)?(?:月|季度|季|周|旬)(?:序时|定期|及时)?(?:完成|开展|发放|推进|报送|上报|调度|更新|通报|核查|"
                      r"审核|复核|统计|督查)(?!机制|制度|工作机制)")


# A goal that one figure keeps pace with another (城乡居民人均可支配收入增长与经济增长同步, 居民收入与经济增长基本同步,
# 保持同步增长): a relation stated in a goals list beside its figures (马良镇, round eleven), no deliverable and no date
# anyone reports on — no milestone. 同步推进/同步建设 (doing two things at once) is work and stays.
_KEEPS_PACE = re.compile(r"(?:与|和|同)[^，,。；;\x00]{0,12}(?:增长|发展|提高)(?:基本|保持)?同步(?![推建实开规设])"
                         r"|(?:基本|保持)?同步(?:增长|提高)")


# A clause a paragraph's horizon heads that names work going on, not a result (到2025年，一是着力打造“一江一河”新亮点。重点推进
# 东斯文里区域更新。…推动走马塘片区城市更新建设: 静安's 城市更新 plan, round thirty-six): no step of its own — the readers
# date the clauses that say what is done or reached (完成, 建成, 基本形成…). A list's item under a dated heading (推进坟墓迁移
# 工作。) stays a step: the heading sets it as the period's task.
_ONGOING = re.compile(r"(?:[一二三四五六七八九十]是)?(?:重点|着力|大力|积极|持续|继续|不断|进一步|全力|切实|深入)?"
                      r"(?:加快|加强|推进|推动|深化|整合|提升|强化|优化|促进|支持|鼓励|引导|探索|坚持|注重|围绕|聚焦|依托|发挥|"
                      r"紧密结合|统筹|打造)")


# In a task section (not the goals), a clause a paragraph's horizon governs is a step only where it states a result: a
# subject's change (…工程实现竣工, 基本完成…改造, 农机作业条件显著改善), a completion closing it (完工, 开工, 投用) or a batch
# delivered (创建一批…). 静安's 城市更新 plan (round thirty-six) opens each 行动's paragraphs with 到2025年 and runs on for
# a dozen sentences of work (对标世界顶级商圈, 结合…需求, 精心打造…项目, 不断做宽、做厚、做深…商圈): every one had been a step
# under the horizon. In the goals (到2020年，A。B基本建立，C显著提升…) every clause is one of the plan's goals and stays.
_RESULT_CLAUSE = re.compile(
    r"(?:基本|显著|明显|全面|进一步|加快|初步|逐步|大幅|持续|稳步|不断|有效|全部|如期|率先)"
    r"(?:实现|建立|形成|提升|改善|增强|确立|建成|完成|优化|拓展|凸显|提高|健全|完善|落实|到位|普及|覆盖|下降|减少|降低|"
    r"扩大|突破|加强|规范|壮大|成熟|畅通|提速|加快)"
    r"|(?:实现|建立|形成|提升|改善|增强|确立|建成|完成|优化|凸显|提高|健全|完善|落实|到位|普及|覆盖|完工|竣工|开工|投用|"
    r"投入使用|创建|落地)[\x00 ]*$"
    rf"|{_BATCH.pattern}")
# …or opens with the completion itself (二是完成北苏州路公共空间品质提升工程, 基本建成…, 启动…建设)
_RESULT_OPENS = re.compile(r"[\x00 ]*(?:[一二三四五六七八九十]是)?(?:全面|基本|如期|率先|全部)?(?:完成|建成|实现|开工|竣工|启动|取消|消除)")


# …or completes something, its subject first (天目山镇中心幼儿园完成基础工程: 临安's list, round twenty-two's held-out set)
_COMPLETES_IN = re.compile(r"完成|建成|竣工|完工|开工|投用|投入使用|交付|出台|印发|上线|挂牌|验收")


def _states_result(text: str, x: int, y: int) -> bool:
    return bool(_RESULT_OPENS.match(text, x, y) or _RESULT_CLAUSE.search(text, x, y))


def _governed_milestones(text: str, plan: Plan, blk: Block, s0: int, s1: int, qtys: list[Qty],
                         times: list[Time], governor: Time | None, para: int = 0, apart: bool = False) -> list[Draft]:
    """The clauses with no quantity of a sentence that a time phrase heading its paragraph or list governs
    (到2020年，A。B，C。: B and C are dated too), up to the sentence's own first time phrase."""
    if governor is None or governor.yearless and not apart:  # (a table cell's date, 6月底前 or 一季度: read in the year)
        return []
    # a clause's own date, with a year or without, is its own — from its clause's start where it closes the clause
    # (除…项目在今年6月前完成: the words before the date are its outcome)
    own = next((_dated_from(text, t, s0) for t in times), s1)
    same = governor.start >= para and not apart  # the phrase opens this paragraph: the quote runs from it
    # A table row's 完成时限 cell dates the row's task, one step (丰台's, 松江's, 包头's, 渝中's readers alike, round
    # fifty-four to fifty-seven: a step a clause had drafted 117 more for 丰台's list): its first outcome stands for it.
    row = apart and bool(blk.breaks)
    if row and blk.row_step:
        return []
    drafts: list[Draft] = []
    pos = s0
    while pos < own:
        ce = _action_end(text, pos, own)
        for x, y in _milestone_outcomes(text, pos, ce, pos, qtys):
            if same and (_ONGOING.match(text[x:y].lstrip("\x00 "))
                         or blk.section != "总体目标" and not _states_result(text, x, y)):
                continue
            drafts.append(Draft(plan, blk, "milestone", name_of(text, x, y, []),
                                governor.start if same else pos, y, None, None, governor, x, not same))
            if row:
                blk.row_step = True
                break
        if row and blk.row_step:
            # (items a cell sets apart with semicolons are steps each: 配合国土局完成…(5分);进行…设计工作,完成项目立项(5分);
            # 完成火炬园三期招标,正式开工建设(10分) — 杨凌's target assessment, round twenty-three's tables)
            semi = next((i for i in range(ce, own) if text[i] in "；;"), None)
            if semi is None:
                return drafts
            ce = semi
        pos = ce + 1
    return drafts


_DONE_AFTER = re.compile(r"[\x00]*(?:将|均|全部|全面|基本|如期|按时|确保)?(?:完成|建成|竣工|完工|投用|投入使用|交付使用)"
                         r"(?:任务|目标|建设)?外?[\x00]*$")
# A clause that names the list itself (将实施十件民生实事项目): the lead of the items, no milestone of its own.
# (…继续实施一批民生实事项目: a batch, the list not counted — 巨鹿, round fifteen's held-out set)
_NAMES_THE_LIST = re.compile(rf"(?:[{NONZERO}十两\d]+(?:件|项|个)|一批)(?:重点|重大|年度)?(?:民生|为民|惠民)(?:办)?实事")


# The next numbered item of a list run on in one paragraph: ;② / ;(2) / ；（3）
_NEXT_ITEM = re.compile(r"[；;][\x00\s]*(?:[(（]\d{1,2}[)）]|[①-⑳])")


def _dated_from(text: str, t: Time, lo: int) -> int:
    """Where the words a time phrase dates begin: the phrase itself, or its clause's start where the phrase closes
    the clause (X在今年6月前完成)."""
    return _own_clause_start(text, t.start, lo) if _DONE_AFTER.match(text, t.end, _clause_end(text, t.end, len(text))) \
        else t.start


def _own_clause_start(text: str, pos: int, lo: int) -> int:
    """The start of the clause holding pos, within its sentence (a 。 ends a clause too)."""
    while pos > lo and text[pos - 1] not in _CLAUSE_END and text[pos - 1] not in _SENT_END:
        pos -= 1
    return pos


# A clause with a time of its own that extract does not draft (a monthly step, 从3月起): a date before it does not reach it
# (上海市民政局, round fifteen's held-out set).
_OWN_RECURRENCE = re.compile(r"每(?:个)?(?:月|周|旬|季度|半月)|[从自](?:\d{1,2}月|下月|次月|明年)起")


def _milestones(text: str, plan: Plan, blk: Block, s0: int, s1: int, qtys: list[Qty], times: list[Time]) -> list[Draft]:
    """Dated clauses that hold no quantity: the clause of each time phrase, and for a dated phrase
    (2024年年底前，A，B) each following clause up to the next time phrase or the sentence's end."""
    drafts: list[Draft] = []
    for k, t in enumerate(times):
        # A year-less phrase (各牵头单位于2月29日前将…报送, 年底前基本实现…) dates its clause in the document's year:
        # the milestone carries that date with a note (draft.py), as a heading's date over a list does.
        if _completes(text, t, text[s0:t.start]) and any(q[1] <= t.start and not re.match(r"[^(（]*[)）]", text[q[1]:t.start])
                                                        for q in qtys):
            continue  # 新建充电桩500个，2024年9月底前全部建成: the date of the target before it (not of one in brackets
            # that closed before it: …全部开工(…竣工率达到90%以上)、2023年6月底前全部竣工 — 重庆, round fifty-one)
        if t.text == "年均":
            continue  # 细颗粒物年均浓度…力争达到考核要求: an average over the years measures a figure, it dates no step
        if (lab := _YEAR_LABEL.match(text, t.start)) and k + 1 < len(times) and re.fullmatch(
                r"[\x00\s]*(?:[一二三四五六七八九十]是|\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[①-⑩])?[\x00\s]*",
                text[lab.end():times[k + 1].start]):
            continue  # 2020年任务:一是4月底前完成…: the year's label over dated steps, no step of its own (西安, round 100)
        scope_end = _dated_from(text, times[k + 1], t.end) if k + 1 < len(times) else s1
        if not _OPENING.match(text[s0:t.start]) and t.deadline.kind == "by" and text[t.end:t.end + 1] not in "，," \
                and not re.search(r"(?:季度|半年|月份?|阶段|年度)[:：]", text[s0:t.start]) and (semi := re.search(r"[；;]", text[t.end:scope_end])) is not None:
            # a date inside its sentence (…依法关闭…尾矿库,到2022年底县内尾矿库数量…控制在指标范围内;尾矿库数量原则上只减
            # 不增;健全完善…: 石屏's 尾矿库 plan, round seventy-seven's held-out set) dates its own part up to the semicolon,
            # not the goals set apart after it; a date set apart by a comma (…原则，到2025年，完成…；实现…) heads them all, as
            # one opening its sentence does (静安's 分类 plan, 泉州's 煤矿 plan), as does one under a schedule's label (淮北's
            # 第四季度:力争年底前开工建设…；开展…建设)
            scope_end = t.end + semi.start()
        if (item := _NEXT_ITEM.search(text, t.end, scope_end)) is not None:
            scope_end = item.start()  # …年内新增入统企业5家以上;②积极主动服务企业…: the next item is no clause of this one's
            # (双牌's offices, round forty-seven's held-out set: 年内 had dated every item after it)
        # (a five-year term opening its sentence, “十四五”期间，A，B，C: its clauses are its steps, as 到2025年 heads its
        # own — 苏州's 碳达峰 plan, round fifty-two's held-out set: one step had been drafted for eight)
        term_opens = re.match(r"“?十[一二三四五六]五”?(?:期间|时期)", t.text) and text[t.end:t.end + 1] in "，," \
            and _OPENING.match(text[s0:t.start]) and blk.section == "总体目标"  # (a goals paragraph: in a task, the
        # term over 开展首批100个市级试点创建，根据试点成效，择优推荐… dates the work of its clause — 上海's 碳普惠 plan)
        if t.deadline.kind != "by" and not term_opens:
            scope_end = _clause_end(text, t.end, s1)  # 每年/两年 govern their own clause only
            if t.deadline.kind == "period" and text[t.end:t.end + 1] in "，," \
                    and (k == 0 and _OPENING.match(text[s0:t.start]) or text[t.start - 1:t.start] in ("；", ";")):
                # 2025年-2026年，海陆交互带水资源综合专题调查评价；: a schedule's item, its years over the clause after them
                scope_end = _clause_end(text, t.end + 1, s1)
        pos = t.start
        first = True
        joined = False  # past a clause its date closes, only the steps joined to it (同时完成…, 并提交…) share the date
        while pos < scope_end:
            if joined and not _JOINED_STEP.match(text, pos, scope_end):
                break
            cs = t.start if first else pos
            ce = _action_end(text, t.end if first else pos, s1)
            if text[scope_end - 1:scope_end] in ("、", "和", "及") \
                    and len(re.findall(r"[\u4e00-\u9fff]", text[t.end:scope_end])) >= 3:
                # (not a run of dates over one step: 4月8日、7月8日、10月8日及12月8日前…报送 — 洪山)
                # …全部开工(…90%以上)、2023年6月底前全部竣工: the next date's words are its own step, not this one's (重庆)
                ce = min(ce, scope_end - 1)
            if not first and _OWN_RECURRENCE.search(text, pos, ce):
                break  # 2月20日前上报…,并从3月起每月20日前上报… — a clause with a time of its own (monthly) is not this one's

            body_start = t.end if first else pos
            titled = first and title_span(text, t)
            closes = first and (_DONE_AFTER.match(text, t.end, _clause_end(text, t.end, s1)) or titled)
            if titled:
                # 1.摸清底数（2025年1月—2025年6月）。: the title is the step, from its first word (a heading above it, on the
                # line before, is no part of it)
                cs = next(i for i in range(t.start - 2, -1, -1) if not re.match(r"[\u4e00-\u9fff“”]", text[i])) + 1
                drafts.append(Draft(plan, blk, "milestone", name_of(text, cs, t.start - 1, []), cs, t.end + 1, None, None,
                                    t, cs))
                break
            if closes:
                # X在今年6月前完成, X将在今年10月底前完成外: the date closes its clause, the outcome is the words before
                # it, and it dates that clause only (中梁山街道's news page, round eight)
                ce = _clause_end(text, t.end, s1)
                cs = body_start = _own_clause_start(text, t.start, 0)
                if k and times[k - 1].start >= cs:
                    cs = body_start = t.start  # (the clause has a date of its own before this one)
            for x, y in _milestone_outcomes(text, cs, ce, body_start, qtys):
                if _PROGRESS_SPAN.search(text, x, y) or _DONE_LE.search(text, x, y):
                    continue  # 三季度增长5.5%,…1-10月份增长0.5%: a clause reporting progress is no step (池州)
                if not first and re.search(r"[；;]", text[t.end:x]) and blk.section != "总体目标" \
                        and text[t.end:t.end + 1] not in ":：" and not re.search(r"[:：]", text[s0:t.start]) \
                        and (_ONGOING.match(text[x:y].lstrip("\x00 ")) or not _states_result(text, x, y)
                             and not _COMPLETES_IN.search(text, x, y)):
                    # a task's item after a semicolon, past the one its date opens (2023年完成…5807亩,…,确保…93%以上；深化…试点
                    # 示范,进一步巩固提升…水平,切实保障…,促进…: 龙泉, round forty-seven's held-out set): work going on or what it
                    # is for, as in the sentences a horizon governs — no step
                    continue
                drafts.append(Draft(plan, blk, "milestone", name_of(text, x, y, []), min(x, t.start), y, None, None, t, x))
            if not first and cs == ce:
                break
            if closes:
                joined = True
            first = False
            pos = ce + 1
    return drafts


# A step joined to the one before it as done at the same time (确保2024年9月底前全部竣工,同时完成“一卡通”信息录入…,同步完成
# …系统录入,并提交分户档案资料: 荣昌's 危房改造 letter, round seventy-five's held-out set — the date closes its own clause, and
# these share it; a clause of other work after it does not)
_JOINED_STEP = re.compile(r"[\x00\s]*(?:同时|同步|一并|并同时|并同步|并)(?:[\x00\s]*)(?:完成|提交|报送|上报|建成|录入|办结|办理)")
