/* test_export.c: the export writers on a made-up remiss: CSV quoting, counts in words, well-formed HTML, a valid ODT package. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <zip.h>

#include "export/chart.h"
#include "export/csv.h"
#include "export/export.h"
#include "export/html_export.h"
#include "export/model.h"
#include "export/odt.h"
#include "util/arena.h"
#include "views/dates.h"

/* A growing byte string as a sink. */
struct mem {
	char	*p;
	size_t	 len;
};

static int
mem_write(void *ctx, const void *p, size_t n)
{
	struct mem *m = ctx;
	char *q;

	if ((q = realloc(m->p, m->len + n + 1)) == NULL)
		return -1;
	memcpy(q + m->len, p, n);
	m->len += n;
	q[m->len] = '\0';
	m->p = q;
	return 0;
}

static struct export_org orgs[] = {
	{ 1, "Halmstads kommun", "kommun", "", "2", "2024-05-21T14:03:11+02:00",
	    "2024-000017", POS_TILLSTYRKER_MED_ANDRINGAR, "" },
	{ 2, "Hylte <kommun> & co", "kommun", "", "", "", "", POS_NONE, "" },
};
static struct export_section_head secs[] = {
	{ 10, "3.3", "Tröskelprincipen", { { 0, 0, 1, 0, 0 } } },
};
static struct export_head head = {
	.remiss_id = 1, .slug = "ok-test", .title = "Överenskommelse \"test\"",
	.sender = "Region Halland", .diarienummer = "RS 2024/1",
	.description = "Första stycket.\n\nAndra stycket.", .opens = "2024-04-01",
	.closes = "2024-05-22", .status = "oppen",
	.created = "2024-05-23T10:00:00+02:00", .orgs = orgs, .norgs = 2,
	.nanswered = 1, .sections = secs, .nsections = 1,
};
static struct export_answer answers[] = {
	{ &orgs[0], POS_TILLSTYRKER_MED_ANDRINGAR, "Ja, men: \"så här\".\nNy rad.",
	    "", "Mer arbete", "", "", "", "Finansiering; Läkare" },
};
static struct export_mark marks[] = {
	{ "Halmstads kommun", "Finansiering", "Ja, men", "0", "7", "", "Gunnel",
	    "2024-05-24T09:00:00+02:00" },
};
static struct export_section sec = {
	.index = 0, .head = &secs[0], .body = "Förslaget <b>i</b> text.",
	.answers = answers, .nanswers = 1, .marks = marks, .nmarks = 1,
	.summary = "En av en remissinstans.", .summary_refs = "Halmstads kommun",
	.decision = "andrad", .decision_text = "Förslaget i ny text.",
	.decision_motivation = "Därför.", .decision_status = "klar",
};

/* Runs a writer over the made-up remiss. */
static int
run(const struct export_writer *wr, void *w)
{
	static const struct export_theme themes[] = {
		{ "Finansiering", "", "Pengar", "1", "Kostnaderna <delas>.",
		    "Halmstads kommun (3.3)" },
	};
	static const struct export_new_section news[] = {
		{ "3.4", "Uppföljning", "Ny text.", "Behövs.", "utkast" },
	};

	if ((wr->begin != NULL && wr->begin(w, &head) == -1) ||
	    (wr->section != NULL && wr->section(w, &head, &sec) == -1) ||
	    (wr->marks_overall != NULL && wr->marks_overall(w, &head, NULL,
	    0) == -1) ||
	    (wr->themes != NULL && wr->themes(w, &head, themes, 1) == -1) ||
	    (wr->new_sections != NULL && wr->new_sections(w, &head, news,
	    1) == -1) ||
	    (wr->end != NULL && wr->end(w, &head) == -1))
		return -1;
	return 0;
}

static void
csv_quotes_only_what_needs_it(void **state)
{
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };

	(void)state;
	assert_int_equal(csv_field(&s, "plain", false), 0);
	assert_int_equal(csv_field(&s, "a,b", false), 0);
	assert_int_equal(csv_field(&s, "say \"hi\"", false), 0);
	assert_int_equal(csv_field(&s, "two\nlines", false), 0);
	assert_int_equal(csv_field(&s, NULL, false), 0);
	assert_int_equal(csv_field(&s, "åäö", true), 0);
	assert_string_equal(m.p,
	    "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,åäö\r\n");
	free(m.p);
}

