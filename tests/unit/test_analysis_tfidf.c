/* test_analysis_tfidf.c: a section's key terms are its characteristic stems, scored as computed by hand. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/tfidf.h"
#include "util/arena.h"

#define D(i, s) { (i), (s), sizeof(s) - 1 }

/*
 * A remiss with six answers; 1-3 answer the section about the threshold
 * principle. Their terms (stop words vi, men, är, för, och, till left out):
 *   1: tröskelprincip, måst, förtyd
 *   2: stöd, tröskelprincip, ersättning, låg
 *   3: tröskelprincip ×2, gräns, behöv, förtyd
 *   4: ersättning, kommun, låg
 *   5: finansiering, måst, lös, innan, avtalet, börj, gäll
 *   6: kommun, behöv, mer, tid
 */
static const struct doc remiss[] = {
	D(1, "Tröskelprincipen måste förtydligas."),
	D(2, "Vi stöder tröskelprincipen men ersättningen är för låg."),
	D(3, "Tröskelprincipen och tröskelprincipens gränser behöver förtydligas."),
	D(4, "Ersättningen till kommunerna är för låg."),
	D(5, "Finansieringen måste lösas innan avtalet börjar gälla."),
	D(6, "Kommunerna behöver mer tid."),
};

static struct df_table *
remiss_df(void)
{
	struct df_table	*df = df_table_new();
	size_t		 i;

	assert_non_null(df);
	for (i = 0; i < 6; i++)
		assert_int_equal(df_table_add(df, remiss[i].text, remiss[i].len), 0);
	return df;
}

static void
expect_term(const struct keyterm *t, const char *stem, const char *display,
    double score, uint32_t count, uint32_t ndocs)
{
	assert_string_equal(t->stem, stem);
	assert_string_equal(t->display, display);
	assert_float_equal(t->score, score, 1e-5);
	assert_int_equal(t->count, count);
	assert_int_equal(t->ndocs, ndocs);
}

static void
document_frequencies_count_each_answer_once(void **state)
{
	struct df_table *df = remiss_df();

	(void)state;
	assert_int_equal(df_table_ndocs(df), 6);
	/* Answer 3 says "tröskelprincip…" twice: counted once. */
	assert_int_equal(df_table_df(df, "tröskelprincip", 15), 3);
	assert_int_equal(df_table_df(df, "kommun", 6), 2);
	assert_int_equal(df_table_df(df, "stöd", 5), 1);
	assert_int_equal(df_table_df(df, "och", 3), 0);	/* a stop word */
	assert_int_equal(df_table_df(df, "saknas", 6), 0);
	df_table_free(df);
}

static void
section_terms_are_weighed_against_the_whole_remiss(void **state)
{
	struct arena	*a = arena_new();
	struct df_table	*df = remiss_df();
	struct keyterm	*kt;
	size_t		 n;

	(void)state;
	/*
	 * N = 6; idf = 1 + ln(7 / (1 + df)): df 1 → 2.252763,
	 * df 2 → 1.847298, df 3 → 1.559616.
	 * tröskelprincip: (1 + 1 + (1 + ln 2)) × 1.559616 = 5.759891
	 * förtyd: (1 + 1) × 1.847298 = 3.694596
	 * gräns, stöd: 1 × 2.252763 (equal count: byte order)
	 * behöv, ersättning, låg, måst: 1 × 1.847298
	 * "tröskelprincipen" is seen 3 times, "tröskelprincipens" once.
	 */
	assert_int_equal(tfidf_keyterms(a, remiss, 3, df, 5, &kt, &n), 0);
	assert_int_equal(n, 5);
	expect_term(&kt[0], "tröskelprincip", "tröskelprincipen", 5.759891, 4, 3);
	expect_term(&kt[1], "förtyd", "förtydligas", 3.694596, 2, 2);
	expect_term(&kt[2], "gräns", "gränser", 2.252763, 1, 1);
	expect_term(&kt[3], "stöd", "stöder", 2.252763, 1, 1);
	expect_term(&kt[4], "behöv", "behöver", 1.847298, 1, 1);
	df_table_free(df);
	arena_free(a);
}

static void
without_a_table_the_documents_are_their_own_corpus(void **state)
{
	struct arena	*a = arena_new();
	struct keyterm	*kt;
	size_t		 n;

	(void)state;
	/*
	 * N = 3; idf = 1 + ln(4 / (1 + df)): df 3 → 1, df 2 → 1.287682,
	 * df 1 → 1.693147. tröskelprincip 2.693147 + 1 = 3.693147,
	 * förtyd 2 × 1.287682 = 2.575364, then six terms at 1.693147 in
	 * byte order, of which k = 4 leaves two.
	 */
	assert_int_equal(tfidf_keyterms(a, remiss, 3, NULL, 4, &kt, &n), 0);
	assert_int_equal(n, 4);
	expect_term(&kt[0], "tröskelprincip", "tröskelprincipen", 3.693147, 4, 3);
	expect_term(&kt[1], "förtyd", "förtydligas", 2.575364, 2, 2);
	expect_term(&kt[2], "behöv", "behöver", 1.693147, 1, 1);
	expect_term(&kt[3], "ersättning", "ersättningen", 1.693147, 1, 1);
	arena_free(a);
}

