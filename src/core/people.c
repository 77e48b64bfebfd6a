/* people.c: inviting, changing, disabling people; each change with its audit row (and mail) in one transaction. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/apitoken.h"
#include "auth/onetime.h"
#include "auth/session.h"
#include "core/audit.h"
#include "core/people.h"
#include "core/result_db.h"
#include "db/db.h"
#include "log.h"
#include "mail/mail_config.h"
#include "mail/outbox.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "views/mail_account.h"

static const struct db_field person_fields[] = {
	DB_LL(struct person, id, "id"),
	DB_TEXT(struct person, email, "email"),
	DB_TEXT(struct person, name, "name"),
	DB_TEXT(struct person, role, "role"),
	DB_LL(struct person, org_id, "org_id"),
	DB_TEXT(struct person, org_name, "org_name"),
	DB_BOOL(struct person, org_admin, "org_admin"),
	DB_BOOL(struct person, disabled, "disabled"),
	DB_BOOL(struct person, active, "active"),
	DB_TEXT(struct person, last_login, "last_login"),
};

static const struct db_field choice_fields[] = {
	DB_LL(struct org_choice, id, "id"),
	DB_TEXT(struct org_choice, name, "name"),
};

/* id as text into buf, or NULL for 0. */
static const char *
id_or_null(long long id, char *buf, size_t size)
{
	if (id <= 0)
		return NULL;
	snprintf(buf, size, "%lld", id);
	return buf;
}

enum core_result
people_list(struct db *db, struct arena *a, long long scope_org,
    long long org, const char *role, struct person **out, size_t *n)
{
	char		 s[24], o[24];
	const char	*p[3] = { id_or_null(scope_org, s, sizeof(s)),
	    id_or_null(org, o, sizeof(o)), role };

	return core_result_of_db(db_list(db, a, STMT_PEOPLE_LIST, p,
	    person_fields, DB_NFIELDS(person_fields), out, n));
}

enum core_result
people_get(struct db *db, struct arena *a, long long id, long long scope_org,
    struct person *out)
{
	char		 i[24], s[24];
	const char	*p[2] = { id_or_null(id, i, sizeof(i)),
	    id_or_null(scope_org, s, sizeof(s)) };
	PGresult	*r;
	int		 c[1];
	static const char *const lang_col[1] = { "lang" };
	enum core_result rc = CORE_NOT_FOUND;

