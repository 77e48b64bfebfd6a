/* remissd.c: options, the listening socket, privilege drop, then the supervisor. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "auth/authz.h"
#include "auth/password.h"
#include "handlers/handlers.h"
#include "http/limits.h"
#include "log.h"
#include "metrics.h"
#include "runas.h"
#include "supervisor.h"
#include "util/numparse.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"
#include "worker.h"
#include "xml/safe.h"
#include "xml/schema.h"

/* The default number of workers is four per core, but no more than this. */
#define DEFAULT_WORKERS_MAX	32

static void
usage(FILE *out)
{
	fprintf(out,
	    "usage: remissd (-s PATH | -b HOST:PORT) [-w N] [-d CONNINFO] [-R CONNINFO] [-m MODE]\n"
	    "               [-u USER[:GROUP]] [-g GRACE] [-r N] [-P PIDFILE] [-L NAME=VALUE]... [-i] [-T PARAM]\n"
	    "               [-M CIDR]... [-A FILE] [-I SECONDS]\n"
	    "\n"
	    "FastCGI server for remissvar. Pre-forks N workers (default: 4 per core,\n"
	    "at most 32).\n"
	    "  -s PATH        listen on a unix socket (mode -m, default 0660)\n"
	    "  -b HOST:PORT   listen on TCP instead\n"
	    "  -w N           number of worker processes\n"
	    "  -m MODE        permissions of the unix socket, octal (0660)\n"
	    "  -d CONNINFO    libpq conninfo (default: $REMISS_DB, else PG* variables)\n"
	    "  -R CONNINFO    read replicas for the review pages (default:\n"
	    "                 $REMISS_DB_READ; unset: everything uses -d)\n"
	    "  -u USER[:GROUP] when root: run as USER and GROUP (default: USER's\n"
    "                 group), the socket theirs, its directory made if missing\n"
	    "  -g SECONDS     grace period for in-flight requests on SIGTERM (10)\n"
	    "  -r N           recycle a worker after N requests (0: never)\n"
	    "  -P PIDFILE     write the supervisor's pid here\n"
	    "  -i             cookies without Secure (plain-http development only)\n"
	    "  -T PARAM       single sign-on: trust the e-mail in FastCGI param PARAM\n"
	    "                 (only on a socket that the SSO location alone reaches)\n"
	    "  -L NAME=VALUE  set a request limit: body, part, parts, part_header,\n"
	    "                 fields, key, value, query, cookie, path (bytes, k/M/G);\n"
	    "                 of an XML upload: xml_depth, xml_attrs, xml_attrs_total,\n"
	    "                 xml_name, xml_value, xml_elements, xml_texts,\n"
	    "                 xml_namespaces\n"
	    "  -M CIDR        who may read /metrics (REMOTE_ADDR); repeatable; the\n"
	    "                 first -M replaces the default, 127.0.0.1 and ::1\n"
	    "  -A FILE        the accessibility statement (Markdown) served at\n"
	    "                 /tillganglighet (default: PKGDATADIR/\n"
	    "                 tillganglighetsredogorelse.md)\n"
	    "  -I SECONDS     log a session out after this long unused (1800;\n"
	    "                 60 to 86400)\n"
	    "  -h, --help     show this help\n");
}

