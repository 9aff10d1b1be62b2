"""Types shared by the engines (here, not in the package ``__init__``, which imports the
engines: so they import no module that imports them)."""
from __future__ import annotations

from typing import Any, Callable, Optional

from marsad.model import Record

# A picklable function of a record, applied where the record is made (see marsad.engines.analyse).
Encode = Optional[Callable[[Record], Any]]
