/* model.h: one model of a remiss for every export format, read section by section
 * and handed to a writer through callbacks, so that the formats cannot disagree. */
#ifndef REMISS_EXPORT_MODEL_H
#define REMISS_EXPORT_MODEL_H

#include <stddef.h>

#include "core/response_doc.h"
#include "export/sink.h"

struct db;
struct remiss_doc;


/* The counts of POS_NONE hold answers given without a position. */
struct export_counts {
	unsigned long	 n[POS__MAX];
};

/* An invited organisation and its latest submitted version ("" if none). */
struct export_org {
	long long	 id;
	const char	*name, *kind, *orgnr;	/* orgnr "" if none */
	const char	*version;		/* "2", or "" when not answered */
	const char	*received;		/* iso_time_se, or "" */
	const char	*receipt;		/* kvittensnummer, or "" */
	enum position	 position;		/* overall */
	const char	*arrived;		/* a registered version's ankomstdatum
						   (YYYY-MM-DD), or "" */
};

/* When o's latest version counts as received: a registered version's
 * ankomstdatum (YYYY-MM-DD), else the time it was stored (iso_time_se);
 * "" when o has not answered. Borrowed from o. */
const char *export_org_received(const struct export_org *o);

/* A section in the overview: its number, heading and position counts. */
struct export_section_head {
	long long		 id;
	const char		*nr, *heading;
	struct export_counts	 counts;
};

/* What a writer gets first: everything whose size does not grow with the
 * number of answers (remiss facts, invitees, the section list). */
struct export_head {
	long long			 remiss_id;
	const char			*slug, *title, *sender, *diarienummer;
	const char			*description, *opens, *closes, *status;
	const char			*created;	/* now, iso_time_se style */
	const struct export_org		*orgs;		/* by name */
	size_t				 norgs;
	size_t				 nanswered;	/* orgs with a version */
	const struct export_section_head *sections;	/* in order */
	size_t				 nsections;
	const struct remiss_doc		*docs;		/* the remiss's own
							   documents (förslag
							   first), live only */
	size_t				 ndocs;
};

/* One organisation's latest answer to a section or a question (every text
 * "" if empty). org points into the head's orgs. */
struct export_answer {
	const struct export_org	*org;
	enum position		 position;
	const char		*comment, *wording;
	const char		*cons_region, *cons_kommun;
	const char		*short_term, *long_term;
	const char		*themes;	/* "A; B", or "" */
};

/* A tag (theme set) or an annotation (note set) on an answer or passage. */
struct export_mark {
	const char	*org, *theme, *quote, *start, *end, *note, *by, *at;
};

/* A question of a section or of the whole remiss with its answers (by
 * organisation name; none when nobody answered it). */
struct export_question {
	const char				*qid, *kind, *text;
	const struct export_answer		*answers;
	size_t					 nanswers;
};

/* A dialogmöte as a section names it. */
struct export_meeting_ref {
	const char	*held_on;	/* YYYY-MM-DD */
	const char	*title;		/* "" if none */
	const char	*orgs;		/* "Org A, Org B" */
};

/* One section with everything said about it. Valid during the callback. */
struct export_section {
	size_t				 index;		/* into head->sections */
	const struct export_section_head *head;
	const char			*body;		/* the proposal's text */
	const struct export_answer	*answers;	/* by organisation name */
	size_t				 nanswers;
	const struct export_mark	*marks;
	size_t				 nmarks;
	const char			*summary;	/* latest version, or "" */
	const char			*summary_refs;	/* "Org A, Org B", or "" */
	/* The beslutsförslag: kind "" when none yet. */
	const char			*decision;	/* oforandrad|andrad|struken */
	const char			*decision_text;	/* revised text, or "" */
	const char			*decision_motivation;
	const char			*decision_status; /* utkast|klar */
	/* The section's questions with their answers, in order. */
	const struct export_question	*questions;
	size_t				 nquestions;
	/* The dialogmöten linked to the section, by date. */
	const struct export_meeting_ref	*meetings;
	size_t				 nmeetings;
};

/* A section the beslutsförslag adds. */
struct export_new_section {
	const char	*nr, *heading, *text, *motivation, *status;
};

/* A theme of the referensgrupp. */
struct export_theme {
	const char	*name, *parent;		/* parent "" for a top theme */
	const char	*description;		/* "" if none */
	const char	*answers;		/* answers tagged, as text */
	const char	*summary;		/* latest version, or "" */
	const char	*summary_refs;		/* "Org A (3.3), Org B", or "" */
};

/* A participant of a dialogmöte. */
struct export_participant {
	const char	*name, *role;	/* role "" if none */
};

/* A dialogmöte with the organisations and people who took part and what
 * it was about. Lists are in the order a reader expects (organisations by
 * name, participants as entered, sections in the proposal's order). */
struct export_meeting {
	const char				*held_on;	/* YYYY-MM-DD */
	const char				*title, *place;	/* "" if none */
	const char				*notes;		/* "" if none */
	const char *const			*orgs;
	size_t					 norgs;
	const struct export_participant		*participants;
	size_t					 nparticipants;
	const char *const			*section_nrs, *const *section_headings;
	size_t					 nsections;
	const char *const			*themes;
	size_t					 nthemes;
};

