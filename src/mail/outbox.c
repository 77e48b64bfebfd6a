/* outbox.c: queues an e-mail in the same transaction as the event that causes it (mail_outbox). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "auth/token.h"
#include "db/db.h"
#include "log.h"
#include "mail/mail_config.h"
#include "mail/outbox.h"

bool
outbox_address_ok(const char *s)
{
	const char	*at;
	size_t		 len;

	if (s == NULL || (len = strlen(s)) == 0 || len > 254)
		return false;
	if ((at = strchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f ||
		    strchr("<>,;\"()[]\\", *s) != NULL)
			return false;
	return true;
}

/* Writes "id" as text into out (NULL for 0). */
static const char *
id_param(long long id, char *out, size_t size)
{
	if (id <= 0)
		return NULL;
	snprintf(out, size, "%lld", id);
	return out;
}

enum outbox_result
outbox_queue(struct db *db, const struct mail_draft *m)
{
	char		 random[TOKEN_HEX], message_id[300];
	char		 remiss[24], org[24], user[24];
	const char	*p[13];
	PGresult	*r;
	int		 queued;

	if (m->kind == NULL || !outbox_address_ok(m->to) || m->subject == NULL ||
	    m->text == NULL)
		return OUTBOX_INVALID;
	if (token_new(random) == -1) {
		log_err("outbox: no random bytes for a Message-ID");
		return OUTBOX_FAILED;
	}
	/* 128 bits of the token are plenty to be unique. */
	snprintf(message_id, sizeof(message_id), "%.32s.%s@%s", random,
	    m->kind, mail_config()->domain);
	p[0] = m->kind;
	p[1] = m->to;
	p[2] = m->lang != NULL ? m->lang : "sv";
	p[3] = m->subject;
	p[4] = m->text;
	p[5] = m->html;
	p[6] = message_id;
	p[7] = m->dedupe_key;
	p[8] = m->secret ? "true" : "false";
	p[9] = m->personal ? "true" : "false";
	p[10] = id_param(m->remiss_id, remiss, sizeof(remiss));
	p[11] = id_param(m->org_id, org, sizeof(org));
	p[12] = id_param(m->user_id, user, sizeof(user));
	if ((r = db_query(db, STMT_OUTBOX_QUEUE, p)) == NULL)
		return db_last_failure(db) == DB_FAIL_REFUSED ? OUTBOX_INVALID :
		    OUTBOX_FAILED;
	queued = PQntuples(r) == 1;
	PQclear(r);
	return queued ? OUTBOX_QUEUED : OUTBOX_DUPLICATE;
}
