"""The official-register rules: each fires where it should and stays quiet on everyday
sentences that look alike (Finnish with and without Voikko)."""

from __future__ import annotations

import pytest

from easyread import check_text
from easyread.plain import plain_list

FIRES = [
    # (lang, text, rule, flagged text)
    ("fi", "Hakemus on jätettävä kuukauden aikana.", "necessive", "on jätettävä"),
    ("fi", "Liite tulee lähettää heti.", "necessive", "tulee lähettää"),
    ("fi", "Sinun on itse huolehdittava siitä.", "necessive", "on itse huolehdittava"),
    ("fi", "Asiakkaan on syytä tulla ajoissa.", "necessive", "on syytä"),
    ("fi", "Mikäli tulot muuttuvat, kerro meille.", "condition", "Mikäli"),
    ("fi", "Päätös on voimassa, jollei muuta ilmene.", "condition", "jollei muuta ilmene"),
    ("fi", "Tarvittaessa voit soittaa.", "condition", "Tarvittaessa"),
    ("fi", "Jos asia katsotaan kiireelliseksi, soitamme.", "condition", "Jos asia katsotaan"),
    ("fi", "Tuen hakeminen vie aikaa.", "nominalisation", "Tuen hakeminen"),
    ("fi", "Hakemuksen käsittely kestää kuukauden.", "official-word", "käsittely"),
    ("fi", "Ilmoittautuminen tapahtuu netissä.", "nominalisation", "Ilmoittautuminen tapahtuu"),
    ("fi", "Menettely on kuvattu alla.", "official-word", "Menettely"),
    ("fi", "Tuki maksetaan takautuvasti.", "official-word", "takautuvasti"),
    ("fi", "Päätös kohdistuu kuljetukseen.", "official-word", "kohdistuu"),
    ("fi", "Liitteet toimitetaan viipymättä.", "official-word", "toimitetaan viipymättä"),
    ("fi", "Muutoksenhausta kerrotaan liitteessä.", "official-word", "Muutoksenhausta"),
    ("sv", "Ansökan ska inges i tid.", "necessive", "ska inges"),
    ("sv", "Blanketten ska omgående lämnas in.", "necessive", "ska omgående lämnas"),
    ("sv", "Du är skyldig att berätta.", "necessive", "är skyldig att"),
    ("sv", "Om inte annat anges gäller beslutet.", "condition", "Om inte annat"),
    ("sv", "Skulle behovet öka, kontakta oss.", "condition", "Skulle behovet"),
    ("sv", "Bedömningen av ärendet tar tid.", "nominalisation", "Bedömningen av"),
    ("sv", "Beviljandet kräver ett intyg.", "nominalisation", "Beviljandet"),
    ("sv", "Kontakt sker via telefon.", "nominalisation", "Kontakt sker"),
    ("sv", "I enlighet med lagen får du stöd.", "official-word", "I enlighet med"),
    ("sv", "Du erhåller pengarna i maj.", "official-word", "erhåller"),
    ("en", "Forms shall be returned in May.", "necessive", "shall"),
    ("en", "Receipts must be kept for a year.", "necessive", "must be kept"),
    ("en", "You are required to sign the form.", "necessive", "are required to"),
    ("en", "Unless otherwise agreed, help ends in May.", "condition", "Unless otherwise"),
    ("en", "Should you need help, call us.", "condition", "Should you"),
    ("en", "If not signed, the form is returned.", "condition", "If not signed"),
    ("en", "Approval of the plan takes a week.", "nominalisation", "Approval of"),
    ("en", "Payment will be made in May.", "nominalisation", "Payment will be made"),
    ("en", "We help you in accordance with the law.", "official-word", "in accordance with"),
    ("en", "Support will commence in May.", "official-word", "commence"),
]

