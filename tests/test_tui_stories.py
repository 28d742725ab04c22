"""The Stories screen: the corpus's stories, Enter narrows every screen to one, `a` brings all back;
the palette reaches each story; a corpus of one story keeps today's screens."""

from __future__ import annotations

from newsx.tui.app import NewsxApp
from newsx.tui.commands import NewsxCommands
from newsx.tui.screens.stories import StoriesScreen, date_range
from newsx.tui.widgets.article_list import ArticleList

FLOOD = {"flood_1", "flood_2", "flood_3"}
SIZE = (100, 30)


def keys_of(screen, table_id: str) -> list[str]:
    table = screen.query_one(f"#{table_id}")
    return [key.value for key in table.rows]


def listed_articles(app) -> set[str]:
    articles = app.screen.query_one(ArticleList)
    return {articles.get_option_at_index(i).id for i in range(articles.option_count)}


def flood_id(index) -> str:
    return next(s.id for s in index.stories if FLOOD & set(s.articles))


def test_date_range_is_short_and_readable():
    assert date_range("2024-10-30", "2024-10-31") == "2024-10-30 – 10-31"
    assert date_range("2023-12-30", "2024-01-02") == "2023-12-30 – 2024-01-02"
    assert date_range("2024-10-30", "2024-10-30") == "2024-10-30"
    assert date_range(None, None) == "undated"


async def test_stories_screen_lists_each_story_with_sources_dates_and_claims(mixed_index):
    app = NewsxApp(index=mixed_index)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        assert set(keys_of(screen, "stories")) == {s.id for s in mixed_index.stories}
        table = screen.query_one("#stories")
        row = [str(cell) for cell in table.get_row(flood_id(mixed_index))]
        assert row[0] == "2023-03-14 – 03-15"
        assert "Varnholt" in row[4] or "Kessel" in row[4]
        # The flood story has a conflict between 1,200 and 1,500 evacuated.
        assert int(row[2]) >= 1 and int(row[3]) >= 1


async def test_articles_of_unknown_outlet_are_counted_not_named_by_their_first_words(seed_index):
    # Two seed articles carry no outlet: the sources are the three known ones and "2 of unknown outlet",
    # not their ledes in quotes as if they were outlets.
    app = NewsxApp(index=seed_index)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        story = seed_index.stories[0]
        unknown = [a for a in seed_index.articles if a.id in story.articles and not a.outlet and not a.url]
        assert unknown  # the seeds have such articles
        row = [str(cell) for cell in app.screen.query_one("#stories").get_row(story.id)]
        known = {a.outlet for a in seed_index.articles if a.id in story.articles and a.outlet}
        assert row[1] == f"{len(known)}+{len(unknown)}"
        detail = str(app.screen.query_one("#story-detail").render())
        assert f"and {len(unknown)} articles of unknown outlet" in detail
        assert "“" not in detail.split("from:", 1)[1]


async def test_enter_narrows_every_screen_and_a_brings_all_stories_back(mixed_index):
    app = NewsxApp(index=mixed_index)
    story = flood_id(mixed_index)
    async with app.run_test(size=SIZE) as pilot:
        everything = listed_articles(app)
        assert everything > FLOOD
        await pilot.press("5")
        await pilot.pause()
        app.screen.select(story)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "read" and app.story_id == story
        assert listed_articles(app) == FLOOD
        await pilot.press("2")
        await pilot.pause()
        entities = [mixed_index.entity_by_id[e] for e in keys_of(app.screen, "entity-table")]
        assert entities and all(set(e.articles) <= FLOOD for e in entities)
        await pilot.press("3")
        await pilot.pause()
        shown = keys_of(app.screen, "groups")
        assert shown and all(g.id in shown for g in mixed_index.for_story(story).claim_groups)
        assert len(shown) < len(mixed_index.claim_groups)
        await pilot.press("4")
        await pilot.pause()
        events = keys_of(app.screen, "events")
        assert set(events) == {e.id for e in mixed_index.for_story(story).events}
        # Back to all stories.
        await pilot.press("5", "a")
        await pilot.pause()
        assert app.story_id is None
        await pilot.press("1")
        await pilot.pause()
        assert listed_articles(app) == everything
        await pilot.press("3")
        await pilot.pause()
        assert len(keys_of(app.screen, "groups")) == len(mixed_index.claim_groups)


async def test_the_palette_reaches_each_story_and_all_stories(mixed_index):
    app = NewsxApp(index=mixed_index)
    async with app.run_test(size=SIZE) as pilot:
        provider = NewsxCommands(app.screen)
        entries = {text: callback for text, _help, callback in provider.entries()}
        for story in mixed_index.stories:
            assert f"story: {story.title}" in entries
        assert "screen: Stories" in entries and "story: all stories" in entries
        flood = next(s for s in mixed_index.stories if s.id == flood_id(mixed_index))
        await entries[f"story: {flood.title}"]()
        await pilot.pause()
        assert app.story_id == flood.id and listed_articles(app) == FLOOD
        await entries["story: all stories"]()
        await pilot.pause()
        assert app.story_id is None and listed_articles(app) > FLOOD


async def test_one_story_keeps_todays_screens_and_palette(ui_index):
    assert len(ui_index.stories) == 1
    app = NewsxApp(index=ui_index)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("stories" in str(n.message) for n in app._notifications)
        entries = [text for text, _help, _callback in NewsxCommands(app.screen).entries()]
        assert not any(t.startswith("story:") or t == "screen: Stories" for t in entries)
        footer = str(app.screen.query_one("KeysFooter").render())
        assert "Stories" not in footer


def test_stories_screen_snapshot(snap_compare, mixed_index):
    assert snap_compare(NewsxApp(index=mixed_index), press=("5",), terminal_size=(80, 24))
