/* org_rules.c: the rules for an organisation's fields (orgnr with its check digit, kind, mailbox) and
 * the checking of an organisation import file's rows; pure, no I/O. */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/org_rules.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/csv_read.h"

bool
orgnr_valid(const char *s)
{
	int	 d[10], i, k, sum = 0, v;

	if (s == NULL || strlen(s) != 11 || s[6] != '-')
		return false;
	for (i = 0, k = 0; i < 11; i++) {
		if (i == 6)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		d[k++] = s[i] - '0';
	}
	/* Luhn: from the left, the 1st, 3rd ... digit doubled. */
	for (i = 0; i < 9; i++) {
		v = i % 2 == 0 ? d[i] * 2 : d[i];
		sum += v > 9 ? v - 9 : v;
	}
	return (10 - sum % 10) % 10 == d[9];
}

bool
org_email_valid(const char *s)
{
	const char	*at, *p;
	size_t		 n;

	if (s == NULL || (n = strlen(s)) < 3 || n > 254 ||
	    !utf8_valid_text(s, n))
		return false;
	if ((at = strchr(s, '@')) == NULL || at == s || strchr(at + 1, '@') !=
	    NULL || at[1] == '\0' || strchr(at + 1, '.') == NULL ||
	    at[strlen(at) - 1] == '.' || at[1] == '.')
		return false;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>,;\"()[]\\", *p) !=
		    NULL)
			return false;
	return true;
}

const char *
org_kind_parse(const char *s)
{
	static const char *const kinds[] = { "kommun", "region", "myndighet",
	    "forening", "annan" };
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcasecmp(s, kinds[i]) == 0)
			return kinds[i];
	if (strcmp(s, "förening") == 0 || strcmp(s, "Förening") == 0 ||
	    strcmp(s, "FÖRENING") == 0)
		return "forening";
	return NULL;
}

bool
org_name_valid(const char *s)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) == 0 || !utf8_valid_text(s, n) ||
	    utf8_chars(s) > 200 || strchr(s, '\n') != NULL ||
	    strchr(s, '\r') != NULL || strchr(s, '\t') != NULL)
		return false;
	return s[0] != ' ' && s[n - 1] != ' ';
}

/* The columns of the template, in its order. */
enum { COL_NAME, COL_KIND, COL_ORGNR, COL_REGISTRY, COL_CONTACT,
    COL_CONTACT_EMAIL, COL__N };
static const char *const col_names[COL__N] = { "namn", "typ", "orgnr",
    "registratur", "kontaktperson", "kontakt_epost" };

/* s with spaces and tabs trimmed, in a; NULL when that leaves nothing. */
static const char *
trimmed(struct arena *a, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 0 ? NULL : arena_strndup(a, s, n);
}

/* The list of problems being gathered. */
struct problems {
	struct arena		*a;
	struct org_import_error	*v;
	size_t			 n, cap;
	int			 failed;
};

static void
add(struct problems *p, size_t line, enum org_import_problem what,
    const char *value)
{
	struct org_import_error *grown;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		if ((grown = arena_realloc(p->a, p->v, p->n * sizeof(*p->v),
		    p->cap * sizeof(*p->v))) == NULL) {
			p->failed = 1;
			return;
		}
		p->v = grown;
	}
	p->v[p->n].line = line;
	p->v[p->n].problem = what;
	p->v[p->n].value = value;
	p->n++;
}

/* True when both rows give the field and differ (an empty one agrees). */
static bool
clash(const char *x, const char *y)
{
	return x != NULL && y != NULL && strcasecmp(x, y) != 0;
}

/* Maps the header's names to columns: 0, or -1 with a problem added. */
static int
header(struct arena *a, const struct csv_row *h, int idx[COL__N],
    struct problems *p)
{
	const char	*name;
	size_t		 i;
	int		 c, ok = 1;

	for (c = 0; c < COL__N; c++)
		idx[c] = -1;
	for (i = 0; i < h->nfields; i++) {
		if ((name = trimmed(a, h->fields[i])) == NULL)
			continue;
		for (c = 0; c < COL__N; c++)
			if (strcasecmp(name, col_names[c]) == 0)
				break;
		if (c == COL__N || idx[c] != -1) {
			add(p, h->line, OIP_HEADER, name);
			ok = 0;
			continue;
		}
		idx[c] = (int)i;
	}
	if (idx[COL_NAME] == -1 || idx[COL_KIND] == -1) {
		add(p, h->line, OIP_HEADER, NULL);
		ok = 0;
	}
	return ok ? 0 : -1;
}

/* Field c of row r, trimmed (NULL when empty or absent). */
static const char *
field(struct arena *a, const struct csv_row *r, const int idx[COL__N], int c)
{
	if (idx[c] < 0 || (size_t)idx[c] >= r->nfields)
		return NULL;
	return trimmed(a, r->fields[idx[c]]);
}

