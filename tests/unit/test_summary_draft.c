/* test_summary_draft.c: the generated first draft (counts in Swedish, quoted sentences only) and the word diff. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/summary_draft.h"
#include "core/worddiff.h"
#include "util/arena.h"

static void
counts_read_as_a_swedish_sentence(void **state)
{
	static const struct draft_answer ans[] = {
		{ "A", POS_TILLSTYRKER, NULL },
		{ "B", POS_TILLSTYRKER, NULL },
		{ "C", POS_TILLSTYRKER, NULL },
		{ "D", POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "E", POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "F", POS_AVSTYRKER, NULL },
		{ "G", POS_INGA_SYNPUNKTER, NULL },
	};
	struct arena	*a = arena_new();
	bool		 q[7];

	assert_non_null(a);
	char		*body;

	(void)state;
	assert_int_equal(summary_draft(a, ans, 7, &body, q), 0);
	assert_string_equal(body, "Fem av sju remissinstanser tillstyrker, två "
	    "med ändringar. En avstyrker. En har inga synpunkter.");
	assert_int_equal(summary_draft(a, ans + 5, 1, &body, q), 0);
	assert_string_equal(body, "En remissinstans har svarat: den avstyrker.");
	assert_int_equal(summary_draft(a, ans + 3, 2, &body, q), 0);
	assert_string_equal(body, "Alla två remissinstanser tillstyrker, alla "
	    "med ändringar.");
	assert_int_equal(summary_draft(a, ans + 5, 2, &body, q), 0);
	assert_string_equal(body, "En av två remissinstanser avstyrker. En har "
	    "inga synpunkter.");
	assert_int_equal(summary_draft(a, ans, 0, &body, q), 0);
	assert_string_equal(body, "Inga remissinstanser har svarat.");
	arena_free(a);
}

static void
quotes_are_word_for_word_and_linked_to_their_answer(void **state)
{
	static const struct draft_answer ans[] = {
		{ "Halmstads kommun", POS_TILLSTYRKER_MED_ANDRINGAR,
		    "Tröskelprincipen behöver gemensamma bedömningskriterier. "
		    "Vi har inget mer." },
		{ "Hylte kommun", POS_TILLSTYRKER_MED_ANDRINGAR,
		    "Gemensamma bedömningskriterier för tröskelprincipen saknas "
		    "i dag helt." },
		{ "Laholms kommun", POS_AVSTYRKER, "Kort." },
	};
	struct arena	*a = arena_new();
	bool		 q[3];
	char		*body, *again;

	(void)state;
	assert_int_equal(summary_draft(a, ans, 3, &body, q), 0);
	assert_non_null(strstr(body, "\n\nUr svaren:\n– ”Tröskelprincipen behöver "
	    "gemensamma bedömningskriterier.” (Halmstads kommun, Tillstyrker med "
	    "ändringar)"));
	assert_non_null(strstr(body, "– ”Gemensamma bedömningskriterier för "
	    "tröskelprincipen saknas i dag helt.” (Hylte kommun, Tillstyrker "
	    "med ändringar)"));
	/* Too short to quote: not quoted, not referenced. */
	assert_null(strstr(body, "Kort."));
	assert_true(q[0] && q[1] && !q[2]);
	/* Deterministic. */
	assert_int_equal(summary_draft(a, ans, 3, &again, q), 0);
	assert_string_equal(body, again);
	arena_free(a);
}

static void
swedish_numbers(void **state)
{
	char b[24];

	(void)state;
	assert_string_equal(number_sv(1, b, sizeof(b)), "en");
	assert_string_equal(number_sv(8, b, sizeof(b)), "åtta");
	assert_string_equal(number_sv(12, b, sizeof(b)), "tolv");
	assert_string_equal(number_sv(300, b, sizeof(b)), "300");
}

/* The runs as one string: [-deleted-]{+inserted+}. */
static const char *
render(struct arena *a, const char *old, const char *new_)
{
	struct diff_run	*r;
	long		 n, i;
	char		*s = "";

	n = word_diff(a, old, new_, &r);
	assert_true(n >= 0);
	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s%s", s, r[i].op == DIFF_DEL ? "[-" :
		    r[i].op == DIFF_INS ? "{+" : "", r[i].text,
		    r[i].op == DIFF_DEL ? "-]" : r[i].op == DIFF_INS ? "+}" : "");
	return s;
}

static void
word_diff_marks_changed_words(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(render(a, "Kommunen ansvarar för vården i hemmet.",
	    "Regionen ansvarar för vården i hemmet."),
	    "[-Kommunen -]{+Regionen +}ansvarar för vården i hemmet.");
	assert_string_equal(render(a, "", "Ny text"), "{+Ny text+}");
	assert_string_equal(render(a, "Gammal text", ""), "[-Gammal text-]");
	assert_string_equal(render(a, "a b c", "a b c"), "a b c");
	assert_string_equal(render(a, "a b c", "a x c d"),
	    "a [-b -]{+x +}c {+d+}");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_read_as_a_swedish_sentence),
		cmocka_unit_test(quotes_are_word_for_word_and_linked_to_their_answer),
		cmocka_unit_test(swedish_numbers),
		cmocka_unit_test(word_diff_marks_changed_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
