/* test_smtp_config.c: the relay settings of the outbox's sender (mail/smtp.c): STARTTLS required but
 * for a relay on this host, no AUTH password in the clear or from the environment, bad values refused. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mail/smtp.h"

static char	pwfile[64];

static int
setup(void **state)
{
	int	 fd;

	(void)state;
	unsetenv("REMISS_SMTP_URL");
	unsetenv("REMISS_SMTP_STARTTLS");
	unsetenv("REMISS_SMTP_USER");
	unsetenv("REMISS_SMTP_PASSWORD_FILE");
	snprintf(pwfile, sizeof(pwfile), "/tmp/test_smtp_config.XXXXXX");
	if ((fd = mkstemp(pwfile)) == -1)
		return -1;
	if (write(fd, "hemligt ord\nandra raden\n", 24) != 24) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(pwfile);
	return 0;
}

/* Loads the settings; returns what smtp_config_load did, err in err. */
static int
load(struct smtp_config *c, char *err, size_t size)
{
	err[0] = '\0';
	return smtp_config_load(c, err, size);
}

static void
test_starttls_required_for_another_host(void **state)
{
	struct smtp_config	 c;
	char			 err[300];

	(void)state;
	setenv("REMISS_SMTP_URL", "smtp://smtp.region.example:587", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	assert_int_equal(c.tls, SMTP_TLS_REQUIRE);
	assert_string_equal(c.url, "smtp://smtp.region.example:587");
	assert_string_equal(c.user, "");
}

static void
test_plain_smtp_by_default_on_this_host(void **state)
{
	static const char *const local[] = { "smtp://127.0.0.1:2525",
	    "smtp://localhost", "smtp://[::1]:25" };
	struct smtp_config	 c;
	char			 err[300];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(local) / sizeof(local[0]); i++) {
		setenv("REMISS_SMTP_URL", local[i], 1);
		assert_int_equal(load(&c, err, sizeof(err)), 0);
		assert_int_equal(c.tls, SMTP_TLS_NO);
	}
	/* A name that merely starts like one is another host. */
	setenv("REMISS_SMTP_URL", "smtp://localhost.evil.example", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	assert_int_equal(c.tls, SMTP_TLS_REQUIRE);
	/* The default relay is this host's port 25. */
	unsetenv("REMISS_SMTP_URL");
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	assert_string_equal(c.url, "smtp://localhost:25");
	assert_int_equal(c.tls, SMTP_TLS_NO);
}

static void
test_starttls_setting_is_one_of_three(void **state)
{
	struct smtp_config	 c;
	char			 err[300];

	(void)state;
	setenv("REMISS_SMTP_URL", "smtp://smtp.region.example", 1);
	setenv("REMISS_SMTP_STARTTLS", "try", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	assert_int_equal(c.tls, SMTP_TLS_TRY);
	setenv("REMISS_SMTP_STARTTLS", "no", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	assert_int_equal(c.tls, SMTP_TLS_NO);
	setenv("REMISS_SMTP_STARTTLS", "yes", 1);
	assert_int_equal(load(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "REMISS_SMTP_STARTTLS"));
}

static void
test_only_smtp_urls_with_a_host(void **state)
{
	static const char *const bad[] = { "http://smtp.region.example",
	    "file:///etc/passwd", "smtp://", "smtp://a b", "relay:25" };
	struct smtp_config	 c;
	char			 err[300];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		setenv("REMISS_SMTP_URL", bad[i], 1);
		assert_int_equal(load(&c, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "REMISS_SMTP_URL"));
	}
	setenv("REMISS_SMTP_URL", "smtps://smtp.region.example:465", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
}

static void
test_auth_password_from_the_file_only(void **state)
{
	struct smtp_config	 c;
	char			 err[300];

	(void)state;
	setenv("REMISS_SMTP_URL", "smtp://smtp.region.example:587", 1);
	setenv("REMISS_SMTP_USER", "remissvar@region.example", 1);
	setenv("REMISS_SMTP_PASSWORD", "from-the-environment", 1);
	assert_int_equal(load(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "REMISS_SMTP_PASSWORD_FILE"));
	setenv("REMISS_SMTP_PASSWORD_FILE", pwfile, 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	/* The file's first line, without its line end; never the variable. */
	assert_string_equal(c.password, "hemligt ord");
	assert_string_equal(c.user, "remissvar@region.example");
	smtp_config_clear(&c);
	assert_string_equal(c.password, "");
	setenv("REMISS_SMTP_PASSWORD_FILE", "/nonexistent/smtp-losenord", 1);
	assert_int_equal(load(&c, err, sizeof(err)), -1);
	unsetenv("REMISS_SMTP_PASSWORD");
}

static void
test_no_auth_in_the_clear_to_another_host(void **state)
{
	struct smtp_config	 c;
	char			 err[300];

	(void)state;
	setenv("REMISS_SMTP_USER", "remissvar@region.example", 1);
	setenv("REMISS_SMTP_PASSWORD_FILE", pwfile, 1);
	setenv("REMISS_SMTP_URL", "smtp://smtp.region.example:587", 1);
	setenv("REMISS_SMTP_STARTTLS", "try", 1);
	assert_int_equal(load(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "needs TLS"));
	assert_string_equal(c.password, "");
	setenv("REMISS_SMTP_STARTTLS", "no", 1);
	assert_int_equal(load(&c, err, sizeof(err)), -1);
	/* Implicit TLS, or a relay on this host, may take AUTH. */
	setenv("REMISS_SMTP_URL", "smtps://smtp.region.example", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	setenv("REMISS_SMTP_URL", "smtp://127.0.0.1:25", 1);
	assert_int_equal(load(&c, err, sizeof(err)), 0);
	smtp_config_clear(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_starttls_required_for_another_host, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_smtp_by_default_on_this_host, setup, teardown),
		cmocka_unit_test_setup_teardown(test_starttls_setting_is_one_of_three, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_smtp_urls_with_a_host, setup, teardown),
		cmocka_unit_test_setup_teardown(test_auth_password_from_the_file_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_auth_in_the_clear_to_another_host, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
