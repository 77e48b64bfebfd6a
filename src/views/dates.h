/* dates.h: dates and times as users read them, in Europe/Stockholm. */
#ifndef REMISS_DATES_H
#define REMISS_DATES_H

#include <stddef.h>
#include <time.h>

/* Makes Europe/Stockholm the process time zone (TZ + tzset). Call once in
 * main before any other function here. */
void dates_init(void);

/* "2024-05-22" -> "22 maj 2024". Returns 0, or -1 if iso is not a valid
 * YYYY-MM-DD date or out is too small (out then holds ""). */
int date_sv(const char *iso, char *out, size_t outsz);

/* t -> "21 maj 2024 kl. 14.03" in Europe/Stockholm. 0 or -1. */
int datetime_sv(time_t t, char *out, size_t outsz);

/* t -> "2024-05-21T14:03:11+02:00" in Europe/Stockholm. 0 or -1. */
int datetime_iso(time_t t, char *out, size_t outsz);

/* Today in Europe/Stockholm (the server's clock) as "2024-05-21", in out
 * (at least 11 bytes). 0 or -1. */
int date_today(char *out, size_t outsz);

struct arena;

/* "2024-05-22" -> "22 maj 2024" in a; anything else is returned unchanged. */
const char *date_sv_in(struct arena *a, const char *iso);

/* "2024-05-21T14:03:11+02:00" (a Stockholm local time, as the database
 * writes it) -> "21 maj 2024 kl. 14.03" in a; anything else unchanged. */
const char *iso_datetime_sv_in(struct arena *a, const char *iso);

/*
 * The same in the language of the current request (views/i18n.h): Swedish
 * as above, or English "22 May 2024" and "21 May 2024, 14:03". Pages use
 * these; documents (exports) keep the Swedish ones.
 */
int date_ui(const char *iso, char *out, size_t outsz);
int datetime_ui(time_t t, char *out, size_t outsz);
const char *date_ui_in(struct arena *a, const char *iso);
const char *iso_datetime_ui_in(struct arena *a, const char *iso);

#endif
