/* test_response_inputs.c: the response form's fields, declared on its routes, reach the response_doc. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "handlers/handlers.h"
#include "handlers/respond/response_form.h"
#include "http/input.h"
#include "http/kv.h"
#include "http/request.h"
#include "http/router.h"
#include "util/arena.h"

/* A remiss of two sections, one with a question, and a general question
 * whose id is as long as the schema allows (64). */
#define LONG_QID "q_" \
	"12345678901234567890123456789012345678901234567890123456789012"

static struct question_def s2_questions[] = {
	{ .id = 21, .qid = "q2", .kind = "fritext", .text = "Hur?" },
};
static struct section_def sections[] = {
	{ .id = 1, .nr = "1", .heading = "Inledning", .body = "" },
	{ .id = 2, .nr = "3.3", .heading = "Tröskel", .body = "",
	    .questions = s2_questions, .nquestions = 1 },
};
static struct question_def general[] = {
	{ .id = 31, .qid = LONG_QID, .kind = "fritext", .text = "Övrigt?" },
};
static const struct remiss_def def = {
	.id = 7, .slug = "r", .title = "R", .sender = "S",
	.opens = "2024-01-01", .closes = "2024-12-31", .status = "oppen",
	.sections = sections, .nsections = 2,
	.general = general, .ngeneral = 1,
};

struct fixture {
	struct arena	*a;
	struct request	 req;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_non_null(f->a = arena_new());
	f->req.arena = f->a;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	free(f);
	return 0;
}

static void
form(struct fixture *f, const char *k, const char *v)
{
	assert_int_equal(kvlist_add(f->a, &f->req.form, k, v, strlen(v)), 0);
}

/* Parses the form as the worker does for the route named route. */
static void
parse_for(struct fixture *f, const char *route)
{
	size_t i;

	for (i = 0; i < routes_count; i++)
		if (strcmp(routes[i].name, route) == 0)
			break;
	assert_true(i < routes_count);
	assert_non_null(routes[i].inputs);
	assert_non_null(f->req.inputs = arena_alloc(f->a,
	    IN__MAX * sizeof(*f->req.inputs)));
	assert_int_equal(input_parse(f->a, input_defs, IN__MAX,
	    routes[i].inputs, &f->req.form, &f->req.query, NULL,
	    f->req.inputs), 0);
}

static const struct answer *
answer(const struct response_doc *d, const char *nr, const char *qid)
{
	size_t i;

	for (i = 0; i < d->nanswers; i++)
		if ((nr != NULL && d->answers[i].section_nr != NULL &&
		    strcmp(d->answers[i].section_nr, nr) == 0) ||
		    (qid != NULL && d->answers[i].question_id != NULL &&
		    strcmp(d->answers[i].question_id, qid) == 0))
			return &d->answers[i];
	return NULL;
}

/* Every field the form writes is read back, trimmed, on both routes that
 * take the form. */
