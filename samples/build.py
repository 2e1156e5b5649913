"""Rebuild the VOA sample pages and captures from the VOA stories (public domain).

    python samples/build.py PATH/TO/voa_stories.jsonl

Each chosen story becomes either an HTML page shaped like a news site's article page (site
navigation, breadcrumbs, ``<article>``, byline, ``<time>``, JSON-LD, a figure with caption and
credit, share buttons, related links, footer) or a reader-mode text capture (the page as a
browser's reader view saves it). The stories carry no paragraph breaks, so the text is cut
into paragraphs of one to three sentences. Captions and credits are ours (the dataset has no
pictures). The hand-written samples (``own-*``) are not made by this script.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Story id -> (form, picture description, caption, credit). Order: how they are written.
CHOSEN = {
    "8011115": ("html", "Desert landscape in western Iraq",
                "FILE - The Anbar desert in western Iraq, where Iraqi officials say the strike took place.",
                "VOA"),
    "8010842": ("html", "Foreign ministers at a conference table",
                "Group of Seven foreign ministers meet in Charlevoix, Quebec, Canada.", "VOA"),
    "8009853": ("html", "A child at a camp for displaced people",
                "FILE - A child stands in a camp for people displaced by the war in Sudan.",
                "VOA"),
    "8009719": ("html.gz", "Flooded road after the cyclone",
                "A road damaged by flooding after Tropical Cyclone Jude in southern Malawi.",
                "Lameck Masina/VOA"),
    "8008619": ("html", "Flags of West African states",
                "FILE - Flags of ECOWAS member states at a summit in Abuja, Nigeria.", "VOA"),
    "8009976": ("html", "A passenger train at a station",
                "FILE - A passenger train at the railway station in Quetta, Balochistan.", "VOA"),
    "8009495": ("html", "Bottles of wine on shelves",
                "Bottles of European wine and champagne on sale in a U.S. store.", "VOA"),
    "8009004": ("html", "The U.N. Security Council chamber",
                "FILE - The U.N. Security Council chamber in New York.", "VOA"),
    "7677701": ("html", "Diplomats at the U.N. Security Council",
                "Diplomats at a U.N. Security Council meeting on North Korea in New York.",
                "VOA"),
    "6203525": ("html", "Protesters in a street in Myanmar",
                "FILE - Anti-coup protesters gather in a street in Myanmar.", "VOA"),
    "6202743": ("html", "A school building in northern Nigeria",
                "FILE - A girls' secondary school in Zamfara state, Nigeria.", "VOA"),
    "8010694": ("txt", "A street in Damascus",
                "FILE - A street in Damascus, Syria.", "VOA"),
    "8006503": ("txt", "A hotel in Beledweyne",
                "FILE - A view of Beledweyne, central Somalia.", "VOA Somali"),
    "7836916": ("txt", "A journalist outside a prison",
                "Cambodian journalist Mech Dara after his release on bail.", "VOA Khmer"),
    "6205674": ("txt", "A mosque in Istanbul",
                "FILE - A mosque in Istanbul, Turkey.", "VOA"),
    "6183227": ("txt", "A military surveillance aircraft",
                "FILE - A U.S. Air Force E-11A communications aircraft.", "U.S. Air Force"),
}

_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|St|No|Gov|Sen|"
                           r"Rep|Jr|Sr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|Capt|Adm|Maj|Prof)\.)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘A-Z0-9])")


def paragraphs(text: str) -> list[str]:
    """The story cut at sentence ends outside quotations, one to three sentences a paragraph."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start:match.end()].strip()
        head = text[start:match.start() + 1]
        if _ABBREVIATION.search(head.rstrip("\"”’'")):
            continue
        # Stay inside a quotation, unless its marks do not pair up (then it never closes).
        if not _quotes_closed(piece) and len(piece.split()) < 70:
            continue
        sentences.append(piece)
        start = match.end()
    sentences.append(text[start:].strip())
    out, current = [], []
    for sentence in sentences:
        current.append(sentence)
        words = sum(len(s.split()) for s in current)
        if len(current) == 3 or words > 45 or (not out and current):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return [p for p in out if p]


def _quotes_closed(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 2)[-2]


def display_time(published: str) -> datetime:
    return datetime.strptime(published, "%Y-%m-%d %H:%M:%SZ")


