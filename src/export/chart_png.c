/* chart_png.c: chart.c's SVG, built in memory, rendered by librsvg onto a cairo image surface
 * and written as a PNG. */
#include "config.h"

#include <sys/mman.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "export/chart.h"
#include "export/chart_png.h"
#include "log.h"
#include "xml/xmlw.h"

/* The PNG's pixels per CSS pixel: sharp when printed. */
#define SCALE	2.0

int
chart_png(const struct export_section_head *secs, size_t n, size_t total,
    const char *path, double *width, double *height)
{
	xmlBufferPtr		 b;
	struct xmlw		 x;
	RsvgHandle		*h = NULL;
	GError			*err = NULL;
	cairo_surface_t		*s = NULL;
	cairo_t			*cr = NULL;
	RsvgRectangle		 vp;
	gdouble			 w, ht;
	unsigned char		*px = MAP_FAILED;
	size_t			 pxsz = 0;
	int			 rc = -1, pw, ph, stride;

	if ((b = xmlBufferCreate()) == NULL)
		return -1;
	if (xmlw_open_memory(&x, b) == -1) {
		xmlBufferFree(b);
		return -1;
	}
	if (chart_svg(x.w, secs, n, total) == -1)
		x.failed = 1;
	if (xmlw_close(&x) == -1)
		goto out;
	/* Our own markup, from memory: no base file, so no reference to
	 * another file or address can resolve. */
	h = rsvg_handle_new_from_data(xmlBufferContent(b),
	    (gsize)xmlBufferLength(b), &err);
	if (h == NULL) {
		log_err("librsvg: %s", err != NULL ? err->message : "?");
		goto out;
	}
	rsvg_handle_set_dpi(h, 96.0);
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) ||
	    w <= 0 || ht <= 0 || w > 4000 || ht > 20000) {
		log_err("the chart has no usable size");
		goto out;
	}
	/* The pixels (some MiB) in a mapping of their own, returned to the
	 * system after each chart: from malloc they would stay in the heap
	 * once glibc raises its mmap threshold, and a remiss of many charts
	 * would grow the process a chart at a time. */
	pw = (int)(w * SCALE);
	ph = (int)(ht * SCALE);
	if ((stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32,
	    pw)) <= 0)
		goto out;
	pxsz = (size_t)stride * (size_t)ph;
	if ((px = mmap(NULL, pxsz, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		log_err("mmap %zu bytes for the chart", pxsz);
		goto out;
	}
	s = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_ARGB32, pw, ph,
	    stride);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		goto out;
	cr = cairo_create(s);
	/* A white ground: a transparent PNG is black in some viewers. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, SCALE, SCALE);
	vp.x = 0;
	vp.y = 0;
	vp.width = w;
	vp.height = ht;
	if (!rsvg_handle_render_document(h, cr, &vp, &err)) {
		log_err("librsvg: %s", err != NULL ? err->message : "?");
		goto out;
	}
	cairo_surface_flush(s);
	if (cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS) {
		log_err("%s: the PNG could not be written", path);
		goto out;
	}
	*width = w;
	*height = ht;
	rc = 0;
out:
	if (err != NULL)
		g_error_free(err);
	if (cr != NULL)
		cairo_destroy(cr);
	if (s != NULL)
		cairo_surface_destroy(s);
	if (px != MAP_FAILED)
		munmap(px, pxsz);
	if (h != NULL)
		g_object_unref(h);
	xmlBufferFree(b);
	return rc;
}
