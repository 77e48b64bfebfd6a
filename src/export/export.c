/* export.c: picks the writer for a format and runs the model into it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "export/csv.h"
#include "export/docx_export.h"
#include "export/export.h"
#include "export/html_export.h"
#include "export/odt.h"
#include "export/xlsx.h"
#include "export/xmlout.h"

static const struct {
	const char	*name;
	const char	*media_type;
	const char	*suffix;
} formats[EXPORT__MAX] = {
	[EXPORT_XML] = { "xml", "application/xml; charset=utf-8",
	    "remissexport.xml" },
	[EXPORT_CSV] = { "csv", "text/csv; charset=utf-8; header=present",
	    "remissvar.csv" },
	[EXPORT_ODT] = { "odt", "application/vnd.oasis.opendocument.text",
	    "remissammanstallning.odt" },
	[EXPORT_HTML] = { "html", "text/html; charset=utf-8",
	    "remissammanstallning.html" },
	[EXPORT_MARKS_CSV] = { "taggar.csv",
	    "text/csv; charset=utf-8; header=present", "taggar.csv" },
	[EXPORT_DOCX] = { "docx", "application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.document",
	    "remissammanstallning.docx" },
	[EXPORT_BESLUT_DOCX] = { "beslutsforslag.docx", "application/"
	    "vnd.openxmlformats-officedocument.wordprocessingml.document",
	    "beslutsforslag.docx" },
	[EXPORT_XLSX] = { "xlsx",
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "remissvar.xlsx" },
};

enum export_format
export_format_parse(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < EXPORT__MAX; i++)
		if (strcmp(s, formats[i].name) == 0)
			return (enum export_format)i;
	return EXPORT__MAX;
}

const char *
export_format_name(enum export_format f)
{
	return f < EXPORT__MAX ? formats[f].name : "";
}

const char *
export_media_type(enum export_format f)
{
	return f < EXPORT__MAX ? formats[f].media_type :
	    "application/octet-stream";
}

int
export_filename(enum export_format f, const char *slug, char *out,
    size_t outsz)
{
	int n;

	if (f >= EXPORT__MAX)
		return -1;
	n = snprintf(out, outsz, "%s-%s", slug, formats[f].suffix);
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

int
export_write(struct db *db, const char *slug, enum export_format f,
    const struct export_sink *out)
{
	struct xmlout		 xo;
	struct html_export	 he;
	struct odt		 od;
	struct docx_export	 dx;
	struct xlsx		 xl;
	int			 rc;

	switch (f) {
	case EXPORT_XML:
		xo.out = out;
		xo.db = db;
		return export_model_run(db, slug, &xml_export_writer, &xo);
	case EXPORT_CSV:
		return export_model_run(db, slug, &csv_answers_writer,
		    (void *)out);
	case EXPORT_MARKS_CSV:
		return export_model_run(db, slug, &csv_marks_writer,
		    (void *)out);
	case EXPORT_HTML:
		memset(&he, 0, sizeof(he));
		he.out = out;
		rc = export_model_run(db, slug, &html_export_writer, &he);
		/* After a failure midway the writer is still open. */
		if (he.x.w != NULL)
			xmlw_close(&he.x);
		return rc;
	case EXPORT_ODT:
		memset(&od, 0, sizeof(od));
		od.out = out;
		rc = export_model_run(db, slug, &odt_writer, &od);
		odt_cleanup(&od);
		return rc;
	case EXPORT_DOCX:
	case EXPORT_BESLUT_DOCX:
		memset(&dx, 0, sizeof(dx));
		dx.out = out;
		rc = export_model_run(db, slug, f == EXPORT_DOCX ?
		    &docx_export_writer : &beslutsforslag_docx_writer, &dx);
		docx_cleanup(&dx.d);
		return rc;
	case EXPORT_XLSX:
		memset(&xl, 0, sizeof(xl));
		xl.out = out;
		rc = export_model_run(db, slug, &xlsx_writer, &xl);
		xlsx_cleanup(&xl);
		return rc;
	default:
		return -1;
	}
}
