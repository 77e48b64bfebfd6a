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
	{ "audit_log", METHOD_GET, "/admin/logg", BODY_NONE, handle_audit_log,
	    NEED_FORVALTNING, false },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
