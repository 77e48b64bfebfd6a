/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };

/* Issue 18: a remiss document's kind; what the documents and dispatch
 * pages say was just done (handlers/admin/remiss_documents.c). */
static const char *const rdoc_kind_words[] = { "forslag", "missiv", "bilaga",
    NULL };
static const char *const rmail_done_words[] = { "uppladdad", "borttagen",
    "skickat", "paminnelser", NULL };

/* Review: positions (core/response_doc.h position_code), a thread's
 * status, a read mark. */
static const char *const position_words[] = { "tillstyrker",
    "tillstyrker-med-andringar", "avstyrker", "inga-synpunkter", NULL };
static const char *const note_status_words[] = { "lost", "oppen", NULL };
static const char *const read_mark_words[] = { "ja", "nej", NULL };

/* publish: the notices after a change, the way back to the preview, what
 * to do with an attachment (handlers/publish/redaction.c's order). */
static const char *const notice_words[] = { "publicerad", "avpublicerad",
    "havd", "sekretess", NULL };
static const char *const back_words[] = { "forhandsgranska", NULL };
static const char *const action_words[] = { "dolj", "ersatt", NULL };

/* An organisation's kind (organisations.kind): the matrix's filter, the
 * overview's new organisation. */
static const char *const org_kind_words[] = { "kommun", "region",
    "myndighet", "forening", "annan", NULL };

/* What happens to a deleted theme's tags. */
static const char *const tags_fate_words[] = { "ta-bort", "flytta", NULL };

/* decide: a section's decision and a beslutsförslag's status
 * (core/decisions.h). */
static const char *const decision_kind_words[] = { "oforandrad", "andrad",
    "struken", NULL };
static const char *const decision_status_words[] = { "utkast", "klar",
    NULL };

/* The response form's buttons (handlers/respond/response_form.c). */
static const char *const form_action_words[] = { "spara", "granska", "skicka",
    "borja-om", NULL };
/* The receipt's other formats (RECEIPT_XML, RECEIPT_PDF in
 * handlers/respond/remiss_pages.c). */
static const char *const receipt_format_words[] = { "xml", "pdf", NULL };

/* A remiss's status (admin). */
static const char *const remiss_status_words[] = { "utkast", "oppen",
    "stangd", "beslutad", NULL };

/* Issue 18 (m18-orgs): every kind of organisation (organisations.kind),
 * and where the remisslista's forms return. */
static const char *const org_kind_all_words[] = { "kommun", "region",
    "myndighet", "forening", "annan", NULL };
static const char *const rl_back_words[] = { "remisslista", NULL };

/* Where the editor moves a section (admin). */
static const char *const direction_words[] = { "upp", "ned", NULL };

/* Issue 18, accounts: a person's role, what a people page says was
 * done. */
static const char *const person_role_words[] = { "kommun", "granskare",
    "forvaltning", "admin", NULL };
static const char *const people_done_words[] = { "inbjuden", "sparad",
    "avstangd", "oppnad", "ny-inbjudan", "aterkallad", NULL };

/*
 * One row per enum input_key (http/input.h), grouped by area like the
 * enum. A limit here is the one the form and the database share: a value
 * over it is INPUT_INVALID in the handler's slot, never cut.
 */
