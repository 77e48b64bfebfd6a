/* hash.c: SipHash-2-4 under a fixed key for reproducible word and shingle hashes. */
#include "config.h"

#include <sodium.h>

#include "analysis/hash.h"

/* Any 16 bytes do; these spell what they are for. Changing them changes
 * which near-duplicates a borderline pair is found as, nothing else. */
static const unsigned char key[crypto_shorthash_KEYBYTES] = "remiss-neardup-1";

int
hash_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

uint64_t
hash_bytes(const void *p, size_t len)
{
	unsigned char	h[crypto_shorthash_BYTES];
	uint64_t	v = 0;
	int		i;

	crypto_shorthash(h, p, len, key);
	for (i = 7; i >= 0; i--)	/* little-endian on every machine */
		v = v << 8 | h[i];
	return v;
}
