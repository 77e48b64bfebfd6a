/* test_analysis_tokenize.c: Swedish text splits into lowercase words whose byte offsets point back into the text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/tokenize.h"
#include "util/arena.h"

/* One expected token: its word and where it sits in the text. */
struct want {
	const char	*word;
	size_t		 start;
	size_t		 end;
};

/* Tokenizes s[0..len) and checks every token against want[0..n). */
static void
expect(const char *s, size_t len, const struct want *want, size_t n)
{
	struct tokenizer	tz;
	struct token		t;
	size_t			i = 0;

	tokenizer_init(&tz, s, len);
	while (tokenizer_next(&tz, &t)) {
		assert_true(i < n);
		assert_string_equal(t.word, want[i].word);
		assert_int_equal(t.len, strlen(want[i].word));
		assert_int_equal(t.start, want[i].start);
		assert_int_equal(t.end, want[i].end);
		i++;
	}
	assert_int_equal(i, n);
}

#define EXPECT(s, ...) do {						\
	static const struct want w_[] = { __VA_ARGS__ };		\
	expect((s), strlen(s), w_, sizeof(w_) / sizeof(w_[0]));		\
} while (0)

static void
swedish_capitals_are_lowercased(void **state)
{
	(void)state;
	/* Å Ä Ö É Ü are two bytes each in UTF-8. */
	EXPECT("ÅÄÖ Éva Über åäö",
	    { "åäö", 0, 6 }, { "éva", 7, 11 }, { "über", 12, 17 },
	    { "åäö", 18, 24 });
	EXPECT("ÖVERENSKOMMELSEN Tröskelprincipen",
	    { "överenskommelsen", 0, 17 }, { "tröskelprincipen", 18, 35 });
}

static void
other_latin_letters_are_lowercased(void **state)
{
	(void)state;
	/* Sami and Latin Extended-A: Š Ž Č Ŋ Ł Ø Æ, Ÿ and İ. */
	EXPECT("ŠŽČ Ŋ Łódź ØRESUND Æble Ÿ İ ß",
	    { "šžč", 0, 6 }, { "ŋ", 7, 9 }, { "łódź", 10, 17 },
	    { "øresund", 18, 26 }, { "æble", 27, 32 }, { "ÿ", 33, 35 },
	    { "i", 36, 38 }, { "ß", 39, 41 });
}

static void
punctuation_splits(void **state)
{
	(void)state;
	EXPECT("Kommunen, regionen; (staten)! \"Ja\"…nej",
	    { "kommunen", 0, 8 }, { "regionen", 10, 18 }, { "staten", 21, 27 },
	    { "ja", 31, 33 }, { "nej", 37, 40 });
	/* No-break space, en dash, × and ÷ separate too. */
	EXPECT("a\xC2\xA0" "b–c×d÷e",
	    { "a", 0, 1 }, { "b", 3, 4 }, { "c", 7, 8 }, { "d", 10, 11 },
	    { "e", 13, 14 });
}

static void
hyphenated_compounds(void **state)
{
	struct tokenizer	tz;
	struct token		t;

	(void)state;
	/* A hyphen before a space ends a compound's first part. */
	EXPECT("hälso- och sjukvård",
	    { "hälso", 0, 6 }, { "och", 8, 11 }, { "sjukvård", 12, 21 });
	tokenizer_init(&tz, "hälso- och", 11);
	assert_true(tokenizer_next(&tz, &t));
	assert_true(t.flags & TOKEN_PREFIX);
	assert_true(tokenizer_next(&tz, &t));
	assert_false(t.flags & TOKEN_PREFIX);
	/* Between word characters a hyphen joins. */
	EXPECT("e-hälsa, covid-19 och Halland‐modellen",
	    { "e-hälsa", 0, 8 }, { "covid-19", 10, 18 }, { "och", 19, 22 },
	    { "halland-modellen", 23, 41 });
	/* Dashes with spaces, and doubled hyphens, only separate. */
	EXPECT("ja - nej -- kanske--inte",
	    { "ja", 0, 2 }, { "nej", 5, 8 }, { "kanske", 12, 18 },
	    { "inte", 20, 24 });
}

static void
digits_are_kept_and_flagged(void **state)
{
	struct tokenizer	tz;
	struct token		t;

	(void)state;
	EXPECT("Avsnitt 3.2, år 2025: 30 dagar",
	    { "avsnitt", 0, 7 }, { "3", 8, 9 }, { "2", 10, 11 },
	    { "år", 13, 16 }, { "2025", 17, 21 }, { "30", 23, 25 },
	    { "dagar", 26, 31 });
	tokenizer_init(&tz, "2025 covid19 dagar", 18);
	assert_true(tokenizer_next(&tz, &t));
	assert_int_equal(t.flags, TOKEN_DIGIT);
	assert_true(tokenizer_next(&tz, &t));
	assert_int_equal(t.flags, TOKEN_DIGIT | TOKEN_LETTER);
	assert_true(tokenizer_next(&tz, &t));
	assert_int_equal(t.flags, TOKEN_LETTER);
	assert_int_equal(t.nchars, 5);
}

