/* test_response_diff.c: what a new version of a remissvar would remove or empty, and when two say the same. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/remiss_def.h"
#include "core/response_diff.h"

/* A remiss with two sections, a question under the first and one about
 * the whole remiss. */
static struct question_def q_s1[] = {
	{ 11, "q1", "konsekvens", "Vilka konsekvenser får förslaget?" },
};
static struct question_def q_all[] = {
	{ 12, "q9", "fritext", "Något mer?" },
};
static struct section_def sections[] = {
	{ 1, "3.3", "Tröskelprincipen", "Text.", q_s1, 1 },
	{ 2, "6", "Finansiering", "Text.", NULL, 0 },
};
static const struct remiss_def def = {
	.id = 1, .slug = "ok-test", .sections = sections, .nsections = 2,
	.general = q_all, .ngeneral = 1,
};

/* Version 1 as an API upload leaves it: every part answered. */
static struct answer full_answers[] = {
	{ .section_nr = "3.3", .position = POS_TILLSTYRKER_MED_ANDRINGAR,
	    .comment = "Tröskelprincipen tolkas olika.",
	    .proposed_wording = "Ny lydelse." },
	{ .question_id = "q1", .consequence_region = "Fler läkarbesök.",
	    .consequence_kommun = "Ökade kostnader." },
	{ .section_nr = "6", .position = POS_AVSTYRKER,
	    .comment = "Ersättningen räcker inte." },
	{ .question_id = "q9", .comment = "Tack." },
};
static const struct response_doc full = {
	.position = POS_TILLSTYRKER_MED_ANDRINGAR, .summary = "Vi stödjer inriktningen.",
	.decision_body = "Vård- och omsorgsnämnden", .decision_date = "2024-05-15",
	.diarienummer = "VON 2024/118", .contact_name = "Anna Andersson",
	.contact_email = "anna@laholm.example", .contact_phone = "035-12 34 56",
	.answers = full_answers, .nanswers = 4,
};

/* What an empty web form sent on top of it: the required fields and one
 * comment. */
static struct answer sparse_answers[] = {
	{ .section_nr = "3.3", .comment = "Bara detta." },
};
static const struct response_doc sparse = {
	.position = POS_TILLSTYRKER, .contact_name = "Anna Andersson",
	.contact_email = "anna@laholm.example",
	.answers = sparse_answers, .nanswers = 1,
};

static bool
has(const struct response_loss *l, size_t n, const char *nr, const char *qid,
    enum loss_field f)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (l[i].field == f &&
		    (nr == NULL ? l[i].section == NULL : l[i].section != NULL &&
		    strcmp(l[i].section->nr, nr) == 0) &&
		    (qid == NULL ? l[i].question == NULL : l[i].question != NULL &&
		    strcmp(l[i].question->qid, qid) == 0))
			return true;
	return false;
}

/* The review step's warning: every answer the sparse version drops, every
 * field it empties, and nothing else. */
static void
a_sparse_version_lists_every_answer_it_removes_or_empties(void **state)
{
	struct response_loss	l[32];
	size_t			n;

	(void)state;
	n = response_losses(&def, &full, &sparse, l, 32);
	assert_true(has(l, n, NULL, NULL, LOSS_SUMMARY));
	assert_true(has(l, n, NULL, NULL, LOSS_DECISION_BODY));
	assert_true(has(l, n, NULL, NULL, LOSS_DECISION_DATE));
	assert_true(has(l, n, NULL, NULL, LOSS_DIARIENUMMER));
	assert_true(has(l, n, NULL, NULL, LOSS_CONTACT_PHONE));
	/* 3.3 is still answered, but without its position and wording. */
	assert_true(has(l, n, "3.3", NULL, LOSS_POSITION));
	assert_true(has(l, n, "3.3", NULL, LOSS_WORDING));
	assert_false(has(l, n, "3.3", NULL, LOSS_COMMENT));	/* changed, not emptied */
	assert_false(has(l, n, "3.3", NULL, LOSS_ANSWER));
	/* Whole answers gone: one line each, not one per field. */
	assert_true(has(l, n, "3.3", "q1", LOSS_ANSWER));
	assert_true(has(l, n, "6", NULL, LOSS_ANSWER));
	assert_true(has(l, n, NULL, "q9", LOSS_ANSWER));
	assert_false(has(l, n, "3.3", "q1", LOSS_CONS_REGION));
	assert_int_equal(n, 10);
	/* The count is right even when out is too small. */
	assert_int_equal(response_losses(&def, &full, &sparse, l, 3), 10);
}

static void
nothing_is_lost_by_the_same_or_a_fuller_version(void **state)
{
	struct response_loss	l[32];

	(void)state;
	assert_int_equal(response_losses(&def, &full, &full, l, 32), 0);
	assert_int_equal(response_losses(&def, &sparse, &full, l, 32), 0);
}

/* An answer stored with nothing in it is no answer: removing it is no loss. */
static void
an_empty_answer_counts_as_none(void **state)
{
	struct answer		 empty[] = { { .section_nr = "6" } };
	struct response_doc	 e = sparse;
	struct response_loss	 l[8];

	(void)state;
	e.answers = empty;
	e.nanswers = 1;
	assert_int_equal(response_losses(&def, &e, &sparse, l, 8), 0);
	assert_true(response_docs_same(&def, &e, &(struct response_doc){
	    .position = POS_TILLSTYRKER, .contact_name = "Anna Andersson",
	    .contact_email = "anna@laholm.example" }));
}

/* Whether a draft is the version it was sent as: field by field, answers
 * in any order, "" the same as none. */
static void
documents_are_the_same_when_every_field_and_answer_is(void **state)
{
	struct answer		 reordered[4];
	struct response_doc	 x = full;

	(void)state;
	assert_true(response_docs_same(&def, &full, &full));
	reordered[0] = full_answers[3];
	reordered[1] = full_answers[2];
	reordered[2] = full_answers[1];
	reordered[3] = full_answers[0];
	x.answers = reordered;
	assert_true(response_docs_same(&def, &full, &x));
	reordered[3].proposed_wording = "Annan lydelse.";
	assert_false(response_docs_same(&def, &full, &x));
	x = full;
	x.contact_phone = "";
	assert_false(response_docs_same(&def, &full, &x));
	assert_false(response_docs_same(&def, &full, &sparse));
	x = sparse;
	x.summary = "";
	assert_true(response_docs_same(&def, &sparse, &x));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_sparse_version_lists_every_answer_it_removes_or_empties),
		cmocka_unit_test(nothing_is_lost_by_the_same_or_a_fuller_version),
		cmocka_unit_test(an_empty_answer_counts_as_none),
		cmocka_unit_test(documents_are_the_same_when_every_field_and_answer_is),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
