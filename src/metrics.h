/* metrics.h: counters shared by the supervisor and its workers, in one anonymous shared mapping. */
#ifndef REMISS_METRICS_H
#define REMISS_METRICS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Status classes counted per route: 1xx .. 5xx (anything else counts as 5xx). */
#define METRICS_CLASSES		5

/* Upper bounds of the latency histogram's buckets, in microseconds; a last,
 * implicit bucket (+Inf) takes everything slower. */
#define METRICS_BUCKETS		11
extern const unsigned long metrics_bucket_us[METRICS_BUCKETS];

/* Submission channels, in the order of enum channel (core/response_store.h). */
#define METRICS_CHANNELS	3

enum metrics_db_error {
	METRICS_DB_UNREACHABLE,	/* db_exec got no answer: the database is away */
	METRICS_DB_STATEMENT,	/* the server answered with an error */
	METRICS_DB__MAX
};

enum metrics_restart {
	METRICS_RESTART_CRASHED,	/* killed by a signal or exited non-zero */
	METRICS_RESTART_EXITED,		/* exited cleanly (-r recycling, SIGHUP) */
	METRICS_RESTART__MAX
};

/* A plain copy of every counter at one moment, for rendering. */
struct metrics_route_snapshot {
	unsigned long	 status[METRICS_CLASSES];
	/* Requests per bucket (not cumulative); [METRICS_BUCKETS] is +Inf only. */
	unsigned long	 bucket[METRICS_BUCKETS + 1];
	unsigned long	 sum_us;
};

struct metrics_snapshot {
	unsigned long	 db_errors[METRICS_DB__MAX];
	unsigned long	 db_reconnects;
	unsigned long	 restarts[METRICS_RESTART__MAX];
	unsigned long	 submitted[METRICS_CHANNELS];
	long long	 started;	/* supervisor start, Unix seconds */
	size_t		 nroutes;
	/* nroutes + 1 entries: one per route of the table, then requests
	 * that matched no route. */
	struct metrics_route_snapshot *route;
};

/*
 * Maps the shared counters for a route table of nroutes entries. Call once,
 * in the supervisor before it forks: the children inherit the mapping. Until
 * it is called (as in remissctl) every recording function does nothing.
 * Returns 0, or -1 if the mapping failed (nothing is counted then).
 */
int metrics_open(size_t nroutes);

/* Unmaps the counters (tests); recording does nothing afterwards. */
void metrics_close(void);

/* True once metrics_open has succeeded. */
bool metrics_enabled(void);

/* Counts one answered request: route is its index in the route table, or
 * nroutes (or more) when it matched none; us is its duration. */
void metrics_request(size_t route, int status, long us);

/* Counts a failed database call. */
void metrics_db_error(enum metrics_db_error kind);

/* Counts a successful reconnect to the database. */
void metrics_db_reconnect(void);

/* Counts a worker that the supervisor has to replace. */
void metrics_worker_restart(enum metrics_restart why);

/* Counts a stored (not replayed) submission on channel (enum channel). */
void metrics_submitted(unsigned channel);

/* Copies every counter into s, its route array allocated in a. Returns 0,
 * or -1 when metrics are not open or on OOM (s is then zeroed). */
int metrics_snapshot(struct arena *a, struct metrics_snapshot *s);

/* Index of a status in the class arrays: 0 for 1xx ... 4 for 5xx. */
size_t metrics_status_class(int status);

#endif
