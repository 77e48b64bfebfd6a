/* remiss_pages.c: a remiss, its response form (draft, review, submit) and the receipt page. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/token.h"
#include "core/draft_files.h"
#include "core/filetype.h"
#include "core/remiss_def.h"
#include "core/response_diff.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "handlers/respond/files.h"
#include "handlers/handlers.h"
#include "handlers/respond/response_form.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/numparse.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "xml/remissvar_write.h"

static void
unavailable(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_UNAVAILABLE);
}

static void
not_found(struct request *req, struct response *res)
{
	handler_fail(req, res, PROB_NOT_FOUND);
}

/*
 * Loads the remiss named by the first path parameter. A kommun identity
 * must be invited: otherwise the remiss does not exist for it (404).
 * Returns 1 with def (and inv for a kommun) filled, or 0 after answering.
 */
static int
load_remiss(struct request *req, struct response *res, struct remiss_def *def,
    struct invitation *inv)
{
	int rc;

	memset(inv, 0, sizeof(*inv));
	rc = remiss_load(req->db, req->arena, req->path_params[0], def);
	if (rc == -1) {
		unavailable(req, res);
		return 0;
	}
	if (rc == 0) {
		not_found(req, res);
		return 0;
	}
	if (req->identity.role != ROLE_KOMMUN)
		return 1;
	rc = remiss_invitation(req->db, req->arena, def->id,
	    req->identity.org_id, inv);
	if (rc == -1) {
		unavailable(req, res);
		return 0;
	}
	if (rc == 0) {
		log_warn("id=%s org %lld is not invited to %s", req->id,
		    req->identity.org_id, def->slug);
		not_found(req, res);
		return 0;
	}
	return 1;
}

static void
facts(struct html *h, struct arena *a, const struct remiss_def *def,
    const struct invitation *inv)
{
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", _("Avsändare"), NULL);
	html_elem(h, "dd", def->sender, NULL);
	if (def->diarienummer != NULL && def->diarienummer[0] != '\0') {
		html_elem(h, "dt", _("Diarienummer"), NULL);
		html_elem(h, "dd", def->diarienummer, NULL);
	}
	html_elem(h, "dt", _("Remisstid"), NULL);
	html_elem(h, "dd", arena_printf(a, "%s – %s", date_ui_in(a, def->opens),
	    date_ui_in(a, inv->closes != NULL ? inv->closes : def->closes)), NULL);
	html_close(h);
}

/* The organisation's submitted versions, newest first, linked to their receipts. */
static void
versions_list(struct html *h, struct request *req, const struct remiss_def *def)
{
	struct receipt	*rs;
	long		 n, i;

	n = response_versions_list(req->db, req->arena, def->id,
	    req->identity.org_id, &rs);
	if (n <= 0) {
		html_elem(h, "p", n == 0 ? _("Inget svar har skickats ännu.") :
		    _("Inskickade svar kan inte visas just nu."), NULL);
		return;
	}
	html_open(h, "ul", "class", "versions", NULL);
	for (i = 0; i < n; i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", arena_printf(req->arena, _("Version %d, kvittens %s, "
		    "mottagen %s"), rs[i].version, rs[i].number,
		    receipt_received_ui(req->arena, &rs[i])), "href",
		    arena_printf(req->arena, "/remisser/%s/kvitton/%lld", def->slug,
		    rs[i].version_id), NULL);
		/* The list is newest first: the next entry is the version before. */
		if (i + 1 < n) {
			html_text(h, " · ");
			html_elem(h, "a", arena_printf(req->arena, _("Jämför med version "
			    "%d"), rs[i + 1].version), "href", arena_printf(req->arena,
			    "/remisser/%s/jamfor?fran=%lld&till=%lld", def->slug,
			    rs[i + 1].version_id, rs[i].version_id), NULL);
		}
		html_close(h);
	}
	html_close(h);
}

