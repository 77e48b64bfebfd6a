/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };
/* Review: positions (core/response_doc.h position_code), a thread's
 * status, a read mark. */
static const char *const position_words[] = { "tillstyrker",
    "tillstyrker-med-andringar", "avstyrker", "inga-synpunkter", NULL };
static const char *const note_status_words[] = { "lost", "oppen", NULL };
static const char *const read_mark_words[] = { "ja", "nej", NULL };

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
};
