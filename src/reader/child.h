/* child.h: runs the extractor as a child process with bounded CPU, memory, time, output and no inherited files. */
#ifndef REMISS_READER_CHILD_H
#define REMISS_READER_CHILD_H

#include <stddef.h>

struct buf;

/* What the child may use. 0 in a field: no limit of that kind (mem_bytes
 * is also not set in a build with AddressSanitizer, which reserves far
 * more address space than it uses). */
struct child_limits {
	unsigned	 cpu_s;		/* RLIMIT_CPU: SIGXCPU, then SIGKILL */
	unsigned	 wall_s;	/* killed (SIGKILL) after this long */
	size_t		 mem_bytes;	/* RLIMIT_AS */
	size_t		 max_out;	/* killed when stdout passes this */
};

/* How the child ended. */
struct child_result {
	int		 exited;	/* it exited, with status */
	int		 status;	/* its exit status */
	int		 signal;	/* else the signal that ended it */
	int		 timed_out;	/* we killed it at wall_s */
	int		 output_over;	/* we killed it at max_out */
	char		 err[512];	/* the start of its stderr, one line */
};

/*
 * Runs the program at path (no arguments) with in[0..inlen) on its stdin,
 * its stdout appended to out, the start of its stderr in res->err. The
 * child gets only those three pipes as files, no_new_privs, SIGKILL when
 * the calling process dies, an empty signal mask with default dispositions, a minimal environment (PATH, LC_ALL, and the
 * sanitizers' options when set), RLIMIT_CPU, RLIMIT_AS, RLIMIT_FSIZE 0,
 * RLIMIT_NOFILE 32 and RLIMIT_CORE 0. Returns 0 when it ran (res says
 * how it ended; the child has been reaped), or -1 when it could not be
 * started or out could not grow (logged).
 */
int child_run(const char *path, const struct child_limits *l,
    const void *in, size_t inlen, struct buf *out, struct child_result *res);

#endif
