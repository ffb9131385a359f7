"""Static checks of dialogue folders (`haave check`).

Structure (targets, reachability, loops, ids), languages, symbols, choices, conditions,
words that name services, texts read aloud (line breaks, numbers, key names), one label for
the own-words choice, outdated translations and recorded audio, the easy-read checker on
every client-visible text (when the `easyread` package offers `check_text`, with one word per
role from its glossary), and every test plan in the folder's `tests/`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.dialogue import graph
from assistant.dialogue.loader import LoadedDialogue, load
from assistant.dialogue.model import END_THEME, Condition, Dialogue, Step, StepKind, Texts, Theme
from assistant.dialogue.recording import audio_problems
from assistant.dialogue.testplan import plan_paths, run_plan
from assistant.dialogue.translation import outdated_problems
from assistant.dialogue.yamlio import DataFileError, Problem, bulk, read_yaml, shown

Level = Literal["error", "warning"]
MAX_CHOICES = 5
#: Talking Mats practice keeps a mat to a handful of options the client can see at once.
MAX_MAT_OPTIONS = 8
SERVICE_WORDS_FILE = "service-words.yaml"
# An emoji made of several code points (with U+FE0F or joined with U+200D) is drawn one or
# two cells wide, or as several pictures, depending on the terminal: the frame breaks.
_UNEVEN_SYMBOL = (
    "'{symbol}' is more than one character: terminals draw it at different widths. "
    "Use a one-character emoji (for example 📝 instead of ✏️)"
)


@dataclass(frozen=True)
class Finding:
    """One thing `haave check` reports: `PATH:LINE: STEP-ID: message`."""

    path: Path
    line: int | None
    step_id: str | None
    level: Level
    message: str

    def __str__(self) -> str:
        where = self.step_id or "-"
        return f"{shown(self.path)}:{self.line or 1}: {where}: {self.level}: {self.message}"


#: An easy-read checker: (text, lang, silenced rule -> reason) -> [(level, rule, message)].
TextChecker = Callable[[str, str, dict[str, str]], list[tuple[str, str, str]]]

#: Rule id of "one word per role": a glossary synonym used instead of the glossary's term.
ONE_WORD = "one-word"


def easyread_checker() -> TextChecker | None:
    """The `easyread` package's checker (None is kept for callers that run without it).

    Besides the package's own rules it reports `one-word`: a word the glossary lists as a
    synonym ("työntekijä", "omainen") where the client texts use one word per role
    ("palveluohjaaja", "läheinen"). The UI catalogs are checked with it too."""
    from easyread import UnsupportedLanguage, check_text  # deferred: loads word lists


    def check(text: str, lang: str, silenced: dict[str, str]) -> list[tuple[str, str, str]]:
        try:
            report = check_text(text, lang, silenced=silenced)
        except UnsupportedLanguage:
            return []  # a language the easy-read checker does not know yet: nothing to say
        found: list[tuple[str, str, str]] = [
            (f.level, f.rule, f"{f.message} ({f.suggestion})" if f.suggestion else f.message)
            for f in report.findings
            if not f.silenced and f.level in ("error", "warning")
        ]
        if ONE_WORD not in silenced:
            found += [("warning", ONE_WORD, m) for m in one_word_per_role(text, lang)]
        return found

    return check


def one_word_per_role(text: str, lang: str) -> list[str]:
    """A message for each glossary synonym in `text`: the glossary's term is the one word."""
    from easyread.glossary import find_terms

    try:
        matches = find_terms(text, lang)
    except (LookupError, ValueError):  # a language the glossary does not know
        return []
    out = []
    for match in matches:
        if match.form.lower() != match.entry.term.lower():
            out.append(
                f"'{match.form}' is another word for '{match.entry.term}' "
                f"({match.entry.concept}): use one word for one thing, '{match.entry.term}'"
            )
    return out


def check_folder(
    folder: Path,
    *,
    texts: TextChecker | None = None,
    service_words: dict[str, list[str]] | None = None,
) -> list[Finding]:
    """Every finding for one dialogue folder (the dialogue and its test plans)."""
    with bulk():
        try:
            loaded = load(folder)
        except DataFileError as exc:
            return [Finding(p.path, p.line, p.step_id, "error", p.message) for p in exc.problems]
        findings = list(check_dialogue(loaded, texts=texts, service_words=service_words))
    findings += run_plans(loaded)
    return findings


