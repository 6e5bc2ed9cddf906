"""Korean date expressions: each form, the real sentences of the five reports, properties."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microsite.lang.ko import dates
from microsite.lang.ko.dates import Context, find_dates, format_when


def resolve(sentence: str, published=(2024, 8, 26)) -> list[tuple[str, str | None, str | None, bool]]:
    return [(m.text, m.when and m.when.iso(), m.when and m.when.precision, m.future)
            for m in find_dates(sentence, Context(published))]


@pytest.mark.parametrize("sentence, published, expected", [
    # absolute
    ("2022년 9월에 금지된", (2024, 8, None), [("2022년 9월", "2022-09", "month", False)]),
    ("2023년 10월부터 금지됐다", (2024, 8, None), [("2023년 10월", "2023-10", "month", False)]),
    ("2025년 11월 28일 발표", (2025, 11, 28), [("2025년 11월 28일", "2025-11-28", "day", False)]),
    ("2024.07.18 보도", (2024, 8, 26), [("2024.07.18", "2024-07-18", "day", False)]),
    ("2024년 상반기 실적", (2024, 8, 26), [("2024년 상반기", "2024-01/2024-06", "half", False)]),
    ("2021년에는 없었다", (2024, 8, 26), [("2021년", "2021", "year", False)]),
    # relative to the publication date
    ("지난해 10월 시행된", (2023, 7, 4), [("지난해 10월", "2022-10", "month", False)]),
    ("작년 3월", (2023, 7, 4), [("작년 3월", "2022-03", "month", False)]),
    ("올해 2월", (2025, 11, 28), [("올해 2월", "2025-02", "month", False)]),
    ("지난 4월 제한한", (2025, 11, 28), [("지난 4월", "2025-04", "month", False)]),
    ("지난 9월 발표", (2025, 3, 2), [("지난 9월", "2024-09", "month", False)]),
    ("이달 초 회담", (2025, 11, 28), [("이달 초", "2025-11", "month", False)]),
    ("지난달 말", (2025, 1, 10), [("지난달 말", "2024-12", "month", False)]),
    ("17일(현지시각) 보도했다", (2024, 7, 18), [("17일(현지시각)", "2024-07-17", "day", False)]),
    ("25일(현지시간) 보도", (2024, 8, 26), [("25일(현지시간)", "2024-08-25", "day", False)]),
    ("30일 발표했다", (2024, 8, 2), [("30일", "2024-07-30", "day", False)]),  # after the 2nd: last month
    ("오는 10일로 예정됐던", (2023, 7, 4), [("오는 10일", "2023-07-10", "day", True)]),
    ("6일 예정된 방중", (2023, 7, 4), [("6일", "2023-07-06", "day", True)]),
    ("6∼9일 예정된 방문", (2023, 7, 4), [("6∼9일", "2023-07-06/2023-07-09", "range", True)]),
    ("지난 상반기 설비투자", (2024, 8, 26), [("지난 상반기", "2024-01/2024-06", "half", False)]),
    ("지난 하반기", (2024, 3, 1), [("지난 하반기", "2023-07/2023-12", "half", False)]),
    ("올해 누적", (2025, 11, 28), [("올해", "2025", "year", False)]),
    ("지난해 말부터", (2024, 8, 26), [("지난해 말", "2023", "year", False)]),
    ("지난주 정상회의", (2023, 7, 4), [("지난주", "2023-06-26/2023-07-02", "week", False)]),
    ("오는 3월 시행", (2025, 11, 28), [("오는 3월", "2026-03", "month", True)]),
    # not dates
    ("지난 1년간 규제", (2024, 8, 26), []),
    ("지난 몇 년 동안", (2024, 8, 26), []),
    ("300여대, 1만2000∼1만3000달러, 3000개, 11개의 기업, 5일간", (2024, 8, 26), []),
    ("3주 뒤부터 활용", (2024, 8, 26), []),
    ("2월 30일", (2024, 8, 26), []),
    # a month and day after a relative word, or alone, is one day in the year the tense gives it
    ("화웨이는 오는 5월 15일 신형 칩을 공개한다.", (2024, 10, 8), [("오는 5월 15일", "2025-05-15", "day", True)]),
    ("올해 1월 13일 발표된 규칙", (2025, 3, 2), [("올해 1월 13일", "2025-01-13", "day", False)]),
    ("지난달 9일 열린 회의", (2024, 8, 26), [("지난달 9일", "2024-07-09", "day", False)]),
    ("지난 12월 3일 발표", (2025, 1, 20), [("지난 12월 3일", "2024-12-03", "day", False)]),
    ("바이두는 12월 20일 양산에 들어갔다.", (2025, 1, 6), [("12월 20일", "2024-12-20", "day", False)]),
    ("장관은 7월 6∼9일 순방할 예정이다.", (2024, 6, 28), [("7월 6∼9일", "2024-07-06/2024-07-09", "range", True)]),
    # days, months, years and halves counted from the publication date
    ("위원회는 어제 법안을 의결했다.", (2024, 7, 18), [("어제", "2024-07-17", "day", False)]),
    ("외교부는 그제 성명을 냈다.", (2024, 7, 18), [("그제", "2024-07-16", "day", False)]),
    ("정부는 내일 대책을 발표할 예정이다.", (2024, 7, 18), [("내일", "2024-07-19", "day", True)]),
    ("오라클은 내년 초 리전을 열 계획이다.", (2024, 7, 18), [("내년 초", "2025", "year", True)]),
    ("MS는 다음 달 착공한다.", (2024, 12, 3), [("다음 달", "2025-01", "month", True)]),
    ("MS는 내년 상반기 리전을 연다.", (2024, 7, 18), [("내년 상반기", "2025-01/2025-06", "half", True)]),
    ("어제 발표가 있었다.", (2024, 7, None), [("어제", None, None, False)]),  # needs the publication day
    ("삼성전자는 지난해 하반기 양산에 들어갔다.", (2025, 2, 10), [("지난해 하반기", "2024-07/2024-12", "half", False)]),
    ("엔비디아는 하반기 새 칩을 내놓을 계획이다.", (2024, 5, 2), [("하반기", "2024-07/2024-12", "half", True)]),
    ("정부는 다음 달 1일부터 신고제를 시행한다.", (2024, 11, 29), [("다음 달 1일", "2024-12-01", "day", True)]),
])
def test_each_form(sentence, published, expected) -> None:
    assert resolve(sentence, published) == expected


def test_that_day_is_the_last_past_day_named() -> None:
    context = Context((2023, 7, 4))
    find_dates("4일 월스트리트저널(WSJ)은 보도했다.", context)
    find_dates("중국은 오는 10일로 예정됐던 방중 일정을 취소했다.", context)
    [that_day] = find_dates("EU 대변인은 이날 밝혔다.", context)
    assert that_day.when.iso() == "2023-07-04" and not that_day.future


def test_relative_dates_without_a_publication_date_stay_unresolved() -> None:
    found = find_dates("지난 4월 발표했고 2022년 9월에 금지됐다.", Context(None))
    assert [(m.text, m.when) for m in found][0] == ("지난 4월", None)
    assert found[1].when.iso() == "2022-09"


def test_a_day_needs_a_known_publication_day() -> None:
    assert find_dates("17일 발표", Context((2024, 8, None)))[0].when is None


def test_korean_labels_at_each_precision() -> None:
    labels = [format_when(m.when) for m in find_dates(
        "2022년 9월, 2024년 7월 17일, 2024년 상반기, 지난해 말, 6∼9일, 17일(현지시각)", Context((2023, 7, 18)))]
    assert labels == ["2022년 9월", "2024년 7월 17일", "2024년 상반기", "2022년 말", "2023년 7월 6∼9일", "2023년 7월 17일(현지시각)"]


publication = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(publication, st.integers(1, 12))
def test_last_month_n_is_always_before_publication(published: date, month: int) -> None:
    [found] = find_dates(f"지난 {month}월 발표", Context((published.year, published.month, published.day)))
    assert found.when.start.month == month
    assert found.when.end < date(published.year, published.month, 1)
    assert (date(published.year, published.month, 1) - found.when.start).days <= 366


@given(publication, st.integers(1, 31))
def test_a_bare_day_is_never_after_publication_unless_announced(published: date, day: int) -> None:
    found = find_dates(f"{day}일 발표했다.", Context((published.year, published.month, published.day)))
    for mention in found:
        assert mention.when.start <= published and mention.when.start.day == day
        assert (published - mention.when.start).days < 62


@given(publication, st.integers(1, 12))
def test_next_month_n_is_always_after_publication(published: date, month: int) -> None:
    [found] = find_dates(f"오는 {month}월 시행", Context((published.year, published.month, published.day)))
    assert found.when.start > published.replace(day=1) and found.future


@given(st.text(st.sampled_from("0123456789년월일 지난오는이달초말∼·,."), max_size=30), publication)
def test_resolving_never_crashes_and_spans_are_ordered(text: str, published: date) -> None:
    for mention in find_dates(text, Context((published.year, published.month, published.day))):
        if mention.when:
            assert mention.when.start <= mention.when.end
            assert text[mention.start:mention.end] == mention.text



# Every letter the patterns spell, so a drawn text can hold any of their words.
_PATTERN_LETTERS = sorted({c for _, pattern in dates.PATTERNS for c in pattern if "가" <= c <= "힣"}) + list(" ()'’.-∼~〜")


@given(st.text(st.sampled_from(_PATTERN_LETTERS), max_size=40))
def test_only_the_worded_patterns_match_a_text_without_digits(text: str) -> None:
    """A sentence without a digit is tried against the worded patterns alone (for speed);
    that is right only if no other pattern can match it."""
    matching = {name for _, name, pattern in dates._COMPILED if any(m.group(0) for m in pattern.finditer(text))}
    assert matching <= dates._WORDED


def test_the_worded_patterns_are_the_ones_that_need_no_digit() -> None:
    sentences = ["지난해 상반기", "올해 말", "연내", "지난달 말", "이달 초", "다음 달", "지난주 월요일", "오는 화요일", "어제", "이날",
                 "다음 날", "하반기"]
    matching = {name for sentence in sentences for _, name, pattern in dates._COMPILED if pattern.search(sentence)}
    assert matching == dates._WORDED
