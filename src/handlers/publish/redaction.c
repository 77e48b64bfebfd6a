/* redaction.c: POST /remisser/{slug}/sekretess: the förvaltning prepares a redaction of a
 * version the preview or the public page shows: a passage (selected on the preview and
 * anchored in the stored text, or typed: every occurrence, in one field or in all), a whole
 * field, or an attachment, withheld or replaced by a redacted copy. A redaction that would
 * hide nothing is refused with the reason, beside its form; one that is kept is stored with
 * its audit row in one transaction. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/filetype.h"
#include "core/public_model.h"
#include "core/redact.h"
#include "core/remiss_def.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "handlers/publish/public_view.h"
#include "handlers/publish/publication.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/problem.h"
#include "http/response.h"
#include "core/anchor.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "views/i18n.h"

#define GROUND_MAX	300	/* redactions.legal_ground */
#define PASSAGE_MAX	10000	/* redactions.passage, in characters */

/* What the form sent. */
struct input {
	const char			*vid, *quote, *field, *start, *whole;
	const char			*nr, *action, *ground;
	const struct multipart_part	*file;
	long long			 version;
};

/* A redaction to store. */
struct row {
	enum redaction_kind	 kind;
	const char		*passage, *field, *prefix, *suffix;
	long			 start, end, ord;	/* ord: 0-based, or -1 */
	const char		*rep_name, *rep_type;
	const unsigned char	*rep;
	size_t			 rep_len;
};

/* Everything one request works with. */
struct ctx {
	struct request			*req;
	struct response			*res;
	const struct remiss_def		*def;
	struct input			 in;
	const char			*form;	/* the form, for a refusal */
};

/* Refuses with status: beside its form on the preview (a browser), or as a
 * problem (sv, en) for other clients. Nothing is stored. */
static void
refuse(struct ctx *c, int status, const char *sv, const char *en)
{
	struct redact_error err;

	if (problem_format_for(c->req->accept, c->req->path) != PROBLEM_HTML) {
		handler_problem(c->req, c->res, status, sv, en);
		return;
	}
	memset(&err, 0, sizeof(err));
	err.version_id = c->in.version;
	err.form = c->form;
	err.message = i18n_current() == LANG_EN ? en : sv;
	err.quote = c->in.quote;
	err.field = c->in.whole != NULL ? c->in.whole : c->in.field;
	err.ground = c->in.ground;
	publication_preview_send(c->req, c->res, c->def, status, &err);
}

static const char *
nonempty(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/* True if s names a provision: "N kap. M §" (M perhaps with a letter,
 * "2 a §"), then anything, on one trimmed line of at most GROUND_MAX bytes
 * without control characters. */
static bool
ground_ok(const char *s)
{
	const char	*p = s;
	size_t		 len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > GROUND_MAX ||
	    s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || i > 2 || strncmp(p + i, " kap. ", 6) != 0)
		return false;
	p += i + 6;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || i > 3)
		return false;
	p += i;
	if (p[0] == ' ' && p[1] >= 'a' && p[1] <= 'z' && p[2] == ' ')
		p += 2;
	return strncmp(p, " §", strlen(" §")) == 0;
}

/* Stores row for the version of c with its audit row. 1 stored, 0 the
 * version is not this remiss's, -1 failed (rolled back). */