void
handle_remiss(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct html		*h;
	size_t			 i, j;

	if (!load_remiss(req, res, &def, &inv))
		return;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, def.title, &req->identity);
	html_elem(h, "h1", def.title, NULL);
	facts(h, req->arena, &def, &inv);
	if (def.description != NULL)
		html_elem(h, "p", def.description, "class", "lead", NULL);
	if (req->identity.role == ROLE_FORVALTNING ||
	    req->identity.role == ROLE_ADMIN)
		html_elem(h, "a", _("Översikt: vem har svarat"), "class", "button primary",
		    "href", arena_printf(req->arena, "/remisser/%s/oversikt",
		    def.slug), NULL);
	if (req->identity.role == ROLE_GRANSKARE ||
	    req->identity.role == ROLE_FORVALTNING ||
	    req->identity.role == ROLE_ADMIN)
		html_elem(h, "a", _("Granskning: remissammanställning"), "class",
		    "button", "href", arena_printf(req->arena,
		    "/remisser/%s/granskning", def.slug), NULL);
	if (req->identity.role == ROLE_KOMMUN) {
		html_open(h, "section", "class", "status", NULL);
		html_elem(h, "h2", _("Ert svar"), NULL);
		if (inv.open_now)
			html_elem(h, "a", _("Skriv eller fortsätt ert svar"),
			    "class", "button primary", "href", arena_printf(
			    req->arena, "/remisser/%s/svar", def.slug), NULL);
		else
			html_elem(h, "p", _("Remissen tar inte emot svar just nu."),
			    "class", "alert", NULL);
		versions_list(h, req, &def);
		html_close(h);
	}
	html_elem(h, "h2", _("Förslagets avsnitt"), NULL);
	for (i = 0; i < def.nsections; i++) {
		html_open(h, "section", "class", "avsnitt-view", NULL);
		html_elem(h, "h3", arena_printf(req->arena, "%s %s",
		    def.sections[i].nr, def.sections[i].heading), NULL);
		html_elem(h, "p", def.sections[i].body, NULL);
		for (j = 0; j < def.sections[i].nquestions; j++)
			html_elem(h, "p", arena_printf(req->arena, _("Fråga: %s"),
			    def.sections[i].questions[j].text), "class", "question",
			    NULL);
		html_close(h);
	}
	layout_end(h);
	layout_send(h, res, 200);
}

/* What the form starts from, said above it: the latest version when there
 * was no draft; a draft older than the latest version (and unlike it)
 * with a button that starts again from that version. */
static void
start_notice(struct html *h, struct request *req, const struct remiss_def *def,
    const struct response_revision *rev)
{
	char lockbuf[16];

	if (rev->from == START_LATEST) {
		html_open(h, "div", "class", "notice", "role", "status", "id",
		    "start", NULL);
		html_elem(h, "p", arena_printf(req->arena, _("Formuläret är ifyllt "
		    "med ert senaste inskickade svar, %s. Ändra det som ska "
		    "ändras: det ni skickar blir en ny version som ersätter "
		    "den."), receipt_version_ui(req->arena, &rev->latest)), NULL);
		html_close(h);
	} else if (rev->from == START_OLD_DRAFT) {
		snprintf(lockbuf, sizeof(lockbuf), "%d", rev->lock);
		html_open(h, "div", "class", "alert", "role", "alert", "id",
		    "start", NULL);
		html_elem(h, "p", arena_printf(req->arena, _("Utkastet nedan "
		    "sparades %1$s, före ert senaste inskickade svar, %2$s, och "
		    "skiljer sig från det. Skickar ni utkastet ersätter det "
		    "version %3$d."), iso_datetime_ui_in(req->arena,
		    rev->draft_saved), receipt_version_ui(req->arena, &rev->latest),
		    rev->latest.version), NULL);
		html_open(h, "form", "method", "post", "action",
		    arena_printf(req->arena, "/remisser/%s/svar", def->slug),
		    "class", "inline", NULL);
		html_void(h, "input", "type", "hidden", "name", "csrf",
		    "value", req->identity.csrf, NULL);
		html_void(h, "input", "type", "hidden", "name", "lock",
		    "value", lockbuf, NULL);
		html_elem(h, "button", arena_printf(req->arena, _("Börja om från "
		    "version %d"), rev->latest.version), "type", "submit",
		    "name", "action", "value", "borja-om", NULL);
		html_close(h);
		html_close(h);
	}
}

/* The form page, with an optional message and errors; status as given.
 * rev (or NULL) says what the form starts from. */
