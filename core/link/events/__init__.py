"""Events: the same event across articles, the story's main event, labels."""
