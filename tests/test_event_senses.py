"""A verb whose kind of event depends on its words: a coach fired is a dismissal, not a fire; a
body found dead is a death; "will host" is the news of a story that announces what is to come."""

from __future__ import annotations

from conftest import index_of

from newsx.core.nlp.event_lexicon import FAMILIES, whens_agree

COACH_STORY = {
    "c1": ("Valley Sun", "2022-11-14", "The Riverside Hawks fired head coach Tom Briggs on Monday after a 2-9 start. "
           "A fire destroyed the team's old training barn in June."),
    "c2": ("Metro Daily", "2022-11-14", "Tom Briggs was relieved of his duties as head coach of the Riverside Hawks, "
           "general manager Ann Lowe said on Monday."),
    "c3": ("Sports Wire", "2022-11-15", "The Riverside Hawks have fired Tom Briggs, the coach who led them to two "
           "titles."),
}

HIKER_STORY = {
    "h1": ("Alpine Times", "2023-02-06", "Hiker Anna Reyes was found dead on Sunday near Crane Peak, police said."),
    "h2": ("Mountain Post", "2023-02-06", "Anna Reyes, 34, died after a fall near Crane Peak on Sunday, police said."),
    "h3": ("Valley Sun", "2023-02-07", "Anna Reyes is presumed dead after falling from a ridge near Crane Peak."),
}

HOST_STORY = {
    "o1": ("Screen Daily", "2024-08-02", "Comedian Lena Marsh will host the Grammy Awards next year, the academy "
           "said on Friday."),
    "o2": ("Music Wire", "2024-08-02", "Lena Marsh is set to host the Grammy Awards for a second time."),
    "o3": ("Pop Post", "2024-08-03", "Organisers said Lena Marsh will host the ceremony in February. She hosted it "
           "once before."),
}


def test_a_coach_fired_is_a_dismissal_not_a_fire(tmp_path):
    index = index_of(COACH_STORY, tmp_path)
    dismissal = [e for e in index.events if "Tom Briggs" in e.label]
    assert len(dismissal) == 1
    assert set(dismissal[0].articles) == set(COACH_STORY)  # "fired" and "relieved of his duties"
    assert dismissal[0].trigger == "dismiss"
    # The barn fire is another event, of its own kind.
    assert all(e.trigger != "dismiss" for e in index.events if e is not dismissal[0])
    fires = [e for e in index.events if e.trigger in ("fire", "destroy")]
    assert fires and all(set(e.articles) == {"c1"} for e in fires)


def test_found_dead_and_presumed_dead_report_the_death(tmp_path):
    index = index_of(HIKER_STORY, tmp_path)
    death = max(index.events, key=lambda e: len(e.articles))
    assert set(death.articles) == set(HIKER_STORY)
    assert death.label.startswith("Anna Reyes")
    assert death.date == "2023-02-05"  # "on Sunday"


def test_an_announced_host_is_the_stories_main_event(tmp_path):
    index = index_of(HOST_STORY, tmp_path)
    main = max(index.events, key=lambda e: len(e.articles))
    assert set(main.articles) == set(HOST_STORY)
    assert "Lena Marsh" in main.label and "host" in main.label
    # What she did before is another event than what she will do.
    words = {HOST_STORY[t.article][2][t.start:t.end] for t in main.triggers}
    assert "hosted" not in words


def test_a_person_dies_not_the_organisation_named_beside_them(tmp_path):
    story = {
        f"d{n}": ("Wire", "2004-07-28", f"Frederick Dunmore, a former Brightwater Council aide, was found dead {where}.")
        for n, where in enumerate(("at his home", "in his home on Saturday", "at home, police said"))
    }
    index = index_of(story, tmp_path)
    death = max(index.events, key=lambda e: len(e.articles))
    assert len(death.articles) == 3
    assert death.label.startswith("Frederick Dunmore") and "Brightwater" not in death.label


def test_unresolved_days_one_apart_can_be_one_event():
    assert whens_agree("friday night", "early saturday")
    assert whens_agree("sunday", "monday morning")
    assert not whens_agree("friday", "monday")
    assert not whens_agree("last week", "friday")


GADGET_STORY = {
    "g1": ("Tech Daily", "2023-09-13", "Orbitel launched its new Nova X2 phone on Tuesday in Denver. Meanwhile, "
           "Northland launched a ballistic missile into the sea on Tuesday, officials said."),
    "g2": ("Gadget Wire", "2023-09-13", "Orbitel unveiled the Nova X2 phone at an event in Denver on Tuesday."),
}


def test_a_phone_launched_is_unveiled_not_a_missile_launch(tmp_path):
    index = index_of(GADGET_STORY, tmp_path)
    said = lambda e: {GADGET_STORY[t.article][2][t.start:t.end] for t in e.triggers}  # noqa: E731
    phone = [e for e in index.events if "unveiled" in said(e)]
    assert len(phone) == 1 and set(phone[0].articles) == {"g1", "g2"}
    assert "Nova X2" in phone[0].label
    missile = [e for e in index.events if "Northland" in e.label]
    assert len(missile) == 1 and missile[0] is not phone[0] and missile[0].articles == ("g1",)


GAME_STORY = {
    "w1": ("Sports Wire", "2012-12-24", "The Riverside Hawks beat the Lakeview Owls 20-13 on Sunday to clinch a "
           "playoff spot."),
    "w2": ("Metro Daily", "2012-12-24", "The Lakeview Owls lost to the Riverside Hawks 20-13 on Sunday."),
    "w3": ("Valley Sun", "2012-12-24", "The Riverside Hawks defeated the Lakeview Owls on Sunday."),
}


def test_lost_to_reports_the_other_sides_win(tmp_path):
    index = index_of(GAME_STORY, tmp_path)
    win = max(index.events, key=lambda e: len(e.articles))
    assert set(win.articles) == set(GAME_STORY)
    assert win.label.startswith("Riverside Hawks")  # who won, though one source says who lost


ELECTION_STORY = {
    "e1": ("Wire", "2013-09-26", "Parliamentary elections in Freeland which are planned for December 15, 2013, will "
           "have two parties for the first time."),
    "e2": ("Daily", "2013-10-04", "Freeland will hold parliamentary elections with two parties, its election "
           "commission said."),
    "e3": ("Post", "2013-10-02", "Freeland's election commission plans to hold elections on December 15, 2013."),
}


