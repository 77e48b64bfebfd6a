/* kv.c: an ordered, arena-owned list of name/value pairs. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "http/kv.h"
#include "util/arena.h"

/* Returns 0, or -1 on OOM or overflow (l unchanged). Doubles the capacity. */
int
kvlist_add(struct arena *a, struct kvlist *l, const char *key,
    const char *val, size_t vallen)
{
	struct kv	*items;
	size_t		 ncap;

	if (l->n == l->cap) {
		ncap = l->cap ? l->cap : 8;
		if (l->cap != 0) {
			if (ncap > SIZE_MAX / 2 / sizeof(*items))
				return -1;
			ncap *= 2;
		}
		items = arena_realloc(a, l->items, l->n * sizeof(*items),
		    ncap * sizeof(*items));
		if (items == NULL)
			return -1;
		l->items = items;
		l->cap = ncap;
	}
	l->items[l->n].key = key;
	l->items[l->n].val = val;
	l->items[l->n].vallen = vallen;
	l->n++;
	return 0;
}

/* Returns the first value named key (borrowed from the list), or NULL. */
const char *
kvlist_get(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}

/* Returns the number of pairs named key; 0 for an empty list. */
size_t
kvlist_count(const struct kvlist *l, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			n++;
	return n;
}
