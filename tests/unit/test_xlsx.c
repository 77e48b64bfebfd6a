/* test_xlsx.c: the Excel export: cell texts within Excel's limits, valid unique sheet names, and a workbook of hostile texts that stays text. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <zip.h>

#include "export/export.h"
#include "export/model.h"
#include "export/xlsx.h"
#include "export/xlsx_text.h"
#include "http/utf8.h"
#include "views/dates.h"

/* UTF-16 code units of UTF-8 s, as Excel counts characters. */
static size_t
utf16_units(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0;

	for (; *u != '\0'; u++) {
		if ((*u & 0xC0) == 0x80)
			continue;
		n += *u >= 0xF0 ? 2 : 1;
	}
	return n;
}

static bool
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcmp(s + n - m, end) == 0;
}

/* A formula, Swedish letters and a leading apostrophe are written as they
 * are: the writer never makes formulas, so nothing needs a prefix. */
static void
cell_text_keeps_text_as_written(void **state)
{
	char	*out = malloc(XLSX_CELL_BYTES);
	bool	 cut = true;

	(void)state;
	assert_non_null(out);
	assert_string_equal(xlsx_cell_text("=cmd|' /C calc'!A0", out, &cut),
	    "=cmd|' /C calc'!A0");
	assert_false(cut);
	assert_string_equal(xlsx_cell_text("Åäö, tab\there\nny rad", out,
	    &cut), "Åäö, tab\there\nny rad");
	assert_string_equal(xlsx_cell_text(NULL, out, &cut), "");
	free(out);
}

/* Control characters cannot break the file: line breaks become LF, the
 * rest U+FFFD, and so do bytes that are not UTF-8. */
static void
cell_text_replaces_control_characters(void **state)
{
	char	*out = malloc(XLSX_CELL_BYTES);
	bool	 cut;

	(void)state;
	assert_non_null(out);
	assert_string_equal(xlsx_cell_text("a\x01" "b\r\nc\rd\ve\ff\x1b", out,
	    &cut), "a\xEF\xBF\xBD" "b\nc\nd\ne\nf\xEF\xBF\xBD");
	assert_string_equal(xlsx_cell_text("x\xFF" "y\xC3", out, &cut),
	    "x\xEF\xBF\xBDy\xEF\xBF\xBD");
	/* U+FFFF and the C1 control U+0085. */
	assert_string_equal(xlsx_cell_text("\xEF\xBF\xBF\xC2\x85", out, &cut),
	    "\xEF\xBF\xBD\xEF\xBF\xBD");
	free(out);
}

/* "_x0041_" in a text would be read as "A"; its "_" is escaped. */
static void
cell_text_escapes_what_a_reader_would_decode(void **state)
{
	char	*out = malloc(XLSX_CELL_BYTES);
	bool	 cut;

	(void)state;
	assert_non_null(out);
	assert_string_equal(xlsx_cell_text("a_x0041_b", out, &cut),
	    "a_x005F_x0041_b");
	assert_string_equal(xlsx_cell_text("_x004_ _xZZZZ_ snake_case", out,
	    &cut), "_x004_ _xZZZZ_ snake_case");
	free(out);
}

/* A text over 32 767 characters (UTF-16 units, as Excel counts) is cut to
 * exactly the limit with the marker, never inside a character. */
