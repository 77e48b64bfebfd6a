/* test_mail_remiss.c: the wording of the dispatch, reminder, receipt and digest mail, in Swedish and English. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"
#include "views/mail_remiss.h"

static int
setup(void **state)
{
	dates_init();
	assert_int_equal(i18n_init(NULL), 0);	/* REMISS_LOCALE_DIR */
	i18n_set(LANG_SV);
	*state = arena_new();
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	i18n_set(LANG_SV);
	return 0;
}

static const struct mail_doc docs[] = {
	{ "forslag", "Förslag <till> riktlinjer", 12 * 1024,
	    "http://remissvar.test/remisser/r/dokument/1" },
	{ "missiv", "missiv.docx", 3 * 1024 * 1024 / 2,
	    "http://remissvar.test/remisser/r/dokument/2" },
};

static struct mail_dispatch
dispatch(int reminder)
{
	struct mail_dispatch m = {
		.reminder = reminder,
		.title = "Hemsjukvård & <b>vård</b>",
		.sender = "Region Halland",
		.diarienummer = "RS 2024/1",
		.org_name = "Laholms kommun",
		.deadline = "2024-05-22",
		.remiss_url = "http://remissvar.test/remisser/r",
		.answer_url = "http://remissvar.test/remisser/r/svar",
		.api_url = "http://remissvar.test/api/v1/remisser/r/remissvar",
		.docs = docs,
		.ndocs = 2,
	};

	return m;
}

static void
dispatch_in_swedish_names_everything_and_escapes_the_html(void **state)
{
	struct mail_dispatch	m = dispatch(0);
	struct mail_out		o;

	assert_int_equal(mail_dispatch_render(*state, LANG_SV, &m, &o), 0);
	assert_string_equal(o.subject, "Remiss: Hemsjukvård & <b>vård</b>");
	assert_non_null(strstr(o.text, "Laholms kommun är inbjuden att svara"));
	assert_non_null(strstr(o.text, "Avsändare: Region Halland\n"));
	assert_non_null(strstr(o.text, "Diarienummer: RS 2024/1\n"));
	assert_non_null(strstr(o.text, "Sista svarsdag: 22 maj 2024\n"));
	assert_non_null(strstr(o.text, "Förslag: Förslag <till> riktlinjer "
	    "(12 kB):\nhttp://remissvar.test/remisser/r/dokument/1"));
	assert_non_null(strstr(o.text, "Missiv: missiv.docx (1,5 MB):\n"));
	assert_non_null(strstr(o.text,
	    "http://remissvar.test/api/v1/remisser/r/remissvar"));
	/* Values are text in the HTML, never markup. */
	assert_null(strstr(o.html, "<b>vård</b>"));
	assert_non_null(strstr(o.html, "&lt;b&gt;vård&lt;/b&gt;"));
	assert_non_null(strstr(o.html, "Förslag &lt;till&gt; riktlinjer"));
	assert_non_null(strstr(o.html,
	    "href=\"http://remissvar.test/remisser/r/dokument/2\""));
}

static void
dispatch_in_english_and_the_language_is_restored(void **state)
{
	struct mail_dispatch	m = dispatch(0);
	struct mail_out		o;

	i18n_set(LANG_SV);
	assert_int_equal(mail_dispatch_render(*state, LANG_EN, &m, &o), 0);
	assert_int_equal(i18n_current(), LANG_SV);
	assert_string_equal(o.subject, "Consultation: Hemsjukvård & <b>vård</b>");
	assert_non_null(strstr(o.text, "Laholms kommun is invited to respond"));
	assert_non_null(strstr(o.text, "22 May 2024"));
	assert_non_null(strstr(o.text, "Proposal: "));
	assert_non_null(strstr(o.text, "Covering letter: missiv.docx (1.5 MB)"));
	assert_non_null(strstr(o.html, "<html lang=\"en\""));
	i18n_set(LANG_EN);
	assert_int_equal(mail_dispatch_render(*state, LANG_SV, &m, &o), 0);
	assert_int_equal(i18n_current(), LANG_EN);
	assert_string_equal(o.subject, "Remiss: Hemsjukvård & <b>vård</b>");
}

