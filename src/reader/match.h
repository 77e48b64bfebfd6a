/* match.h: in the text of a remissvar that came as a document, finds which passages answer
 * which section or question of the remiss, and what position each states. Pure: no I/O. */
#ifndef REMISS_READER_MATCH_H
#define REMISS_READER_MATCH_H

#include <stddef.h>

#include "core/response_doc.h"

struct arena;

/*
 * The text as the extractor (remiss-extract) gives it: UTF-8 without NUL,
 * paragraphs separated by a blank line ("\n\n"), a line break inside a
 * paragraph as "\n" (PDF lines), a page break as "\f" on a line of its own.
 * A DOCX or ODT heading paragraph is kept as its text; the matcher must not
 * rely on knowing which paragraphs are headings.
 */

/* What the text can answer: a live section of the remiss (question_id
 * NULL), or a question (to a section, section_nr set; or to the whole
 * remiss, section_nr NULL). */
struct reader_target {
	const char	*section_nr;	/* "3.3", or NULL */
	const char	*heading;	/* the section's heading, or NULL */
	const char	*body;		/* the proposal's text, or NULL */
	const char	*question_id;	/* "q2", or NULL for a section */
	const char	*question_text;	/* or NULL */
};

/* A passage of the text: byte offsets [start, end) into it. */
struct reader_span {
	size_t	start, end;
};

/* One proposed answer. */
struct reader_answer {
	size_t			 target;	/* index into the targets */
	enum position		 position;	/* POS_NONE: none stated */
	struct reader_span	 passage;	/* what answers the target */
	struct reader_span	 cue;		/* the words the position was read
						   from; {0, 0} when none */
	const char		*comment;	/* the passage as the answer's
						   comment: the target's own
						   heading line left out, lines
						   joined; in the arena */
	int			 confidence;	/* 0..100: how sure the section
						   assignment is */
};

/* What the reader proposes for the whole document. */
struct reader_result {
	enum position		 overall;	/* POS_NONE when not found */
	struct reader_span	 overall_cue;
	const char		*summary;	/* "Sammanfattning" text, or NULL */
	const char		*diarienummer;	/* the respondent's, or NULL */
	const char		*decision_body;	/* "Kommunstyrelsen", or NULL */
	const char		*decision_date;	/* YYYY-MM-DD, or NULL */
	struct reader_answer	*answers;	/* in target order, at most one
						   per target; in the arena */
	size_t			 nanswers;
};

/*
 * Reads text (len bytes) against the nt targets. Every string and array of
 * *out is allocated in a. Bounded: time and memory linear in len times a
 * small factor of nt; never reads outside text. Returns 0, or -1 on OOM.
 */
int reader_match(struct arena *a, const char *text, size_t len,
    const struct reader_target *targets, size_t nt, struct reader_result *out);

#endif
