"""Fixed texts of the exports: English message ids in the gettext catalogs, by key.

The catalogs (`assistant/i18n/locale/*/LC_MESSAGES/haave.po`) hold their translations with a
context: "draft", "role" and "plan section" for the caseworker's draft, "my plan" for the
client's own easy-read copy (the easy-read check covers that context, as it covers the UI's
strings). `make i18n` finds them through the `NC_` marker.
"""

from __future__ import annotations

from assistant.i18n import NC_, pgettext

DRAFT: dict[str, str] = {
    "title": NC_("draft", "Draft support plan"),
    "not_decision": NC_(
        "draft",
        "This is a draft prepared by the client, not a decision. "
        "Services are applied for and decided separately.",
    ),
    "alias": NC_("draft", "Client"),
    "prepared": NC_("draft", "Draft made"),
    "language": NC_("draft", "Language"),
    "communication": NC_("draft", "How the client communicates"),
    "meetings": NC_("draft", "Meetings"),
    "present": NC_("draft", "Present"),
    "participants": NC_("draft", "Participants"),
    "consent": NC_("draft", "Who may see the plan"),
    "consent_none": NC_("draft", "Nobody yet (the client has not decided yet)."),
    "consent_missing": NC_("draft", "The client's consent has not been recorded."),
    "consent_decided": NC_("draft", "decided"),
    "aud_caseworker": NC_("draft", "caseworker"),
    "aud_supporter": NC_("draft", "supporter"),
    "unconfirmed_note": NC_(
        "draft", "The client has not yet confirmed all answers. Unconfirmed answers are marked."
    ),
    "question": NC_("draft", "Question"),
    "answer": NC_("draft", "Answer"),
    "own_words": NC_("draft", "In own words"),
    "given_by": NC_("draft", "Given by"),
    "supported_by": NC_("draft", "Supported by"),
    "when": NC_("draft", "When"),
    "confirmed": NC_("draft", "Confirmed at read-back"),
    "not_confirmed": NC_("draft", "NOT CONFIRMED"),
    "differing": NC_("draft", "Differing views"),
    "differing_intro": NC_(
        "draft", "Where a supporter's view differs from the client's answer, both are shown."
    ),
    "client_answer": NC_("draft", "Client's answer"),
    "other_view": NC_("draft", "Other view"),
    "not_answered": NC_("draft", "Questions not answered"),
    "nothing": NC_("draft", "No answers."),
    "src_client": NC_("draft", "client"),
    "src_client_with_support": NC_("draft", "client with support"),
    "src_supporter_view": NC_("draft", "supporter's view"),
    "src_facilitator_note": NC_("draft", "facilitator's note"),
    "st_dont_know": NC_("draft", "Does not know"),
    "st_skip": NC_("draft", "Skipped"),
    "st_later": NC_("draft", "To come back to later"),
    "st_decline": NC_("draft", "Did not want to answer"),
    "yes": NC_("draft", "Yes"),
    "no": NC_("draft", "No"),
    "like": NC_("draft", "Likes"),
    "unsure": NC_("draft", "Not sure"),
    "dislike": NC_("draft", "Dislikes"),
    "summary": NC_("draft", "Summary"),
    "sum_important": NC_("draft", "Most important to the client (the client's own pick)"),
    "sum_important_none": NC_("draft", "The client has not picked the most important things."),
    "sum_dreams": NC_("draft", "Dreams and first steps"),
    "sum_working": NC_("draft", "What works"),
    "sum_not_working": NC_("draft", "What does not work"),
    "sum_help": NC_("draft", "Where help is needed, and how"),
    "sum_next_steps": NC_("draft", "Next steps and the client's questions"),
    "sum_declined": NC_("draft", "Declined or left for later"),
    "details": NC_("draft", "Answers by theme"),
    "view_ways": NC_("draft", "How the client's view was obtained"),
    "ways_none": NC_("draft", "Not recorded"),
    "way_speech": NC_("draft", "speech"),
    "way_pictures": NC_("draft", "pictures"),
    "way_talking_mat": NC_("draft", "the topic mat (Talking Mats)"),
    "way_signs": NC_("draft", "signs"),
    "way_device": NC_("draft", "a communication device"),
    "way_interpreter": NC_("draft", "an interpreter"),
    "mat": NC_("draft", "Topic mat"),
    "mat_set_aside": NC_("draft", "Did not want to talk about"),
    "mat_unplaced": NC_("draft", "Not placed"),
    "mat_confirmed": NC_("draft", "The client confirmed the whole mat."),
    "mat_not_confirmed": NC_("draft", "The client has not confirmed the whole mat."),
    "credit": NC_("draft", "Symbols: OpenMoji (openmoji.org), licence CC BY-SA 4.0."),
    "lang_fi": NC_("draft", "Finnish"),
    "lang_sv": NC_("draft", "Swedish"),
    "lang_en": NC_("draft", "English"),
    "role_client": NC_("role", "client"),
    "role_supporter": NC_("role", "supporter"),
    "role_support_ring": NC_("role", "circle of support"),
    "role_experience_expert": NC_("role", "experience expert"),
    "role_relative": NC_("role", "relative"),
    "role_caseworker": NC_("role", "caseworker"),
    "role_facilitator": NC_("role", "facilitator"),
}

