"""What survives a run: the analysis cache and its code fingerprint."""
