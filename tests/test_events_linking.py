"""Cross-article event linking on plain data (no spaCy): what must merge and what must stay apart."""

from __future__ import annotations

from newsx.core.link.events.linking import dates_compatible, link_events
from newsx.core.model.analyses import ArticleAnalysis, Entity, MentionSpan, RawEvent
from newsx.core.model.articles import Article
from newsx.core.nlp.event_lexicon import make_label
from newsx.tui.screens.timeline import ordered_events


class Corpus:
    """A small hand-built corpus: articles, their raw events, and entities with mention spans."""

    def __init__(self):
        self.articles: list[Article] = []
        self.events: dict[str, list[RawEvent]] = {}
        self.spans: dict[tuple[str, str], list[MentionSpan]] = {}
        self._offset = 0

    def article(self, article_id: str, published: str | None = None) -> str:
        self.articles.append(Article(id=article_id, path=f"{article_id}.txt", title=article_id, text="x" * 10_000, published=published))
        self.events[article_id] = []
        return article_id

    def event(self, article_id, trigger, participants=(), places=(), date=None, when=None, future=False, sentence=0, roles=(),
              verb=""):
        starts = []
        for name, label in list(participants) + list(places):
            self._offset += 20
            self.spans.setdefault((name, label), []).append(MentionSpan(article_id, self._offset, self._offset + len(name), name))
            starts.append(self._offset)
        n = len(participants)
        self.events[article_id].append(
            RawEvent(
                trigger=trigger, text=trigger, start=sentence * 100, end=sentence * 100 + len(trigger), sentence=sentence,
                label=trigger, date=date, when=when, future=future,
                participants=tuple(p for p, _ in participants), places=tuple(p for p, _ in places),
                participant_starts=tuple(starts[:n]), place_starts=tuple(starts[n:]), roles=tuple(roles), verb=verb,
            )
        )

    def link(self):
        entities = [
            Entity(id=f"e{i}", name=name, label=label, aliases=(), articles=tuple(dict.fromkeys(s.article for s in spans)), mention_spans=tuple(spans))
            for i, ((name, label), spans) in enumerate(self.spans.items(), 1)
        ]
        analyses = {a: ArticleAnalysis(sentences=((0, 10),) * 50, mentions=(), events=tuple(ev)) for a, ev in self.events.items()}
        return link_events(self.articles, analyses, entities), {e.id: e.name for e in entities}


A = ("Ana Reyes", "PERSON")
B = ("Tom Vik", "PERSON")
C = ("Lee Park", "PERSON")
D = ("Ola Berg", "PERSON")
NK = ("Northland", "GPE")
CITY = ("Portville", "GPE")


def _event_of(events, article, sentence):
    return next(e for e in events if any(m.article == article and m.sentence == sentence for m in e.mentions))


def test_one_meeting_reported_by_four_articles_is_one_event():
    c = Corpus()
    for n, trigger in enumerate(("meet", "meeting", "talks", "conference")):
        a = c.article(f"a{n}", "2024-10-30")
        c.event(a, trigger, participants=[A, B], places=[CITY] if n % 2 else [], date="2024-10-30" if n == 0 else None, sentence=1)
    events, names = c.link()
    meeting = _event_of(events, "a0", 1)
    assert meeting.articles == ("a0", "a1", "a2", "a3")
    assert meeting.date == "2024-10-30"
    assert {names[e] for e in meeting.entities} >= {"Ana Reyes", "Tom Vik"}
    assert len([e for e in events if e.trigger in ("meet", "meeting", "talks", "conference")]) == 1


def test_a_test_last_december_is_not_this_octobers_launch():
    c = Corpus()
    a = c.article("a", "2024-10-31")
    b = c.article("b", "2024-10-31")
    c.event(a, "test", participants=[NK], date="2024-10-31", when="Thursday", sentence=0)
    c.event(a, "test", participants=[NK], date="2023-12", when="December last year", sentence=5)
    c.event(b, "launch", participants=[NK], sentence=2)  # undated: about the recent launch
    events, _ = c.link()
    october = _event_of(events, "a", 0)
    december = _event_of(events, "a", 5)
    assert october is not december
    assert december.date == "2023-12" and october.date == "2024-10-31"
    assert _event_of(events, "b", 2) is october


def test_unresolved_dates_still_keep_different_days_apart():
    # No publication dates: "Thursday" and "December last year" cannot be the same test.
    c = Corpus()
    a = c.article("a")
    b = c.article("b")
    c.event(a, "test", participants=[NK], when="Thursday", sentence=0)
    c.event(b, "test", participants=[NK], when="December last year", sentence=3)
    events, _ = c.link()
    assert _event_of(events, "a", 0) is not _event_of(events, "b", 3)


