/* ctl/ctl_verify.c: remissctl verify: recomputes every receipt's SHA-256 and counts versions against receipts. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "ctl/ctl_common.h"
#include "ctl/ctl_verify.h"
#include "db/db.h"
#include "util/numparse.h"
#include "util/sha256.h"

/* Runs statement id with params; NULL after printing why it failed. */
static PGresult *
query(struct db *db, enum stmt id, const char *const *params)
{
	PGresult	*r;
	char		 what[96];

	r = db_exec(db, id, params);
	if (!db_result_ok(r)) {
		snprintf(what, sizeof(what), "verify: %s", stmt_table[id].name);
		ctl_db_error(what, r);
		PQclear(r);
		return NULL;
	}
	return r;
}

/* query, and binds the columns named cols[0..n) into idx (db_cols); NULL
 * after printing why when either fails. */
static PGresult *
query_cols(struct db *db, enum stmt id, const char *const *params,
    const char *const *cols, int *idx, size_t n)
{
	PGresult	*r;
	char		 what[96];

	if ((r = query(db, id, params)) == NULL)
		return NULL;
	if (db_cols(r, cols, idx, n) == -1) {
		snprintf(what, sizeof(what), "verify: %s", stmt_table[id].name);
		ctl_db_error(what, NULL);
		PQclear(r);
		return NULL;
	}
	return r;
}

/* The columns of STMT_VERIFY_VERSIONS. */
enum { VV_ID, VV_RECEIPT, VV_SHA, VV_AUDITS, VV_AUDIT_SHA, VV_AUDIT_RECEIPT,
    VV__N };
static const char *const versions_cols[VV__N] = {
	[VV_ID] = "id", [VV_RECEIPT] = "receipt_number", [VV_SHA] = "sha256",
	[VV_AUDITS] = "audits", [VV_AUDIT_SHA] = "audit_sha256",
	[VV_AUDIT_RECEIPT] = "audit_receipt",
};
static const char *const xml_col[1] = { "canonical_xml" };

