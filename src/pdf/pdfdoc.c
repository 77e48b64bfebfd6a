/* pdfdoc.c: the PDF document engine: blocks collected, laid out with Pango, paginated, drawn by cairo. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "log.h"
#include "pdf/paginate.h"
#include "pdf/pdfdoc.h"
#include "pdf/pdflang.h"
#include "pdf/pdftext.h"
#include "util/arena.h"
#include "util/buf.h"

/* A4 in points, and the margins (25 mm, 20 mm on the right). */
#define MM		(72.0 / 25.4)
#define PAGE_W		595.276
#define PAGE_H		841.890
#define MARGIN_L	(25 * MM)
#define MARGIN_R	(20 * MM)
#define MARGIN_T	(25 * MM)
#define MARGIN_B	(25 * MM)
#define BODY_W		(PAGE_W - MARGIN_L - MARGIN_R)
#define BODY_H		(PAGE_H - MARGIN_T - MARGIN_B)
#define HEADER_Y	(13 * MM)		/* top of the header line */
#define FOOTER_Y	(PAGE_H - 15 * MM)	/* top of the footer line */
#define LABEL_W		(45 * MM)		/* a fact row's label column */
#define COL_GAP		(4 * MM)

/* A PDF larger than this is refused rather than built in memory. */
#define PDF_MAX_BYTES	((size_t)64 << 20)

#define SANS		"Liberation Sans,DejaVu Sans,sans-serif"
#define SERIF		"Liberation Serif,DejaVu Serif,serif"
#define MONO		"Liberation Mono,DejaVu Sans Mono,monospace"

static const struct style {
	const char	*font;		/* a Pango font description */
	double		 leading;	/* line height over the font's */
	double		 space_before;	/* points */
	bool		 keep_with_next;
	double		 rgb[3];
} styles[PDF__MAX] = {
	[PDF_TITLE] = { SANS " Bold 16", 1.15, 16, true, { 0, 0, 0 } },
	[PDF_HEADING] = { SANS " Bold 12.5", 1.15, 14, true, { 0, 0, 0 } },
	[PDF_SUBHEADING] = { SANS " Bold 10.5", 1.15, 9, true, { 0, 0, 0 } },
	[PDF_LABEL] = { SANS " Bold 9.5", 1.2, 6, true, { 0.2, 0.2, 0.2 } },
	[PDF_BODY] = { SERIF " 11", 1.25, 3, false, { 0, 0, 0 } },
	[PDF_SMALL] = { SERIF " 9.5", 1.2, 1, false, { 0.15, 0.15, 0.15 } },
	[PDF_MONO] = { MONO " 8", 1.3, 1, false, { 0, 0, 0 } },
};

/* A fact row: its label in the label style, its value in the body's. */
#define FACT_SPACE	2.5
#define HEADFOOT_FONT	SANS " 8"
#define MARKING_FONT	SANS " Bold 9"

enum { BLOCK_TEXT, BLOCK_FACT };

struct block {
	int		 kind;		/* BLOCK_TEXT, BLOCK_FACT */
	enum pdf_style	 style;		/* BLOCK_TEXT */
	const char	*text;		/* cleaned; a fact's value */
	const char	*label;		/* a fact's label, cleaned */
	enum pdf_style	 vstyle;	/* a fact's value's style */
	double		 gap;		/* extra space before */
};

struct pdfdoc {
	struct arena	*a;
	struct block	*blocks;
	size_t		 nblocks, cap;
	double		 pending_gap;
	bool		 failed;
	const char	*title, *author, *subject, *created, *header, *marking;
};

/* One line as drawn: up to two cells (a fact row's label and value, or
 * one paragraph line in cell 0) on a common baseline. */
struct line {
	PangoLayoutLine	*cell[2];
	double		 x[2];		/* the cell's left edge on the page */
	double		 rgb[2][3];
	double		 base;		/* baseline below the line's top */
	double		 height;
	size_t		 block;
};

/* The memory a write needs, freed by layout_free. */
struct layout_state {
	PangoLayout	**layouts;
	size_t		  nlayouts;
	struct line	 *lines;
	size_t		  nlines, cap;
	double		 *heights;
	struct pg_block	 *pg;
	struct pg_place	 *place;
};

/* The PDF as cairo writes it, in memory (malloc: it may be large and goes
 * away right after the write). */
struct obuf {
	unsigned char	*p;
	size_t		 len, cap;
	bool		 failed;
};

