/* meetings.c: dialogmöten: the list of a remiss's meetings with organisations, one meeting's page,
 * the form to record or edit one (optimistic lock on edit_version), deletion after a confirmation,
 * and the list of meetings linked to a section or theme. GET/POST /remisser/{slug}/dialogmoten…
 * The worker has loaded the meeting of {id} within the remiss; core/meetings.c stores each change
 * in one transaction with its audit row; views/meeting_view.c writes the pages. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "core/meeting_rules.h"
#include "core/meetings.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "handlers/decide/meetings.h"
#include "handlers/handlers.h"
#include "views/answer_link.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/meeting_view.h"

/* The form of one meeting (new or existing): what it offers, what is
 * checked and the values it shows. */
struct mform {
	struct request			*req;
	struct remiss_def		 def;
	long long			 id;		/* 0 for a new meeting */
	struct meeting_offer		 offer;
	bool				*org_on, *sec_on, *theme_on;
	struct meeting			 m;		/* as stored (existing) */
	/* The values shown in the form. */
	const char			*date, *title, *place, *notes,
					*participants, *version;
	struct meeting_values		 v;		/* checked, for the core */
	struct rule_errors		 err;
	const char			*form_error;
	const struct meeting		*saved;		/* after a 409 */
	bool				 foreign;	/* an organisation, section
							   or theme posted that is
							   not the remiss's */
};

static const char *
base_href(struct request *req, const struct remiss_def *def)
{
	return arena_printf(req->arena, "/remisser/%s/dialogmoten", def->slug);
}

/* Answers a failed load: 404 for a meeting gone meanwhile, else 503. */
static void
load_failed(struct request *req, struct response *res, enum core_result rc)
{
	handler_fail(req, res, rc == CORE_NOT_FOUND ? PROB_NOT_FOUND :
	    PROB_UNAVAILABLE);
}

/* Begins a page of the workspace: the title, its heading, the remiss's
 * title, the navigation and (notice) the notice of a redirect. NULL when
 * out of memory. */
static struct html *
page_begin(struct request *req, const struct remiss_def *def,
    const char *title, const char *heading, bool notice)
{
	struct html *h;

	if ((h = html_new()) == NULL)
		return NULL;
	layout_begin(h, title, &req->identity);
	html_elem(h, "h1", heading, NULL);
	html_elem(h, "p", def->title, "class", "lead", NULL);
	review_nav(h, req, def, "dialogmoten");
	if (notice)
		review_notice(h, req);
	return h;
}

void
meetings_linked(struct html *h, struct request *req,
    const struct remiss_def *def, const char *section_id,
    const char *theme_id, const char *new_query, const char *heading)
{
	struct meeting_item	*list = NULL;
	size_t			 n = 0;
	long long		 id;
	bool			 failed;

	failed = parse_id(section_id != NULL ? section_id : theme_id, &id) == -1 ||
	    meetings_linked_to(req->db, req->arena, section_id != NULL ?
	    MEETING_OF_SECTION : MEETING_OF_THEME, id, &list, &n) != CORE_OK;
	meeting_linked_view(h, req->arena, base_href(req, def), list, n, failed,
	    section_id != NULL, new_query, heading);
}

