/* sha256.h: SHA-256 of a byte range as lowercase hex (receipts, request digests). */
#ifndef REMISS_SHA256_H
#define REMISS_SHA256_H

#include <stddef.h>

/* Writes the SHA-256 of p[0..len) as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *p, size_t len, char out[65]);

#endif
