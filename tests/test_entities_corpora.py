"""Entities on real articles: the bundled seeds and ECB+ clusters from other outlets."""

from __future__ import annotations

import pytest
from conftest import ecbplus_cluster

from newsx.core.export import entities_json
from newsx.core.link.entities.linking import INDEX_LABELS

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def entity_named(index, surface: str):
    """The one entity holding a mention written exactly `surface`."""
    hits = [e for e in index.entities if any(s.text == surface for s in e.mention_spans)]
    assert len(hits) == 1, f"{surface!r} is in {[e.name for e in hits]}"
    return hits[0]


def entity_by_name(index, name: str):
    hits = [e for e in index.entities if e.name == name]
    assert len(hits) == 1, f"{name!r}: {[e.name for e in index.entities][:40]}"
    return hits[0]


def context_before(index, span, width: int = 25) -> str:
    text = index.article_by_id[span.article].text
    return text[max(0, span.start - width): span.start]


def assert_offsets_exact(index):
    for entity in index.entities:
        for s in entity.mention_spans:
            assert index.article_by_id[s.article].text[s.start:s.end] == s.text, (entity.name, s)


# --------------------------------------------------------------------------- seeds


def test_seed_surname_forms_join_their_full_name(seed_index):
    austin = entity_by_name(seed_index, "Lloyd Austin")
    assert austin.label == "PERSON" and "Austin" in austin.aliases
    assert len(austin.articles) >= 4
    assert entity_named(seed_index, "Austin") is austin
    putin = entity_by_name(seed_index, "Vladimir Putin")
    assert {"Putin", "Vladimir"} <= set(putin.aliases)


def test_seed_three_kims_stay_apart_and_each_kim_finds_its_man(seed_index):
    minister = entity_by_name(seed_index, "Kim Yong-hyun")
    leader = entity_by_name(seed_index, "Kim Jong Un")
    admiral = entity_by_name(seed_index, "Kim Myung-soo")
    assert len({minister.id, leader.id, admiral.id}) == 3
    assert all(e.label == "PERSON" for e in (minister, leader, admiral))
    for entity in (minister, leader, admiral):
        assert "Kim" in entity.aliases
    # "Admiral Kim" / "Adm. Kim" is the admiral, "Minister Kim" the minister, "leader Kim" the leader.
    for entity in (minister, leader, admiral):
        for span in entity.mention_spans:
            before = context_before(seed_index, span)
            if before.rstrip().endswith(("Admiral", "Adm.")):
                assert entity is admiral, before
            if before.rstrip().endswith("Minister"):
                assert entity is minister, before
            if before.rstrip().endswith("leader"):
                assert entity is leader, before


def test_seed_spelling_variants_and_acronyms_merge(seed_index):
    cho = entity_by_name(seed_index, "Cho Tae-yul")
    assert "Cho Tae-yeol" in cho.aliases and cho.label == "PERSON"
    kcna = entity_by_name(seed_index, "Korean Central News Agency")
    assert "KCNA" in kcna.aliases and kcna.label == "ORG"
    jcs = entity_named(seed_index, "JCS")
    assert jcs.label == "ORG" and "Joint Chiefs of Staff" in jcs.name
    us = entity_named(seed_index, "U.S.")
    assert us is entity_named(seed_index, "US") and us.label == "GPE"


def test_seed_names_are_tidy_and_labels_corrected(seed_index):
    for entity in seed_index.entities:
        assert entity.label in INDEX_LABELS
        assert not entity.name.lower().startswith("the ")
        assert not entity.name.endswith(("'s", "’s"))
        for alias in entity.aliases:
            assert not alias.endswith(("'s", "’s")), alias
    # "North Korea’s" is a mention of North Korea, not an entity of its own.
    north_korea = entity_by_name(seed_index, "North Korea")
    assert north_korea.label == "GPE" and len(north_korea.articles) >= 5
    # The model calls Kursk a product; "the Kursk region" says it is a place.
    assert entity_by_name(seed_index, "Kursk").label in PLACE_LABELS
    # An all-capitals acronym the model tagged PERSON is an organisation once expanded.
    assert entity_named(seed_index, "SCM").label == "ORG"


def test_seed_dates_stay_mentions_not_entities(seed_index):
    labels = {m.label for a in seed_index.analyses.values() for m in a.mentions}
    assert {"DATE", "CARDINAL"} <= labels
    assert not any(e.label in {"DATE", "CARDINAL", "TIME", "MONEY", "PERCENT"} for e in seed_index.entities)


def test_seed_offsets_point_at_the_text_and_json_has_spans(seed_index):
    assert_offsets_exact(seed_index)
    data = entities_json(seed_index)
    assert [d["id"] for d in data] == [f"e{i}" for i in range(1, len(data) + 1)]
    first = data[0]
    assert set(first) >= {"id", "name", "label", "aliases", "articles", "mentions", "mention_spans"}
    assert first["mentions"] == len(first["mention_spans"])
    assert set(first["mention_spans"][0]) == {"article", "start", "end", "text"}
    # Sorted by importance: the first entity is in at least as many articles as any other.
    assert len(first["articles"]) == max(len(d["articles"]) for d in data)


