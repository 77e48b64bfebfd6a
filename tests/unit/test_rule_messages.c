/* test_rule_messages.c: every code the core's rules return has its sentence, sentences name
 * their parameters, and the texts users saw before the core spoke in codes are unchanged. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/rule_codes.h"
#include "util/arena.h"
#include "views/rule_messages.h"

static void
test_every_code_has_a_sentence(void **state)
{
	struct arena	*a = arena_new();
	struct rule_msg	 m = { RULE_NONE, 7, "3.2" };
	const char	*s;
	int		 c;

	(void)state;
	assert_non_null(a);
	assert_null(rule_message(a, NULL));
	assert_null(rule_message(a, &m));
	for (c = RULE_NONE + 1; c < RULE__COUNT; c++) {
		m.code = (enum rule_code)c;
		s = rule_message(a, &m);
		assert_non_null(s);
		/* A sentence, never a format left unfilled. */
		assert_true(strlen(s) > 5);
		assert_null(strchr(s, '%'));
		assert_int_equal(s[strlen(s) - 1], '.');
	}
	arena_free(a);
}

static void
test_sentences_name_their_parameters(void **state)
{
	struct arena	*a = arena_new();
	struct rule_msg	 m = { RULE_MEETING_NAME_TOO_LONG, 12, NULL };

	(void)state;
	assert_string_equal(rule_message(a, &m), "Rad 12: namnet och rollen får "
	    "vara högst 200 tecken var.");
	m.code = RULE_RESPONSE_NO_SUCH_SECTION;
	m.s = "3.9";
	assert_string_equal(rule_message(a, &m),
	    "Avsnitt 3.9 finns inte i remissen.");
	m.code = RULE_RESPONSE_QUESTION_TWICE;
	m.s = "q2";
	assert_string_equal(rule_message(a, &m),
	    "Fråga q2 besvaras mer än en gång.");
	m.code = RULE_RESPONSE_SECTION_TWICE;
	m.s = "4";
	assert_string_equal(rule_message(a, &m),
	    "Avsnitt 4 besvaras mer än en gång.");
	arena_free(a);
}

/* The refusals of a response, as remissctl, the API and the forms gave
 * them before (word for word). */
static void
test_response_refusals_read_as_before(void **state)
{
	struct arena	*a = arena_new();
	struct rule_msg	 m = { RULE_RESPONSE_TOO_MANY_ANSWERS, 0, NULL };

	(void)state;
	assert_string_equal(rule_message(a, &m), "För många svar.");
	m.code = RULE_RESPONSE_ARRIVED_MISSING;
	assert_string_equal(rule_message(a, &m), "Ankomstdatum saknas eller är "
	    "inte ett datum (ÅÅÅÅ-MM-DD).");
	m.code = RULE_RESPONSE_ARRIVED_FUTURE;
	assert_string_equal(rule_message(a, &m),
	    "Ankomstdatumet kan inte vara senare än i dag.");
	m.code = RULE_RESPONSE_CONTACT_EMAIL_BAD;
	assert_string_equal(rule_message(a, &m), "Kontaktpersonens e-postadress "
	    "saknas eller är ogiltig.");
	m.code = RULE_RESPONSE_ATTACHMENT_REFUSED;
	assert_string_equal(rule_message(a, &m),
	    "En bilaga godtogs inte (filnamn eller mediatyp).");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_has_a_sentence),
		cmocka_unit_test(test_sentences_name_their_parameters),
		cmocka_unit_test(test_response_refusals_read_as_before),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