QUIET = [
    # everyday sentences that look like the register
    ("fi", "Äiti tulee kylään huomenna."),
    ("fi", "Sinulle tulee rahaa joka kuukausi."),
    ("fi", "Avustaja tulee joka aamu."),
    ("fi", "Minulla on tehtävä kotona."),
    ("fi", "Elokuva on jännittävä."),
    ("fi", "Uiminen on kivaa."),
    ("fi", "Pidän uimisesta."),
    ("fi", "Tarvitsen apua pukemisessa."),
    ("fi", "Tapaaminen kestää tunnin."),
    ("fi", "Lähetä paperi toukokuun loppuun mennessä."),
    ("fi", "Sinun pitää allekirjoittaa paperi."),
    ("fi", "Jos haluat, voit soittaa."),
    ("fi", "Kun tulet kotiin, syö."),
    ("fi", "Kaikki vastaukset ovat hyviä."),
    ("sv", "Du måste skriva under papperet."),
    ("sv", "Skulle du vilja komma?"),
    ("sv", "Säg till om något ändras."),
    ("sv", "Ingen annan ser dina uppgifter."),
    ("sv", "Du kan också skicka ett meddelande."),
    ("sv", "Vi ses nästa vecka."),
    ("sv", "Vill du pröva något nytt?"),
    ("en", "You must be tired."),
    ("en", "Shall we go for a walk?"),
    ("en", "I have a question."),
    ("en", "Most of the time I am happy."),
    ("en", "The end of the day is nice."),
    ("en", "You need to sign the paper."),
]

REGISTER = {"official-word", "necessive", "condition", "nominalisation"}


def _found(lang: str, text: str, use_voikko: bool) -> list[tuple[str, str]]:
    report = check_text(text, lang, use_voikko=use_voikko if lang == "fi" else None)
    return [(f.rule, text[f.span[0]:f.span[1]]) for f in report.findings]


@pytest.mark.parametrize(("lang", "text", "rule", "flagged"), FIRES)
def test_rule_fires(use_voikko: bool, lang: str, text: str, rule: str, flagged: str) -> None:
    found = _found(lang, text, use_voikko)
    assert (rule, flagged) in found, found


@pytest.mark.parametrize(("lang", "text"), QUIET)
def test_everyday_sentences_stay_quiet(use_voikko: bool, lang: str, text: str) -> None:
    found = [f for f in _found(lang, text, use_voikko) if f[0] in REGISTER]
    assert not found


def test_findings_carry_plain_alternatives() -> None:
    report = check_text("Liitteet toimitetaan viipymättä.", "fi")
    f = next(f for f in report.findings if f.rule == "official-word")
    assert f.alternative is not None and f.alternative.plain == ("lähetetään heti",)
    assert '"lähetetään heti"' in f.suggestion and f.alternative.why
    assert f.as_dict()["alternative"] == f.alternative.as_dict()


def test_necessive_suggests_the_plain_verb() -> None:
    """toimittaa is official: the suggestion uses the plain verb from the list."""
    report = check_text("Liitteet tulee toimittaa heti.", "fi", use_voikko=False)
    f = next(f for f in report.findings if f.rule == "necessive")
    assert "Sinun pitää lähettää" in f.suggestion


def test_glossary_terms_are_not_nominalisations() -> None:
    text = "Planen hjälper vid bedömningen av servicebehovet."
    assert not [r for r, _ in _found("sv", text, False) if r == "nominalisation"]


def test_official_word_is_not_also_a_rare_word() -> None:
    found = _found("fi", "Muutoksenhaku on mahdollista.", True)
    assert ("official-word", "Muutoksenhaku") in found
    assert not [r for r, w in found if r == "rare-word" and w == "Muutoksenhaku"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_entry_is_found_and_plain_words_are_plain(use_voikko: bool, lang: str) -> None:
    """Each entry finds its own official form, and what it suggests is not official."""
    if lang != "fi" and use_voikko:
        pytest.skip("Voikko is only used for Finnish")
    uv = use_voikko if lang == "fi" else None
    for entry in plain_list(lang).entries:
        assert entry.plain and entry.why, entry
        rules = {f.rule for f in check_text(entry.official, lang, use_voikko=uv).findings}
        assert entry.rule in rules, (entry.official, rules)
        for plain in entry.plain:
            report = check_text(plain, lang, use_voikko=uv)
            listed = [f for f in report.findings if f.alternative and f.rule in REGISTER]
            assert not listed, (entry.official, plain, listed)
