"""Bundled themes (TOML)."""
