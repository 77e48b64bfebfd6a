/* response_page_view.c: the response form's pages: the form with what it starts from, the review
 * step, and the förvaltning's registration of a response that came by post. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/document_reads.h"
#include "core/draft_files.h"
#include "core/response_diff.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/response_form_view.h"
#include "views/response_page_view.h"

/* What the form starts from, said above it: the latest version when there
 * was no draft; a draft older than the latest version (and unlike it)
 * with a button that starts again from that version. */
static void
start_notice(struct html *h, struct arena *a, const struct identity *who,
    const struct remiss_def *def, const struct response_revision *rev)
{
	char lockbuf[16];

	if (rev->from == START_LATEST) {
		html_open(h, "div", "class", "notice", "role", "status", "id",
		    "start", NULL);
		html_elem(h, "p", arena_printf(a, _("Formuläret är ifyllt "
		    "med ert senaste inskickade svar, %s. Ändra det som ska "
		    "ändras: det ni skickar blir en ny version som ersätter "
		    "den."), receipt_version_ui(a, &rev->latest)), NULL);
		html_close(h);
	} else if (rev->from == START_OLD_DRAFT) {
		snprintf(lockbuf, sizeof(lockbuf), "%d", rev->lock);
		html_open(h, "div", "class", "alert", "role", "alert", "id",
		    "start", NULL);
		html_elem(h, "p", arena_printf(a, _("Utkastet nedan "
		    "sparades %1$s, före ert senaste inskickade svar, %2$s, och "
		    "skiljer sig från det. Skickar ni utkastet ersätter det "
		    "version %3$d."), iso_datetime_ui_in(a,
		    rev->draft_saved), receipt_version_ui(a, &rev->latest),
		    rev->latest.version), NULL);
		html_open(h, "form", "method", "post", "action",
		    arena_printf(a, "/remisser/%s/svar", def->slug),
		    "class", "inline", NULL);
		form_hidden(h, "csrf", who->csrf);
		form_hidden(h, "lock", lockbuf);
		html_elem(h, "button", arena_printf(a, _("Börja om från "
		    "version %d"), rev->latest.version), "type", "submit",
		    "name", "action", "value", "borja-om", NULL);
		html_close(h);
		html_close(h);
	}
}

/* The form page, with an optional message and errors; rev (or NULL)
 * says what the form starts from. */
void
response_form_page_view(struct html *h, struct arena *a,
    const struct response_form_page *p)
{
	const struct remiss_def	*def = p->def;
	size_t			 i;

	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, arena_printf(a, _("%sSvar på %s"), p->errs != NULL &&
	    p->errs->n > 0 ? _("Fel: ") : "", def->title), p->who);
	html_elem(h, "h1", arena_printf(a, _("Svar på remissen: %s"),
	    def->title), NULL);
	html_elem(h, "p", arena_printf(a, _("Svarar för %s. Sista "
	    "svarsdag %s."), p->who->org_name ? p->who->org_name : "",
	    date_ui_in(a, def->closes)), "class", "lead", NULL);
	if (p->errs != NULL && p->errs->n > 0)
		form_errors_summary(h, p->errs,
		    _("Rätta följande innan du går vidare"));
	if (p->rev != NULL)
		start_notice(h, a, p->who, def, p->rev);
	if (p->notice != NULL) {
		html_open(h, "div", "class", p->nchanges ? "alert" : "notice",
		    "role", p->nchanges ? "alert" : "status",
		    "id", p->changes != NULL ? "konflikt" : NULL, NULL);
		html_elem(h, "p", p->notice, NULL);
		if (p->nchanges > 0) {
			html_open(h, "ul", NULL);
			for (i = 0; i < p->nchanges; i++)
				html_elem(h, "li", p->changes[i], NULL);
			html_close(h);
		}
		html_close(h);
	}
	/* A saved draft as a Word document or a PDF for the nämnd
	 * (answer_pages.c). */
	if (p->rev != NULL && p->rev->draft_saved != NULL &&
	    (p->rev->from == START_DRAFT || p->rev->from == START_OLD_DRAFT)) {
		html_open(h, "p", "class", "answer-docs", NULL);
		html_elem(h, "a", _("Ladda ner utkastet som Word"), "href",
		    arena_printf(a, "/remisser/%s/svar/utkast.docx", def->slug),
		    "download", "download", NULL);
		html_text(h, " · ");
		html_elem(h, "a", _("Ladda ner utkastet som PDF"), "href",
		    arena_printf(a, "/remisser/%s/svar/utkast.pdf", def->slug),
		    "download", "download", NULL);
		html_text(h, _(" (det senast sparade utkastet, till exempel "
		    "för nämndens handlingar)"));
		html_close(h);
	}
	response_form_write(h, a, def, p->doc, p->errs,
	    arena_printf(a, "/remisser/%s/svar", def->slug),
	    p->who->csrf, p->lock, p->files, p->nfiles > 0 ? p->nfiles : 0, NULL);
	html_elem(h, "script", "", "src", "/static/autosave.js", "defer", "defer",
	    NULL);
	layout_end(h);
}