const struct input_def input_defs[IN__MAX] = {
	/* site */
	[IN_EMAIL] = { .name = "email", .type = INPUT_TEXT },
	[IN_PASSWORD] = { .name = "password", .type = INPUT_TEXT },
	[IN_NEXT] = { .name = "next", .type = INPUT_TEXT, .flags = INPUT_LINE,
	    .maxlen = 2048 },
	[IN_LANG] = { .name = "lang", .type = INPUT_ENUM, .words = lang_words },
	[IN_SAVED] = { .name = "sparat", .type = INPUT_BOOL },
	[IN_REVOKED] = { .name = "aterkallad", .type = INPUT_BOOL },
	/* decide: meetings (the limits and the date's forms are
	 * core/meeting_rules.c's, which names the field in its message) */
	[IN_MEETING_DATE] = { .name = "datum", .type = INPUT_TEXT },
	[IN_MEETING_TITLE] = { .name = "rubrik", .type = INPUT_TEXT },
	[IN_MEETING_PLACE] = { .name = "plats", .type = INPUT_TEXT },
	[IN_MEETING_NOTES] = { .name = "anteckningar", .type = INPUT_TEXT },
	[IN_MEETING_PARTICIPANTS] = { .name = "deltagare", .type = INPUT_TEXT },
	[IN_MEETING_VERSION] = { .name = "version", .type = INPUT_INT,
	    .min = 1, .max = 1000000000 },
	[IN_MEETING_ORGS] = { .name = "organisation", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[IN_MEETING_SECTIONS] = { .name = "avsnitt", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[IN_MEETING_THEMES] = { .name = "tema", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[IN_MEETING_SECTION_NR] = { .name = "avsnitt", .type = INPUT_TEXT,
	    .flags = INPUT_LINE },
	/* publish; the limits the core checks in bytes too (core/redactions.c) */
	[IN_NOTICE] = { .name = "meddelande", .type = INPUT_ENUM,
	    .words = notice_words },
	[IN_VERSIONS] = { .name = "versioner", .type = INPUT_TEXT,
	    .flags = INPUT_LINE },
	[IN_REASON] = { .name = "skal", .type = INPUT_TEXT, .flags = INPUT_LINE,
	    .maxlen = 500 },
	[IN_BACK] = { .name = "tillbaka", .type = INPUT_ENUM,
	    .words = back_words },
	[IN_VERSION] = { .name = "version", .type = INPUT_ID },
	[IN_PASSAGE] = { .name = "stycke", .type = INPUT_TEXT },
	[IN_FIELD] = { .name = "falt", .type = INPUT_TEXT },
	[IN_START] = { .name = "start", .type = INPUT_INT, .min = 0,
	    .max = 2147483647 },
	[IN_WHOLE_FIELD] = { .name = "falt_helt", .type = INPUT_TEXT },
	[IN_ATTACHMENT_NR] = { .name = "bilaga", .type = INPUT_INT, .min = 1,
	    .max = 1000 },
	[IN_ACTION] = { .name = "atgard", .type = INPUT_ENUM,
	    .words = action_words },
	[IN_GROUND] = { .name = "grund", .type = INPUT_TEXT, .flags = INPUT_LINE,
	    .maxlen = 300 },
	[IN_REPLACEMENT_FILE] = { .name = "ersattning", .type = INPUT_FILE },
	/* review: matrix, analysis, themes */
	[IN_MATRIX_SECTION] = { .name = "avsnitt", .type = INPUT_TEXT },
	[IN_MATRIX_THEME] = { .name = "tema", .type = INPUT_ID },
	[IN_MATRIX_POSITION] = { .name = "stallning", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_MATRIX_KIND] = { .name = "typ", .type = INPUT_ENUM,
	    .words = org_kind_words },
	[IN_MATRIX_TEXT] = { .name = "q", .type = INPUT_TEXT },
	[IN_MATRIX_PAGE] = { .name = "sida", .type = INPUT_ID },
	[IN_ANALYSIS_SECTION] = { .name = "avsnitt", .type = INPUT_TEXT },
	/* One line (TAB allowed), as the group form has always taken. */
	[IN_GROUP_NAME] = { .name = "namn", .type = INPUT_TEXT, .maxlen = 800 },
	[IN_GROUP_ANSWERS] = { .name = "svar", .type = INPUT_TEXT,
	    .flags = INPUT_LINE },
	[IN_THEME_NAME] = { .name = "namn", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 200 },
	[IN_THEME_DESCRIPTION] = { .name = "beskrivning", .type = INPUT_TEXT },
	[IN_THEME_PARENT] = { .name = "overordnat", .type = INPUT_ID },
	[IN_MERGE_WITH] = { .name = "med", .type = INPUT_ID },
	[IN_TAGS_FATE] = { .name = "taggar", .type = INPUT_ENUM,
	    .words = tags_fate_words },
	[IN_MOVE_TO] = { .name = "till", .type = INPUT_ID },
	/* review: section, post, lists */
	[IN_REVIEW_BACK] = { .name = "tillbaka", .type = INPUT_TEXT,
	    .flags = INPUT_LINE },
	[IN_REVIEW_NOTICE] = { .name = "meddelande", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_SEARCH_TEXT] = { .name = "q", .type = INPUT_TEXT },
	[IN_SEARCH_POSITION] = { .name = "stallning", .type = INPUT_ENUM,
	    .words = position_words },
	[IN_SEARCH_KIND] = { .name = "typ", .type = INPUT_TEXT },
	[IN_SEARCH_THEME] = { .name = "tema", .type = INPUT_ID },
	[IN_TAG_THEME] = { .name = "tema", .type = INPUT_ID },
	[IN_ANSWER_RESPONSE] = { .name = "svar", .type = INPUT_ID },
	[IN_ANSWER_SECTION] = { .name = "avsnitt", .type = INPUT_ID },
	[IN_ANSWER_QUESTION] = { .name = "fraga", .type = INPUT_ID },
	[IN_ANSWER_VERSION] = { .name = "version", .type = INPUT_ID },
	[IN_PASSAGE_QUOTE] = { .name = "citat", .type = INPUT_TEXT },
	[IN_PASSAGE_FIELD] = { .name = "falt", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_PASSAGE_START] = { .name = "start", .type = INPUT_INT, .min = 0,
	    .max = LONG_MAX },
	[IN_NOTE_TEXT] = { .name = "text", .type = INPUT_TEXT },
	[IN_NOTE_THREAD] = { .name = "trad", .type = INPUT_ID },
	[IN_NOTE_STATUS] = { .name = "status", .type = INPUT_ENUM,
	    .words = note_status_words },
	[IN_READ_MARK] = { .name = "last", .type = INPUT_ENUM,
	    .words = read_mark_words },
	/* decide: decisions, summaries (their lengths are checked by the
	 * forms, which say so beside the field) */
	[IN_DECISION_KIND] = { .name = "beslut", .type = INPUT_ENUM,
	    .words = decision_kind_words },
	[IN_DECISION_TEXT] = { .name = "text", .type = INPUT_TEXT },
	[IN_DECISION_MOTIVATION] = { .name = "motivering", .type = INPUT_TEXT },
	[IN_DECISION_STATUS] = { .name = "status", .type = INPUT_ENUM,
	    .words = decision_status_words },
	[IN_DECISION_LOCK] = { .name = "lock", .type = INPUT_INT, .min = 0,
	    .max = 100000000 },
	[IN_DECISION_REF] = { .name = "ref", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[IN_DECISION_NR] = { .name = "nr", .type = INPUT_TEXT },
	[IN_DECISION_HEADING] = { .name = "rubrik", .type = INPUT_TEXT },
	[IN_SUMMARY_SECTION] = { .name = "avsnitt", .type = INPUT_TEXT },
	[IN_SUMMARY_THEME] = { .name = "tema", .type = INPUT_ID },
	[IN_SUMMARY_DRAFT] = { .name = "utkast", .type = INPUT_TEXT },
	[IN_SUMMARY_TEXT] = { .name = "text", .type = INPUT_TEXT },
	[IN_SUMMARY_VERSION] = { .name = "version", .type = INPUT_INT,
	    .min = 0, .max = 1000000 },
	[IN_SUMMARY_REF] = { .name = "ref", .type = INPUT_TEXT,
	    .flags = INPUT_LIST },
	/* respond */
	[IN_FROM] = { .name = "fran", .type = INPUT_ID },
	[IN_TO] = { .name = "till", .type = INPUT_ID },
	[IN_RESTARTED] = { .name = "borjat", .type = INPUT_BOOL },
	[IN_RECEIPT_FORMAT] = { .name = "format", .type = INPUT_ENUM,
	    .words = receipt_format_words },
	[IN_FORM_ACTION] = { .name = "action", .type = INPUT_ENUM,
	    .words = form_action_words },
	[IN_FORM_LOCK] = { .name = "lock", .type = INPUT_INT, .min = 0,
	    .max = 1000000000 },
	[IN_FORM_KEY] = { .name = "nyckel", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 128 },
	[IN_FILE_DELETE] = { .name = "ta_bort_bilaga", .type = INPUT_ID },
	[IN_ARRIVED_ON] = { .name = "ankomstdatum", .type = INPUT_DATE,
	    .flags = INPUT_TRIM },
	[IN_ATTACHMENT_FILES] = { .name = "bilaga", .type = INPUT_FILE,
	    .flags = INPUT_LIST },
	[IN_READ_FILE] = { .name = "dokument", .type = INPUT_FILE },
	/* The form's texts: trimmed, with the limits of their fields checked
	 * by the form's mapper, which names the field's own error. */
	[IN_RF_POSITION] = { .name = "stallningstagande", .type = INPUT_TEXT },
	[IN_RF_SUMMARY] = { .name = "sammanfattning", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_DECISION_BODY] = { .name = "beslut_instans", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_DECISION_DATE] = { .name = "beslut_datum", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_DIARIENUMMER] = { .name = "diarienummer", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_CONTACT_NAME] = { .name = "kontakt_namn", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_CONTACT_EMAIL] = { .name = "kontakt_epost", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_CONTACT_PHONE] = { .name = "kontakt_telefon", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM },
	[IN_RF_SECTION_POSITION] = { .name = "a-", .suffix = "-position",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX },
	[IN_RF_SECTION_COMMENT] = { .name = "a-", .suffix = "-kommentar",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_SECTION_WORDING] = { .name = "a-", .suffix = "-lydelse",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_QUESTION_POSITION] = { .name = "q-", .suffix = "-position",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX },
	[IN_RF_QUESTION_COMMENT] = { .name = "q-", .suffix = "-kommentar",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_QUESTION_REGION] = { .name = "q-", .suffix = "-region",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_QUESTION_KOMMUN] = { .name = "q-", .suffix = "-kommun",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_QUESTION_SHORT] = { .name = "q-", .suffix = "-kort",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	[IN_RF_QUESTION_LONG] = { .name = "q-", .suffix = "-lang",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_TRIM },
	/* admin */
	[IN_AUDIT_ACTION] = { .name = "handelse", .type = INPUT_TEXT,
	    .maxlen = 64 },
	[IN_AUDIT_ACTOR] = { .name = "vem", .type = INPUT_TEXT, .maxlen = 200 },
	[IN_AUDIT_TYPE] = { .name = "typ", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_AUDIT_FROM] = { .name = "fran", .type = INPUT_DATE },
	[IN_AUDIT_TO] = { .name = "till", .type = INPUT_DATE },
	[IN_AUDIT_BEFORE] = { .name = "fore", .type = INPUT_ID },
	[IN_REMISS_STATUS] = { .name = "status", .type = INPUT_ENUM,
	    .words = remiss_status_words },
	[IN_EXTEND_ORG] = { .name = "org", .type = INPUT_ID },
	[IN_EXTEND_DATE] = { .name = "datum", .type = INPUT_DATE },
	[IN_INVITE_NAME] = { .name = "namn", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 200 },
	[IN_INVITE_KIND] = { .name = "typ", .type = INPUT_ENUM,
	    .words = org_kind_words },
	[IN_REMISS_FILE] = { .name = "remiss", .type = INPUT_FILE },
	/* The remiss editor: texts are checked by core/remiss_rules.c, which
	 * says what is wrong beside the field. */
	[IN_EDIT_LOCK] = { .name = "lock", .type = INPUT_INT, .min = 0,
	    .max = 2147483647 },
	[IN_EDIT_DONE] = { .name = "klart", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_EDIT_SLUG] = { .name = "slug", .type = INPUT_TEXT },
	[IN_EDIT_TITLE] = { .name = "titel", .type = INPUT_TEXT },
	[IN_EDIT_SENDER] = { .name = "avsandare", .type = INPUT_TEXT },
	[IN_EDIT_DIARIENUMMER] = { .name = "diarienummer", .type = INPUT_TEXT },
	[IN_EDIT_DESCRIPTION] = { .name = "beskrivning", .type = INPUT_TEXT },
	[IN_EDIT_OPENS] = { .name = "oppnar", .type = INPUT_TEXT },
	[IN_EDIT_CLOSES] = { .name = "sista_svarsdag", .type = INPUT_TEXT },
	[IN_EDIT_OPEN] = { .name = "oppna", .type = INPUT_BOOL },
	[IN_EDIT_NEW_NR] = { .name = "ny-nr", .type = INPUT_TEXT },
	[IN_EDIT_NEW_HEADING] = { .name = "ny-rubrik", .type = INPUT_TEXT },
	[IN_EDIT_NEW_TEXT] = { .name = "ny-text", .type = INPUT_TEXT },
	[IN_EDIT_SECTION_NR] = { .name = "s", .suffix = "-nr",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	[IN_EDIT_SECTION_HEADING] = { .name = "s", .suffix = "-rubrik",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	[IN_EDIT_SECTION_TEXT] = { .name = "s", .suffix = "-text",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	[IN_EDIT_DIRECTION] = { .name = "riktning", .type = INPUT_ENUM,
	    .words = direction_words },
	[IN_EDIT_QUESTION_SECTION] = { .name = "avsnitt", .type = INPUT_INT,
	    .min = 0, .max = LONG_MAX },
	/* The whole remiss's new question is nq0-: KEY is a word. */
	[IN_EDIT_NEWQ_ID] = { .name = "nq", .suffix = "-id", .type = INPUT_TEXT,
	    .flags = INPUT_PREFIX },
	[IN_EDIT_NEWQ_KIND] = { .name = "nq", .suffix = "-typ",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX },
	[IN_EDIT_NEWQ_TEXT] = { .name = "nq", .suffix = "-text",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX },
	[IN_EDIT_QUESTION_ID] = { .name = "q", .suffix = "-id",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	[IN_EDIT_QUESTION_KIND] = { .name = "q", .suffix = "-typ",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	[IN_EDIT_QUESTION_TEXT] = { .name = "q", .suffix = "-text",
	    .type = INPUT_TEXT, .flags = INPUT_PREFIX | INPUT_KEY_ID },
	/* Issue 18, accounts. A token is 64 hex digits; anything longer is
	 * invalid (and unknown to the handler). */
	[IN_LINK_TOKEN] = { .name = "t", .type = INPUT_TEXT,
	    .flags = INPUT_LINE, .maxlen = 64 },
	[IN_NEW_PASSWORD] = { .name = "losenord", .type = INPUT_TEXT },
	[IN_NEW_PASSWORD2] = { .name = "losenord2", .type = INPUT_TEXT },
	[IN_PERSON_NAME] = { .name = "namn", .type = INPUT_TEXT,
	    .flags = INPUT_LINE | INPUT_TRIM, .maxlen = 200 },
	[IN_PERSON_ROLE] = { .name = "roll", .type = INPUT_ENUM,
	    .words = person_role_words },
	[IN_PERSON_ORG] = { .name = "organisation", .type = INPUT_ID },
	[IN_PERSON_ORG_ADMIN] = { .name = "org_admin", .type = INPUT_BOOL },
	[IN_PEOPLE_DONE] = { .name = "klart", .type = INPUT_ENUM,
	    .words = people_done_words },
	[IN_TOKEN_LABEL] = { .name = "etikett", .type = INPUT_TEXT,
	    .flags = INPUT_LINE | INPUT_TRIM, .maxlen = 200 },
	/* Issue 18, organisations, remisslista, referensgrupp (m18-orgs); the
	 * fields' own rules are core/org_rules.c's, which the handler names
	 * beside the field. */
	[IN_ORG_NAME] = { .name = "namn", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_ORG_KIND] = { .name = "typ", .type = INPUT_ENUM,
	    .words = org_kind_all_words },
	[IN_ORG_ORGNR] = { .name = "orgnr", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_ORG_REGISTRY] = { .name = "registratur", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_ORG_FILE] = { .name = "fil", .type = INPUT_FILE },
	[IN_ORG_CSV] = { .name = "csv", .type = INPUT_TEXT },
	[IN_CONTACT_NAME] = { .name = "kontakt_namn", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_CONTACT_TITLE] = { .name = "kontakt_titel", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_CONTACT_EMAIL] = { .name = "kontakt_epost", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_CONTACT_ID] = { .name = "kontakt", .type = INPUT_ID },
	[IN_RL_ORGS] = { .name = "organisation", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[IN_RL_KIND] = { .name = "alla", .type = INPUT_ENUM,
	    .words = org_kind_all_words },
	[IN_RL_ADDRESS] = { .name = "adress", .type = INPUT_TEXT,
	    .flags = INPUT_TRIM, .maxlen = 1000 },
	[IN_RL_BACK] = { .name = "tillbaka", .type = INPUT_ENUM,
	    .words = rl_back_words },
	[IN_RG_USER] = { .name = "person", .type = INPUT_ID },
	/* Issue 18, remiss documents and dispatch. */
	[IN_RDOC_FILE] = { .name = "fil", .type = INPUT_FILE },
	[IN_RDOC_KIND] = { .name = "typ", .type = INPUT_ENUM,
	    .words = rdoc_kind_words },
	[IN_RDOC_TITLE] = { .name = "rubrik", .type = INPUT_TEXT,
	    .flags = INPUT_LINE | INPUT_TRIM, .maxlen = 300 },
	[IN_REMINDER_DAYS] = { .name = "dagar", .type = INPUT_INT, .min = 0,
	    .max = 60, .flags = INPUT_TRIM },
	[IN_RMAIL_DONE] = { .name = "klart", .type = INPUT_ENUM,
	    .words = rmail_done_words },
	/* Issue 18, mail delivery */
	[IN_MAIL_ID] = { .name = "id", .type = INPUT_ID },
	[IN_MAIL_AGAIN] = { .name = "igen", .type = INPUT_BOOL },
};
