/* test_redact.c: the public form of a version: no contact person; passages found whatever
 * their line breaks; overlapping, touching and blank-separated spans merged into one marker;
 * a name hidden in every text and file name; whole fields; attachments withheld or replaced;
 * a lost anchor refused; a passage selected on the shown text anchored in the stored one. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/redact.h"
#include "core/response_doc.h"
#include "core/anchor.h"
#include "util/arena.h"

#define G1 "21 kap. 1 § OSL"
#define G2 "25 kap. 1 § OSL"
#define M1 "[Sekretess enligt " G1 "]"

/* A version with two answers and two attachments. */
struct fixture {
	struct response_doc	doc;
	struct answer		ans[2];
	struct attachment	att[2];
};

static void
fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	f->doc.contact_name = "Karin Karlsson";
	f->doc.contact_email = "karin@example.se";
	f->doc.contact_phone = "035-100 00";
	f->doc.orgnr = "212000-1355";
	f->doc.summary = "Om Nils Nilsson:\nse bilaga.";
	f->doc.decision_body = "Nils Nilssons nämnd";
	f->doc.decision_date = "2024-05-16";
	f->doc.diarienummer = "NN 2024/1 Nils Nilsson";
	f->ans[0].db_section_id = 12;
	f->ans[0].comment = "Patienten Nils Nilsson på Storgatan 1 berörs.";
	f->ans[0].proposed_wording = "Inget om Nils Nilsson.";
	f->ans[1].db_question_id = 7;
	f->ans[1].consequence_region = "Nils\nNilsson flyttar.";
	f->ans[1].long_term = "Nils Nilsson och Nils Nilsson.";
	f->doc.answers = f->ans;
	f->doc.nanswers = 2;
	f->att[0].filename = "intyg-Nils Nilsson.pdf";
	f->att[0].media_type = "application/pdf";
	f->att[0].data = (const unsigned char *)"%PDF-1";
	f->att[0].len = 6;
	f->att[1].filename = "protokoll.txt";
	f->att[1].media_type = "text/plain";
	f->att[1].data = (const unsigned char *)"hej";
	f->att[1].len = 3;
	f->doc.attachments = f->att;
	f->doc.nattachments = 2;
}

static struct redaction
occurrences(const char *field, const char *passage, const char *ground)
{
	struct redaction r;

	memset(&r, 0, sizeof(r));
	r.kind = REDACT_OCCURRENCES;
	r.field = field;
	r.passage = passage;
	r.legal_ground = ground;
	r.attachment_ord = -1;
	return r;
}

/* Characters (UTF-8 lead bytes) in s[0..n). */
static long
chars(const char *s, size_t n)
{
	long	c = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* An anchored redaction of the first occurrence of quote in field text. */
static struct redaction
anchored(long long id, const char *field, const char *text, const char *quote,
    const char *ground)
{
	struct redaction	 r;
	const char		*p = strstr(text, quote);

	assert_non_null(p);
	memset(&r, 0, sizeof(r));
	r.id = id;
	r.kind = REDACT_ANCHORED;
	r.field = field;
	r.passage = quote;
	r.prefix = "";
	r.suffix = "";
	r.start = chars(text, (size_t)(p - text));
	r.end = r.start + chars(quote, strlen(quote));
	r.legal_ground = ground;
	r.attachment_ord = -1;
	return r;
}

static const char *
shown(const struct redacted_version *v, const char *key)
{
	const struct redacted_text *t = redacted_text_get(v, key);

	assert_non_null(t);
	return t->out;
}

static void
needle_drops_crlf_and_outer_blanks(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(redact_needle(a, "\r\n Nils\r\nNilsson\rbor \r\n"),
	    "Nils\nNilsson\nbor");
	assert_string_equal(redact_needle(a, " \r\n\t"), "");
	arena_free(a);
}

static void
find_is_insensitive_to_line_breaks_and_blank_runs(void **state)
{
	struct arena	*a = arena_new();
	const char	*text = "Hej Anna\nAndersson, bor i\n\n  Halmstad.";
	size_t		 s, e;

	(void)state;
	/* A textarea sends CR LF; the stored text has LF. */
	assert_int_equal(redact_find(text, 0, redact_needle(a, "Anna\r\nAndersson"),
	    &s, &e), 1);
	assert_int_equal(s, 4);
	assert_int_equal(e, 18);
	assert_int_equal(redact_find(text, 0, redact_needle(a, "Anna Andersson"),
	    &s, &e), 1);
	assert_int_equal(redact_find(text, 0, redact_needle(a, "bor i Halmstad"),
	    &s, &e), 1);
	assert_int_equal(e, strlen(text) - 1);
	assert_int_equal(redact_find(text, 0, redact_needle(a, "AnnaAndersson"),
	    &s, &e), 0);
	assert_int_equal(redact_count("a a a", "a"), 3);
	assert_int_equal(redact_count("ingen träff", "Nils"), 0);
	arena_free(a);
}

static void
a_crlf_passage_hides_the_lf_text(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r;
	long long		 lost;

	(void)state;
	fixture_init(&f);
	r = occurrences("sammanfattning", "Nils Nilsson:\r\nse bilaga.", G1);
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 0);
	assert_string_equal(v.doc.summary, "Om " M1);
	assert_string_equal(shown(&v, "sammanfattning"), "Om " M1);
	/* Only the field named. */
	assert_string_equal(v.doc.answers[0].comment, f.ans[0].comment);
	arena_free(a);
}