static int
store(struct ctx *c, const struct row *w, long long *id)
{
	struct request	*req = c->req;
	struct buf	 d;
	PGresult	*r = NULL;
	const char	*p[14];
	char		 rid[24], uid[24], ord[24], st[24], en[24], actor[40];
	char		*hex = NULL;
	int		 rc = -1;

	snprintf(rid, sizeof(rid), "%lld", c->def->id);
	snprintf(uid, sizeof(uid), "%lld", req->identity.user_id);
	snprintf(ord, sizeof(ord), "%ld", w->ord);
	snprintf(st, sizeof(st), "%ld", w->start);
	snprintf(en, sizeof(en), "%ld", w->end);
	snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	if (w->rep != NULL) {
		if (w->rep_len > (SIZE_MAX - 1) / 2 || (hex = arena_alloc(
		    req->arena, w->rep_len * 2 + 1)) == NULL)
			return -1;
		sodium_bin2hex(hex, w->rep_len * 2 + 1, w->rep, w->rep_len);
	}
	p[0] = c->in.vid;
	p[1] = rid;
	p[2] = w->passage;
	p[3] = w->ord >= 0 ? ord : NULL;
	p[4] = c->in.ground;
	p[5] = uid;
	p[6] = w->field;
	p[7] = w->kind == REDACT_ANCHORED ? w->prefix : NULL;
	p[8] = w->kind == REDACT_ANCHORED ? w->suffix : NULL;
	p[9] = w->kind == REDACT_ANCHORED ? st : NULL;
	p[10] = w->kind == REDACT_ANCHORED ? en : NULL;
	p[11] = w->rep_name;
	p[12] = w->rep_type;
	p[13] = hex;

	buf_init(&d, req->arena);
	buf_puts(&d, "{\"remiss\":");
	json_string(&d, c->def->slug);
	buf_printf(&d, ",\"version\":%lld,\"kind\":\"%s\"", c->in.version,
	    w->kind == REDACT_ANCHORED ? "passage" : w->kind ==
	    REDACT_OCCURRENCES ? "occurrences" : w->kind == REDACT_FIELD ?
	    "field" : w->rep != NULL ? "replaced" : "withheld");
	if (w->field != NULL) {
		buf_puts(&d, ",\"field\":");
		json_string(&d, w->field);
	}
	if (w->passage != NULL) {
		buf_puts(&d, ",\"passage\":");
		json_string(&d, w->passage);
	}
	if (w->kind == REDACT_ANCHORED)
		buf_printf(&d, ",\"start\":%ld,\"end\":%ld", w->start, w->end);
	if (w->ord >= 0)
		buf_printf(&d, ",\"attachment\":%ld", w->ord + 1);
	if (w->rep_name != NULL) {
		buf_puts(&d, ",\"replacement\":");
		json_string(&d, w->rep_name);
	}
	buf_puts(&d, ",\"legal_ground\":");
	json_string(&d, c->in.ground);
	buf_puts(&d, "}");
	if (d.failed || db_begin(req->db) == -1)
		return -1;
	r = db_exec(req->db, STMT_REDACTION_INSERT, p);
	if (!db_result_ok(r))
		goto out;
	if (PQntuples(r) == 0) {
		rc = 0;
		goto out;
	}
	if (parse_id(PQgetvalue(r, 0, 0), id) == -1 ||
	    audit_write(req->db, actor, "redaction.create", "redaction",
	    PQgetvalue(r, 0, 0), d.data) == -1)
		goto out;
	PQclear(r);
	return db_commit(req->db) == 0 ? 1 : -1;
out:
	PQclear(r);
	db_rollback(req->db);
	return rc;
}

/* What a passage names, for the messages: its field or the response. */
static const char *
where(struct ctx *c, const struct public_response *r, const char *field)
{
	const char *label;

	if (field == NULL)
		return arena_printf(c->req->arena, "svaret från %s", r->org_name);
	label = public_field_label(c->req->arena, c->def, field);
	return arena_printf(c->req->arena, "fältet %s i svaret från %s",
	    label != NULL ? label : field, r->org_name);
}

/* The row of a passage: anchored when the preview's script told where it
 * starts in one field, else every occurrence (in one field or all). 0, or
 * -1 refused/failed (answered). */
static int
passage_row(struct ctx *c, const struct public_response *r, struct row *w)
{
	struct arena			*a = c->req->arena;
	const struct redacted_text	*t = NULL;
	struct anchor			 an;
	const char			*needle, *at;
	long				 hint = -1;
	size_t				 i, n = 0;
	int				 rc;

	c->form = "stycke";
	if (utf8_chars(c->in.quote) > PASSAGE_MAX) {
		refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj hela "
		    "fältet i stället. Inget har registrerats.", "The passage "
		    "is longer than 10,000 characters: hide the whole field "
		    "instead. Nothing was stored.");
		return -1;
	}
	if (c->in.field != NULL &&
	    (t = redacted_text_get(&r->v, c->in.field)) == NULL) {
		refuse(c, 422, "Svaret har inget sådant fält, eller så är det "
		    "tomt. Inget har registrerats.", "The response has no such "
		    "field, or it is empty. Nothing was stored.");
		return -1;
	}
	if (t != NULL && strcmp(t->key, "beslutsdatum") == 0) {
		refuse(c, 422, "Beslutsdatum döljs bara helt: välj Dölj ett helt "
		    "fält. Inget har registrerats.", "The decision date can "
		    "only be hidden whole. Nothing was stored.");
		return -1;
	}
	if (t != NULL && c->in.start != NULL) {
		if (parse_long(c->in.start, 0, 2147483647L, &hint) == -1) {
			refuse(c, 422, "Markeringens position är ogiltig. Markera "
			    "stycket igen. Inget har registrerats.", "The "
			    "selection's position is invalid. Nothing was "
			    "stored.");
			return -1;
		}
		if ((rc = redact_anchor(a, t, c->in.quote, hint, &an)) == -1)
			return -2;
		if (rc == 1)
			goto absent;
		if (utf8_chars(an.quote) > PASSAGE_MAX) {
			refuse(c, 422, "Stycket är längre än 10 000 tecken. Dölj "
			    "hela fältet i stället. Inget har registrerats.",
			    "The passage is longer than 10,000 characters. "
			    "Nothing was stored.");
			return -1;
		}
		w->kind = REDACT_ANCHORED;
		w->field = t->key;
		w->passage = an.quote;
		w->prefix = an.prefix;
		w->suffix = an.suffix;
		w->start = an.start;
		w->end = an.end;
		return 0;
	}
	if ((needle = redact_needle(a, c->in.quote)) == NULL)
		return -2;
	for (i = 0; i < r->v.ntexts; i++)
		if (t == NULL || &r->v.texts[i] == t)
			n += redact_count(r->v.texts[i].src, needle);
	if (needle[0] == '\0' || n == 0)
		goto absent;
	w->kind = REDACT_OCCURRENCES;
	w->field = t != NULL ? t->key : NULL;
	w->passage = needle;
	return 0;
