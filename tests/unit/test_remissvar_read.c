/* test_remissvar_read.c: a remissvar document reads into the expected response, writes back to the same canonical bytes, and every kind of invalid input is refused at its line. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/response_doc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/remissvar_read.h"
#include "xml/remissvar_write.h"
#include "xml/safe.h"
#include "fixtures.h"

/* Lines 1-9 of a valid document; answers follow from line 10. */
#define HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<remissvar xmlns=\"urn:remissvar:1\" remiss=\"ok-hemsjukvard-2025\">\n" \
	"  <remissinstans typ=\"kommun\">Hylte kommun</remissinstans>\n" \
	"  <diarienummer>SN 2024/7</diarienummer>\n" \
	"  <beslut instans=\"Socialnämnden\" datum=\"2024-05-20\"/>\n" \
	"  <kontakt namn=\"Eva Ek\" epost=\"eva.ek@example.se\"/>\n" \
	"  <stallningstagande>tillstyrker</stallningstagande>\n" \
	"  <sammanfattning>Bra.</sammanfattning>\n" \
	"  <!-- answers -->\n"
#define TAIL "</remissvar>\n"

static char *
example(struct arena *a, size_t *len)
{
	return fx_slurp(a, fx_src_path(a, "tests/xml/example-remissvar.xml"),
	    len);
}

/* Reads s; returns the result code, errors in *errs. */
static int
read_str(struct arena *a, const char *s, struct response_doc *d,
    struct xml_errors *errs)
{
	xml_errors_init(errs, a);
	return remissvar_read(s, strlen(s), "t.xml", NULL, a, d, errs);
}

static void
example_reads_with_expected_values(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;
	char			*file;
	size_t			 len = 0;

	file = example(a, &len);
	assert_non_null(file);
	xml_errors_init(&errs, a);
	assert_int_equal(remissvar_read(file, len, "example-remissvar.xml",
	    NULL, a, &d, &errs), 0);
	assert_int_equal(errs.count, 0);
	assert_string_equal(d.remiss_slug, "ok-hemsjukvard-2025");
	assert_string_equal(d.org_name, "Laholms kommun");
	assert_string_equal(d.org_kind, "kommun");
	assert_null(d.orgnr);
	assert_string_equal(d.diarienummer, "VON 2024/118");
	assert_string_equal(d.decision_body, "Vård- och omsorgsnämnden");
	assert_string_equal(d.decision_date, "2024-05-15");
	assert_string_equal(d.contact_name, "Anna Andersson");
	assert_string_equal(d.contact_email, "anna.andersson@example.se");
	assert_string_equal(d.contact_phone, "0430-00 00 00");
	assert_int_equal(d.position, POS_TILLSTYRKER_MED_ANDRINGAR);
	assert_non_null(strstr(d.summary, "tröskelprincipen förtydligas"));
	assert_int_equal(d.nanswers, 4);
	assert_string_equal(d.answers[0].section_nr, "3.3");
	assert_null(d.answers[0].question_id);
	assert_int_equal(d.answers[0].position, POS_TILLSTYRKER_MED_ANDRINGAR);
	assert_string_equal(d.answers[0].comment, "Tröskelprincipen tolkas "
	    "olika i länet. Kommunen föreslår gemensamma bedömningskriterier.");
	assert_non_null(d.answers[0].proposed_wording);
	assert_string_equal(d.answers[1].question_id, "q2");
	assert_null(d.answers[1].section_nr);
	assert_int_equal(d.answers[1].position, POS_NONE);
	assert_string_equal(d.answers[1].consequence_region, "Regionen behöver "
	    "säkra läkarmedverkan även för tillfälligt boende.");
	assert_non_null(d.answers[1].consequence_kommun);
	assert_string_equal(d.answers[2].question_id, "q4");
	assert_non_null(d.answers[2].short_term);
	assert_string_equal(d.answers[2].long_term, "Gemensam journalföring och "
	    "digital vårdplanering.");
	assert_string_equal(d.answers[3].section_nr, "6");
	assert_int_equal(d.answers[3].position, POS_AVSTYRKER);
	assert_int_equal(d.nattachments, 1);
	assert_string_equal(d.attachments[0].filename, "protokollsutdrag.txt");
	assert_string_equal(d.attachments[0].media_type, "text/plain");
	assert_int_equal(d.attachments[0].len, 32);
	assert_memory_equal(d.attachments[0].data,
	    "Protokollsutdrag VON 2024-05-15\n", 32);
}

