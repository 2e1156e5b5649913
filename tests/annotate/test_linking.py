"""Linking inside an article: one actor however it is named."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _annotate(text, published=None):
    from newsgraph.annotate.actors import annotate_actors, actors_by_id
    from newsgraph.annotate.nlp import parse_body
    from newsgraph.kb import load_kb

    doc = parse_body(text)
    doc._.published = published
    doc._.kb = load_kb()
    annotate_actors(doc)
    by_id = actors_by_id(doc)
    return [(text[m.start:m.end], by_id[m.actor_id]) for m in doc._.ng_mentions]


def _actor_of(mentions, text, nth=0):
    return [a for t, a in mentions if t == text][nth]


def test_linking_surname_joins_the_full_name(nlp):
    mentions = _annotate("Kenyan President William Ruto met Nigerian President Bola Tinubu. "
                         "Ruto thanked Tinubu.", "2024-05-01")
    assert _actor_of(mentions, "Ruto").name == "William Ruto"
    assert _actor_of(mentions, "Tinubu").name == "Bola Tinubu"


def test_linking_unknown_person_surname_joins_the_full_name(nlp):
    mentions = _annotate("Police spokesperson Amina Wekesa said two men were arrested. "
                         "Wekesa said more arrests would follow.")
    assert _actor_of(mentions, "Wekesa").id == _actor_of(mentions, "Amina Wekesa").id


def test_linking_title_and_surname_joins_the_person(nlp):
    mentions = _annotate("Xi Jinping met Kim Jong Un. President Xi praised the ties.", "2025-09-04")
    xi = [a for t, a in mentions if t.endswith("Xi")]
    assert xi and all(a.name == "Xi Jinping" for a in xi)


def test_linking_role_noun_joins_the_person_of_that_country(nlp):
    mentions = _annotate("Emmanuel Macron flew to Berlin on Monday. The French president "
                         "met Olaf Scholz.", "2023-05-02")
    assert _actor_of(mentions, "The French president").name == "Emmanuel Macron"


def test_linking_role_noun_without_the_person_uses_the_office_holder(nlp):
    mentions = _annotate("The President of the United States spoke on Monday.", "2022-01-10")
    assert _actor_of(mentions, "The President").name == "Joe Biden"


def test_linking_capital_and_seat_of_government_join_the_country(nlp):
    mentions = _annotate("Russia warned Kyiv. The Kremlin said Moscow would respond.")
    ids = {a.id for t, a in mentions if t in ("Russia", "Kremlin", "The Kremlin", "Moscow")}
    assert len(ids) == 1


def test_linking_acronym_joins_the_organisation(nlp):
    mentions = _annotate("The Volta River Workers Union called a strike. The VRWU said talks failed.")
    union = [a for t, a in mentions if "Union" in t]
    acronym = [a for t, a in mentions if t == "VRWU"]
    assert union and acronym and union[0].id == acronym[0].id


def test_linking_pronoun_joins_the_last_person_subject(nlp):
    mentions = _annotate("Mrs. Carter met Mr. Okafor in Lagos. She thanked him for his help.")
    assert _actor_of(mentions, "She").id == _actor_of(mentions, "Carter").id
    assert _actor_of(mentions, "him").id == _actor_of(mentions, "Okafor").id


def test_linking_pronoun_without_a_person_stays_unlinked(nlp):
    mentions = _annotate("The storm hit the coast. He said nothing.")
    assert not [t for t, _ in mentions if t == "He"]


def test_linking_definite_role_noun_joins_the_group_already_named(nlp):
    mentions = _annotate("Kenyan police arrested dozens. The police said the protest was illegal.")
    kenyan = _actor_of(mentions, "Kenyan police")
    assert _actor_of(mentions, "The police").id == kenyan.id
    assert (kenyan.country, kenyan.sector) == ("KEN", "COP")


def test_linking_names_with_diacritics_join_their_plain_spelling(nlp):
    mentions = _annotate("Recep Tayyip Erdoğan spoke in Ankara. Erdogan later left.", "2024-01-01")
    assert _actor_of(mentions, "Erdogan").name == _actor_of(mentions, "Recep Tayyip Erdoğan").name


def test_linking_its_joins_the_country_named_before(nlp):
    mentions = _annotate("The Kremlin denied it. Moscow said its forces hit only military "
                         "targets.", "2022-03-01")
    assert _actor_of(mentions, "its").id == _actor_of(mentions, "Moscow").id
    forces = _actor_of(mentions, "its forces")
    assert (forces.country, forces.sector) == ("RUS", "MIL")


def test_linking_it_as_a_subject_joins_the_organisation(nlp):
    mentions = _annotate("The company said it would appeal the ruling.")
    assert _actor_of(mentions, "it").id == _actor_of(mentions, "The company").id


def test_linking_placeholder_it_is_no_mention(nlp):
    mentions = _annotate("Russia sent troops. It is not clear why.")
    assert "It" not in [t for t, _ in mentions]


def test_linking_two_nationalities_give_two_groups(nlp):
    mentions = _annotate("He was killed in what U.S. and Iraqi officials describe as a joint "
                         "operation.", "2025-03-14")
    us, iraqi = _actor_of(mentions, "U.S."), _actor_of(mentions, "Iraqi officials")
    assert (us.country, us.sector) == ("USA", "GOV")
    assert (iraqi.country, iraqi.sector) == ("IRQ", "GOV")
    assert us.id != iraqi.id


def test_linking_role_noun_before_a_name_joins_the_name(nlp):
    mentions = _annotate("The U.N. special envoy for Syria is calling for an end to violence. "
                         "Geir Pedersen issued his appeal Friday.", "2025-03-14")
    assert _actor_of(mentions, "The U.N. special envoy").name == "Geir Pedersen"
    assert _actor_of(mentions, "his").name == "Geir Pedersen"


def test_linking_role_noun_does_not_join_a_name_of_another_country(nlp):
    mentions = _annotate("The Chinese foreign ministry spokesman criticised the plan. "
                         "Antony Blinken defended it.", "2023-06-01")
    spokesman = [a for t, a in mentions if "spokesman" in t][0]
    assert spokesman.country == "CHN" and spokesman.name != "Antony Blinken"


def test_linking_indefinite_role_mention_stays_its_own_person(nlp):
    mentions = _annotate("A former EU commissioner said the plan was flawed. Ursula von der "
                         "Leyen disagreed.", "2025-03-14")
    commissioner = _actor_of(mentions, "A former EU commissioner")
    assert commissioner.kind == "person" and commissioner.kb_id is None
    assert commissioner.sector == "ELI"
    assert _actor_of(mentions, "Ursula von der Leyen").id != commissioner.id


def test_linking_known_surname_is_the_person_whatever_the_model_label(nlp):
    mentions = _annotate("Trump said the talks went well. Trump added that tariffs would stay.",
                         "2025-09-04")
    assert all(a.name == "Donald Trump" for t, a in mentions if t == "Trump")


def test_merging_a_role_into_a_person_named_earlier_keeps_every_draft_in_order():
    # A role noun merged into a person whose draft came first must not leave the role's
    # deleted key behind in the order (it crashed articles with an earlier-named person).
    from newsgraph.annotate.linking import Linker
    from newsgraph.kb import load_kb

    linker = Linker(load_kb(), "2024-01-01")
    for key in ("person:a", "group:b", "group:None:state minister"):
        linker._new(key, "person" if key.startswith("person") else "group")
    linker._merge("group:None:state minister", "person:a")
    assert linker.order == ["person:a", "group:b"]
    assert all(key in linker.drafts for key in linker.order)


def test_merging_a_role_named_first_gives_the_person_the_roles_place():
    from newsgraph.annotate.linking import Linker
    from newsgraph.kb import load_kb

    linker = Linker(load_kb(), "2024-01-01")
    for key in ("group:None:envoy", "group:b", "person:a"):
        linker._new(key, "person" if key.startswith("person") else "group")
    linker._merge("group:None:envoy", "person:a")
    assert linker.order == ["person:a", "group:b"]


def test_linking_its_in_a_clause_the_object_controls_joins_the_object(nlp):
    mentions = _annotate("The Afghan Taliban urged Pakistan to stop its air strikes on border "
                         "villages.", "2025-06-15")
    assert _actor_of(mentions, "its").name == "Pakistan"
