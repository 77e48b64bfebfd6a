/* smtp.c: hands one composed message to the SMTP relay through libcurl (settings from the environment). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "mail/smtp.h"

#define DEFAULT_URL	"smtp://localhost:25"
#define TIMEOUT_S	120L
#define CONNECT_S	20L

/* The host part of url ("" when it has none), lower-cased by libcurl. */
static void
url_host(const char *url, char *host, size_t size)
{
	CURLU	*u;
	char	*h = NULL;

	host[0] = '\0';
	if ((u = curl_url()) == NULL)
		return;
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK)
		snprintf(host, size, "%s", h);
	curl_free(h);
	curl_url_cleanup(u);
}

static bool
local_host(const char *host)
{
	return strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
	    strcmp(host, "::1") == 0 || strcmp(host, "localhost") == 0;
}

/* The first line of path into out (size bytes), its line end dropped. */
static int
read_password(const char *path, char *out, size_t size, char *err,
    size_t errsz)
{
	FILE	*f;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "cannot read REMISS_SMTP_PASSWORD_FILE %s",
		    path);
		return -1;
	}
	if (fgets(out, (int)size, f) == NULL)
		out[0] = '\0';
	fclose(f);
	n = strcspn(out, "\r\n");
	out[n] = '\0';
	if (n == 0) {
		snprintf(err, errsz, "REMISS_SMTP_PASSWORD_FILE %s is empty",
		    path);
		return -1;
	}
	return 0;
}

int
smtp_config_load(struct smtp_config *c, char *err, size_t errsz)
{
	const char	*url = getenv("REMISS_SMTP_URL");
	const char	*tls = getenv("REMISS_SMTP_STARTTLS");
	const char	*user = getenv("REMISS_SMTP_USER");
	const char	*pwfile = getenv("REMISS_SMTP_PASSWORD_FILE");
	char		 host[256];
	bool		 smtps;

	memset(c, 0, sizeof(*c));
	c->timeout_s = TIMEOUT_S;
	if (url == NULL || url[0] == '\0')
		url = DEFAULT_URL;
	smtps = strncmp(url, "smtps://", 8) == 0;
	if ((!smtps && strncmp(url, "smtp://", 7) != 0) ||
	    strlen(url) >= sizeof(c->url) || strpbrk(url, " \t\r\n") != NULL) {
		snprintf(err, errsz, "REMISS_SMTP_URL must be smtp://HOST[:PORT] "
		    "or smtps://HOST[:PORT]");
		return -1;
	}
	url_host(url, host, sizeof(host));
	if (host[0] == '\0') {
		snprintf(err, errsz, "REMISS_SMTP_URL has no host: %s", url);
		return -1;
	}
	snprintf(c->url, sizeof(c->url), "%s", url);
	if (tls == NULL || tls[0] == '\0')
		c->tls = local_host(host) ? SMTP_TLS_NO : SMTP_TLS_REQUIRE;
	else if (strcmp(tls, "require") == 0)
		c->tls = SMTP_TLS_REQUIRE;
	else if (strcmp(tls, "try") == 0)
		c->tls = SMTP_TLS_TRY;
	else if (strcmp(tls, "no") == 0)
		c->tls = SMTP_TLS_NO;
	else {
		snprintf(err, errsz, "REMISS_SMTP_STARTTLS must be require, try "
		    "or no");
		return -1;
	}
	if (user != NULL && user[0] != '\0') {
		if (strlen(user) >= sizeof(c->user)) {
			snprintf(err, errsz, "REMISS_SMTP_USER is too long");
			return -1;
		}
		snprintf(c->user, sizeof(c->user), "%s", user);
		if (pwfile == NULL || pwfile[0] == '\0') {
			snprintf(err, errsz, "REMISS_SMTP_USER needs "
			    "REMISS_SMTP_PASSWORD_FILE");
			return -1;
		}
		if (read_password(pwfile, c->password, sizeof(c->password),
		    err, errsz) == -1)
			return -1;
		/* A password never crosses the network in the clear. */
		if (!smtps && c->tls != SMTP_TLS_REQUIRE && !local_host(host)) {
			smtp_config_clear(c);
			snprintf(err, errsz, "AUTH to %s needs TLS: smtps:// or "
			    "REMISS_SMTP_STARTTLS=require", host);
			return -1;
		}
	}
	return 0;
}

void
smtp_config_clear(struct smtp_config *c)
{
	sodium_memzero(c->password, sizeof(c->password));
}

int
smtp_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
smtp_global_cleanup(void)
{
	curl_global_cleanup();
}

/* The message as libcurl reads it. */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload	*u = arg;
	size_t		 n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/* The relay's last reply line, kept for last_error. */
struct reply {
	char	 line[300];
};

static int
debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *arg)
{
	struct reply	*r = arg;
	size_t		 n, i;

	(void)h;
	if (type != CURLINFO_HEADER_IN || size == 0)
		return 0;
	n = size < sizeof(r->line) - 1 ? size : sizeof(r->line) - 1;
	for (i = 0; i < n; i++)
		r->line[i] = data[i] == '\r' || data[i] == '\n' ||
		    (unsigned char)data[i] < 0x20 ? ' ' : data[i];
	while (n > 0 && r->line[n - 1] == ' ')
		n--;
	r->line[n] = '\0';
	return 0;
}

enum smtp_result
smtp_send(const struct smtp_config *c, const char *from, const char *to,
    const char *msg, size_t len, char *err, size_t errsz)
{
	CURL			*h;
	struct curl_slist	*rcpt = NULL;
	struct upload		 up = { msg, len };
	struct reply		 rep = { "" };
	char			 errbuf[CURL_ERROR_SIZE] = "", env_from[300];
	char			 env_to[300];
	long			 code = 0;
	CURLcode		 res;
	enum smtp_result	 out = SMTP_TEMPFAIL;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, errsz, "libcurl: cannot make a handle");
		return SMTP_TEMPFAIL;
	}
	snprintf(env_from, sizeof(env_from), "<%s>", from);
	snprintf(env_to, sizeof(env_to), "<%s>", to);
	if ((rcpt = curl_slist_append(NULL, env_to)) == NULL) {
		snprintf(err, errsz, "out of memory");
		goto out;
	}
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, CONNECT_S);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout_s);
	curl_easy_setopt(h, CURLOPT_USE_SSL, c->tls == SMTP_TLS_REQUIRE ?
	    (long)CURLUSESSL_ALL : c->tls == SMTP_TLS_TRY ?
	    (long)CURLUSESSL_TRY : (long)CURLUSESSL_NONE);
	if (c->user[0] != '\0') {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->password);
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, env_from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, &rep);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	res = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	if (res == CURLE_OK) {
		out = SMTP_SENT;
		goto out;
	}
	/* A 5xx refuses this message for good, unless it is about the
	 * session (AUTH, TLS): that is a setting to fix, not the message. */
	if (code >= 500 && code < 600 && res != CURLE_LOGIN_DENIED &&
	    res != CURLE_USE_SSL_FAILED && res != CURLE_SSL_CONNECT_ERROR)
		out = SMTP_PERMFAIL;
	snprintf(err, errsz, "%s%s%s", rep.line[0] != '\0' ? rep.line : "",
	    rep.line[0] != '\0' ? " -- " : "",
	    errbuf[0] != '\0' ? errbuf : curl_easy_strerror(res));
out:
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	return out;
}