def test_reports_weeks_ahead_of_an_announced_election_are_one_event(tmp_path):
    index = index_of(ELECTION_STORY, tmp_path)
    election = max(index.events, key=lambda e: len(e.articles))
    assert set(election.articles) == set(ELECTION_STORY)
    assert election.date == "2013-12-15"


DUI_STORY = {
    "u1": ("Sports Wire", "2009-02-02", "Defensive tackle Jamal Carter was arrested on suspicion of DUI early Sunday, "
           "the California Highway Patrol said."),
    "u2": ("Metro Daily", "2009-02-02", "Jamal Carter was arrested on suspicion of drunken driving on Sunday."),
    "u3": ("Valley Sun", "2009-02-03", "Police said Jamal Carter was arrested for driving under the influence on "
           "Sunday."),
}


def test_drunk_driving_is_the_offence_and_not_an_organisation(tmp_path):
    index = index_of(DUI_STORY, tmp_path)
    offence = [e for e in index.events if e.trigger == "drive drunk"]
    assert len(offence) == 1 and set(offence[0].articles) == set(DUI_STORY)  # DUI, drunken driving, under the influence
    arrest = [e for e in index.events if e.trigger == "arrest"]
    assert arrest and all("DUI" not in e.label for e in arrest)


PARTY_STORY = {
    "p1": ("Coast News", "2019-12-14", "A gunman opened fire at an office Christmas party in Halden on Friday, "
           "police said. The Green Party called for calm."),
    "p2": ("Harbor Post", "2019-12-14", "Two guests were wounded when a former employee walked into the company "
           "party in Halden on Friday."),
    "p3": ("Daily Wire", "2019-12-15", "Guests at the holiday party in Halden hid under tables, witnesses said. "
           "The ruling party promised a review of gun laws."),
}

BENCH_STORY = {
    "r1": ("Sports Desk", "2021-01-06", "The Ravens placed Marcus Dell on injured reserve on Wednesday."),
    "r2": ("Gridiron Daily", "2021-01-06", "Marcus Dell was put on IR by the Ravens on Wednesday with a torn ligament."),
    "r3": ("Metro Daily", "2021-01-07", "Police in Salem placed Tom Vik under arrest on Tuesday after a chase."),
}


def test_a_party_is_the_gathering_where_it_happened_not_a_political_party(tmp_path):
    index = index_of(PARTY_STORY, tmp_path)
    gatherings = [e for e in index.events if e.trigger == "party"]
    assert len(gatherings) == 1, [(e.label, e.articles) for e in index.events]
    assert set(gatherings[0].articles) == set(PARTY_STORY)
    # "the Green Party" and "the ruling party" are no gathering
    assert not any(t.sentence == 1 for t in gatherings[0].triggers)


def test_a_player_placed_on_injured_reserve_and_a_man_placed_under_arrest(tmp_path):
    index = index_of(BENCH_STORY, tmp_path)
    benched = [e for e in index.events if "Marcus Dell" in e.label]
    assert len(benched) == 1 and set(benched[0].articles) == {"r1", "r2"}, [e.label for e in index.events]
    assert "injured reserve" in benched[0].label and "Injured" not in benched[0].label
    arrest = [e for e in index.events if "r3" in e.articles]
    assert [e.trigger for e in arrest] == ["arrest"]


DIRECTOR_STORY = {
    "m1": ("Screen Daily", "2008-12-08", "Ann Vole is negotiating to direct the sequel to Nightfall, industry sources said."),
    "m2": ("Film Wire", "2008-12-08", "Summit Pictures announced today that Ann Vole has been hired to direct the "
           "sequel to Nightfall."),
    "m3": ("Movie Post", "2008-12-09", "Ann Vole will direct the sequel to Nightfall, the studio confirmed."),
}


def test_hired_or_negotiating_to_direct_is_the_directing_to_come(tmp_path):
    # what the opening reports ("..., sources said"; "announced that ...") is its act, and what
    # someone is hired or negotiating to do is to come, as "will direct" is
    index = index_of(DIRECTOR_STORY, tmp_path)
    directing = [e for e in index.events if e.trigger == "direct"]
    assert len(directing) == 1, [(e.label, e.articles) for e in index.events]
    assert set(directing[0].articles) == set(DIRECTOR_STORY)
    assert directing[0].label.startswith("Ann Vole to direct")


POST_STORY = {
    "j1": ("Capitol Wire", "2009-01-06", "Governor Lena Marsh has asked the TV doctor Paul Ode to be the state's "
           "health commissioner, aides said."),
    "j2": ("Metro Daily", "2009-01-06", "Paul Ode has been offered the post of health commissioner by Governor Lena Marsh."),
    "j3": ("Valley Sun", "2009-01-07", "Paul Ode was approached by Governor Lena Marsh about the commissioner job."),
    "j4": ("Valley Sun", "2009-01-07", "Governor Lena Marsh asked reporters to leave the room."),
}


def test_asked_to_be_offered_the_post_and_approached_about_the_job_are_one_offer(tmp_path):
    index = index_of(POST_STORY, tmp_path)
    offers = [e for e in index.events if e.trigger == "offer"]
    assert len(offers) == 1, [(e.label, e.articles) for e in index.events]
    assert set(offers[0].articles) == {"j1", "j2", "j3"}  # asking reporters to leave offers nothing


HEIST_STORY = {
    "h1": ("City Wire", "2008-12-05", "Armed men robbed the Vane jewellery store in Lyon on Thursday, police said."),
    "h2": ("Metro Daily", "2008-12-05", "Thieves stole gems worth 80 million euros from the Vane store in Lyon on Thursday."),
    "h3": ("Valley Sun", "2008-12-06", "The robbery of the Vane store in Lyon on Thursday was the biggest in years."),
}


def test_robbed_and_stole_tell_one_heist(tmp_path):
    index = index_of(HEIST_STORY, tmp_path)
    heists = [e for e in index.events if len(e.articles) > 1]
    assert len(heists) == 1 and set(heists[0].articles) == set(HEIST_STORY), [(e.label, e.articles) for e in index.events]