def test_a_scheduled_meeting_with_more_people_is_another_meeting():
    c = Corpus()
    a = c.article("a", "2024-10-30")
    b = c.article("b", "2024-10-30")
    c.event(a, "meet", participants=[A, B], date="2024-10-30", sentence=0)
    c.event(b, "meeting", participants=[A, B], sentence=1)
    c.event(a, "meet", participants=[A, B, C, D], date="2024-10-31", when="Thursday", future=True, sentence=9)
    c.event(b, "meet", participants=[A, B, C, D], when="Thursday", future=True, sentence=8)
    events, _ = c.link()
    first = _event_of(events, "a", 0)
    later = _event_of(events, "a", 9)
    assert first is not later
    assert _event_of(events, "b", 1) is first
    assert _event_of(events, "b", 8) is later
    assert later.date == "2024-10-31"


def test_sharing_only_a_country_on_different_days_does_not_link():
    c = Corpus()
    a = c.article("a", "2024-05-01")
    b = c.article("b", "2024-09-01")
    c.event(a, "deploy", participants=[NK, A], date="2024-04-28", sentence=0)
    c.event(b, "deploy", participants=[NK, C], date="2024-08-30", sentence=0)
    events, _ = c.link()
    assert len(events) == 2


def test_different_kinds_of_event_never_merge():
    c = Corpus()
    a = c.article("a", "2024-10-31")
    c.event(a, "meet", participants=[A, B], date="2024-10-30", sentence=0)
    c.event(a, "condemn", participants=[A, B], date="2024-10-30", sentence=0)
    events, _ = c.link()
    assert len(events) == 2


def test_the_listing_puts_the_news_before_what_it_recalls_and_the_timeline_reads_by_date():
    c = Corpus()
    a = c.article("a", "2024-10-31")
    c.event(a, "arrest", participants=[A], sentence=0)
    c.event(a, "visit", participants=[B], date="2024-06", sentence=1)
    c.event(a, "test", participants=[NK], date="2023-12", sentence=2)
    c.event(a, "meet", participants=[C], date="2024-10-30", sentence=3)
    events, _ = c.link()
    # Equally reported: this week's meeting and the undated arrest are news, the rest background.
    assert [e.date for e in events] == ["2024-10-30", None, "2023-12", "2024-06"]
    assert [e.id for e in events] == ["ev1", "ev2", "ev3", "ev4"]
    assert [e.date for e in ordered_events(tuple(events))] == ["2023-12", "2024-06", "2024-10-30", None]


def test_a_sentencing_every_report_tells_is_listed_before_the_conviction_they_recall():
    c = Corpus()
    for n in range(3):
        a = c.article(f"a{n}", "2020-03-11")
        c.event(a, "convicted", participants=[A], date="2020-02-24", sentence=1)
        c.event(a, "sentenced", participants=[A], date="2020-03-11", sentence=0)
    c.event(c.article("b", "2020-03-12"), "visit", participants=[B], date="2020-03-12", sentence=0)
    events, _ = c.link()
    assert [(e.trigger, len(e.articles)) for e in events] == [("sentenced", 3), ("convicted", 3), ("visit", 1)]


def test_event_json_has_the_documented_fields():
    c = Corpus()
    a = c.article("a", "2024-10-31")
    c.event(a, "meet", participants=[A, B], date="2024-10-30", sentence=2)
    events, _ = c.link()
    data = events[0].to_dict()
    assert {"id", "label", "trigger", "date", "articles", "entities", "mentions"} <= set(data)
    assert data["mentions"][0]["article"] == "a" and data["mentions"][0]["sentence"] == 2


def test_many_articles_link_without_comparing_every_pair():
    # 3,000 articles about 1,000 different meetings (three reports each): blocking keeps this quick,
    # and each meeting comes out as one event.
    c = Corpus()
    for n in range(1000):
        people = [(f"Person {n} A", "PERSON"), (f"Person {n} B", "PERSON")]
        day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        for k in range(3):
            art = c.article(f"m{n}-{k}", day)
            c.event(art, "meet", participants=people, date=day if k == 0 else None, sentence=0)
    events, _ = c.link()
    assert len(events) == 1000
    assert all(len(e.articles) == 3 for e in events)


