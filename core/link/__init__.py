"""Across articles: the same entity, event, counted thing and story in many sources (plain data in, plain data out)."""
