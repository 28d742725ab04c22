"""The headline as a sentence the parser can read.

The headline is where most sources name the story's event ("Saints place Pierre Thomas on injured
reserve"), often in words the body does not repeat, so its events count as the article's own. The
small English models read a Title Case headline as a string of proper nouns ("Pierre Thomas Placed
on Injured Reserve": no verb), so such a headline is put in sentence case first: a capital is kept
only where the article's body writes the word as a name (with a capital inside a sentence, or never
in lower case), or the word is an acronym. Letters change case one for one, so offsets into the
parsed text are offsets into the title.
"""

from __future__ import annotations

import re

from newsx.core.corpus.metadata import is_title_case
from newsx.core.model.articles import Article

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A capitalised word inside a sentence: after a lower-case word, a comma or a name ("said Smith").
_NAME_IN_BODY = re.compile(r"(?<=[\w,;] )([A-Z][\w'’-]*)")


def headline_text(article: Article) -> str:
    """The article's headline, ready to parse; "" when it has none of its own (one made from the
    lede says nothing the lede does not)."""
    title = article.title
    if article.title_guessed or not title.strip() or title.lower() in article.text[: len(title) * 2].lower():
        return ""
    return sentence_case(title, article.text) if is_title_case(title) else title


def sentence_case(title: str, body: str) -> str:
    """`title` with the capitals the body does not write as names put in lower case; the first
    word keeps its capital, as a sentence's does. The result is as long as `title`."""
    words = set(_WORD.findall(body))
    # a name: capitalised inside a sentence, or capitalised and never written in lower case
    names = set(_NAME_IN_BODY.findall(body)) | {w for w in words if w[0].isupper() and w.lower() not in words}
    letters = list(title)
    for n, word in enumerate(_WORD.finditer(title)):
        text = word.group()
        if n == 0 or not text[0].isupper() or text in names or _is_acronym(text):
            continue
        lowered = text[0].lower()
        if len(lowered) == 1:
            letters[word.start()] = lowered
    return "".join(letters)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
