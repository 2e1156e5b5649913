"""Outlet names from URLs."""

from __future__ import annotations

from newsgraph.extract.sites import site_name


def test_known_outlet_by_host_and_subdomain():
    assert site_name("https://news.bbc.co.uk/2/a") == "BBC"
    assert site_name("https://www.reuters.com/world/") == "Reuters"


def test_unknown_host_is_named_by_itself_without_www():
    assert site_name("https://www.example.org/a") == "example.org"


def test_no_url_no_site():
    assert site_name(None) is None
    assert site_name("not a url") is None
