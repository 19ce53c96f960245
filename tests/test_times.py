"""Time expressions: the news hard cases on text written for these tests, seeds, odd input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.times import extract_times, resolve_time

SHARED = Path(
    os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
SEEDS = SHARED / "seeds"

FRIDAY = "2025-07-04"  # a Friday
FRIDAY_EVENING = "2025-07-04T16:33:00+07:00"


def values(text: str, anchor: str | None = FRIDAY) -> dict[str, str]:
    """Return {covered text: value} for the mentions found in ``text``."""
    return {text[t.start : t.end]: t.value for t in extract_times(text, anchor)}


def test_weekday_in_an_article_published_the_next_day_is_the_day_before() -> None:
    found = values("The two ministers spoke by phone on Thursday, an aide said.")
    assert found == {"Thursday": "2025-07-03"}


def test_weekday_with_part_of_day() -> None:
    [t] = extract_times("Talks resumed Thursday morning in Geneva.", FRIDAY)
    assert (t.value, t.type) == ("2025-07-03TMO", "TIME")


def test_weekday_in_future_tense_looks_ahead() -> None:
    assert values("The council will meet on Monday to vote.") == {"Monday": "2025-07-07"}


THURSDAY = "2028-05-18"  # a Thursday; a date-only anchor, often the evening before


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        # the weekday after the anchor is the next day, in any tense
        (
            "By early Friday the ferry had taken on water, the coastguard said.",
            "early Friday",
            "2028-05-19",
        ),
        ("Lifeboats reached the quarry by Friday morning.", "Friday morning", "2028-05-19TMO"),
        ("The mayor said on Friday that the bridge would reopen.", "Friday", "2028-05-19"),
        ("The orchard is expected to reopen Friday.", "Friday", "2028-05-19"),
        # prepositions that look ahead, unless the clause is told in the past
        ("Bids are due by Monday, the council said.", "Monday", "2028-05-22"),
        ("The museum stays shut until Tuesday.", "Tuesday", "2028-05-23"),
        ("Until Tuesday, the police had not named the driver.", "Tuesday", "2028-05-16"),
        ("The tram line will close on Monday.", "Monday", "2028-05-22"),
        ("The mill closed on Monday.", "Monday", "2028-05-15"),
        ("The tram line closes next Monday.", "next Monday", "2028-05-22"),
        ("The mill closed last Friday.", "last Friday", "2028-05-12"),
        # "could" tells ability, not the future; a possessive weekday names a reported event
        ("The owners could not be reached Tuesday.", "Tuesday", "2028-05-16"),
        ("They would appeal Tuesday's ruling, lawyers said.", "Tuesday", "2028-05-16"),
        ("The minister said talks would resume on Monday.", "Monday", "2028-05-22"),
        # a past verb before the weekday outweighs a modal after it
        ("He dismissed warnings on Tuesday that the dam could fail.", "Tuesday", "2028-05-16"),
    ],
)
def test_weekday_direction_in_a_thursday_article(text: str, covered: str, value: str) -> None:
    assert values(text, THURSDAY)[covered] == value


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        # an initial or "Feb." ends no sentence, so "will" still governs the date
        ("Ms. Lund will succeed Oskar J. Berg Feb. 3, the bank said.", "Feb. 3", "2029-02-03"),
        ("The new ferry fares are effective Jan. 15.", "Jan. 15", "2029-01-15"),
        # "next to" is a place, not a future cue
        ("A van exploded next to the depot on Tuesday.", "Tuesday", "2028-11-07"),
        # the verb may come well after a fronted date
        (
            "In March, according to several people who know the plan, the board will vote.",
            "March",
            "2029-03",
        ),
    ],
)
def test_tense_cues_in_a_november_article(text: str, covered: str, value: str) -> None:
    assert values(text, "2028-11-09")[covered] == value


def test_quarterly_results_compare_quarter_with_quarter() -> None:
    text = (
        "Harlow Mills said third-quarter profit rose 8%. It expects a fourth-quarter charge "
        "of $3 million. Sales in the latest quarter were $90 million, up from a year ago. "
        "Orders this year were strong. In the quarter, margins fell from a year earlier."
    )
    found = [(text[t.start : t.end], t.value) for t in extract_times(text, "2028-11-02")]
    assert found == [
        ("third-quarter", "2028-Q3"),
        ("fourth-quarter", "2028-Q4"),
        ("the latest quarter", "2028-Q3"),
        ("a year ago", "2027-Q3"),
        ("this year", "2028"),
        ("the quarter", "2028-Q3"),
        ("a year earlier", "2027-Q3"),
    ]


def test_same_weekday_as_publication_is_today() -> None:
    assert values("Markets fell sharply on Friday.") == {"Friday": "2025-07-04"}


def test_earlier_that_day_follows_the_last_named_day() -> None:
    text = "The mayor resigned on Tuesday. Earlier that day, protesters had gathered."
    assert values(text) == {"Tuesday": "2025-07-01", "Earlier that day": "2025-07-01"}


def test_the_next_morning_follows_the_last_named_day() -> None:
    text = "The dam broke on Tuesday. The next morning, crews arrived."
    assert values(text) == {"Tuesday": "2025-07-01", "The next morning": "2025-07-02TMO"}


def test_previous_and_following_weekdays_count_from_the_story_day() -> None:
    text = "Shares closed at $4 on Friday, up from $3 the previous Friday."
    assert values(text, "2025-07-07") == {
        "Friday": "2025-07-04",
        "the previous Friday": "2025-06-27",
    }
    text = "The vote was on June 3. The following Monday, the count began."
    assert values(text)["The following Monday"] == "2025-06-09"


def test_earlier_that_day_without_a_named_day_is_the_publication_day() -> None:
    assert values("Earlier that day, the river rose.") == {"Earlier that day": FRIDAY}


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        # an explicit day wins over the anchor, "local time" between them or not
        (
            "It sank at 11:40pm local time on 13 March, they said.",
            "11:40pm local time on 13 March",
            "2025-03-13T23:40",
        ),
        (
            "It sank at 9 a.m. (local time) on Wednesday.",
            "9 a.m. (local time) on Wednesday",
            "2025-03-12T09:00",
        ),
        ("The vote came at 6 p.m., on Thursday.", "6 p.m., on Thursday", "2025-03-13T18:00"),
        # a dateless clock told in the past, later than the anchor's: the night before
        ("It hit the reef at 11.40pm local time, the agency said.", "11.40pm", "2025-03-13T23:40"),
        ("The hearing will open at 11pm.", "11pm", "2025-03-14T23:00"),
    ],
)
def test_a_clock_takes_the_day_named_with_it(text: str, covered: str, value: str) -> None:
    assert values(text, "2025-03-14T09:12:00+06:00")[covered] == value


def test_a_clock_with_an_offset_takes_a_full_date() -> None:
    text = "At 04:33 PM +07 on Friday, March 14, 2031, the agency spoke."
    assert values(text, "2031-03-20") == {
        "04:33 PM +07 on Friday, March 14, 2031": "2031-03-14T16:33"
    }


def test_a_weekday_picks_the_year_of_a_yearless_date() -> None:
    # 3 Nov. was a Monday in 2025, not in 2026: the weekday tells the year (a date-only
    # reading would take the one nearer the anchor, 2026)
    text = "The quarry drill began at 7:05 a.m. on Monday, Nov. 3, with the pumps."
    assert values(text, "2026-06-20")["7:05 a.m. on Monday, Nov. 3"] == "2025-11-03T07:05"
    text = "The quarry drill began at 7:05 a.m. on Nov. 3, with the pumps."
    assert values(text, "2026-06-20")["7:05 a.m. on Nov. 3"] == "2026-11-03T07:05"


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        (
            "It left on Wednesday. This morning it docked. Later in the day it sailed.",
            "Later in the day",
            "2025-07-04",
        ),
        (
            "It left on Monday. Yesterday morning it docked. That same day it sailed.",
            "That same day",
            "2025-07-03",
        ),
        (
            "It left on Monday. Two days ago it docked. Later that day it sailed.",
            "Later that day",
            "2025-07-02",
        ),
        (
            "The vote was on June 3. Later that same day, the count began.",
            "Later that same day",
            "2025-06-03",
        ),
    ],
)
def test_anaphoric_days_follow_the_last_named_day(text: str, covered: str, value: str) -> None:
    assert values(text)[covered] == value


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        # the attribution dates the quote: "tonight" is the night it was said
        (
            '"Nobody was hurt, and that matters tonight," she told reporters late on Thursday.',
            "tonight",
            "2025-07-03TNI",
        ),
        (
            "The mayor said on Wednesday: \u201cWe will decide tomorrow.\u201d",
            "tomorrow",
            "2025-07-03",
        ),
        ("``We vote tomorrow,'' he said on Monday.", "tomorrow", "2025-07-01"),
        # an undated attribution leaves the publication date as the anchor
        ('"We meet today," he said.', "today", "2025-07-04"),
        ('"It was a long night," he said tonight.', "tonight", "2025-07-04TNI"),
    ],
)
def test_quoted_deixis_counts_from_when_it_was_said(text: str, covered: str, value: str) -> None:
    assert values(text)[covered] == value


@pytest.mark.parametrize(
    ("anchor", "text", "value"),
    [
        # reported in a story published before noon, "tonight" was last night
        (
            "2025-07-04T09:12:00+06:00",
            '"What matters tonight is the crew," she told reporters.',
            "2025-07-03TNI",
        ),
        (
            "2025-07-04T19:12:00+06:00",
            '"What matters tonight is the crew," she told reporters.',
            "2025-07-04TNI",
        ),
        (
            "2025-07-04T09:12:00+06:00",
            '"What matters tonight is the crew," she says.',
            "2025-07-04TNI",
        ),
        ("2025-07-04T09:12:00+06:00", '"What matters tonight is the crew."', "2025-07-04TNI"),
    ],
)
def test_undated_quoted_tonight_in_a_morning_story(anchor: str, text: str, value: str) -> None:
    assert values(text, anchor)["tonight"] == value


SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def test_sample_clock_on_an_explicit_day_and_a_dated_quote() -> None:
    text = (SAMPLES / "02_seawatch_ticker.txt").read_text(encoding="utf-8")
    found = values(text, "2031-03-14T09:12:00+06:00")
    assert found["11:40pm local time on 13 March"] == "2031-03-13T23:40"
    assert found["tonight"] == "2031-03-13TNI"  # quoted, told at 9:12 the next morning
    text = (SAMPLES / "01_newsloop_aggregator.txt").read_text(encoding="utf-8")
    found = values(text, "2031-03-14")
    assert found["tonight"] == "2031-03-13TNI"  # said "late on Thursday", the 13th


def test_hours_ago_is_a_clock_time_when_the_anchor_has_one() -> None:
    [t] = extract_times("Posted 7 hours ago", FRIDAY_EVENING)
    assert (t.value, t.type) == ("2025-07-04T09:33", "TIME")


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        ("Prices rose last week.", "last week", "2025-W26"),
        ("The invasion began in February 2022.", "February 2022", "2022-02"),
        ("They last spoke on June 14.", "June 14", "2025-06-14"),
        ("It happened yesterday.", "yesterday", "2025-07-03"),
        ("Sales are up this week.", "this week", "2025-W27"),
        ("The 1990s were different.", "The 1990s", "199"),
        ("The ban is now in force.", "now", "PRESENT_REF"),
        ("He is currently abroad.", "currently", "PRESENT_REF"),
        ("The third quarter was weak.", "The third quarter", "2025-Q3"),
        ("Profit fell from a year earlier.", "a year earlier", "2024"),
        ("Flights leave every Monday.", "every Monday", "XXXX-WXX-1"),
        ("Shops close on Christmas Day.", "Christmas Day", "2025-12-25"),
        ("The deal was signed on 4 July 2025.", "4 July 2025", "2025-07-04"),
        ("The body was found 2024-03-02.", "2024-03-02", "2024-03-02"),
        ("They met at 6:31 p.m. ET on Thursday.", "6:31 p.m. ET on Thursday", "2025-07-03T18:31"),
        ("Growth slowed in Q2 2025.", "Q2 2025", "2025-Q2"),
        ("Revenue for FY2024 fell.", "FY2024", "2024"),
        ("Notice dated 03.07.2025 was posted.", "03.07.2025", "2025-07-03"),
        ("Protests are planned this weekend.", "this weekend", "2025-W27-WE"),
        ("Talks began at 10am local time.", "10am", "2025-07-04T10:00"),
        ("Results for the quarter ended March 31 were weak.", "the quarter", "2025-Q1"),
        ("He was last seen last Oct. 23 near the border.", "last Oct. 23", "2024-10-23"),
        ("Inspections happen every two weeks.", "every two weeks", "P2W"),
        ("Orders for the last half of 2026 look weak.", "the last half of 2026", "2026-H2"),
        ("It expects a loss for the full year.", "the full year", "2025"),
        ("Last month's sales fell.", "Last month", "2025-06"),
        ("Profit rose in the year ended March 31.", "the year", "P1Y"),
        ("Results for the fiscal year ended June 30 were weak.", "the fiscal year", "P1Y"),
        ("It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        (
            "Think of the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        ("Sales rose from the quarter a year ago.", "the quarter a year ago", "2024-Q2"),
        (
            "Profit in the corresponding period last year was flat.",
            "the corresponding period last year",
            "2024-Q2",
        ),
        ("Net fell from last year's quarter.", "last year's quarter", "2024-Q2"),
        ("The last quarter of last year was weak.", "The last quarter of last year", "2024-Q4"),
    ],
)
def test_dates_resolve_against_the_publication_date(text: str, covered: str, value: str) -> None:
    assert values(text)[covered] == value


@pytest.mark.parametrize(
    ("text", "covered", "value"),
    [
        ("The call lasted nearly an hour.", "nearly an hour", "PT1H"),
        ("He promised peace within 24 hours.", "24 hours", "PT24H"),
        ("The war has run for two years.", "two years", "P2Y"),
        ("They waited 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("It took several weeks.", "several weeks", "PXW"),
        ("A 16-hour flight followed.", "16-hour", "PT16H"),
        ("over the past two months", "the past two months", "P2M"),
    ],
)
def test_durations(text: str, covered: str, value: str) -> None:
    [t] = [t for t in extract_times(text, FRIDAY) if text[t.start : t.end] == covered]
    assert (t.value, t.type) == (value, "DURATION")


def test_curly_apostrophes_and_odd_hyphens_read_as_plain_ones() -> None:
    text = "By year\u2019s end, since mid\u2011June, in the \u201990s"
    assert values(text) == {
        "year\u2019s end": "2025",
        "mid\u2011June": "2025-06",
        "the \u201990s": "199",
    }


def test_no_anchor_leaves_the_year_unknown() -> None:
    assert values("He spoke on Thursday about June 14.", None) == {
        "Thursday": "XXXX-WXX-4",
        "June 14": "XXXX-06-14",
    }


def test_words_that_only_look_like_times_are_left_alone() -> None:
    text = "May we march on? Jan Kavan said the fall of the regime cost $2000 a quarterly share."
    assert values(text) == {}


def test_ages_and_rates_are_not_times() -> None:
    assert values("A 6-year-old boy, 52 years old, earns $500 million a year.") == {}


@pytest.mark.parametrize(
    ("expression", "anchor", "value"),
    [
        ("July 4, 2025 4:33 PM", None, "2025-07-04T16:33"),
        ("Friday, July 4, 2025", None, "2025-07-04"),
        ("yesterday", FRIDAY, "2025-07-03"),
        ("7 hours ago", FRIDAY_EVENING, "2025-07-04T09:33"),
        ("Thursday 11:03am", FRIDAY, "2025-07-03T11:03"),
        ("At 04:33 PM +07 on Friday, July 4, 2025", None, "2025-07-04T16:33"),
        ("Jul. 04, 2025", None, "2025-07-04"),
        ("2025/07/04", None, "2025-07-04"),
        ("04-07-2025", None, "2025-07-04"),
        ("Friday 4 July 2025 16.33 BST", None, "2025-07-04T16:33"),
        ("no time here", FRIDAY, None),
        ("4 juillet 2025", None, "2025-07-04"),  # dateparser fallback
        ("04. Juli 2025 16:33", None, "2025-07-04T16:33"),
    ],
)
def test_resolve_time(expression: str, anchor: str | None, value: str | None) -> None:
    assert resolve_time(expression, anchor) == value


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not available")
def test_seed_pages_date_the_call() -> None:
    # every seed reports the Trump-Putin call of Thursday 3 July 2025 (US time), which
    # was Friday morning in Dhaka
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = extract_times(text, FRIDAY_EVENING)
        assert all(0 <= t.start < t.end <= len(text) for t in found)
        assert any(t.value.startswith(("2025-07-03", "2025-07-04")) for t in found), path.name


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not available")
def test_seed_earlier_that_day_follows_the_named_morning() -> None:
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    found = {
        text[t.start : t.end].lower(): t.value
        for t in extract_times(text, "2025-07-04T11:03:00+06:00")
    }
    assert found["earlier that day"] == "2025-07-04"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not available")
def test_seed_thursday_in_a_friday_article() -> None:
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    days = {
        t.value for t in extract_times(text, FRIDAY_EVENING) if text[t.start : t.end] == "Thursday"
    }
    assert days == {"2025-07-03"}


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"0123456789 ,.:-/'$%",
                "May ",
                "Thursday ",
                "last ",
                "week",
                "ago ",
                "a.m. ",
                "that day ",
                "the ",
                "1990s",
                "year",
            ]
        ),
        max_size=40,
    ).map("".join),
    st.sampled_from([None, FRIDAY, FRIDAY_EVENING, "not a date", "2025-02-30"]),
)
def test_never_crashes_and_spans_are_ordered(text: str, anchor: str | None) -> None:
    found = extract_times(text, anchor)
    ends = [0]
    for t in found:
        assert ends[-1] <= t.start < t.end <= len(text)
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        ends.append(t.end)
    resolve_time(text, anchor)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, FRIDAY]))
def test_never_crashes_on_any_text(text: str, anchor: str | None) -> None:
    for t in extract_times(text, anchor):
        assert 0 <= t.start < t.end <= len(text)