static void
abbreviation_inflections_stay_with_their_word(void **state)
{
	(void)state;
	/* "SKR:s" is SKR's; its bytes are one token, its word "skr". */
	EXPECT("SKR:s och EU:s förslag, 1:a och 3:e stycket",
	    { "skr", 0, 5 }, { "och", 6, 9 }, { "eu", 10, 14 },
	    { "förslag", 15, 23 }, { "1", 25, 28 }, { "och", 29, 32 },
	    { "3", 33, 36 }, { "stycket", 37, 44 });
	/* Not an inflection: a lowercase word, digits, a word after a colon. */
	EXPECT("SFS 2017:30, kl:s Not:Ja IVO:saken",
	    { "sfs", 0, 3 }, { "2017", 4, 8 }, { "30", 9, 11 },
	    { "kl", 13, 15 }, { "s", 16, 17 }, { "not", 18, 21 },
	    { "ja", 22, 24 }, { "ivo", 25, 28 }, { "saken", 29, 34 });
}

static void
decomposed_letters_are_composed(void **state)
{
	(void)state;
	/* "Ångermanland" and "hälsa" as base letter + combining mark (NFD). */
	EXPECT("A\xCC\x8Angermanland ha\xCC\x88lsa",
	    { "ångermanland", 0, 14 }, { "hälsa", 15, 22 });
	/* A mark with nothing to compose with is dropped, the bytes stay. */
	EXPECT("x\xCC\x8A 5\xCC\x81",
	    { "x", 0, 3 }, { "5", 4, 7 });
}

static void
soft_hyphens_are_dropped(void **state)
{
	(void)state;
	EXPECT("sjuk\xC2\xADvård \xC2\xAD" "a\xC2\xAD b",
	    { "sjukvård", 0, 11 }, { "a", 14, 15 }, { "b", 18, 19 });
}

static void
other_scripts_and_symbols_separate(void **state)
{
	(void)state;
	EXPECT("ok😀bra Москва € 5",
	    { "ok", 0, 2 }, { "bra", 6, 9 }, { "5", 27, 28 });
}

static void
overlong_runs_are_skipped(void **state)
{
	char s[300];

	(void)state;
	memset(s, 'a', 200);
	memcpy(s + 200, " ord", 5);
	EXPECT(s, { "ord", 201, 204 });
	/* Exactly TOKEN_MAX bytes is still a word. */
	memset(s, 'b', TOKEN_MAX);
	s[TOKEN_MAX] = '\0';
	{
		struct tokenizer	tz;
		struct token		t;

		tokenizer_init(&tz, s, TOKEN_MAX);
		assert_true(tokenizer_next(&tz, &t));
		assert_int_equal(t.len, TOKEN_MAX);
		assert_false(tokenizer_next(&tz, &t));
	}
}

static void
invalid_utf8_separates_and_is_never_overread(void **state)
{
	/* A bare continuation byte, an overlong "/", a surrogate, FF, a NUL. */
	static const char bad[] = "ab\x80" "cd\xC0\xAF" "ef\xED\xA0\x80"
	    "gh\xFF" "ij\0kl";
	char	*cut;

	(void)state;
	expect(bad, sizeof(bad) - 1, (const struct want[]){
	    { "ab", 0, 2 }, { "cd", 3, 5 }, { "ef", 7, 9 }, { "gh", 12, 14 },
	    { "ij", 15, 17 }, { "kl", 18, 20 } }, 6);
	/* "ö" cut after its first byte at the end of the buffer: on the heap,
	 * so ASan sees any read past it. */
	cut = malloc(3);
	assert_non_null(cut);
	memcpy(cut, "h\xC3\xB6", 3);
	expect(cut, 2, (const struct want[]){ { "h", 0, 1 } }, 1);
	expect(cut, 0, NULL, 0);
	free(cut);
	expect(NULL, 0, NULL, 0);
}

static void
all_tokens_go_into_the_arena(void **state)
{
	struct arena		*a = arena_new();
	struct token_list	 l;
	char			 big[5000];
	size_t			 i;

	(void)state;
	assert_non_null(a);
	assert_int_equal(tokenize_all(a, "Hälso- och SJUKVÅRD", 21, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].word, "hälso");
	assert_true(l.v[0].flags & TOKEN_PREFIX);
	assert_string_equal(l.v[2].word, "sjukvård");
	assert_int_equal(l.v[2].start, 12);
	assert_int_equal(l.v[2].end, 21);
	/* One run of 2500 "å": too long for a word, no token. */
	for (i = 0; i + 2 <= sizeof(big); i += 2)
		memcpy(big + i, "\xC3\xA5", 2);
	assert_int_equal(tokenize_all(a, big, sizeof(big), &l), 0);
	assert_int_equal(l.n, 0);
	/* 2500 one-letter words: the array grows several times. */
	for (i = 0; i < sizeof(big); i++)
		big[i] = (i % 2) ? ' ' : 'x';
	assert_int_equal(tokenize_all(a, big, sizeof(big), &l), 0);
	assert_int_equal(l.n, sizeof(big) / 2);
	assert_int_equal(l.v[l.n - 1].start, sizeof(big) - 2);
	assert_int_equal(tokenize_all(a, "", 0, &l), 0);
	assert_int_equal(l.n, 0);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(swedish_capitals_are_lowercased),
		cmocka_unit_test(other_latin_letters_are_lowercased),
		cmocka_unit_test(punctuation_splits),
		cmocka_unit_test(hyphenated_compounds),
		cmocka_unit_test(digits_are_kept_and_flagged),
		cmocka_unit_test(abbreviation_inflections_stay_with_their_word),
		cmocka_unit_test(decomposed_letters_are_composed),
		cmocka_unit_test(soft_hyphens_are_dropped),
		cmocka_unit_test(other_scripts_and_symbols_separate),
		cmocka_unit_test(overlong_runs_are_skipped),
		cmocka_unit_test(invalid_utf8_separates_and_is_never_overread),
		cmocka_unit_test(all_tokens_go_into_the_arena),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
