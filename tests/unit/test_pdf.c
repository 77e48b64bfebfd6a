/* test_pdf.c: the PDF engine's pure parts (text cleaning, page breaks, the /Lang update) and a
 * document written end to end in memory. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "export/sink.h"
#include "pdf/paginate.h"
#include "pdf/pdfdoc.h"
#include "pdf/pdflang.h"
#include "pdf/pdftext.h"
#include "util/arena.h"
#include "util/buf.h"
#include "fixtures.h"

#define FFFD	"\xEF\xBF\xBD"

/* --- pdf_text_clean ------------------------------------------------------ */

static void
clean_keeps_swedish_and_makes_every_line_break_lf(void **state)
{
	struct arena	*a = *state;

	assert_string_equal(pdf_text_clean(a, "Åäö ÅÄÖ é\r\nrad två\rtre"
	    "\xC2\x85" "fyra\xE2\x80\xA8" "fem\xE2\x80\xA9sex", true),
	    "Åäö ÅÄÖ é\nrad två\ntre\nfyra\nfem\nsex");
	/* A heading or a label is one line: breaks and tabs are spaces. */
	assert_string_equal(pdf_text_clean(a, "3.3\tTröskel\r\nprincipen",
	    false), "3.3 Tröskel principen");
	assert_null(pdf_text_clean(a, NULL, true));
	assert_string_equal(pdf_text_clean(a, "", true), "");
}

static void
clean_replaces_control_characters_and_bad_utf8(void **state)
{
	struct arena	*a = *state;

	assert_string_equal(pdf_text_clean(a, "a\x01" "b\x1B[31mc\x7F" "d",
	    true), "a" FFFD "b" FFFD "[31mc" FFFD "d");
	/* C1 controls (U+0080-U+009F) other than NEL. */
	assert_string_equal(pdf_text_clean(a, "x\xC2\x80y\xC2\x9Fz", true),
	    "x" FFFD "y" FFFD "z");
	/* Ill-formed UTF-8: a stray continuation, an overlong, a cut
	 * sequence, a surrogate: one U+FFFD per byte. */
	assert_string_equal(pdf_text_clean(a, "\x80" "a\xC0\xAF" "b\xED\xA0\x80"
	    "c\xE2\x82", true), FFFD "a" FFFD FFFD "b" FFFD FFFD FFFD "c"
	    FFFD FFFD);
}

