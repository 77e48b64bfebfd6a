/* test_extract.c: the document reader's pure parts: PDF lines joined into paragraphs by their
 * geometry, DOCX and ODT text walked from small in-memory parts, the writer's cleaning, and
 * the refusals (a DTD, a part over the limits, a zip entry bigger than it says). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zip.h>

#include "reader/extract.h"
#include "reader/extract_xml.h"
#include "reader/pdf_paras.h"
#include "reader/textout.h"
#include "reader/zipread.h"
#include "util/arena.h"
#include "util/buf.h"
#include "fixtures.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define ODT_OPEN "<office:document-content " \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">" \
    "<office:body><office:text>"
#define ODT_CLOSE "</office:text></office:body></office:document-content>"

/* A line of 12 pt type at y top, from x 72 to right. */
static struct pdf_line
line(const char *s, double top, double right)
{
	struct pdf_line l = { s, strlen(s), 72, right, top, top + 12 };

	return l;
}

static const char *
paras(struct arena *a, const struct pdf_line *l, size_t n)
{
	struct buf	 b;
	struct textout	 t;

	buf_init(&b, a);
	textout_init(&t, &b, 1 << 20);
	pdf_paras_write(&t, l, n);
	return b.len > 0 ? b.data : "";
}

static void
test_pdf_lines_of_one_paragraph_stay_together_as_lines(void **state)
{
	struct pdf_line l[] = {
		line("Kommunen tillstyrker förslaget om", 100, 520),
		line("ett gemensamt ansvar för hemsjukvården", 114, 522),
		line("och vill se en tydlig finansiering.", 128, 400),
	};

	assert_string_equal(paras(*state, l, 3), "Kommunen tillstyrker "
	    "förslaget om\nett gemensamt ansvar för hemsjukvården\noch vill "
	    "se en tydlig finansiering.");
}

static void
test_pdf_wider_gap_starts_a_paragraph(void **state)
{
	struct pdf_line l[] = {
		line("Första stycket, första raden som är lång", 100, 520),
		line("och den andra raden som också är lång.", 114, 520),
		line("Andra stycket börjar efter ett mellanrum", 140, 520),
		line("och fortsätter på nästa rad i texten.", 154, 520),
	};

	assert_string_equal(paras(*state, l, 4), "Första stycket, första "
	    "raden som är lång\noch den andra raden som också är lång.\n\n"
	    "Andra stycket börjar efter ett mellanrum\noch fortsätter på "
	    "nästa rad i texten.");
}

static void
test_pdf_paragraph_gaps_outnumbering_line_gaps_still_part(void **state)
{
	/* A letter of short paragraphs: most gaps are between paragraphs. */
	struct pdf_line l[] = {
		line("Kungsbacka kommun, kommunstyrelsen, yttrande", 100, 520),
		line("Yttrande över ny överenskommelse för hemsjukvård", 126, 520),
		line("Kommunstyrelsen beslutade den 12 mars 2025 att", 152, 520),
		line("tillstyrka förslaget med ändringar i sin helhet.", 166, 518),
		line("Diarienummer KS 2025/118 för ärendet i kommunen", 192, 520),
		line("Finansieringen är inte rimlig för kommunerna nu", 218, 520),
	};

	assert_string_equal(paras(*state, l, 6), "Kungsbacka kommun, "
	    "kommunstyrelsen, yttrande\n\nYttrande över ny överenskommelse "
	    "för hemsjukvård\n\nKommunstyrelsen beslutade den 12 mars 2025 "
	    "att\ntillstyrka förslaget med ändringar i sin helhet.\n\n"
	    "Diarienummer KS 2025/118 för ärendet i kommunen\n\n"
	    "Finansieringen är inte rimlig för kommunerna nu");
}

static void
test_pdf_short_line_heading_and_numbered_section_part(void **state)
{
	struct pdf_line l[] = {
		line("Yttrande", 80, 150),
		line("3.3 Hemsjukvård", 94, 200),
		line("Kommunen tillstyrker förslaget om ett gemensamt", 108, 520),
		line("ansvar.", 122, 120),
		line("- en punkt i en lista som är ganska lång här", 136, 520),
	};

	assert_string_equal(paras(*state, l, 5), "Yttrande\n\n3.3 Hemsjukvård"
	    "\n\nKommunen tillstyrker förslaget om ett gemensamt\nansvar.\n\n"
	    "- en punkt i en lista som är ganska lång här");
}

static void
test_pdf_blank_line_and_new_column_part(void **state)
{
	struct pdf_line l[] = {
		line("Vänster spalt, rad ett som är lång nog", 100, 520),
		line("", 0, 0),
		line("Efter en tom rad, lång nog att fylla", 114, 520),
		line("Höger spalt börjar högre upp på sidan", 60, 520),
	};

	assert_string_equal(paras(*state, l, 4), "Vänster spalt, rad ett som "
	    "är lång nog\n\nEfter en tom rad, lång nog att fylla\n\nHöger "
	    "spalt börjar högre upp på sidan");
}

