/* inputs.c: the one table of form and query keys: name, type and limits of each. */
#include "config.h"

#include <stddef.h>

#include "http/input.h"

/* The interface languages (views/i18n.h lang_parse). */
static const char *const lang_words[] = { "sv", "en", NULL };

/* decide: a section's decision and a beslutsförslag's status
 * (core/decisions.h). */
static const char *const decision_kind_words[] = { "oforandrad", "andrad",
    "struken", NULL };
static const char *const decision_status_words[] = { "utkast", "klar",
    NULL };

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
};