static void
input_order_does_not_change_the_result(void **state)
{
	struct arena	*a = arena_new();
	struct df_table	*df = remiss_df();
	struct doc	 rev[6];
	struct keyterm	*x, *y;
	size_t		 nx, ny, i;

	(void)state;
	for (i = 0; i < 6; i++)
		rev[i] = remiss[5 - i];
	assert_int_equal(tfidf_keyterms(a, remiss, 6, df, 100, &x, &nx), 0);
	assert_int_equal(tfidf_keyterms(a, rev, 6, df, 100, &y, &ny), 0);
	assert_int_equal(nx, 17);	/* every term: k above the count */
	assert_int_equal(nx, ny);
	for (i = 0; i < nx; i++) {
		assert_string_equal(x[i].stem, y[i].stem);
		assert_string_equal(x[i].display, y[i].display);
		assert_true(x[i].score == y[i].score);
	}
	df_table_free(df);
	arena_free(a);
}

static void
a_repeated_word_counts_sublinearly(void **state)
{
	static const struct doc docs[] = {
		D(1, "avgift avgift avgift avgift avgift avgift avgift avgift"),
		D(2, "hemtjänst"),
		D(3, "hemtjänst"),
	};
	struct arena	*a = arena_new();
	struct keyterm	*kt;
	size_t		 n;

	(void)state;
	/* N = 3. avgift: df 1, idf 1 + ln 2 = 1.693147, one answer with
	 * tf 8: 1 + ln 8 = 3.079442. hemtjänst: df 2, idf 1 + ln(4 / 3) =
	 * 1.287682, two answers with tf 1: 2. Eight times the word is worth
	 * about three mentions, not eight. */
	assert_int_equal(tfidf_keyterms(a, docs, 3, NULL, 2, &kt, &n), 0);
	assert_int_equal(n, 2);
	expect_term(&kt[0], "avgift", "avgift", 3.079442 * 1.693147, 8, 1);
	assert_int_equal(kt[1].ndocs, 2);
	assert_float_equal(kt[1].score, 2 * 1.287682, 1e-5);
	arena_free(a);
}

static void
numbers_stop_words_and_empty_input_give_no_terms(void **state)
{
	static const struct doc docs[] = {
		D(1, "och att 2025 3.2 i å"),
		D(2, ""),
		D(3, "\xff\xfe"),
	};
	struct arena	*a = arena_new();
	struct keyterm	*kt;
	size_t		 n;

	(void)state;
	assert_int_equal(tfidf_keyterms(a, docs, 3, NULL, 10, &kt, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(tfidf_keyterms(a, NULL, 0, NULL, 10, &kt, &n), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void
thousands_of_terms_are_all_kept(void **state)
{
	struct arena	*a = arena_new();
	struct df_table	*df = df_table_new();
	struct keyterm	*kt;
	struct doc	 d;
	char		*text, word[8];
	size_t		 i, n, len = 0;

	(void)state;
	/* 4000 different words "kaaa" … (letters only, so none is a number),
	 * all in one document: the tables grow many times. */
	text = arena_alloc(a, 4000 * 6);
	assert_non_null(text);
	for (i = 0; i < 4000; i++) {
		word[0] = 'k';
		word[1] = (char)('a' + i / 676 % 26);
		word[2] = (char)('a' + i / 26 % 26);
		word[3] = (char)('a' + i % 26);
		word[4] = 'x';
		memcpy(text + len, word, 5);
		text[len + 5] = ' ';
		len += 6;
	}
	assert_int_equal(df_table_add(df, text, len), 0);
	assert_int_equal(df_table_df(df, "kaaax", 5), 1);
	assert_int_equal(df_table_df(df, "kfxvx", 5), 1);	/* 3999 */
	d.id = 1;
	d.text = text;
	d.len = len;
	assert_int_equal(tfidf_keyterms(a, &d, 1, df, 5000, &kt, &n), 0);
	assert_int_equal(n, 4000);
	/* All score alike: byte order. */
	assert_string_equal(kt[0].stem, "kaaax");
	assert_string_equal(kt[3999].stem, "kfxvx");
	df_table_free(df);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_frequencies_count_each_answer_once),
		cmocka_unit_test(section_terms_are_weighed_against_the_whole_remiss),
		cmocka_unit_test(without_a_table_the_documents_are_their_own_corpus),
		cmocka_unit_test(input_order_does_not_change_the_result),
		cmocka_unit_test(a_repeated_word_counts_sublinearly),
		cmocka_unit_test(numbers_stop_words_and_empty_input_give_no_terms),
		cmocka_unit_test(thousands_of_terms_are_all_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
