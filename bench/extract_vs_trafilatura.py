"""newsgraph's HTML extraction against plain trafilatura on the html-eval gold corpus.

    python bench/extract_vs_trafilatura.py [--shared PATH] [--limit N]

Runs trafilatura (``bare_extraction`` with its defaults, plus ``with_metadata=True`` so that
title, author and date exist) and ``newsgraph.extract`` on the same pages, in the same process,
and prints both side by side: body snippets present / absent, title, author, date, images with
a caption, and CPU seconds (with the ratio of times). Scoring is newsgraph/extract/html_scoring.py.
The corpus lives in ../shared (NEWSGRAPH_SHARED overrides); without it the script says so and
exits with status 2.

Whole bodies are then scored token by token (``token_f1``) against the body each page declares
in its JSON-LD (``articleBody``, 500 letters or more), on the pages that declare one and whose
newsgraph body is not that declared text itself (``declared_body_pages``): a proxy for a gold
body, biased towards pages with structured data.

It then scores the bodies of the VOA sample pages (samples/pages/voa-*, our renderings of
public-domain stories) token by token against the stories' text (``token_f1``; gold in
../shared/data/voa/voa_stories.jsonl): the measure public extraction benchmarks use.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

import trafilatura

from trafilatura.utils import load_html

from newsgraph.errors import NewsgraphError
from newsgraph.extract import ExtractOptions, extract
from newsgraph.extract.body_recall import declared_paragraphs
from newsgraph.extract.html_scoring import (Prediction, declared_body_pages, score_page,
                                            summarise, token_f1)
from newsgraph.model import RawDocument

ROOT = Path(__file__).resolve().parent.parent
METRICS = ("snippet_recall", "snippet_precision", "title", "author", "author_people", "date")


def main(argv: list[str] | None = None) -> int:
    """Run both extractors over html-eval and print the comparison; 2 when the data is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args(argv)
    root = args.shared / "data" / "html-eval"
    if not (root / "index.json").is_file():
        print(f"html-eval not found at {root}: put the shared data beside the checkout "
              "(../shared) or set NEWSGRAPH_SHARED", file=sys.stderr)
        return 2
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    pages = [(name, gold, gzip.decompress((root / gold["file"]).read_bytes()))
             for name, gold in index.items()]
    if args.limit:
        pages = pages[:args.limit]

    # Warm both up (model files, dateparser locales) so neither pays the other's start-up.
    trafilatura.bare_extraction(pages[0][2], with_metadata=True)
    _newsgraph(pages[0])

    # CPU seconds of this process: what each extractor costs, whatever else the machine runs.
    started = time.process_time()
    plain_found = [_trafilatura(data, gold) for _, gold, data in pages]
    plain_seconds = time.process_time() - started
    started = time.process_time()
    ours_predictions = [_newsgraph(page) for page in pages]
    ours_seconds = time.process_time() - started
    plain = [score_page(name, gold, found) for (name, gold, _), found in zip(pages, plain_found)]
    ours = [score_page(name, gold, found) for (name, gold, _), found in
            zip(pages, ours_predictions)]
    plain_images = 0  # trafilatura keeps no figure captions
    ours_images = sum(p.images for p in ours_predictions)

    plain_rates, ours_rates = summarise(plain).rates(), summarise(ours).rates()
    total = summarise(ours)
    print(f"html-eval: {len(pages)} pages, {total.with_total} 'with' and {total.without_total} "
          f"'without' snippets, {total.title_total} titles, {total.author_total} authors "
          f"({total.people_total} person names), {total.date_total} dates")
    print(f"{'metric':<20}{'trafilatura':>12}{'newsgraph':>12}")
    for metric in METRICS:
        print(f"{metric:<20}{plain_rates[metric]:>12.4f}{ours_rates[metric]:>12.4f}")
    print(f"{'images w/ caption':<20}{plain_images:>12}{ours_images:>12}")
    print(f"{'CPU seconds':<20}{plain_seconds:>12.2f}{ours_seconds:>12.2f}")
    print(f"newsgraph / trafilatura time: {ours_seconds / plain_seconds:.2f}")
    _declared_token_f1(pages, plain_found, ours_predictions)
    _voa_token_f1(args.shared / "data" / "voa" / "voa_stories.jsonl")
    return 0


