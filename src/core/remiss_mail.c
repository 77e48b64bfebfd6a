/* remiss_mail.c: queues the messages about a remiss: the receipt of a version, the dispatch,
 * the reminders and the referensgrupp's digest (mail_outbox, inside the caller's transaction). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/remiss_docs.h"
#include "core/remiss_mail.h"
#include "core/response_store.h"
#include "db/db.h"
#include "log.h"
#include "mail/mail_config.h"
#include "mail/outbox.h"
#include "util/arena.h"
#include "util/buf.h"
#include "views/answer_link.h"
#include "views/mail_remiss.h"

/* An absolute link: the public address and path. */
static const char *
url(struct arena *a, const char *path)
{
	if (path == NULL)
		return NULL;
	return arena_printf(a, "%s%s", mail_config()->public_url, path);
}

/* addr in lower case, for dedupe keys (the same mailbox written twice);
 * addr itself if memory ran out (a key differing only in case). */
static const char *
lower(struct arena *a, const char *addr)
{
	char	*s, *p;

	if (addr == NULL)
		return "";
	if ((s = arena_strdup(a, addr)) == NULL)
		return addr;
	for (p = s; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

static enum lang
lang_of(const char *code)
{
	return code != NULL && strcmp(code, "en") == 0 ? LANG_EN : LANG_SV;
}

/* Queues one rendered message. 1 queued, 0 already there (the key), -1. */
static int
queue(struct db *db, const char *kind, const char *to, enum lang lang,
    const struct mail_out *m, const char *key, long long remiss_id,
    long long org_id, long long user_id)
{
	struct mail_draft	d;

	/* Every message here has its key: without it (memory ran out while
	 * writing it) a second run could send it twice. */
	if (key == NULL || m->subject == NULL)
		return -1;
	memset(&d, 0, sizeof(d));
	d.kind = kind;
	d.to = to;
	d.lang = lang_code(lang);
	d.subject = m->subject;
	d.text = m->text;
	d.html = m->html;
	d.dedupe_key = key;
	d.remiss_id = remiss_id;
	d.org_id = org_id;
	d.user_id = user_id;
	switch (outbox_queue(db, &d)) {
	case OUTBOX_QUEUED:
		return 1;
	case OUTBOX_DUPLICATE:
		return 0;
	default:
		return -1;
	}
}

int
remiss_mail_receipt(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, long long user_id, const char *contact_email,
    const struct receipt *r)
{
	enum { C_TITLE, C_REGISTRY, C_EMAIL, C_LANG, C__N };
	static const char *const cols[C__N] = { "title", "registry_email",
	    "user_email", "user_lang" };
	char			 rid[24], oid[24], uid[24];
	const char		*p[3] = { rid, oid, user_id > 0 ? uid : NULL };
	const char		*person, *registry;
	struct mail_receipt	 m;
	struct mail_out		 out;
	enum lang		 lang = LANG_SV;
	PGresult		*res;
	int			 c[C__N], rc = -1;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(oid, sizeof(oid), "%lld", org_id);
	snprintf(uid, sizeof(uid), "%lld", user_id);
	if ((res = db_query(db, STMT_RMAIL_RECEIPT_TO, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1 || db_cols(res, cols, c, C__N) == -1)
		goto done;
	memset(&m, 0, sizeof(m));
	m.title = arena_strdup(a, db_text(res, 0, c[C_TITLE]));
	m.org_name = r->org_name;
	m.number = r->number;
	m.received_at = r->received_at;
	m.version = r->version;
	m.sha256 = r->sha256;
	m.url = url(a, arena_printf(a, "/remisser/%s/kvitton/%lld",
	    r->remiss_slug, r->version_id));
	person = arena_strdup(a, db_text(res, 0, c[C_EMAIL]));
	registry = arena_strdup(a, db_text(res, 0, c[C_REGISTRY]));
	if (person != NULL && *person != '\0')
		lang = lang_of(db_text(res, 0, c[C_LANG]));
	else
		person = contact_email;
	if (m.title == NULL || m.url == NULL || registry == NULL)
		goto done;
	/* The person who sent it, in their language. */
	if (person != NULL && *person != '\0') {
		if (mail_receipt_render(a, lang, &m, &out) == -1 ||
		    queue(db, "receipt", person, lang, &out,
		    arena_printf(a, "receipt:%lld:%s", r->version_id,
		    lower(a, person)), remiss_id, org_id, user_id) == -1)
			goto done;
	}
	/* The organisation's registry, in Swedish. */
	if (*registry != '\0') {
		if (mail_receipt_render(a, LANG_SV, &m, &out) == -1 ||
		    queue(db, "receipt", registry, LANG_SV, &out,
		    arena_printf(a, "receipt:%lld:%s", r->version_id,
		    lower(a, registry)), remiss_id, org_id, 0) == -1)
			goto done;
	}
	rc = 0;
done:
	PQclear(res);
	if (rc == -1)
		log_err("receipt mail of version %lld could not be queued",
		    r->version_id);
	return rc;
}

int
remiss_mail_facts(struct db *db, struct arena *a, long long remiss_id,
    struct remiss_facts *f)
{
	enum { C_SLUG, C_TITLE, C_SENDER, C_DNR, C_SENDABLE, C_DAYS, C__N };
	static const char *const cols[C__N] = { "slug", "title", "sender",
	    "diarienummer", "sendable", "reminder_days" };
	long long	 days = 0;
	char		 rid[24];
	const char	*p[1] = { rid };
	PGresult	*r;
	int		 c[C__N], rc = -1;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_RMAIL_REMISS, p)) == NULL)
		return -1;
	if (PQntuples(r) == 1 && db_cols(r, cols, c, C__N) == 0 &&
	    (f->slug = arena_strdup(a, db_text(r, 0, c[C_SLUG]))) != NULL &&
	    (f->title = arena_strdup(a, db_text(r, 0, c[C_TITLE]))) != NULL &&
	    (f->sender = arena_strdup(a, db_text(r, 0, c[C_SENDER]))) != NULL &&
	    (f->diarienummer = arena_strdup(a,
	    db_text(r, 0, c[C_DNR]))) != NULL) {
		f->sendable = db_bool(r, 0, c[C_SENDABLE]);
		(void)db_ll(r, 0, c[C_DAYS], &days);
		f->reminder_days = (int)days;
		rc = 0;
	}
	PQclear(r);
	return rc;
}

/* The dispatch's or reminder's message for one organisation, without the
 * deadline and name (set per row). Documents linked. */
static int
dispatch_base(struct db *db, struct arena *a, long long remiss_id,
    const struct remiss_facts *f, int reminder, struct mail_dispatch *m)
{
	struct remiss_doc	*docs;
	struct mail_doc		*md = NULL;
	long			 n, i;

	memset(m, 0, sizeof(*m));
	if ((n = remiss_docs_list(db, a, remiss_id, &docs)) < 0)
		return -1;
	if (n > 0 && (md = arena_calloc(a, (size_t)n, sizeof(*md))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		md[i].kind = docs[i].kind;
		md[i].name = *docs[i].title != '\0' ? docs[i].title :
		    docs[i].filename;
		md[i].size = docs[i].size;
		if ((md[i].url = url(a, arena_printf(a,
		    "/remisser/%s/dokument/%lld", f->slug, docs[i].id))) ==
		    NULL)
			return -1;
	}
	m->reminder = reminder;
	m->title = f->title;
	m->sender = f->sender;
	m->diarienummer = f->diarienummer;
	m->remiss_url = url(a, arena_printf(a, "/remisser/%s", f->slug));
	m->answer_url = url(a, arena_printf(a, "/remisser/%s/svar", f->slug));
	m->api_url = url(a, arena_printf(a, "/api/v1/remisser/%s/remissvar",
	    f->slug));
	m->docs = md;
	m->ndocs = (size_t)n;
	return m->remiss_url != NULL && m->answer_url != NULL &&
	    m->api_url != NULL ? 0 : -1;
}

enum { DT_ORG, DT_NAME, DT_DEADLINE, DT_ADDR, DT_LANG, DT_USER, DT__N };
static const char *const dispatch_cols[DT__N] = { "org_id", "org_name",
    "deadline", "addr", "lang", "user_id" };

int
remiss_mail_dispatch_plan(struct db *db, struct arena *a, long long remiss_id,
    struct dispatch_plan *p)
{
	struct remiss_facts	 f;
	char			 rid[24];
	const char		*pp[1] = { rid };
	PGresult		*r;
	long long		 org, last = 0;
	int			 c[DT__N], i, n;

	memset(p, 0, sizeof(*p));
	if (remiss_mail_facts(db, a, remiss_id, &f) == -1)
		return -1;
	p->sendable = f.sendable;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if ((r = db_query(db, STMT_RMAIL_DISPATCH_TO, pp)) == NULL)
		return -1;
	if (db_cols(r, dispatch_cols, c, DT__N) == -1) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < PQntuples(r); i++) {
		if (db_ll(r, i, c[DT_ORG], &org) == 0 && org != last) {
			p->orgs++;
			last = org;
		}
		p->messages++;
	}
	PQclear(r);
	if ((r = db_query(db, STMT_RMAIL_NO_ADDRESS, pp)) == NULL)
		return -1;
	n = PQntuples(r);
	if (n > 0 && (p->no_address = arena_calloc(a, (size_t)n,
	    sizeof(*p->no_address))) == NULL) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((p->no_address[i] = arena_strdup(a,
		    db_text(r, i, 0))) == NULL) {
			PQclear(r);
			return -1;
		}
	p->nno_address = n;
	PQclear(r);
	return 0;
}

enum dispatch_result
remiss_mail_dispatch(struct db *db, struct arena *a, long long remiss_id,
    const char *actor, long *queued)
{
	struct remiss_facts	 f;
	struct mail_dispatch	 m;
	struct mail_out		 out;
	struct buf		 orgs;
	char			 rid[24];
	const char		*pp[2] = { rid, NULL }, *addr, *key;
	PGresult		*r = NULL;
	long long		 org, last = 0, uid;
	enum lang		 lang;
	int			 c[DT__N], i, q;

	*queued = 0;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if (db_begin(db) == -1)
		return DISPATCH_ERROR;
	if (remiss_mail_facts(db, a, remiss_id, &f) == -1)
		goto err;
	if (!f.sendable) {
		db_rollback(db);
		return DISPATCH_NOT_OPEN;
	}
	if (dispatch_base(db, a, remiss_id, &f, 0, &m) == -1)
		goto err;
	if ((r = db_query(db, STMT_RMAIL_DISPATCH_TO, pp)) == NULL ||
	    db_cols(r, dispatch_cols, c, DT__N) == -1)
		goto err;
	buf_init(&orgs, a);
	buf_puts(&orgs, "{");
	for (i = 0; i < PQntuples(r); i++) {
		if (db_ll(r, i, c[DT_ORG], &org) == -1)
			goto err;
		if (org != last)
			buf_printf(&orgs, "%s%lld", last != 0 ? "," : "", org);
		last = org;
		uid = 0;
		if (!db_isnull(r, i, c[DT_USER]) &&
		    db_ll(r, i, c[DT_USER], &uid) == -1)
			goto err;
		addr = db_text(r, i, c[DT_ADDR]);
		lang = lang_of(db_text(r, i, c[DT_LANG]));
		m.org_name = db_text(r, i, c[DT_NAME]);
		m.deadline = db_text(r, i, c[DT_DEADLINE]);
		key = arena_printf(a, "dispatch:%lld:%lld:%s", remiss_id, org,
		    lower(a, addr));
		/* An address the outbox refuses (a contact's odd address)
		 * would abort the whole dispatch: skip it, logged. */
		if (!outbox_address_ok(addr)) {
			log_warn("dispatch of remiss %lld: address of "
			    "organisation %lld refused", remiss_id, org);
			continue;
		}
		if (key == NULL || mail_dispatch_render(a, lang, &m, &out) == -1 ||
		    (q = queue(db, "dispatch", addr, lang, &out, key, remiss_id,
		    org, uid)) == -1)
			goto err;
		*queued += q;
	}
	PQclear(r);
	r = NULL;
	buf_puts(&orgs, "}");
	if (orgs.failed)
		goto err;
	pp[1] = orgs.data;
	if ((r = db_query(db, STMT_RMAIL_DISPATCH_MARK, pp)) == NULL)
		goto err;
	PQclear(r);
	r = NULL;
	if (audit_commit(db, actor, "remiss.dispatch", "remiss", rid,
	    arena_printf(a, "{\"messages\":%ld}", *queued)) == -1) {
		*queued = 0;
		return DISPATCH_ERROR;
	}
	return DISPATCH_OK;
err:
	PQclear(r);
	db_rollback(db);
	*queued = 0;
	return DISPATCH_ERROR;
}

int
remiss_mail_reminders(struct db *db, struct arena *a, const char *today,
    long *queued)
{
	enum { C_REMISS, C_SLUG, C_TITLE, C_SENDER, C_DNR, C_ORG, C_NAME,
	    C_DEADLINE, C_ADDR, C__N };
	static const char *const cols[C__N] = { "remiss_id", "slug", "title",
	    "sender", "diarienummer", "org_id", "org_name", "deadline",
	    "addr" };
	const char		*p[1] = { today }, *addr;
	char			 ids[2][24];
	const char		*mp[2] = { ids[0], ids[1] };
	struct remiss_facts	 f;
	struct mail_dispatch	 m;
	struct mail_out		 out;
	PGresult		*r, *u;
	long long		 remiss, org, cur_remiss = 0;
	int			 c[C__N], i, n, j, q, rc = -1;

	*queued = 0;
	if ((r = db_query(db, STMT_RMAIL_REMINDERS_DUE, p)) == NULL)
		return -1;
	if (db_cols(r, cols, c, C__N) == -1)
		goto done;
	n = PQntuples(r);
	/* One organisation of one remiss at a time: rows i..j. */
	for (i = 0; i < n; i = j) {
		if (db_ll(r, i, c[C_REMISS], &remiss) == -1 ||
		    db_ll(r, i, c[C_ORG], &org) == -1)
			goto done;
		if (remiss != cur_remiss) {
			f.slug = db_text(r, i, c[C_SLUG]);
			f.title = db_text(r, i, c[C_TITLE]);
			f.sender = db_text(r, i, c[C_SENDER]);
			f.diarienummer = db_text(r, i, c[C_DNR]);
			if (dispatch_base(db, a, remiss, &f, 1, &m) == -1)
				goto done;
			cur_remiss = remiss;
		}
		m.org_name = db_text(r, i, c[C_NAME]);
		m.deadline = db_text(r, i, c[C_DEADLINE]);
		if (db_begin(db) == -1)
			goto done;
		for (j = i; j < n; j++) {
			long long r2, o2;

			if (db_ll(r, j, c[C_REMISS], &r2) == -1 ||
			    db_ll(r, j, c[C_ORG], &o2) == -1 || r2 != remiss ||
			    o2 != org)
				break;
			addr = db_text(r, j, c[C_ADDR]);
			if (!outbox_address_ok(addr))
				continue;
			if (mail_dispatch_render(a, LANG_SV, &m, &out) == -1 ||
			    (q = queue(db, "reminder", addr, LANG_SV, &out,
			    arena_printf(a, "reminder:%lld:%lld:%s:%s", remiss,
			    org, m.deadline, lower(a, addr)), remiss, org,
			    0)) == -1) {
				db_rollback(db);
				goto done;
			}
			*queued += q;
		}
		snprintf(ids[0], sizeof(ids[0]), "%lld", remiss);
		snprintf(ids[1], sizeof(ids[1]), "%lld", org);
		if ((u = db_query(db, STMT_RMAIL_REMINDED, mp)) == NULL) {
			db_rollback(db);
			goto done;
		}
		PQclear(u);
		if (db_commit(db) == -1)
			goto done;
	}
	rc = 0;
done:
	PQclear(r);
	return rc;
}

/* Queues the digest of one remiss (items) to each of its referensgrupp,
 * in one transaction. */
static int
digest_one(struct db *db, struct arena *a, long long remiss_id,
    const struct mail_digest *m, const char *today, long *queued)
{
	char		 rid[24];
	const char	*p[1] = { rid }, *addr;
	struct mail_out	 out;
	PGresult	*r;
	long long	 uid;
	enum lang	 lang;
	long		 n = 0;
	int		 i, q;

	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	if (db_begin(db) == -1)
		return -1;
	if ((r = db_query(db, STMT_RMAIL_DIGEST_READERS, p)) == NULL)
		goto err;
	for (i = 0; i < PQntuples(r); i++) {
		if (db_ll(r, i, 0, &uid) == -1)
			goto err;
		addr = db_text(r, i, 1);
		lang = lang_of(db_text(r, i, 2));
		if (!outbox_address_ok(addr))
			continue;
		if (mail_digest_render(a, lang, m, &out) == -1 ||
		    (q = queue(db, "digest", addr, lang, &out,
		    arena_printf(a, "digest:%lld:%lld:%s", remiss_id, uid,
		    today), remiss_id, 0, uid)) == -1)
			goto err;
		n += q;
	}
	PQclear(r);
	if (db_commit(db) == -1)
		return -1;
	*queued += n;
	return 0;
err:
	PQclear(r);
	db_rollback(db);
	return -1;
}

int
remiss_mail_digest(struct db *db, struct arena *a, const char *since,
    const char *today, long *queued)
{
	enum { C_REMISS, C_SLUG, C_TITLE, C_ORG, C_NAME, C_VERSION, C_AT,
	    C__N };
	static const char *const cols[C__N] = { "remiss_id", "slug", "title",
	    "org_id", "org_name", "version", "received_at" };
	const char		*p[1] = { since };
	struct mail_digest_item	*items;
	struct mail_digest	 m;
	PGresult		*r;
	long long		 remiss, next, v;
	int			 c[C__N], i, j, k, n, rc = -1;

	*queued = 0;
	if ((r = db_query(db, STMT_RMAIL_DIGEST_NEW, p)) == NULL)
		return -1;
	if (db_cols(r, cols, c, C__N) == -1)
		goto done;
	n = PQntuples(r);
	for (i = 0; i < n; i = j) {
		if (db_ll(r, i, c[C_REMISS], &remiss) == -1)
			goto done;
		for (j = i; j < n; j++)
			if (db_ll(r, j, c[C_REMISS], &next) == -1 ||
			    next != remiss)
				break;
		if ((items = arena_calloc(a, (size_t)(j - i),
		    sizeof(*items))) == NULL)
			goto done;
		for (k = i; k < j; k++) {
			const char *slug = db_text(r, k, c[C_SLUG]);

			items[k - i].org_name = arena_strdup(a,
			    db_text(r, k, c[C_NAME]));
			items[k - i].version = db_ll(r, k, c[C_VERSION],
			    &v) == 0 ? (int)v : 0;
			items[k - i].received_at = arena_strdup(a,
			    db_text(r, k, c[C_AT]));
			items[k - i].url = url(a, answer_href(a, slug, "",
			    db_text(r, k, c[C_ORG])));
			if (items[k - i].org_name == NULL ||
			    items[k - i].received_at == NULL ||
			    items[k - i].url == NULL)
				goto done;
		}
		memset(&m, 0, sizeof(m));
		m.title = arena_strdup(a, db_text(r, i, c[C_TITLE]));
		m.review_url = url(a, arena_printf(a, "/remisser/%s/granskning",
		    db_text(r, i, c[C_SLUG])));
		m.items = items;
		m.nitems = (size_t)(j - i);
		if (m.title == NULL || m.review_url == NULL ||
		    digest_one(db, a, remiss, &m, today, queued) == -1)
			goto done;
	}
	rc = 0;
done:
	PQclear(r);
	return rc;
}

int
remiss_mail_set_reminder_days(struct db *db, struct arena *a,
    long long remiss_id, int days, const char *actor)
{
	char		 rid[24], d[16];
	const char	*p[2] = { rid, d };
	PGresult	*r;

	if (days < 0 || days > 60)
		return -1;
	snprintf(rid, sizeof(rid), "%lld", remiss_id);
	snprintf(d, sizeof(d), "%d", days);
	if (db_begin(db) == -1)
		return -1;
	if ((r = db_query(db, STMT_RMAIL_REMINDER_DAYS, p)) == NULL) {
		db_rollback(db);
		return -1;
	}
	PQclear(r);
	return audit_commit(db, actor, "remiss.reminder_days", "remiss", rid,
	    arena_printf(a, "{\"reminder_days\":%d}", days));
}
