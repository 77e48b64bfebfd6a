/* child.c: fork, limits, exec of remiss-extract; the parent feeds stdin and drains stdout/stderr with poll under a deadline. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "reader/child.h"
#include "util/buf.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

extern char **environ;

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
limit(int resource, rlim_t v)
{
	struct rlimit rl = { v, v };

	(void)setrlimit(resource, &rl);
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child_exec(const char *path, const struct child_limits *l, int in, int out,
    int err, char *const *envp, int maxfd, pid_t parent)
{
	struct sigaction	 sa;
	sigset_t		 none;
	char			*argv[2];
	int			 fd, sig;

	if (dup2(in, 0) == -1 || dup2(out, 1) == -1 || dup2(err, 2) == -1)
		_exit(127);
	/* No other file of ours reaches it. */
	for (fd = 3; fd < maxfd; fd++)
		(void)close(fd);
	/* Nothing it executes gains privileges (set-user-ID, capabilities). */
	(void)prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	/* It dies with the worker, whose wall clock it would outlive; a
	 * worker gone before this line is seen by its parent's change. */
	(void)prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
	if (getppid() != parent)
		_exit(127);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	for (sig = 1; sig < NSIG; sig++)
		(void)sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
	if (l->cpu_s > 0) {
		struct rlimit rl = { l->cpu_s, l->cpu_s + 1 };

		(void)setrlimit(RLIMIT_CPU, &rl);
	}
#ifndef UNDER_ASAN
	if (l->mem_bytes > 0)
		limit(RLIMIT_AS, (rlim_t)l->mem_bytes);
#endif
	limit(RLIMIT_FSIZE, 0);
	limit(RLIMIT_NOFILE, 32);
	limit(RLIMIT_CORE, 0);
	argv[0] = (char *)(uintptr_t)path;
	argv[1] = NULL;
	execve(path, argv, envp);
	_exit(127);
}

/* The child's environment: nothing of ours but what it needs. */
static char **
child_env(char *store[8])
{
	static const char *const pass[] = { "ASAN_OPTIONS", "UBSAN_OPTIONS",
	    "LSAN_OPTIONS" };
	size_t	 i, n = 0;
	char	*v;

	store[n++] = (char *)(uintptr_t)"PATH=/usr/bin:/bin";
	store[n++] = (char *)(uintptr_t)"LC_ALL=C.UTF-8";
	for (i = 0; i < sizeof(pass) / sizeof(pass[0]); i++) {
		/* environ holds "NAME=value": pass the whole entry. */
		char **e;
		size_t k = strlen(pass[i]);

		if ((v = getenv(pass[i])) == NULL)
			continue;
		for (e = environ; *e != NULL; e++)
			if (strncmp(*e, pass[i], k) == 0 && (*e)[k] == '=') {
				store[n++] = *e;
				break;
			}
	}
	store[n] = NULL;
	return store;
}