static void
overlapping_touching_and_blank_separated_spans_merge(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r[4];
	const char		*c = "Patienten Nils Nilsson på Storgatan 1 berörs.";
	long long		 lost;

	(void)state;
	fixture_init(&f);
	/* "Nils Nilsson på" and "på Storgatan" overlap; "1" touches "Storgatan";
	 * "berörs" is apart from it by a blank only. */
	r[0] = anchored(1, "avsnitt-12-kommentar", c, "Nils Nilsson på", G1);
	r[1] = anchored(2, "avsnitt-12-kommentar", c, "på Storgatan", G2);
	r[2] = anchored(3, "avsnitt-12-kommentar", c, " 1", G1);
	r[3] = anchored(4, "avsnitt-12-kommentar", c, "berörs", G1);
	assert_int_equal(redact_version(a, &f.doc, r, 4, &v, &lost), 0);
	assert_string_equal(v.doc.answers[0].comment, "Patienten [Sekretess "
	    "enligt " G1 "; " G2 "].");
	assert_null(strstr(v.doc.answers[0].comment, "Storgatan"));
	assert_null(strstr(v.doc.answers[0].comment, "Nils"));
	arena_free(a);
}

static void
spans_apart_by_text_stay_apart(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r;
	long long		 lost;

	(void)state;
	fixture_init(&f);
	r = occurrences("fraga-7-langsiktigt", "Nils Nilsson", G1);
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 0);
	assert_string_equal(v.doc.answers[1].long_term, M1 " och " M1 ".");
	arena_free(a);
}

static void
a_name_everywhere_is_hidden_in_every_text_and_file_name(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r;
	long long		 lost;
	size_t			 i;

	(void)state;
	fixture_init(&f);
	r = occurrences(NULL, "Nils Nilsson", G1);
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 0);
	assert_null(v.doc.contact_name);
	assert_null(v.doc.contact_email);
	assert_null(v.doc.contact_phone);
	assert_null(v.doc.orgnr);
	assert_null(v.doc.attachments);
	for (i = 0; i < v.ntexts; i++)
		assert_null(strstr(v.texts[i].out, "Nils"));
	assert_string_equal(v.doc.decision_body, M1 "s nämnd");
	assert_string_equal(v.doc.diarienummer, "NN 2024/1 " M1);
	/* Across the line break too. */
	assert_string_equal(v.doc.answers[1].consequence_region, M1 " flyttar.");
	assert_int_equal(v.atts[0].state, ATT_SHOWN);
	assert_string_equal(v.atts[0].name, "intyg-" M1 ".pdf");
	assert_true(v.atts[0].name_redacted);
	assert_string_equal(v.atts[1].name, "protokoll.txt");
	assert_false(v.atts[1].name_redacted);
	/* The stored strings are untouched. */
	assert_string_equal(f.doc.summary, "Om Nils Nilsson:\nse bilaga.");
	assert_string_equal(f.att[0].filename, "intyg-Nils Nilsson.pdf");
	arena_free(a);
}

