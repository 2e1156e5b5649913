"""Quotes across stored articles with speaker, sentence and article: newsgraph/store/quotes.py."""

from __future__ import annotations

import pytest

from newsgraph.errors import UsageError
from newsgraph.store import Store
from newsgraph.store.quotes import sentence_bounds
from tests.store.stories import save, three_outlets


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("db") / "news.db") as opened:
        for result in three_outlets():
            save(opened, result)
        yield opened


def texts(rows):
    return [row["text"] for row in rows]


def test_quotes_newest_article_first_with_speaker_actor_and_article(store):
    rows = store.quotes()
    assert texts(rows) == ["productive and frank.",
                           "We agreed on the quotas for the next season,",
                           "the two governments would meet again in April"]
    ruiz = rows[1]
    assert ruiz["speaker"]["name"] == "Ruiz" and ruiz["speaker"]["actor_name"] == "Ana Ruiz"
    assert (ruiz["speaker"]["country"], ruiz["speaker"]["sector"],
            ruiz["speaker"]["kb_id"]) == ("PRT", "GOV", "test:ruiz")
    assert ruiz["kind"] == "direct" and ruiz["cue"] == "told"
    assert ruiz["article"]["site"] == "Harbor Times"
    assert ruiz["article"]["url"] == "https://harbortimes.example/ruiz-berg"


def test_quote_sentence_runs_from_sentence_start_to_sentence_end(store):
    rows = {row["text"]: row for row in store.quotes()}
    assert (rows["We agreed on the quotas for the next season,"]["sentence"]["text"]
            == '"We agreed on the quotas for the next season," Ruiz told reporters after the '
               'talks.')
    assert (rows["productive and frank."]["sentence"]["text"]
            == 'Norway\'s Berg called the meeting "productive and frank."')
    assert (rows["the two governments would meet again in April"]["sentence"]["text"]
            == "Berg said the two governments would meet again in April.")


def test_speaker_matches_name_or_any_alias_of_its_actor(store):
    assert len(store.quotes(speaker="berg")) == 2
    assert len(store.quotes(speaker="Tomas Berg")) == 2  # the actor's name, not as written
    assert texts(store.quotes(speaker="ana ruiz")) == [
        "We agreed on the quotas for the next season,"]
    assert store.quotes(speaker="Ber") == []


def test_quote_filters_country_contains_and_dates(store):
    assert texts(store.quotes(country="NOR")) == ["productive and frank.",
                                                  "the two governments would meet again in April"]
    assert texts(store.quotes(contains="QUOTAS")) == [
        "We agreed on the quotas for the next season,"]
    assert texts(store.quotes(since="2025-03-15")) == ["productive and frank."]
    assert texts(store.quotes(until="2025-03-14", speaker="berg")) == [
        "the two governments would meet again in April"]
    assert len(store.quotes(limit=1, offset=1, speaker="berg")) == 1
    with pytest.raises(UsageError):
        store.quotes(since="March")


@pytest.mark.parametrize("body, quoted, sentence", [
    ('Talks ended. "We agreed," Guo said on Thursday. Then it rained.', "We agreed,",
     '"We agreed," Guo said on Thursday.'),
    ('He met the U.S. envoy. Lula said: "We will hold firm." Boric nodded.', "We will hold firm.",
     'Lula said: "We will hold firm."'),
    ("First.\n\nA quote with no end \"we go on\n\nNext paragraph.", "we go on",
     'A quote with no end "we go on'),
    ("Mr. J. Smith said \"fine\" today. Next.", "fine", 'J. Smith said "fine" today.'),
    ("No full stop at all, he said \"yes\"", "yes", 'No full stop at all, he said "yes"'),
])
def test_sentence_bounds_simple_punctuation_rule(body, quoted, sentence):
    start = body.index(quoted)
    left, right = sentence_bounds(body, start, start + len(quoted))
    assert body[left:right] == sentence


def test_sentence_bounds_cut_a_run_on_text_around_the_quote():
    body = "word " * 2000 + '"the quote" ' + "word " * 2000
    start = body.index("the quote")
    left, right = sentence_bounds(body, start, start + 9)
    assert left < start and right > start + 9 and right - left <= 1300
