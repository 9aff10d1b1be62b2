"""Watch: poll RSS/Atom feeds, fetch each new item's page politely, analyse and store it
once, and fire alerts on what it reports (``marsad watch``; docs/watch.md)."""
