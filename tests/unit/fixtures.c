/* fixtures.c: the cmocka fixtures and helpers several unit tests share; see fixtures.h. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

#include "fixtures.h"
#include "util/arena.h"
#include "xml/safe.h"

int
fx_arena_setup(void **state)
{
	*state = arena_new();
	return *state == NULL ? -1 : 0;
}

int
fx_arena_teardown(void **state)
{
	arena_free(*state);
	return 0;
}

int
fx_xml_group_setup(void **state)
{
	(void)state;
	xml_safe_init();
	return 0;
}

int
fx_xml_group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return 0;
}

int
fx_parse_setup(void **state)
{
	static struct parse_fx f;

	memset(&f, 0, sizeof(f));
	if ((f.a = arena_new()) == NULL)
		return -1;
	limits_default(&f.l);
	*state = &f;
	return 0;
}

int
fx_parse_teardown(void **state)
{
	struct parse_fx *f = *state;

	arena_free(f->a);
	return 0;
}

char *
fx_slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*fp;
	char	*p;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (p = arena_alloc(a, (size_t)n + 1)) == NULL ||
	    fread(p, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	p[n] = '\0';
	*len = (size_t)n;
	return p;
}

char *
fx_src_path(struct arena *a, const char *rel)
{
	const char	*srcdir = getenv("srcdir");
	char		*p;

	p = arena_printf(a, "%s/%s", srcdir != NULL ? srcdir : ".", rel);
	assert_non_null(p);
	return p;
}

bool
fx_has_error(const struct xml_errors *errs, long line, const char *word,
    bool need_column)
{
	size_t i;

	for (i = 0; i < errs->count; i++)
		if (errs->list[i].line == line &&
		    (!need_column || errs->list[i].column > 0) &&
		    strstr(errs->list[i].message, word) != NULL)
			return true;
	for (i = 0; i < errs->count; i++)
		print_message("error %ld:%ld: %s\n", errs->list[i].line,
		    errs->list[i].column, errs->list[i].message);
	return false;
}

/* libxml2's allocator while counting, and the count. */
static xmlFreeFunc		 fx_free;
static xmlMallocFunc		 fx_malloc;
static xmlReallocFunc		 fx_realloc;
static xmlStrdupFunc		 fx_strdup;
static struct fx_xml_allocs	 fx_allocs;

static void *
counting_malloc(size_t n)
{
	fx_allocs.calls++;
	fx_allocs.bytes += n;
	return fx_malloc(n);
}

static void *
counting_realloc(void *p, size_t n)
{
	fx_allocs.calls++;
	fx_allocs.bytes += n;
	return fx_realloc(p, n);
}

static char *
counting_strdup(const char *s)
{
	fx_allocs.calls++;
	fx_allocs.bytes += strlen(s) + 1;
	return fx_strdup(s);
}

void
fx_xml_allocs_start(void)
{
	memset(&fx_allocs, 0, sizeof(fx_allocs));
	assert_int_equal(xmlMemGet(&fx_free, &fx_malloc, &fx_realloc,
	    &fx_strdup), 0);
	/* The same free: what was allocated before is freed as before. */
	assert_int_equal(xmlMemSetup(fx_free, counting_malloc,
	    counting_realloc, counting_strdup), 0);
}

struct fx_xml_allocs
fx_xml_allocs_stop(void)
{
	assert_int_equal(xmlMemSetup(fx_free, fx_malloc, fx_realloc,
	    fx_strdup), 0);
	return fx_allocs;
}
