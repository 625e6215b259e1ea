"""The other documents: personal programs, supplementary agreements, consent forms, the reward order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from mentorxl.actions.documents import make_documents
from mentorxl.book.fake import FakeBook
from mentorxl.core import contract as k
from mentorxl.documents import context as c
from mentorxl.documents import programs as p
from mentorxl.documents.env import compile_template
from mentorxl.documents.render import DocxText, read_docx
from mentorxl.errors import MentorXLError, NothingToDo, NotReady
from tests.builders import Grid, grid, mentee, mentor, minimal_book, settings_grid

ON = date(2025, 9, 1)

MENTEES: list[dict[str, object]] = [
    mentee("Петрова Анна Сергеевна", "ИКТ; урок", position="учитель английского языка"),
    mentee("Сидоров Иван Ильич", "родители", position="учитель истории"),
    mentee("Алиева Айгюль Рашид кызы", "Своя тема", position="учитель начальных классов"),
    mentee("Фёдорова Алёна Игоревна", "ОГЭ", position="учитель химии"),
    mentee("Зайцева Дарья Олеговна", "ИКТ", position="учитель музыки", consent=None, status="Завершил"),
]
MENTORS: list[dict[str, object]] = [
    mentor("Иванова Мария Петровна", position="учитель математики", reward="Почётная грамота"),
    mentor("Кузнецов Олег Игоревич", position="учитель физики", reward="Благодарность"),
    mentor("Ким Ольга Вадимовна", position="педагог-психолог", reward="премия"),
    mentor("Орлов Павел Андреевич", position="учитель биологии", reward="Благодарность"),
    mentor("Лебедев Игорь Сергеевич", position="учитель физкультуры", consent=None, status="Не готов"),
]
PAIRS: list[dict[str, object]] = [
    {"number": "1", "mentor": "Иванова Мария Петровна",
     "mentees": "Петрова Анна Сергеевна; Сидоров Иван Ильич",
     "form": "педагог – педагог", "kind": "групповое", "start": "01.09.2025", "end": "31.05.2026",
     "status": "Действует", "order_number": "12", "order_date": "01.09.2025"},
    {"number": "2", "mentor": "Кузнецов Олег Игоревич", "mentees": "Алиева Айгюль Рашид кызы",
     "form": "педагог – педагог", "kind": "традиционное", "start": "01.10.2025", "end": "31.12.2025",
     "status": "Утверждена"},
    {"number": "3", "mentor": "Ким Ольга Вадимовна", "mentees": "Фёдорова Алёна Игоревна",
     "status": "Проект"},
    {"number": "4", "mentor": "Иванова Мария Петровна", "mentees": "Фёдорова Алёна Игоревна",
     "status": "Завершена"},
]


def fake_book(tmp_path: Path, pairs: Sequence[Mapping[str, object]] = PAIRS,
              mentors: Sequence[Mapping[str, object]] = MENTORS, settings: Grid | None = None) -> FakeBook:
    sheets = {k.SETTINGS.name: settings} if settings is not None else {}
    return FakeBook(minimal_book(mentees=MENTEES, mentors=mentors, pairs=pairs, **sheets),
                    path=tmp_path / "Наставничество.xlsx")


def read(path: Path) -> DocxText:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                text = archive.read(name).decode("utf-8")
                etree.fromstring(text.encode("utf-8"))  # well-formed, or lxml raises
                assert "{{" not in text and "{%" not in text, name
    return plain(read_docx(path.read_bytes()))


def plain(doc: DocxText) -> DocxText:
    """The text with no-break spaces read as spaces (dates and numbers keep them so as not to wrap)."""
    def fix(lines: list[str]) -> list[str]:
        return [line.replace("\u00a0", " ") for line in lines]

    return DocxText(fix(doc.body), fix(doc.headers), fix(doc.footers))


def line_with(doc: DocxText, start: str) -> str:
    return next(line for line in doc.body if line.startswith(start))


# ---- personal programs


def test_a_program_is_written_for_every_pair_approved_or_in_force(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="programs", out_dir=None, today=ON)
    folder = tmp_path / "Документы" / "Программы наставничества"
    assert [f.name for f in outcome.files] == [
        "Программа наставничества № 1 (Иванова М. П. — Петрова А. С. и др.).docx",
        "Программа наставничества № 2 (Кузнецов О. И. — Алиева А. Р.).docx",
    ]
    assert all(f.parent == folder for f in outcome.files)
    assert "Персонализированные программы наставничества: 2." in outcome.message


def test_a_group_program_names_both_mentees_plans_every_month_and_has_every_signature(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="programs", out_dir=None, today=ON)
    doc = read(outcome.files[0])
    body = doc.body
    assert "наставнической группы № 1" in body
    assert "Наставник | Иванова Мария Петровна, учитель математики" in body
    assert "Наставляемые | Петрова Анна Сергеевна, учитель английского языка\n" \
           "Сидоров Иван Ильич, учитель истории" in body
    assert "Срок реализации | с 1 сентября 2025 г. по 31 мая 2026 г." in body
    assert "Основание | приказ от 1 сентября 2025 г. № 12" in body
    months = [line.split(" | ")[1] for line in body if re.match(r"\d+ \| ", line)]
    assert months == ["Сентябрь 2025", "Октябрь 2025", "Ноябрь 2025", "Декабрь 2025", "Январь 2026",
                      "Февраль 2026", "Март 2026", "Апрель 2026", "Май 2026"]
    assert line_with(doc, "1) ").startswith("1) освоить цифровые образовательные ресурсы")
    assert line_with(doc, "3) ").startswith("3) выстроить конструктивное взаимодействие с родителями")
    signatures = [line for line in body if "\t____________ " in line]
    assert signatures == ["Наставник\t____________ М. П. Иванова", "Наставляемая\t____________ А. С. Петрова",
                          "Наставляемый\t____________ И. И. Сидоров",
                          "Куратор наставничества\t____________ О. В. Смирнова"]
    assert doc.footers == ["Программа наставничества № 1"] * 2  # the first page and the others
    assert doc.headers == ["", "2"]


def test_a_short_pair_gets_a_short_plan_and_a_task_for_its_own_request(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="programs", out_dir=None, today=ON)
    doc = read(outcome.files[1])
    assert "наставнической пары № 2" in doc.body
    assert "Наставляемая | Алиева Айгюль Рашид кызы, учитель начальных классов" in doc.body
    assert "Основание | приказ о закреплении наставнических пар (групп)" in doc.body
    plan = [line for line in doc.body if line.startswith(("1 | ", "2 | ", "3 | ", "4 | "))]
    assert [line.split(" | ")[1] for line in plan] == ["Октябрь 2025", "Ноябрь 2025", "Декабрь 2025"]
    assert "1) развить профессиональные компетенции по теме «Своя тема»." in doc.body


def test_programs_need_pairs_in_force(tmp_path: Path) -> None:
    pairs = [{**pair, "status": "Проект"} for pair in PAIRS]
    with pytest.raises(NothingToDo) as caught:
        make_documents(fake_book(tmp_path, pairs), kind="programs", out_dir=None, today=ON)
    assert "«Утверждена» или «Действует»" in caught.value.message
    assert not (tmp_path / "Документы").exists()


def test_making_programs_again_keeps_the_ones_already_written(tmp_path: Path) -> None:
    first = make_documents(fake_book(tmp_path), kind="programs", out_dir=None, today=ON).files
    first[0].write_bytes(b"edited in Word")
    second = make_documents(fake_book(tmp_path), kind="programs", out_dir=None, today=ON).files
    assert first[0].read_bytes() == b"edited in Word"
    assert second[0].name.endswith(" (2).docx")
    read(second[0])


def test_a_program_of_the_standard_template_reads_as_one_of_a_copy_whose_every_part_was_changed(
        tmp_path: Path) -> None:
    data = fake_book(tmp_path).read()
    context = c.program_context(data, data.pairs[0], today=ON, common=c.base(data, ON, "программу"))
    standard = p.template_path(p.PROGRAM_TEMPLATE).read_bytes()
    changed = io.BytesIO()  # every XML part a byte longer: none is a known part, each is checked and cleaned again
    with zipfile.ZipFile(io.BytesIO(standard)) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            raw = source.read(info)
            target.writestr(info, raw + b"\n" if info.filename.endswith((".xml", ".rels")) else raw)
    known = compile_template(standard, p.PROGRAM_TEMPLATE, c.PROGRAM_KEYS)
    again = compile_template(changed.getvalue(), p.PROGRAM_TEMPLATE, c.PROGRAM_KEYS)
    assert known.variables == again.variables
    assert read_docx(known.render(context)) == read_docx(again.render(context))


def test_a_large_batch_rendered_by_two_processes_matches_one_process(tmp_path: Path) -> None:
    data = fake_book(tmp_path).read()
    common = c.base(data, ON, "программу")
    contexts = [c.program_context(data, data.pairs[i % 2], today=ON, common=common) for i in range(8)]
    path = p.template_path(p.PROGRAM_TEMPLATE)
    alone = p.render_batch(path, c.PROGRAM_KEYS, contexts, parallel=False)
    pooled = p.render_batch(path, c.PROGRAM_KEYS, contexts, parallel=True)
    assert [read_docx(d).body for d in pooled] == [read_docx(d).body for d in alone]
    assert len(pooled) == 8


# ---- supplementary agreements


def test_an_agreement_is_made_for_each_mentor_with_the_employer_and_mentees_declined(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="agreements", out_dir=None, today=ON)
    assert [f.name for f in outcome.files] == ["Дополнительное соглашение (Иванова Мария Петровна).docx",
                                               "Дополнительное соглашение (Кузнецов Олег Игоревич).docx"]
    assert outcome.files[0].parent.name == "Дополнительные соглашения"
    doc = read(outcome.files[0])
    preamble = next(line for line in doc.body if "именуемое в дальнейшем «Работодатель»" in line)
    assert "в лице директора Орловой Татьяны Николаевны, действующей на основании Устава" in preamble
    assert "и Иванова Мария Петровна, именуемая в дальнейшем «Работник»" in preamble
    assert ("– Петровой Анны Сергеевны, Сидорова Ивана Ильича (наставническая группа № 1, форма "
            "наставничества «педагог – педагог», вид — групповое, с 01.09.2025 по 31.05.2026).") in doc.body
    assert "3. Срок выполнения дополнительной работы: с 1 сентября 2025 г. по 31 мая 2026 г." in doc.body
    assert "статьёй 351.8 Трудового кодекса" in line_with(doc, "1. Работник")
    assert "ежемесячная доплата в размере 3 000 рублей в порядке" in line_with(doc, "4. За выполнение")
    assert any("\nЭкземпляр получила: ____________\n«___» __________ 20___ г." in line for line in doc.body)
    male = read(outcome.files[1])
    assert "и Кузнецов Олег Игоревич, именуемый в дальнейшем «Работник»" in "\n".join(male.body)
    assert any("\nЭкземпляр получил: " in line for line in male.body)


def test_the_pay_clause_uses_the_setting_when_the_school_gives_it(tmp_path: Path) -> None:
    settings = settings_grid({c.SET_MENTOR_PAY: "15 % должностного оклада"})
    outcome = make_documents(fake_book(tmp_path, settings=settings), kind="agreements",
                             out_dir=None, today=ON)
    clause = line_with(read(outcome.files[0]), "4. За выполнение")
    assert "ежемесячная доплата в размере 15 % должностного оклада в порядке" in clause


# ---- consent forms


def test_a_consent_form_is_made_for_each_person_without_one(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="consents", out_dir=None, today=ON)
    assert [f.name for f in outcome.files] == ["Согласие на обработку ПДн (Лебедев Игорь Сергеевич).docx",
                                               "Согласие на обработку ПДн (Зайцева Дарья Олеговна).docx"]
    doc = read(outcome.files[1])
    assert line_with(doc, "Я, ") == "Я, Зайцева Дарья Олеговна, учитель музыки,"
    assert line_with(doc, "зарегистрированная по адресу: \t")
    consent = line_with(doc, "в соответствии со статьёй 9")
    assert "№ 152-ФЗ «О персональных данных»" in consent
    assert ("даю согласие Муниципальному бюджетному общеобразовательному учреждению «Средняя школа № 1» "
            "(далее — оператор), адрес: 123456, г. Энск, ул. Школьная, д. 1, на обработку") in consent
    assert "в качестве наставляемой" in line_with(doc, "Цель обработки")  # Зайцева: a woman
    assert "____________ / Д. О. Зайцева" in doc.body[-1]
    assert line_with(read(outcome.files[0]), "зарегистрированный по адресу: \t")


def test_a_name_typed_with_a_latin_look_alike_stops_every_document_that_prints_it(tmp_path: Path) -> None:
    latin = "Кузнецoв Олег Игоревич"  # a Latin «o» in the bank and in «Пары» alike
    mentors = [{**m, "name": latin, "consent_pd": None} if m["name"] == "Кузнецов Олег Игоревич" else dict(m)
               for m in MENTORS]
    pairs = [{**pair, "mentor": latin} if pair["mentor"] == "Кузнецов Олег Игоревич" else dict(pair)
             for pair in PAIRS]
    book = fake_book(tmp_path, pairs=pairs, mentors=mentors)
    for kind in ("programs", "agreements", "consents", "reward"):
        with pytest.raises(NotReady) as caught:
            make_documents(book, kind=kind, out_dir=None, today=ON)
        assert caught.value.exit_code == 1
        assert (f"лист «Наставники», строка 3, столбец «ФИО»: В ФИО «{latin}» есть латинские буквы (o)"
                in caught.value.message), kind
    assert not (tmp_path / "Документы").exists()


def test_when_everyone_has_consented_there_is_nothing_to_print(tmp_path: Path) -> None:
    book = FakeBook(minimal_book(mentees=MENTEES[:2], mentors=MENTORS[:1], pairs=[]),
                    path=tmp_path / "b.xlsx")
    with pytest.raises(NothingToDo) as caught:
        make_documents(book, kind="consents", out_dir=None, today=ON)
    assert "у всех наставников и наставляемых заполнена дата согласия" in caught.value.message


# ---- the reward order


def test_the_reward_order_groups_mentors_by_reward_with_names_declined(tmp_path: Path) -> None:
    outcome = make_documents(fake_book(tmp_path), kind="reward", out_dir=None, today=ON)
    [path] = outcome.files
    assert path == tmp_path / "Документы" / "Приказ о поощрении наставников № 13 от 01.09.2025.docx"
    body = read(path).body
    start = body.index("ПРИКАЗЫВАЮ:")
    assert body[start + 1:start + 9] == [
        "1. Объявить благодарность:",
        "Кузнецову Олегу Игоревичу, учителю физики;",
        "Орлову Павлу Андреевичу, учителю биологии.",
        "2. Наградить почётной грамотой:",
        "Иванову Марию Петровну, учителя математики.",
        "3. Выплатить премию за эффективную наставническую деятельность:",
        "Ким Ольге Вадимовне, педагогу-психологу.",
        "4. Контроль за исполнением приказа оставляю за собой.",
    ]
    assert "О поощрении наставников" in body
    assert "1 сентября 2025 г.\t№ 13" in body  # the next number after the pairs' order № 12
    grounds = body[body.index("О поощрении наставников") + 1]
    assert "статьёй 191 Трудового кодекса Российской Федерации" in grounds
    assert "на основании представления заместителя директора по УВР Смирновой Ольги Викторовны" in grounds
    assert "в период с 1 сентября 2025 г. по 1 сентября 2025 г." in grounds  # no pair has ended yet
    assert "Директор\tТ. Н. Орлова" in body
    assert body[-4:] == ["1 | Кузнецов Олег Игоревич |  | ", "2 | Орлов Павел Андреевич |  | ",
                         "3 | Иванова Мария Петровна |  | ", "4 | Ким Ольга Вадимовна |  | "]


def test_without_rewards_the_message_says_which_column_to_fill(tmp_path: Path) -> None:
    mentors = [{**m, "reward": None} for m in MENTORS]
    with pytest.raises(NothingToDo) as caught:
        make_documents(fake_book(tmp_path, mentors=mentors), kind="reward", out_dir=None, today=ON)
    assert "«Поощрение»" in caught.value.message


def test_an_unknown_kind_of_documents_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MentorXLError) as caught:
        make_documents(fake_book(tmp_path), kind="letters", out_dir=None, today=ON)
    assert "programs, agreements, consents, reward" in caught.value.hint


def test_a_form_the_school_wrote_in_a_case_column_of_the_bank_wins_over_the_rules(tmp_path: Path) -> None:
    header = "ФИО в  дательном падеже"  # the user's own column, typed with a double space
    mentors = [{**m, header: "Ким Ольге Вадимовне-Хан"} if m["name"] == "Ким Ольга Вадимовна" else dict(m)
               for m in MENTORS]
    sheets = minimal_book(mentees=MENTEES, pairs=PAIRS)
    sheets[k.MENTORS.name] = grid(k.MENTORS, mentors, extra=[header])
    book = FakeBook(sheets, path=tmp_path / "Наставничество.xlsx")
    [path] = make_documents(book, kind="reward", out_dir=None, today=ON).files
    body = read(path).body
    assert "Ким Ольге Вадимовне-Хан, педагогу-психологу." in body  # the hand-written dative
    assert "Иванову Марию Петровну, учителя математики." in body  # no column filled: the rules decline
    assert "4 | Ким Ольга Вадимовна |  | " in body  # the nominative stays as typed


def test_a_name_with_its_forms_survives_the_trip_to_a_worker_process() -> None:
    import pickle

    from mentorxl.documents.context import Name
    from mentorxl.documents.env import decline_name

    name = pickle.loads(pickle.dumps(Name("Ким Ольга Вадимовна", {"дательный": "Ким Ольге Вадимовне-Хан"})))
    assert decline_name(name, "дательный") == "Ким Ольге Вадимовне-Хан"
    assert decline_name(name, "родительный") == "Ким Ольги Вадимовны"
