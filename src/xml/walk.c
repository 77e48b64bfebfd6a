/* walk.c: small checks shared by the readers of remiss and remissvar XML (names, dates,
 * white space, namespace), so both formats are read by the same rules. */
#include "config.h"
#include "http/utf8.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include <libxml/tree.h>

#include "util/arena.h"
#include "util/buf.h"
#include "xml/safe.h"
#include "xml/walk.h"

bool
xw_in_ns(const xmlNode *n)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, XW_NS) == 0;
}

bool
xw_is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xw_in_ns(n) &&
	    strcmp((const char *)n->name, name) == 0;
}

bool
xw_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims XML white space from both ends, in place. */
char *
xw_trim(char *s)
{
	size_t n;

	while (xw_space(*s))
		s++;
	n = strlen(s);
	while (n > 0 && xw_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Trims and turns every run of white space into one space, in place. */
char *
xw_normalize(char *s)
{
	char	*r, *o;
	bool	 sp = false;

	s = xw_trim(s);
	for (r = o = s; *r != '\0'; r++) {
		if (xw_space(*r)) {
			sp = true;
			continue;
		}
		if (sp)
			*o++ = ' ';
		sp = false;
		*o++ = *r;
	}
	*o = '\0';
	return s;
}

bool
xw_in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ^[a-z0-9][a-z0-9-]{0,79}$, as the database checks a remiss slug. */
bool
xw_valid_slug(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!(is_digit(s[i]) || (s[i] >= 'a' && s[i] <= 'z') ||
		    (i > 0 && s[i] == '-')))
			return false;
	return i >= 1 && i <= 80;
}

/* A section number as the database checks it. */
bool
xw_valid_nr(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 1 || n > 32 || !is_alnum(s[0]) || !is_alnum(s[n - 1]))
		return false;
	for (i = 0; i < n; i++)
		if (!is_alnum(s[i]) && strchr("._:-", s[i]) == NULL)
			return false;
	return true;
}

/* A question id as the database checks it. */
bool
xw_valid_qid(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!is_alnum(s[i]) && s[i] != '_' &&
		    (i == 0 || (s[i] != '.' && s[i] != '-')))
			return false;
	return i >= 1 && i <= 64;
}

/* NNNNNN-NNNN. */
bool
xw_valid_orgnr(const char *s)
{
	size_t i;

	for (i = 0; i < 11; i++)
		if (i == 6 ? s[i] != '-' : !is_digit(s[i]))
			return false;
	return s[11] == '\0';
}

/* YYYY-MM-DD, a real date from year 1900 to 9999. */
bool
xw_valid_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, max;
	size_t	i;

	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : !is_digit(s[i]))
			return false;
	if (s[10] != '\0')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* No '/' or '\', and at least one character that is not a dot. */
bool
xw_valid_filename(const char *s)
{
	bool other = false;

	for (; *s != '\0'; s++) {
		if (*s == '/' || *s == '\\')
			return false;
		if (*s != '.')
			other = true;
	}
	return other;
}

/* [A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126} from s up to end or '/';
 * returns the length taken, 0 if none. */
static size_t
media_token(const char *s)
{
	size_t i;

	if (!is_alnum(s[0]))
		return 0;
	for (i = 1; s[i] != '\0' && s[i] != '/'; i++)
		if (!is_alnum(s[i]) && strchr("!#$&^_.+-", s[i]) == NULL)
			return 0;
	return i <= 127 ? i : 0;
}

bool
xw_valid_media_type(const char *s)
{
	size_t n, m;

	if ((n = media_token(s)) == 0 || s[n] != '/')
		return false;
	return (m = media_token(s + n + 1)) > 0 && s[n + 1 + m] == '\0';
}

bool
xw_foreign_attr_ok(const xmlAttr *at)
{
	const char *ns, *name = (const char *)at->name;

	if (at->ns == NULL || at->ns->href == NULL)
		return false;
	ns = (const char *)at->ns->href;
	if (strcmp(ns, (const char *)XML_XML_NAMESPACE) == 0)
		return true;
	return strcmp(ns, "http://www.w3.org/2001/XMLSchema-instance") == 0 &&
	    (strcmp(name, "schemaLocation") == 0 ||
	    strcmp(name, "noNamespaceSchemaLocation") == 0);
}

void
xw_err_at(struct xw_reader *r, const xmlNode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	*m;
	long	 line, col;

	xml_safe_node_pos(n, &line, &col);
	va_start(ap, fmt);
	m = arena_vprintf(r->a, fmt, ap);
	va_end(ap);
	if (m == NULL)
		r->oom = true;
	xml_errors_add(r->errs, line, col, "%s", m != NULL ? m : "out of memory");
}

