/* response_doc.c: the four positions (codes and Swedish labels) and what makes an answer empty. */
#include "config.h"

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