void
handle_meetings(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	struct meeting_item	*list;
	struct html		*h;
	size_t			 n;

	if (!review_remiss(req, res, &def))
		return;
	if (meetings_list(req->db, req->arena, def.id, &list, &n) != CORE_OK ||
	    (h = page_begin(req, &def, arena_printf(req->arena,
	    _("Dialogmöten: %s"), def.title), _("Dialogmöten"), true)) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	meeting_list_view(h, req->arena, base_href(req, &def), list, n);
	layout_end(h);
	layout_send(h, res, 200);
}

/* Marks in on[0..n) the ids of ids[0..nids) that are among choices. */
static void
mark(bool *on, const struct meeting_choice *choices, size_t n,
    const long long *ids, size_t nids)
{
	size_t i, k;

	for (i = 0; i < nids; i++)
		for (k = 0; k < n; k++)
			if (choices[k].id == ids[i])
				on[k] = true;
}

/* Loads the remiss and what the form offers (invited organisations,
 * sections, themes), then the meeting of the path when f->id is set, its
 * values and links into the form. 1, or 0 after answering (404/503). */
static int
load(struct mform *f, struct response *res)
{
	struct request		*req = f->req;
	enum core_result	 rc;
	size_t			 i, k;

	if (!review_remiss(req, res, &f->def))
		return 0;
	if ((rc = meeting_offer_load(req->db, req->arena, f->def.id,
	    &f->offer)) != CORE_OK)
		goto fail;
	f->org_on = arena_calloc(req->arena, f->offer.norgs + 1, sizeof(bool));
	f->sec_on = arena_calloc(req->arena, f->def.nsections + 1, sizeof(bool));
	f->theme_on = arena_calloc(req->arena, f->offer.nthemes + 1,
	    sizeof(bool));
	rc = CORE_UNAVAILABLE;
	if (f->org_on == NULL || f->sec_on == NULL || f->theme_on == NULL)
		goto fail;
	f->date = f->title = f->place = f->notes = f->participants = "";
	f->version = "0";
	if (f->id == 0)
		return 1;
	if ((rc = meeting_get(req->db, req->arena, f->def.id, f->id, true,
	    &f->m)) != CORE_OK)
		goto fail;
	f->date = f->m.held_on;
	f->title = f->m.title;
	f->place = f->m.place;
	f->notes = f->m.notes;
	f->version = arena_printf(req->arena, "%lld", f->m.edit_version);
	mark(f->org_on, f->offer.orgs, f->offer.norgs, f->m.orgs, f->m.norgs);
	mark(f->theme_on, f->offer.themes, f->offer.nthemes, f->m.themes,
	    f->m.nthemes);
	for (i = 0; i < f->m.nsections; i++)
		for (k = 0; k < f->def.nsections; k++)
			if (f->m.sections[i] == f->def.sections[k].id)
				f->sec_on[k] = true;
	if ((f->participants = meeting_participants_text(req->arena,
	    f->m.participants, f->m.nparticipants)) == NULL ||
	    f->version == NULL) {
		rc = CORE_UNAVAILABLE;
		goto fail;
	}
	return 1;
fail:
	load_failed(req, res, rc);
	return 0;
}

/* Writes the form page of f and sends it with status. */
static void
send_form(struct mform *f, struct response *res, int status)
{
	struct request			*req = f->req;
	struct html			*h;
	const char			*title, *action;
	struct meeting_form_page	 p;

	title = f->id == 0 ? _("Registrera ett dialogmöte") :
	    arena_printf(req->arena, _("Ändra %s"), meeting_name(req->arena,
	    f->saved != NULL ? f->saved->held_on : f->date,
	    f->saved != NULL ? f->saved->title : f->title));
	action = f->id == 0 ? base_href(req, &f->def) :
	    arena_printf(req->arena, "%s/%lld", base_href(req, &f->def), f->id);
	if ((h = page_begin(req, &f->def, title, title, false)) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	p = (struct meeting_form_page){
		.base = base_href(req, &f->def), .action = action,
		.is_new = f->id == 0, .csrf = req->identity.csrf,
		.version = f->version, .date = f->date, .title = f->title,
		.place = f->place, .notes = f->notes,
		.participants = f->participants, .err = &f->err,
		.form_error = f->form_error, .offer = &f->offer,
		.org_on = f->org_on, .theme_on = f->theme_on,
		.sections = f->def.sections, .nsections = f->def.nsections,
		.sec_on = f->sec_on, .saved = f->saved,
	};
	meeting_form_view(h, req->arena, &p);
	layout_end(h);
	layout_send(h, res, status);
}

void
handle_meeting_new_form(struct request *req, struct response *res)
{
	struct mform			 f;
	const char			*sec = input_text(req,
					    IN_MEETING_SECTION_NR);
	const struct input_value	*tema;
	size_t				 k, ntema;

	memset(&f, 0, sizeof(f));
	f.req = req;
	if (!load(&f, res))
		return;
	/* Linked from a section or theme: that one is checked already. */
	for (k = 0; sec != NULL && k < f.def.nsections; k++)
		if (strcmp(f.def.sections[k].nr, sec) == 0)
			f.sec_on[k] = true;
	tema = input_values(req, IN_MEETING_THEMES, &ntema);
	if (ntema > 0 && tema[0].state == INPUT_VALID)
		mark(f.theme_on, f.offer.themes, f.offer.nthemes, &tema[0].num,
		    1);
	send_form(&f, res, 200);
}

void
handle_meeting_edit_form(struct request *req, struct response *res)
{
	struct mform f;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.id = req->object->id;
	if (!load(&f, res))
		return;
	send_form(&f, res, 200);
}

/* Marks the posted values of key k among choices[0..n) in on[]; a value
 * that is none of them (or not an id) makes the form foreign. Returns how
 * many distinct ones were marked. */
static size_t
read_choices(struct mform *f, enum input_key k,
    const struct meeting_choice *choices, size_t n, bool *on)
{
	const struct input_value	*v;
	size_t				 i, c, nv, marked = 0;
	bool				 found;

	v = input_values(f->req, k, &nv);
	for (i = 0; i < nv; i++) {
		found = false;
		for (c = 0; v[i].state == INPUT_VALID && c < n; c++)
			if (choices[c].id == v[i].num) {
				found = true;
				marked += !on[c];
				on[c] = true;
			}
		if (!found)
			f->foreign = true;
	}
	return marked;
}

/* Reads the posted form into f: values to show again, checkboxes, and the
 * checked values in f->v. 0, or -1 with f->err set. f->foreign is set when
 * an organisation, section or theme id is not one the remiss offers. */
static int
read_form(struct mform *f)
{
	struct request			*req = f->req;
	struct meeting_fields		 in = {
		.date = input_text(req, IN_MEETING_DATE),
		.title = input_text(req, IN_MEETING_TITLE),
		.place = input_text(req, IN_MEETING_PLACE),
		.notes = input_text(req, IN_MEETING_NOTES),
		.participants = input_text(req, IN_MEETING_PARTICIPANTS),
	};
	const struct input_value	*v;
	const char			*raw;
	size_t				 i, k, nv, norgs;
	bool				 found;

	f->date = (raw = input_raw(req, IN_MEETING_DATE)) != NULL ? raw : "";
	f->title = (raw = input_raw(req, IN_MEETING_TITLE)) != NULL ? raw : "";
	f->place = (raw = input_raw(req, IN_MEETING_PLACE)) != NULL ? raw : "";
	f->notes = (raw = input_raw(req, IN_MEETING_NOTES)) != NULL ? raw : "";
	f->participants = (raw = input_raw(req, IN_MEETING_PARTICIPANTS)) !=
	    NULL ? raw : "";
	f->version = (raw = input_raw(req, IN_MEETING_VERSION)) != NULL ? raw :
	    "";
	norgs = read_choices(f, IN_MEETING_ORGS, f->offer.orgs, f->offer.norgs,
	    f->org_on);
	(void)read_choices(f, IN_MEETING_THEMES, f->offer.themes,
	    f->offer.nthemes, f->theme_on);
	v = input_values(req, IN_MEETING_SECTIONS, &nv);
	for (i = 0; i < nv; i++) {
		found = false;
		for (k = 0; v[i].state == INPUT_VALID && k < f->def.nsections; k++)
			if (v[i].num == f->def.sections[k].id)
				found = f->sec_on[k] = true;
		if (!found)
			f->foreign = true;
	}
	meeting_check_fields(req->arena, &in, &f->v, &f->err);
	if (norgs == 0)
		rule_add(&f->err, "organisationer", RULE_MEETING_NO_ORG, 0);
	return f->err.n > 0 ? -1 : 0;
}

/* The ids of choices[0..n) (or, choices NULL, of the sections) that on[]
 * marks, in a; *count gets how many. NULL when out of memory. */
static long long *
chosen(struct mform *f, const struct meeting_choice *choices, size_t n,
    const bool *on, size_t *count)
{
	long long	*ids;
	size_t		 i;

	*count = 0;
	if ((ids = arena_calloc(f->req->arena, n + 1, sizeof(*ids))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (on[i])
			ids[(*count)++] = choices != NULL ? choices[i].id :
			    f->def.sections[i].id;
	return ids;
}

/* The 404 of an organisation, section or theme that the remiss does not
 * offer (another remiss's, or removed meanwhile). */
static void
not_offered(struct request *req, struct response *res)
{
	handler_problem(req, res, 404, "En vald organisation, ett valt avsnitt "
	    "eller tema hör inte till den här remissen. Ladda om sidan. Inget "
	    "har sparats.", "A chosen organisation, section or theme is not "
	    "one of this remiss's. Nothing was saved.");
}

/* Stores the checked form f. CORE_OK with f->id set, or the core's
 * result with *why. */
static enum core_result
store(struct mform *f, enum meeting_refusal *why)
{
	struct request		*req = f->req;
	struct meeting_change	 c = { .id = f->id, .values = &f->v };
	long long		 version, id;
	enum core_result	 rc;

	if (f->id != 0 && input_num(req, IN_MEETING_VERSION, &version) == 0)
		c.version = version;
	if ((c.orgs = chosen(f, f->offer.orgs, f->offer.norgs, f->org_on,
	    &c.norgs)) == NULL || (c.sections = chosen(f, NULL,
	    f->def.nsections, f->sec_on, &c.nsections)) == NULL ||
	    (c.themes = chosen(f, f->offer.themes, f->offer.nthemes,
	    f->theme_on, &c.nthemes)) == NULL)
		return CORE_ERROR;
	if ((rc = meeting_store(req->db, req->arena, f->def.id,
	    req->identity.user_id, &c, &id, why)) == CORE_OK)
		f->id = id;
	return rc;
}

/* POST of the form, new (id 0) or existing. */
static void
save(struct request *req, struct response *res, long long id)
{
	struct meeting		 saved;
	struct mform		 f;
	enum meeting_refusal	 why = MEETING_REFUSED_NONE;
	enum core_result	 rc;
	int			 status = 422;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.id = id;
	if (!load(&f, res))
		return;
	/* The posted values replace the stored ones in the form. */
	memset(f.org_on, 0, f.offer.norgs * sizeof(bool));
	memset(f.sec_on, 0, f.def.nsections * sizeof(bool));
	memset(f.theme_on, 0, f.offer.nthemes * sizeof(bool));
	if (read_form(&f) == 0 || f.foreign) {
		/* Every id the form names is resolved within this remiss. */
		if (f.foreign) {
			not_offered(req, res);
			return;
		}
		if ((rc = store(&f, &why)) == CORE_OK) {
			review_redirect(req, res, arena_printf(req->arena,
			    "%s/%lld", base_href(req, &f.def), f.id), id == 0 ?
			    "mote-registrerat" : "mote-sparat");
			return;
		}
		if (rc == CORE_NOT_FOUND && why == MEETING_NOT_OFFERED) {
			not_offered(req, res);
			return;
		}
		if (rc == CORE_NOT_FOUND) {
			handler_problem(req, res, 404, "Dialogmötet har tagits "
			    "bort av någon annan.", "The meeting was deleted by "
			    "someone else.");
			return;
		}
		status = rc == CORE_CONFLICT ? 409 : rc == CORE_INVALID ? 422 :
		    503;
		if (rc == CORE_CONFLICT) {
			/* Show what is stored now; saving again overwrites
			 * it knowingly. */
			memset(&saved, 0, sizeof(saved));
			if (meeting_get(req->db, req->arena, f.def.id, id, false,
			    &saved) == CORE_OK && (f.version = arena_printf(
			    req->arena, "%lld", saved.edit_version)) != NULL)
				f.saved = &saved;
		}
		f.form_error = rc == CORE_CONFLICT ? _("Någon annan har ändrat "
		    "dialogmötet medan du skrev, så dina ändringar är inte "
		    "sparade. Det du skrev finns kvar i formuläret och det som är "
		    "sparat nu står under det. Spara igen om du vill ersätta det "
		    "sparade med ditt.") : rc == CORE_INVALID ? _("En vald "
		    "organisation är inte längre inbjuden till remissen. Ladda om "
		    "sidan och välj igen.") : _("Dialogmötet kunde inte sparas just "
		    "nu. Försök igen om en stund.");
	}
	send_form(&f, res, status);
}

void
handle_meeting_create(struct request *req, struct response *res)
{
	save(req, res, 0);
}

void
handle_meeting_save(struct request *req, struct response *res)
{
	save(req, res, req->object->id);
}

void
handle_meeting_view(struct request *req, struct response *res)
{
	struct mform		 f;
	struct meeting_page	 p;
	struct html		*h;
	struct arena		*a = req->arena;
	const char		*name, **org_names, **org_hrefs, **sec_labels,
				**sec_hrefs, **theme_labels, **theme_hrefs;
	size_t			 k;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.id = req->object->id;
	if (!load(&f, res))
		return;
	memset(&p, 0, sizeof(p));
	org_names = arena_calloc(a, f.offer.norgs + 1, sizeof(char *));
	org_hrefs = arena_calloc(a, f.offer.norgs + 1, sizeof(char *));
	sec_labels = arena_calloc(a, f.def.nsections + 1, sizeof(char *));
	sec_hrefs = arena_calloc(a, f.def.nsections + 1, sizeof(char *));
	theme_labels = arena_calloc(a, f.offer.nthemes + 1, sizeof(char *));
	theme_hrefs = arena_calloc(a, f.offer.nthemes + 1, sizeof(char *));
	if (org_names == NULL || org_hrefs == NULL || sec_labels == NULL ||
	    sec_hrefs == NULL || theme_labels == NULL || theme_hrefs == NULL)
		goto unavailable;
	/* One that has answered links to its response as a whole. */
	for (k = 0; k < f.offer.norgs; k++)
		if (f.org_on[k]) {
			org_names[p.norgs] = f.offer.orgs[k].name;
			org_hrefs[p.norgs++] = f.offer.orgs[k].answered ?
			    answer_href(a, f.def.slug, "", arena_printf(a, "%lld",
			    f.offer.orgs[k].id)) : NULL;
		}
	for (k = 0; k < f.def.nsections; k++)
		if (f.sec_on[k]) {
			sec_labels[p.nsections] = arena_printf(a, "%s %s",
			    f.def.sections[k].nr, f.def.sections[k].heading);
			sec_hrefs[p.nsections++] = arena_printf(a,
			    "/remisser/%s/granskning/avsnitt/%s", f.def.slug,
			    f.def.sections[k].nr);
		}
	for (k = 0; k < f.offer.nthemes; k++)
		if (f.theme_on[k]) {
			theme_labels[p.nthemes] = f.offer.themes[k].name;
			theme_hrefs[p.nthemes++] = arena_printf(a,
			    "/remisser/%s/teman#tema-%lld", f.def.slug,
			    f.offer.themes[k].id);
		}
	p.base = base_href(req, &f.def);
	p.self = arena_printf(a, "%s/%lld", p.base, f.id);
	p.m = &f.m;
	p.org_names = org_names;
	p.org_hrefs = org_hrefs;
	p.section_labels = sec_labels;
	p.section_hrefs = sec_hrefs;
	p.theme_labels = theme_labels;
	p.theme_hrefs = theme_hrefs;
	name = meeting_name(a, f.m.held_on, f.m.title);
	if ((h = page_begin(req, &f.def, name, name, true)) == NULL)
		goto unavailable;
	meeting_page_view(h, a, &p);
	layout_end(h);
	layout_send(h, res, 200);
	return;
unavailable:
	handler_fail(req, res, PROB_UNAVAILABLE);
}

void
handle_meeting_delete_form(struct request *req, struct response *res)
{
	struct mform	 f;
	struct html	*h;
	const char	*name, *self;

	memset(&f, 0, sizeof(f));
	f.req = req;
	f.id = req->object->id;
	if (!load(&f, res))
		return;
	name = meeting_name(req->arena, f.date, f.title);
	self = arena_printf(req->arena, "%s/%lld", base_href(req, &f.def), f.id);
	if ((h = page_begin(req, &f.def, arena_printf(req->arena,
	    _("Ta bort %s"), name), _("Ta bort dialogmötet?"), false)) == NULL) {
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
	meeting_delete_view(h, req->arena, name, self, req->identity.csrf,
	    f.version);
	layout_end(h);
	layout_send(h, res, 200);
}

void
handle_meeting_delete(struct request *req, struct response *res)
{
	struct remiss_def	 def;
	long long		 version;

	if (!review_remiss(req, res, &def))
		return;
	if (input_num(req, IN_MEETING_VERSION, &version) == -1) {
		handler_problem(req, res, 422, "Formuläret saknar mötets version. "
		    "Öppna mötet och försök igen.", "The form lacks the "
		    "meeting's version.");
		return;
	}
	switch (meeting_delete(req->db, req->arena, def.id,
	    req->identity.user_id, req->object->id, version)) {
	case CORE_OK:
		review_redirect(req, res, arena_printf(req->arena,
		    "/remisser/%s/dialogmoten", def.slug), "mote-borttaget");
		return;
	case CORE_CONFLICT:
		handler_problem(req, res, 409, "Någon annan har ändrat "
		    "dialogmötet sedan du öppnade sidan, så det är inte "
		    "borttaget. Öppna mötet igen och se efter innan du tar bort "
		    "det.", "The meeting was changed meanwhile; it was not "
		    "deleted.");
		return;
	case CORE_NOT_FOUND:
		handler_fail(req, res, PROB_NOT_FOUND);
		return;
	default:
		handler_fail(req, res, PROB_UNAVAILABLE);
		return;
	}
}
