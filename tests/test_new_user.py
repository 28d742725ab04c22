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
