/* fixtures.h: cmocka fixtures and helpers that several unit tests share (an arena per test,
 * libxml2 set up once per group, the state of a parser test, reading test files, finding an
 * XML problem by line). Linked into the tests that use them (Makefile.am). */
#ifndef REMISS_TEST_FIXTURES_H
#define REMISS_TEST_FIXTURES_H

#include <stdbool.h>
#include <stddef.h>

#include "http/kv.h"
#include "http/limits.h"

struct arena;
struct xml_errors;

/* Per test: *state is a fresh arena, freed by fx_arena_teardown. */
int fx_arena_setup(void **state);
int fx_arena_teardown(void **state);

/* Per group: xml_safe_init, and libxml2's cleanup at the end. */
int fx_xml_group_setup(void **state);
int fx_xml_group_teardown(void **state);

/* The state of a parser test: an arena, the default limits and a list the
 * parser fills. fx_parse_setup makes *state a zeroed one (a static: one
 * test at a time) with a fresh arena; fx_parse_teardown frees the arena. */
struct parse_fx {
	struct arena	*a;
	struct limits	 l;
	struct kvlist	 kv;
};
int fx_parse_setup(void **state);
int fx_parse_teardown(void **state);

/* Reads the whole file path into a, NUL-terminated, its length in *len;
 * NULL if it cannot be read. */
char *fx_slurp(struct arena *a, const char *path, size_t *len);

/* $srcdir/rel (or ./rel), in a; fails the test on OOM. */
char *fx_src_path(struct arena *a, const char *rel);

/* True if errs has a problem at line whose message contains word (and,
 * with need_column, a column too). If not, prints every problem, so a
 * failing test shows what was reported instead. */
bool fx_has_error(const struct xml_errors *errs, long line, const char *word,
    bool need_column);

/* What libxml2 allocates (xmlMalloc, xmlMallocAtomic, xmlRealloc,
 * xmlMemStrdup) between fx_xml_allocs_start and fx_xml_allocs_stop, which
 * put back libxml2's allocator: to see that a parse was refused before
 * libxml2 built anything, or how much it built, without a clock. One
 * count at a time, in one thread. */
struct fx_xml_allocs {
	size_t	 calls;
	size_t	 bytes;	/* requested, summed */
};
void fx_xml_allocs_start(void);
struct fx_xml_allocs fx_xml_allocs_stop(void);

#endif
