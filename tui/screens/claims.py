"""The Claims screen: comparison groups, conflicts first, a row per claim with its source."""

from __future__ import annotations

import heapq
from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Label, Static

from newsx.core.link.claims import dating as claim_dating
from newsx.core.link.claims.dating import claim_interval, when_label, when_text
from newsx.core.model.analyses import VERDICTS, Claim, ClaimGroup

from ..messages import OpenArticle
from ..widgets.cutting import cut, distinct_labels
from ..widgets.footer import KeysFooter
from ..widgets.nav_table import NavTable
from ..widgets.progress import IndexStatus
from .base import DETAIL_ROW_LIMIT, BrowseScreen, one_line, outlet_label, shown_of

# Each verdict has a word and a sign, so it reads without colour too.
VERDICT_MARK = {"conflict": "✗ conflict", "changed": "↗ changed", "agree": "= agree", "single": "· single"}


def format_value(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def ordered_groups(groups: tuple[ClaimGroup, ...]) -> list[ClaimGroup]:
    """Conflicts first, then changes, agreements and single claims; larger groups first within each."""
    rank = {v: i for i, v in enumerate(VERDICTS)}
    return sorted(groups, key=lambda g: (rank.get(g.verdict, len(rank)), -len(g.claims), g.topic))


def ordered_claims(group: ClaimGroup) -> list[Claim]:
    """Claims in time order (a date or the bounds of one, then what they refer to); undated last.
    The same order as the Markdown report (core.link.claims.dating)."""
    return claim_dating.ordered_claims(group.claims)


def claim_marks(group: ClaimGroup, claims: list[Claim]) -> list[str]:
    """A mark per claim: in a conflict, '≠' where the value differs from the most common one;
    in a change, an arrow from the latest value known to be said on an earlier day. A claim with
    no date, or bounds that leave its order open, gets no arrow and starts none: rows whose time
    is unknown draw no trend."""
    if group.verdict == "conflict":
        counts = Counter(c.value for c in claims).most_common()
        # A clear majority value stays unmarked; on a tie every value is in conflict.
        majority = counts[0][0] if len(counts) == 1 or counts[0][1] > counts[1][1] else None
        return ["≠" if c.value != majority else "" for c in claims]
    if group.verdict == "changed":
        # In this order the earliest bounds only grow, so a claim said before one is said before
        # every later one: a heap of latest bounds hands them over once (a group may be large).
        marks, waiting, known = [], [], None  # known: (position, value) of the latest earlier claim
        for i, c in enumerate(claims):
            low, high = claim_interval(c)
            while low is not None and waiting and waiting[0][0] < low:
                _high, position, value = heapq.heappop(waiting)
                if known is None or position > known[0]:
                    known = (position, value)
            previous = known[1] if (known is not None and low is not None) else None
            marks.append("" if previous is None or c.value == previous else ("↑" if c.value > previous else "↓"))
            if high is not None:
                heapq.heappush(waiting, (high, i, c.value))
        return marks
    return ["" for _ in claims]


class ClaimsScreen(BrowseScreen):
    BINDINGS = [Binding("a", "clear_filter", "All articles", id="view.all_articles")]

    _shown_group_id: str | None = None  # the group the lower panes show

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        yield Label(id="claims-filter")
        yield NavTable(id="groups")
        yield Static(id="group-verdict")
        yield NavTable(id="claim-rows")
        yield Static(id="claim-quote")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Claims"
        groups = self.query_one("#groups", NavTable)
        # The topic, the one long column, goes last: at 80 columns it is cut, not the counts.
        groups.add_column("Verdict", key="verdict")
        groups.add_column("Claims", key="n")
        groups.add_column("Unit", key="unit")
        groups.add_column("What", key="topic")
        groups.border_title = "Claim groups"
        rows = self.query_one("#claim-rows", NavTable)
        rows.add_column("", key="mark", width=1)
        rows.add_column("Value", key="value")
        rows.add_column("Said on", key="said_on")
        # Widths set to the table's width on each showing (`_fit_columns`): no sideways scrolling.
        rows.add_column("Claimer", key="claimer", width=22)
        rows.add_column("Outlet", key="outlet", width=14)
        rows.add_column("As written", key="text", width=12)
        rows.add_column("Quote", key="quote", width=20)
        rows.border_title = "Claims (Enter opens the sentence)"
        rows.on_width_change = self._rows_resized
        self.follow_index()
        groups.focus()

    def visible_groups(self) -> list[ClaimGroup]:
        if self.index is None:
            return []
        groups = self.index.claim_groups
        if self.article_filter is not None:
            groups = self.index.claim_groups_by_article.get(self.article_filter, ())
        return ordered_groups(tuple(groups))

    def populate(self) -> None:
        self.query_one("#claims-filter", Label).update(self.filter_text())
        table = self.query_one("#groups", NavTable)
        selected = table.current_key
        table.clear()
        groups = self.visible_groups()
        table.add_text_rows(
            (
                (
                    Text(VERDICT_MARK.get(g.verdict, g.verdict), style="bold"),
                    Text(str(len(g.claims)), justify="right"),
                    Text(g.unit),
                    Text(g.topic),
                ),
                g.id,
            )
            for g in groups
        )
        table.border_subtitle = f"{len(groups)} groups" if self.index else self.empty_reason()
        if selected:
            table.move_to_key(selected)
        self.show_group(table.current_key)

    def show_group(self, group_id: str | None) -> None:
        self._shown_group_id = group_id
        rows = self.query_one("#claim-rows", NavTable)
        verdict = self.query_one("#group-verdict", Static)
        rows.clear()
        group = self.index.claim_group_by_id.get(group_id) if self.index else None
        if group is None:
            verdict.update(Text(""))
            return
        line = Text(VERDICT_MARK.get(group.verdict, group.verdict), style="bold")
        verdict.set_classes(f"verdict-{group.verdict}")
        line.append("  ")
        line.append(group.topic, style="bold")
        if group.reason:
            line.append(" — ")
            line.append(group.reason)
        verdict.update(line)
        claims = ordered_claims(group)
        marks = claim_marks(group, claims)
        claims, marks = claims[:DETAIL_ROW_LIMIT], marks[:DETAIL_ROW_LIMIT]
        rows.border_subtitle = shown_of(len(claims), len(group.claims), "claims") or None
        values = [format_value(c.value) for c in claims]
        whens = [when_label(c) for c in claims]
        outlets = [c.outlet or outlet_label(self.app.article_by_id.get(c.article), c.article) for c in claims]
        widths = self._fit_columns(rows, claims, values, whens, outlets)
        claimers = distinct_labels((c.claimer or "" for c in claims), widths["claimer"])
        outlet_cuts = distinct_labels(outlets, widths["outlet"])
        rows.add_text_rows(
            (
                (
                    Text(mark, style="bold"),
                    Text(value, style="bold" if mark else ""),
                    Text(when),
                    Text(claimers[claim.claimer or ""]),
                    Text(outlet_cuts[outlet]),
                    Text(cut(claim.text, widths["text"])),
                    Text(one_line(claim.sentence)),
                ),
                f"{group.id}:{n}",
            )
            for n, (claim, mark, value, when, outlet) in enumerate(zip(claims, marks, values, whens, outlets))
        )
        self._claims = claims
        self._shown_width = self._table_width(rows)
        self.show_quote(0 if claims else None)

    @staticmethod
    def _table_width(rows: NavTable) -> int:
        # Before the first layout: the screen's width less the borders and a scroll bar.
        return rows.scrollable_content_region.width or max(20, rows.app.size.width - 4)

    def _fit_columns(self, rows: NavTable, claims, values, whens, outlets) -> dict[str, int]:
        """Column widths that fit the table's width, the quote taking what is left, so the table
        never scrolls sideways (its scroll bar hid the last row) and the quote shows at 80
        columns. Long names give way first, down to a floor; then the quote, down to its own."""
        width = self._table_width(rows)
        pad = 2 * rows.cell_padding
        fixed = 1 + max(map(len, values), default=5) + max(max(map(len, whens), default=7), 7) + 3 * pad
        natural = {
            "claimer": max((len(c.claimer or "") for c in claims), default=7),
            "outlet": max(map(len, outlets), default=6),
            "text": max((len(c.text) for c in claims), default=10),
        }
        # The quote has its own pane under the table: its column gives way before the names.
        caps, floors = {"claimer": 22, "outlet": 16, "text": 14}, {"claimer": 14, "outlet": 8, "text": 8}
        sized = {k: max(min(natural[k], caps[k]), min(floors[k], natural[k]), len(rows.columns[k].label)) for k in natural}
        quote_floor = 10
        room = width - fixed - 4 * pad
        while sum(sized.values()) + quote_floor > room:
            shrinkable = [k for k in sized if sized[k] > floors[k]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda k: sized[k] - floors[k])
            sized[widest] -= 1
        sized["quote"] = max(quote_floor, room - sum(sized.values()))
        for key, value in sized.items():
            column = rows.columns[key]
            column.width, column.auto_width = value, False
        return sized

    def on_descendant_focus(self) -> None:
        # At 80x24 the table one moves through gets the larger share (app.tcss).
        self.set_class(self.focused is not None and self.focused.id == "claim-rows", "-claims-in-rows")

    def _rows_resized(self, rows: NavTable) -> None:
        # Column widths follow the table's width: show the group again, on the same claim.
        if self._shown_group_id and getattr(self, "_shown_width", None) != self._table_width(rows):
            row = rows.cursor_row
            self.show_group(self._shown_group_id)
            if 0 <= row < rows.row_count:
                rows.move_cursor(row=row)

    def show_quote(self, position: int | None) -> None:
        """The whole sentence of the current claim, its number marked (the table cuts it short)."""
        quote = self.query_one("#claim-quote", Static)
        claims = getattr(self, "_claims", [])
        if position is None or not 0 <= position < len(claims):
            quote.update(Text(""))
            return
        claim = claims[position]
        sentence = Text(" ".join(claim.sentence.split()))
        at = sentence.plain.find(claim.text)
        if at >= 0:
            sentence.stylize("bold reverse", at, at + len(claim.text))
        # Who said it, where and when, in full (the table cuts names to its columns).
        outlet = claim.outlet or outlet_label(self.app.article_by_id.get(claim.article), claim.article)
        source = [claim.claimer or "", outlet if outlet != claim.claimer else "", f"said {when_text(claim)}"]
        sentence.append("  — " + ", ".join(p for p in source if p), style="dim")
        quote.update(sentence)

    def select(self, group_id: str) -> None:
        table = self.query_one("#groups", NavTable)
        table.move_to_key(group_id)
        self.show_group(group_id)
        table.focus()

    def copy_text(self) -> tuple[str, str] | None:
        """What `y` copies here: the current claim with its source, or the group's topic."""
        rows = self.query_one("#claim-rows", NavTable)
        if self.focused is rows and rows.current_key and getattr(self, "_claims", None):
            claim = self._claims[int(rows.current_key.rsplit(":", 1)[1])]
            source = ", ".join(p for p in (claim.claimer, claim.outlet, f"said {when_text(claim)}") if p)
            return f"{' '.join(claim.sentence.split())} ({source})", "claim"
        return None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "groups":
            # The cursor landing on the group `populate` just showed is not a change.
            if event.row_key.value != self._shown_group_id:
                self.show_group(event.row_key.value)
        elif event.data_table.id == "claim-rows" and event.row_key.value:
            self.show_quote(int(event.row_key.value.rsplit(":", 1)[1]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "groups":
            self.query_one("#claim-rows").focus()
        elif event.data_table.id == "claim-rows":
            claim = self._claims[int(event.row_key.value.rsplit(":", 1)[1])]
            span = self.index.sentence(claim.article, claim.sentence_index) if self.index else None
            start, end = span if span else (claim.start, claim.end)
            self.post_message(OpenArticle(claim.article, start, end))
