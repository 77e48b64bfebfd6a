/* test_redaction_rules.c: a redaction form's request against a response as the public sees it:
 * a legal ground must name chapter and section, a passage must occur where it is looked for
 * (anchored when selected, else every occurrence), a date goes only whole, an attachment
 * with a redaction in force is a conflict, and a replacement copy must be of an accepted type. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/public_model.h"
#include "core/redact.h"
#include "core/redaction_rules.h"
#include "util/arena.h"

#define G1 "21 kap. 1 § OSL"

/* A response with a summary, a decision date, one answer and one
 * attachment, as the public sees it (nothing redacted yet). */
struct fixture {
	struct arena		*a;
	struct response_doc	 doc;
	struct answer		 ans;
	struct attachment	 att;
	struct public_response	 r;
};

static int
setup(void **state)
{
	struct fixture	*f = test_calloc(1, sizeof(*f));
	long long	 lost;

	f->a = arena_new();
	f->doc.summary = "Om Nils Nilsson:\nse bilaga.";
	f->doc.decision_date = "2024-05-16";
	f->ans.db_section_id = 12;
	f->ans.comment = "Patienten Nils Nilsson på Storgatan 1 berörs.";
	f->doc.answers = &f->ans;
	f->doc.nanswers = 1;
	f->att.filename = "protokoll.txt";
	f->att.media_type = "text/plain";
	f->att.data = (const unsigned char *)"hej";
	f->att.len = 3;
	f->doc.attachments = &f->att;
	f->doc.nattachments = 1;
	f->r.org_name = "Halmstads kommun";
	assert_int_equal(redact_version(f->a, &f->doc, NULL, 0, &f->r.v,
	    &lost), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	test_free(f);
	return 0;
}

static struct redaction_ask
ask(void)
{
	struct redaction_ask q;

	memset(&q, 0, sizeof(q));
	q.start = -1;
	q.legal_ground = G1;
	return q;
}

static void
test_grounds_name_chapter_and_section(void **state)
{
	static const char *const good[] = { "21 kap. 1 § OSL",
	    "31 kap. 16 § offentlighets- och sekretesslagen", "2 kap. 2 a §",
	    "21 kap. 7 §", NULL };
	static const char *const bad[] = { "", "OSL", "21 kap 1 § OSL",
	    "kap. 1 § OSL", "123 kap. 1 § OSL", "21 kap. 1234 § OSL",
	    " 21 kap. 1 § OSL", "21 kap. 1 § OSL ", "21 kap. 1 § \nOSL",
	    "21 kap. § OSL", NULL };
	char long_one[400];
	size_t i;

	(void)state;
	for (i = 0; good[i] != NULL; i++)
		assert_true(redaction_ground_ok(good[i]));
	for (i = 0; bad[i] != NULL; i++)
		assert_false(redaction_ground_ok(bad[i]));
	assert_false(redaction_ground_ok(NULL));
	memset(long_one, 'x', sizeof(long_one) - 1);
	memcpy(long_one, "21 kap. 1 § ", strlen("21 kap. 1 § "));
	long_one[sizeof(long_one) - 1] = '\0';
	assert_false(redaction_ground_ok(long_one));
}

static void
test_a_reason_is_one_line(void **state)
{
	char over[502];

	(void)state;
	assert_true(redaction_reason_ok("Fel stycke"));
	assert_false(redaction_reason_ok(NULL));
	assert_false(redaction_reason_ok(""));
	assert_false(redaction_reason_ok(" Fel"));
	assert_false(redaction_reason_ok("Fel\nstycke"));
	memset(over, 'x', sizeof(over) - 1);
	over[sizeof(over) - 1] = '\0';
	assert_false(redaction_reason_ok(over));
	over[500] = '\0';
	assert_true(redaction_reason_ok(over));
}

static void
test_a_typed_passage_is_every_occurrence(void **state)
{
	struct fixture		*f = *state;
	struct redaction_ask	 q = ask();
	struct redaction_new	 w;
	enum redaction_refusal	 why;
	const char		*field;

	q.passage = "Nils  Nilsson";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_int_equal(w.kind, REDACT_OCCURRENCES);
	assert_null(w.field);
	assert_int_equal(w.ord, -1);
	assert_string_equal(w.legal_ground, G1);
	q.field = "avsnitt-12-kommentar";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_string_equal(w.field, "avsnitt-12-kommentar");
}

static void
test_a_passage_that_does_not_occur_is_refused(void **state)
{
	struct fixture		*f = *state;
	struct redaction_ask	 q = ask();
	struct redaction_new	 w;
	enum redaction_refusal	 why;
	const char		*field;

	q.passage = "Storgatan";
	q.field = "sammanfattning";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_ABSENT);
	assert_string_equal(field, "sammanfattning");
	q.field = "avsnitt-99-kommentar";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_NO_FIELD);
	q.field = "beslutsdatum";
	q.passage = "2024";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_DATE_PASSAGE);
}

static void
test_a_selection_is_anchored_where_it_starts(void **state)
{
	struct fixture		*f = *state;
	struct redaction_ask	 q = ask();
	struct redaction_new	 w;
	enum redaction_refusal	 why;
	const char		*field;

	q.passage = "Nils Nilsson";
	q.field = "avsnitt-12-kommentar";
	q.start = 10;	/* "Patienten " */
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_int_equal(w.kind, REDACT_ANCHORED);
	assert_string_equal(w.passage, "Nils Nilsson");
	assert_int_equal(w.start, 10);
	assert_int_equal(w.end, 22);
	q.start_bad = true;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_BAD_START);
}

static void
test_whole_fields_and_attachments(void **state)
{
	struct fixture		*f = *state;
	struct redaction_ask	 q = ask();
	struct redaction_new	 w;
	enum redaction_refusal	 why;
	const char		*field;

	q.whole = "beslutsdatum";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_int_equal(w.kind, REDACT_FIELD);
	q.whole = "diarienummer";	/* empty in this response */
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_NO_FIELD);

	q = ask();
	q.attachment = 2;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_NO_ATTACHMENT);
	q.attachment = 1;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_int_equal(w.kind, REDACT_ATTACHMENT);
	assert_int_equal(w.ord, 0);
	assert_null(w.rep);
	q.has_file = true;
	q.file_name = "kopia.txt";
	q.file = (const unsigned char *)"maskerad";
	q.file_len = 8;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_FILE_UNWANTED);
	q.replace = true;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_OK);
	assert_string_equal(w.rep_name, "kopia.txt");
	assert_int_equal(w.rep_len, 8);
	q.file_name = "kopia.exe";
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_FILE_TYPE);
	q.has_file = false;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_INVALID);
	assert_int_equal(why, REFUSE_FILE_MISSING);
	f->r.v.atts[0].state = ATT_WITHHELD;
	assert_int_equal(redaction_prepare(f->a, &f->r, &q, &w, &why, &field),
	    CORE_CONFLICT);
	assert_int_equal(why, REFUSE_ATTACHMENT_REDACTED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grounds_name_chapter_and_section),
		cmocka_unit_test(test_a_reason_is_one_line),
		cmocka_unit_test_setup_teardown(
		    test_a_typed_passage_is_every_occurrence, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_passage_that_does_not_occur_is_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_selection_is_anchored_where_it_starts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_whole_fields_and_attachments,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
