/* rule_messages.c: words the core's rule codes as the user reads them, marked for the
 * catalogue (po/) where they are translated; the one place these sentences live. */
#include "config.h"

#include <stddef.h>

#include "core/remiss_rules.h"
#include "util/arena.h"
#include "views/i18n.h"
#include "views/rule_messages.h"

const char *
rule_message(struct arena *a, const struct rule_msg *m)
{
	if (m == NULL)
		return NULL;
	switch (m->code) {
	case RULE_NONE:
		return NULL;
	case RULE_MEETING_OOM_PARTICIPANTS:
		return _("Deltagarna kunde inte läsas just nu.");
	case RULE_MEETING_NAME_MISSING:
		return arena_printf(a, _("Rad %zu: skriv deltagarens namn före "
		    "kommatecknet, till exempel ”Anna Svensson, socialchef”."),
		    m->line);
	case RULE_MEETING_LINE_CONTROL:
		return arena_printf(a, _("Rad %zu: raden innehåller otillåtna "
		    "tecken."), m->line);
	case RULE_MEETING_NAME_TOO_LONG:
		return arena_printf(a, _("Rad %zu: namnet och rollen får vara "
		    "högst 200 tecken var."), m->line);
	case RULE_MEETING_TOO_MANY:
		return _("Skriv högst 200 deltagare.");
	case RULE_MEETING_OOM_FIELD:
		return _("Fältet kunde inte läsas just nu.");
	case RULE_MEETING_ONE_LINE:
		return _("Fältet får bara innehålla en rad vanlig text.");
	case RULE_MEETING_TITLE_TOO_LONG:
		return _("Rubriken får vara högst 200 tecken.");
	case RULE_MEETING_PLACE_TOO_LONG:
		return _("Platsen får vara högst 200 tecken.");
	case RULE_MEETING_DATE_MISSING:
		return _("Skriv dagen då mötet hölls.");
	case RULE_MEETING_DATE_BAD:
		return _("Skriv ett riktigt datum som ÅÅÅÅ-MM-DD, till exempel "
		    "2024-05-14.");
	case RULE_MEETING_OOM_NOTES:
		return _("Anteckningarna kunde inte läsas just nu.");
	case RULE_MEETING_NOTES_TOO_LONG:
		return _("Anteckningarna får vara högst 100 000 tecken.");
	case RULE_MEETING_NOTES_CONTROL:
		return _("Anteckningarna innehåller otillåtna tecken.");
	case RULE_MEETING_NO_ORG:
		return _("Välj minst en organisation som deltog i mötet.");
	case RULE_TEXT:
		return m->s;
	}
	return NULL;
}

const char *
rule_error_text(struct arena *a, const struct rule_errors *e,
    const char *field)
{
	return rule_message(a, rule_error_get(e, field));
}
