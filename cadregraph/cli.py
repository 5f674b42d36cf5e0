"""The command line: parse arguments, call one library function, turn errors into messages
(`cadregraph: error: …` on stderr, exit status 2 for usage errors, 1 when some work failed)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from cadregraph.cli_support import (EXIT_CODES, NETWORK_FORMATS, TABLE_FORMATS, Command, Group, emit,
                                    fail as _fail, format_of_output, graph_and_question, question_sections,
                                    table_sections)
from cadregraph.errors import CadregraphError
from cadregraph.graph.namespaces import DEFAULT_BASE



@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(package_name="cadregraph")
def main() -> None:
    """Build a knowledge graph of officials, posts, districts, figures and slogans from
    Chinese government news, and query, export and view it. GRAPH in every command is a graph
    file (graph.ttl, graph.nq …), the folder 'build --out' wrote, or a 'build --store' folder."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for graph.ttl and view.html.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for the graph's resources.")
@click.option("--identity-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Overrides for who is who: lines 'merge A B', 'apart A B' (names, or NAME@DOC) or "
                   "'apart NAME DOC DOC…'; 'cadregraph identity OUT' lists what they can overrule.")
@click.option("--strict", is_flag=True, help="Stop at the first file that fails, and write nothing.")
@click.option("--force", is_flag=True, help="Write into an output folder that holds files cadregraph did not write.")
@click.option("--update", is_flag=True,
              help="Add PATHS to the documents already built into OUT: unchanged documents are kept, "
                   "changed ones replace their own facts, new ones are added.")
@click.option("--format", "formats", multiple=True, default=("turtle",), show_default=True, metavar="FORMAT",
              help="Graph file(s) to write, repeat or comma-separate: turtle (graph.ttl), ntriples (graph.nt), "
                   "trig (graph.trig), nquads (graph.nq) — these two with one named graph per document — "
                   "and jsonld (graph.jsonld).")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write the graph into an Oxigraph database in this folder (for big graphs; "
                   "query it with 'cadregraph query --store').")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Processes that read and extract documents in parallel; default: one per CPU for "
                   "40 documents or more. The graph is the same for any N.")
def build(paths, out_dir, base, identity_file, strict, force, formats, store_dir, update, workers):
    """Read PATHS (files or folders; default: the bundled seeds), extract, and write
    OUT/graph.ttl (or the --format files) and OUT/view.html. A file that fails is reported at
    the end and the exit status is 1; the other files are built."""
    from cadregraph.outputs.build_outputs import OutputFolderError, run_build

    formats = [f.strip() for item in formats for f in item.split(",") if f.strip()]
    try:
        summary = run_build(list(paths), out_dir, base=base, identity_file=identity_file, strict=strict, force=force,
                            formats=formats, store=store_dir, update=update, workers=workers)
    except (OutputFolderError, ValueError) as exc:
        _fail(str(exc))
    click.echo(summary.text())
    if summary.failures:
        sys.exit(1)


@main.command(cls=Command, sections=table_sections)
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--table", "table_name", metavar="TABLE",
              help="The table to export: holdings, careers, metrics, slogans, slogan_spread or projects (listed below); "
                   "needed for csv, jsonl and json.")
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS + NETWORK_FORMATS),
              help="csv (flat: lists joined with '; '), jsonl or json (typed: numbers, true/false, null, lists) "
                   "for a table; gexf (Gephi) or graphml for the network of people, posts, organizations and "
                   "districts, with tenure dates.  [default: from -o's extension, else csv]")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically; never an empty result) instead of standard output.")
def export(graph_path, table_name, fmt, output):
    """Export a table, or the people–posts network, from GRAPH."""
    from cadregraph.outputs.network import network_bytes, people_network
    from cadregraph.outputs.queries import load_store
    from cadregraph.outputs.tables import get_table, render, typed_rows

    fmt = fmt or format_of_output(output) or "csv"
    if fmt in NETWORK_FORMATS and table_name:
        _fail(f"--table does not apply to --format {fmt}: the network holds people, posts, organizations and "
              "districts; drop --table, or choose --format csv, jsonl or json")
    if fmt in TABLE_FORMATS and not table_name:
        _fail("which table? add --table NAME: " + ", ".join(row[0] for row in table_sections()[0][1])
              + " ('cadregraph export --help' describes them)")
    try:
        table = get_table(table_name) if table_name else None
        store = load_store(graph_path)
        if table:
            rows = typed_rows(store, table.name)
            data, what, count = render(rows, table.columns, fmt).encode("utf-8"), f"table {table.name}", len(rows)
        else:
            network = people_network(store)
            data, what, count = network_bytes(network, fmt), "network", network.number_of_nodes()
    except CadregraphError as exc:
        _fail(str(exc))
    size = f"{count} {'rows' if table else 'nodes'}"
    emit(data, output, empty=not count, what=f"{what}, {size}" if count else f"{what} of {graph_path}", source=graph_path)


