/* response_doc.c: the four positions (codes and Swedish labels), an answer's texts by name, and what makes an answer empty. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/response_doc.h"

/* Code as stored and written in XML, and the label shown in Swedish. */
static const struct {
	const char	*code;
	const char	*label_sv;
} positions[POS__MAX] = {
	[POS_NONE] = { NULL, "Inget ställningstagande" },
	[POS_TILLSTYRKER] = { "tillstyrker", "Tillstyrker" },
	[POS_TILLSTYRKER_MED_ANDRINGAR] = { "tillstyrker-med-andringar",
	    "Tillstyrker med ändringar" },
	[POS_AVSTYRKER] = { "avstyrker", "Avstyrker" },
	[POS_INGA_SYNPUNKTER] = { "inga-synpunkter", "Inga synpunkter" },
};

enum position
position_parse(const char *s)
{
	int p;

	if (s == NULL || *s == '\0')
		return POS_NONE;
	for (p = POS_NONE + 1; p < POS__MAX; p++)
		if (strcmp(s, positions[p].code) == 0)
			return (enum position)p;
	return POS__MAX;
}

const char *
position_code(enum position p)
{
	if ((int)p <= POS_NONE || p >= POS__MAX)
		return NULL;
	return positions[p].code;
}

const char *
position_label_sv(enum position p)
{
	if ((int)p < POS_NONE || p >= POS__MAX)
		return "";
	return positions[p].label_sv;
}

static int
blank(const char *s)
{
	return s == NULL || *s == '\0';
}

int
answer_is_empty(const struct answer *a)
{
	return a->position == POS_NONE && blank(a->comment) &&
	    blank(a->proposed_wording) && blank(a->consequence_region) &&
	    blank(a->consequence_kommun) && blank(a->short_term) &&
	    blank(a->long_term);
}

const struct answer *
response_doc_answer(const struct response_doc *doc, const char *nr,
    const char *qid)
{
	const struct answer	*an;
	size_t			 i;

	for (i = 0; i < doc->nanswers; i++) {
		an = &doc->answers[i];
		if (nr != NULL ? an->section_nr != NULL &&
		    strcmp(an->section_nr, nr) == 0 : qid != NULL &&
		    an->question_id != NULL && strcmp(an->question_id, qid) == 0)
			return an;
	}
	return NULL;
}

const struct answer_text_field answer_text_fields[ANSWER_TEXTS] = {
	{ "kommentar", offsetof(struct answer, comment) },
	{ "forslag", offsetof(struct answer, proposed_wording) },
	{ "konsekvens_region", offsetof(struct answer, consequence_region) },
	{ "konsekvens_kommun", offsetof(struct answer, consequence_kommun) },
	{ "kortsiktigt", offsetof(struct answer, short_term) },
	{ "langsiktigt", offsetof(struct answer, long_term) },
};

const char *
answer_text(const struct answer *ans, size_t f)
{
	return *(const char *const *)(const void *)((const char *)ans +
	    answer_text_fields[f].off);
}
