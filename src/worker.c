/* worker.c: the per-process request loop between libfcgi, the router and the database. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fastcgi.h>
#include <fcgiapp.h>
#include <libxml/parser.h>

#include "auth/authz.h"
#include "auth/resolve.h"
#include "core/objects.h"
#include "db/db.h"
#include "handlers/handlers.h"
#include "http/input.h"
#include "http/kv.h"
#include "http/problem.h"
#include "http/request.h"
#include "http/response.h"
#include "http/return_path.h"
#include "http/router.h"
#include "views/i18n.h"
#include "log.h"
#include "metrics.h"
#include "pdf/pdfdoc.h"
#include "util/arena.h"
#include "worker.h"

#define SESSION_PURGE_EVERY 600	/* seconds between purges per worker */
#define REPLICA_RETRY	5	/* seconds between tries of a replica that is down */
/* Set after a change by a signed-in user: for FRESH_SECONDS that browser's
 * ROUTE_REPLICA_OK pages come from the primary, so it sees its own change even
 * on a replica that lags (read-your-writes without shared state). */
#define FRESH_COOKIE	"remiss_fresh"
#define FRESH_SECONDS	"10"

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	/* Makes libfcgi's accept loop give up instead of retrying on EINTR. */
	FCGX_ShutdownPending();
}

/* SIGTERM/SIGINT interrupt accept() (no SA_RESTART); blocked while serving. */
static int
install_signals(sigset_t *stopset)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1)
		return -1;
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(stopset);
	sigaddset(stopset, SIGTERM);
	sigaddset(stopset, SIGINT);
	return 0;
}

/*
 * Copies s into out as one logfmt value: as it is when it is a plain word,
 * else in double quotes with " and \ escaped; control bytes become '?', so
 * a line stays one line, and an empty value is "". A value too long for out
 * is cut (still closed by its quote).
 */
static void
log_value(char *out, size_t outsz, const char *s)
{
	size_t	i, n = 0;
	bool	quote = s[0] == '\0';

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == ' ' || s[i] == '"' || s[i] == '=' || s[i] == '\\' ||
		    (unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			quote = true;
	if (outsz < 4) {
		if (outsz > 0)
			out[0] = '\0';
		return;
	}
	if (quote)
		out[n++] = '"';
	for (i = 0; s[i] != '\0' && n + 3 < outsz; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			if (n + 4 >= outsz)
				break;
			out[n++] = '\\';
			out[n++] = s[i];
		} else
			out[n++] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ?
			    '?' : s[i];
	}
	if (quote)
		out[n++] = '"';
	out[n] = '\0';
}

static long
elapsed_us(const struct timespec *start)
{
	struct timespec end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	return (long)(end.tv_sec - start->tv_sec) * 1000000L +
	    (end.tv_nsec - start->tv_nsec) / 1000L;
}

static bool
changes_state(enum http_method m)
{
	return m == METHOD_POST || m == METHOD_PUT || m == METHOD_PATCH ||
	    m == METHOD_DELETE;
}

/* Sets the language of req's pages: the signed-in user's setting, else the
 * lang cookie, else Accept-Language, else Swedish (lang_choose). */
static void
choose_language(struct request *req)
{
	i18n_set(lang_choose(identity_has_session(&req->identity) ?
	    req->identity.lang : NULL, kvlist_get(&req->cookies, LANG_COOKIE),
	    request_param(req, "HTTP_ACCEPT_LANGUAGE")));
}

/*
 * Finds who is calling, loads the object the route's path addresses
 * (core/objects.c) and asks the one decision function whether the caller
 * may have it (authz_decide, docs/security.md "The object path and the
 * 404/403 rule"). The object is loaded only for a caller whose role meets
 * the route's need: who lacks it learns nothing of the object. req->object
 * is set either way. Returns true to go on; otherwise res holds the
 * refusal (503, 401, a redirect to the login page, 403 or 404) and it is
 * logged.
 */
static bool
authorize(struct request *req, struct response *res, const struct route *route,
    enum problem_format fmt, struct object *obj, struct db_call *objcall)
{
	enum authz_decision	 d;
	enum problem_id		 prob;
	char			*loc;

