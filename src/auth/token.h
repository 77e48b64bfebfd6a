/* token.h: random secrets (session ids, API and CSRF tokens) and their stored hashes. */
#ifndef REMISS_TOKEN_H
#define REMISS_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#define TOKEN_HEX 65	/* 256 bits as 64 hex digits plus NUL */

/* Fills out with 256 random bits from getrandom() as lowercase hex.
 * Returns 0, or -1 if the kernel gave no randomness (out is then ""). */
int token_new(char out[TOKEN_HEX]);

/* SHA-256 of the token text as hex: what the database stores. */
void token_hash(const char *token, char out[TOKEN_HEX]);

/* True if s looks like a token (exactly 64 lowercase hex digits). */
bool token_wellformed(const char *s);

/* Constant-time comparison of two NUL-terminated strings of equal length. */
bool token_equal(const char *a, const char *b);

#endif
