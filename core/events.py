"""Events: what happened, who took part, where and when, and the same event across articles.

The public face of three small modules:
- `event_extraction.extract_events(doc, article, mentions)`: event mentions in one parsed article;
- `event_linking.link_events(articles, analyses, entities)`: the same event across articles;
- `event_lexicon`: trigger families, the verbs that are never events, headline labels.
Linking runs the story-level passes of `event_story` (one kind of event across the story) and
`event_main` (the events the articles open with, whatever verb each uses, as the main event).
"""

from __future__ import annotations

from .event_extraction import extract_events
from .event_lexicon import EVENT_NOUNS, FAMILIES, make_label
from .event_linking import dates_compatible, link_events

__all__ = ["EVENT_NOUNS", "FAMILIES", "dates_compatible", "extract_events", "link_events", "make_label"]
