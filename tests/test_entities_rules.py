"""Entity rules on plain data (no spaCy): in-article resolution and corpus linking."""

from __future__ import annotations

import re

from newsx.core.link.entities.linking import link_entities
from newsx.core.model.analyses import ArticleAnalysis, Mention
from newsx.core.model.articles import Article
from newsx.core.nlp.mentions import resolve_in_article
from newsx.core.nlp.names import acronym_letters, clean_name, initials, person_words


def mentions_in(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    """Mentions for the given (surface, label) pairs, found left to right in `text`."""
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(start, start + len(surface), surface, label))
        pos = start + len(surface)
    return out


def titled(text: str, mentions: list[Mention]) -> list[tuple[Mention, set[str]]]:
    """Pair each mention with the specific titles just before it, as extraction does."""
    out = []
    for m in mentions:
        before = text[max(0, m.start - 30): m.start].split()[-2:]
        titles = {w.casefold().strip(".") for w in before} & {"minister", "leader", "admiral", "adm"}
        out.append((m, {"admiral" if t == "adm" else t for t in titles}))
    return out


def article(aid: str, text: str) -> Article:
    return Article(id=aid, path=f"/{aid}.txt", title=aid, text=text)


def index_of(docs: dict[str, tuple[str, list[tuple[str, str]]]]):
    articles, analyses = [], {}
    for aid, (text, spans) in docs.items():
        articles.append(article(aid, text))
        found = mentions_in(text, spans)
        analyses[aid] = ArticleAnalysis(sentences=((0, len(text)),), mentions=tuple(resolve_in_article(titled(text, found))))
    return articles, link_entities(articles, analyses)


def entity_with(entities, surface: str):
    hits = [e for e in entities if any(s.text == surface for s in e.mention_spans)]
    assert len(hits) == 1, f"{surface!r} in {[e.name for e in hits]}"
    return hits[0]


# --------------------------------------------------------------------------- names


def test_name_helpers():
    assert clean_name("the Pentagon") == "Pentagon"
    assert clean_name("North Korea’s") == "North Korea"
    assert person_words("Defense Minister Kim Yong-hyun") == ["Kim", "Yong-hyun"]
    assert person_words("Adm. Kim Myung-soo") == ["Kim", "Myung-soo"]
    assert person_words("Charles “CQ” Brown") == ["Charles", "Brown"]
    assert acronym_letters("U.S.") == "US" and acronym_letters("Seoul") is None
    assert initials("Joint Chiefs of Staff") == "JCS"
    assert initials("the Korean Central News Agency") == "KCNA"


# --------------------------------------------------------------------------- one article


def test_surname_takes_nearest_earlier_full_name_and_people_sharing_it_stay_apart():
    text = ("Defense Minister Kim Yong-hyun met Lloyd Austin. Kim said the talks went well. "
            "North Korean leader Kim Jong Un spoke later. Kim warned Seoul. "
            "Minister Kim replied. Austin agreed.")
    found = mentions_in(text, [("Kim Yong-hyun", "PERSON"), ("Lloyd Austin", "PERSON"), ("Kim", "PERSON"),
                               ("Kim Jong Un", "PERSON"), ("Kim", "PERSON"), ("Seoul", "GPE"),
                               ("Kim", "PERSON"), ("Austin", "PERSON")])
    refs = [m.ref for m in resolve_in_article(titled(text, found))]
    assert refs == [None, None, "Kim Yong-hyun", None, "Kim Jong Un", None,
                    # "Minister Kim" comes after Kim Jong Un, but the title says which Kim
                    "Kim Yong-hyun", "Lloyd Austin"]


def test_surname_before_any_full_name_takes_the_next_one():
    text = "Austin arrived on Monday. Defense Secretary Lloyd Austin then spoke."
    found = mentions_in(text, [("Austin", "PERSON"), ("Lloyd Austin", "PERSON")])
    assert [m.ref for m in resolve_in_article(titled(text, found))] == ["Lloyd Austin", None]


def test_first_name_fragment_and_mistagged_surname_resolve():
    text = "Vladimir Putin met envoys. Vladimir praised them, and Putin smiled."
    found = mentions_in(text, [("Vladimir Putin", "PERSON"), ("Vladimir", "PERSON"), ("Putin", "ORG")])
    assert [m.ref for m in resolve_in_article(titled(text, found))] == [None, "Vladimir Putin", "Vladimir Putin"]


