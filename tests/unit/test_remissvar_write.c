/* test_remissvar_write.c: a response written as remissvar XML matches the spec example in canonical form, is stable, escaped and hashed. */
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
#include "core/response_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/remissvar_write.h"
#include "xml/safe.h"
#include "fixtures.h"

static const unsigned char protokoll[] = "Protokollsutdrag VON 2024-05-15\n";

/* The content of the spec's example-remissvar.xml, as a response_doc. */
static void
example_doc(struct response_doc *d, struct answer ans[4],
    struct attachment *att)
{
	memset(d, 0, sizeof(*d));
	memset(ans, 0, 4 * sizeof(*ans));
	memset(att, 0, sizeof(*att));
	d->remiss_slug = "ok-hemsjukvard-2025";
	d->org_name = "Laholms kommun";
	d->org_kind = "kommun";
	d->diarienummer = "VON 2024/118";
	d->decision_body = "Vård- och omsorgsnämnden";
	d->decision_date = "2024-05-15";
	d->contact_name = "Anna Andersson";
	d->contact_email = "anna.andersson@example.se";
	d->contact_phone = "0430-00 00 00";
	d->position = POS_TILLSTYRKER_MED_ANDRINGAR;
	d->summary = "Laholms kommun ställer sig bakom förslagets inriktning "
	    "men vill att tröskelprincipen förtydligas och att finansieringen "
	    "vid tillfällig vistelse regleras.";
	ans[0].section_nr = "3.3";
	ans[0].position = POS_TILLSTYRKER_MED_ANDRINGAR;
	ans[0].comment = "Tröskelprincipen tolkas olika i länet. Kommunen "
	    "föreslår gemensamma bedömningskriterier.";
	ans[0].proposed_wording = "Bedömningen av om tröskelprincipen är "
	    "uppfylld görs gemensamt av vårdcentral och kommunal hemsjukvård.";
	ans[1].question_id = "q2";
	ans[1].consequence_region = "Regionen behöver säkra läkarmedverkan "
	    "även för tillfälligt boende.";
	ans[1].consequence_kommun = "Ökade kostnader under sommarmånaderna, "
	    "särskilt i kustkommunerna.";
	ans[2].question_id = "q4";
	ans[2].short_term = "Gemensam utbildning för sjuksköterskor och "
	    "distriktsläkare.";
	ans[2].long_term = "Gemensam journalföring och digital vårdplanering.";
	ans[3].section_nr = "6";
	ans[3].position = POS_AVSTYRKER;
	ans[3].comment = "Ersättningsmodellen täcker inte kommunens faktiska "
	    "kostnader.";
	d->answers = ans;
	d->nanswers = 4;
	att->filename = "protokollsutdrag.txt";
	att->media_type = "text/plain";
	att->data = protokoll;
	att->len = sizeof(protokoll) - 1;
	d->attachments = att;
	d->nattachments = 1;
}

static void
canonical_form_equals_the_spec_example(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[4];
	struct attachment	 att;
	struct xml_errors	 errs;
	char			*path, *file, *xml, sha[65];
	size_t			 flen = 0, len;
	xmlDocPtr		 doc;
	xmlChar			*c14n = NULL;
	int			 n;

	path = fx_src_path(a, "tests/xml/example-remissvar.xml");
	file = fx_slurp(a, path, &flen);
	assert_non_null(file);
	xml_errors_init(&errs, a);
	doc = xml_safe_parse(file, flen, path, &errs);
	assert_non_null(doc);
	/* The example's comment goes: C14N without comments drops it. */
	n = xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 0, &c14n);
	assert_true(n > 0);

	example_doc(&d, ans, &att);
	assert_int_equal(remissvar_canonical(&d, a, &xml, &len, sha), 0);
	assert_int_equal(len, (size_t)n);
	assert_memory_equal(xml, c14n, len);
	/* Field order and namespace: the namespace is declared once, on the root. */
	assert_non_null(strstr(xml,
	    "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"ok-hemsjukvard-2025\">"));
	xmlFree(c14n);
	xmlFreeDoc(doc);
}

