/* odt.h: the remissammanställning as an OpenDocument text (.odt) package, zipped with libzip. */
#ifndef REMISS_EXPORT_ODT_H
#define REMISS_EXPORT_ODT_H

#include <stdio.h>

#include "export/model.h"
#include "xml/xmlw.h"

/* The writer's state. Set out; odt_cleanup must run after every export,
 * done or not, to remove the private temporary directory. */
struct odt {
	const struct export_sink	*out;
	char				 dir[256];	/* "" until made */
	FILE				*content;	/* content.xml being written */
	struct export_sink		 file;		/* writes to content */
	struct xmlw			 x;
	size_t				 ncharts;	/* Pictures/diagram-N.svg */
	char				 title[512];
};

/* A writer of the .odt: content.xml is written section by section to a
 * file in a private directory (mkdtemp under $TMPDIR, else /tmp), the other
 * parts at the end; then libzip builds the package there (mimetype first
 * and stored, then manifest, content, styles, meta and the charts), and it
 * is copied to out. w is a struct odt. */
extern const struct export_writer odt_writer;

/* Frees what the writer holds and removes its temporary directory. */
void odt_cleanup(struct odt *o);

#endif
