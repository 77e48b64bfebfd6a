/* test_analysis_cluster.c: answers that say the same thing form one group, explained by its terms and represented by its most typical answers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/cluster.h"
#include "util/arena.h"

#define D(i, s) { (i), (s), sizeof(s) - 1 }

/*
 * Three answers about the threshold principle, three about money. Terms:
 *   1: tröskelprincip, behöv, förtyd
 *   2: tröskelprincip, behöv, förtyd, särskilt, korttidsvist
 *   3: tröskelprincip, okl, hemsjukvård
 *   4: ersättning, kommun, låg
 *   5: finansiering, ersättning, måst, ses
 *   6: kommun, kräv, full, finansiering, ersättning
 * idf = 1 + ln(7 / (1 + df)): df 3 → 1.559616, df 2 → 1.847298,
 * df 1 → 2.252763; each answer's vector scaled to length 1.
 */
static const struct doc answers[] = {
	D(1, "Tröskelprincipen behöver förtydligas."),
	D(2, "Tröskelprincipen behöver förtydligas, särskilt vid korttidsvistelse."),
	D(3, "Tröskelprincipen är oklar för hemsjukvården."),
	D(4, "Ersättningen till kommunerna är för låg."),
	D(5, "Finansieringen och ersättningen måste ses över."),
	D(6, "Kommunerna kräver full finansiering och ersättning."),
};

static void
expect_rep(const struct doc_rank *r, int64_t id, double sim)
{
	assert_int_equal(r->id, id);
	assert_float_equal(r->sim, sim, 1e-5);
}

static void
expect_term(const struct keyterm *t, const char *stem, const char *display,
    double score)
{
	assert_string_equal(t->stem, stem);
	assert_string_equal(t->display, display);
	assert_float_equal(t->score, score, 1e-5);
}

/* Checks the two groups of answers[] whatever order they came in. */
static void
expect_two_groups(const struct clustering *c)
{
	const struct cluster *t = &c->clusters[0], *f = &c->clusters[1];

	assert_int_equal(c->n, 2);
	assert_int_equal(c->nunclustered, 0);
	/*
	 * Simplified silhouette: for each answer (b - a) / max(a, b), a and b
	 * its cosine distances to its own and the other centroid; mean 0.744446.
	 * A split into three, such as {1, 2} {3} {4, 5, 6}, scores 0.666551.
	 */
	assert_float_equal(c->silhouette, 0.744446, 1e-5);

	/* Equal sizes: the group with the smaller first id comes first. */
	assert_int_equal(t->n, 3);
	assert_int_equal(t->ids[0], 1);
	assert_int_equal(t->ids[1], 2);
	assert_int_equal(t->ids[2], 3);
	/* Cosine to the centroid: 1 has only the shared terms. */
	assert_int_equal(t->nreps, 3);
	expect_rep(&t->reps[0], 1, 0.844848);
	expect_rep(&t->reps[1], 2, 0.814107);
	expect_rep(&t->reps[2], 3, 0.608948);
	/* Mean weights; behöv and förtyd tie and go in byte order. */
	assert_int_equal(t->nterms, 5);
	expect_term(&t->terms[0], "tröskelprincip", "tröskelprincipen", 0.435433);
	expect_term(&t->terms[1], "behöv", "behöver", 0.342158);
	expect_term(&t->terms[2], "förtyd", "förtydligas", 0.342158);
	expect_term(&t->terms[3], "hemsjukvård", "hemsjukvården", 0.211697);
	expect_term(&t->terms[4], "okl", "oklar", 0.211697);
	assert_int_equal(t->terms[0].count, 3);
	assert_int_equal(t->terms[0].ndocs, 3);

	assert_int_equal(f->n, 3);
	assert_int_equal(f->ids[0], 4);
	assert_int_equal(f->ids[2], 6);
	expect_rep(&f->reps[0], 6, 0.788280);
	expect_rep(&f->reps[1], 4, 0.721108);
	expect_rep(&f->reps[2], 5, 0.689384);
	/* "finansieringen" and "finansiering" once each: byte order. */
	expect_term(&f->terms[0], "ersättning", "ersättningen", 0.405319);
	expect_term(&f->terms[1], "kommun", "kommunerna", 0.326117);
	expect_term(&f->terms[2], "finansiering", "finansiering", 0.293743);
	expect_term(&f->terms[3], "låg", "låg", 0.227241);
	assert_int_equal(f->terms[0].count, 3);
}

static void
threshold_and_money_answers_form_two_groups(void **state)
{
	struct arena		*a = arena_new();
	struct clustering	 c;

	(void)state;
	assert_int_equal(cluster_docs(a, answers, 6, NULL, NULL, &c), 0);
	expect_two_groups(&c);
	arena_free(a);
}

static void
input_order_does_not_change_the_groups(void **state)
{
	static const size_t	 perm[6] = { 4, 1, 5, 0, 3, 2 };
	struct arena		*a = arena_new();
	struct clustering	 c;
	struct doc		 shuffled[6];
	size_t			 i;

	(void)state;
	for (i = 0; i < 6; i++)
		shuffled[i] = answers[perm[i]];
	assert_int_equal(cluster_docs(a, shuffled, 6, NULL, NULL, &c), 0);
	expect_two_groups(&c);
	arena_free(a);
}

