/* redact.c: a submitted version as the public page shows it: contact data out, redacted
 * passages replaced by "[Sekretess enligt …]". Pure: no SQL, no markup. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/redact.h"
#include "core/response_doc.h"
#include "util/arena.h"

const char *
redact_marker(struct arena *a, const char *ground)
{
	return arena_printf(a, "[Sekretess enligt %s]",
	    ground != NULL ? ground : "");
}

const char *
redact_replace(struct arena *a, const char *s, const char *needle,
    const char *repl)
{
	const char	*p, *hit;
	char		*out, *o;
	size_t		 nlen, rlen, count = 0, len;

	if (s == NULL || needle == NULL || needle[0] == '\0' || repl == NULL)
		return s;
	nlen = strlen(needle);
	rlen = strlen(repl);
	for (p = s; (hit = strstr(p, needle)) != NULL; p = hit + nlen)
		count++;
	if (count == 0)
		return s;
	len = strlen(s);
	/* len - count * nlen + count * rlen, checked against overflow. */
	if (rlen > nlen && count > (SIZE_MAX - len - 1) / (rlen - nlen))
		return NULL;
	len = len - count * nlen + count * rlen;
	if ((out = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	o = out;
	for (p = s; (hit = strstr(p, needle)) != NULL; p = hit + nlen) {
		memcpy(o, p, (size_t)(hit - p));
		o += hit - p;
		memcpy(o, repl, rlen);
		o += rlen;
	}
	memcpy(o, p, strlen(p) + 1);
	return out;
}

/* Replaces needle in *s; -1 when out of memory. */
static int
apply(struct arena *a, const char **s, const char *needle, const char *repl)
{
	const char *t;

	if (*s == NULL)
		return 0;
	if ((t = redact_replace(a, *s, needle, repl)) == NULL)
		return -1;
	*s = t;
	return 0;
}

int
redact_doc(struct arena *a, struct response_doc *doc,
    const struct redaction *r, size_t n)
{
	struct answer	*ans;
	const char	*marker;
	size_t		 i, j;

	doc->contact_name = NULL;
	doc->contact_email = NULL;
	doc->contact_phone = NULL;
	for (i = 0; i < n; i++) {
		if (r[i].passage == NULL || r[i].passage[0] == '\0')
			continue;
		if ((marker = redact_marker(a, r[i].legal_ground)) == NULL ||
		    apply(a, &doc->summary, r[i].passage, marker) == -1)
			return -1;
		for (j = 0; j < doc->nanswers; j++) {
			ans = &doc->answers[j];
			if (apply(a, &ans->comment, r[i].passage, marker) == -1 ||
			    apply(a, &ans->proposed_wording, r[i].passage,
			    marker) == -1 ||
			    apply(a, &ans->consequence_region, r[i].passage,
			    marker) == -1 ||
			    apply(a, &ans->consequence_kommun, r[i].passage,
			    marker) == -1 ||
			    apply(a, &ans->short_term, r[i].passage, marker) == -1 ||
			    apply(a, &ans->long_term, r[i].passage, marker) == -1)
				return -1;
		}
	}
	return 0;
}

const char *
redact_attachment(const struct redaction *r, size_t n, int ord)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r[i].passage == NULL && r[i].attachment_ord == ord)
			return r[i].legal_ground;
	return NULL;
}
