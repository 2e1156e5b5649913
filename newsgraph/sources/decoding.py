"""Bytes to text: byte-order mark, then the declared charset, then detection.

The encoding used is returned so that it can be recorded on the Article. A declared charset
that does not decode the bytes (a page that says ISO-8859-1 but is UTF-8) is not trusted.
"""

from __future__ import annotations

import codecs
import re

from newsgraph.errors import SourceBinary, SourceEmpty
from newsgraph.model import RawDocument

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Share of control bytes (other than tab, newline, carriage return, form feed, escape) above
# which a document is binary, not text in some encoding.
_BINARY_SHARE = 0.05
# Candidates whose chaos is this close to the best are equally plausible (see _detect_legacy).
_CHAOS_TIE = 0.15


def decode_document(raw: RawDocument) -> tuple[str, str | None]:
    """The document's text and the encoding it was decoded with (None for text given as str)."""
    if raw.text is not None:
        if not raw.text.strip():
            raise SourceEmpty("the text is empty", source=raw.source)
        return raw.text, None
    return decode_bytes(raw.data or b"", source=raw.source, declared=_declared_charset(raw))


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; raise SourceEmpty or SourceBinary with the source's name.

    Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever the page declares: a page
    that says ISO-8859-1 decodes without error under that charset too, but into mojibake.

    >>> decode_bytes("café".encode("utf-8"), source="x", declared="iso-8859-1")
    ('café', 'utf-8')
    """
    if not data.strip():
        raise SourceEmpty("the file is empty", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding.replace("-sig", "")
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    _reject_binary(data, source)
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if declared and _known_codec(declared) and _ascii_compatible(declared):
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except UnicodeDecodeError:
            pass  # the declaration is wrong; detect instead
    if data.isascii():
        return data.decode("ascii"), "utf-8"
    encoding = _detect_legacy(data)
    return data.decode(encoding, errors="replace"), codecs.lookup(encoding).name


def _detect_legacy(data: bytes) -> str:
    """The single-byte encoding of text that is not UTF-8 (its declaration, if any, was wrong).

    charset-normalizer ranks candidates by "chaos"; on a short page several tie or nearly tie,
    and its first pick is often a rare code page. Among the near-best, the Windows code pages
    win (they are what legacy pages use), Windows-1252 first.
    """
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data[:200_000]) if _ascii_compatible(m.encoding)]
    if not matches:
        return "cp1252"
    best = min(m.chaos for m in matches)
    near = [codecs.lookup(m.encoding).name for m in matches if m.chaos <= best + _CHAOS_TIE]
    return min(near, key=lambda name: (name != "cp1252", not name.startswith("cp125"),
                                       near.index(name)))


def _declared_charset(raw: RawDocument) -> str | None:
    if raw.content_type and "charset=" in raw.content_type:
        return raw.content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"')
    head = (raw.data or b"")[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _ascii_compatible(name: str) -> bool:
    # A page whose bytes we could read its <meta> from is not UTF-16/32, whatever it says.
    try:
        return "a<".encode(name) == b"a<"
    except (LookupError, UnicodeError):
        return False


def _reject_binary(data: bytes, source: str) -> None:
    sample = data[:8192]
    nuls = sample.count(b"\x00")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(sample) > _BINARY_SHARE:
        what = "NUL bytes" if nuls * 2 > controls else "control bytes"
        raise SourceBinary(f"this is a binary file, not a web page or text ({controls} "
                           f"{what} or other controls in the first {len(sample):,} bytes)",
                           source=source)


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the sample is UTF-16 text without a byte-order mark."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # Mostly-Latin UTF-16 has a NUL in (nearly) every other byte and almost none in the rest.
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.6 * half and others < 0.05 * half:
            try:
                text = sample[: len(sample) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if sum(ch.isprintable() or ch.isspace() for ch in text) / max(len(text), 1) > 0.95:
                return encoding
    return None
