"""The whoosh full-text index: schema, analyzers, ingest and search.

Every whoosh import lives under this package, so the whoosh distribution can change
in one place.  whoosh pickles stored fields: never open an index from an untrusted
source.  The index stores only record ids; the records themselves live in the
plain store (:mod:`indexer.store`) and the index can always be rebuilt from it.
"""

# Orders of search hits: by score (ties by id), or by year first.  Here, not in search.py, so
# that cli.py builds its parser without importing whoosh.
SORTS = ("relevance", "newest", "oldest")
