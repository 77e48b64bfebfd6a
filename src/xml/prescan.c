/* prescan.c: one linear pass over an XML document's bytes that bounds, before libxml2 reads
 * them, every quantity libxml2's time or memory is not linear in (see prescan.h). */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "xml/prescan.h"
#include "xml/safe.h"

/* A place in the document, kept to report a problem there later. */
struct mark {
	size_t	 off;	/* byte offset */
	long	 line;	/* its line, 1-based */
	size_t	 bol;	/* offset of that line's first byte */
};

/* State of one scan. s.i only moves forward, through advance() or over
 * bytes that are not '\n', so line and bol always describe s.i.
 *
 * s.work counts every byte a search or loop over the buffer examines (a
 * byte examined twice counts twice), where it is examined: the helpers
 * below that search (find_byte, find_in, advance, skip_ws, name_len,
 * raw_span, refuse) and the few bounded memchr and loops elsewhere. Each
 * pass of the main loop counts one. It is what makes the scan's linearity
 * testable without a clock (xml_prescan_work). */
struct scan {
	const unsigned char	*b;
	size_t			 len;
	size_t			 i;
	long			 line;
	size_t			 bol;
	const struct xml_limits	*lim;
	struct xml_errors	*errs;
	size_t			 lt;	/* the first '<' at or after lt_from */
	size_t			 lt_from;
	size_t			 elements;
	size_t			 attrs;
	size_t			 texts;
	size_t			 namespaces;
	size_t			 work;	/* bytes examined, see xml_prescan_work */
};

static bool
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A byte this scan takes as part of a name: anything that cannot end one
 * in well-formed XML. Wider than XML's names, so it never splits one. */
static bool
is_name(int c)
{
	return !is_ws(c) && c != '<' && c != '>' && c != '/' && c != '=' &&
	    c != '"' && c != '\'';
}

static int
peek(const struct scan *s, size_t k)
{
	return s->i + k < s->len ? s->b[s->i + k] : -1;
}

static struct mark
here(const struct scan *s)
{
	struct mark m = { s->i, s->line, s->bol };

	return m;
}

/* Moves s->i forward to "to", counting the lines passed. */
static void
advance(struct scan *s, size_t to)
{
	const unsigned char	*p = s->b + s->i, *end = s->b + to, *nl;

	if (to > s->i)
		s->work += to - s->i;
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		s->line++;
		s->bol = (size_t)(nl - s->b) + 1;
		p = nl + 1;
	}
	s->i = to;
}

static void
skip_ws(struct scan *s)
{
	s->work++;
	while (s->i < s->len && is_ws(s->b[s->i])) {
		if (s->b[s->i] == '\n') {
			s->line++;
			s->bol = s->i + 1;
		}
		s->i++;
		s->work++;
	}
}

static size_t
name_len(struct scan *s)
{
	size_t n = 0;

	while (s->i + n < s->len && is_name(s->b[s->i + n]))
		n++;
	s->work += n + 1;
	return n;
}

/* Offset of the first byte c at or after from, or s->len. */
static size_t
find_byte(struct scan *s, size_t from, int c)
{
	const unsigned char *p;

	if (from >= s->len)
		return s->len;
	p = memchr(s->b + from, c, s->len - from);
	s->work += p != NULL ? (size_t)(p - s->b) - from + 1 : s->len - from;
	return p != NULL ? (size_t)(p - s->b) : s->len;
}

/* Offset of the first '<' at or after from, or s->len. The answer is kept,
 * so that asking again for any place up to it costs nothing: every search
 * for the end of something is bounded by the next '<', and each byte is
 * searched once. */
static size_t
next_lt(struct scan *s, size_t from)
{
	if (from < s->lt_from || from > s->lt) {
		s->lt = find_byte(s, from, '<');
		s->lt_from = from;
	}
	return s->lt;
}

/*
 * Offset of the first needle that lies within b[from..to), or to. By
 * memchr for its first byte and a comparison of the rest, not memmem:
 * each byte examined is one the search passes (memmem's sanitizer
 * interceptor checks the whole haystack on every call, which made a
 * search per comment or per "encoding" quadratic in the sanitizer build
 * the tests and fuzzers run). The needles here ("-->", "]]>", "?>",
 * "encoding", "xmlns") are at most 8 bytes, so at most 4 bytes are
 * examined per byte passed (a run of '-' before "-->").
 */