absent:
	at = where(c, r, t != NULL ? t->key : NULL);
	refuse(c, 422, arena_printf(a, "Stycket finns inte i %s, så det skulle "
	    "inte dölja något. Markera det i texten, eller skriv av det som "
	    "det står (radbrytningar och blanksteg räknas lika) och välj rätt "
	    "fält. Inget har registrerats.", at), "The passage does not occur "
	    "in the chosen field of the response, so it would hide nothing. "
	    "Nothing was stored.");
	return -1;
}

/* The row of attachment nr: withheld, or replaced by the uploaded copy. */
static int
attachment_row(struct ctx *c, const struct public_response *r, struct row *w)
{
	struct arena	*a = c->req->arena;
	const char	*name, *type;
	long		 n;
	bool		 replace;

	c->form = arena_printf(a, "bilaga-%s", c->in.nr);
	if (parse_long(c->in.nr, 1, 1000, &n) == -1 || (size_t)n > r->v.natts) {
		refuse(c, 422, "Svaret har ingen bilaga med det numret. Inget har "
		    "registrerats.", "The response has no such attachment.");
		return -1;
	}
	if (r->v.atts[n - 1].state != ATT_SHOWN) {
		refuse(c, 409, arena_printf(a, "Bilaga %ld har redan sekretess. "
		    "Häv den först om ni vill ändra den. Inget har registrerats.",
		    n), "The attachment is already redacted: withdraw that "
		    "first. Nothing was stored.");
		return -1;
	}
	replace = c->in.action != NULL && strcmp(c->in.action, "ersatt") == 0;
	if (!replace && c->in.file != NULL) {
		refuse(c, 422, "Ni valde att dölja bilagan men skickade en fil. "
		    "Välj Ersätt den med en sekretessprövad kopia, eller ta bort "
		    "filen. Inget har registrerats.", "You chose to withhold the "
		    "attachment but sent a file. Nothing was stored.");
		return -1;
	}
	w->kind = REDACT_ATTACHMENT;
	w->ord = n - 1;
	if (!replace)
		return 0;
	if (c->in.file == NULL) {
		refuse(c, 422, "Välj den sekretessprövade kopian som ska visas i "
		    "stället. Inget har registrerats.", "Choose the redacted "
		    "copy to show instead. Nothing was stored.");
		return -1;
	}
	name = filetype_clean_name(a, c->in.file->filename);
	type = name != NULL ? filetype_sniff((const unsigned char *)
	    c->in.file->data, c->in.file->len, name) : NULL;
	if (type == NULL) {
		refuse(c, 422, "Kopian kan inte användas: bara PDF, ODT, DOCX, PNG, "
		    "JPEG och text (.txt) tas emot, och filens innehåll måste "
		    "stämma med filnamnet. Inget har registrerats.", "The copy "
		    "cannot be used: only PDF, ODT, DOCX, PNG, JPEG and plain "
		    "text (.txt) whose content matches the name. Nothing was "
		    "stored.");
		return -1;
	}
	w->rep_name = name;
	w->rep_type = type;
	w->rep = (const unsigned char *)c->in.file->data;
	w->rep_len = c->in.file->len;
	return 0;
}

/* Reads the form into c->in. */
static void
read_input(struct ctx *c)
{
	struct request			*req = c->req;
	const struct multipart_part	*f;

	memset(&c->in, 0, sizeof(c->in));
	c->in.vid = kvlist_get(&req->form, "version");
	c->in.quote = nonempty(kvlist_get(&req->form, "stycke"));
	c->in.field = nonempty(kvlist_get(&req->form, "falt"));
	c->in.start = nonempty(kvlist_get(&req->form, "start"));
	c->in.whole = nonempty(kvlist_get(&req->form, "falt_helt"));
	c->in.nr = nonempty(kvlist_get(&req->form, "bilaga"));
	c->in.action = nonempty(kvlist_get(&req->form, "atgard"));
	c->in.ground = kvlist_get(&req->form, "grund");
	f = req->multipart != NULL ? multipart_get(req->multipart,
	    "ersattning") : NULL;
	if (f != NULL && f->filename != NULL &&
	    (f->filename[0] != '\0' || f->len > 0))
		c->in.file = f;
	if (c->in.vid == NULL || parse_id(c->in.vid, &c->in.version) == -1)
		c->in.version = 0;
}

