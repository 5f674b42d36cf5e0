"""What one sentence tells all its figures, read once: its periods, its areas (only when a
figure needs them), where a metric may start inside a longer item, and the indicator the
sentence is about so far (for a figure with no metric of its own)."""
from __future__ import annotations

from bisect import bisect_left

import regex

from .compact_text import Compact
from .indicators import vocabulary
from .metric_areas import AreaResolver, SentenceAreas
from .periods import find_periods

_CLAUSE_SPLIT = regex.compile(r"([，,；;：:])")
# a dash written as punctuation (破折号) opens what it introduces: "主要预期目标——地区生产总值增长…"
_DASH = regex.compile(r"(?:——|－－|--)")


class SentenceReading:
    """What one sentence tells all its figures: its periods, its areas (read only when a
    figure needs them) and the indicator it is about so far."""

    def __init__(self, resolver: AreaResolver, compact_text: Compact, line_starts):
        self.compact = compact_text
        self.text = compact_text.text
        self.line_starts = line_starts
        self.periods = find_periods(self.text)
        self.resolver = resolver
        self.topic: tuple | None = None
        self._areas: SentenceAreas | None = None

    @property
    def areas(self) -> SentenceAreas:
        if self._areas is None:
            self._areas = self.resolver.sentence(self.text, self.periods)
        return self._areas

    def periods_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the periods inside [start, end), relative to start."""
        return [(m.start - start, m.end - start) for m in self.periods if start <= m.start and m.end <= end]

    def periods_before(self, pos: int, skip: tuple[int, int] | None, floor: int = 0):
        return [m for m in self.periods
                if floor <= m.start and m.end <= pos and not (skip and skip[0] <= m.start < skip[1])]

    def line_start_before(self, pos: int) -> int:
        """The last place at or before `pos` where a line joined into this sentence began (0
        when none): text before it belongs to another line, a headline run into the body."""
        origin = self.compact.origin
        starts = [bisect_left(origin, s) for s in self.line_starts if s >= 0 and origin[0] < s <= origin[pos]]
        return max(starts, default=0)

    def cuts(self, first: int, last: int) -> list[int]:
        """Positions inside [first, last) where a metric may start although the text before
        it is not one: a subject (a place, an area word) or a line the normaliser joined to
        the one before (a headline run into the body)."""
        found = {start for start, _, _ in self.areas.mentions if first < start < last}
        found.update(m.end() for m in _DASH.finditer(self.text, first, last) if m.end() < last)
        origin = self.compact.origin
        for line_start in self.line_starts:
            if line_start >= 0 and origin[first] < line_start <= origin[last - 1]:
                found.add(bisect_left(origin, line_start))
        return sorted(found)

    def topic_before(self, pos: int):
        """The indicator the sentence is about before `pos`: the last figure's, or the one
        the nearest clause opens with ("GDP增速逐季攀升，上半年3.2%")."""
        if self.topic is not None:
            return self.topic
        v = vocabulary()
        end = pos
        for clause in reversed(_CLAUSE_SPLIT.split(self.text[:pos])):
            start = end - len(clause)
            if len(clause) > 1:
                for cut in [start, *self.cuts(start, end)]:
                    found = v.topic(self.text[cut:end])
                    if found is not None:
                        return found
            end = start
        return None

    def clause_topic(self, pos: int):
        """The indicator the clause right before `pos` opens with ("规上工业增加值由负转正，增长
        0.8%"), or None: a verb alone takes no metric from further away."""
        head = self.text[:pos].rstrip("，,")
        clause = _CLAUSE_SPLIT.split(head)[-1] if head else ""
        start = len(head) - len(clause)
        if len(clause) < 2 or any(ch.isdigit() for ch in clause):
            return None
        v = vocabulary()
        for cut in [start, *self.cuts(start, len(head))]:
            found = v.topic(self.text[cut:len(head)])
            if found is not None:
                return found
        return None
