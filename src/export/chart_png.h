/* chart_png.h: the SVG bar chart of chart.c rendered to a PNG with librsvg and cairo, for
 * formats whose readers do not all show SVG (the Word documents). */
#ifndef REMISS_EXPORT_CHART_PNG_H
#define REMISS_EXPORT_CHART_PNG_H

#include <stddef.h>

#include "export/model.h"

/* Renders chart_svg(secs, n, total) at twice its size to a PNG file at
 * path; *width and *height get the chart's size in CSS pixels (96 a inch).
 * The SVG is built in memory (a chart holds at most a page of sections)
 * and read by librsvg without access to any file or network. 0 or -1
 * (logged). */
int chart_png(const struct export_section_head *secs, size_t n, size_t total,
    const char *path, double *width, double *height);

#endif
