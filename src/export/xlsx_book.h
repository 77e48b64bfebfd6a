/* xlsx_book.h: the workbook under the Excel export (export/xlsx.c): cells, headings, tables and sheets over libxlsxwriter. */
#ifndef REMISS_EXPORT_XLSX_BOOK_H
#define REMISS_EXPORT_XLSX_BOOK_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "export/xlsx.h"

/* A column: its heading, width (in characters) and whether its text
 * wraps. */
struct xlsx_col {
	const char	*name;
	double		 width;
	int		 wrap;
};

/* Makes x's private directory (mkdtemp under $TMPDIR, else /tmp) and the
 * workbook in it, in constant-memory mode, with its formats and the title
 * "Remissvar: remiss_title". x->cell must be allocated. Returns 0, or -1
 * (logged; xlsx_cleanup undoes what was made). */
int xlsx_book_open(struct xlsx *x, const char *remiss_title);

/* A new sheet named after want, made valid and unique (xlsx_sheet_name,
 * dflt when nothing of want is left), after the others; NULL on failure
 * (logged), also when want is NULL (an allocation that failed). */
lxw_worksheet *xlsx_add_sheet(struct xlsx *x, const char *want,
    const char *dflt);

/* Writes s at (r, c) of ws as a string, cleaned and cut to Excel's limit
 * (xlsx_cell_text; a cut is counted in x->ncut), with format f (NULL: the
 * column's). Nothing for NULL or "". Never a formula: a text that starts
 * with = + - @ stays text. 0, or -1 (logged). */
int xlsx_put_text(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r,
    lxw_col_t c, const char *s, lxw_format *f);

/* Writes a date or time as the database gives it ("2024-05-22",
 * "2024-05-21T14:03:11+02:00") as an Excel date shown in Swedish ("22 maj
 * 2024", "21 maj 2024 kl. 14.03"); anything else as text. 0 or -1. */
int xlsx_put_when(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r,
    lxw_col_t c, const char *s);

/* Writes the number v at (r, c). 0 or -1. */
int xlsx_put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v);

/* Sets the widths (and wrapping) of columns cols[0..n) of ws from column
 * at, and writes their headings, bold, on row 0. 0 or -1. */
int xlsx_put_heads(struct xlsx *x, lxw_worksheet *ws, lxw_col_t at,
    const struct xlsx_col *cols, size_t n);

/* Freezes the header row (and the first freeze columns) of ws, puts an
 * autofilter over its table (the header and rows 1..nrows, ncols columns)
 * and, for printing, makes it A4 landscape with the header row on every
 * page. 0 or -1. */
int xlsx_table_done(lxw_worksheet *ws, lxw_row_t nrows, size_t ncols,
    lxw_col_t freeze);

/* Closes the workbook (x->wb is NULL after) and copies the file to
 * x->out. 0, or -1 (logged; the sink may hold part of it). */
int xlsx_book_send(struct xlsx *x);

#endif
