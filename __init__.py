"""newsx: read one news story across many sources, in the terminal."""

__version__ = "0.1.0"