static void
clean_drops_bidi_overrides_and_keeps_marks(void **state)
{
	struct arena	*a = *state;

	/* RLO ... PDF would show "tillstyrker" reversed; LRI/PDI isolates,
	 * LRE/RLE embeddings go too. RLM (U+200F) and Hebrew stay. */
	assert_string_equal(pdf_text_clean(a, "Vi \xE2\x80\xAE" "tillstyrker"
	    "\xE2\x80\xAC inte \xE2\x81\xA6x\xE2\x81\xA9 \xE2\x80\xAAy\xE2\x80\xAB"
	    "z \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", true),
	    "Vi tillstyrker inte x yz \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
}

/* --- paginate --------------------------------------------------------------- */

static void
a_paragraph_breaks_between_lines(void **state)
{
	struct pg_block	 b[1] = { { .nlines = 10 } };
	double		 h[10];
	struct pg_place	 out[10];
	size_t		 i;

	(void)state;
	for (i = 0; i < 10; i++)
		h[i] = 10;
	assert_int_equal(paginate(b, 1, h, 55, out), 2);
	for (i = 0; i < 5; i++) {
		assert_int_equal(out[i].page, 0);
		assert_true(out[i].y == 10.0 * (double)i);
	}
	for (i = 5; i < 10; i++) {
		assert_int_equal(out[i].page, 1);
		assert_true(out[i].y == 10.0 * (double)(i - 5));
	}
	assert_int_equal(paginate(b, 1, h, 0, out), 0);
}

static void
space_before_is_dropped_at_the_top_of_a_page(void **state)
{
	struct pg_block	 b[2] = {
		{ .nlines = 5, .space_before = 7 },
		{ .nlines = 2, .space_before = 7 },
	};
	double		 h[7] = { 10, 10, 10, 10, 10, 10, 10 };
	struct pg_place	 out[7];

	(void)state;
	/* The first block starts the document at the top, without its
	 * space; the second does not fit (50 + 7 + 20 > 60) and starts the
	 * next page at its top. */
	assert_int_equal(paginate(b, 2, h, 60, out), 2);
	assert_true(out[0].y == 0);
	assert_int_equal(out[5].page, 1);
	assert_true(out[5].y == 0);
	/* With room, the space is there. */
	assert_int_equal(paginate(b, 2, h, 100, out), 1);
	assert_true(out[5].y == 57);
}

static void
a_heading_goes_with_the_first_lines_after_it(void **state)
{
	struct pg_block	 b[3] = {
		{ .nlines = 8 },
		{ .nlines = 1, .space_before = 5, .keep_with_next = true },
		{ .nlines = 4, .space_before = 2 },
	};
	double		 h[13] = { 10, 10, 10, 10, 10, 10, 10, 10, 15, 10, 10,
	    10, 10 };
	struct pg_place	 out[13];

	(void)state;
	/* The heading itself would fit (80 + 5 + 15 <= 100), the first two
	 * lines of its paragraph not: it moves to the next page. */
	assert_int_equal(paginate(b, 3, h, 100, out), 2);
	assert_int_equal(out[7].page, 0);
	assert_int_equal(out[8].page, 1);
	assert_true(out[8].y == 0);
	assert_int_equal(out[9].page, 1);
	assert_true(out[9].y == 17);
	/* With room for the heading and two lines (but not all four), it
	 * stays, and the paragraph breaks after them. */
	assert_int_equal(paginate(b, 3, h, 124, out), 2);
	assert_int_equal(out[8].page, 0);
	assert_int_equal(out[10].page, 0);
	assert_int_equal(out[11].page, 1);
}

static void
a_chain_of_headings_moves_together(void **state)
{
	struct pg_block	 b[4] = {
		{ .nlines = 7 },
		{ .nlines = 1, .keep_with_next = true },	/* heading */
		{ .nlines = 1, .keep_with_next = true },	/* label */
		{ .nlines = 3 },
	};
	double		 h[12] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
	    10 };
	struct pg_place	 out[12];

	(void)state;
	/* 70 + heading + label = 90 fits, + two lines does not: both go. */
	assert_int_equal(paginate(b, 4, h, 100, out), 2);
	assert_int_equal(out[7].page, 1);
	assert_int_equal(out[8].page, 1);
	assert_int_equal(out[9].page, 1);
}

static void
no_first_line_alone_at_the_bottom(void **state)
{
	struct pg_block	 b[2] = { { .nlines = 9 }, { .nlines = 5 } };
	double		 h[14];
	struct pg_place	 out[14];
	size_t		 i;

	(void)state;
	for (i = 0; i < 14; i++)
		h[i] = 10;
	/* One line of room left: the paragraph starts on the next page. */
	assert_int_equal(paginate(b, 2, h, 100, out), 2);
	assert_int_equal(out[9].page, 1);
	/* A one-line paragraph may take the last line. */
	b[1].nlines = 1;
	assert_int_equal(paginate(b, 2, h, 100, out), 1);
	assert_int_equal(out[9].page, 0);
}

static void
a_kept_row_moves_whole_unless_it_is_higher_than_a_page(void **state)
{
	struct pg_block	 b[2] = {
		{ .nlines = 6 },
		{ .nlines = 3, .keep_together = true },
	};
	double		 h[9] = { 10, 10, 10, 10, 10, 10, 10, 10, 10 };
	struct pg_place	 out[9];

	(void)state;
	assert_int_equal(paginate(b, 2, h, 80, out), 2);
	assert_int_equal(out[6].page, 1);
	assert_int_equal(out[8].page, 1);
	/* Higher than a page: it starts where it is and breaks. */
	b[0].nlines = 1;
	h[1] = h[2] = h[3] = 12;
	assert_int_equal(paginate(b, 2, h, 35, out), 2);
	assert_int_equal(out[1].page, 0);
	assert_true(out[1].y == 10);
	assert_int_equal(out[2].page, 0);
	assert_int_equal(out[3].page, 1);
}

static void
a_line_higher_than_a_page_gets_a_page_of_its_own(void **state)
{
	struct pg_block	 b[1] = { { .nlines = 3 } };
	double		 h[3] = { 10, 500, 10 };
	struct pg_place	 out[3];

	(void)state;
	assert_int_equal(paginate(b, 1, h, 100, out), 3);
	assert_int_equal(out[0].page, 0);
	assert_int_equal(out[1].page, 1);
	assert_int_equal(out[2].page, 2);
}

/* --- pdf_lang_update ---------------------------------------------------- */

