"""Stage 1, read: turn input bytes into text, or refuse them with a clear reason."""

from __future__ import annotations

import codecs
import gzip
import zlib

import regex

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of formats that are certainly not text.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 8192
# Control bytes that never occur in text (tab, newlines, form feed and ESC aside).
_CONTROL = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27})
_LINE_END = regex.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode raw input to text with ``\\n`` line ends.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as they are;
    gzip data is unpacked; anything else is detected with charset-normalizer.
    Raises InputError for binary data or input no encoding explains.
    """
    if not data:
        return ""
    if data[:2] == _GZIP_MAGIC:
        data = _gunzip(data)
        if not data:
            return ""
    if encoding:
        try:
            return normalize_newlines(data.decode(encoding))
        except LookupError:
            raise InputError(f"unknown encoding name: {encoding}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"input is not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(f"input has a {codec} byte-order mark but is not valid {codec} (byte {exc.start})") from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"input is binary data ({kind}), not text")
    if b"\x00" in data[:_SNIFF]:
        codec = _utf16_codec(data)
        try:
            return normalize_newlines(data.decode(codec))
        except UnicodeDecodeError:
            raise InputError("input looks like UTF-16 without a byte-order mark but does not decode") from None
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # slow import; only for non-UTF-8 input

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding of the input (not UTF-8, none detected)")
    return normalize_newlines(str(best))


def normalize_newlines(text: str) -> str:
    """CRLF, CR and the other Unicode line separators become ``\\n``."""
    if "\r" not in text and not _LINE_END.search(text):
        return text
    return _LINE_END.sub("\n", text)


def gunzip(data: bytes) -> bytes:
    """``data`` unpacked when it is gzip-compressed, else as it is."""
    return _gunzip(data) if data[:2] == _GZIP_MAGIC else data


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"gzip data is truncated or corrupt ({exc})") from None


def _binary_kind(data: bytes) -> str | None:
    head = data[:_SNIFF]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte: decode it rather than refuse.
        return None if _utf16_without_bom(data) else "it contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > max(4, len(head) // 20):
        return "it is full of control bytes"
    return None


def _utf16_without_bom(data: bytes) -> bool:
    head = data[: _SNIFF & ~1]
    evens, odds = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    return half > 0 and max(evens, odds) > 0.4 * half and min(evens, odds) < 0.05 * half


def _utf16_codec(data: bytes) -> str:
    """The byte order of BOM-less UTF-16 data (called after _binary_kind let it pass)."""
    head = data[:_SNIFF]
    return "utf-16-be" if head[0::2].count(0) > head[1::2].count(0) else "utf-16-le"


_HTML_START = regex.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
                            regex.IGNORECASE | regex.DOTALL)
_HTML_TAGS = regex.compile(rb"</?(?:p|div|span|a|br|li|td|article|section|script|style|h[1-6])\b[^>]*>", regex.IGNORECASE)


def looks_like_html(data: bytes | str) -> bool:
    """Sniff the content: a document that starts like HTML, or text dense with tags."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 8