int
child_run(const char *path, const struct child_limits *l, const void *in,
    size_t inlen, struct buf *out, struct child_result *res)
{
	struct pollfd	 pfd[3];
	char		 chunk[65536], *envs[8];
	char		**envp;
	const char	*ip = in;
	size_t		 sent = 0, errlen = 0;
	long long	 deadline;
	ssize_t		 n;
	pid_t		 pid, w, self;
	int		 pin[2] = { -1, -1 }, pout[2] = { -1, -1 };
	int		 perr[2] = { -1, -1 }, wstatus = 0, killed = 0;
	int		 fin, fout, ferr, timeout, i, maxfd, rc = -1;

	memset(res, 0, sizeof(*res));
	envp = child_env(envs);
	/* Every descriptor the process may have, decided before the fork. */
	if ((maxfd = (int)sysconf(_SC_OPEN_MAX)) < 1024 || maxfd > 1 << 20)
		maxfd = maxfd > 1 << 20 ? 1 << 20 : 1024;
	if (pipe2(pin, O_CLOEXEC) == -1 || pipe2(pout, O_CLOEXEC) == -1 ||
	    pipe2(perr, O_CLOEXEC) == -1) {
		log_err("pipe: %s", strerror(errno));
		goto out;
	}
	self = getpid();
	if ((pid = fork()) == -1) {
		log_err("fork: %s", strerror(errno));
		goto out;
	}
	if (pid == 0)
		child_exec(path, l, pin[0], pout[1], perr[1], envp, maxfd, self);
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	pin[0] = pout[1] = perr[1] = -1;
	fin = pin[1];
	fout = pout[0];
	ferr = perr[0];
	fcntl(fin, F_SETFL, O_NONBLOCK);
	fcntl(fout, F_SETFL, O_NONBLOCK);
	fcntl(ferr, F_SETFL, O_NONBLOCK);
	if (inlen == 0) {
		close(fin);
		fin = pin[1] = -1;
	}
	deadline = now_ms() + (l->wall_s > 0 ? (long long)l->wall_s * 1000 :
	    24LL * 3600 * 1000);
	while ((fout >= 0 || ferr >= 0) && !killed) {
		pfd[0].fd = fin;
		pfd[0].events = POLLOUT;
		pfd[1].fd = fout;
		pfd[1].events = POLLIN;
		pfd[2].fd = ferr;
		pfd[2].events = POLLIN;
		timeout = (int)(deadline - now_ms());
		if (timeout <= 0) {
			res->timed_out = 1;
			break;
		}
		if (poll(pfd, 3, timeout) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fin >= 0 && (pfd[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
			n = write(fin, ip + sent, inlen - sent > sizeof(chunk) ?
			    sizeof(chunk) : inlen - sent);
			if (n > 0)
				sent += (size_t)n;
			if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
			    sent == inlen) {
				/* Done, or it stopped reading (EPIPE). */
				close(fin);
				fin = pin[1] = -1;
			}
		}
		if (fout >= 0 && (pfd[1].revents & (POLLIN | POLLERR | POLLHUP))) {
			n = read(fout, chunk, sizeof(chunk));
			if (n > 0) {
				if (l->max_out > 0 &&
				    out->len + (size_t)n > l->max_out) {
					res->output_over = 1;
					break;
				}
				if (buf_append(out, chunk, (size_t)n) != 0) {
					kill(pid, SIGKILL);
					waitpid(pid, NULL, 0);
					log_err("out of memory reading %s", path);
					goto out;
				}
			} else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
				close(fout);
				fout = pout[0] = -1;
			}
		}
		if (ferr >= 0 && (pfd[2].revents & (POLLIN | POLLERR | POLLHUP))) {
			n = read(ferr, chunk, sizeof(chunk));
			if (n > 0) {
				for (i = 0; i < n && errlen + 1 < sizeof(res->err);
				    i++)
					res->err[errlen++] = chunk[i] == '\n' ||
					    (unsigned char)chunk[i] < 0x20 ?
					    ' ' : chunk[i];
				res->err[errlen] = '\0';
			} else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
				close(ferr);
				ferr = perr[0] = -1;
			}
		}
	}
	if (res->timed_out || res->output_over) {
		kill(pid, SIGKILL);
		killed = 1;
	}
	/* Its pipes are closed: it ends now, or at the deadline. */
	for (;;) {
		if ((w = waitpid(pid, &wstatus, killed ? 0 : WNOHANG)) == pid)
			break;
		if (w == -1 && errno != EINTR) {
			log_err("waitpid: %s", strerror(errno));
			goto out;
		}
		if (w == 0 && now_ms() >= deadline) {
			res->timed_out = 1;
			kill(pid, SIGKILL);
			killed = 1;
		} else if (w == 0) {
			struct timespec ts = { 0, 10 * 1000 * 1000 };

			nanosleep(&ts, NULL);
		}
	}
	if (WIFEXITED(wstatus)) {
		res->exited = 1;
		res->status = WEXITSTATUS(wstatus);
	} else if (WIFSIGNALED(wstatus))
		res->signal = WTERMSIG(wstatus);
	rc = 0;
out:
	for (i = 0; i < 2; i++) {
		if (pin[i] >= 0)
			close(pin[i]);
		if (pout[i] >= 0)
			close(pout[i]);
		if (perr[i] >= 0)
			close(perr[i]);
	}
	return rc;
}