static void
same_document_gives_same_bytes_and_sha(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[4];
	struct attachment	 att;
	char			*x1, *x2, s1[65], s2[65];
	size_t			 l1, l2;

	example_doc(&d, ans, &att);
	assert_int_equal(remissvar_canonical(&d, a, &x1, &l1, s1), 0);
	assert_int_equal(remissvar_canonical(&d, a, &x2, &l2, s2), 0);
	assert_int_equal(l1, l2);
	assert_memory_equal(x1, x2, l1);
	assert_string_equal(s1, s2);
}

static void
sha_is_64_lowercase_hex_and_changes_with_one_character(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[4];
	struct attachment	 att;
	char			*x, s1[65], s2[65];
	size_t			 l, i;

	example_doc(&d, ans, &att);
	assert_int_equal(remissvar_canonical(&d, a, &x, &l, s1), 0);
	assert_int_equal(strlen(s1), 64);
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", s1[i]));
	d.contact_name = "Anna Anderssom";
	assert_int_equal(remissvar_canonical(&d, a, &x, &l, s2), 0);
	assert_string_not_equal(s1, s2);
}

static void
special_characters_are_escaped_and_survive(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[4];
	struct attachment	 att;
	char			*x, s[65];
	size_t			 l;

	example_doc(&d, ans, &att);
	d.summary = "a < b & c \"d\" åäö ÅÄÖ";
	d.contact_name = "\"Anna\" <a&b> åäö";
	assert_int_equal(remissvar_canonical(&d, a, &x, &l, s), 0);
	assert_non_null(strstr(x,
	    "<sammanfattning>a &lt; b &amp; c \"d\" åäö ÅÄÖ</sammanfattning>"));
	assert_non_null(strstr(x,
	    "namn=\"&quot;Anna&quot; &lt;a&amp;b> åäö\""));
}

static void
empty_answers_are_left_out(void **state)
{
	struct arena		*a = *state;
	struct response_doc	 d;
	struct answer		 ans[4];
	struct attachment	 att;
	char			*x, s[65];
	size_t			 l;

	example_doc(&d, ans, &att);
	memset(&ans[3], 0, sizeof(ans[3]));
	ans[3].section_nr = "6";
	ans[3].comment = "";
	assert_true(answer_is_empty(&ans[3]));
	assert_false(answer_is_empty(&ans[0]));
	assert_int_equal(remissvar_canonical(&d, a, &x, &l, s), 0);
	assert_null(strstr(x, "avsnitt=\"6\""));
	assert_non_null(strstr(x, "avsnitt=\"3.3\""));
	/* Optional fields left empty are not written either. */
	d.diarienummer = NULL;
	d.decision_body = NULL;
	d.decision_date = NULL;
	d.contact_phone = "";
	d.nattachments = 0;
	assert_int_equal(remissvar_canonical(&d, a, &x, &l, s), 0);
	assert_null(strstr(x, "<diarienummer"));
	assert_null(strstr(x, "<beslut"));
	assert_null(strstr(x, "telefon="));
	assert_null(strstr(x, "<bilaga"));
}

static void
positions_map_both_ways(void **state)
{
	int p;

	(void)state;
	for (p = POS_NONE + 1; p < POS__MAX; p++)
		assert_int_equal(position_parse(position_code((enum position)p)),
		    p);
	assert_string_equal(position_code(POS_TILLSTYRKER_MED_ANDRINGAR),
	    "tillstyrker-med-andringar");
	assert_string_equal(position_label_sv(POS_TILLSTYRKER_MED_ANDRINGAR),
	    "Tillstyrker med ändringar");
	assert_string_equal(position_label_sv(POS_TILLSTYRKER), "Tillstyrker");
	assert_string_equal(position_label_sv(POS_AVSTYRKER), "Avstyrker");
	assert_string_equal(position_label_sv(POS_INGA_SYNPUNKTER),
	    "Inga synpunkter");
	assert_null(position_code(POS_NONE));
	assert_int_equal(position_parse(NULL), POS_NONE);
	assert_int_equal(position_parse(""), POS_NONE);
	assert_int_equal(position_parse("Tillstyrker"), POS__MAX);
	assert_int_equal(position_parse("ja"), POS__MAX);
}

