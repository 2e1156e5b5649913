"""The Store: ingest, idempotency, versions, failures, annotations (newsgraph/store/__init__.py)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from newsgraph.errors import ModelNotInstalled
from newsgraph.model import (Actor, AnalyzedArticle, DateExpression, Event, Location, Mention,
                             Quote, Speaker)
from newsgraph.pipeline import Outcome
from newsgraph.store import Store
from tests.store.pages import write_page


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


def fake_annotate(article, options=None):
    """Annotations like the NLP layer's, without loading a model: actor, quote, event, date."""
    body = article.body
    council = body.index("The city council")
    tuesday = body.index("Tuesday")
    first_end = body.index(".") + 1
    return AnalyzedArticle(
        article=article,
        actors=(Actor("a1", "city council", None, "GOV", "organization", roles=("council",)),
                Actor("a2", "transport department", None, "GOV", "organization")),
        mentions=(Mention("a1", council + 4, council + 16),),
        quotes=(Quote("indirect", 0, first_end, Speaker("city council", "a1", council + 4,
                                                         council + 16), cue="said"),),
        events=(Event("AGREE", 0, first_end, mode="policy", source=("a1",), target=("a2", "a2"),
                      date="2025-03-11", date_granularity="day",
                      location=Location("Springfield", "USA"), quad_class=1, intensity=3.0),),
        dates=(DateExpression(tuesday, tuesday + 7, "2025-03-11", "day", relative=True),),
        components={"newsgraph.annotate": "0.1.0", "spacy-model": "3.8.0"},
    )


def test_ingest_twice_stores_one_article_and_reports_unchanged(store, tmp_path):
    write_page(tmp_path, "a.html", url="https://example.org/news/a")
    first = store.ingest([tmp_path / "a.html"], analyze=False)
    second = store.ingest([tmp_path / "a.html"], analyze=False)
    assert first.counts["new"] == 1 and second.counts["unchanged"] == 1
    assert len(store.articles()) == 1
    assert store.stats()["documents"] == 1


def test_same_url_from_another_file_is_the_same_article(store, tmp_path):
    write_page(tmp_path, "a.html", url="https://Example.org:443/news/a#comments")
    write_page(tmp_path, "copy.html", url="https://example.org/news/a")
    report = store.ingest([tmp_path / "a.html", tmp_path / "copy.html"], analyze=False)
    assert [i.status for i in report.items] == ["new", "unchanged"]


def test_changed_page_becomes_a_new_current_version(store, tmp_path):
    page = write_page(tmp_path, "a.html", url="https://example.org/news/a")
    store.ingest([page], analyze=False)
    write_page(tmp_path, "a.html", url="https://example.org/news/a", extra="Update: it passed.")
    report = store.ingest([page], analyze=False)
    assert report.counts["updated"] == 1 and report.items[0].version == 2
    rows = store.articles()
    assert len(rows) == 1 and rows[0]["version"] == 2 and rows[0]["current"]
    assert len(store.articles(all_versions=True)) == 2
    full = store.article(rows[0]["id"])
    assert [v["version"] for v in full["versions"]] == [1, 2]
    assert "Update: it passed." in full["body"]


def test_page_reverting_to_an_earlier_content_makes_that_version_current(store, tmp_path):
    page = write_page(tmp_path, "a.html", url="https://example.org/news/a")
    original = store.ingest([page], analyze=False).items[0].article_id
    write_page(tmp_path, "a.html", url="https://example.org/news/a", extra="A correction.")
    store.ingest([page], analyze=False)
    write_page(tmp_path, "a.html", url="https://example.org/news/a")
    report = store.ingest([page], analyze=False)
    assert report.items[0].status == "updated" and report.items[0].article_id == original
    assert [r["id"] for r in store.articles()] == [original]


def test_page_without_url_is_keyed_by_its_resolved_path(store, tmp_path, monkeypatch):
    write_page(tmp_path, "a.html")
    monkeypatch.chdir(tmp_path)
    first = store.ingest(["a.html"], analyze=False)
    second = store.ingest([tmp_path / "a.html"], analyze=False)
    assert first.items[0].status == "new" and second.items[0].status == "unchanged"
    assert store.articles()[0]["canonical_key"] == str((tmp_path / "a.html").resolve())