/* A PDF shaped as cairo writes one, startxref pointing at its table. */
static char *
mini_pdf(struct arena *a, const char *catalog_extra)
{
	char	*head, *pdf;

	head = arena_printf(a, "%%PDF-1.5\n%%\xB5\xED\xAE\xFB\n"
	    "1 0 obj\n<< /Type /Pages /Kids [ ] /Count 0 >>\nendobj\n"
	    "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n%s>>\nendobj\n",
	    catalog_extra);
	pdf = arena_printf(a, "%sxref\n0 3\n0000000000 65535 f \n"
	    "0000000015 00000 n \n0000000070 00000 n \ntrailer\n"
	    "<< /Size 3\n   /Root 2 0 R\n>>\nstartxref\n%zu\n%%%%EOF\n",
	    head, strlen(head));
	return pdf;
}

static void
lang_is_added_by_an_incremental_update(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	char		*pdf, *all, *p, *e, want[128];
	size_t		 len, xref;

	pdf = mini_pdf(a, "   /Outlines << /Count 0 (a >> string) >>\n");
	len = strlen(pdf);
	buf_init(&b, a);
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)pdf, len,
	    "sv-SE"), 1);
	all = arena_printf(a, "%s%s", pdf, b.data);
	/* The catalog again, whole (the nested dictionary and the string
	 * with ">>" in it too), with /Lang. */
	assert_non_null(strstr(b.data, "2 0 obj\n<< /Type /Catalog\n   /Pages "
	    "1 0 R\n   /Outlines << /Count 0 (a >> string) >>\n   /Lang "
	    "(sv-SE)\n>>\nendobj\n"));
	assert_true(strncmp(b.data, "2 0 obj", 7) == 0);
	/* Its xref entry gives its offset, 20 bytes per entry. */
	snprintf(want, sizeof(want), "xref\n0 1\n0000000000 65535 f \n2 1\n"
	    "%010zu 00000 n \ntrailer\n", len);
	assert_non_null(strstr(b.data, want));
	/* The trailer points back at the first table; startxref at the new
	 * one. */
	p = strstr(pdf, "startxref\n") + 10;
	e = strchr(p, '\n');
	assert_non_null(strstr(b.data, arena_printf(a, "/Prev %.*s\n",
	    (int)(e - p), p)));
	xref = (size_t)(strstr(all + len, "xref\n") - all);
	assert_non_null(strstr(b.data, arena_printf(a, "startxref\n%zu\n%%%%EOF\n",
	    xref)));
	/* An updated file has /Prev: not touched twice. */
	buf_init(&b, a);
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)all,
	    strlen(all), "sv-SE"), -1);
}

static void
lang_refuses_what_it_does_not_understand(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	char		*pdf;

	buf_init(&b, a);
	pdf = mini_pdf(a, "   /Lang (en)\n");
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)pdf,
	    strlen(pdf), "sv-SE"), 0);
	assert_int_equal(b.len, 0);
	pdf = mini_pdf(a, "");
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)pdf,
	    strlen(pdf), "sv) /OpenAction (x"), -1);
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)"hello",
	    5, "sv"), -1);
	/* Cut before the trailer ends. */
	assert_int_equal(pdf_lang_update(&b, (const unsigned char *)pdf,
	    (size_t)(strstr(pdf, "/Root") - pdf), "sv"), -1);
}

/* --- pdfdoc, end to end --------------------------------------------------- */

static int
buf_sink_write(void *ctx, const void *p, size_t n)
{
	return buf_append(ctx, p, n);
}

/* Writes d into b; returns the page count or -1. */
static int
write_doc(struct pdfdoc *d, struct buf *b)
{
	struct export_sink	 s = { buf_sink_write, b };

	return pdfdoc_write(d, &s);
}

