/* test_objects.c: the object loader finds each kind only within its route's remiss (and the caller's
 * scope), and a refusal answers with the kind's words. The loader's cases need a migrated database
 * with the demo data in REMISS_TEST_DB: tests/integration/run.sh runs it (make check only builds it;
 * test_routes checks the refusals' words without a database). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libpq-fe.h>

#include "auth/authz.h"
#include "auth/identity.h"
#include "core/objects.h"
#include "db/db.h"

#define SLUG	"ok-hemsjukvard-2025"
#define OTHER	"objtest-annan-remiss"

/* Ids the fixture made or found, as text for the path. */
struct fixture {
	struct db	*db;
	char		 laholm[24], halmstad[24], outsider[24], user[24];
	char		 va[24], vb[24];	/* Laholm's latest version in A, B */
	char		 nr[40];		/* a live section nr of A */
	char		 sec_a[24], sec_b[24], q_b[24];
	char		 theme_a[24], theme_b[24], tag_b[24], note_a[24];
	char		 reply_a[24], meeting_b[24], decision_new[24];
	char		 file_laholm[24], token[24], revoked[24];
};

/* The one value of sql (run on the fixture's connection), copied to out. */
static void
one(struct fixture *f, const char *sql, char *out, size_t outsz)
{
	PGresult *r = PQexec(db_conn(f->db), sql);

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		fail_msg("%s: %s", sql, PQresultErrorMessage(r));
	snprintf(out, outsz, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
}

static char *
fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, n, f, ap);
	va_end(ap);
	return buf;
}

/* Everything the cases need, made inside one transaction that teardown
 * rolls back: a second remiss B with a version, section, question, theme,
 * tag and meeting of its own; in A a theme, a thread and its reply, an
 * added decision section, a file of Laholm's draft; a user with a live and
 * a revoked personal token. */
