/* lru.h: a bounded in-memory LRU cache of byte strings keyed by byte strings, with a maximum
 * age per entry; one per worker process (the review matrix's page cache). Not thread-safe. */
#ifndef REMISS_LRU_H
#define REMISS_LRU_H

#include <stddef.h>
#include <time.h>

struct lru;

/* A cache holding at most max_bytes (keys, values and per-entry overhead
 * counted) of entries no older than max_age seconds. NULL on OOM. */
struct lru *lru_new(size_t max_bytes, time_t max_age);
void lru_free(struct lru *c);

/* The value stored under key if it is there and was stored at or after
 * now - max_age (an older one is dropped); it becomes the most recently
 * used. The pointer belongs to the cache and is valid until the next
 * lru_put or lru_free. NULL if absent. */
const void *lru_get(struct lru *c, const void *key, size_t klen, time_t now,
    size_t *vlen);

/* Stores a copy of val under a copy of key (replacing any entry with that
 * key), evicting the least recently used entries until it fits. Returns 0,
 * 1 if the entry alone is larger than the bound (not stored), -1 on OOM. */
int lru_put(struct lru *c, const void *key, size_t klen, const void *val,
    size_t vlen, time_t now);

size_t lru_bytes(const struct lru *c);	/* bytes held, as counted */
size_t lru_count(const struct lru *c);	/* entries held */

/* What one entry of klen + vlen bytes counts against max_bytes. */
size_t lru_entry_size(size_t klen, size_t vlen);

#endif
