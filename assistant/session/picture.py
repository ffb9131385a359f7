"""The whole picture: the topic mat after its group of questions, the client's top three,
and how the client's view was obtained in the meeting. The views are built in mat.py and
important.py; these are the actions of an `ActiveSession` that change them."""

from __future__ import annotations

from assistant.session import important
from assistant.session import mat as topic_mat
from assistant.session.core import SessionCore
from assistant.session.errors import Problem, SessionError
from assistant.session.view import Answering
from assistant.store.model import ViewWay


class PictureActions(SessionCore):
    """The topic mat, the top three and the ways of hearing the client."""

    @property
    def mat_due(self) -> str | None:
        """A topic mat to show now (its id), or None; not during a read-back or a change."""
        if self._readback is not None or self._returning is not None:
            return None
        return topic_mat.due(self._dialogue, self._conversation, self._stored.session)

    def mat(self, mat_id: str) -> topic_mat.MatView:
        try:
            return topic_mat.mat_view(
                self._dialogue, self._conversation, self._stored.session, mat_id, self.language
            )
        except KeyError:
            raise SessionError(Problem.NOT_NOW, f"no mat '{mat_id}'") from None

    def mat_place(
        self, step_id: str, value: str | None, answering: Answering | None = None
    ) -> None:
        """Put a card under a face ('like', 'unsure', 'dislike'); None sets it aside."""
        found = self._dialogue.find(step_id)
        if found is None or found[1].mat is None:
            raise SessionError(Problem.NOT_NOW, f"'{step_id}' is not on a mat")
        step = found[1]
        provenance = self._provenance(answering or Answering())
        try:
            new = topic_mat.mat_answer(step, self._conversation.answer_to(step_id), value)
        except ValueError as exc:
            raise SessionError(Problem.ANSWER_UNFIT, f"{step_id}: {exc}") from exc
        with self._saving():
            # only the value of a scale question changes: the step is not shown again
            self._conversation.state.answers[step_id] = new
            self._stored.record(step_id, new, provenance, state=self._conversation.state)

    def mat_set_aside(self, step_id: str, answering: Answering | None = None) -> None:
        """ "I don't want to talk about this" for one card of the mat."""
        self.mat_place(step_id, None, answering)

    def mat_confirm(self, mat_id: str) -> None:
        """The client says the whole mat is right."""
        self.mat(mat_id)  # an unknown mat is refused
        with self._saving():
            self._stored.confirm_mat(mat_id)

    def important_choices(self) -> important.ImportantView:
        return important.important_view(
            self._dialogue, self._conversation, self._stored.session, self.language
        )

    def pick_important(self, keys: list[str]) -> None:
        """The client's top three (option keys of `important_choices`, in their order)."""
        try:
            picks = important.picks_for(self.important_choices(), keys)
        except ValueError as exc:
            raise SessionError(Problem.NOT_NOW, str(exc)) from exc
        with self._saving():
            self._stored.set_important(picks)

    def view_way_choices(self) -> tuple[important.ViewWayChoice, ...]:
        return important.view_way_choices(self._stored.session, self.language)

    def set_view_ways(self, ways: list[str]) -> None:
        """How the client's view was obtained in this meeting (speech, pictures, ...)."""
        try:
            chosen = [ViewWay(w) for w in ways]
        except ValueError as exc:
            raise SessionError(Problem.NOT_NOW, str(exc)) from exc
        if not self._stored.session.meetings:
            raise SessionError(Problem.NOT_NOW, "no meeting yet: say who is here first")
        with self._saving():
            self._stored.set_ways(chosen)
