/* test_redact.c: the public form of a version has no contact person, every occurrence of a
 * redacted passage becomes "[Sekretess enligt …]", and the stored strings are left alone. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/redact.h"
#include "core/response_doc.h"
#include "util/arena.h"

static void
replace_every_occurrence(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(redact_replace(a, "ab ab ab", "ab", "[X]"),
	    "[X] [X] [X]");
	assert_string_equal(redact_replace(a, "aaa", "aa", "b"), "ba");
	assert_string_equal(redact_replace(a, "Anna Ek, 070-1", "070-1", ""),
	    "Anna Ek, ");
	arena_free(a);
}

static void
replace_nothing_returns_the_same_string(void **state)
{
	struct arena	*a = arena_new();
	const char	*s = "ingen träff";

	(void)state;
	assert_ptr_equal(redact_replace(a, s, "saknas", "[X]"), s);
	assert_ptr_equal(redact_replace(a, s, "", "[X]"), s);
	assert_null(redact_replace(a, NULL, "x", "[X]"));
	arena_free(a);
}

static void
doc_loses_contact_and_passages(void **state)
{
	struct arena		*a = arena_new();
	struct response_doc	 doc;
	struct answer		 ans[2];
	const char		*comment = "Patienten Nils Nilsson på Storgatan 1 berörs.";
	struct redaction	 r[] = {
		{ "Nils Nilsson", -1, "21 kap. 1 § OSL" },
		{ NULL, 0, "25 kap. 1 § OSL" },
	};

	(void)state;
	memset(&doc, 0, sizeof(doc));
	memset(ans, 0, sizeof(ans));
	doc.contact_name = "Karin Karlsson";
	doc.contact_email = "karin@example.se";
	doc.contact_phone = "035-100 00";
	doc.summary = "Om Nils Nilsson: se bilaga.";
	ans[0].comment = comment;
	ans[1].long_term = "Nils Nilsson och Nils Nilsson.";
	doc.answers = ans;
	doc.nanswers = 2;
	assert_int_equal(redact_doc(a, &doc, r, 2), 0);
	assert_null(doc.contact_name);
	assert_null(doc.contact_email);
	assert_null(doc.contact_phone);
	assert_string_equal(doc.summary,
	    "Om [Sekretess enligt 21 kap. 1 § OSL]: se bilaga.");
	assert_string_equal(ans[0].comment, "Patienten [Sekretess enligt 21 kap. "
	    "1 § OSL] på Storgatan 1 berörs.");
	assert_string_equal(ans[1].long_term, "[Sekretess enligt 21 kap. 1 § OSL] "
	    "och [Sekretess enligt 21 kap. 1 § OSL].");
	assert_string_equal(comment, "Patienten Nils Nilsson på Storgatan 1 berörs.");
	assert_null(ans[0].proposed_wording);
	assert_string_equal(redact_attachment(r, 2, 0), "25 kap. 1 § OSL");
	assert_null(redact_attachment(r, 2, 1));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(replace_every_occurrence),
		cmocka_unit_test(replace_nothing_returns_the_same_string),
		cmocka_unit_test(doc_loses_contact_and_passages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
