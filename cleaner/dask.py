"""Cleaning on a Dask cluster (``pip install 'cleaner[dask]'``).

    import dask.bag as db
    from cleaner.dask import clean_bag, clean_column

    articles = clean_bag(db.from_sequence(texts, npartitions=8))    # a bag of dicts
    frame = clean_column(ddf, "text")       # adds story, title, authors, published, ...

The Cleaner travels once per worker: it is one object in the task graph, which
each worker fetches once and every partition on that worker then shares.
``cleaner jsonl --scheduler ADDRESS`` runs a JSON Lines stream on a cluster.
"""

from __future__ import annotations

from contextlib import contextmanager

try:
    import dask
    import dask.bag  # noqa: F401  (clean_bag returns one)
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("cleaner.dask needs dask: pip install 'cleaner[dask]'") from exc

from .core import Cleaner

META_FIELDS = ("title", "authors", "published", "source", "language", "dateline")


def _shipped(cleaner: Cleaner | None):
    return dask.delayed(cleaner if cleaner is not None else Cleaner(), pure=True)


def _clean(cleaner: Cleaner, page, html: bool, url=None):
    if html:
        return cleaner.clean_html(page, url)
    return cleaner.clean(page, url)


def _clean_partition(pages, cleaner: Cleaner, html: bool, removed: bool) -> list[dict]:
    return [_clean(cleaner, page, html).to_dict(removed=removed) for page in pages]


def clean_bag(bag, cleaner: Cleaner | None = None, *, html: bool = False, removed: bool = False):
    """A bag of ``Article.to_dict()`` records, one per page of ``bag``.

    bag: a ``dask.bag.Bag`` of page texts (``html=True``: of HTML pages, str or bytes).
    cleaner: the Cleaner to use (default: built-in rules).
    removed: keep the list of removed blocks in each record.
    """
    return bag.map_partitions(_clean_partition, _shipped(cleaner), html, removed)


def _clean_frame(frame, cleaner: Cleaner, column: str, url_column: str | None, html: bool,
                 story: str, meta: bool):
    out = frame.copy()
    urls = frame[url_column] if url_column else [None] * len(frame)
    articles = [_clean(cleaner, page if isinstance(page, (str, bytes)) else "", html,
                       url if isinstance(url, str) else None)
                for page, url in zip(frame[column], urls)]
    out[story] = [a.text for a in articles]
    if meta:
        for name in META_FIELDS:
            out[name] = [getattr(a, name) for a in articles]
    return out


def clean_column(df, column: str, cleaner: Cleaner | None = None, *, html: bool = False,
                 url_column: str | None = None, story: str = "story", meta: bool = True):
    """``df`` with the story of each page in ``column`` added as column ``story``,
    and (``meta=True``) the columns title, authors, published, source, language, dateline.

    df: a ``dask.dataframe.DataFrame``; html: the column holds HTML;
    url_column: a column of page addresses, used as metadata evidence.
    A missing page (None, NaN) is cleaned as empty text.
    """
    import pandas as pd

    empty = df._meta.copy()
    new = [story, *(META_FIELDS if meta else ())]
    for name in new:
        empty[name] = pd.Series([], dtype=object)
    return df.map_partitions(_clean_frame, _shipped(cleaner), column, url_column, html, story, meta,
                             meta=empty)


class Runner:
    """Submits work to a cluster: the ``parallel`` runner interface, for ``cleaner jsonl``."""

    def __init__(self, client, state):
        self.client = client
        self.state = client.scatter(state, broadcast=True)  # each worker holds it once

    def submit(self, fn, *args):
        return self.client.submit(fn, self.state, *args, pure=False)

    def result(self, future):
        return future.result()

    def close(self) -> None:
        pass

    def stop(self) -> None:
        self.client.cancel(self.state, force=True)


@contextmanager
def running(state, address: str, timeout: float = 10):
    """A ``Runner`` on the cluster whose scheduler is at ``address``."""
    from distributed import Client

    with Client(address, timeout=timeout, set_as_default=False) as client:
        run = Runner(client, state)
        try:
            yield run
        except BaseException:
            run.stop()
            raise
