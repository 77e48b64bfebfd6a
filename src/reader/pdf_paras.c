/* pdf_paras.c: paragraph joining of a PDF page's lines by gaps, columns, heights, short lines and list marks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reader/pdf_paras.h"
#include "reader/textout.h"

/* Lines whose gaps are sampled for the page's usual gap; more are ignored
 * for the estimate (a page has far fewer). */
#define GAP_SAMPLE	512

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The text with leading and trailing ASCII spaces left out. */
static int
blank(const struct pdf_line *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (l->text[i] != ' ' && l->text[i] != '\t' &&
		    l->text[i] != '\r')
			return 0;
	return 1;
}

/* Starts like a list item or a numbered heading: a bullet or dash and a
 * space, or up to three groups of digits (or one letter) with '.' or ')'
 * and a space ("1. ", "3.2 ", "a) "). */
static int
starts_item(const char *s, size_t n)
{
	size_t i = 0, groups = 0, digits;

	while (i < n && s[i] == ' ')
		i++;
	if (i < n && (s[i] == '-' || s[i] == '*') && i + 1 < n &&
	    s[i + 1] == ' ')
		return 1;
	/* "•" U+2022, "–" U+2013, "▪" U+25AA */
	if (n - i >= 3 && ((memcmp(s + i, "\xe2\x80\xa2", 3) == 0) ||
	    memcmp(s + i, "\xe2\x80\x93", 3) == 0 ||
	    memcmp(s + i, "\xe2\x96\xaa", 3) == 0))
		return 1;
	if (i + 1 < n && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')) && s[i + 1] == ')')
		return i + 2 == n || s[i + 2] == ' ';
	while (groups < 3) {
		for (digits = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
		if (digits == 0 || digits > 2)
			return 0;
		groups++;
		if (i < n && s[i] == ')')
			return i + 1 == n || s[i + 1] == ' ';
		if (i < n && s[i] == '.' && (i + 1 == n || s[i + 1] == ' '))
			return 1;
		if (i < n && s[i] == ' ')
			return groups >= 2;
		if (i < n && s[i] == '.')
			i++;
		else
			return 0;
	}
	return 0;
}

void
pdf_paras_write(struct textout *t, const struct pdf_line *l, size_t n)
{
	double	 gaps[GAP_SAMPLE], usual = 0, maxright = 0, minleft = 0;
	double	 h, ph, width;
	size_t	 i, ng = 0, prev = (size_t)-1;
	int	 newpara;

	/* The page's usual gap between consecutive lines and its text's
	 * right edge. */
	for (i = 0; i < n; i++) {
		if (blank(&l[i]))
			continue;
		if (prev != (size_t)-1 && ng < GAP_SAMPLE &&
		    l[i].top >= l[prev].top)
			gaps[ng++] = l[i].top - l[prev].bottom;
		if (prev == (size_t)-1 || l[i].right > maxright)
			maxright = l[i].right;
		if (prev == (size_t)-1 || l[i].left < minleft)
			minleft = l[i].left;
		prev = i;
	}
	/* The gap between lines of one paragraph: a low quantile, not the
	 * median, since a letter of one-line paragraphs has more gaps
	 * between paragraphs than within them. */
	if (ng > 0) {
		qsort(gaps, ng, sizeof(gaps[0]), cmp_double);
		usual = gaps[(ng - 1) / 5];
	}
	width = maxright - minleft;

	prev = (size_t)-1;
	newpara = 1;
	for (i = 0; i < n; i++) {
		if (blank(&l[i])) {
			newpara = 1;
			continue;
		}
		if (prev != (size_t)-1 && !newpara) {
			h = l[i].bottom - l[i].top;
			ph = l[prev].bottom - l[prev].top;
			if (h < ph)
				ph = h;		/* the smaller of the two */
			if (l[i].top - l[prev].bottom > usual + 0.4 * ph)
				newpara = 1;	/* a wider gap */
			else if (l[i].top < l[prev].top - 0.5 * ph)
				newpara = 1;	/* a new column */
			else if ((l[i].bottom - l[i].top) > 1.3 *
			    (l[prev].bottom - l[prev].top) ||
			    (l[prev].bottom - l[prev].top) > 1.3 *
			    (l[i].bottom - l[i].top))
				newpara = 1;	/* another size of type */
			else if (width > 0 &&
			    l[prev].right < maxright - 0.25 * width)
				newpara = 1;	/* the line before was short */
			else if (starts_item(l[i].text, l[i].len))
				newpara = 1;
		}
		if (newpara)
			textout_para_end(t);
		else
			textout_line_break(t);
		textout_text(t, l[i].text, l[i].len);
		newpara = 0;
		prev = i;
	}
	textout_para_end(t);
}
