/* response_form.c: the remissvar web form: GET and POST /remisser/{slug}/svar (draft, review step,
 * submit, "börja om") and the mapping of its fields to a response_doc. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/token.h"
#include "core/draft_files.h"
#include "core/filetype.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "core/response_diff.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "handlers/handlers.h"
#include "handlers/respond/respond.h"
#include "handlers/respond/response_form.h"
#include "http/input.h"
#include "http/request.h"
#include "http/response.h"
#include "http/utf8.h"
#include "log.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/compare_view.h"
#include "views/layout.h"
#include "views/response_page_view.h"
#include "views/rule_messages.h"

/* The losses the review step lists; more are counted ("och 3 till"). */
#define LOSSES_SHOWN	128
#define TEXT_MAX	100000	/* bytes of one long text, as the database allows */

/* The value of input k (of the family member key when key is not NULL),
 * trimmed, NULL when absent or blank. */
static const char *
value_of(const struct request *req, enum input_key k, const char *key)
{
	const struct input_value *v;

	if (key == NULL)
		return input_text(req, k);
	v = input_member(req, k, key);
	return v != NULL && v->state == INPUT_VALID ? v->text : NULL;
}

/* A text field (name: as the form names it, for its error), NULL when
 * absent or blank; over max bytes is an error. */
static const char *
text(struct request *req, enum input_key k, const char *key, const char *name,
    size_t max, struct form_errors *e)
{
	const char *v = value_of(req, k, key);

	if (v != NULL && strlen(v) > max) {
		form_errors_add(e, name, _("Texten är för lång."));
		return NULL;
	}
	return v;
}

/* A one-line field of at most max characters, the database's limit for it
 * (001_core.sql), so that a value it would refuse is an error beside the
 * field instead of a failed save: no line breaks allowed. */
static const char *
line(struct request *req, enum input_key k, size_t max, struct form_errors *e)
{
	const char *name = input_defs[k].name;
	const char *v = text(req, k, NULL, name, max * 4, e);

	if (v != NULL && strpbrk(v, "\r\n\t") != NULL) {
		form_errors_add(e, name, _("Fältet får bara innehålla en rad."));
		return NULL;
	}
	if (v != NULL && utf8_chars(v) > max) {
		form_errors_add(e, name, arena_printf(req->arena, _("Högst %zu "
		    "tecken; här finns %zu."), max, utf8_chars(v)));
		return NULL;
	}
	return v;
}

static enum position
position_field(struct request *req, enum input_key k, const char *key,
    const char *name, struct form_errors *e)
{
	enum position p = position_parse(value_of(req, k, key));

	if (p == POS__MAX) {
		form_errors_add(e, name, _("Välj ett av ställningstagandena."));
		return POS_NONE;
	}
	return p;
}

static char *
fname(struct request *req, const char *prefix, const char *id, const char *part)
{
	return arena_printf(req->arena, "%s-%s-%s", prefix, id, part);
}

/* A text of family k for the member id ("q-ID-kommentar"). */
static const char *
member_text(struct request *req, enum input_key k, const char *prefix,
    const char *id, const char *part, struct form_errors *e)
{
	return text(req, k, id, fname(req, prefix, id, part), TEXT_MAX, e);
}

static void
read_question(struct request *req, const struct question_def *q,
    struct answer *a, struct form_errors *e)
{
	memset(a, 0, sizeof(*a));
	a->question_id = q->qid;
	a->position = position_field(req, IN_RF_QUESTION_POSITION, q->qid,
	    fname(req, "q", q->qid, "position"), e);
	a->comment = member_text(req, IN_RF_QUESTION_COMMENT, "q", q->qid,
	    "kommentar", e);
	a->consequence_region = member_text(req, IN_RF_QUESTION_REGION, "q",
	    q->qid, "region", e);
	a->consequence_kommun = member_text(req, IN_RF_QUESTION_KOMMUN, "q",
	    q->qid, "kommun", e);
	a->short_term = member_text(req, IN_RF_QUESTION_SHORT, "q", q->qid,
	    "kort", e);
	a->long_term = member_text(req, IN_RF_QUESTION_LONG, "q", q->qid, "lang",
	    e);
}

int
response_form_read(struct request *req, const struct remiss_def *def,
    struct response_doc *doc, struct form_errors *errs)
{
	size_t			 i, j, n = 0, max;
	const struct section_def *s;
	struct answer		*a;
	char			 tmp[40];