def test_acronym_is_not_a_piece_of_a_name():
    text = "Kim Jong Un addressed the UN on Monday."
    found = mentions_in(text, [("Kim Jong Un", "PERSON"), ("UN", "ORG")])
    assert resolve_in_article(titled(text, found))[1].ref is None


# --------------------------------------------------------------------------- across articles


def test_spelling_variants_merge_when_context_agrees():
    _, entities = index_of({
        "a": ("Foreign Minister Cho Tae-yul met NATO officials in Seoul.", [("Cho Tae-yul", "PERSON"), ("NATO", "ORG"), ("Seoul", "GPE")]),
        "b": ("Cho Tae-yeol spoke to NATO in Brussels.", [("Cho Tae-yeol", "PERSON"), ("NATO", "ORG"), ("Brussels", "GPE")]),
    })
    cho = entity_with(entities, "Cho Tae-yul")
    assert cho is entity_with(entities, "Cho Tae-yeol")
    assert cho.label == "PERSON" and cho.articles == ("a", "b")


def test_different_full_names_never_merge():
    _, entities = index_of({
        "a": ("Kim Yong-hyun met Kim Myung-soo.", [("Kim Yong-hyun", "PERSON"), ("Kim Myung-soo", "PERSON")]),
        "b": ("Kim Jong Un watched Kim Yong-hyun.", [("Kim Jong Un", "PERSON"), ("Kim Yong-hyun", "PERSON")]),
        "c": ("John Smith and Joan Smith left.", [("John Smith", "PERSON"), ("Joan Smith", "PERSON")]),
        "d": ("Joan Smith returned.", [("Joan Smith", "PERSON")]),
    })
    names = {e.name for e in entities}
    assert {"Kim Yong-hyun", "Kim Myung-soo", "Kim Jong Un", "John Smith", "Joan Smith"} <= names
    assert len({id(entity_with(entities, n)) for n in ("Kim Myung-soo", "Kim Jong Un", "John Smith")}) == 3


def test_acronym_from_full_name_in_parentheses_and_from_initials():
    text_a = "The Korean Central News Agency (KCNA) said so. KCNA added more."
    text_b = "According to KCNA, the Joint Chiefs of Staff and the JCS met."
    _, entities = index_of({
        "a": (text_a, [("Korean Central News Agency", "ORG"), ("KCNA", "ORG"), ("KCNA", "ORG")]),
        "b": (text_b, [("KCNA", "PERSON"), ("Joint Chiefs of Staff", "ORG"), ("JCS", "PERSON")]),
    })
    kcna = entity_with(entities, "KCNA")
    assert kcna.name == "Korean Central News Agency" and kcna.label == "ORG" and kcna.mentions == 4
    jcs = entity_with(entities, "JCS")
    assert jcs.name == "Joint Chiefs of Staff" and jcs.label == "ORG"


def test_expansion_the_model_missed_becomes_a_mention():
    text = "Seoul's National Intelligence Service (NIS) said so, the NIS added."
    arts, entities = index_of({"a": (text, [("Seoul", "GPE"), ("NIS", "ORG"), ("NIS", "ORG")])})
    nis = entity_with(entities, "NIS")
    assert nis.name == "National Intelligence Service"
    spans = {(s.start, s.end, s.text) for s in nis.mention_spans}
    start = text.index("National")
    assert (start, start + len("National Intelligence Service"), "National Intelligence Service") in spans


def test_majority_label_and_leading_article():
    _, entities = index_of({
        "a": ("The Pentagon said Kyiv needs help.", [("The Pentagon", "ORG"), ("Kyiv", "GPE")]),
        "b": ("Kyiv is far from the Pentagon.", [("Kyiv", "PERSON"), ("the Pentagon", "ORG")]),
        "c": ("Officials in Kyiv agreed.", [("Kyiv", "GPE")]),
    })
    assert entity_with(entities, "Kyiv").label == "GPE"
    pentagon = entity_with(entities, "The Pentagon")
    assert pentagon.name == "Pentagon" and entity_with(entities, "the Pentagon") is pentagon


