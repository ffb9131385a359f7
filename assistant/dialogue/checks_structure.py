"""The structure of a dialogue, for `haave check`: ids, themes, flow, conditions, mats.

Unique ids; the opening and closing themes in their places; every next and branch target a
step of its theme, every step reachable, no dead end and no loop without a way out;
conditions that name a question answered before, and one of its answers; topic mats of two
or more labelled steps in one theme; summary parts that name questions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from assistant.dialogue import graph
from assistant.dialogue.findings import Finding
from assistant.dialogue.model import END_THEME, Condition, Dialogue, Step, StepKind, Theme

#: Talking Mats practice keeps a mat to a handful of options the client can see at once.
MAX_MAT_OPTIONS = 8


def check_structure(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """Every finding about the dialogue's structure, in the order `haave check` prints them."""
    yield from _ids(dialogue, at)
    yield from _fixed_themes(dialogue, at)
    for theme in dialogue.themes:
        yield from _flow(theme, at)
    yield from _conditions(dialogue, at)
    yield from _mats(dialogue, at)
    yield from _summary(dialogue, at)


def _fixed_themes(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """The opening ('fixed: first') is the first theme, the closing ('fixed: last') the
    last; one of each at most."""
    themes = dialogue.themes
    for place, index in (("first", 0), ("last", len(themes) - 1)):
        fixed = [t for t in themes if t.fixed == place]
        if len(fixed) > 1:
            yield at(fixed[1].id, "error", f"only one theme can be 'fixed: {place}'")
        if fixed and themes[index] is not fixed[0]:
            where = "first" if place == "first" else "last"
            yield at(fixed[0].id, "error", f"a 'fixed: {place}' theme must be the {where} theme")


def _ids(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    seen: set[str] = set()
    for theme in dialogue.themes:
        if theme.id in seen:
            yield at(theme.id, "error", f"the theme id '{theme.id}' is used twice")
        seen.add(theme.id)
    steps: set[str] = set()
    for step in dialogue.steps():
        if step.id in steps or step.id in seen:
            yield at(step.id, "error", f"the id '{step.id}' is used twice: ids must be unique")
        steps.add(step.id)
        choice_ids = [c.id for c in step.choices]
        for dup in {c for c in choice_ids if choice_ids.count(c) > 1}:
            yield at(step.id, "error", f"the choice id '{dup}' is used twice in this step")
        if step.id == END_THEME:
            yield at(step.id, "error", f"'{END_THEME}' is kept for the end of a theme: rename")


def _flow(theme: Theme, at: Callable[..., Finding]) -> Iterator[Finding]:
    ids = {s.id for s in theme.steps}
    for step in theme.steps:
        targets = [("next", step.next)] + [("branch", b.goto) for b in step.branches]
        for what, target in targets:
            if target is not None and target != END_THEME and target not in ids:
                yield at(
                    step.id,
                    "error",
                    f"the {what} target '{target}' is not a step of theme '{theme.id}': "
                    f"use a step id of this theme or '{END_THEME}'",
                )
    flow = graph.edges(theme)
    start = theme.steps[0].id
    seen = graph.reachable(flow, start)
    for step in theme.steps:
        if step.id not in seen:
            yield at(step.id, "error", "no path leads to this step: link it or remove it")
    ends = graph.can_reach_end(flow)
    reach: graph.Reach | None = None
    for step in theme.steps:
        if step.id in seen and step.id not in ends:
            reach = reach or graph.Reach(flow)
            if reach.on_loop(step.id):
                yield at(step.id, "error", "this step is in a loop with no way out: add an exit")
            else:
                yield at(step.id, "error", "dead end: the theme cannot go on from here")


def _conditions(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    order = {t.id: i for i, t in enumerate(dialogue.themes)}
    for theme in dialogue.themes:
        reach = graph.Reach(graph.edges(theme))
        for step in theme.steps:
            uses: list[tuple[Condition, bool]] = []
            if step.when is not None:
                uses.append((step.when, False))
            uses += [(b.when, True) for b in step.branches]
            for condition, is_branch in uses:
                yield from _condition(dialogue, theme, step, condition, is_branch, reach, order, at)


def _condition(
    dialogue: Dialogue,
    theme: Theme,
    step: Step,
    condition: Condition,
    is_branch: bool,
    reach: graph.Reach,
    order: dict[str, int],
    at: Callable[..., Finding],
) -> Iterator[Finding]:
    for sub in _leaves(condition):
        assert sub.step is not None
        found = dialogue.find(sub.step)
        if found is None:
            yield at(step.id, "error", f"the condition names '{sub.step}', which is not a step")
            continue
        other_theme, other = found
        if not other.asks:
            yield at(step.id, "error", f"the condition names '{sub.step}', which asks nothing")
            continue
        same = other_theme.id == theme.id
        answered_earlier = (
            same
            and (
                (other.id != step.id and reach.leads_to(other.id, step.id))
                or (is_branch and other.id == step.id)
            )
        ) or (not same and order[other_theme.id] < order[theme.id])
        if same and not answered_earlier:
            yield at(
                step.id,
                "error",
                f"the condition names '{sub.step}', which cannot have been answered before here",
            )
        value = sub.is_ if sub.is_ is not None else sub.contains
        if value is not None and other.kind is not StepKind.TEXT and value not in other.values():
            yield at(
                step.id,
                "error",
                f"'{value}' is not an answer of '{sub.step}': use one of "
                + ", ".join(other.values()),
            )
        if value is not None and other.kind is StepKind.TEXT:
            yield at(step.id, "error", f"'{sub.step}' asks for words: test it with 'answered'")
        if sub.contains is not None and other.kind is not StepKind.MULTI_CHOICE:
            yield at(step.id, "warning", f"'{sub.step}' takes one answer: use 'is', not 'contains'")


def _mats(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """A topic mat is two or more like / not sure / don't like steps of one theme, each named
    by a short label (the word on its card)."""
    for mat_id, steps in dialogue.mats().items():
        themes = {found[0].id for s in steps if (found := dialogue.find(s.id))}
        if len(themes) > 1:
            yield at(steps[0].id, "error", f"the mat '{mat_id}' spans themes: keep it in one")
        if len(steps) < 2:
            yield at(
                steps[0].id, "error", f"the mat '{mat_id}' has one step: a mat needs two or more"
            )
        if len(steps) > MAX_MAT_OPTIONS:
            yield at(
                steps[0].id,
                "warning",
                f"the mat '{mat_id}' has {len(steps)} options: keep at most {MAX_MAT_OPTIONS}",
            )
        for step in steps:
            if step.label is None:
                yield at(step.id, "warning", "a mat option needs a short 'label' for its card")


def _summary(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    for part, step_ids in dialogue.summary.items():
        for step_id in step_ids:
            found = dialogue.find(step_id)
            if found is None:
                yield at(None, "error", f"summary '{part}' names '{step_id}', which is not a step")
            elif not found[1].asks:
                yield at(step_id, "error", f"summary '{part}' names '{step_id}': it asks nothing")


def _leaves(condition: Condition) -> Iterator[Condition]:
    if condition.step is not None:
        yield condition
    for sub in (condition.all_ or []) + (condition.any_ or []):
        yield from _leaves(sub)
    if condition.not_ is not None:
        yield from _leaves(condition.not_)
