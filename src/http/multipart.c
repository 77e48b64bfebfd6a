/* multipart.c: a streaming multipart/form-data parser (RFC 7578, RFC 2046 5.1.1). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "http/limits.h"
#include "http/multipart.h"
#include "http/utf8.h"
#include "http/tchar.h"
#include "util/arena.h"

#define BOUNDARY_MAX	70	/* RFC 2046: 1 to 70 characters */
#define DELIM_PREFIX	4	/* CR LF '-' '-' before the boundary */
#define GROW_START	256	/* first capacity of a growing buffer */

enum mp_state {
	MP_PREAMBLE,	/* before the first delimiter: discarded */
	MP_DELIM,	/* right after a delimiter: "--", padding or CRLF next */
	MP_DASH,	/* one '-' seen after a delimiter */
	MP_PAD,		/* transport padding after a delimiter */
	MP_PAD_CR,	/* the CR ending a boundary line */
	MP_HEADERS,	/* a part's header block */
	MP_BODY,	/* a part's content */
	MP_EPILOGUE	/* after the close delimiter: discarded */
};

struct multipart {
	struct arena		*a;
	const struct limits	*l;
	enum parse_err		 err;	/* sticky: once set, every call returns it */
	enum mp_state		 state;
	char			 delim[DELIM_PREFIX + BOUNDARY_MAX];
	size_t			 dlen;	/* bytes in delim */
	size_t			 mi;	/* bytes of delim matched so far */
	size_t			 total;	/* body bytes fed so far */
	char			*hdr;	/* the current header block */
	size_t			 hlen;
	size_t			 hcap;
	struct multipart_part	 cur;	/* the part being read */
	char			*data;	/* cur's content, grown geometrically */
	size_t			 cap;
	size_t			 climit; /* content limit of cur */
	struct multipart_part	*parts;	/* complete parts */
	size_t			 nparts;
	size_t			 partscap;
	size_t			 work;	/* see multipart_work */
};

/* RFC 2046 bchars, without the space (allowed, but not last). */
static int
is_bchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=?", c) != NULL;
}

/* True if s[0..len) equals the lower-case literal lit, ignoring case. */
static int
ieq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && strncasecmp(s, lit, len) == 0;
}

