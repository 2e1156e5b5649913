"""Unwrapping URLs that embed other URLs."""

from __future__ import annotations

import pytest

from newsgraph.extract.urls import host_of, is_url, unwrap_url


@pytest.mark.parametrize("wrapped, inner", [
    ("https://jump.nonsense.moe:443/https/p.dw.com/p/4zzds", "https://p.dw.com/p/4zzds"),
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
    "https://p.dw.com/p/4zzds",
    "not a url",
])
def test_unwrap_url_leaves_plain_urls_unchanged(url):
    assert unwrap_url(url) == url


def test_is_url_and_host_of():
    assert is_url("https://p.dw.com/p/4zzds")
    assert not is_url("Read more at dw.com today")
    assert host_of("https://www.Example.com:443/a") == "example.com"
    assert host_of("nonsense") is None
