/* answer_doc.c: what the answer's Word and PDF documents share: the labelled texts of an
 * answer, in the order both lay them out. */
#include "config.h"

#include <stddef.h>

#include "export/answer_doc.h"

static const struct {
	const char	*label;
	size_t		 off;
} fields[ANSWER_DOC_FIELDS] = {
	{ "Förslag till lydelse", offsetof(struct answer, proposed_wording) },
	{ "Konsekvenser för regionen",
	    offsetof(struct answer, consequence_region) },
	{ "Konsekvenser för kommunerna",
	    offsetof(struct answer, consequence_kommun) },
	{ "Kortsiktigt", offsetof(struct answer, short_term) },
	{ "Långsiktigt", offsetof(struct answer, long_term) },
};

const char *
answer_doc_field(const struct answer *an, size_t k, const char **label_sv)
{
	const char *text;

	if (k >= ANSWER_DOC_FIELDS)
		return NULL;
	*label_sv = fields[k].label;
	text = *(const char *const *)(const void *)((const char *)an +
	    fields[k].off);
	return text != NULL && text[0] != '\0' ? text : NULL;
}
