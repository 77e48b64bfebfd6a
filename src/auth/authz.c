/* authz.c: the single authorization decision for routes and the objects handlers touch. */
#include "config.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "auth/authz.h"
#include "util/numparse.h"

static const char *const need_names[NEED__MAX] = {
	"none",		/* NEED_NONE */
	"public",	/* NEED_PUBLIC */
	"login",	/* NEED_LOGIN */
	"kommun",	/* NEED_KOMMUN */
	"review",	/* NEED_REVIEW */
	"forvaltning",	/* NEED_FORVALTNING */
	"admin",	/* NEED_ADMIN */
	"metrics",	/* NEED_METRICS */
	"session",	/* NEED_SESSION */
	"org_admin",	/* NEED_ORG_ADMIN */
};

/* A network allowed to read /metrics. IPv4 is kept as IPv4 (4 bytes). */
struct net {
	int		 family;	/* AF_INET or AF_INET6 */
	unsigned char	 addr[16];
	unsigned	 prefix;	/* bits that must match */
};

static const struct net default_nets[] = {
	{ AF_INET, { 127, 0, 0, 1 }, 32 },
	{ AF_INET6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 128 },
};

/* Set at start-up, before fork; read-only while serving. */
static struct net	metrics_nets[AUTHZ_METRICS_NETS] = {
	{ AF_INET, { 127, 0, 0, 1 }, 32 },
	{ AF_INET6, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 128 },
};
static size_t		nmetrics_nets = 2;
static bool		metrics_nets_default = true;

/* Parses an address; an IPv4-mapped IPv6 address becomes IPv4. Returns 0,
 * or -1 if s is not an address. */
static int
parse_addr(const char *s, struct net *n)
{
	static const unsigned char v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0xff, 0xff };

	memset(n, 0, sizeof(*n));
	if (inet_pton(AF_INET, s, n->addr) == 1) {
		n->family = AF_INET;
		n->prefix = 32;
		return 0;
	}
	if (inet_pton(AF_INET6, s, n->addr) == 1) {
		if (memcmp(n->addr, v4mapped, sizeof(v4mapped)) == 0) {
			memmove(n->addr, n->addr + 12, 4);
			memset(n->addr + 4, 0, 12);
			n->family = AF_INET;
			n->prefix = 32;
			return 0;
		}
		n->family = AF_INET6;
		n->prefix = 128;
		return 0;
	}
	return -1;
}

static bool
net_contains(const struct net *net, const struct net *a)
{
	unsigned	full = net->prefix / 8, rest = net->prefix % 8;
	unsigned char	mask;

	if (net->family != a->family)
		return false;
	if (memcmp(net->addr, a->addr, full) != 0)
		return false;
	if (rest == 0)
		return true;
	mask = (unsigned char)(0xff << (8 - rest));
	return (net->addr[full] & mask) == (a->addr[full] & mask);
}

int
authz_metrics_allow(const char *cidr)
{
	struct net	 n;
	char		 addr[64];
	const char	*slash;
	size_t		 len, bits;

	slash = strchr(cidr, '/');
	len = slash != NULL ? (size_t)(slash - cidr) : strlen(cidr);
	if (len == 0 || len >= sizeof(addr))
		return -1;
	memcpy(addr, cidr, len);
	addr[len] = '\0';
	if (parse_addr(addr, &n) == -1)
		return -1;
	/* A prefix length counts in the address's own family. */
	if (slash != NULL) {
		if (strchr(addr, ':') != NULL && n.family == AF_INET)
			return -1;	/* ::ffff:a.b.c.d/len: say a.b.c.d/len */
		if (parse_size(slash + 1, (size_t)-1, n.prefix, &bits) == -1)
			return -1;
		n.prefix = (unsigned)bits;
	}
	if (metrics_nets_default) {
		nmetrics_nets = 0;
		metrics_nets_default = false;
	}
	if (nmetrics_nets >= AUTHZ_METRICS_NETS)
		return -1;
	metrics_nets[nmetrics_nets++] = n;
	return 0;
}

void
authz_metrics_defaults(void)
{
	memcpy(metrics_nets, default_nets, sizeof(default_nets));
	nmetrics_nets = sizeof(default_nets) / sizeof(default_nets[0]);
	metrics_nets_default = true;
}

bool
authz_metrics_addr_ok(const char *addr)
{
	struct net	a;
	size_t		i;

	if (addr == NULL || parse_addr(addr, &a) == -1)
		return false;
	for (i = 0; i < nmetrics_nets; i++)
		if (net_contains(&metrics_nets[i], &a))
			return true;
	return false;
}

