"""Entities: name variants across articles resolved to one entity."""
