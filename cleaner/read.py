"""Stage 1, read: turn input bytes into text, or refuse them with a clear reason."""

from __future__ import annotations

import codecs
import errno
import gzip
import os
import stat
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
    data = gunzip(data)
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
    mixed = _decode_mixed(data)
    if mixed is not None:
        return normalize_newlines(mixed)
    best = _detect(data)
    if best is None:
        raise InputError("cannot tell the text encoding of the input (not UTF-8, none detected)")
    return normalize_newlines(str(best))


def _detect(data: bytes):
    """charset-normalizer's best match; of matches it cannot tell apart (short
    text with few accents), windows-1252, as browsers assume for legacy pages."""
    from charset_normalizer import from_bytes  # slow import; only for non-UTF-8 input

    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding == "cp1252":
        return best
    for match in results:
        if match.encoding == "cp1252" and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return match
    return best


def _decode_mixed(data: bytes) -> str | None:
    """Text whose lines are partly UTF-8 and partly in a legacy encoding (pages
    pasted together, a template and a story saved differently): each line that
    is valid UTF-8 is taken as such, the others in the encoding detected for
    them. None when no line needs UTF-8: one legacy encoding is detected whole.

    Decoding it all as one legacy encoding would garble every UTF-8 line."""
    lines = data.split(b"\n")
    legacy: list[int] = []
    utf8 = False
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            legacy.append(i)
    if not utf8 or not legacy:
        return None
    best = _detect(b"\n".join(lines[i] for i in legacy))
    codecs_ = [best.encoding] if best is not None else []
    codecs_ += ["cp1252", "latin-1"]  # latin-1 decodes any byte: nothing is lost
    out = []
    legacy_set = set(legacy)
    for i, line in enumerate(lines):
        if i not in legacy_set:
            out.append(line.decode("utf-8"))
            continue
        for codec in codecs_:
            try:
                out.append(line.decode(codec))
                break
            except UnicodeDecodeError:
                continue
    return "\n".join(out)


def read_file(path: str | os.PathLike, regular_only: bool = False) -> bytes:
    """The bytes of the file at ``path``.

    regular_only: refuse anything but a regular file (InputError), without
        blocking: a FIFO or a device met in a folder tree would stall a batch
        or never end. Otherwise a pipe is read to its end (``<(zcat page.gz)``).
    Raises OSError as the system reports it; ``os_reason`` words it.
    """
    flags = os.O_RDONLY | (getattr(os, "O_NONBLOCK", 0) if regular_only else 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if regular_only and not stat.S_ISREG(mode):
            raise InputError(f"not a regular file ({_file_kind(mode)})")
        return fh.read()


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def os_reason(exc: OSError, path: str | os.PathLike | None = None) -> str:
    """A short reason for a failed read or write: the system's words, made
    plain for the cases a walk over a tree meets (dangling links, link loops)."""
    if path is not None and exc.errno == errno.ENOENT and os.path.islink(path):
        try:
            return f"broken symbolic link to {os.readlink(path)}"
        except OSError:
            pass
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or exc.__class__.__name__


def normalize_newlines(text: str) -> str:
    """CRLF, CR and the other Unicode line separators become ``\\n``."""
    if "\r" not in text and not _LINE_END.search(text):
        return text
    return _LINE_END.sub("\n", text)


def gunzip(data: bytes) -> bytes:
    """``data`` unpacked when it is gzip-compressed, else as it is."""
    return _gunzip(data) if data[:2] == _GZIP_MAGIC else data


def require_text(data: bytes) -> None:
    """Refuse input with nothing to clean: no bytes, or white space only (after gunzip)."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise InputError("input is empty (nothing to clean)")


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


def as_text(text: str, input_format: str = "auto") -> str:
    """Decoded input as the stages read it: markdown (said so, or sniffed under
    "auto") loses its markup."""
    if input_format not in ("auto", "markdown"):
        return text
    from .markdown import looks_like_markdown, markdown_to_text

    if input_format == "markdown" or looks_like_markdown(text):
        return markdown_to_text(text)
    return text


def sniff(data: bytes, input_format: str = "auto", encoding: str | None = None) -> tuple[bytes | None, str | None]:
    """Raw input, gunzipped, as ``(html, None)`` for HTML (said so, or sniffed
    under "auto") or ``(None, text)`` for text and markdown, markdown's markup gone."""
    data = gunzip(data)
    if input_format == "html" or (input_format == "auto" and looks_like_html(data)):
        return data, None
    return None, as_text(decode(data, encoding), input_format)
