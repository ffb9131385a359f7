"""What leaves the conversation: the client's consent to share the plan, and the plan as a
file, kept in the data folder (erased with the session) or saved where the user chose."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.plan.consent import CONSENT_KEY, make_consent
from assistant.plan.errors import ExportError
from assistant.plan.export import PlanFile, make_file
from assistant.plan.source import source_from_session
from assistant.session.core import SessionCore
from assistant.session.errors import Problem, SessionError
from assistant.store.durable import atomic_write_plain
from assistant.store.errors import StoreError
from assistant.store.files import make_private_dirs
from assistant.store.model import Role


@dataclass(frozen=True)
class Exported:
    """A file made from the session and kept in the data folder."""

    path: Path
    file: PlanFile


class OutputActions(SessionCore):
    """Consent and files of an `ActiveSession`."""

    def consent(self, audience: list[str], caseworker: str | None = None) -> None:
        """Who the client lets see the plan ('caseworker', 'supporter'; none: nobody yet),
        recorded with the date and printed in the draft. The names are the session's
        caseworker and supporter unless `caseworker` names one."""
        named = {p.role: p.name for p in reversed(self.people())}
        caseworker = caseworker or named.get(Role.CASEWORKER)
        record = make_consent(audience, caseworker, named.get(Role.SUPPORTER))
        with self._saving():
            self._stored.set_extra(CONSENT_KEY, record.model_dump(mode="json"))

    @property
    def consented(self) -> bool:
        return CONSENT_KEY in self._stored.session.extra

    def make_file(
        self, fmt: str, lang: str | None = None, mine: bool = False, kind: str | None = None
    ) -> PlanFile:
        """The plan as a file (`mine`: the client's own easy-read copy; `kind`: draft, mine
        or profile, see `assistant.plan.formats`), not yet written."""
        source = source_from_session(self._stored.session)
        try:
            return make_file(source, self._dialogue, fmt, lang or self.language, mine, kind=kind)
        except (ExportError, ValueError) as exc:
            raise SessionError(Problem.EXPORT_FAILED, str(exc)) from exc

    def export(
        self, fmt: str, lang: str | None = None, mine: bool = False, kind: str | None = None
    ) -> Exported:
        """Make a file of the plan and keep it in the data folder (erased with the session)."""
        made = self.make_file(fmt, lang, mine, kind)
        try:
            path = self._store.keep_file(self.id, made.name, made.data)
        except (StoreError, OSError) as exc:
            raise SessionError(Problem.EXPORT_FAILED, str(exc)) from exc
        return Exported(path, made)

    def save_copy(
        self,
        fmt: str,
        folder: Path,
        lang: str | None = None,
        mine: bool = False,
        kind: str | None = None,
    ) -> Path:
        """Write the plan where the user chose, to share it: NOT encrypted (the client agreed
        to share it; the front-end says so). Folders made here are private (0700)."""
        made = self.make_file(fmt, lang, mine, kind)
        target = folder.expanduser() / made.name
        try:
            make_private_dirs(target.parent)
            atomic_write_plain(target, made.data)
        except OSError as exc:
            raise SessionError(Problem.EXPORT_FAILED, f"cannot write {target}: {exc}") from exc
        return target
