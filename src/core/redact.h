/* redact.h: a submitted version as the public page shows it: no contact person, every text
 * with its redactions applied as spans (never a string replace), and each attachment shown,
 * withheld or replaced by a redacted copy. Pure: no SQL, no markup. */
#ifndef REMISS_REDACT_H
#define REMISS_REDACT_H

#include <stddef.h>

#include "core/response_doc.h"

struct arena;
struct anchor;

/* Characters of context an anchor keeps on each side (redactions.prefix). */
#define REDACT_CONTEXT	32

enum redaction_kind {
	REDACT_ANCHORED,	/* one occurrence of passage in field, at its anchor */
	REDACT_OCCURRENCES,	/* every occurrence of passage in field, or in
				   every text of the version when field is NULL */
	REDACT_FIELD,		/* the whole of field */
	REDACT_ATTACHMENT,	/* attachment attachment_ord: withheld, or
				   replaced when replacement_name is set */
};

/* One redaction in force of a version (a row of redactions). */
struct redaction {
	long long		 id;
	enum redaction_kind	 kind;
	const char		*field;		/* a field name (below) or NULL */
	const char		*passage;	/* ANCHORED: the quote; OCCURRENCES */
	const char		*prefix;	/* ANCHORED: context */
	const char		*suffix;
	long			 start, end;	/* ANCHORED: characters */
	int			 attachment_ord;	/* ATTACHMENT: 0-based */
	const char		*legal_ground;	/* "21 kap. 1 § OSL" */
	const char		*replacement_name;	/* ATTACHMENT: NULL when withheld */
	const char		*replacement_type;
	long long		 replacement_size;
};

/*
 * Field names, one for every text the public page shows of a version:
 * "sammanfattning", "beslutande_instans", "beslutsdatum", "diarienummer",
 * "avsnitt-ID-F" and "fraga-ID-F" for text F (kommentar, forslag,
 * konsekvens_region, konsekvens_kommun, kortsiktigt, langsiktigt) of the
 * answer to section or question ID, and "bilaga-N-namn" for the file name of
 * attachment N (1-based).
 */

/* A piece of a shown text: src[src_start, src_end) kept as it is, or
 * (marker) replaced by a marker. Offsets in bytes. */
struct redact_seg {
	size_t	src_start, src_end;
	size_t	out_start, out_end;
	int	marker;
};

/* One text of a version, stored and shown. */
struct redacted_text {
	const char		*key;		/* field name */
	const char		*src;		/* as stored */
	const char		*out;		/* as shown */
	struct redact_seg	*segs;		/* out, piece by piece, in order */
	size_t			 nsegs;
	int			 redacted;	/* some span applies */
};

enum attachment_state {
	ATT_SHOWN,		/* the stored file, under its (redacted) name */
	ATT_WITHHELD,		/* not shown, not served */
	ATT_REPLACED,		/* a redacted copy is shown and served instead */
};

struct redacted_attachment {
	enum attachment_state	 state;
	const char		*name;		/* SHOWN: the file name as shown;
						   REPLACED: the copy's; else NULL */
	int			 name_redacted;	/* SHOWN: part of its name is hidden */
	const char		*media_type;	/* SHOWN, REPLACED */
	long long		 size;
	const char		*ground;	/* WITHHELD, REPLACED */
	long long		 redaction_id;	/* REPLACED: the row holding the copy */
	const unsigned char	*data;		/* SHOWN: the stored bytes */
	size_t			 len;
};

/*
 * A version as the public sees it. doc holds the shown texts (the contact
 * person's name, e-mail and phone and the organisation number NULL, no
 * attachments: those are in atts, without their stored names); texts has
 * every non-empty text with its segments, in page order.
 */
struct redacted_version {
	struct response_doc		 doc;
	struct redacted_text		*texts;
	size_t				 ntexts;
	struct redacted_attachment	*atts;
	size_t				 natts;
};

/* The text shown instead: "[Sekretess enligt GROUND]", in a (NULL on OOM). */
const char *redact_marker(struct arena *a, const char *ground);

/* The field name of text F of answer ans ("avsnitt-12-kommentar"), in a;
 * NULL on OOM or when ans has no database id. */
const char *redact_answer_key(struct arena *a, const struct answer *ans,
    const char *f);

/* Reads a field name back: 1 when key is "bilaga-N-namn" (N >= 1, decimal),
 * with *n = N; else 0 (*n unchanged). */
int redact_key_attachment(const char *key, size_t *n);

/* Reads a field name back: 1 when key is "avsnitt-ID-F" or "fraga-ID-F"
 * (ID a database id), with *question (1 for "fraga"), *id and *field (F,
 * pointing into key) set; else 0 (outputs unchanged). */
int redact_key_answer(const char *key, int *question, long long *id,
    const char **field);

/* s as a passage to look for: CR LF and lone CR made LF, outer blanks
 * (space, tab, CR, LF) removed. In a; NULL on OOM; "" when only blanks. */
char *redact_needle(struct arena *a, const char *s);

/*
 * Finds needle (from redact_needle, not "") in text at or after byte from
 * (at most strlen(text)),
 * comparing runs of blanks (space, tab, CR, LF) as equal to each other
 * whatever they hold, so a passage typed with CR LF or another line break
 * still matches; the match starts at a whole character. Returns 1 with
 * *start and *end (bytes of text), or 0 when there is none.
 */
int redact_find(const char *text, size_t from, const char *needle,
    size_t *start, size_t *end);

/* How many non-overlapping matches of needle text has (left to right). */
size_t redact_count(const char *text, const char *needle);

/*
 * Builds *out, the public form of doc with the redactions r[0..n) (those in
 * force; of any kind; of this version). Spans found in one text are merged
 * where they overlap, touch or are apart only by blanks, and each merged
 * span becomes one marker naming every legal ground it covers. A date field
 * with any span is hidden whole. An attachment with a withholding
 * redaction is withheld, else with a replacing one (the newest) replaced.
 * Strings come from a; doc is not changed and must outlive out.
 * Returns 0; -1 when out of memory; 1 when the anchor of an anchored
 * redaction is not in its text any more (its id in *unapplied): out is
 * then unusable and nothing may be shown.
 */
int redact_version(struct arena *a, const struct response_doc *doc,
    const struct redaction *r, size_t n, struct redacted_version *out,
    long long *unapplied);

/* The text of v named key, or NULL when v has none (or it is empty). */
const struct redacted_text *redacted_text_get(const struct redacted_version *v,
    const char *key);

/* The byte of t->src that byte off of t->out shows; inside a marker, the
 * start of its span (end 0) or its end (end 1). */
size_t redact_src_offset(const struct redacted_text *t, size_t off, int end);

/*
 * The anchor (quote, context, character offsets in t->src) of the passage
 * quote as the public sees it in t: found in t->out (blanks-insensitive, the
 * occurrence nearest character hint, or the first when hint < 0) and mapped
 * back to the stored text, so a passage that runs into a marker takes in the
 * span behind it; else found in t->src itself. Strings in a. Returns 0, 1
 * when quote is blank or in neither, -1 on OOM.
 */
int redact_anchor(struct arena *a, const struct redacted_text *t,
    const char *quote, long hint, struct anchor *out);

#endif
