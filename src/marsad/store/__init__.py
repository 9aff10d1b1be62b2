"""The store: one SQLite file holding marsad/1 records, their parts as tables, and a
full-text index over a normalised copy of the text. See docs/store.md."""
from marsad.store.db import DEFAULT_DB, StoreError, open_store
from marsad.store.ingest import IngestStats, ingest_articles, ingest_records

__all__ = ["DEFAULT_DB", "IngestStats", "StoreError", "ingest_articles", "ingest_records",
           "open_store"]
