/* rule_messages.h: the one mapping from the core's rule codes (core/rule_codes.h) to the
 * sentence the user reads, in the language of the request; remissd and remissctl share it. */
#ifndef REMISS_RULE_MESSAGES_H
#define REMISS_RULE_MESSAGES_H

#include <stdbool.h>

#include "core/rule_codes.h"

struct arena;
struct remiss_edit;
struct rule_errors;

/* The sentence for m (allocated in a when it names a parameter), or NULL
 * when m is NULL or RULE_NONE. */
const char *rule_message(struct arena *a, const struct rule_msg *m);

/* The sentence recorded in e for field, or NULL. */
const char *rule_error_text(struct arena *a, const struct rule_errors *e,
    const char *field);

/* Why the section or question it may not be retired, worded for the
 * editor or, when for_import, for an import file; never NULL. */
const char *answered_message(struct arena *a, const struct answered_item *it,
    bool for_import);

/* The message of an EDIT_CONFLICT or EDIT_REFUSED of e (its answered items
 * one after the other); never NULL. */
const char *edit_refusal_message(struct arena *a, const struct remiss_edit *e);

#endif