/* The name of a loss's target: "Avsnitt 3.3 Tröskelprincipen", "Frågan
 * ”…” i avsnitt 3.3", "Frågan ”…”", or NULL for the document's own fields. */
static const char *
loss_target(struct arena *a, const struct response_loss *l)
{
	if (l->question != NULL && l->section != NULL)
		return arena_printf(a, _("Frågan ”%1$s” i avsnitt %2$s"),
		    l->question->text, l->section->nr);
	if (l->question != NULL)
		return arena_printf(a, _("Frågan ”%s”"), l->question->text);
	if (l->section != NULL)
		return arena_printf(a, _("Avsnitt %s %s"), l->section->nr,
		    l->section->heading);
	return NULL;
}

/* The label of a lost field, as the form names it. */
static const char *
loss_field_label(const struct response_loss *l)
{
	switch (l->field) {
	case LOSS_POSITION:
		return _("Ställningstagande");
	case LOSS_COMMENT:
		return l->question != NULL ? _("Svar") : _("Kommentar");
	case LOSS_WORDING:
		return _("Förslag till ny lydelse");
	case LOSS_CONS_REGION:
		return _("Konsekvenser för Regionen");
	case LOSS_CONS_KOMMUN:
		return _("Konsekvenser för Kommunerna");
	case LOSS_SHORT_TERM:
		return _("Kortsiktigt");
	case LOSS_LONG_TERM:
		return _("Långsiktigt");
	case LOSS_SUMMARY:
		return _("Sammanfattning");
	case LOSS_DECISION_BODY:
		return _("Beslutande instans");
	case LOSS_DECISION_DATE:
		return _("Beslutsdatum");
	case LOSS_DIARIENUMMER:
		return _("Ert diarienummer");
	case LOSS_CONTACT_PHONE:
		return _("Kontaktpersonens telefon");
	default:
		return "";
	}
}

/*
 * Before sending: what the new version would take away from the latest
 * one, whatever channel that came through (an answer removed, a field
 * emptied, a file not sent again), so that a revision never wipes an
 * answer without the user being told. Nothing when there is no version yet.
 */
static void
losses_section(struct html *h, struct arena *a,
    const struct response_confirm_page *p)
{
	const struct receipt	*latest = p->latest;
	const char		*target;
	size_t			 i;

	if (latest == NULL)
		return;
	if (p->nlosses == 0 && p->ndropped == 0) {
		html_elem(h, "p", arena_printf(a, _("Svaret blir version "
		    "%1$d och ersätter %2$s. Inget av det som står där tas bort."),
		    latest->version + 1, receipt_version_ui(a, latest)),
		    "class", "notice", NULL);
		return;
	}
	html_open(h, "section", "class", "alert", "id", "tas-bort",
	    "aria-labelledby", "h-tas-bort", NULL);
	html_elem(h, "h2", arena_printf(a, _("Det här tas bort jämfört "
	    "med version %d"), latest->version), "id", "h-tas-bort", NULL);
	html_elem(h, "p", arena_printf(a, _("Svaret blir version %1$d "
	    "och ersätter %2$s. Det som står där men inte i det ni skickar nu "
	    "finns inte kvar i den nya versionen:"), latest->version + 1,
	    receipt_version_ui(a, latest)), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < p->nshown; i++) {
		target = loss_target(a, &p->losses[i]);
		if (p->losses[i].field == LOSS_ANSWER)
			html_elem(h, "li", arena_printf(a, _("%s: hela "
			    "svaret tas bort."), target), NULL);
		else if (target != NULL)
			html_elem(h, "li", arena_printf(a, _("%1$s: "
			    "”%2$s” töms."), target, loss_field_label(&p->losses[i])),
			    NULL);
		else
			html_elem(h, "li", arena_printf(a, _("”%s” "
			    "töms."), loss_field_label(&p->losses[i])), NULL);
	}
	if (p->nlosses > p->nshown)
		html_elem(h, "li", arena_printf(a, _("och %zu till."),
		    p->nlosses - p->nshown), NULL);
	for (i = 0; i < p->ndropped; i++)
		html_elem(h, "li", arena_printf(a, _("Bilagan %s "
		    "skickas inte med."), p->dropped[i]), NULL);
	html_close(h);
	html_elem(h, "p", _("Ska något av det finnas kvar: gå tillbaka och "
	    "ändra innan ni skickar."), NULL);
	html_close(h);
}

