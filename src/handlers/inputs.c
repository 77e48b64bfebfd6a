/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };

/* The matrix's kinds of organisation (organisations.kind). */
static const char *const org_kind_words[] = { "kommun", "region", "annan",
    NULL };

/* What happens to a deleted theme's tags. */
static const char *const tags_fate_words[] = { "ta-bort", "flytta", NULL };

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
};