def test_labels_read_like_headlines():
    assert make_label(("Ana Reyes", "Tom Vik"), "meet", ("Portville",)) == "Ana Reyes and Tom Vik meet in Portville"
    assert make_label(("Northland",), "launch", ()) == "Northland launches"
    assert make_label(("Ana Reyes",), "meeting", (), noun=True) == "Ana Reyes meets"
    assert make_label((), "explosion", ("Portville",), noun=True) == "Explosion in Portville"


def test_date_compatibility_is_containment():
    assert dates_compatible("2024-10", "2024-10-30")
    assert dates_compatible(None, "2024-10-30")
    assert not dates_compatible("2024-10-30", "2024-10-31")
    assert not dates_compatible("2023-12", "2024-10-31")


def test_an_undated_article_borrows_the_date_of_articles_reporting_the_same_event():
    c = Corpus()
    dated = c.article("dated", "2024-10-31")
    undated = c.article("undated")
    c.event(dated, "meet", participants=[A, B], date="2024-10-30", when="Wednesday", sentence=0)
    c.event(undated, "meet", participants=[A, B], when="Wednesday", sentence=0)
    c.event(undated, "strike", participants=[NK], places=[CITY], when="Oct. 3", sentence=4)
    c.event(undated, "arrest", participants=[C], when="Thursday", sentence=6)  # read near 31 October
    events, _ = c.link()
    assert _event_of(events, "undated", 0) is _event_of(events, "dated", 0)
    assert _event_of(events, "undated", 4).date == "2024-10-03"
    assert _event_of(events, "undated", 6).date == "2024-10-31"


def test_unnamed_events_on_the_same_day_link_only_within_one_story():
    c = Corpus()
    a = c.article("a", "2010-05-05")
    b = c.article("b", "2010-05-05")
    other = c.article("other", "2010-05-05")
    # a and b name the same people elsewhere (one story); `other` is a different story.
    c.event(a, "arrest", participants=[A, B], date="2010-05-01", sentence=1)
    c.event(b, "arrest", participants=[A, B], sentence=1)
    c.event(other, "visit", participants=[C, D], sentence=1)
    for article in (a, b, other):
        c.event(article, "kill", date="2010-05-05", when="Wednesday", sentence=0)
    events, _ = c.link()
    assert _event_of(events, "a", 0) is _event_of(events, "b", 0)
    assert _event_of(events, "other", 0) is not _event_of(events, "a", 0)


def test_a_wire_story_run_by_many_outlets_keeps_its_two_tests_apart():
    # Forty copies of one story: the October test and last December's test, each one event; an
    # undated report of the recent launch joins October's, as it would with a single copy.
    c = Corpus()
    for n in range(40):
        a = c.article(f"w{n}", "2024-10-31")
        c.event(a, "test", participants=[NK], places=[CITY], date="2024-10-31", when="Thursday", sentence=0)
        c.event(a, "test", participants=[NK], places=[CITY], date="2023-12", when="December last year", sentence=5)
    b = c.article("b", "2024-10-31")
    c.event(b, "launch", participants=[NK], sentence=2)
    events, _ = c.link()
    october, december = _event_of(events, "w0", 0), _event_of(events, "w0", 5)
    assert october is not december
    assert set(october.articles) == {f"w{n}" for n in range(40)} | {"b"}
    assert set(december.articles) == {f"w{n}" for n in range(40)}
    assert (october.date, december.date) == ("2024-10-31", "2023-12")
    assert len(events) == 2


def test_copies_of_a_meeting_and_other_reports_of_it_are_one_event():
    c = Corpus()
    for n in range(30):
        a = c.article(f"w{n}", "2024-10-30")
        c.event(a, "meet", participants=[A, B], places=[CITY], date="2024-10-30", sentence=1)
    for n, trigger in enumerate(("meeting", "talks")):
        a = c.article(f"o{n}", "2024-10-30")
        c.event(a, trigger, participants=[A, B], sentence=3)
    events, _ = c.link()
    (meeting,) = events
    assert len(meeting.articles) == 32 and meeting.date == "2024-10-30"