	memset(doc, 0, sizeof(*doc));
	doc->remiss_slug = def->slug;
	doc->position = position_field(req, IN_RF_POSITION, NULL,
	    "stallningstagande", errs);
	doc->summary = text(req, IN_RF_SUMMARY, NULL, "sammanfattning",
	    TEXT_MAX, errs);
	doc->decision_body = line(req, IN_RF_DECISION_BODY, 300, errs);
	doc->decision_date = line(req, IN_RF_DECISION_DATE, 40, errs);
	doc->diarienummer = line(req, IN_RF_DIARIENUMMER, 100, errs);
	doc->contact_name = line(req, IN_RF_CONTACT_NAME, 200, errs);
	doc->contact_email = line(req, IN_RF_CONTACT_EMAIL, 254, errs);
	doc->contact_phone = line(req, IN_RF_CONTACT_PHONE, 50, errs);
	/* A date the database cannot store is wrong for a draft too. */
	if (doc->decision_date != NULL && date_sv(doc->decision_date, tmp,
	    sizeof(tmp)) == -1) {
		form_errors_add(errs, "beslut_datum", _("Skriv datumet som "
		    "ÅÅÅÅ-MM-DD, till exempel 2024-05-15."));
		doc->decision_date = NULL;
	}

	max = def->nsections + def->ngeneral;
	for (i = 0; i < def->nsections; i++)
		max += def->sections[i].nquestions;
	if ((doc->answers = arena_calloc(req->arena, max + 1,
	    sizeof(*doc->answers))) == NULL)
		return -1;
	for (i = 0; i < def->nsections; i++) {
		s = &def->sections[i];
		a = &doc->answers[n];
		memset(a, 0, sizeof(*a));
		a->section_nr = s->nr;
		a->position = position_field(req, IN_RF_SECTION_POSITION, s->nr,
		    fname(req, "a", s->nr, "position"), errs);
		a->comment = member_text(req, IN_RF_SECTION_COMMENT, "a", s->nr,
		    "kommentar", errs);
		a->proposed_wording = member_text(req, IN_RF_SECTION_WORDING, "a",
		    s->nr, "lydelse", errs);
		if (!answer_is_empty(a))
			n++;
		for (j = 0; j < s->nquestions; j++) {
			read_question(req, &s->questions[j], &doc->answers[n], errs);
			if (!answer_is_empty(&doc->answers[n]))
				n++;
		}
	}
	for (i = 0; i < def->ngeneral; i++) {
		read_question(req, &def->general[i], &doc->answers[n], errs);
		if (!answer_is_empty(&doc->answers[n]))
			n++;
	}
	doc->nanswers = n;
	return 0;
}

void
response_form_check_complete(const struct response_doc *doc,
    struct form_errors *errs)
{
	if (doc->position == POS_NONE && !form_errors_get(errs, "stallningstagande"))
		form_errors_add(errs, "stallningstagande",
		    _("Välj organisationens övergripande ställningstagande."));
	if (doc->contact_name == NULL && !form_errors_get(errs, "kontakt_namn"))
		form_errors_add(errs, "kontakt_namn", _("Skriv kontaktpersonens namn."));
	if (doc->contact_email == NULL && !form_errors_get(errs, "kontakt_epost"))
		form_errors_add(errs, "kontakt_epost",
		    _("Skriv kontaktpersonens e-postadress."));
	else if (doc->contact_email != NULL &&
	    strchr(doc->contact_email, '@') == NULL)
		form_errors_add(errs, "kontakt_epost",
		    _("E-postadressen behöver ett @, till exempel namn@kommun.se."));
	if (doc->decision_date != NULL && doc->decision_body == NULL)
		form_errors_add(errs, "beslut_instans",
		    _("Skriv vilken instans som fattade beslutet."));
}

/* The form page (views/response_page_view.c), with an optional message
 * and errors; status as given. rev (or NULL) says what the form starts
 * from. */
