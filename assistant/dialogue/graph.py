"""The flow of a theme as a graph: which step can follow which. Used by the static checks."""

from __future__ import annotations

from collections import deque

from assistant.dialogue.model import END_THEME, Step, Theme


def default_target(theme: Theme, step: Step) -> str:
    """Where the flow goes from `step` when no branch applies (a step id or END_THEME)."""
    if step.next is not None:
        return step.next
    index = theme.steps.index(step)
    return theme.steps[index + 1].id if index + 1 < len(theme.steps) else END_THEME


def edges(theme: Theme) -> dict[str, list[str]]:
    """step id -> the step ids (or END_THEME) that can come right after it."""
    out: dict[str, list[str]] = {}
    ids = {s.id for s in theme.steps}
    for step in theme.steps:
        targets = [b.goto for b in step.branches] + [default_target(theme, step)]
        # The engine ends the theme at an unknown target; the checks report it separately.
        out[step.id] = list(dict.fromkeys(t if t in ids else END_THEME for t in targets))
    return out


def reachable(graph: dict[str, list[str]], start: str) -> set[str]:
    """Every node reachable from `start`, itself included."""
    seen = {start}
    todo = deque([start])
    while todo:
        for nxt in graph.get(todo.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def can_reach_end(graph: dict[str, list[str]]) -> set[str]:
    """The steps from which the end of the theme can be reached."""
    reverse: dict[str, list[str]] = {}
    for node, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, []).append(node)
    return reachable(reverse, END_THEME) - {END_THEME}


def ancestors(graph: dict[str, list[str]], step_id: str) -> set[str]:
    """The steps from which `step_id` can be reached (not itself unless on a loop)."""
    return {node for node in graph if node != step_id and step_id in reachable(graph, node)}
