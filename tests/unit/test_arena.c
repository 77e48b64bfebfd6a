/* test_arena.c: the per-request arena hands out zeroed, aligned, independent blocks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "fixtures.h"

static void
test_alloc_returns_zeroed_memory(void **state)
{
	struct arena	*a = *state;
	unsigned char	*p, *q;
	size_t		 i;

	p = arena_alloc(a, 100);
	assert_non_null(p);
	memset(p, 0xAA, 100);
	q = arena_alloc(a, 300);
	assert_non_null(q);
	for (i = 0; i < 300; i++)
		assert_int_equal(q[i], 0);
}

static void
test_alloc_is_aligned_for_any_type(void **state)
{
	struct arena	*a = *state;
	size_t		 sizes[] = { 1, 3, 7, 16, 17, 33, 100, 4095 };
	size_t		 i;
	void		*p;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = arena_alloc(a, sizes[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	}
}

static void
test_alloc_zero_gives_distinct_pointers(void **state)
{
	struct arena	*a = *state;
	void		*p, *q;

	p = arena_alloc(a, 0);
	q = arena_alloc(a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
}

static void
test_alloc_huge_fails_and_arena_stays_usable(void **state)
{
	struct arena	*a = *state;
	char		*p;

	assert_null(arena_alloc(a, SIZE_MAX));
	assert_null(arena_alloc(a, SIZE_MAX / 2 + 1));
	p = arena_alloc(a, 10);
	assert_non_null(p);
	memcpy(p, "123456789", 10);
	assert_string_equal(p, "123456789");
}

static void
test_calloc_overflow_fails(void **state)
{
	struct arena *a = *state;

	assert_null(arena_calloc(a, SIZE_MAX / 2, 3));
	assert_null(arena_calloc(a, SIZE_MAX, SIZE_MAX));
}

static void
test_calloc_returns_zeroed_array(void **state)
{
	struct arena	*a = *state;
	int		*v;
	size_t		 i;

	v = arena_calloc(a, 50, sizeof(*v));
	assert_non_null(v);
	for (i = 0; i < 50; i++)
		assert_int_equal(v[i], 0);
}

static void
test_block_larger_than_a_chunk_is_usable(void **state)
{
	struct arena	*a = *state;
	unsigned char	*big, *small;
	size_t		 i, n = 200 * 1024;

	small = arena_alloc(a, 8);
	assert_non_null(small);
	memcpy(small, "before", 7);
	big = arena_alloc(a, n);
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = (unsigned char)(i % 251);
	small = arena_alloc(a, 8);
	assert_non_null(small);
	for (i = 0; i < n; i++)
		assert_int_equal(big[i], i % 251);
}

static void
test_many_blocks_across_chunks_stay_intact(void **state)
{
	struct arena	*a = *state;
	unsigned char	*p[300];
	size_t		 i, j;

	for (i = 0; i < 300; i++) {
		p[i] = arena_alloc(a, 1000);
		assert_non_null(p[i]);
		memset(p[i], (int)(i & 0xFF), 1000);
	}
	for (i = 0; i < 300; i++)
		for (j = 0; j < 1000; j++)
			assert_int_equal(p[i][j], i & 0xFF);
}

static void
test_realloc_keeps_old_bytes(void **state)
{
	struct arena	*a = *state;
	char		*p, *q;

	p = arena_alloc(a, 8);
	assert_non_null(p);
	memcpy(p, "abcdefg", 8);
	q = arena_realloc(a, p, 8, 100000);
	assert_non_null(q);
	assert_string_equal(q, "abcdefg");
	assert_int_equal(q[99999], 0);
}

static void
test_realloc_to_smaller_keeps_block(void **state)
{
	struct arena	*a = *state;
	char		*p;

	p = arena_alloc(a, 64);
	assert_non_null(p);
	assert_ptr_equal(arena_realloc(a, p, 64, 10), p);
}

static void
test_realloc_of_null_allocates(void **state)
{
	struct arena	*a = *state;
	char		*p;

	p = arena_realloc(a, NULL, 0, 32);
	assert_non_null(p);
	assert_int_equal(p[31], 0);
}

static void
test_strndup_copies_prefix_and_terminates(void **state)
{
	struct arena	*a = *state;
	const char	 src[] = "hello world";
	char		*p;

	p = arena_strndup(a, src, 5);
	assert_non_null(p);
	assert_string_equal(p, "hello");
	assert_ptr_not_equal(p, src);
	p = arena_strndup(a, src, 0);
	assert_non_null(p);
	assert_string_equal(p, "");
}

static void
test_strdup_copies_and_refuses_null(void **state)
{
	struct arena	*a = *state;
	char		 src[] = "remiss";
	char		*p;

	p = arena_strdup(a, src);
	assert_non_null(p);
	src[0] = 'X';
	assert_string_equal(p, "remiss");
	assert_null(arena_strdup(a, NULL));
}

static void
test_printf_formats_into_arena(void **state)
{
	struct arena	*a = *state;
	char		*p;

	p = arena_printf(a, "%s-%zu-%d", "svar", (size_t)42, -7);
	assert_non_null(p);
	assert_string_equal(p, "svar-42--7");
	p = arena_printf(a, "%s", "");
	assert_non_null(p);
	assert_string_equal(p, "");
}

static void
test_used_grows_with_allocations(void **state)
{
	struct arena	*a = *state;
	size_t		 u0, u1, u2;

	u0 = arena_used(a);
	assert_int_equal(u0, 0);
	assert_non_null(arena_alloc(a, 1));
	u1 = arena_used(a);
	assert_true(u1 >= 1);
	assert_non_null(arena_alloc(a, 1000));
	u2 = arena_used(a);
	assert_true(u2 >= u1 + 1000);
}

static void
test_free_of_null_is_harmless(void **state)
{
	(void)state;
	arena_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alloc_returns_zeroed_memory, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_is_aligned_for_any_type, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_zero_gives_distinct_pointers, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_huge_fails_and_arena_stays_usable, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_calloc_overflow_fails, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_calloc_returns_zeroed_array, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_block_larger_than_a_chunk_is_usable, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_many_blocks_across_chunks_stay_intact, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_realloc_keeps_old_bytes, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_realloc_to_smaller_keeps_block, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_realloc_of_null_allocates, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_strndup_copies_prefix_and_terminates, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_strdup_copies_and_refuses_null, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_printf_formats_into_arena, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_used_grows_with_allocations, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test(test_free_of_null_is_harmless),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
