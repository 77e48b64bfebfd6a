/* stmt.c: the SQL text of every statement, prepared once per connection by db.c. */
#include "config.h"

#include "db/stmt.h"

/* Today's date where the remisser are run. */
#define TODAY_SE "(now() AT TIME ZONE 'Europe/Stockholm')::date"

/* A timestamptz column as Swedish local time, "YYYY-MM-DD HH24:MI:SS". */
#define TIME_SE(col) "to_char(" col " AT TIME ZONE 'Europe/Stockholm'," \
	" 'YYYY-MM-DD HH24:MI:SS')"

/* How long a session or token keeps its last-use time before it is written
 * again: spares a write on every request. */
#define TOUCH_AFTER "interval '15 seconds'"

/* The start of every STMT_OBJECT_* statement but the token's: the remiss
 * of slug $1, whether its answers are published and whether organisation
 * $2 is invited to it. */
#define OBJECT_REMISS_COLUMNS \
	"SELECT r.id AS remiss_id, r.status AS status," \
	" EXISTS (SELECT 1 FROM publications p WHERE p.remiss_id = r.id)" \
	"  AS published," \
	" EXISTS (SELECT 1 FROM invitations i WHERE i.remiss_id = r.id" \
	"  AND i.org_id = $2::bigint) AS invited,"
/* An object that exists iff cond, and has no organisation of its own. */
#define OBJECT_WHERE(cond) \
	OBJECT_REMISS_COLUMNS " " cond " AS found, NULL::bigint AS org_id" \
	" FROM remiss r WHERE r.slug = $1::text"

/* The remisser whose referensgrupp user u is in, as "1 5 9" (ascending;
 * "" for none or no user): read by auth/credential.c. */
#define REVIEWS_OF(u) \
	"COALESCE((SELECT string_agg(rr.remiss_id::text, ' '" \
	" ORDER BY rr.remiss_id) FROM remiss_reviewers rr" \
	" WHERE rr.user_id = " u "), '')"

/* The window in which failed logins count towards throttling. */
#define FAILURE_WINDOW "interval '15 minutes'"

