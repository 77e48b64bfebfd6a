/* extract_pdf.c: the text of a PDF through poppler-glib, page by page, lines joined into paragraphs by pdf_paras.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "reader/extract.h"
#include "reader/pdf_paras.h"
#include "reader/textout.h"
#include "util/buf.h"

/* Pages read at most: a remissvar has a handful; more is refused as too
 * large rather than read for minutes. */
#define PDF_MAX_PAGES	2000

/* Lines of one page: grown as needed, freed by the caller. */
struct lines {
	struct pdf_line	*v;
	size_t		 n, cap;
};

static int
lines_add(struct lines *ls, const struct pdf_line *l)
{
	struct pdf_line	*nv;
	size_t		 ncap;

	if (ls->n == ls->cap) {
		ncap = ls->cap ? ls->cap * 2 : 64;
		if ((nv = realloc(ls->v, ncap * sizeof(*nv))) == NULL)
			return -1;
		ls->v = nv;
		ls->cap = ncap;
	}
	ls->v[ls->n++] = *l;
	return 0;
}

/*
 * Splits the page's text into lines at '\n' and gives each the box of its
 * characters from the layout (one rectangle per character of text, as
 * poppler_page_get_text_layout documents). When the layout does not match
 * the text, the lines get no geometry and only blank lines part them.
 */
static int
page_lines(const char *text, const PopplerRectangle *rects, guint nrects,
    struct lines *ls)
{
	struct pdf_line	 cur;
	const char	*p, *start = text;
	guint		 ci = 0;
	int		 have = 0, geom;

	geom = rects != NULL && (glong)nrects == g_utf8_strlen(text, -1);
	memset(&cur, 0, sizeof(cur));
	for (p = text; ; p = g_utf8_next_char(p)) {
		if (*p == '\0' || *p == '\n') {
			cur.text = start;
			cur.len = (size_t)(p - start);
			if (!have) {
				/* No geometry: line after line, one unit each. */
				cur.left = 0;
				cur.right = 1;
				cur.top = ls->n > 0 ? ls->v[ls->n - 1].bottom : 0;
				cur.bottom = cur.top + 1;
			}
			if (lines_add(ls, &cur) != 0)
				return -1;
			if (*p == '\0')
				break;
			start = p + 1;
			memset(&cur, 0, sizeof(cur));
			have = 0;
			ci++;
			continue;
		}
		if (geom && ci < nrects && *p != ' ') {
			const PopplerRectangle *r = &rects[ci];

			if (!have || r->x1 < cur.left)
				cur.left = r->x1;
			if (!have || r->x2 > cur.right)
				cur.right = r->x2;
			if (!have || r->y1 < cur.top)
				cur.top = r->y1;
			if (!have || r->y2 > cur.bottom)
				cur.bottom = r->y2;
			have = 1;
		}
		ci++;
	}
	return 0;
}

enum extract_status
extract_pdf(const void *data, size_t len, struct buf *out)
{
	PopplerDocument		*doc = NULL;
	PopplerPage		*page;
	PopplerRectangle	*rects;
	GBytes			*bytes = NULL;
	GError			*error = NULL;
	struct textout		 t;
	struct lines		 ls = { NULL, 0, 0 };
	enum extract_status	 st = EXTRACT_OK;
	guint			 nrects;
	char			*text;
	int			 i, npages;

	textout_init(&t, out, EXTRACT_MAX_TEXT);
	if ((bytes = g_bytes_new_static(data, len)) == NULL)
		return EXTRACT_NOMEM;
	doc = poppler_document_new_from_bytes(bytes, NULL, &error);
	if (doc == NULL) {
		st = error != NULL && error->domain == POPPLER_ERROR &&
		    error->code == POPPLER_ERROR_ENCRYPTED ?
		    EXTRACT_ENCRYPTED : EXTRACT_CORRUPT;
		goto out;
	}
	npages = poppler_document_get_n_pages(doc);
	if (npages <= 0) {
		/* Poppler repairs what it can; a PDF without a page is not a
		 * document, whatever it was meant to be. */
		st = EXTRACT_CORRUPT;
		goto out;
	}
	if (npages > PDF_MAX_PAGES) {
		st = EXTRACT_TOO_LARGE;
		goto out;
	}
	for (i = 0; i < npages && st == EXTRACT_OK; i++) {
		if ((page = poppler_document_get_page(doc, i)) == NULL)
			continue;
		if (i > 0)
			textout_page_break(&t);
		text = poppler_page_get_text(page);
		rects = NULL;
		nrects = 0;
		if (text != NULL &&
		    !poppler_page_get_text_layout(page, &rects, &nrects))
			rects = NULL;
		ls.n = 0;
		if (text != NULL) {
			if (page_lines(text, rects, nrects, &ls) != 0)
				st = EXTRACT_NOMEM;
			else
				pdf_paras_write(&t, ls.v, ls.n);
		}
		g_free(rects);
		g_free(text);
		g_object_unref(page);
		if (t.failed)
			st = EXTRACT_NOMEM;
		else if (t.over)
			st = EXTRACT_TOO_LARGE;
	}
out:
	free(ls.v);
	if (error != NULL)
		g_error_free(error);
	if (doc != NULL)
		g_object_unref(doc);
	g_bytes_unref(bytes);
	return st;
}
