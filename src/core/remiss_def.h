/* remiss_def.h: a remiss as stored (sections, questions, invitations), loaded for pages and checks. */
#ifndef REMISS_REMISS_DEF_H
#define REMISS_REMISS_DEF_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct db;

struct question_def {
	long long	 id;
	const char	*qid;		/* "q2" */
	const char	*kind;		/* fritext | stallningstagande | konsekvens | tidshorisont */
	const char	*text;
};

struct section_def {
	long long		 id;
	const char		*nr;		/* "3.3" */
	const char		*heading;
	const char		*body;		/* the proposal's text */
	struct question_def	*questions;	/* asked under this section */
	size_t			 nquestions;
};

struct remiss_def {
	long long		 id;
	const char		*slug, *title, *sender, *diarienummer, *description;
	const char		*opens, *closes;	/* YYYY-MM-DD */
	const char		*status;		/* utkast | oppen | stangd | beslutad */
	struct section_def	*sections;		/* live sections, in order */
	size_t			 nsections;
	struct question_def	*general;		/* questions to the whole remiss */
	size_t			 ngeneral;
};

/* Loads the remiss with this slug and its live sections and questions, in
 * order, into a. Returns 1 found, 0 no such remiss, -1 database error. */
int remiss_load(struct db *db, struct arena *a, const char *slug,
    struct remiss_def *out);

struct invitation {
	const char	*closes;	/* the organisation's last day: its extension or the remiss's */
	bool		 open_now;	/* status oppen and today (Europe/Stockholm, server clock)
					   within opens .. closes */
};

/* The invitation of organisation org_id to remiss remiss_id. Returns 1
 * invited (out filled), 0 not invited, -1 database error. */
int remiss_invitation(struct db *db, struct arena *a, long long remiss_id,
    long long org_id, struct invitation *out);

/* An invited organisation, as the remiss XML lists it. */
struct invitee {
	const char	*name;
	const char	*kind;		/* kommun | region | annan */
	const char	*orgnr;		/* NULL if none */
};

/* Lists the organisations invited to remiss_id, by name, into *out (array
 * in a). Returns the count or -1. */
long remiss_invitees(struct db *db, struct arena *a, long long remiss_id,
    struct invitee **out);

/* An open remiss as the API lists it. */
struct remiss_info {
	const char	*slug, *title, *sender, *diarienummer;	/* diarienummer may be NULL */
	const char	*opens, *closes;	/* YYYY-MM-DD; closes with the caller's extension */
	bool		 answered;		/* the caller's organisation has submitted */
};

/* Lists the open remisser (status oppen) into *out (array in a): with
 * org_id, only those the organisation is invited to, with its own last day;
 * org_id 0 lists all. Returns the count or -1. */
long remiss_list_open(struct db *db, struct arena *a, long long org_id,
    struct remiss_info **out);

/* Finds a live section by nr / a live question by qid in def; NULL if none. */
const struct section_def *remiss_section(const struct remiss_def *def,
    const char *nr);
const struct question_def *remiss_question(const struct remiss_def *def,
    const char *qid);

#endif
