/* test_docx_pkg.c: the Word writer's pure parts: text cleaned of what XML 1.0 forbids, and the
 * ASCII download name of an answer document. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "export/answer_name.h"
#include "export/docx_pkg.h"
#include "util/arena.h"

/* in cleaned into a large buffer; all of in consumed. */
static const char *
clean(const char *in, char *out, size_t outsz)
{
	size_t used;

	docx_xml_clean(in, strlen(in), out, outsz, &used);
	assert_int_equal(used, strlen(in));
	return out;
}

static void
keeps_text_tab_lf_cr_and_letters(void **state)
{
	char out[128];

	(void)state;
	assert_string_equal(clean("åäö <b> & \"x\"\t\n\r", out, sizeof(out)),
	    "åäö <b> & \"x\"\t\n\r");
	/* RTL marks and an emoji are characters XML allows. */
	assert_string_equal(clean("a\xE2\x80\x8F" "b\xF0\x9F\x98\x80", out,
	    sizeof(out)), "a\xE2\x80\x8F" "b\xF0\x9F\x98\x80");
}

static void
drops_control_characters(void **state)
{
	char out[128];

	(void)state;
	assert_string_equal(clean("a\x01" "b\x0B" "c\x1F" "d\x7F" "e", out,
	    sizeof(out)), "abcde");
	/* C1 (U+0085, U+009F) and the non-characters U+FFFE, U+FFFF. */
	assert_string_equal(clean("x\xC2\x85y\xC2\x9Fz\xEF\xBF\xBEw\xEF\xBF\xBF",
	    out, sizeof(out)), "xyzw");
}

static void
replaces_invalid_utf8(void **state)
{
	char out[128];

	(void)state;
	/* A stray continuation byte, an overlong '/', a surrogate, past
	 * U+10FFFF and a sequence cut at the end: U+FFFD for each bad byte. */
	assert_string_equal(clean("a\x80" "b", out, sizeof(out)),
	    "a\xEF\xBF\xBD" "b");
	assert_string_equal(clean("\xC0\xAF", out, sizeof(out)),
	    "\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(clean("\xED\xA0\x80", out, sizeof(out)),
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(clean("\xF4\x90\x80\x80", out, sizeof(out)),
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(clean("z\xC3", out, sizeof(out)), "z\xEF\xBF\xBD");
}

static void
never_cuts_a_character(void **state)
{
	char	 out[6];
	size_t	 used, n;

	(void)state;
	/* "aåå": room for "aå" and the NUL only. */
	n = docx_xml_clean("a\xC3\xA5\xC3\xA5", 5, out, 5, &used);
	assert_int_equal(n, 3);
	assert_int_equal(used, 3);
	assert_string_equal(out, "a\xC3\xA5");
	/* The rest in a second call. */
	n = docx_xml_clean("\xC3\xA5", 2, out, 5, &used);
	assert_int_equal(n, 2);
	assert_int_equal(used, 2);
}

static void
answer_names_are_ascii(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_non_null(a);
	assert_string_equal(answer_org_slug(a, "Laholms kommun"),
	    "laholms-kommun");
	assert_string_equal(answer_org_slug(a, "Ängelholms kommun"),
	    "angelholms-kommun");
	assert_string_equal(answer_org_slug(a, "  Region Örebro län (RÖL) "),
	    "region-orebro-lan-rol");
	assert_string_equal(answer_org_slug(a, "Škoda & Co"), "koda-co");
	assert_string_equal(answer_org_slug(a, "\"/\\"), "organisation");
	assert_string_equal(answer_doc_filename(a, "ok-2025", "Halmstads "
	    "kommun", 2, "docx"), "ok-2025-remissvar-halmstads-kommun-v2.docx");
	assert_string_equal(answer_doc_filename(a, "ok-2025", "Höganäs", 0,
	    "pdf"), "ok-2025-remissvar-hoganas-utkast.pdf");
	assert_true(strlen(answer_org_slug(a, "abcdefghij abcdefghij "
	    "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij")) <= 60);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_text_tab_lf_cr_and_letters),
		cmocka_unit_test(drops_control_characters),
		cmocka_unit_test(replaces_invalid_utf8),
		cmocka_unit_test(never_cuts_a_character),
		cmocka_unit_test(answer_names_are_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
