/* test_read_worker.c: the reading worker's pure and process parts: the child runs with only its
 * pipes and a minimal environment and is killed at its wall clock, CPU limit and output cap;
 * exit statuses and signals map to the stored error codes; the matcher's targets come in
 * remiss order; the proposal JSON narrows spans to whole characters and drops bad ones. */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/remiss_def.h"
#include "reader/child.h"
#include "reader/extract.h"
#include "reader/proposal.h"
#include "reader/read_worker.h"
#include "util/arena.h"
#include "util/buf.h"
#include "fixtures.h"

/* An executable script at a fresh path holding body, in a. */
static const char *
script(struct arena *a, const char *body)
{
	char	*path;
	FILE	*fp;
	int	 fd;

	path = arena_strdup(a, "/tmp/test_read_worker.XXXXXX");
	assert_non_null(path);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	fprintf(fp, "#!/bin/sh\n%s\n", body);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, 0700), 0);
	return path;
}

static const char *
run(struct arena *a, const char *body, const struct child_limits *l,
    const char *in, struct child_result *res)
{
	const char	*path = script(a, body);
	struct buf	 out;

	buf_init(&out, a);
	assert_int_equal(child_run(path, l, in, in != NULL ? strlen(in) : 0,
	    &out, res), 0);
	unlink(path);
	return out.len > 0 ? out.data : "";
}

static void
test_child_reads_stdin_and_writes_stdout(void **state)
{
	struct child_limits	 l = { 10, 10, 0, 1 << 20 };
	struct child_result	 res;

	assert_string_equal(run(*state, "tr a-z A-Z; echo fel >&2; exit 3",
	    &l, "hemsjukvård\n", &res), "HEMSJUKVåRD\n");
	assert_true(res.exited);
	assert_int_equal(res.status, 3);
	assert_string_equal(res.err, "fel ");
}

static void
test_child_has_only_its_pipes_and_a_minimal_environment(void **state)
{
	struct child_limits	 l = { 10, 10, 0, 1 << 20 };
	struct child_result	 res;
	FILE			*leak;
	const char		*fds, *env;

	/* A file of ours, open without close-on-exec, must not reach it. */
	assert_non_null(leak = fopen("/dev/null", "r"));
	setenv("REMISS_DB", "host=secret", 1);
	/* ls's own descriptor for the directory is the 3. */
	fds = run(*state, "exec ls /proc/self/fd", &l, NULL, &res);
	env = run(*state, "exec env", &l, NULL, &res);
	fclose(leak);
	unsetenv("REMISS_DB");
	assert_string_equal(fds, "0\n1\n2\n3\n");
	assert_null(strstr(env, "REMISS_DB"));
	assert_non_null(strstr(env, "PATH=/usr/bin:/bin\n"));
	assert_non_null(strstr(env, "LC_ALL=C.UTF-8\n"));
	assert_true(res.exited && res.status == 0);
}

static void
test_child_is_killed_at_its_wall_clock(void **state)
{
	struct child_limits	 l = { 0, 1, 0, 1 << 20 };
	struct child_result	 res;

	run(*state, "exec sleep 30", &l, NULL, &res);
	assert_true(res.timed_out);
	assert_false(res.exited);
	assert_int_equal(res.signal, SIGKILL);
	assert_string_equal(read_error_code(&res), "limits");
}

static void
test_child_is_stopped_at_its_cpu_limit(void **state)
{
	struct child_limits	 l = { 1, 30, 0, 1 << 20 };
	struct child_result	 res;

	run(*state, "while :; do :; done", &l, NULL, &res);
	assert_false(res.timed_out);
	assert_false(res.exited);
	assert_true(res.signal == SIGXCPU || res.signal == SIGKILL);
	assert_string_equal(read_error_code(&res), "limits");
}

/* child.c leaves RLIMIT_AS unset under AddressSanitizer, which reserves
 * far more address space than any limit: the test is built without it
 * only (make check in a build configured without --enable-sanitizers). */
