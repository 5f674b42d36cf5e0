"""`cadregraph build`: the corpus in, graph.ttl and view.html out, written atomically into a
folder that is either new, empty, or one cadregraph wrote before (it keeps a manifest)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from cadregraph.documents import DocumentError
from cadregraph.graph.serialize import to_turtle
from cadregraph.pipeline import build_graph, bundled_seeds, extract_corpus

from .atomic import write_bytes_atomic, write_text_atomic
from .view import render_view

MANIFEST = ".cadregraph-manifest.json"
PROGRESS_THRESHOLD = 50


class OutputFolderError(Exception):
    pass


@dataclass
class BuildSummary:
    documents: int
    officials: int
    posts: int
    observations: int
    triples: int
    files: list[Path]
    failures: list[DocumentError] = field(default_factory=list)

    def text(self) -> str:
        lines = [
            f"documents:    {self.documents}",
            f"officials:    {self.officials}",
            f"posts:        {self.posts}",
            f"observations: {self.observations}",
            f"triples:      {self.triples}",
            f"files failed: {len(self.failures)}",
        ]
        lines += [f"  failed: {f}" for f in self.failures]
        lines += [f"wrote {p}" for p in self.files]
        return "\n".join(lines)


def check_output_folder(out_dir: Path, names: list[str], force: bool) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise OutputFolderError(f"{out_dir}: exists and is not a folder")
    ours = set(names) | {MANIFEST}
    if (out_dir / MANIFEST).exists():
        try:
            ours |= set(json.loads((out_dir / MANIFEST).read_text("utf-8")).get("files", []))
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in ours and not p.name.startswith(".cadregraph"))
    clobbered = [n for n in names if (out_dir / n).exists()]
    if not force and not (out_dir / MANIFEST).exists() and (foreign or clobbered):
        raise OutputFolderError(
            f"{out_dir}: folder holds files cadregraph did not write ({', '.join((foreign + clobbered)[:5])}); "
            "choose another --out or pass --force")


def run_build(paths: list[Path], out_dir: Path, base: str, identity_file: Path | None = None,
              strict: bool = False, force: bool = False) -> BuildSummary:
    names = ["graph.ttl", "view.html"]
    check_output_folder(out_dir, names, force)
    paths = paths or [bundled_seeds()]

    def progress(files):
        return tqdm(files, desc="documents", unit="doc", disable=None if len(files) > PROGRESS_THRESHOLD else True)

    corpus = extract_corpus(paths, progress=progress, strict=strict)
    g = build_graph(corpus, base=base, identity_file=identity_file)
    turtle = to_turtle(g)
    html = render_view(g)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(out_dir / "graph.ttl", turtle)
    write_text_atomic(out_dir / "view.html", html)
    write_text_atomic(out_dir / MANIFEST, json.dumps({"files": names}, indent=2) + "\n")
    from rdflib.namespace import FOAF, ORG, RDF
    from cadregraph.graph.namespaces import CG

    return BuildSummary(
        documents=len(corpus.documents),
        officials=len(set(g.subjects(RDF.type, FOAF.Person))),
        posts=len(set(g.subjects(RDF.type, ORG.Post))),
        observations=len(set(g.subjects(RDF.type, CG.PostObservation))),
        triples=len(g),
        files=[out_dir / n for n in names],
        failures=corpus.failures,
    )