static void
skip_ows(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

static void
trim(const char **s, const char **e)
{
	skip_ows(s, *e);
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/*
 * Reads the quoted-string at *p (which is a DQUOTE) before end, resolving
 * quoted-pairs ('\' and any byte). Writes up to cap unescaped bytes to out
 * when out is not NULL and sets *outlen to the full unescaped length.
 * Returns 0 with *p past the closing DQUOTE, or -1 when it is unterminated.
 */
static int
quoted(const char **p, const char *end, char *out, size_t cap, size_t *outlen)
{
	const char	*s = *p + 1;
	size_t		 n = 0;

	while (s < end && *s != '"') {
		if (*s == '\\' && ++s == end)
			return -1;
		if (out != NULL && n < cap)
			out[n] = *s;
		n++;
		s++;
	}
	if (s == end)
		return -1;
	*p = s + 1;
	*outlen = n;
	return 0;
}

/*
 * Reads the next parameter's "; name =" of a header value from *p (both
 * Content-Types and Content-Disposition): 1 with the name in *ns, *nlen and
 * *p after the '=' (and after white space there when ows), 0 at the end of
 * the value, -1 when it is not a parameter. White space around the '=' is
 * allowed only when ows.
 */
static int
next_param(const char **p, const char *end, bool ows, const char **ns,
    size_t *nlen)
{
	skip_ows(p, end);
	if (*p == end)
		return 0;
	if (*(*p)++ != ';')
		return -1;
	skip_ows(p, end);
	if (*p == end)
		return 0;
	for (*ns = *p; *p < end && http_is_tchar((unsigned char)**p); (*p)++)
		continue;
	*nlen = (size_t)(*p - *ns);
	if (ows)
		skip_ows(p, end);
	if (*nlen == 0 || *p == end || *(*p)++ != '=')
		return -1;
	if (ows)
		skip_ows(p, end);
	return 1;
}

/*
 * Parses the request Content-Type: "multipart/form-data" then parameters;
 * exactly one must be a valid boundary, which is copied to bnd (room for
 * BOUNDARY_MAX bytes). Other parameters are ignored.
 */
static enum parse_err
parse_content_type(const char *ct, char *bnd, size_t *blen)
{
	static const char	 type[] = "multipart/form-data";
	const char		*p, *end, *ns, *vs;
	size_t			 nlen, vlen, i;
	int			 found = 0, more;

	if (ct == NULL)
		return PARSE_ERR_MEDIA_TYPE;
	p = ct;
	end = ct + strlen(ct);
	skip_ows(&p, end);
	if ((size_t)(end - p) < sizeof(type) - 1 ||
	    strncasecmp(p, type, sizeof(type) - 1) != 0)
		return PARSE_ERR_MEDIA_TYPE;
	p += sizeof(type) - 1;
	while ((more = next_param(&p, end, false, &ns, &nlen)) != 0) {
		if (more == -1)
			return PARSE_ERR_MEDIA_TYPE;
		if (!ieq(ns, nlen, "boundary")) {
			if (p < end && *p == '"') {
				if (quoted(&p, end, NULL, 0, &vlen) == -1)
					return PARSE_ERR_MEDIA_TYPE;
			} else
				while (p < end && *p != ';' && *p != ' ' &&
				    *p != '\t')
					p++;
			continue;
		}
		if (found++)
			return PARSE_ERR_MEDIA_TYPE;
		if (p < end && *p == '"') {
			if (quoted(&p, end, bnd, BOUNDARY_MAX, &vlen) == -1)
				return PARSE_ERR_MEDIA_TYPE;
		} else {
			for (vs = p; p < end && *p != ';' && *p != ' ' &&
			    *p != '\t'; p++)
				continue;
			vlen = (size_t)(p - vs);
			if (vlen <= BOUNDARY_MAX)
				memcpy(bnd, vs, vlen);
		}
		if (vlen == 0 || vlen > BOUNDARY_MAX || bnd[vlen - 1] == ' ')
			return PARSE_ERR_MEDIA_TYPE;
		for (i = 0; i < vlen; i++)
			if (bnd[i] != ' ' && !is_bchar((unsigned char)bnd[i]))
				return PARSE_ERR_MEDIA_TYPE;
		*blen = vlen;
	}
	return found ? PARSE_OK : PARSE_ERR_MEDIA_TYPE;
}

/* Returns a parser or NULL with *err set; see multipart.h. */
struct multipart *
multipart_new(struct arena *a, const char *content_type,
    const struct limits *l, enum parse_err *err)
{
	struct multipart	*m;
	size_t			 blen = 0;
	enum parse_err		 e;

	if ((m = arena_alloc(a, sizeof(*m))) == NULL) {
		e = PARSE_ERR_NOMEM;
		goto err;
	}
	m->a = a;
	m->l = l;
	m->err = PARSE_OK;
	m->state = MP_PREAMBLE;
	memcpy(m->delim, "\r\n--", DELIM_PREFIX);
	e = parse_content_type(content_type, m->delim + DELIM_PREFIX, &blen);
	if (e != PARSE_OK)
		goto err;
	m->dlen = DELIM_PREFIX + blen;
	/* The first boundary may open the body with no CRLF before it. */
	m->mi = 2;
	*err = PARSE_OK;
	return m;
err:
	*err = e;
	return NULL;
}

/*
 * Makes *buf (capacity *cap) hold at least need bytes, doubling from
 * GROW_START but never beyond bound (need <= bound). The old block stays in
 * the arena; on failure *buf is unchanged. Adds to *work the bytes of the
 * new block (the arena zeroes them) and the len bytes copied into it.
 */
static enum parse_err
grow(struct arena *a, char **buf, size_t *cap, size_t len, size_t need,
    size_t bound, size_t *work)
{
	size_t	 ncap;
	char	*nb;

	if (need <= *cap)
		return PARSE_OK;
	ncap = *cap ? *cap : GROW_START;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? SIZE_MAX : ncap * 2;
	if (ncap > bound)
		ncap = bound;
	if ((nb = arena_realloc(a, *buf, len, ncap)) == NULL)
		return PARSE_ERR_NOMEM;
	*work += ncap + len;
	*buf = nb;
	*cap = ncap;
	return PARSE_OK;
}

/* Appends n content bytes to the current part; outside a part they are
 * preamble and dropped. Fails before copying anything over the limit. */
static enum parse_err
emit(struct multipart *m, const char *p, size_t n)
{
	enum parse_err	e;
	size_t		bound;

	if (m->state != MP_BODY || n == 0)
		return PARSE_OK;
	if (n > m->climit - m->cur.len)
		return PARSE_ERR_TOO_LARGE;
	/* Room for the NUL; climit may be SIZE_MAX, then len + n < SIZE_MAX
	 * is still needed. */
	if (m->cur.len + n == SIZE_MAX)
		return PARSE_ERR_TOO_LARGE;
	bound = m->climit == SIZE_MAX ? SIZE_MAX : m->climit + 1;
	e = grow(m->a, &m->data, &m->cap, m->cur.len, m->cur.len + n + 1,
	    bound, &m->work);
	if (e != PARSE_OK)
		return e;
	memcpy(m->data + m->cur.len, p, n);
	m->work += n;
	m->cur.len += n;
	return PARSE_OK;
}

/* Completes the current part: NUL-terminates, checks text, stores it. */
static enum parse_err
end_part(struct multipart *m)
{
	struct multipart_part	*np;
	size_t			 ncap;

	if (m->data == NULL && (m->data = arena_alloc(m->a, 1)) == NULL)
		return PARSE_ERR_NOMEM;
	m->data[m->cur.len] = '\0';
	m->cur.data = m->data;
	if (m->cur.filename == NULL && !utf8_valid_text(m->cur.data, m->cur.len))
		return PARSE_ERR_UTF8;
	if (m->nparts == m->partscap) {
		ncap = m->partscap ? m->partscap : 4;
		if (m->partscap != 0) {
			if (ncap > SIZE_MAX / 2 / sizeof(*np))
				return PARSE_ERR_NOMEM;
			ncap *= 2;
		}
		np = arena_realloc(m->a, m->parts, m->nparts * sizeof(*np),
		    ncap * sizeof(*np));
		if (np == NULL)
			return PARSE_ERR_NOMEM;
		m->parts = np;
		m->partscap = ncap;
	}
	m->parts[m->nparts++] = m->cur;
	return PARSE_OK;
}

/* Begins a part after a boundary line, refusing one over parts_max. */
static enum parse_err
start_part(struct multipart *m)
{
	if (m->nparts >= m->l->parts_max)
		return PARSE_ERR_TOO_MANY;
	memset(&m->cur, 0, sizeof(m->cur));
	m->data = NULL;
	m->cap = 0;
	m->hlen = 0;
	m->state = MP_HEADERS;
	return PARSE_OK;
}

/*
 * Scans n bytes of preamble or content for the delimiter, which may be split
 * across calls (m->mi remembers the matched prefix). The delimiter begins with
 * CR and holds no other CR, so after a mismatch the only place a new match
 * can begin is a CR: the matched prefix was content, and scanning goes on
 * from the mismatching byte. Sets *used to the bytes consumed.
 */
static enum parse_err
scan(struct multipart *m, const char *p, size_t n, size_t *used)
{
	const char	*cr;
	size_t		 i = 0, run;
	enum parse_err	 e;

	while (i < n) {
		if (m->mi == 0) {
			cr = memchr(p + i, '\r', n - i);
			run = cr != NULL ? (size_t)(cr - (p + i)) : n - i;
			m->work += run + (cr != NULL ? 1 : 0);
			if ((e = emit(m, p + i, run)) != PARSE_OK)
				return e;
			i += run;
			if (cr == NULL)
				break;
			m->mi = 1;
			i++;
		} else if (p[i] == m->delim[m->mi]) {
			m->work++;
			i++;
			if (++m->mi < m->dlen)
				continue;
			m->mi = 0;
			*used = i;
			if (m->state == MP_BODY && (e = end_part(m)) != PARSE_OK)
				return e;
			m->state = MP_DELIM;
			return PARSE_OK;
		} else {
			/* The byte is looked at again, as a possible CR. */
			m->work++;
			if ((e = emit(m, m->delim, m->mi)) != PARSE_OK)
				return e;
			m->mi = 0;
		}
	}
	*used = n;
	return PARSE_OK;
}

/* One byte of a boundary line after the delimiter: "--" closes the body,
 * otherwise optional SP/HTAB padding then CRLF starts a part. */
static enum parse_err
delim_byte(struct multipart *m, char c)
{
	switch (m->state) {
	case MP_DELIM:
		if (c == '-')
			m->state = MP_DASH;
		else if (c == ' ' || c == '\t')
			m->state = MP_PAD;
		else if (c == '\r')
			m->state = MP_PAD_CR;
		else
			return PARSE_ERR_SYNTAX;
		return PARSE_OK;
	case MP_DASH:
		if (c != '-')
			return PARSE_ERR_SYNTAX;
		m->state = MP_EPILOGUE;
		return PARSE_OK;
	case MP_PAD:
		if (c == '\r')
			m->state = MP_PAD_CR;
		else if (c != ' ' && c != '\t')
			return PARSE_ERR_SYNTAX;
		return PARSE_OK;
	case MP_PAD_CR:
		if (c != '\n')
			return PARSE_ERR_SYNTAX;
		return start_part(m);
	default:
		return PARSE_ERR_SYNTAX;
	}
}

/* Reads one parameter value (token or quoted-string) at *p; when keep, the
 * unescaped value is copied to the arena as *out. */
static enum parse_err
param_value(struct multipart *m, const char **p, const char *end, int keep,
    char **out)
{
	const char	*s = *p;
	size_t		 len;

	if (s < end && *s == '"') {
		if (quoted(p, end, NULL, 0, &len) == -1)
			return PARSE_ERR_SYNTAX;
		if (!keep)
			return PARSE_OK;
		if ((*out = arena_alloc(m->a, len + 1)) == NULL)
			return PARSE_ERR_NOMEM;
		(void)quoted(&s, end, *out, len, &len);
		return PARSE_OK;
	}
	while (*p < end && http_is_tchar((unsigned char)**p))
		(*p)++;
	if (*p == s)
		return PARSE_ERR_SYNTAX;
	if (keep && (*out = arena_strndup(m->a, s, (size_t)(*p - s))) == NULL)
		return PARSE_ERR_NOMEM;
	return PARSE_OK;
}

/* Content-Disposition: form-data *( ";" param ), keeping name and filename.
 * A repeated name or filename parameter is a syntax error. */
static enum parse_err
parse_disposition(struct multipart *m, const char *p, const char *end)
{
	const char	*ns, **slot;
	char		*v;
	size_t		 nlen;
	enum parse_err	 e;
	int		 more;

	for (ns = p; p < end && http_is_tchar((unsigned char)*p); p++)
		continue;
	if (!ieq(ns, (size_t)(p - ns), "form-data"))
		return PARSE_ERR_SYNTAX;
	while ((more = next_param(&p, end, true, &ns, &nlen)) != 0) {
		if (more == -1)
			return PARSE_ERR_SYNTAX;
		slot = NULL;
		if (ieq(ns, nlen, "name"))
			slot = &m->cur.name;
		else if (ieq(ns, nlen, "filename"))
			slot = &m->cur.filename;
		if (slot != NULL && *slot != NULL)
			return PARSE_ERR_SYNTAX;
		v = NULL;
		if ((e = param_value(m, &p, end, slot != NULL, &v)) != PARSE_OK)
			return e;
		if (slot != NULL)
			*slot = v;
	}
	return PARSE_OK;
}

/* Content-Type of a part: "type/subtype" kept lower-cased, params dropped. */
static enum parse_err
parse_part_type(struct multipart *m, const char *p, const char *end)
{
	const char	*te, *slash;
	char		*t;
	size_t		 i, n;

	for (te = p; te < end && *te != ';'; te++)
		continue;
	trim(&p, &te);
	n = (size_t)(te - p);
	if ((slash = memchr(p, '/', n)) == NULL || !http_is_token(p,
	    (size_t)(slash - p)) || !http_is_token(slash + 1, (size_t)(te - slash - 1)))
		return PARSE_ERR_SYNTAX;
	if ((t = arena_strndup(m->a, p, n)) == NULL)
		return PARSE_ERR_NOMEM;
	for (i = 0; i < n; i++)
		if (t[i] >= 'A' && t[i] <= 'Z')
			t[i] = (char)(t[i] - 'A' + 'a');
	m->cur.content_type = t;
	return PARSE_OK;
}

/* One header line s[0..e) without its CRLF. Folded lines are refused; the
 * value may hold HTAB and bytes >= 0x80 but no other control character. */
static enum parse_err
header_line(struct multipart *m, const char *s, const char *e, int *seen_cd,
    int *seen_ct)
{
	const char	*colon, *vs, *ve, *q;

	if (s == e || *s == ' ' || *s == '\t')
		return PARSE_ERR_SYNTAX;
	if ((colon = memchr(s, ':', (size_t)(e - s))) == NULL ||
	    !http_is_token(s, (size_t)(colon - s)))
		return PARSE_ERR_SYNTAX;
	for (q = colon + 1; q < e; q++)
		if (((unsigned char)*q < 0x20 && *q != '\t') || *q == 0x7F)
			return PARSE_ERR_SYNTAX;
	vs = colon + 1;
	ve = e;
	trim(&vs, &ve);
	if (ieq(s, (size_t)(colon - s), "content-disposition")) {
		if ((*seen_cd)++)
			return PARSE_ERR_SYNTAX;
		return parse_disposition(m, vs, ve);
	}
	if (ieq(s, (size_t)(colon - s), "content-type")) {
		if ((*seen_ct)++)
			return PARSE_ERR_SYNTAX;
		return parse_part_type(m, vs, ve);
	}
	return PARSE_OK;
}

/* Parses the complete header block (every line ends in CRLF, the last line
 * is empty) and sets the content limit of the part. */
static enum parse_err
parse_headers(struct multipart *m)
{
	const char	*p = m->hdr, *end = m->hdr + m->hlen - 2, *cr;
	int		 seen_cd = 0, seen_ct = 0;
	enum parse_err	 e;

	/* The block once more as it is parsed (at most part_header_max). */
	m->work += m->hlen;
	while (p < end) {
		cr = memchr(p, '\r', (size_t)(end - p));
		e = header_line(m, p, cr, &seen_cd, &seen_ct);
		if (e != PARSE_OK)
			return e;
		p = cr + 2;
	}
	if (m->cur.name == NULL)
		return PARSE_ERR_SYNTAX;
	if (strlen(m->cur.name) > m->l->key_max)
		return PARSE_ERR_TOO_LARGE;
	if (!utf8_valid_text(m->cur.name, strlen(m->cur.name)) ||
	    (m->cur.filename != NULL &&
	    !utf8_valid_text(m->cur.filename, strlen(m->cur.filename))))
		return PARSE_ERR_UTF8;
	m->climit = m->l->part_max;
	/* A text part becomes a form value, so value_max holds for it too. */
	if (m->cur.filename == NULL && m->l->value_max < m->climit)
		m->climit = m->l->value_max;
	return PARSE_OK;
}

/* One byte of a header block, bounded by part_header_max; a CR must be
 * followed by LF and an LF preceded by CR. */
static enum parse_err
header_byte(struct multipart *m, char c)
{
	char		prev;
	size_t		n;
	enum parse_err	e;

	if (m->hlen >= m->l->part_header_max)
		return PARSE_ERR_TOO_LARGE;
	prev = m->hlen > 0 ? m->hdr[m->hlen - 1] : '\0';
	if ((prev == '\r') != (c == '\n'))
		return PARSE_ERR_SYNTAX;
	m->work++;
	e = grow(m->a, &m->hdr, &m->hcap, m->hlen, m->hlen + 1,
	    m->l->part_header_max, &m->work);
	if (e != PARSE_OK)
		return e;
	m->hdr[m->hlen++] = c;
	n = m->hlen;
	if (c != '\n' || (n != 2 && (n < 4 || m->hdr[n - 3] != '\n')))
		return PARSE_OK;
	if ((e = parse_headers(m)) != PARSE_OK)
		return e;
	m->state = MP_BODY;
	return PARSE_OK;
}

/* Returns PARSE_OK or the (sticky) first error. */
enum parse_err
multipart_feed(struct multipart *m, const char *buf, size_t len)
{
	size_t		i = 0, used;
	enum parse_err	e = PARSE_OK;

	if (m->err != PARSE_OK)
		return m->err;
	if (len > m->l->body_max - m->total) {
		e = PARSE_ERR_TOO_LARGE;
		goto err;
	}
	m->total += len;
	while (i < len) {
		switch (m->state) {
		case MP_PREAMBLE:
		case MP_BODY:
			used = 0;
			e = scan(m, buf + i, len - i, &used);
			i += used;
			break;
		case MP_HEADERS:
			e = header_byte(m, buf[i++]);
			break;
		case MP_EPILOGUE:
			i = len;
			break;
		default:
			m->work++;
			e = delim_byte(m, buf[i++]);
			break;
		}
		if (e != PARSE_OK)
			goto err;
	}
	return PARSE_OK;
err:
	m->err = e;
	return e;
}

/* Returns the sticky error, PARSE_OK after the close delimiter, else
 * PARSE_ERR_TRUNCATED. */
enum parse_err
multipart_finish(struct multipart *m)
{
	if (m->err != PARSE_OK)
		return m->err;
	return m->state == MP_EPILOGUE ? PARSE_OK : PARSE_ERR_TRUNCATED;
}

size_t
multipart_work(const struct multipart *m)
{
	return m->work;
}

/* Returns the number of complete parts. */
size_t
multipart_count(const struct multipart *m)
{
	return m->nparts;
}

/* Returns part i, or NULL when i is out of range. */
const struct multipart_part *
multipart_part(const struct multipart *m, size_t i)
{
	return i < m->nparts ? &m->parts[i] : NULL;
}

/* Returns the first complete part named name, or NULL. */
const struct multipart_part *
multipart_get(const struct multipart *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nparts; i++)
		if (strcmp(m->parts[i].name, name) == 0)
			return &m->parts[i];
	return NULL;
}
