/* worddiff.c: word diff by longest common subsequence, for summaries and beslutsförslag. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/worddiff.h"
#include "util/arena.h"

/* Beyond this many cells the table is not built. */
#define MAX_CELLS	(4u * 1000u * 1000u)

struct word {
	const char	*p;
	size_t		 len;	/* with the white space after it */
	size_t		 wlen;	/* without */
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Splits s into words; leading white space is a word of its own. */
static long
split(struct arena *a, const char *s, struct word **out)
{
	size_t		 n = 0, cap = 0, i = 0, start, len = strlen(s);
	struct word	*w = NULL, *nw;

	while (i < len) {
		start = i;
		while (i < len && !is_space(s[i]))
			i++;
		size_t wend = i;
		while (i < len && is_space(s[i]))
			i++;
		if (n == cap) {
			size_t ncap = cap == 0 ? 64 : cap * 2;

			if ((nw = arena_realloc(a, w, cap * sizeof(*w),
			    ncap * sizeof(*w))) == NULL)
				return -1;
			w = nw;
			cap = ncap;
		}
		w[n].p = s + start;
		w[n].len = i - start;
		w[n].wlen = wend - start;
		n++;
	}
	*out = w;
	return (long)n;
}

static int
same(const struct word *x, const struct word *y)
{
	return x->wlen == y->wlen && memcmp(x->p, y->p, x->wlen) == 0;
}

/* Appends text to the runs, merging with the last run of the same op. */
static int
emit(struct arena *a, struct diff_run **runs, size_t *n, size_t *cap,
    enum diff_op op, const char *p, size_t len)
{
	struct diff_run	*r;
	char		*t;

	if (*n > 0 && (*runs)[*n - 1].op == op) {
		size_t old = strlen((*runs)[*n - 1].text);

		if ((t = arena_alloc(a, old + len + 1)) == NULL)
			return -1;
		memcpy(t, (*runs)[*n - 1].text, old);
		memcpy(t + old, p, len);
		t[old + len] = '\0';
		(*runs)[*n - 1].text = t;
		return 0;
	}
	if (*n == *cap) {
		size_t ncap = *cap == 0 ? 16 : *cap * 2;

		if ((r = arena_realloc(a, *runs, *cap * sizeof(*r),
		    ncap * sizeof(*r))) == NULL)
			return -1;
		*runs = r;
		*cap = ncap;
	}
	if ((t = arena_strndup(a, p, len)) == NULL)
		return -1;
	(*runs)[*n].op = op;
	(*runs)[*n].text = t;
	(*n)++;
	return 0;
}

long
word_diff(struct arena *a, const char *old, const char *new_,
    struct diff_run **out)
{
	struct word	*x, *y;
	struct diff_run	*runs = NULL;
	uint16_t	*t;
	long		 nx, ny;
	size_t		 n = 0, cap = 0, i, j, w;

	if ((nx = split(a, old != NULL ? old : "", &x)) == -1 ||
	    (ny = split(a, new_ != NULL ? new_ : "", &y)) == -1)
		return -1;
	w = (size_t)ny + 1;
	if ((size_t)(nx + 1) * w > MAX_CELLS || nx > 65000 || ny > 65000) {
		if ((old != NULL && *old != '\0' && emit(a, &runs, &n, &cap,
		    DIFF_DEL, old, strlen(old)) == -1) ||
		    (new_ != NULL && *new_ != '\0' && emit(a, &runs, &n, &cap,
		    DIFF_INS, new_, strlen(new_)) == -1))
			return -1;
		*out = runs;
		return (long)n;
	}
	/* t[i][j]: the LCS length of x[i..] and y[j..]. */
	if ((t = arena_calloc(a, (size_t)(nx + 1) * w, sizeof(*t))) == NULL)
		return -1;
	for (i = (size_t)nx; i-- > 0;)
		for (j = (size_t)ny; j-- > 0;)
			t[i * w + j] = same(&x[i], &y[j]) ?
			    (uint16_t)(t[(i + 1) * w + j + 1] + 1) :
			    (t[(i + 1) * w + j] >= t[i * w + j + 1] ?
			    t[(i + 1) * w + j] : t[i * w + j + 1]);
	i = j = 0;
	while (i < (size_t)nx || j < (size_t)ny) {
		int rc;

		if (i < (size_t)nx && j < (size_t)ny && same(&x[i], &y[j])) {
			/* The new text's white space is what is shown. */
			rc = emit(a, &runs, &n, &cap, DIFF_SAME, y[j].p, y[j].len);
			i++;
			j++;
		} else if (i < (size_t)nx && (j == (size_t)ny ||
		    t[(i + 1) * w + j] >= t[i * w + j + 1])) {
			/* Deletions before insertions: "[-old-]{+new+}". */
			rc = emit(a, &runs, &n, &cap, DIFF_DEL, x[i].p, x[i].len);
			i++;
		} else {
			rc = emit(a, &runs, &n, &cap, DIFF_INS, y[j].p, y[j].len);
			j++;
		}
		if (rc == -1)
			return -1;
	}
	*out = runs;
	return (long)n;
}