static void
csv_formula_fields_get_an_apostrophe(void **state)
{
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };

	(void)state;
	/* Every character OWASP lists, first in a field, opens as text. */
	assert_int_equal(csv_field(&s, "=HYPERLINK(\"http://x\")", false), 0);
	assert_int_equal(csv_field(&s, "+46 35 13 20 00", false), 0);
	assert_int_equal(csv_field(&s, "- punkt ett\n- punkt två", false), 0);
	assert_int_equal(csv_field(&s, "@SUM(A1)", false), 0);
	assert_int_equal(csv_field(&s, "\t=1", false), 0);
	assert_int_equal(csv_field(&s, "\r=1", false), 0);
	/* Ordinary Swedish text, also with those characters inside, is
	 * untouched; so is an empty field. */
	assert_int_equal(csv_field(&s, "Vi tillstyrker - med = och @", false), 0);
	assert_int_equal(csv_field(&s, "e-post", false), 0);
	assert_int_equal(csv_field(&s, "", false), 0);
	assert_int_equal(csv_field(&s, " =inte en formel", true), 0);
	assert_string_equal(m.p,
	    "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+46 35 13 20 00\","
	    "\"'- punkt ett\n- punkt två\",\"'@SUM(A1)\",\"'\t=1\","
	    "\"'\r=1\",Vi tillstyrker - med = och @,e-post,, =inte en formel\r\n");
	assert_true(csv_formula_risk("-"));
	assert_false(csv_formula_risk("Å"));
	assert_false(csv_formula_risk(""));
	assert_false(csv_formula_risk(NULL));
	free(m.p);
}

static void
csv_rows_cover_answering_organisations_only(void **state)
{
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };

	(void)state;
	assert_int_equal(run(&csv_answers_writer, &s), 0);
	assert_memory_equal(m.p, "\xEF\xBB\xBFremissinstans,typ,avsnitt,", 29);
	assert_non_null(strstr(m.p, "\r\nHalmstads kommun,kommun,3.3,"
	    "Tröskelprincipen,tillstyrker-med-andringar,\"Ja, men: \"\"så "
	    "här\"\".\nNy rad.\",,Mer arbete,,,,Finansiering; Läkare,2,"
	    "2024-05-21T14:03:11+02:00\r\n"));
	assert_null(strstr(m.p, "Hylte"));
	free(m.p);
	m.p = NULL;
	m.len = 0;
	assert_int_equal(run(&csv_marks_writer, &s), 0);
	assert_non_null(strstr(m.p, "\r\nHalmstads kommun,3.3,Finansiering,"
	    "\"Ja, men\",0,7,,Gunnel,2024-05-24T09:00:00+02:00\r\n"));
	free(m.p);
}

/* INTERFACES.md §5: an answer to a question is a row of its own, avsnitt
 * the question's section ("" for a remiss-wide question), rubrik the
 * question, every field of the answer in its column; an organisation that
 * answered the remiss but not the question gets a blank row. */
static void
csv_question_answers_are_rows(void **state)
{
	static struct export_org two[] = {
		{ 1, "Halmstads kommun", "kommun", "", "2",
		    "2024-05-21T14:03:11+02:00", "2024-000017", POS_TILLSTYRKER, "" },
		{ 2, "Hylte kommun", "kommun", "", "1",
		    "2024-05-20T09:00:00+02:00", "2024-000016", POS_TILLSTYRKER, "" },
	};
	static const struct export_answer qa[] = {
		{ &two[0], POS_NONE, "", "", "Fler läkarbesök.",
		    "Fler sjuksköterskor, \"dygnet runt\".", "", "", "Läkare" },
	};
	static const struct export_answer oa[] = {
		{ &two[1], POS_AVSTYRKER, "Nej.", "Ny lydelse.", "", "",
		    "Utbildning.", "=Journal", "" },
	};
	static const struct export_question qs[] = {
		{ "q1", "konsekvens", "Vad händer, för vem?", qa, 1 },
	};
	static const struct export_question overall[] = {
		{ "q9", "tidshorisont", "Och sedan?", oa, 1 },
	};
	struct export_head	 h = head;
	struct export_section	 one = sec;
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };

	(void)state;
	h.orgs = two;
	h.norgs = 2;
	h.nanswered = 2;
	one.nanswers = 0;
	one.questions = qs;
	one.nquestions = 1;
	assert_int_equal(csv_answers_writer.begin(&s, &h), 0);
	assert_int_equal(csv_answers_writer.section(&s, &h, &one), 0);
	assert_non_null(csv_answers_writer.questions_overall);
	assert_int_equal(csv_answers_writer.questions_overall(&s, &h, overall,
	    1), 0);
	assert_string_equal(m.p + 3,
	    "remissinstans,typ,avsnitt,rubrik,stallningstagande,kommentar,"
	    "forslag_till_lydelse,konsekvens_region,konsekvens_kommun,"
	    "kortsiktigt,langsiktigt,teman,version,mottagen\r\n"
	    "Halmstads kommun,kommun,3.3,Tröskelprincipen,,,,,,,,,2,"
	    "2024-05-21T14:03:11+02:00\r\n"
	    "Hylte kommun,kommun,3.3,Tröskelprincipen,,,,,,,,,1,"
	    "2024-05-20T09:00:00+02:00\r\n"
	    "Halmstads kommun,kommun,3.3,\"Vad händer, för vem?\",,,,"
	    "Fler läkarbesök.,\"Fler sjuksköterskor, \"\"dygnet runt\"\".\","
	    ",,Läkare,2,2024-05-21T14:03:11+02:00\r\n"
	    "Hylte kommun,kommun,3.3,\"Vad händer, för vem?\",,,,,,,,,1,"
	    "2024-05-20T09:00:00+02:00\r\n"
	    "Halmstads kommun,kommun,,Och sedan?,,,,,,,,,2,"
	    "2024-05-21T14:03:11+02:00\r\n"
	    "Hylte kommun,kommun,,Och sedan?,avstyrker,Nej.,Ny lydelse.,,,"
	    "Utbildning.,\"'=Journal\",,1,2024-05-20T09:00:00+02:00\r\n");
	free(m.p);
}

