"""What a new user hit (issue 17): going back from the reader, claims table layout, dates."""

from __future__ import annotations

from textual.widgets import DataTable

from newsx.tui.app import NewsxApp
from newsx.tui.screens.read import ReadScreen
from newsx.tui.widgets.reader import Reader

SIZE = (100, 30)


async def _open_a_claim(app, pilot, group_row: int = 1, claim_row: int = 2):
    await pilot.press("3")
    await pilot.pause()
    for _ in range(group_row):
        await pilot.press("down")
    await pilot.press("enter")
    for _ in range(claim_row):
        await pilot.press("down")
    await pilot.pause()
    rows = app.screen.query_one("#claim-rows", DataTable)
    place = (app.screen.query_one("#groups", DataTable).cursor_row, rows.cursor_row)
    await pilot.press("enter")
    await pilot.pause()
    return place


async def test_escape_from_a_claim_opened_in_the_reader_goes_back_to_claims_keeping_the_place(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=SIZE) as pilot:
        place = await _open_a_claim(app, pilot)
        assert isinstance(app.screen, ReadScreen) and app.focused is app.screen.query_one(Reader)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "claims"
        rows = app.screen.query_one("#claim-rows", DataTable)
        assert (app.screen.query_one("#groups", DataTable).cursor_row, rows.cursor_row) == place
        assert app.focused is rows


async def test_q_from_a_claim_opened_in_the_reader_goes_back_and_q_quits_only_from_the_first_screen(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=SIZE) as pilot:
        await _open_a_claim(app, pilot)
        assert app.screen.active_bindings["q"].binding.description == "Back"  # what the footer shows
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and app.current_mode == "claims"
        await pilot.press("q")  # Claims: back to the first screen
        await pilot.pause()
        assert app.is_running and app.current_mode == "read"
        assert app.screen.active_bindings["q"].binding.description == "Quit"
        await pilot.press("q")  # the first screen: quit
        await pilot.pause()
    assert not app.is_running


async def test_reading_after_going_back_by_key_forgets_where_the_reader_came_from(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=SIZE) as pilot:
        await _open_a_claim(app, pilot)
        await pilot.press("2")  # another screen, then the reader by its own key
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.return_mode is None
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_help_first_page_at_80x24_names_the_screens_and_G_scrolls_it(ui_index):
    from textual.containers import VerticalScroll

    from newsx.tui.screens.help import HelpScreen

    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box", VerticalScroll)
        first_page = "\n".join(str(app.screen.query_one("#help-text").render()).splitlines()[: box.size.height - 2])
        for shown in ("1 Read", "2 Entities", "3 Claims", "4 Timeline", "ctrl+p command palette", "/ search"):
            assert shown in first_page
        text = str(app.screen.query_one("#help-text").render())
        assert text.count("ctrl+c") == 1  # the screen's copy shadows the app's ctrl+c
        assert "nav.return" not in text  # q quits here: only the binding that is active is listed
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0


def _group_row(app, verdict: str) -> int:
    from newsx.tui.screens.claims import ordered_groups

    return [g.verdict for g in ordered_groups(app.index.claim_groups)].index(verdict)


