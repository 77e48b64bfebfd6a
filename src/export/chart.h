/* chart.h: an SVG bar chart of the positions per section, with the counts as text (never colour alone). */
#ifndef REMISS_EXPORT_CHART_H
#define REMISS_EXPORT_CHART_H

#include <libxml/xmlwriter.h>

#include "export/model.h"

/* Writes an <svg> element (namespace declared) charting secs[0..n): per
 * section its number, a bar split by position and the counts in words.
 * total is the number of organisations that answered. 0 or -1. */
int chart_svg(xmlTextWriterPtr w, const struct export_section_head *secs,
    size_t n, size_t total);

/* The short Swedish counts of c: "3 tillstyrker, 1 med ändringar, ...";
 * only non-zero counts, "inga svar" when all are zero. */
void chart_counts_text(const struct export_counts *c, char *out,
    size_t outsz);

/* The fill colour of a position in charts ("#1b5e20"). */
const char *chart_colour(enum position p);

#endif