static size_t
find_in(struct scan *s, size_t from, size_t to, const char *needle)
{
	const unsigned char	*p, *q, *last;
	size_t			 n = strlen(needle), k;

	if (from >= to || to - from < n)
		return to;
	last = s->b + to - n;	/* the last place needle can start */
	for (p = s->b + from; p <= last; p = q + 1) {
		q = memchr(p, needle[0], (size_t)(last - p) + 1);
		s->work += q != NULL ? (size_t)(q - p) + 1 : (size_t)(last - p) + 1;
		if (q == NULL)
			break;
		for (k = 1; k < n && q[k] == (unsigned char)needle[k]; k++)
			continue;
		s->work += k < n ? k : n - 1;
		if (k == n)
			return (size_t)(q - s->b);
	}
	return to;
}

/* Offset of the first needle at or after from, or s->len. */
static size_t
find_str(struct scan *s, size_t from, const char *needle)
{
	return find_in(s, from, s->len, needle);
}

/* Records a problem at m: its column counts characters, as libxml2's do.
 * limit (may be NULL) names the limit, as remissd -L knows it. */
static int
refuse(struct scan *s, const struct mark *m, const char *limit, size_t value,
    const char *fmt, ...)
{
	char	 msg[256];
	va_list	 ap;
	long	 col = 1;
	size_t	 k;

	for (k = m->bol; k < m->off; k++)
		if ((s->b[k] & 0xC0) != 0x80)
			col++;
	s->work += m->off - m->bol;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (s->errs == NULL)
		return -1;
	xml_errors_add(s->errs, m->line, col, "%s", msg);
	if (limit != NULL && s->errs->over.name == NULL) {
		s->errs->over.name = limit;
		s->errs->over.value = value;
		s->errs->over.line = m->line;
	}
	return -1;
}

/* The name at off and a space, for a message, in <> for an element, if it
 * is short printable ASCII (as every name of our formats is), else "".
 * Uses buf. */
static const char *
shown_name(const struct scan *s, size_t off, size_t n, bool element,
    char *buf, size_t size)
{
	size_t k;

	if (n == 0 || n + 4 > size || n > 64)
		return "";
	for (k = 0; k < n; k++)
		if (s->b[off + k] < 0x21 || s->b[off + k] > 0x7e)
			return "";
	if (element)
		snprintf(buf, size, "<%.*s> ", (int)n, (const char *)s->b + off);
	else
		snprintf(buf, size, "%.*s ", (int)n, (const char *)s->b + off);
	return buf;
}

static bool
is_xmlns(const unsigned char *p, size_t n)
{
	return (n == 5 && memcmp(p, "xmlns", 5) == 0) ||
	    (n > 6 && memcmp(p, "xmlns:", 6) == 0);
}

static int
count_namespaces(struct scan *s, const struct mark *m, size_t add)
{
	if (add > s->lim->max_namespaces - s->namespaces ||
	    (s->namespaces += add) > s->lim->max_namespaces)
		return refuse(s, m, "xml_namespaces", s->lim->max_namespaces,
		    "more than %zu namespace declarations (limit "
		    "xml_namespaces)", s->lim->max_namespaces);
	return 0;
}

/*
 * Bounds what libxml2 could make of b[from..to), markup this scan does not
 * follow: whatever libxml2 reads as a start tag there ends before the next
 * '<', and each of its attributes holds an '=', so the '=' up to "to" (the
 * next '<') bound the attributes, and every "xmlns" may be a declaration.
 */
static int
raw_span(struct scan *s, size_t from, size_t to, const struct mark *m)
{
	const unsigned char	*p = s->b + from, *end = s->b + to, *q;
	size_t			 eq = 0, ns = 0, k;

	while (p < end && (q = memchr(p, '=', (size_t)(end - p))) != NULL) {
		s->work += (size_t)(q - p) + 1;
		if (++eq > s->lim->max_attrs)
			return refuse(s, m, "xml_attrs", s->lim->max_attrs,
			    "markup with more than %zu '=' before the next '<' "
			    "(limit xml_attrs: attributes of one element)",
			    s->lim->max_attrs);
		p = q + 1;
	}
	if (p < end)
		s->work += (size_t)(end - p);
	for (k = from; (k = find_in(s, k, to, "xmlns")) < to; k += 5)
		ns++;
	return ns > 0 ? count_namespaces(s, m, ns) : 0;
}

/* Markup at m that is not well-formed: bounded as raw_span up to the next
 * '<', where the scan goes on (libxml2 reports the error itself). */
static int
raw(struct scan *s, const struct mark *m)
{
	size_t next = next_lt(s, m->off + 1);

	if (raw_span(s, m->off, next, m) == -1)
		return -1;
	if (next > s->i)
		advance(s, next);
	return 0;
}

static int
count_text(struct scan *s)
{
	struct mark m = here(s);

	if (++s->texts > s->lim->max_texts)
		return refuse(s, &m, "xml_texts", s->lim->max_texts,
		    "more than %zu text, CDATA, comment and processing-"
		    "instruction nodes (limit xml_texts)", s->lim->max_texts);
	return 0;
}