static void
cell_text_is_cut_at_excels_limit(void **state)
{
	char	*out = malloc(XLSX_CELL_BYTES), *in;
	size_t	 i;
	bool	 cut;

	(void)state;
	assert_non_null(out);
	assert_non_null(in = malloc(4 * 40000 + 1));
	memset(in, 'a', XLSX_CELL_MAX);
	in[XLSX_CELL_MAX] = '\0';
	xlsx_cell_text(in, out, &cut);
	assert_false(cut);
	assert_int_equal(strlen(out), XLSX_CELL_MAX);
	memset(in, 'a', 40000);
	in[40000] = '\0';
	xlsx_cell_text(in, out, &cut);
	assert_true(cut);
	assert_int_equal(utf16_units(out), XLSX_CELL_MAX);
	assert_true(ends_with(out, "a" XLSX_CUT_MARKER));
	/* Characters outside the BMP count twice; none is split. */
	for (i = 0; i < 16384; i++)
		memcpy(in + 4 * i, "\xF0\x9F\x98\x80", 4);
	in[4 * 16384] = '\0';
	xlsx_cell_text(in, out, &cut);
	assert_true(cut);
	assert_true(utf16_units(out) <= XLSX_CELL_MAX);
	assert_true(ends_with(out, "\xF0\x9F\x98\x80" XLSX_CUT_MARKER));
	/* An escaped "_" counts as its seven characters: libxlsxwriter
	 * refuses a string of more than 32 767 code points, escapes
	 * included. */
	for (i = 0; i < 5000; i++)
		memcpy(in + 7 * i, "_x0041_", 7);
	in[7 * 5000] = '\0';
	xlsx_cell_text(in, out, &cut);
	assert_true(cut);
	assert_true(utf8_chars(out) <= XLSX_CELL_MAX);
	assert_true(ends_with(out, XLSX_CUT_MARKER));
	/* Three-byte characters at the limit fit the buffer. */
	for (i = 0; i < 40000; i++)
		memcpy(in + 3 * i, "\xE2\x82\xAC", 3);
	in[3 * 40000] = '\0';
	xlsx_cell_text(in, out, &cut);
	assert_true(cut);
	assert_int_equal(utf16_units(out), XLSX_CELL_MAX);
	assert_true(strlen(out) < XLSX_CELL_BYTES);
	free(in);
	free(out);
}

/* True if name is one Excel takes: 1-31 units, none of []:*?/\, no
 * apostrophe first or last. */
static bool
valid_sheet_name(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && utf16_units(name) <= XLSX_SHEET_NAME_MAX &&
	    strpbrk(name, "[]:*?/\\") == NULL && name[0] != '\'' &&
	    name[n - 1] != '\'';
}

static void
sheet_names_are_valid_unique_and_short(void **state)
{
	struct xlsx_names	 used;
	char			 a[XLSX_SHEET_NAME_BYTES], b[XLSX_SHEET_NAME_BYTES];
	char			 c[XLSX_SHEET_NAME_BYTES];

	(void)state;
	memset(&used, 0, sizeof(used));
	assert_int_equal(xlsx_sheet_name(&used, "Översikt", "x", a), 0);
	assert_string_equal(a, "Översikt");
	/* Excel compares without regard to case, Å and å alike. */
	assert_int_equal(xlsx_sheet_name(&used, "ÖVERSIKT", "x", a), 0);
	assert_string_equal(a, "ÖVERSIKT (2)");
	assert_int_equal(xlsx_sheet_name(&used,
	    "3.3 Mål/medel [del 1]: *viktigt*?", "x", a), 0);
	assert_string_equal(a, "3.3 Mål-medel (del 1)- viktigt");
	assert_true(valid_sheet_name(a));
	/* Two headings alike in their first 31 characters. */
	assert_int_equal(xlsx_sheet_name(&used, "4.1 Läkarmedverkan i den "
	    "kommunala hälso- och sjukvården", "x", b), 0);
	assert_int_equal(xlsx_sheet_name(&used, "4.1 Läkarmedverkan i den "
	    "kommunala hälso- och sjukvården, del två", "x", c), 0);
	assert_string_equal(b, "4.1 Läkarmedverkan i den kommu…");
	assert_string_equal(c, "4.1 Läkarmedverkan i den k… (2)");
	assert_true(valid_sheet_name(b) && valid_sheet_name(c));
	assert_int_equal(utf16_units(b), XLSX_SHEET_NAME_MAX);
	/* Excel's reserved name, apostrophes at the ends, nothing left. */
	assert_int_equal(xlsx_sheet_name(&used, "history", "x", a), 0);
	assert_string_equal(a, "history (2)");
	assert_int_equal(xlsx_sheet_name(&used, "'citat'", "x", a), 0);
	assert_string_equal(a, "citat");
	assert_int_equal(xlsx_sheet_name(&used, "[]:*?/\\", "Avsnitt", a), 0);
	assert_string_equal(a, "()---");
	assert_int_equal(xlsx_sheet_name(&used, "*?", "Avsnitt", a), 0);
	assert_string_equal(a, "Avsnitt");
	assert_int_equal(xlsx_sheet_name(&used, " \n ", "Avsnitt", a), 0);
	assert_string_equal(a, "Avsnitt (2)");
	xlsx_names_free(&used);
}

