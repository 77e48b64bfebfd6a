/* ctl/ctl_archive.c: remissctl archive: a closed remiss, every version's canonical XML, the
 * attachments and a SHA-256 manifest, staged in a private directory and packed by tar. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>

#include "core/audit.h"
#include "core/remiss_docs.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "ctl/ctl_archive.h"
#include "db/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/numparse.h"
#include "util/sha256.h"
#include "xml/remiss_write.h"
#include "xml/xmlw.h"

/* What is being written: the staging directory, the package's own
 * directory in it, and SHA256SUMS as it grows. */
struct pack {
	struct arena	*a;
	char		 stage[64];	/* mkdtemp'd, removed at the end */
	const char	*top;		/* stage/SLUG */
	struct buf	 sums;
	unsigned long	 files;
};

/* Writes data[0..len) to top/rel (directories made as needed) and adds its
 * line to SHA256SUMS. Returns 0 or -1 (printed). */
static int
put(struct pack *p, const char *rel, const void *data, size_t len)
{
	char		*path, *slash, sha[65];
	const char	*d = data;
	ssize_t		 w;
	int		 fd;

	if ((path = arena_printf(p->a, "%s/%s", p->top, rel)) == NULL)
		return -1;
	for (slash = path + strlen(p->top) + 1; (slash = strchr(slash, '/')) != NULL;
	    slash++) {
		*slash = '\0';
		if (mkdir(path, 0755) == -1 && errno != EEXIST) {
			fprintf(stderr, "remissctl: archive: %s: %s\n", path,
			    strerror(errno));
			return -1;
		}
		*slash = '/';
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) == -1) {
		fprintf(stderr, "remissctl: archive: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	while (len > 0) {
		if ((w = write(fd, d, len)) == -1) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "remissctl: archive: %s: %s\n", path,
			    strerror(errno));
			close(fd);
			return -1;
		}
		d += w;
		len -= (size_t)w;
	}
	if (close(fd) == -1) {
		fprintf(stderr, "remissctl: archive: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	sha256_hex(data, (size_t)(d - (const char *)data), sha);
	buf_printf(&p->sums, "%s  %s\n", sha, rel);
	p->files++;
	return p->sums.failed ? -1 : 0;
}

/* A short, safe file name extension of name (".pdf"), or "". */
static const char *
extension(struct arena *a, const char *name)
{
	const char	*dot = strrchr(name, '.');
	size_t		 i;

	if (dot == NULL || dot == name || strlen(dot) < 2 || strlen(dot) > 9)
		return "";
	for (i = 1; dot[i] != '\0'; i++)
		if (!((dot[i] >= 'a' && dot[i] <= 'z') ||
		    (dot[i] >= 'A' && dot[i] <= 'Z') ||
		    (dot[i] >= '0' && dot[i] <= '9')))
			return "";
	return arena_strdup(a, dot);
}

static int
unlink_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path) == -1 ? -1 : 0;
}

/* Runs tar to pack stage/SLUG into out. Returns 0 or -1 (printed). */
static int
run_tar(const char *stage, const char *slug, const char *out)
{
	pid_t	pid;
	int	status;

	if ((pid = fork()) == -1) {
		fprintf(stderr, "remissctl: archive: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		execlp("tar", "tar", "--format=posix", "--sort=name",
		    "--owner=0", "--group=0", "--numeric-owner",
		    "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
		    "-C", stage, "-cf", out, slug, (char *)NULL);
		fprintf(stderr, "remissctl: archive: tar: %s\n", strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "remissctl: archive: tar failed\n");
		return -1;
	}
	return 0;
}

/* The index arkiv.xml, written indented into b: the remiss and each version
 * with its files. */
struct index {
	xmlBufferPtr	 b;
	struct xmlw	 x;
};

/* The columns of STMT_ARCHIVE_VERSIONS. */
enum { AV_ID, AV_ORG, AV_VERSION, AV_RECEIPT, AV_RECEIVED, AV_SHA, AV_XML,
    AV_CHANNEL, AV_ARRIVED, AV__N };
