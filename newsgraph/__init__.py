"""newsgraph: news pages in, structured and checkable knowledge out.

The Python API (the CLI only wraps it)::

    import newsgraph

    article = newsgraph.extract("page.html")                 # Article (no NLP)
    result = newsgraph.analyze("page.html")                  # AnalyzedArticle
    result = newsgraph.analyze(text="Xi met Kim in Beijing on Thursday.", published="2025-09-04")
    print(result.to_dict()["events"])

    with newsgraph.Store("sqlite:///news.db") as store:       # or postgresql://...
        report = store.ingest(["articles/"])
        for row in store.articles(site="DW"):
            print(row["title"])

Heavy modules (spaCy, trafilatura, SQLAlchemy) load on first use, not on import.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "analyze", "Store", "read"]


def __getattr__(name: str):
    if name in ("extract", "analyze", "read"):
        from newsgraph import api

        return getattr(api, name)
    if name == "Store":
        from newsgraph.store import Store

        return Store
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
