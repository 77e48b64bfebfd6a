/* review_analysis.h: the data of the analysis pages: a remiss's latest answers with text, the
 * answers each theme tags, and a suggested group's answers as tag targets (the text analysis
 * itself is in src/analysis/). */
#ifndef REMISS_REVIEW_ANALYSIS_H
#define REMISS_REVIEW_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/doc.h"
#include "core/result.h"

struct arena;
struct db;
struct review_target;

/* One latest section answer with text. */
struct analysis_answer {
	long long	 id;		/* the answer's */
	long long	 section_id;
	long long	 org_id;
	const char	*org;		/* the organisation's name */
	const char	*text;		/* its text (NUL-terminated) */
	size_t		 len;
};

/* Every latest section answer with text of a remiss, by answer id, and
 * the same as analysis documents (docs[i] is answers[i]). */
struct analysis_corpus {
	struct analysis_answer	*answers;
	struct doc		*docs;
	size_t			 n;
};

/* Loads the corpus of remiss_id into *out (in a). CORE_OK, or a database
 * failure or CORE_ERROR (out of memory). */
enum core_result analysis_corpus_load(struct db *db, struct arena *a,
    long long remiss_id, struct analysis_corpus *out);

/* A theme that tags answers of a section, with those answers' ids. */
struct analysis_theme {
	long long	 id;
	const char	*name;
	int64_t		*answers;	/* latest answers' ids, ascending */
	size_t		 n;
};

/* The themes of remiss_id tagging latest answers of section_id, by name,
 * into *out (an array of *n in a). CORE_OK, or a database failure or
 * CORE_ERROR. */
enum core_result analysis_themes(struct db *db, struct arena *a,
    long long remiss_id, long long section_id, struct analysis_theme **out,
    size_t *n);

/*
 * The answers ids names ("1,2,3", as a suggested group's form sends them;
 * each id once, at most 10 000) as targets of whole-answer tags, into
 * *out (an array of *n in a). CORE_OK; CORE_INVALID when ids is missing or
 * malformed; CORE_NOT_FOUND when any is not a latest answer of remiss_id;
 * a database failure, or CORE_ERROR (out of memory).
 */
enum core_result analysis_group_targets(struct db *db, struct arena *a,
    long long remiss_id, const char *ids, struct review_target **out,
    size_t *n);

#endif
