/* supervisor.h: pre-forks worker processes, replaces those that die, stops them gracefully. */
#ifndef REMISS_SUPERVISOR_H
#define REMISS_SUPERVISOR_H

/* Runs in the child after fork; must not return (the supervisor _exits if it does). */
typedef void (*worker_main_fn)(void *arg);

/*
 * Forks nworkers children running worker_main(arg) and supervises them
 * until SIGTERM or SIGINT: a child that exits or is killed is replaced (with
 * a growing delay if children keep dying at once). SIGHUP replaces every
 * child, one after the other. On stop each child gets SIGTERM (repeated each
 * second, for a child that was between checks), and those still alive after
 * grace_seconds get SIGKILL. Returns 0 after a clean stop, -1 if the signal
 * set-up failed.
 */
int supervisor_run(unsigned nworkers, unsigned grace_seconds,
    worker_main_fn worker_main, void *arg);

#endif
