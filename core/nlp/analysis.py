"""One spaCy Doc in, one plain `ArticleAnalysis` out: the per-article step of the pipeline.

This module receives Docs but never imports spaCy; `core.nlp` owns the model.
"""

from __future__ import annotations

from dataclasses import replace

from newsx.core.corpus.dates import warm_up as warm_dateparser
from newsx.core.model.analyses import HEADLINE_SENTENCE, ArticleAnalysis, RawEvent
from newsx.core.model.articles import Article
from newsx.core.nlp.claim_extraction import extract_claims
from newsx.core.nlp.event_extraction import extract_events
from newsx.core.nlp.mentions import extract_mentions


def prepare_for_workers() -> None:
    """What every worker would otherwise repeat on its first articles, done once before they are
    forked (importing this module, with the claims, entities and events code, is part of it)."""
    warm_dateparser()


def analyse_doc(doc, article: Article, headline=None) -> ArticleAnalysis:
    """The article's analysis; `headline` is its parsed headline (`core.nlp.headlines`), if any."""
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    mentions = tuple(extract_mentions(doc, article.text))
    claims = tuple(extract_claims(doc, article, mentions))
    events = tuple(extract_events(doc, article, mentions))
    if headline is not None and len(headline):
        events = headline_events(headline, article) + events
    return ArticleAnalysis(sentences=sentences, mentions=mentions, claims=claims, events=events)


def headline_events(headline, article: Article) -> tuple[RawEvent, ...]:
    """The events the headline names. Its names are matched to the body's entities by name (their
    offsets are the title's), and its numbers are not claims: the body gives them in full."""
    found = extract_events(headline, article, tuple(extract_mentions(headline, headline.text)))
    return tuple(replace(e, sentence=HEADLINE_SENTENCE, participant_starts=(), place_starts=()) for e in found)
