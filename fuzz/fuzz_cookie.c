/* fuzz_cookie.c: libFuzzer harness for the Cookie header parser. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/cookie.h"
#include "http/kv.h"
#include "http/limits.h"
#include "http/utf8.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses the input as a Cookie header and checks that every pair kept has
 * a token name without separators and a bounded UTF-8 text value. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a;
	struct limits	 l;
	struct kvlist	 kv;
	const struct kv	*p;
	size_t		 i, klen;

	if ((a = arena_new()) == NULL)
		return 0;
	limits_default(&l);
	l.cookie_max = 2048;
	l.fields_max = 16;
	l.key_max = 32;
	l.value_max = 256;
	memset(&kv, 0, sizeof(kv));
	(void)cookie_parse(a, (const char *)data, size, &l, &kv);
	if (kv.n > l.fields_max)
		abort();
	for (i = 0; i < kv.n; i++) {
		p = &kv.items[i];
		klen = strlen(p->key);
		if (klen == 0 || klen > l.key_max || p->vallen > l.value_max ||
		    p->val[p->vallen] != '\0' ||
		    strpbrk(p->key, " \t;=,\"()") != NULL ||
		    !utf8_valid_text(p->val, p->vallen))
			abort();
	}
	arena_free(a);
	return 0;
}
