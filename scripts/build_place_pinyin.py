"""Generate extractors/data/place_pinyin.tsv: the pinyin of every place's short form, which
government and media sites use in their host names (jiangjin.gov.cn, cqyz.gov.cn = 重庆+渝中,
wtq.leshan… = 五通桥 in 乐山). Run once, by hand, after the place files change:

    .venv/bin/pip install pypinyin
    .venv/bin/python scripts/build_place_pinyin.py

The tool never imports pypinyin at run time: extractors/site_hosts.py reads the TSV.
"""
from __future__ import annotations

import datetime
from importlib.metadata import version
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent

from cadregraph.extractors.gazetteer import gazetteer  # noqa: E402

OUT = ROOT / "extractors" / "data" / "place_pinyin.tsv"


def stem(place) -> str:
    """The form a host spells: the shortest short name of two characters or more, else the name."""
    forms = sorted((f for f in place.short_names if len(f) >= 2), key=len)
    return forms[0] if forms else place.name


def main() -> None:
    rows, seen = [], set()
    for place in gazetteer().all_places:
        if place.id in seen:
            continue
        seen.add(place.id)
        written = stem(place)
        full = "".join(lazy_pinyin(written)).lower()
        initials = "".join(lazy_pinyin(written, style=Style.FIRST_LETTER)).lower()
        if full.isascii() and full.isalpha():
            rows.append((place.id, written, full, initials))
    header = (f"# The pinyin of each place's short form (full and initials), for reading site host names.\n"
              f"# Generated on {datetime.date.today()} by scripts/build_place_pinyin.py with pypinyin "
              f"{version('pypinyin')}; do not edit by hand.\n"
              "# Columns: id (of the place), form (the written form spelled), full, initials.\n"
              "id\tform\tfull\tinitials\n")
    OUT.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