static void
dates_are_parsed_or_refused(void **state)
{
	struct xlsx_when w;

	(void)state;
	assert_int_equal(xlsx_when_parse("2024-05-22", &w), 0);
	assert_int_equal(w.year, 2024);
	assert_int_equal(w.month, 5);
	assert_int_equal(w.day, 22);
	assert_false(w.has_time);
	assert_int_equal(xlsx_when_parse("2024-05-21T14:03:11+02:00", &w), 0);
	assert_true(w.has_time);
	assert_int_equal(w.hour, 14);
	assert_int_equal(w.min, 3);
	assert_int_equal(w.sec, 11);
	assert_int_equal(xlsx_when_parse("2024-02-29", &w), 0);
	assert_int_equal(xlsx_when_parse("2023-02-29", &w), -1);
	assert_int_equal(xlsx_when_parse("2024-13-01", &w), -1);
	assert_int_equal(xlsx_when_parse("22 maj 2024", &w), -1);
	assert_int_equal(xlsx_when_parse("", &w), -1);
	assert_int_equal(xlsx_when_parse("2024-05-21T25:00:00", &w), -1);
}

/* A growing byte string as a sink. */
struct mem {
	char	*p;
	size_t	 len;
};

static int
mem_write(void *ctx, const void *p, size_t n)
{
	struct mem	*m = ctx;
	char		*q;

	if ((q = realloc(m->p, m->len + n + 1)) == NULL)
		return -1;
	memcpy(q + m->len, p, n);
	m->len += n;
	q[m->len] = '\0';
	m->p = q;
	return 0;
}

/* Part name of the zip in m, NUL-terminated, or NULL. */
static char *
part(const struct mem *m, const char *name)
{
	zip_source_t	*src;
	zip_t		*z;
	zip_file_t	*f;
	zip_stat_t	 st;
	zip_error_t	 err;
	char		*buf = NULL;

	zip_error_init(&err);
	if ((src = zip_source_buffer_create(m->p, m->len, 0, &err)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_RDONLY, &err)) == NULL)
		return NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (buf = malloc(st.size + 1)) !=
	    NULL && (f = zip_fopen(z, name, 0)) != NULL) {
		if (zip_fread(f, buf, st.size) != (zip_int64_t)st.size) {
			free(buf);
			buf = NULL;
		} else
			buf[st.size] = '\0';
		zip_fclose(f);
	}
	zip_close(z);
	zip_error_fini(&err);
	return buf;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* A made-up remiss with hostile texts through the writer: the workbook
 * has the sheets, every outside text stays a string (no formula in the
 * file), the long comment is cut and counted, the headings make valid
 * distinct sheet names, and the private directory is gone afterwards. */
