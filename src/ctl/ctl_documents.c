/* ctl/ctl_documents.c: remissctl documents read|status: runs the reading worker, shows its queue. */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "ctl/ctl_common.h"
#include "ctl/ctl_documents.h"
#include "db/db.h"
#include "db/notify.h"
#include "reader/extract.h"
#include "reader/read_worker.h"
#include "util/numparse.h"

#ifndef LIBEXECDIR
#define LIBEXECDIR "/usr/local/libexec"
#endif

#define DEFAULT_POLL_S	30
#define DEFAULT_CPU_S	30
#define DEFAULT_WALL_S	60
#define DEFAULT_MEM_MB	512

static const char usage_documents[] =
    "usage: remissctl documents read [--once] [--max N] [--poll SECONDS]\n"
    "           [--extract PATH] [--cpu SECONDS] [--wall SECONDS]\n"
    "           [--memory MB]\n"
    "       remissctl documents status\n"
    "\n"
    "read     reads the document responses the förvaltning uploaded\n"
    "         (document_reads), one at a time, until SIGTERM: runs\n"
    "         remiss-extract (--extract, default " LIBEXECDIR "/remiss-extract)\n"
    "         on each as a child with at most --cpu seconds of CPU\n"
    "         (default 30), --wall seconds in all (default 60), --memory\n"
    "         MB of address space (default 512, at least 128: poppler's\n"
    "         libraries alone take 100) and 5 MB of text, then\n"
    "         proposes the answers. It wakes when a document is queued and\n"
    "         looks every SECONDS (default 30) anyway. A document whose\n"
    "         worker died is read again after its lease, and given up after\n"
    "         3 attempts. --once reads what is queued and exits; --max\n"
    "         stops after N documents.\n"
    "status   prints the counts: queued, running, done, failed.\n";

static volatile sig_atomic_t	stop_requested;

static void
on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* Parses a value of option name in lo..hi into *out; -1 printed. */
static int
num(const char *name, const char *v, long lo, long hi, long *out)
{
	if (parse_long(v, lo, hi, out) == -1) {
		fprintf(stderr, "remissctl: documents read: %s wants a number "
		    "from %ld to %ld\n", name, lo, hi);
		return -1;
	}
	return 0;
}

static int
documents_read(const char *conninfo, int argc, char **argv)
{
	struct read_opts	 o;
	struct read_stats	 st;
	sigset_t		 waiting;
	struct db		*db;
	const char		*v;
	char			 host[128], worker[200];
	long			 n;
	int			 i, m, rc = EXIT_ERR;

	memset(&o, 0, sizeof(o));
	o.poll_s = DEFAULT_POLL_S;
	o.extract = LIBEXECDIR "/remiss-extract";
	o.limits.cpu_s = DEFAULT_CPU_S;
	o.limits.wall_s = DEFAULT_WALL_S;
	o.limits.mem_bytes = (size_t)DEFAULT_MEM_MB * 1024 * 1024;
	o.limits.max_out = EXTRACT_MAX_TEXT + 1;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--once") == 0) {
			o.once = true;
			continue;
		}
		if ((m = ctl_opt_value(argc, argv, &i, "--max", &v)) == 1) {
			if (num("--max", v, 1, LONG_MAX, &n) == -1)
				goto usage;
			o.max = n;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--poll",
		    &v)) == 1) {
			if (num("--poll", v, 1, 3600, &n) == -1)
				goto usage;
			o.poll_s = (unsigned)n;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--cpu",
		    &v)) == 1) {
			if (num("--cpu", v, 1, 3600, &n) == -1)
				goto usage;
			o.limits.cpu_s = (unsigned)n;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--wall",
		    &v)) == 1) {
			if (num("--wall", v, 1, 3600, &n) == -1)
				goto usage;
			o.limits.wall_s = (unsigned)n;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--memory",
		    &v)) == 1) {
			if (num("--memory", v, 128, 65536, &n) == -1)
				goto usage;
			o.limits.mem_bytes = (size_t)n * 1024 * 1024;
			continue;
		}
		if (m == 0 && (m = ctl_opt_value(argc, argv, &i, "--extract",
		    &v)) == 1) {
			o.extract = v;
			continue;
		}
		if (m == 0)
			fprintf(stderr, "remissctl: documents read: unexpected "
			    "%s\n", argv[i]);
		goto usage;
	}
	if (access(o.extract, X_OK) != 0) {
		fprintf(stderr, "remissctl: documents read: %s is not an "
		    "executable program (--extract)\n", o.extract);
		return EXIT_ERR;
	}
	/* The lease outlasts the child's wall clock and the matching. */
	o.lease_s = o.limits.wall_s * 2 + 60;
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(worker, sizeof(worker), "%.120s:%ld", host, (long)getpid());
	o.worker = worker;

	db_wait_signals(on_stop, &waiting);
	o.wait_mask = &waiting;
	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	if (read_worker_run(db, &o, &stop_requested, &st) == -1)
		fprintf(stderr, "remissctl: documents read: the database "
		    "failed\n");
	else
		rc = EXIT_OK;
	printf("%ld read, %ld failed, %ld given up\n", st.done, st.failed,
	    st.given_up);
	if (fflush(stdout) != 0)
		rc = EXIT_ERR;
	db_close(db);
	return rc;
usage:
	return ctl_usage(usage_documents, EXIT_USAGE);
}

static int
documents_status(const char *conninfo)
{
	struct db	*db;
	PGresult	*r;
	int		 rc = EXIT_ERR;

	if ((db = ctl_open_db(conninfo)) == NULL)
		return EXIT_ERR;
	if ((r = db_query(db, STMT_DOCREAD_COUNTS, NULL)) != NULL &&
	    PQntuples(r) == 1) {
		printf("queued\t%s\nrunning\t%s\ndone\t%s\nfailed\t%s\n",
		    db_text(r, 0, 0), db_text(r, 0, 1), db_text(r, 0, 2),
		    db_text(r, 0, 3));
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERR;
	} else
		fprintf(stderr, "remissctl: documents status: the database "
		    "failed\n");
	PQclear(r);
	db_close(db);
	return rc;
}

int
ctl_documents_main(const char *conninfo, int argc, char **argv)
{
	int i;

	if (argc < 1)
		return ctl_usage(usage_documents, EXIT_USAGE);
	for (i = 0; i < argc; i++)
		if (ctl_is_help(argv[i]))
			return ctl_usage(usage_documents, EXIT_OK);
	if (strcmp(argv[0], "read") == 0)
		return documents_read(conninfo, argc - 1, argv + 1);
	if (strcmp(argv[0], "status") == 0 && argc == 1)
		return documents_status(conninfo);
	fprintf(stderr, "remissctl: documents: unknown or incomplete command\n");
	return ctl_usage(usage_documents, EXIT_USAGE);
}
