"""The engine: loading, NLP, entities, events, claims, index and cache. No Textual here."""
