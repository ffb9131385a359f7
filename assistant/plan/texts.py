"""Fixed texts of the exports, per language, keyed by message id.

Kept here (not in the gettext catalogs of `assistant.i18n`) so the plan does not wait for
them; the ids are stable, so the table can move into the catalog later. Texts under
`MINE` are client-facing and must be easy-read (a test runs the easy-read checker on them).
"""

from __future__ import annotations

from assistant.plan.model import PlanLang

DRAFT: dict[str, dict[PlanLang, str]] = {
    "title": {
        "fi": "Tukisuunnitelman luonnos",
        "sv": "Utkast till stödplan",
        "en": "Draft support plan",
    },
    "not_decision": {
        "fi": "Tämä on asiakkaan itse valmistelema luonnos, ei päätös. "
        "Palveluja haetaan ja niistä päätetään erikseen.",
        "sv": "Detta är ett utkast som klienten själv har förberett, inte ett beslut. "
        "Tjänster söks och beslutas separat.",
        "en": "This is a draft prepared by the client, not a decision. "
        "Services are applied for and decided separately.",
    },
    "alias": {"fi": "Asiakas", "sv": "Klient", "en": "Client"},
    "prepared": {"fi": "Luonnos tehty", "sv": "Utkastet gjort", "en": "Draft made"},
    "language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "communication": {
        "fi": "Miten asiakas viestii",
        "sv": "Hur klienten kommunicerar",
        "en": "How the client communicates",
    },
    "meetings": {"fi": "Tapaamiset", "sv": "Möten", "en": "Meetings"},
    "present": {"fi": "Paikalla", "sv": "Närvarande", "en": "Present"},
    "participants": {"fi": "Osallistujat", "sv": "Deltagare", "en": "Participants"},
    "consent": {
        "fi": "Kuka saa nähdä suunnitelman",
        "sv": "Vem får se planen",
        "en": "Who may see the plan",
    },
    "consent_none": {
        "fi": "Ei vielä kukaan (asiakas ei ole vielä päättänyt).",
        "sv": "Ingen ännu (klienten har inte bestämt ännu).",
        "en": "Nobody yet (the client has not decided yet).",
    },
    "consent_missing": {
        "fi": "Asiakkaan suostumusta ei ole kirjattu.",
        "sv": "Klientens samtycke har inte antecknats.",
        "en": "The client's consent has not been recorded.",
    },
    "consent_decided": {"fi": "päätetty", "sv": "beslutat", "en": "decided"},
    "aud_caseworker": {"fi": "palveluohjaaja", "sv": "servicehandledare", "en": "caseworker"},
    "aud_supporter": {"fi": "tukihenkilö", "sv": "stödperson", "en": "supporter"},
    "unconfirmed_note": {
        "fi": "Asiakas ei ole vielä vahvistanut kaikkia vastauksia. "
        "Vahvistamattomat vastaukset on merkitty.",
        "sv": "Klienten har inte ännu bekräftat alla svar. Obekräftade svar är markerade.",
        "en": "The client has not yet confirmed all answers. Unconfirmed answers are marked.",
    },
    "question": {"fi": "Kysymys", "sv": "Fråga", "en": "Question"},
    "answer": {"fi": "Vastaus", "sv": "Svar", "en": "Answer"},
    "own_words": {"fi": "Omin sanoin", "sv": "Med egna ord", "en": "In own words"},
    "given_by": {"fi": "Vastaaja", "sv": "Svarade", "en": "Given by"},
    "supported_by": {"fi": "Tukena", "sv": "Med stöd av", "en": "Supported by"},
    "when": {"fi": "Aika", "sv": "Tid", "en": "When"},
    "confirmed": {
        "fi": "Vahvistettu läpikäynnissä",
        "sv": "Bekräftat vid genomgången",
        "en": "Confirmed at read-back",
    },
    "not_confirmed": {
        "fi": "EI VAHVISTETTU",
        "sv": "INTE BEKRÄFTAT",
        "en": "NOT CONFIRMED",
    },
    "differing": {
        "fi": "Eroavat näkemykset",
        "sv": "Olika synsätt",
        "en": "Differing views",
    },
    "differing_intro": {
        "fi": "Kun tukihenkilön näkemys eroaa asiakkaan vastauksesta, molemmat näkyvät rinnakkain.",
        "sv": "När stödpersonens syn skiljer sig från klientens svar visas båda sida vid sida.",
        "en": "Where a supporter's view differs from the client's answer, both are shown.",
    },
    "client_answer": {"fi": "Asiakkaan vastaus", "sv": "Klientens svar", "en": "Client's answer"},
    "other_view": {"fi": "Toinen näkemys", "sv": "Annan syn", "en": "Other view"},
    "not_answered": {
        "fi": "Kysymykset, joihin ei vastattu",
        "sv": "Frågor som inte besvarades",
        "en": "Questions not answered",
    },
    "nothing": {"fi": "Ei vastauksia.", "sv": "Inga svar.", "en": "No answers."},
    "src_client": {"fi": "asiakas", "sv": "klienten", "en": "client"},
    "src_client_with_support": {
        "fi": "asiakas tuettuna",
        "sv": "klienten med stöd",
        "en": "client with support",
    },
    "src_supporter_view": {
        "fi": "tukihenkilön näkemys",
        "sv": "stödpersonens syn",
        "en": "supporter's view",
    },
    "src_facilitator_note": {
        "fi": "ohjaajan muistiinpano",
        "sv": "handledarens anteckning",
        "en": "facilitator's note",
    },
    "st_dont_know": {"fi": "Ei tiedä", "sv": "Vet inte", "en": "Does not know"},
    "st_skip": {"fi": "Ohitettu", "sv": "Hoppades över", "en": "Skipped"},
    "st_later": {
        "fi": "Palataan myöhemmin",
        "sv": "Återkommer senare",
        "en": "To come back to later",
    },
    "st_decline": {
        "fi": "Ei halunnut vastata",
        "sv": "Ville inte svara",
        "en": "Did not want to answer",
    },
    "yes": {"fi": "Kyllä", "sv": "Ja", "en": "Yes"},
    "no": {"fi": "Ei", "sv": "Nej", "en": "No"},
    "like": {"fi": "Pitää", "sv": "Tycker om", "en": "Likes"},
    "unsure": {"fi": "Ei varma", "sv": "Osäker", "en": "Not sure"},
    "dislike": {"fi": "Ei pidä", "sv": "Tycker inte om", "en": "Dislikes"},
    "lang_fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "lang_sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "lang_en": {"fi": "englanti", "sv": "engelska", "en": "English"},
    "role_client": {"fi": "asiakas", "sv": "klient", "en": "client"},
    "role_supporter": {"fi": "tukihenkilö", "sv": "stödperson", "en": "supporter"},
    "role_support_ring": {"fi": "tukirinki", "sv": "stödcirkel", "en": "circle of support"},
    "role_experience_expert": {
        "fi": "kokemusasiantuntija",
        "sv": "erfarenhetsexpert",
        "en": "experience expert",
    },
    "role_relative": {"fi": "omainen tai läheinen", "sv": "anhörig", "en": "relative"},
    "role_caseworker": {"fi": "palveluohjaaja", "sv": "servicehandledare", "en": "caseworker"},
    "role_facilitator": {"fi": "ohjaaja", "sv": "handledare", "en": "facilitator"},
}