static void
form_page(struct request *req, struct response *res,
    const struct remiss_def *def, const struct response_doc *doc,
    const struct form_errors *errs, int lock, int status, const char *notice,
    const char *const *changes, size_t nchanges,
    const struct response_revision *rev)
{
	struct response_form_page p = {
		.who = &req->identity, .def = def, .doc = doc, .errs = errs,
		.lock = lock, .notice = notice, .changes = changes,
		.nchanges = nchanges, .rev = rev,
	};
	struct draft_file	*files = NULL;
	struct html		*h;

	p.nfiles = draft_files_list(req->db, req->arena, def->id,
	    req->identity.org_id, &files);
	p.files = files;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_form_page_view(h, req->arena, &p);
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

void
handle_response_form(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct invitation	 inv;
	struct response_doc	 doc;
	struct response_revision rev;
	const char		*notice = NULL;

	if (!respond_form_user(req, res) || !respond_load(req, res, &def, &inv))
		return;
	if (!inv.open_now) {
		closed_page(req, res, &def, &inv);
		return;
	}
	/* The draft, or the latest version whatever its channel. */
	if (response_revision_load(req->db, req->arena, &def,
	    req->identity.org_id, &doc, &rev) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if (input_bool(req, IN_SAVED))
		notice = _("Utkastet är sparat.");
	else if (input_bool(req, IN_RESTARTED))
		notice = _("Utkastet är nu ert senaste inskickade svar. Ändra det "
		    "som ska ändras.");
	form_page(req, res, &def, &doc, NULL, rev.lock, 200, notice, NULL, 0,
	    &rev);
}

/*
 * What sending doc would take away from the organisation's latest
 * version (nothing when there is none) into p: the lost answers and
 * fields, and the latest version's files that the draft's files[0..nfiles)
 * do not hold byte for byte.
 */
static void
losses_of(struct request *req, const struct remiss_def *def,
    const struct response_doc *doc, const struct draft_file *files,
    long nfiles, struct response_confirm_page *p)
{
	struct response_revision	*rev;
	struct response_loss		*loss;
	struct version_file		*vf;
	const char			**dropped;
	size_t				 n;
	long				 nvf, k, j;

	/* In the arena: the page points at the latest version's receipt. */
	if ((rev = arena_calloc(req->arena, 1, sizeof(*rev))) == NULL ||
	    response_revision_latest(req->db, req->arena, def,
	    req->identity.org_id, rev) != 1)
		return;
	if ((loss = arena_calloc(req->arena, LOSSES_SHOWN, sizeof(*loss))) ==
	    NULL)
		return;
	n = response_losses(def, &rev->latest_doc, doc, loss, LOSSES_SHOWN);
	if ((nvf = response_version_files(req->db, req->arena,
	    rev->latest.version_id, &vf)) < 0)
		nvf = 0;
	if ((dropped = arena_calloc(req->arena, (size_t)nvf + 1,
	    sizeof(*dropped))) == NULL)
		return;
	/* A file of the latest version goes out again only if the draft
	 * holds the same bytes. */
	for (k = 0; k < nvf; k++) {
		for (j = 0; j < nfiles; j++)
			if (strcmp(files[j].sha256, vf[k].sha256) == 0)
				break;
		if (j == nfiles)
			dropped[p->ndropped++] = vf[k].filename;
	}
	p->latest = &rev->latest;
	p->losses = loss;
	p->nlosses = n;
	p->nshown = n < LOSSES_SHOWN ? n : LOSSES_SHOWN;
	p->dropped = dropped;
}

/* The confirmation step (views/response_page_view.c): what will be sent,
 * and the one button that sends it. */
static void
confirm_page(struct request *req, struct response *res,
    const struct remiss_def *def, struct response_doc *doc, int lock)
{
	struct response_confirm_page p = {
		.who = &req->identity, .def = def, .doc = doc, .lock = lock,
	};
	struct html		*h;
	struct draft_file	*files;
	long			 nfiles, i;
	char			 key[TOKEN_HEX];

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
	losses_of(req, def, doc, files, nfiles > 0 ? nfiles : 0, &p);
	if (token_new(key) == -1 || (h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	p.key = key;
	response_confirm_page_view(h, req->arena, &p);
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
	const char		*key, *why;
	struct rule_msg		 refusal;
	char			 reqsha[TOKEN_HEX];
	int			 current;
	enum submit_result	 rc;

	key = input_text(req, IN_FORM_KEY);
	if (key == NULL || !token_wellformed(key)) {
		handler_problem(req, res, 400, "Sidan har gått ut. Gå tillbaka "
		    "till formuläret och granska svaret igen.",
		    "The page has expired.");
		return;
	}
	if (response_draft_load(req->db, req->arena, def, req->identity.org_id,
	    &doc, &current) == -1 || draft_files_into_doc(req->db, req->arena,
	    def->id, req->identity.org_id, &doc) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
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
	rc = response_submit(req->db, req->arena, &sr, &rcpt, &refusal);
	switch (rc) {
	case SUBMIT_OK:
	case SUBMIT_REPLAY:
		handler_see_other(res, arena_printf(req->arena,
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
		 * core's code, worded in Swedish) in the error summary. */
		why = rule_message(req->arena, &refusal);
		memset(&errs, 0, sizeof(errs));
		form_errors_add(&errs, NULL, arena_printf(req->arena, _("Svaret "
		    "skickades inte: %s"), why != NULL ? why :
		    "Svaret är inte komplett."));
		form_page(req, res, def, &doc, &errs, current, 422, NULL, NULL, 0,
		    NULL);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
}

/* Shared with the registration of a response (register.c). */
const char *
response_form_file_type(struct request *req, const struct input_file *f,
    const char **name, struct form_errors *errs)
{
	const char *type;

	*name = filetype_clean_name(req->arena, f->name);
	type = *name != NULL ? filetype_sniff(f->data, f->len, *name) : NULL;
	if (type == NULL)
		form_errors_add(errs, "bilaga", arena_printf(req->arena,
		    _("Filen %s kan inte bifogas: bara PDF, ODT, DOCX, PNG, JPEG "
		    "och text (.txt) tas emot, och filens innehåll måste stämma "
		    "med filnamnet."), *name != NULL ? *name : _("utan namn")));
	return type;
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
	const struct input_file	*files;
	const char		*name, *type;
	long long		 id;
	size_t			 i, n;
	int			 rc;

	/* A file that is not of this draft (another organisation's, another
	 * remiss's, or gone) is an error beside the files, never "saved". */
	if (input_state(req, IN_FILE_DELETE) != INPUT_ABSENT) {
		rc = input_num(req, IN_FILE_DELETE, &id) == 0 ?
		    draft_file_delete(req->db, def->id, req->identity.org_id,
		    req->identity.user_id, id) : 0;
		if (rc == -1)
			return -1;
		if (rc == 0)
			form_errors_add(errs, "bilaga", _("Bilagan finns inte i ert "
			    "utkast (den kan redan vara borttagen). Ladda om sidan."));
	}
	files = input_files(req, IN_ATTACHMENT_FILES, &n);
	for (i = 0; i < n; i++) {
		if ((type = response_form_file_type(req, &files[i], &name,
		    errs)) == NULL)
			continue;
		rc = draft_file_add(req->db, req->arena, def->id,
		    req->identity.org_id, req->identity.user_id, name, type,
		    files[i].data, files[i].len);
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
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	case 0:		/* nothing sent yet: nothing to start from */
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/svar", def->slug));
		return;
	}
	doc = rev.latest_doc;
	doc.remiss_slug = def->slug;
	doc.org_name = req->identity.org_name;
	switch (response_draft_save(req->db, def, req->identity.org_id,
	    req->identity.user_id, lock, &doc, &new_lock)) {
	case SAVE_OK:
		handler_see_other(res, arena_printf(req->arena,
		    "/remisser/%s/svar?borjat=1", def->slug));
		return;
	case SAVE_CONFLICT:
		if (response_revision_load(req->db, req->arena, def,
		    req->identity.org_id, &doc, &rev) == -1) {
			handler_fail(req, res, PROB_UNAVAILABLE);
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
		handler_fail(req, res, PROB_UNAVAILABLE);
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
	size_t			 nchanges;
	long long		 lockv;
	int			 lock, new_lock, cur;

	if (!respond_form_user(req, res) || !respond_load(req, res, &def, &inv))
		return;
	if (!inv.open_now) {
		closed_page(req, res, &def, &inv);
		return;
	}
	if (input_num(req, IN_FORM_LOCK, &lockv) == -1 ||
	    (input_state(req, IN_FORM_ACTION) == INPUT_ABSENT &&
	    input_state(req, IN_FILE_DELETE) == INPUT_ABSENT)) {
		handler_problem(req, res, 400, "Formuläret är ofullständigt. "
		    "Ladda om sidan.", "The form is incomplete.");
		return;
	}
	lock = (int)lockv;
	if (input_state(req, IN_FORM_ACTION) == INPUT_INVALID) {
		handler_problem(req, res, 400, "Okänd åtgärd.", "Unknown action.");
		return;
	}
	/* No button: a "Ta bort" button was pressed. */
	action = input_state(req, IN_FORM_ACTION) == INPUT_ABSENT ? "spara" :
	    input_text(req, IN_FORM_ACTION);
	if (strcmp(action, "skicka") == 0) {
		submit(req, res, &def, lock);
		return;
	}
	if (strcmp(action, "borja-om") == 0) {
		restart(req, res, &def, &inv, lock);
		return;
	}
	memset(&errs, 0, sizeof(errs));
	if (response_form_read(req, &def, &doc, &errs) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	doc.org_name = req->identity.org_name;
	if (files_changed(req, &def, &errs) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE);
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
			handler_fail(req, res, PROB_UNAVAILABLE);
			return;
		}
		nchanges = response_differences(req->arena, &def, &stored, &doc,
		    changes, sizeof(changes) / sizeof(changes[0]));
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
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	if (strcmp(action, "granska") == 0) {
		confirm_page(req, res, &def, &doc, new_lock);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/remisser/%s/svar?sparat=1", def.slug));
}
