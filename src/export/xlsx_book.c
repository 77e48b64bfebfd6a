/* xlsx_book.c: the workbook under the Excel export: its private directory and formats, cells written cleaned and cut, headings, tables, sheets, the finished file copied out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/workdir.h"
#include "export/xlsx_book.h"
#include "log.h"

/* Dates are real Excel dates shown in Swedish wherever the workbook is
 * opened ([$-41D] is the Swedish locale), as the other exports write
 * them: "22 maj 2024", "21 maj 2024 kl. 14.03". */
#define FMT_DATE	"[$-41D]d mmmm yyyy"
#define FMT_DATETIME	"[$-41D]d mmmm yyyy \"kl.\" hh\\.mm"

/* Logs a libxlsxwriter error; returns -1 for it (0 for none). */
static int
lxw_check(const char *what, lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	log_err("%s: %s", what, lxw_strerror(e));
	return -1;
}

int
xlsx_put_text(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s, lxw_format *f)
{
	bool cut;

	if (s == NULL || s[0] == '\0')
		return 0;
	xlsx_cell_text(s, x->cell, &cut);
	if (cut)
		x->ncut++;
	return lxw_check(__func__, worksheet_write_string(ws, r, c, x->cell,
	    f));
}

int
xlsx_put_when(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s)
{
	struct xlsx_when	w;
	lxw_datetime		dt;

	if (s == NULL || s[0] == '\0')
		return 0;
	if (xlsx_when_parse(s, &w) == -1)
		return xlsx_put_text(x, ws, r, c, s, NULL);
	dt.year = w.year;
	dt.month = w.month;
	dt.day = w.day;
	dt.hour = w.hour;
	dt.min = w.min;
	dt.sec = w.sec;
	return lxw_check(__func__, worksheet_write_datetime(ws, r, c, &dt,
	    w.has_time ? x->datetime : x->date));
}

int
xlsx_put_number(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	return lxw_check(__func__, worksheet_write_number(ws, r, c, v, NULL));
}

int
xlsx_put_heads(struct xlsx *x, lxw_worksheet *ws, lxw_col_t at,
    const struct xlsx_col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (lxw_check(__func__, worksheet_set_column(ws,
		    (lxw_col_t)(at + i), (lxw_col_t)(at + i), cols[i].width,
		    cols[i].wrap ? x->wrap : NULL)) == -1 ||
		    xlsx_put_text(x, ws, 0, (lxw_col_t)(at + i), cols[i].name,
		    x->head) == -1)
			return -1;
	return 0;
}

int
xlsx_table_done(lxw_worksheet *ws, lxw_row_t nrows, size_t ncols,
    lxw_col_t freeze)
{
	worksheet_freeze_panes(ws, 1, freeze);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	if (lxw_check(__func__, worksheet_repeat_rows(ws, 0, 0)) == -1)
		return -1;
	return lxw_check(__func__, worksheet_autofilter(ws, 0, 0, nrows,
	    (lxw_col_t)(ncols - 1)));
}

lxw_worksheet *
xlsx_add_sheet(struct xlsx *x, const char *want, const char *dflt)
{
	char		 name[XLSX_SHEET_NAME_BYTES];
	lxw_worksheet	*ws;

	if (want == NULL || xlsx_sheet_name(&x->names, want, dflt, name) == -1)
		return NULL;
	if ((ws = workbook_add_worksheet(x->wb, name)) == NULL)
		log_err("%s: sheet \"%s\" refused", __func__, name);
	return ws;
}

int
xlsx_book_open(struct xlsx *x, const char *remiss_title)
{
	lxw_workbook_options	 opt;
	lxw_doc_properties	 props;
	char			 path[300], title[600];
	bool			 cut;

	if (export_workdir_make(x->dir, sizeof(x->dir), "xlsx") == -1)
		return -1;
	snprintf(path, sizeof(path), "%s/out.xlsx", x->dir);
	memset(&opt, 0, sizeof(opt));
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = x->dir;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		log_err("%s: workbook_new_opt in %s failed", __func__, x->dir);
		return -1;
	}
	if ((x->head = workbook_add_format(x->wb)) == NULL ||
	    (x->wrap = workbook_add_format(x->wb)) == NULL ||
	    (x->bold = workbook_add_format(x->wb)) == NULL ||
	    (x->plain = workbook_add_format(x->wb)) == NULL ||
	    (x->date = workbook_add_format(x->wb)) == NULL ||
	    (x->datetime = workbook_add_format(x->wb)) == NULL)
		return -1;
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(x->head, 0xDFE6EC);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(x->bold);
	/* For notes in a wrapped column, which should run on to the right
	 * (a cell without a format of its own takes its column's). */
	format_set_align(x->plain, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(x->date, FMT_DATE);
	format_set_align(x->date, LXW_ALIGN_LEFT);
	format_set_num_format(x->datetime, FMT_DATETIME);
	format_set_align(x->datetime, LXW_ALIGN_LEFT);
	memset(&props, 0, sizeof(props));
	snprintf(title, sizeof(title), "Remissvar: %s", remiss_title);
	/* The title is the remiss's: cleaned like a cell (it is short). */
	props.title = strdup(xlsx_cell_text(title, x->cell, &cut));
	if (props.title == NULL)
		return -1;
	workbook_set_properties(x->wb, &props);
	free(props.title);
	return 0;
}

/* Copies the finished workbook to the sink. */
static int
copy_out(const struct xlsx *x)
{
	char path[300];

	snprintf(path, sizeof(path), "%s/out.xlsx", x->dir);
	return export_put_file(x->out, path);
}

int
xlsx_book_send(struct xlsx *x)
{
	lxw_error e;

	e = workbook_close(x->wb);
	x->wb = NULL;
	if (lxw_check(__func__, e) == -1)
		return -1;
	return copy_out(x);
}

void
xlsx_cleanup(struct xlsx *x)
{
	/* A workbook left open by a failure: closing it is the only way to
	 * free it; what it writes goes to the private directory. */
	if (x->wb != NULL) {
		workbook_close(x->wb);
		x->wb = NULL;
	}
	/* Only this writer's files are in it (libxlsxwriter's temporary
	 * files are unlinked as they are made). */
	export_workdir_remove(x->dir);
	xlsx_names_free(&x->names);
	free(x->pos);
	free(x->secs);
	free(x->cell);
	x->pos = NULL;
	x->secs = NULL;
	x->cell = NULL;
}
