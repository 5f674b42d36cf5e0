"""Every occurrence of a fixed set of words in a text, in one pass (an Aho-Corasick automaton,
pyahocorasick): the cost of a scan does not grow with the number of words, where a regex
alternation of them is tried at every character and a find loop runs once per word."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick


class WordScan:
    def __init__(self, words: Iterable[tuple[str, object]]):
        """`words`: (word, value) pairs; a word given twice keeps its last value."""
        self._automaton = ahocorasick.Automaton()
        for word, value in words:
            if word:
                self._automaton.add_word(word, (len(word), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def occurrences(self, text: str) -> Iterator[tuple[int, int, object]]:
        """(start, end, value) of every occurrence, overlapping ones too, by end position."""
        if self._empty:
            return
        for last, (size, value) in self._automaton.iter(text):
            yield last + 1 - size, last + 1, value

    def any(self, text: str) -> bool:
        return not self._empty and next(self._automaton.iter(text), None) is not None
