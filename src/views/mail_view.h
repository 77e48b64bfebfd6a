/* mail_view.h: the text and HTML bodies of an e-mail, built together from the same calls. */
#ifndef REMISS_MAIL_VIEW_H
#define REMISS_MAIL_VIEW_H

#include "views/i18n.h"

struct arena;
struct buf;
struct mail_body;

/*
 * A message's body as plain text and as its HTML alternative, written
 * paragraph by paragraph; every value is escaped in the HTML. The catalogue
 * strings passed in are already translated by the caller, in the language
 * the recipient reads (i18n_set before, as for a page).
 *
 *	struct mail_body *b = mail_body_new(a);
 *	mail_para(b, _("Ni har fått en remiss."));
 *	mail_fact(b, _("Sista svarsdag"), "22 maj 2024");
 *	mail_link(b, _("Öppna remissen"), url);
 *	mail_body_finish(b, true, &text, &html);
 *
 * Memory comes from a, but for the HTML writer, which mail_body_finish
 * frees; a body given up before it is finished goes with
 * mail_body_discard.
 */
struct mail_body *mail_body_new(struct arena *a);

/* A heading line (the remiss's title ...). */
void mail_heading(struct mail_body *b, const char *text);

/* A paragraph; "\n" inside breaks the line. NULL writes nothing. */
void mail_para(struct mail_body *b, const char *text);

/* "label: value" on a line of its own (a list of facts in HTML). */
void mail_fact(struct mail_body *b, const char *label, const char *value);

/* A link: "label:\n url" in text, an <a> in HTML. */
void mail_link(struct mail_body *b, const char *label, const char *url);

/* An item of a bullet list ("- text"); consecutive items form one list. */
void mail_item(struct mail_body *b, const char *text);

/*
 * Closes the body with the footer (who sent it; for automatic mail that it
 * was sent automatically and replies are not read) and writes the plain
 * text into *text and the HTML document into *html, both from the arena,
 * and frees the HTML writer. Returns 0, or -1 when memory ran out on the
 * way (the writer is freed all the same).
 */
int mail_body_finish(struct mail_body *b, int automatic, const char **text,
    const char **html);

/* Frees what a body not finished holds (its HTML writer); later calls on
 * it write nothing. NULL is fine. */
void mail_body_discard(struct mail_body *b);

#endif
