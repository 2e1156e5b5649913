"""The bundled samples (samples/) stored end to end, and the demo that shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
INPUTS = [SAMPLES / "pages", SAMPLES / "captures"]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    if not SAMPLES.is_dir():
        pytest.skip("samples/ is not in this checkout")
    with Store(tmp_path_factory.mktemp("samples") / "samples.db") as store:
        report = store.ingest(INPUTS, analyze=False)
        yield store, report


def test_every_sample_is_stored(stored):
    store, report = stored
    assert report.counts["failed"] == 0, [f.to_dict() for f in report.failures]
    assert report.counts["new"] == 20


def test_sample_pages_keep_title_authors_date_and_picture_credit(stored):
    store, _ = stored
    rows = store.articles(site="voanews.com", limit=None)
    assert len(rows) == 11  # the HTML pages carry the VOA URL; captures do not
    assert all(r["title"] and r["authors"] and r["published"] for r in rows)
    assert all(r["images"] and r["images"][0]["credit"] for r in rows), \
        [r["title"] for r in rows if not (r["images"] and r["images"][0]["credit"])]


def test_sample_bodies_leave_out_navigation_and_footers(stored):
    store, _ = stored
    for row in store.articles(limit=None):
        body = store.article(row["id"])["body"]
        for boilerplate in ("Share on Facebook", "Skip to main content", "Terms of use",
                            "written for newsgraph", "Sign up"):
            assert boilerplate not in body, (row["source"], boilerplate)


def test_demo_runs_on_a_fresh_database_without_nlp(tmp_path, capsys):
    from newsgraph.demo import main

    db = tmp_path / "demo.db"
    db.write_bytes(b"an old file the demo replaces")
    assert main(["--db", str(db), "--no-analyze"]) == 0
    out = capsys.readouterr().out
    assert "20 new" in out and "20 articles from" in out and "One article in full" in out
    with Store(db) as store:
        assert store.stats()["articles"] == 20


def test_demo_with_analysis_shows_the_most_annotated_article(tmp_path, capsys, monkeypatch):
    from newsgraph.demo import main
    from newsgraph.model import Actor, AnalyzedArticle, Event

    def one_event_each(article, options=None):
        """A stand-in for the NLP layer: one actor and one event in the first sentence."""
        end = article.body.index(". ") + 1 if ". " in article.body else len(article.body)
        events = (Event("CONSULT", 0, end, source=("a1",)),) if "Brazil" in article.body else ()
        return AnalyzedArticle(article, actors=(Actor("a1", "Someone", kind="person"),),
                               events=events)

    monkeypatch.setattr("newsgraph.annotate.annotate", one_event_each)
    assert main(["--db", str(tmp_path / "demo.db")]) == 0
    out = capsys.readouterr().out
    assert "20 analysed: 20 actors, 0 quotes, 1 events" in out
    full = out.split("One article in full")[1]
    assert "Brazil and Argentina agree" in full and "CONSULT" in full