static void
kvittens_has_the_spec_attributes(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	struct receipt	 r;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlChar		*v;
	static const char *const attrs[][2] = {
		{ "id", "17" }, { "nummer", "2024-000017" },
		{ "mottagen", "2024-05-21T14:03:11+02:00" }, { "version", "2" },
		{ "sha256", "0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef" },
	};
	size_t		 i;

	memset(&r, 0, sizeof(r));
	r.version_id = 17;
	r.number = "2024-000017";
	r.received_at = "2024-05-21T14:03:11+02:00";
	r.version = 2;
	r.sha256 = attrs[4][1];
	r.remiss_slug = "ok-hemsjukvard-2025";
	r.org_name = "Laholms kommun";
	buf_init(&b, a);
	assert_int_equal(kvittens_write(&r, &b), 0);
	assert_true(b.len > 0);
	assert_memory_equal(b.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	    38);
	doc = xml_safe_parse(b.data, b.len, NULL, NULL);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "kvittens");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, "urn:remissvar:1");
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		v = xmlGetProp(root, (const xmlChar *)attrs[i][0]);
		assert_non_null(v);
		assert_string_equal((const char *)v, attrs[i][1]);
		xmlFree(v);
	}
	n = xmlFirstElementChild(root);
	assert_non_null(n);
	assert_string_equal((const char *)n->name, "remiss");
	v = xmlNodeGetContent(n);
	assert_string_equal((const char *)v, "ok-hemsjukvard-2025");
	xmlFree(v);
	n = xmlNextElementSibling(n);
	assert_non_null(n);
	assert_string_equal((const char *)n->name, "remissinstans");
	v = xmlNodeGetContent(n);
	assert_string_equal((const char *)v, "Laholms kommun");
	xmlFree(v);
	assert_null(xmlNextElementSibling(n));
	xmlFreeDoc(doc);
}

/* A registered response's receipt says the day it arrived (ankomstdatum);
 * the others' receipts have no such attribute. */
static void
kvittens_of_a_registered_response_has_its_arrival_day(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	struct receipt	 r;
	xmlDocPtr	 doc;
	xmlChar		*v;

	memset(&r, 0, sizeof(r));
	r.version_id = 18;
	r.number = "2024-000018";
	r.received_at = "2024-05-23T09:40:00+02:00";
	r.version = 1;
	r.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	r.remiss_slug = "ok-hemsjukvard-2025";
	r.org_name = "Kungsbacka kommun";
	r.channel = CHANNEL_REGISTRERAD;
	r.arrived_on = "2024-05-20";
	buf_init(&b, a);
	assert_int_equal(kvittens_write(&r, &b), 0);
	doc = xml_safe_parse(b.data, b.len, NULL, NULL);
	assert_non_null(doc);
	v = xmlGetProp(xmlDocGetRootElement(doc), (const xmlChar *)"ankomstdatum");
	assert_non_null(v);
	assert_string_equal((const char *)v, "2024-05-20");
	xmlFree(v);
	v = xmlGetProp(xmlDocGetRootElement(doc), (const xmlChar *)"mottagen");
	assert_string_equal((const char *)v, "2024-05-23T09:40:00+02:00");
	xmlFree(v);
	xmlFreeDoc(doc);

	r.channel = CHANNEL_XML;
	r.arrived_on = NULL;
	buf_init(&b, a);
	assert_int_equal(kvittens_write(&r, &b), 0);
	assert_null(strstr(b.data, "ankomstdatum"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    canonical_form_equals_the_spec_example, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    same_document_gives_same_bytes_and_sha, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    sha_is_64_lowercase_hex_and_changes_with_one_character,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    special_characters_are_escaped_and_survive, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    empty_answers_are_left_out, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    positions_map_both_ways, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    kvittens_of_a_registered_response_has_its_arrival_day,
		    fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(
		    kvittens_has_the_spec_attributes, fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests_name("remissvar_write", tests,
	    fx_xml_group_setup, fx_xml_group_teardown);
}
