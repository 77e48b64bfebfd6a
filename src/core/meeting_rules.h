/* meeting_rules.h: the pure rules of a dialogmöte's form (date, title, place, notes, the
 * participant lines), shared by the web form and its unit test. No I/O. */
#ifndef REMISS_MEETING_RULES_H
#define REMISS_MEETING_RULES_H

#include <stddef.h>

#include "core/remiss_rules.h"

struct arena;

#define MEETING_TITLE_MAX	200	/* characters, as meetings.title */
#define MEETING_NOTES_MAX	100000
#define MEETING_PARTICIPANTS_MAX 200
#define MEETING_NAME_MAX	200

/* A participant: a name and a role and/or organisation ("" if none). */
struct meeting_participant {
	const char	*name, *role;
};

/* The editable fields of a meeting, as posted (NULL when missing). */
struct meeting_fields {
	const char	*date, *title, *place, *notes, *participants;
};

/* What the checks make of them: cleaned copies in the arena, title and
 * place NULL when blank, notes "" when blank, the date as YYYY-MM-DD. */
struct meeting_values {
	char				 date[11];
	const char			*title, *place, *notes;
	struct meeting_participant	*participants;
	size_t				 nparticipants;
};

/*
 * Reads a date as people type it: "2024-05-22", "2024-5-2" or "22 maj 2024"
 * (a Swedish month name or its first three letters; the year is needed).
 * White space around it is ignored. Writes YYYY-MM-DD into out.
 * Returns 0, or -1 if s is not a real date between 2000-01-01 and
 * 2199-12-31 (out is then "").
 */
int meeting_parse_date(const char *s, char out[11]);

/*
 * Reads the participants' text: one person per line, "Name, role or
 * organisation" (the first comma separates; no comma: a name alone). Blank
 * lines are skipped; white space is collapsed. Allocates the list in a.
 * Returns 0, or -1 with *err set to the code (and the line it names) when
 * a line has no name, has control characters, a part is longer than 200
 * characters or there are more than MEETING_PARTICIPANTS_MAX lines;
 * *out and *n are then unchanged.
 */
int meeting_parse_participants(struct arena *a, const char *text,
    struct meeting_participant **out, size_t *n, struct rule_msg *err);

/* The participants as the form shows them again, one "Name, role" per
 * line. Returns a string in a, or NULL when out of memory. */
char *meeting_participants_text(struct arena *a,
    const struct meeting_participant *p, size_t n);

/*
 * Checks f and fills v (allocating in a), recording one code (a
 * RULE_MEETING_*) per bad field in e under "datum", "rubrik", "plats", "anteckningar" and
 * "deltagare". Organisations are checked by the caller (field
 * "organisationer"). Returns the number of errors added.
 */
size_t meeting_check_fields(struct arena *a, const struct meeting_fields *f,
    struct meeting_values *v, struct rule_errors *e);

#endif