	req->object = obj;
	switch (auth_resolve(req)) {
	case AUTH_RESOLVED:
		choose_language(req);
		break;
	case AUTH_UNAVAILABLE:
		problem_send_id(res, fmt, PROB_UNAVAILABLE, NULL);
		response_header(res, "Retry-After", "1");
		return false;
	case AUTH_SSO_UNKNOWN:
		problem_send_id(res, fmt, PROB_SSO_UNKNOWN, NULL);
		return false;
	case AUTH_BAD_TOKEN:
		log_warn("id=%s invalid bearer token", req->id);
		problem_send_id(res, fmt, PROB_BAD_TOKEN, NULL);
		response_header(res, "WWW-Authenticate",
		    "Bearer error=\"invalid_token\"");
		return false;
	}
	d = authz_decide(&req->identity, route->need, NULL);
	/* A referensgrupp member of any role meets NEED_REVIEW only for the
	 * remiss of the object (identity.reviews): the route alone cannot
	 * tell, so the object is loaded and judged. Another remiss, existing
	 * or not, is then denied alike (authz_decide step 2). */
	if (d == AUTHZ_DENY && route->need == NEED_REVIEW &&
	    req->identity.nreviews > 0 && object_in_remiss(route->object))
		d = AUTHZ_ALLOW;
	memset(obj, 0, sizeof(*obj));
	if (d == AUTHZ_ALLOW && route->object != OBJ_NONE) {
		if (object_load(req->db, route->object, req->path_params,
		    req->npath_params, &req->identity, objcall, obj) !=
		    OBJECT_LOADED) {
			problem_send_id(res, fmt, PROB_UNAVAILABLE,
			    &req->identity);
			response_header(res, "Retry-After", "1");
			return false;
		}
		d = authz_decide(&req->identity, route->need, &obj->authz);
	}
	switch (d) {
	case AUTHZ_ALLOW:
		return true;
	case AUTHZ_LOGIN:
		/* The path goes into the query unencoded, so only one
		 * without query syntax, and only one the login will accept
		 * as its return path (http/return_path.c). */
		if (fmt == PROBLEM_HTML && req->method == METHOD_GET &&
		    return_path_ok(req->path) &&
		    strpbrk(req->path, "&#?%+") == NULL &&
		    (loc = arena_printf(req->arena, "/logga-in?next=%s",
		    req->path)) != NULL) {
			response_reset(res);
			res->status = 303;
			response_header(res, "Location", loc);
			return false;
		}
		/* A form sent after the session ended: say what happened and
		 * how to keep the text (the browser's Back has it). */
		if (fmt == PROBLEM_HTML && changes_state(req->method) &&
		    kvlist_get(&req->cookies, SESSION_COOKIE) != NULL)
			problem_send_id(res, fmt, PROB_SESSION_ENDED_FORM, NULL);
		else
			problem_send_id(res, fmt, PROB_LOGIN_NEEDED, NULL);
		response_header(res, "WWW-Authenticate", "Bearer");
		return false;
	case AUTHZ_DENY:
	case AUTHZ_HIDE:
		log_warn("id=%s denied: user %lld role %s needs %s for %s (%s%s)",
		    req->id, req->identity.user_id, role_name(req->identity.role),
		    need_name(route->need), route->name,
		    object_defs[route->object].name,
		    obj->kind == OBJ_NONE ? "" : obj->authz.missing ?
		    ", not found" : ", not this caller's");
		prob = obj->kind != OBJ_NONE ? object_refusal(obj,
		    &req->identity, d) : d == AUTHZ_HIDE ? PROB_NOT_FOUND :
		    PROB_FORBIDDEN;
		problem_send_id(res, fmt, prob, &req->identity);
		return false;
	}
	return false;
}

/*
 * The connection for route's handler: the read replica when the route is
 * ROUTE_REPLICA_OK, the method only reads, the replica is up (or comes back now)
 * and this browser made no change in the last FRESH_SECONDS; else the
 * primary. Authentication has already used the primary.
 */