static const char *const version_cols[AV__N] = {
	[AV_ID] = "id", [AV_ORG] = "name", [AV_VERSION] = "version",
	[AV_RECEIPT] = "receipt_number", [AV_RECEIVED] = "received_at",
	[AV_SHA] = "sha256", [AV_XML] = "canonical_xml",
	[AV_CHANNEL] = "channel", [AV_ARRIVED] = "arrived_on",
};

/* Writes one version (row i of v, its columns c) and its attachments.
 * Returns 0 or -1. */
static int
one_version(struct pack *p, struct index *x, struct db *db, const PGresult *v,
    int i, const int *c)
{
	struct response_doc	 doc;
	struct receipt		 rcpt;
	const char		*xml = db_text(v, i, c[AV_XML]), *rel, *dir;
	const char		*id = db_text(v, i, c[AV_ID]);
	const char		*number = db_text(v, i, c[AV_RECEIPT]);
	const char		*arrived = db_text(v, i, c[AV_ARRIVED]);
	char			 sha[65];
	long long		 vid;
	size_t			 k;

	if (parse_id(id, &vid) == -1 || vid == 0) {
		fprintf(stderr, "remissctl: archive: bad version id %s\n", id);
		return -1;
	}
	sha256_hex(xml, strlen(xml), sha);
	if (strcmp(sha, db_text(v, i, c[AV_SHA])) != 0) {
		fprintf(stderr, "remissctl: archive: version %s (receipt %s): the "
		    "stored XML does not hash to its receipt; run remissctl "
		    "verify\n", id, number);
		return -1;
	}
	if (response_version_load(db, p->a, vid, 0, &doc, &rcpt) != 1) {
		fprintf(stderr, "remissctl: archive: cannot read version %s\n",
		    id);
		return -1;
	}
	dir = arena_printf(p->a, "svar/%s", number);
	rel = arena_printf(p->a, "%s/remissvar.xml", dir);
	if (dir == NULL || rel == NULL || put(p, rel, xml, strlen(xml)) == -1)
		return -1;
	xmlw_start(&x->x, "remissvar",
	    "organisation", db_text(v, i, c[AV_ORG]),
	    "version", db_text(v, i, c[AV_VERSION]),
	    "kvitto", number,
	    "inkom", db_text(v, i, c[AV_RECEIVED]),
	    "kanal", db_text(v, i, c[AV_CHANNEL]),
	    /* registered: the day it arrived */
	    "ankomstdatum", arrived[0] != '\0' ? arrived : NULL,
	    "fil", rel,
	    "sha256", sha, (const char *)NULL);
	for (k = 0; k < doc.nattachments; k++) {
		rel = arena_printf(p->a, "%s/bilaga-%zu%s", dir, k + 1,
		    extension(p->a, doc.attachments[k].filename));
		if (rel == NULL || put(p, rel, doc.attachments[k].data,
		    doc.attachments[k].len) == -1)
			return -1;
		sha256_hex(doc.attachments[k].data, doc.attachments[k].len, sha);
		xmlw_void(&x->x, "bilaga",
		    "nummer", arena_printf(p->a, "%zu", k + 1),
		    "filnamn", doc.attachments[k].filename,
		    "mediatyp", doc.attachments[k].media_type,
		    "fil", rel,
		    "sha256", sha, (const char *)NULL);
	}
	/* Not xmlw_end: a remissvar without attachments stays <remissvar .../>. */
	if (!x->x.failed)
		xmlw_check(&x->x, xmlTextWriterEndElement(x->x.w));
	return x->x.failed ? -1 : 0;
}

/* Writes the remiss's own documents (förslag, missiv, bilagor) into
 * handlingar/ with their SHA-256, each checked against the one stored at
 * upload. Returns 0 or -1 (printed). */
