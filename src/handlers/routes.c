/* routes.c: the one table that maps method + path to a handler and what it needs. */
#include "config.h"

#include "handlers/handlers.h"

const struct route routes[] = {
	{ "healthz", METHOD_GET, "/healthz", BODY_NONE, handle_healthz,
	    NEED_PUBLIC, false },
	{ "home", METHOD_GET, "/", BODY_NONE, handle_home, NEED_PUBLIC, false },
	{ "login_form", METHOD_GET, "/logga-in", BODY_NONE, handle_login_form,
	    NEED_PUBLIC, false },
	/* Checks its own double-submit token: there is no session yet. */
	{ "login", METHOD_POST, "/logga-in", BODY_FORM, handle_login,
	    NEED_PUBLIC, true },
	{ "logout", METHOD_POST, "/logga-ut", BODY_FORM, handle_logout,
	    NEED_LOGIN, false },
	{ "remiss", METHOD_GET, "/remisser/{slug}", BODY_NONE, handle_remiss,
	    NEED_LOGIN, false },
	{ "response_form", METHOD_GET, "/remisser/{slug}/svar", BODY_NONE,
	    handle_response_form, NEED_KOMMUN, false },
	{ "response_post", METHOD_POST, "/remisser/{slug}/svar", BODY_FORM,
	    handle_response_post, NEED_KOMMUN, false },
	{ "receipt", METHOD_GET, "/remisser/{slug}/kvitton/{id}", BODY_NONE,
	    handle_receipt, NEED_LOGIN, false },
	{ "overview", METHOD_GET, "/remisser/{slug}/oversikt", BODY_NONE,
	    handle_overview, NEED_FORVALTNING, false },
	{ "extend", METHOD_POST, "/remisser/{slug}/forlang", BODY_FORM,
	    handle_extend, NEED_FORVALTNING, false },
	{ "register_form", METHOD_GET, "/remisser/{slug}/registrera/{org}",
	    BODY_NONE, handle_register_form, NEED_FORVALTNING, false },
	{ "register", METHOD_POST, "/remisser/{slug}/registrera/{org}",
	    BODY_FORM, handle_register, NEED_FORVALTNING, false },
	{ "attachment", METHOD_GET, "/remisser/{slug}/kvitton/{id}/bilaga/{n}",
	    BODY_NONE, handle_attachment, NEED_LOGIN, false },
	{ "compare", METHOD_GET, "/remisser/{slug}/jamfor", BODY_NONE,
	    handle_compare, NEED_LOGIN, false },
	{ "admin_remisser", METHOD_GET, "/admin/remisser", BODY_NONE,
	    handle_admin_remisser, NEED_FORVALTNING, false },
	{ "admin_remiss_upload", METHOD_POST, "/admin/remisser", BODY_FORM,
	    handle_admin_remiss_upload, NEED_FORVALTNING, false },
	{ "remiss_status", METHOD_POST, "/remisser/{slug}/status", BODY_FORM,
	    handle_remiss_status, NEED_FORVALTNING, false },
	{ "invite", METHOD_POST, "/remisser/{slug}/bjud-in", BODY_FORM,
	    handle_invite, NEED_FORVALTNING, false },
	{ "audit_log", METHOD_GET, "/admin/logg", BODY_NONE, handle_audit_log,
	    NEED_FORVALTNING, false },
	/* Prometheus counters; only from the addresses remissd -M allows. */
	{ "metrics", METHOD_GET, "/metrics", BODY_NONE, handle_metrics,
	    NEED_METRICS, false },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