static void
counts_are_words_not_colours(void **state)
{
	struct export_counts	c = { { 2, 5, 0, 1, 0 } };
	char			out[200];

	(void)state;
	chart_counts_text(&c, out, sizeof(out));
	assert_string_equal(out, "5 tillstyrker, 1 avstyrker, "
	    "2 utan ställningstagande");
	memset(&c, 0, sizeof(c));
	chart_counts_text(&c, out, sizeof(out));
	assert_string_equal(out, "inga svar");
}

static void
formats_have_names_types_and_files(void **state)
{
	char name[100];

	(void)state;
	assert_int_equal(export_format_parse("odt"), EXPORT_ODT);
	assert_int_equal(export_format_parse("taggar.csv"), EXPORT_MARKS_CSV);
	assert_int_equal(export_format_parse("pdf"), EXPORT__MAX);
	assert_int_equal(export_format_parse(NULL), EXPORT__MAX);
	assert_int_equal(export_filename(EXPORT_ODT, "ok-test", name,
	    sizeof(name)), 0);
	assert_string_equal(name, "ok-test-remissammanstallning.odt");
	assert_int_equal(export_filename(EXPORT_ODT, "ok-test", name, 8), -1);
	assert_string_equal(export_media_type(EXPORT_CSV),
	    "text/csv; charset=utf-8; header=present");
}

static void
html_is_well_formed_and_escaped(void **state)
{
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };
	struct html_export	 e;
	xmlDocPtr		 doc;

	(void)state;
	memset(&e, 0, sizeof(e));
	e.out = &s;
	assert_int_equal(run(&html_export_writer, &e), 0);
	assert_non_null(strstr(m.p, "Hylte &lt;kommun&gt; &amp; co"));
	assert_non_null(strstr(m.p, "Förslaget &lt;b&gt;i&lt;/b&gt; text."));
	assert_non_null(strstr(m.p, "1 med ändringar"));
	assert_non_null(strstr(m.p, "22 maj 2024"));
	assert_non_null(strstr(m.p, "Kostnaderna &lt;delas&gt;."));
	assert_non_null(strstr(m.p, "Beslutsförslag: Ändrad (klar för beslut)"));
	assert_non_null(strstr(m.p, "<del>&lt;b&gt;i&lt;/b&gt; </del><ins>i ny </ins>"));
	assert_non_null(strstr(m.p, "3.4 Uppföljning"));
	/* After the doctype the page parses as XML. */
	doc = xmlReadMemory(m.p, (int)m.len, "export.html", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(m.p);
}