SECTION_TITLES: dict[str, dict[PlanLang, str]] = {
    "basic": {"fi": "Perustiedot", "sv": "Grunduppgifter", "en": "Basic details"},
    "own_view": {
        "fi": "Asiakkaan oma näkemys tilanteestaan",
        "sv": "Klientens egen syn på sin situation",
        "en": "The client's own view of their situation",
    },
    "strengths": {
        "fi": "Vahvuudet ja osaaminen",
        "sv": "Styrkor och kunnande",
        "en": "Strengths and what the client is good at",
    },
    "important": {
        "fi": "Asiakkaalle tärkeää",
        "sv": "Viktigt för klienten",
        "en": "Important to the client",
    },
    "dreams_goals": {
        "fi": "Unelmat ja tavoitteet",
        "sv": "Drömmar och mål",
        "en": "Dreams and goals",
    },
    "daily_life": {
        "fi": "Arki ja asuminen",
        "sv": "Vardag och boende",
        "en": "Daily life and home",
    },
    "daytime": {
        "fi": "Työ, opiskelu ja päivätoiminta",
        "sv": "Arbete, studier och dagverksamhet",
        "en": "Work, study and day activity",
    },
    "free_time": {"fi": "Vapaa-aika", "sv": "Fritid", "en": "Free time"},
    "people": {"fi": "Ihmiset", "sv": "Människor", "en": "People"},
    "health_safety": {
        "fi": "Terveys ja turvallisuus",
        "sv": "Hälsa och trygghet",
        "en": "Health and feeling safe",
    },
    "working_not_working": {
        "fi": "Mikä toimii nyt ja mikä ei",
        "sv": "Vad fungerar nu och vad inte",
        "en": "Working and not working now",
    },
    "support_needs": {
        "fi": "Tuen tarpeet ja toivottu tuki",
        "sv": "Stödbehov och önskat stöd",
        "en": "Support needs and how to support",
    },
    "communication": {"fi": "Viestintä", "sv": "Kommunikation", "en": "Communication"},
    "decision_support": {
        "fi": "Tuettu päätöksenteko",
        "sv": "Stött beslutsfattande",
        "en": "Supported decision-making",
    },
    "budget": {
        "fi": "Henkilökohtainen budjetti",
        "sv": "Personlig budget",
        "en": "Personal budget",
    },
    "open_questions": {
        "fi": "Avoimet kysymykset ja seuraavat askeleet",
        "sv": "Öppna frågor och nästa steg",
        "en": "Open questions and next steps",
    },
    "other": {"fi": "Muut vastaukset", "sv": "Övriga svar", "en": "Other answers"},
}

