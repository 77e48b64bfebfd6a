/* strmap.c: string interning with open addressing over SipHash (keyed per map). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "analysis/strmap.h"

struct strmap {
	unsigned char	 key[crypto_shorthash_KEYBYTES];
	uint32_t	*slots;	/* id + 1, 0 = empty; cap is a power of two */
	size_t		 cap;
	size_t		*off;	/* offset of string id in pool */
	size_t		 n;
	size_t		 offcap;
	char		*pool;	/* the strings, each NUL-terminated */
	size_t		 used;
	size_t		 poolcap;
};

/*
 * SipHash with a random key per map: crafted text cannot make the table
 * degrade, and since ids follow the order of first sight, the key never
 * changes a result.
 */
static uint64_t
hash(const struct strmap *m, const char *s, size_t len)
{
	unsigned char	h[crypto_shorthash_BYTES];
	uint64_t	v;

	crypto_shorthash(h, (const unsigned char *)s, len, m->key);
	memcpy(&v, h, sizeof(v));
	return v;
}

struct strmap *
strmap_new(void)
{
	struct strmap *m;

	if (sodium_init() < 0 || (m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	randombytes_buf(m->key, sizeof(m->key));
	m->cap = 64;
	if ((m->slots = calloc(m->cap, sizeof(*m->slots))) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->off);
	free(m->pool);
	free(m);
}

static int
equal(const struct strmap *m, uint32_t id, const char *s, size_t len)
{
	const char *k = m->pool + m->off[id];

	return memcmp(k, s, len) == 0 && k[len] == '\0';
}

/* The slot holding s, or the empty slot where it belongs. */
static size_t
probe(const struct strmap *m, const char *s, size_t len)
{
	size_t i = (size_t)hash(m, s, len) & (m->cap - 1);

	while (m->slots[i] != 0 && !equal(m, m->slots[i] - 1, s, len))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Doubles the table. Returns 0, or -1 on OOM (the map is unchanged). */
static int
grow(struct strmap *m)
{
	uint32_t	*old = m->slots, *ns;
	size_t		 oldcap = m->cap, i, j;

	if (m->cap > SIZE_MAX / 2 / sizeof(*ns) ||
	    (ns = calloc(m->cap * 2, sizeof(*ns))) == NULL)
		return -1;
	m->slots = ns;
	m->cap *= 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i] == 0)
			continue;
		j = probe(m, m->pool + m->off[old[i] - 1],
		    strlen(m->pool + m->off[old[i] - 1]));
		m->slots[j] = old[i];
	}
	free(old);
	return 0;
}

/* Makes room for one more string of len bytes. Returns 0 or -1 on OOM. */
static int
reserve(struct strmap *m, size_t len)
{
	size_t	 ncap;
	void	*p;

	if (m->n == m->offcap) {
		ncap = m->offcap == 0 ? 64 : m->offcap * 2;
		if (ncap > SIZE_MAX / sizeof(*m->off) ||
		    (p = realloc(m->off, ncap * sizeof(*m->off))) == NULL)
			return -1;
		m->off = p;
		m->offcap = ncap;
	}
	if (len >= SIZE_MAX / 2 - m->used)
		return -1;
	if (m->poolcap - m->used < len + 1) {
		ncap = m->poolcap == 0 ? 4096 : m->poolcap;
		while (ncap - m->used < len + 1)
			ncap *= 2;
		if ((p = realloc(m->pool, ncap)) == NULL)
			return -1;
		m->pool = p;
		m->poolcap = ncap;
	}
	return 0;
}

int
strmap_intern(struct strmap *m, const char *s, size_t len, uint32_t *id)
{
	size_t i;

	i = probe(m, s, len);
	if (m->slots[i] != 0) {
		*id = m->slots[i] - 1;
		return 0;
	}
	if (m->n >= UINT32_MAX - 1 || reserve(m, len) == -1)
		return -1;
	/* Keep the load at most 1/2. */
	if ((m->n + 1) * 2 > m->cap) {
		if (grow(m) == -1)
			return -1;
		i = probe(m, s, len);
	}
	m->off[m->n] = m->used;
	memcpy(m->pool + m->used, s, len);
	m->pool[m->used + len] = '\0';
	m->used += len + 1;
	m->slots[i] = (uint32_t)m->n + 1;
	*id = (uint32_t)m->n++;
	return 0;
}

int
strmap_find(const struct strmap *m, const char *s, size_t len, uint32_t *id)
{
	size_t i = probe(m, s, len);

	if (m->slots[i] == 0)
		return 0;
	*id = m->slots[i] - 1;
	return 1;
}

const char *
strmap_key(const struct strmap *m, uint32_t id)
{
	return m->pool + m->off[id];
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}
