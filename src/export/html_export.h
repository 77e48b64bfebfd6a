/* html_export.h: the printable remissammanställning as one HTML page (also well-formed XML). */
#ifndef REMISS_EXPORT_HTML_EXPORT_H
#define REMISS_EXPORT_HTML_EXPORT_H

#include "export/model.h"
#include "xml/xmlw.h"

/* The writer's state. Set out; the rest is the writer's. */
struct html_export {
	const struct export_sink	*out;
	struct xmlw			 x;
};

/* A writer of the printable page: title block, remissinstanser, a chart of
 * positions per section, each section on its own printed page with its
 * counts, proposal and answers, then the themes. The print stylesheet
 * (static/export.css, from $REMISS_STATIC_DIR or the installed static
 * directory) is embedded so the saved file stands alone. w is a struct
 * html_export. */
extern const struct export_writer html_export_writer;

#endif
