/* log.h: one-line log records to stderr, with the process id and the function. */
#ifndef REMISS_LOG_H
#define REMISS_LOG_H

/* Writes "remissd[pid]: LEVEL func: message\n" to stderr in one write(2),
 * so lines from several processes never interleave. */
void log_write(const char *level, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sets the program name shown in log lines (default "remiss"). */
void log_set_name(const char *name);

#define log_info(...)	log_write("info", __func__, __VA_ARGS__)
#define log_warn(...)	log_write("warn", __func__, __VA_ARGS__)
#define log_err(...)	log_write("error", __func__, __VA_ARGS__)

#endif
