/*
 * bench/hello.c: the FastCGI limit of the benchmarks. The least a libfcgi program can do:
 * pre-forked workers sharing one unix socket (as remissd's do, no accept lock), each
 * answering every request with a fixed 200 "hello". bench/run puts it behind the same nginx
 * as remissd and compares the review page with it.
 *
 * usage: hello SOCKET WORKERS   (SIGTERM stops it and its workers)
 * Built by bench/run: cc -O2 hello.c -lfcgi
 */
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void
serve(int fd)
{
	static const char reply[] = "Status: 200 OK\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 6\r\n\r\nhello\n";
	FCGX_Request req;

	if (FCGX_InitRequest(&req, fd, 0) != 0)
		_exit(1);
	while (FCGX_Accept_r(&req) == 0) {
		FCGX_PutStr(reply, (int)sizeof(reply) - 1, req.out);
		FCGX_Finish_r(&req);
	}
	_exit(0);
}

int
main(int argc, char *argv[])
{
	char	*end;
	long	 n, i;
	int	 fd, st;
	pid_t	*kids;

	if (argc != 3 || (n = strtol(argv[2], &end, 10)) < 1 || n > 256 || *end != '\0') {
		fprintf(stderr, "usage: hello SOCKET WORKERS\n");
		return 2;
	}
	if (FCGX_Init() != 0 || (fd = FCGX_OpenSocket(argv[1], 1024)) < 0) {
		fprintf(stderr, "hello: cannot listen on %s\n", argv[1]);
		return 1;
	}
	chmod(argv[1], 0666);
	if ((kids = calloc((size_t)n, sizeof(*kids))) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		if ((kids[i] = fork()) == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			serve(fd);
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
	for (i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	while (wait(&st) > 0)
		;
	unlink(argv[1]);
	return 0;
}
