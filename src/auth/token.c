/* token.c: 256-bit random tokens as hex, their SHA-256 for storage, and constant-time compare. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/random.h>

#include <sodium.h>

#include "auth/token.h"
#include "log.h"

#define TOKEN_BYTES 32

_Static_assert(TOKEN_HEX == 2 * TOKEN_BYTES + 1, "TOKEN_HEX is 64 hex + NUL");
_Static_assert(crypto_hash_sha256_BYTES == TOKEN_BYTES, "SHA-256 is 32 bytes");

int
token_new(char out[TOKEN_HEX])
{
	unsigned char	 raw[TOKEN_BYTES];
	size_t		 got = 0;
	ssize_t		 n;
	int		 rc = -1;

	out[0] = '\0';
	while (got < sizeof(raw)) {
		n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			log_err("getrandom: %s", strerror(errno));
			goto err;
		}
		got += (size_t)n;
	}
	sodium_bin2hex(out, TOKEN_HEX, raw, sizeof(raw));
	rc = 0;
err:
	sodium_memzero(raw, sizeof(raw));
	return rc;
}

void
token_hash(const char *token, char out[TOKEN_HEX])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)token,
	    strlen(token));
	sodium_bin2hex(out, TOKEN_HEX, digest, sizeof(digest));
}

bool
token_wellformed(const char *s)
{
	size_t i;

	if (s == NULL)
		return false;
	for (i = 0; i < TOKEN_HEX - 1; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return false;
	return s[i] == '\0';
}

/* Strings of different lengths are unequal at once: lengths are no secret. */
bool
token_equal(const char *a, const char *b)
{
	size_t len;

	if (a == NULL || b == NULL || (len = strlen(a)) != strlen(b))
		return false;
	return sodium_memcmp(a, b, len) == 0;
}
