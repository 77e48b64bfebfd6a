/* answer_view.c: a remissvar's answers section by section, as the respondent and the public read them. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>

#include "core/redact.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "views/answer_view.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"

/* The labels of answer_text_fields, in its order. */
static const char *const labels[ANSWER_TEXTS] = {
	N_("Kommentar"),
	N_("Förslag till ny lydelse"),
	N_("Konsekvenser för Regionen"),
	N_("Konsekvenser för Kommunerna"),
	N_("Kortsiktigt"),
	N_("Långsiktigt"),
};

const char *
answer_text_label(size_t f)
{
	return _(labels[f]);
}

/* One answer as a definition list; see answers_view. */
static void
answer_view(struct html *h, struct arena *a, const struct answer *ans,
    bool keyed)
{
	const char	*text;
	size_t		 f;

	html_open(h, "dl", "class", "answer-view", NULL);
	if (ans->position != POS_NONE) {
		html_elem(h, "dt", _("Ställningstagande"), NULL);
		html_elem(h, "dd", position_label(ans->position), NULL);
	}
	for (f = 0; f < ANSWER_TEXTS; f++) {
		if ((text = answer_text(ans, f)) == NULL || text[0] == '\0')
			continue;
		html_elem(h, "dt", answer_text_label(f), NULL);
		html_elem(h, "dd", text, "class", "prewrap", "data-field",
		    keyed ? redact_answer_key(a, ans,
		    answer_text_fields[f].name) : NULL, NULL);
	}
	html_close(h);
}

/* The answers to questions qs[0..n) that doc has, each under its question. */
static void
questions_view(struct html *h, struct arena *a,
    const struct question_def *qs, size_t n, const struct response_doc *doc,
    bool keyed)
{
	const struct answer	*ans;
	size_t			 j;

	for (j = 0; j < n; j++) {
		if ((ans = response_doc_answer(doc, NULL, qs[j].qid)) == NULL)
			continue;
		html_elem(h, "h4", qs[j].text, NULL);
		answer_view(h, a, ans, keyed);
	}
}

void
answers_view(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct response_doc *doc, bool keyed)
{
	const struct section_def	*s;
	const struct answer		*ans;
	size_t				 i;

	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		ans = response_doc_answer(doc, s->nr, NULL);
		html_open(h, "section", "class", "avsnitt-view", NULL);
		html_open(h, "h3", NULL);
		html_text(h, s->nr);
		html_text(h, " ");
		html_text(h, s->heading);
		html_close(h);
		if (ans != NULL)
			answer_view(h, a, ans, keyed);
		questions_view(h, a, s->questions, s->nquestions, doc, keyed);
		if (ans == NULL && s->nquestions == 0)
			html_elem(h, "p", _("Inget svar på detta avsnitt."),
			    "class", "muted", NULL);
		html_close(h);
	}
	questions_view(h, a, def->general, def->ngeneral, doc, keyed);
}
