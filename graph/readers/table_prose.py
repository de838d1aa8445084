"""Tables whose cells are sentences: a council's question-and-answer sheet (``질의 요지 | 답변 요지``), an FAQ
(``질문 | 답변``), an audit's findings and replies. A row's sentence cells are read together as one sentence by the
sentence reader, the question first: ``가나시와의 자매결연 이후 실적은? | 1992. 6. 30. 자매결연을 체결하였으나 …``
states the document's signing with 가나시 on 1992-06-30 (the partner named in the question, the date and the verb in
the answer). Cells naming a person or a post, numbers and short labels are left out.
"""

from __future__ import annotations

import re

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import is_plan
from graph.readers.relations import is_intent, negates_signing, states_signing_verb
from graph.readers.table_rows import Row, Table
from graph.readers.table_schedules import SIGNED_AFTER

#: A cell that is a sentence: it ends as a clause does in a report or an answer (``…체결하였음``, ``…중임``,
#: ``…예정입니다.``, ``검토 바람``), or as a question (``…상태는?``).
_SENTENCE_END = re.compile(r"(?:[음임함다요]|바람|것)\s*[.。]?\s*$")
_QUESTION_END = re.compile(r"[?？]\s*$")
#: A question cell: it asks (``…체결했나요?``, ``…있습니까``), so its verb states nothing.
_ASKS = re.compile(r"(?:[?？]|나요|습니까|ㅂ니까|는지)\s*$")
#: Shortest sentence cell (characters without spaces): ``체결함`` alone is a status, not a sentence; a question
#: (``협약 실적은?``) may be shorter.
SENTENCE_CHARS, QUESTION_CHARS = 12, 6
#: Share of a column's filled cells that must be sentences for the column to be one of sentences.
SENTENCE_SHARE = 0.5


def is_sentence(cell: str) -> bool:
    """Whether a cell is a sentence (see :data:`_SENTENCE_END`).

    >>> is_sentence("2023. 6. 2. 가나시와 우호협력도시 협정을 체결하였음"), is_sentence("가나시와의 교류 현황은?")
    (True, True)
    >>> is_sentence("자매결연 체결함"), is_sentence("국제협력과장 홍길동"), is_sentence("2023. 6. 2.")
    (False, False, False)
    >>> is_sentence("비고?"), is_sentence("협약 실적은?")
    (False, True)
    """
    chars = len(re.sub(r"\s+", "", cell))
    return chars >= SENTENCE_CHARS and bool(_SENTENCE_END.search(cell)) or chars >= QUESTION_CHARS and bool(
        _QUESTION_END.search(cell))


def sentence_columns(table: Table) -> list[int]:
    """The columns most of whose filled cells are sentences (at least two rows of them), counted over the rows as
    wide as the widest (a line of fields glued above the table, ``소관: … | 피감기관: …``, counts not)."""
    rows = [r for r in table.rows if not r.label]
    width = max((len(r.cells) for r in rows), default=0)
    rows = [r for r in rows if len(r.cells) == width]
    out = []
    for col in range(width):
        filled = [r.cell(col) for r in rows if r.cell(col).strip()]
        said = sum(is_sentence(c) for c in filled)
        if said >= 2 and said >= SENTENCE_SHARE * len(filled):
            out.append(col)
    return out


def read_prose(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """The signings and plans stated by the sentence cells of each row, read together as one sentence."""
    from graph.readers.sentences import Sentence, document_context, read_sentence

    columns = sentence_columns(table)
    if not columns:
        return []
    doc = document_context(w)
    out: list[AgreementCandidate] = []
    for row in table.rows:
        text, owners = _row_sentence(row, columns)
        if not text:
            continue
        found, _, _ = read_sentence(w, Sentence(text, owners), doc, None)
        for c in found:
            c.intent = c.intent or (c.date is not None and doc.is_future(c.date))
        out.extend(c for c in found if _answered(row, columns, c))
    return out


def _answered(row: Row, columns: list[int], c: AgreementCandidate) -> bool:
    """Whether the answer states what a row's reading found, when the row asks a question: the question gives the
    partners only (``가나시와 자매결연을 체결했나요? | 2024. 5. 3. 시장 면담을 가졌고 …`` signs nothing); the signing
    verb (or the plan), its date and any negation are the answer's, unless the question tells the signing with its
    date (``장쑤성과의 관계(1994. 10. 27. 자매결연)는 어떻습니까?``)."""
    cells = [row.cell(i).strip() for i in columns if row.cell(i).strip()]
    asked = [i for i, cell in enumerate(cells) if _ASKS.search(cell)]
    if not asked:
        return True
    answer, question = " ".join(cells[asked[-1] + 1:]), " ".join(cells[:asked[-1] + 1])
    if c.date is not None and any(d.value == c.date and SIGNED_AFTER.match(question[d.end:])
                                  for d in find_dates(question)):
        return True  # the question tells a dated signing, not asks it: ``…와의 관계(1994. 10. 27. 자매결연)는?``
    if not answer:
        return False
    if c.date is not None and all(d.value != c.date for d in find_dates(answer)):
        return False  # the date is the question's
    if c.intent:
        return is_intent(answer) or is_plan(answer) or c.date is not None
    return states_signing_verb(answer) and not negates_signing(answer)


def _row_sentence(row: Row, columns: list[int]) -> tuple[str, tuple[int, ...]]:
    """The row's sentence cells joined in order (a question and its answer), with the row's line for each
    character."""
    text = " ".join(c.strip() for c in (row.cell(i) for i in columns) if c.strip())
    return text, tuple([row.line] * len(text))
