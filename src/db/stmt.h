/* stmt.h: every SQL statement the programs run, by id; the SQL text lives in stmt.c. */
#ifndef REMISS_STMT_H
#define REMISS_STMT_H

/*
 * Parameters are listed in order ($1, $2, ...), results after "->". All
 * values travel as text; dates as YYYY-MM-DD, ids as decimal strings.
 */
enum stmt {
	STMT_HEALTH,		/* SELECT 1 */
	STMT_BEGIN,		/* BEGIN (use db_begin) */
	STMT_COMMIT,		/* COMMIT (use db_commit) */
	STMT_ROLLBACK,		/* ROLLBACK (use db_rollback) */
	STMT_REMISS_LIST_OPEN,	/* -> slug, title, sender, opens, closes: remisser
				   with status oppen whose window contains today
				   (Europe/Stockholm), ordered by closes */
	STMT_ORG_UPSERT,	/* name, kind or NULL, orgnr or NULL -> id. A new
				   organisation gets kind kommun when kind is NULL;
				   an existing one keeps what a NULL leaves out */
	STMT_ORG_BY_NAME,	/* name -> id, kind, orgnr */
	STMT_REMISS_UPSERT,	/* slug, title, sender, diarienummer, description,
				   opens, closes -> id; sets status oppen */
	STMT_REMISS_SHIFT_TO_TODAY,	/* remiss id -> opens, closes: opened 30
				   days ago, closes in 30 days (Europe/Stockholm) */
	STMT_SECTION_UPSERT,	/* remiss id, nr, heading, body, position -> id:
				   updates the live section with that nr, else
				   revives the latest retired one, else inserts */
	STMT_SECTION_RETIRE_OTHERS,	/* remiss id, ids as '{1,2}' -> nr of each
				   live section not in the list, now retired */
	STMT_QUESTION_UPSERT,	/* remiss id, section id or NULL, qid, kind, text,
				   position -> id (revives a retired question) */
	STMT_QUESTION_RETIRE_OTHERS,	/* remiss id, ids as '{1,2}' -> qid of each
				   live question not in the list, now retired */
	STMT_INVITATION_UPSERT,	/* remiss id, org id (no-op when invited) */
	STMT_AUDIT,		/* actor, action, object type, object id, detail
				   (JSON text or NULL) -> id */
	STMT__MAX
};

struct stmt_def {
	const char	*name;		/* prepared statement name */
	const char	*sql;
	int		 nparams;
};

/* The table, indexed by enum stmt. */
extern const struct stmt_def stmt_table[STMT__MAX];

#endif
