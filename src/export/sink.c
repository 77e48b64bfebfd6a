/* sink.c: an export's bytes to its sink, raw or through the XML writer. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "export/sink.h"
#include "util/buf.h"
#include "xml/xmlw.h"

/* The stdio sink's write: all n bytes, or -1. */
static int
file_write(void *ctx, const void *p, size_t n)
{
	return fwrite(p, 1, n, ctx) == n ? 0 : -1;
}

void
export_sink_file(struct export_sink *s, FILE *f)
{
	s->write = file_write;
	s->ctx = f;
}

/* The buffer sink's write: appended, or -1 on OOM. */
static int
buf_sink_write(void *ctx, const void *p, size_t n)
{
	return buf_append(ctx, p, n);
}

void
export_sink_buf(struct export_sink *s, struct buf *b)
{
	s->write = buf_sink_write;
	s->ctx = b;
}

int
export_put(const struct export_sink *s, const void *p, size_t n)
{
	if (n == 0)
		return 0;
	return s->write(s->ctx, p, n);
}

int
export_puts(const struct export_sink *s, const char *str)
{
	return export_put(s, str, strlen(str));
}

/* libxml2's output callback: all n bytes to the sink, or -1. */
static int
sink_write(void *ctx, const char *p, int n)
{
	const struct export_sink *out = ctx;

	if (n < 0 || export_put(out, p, (size_t)n) == -1)
		return -1;
	return n;
}

int
export_xmlw_open(struct xmlw *x, const struct export_sink *out)
{
	/* The writer's own buffer batches small writes. */
	return xmlw_open_io(x, sink_write, (void *)out);
}