struct pdfdoc *
pdfdoc_new(const struct pdfdoc_info *info)
{
	struct pdfdoc	*d;
	struct arena	*a;

	if ((a = arena_new()) == NULL)
		return NULL;
	if ((d = arena_alloc(a, sizeof(*d))) == NULL) {
		arena_free(a);
		return NULL;
	}
	d->a = a;
	d->title = pdf_text_clean(a, info->title != NULL ? info->title : "",
	    false);
	d->author = pdf_text_clean(a, info->author, false);
	d->subject = pdf_text_clean(a, info->subject, false);
	d->created = arena_strdup(a, info->created);
	d->header = pdf_text_clean(a, info->header, false);
	d->marking = pdf_text_clean(a, info->marking, false);
	if (d->title == NULL || (info->author != NULL && d->author == NULL) ||
	    (info->subject != NULL && d->subject == NULL) ||
	    (info->created != NULL && d->created == NULL) ||
	    (info->header != NULL && d->header == NULL) ||
	    (info->marking != NULL && d->marking == NULL)) {
		arena_free(a);
		return NULL;
	}
	return d;
}

void
pdfdoc_free(struct pdfdoc *d)
{
	if (d != NULL)
		arena_free(d->a);
}

/* A new block at the end, or NULL (d->failed set) on OOM. */
static struct block *
block_new(struct pdfdoc *d)
{
	struct block	*b;
	size_t		 ncap;

	if (d->failed)
		return NULL;
	if (d->nblocks == d->cap) {
		ncap = d->cap == 0 ? 64 : d->cap * 2;
		if ((b = arena_realloc(d->a, d->blocks, d->cap * sizeof(*b),
		    ncap * sizeof(*b))) == NULL) {
			d->failed = true;
			return NULL;
		}
		d->blocks = b;
		d->cap = ncap;
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->gap = d->pending_gap;
	d->pending_gap = 0;
	return b;
}

int
pdfdoc_add(struct pdfdoc *d, enum pdf_style st, const char *text)
{
	struct block	*b;
	const char	*t;

	if (d->failed || st >= PDF__MAX)
		return -1;
	if (text == NULL || text[0] == '\0')
		return 0;
	if ((t = pdf_text_clean(d->a, text, st == PDF_BODY ||
	    st == PDF_SMALL)) == NULL) {
		d->failed = true;
		return -1;
	}
	if ((b = block_new(d)) == NULL)
		return -1;
	b->kind = BLOCK_TEXT;
	b->style = st;
	b->text = t;
	return 0;
}

int
pdfdoc_addf(struct pdfdoc *d, enum pdf_style st, const char *fmt, ...)
{
	va_list	 ap;
	char	*text;

	if (d->failed)
		return -1;
	va_start(ap, fmt);
	text = arena_vprintf(d->a, fmt, ap);
	va_end(ap);
	if (text == NULL) {
		d->failed = true;
		return -1;
	}
	return pdfdoc_add(d, st, text);
}

int
pdfdoc_fact(struct pdfdoc *d, const char *label, const char *value)
{
	return pdfdoc_fact_in(d, PDF_BODY, label, value);
}

int
pdfdoc_fact_in(struct pdfdoc *d, enum pdf_style st, const char *label,
    const char *value)
{
	struct block	*b;
	const char	*l, *v;

	if (d->failed || st >= PDF__MAX)
		return -1;
	if (value == NULL || value[0] == '\0')
		return 0;
	if ((l = pdf_text_clean(d->a, label != NULL ? label : "", false)) ==
	    NULL || (v = pdf_text_clean(d->a, value, true)) == NULL) {
		d->failed = true;
		return -1;
	}
	if ((b = block_new(d)) == NULL)
		return -1;
	b->kind = BLOCK_FACT;
	b->vstyle = st;
	b->label = l;
	b->text = v;
	return 0;
}

int
pdfdoc_gap(struct pdfdoc *d, double points)
{
	if (d->failed)
		return -1;
	if (points > 0)
		d->pending_gap += points;
	return 0;
}

static cairo_status_t
obuf_write(void *ctx, const unsigned char *data, unsigned int n)
{
	struct obuf	*o = ctx;
	unsigned char	*p;
	size_t		 ncap;

	if (o->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (n > PDF_MAX_BYTES - o->len) {
		o->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	if (o->len + n > o->cap) {
		ncap = o->cap == 0 ? 65536 : o->cap;
		while (ncap < o->len + n)
			ncap *= 2;
		if ((p = realloc(o->p, ncap)) == NULL) {
			o->failed = true;
			return CAIRO_STATUS_NO_MEMORY;
		}
		o->p = p;
		o->cap = ncap;
	}
	memcpy(o->p + o->len, data, n);
	o->len += n;
	return CAIRO_STATUS_SUCCESS;
}

/* A layout of text in font, wrapped at width points (0: one line, cut
 * with an ellipsis at ellipsize points when that is > 0), kept in ls for
 * layout_free. NULL on OOM. */
static PangoLayout *
layout_make(struct layout_state *ls, PangoContext *pc, const char *font,
    const char *text, double width, double ellipsize)
{
	PangoLayout		*l;
	PangoFontDescription	*fd;

	if ((l = pango_layout_new(pc)) == NULL)
		return NULL;
	ls->layouts[ls->nlayouts++] = l;
	fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	} else if (ellipsize > 0) {
		pango_layout_set_width(l, (int)(ellipsize * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

/* One laid-out line of a layout, as the iterator gives it. */
struct cell {
	PangoLayoutLine	*line;
	double		 x;		/* its offset in the layout */
	double		 ascent, descent;
};

/* The lines of l into *cells (malloc; the caller frees), their count in
 * *n. -1 on OOM. */
static int
layout_cells(PangoLayout *l, struct cell **cells, size_t *n)
{
	PangoLayoutIter	*it;
	PangoRectangle	 logical;
	struct cell	*c;
	size_t		 i = 0, count;
	double		 top, base;

	count = (size_t)pango_layout_get_line_count(l);
	if ((c = calloc(count > 0 ? count : 1, sizeof(*c))) == NULL)
		return -1;
	it = pango_layout_get_iter(l);
	do {
		if (i == count)
			break;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		top = (double)logical.y / PANGO_SCALE;
		base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		c[i].line = pango_layout_iter_get_line_readonly(it);
		c[i].x = (double)logical.x / PANGO_SCALE;
		c[i].ascent = base - top;
		c[i].descent = (double)logical.height / PANGO_SCALE -
		    c[i].ascent;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*cells = c;
	*n = i;
	return 0;
}

/* Appends a line to ls; NULL on OOM. */
static struct line *
line_new(struct layout_state *ls)
{
	struct line	*l;
	size_t		 ncap;

	if (ls->nlines == ls->cap) {
		ncap = ls->cap == 0 ? 256 : ls->cap * 2;
		if ((l = realloc(ls->lines, ncap * sizeof(*l))) == NULL)
			return NULL;
		ls->lines = l;
		ls->cap = ncap;
	}
	l = &ls->lines[ls->nlines++];
	memset(l, 0, sizeof(*l));
	return l;
}

/* Lays out block i of d into lines of ls and fills ls->pg[i]. -1 on OOM. */
static int
layout_block(const struct pdfdoc *d, size_t i, struct layout_state *ls,
    PangoContext *pc)
{
	const struct block	*b = &d->blocks[i];
	const struct style	*st;
	PangoLayout		*l0, *l1 = NULL;
	struct cell		*c0 = NULL, *c1 = NULL;
	struct line		*ln;
	size_t			 n0 = 0, n1 = 0, k, first = ls->nlines;
	double			 asc, desc, leading;
	int			 rc = -1;

	if (b->kind == BLOCK_FACT) {
		st = &styles[b->vstyle];
		l0 = layout_make(ls, pc, styles[PDF_LABEL].font, b->label,
		    LABEL_W, 0);
		l1 = layout_make(ls, pc, st->font, b->text,
		    BODY_W - LABEL_W - COL_GAP, 0);
		if (l0 == NULL || l1 == NULL || layout_cells(l0, &c0, &n0) ==
		    -1 || layout_cells(l1, &c1, &n1) == -1)
			goto err;
		ls->pg[i].space_before = b->gap + FACT_SPACE;
		ls->pg[i].keep_together = true;
	} else {
		st = &styles[b->style];
		if ((l0 = layout_make(ls, pc, st->font, b->text, BODY_W, 0)) ==
		    NULL || layout_cells(l0, &c0, &n0) == -1)
			goto err;
		ls->pg[i].space_before = b->gap + st->space_before;
		ls->pg[i].keep_with_next = st->keep_with_next;
	}
	leading = st->leading;
	for (k = 0; k < n0 || k < n1; k++) {
		if ((ln = line_new(ls)) == NULL)
			goto err;
		ln->block = i;
		asc = desc = 0;
		if (k < n0) {
			ln->cell[0] = c0[k].line;
			ln->x[0] = MARGIN_L + c0[k].x;
			memcpy(ln->rgb[0], b->kind == BLOCK_FACT ?
			    styles[PDF_LABEL].rgb : st->rgb, sizeof(ln->rgb[0]));
			asc = c0[k].ascent;
			desc = c0[k].descent;
		}
		if (k < n1) {
			ln->cell[1] = c1[k].line;
			ln->x[1] = MARGIN_L + LABEL_W + COL_GAP + c1[k].x;
			memcpy(ln->rgb[1], st->rgb, sizeof(ln->rgb[1]));
			if (c1[k].ascent > asc)
				asc = c1[k].ascent;
			if (c1[k].descent > desc)
				desc = c1[k].descent;
		}
		/* The extra leading is split above and below the text. */
		ln->height = (asc + desc) * leading;
		ln->base = asc + (ln->height - asc - desc) / 2;
	}
	ls->pg[i].nlines = ls->nlines - first;
	rc = 0;
err:
	free(c0);
	free(c1);
	return rc;
}

static void
layout_free(struct layout_state *ls)
{
	size_t	 i;

	for (i = 0; i < ls->nlayouts; i++)
		g_object_unref(ls->layouts[i]);
	free(ls->layouts);
	free(ls->lines);
	free(ls->heights);
	free(ls->pg);
	free(ls->place);
}

/* Draws text in font at (x, top) on one line, right-aligned to x when
 * right is true; cut with an ellipsis at maxw points. */
static void
draw_single(cairo_t *cr, PangoContext *pc, const char *font, const char *text,
    double x, double top, bool right, double maxw, const double rgb[3])
{
	PangoLayout		*l;
	PangoFontDescription	*fd;
	int			 w, h;

	if (text == NULL || text[0] == '\0' || (l = pango_layout_new(pc)) ==
	    NULL)
		return;
	fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(maxw * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_size(l, &w, &h);
	(void)h;
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_move_to(cr, right ? x - (double)w / PANGO_SCALE : x, top);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* The header and footer of page (from 0) of npages. */
static void
draw_page_frame(const struct pdfdoc *d, cairo_t *cr, PangoContext *pc,
    unsigned page, unsigned npages)
{
	static const double	 grey[3] = { 0.35, 0.35, 0.35 };
	static const double	 red[3] = { 0.7, 0, 0 };
	char			 num[64];

	draw_single(cr, pc, HEADFOOT_FONT, d->header, MARGIN_L, HEADER_Y,
	    false, BODY_W * 0.55, grey);
	draw_single(cr, pc, MARKING_FONT, d->marking, PAGE_W - MARGIN_R,
	    HEADER_Y - 1, true, BODY_W * 0.42, red);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_L, HEADER_Y + 13);
	cairo_line_to(cr, PAGE_W - MARGIN_R, HEADER_Y + 13);
	cairo_stroke(cr);
	draw_single(cr, pc, HEADFOOT_FONT, d->title, MARGIN_L, FOOTER_Y, false,
	    BODY_W * 0.7, grey);
	snprintf(num, sizeof(num), "Sida %u av %u", page + 1, npages);
	draw_single(cr, pc, HEADFOOT_FONT, num, PAGE_W - MARGIN_R, FOOTER_Y,
	    true, BODY_W * 0.28, grey);
}

/* Draws the lines of ls on their pages, each page's frame, and an outline
 * entry per heading. */
static void
draw_pages(const struct pdfdoc *d, const struct layout_state *ls,
    cairo_surface_t *s, cairo_t *cr, PangoContext *pc, unsigned npages)
{
	const struct line	*ln;
	const struct block	*b;
	unsigned		 page = 0;
	size_t			 i, c, last_block = SIZE_MAX;
	double			 top;
	char			 dest[96];

	draw_page_frame(d, cr, pc, 0, npages);
	for (i = 0; i < ls->nlines; i++) {
		ln = &ls->lines[i];
		while (ls->place[i].page > page) {
			cairo_show_page(cr);
			draw_page_frame(d, cr, pc, ++page, npages);
		}
		top = MARGIN_T + ls->place[i].y;
		b = &d->blocks[ln->block];
		if (ln->block != last_block && b->kind == BLOCK_TEXT &&
		    (b->style == PDF_HEADING || b->style == PDF_TITLE)) {
			snprintf(dest, sizeof(dest), "page=%u pos=[%.2f %.2f]",
			    page + 1, MARGIN_L, top);
			cairo_pdf_surface_add_outline(s,
			    CAIRO_PDF_OUTLINE_ROOT, b->text, dest, 0);
		}
		last_block = ln->block;
		for (c = 0; c < 2; c++) {
			if (ln->cell[c] == NULL)
				continue;
			cairo_set_source_rgb(cr, ln->rgb[c][0], ln->rgb[c][1],
			    ln->rgb[c][2]);
			cairo_move_to(cr, ln->x[c], top + ln->base);
			pango_cairo_show_layout_line(cr, ln->cell[c]);
		}
	}
	while (page + 1 < npages) {	/* cannot happen; pages stay counted */
		cairo_show_page(cr);
		draw_page_frame(d, cr, pc, ++page, npages);
	}
	cairo_show_page(cr);
}

/* Sets the metadata of d on s. */
static void
set_metadata(const struct pdfdoc *d, cairo_surface_t *s)
{
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	if (d->author != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
		    d->author);
	if (d->subject != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
		    d->subject);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	    PACKAGE_STRING);
	if (d->created != NULL)
		cairo_pdf_surface_set_metadata(s,
		    CAIRO_PDF_METADATA_CREATE_DATE, d->created);
}

int
pdfdoc_write(struct pdfdoc *d, const struct export_sink *out)
{
	struct layout_state	 ls;
	struct obuf		 o;
	cairo_surface_t		*s = NULL;
	cairo_t			*cr = NULL;
	cairo_font_options_t	*fo = NULL;
	PangoContext		*pc = NULL;
	struct arena		*a = NULL;
	struct buf		 tail;
	size_t			 i;
	unsigned		 npages = 1;
	int			 rc = -1;

	memset(&ls, 0, sizeof(ls));
	memset(&o, 0, sizeof(o));
	if (d->failed) {
		log_err("the document could not be built (out of memory)");
		return -1;
	}
	if ((ls.layouts = calloc(d->nblocks * 2 + 1, sizeof(*ls.layouts))) ==
	    NULL || (ls.pg = calloc(d->nblocks + 1, sizeof(*ls.pg))) == NULL)
		goto oom;
	s = cairo_pdf_surface_create_for_stream(obuf_write, &o, PAGE_W, PAGE_H);
	cr = cairo_create(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		goto cairo_err;
	set_metadata(d, s);
	/* Points as Pango's units, and no hinting: a PDF is scaled anyway. */
	if ((pc = pango_cairo_create_context(cr)) == NULL ||
	    (fo = cairo_font_options_create()) == NULL)
		goto oom;
	pango_cairo_context_set_resolution(pc, 72);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	pango_context_set_language(pc, pango_language_from_string("sv"));

	for (i = 0; i < d->nblocks; i++)
		if (layout_block(d, i, &ls, pc) == -1)
			goto oom;
	if (ls.nlines > 0) {
		if ((ls.heights = calloc(ls.nlines, sizeof(*ls.heights))) ==
		    NULL || (ls.place = calloc(ls.nlines,
		    sizeof(*ls.place))) == NULL)
			goto oom;
		for (i = 0; i < ls.nlines; i++)
			ls.heights[i] = ls.lines[i].height;
		npages = paginate(ls.pg, d->nblocks, ls.heights, BODY_H,
		    ls.place);
	}
	draw_pages(d, &ls, s, cr, pc, npages);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || o.failed)
		goto cairo_err;

	/* The language, appended as an incremental update. */
	if ((a = arena_new()) == NULL)
		goto oom;
	buf_init(&tail, a);
	if (pdf_lang_update(&tail, o.p, o.len, "sv-SE") == -1) {
		log_err("could not add /Lang to the PDF");
		goto err;
	}
	if (export_put(out, o.p, o.len) == -1 ||
	    (tail.len > 0 && export_put(out, tail.data, tail.len) == -1)) {
		log_err("writing the PDF failed");
		goto err;
	}
	rc = (int)npages;
	goto err;
oom:
	log_err("out of memory");
	goto err;
cairo_err:
	log_err("cairo: %s%s", cairo_status_to_string(s != NULL ?
	    cairo_surface_status(s) : CAIRO_STATUS_NO_MEMORY),
	    o.failed ? " (the PDF grew too large)" : "");
err:
	if (pc != NULL)
		g_object_unref(pc);
	if (fo != NULL)
		cairo_font_options_destroy(fo);
	layout_free(&ls);
	if (cr != NULL)
		cairo_destroy(cr);
	if (s != NULL)
		cairo_surface_destroy(s);
	free(o.p);
	arena_free(a);
	return rc;
}

void
pdfdoc_library_cleanup(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