# Each report ends on the same background, as a story's reports share one.
_SEA = " Pirates from Somalia have hijacked dozens of ships in the Gulf of Aden this year, seizing tankers and freighters."
NAVY_STORY = {
    "n1": ("Wire A", "2008-11-19", "An Indian Navy warship sank a suspected pirate mother ship in the Gulf of Aden on "
           "Tuesday, the navy said." + _SEA),
    "n2": ("Wire B", "2008-11-19", "The Indian warship opened fire on a pirate vessel in the Gulf of Aden on Tuesday." + _SEA),
    "n3": ("Wire C", "2008-11-20", "India's navy said on Wednesday it had fired on and sunk a pirate ship in the Gulf "
           "of Aden." + _SEA),
}
_CAMP = " Yida camp in Unity State hosts thousands of refugees from Sudan's Blue Nile and South Kordofan states."
BOMBING_STORY = {
    "b1": ("Wire A", "2011-11-11", "Sudanese warplanes bombed a refugee camp in Yida on Thursday, officials said." + _CAMP),
    "b2": ("Wire B", "2011-11-11", "An air strike on the Yida refugee camp on Thursday killed at least 12 people." + _CAMP),
    "b3": ("Wire C", "2011-11-12", "Sudan denied it attacked the Yida camp on Thursday." + _CAMP),
}


def test_a_warship_that_fired_on_and_sank_a_ship_attacked_it(tmp_path):
    index = index_of(NAVY_STORY, tmp_path)
    attacks = [e for e in index.events if FAMILIES.get(e.trigger) == "attack"]
    assert len(attacks) == 1 and set(attacks[0].articles) == set(NAVY_STORY), [(e.label, e.articles) for e in index.events]
    assert not any(FAMILIES.get(e.trigger) == "fire" for e in index.events)  # gunfire, not a blaze


def test_bombed_an_air_strike_and_attacked_are_one_attack(tmp_path):
    index = index_of(BOMBING_STORY, tmp_path)
    attacks = [e for e in index.events if FAMILIES.get(e.trigger) == "attack"]
    assert len(attacks) == 1 and set(attacks[0].articles) == set(BOMBING_STORY), [(e.label, e.articles) for e in index.events]


def test_what_is_fired_decides_the_kind_of_event(tmp_path):
    story = {
        "f1": ("Wire A", "2020-03-02", "North Korea fired two ballistic missiles into the sea on Monday."),
        "f2": ("Wire B", "2020-03-02", "Police fired tear gas at protesters in Santiago on Monday."),
        "f3": ("Wire C", "2020-03-02", "A gunman fired on shoppers at the Delta Mall in Leeds on Monday."),
    }
    index = index_of(story, tmp_path)
    kind = {a: FAMILIES.get(e.trigger) for e in index.events for a in e.articles}
    assert kind == {"f1": "launch", "f2": "protest", "f3": "attack"}, [(e.label, e.trigger, e.articles) for e in index.events]


_BOUTIQUE = " The boutique on Avenue Montaigne sells diamonds and watches to wealthy clients from around the world."
RAID_STORY = {
    "h1": ("Wire A", "2008-12-05", "Four armed robbers raided the Vane jewellery store in Paris on Thursday and fled "
           "with gems worth 80 million euros." + _BOUTIQUE),
    "h2": ("Wire B", "2008-12-05", "Thieves stole jewels from the Vane boutique in Paris on Thursday, police said." + _BOUTIQUE),
    "h3": ("Wire C", "2008-12-06", "Police said the raid on the Vane store in Paris lasted about 15 minutes." + _BOUTIQUE),
}


def test_a_raid_on_a_jewellers_is_a_robbery_and_a_police_raid_is_not(tmp_path):
    index = index_of(RAID_STORY, tmp_path)
    robberies = [e for e in index.events if FAMILIES.get(e.trigger) == "rob"]
    assert len(robberies) == 1 and set(robberies[0].articles) == set(RAID_STORY), [(e.label, e.articles) for e in index.events]
    police = index_of({"p1": ("Wire A", "2020-01-10", "Police raided the Delta store in Leeds on Friday.")}, tmp_path / "p")
    assert police.events and not any(FAMILIES.get(e.trigger) == "rob" for e in police.events)



ROLE_STORY = {
    "t1": ("Screen Daily", "2009-01-05", "Actor Tom Vale has been cast as the new lead of Star Road, the BBC said on Saturday."),
    "t2": ("Film Wire", "2009-01-05", "Tom Vale stepped into the title role of Star Road on Saturday."),
    "t3": ("Movie Post", "2009-01-06", "Tom Vale, 26, won the part of Captain Nova in Star Road on Saturday."),
}


def test_stepped_into_the_role_and_won_the_part_are_the_casting(tmp_path):
    index = index_of(ROLE_STORY, tmp_path)
    castings = [e for e in index.events if FAMILIES.get(e.trigger) == "appoint"]
    assert len(castings) == 1 and set(castings[0].articles) == set(ROLE_STORY), [(e.label, e.articles) for e in index.events]


ILLNESS_STORY = {
    "i1": ("Film Weekly", "2021-03-12", "Actress Mara Quinn died on Thursday in Los Angeles. She suffered a heart "
           "attack last month, her agent Paul Reed said. \"She captured the imagination of a generation.\""),
    "i2": ("Screen Post", "2021-03-12", "Mara Quinn, the screen icon, has died at 85 after a heart attack, her "
           "agent Paul Reed said. She captured the heart of a nation."),
    "i3": ("Daily Lens", "2021-03-13", "Mara Quinn died of cardiac arrest in Los Angeles on Thursday."),
}


def test_a_heart_attack_is_an_illness_not_an_attack_and_a_captured_imagination_no_arrest(tmp_path):
    index = index_of(ILLNESS_STORY, tmp_path)
    families = {FAMILIES.get(e.trigger, e.trigger) for e in index.events}
    assert "attack" not in families and "arrest" not in families
    illness = [e for e in index.events if FAMILIES.get(e.trigger) == "illness"]
    assert illness and any("heart attack" in e.label.lower() and {"i1", "i2"} <= set(e.articles) for e in illness)
    death = max(index.events, key=lambda e: len(e.articles))
    assert set(death.articles) == set(ILLNESS_STORY) and "Mara Quinn dies" in death.label


