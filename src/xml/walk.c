/* walk.c: small checks shared by the readers of remiss and remissvar XML (names, dates,
 * white space, namespace), so both formats are read by the same rules. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include <libxml/tree.h>

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

/* Characters (not bytes) of UTF-8 s, as PostgreSQL's length() counts. */
size_t
xw_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
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
