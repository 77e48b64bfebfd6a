/* arena.c: a chunked bump allocator owned by one request or one command. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define ARENA_ALIGN 16u
#define ARENA_CHUNK (64u * 1024u)

struct chunk {
	struct chunk	*next;
	size_t		 size;	/* usable bytes in data */
	size_t		 used;
	max_align_t	 data[];
};

struct arena {
	struct chunk	*head;	/* current chunk, others follow */
	size_t		 total;
};

struct arena *
arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

static size_t
round_up(size_t n)
{
	return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk	*c;
	size_t		 need, size;
	void		*p;

	if (n > SIZE_MAX / 2)
		return NULL;
	need = round_up(n == 0 ? 1 : n);
	c = a->head;
	if (c == NULL || c->size - c->used < need) {
		size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
		c = malloc(sizeof(*c) + size);
		if (c == NULL)
			return NULL;
		c->size = size;
		c->used = 0;
		/* A big one-off block goes behind the head so the head keeps its room. */
		if (a->head != NULL && size > ARENA_CHUNK) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		return NULL;
	return arena_alloc(a, nmemb * size);
}

void *
arena_realloc(struct arena *a, void *old, size_t oldsize, size_t newsize)
{
	void *p;

	if (newsize <= oldsize && old != NULL)
		return old;
	if ((p = arena_alloc(a, newsize)) == NULL)
		return NULL;
	if (old != NULL && oldsize > 0)
		memcpy(p, old, oldsize);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX || (p = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	if (len > 0)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 n;
	char	*p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || (p = arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
