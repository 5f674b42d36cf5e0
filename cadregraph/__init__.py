"""cadregraph: officials, posts, districts, figures and slogans from Chinese government news,
as one RDF graph.

The notebook API (`cadregraph.api`) is re-exported here and imported only on first use, so
`import cadregraph` stays cheap and does nothing else:

    import cadregraph
    g = cadregraph.build_graph(["reports/"])
    rows = cadregraph.table(g, "careers")          # typed rows, for pandas.DataFrame(rows)
"""

__version__ = "0.1.0"

_API = ("build_graph", "load_graph", "table", "query", "to_networkx", "write_network", "render_view")
__all__ = ["__version__", "CadregraphError", *_API]


def __getattr__(name: str):
    if name in _API:
        from cadregraph import api

        return getattr(api, name)
    if name == "CadregraphError":
        from cadregraph.errors import CadregraphError

        return CadregraphError
    raise AttributeError(f"module 'cadregraph' has no attribute {name!r}")
