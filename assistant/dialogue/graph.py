"""The flow of a theme as a graph: which step can follow which. Used by the static checks.

Everything here is linear in the steps and links of a theme, except `Reach`, whose table of
"which step can lead to which" costs one bitset OR per link (a 10,000-step theme: a few
milliseconds), after which every question is answered at once. `haave check` once asked
`ancestors()` for each step, cubic in the steps.
"""

from __future__ import annotations

from collections import deque

from assistant.dialogue.model import END_THEME, Step, Theme


def default_target(theme: Theme, step: Step) -> str:
    """Where the flow goes from `step` when no branch applies (a step id or END_THEME)."""
    if step.next is not None:
        return step.next
    index = next(i for i, s in enumerate(theme.steps) if s is step)
    return theme.steps[index + 1].id if index + 1 < len(theme.steps) else END_THEME


def edges(theme: Theme) -> dict[str, list[str]]:
    """step id -> the step ids (or END_THEME) that can come right after it."""
    out: dict[str, list[str]] = {}
    steps = theme.steps
    ids = {s.id for s in steps}
    for index, step in enumerate(steps):
        if step.next is not None:
            default = step.next
        else:
            default = steps[index + 1].id if index + 1 < len(steps) else END_THEME
        targets = [b.goto for b in step.branches] + [default]
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
    reach = Reach(graph)
    return {node for node in graph if reach.leads_to(node, step_id)}


class Reach:
    """Which step can lead to which, for one theme's graph, built once.

    Strongly connected parts (Tarjan's algorithm, without recursion) are found first; each
    part's set of reachable parts is a Python int used as a bitset, filled in the order
    Tarjan finishes the parts (every part after all the parts it leads to)."""

    def __init__(self, graph: dict[str, list[str]]) -> None:
        self.part: dict[str, int] = {}
        parts = _strong_parts(graph)
        for number, members in enumerate(parts):
            for node in members:
                self.part[node] = number
        self.looped: list[bool] = []
        self.reach: list[int] = []
        for number, members in enumerate(parts):
            bits = 1 << number
            looped = len(members) > 1
            for node in members:
                for target in graph.get(node, []):
                    other = self.part[target]
                    if other == number:
                        looped = True
                    else:
                        bits |= self.reach[other]
            self.looped.append(looped)
            self.reach.append(bits)

    def on_loop(self, node: str) -> bool:
        """True when the flow can come back to `node` after leaving it."""
        return self.looped[self.part[node]]

    def leads_to(self, source: str, target: str) -> bool:
        """True when a walk of one move or more goes from `source` to `target`."""
        a, b = self.part.get(source), self.part.get(target)
        if a is None or b is None:
            return False
        if a == b:
            return self.looped[a]
        return bool(self.reach[a] >> b & 1)


def _strong_parts(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected parts, each after every part it leads to (Tarjan, iterative)."""
    nodes = list(dict.fromkeys([*graph, *(t for ts in graph.values() for t in ts)]))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    parts: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph.get(node, [])
            descended = False
            while child < len(targets):
                target = targets[child]
                child += 1
                if target not in index:
                    work.append((node, child))
                    work.append((target, 0))
                    descended = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if descended:
                continue
            if low[node] == index[node]:
                members = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                parts.append(members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return parts
