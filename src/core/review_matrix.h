/* review_matrix.h: the review matrix's data (one page of organisations, their answers per
 * section, counts and progress) and the remiss's data version that keys its page cache. */
#ifndef REMISS_REVIEW_MATRIX_H
#define REMISS_REVIEW_MATRIX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/response_doc.h"
#include "core/result.h"

struct arena;
struct db;
struct db_call;
struct remiss_def;
struct theme;

/* Organisations (columns) per page: 200 sections x 20 organisations is
 * about 1 MB of HTML, against 15 MB for 300 organisations on one page. */
#define MATRIX_PAGE_ORGS	20

/* A remiss's data versions (docs/architecture.md, "The review matrix
 * cache"): its own row and row 0, bumped after every change. */
struct matrix_version {
	long long	 remiss_id;
	long long	 v;		/* the remiss's */
	long long	 v0;		/* everything not tied to one remiss */
};

/*
 * Reads the data version of the remiss slug, before anything else of the
 * page. prefetched (or NULL) is a call the worker ran with the session
 * (req->prefetch): its result is taken (and cleared) when it is
 * STMT_DATA_VERSION's, else the version is read here. CORE_OK,
 * CORE_NOT_FOUND (no such remiss), or a database failure.
 */
enum core_result matrix_version_read(struct db *db, const char *slug,
    struct db_call *prefetched, struct matrix_version *out);

/* The filters of a page; NULL/0 when not set. */
struct matrix_filters {
	const char	*section;	/* a section's nr */
	long long	 theme;		/* answers tagged with it */
	const char	*position;	/* a position's code */
	const char	*kind;		/* kommun | region | annan */
	const char	*text;		/* words in the answer */
};

/* Drops a position filter that names no position (or "none"). */
void matrix_filters_clean(struct matrix_filters *f);

/* An organisation of the page (a column). */
struct matrix_org {
	long long	 id;
	const char	*name;
};

/* One organisation's latest answer to one section. */
struct matrix_cell {
	enum position	 position;
	const char	*excerpt;	/* the start of the comment, "" if none */
	bool		 cut;		/* the comment goes on after excerpt */
	long		 tags;		/* tags on the answer */
	long		 notes;		/* open annotation threads */
	bool		 read;		/* read by the reader */
	bool		 match;		/* passes the filters */
};

/* How far the reading of one section has come, over every organisation. */
struct matrix_progress {
	bool		 found;		/* the section has a row at all */
	long		 answered, n_read, n_tagged, n_noted;
	const char	*readers;	/* who has read, "" if nobody */
	long		 positions[POS__MAX]; /* answers per position, of the
					   kind filtered (POS_NONE unused) */
};

struct matrix_page {
	long long		 page;		/* 1-based, at most npages */
	int			 npages;
	int			 nall;		/* organisations of the kind */
	int			 from;		/* the first's 0-based number */
	struct matrix_org	*orgs;		/* this page's, by name */
	int			 norgs;
	struct matrix_cell	*cells;		/* every answer of orgs */
	int			 ncells;
	int			 nmatch;	/* cells that pass the filters */
	int			*grid;		/* [section index * norgs + org]:
						   the cell there if it passes
						   the filters, else -1 */
	struct theme		*themes;	/* the remiss's, for the filter */
	size_t			 nthemes;
	struct matrix_progress	*progress;	/* by index of def->sections */
};

/*
 * Loads page page (1-based; past the last: the last) of the matrix of
 * def for the reader user_id with the filters f, into *out (in a): four
 * statements whatever the filters (organisations, cells of the page's
 * organisations, themes, counts and progress per section; besides the
 * count of organisations). CORE_OK, or a database failure or CORE_ERROR
 * (out of memory).
 */
enum core_result matrix_load(struct db *db, struct arena *a,
    const struct remiss_def *def, long long user_id,
    const struct matrix_filters *f, long long page, struct matrix_page *out);

#endif
