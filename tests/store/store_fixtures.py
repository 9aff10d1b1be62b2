"""Synthetic marsad/1 records with every part filled in, for the store tests."""
from __future__ import annotations

# «Lavrov said: Moscow supports Pyongyang», an article where «روسيا» only appears as «لروسيا».
SYNTH_TEXT = "قال لافروف: إن موسكو تدعم بيونغ يانغ. وجاءت الزيارة لروسيا بعد أسابيع."


def synthetic_record(article_id: str = "synth-1", text: str = SYNTH_TEXT, **extra) -> dict:
    """A marsad/1 record with one entity of each kind used, a quote, an event, a date."""
    lavrov = SYNTH_TEXT.index("لافروف")  # offsets into SYNTH_TEXT (or a text that starts with it)
    moscow = SYNTH_TEXT.index("موسكو")
    content = SYNTH_TEXT.index("موسكو تدعم بيونغ يانغ")
    record = {
        "schema": "marsad/1", "id": article_id, "url": "https://example.org/a?x=1&y=<2>",
        "outlet": "synthetic", "title": "لافروف: موسكو تدعم بيونغ يانغ", "published": "2023-09-14",
        "author": None, "text": text,
        "entities": [
            {"id": "e1", "label": "PER", "name": "لافروف", "name_en": "Sergei Lavrov", "country": "RUS",
             "sector": "GOV", "role": "foreign minister",
             "mentions": [{"start": lavrov, "end": lavrov + 6, "text": "لافروف"}]},
            {"id": "e2", "label": "LOC", "name": "موسكو", "name_en": "Moscow", "country": "RUS",
             "sector": "GOV", "role": None,
             "mentions": [{"start": moscow, "end": moscow + 5, "text": "موسكو"}]},
        ],
        "quotes": [{"kind": "direct",
                    "speaker": {"entity": "e1", "text": "لافروف", "start": lavrov, "end": lavrov + 6},
                    "cue": {"text": "قال", "start": 0, "end": 3},
                    "content": {"text": "موسكو تدعم بيونغ يانغ", "start": content, "end": content + 21}}],
        "events": [{"type": "SUPPORT", "mode": None,
                    "source": {"entity": "e2", "country": "RUS", "sector": "GOV"},
                    "target": {"entity": None, "country": "PRK", "sector": "GOV"},
                    "place": {"name": "موسكو", "country": "RUS", "lat": 55.75, "lon": 37.62},
                    "date": "2023-09-14",
                    "evidence": {"text": "موسكو تدعم بيونغ يانغ", "start": content, "end": content + 21},
                    "future_field": {"kept": True}}],
        "dates": [{"text": "أسابيع", "start": len(SYNTH_TEXT) - 7, "end": len(SYNTH_TEXT) - 1, "value": None,
                   "precision": "week", "relative": True}],
        "places": [{"name": "موسكو", "name_en": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62,
                    "kind": "city", "start": moscow, "end": moscow + 5}],
        "errors": [], "meta": {"source_field": "x"},
    }
    record.update(extra)
    return record


# What turns a store of this version into what marsad wrote with schema version 2: no
# per-actor counts of mentions, quotes and events (the index folding is set by the test).
AS_VERSION_2 = (
    "DROP INDEX actors_mentions", "DROP INDEX actors_quotes", "DROP INDEX actors_events",
    "ALTER TABLE actors DROP COLUMN mentions", "ALTER TABLE actors DROP COLUMN quotes",
    "ALTER TABLE actors DROP COLUMN events",
    "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
)
