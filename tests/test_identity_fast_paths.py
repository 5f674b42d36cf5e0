"""The identity rule's windowed look-up gives what scanning every sighting of the post gave."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cadregraph.graph.identity_rules import INSIDE_DAYS, _Sightings
from cadregraph.graph.partial_dates import PartialDate


def plain_sandwich(name, d, by_name):
    """The rule as first written: every other name's every sighting in the post."""
    for other, dates in sorted(by_name.items()):
        if other == name:
            continue
        before = [x for x in dates if x.certainly_before(d) and (d.earliest() - x.latest()).days <= INSIDE_DAYS]
        after = [x for x in dates if d.certainly_before(x) and (x.earliest() - d.latest()).days <= INSIDE_DAYS]
        if before and after:
            return f"between two sightings of {other} in that post ({max(before)} and {min(after)})"
    return ""


# years, months and days close together, so that sightings fall on both sides of the window
DATES = st.builds(lambda y, m, d, p: PartialDate(f"{y}" if p == 0 else f"{y}-{m:02d}" if p == 1 else f"{y}-{m:02d}-{d:02d}"),
                  st.integers(2019, 2022), st.integers(1, 12), st.integers(1, 28), st.integers(0, 2))
NAMES = st.sampled_from(["王一", "王二", "李三", "赵四"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(NAMES, st.lists(DATES, min_size=1, max_size=8), max_size=4), NAMES, DATES)
def test_the_window_finds_the_sandwich_the_full_scan_finds(by_name, name, d):
    assert _Sightings(by_name).sandwich(name, d) == plain_sandwich(name, d, by_name)


def test_a_mention_between_two_close_sightings_of_another_holder_is_doubtful():
    seen = {"王一": [PartialDate("2021-03-02"), PartialDate("2021-09-10")], "王二": [PartialDate("2021-06-01")]}
    assert "王一" in _Sightings(seen).sandwich("王二", PartialDate("2021-06-01"))
    far = {"王一": [PartialDate("2019-03-02"), PartialDate("2023-09-10")]}
    assert _Sightings(far).sandwich("王二", PartialDate("2021-06-01")) == ""
