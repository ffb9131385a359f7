"""The one pattern every id Haave reads from a file must fit.

Session ids, dialogue ids, step ids, theme ids, choice ids and participant ids become file
and folder names, URL parts and FHIR linkIds, so they are checked against this single
pattern at every boundary (loading a dialogue, reading or importing a session, a folder name
in the data folder). Anything else is refused. Small letters a-z, digits, '-' and '_', at
most 64 characters, starting with a letter or a digit: never '.', '/', a space or an
absolute path. The dialogue model's `Id` type uses the same pattern (a test keeps them one).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

#: The pattern, as JSON Schema and pydantic write it (`$` is the end of the text there).
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
ID_MAX_LENGTH = 64
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")

#: A pydantic string type that only holds a valid id.
SafeId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH)]


def is_id(value: object) -> bool:
    """True for a string that fits the id pattern (a whole match: no trailing newline)."""
    return (
        isinstance(value, str)
        and len(value) <= ID_MAX_LENGTH
        and _ID.fullmatch(value) is not None
    )


def explain(what: str, value: object) -> str:
    """Plain words for an id that does not fit, e.g. for an import that is refused."""
    shown = repr(value)[:40]
    return (
        f"the {what} {shown} is not a valid id: ids use small letters a-z, digits, '-' and "
        f"'_' only, at most {ID_MAX_LENGTH} characters"
    )
