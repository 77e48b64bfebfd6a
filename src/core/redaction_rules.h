/* redaction_rules.h: the pure rules of the redaction forms: what a request would hide in a
 * response as the public sees it, the legal ground, a withdrawal's reason. No I/O. */
#ifndef REMISS_REDACTION_RULES_H
#define REMISS_REDACTION_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/redact.h"
#include "core/result.h"

struct arena;
struct public_response;

#define REDACTION_PASSAGE_MAX	10000	/* redactions.passage, in characters */

/* A redaction to register on a version (core/redactions.h stores it). */
struct redaction_new {
	enum redaction_kind	 kind;
	const char		*field;		/* or NULL */
	const char		*passage;	/* ANCHORED, OCCURRENCES */
	const char		*prefix, *suffix;	/* ANCHORED */
	long			 start, end;	/* ANCHORED */
	long			 ord;		/* ATTACHMENT: 0-based, else -1 */
	const char		*legal_ground;
	const char		*rep_name;	/* a replacement copy, or NULL */
	const char		*rep_type;
	const unsigned char	*rep;
	size_t			 rep_len;
};

/* True if s names a provision as a legal ground: "N kap. M §" (M perhaps
 * with a letter, "2 a §"), then anything, on one line without spaces
 * around it or control characters, of at most 300 bytes. */
bool redaction_ground_ok(const char *s);

/* True if s is a withdrawal's reason: 1 to 500 bytes of one line without
 * spaces around it or control characters. */
bool redaction_reason_ok(const char *s);

/* What a redaction form asks: a passage if passage is set, else a whole
 * field if whole is set, else an attachment. */
struct redaction_ask {
	const char		*passage;	/* as selected or typed */
	const char		*field;		/* the passage's field; NULL: all */
	long long		 start;		/* where the selection starts in
						   field's shown text, or -1 */
	bool			 start_bad;	/* a start was sent that is not
						   a position */
	const char		*whole;		/* a whole field */
	long long		 attachment;	/* 1-based; 0 when not a number */
	bool			 replace;	/* replace it, rather than
						   withhold it */
	const char		*file_name;	/* the redacted copy, if sent */
	const unsigned char	*file;
	size_t			 file_len;
	bool			 has_file;
	const char		*legal_ground;	/* redaction_ground_ok */
};

/* Why a form's redaction is refused. */
enum redaction_refusal {
	REFUSE_PASSAGE_TOO_LONG,	/* over REDACTION_PASSAGE_MAX */
	REFUSE_SELECTION_TOO_LONG,	/* anchored, and then over it */
	REFUSE_NO_FIELD,		/* no such text in the response, or empty */
	REFUSE_DATE_PASSAGE,		/* the decision date only goes whole */
	REFUSE_BAD_START,		/* the selection's position is not one */
	REFUSE_ABSENT,			/* the passage does not occur */
	REFUSE_NO_ATTACHMENT,		/* no attachment with that number */
	REFUSE_ATTACHMENT_REDACTED,	/* it has a redaction in force */
	REFUSE_FILE_UNWANTED,		/* withholding, yet a file was sent */
	REFUSE_FILE_MISSING,		/* replacing, without a file */
	REFUSE_FILE_TYPE,		/* the copy is not an accepted type */
};

/*
 * Makes q against response r (as the public sees it) into *w (strings in
 * a): a passage anchored where the selection starts in its field, else
 * every occurrence (in its field or in all); a whole field; an attachment
 * withheld or replaced by the copy. CORE_OK; CORE_INVALID or (for
 * REFUSE_ATTACHMENT_REDACTED) CORE_CONFLICT with *why, and for
 * REFUSE_ABSENT the field looked in (NULL: all) in *field; CORE_ERROR when
 * out of memory.
 */
enum core_result redaction_prepare(struct arena *a,
    const struct public_response *r, const struct redaction_ask *q,
    struct redaction_new *w, enum redaction_refusal *why,
    const char **field);

#endif
