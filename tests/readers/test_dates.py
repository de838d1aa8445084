"""Dates in every form Korean documents print, kept with their precision."""

from __future__ import annotations

import pytest

from graph.dates import StatedDate, find_dates, stated_date


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("2024.01.28", "2024-01-28", "day"),
    ("2024. 1. 28.", "2024-01-28", "day"),
    ("2024.1.28", "2024-01-28", "day"),
    ("'19.05.24", "2019-05-24", "day"),
    ("'19. 5. 24.", "2019-05-24", "day"),
    ("2024년 1월 28일", "2024-01-28", "day"),
    ("2024년1월28일", "2024-01-28", "day"),
    ("2024 1월 28일", "2024-01-28", "day"),
    ("2024-01-28", "2024-01-28", "day"),
    ("2024/1/28", "2024-01-28", "day"),
    ("2019년 5월", "2019-05", "month"),
    ("2019년5월", "2019-05", "month"),
    ("2019. 5.", "2019-05", "month"),
    ("2019.05", "2019-05", "month"),
    ("2011 5월", "2011-05", "month"),
    ("1990년", "1990", "year"),
    ("'95년", "1995", "year"),
])
def test_every_form(text, iso, precision):
    value = stated_date(f"체결일 {text} 서명")
    assert value is not None and value.iso == iso and value.precision == precision


def test_xsd_types_and_containment():
    assert [StatedDate.from_iso(s).xsd for s in ("2024-01-28", "2024-01", "2024")] == ["date", "gYearMonth", "gYear"]
    assert StatedDate(2019).contains(StatedDate(2019, 5, 24))
    assert StatedDate(2019, 5).compatible(StatedDate(2019, 5, 24))
    assert not StatedDate(2019, 6).compatible(StatedDate(2019, 5, 24))


def test_several_dates_in_order_and_no_false_dates():
    found = find_dates("1996년 체결, 2004. 12. 17. 재체결, 2010년대 확대, 인구 20,100명, 3.5% 증가, 2024.13.40")
    assert [d.value.iso for d in found] == ["1996", "2004-12-17"]


def test_bare_years_only_when_asked():
    assert stated_date("A시(1995), B현(2003)") is None
    assert [d.value.iso for d in find_dates("A시(1995), B현(2003)", bare_years=True)] == ["1995", "2003"]


def test_delivering_a_letter_is_no_month_before():
    from graph.dates import StatedDate, relative_dates

    today = StatedDate(2024, 11, 20)
    assert [d.value.iso for d in relative_dates("교류의향서를 전달할 계획이다", today)] == []
    assert [d.value.iso for d in relative_dates("지난달 의향서를 전달했고 전월 대비", today)] == ["2024-10", "2024-10"]
