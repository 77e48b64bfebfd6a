/* mail_config.c: where mail comes from and where its links point, read once from the environment. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mail/mail_config.h"

#define DEFAULT_FROM		"remissvar@localhost"
#define DEFAULT_PUBLIC_URL	"http://localhost:8080"

static struct mail_config	cfg;
static int			loaded;
static char			from_addr[256];
static char			public_url[512];

/* The address inside "Name <addr>", or s itself; a malformed value gives
 * the default's address. */
static void
read_from(const char *s)
{
	const char	*lt = strrchr(s, '<'), *gt;
	size_t		 len;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL) {
		lt++;
		len = (size_t)(gt - lt);
	} else {
		lt = s;
		len = strlen(s);
	}
	if (len == 0 || len >= sizeof(from_addr) ||
	    memchr(lt, '@', len) == NULL) {
		cfg.from = DEFAULT_FROM;
		lt = DEFAULT_FROM;
		len = strlen(DEFAULT_FROM);
	}
	memcpy(from_addr, lt, len);
	from_addr[len] = '\0';
	cfg.from_addr = from_addr;
	cfg.domain = strchr(from_addr, '@') + 1;
}

const struct mail_config *
mail_config(void)
{
	const char	*s;
	size_t		 len;

	if (loaded)
		return &cfg;
	s = getenv("REMISS_MAIL_FROM");
	cfg.from = s != NULL && s[0] != '\0' && strpbrk(s, "\r\n") == NULL ?
	    s : DEFAULT_FROM;
	read_from(cfg.from);
	s = getenv("REMISS_PUBLIC_URL");
	if (s == NULL || s[0] == '\0' || strpbrk(s, "\r\n \t") != NULL ||
	    (len = strlen(s)) >= sizeof(public_url))
		s = DEFAULT_PUBLIC_URL;
	len = strlen(s);
	while (len > 0 && s[len - 1] == '/')
		len--;
	memcpy(public_url, s, len);
	public_url[len] = '\0';
	cfg.public_url = public_url;
	loaded = 1;
	return &cfg;
}

void
mail_config_reset(void)
{
	memset(&cfg, 0, sizeof(cfg));
	loaded = 0;
}