static int
setup(void **state)
{
	const char	*conninfo = getenv("REMISS_TEST_DB");
	struct fixture	*f;
	char		 q[1024], ra[24], rb[24], resp_b[24];

	if (conninfo == NULL || conninfo[0] == '\0')
		return 0;	/* the loader's cases skip */
	assert_non_null(f = calloc(1, sizeof(*f)));
	assert_non_null(f->db = db_open(conninfo));
	*state = f;
	PQclear(PQexec(db_conn(f->db), "BEGIN"));
	one(f, "SELECT id FROM remiss WHERE slug = '" SLUG "'", ra, sizeof(ra));
	one(f, "SELECT id FROM organisations WHERE name = 'Laholms kommun'",
	    f->laholm, sizeof(f->laholm));
	one(f, "SELECT id FROM organisations WHERE name = 'Halmstads kommun'",
	    f->halmstad, sizeof(f->halmstad));
	one(f, "INSERT INTO organisations (name, kind) VALUES "
	    "('Objtest ej inbjuden', 'kommun') RETURNING id", f->outsider,
	    sizeof(f->outsider));
	one(f, "INSERT INTO users (email, role, password_hash) VALUES "
	    "('objtest@regionhalland.example', 'granskare', NULL) RETURNING id",
	    f->user, sizeof(f->user));
	one(f, fmt(q, sizeof(q), "SELECT v.id FROM response_versions v JOIN "
	    "responses r ON r.id = v.response_id WHERE r.remiss_id = %s AND "
	    "r.org_id = %s ORDER BY v.version DESC LIMIT 1", ra, f->laholm),
	    f->va, sizeof(f->va));
	one(f, fmt(q, sizeof(q), "SELECT nr FROM sections WHERE remiss_id = %s "
	    "AND removed_at IS NULL ORDER BY position LIMIT 1", ra), f->nr,
	    sizeof(f->nr));
	one(f, fmt(q, sizeof(q), "SELECT id FROM sections WHERE remiss_id = %s "
	    "AND nr = '%s'", ra, f->nr), f->sec_a, sizeof(f->sec_a));
	/* Remiss B, with what A's routes must never find. */
	one(f, "INSERT INTO remiss (slug, title, sender, opens, closes, status) "
	    "VALUES ('" OTHER "', 'Annan', 'Test', '2025-01-01', '2025-02-01', "
	    "'oppen') RETURNING id", rb, sizeof(rb));
	PQclear(PQexec(db_conn(f->db), fmt(q, sizeof(q), "INSERT INTO "
	    "invitations (remiss_id, org_id) VALUES (%s, %s)", rb, f->laholm)));
	one(f, fmt(q, sizeof(q), "INSERT INTO sections (remiss_id, nr, heading, "
	    "body, position) VALUES (%s, '%s', 'B', 'B', 0) RETURNING id", rb,
	    f->nr), f->sec_b, sizeof(f->sec_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO questions (remiss_id, qid, kind, "
	    "text, position) VALUES (%s, 'q1', 'fritext', 'B?', 0) RETURNING id",
	    rb), f->q_b, sizeof(f->q_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO responses (remiss_id, org_id) "
	    "VALUES (%s, %s) RETURNING id", rb, f->laholm), resp_b,
	    sizeof(resp_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO response_versions (response_id, "
	    "version, channel, position, contact_name, contact_email, "
	    "canonical_xml, sha256, receipt_number) SELECT %s, 1, channel, "
	    "position, contact_name, contact_email, canonical_xml, sha256, "
	    "'2099-999999' FROM response_versions WHERE id = %s RETURNING id",
	    resp_b, f->va), f->vb, sizeof(f->vb));
	one(f, fmt(q, sizeof(q), "INSERT INTO themes (remiss_id, name) VALUES "
	    "(%s, 'Objtest A') RETURNING id", ra), f->theme_a,
	    sizeof(f->theme_a));
	one(f, fmt(q, sizeof(q), "INSERT INTO themes (remiss_id, name) VALUES "
	    "(%s, 'Objtest B') RETURNING id", rb), f->theme_b,
	    sizeof(f->theme_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO tags (theme_id, response_id, "
	    "version_id) VALUES (%s, %s, %s) RETURNING id", f->theme_b, resp_b,
	    f->vb), f->tag_b, sizeof(f->tag_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO annotations (remiss_id, "
	    "response_id, version_id, body, created_by) SELECT %s, response_id, "
	    "id, 'Tråd', %s FROM response_versions WHERE id = %s RETURNING id",
	    ra, f->user, f->va), f->note_a, sizeof(f->note_a));
	one(f, fmt(q, sizeof(q), "INSERT INTO annotations (remiss_id, parent_id, "
	    "body, created_by) VALUES (%s, %s, 'Svar', %s) RETURNING id", ra,
	    f->note_a, f->user), f->reply_a, sizeof(f->reply_a));
	one(f, fmt(q, sizeof(q), "INSERT INTO meetings (remiss_id, held_on, "
	    "created_by, updated_by) VALUES (%s, '2025-01-10', %s, %s) "
	    "RETURNING id", rb, f->user, f->user), f->meeting_b,
	    sizeof(f->meeting_b));
	one(f, fmt(q, sizeof(q), "INSERT INTO decisions (remiss_id, kind, nr, "
	    "heading, revised_text, updated_by) VALUES (%s, 'ny', '9z', 'Ny', "
	    "'Text', %s) RETURNING id", ra, f->user), f->decision_new,
	    sizeof(f->decision_new));
	one(f, fmt(q, sizeof(q), "INSERT INTO draft_attachments (remiss_id, "
	    "org_id, filename, media_type, bytes, size, sha256) SELECT %s, %s, "
	    "'a.pdf', 'application/pdf', b, octet_length(b), "
	    "encode(sha256(b), 'hex') FROM (SELECT '%%PDF-1.4'::bytea AS b) x "
	    "RETURNING id", ra, f->laholm), f->file_laholm,
	    sizeof(f->file_laholm));
	one(f, fmt(q, sizeof(q), "INSERT INTO api_tokens (token_hash, user_id) "
	    "VALUES (repeat('a', 64), %s) RETURNING id", f->user), f->token,
	    sizeof(f->token));
	one(f, fmt(q, sizeof(q), "INSERT INTO api_tokens (token_hash, user_id, "
	    "revoked_at) VALUES (repeat('b', 64), %s, now()) RETURNING id",
	    f->user), f->revoked, sizeof(f->revoked));
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f == NULL)
		return 0;
	PQclear(PQexec(db_conn(f->db), "ROLLBACK"));
	db_close(f->db);
	free(f);
	return 0;
}

static struct fixture *
db_or_skip(void **state)
{
	if (*state == NULL)
		skip();
	return *state;
}

/* Loads kind from the path parameters a, b, c as who. */
static struct object
load(struct fixture *f, enum object_kind kind, const struct identity *who,
    const char *a, const char *b, const char *c)
{
	const char	*p[3] = { a, b, c };
	struct object	 o;

	assert_int_equal(object_load(f->db, kind, p, c != NULL ? 3 :
	    b != NULL ? 2 : 1, who, NULL, &o), OBJECT_LOADED);
	return o;
}

static struct identity
who(enum role r, const char *org)
{
	struct identity id = { .role = r, .user_id = 1 };

	id.org_id = org != NULL ? strtoll(org, NULL, 10) : 0;
	return id;
}

static void
remiss_by_slug_with_publication_and_invitation(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 laholm = who(ROLE_KOMMUN, f->laholm);
	struct identity	 outsider = who(ROLE_KOMMUN, f->outsider);
	struct identity	 g = who(ROLE_GRANSKARE, NULL);
	struct object	 o;

	o = load(f, OBJ_REMISS, &laholm, SLUG, NULL, NULL);
	assert_false(o.authz.remiss_missing);
	assert_false(o.authz.missing);
	assert_true(o.authz.invited);
	assert_false(o.authz.published);
	assert_string_equal(o.slug, SLUG);
	assert_true(o.remiss_id > 0);
	assert_int_equal(authz_decide(&laholm, NEED_LOGIN, &o.authz), AUTHZ_ALLOW);
	o = load(f, OBJ_REMISS, &outsider, SLUG, NULL, NULL);
	assert_false(o.authz.invited);
	assert_int_equal(authz_decide(&outsider, NEED_LOGIN, &o.authz),
	    AUTHZ_HIDE);
	o = load(f, OBJ_API_REMISS, &outsider, SLUG, NULL, NULL);
	assert_int_equal(authz_decide(&outsider, NEED_LOGIN, &o.authz),
	    AUTHZ_DENY);
	assert_int_equal(object_refusal(&o, &outsider, AUTHZ_DENY),
	    PROB_NOT_INVITED);
	o = load(f, OBJ_REMISS, &g, "finns-inte", NULL, NULL);
	assert_true(o.authz.remiss_missing);
	assert_int_equal(authz_decide(&g, NEED_LOGIN, &o.authz), AUTHZ_HIDE);
	o = load(f, OBJ_PUBLIC_REMISS, NULL, SLUG, NULL, NULL);
	assert_int_equal(authz_decide(NULL, NEED_PUBLIC, &o.authz), AUTHZ_HIDE);
}

/* A version, its attachment and the API's version: within the remiss of
 * the path only, and another remissinstans may not know them. */
static void
versions_within_the_remiss_and_the_organisation(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 laholm = who(ROLE_KOMMUN, f->laholm);
	struct identity	 halmstad = who(ROLE_KOMMUN, f->halmstad);
	struct identity	 g = who(ROLE_GRANSKARE, NULL);
	struct object	 o;

	o = load(f, OBJ_VERSION, &laholm, SLUG, f->va, NULL);
	assert_false(o.authz.missing);
	assert_int_equal(o.org_id, strtoll(f->laholm, NULL, 10));
	assert_int_equal(authz_decide(&laholm, NEED_LOGIN, &o.authz), AUTHZ_ALLOW);
	assert_int_equal(authz_decide(&halmstad, NEED_LOGIN, &o.authz),
	    AUTHZ_HIDE);
	assert_int_equal(authz_decide(&g, NEED_LOGIN, &o.authz), AUTHZ_ALLOW);
	/* B's version through A, even for its own organisation. */
	o = load(f, OBJ_VERSION, &laholm, SLUG, f->vb, NULL);
	assert_true(o.authz.missing);
	assert_false(o.authz.remiss_missing);
	o = load(f, OBJ_API_VERSION, &halmstad, SLUG, f->va, NULL);
	assert_int_equal(object_refusal(&o, &halmstad,
	    authz_decide(&halmstad, NEED_LOGIN, &o.authz)), PROB_NO_RESPONSE);
	/* Malformed: nothing found, the remiss still known. */
	o = load(f, OBJ_VERSION, &g, SLUG, "12abc", NULL);
	assert_true(o.authz.missing);
	assert_true(o.remiss_id > 0);
	o = load(f, OBJ_ATTACHMENT, &g, SLUG, f->va, "100001");
	assert_true(o.authz.missing);
	o = load(f, OBJ_ATTACHMENT, &g, SLUG, f->vb, "1");
	assert_true(o.authz.missing);
}

/* Review objects: a theme, tag, thread or meeting of another remiss is
 * not found through this one; a reply is not a thread. */
static void
review_objects_within_the_remiss(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 g = who(ROLE_GRANSKARE, NULL);

	assert_false(load(f, OBJ_THEME, &g, SLUG, f->theme_a, NULL).authz.missing);
	assert_true(load(f, OBJ_THEME, &g, SLUG, f->theme_b, NULL).authz.missing);
	assert_false(load(f, OBJ_THEME, &g, OTHER, f->theme_b,
	    NULL).authz.missing);
	assert_true(load(f, OBJ_TAG, &g, SLUG, f->tag_b, NULL).authz.missing);
	assert_false(load(f, OBJ_TAG, &g, OTHER, f->tag_b, NULL).authz.missing);
	assert_false(load(f, OBJ_NOTE, &g, SLUG, f->note_a, NULL).authz.missing);
	assert_true(load(f, OBJ_NOTE, &g, SLUG, f->reply_a, NULL).authz.missing);
	assert_true(load(f, OBJ_NOTE, &g, OTHER, f->note_a, NULL).authz.missing);
	assert_true(load(f, OBJ_MEETING, &g, SLUG, f->meeting_b,
	    NULL).authz.missing);
	assert_false(load(f, OBJ_MEETING, &g, OTHER, f->meeting_b,
	    NULL).authz.missing);
	assert_true(load(f, OBJ_MEETING, &g, OTHER, "0", NULL).authz.missing);
}

/* Sections by number (the review) and by id (the editor), questions and
 * beslutsförslag keys. */
static void
sections_questions_and_decisions(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 g = who(ROLE_GRANSKARE, NULL);
	char		 key[40];

	assert_false(load(f, OBJ_SECTION_NR, &g, SLUG, f->nr, NULL).authz.missing);
	assert_false(load(f, OBJ_SECTION_NR, &g, SLUG, "helhet",
	    NULL).authz.missing);
	assert_true(load(f, OBJ_SECTION_NR, &g, SLUG, "99.99",
	    NULL).authz.missing);
	assert_false(load(f, OBJ_SECTION, &g, SLUG, f->sec_a, NULL).authz.missing);
	assert_true(load(f, OBJ_SECTION, &g, SLUG, f->sec_b, NULL).authz.missing);
	assert_true(load(f, OBJ_QUESTION, &g, SLUG, f->q_b, NULL).authz.missing);
	assert_false(load(f, OBJ_QUESTION, &g, OTHER, f->q_b, NULL).authz.missing);
	assert_false(load(f, OBJ_DECISION, &g, SLUG, f->nr, NULL).authz.missing);
	snprintf(key, sizeof(key), "ny-%s", f->decision_new);
	assert_false(load(f, OBJ_DECISION, &g, SLUG, key, NULL).authz.missing);
	assert_true(load(f, OBJ_DECISION, &g, OTHER, key, NULL).authz.missing);
	snprintf(key, sizeof(key), "ny-0%s", f->decision_new);
	assert_true(load(f, OBJ_DECISION, &g, SLUG, key, NULL).authz.missing);
	assert_false(load(f, OBJ_EXPORT, &g, SLUG, "csv", NULL).authz.missing);
	assert_true(load(f, OBJ_EXPORT, &g, SLUG, "exe", NULL).authz.missing);
}

/* What belongs to the caller is looked for within the caller's own
 * organisation or user: another's file or token is never found. */
static void
own_files_and_tokens_only(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 laholm = who(ROLE_KOMMUN, f->laholm);
	struct identity	 halmstad = who(ROLE_KOMMUN, f->halmstad);
	struct identity	 admin = who(ROLE_ADMIN, NULL);
	struct identity	 owner = who(ROLE_GRANSKARE, NULL);
	struct object	 o;

	o = load(f, OBJ_DRAFT_FILE, &laholm, SLUG, f->file_laholm, NULL);
	assert_false(o.authz.missing);
	assert_int_equal(authz_decide(&laholm, NEED_KOMMUN, &o.authz),
	    AUTHZ_ALLOW);
	o = load(f, OBJ_DRAFT_FILE, &halmstad, SLUG, f->file_laholm, NULL);
	assert_int_equal(authz_decide(&halmstad, NEED_KOMMUN, &o.authz),
	    AUTHZ_HIDE);
	assert_int_equal(object_refusal(&o, &halmstad, AUTHZ_HIDE), PROB_NO_FILE);
	o = load(f, OBJ_DRAFT_FILE, &admin, SLUG, f->file_laholm, NULL);
	assert_int_equal(authz_decide(&admin, NEED_KOMMUN, &o.authz), AUTHZ_HIDE);
	owner.user_id = strtoll(f->user, NULL, 10);
	o = load(f, OBJ_OWN_TOKEN, &owner, f->token, NULL, NULL);
	assert_int_equal(authz_decide(&owner, NEED_LOGIN, &o.authz), AUTHZ_ALLOW);
	assert_true(load(f, OBJ_OWN_TOKEN, &owner, f->revoked, NULL,
	    NULL).authz.missing);
	o = load(f, OBJ_OWN_TOKEN, &admin, f->token, NULL, NULL);
	assert_int_equal(authz_decide(&admin, NEED_LOGIN, &o.authz), AUTHZ_HIDE);
	assert_int_equal(object_refusal(&o, &admin, AUTHZ_HIDE), PROB_NO_TOKEN);
}

/* The statement sent with the session answers for a caller without an
 * organisation (it is the one that caller would run) and is taken; for a
 * remissinstans, whose invitation it could not see, it is left, and the
 * loader asks again with the organisation. */
static void
prefetched_statement_answers_only_callers_without_an_organisation(void **state)
{
	struct fixture	*f = db_or_skip(state);
	struct identity	 g = who(ROLE_GRANSKARE, NULL);
	struct identity	 laholm = who(ROLE_KOMMUN, f->laholm);
	const char	*p[2] = { SLUG, f->vb };
	struct object	 store, o;
	struct db_call	 call;

	assert_true(object_prefetch(OBJ_VERSION, p, 2, &store, &call));
	assert_int_equal(call.id, STMT_OBJECT_VERSION);
	assert_null(call.params[1]);
	assert_int_equal(db_exec_batch(f->db, &call, 1), 0);
	assert_int_equal(object_load(f->db, OBJ_VERSION, p, 2, &g, &call, &o),
	    OBJECT_LOADED);
	assert_null(call.result);	/* taken */
	assert_true(o.authz.missing);	/* B's version through A */
	assert_int_equal(db_exec_batch(f->db, &call, 1), 0);
	p[1] = f->va;
	assert_int_equal(object_load(f->db, OBJ_VERSION, p, 2, &laholm, &call,
	    &o), OBJECT_LOADED);
	assert_non_null(call.result);	/* not this caller's answer */
	PQclear(call.result);
	assert_true(o.authz.invited);
	assert_false(o.authz.missing);
	/* What depends on the caller is never sent ahead. */
	assert_false(object_prefetch(OBJ_DRAFT_FILE, p, 2, &store, &call));
	assert_false(object_prefetch(OBJ_OWN_TOKEN, p, 1, &store, &call));
	assert_false(object_prefetch(OBJ_NONE, p, 0, &store, &call));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(remiss_by_slug_with_publication_and_invitation),
		cmocka_unit_test(versions_within_the_remiss_and_the_organisation),
		cmocka_unit_test(review_objects_within_the_remiss),
		cmocka_unit_test(sections_questions_and_decisions),
		cmocka_unit_test(own_files_and_tokens_only),
		cmocka_unit_test(prefetched_statement_answers_only_callers_without_an_organisation),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
