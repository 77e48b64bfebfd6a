/* docx_pkg.h: a small WordprocessingML (.docx) package writer that every Word document uses:
 * word/document.xml streamed to a private file through the escaping XML writer, then zipped. */
#ifndef REMISS_EXPORT_DOCX_PKG_H
#define REMISS_EXPORT_DOCX_PKG_H

#include <stdio.h>

#include "export/sink.h"
#include "xml/xmlw.h"

/* Columns a table may have. */
#define DOCX_MAX_COLS	8

/*
 * A package being written. docx_open makes a private directory (mkdtemp
 * under $TMPDIR, else /tmp) and starts word/document.xml there; the calls
 * below append to it; docx_close writes the other parts (styles with real
 * named styles: Title, Heading1-3 with outline levels, Normal, a table
 * style with a header row, Caption, TOC1-3; settings that update the fields
 * on open; a footer "Sida N av M"; an optional header line on every page;
 * core and app properties), zips the package with libzip and copies it to
 * out. docx_cleanup must run after every document, done or not. Errors
 * are sticky: check docx_close's result (or d->x.failed) once.
 */
struct docx {
	const struct export_sink *out;
	char			 dir[256];	/* "" until made */
	FILE			*body;		/* word/document.xml */
	struct export_sink	 file;		/* writes to body */
	struct xmlw		 x;
	size_t			 npictures;	/* word/media/imageN.png */
	int			 in_cell, cell_paras;	/* in a cell; its paragraphs */
	size_t			 ncols, col;	/* the table's, the next cell's */
	unsigned		 widths[DOCX_MAX_COLS];	/* twentieths of a pt */
	char			 title[512];
	char			 created[32];	/* W3CDTF, UTC */
	char			 mark[128];	/* header on every page, or "" */
};

/* Starts a document with title (core properties) and, when mark is not
 * NULL, mark as a header line on every page ("Utkast, inte inskickat").
 * Returns 0, or -1 (logged; run docx_cleanup). */
int docx_open(struct docx *d, const struct export_sink *out,
    const char *title, const char *mark);

/* A paragraph of style st ("Normal", "Title", "Faltrubrik", "TableText"...)
 * holding text; a line break in text is a line break in the paragraph. */
void docx_para(struct docx *d, const char *st, const char *text);

/* text split at line breaks into one paragraph of style st per non-empty
 * line (as xmlw_paras does for the other formats). NULL writes nothing. */
void docx_paras(struct docx *d, const char *st, const char *text);

/* A heading of level 1-3 (styles Heading1-3, in the navigation pane and
 * the table of contents). */
void docx_heading(struct docx *d, int level, const char *text);

/* A paragraph made of runs: begin, any number of runs (bold or not), end. */
void docx_para_begin(struct docx *d, const char *st);
void docx_run(struct docx *d, const char *text, int bold);
void docx_para_end(struct docx *d);

/* "Label: " in bold and then text, in one paragraph of style st. */
void docx_labelled(struct docx *d, const char *st, const char *label,
    const char *text);

/* A page break (a paragraph of its own). */
void docx_page_break(struct docx *d);

/* A table of contents field (headings 1-3) that Word fills in on opening. */
void docx_toc(struct docx *d);

/* A table of ncols columns (widths in cm, summing to the text width,
 * 16.5 cm) whose header row (heads) repeats on every page. Then rows of
 * cells; a cell holds paragraphs (docx_para with style "TableText"), or
 * use docx_cell for a cell of one text. */
void docx_table_begin(struct docx *d, size_t ncols, const double *cm,
    const char *const *heads);
void docx_row_begin(struct docx *d);
void docx_cell_begin(struct docx *d);
void docx_cell_end(struct docx *d);
void docx_cell(struct docx *d, const char *text);
void docx_row_end(struct docx *d);
void docx_table_end(struct docx *d);

/* The path (in out) where the next picture's PNG is to be written. 0, -1. */
int docx_picture_path(const struct docx *d, char *out, size_t outsz);

/* Shows the PNG just written to docx_picture_path, width_cm wide and
 * height_cm high, in a paragraph of its own, with descr as its
 * alternative text. */
void docx_picture(struct docx *d, double width_cm, double height_cm,
    const char *descr);

/* Ends the document, writes the other parts, zips and sends the package to
 * out. 0, or -1 (logged). */
int docx_close(struct docx *d);

/* Removes the private directory and frees what d holds. */
void docx_cleanup(struct docx *d);

/*
 * Copies up to insz bytes of in to out (room for outsz bytes, at least 5)
 * as text that XML 1.0 allows: control characters other than tab, line
 * feed and carriage return are dropped (so are DEL, the C1 controls, U+FFFE
 * and U+FFFF, which XML allows but no reader shows); a byte that does not start a valid UTF-8 sequence (a stray
 * continuation byte, an overlong form, a surrogate, past U+10FFFF) becomes
 * U+FFFD. Stops before a character that would not fit and never cuts one.
 * *used gets the input bytes consumed; returns the bytes written (out is
 * NUL-terminated). Pure: unit-tested.
 */
size_t docx_xml_clean(const char *in, size_t insz, char *out, size_t outsz,
    size_t *used);

#endif
