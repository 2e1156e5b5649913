"""Small news pages written into a test's tmp_path (no third-party content)."""

from __future__ import annotations

from pathlib import Path

PARAGRAPHS = (
    "The city council approved a new budget for public transport on Tuesday after a long debate.",
    "Council members said the plan would add three bus lines and extend tram service at night.",
    "Opposition members argued that the money should go to road repairs instead, and voted "
    "against the plan.",
    "The new lines are expected to open next spring, the transport department said in a statement.",
)


def news_page(title: str = "Council approves transport budget", *, url: str | None = None,
              published: str = "2025-03-12", extra: str = "", site: str = "Example Daily") -> str:
    """A plain article page: canonical URL, og tags, byline, time, paragraphs."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    if extra:
        paras += f"\n<p>{extra}</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{canonical}
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><p class="byline">By Jane Doe</p>
<time datetime="{published}T10:00:00Z">{published}</time>
{paras}
</article>
<footer>Copyright Example Daily</footer>
</body></html>
"""


def write_page(folder: Path, name: str, **kwargs) -> Path:
    path = folder / name
    path.write_text(news_page(**kwargs), encoding="utf-8")
    return path
