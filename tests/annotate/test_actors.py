"""The actor annotator as later stages use it: helpers and bad input."""

from __future__ import annotations


import pytest

from newsgraph.annotate.actors import (actor_for_country, actor_for_span, actors_by_id,
                                      annotate_actors, last_person_before)

pytestmark = pytest.mark.slow

TEXT = ("Before the summit, Russian Foreign Ministry spokesperson Maria Zakharova said Putin and "
        "Erdogan would talk. Russia's stance is firm, she added.")


def _doc(text, published="2025-09-04"):
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.kb import load_kb

    doc = parse_body(text)
    doc._.published = published
    doc._.kb = load_kb()
    return annotate_actors(doc)


def test_actors_actor_for_span_gives_the_person_for_any_part_of_a_titled_name(nlp):
    doc = _doc(TEXT)
    by_id = actors_by_id(doc)
    for part in ("Russian Foreign Ministry spokesperson Maria Zakharova", "spokesperson",
                 "Maria Zakharova", "Zakharova"):
        start = TEXT.index(part)
        actor_id = actor_for_span(doc, start, start + len(part))
        assert actor_id is not None and by_id[actor_id].name == "Maria Zakharova", part


def test_actors_actor_for_span_outside_any_mention_is_none(nlp):
    doc = _doc(TEXT)
    start = TEXT.index("would talk")
    assert actor_for_span(doc, start, start + len("would talk")) is None


def test_actors_last_person_before_skips_countries(nlp):
    doc = _doc(TEXT)
    by_id = actors_by_id(doc)
    assert by_id[last_person_before(doc, TEXT.index("Russia's"))].name == "Recep Tayyip Erdoğan"
    assert last_person_before(doc, 0) is None


def test_actors_ids_follow_first_mention_and_mentions_are_in_text_order(nlp):
    doc = _doc(TEXT)
    assert [a.id for a in doc._.ng_actors] == [f"a{n}" for n in range(1, len(doc._.ng_actors) + 1)]
    starts = [m.start for m in doc._.ng_mentions]
    assert starts == sorted(starts)
    assert {m.actor_id for m in doc._.ng_mentions} <= set(actors_by_id(doc))


def test_actors_text_without_entities_gives_no_actors(nlp):
    doc = _doc("it was a quiet day, and nothing at all happened anywhere.")
    assert doc._.ng_actors == [] and doc._.ng_mentions == []


def test_actors_empty_text_gives_no_actors(nlp):
    doc = _doc("")
    assert doc._.ng_actors == [] and actor_for_span(doc, 0, 0) is None


def test_actors_mixed_scripts_keep_offsets_and_do_not_crash(nlp):
    text = "习近平 met Vladimir Putin in Москва. Путин said «да». Kim Jong Un (김정은) watched."
    doc = _doc(text)
    names = {a.name for a in doc._.ng_actors}
    assert "Vladimir Putin" in names and "Kim Jong Un" in names
    for mention in doc._.ng_mentions:
        assert 0 <= mention.start < mention.end <= len(text)


def test_actors_date_outside_any_term_leaves_the_office_sector_unknown(nlp):
    doc = _doc("Donald Trump opened a casino.", published="1990-04-02")
    trump = [a for a in doc._.ng_actors if a.name == "Donald Trump"][0]
    assert trump.country == "USA"
    assert trump.sector != "GOV" and trump.roles == ()


def test_actors_large_text_finishes_in_linear_time(nlp):
    """The annotator's own cost, after parsing, stays linear: 20,000 words in well under the
    time spaCy took to parse them (a 200,000-word text is measured in docs/actors.md; parsing
    it takes minutes, too long for a unit test)."""
    paragraph = ("Chinese President Xi Jinping met Kim Jong Un in Beijing. Kim thanked Xi, and "
                 "riot police stood by while protesters gathered near the hall of the people. ")
    text = "\n\n".join([paragraph] * 700)  # ~20,000 words
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.kb import load_kb

    doc = parse_body(text)
    doc._.kb = load_kb()
    annotate_actors(doc)
    assert len(doc._.ng_actors) < 10
    assert len(doc._.ng_mentions) >= 700 * 4


def test_actors_actor_for_country_finds_or_adds_the_government(nlp):
    doc = _doc("Kim Jong Un arrived on a visit to China. Russia said nothing.")
    assert actor_for_country(doc, "RUS") is not None
    assert actor_for_country(doc, "CHN") is None  # a place only
    added = actor_for_country(doc, "CHN", create=True)
    actor = actors_by_id(doc)[added]
    assert (actor.name, actor.country, actor.sector, actor.kind) == ("China", "CHN", "GOV", "country")
    assert added in {a.id for a in doc._.ng_actors}
    assert actor_for_country(doc, "CHN") == added
    assert actor_for_country(doc, "XXX", create=True) is None


def test_actors_person_read_only_for_a_government_is_no_actor(nlp):
    doc = _doc("The Trump administration imposed tariffs.", published="2025-09-04")
    assert [(a.name, a.kind) for a in doc._.ng_actors] == [("United States", "country")]
