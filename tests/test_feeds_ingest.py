"""Feeds and plain texts as a reader has them (issue 16): RSS 1.0 in folders, short or untitled
entries, list items, and legacy encodings that declare nothing. Hand-made fixtures."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from newsx.core.corpus.loading import load_corpus

LEDE = "A magnitude 6.5 earthquake struck Aceh province on Wednesday, killing at least 25 people, officials said."

RSS1 = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
 <channel rdf:about="http://wire.test/"><title>Example Wire</title><link>http://wire.test/</link><description>d</description>
  <items><rdf:Seq><rdf:li rdf:resource="http://wire.test/1"/></rdf:Seq></items></channel>
 <item rdf:about="http://wire.test/1"><title>Quake hits Aceh</title><link>http://wire.test/1</link>
  <dc:date>2016-12-07T08:00:00Z</dc:date><dc:creator>Ann Lee</dc:creator><description>{LEDE}</description></item>
 <item rdf:about="http://wire.test/2"><link>http://wire.test/2</link><description>Aftershock of magnitude 5.2 felt in Pidie Jaya.</description></item>
 <item rdf:about="http://wire.test/3"><link>http://wire.test/3</link><description>Death toll rises to 97</description></item>
 <item rdf:about="http://wire.test/4"><title>Rescue teams arrive</title><link>http://wire.test/4</link></item>
 <item rdf:about="http://wire.test/5"><title>Relief effort</title><content:encoded><![CDATA[<p>Aid agencies said they needed:</p>
  <ul><li>Tents for 5,000 families</li><li>Clean water</li><li>Medical teams</li></ul>]]></content:encoded></item>
 <item rdf:about="http://wire.test/6"><link>http://wire.test/6</link></item>
</rdf:RDF>
"""

RUSSIAN = (
    "Землетрясение в Ачехе\n\n"
    "Сильное землетрясение магнитудой 6,5 произошло в среду в индонезийской провинции Ачех, погибли не менее 25 человек, сообщили власти.\n\n"
    "Спасатели продолжают разбирать завалы в округе Пидие-Джая, где разрушены десятки домов.\n"
)


def _state(folder):
    return sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def _notes(result, name):
    return [p.message for p in result.problems if os.path.basename(p.path) == name]


def test_rss_1_0_feed_in_a_folder_is_read(tmp_path):
    (tmp_path / "wire.rdf").write_text(RSS1, encoding="utf-8")
    before = _state(tmp_path)
    result = load_corpus([tmp_path])
    assert _state(tmp_path) == before, "the user's folder was changed"
    first = next(a for a in result.articles if a.id == "wire")
    assert (first.title, first.outlet, first.published, first.byline) == ("Quake hits Aceh", "Example Wire", "2016-12-07", "Ann Lee")
    assert first.text == LEDE


def test_no_feed_entry_is_dropped_silently(tmp_path):
    (tmp_path / "wire.rdf").write_text(RSS1, encoding="utf-8")
    result = load_corpus([tmp_path])
    texts = [a.text for a in result.articles]
    # short untitled entries are articles, titled from their own words
    assert "Aftershock of magnitude 5.2 felt in Pidie Jaya." in texts
    assert "Death toll rises to 97" in texts
    untitled = next(a for a in result.articles if a.text == "Death toll rises to 97")
    assert untitled.title == "Death toll rises to 97" and untitled.title_guessed
    # the others are named, with why, and nothing else is left out
    notes = _notes(result, "wire.rdf")
    assert any(n.startswith("entry 4") and "Rescue teams arrive" in n and "no text" in n for n in notes), notes
    assert any(n.startswith("entry 6") and "no title and no text" in n for n in notes), notes
    assert len(result.articles) + len(notes) == 6


def test_list_items_in_a_feed_entry_are_kept(tmp_path):
    (tmp_path / "wire.rdf").write_text(RSS1, encoding="utf-8")
    relief = next(a for a in load_corpus([tmp_path]).articles if a.title == "Relief effort")
    for item in ("Tents for 5,000 families", "Clean water", "Medical teams"):
        assert item in relief.text.split("\n\n")


def test_cli_names_skipped_entries_on_stderr_and_lists_the_rest(tmp_path):
    (tmp_path / "wire.rdf").write_text(RSS1, encoding="utf-8")
    env = {**os.environ, "NEWSX_CACHE_DIR": str(tmp_path.parent / "cache")}
    run = subprocess.run([sys.executable, "-m", "newsx", "articles", str(tmp_path), "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)) == 4
    lines = [x for x in run.stderr.splitlines() if "wire.rdf" in x]
    assert len(lines) == 2 and all("entry" in x and "skipped" in x for x in lines)


def test_koi8r_text_without_a_declared_encoding_is_detected(tmp_path):
    f = tmp_path / "ru.txt"
    f.write_bytes(RUSSIAN.encode("koi8-r"))
    result = load_corpus([f])
    (article,) = result.articles
    assert article.title == "Землетрясение в Ачехе"
    assert "погибли не менее 25 человек" in article.text
    assert not any(ch in article.text for ch in "ÓÔÅÎ"), "read as Windows-1252"
    assert any("KOI8-R" in n for n in _notes(result, "ru.txt"))
    assert f.read_bytes() == RUSSIAN.encode("koi8-r")


def test_koi8r_feed_without_a_declaration_and_a_declared_one(tmp_path):
    item = "<item><title>Землетрясение в Ачехе</title><description>" + RUSSIAN.split("\n\n")[1] + "</description></item>"
    bare = "<?xml version='1.0'?><rss version='2.0'><channel><title>Лента</title>" + item + "</channel></rss>"
    (tmp_path / "bare.rss").write_bytes(bare.encode("koi8-r"))
    declared = bare.replace("<?xml version='1.0'?>", "<?xml version='1.0' encoding='koi8-r'?>")
    (tmp_path / "declared.xml").write_bytes(declared.encode("koi8-r"))
    result = load_corpus([tmp_path])
    by_id = {a.id: a for a in result.articles}
    for name in ("bare", "declared"):
        assert by_id[name].title == "Землетрясение в Ачехе" and by_id[name].outlet == "Лента"
        assert "сообщили власти" in by_id[name].text
    assert any("declared" in n for n in _notes(result, "declared.xml"))
    assert any("detected" in n for n in _notes(result, "bare.rss"))


def test_utf8_and_western_texts_are_read_as_before(tmp_path):
    (tmp_path / "utf8.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "fr.txt").write_bytes("Le café a rouvert ses portes à Zürich lundi, a déclaré le maire de la ville.\n".encode("cp1252"))
    result = load_corpus([tmp_path])
    by_id = {a.id: a for a in result.articles}
    assert "погибли" in by_id["utf8"].text and not _notes(result, "utf8.txt")
    assert "café" in by_id["fr"].text and "Zürich" in by_id["fr"].text
    assert any("Windows-1252" in n for n in _notes(result, "fr.txt"))


def test_a_broken_feed_is_one_line_and_the_rest_loads(tmp_path):
    (tmp_path / "wire.rdf").write_text(RSS1, encoding="utf-8")
    (tmp_path / "broken.rdf").write_text("<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'><item><title>", encoding="utf-8")
    result = load_corpus([tmp_path])
    assert any(a.id == "wire" for a in result.articles)
    (problem,) = [p for p in result.problems if p.fatal]
    assert os.path.basename(problem.path) == "broken.rdf" and "malformed feed" in problem.message and "\n" not in problem.message
