"""What every command shares: errors as one line on stderr (`cadregraph: error: …`, never a
traceback for a mistake the user can fix), the exit codes, help sections computed when help is
shown (the tables, the questions), and writing a result to -o or standard output."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TABLE_FORMATS = ("csv", "jsonl", "json")
NETWORK_FORMATS = ("gexf", "graphml")
EXIT_CODES = ("Exit status: 0 done; 1 done but something failed — files that could not be read (build), "
              "violations (validate), a push refused, a result with nothing to write to -o; 2 a usage error — a "
              "wrong path, table, question, parameter or option — and nothing was written.")


def fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"cadregraph: error: {message}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"cadregraph: warning: {message}", err=True)


class Group(click.Group):
    """Click's own errors (a missing argument, a bad choice) in the same form as ours, and a
    closed pipe (`cadregraph export … | head`) ends quietly."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            click.echo(f"cadregraph: error: {exc.format_message()}", err=True)
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                click.echo(f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help.", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("cadregraph: aborted", err=True)
            sys.exit(EXIT_FAILED)
        except BrokenPipeError:
            # the reader went away: say nothing more, and keep Python from complaining at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_FAILED)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


class Command(click.Command):
    """`sections`: a function giving [(title, [(term, description)])] for the end of --help,
    called only when help is shown (so listing the questions reads no file at start-up)."""

    def __init__(self, *args, sections: Callable[[], list] | None = None, **kwargs):
        self.sections = sections
        super().__init__(*args, **kwargs)

    def format_epilog(self, ctx, formatter) -> None:
        for title, rows in (self.sections() if self.sections else []):
            with formatter.section(title):
                formatter.write_dl(rows)
        super().format_epilog(ctx, formatter)


def emit(data: bytes, output: Path | None, empty: bool, what: str, source: Path | str | None = None) -> None:
    """`data` to `output` (atomically: whole or not at all) or to standard output. An empty
    result is never written to a file — it would replace a good one with nothing — but is
    printed (a header, or []) with a warning."""
    from cadregraph.outputs.atomic import write_bytes_atomic

    if output is None:
        if empty:
            warn(f"{what} is empty")
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    if empty:
        fail(f"{what} is empty; nothing written to {output}", EXIT_FAILED)
    if source is not None and Path(source).exists() and output.exists() and output.resolve() == Path(source).resolve():
        fail(f"{output} is the graph being read; write to another file")
    try:
        write_bytes_atomic(output, data)
    except OSError as exc:
        fail(f"{output}: cannot be written: {exc.strerror or exc}")
    click.echo(f"wrote {output} ({what})")


def table_sections() -> list:
    from cadregraph.outputs.tables import TABLES

    return [("Tables (--table; columns and types in docs/tables.md)",
             [(t.name, t.description) for t in TABLES.values()])]


def question_sections() -> list:
    from cadregraph.outputs.queries import named_queries

    rows = []
    for q in named_queries():
        if q.is_question:
            params = " ".join(f"-p {p.name}={p.default}" for p in q.params.values())
            rows.append((q.name, _first_sentence(q.description) + (f" [{params}]" if params else "")))
    return [("Questions (QUESTION; 'cadregraph query' describes each in full)", rows)]


def _first_sentence(text: str) -> str:
    text = text.split(": ", 1)[-1] if text.lower().startswith("design question") else text
    end = text.find("? ")
    return text[: end + 1] if end > 0 else text.split(". ")[0]


def format_of_output(output: Path | None) -> str | None:
    if output is None:
        return None
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in TABLE_FORMATS + NETWORK_FORMATS else None


def graph_and_question(args: tuple[str, ...], store_dir: Path | None) -> tuple[Path | None, str | None]:
    """(graph or store, question or None) from `query`'s arguments."""
    most = 1 if store_dir else 2
    if len(args) > most:
        loose = [a for a in args if "=" in a and " " not in a]
        if loose:
            fail(f"a parameter goes after -p: -p {loose[0]}")
        fail("give GRAPH and QUESTION, or --store DIR and QUESTION (quote SPARQL text as one argument)")
    if store_dir:
        return store_dir, (args[0] if args else None)
    if len(args) == 2:
        return Path(args[0]), args[1]
    if args and not Path(args[0]).exists():
        if _is_question(args[0]):
            fail(f"give GRAPH before the question: cadregraph query OUT {args[0]}")
        from cadregraph.outputs.load import GraphLoadError, resolve_graph_path

        try:
            resolve_graph_path(args[0])
        except GraphLoadError as exc:
            fail(str(exc))
    return (Path(args[0]) if args else None), None


def _is_question(spec: str) -> bool:
    from cadregraph.outputs.queries import QueryError, find_query

    try:
        find_query(spec)
    except QueryError:
        return False
    return True