#ifndef __SANITIZE_ADDRESS__
static void
test_child_gets_no_memory_past_its_limit(void **state)
{
	struct child_limits	 l = { 10, 30, 128u * 1024 * 1024, 1 << 20 };
	struct child_result	 res;

	run(*state, "exec python3 -c 'b = bytearray(512 * 1024 * 1024)'", &l,
	    NULL, &res);
	assert_true(res.exited);
	assert_int_not_equal(res.status, 0);
	assert_non_null(strstr(res.err, "MemoryError"));
}
#endif

/* True once process pid is gone or a zombie. */
static int
dead(pid_t pid)
{
	char	 path[64], buf[256], *p;
	FILE	*fp;
	size_t	 n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 1;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* "pid (comm) S ...": the state after the last ')'. */
	return (p = strrchr(buf, ')')) != NULL && p[1] == ' ' && p[2] == 'Z';
}

/* The pid of a child of parent whose command is comm, or 0. */
static pid_t
child_of(pid_t parent, const char *comm)
{
	char		 path[300], buf[512], *p;
	struct dirent	*e;
	DIR		*d;
	FILE		*fp;
	size_t		 n;
	long		 ppid;
	pid_t		 found = 0;

	if ((d = opendir("/proc")) == NULL)
		return 0;
	while (found == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		n = fread(buf, 1, sizeof(buf) - 1, fp);
		fclose(fp);
		buf[n] = '\0';
		/* "pid (comm) S ppid ..." */
		if ((p = strrchr(buf, ')')) == NULL ||
		    sscanf(p + 2, "%*c %ld", &ppid) != 1 || ppid != parent)
			continue;
		if (strstr(buf, comm) != NULL)
			found = (pid_t)strtol(e->d_name, NULL, 10);
	}
	closedir(d);
	return found;
}

static void
test_child_dies_with_the_worker(void **state)
{
	struct child_limits	 l = { 0, 60, 0, 1 << 20 };
	struct child_result	 res;
	struct buf		 out;
	const char		*path;
	pid_t			 worker, pid = 0;
	int			 i;

	path = script(*state, "exec sleep 60");
	if ((worker = fork()) == 0) {
		buf_init(&out, *state);
		child_run(path, &l, NULL, 0, &out, &res);
		_exit(0);
	}
	assert_true(worker > 0);
	for (i = 0; i < 500 && pid == 0; i++) {
		usleep(10000);
		pid = child_of(worker, "(sleep)");
	}
	assert_true(pid > 0);
	kill(worker, SIGKILL);
	waitpid(worker, NULL, 0);
	for (i = 0; i < 300 && !dead(pid); i++)
		usleep(10000);
	assert_true(dead(pid));
	unlink(path);
}

static void
test_child_is_killed_past_its_output_cap(void **state)
{
	struct child_limits	 l = { 10, 10, 0, 4096 };
	struct child_result	 res;
	const char		*out;

	out = run(*state, "yes hemsjukvård", &l, NULL, &res);
	assert_true(res.output_over);
	assert_true(strlen(out) <= 4096);
	assert_string_equal(read_error_code(&res), "limits");
}

static void
test_exit_statuses_map_to_error_codes(void **state)
{
	struct child_result r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.exited = 1;
	r.status = EXTRACT_OK;
	assert_null(read_error_code(&r));
	r.status = EXTRACT_CORRUPT;
	assert_string_equal(read_error_code(&r), "corrupt");
	r.status = EXTRACT_TOO_LARGE;
	assert_string_equal(read_error_code(&r), "too_large");
	r.status = EXTRACT_ENCRYPTED;
	assert_string_equal(read_error_code(&r), "encrypted");
	r.status = EXTRACT_EMPTY;
	assert_string_equal(read_error_code(&r), "empty");
	r.status = EXTRACT_UNSUPPORTED;
	assert_string_equal(read_error_code(&r), "unsupported");
	r.status = 127;		/* exec failed */
	assert_string_equal(read_error_code(&r), "internal");
	r.exited = 0;
	r.signal = SIGBUS;
	assert_string_equal(read_error_code(&r), "corrupt");
}

