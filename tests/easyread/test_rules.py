"""One test per rule and language, with and without Voikko for Finnish."""

from __future__ import annotations

import pytest

from easyread import check_text
from easyread.analysis import get_analyser
from easyread.analysis.voikko import voikko_available

CASES = [
    # (lang, text, rule, level, flagged text)
    ("fi", "Sinä voit valita ja kertoa ja kysyä ja soittaa ja kirjoittaa ja piirtää nyt heti.",
     "sentence-length", "warning", None),
    ("fi", " ".join(["Sinä"] + ["voit"] * 16) + ".", "sentence-length", "error", None),
    ("fi", "Voit soittaa, jos haluat, mutta kysy ensin.", "one-idea", "warning", None),
    ("fi", "Talo, jossa sinä asut, on iso.", "one-idea", "warning", None),
    ("fi", "a" * 61, "line-length", "error", None),
    ("fi", "Tämä on hyvinvointialueiden asia.", "long-word", "warning", "hyvinvointialueiden"),
    ("fi", "Se on kvasitieteellistä.", "rare-word", "warning", "kvasitieteellistä"),
    ("fi", "Tuo esim. kuvia.", "abbreviation", "error", "esim."),
    ("fi", "Lomake on STM:n.", "abbreviation", "error", "STM"),
    ("fi", "Päätös tehdään kokouksessa.", "passive", "warning", "tehdään"),
    ("fi", "Päätös on tehty eilen.", "passive", "warning", "tehty"),
    ("fi", "En ole koskaan ollut siellä.", "negation", "warning", None),
    ("fi", "En tiedä.", "negation", "info", "En"),
    ("fi", "Budjetista käytettiin 75 %.", "numbers", "warning", "75 %"),
    ("fi", "Kokous on 1.2.2025.", "numbers", "warning", "1.2.2025"),
    ("fi", "Luku XIV kertoo sen.", "numbers", "warning", "XIV"),
    ("fi", "Raha on 1 000 000 euroa.", "numbers", "warning", "1 000 000"),
    ("fi", "Me puhallamme yhteen hiileen.", "idiom", "warning", "puhallamme yhteen hiileen"),
    ("fi", "Tukirinki ja tukipiiri auttavat.", "same-concept", "warning", "tukipiiri"),
    ("fi", "Voitte kertoa toiveenne.", "person-form", "warning", "Voitte"),
    ("fi", "Teidän suunnitelma on valmis.", "person-form", "warning", "Teidän"),
    ("sv", "Du kan välja och berätta och fråga och ringa och skriva och rita nu.",
     "sentence-length", "warning", None),
    ("sv", "Du kan ringa om du vill men fråga först.", "one-idea", "warning", None),
    ("sv", "b" * 61, "line-length", "error", None),
    ("sv", "Det gäller välfärdsområdesreformen.", "long-word", "warning",
     "välfärdsområdesreformen"),
    ("sv", "Ta med t.ex. bilder.", "abbreviation", "error", "t.ex."),
    ("sv", "Ta med t. ex. bilder.", "abbreviation", "error", "t. ex."),
    ("sv", "Beslutet fattas på mötet.", "passive", "warning", "fattas"),
    ("sv", "Ansökan blev godkänd.", "passive", "warning", "godkänd"),
    ("sv", "Du får inte säga ingenting.", "negation", "warning", None),
    ("sv", "Vi använde 75 % av pengarna.", "numbers", "warning", "75 %"),
    ("sv", "Jag håller tummarna.", "idiom", "warning", "håller tummarna"),
    ("sv", "Stödcirkeln och stödringen hjälper.", "same-concept", "warning", "stödringen"),
    ("sv", "Ni kan berätta.", "person-form", "warning", "Ni"),
    ("en", "You can choose and tell and ask and call and write and draw now.",
     "sentence-length", "warning", None),
    ("en", "You can call if you want but ask first.", "one-idea", "warning", None),
    ("en", "c" * 61, "line-length", "error", None),
    ("en", "It is about internationalisation.", "long-word", "warning",
     "internationalisation"),
    ("en", "It is a perspicacious plan.", "rare-word", "warning", "perspicacious"),
    ("en", "Bring photos, e.g. of your home.", "abbreviation", "error", "e.g."),
    ("en", "Help is there 24/7.", "abbreviation", "error", "24/7"),
    ("en", "The decision is made at the meeting.", "passive", "warning", "made"),
    ("en", "The form was quickly approved.", "passive", "warning", "approved"),
    ("en", "You must not say nothing.", "negation", "warning", None),
    ("en", "We used 75% of the money.", "numbers", "warning", "75%"),
    ("en", "We are in the same boat.", "idiom", "warning", "in the same boat"),
    ("en", "Your circle of support and support circle help.", "same-concept", "warning",
     "support circle"),
    ("en", "One should fill in the form.", "person-form", "warning", "One should"),
    ("en", "The applicant signs the form.", "person-form", "warning", "The applicant"),
]


