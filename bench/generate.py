"""A seeded synthetic corpus for the benchmark, assembled from the seeds' structures.

Documents follow the layouts of the bundled seeds: speaker lines before their section
(meeting compilations, sometimes with a table of contents), after it (the hard-wrapped
newspaper column), two-sessions entries ("市人大代表、万州区区长李庆："), district round-ups
split by bare place names, and short news items with a reporter credit. Officials come from a
simulated roster of posts over 2019–2025, so the same people recur across documents, move
from district head to secretary or to a city department, and succeed each other. Bodies mix
sentences taken from the seeds (place names and numbers varied) with figures, quoted slogans,
projects and the seeds' noise (watermarks, ads, paywall markers, captions).

The same (seed, size) always gives the same bytes. `.truth.jsonl` (hidden, so the reader skips
it) lists the speaker lines planted, for a recall check of the extractor at scale.

    python bench/generate.py OUT_DIR --docs 1000 [--seed 1]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

from roster import Roster, load_pools, render_posts

GENERATOR_VERSION = "1"
KINDS = (("meeting", 40), ("column", 10), ("sessions", 10), ("roundup", 10), ("news", 30))
FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


class DocumentWriter:
    """Builds one document's lines; every helper appends to `self.lines`."""

    def __init__(self, rng: random.Random, roster: Roster, month: int):
        self.rng, self.roster, self.pools, self.month = rng, roster, roster.pools, month
        self.lines: list[str] = []
        self.truth: list[dict] = []
        self.fullwidth = rng.random() < 0.08

    def blank(self) -> None:
        self.lines.append("")

    def headline(self) -> str:
        return self.rng.choice(self.pools.headlines)

    def speaker(self, unit) -> tuple[str, str]:
        """(posts as written, name) of a current holder of a post of `unit`."""
        post = self.roster.pick_post(unit, self.rng)
        name = self.roster.holder(post, self.month)
        written = render_posts(post, self.pools.departments, self.rng)
        if self.rng.random() < 0.004:
            name = self.roster.variant(name, self.rng)
        self.truth.append({"name": name, "posts": written})
        return written, name

    def paragraphs(self, unit, count: int, numbered: bool) -> list[str]:
        out = []
        for k in range(count):
            sentences = [self.sentence(unit) for _ in range(self.rng.randint(2, 5))]
            if k == 0 or self.rng.random() < 0.3:
                sentences.insert(0, self.figure(unit))
            if self.rng.random() < 0.35:
                sentences.append(self.slogan_sentence(unit))
            if self.rng.random() < 0.3:
                sentences.append(self.project_sentence(unit))
            text = "".join(sentences)
            if numbered and k:
                text = "一二三四五六七八九十"[min(k - 1, 9)] + "、" + text
            if self.rng.random() < 0.05:
                text += self.noise()
            out.append(text)
        return out

    def sentence(self, unit) -> str:
        return self.roster.vary(self.rng.choice(self.pools.sentences), unit, self.rng)

    def figure(self, unit) -> str:
        rng = self.rng
        text = rng.choice(self.pools.figures).format_map(_Numbers(rng, {
            "period": rng.choice(self.pools.phrases["period"]), "area": self.roster.short_name(unit)}))
        return text.translate(FULLWIDTH) if self.fullwidth else text

    def slogan_sentence(self, unit) -> str:
        rng = self.rng
        tail = rng.choice(("行动", "战略", "工作体系", "", "品牌", "目标"))
        return f"{rng.choice(self.pools.phrases['verb'])}“{self.roster.slogan(rng)}”{tail}，{self.sentence(unit)}"

    def project_sentence(self, unit) -> str:
        return f"{self.roster.project(unit, self.rng)}加快建设，{self.sentence(unit)}"

    def noise(self) -> str:
        line = self.rng.choice(self.pools.noise)
        return line.replace("{n}", str(self.rng.randint(10**7, 10**9)))

    def body(self, paragraphs: list[str], wrap: int = 0) -> None:
        for text in paragraphs:
            indent = "　　" if self.rng.random() < 0.5 else ""
            if wrap:
                self.lines.extend(_wrap(text, wrap, self.rng))
            elif self.rng.random() < 0.05 and len(text) > 20:
                cut = self.rng.randint(5, len(text) - 5)
                self.lines.extend([indent + text[:cut], "", text[cut:]])
            else:
                self.lines.append(indent + text)
            self.blank()


class _Numbers(dict):
    """Template values; {v}, {g} and {n} draw a fresh number at every use."""

    def __init__(self, rng: random.Random, fixed: dict):
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        rng = self.rng
        if key == "v":
            return f"{rng.randint(10, 3000)}.{rng.randint(0, 9)}"
        if key == "g":
            return f"{rng.randint(0, 30)}.{rng.randint(0, 9)}"
        return str(rng.randint(2, 900))


def _wrap(text: str, width: int, rng: random.Random) -> list[str]:
    """Hard wraps every `width`±1 characters, inside words and quotes, with stray blank lines."""
    out, pos = [], 0
    while pos < len(text):
        step = width + rng.randint(-1, 1)
        out.append(text[pos:pos + step])
        pos += step
        if rng.random() < 0.08 and pos < len(text):
            out.append("")
    return out


