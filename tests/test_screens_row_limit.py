"""Detail tables stay fast on huge corpora: at most DETAIL_ROW_LIMIT rows, and they say so."""

from __future__ import annotations

from newsx.tui.app import NewsxApp
from newsx.tui.screens import claims as claims_screen
from newsx.tui.screens import entities as entities_screen


async def test_mentions_in_context_are_cut_with_a_note(ui_index, monkeypatch):
    monkeypatch.setattr(entities_screen, "DETAIL_ROW_LIMIT", 3)
    entity = max(ui_index.entities, key=lambda e: e.mentions)
    app = NewsxApp(index=ui_index)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        screen = app.screen
        screen.select(entity.id)
        await pilot.pause()
        kwic = screen.query_one("#kwic")
        assert kwic.row_count == 3
        assert f"first 3 of {entity.mentions} mentions shown" in str(kwic.border_subtitle)


async def test_claims_of_a_large_group_are_cut_with_a_note(ui_index, monkeypatch):
    monkeypatch.setattr(claims_screen, "DETAIL_ROW_LIMIT", 2)
    group = max(ui_index.claim_groups, key=lambda g: len(g.claims))
    assert len(group.claims) > 2
    app = NewsxApp(index=ui_index)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        screen = app.screen
        screen.select(group.id)
        await pilot.pause()
        rows = screen.query_one("#claim-rows")
        assert rows.row_count == 2
        assert rows.border_subtitle == f"first 2 of {len(group.claims)} claims shown"


async def test_timeline_keeps_the_most_reported_events_in_date_order(ui_index, monkeypatch):
    from newsx.tui.screens import timeline as timeline_screen

    monkeypatch.setattr(timeline_screen, "TIMELINE_ROW_LIMIT", 3)
    most = sorted(len(e.articles) for e in ui_index.events)[-3:]
    app = NewsxApp(index=ui_index)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        table = app.screen.query_one("#events")
        assert table.row_count == 3
        shown = [next(e for e in ui_index.events if e.id == k.value) for k in table.rows]
        assert sorted(len(e.articles) for e in shown) == most
        dated = [e.date for e in shown if e.date]
        assert dated == sorted(dated)
        assert table.border_subtitle == f"the 3 most reported of {len(ui_index.events):,} events"