static void
form_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct response_doc *doc,
    const struct form_errors *errs, int lock, int status, const char *notice,
    const char *const *changes, size_t nchanges,
    const struct response_revision *rev)
{
	struct html		*h;
	struct draft_file	*files = NULL;
	long			 nfiles;
	size_t			 i;

	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	/* "Fel:" first in the title is what a screen reader hears first. */
	layout_begin(h, arena_printf(req->arena, _("%sSvar på %s"), errs != NULL &&
	    errs->n > 0 ? _("Fel: ") : "", def->title), &req->identity);
	html_elem(h, "h1", arena_printf(req->arena, _("Svar på remissen: %s"),
	    def->title), NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Svarar för %s. Sista "
	    "svarsdag %s."), req->identity.org_name ? req->identity.org_name : "",
	    date_ui_in(req->arena, def->closes)), "class", "lead", NULL);
	if (errs != NULL && errs->n > 0)
		form_errors_summary(h, req->arena, errs,
		    _("Rätta följande innan du går vidare"));
	if (rev != NULL)
		start_notice(h, req, def, rev);
	if (notice != NULL) {
		html_open(h, "div", "class", nchanges ? "alert" : "notice",
		    "role", nchanges ? "alert" : "status",
		    "id", changes != NULL ? "konflikt" : NULL, NULL);
		html_elem(h, "p", notice, NULL);
		if (nchanges > 0) {
			html_open(h, "ul", NULL);
			for (i = 0; i < nchanges; i++)
				html_elem(h, "li", changes[i], NULL);
			html_close(h);
		}
		html_close(h);
	}
	nfiles = draft_files_list(req->db, req->arena, def->id,
	    req->identity.org_id, &files);
	response_form_write(h, req->arena, def, doc, errs,
	    arena_printf(req->arena, "/remisser/%s/svar", def->slug),
	    req->identity.csrf, lock, files, nfiles > 0 ? nfiles : 0, NULL);
	html_elem(h, "script", "", "src", "/static/autosave.js", "defer", "defer",
	    NULL);
	layout_end(h);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

static void
closed_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct invitation *inv)
{
	handler_problem(req, res, 409, arena_printf(req->arena, "Remissen tar "
	    "inte emot svar nu. Svarstiden är %s – %s.", date_sv_in(req->arena,
	    def->opens), date_sv_in(req->arena, inv->closes)),
	    "The remiss does not accept responses now.");
}

/*
 * The response form is for a person of an organisation: an admin has no
 * organisation, and an API token has its own channel (the XML upload).
 * Returns 1 if req may use the form, else 0 after a 403.
 */
static int
form_user(struct request *req, struct response *res)
{
	if (req->identity.org_id != 0 && req->identity.user_id != 0 &&
	    identity_has_session(&req->identity))
		return 1;
	handler_problem(req, res, 403, "Svarsformuläret är till för inloggade "
	    "användare hos en remissinstans.", "The response form is for "
	    "logged-in users of an invited organisation.");
	return 0;
}

