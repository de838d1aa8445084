"""Hypothesis strategies for hostile documents: arbitrary Unicode, control characters, mixed scripts,
words the readers look for (names, dates, relation words, triggers of curated readers) and broken tables."""

from __future__ import annotations

import hashlib

from hypothesis import strategies as st

from corpus import Document

#: Words that steer the readers deep: names in the registry, date shapes, relation and title words,
#: the words that make curated extractors run, table headers and separators.
WORDS = (
    "서울특별시", "전라남도", "완주군", "고성군", "광주", "산시성", "오타루시", "지린시", "도야마현", "연해주", "Seoul",
    "2019. 5. 24.", "2024.01.28", "'19.3.4", "2008년 7월 11일", "2010년", "2024. 3.", "1999-12-31", "20.13.45",
    "자매결연", "우호교류", "업무협약", "협약 체결", "MOU", "의향서 전달", "추진 중", "예정", "갱신",
    "시장", "도지사", "사무총장", "국제관계대사", "분과위원장", "전 시장", "신임",
    "NEAR", "분과위원회", "코디네이터", "민간위탁", "수탁", "추진지역", "예산소요", "업무추진계획", "【", "】",
    "기관명\t체결일자", "연번", "국가", "체결일", "협력분야", "비고", "|", "\t", " | ", "-", "○", "□", "ㅇ", "·",
    "1.", "가.", "(1)", "①", "※", "백만원", "%", "명", "개", "총69개 지자체", "광역13", "기초56",
)
#: Characters readers rarely meet: controls, format characters, other scripts, private use, emoji.
ODD = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200d\u2028\u2029\ufeff\ufffd\ue000\u0301\u202e" \
      "日本中国語Русскийالعربيةעבריתไทย𝔘😀ㄱㅏ가힣가"

any_text = st.text(max_size=60)
odd_text = st.text(alphabet=st.sampled_from(ODD + "가나다 0123456789.|\t"), max_size=40)
token = st.one_of(st.sampled_from(WORDS), any_text, odd_text)
line = st.lists(token, max_size=12).map(" ".join) | st.lists(token, max_size=8).map("\t".join) | any_text
table_row = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=1, max_size=7)


@st.composite
def broken_table(draw) -> list[str]:
    """A table with a header, rows of uneven width, empty cells, merged-looking gaps, stray separators."""
    sep = draw(st.sampled_from(["\t", " | ", "|"]))
    header = draw(st.sampled_from([["연번", "기관명", "체결일자", "협력분야"], ["도시", "국가", "체결일"],
                                   ["기관명", "체결일자"], []]))
    rows = draw(st.lists(table_row, max_size=15))
    return [sep.join(header)] + [sep.join(r) for r in rows]


@st.composite
def document_lines(draw) -> list[str]:
    """Lines of a hostile document: free lines mixed with broken tables; never an empty document."""
    blocks = draw(st.lists(st.one_of(line.map(lambda x: [x]), broken_table()), min_size=1, max_size=12))
    lines = [text for block in blocks for text in block]
    return [one.replace("\n", " ") for one in lines] or [""]


def document(lines: list[str], doc_id: str = "fuzz.txt") -> Document:
    """A document of ``lines`` (each without a line break), as the corpus loader makes it."""
    text = "\n".join(lines)
    return Document(id=doc_id, lines=tuple(lines), sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass"))
                    .hexdigest())


#: A line of about a megabyte made of the words readers react to (dates, names, separators).
MEGABYTE_LINE = (" ".join(WORDS[:30]) + " | ") * (2**20 // len((" ".join(WORDS[:30]) + " | ").encode()))
