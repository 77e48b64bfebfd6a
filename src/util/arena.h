/* arena.h: per-request memory arena; everything allocated from it is freed at once. */
#ifndef REMISS_ARENA_H
#define REMISS_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* Returns a new empty arena, or NULL when out of memory. Free with arena_free(). */
struct arena *arena_new(void);

/* Frees the arena and every allocation made from it. NULL is allowed. */
void arena_free(struct arena *a);

/* Returns n bytes aligned for any type, zeroed, owned by the arena; NULL on
 * overflow or out of memory (the arena stays usable). n == 0 gives a valid
 * unique pointer. */
void *arena_alloc(struct arena *a, size_t n);

/* Returns nmemb * size zeroed bytes, NULL on multiplication overflow or OOM. */
void *arena_calloc(struct arena *a, size_t nmemb, size_t size);

/* Grows an allocation made by arena_alloc to newsize, copying oldsize bytes.
 * The old block is left to the arena. NULL on OOM (old block unchanged). */
void *arena_realloc(struct arena *a, void *old, size_t oldsize, size_t newsize);

/* Copies len bytes of s and adds a NUL; NULL on OOM. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* Copies the NUL-terminated s; NULL on OOM or when s is NULL. */
char *arena_strdup(struct arena *a, const char *s);

/* printf into the arena; NULL on OOM or format error. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Total bytes handed out so far (for memory ceilings and tests). */
size_t arena_used(const struct arena *a);

#endif