def meeting(w: DocumentWriter, units: list) -> None:
    speakers = [w.speaker(u) for u in units]
    if len(units) >= 4 and w.rng.random() < 0.3:
        w.lines += ["目录", ""]
        for k, (posts, name) in enumerate(speakers, 1):
            w.lines += [f"{k}．{posts}{name}：", "", f"{w.headline()}……………{k}", ""]
    for unit, (posts, name) in zip(units, speakers):
        w.lines += [w.headline(), posts + (" " if w.rng.random() < 0.6 else "") + name, ""]
        w.body(w.paragraphs(unit, w.rng.randint(2, 5), numbered=w.rng.random() < 0.5))


def column(w: DocumentWriter, units: list) -> None:
    for unit in units:
        w.body(w.paragraphs(unit, w.rng.randint(2, 4), numbered=True), wrap=16)
        posts, name = w.speaker(unit)
        w.lines += [w.headline(), w.headline(), "", f"{posts} {name}", ""]


def sessions(w: DocumentWriter, units: list) -> None:
    w.lines += ["核心提示", "", w.sentence(None), ""]
    for unit in units:
        posts, name = w.speaker(unit)
        w.lines += [f"市人大代表、{posts}{name}：", w.headline(), ""]
        w.lines += [f"报告内容：{w.sentence(unit)}", "", f"区县目标：{w.figure(unit)}", "", "行动计划："]
        w.body(w.paragraphs(unit, w.rng.randint(1, 3), numbered=False))


def roundup(w: DocumentWriter, units: list) -> None:
    for _ in range(w.rng.randint(2, 6)):
        w.lines += [w.roster.caption(w.rng), ""]
    places = [u for u in units if not isinstance(u, str)] or [w.roster.random_place(w.rng)]
    for place in places:
        w.lines += [w.roster.short_name(place), "", w.headline(), ""]
        w.body(w.paragraphs(place, w.rng.randint(2, 5), numbered=False))


def news(w: DocumentWriter, units: list) -> None:
    unit = units[0]
    posts, name = w.speaker(unit)
    place = w.roster.short_name(w.roster.random_place(w.rng))
    lead = w.rng.choice(w.pools.phrases["news_lead"]).format(
        post=posts, name=name, place=place, project=w.roster.project(unit, w.rng))
    w.lines += [f"{lead}。{w.sentence(unit)}", ""]
    w.body(w.paragraphs(unit, w.rng.randint(1, 4), numbered=False))
    reporters = " ".join(w.roster.fresh_name(w.rng, keep=False) for _ in range(w.rng.randint(1, 2)))
    w.lines += [f"（{w.rng.choice(w.pools.phrases['reporter'])} {reporters}）"]


LAYOUTS = {"meeting": meeting, "column": column, "sessions": sessions, "roundup": roundup, "news": news}


def make_document(rng: random.Random, roster: Roster, index: int) -> tuple[str, str, dict | None, list[dict]]:
    """(file stem, text, metadata or None, planted speaker lines)."""
    month = rng.randrange(roster.months)
    year, mon, day = roster.start_year + month // 12, month % 12 + 1, rng.randint(1, 28)
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    w = DocumentWriter(rng, roster, month)
    title = w.headline() + "——" + w.headline()
    w.lines += [title, ""]
    if rng.random() < 0.5:
        w.lines += [f"（重庆日报，{year}年{mon}月{day}日）", ""]
    if rng.random() < 0.05:
        w.lines += [w.noise(), ""]
    count = 1 if kind == "news" else rng.choices(range(1, 10), weights=(14, 14, 12, 10, 8, 6, 4, 3, 2))[0]
    LAYOUTS[kind](w, roster.units(count, rng))
    text = "\n".join(w.lines) + "\n"
    if rng.random() < 0.03:
        text = text.replace("\n", "\r\n")
    stem = f"{index:05d}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
    meta = None
    if rng.random() < 0.6:
        meta = {"date": f"{year}-{mon:02d}-{day:02d}", "title": title, "source": "synthetic (cadregraph bench)"}
    return stem, text, meta, w.truth


def generate(out_dir: Path | str, docs: int, seed: int = 1) -> Path:
    """Write `docs` documents into `out_dir/<year>/`; reuse the folder if it already holds them."""
    out_dir = Path(out_dir)
    stamp = {"version": GENERATOR_VERSION, "docs": docs, "seed": seed}
    stamp_file = out_dir / ".generated.json"
    if stamp_file.exists() and json.loads(stamp_file.read_text("utf-8")) == stamp:
        return out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    roster = Roster(load_pools(), random.Random(seed + 1))
    with open(out_dir / ".truth.jsonl", "w", encoding="utf-8") as truth:
        for index in range(docs):
            stem, text, meta, planted = make_document(rng, roster, index)
            folder = out_dir / stem[:2]
            folder.mkdir(exist_ok=True)
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
            if meta:
                (folder / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            for row in planted:
                truth.write(json.dumps({"doc": stem, **row}, ensure_ascii=False) + "\n")
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    return out_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = generate(args.out_dir, args.docs, args.seed)
    files = [p for p in out.rglob("*.txt")]
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} documents, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
