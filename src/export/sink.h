/* sink.h: where an export's bytes go, written raw or through the XML writer (xml/xmlw.h). */
#ifndef REMISS_EXPORT_SINK_H
#define REMISS_EXPORT_SINK_H

#include <stddef.h>
#include <stdio.h>

struct buf;
struct xmlw;

/* Where a writer's bytes go: write(ctx, p, n) returns 0, or -1 to stop. */
struct export_sink {
	int	(*write)(void *ctx, const void *p, size_t n);
	void	 *ctx;
};

/* Makes *s a sink that writes to f (stdio: a short write is an error). */
void export_sink_file(struct export_sink *s, FILE *f);

/* Makes *s a sink that appends to b (a response's body: a document that
 * is small enough to hold in memory). */
void export_sink_buf(struct export_sink *s, struct buf *b);

/* Writes n bytes / a string to the sink. 0 or -1. */
int export_put(const struct export_sink *s, const void *p, size_t n);
int export_puts(const struct export_sink *s, const char *str);

/* Starts x writing to out (which must outlive x; no XML declaration is
 * written); close it with xmlw_close. Returns 0, or -1 (nothing to close). */
int export_xmlw_open(struct xmlw *x, const struct export_sink *out);

#endif
