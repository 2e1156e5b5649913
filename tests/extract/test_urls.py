"""URLs: unwrapping those that embed other URLs, and the words of a page's slug."""

from __future__ import annotations

import pytest

from newsgraph.extract.urls import fold_words, host_of, is_url, slug_words, unwrap_url


@pytest.mark.parametrize("wrapped, inner", [
    ("https://proxy.example:443/https/news.example/p/4kq2z", "https://news.example/p/4kq2z"),
    ("https://proxy.example/https%3A%2F%2Fhost.example%2Fpath", "https://host.example/path"),
    ("https://a.example/https/b.example/http/c.example/page", "http://c.example/page"),
    ("https://www.google.com/url?q=https://www.reuters.com/world/x/&sa=D",
     "https://www.reuters.com/world/x/"),
    ("https://l.example.net/?u=https%3A%2F%2Fexample.com%2Fnews%3Fid%3D1",
     "https://example.com/news?id=1"),
    ("https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.bbc.com%2Fnews"
     "%2Fworld-1&data=05%7C01&reserved=0", "https://www.bbc.com/news/world-1"),
    ("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a.html",
     "https://www.example.com/a.html"),
    ("https://x.example/?https://y.example/page", "https://y.example/page"),
])
def test_unwrap_url_yields_the_embedded_url(wrapped, inner):
    assert unwrap_url(wrapped) == inner


@pytest.mark.parametrize("url", [
    "https://example.com/search?q=china+news",
    "https://example.com/redirect?u=/local",
    "https://news.example/p/4kq2z",
    "not a url",
])
def test_unwrap_url_leaves_plain_urls_unchanged(url):
    assert unwrap_url(url) == url


def test_is_url_and_host_of():
    assert is_url("https://news.example/p/4kq2z")
    assert not is_url("Read more at dw.com today")
    assert host_of("https://www.Example.com:443/a") == "example.com"
    assert host_of("harbour") is None


@pytest.mark.parametrize("url, words", [
    ("https://example.com/world/2025/03/talks-end-in-geneva-without-deal-100.html",
     ("talks", "end", "in", "geneva", "without", "deal")),
    ("https://example.com/a/zuschauerrueckkehr_bei_den_proficlubs/",
     ("zuschauerrueckkehr", "bei", "den", "proficlubs")),
    ("https://proxy.example:443/https/example.com/news/talks-end-in-geneva",
     ("talks", "end", "in", "geneva")),
    ("https://news.example/p/4kq2z", ()),
    ("https://example.com/world-news/", ()),
    (None, ()),
])
def test_slug_words_are_the_words_naming_the_article(url, words):
    assert slug_words(url) == words


def test_fold_words_writes_words_as_slugs_do():
    assert fold_words("Crème brûlée: Zürich’s best!") == [
        "creme", "brulee", "zurich", "s", "best"]
    assert fold_words("Zürich", umlauts=True) == ["zuerich"]
