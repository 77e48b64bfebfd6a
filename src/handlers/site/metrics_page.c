/* metrics_page.c: GET /metrics, the shared counters in Prometheus's text format (0.0.4). */
#include "config.h"

#include "core/response_store.h"
#include "handlers/handlers.h"
#include "handlers/site/prometheus.h"
#include "http/response.h"
#include "util/buf.h"

/* Names of the label values, in the order of their enums. */
static const char *const class_names[METRICS_CLASSES] = {
	"1xx", "2xx", "3xx", "4xx", "5xx",
};
static const char *const db_error_names[METRICS_DB__MAX] = {
	"unreachable",	/* METRICS_DB_UNREACHABLE */
	"statement",	/* METRICS_DB_STATEMENT */
};
static const char *const restart_names[METRICS_RESTART__MAX] = {
	"crashed",	/* METRICS_RESTART_CRASHED */
	"exited",	/* METRICS_RESTART_EXITED */
};
static const char *const channel_labels[METRICS_CHANNELS] = {
	"webb",		/* CHANNEL_WEBB */
	"xml",		/* CHANNEL_XML */
	"registrerad",	/* CHANNEL_REGISTRERAD */
};
_Static_assert(CHANNEL_REGISTRERAD + 1 == METRICS_CHANNELS,
    "one metrics channel per enum channel");

/* Appends a label value with \, " and newline escaped as the format asks. */
static void
label_value(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			buf_puts(out, "\\\\");
		else if (*s == '"')
			buf_puts(out, "\\\"");
		else if (*s == '\n')
			buf_puts(out, "\\n");
		else
			buf_append(out, s, 1);
	}
}

static void
family(struct buf *out, const char *name, const char *type, const char *help)
{
	buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Appends name{key="value"} n. */
static void
sample(struct buf *out, const char *name, const char *key, const char *value,
    unsigned long n)
{
	buf_printf(out, "%s{%s=\"", name, key);
	label_value(out, value);
	buf_printf(out, "\"} %lu\n", n);
}

static const char *
route_label(const struct metrics_snapshot *s, const struct route *table,
    size_t i)
{
	return i < s->nroutes ? table[i].name : "none";
}

static unsigned long
route_total(const struct metrics_route_snapshot *r)
{
	unsigned long	n = 0;
	size_t		b;

	for (b = 0; b <= METRICS_BUCKETS; b++)
		n += r->bucket[b];
	return n;
}

static void
requests(struct buf *out, const struct metrics_snapshot *s,
    const struct route *table)
{
	size_t	i, c;

	family(out, "remiss_http_requests_total", "counter",
	    "Requests answered by remissd, by route and status class.");
	for (i = 0; i <= s->nroutes; i++)
		for (c = 0; c < METRICS_CLASSES; c++) {
			if (s->route[i].status[c] == 0)
				continue;
			buf_puts(out, "remiss_http_requests_total{route=\"");
			label_value(out, route_label(s, table, i));
			buf_printf(out, "\",status=\"%s\"} %lu\n",
			    class_names[c], s->route[i].status[c]);
		}
}

static void
latency(struct buf *out, const struct metrics_snapshot *s,
    const struct route *table)
{
	const struct metrics_route_snapshot	*r;
	unsigned long				 cum;
	size_t					 i, b;
	const char				*name;

	family(out, "remiss_http_request_duration_seconds", "histogram",
	    "Time from accepting a request to its answer written, by route.");
	for (i = 0; i <= s->nroutes; i++) {
		r = &s->route[i];
		if (route_total(r) == 0)
			continue;
		name = route_label(s, table, i);
		cum = 0;
		for (b = 0; b <= METRICS_BUCKETS; b++) {
			cum += r->bucket[b];
			buf_puts(out,
			    "remiss_http_request_duration_seconds_bucket{route=\"");
			label_value(out, name);
			if (b < METRICS_BUCKETS)
				buf_printf(out, "\",le=\"%g\"} %lu\n",
				    (double)metrics_bucket_us[b] / 1e6, cum);
			else
				buf_printf(out, "\",le=\"+Inf\"} %lu\n", cum);
		}
		buf_puts(out, "remiss_http_request_duration_seconds_sum{route=\"");
		label_value(out, name);
		buf_printf(out, "\"} %lu.%06lu\n", r->sum_us / 1000000,
		    r->sum_us % 1000000);
		sample(out, "remiss_http_request_duration_seconds_count", "route",
		    name, cum);
	}
}

int
metrics_render(struct buf *out, const struct metrics_snapshot *s,
    const struct route *table)
{
	size_t i;

	requests(out, s, table);
	latency(out, s, table);
	family(out, "remiss_db_errors_total", "counter",
	    "Failed database calls: no answer (unreachable) or an error "
	    "answer (statement).");
	for (i = 0; i < METRICS_DB__MAX; i++)
		sample(out, "remiss_db_errors_total", "kind", db_error_names[i],
		    s->db_errors[i]);
	family(out, "remiss_db_reconnects_total", "counter",
	    "Successful reconnects of a worker to the database.");
	buf_printf(out, "remiss_db_reconnects_total %lu\n", s->db_reconnects);
	family(out, "remiss_worker_restarts_total", "counter",
	    "Workers the supervisor replaced: crashed (signal or error exit) "
	    "or exited (recycled or replaced on SIGHUP).");
	for (i = 0; i < METRICS_RESTART__MAX; i++)
		sample(out, "remiss_worker_restarts_total", "reason",
		    restart_names[i], s->restarts[i]);
	family(out, "remiss_responses_submitted_total", "counter",
	    "Remissvar versions stored, by channel (replays not counted).");
	for (i = 0; i < METRICS_CHANNELS; i++)
		sample(out, "remiss_responses_submitted_total", "channel",
		    channel_labels[i], s->submitted[i]);
	family(out, "remiss_start_time_seconds", "gauge",
	    "When the remissd supervisor started, in Unix seconds.");
	buf_printf(out, "remiss_start_time_seconds %lld\n", s->started);
	return out->failed ? -1 : 0;
}

void
handle_metrics(struct request *req, struct response *res)
{
	struct metrics_snapshot s;

	if (metrics_snapshot(req->arena, &s) == -1) {
		handler_fail(req, res, PROB_METRICS_UNAVAILABLE);
		return;
	}
	response_reset(res);
	res->status = 200;
	res->content_type = METRICS_CONTENT_TYPE;
	if (metrics_render(&res->body, &s, routes) == -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	response_header(res, "Cache-Control", "no-store");
}
