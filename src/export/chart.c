/* chart.c: SVG chart of positions per section for the HTML and ODT exports. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "export/chart.h"

#define SVG_NS		"http://www.w3.org/2000/svg"
#define ROW_H		22
#define TOP		44
#define LABEL_W		70
#define BAR_W		300
#define WIDTH		800

/* Order in a bar: for, for with changes, against, no comments, none. */
static const enum position order[POS__MAX] = { POS_TILLSTYRKER,
    POS_TILLSTYRKER_MED_ANDRINGAR, POS_AVSTYRKER, POS_INGA_SYNPUNKTER,
    POS_NONE };

/* Lower-case words for the counts. */
static const char *const words[POS__MAX] = {
	[POS_NONE] = "utan ställningstagande",
	[POS_TILLSTYRKER] = "tillstyrker",
	[POS_TILLSTYRKER_MED_ANDRINGAR] = "med ändringar",
	[POS_AVSTYRKER] = "avstyrker",
	[POS_INGA_SYNPUNKTER] = "inga synpunkter",
};

const char *
chart_colour(enum position p)
{
	switch (p) {
	case POS_TILLSTYRKER:
		return "#2e7d32";
	case POS_TILLSTYRKER_MED_ANDRINGAR:
		return "#9ccc65";
	case POS_AVSTYRKER:
		return "#c62828";
	case POS_INGA_SYNPUNKTER:
		return "#90a4ae";
	default:
		return "#eceff1";
	}
}

void
chart_counts_text(const struct export_counts *c, char *out, size_t outsz)
{
	size_t	i, len = 0;
	int	n;

	if (outsz == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < POS__MAX; i++) {
		if (c->n[order[i]] == 0)
			continue;
		n = snprintf(out + len, outsz - len, "%s%lu %s",
		    len > 0 ? ", " : "", c->n[order[i]], words[order[i]]);
		if (n < 0 || (size_t)n >= outsz - len)
			return;
		len += (size_t)n;
	}
	if (len == 0)
		snprintf(out, outsz, "inga svar");
}

/* Writes a text element at x, y. */
static int
text(xmlTextWriterPtr w, int x, int y, const char *anchor, const char *s)
{
	if (xmlTextWriterStartElement(w, BAD_CAST "text") < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "x", "%d", x) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "y", "%d", y) < 0 ||
	    (anchor != NULL && xmlTextWriterWriteAttribute(w,
	    BAD_CAST "text-anchor", BAD_CAST anchor) < 0) ||
	    xmlTextWriterWriteString(w, BAD_CAST s) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* A rectangle with a tooltip title. */
static int
rect(xmlTextWriterPtr w, int x, int y, int wd, int ht, const char *fill,
    const char *title)
{
	if (xmlTextWriterStartElement(w, BAD_CAST "rect") < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "x", "%d", x) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "y", "%d", y) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "width", "%d", wd) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "height", "%d", ht) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "fill", BAD_CAST fill) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "stroke",
	    BAD_CAST "#37474f") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "stroke-width",
	    BAD_CAST "0.5") < 0 ||
	    (title != NULL && xmlTextWriterWriteElement(w, BAD_CAST "title",
	    BAD_CAST title) < 0) ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

int
chart_svg(xmlTextWriterPtr w, const struct export_section_head *secs,
    size_t n, size_t total)
{
	char	 buf[256], title[160];
	size_t	 i, k;
	int	 x, y, wd, height, lx;

	height = TOP + (int)n * ROW_H + 10;
	if (xmlTextWriterStartElementNS(w, NULL, BAD_CAST "svg",
	    BAD_CAST SVG_NS) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.1") < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "width", "%d",
	    WIDTH) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "height", "%d",
	    height) < 0 ||
	    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "viewBox",
	    "0 0 %d %d", WIDTH, height) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "role", BAD_CAST "img") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "font-family",
	    BAD_CAST "Arial, Helvetica, sans-serif") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "font-size",
	    BAD_CAST "12") < 0 ||
	    xmlTextWriterWriteElement(w, BAD_CAST "title",
	    BAD_CAST "Ställningstaganden per avsnitt") < 0)
		return -1;
	/* The legend: a swatch and the word for each position. */
	lx = 0;
	for (k = 0; k < POS__MAX; k++) {
		if (rect(w, lx, 6, 12, 12, chart_colour(order[k]), NULL) == -1 ||
		    text(w, lx + 16, 16, NULL, words[order[k]]) == -1)
			return -1;
		lx += 24 + (int)strlen(words[order[k]]) * 7;
	}
	for (i = 0; i < n; i++) {
		y = TOP + (int)i * ROW_H;
		snprintf(buf, sizeof(buf), "%s", secs[i].nr);
		if (text(w, 0, y + 14, NULL, buf) == -1)
			return -1;
		x = LABEL_W;
		for (k = 0; k < POS__MAX && total > 0; k++) {
			unsigned long c = secs[i].counts.n[order[k]];

			if (c == 0)
				continue;
			wd = (int)((c * BAR_W + total / 2) / total);
			if (wd < 1)
				wd = 1;
			snprintf(title, sizeof(title), "%s: %lu %s", secs[i].nr,
			    c, words[order[k]]);
			if (rect(w, x, y + 2, wd, ROW_H - 6,
			    chart_colour(order[k]), title) == -1)
				return -1;
			x += wd;
		}
		chart_counts_text(&secs[i].counts, buf, sizeof(buf));
		if (text(w, LABEL_W + BAR_W + 10, y + 14, NULL, buf) == -1)
			return -1;
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}
