"""Reading sources: files and directories (recursive), HTML plain or gzipped, text captures.

``find_documents`` lists what a set of paths holds (so a caller can show progress against a
total); ``iter_documents`` reads it, yielding one ``RawDocument`` per readable file, or the
``SourceError`` that says why a path could not be read, in input order, so a batch can go on
past a bad input. Nothing here stops a batch: every problem becomes an error naming its path.
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from newsgraph.errors import (SourceCorrupt, SourceEmpty, SourceError, SourceNotFound,
                              SourceTooLarge, SourceUnreadable, UsageError)
from newsgraph.model import RawDocument

__all__ = ["SourceOptions", "find_documents", "iter_documents", "read_file",
           "DEFAULT_MAX_BYTES", "MAX_BYTES_ENV"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "NEWSGRAPH_MAX_BYTES"
# File suffixes read when walking a directory; a file named explicitly is read whatever its name.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".md", ".markdown", ".text")
_CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
                  ".txt": "text/plain", ".text": "text/plain",
                  ".md": "text/markdown", ".markdown": "text/markdown"}
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SourceOptions:
    """``max_bytes`` caps a document's size, after decompression (NEWSGRAPH_MAX_BYTES)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    recursive: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise UsageError(f"the size limit must be a positive number of bytes, "
                             f"not {self.max_bytes!r}")

    @classmethod
    def from_env(cls, max_bytes: int | None = None, **fields) -> SourceOptions:
        """Options with ``max_bytes`` given, else from NEWSGRAPH_MAX_BYTES, else the default.

        >>> SourceOptions.from_env(1000).max_bytes
        1000
        """
        if max_bytes is None:
            env = os.environ.get(MAX_BYTES_ENV, "").strip()
            if env:
                try:
                    max_bytes = int(env.replace("_", ""))
                except ValueError:
                    raise UsageError(f"{MAX_BYTES_ENV}={env!r} is not a whole number of bytes",
                                     source=MAX_BYTES_ENV) from None
        return cls(max_bytes=max_bytes or DEFAULT_MAX_BYTES, **fields)


def find_documents(paths: Iterable[str | os.PathLike],
                   options: SourceOptions | None = None) -> list[Path | SourceError]:
    """The files ``paths`` name, in order, without reading them; problems as errors.

    Files given by name are kept whatever their suffix; directories are walked (sorted, not
    following symbolic links to directories) for files with a document suffix.
    """
    options = options or SourceOptions()
    found: list[Path | SourceError] = []
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                found.extend(_walk(path, options))
            elif path.exists() or path.is_symlink():
                found.append(path)
            else:
                found.append(SourceNotFound("no such file or directory", source=str(given)))
        except OSError as exc:  # e.g. a parent directory that cannot be searched
            found.append(SourceUnreadable(f"cannot look at this path: {exc.strerror or exc}",
                                          source=str(given)))
    return found


def iter_documents(paths: Iterable[str | os.PathLike],
                   options: SourceOptions | None = None) -> Iterator[RawDocument | SourceError]:
    """Every document under ``paths``, in order: files as given, directories walked sorted."""
    options = options or SourceOptions()
    for item in find_documents(paths, options):
        yield item if isinstance(item, SourceError) else _read_or_error(item, options)


def _walk(root: Path, options: SourceOptions) -> Iterator[Path | SourceError]:
    errors: list[OSError] = []
    if options.recursive:
        walker = os.walk(root, onerror=errors.append)
    else:
        try:
            walker = iter([(str(root), [], [p.name for p in root.iterdir() if not p.is_dir()])])
        except OSError as exc:
            errors.append(exc)
            walker = iter(())
    for dirpath, dirnames, filenames in walker:
        yield from _directory_errors(errors, dirpath)
        dirnames.sort()
        for name in sorted(filenames):
            if _is_document_name(name):
                yield Path(dirpath) / name
    # The root itself (or the last directory walked) may have failed to list.
    yield from _directory_errors(errors, str(root))