def _declared_token_f1(pages, plain_found: list[Prediction],
                       ours_found: list[Prediction]) -> None:
    """Token precision, recall and F1 of both extractors' bodies against declared bodies."""
    declared = {name: "\n".join(declared_paragraphs(load_html(data))) for name, _, data in pages}
    ours = declared_body_pages({name: p.body for (name, _, _), p in zip(pages, ours_found)},
                               declared)
    # trafilatura on the very pages newsgraph is scored on.
    scored = {name for name, _ in ours.worst}
    plain = declared_body_pages({name: p.body for (name, _, _), p in zip(pages, plain_found)},
                                {name: text for name, text in declared.items() if name in scored},
                                leave_out_used=False)
    print(f"declared bodies (JSON-LD articleBody): {ours.pages} pages scored, {ours.used} left "
          "out (the body is the declared text); mean token precision / recall / F1:")
    for name, result in (("trafilatura", plain), ("newsgraph", ours)):
        print(f"{name:<20}{result.precision:>12.4f}{result.recall:>12.4f}{result.f1:>12.4f}")
    if plain.used:
        print(f"(trafilatura's body is the declared text on {plain.used} of these pages)")


def _voa_token_f1(stories_path: Path) -> None:
    """Token precision, recall and F1 of both extractors' bodies on the VOA sample pages."""
    if not stories_path.is_file():
        print(f"VOA stories not found at {stories_path}: token F1 skipped")
        return
    stories = {}
    for line in stories_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            story = json.loads(line)
            stories[story["id"]] = story["text"]
    sums = {"trafilatura": [0.0, 0.0, 0.0], "newsgraph": [0.0, 0.0, 0.0]}
    pages = 0
    for path in sorted((ROOT / "samples" / "pages").glob("voa-*.html*")):
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        article = extract(RawDocument(source=path.name, data=data, content_type="text/html"),
                          ExtractOptions())
        story_id = (article.url or "").rstrip("/").rsplit("/", 1)[-1].split(".")[0]
        if story_id not in stories:
            continue
        pages += 1
        plain = trafilatura.bare_extraction(data, with_metadata=True)
        bodies = {"trafilatura": plain.text if plain else "", "newsgraph": article.body}
        for name, body in bodies.items():
            for i, value in enumerate(token_f1(body, stories[story_id])):
                sums[name][i] += value
    if not pages:
        print("no VOA sample page matched a story: token F1 skipped")
        return
    print(f"VOA sample pages ({pages}), mean token precision / recall / F1:")
    for name, (precision, recall, f1) in sums.items():
        print(f"{name:<20}{precision / pages:>12.4f}{recall / pages:>12.4f}{f1 / pages:>12.4f}")


def _trafilatura(data: bytes, gold: dict) -> Prediction:
    document = trafilatura.bare_extraction(data, url=gold.get("url"), with_metadata=True)
    if document is None:
        return Prediction()
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return Prediction(body=document.text or "", title=document.title, authors=authors,
                      date=document.date)


def _newsgraph(page) -> Prediction:
    name, gold, data = page
    raw = RawDocument(source=name, data=data, content_type="text/html")
    try:
        article = extract(raw, ExtractOptions(url=gold.get("url")))
    except NewsgraphError:
        return Prediction()
    captioned = sum(1 for image in article.images if image.caption)
    return Prediction(body=article.body, title=article.title, authors=article.authors,
                      date=article.published, images=captioned)


if __name__ == "__main__":
    sys.exit(main())
