"""Human labels in Chinese and English for reports, exports and tables meant for people.

Only what a person reads is translated: status names, column headings, report headings. The
machine contract never changes with the language — JSON/CSV keys and status codes (``overdue``,
``due_soon`` …) stay as documented in the README's “Output contract”.

The language is chosen once per run by :func:`pick_lang`: an explicit ``--lang zh|en``, else
``PLANCLI_LANG``, else the locale the way POSIX resolves message language (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``; the first one set decides): ``zh_CN.UTF-8``, ``zh_TW``, ``zh`` → zh;
anything else (``C``, ``en_US.UTF-8``, unset, as under cron) → en.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..errors import PlancliError
from ..vocabulary import LIGHT_LABELS, STATUS_LABELS

__all__ = ["LANGS", "LangError", "pick_lang", "label", "status_label", "html_lang", "scope_text", "filter_scope"]

LANGS = ("zh", "en")



class LangError(PlancliError, ValueError):
    """A language that plancli has no labels for."""


# key → (zh, en). Statuses use their contract codes as keys so a row's status looks itself up.
_TEXT: dict[str, tuple[str, str]] = {
    # statuses (README: Output contract); "no time stated" is a flag (deadline_inferred), not a status.
    **{str(k): v for k, v in STATUS_LABELS.items()},
    # lights (亮灯), by their contract codes too: red yellow blue green
    **{str(k): v for k, v in LIGHT_LABELS.items()},
    # column headings
    "col.item": ("编号", "ID"),
    "col.plan": ("计划", "Plan"),
    "col.kind": ("类型", "Kind"),
    "col.metric": ("指标", "Metric"),
    "col.target": ("目标", "Target"),
    "col.deadline": ("期限", "Deadline"),
    "col.deadline_text": ("原文期限", "Deadline as written"),
    "col.days_left": ("剩余天数", "Days left"),
    "col.status": ("状态", "Status"),
    "col.status_code": ("状态代码", "Status code"),
    "col.unit": ("计量单位", "Unit of measure"),
    "col.lead": ("牵头单位", "Lead unit"),
    "col.support": ("配合单位", "Supporting units"),
    "col.actual": ("实际值", "Actual"),
    "col.attainment": ("完成率", "Attainment"),
    "col.recorded_on": ("记录日期", "Recorded on"),
    "report.extended_from": ("（延期，原定 {d}）", " (extended, was {d})"),
    "col.where": ("位置", "where"),
    "col.action": ("处理", "action"),
    "col.target_value": ("目标值", "Target value"),
    "col.deadline_original": ("原定期限", "Original deadline"),
    "col.record_note": ("记录备注", "Record note"),
    "col.record_evidence": ("佐证材料", "Evidence"),
    "col.source": ("原文", "Source"),
    "col.doc": ("文件", "Document"),
    "col.line": ("行号", "Line"),
    "col.count": ("数量", "Count"),
    "col.light": ("亮灯", "Light"),
    "col.lights": ("红/黄/蓝/绿灯", "red/yellow/blue/green"),
    "col.days": ("天数", "Days"),
    "col.light_reason": ("亮灯原因", "Why"),
    "col.late": ("逾期办结", "Late"),
    "col.days_late": ("逾期办结天数", "Days late"),
    "col.co_lead": ("其他牵头单位", "Other leads"),
    "kind.target": ("量化目标", "target"),
    "kind.milestone": ("节点任务", "milestone"),
    # weekly digest and listings (branch digest); {placeholders} are filled with str.format
    "col.days_overdue": ("逾期天数", "Days overdue"),
    "col.latest": ("最新记录", "Latest record"),
    "col.met": ("是否达标", "Met"),
    "col.effective": ("生效日期", "Effective"),
    "col.evidence": ("依据", "Evidence"),
    "col.entered": ("录入日期", "Entered"),
    "col.change": ("说明", "Change"),
    "col.total": ("合计", "Total"),
    "col.entries": ("条目", "Entries"),
    "col.name": ("名称", "Name"),
    "col.unit_name": ("单位", "Unit"),
    "col.aliases": ("别名", "Aliases"),
    "col.code": ("代码", "Code"),
    "col.short": ("简称", "Short"),
    "col.group": ("类别", "Group"),
    "col.lines": ("原文行", "Lines"),
    "col.complete": ("原文完整", "Complete"),
    "col.archived": ("已归档", "Archived"),
    "col.targets": ("量化目标", "Targets"),
    "col.milestones": ("节点任务", "Milestones"),
    "col.undated_text": ("未写明时间", "No time stated"),
    "col.field": ("项目", "Field"),
    "col.lead_count": ("牵头", "lead"),
    "col.date": ("日期", "Date"),
    "col.title": ("标题", "Title"),
    "col.document": ("文件", "Document"),
    "col.section": ("章节", "Section"),
    "col.recurring": ("周期", "Recurring"),
    "col.note": ("备注", "Note"),
    "col.record": ("记录", "Record"),
    "col.ledger": ("台账", "Ledger"),
    "msg.recorded": ("已记录 {item}：{status}", "recorded {item}: {status}"),
    "msg.on": ("，日期 {on}", " on {on}"),
    "msg.actual": ("（实际值 {actual}，为目标 {target} 的 {pct}）", " (actual {actual}, {pct} of {target})"),
    "msg.actual_only": ("（实际值 {actual}）", " (actual {actual})"),
    "msg.forced": ("；状态与数值不符，按说明保留：{note}", "; status kept against the value (forced): {note}"),
    "msg.counts_as": ("；按数值计为{status}", "; counts as {status}"),
    "handout.sheet": ("台账", "Ledger"),
    "handout.title": ("{unit} 目标任务台账（{n} 项）", "{unit}: items to report on ({n})"),
    "handout.how": ("填写说明：请在黄色列中填写本单位各事项的进展，于 {by} 前报送。"
                    "“完成情况”从下拉列表中选择（{choices}），留空而填写了进展情况的按“进行中”记录；"
                    "“实际值”按“目标”的写法填写（目标为 3.5 万家时填 3.6 即 3.6 万家，也可填 36000家）；"
                    "“数据截至日期”填写实际值或进展对应的日期；“佐证材料”填写文件名、链接或文号。"
                    "请勿修改编号列和表头；没有进展的事项留空即可。",
                    "How to fill in: report each item's progress in the yellow columns and send this file back by "
                    "{by}. Pick 'Status reported' from the list ({choices}); a row with progress notes but no "
                    "status is recorded as in progress. Write 'Actual value' the way the target is written "
                    "(3.6 against a target of 3.5 万家 means 3.6 万家; 36000家 works too); 'As of' is the date "
                    "the figure or progress is as of; 'Evidence' is a file name, link or document number. Do not "
                    "change the ID column or the headings; leave items without news blank."),
    "handout.bad_status": ("请从下拉列表中选择完成情况", "Pick a status from the list"),
    "handout.bad_date": ("请填写日期，如 2026-11-30", "Enter a date, e.g. 2026-11-30"),
    "msg.evidence": ("；佐证材料：{evidence}", "; evidence: {evidence}"),
    "msg.extended": ("已延期 {item}：期限 {was} 延至 {to}，日期 {on}（{note}）",
                     "extended {item}: deadline {was} moved to {to} on {on} ({note})"),
    "msg.retracted": ("已撤回 {item} 的记录：{status}，日期 {on}（{note}）", "retracted {item}: {status} on {on} ({note})"),
    "col.support_count": ("配合", "support"),
    "col.value": ("内容", "Value"),
    "digest.title": ("每周进展摘要 — {scope} — {as_of}", "Weekly digest — {scope} — {as_of}"),
    "digest.summary": ("逾期未办结 {overdue} 项（本周新增 {newly} 项）；未来 {days} 天到期 {due} 项；"
                       "已达标 {met} 项，已完成 {done} 项，未达标 {missed} 项（共 {total} 项）；上周生效记录 {records} 条，录入 {entered} 条。",
                       "Open overdue: {overdue} ({newly} new this week); due in the next {days} days: {due}; "
                       "met {met}, done {done}, missed {missed} (of {total}); records effective last week: "
                       "{records}, entered: {entered}."),
    "digest.lights": ("亮灯：红灯 {red} 项，黄灯 {yellow} 项，蓝灯 {blue} 项，绿灯 {green} 项。",
                      " Lights: red {red}, yellow {yellow}, blue {blue}, green {green}."),
    "digest.counts_by_unit": ("各牵头单位事项状态", "Status per lead unit"),
    "digest.counts_by_plan": ("各计划事项状态", "Status per plan"),
    "digest.overdue_unit": ("逾期未办结：{name}（{n} 项）", "Open overdue: {name} ({n})"),
    "digest.overdue_plan": ("逾期未办结：{name}（{n} 项）", "Open overdue: {name} ({n})"),
    "digest.newly": ("本周新增逾期（期限在 {start} 至 {end}）", "Newly overdue (deadline {start} – {end})"),
    "digest.due_next": ("未来 {days} 天到期", "Due in the next {days} days"),
    "digest.records": ("上周生效的进展记录（{start} 至 {end}）", "Records effective last week ({start} – {end})"),
    "digest.entered": ("上周录入的记录（{start} 至 {end}，含补录与撤回）",
                       "Records entered last week ({start} – {end}, backdated ones and retractions included)"),
    "digest.withdrew": ("撤回 {item} 的 {status} 记录（{effective}）：{note}", "withdrew {item} {status} of {effective}: {note}"),
    "digest.backdated": ("补录", "backdated"),
    "digest.total": ("合计", "Total"),
    "digest.yes": ("是", "yes"),
    "digest.no": ("否", "no"),
    "msg.empty": ("没有符合条件的事项。", "Nothing matches."),
    "msg.unit_chosen": ("--unit “{text}”按“{unit}”处理（名称的一部分）", "--unit '{text}' read as {unit} (part of its name)"),
    # report headings and phrases
    "report.title": ("目标任务进展报告", "Targets and deadlines report"),
    "report.as_of": ("截至", "As of"),
    "report.generated": ("生成时间", "Generated"),
    "report.all_units": ("全部单位", "all units"),
    "report.all_plans": ("全部计划", "all plans"),
    "report.summary": ("概览", "Summary"),
    "report.total": ("事项总数", "Items"),
    "report.open": ("未办结", "Open"),
    "report.chart.status_by_plan": ("各计划事项状态", "Status per plan"),
    "report.chart.open_by_lead": ("各牵头单位未办结事项", "Open items per lead unit"),
    "report.chart.by_month": ("各月到期事项", "Deadlines per month"),
    "report.chart.by_quarter": ("各季度到期事项", "Deadlines per quarter"),
    "report.chart.by_year": ("各年到期事项", "Deadlines per year"),
    "report.chart.lights_by_lead": ("各牵头单位亮灯情况", "Lights per lead unit"),
    "report.lights": ("亮灯", "Lights"),
    "report.late": ("逾期 {days} 天办结", "closed {days} days late"),
    "report.chart.attainment": ("已记录目标完成率", "Attainment of recorded targets"),
    "report.no_attainment": ("尚无记录实际值的量化目标。", "No target has a recorded actual value yet."),
    "report.items": ("事项明细", "Items"),
    "report.none": ("无", "none"),
    "report.inferred_note": ("* 原文未写明时间，按计划期末计。", "* no time stated in the source: end of the plan period."),
    "report.source_line": ("原文第 {line} 行", "source line {line}"),
    "report.more_units": ("其余 {n} 个单位", "{n} more units"),
    "report.month_undated": ("无期限", "no date"),
    # calendar export
    "ics.calendar": ("目标任务期限", "deadlines"),
    "ics.no_time": ("未写明（按计划期末）", "not stated (end of the plan period)"),
    "ics.reminder": ("提醒", "Reminder"),
    "ics.source": ("原文 (第{line}行)", "Source (line {line})"),
}


def label(key: str, lang: str) -> str:
    """The ``lang`` text of ``key`` (a status code, ``col.*``, ``kind.*`` or ``report.*``).

    An unknown key is a programming error and raises KeyError; an unknown language raises LangError.
    """
    if lang not in LANGS:
        raise LangError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return _TEXT[key][LANGS.index(lang)]


def status_label(status: str | None, lang: str) -> str:
    """A status code as a person reads it; an empty status stays empty."""
    return label(status, lang) if status else ""


def html_lang(lang: str) -> str:
    """The value of the ``lang`` attribute for pages in ``lang`` (zh → zh-CN: the texts are simplified)."""
    return {"zh": "zh-CN", "en": "en"}[lang]


def _locale_lang(env: Mapping[str, str]) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:  # the first one set decides, as setlocale() does for messages
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def pick_lang(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """``--lang`` if given, else ``PLANCLI_LANG``, else the locale (zh* → zh, otherwise en).

    Accepts ``zh``/``en`` and locale-like spellings (``zh_CN``, ``zh-CN``, ``en_US.UTF-8``); anything
    else given explicitly is an error, so a typo is not silently read as English.
    """
    env = os.environ if env is None else env
    for given, where in ((explicit, "--lang"), (env.get("PLANCLI_LANG"), "PLANCLI_LANG")):
        if given:
            code = given.strip().lower().replace("-", "_").split(".", 1)[0].split("_", 1)[0]
            if code not in LANGS:
                raise LangError(f"{where}: unknown language {given!r}; choose one of {', '.join(LANGS)}")
            return code
    return _locale_lang(env)


def filter_scope(reg, f, lang: str) -> str:
    """``scope_text`` of a registry's filters: units, then documents (by number) and plans (short names)."""
    docs = [d.label for d in getattr(reg, "documents", ()) if d.code in (getattr(f, "docs", None) or ())]
    plans = [reg.plans[c].short if c in reg.plans else c for c in f.plans]
    return scope_text(list(f.units), docs + plans, lang)


def scope_text(units: list[str], plans: list[str], lang: str) -> str:
    """What a report or calendar covers: ``省大数据局 · 数字变革`` or ``全部单位 · 全部计划``."""
    sep = "、" if lang == "zh" else ", "
    who = sep.join(units) if units else label("report.all_units", lang)
    what = sep.join(plans) if plans else label("report.all_plans", lang)
    return f"{who} · {what}"