/* The version of the form as the preview, or else the public page, shows
 * it. 1, or 0/-1 (answered). */
static int
load_response(struct ctx *c, struct public_model *m)
{
	long long	lost;
	int		rc;

	rc = public_model_load(c->req->db, c->req->arena, c->def, PUBLIC_PREVIEW,
	    c->in.version, m, &lost);
	if (rc == 0)
		rc = public_model_load(c->req->db, c->req->arena, c->def,
		    PUBLIC_PUBLISHED, c->in.version, m, &lost);
	if (rc == 1 && m->nresponses == 1)
		return 1;
	if (rc == -2)
		refuse(c, 409, arena_printf(c->req->arena, "Sekretess nummer %lld "
		    "kan inte tillämpas på svaret. Häv den och registrera den på "
		    "nytt. Inget har registrerats.", lost), "A redaction cannot "
		    "be applied: withdraw it first. Nothing was stored.");
	else if (rc == 0 || rc == 1)
		handler_problem(c->req, c->res, 404, "Svaret finns inte i den här "
		    "remissen, eller så är det inte den version som visas.",
		    "The response is not one this remiss shows.");
	else
		handler_fail(c->req, c->res, PROB_UNAVAILABLE_UNCHANGED);
	return 0;
}

void
handle_redact(struct request *req, struct response *res)
{
	struct remiss_def		 def;
	struct public_model		 m;
	struct ctx			 c;
	struct row			 w;
	const struct public_response	*r;
	long long			 id;
	int				 kinds, rc;

	if (!publication_remiss(req, res, &def))
		return;
	memset(&c, 0, sizeof(c));
	c.req = req;
	c.res = res;
	c.def = &def;
	c.form = "stycke";
	read_input(&c);
	if (c.in.version == 0) {
		handler_problem(req, res, 400, "Välj ett svar.",
		    "Choose a response.");
		return;
	}
	kinds = (c.in.quote != NULL) + (c.in.whole != NULL) + (c.in.nr != NULL);
	if (c.in.whole != NULL)
		c.form = "falt";
	if (kinds != 1) {
		refuse(&c, 422, "Ange antingen ett stycke ur svaret, ett helt "
		    "fält eller en bilagas nummer.", "Give either a passage, a "
		    "whole field or the number of an attachment.");
		return;
	}
	if (!ground_ok(c.in.ground)) {
		if (c.in.nr != NULL)
			c.form = arena_printf(req->arena, "bilaga-%s", c.in.nr);
		refuse(&c, 422, "Ange sekretessgrunden med kapitel och paragraf i "
		    "offentlighets- och sekretesslagen, t.ex. 21 kap. 7 § OSL, på "
		    "en rad (högst 300 tecken). Inget har registrerats.", "Give "
		    "the legal ground as chapter and section of the Public Access "
		    "to Information and Secrecy Act, e.g. 21 kap. 7 § OSL, on one "
		    "line. Nothing was stored.");
		return;
	}
	if (!load_response(&c, &m))
		return;
	r = &m.responses[0];
	memset(&w, 0, sizeof(w));
	w.ord = -1;
	if (c.in.quote != NULL)
		rc = passage_row(&c, r, &w);
	else if (c.in.whole != NULL) {
		rc = 0;
		if (redacted_text_get(&r->v, c.in.whole) == NULL) {
			refuse(&c, 422, "Svaret har inget sådant fält, eller så är "
			    "det tomt. Inget har registrerats.", "The response "
			    "has no such field, or it is empty. Nothing was "
			    "stored.");
			rc = -1;
		}
		w.kind = REDACT_FIELD;
		w.field = c.in.whole;
	} else
		rc = attachment_row(&c, r, &w);
	if (rc == -1)
		return;
	if (rc == -2 || (rc = store(&c, &w, &id)) == -1) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNSTORED);
		return;
	}
	if (rc == 0) {
		handler_problem(req, res, 404, "Svaret finns inte i den här "
		    "remissen.", "The response is not one of this remiss.");
		return;
	}
	res->status = 303;
	response_header(res, "Location", arena_printf(req->arena,
	    "/remisser/%s/publicering/forhandsgranska?meddelande=sekretess#%s",
	    def.slug, public_view_anchor(req->arena, r)));
}
