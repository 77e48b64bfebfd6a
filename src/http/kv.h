/* kv.h: an ordered list of decoded name/value pairs (query, form, cookies). */
#ifndef REMISS_KV_H
#define REMISS_KV_H

#include <stddef.h>

struct arena;

struct kv {
	const char	*key;	/* NUL-terminated, valid UTF-8 */
	const char	*val;	/* NUL-terminated, valid UTF-8 */
	size_t		 vallen;
};

struct kvlist {
	struct kv	*items;	/* arena-owned */
	size_t		 n;
	size_t		 cap;
};

/* Appends a pair (pointers are kept, not copied). Returns 0 or -1 on OOM. */
int kvlist_add(struct arena *a, struct kvlist *l, const char *key,
    const char *val, size_t vallen);

/* Returns the value of the first pair named key, or NULL. */
const char *kvlist_get(const struct kvlist *l, const char *key);

/* Returns how many pairs are named key. */
size_t kvlist_count(const struct kvlist *l, const char *key);

#endif
