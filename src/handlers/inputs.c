/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };

/* A remiss's status (admin). */
static const char *const remiss_status_words[] = { "utkast", "oppen",
    "stangd", "beslutad", NULL };

/* An organisation's kind (admin). */
static const char *const org_kind_words[] = { "kommun", "region", "annan",
    NULL };

/* Where the editor moves a section (admin). */
static const char *const direction_words[] = { "upp", "ned", NULL };

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
};