static void
every_field_reaches_the_document(void **state)
{
	static const char *const route_names[] = { "response_post", "register" };
	struct fixture		*f = *state;
	struct response_doc	 doc;
	struct form_errors	 errs;
	const struct answer	*a;
	size_t			 r;

	for (r = 0; r < 2; r++) {
		f->req.form.n = 0;
		form(f, "stallningstagande", "tillstyrker-med-andringar");
		form(f, "sammanfattning", "  Bra förslag.\n");
		form(f, "beslut_instans", "Kommunstyrelsen");
		form(f, "beslut_datum", "2024-05-15");
		form(f, "diarienummer", "KS 2024/1");
		form(f, "kontakt_namn", "Anna Andersson");
		form(f, "kontakt_epost", "anna@kommun.example");
		form(f, "kontakt_telefon", "010-123");
		form(f, "a-3.3-position", "avstyrker");
		form(f, "a-3.3-kommentar", "För dyrt.");
		form(f, "a-3.3-lydelse", "Ny lydelse.");
		form(f, "q-q2-kommentar", "Så här.");
		form(f, "q-q2-region", "Region");
		form(f, "q-q2-kommun", "Kommun");
		form(f, "q-q2-kort", "Kort");
		form(f, "q-q2-lang", "Lång");
		form(f, "q-" LONG_QID "-position", "tillstyrker");
		form(f, "a-1-kommentar", "   ");	/* blank: no answer */
		parse_for(f, route_names[r]);
		memset(&errs, 0, sizeof(errs));
		assert_int_equal(response_form_read(&f->req, &def, &doc, &errs),
		    0);
		assert_int_equal(errs.n, 0);
		assert_int_equal(doc.position, POS_TILLSTYRKER_MED_ANDRINGAR);
		assert_string_equal(doc.summary, "Bra förslag.");
		assert_string_equal(doc.decision_body, "Kommunstyrelsen");
		assert_string_equal(doc.decision_date, "2024-05-15");
		assert_string_equal(doc.diarienummer, "KS 2024/1");
		assert_string_equal(doc.contact_name, "Anna Andersson");
		assert_string_equal(doc.contact_email, "anna@kommun.example");
		assert_string_equal(doc.contact_phone, "010-123");
		assert_int_equal(doc.nanswers, 3);
		assert_null(answer(&doc, "1", NULL));
		assert_non_null(a = answer(&doc, "3.3", NULL));
		assert_int_equal(a->position, POS_AVSTYRKER);
		assert_string_equal(a->comment, "För dyrt.");
		assert_string_equal(a->proposed_wording, "Ny lydelse.");
		assert_non_null(a = answer(&doc, NULL, "q2"));
		assert_string_equal(a->comment, "Så här.");
		assert_string_equal(a->consequence_region, "Region");
		assert_string_equal(a->consequence_kommun, "Kommun");
		assert_string_equal(a->short_term, "Kort");
		assert_string_equal(a->long_term, "Lång");
		assert_non_null(a = answer(&doc, NULL, LONG_QID));
		assert_int_equal(a->position, POS_TILLSTYRKER);
	}
}

/* What cannot be right is named beside its field, and left out. */
static void
a_wrong_value_is_an_error_beside_its_field(void **state)
{
	struct fixture		*f = *state;
	struct response_doc	 doc;
	struct form_errors	 errs;

	form(f, "stallningstagande", "kanske");
	form(f, "kontakt_namn", "två\nrader");
	form(f, "beslut_datum", "2024-02-30");
	form(f, "a-3.3-position", "ja");
	parse_for(f, "response_post");
	memset(&errs, 0, sizeof(errs));
	assert_int_equal(response_form_read(&f->req, &def, &doc, &errs), 0);
	assert_non_null(form_errors_get(&errs, "stallningstagande"));
	assert_non_null(form_errors_get(&errs, "kontakt_namn"));
	assert_non_null(form_errors_get(&errs, "beslut_datum"));
	assert_non_null(form_errors_get(&errs, "a-3.3-position"));
	assert_int_equal(doc.position, POS_NONE);
	assert_null(doc.contact_name);
	assert_null(doc.decision_date);
	assert_int_equal(doc.nanswers, 0);
}

/* The form's own keys: a button, the lock, the one-time key. */
static void
the_forms_controls_are_typed(void **state)
{
	struct fixture	*f = *state;
	long long	 lock;

	form(f, "action", "granska");
	form(f, "lock", "12");
	form(f, "ta_bort_bilaga", "x");
	parse_for(f, "response_post");
	assert_string_equal(input_text(&f->req, IN_FORM_ACTION), "granska");
	assert_int_equal(input_num(&f->req, IN_FORM_LOCK, &lock), 0);
	assert_int_equal(lock, 12);
	assert_int_equal(input_state(&f->req, IN_FILE_DELETE), INPUT_INVALID);

	f->req.form.n = 0;
	form(f, "action", "radera");
	form(f, "lock", "-1");
	parse_for(f, "response_post");
	assert_int_equal(input_state(&f->req, IN_FORM_ACTION), INPUT_INVALID);
	assert_int_equal(input_num(&f->req, IN_FORM_LOCK, &lock), -1);
	assert_int_equal(input_state(&f->req, IN_FILE_DELETE), INPUT_ABSENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_field_reaches_the_document,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    a_wrong_value_is_an_error_beside_its_field, setup, teardown),
		cmocka_unit_test_setup_teardown(the_forms_controls_are_typed,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
