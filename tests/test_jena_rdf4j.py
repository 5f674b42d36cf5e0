"""The graph files in the Java triple stores' own loaders and parsers, run from Debian's jars
(libapache-jena-java, librdf4j-java; scripts/install-test-deps.sh installs them) with the
command lines of docs/loading.md:

- Apache Jena TDB2, the database behind Fuseki: `tdb2.tdbloader` bulk-loads graph.nq and
  graph.trig, every quad stays in its named graph, and `tdb2.tdbquery` over the union of the
  named graphs answers DESIGN.md §3's questions (graph/queries/q1…q8) exactly as in process;
- Jena's RIOT and Eclipse RDF4J's Rio (the parsers GraphDB and Neo4j's neosemantics read files
  with) count in every format the statements the in-process graph has, and reject broken files.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from queue import Queue
from typing import Callable, TypeVar
from urllib.parse import unquote, urlparse

import pytest
import regex
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.outputs.load import load_quads
from cadregraph.outputs.queries import load_store, named_queries, run_query, run_sparql

from rdf_helpers import as_set

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
CLASSPATH_SCRIPT = ROOT / "scripts" / "debian_classpath.py"
RIO_COUNT = Path(__file__).resolve().parent / "java" / "RioCount.java"
FORMATS = "turtle,trig,nquads,ntriples,jsonld"
FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.nt", "graph.jsonld")
# Start-up is most of these short JVM runs; the client compiler alone starts sooner.
JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
WORKERS = max(2, os.cpu_count() or 1)
UNION = ["--set", "tdb:unionDefaultGraph=true"]   # as docs/loading.md: the default graph is the union
DESIGN_QUESTIONS = sorted(q.name for q in named_queries() if regex.match(r"q[1-8]_", q.name))
SHARED = "https://cadregraph.org/id/graph/shared"
# Triples per named graph, and those of the default graph (?g unbound; there should be none).
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } } GROUP BY ?g"
UNION_COUNT = "SELECT (COUNT(*) AS ?n) FROM <urn:x-arq:UnionGraph> WHERE { ?s ?p ?o }"

EX = "http://example.org/"
# Broken files, and which parsers must reject them: Jena only warns about an ill-formed literal.
BROKEN = {
    "no-final-dot.ttl": (f'@prefix : <{EX}> .\n:a :b "x"\n', {"jena", "rio"}),
    "undefined-prefix.ttl": (':a :b "x" .\n', {"jena", "rio"}),
    "no-final-dot.nq": (f'<{EX}a> <{EX}b> "x" <{EX}g>\n', {"jena", "rio"}),
    "bad-integer.ttl": (f'<{EX}a> <{EX}b> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .\n', {"rio"}),
}


def _debian_classpath(packages: list[str], cache: Path) -> str:
    """The class path of scripts/debian_classpath.py; skips when Java or the jars are missing."""
    if shutil.which("java") is None:
        pytest.skip("java is not installed (scripts/install-test-deps.sh installs default-jdk-headless)")
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system: the Java tools come from Debian's jars")
    spec = importlib.util.spec_from_file_location("debian_classpath", CLASSPATH_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    missing = module.not_installed(packages)
    if missing:
        pytest.skip(f"Debian packages not installed: {', '.join(missing)} (run scripts/install-test-deps.sh)")
    return module.classpath(packages, cache)


def parallel(jobs: list[Callable[[], T]]) -> list[T]:
    """Results of `jobs`, WORKERS at a time: each JVM's start-up is mostly one core's work."""
    with ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(lambda job: job(), jobs))


def java(classpath: str, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["java", *JVM, "-cp", classpath, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def jena(tmp_path_factory) -> str:
    return _debian_classpath(["libapache-jena-java"], tmp_path_factory.mktemp("java-cache"))


@pytest.fixture(scope="module")
def rdf4j(tmp_path_factory) -> str:
    """RDF4J's class path with tests/java/RioCount compiled onto it."""
    classpath = _debian_classpath(["librdf4j-java"], tmp_path_factory.mktemp("java-cache"))
    if shutil.which("javac") is None:
        pytest.skip("javac is not installed (scripts/install-test-deps.sh installs default-jdk-headless)")
    classes = tmp_path_factory.mktemp("rio-classes")
    result = subprocess.run(["javac", "-d", str(classes), "-cp", classpath, str(RIO_COUNT)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return f"{classes}:{classpath}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`cadregraph build --out DIR --format …` of the bundled seeds, and the broken files."""
    out = tmp_path_factory.mktemp("java-build") / "out"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--format", FORMATS])
    assert result.exit_code == 0, result.output
    for name, (text, _) in BROKEN.items():
        (out.parent / name).write_text(text, "utf-8")
    return out


@pytest.fixture(scope="module")
def tdb(jena, built, tmp_path_factory) -> dict[str, Path]:
    """A TDB2 database per file, each loaded by Jena's bulk loader as docs/loading.md says."""
    databases = {name: tmp_path_factory.mktemp("tdb2") / "DB" for name in ("graph.nq", "graph.trig")}
    loads = parallel([lambda n=name, db=db: java(jena, "tdb2.tdbloader", "--loc", db, built / n)
                      for name, db in databases.items()])
    for result in loads:
        assert result.returncode == 0, result.stderr[-3000:]
    return databases


@pytest.fixture(scope="module")
def tdb_answers(jena, tdb) -> dict[tuple[str, str], list[dict[str, str]]]:
    """Every `tdb2.tdbquery` of these tests, run WORKERS at a time: (file, query) → rows. TDB2
    gives a database to one process at a time, so each running query has its own copy."""
    questions = ROOT / "graph" / "queries"
    queries = {("graph.nq", q): [*UNION, "--query", questions / f"{q}.rq"] for q in DESIGN_QUESTIONS}
    queries |= {("graph.nq", "union"): [UNION_COUNT], ("graph.nq", "graphs"): [GRAPH_COUNTS],
                ("graph.trig", "graphs"): [GRAPH_COUNTS]}
    copies: dict[str, Queue] = {}
    for name, db in tdb.items():
        copies[name] = Queue()
        for i in range(WORKERS):
            copy = db.parent / f"copy-{i}"
            shutil.copytree(db, copy, ignore=shutil.ignore_patterns("tdb.lock"))  # the loader's lock
            copies[name].put(copy)

    def run(file: str, args: list) -> list[dict[str, str]]:
        db = copies[file].get()
        try:
            return tdbquery(jena, db, *args)
        finally:
            copies[file].put(db)

    return dict(zip(queries, parallel([lambda k=key, a=args: run(k[0], a) for key, args in queries.items()])))


def tdbquery(jena: str, db: Path, *args) -> list[dict[str, str]]:
    result = java(jena, "tdb2.tdbquery", "--loc", db, "--results=json", *args)
    assert result.returncode == 0, result.stderr[-3000:]
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig"])
def test_tdb2_loader_keeps_every_quad_in_its_named_graph(tdb_answers, built, seeds_graph, name):
    there = {row.get("g"): int(row["n"]) for row in tdb_answers[name, "graphs"]}
    # In process (Oxigraph) the default graph is the union of the named graphs: only those compare.
    here = {row["g"]: int(row["n"]) for row in run_sparql(load_store(built / "graph.nq"), GRAPH_COUNTS).rows
            if row["g"] is not None}
    assert None not in there, "TDB2's default graph should be empty"
    assert there == here
    assert SHARED in there and len(there) == 6 and sum(there.values()) == len(seeds_graph)


def test_tdb2_union_graph_holds_every_triple(tdb_answers, seeds_graph):
    assert int(tdb_answers["graph.nq", "union"][0]["n"]) == len(seeds_graph)


@pytest.mark.parametrize("name", DESIGN_QUESTIONS)
def test_tdb2_answers_the_design_questions_as_in_process(tdb_answers, seeds_graph, name):
    there = tdb_answers["graph.nq", name]
    here = [{k: v for k, v in row.items() if v is not None} for row in run_query(seeds_graph, name).rows]
    assert here, f"{name}: no answer in process"
    assert len(there) == len(here)
    assert as_set(there) == as_set(here)


def riot_results(stderr: str) -> dict[str, tuple[int | None, list[str]]]:
    """Jena's `riot --count` log → file name: (statements counted, error messages). Each file
    ends with a line 'file:///… : Triples = N' (no count after some errors), after its errors."""
    results: dict[str, tuple[int | None, list[str]]] = {}
    errors: list[str] = []
    for line in stderr.splitlines():
        if " ERROR " in line:
            errors.append(line.split(" - ", 1)[-1])
        elif m := regex.match(r"(?P<url>file:\S+)(?: : (?:Triples|Quads) = (?P<n>[\d,]+))?$", line):
            name = Path(unquote(urlparse(m["url"]).path)).name
            results[name] = (int(m["n"].replace(",", "")) if m["n"] else None, errors)
            errors = []
    return results


@pytest.fixture(scope="module")
def riot(jena, built) -> dict[str, tuple[int | None, list[str]]]:
    """`riot --count` over every file → file name: (statements, errors).
    Debian's Jena 4.5 reads JSON-LD 1.1 (Titanium) only with a JSON-P provider Debian does not
    package; its JSON-LD 1.0 reader (jsonld-java, the one RDF4J uses too) is run instead."""
    files = [built / f for f in FILES if f != "graph.jsonld"] + [built.parent / n for n in BROKEN]
    most, jsonld = parallel([lambda: java(jena, "riotcmd.riot", "--count", *files),
                             lambda: java(jena, "riotcmd.riot", "--count", "--syntax=jsonld10", built / "graph.jsonld")])
    assert most.returncode == 1, most.stderr[-3000:]   # the broken files
    assert jsonld.returncode == 0, jsonld.stderr[-3000:]
    return riot_results(most.stderr) | riot_results(jsonld.stderr)


@pytest.fixture(scope="module")
def rio(rdf4j, built) -> dict[str, int | str]:
    """tests/java/RioCount → file name: statements counted, or Rio's error message."""
    result = java(rdf4j, "RioCount", *[built / f for f in FILES], *[built.parent / n for n in BROKEN])
    assert result.returncode == 1, result.stdout + result.stderr   # the broken files
    results: dict[str, int | str] = {}
    for line in result.stdout.splitlines():
        first, file, *message = line.split("\t")
        results[Path(file).name] = f"error: {message[0]}" if first == "error" else int(first)
    return results


@pytest.mark.parametrize("name", FILES)
def test_jena_riot_counts_every_statement(riot, built, seeds_graph, name):
    count, errors = riot[name]
    assert errors == []
    assert count == len(load_quads(built / name)) == len(seeds_graph)


@pytest.mark.parametrize("name", FILES)
def test_rdf4j_rio_counts_every_statement(rio, built, seeds_graph, name):
    assert rio[name] == len(load_quads(built / name)) == len(seeds_graph)


@pytest.mark.parametrize("name", sorted(n for n, (_, tools) in BROKEN.items() if "jena" in tools))
def test_jena_riot_rejects_broken_files(riot, name):
    assert riot[name][1], f"riot accepted {name}"


@pytest.mark.parametrize("name", sorted(n for n, (_, tools) in BROKEN.items() if "rio" in tools))
def test_rdf4j_rio_rejects_broken_files(rio, name):
    assert str(rio[name]).startswith("error: "), f"Rio accepted {name}: {rio[name]}"