PHONE_RELEASE_STORY = {  # undated, as many blog posts are: no date settles which release is which
    "p1": ("Gadget Wire", "", "Telco One will launch the Orbit 5 smartphone in February, the company said."),
    "p2": ("Phone Post", "", "Telco One will offer the new Orbit 5 smartphone from February."),
    "p3": ("Tech Daily", "", "Telco One has released the Orbit 5 smartphone in Canada and the US."),
    "p4": ("Mobile Blog", "", "The Orbit 5 smartphone was released by Telco One, with a faster chip."),
}


def test_a_phone_announced_for_next_month_and_the_phone_released_are_one_release(tmp_path):
    index = index_of(PHONE_RELEASE_STORY, tmp_path)
    release = max(index.events, key=lambda e: len(e.articles))
    assert set(release.articles) == set(PHONE_RELEASE_STORY)
    assert "Telco One" in release.label


def test_a_time_no_calendar_places_parts_no_reports():
    assert whens_agree("the second half", "friday")  # any day: the game's second half
    assert whens_agree("fourth quarter", "sunday night")
    assert not whens_agree("the post-season", "next week")  # "next week" is said to be another time
    assert not whens_agree("christmas", "friday")


SEASON_STORY = {  # undated: the days as written decide
    "s1": ("Sports Wire", "", "The Lakeview Owls beat the Riverside Hawks 20-13 on Sunday."),
    "s2": ("Metro Daily", "", "Hawks coach Tom Briggs praised his young defence in Riverside. The Riverside Hawks "
           "lost to the Lakeview Owls and could tie the franchise mark of 14 losses next week."),
    "s3": ("Valley Sun", "", "The Lakeview Owls defeated the Riverside Hawks on Sunday in Lakeview."),
}


def test_a_done_event_does_not_take_the_date_of_what_is_to_come_beside_it(tmp_path):
    index = index_of(SEASON_STORY, tmp_path)
    win = max(index.events, key=lambda e: len(e.articles))
    said = {(t.article, SEASON_STORY[t.article][2][t.start:t.end]) for t in win.triggers}
    assert {("s1", "beat"), ("s2", "lost"), ("s3", "defeated")} <= said


NAMES_STORY = {
    "n1": ("Valley Sun", "2020-06-02", "Crews from Palmer Fire and Rescue Service put out the blaze at the barn on "
           "Monday. The Central Election Commission said turnout was high."),
    "n2": ("Metro Daily", "2020-06-02", "A blaze destroyed a barn in Palmer on Monday."),
}


def test_the_words_of_a_name_are_no_event(tmp_path):
    index = index_of(NAMES_STORY, tmp_path)
    words = {NAMES_STORY[t.article][2][t.start:t.end] for e in index.events for t in e.triggers}
    assert "blaze" in words
    assert not words & {"Fire", "Rescue", "Election"}  # of the fire service and the commission


RESERVE_STORY = {
    "r1": ("Sports Wire", "2011-01-05", "Pierre Lane, the Riverside Hawks' leading rusher in 2009, was put on injured reserve "
           "on Wednesday."),
    "r2": ("Metro Daily", "2011-01-05", "The Riverside Hawks placed Pierre Lane on injured reserve on Wednesday."),
}


def test_a_date_that_describes_a_party_is_not_the_events(tmp_path):
    index = index_of(RESERVE_STORY, tmp_path)
    reserve = max(index.events, key=lambda e: len(e.articles))
    assert set(reserve.articles) == set(RESERVE_STORY)
    assert reserve.date == "2011-01-05"
    assert all(not (e.date or "").startswith("2009") for e in index.events)


REPEAL_STORY = {
    "v1": ("Valley Sun", "2015-05-12", "The Riverside city council on Monday repealed the curfew that Mayor Ann Lowe "
           "imposed in March."),
    "v2": ("Metro Daily", "2015-05-12", "The Riverside city council reversed Mayor Ann Lowe's curfew on Monday."),
    "v3": ("River Post", "2015-05-13", "Riverside's council overturned the curfew on Monday, two months after Ann "
           "Lowe imposed it."),
}


def test_repealed_reversed_and_overturned_undo_one_rule(tmp_path):
    index = index_of(REPEAL_STORY, tmp_path)
    undone = [e for e in index.events if FAMILIES.get(e.trigger) == "overturn"]
    assert len(undone) == 1 and set(undone[0].articles) == set(REPEAL_STORY)
    assert undone[0].date == "2015-05-11"


TITLE_STORY = {
    "q1": ("Screen Daily", "2012-04-04", "Gary Ross is in talks to direct the sequel 'Catching Fire' for Lionsgate, "
           "the studio said on Wednesday."),
    "q2": ("Film Wire", "2012-04-04", "Lionsgate is getting ready for the sequel \u2018Catching Fire\u2019, with Gary "
           "Ross in talks to direct it."),
}


def test_a_title_in_quotes_is_no_event(tmp_path):
    index = index_of(TITLE_STORY, tmp_path)
    # not even a mention left for linking to drop
    mentions = [r for article in TITLE_STORY for r in index.analyses[article].events]
    assert mentions and all(r.text != "Fire" and FAMILIES.get(r.trigger) != "fire" for r in mentions)


TOLL_STORY = {
    "t1": ("Island Wire", "2013-07-02", "A strong earthquake struck Indonesia's Aceh province on Tuesday, killing at "
           "least 10 people and injuring dozens, officials said."),
    "t2": ("Asia Daily", "2013-07-02", "An earthquake jolted Aceh on Tuesday, killing five people and injuring 40."),
    "t3": ("Aceh Post", "2013-07-21", "Rudi Hartono, a teacher hurt in the earthquake, died in hospital in Banda Aceh "
           "on Saturday, his family said."),
}


def test_the_toll_told_with_a_quake_is_the_quake_and_a_death_weeks_on_its_own(tmp_path):
    index = index_of(TOLL_STORY, tmp_path)
    quake = next(e for e in index.events if FAMILIES.get(e.trigger) == "quake")
    assert quake.label.startswith("Earthquake") and "Aceh" in quake.label and quake.date == "2013-07-02"
    # "killing at least 10 and injuring dozens" are the quake's, in both reports: no event of their own
    told_with = {index.article_by_id[t.article].text[t.start:t.end] for t in quake.triggers}
    assert {"killing", "injuring"} <= told_with
    assert not any(FAMILIES.get(e.trigger) == "injure" for e in index.events)
    later = [e for e in index.events if FAMILIES.get(e.trigger) == "kill"]
    assert [e.articles for e in later] == [("t3",)] and "Rudi Hartono dies" in later[0].label
    assert later[0].date == "2013-07-20"