void
handle_response_form(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct response_revision rev;
	const char		*notice = NULL;

	if (!form_user(req, res) || !load_remiss(req, res, &def, &inv))
		return;
	if (!inv.open_now) {
		closed_page(req, res, &def, &inv);
		return;
	}
	/* The draft, or the latest version whatever its channel. */
	if (response_revision_load(req->db, req->arena, &def,
	    req->identity.org_id, &doc, &rev) == -1) {
		unavailable(req, res);
		return;
	}
	if (kvlist_get(&req->query, "sparat") != NULL)
		notice = _("Utkastet är sparat.");
	else if (kvlist_get(&req->query, "borjat") != NULL)
		notice = _("Utkastet är nu ert senaste inskickade svar. Ändra det "
		    "som ska ändras.");
	form_page(req, res, &def, &doc, NULL, rev.lock, 200, notice, NULL, 0,
	    &rev);
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int
same_answer(const struct answer *a, const struct answer *b)
{
	static const struct answer none;

	if (a == NULL)
		a = &none;
	if (b == NULL)
		b = &none;
	return a->position == b->position && same(a->comment, b->comment) &&
	    same(a->proposed_wording, b->proposed_wording) &&
	    same(a->consequence_region, b->consequence_region) &&
	    same(a->consequence_kommun, b->consequence_kommun) &&
	    same(a->short_term, b->short_term) && same(a->long_term, b->long_term);
}

static const struct answer *
answer_for(const struct response_doc *d, const char *nr, const char *qid)
{
	size_t i;

	for (i = 0; i < d->nanswers; i++)
		if ((nr != NULL && same(d->answers[i].section_nr, nr)) ||
		    (qid != NULL && same(d->answers[i].question_id, qid)))
			return &d->answers[i];
	return NULL;
}

/* Names (Swedish) of the parts where the stored draft differs from mine. */
static size_t
differences(struct arena *a, const struct remiss_def *def,
    const struct response_doc *stored, const struct response_doc *mine,
    const char **out, size_t max)
{
	size_t	 n = 0, i, j;
	const struct section_def *s;

#define DIFF(cond, label) do { if (!(cond) && n < max) out[n++] = (label); } while (0)
	DIFF(stored->position == mine->position, _("Övergripande ställningstagande"));
	DIFF(same(stored->summary, mine->summary), _("Sammanfattning"));
	DIFF(same(stored->decision_body, mine->decision_body) &&
	    same(stored->decision_date, mine->decision_date) &&
	    same(stored->diarienummer, mine->diarienummer), _("Beslut och diarienummer"));
	DIFF(same(stored->contact_name, mine->contact_name) &&
	    same(stored->contact_email, mine->contact_email) &&
	    same(stored->contact_phone, mine->contact_phone), _("Kontaktperson"));
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		DIFF(same_answer(answer_for(stored, s->nr, NULL),
		    answer_for(mine, s->nr, NULL)),
		    arena_printf(a, _("Avsnitt %s %s"), s->nr, s->heading));
		for (j = 0; j < s->nquestions; j++)
			DIFF(same_answer(answer_for(stored, NULL, s->questions[j].qid),
			    answer_for(mine, NULL, s->questions[j].qid)),
			    arena_printf(a, _("Frågan i avsnitt %s"), s->nr));
	}
#undef DIFF
	return n;
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
losses_section(struct html *h, struct request *req,
    const struct remiss_def *def, const struct response_doc *doc,
    const struct draft_file *files, long nfiles)
{
	struct response_revision rev;
	struct response_loss	 loss[128];
	struct version_file	*vf;
	const char		*target;
	size_t			 n, i;
	long			 nvf, k, j, dropped = 0;

	if (response_revision_latest(req->db, req->arena, def,
	    req->identity.org_id, &rev) != 1)
		return;
	n = response_losses(def, &rev.latest_doc, doc, loss,
	    sizeof(loss) / sizeof(loss[0]));
	if ((nvf = response_version_files(req->db, req->arena,
	    rev.latest.version_id, &vf)) < 0)
		nvf = 0;
	/* A file of the latest version goes out again only if the draft
	 * holds the same bytes. */
	for (k = 0; k < nvf; k++) {
		for (j = 0; j < nfiles; j++)
			if (strcmp(files[j].sha256, vf[k].sha256) == 0)
				break;
		if (j < nfiles)
			vf[k].filename = NULL;	/* kept */
		else
			dropped++;
	}
	if (n == 0 && dropped == 0) {
		html_elem(h, "p", arena_printf(req->arena, _("Svaret blir version "
		    "%1$d och ersätter %2$s. Inget av det som står där tas bort."),
		    rev.latest.version + 1, receipt_version_ui(req->arena, &rev.latest)),
		    "class", "notice", NULL);
		return;
	}
	html_open(h, "section", "class", "alert", "id", "tas-bort",
	    "aria-labelledby", "h-tas-bort", NULL);
	html_elem(h, "h2", arena_printf(req->arena, _("Det här tas bort jämfört "
	    "med version %d"), rev.latest.version), "id", "h-tas-bort", NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Svaret blir version %1$d "
	    "och ersätter %2$s. Det som står där men inte i det ni skickar nu "
	    "finns inte kvar i den nya versionen:"), rev.latest.version + 1,
	    receipt_version_ui(req->arena, &rev.latest)), NULL);
	html_open(h, "ul", NULL);
	for (i = 0; i < n && i < sizeof(loss) / sizeof(loss[0]); i++) {
		target = loss_target(req->arena, &loss[i]);
		if (loss[i].field == LOSS_ANSWER)
			html_elem(h, "li", arena_printf(req->arena, _("%s: hela "
			    "svaret tas bort."), target), NULL);
		else if (target != NULL)
			html_elem(h, "li", arena_printf(req->arena, _("%1$s: "
			    "”%2$s” töms."), target, loss_field_label(&loss[i])),
			    NULL);
		else
			html_elem(h, "li", arena_printf(req->arena, _("”%s” "
			    "töms."), loss_field_label(&loss[i])), NULL);
	}
	if (n > sizeof(loss) / sizeof(loss[0]))
		html_elem(h, "li", arena_printf(req->arena, _("och %zu till."),
		    n - sizeof(loss) / sizeof(loss[0])), NULL);
	for (k = 0; k < nvf; k++)
		if (vf[k].filename != NULL)
			html_elem(h, "li", arena_printf(req->arena, _("Bilagan %s "
			    "skickas inte med."), vf[k].filename), NULL);
	html_close(h);
	html_elem(h, "p", _("Ska något av det finnas kvar: gå tillbaka och "
	    "ändra innan ni skickar."), NULL);
	html_close(h);
}