static int
listen_unix(const char *path, mode_t mode)
{
	struct sockaddr_un	 sun;
	struct stat		 st;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_err("socket path too long: %s", path);
		return -1;
	}
	memcpy(sun.sun_path, path, strlen(path) + 1);
	/* Remove a stale socket from an earlier run, never another file. */
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			log_err("%s exists and is not a socket", path);
			return -1;
		}
		unlink(path);
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		log_err("socket: %s", strerror(errno));
		return -1;
	}
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(path, mode) == -1 || listen(fd, 1024) == -1) {
		log_err("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int
listen_tcp(const char *hostport)
{
	struct addrinfo	 hints, *res = NULL, *ai;
	char		 host[256];
	const char	*colon, *port;
	int		 fd = -1, one = 1, rc;

	if ((colon = strrchr(hostport, ':')) == NULL ||
	    (size_t)(colon - hostport) >= sizeof(host)) {
		log_err("expected HOST:PORT, got %s", hostport);
		return -1;
	}
	memcpy(host, hostport, (size_t)(colon - hostport));
	host[colon - hostport] = '\0';
	port = colon + 1;
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if ((rc = getaddrinfo(host[0] ? host : NULL, port, &hints, &res)) != 0) {
		log_err("%s: %s", hostport, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
		if (fd == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 1024) == 0)
			break;
		close(fd);
		fd = -1;
	}
	if (fd == -1)
		log_err("%s: cannot listen: %s", hostport, strerror(errno));
	freeaddrinfo(res);
	return fd;
}

static int
write_pidfile(const char *path)
{
	FILE *f;

	if ((f = fopen(path, "w")) == NULL) {
		log_err("%s: %s", path, strerror(errno));
		return -1;
	}
	fprintf(f, "%ld\n", (long)getpid());
	return fclose(f) == 0 ? 0 : -1;
}

/* Compiles the XSD uploads are validated against, once, before the workers
 * are forked (they share it read-only). NULL after logging why. */
static struct xml_schema *
load_schema(void)
{
	struct arena		*a;
	struct xml_errors	 errs;
	struct xml_schema	*s = NULL;
	const char		*path;
	size_t			 i;

	if ((a = arena_new()) == NULL)
		return NULL;
	xml_errors_init(&errs, a);
	if ((path = xml_schema_default_path(a)) != NULL &&
	    (s = xml_schema_load(path, &errs)) == NULL) {
		for (i = 0; i < errs.count; i++)
			log_err("%s:%ld: %s", path, errs.list[i].line,
			    errs.list[i].message);
		log_err("the XML schema %s did not load (set REMISS_SCHEMA_DIR)",
		    path);
	}
	arena_free(a);
	return s;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct worker_config	 cfg;
	struct xml_limits	 xml_limits;
	struct xml_schema	*schema = NULL;
	const char		*sock = NULL, *bind_addr = NULL;
	char			*user = NULL;
	struct runas		 ra;
	const char		*pidfile = NULL;
	size_t			 v, workers, grace = 10;
	unsigned long		 mode = 0660;
	long			 ncpu;
	int			 ch, rc = 1;

	log_set_name("remissd");
	memset(&cfg, 0, sizeof(cfg));
	memset(&ra, 0, sizeof(ra));
	limits_default(&cfg.limits);
	session_policy_default(&cfg.auth.session);
	cfg.auth.cookie_secure = true;
	cfg.listen_fd = -1;
	cfg.conninfo = getenv("REMISS_DB");
	cfg.read_conninfo = getenv("REMISS_DB_READ");
	/* A worker mostly waits for PostgreSQL, so cores alone leave the CPU
	 * idle: four per core was measured best (docs/performance.md), at most
	 * DEFAULT_WORKERS_MAX so that the workers' connections stay well below
	 * PostgreSQL's default max_connections (100), even with -R. */
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	workers = ncpu > 0 ? 4 * (size_t)ncpu : 8;
	if (workers > DEFAULT_WORKERS_MAX)
		workers = DEFAULT_WORKERS_MAX;

	while ((ch = getopt_long(argc, argv, "s:b:w:d:R:m:u:g:r:P:L:iT:M:A:I:h", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 's':
			sock = optarg;
			break;
		case 'b':
			bind_addr = optarg;
			break;
		case 'w':
			if (parse_size(optarg, (size_t)-1, 256, &workers) == -1 ||
			    workers == 0)
				goto bad;
			break;
		case 'd':
			cfg.conninfo = optarg;
			break;
		case 'R':
			cfg.read_conninfo = optarg;
			break;
		case 'm':
			if (parse_octal(optarg, 0777, &mode) == -1)
				goto bad;
			break;
		case 'u':
			user = optarg;
			break;
		case 'g':
			if (parse_size(optarg, (size_t)-1, 3600, &grace) == -1)
				goto bad;
			break;
		case 'r':
			if (parse_size(optarg, (size_t)-1, (size_t)-1 / 2, &v) == -1)
				goto bad;
			cfg.max_requests = v;
			break;
		case 'P':
			pidfile = optarg;
			break;
		case 'L':
			if (limits_set(&cfg.limits, optarg) == -1) {
				fprintf(stderr, "remissd: bad limit: %s\n", optarg);
				return 2;
			}
			break;
		case 'i':
			cfg.auth.cookie_secure = false;
			break;
		case 'T':
			cfg.auth.trusted_user_param = optarg;
			break;
		case 'M':
			if (authz_metrics_allow(optarg) == -1)
				goto bad;
			break;
		case 'A':
			statement_set_path(optarg);
			break;
		case 'I':
			if (parse_size(optarg, (size_t)-1, 86400, &v) == -1 ||
			    v < 60)
				goto bad;
			cfg.auth.session.idle_seconds = (long)v;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc || (sock == NULL) == (bind_addr == NULL)) {
		usage(stderr);
		return 2;
	}

	xml_safe_init();
	/* Before the workers fork: every upload is parsed with these. */
	limits_xml(&cfg.limits, &xml_limits);
	xml_safe_set_limits(&xml_limits);
	if ((schema = load_schema()) == NULL)
		goto out;
	cfg.schema = schema;
	if (password_init() == -1) {
		log_err("libsodium did not initialise");
		goto out;
	}
	dates_init();
	/* Without the catalogue English pages fall back to Swedish (logged). */
	(void)i18n_init(NULL);
	if (user != NULL && runas_resolve(user, &ra) == -1)
		goto out;
	if (sock != NULL && runas_socket_dir(sock, &ra) == -1)
		goto out;
	cfg.listen_fd = sock != NULL ? listen_unix(sock, (mode_t)mode) :
	    listen_tcp(bind_addr);
	if (cfg.listen_fd == -1)
		goto out;
	/* The socket belongs to the user remissd becomes and to the group
	 * given with it (nginx's), not to root: mode 0660 then lets nginx in. */
	if (sock != NULL && runas_socket_owner(sock, &ra) == -1)
		goto out;
	if (runas_drop(&ra, sock) == -1)
		goto out;
	if (pidfile != NULL && write_pidfile(pidfile) == -1)
		goto out;
	/* Before the fork: every worker inherits the one shared mapping. */
	if (metrics_open(routes_count) == -1)
		log_warn("metrics unavailable: /metrics answers 503");
	if (cfg.read_conninfo != NULL && cfg.read_conninfo[0] == '\0')
		cfg.read_conninfo = NULL;
	log_info("listening on %s with %zu workers%s", sock ? sock : bind_addr,
	    workers, cfg.read_conninfo != NULL ?
	    ", review pages from the read connection" : "");
	if (supervisor_run((unsigned)workers, (unsigned)grace, worker_main,
	    &cfg) == 0)
		rc = 0;
	log_info("stopped");
out:
	if (cfg.listen_fd != -1)
		close(cfg.listen_fd);
	if (sock != NULL && cfg.listen_fd != -1 && unlink(sock) == -1 &&
	    errno != ENOENT)
		log_warn("%s stays: %s", sock, strerror(errno));
	if (pidfile != NULL)
		unlink(pidfile);
	xml_schema_free(schema);
	xmlCleanupParser();
	return rc;
bad:
	fprintf(stderr, "remissd: bad value for -%c: %s\n", ch, optarg);
	return 2;
}