/* Character data up to the next '<': one text node. */
static int
text(struct scan *s)
{
	if (count_text(s) == -1)
		return -1;
	advance(s, next_lt(s, s->i));
	return 0;
}

/*
 * A comment, CDATA section or processing instruction: open bytes, then
 * anything up to close. libxml2 ends one early at a character XML does not
 * allow and goes on parsing what follows as content, so every '<' inside
 * is bounded as raw markup (up to the next '<', even past the end).
 */
static int
construct(struct scan *s, size_t open, const char *close)
{
	struct mark	 m;
	size_t		 end, stop, lt, next;

	if (count_text(s) == -1)
		return -1;
	end = find_str(s, s->i + open, close);
	stop = end == s->len ? s->len : end + strlen(close);
	lt = next_lt(s, s->i + open);
	while (lt < end) {
		advance(s, lt);
		m = here(s);
		next = next_lt(s, lt + 1);
		if (raw_span(s, lt, next, &m) == -1)
			return -1;
		lt = next;
	}
	if (s->i < stop)
		advance(s, stop);
	return 0;
}

/* An end tag: up to '>', or raw markup if a '<' comes first. */
static int
end_tag(struct scan *s)
{
	struct mark		 m = here(s);
	size_t			 lt = next_lt(s, s->i + 1);
	const unsigned char	*gt;

	if (s->i + 2 > lt || (gt = memchr(s->b + s->i + 2, '>',
	    lt - (s->i + 2))) == NULL) {
		if (s->i + 2 < lt)
			s->work += lt - (s->i + 2);
		return raw(s, &m);
	}
	s->work += (size_t)(gt - s->b) - (s->i + 2) + 1;
	advance(s, (size_t)(gt - s->b) + 1);
	return 0;
}

/* One attribute value at s->i (a quote). Returns 0 with s->i past it, 1 if
 * it is not well-formed (no closing quote before the next '<'), -1
 * refused. */
static int
attr_value(struct scan *s, const struct mark *at, size_t nlen)
{
	const unsigned char	*q;
	char			 nb[80];
	size_t			 start = s->i + 1, lt, end;

	lt = next_lt(s, start);
	if ((q = memchr(s->b + start, s->b[s->i], lt - start)) == NULL) {
		s->work += lt - start;
		return 1;
	}
	end = (size_t)(q - s->b);
	s->work += end - start + 1;
	if (end - start > s->lim->max_value)
		return refuse(s, at, "xml_value", s->lim->max_value,
		    "attribute %sholds more than %zu bytes (limit xml_value)",
		    shown_name(s, at->off, nlen, false, nb, sizeof(nb)),
		    s->lim->max_value);
	advance(s, end + 1);
	return 0;
}

/* A start tag: its name, then attributes as name = "value", to '>' or
 * "/>". What does not fit that shape is raw markup. */
static int
start_tag(struct scan *s)
{
	const struct xml_limits	*lim = s->lim;
	struct mark		 tag = here(s), at;
	char			 nb[80];
	size_t			 n, name_off, name_n, attrs = 0;
	int			 c, r;

	if (++s->elements > lim->max_elements)
		return refuse(s, &tag, "xml_elements", lim->max_elements,
		    "more than %zu elements (limit xml_elements)",
		    lim->max_elements);
	s->i++;
	name_off = s->i;
	if ((name_n = name_len(s)) == 0)
		return raw(s, &tag);
	if (name_n > lim->max_name) {
		at = here(s);
		return refuse(s, &at, "xml_name", lim->max_name, "an element "
		    "name longer than %zu bytes (limit xml_name)",
		    lim->max_name);
	}
	s->i += name_n;
	for (;;) {
		skip_ws(s);
		if ((c = peek(s, 0)) == '>') {
			s->i++;
			return 0;
		}
		if (c == '/' && peek(s, 1) == '>') {
			s->i += 2;
			return 0;
		}
		at = here(s);
		if ((n = name_len(s)) == 0)
			return raw(s, &tag);
		if (n > lim->max_name)
			return refuse(s, &at, "xml_name", lim->max_name,
			    "an attribute name longer than %zu bytes (limit "
			    "xml_name)", lim->max_name);
		if (++attrs > lim->max_attrs)
			return refuse(s, &tag, "xml_attrs", lim->max_attrs,
			    "element %shas more than %zu attributes (limit "
			    "xml_attrs)", shown_name(s, name_off, name_n,
			    true, nb, sizeof(nb)), lim->max_attrs);
		if (++s->attrs > lim->max_attrs_total)
			return refuse(s, &at, "xml_attrs_total",
			    lim->max_attrs_total, "more than %zu attributes in "
			    "the document (limit xml_attrs_total)",
			    lim->max_attrs_total);
		if (is_xmlns(s->b + s->i, n) && count_namespaces(s, &at, 1) == -1)
			return -1;
		s->i += n;
		skip_ws(s);
		if (peek(s, 0) != '=')
			return raw(s, &tag);
		s->i++;
		skip_ws(s);
		if ((c = peek(s, 0)) != '"' && c != '\'')
			return raw(s, &tag);
		if ((r = attr_value(s, &at, n)) == 1)
			return raw(s, &tag);
		if (r == -1)
			return -1;
	}
}

