"""The web pages and JSON API over a store (``marsad serve``). See docs/store.md."""
