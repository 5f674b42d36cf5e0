"""The streaming build's map step: every document, on its own, read → extracted → written as
its shard (gzipped N-Quads, graph/shard.py) by whichever process handles it; only the
document's compact rows travel back to the parent, which puts them into the corpus table.

Engines: one process, a pool of forked processes on this machine (`workers`), or a Dask
distributed cluster (`scheduler`, an address such as tcp://host:8786; the workers must see the
shard folder at the same path). Outcomes come back in the order of the files whatever the
engine, and a shard is a pure function of its document, so every engine writes the same bytes.
"""
from __future__ import annotations

import gzip
import multiprocessing
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from cadregraph.documents import Document, DocumentError, read_document
from cadregraph.graph.iris import Iris, digest


@dataclass
class Outcome:
    kind: str                          # ok | skipped | failed
    doc: Document | None               # without its text
    payload: object = None             # ok: (rows, triples); skipped: reason; failed: DocumentError


def shard_name(doc_id: str, sha256: str) -> str:
    """The shard of one version of a document (two files of one name never share a shard)."""
    return f"{digest(doc_id, sha256, length=20)}.nq.gz"


def text_name(doc_id: str, sha256: str) -> str:
    """The text of one version of a document, beside its shard: the document pages of the view
    are made from it, also for documents an `--update` does not read again."""
    return shard_name(doc_id, sha256)[:-len(".nq.gz")] + ".txt.gz"


class ShardTexts:
    """{document identifier: its text}, read from the shard folder one document at a time, so
    the view's document pages never hold the corpus's text at once."""

    def __init__(self, shard_dir: Path, shas: dict[str, str]):
        self.shard_dir, self.shas = shard_dir, shas

    def get(self, doc_id: str, default=None):
        sha = self.shas.get(doc_id)
        path = self.shard_dir / text_name(doc_id, sha) if sha else None
        if path is None or not path.is_file():
            return default
        return gzip.decompress(path.read_bytes()).decode("utf-8")

    def __getitem__(self, doc_id: str) -> str:
        text = self.get(doc_id)
        if text is None:
            raise KeyError(doc_id)
        return text

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self.get(doc_id) is not None


# Shards are written once per document and read back once or twice by the same build: the
# fastest level (about three times level 6's speed, files a third larger) suits them.
GZIP_LEVEL = 1


def write_gzip(path: Path, data: bytes) -> None:
    """Deterministic bytes (no name, no time in the header), written then renamed."""
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_bytes(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    os.rename(tmp, path)      # POSIX rename is atomic too; os.replace is the output folder's


def write_gzip_lines(path: Path, lines: Iterable[str]) -> None:
    """`write_gzip` of the lines joined, without joining them: the same bytes (zlib's gzip
    stream, which `gzip.compress` with mtime 0 writes too, does not depend on how its input
    was cut), a chunk in memory at a time."""
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
    with open(tmp, "wb") as out:
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            if len(chunk) >= 10_000:
                out.write(packer.compress("".join(chunk).encode("utf-8")))
                chunk = []
        out.write(packer.compress("".join(chunk).encode("utf-8")))
        out.write(packer.flush())
    os.rename(tmp, path)


def process_file(path: Path, shard_dir: Path, base: str, skip=None) -> Outcome:
    from cadregraph.graph.shard import write_shard
    from cadregraph.pipeline import extract_document

    doc = None
    try:
        doc = read_document(path)
        reason = skip(doc) if skip else None
        if reason:
            return Outcome("skipped", replace(doc, text=""), reason)
        shard = write_shard(doc, extract_document(doc), Iris(base))
        write_gzip(shard_dir / shard_name(doc.doc_id, doc.sha256), shard.data())
        write_gzip(shard_dir / text_name(doc.doc_id, doc.sha256), doc.text.encode("utf-8"))
        return Outcome("ok", replace(doc, text=""), (shard.rows, len(shard.lines)))
    except DocumentError as exc:
        return Outcome("failed", doc and replace(doc, text=""), exc)
    except Exception as exc:  # noqa: BLE001 - one document's bug must not lose the corpus
        return Outcome("failed", doc and replace(doc, text=""),
                       DocumentError(path, f"extraction failed: {type(exc).__name__}: {exc}"))


_job: tuple | None = None


def _init(shard_dir, base, skip) -> None:
    global _job
    _job = (shard_dir, base, skip)


def _pool_task(path: Path) -> Outcome:
    return process_file(path, *_job)


@contextmanager
def outcomes(files: list[Path], shard_dir: Path, base: str, skip: Callable | None = None,
             workers: int = 1, scheduler: str | None = None) -> Iterator[Iterator[Outcome]]:
    if scheduler:
        with _dask_outcomes(files, shard_dir, base, skip, scheduler) as found:
            yield found
        return
    if workers <= 1:
        yield (process_file(p, shard_dir, base, skip) for p in files)
        return
    chunk = max(1, min(16, len(files) // (workers * 8)))
    from cadregraph.pipeline import warm_up

    warm_up()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(shard_dir, base, skip)) as pool:
        yield pool.imap(_pool_task, files, chunksize=chunk)


@contextmanager
def _dask_outcomes(files, shard_dir, base, skip, scheduler: str):
    try:
        from distributed import Client
    except ImportError:
        raise ValueError("--scheduler needs Dask distributed: pip install distributed") from None
    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        yield _dask_map(client, files, shard_dir, base, skip)
    finally:
        if isinstance(scheduler, str):
            client.close()


def _dask_map(client, files, shard_dir, base, skip, window: int = 256):
    """Results in file order, with at most `window` tasks in flight, so the parent never holds
    the rows of the whole corpus at once."""
    batch = 64
    pending = []
    for start in range(0, len(files), batch):
        part = files[start:start + batch]
        pending.append(client.submit(_process_batch, part, shard_dir, base, skip, pure=False))
        if len(pending) * batch >= window:
            yield from pending.pop(0).result()
    for future in pending:
        yield from future.result()


def _process_batch(paths, shard_dir, base, skip) -> list[Outcome]:
    return [process_file(p, shard_dir, base, skip) for p in paths]
