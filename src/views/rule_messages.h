/* rule_messages.h: the one mapping from the core's rule codes (core/rule_codes.h) to the
 * sentence the user reads, in the language of the request; remissd and remissctl share it. */
#ifndef REMISS_RULE_MESSAGES_H
#define REMISS_RULE_MESSAGES_H

#include "core/rule_codes.h"

struct arena;
struct rule_errors;

/* The sentence for m (allocated in a when it names a parameter), or NULL
 * when m is NULL or RULE_NONE. */
const char *rule_message(struct arena *a, const struct rule_msg *m);

/* The sentence recorded in e for field, or NULL. */
const char *rule_error_text(struct arena *a, const struct rule_errors *e,
    const char *field);

#endif