def _check(lang: str, text: str, use_voikko: bool) -> list[tuple[str, str, str]]:
    report = check_text(text, lang, use_voikko=use_voikko if lang == "fi" else None)
    return [(f.rule, f.level, text[f.span[0]:f.span[1]]) for f in report.findings]


@pytest.mark.parametrize(("lang", "text", "rule", "level", "flagged"), CASES)
def test_rule_fires(use_voikko: bool, lang: str, text: str, rule: str, level: str,
                    flagged: str | None) -> None:
    if lang != "fi" and use_voikko:
        pytest.skip("Voikko is only used for Finnish")
    found = _check(lang, text, use_voikko)
    hits = [f for f in found if f[0] == rule and f[1] == level]
    assert hits, f"{rule}/{level} not found in {found}"
    if flagged is not None:
        assert flagged in [h[2] for h in hits], hits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fi", "Tukisuunnitelma auttaa sinua."),
        ("fi", "Tämä on itsemääräämisoikeus."),
        ("fi", "Palvelutarpeen arvioinnissa sinulta kysytään asioita."),
        ("sv", "Det här är din självbestämmanderätt."),
        ("en", "This is your self-determination."),
    ],
)
def test_glossary_words_are_not_long_or_rare(use_voikko: bool, lang: str, text: str) -> None:
    if lang != "fi" and use_voikko:
        pytest.skip("Voikko is only used for Finnish")
    rules = {f[0] for f in _check(lang, text, use_voikko)}
    assert not rules & {"long-word", "rare-word"}


def test_voikko_compounds_are_counted() -> None:
    if not voikko_available():
        pytest.skip("Voikko not installed: apt-get install libvoikko1 voikko-fi")
    report = check_text("Se on sosiaalityöntekijäpalvelu.", "fi", use_voikko=True)
    msgs = [f.message for f in report.findings if f.rule == "long-word"]
    assert any("made of" in m for m in msgs), msgs


def test_adjective_participle_is_not_passive(use_voikko: bool) -> None:
    report = check_text("Tuettu päätöksenteko auttaa sinua.", "fi", use_voikko=use_voikko)
    assert not [f for f in report.findings if f.rule == "passive"]


def test_heuristic_note_and_analyser(use_voikko: bool) -> None:
    report = check_text("Hei.", "fi", use_voikko=use_voikko)
    if use_voikko:
        assert report.analyser == "voikko" and not report.notes
    else:
        assert report.analyser == "heuristic"
        assert "Voikko not available: simpler rules used." in report.notes[0]


def test_silenced_findings_stay_but_do_not_count() -> None:
    report = check_text("Tuo esim. kuvia.", "fi", silenced={"abbreviation": "quoted on purpose"})
    found = [f for f in report.findings if f.rule == "abbreviation"]
    assert found and all(f.silenced and f.reason == "quoted on purpose" for f in found)
    assert not report.errors


def test_line_numbers_and_spans() -> None:
    text = "Hei.\nTuo esim. kuvia."
    report = check_text(text, "fi")
    f = next(f for f in report.findings if f.rule == "abbreviation")
    assert f.line == 2
    assert text[f.span[0]:f.span[1]] == "esim."


def test_syllables(use_voikko: bool) -> None:
    analyser = get_analyser("fi", use_voikko)
    assert analyser.word("tukisuunnitelma").syllables == 6
    assert analyser.word("talo").syllables == 2


def test_swedish_om_after_the_subject_is_about_not_if() -> None:
    from easyread import check_text

    for text in ("Nu pratar vi om det som är viktigt för dig.", "Tycker du om de som hjälper dig?"):
        assert "one-idea" not in [f.rule for f in check_text(text, "sv").findings], text
    found = check_text("Om du vill, kan vi prata om det som hänt.", "sv").findings
    assert "one-idea" in [f.rule for f in found]
