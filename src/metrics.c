/* metrics.c: lock-free counters in a MAP_SHARED|MAP_ANONYMOUS mapping made before the workers fork. */
#include "config.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "log.h"
#include "metrics.h"
#include "util/arena.h"

/* Processes share these counters: atomics on them must not need a lock,
 * which would live in each process's own memory. */
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2,
    "shared counters need lock-free atomic longs");

/* 5 ms .. 10 s, Prometheus's default buckets. */
const unsigned long metrics_bucket_us[METRICS_BUCKETS] = {
	5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000, 5000000, 10000000,
};

struct route_counters {
	atomic_ulong	 status[METRICS_CLASSES];
	atomic_ulong	 bucket[METRICS_BUCKETS + 1];
	atomic_ulong	 sum_us;
};

struct shared {
	atomic_ulong		 db_errors[METRICS_DB__MAX];
	atomic_ulong		 db_reconnects;
	atomic_ulong		 restarts[METRICS_RESTART__MAX];
	atomic_ulong		 submitted[METRICS_CHANNELS];
	long long		 started;	/* written once, before fork */
	size_t			 nroutes;	/* idem */
	struct route_counters	 route[];	/* nroutes + 1 */
};

static struct shared	*shm;
static size_t		 shm_size;

int
metrics_open(size_t nroutes)
{
	void	*p;
	size_t	 size;

	metrics_close();
	if (nroutes > 4096)
		return -1;
	size = sizeof(struct shared) + (nroutes + 1) *
	    sizeof(struct route_counters);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED) {
		log_err("mmap of %zu bytes: %s", size, strerror(errno));
		return -1;
	}
	/* A fresh anonymous mapping is zero-filled: every counter starts at 0. */
	shm = p;
	shm_size = size;
	shm->nroutes = nroutes;
	shm->started = (long long)time(NULL);
	return 0;
}

void
metrics_close(void)
{
	if (shm != NULL)
		munmap(shm, shm_size);
	shm = NULL;
	shm_size = 0;
}

bool
metrics_enabled(void)
{
	return shm != NULL;
}

static void
inc(atomic_ulong *c, unsigned long n)
{
	atomic_fetch_add_explicit(c, n, memory_order_relaxed);
}

size_t
metrics_status_class(int status)
{
	if (status < 100 || status > 599)
		return METRICS_CLASSES - 1;
	return (size_t)(status / 100 - 1);
}

void
metrics_request(size_t route, int status, long us)
{
	struct route_counters	*rc;
	unsigned long		 u = us > 0 ? (unsigned long)us : 0;
	size_t			 b;

	if (shm == NULL)
		return;
	rc = &shm->route[route < shm->nroutes ? route : shm->nroutes];
	inc(&rc->status[metrics_status_class(status)], 1);
	for (b = 0; b < METRICS_BUCKETS && u > metrics_bucket_us[b]; b++)
		continue;
	inc(&rc->bucket[b], 1);
	inc(&rc->sum_us, u);
}

void
metrics_db_error(enum metrics_db_error kind)
{
	if (shm != NULL && (unsigned)kind < METRICS_DB__MAX)
		inc(&shm->db_errors[kind], 1);
}

void
metrics_db_reconnect(void)
{
	if (shm != NULL)
		inc(&shm->db_reconnects, 1);
}

void
metrics_worker_restart(enum metrics_restart why)
{
	if (shm != NULL && (unsigned)why < METRICS_RESTART__MAX)
		inc(&shm->restarts[why], 1);
}

void
metrics_submitted(unsigned channel)
{
	if (shm != NULL && channel < METRICS_CHANNELS)
		inc(&shm->submitted[channel], 1);
}

static unsigned long
get(atomic_ulong *c)
{
	return atomic_load_explicit(c, memory_order_relaxed);
}

int
metrics_snapshot(struct arena *a, struct metrics_snapshot *s)
{
	size_t	i, j;

	memset(s, 0, sizeof(*s));
	if (shm == NULL)
		return -1;
	if ((s->route = arena_calloc(a, shm->nroutes + 1,
	    sizeof(*s->route))) == NULL)
		return -1;
	s->nroutes = shm->nroutes;
	s->started = shm->started;
	for (i = 0; i < METRICS_DB__MAX; i++)
		s->db_errors[i] = get(&shm->db_errors[i]);
	s->db_reconnects = get(&shm->db_reconnects);
	for (i = 0; i < METRICS_RESTART__MAX; i++)
		s->restarts[i] = get(&shm->restarts[i]);
	for (i = 0; i < METRICS_CHANNELS; i++)
		s->submitted[i] = get(&shm->submitted[i]);
	for (i = 0; i <= shm->nroutes; i++) {
		for (j = 0; j < METRICS_CLASSES; j++)
			s->route[i].status[j] = get(&shm->route[i].status[j]);
		for (j = 0; j <= METRICS_BUCKETS; j++)
			s->route[i].bucket[j] = get(&shm->route[i].bucket[j]);
		s->route[i].sum_us = get(&shm->route[i].sum_us);
	}
	return 0;
}
