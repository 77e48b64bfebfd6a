/* fuzz_form.c: libFuzzer harness for application/x-www-form-urlencoded bodies. */
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

/* Parses the input as a form body with small limits and checks that every
 * pair kept is bounded, NUL-terminated UTF-8 text. */
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
	l.fields_max = 64;
	l.key_max = 32;
	l.value_max = 512;
	memset(&kv, 0, sizeof(kv));
	(void)urlencoded_parse(a, (const char *)data, size, &l, &kv);
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
