/* pdfdoc.h: a small document engine: A4 pages of headings, paragraphs and fact rows, laid out by
 * Pango and written as PDF by cairo, with a running header and "Sida N av M" in the footer. */
#ifndef REMISS_PDF_PDFDOC_H
#define REMISS_PDF_PDFDOC_H

#include "export/sink.h"

/* What a block of text looks like. Every style's text is plain text
 * (pango_layout_set_text, never markup), cleaned by pdf_text_clean. */
enum pdf_style {
	PDF_TITLE,	/* the document's title: sans bold 16 pt */
	PDF_HEADING,	/* a section's heading: sans bold 12.5 pt; kept on the
			   page of the next block's first lines */
	PDF_SUBHEADING,	/* a question under a section: sans bold 10.5 pt,
			   kept with the next block */
	PDF_LABEL,	/* a field's name above its text: sans bold 9.5 pt,
			   kept with the next block */
	PDF_BODY,	/* serif 11 pt; line breaks in the text kept */
	PDF_SMALL,	/* serif 9.5 pt: letterhead and closing lines */
	PDF_MONO,	/* monospace 8 pt: checksums */
	PDF__MAX
};

/* The document's metadata and what every page repeats. Strings are copied
 * by pdfdoc_new. */
struct pdfdoc_info {
	const char	*title;		/* metadata Title, footer (left) */
	const char	*author;	/* metadata Author, or NULL */
	const char	*subject;	/* metadata Subject, or NULL */
	const char	*created;	/* metadata CreationDate, ISO 8601
					   ("2024-05-21T14:03:11+02:00"),
					   or NULL for now */
	const char	*header;	/* every page's header, left, or NULL */
	const char	*marking;	/* every page's header, right, in red
					   ("Utkast, inte inskickat"), or NULL */
};

struct pdfdoc;

/* A new empty document (language sv). NULL on OOM. Free with pdfdoc_free. */
struct pdfdoc *pdfdoc_new(const struct pdfdoc_info *info);

/* Frees d and everything it holds. NULL is allowed. */
void pdfdoc_free(struct pdfdoc *d);

/* Adds a block of text in style st; NULL or "" adds nothing. Returns 0, or
 * -1 on OOM, after which every call fails and pdfdoc_write writes
 * nothing. */
int pdfdoc_add(struct pdfdoc *d, enum pdf_style st, const char *text);

/* As pdfdoc_add, with the text formatted by printf's rules. */
int pdfdoc_addf(struct pdfdoc *d, enum pdf_style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a row of a two-column fact table: label (sans bold) beside value
 * (serif); rows stay whole on a page. A NULL or empty value adds nothing.
 * 0 or -1 as pdfdoc_add. */
int pdfdoc_fact(struct pdfdoc *d, const char *label, const char *value);

/* As pdfdoc_fact, the value in style st (PDF_MONO for a checksum). */
int pdfdoc_fact_in(struct pdfdoc *d, enum pdf_style st, const char *label,
    const char *value);

/* Adds points of extra space before the next block. 0 or -1. */
int pdfdoc_gap(struct pdfdoc *d, double points);

/*
 * Lays the document out (A4, margins 25 mm left and top and bottom, 20 mm
 * right; Liberation Serif for text, Liberation Sans for headings, DejaVu
 * where a font lacks a character), breaks it into pages, and writes the
 * PDF (fonts subset and embedded, /Lang sv-SE, each heading an outline
 * entry) to out. The whole file is built in memory first, so nothing
 * reaches out on a failure before the end. Returns the number of pages
 * (>= 1), or -1 on an error (logged).
 */
int pdfdoc_write(struct pdfdoc *d, const struct export_sink *out);

/* Frees the font caches of Pango, cairo and fontconfig: call once at the
 * end of a process that wrote PDFs (the leak checker would report them),
 * after which no PDF may be written. */
void pdfdoc_library_cleanup(void);

#endif