SECTION_TITLES: dict[str, str] = {
    "basic": NC_("plan section", "Basic details"),
    "own_view": NC_("plan section", "The client's own view of their situation"),
    "strengths": NC_("plan section", "Strengths and what the client is good at"),
    "important": NC_("plan section", "Important to the client"),
    "dreams_goals": NC_("plan section", "Dreams and goals"),
    "daily_life": NC_("plan section", "Daily life and home"),
    "daytime": NC_("plan section", "Work, study and day activity"),
    "free_time": NC_("plan section", "Free time"),
    "people": NC_("plan section", "People"),
    "health_safety": NC_("plan section", "Health and feeling safe"),
    "working_not_working": NC_("plan section", "Working and not working now"),
    "support_needs": NC_("plan section", "Support needs and how to support"),
    "communication": NC_("plan section", "Communication"),
    "decision_support": NC_("plan section", "Supported decision-making"),
    "budget": NC_("plan section", "Personal budget"),
    "open_questions": NC_("plan section", "Open questions and next steps"),
    "other": NC_("plan section", "Other answers"),
}

#: Client-facing texts of "My plan": easy-read, first person, short sentences. A heading
#: names a topic; it never says something the client did not say ("I feel well", "I need
#: help" would put words in their mouth over whatever they answered).
MINE: dict[str, str] = {
    "title": NC_("my plan", "My plan"),
    "intro": NC_("my plan", "This is my plan. Here are my answers."),
    "made_on": NC_("my plan", "I made this on"),
    "my_answer": NC_("my plan", "My answer"),
    "my_words": NC_("my plan", "My words"),
    "dont_know": NC_("my plan", "I do not know."),
    "skip": NC_("my plan", "I skipped this."),
    "later": NC_("my plan", "I will come back to this."),
    "decline": NC_("my plan", "I do not want to talk about this."),
    "yes": NC_("my plan", "Yes"),
    "no": NC_("my plan", "No"),
    "like": NC_("my plan", "I like it"),
    "unsure": NC_("my plan", "I am not sure"),
    "dislike": NC_("my plan", "I do not like it"),
    "who_sees": NC_("my plan", "Who sees this?"),
    "sees_nobody": NC_("my plan", "I have not decided yet."),
    "sees_caseworker": NC_("my plan", "My caseworker can see this."),
    "sees_supporter": NC_("my plan", "My supporter can see this."),
    "draft": NC_("my plan", "This is my idea. It is not a decision."),
    "s_basic": NC_("my plan", "About me"),
    "s_own_view": NC_("my plan", "My life"),
    "s_strengths": NC_("my plan", "What I am good at"),
    "s_important": NC_("my plan", "Important to me"),
    "s_dreams_goals": NC_("my plan", "My dreams"),
    "s_daily_life": NC_("my plan", "My days"),
    "s_daytime": NC_("my plan", "My daytime"),
    "s_free_time": NC_("my plan", "My free time"),
    "s_people": NC_("my plan", "My people"),
    "s_health_safety": NC_("my plan", "Health and feeling safe"),
    "s_working_not_working": NC_("my plan", "Help now"),
    "s_support_needs": NC_("my plan", "Support"),
    "s_communication": NC_("my plan", "How I tell things"),
    "s_decision_support": NC_("my plan", "How I decide"),
    "s_budget": NC_("my plan", "Personal budget"),
    "s_open_questions": NC_("my plan", "At the end"),
    "s_other": NC_("my plan", "Other things"),
    "important": NC_("my plan", "Most important to me"),
    "my_mat": NC_("my plan", "My mat"),
    "mat_set_aside": NC_("my plan", "I do not want to talk about this."),
    "mat_unplaced": NC_("my plan", "I did not put these on the mat."),
    "p_title": NC_("my plan", "About me on one page"),
    "p_admired": NC_("my plan", "What people like and admire about me"),
    "p_important": NC_("my plan", "What is important to me"),
    "p_support": NC_("my plan", "How best to support me"),
}


def draft_text(key: str, lang: str) -> str:
    context = "role" if key.startswith("role_") else "draft"
    return pgettext(context, DRAFT[key], lang)


def section_title(section: str, lang: str) -> str:
    return pgettext("plan section", SECTION_TITLES.get(section, SECTION_TITLES["other"]), lang)


def mine_text(key: str, lang: str) -> str:
    return pgettext("my plan", MINE[key], lang)
