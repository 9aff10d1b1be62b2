"""Which format a file name names, and which files are not news at all (README, LICENSE...)."""
from __future__ import annotations

import os
from typing import Optional

# Extensions after an optional ".gz" is removed (".warc.gz" is matched whole first).
EXTENSIONS = {
    ".warc.gz": "warc", ".warc": "warc",
    ".txt": "txt", ".text": "txt",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "rss", ".atom": "rss", ".xml": "rss",  # .xml only when it looks like a feed
    ".zip": "zip",
}  # fmt: skip
# Files that travel with a corpus but are not articles: a folder or archive skips them
# (with a note) instead of reading them as news.
NOT_ARTICLES = {"readme", "license", "licence", "copying", "notice", "authors", "changelog",
                "changes", "contributing", "citation", "manifest"}
NOT_ARTICLE_EXTENSIONS = {".md", ".rst", ".pdf", ".csv", ".tsv", ".py", ".sh", ".cff"}


def format_of(path: str) -> Optional[str]:
    """The format a file's extension names, or None."""
    name = path.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1])


def not_article(path: str) -> Optional[str]:
    """Why the file ``path`` is not news (documentation, licence...), or None if it may be."""
    base = os.path.basename(path).lower()
    stem, ext = os.path.splitext(base)
    if stem.split(".")[0] in NOT_ARTICLES or base in NOT_ARTICLES:
        return "documentation or licence, not an article"
    if ext in NOT_ARTICLE_EXTENSIONS:
        return f"a {ext} file is not an article"
    return None