@main.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold JSON files, one per document (same stem).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--show-misses/--no-show-misses", default=True, show_default=True,
              help="List each missed and each spurious fact under its score.")
def evaluate(gold_dir, paths, show_misses):
    """Score extraction on PATHS (default: the bundled seeds) against gold annotations."""
    from cadregraph.evaluation import evaluate_graph
    from cadregraph.pipeline import build_graph, bundled_seeds, extract_corpus

    try:
        corpus = extract_corpus(list(paths) or [bundled_seeds()])
    except CadregraphError as exc:
        _fail(str(exc))
    for failure in corpus.failures:
        click.echo(f"failed: {failure}", err=True)
    try:
        result = evaluate_graph(build_graph(corpus), gold_dir)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    if not result.documents_scored:
        _fail(f"no gold file in {gold_dir} matches a built document")
    click.echo(f"documents scored: {', '.join(result.documents_scored)}")
    for score in result.scores:
        click.echo(score.summary())
        if show_misses:
            for item in score.false_negatives:
                click.echo(f"  missed:   {_describe(item)}")
            for item in score.false_positives:
                click.echo(f"  spurious: {_describe(item)}")


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", metavar="FORMAT",
              help="turtle, ntriples, trig, nquads or jsonld; default: from TARGET's extension.")
def convert(source, target, fmt):
    """Rewrite a graph (file, build folder or store) as TARGET in another RDF format. TriG and
    N-Quads get one named graph per document."""
    from cadregraph.graph.formats import FormatError, convert as convert_quads, format_of_path, get_format
    from cadregraph.outputs.atomic import write_bytes_atomic
    from cadregraph.outputs.load import GraphLoadError, load_quads

    try:
        target_format = get_format(fmt) if fmt else format_of_path(target)
        data, triples = convert_quads(load_quads(source), target_format)
    except (GraphLoadError, FormatError) as exc:
        _fail(str(exc))
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        _fail(f"{target}: cannot be written: {exc.strerror or exc}")
    click.echo(f"wrote {target} ({target_format.name}, {triples} triples)")


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of the bundled ontology/shapes.ttl.")
def validate(graph_path, shapes):
    """Check GRAPH against the SHACL shapes (pySHACL) and list every violation; exit 1 if any."""
    from cadregraph.graph.formats import FormatError, read_graph
    from cadregraph.graph.validate import validate as run_validation
    from cadregraph.outputs.load import GraphLoadError, load_graph

    try:
        g = load_graph(graph_path)
        shapes_graph = read_graph(shapes) if shapes else None
    except (GraphLoadError, FormatError) as exc:
        _fail(str(exc))
    report = run_validation(g, shapes_graph)
    click.echo(report.text())
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The SPARQL 1.1 Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth "
                   "(Virtuoso), http://127.0.0.1:7878/store (Oxigraph), http://127.0.0.1:3030/DS/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Put everything into this one named graph; default: one graph per document plus a shared graph.")
@click.option("--user", help="User name for HTTP authentication.")
@click.option("--password-env", default="CADREGRAPH_PASSWORD", show_default=True, metavar="VAR",
              help="Environment variable holding the password (never given on the command line).")
@click.option("--auth", "scheme", type=click.Choice(["auto", "digest", "basic"]), default="auto", show_default=True,
              help="HTTP authentication scheme; auto answers the server's challenge (Virtuoso asks for digest).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for each answer.")
@click.option("--append", is_flag=True, help="Add to the graphs (HTTP POST) instead of replacing them (PUT).")
def push(graph_path, endpoint, graph_iri, user, password_env, scheme, timeout, append):
    """Send GRAPH (file, build folder or store) to a graph database over the SPARQL 1.1 Graph
    Store HTTP Protocol, replacing the graphs it writes."""
    import os

    from cadregraph.outputs.load import GraphLoadError, load_quads
    from cadregraph.outputs.push import Credentials, PushError, push as push_quads

    credentials = None
    if user:
        password = os.environ.get(password_env)
        if password is None:
            _fail(f"--user {user} given but ${password_env} is not set; put the password in that variable")
        credentials = Credentials(user, password, scheme)
    try:
        quads = load_quads(graph_path)
    except GraphLoadError as exc:
        _fail(str(exc))
    try:
        result = push_quads(quads, endpoint, graph=graph_iri, credentials=credentials, timeout=timeout, append=append)
    except PushError as exc:
        _fail(str(exc), code=1)
    click.echo(result.text())


