/* review_fields.h: the text fields of an answer that can be read, quoted and tagged, with
 * their Swedish labels (marked N_(), translated where shown) and where STMT_REVIEW_ANSWERS /
 * STMT_REVIEW_ANSWER_ONE return them. */
#ifndef REMISS_REVIEW_FIELDS_H
#define REMISS_REVIEW_FIELDS_H

#include <stddef.h>
#include <string.h>

#include "views/i18n.h"

struct review_field {
	const char	*key;		/* answer_field value in the database */
	const char	*label;
	int		 answers_col;	/* column in STMT_REVIEW_ANSWERS */
	int		 one_col;	/* column in STMT_REVIEW_ANSWER_ONE */
	int		 overall_only;	/* only the response as a whole has it */
};

static const struct review_field review_fields[] = {
	{ "kommentar", N_("Kommentar"), 10, 1, 0 },
	{ "forslag", N_("Förslag till lydelse"), 11, 2, 0 },
	{ "konsekvens_region", N_("Konsekvens för Regionen"), 12, 3, 0 },
	{ "konsekvens_kommun", N_("Konsekvens för kommunerna"), 13, 4, 0 },
	{ "kortsiktigt", N_("Kortsiktigt"), 14, 5, 0 },
	{ "langsiktigt", N_("Långsiktigt"), 15, 6, 0 },
	{ "sammanfattning", N_("Sammanfattning"), 16, 7, 1 },
};
#define REVIEW_NFIELDS (sizeof(review_fields) / sizeof(review_fields[0]))

/* The field named key, or NULL. */
static inline const struct review_field *
review_field(const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < REVIEW_NFIELDS; i++)
		if (strcmp(review_fields[i].key, key) == 0)
			return &review_fields[i];
	return NULL;
}

#endif
