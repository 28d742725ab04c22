"""The only door to spaCy, and the per-article extraction that runs in its workers.

`pipeline` loads the model and parses; `analysis` turns one parsed article into an `ArticleAnalysis`
(mentions, events, claims) with the lexicons and helpers beside it. Nothing here links articles.
"""
