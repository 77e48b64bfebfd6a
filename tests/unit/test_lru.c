/* test_lru.c: the review matrix's page cache: bounded bytes, least recently used evicted
 * first, entries past their age never returned, keys that differ in any byte kept apart. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "util/lru.h"

static const char *
get(struct lru *c, const char *key, time_t now)
{
	static char	 out[4096];
	const char	*v;
	size_t		 n;

	if ((v = lru_get(c, key, strlen(key), now, &n)) == NULL)
		return NULL;
	assert_true(n < sizeof(out));
	memcpy(out, v, n);
	out[n] = '\0';
	return out;
}

static int
put(struct lru *c, const char *key, const char *val, time_t now)
{
	return lru_put(c, key, strlen(key), val, strlen(val), now);
}

static void
test_get_returns_what_was_put(void **state)
{
	struct lru *c = lru_new(1 << 20, 30);

	(void)state;
	assert_non_null(c);
	assert_null(get(c, "a", 100));
	assert_int_equal(put(c, "a", "page A", 100), 0);
	assert_int_equal(put(c, "b", "page B", 100), 0);
	assert_string_equal(get(c, "a", 100), "page A");
	assert_string_equal(get(c, "b", 100), "page B");
	/* Replacing keeps one entry and the new value. */
	assert_int_equal(put(c, "a", "page A2", 101), 0);
	assert_int_equal(lru_count(c), 2);
	assert_string_equal(get(c, "a", 101), "page A2");
	assert_int_equal(lru_bytes(c), lru_entry_size(1, 7) + lru_entry_size(1, 6));
	lru_free(c);
}

static void
test_keys_differing_in_one_byte_are_separate(void **state)
{
	/* Keys as the matrix builds them: user, version, query; and keys that
	 * share a prefix or contain NUL bytes. */
	static const char k1[] = "remiss=1\0v=5\0user=7\0q=";
	static const char k2[] = "remiss=1\0v=5\0user=8\0q=";
	static const char k3[] = "remiss=1\0v=6\0user=7\0q=";
	struct lru	*c = lru_new(1 << 20, 30);
	const char	*v;
	size_t		 n;

	(void)state;
	assert_int_equal(lru_put(c, k1, sizeof(k1), "one", 3, 0), 0);
	assert_int_equal(lru_put(c, k2, sizeof(k2), "two", 3, 0), 0);
	assert_null(lru_get(c, k3, sizeof(k3), 0, &n));
	assert_null(lru_get(c, k1, sizeof(k1) - 1, 0, &n));	/* a prefix */
	assert_non_null(v = lru_get(c, k1, sizeof(k1), 0, &n));
	assert_memory_equal(v, "one", 3);
	assert_non_null(v = lru_get(c, k2, sizeof(k2), 0, &n));
	assert_memory_equal(v, "two", 3);
	assert_int_equal(put(c, "ab", "x", 0), 0);
	assert_null(get(c, "ba", 0));
	assert_null(get(c, "abc", 0));
	assert_null(get(c, "", 0));
	lru_free(c);
}

static void
test_bytes_stay_within_the_bound(void **state)
{
	size_t		 one = lru_entry_size(4, 100), bound = 3 * one;
	struct lru	*c = lru_new(bound, 30);
	char		 key[8], val[101];
	int		 i;

	(void)state;
	memset(val, 'x', 100);
	val[100] = '\0';
	for (i = 0; i < 50; i++) {
		snprintf(key, sizeof(key), "k%03d", i);
		assert_int_equal(put(c, key, val, 0), 0);
		assert_true(lru_bytes(c) <= bound);
	}
	assert_int_equal(lru_count(c), 3);
	assert_non_null(get(c, "k049", 0));
	assert_non_null(get(c, "k047", 0));
	assert_null(get(c, "k046", 0));
	lru_free(c);
}

static void
test_least_recently_used_goes_first(void **state)
{
	struct lru *c = lru_new(3 * lru_entry_size(1, 5), 30);

	(void)state;
	put(c, "a", "AAAAA", 0);
	put(c, "b", "BBBBB", 0);
	put(c, "c", "CCCCC", 0);
	assert_non_null(get(c, "a", 0));	/* a is now the most recent */
	put(c, "d", "DDDDD", 0);		/* evicts b, the oldest use */
	assert_null(get(c, "b", 0));
	assert_string_equal(get(c, "a", 0), "AAAAA");
	assert_string_equal(get(c, "c", 0), "CCCCC");
	assert_string_equal(get(c, "d", 0), "DDDDD");
	/* A larger entry evicts as many as it needs. */
	assert_int_equal(put(c, "e", "EEEEEEEEEEEE", 0), 0);
	assert_true(lru_bytes(c) <= 3 * lru_entry_size(1, 5));
	assert_string_equal(get(c, "e", 0), "EEEEEEEEEEEE");
	lru_free(c);
}

static void
test_too_large_entry_is_not_stored(void **state)
{
	struct lru	*c = lru_new(lru_entry_size(1, 10), 30);
	char		 big[64];

	(void)state;
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(put(c, "a", "0123456789", 0), 0);
	/* Too large: not stored, and an older value of the same key goes,
	 * since it is no longer the latest. */
	assert_int_equal(put(c, "a", big, 0), 1);
	assert_null(get(c, "a", 0));
	assert_int_equal(lru_count(c), 0);
	assert_int_equal(lru_bytes(c), 0);
	lru_free(c);
}

static void
test_entries_expire(void **state)
{
	struct lru *c = lru_new(1 << 20, 30);

	(void)state;
	put(c, "a", "A", 1000);
	assert_non_null(get(c, "a", 1030));
	assert_null(get(c, "a", 1031));
	assert_int_equal(lru_count(c), 0);	/* dropped, not kept */
	/* A clock that went backwards does not make an entry immortal. */
	put(c, "b", "B", 2000);
	assert_null(get(c, "b", 1999));
	lru_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_returns_what_was_put),
		cmocka_unit_test(test_keys_differing_in_one_byte_are_separate),
		cmocka_unit_test(test_bytes_stay_within_the_bound),
		cmocka_unit_test(test_least_recently_used_goes_first),
		cmocka_unit_test(test_too_large_entry_is_not_stored),
		cmocka_unit_test(test_entries_expire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
