/* test_token.c: tokens are 256 random bits in lowercase hex, hashed with SHA-256, compared in constant time. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "auth/token.h"

static void
test_new_token_is_64_lowercase_hex(void **state)
{
	char	t[TOKEN_HEX];
	size_t	i;

	(void)state;
	assert_int_equal(token_new(t), 0);
	assert_int_equal(strlen(t), 64);
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", t[i]));
	assert_true(token_wellformed(t));
}

static void
test_two_tokens_differ(void **state)
{
	char a[TOKEN_HEX], b[TOKEN_HEX];

	(void)state;
	assert_int_equal(token_new(a), 0);
	assert_int_equal(token_new(b), 0);
	assert_string_not_equal(a, b);
}

static void
test_hash_is_sha256_hex(void **state)
{
	char h[TOKEN_HEX];

	(void)state;
	token_hash("abc", h);
	assert_string_equal(h,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	token_hash("", h);
	assert_string_equal(h,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_true(token_wellformed(h));
}

static void
test_wellformed_rejects_other_shapes(void **state)
{
	char	t[TOKEN_HEX + 1];

	(void)state;
	memset(t, 'a', 64);
	t[64] = '\0';
	assert_true(token_wellformed(t));
	t[63] = '\0';				/* 63 characters */
	assert_false(token_wellformed(t));
	t[63] = 'a';
	t[64] = 'a';				/* 65 characters */
	t[65] = '\0';
	assert_false(token_wellformed(t));
	t[64] = '\0';
	t[10] = 'A';				/* uppercase */
	assert_false(token_wellformed(t));
	t[10] = 'g';				/* not hex */
	assert_false(token_wellformed(t));
	t[10] = ' ';
	assert_false(token_wellformed(t));
	assert_false(token_wellformed(""));
	assert_false(token_wellformed(NULL));
}

static void
test_equal_compares_whole_strings(void **state)
{
	char a[TOKEN_HEX], b[TOKEN_HEX];

	(void)state;
	assert_int_equal(token_new(a), 0);
	memcpy(b, a, sizeof(a));
	assert_true(token_equal(a, b));
	b[63] = b[63] == '0' ? '1' : '0';
	assert_false(token_equal(a, b));
	b[63] = a[63];
	b[0] = b[0] == '0' ? '1' : '0';
	assert_false(token_equal(a, b));
	assert_false(token_equal(a, "abc"));	/* lengths differ */
	assert_false(token_equal("", a));
	assert_true(token_equal("", ""));
	assert_false(token_equal(NULL, a));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_token_is_64_lowercase_hex),
		cmocka_unit_test(test_two_tokens_differ),
		cmocka_unit_test(test_hash_is_sha256_hex),
		cmocka_unit_test(test_wellformed_rejects_other_shapes),
		cmocka_unit_test(test_equal_compares_whole_strings),
	};

	return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