def test_failed_inputs_are_recorded_with_reason_and_the_batch_goes_on(store, tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    write_page(tmp_path, "good.html", url="https://example.org/good")
    report = store.ingest([tmp_path / "missing.html", tmp_path / "empty.html",
                           tmp_path / "good.html"], analyze=False)
    assert [i.status for i in report.items] == ["failed", "failed", "new"]
    assert [f.error.code for f in report.failures] == ["E101", "E104"]
    documents = store.tables["documents"]
    with store.engine.connect() as conn:
        rows = conn.execute(select(documents).order_by(documents.c.id)).all()
    assert [(r.status, r.error_code) for r in rows] == [("failed", "E101"), ("failed", "E104"),
                                                        ("ok", None)]
    assert rows[0].source.endswith("missing.html") and "no such file" in rows[0].error_message


def test_repeated_failure_of_the_same_input_is_one_document_row(store, tmp_path):
    store.ingest([tmp_path / "missing.html"], analyze=False)
    store.ingest([tmp_path / "missing.html"], analyze=False)
    assert store.stats()["failed_documents"] == 1


def test_unexpected_extractor_crash_fails_that_document_only(store, tmp_path, monkeypatch):
    write_page(tmp_path, "a.html", url="https://example.org/a")
    write_page(tmp_path, "b.html", url="https://example.org/b")
    import newsgraph.pipeline as pipeline

    real = pipeline.to_article

    def flaky(raw, options=None):
        if raw.source.endswith("a.html"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, options)

    monkeypatch.setattr(pipeline, "to_article", flaky)
    report = store.ingest([tmp_path], analyze=False)
    assert [i.status for i in report.items] == ["failed", "new"]
    assert "RecursionError" in report.items[0].error.message
    assert report.items[0].error.code == "E200"


def test_annotations_are_stored_and_read_back_in_the_json_shape(store, tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.annotate.annotate", fake_annotate)
    write_page(tmp_path, "a.html", url="https://example.org/a")
    item = store.ingest([tmp_path / "a.html"]).items[0]
    full = store.article(item.article_id)
    assert full["analyzed"] is True
    assert [a["name"] for a in full["actors"]] == ["city council", "transport department"]
    assert full["actors"][0]["roles"] == ["council"]
    assert full["mentions"][0]["text"] == "city council"
    quote = full["quotes"][0]
    assert quote["speaker"]["name"] == "city council" and quote["text"].startswith("The city")
    event = full["events"][0]
    assert (event["type"], event["mode"], event["source"], event["target"]) == \
        ("AGREE", "policy", ["a1"], ["a2", "a2"])
    assert event["location"]["country"] == "USA" and event["evidence"]["text"].endswith(".")
    assert full["dates"][0] == {"text": "Tuesday", "start": full["body"].index("Tuesday"),
                                "end": full["body"].index("Tuesday") + 7,
                                "value": "2025-03-11", "granularity": "day", "relative": True}
    assert full["components"] == {"newsgraph.annotate": "0.1.0", "spacy-model": "3.8.0"}
    links = store.tables["event_actors"]
    with store.engine.connect() as conn:
        assert conn.execute(select(links.c.role, links.c.actor_id)
                            .order_by(links.c.role)).all() == [("source", "a1"), ("target", "a2")]


def test_stored_article_is_not_annotated_again(store, tmp_path, monkeypatch):
    calls = []

    def counting(article, options=None):
        calls.append(article.id)
        return fake_annotate(article, options)

    monkeypatch.setattr("newsgraph.annotate.annotate", counting)
    write_page(tmp_path, "a.html", url="https://example.org/a")
    store.ingest([tmp_path])
    report = store.ingest([tmp_path])
    assert report.items[0].status == "unchanged" and len(calls) == 1


def test_ingest_with_analysis_completes_an_article_stored_without(store, tmp_path, monkeypatch):
    write_page(tmp_path, "a.html", url="https://example.org/a")
    store.ingest([tmp_path], analyze=False)
    monkeypatch.setattr("newsgraph.annotate.annotate", fake_annotate)
    report = store.ingest([tmp_path])
    assert report.items[0].status == "annotated"
    assert store.stats()["events"] == 1 and store.stats()["analyzed"] == 1


def test_missing_nlp_layer_fails_fast_with_advice(store, tmp_path, monkeypatch):
    calls = []

    def broken(article, options=None):
        calls.append(1)
        raise ModelNotInstalled("the spaCy model is not installed; run make install")

    monkeypatch.setattr("newsgraph.annotate.annotate", broken)
    for name in ("a.html", "b.html", "c.html"):
        write_page(tmp_path, name, url=f"https://example.org/{name}")
    report = store.ingest([tmp_path])
    assert report.counts["failed"] == 3 and len(calls) == 1
    assert all(f.error.code == "E301" for f in report.failures)
    assert store.articles() == []


def test_import_error_in_the_nlp_layer_is_a_clear_error(store, tmp_path, monkeypatch):
    def broken(article, options=None):
        raise ModuleNotFoundError("No module named 'newsgraph.annotate.places'")

    monkeypatch.setattr("newsgraph.annotate.annotate", broken)
    write_page(tmp_path, "a.html", url="https://example.org/a")
    failure = store.ingest([tmp_path]).failures[0]
    assert failure.error.code == "E301" and "--no-analyze" in failure.error.message


def test_a_killed_ingest_keeps_what_it_committed_and_resume_adds_the_rest(tmp_path, monkeypatch):
    for n in range(4):
        write_page(tmp_path, f"p{n}.html", url=f"https://example.org/{n}")
    db = tmp_path / "news.db"
    import newsgraph.store as store_module

    real_save = store_module.save_outcome
    saved = []

    def dying(conn, tables, source, *args):
        if len(saved) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C inside the third transaction
        saved.append(source)
        return real_save(conn, tables, source, *args)

    monkeypatch.setattr(store_module, "save_outcome", dying)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        store.ingest([tmp_path], analyze=False)
    monkeypatch.setattr(store_module, "save_outcome", real_save)
    with Store(db) as store:
        assert len(store.articles()) == 2
        report = store.ingest([tmp_path], analyze=False)
        assert [i.status for i in report.items] == ["unchanged", "unchanged", "new", "new"]
        assert len(store.articles()) == 4


def test_save_takes_a_pipeline_outcome(store, tmp_path):
    from newsgraph.pipeline import run_document
    from newsgraph.sources import read_file

    outcome = run_document(read_file(write_page(tmp_path, "a.html")), stage="extract")
    analysed = fake_annotate(outcome.result)
    item = store.save(dataclasses.replace(outcome, result=analysed))
    assert item.status == "new" and store.article(item.article_id)["events"]
    assert store.save(Outcome("x.html", error=ModelNotInstalled("no model"))).status == "failed"


def test_progress_callback_sees_every_input_with_the_total(store, tmp_path):
    write_page(tmp_path, "a.html")
    (tmp_path / "b.html").write_bytes(b"")
    seen = []
    store.ingest([tmp_path], analyze=False,
                 on_progress=lambda item, done, total: seen.append((item.status, done, total)))
    assert seen == [("new", 1, 2), ("failed", 2, 2)]


def test_two_ingests_of_the_same_pages_at_once_store_each_page_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    for n in range(6):
        write_page(tmp_path, f"p{n}.html", url=f"https://example.org/{n}")
    db = tmp_path / "news.db"
    Store(db).close()  # migrate once, before the race

    def run(_):
        with Store(db) as store:
            return store.ingest([tmp_path], analyze=False).counts

    with ThreadPoolExecutor(2) as pool:
        counts = list(pool.map(run, range(2)))
    assert sum(c["new"] for c in counts) == 6 and sum(c["failed"] for c in counts) == 0
    with Store(db) as store:
        assert len(store.articles()) == 6


def test_a_page_stored_by_another_process_meanwhile_is_reported_unchanged(store, tmp_path,
                                                                           monkeypatch):
    import newsgraph.store.ingest as ingest_module

    page = write_page(tmp_path, "a.html", url="https://example.org/a")
    store.ingest([page], analyze=False)
    real = ingest_module.find_article
    calls = []

    def stale(conn, tables, key, digest):
        calls.append(key)
        return None if len(calls) == 1 else real(conn, tables, key, digest)

    # The first look misses the row (as if another ingest committed it just after); the
    # insert then violates the unique key, and the save is retried.
    monkeypatch.setattr(ingest_module, "find_article", stale)
    report = store.ingest([page], analyze=False)
    assert report.items[0].status == "unchanged" and len(calls) == 2
    assert len(store.articles(all_versions=True)) == 1


GERMAN_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Stadtrat beschließt Haushalt</title></head><body><article><h1>Stadtrat beschließt Haushalt</h1>
<p>Der Stadtrat hat am Dienstag nach langer Debatte einen neuen Haushalt für den öffentlichen
Nahverkehr beschlossen. Drei neue Buslinien sollen im Frühjahr in Betrieb gehen.</p>
<p>Die Opposition kritisierte den Plan und forderte, das Geld stattdessen in die Reparatur
von Straßen zu stecken. Der Bürgermeister verteidigte die Entscheidung.</p>
</article></body></html>"""


def test_article_not_in_english_is_stored_without_annotations_and_with_the_reason(
        store, tmp_path):
    (tmp_path / "de.html").write_text(GERMAN_PAGE, encoding="utf-8")
    report = store.ingest([tmp_path / "de.html"])
    item = report.items[0]
    assert item.status == "new" and report.not_annotated == [item]
    assert item.not_annotated.startswith("the body is in German (de)")
    full = store.article(item.article_id)
    assert full["analyzed"] is True and full["not_annotated"] == item.not_annotated
    assert full["actors"] == [] and full["events"] == []
    assert store.stats()["not_annotated"] == 1
    again = store.ingest([tmp_path / "de.html"]).items[0]
    assert again.status == "unchanged" and again.not_annotated == item.not_annotated