static void
a_reminder_says_who_has_not_answered_and_when(void **state)
{
	struct mail_dispatch	m = dispatch(1);
	struct mail_out		o;

	m.ndocs = 0;
	assert_int_equal(mail_dispatch_render(*state, LANG_SV, &m, &o), 0);
	assert_string_equal(o.subject, "Påminnelse: remiss Hemsjukvård & "
	    "<b>vård</b>, svara senast 22 maj 2024");
	assert_non_null(strstr(o.text, "Laholms kommun har ännu inte svarat "
	    "på remissen. Sista svarsdag är 22 maj 2024."));
	assert_null(strstr(o.text, "Remissens handlingar"));
}

static void
receipt_has_number_time_checksum_and_link(void **state)
{
	struct mail_receipt m = {
		.title = "Hemsjukvård", .org_name = "Laholms kommun",
		.number = "2024-000017",
		.received_at = "2024-05-21T14:03:11+02:00", .version = 2,
		.sha256 = "ab12", .url = "http://remissvar.test/remisser/r/kvitton/9",
	};
	struct mail_out o;

	assert_int_equal(mail_receipt_render(*state, LANG_SV, &m, &o), 0);
	assert_string_equal(o.subject, "Kvitto 2024-000017: remissvar på "
	    "Hemsjukvård");
	assert_non_null(strstr(o.text, "Remissvaret från Laholms kommun har "
	    "tagits emot (version 2)."));
	assert_non_null(strstr(o.text, "Mottaget: 21 maj 2024 kl. 14.03\n"));
	assert_non_null(strstr(o.text, "ab12"));
	assert_non_null(strstr(o.text,
	    "http://remissvar.test/remisser/r/kvitton/9"));
	assert_non_null(strstr(o.text, "skickades automatiskt"));
	assert_int_equal(mail_receipt_render(*state, LANG_EN, &m, &o), 0);
	assert_string_equal(o.subject, "Receipt 2024-000017: response to "
	    "Hemsjukvård");
	assert_non_null(strstr(o.text, "21 May 2024, 14:03"));
}

static void
digest_counts_and_marks_revisions(void **state)
{
	struct mail_digest_item items[] = {
		{ "Laholms kommun", 1, "2024-05-21T14:03:11+02:00",
		    "http://remissvar.test/a#1" },
		{ "Hylte kommun", 3, "2024-05-21T15:00:00+02:00",
		    "http://remissvar.test/a#2" },
	};
	struct mail_digest m = { "Hemsjukvård",
	    "http://remissvar.test/remisser/r/granskning", items, 1 };
	struct mail_out o;

	assert_int_equal(mail_digest_render(*state, LANG_SV, &m, &o), 0);
	assert_string_equal(o.subject, "Nya remissvar: Hemsjukvård");
	assert_non_null(strstr(o.text, "1 nytt eller ändrat svar sedan"));
	assert_non_null(strstr(o.text, "Laholms kommun, version 1, 21 maj 2024 "
	    "kl. 14.03:\nhttp://remissvar.test/a#1"));
	m.nitems = 2;
	assert_int_equal(mail_digest_render(*state, LANG_SV, &m, &o), 0);
	assert_non_null(strstr(o.text, "2 nya eller ändrade svar sedan"));
	assert_non_null(strstr(o.text, "Hylte kommun, version 3 (ändrat)"));
	assert_int_equal(mail_digest_render(*state, LANG_EN, &m, &o), 0);
	assert_non_null(strstr(o.text, "2 new or revised responses"));
	assert_non_null(strstr(o.text, "Hylte kommun, version 3 (revised)"));
}

static void
sizes_read_as_people_read_them(void **state)
{
	i18n_set(LANG_SV);
	assert_string_equal(mail_size(*state, 0), "0 B");
	assert_string_equal(mail_size(*state, 1023), "1023 B");
	assert_string_equal(mail_size(*state, 1024), "1 kB");
	assert_string_equal(mail_size(*state, 1025), "2 kB");
	assert_string_equal(mail_size(*state, 1024 * 1024), "1,0 MB");
	assert_string_equal(mail_size(*state, 10L * 1024 * 1024), "10,0 MB");
	i18n_set(LANG_EN);
	assert_string_equal(mail_size(*state, 3 * 1024 * 1024 / 2), "1.5 MB");
	i18n_set(LANG_SV);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    dispatch_in_swedish_names_everything_and_escapes_the_html,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    dispatch_in_english_and_the_language_is_restored, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    a_reminder_says_who_has_not_answered_and_when, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    receipt_has_number_time_checksum_and_link, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    digest_counts_and_marks_revisions, setup, teardown),
		cmocka_unit_test_setup_teardown(sizes_read_as_people_read_them,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
