"""The data records every layer shares: plain, immutable, JSON-serialisable dataclasses.

`articles`: articles and load problems; `analyses`: what the NLP pass makes of them (per-article
analyses the cache stores, and the corpus-level entities, events, claim groups and stories).
"""
