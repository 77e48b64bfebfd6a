/* read_worker.c: the loop of `remissctl documents read`: claim, extract in a bounded child, match, store. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "core/remiss_def.h"
#include "db/db.h"
#include "db/notify.h"
#include "http/utf8.h"
#include "log.h"
#include "reader/extract.h"
#include "reader/match.h"
#include "reader/proposal.h"
#include "reader/read_worker.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/numparse.h"

const char *
read_error_code(const struct child_result *res)
{
	if (res->timed_out || res->output_over)
		return "limits";
	if (!res->exited)
		/* SIGXCPU, or SIGKILL after it, or the kernel's for memory;
		 * any other signal is a crash on a hostile document. */
		return res->signal == SIGXCPU || res->signal == SIGKILL ||
		    res->signal == SIGSEGV || res->signal == SIGABRT ?
		    "limits" : "corrupt";
	switch (res->status) {
	case EXTRACT_OK:
		return NULL;
	case EXTRACT_UNSUPPORTED:
		return "unsupported";
	case EXTRACT_CORRUPT:
		return "corrupt";
	case EXTRACT_TOO_LARGE:
		return "too_large";
	case EXTRACT_ENCRYPTED:
		return "encrypted";
	case EXTRACT_NOMEM:
		return "limits";
	case EXTRACT_EMPTY:
		return "empty";
	default:
		return "internal";
	}
}

/* Stores the outcome of row id. 0, or -1 (the database failed: the
 * lease will run out and the row be read again). */
static int
finish(struct db *db, const struct read_opts *o, const char *id,
    const char *error, const char *text, const char *proposal)
{
	const char	*p[4];
	PGresult	*r;

	p[0] = id;
	p[1] = o->worker;
	if (error != NULL) {
		p[2] = error;
		r = db_query(db, STMT_DOCREAD_FAIL, p);
	} else {
		p[2] = text;
		p[3] = proposal;
		r = db_query(db, STMT_DOCREAD_DONE, p);
	}
	if (r == NULL)
		return -1;
	if (PQntuples(r) == 0)
		log_warn("document read %s: no longer ours (lease ran out)", id);
	PQclear(r);
	return 0;
}

/* What propose says when the database failed: the row is left to its
 * lease, to be read again, rather than failed for good. */
static const char db_failed[] = "";

/* Matches text against the remiss slug and writes the proposal JSON into
 * json. Returns NULL, the error code, or db_failed. */
static const char *
propose(struct db *db, struct arena *a, const char *slug, const char *text,
    size_t len, struct buf *json)
{
	struct remiss_def	 def;
	struct reader_target	*t;
	struct reader_result	 res;
	size_t			 nt;

	switch (remiss_load(db, a, slug, &def)) {
	case 1:
		break;
	case 0:
		return "internal";	/* the remiss went meanwhile */
	default:
		return db_failed;
	}
	t = proposal_targets(a, &def, &nt);
	memset(&res, 0, sizeof(res));
	if (reader_match(a, text, len, t, nt, &res) == -1)
		return "limits";
	if (proposal_json(json, text, len, t, nt, &res) == -1)
		return "limits";
	return NULL;
}

enum { C_ID, C_SLUG, C_ATTEMPTS, C_HEX, C__N };
static const char *const claim_cols[C__N] = {
	[C_ID] = "id", [C_SLUG] = "slug", [C_ATTEMPTS] = "attempts",
	[C_HEX] = "hex",
};

/* Gives up expired rows, then reads one. 1 read, 0 none queued, -1 the
 * database failed. */
