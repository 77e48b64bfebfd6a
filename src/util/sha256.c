/* sha256.c: SHA-256 as hex, through libsodium. */
#include "config.h"

#include <sodium.h>

#include "util/sha256.h"

void
sha256_hex(const void *p, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}
