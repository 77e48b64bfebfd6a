/* layout.h: the frame every page shares (head, skip link, header, main, footer). */
#ifndef REMISS_LAYOUT_H
#define REMISS_LAYOUT_H

struct html;
struct identity;
struct response;

/* Writes <html lang="sv"> (or "en": the request's language, views/i18n.h),
 * the head with title "TITLE – Remissvar", the
 * header with navigation, the language switch (with who is logged in and a logout button when
 * who is a logged-in session; NULL for none), and opens <main id="main">. */
void layout_begin(struct html *h, const char *title, const struct identity *who);

/* Closes main, writes the footer, closes body and html. */
void layout_end(struct html *h);

/* Finishes h into res as text/html with the given status, and frees h.
 * On failure res becomes a 500. */
void layout_send(struct html *h, struct response *res, int status);

#endif