def html_page(story: dict, description: str, caption: str, credit: str) -> str:
    when = display_time(story["published"])
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    shown = when.strftime("%B %-d, %Y %-I:%M %p")
    authors = [a.strip() for a in story["author"].split(",")]
    e = html.escape
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["title"],
          "datePublished": iso, "mainEntityOfPage": story["url"],
          "author": [{"@type": "Person", "name": a} for a in authors],
          "publisher": {"@type": "Organization", "name": "Voice of America"},
          "articleSection": story["section"], "keywords": story["keywords"]}
    byline = " and ".join(f'<a class="links__item" href="/author/{e(a.lower().replace(" ", "-"))}">'
                          f"{e(a)}</a>" for a in authors)
    body = "\n".join(f"      <p>{e(p)}</p>" for p in paragraphs(story["text"]))
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <title>{e(story["title"])}</title>
  <link rel="canonical" href="{e(story["url"])}">
  <meta name="description" content="{e(paragraphs(story["text"])[0])}">
  <meta name="keywords" content="{e(story["keywords"])}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="Voice of America">
  <meta property="og:title" content="{e(story["title"])}">
  <meta property="og:url" content="{e(story["url"])}">
  <meta property="article:published_time" content="{iso}">
  <meta property="article:section" content="{e(story["section"])}">
  <script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
  <header class="hdr">
    <a class="hdr__logo" href="/">VOA</a>
    <nav class="main-menu">
      <ul>
        <li><a href="/p/6290.html">World</a></li><li><a href="/z/599">U.S.</a></li>
        <li><a href="/z/4968">Africa</a></li><li><a href="/z/598">East Asia</a></li>
        <li><a href="/z/611">Europe</a></li><li><a href="/z/598">Middle East</a></li>
        <li><a href="/live">Live TV</a></li><li><a href="/subscribe">Newsletters</a></li>
      </ul>
    </nav>
  </header>
  <main id="content">
    <nav class="breadcrumbs"><a href="/">Home</a> / <a href="/section">{e(story["section"])}</a></nav>
    <article class="article">
      <header class="article__header">
        <p class="category"><a href="/section">{e(story["section"])}</a></p>
        <h1 class="title pg-title">{e(story["title"])}</h1>
        <div class="links links--byline">By {byline}</div>
        <time class="published" datetime="{iso}">{shown}</time>
      </header>
      <figure class="media-block">
        <img src="https://gdb.voanews.com/samples/{story["id"]}.jpg" alt="{e(description)}">
        <figcaption><span class="caption">{e(caption)}</span> <span class="credit">{e(credit)}</span></figcaption>
      </figure>
      <div class="wsw" id="article-content">
{body}
      </div>
      <ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li><li><a href="#">Email</a></li></ul>
    </article>
    <aside class="related">
      <h2>Related</h2>
      <ul><li><a href="/a/more.html">More from {e(story["section"])}</a></li></ul>
    </aside>
  </main>
  <footer class="ftr">
    <p>Voice of America is the largest U.S. international broadcaster.</p>
    <p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy policy</a></p>
  </footer>
</body>
</html>
"""


def text_capture(story: dict, description: str, caption: str, credit: str) -> str:
    when = display_time(story["published"])
    shown = when.strftime("%B %-d, %Y %-I:%M %p")
    paras = paragraphs(story["text"])
    lines = ["Skip to main content", "Voice of America", "", story["section"], "",
             story["title"], "", shown, f"By {story['author']}", "", paras[0], "",
             description, caption, f"Photo: {credit}", ""]
    for p in paras[1:]:
        lines += [p, ""]
    lines += ["Share", "Email", "", "Related", "More from " + story["section"], ""]
    return "\n".join(lines)


def main(stories_path: str) -> None:
    stories = {}
    with open(stories_path, encoding="utf-8") as handle:
        for line in handle:
            story = json.loads(line)
            stories[story["id"]] = story
    for story_id, (form, description, caption, credit) in CHOSEN.items():
        story = stories[story_id]
        name = f"voa-{story['published'][:10]}-{slug(story['url'])[:60].rstrip('-')}"
        if form == "txt":
            (HERE / "captures" / f"{name}.txt").write_text(text_capture(story, description, caption, credit),
                                                           encoding="utf-8")
            continue
        page = html_page(story, description, caption, credit)
        if form == "html.gz":
            # mtime=0 keeps the file identical from one build to the next.
            (HERE / "pages" / f"{name}.html.gz").write_bytes(
                gzip.compress(page.encode("utf-8"), mtime=0))
        else:
            (HERE / "pages" / f"{name}.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