static void
a_whole_field_and_a_date_are_hidden_whole(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r[2];
	long long		 lost;

	(void)state;
	fixture_init(&f);
	memset(r, 0, sizeof(r));
	r[0].kind = REDACT_FIELD;
	r[0].field = "diarienummer";
	r[0].legal_ground = G2;
	r[1] = occurrences(NULL, "05", G1);	/* a part of the date */
	assert_int_equal(redact_version(a, &f.doc, r, 2, &v, &lost), 0);
	assert_string_equal(v.doc.diarienummer, "[Sekretess enligt " G2 "]");
	assert_string_equal(v.doc.decision_date, M1);
	fixture_init(&f);
	assert_int_equal(redact_version(a, &f.doc, r, 1, &v, &lost), 0);
	assert_string_equal(v.doc.decision_date, "2024-05-16");
	arena_free(a);
}

static void
attachments_are_withheld_or_replaced(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r[3];
	long long		 lost;

	(void)state;
	fixture_init(&f);
	memset(r, 0, sizeof(r));
	r[0].id = 5;
	r[0].kind = REDACT_ATTACHMENT;
	r[0].attachment_ord = 1;
	r[0].legal_ground = G2;
	r[0].replacement_name = "protokoll-maskerat.pdf";
	r[0].replacement_type = "application/pdf";
	r[0].replacement_size = 900;
	assert_int_equal(redact_version(a, &f.doc, r, 1, &v, &lost), 0);
	assert_int_equal(v.atts[0].state, ATT_SHOWN);
	assert_ptr_equal(v.atts[0].data, f.att[0].data);
	assert_int_equal(v.atts[1].state, ATT_REPLACED);
	assert_string_equal(v.atts[1].name, "protokoll-maskerat.pdf");
	assert_int_equal(v.atts[1].redaction_id, 5);
	assert_null(v.atts[1].data);
	/* Withholding wins over a replacement. */
	r[1] = r[0];
	r[1].id = 6;
	r[1].replacement_name = NULL;
	r[1].legal_ground = G1;
	assert_int_equal(redact_version(a, &f.doc, r, 2, &v, &lost), 0);
	assert_int_equal(v.atts[1].state, ATT_WITHHELD);
	assert_null(v.atts[1].name);
	assert_null(v.atts[1].data);
	assert_string_equal(v.atts[1].ground, G1);
	arena_free(a);
}

static void
a_lost_anchor_refuses_the_version(void **state)
{
	struct arena		*a = arena_new();
	struct fixture		 f;
	struct redacted_version	 v;
	struct redaction	 r;
	long long		 lost;

	(void)state;
	fixture_init(&f);
	r = anchored(9, "sammanfattning", f.doc.summary, "Nils", G1);
	r.passage = "Olle";	/* not in the text at all */
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 1);
	assert_int_equal(lost, 9);
	/* Moved, but found by its context. */
	r = anchored(9, "sammanfattning", f.doc.summary, "Nils", G1);
	r.start += 2;
	r.end += 2;
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 0);
	assert_string_equal(v.doc.summary, "Om " M1 " Nilsson:\nse bilaga.");
	arena_free(a);
}

static void
a_selection_on_the_shown_text_is_anchored_in_the_stored_text(void **state)
{
	struct arena			*a = arena_new();
	struct fixture			 f;
	struct redacted_version		 v;
	const struct redacted_text	*t;
	struct redaction		 r;
	struct anchor			 an;
	const char			*c = "Patienten Nils Nilsson på Storgatan 1 berörs.";
	long long			 lost;

	(void)state;
	fixture_init(&f);
	r = anchored(1, "avsnitt-12-kommentar", c, "Nilsson", G1);
	assert_int_equal(redact_version(a, &f.doc, &r, 1, &v, &lost), 0);
	t = redacted_text_get(&v, "avsnitt-12-kommentar");
	assert_string_equal(t->out, "Patienten Nils " M1 " på Storgatan 1 berörs.");
	/* "på Storgatan" as shown: after the marker, mapped back. */
	assert_int_equal(redact_anchor(a, t, "på Storgatan", chars(t->out,
	    (size_t)(strstr(t->out, "på Storgatan") - t->out)), &an), 0);
	assert_string_equal(an.quote, "på Storgatan");
	assert_int_equal(an.start, 23);
	assert_int_equal(an.end, 35);
	assert_string_equal(an.prefix, "Patienten Nils Nilsson ");
	assert_string_equal(an.suffix, " 1 berörs.");
	/* A selection that runs into the marker takes in the span behind it. */
	assert_int_equal(redact_anchor(a, t, "Nils [Sekretess", 10, &an), 0);
	assert_string_equal(an.quote, "Nils Nilsson");
	/* Typed from the stored text (no hint): found there. */
	assert_int_equal(redact_anchor(a, t, "Nils\r\nNilsson på", -1, &an), 0);
	assert_string_equal(an.quote, "Nils Nilsson på");
	assert_int_equal(an.start, 10);
	/* Not there at all. */
	assert_int_equal(redact_anchor(a, t, "Olle Olsson", -1, &an), 1);
	assert_int_equal(redact_anchor(a, t, " \r\n", -1, &an), 1);
	arena_free(a);
}

