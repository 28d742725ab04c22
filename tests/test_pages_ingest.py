"""Saved web pages (issue 16): the fallback when the precise extraction keeps too little, tables
of figures as readable rows, the site's name cut from the title, bylines that are not a person.
Hand-made pages, with general outlet names."""

from __future__ import annotations

import os

import trafilatura

from newsx.core.corpus.loading import load_corpus
from newsx.core.nlp.quantities import find_quantities

P1 = "A magnitude 6.1 earthquake struck off the coast of Aceh province on Tuesday, killing at least 12 people, officials said."
P2 = "The quake was centred 60 kilometres from Banda Aceh at a depth of 10 kilometres, the agency said."
P3 = "Rescuers were searching collapsed buildings for survivors on Wednesday."
TABLE = (
    "<table><tr><th>District</th><th>Deaths</th><th>Injured</th></tr>"
    "<tr><td>Pidie Jaya</td><td>9</td><td>40</td></tr><tr><td>Bireuen</td><td>3</td><td>12</td></tr></table>"
)
LIST = "<ul><li>Schools were closed in three districts</li><li>Power was cut to 20,000 homes</li></ul>"


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>{body}<footer>Theme by ThemeGrill</footer></body></html>"


def _load(tmp_path, html, name="page.html"):
    f = tmp_path / name
    f.write_text(html, encoding="utf-8")
    result = load_corpus([f])
    assert f.read_text(encoding="utf-8") == html
    (article,) = result.articles
    return article


def test_table_rows_are_kept_as_readable_lines_with_their_figures(tmp_path):
    a = _load(tmp_path, page("<title>Quake toll</title>", f"<article><h1>Quake toll</h1><p>{P1}</p><p>{P2}</p>{TABLE}<p>{P3}</p></article>"))
    paragraphs = a.text.split("\n\n")
    assert "Pidie Jaya: 9 deaths, 40 injured." in paragraphs
    assert "Bireuen: 3 deaths, 12 injured." in paragraphs
    assert not any("|" in p for p in paragraphs)
    row = next(p for p in paragraphs if p.startswith("Bireuen"))
    assert [q.value for q in find_quantities(row)] == [3, 12]


def test_precise_extraction_missing_text_falls_back_and_keeps_list_items(tmp_path):
    html = page("<title>Quake hits Aceh</title>", f"<div><p>{P1}</p><p>{P2}</p>{LIST}<p>{P3}</p></div>")
    precise = trafilatura.extract(html, favor_precision=True) or ""
    assert "Power was cut" not in precise  # what the precise extraction alone loses
    a = _load(tmp_path, html)
    assert "Schools were closed in three districts" in a.text and "Power was cut to 20,000 homes" in a.text
    assert P1 in a.text and P3 in a.text
    assert "Home" not in a.text.split() and "Theme" not in a.text  # newsx's own cleaning still applies


def test_page_where_the_precise_extraction_finds_nothing_still_loads(tmp_path):
    # short paragraphs in plain divs: too little for the precise mode
    body = "".join(f"<div>{p}</div>" for p in (P1, P2, P3))
    a = _load(tmp_path, page("<title>Quake hits Aceh</title>", body))
    assert P1 in a.text and P3 in a.text


def test_site_name_suffix_is_dropped_when_it_names_the_outlet(tmp_path):
    body = f"<div class='entry'><p>{P1}</p><p>{P2}</p></div>"
    a = _load(tmp_path, page('<meta property="og:title" content="Quake hits Aceh | The Harbour Post"><meta property="og:site_name" content="The Harbour Post">', body))
    assert (a.title, a.outlet) == ("Quake hits Aceh", "The Harbour Post")
    b = _load(tmp_path, page('<title>The Harbour Post | Quake hits Aceh</title><meta property="og:site_name" content="The Harbour Post">', body), "b.html")
    assert (b.title, b.outlet) == ("Quake hits Aceh", "The Harbour Post")
    c = _load(tmp_path, page('<meta property="og:title" content="Quake hits Aceh - Harbour Post"><link rel="canonical" href="https://www.theharbourpost.com/news/quake">', body), "c.html")
    assert c.title == "Quake hits Aceh"


def test_a_dash_inside_a_headline_is_not_a_site_name(tmp_path):
    body = f"<div class='entry'><p>{P1}</p><p>{P2}</p></div>"
    a = _load(tmp_path, page('<title>Obama - Biden ticket wins the vote</title><meta property="og:site_name" content="Valley Herald">', body))
    assert a.title == "Obama - Biden ticket wins the vote"


def test_theme_and_posts_link_bylines_are_rejected_a_name_is_kept(tmp_path):
    body = f"<article><h1>Quake hits Aceh</h1><p>{P1}</p><p>{P2}</p><p>View all posts by Ann Lee</p></article>"
    for n, author in enumerate(("View all posts by Ann Lee", "Theme by ThemeGrill", "Newsup theme")):
        a = _load(tmp_path, page(f'<title>Quake hits Aceh</title><meta name="author" content="{author}">', body), f"{n}.html")
        assert a.byline is None, author
        assert "View all posts" not in a.text
    named = _load(tmp_path, page('<title>Quake hits Aceh</title><meta name="author" content="Ann Lee">', body), "named.html")
    assert named.byline == "Ann Lee"


def test_an_empty_page_is_one_line_and_the_rest_loads(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "good.html").write_text(page("<title>Quake</title>", f"<article><p>{P1}</p><p>{P2}</p></article>"), encoding="utf-8")
    result = load_corpus([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    (problem,) = result.problems
    assert os.path.basename(problem.path) == "empty.html" and "no article text" in problem.message


def test_a_table_without_header_cells_and_a_layout_table(tmp_path):
    plain = "<table><tr><td>District</td><td>Deaths</td></tr><tr><td>Bireuen</td><td>3</td></tr></table>"
    layout = f"<table><tr><td><p>{P2} Aid began to arrive in the province late on Tuesday night, officials said.</p></td><td>Share</td></tr></table>"
    a = _load(tmp_path, page("<title>Quake toll</title>", f"<article><h1>Quake toll</h1><p>{P1}</p>{plain}{layout}<p>{P3}</p></article>"))
    paragraphs = a.text.split("\n\n")
    assert "Bireuen: 3 deaths." in paragraphs
    assert f"{P2} Aid began to arrive in the province late on Tuesday night, officials said." in paragraphs


def test_a_year_in_a_table_is_not_taken_for_the_pages_date_a_declared_date_is(tmp_path):
    years = "<table><tr><th>District</th><th>2023</th><th>2024</th></tr><tr><td>Pidie Jaya</td><td>9</td><td>12</td></tr></table>"
    body = f"<article><h1>Quake toll</h1><p>{P1}</p>{years}<p>{P2}</p></article>"
    assert _load(tmp_path, page("<title>Quake toll</title>", body)).published is None
    declared = '<title>Quake toll</title><meta property="article:published_time" content="2025-03-04T08:00:00Z">'
    assert _load(tmp_path, page(declared, body), name="dated.html").published == "2025-03-04"