#: Client-facing texts of "My plan": easy-read, first person, short sentences.
MINE: dict[str, dict[PlanLang, str]] = {
    "title": {"fi": "Minun suunnitelmani", "sv": "Min plan", "en": "My plan"},
    "intro": {
        "fi": "Tämä on minun suunnitelmani. Tässä ovat minun vastaukseni.",
        "sv": "Det här är min plan. Här är mina svar.",
        "en": "This is my plan. Here are my answers.",
    },
    "made_on": {"fi": "Tein tämän", "sv": "Jag gjorde den här", "en": "I made this on"},
    "my_answer": {"fi": "Minun vastaukseni", "sv": "Mitt svar", "en": "My answer"},
    "my_words": {"fi": "Minun sanani", "sv": "Mina ord", "en": "My words"},
    "dont_know": {"fi": "En tiedä.", "sv": "Jag vet inte.", "en": "I do not know."},
    "skip": {"fi": "Ohitin tämän.", "sv": "Jag hoppade över den här.", "en": "I skipped this."},
    "later": {
        "fi": "Palaan tähän myöhemmin.",
        "sv": "Jag tar det här senare.",
        "en": "I will come back to this.",
    },
    "decline": {
        "fi": "En halua puhua tästä.",
        "sv": "Jag vill inte prata om det här.",
        "en": "I do not want to talk about this.",
    },
    "yes": {"fi": "Kyllä", "sv": "Ja", "en": "Yes"},
    "no": {"fi": "Ei", "sv": "Nej", "en": "No"},
    "like": {"fi": "Pidän", "sv": "Jag tycker om det", "en": "I like it"},
    "unsure": {"fi": "Ehkä", "sv": "Kanske", "en": "Maybe"},
    "dislike": {"fi": "En pidä", "sv": "Jag tycker inte om det", "en": "I do not like it"},
    "who_sees": {"fi": "Kuka näkee tämän?", "sv": "Vem ser den här?", "en": "Who sees this?"},
    "sees_nobody": {
        "fi": "En ole vielä päättänyt.",
        "sv": "Jag har inte bestämt ännu.",
        "en": "I have not decided yet.",
    },
    "sees_caseworker": {
        "fi": "Palveluohjaaja saa nähdä tämän.",
        "sv": "Min servicehandledare får se den.",
        "en": "My caseworker can see this.",
    },
    "sees_supporter": {
        "fi": "Tukihenkilö saa nähdä tämän.",
        "sv": "Min stödperson får se den.",
        "en": "My supporter can see this.",
    },
    "draft": {
        "fi": "Tämä on minun ehdotukseni. Se ei ole päätös.",
        "sv": "Det här är mitt förslag. Det är inte ett beslut.",
        "en": "This is my idea. It is not a decision.",
    },
    "s_basic": {"fi": "Minusta", "sv": "Om mig", "en": "About me"},
    "s_own_view": {"fi": "Minun elämäni", "sv": "Mitt liv", "en": "My life"},
    "s_strengths": {"fi": "Osaan hyvin", "sv": "Jag är bra på", "en": "I am good at"},
    "s_important": {"fi": "Minulle tärkeää", "sv": "Viktigt för mig", "en": "Important to me"},
    "s_dreams_goals": {"fi": "Minun unelmani", "sv": "Mina drömmar", "en": "My dreams"},
    "s_daily_life": {"fi": "Minun arkeni", "sv": "Min vardag", "en": "My days"},
    "s_daytime": {"fi": "Minun päiväni", "sv": "Mina dagar", "en": "My daytime"},
    "s_free_time": {"fi": "Minun vapaa-aikani", "sv": "Min fritid", "en": "My free time"},
    "s_people": {"fi": "Minun ihmiseni", "sv": "Mina människor", "en": "My people"},
    "s_health_safety": {
        "fi": "Voin hyvin",
        "sv": "Jag mår bra",
        "en": "I feel well",
    },
    "s_working_not_working": {
        "fi": "Mikä toimii nyt",
        "sv": "Vad fungerar nu",
        "en": "What works now",
    },
    "s_support_needs": {"fi": "Tarvitsen apua", "sv": "Jag behöver hjälp", "en": "I need help"},
    "s_communication": {"fi": "Näin kerron", "sv": "Så berättar jag", "en": "How I tell things"},
    "s_decision_support": {"fi": "Näin päätän", "sv": "Så bestämmer jag", "en": "How I decide"},
    "s_budget": {"fi": "Minun rahani", "sv": "Mina pengar", "en": "My money"},
    "s_open_questions": {"fi": "Lopuksi", "sv": "Till sist", "en": "At the end"},
    "s_other": {"fi": "Muuta", "sv": "Annat", "en": "Other things"},
}


def draft_text(key: str, lang: PlanLang) -> str:
    return DRAFT[key][lang]


def section_title(section: str, lang: PlanLang) -> str:
    return SECTION_TITLES.get(section, SECTION_TITLES["other"])[lang]


def mine_text(key: str, lang: PlanLang) -> str:
    return MINE[key][lang]