static int
documents(struct pack *p, struct index *x, struct db *db, long long remiss_id)
{
	struct remiss_doc	*docs, d;
	const char		*rel;
	char			 sha[65];
	long			 n, i;

	if ((n = remiss_docs_list(db, p->a, remiss_id, &docs)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (remiss_doc_get(db, p->a, remiss_id, docs[i].id, &d) != 1)
			return -1;
		sha256_hex(d.bytes, (size_t)d.size, sha);
		if (strcmp(sha, docs[i].sha256) != 0) {
			fprintf(stderr, "remissctl: archive: document %lld (%s) "
			    "does not hash to its recorded SHA-256\n",
			    docs[i].id, docs[i].filename);
			return -1;
		}
		rel = arena_printf(p->a, "handlingar/%ld-%s%s", i + 1,
		    docs[i].kind, extension(p->a, docs[i].filename));
		if (rel == NULL || put(p, rel, d.bytes, (size_t)d.size) == -1)
			return -1;
		xmlw_void(&x->x, "handling",
		    "slag", docs[i].kind,
		    "rubrik", *docs[i].title != '\0' ? docs[i].title : NULL,
		    "filnamn", docs[i].filename,
		    "mediatyp", docs[i].media_type,
		    "uppladdad", docs[i].created,
		    "fil", rel,
		    "sha256", sha, (const char *)NULL);
	}
	return x->x.failed ? -1 : 0;
}

/* Stages the whole package for def into p->top. Returns the number of
 * versions, or -1 (printed). */
static long
stage(struct pack *p, struct db *db, const struct remiss_def *def)
{
	struct buf		 rx;
	struct invitee		*inv;
	struct index		 x = { NULL, { NULL, 0 } };
	PGresult		*v = NULL;
	const char		*params[1];
	char			 rid[24];
	long			 n, rc = -1;
	int			 i, c[AV__N];

	buf_init(&rx, p->a);
	if ((n = remiss_invitees(db, p->a, def->id, &inv)) == -1 ||
	    remiss_xml_write(def, inv, (size_t)n, &rx) == -1 ||
	    put(p, "remiss.xml", rx.data, rx.len) == -1)
		goto out;
	snprintf(rid, sizeof(rid), "%lld", def->id);
	params[0] = rid;
	v = db_exec(db, STMT_ARCHIVE_VERSIONS, params);
	if (!db_result_ok(v) || db_cols(v, version_cols, c, AV__N) == -1 ||
	    (x.b = xmlBufferCreate()) == NULL ||
	    xmlw_open_memory(&x.x, x.b) == -1)
		goto out;
	xmlw_check(&x.x, xmlTextWriterSetIndent(x.x.w, 1));
	xmlw_check(&x.x, xmlTextWriterStartDocument(x.x.w, "1.0", "UTF-8",
	    NULL));
	xmlw_start(&x.x, "arkivpaket",
	    "remiss", def->slug,
	    "titel", def->title,
	    "avsandare", def->sender,
	    "diarienummer", def->diarienummer,
	    "status", def->status,
	    "fil", "remiss.xml", (const char *)NULL);
	if (documents(p, &x, db, def->id) == -1)
		goto out;
	for (i = 0; i < PQntuples(v); i++)
		if (one_version(p, &x, db, v, i, c) == -1)
			goto out;
	if (!x.x.failed)
		xmlw_check(&x.x, xmlTextWriterEndElement(x.x.w));
	if (!x.x.failed)
		xmlw_check(&x.x, xmlTextWriterEndDocument(x.x.w));
	if (xmlw_close(&x.x) == -1 || put(p, "arkiv.xml",
	    xmlBufferContent(x.b), (size_t)xmlBufferLength(x.b)) == -1)
		goto out;
	rc = PQntuples(v);
out:
	if (rc == -1 && !db_result_ok(v))
		fprintf(stderr, "remissctl: archive: the database failed\n");
	if (x.x.w != NULL)
		(void)xmlw_close(&x.x);
	if (x.b != NULL)
		xmlBufferFree(x.b);
	PQclear(v);
	return rc;
}

int
ctl_archive_main(const char *conninfo, const char *actor, int argc,
    char **argv, const char *usage)
{
	struct pack		 p;
	struct remiss_def	 def;
	struct db		*db = NULL;
	struct buf		 detail;
	const char		*slug = NULL, *out = NULL, *tmp;
	char			 sums_sha[65];
	long			 nv;
	int			 i, rc = 1;
	bool			 staged = false;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] != '-' && slug == NULL)
			slug = argv[i];
		else {
			fprintf(stderr, "remissctl: archive: unexpected %s\n",
			    argv[i]);
			fputs(usage, stderr);
			return 2;
		}
	}
	if (slug == NULL || out == NULL || out[0] == '\0') {
		fputs(usage, stderr);
		return 2;
	}
	memset(&p, 0, sizeof(p));
	if (access(out, F_OK) == 0) {
		fprintf(stderr, "remissctl: archive: %s exists already\n", out);
		return 1;
	}
	if ((p.a = arena_new()) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		return 1;
	}
	buf_init(&p.sums, p.a);
	if ((db = db_open_as(conninfo, "remissctl")) == NULL ||
	    !db_connected(db)) {
		fprintf(stderr, "remissctl: cannot connect to the database: %s",
		    db != NULL ? PQerrorMessage(db_conn(db)) : "out of memory\n");
		goto done;
	}
	switch (remiss_load(db, p.a, slug, &def)) {
	case 1:
		break;
	case 0:
		fprintf(stderr, "remissctl: archive: no remiss %s\n", slug);
		goto done;
	default:
		fprintf(stderr, "remissctl: archive: the database failed\n");
		goto done;
	}
	if (strcmp(def.status, "stangd") != 0 &&
	    strcmp(def.status, "beslutad") != 0) {
		fprintf(stderr, "remissctl: archive: %s is not closed (status %s); "
		    "only a closed remiss is archived\n", slug, def.status);
		goto done;
	}
	tmp = getenv("TMPDIR");
	snprintf(p.stage, sizeof(p.stage), "%s/remissarkiv.XXXXXX",
	    tmp != NULL && tmp[0] == '/' && strlen(tmp) < 40 ? tmp : "/tmp");
	if (mkdtemp(p.stage) == NULL) {
		fprintf(stderr, "remissctl: archive: mkdtemp: %s\n",
		    strerror(errno));
		goto done;
	}
	staged = true;
	if ((p.top = arena_printf(p.a, "%s/%s", p.stage, def.slug)) == NULL ||
	    mkdir(p.top, 0755) == -1)
		goto done;
	/* The checksums last, and of every file but themselves; the audit
	 * row pins them by their own SHA-256. */
	if ((nv = stage(&p, db, &def)) == -1 || p.sums.failed)
		goto done;
	sha256_hex(p.sums.data, p.sums.len, sums_sha);
	if (put(&p, "SHA256SUMS", p.sums.data, p.sums.len) == -1 ||
	    run_tar(p.stage, def.slug, out) == -1) {
		unlink(out);
		goto done;
	}
	buf_init(&detail, p.a);
	buf_puts(&detail, "{\"remiss\":");
	json_string(&detail, def.slug);
	buf_printf(&detail, ",\"versions\":%ld,\"files\":%lu,\"sha256sums\":",
	    nv, p.files);
	json_string(&detail, sums_sha);
	buf_puts(&detail, "}");
	if (detail.failed || audit_write(db, actor, "remiss.archive", "remiss",
	    arena_printf(p.a, "%lld", def.id), detail.data) == -1) {
		fprintf(stderr, "remissctl: archive: could not record the "
		    "handover in the audit log\n");
		unlink(out);
		goto done;
	}
	printf("archive: %s: %ld versions, %lu files -> %s\n", def.slug, nv,
	    p.files, out);
	rc = 0;
done:
	if (staged)
		nftw(p.stage, unlink_one, 16, FTW_DEPTH | FTW_PHYS);
	db_close(db);
	arena_free(p.a);
	return rc;
}