def test_bare_surname_joins_the_only_person_it_fits():
    _, entities = index_of({
        "a": ("Lloyd Austin flew to Seoul.", [("Lloyd Austin", "PERSON"), ("Seoul", "GPE")]),
        "b": ("Austin said nothing.", [("Austin", "PERSON")]),
        "c": ("Kim Jong Un and Kim Yong-hyun.", [("Kim Jong Un", "PERSON"), ("Kim Yong-hyun", "PERSON")]),
        "d": ("Kim said nothing.", [("Kim", "PERSON")]),
    })
    assert entity_with(entities, "Austin").name == "Lloyd Austin"
    # Two people fit "Kim": it stays apart rather than guess.
    assert entity_with(entities, "Kim").name == "Kim"


def test_ids_are_short_stable_and_by_importance():
    docs = {
        "a": ("Seoul and Tokyo met on Monday.", [("Seoul", "GPE"), ("Tokyo", "GPE"), ("Monday", "DATE")]),
        "b": ("Seoul spoke.", [("Seoul", "GPE")]),
    }
    _, first = index_of(docs)
    _, again = index_of(docs)
    assert [(e.id, e.name) for e in first] == [(e.id, e.name) for e in again] == [("e1", "Seoul"), ("e2", "Tokyo")]


def test_offsets_index_the_article_text():
    arts, entities = index_of({
        "a": ("North Korea’s army and the United States (US) met.", [("North Korea", "GPE"), ("United States", "GPE"), ("US", "GPE")]),
    })
    texts = {a.id: a.text for a in arts}
    for e in entities:
        for s in e.mention_spans:
            assert texts[s.article][s.start:s.end] == s.text
    assert entity_with(entities, "US").name == "United States"


def test_many_articles_link_without_comparing_all_pairs():
    # 400 articles, each naming its own person and a shared place: linking stays correct.
    docs = {}
    for i in range(400):
        first = "".join(chr(97 + int(d)) for d in f"{i:03d}").title()
        text = f"{first} Lastname{i} visited Seoul."
        docs[f"a{i}"] = (text, [(f"{first} Lastname{i}", "PERSON"), ("Seoul", "GPE")])
    _, entities = index_of(docs)
    assert entities[0].name == "Seoul" and len(entities[0].articles) == 400
    assert len(entities) == 401
    assert all(re.fullmatch(r"e\d+", e.id) for e in entities)


def test_near_names_of_different_people_stay_apart():
    # Same company, never in one article, spelt alike: still two people.
    _, entities = index_of({
        "a": ("Maria Lopez met Johnson in Madrid.", [("Maria Lopez", "PERSON"), ("Johnson", "PERSON"), ("Madrid", "GPE")]),
        "b": ("Mario Lopez and Johnston visited Madrid.", [("Mario Lopez", "PERSON"), ("Johnston", "PERSON"), ("Madrid", "GPE")]),
    })
    assert entity_with(entities, "Maria Lopez") is not entity_with(entities, "Mario Lopez")
    assert entity_with(entities, "Johnson") is not entity_with(entities, "Johnston")


def test_one_org_named_with_and_without_its_country():
    _, entities = index_of({
        "a": ("The U.S. Joint Chiefs of Staff met in Seoul.", [("U.S.", "GPE"), ("Joint Chiefs of Staff", "ORG"), ("Seoul", "GPE")]),
        "b": ("U.S. Joint Chiefs of Staff said so.", [("U.S. Joint Chiefs of Staff", "ORG")]),
        "c": ("Russia Defense Ministry and Korea Defense Ministry spoke.", [("Russia Defense Ministry", "ORG"), ("Korea Defense Ministry", "ORG")]),
        "d": ("Russia and Korea. The Defense Ministry said so.", [("Russia", "GPE"), ("Korea", "GPE"), ("Defense Ministry", "ORG")]),
    })
    chiefs = entity_with(entities, "Joint Chiefs of Staff")
    assert chiefs is entity_with(entities, "U.S. Joint Chiefs of Staff")
    assert chiefs.name == "Joint Chiefs of Staff"  # the country says where; it is not the name
    # Two countries' ministries: the plain name could be either, so it joins neither.
    plain = entity_with(entities, "Defense Ministry")
    assert plain is not entity_with(entities, "Russia Defense Ministry")
    assert plain is not entity_with(entities, "Korea Defense Ministry")