static struct db *
pick_db(const struct request *req, const struct route *route,
    struct db *primary, struct db *replica)
{
	if (replica == NULL || !(route->flags & ROUTE_REPLICA_OK) ||
	    (req->method != METHOD_GET && req->method != METHOD_HEAD) ||
	    kvlist_get(&req->cookies, FRESH_COOKIE) != NULL)
		return primary;
	return db_ready(replica, REPLICA_RETRY) ? replica : primary;
}

/*
 * After a state-changing request, bumps the data version the review
 * matrix's page cache keys on (schema/013_remiss_data_version.sql): the
 * remiss's when the route's object lies within a remiss (its {slug}), else
 * the global one (organisations, users, anything not tied to one remiss).
 * Its own autocommit statement, run after the handler has committed (or
 * rolled back) its transaction, so it holds the version row's lock only
 * for itself and never inside a submission; docs/architecture.md ("The
 * review matrix cache") says why "after" is what makes the cache safe.
 * Bumping after a request that changed nothing only costs a page render.
 */
static void
bump_data_version(struct request *req, const struct route *route)
{
	const char	*p[1] = { NULL };
	PGresult	*r;

	if (object_in_remiss(route->object) && req->npath_params > 0)
		p[0] = req->path_params[0];
	r = db_exec(req->db, STMT_DATA_VERSION_BUMP, p);
	if (!db_result_ok(r))
		log_warn("id=%s data version not bumped after %s (pages may "
		    "show older data for up to the cache's maximum age)",
		    req->id, route->name);
	PQclear(r);
}

/* Runs the handler of route on the connection pick_db chooses. When the
 * replica fails under it (a 503 and the replica connection is gone), the
 * read-only handler runs again on the primary, so a replica that goes away
 * costs no request. After a successful change by a signed-in user the
 * browser gets the FRESH_COOKIE. */
static void
run_handler(struct request *req, struct response *res,
    const struct route *route, struct db *replica)
{
	struct db	*primary = req->db;
	char		 cookie[128];

	req->db = pick_db(req, route, primary, replica);
	route->handler(req, res);
	if (req->db != primary && res->status == 503 && !db_connected(req->db)) {
		log_warn("id=%s read replica lost; %s served from the primary",
		    req->id, route->name);
		req->db = primary;
		response_reset(res);
		route->handler(req, res);
	}
	req->db = primary;
	if (changes_state(req->method))
		bump_data_version(req, route);
	if (replica != NULL && changes_state(req->method) &&
	    identity_has_session(&req->identity) && res->status < 400) {
		snprintf(cookie, sizeof(cookie), "%s=1; Path=/; HttpOnly; "
		    "SameSite=Lax%s; Max-Age=%s", FRESH_COOKIE,
		    req->auth->cookie_secure ? "; Secure" : "", FRESH_SECONDS);
		response_header(res, "Set-Cookie", cookie);
	}
}

/*
 * Sends an error found before any route's authorization (no such page, a
 * method not allowed, a body too large). An HTML page shows the header of
 * whoever calls, like every other page: a signed-in user sees their name
 * and the logout button, not "Logga in", and reads it in their language.
 * Only for HTML is the caller looked up (one session lookup).
 */
static void
early_problem(struct request *req, struct response *res,
    enum problem_format fmt, const struct problem_def *p)
{
	const struct identity *who = NULL;

	if (fmt == PROBLEM_HTML && auth_resolve(req) == AUTH_RESOLVED) {
		choose_language(req);
		who = &req->identity;
	}
	problem_send_for(res, fmt, p->status, p->sv, p->en, NULL, 0, who);
	if (req->sso_session[0] != '\0')
		auth_set_session_cookie(req, res, req->sso_session);
}

/* Routes req and runs the handler; every outcome ends up in res, and the
 * route, once one matched, in *matched. replica is the read connection or
 * NULL. calls[0..2) are the caller's slots for the statements sent with the
 * session lookup (the caller PQclears a result nobody took). */