def check_dialogue(
    loaded: LoadedDialogue,
    *,
    texts: TextChecker | None = None,
    service_words: dict[str, list[str]] | None = None,
) -> Iterator[Finding]:
    dialogue = loaded.dialogue

    def at(item_id: str | None, level: Level, message: str) -> Finding:
        path, line = loaded.where(item_id)
        return Finding(path, line, item_id, level, message)

    yield from _ids(dialogue, at)
    yield from _fixed_themes(dialogue, at)
    for theme in dialogue.themes:
        yield from _flow(theme, at)
    yield from _conditions(dialogue, at)
    yield from _mats(dialogue, at)
    yield from _summary(dialogue, at)
    yield from _languages(dialogue, at)
    for step in dialogue.steps():
        if len(step.choices) > MAX_CHOICES:
            yield at(step.id, "error", f"{len(step.choices)} choices: keep at most {MAX_CHOICES}")
        for symbol in [step.symbol, *(c.symbol for c in step.choices)]:
            if symbol.isascii():
                yield at(step.id, "error", f"'{symbol}' is not a symbol: use an emoji")
            elif len(symbol) > 1:
                yield at(step.id, "warning", _UNEVEN_SYMBOL.format(symbol=symbol))
    if service_words:
        yield from _service_words(dialogue, service_words, at)
    yield from _read_aloud(dialogue, at)
    yield from _own_words(dialogue, at)
    for item_id, message in outdated_problems(dialogue, shown(loaded.folder)):
        yield at(item_id, "warning", message)
    for item_id, level, message in audio_problems(loaded):
        yield at(item_id, "error" if level == "error" else "warning", message)
    if texts is not None:
        yield from _easy_read(dialogue, texts, at)


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
                yield from _condition(
                    dialogue, theme, step, condition, is_branch, reach, order, at
                )


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


def client_texts(dialogue: Dialogue) -> Iterator[tuple[str | None, str, Texts]]:
    """(step id, what, texts) of every text a client sees."""
    yield None, "title", dialogue.title
    for theme in dialogue.themes:
        yield theme.id, "title", theme.title
        for step in theme.steps:
            if step.intro:
                yield step.id, "intro", step.intro
            yield step.id, "text", step.text
            if step.help:
                yield step.id, "help", step.help
            for choice in step.choices:
                yield step.id, f"choice '{choice.id}'", choice.text
            if step.mat is not None and step.label:
                yield step.id, "label (a card on the mat)", step.label


def _all_texts(dialogue: Dialogue) -> Iterator[tuple[str | None, str, Texts]]:
    yield from client_texts(dialogue)
    if dialogue.description:
        yield None, "description", dialogue.description
    for step in dialogue.steps():
        for what, texts in (("tip", step.tip), ("label", step.label)):
            if texts and not (what == "label" and step.mat is not None):  # already yielded
                yield step.id, what, texts
        for choice in step.choices:
            if choice.label:
                yield step.id, f"label of choice '{choice.id}'", choice.label


