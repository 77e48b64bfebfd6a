/* test_analysis_neardup.c: copied answers are found and grouped, unrelated ones are not, and shared passages point at the right bytes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/neardup.h"
#include "analysis/passage.h"
#include "util/arena.h"

/* A campaign letter: 48 words, the sender's name is words 3 and 44. */
#define LETTER(name) "Till Region Halland. " name " kommun har tagit del av " \
	"förslaget till ny överenskommelse om hälso- och sjukvård i hemmet. " \
	"Vi anser att tröskelprincipen måste förtydligas och att kommunernas " \
	"ersättning för läkarmedverkan ska höjas. Överenskommelsen bör inte " \
	"träda i kraft förrän finansieringen är löst. För " name " kommun, " \
	"kommunstyrelsens ordförande."

#define D(i, s) { (i), (s), sizeof(s) - 1 }

static const struct doc unrelated[] = {
	D(1, "Laholms kommun tillstyrker förslaget i sin helhet och har inga "
	    "ytterligare synpunkter på avsnitten om informationsöverföring."),
	D(2, "Region Halland behöver säkerställa att journalsystemen kan utbyta "
	    "information digitalt innan avtalet börjar gälla den första januari."),
	D(3, "Hylte kommun avstyrker förslaget om läkarmedverkan eftersom "
	    "bemanningen av hemsjukvården redan är ansträngd på landsbygden."),
};

static const struct doc mixed[] = {
	D(14, LETTER("Falkenbergs")),
	D(2, "Region Halland behöver säkerställa att journalsystemen kan utbyta "
	    "information digitalt innan avtalet börjar gälla den första januari."),
	D(11, LETTER("Halmstads")),
	D(13, LETTER("Hylte")),
	D(1, "Laholms kommun tillstyrker förslaget i sin helhet och har inga "
	    "ytterligare synpunkter på avsnitten om informationsöverföring."),
	D(15, LETTER("Varbergs")),
	D(12, LETTER("Laholms")),
	D(3, "Hylte kommun avstyrker förslaget om läkarmedverkan eftersom "
	    "bemanningen av hemsjukvården redan är ansträngd på landsbygden."),
};

static void
expect_letters_group(const struct neardup_result *r)
{
	size_t i;

	assert_int_equal(r->ngroups, 1);
	assert_int_equal(r->groups[0].n, 5);
	for (i = 0; i < 5; i++)
		assert_int_equal(r->groups[0].ids[i], 11 + (int64_t)i);
	/*
	 * 44 shingles of 5 words each; a name at word 3 is in the shingles
	 * starting at 0-3, at word 44 in those starting at 40-43: 8 differ on
	 * each side. Jaccard = (44 - 8) / (44 + 8) = 36 / 52 = 0.692308.
	 */
	assert_int_equal(r->npairs, 4);
	for (i = 0; i < r->npairs; i++) {
		assert_true(r->pairs[i].a < r->pairs[i].b);
		assert_true(r->pairs[i].a >= 11 && r->pairs[i].b <= 15);
		assert_float_equal(r->pairs[i].jaccard, 36.0 / 52.0, 1e-9);
	}
	for (i = 1; i < r->npairs; i++)
		assert_true(r->pairs[i - 1].a < r->pairs[i].a ||
		    (r->pairs[i - 1].a == r->pairs[i].a &&
		    r->pairs[i - 1].b < r->pairs[i].b));
}

static void
campaign_letters_with_changed_names_are_one_group(void **state)
{
	struct arena		*a = arena_new();
	struct neardup_result	 r;

	(void)state;
	assert_int_equal(neardup_find(a, mixed, 8, NULL, &r), 0);
	expect_letters_group(&r);
	arena_free(a);
}

static void
input_order_does_not_change_the_result(void **state)
{
	struct arena		*a = arena_new();
	struct neardup_result	 r;
	struct doc		 rev[8];
	size_t			 i;

	(void)state;
	for (i = 0; i < 8; i++)
		rev[i] = mixed[7 - i];
	assert_int_equal(neardup_find(a, rev, 8, NULL, &r), 0);
	expect_letters_group(&r);
	arena_free(a);
}

static void
unrelated_answers_are_not_found(void **state)
{
	struct arena		*a = arena_new();
	struct neardup_result	 r;
	struct neardup_opts	 o;

	(void)state;
	neardup_opts_default(&o);
	o.threshold = 0.05;	/* even a little shared text would count */
	assert_int_equal(neardup_find(a, unrelated, 3, &o, &r), 0);
	assert_int_equal(r.ngroups, 0);
	assert_int_equal(r.npairs, 0);
	assert_int_equal(neardup_find(a, NULL, 0, NULL, &r), 0);
	assert_int_equal(r.ngroups, 0);
	arena_free(a);
}

