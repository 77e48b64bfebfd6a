/* export.h: the export formats by name, their media types and file names, and one call that writes an export. */
#ifndef REMISS_EXPORT_EXPORT_H
#define REMISS_EXPORT_EXPORT_H

#include <stddef.h>

#include "export/model.h"

struct db;

enum export_format {
	EXPORT_XML,		/* remissexport */
	EXPORT_CSV,		/* one row per organisation x section */
	EXPORT_ODT,		/* remissammanställning, OpenDocument text */
	EXPORT_HTML,		/* remissammanställning, printable page */
	EXPORT_MARKS_CSV,	/* tags and annotations, "taggar.csv" */
	EXPORT_DOCX,		/* remissammanställning, Word */
	EXPORT_BESLUT_DOCX,	/* the beslutsförslag alone, Word */
	EXPORT_XLSX,		/* the answers as an Excel workbook */
	EXPORT__MAX
};

/* "xml", "csv", "odt", "html", "taggar.csv", "xlsx" -> format;
 * EXPORT__MAX if none. */
enum export_format export_format_parse(const char *s);

/* The format's name as export_format_parse takes it. */
const char *export_format_name(enum export_format f);

/* The Content-Type to send it with. */
const char *export_media_type(enum export_format f);

/* The download's file name: "SLUG-remissammanstallning.odt" etc., in out
 * (slugs are [a-z0-9-], so the name needs no quoting). 0 or -1. */
int export_filename(enum export_format f, const char *slug, char *out,
    size_t outsz);

/* Writes remiss slug in format f to out, streaming. Returns 1 done, 0 no
 * such remiss (nothing written), -1 error (logged; out may hold part). */
int export_write(struct db *db, const char *slug, enum export_format f,
    const struct export_sink *out);

#endif
