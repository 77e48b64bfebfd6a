/*
 * bench/hello.c: the FastCGI limit of the benchmarks. The least a libfcgi program can do:
 * pre-forked workers sharing one unix socket (as remissd's do, no accept lock), each
 * answering every request with a fixed 200 "hello". bench/run puts it behind the same nginx
 * as remissd and compares the review page with it. With "threads", one process runs WORKERS
 * threads on the socket instead (libfcgi's FCGX_Accept_r after FCGX_Init), for bench/run's
 * comparison of threads with pre-forked processes at the FastCGI layer.
 *
 * usage: hello SOCKET WORKERS [threads]   (SIGTERM stops it and its workers)
 * Built by bench/run: cc -O2 hello.c -lfcgi -pthread
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int listen_fd;

/* The accept loop of one worker, process or thread; returns when accept fails. */
static void *
loop(void *arg)
{
	static const char reply[] = "Status: 200 OK\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 6\r\n\r\nhello\n";
	FCGX_Request req;

	(void)arg;
	if (FCGX_InitRequest(&req, listen_fd, 0) != 0)
		return NULL;
	while (FCGX_Accept_r(&req) == 0) {
		FCGX_PutStr(reply, (int)sizeof(reply) - 1, req.out);
		FCGX_Finish_r(&req);
	}
	return NULL;
}

static void
serve(void)
{
	loop(NULL);
	_exit(0);
}

/* One process, n threads on the socket; never returns. */
static void
serve_threads(long n)
{
	pthread_t	t;
	long		i;

	for (i = 0; i < n; i++)
		if (pthread_create(&t, NULL, loop, NULL) != 0)
			_exit(1);
	for (;;)
		pause();
}

int
main(int argc, char *argv[])
{
	char	*end;
	long	 n, i, nkids;
	int	 st, threads;
	pid_t	*kids;

	if ((argc != 3 && argc != 4) || (n = strtol(argv[2], &end, 10)) < 1 || n > 256 ||
	    *end != '\0' || (argc == 4 && strcmp(argv[3], "threads") != 0)) {
		fprintf(stderr, "usage: hello SOCKET WORKERS [threads]\n");
		return 2;
	}
	threads = argc == 4;
	if (FCGX_Init() != 0 || (listen_fd = FCGX_OpenSocket(argv[1], 1024)) < 0) {
		fprintf(stderr, "hello: cannot listen on %s\n", argv[1]);
		return 1;
	}
	chmod(argv[1], 0666);
	nkids = threads ? 1 : n;
	if ((kids = calloc((size_t)nkids, sizeof(*kids))) == NULL)
		return 1;
	for (i = 0; i < nkids; i++) {
		if ((kids[i] = fork()) == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			if (threads)
				serve_threads(n);
			serve();
		}
	}
	{
		sigset_t set;
		int sig;

		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		sigwait(&set, &sig);
	}
	for (i = 0; i < nkids; i++)
		kill(kids[i], SIGKILL);
	while (wait(&st) > 0)
		;
	unlink(argv[1]);
	return 0;
}