def test_linking_families_in_separate_processes_gives_the_same_events(monkeypatch):
    """Large corpora link their event families in two processes; the events, their order and ids
    must be those of linking everything at once, including dates borrowed by undated articles."""
    import random

    from newsx.core.link.events import linking as event_linking
    rng = random.Random(5)
    people = [A, B, C, D, ("Ivo Mar", "PERSON"), ("Sea Agency", "ORG")]
    c = Corpus()
    for n in range(80):
        published = None if n % 7 == 0 else f"2024-10-{1 + n % 20:02d}"
        art = c.article(f"a{n}", published)
        for sentence, trigger in enumerate(rng.sample(["meet", "test", "strike", "arrest", "launch", "visit"], 3)):
            day = rng.choice([None, "2024-10-03", "2024-10-10", "2024-09"])
            c.event(art, trigger, participants=rng.sample(people, 2), places=rng.choice([[], [CITY], [NK]]),
                    date=None if published is None else day, when=rng.choice([None, "Wednesday", "Oct. 3"]), sentence=sentence)
    together, _ = c.link()
    monkeypatch.setattr(event_linking, "_SPLIT_MIN_NODES", 1)
    split = []
    real_parts = event_linking._family_parts
    monkeypatch.setattr(event_linking, "_family_parts", lambda nodes: split.append(real_parts(nodes)) or split[-1])
    apart, _ = c.link()
    assert len(split[0]) == 2
    assert [e.to_dict() for e in apart] == [e.to_dict() for e in together]
    assert len(together) > 20 and any(len(e.articles) > 2 for e in together)


def riot_story() -> Corpus:
    """Four reports that each lead with riots, fires and a death (the story's main kinds of event)."""
    c = Corpus()
    for n in range(1, 5):
        a = c.article(f"a{n}", "2023-06-29")
        c.event(a, "riot", places=[CITY], date="2023-06-28", sentence=0)
        c.event(a, "fire", places=[CITY], date="2023-06-28", sentence=1)
        c.event(a, "kill", participants=[A], date="2023-06-27", sentence=2)
    return c


def test_a_kind_of_event_beside_the_storys_main_ones_is_one_event_on_one_day():
    # Three of the reports also tell of "the shooting" on Tuesday, naming nobody as its party in
    # common: one shooting, not three.
    c = riot_story()
    told = {"a2": {"participants": [A]}, "a3": {"places": [("Nanterre", "GPE")]}, "a4": {}}  # who, where, neither
    for a, said in told.items():
        c.event(a, "shoot", date="2023-06-27", sentence=3, **said)
    events, _ = c.link()
    shootings = [e for e in events if e.trigger == "shoot"]
    assert len(shootings) == 1 and set(shootings[0].articles) == {"a2", "a3", "a4"}
    assert shootings[0].date == "2023-06-27"


def test_two_of_a_kind_on_one_day_that_name_different_people_stay_two():
    c = riot_story()
    c.event("a2", "arrest", participants=[B], date="2023-06-28", sentence=3)
    c.event("a3", "arrest", participants=[C], date="2023-06-28", sentence=3)
    events, _ = c.link()
    assert len([e for e in events if e.trigger == "arrest"]) == 2


def test_the_storys_riots_on_two_nights_are_one_unrest_but_fires_two_days_apart_are_two():
    c = Corpus()
    for n, night in ((1, "2023-06-27"), (2, "2023-06-27"), (3, "2023-06-29"), (4, "2023-06-29")):
        a = c.article(f"a{n}", night[:8] + f"{int(night[8:]) + 1:02d}")
        c.event(a, "riot", places=[CITY], date=night, sentence=0)
        c.event(a, "fire", participants=[("Town Hall", "FAC")], date=night, sentence=4)
    events, _ = c.link()
    (riots,) = [e for e in events if e.trigger == "riot"]
    assert set(riots.articles) == {"a1", "a2", "a3", "a4"}
    assert len([e for e in events if e.trigger == "fire"]) == 2


def test_the_storys_undated_event_told_again_two_weeks_on_is_the_same_event():
    # Four reports of a heist on the week it was found, two more as the inquiry goes on
    c = Corpus()
    for n, published in enumerate(["2015-04-07", "2015-04-09", "2015-04-09", "2015-04-09", "2015-04-22", "2015-04-23"], 1):
        a = c.article(f"a{n}", published)
        c.event(a, "heist", places=[CITY], sentence=0)
    events, _ = c.link()
    (heist,) = [e for e in events if e.trigger == "heist"]
    assert len(heist.articles) == 6


def test_a_time_the_model_took_for_a_place_is_not_where_it_happened():
    c = Corpus()
    for a in ("a1", "a2"):
        c.article(a, "2015-04-09")
        c.event(a, "robbery", places=[("Easter weekend", "LOC")], date="2015-04-05")
    events, _ = c.link()
    (robbery,) = [e for e in events if e.trigger == "robbery"]
    assert "Easter" not in robbery.label

