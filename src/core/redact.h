/* redact.h: what a public page shows of a submitted version: no contact person, and each
 * redacted passage or attachment replaced by its legal ground. Pure: no SQL, no markup. */
#ifndef REMISS_REDACT_H
#define REMISS_REDACT_H

#include <stddef.h>

struct arena;
struct response_doc;

/* One redaction of a version: a passage (attachment_ord -1) or an
 * attachment (passage NULL, attachment_ord its 0-based ord). */
struct redaction {
	const char	*passage;
	int		 attachment_ord;
	const char	*legal_ground;	/* "21 kap. 1 § OSL", free text */
};

/* The text shown instead: "[Sekretess enligt GROUND]", in a (NULL on OOM). */
const char *redact_marker(struct arena *a, const char *ground);

/* s with every non-overlapping occurrence of needle (not empty) replaced
 * by repl, left to right: s itself when needle does not occur or s is NULL,
 * else a new string in a. NULL only when out of memory. */
const char *redact_replace(struct arena *a, const char *s, const char *needle,
    const char *repl);

/* Makes doc fit for publication, in place: the contact person's name,
 * e-mail and phone are removed, and every passage redaction of r[0..n) is
 * replaced by its marker in the summary and in every text of every answer
 * (the strings doc points to are not changed; new ones come from a).
 * Attachment redactions are left to redact_attachment. Returns 0, or -1
 * when out of memory (doc then partly redacted: do not show it). */
int redact_doc(struct arena *a, struct response_doc *doc,
    const struct redaction *r, size_t n);

/* The legal ground that keeps attachment ord off the public page, or NULL
 * when r[0..n) has no redaction of it. */
const char *redact_attachment(const struct redaction *r, size_t n, int ord);

#endif