static void
test_pdf_larger_type_is_a_heading(void **state)
{
	struct pdf_line l[] = {
		{ "Sammanfattning av yttrandet i stort", 35, 72, 520, 80, 100 },
		line("Kommunen är positiv till förslaget i", 102, 520),
	};

	assert_string_equal(paras(*state, l, 2), "Sammanfattning av yttrandet "
	    "i stort\n\nKommunen är positiv till förslaget i");
}

static const char *
writer(struct arena *a, const char *in, size_t max, int *over)
{
	struct buf	 b;
	struct textout	 t;

	buf_init(&b, a);
	textout_init(&t, &b, max);
	textout_text(&t, in, strlen(in));
	textout_para_end(&t);
	*over = t.over;
	return b.len > 0 ? b.data : "";
}

static void
test_writer_collapses_space_and_drops_controls(void **state)
{
	int over;

	/* NBSP and tab are spaces; soft hyphen, BEL, zero-width space go;
	 * a lone 0xff byte becomes U+FFFD. */
	assert_string_equal(writer(*state, "  a\xc2\xa0\tb\xc2\xad" "c\x07"
	    "d\xe2\x80\x8b" "e \xff  ", 100, &over), "a bcde \xef\xbf\xbd");
	assert_false(over);
}

static void
test_writer_stops_at_its_cap(void **state)
{
	int over;

	assert_string_equal(writer(*state, "abcdefgh", 5, &over), "abcde");
	assert_true(over);
}

