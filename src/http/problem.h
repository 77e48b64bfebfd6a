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

/*
 * The catalogue of problems: every error answer that more than one place
 * gives, with its status and its Swedish and English text, in one table
 * (problem_defs in problem.c, one row per id, marked with its name). A
 * handler answers one with handler_fail (handlers/handlers.h); a message
 * only one place gives may stay with it (handler_problem). To add one: a
 * PROB_ name here, in its group, and its row in problem.c.
 */
enum problem_id {
	/* Anywhere. */
	PROB_INTERNAL,			/* 500: a bug or out of memory */
	PROB_NOT_FOUND,			/* 404: no such page (or the caller may
					   not know it exists) */
	PROB_FORBIDDEN,			/* 403: known, but not for this caller */
	PROB_CONFLICT,			/* 409: changed meanwhile, or taken */
	PROB_INVALID,			/* 422: the data was refused */
	PROB_UNAVAILABLE,		/* 503: the database cannot be reached */
	PROB_UNAVAILABLE_UNCHANGED,	/* 503, after a change that was not made */
	PROB_UNAVAILABLE_UNSAVED,	/* 503, after a form that was not saved */
	PROB_UNAVAILABLE_UNSTORED,	/* 503, after a registration not stored */
	/* The worker: methods, logins, sessions, tokens. */
	PROB_METHOD_UNSUPPORTED,	/* 501 */
	PROB_METHOD_NOT_ALLOWED,	/* 405 (with an Allow header) */
	PROB_LOGIN_NEEDED,		/* 401 */
	PROB_SESSION_ENDED_FORM,	/* 401: a form sent after the session ended */
	PROB_NO_LONGER_LOGGED_IN,	/* 401: the session ended under the page */
	PROB_BAD_TOKEN,			/* 401: an unknown or revoked Bearer token */
	PROB_SSO_UNKNOWN,		/* 403: single sign-on for a user we lack */
	PROB_PAGE_EXPIRED,		/* 403: the session's CSRF token is missing */
	/* Objects the path names (core/objects.c). */
	PROB_NO_REMISS,			/* 404 on /api/v1 */
	PROB_NOT_INVITED,		/* 403 on /api/v1 */
	PROB_NO_RESPONSE,		/* 404 on /api/v1: no such version */
	PROB_NO_FILE,			/* 404: an attachment or draft file */
	PROB_NO_SECTION_OR_QUESTION,	/* 404: the editor's section or question */
	PROB_NO_REDACTION,		/* 404 */
	PROB_NO_TOKEN,			/* 404: not a live personal token of the caller */
	/* The site's own pages (handlers/site/). */
	PROB_UNKNOWN_LANGUAGE,		/* 400 */
	PROB_LANGUAGE_NOT_SAVED,	/* 503 */
	PROB_LOGOUT_FAILED,		/* 503 */
	PROB_STATEMENT_UNAVAILABLE,	/* 500: the accessibility statement */
	PROB_METRICS_UNAVAILABLE,	/* 503 */
	PROB__MAX
};

struct problem_def {
	int		 status;
	const char	*sv;	/* the title in Swedish */
	const char	*en;	/* and in English */
};

/* The catalogue, indexed by enum problem_id. */
extern const struct problem_def problem_defs[PROB__MAX];

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

/* As problem_send_for, with status and texts from the catalogue (an id out
 * of range answers PROB_INTERNAL). */
void problem_send_id(struct response *res, enum problem_format fmt,
    enum problem_id id, const struct identity *who);

/* Replaces res with the plain-text form of problem id ("sv\nen\n"): the
 * answer of last resort, when a page or a problem could not be written. */
void problem_text(struct response *res, enum problem_id id);

#endif
