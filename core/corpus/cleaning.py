"""Tell article text from page furniture, line by line, with general rules.

Pages copied from news sites carry more than the article: photo captions (often twice), donation
and newsletter appeals, "Related:" link lists, share buttons, copyright lines, UI strings in the
site's own language. Each classifier here looks at one line and answers a yes/no question; the
article builder (`core.corpus.metadata`) decides what to drop and what to read metadata from.
Rules are deliberately conservative: a real sentence must survive.
"""

from __future__ import annotations

import re

# Lines longer than this are never furniture and are never searched by the header regexes, so a
# 10 MB line costs one length check.
MAX_FURNITURE_CHARS = 600


def normalize_line(line: str) -> str:
    """One line with its whitespace collapsed (NBSP, tabs, zero-width spaces)."""
    return " ".join(line.replace("\u00a0", " ").replace("\u200b", "").split())


def words(line: str) -> list[str]:
    return line.split()


def letters(line: str) -> int:
    return sum(1 for ch in line if ch.isalpha())


# --------------------------------------------------------------------------- stray tokens


def is_stray(line: str) -> bool:
    """Separators ("___", "* * *") and UI debris ("TT", "|"): almost no letters, no sentence."""
    if re.fullmatch(r"[(\[][A-Z][\w .&/-]{0,24}[)\]]", line):
        return True  # a lone credit or marker: "(AP)", "[Xinhua]", "(END)"
    if len(line) > 12:
        return False
    if letters(line) == 0 and not any(ch.isdigit() for ch in line):
        return True
    return not any(ch.isdigit() for ch in line) and 0 < letters(line) <= 3 and not re.search(r"[.!?]", line)


# --------------------------------------------------------------------------- other scripts


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = r"A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_LETTER = re.compile(rf"[{_LATIN}]")
_OTHER_LETTER = re.compile(rf"[^\W\d_{_LATIN}]")


def latin_share(text: str) -> float:
    """Share of letters in Latin script (1.0 when there are no letters)."""
    if not _OTHER_LETTER.search(text):
        return 1.0  # one scan, without listing every letter, for the usual all-Latin text
    total = len(_LETTER.findall(text))
    return len(_LATIN_LETTER.findall(text)) / total if total else 1.0


def is_foreign_ui_line(line: str, article_latin_share: float) -> bool:
    """A short line in another script inside a Latin-script article (e.g. "close" buttons)."""
    if article_latin_share < 0.8 or len(line) > 80 or len(words(line)) > 8:
        return False
    return letters(line) > 0 and latin_share(line) < 0.5


# --------------------------------------------------------------------------- captions

_CAPTION_START = re.compile(
    r"^(?:(?:FILE PHOTO|FILE|PHOTO|Photo|Image|IMAGE|Picture|PICTURE|Pictured|Caption)\s*[:\-–—|]\s*\S|(?:Image|Media|Photo|Video) (?:source|caption|credit)\b|Credit\.\.\.\S)"
)
_PHOTO_CREDIT = re.compile(
    r"\bAP Photo\b|Getty Images|\bvia (?:REUTERS|Reuters|AFP|AP|EPA|Getty)(?:,? File)?\)?\s*$|\b(?:REUTERS|Reuters|AFP|EPA|Xinhua)/\S"
    r"|/(?:REUTERS|Reuters|AFP|EPA|AP)\)?\s*$|\bPhoto(?:graph)?s? (?:by|credit)\b|\(Photo\b|\bPhoto(?:graph)?:\s|^Courtesy of\b"
    r"|\bImage credit\b"
)
# Every credit form above contains one of these words (a new form adds its own): a line without
# any of them skips the slow search.
_PHOTO_CREDIT_WORDS = ("Photo", "Getty Images", "via ", "/", "Courtesy of", "Image credit")
# "in this picture released by ..." is a caption only when a credit closes the line
_PICTURE_CUE = re.compile(r"\bin this (?:handout )?(?:picture|photo|image)\b")
_POSITION_CUE = re.compile(r"\((?:left|right|center|centre|L|R|C|second from (?:left|right))\)|, (?:left|right|center|centre),|\bfrom left\b")
# A credit after the caption sentence: "... on May 3, 2021. Xinhua" / "... in Washington. (AP)"
_TAIL_CREDIT = re.compile(r"(?<=[.!?)\"”])\s+(\(?[A-Z][A-Za-z&./-]*(?:\s+[A-Z][A-Za-z&./-]*){0,3}\)?)$")
_PAREN_CREDIT = re.compile(r"[(\[]([A-Z][A-Za-z]{1,10}(?: Photo[^()\[\]]{0,40})?)[)\]]$")
_DATE_CUE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d\b"
)
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Adm|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|No)\.\s+\S+$")


