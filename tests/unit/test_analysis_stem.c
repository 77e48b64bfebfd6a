/* test_analysis_stem.c: Swedish words reduce to Snowball stems, and stop words are known. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/stem.h"
#include "analysis/stopwords.h"

static int
setup(void **state)
{
	*state = stemmer_new();
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	stemmer_free(*state);
	return 0;
}

/* Checks that word stems to want. */
static void
stems_to(struct stemmer *st, const char *word, const char *want)
{
	char	out[64];
	int	n;

	n = stemmer_stem(st, word, strlen(word), out, sizeof(out));
	assert_int_equal(n, (int)strlen(want));
	assert_string_equal(out, want);
}

static void
inflections_of_kommun_share_its_stem(void **state)
{
	stems_to(*state, "kommun", "kommun");
	stems_to(*state, "kommunen", "kommun");
	stems_to(*state, "kommuner", "kommun");
	stems_to(*state, "kommunerna", "kommun");
	stems_to(*state, "kommunernas", "kommun");
}

static void
words_with_swedish_letters_are_stemmed(void **state)
{
	/* The stems PostgreSQL's to_tsvector('swedish', …) gives, checked
	 * against PostgreSQL 15 when this test was written. */
	stems_to(*state, "tröskelprincipen", "tröskelprincip");
	stems_to(*state, "förändringarna", "förändring");
	stems_to(*state, "åtgärderna", "åtgärd");
	stems_to(*state, "åtgärder", "åtgärd");
	stems_to(*state, "överenskommelsen", "överenskomm");
	stems_to(*state, "hälsa", "häls");
	stems_to(*state, "hemsjukvården", "hemsjukvård");
	stems_to(*state, "ersättningen", "ersättning");
	stems_to(*state, "ångermanland", "ångermanland");
}

static void
a_stem_that_does_not_fit_is_refused(void **state)
{
	char	out[8];

	memset(out, 'x', sizeof(out));
	/* "kommunerna" stems to "kommun": 6 bytes and a NUL need 7. */
	assert_int_equal(stemmer_stem(*state, "kommunerna", 10, out, 6), -1);
	assert_string_equal(out, "");
	assert_int_equal(stemmer_stem(*state, "kommunerna", 10, out, 7), 6);
	assert_string_equal(out, "kommun");
	assert_int_equal(stemmer_stem(*state, "", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static void
stop_words_are_the_snowball_list_in_byte_order(void **state)
{
	const char *const	*w;
	size_t			 n, i;

	(void)state;
	w = stopword_list(&n);
	assert_int_equal(n, 114);
	for (i = 0; i < n; i++) {
		if (i > 0)
			assert_true(strcmp(w[i - 1], w[i]) < 0);
		assert_true(stopword_is(w[i], strlen(w[i])));
	}
	assert_true(stopword_is("och", 3));
	assert_true(stopword_is("för", 4));
	assert_true(stopword_is("över", 5));
	assert_true(stopword_is("oche", 3));	/* only the first 3 bytes */
	assert_false(stopword_is("oc", 2));
	assert_false(stopword_is("kommun", 6));
	assert_false(stopword_is("Och", 3));	/* words come lowercased */
	assert_false(stopword_is("", 0));
	assert_false(stopword_is(NULL, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inflections_of_kommun_share_its_stem),
		cmocka_unit_test(words_with_swedish_letters_are_stemmed),
		cmocka_unit_test(a_stem_that_does_not_fit_is_refused),
		cmocka_unit_test(stop_words_are_the_snowball_list_in_byte_order),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
