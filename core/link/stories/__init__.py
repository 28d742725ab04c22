"""Stories: near-duplicates, articles clustered into stories, and linking within each story."""