/* The encoding an XML declaration at the start names, if any, must be
 * UTF-8: libxml2 would switch its decoder to any other. Every
 * "encoding = 'value'" in the declaration is checked, wherever it is. */
static int
check_declaration(struct scan *s)
{
	struct mark	 m = here(s);
	size_t		 start = 0, end, k, v, ve, n;

	if (s->len >= 3 && memcmp(s->b, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	while (start < s->len && is_ws(s->b[start]))
		start++;
	s->work += start + 6;
	if (s->len - start < 6 || memcmp(s->b + start, "<?xml", 5) != 0 ||
	    !is_ws(s->b[start + 5]))
		return 0;
	end = find_str(s, start, "?>");
	for (k = start; (k = find_str(s, k, "encoding")) < end; ) {
		k += 8;
		v = k;
		while (k < end && is_ws(s->b[k]))
			k++;
		s->work += k - v + 1;
		if (k >= end || s->b[k] != '=')
			continue;
		v = k;
		for (k++; k < end && is_ws(s->b[k]); k++)
			continue;
		s->work += k - v + 1;
		if (k >= end || (s->b[k] != '"' && s->b[k] != '\''))
			continue;
		v = k + 1;
		for (ve = v; ve < end && s->b[ve] != s->b[k]; ve++)
			continue;
		s->work += ve - v + 1;
		if (ve == end)
			break;	/* not closed: libxml2 switches to nothing */
		n = ve - v;
		k = ve;
		if ((n == 5 && strncasecmp((const char *)s->b + v, "UTF-8", 5) == 0) ||
		    (n == 4 && strncasecmp((const char *)s->b + v, "UTF8", 4) == 0))
			continue;
		for (k = v; k < ve && k - v <= 40 && s->b[k] > 0x20 &&
		    s->b[k] < 0x7f; k++)
			continue;
		s->work += k - v + 1;
		return refuse(s, &m, NULL, 0, "the document declares encoding "
		    "%.*s; only UTF-8 is accepted", k == ve ? (int)n : 7,
		    k == ve ? (const char *)s->b + v : "another");
	}
	return 0;
}

/* The whole document, from the first byte, as xml_prescan. */
static int
scan_document(struct scan *s)
{
	struct mark	 m = here(s);
	int		 r;

	/* libxml2 recognises EBCDIC by these bytes ("<?xm") and decodes it. */
	if (s->len >= 4 && memcmp(s->b, "\x4c\x6f\xa7\x94", 4) == 0)
		return refuse(s, &m, NULL, 0, "the document is EBCDIC; only "
		    "UTF-8 is accepted");
	if (check_declaration(s) == -1)
		return -1;
	while (s->i < s->len) {
		s->work++;
		if (s->b[s->i] != '<')
			r = text(s);
		else if (s->len - s->i >= 4 && memcmp(s->b + s->i, "<!--", 4) == 0)
			r = construct(s, 4, "-->");
		else if (s->len - s->i >= 9 &&
		    memcmp(s->b + s->i, "<![CDATA[", 9) == 0)
			r = construct(s, 9, "]]>");
		else if (peek(s, 1) == '?')
			r = construct(s, 2, "?>");
		else if (peek(s, 1) == '/')
			r = end_tag(s);
		else if (peek(s, 1) == '!') {
			/* A DOCTYPE (libxml2 refuses it) or an error. */
			m = here(s);
			r = raw(s, &m);
		} else
			r = start_tag(s);
		if (r == -1)
			return -1;
	}
	return 0;
}

int
xml_prescan(const char *buf, size_t len, const struct xml_limits *lim,
    struct xml_errors *errs)
{
	return xml_prescan_work(buf, len, lim, errs, NULL);
}

int
xml_prescan_work(const char *buf, size_t len, const struct xml_limits *lim,
    struct xml_errors *errs, size_t *work)
{
	struct scan	 s;
	int		 r;

	memset(&s, 0, sizeof(s));
	s.b = (const unsigned char *)buf;
	s.len = buf != NULL ? len : 0;
	s.line = 1;
	s.lt_from = SIZE_MAX;
	s.lim = lim;
	s.errs = errs;
	r = scan_document(&s);
	if (work != NULL)
		*work = s.work;
	return r;
}