static void
a_hostile_remiss_makes_a_workbook_of_text(void **state)
{
	static struct export_org orgs[] = {
		{ 1, "=cmd|' /C calc'!A0", "kommun", "212000-1234", "1",
		    "2024-05-21T14:03:11+02:00", "2024-000017",
		    POS_TILLSTYRKER, "" },
		{ 2, "Halmstads kommun", "kommun", "", "2",
		    "2024-05-22T09:00:00+02:00", "2024-000018",
		    POS_TILLSTYRKER_MED_ANDRINGAR, "2024-05-20" },
		{ 3, "Hylte kommun", "kommun", "", "", "", "", POS_NONE, "" },
	};
	static struct export_section_head secs[] = {
		{ 10, "1", "Mål/medel [del 1]: *viktigt*? och ännu mer text",
		    { { 0 } } },
		{ 11, "1", "Mål/medel [del 1]: *viktigt*? och ännu mer, igen",
		    { { 0 } } },
	};
	struct export_head head = {
		.remiss_id = 1, .slug = "ok-test", .title = "Test",
		.sender = "Region Halland", .diarienummer = "RS 2024/1",
		.description = "", .opens = "2024-04-01",
		.closes = "2024-05-22", .status = "oppen",
		.created = "2024-05-23T10:00:00+02:00", .orgs = orgs,
		.norgs = 3, .nanswered = 2, .sections = secs, .nsections = 2,
	};
	char			*big, *x, *sheet, tmpl[] = "/tmp/test-xlsx-XXXXXX";
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };
	struct xlsx		 w;
	struct export_answer	 an[2];
	struct export_section	 sec;
	DIR			*d;
	struct dirent		*e;
	size_t			 left = 0;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	setenv("TMPDIR", tmpl, 1);
	assert_non_null(big = malloc(40001));
	memset(big, 'k', 40000);
	big[40000] = '\0';
	memset(an, 0, sizeof(an));
	an[0] = (struct export_answer){ &orgs[0], POS_AVSTYRKER,
	    "@SUM(1+1)*cmd|' /C calc'!A0", "+46 35", "-1", "", "", "", "" };
	an[1] = (struct export_answer){ &orgs[1],
	    POS_TILLSTYRKER_MED_ANDRINGAR, big, "ctl\x01\x02", "", "", "", "",
	    "Tema" };
	memset(&w, 0, sizeof(w));
	w.out = &s;
	memset(&sec, 0, sizeof(sec));
	sec.head = &secs[0];
	sec.body = "Text.";
	sec.summary = "";
	sec.summary_refs = "";
	sec.decision = "";
	sec.answers = an;
	sec.nanswers = 2;
	assert_int_equal(xlsx_writer.begin(&w, &head), 0);
	assert_int_equal(xlsx_writer.section(&w, &head, &sec), 0);
	sec.index = 1;
	sec.head = &secs[1];
	sec.nanswers = 0;
	assert_int_equal(xlsx_writer.section(&w, &head, &sec), 0);
	assert_int_equal(xlsx_writer.end(&w, &head), 0);
	xlsx_cleanup(&w);
	assert_memory_equal(m.p, "PK\3\4", 4);

	assert_non_null(x = part(&m, "xl/workbook.xml"));
	assert_non_null(strstr(x, "name=\"Översikt\""));
	assert_non_null(strstr(x, "name=\"1 Mål-medel (del 1)- viktigt o…\""));
	assert_non_null(strstr(x, "name=\"1 Mål-medel (del 1)- vikti… (2)\""));
	assert_non_null(strstr(x, "name=\"Taggar\""));
	assert_non_null(strstr(x, "name=\"Teman\""));
	free(x);
	/* The first section's sheet (the second in the workbook). */
	assert_non_null(sheet = part(&m, "xl/worksheets/sheet2.xml"));
	assert_null(strstr(sheet, "<f>"));
	assert_non_null(strstr(sheet, "<t>=cmd|' /C calc'!A0</t>"));
	assert_non_null(strstr(sheet, "<t>@SUM(1+1)*cmd|' /C calc'!A0</t>"));
	assert_non_null(strstr(sheet, "<t>+46 35</t>"));
	assert_non_null(strstr(sheet, "<t>-1</t>"));
	assert_non_null(strstr(sheet, "<t>ctl\xEF\xBF\xBD\xEF\xBF\xBD</t>"));
	assert_non_null(strstr(sheet, "kkkk" XLSX_CUT_MARKER "</t>"));
	assert_non_null(strstr(sheet, "<pane "));
	assert_non_null(strstr(sheet, "<autoFilter ref=\"A1:J3\""));
	free(sheet);
	/* The overview: words, never a dash; the cut counted. */
	assert_non_null(sheet = part(&m, "xl/worksheets/sheet1.xml"));
	assert_null(strstr(sheet, "<f>"));
	assert_null(strstr(sheet, "<t>–</t>"));
	assert_int_equal(count(sheet, "<t>Tillstyrker med ändringar</t>"), 3);
	assert_int_equal(count(sheet, "<t>Inget svar</t>"), 6);
	assert_non_null(strstr(sheet, "(slutar med \"" XLSX_CUT_MARKER
	    "\"): 1.</t>"));
	assert_non_null(strstr(sheet, "<autoFilter ref=\"A1:H4\""));
	free(sheet);
	free(big);
	free(m.p);

	/* The private directory is gone. */
	assert_non_null(d = opendir(tmpl));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			left++;
	closedir(d);
	assert_int_equal(left, 0);
	rmdir(tmpl);
	unsetenv("TMPDIR");
}

/* Every callback writes its part: a section's questions, heading,
 * summary, beslutsförslag and dialogmöten under its table, the tags of a
 * section and of a whole response in "Taggar", the themes, and the sheets
 * of the remiss-wide questions, the new sections and the meetings after
 * the fixed ones, in that order. */
