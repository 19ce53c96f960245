"""One router per resource: stories (and the home page), articles, search, upload, docs."""