def tail_credit(line: str) -> str | None:
    """The credit at the end of a caption-shaped line ("Xinhua", "(AP)"), else None."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    m = _PAREN_CREDIT.search(line)
    if m:
        return m.group(1)
    m = _TAIL_CREDIT.search(line)
    if m and not _ABBREV_END.search(line) and not m.group(1).endswith("."):
        return m.group(1).strip("()")
    return None


def is_strong_caption(line: str) -> bool:
    """A photo caption wherever it stands: "FILE PHOTO: ...", "... (AP Photo/...)", "X, left, ... (AP)"."""
    if len(line) > MAX_FURNITURE_CHARS or len(words(line)) > 80:
        return False
    if _CAPTION_START.match(line) or (any(w in line for w in _PHOTO_CREDIT_WORDS) and _PHOTO_CREDIT.search(line)):
        return True
    if _PICTURE_CUE.search(line) and (tail_credit(line) or caption_wire_credit(line)):
        return True
    return bool(_POSITION_CUE.search(line) and tail_credit(line))


def is_header_caption(line: str) -> bool:
    """In the header only: a sentence with a date or position cue, then a bare credit."""
    if is_strong_caption(line):
        return True
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    credit = tail_credit(line)
    return bool(credit and (_DATE_CUE.search(line) or _POSITION_CUE.search(line)))


def caption_wire_credit(line: str) -> str | None:
    """The news agency a caption credits in wire form: "(AP)", "(Reuters)", "KCNA via REUTERS"."""
    m = re.search(r"\bvia ([A-Z][A-Za-z]+)\s*$", line)
    if m:
        return m.group(1)
    m = re.search(r"\(([A-Z][A-Za-z]{1,10})(?: Photo[^()]*)?\)\s*$", line)
    if m:
        return m.group(1)
    m = re.search(r"\b([A-Z]{2,8}|Reuters)/[^/()]{1,40}$", line)
    return m.group(1) if m else None


# --------------------------------------------------------------------------- furniture

_FURNITURE_PATTERNS = (
    r"^related(?: (?:articles?|stories|news|coverage|content|posts|links|topics|reading))?\s*:?\s*$",
    r"^(?:read|see) (?:more|also|next|the full (?:story|article))(?:\s*[:»>|–—-].{0,200}|[\s.!»>…]*)$",
    r"^(?:also read|more from|more on this|more stories|recommended(?: for you)?|trending(?: now)?|most read|most popular|popular)(?:\s*:.{0,160}|(?:\s+[^\s.]+){0,3})$",
    r"^comments? (?:are|is) (?:closed|disabled)\.?$",
    r"^(?:leave|post|add|write|view|show) (?:a |\d+ )?(?:comments?|reply|replies)\b.{0,40}$",
    r"^\d+\s+comments?$",
    r"^comments?\s*(?:\(\d+\))?$",
    r"^(?:advertisement|sponsored(?: content)?|scroll to continue.*|skip (?:to )?(?:content|ad).*)$",
    r"^(?:click|tap) here\b.{0,120}$",
    r"^follow us on\b.{0,120}$",
    r"^(?:download|get) (?:our|the) (?:free )?app\b.{0,80}$",
    r"^become an? (?:patron|member|subscriber|supporter|donor)\b.{0,80}$",
    r"^(?:subscribe|sign up|donate|support us|join us)(?: now| today| here)?\b.{0,80}$",
    r"^(?:this (?:article|story|report) (?:was|has been) (?:updated|corrected)).{0,160}$",
    r"^(?:reporting|writing|additional reporting|editing|compiled|translated) by\b.{0,200}$",
    r"^(?:tags?|topics?|categories|filed under)\s*:.{0,200}$",
    r"^(?:image|photo) (?:enlarge|zoom|gallery|expand)\b.{0,40}$",
    r"^\d+\s*(?:min|minute)s?\s+read$",
    r"^listen to (?:this )?(?:article|story)\b.{0,40}$",
    r"^story continues (?:below|after)\b.{0,40}$",
    r"^our standards\s*:.{0,120}$",
    r"^the post .{1,200} appeared first on .{1,80}$",
    r"^(?:view|see|read) (?:all|more) (?:posts|articles|stories|entries) (?:by|from)\b.{0,80}$",  # author boxes
    r"^(?:wordpress )?(?:theme|template)\s*(?::|by)\s*(?:\S+\s?){1,4}$",  # "Theme: Newsup by Themeansar."
    r"^(?:proudly )?powered by (?:\S+\s?){1,4}$",
    r"^[\w&'’ -]{1,30}(?:\s*[>»›]\s*[\w&'’ -]{1,30}){1,6}$",  # breadcrumbs: Home > World > Asia
    r"^(?:supported by|share full article|read in app|learn more|continue reading|show more|load more)$",
    r"^(?:suggested|related|more|trending|popular) (?:topics|reading|stories|articles|videos|links)\s*:?$",
    r"^(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|telegram|e-?mail)\s*:\s*\S+$",
    r"^(?:write to|contact|e-?mail)\b.{0,80}@\S+$",
    r"^\S+@\S+\.\w+$",
    r"^(?:https?://|www\.)\S+$",
    r"^(?:close|open|menu|home|back to top|top|next|previous|prev|enlarge|zoom in|zoom out|print|listen|font size)\.?$",
)
# One alternation, matched once per line, instead of a match per pattern.
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _FURNITURE_PATTERNS), re.I)

_SHARE_WORDS = {
    "share", "shares", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x", "linkedin", "whatsapp",
    "reddit", "pinterest", "telegram", "copy", "link", "this", "article", "story", "on", "via", "save",
    "kakaotalk", "line", "messenger", "mail", "|", "·", "•", "/", "-", "—",
}


_SHARE_CUES = frozenset(("share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "email", "e-mail"))


def is_share_line(line: str) -> bool:
    """Only share-button words ("Share | Tweet | Email"), at most 12, one of them a share cue."""
    count, cue = 0, False
    for word in words(line):
        token = word.strip(":,.!").lower()
        if not token:
            continue
        if token not in _SHARE_WORDS:
            return False  # the first word of running text settles it
        count += 1
        cue = cue or token in _SHARE_CUES
    return 0 < count <= 12 and cue


def is_furniture(line: str) -> bool:
    """Navigation, share, comment and sign-up lines that are never article text."""
    if len(line) > 260:
        return False
    return is_share_line(line) or _FURNITURE.match(line) is not None


# Appeals for money, subscriptions or newsletters: signals that, together with a first or second
# person pronoun, mark a paragraph addressed to the reader rather than a report.
_APPEAL_SIGNALS = [
    re.compile(p, re.I)
    for p in (
        r"\bdonat(?:e|ion|ing)", r"\bpatrons?\b|\bpatreon\b", r"\bsubscri(?:be|ption|bers?)\b", r"\bnewsletters?\b",
        r"\bsupport (?:our|us|independent|quality|this)\b", r"\bsupport of (?:our )?readers\b", r"\b(?:readers|people) like you\b",
        r"\bjoin our\b", r"\bhelp us\b", r"\bcup of coffee\b", r"\bbecome an? (?:member|patron|supporter|subscriber)\b",
        r"\b(?:our|independent|quality) (?:journalism|reporting)\b", r"\bsign up\b", r"\bclose this page\b", r"\bpaywall\b",
        r"\bfree (?:information|journalism|press)\b", r"\bkeep (?:our|this) (?:reporting|journalism|site|work)\b",
        r"\byou can help\b", r"\bjoin us\b", r"\bcontribut(?:e|ion) (?:today|now|monthly)\b", r"\bunlimited access\b",
    )
]
_ANY_APPEAL_SIGNAL = re.compile("|".join(p.pattern for p in _APPEAL_SIGNALS), re.I)
_READER_PRONOUN = re.compile(r"\b(?:you|your|our|us|we)\b", re.I)


def appeal_signals(line: str) -> int:
    # most lines have no signal at all: one search says so, instead of one per signal
    if len(line) > 2000 or not _READER_PRONOUN.search(line) or not _ANY_APPEAL_SIGNAL.search(line):
        return 0
    return sum(1 for p in _APPEAL_SIGNALS if p.search(line))


_STRONG_APPEAL = re.compile(r"(?i)\b(?:donat(?:e|ion)|patrons?|patreon|subscribe|newsletter|sign up|become an? (?:member|patron|supporter|subscriber))\b")


_ATTRIBUTED = re.compile(r"\b(?:said|says|told|tells|according to|added|urged|wrote)\b|^[\"“‘]")


def is_appeal(line: str, in_tail: bool = False) -> bool:
    """A donation/subscription/newsletter appeal; in the tail (after an end marker) one signal is enough."""
    n = appeal_signals(line)
    if _ATTRIBUTED.search(line):
        return n >= 3  # a quoted plea ("Support us and help us," he said) is news, not an appeal
    if n >= 2 or (n >= 1 and in_tail):
        return True
    quoted = line[:1] in "\"“‘'"
    return n == 1 and not quoted and len(words(line)) <= 15 and bool(_STRONG_APPEAL.search(line))


# --------------------------------------------------------------------------- copyright and credits

_COPYRIGHT = re.compile(r"^(?:copyright\b|©|ⓒ|\(c\)\s)|\ball rights reserved\b", re.I)


def is_copyright(line: str) -> bool:
    return len(line) <= 400 and bool(_COPYRIGHT.search(line))


def copyright_holder(line: str) -> str | None:
    """"Copyright ⓒ X All rights reserved." / "© 2024 X. All rights reserved." -> X."""
    text = re.split(r"(?i)\ball rights reserved\b", line)[0]
    text = re.sub(r"(?i)\bcopyright\b|©|ⓒ|\(c\)", " ", text)
    text = re.sub(r"\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d\b)?", " ", text)
    text = text.split(". ")[0]
    text = " ".join(text.replace(",", " ").split()).strip(" .,:;-|")
    if not text or len(text) > 60 or not text[0].isalpha():
        return None
    return text


_CONTRIBUTOR = re.compile(
    r"^(?P<org>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)\s+(?:staff\s+)?"
    r"(?:reporters?|writers?|correspondents?|journalists?|photographers?|staff(?:ers)?|video journalists?)\s+.{1,160}?\s+contributed\b"
)
_CONTRIBUTED = re.compile(
    r"\bcontributed (?:to|for) (?:this|the) (?:report|story|article|reporting)\b|\bcontributed reporting\b"
    r"|^(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){1,10}(?:in [A-Z][\w ,.'’-]{1,40}\s+)?contributed(?:\s+from\s+[A-Z][\w ,.'’-]{1,60})?\.?$"
)


def contributor_outlet(line: str) -> str | None:
    """"Associated Press reporter X contributed from Y." -> "Associated Press"."""
    if len(line) > 400 or "contributed" not in line:
        return None
    m = _CONTRIBUTOR.match(line)
    return m.group("org") if m else None


def is_contributor_footer(line: str) -> bool:
    """"Jane Roe in Geneva contributed to this report." and the like; not "Donors contributed to ..."."""
    if len(line) > 400 or line.startswith(("\"", "“")) or "contributed" not in line:
        return False  # every footer form says "contributed"
    return contributor_outlet(line) is not None or (len(words(line)) <= 40 and bool(_CONTRIBUTED.search(line)))
