"""Korean numbers, money amounts and percentages as printed in the documents (dates: :mod:`graph.dates`).

>>> million_krw("366백만원"), million_krw("2억 8천 8백만원"), million_krw("1,200,052천원")
(Decimal('366'), Decimal('288'), Decimal('1200.052'))
>>> percent("이행률 41.7%")
Decimal('41.7')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_UNITS = {"조": Decimal(10) ** 6, "억": Decimal(100), "천만": Decimal(10), "백만": Decimal(1),
          "천": Decimal("0.001"), "원": Decimal("0.000001")}
_SMALL = {"천": 1000, "백": 100, "십": 10}


def clean(value: Decimal) -> Decimal:
    """``Decimal`` without trailing zeros or exponent: 4E+2 → 400, 1.50 → 1.5."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def number(text: str) -> Decimal | None:
    """The first number in ``text`` (thousands separators allowed), or ``None``.

    >>> number("총 1,685만 톤"), number("없음")
    (Decimal('1685'), None)
    """
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        return Decimal(m.group(0).replace(",", ""))
    except InvalidOperation:
        return None


def integer(text: str) -> int | None:
    """The first number of ``text`` as an ``int`` (``None`` if there is none)."""
    value = number(text)
    return int(value) if value is not None else None


def percent(text: str) -> Decimal | None:
    """The first ``NN%`` figure in ``text``."""
    m = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    return Decimal(m.group(1)) if m else None


def million_krw(text: str) -> Decimal | None:
    """A money amount in million won: ``366백만원``, ``1,406백만원``, ``4억``, ``2억 8천 8백만원``, ``122,400천원``."""
    text = text.replace(" ", "")
    m = re.search(r"(\d[\d,.]*)(억|천만|백만|천)?원?", text)
    if not m:
        return None
    if "억" in text:
        return _eok_amount(text)
    value = Decimal(m.group(1).replace(",", ""))
    unit = m.group(2) or ("" if "원" not in m.group(0) else "원")
    if not unit:
        return None
    return clean(value * _UNITS[unit])


def _eok_amount(text: str) -> Decimal | None:
    """``2억8천8백만원`` → 288; ``6.5억원`` → 650."""
    m = re.search(r"(\d[\d,.]*)억((?:\d*[천백십]?)*)만?", text)
    if not m:
        return None
    total = Decimal(m.group(1).replace(",", "")) * 100
    rest = 0
    for digits, unit in re.findall(r"(\d*)([천백십])", m.group(2) or ""):
        rest += int(digits or 1) * _SMALL[unit]
    return clean(total + Decimal(rest) / 100)


def amount_in(text: str, unit: str) -> Decimal | None:
    """A bare table figure (``122,400``) given the table's unit (``천원``, ``백만원``), in million won."""
    value = number(text)
    if value is None:
        return None
    factor = {"천원": Decimal("0.001"), "백만원": Decimal(1), "원": Decimal("0.000001"), "억원": Decimal(100)}
    return clean(value * factor[unit])
