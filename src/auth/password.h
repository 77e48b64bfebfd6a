/* password.h: password hashing with libsodium's argon2id; nothing home-made. */
#ifndef REMISS_PASSWORD_H
#define REMISS_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN 12		/* characters a new password needs at least */
#define PASSWORD_MAX 1024	/* bytes a password may have at most */
#define PASSWORD_HASH_MAX 128	/* bytes of a stored hash string, NUL included */

/* Initialises libsodium; call once in main. Returns 0 or -1. */
int password_init(void);

/* Hashes pw (argon2id, interactive limits) into out. Returns 0, or -1 if
 * pw is longer than PASSWORD_MAX or hashing failed. */
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);

/* True if pw matches the stored hash (constant time in pw). */
bool password_verify(const char *hash, const char *pw);

/* Burns the same time as a verify, for unknown users (no enumeration by timing). */
void password_verify_dummy(const char *pw);

/* True if pw is acceptable as a new password (length, valid UTF-8). */
bool password_acceptable(const char *pw);

#endif