static void
dispatch(struct request *req, struct response *res,
    const struct route **matched, struct db *replica, struct db_call *calls)
{
	const struct route	*route;
	struct request_error	 err;
	struct object		 obj;
	struct db_call		*objcall = NULL;
	enum problem_format	 fmt;
	char			 allow[64];
	size_t			 n = 0;

	fmt = problem_format_for(req->accept, req->path);
	choose_language(req);	/* again once the user is known */
	i18n_set_return(req->path);
	if (req->method == METHOD__MAX) {
		problem_send_id(res, fmt, PROB_METHOD_UNSUPPORTED, NULL);
		return;
	}
	/* A body over the limit is refused whatever the route. */
	if (request_check_length(req, &err) == -1) {
		early_problem(req, res, fmt, &(const struct problem_def){
		    err.status, err.sv, err.en });
		return;
	}
	switch (router_match(routes, routes_count, req->method, req->path,
	    req->arena, &route, req->path_params, &req->npath_params, allow,
	    sizeof(allow))) {
	case ROUTE_NOT_FOUND:
		early_problem(req, res, fmt, &problem_defs[PROB_NOT_FOUND]);
		return;
	case ROUTE_METHOD_NOT_ALLOWED:
		early_problem(req, res, fmt,
		    &problem_defs[PROB_METHOD_NOT_ALLOWED]);
		response_header(res, "Allow", allow);
		return;
	case ROUTE_FOUND:
		break;
	}
	*matched = route;
	/* The route's object goes with the session lookup, in its round
	 * trip, when its statement does not depend on who asks. */
	memset(&obj, 0, sizeof(obj));
	if (object_prefetch(route->object, req->path_params, req->npath_params,
	    &obj, &calls[n]))
		objcall = &calls[n++];
	/* Only without a replica: the version must come from the connection
	 * the handler reads its data from (docs/architecture.md, "The review
	 * matrix cache"), and with a replica that may not be the primary. */
	if ((route->flags & ROUTE_VERSION_FIRST) && replica == NULL &&
	    req->npath_params > 0) {
		calls[n].id = STMT_DATA_VERSION;
		calls[n].params[0] = req->path_params[0];
		req->prefetch = &calls[n++];
	}
	req->also = calls;
	req->nalso = n;
	if (!authorize(req, res, route, fmt, &obj, objcall))
		return;
	if (request_read_body(req, route->body, &err) == -1) {
		problem_send_for(res, fmt, err.status, err.sv, err.en, NULL, 0,
		    &req->identity);
		return;
	}
	if (changes_state(req->method) && identity_has_session(&req->identity) &&
	    !(route->flags & ROUTE_CSRF_EXEMPT) && !auth_csrf_ok(req)) {
		log_warn("id=%s csrf check failed for user %lld on %s", req->id,
		    req->identity.user_id, route->name);
		problem_send_id(res, fmt, PROB_PAGE_EXPIRED, &req->identity);
		return;
	}
	/* The route's declared keys, checked once into typed slots. */
	if (route->inputs != NULL && ((req->inputs = arena_alloc(req->arena,
	    IN__MAX * sizeof(*req->inputs))) == NULL ||
	    input_parse(req->arena, input_defs, IN__MAX, route->inputs,
	    &req->form, &req->query, req->multipart, req->inputs) == -1)) {
		problem_send_id(res, fmt, PROB_INTERNAL, &req->identity);
		return;
	}
	run_handler(req, res, route, replica);
	/* A session made by single sign-on reaches the browser whatever the
	 * handler did to the headers. */
	if (req->sso_session[0] != '\0')
		auth_set_session_cookie(req, res, req->sso_session);
}

