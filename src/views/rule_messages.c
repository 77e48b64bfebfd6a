/* rule_messages.c: words the core's rule codes as the user reads them, marked for the
 * catalogue (po/) where they are translated; the one place these sentences live. */
#include "config.h"

#include <stddef.h>

#include "core/remiss_edit.h"
#include "core/remiss_rules.h"
#include "util/buf.h"
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
	case RULE__COUNT:
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
	/* The remiss editor's texts are Swedish only, as before. */
	case RULE_REMISS_ONE_LINE:
		return "Fältet får bara innehålla en rad vanlig text.";
	case RULE_REMISS_DATE_BAD:
		return "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2025-04-01.";
	case RULE_REMISS_SLUG_MISSING:
		return "Skriv remissens id. Det blir en del av adressen, till "
		    "exempel ok-hemsjukvard-2025.";
	case RULE_REMISS_SLUG_BAD:
		return "Id får bara innehålla små bokstäver a–z, siffror och "
		    "bindestreck (1–80 tecken) och får inte börja med bindestreck.";
	case RULE_REMISS_TITLE_MISSING:
		return "Skriv remissens titel.";
	case RULE_REMISS_TITLE_TOO_LONG:
		return "Titeln får vara högst 500 tecken.";
	case RULE_REMISS_SENDER_MISSING:
		return "Skriv vem som skickar remissen.";
	case RULE_REMISS_SENDER_TOO_LONG:
		return "Avsändaren får vara högst 500 tecken.";
	case RULE_REMISS_DIARIENR_TOO_LONG:
		return "Diarienumret får vara högst 100 tecken.";
	case RULE_REMISS_DESCRIPTION_TOO_LONG:
		return "Beskrivningen får vara högst 100 000 tecken.";
	case RULE_REMISS_OPENS_MISSING:
		return "Skriv dagen då remissen öppnar.";
	case RULE_REMISS_CLOSES_MISSING:
		return "Skriv sista svarsdag.";
	case RULE_REMISS_CLOSES_BEFORE_OPENS:
		return "Sista svarsdag kan inte vara före den dag remissen öppnar.";
	case RULE_SECTION_NR_MISSING:
		return "Skriv avsnittets nummer, till exempel 3.2.";
	case RULE_SECTION_NR_BAD:
		return "Numret får vara 1–32 tecken: bokstäver, siffror, punkt, "
		    "kolon, understreck och bindestreck, och ska börja och sluta "
		    "med en bokstav eller siffra.";
	case RULE_SECTION_HEADING_MISSING:
		return "Skriv avsnittets rubrik.";
	case RULE_SECTION_HEADING_TOO_LONG:
		return "Rubriken får vara högst 500 tecken.";
	case RULE_SECTION_BODY_TOO_LONG:
		return "Förslagets text får vara högst 200 000 tecken.";
	case RULE_QUESTION_ID_MISSING:
		return "Skriv frågans id, till exempel q5.";
	case RULE_QUESTION_ID_BAD:
		return "Id får vara 1–64 tecken: bokstäver a–z, siffror, "
		    "understreck, punkt och bindestreck, och ska börja med en "
		    "bokstav, siffra eller understreck.";
	case RULE_QUESTION_KIND_BAD:
		return "Välj vilken sorts svar frågan ska ha.";
	case RULE_QUESTION_TEXT_MISSING:
		return "Skriv frågan.";
	case RULE_QUESTION_TEXT_TOO_LONG:
		return "Frågan får vara högst 10 000 tecken.";
	case RULE_REMISS_SLUG_TAKEN:
		return "Det finns redan en remiss med det id:t. Välj ett annat.";
	case RULE_SECTION_NR_TAKEN:
		return "Ett annat avsnitt har redan det numret.";
	case RULE_QUESTION_ID_TAKEN:
		return "En annan fråga i remissen har redan det id:t.";
	case RULE_SECTIONS_TOO_MANY:
		return "En remiss kan ha högst 200 avsnitt.";
	/* Why a response is refused: Swedish only, as before. */
	case RULE_RESPONSE_TOO_MANY_ANSWERS:
		return "För många svar.";
	case RULE_RESPONSE_BAD_ANSWER_POSITION:
		return "Ogiltigt ställningstagande i ett svar.";
	case RULE_RESPONSE_SECTION_AND_QUESTION:
		return "Ett svar gäller både ett avsnitt och en fråga.";
	case RULE_RESPONSE_NO_SUCH_SECTION:
		return arena_printf(a, "Avsnitt %s finns inte i remissen.",
		    m->s);
	case RULE_RESPONSE_NO_SUCH_QUESTION:
		return arena_printf(a, "Fråga %s finns inte i remissen.",
		    m->s);
	case RULE_RESPONSE_NO_TARGET:
		return "Ett svar saknar avsnitt eller fråga.";
	case RULE_RESPONSE_SECTION_TWICE:
		return arena_printf(a, "Avsnitt %s besvaras mer än en gång.",
		    m->s);
	case RULE_RESPONSE_QUESTION_TWICE:
		return arena_printf(a, "Fråga %s besvaras mer än en gång.",
		    m->s);
	case RULE_RESPONSE_POSITION_MISSING:
		return "Ställningstagande (övergripande) saknas.";
	case RULE_RESPONSE_CONTACT_NAME_MISSING:
		return "Kontaktpersonens namn saknas.";
	case RULE_RESPONSE_CONTACT_EMAIL_BAD:
		return "Kontaktpersonens e-postadress saknas eller är "
		    "ogiltig.";
	case RULE_RESPONSE_DECISION_BODY_MISSING:
		return "Beslutsdatum anges men inte beslutande instans.";
	case RULE_RESPONSE_CHECKSUM_MISSING:
		return "Begärans kontrollsumma saknas.";
	case RULE_RESPONSE_ARRIVED_MISSING:
		return "Ankomstdatum saknas eller är inte ett datum "
		    "(ÅÅÅÅ-MM-DD).";
	case RULE_RESPONSE_ARRIVED_INVALID:
		return "Ankomstdatumet är inte ett giltigt datum.";
	case RULE_RESPONSE_ARRIVED_FUTURE:
		return "Ankomstdatumet kan inte vara senare än i dag.";
	case RULE_RESPONSE_TOO_MANY_ATTACHMENTS:
		return "För många bilagor.";
	case RULE_RESPONSE_NOT_XML:
		return "Svaret kunde inte skrivas som XML (otillåtna "
		    "tecken?).";
	case RULE_RESPONSE_VALUE_REFUSED:
		return "Ett värde i svaret godtogs inte (för långt, "
		    "ogiltigt datum eller e-postadress).";
	case RULE_RESPONSE_ANSWER_REFUSED:
		return "Ett svar godtogs inte (för lång text, eller "
		    "avsnittet eller frågan har tagits bort).";
	case RULE_RESPONSE_ATTACHMENT_REFUSED:
		return "En bilaga godtogs inte (filnamn eller mediatyp).";
	}
	return NULL;
}

