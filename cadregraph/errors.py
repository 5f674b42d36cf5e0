"""The one base class of the errors a user can cause: a path that does not exist, a corpus with
no documents, an unknown table, question or parameter, a graph file that cannot be read.

Each message names the thing and says what to do; the command line prints it as
`cadregraph: error: …` with exit status 2 and never a traceback, and the Python API raises it.
A ValueError, so code that caught ValueError before keeps working.
"""
from __future__ import annotations


class CadregraphError(ValueError):
    """Something the user gave cannot be used; the message says what and how to fix it."""
