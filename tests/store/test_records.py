"""Artefacts to rows and back: newsgraph/store/records.py."""

from __future__ import annotations

from newsgraph.model import Article, Image
from newsgraph.store.records import article_row, canonical_key, canonical_url, url_host


def test_canonical_url_drops_fragment_default_port_and_case_of_host():
    assert canonical_url("HTTPS://WWW.Example.ORG:443/Path/?q=A#top") == \
        "https://www.example.org/Path/?q=A"
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"
    assert canonical_url("  ") is None
    assert canonical_url("not a url") == "not a url"


def test_url_host_without_www():
    assert url_host("https://www.voanews.com/a/x.html") == "voanews.com"
    assert url_host(None) is None


def test_canonical_key_prefers_the_url_then_the_resolved_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with_url = Article(id="1", body="b", url="https://e.org/a#x")
    assert canonical_key(with_url, "page.html") == "https://e.org/a"
    without = Article(id="2", body="b")
    assert canonical_key(without, "page.html") == str(tmp_path.resolve() / "page.html")


def test_article_row_stores_lists_as_json_text():
    article = Article(id="1", body="b", authors=("A", "B"),
                      images=(Image(caption="Cap", credit="Cred"),))
    row = article_row(article)
    assert row["authors"] == '["A", "B"]'
    assert '"caption": "Cap"' in row["images"] and '"credit": "Cred"' in row["images"]
