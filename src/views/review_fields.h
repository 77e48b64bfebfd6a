/* review_fields.h: the Swedish labels (marked N_(), translated where shown) of the answer fields
 * that can be read, quoted and tagged (core/review_section.h enum answer_field). */
#ifndef REMISS_REVIEW_FIELDS_H
#define REMISS_REVIEW_FIELDS_H

#include "core/review_section.h"
#include "views/i18n.h"

static const char *const review_field_labels[AF__N] = {
	[AF_KOMMENTAR] = N_("Kommentar"),
	[AF_FORSLAG] = N_("Förslag till lydelse"),
	[AF_KONSEKVENS_REGION] = N_("Konsekvens för Regionen"),
	[AF_KONSEKVENS_KOMMUN] = N_("Konsekvens för kommunerna"),
	[AF_KORTSIKTIGT] = N_("Kortsiktigt"),
	[AF_LANGSIKTIGT] = N_("Långsiktigt"),
	[AF_SAMMANFATTNING] = N_("Sammanfattning"),
};

#endif
