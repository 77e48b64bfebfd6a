/* stmt.c: the SQL text of every statement, prepared once per connection by db.c. */
#include "config.h"

#include "db/stmt.h"

/* Today's date where the remisser are run. */
#define TODAY_SE "(now() AT TIME ZONE 'Europe/Stockholm')::date"

const struct stmt_def stmt_table[STMT__MAX] = {
	[STMT_HEALTH] = { "health", "SELECT 1", 0 },
	[STMT_BEGIN] = { "begin", "BEGIN", 0 },
	[STMT_COMMIT] = { "commit", "COMMIT", 0 },
	[STMT_ROLLBACK] = { "rollback", "ROLLBACK", 0 },

	[STMT_REMISS_LIST_OPEN] = { "remiss_list_open",
	    "SELECT slug, title, sender, to_char(opens, 'YYYY-MM-DD'),"
	    " to_char(closes, 'YYYY-MM-DD')"
	    " FROM remiss"
	    " WHERE status = 'oppen' AND " TODAY_SE " BETWEEN opens AND closes"
	    " ORDER BY closes, slug", 0 },

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
	    " status = 'oppen', updated_at = now()"
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
};