def test_name_glued_to_the_entity_before_it_is_split():
    text = "Anthony LaCalamita fled. Shells were in the Ford Fusion LaCalamita was driving."
    found = mentions_in(text, [("Anthony LaCalamita", "PERSON"), ("Ford", "ORG"), ("Fusion LaCalamita", "PERSON")])
    resolved = resolve_in_article(titled(text, found))
    last = resolved[-1]
    assert (last.text, last.ref) == ("LaCalamita", "Anthony LaCalamita")
    assert text[last.start:last.end] == "LaCalamita"


def test_name_after_a_date_is_not_split():
    text = "Herbert Flynn spoke about 20-year-old Ka'loni Flynn of Fort Smith."
    found = mentions_in(text, [("Herbert Flynn", "PERSON"), ("20-year-old", "DATE"), ("Ka'loni Flynn", "PERSON")])
    last = resolve_in_article(titled(text, found))[-1]
    assert (last.text, last.ref) == ("Ka'loni Flynn", None)


def test_bare_surname_the_model_missed_is_the_one_person_of_its_article_with_it():
    _, entities = index_of({
        "a": ("Dana Welby threw for 300 yards. Later, Welby ran in a score.", [("Dana Welby", "PERSON")]),
        # The full name is only found again here; the model called the surname a work of art.
        "b": ("Welby waved to the crowd, who cheered Dana Welby.", [("Welby", "WORK_OF_ART")]),
        # Two people with the surname: the bare one could be either.
        "c": ("Dana Welby and Chris Welby played. Then Welby scored.", [("Dana Welby", "PERSON"), ("Chris Welby", "PERSON")]),
    })
    dana = entity_with(entities, "Dana Welby")
    bare = {(s.article, s.start) for s in dana.mention_spans if s.text == "Welby"}
    assert ("a", 39) in bare and ("b", 0) in bare
    assert not any(s.article == "c" and s.text == "Welby" for e in entities for s in e.mention_spans)
    assert dana.label == "PERSON"


def test_nickname_in_quotes_and_senior_do_not_split_a_person_but_sr_and_jr_are_two():
    _, entities = index_of({
        "a": ('Vincent "The Chin" Gigante died.', [('Vincent "The Chin" Gigante', "PERSON")]),
        "b": ("Vincent Gigante was 77.", [("Vincent Gigante", "PERSON")]),
        "c": ('Vincent "Chin" Gigante ran a family.', [('Vincent "Chin" Gigante', "PERSON")]),
        "d": ("W. Mark Holt Sr. spoke.", [("W. Mark Holt Sr.", "PERSON")]),
        "e": ("Mark Holt said so.", [("Mark Holt", "PERSON")]),
        "f": ("John Marsh Sr. and his son spoke.", [("John Marsh Sr.", "PERSON")]),
        "g": ("John Marsh Jr. said so.", [("John Marsh Jr.", "PERSON")]),
    })
    gigante = entity_with(entities, "Vincent Gigante")
    assert gigante is entity_with(entities, 'Vincent "The Chin" Gigante') is entity_with(entities, 'Vincent "Chin" Gigante')
    assert entity_with(entities, "W. Mark Holt Sr.") is entity_with(entities, "Mark Holt")
    assert entity_with(entities, "John Marsh Sr.") is not entity_with(entities, "John Marsh Jr.")


def test_two_names_in_one_span_split_at_a_comma_only_when_both_stand_alone():
    _, entities = index_of({
        "a": ("At Expoworld, Fruitco Inc. showed a laptop.", [("Expoworld, Fruitco Inc.", "ORG")]),
        "b": ("Fruitco Inc. sells laptops. Expoworld opens today.", [("Fruitco Inc.", "ORG"), ("Expoworld", "ORG")]),
        "c": ("John Marsh, Jr. spoke.", [("John Marsh, Jr.", "PERSON")]),
    })
    fruitco = entity_with(entities, "Fruitco Inc.")
    assert {s.article for s in fruitco.mention_spans} == {"a", "b"}
    assert {s.article for s in entity_with(entities, "Expoworld").mention_spans} == {"a", "b"}
    assert entity_with(entities, "John Marsh, Jr.").name.startswith("John Marsh")


