/* pdflang.c: appends an incremental update that gives a cairo PDF's catalog a /Lang entry. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pdf/pdflang.h"
#include "util/buf.h"
#include "util/numparse.h"

/* The last occurrence of needle in h[0..n), or NULL. */
static const unsigned char *
last_of(const unsigned char *h, size_t n, const char *needle)
{
	size_t	 k = strlen(needle), i;

	if (k == 0 || k > n)
		return NULL;
	for (i = n - k + 1; i-- > 0; )
		if (memcmp(h + i, needle, k) == 0)
			return h + i;
	return NULL;
}

/* The end (past ">>") of the dictionary that starts at p ("<<"), within
 * p[0..n): nested dictionaries and literal strings with their escapes
 * skipped. NULL when it does not end. */
static const unsigned char *
dict_end(const unsigned char *p, size_t n)
{
	size_t	 i, depth = 0, paren;

	for (i = 0; i < n; i++) {
		if (p[i] == '(') {
			for (paren = 1, i++; i < n && paren > 0; i++) {
				if (p[i] == '\\')
					i++;
				else if (p[i] == '(')
					paren++;
				else if (p[i] == ')')
					paren--;
			}
			i--;
		} else if (i + 1 < n && p[i] == '<' && p[i + 1] == '<') {
			depth++;
			i++;
		} else if (i + 1 < n && p[i] == '>' && p[i + 1] == '>') {
			if (depth == 0)
				return NULL;
			i++;
			if (--depth == 0)
				return p + i + 1;
		}
	}
	return NULL;
}

/* Reads the unsigned decimal number after the key in d[0..n) ("/Root 12 0
 * R" with key "/Root "). Returns 0 or -1. */
static int
number_after(const unsigned char *d, size_t n, const char *key,
    size_t *v)
{
	const unsigned char	*p = last_of(d, n, key);
	char			 digits[24];
	size_t			 i, k;

	if (p == NULL)
		return -1;
	k = (size_t)(p - d) + strlen(key);
	while (k < n && (d[k] == ' ' || d[k] == '\n' || d[k] == '\r'))
		k++;
	for (i = 0; k < n && i + 1 < sizeof(digits) && d[k] >= '0' &&
	    d[k] <= '9'; i++, k++)
		digits[i] = (char)d[k];
	digits[i] = '\0';
	return parse_size(digits, i, 9999999999ULL, v);
}

/* p past the white space before end. */
static const unsigned char *
skip_space(const unsigned char *p, const unsigned char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int
lang_ok(const char *lang)
{
	size_t	 i;

	if (lang[0] == '\0' || strlen(lang) > 35)
		return 0;
	for (i = 0; lang[i] != '\0'; i++)
		if (!((lang[i] >= 'a' && lang[i] <= 'z') ||
		    (lang[i] >= 'A' && lang[i] <= 'Z') ||
		    (lang[i] >= '0' && lang[i] <= '9') || lang[i] == '-'))
			return 0;
	return 1;
}

int
pdf_lang_update(struct buf *out, const unsigned char *pdf, size_t len,
    const char *lang)
{
	const unsigned char	*trailer, *tdict, *tend, *obj, *cdict, *cend, *sx;
	size_t			 root, prev;
	char			 head[40];
	size_t			 objoff, xrefoff, before;

	if (!lang_ok(lang) || len < 8 || memcmp(pdf, "%PDF-", 5) != 0)
		return -1;
	/* The trailer and startxref of the one cross-reference table. */
	if ((trailer = last_of(pdf, len, "\ntrailer")) == NULL)
		return -1;
	tdict = skip_space(trailer + 8, pdf + len);
	if (pdf + len - tdict < 2 || tdict[0] != '<' || tdict[1] != '<' ||
	    (tend = dict_end(tdict, len - (size_t)(tdict - pdf))) == NULL ||
	    last_of(tdict, (size_t)(tend - tdict), "/Prev") != NULL ||
	    number_after(tdict, (size_t)(tend - tdict), "/Root", &root) == -1 ||
	    (sx = last_of(pdf, len, "\nstartxref")) == NULL || sx < tend ||
	    number_after(sx, len - (size_t)(sx - pdf), "startxref", &prev) ==
	    -1 || prev >= len)
		return -1;
	/* The catalog: "ROOT 0 obj" and the dictionary after it. */
	snprintf(head, sizeof(head), "\n%zu 0 obj", root);
	if ((obj = last_of(pdf, (size_t)(trailer - pdf), head)) == NULL)
		return -1;
	cdict = skip_space(obj + strlen(head), trailer);
	if (trailer - cdict < 2 || cdict[0] != '<' || cdict[1] != '<' ||
	    (cend = dict_end(cdict, (size_t)(trailer - cdict))) == NULL ||
	    last_of(cdict, (size_t)(cend - cdict), "/Type /Catalog") == NULL)
		return -1;
	if (last_of(cdict, (size_t)(cend - cdict), "/Lang") != NULL)
		return 0;
	before = out->len;
	objoff = len;
	if (pdf[len - 1] != '\n') {
		buf_puts(out, "\n");
		objoff++;
	}
	buf_printf(out, "%zu 0 obj\n", root);
	buf_append(out, cdict, (size_t)(cend - cdict) - 2);
	buf_printf(out, "   /Lang (%s)\n>>\nendobj\n", lang);
	xrefoff = len + (out->len - before);
	/* Each entry is exactly 20 bytes, "nnnnnnnnnn ggggg n" and " \n". */
	buf_printf(out, "xref\n0 1\n0000000000 65535 f \n%zu 1\n%010zu 00000 n \n",
	    root, objoff);
	buf_puts(out, "trailer\n");
	buf_append(out, tdict, (size_t)(tend - tdict) - 2);
	buf_printf(out, "   /Prev %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", prev,
	    xrefoff);
	return out->failed ? -1 : 1;
}