/* The confirmation step: what will be sent, and the one button that sends it. */
void
response_confirm_page_view(struct html *h, struct arena *a,
    const struct response_confirm_page *p)
{
	const struct remiss_def	*def = p->def;
	char			 lockbuf[16];

	snprintf(lockbuf, sizeof(lockbuf), "%d", p->lock);
	layout_begin(h, _("Granska ert svar"), p->who);
	html_elem(h, "h1", _("Granska ert svar innan det skickas"), NULL);
	html_elem(h, "p", arena_printf(a, _("Detta skickas till %s som "
	    "svar från %s. Efter att svaret har skickats kan det inte ändras, men "
	    "ni kan skicka en ny version fram till sista svarsdagen."), def->sender,
	    p->who->org_name ? p->who->org_name : ""), "class", "lead",
	    NULL);
	losses_section(h, a, p);
	response_doc_view(h, a, def, p->doc, NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(a, "/remisser/%s/svar", def->slug),
	    "class", "actions", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	form_hidden(h, "lock", lockbuf);
	/* One key per confirmation: a double click or a retry sends it again. */
	form_hidden(h, "nyckel", p->key);
	html_elem(h, "button", _("Skicka remissvaret"), "type", "submit",
	    "name", "action", "value", "skicka", "class", "primary", NULL);
	html_elem(h, "a", _("Tillbaka och ändra"), "href",
	    arena_printf(a, "/remisser/%s/svar", def->slug), NULL);
	html_close(h);
	layout_end(h);
}

/* Where a read document is, in words. */
static const char *
read_state(const struct docread_item *it)
{
	if (it->confirmed_version > 0)
		return _("registrerat");
	switch (it->status) {
	case DOCREAD_DONE:
		return _("läst, väntar på att bekräftas");
	case DOCREAD_FAILED:
		return _("kunde inte läsas");
	default:
		return _("läses");
	}
}

/* Reading the answers out of the document instead of typing them
 * (handlers/respond/read_document.c): a form of its own. */
static void
read_upload_form(struct html *h, struct arena *a, const struct register_page *p)
{
	html_open(h, "section", "class", "read-upload", "aria-labelledby",
	    "h-las-in", NULL);
	html_elem(h, "h2", _("Läs in ett remissvar (PDF, Word eller ODT)"), "id",
	    "h-las-in", NULL);
	html_elem(h, "p", _("Ladda upp det inkomna dokumentet, så föreslås "
	    "svaren ur dess text. Du kontrollerar och rättar varje svar innan "
	    "det registreras. Högst 10 MB."), "class", "muted", NULL);
	html_open(h, "form", "method", "post", "action", arena_printf(a,
	    "/remisser/%s/registrera/%lld/las", p->def->slug, p->org_id),
	    "enctype", "multipart/form-data", NULL);
	form_hidden(h, "csrf", p->who->csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("Dokument"), "for", "dokument", NULL);
	html_void(h, "input", "type", "file", "id", "dokument", "name",
	    "dokument", "accept", ".pdf,.docx,.odt", "required", "required",
	    NULL);
	html_close(h);
	html_elem(h, "button", _("Läs in dokumentet"), "type", "submit", NULL);
	html_close(h);	/* form */
	if (p->nreads > 0) {
		size_t i;

		html_elem(h, "h3", _("Inlästa dokument"), NULL);
		html_open(h, "ul", "class", "read-list", NULL);
		for (i = 0; i < p->nreads; i++) {
			const struct docread_item *it = &p->reads[i];

			html_open(h, "li", NULL);
			html_elem(h, "a", it->filename, "href", arena_printf(a,
			    "/remisser/%s/registrera/%lld/las/%lld",
			    p->def->slug, p->org_id, it->id), NULL);
			html_text(h, arena_printf(a, " (%s): %s",
			    date_ui_in(a, it->created), read_state(it)));
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);	/* section */
}

/* The förvaltning's form for a response that came by e-mail or paper. */
void
register_page_view(struct html *h, struct arena *a,
    const struct register_page *p)
{
	const struct remiss_def	*def = p->def;

	layout_begin(h, _("Registrera inkommet svar"), p->who);
	html_elem(h, "h1", arena_printf(a, _("Registrera svar från %s"),
	    p->org_name), NULL);
	html_elem(h, "p", arena_printf(a, _("För svar på remissen %s som "
	    "kommit med e-post eller post. Skriv in eller klistra in svaren och "
	    "bifoga det inkomna dokumentet som PDF, Word-fil (DOCX) eller ODT. "
	    "Svaret registreras som inkommet via förvaltningen."), def->title),
	    "class", "lead", NULL);
	read_upload_form(h, a, p);
	/* A registered version replaces the whole earlier one, whatever
	 * its channel: say so before anything is typed. */
	if (p->latest != NULL)
		html_elem(h, "p", arena_printf(a, _("%1$s har redan "
		    "svarat: %2$s. Det ni registrerar blir version %3$d och "
		    "ersätter den i granskningen och exporterna, så skriv in hela "
		    "det nya svaret, inte bara det som har ändrats."), p->org_name,
		    receipt_version_ui(a, p->latest),
		    p->latest->version + 1), "class", "notice", "id", "tidigare",
		    NULL);
	if (p->errs != NULL && p->errs->n > 0) {
		form_errors_summary(h, p->errs,
		    _("Rätta följande innan du registrerar"));
		html_elem(h, "p", _("Välj filerna igen: av säkerhetsskäl behåller "
		    "webbläsaren dem inte."), "class", "alert", NULL);
	}
	response_form_write(h, a, def, p->doc, p->errs, arena_printf(a,
	    "/remisser/%s/registrera/%lld", def->slug, p->org_id),
	    p->who->csrf, 0, NULL, 0, p->reg);
	layout_end(h);
}