def test_one_name_written_with_and_without_a_space_is_one_entity():
    _, entities = index_of({
        "a": ("Vendor BlueNimbus Inc. was bought.", [("BlueNimbus Inc.", "ORG")]),
        "b": ("Blue Nimbus makes servers.", [("Blue Nimbus", "ORG")]),
        "c": ("Voters in Port Stade said no.", [("Port Stade", "GPE")]),
        "d": ("PortStade Inc. sells boats.", [("PortStade Inc.", "ORG")]),
    })
    assert entity_with(entities, "BlueNimbus Inc.") is entity_with(entities, "Blue Nimbus")
    assert entity_with(entities, "Port Stade") is not entity_with(entities, "PortStade Inc.")  # a place, a firm


def test_expansion_the_model_missed_is_found_again_in_other_articles():
    _, entities = index_of({
        "a": ("A flaw in Wave Browser (WB) let attackers in. The WB patch is out.", [("WB", "ORG"), ("WB", "ORG")]),
        "b": ("Everyone should update Wave Browser today.", []),
    })
    browser = entity_with(entities, "WB")
    assert browser.articles == ("a", "b")
    assert any(s.article == "b" and s.text == "Wave Browser" for s in browser.mention_spans)


def test_two_people_named_by_surname_in_one_span_are_two_mentions():
    text = "Andrew Lopez and Jonathan Marrow were held. Lopez wept. Marrow did not. Lopez and Marrow were charged."
    _, entities = index_of({"a": (text, [("Andrew Lopez", "PERSON"), ("Jonathan Marrow", "PERSON"), ("Lopez", "PERSON"),
                                         ("Marrow", "PERSON"), ("Lopez and Marrow", "ORG")])})
    lopez, marrow = entity_with(entities, "Andrew Lopez"), entity_with(entities, "Jonathan Marrow")
    assert lopez is not marrow
    last = text.rindex("Lopez")
    assert any(s.start == last and s.text == "Lopez" for s in lopez.mention_spans)
    assert any(s.start == text.rindex("Marrow") for s in marrow.mention_spans)
    assert not any(e.name == "Lopez and Marrow" for e in entities)


def test_a_capitalised_word_before_a_name_at_a_sentence_start_is_not_in_its_name():
    _, entities = index_of({
        "a": ("Unemployed Jon Hale was jailed.", [("Unemployed Jon Hale", "PERSON")]),
        "b": ("Jon Hale, who is unemployed, said sorry. Mark Bode will mark the day.", [("Jon Hale", "PERSON"), ("Mark Bode", "PERSON")]),
    })
    assert entity_with(entities, "Unemployed Jon Hale").name == "Jon Hale"
    assert entity_with(entities, "Mark Bode").name == "Mark Bode"


def test_a_model_code_after_the_is_a_product_when_the_story_names_products_by_code():
    phones = {
        "a": ("Acme makes phones. The Acme X20 sold well.", [("Acme", "ORG"), ("Acme X20", "ORG")]),
        "b": ("Buyers liked the X30 more than before.", []),
        "c": ("Acme shipped the X30 first.", [("Acme", "ORG")]),
    }
    _, entities = index_of(phones)
    x30 = entity_with(entities, "X30")
    assert x30.label == "PRODUCT" and x30.articles == ("b", "c")
    # No product named by a code in the story: a bare code says nothing.
    _, entities = index_of({"b": phones["b"], "c": phones["c"]})
    assert not any(e.name == "X30" for e in entities)


def test_a_name_tagged_once_in_an_article_is_found_in_its_repeats_there():
    text = "Palmont Dairy burned. Firefighters reached Palmont Dairy late."
    _, entities = index_of({"a": (text, [("Palmont Dairy", "ORG")])})
    dairy = entity_with(entities, "Palmont Dairy")
    assert {s.start for s in dairy.mention_spans} == {0, text.rindex("Palmont")}


def test_a_name_set_in_capitals_as_a_lead_in_is_not_the_name_shown():
    _, entities = index_of({
        "a": ("KESTREL GLOBAL Holdings Plc will buy Varn Ltd, the company said.",
              [("KESTREL GLOBAL Holdings Plc", "ORG"), ("Varn Ltd", "ORG")]),
        "b": ("Kestrel Global Holdings agreed to pay $3 billion for Varn Ltd.",
              [("Kestrel Global Holdings", "ORG"), ("Varn Ltd", "ORG")]),
    })
    buyer = entity_with(entities, "Kestrel Global Holdings")
    assert buyer is entity_with(entities, "KESTREL GLOBAL Holdings Plc")
    assert buyer.name == "Kestrel Global Holdings"