static void
test_targets_are_sections_then_their_questions_then_general(void **state)
{
	struct question_def	 q1 = { 1, "q1", "fritext", "Hur?" };
	struct question_def	 q9 = { 9, "q9", "fritext", "Övrigt?" };
	struct section_def	 s[2] = {
		{ 1, "1", "Syfte", "Text ett", NULL, 0 },
		{ 2, "3.3", "Tröskelprincipen", "Text två", &q1, 1 },
	};
	struct remiss_def	 def;
	struct reader_target	*t;
	size_t			 nt;

	memset(&def, 0, sizeof(def));
	def.sections = s;
	def.nsections = 2;
	def.general = &q9;
	def.ngeneral = 1;
	assert_non_null(t = proposal_targets(*state, &def, &nt));
	assert_int_equal(nt, 4);
	assert_string_equal(t[0].section_nr, "1");
	assert_null(t[0].question_id);
	assert_string_equal(t[1].heading, "Tröskelprincipen");
	assert_string_equal(t[2].section_nr, "3.3");
	assert_string_equal(t[2].question_id, "q1");
	assert_null(t[3].section_nr);
	assert_string_equal(t[3].question_text, "Övrigt?");
}

static void
test_proposal_json_narrows_spans_and_drops_bad_answers(void **state)
{
	/* "Vi avstyrker förslaget.": "ö" is bytes 14 and 15. */
	const char		*text = "Vi avstyrker förslaget.";
	struct reader_target	 t[2] = {
		{ "6", "Finansiering", NULL, NULL, NULL },
		{ "6", NULL, NULL, "q2", "Hur?" },
	};
	struct reader_answer	 an[3];
	struct reader_result	 res;
	struct buf		 b;

	memset(an, 0, sizeof(an));
	memset(&res, 0, sizeof(res));
	an[0].target = 0;
	an[0].position = POS_AVSTYRKER;
	an[0].passage = (struct reader_span){ 3, 15 };	/* ends inside "ö" */
	an[0].cue = (struct reader_span){ 3, 12 };
	an[0].comment = "Vi \"avstyrker\"\n\f\nsida 2";
	an[0].confidence = 140;
	an[1].target = 1;
	an[1].passage = (struct reader_span){ 0, 2 };
	an[1].cue = (struct reader_span){ 5, 9 };	/* outside its passage */
	an[2].target = 7;				/* no such target */
	an[2].passage = (struct reader_span){ 0, 2 };
	res.overall = POS_TILLSTYRKER_MED_ANDRINGAR;
	res.decision_body = "Kommunstyrelsen";
	res.answers = an;
	res.nanswers = 3;
	buf_init(&b, *state);
	assert_int_equal(proposal_json(&b, text, strlen(text), t, 2, &res), 0);
	assert_string_equal(b.data, "{\"position\":\"tillstyrker-med-andringar\","
	    "\"position_cue\":null,\"summary\":null,\"diarienummer\":null,"
	    "\"decision_body\":\"Kommunstyrelsen\",\"decision_date\":null,"
	    "\"answers\":[{\"section\":\"6\",\"question\":null,"
	    "\"position\":\"avstyrker\",\"passage\":\"avstyrker f\","
	    "\"cue_start\":0,\"cue_end\":9,\"comment\":\"Vi \\\"avstyrker\\\"\\n \\nsida 2\","
	    "\"confidence\":100},{\"section\":null,\"question\":\"q2\","
	    "\"position\":null,\"passage\":\"Vi\",\"cue_start\":0,\"cue_end\":0,"
	    "\"comment\":null,\"confidence\":0}]}");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_child_reads_stdin_and_writes_stdout, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_child_has_only_its_pipes_and_a_minimal_environment, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_child_is_killed_at_its_wall_clock, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_child_is_stopped_at_its_cpu_limit, fx_arena_setup, fx_arena_teardown),
#ifndef __SANITIZE_ADDRESS__
		cmocka_unit_test_setup_teardown(test_child_gets_no_memory_past_its_limit, fx_arena_setup, fx_arena_teardown),
#endif
		cmocka_unit_test_setup_teardown(test_child_dies_with_the_worker, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_child_is_killed_past_its_output_cap, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_exit_statuses_map_to_error_codes, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_targets_are_sections_then_their_questions_then_general, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_proposal_json_narrows_spans_and_drops_bad_answers, fx_arena_setup, fx_arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
