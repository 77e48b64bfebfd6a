/* mail_test.h: the wording of the test message that `remissctl mail test` queues. */
#ifndef REMISS_MAIL_TEST_H
#define REMISS_MAIL_TEST_H

#include "views/i18n.h"

struct arena;
struct mail_draft;

/* Fills d (kind "test", to, subject, text and HTML from a) in lang, and
 * restores the language that was current. Returns 0, or -1 on OOM. */
int mail_test_render(struct arena *a, enum lang lang, const char *to,
    struct mail_draft *d);

#endif