static void
odt_is_a_package_with_mimetype_first_and_stored(void **state)
{
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };
	struct odt		 o;
	zip_source_t		*src;
	zip_t			*z;
	zip_stat_t		 st;
	zip_error_t		 err;
	zip_int64_t		 i, n;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.out = &s;
	assert_int_equal(run(&odt_writer, &o), 0);
	odt_cleanup(&o);
	/* A zip's local header: the first name at offset 30, data at 38. */
	assert_memory_equal(m.p, "PK\3\4", 4);
	assert_memory_equal(m.p + 30, "mimetype"
	    "application/vnd.oasis.opendocument.text", 47);
	zip_error_init(&err);
	assert_non_null(src = zip_source_buffer_create(m.p, m.len, 0, &err));
	assert_non_null(z = zip_open_from_source(src, ZIP_RDONLY, &err));
	assert_int_equal(zip_stat_index(z, 0, 0, &st), 0);
	assert_string_equal(st.name, "mimetype");
	assert_int_equal(st.comp_method, ZIP_CM_STORE);
	n = zip_get_num_entries(z, 0);
	for (i = 1; i < n; i++) {
		zip_file_t	*f;
		char		*buf;

		assert_int_equal(zip_stat_index(z, (zip_uint64_t)i, 0, &st), 0);
		assert_non_null(buf = malloc(st.size + 1));
		assert_non_null(f = zip_fopen_index(z, (zip_uint64_t)i, 0));
		assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
		xmlDocPtr doc = xmlReadMemory(buf, (int)st.size, st.name, NULL,
		    XML_PARSE_NONET);
		assert_non_null(doc);
		xmlFreeDoc(doc);
		free(buf);
	}
	assert_true(n >= 6);
	zip_close(z);
	zip_error_fini(&err);
	free(m.p);
}

static int
setup(void **state)
{
	static char	 dir[1024];
	const char	*srcdir = getenv("srcdir");

	(void)state;
	dates_init();
	xmlInitParser();
	/* make check runs tests with $srcdir set. */
	snprintf(dir, sizeof(dir), "%s/static", srcdir != NULL ? srcdir : ".");
	setenv("REMISS_STATIC_DIR", dir, 1);
	return 0;
}

/* Names in one line read as Swedish prose; a meeting is headed by its date. */
static void
names_and_meeting_headings_read_as_swedish(void **state)
{
	static const char *const three[] = { "Laholm", "Halmstad", "Kungsbacka" };
	struct export_meeting	 m;
	struct arena		*a = arena_new();

	(void)state;
	assert_non_null(a);
	assert_string_equal(export_names_joined(a, three, 0), "");
	assert_string_equal(export_names_joined(a, three, 1), "Laholm");
	assert_string_equal(export_names_joined(a, three, 2), "Laholm och Halmstad");
	assert_string_equal(export_names_joined(a, three, 3),
	    "Laholm, Halmstad och Kungsbacka");
	memset(&m, 0, sizeof(m));
	m.held_on = "2024-05-22";
	m.title = "";
	assert_string_equal(export_meeting_heading(a, &m), "Dialogmöte 22 maj 2024");
	m.title = "Sommarvården";
	assert_string_equal(export_meeting_heading(a, &m), "22 maj 2024: Sommarvården");
	arena_free(a);
}

/* A registered response counts from the day it arrived (its ankomstdatum),
 * which every format shows as the day it was received; the others from the
 * time they were stored. */
static void
a_registered_response_counts_from_its_arrival_day(void **state)
{
	struct export_org	 o = { 3, "Kungsbacka kommun", "kommun", "", "1",
	    "2024-05-23T09:40:00+02:00", "2024-000018", POS_AVSTYRKER, "2024-05-20" };
	struct arena		*a = arena_new();

	(void)state;
	assert_non_null(a);
	assert_string_equal(export_org_received(&o), "2024-05-20");
	assert_string_equal(export_org_received_sv(a, &o), "20 maj 2024");
	o.arrived = "";
	assert_string_equal(export_org_received(&o), "2024-05-23T09:40:00+02:00");
	assert_string_equal(export_org_received_sv(a, &o), "23 maj 2024 kl. 09.40");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quotes_only_what_needs_it),
		cmocka_unit_test(names_and_meeting_headings_read_as_swedish),
		cmocka_unit_test(csv_formula_fields_get_an_apostrophe),
		cmocka_unit_test(csv_rows_cover_answering_organisations_only),
		cmocka_unit_test(csv_question_answers_are_rows),
		cmocka_unit_test(a_registered_response_counts_from_its_arrival_day),
		cmocka_unit_test(counts_are_words_not_colours),
		cmocka_unit_test(formats_have_names_types_and_files),
		cmocka_unit_test(html_is_well_formed_and_escaped),
		cmocka_unit_test(odt_is_a_package_with_mimetype_first_and_stored),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