static void
every_callback_writes_its_sheet(void **state)
{
	static struct export_org orgs[] = {
		{ 1, "Laholms kommun", "kommun", "", "1",
		    "2024-05-21T14:03:11+02:00", "2024-000017",
		    POS_AVSTYRKER, "" },
	};
	static struct export_section_head secs[] = {
		{ 10, "3.3", "Tröskelprincipen", { { 0 } } },
	};
	static const char *const morgs[] = { "Laholms kommun" };
	static const char *const mnrs[] = { "3.3" };
	static const char *const mheads[] = { "Tröskelprincipen" };
	static const char *const mthemes[] = { "Finansiering" };
	static const struct export_participant people[] = {
		{ "Anna Svensson", "socialchef" }, { "Bo Ek", "" },
	};
	struct export_head head = {
		.remiss_id = 1, .slug = "ok-test", .title = "Test",
		.sender = "Region Halland", .diarienummer = "",
		.description = "", .opens = "2024-04-01",
		.closes = "2024-05-22", .status = "oppen",
		.created = "2024-05-23T10:00:00+02:00", .orgs = orgs,
		.norgs = 1, .nanswered = 1, .sections = secs, .nsections = 1,
	};
	struct export_answer an = { &orgs[0], POS_NONE, "Svar på frågan.",
	    "", "Dyrare för regionen.", "", "", "", "" };
	struct export_question q = { "q1", "konsekvens", "Vad kostar det?",
	    &an, 1 };
	struct export_question qo = { "q9", "fritext", "Något mer?", &an, 1 };
	struct export_mark mk = { "Laholms kommun", "Finansiering", "citat",
	    "0", "6", "", "Gunnel", "2024-05-24T09:00:00+02:00" };
	struct export_meeting_ref mref = { "2024-05-22", "Sommarvården",
	    "Laholms kommun" };
	struct export_theme th = { "Finansiering", "", "Pengar", "1",
	    "Kostnaderna delas.", "Laholms kommun (3.3)" };
	struct export_new_section ns = { "3.4", "Uppföljning", "Ny text.",
	    "Behövs.", "klar" };
	struct export_meeting mt = { "2024-05-22", "Sommarvården", "Halmstad",
	    "Anteckningar.", morgs, 1, people, 2, mnrs, mheads, 1, mthemes, 1 };
	struct export_section sec;
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };
	struct xlsx		 w;
	char			*x, *p;

	(void)state;
	memset(&sec, 0, sizeof(sec));
	sec.head = &secs[0];
	sec.body = "Förslagets text.";
	sec.summary = "Sammanfattat.";
	sec.summary_refs = "Laholms kommun";
	sec.decision = "andrad";
	sec.decision_text = "Ny lydelse.";
	sec.decision_motivation = "Därför.";
	sec.decision_status = "klar";
	sec.questions = &q;
	sec.nquestions = 1;
	sec.marks = &mk;
	sec.nmarks = 1;
	sec.meetings = &mref;
	sec.nmeetings = 1;
	memset(&w, 0, sizeof(w));
	w.out = &s;
	assert_int_equal(xlsx_writer.begin(&w, &head), 0);
	assert_int_equal(xlsx_writer.section(&w, &head, &sec), 0);
	assert_int_equal(xlsx_writer.questions_overall(&w, &head, &qo, 1), 0);
	assert_int_equal(xlsx_writer.marks_overall(&w, &head, &mk, 1), 0);
	assert_int_equal(xlsx_writer.themes(&w, &head, &th, 1), 0);
	assert_int_equal(xlsx_writer.new_sections(&w, &head, &ns, 1), 0);
	assert_int_equal(xlsx_writer.meetings(&w, &head, &mt, 1), 0);
	assert_int_equal(xlsx_writer.end(&w, &head), 0);
	xlsx_cleanup(&w);

	assert_non_null(x = part(&m, "xl/workbook.xml"));
	assert_non_null(p = strstr(x, "name=\"Översikt\""));
	assert_non_null(p = strstr(p, "name=\"3.3 Tröskelprincipen\""));
	assert_non_null(p = strstr(p, "name=\"Taggar\""));
	assert_non_null(p = strstr(p, "name=\"Teman\""));
	assert_non_null(p = strstr(p, "name=\"Frågor om remissen\""));
	assert_non_null(p = strstr(p, "name=\"Nya avsnitt\""));
	assert_non_null(p = strstr(p, "name=\"Dialogmöten\""));
	free(x);
	assert_non_null(x = part(&m, "xl/worksheets/sheet2.xml"));
	assert_non_null(p = strstr(x, "<t>Fråga q1: Vad kostar det?</t>"));
	assert_non_null(p = strstr(p, "<t>Dyrare för regionen.</t>"));
	assert_non_null(p = strstr(p, "<t>3.3 Tröskelprincipen</t>"));
	assert_non_null(p = strstr(p, "<t>Sammanfattat.</t>"));
	assert_non_null(p = strstr(p,
	    "<t>Beslutsförslag: Ändrad (klar för beslut)</t>"));
	assert_non_null(p = strstr(p, "<t>Ny lydelse.</t>"));
	assert_non_null(strstr(p, "<t>22 maj 2024: Sommarvården (Laholms "
	    "kommun)</t>"));
	free(x);
	assert_non_null(x = part(&m, "xl/worksheets/sheet3.xml"));	/* Taggar */
	assert_non_null(p = strstr(x, "<t>3.3</t>"));
	assert_non_null(strstr(p, "<t>Hela svaret</t>"));
	assert_non_null(strstr(x, "<autoFilter ref=\"A1:G3\""));
	free(x);
	assert_non_null(x = part(&m, "xl/worksheets/sheet5.xml"));	/* Frågor */
	assert_non_null(strstr(x, "<t>Fråga q9: Något mer?</t>"));
	assert_non_null(strstr(x, "<t>Ej angivet</t>"));
	free(x);
	assert_non_null(x = part(&m, "xl/worksheets/sheet6.xml"));	/* Nya */
	assert_non_null(strstr(x, "<t>Klar för beslut</t>"));
	free(x);
	assert_non_null(x = part(&m, "xl/worksheets/sheet7.xml"));	/* Möten */
	assert_non_null(strstr(x, "<t>Anna Svensson, socialchef\nBo Ek</t>"));
	assert_non_null(strstr(x, "<t>3.3 Tröskelprincipen</t>"));
	free(x);
	free(m.p);
}