def _directory_errors(errors: list[OSError], fallback: str) -> Iterator[SourceError]:
    while errors:
        err = errors.pop(0)
        yield SourceUnreadable(f"cannot list this directory: {err.strerror or err}",
                               source=str(err.filename or fallback))


def _is_document_name(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return not name.startswith(".") and lower.endswith(DOCUMENT_SUFFIXES)


def _read_or_error(path: Path, options: SourceOptions) -> RawDocument | SourceError:
    try:
        return read_file(path, options)
    except SourceError as exc:
        return exc


def read_file(path: str | os.PathLike, options: SourceOptions | None = None) -> RawDocument:
    """One file as a RawDocument; gzip is undone here, with the size cap applied after it.

    Raises a ``SourceError`` subclass naming the file: missing (E101), unreadable or not a
    regular file (E102), too large (E103), empty (E104), corrupt gzip (E106).
    """
    options = options or SourceOptions()
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceUnreadable("is a directory", source=source)
        if not stat.S_ISREG(info.st_mode):
            # A pipe or device would block or never end; only regular files are documents.
            raise SourceUnreadable("not a regular file (a pipe, socket or device)", source=source)
        if info.st_size > options.max_bytes:
            raise SourceTooLarge(_too_large(info.st_size, options.max_bytes), source=source)
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except FileNotFoundError:
        what = "broken symbolic link" if path.is_symlink() else "no such file"
        raise SourceNotFound(what, source=source) from None
    except IsADirectoryError:
        raise SourceUnreadable("is a directory", source=source) from None
    except PermissionError:
        raise SourceUnreadable("permission denied: cannot read this file", source=source) from None
    except OSError as exc:
        raise SourceUnreadable(f"cannot read: {exc.strerror or exc}", source=source) from None
    if len(data) > options.max_bytes:
        raise SourceTooLarge(_too_large(len(data), options.max_bytes), source=source)
    name = path.name.lower()
    if data[:2] == _GZIP_MAGIC:
        data = gunzip(data, source=source, max_bytes=options.max_bytes)
        name = name[:-3] if name.endswith(".gz") else name
    if not data.strip():
        raise SourceEmpty("the file is empty (nothing but whitespace)", source=source)
    fetched = datetime.fromtimestamp(info.st_mtime, tz=timezone.utc).isoformat(timespec="seconds")
    return RawDocument(source=source, data=data, fetched_at=fetched,
                       content_type=_CONTENT_TYPES.get(Path(name).suffix))


def gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` (every member of it), refusing more than ``max_bytes`` of output.

    The limit is applied while decompressing, so a small file that expands to gigabytes is
    stopped early. Raises ``SourceCorrupt`` for truncated or invalid data.
    """
    out = bytearray()
    rest = data
    while rest:
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out += decompressor.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise SourceCorrupt(f"not valid gzip data ({exc}); re-download the file",
                                source=source) from None
        if len(out) > max_bytes or decompressor.unconsumed_tail:
            raise SourceTooLarge(_too_large(len(out), max_bytes, "decompressed"), source=source)
        if not decompressor.eof:
            raise SourceCorrupt("the gzip file is truncated; re-download the file", source=source)
        rest = decompressor.unused_data
        # Concatenated gzip members are one stream; trailing zero padding is not a member.
        if rest and (rest[:2] != _GZIP_MAGIC):
            if rest.strip(b"\x00"):
                raise SourceCorrupt("unexpected data after the end of the gzip stream; "
                                    "re-download the file", source=source)
            break
    return bytes(out)


def _too_large(size: int, cap: int, what: str = "") -> str:
    # While decompressing, the output stops at the cap, so the true size is unknown.
    amount = (f"decompressed size is over {cap:,} bytes" if what
              else f"size {size:,} bytes is over the limit of {cap:,} bytes")
    return (f"{amount}; raise the limit with --max-bytes or {MAX_BYTES_ENV} "
            f"if this page is genuine")
