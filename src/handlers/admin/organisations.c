/* organisations.c: the förvaltning's organisation pages: the list and a new organisation, one
 * organisation's fields and contact people, and the import file's template. */
#include "config.h"

#include <string.h>

#include "core/objects.h"
#include "core/organisations.h"
#include "core/org_rules.h"
#include "handlers/admin/organisations.h"
#include "handlers/handlers.h"
#include "http/response.h"
#include "util/arena.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/org_list_view.h"
#include "views/org_page_view.h"

void
org_list_send(struct request *req, struct response *res, int status,
    struct org_list_page *p)
{
	struct org_row	*rows;
	struct html	*h;

	p->who = &req->identity;
	if (orgs_list(req->db, req->arena, &rows, &p->nrows) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p->rows = rows;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	org_list_view(h, req->arena, p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_orgs(struct request *req, struct response *res)
{
	struct org_list_page p = { 0 };

	if (input_bool(req, IN_SAVED))
		p.notice = _("Ändringen är sparad.");
	org_list_send(req, res, 200, &p);
}

/* "" for an absent value, else the value as sent. */
static const char *
raw(const struct request *req, enum input_key k)
{
	const char *v = input_raw(req, k);

	return v != NULL ? v : "";
}

/* Reads and checks the fields' form into *f, recording what is wrong in
 * *e. */
static void
read_fields(struct request *req, struct org_fields *f, struct form_errors *e)
{
	memset(f, 0, sizeof(*f));
	f->name = input_text(req, IN_ORG_NAME);
	if (!org_name_valid(f->name))
		form_errors_add(e, "namn", _("Skriv organisationens namn: en "
		    "rad, högst 200 tecken."));
	if ((f->kind = input_text(req, IN_ORG_KIND)) == NULL)
		form_errors_add(e, "typ", _("Välj kommun, region, myndighet, "
		    "förening eller annan."));
	f->orgnr = input_text(req, IN_ORG_ORGNR);
	if (input_state(req, IN_ORG_ORGNR) != INPUT_ABSENT &&
	    !orgnr_valid(f->orgnr))
		form_errors_add(e, "orgnr", _("Skriv organisationsnumret som "
		    "NNNNNN-NNNN med rätt kontrollsiffra (den sista siffran), "
		    "till exempel 212000-1355."));
	f->registry = input_text(req, IN_ORG_REGISTRY);
	if (input_state(req, IN_ORG_REGISTRY) != INPUT_ABSENT &&
	    !org_email_valid(f->registry))
		form_errors_add(e, "registratur", _("Skriv en e-postadress, "
		    "till exempel registrator@kommun.se."));
}

static const char *
actor(struct request *req)
{
	return arena_printf(req->arena, "user:%lld", req->identity.user_id);
}

/* POST /admin/organisationer: a new organisation. */
void
handle_org_create(struct request *req, struct response *res)
{
	struct org_list_page	 p = { 0 };
	struct form_errors	 e = { 0 };
	struct org_fields	 f;
	long long		 id;
	const char		*clash;
	enum core_result	 rc;

	read_fields(req, &f, &e);
	p.errs = &e;
	p.name = raw(req, IN_ORG_NAME);
	p.kind = input_text(req, IN_ORG_KIND);
	p.orgnr = raw(req, IN_ORG_ORGNR);
	p.registry = raw(req, IN_ORG_REGISTRY);
	if (e.n > 0) {
		org_list_send(req, res, 422, &p);
		return;
	}
	rc = org_save(req->db, req->arena, actor(req), 0, &f, &id, &clash);
	if (rc == CORE_CONFLICT) {
		form_errors_add(&e, "namn", arena_printf(req->arena, _("Det finns "
		    "redan en organisation med det namnet eller "
		    "organisationsnumret: %s."), clash ? clash : ""));
		org_list_send(req, res, 422, &p);
		return;
	}
	if (rc != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/organisationer/%lld?sparat=1", id));
}

/* The page of the route's organisation with status and p's forms. */
static void
org_page_send(struct request *req, struct response *res, int status,
    struct org_page *p)
{
	struct org_detail	 d;
	struct html		*h;
	enum core_result	 rc;

	if ((rc = org_load(req->db, req->arena, req->object->id, &d)) !=
	    CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	p->who = &req->identity;
	p->org = &d;
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	org_page_view(h, req->arena, p);
	layout_send(h, res, status);
	response_header(res, "Cache-Control", "no-store");
}

void
handle_org_page(struct request *req, struct response *res)
{
	struct org_page p = { 0 };

	if (input_bool(req, IN_SAVED))
		p.notice = _("Ändringen är sparad.");
	org_page_send(req, res, 200, &p);
}

/* POST /admin/organisationer/{id}: its name, kind, orgnr and mailbox. */
void
handle_org_save(struct request *req, struct response *res)
{
	struct org_page		 p = { 0 };
	struct form_errors	 e = { 0 };
	struct org_fields	 f;
	long long		 id;
	const char		*clash;
	enum core_result	 rc;

	read_fields(req, &f, &e);
	p.errs = &e;
	p.name = raw(req, IN_ORG_NAME);
	p.kind = input_text(req, IN_ORG_KIND);
	p.orgnr = raw(req, IN_ORG_ORGNR);
	p.registry = raw(req, IN_ORG_REGISTRY);
	if (e.n > 0) {
		org_page_send(req, res, 422, &p);
		return;
	}
	rc = org_save(req->db, req->arena, actor(req), req->object->id, &f, &id,
	    &clash);
	if (rc == CORE_CONFLICT) {
		form_errors_add(&e, "namn", arena_printf(req->arena, _("Det finns "
		    "redan en organisation med det namnet eller "
		    "organisationsnumret: %s."), clash ? clash : ""));
		org_page_send(req, res, 422, &p);
		return;
	}
	if (rc != CORE_OK) {
		handler_result(req, res, rc == CORE_NOT_FOUND ? rc :
		    CORE_UNAVAILABLE);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/organisationer/%lld?sparat=1", id));
}

/* POST /admin/organisationer/{id}/kontakter: adds a contact person. */
void
handle_org_contact_add(struct request *req, struct response *res)
{
	struct org_page		 p = { 0 };
	struct form_errors	 e = { 0 };
	const char		*name = input_text(req, IN_CONTACT_NAME);
	const char		*title = input_text(req, IN_CONTACT_TITLE);
	const char		*email = input_text(req, IN_CONTACT_EMAIL);

	if (!org_name_valid(name))
		form_errors_add(&e, "kontakt_namn", _("Skriv kontaktpersonens "
		    "namn: en rad, högst 200 tecken."));
	if (input_state(req, IN_CONTACT_TITLE) != INPUT_ABSENT &&
	    !org_name_valid(title))
		form_errors_add(&e, "kontakt_titel", _("Titeln ska vara en rad, "
		    "högst 200 tecken."));
	if (!org_email_valid(email))
		form_errors_add(&e, "kontakt_epost", _("Skriv en e-postadress, "
		    "till exempel anna.berg@kommun.se."));
	if (e.n > 0) {
		p.cerrs = &e;
		p.cname = raw(req, IN_CONTACT_NAME);
		p.ctitle = raw(req, IN_CONTACT_TITLE);
		p.cemail = raw(req, IN_CONTACT_EMAIL);
		org_page_send(req, res, 422, &p);
		return;
	}
	if (org_contact_add(req->db, req->arena, actor(req), req->object->id,
	    name, title, email) != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/organisationer/%lld?sparat=1#kontakter", req->object->id));
}

/* POST /admin/organisationer/{id}/kontakter/ta-bort: kontakt=ID. */
void
handle_org_contact_remove(struct request *req, struct response *res)
{
	long long		 cid;
	enum core_result	 rc;

	if (input_num(req, IN_CONTACT_ID, &cid) == -1) {
		handler_problem(req, res, 400, "Välj en kontaktperson.",
		    "Choose a contact person.");
		return;
	}
	rc = org_contact_remove(req->db, req->arena, actor(req),
	    req->object->id, cid);
	if (rc == CORE_NOT_FOUND) {
		handler_problem(req, res, 404, "Organisationen har ingen sådan "
		    "kontaktperson.", "The organisation has no such contact "
		    "person.");
		return;
	}
	if (rc != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	handler_see_other(res, arena_printf(req->arena,
	    "/admin/organisationer/%lld?sparat=1#kontakter", req->object->id));
}

/* GET /admin/organisationer/mall.csv: the import file's template, as
 * Excel opens it (UTF-8 with a byte order mark, ';', CRLF). */
void
handle_org_template(struct request *req, struct response *res)
{
	static const char body[] = "\xEF\xBB\xBF"
	    "namn;typ;orgnr;registratur;kontaktperson;kontakt_epost\r\n"
	    "Exempels kommun;kommun;212000-1355;registrator@exempel.se;"
	    "Anna Berg;anna.berg@exempel.se\r\n";

	res->content_type = "text/csv; charset=utf-8";
	if (buf_append(&res->body, body, sizeof(body) - 1) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_header(res, "Content-Disposition",
	    "attachment; filename=\"organisationer.csv\"");
	response_header(res, "Cache-Control", "no-store");
}
