/* layout.h: the frame every Swedish page shares (head, skip link, header, main, footer). */
#ifndef REMISS_LAYOUT_H
#define REMISS_LAYOUT_H

struct html;
struct response;

/* Writes <html lang="sv">, the head with title "TITLE – Remissvar", the
 * header with navigation, and opens <main id="main">. */
void layout_begin(struct html *h, const char *title);

/* Closes main, writes the footer, closes body and html. */
void layout_end(struct html *h);

/* Finishes h into res as text/html with the given status, and frees h.
 * On failure res becomes a 500. */
void layout_send(struct html *h, struct response *res, int status);

#endif
