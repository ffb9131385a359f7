"""The easy-read checker on every client-visible text, for `haave check`.

When the `easyread` package offers `check_text`, every text a client sees goes through it,
with one word per role from its glossary. The package loads only when the checker is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from assistant.dialogue.checks_texts import client_texts
from assistant.dialogue.findings import Finding
from assistant.dialogue.model import Dialogue

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


def check_easy_read(
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
