/* parse.h: the result codes every request parser returns, and what the client is told. */
#ifndef REMISS_PARSE_H
#define REMISS_PARSE_H

enum parse_err {
	PARSE_OK = 0,
	PARSE_ERR_SYNTAX,	/* malformed input: 400 */
	PARSE_ERR_ENCODING,	/* bad percent-encoding: 400 */
	PARSE_ERR_UTF8,		/* text that is not valid UTF-8 (or has NUL/control chars): 400 */
	PARSE_ERR_TOO_MANY,	/* more fields or parts than allowed: 413 */
	PARSE_ERR_TOO_LARGE,	/* a field, part or body over its limit: 413 */
	PARSE_ERR_MEDIA_TYPE,	/* unsupported or broken Content-Type: 415 */
	PARSE_ERR_TRUNCATED,	/* input ended early (e.g. no closing boundary): 400 */
	PARSE_ERR_NOMEM,	/* out of memory: 500 */
	PARSE_ERR__MAX
};

/* HTTP status for the code (200 for PARSE_OK). */
int parse_err_status(enum parse_err e);

/* Human-readable message in Swedish and English; static strings. */
const char *parse_err_sv(enum parse_err e);
const char *parse_err_en(enum parse_err e);

#endif