DROPPED_BOMBS_STORY = {
    "k1": ("Nile Wire", "2011-11-11", "Sudanese warplanes dropped bombs on the Yida refugee camp in Unity state on "
           "Thursday, officials said."),
    "k2": ("Africa Daily", "2011-11-10", "An air strike hit the Yida refugee camp in Unity state on Thursday, aid "
           "workers said."),
}


def test_bombs_dropped_are_the_air_strike_and_a_nationality_is_no_doer(tmp_path):
    index = index_of(DROPPED_BOMBS_STORY, tmp_path)
    attack = max(index.events, key=lambda e: len(e.articles))
    assert set(attack.articles) == set(DROPPED_BOMBS_STORY) and FAMILIES.get(attack.trigger) == "attack"
    assert attack.date == "2011-11-10"
    assert not any(e.label.startswith("Sudanese ") for e in index.events)


GEM_RAID_STORY = {
    "g1": ("Paris Wire", "2008-12-05", "Armed robbers stole jewels worth 80 million euros from the Harry Winston "
           "store in Paris on Thursday, police said."),
    "g2": ("Euro Daily", "2008-12-05", "Harry Winston staff described Thursday's gem raid in Paris to police, who are "
           "hunting four men."),
}


def test_a_gem_raid_is_the_robbery(tmp_path):
    index = index_of(GEM_RAID_STORY, tmp_path)
    families = {FAMILIES.get(e.trigger, e.trigger) for e in index.events}
    assert "attack" not in families
    heist = max(index.events, key=lambda e: len(e.articles))
    assert set(heist.articles) == set(GEM_RAID_STORY) and FAMILIES.get(heist.trigger) == "rob"


RIOT_STORY = {
    "o1": ("Athens Wire", "2008-12-08", "Riot police fired tear gas at protesters in Athens on Sunday. Riots spread to "
           "other cities."),
    "o2": ("Euro Daily", "2008-12-08", "Riots raged in Athens on Sunday as police fired tear gas at youths."),
}


def test_riots_are_labelled_as_riots_not_by_the_polices_part(tmp_path):
    index = index_of(RIOT_STORY, tmp_path)
    protest = max(index.events, key=lambda e: len(e.articles))
    assert set(protest.articles) == set(RIOT_STORY)
    assert protest.label.lower().startswith("riot") and "dispers" not in protest.label.lower()


STRIKE_STORY = {
    "w1": ("Athens Wire", "2010-05-05", "A general strike shut down Greece on Wednesday as unions marched against "
           "budget cuts. The strike grounded all flights, officials said."),
    "w2": ("Greek Daily", "2010-05-05", "Tens of thousands of workers walked off the job in a 24-hour strike in Athens "
           "on Wednesday. Media broke the strike to report on the protests."),
    "w3": ("War Desk", "2010-05-05", "An air strike hit a rebel base in Helmand on Wednesday, the army said."),
}


def test_a_general_strike_is_a_walkout_in_every_sentence_and_an_air_strike_an_attack(tmp_path):
    index = index_of(STRIKE_STORY, tmp_path)
    kinds = {(article, raw.sentence): FAMILIES.get(raw.trigger, raw.trigger)
             for article, analysis in index.analyses.items() for raw in analysis.events if raw.text == "strike"}
    # "the strike" further on in an article about the general strike is that strike, not an attack
    assert kinds == {("w1", 0): "walkout", ("w1", 1): "walkout", ("w2", 0): "walkout", ("w2", 1): "walkout",
                     ("w3", 0): "attack"}
    walkout = next(e for e in index.events if "w2" in e.articles and FAMILIES.get(e.trigger) == "walkout")
    assert walkout.label == "Walkout in Athens"


NIGHT_STORY = {
    "n1": ("Metro Wire", "2013-03-13", "NEW YORK - Dozens of protesters clashed with police in Brooklyn on Monday "
           "night, police said."),
}


def test_a_night_of_a_named_day_dates_the_event_and_a_dateline_names_nobody(tmp_path):
    index = index_of(NIGHT_STORY, tmp_path)
    clash = next(e for e in index.events if e.trigger == "clash")
    assert clash.date == "2013-03-11"
    assert not any("Dozens" in e.label for e in index.events)


CLASH_STORY = {
    "c1": ("Metro Wire", "2013-03-12", "Dozens of protesters clashed with police in the East Flatbush section of "
           "Brooklyn on Monday night, police said."),
}


def test_where_a_clash_was_is_read_from_the_party_the_parse_hangs_it_on(tmp_path):
    # "with police in ... Brooklyn": the parse hangs "in" on the police, not on "clashed"
    index = index_of(CLASH_STORY, tmp_path)
    (clash,) = [e for e in index.events if e.trigger == "clash"]
    assert clash.date == "2013-03-11"
    assert clash.label in ("Clash in Brooklyn", "Clash in East Flatbush")


TOLL_RISE_STORY = {
    "r1": ("Island Wire", "2013-07-03", "The death toll from the earthquake that struck Aceh on Tuesday rose to 24 on "
           "Wednesday. The number of victims rose to 30 on Thursday."),
}


def test_a_toll_that_rises_is_a_count_revised_not_an_event(tmp_path):
    index = index_of(TOLL_RISE_STORY, tmp_path)
    assert not any(FAMILIES.get(raw.trigger) == "rise" for a in index.analyses.values() for raw in a.events)
    assert any(FAMILIES.get(e.trigger) == "quake" for e in index.events)


UNREALISED_STORY = {
    "u1": ("Coast Wire", "2024-03-17", "The Northland Navy thwarted the designs of the pirates to hijack ships in the "
           "region. The navy also foiled a hijacking attempt near Port Vale on Friday. Pirates had hijacked the "
           "freighter Mira in December."),
    "u2": ("Harbour Post", "2024-03-17", "The navy prevented the pirates from boarding the tanker Sola. Officials said "
           "the stolen cargo would be impossible to sell. Can such cargo even be sold abroad? The gunmen failed to "
           "kill the captain."),
}