/* An export stopped midway (a database error after begin) writes nothing
 * to the sink and leaves no file behind; LeakSanitizer sees that the
 * workbook left open is freed. */
static void
a_failed_export_leaves_nothing_behind(void **state)
{
	static struct export_org orgs[] = {
		{ 1, "Laholms kommun", "kommun", "", "", "", "", POS_NONE, "" },
	};
	static struct export_section_head secs[] = {
		{ 10, "1", "Första", { { 0 } } },
	};
	struct export_head head = {
		.remiss_id = 1, .slug = "ok-test", .title = "Test",
		.sender = "", .diarienummer = "", .description = "",
		.opens = "2024-04-01", .closes = "2024-05-22", .status = "oppen",
		.created = "2024-05-23T10:00:00+02:00", .orgs = orgs,
		.norgs = 1, .sections = secs, .nsections = 1,
	};
	char			 tmpl[] = "/tmp/test-xlsx-XXXXXX";
	struct mem		 m = { NULL, 0 };
	struct export_sink	 s = { mem_write, &m };
	struct xlsx		 w;
	DIR			*d;
	struct dirent		*e;
	size_t			 left = 0;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	setenv("TMPDIR", tmpl, 1);
	memset(&w, 0, sizeof(w));
	w.out = &s;
	assert_int_equal(xlsx_writer.begin(&w, &head), 0);
	xlsx_cleanup(&w);
	assert_int_equal(m.len, 0);
	assert_null(w.wb);
	assert_non_null(d = opendir(tmpl));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			left++;
	closedir(d);
	assert_int_equal(left, 0);
	rmdir(tmpl);
	unsetenv("TMPDIR");
}

/* The format's name, type and file name. */
static void
xlsx_is_a_format_with_its_type_and_file(void **state)
{
	char name[64];

	(void)state;
	assert_int_equal(export_format_parse("xlsx"), EXPORT_XLSX);
	assert_string_equal(export_format_name(EXPORT_XLSX), "xlsx");
	assert_string_equal(export_media_type(EXPORT_XLSX), "application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_int_equal(export_filename(EXPORT_XLSX, "ok-test", name,
	    sizeof(name)), 0);
	assert_string_equal(name, "ok-test-remissvar.xlsx");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cell_text_keeps_text_as_written),
		cmocka_unit_test(cell_text_replaces_control_characters),
		cmocka_unit_test(cell_text_escapes_what_a_reader_would_decode),
		cmocka_unit_test(cell_text_is_cut_at_excels_limit),
		cmocka_unit_test(sheet_names_are_valid_unique_and_short),
		cmocka_unit_test(dates_are_parsed_or_refused),
		cmocka_unit_test(a_hostile_remiss_makes_a_workbook_of_text),
		cmocka_unit_test(every_callback_writes_its_sheet),
		cmocka_unit_test(a_failed_export_leaves_nothing_behind),
		cmocka_unit_test(xlsx_is_a_format_with_its_type_and_file),
	};

	dates_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
