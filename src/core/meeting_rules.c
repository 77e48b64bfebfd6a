/* meeting_rules.c: what the fields of a dialogmöte may hold (date, title, place, notes,
 * participant lines), as the database's CHECKs in schema/010_meetings.sql say; pure, answering
 * in codes (core/rule_codes.h) that views/rule_messages.c words. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/meeting_rules.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "xml/walk.h"

static const char *const months_sv[] = { "januari", "februari", "mars",
    "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december" };

/* Reads 1..maxd digits at *s, advancing it. -1 if none. */
static long
digits(const char **s, int maxd)
{
	long	v = 0;
	int	n = 0;

	while (n < maxd && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n > 0 ? v : -1;
}

/* Skips spaces and tabs. */
static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return s;
}

/* The month of a Swedish name or its first three letters ("maj", "sep",
 * "sept."), 1..12, advancing *s; -1 if none. ASCII case is ignored. */
static int
month_name(const char **s)
{
	size_t	i, n, k;
	char	w[16];

	for (n = 0; n < sizeof(w) - 1 && (((*s)[n] >= 'a' && (*s)[n] <= 'z') ||
	    ((*s)[n] >= 'A' && (*s)[n] <= 'Z')); n++)
		w[n] = (char)((*s)[n] | 0x20);
	w[n] = '\0';
	if (n < 3)
		return -1;
	for (i = 0; i < 12; i++) {
		k = strlen(months_sv[i]);
		if ((n == k && memcmp(w, months_sv[i], k) == 0) ||
		    (n == 3 && memcmp(w, months_sv[i], 3) == 0) ||
		    (n == 4 && i == 8 && memcmp(w, "sept", 4) == 0)) {
			*s += n;
			if (**s == '.' && n < k)
				(*s)++;
			return (int)i + 1;
		}
	}
	return -1;
}

int
meeting_parse_date(const char *s, char out[11])
{
	long	y, m, d;
	int	mn;

	out[0] = '\0';
	if (s == NULL)
		return -1;
	s = skip_space(s);
	if ((y = digits(&s, 4)) == -1)
		return -1;
	if (*s == '-') {
		/* ISO 8601 (also without leading zeros). */
		s++;
		if ((m = digits(&s, 2)) == -1 || *s++ != '-' ||
		    (d = digits(&s, 2)) == -1)
			return -1;
	} else {
		/* "22 maj 2024": y holds the day. */
		d = y;
		if (d > 31)
			return -1;
		s = skip_space(s);
		if ((mn = month_name(&s)) == -1)
			return -1;
		m = mn;
		s = skip_space(s);
		if ((y = digits(&s, 4)) == -1)
			return -1;
	}
	if (*skip_space(s) != '\0' || y < 2000 || y > 2199 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(out, 11, "%04ld-%02ld-%02ld", y, m, d);
	if (!xw_valid_date(out)) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* A copy of s[0..n) in a with white space collapsed; NULL if blank or out
 * of memory (*oom set). */
static char *
clean(struct arena *a, const char *s, size_t n, bool *oom)
{
	char *c;

	if ((c = arena_strndup(a, s, n)) == NULL) {
		*oom = true;
		return NULL;
	}
	c = xw_normalize(c);
	return c[0] != '\0' ? c : NULL;
}

/* True if s has a control character (after normalising: none but DEL and
 * C0 other than white space). */
static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t' &&
		    *s != '\r') || *s == 0x7f)
			return true;
	return false;
}

int
meeting_parse_participants(struct arena *a, const char *text,
    struct meeting_participant **out, size_t *n, struct rule_msg *err)
{
	struct meeting_participant	*list;
	const char			*line, *end, *comma;
	char				*name, *role;
	size_t				 count = 0, lineno = 0, len;
	bool				 oom = false;