def test_an_event_kept_from_happening_or_only_asked_about_is_no_event(tmp_path):
    index = index_of(UNREALISED_STORY, tmp_path)
    told = {raw.text.lower() for a in index.analyses.values() for raw in a.events}
    # thwarted, foiled, prevented, out of reach, asked, failed: none of these happened
    assert not told & {"hijack", "hijacking", "boarding", "sell", "sold", "kill"}
    # what did happen still is an event
    assert "hijacked" in told


VAULT_STORY = {
    "v1": ("City Post", "2015-04-09", "Thieves stole jewels worth millions from the Carver Lane safe deposit vault. "
           "Police said the raid over the Easter weekend was well planned."),
    "v2": ("Evening Wire", "2015-04-09", "Detectives described the raid as sophisticated. Burglars drilled through "
           "a concrete wall in the Tom Briggs burglary, named for the jeweller who kept his stock there."),
}


def test_the_raid_of_a_robbery_story_is_that_robbery_and_its_named_site_what_it_befell(tmp_path):
    index = index_of(VAULT_STORY, tmp_path)
    raids = [raw for a in index.analyses.values() for raw in a.events if raw.text.lower() == "raid"]
    assert raids and all(FAMILIES.get(raw.trigger) == "rob" for raw in raids)
    # "the Tom Briggs burglary": the jeweller was robbed, he robbed nobody
    named = [raw for a in index.analyses.values() for raw in a.events if raw.text == "burglary" and raw.participants]
    assert named and all(role == "patient" for raw in named for role in raw.roles)


SAID_ON_FRIDAY_STORY = {
    "d1": ("Market Wire", "2017-06-17", "Northco Inc said on Friday it would buy Vantel Corp for $13 billion."),
}


def test_the_day_a_deal_was_announced_is_not_read_as_a_day_to_come(tmp_path):
    index = index_of(SAID_ON_FRIDAY_STORY, tmp_path)
    (buy,) = [raw for a in index.analyses.values() for raw in a.events if raw.trigger == "buy"]
    assert buy.date != "2017-06-23"  # "said on Friday": the Friday it was said, not the next


DURING_PROTESTS_STORY = {
    "p1": ("Lake News", "2016-08-15", "The Milltown Police Department made arrests during the protests in "
           "Carver Park. Its ShotWatch system was activated 30 times during the protests."),
}


def test_who_acted_during_a_crowds_protest_did_not_protest(tmp_path):
    index = index_of(DURING_PROTESTS_STORY, tmp_path)
    protests = [raw for a in index.analyses.values() for raw in a.events if FAMILIES.get(raw.trigger) == "protest"]
    assert protests
    assert not any(p in ("Milltown Police Department", "ShotWatch") for raw in protests for p in raw.participants)


ERA_STORY = {
    "w1": ("Art Daily", "2019-11-25", "Thieves stole jewels from the Green Vault in Dresden on Monday. The vault "
           "survived Allied bombing in World War II."),
    "w2": ("Culture Wire", "2019-11-25", "Burglars stole diamonds from the Green Vault in Dresden on Monday. Three "
           "rooms were destroyed by Allied bombing during World War Two."),
}


def test_an_event_told_in_a_war_long_past_is_not_dated_the_day_of_the_reports(tmp_path):
    index = index_of(ERA_STORY, tmp_path)
    bombing = [e for e in index.events if FAMILIES.get(e.trigger) == "attack"]
    theft = [e for e in index.events if FAMILIES.get(e.trigger) == "rob"]
    assert bombing and all(e.date is None for e in bombing)
    assert theft and theft[0].date == "2019-11-25"


NAMED_AIM_STORY = {
    "n1": ("Capitol Wire", "2004-07-28", "Lee Park worked for the Committee to Re-elect the President in 1972. "
           "Park later joined the Campaign to Protect Rural Valleys."),
}


def test_the_aim_in_a_bodys_name_is_no_event_tagged_or_not(tmp_path):
    index = index_of(NAMED_AIM_STORY, tmp_path)
    told = {raw.text.lower() for a in index.analyses.values() for raw in a.events}
    assert not told & {"elect", "re-elect", "protect"}


TITLE_STORY = {
    "t1": ("World Desk", "2024-10-31", "Northland's UN Ambassador Anna Petrova on Wednesday condemned the deployment."),
}


def test_a_body_in_a_persons_title_is_not_a_party_beside_the_person(tmp_path):
    index = index_of(TITLE_STORY, tmp_path)
    parties = {p for a in index.analyses.values() for raw in a.events if raw.trigger == "condemn" for p in raw.participants}
    assert "Anna Petrova" in parties and "UN" not in parties


ARENA_STORY = {
    "m1": ("North Wire", "2017-05-23", "A suicide bomber attacked an Ana Reyes concert at the Carver Arena in Milltown "
           "on Monday. Police raided a house in Elm Road on Tuesday. A controlled explosion was carried out in "
           "Elm Road."),
}


def test_the_name_on_another_occasion_a_police_raid_and_bomb_disposal_are_no_part_of_an_attack(tmp_path):
    index = index_of(ARENA_STORY, tmp_path)
    raws = [raw for a in index.analyses.values() for raw in a.events]
    attacks = [raw for raw in raws if FAMILIES.get(raw.trigger) == "attack"]
    assert attacks and not any("Ana Reyes" in p for raw in attacks for p in raw.participants)  # whose concert
    assert not any(raw.text.lower() == "explosion" for raw in raws)  # "a controlled explosion"
    assert not any(raw.text.lower() == "raided" and FAMILIES.get(raw.trigger) == "attack" for raw in raws)  # the law's


RECORD_STORY = {
    "r1": ("Valley Sun", "2018-11-12", "The Ridge Fire’s death toll has risen to 29 people confirmed dead, making it "
           "the deadliest fire since 1933 and the most destructive fire in the state’s history."),
}


def test_the_record_a_superlative_beats_does_not_date_the_event(tmp_path):
    index = index_of(RECORD_STORY, tmp_path)
    fires = [raw for a in index.analyses.values() for raw in a.events if raw.trigger == "fire"]
    assert fires and all(raw.date != "1933" for raw in fires)