	memset(out, 0, sizeof(*out));
	if (p[0] == NULL)
		return CORE_NOT_FOUND;
	if ((r = db_query(db, STMT_PERSON_GET, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (PQntuples(r) == 1) {
		rc = db_row(a, r, 0, person_fields, DB_NFIELDS(person_fields),
		    out) == 0 && db_cols(r, lang_col, c, 1) == 0 &&
		    (out->lang = arena_strdup(a, db_text(r, 0, c[0]))) != NULL ?
		    CORE_OK : CORE_ERROR;
	}
	PQclear(r);
	return rc;
}

enum core_result
people_org_choices(struct db *db, struct arena *a, struct org_choice **out,
    size_t *n)
{
	return core_result_of_db(db_list(db, a, STMT_ORG_CHOICES, NULL,
	    choice_fields, DB_NFIELDS(choice_fields), out, n));
}

/* A name: absent, or one line of at most 200 characters. */
static bool
name_ok(const char *s)
{
	size_t n = 0;

	if (s == NULL)
		return true;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n <= 200;
}

/* The organisation's name into *name (a), or PEOPLE_NO_ORG. */
static enum core_result
org_name(struct db *db, struct arena *a, long long org, const char **name,
    enum people_refusal *why)
{
	char		 o[24];
	const char	*p[1] = { o };
	PGresult	*r;
	enum core_result rc;

	*name = "";
	if (org <= 0)
		return CORE_OK;
	snprintf(o, sizeof(o), "%lld", org);
	if ((r = db_query(db, STMT_ORG_NAME, p)) == NULL)
		return core_result_of_db(db_last_failure(db));
	if (PQntuples(r) != 1) {
		*why = PEOPLE_NO_ORG;
		rc = CORE_INVALID;
	} else
		rc = (*name = arena_strdup(a, db_text(r, 0, 0))) != NULL ?
		    CORE_OK : CORE_ERROR;
	PQclear(r);
	return rc;
}

enum people_refusal
people_role_check(enum role actor_role, enum role role, long long org,
    bool org_admin)
{
	if (role != ROLE_KOMMUN && role != ROLE_GRANSKARE &&
	    role != ROLE_FORVALTNING && role != ROLE_ADMIN)
		return PEOPLE_BAD_ROLE;
	if (role == ROLE_ADMIN && actor_role != ROLE_ADMIN)
		return PEOPLE_ADMIN_ONLY;
	if (role == ROLE_KOMMUN && org <= 0)
		return PEOPLE_NEEDS_ORG;
	if (org_admin && org <= 0)
		return PEOPLE_ORG_ADMIN_NEEDS_ORG;
	return PEOPLE_OK;
}

/* people_role_check for actor, into *why: true when allowed. */
static bool
role_allowed(const struct people_actor *actor, enum role role, long long org,
    bool org_admin, enum people_refusal *why)
{
	*why = people_role_check(actor->role, role, org, org_admin);
	return *why == PEOPLE_OK;
}

/* The audit detail of a person's account as JSON text in a. */
static const char *
detail(struct arena *a, const char *email, const char *role, long long org,
    bool org_admin)
{
	struct buf b;

	buf_init(&b, a);
	buf_puts(&b, "{\"email\":");
	json_string(&b, email);
	if (role != NULL) {
		buf_puts(&b, ",\"role\":");
		json_string(&b, role);
		buf_printf(&b, ",\"org_id\":%lld,\"org_admin\":%s", org,
		    org_admin ? "true" : "false");
	}
	buf_puts(&b, "}");
	return b.failed ? NULL : b.data;
}

/* Makes an activation link for id and queues the invitation, inside the
 * open transaction. 0 or -1. */
static int
queue_invitation(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, const char *email,
    const char *name, const char *lang, long long org, const char *orgname)
{
	struct mail_account	 m;
	struct mail_draft	 d;
	char			 token[TOKEN_HEX];
	const char		*expires;
	int			 rc = -1;

	if (onetime_create(db, a, id, ONETIME_ACTIVATION, actor->remote_addr,
	    token, &expires) == -1)
		return -1;
	memset(&m, 0, sizeof(m));
	m.to = email;
	m.lang = lang;
	m.name = name != NULL ? name : "";
	m.org_name = orgname;
	m.inviter = actor->inviter != NULL ? actor->inviter : "";
	m.url = arena_printf(a, "%s/aktivera?t=%s", mail_config()->public_url,
	    token);
	m.expires = expires;
	m.user_id = id;
	m.org_id = org;
	if (m.url != NULL && mail_account_invitation(a, &m, &d) == 0 &&
	    outbox_queue(db, &d) == OUTBOX_QUEUED)
		rc = 0;
	memset(token, 0, sizeof(token));
	return rc;
}

/* Rolls back and maps the failure of the last statement. */
static enum core_result
failed(struct db *db)
{
	enum core_result rc = core_result_of_db(db_last_failure(db));

	db_rollback(db);
	return rc == CORE_OK ? CORE_ERROR : rc;
}

enum core_result
people_invite(struct db *db, struct arena *a,
    const struct people_actor *actor, const struct person_invite *in,
    long long *id, enum people_refusal *why)
{
	struct person_invite	 v = *in;
	char			 org[24], by[24], idtext[24];
	const char		*p[7], *orgname = "", *det;
	PGresult		*r;
	enum core_result	 rc;

	*why = PEOPLE_OK;
	*id = 0;
	if (actor->scope_org > 0) {
		v.role = ROLE_KOMMUN;
		v.org_id = actor->scope_org;
	}
	if (v.name != NULL && v.name[0] == '\0')
		v.name = NULL;
	if (v.email == NULL || !outbox_address_ok(v.email)) {
		*why = PEOPLE_BAD_EMAIL;
		return CORE_INVALID;
	}
	if (!name_ok(v.name)) {
		*why = PEOPLE_BAD_NAME;
		return CORE_INVALID;
	}
	if (!role_allowed(actor, v.role, v.org_id, v.org_admin, why))
		return CORE_INVALID;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((rc = org_name(db, a, v.org_id, &orgname, why)) != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	p[0] = v.email;
	p[1] = v.name;
	p[2] = role_name(v.role);
	p[3] = id_or_null(v.org_id, org, sizeof(org));
	p[4] = v.org_admin ? "true" : "false";
	p[5] = id_or_null(actor->user_id, by, sizeof(by));
	p[6] = v.lang != NULL && strcmp(v.lang, "en") == 0 ? "en" : "sv";
	if ((r = db_query(db, STMT_PERSON_INSERT, p)) == NULL) {
		if (db_last_failure(db) == DB_FAIL_CONFLICT) {
			db_rollback(db);
			*why = PEOPLE_DUPLICATE;
			return CORE_CONFLICT;
		}
		if (db_last_failure(db) == DB_FAIL_REFUSED) {
			db_rollback(db);
			*why = PEOPLE_BAD_EMAIL;
			return CORE_INVALID;
		}
		return failed(db);
	}
	rc = PQntuples(r) == 1 && db_ll(r, 0, 0, id) == 0 ? CORE_OK :
	    CORE_ERROR;
	PQclear(r);
	if (rc != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	snprintf(idtext, sizeof(idtext), "%lld", *id);
	if (queue_invitation(db, a, actor, *id, v.email, v.name, p[6],
	    v.org_id, orgname) == -1)
		return failed(db);
	if ((det = detail(a, v.email, role_name(v.role), v.org_id,
	    v.org_admin)) == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	if (audit_commit(db, actor->actor, "user.invite", "user", idtext,
	    det) == -1)
		return CORE_UNAVAILABLE;
	return CORE_OK;
}

enum core_result
people_update(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, enum role role,
    long long org_id, bool org_admin, enum people_refusal *why)
{
	struct person	 cur;
	char		 i[24], o[24];
	const char	*p[4], *det, *orgname;
	PGresult	*r;
	enum core_result rc;

	*why = PEOPLE_OK;
	if (!role_allowed(actor, role, org_id, org_admin, why))
		return CORE_INVALID;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((rc = people_get(db, a, id, actor->scope_org, &cur)) != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	if (strcmp(cur.role, "admin") == 0 && actor->role != ROLE_ADMIN) {
		db_rollback(db);
		*why = PEOPLE_ADMIN_ONLY;
		return CORE_INVALID;
	}
	if (id == actor->user_id && strcmp(cur.role, role_name(role)) != 0) {
		db_rollback(db);
		*why = PEOPLE_SELF;
		return CORE_INVALID;
	}
	if ((rc = org_name(db, a, org_id, &orgname, why)) != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	p[0] = id_or_null(id, i, sizeof(i));
	p[1] = role_name(role);
	p[2] = id_or_null(org_id, o, sizeof(o));
	p[3] = org_admin ? "true" : "false";
	if ((r = db_query(db, STMT_PERSON_UPDATE, p)) == NULL) {
		if (db_last_failure(db) == DB_FAIL_REFUSED) {
			db_rollback(db);
			*why = PEOPLE_NEEDS_ORG;
			return CORE_INVALID;
		}
		return failed(db);
	}
	rc = PQntuples(r) == 1 ? CORE_OK : CORE_NOT_FOUND;
	PQclear(r);
	if (rc != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	if ((det = detail(a, cur.email, role_name(role), org_id, org_admin)) ==
	    NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	return audit_commit(db, actor->actor, "user.update", "user", p[0],
	    det) == -1 ? CORE_UNAVAILABLE : CORE_OK;
}

enum core_result
people_set_disabled(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, bool disabled,
    enum people_refusal *why)
{
	struct person	 cur;
	char		 i[24], s[24];
	const char	*p[3], *det;
	PGresult	*r;
	enum core_result rc;

	*why = PEOPLE_OK;
	if (disabled && id == actor->user_id) {
		*why = PEOPLE_SELF;
		return CORE_INVALID;
	}
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((rc = people_get(db, a, id, actor->scope_org, &cur)) != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	if (strcmp(cur.role, "admin") == 0 && actor->role != ROLE_ADMIN) {
		db_rollback(db);
		*why = PEOPLE_ADMIN_ONLY;
		return CORE_INVALID;
	}
	/* An organisation's admin manages its remissinstans users only. */
	if (actor->scope_org > 0 && strcmp(cur.role, "kommun") != 0) {
		db_rollback(db);
		*why = PEOPLE_OUT_OF_REACH;
		return CORE_INVALID;
	}
	p[0] = id_or_null(id, i, sizeof(i));
	p[1] = disabled ? "true" : "false";
	p[2] = id_or_null(actor->scope_org, s, sizeof(s));
	if ((r = db_query(db, STMT_PERSON_SET_DISABLED, p)) == NULL)
		return failed(db);
	rc = PQntuples(r) == 1 ? CORE_OK : CORE_NOT_FOUND;
	PQclear(r);
	if (rc != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	/* Whatever the account let in stops: its sessions, its personal
	 * tokens, its unused one-time links. */
	if (disabled && (session_destroy_user(db, id) == -1 ||
	    apitoken_revoke_user(db, a, id, actor->actor, "user disabled") ==
	    -1 || onetime_end_all(db, id) == -1))
		return failed(db);
	if ((det = detail(a, cur.email, NULL, 0, false)) == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	return audit_commit(db, actor->actor, disabled ? "user.disable" :
	    "user.enable", "user", p[0], det) == -1 ? CORE_UNAVAILABLE :
	    CORE_OK;
}

enum core_result
people_reinvite(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, enum people_refusal *why)
{
	struct person	 cur;
	char		 i[24];
	const char	*det;
	enum core_result rc;

	*why = PEOPLE_OK;
	if (db_begin(db) == -1)
		return CORE_UNAVAILABLE;
	if ((rc = people_get(db, a, id, actor->scope_org, &cur)) != CORE_OK) {
		db_rollback(db);
		return rc;
	}
	if (actor->scope_org > 0 && strcmp(cur.role, "kommun") != 0) {
		db_rollback(db);
		*why = PEOPLE_OUT_OF_REACH;
		return CORE_INVALID;
	}
	if (cur.active || cur.disabled) {
		db_rollback(db);
		*why = PEOPLE_ACTIVE;
		return CORE_CONFLICT;
	}
	snprintf(i, sizeof(i), "%lld", id);
	if (queue_invitation(db, a, actor, id, cur.email, cur.name, cur.lang,
	    cur.org_id, cur.org_name) == -1)
		return failed(db);
	if ((det = detail(a, cur.email, NULL, 0, false)) == NULL) {
		db_rollback(db);
		return CORE_ERROR;
	}
	return audit_commit(db, actor->actor, "user.reinvite", "user", i,
	    det) == -1 ? CORE_UNAVAILABLE : CORE_OK;
}

void
people_refusal_text(enum people_refusal why, const char **sv, const char **en)
{
	switch (why) {
	case PEOPLE_BAD_EMAIL:
		*sv = "Ange en giltig e-postadress.";
		*en = "Give a valid e-mail address.";
		break;
	case PEOPLE_BAD_NAME:
		*sv = "Namnet får vara högst 200 tecken på en rad.";
		*en = "The name may be at most 200 characters on one line.";
		break;
	case PEOPLE_BAD_ROLE:
		*sv = "Välj en roll: remissinstans, granskare, förvaltning "
		    "eller administratör.";
		*en = "Choose a role: respondent, reviewer, administration "
		    "or administrator.";
		break;
	case PEOPLE_DUPLICATE:
		*sv = "Det finns redan ett konto med den e-postadressen.";
		*en = "An account with that e-mail address already exists.";
		break;
	case PEOPLE_NEEDS_ORG:
		*sv = "En användare på en remissinstans måste höra till en "
		    "organisation.";
		*en = "A respondent user must belong to an organisation.";
		break;
	case PEOPLE_ORG_ADMIN_NEEDS_ORG:
		*sv = "Bara den som hör till en organisation kan administrera "
		    "den.";
		*en = "Only someone who belongs to an organisation can "
		    "administer it.";
		break;
	case PEOPLE_NO_ORG:
		*sv = "Organisationen finns inte.";
		*en = "The organisation does not exist.";
		break;
	case PEOPLE_ADMIN_ONLY:
		*sv = "Bara en administratör kan ge eller ändra "
		    "administratörsbehörighet.";
		*en = "Only an administrator can grant or change administrator "
		    "rights.";
		break;
	case PEOPLE_SELF:
		*sv = "Du kan inte stänga av ditt eget konto eller ändra din "
		    "egen roll.";
		*en = "You cannot disable your own account or change your own "
		    "role.";
		break;
	case PEOPLE_ACTIVE:
		*sv = "Kontot är redan aktiverat eller avstängt; en ny inbjudan "
		    "behövs inte.";
		*en = "The account is already activated or disabled; no new "
		    "invitation is needed.";
		break;
	case PEOPLE_OUT_OF_REACH:
		*sv = "Du administrerar organisationens remissinstansanvändare; "
		    "den här personens konto hanteras av förvaltningen.";
		*en = "You administer the organisation's respondent users; this "
		    "person's account is managed by the administration.";
		break;
	default:
		*sv = "Ändringen kunde inte göras.";
		*en = "The change could not be made.";
		break;
	}
}