@main.command(cls=Command, sections=question_sections)
@click.argument("args", nargs=-1, metavar="[GRAPH] [QUESTION]")
@click.option("--store", "store_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Query the Oxigraph store written by 'build --store' instead of a GRAPH file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Set a parameter of the question, e.g. -p person=石强 (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json", "jsonl"]),
              help="text: aligned columns; csv: flat, with a header; json, jsonl: typed values (numbers, "
                   "true/false, null).  [default: from -o's extension, else text]")
@click.option("--all", "show_all", is_flag=True, help="With no QUESTION: list the internal queries too.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically; never an empty answer) instead of standard output.")
def query(args, store_dir, params, fmt, show_all, output):
    """Answer QUESTION over GRAPH (or --store DIR) and print a table. QUESTION is a named
    question (q1_person_posts, or just q1), a .rq file, or SPARQL text. Without QUESTION, describe
    the questions and their parameters. A name the graph does not know is an error that lists the
    nearest names it does know."""
    from cadregraph.outputs.queries import describe_queries, find_query, load_store, parse_params, render, run_query

    graph, spec = graph_and_question(args, store_dir)
    fmt = fmt or (format_of_output(output) if format_of_output(output) in TABLE_FORMATS else None) or "text"
    if spec is None:
        if params:
            _fail("--param needs a QUESTION: cadregraph query GRAPH q1 -p person=…")
        click.echo(describe_queries(include_internal=show_all), nl=False)
        return
    try:
        find_query(spec)        # an unknown question is said before a big graph is loaded
        result = run_query(load_store(graph), spec, parse_params(params))
    except (CadregraphError, OSError) as exc:
        _fail(str(exc))
    emit(render(result, fmt).encode("utf-8"), output, empty=not result.rows,
         what=f"answer, {len(result.rows)} rows" if result.rows else "answer", source=graph)


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically) instead of standard output.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1),
              help="How many slogans, units and pairs each ranking shows.")
def report(graph_path, output, top):
    """Analyse GRAPH (a graph file or build folder) with networkx and print a Markdown report:
    how slogans travel between units, the most central slogans and units, officials who moved
    and the slogans of the units they led, and every official's career."""
    from cadregraph.graph.analysis import analyse
    from cadregraph.outputs.load import load_graph
    from cadregraph.outputs.report import render_report

    try:
        g = load_graph(graph_path)
    except CadregraphError as exc:
        _fail(str(exc))
    text = render_report(analyse(g, top=top), source=str(graph_path), top=top)
    emit(text.encode("utf-8"), output, empty=False, what="report", source=graph_path)


@main.command()
@click.argument("graph_path", metavar="OUT", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one block per decision, for reading; json: the same, typed, for tools.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically) instead of standard output.")
def identity(graph_path, fmt, output):
    """List who-is-who decisions in OUT (a build folder, graph file or store): every merge of
    spellings or places into one person and every near-miss kept apart, with the documents,
    posts, dates and quotes each rests on. Overrule any with 'build --identity-file'."""
    from cadregraph.outputs.identity_listing import identity_decisions, render_json, render_text
    from cadregraph.outputs.queries import load_store

    try:
        decisions = identity_decisions(load_store(graph_path))
    except CadregraphError as exc:
        _fail(str(exc))
    text = render_json(decisions) if fmt == "json" else render_text(decisions, source=str(graph_path))
    emit(text.encode("utf-8"), output, empty=not decisions, what="identity decisions", source=graph_path)


@main.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(exists=True, path_type=Path))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the loopback address keeps the graph on this machine.")
@click.option("--timeout", "time_limit", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Query processes, each holding the graph (a graph file is loaded into memory once per process).")
@click.option("--max-rows", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Rows the query page shows (downloads and /sparql give all).")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Let web pages from ORIGIN (or '*') query /sparql from the browser (CORS), e.g. a YASGUI page.")
def serve(out_dir, port, host, time_limit, workers, max_rows, allow_origins):
    """Serve OUT (a build folder, graph file or store) as a local web app: the view, a query
    page with the named questions, and a read-only SPARQL 1.1 endpoint at /sparql."""
    from cadregraph.outputs.serve import ServeError, serve as run_server

    try:
        run_server(out_dir, host=host, port=port, time_limit=time_limit, workers=workers, max_rows=max_rows,
                   allow_origins=allow_origins, echo=lambda text: click.echo(text, err=False))
    except ServeError as exc:
        _fail(str(exc))


def _describe(item) -> str:
    if isinstance(item, tuple):
        parts = [p for p in item if not isinstance(p, dict) or p]
        return " | ".join(_describe(p) for p in parts[:2])
    if isinstance(item, dict):
        keys = [k for k in ("person", "post", "role", "district", "organization", "org", "text", "slogan", "kind",
                            "project", "metric", "value", "name", "user", "document") if k in item]
        return ", ".join(f"{k}={item[k]}" for k in keys)
    return str(item)


if __name__ == "__main__":
    main()
