/* login_view.h: the login form. */
#ifndef REMISS_LOGIN_VIEW_H
#define REMISS_LOGIN_VIEW_H

struct html;

/* Writes the whole login page into h: error (in the user's language, or
 * NULL) above the form, the form with its double-submit token csrf, the
 * page to return to (next, a checked path) and the e-mail address typed
 * before (email, or NULL). */
void login_view(struct html *h, const char *error, const char *csrf,
    const char *next, const char *email);

#endif
