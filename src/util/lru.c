/* lru.c: the bounded LRU cache of lru.h: a chained hash table for lookups and a doubly
 * linked list in order of use; each entry is one allocation holding key and value. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/lru.h"

#define NBUCKETS	1024	/* power of two */

struct entry {
	struct entry	*next_hash;
	struct entry	*prev, *next;	/* use order: head most recent */
	uint64_t	 hash;
	time_t		 stored;
	size_t		 klen, vlen;
	unsigned char	 data[];	/* key, then value */
};

struct lru {
	struct entry	*buckets[NBUCKETS];
	struct entry	*head, *tail;
	size_t		 max_bytes, bytes, count;
	time_t		 max_age;
};

static uint64_t
fnv1a(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = 14695981039346656037ULL;

	while (n-- > 0) {
		h ^= *s++;
		h *= 1099511628211ULL;
	}
	return h;
}

size_t
lru_entry_size(size_t klen, size_t vlen)
{
	return sizeof(struct entry) + klen + vlen;
}

struct lru *
lru_new(size_t max_bytes, time_t max_age)
{
	struct lru *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->max_bytes = max_bytes;
	c->max_age = max_age;
	return c;
}

static void
unlink_use(struct lru *c, struct entry *e)
{
	if (e->prev != NULL)
		e->prev->next = e->next;
	else
		c->head = e->next;
	if (e->next != NULL)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->prev = e->next = NULL;
}

static void
push_front(struct lru *c, struct entry *e)
{
	e->prev = NULL;
	e->next = c->head;
	if (c->head != NULL)
		c->head->prev = e;
	c->head = e;
	if (c->tail == NULL)
		c->tail = e;
}

/* Removes e from the table and the list and frees it. */
static void
drop(struct lru *c, struct entry *e)
{
	struct entry **pp = &c->buckets[e->hash & (NBUCKETS - 1)];

	while (*pp != e)
		pp = &(*pp)->next_hash;
	*pp = e->next_hash;
	unlink_use(c, e);
	c->bytes -= lru_entry_size(e->klen, e->vlen);
	c->count--;
	free(e);
}

void
lru_free(struct lru *c)
{
	if (c == NULL)
		return;
	while (c->head != NULL)
		drop(c, c->head);
	free(c);
}

static struct entry *
find(struct lru *c, const void *key, size_t klen, uint64_t h)
{
	struct entry *e;

	for (e = c->buckets[h & (NBUCKETS - 1)]; e != NULL; e = e->next_hash)
		if (e->hash == h && e->klen == klen &&
		    memcmp(e->data, key, klen) == 0)
			return e;
	return NULL;
}

const void *
lru_get(struct lru *c, const void *key, size_t klen, time_t now, size_t *vlen)
{
	struct entry *e;

	if ((e = find(c, key, klen, fnv1a(key, klen))) == NULL)
		return NULL;
	if (now - e->stored > c->max_age || now < e->stored) {
		drop(c, e);
		return NULL;
	}
	unlink_use(c, e);
	push_front(c, e);
	*vlen = e->vlen;
	return e->data + e->klen;
}

int
lru_put(struct lru *c, const void *key, size_t klen, const void *val,
    size_t vlen, time_t now)
{
	struct entry	*e;
	uint64_t	 h = fnv1a(key, klen);
	size_t		 size;

	if (klen > c->max_bytes || vlen > c->max_bytes ||
	    (size = lru_entry_size(klen, vlen)) > c->max_bytes) {
		if ((e = find(c, key, klen, h)) != NULL)
			drop(c, e);
		return 1;
	}
	if ((e = find(c, key, klen, h)) != NULL)
		drop(c, e);
	while (c->tail != NULL && c->bytes + size > c->max_bytes)
		drop(c, c->tail);
	if ((e = malloc(size)) == NULL)
		return -1;
	e->hash = h;
	e->stored = now;
	e->klen = klen;
	e->vlen = vlen;
	memcpy(e->data, key, klen);
	if (vlen > 0)
		memcpy(e->data + klen, val, vlen);
	e->next_hash = c->buckets[h & (NBUCKETS - 1)];
	c->buckets[h & (NBUCKETS - 1)] = e;
	push_front(c, e);
	c->bytes += size;
	c->count++;
	return 0;
}

size_t
lru_bytes(const struct lru *c)
{
	return c->bytes;
}

size_t
lru_count(const struct lru *c)
{
	return c->count;
}
