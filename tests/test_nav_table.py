"""NavTable's bulk fill shows exactly what Textual's own add_row shows, and long cells are cut."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets._data_table import DuplicateKey

from newsx.tui.screens.base import one_line
from newsx.tui.widgets.nav_table import NavTable

ROWS = [
    ((Text("✗ conflict", style="bold"), Text("12", justify="right"), Text("troops"), Text("soldiers sent")), "g1"),
    ((Text("= agree"), Text("3", justify="right"), Text("minutes"), Text("a flight [b]not markup[/b]")), "g2"),
    ((Text("· single"), Text("1", justify="right"), Text(""), Text("维基 wide characters")), "g3"),
]


class TwoTables(App):
    def compose(self) -> ComposeResult:
        yield NavTable(id="one-by-one")
        yield NavTable(id="bulk")

    def on_mount(self) -> None:
        for table in self.query(NavTable):
            for name in ("Verdict", "Claims", "Unit", "What"):
                table.add_column(name)
        for cells, key in ROWS:
            self.query_one("#one-by-one", NavTable).add_row(*cells, key=key)
        self.query_one("#bulk", NavTable).add_text_rows(ROWS)


def _lines(table: NavTable) -> list[str]:
    return [table.render_line(y).text for y in range(len(ROWS) + 1)]


@pytest.mark.asyncio
async def test_bulk_rows_render_like_rows_added_one_by_one():
    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        one, bulk = app.query_one("#one-by-one", NavTable), app.query_one("#bulk", NavTable)
        assert bulk.row_count == 3
        assert [c.content_width for c in bulk.ordered_columns] == [c.content_width for c in one.ordered_columns]
        assert _lines(bulk) == _lines(one)
        assert "[b]not markup[/b]" in "".join(_lines(bulk))
        assert bulk.current_key == "g1"
        await pilot.click("#bulk")
        bulk.focus()
        await pilot.press("j")
        assert bulk.current_key == "g2"


@pytest.mark.asyncio
async def test_bulk_rows_refuse_a_key_already_there():
    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        with pytest.raises(DuplicateKey):
            app.query_one("#bulk", NavTable).add_text_rows([((Text("x"),), "g2")])


def test_one_line_joins_lines_and_cuts_long_sentences():
    assert one_line("Troops\n\n  arrived   on Monday.") == "Troops arrived on Monday."
    cut = one_line("word " * 100, limit=40)
    assert len(cut) == 40 and cut.endswith("…")


@pytest.mark.asyncio
async def test_a_refilled_table_shows_the_new_rows_in_the_new_colours():
    # Drawn cells are kept across refills (the entity pane refills on every move): what is drawn
    # must still follow the values, the cursor and the theme.
    app = TwoTables()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        bulk = app.query_one("#bulk", NavTable)
        before = _lines(bulk)
        bulk.clear()
        bulk.add_text_rows([((Text("= agree"), Text("7", justify="right"), Text("km"), Text("a new row")), "h1")])
        await pilot.pause()
        after = [bulk.render_line(y).text for y in range(2)]
        assert "a new row" in after[1] and "7" in after[1] and after[1] not in before

        def cursor_colour():
            return {seg.style.bgcolor for seg in bulk.render_line(1) if seg.style and seg.style.bgcolor}

        colour = cursor_colour()
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert cursor_colour() != colour
