/* xlsx_text.h: text made fit for a spreadsheet: cell texts within Excel's limits and sheet names Excel accepts. */
#ifndef REMISS_EXPORT_XLSX_TEXT_H
#define REMISS_EXPORT_XLSX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Excel's limits: characters (UTF-16 code units) in a cell and in a sheet
 * name. */
#define XLSX_CELL_MAX		32767
#define XLSX_SHEET_NAME_MAX	31

/* What a cut cell ends with, inside the limit. */
#define XLSX_CUT_MARKER		"… [förkortat]"

/* Bytes a cleaned cell text can need, its NUL included: every code unit as
 * at most three bytes of UTF-8 (a character outside the BMP is two units
 * in four bytes, the escape of a "_" seven bytes for one unit and the six
 * that follow it). */
#define XLSX_CELL_BYTES		(XLSX_CELL_MAX * 3 + 64)

/* Bytes of a sheet name, its NUL included. */
#define XLSX_SHEET_NAME_BYTES	(XLSX_SHEET_NAME_MAX * 4 + 1)

/*
 * Copies the text s into out (XLSX_CELL_BYTES bytes) as a cell may hold
 * it: CR LF and lone CR, vertical tab and form feed become LF; other
 * control characters (C0 but TAB and LF), U+FFFE/U+FFFF and bytes that are
 * not UTF-8 become U+FFFD; a "_" that would start one of SpreadsheetML's
 * "_xHHHH_" escapes is itself escaped ("_x005F_"), so that a reader shows
 * the text as written. A text longer than XLSX_CELL_MAX units (an escaped
 * "_" counting as the seven characters of its escape, which is what
 * libxlsxwriter counts) is cut at a character boundary and ends with
 * XLSX_CUT_MARKER, and *cut is set (else cleared). NULL is "". Returns
 * out.
 */
char *xlsx_cell_text(const char *s, char *out, bool *cut);

/* The sheet names in use in one workbook, compared as Excel compares them
 * (without regard to case). Zero it to start; xlsx_names_free frees it. */
struct xlsx_names {
	char	(*folded)[XLSX_SHEET_NAME_BYTES];
	size_t	  n, cap;
};

/*
 * Makes a sheet name from want that Excel accepts and that is not in use,
 * writes it to out (XLSX_SHEET_NAME_BYTES) and records it in used:
 * [ and ] become ( and ), : / and \ become -, * ? and control characters
 * are dropped, line breaks and runs of spaces become one space, leading
 * and trailing spaces and apostrophes go; "" becomes dflt. A name longer
 * than XLSX_SHEET_NAME_MAX units is cut and ends with "…"; a name in use
 * (or Excel's reserved "History") gets " (2)", " (3)"... within the limit.
 * Returns 0, or -1 on OOM (used unchanged).
 */
int xlsx_sheet_name(struct xlsx_names *used, const char *want,
    const char *dflt, char *out);

void xlsx_names_free(struct xlsx_names *used);

/* A date or time as the database writes it: "2024-05-22" or
 * "2024-05-21T14:03:11+02:00" (a Stockholm local time; the offset is not
 * needed, the sheet shows local time). */
struct xlsx_when {
	int	year, month, day, hour, min, sec;
	bool	has_time;
};

/* Parses s into *w. Returns 0, or -1 when s is not such a date (then the
 * caller writes it as text). */
int xlsx_when_parse(const char *s, struct xlsx_when *w);

#endif