const char *
need_name(enum need n)
{
	return n < NEED__MAX ? need_names[n] : "?";
}

/* True if id's role satisfies need (ignoring objects). */
static bool
role_meets(const struct identity *id, enum role r, enum need need)
{
	if (r == ROLE_ADMIN)
		return true;
	if (need == NEED_ORG_ADMIN)
		return id != NULL && id->org_admin && id->org_id != 0 &&
		    id->user_id != 0;
	switch (need) {
	case NEED_PUBLIC:
		return true;
	case NEED_LOGIN:
		return r != ROLE_PUBLIC;
	case NEED_KOMMUN:
		return r == ROLE_KOMMUN;
	case NEED_REVIEW:
		return r == ROLE_GRANSKARE || r == ROLE_FORVALTNING;
	case NEED_FORVALTNING:
		return r == ROLE_FORVALTNING;
	case NEED_SESSION:
		return r != ROLE_PUBLIC;
	default:
		return false;
	}
}

/* authz_remiss for a caller judged as role r. */
static enum authz_decision
remiss_visible(enum role r, const struct authz_object *obj)
{
	if (obj->remiss_missing)
		return AUTHZ_HIDE;
	switch (obj->audience) {
	case AUDIENCE_PUBLISHED:
		return obj->published ? AUTHZ_ALLOW : AUTHZ_HIDE;
	case AUDIENCE_INVITED:
		return r == ROLE_KOMMUN && !obj->invited ? AUTHZ_HIDE :
		    AUTHZ_ALLOW;
	case AUDIENCE_API:
		if (r != ROLE_KOMMUN)
			return AUTHZ_ALLOW;
		if (obj->remiss_draft)
			return AUTHZ_HIDE;
		return obj->invited ? AUTHZ_ALLOW : AUTHZ_DENY;
	default:
		return AUTHZ_ALLOW;
	}
}

enum authz_decision
authz_remiss(const struct identity *id, const struct authz_object *obj)
{
	return remiss_visible(id != NULL ? id->role : ROLE_PUBLIC, obj);
}

enum authz_decision
authz_decide(const struct identity *id, enum need need,
    const struct authz_object *obj)
{
	enum role		r = id != NULL ? id->role : ROLE_PUBLIC;
	enum authz_decision	d;

	if (r >= ROLE__MAX)
		return AUTHZ_DENY;
	if (need == NEED_NONE || need >= NEED__MAX)
		return AUTHZ_DENY;
	/* Monitoring goes by where the request comes from, not who sends it;
	 * elsewhere the page does not exist. */
	if (need == NEED_METRICS)
		return id != NULL && authz_metrics_addr_ok(id->remote_addr) ?
		    AUTHZ_ALLOW : AUTHZ_HIDE;
	/* A member of the remiss's referensgrupp reviews it as a granskare
	 * does, whatever their role. */
	if (need == NEED_REVIEW && r != ROLE_ADMIN && obj != NULL &&
	    !obj->remiss_missing && identity_reviews(id, obj->remiss_id) &&
	    (r == ROLE_KOMMUN || r == ROLE_GRANSKARE))
		r = ROLE_GRANSKARE;
	/* Who lacks the need learns nothing of the object. */
	if (!role_meets(id, r, need))
		return r == ROLE_PUBLIC ? AUTHZ_LOGIN : AUTHZ_DENY;
	/* A session's own pages are no business of an API token. */
	if ((need == NEED_SESSION || need == NEED_ORG_ADMIN) &&
	    !identity_has_session(id))
		return AUTHZ_DENY;
	if (obj == NULL)
		return AUTHZ_ALLOW;
	if ((d = remiss_visible(r, obj)) != AUTHZ_ALLOW)
		return d;
	if (obj->missing)
		return AUTHZ_HIDE;
	if (r == ROLE_ADMIN)
		return AUTHZ_ALLOW;
	/* A kommun identity only ever sees its own organisation's objects. */
	if (r == ROLE_KOMMUN && obj->org_id != 0 && obj->org_id != id->org_id)
		return obj->private_to_org || obj->org_secret ? AUTHZ_HIDE :
		    AUTHZ_DENY;
	/* Drafts are private to their organisation, whatever the role. */
	if (obj->private_to_org && (r != ROLE_KOMMUN || obj->org_id != id->org_id))
		return AUTHZ_HIDE;
	return AUTHZ_ALLOW;
}
