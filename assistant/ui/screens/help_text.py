"""Help for a step: its own help text and the meaning of hard words in it (glossary)."""

from __future__ import annotations

from assistant import i18n
from assistant.dialogue import Step
from assistant.i18n import _
from assistant.ui.words import text_of


def glossary_lines(text: str, lang: str) -> list[str]:
    """'word: meaning' lines from the easyread glossary, when that package has one."""
    try:
        from easyread.glossary import terms_in  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return []
    try:
        found = terms_in(text, lang)
    except Exception:
        return []
    lines = []
    for item in found or []:
        term = getattr(item, "term", None) or getattr(item, "word", None)
        meaning = getattr(item, "explanation", None) or getattr(item, "meaning", None)
        if isinstance(item, tuple) and len(item) >= 2:
            term, meaning = item[0], item[1]
        if term and meaning:
            lines.append(f"{term}: {meaning}")
    return lines


def step_help(step: Step) -> str:
    lang = i18n.get_language()
    lines = [text_of(step.help) or _("Answer in the way you like. You can also skip.")]
    words = glossary_lines(text_of(step.text), lang)
    if words:
        lines.append("")
        lines.append(_("What do these words mean?"))
        lines += words
    lines.append("")
    lines.append(_("Keys 1 to 5 pick. Esc goes back. F10 is a break."))
    return "\n".join(lines)
