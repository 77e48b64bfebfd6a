/* xmlout.h: the export as one remissexport document (the remiss and every latest remissvar). */
#ifndef REMISS_EXPORT_XMLOUT_H
#define REMISS_EXPORT_XMLOUT_H

#include "export/model.h"

struct db;

/* The writer's state: where to write and the snapshot's connection. */
struct xmlout {
	const struct export_sink	*out;
	struct db			*db;
};

/* Writes <remissexport skapad="…"> with the remiss definition (as remiss
 * XML) and the stored canonical XML of each organisation's latest
 * submitted version, by name, so that each remissvar is byte for byte the
 * one its receipt's SHA-256 covers. w is a struct xmlout. */
extern const struct export_writer xml_export_writer;

#endif
