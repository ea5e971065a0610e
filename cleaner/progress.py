"""Progress of a batch run: a bar on a terminal, nothing until the summary elsewhere."""

from __future__ import annotations

import sys


class Progress:
    """Counts work done; draws a tqdm bar (count, rate, ETA) when standard error
    is a terminal. ``total`` may be None (a stream of unknown length)."""

    def __init__(self, total: int | None, unit: str, enabled: bool | None = None, desc: str | None = None,
                 scale: bool = False):
        self.bar = None
        if enabled is None:
            enabled = sys.stderr is not None and sys.stderr.isatty()
        if enabled:
            from tqdm import tqdm  # loaded only for a terminal

            self.bar = tqdm(total=total, unit=unit, desc=desc, unit_scale=scale, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    def update(self, n: int = 1, failed: int = 0) -> None:
        if self.bar is not None:
            self.bar.update(n)
            if failed:
                self.bar.set_postfix(failed=failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def rate(count: int, size: int, seconds: float, unit: str) -> str:
    """'in 12.3 s (81 pages/s, 0.6 MB/s)'."""
    seconds = max(seconds, 1e-9)
    return f"in {seconds:.1f} s ({count / seconds:,.0f} {unit}/s, {size / seconds / 1e6:.1f} MB/s)"


def say(message: str) -> None:
    """One line on standard error, prefixed like every message of the command line."""
    print(f"cleaner: {message}", file=sys.stderr, flush=True)
