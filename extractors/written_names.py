"""The name of an official as the page writes it: traditional characters, spaces between the
characters of a padded name ("李　亮"), where the extractors read a clean simplified name.

Found in the evidence quote, which is the original text: the first stretch of it that reads
as the name once spaces are dropped and the stretch is taken to simplified script. Where no
stretch does (the name was mended, not only read), the clean name stands.
"""
from __future__ import annotations

from cadregraph.documents.script import to_simplified_characters

_SPACES = " \u3000\u00a0\t"
MAX_PADDING = 3             # spaces a padded name may hold between its characters


def name_as_written(name: str, quote: str) -> str:
    if not name or name in quote:
        return name
    limit = len(name) + MAX_PADDING
    for start in range(len(quote)):
        if quote[start] in _SPACES:
            continue
        read, end = "", start
        while end < len(quote) and end - start < limit and len(read) < len(name):
            ch = quote[end]
            end += 1
            if ch in _SPACES:
                continue
            read += to_simplified_characters(ch)
            if not name.startswith(read):
                break
        if read == name:
            return quote[start:end]
    return name
