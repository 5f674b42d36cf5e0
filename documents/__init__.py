"""Documents: find files, decode them, read their metadata and dates, normalise their text."""
from .model import DocDate, Document, DocumentError
from .reader import CorpusError, find_document_paths, read_document, read_documents

__all__ = ["CorpusError", "DocDate", "Document", "DocumentError", "find_document_paths", "read_document", "read_documents"]
