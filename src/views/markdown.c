/* markdown.c: renders the Markdown subset of markdown.h into HTML through html.c, so nothing in the text can become markup. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "views/html.h"
#include "views/markdown.h"

/* Where the closing marker m (mlen bytes) of a span whose content starts at
 * t[from] lies in t[0..n), or -1. As in Markdown, the content must not be
 * empty nor begin or end with a blank ("5 * 3" has no emphasis). */
static long
find_close(const char *t, size_t from, size_t n, const char *m, size_t mlen)
{
	size_t j;

	if (from >= n || t[from] == ' ' || t[from] == '\t')
		return -1;
	for (j = from + 1; j + mlen <= n; j++)
		if (memcmp(t + j, m, mlen) == 0 && t[j - 1] != ' ' &&
		    t[j - 1] != '\t')
			return (long)j;
	return -1;
}

/* Writes text[0..n) as escaped text with **strong**, *em* and `code`
 * spans. Returns 0 or -1 (allocation). */
static int
inline_spans(struct html *h, struct arena *a, const char *t, size_t n)
{
	size_t		 i = 0, start = 0, mlen;
	long		 c;
	const char	*tag, *m;
	char		*s;

	while (i < n) {
		if (t[i] == '`') {
			m = "`", mlen = 1, tag = "code";
		} else if (t[i] == '*' && i + 1 < n && t[i + 1] == '*') {
			m = "**", mlen = 2, tag = "strong";
		} else if (t[i] == '*') {
			m = "*", mlen = 1, tag = "em";
		} else {
			i++;
			continue;
		}
		c = find_close(t, i + mlen, n, m, mlen);
		/* No partner, or an empty span: the marker is text. */
		if (c == -1) {
			i += mlen;
			continue;
		}
		if (i > start) {
			if ((s = arena_strndup(a, t + start, i - start)) == NULL)
				return -1;
			html_text(h, s);
		}
		if ((s = arena_strndup(a, t + i + mlen,
		    (size_t)c - i - mlen)) == NULL)
			return -1;
		if (strcmp(tag, "code") == 0)
			html_elem(h, tag, s, NULL);
		else {
			html_open(h, tag, NULL);
			if (inline_spans(h, a, s, strlen(s)) == -1)
				return -1;
			html_close(h);
		}
		i = (size_t)c + mlen;
		start = i;
	}
	if (n > start) {
		if ((s = arena_strndup(a, t + start, n - start)) == NULL)
			return -1;
		html_text(h, s);
	}
	return 0;
}

enum block { B_NONE, B_PARA, B_ITEM };

struct md {
	struct html	*h;
	struct arena	*a;
	struct buf	 text;		/* the open paragraph or list item */
	enum block	 block;
	int		 in_list;	/* a <ul> is open */
	int		 failed;
};

/* Writes the open paragraph or list item, if any. */
static void
flush(struct md *m)
{
	if (m->block != B_NONE && m->text.len > 0) {
		html_open(m->h, m->block == B_PARA ? "p" : "li", NULL);
		if (inline_spans(m->h, m->a, m->text.data, m->text.len) == -1)
			m->failed = 1;
		html_close(m->h);
	}
	buf_init(&m->text, m->a);
	m->block = B_NONE;
}

static void
end_list(struct md *m)
{
	flush(m);
	if (m->in_list) {
		html_close(m->h);
		m->in_list = 0;
	}
}

/* Adds a line's text to the open block, joined by a space. */
static void
add(struct md *m, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (m->text.len > 0 && n > 0)
		buf_append(&m->text, " ", 1);
	buf_append(&m->text, s, n);
	if (m->text.failed)
		m->failed = 1;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* One heading line: level 1..3 and its text. */
static void
heading(struct md *m, int level, const char *s, size_t n)
{
	static const char *const tags[] = { "h1", "h2", "h3" };

	end_list(m);
	add(m, s, n);
	html_open(m->h, tags[level - 1], NULL);
	if (inline_spans(m->h, m->a, m->text.data != NULL ? m->text.data : "",
	    m->text.len) == -1)
		m->failed = 1;
	html_close(m->h);
	buf_init(&m->text, m->a);
}

int
markdown_render(struct html *h, struct arena *a, const char *md, size_t len)
{
	struct md	 m;
	const char	*p, *end, *nl;
	size_t		 n;
	int		 level;

	memset(&m, 0, sizeof(m));
	m.h = h;
	m.a = a;
	buf_init(&m.text, a);
	if ((nl = memchr(md, '\0', len)) != NULL)
		len = (size_t)(nl - md);
	end = md + len;
	for (p = md; p < end && !m.failed; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (blank(p, n)) {
			flush(&m);
			continue;
		}
		for (level = 0; level < 4 && level < (int)n && p[level] == '#';
		    level++)
			;
		if (level >= 1 && level <= 3 && (size_t)level < n &&
		    p[level] == ' ') {
			flush(&m);
			heading(&m, level, p + level + 1, n - (size_t)level - 1);
			continue;
		}
		if (n >= 2 && p[0] == '-' && p[1] == ' ') {
			flush(&m);
			if (!m.in_list) {
				html_open(h, "ul", NULL);
				m.in_list = 1;
			}
			m.block = B_ITEM;
			add(&m, p + 2, n - 2);
			continue;
		}
		/* An indented line continues a list item; any other line
		 * continues a paragraph or starts one (ending a list). */
		if (m.block == B_ITEM && (p[0] == ' ' || p[0] == '\t')) {
			add(&m, p, n);
			continue;
		}
		if (m.block != B_PARA) {
			end_list(&m);
			m.block = B_PARA;
		}
		add(&m, p, n);
	}
	end_list(&m);
	return m.failed ? -1 : 0;
}

char *
markdown_title(struct arena *a, const char *md, size_t len)
{
	const char	*p, *end, *nl;
	size_t		 n;

	if ((nl = memchr(md, '\0', len)) != NULL)
		len = (size_t)(nl - md);
	end = md + len;
	for (p = md; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n > 2 && p[0] == '#' && p[1] == ' ') {
			p += 2, n -= 2;
			while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
				n--;
			return arena_strndup(a, p, n);
		}
	}
	return NULL;
}
