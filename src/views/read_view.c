/* read_view.c: the reading pages: "Dokumentet läses…", the failure in words, the proposal with its passages beside each answer. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/read_view.h"
#include "views/response_form_view.h"

const char *
read_error_message(const char *code)
{
	static const struct {
		const char	*code;
		const char	*msg;
	} msgs[] = {
		{ "unsupported", N_("Filen är inte en PDF-, Word- (DOCX) eller "
		    "ODT-fil.") },
		{ "corrupt", N_("Dokumentet är skadat eller kunde inte läsas.") },
		{ "too_large", N_("Dokumentet är för stort för att läsas in.") },
		{ "encrypted", N_("Dokumentet är skyddat med lösenord. Spara "
		    "det utan lösenord och ladda upp det igen.") },
		{ "empty", N_("Dokumentet innehåller ingen text, till exempel "
		    "en inskannad bild. Skriv in svaren för hand.") },
		{ "limits", N_("Dokumentet tog för lång tid eller för mycket "
		    "minne att läsa och avbröts.") },
		{ "gave_up", N_("Inläsningen avbröts upprepade gånger och har "
		    "getts upp.") },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strcmp(code, msgs[i].code) == 0)
			return _(msgs[i].msg);
	return _("Dokumentet kunde inte läsas in på grund av ett internt fel.");
}

/* The answer the proposal has for section nr or question qid; NULL. */
static const struct docread_answer *
proposed(const struct docread *r, const char *nr, const char *qid)
{
	size_t i;

	for (i = 0; i < r->nanswers; i++) {
		const struct docread_answer *an = &r->answers[i];

		if (nr != NULL && an->section_nr != NULL &&
		    strcmp(an->section_nr, nr) == 0)
			return an;
		if (qid != NULL && an->question_id != NULL &&
		    strcmp(an->question_id, qid) == 0)
			return an;
	}
	return NULL;
}

/* The passage quoted, its cue words marked. A page break inside it (a
 * "\f" line of the extracted text) reads as a line break; no other
 * control character is in it (reader/textout.c). */
static void
quote(struct html *h, struct arena *a, const struct docread_answer *an)
{
	char	*p, *c;

	if ((p = arena_strdup(a, an->passage)) == NULL)
		return;
	for (c = p; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 && *c != '\n')
			*c = '\n';

	html_open(h, "blockquote", "class", "read-passage", NULL);
	if (an->cue_end > an->cue_start) {
		html_text(h, arena_strndup(a, p, an->cue_start));
		html_elem(h, "mark", arena_strndup(a, p + an->cue_start,
		    an->cue_end - an->cue_start), NULL);
		html_text(h, p + an->cue_end);
	} else
		html_text(h, p);
	html_close(h);
}

/* Beside an answer of the form: where in the document it came from. */
static void
beside(struct html *h, struct arena *a, const void *ctx, const char *nr,
    const char *qid)
{
	const struct docread		*r = ctx;
	const struct docread_answer	*an;

	html_open(h, "div", "class", "read-source", NULL);
	if (nr == NULL && qid == NULL) {
		html_elem(h, "p", r->position != POS_NONE ?
		    arena_printf(a, _("Ur dokumentet: %s"),
		    position_label(r->position)) :
		    _("Inget övergripande ställningstagande hittades i "
		    "dokumentet."), "class", "muted", NULL);
		html_close(h);
		return;
	}
	an = proposed(r, nr, qid);
	if (an == NULL || an->passage == NULL || *an->passage == '\0') {
		html_elem(h, "p", _("Inget hittat i dokumentet"), "class",
		    "read-none", NULL);
		html_close(h);
		return;
	}
	html_elem(h, "p", arena_printf(a, "%s – %s", _("Ur dokumentet"),
	    an->confidence >= 60 ? _("säker") : _("osäker")), "class",
	    an->confidence >= 60 ? "read-sure" : "read-unsure", NULL);
	quote(h, a, an);
	html_close(h);
}

static void
back_link(struct html *h, struct arena *a, const struct read_page *p)
{
	html_elem(h, "a", _("Tillbaka till registreringen"), "href",
	    arena_printf(a, "/remisser/%s/registrera/%lld", p->def->slug,
	    p->org_id), NULL);
}

void
read_page_view(struct html *h, struct arena *a, const struct read_page *p)
{
	const struct docread		*r = p->read;
	struct form_registration	 reg;
	const char			*self;

	self = arena_printf(a, "/remisser/%s/registrera/%lld/las/%lld",
	    p->def->slug, p->org_id, r->id);
	layout_begin(h, _("Läs in remissvar"), p->who);
	html_elem(h, "h1", arena_printf(a, _("Remissvar från %s"),
	    p->org_name), NULL);
	html_elem(h, "p", arena_printf(a, _("Dokument: %s"), r->filename),
	    "class", "lead", NULL);
	if (r->status == DOCREAD_QUEUED || r->status == DOCREAD_RUNNING) {
		html_elem(h, "p", _("Dokumentet läses…"), "role", "status",
		    "class", "notice", "id", "las-status", NULL);
		html_elem(h, "p", _("Sidan uppdateras av sig själv efter några "
		    "sekunder."), "class", "muted", NULL);
		html_elem(h, "a", _("Uppdatera"), "href", self, "class",
		    "button", NULL);
		layout_end(h);
		return;
	}
	if (r->status == DOCREAD_FAILED) {
		html_elem(h, "p", read_error_message(r->error), "role",
		    "alert", "class", "alert", "id", "las-fel", NULL);
		back_link(h, a, p);
		layout_end(h);
		return;
	}
	html_elem(h, "p", _("Svaren nedan är föreslagna ur dokumentets text. "
	    "Bredvid varje svar står stycket det kom ifrån. Kontrollera och "
	    "rätta varje svar, och registrera sedan."), "class", "notice",
	    NULL);
	if (r->confirmed_version > 0)
		html_elem(h, "p", _("Det här dokumentet har redan registrerats. "
		    "Registrerar du igen blir det en ny version."), "class",
		    "notice", NULL);
	if (p->errs != NULL && p->errs->n > 0)
		form_errors_summary(h, p->errs,
		    _("Rätta följande innan du registrerar"));
	memset(&reg, 0, sizeof(reg));
	reg.key = p->key;
	reg.arrived_on = p->arrived_on;
	reg.beside = beside;
	reg.beside_ctx = r;
	reg.original = r->filename;
	response_form_write(h, a, p->def, p->doc, p->errs, self,
	    p->who->csrf, 0, NULL, 0, &reg);
	layout_end(h);
}
