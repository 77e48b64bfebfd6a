/* test_password.c: argon2id hashes verify only their password; new passwords follow the rules. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "auth/password.h"

static int
setup(void **state)
{
	(void)state;
	return password_init();
}

static void
test_hash_then_verify_matches(void **state)
{
	char hash[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", hash), 0);
	assert_true(strncmp(hash, "$argon2id$", 10) == 0);
	assert_true(password_verify(hash, "correct horse battery"));
}

static void
test_wrong_password_does_not_verify(void **state)
{
	char hash[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", hash), 0);
	assert_false(password_verify(hash, "correct horse batterz"));
	assert_false(password_verify(hash, "correct horse battery "));
	assert_false(password_verify(hash, ""));
}

static void
test_same_password_hashes_differently(void **state)
{
	char a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", a), 0);
	assert_int_equal(password_hash("correct horse battery", b), 0);
	assert_string_not_equal(a, b);
	assert_true(password_verify(a, "correct horse battery"));
	assert_true(password_verify(b, "correct horse battery"));
}

static void
test_too_long_password_is_refused(void **state)
{
	char	pw[PASSWORD_MAX + 2], hash[PASSWORD_HASH_MAX];

	(void)state;
	memset(pw, 'x', PASSWORD_MAX + 1);
	pw[PASSWORD_MAX + 1] = '\0';
	assert_int_equal(password_hash(pw, hash), -1);
	assert_false(password_verify("$argon2id$v=19$m=65536,t=2,p=1$x$y", pw));
	assert_false(password_acceptable(pw));
	pw[PASSWORD_MAX] = '\0';	/* exactly the maximum is fine */
	assert_int_equal(password_hash(pw, hash), 0);
	assert_true(password_verify(hash, pw));
	assert_true(password_acceptable(pw));
}

static void
test_acceptable_needs_twelve_characters(void **state)
{
	(void)state;
	assert_false(password_acceptable(""));
	assert_false(password_acceptable("abcdefghijk"));	/* 11 */
	assert_true(password_acceptable("abcdefghijkl"));	/* 12 */
	/* Characters, not bytes: 11 two-byte letters are still too few. */
	assert_false(password_acceptable("ååååååååååå"));
	assert_true(password_acceptable("åååååååååååå"));
	assert_true(password_acceptable("a passphrase with spaces"));
	assert_false(password_acceptable(NULL));
}

static void
test_acceptable_refuses_bad_utf8_and_controls(void **state)
{
	(void)state;
	assert_false(password_acceptable("abcdefghijkl\xff"));
	assert_false(password_acceptable("abcdefghijkl\xc3"));	/* truncated */
	assert_false(password_acceptable("abcdefghijk\xc0\xaf"));	/* overlong */
	assert_false(password_acceptable("abcdef\x01ghijkl"));
	assert_false(password_acceptable("abcdefghijkl\n"));
	assert_false(password_acceptable("abcdef\tghijkl"));
	assert_false(password_acceptable("abcdefghijkl\x7f"));
}

static void
test_verify_against_garbage_hash_is_false(void **state)
{
	char long_hash[300];

	(void)state;
	assert_false(password_verify("", "correct horse battery"));
	assert_false(password_verify(NULL, "correct horse battery"));
	assert_false(password_verify("not a hash", "correct horse battery"));
	assert_false(password_verify("$argon2id$v=19$m=65536,t=2,p=1$",
	    "correct horse battery"));
	assert_false(password_verify("$2b$12$abcdefghijklmnopqrstuv",
	    "correct horse battery"));
	memset(long_hash, 'a', sizeof(long_hash) - 1);
	long_hash[sizeof(long_hash) - 1] = '\0';
	assert_false(password_verify(long_hash, "correct horse battery"));
}

static void
test_dummy_verify_runs_for_any_input(void **state)
{
	char pw[PASSWORD_MAX + 10];

	(void)state;
	password_verify_dummy("correct horse battery");
	password_verify_dummy("");
	password_verify_dummy(NULL);
	memset(pw, 'y', sizeof(pw) - 1);
	pw[sizeof(pw) - 1] = '\0';
	password_verify_dummy(pw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_then_verify_matches),
		cmocka_unit_test(test_wrong_password_does_not_verify),
		cmocka_unit_test(test_same_password_hashes_differently),
		cmocka_unit_test(test_too_long_password_is_refused),
		cmocka_unit_test(test_acceptable_needs_twelve_characters),
		cmocka_unit_test(test_acceptable_refuses_bad_utf8_and_controls),
		cmocka_unit_test(test_verify_against_garbage_hash_is_false),
		cmocka_unit_test(test_dummy_verify_runs_for_any_input),
	};

	return cmocka_run_group_tests_name("password", tests, setup, NULL);
}