const struct stmt_def stmt_table[STMT__MAX] = {
	[STMT_HEALTH] = { "health", "SELECT 1", 0 },
	[STMT_BEGIN] = { "begin", "BEGIN", 0 },
	[STMT_COMMIT] = { "commit", "COMMIT", 0 },
	[STMT_ROLLBACK] = { "rollback", "ROLLBACK", 0 },

	[STMT_REMISS_LIST_OPEN] = { "remiss_list_open",
	    "SELECT slug, title, sender, to_char(opens, 'YYYY-MM-DD') AS opens,"
	    " to_char(closes, 'YYYY-MM-DD') AS closes"
	    " FROM remiss r"
	    " WHERE r.status = 'oppen' AND " TODAY_SE " BETWEEN r.opens AND r.closes"
	    " ORDER BY r.closes, r.slug", 0 },

	/* Updates first, so that a known name does not use up an id. */
	[STMT_ORG_UPSERT] = { "org_upsert",
	    "WITH known AS ("
	    "  UPDATE organisations SET kind = COALESCE($2::text, kind),"
	    "   orgnr = COALESCE($3::text, orgnr)"
	    "  WHERE name = $1::text RETURNING id),"
	    " added AS ("
	    "  INSERT INTO organisations (name, kind, orgnr)"
	    "  SELECT $1::text, COALESCE($2::text, 'kommun'), $3::text"
	    "  WHERE NOT EXISTS (SELECT 1 FROM known)"
	    "  ON CONFLICT (name) DO UPDATE SET"
	    "   kind = COALESCE($2::text, organisations.kind),"
	    "   orgnr = COALESCE($3::text, organisations.orgnr)"
	    "  RETURNING id)"
	    " SELECT id FROM known UNION ALL SELECT id FROM added", 3 },

	[STMT_ORG_BY_NAME] = { "org_by_name",
	    "SELECT id, kind, orgnr FROM organisations WHERE name = $1", 1 },

	[STMT_REMISS_UPSERT] = { "remiss_upsert",
	    "INSERT INTO remiss (slug, title, sender, diarienummer, description,"
	    " opens, closes, status)"
	    " VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, 'oppen')"
	    " ON CONFLICT (slug) DO UPDATE SET"
	    " title = EXCLUDED.title, sender = EXCLUDED.sender,"
	    " diarienummer = EXCLUDED.diarienummer,"
	    " description = EXCLUDED.description,"
	    " opens = EXCLUDED.opens, closes = EXCLUDED.closes,"
	    " status = 'oppen', updated_at = now(),"
	    " edit_version = remiss.edit_version + 1"
	    " RETURNING id", 7 },

	[STMT_REMISS_SHIFT_TO_TODAY] = { "remiss_shift_to_today",
	    "UPDATE remiss SET opens = " TODAY_SE " - 30,"
	    " closes = " TODAY_SE " + 30, updated_at = now()"
	    " WHERE id = $1::bigint"
	    " RETURNING to_char(opens, 'YYYY-MM-DD'), to_char(closes, 'YYYY-MM-DD')",
	    1 },

	/* One round trip: the live row, else the latest retired one (so its
	 * answers stay attached), else a new row. */
	[STMT_SECTION_UPSERT] = { "section_upsert",
	    "WITH live AS ("
	    "  UPDATE sections SET heading = $3, body = $4, position = $5::int,"
	    "   updated_at = now()"
	    "  WHERE remiss_id = $1::bigint AND nr = $2 AND removed_at IS NULL"
	    "  RETURNING id),"
	    " revived AS ("
	    "  UPDATE sections SET heading = $3, body = $4, position = $5::int,"
	    "   removed_at = NULL, updated_at = now()"
	    "  WHERE id = (SELECT s.id FROM sections s WHERE s.remiss_id = $1::bigint"
	    "   AND s.nr = $2 AND s.removed_at IS NOT NULL"
	    "   ORDER BY s.removed_at DESC, s.id DESC LIMIT 1)"
	    "  AND NOT EXISTS (SELECT 1 FROM live)"
	    "  RETURNING id),"
	    " added AS ("
	    "  INSERT INTO sections (remiss_id, nr, heading, body, position)"
	    "  SELECT $1::bigint, $2, $3, $4, $5::int"
	    "  WHERE NOT EXISTS (SELECT 1 FROM live)"
	    "  AND NOT EXISTS (SELECT 1 FROM revived)"
	    "  RETURNING id)"
	    " SELECT id FROM live UNION ALL SELECT id FROM revived"
	    " UNION ALL SELECT id FROM added", 5 },

	[STMT_SECTION_RETIRE_OTHERS] = { "section_retire_others",
	    "UPDATE sections SET removed_at = now(), updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND removed_at IS NULL"
	    " AND id <> ALL ($2::bigint[])"
	    " RETURNING nr", 2 },

	[STMT_QUESTION_UPSERT] = { "question_upsert",
	    "INSERT INTO questions (remiss_id, section_id, qid, kind, text, position)"
	    " VALUES ($1::bigint, $2::bigint, $3, $4, $5, $6::int)"
	    " ON CONFLICT (remiss_id, qid) DO UPDATE SET"
	    " section_id = EXCLUDED.section_id, kind = EXCLUDED.kind,"
	    " text = EXCLUDED.text, position = EXCLUDED.position,"
	    " removed_at = NULL, updated_at = now()"
	    " RETURNING id", 6 },

	[STMT_QUESTION_RETIRE_OTHERS] = { "question_retire_others",
	    "UPDATE questions SET removed_at = now(), updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND removed_at IS NULL"
	    " AND id <> ALL ($2::bigint[])"
	    " RETURNING qid", 2 },

	[STMT_INVITATION_UPSERT] = { "invitation_upsert",
	    "INSERT INTO invitations (remiss_id, org_id)"
	    " VALUES ($1::bigint, $2::bigint)"
	    " ON CONFLICT (remiss_id, org_id) DO NOTHING", 2 },

	[STMT_AUDIT] = { "audit",
	    "INSERT INTO audit_log (actor, action, object_type, object_id, detail)"
	    " VALUES ($1, $2, $3, $4, $5::jsonb)"
	    " RETURNING id", 5 },

	[STMT_USER_INSERT] = { "user_insert",
	    "INSERT INTO users (email, name, role, org_id, password_hash)"
	    " VALUES ($1, $2, $3, $4::bigint, $5)"
	    " RETURNING id", 5 },

	[STMT_USER_BY_EMAIL] = { "user_by_email",
	    "SELECT id, email, role, COALESCE(org_id::text, '') AS org_id,"
	    " disabled"
	    " FROM users WHERE lower(email) = lower($1::text)", 1 },

	[STMT_USER_FOR_LOGIN] = { "user_for_login",
	    "SELECT id, password_hash, disabled"
	    " FROM users WHERE lower(email) = lower($1::text)", 1 },

	[STMT_USER_SET_DISABLED] = { "user_set_disabled",
	    "UPDATE users SET disabled = $2::boolean"
	    " WHERE lower(email) = lower($1::text)"
	    " RETURNING id, email", 2 },

	[STMT_USER_SET_PASSWORD] = { "user_set_password",
	    "UPDATE users SET password_hash = $2"
	    " WHERE lower(email) = lower($1::text)"
	    " RETURNING id, email", 2 },

	[STMT_USER_LIST] = { "user_list",
	    "SELECT u.email, u.role, COALESCE(o.name, '') AS org_name, u.disabled"
	    " FROM users u LEFT JOIN organisations o ON o.id = u.org_id"
	    " ORDER BY lower(u.email)", 0 },

	[STMT_USER_SET_LANG] = { "user_set_lang",
	    "UPDATE users SET lang = $2 WHERE id = $1::bigint RETURNING id", 2 },

	[STMT_SESSION_INSERT] = { "session_insert",
	    "INSERT INTO sessions (token_hash, user_id, csrf, remote_addr)"
	    " VALUES ($1, $2::bigint, $3, $4)"
	    " RETURNING id", 4 },

	/* One round trip per request: expired rows go, a live one is touched
	 * at most every TOUCH_AFTER. Every CTE sees the same snapshot. The
	 * hash is cast to the column's type so that its unique index is used
	 * (a text comparison would scan the table). */
	[STMT_SESSION_LOOKUP] = { "session_lookup",
	    "WITH s AS ("
	    "  SELECT id, user_id, csrf,"
	    "   (last_seen_at <= now() - $2::float8 * interval '1 second'"
	    "    OR created_at <= now() - $3::float8 * interval '1 second')"
	    "    AS expired"
	    "  FROM sessions WHERE token_hash = $1::sha256_hex),"
	    " gone AS ("
	    "  DELETE FROM sessions WHERE id IN (SELECT id FROM s WHERE expired)),"
	    " live AS ("
	    "  SELECT s.id, s.csrf, u.id AS user_id, u.role, u.org_id, u.email,"
	    "   u.lang, u.org_admin"
	    "  FROM s JOIN users u ON u.id = s.user_id"
	    "  WHERE NOT s.expired AND NOT u.disabled),"
	    " touched AS ("
	    "  UPDATE sessions SET last_seen_at = now()"
	    "  WHERE id IN (SELECT id FROM live)"
	    "  AND last_seen_at < now() - " TOUCH_AFTER ")"
	    " SELECT live.id, live.user_id, live.role,"
	    " COALESCE(live.org_id::text, '') AS org_id, live.email,"
	    " COALESCE(o.name, '') AS org_name, live.csrf, live.lang,"
	    " live.org_admin, " REVIEWS_OF("live.user_id") " AS reviews"
	    " FROM live LEFT JOIN organisations o ON o.id = live.org_id", 3 },

	/* What is left of a session before its idle and absolute ends, for
	 * the timeout warning (static/session.js). */
	[STMT_SESSION_TIMES] = { "session_times",
	    "SELECT GREATEST(0, floor(extract(epoch FROM last_seen_at"
	    "  + $2::float8 * interval '1 second' - now())))::bigint"
	    "  AS idle_left,"
	    " GREATEST(0, floor(extract(epoch FROM created_at"
	    "  + $3::float8 * interval '1 second' - now())))::bigint"
	    "  AS absolute_left"
	    " FROM sessions WHERE id = $1::bigint", 3 },

	[STMT_SESSION_EXTEND] = { "session_extend",
	    "UPDATE sessions SET last_seen_at = now() WHERE id = $1::bigint"
	    " RETURNING GREATEST(0, floor(extract(epoch FROM last_seen_at"
	    "  + $2::float8 * interval '1 second' - now())))::bigint"
	    "  AS idle_left,"
	    " GREATEST(0, floor(extract(epoch FROM created_at"
	    "  + $3::float8 * interval '1 second' - now())))::bigint"
	    "  AS absolute_left", 3 },

	[STMT_SESSION_DELETE] = { "session_delete",
	    "DELETE FROM sessions WHERE id = $1::bigint", 1 },

	[STMT_SESSION_DELETE_USER] = { "session_delete_user",
	    "DELETE FROM sessions WHERE user_id = $1::bigint", 1 },

	[STMT_SESSION_PURGE] = { "session_purge",
	    "DELETE FROM sessions"
	    " WHERE last_seen_at <= now() - $1::float8 * interval '1 second'"
	    " OR created_at <= now() - $2::float8 * interval '1 second'", 2 },

	[STMT_LOGIN_FAILURE_COUNTS] = { "login_failure_counts",
	    "SELECT (SELECT count(*) FROM login_failures"
	    "  WHERE email_lower = lower($1::text)"
	    "  AND at > now() - " FAILURE_WINDOW ") AS by_account,"
	    " (SELECT count(*) FROM login_failures"
	    "  WHERE remote_addr = $2::text"
	    "  AND at > now() - " FAILURE_WINDOW ") AS by_address", 2 },

	[STMT_LOGIN_FAILURE_ADD] = { "login_failure_add",
	    "INSERT INTO login_failures (email_lower, remote_addr)"
	    " VALUES (lower($1::text), $2)", 2 },

	[STMT_LOGIN_FAILURE_CLEAR] = { "login_failure_clear",
	    "DELETE FROM login_failures"
	    " WHERE email_lower = lower($1::text) OR at < now() - interval '1 day'",
	    1 },

	[STMT_APITOKEN_INSERT] = { "apitoken_insert",
	    "INSERT INTO api_tokens (token_hash, org_id, user_id, label)"
	    " VALUES ($1, $2::bigint, $3::bigint, $4)"
	    " RETURNING id", 4 },

	/* An organisation token acts as the organisation's kommun role; a
	 * user token as its user (and that user's organisation). */
	[STMT_APITOKEN_LOOKUP] = { "apitoken_lookup",
	    "WITH t AS ("
	    "  SELECT t.id, t.user_id, COALESCE(t.org_id, u.org_id) AS org_id,"
	    "   COALESCE(u.role, 'kommun') AS role, u.email,"
	    "   COALESCE(u.org_admin, false) AS org_admin"
	    "  FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id"
	    "  WHERE t.token_hash = $1::sha256_hex AND t.revoked_at IS NULL"
	    "  AND (t.user_id IS NULL OR NOT u.disabled)),"
	    " touched AS ("
	    "  UPDATE api_tokens SET last_used_at = now()"
	    "  WHERE id IN (SELECT id FROM t)"
	    "  AND (last_used_at IS NULL OR last_used_at < now() - "
	    TOUCH_AFTER "))"
	    " SELECT t.id, COALESCE(t.user_id::text, '') AS user_id, t.role,"
	    " COALESCE(t.org_id::text, '') AS org_id,"
	    " COALESCE(t.email, '') AS email, COALESCE(o.name, '') AS org_name,"
	    " t.org_admin, " REVIEWS_OF("t.user_id") " AS reviews"
	    " FROM t LEFT JOIN organisations o ON o.id = t.org_id", 1 },

	[STMT_APITOKEN_REVOKE] = { "apitoken_revoke",
	    "UPDATE api_tokens SET revoked_at = now()"
	    " WHERE id = $1::bigint AND revoked_at IS NULL"
	    " RETURNING id", 1 },

	/* With a name: the organisation's tokens and its users' tokens. */
	[STMT_APITOKEN_LIST] = { "apitoken_list",
	    "SELECT t.id,"
	    " CASE WHEN t.org_id IS NOT NULL THEN 'org:' || o.name"
	    "  ELSE 'user:' || u.email END AS owner,"
	    " COALESCE(t.label, '') AS label,"
	    " " TIME_SE("t.created_at") " AS created,"
	    " COALESCE(" TIME_SE("t.last_used_at") ", '') AS last_used,"
	    " COALESCE(" TIME_SE("t.revoked_at") ", '') AS revoked"
	    " FROM api_tokens t"
	    " LEFT JOIN organisations o ON o.id = t.org_id"
	    " LEFT JOIN users u ON u.id = t.user_id"
	    " LEFT JOIN organisations uo ON uo.id = u.org_id"
	    " WHERE $1::text IS NULL OR o.name = $1::text OR uo.name = $1::text"
	    " ORDER BY t.id", 1 },

	/* Personal tokens end with a new password, or when their owner
	 * revokes them on "Mitt konto" (docs/security.md). */
	[STMT_APITOKEN_REVOKE_USER] = { "apitoken_revoke_user",
	    "UPDATE api_tokens SET revoked_at = now()"
	    " WHERE user_id = $1::bigint AND revoked_at IS NULL"
	    " RETURNING id, COALESCE(label, '') AS label", 1 },

	[STMT_APITOKEN_REVOKE_OWN] = { "apitoken_revoke_own",
	    "UPDATE api_tokens SET revoked_at = now()"
	    " WHERE id = $1::bigint AND user_id = $2::bigint"
	    " AND revoked_at IS NULL"
	    " RETURNING id, COALESCE(label, '') AS label", 2 },

	[STMT_APITOKEN_USER_LIST] = { "apitoken_user_list",
	    "SELECT id, COALESCE(label, '') AS label,"
	    " iso_time_se(created_at) AS created,"
	    " COALESCE(iso_time_se(last_used_at), '') AS last_used"
	    " FROM api_tokens WHERE user_id = $1::bigint AND revoked_at IS NULL"
	    " ORDER BY id", 1 },

	[STMT_AUDIT_LIST] = { "audit_list",
	    "SELECT id, extract(epoch FROM at)::bigint AS at_epoch, actor, action,"
	    " COALESCE(object_type, '') AS object_type,"
	    " COALESCE(object_id, '') AS object_id,"
	    " COALESCE(detail::text, '') AS detail"
	    " FROM audit_log"
	    " WHERE ($1::text IS NULL OR starts_with(action, $1::text))"
	    " AND ($2::text IS NULL OR strpos(lower(actor), lower($2::text)) > 0)"
	    " AND ($3::text IS NULL OR object_type = $3::text)"
	    " AND ($4::date IS NULL OR at >= $4::date::timestamp"
	    "   AT TIME ZONE 'Europe/Stockholm')"
	    " AND ($5::date IS NULL OR at < ($5::date + 1)::timestamp"
	    "   AT TIME ZONE 'Europe/Stockholm')"
	    " AND ($6::bigint IS NULL OR id < $6::bigint)"
	    " ORDER BY id DESC LIMIT 101", 6 },

	[STMT_REMISS_BY_SLUG] = { "remiss_by_slug",
	    "SELECT id, slug, title, sender,"
	    " COALESCE(diarienummer, '') AS diarienummer,"
	    " COALESCE(description, '') AS description,"
	    " to_char(opens, 'YYYY-MM-DD') AS opens,"
	    " to_char(closes, 'YYYY-MM-DD') AS closes, status"
	    " FROM remiss WHERE slug = $1::text", 1 },

	[STMT_REMISS_SECTIONS] = { "remiss_sections",
	    "SELECT id, nr, heading, body FROM sections"
	    " WHERE remiss_id = $1::bigint AND removed_at IS NULL"
	    " ORDER BY position, id", 1 },

	[STMT_REMISS_QUESTIONS] = { "remiss_questions",
	    "SELECT id, COALESCE(section_id::text, '') AS section_id, qid, kind,"
	    " text"
	    " FROM questions"
	    " WHERE remiss_id = $1::bigint AND removed_at IS NULL"
	    " ORDER BY position, id", 1 },

	/* The window is computed here, with the database's clock, so that
	 * every worker agrees on "today" in Stockholm. */
	[STMT_INVITATION_GET] = { "invitation_get",
	    "SELECT to_char(COALESCE(i.extended_closes, r.closes), 'YYYY-MM-DD')"
	    "  AS closes,"
	    " r.status = 'oppen' AND " TODAY_SE
	    "  BETWEEN r.opens AND COALESCE(i.extended_closes, r.closes) AS open_now"
	    " FROM invitations i JOIN remiss r ON r.id = i.remiss_id"
	    " WHERE i.remiss_id = $1::bigint AND i.org_id = $2::bigint", 2 },

	[STMT_INVITATION_ARRIVAL] = { "invitation_arrival",
	    "SELECT to_char(COALESCE(i.extended_closes, r.closes), 'YYYY-MM-DD')"
	    "  AS closes,"
	    " r.status = 'oppen' AND $3::date"
	    "  BETWEEN r.opens AND COALESCE(i.extended_closes, r.closes)"
	    "  AS open_on_day,"
	    " $3::date > " TODAY_SE " AS in_future"
	    " FROM invitations i JOIN remiss r ON r.id = i.remiss_id"
	    " WHERE i.remiss_id = $1::bigint AND i.org_id = $2::bigint", 3 },

	[STMT_RESPONSE_CREATE] = { "response_create",
	    "INSERT INTO responses (remiss_id, org_id)"
	    " VALUES ($1::bigint, $2::bigint)"
	    " ON CONFLICT (remiss_id, org_id) DO NOTHING", 2 },

	[STMT_RESPONSE_LOCK] = { "response_lock",
	    "SELECT r.id, r.lock_version, o.name, o.kind,"
	    " COALESCE(o.orgnr, '') AS orgnr"
	    " FROM responses r JOIN organisations o ON o.id = r.org_id"
	    " WHERE r.remiss_id = $1::bigint AND r.org_id = $2::bigint"
	    " FOR UPDATE OF r", 2 },

	[STMT_DRAFT_GET] = { "draft_get",
	    "SELECT id, lock_version, COALESCE(draft_position, '') AS position,"
	    " COALESCE(draft_summary, '') AS summary,"
	    " COALESCE(draft_diarienummer, '') AS diarienummer,"
	    " COALESCE(draft_decision_body, '') AS decision_body,"
	    " COALESCE(to_char(draft_decision_date, 'YYYY-MM-DD'), '')"
	    "  AS decision_date,"
	    " COALESCE(draft_contact_name, '') AS contact_name,"
	    " COALESCE(draft_contact_email, '') AS contact_email,"
	    " COALESCE(draft_contact_phone, '') AS contact_phone"
	    " FROM responses WHERE remiss_id = $1::bigint AND org_id = $2::bigint",
	    2 },

	[STMT_DRAFT_STATE] = { "draft_state",
	    "SELECT COALESCE(iso_time_se(r.draft_updated_at), '') AS draft_saved,"
	    " COALESCE(v.id::text, '') AS latest_version_id,"
	    " COALESCE(r.draft_updated_at < v.received_at, false) AS draft_older"
	    " FROM responses r"
	    " LEFT JOIN LATERAL (SELECT id, received_at FROM response_versions"
	    "   WHERE response_id = r.id ORDER BY version DESC LIMIT 1) v ON true"
	    " WHERE r.remiss_id = $1::bigint AND r.org_id = $2::bigint", 2 },

	[STMT_DRAFT_ANSWERS_GET] = { "draft_answers_get",
	    "SELECT COALESCE(section_id::text, '') AS section_id,"
	    " COALESCE(question_id::text, '') AS question_id,"
	    " COALESCE(position, '') AS position, COALESCE(comment, '') AS comment,"
	    " COALESCE(proposed_wording, '') AS proposed_wording,"
	    " COALESCE(consequence_region, '') AS consequence_region,"
	    " COALESCE(consequence_kommun, '') AS consequence_kommun,"
	    " COALESCE(short_term, '') AS short_term,"
	    " COALESCE(long_term, '') AS long_term"
	    " FROM draft_answers WHERE response_id = $1::bigint ORDER BY id", 1 },

	[STMT_DRAFT_UPDATE] = { "draft_update",
	    "UPDATE responses SET lock_version = lock_version + 1,"
	    " draft_updated_by = $2::bigint, draft_updated_at = now(),"
	    " draft_position = $3, draft_summary = $4, draft_diarienummer = $5,"
	    " draft_decision_body = $6, draft_decision_date = $7::date,"
	    " draft_contact_name = $8, draft_contact_email = $9,"
	    " draft_contact_phone = $10"
	    " WHERE id = $1::bigint RETURNING lock_version", 10 },

	/* One round trip for all of a draft's answers. */
	[STMT_DRAFT_ANSWERS_REPLACE] = { "draft_answers_replace",
	    "WITH gone AS (DELETE FROM draft_answers"
	    "  WHERE response_id = $1::bigint RETURNING id)"
	    " INSERT INTO draft_answers (response_id, section_id, question_id,"
	    " position, comment, proposed_wording, consequence_region,"
	    " consequence_kommun, short_term, long_term)"
	    " SELECT $1::bigint, u.s, u.q, u.p, u.c, u.w, u.cr, u.ck, u.st, u.lt"
	    " FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[],"
	    "  $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])"
	    "  AS u(s, q, p, c, w, cr, ck, st, lt)"
	    " WHERE (SELECT count(*) FROM gone) >= 0", 10 },

	[STMT_VERSION_BY_KEY] = { "version_by_key",
	    "SELECT id, request_sha256, receipt_number,"
	    " iso_time_se(received_at) AS received_at, version, sha256"
	    " FROM response_versions"
	    " WHERE response_id = $1::bigint AND idempotency_key = $2::text", 2 },

	/* The caller holds the responses row FOR UPDATE, so the next version
	 * number cannot be taken twice. */
	[STMT_VERSION_INSERT] = { "version_insert",
	    "INSERT INTO response_versions (response_id, version, channel,"
	    " position, summary, decision_body, decision_date, diarienummer,"
	    " contact_name, contact_email, contact_phone, canonical_xml, sha256,"
	    " receipt_number, received_at, submitted_by, idempotency_key,"
	    " request_sha256, arrived_on)"
	    " SELECT $1::bigint, COALESCE((SELECT max(version)"
	    "  FROM response_versions WHERE response_id = $1::bigint), 0) + 1,"
	    " $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12,"
	    " receipt_issue(now()), now(),"
	    " $13::bigint, $14, $15, $16::date"
	    " RETURNING id, version, receipt_number,"
	    " iso_time_se(received_at) AS received_at",
	    16 },

	[STMT_ANSWERS_INSERT] = { "answers_insert",
	    "INSERT INTO answers (version_id, ord, section_id, question_id,"
	    " position, comment, proposed_wording, consequence_region,"
	    " consequence_kommun, short_term, long_term)"
	    " SELECT $1::bigint, u.ord - 1, u.s, u.q, u.p, u.c, u.w, u.cr, u.ck,"
	    " u.st, u.lt"
	    " FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[],"
	    "  $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])"
	    "  WITH ORDINALITY AS u(s, q, p, c, w, cr, ck, st, lt, ord)", 10 },

	[STMT_ATTACHMENT_INSERT] = { "attachment_insert",
	    "INSERT INTO attachments (version_id, ord, filename, media_type,"
	    " bytes, size, sha256)"
	    " VALUES ($1::bigint, $2::int, $3, $4, decode($5, 'hex'),"
	    " $6::bigint, $7)", 7 },

	[STMT_VERSION_GET] = { "version_get",
	    "SELECT v.version, v.channel, v.position,"
	    " COALESCE(v.summary, '') AS summary,"
	    " COALESCE(v.decision_body, '') AS decision_body,"
	    " COALESCE(to_char(v.decision_date, 'YYYY-MM-DD'), '')"
	    "  AS decision_date,"
	    " COALESCE(v.diarienummer, '') AS diarienummer, v.contact_name,"
	    " v.contact_email, COALESCE(v.contact_phone, '') AS contact_phone,"
	    " v.sha256, v.receipt_number,"
	    " iso_time_se(v.received_at) AS received_at, m.slug, o.name, o.kind,"
	    " COALESCE(o.orgnr, '') AS orgnr,"
	    " COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), '') AS arrived_on"
	    " FROM response_versions v"
	    " JOIN responses r ON r.id = v.response_id"
	    " JOIN remiss m ON m.id = r.remiss_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " WHERE v.id = $1::bigint"
	    " AND ($2::bigint IS NULL OR r.org_id = $2::bigint)"
	    " AND ($3::bigint IS NULL OR r.remiss_id = $3::bigint)", 3 },

	[STMT_VERSION_ANSWERS] = { "version_answers",
	    "SELECT COALESCE(s.nr, '') AS section_nr, COALESCE(q.qid, '') AS qid,"
	    " COALESCE(a.section_id::text, '') AS section_id,"
	    " COALESCE(a.question_id::text, '') AS question_id,"
	    " COALESCE(a.position, '') AS position,"
	    " COALESCE(a.comment, '') AS comment,"
	    " COALESCE(a.proposed_wording, '') AS proposed_wording,"
	    " COALESCE(a.consequence_region, '') AS consequence_region,"
	    " COALESCE(a.consequence_kommun, '') AS consequence_kommun,"
	    " COALESCE(a.short_term, '') AS short_term,"
	    " COALESCE(a.long_term, '') AS long_term"
	    " FROM answers a"
	    " LEFT JOIN sections s ON s.id = a.section_id"
	    " LEFT JOIN questions q ON q.id = a.question_id"
	    " WHERE a.version_id = $1::bigint ORDER BY a.ord", 1 },

	[STMT_VERSION_ATTACHMENTS] = { "version_attachments",
	    "SELECT filename, media_type, encode(bytes, 'hex') AS hex"
	    " FROM attachments WHERE version_id = $1::bigint ORDER BY ord", 1 },

	[STMT_VERSION_ATTACHMENT_NAMES] = { "version_attachment_names",
	    "SELECT filename, media_type, size, sha256"
	    " FROM attachments WHERE version_id = $1::bigint ORDER BY ord", 1 },

	[STMT_VERSIONS_LIST] = { "versions_list",
	    "SELECT v.id, v.receipt_number,"
	    " iso_time_se(v.received_at) AS received_at, v.version,"
	    " v.sha256, m.slug, o.name, v.channel,"
	    " COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), '') AS arrived_on"
	    " FROM response_versions v"
	    " JOIN responses r ON r.id = v.response_id"
	    " JOIN remiss m ON m.id = r.remiss_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " WHERE r.remiss_id = $1::bigint"
	    " AND ($2::bigint IS NULL OR r.org_id = $2::bigint)"
	    " ORDER BY v.received_at DESC, v.id DESC", 2 },

	[STMT_REMISS_OVERVIEW] = { "remiss_overview",
	    "SELECT o.id AS org_id, o.name, o.kind,"
	    " COALESCE(i.extended_closes::text, '') AS extended_closes,"
	    " COALESCE(i.extended_closes, r.closes)::text AS closes,"
	    " COALESCE(iso_time_se(resp.draft_updated_at), '') AS draft_saved,"
	    " COALESCE(v.version::text, '') AS version,"
	    " COALESCE(iso_time_se(v.received_at), '') AS received,"
	    " COALESCE(v.id::text, '') AS version_id,"
	    " (v.id IS NULL AND (now() AT TIME ZONE 'Europe/Stockholm')::date >"
	    "   COALESCE(i.extended_closes, r.closes)) AS late,"
	    " COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), '') AS arrived"
	    " FROM invitations i"
	    " JOIN remiss r ON r.id = i.remiss_id"
	    " JOIN organisations o ON o.id = i.org_id"
	    " LEFT JOIN responses resp ON resp.remiss_id = i.remiss_id"
	    "   AND resp.org_id = i.org_id"
	    " LEFT JOIN LATERAL (SELECT id, version, received_at, arrived_on"
	    "   FROM response_versions WHERE response_id = resp.id"
	    "   ORDER BY version DESC LIMIT 1) v ON true"
	    " WHERE i.remiss_id = $1::bigint"
	    " ORDER BY o.name", 1 },

	[STMT_INVITATION_EXTEND] = { "invitation_extend",
	    "UPDATE invitations i SET extended_closes = $3::date"
	    " FROM organisations o"
	    " WHERE i.remiss_id = $1::bigint AND i.org_id = $2::bigint"
	    " AND o.id = i.org_id"
	    " RETURNING o.name", 3 },

	[STMT_DRAFT_FILE_ADD] = { "draft_file_add",
	    "INSERT INTO draft_attachments (remiss_id, org_id, filename, media_type,"
	    " bytes, size, sha256, uploaded_by)"
	    " SELECT $1::bigint, $2::bigint, $3, $4, b, octet_length(b),"
	    " encode(sha256(b), 'hex'), $6::bigint"
	    " FROM (SELECT decode($5, 'hex') AS b) x"
	    " WHERE (SELECT count(*) FROM draft_attachments"
	    "   WHERE remiss_id = $1::bigint AND org_id = $2::bigint) < $7::int"
	    " RETURNING id", 7 },

	[STMT_DRAFT_FILE_LIST] = { "draft_file_list",
	    "SELECT id, filename, media_type, size, sha256,"
	    " iso_time_se(uploaded_at) AS uploaded_at"
	    " FROM draft_attachments WHERE remiss_id = $1::bigint"
	    " AND org_id = $2::bigint ORDER BY id", 2 },

	[STMT_DRAFT_FILE_CONTENT] = { "draft_file_content",
	    "SELECT filename, media_type, encode(bytes, 'hex') AS hex"
	    " FROM draft_attachments WHERE remiss_id = $1::bigint"
	    " AND org_id = $2::bigint ORDER BY id", 2 },

	[STMT_DRAFT_FILE_DELETE] = { "draft_file_delete",
	    "DELETE FROM draft_attachments WHERE id = $1::bigint"
	    " AND remiss_id = $2::bigint AND org_id = $3::bigint"
	    " RETURNING filename", 3 },

	[STMT_ORG_NAME] = { "org_name",
	    "SELECT name FROM organisations WHERE id = $1::bigint", 1 },

	[STMT_REMISS_LIST_ALL] = { "remiss_list_all",
	    "SELECT r.slug, r.title, r.status, r.opens::text AS opens,"
	    " r.closes::text AS closes,"
	    " (SELECT count(*) FROM invitations i WHERE i.remiss_id = r.id)"
	    "   AS invited,"
	    " (SELECT count(DISTINCT resp.org_id) FROM responses resp"
	    "   JOIN response_versions v ON v.response_id = resp.id"
	    "   WHERE resp.remiss_id = r.id) AS answered"
	    " FROM remiss r ORDER BY r.opens DESC, r.slug", 0 },

	[STMT_REMISS_SET_STATUS] = { "remiss_set_status",
	    "UPDATE remiss SET status = $2 WHERE slug = $1 RETURNING id", 2 },

	[STMT_REMISS_INVITEES] = { "remiss_invitees",
	    "SELECT o.name, o.kind, COALESCE(o.orgnr, '') AS orgnr"
	    " FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    " WHERE i.remiss_id = $1::bigint ORDER BY o.name", 1 },

	[STMT_API_REMISS_LIST] = { "api_remiss_list",
	    "SELECT r.slug, r.title, r.sender,"
	    " COALESCE(r.diarienummer, '') AS diarienummer,"
	    " r.opens::text AS opens,"
	    " COALESCE(i.extended_closes, r.closes)::text AS closes,"
	    " EXISTS (SELECT 1 FROM responses resp"
	    "   JOIN response_versions v ON v.response_id = resp.id"
	    "   WHERE resp.remiss_id = r.id AND resp.org_id = $1::bigint)"
	    "   AS answered"
	    " FROM remiss r"
	    " LEFT JOIN invitations i ON i.remiss_id = r.id"
	    "   AND i.org_id = $1::bigint"
	    " WHERE r.status = 'oppen'"
	    " AND ($1::bigint IS NULL OR i.org_id IS NOT NULL)"
	    " ORDER BY COALESCE(i.extended_closes, r.closes), r.slug", 1 },

	[STMT_VERSION_XML] = { "version_xml",
	    "SELECT v.canonical_xml, m.slug"
	    " FROM response_versions v"
	    " JOIN responses r ON r.id = v.response_id"
	    " JOIN remiss m ON m.id = r.remiss_id"
	    " WHERE v.id = $1::bigint AND r.remiss_id = $3::bigint"
	    " AND ($2::bigint IS NULL OR r.org_id = $2::bigint)", 3 },

	[STMT_DRAFT_FILE_GET] = { "draft_file_get",
	    "SELECT filename, media_type, encode(bytes, 'hex') AS hex"
	    " FROM draft_attachments WHERE id = $1::bigint"
	    " AND remiss_id = $2::bigint AND org_id = $3::bigint", 3 },

	/* The review workspace. */
#define LATEST_VERSION(resp) \
	" LEFT JOIN LATERAL (SELECT id, version, received_at, position AS overall," \
	"   summary FROM response_versions WHERE response_id = " resp \
	"   ORDER BY version DESC LIMIT 1) v ON true"
#define ANSWER_TEXT(a) "answer_text(" a ".comment, " a ".proposed_wording, " \
	a ".consequence_region, " a ".consequence_kommun, " a ".short_term, " \
	a ".long_term)"
#define IN_SECTION(t) \
	" ((" t ".section_id IS NULL AND " t ".question_id IS NULL AND $2::bigint IS NULL)" \
	"  OR " t ".section_id = $2::bigint OR " t ".question_id IN" \
	"  (SELECT id FROM questions WHERE section_id = $2::bigint))"
#define TAGGED_WITH(theme, resp, sec) \
	" EXISTS (SELECT 1 FROM tags t JOIN themes th ON th.id = t.theme_id" \
	"   WHERE (t.theme_id = " theme " OR th.parent_id = " theme ")" \
	"   AND th.remiss_id = $1::bigint" \
	"   AND t.response_id = " resp " AND t.section_id IS NOT DISTINCT FROM " sec ")"

	[STMT_REVIEW_ORGS] = { "review_orgs",
	    "SELECT o.id, o.name, o.kind, COALESCE(resp.id::text, ''),"
	    " COALESCE(v.id::text, ''), COALESCE(v.version::text, ''),"
	    " COALESCE(iso_time_se(v.received_at), '')"
	    " FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    " LEFT JOIN responses resp ON resp.remiss_id = i.remiss_id"
	    "   AND resp.org_id = i.org_id"
	    LATEST_VERSION("resp.id")
	    " WHERE i.remiss_id = $1::bigint AND ($2::text IS NULL OR o.kind = $2)"
	    " ORDER BY o.name", 2 },

	/* The matrix shows one page of organisations: with a million invited,
	 * listing them all (with each one's latest version) cost seconds per
	 * page. The page is chosen by name first, then only its rows get
	 * their response and version. */
	[STMT_REVIEW_ORG_COUNT] = { "review_org_count",
	    "SELECT count(*) AS n_orgs FROM invitations i JOIN organisations o"
	    " ON o.id = i.org_id"
	    " WHERE i.remiss_id = $1::bigint AND ($2::text IS NULL OR o.kind = $2)",
	    2 },
	[STMT_REVIEW_ORGS_PAGE] = { "review_orgs_page",
	    "WITH page AS (SELECT o.id, o.name, o.kind"
	    "  FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    "  WHERE i.remiss_id = $1::bigint AND ($2::text IS NULL OR o.kind = $2)"
	    "  ORDER BY o.name LIMIT $3::bigint OFFSET $4::bigint)"
	    " SELECT o.id AS id, o.name AS name, o.kind AS kind,"
	    " COALESCE(resp.id::text, '') AS response_id,"
	    " COALESCE(v.id::text, '') AS version_id,"
	    " COALESCE(v.version::text, '') AS version,"
	    " COALESCE(iso_time_se(v.received_at), '') AS received"
	    " FROM page o"
	    " LEFT JOIN responses resp ON resp.remiss_id = $1::bigint"
	    "   AND resp.org_id = o.id"
	    LATEST_VERSION("resp.id")
	    " ORDER BY o.name", 4 },

	/* One pass over the latest versions' section answers of the given
	 * organisations: tags and open notes counted per answer in one grouped
	 * scan each (not a subquery per cell), and whether the filters match as
	 * a column, so the page needs no second query for its counts. The text
	 * filter is the search's (schema/016: search_query, word parts too) over
	 * the answer to the section and to the section's questions. */
	[STMT_REVIEW_CELLS] = { "review_cells",
	    /* MATERIALIZED: the query once, not once per cell. */
	    "WITH sq AS MATERIALIZED (SELECT search_query($1::bigint, $4) AS q),"
	    " resp AS ("
	    "  SELECT r.id, r.org_id, (SELECT id FROM response_versions"
	    "   WHERE response_id = r.id ORDER BY version DESC LIMIT 1) AS vid"
	    "  FROM responses r"
	    "  WHERE r.remiss_id = $1::bigint AND r.org_id = ANY ($6::bigint[])),"
	    " tg AS (SELECT t.response_id, t.section_id, count(*) AS n"
	    "  FROM tags t JOIN resp ON resp.id = t.response_id"
	    "  WHERE t.section_id IS NOT NULL GROUP BY 1, 2),"
	    " nt AS (SELECT n.response_id, n.section_id, count(*) AS n"
	    "  FROM annotations n JOIN resp ON resp.id = n.response_id"
	    "  WHERE n.section_id IS NOT NULL AND n.parent_id IS NULL"
	    "  AND n.resolved_at IS NULL GROUP BY 1, 2)"
	    " SELECT resp.org_id AS org_id, a.section_id AS section_id,"
	    " COALESCE(a.position, '') AS position,"
	    " left(COALESCE(a.comment, a.proposed_wording, ''), 140) AS excerpt,"
	    /* length() of the whole text counted every character of it, the
	     * largest cost of this statement; 141 characters tell as much. */
	    " length(left(COALESCE(a.comment, a.proposed_wording, ''), 141)) > 140"
	    " AS cut,"
	    " COALESCE(tg.n, 0) AS n_tags, COALESCE(nt.n, 0) AS n_notes,"
	    " rd.user_id IS NOT NULL AS is_read,"
	    " ($2::text IS NULL OR a.position = $2)"
	    " AND ($3::bigint IS NULL OR" TAGGED_WITH("$3::bigint", "resp.id",
	    "a.section_id") ")"
	    " AND ($4::text IS NULL OR a.search_tsv @@ sq.q"
	    /* From the section's questions to their answers by the unique
	     * (version, question) index: not every answer of the version. */
	    "  OR EXISTS (SELECT 1 FROM questions qn"
	    "   JOIN answers qa ON qa.question_id = qn.id AND qa.version_id = resp.vid"
	    "   WHERE qn.section_id = a.section_id AND qa.search_tsv @@ sq.q))"
	    " AS matches"
	    " FROM sq, resp"
	    /* OFFSET 0 keeps this a per-response index scan: the generic plan
	     * of the plain join hashed a sequential scan of every answer of
	     * every remiss (20 ms at 15 000 answers instead of 1 ms). */
	    " JOIN LATERAL (SELECT * FROM answers a WHERE a.version_id = resp.vid"
	    "   AND a.section_id IS NOT NULL OFFSET 0) a ON true"
	    " LEFT JOIN tg ON tg.response_id = resp.id AND tg.section_id = a.section_id"
	    " LEFT JOIN nt ON nt.response_id = resp.id AND nt.section_id = a.section_id"
	    " LEFT JOIN answer_reads rd ON rd.user_id = $5::bigint"
	    "   AND rd.response_id = resp.id AND rd.section_id = a.section_id", 6 },

	[STMT_REVIEW_ANSWERS] = { "review_answers",
	    "SELECT o.id AS org_id, o.name AS org, o.kind AS org_kind,"
	    " resp.id AS response_id, v.id AS version_id, v.version,"
	    " iso_time_se(v.received_at) AS received,"
	    " COALESCE(a.section_id::text, '') AS section_id,"
	    " COALESCE(a.question_id::text, '') AS question_id,"
	    " COALESCE(CASE WHEN $2::bigint IS NULL THEN v.overall ELSE a.position END, '')"
	    "   AS position,"
	    " COALESCE(a.comment, '') AS kommentar,"
	    " COALESCE(a.proposed_wording, '') AS forslag,"
	    " COALESCE(a.consequence_region, '') AS konsekvens_region,"
	    " COALESCE(a.consequence_kommun, '') AS konsekvens_kommun,"
	    " COALESCE(a.short_term, '') AS kortsiktigt,"
	    " COALESCE(a.long_term, '') AS langsiktigt,"
	    " COALESCE(v.summary, '') AS sammanfattning"
	    " FROM responses resp"
	    " JOIN organisations o ON o.id = resp.org_id"
	    " JOIN LATERAL (SELECT id, version, received_at, position AS overall,"
	    "   summary FROM response_versions WHERE response_id = resp.id"
	    "   ORDER BY version DESC LIMIT 1) v ON true"
	    " LEFT JOIN answers a ON a.version_id = v.id AND $2::bigint IS NOT NULL"
	    "   AND (a.section_id = $2::bigint OR a.question_id IN"
	    "   (SELECT id FROM questions WHERE section_id = $2::bigint))"
	    " WHERE resp.remiss_id = $1::bigint"
	    " AND ($2::bigint IS NULL OR a.id IS NOT NULL)"
	    " ORDER BY o.name, a.ord NULLS FIRST", 2 },

	[STMT_REVIEW_TAGS] = { "review_tags",
	    "SELECT t.id, t.theme_id, th.name AS theme, t.response_id,"
	    " COALESCE(t.section_id::text, '') AS section_id,"
	    " COALESCE(t.question_id::text, '') AS question_id,"
	    " COALESCE(t.field, '') AS field, COALESCE(t.quote, '') AS quote,"
	    " COALESCE(t.prefix, '') AS prefix, COALESCE(t.suffix, '') AS suffix,"
	    " COALESCE(t.start_pos::text, '') AS start_pos,"
	    " COALESCE(t.end_pos::text, '') AS end_pos, t.version_id,"
	    " COALESCE(u.name, u.email, '') AS author,"
	    " iso_time_se(t.created_at) AS created"
	    " FROM tags t JOIN themes th ON th.id = t.theme_id"
	    " LEFT JOIN users u ON u.id = t.created_by"
	    " WHERE th.remiss_id = $1::bigint AND" IN_SECTION("t")
	    " ORDER BY t.response_id, t.start_pos NULLS FIRST, t.id", 2 },

	[STMT_REVIEW_NOTES] = { "review_notes",
	    "SELECT n.id, COALESCE(n.parent_id::text, '') AS parent_id,"
	    " COALESCE(r.response_id, 0) AS response_id,"
	    " COALESCE(r.section_id::text, '') AS section_id,"
	    " COALESCE(r.question_id::text, '') AS question_id,"
	    " COALESCE(r.field, '') AS field, COALESCE(r.quote, '') AS quote,"
	    " COALESCE(r.prefix, '') AS prefix, COALESCE(r.suffix, '') AS suffix,"
	    " COALESCE(r.start_pos::text, '') AS start_pos,"
	    " COALESCE(r.end_pos::text, '') AS end_pos, n.body,"
	    " COALESCE(u.name, u.email) AS author,"
	    " iso_time_se(n.created_at) AS created,"
	    " COALESCE(iso_time_se(r.resolved_at), '') AS resolved,"
	    " COALESCE(ru.name, ru.email, '') AS resolver"
	    " FROM annotations n"
	    " JOIN annotations r ON r.id = COALESCE(n.parent_id, n.id)"
	    " JOIN users u ON u.id = n.created_by"
	    " LEFT JOIN users ru ON ru.id = r.resolved_by"
	    " WHERE n.remiss_id = $1::bigint AND" IN_SECTION("r")
	    " ORDER BY r.response_id, r.id, n.parent_id NULLS FIRST, n.id", 2 },

	[STMT_REVIEW_READS] = { "review_reads",
	    "SELECT rd.response_id, COALESCE(u.name, u.email) AS reader,"
	    " u.id AS user_id"
	    " FROM answer_reads rd JOIN responses resp ON resp.id = rd.response_id"
	    " JOIN users u ON u.id = rd.user_id"
	    " WHERE resp.remiss_id = $1::bigint"
	    " AND rd.section_id IS NOT DISTINCT FROM $2::bigint"
	    " ORDER BY rd.response_id, rd.read_at", 2 },

	[STMT_THEME_LIST] = { "theme_list",
	    "SELECT th.id AS id, COALESCE(th.parent_id::text, '') AS parent_id,"
	    " th.name AS name, COALESCE(th.description, '') AS description,"
	    " (SELECT count(*) FROM tags t WHERE t.theme_id = th.id) AS n_tags,"
	    " (SELECT count(DISTINCT (t.response_id, t.section_id, t.question_id))"
	    "   FROM tags t WHERE t.theme_id = th.id) AS n_answers"
	    " FROM themes th LEFT JOIN themes p ON p.id = th.parent_id"
	    " WHERE th.remiss_id = $1::bigint"
	    " ORDER BY lower(COALESCE(p.name, th.name)), th.parent_id NULLS FIRST,"
	    " lower(th.name)", 1 },

	/* A parent is a theme of the same remiss, or there is no row. */
	[STMT_THEME_INSERT] = { "theme_insert",
	    "INSERT INTO themes (remiss_id, name, description, parent_id, created_by)"
	    " SELECT $1::bigint, $2, $3, $4::bigint, $5::bigint"
	    " WHERE $4::bigint IS NULL OR EXISTS (SELECT 1 FROM themes p"
	    "   WHERE p.id = $4::bigint AND p.remiss_id = $1::bigint)"
	    " RETURNING id", 5 },

	[STMT_THEME_UPDATE] = { "theme_update",
	    "UPDATE themes SET name = $3, description = $4, parent_id = $5::bigint,"
	    " updated_at = now()"
	    " WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " AND ($5::bigint IS NULL OR EXISTS (SELECT 1 FROM themes p"
	    "   WHERE p.id = $5::bigint AND p.remiss_id = $2::bigint))"
	    " RETURNING id", 5 },

	/* Resolves a theme within the remiss and holds it for the merge or
	 * delete that follows (no row: not a theme of this remiss). */
	[STMT_THEME_LOCK] = { "theme_lock",
	    "SELECT id FROM themes WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " FOR UPDATE", 2 },

	[STMT_THEME_TAGS_MOVE] = { "theme_tags_move",
	    "UPDATE tags t SET theme_id = $2::bigint"
	    " WHERE t.theme_id = $1::bigint"
	    " AND EXISTS (SELECT 1 FROM themes WHERE id = $1::bigint"
	    "   AND remiss_id = $3::bigint)"
	    " AND EXISTS (SELECT 1 FROM themes WHERE id = $2::bigint"
	    "   AND remiss_id = $3::bigint)"
	    " AND NOT (t.quote IS NULL AND EXISTS (SELECT 1 FROM tags u"
	    "   WHERE u.theme_id = $2::bigint AND u.quote IS NULL"
	    "   AND u.response_id = t.response_id"
	    "   AND u.section_id IS NOT DISTINCT FROM t.section_id"
	    "   AND u.question_id IS NOT DISTINCT FROM t.question_id))", 3 },

	[STMT_THEME_ORPHAN_CHILDREN] = { "theme_orphan_children",
	    "UPDATE themes SET parent_id = $2::bigint, updated_at = now()"
	    " WHERE parent_id = $1::bigint AND remiss_id = $3::bigint", 3 },

	[STMT_THEME_DELETE] = { "theme_delete",
	    "DELETE FROM themes WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " RETURNING name", 2 },

	/* Always one row: whether every id is of remiss $13 (the theme, the
	 * response with that version, the section or question), and the new
	 * tag's id, NULL when nothing was stored (not found, or a whole
	 * answer already tagged with the theme). */
	[STMT_TAG_INSERT] = { "tag_insert",
	    "WITH ok AS (SELECT"
	    "  EXISTS (SELECT 1 FROM themes WHERE id = $1::bigint"
	    "   AND remiss_id = $13::bigint)"
	    "  AND EXISTS (SELECT 1 FROM responses r JOIN response_versions v"
	    "   ON v.response_id = r.id WHERE r.id = $2::bigint"
	    "   AND r.remiss_id = $13::bigint AND v.id = $5::bigint)"
	    "  AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM sections"
	    "   WHERE id = $3::bigint AND remiss_id = $13::bigint))"
	    "  AND ($4::bigint IS NULL OR EXISTS (SELECT 1 FROM questions"
	    "   WHERE id = $4::bigint AND remiss_id = $13::bigint)) AS found),"
	    " ins AS (INSERT INTO tags (theme_id, response_id, section_id,"
	    "  question_id, version_id, field, quote, prefix, suffix, start_pos,"
	    "  end_pos, created_by)"
	    "  SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint,"
	    "  $6, $7, $8, $9, $10::int, $11::int, $12::bigint"
	    "  WHERE (SELECT found FROM ok)"
	    "  ON CONFLICT DO NOTHING RETURNING id)"
	    " SELECT (SELECT found FROM ok) AS found, (SELECT id FROM ins) AS id",
	    13 },

	[STMT_TAG_DELETE] = { "tag_delete",
	    "DELETE FROM tags t USING themes th WHERE t.id = $1::bigint"
	    " AND th.id = t.theme_id AND th.remiss_id = $2::bigint"
	    " RETURNING th.name", 2 },

	[STMT_NOTE_INSERT] = { "note_insert",
	    "INSERT INTO annotations (remiss_id, parent_id, response_id, section_id,"
	    " question_id, version_id, field, quote, prefix, suffix, start_pos,"
	    " end_pos, body, created_by)"
	    " SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint,"
	    " $6::bigint, $7, $8, $9, $10, $11::int, $12::int, $13, $14::bigint"
	    " WHERE ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM annotations"
	    "   WHERE id = $2::bigint AND remiss_id = $1::bigint AND parent_id IS NULL))"
	    " AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM responses r"
	    "   JOIN response_versions v ON v.response_id = r.id"
	    "   WHERE r.id = $3::bigint AND r.remiss_id = $1::bigint"
	    "   AND v.id = $6::bigint))"
	    " AND ($4::bigint IS NULL OR EXISTS (SELECT 1 FROM sections"
	    "   WHERE id = $4::bigint AND remiss_id = $1::bigint))"
	    " AND ($5::bigint IS NULL OR EXISTS (SELECT 1 FROM questions"
	    "   WHERE id = $5::bigint AND remiss_id = $1::bigint))"
	    " RETURNING id", 14 },

	[STMT_NOTE_RESOLVE] = { "note_resolve",
	    "UPDATE annotations SET resolved_by = $3::bigint,"
	    " resolved_at = CASE WHEN $3::bigint IS NULL THEN NULL ELSE now() END"
	    " WHERE id = $1::bigint AND remiss_id = $2::bigint AND parent_id IS NULL"
	    " RETURNING id", 3 },

	[STMT_NOTES_OPEN] = { "notes_open",
	    "SELECT n.id, o.name AS org, COALESCE(s.nr, qs.nr, '') AS nr,"
	    " COALESCE(s.heading, qs.heading, '') AS heading,"
	    " COALESCE(n.quote, '') AS quote, n.body,"
	    " COALESCE(u.name, u.email) AS author,"
	    " iso_time_se(n.created_at) AS created,"
	    " (SELECT count(*) FROM annotations c WHERE c.parent_id = n.id)"
	    "   AS replies"
	    " FROM annotations n"
	    " JOIN responses resp ON resp.id = n.response_id"
	    " JOIN organisations o ON o.id = resp.org_id"
	    " JOIN users u ON u.id = n.created_by"
	    " LEFT JOIN sections s ON s.id = n.section_id"
	    " LEFT JOIN questions q ON q.id = n.question_id"
	    " LEFT JOIN sections qs ON qs.id = q.section_id"
	    " WHERE n.remiss_id = $1::bigint AND n.parent_id IS NULL"
	    " AND n.resolved_at IS NULL ORDER BY n.created_at, n.id", 1 },

	[STMT_READ_MARK] = { "read_mark",
	    "INSERT INTO answer_reads (user_id, response_id, section_id, version_id)"
	    " SELECT $1::bigint, $2::bigint, $3::bigint, $4::bigint"
	    " WHERE EXISTS (SELECT 1 FROM responses r JOIN response_versions v"
	    "   ON v.response_id = r.id WHERE r.id = $2::bigint"
	    "   AND r.remiss_id = $5::bigint AND v.id = $4::bigint)"
	    " AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM sections"
	    "   WHERE id = $3::bigint AND remiss_id = $5::bigint))"
	    " ON CONFLICT (user_id, response_id, COALESCE(section_id, 0))"
	    " DO UPDATE SET version_id = EXCLUDED.version_id, read_at = now()"
	    " RETURNING response_id", 5 },

	[STMT_READ_UNMARK] = { "read_unmark",
	    "DELETE FROM answer_reads rd USING responses r"
	    " WHERE rd.user_id = $1::bigint AND rd.response_id = $2::bigint"
	    " AND rd.section_id IS NOT DISTINCT FROM $3::bigint"
	    " AND r.id = rd.response_id AND r.remiss_id = $4::bigint", 4 },

	/* Per section in one grouped pass over latest_answers (schema/014:
	 * one narrow row per section answer of each latest version, kept by
	 * triggers), so a million answers are one scan, not a search for every
	 * response's latest version. Reads, tags and annotations are joined as
	 * sets (one scan each), and the readers aggregated once per remiss. */
	[STMT_REVIEW_PROGRESS] = { "review_progress",
	    "WITH rd AS (SELECT DISTINCT x.response_id, x.section_id"
	    "  FROM answer_reads x JOIN responses r ON r.id = x.response_id"
	    "  WHERE r.remiss_id = $1::bigint AND x.section_id IS NOT NULL),"
	    " tg AS (SELECT DISTINCT t.response_id, t.section_id"
	    "  FROM tags t JOIN responses r ON r.id = t.response_id"
	    "  WHERE r.remiss_id = $1::bigint AND t.section_id IS NOT NULL),"
	    " nt AS (SELECT DISTINCT n.response_id, n.section_id"
	    "  FROM annotations n JOIN responses r ON r.id = n.response_id"
	    "  WHERE r.remiss_id = $1::bigint AND n.section_id IS NOT NULL),"
	    " who AS (SELECT x.section_id,"
	    "   string_agg(DISTINCT COALESCE(u.name, u.email), ', ') AS names"
	    "  FROM answer_reads x JOIN responses r ON r.id = x.response_id"
	    "  JOIN users u ON u.id = x.user_id"
	    "  WHERE r.remiss_id = $1::bigint AND x.section_id IS NOT NULL"
	    "  GROUP BY x.section_id),"
	    " c AS (SELECT l.section_id, l.position, o.kind,"
	    "   rd.response_id IS NOT NULL AS is_read,"
	    "   tg.response_id IS NOT NULL AS is_tagged,"
	    "   nt.response_id IS NOT NULL AS is_noted"
	    "  FROM latest_answers l JOIN organisations o ON o.id = l.org_id"
	    "  LEFT JOIN rd ON rd.response_id = l.response_id AND rd.section_id = l.section_id"
	    "  LEFT JOIN tg ON tg.response_id = l.response_id AND tg.section_id = l.section_id"
	    "  LEFT JOIN nt ON nt.response_id = l.response_id AND nt.section_id = l.section_id"
	    "  WHERE l.remiss_id = $1::bigint),"
	    /* Aggregated once, before the sections: joined to them first, a
	     * generic plan that expected one section ran c once per section. */
	    " agg AS MATERIALIZED (SELECT c.section_id, count(*) AS answered,"
	    "  count(*) FILTER (WHERE c.is_read) AS n_read,"
	    "  count(*) FILTER (WHERE c.is_tagged) AS n_tagged,"
	    "  count(*) FILTER (WHERE c.is_noted) AS n_noted,"
	    "  count(*) FILTER (WHERE ($2::text IS NULL OR c.kind = $2) AND c.position = $3) AS p1,"
	    "  count(*) FILTER (WHERE ($2::text IS NULL OR c.kind = $2) AND c.position = $4) AS p2,"
	    "  count(*) FILTER (WHERE ($2::text IS NULL OR c.kind = $2) AND c.position = $5) AS p3,"
	    "  count(*) FILTER (WHERE ($2::text IS NULL OR c.kind = $2) AND c.position = $6) AS p4"
	    "  FROM c GROUP BY c.section_id)"
	    " SELECT s.id AS section_id, COALESCE(agg.answered, 0) AS answered,"
	    " COALESCE(agg.n_read, 0) AS n_read,"
	    " COALESCE(agg.n_tagged, 0) AS n_tagged,"
	    " COALESCE(agg.n_noted, 0) AS n_noted,"
	    " COALESCE(who.names, '') AS readers, COALESCE(agg.p1, 0) AS p1,"
	    " COALESCE(agg.p2, 0) AS p2, COALESCE(agg.p3, 0) AS p3,"
	    " COALESCE(agg.p4, 0) AS p4"
	    " FROM sections s LEFT JOIN agg ON agg.section_id = s.id"
	    " LEFT JOIN who ON who.section_id = s.id"
	    " WHERE s.remiss_id = $1::bigint AND s.removed_at IS NULL"
	    " ORDER BY s.position, s.id", 6 },

	[STMT_THEME_PROGRESS] = { "theme_progress",
	    "SELECT th.id,"
	    " count(DISTINCT (t.response_id, t.section_id, t.question_id)),"
	    " count(DISTINCT resp.org_id), count(t.quote)"
	    " FROM themes th LEFT JOIN tags t ON t.theme_id = th.id"
	    " LEFT JOIN responses resp ON resp.id = t.response_id"
	    " WHERE th.remiss_id = $1::bigint GROUP BY th.id", 1 },

	/* Full-text search, with word parts (schema/016: search_query). An
	 * organisation's answer to a section is its answer to the section and to
	 * the section's questions, as the section view shows it. The answers that
	 * match are found one by one through the index and ranked by the widened
	 * query plus the query as typed (the words themselves before words that
	 * only contain them) from their stored tsvectors; a hit is the best of an
	 * organisation's answers to a section. Texts are joined and ts_headline
	 * run for the 200 shown only. */
	[STMT_REVIEW_SEARCH] = { "review_search",
	    "WITH q AS MATERIALIZED (SELECT search_query($1::bigint, $2) AS q,"
	    "  websearch_to_tsquery('swedish'::regconfig, $2) AS typed),"
	    " found AS ("
	    "  SELECT resp.id AS response_id, v.id AS version_id,"
	    "   COALESCE(a.section_id, qn.section_id) AS section_id, a.id,"
	    "   ts_rank(t.v, q.q) + ts_rank(t.v, q.typed) AS rank"
	    "  FROM responses resp"
	    "  JOIN LATERAL (SELECT id FROM response_versions"
	    "    WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true"
	    "  JOIN answers a ON a.version_id = v.id"
	    "  LEFT JOIN questions qn ON qn.id = a.question_id, q,"
	    "  LATERAL (SELECT a.search_tsv AS v) t"
	    "  WHERE resp.remiss_id = $1::bigint AND a.search_tsv @@ q.q),"
	    " hits AS ("
	    "  SELECT f.response_id, f.section_id, max(f.rank) AS rank,"
	    "   array_agg(f.id) AS ids, NULL AS summary,"
	    "   (SELECT sa.position FROM answers sa WHERE sa.version_id = f.version_id"
	    "    AND sa.section_id = f.section_id) AS position"
	    "  FROM found f WHERE f.section_id IS NOT NULL"
	    "  GROUP BY f.response_id, f.version_id, f.section_id"
	    "  UNION ALL"
	    "  SELECT resp.id, NULL, ts_rank(t.v, q.q) + ts_rank(t.v, q.typed), NULL,"
	    "   v.summary, v.position"
	    "  FROM responses resp"
	    "  JOIN LATERAL (SELECT summary, position FROM response_versions"
	    "    WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true, q,"
	    "  LATERAL (SELECT to_tsvector('swedish'::regconfig,"
	    "   COALESCE(v.summary, '')) AS v OFFSET 0) t"
	    "  WHERE resp.remiss_id = $1::bigint AND t.v @@ q.q),"
	    " top AS ("
	    "  SELECT h.section_id, h.rank, h.ids, h.summary, o.name AS org,"
	    "   o.id AS org_id, COALESCE(s.position, -1) AS ord, s.nr, s.heading"
	    "  FROM hits h JOIN responses resp ON resp.id = h.response_id"
	    "  JOIN organisations o ON o.id = resp.org_id"
	    "  LEFT JOIN sections s ON s.id = h.section_id"
	    "  WHERE ($3::text IS NULL OR h.position = $3)"
	    "  AND ($4::text IS NULL OR o.kind = $4)"
	    "  AND ($5::bigint IS NULL OR" TAGGED_WITH("$5::bigint", "h.response_id",
	    "h.section_id") ")"
	    "  ORDER BY h.rank DESC, 7, o.name LIMIT 200)"
	    " SELECT t.org, COALESCE(t.nr, '') AS nr,"
	    " COALESCE(t.heading, 'Sammanfattning') AS heading,"
	    " ts_headline('swedish'::regconfig, b.body, q.q, 'StartSel=\x01, StopSel=\x02,"
	    "   MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"')"
	    "   AS snippet,"
	    " t.rank, t.org_id"
	    " FROM top t, q, LATERAL (SELECT COALESCE(t.summary, (SELECT"
	    "   string_agg(" ANSWER_TEXT("a") ", E'\n' ORDER BY a.ord) FROM answers a"
	    "   WHERE a.id = ANY (t.ids))) AS body) b"
	    " ORDER BY t.rank DESC, t.ord, t.org", 5 },

	[STMT_REVIEW_ANSWER_ONE] = { "review_answer_one",
	    "SELECT v.id AS version_id, COALESCE(a.comment, '') AS kommentar,"
	    " COALESCE(a.proposed_wording, '') AS forslag,"
	    " COALESCE(a.consequence_region, '') AS konsekvens_region,"
	    " COALESCE(a.consequence_kommun, '') AS konsekvens_kommun,"
	    " COALESCE(a.short_term, '') AS kortsiktigt,"
	    " COALESCE(a.long_term, '') AS langsiktigt,"
	    " COALESCE(v.summary, '') AS sammanfattning"
	    " FROM responses resp"
	    " JOIN LATERAL (SELECT id, summary FROM response_versions"
	    "   WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true"
	    " LEFT JOIN answers a ON a.version_id = v.id"
	    "   AND (a.section_id = $3::bigint OR a.question_id = $4::bigint)"
	    " WHERE resp.id = $1::bigint AND resp.remiss_id = $2::bigint"
	    " AND (($3::bigint IS NULL AND $4::bigint IS NULL) OR a.id IS NOT NULL)",
	    4 },
	[STMT_VERIFY_SNAPSHOT] = { "verify_snapshot",
	    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", 0 },

	[STMT_VERIFY_VERSIONS] = { "verify_versions",
	    "SELECT v.id, v.receipt_number, v.sha256, v.version, v.response_id,"
	    " (SELECT count(*) FROM audit_log a WHERE a.action = 'response.submit'"
	    "  AND a.object_type = 'response_version'"
	    "  AND a.object_id = v.id::text) AS audits,"
	    " COALESCE(s.sha256, '') AS audit_sha256,"
	    " COALESCE(s.receipt, '') AS audit_receipt"
	    " FROM response_versions v"
	    " LEFT JOIN LATERAL (SELECT a.detail->>'sha256' AS sha256,"
	    "  a.detail->>'receipt' AS receipt FROM audit_log a"
	    "  WHERE a.action = 'response.submit'"
	    "  AND a.object_type = 'response_version'"
	    "  AND a.object_id = v.id::text ORDER BY a.id LIMIT 1) s ON true"
	    " ORDER BY v.id", 0 },

	[STMT_VERIFY_VERSION_XML] = { "verify_version_xml",
	    "SELECT canonical_xml FROM response_versions WHERE id = $1::bigint",
	    1 },

	[STMT_VERIFY_ORPHAN_AUDITS] = { "verify_orphan_audits",
	    "SELECT a.object_id, COALESCE(a.detail->>'receipt', '') AS receipt"
	    " FROM audit_log a WHERE a.action = 'response.submit'"
	    " AND a.object_type = 'response_version'"
	    " AND NOT EXISTS (SELECT 1 FROM response_versions v"
	    "  WHERE v.id::text = a.object_id)"
	    " ORDER BY a.id", 0 },

	[STMT_VERIFY_VERSION_GAPS] = { "verify_version_gaps",
	    "SELECT response_id, count(*) AS stored, max(version) AS highest"
	    " FROM response_versions"
	    " GROUP BY response_id HAVING count(*) <> max(version)"
	    " ORDER BY response_id", 0 },

	/* Receipt numbers (schema/018): the position the next number would
	 * take, the clock's, and the highest position given out, in the
	 * versions or in the audit log's receipts (whose version may be gone),
	 * with that number; and the sequence's own position. */
	[STMT_VERIFY_RECEIPT_SEQ] = { "verify_receipt_seq",
	    "WITH given AS (SELECT receipt_number AS n FROM response_versions"
	    "  UNION ALL SELECT detail->>'receipt' FROM audit_log"
	    "  WHERE action = 'response.submit'"
	    "  AND detail->>'receipt' ~ '^[0-9]{4}-[0-9]{6,12}$'),"
	    " seq AS (SELECT last_value, is_called FROM response_receipt_seq),"
	    " top AS (SELECT n, receipt_position(n) AS p FROM given"
	    "  ORDER BY 2 DESC LIMIT 1)"
	    " SELECT greatest((SELECT CASE WHEN is_called THEN last_value + 1"
	    "  ELSE last_value END FROM seq), receipt_clock(now())) AS next_pos,"
	    " receipt_clock(now()) AS clock_pos,"
	    " COALESCE((SELECT p FROM top), 0) AS high_pos,"
	    " COALESCE((SELECT n FROM top), '') AS high_number,"
	    " (SELECT last_value FROM seq) AS last_pos,"
	    " iso_time_se(to_timestamp(greatest((SELECT p FROM top),"
	    "  (SELECT last_value FROM seq)) / 100.0)) AS safe_from", 0 },

	[STMT_VERIFY_ATTACHMENTS] = { "verify_attachments",
	    "SELECT id, version_id, ord, filename, size, sha256 FROM attachments"
	    " ORDER BY id", 0 },

	[STMT_VERIFY_ATTACHMENT_BYTES] = { "verify_attachment_bytes",
	    "SELECT encode(bytes, 'hex') AS hex FROM attachments"
	    " WHERE id = $1::bigint",
	    1 },
	[STMT_REMISS_LOCK_GET] = { "remiss_lock_get",
	    "SELECT id, edit_version, status FROM remiss WHERE slug = $1::text", 1 },

	[STMT_REMISS_BUMP] = { "remiss_bump",
	    "UPDATE remiss SET edit_version = edit_version + 1, updated_at = now()"
	    " WHERE id = $1::bigint AND edit_version = $2::int"
	    " RETURNING edit_version", 2 },

	[STMT_REMISS_INSERT] = { "remiss_insert",
	    "INSERT INTO remiss (slug, title, sender, diarienummer, description,"
	    " opens, closes, status)"
	    " VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8)"
	    " ON CONFLICT (slug) DO NOTHING"
	    " RETURNING id", 8 },

	[STMT_REMISS_UPDATE_FIELDS] = { "remiss_update_fields",
	    "UPDATE remiss SET title = $2, sender = $3, diarienummer = $4,"
	    " description = $5, opens = $6::date, closes = $7::date,"
	    " updated_at = now()"
	    " WHERE id = $1::bigint RETURNING slug", 7 },

	[STMT_SECTION_GET] = { "section_get",
	    "SELECT nr, heading, body FROM sections"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL", 2 },

	/* As section_upsert, but a live section with the nr is left alone and
	 * the new one goes last. */
	[STMT_SECTION_ADD] = { "section_add",
	    "WITH taken AS ("
	    "  SELECT 1 FROM sections WHERE remiss_id = $1::bigint AND nr = $2"
	    "  AND removed_at IS NULL),"
	    " next AS ("
	    "  SELECT COALESCE(max(position) + 1, 0) AS pos FROM sections"
	    "  WHERE remiss_id = $1::bigint AND removed_at IS NULL),"
	    " revived AS ("
	    "  UPDATE sections SET heading = $3, body = $4,"
	    "   position = (SELECT pos FROM next), removed_at = NULL,"
	    "   updated_at = now()"
	    "  WHERE id = (SELECT s.id FROM sections s WHERE s.remiss_id = $1::bigint"
	    "   AND s.nr = $2 AND s.removed_at IS NOT NULL"
	    "   ORDER BY s.removed_at DESC, s.id DESC LIMIT 1)"
	    "  AND NOT EXISTS (SELECT 1 FROM taken)"
	    "  RETURNING id),"
	    " added AS ("
	    "  INSERT INTO sections (remiss_id, nr, heading, body, position)"
	    "  SELECT $1::bigint, $2, $3, $4, (SELECT pos FROM next)"
	    "  WHERE NOT EXISTS (SELECT 1 FROM taken)"
	    "  AND NOT EXISTS (SELECT 1 FROM revived)"
	    "  RETURNING id)"
	    " SELECT id FROM revived UNION ALL SELECT id FROM added", 4 },

	[STMT_SECTION_SAVE] = { "section_save",
	    "UPDATE sections SET nr = $3, heading = $4, body = $5,"
	    " position = COALESCE($6::int, position), updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL RETURNING id", 6 },

	[STMT_SECTION_ORDER] = { "section_order",
	    "UPDATE sections s SET position = u.ord - 1, updated_at = now()"
	    " FROM unnest($2::bigint[]) WITH ORDINALITY AS u(id, ord)"
	    " WHERE s.id = u.id AND s.remiss_id = $1::bigint"
	    " AND s.removed_at IS NULL AND s.position <> u.ord - 1", 2 },

	[STMT_SECTION_RETIRE] = { "section_retire",
	    "WITH q AS ("
	    "  UPDATE questions SET removed_at = now(), updated_at = now()"
	    "  WHERE remiss_id = $1::bigint AND section_id = $2::bigint"
	    "  AND removed_at IS NULL RETURNING id)"
	    " UPDATE sections SET removed_at = now(), updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL"
	    " AND (SELECT count(*) FROM q) >= 0"
	    " RETURNING nr", 2 },

	/* "0.tmp.ID" passes the nr CHECK and is no number anyone writes. */
	[STMT_SECTION_NR_TEMP] = { "section_nr_temp",
	    "UPDATE sections SET nr = '0.tmp.' || id::text"
	    " WHERE remiss_id = $1::bigint AND id = ANY ($2::bigint[])"
	    " AND removed_at IS NULL", 2 },

	[STMT_QUESTION_GET] = { "question_get",
	    "SELECT qid, kind, text, COALESCE(section_id::text, '') AS section_id"
	    " FROM questions"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL", 2 },

	[STMT_QUESTION_ADD] = { "question_add",
	    "INSERT INTO questions (remiss_id, section_id, qid, kind, text, position)"
	    " VALUES ($1::bigint, $2::bigint, $3, $4, $5,"
	    "  (SELECT COALESCE(max(position) + 1, 0) FROM questions"
	    "   WHERE remiss_id = $1::bigint))"
	    " ON CONFLICT (remiss_id, qid) DO UPDATE SET"
	    " section_id = EXCLUDED.section_id, kind = EXCLUDED.kind,"
	    " text = EXCLUDED.text, position = EXCLUDED.position,"
	    " removed_at = NULL, updated_at = now()"
	    " WHERE questions.removed_at IS NOT NULL"
	    " RETURNING id", 5 },

	[STMT_QUESTION_SAVE] = { "question_save",
	    "UPDATE questions SET qid = $3, kind = $4, text = $5, updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL RETURNING id", 5 },

	[STMT_QUESTION_RETIRE] = { "question_retire",
	    "UPDATE questions SET removed_at = now(), updated_at = now()"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL RETURNING qid", 2 },

	/* EXISTS, not counts: the editor page asks for every section at once. */
	[STMT_ANSWERED_FLAGS] = { "answered_flags",
	    "SELECT 's' AS kind, s.id,"
	    " EXISTS (SELECT 1 FROM answers a WHERE a.section_id = s.id)"
	    "  OR EXISTS (SELECT 1 FROM answers a JOIN questions q"
	    "   ON q.id = a.question_id WHERE q.section_id = s.id"
	    "   AND q.removed_at IS NULL) AS submitted,"
	    " EXISTS (SELECT 1 FROM draft_answers d WHERE d.section_id = s.id)"
	    "  OR EXISTS (SELECT 1 FROM draft_answers d JOIN questions q"
	    "   ON q.id = d.question_id WHERE q.section_id = s.id"
	    "   AND q.removed_at IS NULL) AS draft"
	    " FROM sections s WHERE s.remiss_id = $1::bigint"
	    " AND s.removed_at IS NULL"
	    " UNION ALL"
	    " SELECT 'q', q.id,"
	    " EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id),"
	    " EXISTS (SELECT 1 FROM draft_answers d WHERE d.question_id = q.id)"
	    " FROM questions q WHERE q.remiss_id = $1::bigint"
	    " AND q.removed_at IS NULL", 1 },

	[STMT_SECTIONS_ANSWERED] = { "sections_answered",
	    "SELECT s.id, s.nr, s.heading, x.sub, x.dra FROM sections s"
	    " CROSS JOIN LATERAL (SELECT"
	    "  (SELECT count(DISTINCT v.response_id) FROM answers a"
	    "   JOIN response_versions v ON v.id = a.version_id"
	    "   WHERE a.section_id = s.id) AS sub,"
	    "  (SELECT count(DISTINCT d.response_id) FROM draft_answers d"
	    "   WHERE d.section_id = s.id) AS dra) x"
	    " WHERE s.remiss_id = $1::bigint AND s.id = ANY ($2::bigint[])"
	    " AND (x.sub > 0 OR x.dra > 0)"
	    " ORDER BY s.position, s.id", 2 },

	[STMT_QUESTIONS_ANSWERED] = { "questions_answered",
	    "SELECT q.id, q.qid, x.sub, x.dra FROM questions q"
	    " CROSS JOIN LATERAL (SELECT"
	    "  (SELECT count(DISTINCT v.response_id) FROM answers a"
	    "   JOIN response_versions v ON v.id = a.version_id"
	    "   WHERE a.question_id = q.id) AS sub,"
	    "  (SELECT count(DISTINCT d.response_id) FROM draft_answers d"
	    "   WHERE d.question_id = q.id) AS dra) x"
	    " WHERE q.remiss_id = $1::bigint AND q.id = ANY ($2::bigint[])"
	    " AND (x.sub > 0 OR x.dra > 0)"
	    " ORDER BY q.position, q.id", 2 },

	/* SHARE mode waits for writers in flight and holds new ones off. */
	[STMT_LOCK_ANSWERS] = { "lock_answers",
	    "LOCK TABLE answers, draft_answers IN SHARE MODE", 0 },

	[STMT_ANALYSIS_TEXTS] = { "analysis_texts",
	    "SELECT a.id AS answer_id, a.section_id AS section_id, o.id AS org_id,"
	    " o.name AS org_name, " ANSWER_TEXT("a") " AS body"
	    " FROM responses resp JOIN organisations o ON o.id = resp.org_id"
	    " JOIN LATERAL (SELECT id FROM response_versions"
	    "   WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true"
	    " JOIN answers a ON a.version_id = v.id AND a.section_id IS NOT NULL"
	    " WHERE resp.remiss_id = $1::bigint AND " ANSWER_TEXT("a") " <> ''"
	    " ORDER BY a.id", 1 },

	[STMT_ANALYSIS_TARGETS] = { "analysis_targets",
	    "SELECT a.id AS answer_id, resp.id AS response_id,"
	    " COALESCE(a.section_id::text, '') AS section_id,"
	    " COALESCE(a.question_id::text, '') AS question_id, v.id AS version_id"
	    " FROM responses resp"
	    " JOIN LATERAL (SELECT id FROM response_versions"
	    "   WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true"
	    " JOIN answers a ON a.version_id = v.id"
	    " WHERE resp.remiss_id = $1::bigint AND a.id = ANY ($2::bigint[])"
	    " ORDER BY a.id", 2 },

	[STMT_ANALYSIS_THEMED] = { "analysis_themed",
	    "SELECT DISTINCT th.id AS theme_id, th.name AS theme_name,"
	    " a.id AS answer_id"
	    " FROM themes th JOIN tags t ON t.theme_id = th.id"
	    " JOIN responses resp ON resp.id = t.response_id"
	    " JOIN LATERAL (SELECT id FROM response_versions"
	    "   WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v ON true"
	    " JOIN answers a ON a.version_id = v.id AND a.section_id = t.section_id"
	    " WHERE th.remiss_id = $1::bigint AND t.section_id = $2::bigint"
	    " ORDER BY th.name, th.id, a.id", 2 },
	/* Publication and redactions (schema/008_publication.sql). */
	[STMT_PUBLICATION_GET] = { "publication_get",
	    "SELECT iso_time_se(p.published_at) AS published_at,"
	    " COALESCE(u.name, u.email) AS published_by"
	    " FROM publications p JOIN users u ON u.id = p.published_by"
	    " WHERE p.remiss_id = $1::bigint", 1 },

	[STMT_PUBLICATION_INSERT] = { "publication_insert",
	    "INSERT INTO publications (remiss_id, published_by)"
	    " VALUES ($1::bigint, $2::bigint)"
	    " ON CONFLICT (remiss_id) DO UPDATE SET published_at = now(),"
	    " published_by = EXCLUDED.published_by RETURNING remiss_id", 2 },

	[STMT_PUBLICATION_DELETE] = { "publication_delete",
	    "DELETE FROM publications WHERE remiss_id = $1::bigint"
	    " RETURNING remiss_id", 1 },

	[STMT_REDACTION_INSERT] = { "redaction_insert",
	    "INSERT INTO redactions (version_id, passage, attachment_ord,"
	    " legal_ground, created_by, field, prefix, suffix, start_char,"
	    " end_char, replacement_name, replacement_type, replacement,"
	    " replacement_sha256)"
	    " SELECT v.id, $3::text, $4::int, $5::text, $6::bigint, $7::text,"
	    " $8::text, $9::text, $10::int, $11::int, $12::text, $13::text,"
	    " b.bytes, encode(sha256(b.bytes), 'hex')"
	    " FROM response_versions v JOIN responses r ON r.id = v.response_id"
	    " CROSS JOIN (SELECT decode($14::text, 'hex') AS bytes) b"
	    " WHERE v.id = $1::bigint AND r.remiss_id = $2::bigint"
	    " RETURNING id", 14 },

	[STMT_REDACTIONS_LIST] = { "redactions_list",
	    "SELECT x.id, x.version_id, o.name AS org_name, v.version,"
	    " COALESCE(x.passage, '') AS passage,"
	    " COALESCE(x.attachment_ord::text, '') AS attachment_ord,"
	    " COALESCE(a.filename, '') AS filename, x.legal_ground,"
	    " iso_time_se(x.created_at) AS created_at,"
	    " COALESCE(u.name, u.email) AS created_by,"
	    " COALESCE(iso_time_se(w.withdrawn_at), '') AS withdrawn_at,"
	    " COALESCE(wu.name, wu.email, '') AS withdrawn_by,"
	    " COALESCE(w.reason, '') AS reason,"
	    " COALESCE(x.field, '') AS field, COALESCE(x.prefix, '') AS prefix,"
	    " COALESCE(x.suffix, '') AS suffix,"
	    " COALESCE(x.start_char::text, '') AS start_char,"
	    " COALESCE(x.end_char::text, '') AS end_char,"
	    " COALESCE(x.replacement_name, '') AS replacement_name,"
	    " COALESCE(x.replacement_type, '') AS replacement_type,"
	    " COALESCE(octet_length(x.replacement)::text, '') AS replacement_size"
	    " FROM redactions x"
	    " JOIN response_versions v ON v.id = x.version_id"
	    " JOIN responses r ON r.id = v.response_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " JOIN users u ON u.id = x.created_by"
	    " LEFT JOIN attachments a ON a.version_id = x.version_id"
	    "   AND a.ord = x.attachment_ord"
	    " LEFT JOIN redaction_withdrawals w ON w.redaction_id = x.id"
	    " LEFT JOIN users wu ON wu.id = w.withdrawn_by"
	    " WHERE r.remiss_id = $1::bigint ORDER BY o.name, x.id", 1 },

	/* schema/015_redaction_spans.sql */
	[STMT_REDACTION_REPLACEMENT] = { "redaction_replacement",
	    "SELECT x.replacement_name AS filename,"
	    " x.replacement_type AS media_type,"
	    " encode(x.replacement, 'hex') AS hex"
	    " FROM redactions x"
	    " WHERE x.id = $1::bigint AND x.version_id = $2::bigint"
	    " AND x.replacement IS NOT NULL AND NOT EXISTS (SELECT 1"
	    "   FROM redaction_withdrawals w WHERE w.redaction_id = x.id)", 2 },

	[STMT_PUBLIC_ORGS] = { "public_orgs",
	    "SELECT o.id AS org_id, o.name AS org_name,"
	    " COALESCE(resp.id::text, '') AS response_id,"
	    " COALESCE(v.id::text, '') AS latest_version,"
	    " COALESCE(pv.version_id::text, '') AS pinned_version"
	    " FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    " LEFT JOIN responses resp ON resp.remiss_id = i.remiss_id"
	    "   AND resp.org_id = i.org_id"
	    LATEST_VERSION("resp.id")
	    " LEFT JOIN publication_versions pv ON pv.remiss_id = i.remiss_id"
	    "   AND pv.response_id = resp.id"
	    " WHERE i.remiss_id = $1::bigint ORDER BY o.name, o.id", 1 },

	[STMT_PUBLICATION_PIN] = { "publication_pin",
	    "INSERT INTO publication_versions (remiss_id, response_id, version_id)"
	    " SELECT $1::bigint, v.response_id, v.id"
	    " FROM response_versions v JOIN responses r ON r.id = v.response_id"
	    " WHERE r.remiss_id = $1::bigint AND v.id = ANY ($2::bigint[])"
	    " ON CONFLICT (remiss_id, response_id)"
	    " DO UPDATE SET version_id = EXCLUDED.version_id"
	    " RETURNING version_id", 2 },

	/* schema/012_redaction_withdrawals.sql */
	[STMT_REDACTION_WITHDRAW] = { "redaction_withdraw",
	    "WITH t AS (SELECT x.id, x.version_id, COALESCE(x.passage, '') AS p,"
	    "   COALESCE(x.attachment_ord::text, '') AS o, x.legal_ground AS g"
	    "   FROM redactions x"
	    "   JOIN response_versions v ON v.id = x.version_id"
	    "   JOIN responses r ON r.id = v.response_id"
	    "   WHERE x.id = $1::bigint AND r.remiss_id = $2::bigint),"
	    " ins AS (INSERT INTO redaction_withdrawals (redaction_id, reason,"
	    "   withdrawn_by) SELECT t.id, $3::text, $4::bigint FROM t"
	    "   ON CONFLICT (redaction_id) DO NOTHING RETURNING redaction_id)"
	    " SELECT t.id, t.version_id, t.p AS passage, t.o AS attachment_ord,"
	    " t.g AS legal_ground"
	    " FROM t JOIN ins ON ins.redaction_id = t.id", 4 },

	[STMT_REDACTION_WITHDRAWN] = { "redaction_withdrawn",
	    "SELECT COALESCE(iso_time_se(w.withdrawn_at), '') AS withdrawn_at,"
	    " COALESCE(u.name, u.email, '') AS withdrawn_by"
	    " FROM redactions x"
	    " JOIN response_versions v ON v.id = x.version_id"
	    " JOIN responses r ON r.id = v.response_id"
	    " LEFT JOIN redaction_withdrawals w ON w.redaction_id = x.id"
	    " LEFT JOIN users u ON u.id = w.withdrawn_by"
	    " WHERE x.id = $1::bigint AND r.remiss_id = $2::bigint", 2 },

	[STMT_ARCHIVE_VERSIONS] = { "archive_versions",
	    "SELECT v.id, o.name, v.version, v.receipt_number,"
	    " iso_time_se(v.received_at) AS received_at, v.sha256,"
	    " v.canonical_xml, v.channel,"
	    " COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), '') AS arrived_on"
	    " FROM response_versions v JOIN responses r ON r.id = v.response_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " WHERE r.remiss_id = $1::bigint ORDER BY o.name, v.version", 1 },
	/* Exports: the latest submitted version of each response. */
#define EXPORT_LATEST(resp) \
	" JOIN LATERAL (SELECT id, version, received_at, receipt_number," \
	"   position, canonical_xml FROM response_versions" \
	"   WHERE response_id = " resp " ORDER BY version DESC LIMIT 1) v ON true"

	[STMT_EXPORT_ORGS] = { "export_orgs",
	    "SELECT o.id, o.name, o.kind, COALESCE(o.orgnr, '') AS orgnr,"
	    " COALESCE(v.id::text, '') AS version_id,"
	    " COALESCE(v.version::text, '') AS version,"
	    " COALESCE(iso_time_se(v.received_at), '') AS received,"
	    " COALESCE(v.receipt_number, '') AS receipt,"
	    " COALESCE(v.position, '') AS position,"
	    " COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), '') AS arrived"
	    " FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    " LEFT JOIN responses resp ON resp.remiss_id = i.remiss_id"
	    "   AND resp.org_id = i.org_id"
	    " LEFT JOIN LATERAL (SELECT id, version, received_at, receipt_number,"
	    "   position, arrived_on FROM response_versions"
	    "   WHERE response_id = resp.id"
	    "   ORDER BY version DESC LIMIT 1) v ON true"
	    " WHERE i.remiss_id = $1::bigint ORDER BY o.name", 1 },

	[STMT_EXPORT_COUNTS] = { "export_counts",
	    "SELECT s.id, s.nr, s.heading,"
	    " count(x.position) FILTER (WHERE x.position = 'tillstyrker')"
	    "  AS tillstyrker,"
	    " count(x.position) FILTER (WHERE x.position = 'tillstyrker-med-andringar')"
	    "  AS tillstyrker_med_andringar,"
	    " count(x.position) FILTER (WHERE x.position = 'avstyrker')"
	    "  AS avstyrker,"
	    " count(x.position) FILTER (WHERE x.position = 'inga-synpunkter')"
	    "  AS inga_synpunkter"
	    " FROM sections s LEFT JOIN (SELECT a.section_id, a.position"
	    "   FROM responses resp" EXPORT_LATEST("resp.id")
	    "   JOIN answers a ON a.version_id = v.id AND a.section_id IS NOT NULL"
	    "   WHERE resp.remiss_id = $1::bigint) x ON x.section_id = s.id"
	    " WHERE s.remiss_id = $1::bigint AND s.removed_at IS NULL"
	    " GROUP BY s.id ORDER BY s.position, s.id", 1 },

	[STMT_EXPORT_ANSWERS] = { "export_answers",
	    "SELECT resp.org_id, COALESCE(a.position, '') AS position,"
	    " COALESCE(a.comment, '') AS comment,"
	    " COALESCE(a.proposed_wording, '') AS wording,"
	    " COALESCE(a.consequence_region, '') AS cons_region,"
	    " COALESCE(a.consequence_kommun, '') AS cons_kommun,"
	    " COALESCE(a.short_term, '') AS short_term,"
	    " COALESCE(a.long_term, '') AS long_term,"
	    " COALESCE((SELECT string_agg(DISTINCT th.name, '; ')"
	    "   FROM tags t JOIN themes th ON th.id = t.theme_id"
	    "   WHERE t.response_id = resp.id AND t.section_id = $2::bigint), '')"
	    "  AS themes"
	    " FROM responses resp JOIN organisations o ON o.id = resp.org_id"
	    EXPORT_LATEST("resp.id")
	    " JOIN answers a ON a.version_id = v.id AND a.section_id = $2::bigint"
	    " WHERE resp.remiss_id = $1::bigint ORDER BY o.name", 2 },

	[STMT_EXPORT_MARKS] = { "export_marks",
	    "SELECT o.name AS org, th.name AS theme, COALESCE(t.quote, '') AS quote,"
	    " COALESCE(t.start_pos::text, '') AS start_pos,"
	    " COALESCE(t.end_pos::text, '') AS end_pos, '' AS note,"
	    " COALESCE(u.name, u.email, '') AS author,"
	    " iso_time_se(t.created_at) AS created,"
	    " t.created_at AS at"
	    " FROM tags t JOIN themes th ON th.id = t.theme_id"
	    " JOIN responses resp ON resp.id = t.response_id"
	    " JOIN organisations o ON o.id = resp.org_id"
	    " LEFT JOIN users u ON u.id = t.created_by"
	    " WHERE th.remiss_id = $1::bigint AND t.question_id IS NULL"
	    " AND t.section_id IS NOT DISTINCT FROM $2::bigint"
	    " UNION ALL"
	    " SELECT o.name, '', COALESCE(r.quote, ''),"
	    " COALESCE(r.start_pos::text, ''), COALESCE(r.end_pos::text, ''), n.body,"
	    " COALESCE(u.name, u.email), iso_time_se(n.created_at), n.created_at"
	    " FROM annotations n JOIN annotations r ON r.id = COALESCE(n.parent_id, n.id)"
	    " JOIN responses resp ON resp.id = r.response_id"
	    " JOIN organisations o ON o.id = resp.org_id"
	    " JOIN users u ON u.id = n.created_by"
	    " WHERE n.remiss_id = $1::bigint AND r.question_id IS NULL"
	    " AND r.section_id IS NOT DISTINCT FROM $2::bigint"
	    " ORDER BY 1, 9", 2 },

	[STMT_EXPORT_VERSION_XMLS] = { "export_version_xmls",
	    "SELECT o.name, v.canonical_xml"
	    " FROM responses resp JOIN organisations o ON o.id = resp.org_id"
	    EXPORT_LATEST("resp.id")
	    " WHERE resp.remiss_id = $1::bigint AND o.name > $2::text"
	    " ORDER BY o.name LIMIT 20", 2 },
#undef EXPORT_LATEST

	/* Summaries. */
#define SUMMARY_OF \
	" s.remiss_id = $1::bigint AND s.section_id IS NOT DISTINCT FROM" \
	" $2::bigint AND s.theme_id IS NOT DISTINCT FROM $3::bigint"

	[STMT_SUMMARY_CURRENT] = { "summary_current",
	    "SELECT v.id, v.version, v.body, v.generated,"
	    " COALESCE(u.name, u.email) AS author,"
	    " iso_time_se(v.created_at) AS created"
	    " FROM summaries s JOIN summary_versions v ON v.summary_id = s.id"
	    " JOIN users u ON u.id = v.created_by"
	    " WHERE" SUMMARY_OF " ORDER BY v.version DESC LIMIT 1", 3 },

	/* A new summary row is made on the first save; a save that does
	 * not start from the current version inserts nothing (or, racing
	 * another, fails on the unique version: 409 either way). */
	[STMT_SUMMARY_SAVE] = { "summary_save",
	    "WITH made AS (INSERT INTO summaries (remiss_id, section_id, theme_id)"
	    "  SELECT $1::bigint, $2::bigint, $3::bigint WHERE NOT EXISTS"
	    "  (SELECT 1 FROM summaries s WHERE" SUMMARY_OF ")"
	    "  ON CONFLICT DO NOTHING RETURNING id),"
	    " sid AS (SELECT id FROM made UNION ALL SELECT s.id FROM summaries s"
	    "  WHERE" SUMMARY_OF "),"
	    " cur AS (SELECT (SELECT id FROM sid LIMIT 1) AS id,"
	    "  COALESCE((SELECT max(version) FROM summary_versions"
	    "  WHERE summary_id = (SELECT id FROM sid LIMIT 1)), 0) AS n)"
	    " INSERT INTO summary_versions (summary_id, version, body, generated,"
	    "  created_by)"
	    " SELECT cur.id, cur.n + 1, $5, $6::boolean, $7::bigint FROM cur"
	    " WHERE cur.n = $4::int AND cur.id IS NOT NULL"
	    " RETURNING id, version", 7 },

	[STMT_SUMMARY_REF_ADD] = { "summary_ref_add",
	    "INSERT INTO summary_refs (version_id, response_id, section_id)"
	    " SELECT $1::bigint, r.id, $3::bigint FROM responses r"
	    " WHERE r.id = $2::bigint AND r.remiss_id = $4::bigint"
	    " ON CONFLICT DO NOTHING RETURNING response_id", 4 },

	[STMT_SUMMARY_VERSIONS] = { "summary_versions",
	    "SELECT v.id, v.version, v.body, v.generated,"
	    " COALESCE(u.name, u.email) AS author,"
	    " iso_time_se(v.created_at) AS created"
	    " FROM summaries s JOIN summary_versions v ON v.summary_id = s.id"
	    " JOIN users u ON u.id = v.created_by"
	    " WHERE" SUMMARY_OF " ORDER BY v.version DESC", 3 },

	[STMT_SUMMARY_REFS] = { "summary_refs",
	    "SELECT f.response_id, o.id AS org_id, o.name AS org_name,"
	    " COALESCE(sec.nr, '') AS section_nr"
	    " FROM summary_refs f JOIN responses r ON r.id = f.response_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " LEFT JOIN sections sec ON sec.id = f.section_id"
	    " WHERE f.version_id = $1::bigint"
	    " ORDER BY o.name, sec.position NULLS FIRST", 1 },

	[STMT_SUMMARY_CITING] = { "summary_citing",
	    "SELECT f.response_id,"
	    " CASE WHEN s.theme_id IS NULL THEN 'avsnitt' ELSE th.name END AS theme,"
	    " COALESCE(s.theme_id::text, '') AS theme_id"
	    " FROM summaries s"
	    " JOIN LATERAL (SELECT id FROM summary_versions WHERE summary_id = s.id"
	    "   ORDER BY version DESC LIMIT 1) v ON true"
	    " JOIN summary_refs f ON f.version_id = v.id"
	    " LEFT JOIN themes th ON th.id = s.theme_id"
	    " WHERE s.remiss_id = $1::bigint AND f.section_id = $2::bigint"
	    " ORDER BY f.response_id, s.theme_id NULLS FIRST", 2 },

	[STMT_THEME_ANSWERS] = { "theme_answers",
	    "SELECT DISTINCT ON (o.name, sec.position, sec.id) r.id AS response_id,"
	    " o.name AS org_name, COALESCE(t.section_id::text, '') AS section_id,"
	    " COALESCE(sec.nr, '') AS section_nr,"
	    " COALESCE(a.position, v.position, '') AS position,"
	    " COALESCE(a.comment, CASE WHEN t.section_id IS NULL THEN v.summary END, '')"
	    " AS comment, o.id AS org_id"
	    " FROM tags t JOIN themes th ON th.id = t.theme_id"
	    " JOIN responses r ON r.id = t.response_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " JOIN LATERAL (SELECT id, position, summary FROM response_versions"
	    "   WHERE response_id = r.id ORDER BY version DESC LIMIT 1) v ON true"
	    " LEFT JOIN sections sec ON sec.id = t.section_id"
	    " LEFT JOIN answers a ON a.version_id = v.id AND a.section_id = t.section_id"
	    " WHERE (th.id = $1::bigint OR th.parent_id = $1::bigint)"
	    " AND th.remiss_id = $2::bigint AND t.question_id IS NULL"
	    " ORDER BY o.name, sec.position NULLS FIRST, sec.id", 2 },

	[STMT_SUMMARY_SECTION_ANSWERS] = { "summary_section_answers",
	    "SELECT r.id AS response_id, o.name AS org_name,"
	    " COALESCE(a.position, '') AS position, COALESCE(a.comment, '') AS comment,"
	    " o.id AS org_id"
	    " FROM responses r JOIN organisations o ON o.id = r.org_id"
	    " JOIN LATERAL (SELECT id FROM response_versions WHERE response_id = r.id"
	    "   ORDER BY version DESC LIMIT 1) v ON true"
	    " JOIN answers a ON a.version_id = v.id AND a.section_id = $2::bigint"
	    " WHERE r.remiss_id = $1::bigint ORDER BY o.name", 2 },

	[STMT_SUMMARY_THEME] = { "summary_theme",
	    "SELECT name FROM themes WHERE id = $2::bigint AND remiss_id = $1::bigint",
	    2 },
#undef SUMMARY_OF

	/* The beslutsförslag. */
	[STMT_DECISION_LIST] = { "decision_list",
	    "SELECT COALESCE(d.id::text, '') AS id, s.id::text AS section_id, s.nr,"
	    " s.heading, COALESCE(d.kind, '') AS kind,"
	    " COALESCE(d.revised_text, '') AS revised_text,"
	    " COALESCE(d.motivation, '') AS motivation,"
	    " COALESCE(d.status, '') AS status,"
	    " COALESCE(d.lock_version::text, '') AS lock_version,"
	    " COALESCE(u.name, u.email, '') AS author,"
	    " COALESCE(iso_time_se(d.updated_at), '') AS updated,"
	    " s.body AS proposal, 0 AS part,"
	    " s.position AS ord, s.nr AS nrsort"
	    " FROM sections s LEFT JOIN decisions d ON d.section_id = s.id"
	    " LEFT JOIN users u ON u.id = d.updated_by"
	    " WHERE s.remiss_id = $1::bigint AND s.removed_at IS NULL"
	    " UNION ALL"
	    " SELECT d.id::text, '', d.nr, d.heading, d.kind, d.revised_text,"
	    " d.motivation, d.status, d.lock_version::text, COALESCE(u.name, u.email),"
	    " iso_time_se(d.updated_at), '', 1, 0, d.nr"
	    " FROM decisions d JOIN users u ON u.id = d.updated_by"
	    " WHERE d.remiss_id = $1::bigint AND d.section_id IS NULL"
	    " ORDER BY 13, 14, 15", 1 },

	[STMT_DECISION_SAVE_SECTION] = { "decision_save_section",
	    "INSERT INTO decisions (remiss_id, section_id, kind, revised_text,"
	    " motivation, status, updated_by, lock_version)"
	    " SELECT $1::bigint, s.id, $3, $4, $5, $6, $8::bigint, 1 FROM sections s"
	    " WHERE s.id = $2::bigint AND s.remiss_id = $1::bigint"
	    " AND s.removed_at IS NULL AND $7::int = 0"
	    " ON CONFLICT (section_id) WHERE section_id IS NOT NULL DO UPDATE SET"
	    " kind = EXCLUDED.kind, revised_text = EXCLUDED.revised_text,"
	    " motivation = EXCLUDED.motivation, status = EXCLUDED.status,"
	    " updated_by = EXCLUDED.updated_by, updated_at = now(),"
	    " lock_version = decisions.lock_version + 1"
	    " WHERE decisions.lock_version = $7::int"
	    " RETURNING id, lock_version", 8 },

	[STMT_DECISION_ADD_NEW] = { "decision_add_new",
	    "INSERT INTO decisions (remiss_id, kind, nr, heading, revised_text,"
	    " motivation, status, updated_by)"
	    " VALUES ($1::bigint, 'ny', $2, $3, $4, $5, $6, $7::bigint) RETURNING id", 7 },

	[STMT_DECISION_SAVE_NEW] = { "decision_save_new",
	    "UPDATE decisions SET nr = $3, heading = $4, revised_text = $5,"
	    " motivation = $6, status = $7, updated_by = $9::bigint,"
	    " updated_at = now(), lock_version = lock_version + 1"
	    " WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " AND section_id IS NULL AND lock_version = $8::int"
	    " RETURNING id, lock_version", 9 },

	[STMT_DECISION_REFS_CLEAR] = { "decision_refs_clear",
	    "DELETE FROM decision_refs WHERE decision_id = $1::bigint", 1 },

	[STMT_DECISION_REF_ADD] = { "decision_ref_add",
	    "INSERT INTO decision_refs (decision_id, response_id, section_id)"
	    " SELECT $1::bigint, r.id, $3::bigint FROM responses r"
	    " WHERE r.id = $2::bigint AND r.remiss_id = $4::bigint"
	    " ON CONFLICT DO NOTHING RETURNING response_id", 4 },

	/* An added section rests on whole responses: one row per response
	 * with a submitted version. */
	[STMT_DECISION_RESPONSES] = { "decision_responses",
	    "SELECT resp.id AS response_id, o.id AS org_id, o.name AS org_name"
	    " FROM responses resp JOIN organisations o ON o.id = resp.org_id"
	    " WHERE resp.remiss_id = $1::bigint AND EXISTS (SELECT 1"
	    "   FROM response_versions v WHERE v.response_id = resp.id)"
	    " ORDER BY o.name", 1 },

	[STMT_DECISION_REFS] = { "decision_refs",
	    "SELECT f.response_id, o.id, o.name, COALESCE(sec.nr, '')"
	    " FROM decision_refs f JOIN responses r ON r.id = f.response_id"
	    " JOIN organisations o ON o.id = r.org_id"
	    " LEFT JOIN sections sec ON sec.id = f.section_id"
	    " WHERE f.decision_id = $1::bigint ORDER BY o.name", 1 },

	[STMT_DECISION_OF_SECTION] = { "decision_of_section",
	    "SELECT id, kind, revised_text, motivation, status FROM decisions"
	    " WHERE section_id = $1::bigint", 1 },

	[STMT_DECISION_NEW_LIST] = { "decision_new_list",
	    "SELECT id, nr, heading, revised_text, motivation, status FROM decisions"
	    " WHERE remiss_id = $1::bigint AND section_id IS NULL ORDER BY nr", 1 },

	/* Dialogmöten. */
#define MEETING_ORG_NAMES(m) \
	" COALESCE((SELECT string_agg(o.name, ', ' ORDER BY o.name)" \
	"   FROM meeting_orgs mo JOIN organisations o ON o.id = mo.org_id" \
	"   WHERE mo.meeting_id = " m "), '')"
	[STMT_MEETING_LIST] = { "meeting_list",
	    "SELECT m.id, m.held_on::text AS held_on,"
	    " COALESCE(m.title, '') AS title, COALESCE(m.place, '') AS place,"
	    MEETING_ORG_NAMES("m.id") " AS orgs,"
	    " (SELECT count(*) FROM meeting_participants p"
	    "   WHERE p.meeting_id = m.id) AS participants,"
	    " COALESCE((SELECT string_agg(s.nr, ', ' ORDER BY s.position)"
	    "   FROM meeting_sections ms JOIN sections s ON s.id = ms.section_id"
	    "   WHERE ms.meeting_id = m.id AND s.removed_at IS NULL), '')"
	    " AS sections"
	    " FROM meetings m WHERE m.remiss_id = $1::bigint"
	    " ORDER BY m.held_on, m.id", 1 },

	[STMT_MEETING_GET] = { "meeting_get",
	    "SELECT m.id, m.held_on::text AS held_on,"
	    " COALESCE(m.title, '') AS title, COALESCE(m.place, '') AS place,"
	    " m.notes, m.edit_version,"
	    " COALESCE(c.name, c.email) AS created_by,"
	    " iso_time_se(m.created_at) AS created_at,"
	    " COALESCE(u.name, u.email) AS updated_by,"
	    " iso_time_se(m.updated_at) AS updated_at"
	    " FROM meetings m JOIN users c ON c.id = m.created_by"
	    " JOIN users u ON u.id = m.updated_by"
	    " WHERE m.id = $1::bigint AND m.remiss_id = $2::bigint", 2 },

	[STMT_MEETING_ORGS] = { "meeting_orgs",
	    "SELECT o.id, o.name FROM meeting_orgs mo"
	    " JOIN organisations o ON o.id = mo.org_id"
	    " WHERE mo.meeting_id = $1::bigint ORDER BY o.name", 1 },

	[STMT_MEETING_PARTICIPANTS] = { "meeting_participants",
	    "SELECT name, role FROM meeting_participants"
	    " WHERE meeting_id = $1::bigint ORDER BY ord", 1 },

	[STMT_MEETING_SECTIONS] = { "meeting_sections",
	    "SELECT s.id, s.nr, s.heading FROM meeting_sections ms"
	    " JOIN sections s ON s.id = ms.section_id"
	    " WHERE ms.meeting_id = $1::bigint AND s.removed_at IS NULL"
	    " ORDER BY s.position, s.id", 1 },

	[STMT_MEETING_THEMES] = { "meeting_themes",
	    "SELECT t.id, t.name FROM meeting_themes mt"
	    " JOIN themes t ON t.id = mt.theme_id"
	    " WHERE mt.meeting_id = $1::bigint ORDER BY lower(t.name)", 1 },

	[STMT_MEETING_INSERT] = { "meeting_insert",
	    "INSERT INTO meetings (remiss_id, held_on, title, place, notes,"
	    " created_by, updated_by)"
	    " VALUES ($1::bigint, $2::date, $3, $4, $5, $6::bigint, $6::bigint)"
	    " RETURNING id", 6 },

	[STMT_MEETING_UPDATE] = { "meeting_update",
	    "UPDATE meetings SET held_on = $3::date, title = $4, place = $5,"
	    " notes = $6, updated_by = $8::bigint, updated_at = now(),"
	    " edit_version = edit_version + 1"
	    " WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " AND edit_version = $7::int RETURNING id, edit_version", 8 },

	[STMT_MEETING_DELETE] = { "meeting_delete",
	    "DELETE FROM meetings WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " AND edit_version = $3::int RETURNING id, held_on::text AS held_on",
	    3 },

	[STMT_MEETING_LINKS_CLEAR] = { "meeting_links_clear",
	    "WITH o AS (DELETE FROM meeting_orgs WHERE meeting_id = $1::bigint),"
	    " p AS (DELETE FROM meeting_participants WHERE meeting_id = $1::bigint),"
	    " s AS (DELETE FROM meeting_sections WHERE meeting_id = $1::bigint)"
	    " DELETE FROM meeting_themes WHERE meeting_id = $1::bigint", 1 },

	[STMT_MEETING_ORGS_SET] = { "meeting_orgs_set",
	    "INSERT INTO meeting_orgs (meeting_id, org_id)"
	    " SELECT $1::bigint, i.org_id FROM invitations i"
	    " WHERE i.remiss_id = $2::bigint AND i.org_id = ANY ($3::bigint[])"
	    " ON CONFLICT DO NOTHING RETURNING org_id", 3 },

	[STMT_MEETING_PARTICIPANT_ADD] = { "meeting_participant_add",
	    "INSERT INTO meeting_participants (meeting_id, ord, name, role)"
	    " VALUES ($1::bigint, $2::int, $3, $4)", 4 },

	[STMT_MEETING_SECTIONS_SET] = { "meeting_sections_set",
	    "INSERT INTO meeting_sections (meeting_id, section_id)"
	    " SELECT $1::bigint, s.id FROM sections s"
	    " WHERE s.remiss_id = $2::bigint AND s.removed_at IS NULL"
	    " AND s.id = ANY ($3::bigint[])"
	    " ON CONFLICT DO NOTHING RETURNING section_id", 3 },

	[STMT_MEETING_THEMES_SET] = { "meeting_themes_set",
	    "INSERT INTO meeting_themes (meeting_id, theme_id)"
	    " SELECT $1::bigint, t.id FROM themes t"
	    " WHERE t.remiss_id = $2::bigint AND t.id = ANY ($3::bigint[])"
	    " ON CONFLICT DO NOTHING RETURNING theme_id", 3 },

	[STMT_MEETINGS_OF_SECTION] = { "meetings_of_section",
	    "SELECT m.id, m.held_on::text AS held_on,"
	    " COALESCE(m.title, '') AS title," MEETING_ORG_NAMES("m.id") " AS orgs"
	    " FROM meeting_sections ms JOIN meetings m ON m.id = ms.meeting_id"
	    " WHERE ms.section_id = $1::bigint ORDER BY m.held_on, m.id", 1 },

	[STMT_MEETINGS_OF_THEME] = { "meetings_of_theme",
	    "SELECT m.id, m.held_on::text AS held_on,"
	    " COALESCE(m.title, '') AS title," MEETING_ORG_NAMES("m.id") " AS orgs"
	    " FROM meeting_themes mt JOIN meetings m ON m.id = mt.meeting_id"
	    " WHERE mt.theme_id = $1::bigint ORDER BY m.held_on, m.id", 1 },

	[STMT_MEETING_THEMES_MOVE] = { "meeting_themes_move",
	    "INSERT INTO meeting_themes (meeting_id, theme_id)"
	    " SELECT mt.meeting_id, $2::bigint FROM meeting_themes mt"
	    " JOIN meetings m ON m.id = mt.meeting_id"
	    " WHERE mt.theme_id = $1::bigint AND m.remiss_id = $3::bigint"
	    " AND EXISTS (SELECT 1 FROM themes WHERE id = $2::bigint"
	    "   AND remiss_id = $3::bigint)"
	    " ON CONFLICT DO NOTHING", 3 },

	[STMT_MEETING_FORM_THEMES] = { "meeting_form_themes",
	    "SELECT t.id, CASE WHEN p.id IS NULL THEN t.name"
	    " ELSE p.name || ' › ' || t.name END AS name"
	    " FROM themes t LEFT JOIN themes p ON p.id = t.parent_id"
	    " WHERE t.remiss_id = $1::bigint"
	    " ORDER BY lower(COALESCE(p.name, t.name)), t.parent_id NULLS FIRST,"
	    " lower(t.name)", 1 },

	[STMT_MEETING_FORM_ORGS] = { "meeting_form_orgs",
	    "SELECT o.id, o.name, EXISTS (SELECT 1 FROM responses resp"
	    "   JOIN response_versions v ON v.response_id = resp.id"
	    "   WHERE resp.remiss_id = i.remiss_id AND resp.org_id = i.org_id)"
	    " AS answered"
	    " FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    " WHERE i.remiss_id = $1::bigint ORDER BY o.name", 1 },

	[STMT_EXPORT_MEETINGS] = { "export_meetings",
	    "SELECT m.id, m.held_on::text AS held_on,"
	    " COALESCE(m.title, '') AS title, COALESCE(m.place, '') AS place,"
	    " m.notes,"
	    " COALESCE((SELECT string_agg(o.name, E'\\n' ORDER BY o.name)"
	    "   FROM meeting_orgs mo JOIN organisations o ON o.id = mo.org_id"
	    "   WHERE mo.meeting_id = m.id), '') AS orgs,"
	    " COALESCE((SELECT string_agg(p.name, E'\\n' ORDER BY p.ord)"
	    "   FROM meeting_participants p WHERE p.meeting_id = m.id), '')"
	    "  AS names,"
	    " COALESCE((SELECT string_agg(p.role, E'\\n' ORDER BY p.ord)"
	    "   FROM meeting_participants p WHERE p.meeting_id = m.id), '')"
	    "  AS roles,"
	    " COALESCE((SELECT string_agg(s.nr, E'\\n' ORDER BY s.position, s.id)"
	    "   FROM meeting_sections ms JOIN sections s ON s.id = ms.section_id"
	    "   WHERE ms.meeting_id = m.id AND s.removed_at IS NULL), '')"
	    "  AS section_nrs,"
	    " COALESCE((SELECT string_agg(s.heading, E'\\n' ORDER BY s.position, s.id)"
	    "   FROM meeting_sections ms JOIN sections s ON s.id = ms.section_id"
	    "   WHERE ms.meeting_id = m.id AND s.removed_at IS NULL), '')"
	    "  AS section_headings,"
	    " COALESCE((SELECT string_agg(t.name, E'\\n' ORDER BY lower(t.name))"
	    "   FROM meeting_themes mt JOIN themes t ON t.id = mt.theme_id"
	    "   WHERE mt.meeting_id = m.id), '') AS themes,"
	    " (SELECT count(*) FROM meeting_participants p"
	    "   WHERE p.meeting_id = m.id) AS nparticipants"
	    " FROM meetings m WHERE m.remiss_id = $1::bigint"
	    " ORDER BY m.held_on, m.id", 1 },

	[STMT_EXPORT_SECTION_MEETINGS] = { "export_section_meetings",
	    "SELECT m.held_on::text AS held_on, COALESCE(m.title, '') AS title,"
	    MEETING_ORG_NAMES("m.id") " AS orgs"
	    " FROM meeting_sections ms JOIN meetings m ON m.id = ms.meeting_id"
	    " WHERE ms.section_id = $1::bigint ORDER BY m.held_on, m.id", 1 },
#undef MEETING_ORG_NAMES

	[STMT_EXPORT_QUESTION_ANSWERS] = { "export_question_answers",
	    "SELECT q.qid, q.kind, q.text, COALESCE(x.org_id::text, '') AS org_id,"
	    " COALESCE(x.position::text, '') AS position,"
	    " COALESCE(x.comment, '') AS comment,"
	    " COALESCE(x.proposed_wording, '') AS wording,"
	    " COALESCE(x.consequence_region, '') AS cons_region,"
	    " COALESCE(x.consequence_kommun, '') AS cons_kommun,"
	    " COALESCE(x.short_term, '') AS short_term,"
	    " COALESCE(x.long_term, '') AS long_term,"
	    " COALESCE(x.themes, '') AS themes"
	    " FROM questions q LEFT JOIN LATERAL ("
	    "   SELECT resp.org_id, o.name, a.position, a.comment,"
	    "   a.proposed_wording, a.consequence_region, a.consequence_kommun,"
	    "   a.short_term, a.long_term,"
	    "   (SELECT string_agg(DISTINCT th.name, '; ')"
	    "     FROM tags t JOIN themes th ON th.id = t.theme_id"
	    "     WHERE t.response_id = resp.id AND t.question_id = q.id) AS themes"
	    "   FROM responses resp JOIN organisations o ON o.id = resp.org_id"
	    "   JOIN LATERAL (SELECT id FROM response_versions"
	    "     WHERE response_id = resp.id ORDER BY version DESC LIMIT 1) v"
	    "     ON true"
	    "   JOIN answers a ON a.version_id = v.id AND a.question_id = q.id"
	    "   WHERE resp.remiss_id = $1::bigint) x ON true"
	    " WHERE q.remiss_id = $1::bigint AND q.removed_at IS NULL"
	    " AND q.section_id IS NOT DISTINCT FROM $2::bigint"
	    " ORDER BY q.position, q.id, x.name", 2 },

	/* schema/013_remiss_data_version.sql */
	[STMT_DATA_VERSION] = { "data_version",
	    "SELECT r.id AS remiss_id,"
	    " COALESCE((SELECT v FROM remiss_data_version WHERE remiss_id = r.id), 0)"
	    " AS v,"
	    " COALESCE((SELECT v FROM remiss_data_version WHERE remiss_id = 0), 0)"
	    " AS v0"
	    " FROM remiss r WHERE r.slug = $1::text", 1 },

	/* Committed without waiting for the WAL flush: the change it follows
	 * is already durable, and a bump lost with a crash of PostgreSQL can
	 * only let a cached page live to its maximum age (docs/architecture.md);
	 * a second synchronous commit per submission would cost a flush. */
	[STMT_DATA_VERSION_BUMP] = { "data_version_bump",
	    "WITH nosync AS (SELECT set_config('synchronous_commit', 'off', true))"
	    " INSERT INTO remiss_data_version (remiss_id, v)"
	    " SELECT id, 1 FROM remiss, nosync WHERE slug = $1::text"
	    " UNION ALL SELECT 0, 1 FROM nosync WHERE $1::text IS NULL"
	    " ON CONFLICT (remiss_id) DO UPDATE SET v = remiss_data_version.v + 1",
	    1 },

	/* core/objects.c: what a route's path addresses. */
	[STMT_OBJECT_REMISS] = { "object_remiss",
	    OBJECT_WHERE("true"), 2 },
	[STMT_OBJECT_VERSION] = { "object_version",
	    OBJECT_REMISS_COLUMNS " v.id IS NOT NULL AS found, rs.org_id"
	    " FROM remiss r LEFT JOIN (response_versions v"
	    "  JOIN responses rs ON rs.id = v.response_id)"
	    "  ON rs.remiss_id = r.id AND v.id = $3::bigint"
	    " WHERE r.slug = $1::text", 3 },
	[STMT_OBJECT_ATTACHMENT] = { "object_attachment",
	    OBJECT_REMISS_COLUMNS " v.id IS NOT NULL AND $4::int BETWEEN 1 AND"
	    "  (SELECT count(*) FROM attachments a WHERE a.version_id = v.id)"
	    "  AS found, rs.org_id"
	    " FROM remiss r LEFT JOIN (response_versions v"
	    "  JOIN responses rs ON rs.id = v.response_id)"
	    "  ON rs.remiss_id = r.id AND v.id = $3::bigint"
	    " WHERE r.slug = $1::text", 4 },
	[STMT_OBJECT_DRAFT_FILE] = { "object_draft_file",
	    OBJECT_REMISS_COLUMNS " d.id IS NOT NULL AS found, d.org_id"
	    " FROM remiss r LEFT JOIN draft_attachments d"
	    "  ON d.remiss_id = r.id AND d.org_id = $2::bigint"
	    "  AND d.id = $3::bigint"
	    " WHERE r.slug = $1::text", 3 },
	[STMT_OBJECT_INVITATION] = { "object_invitation",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM invitations i"
	    "  JOIN organisations o ON o.id = i.org_id"
	    "  WHERE i.remiss_id = r.id AND i.org_id = $3::bigint)"), 3 },
	[STMT_OBJECT_SECTION_NR] = { "object_section_nr",
	    OBJECT_WHERE("($3::text = 'helhet' OR EXISTS (SELECT 1 FROM sections s"
	    "  WHERE s.remiss_id = r.id AND s.removed_at IS NULL"
	    "  AND s.nr = $3::text))"), 3 },
	[STMT_OBJECT_SECTION] = { "object_section",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM sections s"
	    "  WHERE s.remiss_id = r.id AND s.id = $3::bigint"
	    "  AND s.removed_at IS NULL)"), 3 },
	[STMT_OBJECT_QUESTION] = { "object_question",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM questions q"
	    "  WHERE q.remiss_id = r.id AND q.id = $3::bigint"
	    "  AND q.removed_at IS NULL)"), 3 },
	[STMT_OBJECT_THEME] = { "object_theme",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM themes t"
	    "  WHERE t.remiss_id = r.id AND t.id = $3::bigint)"), 3 },
	[STMT_OBJECT_TAG] = { "object_tag",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM tags t"
	    "  JOIN themes th ON th.id = t.theme_id"
	    "  WHERE th.remiss_id = r.id AND t.id = $3::bigint)"), 3 },
	[STMT_OBJECT_NOTE] = { "object_note",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM annotations a"
	    "  WHERE a.remiss_id = r.id AND a.id = $3::bigint"
	    "  AND a.parent_id IS NULL)"), 3 },
	/* "ny-ID": a section the beslutsförslag adds (section_id NULL). */
	[STMT_OBJECT_DECISION] = { "object_decision",
	    OBJECT_WHERE("CASE WHEN left($3::text, 3) = 'ny-'"
	    "  THEN EXISTS (SELECT 1 FROM decisions d WHERE d.remiss_id = r.id"
	    "   AND d.section_id IS NULL AND d.id::text = substr($3::text, 4))"
	    "  ELSE EXISTS (SELECT 1 FROM sections s WHERE s.remiss_id = r.id"
	    "   AND s.removed_at IS NULL AND s.nr = $3::text) END"), 3 },
	[STMT_OBJECT_MEETING] = { "object_meeting",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM meetings m"
	    "  WHERE m.remiss_id = r.id AND m.id = $3::bigint)"), 3 },
	[STMT_OBJECT_REDACTION] = { "object_redaction",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM redactions x"
	    "  JOIN response_versions v ON v.id = x.version_id"
	    "  JOIN responses rs ON rs.id = v.response_id"
	    "  WHERE rs.remiss_id = r.id AND x.id = $3::bigint)"), 3 },
	[STMT_OBJECT_PUBLIC_ATTACHMENT] = { "object_public_attachment",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM publication_versions pv"
	    "  WHERE pv.remiss_id = r.id AND pv.version_id = $3::bigint)"
	    " AND $4::int BETWEEN 1 AND (SELECT count(*) FROM attachments a"
	    "  WHERE a.version_id = $3::bigint)"), 4 },
	[STMT_OBJECT_OWN_TOKEN] = { "object_own_token",
	    "SELECT EXISTS (SELECT 1 FROM api_tokens WHERE id = $1::bigint"
	    " AND user_id = $2::bigint AND revoked_at IS NULL) AS found", 2 },

	[STMT_OUTBOX_QUEUE] = { "outbox_queue",
	    "INSERT INTO mail_outbox (kind, to_addr, lang, subject, body_text,"
	    " body_html, message_id, dedupe_key, secret, automatic, remiss_id,"
	    " org_id, user_id)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::boolean,"
	    " NOT $10::boolean, $11::bigint, $12::bigint, $13::bigint)"
	    " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id", 13 },

	/* Issue 18, accounts. A one-time link lives 7 days for an
	 * activation, 1 hour for a reset (docs/security.md). */
	[STMT_ONETIME_INSERT] = { "onetime_insert",
	    "INSERT INTO one_time_links (token_hash, user_id, purpose,"
	    " expires_at, remote_addr)"
	    " VALUES ($1, $2::bigint, $3, now() + CASE $3::text"
	    "  WHEN 'activation' THEN interval '7 days' ELSE interval '1 hour'"
	    "  END, $4)"
	    " RETURNING id, iso_time_se(expires_at) AS expires", 4 },
	[STMT_ONETIME_PEEK] = { "onetime_peek",
	    "SELECT l.user_id, l.used_at IS NOT NULL AS used,"
	    " l.expires_at <= now() AS expired, u.disabled, u.email,"
	    " COALESCE(u.name, '') AS name, COALESCE(o.name, '') AS org_name,"
	    " u.lang, iso_time_se(l.expires_at) AS expires"
	    " FROM one_time_links l JOIN users u ON u.id = l.user_id"
	    " LEFT JOIN organisations o ON o.id = u.org_id"
	    " WHERE l.token_hash = $1::sha256_hex AND l.purpose = $2", 2 },
	/* A second redeemer waits for the first's row lock and then finds
	 * used_at set: no row. */
	[STMT_ONETIME_REDEEM] = { "onetime_redeem",
	    "UPDATE one_time_links l SET used_at = now()"
	    " FROM users u WHERE u.id = l.user_id AND NOT u.disabled"
	    " AND l.token_hash = $1::sha256_hex AND l.purpose = $2"
	    " AND l.used_at IS NULL AND l.expires_at > now()"
	    " RETURNING l.user_id", 2 },
	[STMT_ONETIME_SUPERSEDE] = { "onetime_supersede",
	    "UPDATE one_time_links SET used_at = now()"
	    " WHERE user_id = $1::bigint AND used_at IS NULL"
	    " AND ($2::text IS NULL OR purpose = $2::text)"
	    " RETURNING id", 2 },
	[STMT_USER_SET_PASSWORD_ID] = { "user_set_password_id",
	    "UPDATE users SET password_hash = $2"
	    " WHERE id = $1::bigint AND NOT disabled"
	    " RETURNING id, email", 2 },
	[STMT_RESET_COUNTS] = { "reset_counts",
	    "SELECT (SELECT count(*) FROM reset_requests"
	    "  WHERE email_lower = lower($1::text)"
	    "  AND at > now() - interval '1 hour') AS by_email,"
	    " (SELECT count(*) FROM reset_requests"
	    "  WHERE remote_addr = $2::text"
	    "  AND at > now() - interval '1 hour') AS by_addr", 2 },
	[STMT_RESET_ADD] = { "reset_add",
	    "INSERT INTO reset_requests (email_lower, remote_addr)"
	    " VALUES (lower($1::text), $2)", 2 },
	[STMT_RESET_TARGET] = { "reset_target",
	    "SELECT id, email, COALESCE(name, '') AS name, lang FROM users"
	    " WHERE lower(email) = lower($1::text) AND NOT disabled"
	    " AND password_hash IS NOT NULL", 1 },
	/* $1: the caller's organisation (an org admin) or NULL (the
	 * förvaltning): every statement on people is confined by it. */
	[STMT_PEOPLE_LIST] = { "people_list",
	    "SELECT u.id, u.email, COALESCE(u.name, '') AS name, u.role,"
	    " COALESCE(u.org_id, 0) AS org_id, COALESCE(o.name, '') AS org_name,"
	    " u.org_admin, u.disabled, u.password_hash IS NOT NULL AS active,"
	    " COALESCE((SELECT iso_time_se(max(a.at)) FROM audit_log a"
	    "  WHERE a.action = 'login.ok' AND a.object_type = 'user'"
	    "  AND a.object_id = u.id::text), '') AS last_login"
	    " FROM users u LEFT JOIN organisations o ON o.id = u.org_id"
	    " WHERE ($1::bigint IS NULL OR u.org_id = $1::bigint)"
	    " AND ($2::bigint IS NULL OR u.org_id = $2::bigint)"
	    " AND ($3::text IS NULL OR u.role = $3::text)"
	    " ORDER BY lower(COALESCE(u.name, u.email)), u.id", 3 },
	[STMT_PERSON_GET] = { "person_get",
	    "SELECT u.id, u.email, COALESCE(u.name, '') AS name, u.role,"
	    " COALESCE(u.org_id, 0) AS org_id, COALESCE(o.name, '') AS org_name,"
	    " u.org_admin, u.disabled, u.password_hash IS NOT NULL AS active,"
	    " u.lang, '' AS last_login"
	    " FROM users u LEFT JOIN organisations o ON o.id = u.org_id"
	    " WHERE u.id = $1::bigint"
	    " AND ($2::bigint IS NULL OR u.org_id = $2::bigint)", 2 },
	[STMT_PERSON_INSERT] = { "person_insert",
	    "INSERT INTO users (email, name, role, org_id, org_admin, invited_by,"
	    " lang)"
	    " VALUES ($1, $2, $3, $4::bigint, $5::boolean, $6::bigint, $7)"
	    " RETURNING id", 7 },
	[STMT_PERSON_UPDATE] = { "person_update",
	    "UPDATE users SET role = $2, org_id = $3::bigint,"
	    " org_admin = $4::boolean"
	    " WHERE id = $1::bigint RETURNING id", 4 },
	[STMT_PERSON_SET_DISABLED] = { "person_set_disabled",
	    "UPDATE users SET disabled = $2::boolean"
	    " WHERE id = $1::bigint"
	    " AND ($3::bigint IS NULL OR org_id = $3::bigint)"
	    " RETURNING id, email", 3 },
	[STMT_ORG_CHOICES] = { "org_choices",
	    "SELECT id, name FROM organisations ORDER BY lower(name), id", 0 },
	[STMT_OBJECT_PERSON] = { "object_person",
	    "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1::bigint)"
	    " AS found", 1 },
	[STMT_OBJECT_ORG_PERSON] = { "object_org_person",
	    "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1::bigint"
	    " AND org_id = $2::bigint) AS found", 2 },
	[STMT_OBJECT_ORG_TOKEN] = { "object_org_token",
	    "SELECT EXISTS (SELECT 1 FROM api_tokens WHERE id = $1::bigint"
	    " AND org_id = $2::bigint AND revoked_at IS NULL) AS found", 2 },
	[STMT_ORG_TOKENS] = { "org_tokens",
	    "SELECT id, COALESCE(label, '') AS label,"
	    " iso_time_se(created_at) AS created,"
	    " COALESCE(iso_time_se(last_used_at), '') AS last_used,"
	    " COALESCE(iso_time_se(revoked_at), '') AS revoked"
	    " FROM api_tokens WHERE org_id = $1::bigint"
	    " ORDER BY revoked_at IS NOT NULL, id DESC", 1 },
	[STMT_ORG_TOKEN_REVOKE] = { "org_token_revoke",
	    "UPDATE api_tokens SET revoked_at = now()"
	    " WHERE id = $1::bigint AND org_id = $2::bigint"
	    " AND revoked_at IS NULL"
	    " RETURNING id, COALESCE(label, '') AS label", 2 },
	/* Issue 18, organisations, remisslista, referensgrupp (m18-orgs). */
	[STMT_ORGS_LIST] = { "orgs_list",
	    "SELECT o.id, o.name, o.kind, COALESCE(o.orgnr, '') AS orgnr,"
	    " COALESCE(o.registry_email, '') AS registry,"
	    " (SELECT count(*) FROM users u WHERE u.org_id = o.id) AS people,"
	    " (SELECT count(*) FROM org_contacts c WHERE c.org_id = o.id)"
	    "  AS contacts"
	    " FROM organisations o ORDER BY o.name, o.id", 0 },
	[STMT_ORG_GET] = { "org_get",
	    "SELECT id, name, kind, COALESCE(orgnr, '') AS orgnr,"
	    " COALESCE(registry_email, '') AS registry"
	    " FROM organisations WHERE id = $1::bigint", 1 },
	[STMT_ORG_CLASH] = { "org_clash",
	    "SELECT name, COALESCE(orgnr, '') AS orgnr FROM organisations"
	    " WHERE (lower(name) = lower($1::text) OR orgnr = $2::text)"
	    " AND id IS DISTINCT FROM $3::bigint ORDER BY id LIMIT 1", 3 },
	[STMT_ORG_CREATE] = { "org_create",
	    "INSERT INTO organisations (name, kind, orgnr, registry_email)"
	    " VALUES ($1, $2, $3, $4) RETURNING id", 4 },
	[STMT_ORG_UPDATE] = { "org_update",
	    "UPDATE organisations SET name = $2, kind = $3, orgnr = $4,"
	    " registry_email = $5, updated_at = now()"
	    " WHERE id = $1::bigint RETURNING id", 5 },
	[STMT_ORG_FIND] = { "org_find",
	    "SELECT id, name FROM organisations"
	    " WHERE lower(name) = lower($1::text) OR orgnr = $2::text"
	    " ORDER BY (lower(name) = lower($1::text)) DESC, id LIMIT 1", 2 },
	[STMT_ORG_IMPORT_UPDATE] = { "org_import_update",
	    "UPDATE organisations SET kind = COALESCE($2::text, kind),"
	    " orgnr = COALESCE($3::text, orgnr),"
	    " registry_email = COALESCE($4::text, registry_email),"
	    " updated_at = now()"
	    " WHERE id = $1::bigint RETURNING id", 4 },
	[STMT_ORG_CONTACTS] = { "org_contacts",
	    "SELECT id, name, COALESCE(title, '') AS title, email"
	    " FROM org_contacts WHERE org_id = $1::bigint ORDER BY name, id", 1 },
	[STMT_ORG_CONTACT_ADD] = { "org_contact_add",
	    "INSERT INTO org_contacts (org_id, name, title, email)"
	    " VALUES ($1::bigint, $2, $3, $4)"
	    " ON CONFLICT (org_id, lower(email)) DO UPDATE SET"
	    " name = EXCLUDED.name, title = COALESCE(EXCLUDED.title,"
	    " org_contacts.title) RETURNING id", 4 },
	[STMT_ORG_CONTACT_REMOVE] = { "org_contact_remove",
	    "DELETE FROM org_contacts WHERE org_id = $1::bigint"
	    " AND id = $2::bigint RETURNING id, email", 2 },
	[STMT_ORG_USERS] = { "org_users",
	    "SELECT id, email, COALESCE(name, '') AS name, role, disabled,"
	    " org_admin FROM users WHERE org_id = $1::bigint"
	    " ORDER BY lower(email)", 1 },
	[STMT_OBJECT_ORGANISATION] = { "object_organisation",
	    "SELECT EXISTS (SELECT 1 FROM organisations"
	    " WHERE id = $1::bigint) AS found", 1 },
	[STMT_REMISSLISTA] = { "remisslista",
	    "SELECT o.id AS org_id, o.name, o.kind,"
	    " COALESCE(o.registry_email, '') AS registry,"
	    " COALESCE(i.dispatch_email, '') AS dispatch_email,"
	    " (SELECT count(*) FROM org_contacts c WHERE c.org_id = o.id)"
	    "  AS contacts,"
	    " COALESCE(i.extended_closes::text, '') AS extended_closes,"
	    " COALESCE(i.extended_closes, r.closes)::text AS closes,"
	    " COALESCE(iso_time_se(i.dispatched_at), '') AS dispatched_at,"
	    " EXISTS (SELECT 1 FROM responses rs WHERE rs.remiss_id = r.id"
	    "  AND rs.org_id = o.id) AS has_response,"
	    " EXISTS (SELECT 1 FROM responses rs JOIN response_versions v"
	    "  ON v.response_id = rs.id WHERE rs.remiss_id = r.id"
	    "  AND rs.org_id = o.id) AS answered"
	    " FROM invitations i JOIN remiss r ON r.id = i.remiss_id"
	    " JOIN organisations o ON o.id = i.org_id"
	    " WHERE i.remiss_id = $1::bigint ORDER BY o.name, o.id", 1 },
	[STMT_REMISSLISTA_ADD] = { "remisslista_add",
	    "INSERT INTO invitations (remiss_id, org_id)"
	    " SELECT $1::bigint, o.id FROM organisations o"
	    " WHERE o.id = ANY ($2::bigint[]) OR o.kind = $3::text"
	    " ON CONFLICT (remiss_id, org_id) DO NOTHING"
	    " RETURNING org_id, (SELECT name FROM organisations"
	    "  WHERE id = org_id) AS name", 3 },
	[STMT_REMISSLISTA_REMOVE] = { "remisslista_remove",
	    "DELETE FROM invitations i USING organisations o"
	    " WHERE i.remiss_id = $1::bigint AND i.org_id = $2::bigint"
	    " AND o.id = i.org_id AND NOT EXISTS (SELECT 1 FROM responses rs"
	    "  WHERE rs.remiss_id = i.remiss_id AND rs.org_id = i.org_id)"
	    " RETURNING i.org_id, o.name", 2 },
	[STMT_REMISSLISTA_ADDRESS] = { "remisslista_address",
	    "UPDATE invitations i SET dispatch_email = $3::text"
	    " FROM organisations o WHERE i.remiss_id = $1::bigint"
	    " AND i.org_id = $2::bigint AND o.id = i.org_id"
	    " RETURNING i.org_id, o.name", 3 },
	[STMT_REFGRUPP_LIST] = { "refgrupp_list",
	    "SELECT u.id AS user_id, u.email, COALESCE(u.name, '') AS name,"
	    " u.role, COALESCE(o.name, '') AS org_name,"
	    " iso_time_se(rr.added_at) AS added_at"
	    " FROM remiss_reviewers rr JOIN users u ON u.id = rr.user_id"
	    " LEFT JOIN organisations o ON o.id = u.org_id"
	    " WHERE rr.remiss_id = $1::bigint"
	    " ORDER BY COALESCE(u.name, u.email), u.id", 1 },
	[STMT_REFGRUPP_CANDIDATES] = { "refgrupp_candidates",
	    "SELECT u.id, u.email, COALESCE(u.name, '') AS name, u.role,"
	    " COALESCE(o.name, '') AS org_name"
	    " FROM users u LEFT JOIN organisations o ON o.id = u.org_id"
	    " WHERE NOT u.disabled AND NOT EXISTS (SELECT 1 FROM"
	    "  remiss_reviewers rr WHERE rr.remiss_id = $1::bigint"
	    "  AND rr.user_id = u.id)"
	    " ORDER BY COALESCE(o.name, ''), COALESCE(u.name, u.email), u.id",
	    1 },
	[STMT_REFGRUPP_ADD] = { "refgrupp_add",
	    "INSERT INTO remiss_reviewers (remiss_id, user_id, added_by)"
	    " SELECT $1::bigint, u.id, $3::bigint FROM users u"
	    " WHERE u.id = $2::bigint AND NOT u.disabled"
	    " ON CONFLICT (remiss_id, user_id) DO NOTHING"
	    " RETURNING user_id, (SELECT email FROM users"
	    "  WHERE id = user_id) AS email", 3 },
	[STMT_REFGRUPP_REMOVE] = { "refgrupp_remove",
	    "DELETE FROM remiss_reviewers rr USING users u"
	    " WHERE rr.remiss_id = $1::bigint AND rr.user_id = $2::bigint"
	    " AND u.id = rr.user_id RETURNING rr.user_id, u.email", 2 },
	[STMT_REFGRUPP_OF_USER] = { "refgrupp_of_user",
	    "SELECT r.slug, r.title, r.sender,"
	    " to_char(r.opens, 'YYYY-MM-DD') AS opens,"
	    " to_char(r.closes, 'YYYY-MM-DD') AS closes"
	    " FROM remiss_reviewers rr JOIN remiss r ON r.id = rr.remiss_id"
	    " WHERE rr.user_id = $1::bigint AND r.status <> 'utkast'"
	    " ORDER BY r.closes DESC, r.slug", 1 },
	/* Issue 18, remiss documents and the messages about a remiss
	 * (core/remiss_docs.c, core/remiss_mail.c). */
	[STMT_RMAIL_RECEIPT_TO] = { "rmail_receipt_to",
	    "SELECT r.title, o.registry_email,"
	    " COALESCE(u.email, '') AS user_email,"
	    " COALESCE(u.lang, '') AS user_lang"
	    " FROM remiss r JOIN organisations o ON o.id = $2::bigint"
	    " LEFT JOIN users u ON u.id = $3::bigint AND NOT u.disabled"
	    " WHERE r.id = $1::bigint", 3 },
	[STMT_RMAIL_REMISS] = { "rmail_remiss",
	    "SELECT slug, title, sender, COALESCE(diarienummer, '')"
	    " AS diarienummer, status,"
	    " status = 'oppen' AND closes >= " TODAY_SE " AS sendable,"
	    " reminder_days"
	    " FROM remiss WHERE id = $1::bigint", 1 },
	[STMT_RMAIL_DISPATCH_TO] = { "rmail_dispatch_to",
	    "WITH inv AS (SELECT i.org_id, o.name AS org_name,"
	    "  to_char(COALESCE(i.extended_closes, r.closes), 'YYYY-MM-DD')"
	    "  AS deadline, COALESCE(i.dispatch_email, o.registry_email) AS main"
	    "  FROM invitations i JOIN organisations o ON o.id = i.org_id"
	    "  JOIN remiss r ON r.id = i.remiss_id"
	    "  WHERE i.remiss_id = $1::bigint AND i.dispatched_at IS NULL)"
	    " SELECT org_id, org_name, deadline, main AS addr, 'sv' AS lang,"
	    "  NULL::bigint AS user_id, 0 AS ord FROM inv WHERE main IS NOT NULL"
	    " UNION ALL SELECT inv.org_id, org_name, deadline, c.email, 'sv',"
	    "  NULL, 1 FROM inv JOIN org_contacts c ON c.org_id = inv.org_id"
	    " UNION ALL SELECT inv.org_id, org_name, deadline, u.email, u.lang,"
	    "  u.id, 2 FROM inv JOIN users u ON u.org_id = inv.org_id"
	    "  AND u.role = 'kommun' AND NOT u.disabled"
	    " ORDER BY org_name, org_id, ord, addr", 1 },
	[STMT_RMAIL_NO_ADDRESS] = { "rmail_no_address",
	    "SELECT o.name AS org_name FROM invitations i"
	    " JOIN organisations o ON o.id = i.org_id"
	    " WHERE i.remiss_id = $1::bigint AND i.dispatched_at IS NULL"
	    " AND COALESCE(i.dispatch_email, o.registry_email) IS NULL"
	    " ORDER BY o.name", 1 },
	[STMT_RMAIL_DISPATCH_MARK] = { "rmail_dispatch_mark",
	    "WITH i AS (UPDATE invitations SET dispatched_at = now()"
	    "  WHERE remiss_id = $1::bigint AND dispatched_at IS NULL"
	    "  AND org_id = ANY ($2::bigint[]) RETURNING org_id)"
	    " UPDATE remiss SET dispatched_at = now() WHERE id = $1::bigint"
	    " AND EXISTS (SELECT 1 FROM i)", 2 },
	[STMT_RMAIL_REMINDERS_DUE] = { "rmail_reminders_due",
	    "WITH due AS (SELECT r.id AS remiss_id, r.slug, r.title, r.sender,"
	    "  COALESCE(r.diarienummer, '') AS diarienummer, i.org_id,"
	    "  o.name AS org_name, COALESCE(i.extended_closes, r.closes) AS d,"
	    "  COALESCE(i.dispatch_email, o.registry_email) AS main"
	    "  FROM remiss r JOIN invitations i ON i.remiss_id = r.id"
	    "  JOIN organisations o ON o.id = i.org_id"
	    "  WHERE r.status = 'oppen' AND r.reminder_days > 0"
	    "  AND r.opens <= $1::date"
	    "  AND COALESCE(i.extended_closes, r.closes) BETWEEN $1::date"
	    "   AND $1::date + r.reminder_days"
	    "  AND NOT EXISTS (SELECT 1 FROM responses rs"
	    "   JOIN response_versions v ON v.response_id = rs.id"
	    "   WHERE rs.remiss_id = r.id AND rs.org_id = i.org_id))"
	    " SELECT remiss_id, slug, title, sender, diarienummer, org_id,"
	    "  org_name, to_char(d, 'YYYY-MM-DD') AS deadline, addr, 'sv' AS lang"
	    " FROM (SELECT due.*, main AS addr, 0 AS ord FROM due"
	    "  WHERE main IS NOT NULL"
	    "  UNION ALL SELECT due.*, c.email, 1 FROM due"
	    "  JOIN org_contacts c ON c.org_id = due.org_id) x"
	    " ORDER BY remiss_id, org_name, org_id, ord, addr", 1 },
	[STMT_RMAIL_REMINDED] = { "rmail_reminded",
	    "UPDATE invitations SET reminded_at = now()"
	    " WHERE remiss_id = $1::bigint AND org_id = $2::bigint", 2 },
	[STMT_RMAIL_DIGEST_NEW] = { "rmail_digest_new",
	    "SELECT r.id AS remiss_id, r.slug, r.title, rs.org_id,"
	    " o.name AS org_name, v.version,"
	    " iso_time_se(v.received_at) AS received_at"
	    " FROM remiss r JOIN responses rs ON rs.remiss_id = r.id"
	    " JOIN response_versions v ON v.response_id = rs.id"
	    " JOIN organisations o ON o.id = rs.org_id"
	    " WHERE EXISTS (SELECT 1 FROM remiss_reviewers rr"
	    "  WHERE rr.remiss_id = r.id)"
	    " AND v.received_at > COALESCE($1::timestamptz,"
	    "  GREATEST((SELECT max(m.created_at) FROM mail_outbox m"
	    "   WHERE m.kind = 'digest' AND m.remiss_id = r.id),"
	    "   now() - interval '1 day'))"
	    " ORDER BY r.id, v.received_at, v.id", 1 },
	[STMT_RMAIL_DIGEST_READERS] = { "rmail_digest_readers",
	    "SELECT u.id AS user_id, u.email, u.lang FROM remiss_reviewers rr"
	    " JOIN users u ON u.id = rr.user_id"
	    " WHERE rr.remiss_id = $1::bigint AND NOT u.disabled"
	    " ORDER BY u.id", 1 },
	[STMT_RMAIL_REMINDER_DAYS] = { "rmail_reminder_days",
	    "UPDATE remiss SET reminder_days = $2::int, updated_at = now()"
	    " WHERE id = $1::bigint", 2 },
	[STMT_RDOC_LIST] = { "rdoc_list",
	    "SELECT id, kind, COALESCE(title, '') AS title, filename,"
	    " media_type, size, sha256, iso_time_se(created_at) AS created"
	    " FROM remiss_documents"
	    " WHERE remiss_id = $1::bigint AND removed_at IS NULL"
	    " ORDER BY CASE kind WHEN 'forslag' THEN 0 WHEN 'missiv' THEN 1"
	    " ELSE 2 END, created_at, id", 1 },
	[STMT_RDOC_INSERT] = { "rdoc_insert",
	    "INSERT INTO remiss_documents (remiss_id, kind, title, filename,"
	    " media_type, bytes, size, sha256, uploaded_by)"
	    " SELECT $1::bigint, $2::text, $3::text, $4::text, $5::text, b,"
	    " length(b), $7::text, $8::bigint"
	    " FROM decode($6::text, 'hex') AS b RETURNING id", 8 },
	[STMT_RDOC_GET] = { "rdoc_get",
	    "SELECT filename, media_type, encode(bytes, 'hex') AS hex, sha256"
	    " FROM remiss_documents WHERE remiss_id = $1::bigint"
	    " AND id = $2::bigint AND removed_at IS NULL", 2 },
	[STMT_RDOC_REMOVE] = { "rdoc_remove",
	    "UPDATE remiss_documents SET removed_at = now()"
	    " WHERE remiss_id = $1::bigint AND id = $2::bigint"
	    " AND removed_at IS NULL RETURNING id", 2 },
	[STMT_OBJECT_REMISS_DOCUMENT] = { "object_remiss_document",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM remiss_documents d"
	    "  WHERE d.remiss_id = r.id AND d.id = $3::bigint"
	    "  AND d.removed_at IS NULL)"), 3 },
	/* Issue 18, mail delivery (mail/sender.c, remissctl mail, /admin/utskick). */
	[STMT_MAIL_CLAIM] = { "mail_claim",
	    "SELECT id::text AS id, kind, to_addr, lang, subject, body_text,"
	    " body_html, message_id, automatic, secret, attempts::text AS attempts"
	    " FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"
	    " AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1"
	    " FOR UPDATE SKIP LOCKED", 0 },
	[STMT_MAIL_SENT] = { "mail_sent",
	    "UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1,"
	    " body_text = CASE WHEN secret THEN NULL ELSE body_text END,"
	    " body_html = CASE WHEN secret THEN NULL ELSE body_html END"
	    " WHERE id = $1::bigint AND sent_at IS NULL", 1 },
	/* Given up after the last attempt or two days after it was queued. */
	[STMT_MAIL_TEMPFAIL] = { "mail_tempfail",
	    "UPDATE mail_outbox m SET attempts = m.attempts + 1,"
	    " last_error = left($2, 2000),"
	    " next_attempt_at = now() + $3::int * interval '1 minute',"
	    " failed_at = CASE WHEN g.up THEN now() END,"
	    " body_text = CASE WHEN m.secret AND g.up THEN NULL ELSE m.body_text END,"
	    " body_html = CASE WHEN m.secret AND g.up THEN NULL ELSE m.body_html END"
	    " FROM (SELECT id, attempts + 1 >= $4::int"
	    "  OR coalesce(retried_at, created_at) < now() - interval '2 days' AS up"
	    "  FROM mail_outbox WHERE id = $1::bigint) g"
	    " WHERE m.id = g.id AND m.sent_at IS NULL", 4 },
	[STMT_MAIL_PERMFAIL] = { "mail_permfail",
	    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = left($2, 2000),"
	    " failed_at = now(),"
	    " body_text = CASE WHEN secret THEN NULL ELSE body_text END,"
	    " body_html = CASE WHEN secret THEN NULL ELSE body_html END"
	    " WHERE id = $1::bigint AND sent_at IS NULL", 2 },
	[STMT_MAIL_COUNTS] = { "mail_counts",
	    "SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL)::text AS queued,"
	    " count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL"
	    "  AND attempts > 0)::text AS failing,"
	    " count(*) FILTER (WHERE sent_at IS NOT NULL)::text AS sent,"
	    " count(*) FILTER (WHERE failed_at IS NOT NULL)::text AS failed"
	    " FROM mail_outbox", 0 },
	[STMT_MAIL_LIST] = { "mail_list",
	    "SELECT id::text AS id, kind, to_addr, lang, subject,"
	    " attempts::text AS attempts, secret, automatic, message_id,"
	    " coalesce(iso_time_se(created_at), '') AS created,"
	    " coalesce(iso_time_se(next_attempt_at), '') AS next_attempt,"
	    " coalesce(iso_time_se(sent_at), '') AS sent,"
	    " coalesce(iso_time_se(failed_at), '') AS failed,"
	    " coalesce(last_error, '') AS last_error,"
	    " (sent_at IS NULL AND body_text IS NOT NULL"
	    "  AND (failed_at IS NOT NULL OR attempts > 0)) AS retryable"
	    " FROM mail_outbox"
	    " WHERE CASE $1 WHEN 'queued' THEN sent_at IS NULL AND failed_at IS NULL"
	    "  AND attempts = 0"
	    "  WHEN 'failing' THEN sent_at IS NULL"
	    "  AND (failed_at IS NOT NULL OR attempts > 0)"
	    "  WHEN 'sent' THEN sent_at IS NOT NULL ELSE false END"
	    " ORDER BY CASE WHEN $1 = 'sent' THEN sent_at END DESC,"
	    " coalesce(failed_at, next_attempt_at), id LIMIT $2::int", 2 },
	[STMT_MAIL_RETRY] = { "mail_retry",
	    "UPDATE mail_outbox SET failed_at = NULL, attempts = 0,"
	    " next_attempt_at = now(), retried_at = now()"
	    " WHERE id = $1::bigint AND sent_at IS NULL"
	    " AND body_text IS NOT NULL RETURNING id::text AS id, to_addr", 1 },
	[STMT_MAIL_RETRY_FAILED] = { "mail_retry_failed",
	    "UPDATE mail_outbox SET failed_at = NULL, attempts = 0,"
	    " next_attempt_at = now(), retried_at = now()"
	    " WHERE failed_at IS NOT NULL"
	    " AND sent_at IS NULL AND body_text IS NOT NULL"
	    " RETURNING id::text AS id, to_addr", 0 },
	[STMT_DOCREAD_INSERT] = { "docread_insert",
	    "INSERT INTO document_reads (remiss_id, org_id, uploaded_by, filename,"
	    " media_type, bytes, sha256)"
	    " VALUES ($1::bigint, $2::bigint, $3::bigint, $4, $5, decode($6, 'hex'),"
	    " encode(sha256(decode($6, 'hex')), 'hex'))"
	    " RETURNING id::text AS id, sha256::text AS sha256", 6 },
	[STMT_DOCREAD_CLAIM] = { "docread_claim",
	    "UPDATE document_reads d SET status = 'running',"
	    " attempts = d.attempts + 1, started_at = now(), claimed_by = $1,"
	    " lease_until = now() + make_interval(secs => $2::int)"
	    " FROM remiss r WHERE r.id = d.remiss_id AND d.id = ("
	    "  SELECT id FROM document_reads"
	    "  WHERE (status = 'queued' OR (status = 'running'"
	    "  AND lease_until < now())) AND attempts < $3::int"
	    "  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
	    " RETURNING d.id::text AS id, r.slug AS slug,"
	    " d.attempts::text AS attempts, encode(d.bytes, 'hex') AS hex", 3 },
	[STMT_DOCREAD_GIVE_UP] = { "docread_give_up",
	    "UPDATE document_reads SET status = 'failed', error = 'gave_up',"
	    " finished_at = now(), claimed_by = NULL, lease_until = NULL"
	    " WHERE status = 'running' AND lease_until < now()"
	    " AND attempts >= $1::int RETURNING id::text AS id", 1 },
	[STMT_DOCREAD_DONE] = { "docread_done",
	    "UPDATE document_reads SET status = 'done', text = $3,"
	    " proposal = $4::jsonb, error = NULL, finished_at = now(),"
	    " claimed_by = NULL, lease_until = NULL"
	    " WHERE id = $1::bigint AND status = 'running' AND claimed_by = $2"
	    " RETURNING id::text AS id", 4 },
	[STMT_DOCREAD_FAIL] = { "docread_fail",
	    "UPDATE document_reads SET status = 'failed', error = $3,"
	    " finished_at = now(), claimed_by = NULL, lease_until = NULL"
	    " WHERE id = $1::bigint AND status = 'running' AND claimed_by = $2"
	    " RETURNING id::text AS id", 3 },
	[STMT_DOCREAD_LOAD] = { "docread_load",
	    "SELECT id::text AS id, status, coalesce(error, '') AS error,"
	    " filename, media_type, sha256::text AS sha256,"
	    " attempts::text AS attempts,"
	    " coalesce(confirmed_version::text, '') AS confirmed_version,"
	    " coalesce(proposal->>'position', '') AS position,"
	    " coalesce(proposal->>'position_cue', '') AS position_cue,"
	    " coalesce(proposal->>'summary', '') AS summary,"
	    " coalesce(proposal->>'diarienummer', '') AS diarienummer,"
	    " coalesce(proposal->>'decision_body', '') AS decision_body,"
	    " coalesce(proposal->>'decision_date', '') AS decision_date"
	    " FROM document_reads"
	    " WHERE id = $1::bigint AND remiss_id = $2::bigint"
	    " AND org_id = $3::bigint", 3 },
	[STMT_DOCREAD_ANSWERS] = { "docread_answers",
	    "SELECT coalesce(a.section, '') AS section,"
	    " coalesce(a.question, '') AS question,"
	    " coalesce(a.position, '') AS position,"
	    " coalesce(a.passage, '') AS passage,"
	    " coalesce(a.cue_start, 0)::text AS cue_start,"
	    " coalesce(a.cue_end, 0)::text AS cue_end,"
	    " coalesce(a.comment, '') AS comment,"
	    " coalesce(a.confidence, 0)::text AS confidence"
	    " FROM document_reads d, jsonb_to_recordset(CASE WHEN"
	    "  jsonb_typeof(d.proposal->'answers') = 'array'"
	    "  THEN d.proposal->'answers' ELSE '[]'::jsonb END)"
	    " AS a(section text, question text, position text, passage text,"
	    " cue_start int, cue_end int, comment text, confidence int)"
	    " WHERE d.id = $1::bigint AND d.remiss_id = $2::bigint"
	    " AND d.org_id = $3::bigint AND d.status = 'done'", 3 },
	[STMT_DOCREAD_FILE] = { "docread_file",
	    "SELECT filename, media_type, encode(bytes, 'hex') AS hex"
	    " FROM document_reads WHERE id = $1::bigint"
	    " AND remiss_id = $2::bigint AND org_id = $3::bigint", 3 },
	[STMT_DOCREAD_CONFIRMED] = { "docread_confirmed",
	    "UPDATE document_reads SET confirmed_version = $2::bigint"
	    " WHERE id = $1::bigint RETURNING id::text AS id", 2 },
	[STMT_DOCREAD_COUNTS] = { "docread_counts",
	    "SELECT count(*) FILTER (WHERE status = 'queued')::text AS queued,"
	    " count(*) FILTER (WHERE status = 'running')::text AS running,"
	    " count(*) FILTER (WHERE status = 'done')::text AS done,"
	    " count(*) FILTER (WHERE status = 'failed')::text AS failed"
	    " FROM document_reads", 0 },
	[STMT_DOCREAD_LIST] = { "docread_list",
	    "SELECT id::text AS id, filename, status, coalesce(error, '') AS error,"
	    " to_char(created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')"
	    " AS created, coalesce(confirmed_version::text, '') AS confirmed_version"
	    " FROM document_reads WHERE remiss_id = $1::bigint"
	    " AND org_id = $2::bigint ORDER BY id DESC LIMIT 20", 2 },
	[STMT_OBJECT_DOCUMENT_READ] = { "object_document_read",
	    OBJECT_WHERE("EXISTS (SELECT 1 FROM invitations i"
	    "  WHERE i.remiss_id = r.id AND i.org_id = $3::bigint)"
	    " AND EXISTS (SELECT 1 FROM document_reads d"
	    "  WHERE d.id = $4::bigint AND d.remiss_id = r.id"
	    "  AND d.org_id = $3::bigint)"), 4 },
};
