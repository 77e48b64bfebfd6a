/* parse.c: HTTP status and bilingual messages for every parser result code. */
#include "config.h"

#include "http/parse.h"

struct parse_err_def {
	int		 status;
	const char	*sv;
	const char	*en;
};

static const struct parse_err_def parse_err_defs[PARSE_ERR__MAX] = {
	[PARSE_OK] = { 200,
	    "Inget fel.",
	    "No error." },
	[PARSE_ERR_SYNTAX] = { 400,
	    "Förfrågan är felaktigt utformad.",
	    "The request is malformed." },
	[PARSE_ERR_ENCODING] = { 400,
	    "Förfrågan innehåller en ogiltig procentkodning.",
	    "The request contains an invalid percent-encoding." },
	[PARSE_ERR_UTF8] = { 400,
	    "Texten är inte giltig UTF-8.",
	    "The text is not valid UTF-8." },
	[PARSE_ERR_TOO_MANY] = { 413,
	    "Förfrågan innehåller för många fält eller delar.",
	    "The request has too many fields or parts." },
	[PARSE_ERR_TOO_LARGE] = { 413,
	    "Förfrågan är för stor.",
	    "The request is too large." },
	[PARSE_ERR_MEDIA_TYPE] = { 415,
	    "Innehållstypen stöds inte eller är felaktig.",
	    "The content type is unsupported or malformed." },
	[PARSE_ERR_TRUNCATED] = { 400,
	    "Förfrågan tog slut för tidigt.",
	    "The request ended too early." },
	[PARSE_ERR_NOMEM] = { 500,
	    "Servern har för lite minne just nu. Försök igen senare.",
	    "The server is out of memory. Please try again later." },
};

/* Out-of-range codes are treated as an internal error. */
static const struct parse_err_def *
def(enum parse_err e)
{
	if ((unsigned)e >= PARSE_ERR__MAX)
		return &parse_err_defs[PARSE_ERR_NOMEM];
	return &parse_err_defs[e];
}

/* Returns the HTTP status; 500 for an unknown code. */
int
parse_err_status(enum parse_err e)
{
	return def(e)->status;
}

/* Returns a static Swedish message; never NULL. */
const char *
parse_err_sv(enum parse_err e)
{
	return def(e)->sv;
}

/* Returns a static English message; never NULL. */
const char *
parse_err_en(enum parse_err e)
{
	return def(e)->en;
}
