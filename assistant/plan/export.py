"""Export a session's plan to a file: the function the CLI and the UI's export screen call."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from assistant.dialogue.model import Dialogue
from assistant.plan.build import PlanSource, build_from_source
from assistant.plan.consent import CONSENT_KEY
from assistant.plan.model import Consent, DraftPlan, PlanLang
from assistant.store.files import atomic_write

Format = Literal["html", "md", "docx", "json", "fhir"]
FORMATS: tuple[str, ...] = get_args(Format)
MINE_FORMATS: tuple[str, ...] = ("html", "md")
SUFFIX = {"html": ".html", "md": ".md", "docx": ".docx", "json": ".json", "fhir": ".fhir.json"}


class ExportError(Exception):
    """An export that cannot be done, with a message a user can act on."""


def render(plan: DraftPlan, dialogue: Dialogue, fmt: str, mine: bool = False) -> bytes:
    """The plan in one format, as bytes. Renderers are imported only when used."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if mine:
        if fmt not in MINE_FORMATS:
            raise ExportError("'My plan' is made as html or md")
        from assistant.plan.mine import render_mine_html, render_mine_markdown

        text = render_mine_html(plan) if fmt == "html" else render_mine_markdown(plan)
        return text.encode("utf-8")
    if fmt == "html":
        from assistant.plan.render.html import render_html

        return render_html(plan).encode("utf-8")
    if fmt == "md":
        from assistant.plan.render.markdown import render_markdown

        return render_markdown(plan).encode("utf-8")
    if fmt == "docx":
        from assistant.plan.render.docx import render_docx

        return render_docx(plan)
    if fmt == "json":
        return (plan.model_dump_json(indent=2) + "\n").encode("utf-8")
    from assistant.plan.render.fhir import render_fhir

    return render_fhir(plan, dialogue).encode("utf-8")


def export_source(
    source: PlanSource,
    dialogue: Dialogue,
    fmt: str,
    lang: PlanLang,
    mine: bool,
    out: Path,
    today: date | None = None,
) -> Path:
    """Build and write one export from a `PlanSource`; returns where the file went."""
    plan = build_from_source(source, dialogue, lang, today)
    data = render(plan, dialogue, fmt, mine)
    if out.is_dir():
        kind = "my-plan" if mine else "draft-plan"
        out = out / f"{kind}-{lang}{SUFFIX[fmt]}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, data)  # the store's: 0600 temp file, fsync, rename, fsync folder
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def load_session(session_id: str, data_dir: Path | None) -> tuple[PlanSource, Dialogue]:
    """The session from `assistant.store`, read into a `PlanSource`, and its dialogue."""
    try:
        from assistant.plan.store_adapter import load_source
    except ImportError as exc:
        raise ExportError("the session store is not available in this build") from exc
    return load_source(session_id, data_dir)


def export(
    session_id: str,
    fmt: str,
    lang: PlanLang,
    mine: bool = False,
    out: Path | None = None,
    data_dir: Path | None = None,
    **_: Any,
) -> Path:
    """Export a stored session; returns the path of the file written."""
    if lang not in ("fi", "sv", "en"):
        raise ExportError(f"unknown language '{lang}'; use fi, sv or en")
    source, dialogue = load_session(session_id, data_dir)
    return export_source(source, dialogue, fmt, lang, mine, out or Path.cwd())


def record_consent(session_key: str, consent: Consent, data_dir: Path | None = None) -> str:
    """Record in the session who the client lets see the plan, with the date.

    Returns the session id. The record travels with the session and is erased with it."""
    from assistant.store import StoreError, open_store

    try:
        store = open_store(data_dir)
        session_id = store.resolve(session_key)
        with store.open(session_id) as opened:
            opened.set_extra(CONSENT_KEY, consent.model_dump(mode="json"))
    except StoreError as exc:
        raise ExportError(str(exc)) from exc
    return session_id