/*
 * A writer: begin once, section once per live section in order, then
 * questions_overall (the questions about the whole remiss and their
 * answers), marks_overall (tags and notes on whole responses), themes,
 * new_sections (the sections the beslutsförslag adds), meetings (every
 * dialogmöte of the remiss, by date), end. Any
 * callback may be NULL. Each returns 0, or -1 to stop the export.
 */
struct export_writer {
	int	(*begin)(void *w, const struct export_head *h);
	int	(*section)(void *w, const struct export_head *h,
		    const struct export_section *s);
	int	(*marks_overall)(void *w, const struct export_head *h,
		    const struct export_mark *m, size_t n);
	int	(*themes)(void *w, const struct export_head *h,
		    const struct export_theme *t, size_t n);
	int	(*new_sections)(void *w, const struct export_head *h,
		    const struct export_new_section *s, size_t n);
	int	(*questions_overall)(void *w, const struct export_head *h,
		    const struct export_question *q, size_t n);
	int	(*meetings)(void *w, const struct export_head *h,
		    const struct export_meeting *m, size_t n);
	int	(*end)(void *w, const struct export_head *h);
};

/*
 * Reads remiss slug in one read-only snapshot of db and feeds wr (with its
 * state w). Memory: the head (organisations and the section list) for the
 * whole run, then one section at a time, freed before the next; the
 * meetings (a handful per remiss, their notes bounded by the schema) are
 * read together for their one callback. Returns 1
 * done, 0 no such remiss (nothing called), -1 a database error or a
 * callback's -1 (logged; the writer may have written part of its output).
 */
int export_model_run(struct db *db, const char *slug,
    const struct export_writer *wr, void *w);

/* Calls fn(ctx, org name, canonical XML) for the latest submitted version
 * of every organisation that answered remiss_id, by name, reading twenty at
 * a time. Run it inside export_model_run's snapshot (from a callback).
 * Returns 0, or -1 on a database error or fn's -1. */
int export_model_versions(struct db *db, long long remiss_id,
    int (*fn)(void *ctx, const char *org, const char *xml), void *ctx);

struct arena;

/* A list of names as one line, "A, B och C", allocated in a; "" on OOM. */
const char *export_names_joined(struct arena *a, const char *const *v,
    size_t n);

/* export_org_received in Swedish, "20 maj 2024" (an ankomstdatum) or
 * "21 maj 2024 kl. 14.03", allocated in a; "" when o has not answered. */
const char *export_org_received_sv(struct arena *a, const struct export_org *o);

/* A meeting's heading, "22 maj 2024: title" or "Dialogmöte 22 maj 2024",
 * allocated in a; NULL on OOM. */
const char *export_meeting_heading(struct arena *a,
    const struct export_meeting *m);

/* A dialogmöte as a section names it: "22 maj 2024: title (Org A, Org B)",
 * the title and the organisations only when there are any; in a, NULL on
 * OOM. */
const char *export_meeting_ref_text(struct arena *a,
    const struct export_meeting_ref *m);

/* A participant as the exports list them: "Anna Svensson, socialchef", or
 * the name alone when there is no role; in a, NULL on OOM. */
const char *export_participant_sv(struct arena *a,
    const struct export_participant *p);

/* Section k of a meeting as the exports name it, "3.3 Heading"; in a, NULL
 * on OOM. */
const char *export_meeting_section_sv(struct arena *a,
    const struct export_meeting *m, size_t k);

/* A question's heading, "Fråga q1: text"; in a, NULL on OOM. */
const char *export_question_title_sv(struct arena *a,
    const struct export_question *q);

/* The heading of a section's beslutsförslag, "Beslutsförslag: Ändrad
 * (klar för beslut)" or "... (utkast)", into out (room for
 * EXPORT_DECISION_TITLE bytes). Returns out. */
#define EXPORT_DECISION_TITLE	128
const char *export_decision_title_sv(const struct export_section *s,
    char *out);

/* The heading of a section the beslutsförslag adds, by its status. */
const char *export_new_section_title_sv(const struct export_new_section *ns);

/* When o answered in Swedish (export_org_received_sv), or "Har inte
 * svarat"; in a. */
const char *export_org_when_sv(struct arena *a, const struct export_org *o);

/* The labelled texts of an answer that follow its comment, in the order
 * the exports show them: text k (k < EXPORT_ANSWER_FIELDS) of an, with its
 * Swedish label in *label_sv. */
#define EXPORT_ANSWER_FIELDS	5
const char *export_answer_field(const struct export_answer *an, size_t k,
    const char **label_sv);

/* One of the remiss's documents on a line, in Swedish: "Förslag: TITLE
 * (file.pdf, 120 kB, uppladdad 3 maj 2024, SHA-256 ...)"; in a. */
const char *export_doc_line(struct arena *a, const struct remiss_doc *d);

/* The kind of organisation in Swedish: "Kommun", "Region" or "Annan". */
const char *export_kind_sv(const char *kind);

/* A position in Swedish, "Ej angivet" for POS_NONE. */
const char *export_position_sv(enum position p);

/* The Swedish name of a decision's kind ("oforandrad" -> "Oförändrad"). */
const char *export_decision_sv(const char *kind);

#endif