/* The confirmation step: what will be sent, and the one button that sends it. */
static void
confirm_page(struct request *req, struct response *res,
    const struct remiss_def *def, struct response_doc *doc, int lock)
{
	struct html		*h;
	struct draft_file	*files;
	long			 nfiles, i;
	char			 key[TOKEN_HEX], lockbuf[16];

	/* Names and sizes of the files that go with it (content stays put). */
	nfiles = draft_files_list(req->db, req->arena, def->id,
	    req->identity.org_id, &files);
	if (nfiles > 0 && (doc->attachments = arena_calloc(req->arena,
	    (size_t)nfiles, sizeof(*doc->attachments))) != NULL) {
		for (i = 0; i < nfiles; i++) {
			doc->attachments[i].filename = files[i].filename;
			doc->attachments[i].media_type = files[i].media_type;
			doc->attachments[i].len = (size_t)files[i].size;
		}
		doc->nattachments = (size_t)nfiles;
	}

	if (token_new(key) == -1 || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	snprintf(lockbuf, sizeof(lockbuf), "%d", lock);
	layout_begin(h, _("Granska ert svar"), &req->identity);
	html_elem(h, "h1", _("Granska ert svar innan det skickas"), NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Detta skickas till %s som "
	    "svar från %s. Efter att svaret har skickats kan det inte ändras, men "
	    "ni kan skicka en ny version fram till sista svarsdagen."), def->sender,
	    req->identity.org_name ? req->identity.org_name : ""), "class", "lead",
	    NULL);
	losses_section(h, req, def, doc, files, nfiles > 0 ? nfiles : 0);
	response_doc_view(h, req->arena, def, doc, NULL);
	html_open(h, "form", "method", "post", "action",
	    arena_printf(req->arena, "/remisser/%s/svar", def->slug),
	    "class", "actions", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf",
	    "value", req->identity.csrf, NULL);
	html_void(h, "input", "type", "hidden", "name", "lock", "value", lockbuf,
	    NULL);
	/* One key per confirmation: a double click or a retry sends it again. */
	html_void(h, "input", "type", "hidden", "name", "nyckel", "value", key,
	    NULL);
	html_elem(h, "button", _("Skicka remissvaret"), "type", "submit",
	    "name", "action", "value", "skicka", "class", "primary", NULL);
	html_elem(h, "a", _("Tillbaka och ändra"), "href",
	    arena_printf(req->arena, "/remisser/%s/svar", def->slug), NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, 200);
	response_header(res, "Cache-Control", "no-store");
}

/* Sends the saved draft (what the confirmation page showed) as a new version. */
static void
submit(struct request *req, struct response *res, const struct remiss_def *def,
    int lock)
{
	struct response_doc	 doc;
	struct submit_request	 sr;
	struct receipt		 rcpt;
	struct form_errors	 errs;
	const char		*key, *why = NULL;
	char			 reqsha[TOKEN_HEX];
	int			 current;
	enum submit_result	 rc;

	key = kvlist_get(&req->form, "nyckel");
	if (key == NULL || !token_wellformed(key)) {
		handler_problem(req, res, 400, "Sidan har gått ut. Gå tillbaka "
		    "till formuläret och granska svaret igen.",
		    "The page has expired.");
		return;
	}
	if (response_draft_load(req->db, req->arena, def, req->identity.org_id,
	    &doc, &current) == -1 || draft_files_into_doc(req->db, req->arena,
	    def->id, req->identity.org_id, &doc) == -1) {
		unavailable(req, res);
		return;
	}
	memset(&sr, 0, sizeof(sr));
	sr.def = def;
	sr.org_id = req->identity.org_id;
	sr.user_id = req->identity.user_id;
	sr.channel = CHANNEL_WEBB;
	sr.doc = &doc;
	sr.idempotency_key = key;
	/* The same confirmation of the same draft is the same request. */
	token_hash(arena_printf(req->arena, "webb:%d", lock), reqsha);
	if (current != lock) {
		handler_problem(req, res, 409, "Utkastet har ändrats sedan du "
		    "granskade det. Granska svaret igen innan du skickar.",
		    "The draft changed after review.");
		return;
	}
	sr.request_sha256 = reqsha;
	rc = response_submit(req->db, req->arena, &sr, &rcpt, &why);
	switch (rc) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/kvitton/%lld", def->slug, rcpt.version_id));
		return;
	case SUBMIT_KEY_REUSED:
		handler_problem(req, res, 409, "Det här formuläret har redan "
		    "använts för ett annat svar. Granska svaret igen.",
		    "This form was already used for another response.");
		return;
	case SUBMIT_CLOSED:
		handler_problem(req, res, 409, "Sista svarsdagen har passerat. "
		    "Svaret har inte skickats.", "The deadline has passed.");
		return;
	case SUBMIT_INVALID:
		/* The draft as saved, on the form, with the reason (the
		 * core's, in Swedish) in the error summary. */
		memset(&errs, 0, sizeof(errs));
		form_errors_add(&errs, NULL, arena_printf(req->arena, _("Svaret "
		    "skickades inte: %s"), why != NULL ? why :
		    "Svaret är inte komplett."));
		form_page(req, res, def, &doc, &errs, current, 422, NULL, NULL, 0,
		    NULL);
		return;
	default:
		unavailable(req, res);
		return;
	}
}

