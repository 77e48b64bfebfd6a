/* xlsx.h: the answers as an Excel workbook (.xlsx), written with libxlsxwriter in its constant-memory mode. */
#ifndef REMISS_EXPORT_XLSX_H
#define REMISS_EXPORT_XLSX_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "export/model.h"
#include "export/xlsx_text.h"

/* The writer's state. Zero it and set out; xlsx_cleanup must run after
 * every export, done or not, to free it and remove its private directory. */
struct xlsx {
	const struct export_sink	*out;
	char				 dir[256];	/* "" until made */
	lxw_workbook			*wb;
	lxw_format			*head, *wrap, *bold, *plain;
	lxw_format			*date, *datetime;
	lxw_worksheet			*overview, *marks, *themes;
	lxw_worksheet			**secs;		/* one per section */
	size_t				 nsecs;
	lxw_row_t			 marks_rows;	/* rows below the header */
	lxw_row_t			 theme_rows;
	unsigned char			*pos;		/* orgs x sections */
	size_t				 norgs;
	size_t				 ncut;		/* cells cut to fit */
	struct xlsx_names		 names;
	char				*cell;		/* XLSX_CELL_BYTES */
};

/*
 * A writer of the .xlsx (w is a struct xlsx): the sheets "Översikt" (an
 * organisation a row, a section a column, the counts below), one per
 * section (its answers, the answers to its questions, its proposal text,
 * summary and beslutsförslag), "Taggar", "Teman", and, when the remiss has
 * them, "Frågor om remissen", "Nya avsnitt" and "Dialogmöten". Every
 * sheet's rows are written in order, so libxlsxwriter keeps one row of each
 * in memory; the overview needs every answer's position, kept as one byte
 * per organisation and section until the end. The workbook is built in a
 * private directory (mkdtemp under $TMPDIR, else /tmp) and then copied to
 * out. Each sheet holds one open temporary file until the end.
 */
extern const struct export_writer xlsx_writer;

/* Frees what the writer holds and removes its private directory (closing
 * a workbook left open by a failed export first). */
void xlsx_cleanup(struct xlsx *x);

#endif
