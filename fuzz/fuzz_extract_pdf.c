/* fuzz_extract_pdf.c: libFuzzer harness for the PDF extractor (poppler, then pdf_paras.c): it may
 * refuse an input but never crash, leak or write outside reader/match.h's format. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "reader/extract.h"
#include "util/arena.h"
#include "util/buf.h"
#include "extract_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Poppler reports every damaged object on stderr; the fuzzer's own output
 * is what matters. */
static void
quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer user)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)user;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int		 ready;
	enum extract_status	 st;
	struct arena		*a;
	struct buf		 b;

	if (!ready) {
		g_log_set_default_handler(quiet, NULL);
		ready = 1;
	}
	if ((a = arena_new()) == NULL)
		return 0;
	buf_init(&b, a);
	st = extract_pdf(data, size, &b);
	extract_check(&b, st);
	arena_free(a);
	return 0;
}