/*
 * Stores the files sent with the form (type decided from the content) and
 * removes the one whose "Ta bort" button was pressed. A refused file is an
 * error on the "bilaga" field; the others are kept. Returns 0, or -1 when
 * the database failed.
 */
static int
files_changed(struct request *req, const struct remiss_def *def,
    struct form_errors *errs)
{
	const struct multipart_part	*part;
	const char			*name, *type, *del;
	long long			 id;
	size_t				 i, n;
	int				 rc;

	del = kvlist_get(&req->form, "ta_bort_bilaga");
	/* A file that is not of this draft (another organisation's, another
	 * remiss's, or gone) is an error beside the files, never "saved". */
	if (del != NULL) {
		rc = parse_id(del, &id) == 0 && id > 0 ? draft_file_delete(req->db,
		    def->id, req->identity.org_id, req->identity.user_id, id) : 0;
		if (rc == -1)
			return -1;
		if (rc == 0)
			form_errors_add(errs, "bilaga", _("Bilagan finns inte i ert "
			    "utkast (den kan redan vara borttagen). Ladda om sidan."));
	}
	n = req->multipart != NULL ? multipart_count(req->multipart) : 0;
	for (i = 0; i < n; i++) {
		part = multipart_part(req->multipart, i);
		if (part->filename == NULL || strcmp(part->name, "bilaga") != 0 ||
		    (part->filename[0] == '\0' && part->len == 0))
			continue;
		name = filetype_clean_name(req->arena, part->filename);
		type = name != NULL ? filetype_sniff((const unsigned char *)
		    part->data, part->len, name) : NULL;
		if (type == NULL) {
			form_errors_add(errs, "bilaga", arena_printf(req->arena,
			    _("Filen %s kan inte bifogas: bara PDF, ODT, DOCX, PNG, JPEG "
			    "och text (.txt) tas emot, och filens innehåll måste stämma "
			    "med filnamnet."), name != NULL ? name : _("utan namn")));
			continue;
		}
		rc = draft_file_add(req->db, req->arena, def->id,
		    req->identity.org_id, req->identity.user_id, name, type,
		    (const unsigned char *)part->data, part->len);
		if (rc == -1)
			return -1;
		if (rc == 0)
			form_errors_add(errs, "bilaga", _("Ett svar kan ha högst 20 "
			    "bilagor. Ta bort någon först."));
	}
	return 0;
}

/*
 * "Börja om från version N": replaces the draft with the organisation's
 * latest submitted version, under the draft's lock (lock: the form's), and
 * sends the user back to the form. A draft saved by someone else meanwhile
 * is kept and shown again (409).
 */