void
xw_check_attrs(struct xw_reader *r, const xmlNode *n,
    const char *const *allowed)
{
	const xmlAttr *at;

	for (at = n->properties; at != NULL; at = at->next) {
		if (at->ns == NULL) {
			if (!xw_in_list((const char *)at->name, allowed))
				xw_err_at(r, n, "attribute %s is not allowed on <%s>",
				    (const char *)at->name, (const char *)n->name);
		} else if (!xw_foreign_attr_ok(at))
			xw_err_at(r, n, "attribute {%s}%s is not allowed on <%s>",
			    (const char *)at->ns->href, (const char *)at->name,
			    (const char *)n->name);
	}
}

char *
xw_attr(struct xw_reader *r, const xmlNode *n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = arena_strdup(r->a, (const char *)v);
	xmlFree(v);
	if (s == NULL) {
		r->oom = true;
		return NULL;
	}
	return xw_normalize(s);
}

char *
xw_gather_text(struct xw_reader *r, const xmlNode *n, const char *child_ok)
{
	const xmlNode	*c;
	struct buf	 b;

	buf_init(&b, r->a);
	buf_puts(&b, "");
	for (c = n->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content != NULL)
				buf_puts(&b, (const char *)c->content);
			break;
		case XML_ELEMENT_NODE:
			if (child_ok == NULL || !xw_is_el(c, child_ok))
				xw_err_at(r, c, "<%s> is not allowed inside <%s>",
				    (const char *)c->name, (const char *)n->name);
			break;
		default:	/* comments, processing instructions */
			break;
		}
	}
	if (b.failed || b.data == NULL) {
		r->oom = true;
		return NULL;
	}
	return b.data;
}

const char *
xw_text_of(struct xw_reader *r, const xmlNode *n, bool one_line,
    bool required, size_t max)
{
	char	*s;
	size_t	 len;

	if ((s = xw_gather_text(r, n, NULL)) == NULL)
		return NULL;
	s = one_line ? xw_normalize(s) : xw_trim(s);
	if ((len = utf8_chars(s)) == 0) {
		if (required)
			xw_err_at(r, n, "<%s> must not be empty",
			    (const char *)n->name);
		return NULL;
	}
	if (len > max) {
		xw_err_at(r, n, "<%s> is %zu characters long, more than %zu",
		    (const char *)n->name, len, max);
		return NULL;
	}
	return s;
}

void
xw_no_loose_text(struct xw_reader *r, const xmlNode *c, const xmlNode *parent)
{
	const char *p;

	for (p = (const char *)c->content; p != NULL && *p != '\0'; p++)
		if (!xw_space(*p)) {
			xw_err_at(r, c, "text is not allowed directly inside <%s>",
			    (const char *)parent->name);
			return;
		}
}

void
xw_not_allowed(struct xw_reader *r, const xmlNode *c, const char *parent)
{
	xw_err_at(r, c, "<%s>%s%s%s is not allowed in <%s>",
	    (const char *)c->name, c->ns ? " in namespace " : "",
	    c->ns ? (const char *)c->ns->href : "",
	    c->ns ? "" : " (no namespace)", parent);
}

int
xw_seq_next(struct xw_reader *r, struct xw_seq *q, const xmlNode *parent,
    const xmlNode *c)
{
	const struct xw_slot	*sl;
	size_t			 s;

	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		xw_no_loose_text(r, c, parent);
		return -1;
	}
	if (c->type != XML_ELEMENT_NODE)
		return -1;
	for (s = 0; s < q->n; s++)
		if (xw_is_el(c, q->slots[s].name))
			break;
	if (s == q->n) {
		xw_not_allowed(r, c, (const char *)parent->name);
		return -1;
	}
	sl = &q->slots[s];
	if (s < q->at) {
		xw_err_at(r, c, "<%s> must come before <%s>", sl->name,
		    q->slots[q->at].name);
		return -1;
	}
	if (sl->max != 0 && q->count[s] == sl->max) {
		xw_err_at(r, c, sl->max == 1 ? "<%s> may appear once%s" :
		    "too many <%s> elements%s", sl->name, q->where);
		return -1;
	}
	q->at = s;
	q->count[s]++;
	return (int)s;
}

void
xw_seq_missing(struct xw_reader *r, const struct xw_seq *q,
    const xmlNode *parent)
{
	size_t s;

	for (s = 0; s < q->n; s++)
		if (q->slots[s].required && q->count[s] == 0)
			xw_err_at(r, parent, "<%s> needs a <%s>",
			    (const char *)parent->name, q->slots[s].name);
}