# --------------------------------------------------------------------------- ECB+


def build(name: str, tmp_path_factory):
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    folder = ecbplus_cluster(name)
    return build_index(load_corpus([folder]), Settings(cache_dir=tmp_path_factory.mktemp(name)))


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    """45ecbplus: a murder trial in Oklahoma."""
    return build("45ecbplus", tmp_path_factory)


@pytest.fixture(scope="module")
def shooting(tmp_path_factory):
    """18ecbplus: an office shooting near Detroit."""
    return build("18ecbplus", tmp_path_factory)


@pytest.fixture(scope="module")
def athens(tmp_path_factory):
    """8ecbplus: a bomb at a bank in Athens."""
    return build("8ecbplus", tmp_path_factory)


def test_ecbplus_victim_and_her_father_share_a_surname_but_not_an_entity(trial):
    victim = entity_named(trial, "Ka'loni Flynn")
    assert victim is entity_named(trial, "Ka'Loni Marie Flynn")  # the model cut "Ka'Loni"; repaired
    assert victim.label == "PERSON" and len(victim.articles) >= 10
    father = entity_named(trial, "Herbert Flynn")
    assert father is not victim and father.label == "PERSON"
    simpson = entity_by_name(trial, "Christopher Kenyon Simpson")
    assert "Simpson" in simpson.aliases and len(simpson.articles) >= 10
    assert_offsets_exact(trial)


def test_ecbplus_person_tagged_org_is_a_person(shooting):
    # The model tags "Paul Riva" and "Riva" ORG in several articles; the corpus says person.
    riva = entity_by_name(shooting, "Paul Riva")
    assert riva.label == "PERSON" and "Riva" in riva.aliases
    assert not any(e.name == "Riva" for e in shooting.entities)


def test_ecbplus_two_kafourys_stay_apart(shooting):
    victim = entity_by_name(shooting, "Madeline Kafoury")
    son = entity_by_name(shooting, "Charlie Kafoury")
    assert victim is not son
    assert victim.label == son.label == "PERSON"
    firm = entity_named(shooting, "Gordon Advisors")
    assert firm is entity_named(shooting, "Gordon Advisers") and firm.label == "ORG"
    assert_offsets_exact(shooting)


def test_ecbplus_acronyms_and_transliterations(athens):
    imf = entity_by_name(athens, "International Monetary Fund")
    assert "IMF" in imf.aliases and imf.label == "ORG"
    union = entity_named(athens, "Giannis Panagopoulos")
    assert union is entity_named(athens, "Yiannis Panagopoulos")
    greek = entity_named(athens, "Greek")
    assert greek is entity_named(athens, "Greeks") and greek.label == "NORP"
    # Different people never merge: the prime minister and the president.
    assert entity_named(athens, "George Papandreou") is not entity_named(athens, "Karolos Papoulias")
    assert_offsets_exact(athens)


# --------------------------------------------------------------------------- extraction on real parses


@pytest.fixture(scope="module")
def nlp(seed_index):
    """The pipeline the seed index already loaded (cached by core.nlp)."""
    from newsx.core.nlp.pipeline import load_pipeline
    from newsx.core.settings import Settings

    return load_pipeline(Settings().model)


@pytest.mark.parametrize(
    "text, expected",
    [
        # (surface as kept, the full name it stands for or None)
        ("The Pentagon’s budget grew.", [("Pentagon", None)]),
        ("North Korea’s troops and Vladimir Putin. Vladimir smiled.",
         [("North Korea", None), ("Vladimir Putin", None), ("Vladimir", "Vladimir Putin")]),
        ("Mr. Kim met President Joe Biden. Biden's aide waited.",
         [("Kim", None), ("Joe Biden", None), ("Biden", "Joe Biden")]),
        # "Secretary General" is a title: NATO stays an organisation mention.
        ("NATO Secretary General Mark Rutte spoke.", [("NATO", None), ("Mark Rutte", None)]),
        # a time zone is part of a time; "D.C." says which Washington; a country after a city stays
        ("The missile flew at 0722 GMT on Thursday, officials in Washington, D.C., said.", [("Washington", None)]),
        ("Talks in Seoul, South Korea, ended.", [("Seoul", None), ("South Korea", None)]),
        # the article the model takes into a name ("An Ostland Navy") is not part of it
        ("An Ostland Navy ship has towed the skiff.", [("Ostland Navy", None)]),
    ],
)
def test_extracted_spans_are_trimmed_and_resolved(nlp, text, expected):
    from newsx.core.nlp.mentions import extract_mentions

    mentions = [m for m in extract_mentions(nlp(text)) if m.label in INDEX_LABELS]
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert [(m.text, m.ref) for m in mentions] == expected