static void
restart(struct request *req, struct response *res, const struct remiss_def *def,
    const struct invitation *inv, int lock)
{
	struct response_revision rev;
	struct response_doc	 doc;
	int			 new_lock;

	switch (response_revision_latest(req->db, req->arena, def,
	    req->identity.org_id, &rev)) {
	case -1:
		unavailable(req, res);
		return;
	case 0:		/* nothing sent yet: nothing to start from */
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/svar", def->slug));
		return;
	}
	doc = rev.latest_doc;
	doc.remiss_slug = def->slug;
	doc.org_name = req->identity.org_name;
	switch (response_draft_save(req->db, def, req->identity.org_id,
	    req->identity.user_id, lock, &doc, &new_lock)) {
	case SAVE_OK:
		res->status = 303;
		response_header(res, "Location", arena_printf(req->arena,
		    "/remisser/%s/svar?borjat=1", def->slug));
		return;
	case SAVE_CONFLICT:
		if (response_revision_load(req->db, req->arena, def,
		    req->identity.org_id, &doc, &rev) == -1) {
			unavailable(req, res);
			return;
		}
		form_page(req, res, def, &doc, NULL, rev.lock, 409,
		    _("Någon annan i er organisation sparade utkastet nyss, så "
		    "det har inte ersatts. Här är det sparade utkastet."), NULL, 0,
		    &rev);
		return;
	case SAVE_CLOSED:
		closed_page(req, res, def, inv);
		return;
	default:
		log_err("id=%s the latest version of org %lld could not become "
		    "its draft", req->id, req->identity.org_id);
		unavailable(req, res);
		return;
	}
}

