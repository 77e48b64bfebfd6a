/* strmap.h: internal to analysis/: interns strings, giving each a dense id in order of first sight. */
#ifndef REMISS_STRMAP_H
#define REMISS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap;

/* Returns an empty map, or NULL when out of memory. Free with strmap_free(). */
struct strmap *strmap_new(void);

/* Frees the map and its copies of the strings. NULL is allowed. */
void strmap_free(struct strmap *m);

/* Sets *id to the id of s[0..len) (no NUL inside), adding a copy with the next id
 * (0, 1, 2 … in order of first sight) if it is new. Returns 0, or -1 when
 * out of memory or past UINT32_MAX - 1 strings (the map is then unchanged). */
int strmap_intern(struct strmap *m, const char *s, size_t len, uint32_t *id);

/* Sets *id and returns 1 if s[0..len) is in the map, else returns 0. */
int strmap_find(const struct strmap *m, const char *s, size_t len, uint32_t *id);

/* The NUL-terminated string with this id (id < strmap_count), owned by the
 * map and valid until the next strmap_intern or strmap_free. */
const char *strmap_key(const struct strmap *m, uint32_t id);

/* The number of strings in the map. */
size_t strmap_count(const struct strmap *m);

#endif
