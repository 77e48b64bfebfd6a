/* fuzz_query.c: libFuzzer harness for QUERY_STRING parsing. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/kv.h"
#include "http/limits.h"
#include "http/urlencoded.h"
#include "http/utf8.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses the input as a query string; over query_max it must be refused
 * whole, otherwise every pair kept must be bounded UTF-8 text. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a;
	struct limits	 l;
	struct kvlist	 kv;
	const struct kv	*p;
	enum parse_err	 e;
	size_t		 i, klen;

	if ((a = arena_new()) == NULL)
		return 0;
	limits_default(&l);
	l.query_max = 1024;
	l.fields_max = 16;
	l.key_max = 16;
	l.value_max = 128;
	memset(&kv, 0, sizeof(kv));
	e = query_parse(a, (const char *)data, size, &l, &kv);
	if (size > l.query_max && (e != PARSE_ERR_TOO_LARGE || kv.n != 0))
		abort();
	if (kv.n > l.fields_max)
		abort();
	for (i = 0; i < kv.n; i++) {
		p = &kv.items[i];
		klen = strlen(p->key);
		if (klen > l.key_max || p->vallen > l.value_max ||
		    p->val[p->vallen] != '\0' ||
		    !utf8_valid_text(p->key, klen) ||
		    !utf8_valid_text(p->val, p->vallen))
			abort();
	}
	arena_free(a);
	return 0;
}
