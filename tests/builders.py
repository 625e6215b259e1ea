"""Workbooks built in the test from the contract: grids of cells, written as real files when needed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from mentorxl.core import contract as k
from mentorxl.core.contract import SheetSpec

Grid = list[list[object]]


def grid(spec: SheetSpec, rows: Sequence[Mapping[str, object]], *, title: str | None = None,
         extra: Sequence[str] = ()) -> Grid:
    """A sheet's cells: an optional title row and blank row, the contract headers, then the rows by column key
    (keys that are not columns go to `extra` headers by name)."""
    headers = [*spec.headers, *extra]
    keys = [c.key for c in spec.columns] + list(extra)
    out: Grid = [[title], []] if title else []
    out.append(list(headers))
    for r in rows:
        out.append([_cell(r.get(key)) for key in keys])
    return out


def _cell(value: object) -> object:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def settings_grid(values: Mapping[str, object] | None = None) -> Grid:
    base: dict[str, object] = {
        k.SET_ORG_FULL: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»",
        k.SET_ORG_SHORT: "МБОУ «СШ № 1»",
        k.SET_HEAD: "Орлова Татьяна Николаевна",
        k.SET_HEAD_POSITION: "Директор",
        k.SET_CURATOR: "Смирнова Ольга Викторовна",
        k.SET_CURATOR_POSITION: "заместитель директора по УВР",
        k.SET_YEAR: "2025/2026",
        k.SET_ORG_ADDRESS: "123456, г. Энск, ул. Школьная, д. 1",  # consents and agreements (issue 11)
        k.SET_MENTOR_PAY: "3 000 рублей",  # agreements (issue 11)
    }
    base.update(values or {})
    return grid(k.SETTINGS, [{"parameter": p, "value": v} for p, v in base.items()])


def mentee(name: str, requests: str = "ИКТ", consent: object = "01.09.2025", **more: object) -> dict[str, object]:
    return {"name": name, "requests": requests, "consent_pd": consent, "status": "Ожидает пары", **more}


def mentor(name: str, competences: str = "ИКТ", consent: object = "01.09.2025", **more: object) -> dict[str, object]:
    return {"name": name, "competences": competences, "consent_pd": consent, "consent_mentoring": consent,
            "status": "Активен", **more}


def minimal_book(mentees: Sequence[Mapping[str, object]] = (), mentors: Sequence[Mapping[str, object]] = (),
                 pairs: Sequence[Mapping[str, object]] = (), **sheets: Grid) -> dict[str, Grid]:
    """Every essential sheet, with the given rows; other sheets by name in `sheets`."""
    book: dict[str, Grid] = {
        k.SETTINGS.name: settings_grid(),
        k.ROADMAP.name: grid(k.ROADMAP, []),
        k.MENTEES.name: grid(k.MENTEES, mentees),
        k.MENTORS.name: grid(k.MENTORS, mentors),
        k.PAIRS.name: grid(k.PAIRS, pairs),
    }
    book.update(sheets)
    return book


def write_book(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]],
               merges: Sequence[tuple[str, str]] = (), saved: datetime | None = None) -> Path:
    """A real .xlsx file with these cells (dates as Excel dates); `merges`: (sheet, "A1:A2") ranges."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    if saved is not None:  # the time the book says it was saved (docProps/core.xml)
        wb.set_properties({"created": saved})
    datef = wb.add_format({"num_format": "dd.mm.yyyy"})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date | datetime):
                    ws.write_datetime(r, c, value, datef)
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, str(value))
        for sheet, ref in merges:
            if sheet == name:
                from xlsxwriter.utility import xl_cell_to_rowcol

                r, c = xl_cell_to_rowcol(ref.split(":")[0])
                ws.merge_range(ref, str(rows[r][c] or ""))
    wb.close()
    return path