OWNER_STORY = {
    "o1": ("Arms Wire", "2024-10-31", "North Korea's last ICBM, dubbed the Hwasong-18, was tested in December last year."),
}


def test_the_owner_of_a_missile_tested_did_the_test(tmp_path):
    index = index_of(OWNER_STORY, tmp_path)
    (test,) = [raw for a in index.analyses.values() for raw in a.events if raw.trigger == "test"]
    assert dict(zip(test.participants, test.roles)) == {"North Korea": "agent"} and not test.passive
    (event,) = [e for e in index.events if e.trigger == "test"]
    assert event.label == "North Korea tests"  # not "North Korea tested", as if it were the thing tested


FOILED_STORY = {
    "f1": ("Coast Wire", "2009-05-29", "The Northland Navy thwarted a pirate attack on a merchant ship in the Gulf "
           "of Tarsa on Thursday, the navy said. Instead of arresting the pirates, commandos seized their weapons."),
    "f2": ("Harbour Post", "2009-05-29", "The pirate attack on the freighter Mira was repulsed by the Northland Navy "
           "on Thursday. A search and rescue helicopter was sent to the area."),
    "f3": ("Sea Daily", "2009-05-30", "The Northland Navy warded off a piracy attempt on Thursday. Officials said "
           "new patrols would help to thwart attacks."),
    "f4": ("Navy Times", "2009-05-29", "A Northland Navy frigate prevented a possible pirate attack in the Gulf of "
           "Tarsa on Thursday. Escorts help prevent attacks, officials said."),
}


def test_an_attack_beaten_off_is_one_event_told_by_its_beating_off(tmp_path):
    index = index_of(FOILED_STORY, tmp_path)
    (foiled,) = [e for e in index.events if e.trigger == "foil attack"]
    # thwarted, repulsed, warded off: one event in every report, dated the day it was made
    assert set(foiled.articles) == set(FOILED_STORY)
    assert foiled.date == "2009-05-28"
    assert foiled.label.startswith("Northland Navy foils attack")
    words = {raw.text.lower() for aid, a in index.analyses.items() if aid != "f4" for raw in a.events}
    # the attack beaten off is not a second attack; what was done instead, a purpose and a
    # helicopter's name are no events
    assert not words & {"attack", "attacks", "arresting", "rescue"}
    # one attack prevented is beaten off; attacks in general prevented are not an event of the story
    assert "prevented" in {FOILED_STORY[t.article][2][t.start:t.end] for t in foiled.triggers}
    assert not any(raw.text == "prevent" for raw in index.analyses["f4"].events if raw.trigger == "foil attack")


OCCASION_STORY = {
    "g1": ("Screen Daily", "2024-08-02", "Comedian Lena Marsh hosts the Grammy Awards, the academy "
           "said on Friday. Network host Dan Reyes of the Valley Broadcasting Company was not picked."),
    "g2": ("Music Wire", "2024-08-02", "Lena Marsh returns as host of the Grammy Awards."),
    "g3": ("Pop Post", "2024-08-03", "It's official: Lena Marsh is hosting the Grammy Awards."),
}


def test_an_occasion_a_source_says_someone_hosts_is_one_event_by_its_name(tmp_path):
    index = index_of(OCCASION_STORY, tmp_path)
    (ceremony,) = [e for e in index.events if e.label == "Grammy Awards ceremony"]
    # "hosts the ...", "host of the ...", "is hosting the ...": the same ceremony in every report
    assert set(ceremony.articles) == set(OCCASION_STORY)
    texts = {OCCASION_STORY[t.article][2][t.start:t.end] for t in ceremony.triggers}
    assert texts == {"Grammy Awards"}
    # a broadcaster's host hosts no occasion
    assert not any("Valley Broadcasting" in e.label for e in index.events)


BREACH_STORY = {
    "k1": ("Wire A", "2021-03-04", "Norvale Bank announced on Thursday that a cybersecurity incident exposed the data of "
           "two million customers."),
    "k2": ("Wire B", "2021-03-04", "A data breach at Norvale Bank exposed the records of two million customers. Hackers "
           "breached a web server, the bank said."),
    "k3": ("Wire C", "2021-03-05", "The cyber attack on Norvale Bank is one of the largest this year, experts said."),
}


def test_a_cybersecurity_incident_a_data_breach_and_a_cyber_attack_are_one_intrusion(tmp_path):
    index = index_of(BREACH_STORY, tmp_path)
    intrusions = [e for e in index.events if FAMILIES.get(e.trigger) == "hack"]
    assert intrusions and set(intrusions[0].articles) == set(BREACH_STORY), [(e.label, e.articles) for e in index.events]
    assert "Norvale Bank" in intrusions[0].label  # what it befell, as a robbery's bank
    assert not any(FAMILIES.get(e.trigger) == "attack" for e in index.events)  # no armed attack


def test_a_breach_of_contract_is_no_intrusion(tmp_path):
    story = {"b1": ("Wire", "2021-03-04", "Lorne Mills sued Halvard Steel over a breach of contract on Monday, and said "
                    "the firm had breached its supply deal.")}
    index = index_of(story, tmp_path)
    assert not any(FAMILIES.get(e.trigger) == "hack" for e in index.events), [(e.label, e.trigger) for e in index.events]


COLLAPSE_STORY = {
    "s1": ("Wire A", "2019-05-07", "A road bridge collapsed in Tarnby on Tuesday, killing at least 12 people."),
    "s2": ("Wire B", "2019-05-07", "At least 12 people died when the Tarnby bridge collapsed during rush hour on Tuesday."),
    "s3": ("Wire C", "2019-05-08", "The collapse of the bridge in Tarnby killed 14 people, officials said on Wednesday."),
}


def test_a_bridge_collapse_is_one_harm_with_its_toll_and_a_person_collapsing_is_none(tmp_path):
    index = index_of(COLLAPSE_STORY, tmp_path)
    collapse = max(index.events, key=lambda e: len(e.articles))
    assert FAMILIES.get(collapse.trigger) == "collapse" and set(collapse.articles) == set(COLLAPSE_STORY)
    assert not any(FAMILIES.get(e.trigger) == "kill" for e in index.events)  # the deaths are its toll
    assert "Tarnby" in collapse.label and collapse.date == "2019-05-07"
    story = {"p1": ("Wire", "2019-05-07", "Singer Mara Olsen collapsed on stage in Tarnby on Tuesday and died in hospital.")}
    assert not any(FAMILIES.get(e.trigger) == "collapse" for e in index_of(story, tmp_path / "p").events)


