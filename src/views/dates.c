/* dates.c: Swedish date formatting ("22 maj 2024") in Europe/Stockholm. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december",
};

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

int
date_sv(const char *iso, char *out, size_t outsz)
{
	size_t	 y, m, d;
	int	 n;

	if (outsz > 0)
		out[0] = '\0';
	if (strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-' ||
	    parse_size(iso, 4, 9999, &y) == -1 ||
	    parse_size(iso + 5, 2, 12, &m) == -1 ||
	    parse_size(iso + 8, 2, 31, &d) == -1 ||
	    y < 1 || m < 1 || d < 1 || (int)d > days_in_month((long)y, (long)m))
		return -1;
	n = snprintf(out, outsz, "%zu %s %zu", d, months_sv[m - 1], y);
	if (n < 0 || (size_t)n >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

int
datetime_sv(time_t t, char *out, size_t outsz)
{
	struct tm	tm;
	int		n;

	if (outsz > 0)
		out[0] = '\0';
	if (localtime_r(&t, &tm) == NULL)
		return -1;
	n = snprintf(out, outsz, "%d %s %d kl. %02d.%02d", tm.tm_mday,
	    months_sv[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
	if (n < 0 || (size_t)n >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
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

const char *
date_sv_in(struct arena *a, const char *iso)
{
	char	 d[40];
	char	*copy;

	if (iso == NULL || date_sv(iso, d, sizeof(d)) == -1)
		return iso;
	copy = arena_strdup(a, d);
	return copy != NULL ? copy : iso;
}

const char *
iso_datetime_sv_in(struct arena *a, const char *iso)
{
	char	 date[11], d[40];
	char	*out;

	if (iso == NULL || strlen(iso) < 16 || iso[10] != 'T' || iso[13] != ':')
		return iso;
	memcpy(date, iso, 10);
	date[10] = '\0';
	if (date_sv(date, d, sizeof(d)) == -1)
		return iso;
	out = arena_printf(a, "%s kl. %.2s.%.2s", d, iso + 11, iso + 14);
	return out != NULL ? out : iso;
}