/* The versions: canonical XML against the receipt and the audit row. */
static int
check_versions(struct db *db, FILE *out, struct verify_counts *c)
{
	PGresult	*r = NULL, *x = NULL;
	const char	*id, *rcpt, *sha, *audits, *p[1];
	char		 got[65];
	int		 i, rc = -1, k[VV__N], kx;

	if ((r = query_cols(db, STMT_VERIFY_VERSIONS, NULL, versions_cols, k,
	    VV__N)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++) {
		id = db_text(r, i, k[VV_ID]);
		rcpt = db_text(r, i, k[VV_RECEIPT]);
		sha = db_text(r, i, k[VV_SHA]);
		audits = db_text(r, i, k[VV_AUDITS]);
		c->versions++;
		p[0] = id;
		if ((x = query_cols(db, STMT_VERIFY_VERSION_XML, p, xml_col, &kx,
		    1)) == NULL)
			goto err;
		if (PQntuples(x) != 1) {
			fprintf(out, "version %s (receipt %s): gone while "
			    "checking\n", id, rcpt);
			c->problems++;
		} else {
			sha256_hex(db_text(x, 0, kx),
			    (size_t)PQgetlength(x, 0, kx), got);
			if (strcmp(got, sha) != 0) {
				fprintf(out, "version %s (receipt %s): the "
				    "stored canonical XML hashes to %s, the "
				    "receipt says %s\n", id, rcpt, got, sha);
				c->problems++;
			}
		}
		PQclear(x);
		x = NULL;
		if (strcmp(audits, "0") == 0) {
			fprintf(out, "version %s (receipt %s): no "
			    "response.submit row in the audit log\n", id, rcpt);
			c->problems++;
			continue;
		}
		c->receipts++;
		if (strcmp(audits, "1") != 0) {
			fprintf(out, "version %s (receipt %s): %s response.submit "
			    "rows in the audit log, expected one\n", id, rcpt,
			    audits);
			c->problems++;
		}
		if (strcmp(db_text(r, i, k[VV_AUDIT_SHA]), sha) != 0 ||
		    strcmp(db_text(r, i, k[VV_AUDIT_RECEIPT]), rcpt) != 0) {
			fprintf(out, "version %s (receipt %s): the audit log "
			    "recorded receipt %s with SHA-256 %s, the version "
			    "has %s\n", id, rcpt,
			    db_text(r, i, k[VV_AUDIT_RECEIPT]),
			    db_text(r, i, k[VV_AUDIT_SHA]), sha);
			c->problems++;
		}
	}
	rc = 0;
err:
	PQclear(x);
	PQclear(r);
	return rc;
}

/*
 * Whether the next receipt numbers are safe (schema/018): each is at least
 * the clock, so that a restored copy cannot repeat a number given out after
 * the copy was taken. That fails when the next number is not past every
 * number the database knows of (the clock and the sequence are both behind
 * one), and, for the numbers the database cannot know of, while numbers
 * given out or reserved run ahead of the clock (a clock set back, or more
 * than 100 numbers a second): until the clock passes them, new numbers come
 * from a sequence that a restore may have set back. r is one row of
 * STMT_VERIFY_RECEIPT_SEQ.
 */
enum { RS_NEXT, RS_CLOCK, RS_HIGH, RS_HIGH_NUMBER, RS_LAST, RS_UNTIL,
    RS__N };
static const char *const seq_cols[RS__N] = {
	[RS_NEXT] = "next_pos", [RS_CLOCK] = "clock_pos",
	[RS_HIGH] = "high_pos", [RS_HIGH_NUMBER] = "high_number",
	[RS_LAST] = "last_pos", [RS_UNTIL] = "safe_from",
};

static void
check_receipt_clock(const PGresult *r, const int *k, FILE *out,
    struct verify_counts *c)
{
	long		 next, clock, high, last;

	if (PQntuples(r) != 1 ||
	    parse_long(db_text(r, 0, k[RS_NEXT]), LONG_MIN, LONG_MAX,
	    &next) == -1 ||
	    parse_long(db_text(r, 0, k[RS_CLOCK]), LONG_MIN, LONG_MAX,
	    &clock) == -1 ||
	    parse_long(db_text(r, 0, k[RS_HIGH]), LONG_MIN, LONG_MAX,
	    &high) == -1 ||
	    parse_long(db_text(r, 0, k[RS_LAST]), LONG_MIN, LONG_MAX,
	    &last) == -1) {
		fprintf(out, "receipt numbers: the sequence "
		    "response_receipt_seq cannot be read\n");
		c->problems++;
		return;
	}
	if (next <= high) {
		fprintf(out, "receipt numbers: not safe: the next one could "
		    "repeat %s, which has been given out (the sequence "
		    "response_receipt_seq and the database clock are both "
		    "behind it; is the clock right?)\n",
		    db_text(r, 0, k[RS_HIGH_NUMBER]));
		c->problems++;
	} else if (high > clock || last > clock) {
		fprintf(out, "receipt numbers: not safe: numbers up to %.2f s "
		    "ahead of the database clock have been given out, so "
		    "until %s new numbers come from the sequence, which a "
		    "restore sets back; check the clock (timedatectl) and "
		    "take no submissions before then\n",
		    (double)((high > last ? high : last) - clock) / 100.0,
		    db_text(r, 0, k[RS_UNTIL]));
		c->problems++;
	}
}

/* Receipts in the audit log whose version is missing, gaps in version
 * numbers, and receipt numbers that could be handed out again. */
static int
check_counts(struct db *db, FILE *out, struct verify_counts *c)
{
	enum { OA_ID, OA_RECEIPT, OA__N };
	static const char *const orphan_cols[OA__N] = {
		[OA_ID] = "object_id", [OA_RECEIPT] = "receipt",
	};
	enum { VG_RESPONSE, VG_STORED, VG_HIGHEST, VG__N };
	static const char *const gap_cols[VG__N] = {
		[VG_RESPONSE] = "response_id", [VG_STORED] = "stored",
		[VG_HIGHEST] = "highest",
	};
	PGresult	*r;
	int		 i, k[RS__N];

	if ((r = query_cols(db, STMT_VERIFY_ORPHAN_AUDITS, NULL, orphan_cols,
	    k, OA__N)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++) {
		fprintf(out, "version %s (receipt %s): in the audit log, but "
		    "the version is missing\n", db_text(r, i, k[OA_ID]),
		    db_text(r, i, k[OA_RECEIPT]));
		c->receipts++;
		c->problems++;
	}
	PQclear(r);
	if ((r = query_cols(db, STMT_VERIFY_VERSION_GAPS, NULL, gap_cols, k,
	    VG__N)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++) {
		fprintf(out, "response %s: %s versions stored, but numbered up "
		    "to %s\n", db_text(r, i, k[VG_RESPONSE]),
		    db_text(r, i, k[VG_STORED]), db_text(r, i, k[VG_HIGHEST]));
		c->problems++;
	}
	PQclear(r);
	if ((r = query_cols(db, STMT_VERIFY_RECEIPT_SEQ, NULL, seq_cols, k,
	    RS__N)) == NULL)
		return -1;
	check_receipt_clock(r, k, out, c);
	PQclear(r);
	return 0;
}

/* Every attachment's bytes against its recorded size and SHA-256. */
static int
check_attachments(struct db *db, FILE *out, struct verify_counts *c)
{
	PGresult	*r = NULL, *b = NULL;
	unsigned char	*bin = NULL;
	enum { VA_ID, VA_VERSION, VA_FILENAME, VA_SIZE, VA_SHA, VA__N };
	static const char *const att_cols[VA__N] = {
		[VA_ID] = "id", [VA_VERSION] = "version_id",
		[VA_FILENAME] = "filename", [VA_SIZE] = "size",
		[VA_SHA] = "sha256",
	};
	static const char *const hex_col[1] = { "hex" };
	const char	*hex, *p[1];
	char		 got[65], size[32];
	size_t		 hexlen, len;
	int		 i, rc = -1, k[VA__N], kb;

	if ((r = query_cols(db, STMT_VERIFY_ATTACHMENTS, NULL, att_cols, k,
	    VA__N)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++) {
		c->attachments++;
		p[0] = db_text(r, i, k[VA_ID]);
		if ((b = query_cols(db, STMT_VERIFY_ATTACHMENT_BYTES, p, hex_col,
		    &kb, 1)) == NULL)
			goto err;
		if (PQntuples(b) != 1) {
			fprintf(out, "attachment %s of version %s: gone while "
			    "checking\n", p[0], db_text(r, i, k[VA_VERSION]));
			c->problems++;
			PQclear(b);
			b = NULL;
			continue;
		}
		hex = db_text(b, 0, kb);
		hexlen = (size_t)PQgetlength(b, 0, kb);
		if ((bin = malloc(hexlen / 2 + 1)) == NULL) {
			fprintf(stderr, "remissctl: out of memory\n");
			goto err;
		}
		if (sodium_hex2bin(bin, hexlen / 2 + 1, hex, hexlen, NULL, &len,
		    NULL) != 0) {
			fprintf(stderr, "remissctl: verify: attachment %s: bad "
			    "hex from the database\n", p[0]);
			goto err;
		}
		sha256_hex(bin, len, got);
		snprintf(size, sizeof(size), "%zu", len);
		if (strcmp(got, db_text(r, i, k[VA_SHA])) != 0 ||
		    strcmp(size, db_text(r, i, k[VA_SIZE])) != 0) {
			fprintf(out, "attachment %s of version %s (\"%s\"): the "
			    "stored bytes are %s bytes with SHA-256 %s, recorded "
			    "%s bytes with %s\n", p[0],
			    db_text(r, i, k[VA_VERSION]),
			    db_text(r, i, k[VA_FILENAME]), size, got,
			    db_text(r, i, k[VA_SIZE]), db_text(r, i, k[VA_SHA]));
			c->problems++;
		}
		free(bin);
		bin = NULL;
		PQclear(b);
		b = NULL;
	}
	rc = 0;
err:
	free(bin);
	PQclear(b);
	PQclear(r);
	return rc;
}

int
ctl_verify(struct db *db, FILE *out, struct verify_counts *c)
{
	PGresult	*r;
	int		 rc = -1;

	memset(c, 0, sizeof(*c));
	if (sodium_init() < 0) {
		fprintf(stderr, "remissctl: verify: libsodium did not "
		    "initialise\n");
		return -1;
	}
	if (db_begin(db) == -1) {
		ctl_db_error("verify: begin", NULL);
		return -1;
	}
	if ((r = query(db, STMT_VERIFY_SNAPSHOT, NULL)) == NULL)
		goto out;
	PQclear(r);
	if (check_versions(db, out, c) == -1 ||
	    check_counts(db, out, c) == -1 ||
	    check_attachments(db, out, c) == -1)
		goto out;
	rc = 0;
out:
	db_rollback(db);	/* read only: nothing to keep */
	return rc;
}

int
ctl_verify_main(const char *conninfo, int argc, char **argv,
    const char *usage)
{
	struct verify_counts	 c;
	struct db		*db;
	int			 i, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		fprintf(stderr, "remissctl: verify: unexpected %s\n", argv[i]);
		fputs(usage, stderr);
		return 2;
	}
	if ((db = db_open_as(conninfo, "remissctl")) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return 1;
	}
	if (!db_connected(db)) {
		fprintf(stderr, "remissctl: cannot connect to the database: %s",
		    PQerrorMessage(db_conn(db)));
		db_close(db);
		return 1;
	}
	rc = ctl_verify(db, stdout, &c);
	db_close(db);
	if (rc == -1) {
		fprintf(stderr, "remissctl: verify: incomplete: the checks did "
		    "not finish\n");
		return 1;
	}
	if (c.problems == 0)
		printf("verify: ok: %lu versions, %lu receipts in the audit log, "
		    "%lu attachments\n", c.versions, c.receipts, c.attachments);
	else
		printf("verify: FAILED: %lu problem(s) in %lu versions, %lu "
		    "receipts in the audit log, %lu attachments\n", c.problems,
		    c.versions, c.receipts, c.attachments);
	return fflush(stdout) == 0 && c.problems == 0 ? 0 : 1;
}
