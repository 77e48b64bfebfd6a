/* hash.h: internal to analysis/: a fixed-key SipHash of bytes, so that word and shingle hashes are the same in every run. */
#ifndef REMISS_HASH_H
#define REMISS_HASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 (libsodium's crypto_shorthash) of p[0..len) under a fixed,
 * public key: reproducible, not secret. Never fails once libsodium is
 * initialised (call hash_init first). */
uint64_t hash_bytes(const void *p, size_t len);

/* Initialises libsodium. Returns 0, or -1 if it cannot be. */
int hash_init(void);

#endif
