/* smtp.h: hands one composed message to the SMTP relay through libcurl (settings from the environment). */
#ifndef REMISS_SMTP_H
#define REMISS_SMTP_H

#include <stdbool.h>
#include <stddef.h>

enum smtp_tls {
	SMTP_TLS_REQUIRE,	/* STARTTLS or the connection fails */
	SMTP_TLS_TRY,		/* STARTTLS when the server offers it */
	SMTP_TLS_NO,		/* plain SMTP (a relay on this host) */
};

/*
 * The relay (docs/install.md, "E-post"):
 *   REMISS_SMTP_URL           smtp://host[:port] or smtps://host[:port]
 *                             (default smtp://localhost:25)
 *   REMISS_SMTP_STARTTLS      require | try | no; default require, but no
 *                             for 127.0.0.1, ::1 and localhost
 *   REMISS_SMTP_USER          AUTH user name, if the relay wants one
 *   REMISS_SMTP_PASSWORD_FILE its password: the file's first line (never
 *                             an argument or a variable)
 */
struct smtp_config {
	char		 url[512];
	enum smtp_tls	 tls;
	char		 user[256];	/* "" for no AUTH */
	char		 password[256];
	long		 timeout_s;	/* the whole transaction */
};

/* Reads the settings into c. Returns 0, or -1 with why in err (a bad URL or
 * STARTTLS value, a user without a readable password file, AUTH over plain
 * SMTP to another host). */
int smtp_config_load(struct smtp_config *c, char *err, size_t errsz);

/* Wipes the password. */
void smtp_config_clear(struct smtp_config *c);

enum smtp_result {
	SMTP_SENT,	/* the relay answered 250 to the message */
	SMTP_TEMPFAIL,	/* try again later: no connection, a timeout, a 4xx,
			   TLS or AUTH trouble (a setting to fix) */
	SMTP_PERMFAIL,	/* the relay refused it for good: a 5xx */
};

/* Global libcurl set-up and tear-down, once per process. 0 or -1. */
int smtp_global_init(void);
void smtp_global_cleanup(void);

/*
 * Sends the len bytes of msg (CRLF line ends; libcurl dot-stuffs) from
 * envelope sender from to the one recipient to. On anything but SMTP_SENT
 * writes one line saying why into err (the relay's last reply when there
 * is one).
 */
enum smtp_result smtp_send(const struct smtp_config *c, const char *from,
    const char *to, const char *msg, size_t len, char *err, size_t errsz);

#endif
