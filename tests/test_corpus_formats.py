"""Every supported format, from small hand-made files written in tmp_path."""

from __future__ import annotations

import json

from newsx.core.corpus.loading import load_corpus

LEDE = "Rescue teams reached the flooded village of Marlow on Tuesday after two days of heavy rain, officials said."
SECOND = "About 300 residents were moved to a school gym, and the river is expected to crest on Thursday."


def _one(result):
    assert not [p for p in result.problems if p.fatal], result.problems
    assert len(result.articles) == 1
    return result.articles[0]


def test_txt_headline_byline_and_date(tmp_path):
    f = tmp_path / "flood.txt"
    f.write_text(f"Floodwaters Reach Marlow\n\nBy Jane Roe | Published March 5, 2024\n\n{LEDE}\n\n{SECOND}\n", encoding="utf-8")
    a = _one(load_corpus([f]))
    assert (a.id, a.path) == ("flood", str(f))
    assert a.title == "Floodwaters Reach Marlow" and not a.title_guessed
    assert a.byline == "Jane Roe"
    assert a.published == "2024-03-05"
    assert a.text == f"{LEDE}\n\n{SECOND}"


def test_txt_without_title_gets_a_short_one_from_the_lede(tmp_path):
    f = tmp_path / "lede.txt"
    f.write_text(f"{LEDE}\n{SECOND}\n", encoding="utf-8")
    a = _one(load_corpus([f]))
    assert a.title_guessed
    assert a.title.startswith("Rescue teams reached the flooded village")
    assert len(a.title.split()) <= 13


def test_markdown_front_matter_gives_metadata(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: River crests in Marlow\noutlet: Valley Herald\npublished: 2024-03-06\nauthor: Sam Poe\n---\n"
        f"# River crests in Marlow\n\n{LEDE} See [the map](http://x.test/map).\n\n![photo](a.jpg)\n\n**{SECOND}**\n",
        encoding="utf-8",
    )
    a = _one(load_corpus([f]))
    assert (a.title, a.outlet, a.published, a.byline) == ("River crests in Marlow", "Valley Herald", "2024-03-06", "Sam Poe")
    assert "See the map." in a.text and "http" not in a.text and "**" not in a.text and "photo" not in a.text
    assert not a.text.startswith("River crests")


def test_html_main_text_and_metadata_via_trafilatura(tmp_path):
    f = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEDE, SECOND, LEDE.replace("Tuesday", "Monday"), SECOND.replace("300", "400")))
    f.write_text(
        "<html><head><title>Flood | Valley Herald</title><meta property='og:site_name' content='Valley Herald'>"
        "<meta name='author' content='Jane Roe'><meta property='article:published_time' content='2024-03-05T10:00:00Z'>"
        "<link rel='canonical' href='https://herald.test/flood'></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Floodwaters Reach Marlow</h1>{paragraphs}</article>"
        "<footer>Subscribe to our newsletter and support our journalism today!</footer></body></html>",
        encoding="utf-8",
    )
    a = _one(load_corpus([f]))
    assert a.title == "Floodwaters Reach Marlow"
    assert a.outlet == "Valley Herald"
    assert a.published == "2024-03-05"
    assert a.byline == "Jane Roe"
    assert a.url == "https://herald.test/flood"
    assert LEDE in a.text and "Home" not in a.text and "newsletter" not in a.text


def test_json_list_and_jsonl_objects(tmp_path):
    items = [
        {"text": f"{LEDE}\n\n{SECOND}", "title": "Flood one", "url": "https://a.test/1", "outlet": "Valley Herald", "published": "2024-03-05", "author": "Jane Roe"},
        {"text": SECOND},
        {"title": "no text here"},
    ]
    (tmp_path / "many.json").write_text(json.dumps(items), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(i) for i in items[:2]) + "\n{not json\n", encoding="utf-8")
    result = load_corpus([tmp_path])
    ids = [a.id for a in result.articles]
    assert ids == ["feed", "feed#2", "many", "many#2"]
    first = result.articles[2]
    assert (first.title, first.outlet, first.published, first.byline, first.url) == ("Flood one", "Valley Herald", "2024-03-05", "Jane Roe", "https://a.test/1")
    assert result.articles[3].title_guessed
    notes = [p for p in result.problems if not p.fatal]
    assert any("many.json" in p.path and "item 3" in p.message for p in notes)
    assert any("feed.jsonl" in p.path and "line 3" in p.message for p in notes)


def test_rss_and_atom_one_article_per_entry_with_content(tmp_path):
    rss = tmp_path / "news.xml"
    rss.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Valley Herald</title>"
        f"<item><title>Flood update</title><link>https://h.test/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{LEDE}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</description></item>"
        "<item><title>Empty</title><link>https://h.test/2</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    atom = tmp_path / "wire.atom"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
        f"<entry><title>River crests</title><id>x1</id><updated>2024-03-06T08:00:00Z</updated><author><name>Sam Poe</name></author>"
        f"<content type='html'>&lt;p&gt;{SECOND}&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    result = load_corpus([tmp_path])
    by_id = {a.id: a for a in result.articles}
    assert set(by_id) == {"news", "wire"}
    assert (by_id["news"].title, by_id["news"].outlet, by_id["news"].published, by_id["news"].url) == ("Flood update", "Valley Herald", "2024-03-05", "https://h.test/1")
    assert by_id["news"].text == f"{LEDE}\n\n{SECOND}"
    assert (by_id["wire"].title, by_id["wire"].byline, by_id["wire"].published) == ("River crests", "Sam Poe", "2024-03-06")
    assert any("entry 2" in p.message for p in result.problems if not p.fatal)


