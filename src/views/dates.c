/* dates.c: dates as users read them ("22 maj 2024", "22 May 2024") in Europe/Stockholm. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/i18n.h"

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december",
};

static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

static const char *const *
months_of(enum lang lang)
{
	return lang == LANG_EN ? months_en : months_sv;
}

void
dates_init(void)
{
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
}

static int
days_in_month(long y, long m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Formats into out as snprintf does: 0, or -1 with out "" when it does not
 * fit. */
static int put(char *out, size_t outsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
put(char *out, size_t outsz, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(out, outsz, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

/* date_sv in lang's month names (the same "D month YYYY" order in both). */
static int
date_lang(enum lang lang, const char *iso, char *out, size_t outsz)
{
	size_t	 y, m, d;

	if (outsz > 0)
		out[0] = '\0';
	if (strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-' ||
	    parse_size(iso, 4, 9999, &y) == -1 ||
	    parse_size(iso + 5, 2, 12, &m) == -1 ||
	    parse_size(iso + 8, 2, 31, &d) == -1 ||
	    y < 1 || m < 1 || d < 1 || (int)d > days_in_month((long)y, (long)m))
		return -1;
	return put(out, outsz, "%zu %s %zu", d, months_of(lang)[m - 1], y);
}

int
date_sv(const char *iso, char *out, size_t outsz)
{
	return date_lang(LANG_SV, iso, out, outsz);
}

int
date_ui(const char *iso, char *out, size_t outsz)
{
	return date_lang(i18n_current(), iso, out, outsz);
}

/* "21 maj 2024 kl. 14.03" or "21 May 2024, 14:03". */
static int
datetime_lang(enum lang lang, time_t t, char *out, size_t outsz)
{
	struct tm	tm;

	if (outsz > 0)
		out[0] = '\0';
	if (localtime_r(&t, &tm) == NULL)
		return -1;
	return put(out, outsz, lang == LANG_EN ? "%d %s %d, %02d:%02d" :
	    "%d %s %d kl. %02d.%02d", tm.tm_mday,
	    months_of(lang)[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

int
datetime_sv(time_t t, char *out, size_t outsz)
{
	return datetime_lang(LANG_SV, t, out, outsz);
}

int
datetime_ui(time_t t, char *out, size_t outsz)
{
	return datetime_lang(i18n_current(), t, out, outsz);
}

int
datetime_iso(time_t t, char *out, size_t outsz)
{
	struct tm	tm;
	char		zone[8];
	size_t		n;

	if (outsz > 0)
		out[0] = '\0';
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(zone, sizeof(zone), "%z", &tm) != 5)
		return -1;
	n = strftime(out, outsz, "%Y-%m-%dT%H:%M:%S", &tm);
	if (n == 0 || n + 7 > outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	/* %z gives +0200; RFC 3339 wants +02:00. */
	snprintf(out + n, outsz - n, "%c%c%c:%c%c", zone[0], zone[1], zone[2],
	    zone[3], zone[4]);
	return 0;
}

static const char *
date_in(enum lang lang, struct arena *a, const char *iso)
{
	char	 d[40];
	char	*copy;

	if (iso == NULL || date_lang(lang, iso, d, sizeof(d)) == -1)
		return iso;
	copy = arena_strdup(a, d);
	return copy != NULL ? copy : iso;
}

const char *
date_sv_in(struct arena *a, const char *iso)
{
	return date_in(LANG_SV, a, iso);
}

const char *
date_ui_in(struct arena *a, const char *iso)
{
	return date_in(i18n_current(), a, iso);
}

static const char *
iso_datetime_in(enum lang lang, struct arena *a, const char *iso)
{
	char	 date[11], d[40];
	char	*out;

	if (iso == NULL || strlen(iso) < 16 || iso[10] != 'T' || iso[13] != ':')
		return iso;
	memcpy(date, iso, 10);
	date[10] = '\0';
	if (date_lang(lang, date, d, sizeof(d)) == -1)
		return iso;
	out = arena_printf(a, lang == LANG_EN ? "%s, %.2s:%.2s" :
	    "%s kl. %.2s.%.2s", d, iso + 11, iso + 14);
	return out != NULL ? out : iso;
}

const char *
iso_datetime_sv_in(struct arena *a, const char *iso)
{
	return iso_datetime_in(LANG_SV, a, iso);
}

const char *
iso_datetime_ui_in(struct arena *a, const char *iso)
{
	return iso_datetime_in(i18n_current(), a, iso);
}

int
date_today(char *out, size_t outsz)
{
	struct tm	tm;
	time_t		t = time(NULL);

	if (outsz > 0)
		out[0] = '\0';
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d", &tm) != 10) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}
