"""Stage 6, write: render an article as text, JSON or Markdown, and write files safely."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .article import Article

# Write failures that every later write will meet too: no room, or no writing at all.
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})

FORMATS = ("text", "json", "markdown")
EXTENSIONS = {"text": ".txt", "json": ".json", "markdown": ".md"}
# Read once at import: mkstemp makes 0600 files, outputs should get the usual mode.
_UMASK = os.umask(0)
os.umask(_UMASK)


def render(article: Article, fmt: str = "text") -> str:
    """The article in ``fmt``; text output ends with one newline unless empty."""
    if fmt == "text":
        return article.text + "\n" if article.text else ""
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(article)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def render_markdown(article: Article) -> str:
    """YAML front matter with the metadata, then the story."""
    lines = ["---"]
    for key in ("title", "authors", "published", "source", "language", "dateline"):
        value = getattr(article, key)
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_str(v)}" for v in value)
        else:
            lines.append(f"{key}: {_yaml_str(value)}")
    lines.append("---")
    body = article.text
    return "\n".join(lines) + "\n\n" + (body + "\n" if body else "")


def _yaml_str(value: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar.
    return json.dumps(value, ensure_ascii=False)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so that
    readers never see a partial file and a failure leaves no trace."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(path) as fh:
        fh.write(payload)


@contextmanager
def open_atomic(path: str | Path):
    """A binary file that appears at ``path`` complete, when the block ends
    without error; on any error (Ctrl-C too) its temporary file is removed.

    The temporary file, in the same folder, is named ``.{name}.{random}.part``.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
