"""Use cleaner from Python: one page, then many with one reusable Cleaner.

Run from the repository root:  python examples/library.py
"""

from pathlib import Path

from cleaner import Cleaner, clean, clean_and_explain, clean_markdown

here = Path(__file__).parent
page = (here / "seed-article.txt").read_text(encoding="utf-8")

# One call: the story and its metadata.
article = clean(page)
print(article.title)
print(article.source, article.published, article.language)
print(article.text[:200], "...")

# Why each block went: the rule id and its reason.
article, decisions = clean_and_explain(page)
for d in decisions:
    if not d.keep:
        print(f"removed by {d.rule}: {d.text[:60]}")

# Leaning where the evidence is in doubt: "precision" drops such blocks, "recall" keeps them.
for favor in ("precision", "recall"):
    print(favor, len(clean(page, favor=favor).text), "characters of story")

# A page scraped as markdown (Firecrawl, Jina Reader): the same Article, markup gone.
markdown = "\n\n".join(
    f"[{line}](https://www.ctvnews.ca/)" if 0 < len(line.split()) <= 3 else line
    for line in page.split("\n\n")
)
print(clean_markdown(markdown).text == article.text)

# Many pages: build a Cleaner once (rules compiled once), with your own rule pack.
cleaner = Cleaner(rules=[here / "house-rules.toml"])
for path in [here / "seed-article.txt"]:
    print(path.name, len(cleaner.clean(path.read_text(encoding="utf-8")).text), "characters of story")
