"""wirediff's engine: load versions of a story, align their sentences, mark what changed.

Nothing here imports Textual; the terminal app in ``wirediff.tui`` only presents these results.
"""

from .align import TermWeights
from .collation import collate
from .errors import WirediffError
from .load import document_from_text, load_document, load_documents
from .model import (
    Collation,
    Comparison,
    CopiedFrom,
    Document,
    Edit,
    Flag,
    Kind,
    Link,
    Role,
    Sentence,
)
from .settings import DEFAULT_SETTINGS, AlignSettings

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_SETTINGS",
    "AlignSettings",
    "Collation",
    "Comparison",
    "CopiedFrom",
    "Document",
    "Edit",
    "Flag",
    "Kind",
    "Link",
    "Role",
    "Sentence",
    "TermWeights",
    "WirediffError",
    "__version__",
    "collate",
    "document_from_text",
    "load_document",
    "load_documents",
]
