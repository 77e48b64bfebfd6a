/* worker.h: one FastCGI worker process: accept, build the request, route, answer, log. */
#ifndef REMISS_WORKER_H
#define REMISS_WORKER_H

#include "auth/resolve.h"
#include "http/limits.h"

struct xml_schema;

struct worker_config {
	int		 listen_fd;	/* the shared listening socket */
	const char	*conninfo;	/* libpq conninfo, NULL for PG* defaults */
	const char	*read_conninfo;	/* replicas for ROUTE_REPLICA_OK routes, or NULL */
	struct limits	 limits;
	struct auth_config auth;	/* sessions and cookies */
	unsigned long	 max_requests;	/* exit after this many (0: never) */
	const struct xml_schema *schema; /* compiled remissvar.xsd, shared read-only */
};

/* Serves requests until SIGTERM, then finishes the one in flight and exits.
 * arg is a const struct worker_config *. Never returns. */
void worker_main(void *arg) __attribute__((noreturn));

#endif
