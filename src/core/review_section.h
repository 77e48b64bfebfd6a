/* review_section.h: what the review's section page shows (every organisation's latest answer to one section, its tags, threads, read marks and the summaries citing it), and the one answer a review form names. */
#ifndef REMISS_REVIEW_SECTION_H
#define REMISS_REVIEW_SECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* The text fields of an answer that can be read, quoted and tagged. */
enum answer_field {
	AF_KOMMENTAR,
	AF_FORSLAG,
	AF_KONSEKVENS_REGION,
	AF_KONSEKVENS_KOMMUN,
	AF_KORTSIKTIGT,
	AF_LANGSIKTIGT,
	AF_SAMMANFATTNING,	/* only the response as a whole has it */
	AF__N
};

/* Each field's key: its answer_field value in the database (tags,
 * annotations) and its column name in the statements. */
extern const char *const answer_field_keys[AF__N];

/* The field named key, or AF__N for NULL or an unknown key. */
enum answer_field answer_field_parse(const char *key);

/* True if only the response as a whole has field f. */
static inline bool
answer_field_overall_only(enum answer_field f)
{
	return f == AF_SAMMANFATTNING;
}

/* An organisation's latest answer to the section, to one of its questions
 * (section_id 0, question_id set), or (on the page of the responses as a
 * whole) its overall position and summary. */
struct review_answer {
	long long	 org_id;
	const char	*org;
	long long	 response_id, version_id;
	const char	*version;	/* its number */
	const char	*received;	/* ISO time, Europe/Stockholm */
	long long	 section_id, question_id;	/* 0: none */
	const char	*position;	/* a position code, "" for none */
	const char	*text[AF__N];	/* "" where the field is empty */
};

/* A tag on an answer: a whole answer (quote "") or a passage of field. */
struct review_tag {
	long long	 id, theme_id;
	const char	*theme;
	long long	 response_id, section_id, question_id;
	const char	*field, *quote, *prefix, *suffix;
	long		 start;		/* the passage's character offset */
	const char	*author, *created;
};

/* An annotation: a thread's first note (parent_id 0) or a reply, with its
 * thread's target, passage and state. */
struct review_note {
	long long	 id, parent_id;
	long long	 response_id, section_id, question_id;
	const char	*quote;		/* the thread's passage, "" for none */
	const char	*body, *author, *created;
	const char	*resolved;	/* when the thread was resolved, "" if open */
	const char	*resolver;
};

/* Who has marked an organisation's answer read. */
struct review_read {
	long long	 response_id, user_id;
	const char	*reader;
};

/* A theme to tag with: a top-level theme, or a sub-theme (parent_id). */
struct review_theme_choice {
	long long	 id, parent_id;
	const char	*name;
};

/* A summary resting on an organisation's answer: the section's own
 * (theme_id 0) or a theme's. */
struct review_citing {
	long long	 response_id, theme_id;
	const char	*theme;
};

/* Everything the section page of one section (or of the responses as a
 * whole) shows, each list in the page's order, in one arena. */
struct review_section_data {
	struct review_answer		*answers;	/* by organisation */
	size_t				 nanswers;
	struct review_tag		*tags;
	size_t				 ntags;
	struct review_note		*notes;		/* by thread, first note
							   first */
	size_t				 nnotes;
	struct review_read		*reads;
	size_t				 nreads;
	struct review_theme_choice	*themes;
	size_t				 nthemes;
	struct review_citing		*citing;	/* a section only */
	size_t				 nciting;
};

/* Loads the page of section section_id (0: the responses as a whole) of
 * remiss_id into *out. CORE_OK, or CORE_UNAVAILABLE / CORE_ERROR
 * (logged). */
enum core_result review_section_load(struct db *db, struct arena *a,
    long long remiss_id, long long section_id,
    struct review_section_data *out);

/* The latest version of an answer as a review form names it. */
struct answer_now {
	long long	 version_id;
	const char	*text[AF__N];
};

/* The latest version of response response_id of remiss_id and its answer
 * to section_id or question_id (both 0: the response as a whole, which
 * every response has) into *out. CORE_NOT_FOUND when the response is not
 * of remiss_id or has no such answer; CORE_UNAVAILABLE / CORE_ERROR. */
enum core_result review_answer_now(struct db *db, struct arena *a,
    long long remiss_id, long long response_id, long long section_id,
    long long question_id, struct answer_now *out);

#endif