static const char *
docx(struct arena *a, const char *body, enum extract_status *st)
{
	struct buf	 b;
	const char	*xml;

	xml = arena_printf(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<w:document " W "><w:body>%s</w:body></w:document>", body);
	buf_init(&b, a);
	*st = extract_docx_xml(xml, strlen(xml), &b);
	return b.len > 0 ? b.data : "";
}

static void
test_docx_paragraphs_runs_tabs_breaks_and_cells(void **state)
{
	enum extract_status st;

	assert_string_equal(docx(*state,
	    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"
	    "<w:r><w:t>3.3 Hemsjuk</w:t></w:r><w:r><w:t>vård</w:t></w:r></w:p>"
	    "<w:p><w:r><w:t xml:space=\"preserve\">Vi </w:t></w:r>"
	    "<w:ins><w:r><w:t>tillstyrker</w:t></w:r></w:ins>"
	    "<w:del><w:r><w:delText>avstyrker</w:delText></w:r></w:del>"
	    "<w:r><w:tab/><w:t>förslaget.</w:t><w:br/><w:t>Ny rad.</w:t>"
	    "</w:r></w:p>"
	    "<w:p/>"
	    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell ett</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:fldChar/><w:instrText>PAGE</w:instrText>"
	    "<w:t>Cell två</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
	    "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
	    "<w:p><w:r><w:t>Sidan två</w:t></w:r></w:p>", &st),
	    "3.3 Hemsjukvård\n\nVi tillstyrker förslaget.\nNy rad.\n\n"
	    "Cell ett\n\nCell två\n\n\f\n\nSidan två");
	assert_int_equal(st, EXTRACT_OK);
}

static void
test_docx_text_box_is_read_once_not_again_from_its_fallback(void **state)
{
	enum extract_status st;

	assert_string_equal(docx(*state,
	    "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas."
	    "openxmlformats.org/markup-compatibility/2006\"><mc:Choice "
	    "Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>I rutan</w:t>"
	    "</w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback>"
	    "<w:txbxContent><w:p><w:r><w:t>I rutan</w:t></w:r></w:p>"
	    "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"
	    "<w:p><w:r><w:t>Efter</w:t></w:r></w:p>", &st),
	    "I rutan\n\nEfter");
	assert_int_equal(st, EXTRACT_OK);
}

static void
test_docx_with_a_doctype_is_refused(void **state)
{
	const char	*xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e "
	    "\"x\">]><w:document " W "><w:body><w:p><w:r><w:t>&e;</w:t></w:r>"
	    "</w:p></w:body></w:document>";
	struct buf	 b;

	buf_init(&b, *state);
	assert_int_equal(extract_docx_xml(xml, strlen(xml), &b),
	    EXTRACT_CORRUPT);
	assert_int_equal(b.len, 0);
}

static void
test_docx_of_another_vocabulary_is_refused(void **state)
{
	const char	*xml = "<document><p>text</p></document>";
	struct buf	 b;

	buf_init(&b, *state);
	assert_int_equal(extract_docx_xml(xml, strlen(xml), &b),
	    EXTRACT_CORRUPT);
}

static const char *
odt(struct arena *a, const char *body, enum extract_status *st)
{
	struct buf	 b;
	const char	*xml;

	xml = arena_printf(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    ODT_OPEN "%s" ODT_CLOSE, body);
	buf_init(&b, a);
	*st = extract_odt_xml(xml, strlen(xml), &b);
	return b.len > 0 ? b.data : "";
}

static void
test_odt_headings_spaces_lists_tables_and_notes(void **state)
{
	enum extract_status st;

	assert_string_equal(odt(*state,
	    "<text:h text:outline-level=\"1\">Yttrande</text:h>\n"
	    "<text:p>Kommunen<text:s text:c=\"3\"/>avstyrker<text:tab/>"
	    "<text:span>förslaget</text:span><text:note><text:note-body>"
	    "<text:p>Fotnot</text:p></text:note-body></text:note>."
	    "<text:line-break/>Andra raden.</text:p>\n"
	    "<text:list><text:list-item><text:p>Punkt ett</text:p>"
	    "</text:list-item><text:list-item><text:p>Punkt två</text:p>"
	    "</text:list-item></text:list>"
	    "<table:table><table:table-row><table:table-cell><text:p>A1"
	    "</text:p></table:table-cell><table:table-cell><text:p>B1</text:p>"
	    "</table:table-cell></table:table-row></table:table>"
	    "<text:p>   </text:p>"
	    "<text:h><text:number>3.3</text:number>Tröskelprincipen</text:h>", &st),
	    "Yttrande\n\nKommunen avstyrker förslaget.\nAndra raden.\n\n"
	    "Punkt ett\n\nPunkt två\n\nA1\n\nB1\n\n3.3 Tröskelprincipen");
	assert_int_equal(st, EXTRACT_OK);
}

/* A zip in memory holding one entry name of len bytes of 'a'. */
static void *
make_zip(const char *name, size_t len, size_t *outlen)
{
	zip_source_t	*src, *ent;
	zip_t		*z;
	zip_error_t	 err;
	zip_stat_t	 sb;
	char		*content, *out;

	zip_error_init(&err);
	assert_non_null(src = zip_source_buffer_create(NULL, 0, 0, &err));
	zip_source_keep(src);
	assert_non_null(z = zip_open_from_source(src, ZIP_TRUNCATE, &err));
	assert_non_null(content = malloc(len));
	memset(content, 'a', len);
	assert_non_null(ent = zip_source_buffer(z, content, len, 1));
	assert_true(zip_file_add(z, name, ent, 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &sb), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_non_null(out = malloc(sb.size));
	assert_int_equal(zip_source_read(src, out, sb.size), (zip_int64_t)sb.size);
	zip_source_close(src);
	zip_source_free(src);
	*outlen = sb.size;
	return out;
}

static void
test_zip_entry_over_the_limit_is_refused_unread(void **state)
{
	size_t		 zlen, got;
	void		*z;
	char		*out;

	(void)state;
	/* 1 MB of 'a' deflates to a few kB: a small bomb. */
	z = make_zip("word/document.xml", 1 << 20, &zlen);
	assert_true(zlen < 20000);
	assert_int_equal(zipread_entry(z, zlen, "word/document.xml", 4096,
	    &out, &got), EXTRACT_TOO_LARGE);
	assert_null(out);
	assert_int_equal(zipread_entry(z, zlen, "word/document.xml", 1 << 20,
	    &out, &got), EXTRACT_OK);
	assert_int_equal(got, 1 << 20);
	free(out);
	assert_int_equal(zipread_entry(z, zlen, "content.xml", 1 << 20,
	    &out, &got), EXTRACT_CORRUPT);
	assert_int_equal(zipread_entry("PK\3\4nonsense", 12, "content.xml",
	    1 << 20, &out, &got), EXTRACT_CORRUPT);
	free(z);
}

static void
test_kind_is_by_content(void **state)
{
	struct buf b;

	buf_init(&b, *state);
	assert_int_equal(extract_kind("%PDF-1.7\n", 9), EXTRACT_KIND_PDF);
	assert_int_equal(extract_kind("\x89PNG\r\n\x1a\n....", 12),
	    EXTRACT_KIND_NONE);
	assert_int_equal(extract_any("\x89PNG\r\n\x1a\n....", 12, &b),
	    EXTRACT_UNSUPPORTED);
	assert_int_equal(extract_any("%PDF-1.7\nbroken", 15, &b),
	    EXTRACT_CORRUPT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pdf_lines_of_one_paragraph_stay_together_as_lines, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_pdf_wider_gap_starts_a_paragraph, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_pdf_paragraph_gaps_outnumbering_line_gaps_still_part, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_pdf_short_line_heading_and_numbered_section_part, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_pdf_blank_line_and_new_column_part, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_pdf_larger_type_is_a_heading, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_writer_collapses_space_and_drops_controls, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_writer_stops_at_its_cap, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_docx_paragraphs_runs_tabs_breaks_and_cells, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_docx_text_box_is_read_once_not_again_from_its_fallback, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_docx_with_a_doctype_is_refused, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_docx_of_another_vocabulary_is_refused, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_odt_headings_spaces_lists_tables_and_notes, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_zip_entry_over_the_limit_is_refused_unread, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_kind_is_by_content, fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests(tests, fx_xml_group_setup,
	    fx_xml_group_teardown);
}
