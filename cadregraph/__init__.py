"""cadregraph: officials, posts, districts, figures and slogans from Chinese government news,
as one RDF graph.

The notebook API (`cadregraph.api`) is re-exported here and imported only on first use, so
`import cadregraph` stays cheap and does nothing else:

    import cadregraph
    g = cadregraph.build_graph(["reports/"])
"""

__version__ = "0.1.0"

_API = ("build_graph", "load_graph", "to_networkx", "render_view", "query")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from cadregraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'cadregraph' has no attribute {name!r}")
