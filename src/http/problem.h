/* problem.h: error answers in Swedish and English, as HTML, JSON, XML or text by Accept. */
#ifndef REMISS_PROBLEM_H
#define REMISS_PROBLEM_H

#include <stddef.h>

struct identity;
struct response;

/* One located error (schema and content errors of an upload). */
struct problem_error {
	long		 line;
	long		 column;
	const char	*message;
};

enum problem_format {
	PROBLEM_TEXT,	/* text/plain: curl and other clients without a wish */
	PROBLEM_HTML,	/* a Swedish page for browsers */
	PROBLEM_JSON,	/* application/problem+json */
	PROBLEM_XML,	/* application/problem+xml */
};

/* Picks the format: under /api/ JSON if Accept names json, else XML;
 * elsewhere HTML if Accept names text/html, JSON or XML if named, else text. */
enum problem_format problem_format_for(const char *accept, const char *path);

/* Replaces res with an error answer: status, Swedish title sv, English
 * title_en, and errs[0..nerrs) (may be NULL/0). On OOM res is a bare 500. */
void problem_send(struct response *res, enum problem_format fmt, int status,
    const char *sv, const char *en, const struct problem_error *errs,
    size_t nerrs);

/* As problem_send, for a request whose caller is known: an HTML page gets
 * the header of who (logged in: name, "Mitt konto", logout), like every
 * other page that caller sees. who may be NULL (a logged-out header). */
void problem_send_for(struct response *res, enum problem_format fmt,
    int status, const char *sv, const char *en,
    const struct problem_error *errs, size_t nerrs,
    const struct identity *who);

#endif
