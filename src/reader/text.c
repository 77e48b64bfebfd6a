/* text.c: the extracted text as lines and lowercase-folded words, UTF-8 aware, never reading past its end. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/stopwords.h"
#include "reader/extern.h"
#include "util/arena.h"

/* Length of the punctuation or space sequence at s (< n bytes left), 0 if
 * s begins a letter or digit. Multi-byte punctuation: Latin-1 symbols
 * (U+0080..U+00BF: no-break space, §, «, »), × and ÷, the General
 * Punctuation block (dashes, quotes, bullets, …), the minus sign, the BOM. */
static size_t
sep_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return ((s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' &&
		    s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) ? 0 : 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF &&
	    s[1] != 0xAA && s[1] != 0xB5 && s[1] != 0xBA)
		return 2;
	if (n >= 2 && s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7))
		return 2;
	if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81) &&
	    s[2] >= 0x80 && s[2] <= 0xBF)
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
		return 3;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	if (s[0] < 0xC0)	/* a stray continuation byte */
		return 1;
	return 0;
}

/* Length of the letter at s (< n bytes left) by its lead byte, cut at n. */
static size_t
char_len(const unsigned char *s, size_t n)
{
	size_t	 k = 1;

	if (s[0] >= 0xF0)
		k = 4;
	else if (s[0] >= 0xE0)
		k = 3;
	else if (s[0] >= 0xC0)
		k = 2;
	return k > n ? n : k;
}

static bool
is_upper(const unsigned char *s, size_t n)
{
	if (s[0] >= 'A' && s[0] <= 'Z')
		return true;
	return n >= 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E &&
	    s[1] != 0x97;
}

void
rwalk_init(struct rwalk *wk, const char *t, size_t from, size_t to)
{
	wk->t = t;
	wk->pos = from;
	wk->end = to;
}

bool
rwalk_next(struct rwalk *wk, struct rword *w)
{
	const unsigned char	*s = (const unsigned char *)wk->t;
	size_t			 k;

	while (wk->pos < wk->end &&
	    (k = sep_len(s + wk->pos, wk->end - wk->pos)) > 0)
		wk->pos += k;
	if (wk->pos >= wk->end)
		return false;
	w->start = wk->pos;
	w->len = 0;
	w->upper = is_upper(s + wk->pos, wk->end - wk->pos) ||
	    (s[wk->pos] >= '0' && s[wk->pos] <= '9');
	while (wk->pos < wk->end && sep_len(s + wk->pos, wk->end - wk->pos) == 0) {
		k = char_len(s + wk->pos, wk->end - wk->pos);
		if (w->len + k <= RW_MAX) {
			memcpy(w->w + w->len, s + wk->pos, k);
			if (k == 1 && w->w[w->len] >= 'A' && w->w[w->len] <= 'Z')
				w->w[w->len] += 'a' - 'A';
			else if (k == 2 && s[wk->pos] == 0xC3 &&
			    s[wk->pos + 1] >= 0x80 && s[wk->pos + 1] <= 0x9E &&
			    s[wk->pos + 1] != 0x97)
				w->w[w->len + 1] = (char)(s[wk->pos + 1] + 0x20);
			w->len += k;
		}
		wk->pos += k;
	}
	w->w[w->len] = '\0';
	w->end = wk->pos;
	return true;
}

bool
rword_inflected(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 p = 0, m = la < lb ? la : lb, x = la < lb ? lb : la;

	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	while (p < m && a[p] == b[p])
		p++;
	return p >= 5 && p + 4 >= x;
}

bool
rword_like(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 p = 0, m = la < lb ? la : lb, x = la < lb ? lb : la;

	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	while (p < m && a[p] == b[p])
		p++;
	if (p >= 5 && p + 4 >= x)
		return true;
	/* A compound's first part: "kostnader" in "kostnadsfördelning". */
	return p >= 6 && p + 3 >= m;
}

bool
rword_stop(const char *w, size_t len)
{
	return stopword_is(w, len);
}

bool
rword_is(const char *w, size_t len, const char *lit)
{
	size_t	 n = strlen(lit);

	return n == len && memcmp(w, lit, n) == 0;
}

bool
rword_starts(const char *w, size_t len, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return n <= len && memcmp(w, prefix, n) == 0;
}

size_t
rskip_space(const char *t, size_t at, size_t end)
{
	while (at < end && (t[at] == ' ' || t[at] == '\t' || t[at] == '\r'))
		at++;
	return at;
}

/* FNV-1a of the folded words of a line, for finding repeated page headers. */
static uint64_t
line_hash(const char *t, size_t start, size_t end)
{
	struct rwalk	 wk;
	struct rword	 w;
	uint64_t	 h = 14695981039346656037ull;
	size_t		 i;

	rwalk_init(&wk, t, start, end);
	while (rwalk_next(&wk, &w)) {
		for (i = 0; i < w.len; i++)
			h = (h ^ (unsigned char)w.w[i]) * 1099511628211ull;
		h = (h ^ ' ') * 1099511628211ull;
	}
	return h;
}

/* True if the line is only a page number: "2", "2 (5)", "2(5)", "2/5",
 * "- 2 -", "Sida 2 av 5". */
