/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };

/* The response form's buttons (handlers/respond/response_form.c). */
static const char *const form_action_words[] = { "spara", "granska", "skicka",
    "borja-om", NULL };
/* The receipt's other format. */
static const char *const receipt_format_words[] = { "xml", NULL };

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
};