static void
the_hint_chooses_among_occurrences(void **state)
{
	struct arena			*a = arena_new();
	struct fixture			 f;
	struct redacted_version		 v;
	const struct redacted_text	*t;
	struct anchor			 an;
	long long			 lost;

	(void)state;
	fixture_init(&f);
	assert_int_equal(redact_version(a, &f.doc, NULL, 0, &v, &lost), 0);
	t = redacted_text_get(&v, "fraga-7-langsiktigt");
	assert_non_null(t);
	assert_int_equal(redact_anchor(a, t, "Nils Nilsson", 17, &an), 0);
	assert_int_equal(an.start, 17);
	assert_int_equal(redact_anchor(a, t, "Nils Nilsson", 0, &an), 0);
	assert_int_equal(an.start, 0);
	arena_free(a);
}

/* Every field name a version's texts carry reads back as what it names; a
 * name that only starts like one is no field of an answer or attachment. */
static void
field_names_read_back_whole(void **state)
{
	struct arena			*a = arena_new();
	struct fixture			 f;
	struct redacted_version		 v;
	long long			 lost, id;
	size_t				 i, n, natt = 0, nans = 0;
	const char			*field;
	int				 q;
	const char			*bad[] = { "bilaga-0-namn", "bilaga--namn",
	    "bilaga-1-namnx", "bilaga-1", "bilaga-x-namn", "bilaga- 1-namn",
	    "bilaga-+1-namn", "avsnitt-12", "avsnitt--kommentar",
	    "avsnitt-0-kommentar", "avsnitt-1x-kommentar", "fraga- 7-kommentar",
	    "fraga-+7-kommentar", "fraga--7-kommentar", "svar-7-kommentar",
	    "sammanfattning", "" };

	(void)state;
	fixture_init(&f);
	assert_int_equal(redact_version(a, &f.doc, NULL, 0, &v, &lost), 0);
	for (i = 0; i < v.ntexts; i++) {
		if (redact_key_attachment(v.texts[i].key, &n)) {
			assert_string_equal(v.texts[i].key,
			    arena_printf(a, "bilaga-%zu-namn", n));
			natt++;
		} else if (redact_key_answer(v.texts[i].key, &q, &id, &field)) {
			assert_string_equal(v.texts[i].key, arena_printf(a,
			    "%s-%lld-%s", q ? "fraga" : "avsnitt", id, field));
			nans++;
		}
	}
	assert_int_equal(natt, v.natts);
	assert_true(natt > 0 && nans > 0);
	assert_int_equal(redact_key_answer("fraga-7-langsiktigt", &q, &id,
	    &field), 1);
	assert_int_equal(q, 1);
	assert_true(id == 7);
	assert_string_equal(field, "langsiktigt");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = 99;
		id = 99;
		assert_int_equal(redact_key_attachment(bad[i], &n), 0);
		assert_int_equal(n, 99);
		assert_int_equal(redact_key_answer(bad[i], &q, &id, &field), 0);
		assert_true(id == 99);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(needle_drops_crlf_and_outer_blanks),
		cmocka_unit_test(find_is_insensitive_to_line_breaks_and_blank_runs),
		cmocka_unit_test(a_crlf_passage_hides_the_lf_text),
		cmocka_unit_test(overlapping_touching_and_blank_separated_spans_merge),
		cmocka_unit_test(spans_apart_by_text_stay_apart),
		cmocka_unit_test(a_name_everywhere_is_hidden_in_every_text_and_file_name),
		cmocka_unit_test(a_whole_field_and_a_date_are_hidden_whole),
		cmocka_unit_test(attachments_are_withheld_or_replaced),
		cmocka_unit_test(a_lost_anchor_refuses_the_version),
		cmocka_unit_test(a_selection_on_the_shown_text_is_anchored_in_the_stored_text),
		cmocka_unit_test(the_hint_chooses_among_occurrences),
		cmocka_unit_test(field_names_read_back_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