static int
read_one(struct db *db, const struct read_opts *o, struct read_stats *st)
{
	struct child_result	 res;
	struct buf		 text, json;
	struct arena		*a;
	PGresult		*r;
	const char		*p[3], *id, *slug, *hex, *error = NULL;
	char			 lease[16], maxa[16];
	unsigned char		*bin;
	size_t			 hexlen, binlen;
	int			 c[C__N], rc = -1;

	if ((a = arena_new()) == NULL)
		return -1;
	snprintf(maxa, sizeof(maxa), "%d", READ_MAX_ATTEMPTS);
	snprintf(lease, sizeof(lease), "%u", o->lease_s);
	p[0] = maxa;
	if ((r = db_query(db, STMT_DOCREAD_GIVE_UP, p)) == NULL)
		goto out;
	for (int i = 0; i < PQntuples(r); i++) {
		log_warn("document read %s: given up after %d attempts",
		    PQgetvalue(r, i, 0), READ_MAX_ATTEMPTS);
		st->given_up++;
	}
	PQclear(r);
	p[0] = o->worker;
	p[1] = lease;
	p[2] = maxa;
	if ((r = db_query(db, STMT_DOCREAD_CLAIM, p)) == NULL)
		goto out;
	if (PQntuples(r) == 0) {
		PQclear(r);
		rc = 0;
		goto out;
	}
	if (db_cols(r, claim_cols, c, C__N) == -1 ||
	    (id = arena_strdup(a, db_text(r, 0, c[C_ID]))) == NULL ||
	    (slug = arena_strdup(a, db_text(r, 0, c[C_SLUG]))) == NULL) {
		PQclear(r);
		goto out;
	}
	hex = db_text(r, 0, c[C_HEX]);
	hexlen = (size_t)PQgetlength(r, 0, c[C_HEX]);
	if ((bin = arena_alloc(a, hexlen / 2 + 1)) == NULL ||
	    sodium_hex2bin(bin, hexlen / 2 + 1, hex, hexlen, NULL, &binlen,
	    NULL) != 0) {
		PQclear(r);
		goto out;
	}
	log_info("document read %s: attempt %s", id,
	    db_text(r, 0, c[C_ATTEMPTS]));
	PQclear(r);

	buf_init(&text, a);
	buf_init(&json, a);
	if (child_run(o->extract, &o->limits, bin, binlen, &text, &res) == -1)
		error = "internal";
	else if ((error = read_error_code(&res)) != NULL)
		log_warn("document read %s: %s (exit %d, signal %d%s%s): %s",
		    id, error, res.status, res.signal,
		    res.timed_out ? ", timed out" : "",
		    res.output_over ? ", output over the limit" : "", res.err);
	/* Its output is not trusted either: text as match.h defines it. */
	if (error == NULL) {
		while (text.len > 0 && text.data[text.len - 1] == '\n')
			text.data[--text.len] = '\0';
		if (text.len == 0)
			error = "empty";
		else if (text.len > EXTRACT_MAX_TEXT ||
		    memchr(text.data, '\0', text.len) != NULL ||
		    !utf8_valid(text.data, text.len))
			error = "corrupt";
	}
	if (error == NULL)
		error = propose(db, a, slug, text.data, text.len, &json);
	if (error == db_failed)
		goto out;
	if (finish(db, o, id, error, error == NULL ? text.data : NULL,
	    error == NULL ? json.data : NULL) == -1)
		goto out;
	if (error == NULL)
		st->done++;
	else
		st->failed++;
	rc = 1;
out:
	arena_free(a);
	return rc;
}

int
read_worker_run(struct db *db, const struct read_opts *o,
    volatile sig_atomic_t *stop, struct read_stats *st)
{
	unsigned long	 seen = 0;
	bool		 listening = false;
	long		 handled = 0;
	int		 got;

	memset(st, 0, sizeof(*st));
	for (;;) {
		if (o->wait_mask != NULL) {
			struct timespec zero = { 0, 0 };

			(void)pselect(0, NULL, NULL, NULL, &zero, o->wait_mask);
		}
		if (*stop)
			break;
		if (!o->once)
			db_listen_once(db, "LISTEN document_reads", &seen, &listening);
		got = read_one(db, o, st);
		if (got == 1) {
			if (o->max > 0 && ++handled >= o->max)
				break;
			continue;
		}
		if (got == -1) {
			if (o->once)
				return -1;
			log_warn("the database failed; trying again in %u s",
			    o->poll_s);
			listening = false;
		} else if (o->once)
			break;
		db_wait_notify(db, o->poll_s, stop, o->wait_mask);
	}
	return 0;
}
