/* onetime_view.h: the pages of a one-time link (activate, reset) and of "Glömt lösenordet?". */
#ifndef REMISS_ONETIME_VIEW_H
#define REMISS_ONETIME_VIEW_H

#include <stdbool.h>

struct arena;
struct html;
struct onetime_info;

/* The form that sets a password through link token: activation (true) or
 * reset, for whom info names; error (user's language) or NULL; csrf the
 * double-submit token. */
void onetime_form_view(struct html *h, struct arena *a, bool activation,
    const struct onetime_info *info, const char *token, const char *csrf,
    const char *error);

/* The page of a link that does not work: gone (used, superseded or
 * expired) or unknown. */
void onetime_dead_view(struct html *h, bool activation, bool gone);

/* "Glömt lösenordet?": the form (sent false) or the one answer every
 * address gets (sent true); error or NULL above the form. */
void forgot_view(struct html *h, const char *csrf, bool sent,
    const char *error);

#endif
