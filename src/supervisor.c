/* supervisor.c: the pre-fork supervisor: spawn, reap, respawn, graceful stop. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "metrics.h"
#include "supervisor.h"

struct slot {
	pid_t		pid;		/* 0 when not running */
	struct timespec	started;
	struct timespec	next_start;	/* earliest respawn time */
	unsigned	quick_deaths;	/* consecutive deaths within 1 s of start */
};

static double
ts_sec(const struct timespec *t)
{
	return (double)t->tv_sec + (double)t->tv_nsec / 1e9;
}

static double
now_sec(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return ts_sec(&t);
}

static void
spawn(struct slot *s, unsigned idx, worker_main_fn worker_main, void *arg)
{
	sigset_t	 none;
	pid_t		 pid;

	pid = fork();
	if (pid == -1) {
		log_err("fork: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		/* Die with the supervisor, even if it is SIGKILLed. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		signal(SIGCHLD, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		worker_main(arg);
		_exit(1);
	}
	s->pid = pid;
	clock_gettime(CLOCK_MONOTONIC, &s->started);
	log_info("worker %u started as pid %ld", idx, (long)pid);
}

static void
describe_exit(unsigned idx, pid_t pid, int status)
{
	if (WIFSIGNALED(status))
		log_warn("worker %u (pid %ld) killed by signal %d", idx,
		    (long)pid, WTERMSIG(status));
	else
		log_info("worker %u (pid %ld) exited with status %d", idx,
		    (long)pid, WEXITSTATUS(status));
}

/* Reaps every dead child; returns how many are still running. */
static unsigned
reap(struct slot *slots, unsigned n, int stopping)
{
	pid_t		 pid;
	int		 status;
	unsigned	 i, alive = 0;
	double		 now, delay;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < n; i++) {
			if (slots[i].pid != pid)
				continue;
			describe_exit(i, pid, status);
			slots[i].pid = 0;
			if (!stopping)
				metrics_worker_restart(WIFSIGNALED(status) ||
				    WEXITSTATUS(status) != 0 ?
				    METRICS_RESTART_CRASHED :
				    METRICS_RESTART_EXITED);
			now = now_sec();
			if (!stopping && now - ts_sec(&slots[i].started) < 1.0)
				slots[i].quick_deaths++;
			else
				slots[i].quick_deaths = 0;
			/* Back off 0, 0.1, 0.2, 0.4 ... up to 5 s for a crash loop. */
			delay = 0;
			if (slots[i].quick_deaths > 1) {
				delay = 0.1 * (double)(1u << (slots[i].quick_deaths > 6 ?
				    6 : slots[i].quick_deaths - 1));
				if (delay > 5)
					delay = 5;
				log_warn("worker %u keeps dying; next start in %.1f s",
				    i, delay);
			}
			clock_gettime(CLOCK_MONOTONIC, &slots[i].next_start);
			slots[i].next_start.tv_sec += (time_t)delay;
			slots[i].next_start.tv_nsec += (long)((delay -
			    (double)(time_t)delay) * 1e9);
			if (slots[i].next_start.tv_nsec >= 1000000000L) {
				slots[i].next_start.tv_sec++;
				slots[i].next_start.tv_nsec -= 1000000000L;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (slots[i].pid != 0)
			alive++;
	return alive;
}

static void
signal_all(struct slot *slots, unsigned n, int sig)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (slots[i].pid != 0)
			kill(slots[i].pid, sig);
}

static void
stop_all(struct slot *slots, unsigned n, unsigned grace, const sigset_t *set)
{
	struct timespec	 tick = { 0, 100 * 1000 * 1000 };
	siginfo_t	 info;
	double		 deadline, last_term;

	log_info("stopping %u workers (grace %u s)", reap(slots, n, 1), grace);
	signal_all(slots, n, SIGTERM);
	last_term = now_sec();
	deadline = last_term + grace;
	while (reap(slots, n, 1) > 0) {
		if (now_sec() >= deadline) {
			log_warn("grace period over: killing remaining workers");
			signal_all(slots, n, SIGKILL);
			while (reap(slots, n, 1) > 0)
				sigtimedwait(set, &info, &tick);
			break;
		}
		/* A worker between its stop check and accept() needs another nudge. */
		if (now_sec() - last_term >= 1.0) {
			signal_all(slots, n, SIGTERM);
			last_term = now_sec();
		}
		sigtimedwait(set, &info, &tick);
	}
}

int
supervisor_run(unsigned nworkers, unsigned grace_seconds,
    worker_main_fn worker_main, void *arg)
{
	struct slot	*slots;
	sigset_t	 set;
	siginfo_t	 info;
	struct timespec	 tick = { 0, 100 * 1000 * 1000 }, now;
	unsigned	 i;
	int		 sig, rc = -1;

	if ((slots = calloc(nworkers, sizeof(*slots))) == NULL)
		return -1;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) == -1) {
		log_err("sigprocmask: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < nworkers; i++)
		spawn(&slots[i], i, worker_main, arg);

	for (;;) {
		sig = sigtimedwait(&set, &info, &tick);
		if (sig == SIGTERM || sig == SIGINT) {
			log_info("signal %d: shutting down", sig);
			break;
		}
		if (sig == SIGHUP) {
			log_info("SIGHUP: replacing workers");
			signal_all(slots, nworkers, SIGTERM);
		}
		reap(slots, nworkers, 0);
		clock_gettime(CLOCK_MONOTONIC, &now);
		for (i = 0; i < nworkers; i++)
			if (slots[i].pid == 0 &&
			    ts_sec(&now) >= ts_sec(&slots[i].next_start))
				spawn(&slots[i], i, worker_main, arg);
	}
	stop_all(slots, nworkers, grace_seconds, &set);
	rc = 0;
out:
	free(slots);
	return rc;
}