static bool
page_number(const char *t, size_t start, size_t end)
{
	struct rwalk	 wk;
	struct rword	 w;
	size_t		 nums = 0, words = 0, i;

	rwalk_init(&wk, t, start, end);
	while (rwalk_next(&wk, &w)) {
		words++;
		for (i = 0; i < w.len && w.w[i] >= '0' && w.w[i] <= '9'; i++)
			;
		if (i == w.len && w.len <= 4)
			nums++;
		else if (!rword_is(w.w, w.len, "sida") &&
		    !rword_is(w.w, w.len, "av") && !rword_is(w.w, w.len, "page"))
			return false;
	}
	return nums >= 1 && nums <= 2 && words <= 4;
}

struct hline {
	uint64_t	 h;
	size_t		 page, line;
};

static int
cmp_hline(const void *a, const void *b)
{
	const struct hline	*x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->page > y->page) - (x->page < y->page);
}

/* Lists line i for the furniture check unless blank, long or already listed. */
static void
add_hline(const struct rtext *x, struct hline *v, size_t *n, size_t page,
    size_t i)
{
	const struct rline	*l = &x->lines[i];

	if (l->flags & RL_BLANK || l->end - l->start > 120 || l->nwords == 0)
		return;
	if (*n > 0 && v[*n - 1].line >= i && v[*n - 1].page == page)
		return;
	v[*n].h = line_hash(x->t, l->start, l->end);
	v[*n].page = page;
	v[*n].line = i;
	(*n)++;
}

/* Marks page numbers, and lines among the first or last three of a page
 * that recur so on another page (running headers and footers), as
 * furniture. */
static int
mark_furniture(struct arena *a, struct rtext *x)
{
	struct hline	*v;
	size_t		 n = 0, i, j, k, b, e, seen, page = 0;

	for (i = 0; i < x->nlines; i++)
		if (!(x->lines[i].flags & RL_BLANK) &&
		    page_number(x->t, x->lines[i].start, x->lines[i].end))
			x->lines[i].flags |= RL_FURNITURE;
	if ((v = arena_calloc(a, x->nlines + 1, 6 * sizeof(*v))) == NULL)
		return -1;
	for (b = 0; b < x->nlines; b = e, page++) {
		for (e = b + 1; e < x->nlines && !(x->lines[e].flags & RL_PAGE);
		    e++)
			;
		for (j = b, seen = 0; j < e && seen < 3; j++)
			if (!(x->lines[j].flags & RL_BLANK)) {
				add_hline(x, v, &n, page, j);
				seen++;
			}
		k = j;
		for (j = e, seen = 0; j > k && seen < 3; j--)
			if (!(x->lines[j - 1].flags & RL_BLANK)) {
				seen++;
				if (x->lines[j - 1].end - x->lines[j - 1].start
				    <= 120 && x->lines[j - 1].nwords > 0) {
					v[n].h = line_hash(x->t,
					    x->lines[j - 1].start,
					    x->lines[j - 1].end);
					v[n].page = page;
					v[n].line = j - 1;
					n++;
				}
			}
	}
	if (page < 2)
		return 0;
	qsort(v, n, sizeof(*v), cmp_hline);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j].h == v[i].h; j++)
			;
		if (v[j - 1].page == v[i].page)
			continue;
		for (k = i; k < j; k++)
			x->lines[v[k].line].flags |= RL_FURNITURE;
	}
	return 0;
}

int
rtext_lines(struct arena *a, const char *t, size_t len, struct rtext *out)
{
	struct rline	*l;
	size_t		 n = 0, i, s, e, last;
	unsigned	 next = RL_PARA;
	struct rwalk	 wk;
	struct rword	 w;

	memset(out, 0, sizeof(*out));
	out->t = t;
	out->len = len;
	for (i = 0; i < len; i++)
		if (t[i] == '\n' || t[i] == '\f')
			n++;
	if ((l = arena_calloc(a, n + 1, sizeof(*l))) == NULL)
		return -1;
	out->lines = l;
	for (s = 0, n = 0; s <= len; s = e + 1) {
		for (e = s; e < len && t[e] != '\n' && t[e] != '\f'; e++)
			;
		l[n].start = s;
		l[n].end = e;
		l[n].flags = next;
		next = 0;
		rwalk_init(&wk, t, s, e);
		while (l[n].nwords < 255 && rwalk_next(&wk, &w)) {
			if (l[n].nwords == 0 && w.upper)
				l[n].flags |= RL_UPPER_START;
			l[n].nwords++;
		}
		for (last = e; last > s && (t[last - 1] == ' ' ||
		    t[last - 1] == '\t' || t[last - 1] == '\r'); last--)
			;
		if (l[n].nwords == 0)
			l[n].flags |= RL_BLANK;
		if (last > s && (t[last - 1] == '.' || t[last - 1] == '!' ||
		    t[last - 1] == '?' || t[last - 1] == ':'))
			l[n].flags |= RL_ENDS_SENTENCE;
		if (l[n].flags & RL_BLANK)
			next |= RL_PARA | (l[n].flags & RL_PAGE);
		if (e < len && t[e] == '\f')
			next |= RL_PAGE | RL_PARA;
		n++;
		if (e >= len)
			break;
	}
	out->nlines = n;
	return mark_furniture(a, out);
}
