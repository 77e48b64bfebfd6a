/* decisions.h: the beslutsförslag: every section's decision, added sections, the answers a decision rests on, and saving one. */
#ifndef REMISS_DECISIONS_H
#define REMISS_DECISIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

struct arena;
struct db;

/* One line of the beslutsförslag: a live section with its decision (if
 * any), or a section the beslutsförslag adds. */
struct decision {
	long long	 id;		/* 0: the section has no decision yet */
	long long	 section_id;	/* 0: an added section */
	const char	*nr, *heading;
	const char	*kind;		/* oforandrad | andrad | struken | ny,
					   "" when none */
	const char	*revised_text;	/* "" when none */
	const char	*motivation;
	const char	*status;	/* utkast | klar, "" when none */
	long long	 lock;		/* its lock version, 0 when none */
	const char	*author;	/* who changed it last, "" when none */
	const char	*updated;	/* when (ISO 8601), "" when none */
	const char	*proposal;	/* the section's text in the proposal,
					   "" for an added section */
};

/* An answer a decision may rest on: a response's answer to the section,
 * or for an added section a whole response. */
struct decision_cand {
	long long	 response_id;
	long long	 org_id;
	const char	*org_name;
};

/* What a decision's form sends. */
struct decision_form {
	const char	*kind;		/* a section's: oforandrad | andrad |
					   struken, NULL when not one */
	const char	*text;		/* the revised or new text */
	const char	*motivation;
	const char	*status;	/* utkast | klar */
	const char	*nr, *heading;	/* an added section's */
};

/* Which fields of a decision_form are refused (decision_check). */
enum decision_error {
	DECISION_ERR_KIND = 1u << 0,	/* no decision chosen */
	DECISION_ERR_SAME = 1u << 1,	/* "andrad" but the text is empty or the
					   proposal's */
	DECISION_ERR_NR = 1u << 2,	/* not a section number */
	DECISION_ERR_HEADING = 1u << 3,	/* not a one-line heading */
	DECISION_ERR_NO_TEXT = 1u << 4,	/* an added section without text */
	DECISION_ERR_TEXT_LONG = 1u << 5,	/* text over 200 000 bytes */
	DECISION_ERR_MOTIVATION_LONG = 1u << 6,	/* over 100 000 bytes */
};

/* True for an added section (no section of the proposal). */
static inline bool
decision_is_new(const struct decision *d)
{
	return d->section_id == 0;
}

/* Every live section of remiss_id in order, with its decision, then the
 * added sections by nr, into *out (*n of them). CORE_OK or a database
 * failure. */
enum core_result decisions_list(struct db *db, struct arena *a,
    long long remiss_id, struct decision **out, size_t *n);

/* The index in list[0..n) of the decision a path's key names (a section's
 * nr, or "ny-ID" for an added section), or -1. */
long decision_find(struct arena *a, const struct decision *list, size_t n,
    const char *key);

/* The answers d may rest on, by organisation, into *out; and which of
 * them its references name, into *checked (an array of *n in a).
 * CORE_OK or a database failure. */
enum core_result decision_candidates(struct db *db, struct arena *a,
    long long remiss_id, const struct decision *d,
    struct decision_cand **out, bool **checked, size_t *n);

/* True if nr is a section number as sections.nr allows ("3.4", "7a"). */
bool decision_nr_ok(const char *nr);

/* True if heading is one line of 1..500 bytes without outer spaces. */
bool decision_heading_ok(const char *heading);

/* The fields of f refused for a save of d: a mask of enum
 * decision_error, 0 when it may be saved. */
unsigned decision_check(const struct decision *d, const struct decision_form *f);

/*
 * Saves f as d's decision (an added section's number, heading and text)
 * in one transaction, from lock version lock, with the candidates
 * cands[i] for which checked[i] as its references, audited as
 * decision.save by user_id. CORE_OK, CORE_CONFLICT (changed meanwhile, or
 * a number taken), CORE_INVALID (refused by a constraint), or a database
 * failure; nothing is saved unless CORE_OK.
 */
enum core_result decision_save(struct db *db, struct arena *a,
    long long remiss_id, long long user_id, const struct decision *d,
    const struct decision_form *f, long lock,
    const struct decision_cand *cands, const bool *checked, size_t ncands);

/* Adds a section numbered nr with heading and text (status utkast) to
 * remiss_id's beslutsförslag, audited as decision.add by user_id; its id
 * goes to *id. CORE_OK, CORE_CONFLICT (an added section has that number
 * already), or a database failure (nothing added). */
enum core_result decision_add(struct db *db, struct arena *a,
    long long remiss_id, long long user_id, const char *nr,
    const char *heading, const char *text, long long *id);

#endif