static void
a_long_document_has_pages_and_metadata(void **state)
{
	struct arena		*a = *state;
	struct pdfdoc_info	 info = {
		.title = "Remissvar: Hemsjukvård i Halland",
		.author = "Laholms kommun", .header = "Laholms kommun",
		.created = "2024-05-21T14:03:11+02:00",
		.marking = "Utkast, inte inskickat",
	};
	struct pdfdoc		*d;
	struct buf		 b;
	char			*text;
	size_t			 i;

	assert_non_null(d = pdfdoc_new(&info));
	assert_int_equal(pdfdoc_add(d, PDF_TITLE, info.title), 0);
	assert_int_equal(pdfdoc_fact(d, "Er beteckning", "RS 2024/112"), 0);
	assert_int_equal(pdfdoc_fact(d, "Saknas", NULL), 0);
	assert_int_equal(pdfdoc_add(d, PDF_HEADING, "3.3 Tröskelprincipen"), 0);
	assert_int_equal(pdfdoc_add(d, PDF_BODY, NULL), 0);
	/* 20 000 characters of words: several pages. */
	text = arena_alloc(a, 20001);
	for (i = 0; i < 20000; i++)
		text[i] = i % 7 == 6 ? ' ' : (char)('a' + (char)(i % 7));
	assert_int_equal(pdfdoc_add(d, PDF_BODY, text), 0);
	buf_init(&b, a);
	assert_true(write_doc(d, &b) >= 4);
	pdfdoc_free(d);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "%PDF-", 5);
	assert_non_null(memmem(b.data, b.len, "/Lang (sv-SE)", 13));
	assert_non_null(memmem(b.data, b.len, "/Title", 6));
	assert_non_null(memmem(b.data, b.len, "/Creator (remissvar", 19));
	/* cairo 1.16 writes the date without its "D:" prefix. */
	assert_non_null(memmem(b.data, b.len, "/CreationDate (20240521140311"
	    "+02'00)", 35));
	assert_memory_equal(b.data + b.len - 6, "%%EOF\n", 6);
}

static void
a_short_document_is_one_page_and_an_empty_one_too(void **state)
{
	struct arena		*a = *state;
	struct pdfdoc_info	 info = { .title = "Kvittens 2024-000017" };
	struct pdfdoc		*d;
	struct buf		 b;

	assert_non_null(d = pdfdoc_new(&info));
	pdfdoc_add(d, PDF_TITLE, "Kvittens");
	pdfdoc_fact(d, "Kvittensnummer", "2024-000017");
	buf_init(&b, a);
	assert_int_equal(write_doc(d, &b), 1);
	pdfdoc_free(d);
	assert_non_null(d = pdfdoc_new(&info));
	buf_init(&b, a);
	assert_int_equal(write_doc(d, &b), 1);
	pdfdoc_free(d);
}

static void
hostile_text_is_laid_out(void **state)
{
	struct arena		*a = *state;
	struct pdfdoc_info	 info = { .title = "x\x01\xE2\x80\xAE" "y" };
	struct pdfdoc		*d;
	struct buf		 b;
	char			*word;

	assert_non_null(d = pdfdoc_new(&info));
	pdfdoc_add(d, PDF_HEADING, "\xE2\x80\xAE\xE2\x80\xAE\xE2\x80\xAE"
	    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A");
	pdfdoc_add(d, PDF_BODY, "\x01\x02\x03\x1B\x7F\xC2\x80\xFF\xFE\r\r\n\n"
	    "\xE2\x80\x8F\xE2\x80\x8E\xE2\x81\xA7\xEF\xBF\xBF\xF0\x9F\x98\x80");
	/* One word of 30 000 letters breaks inside the word. */
	word = arena_alloc(a, 30001);
	memset(word, 'W', 30000);
	pdfdoc_add(d, PDF_BODY, word);
	pdfdoc_fact(d, word, word);
	buf_init(&b, a);
	assert_true(write_doc(d, &b) > 2);
	pdfdoc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    clean_keeps_swedish_and_makes_every_line_break_lf,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    clean_replaces_control_characters_and_bad_utf8,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    clean_drops_bidi_overrides_and_keeps_marks,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test(a_paragraph_breaks_between_lines),
		cmocka_unit_test(space_before_is_dropped_at_the_top_of_a_page),
		cmocka_unit_test(a_heading_goes_with_the_first_lines_after_it),
		cmocka_unit_test(a_chain_of_headings_moves_together),
		cmocka_unit_test(no_first_line_alone_at_the_bottom),
		cmocka_unit_test(
		    a_kept_row_moves_whole_unless_it_is_higher_than_a_page),
		cmocka_unit_test(
		    a_line_higher_than_a_page_gets_a_page_of_its_own),
		cmocka_unit_test_setup_teardown(
		    lang_is_added_by_an_incremental_update,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    lang_refuses_what_it_does_not_understand,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    a_long_document_has_pages_and_metadata,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    a_short_document_is_one_page_and_an_empty_one_too,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(hostile_text_is_laid_out,
		    fx_arena_setup, fx_arena_teardown),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	pdfdoc_library_cleanup();
	return rc;
}
