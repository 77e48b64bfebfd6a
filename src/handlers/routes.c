/* routes.c: the one table that maps method + path to a handler. */
#include "config.h"

#include "handlers/handlers.h"

const struct route routes[] = {
	{ "healthz", METHOD_GET, "/healthz", BODY_NONE, handle_healthz },
	{ "home", METHOD_GET, "/", BODY_NONE, handle_home },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
