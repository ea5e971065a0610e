"""Running work on all cores, or in this process, with order kept and memory bounded.

A *state* (the Cleaner and the run's options) goes to each worker once, when
the worker starts; tasks then name a function and its small arguments, and the
function receives the worker's state first: ``fn(state, *args)``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

_STATE: Any = None  # this worker's state, installed once per process


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _install(state) -> None:
    global _STATE
    _STATE = state


def _call(fn, args):
    return fn(_STATE, *args)


class Inline:
    """Runs each task at once in this process: ``--jobs 1``, and no start-up cost."""

    def __init__(self, state):
        self.state = state

    def submit(self, fn: Callable, *args):
        return fn(self.state, *args)

    def result(self, handle):
        return handle

    def imap_unordered(self, fn: Callable, items: Iterable, chunksize: int = 1) -> Iterator:
        return (fn(self.state, item) for item in items)

    def stop(self) -> None:
        pass

    close = stop


class Pool:
    """Worker processes, each holding the state it was started with."""

    def __init__(self, state, jobs: int):
        # Workers ignore Ctrl-C (they inherit this while being started): the
        # parent alone decides to stop, so that it can clean up after them.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            self.pool = multiprocessing.Pool(jobs, _install, (state,))
        finally:
            signal.signal(signal.SIGINT, previous)

    def submit(self, fn: Callable, *args):
        return self.pool.apply_async(_call, (fn, args))

    def result(self, handle):
        return handle.get()

    def imap_unordered(self, fn: Callable, items: Iterable, chunksize: int = 1) -> Iterator:
        return self.pool.imap_unordered(_Partial(fn), items, chunksize)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def stop(self) -> None:
        """Stop the workers now; when this returns, none of them runs."""
        self.pool.terminate()
        self.pool.join()


class _Partial:
    """``fn(state, item)`` as a picklable one-argument function for ``imap``."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, item):
        return self.fn(_STATE, item)


def runner(state, jobs: int):
    """``Inline`` for one job, else a ``Pool`` of ``jobs`` processes."""
    return Inline(state) if jobs <= 1 else Pool(state, jobs)


@contextmanager
def running(state, jobs: int):
    """A runner that is stopped at once on any error or Ctrl-C, closed otherwise."""
    r = runner(state, jobs)
    try:
        yield r
    except BaseException:
        r.stop()
        raise
    r.close()


def ordered(run, fn: Callable, tasks: Iterable[tuple], window: int) -> Iterator:
    """Results of ``fn(state, *task)`` for each task, in order, with at most
    ``window`` tasks submitted and not yet taken: the input is read only as
    fast as results are consumed, so memory stays bounded."""
    pending: deque = deque()
    for task in tasks:
        pending.append(run.submit(fn, *task))
        if len(pending) >= window:
            yield run.result(pending.popleft())
    while pending:
        yield run.result(pending.popleft())
