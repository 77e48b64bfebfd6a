/* test_metrics.c: shared counters across fork, and their Prometheus text rendering. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "handlers/site/prometheus.h"
#include "metrics.h"
#include "util/arena.h"
#include "util/buf.h"

static void h_dummy(struct request *r, struct response *s) { (void)r; (void)s; }

static const struct route table[] = {
	{ .name = "healthz", .method = METHOD_GET, .pattern = "/healthz", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
	{ .name = "odd\"na\\me", .method = METHOD_GET, .pattern = "/odd", .body = BODY_NONE, .handler = h_dummy, .need = NEED_PUBLIC },
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

/* Renders s and returns the text (in a). */
static const char *
render(struct arena *a, const struct metrics_snapshot *s)
{
	struct buf b;

	buf_init(&b, a);
	assert_int_equal(metrics_render(&b, s, table), 0);
	assert_non_null(b.data);
	return b.data;
}

static void
has_line(const char *text, const char *line)
{
	const char	*p = text;
	size_t		 n = strlen(line);

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return;
		p += n;
	}
	fail_msg("no line \"%s\" in:\n%s", line, text);
}

static void
status_classes_cover_every_status(void **state)
{
	(void)state;
	assert_int_equal(metrics_status_class(100), 0);
	assert_int_equal(metrics_status_class(200), 1);
	assert_int_equal(metrics_status_class(303), 2);
	assert_int_equal(metrics_status_class(404), 3);
	assert_int_equal(metrics_status_class(599), 4);
	assert_int_equal(metrics_status_class(0), 4);
	assert_int_equal(metrics_status_class(600), 4);
	assert_int_equal(metrics_status_class(-1), 4);
}

static void
recording_without_open_does_nothing(void **state)
{
	struct arena		*a = arena_new();
	struct metrics_snapshot	 s;

	(void)state;
	metrics_close();
	assert_false(metrics_enabled());
	metrics_request(0, 200, 10);
	metrics_db_error(METRICS_DB_STATEMENT);
	metrics_submitted(0);
	assert_int_equal(metrics_snapshot(a, &s), -1);
	arena_free(a);
}

static void
counters_are_shared_with_forked_children(void **state)
{
	struct arena		*a = arena_new();
	struct metrics_snapshot	 s;
	pid_t			 pid;
	int			 status, i;

	(void)state;
	assert_int_equal(metrics_open(NTABLE), 0);
	for (i = 0; i < 2; i++) {
		pid = fork();
		assert_true(pid != -1);
		if (pid == 0) {
			metrics_request(0, 200, 1200);
			metrics_request(0, 503, 2000000);
			metrics_request(NTABLE, 404, 10);	/* no route */
			metrics_request(99, 404, 10);		/* out of range */
			metrics_db_error(METRICS_DB_UNREACHABLE);
			metrics_db_reconnect();
			metrics_submitted(1);
			metrics_submitted(7);			/* ignored */
			_exit(0);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	metrics_worker_restart(METRICS_RESTART_CRASHED);
	assert_int_equal(metrics_snapshot(a, &s), 0);
	assert_int_equal(s.nroutes, NTABLE);
	assert_int_equal(s.route[0].status[1], 2);
	assert_int_equal(s.route[0].status[4], 2);
	assert_int_equal(s.route[0].bucket[0], 2);	/* 1.2 ms <= 5 ms */
	assert_int_equal(s.route[0].bucket[8], 2);	/* 2 s <= 2.5 s */
	assert_int_equal(s.route[0].sum_us, 2 * (1200 + 2000000));
	assert_int_equal(s.route[NTABLE].status[3], 4);
	assert_int_equal(s.db_errors[METRICS_DB_UNREACHABLE], 2);
	assert_int_equal(s.db_errors[METRICS_DB_STATEMENT], 0);
	assert_int_equal(s.db_reconnects, 2);
	assert_int_equal(s.submitted[1], 2);
	assert_int_equal(s.submitted[0] + s.submitted[2], 0);
	assert_int_equal(s.restarts[METRICS_RESTART_CRASHED], 1);
	assert_true(s.started > 0);
	metrics_close();
	arena_free(a);
}

static void
bucket_bounds_are_inclusive(void **state)
{
	struct arena		*a = arena_new();
	struct metrics_snapshot	 s;

	(void)state;
	assert_int_equal(metrics_open(NTABLE), 0);
	metrics_request(0, 200, 5000);		/* exactly 5 ms: le="0.005" */
	metrics_request(0, 200, 5001);
	metrics_request(0, 200, 10000000);	/* exactly 10 s */
	metrics_request(0, 200, 10000001);	/* only +Inf */
	metrics_request(0, 200, -5);		/* a clock step: counted as 0 */
	assert_int_equal(metrics_snapshot(a, &s), 0);
	assert_int_equal(s.route[0].bucket[0], 2);
	assert_int_equal(s.route[0].bucket[1], 1);
	assert_int_equal(s.route[0].bucket[METRICS_BUCKETS - 1], 1);
	assert_int_equal(s.route[0].bucket[METRICS_BUCKETS], 1);
	metrics_close();
	arena_free(a);
}

/* s: no requests yet on any of the NTABLE routes, their counts in r
 * (NTABLE + 1 of them). */
static void
empty_snapshot(struct metrics_snapshot *s, struct metrics_route_snapshot *r)
{
	memset(r, 0, (NTABLE + 1) * sizeof(*r));
	memset(s, 0, sizeof(*s));
	s->nroutes = NTABLE;
	s->route = r;
}

static void
render_histogram_is_cumulative_with_sum_and_count(void **state)
{
	struct arena			*a = arena_new();
	struct metrics_route_snapshot	 r[NTABLE + 1];
	struct metrics_snapshot		 s;
	const char			*t;

	(void)state;
	empty_snapshot(&s, r);
	s.started = 1700000000;
	r[0].status[1] = 3;
	r[0].status[3] = 1;
	r[0].bucket[0] = 2;
	r[0].bucket[2] = 1;
	r[0].bucket[METRICS_BUCKETS] = 1;
	r[0].sum_us = 12345678;
	r[NTABLE].status[3] = 5;
	r[NTABLE].bucket[0] = 5;
	s.db_errors[METRICS_DB_STATEMENT] = 4;
	s.submitted[2] = 9;
	t = render(a, &s);
	has_line(t, "# TYPE remiss_http_requests_total counter");
	has_line(t, "remiss_http_requests_total{route=\"healthz\",status=\"2xx\"} 3");
	has_line(t, "remiss_http_requests_total{route=\"healthz\",status=\"4xx\"} 1");
	has_line(t, "remiss_http_requests_total{route=\"none\",status=\"4xx\"} 5");
	/* Zero series of requests are left out. */
	assert_null(strstr(t, "status=\"5xx\""));
	has_line(t, "# TYPE remiss_http_request_duration_seconds histogram");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"0.005\"} 2");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"0.01\"} 2");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"0.025\"} 3");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"2.5\"} 3");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"10\"} 3");
	has_line(t, "remiss_http_request_duration_seconds_bucket{route=\"healthz\",le=\"+Inf\"} 4");
	has_line(t, "remiss_http_request_duration_seconds_sum{route=\"healthz\"} 12.345678");
	has_line(t, "remiss_http_request_duration_seconds_count{route=\"healthz\"} 4");
	has_line(t, "remiss_http_request_duration_seconds_count{route=\"none\"} 5");
	has_line(t, "remiss_db_errors_total{kind=\"unreachable\"} 0");
	has_line(t, "remiss_db_errors_total{kind=\"statement\"} 4");
	has_line(t, "remiss_db_reconnects_total 0");
	has_line(t, "remiss_worker_restarts_total{reason=\"crashed\"} 0");
	has_line(t, "remiss_worker_restarts_total{reason=\"exited\"} 0");
	has_line(t, "remiss_responses_submitted_total{channel=\"webb\"} 0");
	has_line(t, "remiss_responses_submitted_total{channel=\"registrerad\"} 9");
	has_line(t, "remiss_start_time_seconds 1700000000");
	arena_free(a);
}

