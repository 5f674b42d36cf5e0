"""The streaming build's small pieces that must give the bytes of the plain way they replaced:
the shared graph's lines sorted on disk, and a gzip file written a chunk at a time."""
from __future__ import annotations

import gzip
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from cadregraph.graph.line_set import BUFFER, LineSet
from cadregraph.stream import write_gzip, write_gzip_lines

# N-Triples-like lines: ASCII, CJK, characters beyond the BMP (UTF-16 would order those
# differently from code points; UTF-8 bytes do not), and lines that are prefixes of others
TEXT = st.text(alphabet=st.sampled_from(list('<> "@-.\\abz09') + ["区", "长", "㐀", "𠀀", "\u00e9"]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, max_size=60))
def test_the_line_set_gives_sorted_distinct_lines(lines):
    found = LineSet(sqlite3.connect(":memory:"))
    found.update(lines)
    assert list(found.sorted()) == sorted(set(lines))
    assert len(found) == len(set(lines))


def test_the_line_set_keeps_lines_across_flushes():
    found = LineSet(sqlite3.connect(":memory:"))
    lines = [f"<s{i % (BUFFER + 7)}> <p> <o> " for i in range(2 * BUFFER + 50)]
    for line in lines:
        found.add(line)
    assert list(found.sorted()) == sorted(set(lines))


def test_gzip_written_a_chunk_at_a_time_has_the_bytes_of_gzip_at_once(tmp_path):
    lines = [f'<https://example.org/{i}> <https://example.org/p> "第{i}届"@zh <g> .\n' for i in range(25_013)]
    write_gzip(tmp_path / "once.gz", "".join(lines).encode("utf-8"))
    write_gzip_lines(tmp_path / "chunks.gz", iter(lines))
    assert (tmp_path / "chunks.gz").read_bytes() == (tmp_path / "once.gz").read_bytes()
    assert gzip.decompress((tmp_path / "chunks.gz").read_bytes()).decode("utf-8") == "".join(lines)


def test_a_store_loaded_a_few_lines_at_a_time_holds_what_one_load_gives(tmp_path):
    import io

    import pyoxigraph as ox

    from cadregraph.outputs.stream_outputs import bulk_load_in_chunks

    lines = [f'<https://example.org/id/s{i}> <https://example.org/p> "区长{i}"@zh '
             f"<https://example.org/id/doc/d{i % 7}> .\n" for i in range(500)]
    data = "".join(lines).encode("utf-8")
    whole = ox.Store()
    whole.load(data, format=ox.RdfFormat.N_QUADS)
    chunked = ox.Store(str(tmp_path / "store"))
    calls = []
    real = ox.Store.bulk_load

    class Counting:
        def __init__(self, store):
            self.store = store

        def bulk_load(self, chunk, format):
            assert chunk.endswith(b" .\n")          # whole lines only, never a split character
            calls.append(len(chunk))
            return real(self.store, chunk, format=format)

    bulk_load_in_chunks(Counting(chunked), io.BytesIO(data), chunk_bytes=2_000)
    assert len(calls) > 10 and max(calls) < 2_000 + 200
    assert sorted(map(str, chunked)) == sorted(map(str, whole)) and len(chunked) == 500


def test_the_union_of_the_shards_triples_is_what_dropping_each_quads_graph_gives(tmp_path):
    """Turtle is written from the shards' triples with their graph names cut off as bytes; a
    file that is not one graph throughout (or whose literal ends like a graph name) must still
    give exactly its triples."""
    import pyoxigraph as ox

    from cadregraph.outputs.stream_outputs import union_triples

    def shard(name: str, lines: list[str]) -> object:
        path = tmp_path / f"{name}.nq.gz"
        path.write_bytes(gzip.compress("".join(lines).encode("utf-8")))
        return path

    g1, g2 = "<https://example.org/id/doc/d1>", "<https://example.org/id/doc/d2>"
    one_graph = shard("a", [f'<https://example.org/s{i}> <https://example.org/p> "区长{i} {g1} ." {g1} .\n'
                            for i in range(5)])
    two_graphs = shard("b", [f"<https://example.org/s> <https://example.org/p> <https://example.org/o{i}> "
                             f"{g1 if i % 2 else g2} .\n" for i in range(4)])
    # in the default graph, every line ending with the same object: nothing may be cut
    default_graph = shard("c", [f"<https://example.org/s{i}> <https://example.org/p> <https://example.org/o> .\n"
                                for i in range(3)])
    files = [one_graph, two_graphs, default_graph]
    expected = sorted(str(q.triple) for f in files
                      for q in ox.parse(gzip.decompress(f.read_bytes()), format=ox.RdfFormat.N_QUADS))
    for chunk_bytes in (8_000_000, 100):          # whole files, and a few lines at a time
        union_triples(files, tmp_path / "all.nt", chunk_bytes=chunk_bytes)
        got = sorted(str(t) for t in ox.parse(path=str(tmp_path / "all.nt"), format=ox.RdfFormat.N_TRIPLES))
        assert got == expected and len(got) == 12
    assert all(g1 not in str(t) or "区长" in str(t) for t in got)    # only the literal keeps its text
