"""Documents made in batches, one per pair, mentor or person: personal programs of mentoring,
supplementary agreements to the labour contract (ТК РФ ст. 351.8), personal-data consent forms (152-ФЗ).

The template is parsed once per process; a large batch (`PARALLEL_FROM` documents and more) is rendered by two
worker processes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from mentorxl.core.models import Pair
from mentorxl.core.program import ProgramData
from mentorxl.documents import context as c
from mentorxl.documents.env import load_template
from mentorxl.documents.orders import Rendered
from mentorxl.documents.render import template_path

PROGRAM_TEMPLATE = "program.docx"
AGREEMENT_TEMPLATE = "agreement.docx"
CONSENT_TEMPLATE = "consent_pd.docx"
PARALLEL_FROM = 120  # documents: below this, starting the workers costs more than they save (a document is
# filled in about 1 ms; the workers' start and the contexts and documents sent between processes are not free)
WORKERS = 2


def _render_chunk(path: str, keys: tuple[str, ...], contexts: list[dict[str, Any]]) -> list[bytes]:
    template = load_template(Path(path), keys)  # cached: parsed once per worker process
    return [template.render(ctx) for ctx in contexts]


def _pool_allowed() -> bool:
    """Worker processes need a real Python: not inside LibreOffice's or Excel's embedded interpreter."""
    if os.environ.get("MENTORXL_NO_POOL") or (os.cpu_count() or 1) < 2:
        return False
    return Path(sys.executable).name.lower().startswith("python")


def render_batch(path: Path, keys: frozenset[str], contexts: Sequence[dict[str, Any]], *,
                 parallel: bool | None = None) -> list[bytes]:
    """Every context rendered with the same template, in order; two processes for a large batch."""
    key_tuple = tuple(sorted(keys))
    load_template(path, keys)  # check the template once, before any worker starts
    use_pool = parallel if parallel is not None else (len(contexts) >= PARALLEL_FROM and _pool_allowed())
    if not use_pool:
        return _render_chunk(str(path), key_tuple, list(contexts))
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(contexts) // (WORKERS * 2))  # four chunks: both workers stay busy to the end
    chunks = [list(contexts[i:i + size]) for i in range(0, len(contexts), size)]
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        parts = pool.map(_render_chunk, [str(path)] * len(chunks), [key_tuple] * len(chunks), chunks)
        return [doc for part in parts for doc in part]


def program_title(ctx: dict[str, Any]) -> str:
    from mentorxl.documents.env import initials

    pair = ctx["pair"]
    mentees = ctx["mentees"]
    who = initials(mentees[0]["name"]) + (" и др." if len(mentees) > 1 else "") if mentees else ""
    return f"Программа наставничества № {pair['number']} ({initials(ctx['mentor']['name'])} — {who})"


def programs(data: ProgramData, *, today: date, book_dir: Path | None = None,
             parallel: bool | None = None) -> list[Rendered]:
    """A personal program for each pair or group approved or in force."""
    common = c.base(data, today, "программу наставничества")
    people = c.People(data)
    contexts = [c.program_context(data, p, today=today, common=common, people=people)
                for p in c.pairs_in_force(data)]
    path = template_path(PROGRAM_TEMPLATE, book_dir)
    docs = render_batch(path, c.PROGRAM_KEYS, contexts, parallel=parallel)
    return [Rendered(program_title(ctx), doc) for ctx, doc in zip(contexts, docs, strict=True)]


def agreements(data: ProgramData, *, today: date, book_dir: Path | None = None,
               parallel: bool | None = None, pairs: list[Pair] | None = None) -> list[Rendered]:
    """A supplementary agreement for each mentor of `pairs` (default: the pairs approved or in force)."""
    contexts = c.agreement_contexts(data, today=today, pairs=pairs)
    path = template_path(AGREEMENT_TEMPLATE, book_dir)
    docs = render_batch(path, c.AGREEMENT_KEYS, contexts, parallel=parallel)
    return [Rendered(f"Дополнительное соглашение ({ctx['mentor']['name']})", doc)
            for ctx, doc in zip(contexts, docs, strict=True)]


def consents(data: ProgramData, *, today: date, book_dir: Path | None = None,
             parallel: bool | None = None, again: bool = True) -> list[Rendered]:
    """A personal-data consent form for each person of the banks without the date of one."""
    common = c.base(data, today, "согласие на обработку персональных данных", need_head=False)
    contexts = [c.consent_context(data, who, role, today=today, common=common)
                for who, role in c.people_missing_consent(data, again=again)]
    path = template_path(CONSENT_TEMPLATE, book_dir)
    docs = render_batch(path, c.CONSENT_KEYS, contexts, parallel=parallel)
    return [Rendered(f"Согласие на обработку ПДн ({ctx['person']['name']})", doc)
            for ctx, doc in zip(contexts, docs, strict=True)]