static void
read_then_write_gives_canonical_bytes_of_the_example(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;
	xmlDocPtr		 xd;
	xmlChar			*c14n = NULL;
	char			*file, *xml, sha[65];
	size_t			 len = 0, xlen;
	int			 n;

	file = example(a, &len);
	assert_non_null(file);
	xml_errors_init(&errs, a);
	assert_int_equal(remissvar_read(file, len, "example-remissvar.xml",
	    NULL, a, &d, &errs), 0);
	assert_int_equal(remissvar_canonical(&d, a, &xml, &xlen, sha), 0);
	xd = xml_safe_parse(file, len, "example-remissvar.xml", &errs);
	assert_non_null(xd);
	n = xmlC14NDocDumpMemory(xd, NULL, XML_C14N_1_0, NULL, 0, &c14n);
	assert_true(n > 0);
	assert_int_equal(xlen, (size_t)n);
	assert_memory_equal(xml, c14n, xlen);
	xmlFree(c14n);
	xmlFreeDoc(xd);
}

static void
outer_white_space_of_text_is_trimmed(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar avsnitt=\"1\">\n"
	    "    <kommentar>\n      Rad ett.\n      Rad två.\n    </kommentar>\n"
	    "  </svar>\n" TAIL, &d, &errs), 0);
	assert_string_equal(d.answers[0].comment,
	    "Rad ett.\n      Rad två.");
	assert_string_equal(d.org_name, "Hylte kommun");
}

static void
well_formed_document_in_another_namespace_is_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<?xml version=\"1.0\"?>\n"
	    "\n"
	    "<remissvar xmlns=\"urn:other:1\" remiss=\"x\">\n"
	    "</remissvar>\n", &d, &errs), -1);
	assert_true(fx_has_error(&errs, 3, "urn:remissvar:1", true));
}

static void
unknown_position_is_refused_at_its_line(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar avsnitt=\"1\">\n"
	    "    <stallningstagande>kanske</stallningstagande>\n"
	    "  </svar>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 11, "not a position", true));
}

static void
svar_with_both_avsnitt_and_fraga_is_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar avsnitt=\"1\"><kommentar>Ja.</kommentar></svar>\n"
	    "  <svar avsnitt=\"2\" fraga=\"q1\">\n"
	    "    <kommentar>Nej.</kommentar>\n"
	    "  </svar>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 11, "exactly one", true));
	assert_int_equal(errs.count, 1);
}

static void
svar_without_target_is_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar><kommentar>Ja.</kommentar></svar>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 10, "needs one of", true));
}

static void
target_answered_twice_is_refused_at_the_second(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar fraga=\"q2\"><kommentar>Ett.</kommentar></svar>\n"
	    "  <svar avsnitt=\"3.1\"><kommentar>Två.</kommentar></svar>\n"
	    "  <svar fraga=\"q2\"><kommentar>Tre.</kommentar></svar>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 12, "answered twice (first at line 10)", true));
	assert_int_equal(errs.count, 1);
}

static void
more_svar_than_the_limit_is_refused_at_the_first_too_many(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;
	struct buf		 b;
	int			 i;

	buf_init(&b, a);
	buf_puts(&b, HEAD);
	for (i = 1; i <= 201; i++)
		buf_printf(&b, "  <svar fraga=\"q%d\"><kommentar>Svar %d."
		    "</kommentar></svar>\n", i, i);
	buf_puts(&b, TAIL);
	assert_false(b.failed);
	/* Svar n is on line 9 + n: the 201st on line 210. */
	assert_int_equal(read_str(a, b.data, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 210, "more than 200 <svar>", true));
	assert_int_equal(errs.count, 1);
}

static void
exactly_the_limit_of_svar_is_accepted(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;
	struct buf		 b;
	int			 i;

	buf_init(&b, a);
	buf_puts(&b, HEAD);
	for (i = 1; i <= 200; i++)
		buf_printf(&b, "  <svar fraga=\"q%d\"><kommentar>Svar %d."
		    "</kommentar></svar>\n", i, i);
	buf_puts(&b, TAIL);
	assert_int_equal(read_str(a, b.data, &d, &errs), 0);
	assert_int_equal(d.nanswers, 200);
}

static void
bad_base64_is_refused_at_the_bilaga(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <bilaga filnamn=\"a.txt\" mediatyp=\"text/plain\">SGVq</bilaga>\n"
	    "  <bilaga filnamn=\"b.txt\" mediatyp=\"text/plain\">\n"
	    "    SGVq!!bG8=\n"
	    "  </bilaga>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 11, "not valid base64", true));
	assert_int_equal(errs.count, 1);
}