def _languages(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    declared = set(dialogue.languages)
    for item_id, what, texts in _all_texts(dialogue):
        for lang in sorted(declared - set(texts)):
            yield at(item_id, "error", f"the {what} has no '{lang}' text: add the translation")
        for lang in sorted(set(texts) - declared):
            yield at(item_id, "warning", f"the {what} has a '{lang}' text, not a declared language")


#: Where a line break may end a line: after the end of a sentence (or a colon, a closing
#: quote or bracket). Read aloud turns every line break into a full stop.
_SENTENCE_END = tuple('.!?:…”"»)')
#: Numbers in digits: read aloud says "1–5" as "yksi viisi" and "3/14" as "kolme kautta".
_RANGE = re.compile(r"\d\s*[–—-]\s*\d|\d\s*/\s*\d")
_DIGIT = re.compile(r"\d")
#: Key and program names: read letter by letter, and meaningless to a listener.
_KEY_NAMES = re.compile(
    r"\b(Esc|Enter|Tab|Ctrl|Alt|Shift|Backspace|F(?:1[0-2]|[1-9])|espeak(?:-ng)?|Textual|"
    r"Python|YAML|JSON)\b"
)


def _silenced(dialogue: Dialogue, item_id: str | None, lang: str) -> set[str]:
    found = dialogue.find(item_id) if item_id else None
    return {s.rule for s in (found[1].silence if found else []) if s.lang in (None, lang)}


def _read_aloud(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """What read aloud gets wrong: a line break inside a sentence, numbers in digits, keys."""
    for item_id, what, texts in client_texts(dialogue):
        for lang, text in texts.items():
            silenced = _silenced(dialogue, item_id, lang)
            lines = text.split("\n")
            if "line-break" not in silenced:
                for line, following in itertools.pairwise(lines):
                    if line.rstrip() and not line.rstrip().endswith(_SENTENCE_END):
                        yield at(
                            item_id,
                            "warning",
                            f"the {what} ({lang}) breaks a line inside a sentence, before "
                            f"'{following.strip()[:20]}': read aloud makes it a full stop. "
                            "Break lines only between sentences",
                        )
            if "number-words" not in silenced and _DIGIT.search(text):
                kind = "a range" if _RANGE.search(text) else "a number"
                yield at(
                    item_id,
                    "warning",
                    f"the {what} ({lang}) has {kind} in digits: read aloud says '1–5' as "
                    "'one five'. Write numbers in words ('from one to five')",
                )
            named = _KEY_NAMES.search(text)
            if "key-name" not in silenced and named:
                yield at(
                    item_id,
                    "warning",
                    f"the {what} ({lang}) names '{named.group(0)}': a key or program name "
                    "means nothing to a listener. Say what to do instead",
                )


def _own_words(dialogue: Dialogue, at: Callable[..., Finding]) -> Iterator[Finding]:
    """One label for the own-words choice in every step: it teaches where to type."""
    labels: dict[str, Counter[str]] = {}
    for step in dialogue.steps():
        for choice in step.choices:
            if choice.own_words:
                for lang, text in choice.text.items():
                    labels.setdefault(lang, Counter())[text] += 1
        if step.intro is not None and step.kind is StepKind.SAY:
            yield at(
                step.id,
                "warning",
                "an 'intro' goes above a question: on a 'say' step put it in the text",
            )
    for step in dialogue.steps():
        own = step.own_words_choice
        if own is None:
            continue
        for lang, text in own.text.items():
            usual, _count = labels[lang].most_common(1)[0]
            if text != usual and "own-words-label" not in _silenced(dialogue, step.id, lang):
                yield at(
                    step.id,
                    "warning",
                    f"the own-words choice says '{text}' ({lang}); the other steps say "
                    f"'{usual}': use one label everywhere",
                )


def load_service_words(root: Path) -> dict[str, list[str]]:
    """Words that name services, per language, from `dialogues/service-words.yaml`."""
    path = root / SERVICE_WORDS_FILE
    if not path.exists():
        return {}
    if root.resolve() not in path.resolve().parents:
        raise DataFileError(
            [Problem(path, None, None, f"{SERVICE_WORDS_FILE} must be a file in {shown(root)}")]
        )
    data: Any = read_yaml(path).data or {}
    if not isinstance(data, dict) or not all(isinstance(v, list | None) for v in data.values()):
        raise DataFileError([Problem(path, 1, None, "give a list of words for each language")])
    return {str(k): [str(w).lower() for w in v or []] for k, v in data.items()}


def _service_words(
    dialogue: Dialogue, words: dict[str, list[str]], at: Callable[..., Finding]
) -> Iterator[Finding]:
    for item_id, what, texts in client_texts(dialogue):
        found = dialogue.find(item_id) if item_id else None
        silenced = {s.rule for s in found[1].silence} if found else set()
        if "service-word" in silenced:
            continue
        for lang, text in texts.items():
            lowered = text.lower()
            for word in words.get(lang, []):
                if word in lowered:
                    yield at(
                        item_id,
                        "warning",
                        f"the {what} ({lang}) names a service, '{word}': ask about needs "
                        "and wishes instead",
                    )


def _easy_read(
    dialogue: Dialogue, check: TextChecker, at: Callable[..., Finding]
) -> Iterator[Finding]:
    for item_id, what, texts in client_texts(dialogue):
        found = dialogue.find(item_id) if item_id else None
        for lang, text in texts.items():
            silenced = {
                s.rule: s.reason
                for s in (found[1].silence if found else [])
                if s.lang in (None, lang)
            }
            for level, rule, message in check(text, lang, silenced):
                yield at(
                    item_id,
                    "error" if level == "error" else "warning",
                    f"easy-read {rule} in the {what} ({lang}): {message}",
                )


def run_plans(loaded: LoadedDialogue) -> list[Finding]:
    """Run every test plan of the dialogue; report failures and branches no plan takes."""
    findings: list[Finding] = []
    taken: set[tuple[str, int]] = set()
    paths = plan_paths(loaded.folder)
    for path in paths:
        try:
            run = run_plan(path, loaded.dialogue, folder=loaded.folder)
        except DataFileError as exc:
            findings += [
                Finding(p.path, p.line, p.step_id, "error", p.message) for p in exc.problems
            ]
            continue
        findings += [Finding(p.path, p.line, p.step_id, "error", p.message) for p in run.problems]
        taken |= run.branches
    if paths:
        for step in loaded.dialogue.steps():
            for i, branch in enumerate(step.branches):
                if (step.id, i) not in taken:
                    path, line = loaded.where(step.id)
                    findings.append(
                        Finding(
                            path,
                            line,
                            step.id,
                            "warning",
                            f"no test plan takes the branch to '{branch.goto}': add a walk",
                        )
                    )
    return findings
