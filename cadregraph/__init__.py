"""cadregraph: officials, posts, districts, figures and slogans from Chinese government news,
as one RDF graph."""

__version__ = "0.1.0"