FALLEN_BRIDGE_STORY = {
    "f1": ("Wire A", "2019-05-07", "A section of the Tarnby bridge fell onto the rail tracks on Tuesday, killing 12 people."),
    "f2": ("Wire B", "2019-05-07", "Part of the Tarnby bridge gave way on Tuesday. Cars fell into the river as the bridge "
           "collapsed."),
    "f3": ("Wire C", "2019-05-08", "The Tarnby bridge came down in heavy rain on Tuesday. Shares in Halvard Roads fell "
           "5% on Wednesday."),
}


def test_a_bridge_that_fell_gave_way_or_came_down_collapsed_and_a_share_price_fell(tmp_path):
    index = index_of(FALLEN_BRIDGE_STORY, tmp_path)
    collapse = [e for e in index.events if FAMILIES.get(e.trigger) == "collapse"]
    assert len(collapse) == 1 and set(collapse[0].articles) == set(FALLEN_BRIDGE_STORY), [(e.label, e.articles) for e in index.events]
    falls = [e for e in index.events if FAMILIES.get(e.trigger) == "fall"]
    # the cars that fell with the bridge are its collapse; the shares' fall is news of its own
    assert [e.articles for e in falls] == [("f3",)], [(e.label, e.articles) for e in falls]


RESIGNATION_STORY = {
    "r1": ("Wire A", "2021-06-04", "Prime Minister Ellen Varga said on Friday that she will resign on 18 June."),
    "r2": ("Wire B", "2021-06-04", "Ellen Varga announced her resignation as prime minister on Friday."),
    "r3": ("Wire C", "2021-06-05", "Ellen Varga will step down as party leader, she told reporters on Friday."),
}


def test_a_resignation_announced_for_a_later_day_is_one_with_the_reports_of_it(tmp_path):
    index = index_of(RESIGNATION_STORY, tmp_path)
    resign = [e for e in index.events if FAMILIES.get(e.trigger) == "resign"]
    assert len(resign) == 1, [(e.label, e.date, e.articles) for e in resign]
    assert set(resign[0].articles) == set(RESIGNATION_STORY) and "Ellen Varga" in resign[0].label
    assert resign[0].date == "2021-06-04"  # the day it was announced, not the day it takes effect


STORM_STORY = {
    "w1": ("Wire A", "2020-09-16", "Hurricane Lorna made landfall on the island of Bayport on Wednesday."),
    "w2": ("Wire B", "2020-09-17", "Hurricane Lorna grew into a Category 5 hurricane on Monday. Lorna slammed into "
           "the island of Bayport on Wednesday."),
    "w3": ("Wire C", "2020-09-17", "The storm battered the island of Bayport for hours and was the strongest storm "
           "to hit the island since 1932."),
}


def test_a_named_storm_told_on_the_days_it_crossed_is_one_storm_not_dated_by_the_record_it_beat(tmp_path):
    index = index_of(STORM_STORY, tmp_path)
    storms = [e for e in index.events if FAMILIES.get(e.trigger) == "storm"]
    assert storms and set(storms[0].articles) == set(STORM_STORY), [(e.label, e.date, e.articles) for e in storms]
    assert storms[0].date == "2020-09-16"
    assert not any(e.date == "1932" for e in index.events)


def test_where_an_occasion_was_is_where_its_attack_was_and_the_record_it_beat_is_no_part_of_it(tmp_path):
    story = {
        "a1": ("Wire A", "2017-05-23", "A bomb attack at a Mara Olsen concert at Tarnby Arena killed 19 people on Monday. "
               "It was the country's worst attack since the Delmar bombings."),
        "a2": ("Wire B", "2017-05-23", "The attack at Tarnby Arena on Monday was the deadliest in modern Varnland history."),
    }
    index = index_of(story, tmp_path)
    attack = max(index.events, key=lambda e: len(e.articles))
    assert set(attack.articles) == set(story) and "Tarnby Arena" in attack.label, [(e.label, e.articles) for e in index.events]
    assert "Delmar" not in attack.label and "history" not in attack.label.lower()


def test_an_event_word_in_a_list_of_brand_names_is_no_event(tmp_path):
    story = {"b1": ("Wire", "2017-01-17", "The company makes Rothmans, Lucky Strike and Dunhill cigarettes.")}
    assert not any(FAMILIES.get(e.trigger) == "attack" or e.trigger == "strike" for e in index_of(story, tmp_path).events)


def test_a_death_on_the_anniversary_of_anothers_is_not_that_one(tmp_path):
    story = {"d1": ("Wire", "2018-08-16", "Singer Mara Olsen died at home in Tarnby on Thursday. She died on the "
                    "anniversary of Elvis\u2019 death, who was found dead in 1977.")}
    index = index_of(story, tmp_path)
    died = [r for r in index.analyses["d1"].events if r.text == "died"]
    assert died and not any("Elvis" in r.participants for r in died), [(r.text, r.participants) for r in died]
    olsen = next(e for e in index.events if "Mara Olsen" in e.label)
    assert olsen.date == "2018-08-16"


def test_where_an_unnamed_site_was_is_where_its_event_was(tmp_path):
    story = {
        "m1": ("Wire A", "2014-05-13", "An explosion at a coal mine in Turkey killed 200 miners on Tuesday."),
        "m2": ("Wire B", "2014-05-14", "The blast at the mine in Turkey on Tuesday trapped hundreds of workers."),
    }
    index = index_of(story, tmp_path)
    for article in story:
        blasts = [r for r in index.analyses[article].events if r.text in ("explosion", "blast")]
        assert blasts and all("Turkey" in r.places for r in blasts), [(r.text, r.places) for r in blasts]


def test_a_stadium_that_fell_silent_did_not_collapse(tmp_path):
    story = {"q1": ("Wire", "2018-07-15", "The stadium fell silent on Sunday when Croatia scored.")}
    assert not any(FAMILIES.get(e.trigger) == "collapse" for e in index_of(story, tmp_path).events)
