"""Reading articles: files, feeds and pages to clean `Article`s (readers, cleaning, splitting, metadata, dates)."""