static void
one_changed_word_in_forty_gives_31_of_41(void **state)
{
	static const char *const w[40] = {
		"remissen", "gäller", "en", "ny", "överenskommelse", "om",
		"hälso", "och", "sjukvård", "i", "hemmet", "mellan", "regionen",
		"samtliga", "kommuner", "halland", "där", "ansvaret", "för",
		"insatserna", "delas", "utifrån", "tröskelprincipen", "som",
		"innebär", "att", "patienten", "kan", "ta", "sig", "till",
		"vårdcentralen", "annars", "ges", "vården", "hemma", "av",
		"kommunens", "sjuksköterskor", "dygnet",
	};
	struct arena		*a = arena_new();
	struct neardup_result	 r;
	struct doc		 d[2];
	char			 t[2][600];
	size_t			 i, k;

	(void)state;
	for (k = 0; k < 2; k++) {
		t[k][0] = '\0';
		for (i = 0; i < 40; i++) {
			strcat(t[k], k == 1 && i == 19 ? "åtgärderna" : w[i]);
			strcat(t[k], " ");
		}
		d[k].id = (int64_t)k + 1;
		d[k].text = t[k];
		d[k].len = strlen(t[k]);
	}
	/* 36 shingles each; word 19 is in those starting at 15-19, so 31
	 * are shared and 5 + 5 are not: 31 / 41 = 0.756098. */
	assert_int_equal(neardup_find(a, d, 2, NULL, &r), 0);
	assert_int_equal(r.ngroups, 1);
	assert_int_equal(r.npairs, 1);
	assert_int_equal(r.pairs[0].a, 1);
	assert_int_equal(r.pairs[0].b, 2);
	assert_float_equal(r.pairs[0].jaccard, 31.0 / 41.0, 1e-9);
	arena_free(a);
}

static void
short_answers_are_left_out_unless_asked(void **state)
{
	struct arena		*a = arena_new();
	struct neardup_result	 r;
	struct neardup_opts	 o;
	struct doc		 d[20];
	size_t			 i;

	(void)state;
	for (i = 0; i < 20; i++) {
		d[i].id = (int64_t)i;
		d[i].text = i % 2 ? "Inga synpunkter." : "INGA synpunkter!";
		d[i].len = strlen(d[i].text);
	}
	assert_int_equal(neardup_find(a, d, 20, NULL, &r), 0);
	assert_int_equal(r.ngroups, 0);
	neardup_opts_default(&o);
	o.min_words = 1;	/* two words: one shingle of both */
	assert_int_equal(neardup_find(a, d, 20, &o, &r), 0);
	assert_int_equal(r.ngroups, 1);
	assert_int_equal(r.groups[0].n, 20);
	assert_int_equal(r.npairs, 19);
	assert_true(r.pairs[0].jaccard == 1.0);
	arena_free(a);
}

static void
thousands_of_copies_make_one_group(void **state)
{
	struct arena		*a = arena_new();
	struct neardup_result	 r;
	struct doc		*d;
	size_t			 i, n = 3000;

	(void)state;
	d = calloc(n, sizeof(*d));
	assert_non_null(d);
	for (i = 0; i < n; i++) {
		d[i].id = (int64_t)(n - i);
		d[i].text = i % 3 == 0 ? LETTER("Kungsbacka") : LETTER("Varbergs");
		d[i].len = strlen(d[i].text);
	}
	assert_int_equal(neardup_find(a, d, n, NULL, &r), 0);
	assert_int_equal(r.ngroups, 1);
	assert_int_equal(r.groups[0].n, n);
	assert_int_equal(r.groups[0].ids[0], 1);
	assert_int_equal(r.groups[0].ids[n - 1], (int64_t)n);
	assert_int_equal(r.npairs, n - 1);
	free(d);
	arena_free(a);
}

