/* test_mail_account.c: the invitation and reset mail say what the person needs, in their own language. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mail/outbox.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"
#include "views/mail_account.h"

#define URL "https://remiss.example/aktivera?t=" \
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static int
setup(void **state)
{
	(void)state;
	dates_init();
	assert_int_equal(i18n_init(getenv("REMISS_LOCALE_DIR")), 0);
	i18n_set(LANG_SV);
	return 0;
}

static struct mail_account
person(const char *lang)
{
	struct mail_account m = {
		.to = "nora@laholm.example",
		.lang = lang,
		.name = "Nora <Ny>",
		.org_name = "Laholms kommun",
		.inviter = "forvaltning@region.example",
		.url = URL,
		.expires = "2026-12-14T21:30:00+01:00",
		.user_id = 7,
		.org_id = 3,
	};
	return m;
}

static void
the_invitation_names_inviter_organisation_link_and_expiry(void **state)
{
	struct arena		*a = arena_new();
	struct mail_account	 m = person("sv");
	struct mail_draft	 d;

	(void)state;
	assert_non_null(a);
	assert_int_equal(mail_account_invitation(a, &m, &d), 0);
	assert_string_equal(d.kind, "invitation");
	assert_string_equal(d.to, "nora@laholm.example");
	assert_string_equal(d.lang, "sv");
	assert_string_equal(d.subject, "Inbjudan till Remissvar");
	assert_true(d.secret);
	assert_true(d.personal);
	assert_int_equal(d.user_id, 7);
	assert_non_null(strstr(d.text, "Hej Nora <Ny>!"));
	assert_non_null(strstr(d.text, "forvaltning@region.example har bjudit "
	    "in dig till Remissvar för Laholms kommun."));
	assert_non_null(strstr(d.text, URL));
	assert_non_null(strstr(d.text, "14 december 2026 kl. 21.30"));
	/* The HTML has the same link, and the name escaped. */
	assert_non_null(strstr(d.html, URL));
	assert_non_null(strstr(d.html, "Nora &lt;Ny&gt;"));
	assert_null(strstr(d.html, "<Ny>"));
	arena_free(a);
}

static void
the_invitation_is_in_the_persons_language_and_the_request_keeps_its_own(void **state)
{
	struct arena		*a = arena_new();
	struct mail_account	 m = person("en");
	struct mail_draft	 d;

	(void)state;
	i18n_set(LANG_SV);
	assert_int_equal(mail_account_invitation(a, &m, &d), 0);
	assert_string_equal(d.lang, "en");
	assert_string_equal(d.subject, "Invitation to Remissvar");
	assert_non_null(strstr(d.text, "has invited you to Remissvar for "
	    "Laholms kommun"));
	assert_null(strstr(d.text, "Länken"));
	/* The page being answered is still in Swedish. */
	assert_int_equal(i18n_current(), LANG_SV);
	arena_free(a);
}

static void
an_invitation_without_inviter_or_organisation_still_reads_well(void **state)
{
	struct arena		*a = arena_new();
	struct mail_account	 m = person("sv");
	struct mail_draft	 d;

	(void)state;
	m.inviter = "";
	m.org_name = "";
	m.name = "";
	assert_int_equal(mail_account_invitation(a, &m, &d), 0);
	assert_non_null(strstr(d.text, "Hej!"));
	assert_non_null(strstr(d.text, "Du har bjudits in till Remissvar."));
	assert_null(strstr(d.text, " för ."));
	arena_free(a);
}

static void
the_reset_is_automatic_and_says_to_ignore_it_if_not_asked_for(void **state)
{
	struct arena		*a = arena_new();
	struct mail_account	 m = person("sv");
	struct mail_draft	 d;

	(void)state;
	assert_int_equal(mail_account_reset(a, &m, &d), 0);
	assert_string_equal(d.kind, "reset");
	assert_true(d.secret);
	assert_false(d.personal);
	assert_string_equal(d.subject, "Byt lösenord i Remissvar");
	assert_non_null(strstr(d.text, URL));
	assert_non_null(strstr(d.text, "Om du inte har bett om det"));
	assert_non_null(strstr(d.text, "14 december 2026 kl. 21.30"));
	m.lang = "en";
	assert_int_equal(mail_account_reset(a, &m, &d), 0);
	assert_string_equal(d.subject, "Change your password in Remissvar");
	assert_non_null(strstr(d.text, "If you did not ask for this"));
	/* An unknown language is Swedish. */
	m.lang = "de";
	assert_int_equal(mail_account_reset(a, &m, &d), 0);
	assert_string_equal(d.lang, "sv");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    the_invitation_names_inviter_organisation_link_and_expiry),
		cmocka_unit_test(
		    the_invitation_is_in_the_persons_language_and_the_request_keeps_its_own),
		cmocka_unit_test(
		    an_invitation_without_inviter_or_organisation_still_reads_well),
		cmocka_unit_test(
		    the_reset_is_automatic_and_says_to_ignore_it_if_not_asked_for),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
