/* prometheus.h: renders the shared counters (src/metrics.h) in Prometheus's text format. */
#ifndef REMISS_HANDLERS_PROMETHEUS_H
#define REMISS_HANDLERS_PROMETHEUS_H

#include <stddef.h>

#include "http/router.h"
#include "metrics.h"

struct buf;

/* The Content-Type of Prometheus's text exposition format 0.0.4. */
#define METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/*
 * Appends s to out in the text exposition format: requests by route and
 * status class, the latency histogram by route (both only for routes that
 * have had requests; those that matched no route appear as route="none"),
 * database errors and reconnects, worker restarts, stored submissions by
 * channel and the start time. s->nroutes must be the length of table.
 * Returns 0, or -1 on OOM (out->failed is set).
 */
int metrics_render(struct buf *out, const struct metrics_snapshot *s,
    const struct route *table);

#endif
