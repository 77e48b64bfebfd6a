/* password.c: argon2id password hashes through libsodium, and the rules for a new password. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include <sodium.h>

#include "auth/password.h"
#include "http/utf8.h"
#include "log.h"

_Static_assert(PASSWORD_HASH_MAX == crypto_pwhash_STRBYTES,
    "PASSWORD_HASH_MAX must be libsodium's hash string size");

/*
 * A hash made with the same algorithm and limits as password_hash, of a
 * password nobody uses: verifying against it costs what a real verify costs.
 */
static const char dummy_hash[PASSWORD_HASH_MAX] =
    "$argon2id$v=19$m=65536,t=2,p=1$kQn+NUUiVE3gGpVco7q1rQ$"
    "Q6eDd+IcH0ezt2bLf3+/nWmA3XaVJ4JTKLsUJWqw7GE";

int
password_init(void)
{
	if (sodium_init() < 0) {
		log_err("sodium_init failed");
		return -1;
	}
	return 0;
}

int
password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	size_t len;

	out[0] = '\0';
	if (pw == NULL || (len = strlen(pw)) > PASSWORD_MAX)
		return -1;
	if (crypto_pwhash_str_alg(out, pw, len,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) != 0) {
		log_err("crypto_pwhash_str_alg failed (out of memory?)");
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* A stored hash that is NULL, empty or longer than libsodium's strings is
 * no match; so is a password over PASSWORD_MAX bytes. The hash is copied
 * into a full-size buffer, the size libsodium's prototype promises it. */
bool
password_verify(const char *hash, const char *pw)
{
	char	 h[PASSWORD_HASH_MAX];
	size_t	 len, hlen;

	if (hash == NULL || pw == NULL || (len = strlen(pw)) > PASSWORD_MAX)
		return false;
	hlen = strnlen(hash, PASSWORD_HASH_MAX);
	if (hlen == 0 || hlen >= PASSWORD_HASH_MAX)
		return false;
	memset(h, 0, sizeof(h));
	memcpy(h, hash, hlen);
	return crypto_pwhash_str_verify(h, pw, len) == 0;
}

void
password_verify_dummy(const char *pw)
{
	size_t len;

	if (pw == NULL || (len = strlen(pw)) > PASSWORD_MAX)
		len = 0;
	/* The answer is always "no"; only the time spent matters. */
	if (crypto_pwhash_str_verify(dummy_hash, pw != NULL ? pw : "", len) == 0)
		log_warn("the dummy hash matched a password");
}

/*
 * At least PASSWORD_MIN characters (code points, so "åäö" counts three) and
 * at most PASSWORD_MAX bytes of valid UTF-8 without control characters (no
 * tab or line break either: those are almost always a mistake of the input).
 */
bool
password_acceptable(const char *pw)
{
	size_t i, len, chars = 0;

	if (pw == NULL || (len = strlen(pw)) > PASSWORD_MAX)
		return false;
	if (!utf8_valid_text(pw, len))
		return false;
	for (i = 0; i < len; i++) {
		if (pw[i] == '\t' || pw[i] == '\n' || pw[i] == '\r')
			return false;
		if (((unsigned char)pw[i] & 0xC0) != 0x80)
			chars++;
	}
	return chars >= PASSWORD_MIN;
}