/* "inskickade svar från 4 remissinstanser och utkast hos 1" and the like. */
static const char *
who_answered(struct arena *a, long sub, long dra)
{
	const char *s = NULL, *d = NULL;

	if (sub > 0)
		s = arena_printf(a, "inskickade svar från %ld %s", sub,
		    sub == 1 ? "remissinstans" : "remissinstanser");
	if (dra > 0)
		d = arena_printf(a, "%s hos %ld %s", sub > 0 ? "utkast" :
		    "utkast till svar", dra, dra == 1 ? "remissinstans" :
		    "remissinstanser");
	if (s != NULL && d != NULL)
		return arena_printf(a, "%s och %s", s, d);
	return s != NULL ? s : d;
}

const char *
answered_message(struct arena *a, const struct answered_item *it,
    bool for_import)
{
	const char *who, *m = NULL;

	who = who_answered(a, it->sub, it->dra);
	if (it->qid != NULL)
		m = arena_printf(a, "Frågan %s har %s och kan inte tas bort.%s",
		    it->qid, who ? who : "svar", for_import ?
		    " Behåll den i filen: svaren följer med." : "");
	else if (it->nr != NULL && it->heading != NULL)
		m = arena_printf(a, "Avsnitt %s %s har %s och kan inte tas "
		    "bort. %s", it->nr, it->heading, who ? who : "svar",
		    for_import ? "Behåll det i filen: ett nytt nummer, en ny "
		    "rubrik eller en ny plats går bra, svaren följer med." :
		    "Du kan ändra nummer, rubrik eller plats i stället: svaren "
		    "följer med.");
	return m != NULL ? m : "Ett avsnitt eller en fråga med svar kan inte "
	    "tas bort.";
}

const char *
edit_refusal_message(struct arena *a, const struct remiss_edit *e)
{
	struct buf	why;
	size_t		i;

	if (e->nanswered == 0)
		return "Någon annan har ändrat remissen sedan du öppnade sidan. "
		    "Din ändring är inte sparad. Sidan visar nu det som är "
		    "sparat, med det du skrev kvar i formuläret: kontrollera och "
		    "spara igen.";
	buf_init(&why, a);
	for (i = 0; i < e->nanswered; i++)
		buf_printf(&why, "%s%s", i ? " " : "",
		    answered_message(a, &e->answered[i], false));
	return why.failed ? answered_message(a, &e->answered[0], false) :
	    why.data;
}

const char *
rule_error_text(struct arena *a, const struct rule_errors *e,
    const char *field)
{
	return rule_message(a, rule_error_get(e, field));
}
