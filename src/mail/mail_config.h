/* mail_config.h: where mail comes from and where its links point, read once from the environment. */
#ifndef REMISS_MAIL_CONFIG_H
#define REMISS_MAIL_CONFIG_H

/*
 * The settings every part that writes or sends mail shares (docs/install.md):
 *   REMISS_MAIL_FROM   the From address, "Remissvar <remiss@region.example>"
 *                      or a bare address (default "remissvar@localhost");
 *   REMISS_PUBLIC_URL  the service's address as users reach it, without a
 *                      trailing slash, for the links in mail (default
 *                      "http://localhost:8080").
 * Read on the first call; the strings live as long as the process.
 */
struct mail_config {
	const char	*from;		/* as configured */
	const char	*from_addr;	/* the bare address inside from */
	const char	*domain;	/* from_addr's domain: Message-IDs end in it */
	const char	*public_url;	/* no trailing slash */
};

const struct mail_config *mail_config(void);

/* Forgets what was read, so that the next mail_config() reads the
 * environment again (for tests). */
void mail_config_reset(void);

#endif