static void
base64_over_lines_decodes(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <bilaga filnamn=\"a.txt\" mediatyp=\"text/plain\">\n"
	    "    SGVq\r\n\tIGjD\n    pXI=\n  </bilaga>\n" TAIL, &d, &errs), 0);
	assert_int_equal(d.nattachments, 1);
	assert_int_equal(d.attachments[0].len, 8);
	assert_memory_equal(d.attachments[0].data, "Hej h\xc3\xa5r", 8);
}

static void
attachment_over_the_size_limit_is_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;
	struct remissvar_limits	 lim;
	const char		*s = HEAD
	    "  <bilaga filnamn=\"a.txt\" mediatyp=\"text/plain\">"
	    "SGVqIGjDpXI=</bilaga>\n" TAIL;

	remissvar_limits_default(&lim);
	assert_int_equal(lim.max_answers, 200);
	assert_int_equal(lim.max_attachments, 20);
	assert_int_equal(lim.max_attachment_bytes, 10u * 1024u * 1024u);
	lim.max_attachment_bytes = 7;
	xml_errors_init(&errs, a);
	assert_int_equal(remissvar_read(s, strlen(s), "t.xml", &lim, a, &d,
	    &errs), -1);
	assert_true(fx_has_error(&errs, 10, "limit", true));
	lim.max_attachment_bytes = 8;
	xml_errors_init(&errs, a);
	assert_int_equal(remissvar_read(s, strlen(s), "t.xml", &lim, a, &d,
	    &errs), 0);
}

static void
unknown_child_element_is_refused_at_its_line(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar avsnitt=\"1\">\n"
	    "    <kommentar>Ja.</kommentar>\n"
	    "    <betyg>5</betyg>\n"
	    "  </svar>\n"
	    "  <extra/>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 12, "<betyg>", true));
	assert_true(fx_has_error(&errs, 14, "<extra>", true));
	assert_int_equal(errs.count, 2);
}

static void
every_problem_is_reported_not_only_the_first(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"ok\">\n"
	    "  <remissinstans typ=\"stad\">X</remissinstans>\n"
	    "  <beslut instans=\"N\" datum=\"2024-02-30\"/>\n"
	    "  <kontakt namn=\"A\" epost=\"inte-en-adress\"/>\n"
	    "  <stallningstagande>ja</stallningstagande>\n"
	    "  <svar avsnitt=\"1\">\n"
	    "    <konsekvens part=\"stat\">x</konsekvens>\n"
	    "    <tidshorisont typ=\"kortsiktigt\">a</tidshorisont>\n"
	    "    <tidshorisont typ=\"kortsiktigt\">b</tidshorisont>\n"
	    "  </svar>\n"
	    "  <diarienummer>1</diarienummer>\n"
	    "</remissvar>\n", &d, &errs), -1);
	assert_true(fx_has_error(&errs, 2, "typ=\"stad\"", true));
	assert_true(fx_has_error(&errs, 3, "not a date", true));
	assert_true(fx_has_error(&errs, 4, "e-mail", true));
	assert_true(fx_has_error(&errs, 5, "not a position", true));
	assert_true(fx_has_error(&errs, 7, "part=\"stat\"", true));
	assert_true(fx_has_error(&errs, 9, "may appear once", true));
	assert_true(fx_has_error(&errs, 11, "must come before", true));
	assert_int_equal(errs.count, 7);
}

static void
missing_required_parts_are_reported(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\">\n"
	    "  <remissinstans typ=\"kommun\">X</remissinstans>\n"
	    "</remissvar>\n", &d, &errs), -1);
	assert_true(fx_has_error(&errs, 1, "attribute remiss", true));
	assert_true(fx_has_error(&errs, 1, "needs a <kontakt>", true));
	assert_true(fx_has_error(&errs, 1, "needs a <stallningstagande>", true));
}

static void
not_well_formed_is_refused_with_a_line(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD "  <svar avsnitt=\"1\">\n" TAIL,
	    &d, &errs), -1);
	assert_true(errs.count >= 1);
	assert_true(errs.list[0].line >= 10);
}

/* As in the XSD: an attribute that is there must have a value; an empty
 * optional one is not taken as absent. */
static void
empty_optional_attributes_are_refused_at_their_element(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"ok-hemsjukvard-2025\">\n"
	    "  <remissinstans typ=\"kommun\" orgnr=\"\">Hylte kommun</remissinstans>\n"
	    "  <beslut instans=\"Socialnämnden\" datum=\" \"/>\n"
	    "  <kontakt namn=\"Eva Ek\" epost=\"eva.ek@example.se\" telefon=\"\"/>\n"
	    "  <stallningstagande>tillstyrker</stallningstagande>\n"
	    "  <svar avsnitt=\"\" fraga=\"q1\"><kommentar>Bra.</kommentar></svar>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 3, "orgnr of <remissinstans> is empty", true));
	assert_true(fx_has_error(&errs, 4, "datum of <beslut> is empty", true));
	assert_true(fx_has_error(&errs, 5, "telefon of <kontakt> is empty", true));
	assert_true(fx_has_error(&errs, 7, "avsnitt of <svar> is empty", true));
	assert_int_equal(errs.count, 4);
}

