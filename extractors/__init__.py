"""Extractors: each module holds one extractor class; `EXTRACTORS` lists the ones a build runs.

To add an extractor: write one module with a subclass of `base.Extractor` (a table of named
patterns and `facts_from_match`), add it to `EXTRACTORS`, and give it a test file.
"""
from .metrics import MetricsExtractor
from .officials import OfficialsExtractor
from .projects import ProjectsExtractor
from .slogans import SlogansExtractor

EXTRACTORS = (OfficialsExtractor, MetricsExtractor, SlogansExtractor, ProjectsExtractor)

__all__ = ["EXTRACTORS"]
