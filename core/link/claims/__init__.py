"""Claim groups: the same counted thing across articles, compared, and the dates claims refer to."""
