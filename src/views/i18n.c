/* i18n.c: per-request language choice and gettext lookups for the user interface. */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "views/i18n.h"

/* One request at a time per worker process, so a process-wide choice. */
static enum lang	current = LANG_SV;
static bool		loaded;
static const char	*return_path;

static const char *const codes[LANG__MAX] = {
	[LANG_SV] = "sv",
	[LANG_EN] = "en",
};

int
i18n_init(const char *dir)
{
	const char	*hdr;

	loaded = false;
	if (dir == NULL && (dir = getenv("REMISS_LOCALE_DIR")) == NULL)
		dir = LOCALEDIR;
	/*
	 * glibc's gettext returns the msgid whenever LC_MESSAGES is "C" or
	 * "POSIX", whatever LANGUAGE says. C.UTF-8 is built into every
	 * Debian 12 glibc, so no locale has to be generated; LANGUAGE then
	 * names the catalogue (dir/en/LC_MESSAGES/remissvar.mo). Only
	 * English lookups go through gettext (Swedish is the msgid), so
	 * LANGUAGE never changes and glibc's lookup cache stays valid.
	 */
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL &&
	    setlocale(LC_MESSAGES, "C.utf8") == NULL) {
		log_err("the C.UTF-8 locale is missing: English pages fall "
		    "back to Swedish");
		return -1;
	}
	if (setenv("LANGUAGE", "en", 1) == -1 ||
	    bindtextdomain(I18N_DOMAIN, dir) == NULL ||
	    bind_textdomain_codeset(I18N_DOMAIN, "UTF-8") == NULL) {
		log_err("gettext setup failed for %s", dir);
		return -1;
	}
	/* The catalogue's header is the translation of "": empty means no
	 * catalogue was found. */
	hdr = dgettext(I18N_DOMAIN, "");
	if (hdr == NULL || hdr[0] == '\0') {
		log_err("no English catalogue %s/en/LC_MESSAGES/%s.mo "
		    "(set REMISS_LOCALE_DIR): English pages fall back to "
		    "Swedish", dir, I18N_DOMAIN);
		return -1;
	}
	loaded = true;
	return 0;
}

void
i18n_set(enum lang lang)
{
	current = (lang >= 0 && lang < LANG__MAX) ? lang : LANG_SV;
}

enum lang
i18n_current(void)
{
	return current;
}

void
i18n_set_return(const char *path)
{
	return_path = path;
}

const char *
i18n_return(void)
{
	return return_path != NULL ? return_path : "/";
}

const char *
lang_code(enum lang lang)
{
	return (lang >= 0 && lang < LANG__MAX) ? codes[lang] : codes[LANG_SV];
}

enum lang
lang_parse(const char *s)
{
	int i;

	if (s == NULL)
		return LANG__MAX;
	for (i = 0; i < LANG__MAX; i++)
		if (strcmp(s, codes[i]) == 0)
			return (enum lang)i;
	return LANG__MAX;
}

/* Parses a qvalue ("1", "1.000", "0", "0.5", at most three decimals) into
 * thousandths. Returns 0, or -1 if malformed. */
static int
parse_q(const char *s, size_t n, int *q)
{
	size_t	i;
	int	v, scale = 100;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	v = (s[0] - '0') * 1000;
	if (n == 1)
		goto done;
	if (s[1] != '.' || n > 5)
		return -1;
	for (i = 2; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v += (s[i] - '0') * scale;
		scale /= 10;
	}
done:
	if (v > 1000)
		return -1;
	*q = v;
	return 0;
}

/* The lang of a language range's primary subtag ("en-GB" -> LANG_EN),
 * LANG_SV for "*", LANG__MAX for other languages. */
static enum lang
range_lang(const char *s, size_t n)
{
	size_t	p;
	int	i;

	if (n == 1 && s[0] == '*')
		return LANG_SV;
	for (p = 0; p < n && s[p] != '-'; p++)
		;
	for (i = 0; i < LANG__MAX; i++)
		if (strlen(codes[i]) == p && strncasecmp(s, codes[i], p) == 0)
			return (enum lang)i;
	return LANG__MAX;
}

static bool
ows(char c)
{
	return c == ' ' || c == '\t';
}

enum lang
lang_from_accept(const char *header)
{
	const char	*p, *end, *semi, *r, *rend;
	enum lang	 best = LANG__MAX, l;
	int		 bestq = 0, q;
	size_t		 i;

	if (header == NULL || strlen(header) > 1024)
		return LANG__MAX;
	for (p = header; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		while (p < end && ows(*p))
			p++;
		rend = end;
		while (rend > p && ows(rend[-1]))
			rend--;
		if (p == rend)
			continue;		/* empty list element */
		q = 1000;
		if ((semi = memchr(p, ';', (size_t)(rend - p))) != NULL) {
			r = semi + 1;
			while (r < rend && ows(*r))
				r++;
			if (rend - r < 2 || (r[0] != 'q' && r[0] != 'Q') ||
			    r[1] != '=' ||
			    parse_q(r + 2, (size_t)(rend - r - 2), &q) == -1)
				return LANG__MAX;
			rend = semi;
			while (rend > p && ows(rend[-1]))
				rend--;
		}
		for (i = 0; p + i < rend; i++)
			if (!((p[i] >= 'a' && p[i] <= 'z') ||
			    (p[i] >= 'A' && p[i] <= 'Z') ||
			    (p[i] >= '0' && p[i] <= '9') || p[i] == '-' ||
			    p[i] == '*'))
				return LANG__MAX;
		if (i == 0 || i > 35)
			return LANG__MAX;
		l = range_lang(p, i);
		if (l != LANG__MAX && q > bestq) {
			best = l;
			bestq = q;
		}
		if (*end == '\0')
			break;
	}
	return best;
}

enum lang
lang_choose(const char *user, const char *cookie, const char *accept)
{
	enum lang l;

	if ((l = lang_parse(user)) != LANG__MAX)
		return l;
	if ((l = lang_parse(cookie)) != LANG__MAX)
		return l;
	if ((l = lang_from_accept(accept)) != LANG__MAX)
		return l;
	return LANG_SV;
}

const char *
i18n_tr(const char *msgid)
{
	if (current == LANG_SV || !loaded || msgid == NULL || msgid[0] == '\0')
		return msgid;
	return dgettext(I18N_DOMAIN, msgid);
}

const char *
i18n_ntr(const char *sv1, const char *svn, unsigned long n)
{
	if (current == LANG_SV || !loaded)
		return n == 1 ? sv1 : svn;
	return dngettext(I18N_DOMAIN, sv1, svn, n);
}