/* A required attribute that is there but empty is one problem, not two. */
static void
empty_required_attribute_is_one_problem(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\">\n"
	    "  <remissinstans typ=\"kommun\">X</remissinstans>\n"
	    "  <kontakt namn=\"  \" epost=\"a@b\"/>\n"
	    "  <stallningstagande>tillstyrker</stallningstagande>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 3, "namn of <kontakt> is empty", true));
	assert_int_equal(errs.count, 1);
}

static void
attributes_on_text_elements_of_svar_are_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <svar avsnitt=\"1\">\n"
	    "    <kommentar typ=\"viktig\">Bra.</kommentar>\n"
	    "    <forslag-till-lydelse ny=\"ja\">Ny.</forslag-till-lydelse>\n"
	    "  </svar>\n" TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 11, "attribute typ is not allowed on "
	    "<kommentar>", true));
	assert_true(fx_has_error(&errs, 12, "attribute ny is not allowed", true));
}

/* xml:* anywhere and the xsi location hints: the XSD allows them. */
static void
xml_attributes_and_schema_location_are_accepted(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\" xml:lang=\"sv\"\n"
	    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	    "    xsi:schemaLocation=\"urn:remissvar:1 remissvar.xsd\">\n"
	    "  <remissinstans typ=\"kommun\">X</remissinstans>\n"
	    "  <kontakt namn=\"N\" epost=\"a@b\"/>\n"
	    "  <stallningstagande xml:lang=\"sv\">tillstyrker</stallningstagande>\n"
	    "  <svar avsnitt=\"1\"><kommentar xml:lang=\"en\">Fine.</kommentar></svar>\n"
	    TAIL, &d, &errs), 0);
	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\"\n"
	    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	    "    xsi:type=\"remissvar\">\n"
	    "  <remissinstans typ=\"kommun\">X</remissinstans>\n"
	    "  <kontakt namn=\"N\" epost=\"a@b\"/>\n"
	    "  <stallningstagande>tillstyrker</stallningstagande>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 1, "XMLSchema-instance}type", true));
}

/* Their content is empty in the XSD: not even white space. */
static void
white_space_inside_beslut_or_kontakt_is_refused(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"x\">\n"
	    "  <remissinstans typ=\"kommun\">X</remissinstans>\n"
	    "  <beslut instans=\"N\">\n  </beslut>\n"
	    "  <kontakt namn=\"N\" epost=\"a@b\"> </kontakt>\n"
	    "  <stallningstagande>tillstyrker</stallningstagande>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 3, "<beslut> takes no text", true));
	assert_true(fx_has_error(&errs, 5, "<kontakt> takes no text", true));
}

/* As attachments.filename and attachments.media_type accept them. */
static void
attachment_name_and_type_are_checked_as_the_database_does(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <bilaga filnamn=\"../a.txt\" mediatyp=\"text/plain\">SGVq</bilaga>\n"
	    "  <bilaga filnamn=\"..\" mediatyp=\"text/plain\">SGVq</bilaga>\n"
	    "  <bilaga filnamn=\"a\\\\b.txt\" mediatyp=\"text/plain\">SGVq</bilaga>\n"
	    "  <bilaga filnamn=\"a.txt\" mediatyp=\"text\">SGVq</bilaga>\n"
	    "  <bilaga filnamn=\"a.txt\" mediatyp=\"text/plain; charset=utf-8\">"
	    "SGVq</bilaga>\n"
	    "  <bilaga filnamn=\".profile\" mediatyp=\"application/vnd.oasis."
	    "opendocument.text\">SGVq</bilaga>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 10, "filnamn=\"../a.txt\"", true));
	assert_true(fx_has_error(&errs, 11, "filnamn=\"..\"", true));
	assert_true(fx_has_error(&errs, 12, "is not a file name", true));
	assert_true(fx_has_error(&errs, 13, "mediatyp=\"text\"", true));
	assert_true(fx_has_error(&errs, 14, "is not a media type", true));
	/* "Hej" is no ODT, whatever the name and the declared type say. */
	assert_true(fx_has_error(&errs, 15, "is not PDF, ODT", true));
	assert_int_equal(errs.count, 6);
}

