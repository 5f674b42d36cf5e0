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
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--force", is_flag=True, help="Write into an output folder that holds files cadregraph did not write.")
def build(paths, out_dir, base, identity_file, strict, force):
    """Read PATHS (files or folders; default: the bundled seeds), extract, and write
    OUT/graph.ttl and OUT/view.html."""
    from cadregraph.outputs.build_outputs import OutputFolderError, run_build

    try:
        summary = run_build(list(paths), out_dir, base=base, identity_file=identity_file, strict=strict, force=force)
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


def _describe(item) -> str:
    if isinstance(item, tuple):
        parts = [p for p in item if not isinstance(p, dict) or p]
        return " | ".join(_describe(p) for p in parts[:2])
    if isinstance(item, dict):
        keys = [k for k in ("person", "post", "role", "district", "organization", "org", "text", "metric",
                            "value", "name", "user", "document") if k in item]
        return ", ".join(f"{k}={item[k]}" for k in keys)
    return str(item)


if __name__ == "__main__":
    main()
