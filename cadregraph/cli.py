"""The command line: parse arguments, call one library function, turn errors into messages."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from cadregraph.graph.namespaces import DEFAULT_BASE


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"cadregraph: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cadregraph")
def main() -> None:
    """Build a knowledge graph of officials, posts, districts, figures and slogans from
    Chinese government news, and query, export and view it."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for graph.ttl and view.html.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for the graph's resources.")
@click.option("--identity-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Overrides for who is who: lines 'merge A B' or 'apart NAME DOC DOC…'.")
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


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
@click.option("--table", "table_name", required=True, help="Which table: holdings, …")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
def export(graph_path, table_name, fmt, output):
    """Export a table from GRAPH (a graph.ttl, or the folder holding it)."""
    from cadregraph.outputs.atomic import write_text_atomic
    from cadregraph.outputs.load import GraphLoadError, load_graph
    from cadregraph.outputs.tables import TABLES, render, table_rows

    if table_name not in TABLES:
        _fail(f"unknown table {table_name!r}; choose from {', '.join(sorted(TABLES))}")
    try:
        g = load_graph(graph_path)
    except GraphLoadError as exc:
        _fail(str(exc))
    text = render(table_rows(g, table_name), TABLES[table_name].columns, fmt)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold JSON files, one per document (same stem).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--show-misses/--no-show-misses", default=True, show_default=True)
def evaluate(gold_dir, paths, show_misses):
    """Score extraction on PATHS (default: the bundled seeds) against gold annotations."""
    from cadregraph.evaluation import evaluate_graph
    from cadregraph.pipeline import build_graph, bundled_seeds, extract_corpus

    corpus = extract_corpus(list(paths) or [bundled_seeds()])
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
@click.argument("source", type=click.Path(exists=True, path_type=Path))
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
    write_bytes_atomic(target, data)
    click.echo(f"wrote {target} ({target_format.name}, {triples} triples)")


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
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
@click.argument("graph_path", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
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
        result = push_quads(load_quads(graph_path), endpoint, graph=graph_iri, credentials=credentials,
                            timeout=timeout, append=append)
    except (GraphLoadError, PushError) as exc:
        _fail(str(exc), code=1)
    click.echo(result.text())


@main.command()
@click.argument("args", nargs=-1, metavar="[GRAPH] [QUERY]")
@click.option("--store", "store_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Query the Oxigraph store written by 'build --store' instead of a GRAPH file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Set a parameter of a named query, e.g. --param person=石强 (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json", "jsonl"]), default="text", show_default=True)
def query(args, store_dir, params, fmt):
    """Run QUERY over GRAPH (file or build folder) or over --store DIR and print a table. QUERY
    is a named query (q1_person_posts, or just q1; the design questions are q1…q8), a .rq file,
    or SPARQL text. Without QUERY, list the named queries and their parameters."""
    from cadregraph.graph.store import StoreError
    from cadregraph.outputs.load import GraphLoadError
    from cadregraph.outputs.queries import QueryError, describe_queries, load_store, parse_params, render, run_query

    graph_args = 0 if store_dir else 1
    if len(args) == graph_args or not args:
        click.echo(describe_queries(), nl=False)
        return
    if len(args) != graph_args + 1:
        _fail("give GRAPH and QUERY, or --store DIR and QUERY")
    try:
        values = parse_params(params)
        result = run_query(load_store(store_dir or args[0]), args[-1], values)
    except (GraphLoadError, StoreError, QueryError, OSError) as exc:
        _fail(str(exc))
    click.echo(render(result, fmt), nl=False)


@main.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(exists=True, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1),
              help="How many slogans, units and pairs each ranking shows.")
def report(graph_path, output, top):
    """Analyse GRAPH (a graph file or build folder) with networkx and print a Markdown report:
    how slogans travel between units, the most central slogans and units, officials who moved
    and the slogans of the units they led, and every official's career."""
    from cadregraph.graph.analysis import analyse
    from cadregraph.outputs.atomic import write_text_atomic
    from cadregraph.outputs.load import GraphLoadError, load_graph
    from cadregraph.outputs.report import render_report

    try:
        g = load_graph(graph_path)
    except GraphLoadError as exc:
        _fail(str(exc))
    text = render_report(analyse(g, top=top), source=str(graph_path), top=top)
    if output:
        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False)

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