async def _into_claims(app, pilot, verdict="changed"):
    await pilot.press("3")
    await pilot.pause()
    for _ in range(_group_row(app, verdict)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    return app.screen.query_one("#claim-rows", DataTable)


def _visible_rows(rows: DataTable) -> range:
    """Rows wholly inside the table's window (below its header, above any scroll bar)."""
    height = rows.scrollable_content_region.height - rows.header_height
    top = int(rows.scroll_y)
    return range(top, min(rows.row_count, top + height))


async def test_the_last_claim_selected_at_100x30_is_in_view_not_under_a_scroll_bar(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=(100, 30)) as pilot:
        rows = await _into_claims(app, pilot)
        assert rows.row_count > _visible_rows(rows).stop  # more claims than fit: it must scroll
        await pilot.press("G")
        await pilot.pause(0.3)
        assert not rows.show_horizontal_scrollbar
        assert rows.cursor_row == rows.row_count - 1 and rows.cursor_row in _visible_rows(rows)


async def test_at_80x24_claims_show_more_rows_and_the_quote(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = await _into_claims(app, pilot)
        await pilot.pause(0.3)
        assert len(_visible_rows(rows)) >= 6
        quote = app.screen.query_one("#claim-quote")
        assert quote.region.height >= 2 and quote.region.bottom <= 23  # above the footer
        claim = app.screen._claims[rows.cursor_row]
        assert " ".join(claim.sentence.split())[:40] in str(quote.render())
        # The columns fit the width: nothing scrolls sideways, the quote column starts on screen.
        assert not rows.show_horizontal_scrollbar and rows.virtual_size.width <= rows.scrollable_content_region.width


async def test_different_claimers_never_read_the_same_and_an_unknown_outlet_is_not_a_file_id(ui_index):
    app = NewsxApp(index=ui_index, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        for group in ui_index.claim_groups:
            screen.show_group(group.id)
            rows = screen.query_one("#claim-rows", DataTable)
            shown = {}
            for n, claim in enumerate(screen._claims):
                label = rows.get_row_at(n)[3].plain
                assert shown.setdefault(label, claim.claimer) == claim.claimer, (label, claim.claimer)
                outlet = rows.get_row_at(n)[4].plain
                assert outlet and claim.article not in outlet


def test_distinct_labels_keep_different_names_apart_at_any_width():
    from newsx.tui.widgets.cutting import distinct_labels

    names = ["a senior South Korean presidential official", "a senior South Korean defense official", "Seoul",
             "South Korea’s intelligence", "South Korea’s National Intelligence Service"]
    for width in (8, 12, 16, 22):
        labels = distinct_labels(names, width)
        assert len(set(labels.values())) == len(names) and all(len(v) <= width for v in labels.values())
    assert distinct_labels(names, 22)["Seoul"] == "Seoul"


def test_changed_arrows_skip_claims_whose_time_is_unknown():
    from newsx.core.model.analyses import Claim, ClaimGroup
    from newsx.tui.screens.claims import claim_marks, ordered_claims

    def claim(value, said_on=None, between=None):
        return Claim("a", value, value, value, str(value), "s", 0, 0, 1, "x", said_on, None, said_between=between)

    group = ClaimGroup("g", "t", "troops", "changed", "", (
        claim(3000, "2024-10-18"), claim(50000), claim(11000, "2024-10-30"),
        claim(9000, between=("2024-10-25", "2024-11-02")),  # overlaps 10-30: order unknown
        claim(12000, between=("2024-11-03", None)),
    ))
    ordered = ordered_claims(group)
    assert [c.value for c in ordered] == [3000, 9000, 11000, 12000, 50000]
    # 9,000 is after 3,000 for sure; 11,000 too (not after 9,000); 12,000 after everything dated.
    assert claim_marks(group, ordered) == ["", "↑", "↑", "↑", ""]


async def test_a_search_typed_while_the_index_builds_shows_its_hits_when_the_index_is_ready(seed_loaded):
    from textual.widgets import OptionList, Static

    from newsx.core.search import SearchIndex
    from newsx.tui.messages import SearchReady
    from newsx.tui.screens.search import SearchScreen

    app = NewsxApp(loaded=seed_loaded, build=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"87 minutes")
        await pilot.pause(0.4)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(OptionList).option_count == 0
        app.post_message(SearchReady(SearchIndex.for_articles(seed_loaded.articles, None)))
        await pilot.pause(0.3)
        assert app.screen.query_one(OptionList).option_count == 1  # the one sentence, once
        assert str(app.screen.query_one("#search-status", Static).render()) == "1 sentence in 1 article"
