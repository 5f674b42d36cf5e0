"""Where a pattern matches in the text last asked about: every fact of a document asks about
the same text (its sentence ends, for anchored patterns and for the sentence around a quote),
so the positions are found once per document and each look-up bisects them."""
from __future__ import annotations

import regex


class MarkPositions:
    def __init__(self, pattern: regex.Pattern):
        self.pattern = pattern
        # replaced as one tuple, so that threads asking about different texts never see one
        # text's positions paired with another
        self._last: tuple[str | None, list[int]] = (None, [])

    def __call__(self, text: str) -> list[int]:
        """The start of every match of the pattern in `text`, in order."""
        last = self._last
        if last[0] is not text:
            last = (text, [m.start() for m in self.pattern.finditer(text)])
            self._last = last
        return last[1]