static void
shared_passage_of_renamed_letters_has_exact_offsets(void **state)
{
	static const char	 x[] = LETTER("Halmstads");
	static const char	 y[] = LETTER("Laholms");
	struct arena		*a = arena_new();
	struct passage		*p;
	size_t			 n;

	(void)state;
	/*
	 * Words 0-2 ("till region halland") and 45-47 are shorter than five
	 * words; words 4-43 are shared. In x they run from "kommun" at byte
	 * 31 ("Till Region Halland. " 21 + "Halmstads " 10) to the end of
	 * "För" at byte 324 (ö is two bytes); in y two bytes earlier.
	 */
	assert_int_equal(passage_find(a, x, sizeof(x) - 1, y, sizeof(y) - 1, 5,
	    &p, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].nwords, 40);
	assert_int_equal(p[0].a_start, 31);
	assert_int_equal(p[0].a_end, 324);
	assert_int_equal(p[0].b_start, 29);
	assert_int_equal(p[0].b_end, 322);
	assert_memory_equal(x + p[0].a_start, "kommun har", 10);
	assert_memory_equal(x + p[0].a_end - 4, "För", 4);
	assert_memory_equal(y + p[0].b_end - 4, "För", 4);
	/* With min 3, the opening and the closing words count too. */
	assert_int_equal(passage_find(a, x, sizeof(x) - 1, y, sizeof(y) - 1, 3,
	    &p, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(p[0].a_start, 0);
	assert_int_equal(p[0].a_end, 19);	/* "Till Region Halland" */
	assert_int_equal(p[2].nwords, 3);
	assert_memory_equal(y + p[2].b_start, "kommun, kommunstyrelsens", 24);
	arena_free(a);
}

static void
a_moved_paragraph_is_found_in_both_places(void **state)
{
	static const char p1[] = "Tröskelprincipen måste förtydligas för "
	    "patienter med tillfällig vistelse i kommunen.";
	static const char p2[] = "Ersättningen för läkarmedverkan i "
	    "hemsjukvården är för låg.";
	struct arena	*a = arena_new();
	struct passage	*p;
	char		 x[512], y[512];
	size_t		 n;

	(void)state;
	snprintf(x, sizeof(x), "%s %s", p1, p2);
	snprintf(y, sizeof(y), "%s Dessutom anser vi: %s", p2, p1);
	assert_int_equal(passage_find(a, x, strlen(x), y, strlen(y), 5, &p,
	    &n), 0);
	assert_int_equal(n, 2);
	/* Ordered by place in x: p1 first. */
	assert_int_equal(p[0].a_start, 0);
	assert_int_equal(p[0].a_end, sizeof(p1) - 2);	/* without the "." */
	assert_int_equal(p[0].b_start, strlen(p2) + 20);
	assert_int_equal(p[0].nwords, 10);
	assert_int_equal(p[1].a_start, sizeof(p1));
	assert_int_equal(p[1].b_start, 0);
	assert_int_equal(p[1].b_end, sizeof(p2) - 2);
	assert_int_equal(p[1].nwords, 8);
	arena_free(a);
}

static void
case_and_punctuation_do_not_matter(void **state)
{
	static const char	 x[] = "TRÖSKELPRINCIPEN måste, förtydligas!";
	static const char	 y[] = "Vi tycker: tröskelprincipen MÅSTE förtydligas";
	struct arena		*a = arena_new();
	struct passage		*p;
	size_t			 n;

	(void)state;
	assert_int_equal(passage_find(a, x, sizeof(x) - 1, y, sizeof(y) - 1, 3,
	    &p, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].a_start, 0);
	assert_int_equal(p[0].a_end, sizeof(x) - 2);
	assert_int_equal(p[0].b_start, 11);
	assert_int_equal(p[0].b_end, sizeof(y) - 1);
	/* Fewer shared words than asked for: nothing. */
	assert_int_equal(passage_find(a, x, sizeof(x) - 1, y, sizeof(y) - 1, 4,
	    &p, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(passage_find(a, x, sizeof(x) - 1, "", 0, 1, &p, &n), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void
repetitive_text_is_bounded(void **state)
{
	struct arena	*a = arena_new();
	struct passage	*p;
	char		*x;
	size_t		 n, i, len = 3 * 20000, words = 0;

	(void)state;
	/* 20 000 times "ja ": every place matches every other. */
	x = malloc(len);
	assert_non_null(x);
	for (i = 0; i < len; i += 3)
		memcpy(x + i, "ja ", 3);
	assert_int_equal(passage_find(a, x, len, x, len, 5, &p, &n), 0);
	assert_true(n >= 1);
	for (i = 0; i < n; i++) {
		assert_true(p[i].a_end <= len && p[i].b_end <= len);
		words += p[i].nwords;
	}
	assert_true(words <= 20000);
	free(x);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(campaign_letters_with_changed_names_are_one_group),
		cmocka_unit_test(input_order_does_not_change_the_result),
		cmocka_unit_test(unrelated_answers_are_not_found),
		cmocka_unit_test(one_changed_word_in_forty_gives_31_of_41),
		cmocka_unit_test(short_answers_are_left_out_unless_asked),
		cmocka_unit_test(thousands_of_copies_make_one_group),
		cmocka_unit_test(shared_passage_of_renamed_letters_has_exact_offsets),
		cmocka_unit_test(a_moved_paragraph_is_found_in_both_places),
		cmocka_unit_test(case_and_punctuation_do_not_matter),
		cmocka_unit_test(repetitive_text_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