/* Checks one data row into *o, adding its problems. */
static void
check_row(struct arena *a, const struct csv_row *r, const int idx[COL__N],
    size_t ncols, struct org_import_row *o, struct problems *p)
{
	const char *kind;

	memset(o, 0, sizeof(*o));
	o->line = r->line;
	if (r->nfields > ncols)
		add(p, r->line, OIP_COLUMNS, NULL);
	o->name = field(a, r, idx, COL_NAME);
	if (!org_name_valid(o->name))
		add(p, r->line, OIP_NAME, o->name);
	kind = field(a, r, idx, COL_KIND);
	if ((o->kind = org_kind_parse(kind)) == NULL)
		add(p, r->line, OIP_KIND, kind);
	o->orgnr = field(a, r, idx, COL_ORGNR);
	if (o->orgnr != NULL && !orgnr_valid(o->orgnr))
		add(p, r->line, OIP_ORGNR, o->orgnr);
	o->registry = field(a, r, idx, COL_REGISTRY);
	if (o->registry != NULL && !org_email_valid(o->registry))
		add(p, r->line, OIP_REGISTRY, o->registry);
	o->contact_name = field(a, r, idx, COL_CONTACT);
	o->contact_email = field(a, r, idx, COL_CONTACT_EMAIL);
	if ((o->contact_name == NULL) != (o->contact_email == NULL))
		add(p, r->line, OIP_CONTACT, NULL);
	else if (o->contact_name != NULL && !org_name_valid(o->contact_name))
		add(p, r->line, OIP_CONTACT, o->contact_name);
	if (o->contact_email != NULL && !org_email_valid(o->contact_email))
		add(p, r->line, OIP_CONTACT_EMAIL, o->contact_email);
}

/* A row that names an organisation an earlier row named: the same one
 * (more contacts) when kind, orgnr and mailbox agree where both give them;
 * else a duplicate. */
static void
check_duplicates(const struct org_import_row *rows, size_t n,
    struct problems *p)
{
	size_t i, k;

	for (i = 1; i < n; i++)
		for (k = 0; k < i; k++) {
			if (rows[i].name == NULL || rows[k].name == NULL)
				continue;
			if (strcasecmp(rows[i].name, rows[k].name) == 0) {
				if (clash(rows[i].kind, rows[k].kind) ||
				    clash(rows[i].orgnr, rows[k].orgnr) ||
				    clash(rows[i].registry, rows[k].registry))
					add(p, rows[i].line, OIP_DUPLICATE,
					    rows[i].name);
				break;
			}
			if (rows[i].orgnr != NULL && rows[k].orgnr != NULL &&
			    strcmp(rows[i].orgnr, rows[k].orgnr) == 0) {
				add(p, rows[i].line, OIP_DUPLICATE,
				    rows[i].orgnr);
				break;
			}
		}
}

/* Orders problems by line, keeping the order within a line. */
static void
sort_by_line(struct org_import_error *v, size_t n)
{
	struct org_import_error	 t;
	size_t			 i, k;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (k = i; k > 0 && v[k - 1].line > t.line; k--)
			v[k] = v[k - 1];
		v[k] = t;
	}
}

int
org_import_check(struct arena *a, const struct csv_table *t,
    struct org_import_row **rows, size_t *nrows,
    struct org_import_error **errs, size_t *nerrs)
{
	struct problems	 p = { .a = a };
	int		 idx[COL__N];
	size_t		 i;

	*rows = NULL;
	*nrows = 0;
	*errs = NULL;
	*nerrs = 0;
	if (t->nrows == 0 || header(a, &t->rows[0], idx, &p) == -1)
		goto out;
	if (t->nrows == 1) {
		add(&p, 0, OIP_NO_ROWS, NULL);
		goto out;
	}
	if (t->nrows - 1 > ORG_IMPORT_MAX_ROWS) {
		add(&p, t->rows[ORG_IMPORT_MAX_ROWS + 1].line,
		    OIP_TOO_MANY_ROWS, NULL);
		goto out;
	}
	if ((*rows = arena_calloc(a, t->nrows - 1, sizeof(**rows))) == NULL)
		return -1;
	for (i = 1; i < t->nrows; i++)
		check_row(a, &t->rows[i], idx, t->rows[0].nfields,
		    &(*rows)[i - 1], &p);
	*nrows = t->nrows - 1;
	check_duplicates(*rows, *nrows, &p);
	sort_by_line(p.v, p.n);
out:
	if (p.failed)
		return -1;
	*errs = p.v;
	*nerrs = p.n;
	return 0;
}