def test_xml_that_is_not_a_feed_is_named(tmp_path):
    f = tmp_path / "data.xml"
    f.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    result = load_corpus([f])
    assert not result.articles
    assert [p.message for p in result.problems] == ["XML file is not an RSS or Atom feed"]


def test_sidecar_overrides_guesses_and_is_never_loaded_as_article(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text(f"WASHINGTON (AP) — {LEDE}\n\n{SECOND}\n", encoding="utf-8")
    (tmp_path / "wire.txt.meta.toml").write_text(
        'title = "Marlow floods"\noutlet = "Valley Herald"\npublished = "2024-03-05"\nurl = "https://h.test/x"\nauthor = "Jane Roe"\n', encoding="utf-8"
    )
    a = _one(load_corpus([tmp_path]))
    assert (a.title, a.outlet, a.published, a.url, a.byline) == ("Marlow floods", "Valley Herald", "2024-03-05", "https://h.test/x", "Jane Roe")
    assert not a.title_guessed
    assert a.dateline == "WASHINGTON"


def test_bad_sidecar_is_a_note_and_guesses_remain(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text(f"WASHINGTON (AP) — {LEDE}\n", encoding="utf-8")
    (tmp_path / "wire.txt.meta.toml").write_text("title = [unclosed", encoding="utf-8")
    result = load_corpus([f])
    assert result.articles[0].outlet == "Associated Press"
    assert any("sidecar" in p.message and not p.fatal for p in result.problems)


def test_ids_follow_file_stem_and_split_order(tmp_path):
    body = " ".join([LEDE, SECOND] * 4)
    f = tmp_path / "two.txt"
    f.write_text(
        f"First Flood Story Headline Here\n\nBy Jane Roe\n\n{body}\n\n{body}\n\n\n\n"
        f"Second Story About The Dam Breach\n\nBy Sam Poe\n\n{body.replace('Marlow', 'Dunmore')}\n",
        encoding="utf-8",
    )
    result = load_corpus([f])
    assert [(a.id, a.title, a.byline) for a in result.articles] == [
        ("two", "First Flood Story Headline Here", "Jane Roe"),
        ("two#2", "Second Story About The Dam Breach", "Sam Poe"),
    ]


SUB_BODY = " ".join([LEDE, SECOND] * 3)


def _write(tmp_path, text):
    f = tmp_path / "s.txt"
    f.write_text(text, encoding="utf-8")
    return load_corpus([f]).articles


def test_subheadings_never_split_an_article(tmp_path):
    caption = "Rescuers carry a resident through the water in Marlow on Tuesday. (AP Photo/Jane Roe)"
    arts = _write(
        tmp_path,
        f"Floods Hit Marlow\n\n{SUB_BODY}\n\nResidents Moved To Higher Ground\n\n{caption}\n\n{SUB_BODY}\n\n"
        f"What Comes Next\n\n{SUB_BODY.replace('300', '500')}\n",
    )
    assert len(arts) == 1
    assert "Residents Moved To Higher Ground" in arts[0].text and "What Comes Next" in arts[0].text
    assert caption not in arts[0].text


def test_loose_spacing_with_subheadings_is_one_article(tmp_path):
    arts = _write(tmp_path, f"{SUB_BODY}\n\n\n\nWhat Comes Next For The Town\n\n\n\n{SUB_BODY.replace('300', '500')}\n\n\n\n{SECOND}\n")
    assert len(arts) == 1


def test_articles_after_a_wide_gap_split(tmp_path):
    arts = _write(
        tmp_path,
        f"Floods Hit Marlow\n{SUB_BODY}\n{SECOND}\n\n\n\nDam Repairs Begin In Dunmore\n{LEDE.replace('Marlow', 'Dunmore')}\n{SECOND}\n",
    )
    assert [a.title for a in arts] == ["Floods Hit Marlow", "Dam Repairs Begin In Dunmore"]


def test_json_export_with_article_list_and_html_text(tmp_path):
    f = tmp_path / "export.json"
    f.write_text(json.dumps({"count": 1, "articles": [{"title": "Flood", "text": f"<p>{LEDE}</p><p>{SECOND} &amp; more.</p>"}]}), encoding="utf-8")
    a = _one(load_corpus([f]))
    assert a.text == f"{LEDE}\n\n{SECOND} & more."


def test_sidecar_title_names_only_the_first_of_a_split_file(tmp_path):
    body = " ".join([LEDE, SECOND] * 4)
    f = tmp_path / "two.txt"
    f.write_text(f"First Flood Story Headline\n\nBy Jane Roe\n\n{body}\n\n\n\nSecond Story About The Dam\n\nBy Sam Poe\n\n{body}\n", encoding="utf-8")
    (tmp_path / "two.txt.meta.toml").write_text('title = "Given title"\noutlet = "Valley Herald"\n', encoding="utf-8")
    result = load_corpus([tmp_path])
    assert [(a.title, a.outlet) for a in result.articles] == [("Given title", "Valley Herald"), ("Second Story About The Dam", "Valley Herald")]


def test_headline_then_wire_dateline_starts_a_new_article(tmp_path):
    arts = _write(
        tmp_path,
        f"Floods Hit Marlow\n\n{SUB_BODY}\n\nDam repairs begin in Dunmore\n\nDUNMORE, March 6 (Reuters) - {LEDE}\n\n{SECOND}\n",
    )
    assert [a.title for a in arts] == ["Floods Hit Marlow", "Dam repairs begin in Dunmore"]
    assert arts[1].outlet == "Reuters" and arts[1].dateline == "DUNMORE"