	memset(err, 0, sizeof(*err));
	if ((list = arena_calloc(a, MEETING_PARTICIPANTS_MAX + 1,
	    sizeof(*list))) == NULL) {
		err->code = RULE_MEETING_OOM_PARTICIPANTS;
		return -1;
	}
	for (line = text != NULL ? text : ""; *line != '\0'; line = end) {
		lineno++;
		len = strcspn(line, "\r\n");
		end = line + len;
		if (*end == '\r' && end[1] == '\n')
			end += 2;
		else if (*end != '\0')
			end++;
		if ((comma = memchr(line, ',', len)) == NULL)
			comma = line + len;
		name = clean(a, line, (size_t)(comma - line), &oom);
		role = comma < line + len ? clean(a, comma + 1,
		    len - (size_t)(comma - line) - 1, &oom) : NULL;
		if (oom) {
			err->code = RULE_MEETING_OOM_PARTICIPANTS;
			return -1;
		}
		if (name == NULL && role == NULL)
			continue;	/* a blank line */
		if (name == NULL) {
			err->code = RULE_MEETING_NAME_MISSING;
			err->line = lineno;
			return -1;
		}
		if (has_control(name) || (role != NULL && has_control(role))) {
			err->code = RULE_MEETING_LINE_CONTROL;
			err->line = lineno;
			return -1;
		}
		if (utf8_chars(name) > MEETING_NAME_MAX || (role != NULL &&
		    utf8_chars(role) > MEETING_NAME_MAX)) {
			err->code = RULE_MEETING_NAME_TOO_LONG;
			err->line = lineno;
			return -1;
		}
		if (count == MEETING_PARTICIPANTS_MAX) {
			err->code = RULE_MEETING_TOO_MANY;
			return -1;
		}
		list[count].name = name;
		list[count].role = role != NULL ? role : "";
		count++;
	}
	*out = list;
	*n = count;
	return 0;
}

char *
meeting_participants_text(struct arena *a,
    const struct meeting_participant *p, size_t n)
{
	char	*s = arena_strdup(a, "");
	size_t	 i;

	for (i = 0; i < n && s != NULL; i++)
		s = arena_printf(a, "%s%s%s%s\n", s, p[i].name,
		    p[i].role[0] != '\0' ? ", " : "", p[i].role);
	return s;
}

/* A one-line optional field: cleaned into *out (NULL when blank). */
static size_t
check_line(struct arena *a, const char *v, const char *field,
    enum rule_code too_long, const char **out, struct rule_errors *e)
{
	bool	 oom = false;
	char	*c;

	*out = NULL;
	if (v == NULL)
		return 0;
	c = clean(a, v, strlen(v), &oom);
	if (oom) {
		rule_add(e, field, RULE_MEETING_OOM_FIELD, 0);
		return 1;
	}
	if (c == NULL)
		return 0;
	if (has_control(c)) {
		rule_add(e, field, RULE_MEETING_ONE_LINE, 0);
		return 1;
	}
	if (utf8_chars(c) > MEETING_TITLE_MAX) {
		rule_add(e, field, too_long, 0);
		return 1;
	}
	*out = c;
	return 0;
}

size_t
meeting_check_fields(struct arena *a, const struct meeting_fields *f,
    struct meeting_values *v, struct rule_errors *e)
{
	struct rule_msg	 err;
	char		*notes;
	size_t		 n = 0;

	memset(v, 0, sizeof(*v));
	v->notes = "";
	if (f->date == NULL || f->date[strspn(f->date, " \t")] == '\0') {
		rule_add(e, "datum", RULE_MEETING_DATE_MISSING, 0);
		n++;
	} else if (meeting_parse_date(f->date, v->date) == -1) {
		rule_add(e, "datum", RULE_MEETING_DATE_BAD, 0);
		n++;
	}
	n += check_line(a, f->title, "rubrik", RULE_MEETING_TITLE_TOO_LONG,
	    &v->title, e);
	n += check_line(a, f->place, "plats", RULE_MEETING_PLACE_TOO_LONG,
	    &v->place, e);
	if (f->notes != NULL) {
		if ((notes = arena_strdup(a, f->notes)) == NULL) {
			rule_add(e, "anteckningar", RULE_MEETING_OOM_NOTES, 0);
			n++;
		} else {
			notes = rules_text(notes);
			v->notes = notes != NULL ? notes : "";
			if (utf8_chars(v->notes) > MEETING_NOTES_MAX) {
				rule_add(e, "anteckningar",
				    RULE_MEETING_NOTES_TOO_LONG, 0);
				n++;
			} else if (has_control(v->notes)) {
				rule_add(e, "anteckningar",
				    RULE_MEETING_NOTES_CONTROL, 0);
				n++;
			}
		}
	}
	if (meeting_parse_participants(a, f->participants, &v->participants,
	    &v->nparticipants, &err) == -1) {
		rule_add(e, "deltagare", err.code, err.line);
		n++;
	}
	return n;
}
