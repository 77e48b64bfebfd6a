/* i18n.h: the language of the user interface (Swedish, or English from po/en.po) per request. */
#ifndef REMISS_I18N_H
#define REMISS_I18N_H

#include <stdbool.h>

/* Swedish is the language of the service and of every msgid; English is
 * looked up in the "remissvar" gettext catalogue. */
enum lang {
	LANG_SV,
	LANG_EN,
	LANG__MAX
};

#define I18N_DOMAIN	"remissvar"
#define LANG_COOKIE	"lang"

/* Marks a Swedish string for translation and returns it in the language of
 * the current request. The result is static (the catalogue's or the
 * argument itself): never free it. */
#define _(s)		i18n_tr(s)
/* Marks a string for xgettext without translating it here (tables that are
 * translated where they are shown, with _()). */
#define N_(s)		(s)

/*
 * Prepares gettext once per process: LC_MESSAGES "C.UTF-8" (glibc ignores
 * catalogues under "C"), LANGUAGE=en, the text domain bound to dir (NULL:
 * $REMISS_LOCALE_DIR, else the installed LOCALEDIR) with UTF-8 output.
 * Returns 0, or -1 (logged) when the English catalogue cannot be found or
 * loaded; English requests then fall back to the Swedish text.
 */
int i18n_init(const char *dir);

/* Makes lang the language of what follows (one request in a worker). An
 * out-of-range lang means Swedish. */
void i18n_set(enum lang lang);
enum lang i18n_current(void);

/* The path of the page being answered (borrowed: it must outlive the
 * request), where the header's language switch returns to; NULL for "/". */
void i18n_set_return(const char *path);
const char *i18n_return(void);

/* "sv"/"en" for a lang (also the value of <html lang>); "sv" if out of range. */
const char *lang_code(enum lang lang);

/* "sv" -> LANG_SV, "en" -> LANG_EN, exactly; NULL or anything else ->
 * LANG__MAX. */
enum lang lang_parse(const char *s);

/*
 * The language an Accept-Language header (RFC 9110 12.5.4) prefers among
 * ours: the supported primary tag ("sv", "sv-SE", "en-GB", ...; "*" means
 * Swedish) with the highest q; a tie goes to the one listed first. LANG__MAX
 * if header is NULL, malformed or names none of ours with q > 0.
 */
enum lang lang_from_accept(const char *header);

/*
 * The language of a request: a signed-in user's stored setting (user, NULL
 * if not signed in) wins, then the lang cookie, then Accept-Language, then
 * Swedish. Invalid values at one level are skipped, never trusted.
 */
enum lang lang_choose(const char *user, const char *cookie, const char *accept);

/* msgid (Swedish) in the current language; msgid itself under Swedish, when
 * untranslated, or when the catalogue did not load. */
const char *i18n_tr(const char *msgid) __attribute__((format_arg(1)));

/* Plural: sv1/svn are the Swedish singular/plural, chosen by n. */
const char *i18n_ntr(const char *sv1, const char *svn, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));
#define NG_(s, p, n)	i18n_ntr(s, p, n)

#endif
