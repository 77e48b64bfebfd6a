/* summaries.h: a section's or a theme's summary: its versions, the answers it may rest on and rests on, and saving a new version. */
#ifndef REMISS_SUMMARIES_H
#define REMISS_SUMMARIES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* What a summary is of: a live section of the remiss or one of its themes
 * (exactly one of section_id and theme_id is set). */
struct summary_subject {
	long long	 remiss_id;
	const char	*slug;		/* the remiss's, for the audit row */
	long long	 section_id;	/* 0 for a theme */
	const char	*section_nr;	/* the section's nr, NULL for a theme */
	long long	 theme_id;	/* 0 for a section */
};

/* One version of a summary. */
struct summary_version {
	long long	 id;
	long long	 version;	/* 1, 2, ... */
	const char	*body;
	bool		 generated;	/* saved unchanged from the generated draft */
	const char	*author;	/* name, else e-mail */
	const char	*created;	/* ISO 8601, Europe/Stockholm */
};

/* An answer a version rests on. */
struct summary_ref {
	long long	 response_id;
	long long	 org_id;
	const char	*org_name;
	const char	*section_nr;	/* "" for a whole response */
};

/* A summary's current version and what it rests on. */
struct summary {
	bool			 exists;	/* false: no version yet */
	struct summary_version	 cur;
	struct summary_ref	*refs;
	size_t			 nrefs;
};

/* An answer the summary may rest on: a response's answer to the section,
 * or (for a theme) an answer tagged with it. */
struct summary_cand {
	long long	 response_id;
	long long	 org_id;
	const char	*org_name;
	long long	 section_id;	/* for a theme: the tagged answer's
					   section, 0 for a whole response */
	const char	*section_nr;	/* "" likewise */
	const char	*position;	/* a position's code, or "" */
	const char	*text;		/* its comment, or "" */
};

/* The name of theme_id if it is a theme of remiss_id into *name.
 * CORE_OK, CORE_NOT_FOUND, or a database failure. */
enum core_result summary_theme_name(struct db *db, struct arena *a,
    long long remiss_id, long long theme_id, const char **name);

/* The current version of s's summary and its references into *out
 * (out->exists false when there is none). CORE_OK or a database
 * failure. */
enum core_result summary_current(struct db *db, struct arena *a,
    const struct summary_subject *s, struct summary *out);

/* Every version of s's summary, newest first, into *out (*n of them).
 * CORE_OK or a database failure. */
enum core_result summary_versions(struct db *db, struct arena *a,
    const struct summary_subject *s, struct summary_version **out, size_t *n);

/* The answers s's summary may rest on (the latest versions' answers to
 * the section, by organisation; for a theme the answers tagged with it or
 * a sub-theme, by organisation and section order) into *out. CORE_OK or
 * a database failure. */
enum core_result summary_candidates(struct db *db, struct arena *a,
    const struct summary_subject *s, struct summary_cand **out, size_t *n);

/* The form's value for candidate c of a summary of a section (section_id,
 * 0 for a theme): "RESPONSE:SECTION" (SECTION empty for a whole
 * response). NULL when out of memory. */
const char *summary_cand_key(struct arena *a, long long section_id,
    const struct summary_cand *c);

/* Whether ref (as summary_current gave it) names candidate c. */
bool summary_ref_is(const struct summary_subject *s,
    const struct summary_ref *ref, const struct summary_cand *c);

/* What is wrong with a summary's text. */
enum summary_text {
	SUMMARY_TEXT_OK,
	SUMMARY_TEXT_EMPTY,	/* nothing but white space */
	SUMMARY_TEXT_LONG,	/* over 100 000 bytes */
};

/* Whether text may be saved as a summary. */
enum summary_text summary_text_check(const char *text);

/* The generated first draft of cands[0..n) (core/summary_draft.c) into
 * *body; quoted[i] is set for each candidate it quotes (the others are
 * cleared). CORE_OK or CORE_ERROR (out of memory). */
enum core_result summary_first_draft(struct arena *a,
    const struct summary_cand *cands, size_t n, const char **body,
    bool *quoted);

/*
 * Saves body as the next version of s's summary, expected being the
 * version the writer started from (0 for none), generated when it is the
 * generated draft unchanged, with the candidates cands[i] for which
 * checked[i] as its references, audited as summary.save by user_id, in
 * one transaction. The new version's number goes to *version. CORE_OK,
 * CORE_CONFLICT (another version came first: nothing saved), or a
 * database failure (nothing saved).
 */
enum core_result summary_save(struct db *db, struct arena *a,
    const struct summary_subject *s, long long user_id, long expected,
    const char *body, bool generated, const struct summary_cand *cands,
    const bool *checked, size_t ncands, long long *version);

#endif
