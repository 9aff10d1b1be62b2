"""Downloads of a list page: ``?format=csv`` or ``?format=json`` gives the rows the page
shows, with the page's columns. CSV starts with a byte-order mark (Excel then reads the
Arabic as UTF-8) and neutralises cells that a spreadsheet would run as formulas, as the
exports of :mod:`marsad.store.export` do."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Optional

from fastapi.responses import Response

from marsad.store.export import csv_cell

FORMAT = "^(html|csv|json)$"


def download(fmt: str, name: str, rows: Iterable[dict], columns: Optional[list[str]] = None,
             meta: Optional[dict] = None) -> Response:
    """``rows`` (dicts) as a CSV or JSON attachment named ``marsad-<name>.<fmt>``. JSON is
    ``{**meta, "items": rows}`` (``meta``: total, limit, offset of a paged list...)."""
    rows = list(rows)
    if columns is None:
        columns = list(rows[0]) if rows else []
    headers = {"Content-Disposition": f'attachment; filename="marsad-{name}.{fmt}"'}
    if fmt == "json":
        body = {**(meta or {}), "items": [{c: r.get(c) for c in columns} for r in rows]}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/json",
                        headers=headers)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in columns])
    return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers=headers)


def page_meta(page) -> dict:
    """The paging numbers of a :class:`marsad.store.queries.Page`."""
    return {"total": page.total, "limit": page.limit, "offset": page.offset}
