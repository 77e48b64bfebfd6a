/* answer_name.c: an answer document's ASCII download name from the remiss and the organisation. */
#include "config.h"

#include <string.h>

#include "export/answer_name.h"
#include "util/arena.h"

#define ORG_SLUG_MAX	60

/* The ASCII letter a Latin letter of two UTF-8 bytes (C3 xx) stands for in
 * a name, or 0. */
static char
latin1_base(unsigned char b)
{
	static const char map[65] =
	    /* C3 80-BF: À..ÿ (upper case already folded by | 0x20 below) */
	    "aaaaaaaceeeeiiii" "dnooooo_ouuuuy__"
	    "aaaaaaaceeeeiiii" "dnooooo_ouuuuy_y";

	if (b < 0x80 || b > 0xBF)
		return 0;
	return map[b - 0x80] == '_' ? 0 : map[b - 0x80];
}

const char *
answer_org_slug(struct arena *a, const char *org)
{
	char			 out[ORG_SLUG_MAX + 1];
	const unsigned char	*p = (const unsigned char *)org;
	size_t			 n = 0;
	int			 dash = 0;
	char			 c;

	while (p != NULL && *p != '\0' && n < ORG_SLUG_MAX) {
		c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if (*p == 0xC3 && p[1] != '\0') {
			c = latin1_base(p[1]);
			p++;
			if (c == 0) {	/* ×, ÷, ß...: dropped */
				p++;
				continue;
			}
		} else if (*p >= 0x80) {
			/* Another letter or mark: skip the whole sequence. */
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
			continue;
		}
		p++;
		if (c == 0) {
			dash = n > 0;
			continue;
		}
		if (dash && n + 1 < ORG_SLUG_MAX)
			out[n++] = '-';
		dash = 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return arena_strdup(a, n > 0 ? out : "organisation");
}

const char *
answer_doc_filename(struct arena *a, const char *slug, const char *org,
    int n, const char *ext)
{
	const char *o = answer_org_slug(a, org);

	if (o == NULL)
		return NULL;
	if (n <= 0)
		return arena_printf(a, "%s-remissvar-%s-utkast.%s", slug, o, ext);
	return arena_printf(a, "%s-remissvar-%s-v%d.%s", slug, o, n, ext);
}
