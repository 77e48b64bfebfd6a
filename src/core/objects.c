/* objects.c: resolves the object of a route's path within its remiss, for authz_decide to judge. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "auth/identity.h"
#include "core/objects.h"
#include "db/db.h"
#include "export/export.h"
#include "log.h"
#include "util/numparse.h"

/* How a kind reads the path parameter after {slug}. */
enum object_key {
	KEY_NONE,	/* there is none */
	KEY_ID,		/* a database id */
	KEY_TEXT,	/* a word the statement compares ({nr}, {key}) */
	KEY_FORMAT,	/* an export format (export/export.c) */
};

/* How to load each kind: its statement, how it reads its keys, and how
 * its owner is judged. */
struct object_load_def {
	enum stmt	 stmt;
	enum object_key	 key;
	long		 nmax;		/* {n}: 1 .. nmax; 0 if the kind has none */
	bool		 own_org;	/* loaded within the caller's organisation */
	bool		 private_to_org; /* see struct authz_object */
	bool		 org_secret;
};

const struct object_def object_defs[OBJ__MAX] = {
	[OBJ_NONE] = { .name = "none" },
	[OBJ_REMISS] = { .name = "remiss", .params = { "slug" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_API_REMISS] = { .name = "api_remiss", .params = { "slug" },
	    .audience = AUDIENCE_API, .remiss_missing = PROB_NO_REMISS,
	    .missing = PROB_NO_REMISS },
	[OBJ_EXPORT] = { .name = "export", .params = { "slug", "format" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_VERSION] = { .name = "version", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_API_VERSION] = { .name = "api_version", .params = { "slug", "id" },
	    .audience = AUDIENCE_API, .remiss_missing = PROB_NO_REMISS,
	    .missing = PROB_NO_RESPONSE },
	[OBJ_ATTACHMENT] = { .name = "attachment",
	    .params = { "slug", "id", "n" }, .audience = AUDIENCE_INVITED,
	    .remiss_missing = PROB_NOT_FOUND, .missing = PROB_NOT_FOUND },
	[OBJ_DRAFT_FILE] = { .name = "draft_file", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NO_FILE,
	    .missing = PROB_NO_FILE },
	[OBJ_INVITATION] = { .name = "invitation", .params = { "slug", "org" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_SECTION_NR] = { .name = "section_nr", .params = { "slug", "nr" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_SECTION] = { .name = "section", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NO_SECTION_OR_QUESTION },
	[OBJ_QUESTION] = { .name = "question", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NO_SECTION_OR_QUESTION },
	[OBJ_THEME] = { .name = "theme", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_TAG] = { .name = "tag", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_NOTE] = { .name = "note", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_DECISION] = { .name = "decision", .params = { "slug", "key" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_MEETING] = { .name = "meeting", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_REDACTION] = { .name = "redaction", .params = { "slug", "id" },
	    .audience = AUDIENCE_INVITED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NO_REDACTION },
	[OBJ_PUBLIC_REMISS] = { .name = "public_remiss", .params = { "slug" },
	    .audience = AUDIENCE_PUBLISHED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NOT_FOUND },
	[OBJ_PUBLIC_ATTACHMENT] = { .name = "public_attachment",
	    .params = { "slug", "version", "n" },
	    .audience = AUDIENCE_PUBLISHED, .remiss_missing = PROB_NOT_FOUND,
	    .missing = PROB_NO_FILE },
	[OBJ_OWN_TOKEN] = { .name = "own_token", .params = { "id" },
	    .audience = AUDIENCE_ANY, .missing = PROB_NO_TOKEN },
	[OBJ_PERSON] = { .name = "person", .params = { "id" },
	    .audience = AUDIENCE_ANY, .missing = PROB_NOT_FOUND },
	[OBJ_ORG_PERSON] = { .name = "org_person", .params = { "id" },
	    .audience = AUDIENCE_ANY, .missing = PROB_NOT_FOUND },
	[OBJ_ORG_TOKEN] = { .name = "org_token", .params = { "id" },
	    .audience = AUDIENCE_ANY, .missing = PROB_NO_TOKEN },
	[OBJ_ORGANISATION] = { .name = "organisation", .params = { "id" },
	    .audience = AUDIENCE_ANY, .missing = PROB_NOT_FOUND },
	[OBJ_REMISS_DOCUMENT] = { .name = "remiss_document",
	    .params = { "slug", "id" }, .audience = AUDIENCE_INVITED,
	    .remiss_missing = PROB_NOT_FOUND, .missing = PROB_NOT_FOUND },
	[OBJ_DOCUMENT_READ] = { .name = "document_read",
	    .params = { "slug", "org", "id" }, .audience = AUDIENCE_INVITED,
	    .remiss_missing = PROB_NOT_FOUND, .missing = PROB_NOT_FOUND },
};

static const struct object_load_def load_defs[OBJ__MAX] = {
	[OBJ_REMISS] = { STMT_OBJECT_REMISS, KEY_NONE, 0, false, false, false },
	[OBJ_API_REMISS] = { STMT_OBJECT_REMISS, KEY_NONE, 0, false, false,
	    false },
	[OBJ_EXPORT] = { STMT_OBJECT_REMISS, KEY_FORMAT, 0, false, false,
	    false },
	[OBJ_VERSION] = { STMT_OBJECT_VERSION, KEY_ID, 0, false, false, true },
	[OBJ_API_VERSION] = { STMT_OBJECT_VERSION, KEY_ID, 0, false, false,
	    true },
	/* The receipt page's limit on n. */
	[OBJ_ATTACHMENT] = { STMT_OBJECT_ATTACHMENT, KEY_ID, 100000, false,
	    false, true },
	[OBJ_DRAFT_FILE] = { STMT_OBJECT_DRAFT_FILE, KEY_ID, 0, true, true,
	    false },
	[OBJ_INVITATION] = { STMT_OBJECT_INVITATION, KEY_ID, 0, false, false,
	    false },
	[OBJ_SECTION_NR] = { STMT_OBJECT_SECTION_NR, KEY_TEXT, 0, false, false,
	    false },
	[OBJ_SECTION] = { STMT_OBJECT_SECTION, KEY_ID, 0, false, false, false },
	[OBJ_QUESTION] = { STMT_OBJECT_QUESTION, KEY_ID, 0, false, false,
	    false },
	[OBJ_THEME] = { STMT_OBJECT_THEME, KEY_ID, 0, false, false, false },
	[OBJ_TAG] = { STMT_OBJECT_TAG, KEY_ID, 0, false, false, false },
	[OBJ_NOTE] = { STMT_OBJECT_NOTE, KEY_ID, 0, false, false, false },
	[OBJ_DECISION] = { STMT_OBJECT_DECISION, KEY_TEXT, 0, false, false,
	    false },
	[OBJ_MEETING] = { STMT_OBJECT_MEETING, KEY_ID, 0, false, false, false },
	[OBJ_REDACTION] = { STMT_OBJECT_REDACTION, KEY_ID, 0, false, false,
	    false },
	[OBJ_PUBLIC_REMISS] = { STMT_OBJECT_REMISS, KEY_NONE, 0, false, false,
	    false },
	/* The public page's limit on n. */
	[OBJ_PUBLIC_ATTACHMENT] = { STMT_OBJECT_PUBLIC_ATTACHMENT, KEY_ID, 1000,
	    false, false, false },
	[OBJ_OWN_TOKEN] = { STMT_OBJECT_OWN_TOKEN, KEY_ID, 0, false, false,
	    false },
	[OBJ_REMISS_DOCUMENT] = { STMT_OBJECT_REMISS_DOCUMENT, KEY_ID, 0, false,
	    false, false },
	/* {org} as OBJ_INVITATION's id, the read's {id} as n: any id. */
	[OBJ_DOCUMENT_READ] = { STMT_OBJECT_DOCUMENT_READ, KEY_ID, LONG_MAX,
	    false, false, false },
};

/* The columns every STMT_OBJECT_* statement within a remiss names. */
enum { C_REMISS_ID, C_STATUS, C_PUBLISHED, C_INVITED, C_FOUND, C_ORG_ID,
    C__N };
static const char *const cols[C__N] = {
	[C_REMISS_ID] = "remiss_id",
	[C_STATUS] = "status",
	[C_PUBLISHED] = "published",
	[C_INVITED] = "invited",
	[C_FOUND] = "found",
	[C_ORG_ID] = "org_id",
};

/* A remiss's status as a constant string (the database's CHECK allows
 * these four), or NULL. */
static const char *
status_word(const char *s)
{
	static const char *const words[] = { "utkast", "oppen", "stangd",
	    "beslutad" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(s, words[i]) == 0)
			return words[i];
	return NULL;
}

bool
object_in_remiss(enum object_kind kind)
{
	return (unsigned)kind < OBJ__MAX && object_defs[kind].params[0] != NULL &&
	    strcmp(object_defs[kind].params[0], "slug") == 0;
}

/* The kinds outside any remiss, {id} alone, found within a scope of the
 * caller: their own user, their own organisation, or none. */
enum scope { SCOPE_NONE, SCOPE_USER, SCOPE_ORG };

/* True if kind is one of them; *stmt and *scope say how to load it. */
static bool
scoped_kind(enum object_kind kind, enum stmt *stmt, enum scope *scope)
{
	switch (kind) {
	case OBJ_OWN_TOKEN:
		*stmt = STMT_OBJECT_OWN_TOKEN;
		*scope = SCOPE_USER;
		return true;
	case OBJ_PERSON:
		*stmt = STMT_OBJECT_PERSON;
		*scope = SCOPE_NONE;
		return true;
	case OBJ_ORG_PERSON:
		*stmt = STMT_OBJECT_ORG_PERSON;
		*scope = SCOPE_ORG;
		return true;
	case OBJ_ORG_TOKEN:
		*stmt = STMT_OBJECT_ORG_TOKEN;
		*scope = SCOPE_ORG;
		return true;
	case OBJ_ORGANISATION:
		*stmt = STMT_OBJECT_ORGANISATION;
		*scope = SCOPE_NONE;
		return true;
	default:
		return false;
	}
}

/* The object {id} of a scoped kind: the caller's personal token, any
 * person or organisation, a person or token of the caller's organisation. Found only
 * within that scope (another organisation's is missing: 404). */
static enum object_result
load_scoped(struct db *db, enum stmt stmt, enum scope scope,
    const char *param, const struct identity *who, struct object *out)
{
	static const char *const found_col[1] = { "found" };
	PGresult	*r;
	const char	*p[2] = { out->idtext, out->usertext };
	long long	 owner = 0;
	int		 c[1], found;

	out->authz.missing = true;
	if (who != NULL)
		owner = scope == SCOPE_USER ? who->user_id :
		    scope == SCOPE_ORG ? who->org_id : 0;
	if ((scope != SCOPE_NONE && owner <= 0) ||
	    parse_id(param, &out->id) == -1 || out->id == 0)
		return OBJECT_LOADED;
	snprintf(out->idtext, sizeof(out->idtext), "%lld", out->id);
	snprintf(out->usertext, sizeof(out->usertext), "%lld", owner);
	if (scope == SCOPE_NONE)
		p[1] = NULL;
	if ((r = db_query(db, stmt, p)) == NULL)
		return OBJECT_UNAVAILABLE;
	found = PQntuples(r) == 1 && db_cols(r, found_col, c, 1) == 0 &&
	    db_bool(r, 0, c[0]);
	PQclear(r);
	out->authz.missing = !found;
	return OBJECT_LOADED;
}

/* Reads the one row of r into out. 0, or -1 when the row is not what the
 * statement promises (logged). */
static int
read_row(const PGresult *r, const struct object_load_def *ld,
    struct object *out)
{
	int		c[C__N];
	long long	org = 0;

	if (db_cols(r, cols, c, C__N) == -1 ||
	    db_ll(r, 0, c[C_REMISS_ID], &out->remiss_id) == -1 ||
	    (out->remiss_status = status_word(db_text(r, 0, c[C_STATUS]))) ==
	    NULL || (!db_isnull(r, 0, c[C_ORG_ID]) &&
	    db_ll(r, 0, c[C_ORG_ID], &org) == -1)) {
		log_err("remiss %s: a row the loader cannot read", out->slug);
		return -1;
	}
	out->org_id = org;
	out->authz.remiss_id = out->remiss_id;
	out->authz.remiss_draft = strcmp(out->remiss_status, "utkast") == 0;
	out->authz.published = db_bool(r, 0, c[C_PUBLISHED]);
	out->authz.invited = db_bool(r, 0, c[C_INVITED]);
	out->authz.missing = out->authz.missing || !db_bool(r, 0, c[C_FOUND]);
	out->authz.org_id = org;
	out->authz.private_to_org = ld->private_to_org;
	out->authz.org_secret = ld->org_secret;
	return 0;
}

/*
 * The statement and parameters p[0..4) that load kind from params for a
 * caller of organisation org (0: none), with the text buffers of out; sets
 * out's slug, id, key, n and, for a malformed path, authz.missing (the
 * remiss is still looked up, so that its own answer comes first). Returns
 * false when the path lacks parameters of the kind (nothing to run).
 */
static bool
statement_for(enum object_kind kind, const char *const *params,
    size_t nparams, long long org, struct object *out, const char **p)
{
	const struct object_def		*def = &object_defs[kind];
	const struct object_load_def	*ld = &load_defs[kind];
	size_t				 need;

	for (need = 0; need < 4 && def->params[need] != NULL; need++)
		continue;
	if (nparams < need)
		return false;
	memset(p, 0, 4 * sizeof(*p));
	out->slug = params[0];
	p[0] = params[0];
	if (org > 0) {
		snprintf(out->orgtext, sizeof(out->orgtext), "%lld", org);
		p[1] = out->orgtext;
	}
	switch (ld->key) {
	case KEY_ID:
		if (parse_id(params[1], &out->id) == 0 && out->id > 0) {
			snprintf(out->idtext, sizeof(out->idtext), "%lld",
			    out->id);
			p[2] = out->idtext;
		} else
			out->authz.missing = true;
		break;
	case KEY_TEXT:
		out->key = params[1];
		p[2] = params[1];
		break;
	case KEY_FORMAT:
		out->key = params[1];
		if (export_format_parse(params[1]) == EXPORT__MAX)
			out->authz.missing = true;
		break;
	default:
		break;
	}
	if (ld->nmax > 0) {
		if (parse_long(params[2], 1, ld->nmax, &out->n) == 0) {
			snprintf(out->ntext, sizeof(out->ntext), "%ld", out->n);
			p[3] = out->ntext;
		} else
			out->authz.missing = true;
	}
	/* A draft's file is looked for within the caller's organisation
	 * only: there is no path to another's. */
	if (ld->own_org && p[1] == NULL)
		out->authz.missing = true;
	return true;
}

bool
object_prefetch(enum object_kind kind, const char *const *params,
    size_t nparams, struct object *store, struct db_call *call)
{
	const char	*p[4];
	enum stmt	 st;
	enum scope	 sc;

	if ((unsigned)kind >= OBJ__MAX || kind == OBJ_NONE ||
	    scoped_kind(kind, &st, &sc) || load_defs[kind].own_org ||
	    !statement_for(kind, params, nparams, 0, store, p))
		return false;
	call->id = load_defs[kind].stmt;
	memcpy(call->params, p, sizeof(p));
	call->result = NULL;
	return true;
}

enum object_result
object_load(struct db *db, enum object_kind kind, const char *const *params,
    size_t nparams, const struct identity *who, struct db_call *prefetched,
    struct object *out)
{
	const struct object_load_def	*ld;
	PGresult			*r = NULL;
	const char			*p[4];
	long long			 org;
	int				 rc;
	enum stmt			 st;
	enum scope			 sc;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	if ((unsigned)kind >= OBJ__MAX || kind == OBJ_NONE)
		return OBJECT_LOADED;
	ld = &load_defs[kind];
	out->authz.audience = object_defs[kind].audience;
	if (scoped_kind(kind, &st, &sc)) {
		out->authz.missing = true;
		return nparams < 1 ? OBJECT_LOADED :
		    load_scoped(db, st, sc, params[0], who, out);
	}
	org = who != NULL ? who->org_id : 0;
	if (!statement_for(kind, params, nparams, org, out, p)) {
		out->authz.remiss_missing = out->authz.missing = true;
		return OBJECT_LOADED;
	}
	/* The statement sent with the session answers for a caller without
	 * an organisation: it is the one this caller would run. */
	if (prefetched != NULL && prefetched->result != NULL &&
	    prefetched->id == ld->stmt && org == 0) {
		r = prefetched->result;
		prefetched->result = NULL;
	} else if ((r = db_query(db, ld->stmt, p)) == NULL)
		return OBJECT_UNAVAILABLE;
	if (PQntuples(r) == 0) {
		out->authz.remiss_missing = out->authz.missing = true;
		rc = 0;
	} else
		rc = read_row(r, ld, out);
	PQclear(r);
	return rc == 0 ? OBJECT_LOADED : OBJECT_UNAVAILABLE;
}

enum problem_id
object_refusal(const struct object *obj, const struct identity *who,
    enum authz_decision d)
{
	const struct object_def *def;

	if ((unsigned)obj->kind >= OBJ__MAX || obj->kind == OBJ_NONE)
		return d == AUTHZ_HIDE ? PROB_NOT_FOUND : PROB_FORBIDDEN;
	def = &object_defs[obj->kind];
	switch (authz_remiss(who, &obj->authz)) {
	case AUTHZ_HIDE:
		return def->remiss_missing;
	case AUTHZ_DENY:
		return PROB_NOT_INVITED;
	default:
		return d == AUTHZ_HIDE ? def->missing : PROB_FORBIDDEN;
	}
}
