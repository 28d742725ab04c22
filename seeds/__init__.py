"""Bundled seed corpus: five real articles, as they were given."""
