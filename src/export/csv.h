/* csv.h: the export as CSV (docs/interfaces.md section 5) and the analysis (tags, annotations) as a second CSV. */
#ifndef REMISS_EXPORT_CSV_H
#define REMISS_EXPORT_CSV_H

#include <stdbool.h>

#include "export/model.h"

/* True if a spreadsheet (Excel, LibreOffice) could read s as a formula:
 * its first byte is =, +, -, @, TAB or CR (OWASP's list for CSV injection). */
bool csv_formula_risk(const char *s);

/* Writes s as one RFC 4180 field: quoted (quotes doubled) when it holds a
 * comma, quote, CR or LF, then "," or, when last, CRLF. A field with
 * csv_formula_risk is quoted and gets one apostrophe (') before its first
 * character, so it opens as text; nothing else in it changes. 0 or -1. */
int csv_field(const struct export_sink *out, const char *s, bool last);

/* A writer of one row per (answering organisation, section), columns as
 * docs/interfaces.md section 5, UTF-8 with a BOM. w is the sink. */
extern const struct export_writer csv_answers_writer;

/* A writer of one row per tag or annotation: organisation, avsnitt, tema,
 * citat, start, slut, anteckning, av, tid (joins the first on remissinstans
 * and avsnitt; avsnitt "" for a whole response). w is the sink. */
extern const struct export_writer csv_marks_writer;

#endif
