/* docx_export.h: the remissammanställning and the beslutsförslag as Word (.docx) documents. */
#ifndef REMISS_EXPORT_DOCX_EXPORT_H
#define REMISS_EXPORT_DOCX_EXPORT_H

#include "export/docx_pkg.h"
#include "export/model.h"

/* The writers' state: set out (and zero the rest); docx_cleanup(&d) must
 * run after every export, done or not. */
struct docx_export {
	const struct export_sink	*out;
	struct docx			 d;
};

/* The remissammanställning as the ODT export has it: title page, table of
 * contents, remissinstanser, the charts (PNG), per section the proposal,
 * summary, beslutsförslag, every answer in a table whose header row
 * repeats, the questions and dialogmöten; then the questions about the
 * whole remiss, themes, the sections the beslutsförslag adds and the
 * dialogmöten. w is a struct docx_export. */
extern const struct export_writer docx_export_writer;

/* The beslutsförslag alone: title, the remiss's facts, per section its
 * decision (oförändrad, ändrad with the new text, struken) and motivation,
 * and the sections it adds. w is a struct docx_export. */
extern const struct export_writer beslutsforslag_docx_writer;

#endif