void
handle_response_post(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc, stored;
	struct form_errors	 errs;
	const char		*action, *changes[64];
	size_t			 nchanges, lockv;
	int			 lock, new_lock, cur;

	if (!form_user(req, res) || !load_remiss(req, res, &def, &inv))
		return;
	if (!inv.open_now) {
		closed_page(req, res, &def, &inv);
		return;
	}
	action = kvlist_get(&req->form, "action");
	if (kvlist_get(&req->form, "lock") == NULL ||
	    parse_size(kvlist_get(&req->form, "lock"), (size_t)-1, 1000000000,
	    &lockv) == -1 || (action == NULL &&
	    kvlist_get(&req->form, "ta_bort_bilaga") == NULL)) {
		handler_problem(req, res, 400, "Formuläret är ofullständigt. "
		    "Ladda om sidan.", "The form is incomplete.");
		return;
	}
	lock = (int)lockv;
	if (action == NULL)
		action = "spara";	/* a "Ta bort" button was pressed */
	if (strcmp(action, "skicka") == 0) {
		submit(req, res, &def, lock);
		return;
	}
	if (strcmp(action, "borja-om") == 0) {
		restart(req, res, &def, &inv, lock);
		return;
	}
	if (strcmp(action, "spara") != 0 && strcmp(action, "granska") != 0) {
		handler_problem(req, res, 400, "Okänd åtgärd.", "Unknown action.");
		return;
	}
	memset(&errs, 0, sizeof(errs));
	if (response_form_read(req, &def, &doc, &errs) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	doc.org_name = req->identity.org_name;
	if (files_changed(req, &def, &errs) == -1) {
		unavailable(req, res);
		return;
	}
	if (strcmp(action, "granska") == 0)
		response_form_check_complete(&doc, &errs);
	if (errs.n > 0) {
		form_page(req, res, &def, &doc, &errs, lock, 422, NULL, NULL, 0,
		    NULL);
		return;
	}
	switch (response_draft_save(req->db, &def, req->identity.org_id,
	    req->identity.user_id, lock, &doc, &new_lock)) {
	case SAVE_OK:
		break;
	case SAVE_CONFLICT:
		if (response_draft_load(req->db, req->arena, &def,
		    req->identity.org_id, &stored, &cur) != 1) {
			unavailable(req, res);
			return;
		}
		nchanges = differences(req->arena, &def, &stored, &doc, changes,
		    sizeof(changes) / sizeof(changes[0]));
		/* Keep the user's text; saving again now replaces the other save. */
		form_page(req, res, &def, &doc, NULL, cur, 409,
		    _("Någon annan i er organisation har sparat utkastet medan du "
		    "skrev. Din text finns kvar i formuläret nedan. Det sparade "
		    "utkastet skiljer sig från din text här:"), changes, nchanges,
		    NULL);
		return;
	case SAVE_CLOSED:
		closed_page(req, res, &def, &inv);
		return;
	case SAVE_INVALID:
		/* What the form's own checks let through but the database
		 * refused: say so on the form, the text kept. */
		form_errors_add(&errs, NULL, _("Svaret kunde inte sparas: något "
		    "av värdena godtogs inte. Kontrollera fälten och försök "
		    "igen."));
		form_page(req, res, &def, &doc, &errs, lock, 422, NULL, NULL, 0,
		    NULL);
		return;
	default:
		unavailable(req, res);
		return;
	}
	if (strcmp(action, "granska") == 0) {
		confirm_page(req, res, &def, &doc, new_lock);
		return;
	}
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/svar?sparat=1", def.slug));
}

void
handle_receipt(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct receipt		 r;
	struct html		*h;
	long long		 vid;
	const char		*fmt;
	int			 rc;

	if (!load_remiss(req, res, &def, &inv))
		return;
	if (parse_id(req->path_params[1], &vid) == -1 || vid == 0) {
		not_found(req, res);
		return;
	}
	rc = response_version_load_in(req->db, req->arena, def.id, vid,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, &doc, &r);
	if (rc == -1) {
		unavailable(req, res);
		return;
	}
	if (rc == 0 || strcmp(r.remiss_slug, def.slug) != 0) {
		not_found(req, res);
		return;
	}
	fmt = kvlist_get(&req->query, "format");
	if (fmt != NULL && strcmp(fmt, "xml") == 0) {
		response_reset(res);
		if (kvittens_write(&r, &res->body) == -1) {
			handler_fail(req, res, PROB_INTERNAL);
			return;
		}
		res->content_type = "application/xml; charset=utf-8";
		response_header(res, "Content-Disposition", arena_printf(req->arena,
		    "attachment; filename=\"kvittens-%s.xml\"", r.number));
		return;
	}
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Kvittens %s"), r.number),
	    &req->identity);
	html_elem(h, "h1", _("Kvittens"), NULL);
	html_elem(h, "p", arena_printf(req->arena, _("Remissvaret från %s är "
	    "mottaget och sparat."), r.org_name), "class", "lead", NULL);
	html_open(h, "dl", "class", "facts receipt", NULL);
	html_elem(h, "dt", _("Kvittensnummer"), NULL);
	html_elem(h, "dd", r.number, NULL);
	if (r.arrived_on != NULL) {
		/* Registered by the förvaltning: the day it arrived counts. */
		html_elem(h, "dt", _("Ankomstdatum"), NULL);
		html_elem(h, "dd", date_ui_in(req->arena, r.arrived_on), NULL);
		html_elem(h, "dt", _("Registrerat"), NULL);
	} else
		html_elem(h, "dt", _("Mottaget"), NULL);
	html_elem(h, "dd", iso_datetime_ui_in(req->arena, r.received_at), NULL);
	html_elem(h, "dt", _("Version"), NULL);
	html_elem(h, "dd", arena_printf(req->arena, "%d", r.version), NULL);
	html_elem(h, "dt", _("Remiss"), NULL);
	html_elem(h, "dd", def.title, NULL);
	html_elem(h, "dt", _("Kontrollsumma (SHA-256)"), NULL);
	html_elem(h, "dd", r.sha256, "class", "hash", NULL);
	html_close(h);
	html_open(h, "p", "class", "noprint", NULL);
	html_elem(h, "a", _("Ladda ner kvittensen som fil"), "href",
	    arena_printf(req->arena, "/remisser/%s/kvitton/%lld?format=xml",
	    def.slug, r.version_id), "download", "download", NULL);
	html_text(h, _(" · Skriv ut sidan med webbläsarens utskriftsfunktion."));
	html_close(h);
	html_elem(h, "h2", _("Det här skickades"), NULL);
	response_doc_view(h, req->arena, &def, &doc, arena_printf(req->arena,
	    "/remisser/%s/kvitton/%lld/bilaga/", def.slug, r.version_id));
	layout_end(h);
	layout_send(h, res, 200);
}

void
handle_attachment(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct receipt		 r;
	const struct attachment	*at;
	long long		 vid;
	size_t			 n;
	int			 rc;

	if (!load_remiss(req, res, &def, &inv))
		return;
	if (parse_id(req->path_params[1], &vid) == -1 || vid == 0 ||
	    parse_size(req->path_params[2], (size_t)-1, 100000, &n) == -1 ||
	    n == 0) {
		not_found(req, res);
		return;
	}
	/* The same rule as the receipt: a kommun only its own organisation's. */
	rc = response_version_load_in(req->db, req->arena, def.id, vid,
	    req->identity.role == ROLE_KOMMUN ? req->identity.org_id : 0, &doc, &r);
	if (rc == -1) {
		unavailable(req, res);
		return;
	}
	if (rc == 0 || strcmp(r.remiss_slug, def.slug) != 0 ||
	    n > doc.nattachments) {
		not_found(req, res);
		return;
	}
	at = &doc.attachments[n - 1];
	send_file(req, res, n, at->filename, at->media_type, at->data, at->len);
}
