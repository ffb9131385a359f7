"""The client's choice of who will see the plan, recorded with the date in the session.

It is kept as a small JSON record inside the session (`Session.extra["plan_consent"]`),
so it travels with the session on export and import and is erased with it.
"""

from __future__ import annotations

from datetime import date

from assistant.plan.model import Audience, Consent

CONSENT_KEY = "plan_consent"


class ConsentError(ValueError):
    """A consent record that cannot be read."""


def make_consent(
    audience: list[str],
    caseworker_name: str | None = None,
    supporter_name: str | None = None,
    on: date | None = None,
) -> Consent:
    """Consent from the client's choice: any of 'caseworker', 'supporter'; none = nobody yet."""
    wanted = [Audience(a) for a in audience if a != "nobody"]
    return Consent(
        audience=list(dict.fromkeys(wanted)),
        caseworker_name=caseworker_name,
        supporter_name=supporter_name,
        decided_on=on or date.today(),
    )
