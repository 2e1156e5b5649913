"""newsgraph's errors: one base class, one subclass per stage, numbered codes.

Every error names the input it is about (``source``) and says what to do. Third-party
exceptions are translated into these at the boundary of the stage that met them, so a caller
only ever catches ``NewsgraphError``. The codes are stable and listed in docs/errors.md.

    E1xx  reading a source (missing, unreadable, too large, empty, binary, bad gzip)
    E2xx  extracting an article (no usable text)
    E3xx  annotating (the NLP model, the knowledge base)
    E4xx  storing and querying (database URL, migrations)
    E5xx  usage (bad option values, bad JSONL lines)
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        if code:
            self.code = code

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class SourceError(NewsgraphError):
    """An input could not be read."""

    code = "E100"


class SourceNotFound(SourceError):
    code = "E101"


class SourceUnreadable(SourceError):
    code = "E102"


class SourceTooLarge(SourceError):
    code = "E103"


class SourceEmpty(SourceError):
    code = "E104"


class SourceBinary(SourceError):
    code = "E105"


class SourceCorrupt(SourceError):
    """Truncated or invalid compression."""

    code = "E106"


class ExtractError(NewsgraphError):
    """A page was read but holds no usable article."""

    code = "E200"


class NoContent(ExtractError):
    code = "E201"


class AnnotateError(NewsgraphError):
    code = "E300"


class ModelNotInstalled(AnnotateError):
    code = "E301"


class KnowledgeBaseError(AnnotateError):
    """A knowledge-base file has a bad row; the message names file and line."""

    code = "E302"


class StoreError(NewsgraphError):
    code = "E400"


class UsageError(NewsgraphError):
    code = "E500"