static void
render_escapes_label_values(void **state)
{
	struct arena			*a = arena_new();
	struct metrics_route_snapshot	 r[NTABLE + 1];
	struct metrics_snapshot		 s;
	const char			*t;

	(void)state;
	empty_snapshot(&s, r);
	r[1].status[1] = 1;
	r[1].bucket[0] = 1;
	t = render(a, &s);
	has_line(t, "remiss_http_requests_total{route=\"odd\\\"na\\\\me\",status=\"2xx\"} 1");
	arena_free(a);
}

/* Every line is a "# HELP"/"# TYPE" comment or "name[{labels}] value", a
 * family's TYPE comes before its samples, and the text ends in a newline. */
static void
render_is_well_formed_exposition_text(void **state)
{
	struct arena		*a = arena_new();
	struct metrics_snapshot	 s;
	char			*copy, *line, *save = NULL, typed[64] = "";
	const char		*t;
	size_t			 n;

	(void)state;
	assert_int_equal(metrics_open(NTABLE), 0);
	metrics_request(0, 200, 300);
	metrics_request(1, 302, 300);
	metrics_request(NTABLE, 405, 300);
	assert_int_equal(metrics_snapshot(a, &s), 0);
	t = render(a, &s);
	assert_true(strlen(t) > 0 && t[strlen(t) - 1] == '\n');
	copy = strdup(t);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "# HELP ", 7) == 0)
			continue;
		if (strncmp(line, "# TYPE ", 7) == 0) {
			n = strcspn(line + 7, " ");
			assert_true(n < sizeof(typed));
			memcpy(typed, line + 7, n);
			typed[n] = '\0';
			assert_true(strcmp(line + 7 + n, " counter") == 0 ||
			    strcmp(line + 7 + n, " gauge") == 0 ||
			    strcmp(line + 7 + n, " histogram") == 0);
			continue;
		}
		assert_true(line[0] != '#');
		/* The sample belongs to the family typed last. */
		if (strncmp(line, typed, strlen(typed)) != 0 || typed[0] == '\0')
			fail_msg("sample before its TYPE: %s", line);
		n = strspn(line, "abcdefghijklmnopqrstuvwxyz_");
		assert_true(line[n] == '{' || line[n] == ' ');
		if (line[n] == '{')
			assert_non_null(strstr(line + n, "} "));
		/* The value is a number. */
		assert_true(strchr("0123456789", strrchr(line, ' ')[1]) != NULL);
	}
	free(copy);
	metrics_close();
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_classes_cover_every_status),
		cmocka_unit_test(recording_without_open_does_nothing),
		cmocka_unit_test(counters_are_shared_with_forked_children),
		cmocka_unit_test(bucket_bounds_are_inclusive),
		cmocka_unit_test(render_histogram_is_cumulative_with_sum_and_count),
		cmocka_unit_test(render_escapes_label_values),
		cmocka_unit_test(render_is_well_formed_exposition_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