/* Issue 16: an attachment declared text/html, image/svg+xml or
 * application/javascript was stored and served with that type. The type is
 * decided by content, with the web form's allowlist plus plain text; a
 * declared type that the content does not bear out is refused. */
static void
attachment_types_are_decided_by_content(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct xml_errors	 errs;

	assert_int_equal(read_str(a, HEAD
	    "  <bilaga filnamn=\"sida.html\" mediatyp=\"text/html\">"
	    "PGh0bWw+PHNjcmlwdD5hbGVydChkb2N1bWVudC5jb29raWUpPC9zY3JpcHQ+PC9odG1sPg=="
	    "</bilaga>\n"
	    "  <bilaga filnamn=\"bild.svg\" mediatyp=\"image/svg+xml\">"
	    "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4="
	    "</bilaga>\n"
	    "  <bilaga filnamn=\"a.js\" mediatyp=\"application/javascript\">"
	    "YWxlcnQoZG9jdW1lbnQuY29va2llKQ==</bilaga>\n"
	    "  <bilaga filnamn=\"sida.txt\" mediatyp=\"text/html\">"
	    "PGh0bWw+PHNjcmlwdD5hbGVydChkb2N1bWVudC5jb29raWUpPC9zY3JpcHQ+PC9odG1sPg=="
	    "</bilaga>\n"
	    "  <bilaga filnamn=\"p.pdf\" mediatyp=\"text/html\">"
	    "JVBERi0xLjcKJSVFT0YK</bilaga>\n"
	    TAIL, &d, &errs), -1);
	assert_true(fx_has_error(&errs, 10, "sida.html is not PDF, ODT, DOCX, "
	    "PNG, JPEG or UTF-8 plain text", true));
	assert_true(fx_has_error(&errs, 11, "bild.svg is not", true));
	assert_true(fx_has_error(&errs, 12, "a.js is not", true));
	assert_true(fx_has_error(&errs, 13, "declared mediatyp=\"text/html\" "
	    "but its content is text/plain", true));
	assert_true(fx_has_error(&errs, 14, "but its content is application/pdf",
	    true));
	assert_int_equal(errs.count, 5);

	/* What the allowlist takes is stored with the type of its content:
	 * HTML in a .txt is text, and stays text. */
	assert_int_equal(read_str(a, HEAD
	    "  <bilaga filnamn=\"sida.txt\" mediatyp=\"TEXT/PLAIN\">"
	    "PGh0bWw+PHNjcmlwdD5hbGVydChkb2N1bWVudC5jb29raWUpPC9zY3JpcHQ+PC9odG1sPg=="
	    "</bilaga>\n"
	    "  <bilaga filnamn=\"p.pdf\" mediatyp=\"application/pdf\">"
	    "JVBERi0xLjcKJSVFT0YK</bilaga>\n"
	    "  <bilaga filnamn=\"karta.png\" mediatyp=\"image/png\">"
	    "iVBORw0KGgoAAA==</bilaga>\n"
	    TAIL, &d, &errs), 0);
	assert_int_equal(d.nattachments, 3);
	assert_string_equal(d.attachments[0].media_type, "text/plain");
	assert_string_equal(d.attachments[1].media_type, "application/pdf");
	assert_string_equal(d.attachments[2].media_type, "image/png");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    example_reads_with_expected_values, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    read_then_write_gives_canonical_bytes_of_the_example,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    outer_white_space_of_text_is_trimmed, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    well_formed_document_in_another_namespace_is_refused,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    unknown_position_is_refused_at_its_line, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    svar_with_both_avsnitt_and_fraga_is_refused, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    svar_without_target_is_refused, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    target_answered_twice_is_refused_at_the_second, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    more_svar_than_the_limit_is_refused_at_the_first_too_many,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    exactly_the_limit_of_svar_is_accepted, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    bad_base64_is_refused_at_the_bilaga, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    base64_over_lines_decodes, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    attachment_over_the_size_limit_is_refused, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    unknown_child_element_is_refused_at_its_line, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    every_problem_is_reported_not_only_the_first, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    missing_required_parts_are_reported, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    not_well_formed_is_refused_with_a_line, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    empty_optional_attributes_are_refused_at_their_element,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    empty_required_attribute_is_one_problem, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    attributes_on_text_elements_of_svar_are_refused, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    xml_attributes_and_schema_location_are_accepted, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    white_space_inside_beslut_or_kontakt_is_refused, fx_arena_setup,
		    fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    attachment_types_are_decided_by_content,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    attachment_name_and_type_are_checked_as_the_database_does,
		    fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests_name("remissvar_read", tests,
	    fx_xml_group_setup, fx_xml_group_teardown);
}
