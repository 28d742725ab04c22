"""Copies of news pages in the shapes other outlets use (hand-made, not from the seeds)."""

from __future__ import annotations

from newsx.core.corpus.loading import load_corpus

STRIPES = """US, South Korea Hold Drills Near Border

By Jane Roe
Stars and Stripes • October 31, 2024

Facebook Twitter Email

U.S. and South Korean troops fired artillery near the border on Thursday during the annual drills, the Army said in a statement.

“The drills show our readiness,” Col. Sam Poe told reporters at the range.

roe.jane@stripes.com
Twitter: @janeroe
"""

WIRE = """N. Korea fires ballistic missile into East Sea: JCS

SEOUL, Oct. 31 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Thursday, the Joint Chiefs of Staff said.

The missile was fired from the Pyongyang area at around 7:10 a.m., the JCS said, without giving further details.

kdh@yna.co.kr
(END)
"""

REUTERS = """North Korea tests new ICBM ahead of US election

By Hyonhee Shin and Josh Smith

October 31, 20245:14 AM GMT+9Updated 2 hours ago

SEOUL, Oct 31 (Reuters) - North Korea test-fired a new intercontinental ballistic missile on Thursday, Japan and South Korea said.
The launch came hours after the defence chiefs of South Korea and the United States met in Washington.
Reporting by Hyonhee Shin and Josh Smith; Editing by Jane Roe
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Suggested Topics:
Asia Pacific
"""


def _load(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    (article,) = load_corpus([f]).articles
    return article


def test_outlet_and_date_from_a_stamp_line(tmp_path):
    a = _load(tmp_path, "stripes.txt", STRIPES)
    assert (a.title, a.byline, a.outlet, a.published) == ("US, South Korea Hold Drills Near Border", "Jane Roe", "Stars and Stripes", "2024-10-31")
    assert a.text.startswith("U.S. and South Korean troops") and a.text.endswith("at the range.")


def test_wire_dateline_without_year_gives_no_date(tmp_path):
    a = _load(tmp_path, "wire.txt", WIRE)
    assert (a.outlet, a.dateline, a.published) == ("Yonhap", "SEOUL", None)
    assert "(END)" not in a.text and "@" not in a.text


def test_reuters_page_footer_and_glued_timestamp(tmp_path):
    a = _load(tmp_path, "reuters.txt", REUTERS)
    assert (a.outlet, a.dateline, a.published, a.byline) == ("Reuters", "SEOUL", "2024-10-31", "Hyonhee Shin and Josh Smith")
    assert a.text.startswith("SEOUL, Oct 31 (Reuters) - North Korea")
    for junk in ("Reporting by", "Our Standards", "Suggested Topics", "Asia Pacific", "Updated 2 hours ago"):
        assert junk not in a.text
