"""`newsx stories`, `--story ID` on the listings, options before or after the command, a missing PATH."""

from __future__ import annotations

import json

from newsx.cli import main

FLOOD = {"flood_1", "flood_2", "flood_3"}


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def stories(capsys, folder, *extra):
    code, out, err = run(capsys, "stories", folder, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def flood_story(listing) -> dict:
    return next(s for s in listing if FLOOD & set(s["articles"]))


def test_stories_json_lists_each_story_with_its_articles_and_dates(capsys, mixed_folder):
    listing = stories(capsys, mixed_folder)
    assert len(listing) == 2
    for story in listing:
        assert set(story) == {"id", "title", "articles", "first", "last"}
    flood = flood_story(listing)
    assert set(flood["articles"]) == FLOOD
    assert (flood["first"], flood["last"]) == ("2023-03-14", "2023-03-15")
    seeds = next(s for s in listing if s is not flood)
    assert not FLOOD & set(seeds["articles"]) and seeds["first"].startswith("2024")
    # Every article is in exactly one story.
    code, out, _ = run(capsys, "articles", mixed_folder, "--json")
    ids = [a["id"] for a in json.loads(out)["articles"]] if isinstance(json.loads(out), dict) else [a["id"] for a in json.loads(out)]
    assert sorted(x for s in listing for x in s["articles"]) == sorted(ids)


def test_the_seeds_are_one_story(capsys):
    from conftest import SEEDS

    listing = stories(capsys, SEEDS)
    assert len(listing) == 1 and len(listing[0]["articles"]) >= 5


def _articles_of(data) -> set[str]:
    rows = data["articles"] if isinstance(data, dict) else data
    return {a["id"] for a in rows}


def test_story_option_narrows_every_listing(capsys, mixed_folder):
    flood = flood_story(stories(capsys, mixed_folder))
    code, out, _ = run(capsys, "articles", mixed_folder, "--story", flood["id"], "--json")
    assert code == 0 and _articles_of(json.loads(out)) == FLOOD
    everything = {}
    for command in ("entities", "events", "claims"):
        code, out, err = run(capsys, command, mixed_folder, "--json")
        code_s, out_s, err_s = run(capsys, command, mixed_folder, "--json", "--story", flood["id"])
        assert code == code_s == 0, err + err_s
        everything[command] = (json.loads(out), json.loads(out_s))
    entities_all, entities = everything["entities"]
    names = {e["name"] for e in (entities["entities"] if isinstance(entities, dict) else entities)}
    assert any("Varnholt" in n for n in names) and not any("Korea" in n for n in names)
    assert len(str(entities_all)) > len(str(entities))
    groups = everything["claims"][1]["groups"]
    assert groups and all({c["article"] for c in g["claims"]} <= FLOOD for g in groups)
    events = everything["events"][1]
    events = events["events"] if isinstance(events, dict) else events
    assert all(set(e["articles"]) <= FLOOD for e in events)


def test_unknown_story_is_an_error_naming_it(capsys, mixed_folder):
    code, out, err = run(capsys, "claims", mixed_folder, "--story", "s99", "--json")
    assert code == 2 and out == "" and "s99" in err


def test_common_options_before_or_after_the_command(capsys, mixed_folder, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    code, out_before, err = run(capsys, "--cache-dir", before, "stories", mixed_folder, "--json")
    assert code == 0, err
    code, out_after, err = run(capsys, "stories", mixed_folder, "--json", "--cache-dir", after)
    assert code == 0, err
    assert json.loads(out_before) == json.loads(out_after)
    assert any(before.iterdir()) and any(after.iterdir())  # each run used the cache folder it was given
    code, out, err = run(capsys, "--no-cache", "articles", mixed_folder, "--json")
    assert code == 0 and _articles_of(json.loads(out)) >= FLOOD


def test_missing_path_is_one_line_naming_it(capsys, mixed_folder, tmp_path):
    missing = tmp_path / "no-such-folder"
    for argv in (("stories", missing, "--json"), ("articles", mixed_folder, missing), (missing,)):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and str(missing) in lines[0]
