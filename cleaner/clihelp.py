"""Help formatting shared by the commands."""

from __future__ import annotations

import click


class Sections(click.Command):
    """A command whose --help shows its options in titled groups."""

    def __init__(self, *args, sections: tuple[tuple[str, tuple[str, ...]], ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections

    def format_options(self, ctx, formatter):
        records = {p.name: p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)}
        placed = set()
        for title, names in self.sections:
            with formatter.section(title):
                formatter.write_dl([records[n] for n in names if records.get(n)])
            placed.update(names)
        rest = [r for n, r in records.items() if r and n not in placed]
        if rest:
            with formatter.section("Other options"):
                formatter.write_dl(rest)