/* Serves one accepted FastCGI request from start to log line. */
static void
serve(FCGX_Request *f, struct db *db, struct db *replica,
    const struct worker_config *cfg)
{
	struct timespec		 start;
	struct arena		*a;
	struct request		 req;
	struct response		 res;
	struct request_error	 err;
	const struct route	*route = NULL;
	struct db_call		 calls[2];
	char			 path[512], method[64], id[64];
	long			 bytes, us;
	static const char	 oom[] = "Status: 503 Service Unavailable\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
	    "Tillfälligt fel.\nTemporary failure.\n";

	clock_gettime(CLOCK_MONOTONIC, &start);
	i18n_set(LANG_SV);	/* nothing of the last request's language */
	i18n_set_return(NULL);
	if ((a = arena_new()) == NULL) {
		FCGX_PutStr(oom, (int)sizeof(oom) - 1, f->out);
		log_err("out of memory");
		return;
	}
	response_init(&res, a);
	if (f->role != FCGI_RESPONDER) {
		memset(&req, 0, sizeof(req));
		req.path = "?";
		req.method_name = "?";
		snprintf(req.id, sizeof(req.id), "-");
		response_text(&res, 400, "Fel FastCGI-roll.\nWrong FastCGI role.\n");
	} else if (request_init(&req, f, a, &cfg->limits, &err) == -1) {
		problem_send(&res, problem_format_for(req.accept, req.path),
		    err.status, err.sv, err.en, NULL, 0);
	} else {
		req.db = db;
		req.auth = &cfg->auth;
		req.schema = cfg->schema;
		res.head_only = req.method == METHOD_HEAD;
		memset(calls, 0, sizeof(calls));
		dispatch(&req, &res, &route, replica, calls);
		PQclear(calls[0].result);
		PQclear(calls[1].result);
		/* The caching rule, decided here once for every route. */
		res.no_store = auth_no_store(&req);
	}
	bytes = response_send(&res, f->out);
	us = elapsed_us(&start);
	metrics_request(route != NULL ? (size_t)(route - routes) : routes_count,
	    res.status, us);
	/* One line of key=value pairs (logfmt): values with spaces or quotes
	 * are quoted, so the line splits into fields unambiguously. */
	log_value(id, sizeof(id), req.id);
	log_value(method, sizeof(method), req.method_name);
	log_value(path, sizeof(path), req.path);
	log_info("id=%s method=%s path=%s route=%s status=%d bytes=%ld us=%ld",
	    id, method, path, route != NULL ? route->name : "-", res.status,
	    bytes, us);
	arena_free(a);
}

void
worker_main(void *arg)
{
	const struct worker_config	*cfg = arg;
	FCGX_Request			 f;
	struct db			*db = NULL, *replica = NULL;
	sigset_t			 stopset;
	unsigned long			 served = 0;
	struct timespec			 now, last_purge = { 0, 0 };
	int				 rc;

	log_set_name("remissd");
	if (install_signals(&stopset) == -1) {
		log_err("sigaction: %s", strerror(errno));
		_exit(1);
	}
	if (FCGX_Init() != 0 ||
	    FCGX_InitRequest(&f, cfg->listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_err("FCGX_Init failed");
		_exit(1);
	}
	if ((db = db_open(cfg->conninfo)) == NULL) {
		log_err("out of memory");
		_exit(1);
	}
	/* A replica that is down now is tried again by pick_db. */
	if (cfg->read_conninfo != NULL &&
	    (replica = db_open_as(cfg->read_conninfo, "remissd-read")) == NULL) {
		log_err("out of memory");
		_exit(1);
	}
	while (!stopping) {
		rc = FCGX_Accept_r(&f);
		/* While serving, a stop request waits until the answer is out. */
		sigprocmask(SIG_BLOCK, &stopset, NULL);
		if (rc < 0) {
			if (!stopping && rc != -EINTR) {
				log_warn("FCGX_Accept_r: %d", rc);
				usleep(10000);
			}
		} else {
			serve(&f, db, replica, cfg);
			FCGX_Finish_r(&f);
			served++;
			/* Expired sessions go now and then, after an answer is out. */
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - last_purge.tv_sec >= SESSION_PURGE_EVERY) {
				last_purge = now;
				session_purge(db, &cfg->auth.session);
			}
		}
		sigprocmask(SIG_UNBLOCK, &stopset, NULL);
		if (cfg->max_requests > 0 && served >= cfg->max_requests)
			break;
	}
	FCGX_Free(&f, 1);
	db_close(replica);
	db_close(db);
	xmlCleanupParser();
	pdfdoc_library_cleanup();	/* the font caches, for the leak checker */
	log_info("worker stopping after %lu requests", served);
	exit(0);
}