static void
a_theme_gets_its_representatives(void **state)
{
	static const int64_t	 theme[] = { 6, 99, 5, 4 };	/* 99: no such answer */
	struct arena		*a = arena_new();
	struct doc_rank		*r;
	size_t			 n;

	(void)state;
	/* The same centroid as the money group above. */
	assert_int_equal(cluster_representatives(a, answers, 6, theme, 4, NULL,
	    2, &r, &n), 0);
	assert_int_equal(n, 2);
	expect_rep(&r[0], 6, 0.788280);
	expect_rep(&r[1], 4, 0.721108);
	/* No ids: every document; an empty set: nothing. */
	assert_int_equal(cluster_representatives(a, answers, 6, NULL, 0, NULL,
	    10, &r, &n), 0);
	assert_int_equal(n, 6);
	assert_int_equal(cluster_representatives(a, answers, 6, theme, 0, NULL,
	    10, &r, &n), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void
answers_without_terms_are_set_apart(void **state)
{
	static const struct doc docs[] = {
		D(10, "Inga synpunkter."),
		D(11, "och att 2025"),
		D(12, ""),
		D(13, "Inga synpunkter på förslaget."),
	};
	struct arena		*a = arena_new();
	struct clustering	 c;

	(void)state;
	/* Fewer than four answers with terms: one group, silhouette 0. */
	assert_int_equal(cluster_docs(a, docs, 4, NULL, NULL, &c), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.clusters[0].n, 2);
	assert_int_equal(c.clusters[0].ids[0], 10);
	assert_int_equal(c.clusters[0].ids[1], 13);
	assert_true(c.silhouette == 0);
	assert_int_equal(c.nunclustered, 2);
	assert_int_equal(c.unclustered[0], 11);
	assert_int_equal(c.unclustered[1], 12);
	assert_int_equal(cluster_docs(a, NULL, 0, NULL, NULL, &c), 0);
	assert_int_equal(c.n, 0);
	assert_int_equal(c.nunclustered, 0);
	arena_free(a);
}

static void
identical_answers_stay_one_group(void **state)
{
	struct doc		 docs[8];
	struct arena		*a = arena_new();
	struct clustering	 c;
	size_t			 i;

	(void)state;
	for (i = 0; i < 8; i++) {
		docs[i].id = (int64_t)(100 - i);
		docs[i].text = "Vi tillstyrker förslaget om läkarmedverkan.";
		docs[i].len = strlen(docs[i].text);
	}
	/* No second centre can be seeded: k = 2 is impossible. */
	assert_int_equal(cluster_docs(a, docs, 8, NULL, NULL, &c), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.clusters[0].n, 8);
	assert_int_equal(c.clusters[0].ids[0], 93);
	assert_int_equal(c.clusters[0].nreps, 3);
	/* All equally close: ties go to the smaller id. */
	assert_int_equal(c.clusters[0].reps[0].id, 93);
	assert_int_equal(c.clusters[0].reps[1].id, 94);
	arena_free(a);
}

static void
many_answers_choose_k_by_silhouette(void **state)
{
	/* Four subjects, 10 answers each, with a varying filler word. */
	static const char *const subject[4] = {
		"tröskelprincipen korttidsvistelse ansvarsfördelning",
		"finansiering ersättning kostnader",
		"läkarmedverkan läkare hembesök",
		"informationsöverföring journalsystem digitala",
	};
	static const char *const filler[5] = {
		"viktigt", "tydligt", "angeläget", "rimligt", "nödvändigt",
	};
	struct arena		*a = arena_new();
	struct clustering	 c, c2;
	struct cluster_opts	 o;
	struct doc		 docs[40];
	char			 text[40][160];
	size_t			 i, j;

	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(text[i], sizeof(text[i]), "%s är %s", subject[i % 4],
		    filler[i % 5]);
		docs[i].id = (int64_t)i;
		docs[i].text = text[i];
		docs[i].len = strlen(text[i]);
	}
	cluster_opts_default(&o);
	assert_int_equal(cluster_docs(a, docs, 40, NULL, &o, &c), 0);
	assert_int_equal(c.n, 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(c.clusters[i].n, 10);
		for (j = 0; j < 10; j++)
			assert_int_equal(c.clusters[i].ids[j] % 4,
			    c.clusters[i].ids[0] % 4);
	}
	/* Another seed, the same grouping here; the same seed, the same bits. */
	o.seed = 42;
	assert_int_equal(cluster_docs(a, docs, 40, NULL, &o, &c2), 0);
	assert_int_equal(c2.n, 4);
	/* Zero rounds asked for: one is made, every answer is in a group. */
	o.max_iter = 0;
	assert_int_equal(cluster_docs(a, docs, 40, NULL, &o, &c2), 0);
	for (i = 0, j = 0; i < c2.n; i++)
		j += c2.clusters[i].n;
	assert_int_equal(j, 40);
	assert_int_equal(cluster_docs(a, docs, 40, NULL, NULL, &c2), 0);
	assert_true(c2.silhouette == c.silhouette);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(threshold_and_money_answers_form_two_groups),
		cmocka_unit_test(input_order_does_not_change_the_groups),
		cmocka_unit_test(a_theme_gets_its_representatives),
		cmocka_unit_test(answers_without_terms_are_set_apart),
		cmocka_unit_test(identical_answers_stay_one_group),
		cmocka_unit_test(many_answers_choose_k_by_silhouette),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
