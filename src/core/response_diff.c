/* response_diff.c: answers a new version would remove or empty, and whether two remissvar say the same. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "core/response_diff.h"

/* A text is there when it is not NULL and not "". */
static bool
filled(const char *s)
{
	return s != NULL && *s != '\0';
}

static bool
same_text(const char *a, const char *b)
{
	if (!filled(a) || !filled(b))
		return filled(a) == filled(b);
	return strcmp(a, b) == 0;
}

/* The answer of doc to section nr or question qid (one of them NULL), or
 * NULL; an answer with nothing in it counts as none. */
static const struct answer *
answer_to(const struct response_doc *doc, const char *nr, const char *qid)
{
	const struct answer *an = response_doc_answer(doc, nr, qid);

	return an != NULL && !answer_is_empty(an) ? an : NULL;
}

/* Records one loss when there is room; always counts it. */
static void
add(struct response_loss *out, size_t max, size_t *n,
    const struct section_def *s, const struct question_def *q,
    enum loss_field f)
{
	if (*n < max) {
		out[*n].section = s;
		out[*n].question = q;
		out[*n].field = f;
	}
	(*n)++;
}

/* The losses between two answers to one target (either may be NULL). */
static void
answer_losses(const struct answer *e, const struct answer *l,
    const struct section_def *s, const struct question_def *q,
    struct response_loss *out, size_t max, size_t *n)
{
	if (e == NULL)
		return;
	if (l == NULL) {
		add(out, max, n, s, q, LOSS_ANSWER);
		return;
	}
	if (e->position != POS_NONE && l->position == POS_NONE)
		add(out, max, n, s, q, LOSS_POSITION);
#define EMPTIED(field, loss) do {					\
	if (filled(e->field) && !filled(l->field))			\
		add(out, max, n, s, q, loss);				\
} while (0)
	EMPTIED(comment, LOSS_COMMENT);
	EMPTIED(proposed_wording, LOSS_WORDING);
	EMPTIED(consequence_region, LOSS_CONS_REGION);
	EMPTIED(consequence_kommun, LOSS_CONS_KOMMUN);
	EMPTIED(short_term, LOSS_SHORT_TERM);
	EMPTIED(long_term, LOSS_LONG_TERM);
#undef EMPTIED
}

size_t
response_losses(const struct remiss_def *def,
    const struct response_doc *earlier, const struct response_doc *later,
    struct response_loss *out, size_t max)
{
	const struct section_def	*s;
	const struct question_def	*q;
	size_t				 i, j, n = 0;

#define EMPTIED(field, loss) do {					\
	if (filled(earlier->field) && !filled(later->field))		\
		add(out, max, &n, NULL, NULL, loss);			\
} while (0)
	EMPTIED(summary, LOSS_SUMMARY);
	EMPTIED(decision_body, LOSS_DECISION_BODY);
	EMPTIED(decision_date, LOSS_DECISION_DATE);
	EMPTIED(diarienummer, LOSS_DIARIENUMMER);
	EMPTIED(contact_phone, LOSS_CONTACT_PHONE);
#undef EMPTIED
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		answer_losses(answer_to(earlier, s->nr, NULL),
		    answer_to(later, s->nr, NULL), s, NULL, out, max, &n);
		for (j = 0; j < s->nquestions; j++) {
			q = &s->questions[j];
			answer_losses(answer_to(earlier, NULL, q->qid),
			    answer_to(later, NULL, q->qid), s, q, out, max, &n);
		}
	}
	for (j = 0; j < def->ngeneral; j++) {
		q = &def->general[j];
		answer_losses(answer_to(earlier, NULL, q->qid),
		    answer_to(later, NULL, q->qid), NULL, q, out, max, &n);
	}
	return n;
}

static bool
same_answer(const struct answer *x, const struct answer *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return x->position == y->position &&
	    same_text(x->comment, y->comment) &&
	    same_text(x->proposed_wording, y->proposed_wording) &&
	    same_text(x->consequence_region, y->consequence_region) &&
	    same_text(x->consequence_kommun, y->consequence_kommun) &&
	    same_text(x->short_term, y->short_term) &&
	    same_text(x->long_term, y->long_term);
}

bool
response_docs_same(const struct remiss_def *def,
    const struct response_doc *x, const struct response_doc *y)
{
	const struct section_def	*s;
	size_t				 i, j;

	if (x->position != y->position || !same_text(x->summary, y->summary) ||
	    !same_text(x->decision_body, y->decision_body) ||
	    !same_text(x->decision_date, y->decision_date) ||
	    !same_text(x->diarienummer, y->diarienummer) ||
	    !same_text(x->contact_name, y->contact_name) ||
	    !same_text(x->contact_email, y->contact_email) ||
	    !same_text(x->contact_phone, y->contact_phone))
		return false;
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		if (!same_answer(answer_to(x, s->nr, NULL),
		    answer_to(y, s->nr, NULL)))
			return false;
		for (j = 0; j < s->nquestions; j++)
			if (!same_answer(answer_to(x, NULL, s->questions[j].qid),
			    answer_to(y, NULL, s->questions[j].qid)))
				return false;
	}
	for (j = 0; j < def->ngeneral; j++)
		if (!same_answer(answer_to(x, NULL, def->general[j].qid),
		    answer_to(y, NULL, def->general[j].qid)))
			return false;
	return true;
}
