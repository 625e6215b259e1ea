"""Every suggestion explains itself in Russian; every mentee left without a mentor gets the reason.

All the Russian wording of «Подобрать пары» is here.
"""

from __future__ import annotations

from collections.abc import Sequence

from mentorxl.core.matching.rules import FIXED_APPROVED, FIXED_MUTUAL, LeftOut, Pool
from mentorxl.core.matching.score import Parts, category_value
from mentorxl.core.models import Mentee, Mentor
from mentorxl.core.text import plural

SHOWN_NAMES = 3  # names listed in a reason before «и ещё N»




def years(value: float) -> str:
    n = round(value)
    if abs(value - n) > 1e-9:
        return f"{value:g}".replace(".", ",") + " года"
    return f"{n} {plural(n, 'год', 'года', 'лет')}"


def names_list(names: Sequence[str], total: int | None = None) -> str:
    shown = ", ".join(names[:SHOWN_NAMES])
    more = (total if total is not None else len(names)) - min(len(names), SHOWN_NAMES)
    return shown + (f" и ещё {more}" if more > 0 else "")


def quoted(items: Sequence[str]) -> str:
    return ", ".join(f"«{x}»" for x in items)


def _mentor_line(mentor: Mentor) -> str:
    facts = []
    if mentor.experience is not None and mentor.experience > 0:
        facts.append(f"стаж {years(mentor.experience)}")
    if mentor.category and category_value(mentor.category) > 0:
        facts.append(f"категория «{mentor.category}»")
    if mentor.trained_on is not None:
        facts.append("обучение наставников пройдено")
    return ("Наставник: " + ", ".join(facts) + ".") if facts else ""


def suggestion_reason(mentee: Mentee, mentor: Mentor, parts: Parts, tag_names: Sequence[str], fixed: str,
                      group_with: Sequence[str] = (), group_tags: Sequence[str] = ()) -> str:
    lines: list[str] = []
    if fixed == FIXED_APPROVED:
        lines.append("Утверждено куратором.")
    elif fixed == FIXED_MUTUAL:
        lines.append("Взаимный выбор: каждый назвал другого первым в списке предпочтений.")
    if parts.matched:
        lines.append("Совпало: " + quoted([tag_names[t] for t in parts.matched]) + ".")
    else:
        lines.append("Общих запросов нет.")
    if parts.missing:
        lines.append("Не покрыто: " + quoted([tag_names[t] for t in parts.missing]) + ".")
    if parts.same_subject:
        lines.append(f"Тот же предмет: {mentor.subject}.")
    elif mentee.subject and mentor.subject:
        lines.append(f"Предметы разные: {mentee.subject} и {mentor.subject}.")
    if line := _mentor_line(mentor):
        lines.append(line)
    if mentee.experience is not None and mentor.experience is not None and mentor.experience <= mentee.experience:
        lines.append("Стаж наставника не больше стажа наставляемого.")
    if fixed != FIXED_MUTUAL:
        if parts.mentee_chose and parts.mentor_chose:
            lines.append("Выбрали друг друга.")
        elif parts.mentee_chose:
            lines.append("Наставляемый назвал этого наставника среди предпочтительных.")
        elif parts.mentor_chose:
            lines.append("Наставник назвал этого наставляемого среди предпочтительных.")
    if group_with:
        common = "общий запрос" if len(group_tags) == 1 else "общие запросы"
        lines.append(f"Группа вместе с: {', '.join(group_with)} — {common} {quoted(group_tags)}.")
    return " ".join(lines)


def left_out_reason(item: LeftOut) -> tuple[str, str]:
    """(code, reason) for a mentee the hard rules keep out of the run."""
    if item.code == "in_pair":
        return item.code, (f"Уже состоит в действующей паре № {item.detail}: новый наставник не подбирается. "
                           "Исправьте статус на «В паре».")
    if item.code == "in_draft":
        number, status = item.detail.split("\t")
        return item.code, (f"Уже записан(а) в паре № {number} со статусом «{status}»: второй наставник не "
                           "подбирается. Утвердите эту пару или поставьте ей статус «Расторгнута».")
    return item.code, ("Нет даты согласия на обработку персональных данных: без него пару не подбирают. "
                       "Получите письменное согласие и впишите дату.")


def no_requests_reason() -> tuple[str, str]:
    return "no_requests", "Не указаны запросы: подобрать наставника не по чему. Впишите их в столбец «Запросы»."


def no_mentor_reason(requests: Sequence[str], unready: Sequence[tuple[str, str]]) -> tuple[str, str]:
    text = "Ни один наставник, готовый к подбору, не владеет запросами: " + quoted(requests) + "."
    if unready:
        shown = [f"{name} ({why})" for name, why in unready]
        text += " Ими владеют, но не готовы к подбору: " + names_list(shown) + "."
    else:
        text += " Добавьте наставника с такими компетенциями или синоним тега на лист «Справочники»."
    return "no_mentor", text


def rejected_reason(mentors: Sequence[str]) -> tuple[str, str]:
    return "rejected", ("Всех подходящих наставников куратор отклонил: " + names_list(mentors) +
                        ". Выберите наставника вручную или добавьте нового.")


def full_reason(mentors: Sequence[str], total: int) -> tuple[str, str]:
    return "mentors_full", ("Все подходящие наставники заняты: " + names_list(mentors, total) +
                            ". Увеличьте «Наставляемых, не более» у одного из них или добавьте наставника.")


def groups(members: dict[int, list[tuple[int, tuple[int, ...]]]]) -> dict[int, tuple[int, tuple[int, ...]]]:
    """Mentees of one mentor who share a matched request form a group (first fit, as approval does):
    mentor -> [(mentee, matched tags)] gives mentee -> (group number, shared tags), groups of two or more."""
    out: dict[int, tuple[int, tuple[int, ...]]] = {}
    number = 0
    for _, items in sorted(members.items()):
        found: list[tuple[set[int], list[int]]] = []
        for mentee, matched in items:
            for shared, people in found:
                if shared & set(matched):
                    shared &= set(matched)
                    people.append(mentee)
                    break
            else:
                found.append((set(matched), [mentee]))
        for shared, people in found:
            if len(people) < 2:
                continue
            number += 1
            for mentee in people:
                out[mentee] = (number, tuple(sorted(shared)))
    return out


def group_label(number: int) -> str:
    return f"Группа {number}"


def unready_by_tag(pool: Pool) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for mentor, tags, why in pool.unready:
        for t in tags:
            found.setdefault(t, []).append((mentor.name, why))
    return found
