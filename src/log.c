/* log.c: one-line log records to stderr, written atomically per line. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static const char *log_name = "remiss";

void
log_set_name(const char *name)
{
	log_name = name;
}

void
log_write(const char *level, const char *func, const char *fmt, ...)
{
	char	 line[2048];
	va_list	 ap;
	int	 n, m;
	size_t	 len;

	n = snprintf(line, sizeof(line), "%s[%ld]: %s %s: ", log_name,
	    (long)getpid(), level, func);
	if (n < 0)
		return;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	len = (size_t)n + (size_t)m;
	if (len > sizeof(line) - 2)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	/* One write so concurrent workers do not interleave lines. */
	if (write(STDERR_FILENO, line, len) < 0)
		return;
}
